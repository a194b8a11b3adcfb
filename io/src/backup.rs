//! The backup file: every draft and the settings in one versioned JSON document, and the merge
//! of a backup into the drafts already there.
//!
//! # Format, version 1
//! ```json
//! {
//!   "format": "jianwen-backup",
//!   "format_version": 1,
//!   "exported_ms": 1718000000000,
//!   "drafts": [
//!     { "id": "d1717000000000", "text": "关于……的通知\n……", "created_ms": 1717000000000,
//!       "updated_ms": 1717500000000, "title": "防汛通知", "cap_profile": "js-2019-policy",
//!       "ignored_findings": […], "disabled_format_rules": […], "deleted_ms": 1717600000000 }
//!   ],
//!   "settings": { … }
//! }
//! ```
//! `title`, `cap_profile`, `ignored_findings`, `disabled_format_rules` and `deleted_ms` are left
//! out when unset. `settings` is the app's own JSON, carried as it is.
//!
//! # Version 0
//! Before the library, the app kept one draft's text under the `localStorage` key
//! `jianwen.v1.draft`. Version 0 is that draft as JSON, `{"draft": "<text>"}`, with no
//! `format` key; [`Backup::from_legacy_draft`] takes the raw stored text.

use crate::library::{Draft, Library};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashSet;
use std::fmt;

/// The version this code writes; it reads this one and every older one.
pub const BACKUP_FORMAT_VERSION: u32 = 1;

/// The value of the `format` key, which tells a 简文 backup from any other JSON.
const BACKUP_FORMAT: &str = "jianwen-backup";

/// The id given to the single draft of version 0. Fixed, so that importing the same old file
/// twice finds the draft already there.
pub const LEGACY_DRAFT_ID: &str = "legacy";

/// All drafts and the settings, as exported at one moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub exported_ms: i64,
    /// Every draft, those in the 回收站 included; ids are unique and non-empty.
    pub drafts: Vec<Draft>,
    /// The app's settings, opaque here; `null` in a backup that has none (version 0).
    pub settings: Value,
}

#[derive(Serialize)]
struct StoredRef<'a> {
    format: &'a str,
    format_version: u32,
    exported_ms: i64,
    drafts: &'a [Draft],
    settings: &'a Value,
}

#[derive(Deserialize)]
struct StoredV1 {
    format_version: u32,
    exported_ms: i64,
    drafts: Vec<Draft>,
    #[serde(default)]
    settings: Value,
}

/// A backup file that cannot be read. Nothing is imported when one is returned.
/// Its [`Display`](fmt::Display) is a message for the user, in Chinese.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BackupError {
    /// Not JSON: damaged, cut short, or another kind of file.
    Syntax { line: usize, column: usize },
    /// JSON, but not a 简文 backup.
    NotABackup,
    /// A 简文 backup with a missing field or a value of the wrong kind.
    Format { line: usize, column: usize },
    /// A format version this code does not know: newer than [`BACKUP_FORMAT_VERSION`], or
    /// never written.
    Version { found: u64 },
    /// A draft with an empty id.
    EmptyId,
    /// Two drafts with the same id.
    DuplicateId { id: String },
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::Syntax { line, column } => write!(
                f,
                "备份文件不是有效的 JSON（第 {line} 行第 {column} 列附近），可能已损坏或不完整。没有导入任何内容。"
            ),
            BackupError::NotABackup => write!(f, "这个文件不是简文的备份文件。没有导入任何内容。"),
            BackupError::Format { line, column } => write!(
                f,
                "备份文件的内容不符合格式（第 {line} 行第 {column} 列附近），可能已损坏或被改动过。没有导入任何内容。"
            ),
            BackupError::Version { found } if *found > u64::from(BACKUP_FORMAT_VERSION) => write!(
                f,
                "这个备份文件由更新版本的简文导出（格式版本 {found}），本程序只能读取版本 {BACKUP_FORMAT_VERSION} 及以前的备份。请更新简文后再导入。没有导入任何内容。"
            ),
            BackupError::Version { found } => write!(
                f,
                "无法识别备份文件的格式版本 {found}，文件可能被改动过。没有导入任何内容。"
            ),
            BackupError::EmptyId => write!(
                f,
                "备份文件中有草稿缺少编号，文件可能已损坏或被改动过。没有导入任何内容。"
            ),
            BackupError::DuplicateId { id } => write!(
                f,
                "备份文件中有两份草稿的编号相同（{id}），文件可能已损坏或被改动过。没有导入任何内容。"
            ),
        }
    }
}

impl std::error::Error for BackupError {}

impl Backup {
    /// The backup as a JSON document of version [`BACKUP_FORMAT_VERSION`], indented so that a
    /// person can read it.
    pub fn to_json(&self) -> String {
        let stored = StoredRef {
            format: BACKUP_FORMAT,
            format_version: BACKUP_FORMAT_VERSION,
            exported_ms: self.exported_ms,
            drafts: &self.drafts,
            settings: &self.settings,
        };
        // Serialization fails only for maps with non-string keys, which neither `Value` nor
        // these structs can hold.
        serde_json::to_string_pretty(&stored).expect("a backup always serializes")
    }

