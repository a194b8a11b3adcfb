//! What the drafts drawer and the two-tab warning ask of the app, carried out on the
//! [`DraftStore`] and, for restores, on the textarea as undoable edits.

use super::draft_store::DraftStore;
use super::{now, Notice};
use crate::components::drafts_drawer::{short_time, DraftCommand, SnapshotView};
use crate::editor_commands;
use crate::storage;
use jianwen_engine::counting::count;
use jianwen_io::SnapshotReason;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// What the commands act on.
pub struct Context {
    pub store: Rc<RefCell<DraftStore>>,
    /// Opens a draft of the library in the editor.
    pub open_draft: Callback<String>,
    pub notice: Notice,
    pub force_update: UseForceUpdateHandle,
    pub textarea_ref: NodeRef,
    pub viewing: UseStateHandle<Option<SnapshotView>>,
    pub drawer_open: UseStateHandle<bool>,
}

pub fn handler(context: Context) -> Callback<DraftCommand> {
    Callback::from(move |command: DraftCommand| {
        let Context {
            store,
            open_draft,
            notice,
            force_update,
            textarea_ref,
            viewing,
            drawer_open,
        } = &context;
        match command {
            DraftCommand::New => {
                let (id, saved) = store.borrow_mut().create("", now());
                open_draft.emit(id);
                notice.report(saved);
                drawer_open.set(false);
            }
            DraftCommand::Open(id) => {
                open_draft.emit(id.to_string());
                viewing.set(None);
                drawer_open.set(false);
            }
            DraftCommand::Rename(id) => {
                let title = store
                    .borrow()
                    .library()
                    .get(&id)
                    .map(|d| d.title())
                    .unwrap_or_default();
                let answer = gloo::utils::window()
                    .prompt_with_message_and_default("草稿标题（留空则使用正文第一行）：", &title);
                if let Ok(Some(answer)) = answer {
                    let renamed = store.borrow_mut().rename(&id, &answer, now());
                    notice.report(renamed);
                }
            }
            DraftCommand::Duplicate(id) => {
                let copied = store.borrow_mut().duplicate(&id, now());
                notice.report(copied);
            }
            DraftCommand::Delete(id) => {
                let deleted = store.borrow_mut().delete(&id, now());
                if let Some(Some(next)) = notice.report(deleted) {
                    open_draft.emit(next);
                    viewing.set(None);
                }
            }
            DraftCommand::Restore(id) => {
                let restored = store.borrow_mut().restore(&id);
                notice.report(restored);
            }
            DraftCommand::SaveVersion => {
                let saved = store.borrow_mut().snapshot(SnapshotReason::Manual, now());
                if notice.report(saved) == Some(false) {
                    notice.message.set(Some(
                        "正文与最近保存的版本相同（或为空），未重复保存。".into(),
                    ));
                }
            }
            DraftCommand::ViewSnapshot(index) => {
                let store = store.borrow();
                if let Some(snapshot) = store.history().snapshots().get(index) {
                    let label = format!(
                        "{} 的版本（{} 字），只读：",
                        short_time(snapshot.at_ms),
                        count(&snapshot.text).word_count
                    );
                    viewing.set(Some(SnapshotView {
                        index,
                        label: label.into(),
                        text: snapshot.text.clone().into(),
                    }));
                }
            }
            DraftCommand::RestoreSnapshot(index) => {
                let text = store
                    .borrow()
                    .history()
                    .snapshots()
                    .get(index)
                    .map(|s| s.text.clone());
                let (Some(text), Some(textarea)) =
                    (text, textarea_ref.cast::<HtmlTextAreaElement>())
                else {
                    return;
                };
                // The text being replaced is kept as a snapshot, and the restore is one step on
                // the editor's undo stack: Ctrl+Z brings the text back.
                let saved = store
                    .borrow_mut()
                    .snapshot(SnapshotReason::BeforeRestore, now());
                notice.report(saved);
                editor_commands::replace_all(&textarea, &text);
                viewing.set(None);
            }
            DraftCommand::CloseView => viewing.set(None),
        }
        force_update.force_update();
    })
}

/// The user's answer to the two-tab warning: `true` keeps this tab's text (and writes it over
/// the other tab's), `false` loads the other tab's text into the editor as one undoable edit.
pub fn conflict_handler(
    store: &Rc<RefCell<DraftStore>>,
    conflict: &UseStateHandle<bool>,
    notice: &Notice,
    textarea_ref: &NodeRef,
) -> Callback<bool> {
    let (store, conflict, notice, textarea_ref) = (
        store.clone(),
        conflict.clone(),
        notice.clone(),
        textarea_ref.clone(),
    );
    Callback::from(move |keep_ours: bool| {
        let Some(textarea) = textarea_ref.cast::<HtmlTextAreaElement>() else {
            return;
        };
        let id = store.borrow().current_id().to_owned();
        let text = if keep_ours {
            textarea.value()
        } else {
            storage::stored_text(&id).unwrap_or_else(|| textarea.value())
        };
        let resumed = store.borrow_mut().resume(&text, now());
        notice.report(resumed);
        if !keep_ours {
            editor_commands::replace_all(&textarea, &text);
        }
        conflict.set(false);
    })
}
