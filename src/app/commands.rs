//! What the drafts drawer, the two-tab warning and the findings list ask of the app: state
//! changes are dispatched as [`Action`]s; edits of the text go through the textarea as undoable
//! edits ([`editor_commands`]), and come back to the state as the textarea's own changes.

use super::now;
use crate::browser::editor_commands;
use crate::browser::storage;
use crate::components::drafts_drawer::DraftCommand;
use crate::components::findings_panel::FindingAction;
use crate::problem::Problem;
use crate::state::{Action, AppState, UiAction};
use jianwen_engine::format::apply_rule_fixes;
use jianwen_io::SnapshotReason;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Carries out the drafts drawer's commands.
pub fn draft_handler(
    state: &UseReducerHandle<AppState>,
    textarea_ref: &NodeRef,
) -> Callback<DraftCommand> {
    let (state, textarea_ref) = (state.clone(), textarea_ref.clone());
    Callback::from(move |command: DraftCommand| {
        let dispatch = |action: Action| state.dispatch(action);
        match command {
            DraftCommand::New => dispatch(Action::New { now: now() }),
            DraftCommand::Open(id) => {
                dispatch(Action::Open {
                    id: id.to_string(),
                    now: now(),
                });
                dispatch(Action::Ui(UiAction::CloseDrawer));
            }
            DraftCommand::Rename(id) => {
                let title = state
                    .store
                    .library()
                    .get(&id)
                    .map(|d| d.title())
                    .unwrap_or_default();
                let answer = gloo::utils::window()
                    .prompt_with_message_and_default("草稿标题（留空则使用正文第一行）：", &title);
                if let Ok(Some(title)) = answer {
                    dispatch(Action::Rename {
                        id: id.to_string(),
                        title,
                        now: now(),
                    });
                }
            }
            DraftCommand::Duplicate(id) => dispatch(Action::Duplicate {
                id: id.to_string(),
                now: now(),
            }),
            DraftCommand::Delete(id) => dispatch(Action::Delete {
                id: id.to_string(),
                now: now(),
            }),
            DraftCommand::Restore(id) => dispatch(Action::Restore { id: id.to_string() }),
            DraftCommand::SaveVersion => dispatch(Action::Snapshot {
                reason: SnapshotReason::Manual,
                now: now(),
            }),
            DraftCommand::ViewSnapshot(index) => dispatch(Action::Ui(UiAction::View(Some(index)))),
            DraftCommand::RestoreSnapshot(index) => {
                let text = state
                    .store
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
                dispatch(Action::Snapshot {
                    reason: SnapshotReason::BeforeRestore,
                    now: now(),
                });
                editor_commands::replace_all(&textarea, &text);
                dispatch(Action::Ui(UiAction::View(None)));
            }
            DraftCommand::CloseView => dispatch(Action::Ui(UiAction::View(None))),
        }
    })
}

/// The user's answer to the two-tab warning: `true` keeps this tab's text (and writes it over
/// the other tab's), `false` loads the other tab's text into the editor as one undoable edit.
pub fn conflict_handler(
    state: &UseReducerHandle<AppState>,
    textarea_ref: &NodeRef,
) -> Callback<bool> {
    let (state, textarea_ref) = (state.clone(), textarea_ref.clone());
    Callback::from(move |keep_ours: bool| {
        let Some(textarea) = textarea_ref.cast::<HtmlTextAreaElement>() else {
            return;
        };
        let text = if keep_ours {
            textarea.value()
        } else {
            storage::stored_text(state.store.current_id()).unwrap_or_else(|| textarea.value())
        };
        state.dispatch(Action::Resume {
            text: text.clone(),
            now: now(),
        });
        if !keep_ours {
            editor_commands::replace_all(&textarea, &text);
        }
    })
}

/// Carries out what the findings list asks: selections and fixes on the textarea (fixes as
/// undoable edits), ignores and rule switches as preference changes.
pub fn finding_handler(
    state: &UseReducerHandle<AppState>,
    textarea_ref: &NodeRef,
    layer_ref: &NodeRef,
) -> Callback<FindingAction> {
    let (state, textarea_ref, layer_ref) = (state.clone(), textarea_ref.clone(), layer_ref.clone());
    Callback::from(move |action: FindingAction| {
        let Some(textarea) = textarea_ref.cast::<HtmlTextAreaElement>() else {
            return;
        };
        let draft = &state.draft;
        let stale = || state.dispatch(Action::Report(Problem::StaleFindings));
        let configure = |change: &dyn Fn(&mut crate::preferences::Preferences)| {
            let mut next = (*draft.preferences).clone();
            change(&mut next);
            state.dispatch(Action::Configure(next));
        };
        match action {
            FindingAction::Select(span) => {
                editor_commands::select(
                    &textarea,
                    &span,
                    layer_ref.cast::<web_sys::Element>().as_ref(),
                );
            }
            FindingAction::Fix(fix) => {
                // Edits are applied back to front so earlier offsets stay valid; the browser
                // records each as an undo step.
                if textarea.value() != *draft.analyzed_text {
                    return stale();
                }
                for edit in fix.edits.iter().rev() {
                    editor_commands::replace(&textarea, &edit.span, &edit.replacement);
                }
            }
            FindingAction::FixAll(rule) => {
                if textarea.value() != *draft.analyzed_text {
                    return stale();
                }
                let (fixed, count) =
                    apply_rule_fixes(&draft.analyzed_text, &draft.analysis.format, &rule);
                let question = format!("将按规则一次修正 {count} 处，可用 Ctrl+Z 撤销。继续吗？");
                if count > 0
                    && gloo::utils::window()
                        .confirm_with_message(&question)
                        .unwrap_or(false)
                {
                    // A bulk change: the text before it is kept as a snapshot too.
                    state.dispatch(Action::Snapshot {
                        reason: SnapshotReason::BeforeFixAll,
                        now: now(),
                    });
                    editor_commands::replace_all_keeping_view(&textarea, &fixed);
                }
            }
            FindingAction::Ignore { rule, text } => configure(&|p| p.rules.ignore(&rule, &text)),
            FindingAction::DisableRule(rule) => {
                let mut next = (*draft.preferences).clone();
                match next.rules.set_enabled(&rule, false) {
                    Ok(()) => state.dispatch(Action::Configure(next)),
                    Err(e) => state.dispatch(Action::Report(Problem::Refused(e.to_string()))),
                }
            }
            FindingAction::DisableFormatRule(rule) => {
                configure(&|p| {
                    p.format.disabled.insert(rule.clone());
                });
            }
        }
    })
}
