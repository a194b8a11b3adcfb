//! The drafts in memory and in storage, kept in step: every change to the library is made here,
//! then written through [`storage`], so the list on screen and what a reload finds never differ.
//!
//! Each method makes its change in memory even when the write is refused (quota full): the user
//! keeps working and is told, with the offer of a backup.
//!
//! A copy is cheap (the library shares its drafts, the history is shared until it changes), so
//! the app's reducer keeps the store as a value: each change makes a new version of the state.

use crate::browser::storage;
use crate::problem::Problem;
use jianwen_io::{Backup, DocFields, Draft, History, Library, MergeReport, SnapshotReason};
use js_sys::JsString;
use std::rc::Rc;

/// The library, the draft open in the editor and that draft's snapshots.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftStore {
    /// Shared until it changes (`Rc::make_mut` copies it first if a view still shares it), so
    /// a view of the list can be kept while the library is the same (see
    /// [`library_rc`](Self::library_rc)).
    library: Rc<Library>,
    current: String,
    history: Rc<History>,
    /// Another tab saved the open draft: this tab stops writing it until the user chooses.
    paused: bool,
    /// What loading found wrong, for the message bar.
    problems: Vec<Problem>,
    /// When this session's first edit of the open draft was made: automatic snapshots come
    /// after five minutes of editing, not at the first keystroke.
    editing_since: Option<i64>,
}

impl DraftStore {
    /// Loads the stored library, migrating version 1, repairing damage and emptying the
    /// 回收站 of drafts deleted 30 days ago or more.
    pub fn open_stored(now: i64) -> DraftStore {
        let loaded = storage::load_library(now);
        let mut problems: Vec<Problem> = loaded
            .problems
            .iter()
            .map(|p| Problem::Damaged(p.to_string()))
            .collect();
        let mut library = loaded.library;
        let purged = library.purge_expired(now);
        purged.iter().for_each(|id| storage::remove_draft(id));
        let rewrite = loaded.migrated || !loaded.problems.is_empty() || !purged.is_empty();
        if rewrite {
            if let Err(e) = storage::save_all(&library, &loaded.current) {
                problems.push(e);
            }
        }
        let history = storage::load_history(&loaded.current).unwrap_or_else(|e| {
            problems.push(e);
            History::default()
        });
        DraftStore {
            library: Rc::new(library),
            current: loaded.current,
            history: Rc::new(history),
            paused: false,
            problems,
            editing_since: None,
        }
    }

    /// What loading found wrong, once.
    pub fn take_problems(&mut self) -> Vec<Problem> {
        std::mem::take(&mut self.problems)
    }

    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The library as shared: the same `Rc` until something in it changes.
    pub fn library_rc(&self) -> &Rc<Library> {
        &self.library
    }

    /// The open draft's history as shared: the same `Rc` until it changes.
    pub fn history_rc(&self) -> &Rc<History> {
        &self.history
    }

    pub fn current_id(&self) -> &str {
        &self.current
    }

