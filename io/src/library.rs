//! The user's drafts: a list sorted by last edit, titles, the 回收站.
//!
//! Everything here is a pure function of its inputs. Times are milliseconds since the Unix epoch
//! (JavaScript's `Date.now()`), passed in as `now` so that the 30-day boundary of the 回收站 can
//! be tested to the millisecond.

use crate::doc_fields::DocFields;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;
use std::rc::Rc;

/// Longest title, in characters: what fits on one line of the draft list.
pub const TITLE_MAX_CHARS: usize = 40;

/// The title of a draft with no text and no title of its own.
pub const UNTITLED: &str = "无标题草稿";

/// How long a deleted draft stays in the 回收站: 30 days.
pub const TRASH_RETENTION_MS: i64 = 30 * 24 * 60 * 60 * 1000;

/// One draft, as stored and as written into a backup.
///
/// The per-draft check choices are opaque JSON so that this crate does not depend on the
/// engine's types; `null` (the default) means none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// Unique within a [`Library`], never reused for another draft.
    pub id: String,
    /// A title the user gave; `None` to take it from the text (see [`Draft::title`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub text: String,
    pub created_ms: i64,
    pub updated_ms: i64,
    /// The id of the cap profile (篇幅标准) chosen for this draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap_profile: Option<String>,
    /// Whether the drafter chose the cap themselves (不限篇幅 included): until then the app
    /// takes the profile the title's 文种 calls for, and after, never overrides the choice.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cap_chosen: bool,
    /// Findings the user chose to ignore in this draft.
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub ignored_findings: Value,
    /// Format rules switched off for this draft.
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub disabled_format_rules: Value,
    /// The 公文要素 the text cannot hold (版头, 版记), for the `.docx`.
    #[serde(default, skip_serializing_if = "DocFields::is_empty")]
    pub fields: DocFields,
    /// When the draft went to the 回收站; `None` while it is in the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_ms: Option<i64>,
}

impl Draft {
    /// A new draft holding `text`, created and updated at `now`.
    pub fn new(id: impl Into<String>, text: impl Into<String>, now: i64) -> Draft {
        Draft {
            id: id.into(),
            title: None,
            text: text.into(),
            created_ms: now,
            updated_ms: now,
            cap_profile: None,
            cap_chosen: false,
            ignored_findings: Value::Null,
            disabled_format_rules: Value::Null,
            fields: DocFields::default(),
            deleted_ms: None,
        }
    }

    /// A copy without the text, for the index. Every field is named here, not copied with
    /// `..`, so a field added to `Draft` cannot be left out of the index unnoticed.
    pub fn without_text(&self) -> Draft {
        Draft {
            id: self.id.clone(),
            title: self.title.clone(),
            text: String::new(),
            created_ms: self.created_ms,
            updated_ms: self.updated_ms,
            cap_profile: self.cap_profile.clone(),
            cap_chosen: self.cap_chosen,
            ignored_findings: self.ignored_findings.clone(),
            disabled_format_rules: self.disabled_format_rules.clone(),
            fields: self.fields.clone(),
            deleted_ms: self.deleted_ms,
        }
    }

    /// The title to show: the user's own, else [`title_from_text`].
    ///
    /// # Examples
    /// ```
    /// use jianwen_io::Draft;
    /// let mut draft = Draft::new("d1", "\n  关于做好2024年防汛工作的通知\n各区县：", 0);
    /// assert_eq!(draft.title(), "关于做好2024年防汛工作的通知");
    /// draft.title = Some("防汛通知".into());
    /// assert_eq!(draft.title(), "防汛通知");
    /// ```
    pub fn title(&self) -> String {
        match &self.title {
            Some(title) => title.clone(),
            None => title_from_text(&self.text),
        }
    }

    /// Whether the draft is in the 回收站.
    pub fn is_deleted(&self) -> bool {
        self.deleted_ms.is_some()
    }

    /// Same text, title and check choices: what a user would call the same draft, whatever its
    /// id, times or place in the 回收站.
    pub(crate) fn same_content(&self, other: &Draft) -> bool {
        self.text == other.text
            && self.title == other.title
            && self.cap_profile == other.cap_profile
            && self.cap_chosen == other.cap_chosen
            && self.ignored_findings == other.ignored_findings
            && self.disabled_format_rules == other.disabled_format_rules
            && self.fields == other.fields
    }
}

