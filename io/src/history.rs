//! Snapshots of one draft: taken automatically while the user edits (one after each
//! [`AUTO_SNAPSHOT_INTERVAL_MS`] of editing), before every bulk change (全部修正, restore of a
//! snapshot; imports never change a draft, they open as new ones) and on demand (保存版本). At
//! most [`MAX_SNAPSHOTS`] are kept per draft; the oldest goes first.
//!
//! Stored as JSON under [`history_key`](crate::history_key):
//! `{"format_version": 1, "snapshots": [{"at_ms": …, "reason": "manual", "text": "…"}…]}`,
//! oldest first.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How many snapshots are kept per draft. Each is a full copy of the text, and the browser's
/// storage holds about 5 MB for everything, so a long report's history must stay bounded.
pub const MAX_SNAPSHOTS: usize = 20;

/// The least time between two automatic snapshots: 5 minutes.
pub const AUTO_SNAPSHOT_INTERVAL_MS: i64 = 5 * 60 * 1000;

const HISTORY_FORMAT_VERSION: u32 = 1;

/// Why a snapshot was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SnapshotReason {
    /// While editing, every [`AUTO_SNAPSHOT_INTERVAL_MS`] at most.
    Auto,
    /// The user asked for it (保存版本).
    Manual,
    /// Before a bulk fix (全部修正).
    BeforeFixAll,
    /// Before another snapshot was restored.
    BeforeRestore,
}

impl SnapshotReason {
    /// The label the history list shows.
    pub fn label(self) -> &'static str {
        match self {
            SnapshotReason::Auto => "自动保存",
            SnapshotReason::Manual => "手动保存",
            SnapshotReason::BeforeFixAll => "全部修正前",
            SnapshotReason::BeforeRestore => "恢复版本前",
        }
    }
}

/// One saved version of a draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub at_ms: i64,
    pub reason: SnapshotReason,
    pub text: String,
}

/// The snapshots of one draft, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    snapshots: Vec<Snapshot>,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    format_version: u32,
    snapshots: Vec<Snapshot>,
}

/// Stored snapshots that cannot be read. Its [`Display`](fmt::Display) is a message for the
/// user, in Chinese.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryUnreadable;

impl fmt::Display for HistoryUnreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "这份草稿的历史版本记录已损坏，无法读取，将重新开始记录；草稿正文不受影响。"
        )
    }
}

impl std::error::Error for HistoryUnreadable {}

impl History {
    /// Reads stored snapshots.
    ///
    /// # Errors
    /// [`HistoryUnreadable`] for anything but this module's JSON.
    pub fn from_json(json: &str) -> Result<History, HistoryUnreadable> {
        let stored: Stored = serde_json::from_str(json).map_err(|_| HistoryUnreadable)?;
        if stored.format_version != HISTORY_FORMAT_VERSION {
            return Err(HistoryUnreadable);
        }
        Ok(History {
            snapshots: stored.snapshots,
        })
    }

    pub fn to_json(&self) -> String {
        let stored = Stored {
            format_version: HISTORY_FORMAT_VERSION,
            snapshots: self.snapshots.clone(),
        };
        serde_json::to_string(&stored).unwrap_or_default()
    }

    /// The snapshots, oldest first.
    pub fn snapshots(&self) -> &[Snapshot] {
        &self.snapshots
    }

    /// Whether an edit at `now` should take an automatic snapshot: the user has been editing
    /// since `editing_since` (when this session's first edit of the draft was made) and neither
    /// that nor the newest snapshot, of any kind, is within [`AUTO_SNAPSHOT_INTERVAL_MS`]. So
    /// the first keystroke takes none, and five minutes of editing take one.
    pub fn auto_due(&self, now: i64, editing_since: i64) -> bool {
        let last = self
            .snapshots
            .last()
            .map_or(editing_since, |s| s.at_ms.max(editing_since));
        now.saturating_sub(last) >= AUTO_SNAPSHOT_INTERVAL_MS
    }

