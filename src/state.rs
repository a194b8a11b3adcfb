//! The app's state in one home: the library of drafts with the open one's history
//! ([`DraftStore`]), the open draft's text and the engine's analysis of it ([`Analysed`]), the
//! screen's flags ([`Ui`]) and the message bar ([`Problem`]). Every change is an [`Action`]
//! reduced here; components render it and dispatch actions, and `App` wires the two.
//!
//! Reducing writes storage through the [`DraftStore`] as it changes the library, so what is on
//! screen and what a reload finds never differ. Time comes in the actions (`now`), so a
//! transition depends on nothing but the state and the action.

mod analysed;
mod draft_store;
mod ui;

pub use analysed::Analysed;
#[cfg(feature = "panic-probe")]
pub use analysed::PANIC_PROBE;
pub use draft_store::DraftStore;
pub use ui::{Ui, UiAction};

use crate::browser::storage::{self, Presence};
use crate::preferences::Preferences;
use crate::problem::Problem;
use jianwen_io::{Backup, DocFields, SnapshotReason};
use js_sys::JsString;
use std::rc::Rc;
use yew::Reducible;

/// Everything the app shows and keeps.
#[derive(Clone, Debug)]
pub struct AppState {
    pub store: DraftStore,
    /// The open draft as the editor holds it, with its analysis.
    pub draft: Analysed,
    pub ui: Ui,
    /// What the message bar says, if anything.
    pub message: Option<Problem>,
    /// Counts the drafts put into the editor: the editor is remounted (a fresh textarea with a
    /// fresh undo history, holding the draft's text) whenever it changes.
    pub opened: u64,
    /// This tab's name in announcements to the other tabs (see [`storage::announce`]).
    pub tab: Rc<str>,
}

/// A change to the state.
pub enum Action {
    /// The textarea changed. `typed` is the same text as the textarea's own string, which is what
    /// gets saved; `composing` says an IME composition is open (analysis waits for its end).
    Edit {
        text: String,
        typed: JsString,
        composing: bool,
        now: i64,
    },
    Open {
        id: String,
        now: i64,
    },
    /// 新建草稿: a new empty draft, opened.
    New {
        now: i64,
    },
    /// An imported file's text as a new draft, opened.
    Import {
        text: String,
        now: i64,
    },
    Rename {
        id: String,
        title: String,
        now: i64,
    },
    Duplicate {
        id: String,
        now: i64,
    },
    /// To the 回收站; deleting the open draft opens the next one (or a new empty one).
    Delete {
        id: String,
        now: i64,
    },
    Restore {
        id: String,
    },
    Snapshot {
        reason: SnapshotReason,
        now: i64,
    },
    /// A backup's drafts merged in, never overwriting one.
    Merge {
        backup: Box<Backup>,
        now: i64,
    },
    /// The 文种 of the open draft (a cap profile id), or none.
    ChooseCap {
        id: Option<String>,
        now: i64,
    },
    Configure(Preferences),
    /// The open draft's 公文要素 (版头, 版记), each field already checked.
    SetFields {
        fields: DocFields,
        now: i64,
    },
    /// Another tab announced it has the open draft open.
    OpenedElsewhere,
    /// Another tab saved the open draft: stop writing it and ask.
    SavedElsewhere,
    /// The user chose what to keep after [`Action::SavedElsewhere`]: writing resumes with `text`.
    Resume {
        text: String,
        now: i64,
    },
    Report(Problem),
    DismissMessage,
    Ui(UiAction),
}