/// The first non-empty line of `text`, trimmed and cut to [`TITLE_MAX_CHARS`] characters;
/// [`UNTITLED`] when every line is blank.
///
/// # Examples
/// ```
/// use jianwen_io::title_from_text;
/// assert_eq!(title_from_text("\u{3000}\n　国务院办公厅关于印发的通知　\n正文"), "国务院办公厅关于印发的通知");
/// assert_eq!(title_from_text(" \n\t"), "无标题草稿");
/// assert_eq!(title_from_text(&"长".repeat(50)).chars().count(), 40);
/// ```
pub fn title_from_text(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .map_or_else(
            || UNTITLED.to_string(),
            |line| truncate(line, TITLE_MAX_CHARS),
        )
}

fn truncate(s: &str, max_chars: usize) -> String {
    match s.char_indices().nth(max_chars) {
        Some((end, _)) => s[..end].to_string(),
        None => s.to_string(),
    }
}

/// A change to the library that cannot be made. Nothing changes when one is returned.
/// Its [`Display`](fmt::Display) is a message for the user, in Chinese.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LibraryError {
    /// No draft has this id: deleted in another tab, or purged from the 回收站.
    NotFound { id: String },
    /// The draft is in the 回收站 and must be restored before it is changed.
    InTrash { id: String },
    /// Restoring or purging a draft that is not in the 回收站.
    NotInTrash { id: String },
}

impl fmt::Display for LibraryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LibraryError::NotFound { .. } => {
                write!(
                    f,
                    "找不到这份草稿，它可能已在其他窗口中删除，或已从回收站清除。"
                )
            }
            LibraryError::InTrash { .. } => write!(f, "这份草稿在回收站中，请先恢复再修改。"),
            LibraryError::NotInTrash { .. } => write!(f, "这份草稿不在回收站中。"),
        }
    }
}

impl std::error::Error for LibraryError {}

/// All of the user's drafts, those in the 回收站 included.
///
/// # Examples
/// ```
/// use jianwen_io::Library;
/// let mut library = Library::default();
/// let first = library.create("关于开展安全检查的通知", 1_000);
/// let second = library.create("会议纪要", 2_000);
/// library.set_text(&first, "关于开展安全生产大检查的通知", 3_000).unwrap();
///
/// let titles: Vec<String> = library.list().iter().map(|d| d.title()).collect();
/// assert_eq!(titles, ["关于开展安全生产大检查的通知", "会议纪要"]);
///
/// library.delete(&second, 4_000).unwrap();
/// assert_eq!(library.list().len(), 1);
/// assert_eq!(library.trash()[0].id, second);
/// library.restore(&second).unwrap();
/// assert_eq!(library.list().len(), 2);
/// ```
///
/// Stored and backed up as a [`Backup`](crate::Backup), whose reader checks what a library
/// relies on: unique ids.
///
/// Each draft is shared (`Rc`), so a copy of the library costs a pointer per draft and changing
/// one draft copies only that one: the app keeps every version of its state as a value, and
/// typing must not copy every draft's text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    drafts: Vec<Rc<Draft>>,
}

impl Library {
    /// A library of these drafts. Drafts whose id is taken by an earlier one are left out, so
    /// that every later lookup is unambiguous; they are returned.
    pub fn from_drafts(drafts: Vec<Draft>) -> (Library, Vec<Draft>) {
        let mut library = Library::default();
        let mut rejected = Vec::new();
        for draft in drafts {
            if library.get(&draft.id).is_some() {
                rejected.push(draft);
            } else {
                library.drafts.push(Rc::new(draft));
            }
        }
        (library, rejected)
    }

    /// Every draft, in the 回收站 or not, in the order created or imported.
    pub fn drafts(&self) -> impl ExactSizeIterator<Item = &Draft> + Clone {
        self.drafts.iter().map(|d| &**d)
    }

    /// The draft with this id, in the 回收站 or not.
    pub fn get(&self, id: &str) -> Option<&Draft> {
        self.drafts.iter().find(|d| d.id == id).map(|d| &**d)
    }

    /// The drafts not in the 回收站, last edited first (ties by id, so the order is stable).
    pub fn list(&self) -> Vec<&Draft> {
        let mut list: Vec<&Draft> = self.drafts().filter(|d| !d.is_deleted()).collect();
        list.sort_by(|a, b| {
            b.updated_ms
                .cmp(&a.updated_ms)
                .then_with(|| a.id.cmp(&b.id))
        });
        list
    }

