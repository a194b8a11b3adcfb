//! What the drafts drawer shows, computed from the library: pure, so tested natively.

use jianwen_engine::counting::count;
use jianwen_io::{History, Library, TRASH_RETENTION_MS};
use yew::AttrValue;

/// One draft of the list.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftRow {
    pub id: AttrValue,
    pub title: AttrValue,
    /// Last edit, milliseconds since the Unix epoch.
    pub updated_ms: i64,
    /// Word's 字数 of the text.
    pub word_count: usize,
    /// The draft open in the editor.
    pub current: bool,
}

/// One draft of the 回收站.
#[derive(Clone, Debug, PartialEq)]
pub struct TrashRow {
    pub id: AttrValue,
    pub title: AttrValue,
    /// Whole days left before it is removed for good, at least 1 while it is still there.
    pub days_left: i64,
}

/// One snapshot of the open draft, newest first in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct SnapshotRow {
    /// Its position in [`History::snapshots`].
    pub index: usize,
    pub at_ms: i64,
    pub word_count: usize,
    pub reason: &'static str,
}

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// The list, last edited first.
pub fn draft_rows(library: &Library, current: &str) -> Vec<DraftRow> {
    library
        .list()
        .into_iter()
        .map(|d| DraftRow {
            id: d.id.clone().into(),
            title: d.title().into(),
            updated_ms: d.updated_ms,
            word_count: count(&d.text).word_count,
            current: d.id == current,
        })
        .collect()
}

/// The 回收站, last deleted first, with the days each has left at `now`.
pub fn trash_rows(library: &Library, now: i64) -> Vec<TrashRow> {
    library
        .trash()
        .into_iter()
        .map(|d| {
            let left = d.deleted_ms.unwrap_or(now) + TRASH_RETENTION_MS - now;
            TrashRow {
                id: d.id.clone().into(),
                title: d.title().into(),
                days_left: ((left + DAY_MS - 1) / DAY_MS).max(1),
            }
        })
        .collect()
}

/// The snapshots, newest first.
pub fn snapshot_rows(history: &History) -> Vec<SnapshotRow> {
    let snapshots = history.snapshots().iter().enumerate();
    snapshots
        .rev()
        .map(|(index, s)| SnapshotRow {
            index,
            at_ms: s.at_ms,
            word_count: count(&s.text).word_count,
            reason: s.reason.label(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jianwen_io::SnapshotReason;

    #[test]
    fn rows_show_titles_counts_and_the_open_draft() {
        let mut library = Library::default();
        let first = library.create("关于开展检查的通知\n各单位：", 1_000);
        let second = library.create("会议纪要2026", 2_000);
        let rows = draft_rows(&library, &first);
        // 13: nine 汉字, 各单位 and the full-width colon.
        let shown: Vec<(&str, usize, bool)> = rows
            .iter()
            .map(|r| (r.title.as_str(), r.word_count, r.current))
            .collect();
        assert_eq!(
            shown,
            [("会议纪要2026", 5, false), ("关于开展检查的通知", 13, true)]
        );
        assert_eq!(rows[0].id, second.as_str());
    }

    #[test]
    fn trash_rows_count_the_days_left() {
        // (deleted how long ago, days left)
        let cases = [
            (0, 30),
            (1, 30),
            (DAY_MS, 29),
            (29 * DAY_MS + 1, 1),
            (TRASH_RETENTION_MS - 1, 1),
        ];
        for (ago, days) in cases {
            let mut library = Library::default();
            let id = library.create("草稿", 0);
            library.delete(&id, 1_000).unwrap();
            assert_eq!(
                trash_rows(&library, 1_000 + ago)[0].days_left,
                days,
                "deleted {ago} ms ago"
            );
        }
    }

    #[test]
    fn snapshots_are_listed_newest_first() {
        let mut history = History::default();
        history.record("第一稿", SnapshotReason::Auto, 1);
        history.record("第二稿全文", SnapshotReason::Manual, 2);
        let rows = snapshot_rows(&history);
        let shown: Vec<(usize, usize, &str)> = rows
            .iter()
            .map(|r| (r.index, r.word_count, r.reason))
            .collect();
        assert_eq!(shown, [(1, 5, "手动保存"), (0, 3, "自动保存")]);
    }
}