    /// Records `text`, unless it is the text of the newest snapshot already (restoring twice or
    /// pressing 保存版本 twice keeps one copy) or empty. Drops the oldest beyond
    /// [`MAX_SNAPSHOTS`]. Returns whether a snapshot was added.
    ///
    /// # Examples
    /// ```
    /// use jianwen_io::{History, SnapshotReason, AUTO_SNAPSHOT_INTERVAL_MS};
    /// let mut history = History::default();
    /// assert!(history.record("第一稿", SnapshotReason::Manual, 0));
    /// assert!(!history.record("第一稿", SnapshotReason::Manual, 10));
    /// assert!(!history.auto_due(AUTO_SNAPSHOT_INTERVAL_MS - 1, 0));
    /// assert!(history.auto_due(AUTO_SNAPSHOT_INTERVAL_MS, 0));
    /// ```
    pub fn record(&mut self, text: &str, reason: SnapshotReason, now: i64) -> bool {
        if text.is_empty() || self.snapshots.last().is_some_and(|last| last.text == text) {
            return false;
        }
        self.snapshots.push(Snapshot {
            at_ms: now,
            reason,
            text: text.to_string(),
        });
        let excess = self.snapshots.len().saturating_sub(MAX_SNAPSHOTS);
        self.snapshots.drain(..excess);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: i64 = 60 * 1000;

    #[test]
    fn automatic_snapshots_come_after_each_five_minutes_of_editing() {
        // (edit time in minutes, text, whether an automatic snapshot is taken); editing began
        // at minute 0.
        let edits = [
            (0, "一", false),
            (1, "一二", false),
            (4, "一二三", false),
            (5, "一二三四", true),
            (9, "一二三四五", false),
            (10, "一二三四五六", true),
            (60, "一二三四五六", false), // due, but the text is the newest snapshot's
        ];
        let mut history = History::default();
        for (minute, text, taken) in edits {
            let now = minute * MIN;
            let took = history.auto_due(now, 0) && history.record(text, SnapshotReason::Auto, now);
            assert_eq!(took, taken, "edit at minute {minute}");
        }
        assert_eq!(history.snapshots().len(), 2);
    }

    #[test]
    fn a_new_session_waits_five_minutes_and_any_snapshot_resets_the_wait() {
        let mut history = History::default();
        history.record("昨天的稿子", SnapshotReason::Auto, 0);
        // Editing again a day later, from minute 1440.
        assert!(!history.auto_due(1443 * MIN, 1440 * MIN));
        assert!(history.auto_due(1445 * MIN, 1440 * MIN));
        history.record("修正前", SnapshotReason::BeforeFixAll, 1446 * MIN);
        assert!(!history.auto_due(1450 * MIN, 1440 * MIN));
        assert!(history.auto_due(1451 * MIN, 1440 * MIN));
    }

    #[test]
    fn the_oldest_snapshots_go_beyond_the_cap() {
        let mut history = History::default();
        for n in 0..MAX_SNAPSHOTS + 5 {
            assert!(history.record(&format!("第{n}稿"), SnapshotReason::Manual, n as i64));
        }
        let kept = history.snapshots();
        assert_eq!(kept.len(), MAX_SNAPSHOTS);
        assert_eq!(kept[0].text, "第5稿");
        assert_eq!(
            kept[MAX_SNAPSHOTS - 1].text,
            format!("第{}稿", MAX_SNAPSHOTS + 4)
        );
    }

    #[test]
    fn stored_history_round_trips_and_damage_is_refused() {
        let mut history = History::default();
        history.record("关于……的通知\n各单位：", SnapshotReason::BeforeFixAll, 42);
        assert_eq!(History::from_json(&history.to_json()), Ok(history));
        for damaged in [
            "",
            "{",
            "[]",
            r#"{"format_version": 9, "snapshots": []}"#,
            r#"{"format_version": 1, "snapshots": [{"at_ms": 1}]}"#,
            r#"{"format_version": 1, "snapshots": [{"at_ms": 1, "reason": "later", "text": ""}]}"#,
        ] {
            assert_eq!(
                History::from_json(damaged),
                Err(HistoryUnreadable),
                "{damaged:?}"
            );
        }
    }
}