    /// The drafts in the 回收站, last deleted first.
    pub fn trash(&self) -> Vec<&Draft> {
        let mut trash: Vec<&Draft> = self.drafts().filter(|d| d.is_deleted()).collect();
        trash.sort_by(|a, b| {
            b.deleted_ms
                .cmp(&a.deleted_ms)
                .then_with(|| a.id.cmp(&b.id))
        });
        trash
    }

    /// Adds a draft holding `text` and returns its id.
    pub fn create(&mut self, text: &str, now: i64) -> String {
        let id = self.fresh_id(now, |_| false);
        self.drafts.push(Rc::new(Draft::new(id.clone(), text, now)));
        id
    }

    /// Replaces the text. The same text again changes nothing, not even the edit time, so that
    /// saving on every input event is harmless.
    ///
    /// # Errors
    /// [`LibraryError::NotFound`], [`LibraryError::InTrash`].
    pub fn set_text(&mut self, id: &str, text: &str, now: i64) -> Result<(), LibraryError> {
        let slot = self.live_slot(id)?;
        if slot.text != text {
            // A new draft beside the shared one, not a copy of it: the old text, which the
            // copy would duplicate only to be overwritten, is never copied on a keystroke.
            *slot = Rc::new(Draft {
                text: text.to_string(),
                updated_ms: now,
                ..slot.without_text()
            });
        }
        Ok(())
    }

    /// Gives the draft a title of its own, trimmed and cut to [`TITLE_MAX_CHARS`] characters; a
    /// blank title goes back to the first line of the text.
    ///
    /// # Errors
    /// [`LibraryError::NotFound`], [`LibraryError::InTrash`].
    pub fn rename(&mut self, id: &str, title: &str, now: i64) -> Result<(), LibraryError> {
        let draft = self.live_mut(id)?;
        let title = title.trim();
        draft.title = (!title.is_empty()).then(|| truncate(title, TITLE_MAX_CHARS));
        draft.updated_ms = now;
        Ok(())
    }

    /// Chooses the draft's cap profile (篇幅标准), or none: the drafter's own choice from now on.
    ///
    /// # Errors
    /// [`LibraryError::NotFound`], [`LibraryError::InTrash`].
    pub fn set_cap_profile(
        &mut self,
        id: &str,
        profile: Option<&str>,
        now: i64,
    ) -> Result<(), LibraryError> {
        let draft = self.live_mut(id)?;
        draft.cap_profile = profile.map(str::to_string);
        draft.cap_chosen = true;
        draft.updated_ms = now;
        Ok(())
    }

    /// Stores the draft's check choices: ignored findings and switched-off format rules, in
    /// whatever JSON form the app gives them.
    ///
    /// # Errors
    /// [`LibraryError::NotFound`], [`LibraryError::InTrash`].
    pub fn set_check_choices(
        &mut self,
        id: &str,
        ignored_findings: Value,
        disabled_format_rules: Value,
        now: i64,
    ) -> Result<(), LibraryError> {
        let draft = self.live_mut(id)?;
        draft.ignored_findings = ignored_findings;
        draft.disabled_format_rules = disabled_format_rules;
        draft.updated_ms = now;
        Ok(())
    }

    /// Stores the draft's 公文要素 (see [`DocFields`]).
    ///
    /// # Errors
    /// [`LibraryError::NotFound`], [`LibraryError::InTrash`].
    pub fn set_fields(
        &mut self,
        id: &str,
        fields: DocFields,
        now: i64,
    ) -> Result<(), LibraryError> {
        let draft = self.live_mut(id)?;
        if draft.fields != fields {
            draft.fields = fields;
            draft.updated_ms = now;
        }
        Ok(())
    }

    /// Copies a draft, text and check choices, as a new draft titled "…（副本）"; returns the
    /// new id.
    ///
    /// # Errors
    /// [`LibraryError::NotFound`], [`LibraryError::InTrash`].
    pub fn duplicate(&mut self, id: &str, now: i64) -> Result<String, LibraryError> {
        let original = self.live_mut(id)?.clone();
        let copy_id = self.fresh_id(now, |_| false);
        self.drafts.push(Rc::new(Draft {
            id: copy_id.clone(),
            title: Some(format!("{}（副本）", original.title())),
            created_ms: now,
            updated_ms: now,
            deleted_ms: None,
            ..original
        }));
        Ok(copy_id)
    }

