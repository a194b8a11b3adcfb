//! The whole screen: header, cap strip, editor (or print preview), side panel — wiring only.
//! The state and every change to it are in [`crate::state`]; what a command does to the
//! textarea is in [`commands`]; files in and out are in [`transfer`].

mod commands;
mod transfer;

use crate::components::cap_strip::CapStrip;
use crate::components::drafts_drawer::model::{draft_rows, snapshot_rows, trash_rows};
use crate::components::drafts_drawer::{snapshot_view, DraftsDrawer};
use crate::components::editor::{Editor, TextChange};
use crate::components::elements_panel::ElementsPanel;
use crate::components::header::{Export, Header};
use crate::components::highlight_layer::model::paragraph_views;
use crate::components::message_bar::MessageBar;
use crate::components::print_preview::model::print_pages;
use crate::components::print_preview::PrintPreview;
use crate::components::settings_dialog::SettingsDialog;
use crate::components::stats_panel::StatsPanel;
use crate::hooks::{use_escape, use_tab_presence};
use crate::preferences::Preferences;
use crate::same::Same;
use crate::state::{Action, AppState, UiAction};
use gloo::events::EventListener;
use std::rc::Rc;
use yew::prelude::*;

/// Milliseconds since the Unix epoch: the clock of the library and its 回收站.
pub(crate) fn now() -> i64 {
    js_sys::Date::now() as i64
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let tab = format!("t{}", (js_sys::Math::random() * 1e15) as u64);
        AppState::load(now(), tab.into())
    });
    let ui = state.ui.clone();
    let draft = &state.draft;
    use_tab_presence(state.clone(), now);
    {
        // Preferences are saved whenever they change (never on the typing path).
        let state = state.clone();
        use_effect_with(Same(draft.preferences.clone()), move |preferences| {
            if let Err(problem) = crate::browser::storage::save_preferences(&preferences.0) {
                state.dispatch(Action::Report(problem));
            }
        });
    }
    {
        // The browser's print (Ctrl+P) opens the preview first, so what prints is always the
        // engine's pages, never the editor.
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "beforeprint", move |_| {
                state.dispatch(Action::Ui(UiAction::OpenPreview))
            });
            move || drop(listener)
        });
    }
    let ui_action = |action: UiAction| {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::Ui(action)))
    };
    // Esc closes what is on top: the settings dialog handles its own, then the preview, then
    // the drafts drawer.
    use_escape(
        ui.preview && !ui.settings_open,
        ui_action(UiAction::ClosePreview),
    );
    use_escape(
        ui.drawer_open && !ui.preview && !ui.settings_open,
        ui_action(UiAction::CloseDrawer),
    );

    let textarea_ref = use_node_ref();
    let layer_ref = use_node_ref();
    // The views drawn last, whose unchanged pieces the next views take over.
    let drawn_views = use_mut_ref(|| Rc::new(Vec::new()));
    let paragraphs = use_memo(
        (
            Same(draft.text.clone()),
            Same(draft.analysis.clone()),
            draft.stale,
        ),
        |(text, analysis, stale)| {
            let views = Rc::new(paragraph_views(
                &text.0,
                (!stale).then_some(&*analysis.0),
                &drawn_views.borrow(),
            ));
            *drawn_views.borrow_mut() = Rc::clone(&views);
            views
        },
    );
    let pages = use_memo(
        (Same(draft.analysis.clone()), ui.preview),
        |(analysis, open)| {
            if *open {
                print_pages(
                    &draft.analyzed_text,
                    &analysis.0.layout,
                    &draft.settings.layout,
                )
            } else {
                Vec::new()
            }
        },
    );
    let store = &state.store;
    let drawer_rows = use_memo(
        (
            ui.drawer_open,
            Same(Rc::clone(store.library_rc())),
            Same(Rc::clone(store.history_rc())),
            store.current_id().to_owned(),
        ),
        |(open, library, history, current)| {
            if !*open {
                return Default::default();
            }
            (
                Rc::new(draft_rows(&library.0, current)),
                Rc::new(trash_rows(&library.0, now())),
                Rc::new(snapshot_rows(&history.0)),
            )
        },
    );

    let on_change = {
        let state = state.clone();
        Callback::from(move |change: TextChange| {
            state.dispatch(Action::Edit {
                text: change.text,
                typed: change.typed,
                composing: change.composing,
                now: now(),
            })
        })
    };
    let configure = {
        let state = state.clone();
        Callback::from(move |preferences: Preferences| {
            state.dispatch(Action::Configure(preferences))
        })
    };
    let on_choose_cap = {
        let state = state.clone();
        Callback::from(move |id: Option<String>| {
            state.dispatch(Action::ChooseCap { id, now: now() })
        })
    };
    let on_fields = {
        let state = state.clone();
        Callback::from(move |fields: jianwen_io::DocFields| {
            state.dispatch(Action::SetFields { fields, now: now() })
        })
    };
    let on_finding = commands::finding_handler(&state, &textarea_ref, &layer_ref);
    let on_draft_command = commands::draft_handler(&state, &textarea_ref);
    let on_conflict = commands::conflict_handler(&state, &textarea_ref);
    let pending_read: transfer::PendingRead = use_mut_ref(|| None);
    let on_import = transfer::import_handler(&state, &pending_read);
    let on_restore_backup = transfer::restore_handler(&state, &pending_read);
    let on_export = transfer::export_handler(&state);
    let (ondragover, ondragleave, ondrop) = drop_handlers(&state, &on_import);
    let dismiss_message = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::DismissMessage))
    };
    let speech_note = draft
        .settings
        .cap
        .as_ref()
        .filter(|cap| cap.limits().minutes.is_some())
        .map(|_| AttrValue::from(draft.settings.speaking_rate.note()));
    let (chosen_cap, cap_automatic) = state.chosen_cap();
    let chosen_cap = chosen_cap.map(|id| AttrValue::from(id.to_owned()));
    let viewing = ui
        .viewing
        .and_then(|index| snapshot_view(state.store.history(), index));

    html! {
        <div class="app">
            <Header preview_open={ui.preview} drafts_open={ui.drawer_open} on_toggle_drafts={ui_action(UiAction::ToggleDrawer)} on_toggle_preview={ui_action(UiAction::TogglePreview)} on_open_settings={ui_action(UiAction::OpenSettings)} {on_import} {on_restore_backup} on_export={on_export.clone()} />
            if ui.settings_open {
                <SettingsDialog preferences={draft.preferences.clone()} on_change={configure} on_close={ui_action(UiAction::CloseSettings)} />
            }
            if let Some(problem) = &state.message {
                <MessageBar message={problem.to_string()} role={if problem.is_note() { "status" } else { "alert" }} on_dismiss={Some(dismiss_message)}>
                    if problem.offers_backup() {
                        <button type="button" class="button" data-testid="storage-error-backup" onclick={on_export.reform(|_: MouseEvent| Export::Backup)}>{"导出备份"}</button>
                    }
                </MessageBar>
            }
            if ui.open_elsewhere && !ui.conflict {
                <MessageBar testid="draft-open-elsewhere" role="status" message="这份草稿也在另一个窗口（标签页）中打开。请只在一处修改：若另一处保存了修改，本窗口会暂停保存并询问，不会互相覆盖。" on_dismiss={Some(ui_action(UiAction::AcknowledgeOpenElsewhere))} />
            }
            if ui.conflict {
                <MessageBar testid="draft-conflict" message="这份草稿刚在另一个窗口（标签页）中修改并保存。为避免互相覆盖，本窗口已暂停保存这份草稿。">
                    <span class="draft-actions">
                        <button type="button" class="button-link" data-testid="conflict-load" onclick={on_conflict.reform(|_: MouseEvent| false)}>{"载入另一窗口的版本"}</button>
                        <button type="button" class="button-link" data-testid="conflict-keep" onclick={on_conflict.reform(|_: MouseEvent| true)}>{"保留本窗口的内容"}</button>
                    </span>
                </MessageBar>
            }
            <CapStrip caps={draft.preferences.caps.clone()} chosen={chosen_cap} automatic={cap_automatic} report={draft.analysis.caps.clone().map(Rc::new)} on_choose={on_choose_cap} />
            <main class="workspace">
                if ui.drawer_open {
                    <DraftsDrawer drafts={drawer_rows.0.clone()} trash={drawer_rows.1.clone()} snapshots={drawer_rows.2.clone()} {viewing} on_command={on_draft_command} on_close={ui_action(UiAction::CloseDrawer)} />
                }
                if ui.preview {
                    <section class="preview-zone" aria-label="打印预览">
                        <PrintPreview {pages} grid={draft.settings.layout} fields={state.store.current().fields.clone()} on_close={ui_action(UiAction::ClosePreview)} />
                    </section>
                }
                // Hidden, not unmounted, during the preview: the textarea keeps its undo history.
                <section class={classes!("editor-zone", ui.drag_over.then_some("drop-target"))} aria-label="正文编辑区" hidden={ui.preview} {ondragover} {ondragleave} {ondrop}>
                    <Editor
                        key={state.opened}
                        text={draft.text.clone()}
                        paragraphs={Rc::clone(&*paragraphs)}
                        {on_change}
                        textarea_ref={textarea_ref.clone()}
                        layer_ref={layer_ref.clone()}
                    />
                </section>
                <aside class="side-panel" aria-label="检查结果">
                    <StatsPanel analysis={draft.analysis.clone()} stale={draft.stale} grid={draft.settings.layout} {speech_note} />
                    <ElementsPanel fields={state.store.current().fields.clone()} text={Same(draft.analyzed_text.clone())} on_change={on_fields} />
                    <crate::components::findings_panel::FindingsPanel analysis={draft.analysis.clone()} text={draft.analyzed_text.clone()} on_action={on_finding} />
                </aside>
            </main>
        </div>
    }
}