    /// The open draft. The store always has one: deleting it opens another.
    pub fn current(&self) -> &Draft {
        self.library
            .get(&self.current)
            .expect("the open draft is in the library")
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// Another tab has saved the open draft: stop writing it, so neither overwrites the other.
    pub fn pause(&mut self) {
        self.paused = true;
    }

    /// The user chose what to keep: writing the open draft resumes with `text`.
    ///
    /// # Errors
    /// A refused write.
    pub fn resume(&mut self, text: &str, now: i64) -> Result<(), Problem> {
        self.paused = false;
        self.edit(text, None, false, now)
    }

    /// The open draft's text changed. Writes its text (`typed`, the textarea's own string of
    /// it, when there is one) and the index; on a settled edit takes the automatic snapshot when
    /// one is due. While paused the change is kept in memory (a backup exported now has it) but
    /// not written.
    ///
    /// # Errors
    /// A refused write: the text stays in memory and in the editor.
    pub fn edit(
        &mut self,
        text: &str,
        typed: Option<&JsString>,
        settled: bool,
        now: i64,
    ) -> Result<(), Problem> {
        Rc::make_mut(&mut self.library).set_text(&self.current, text, now)?;
        if self.paused {
            return Ok(());
        }
        match typed {
            Some(typed) => storage::save_typed_text(&self.current, typed)?,
            None => storage::save_text(&self.current, text)?,
        }
        storage::save_index(&self.library, &self.current)?;
        let since = *self.editing_since.get_or_insert(now);
        if settled
            && self.history.auto_due(now, since)
            && Rc::make_mut(&mut self.history).record(text, SnapshotReason::Auto, now)
        {
            storage::save_history(&self.current, &self.history)?;
        }
        Ok(())
    }

    /// Takes a snapshot of the open draft's text now. Returns whether one was added (not when
    /// the text is empty or the newest snapshot's).
    ///
    /// # Errors
    /// A refused write.
    pub fn snapshot(&mut self, reason: SnapshotReason, now: i64) -> Result<bool, Problem> {
        let text = self.current().text.clone();
        let added = Rc::make_mut(&mut self.history).record(&text, reason, now);
        if added {
            storage::save_history(&self.current, &self.history)?;
        }
        Ok(added)
    }

    /// Opens another draft of the list.
    ///
    /// # Errors
    /// [`Problem::DraftGone`] when it is gone or in the 回收站; a damaged history (a new one is
    /// started); a refused write.
    pub fn open(&mut self, id: &str) -> Result<(), Problem> {
        match self.library.get(id) {
            Some(draft) if !draft.is_deleted() => {}
            _ => return Err(Problem::DraftGone),
        }
        self.current = id.to_owned();
        self.paused = false;
        self.editing_since = None;
        let loaded = storage::load_history(id);
        self.history = Rc::new(loaded.clone().unwrap_or_default());
        storage::save_index(&self.library, &self.current)?;
        loaded.map(drop)
    }

    /// Adds a draft holding `text` and returns its id, with the outcome of writing it (a draft
    /// storage refuses still exists in memory); it is not opened.
    pub fn create(&mut self, text: &str, now: i64) -> (String, Result<(), Problem>) {
        let id = Rc::make_mut(&mut self.library).create(text, now);
        let saved = storage::save_text(&id, text)
            .and_then(|()| storage::save_index(&self.library, &self.current));
        (id, saved)
    }

    /// Renames a draft; a blank title goes back to its first line.
    ///
    /// # Errors
    /// The library's message; a refused write.
    pub fn rename(&mut self, id: &str, title: &str, now: i64) -> Result<(), Problem> {
        Rc::make_mut(&mut self.library).rename(id, title, now)?;
        storage::save_index(&self.library, &self.current)
    }

    /// Copies a draft and returns the copy's id.
    ///
    /// # Errors
    /// The library's message; a refused write.
    pub fn duplicate(&mut self, id: &str, now: i64) -> Result<String, Problem> {
        let copy = Rc::make_mut(&mut self.library).duplicate(id, now)?;
        let text = self
            .library
            .get(&copy)
            .map(|d| d.text.clone())
            .unwrap_or_default();
        storage::save_text(&copy, &text)?;
        storage::save_index(&self.library, &self.current)?;
        Ok(copy)
    }

    /// Moves a draft to the 回收站. Returns the draft to open instead when it was the open one:
    /// the next in the list, or a new empty draft.
    ///
    /// # Errors
    /// The library's message; a refused write.
    pub fn delete(&mut self, id: &str, now: i64) -> Result<Option<String>, Problem> {
        Rc::make_mut(&mut self.library).delete(id, now)?;
        let next = (id == self.current).then(|| {
            let first = self.library.list().first().map(|d| d.id.clone());
            first.unwrap_or_else(|| Rc::make_mut(&mut self.library).create("", now))
        });
        if let Some(next) = &next {
            storage::save_text(
                next,
                &self
                    .library
                    .get(next)
                    .map(|d| d.text.clone())
                    .unwrap_or_default(),
            )?;
        }
        storage::save_index(&self.library, &self.current)?;
        Ok(next)
    }

    /// Brings a draft back from the 回收站.
    ///
    /// # Errors
    /// The library's message; a refused write.
    pub fn restore(&mut self, id: &str) -> Result<(), Problem> {
        Rc::make_mut(&mut self.library).restore(id)?;
        storage::save_index(&self.library, &self.current)
    }

    /// Chooses the open draft's cap profile.
    ///
    /// # Errors
    /// A refused write.
    pub fn set_cap_profile(&mut self, profile: Option<&str>, now: i64) -> Result<(), Problem> {
        Rc::make_mut(&mut self.library).set_cap_profile(&self.current, profile, now)?;
        storage::save_index(&self.library, &self.current)
    }

    /// Stores the open draft's 公文要素.
    ///
    /// # Errors
    /// A refused write.
    pub fn set_fields(&mut self, fields: DocFields, now: i64) -> Result<(), Problem> {
        Rc::make_mut(&mut self.library).set_fields(&self.current, fields, now)?;
        storage::save_index(&self.library, &self.current)
    }

    /// Follows a change of the custom cap profiles into every draft that had chosen one:
    /// `moved(id)` is the id the profile now has, or `None` when it was deleted. The drafts keep
    /// their edit times (the user changed a profile, not the drafts).
    ///
    /// # Errors
    /// A refused write.
    pub fn follow_cap_profiles(
        &mut self,
        moved: impl Fn(&str) -> Option<Option<String>>,
    ) -> Result<(), Problem> {
        let changes: Vec<(String, Option<String>, i64)> = self
            .library
            .drafts()
            .filter_map(|d| {
                let to = moved(d.cap_profile.as_deref()?)?;
                Some((d.id.clone(), to, d.updated_ms))
            })
            .collect();
        if changes.is_empty() {
            return Ok(());
        }
        for (id, to, updated) in changes {
            // A draft in the 回收站 keeps its old choice: it is refused here and checked again
            // when the draft is opened.
            Rc::make_mut(&mut self.library)
                .set_cap_profile(&id, to.as_deref(), updated)
                .ok();
        }
        storage::save_index(&self.library, &self.current)
    }

    /// Merges a backup's drafts in, never overwriting one (see [`Library::merge`]).
    ///
    /// # Errors
    /// A refused write: the merged drafts stay in memory.
    pub fn merge(&mut self, backup: &Backup, now: i64) -> Result<MergeReport, Problem> {
        let report = Rc::make_mut(&mut self.library).merge(backup, now);
        storage::save_all(&self.library, &self.current)?;
        Ok(report)
    }
}