    /// Moves a draft to the 回收站, from which [`restore`](Self::restore) brings it back for
    /// [`TRASH_RETENTION_MS`].
    ///
    /// # Errors
    /// [`LibraryError::NotFound`], [`LibraryError::InTrash`] when it is already there.
    pub fn delete(&mut self, id: &str, now: i64) -> Result<(), LibraryError> {
        self.live_mut(id)?.deleted_ms = Some(now);
        Ok(())
    }

    /// Brings a draft back from the 回收站, unchanged.
    ///
    /// # Errors
    /// [`LibraryError::NotFound`], [`LibraryError::NotInTrash`].
    pub fn restore(&mut self, id: &str) -> Result<(), LibraryError> {
        self.trashed_mut(id)?.deleted_ms = None;
        Ok(())
    }

    /// Removes a draft from the 回收站 for good.
    ///
    /// # Errors
    /// [`LibraryError::NotFound`], [`LibraryError::NotInTrash`]: only deleted drafts can be
    /// purged, so a draft in the list is never lost by a stale click.
    pub fn purge(&mut self, id: &str) -> Result<Draft, LibraryError> {
        let index = self.drafts.iter().position(|d| d.id == id);
        match index {
            None => Err(LibraryError::NotFound { id: id.into() }),
            Some(i) if !self.drafts[i].is_deleted() => {
                Err(LibraryError::NotInTrash { id: id.into() })
            }
            Some(i) => Ok(Rc::unwrap_or_clone(self.drafts.remove(i))),
        }
    }

    /// Removes the drafts that have been in the 回收站 for [`TRASH_RETENTION_MS`] or longer at
    /// `now`, and returns their ids for the storage to delete.
    ///
    /// # Examples
    /// ```
    /// use jianwen_io::{Library, TRASH_RETENTION_MS};
    /// let mut library = Library::default();
    /// let id = library.create("草稿", 0);
    /// library.delete(&id, 1_000).unwrap();
    /// assert!(library.purge_expired(1_000 + TRASH_RETENTION_MS - 1).is_empty());
    /// assert_eq!(library.purge_expired(1_000 + TRASH_RETENTION_MS), [id]);
    /// ```
    pub fn purge_expired(&mut self, now: i64) -> Vec<String> {
        let expired = |d: &Draft| {
            d.deleted_ms
                .is_some_and(|at| now.saturating_sub(at) >= TRASH_RETENTION_MS)
        };
        let ids = self
            .drafts
            .iter()
            .filter(|d| expired(d))
            .map(|d| d.id.clone())
            .collect();
        self.drafts.retain(|d| !expired(d));
        ids
    }

    /// Adds a draft as it is, id and all. Only for drafts whose id is known to be free.
    pub(crate) fn push(&mut self, draft: Draft) {
        self.drafts.push(Rc::new(draft));
    }

    /// An id no draft has and `reserved` does not hold: `d<now>`, or `d<now>-2`, `-3`… when
    /// drafts are made within one millisecond.
    pub(crate) fn fresh_id(&self, now: i64, reserved: impl Fn(&str) -> bool) -> String {
        let base = format!("d{now}");
        let taken = |id: &str| reserved(id) || self.get(id).is_some();
        if !taken(&base) {
            return base;
        }
        (2u64..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !taken(id))
            .unwrap_or(base)
    }

    fn live_mut(&mut self, id: &str) -> Result<&mut Draft, LibraryError> {
        self.live_slot(id).map(Rc::make_mut)
    }

    /// The shared draft with this id, in the list.
    fn live_slot(&mut self, id: &str) -> Result<&mut Rc<Draft>, LibraryError> {
        match self.drafts.iter_mut().find(|d| d.id == id) {
            None => Err(LibraryError::NotFound { id: id.into() }),
            Some(d) if d.is_deleted() => Err(LibraryError::InTrash { id: id.into() }),
            Some(d) => Ok(d),
        }
    }

    fn trashed_mut(&mut self, id: &str) -> Result<&mut Draft, LibraryError> {
        match self.drafts.iter_mut().find(|d| d.id == id) {
            None => Err(LibraryError::NotFound { id: id.into() }),
            Some(d) if !d.is_deleted() => Err(LibraryError::NotInTrash { id: id.into() }),
            Some(d) => Ok(Rc::make_mut(d)),
        }
    }
}