/// A file dragged onto the editor imports like 导入. Dragged text is left to the browser, which
/// inserts it at the drop point as usual.
fn drop_handlers(
    state: &UseReducerHandle<AppState>,
    on_import: &Callback<web_sys::File>,
) -> (
    Callback<DragEvent>,
    Callback<DragEvent>,
    Callback<DragEvent>,
) {
    let carries_files = |e: &DragEvent| {
        e.data_transfer()
            .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
    };
    let drag_over = |over: bool| {
        let state = state.clone();
        move || {
            if state.ui.drag_over != over {
                state.dispatch(Action::Ui(UiAction::DragOver(over)));
            }
        }
    };
    let over = {
        let set = drag_over(true);
        Callback::from(move |e: DragEvent| {
            if carries_files(&e) {
                // Cancelling `dragover` is what allows the drop.
                e.prevent_default();
                set();
            }
        })
    };
    let leave = {
        let set = drag_over(false);
        Callback::from(move |_: DragEvent| set())
    };
    let drop = {
        let (set, on_import) = (drag_over(false), on_import.clone());
        Callback::from(move |e: DragEvent| {
            set();
            if let Some(file) = e
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|files| files.get(0))
            {
                e.prevent_default();
                on_import.emit(file);
            }
        })
    };
    (over, leave, drop)
}