    /// Reads a backup of any version up to [`BACKUP_FORMAT_VERSION`], migrating older ones;
    /// `now` stands for the times that version 0 did not record.
    ///
    /// # Errors
    /// [`BackupError`]: each variant says what is wrong with the file.
    ///
    /// # Examples
    /// ```
    /// use jianwen_io::{Backup, BackupError, LEGACY_DRAFT_ID};
    /// let old = Backup::from_json(r#"{"draft": "关于……的通知"}"#, 5_000).unwrap();
    /// assert_eq!(old.drafts[0].id, LEGACY_DRAFT_ID);
    /// assert_eq!(old.drafts[0].text, "关于……的通知");
    ///
    /// let newer = r#"{"format": "jianwen-backup", "format_version": 7}"#;
    /// assert_eq!(Backup::from_json(newer, 0), Err(BackupError::Version { found: 7 }));
    /// ```
    pub fn from_json(json: &str, now: i64) -> Result<Backup, BackupError> {
        let value: Value = serde_json::from_str(json).map_err(|e| BackupError::Syntax {
            line: e.line(),
            column: e.column(),
        })?;
        let object = value.as_object().ok_or(BackupError::NotABackup)?;
        match (object.get("format"), object.get("draft")) {
            (Some(Value::String(format)), _) if format == BACKUP_FORMAT => {}
            (None, Some(Value::String(text))) => return Ok(Backup::from_legacy_draft(text, now)),
            _ => return Err(BackupError::NotABackup),
        }
        if let Some(found) = object.get("format_version").and_then(Value::as_u64) {
            if found != u64::from(BACKUP_FORMAT_VERSION) {
                return Err(BackupError::Version { found });
            }
        }
        let stored: StoredV1 = serde_json::from_str(json).map_err(|e| BackupError::Format {
            line: e.line(),
            column: e.column(),
        })?;
        debug_assert_eq!(stored.format_version, BACKUP_FORMAT_VERSION);
        let mut ids = HashSet::new();
        for draft in &stored.drafts {
            if draft.id.is_empty() {
                return Err(BackupError::EmptyId);
            }
            if !ids.insert(draft.id.as_str()) {
                return Err(BackupError::DuplicateId {
                    id: draft.id.clone(),
                });
            }
        }
        Ok(Backup {
            exported_ms: stored.exported_ms,
            drafts: stored.drafts,
            settings: stored.settings,
        })
    }

    /// Version 0: the one draft that the app kept before the library, as its raw text. It gets
    /// the id [`LEGACY_DRAFT_ID`] and `now` as its times.
    pub fn from_legacy_draft(text: &str, now: i64) -> Backup {
        Backup {
            exported_ms: now,
            drafts: vec![Draft::new(LEGACY_DRAFT_ID, text, now)],
            settings: Value::Null,
        }
    }
}

/// What [`Library::merge`] did with each draft of a backup.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Drafts whose id was new, added as they were.
    pub added: usize,
    /// Drafts whose id was taken by a different draft, added as copies.
    pub copies: usize,
    /// Drafts already there, unchanged or as an earlier import's copy.
    pub skipped: usize,
}

impl fmt::Display for MergeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "导入完成：新增 {} 份草稿", self.added)?;
        if self.copies > 0 {
            write!(
                f,
                "；{} 份与现有草稿内容不同，已另存为副本（标题带“（导入）”），原草稿未改动",
                self.copies
            )?;
        }
        if self.skipped > 0 {
            write!(f, "；{} 份与现有草稿相同，已跳过", self.skipped)?;
        }
        write!(f, "。")
    }
}

impl Library {
    /// Every draft, the 回收站 included, with `settings`, as exported at `now`.
    pub fn to_backup(&self, settings: Value, now: i64) -> Backup {
        Backup {
            exported_ms: now,
            drafts: self.drafts().cloned().collect(),
            settings,
        }
    }

    /// Merges the drafts of a backup into the library without ever overwriting one:
    /// - an id that is new: the draft is added as it is (in the 回收站 if it was there);
    /// - an id whose draft has the same content (text, title, check choices): skipped;
    /// - an id taken by a different draft: added as a copy with a new id and "（导入）" after its
    ///   title, unless such a copy from an earlier import is still there unchanged (skipped).
    ///
    /// Settings are not merged: whether to take the backup's is the user's choice.
    ///
    /// # Examples
    /// ```
    /// use jianwen_io::{Backup, Draft, Library, MergeReport};
    /// let mut library = Library::default();
    /// let id = library.create("关于开展检查的通知", 1_000);
    /// let mut changed = library.get(&id).unwrap().clone();
    /// changed.text.push_str("\n各单位：");
    /// let backup = Backup { exported_ms: 2_000, drafts: vec![changed, Draft::new("other", "纪要", 500)], settings: Default::default() };
    ///
    /// assert_eq!(library.merge(&backup, 3_000), MergeReport { added: 1, copies: 1, skipped: 0 });
    /// assert_eq!(library.get(&id).unwrap().text, "关于开展检查的通知"); // untouched
    /// assert_eq!(library.merge(&backup, 4_000), MergeReport { added: 0, copies: 0, skipped: 2 });
    /// ```
    pub fn merge(&mut self, backup: &Backup, now: i64) -> MergeReport {
        let reserved: HashSet<&str> = backup.drafts.iter().map(|d| d.id.as_str()).collect();
        let mut report = MergeReport::default();
        for imported in &backup.drafts {
            let Some(existing) = self.get(&imported.id) else {
                self.push(imported.clone());
                report.added += 1;
                continue;
            };
            if existing.same_content(imported) {
                report.skipped += 1;
                continue;
            }
            let copy = Draft {
                title: Some(format!("{}（导入）", imported.title())),
                ..imported.clone()
            };
            if self.drafts().any(|d| d.same_content(&copy)) {
                report.skipped += 1;
                continue;
            }
            let id = self.fresh_id(now, |id| reserved.contains(id));
            self.push(Draft { id, ..copy });
            report.copies += 1;
        }
        report
    }
}