impl AppState {
    /// The stored library and preferences, as the app starts with them. What loading found
    /// wrong is in the message bar.
    pub fn load(now: i64, tab: Rc<str>) -> AppState {
        let mut store = DraftStore::open_stored(now);
        let (mut preferences, damaged) = storage::load_preferences();
        let mut problems: Vec<Problem> = damaged.into_iter().collect();
        // An earlier version kept its one draft's 文种 in the preferences: it moves into the draft.
        if let Some(legacy) = preferences.take_legacy_cap() {
            if store.current().cap_profile.is_none() {
                problems.extend(store.set_cap_profile(Some(&legacy), now).err());
            }
        }
        problems.extend(store.take_problems());
        let current = store.current();
        let cap = cap_in_force(&store, &current.text).0;
        let draft = Analysed::new(&current.text, preferences, cap.as_deref(), &current.fields);
        let message = match problems.len() {
            0 => None,
            1 => problems.pop(),
            _ => Some(Problem::Damaged(
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" "),
            )),
        };
        AppState {
            store,
            draft,
            ui: Ui::default(),
            message,
            opened: 0,
            tab,
        }
    }

    /// The id of the cap profile in force for the open draft, if it names one that exists, and
    /// whether it was taken from the title's 文种 rather than chosen.
    pub fn chosen_cap(&self) -> (Option<&str>, bool) {
        let cap = self.draft.settings.cap.as_ref().map(|p| p.id());
        let (_, automatic) = cap_in_force(&self.store, &self.draft.text);
        (cap, automatic && cap.is_some())
    }

    /// Shows `result`'s problem, if any, and passes its value on.
    fn report<T>(&mut self, result: Result<T, Problem>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(problem) => {
                self.message = Some(problem);
                None
            }
        }
    }

    /// Puts the draft `id` into the editor (the open one again when it cannot be opened).
    fn open(&mut self, id: &str, now: i64) {
        let opened = self.store.open(id);
        self.report(opened);
        self.ui.open_elsewhere = false;
        self.ui.viewing = None;
        let current = self.store.current();
        storage::announce(Presence::Opened, &self.tab, &current.id, now);
        let text = current.text.as_str().into();
        self.analyse(text, Rc::clone(&self.draft.preferences));
        self.opened += 1;
    }

    /// The open draft analysed again under `preferences` and its own 文种 and 版头.
    fn reconfigure(&mut self, preferences: Rc<Preferences>) {
        self.analyse(Rc::clone(&self.draft.text), preferences);
    }

    /// `text`, the open draft's, analysed under `preferences`, the cap in force for it and the
    /// draft's 版头.
    fn analyse(&mut self, text: Rc<str>, preferences: Rc<Preferences>) {
        let cap = cap_in_force(&self.store, &text).0;
        let fields = self.store.current().fields.clone();
        self.draft = self
            .draft
            .configured(text, preferences, cap.as_deref(), &fields);
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Edit {
                text,
                typed,
                composing,
                now,
            } => {
                // Saved on every change, mid-composition too, before it is analysed: localStorage
                // writes are synchronous and take well under a millisecond for a long report,
                // so nothing typed can be lost.
                let saved = self.store.edit(&text, Some(&typed), !composing, now);
                self.report(saved);
                if composing {
                    if *self.draft.text != *text {
                        self.draft = self.draft.composing(&text);
                    }
                } else if !self.draft.is_settled_at(&text) {
                    #[cfg(feature = "panic-probe")]
                    if text.contains(PANIC_PROBE) {
                        panic!("panic probe typed");
                    }
                    // A new title may call for another cap, until the drafter chooses one: then
                    // the text is analysed once, under the new settings.
                    let cap = cap_in_force(&self.store, &text).0;
                    if cap.as_deref() == self.draft.settings.cap.as_ref().map(|p| p.id()) {
                        self.draft = self.draft.settled(&text);
                    } else {
                        self.analyse(text.into(), Rc::clone(&self.draft.preferences));
                    }
                }
            }
            Action::Open { id, now } => self.open(&id, now),
            Action::New { now } => {
                let (id, saved) = self.store.create("", now);
                self.open(&id, now);
                self.report(saved);
                self.ui.drawer_open = false;
            }
            Action::Import { text, now } => {
                // The draft exists in memory even if storage refuses it: open it either way.
                let (id, saved) = self.store.create(&text, now);
                self.open(&id, now);
                self.report(saved);
            }
            Action::Rename { id, title, now } => {
                let renamed = self.store.rename(&id, &title, now);
                self.report(renamed);
            }
            Action::Duplicate { id, now } => {
                let copied = self.store.duplicate(&id, now);
                self.report(copied);
            }
            Action::Delete { id, now } => {
                let deleted = self.store.delete(&id, now);
                if let Some(Some(next)) = self.report(deleted) {
                    self.open(&next, now);
                }
            }
            Action::Restore { id } => {
                let restored = self.store.restore(&id);
                self.report(restored);
            }
            Action::Snapshot { reason, now } => {
                let saved = self.store.snapshot(reason, now);
                if self.report(saved) == Some(false) && reason == SnapshotReason::Manual {
                    self.message = Some(Problem::NothingNewToSave);
                }
            }
            Action::Merge { backup, now } => {
                let merged = self.store.merge(&backup, now);
                if let Some(report) = self.report(merged) {
                    self.message = Some(Problem::Merged(report.to_string()));
                }
            }
            Action::ChooseCap { id, now } => {
                let known = id
                    .as_deref()
                    .is_none_or(|id| self.draft.preferences.caps.profile(id).is_some());
                if !known {
                    let id = id.unwrap_or_default();
                    self.message = Some(Problem::Refused(
                        jianwen_engine::caps::CapError::UnknownProfile { id }.to_string(),
                    ));
                    return;
                }
                let saved = self.store.set_cap_profile(id.as_deref(), now);
                self.report(saved);
                self.reconfigure(Rc::clone(&self.draft.preferences));
            }
            Action::Configure(preferences) => {
                if preferences == *self.draft.preferences {
                    return;
                }
                let moved = self.draft.preferences.moved_caps(&preferences);
                let followed = self.store.follow_cap_profiles(|id| {
                    moved
                        .iter()
                        .find(|(from, _)| from == id)
                        .map(|(_, to)| to.clone())
                });
                self.report(followed);
                self.reconfigure(Rc::new(preferences));
            }
            Action::SetFields { fields, now } => {
                let preferences = &self.draft.preferences;
                let header_changed = preferences.header_lines(&fields)
                    != preferences.header_lines(&self.store.current().fields);
                let saved = self.store.set_fields(fields, now);
                self.report(saved);
                // A 版头 moves the text on page 1 down, as far as its fields make it: the
                // figures follow.
                if header_changed {
                    self.reconfigure(Rc::clone(&self.draft.preferences));
                }
            }
            Action::OpenedElsewhere => self.ui.open_elsewhere = true,
            Action::SavedElsewhere => {
                self.store.pause();
                self.ui.conflict = true;
            }
            Action::Resume { text, now } => {
                let resumed = self.store.resume(&text, now);
                self.report(resumed);
                self.ui.conflict = false;
            }
            Action::Report(problem) => self.message = Some(problem),
            Action::DismissMessage => self.message = None,
            Action::Ui(action) => self.ui.apply(action),
        }
    }
}

/// The cap profile in force for the open draft of `store`, whose text is `text`: the drafter's
/// choice, or until there is one, the profile the title's 文种 calls for
/// ([`jianwen_engine::caps::profile_for_kind`]). The flag says it is the latter.
fn cap_in_force(store: &DraftStore, text: &str) -> (Option<String>, bool) {
    let draft = store.current();
    if draft.cap_chosen || draft.cap_profile.is_some() {
        return (draft.cap_profile.clone(), false);
    }
    let title = jianwen_io::title_from_text(text);
    let kind = jianwen_engine::elements::doc_kind(&title);
    let profile = kind.and_then(jianwen_engine::caps::profile_for_kind);
    (profile.map(|p| p.id().to_owned()), true)
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // A copy costs a pointer per draft (see `DraftStore`); comparing the two would cost
        // more than the render a no-op causes.
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}
