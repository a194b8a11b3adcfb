//! The whole screen: header, cap strip, editor (or print preview), side panel.

mod transfer;

use crate::components::cap_strip::CapStrip;
use crate::components::editor::{Editor, TextChange};
use crate::components::findings_panel::{FindingAction, FindingsPanel};
use crate::components::header::Header;
use crate::components::message_bar::MessageBar;
use crate::components::print_preview::PrintPreview;
use crate::components::settings_dialog::SettingsDialog;
use crate::components::stats_panel::StatsPanel;
use crate::editor_commands;
use crate::layer_model::paragraph_views;
use crate::preferences::{Preferences, CURRENT_DRAFT};
use crate::print_model::print_pages;
use crate::state::{Action, Draft};
use crate::storage;
use gloo::events::EventListener;
use jianwen_engine::format::apply_rule_fixes;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// A memo key compared by identity: the reducer makes a new `Rc` exactly when the value changes,
/// so comparing addresses is exact and costs nothing, where comparing a long analysis would not.
struct Same<T: ?Sized>(Rc<T>);

impl<T: ?Sized> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[component]
pub fn App() -> Html {
    let initial_text = use_memo((), |_| AttrValue::from(storage::load_draft().unwrap_or_default()));
    let loaded_preferences = use_memo((), |_| storage::load_preferences());
    let draft = {
        let initial_text = initial_text.clone();
        let preferences = loaded_preferences.0.clone();
        use_reducer(move || Draft::new(&initial_text, preferences))
    };
    let message = use_state(|| loaded_preferences.1.clone().map(AttrValue::from));
    let textarea_ref = use_node_ref();
    let layer_ref = use_node_ref();
    {
        // Preferences are saved whenever they change (never on the typing path).
        let message = message.clone();
        use_effect_with(Same(draft.preferences.clone()), move |preferences| {
            if let Err(text) = storage::save_preferences(&preferences.0) {
                message.set(Some(text.into()));
            }
        });
    }
    let paragraphs = use_memo((Same(draft.text.clone()), Same(draft.analysis.clone()), draft.stale), |(text, analysis, stale)| {
        paragraph_views(&text.0, (!stale).then_some(&*analysis.0))
    });

    let on_change = {
        let draft = draft.dispatcher();
        let message = message.clone();
        Callback::from(move |change: TextChange| {
            // Saved on every change, mid-composition too: localStorage writes are synchronous and
            // take well under a millisecond for a long report, so nothing typed can be lost.
            match storage::save_draft(&change.text) {
                Ok(()) => {}
                Err(text) => message.set(Some(text.into())),
            }
            draft.dispatch(if change.composing { Action::Composing(change.text) } else { Action::Settled(change.text) });
        })
    };
    let configure = {
        let draft = draft.dispatcher();
        Callback::from(move |preferences: Preferences| draft.dispatch(Action::Configure(preferences)))
    };
    let on_choose_cap = {
        let configure = configure.clone();
        let preferences = draft.preferences.clone();
        let message = message.clone();
        Callback::from(move |id: Option<String>| {
            let mut next = (*preferences).clone();
            match next.caps.choose(CURRENT_DRAFT, id.as_deref()) {
                Ok(()) => configure.emit(next),
                Err(e) => message.set(Some(e.to_string().into())),
            }
        })
    };
    let on_finding = finding_handler(&draft, &configure, &message, &textarea_ref, &layer_ref);
    let pending_read: transfer::PendingRead = use_mut_ref(|| None);
    let on_import = transfer::import_handler(&textarea_ref, &message, &pending_read);
    let on_restore_backup = transfer::restore_handler(&textarea_ref, &draft, &configure, &message, &pending_read);
    let on_export = transfer::export_handler(&draft, &message);
    let drag_over = use_state(|| false);
    let (ondragover, ondragleave, ondrop) = drop_handlers(&drag_over, &on_import);

    let preview = use_state(|| false);
    {
        // Esc leaves the preview; the browser's print (Ctrl+P) opens it first, so what prints is
        // always the engine's pages, never the editor.
        let preview = preview.clone();
        use_effect_with(*preview, move |&open| {
            let window = gloo::utils::window();
            let on_print = {
                let preview = preview.clone();
                EventListener::new(&window, "beforeprint", move |_| preview.set(true))
            };
            let on_key = open.then(|| {
                EventListener::new(&window, "keydown", move |e| {
                    let key = e.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key());
                    if key.as_deref() == Some("Escape") {
                        preview.set(false);
                    }
                })
            });
            move || drop((on_print, on_key))
        });
    }
    let pages = use_memo((Same(draft.analysis.clone()), *preview), |(analysis, open)| {
        if *open {
            print_pages(&draft.analyzed_text, &analysis.0.layout, &draft.settings.layout)
        } else {
            Vec::new()
        }
    });
    let toggle_preview = {
        let preview = preview.clone();
        Callback::from(move |()| preview.set(!*preview))
    };
    let close_preview = {
        let preview = preview.clone();
        Callback::from(move |()| preview.set(false))
    };
    let settings_open = use_state(|| false);
    let open_settings = {
        let settings_open = settings_open.clone();
        Callback::from(move |()| settings_open.set(true))
    };
    let close_settings = {
        let settings_open = settings_open.clone();
        Callback::from(move |()| settings_open.set(false))
    };
    let dismiss_message = {
        let message = message.clone();
        Callback::from(move |()| message.set(None))
    };
    let speech_note = draft
        .settings
        .cap
        .as_ref()
        .filter(|cap| cap.limits().minutes.is_some())
        .map(|_| AttrValue::from(draft.settings.speaking_rate.note()));
    let chosen_cap = draft.preferences.caps.chosen(CURRENT_DRAFT).map(|p| AttrValue::from(p.id().to_owned()));

    html! {
        <div class="app">
            <Header preview_open={*preview} on_toggle_preview={toggle_preview} on_open_settings={open_settings} {on_import} {on_restore_backup} {on_export} />
            if *settings_open {
                <SettingsDialog preferences={draft.preferences.clone()} on_change={configure.clone()} on_close={close_settings} />
            }
            if let Some(text) = (*message).clone() {
                <MessageBar message={text} on_dismiss={dismiss_message} />
            }
            <CapStrip caps={draft.preferences.caps.clone()} chosen={chosen_cap} report={draft.analysis.caps.clone().map(Rc::new)} on_choose={on_choose_cap} />
            <main class="workspace">
                if *preview {
                    <section class="preview-zone" aria-label="打印预览">
                        <PrintPreview {pages} on_close={close_preview} />
                    </section>
                }
                // Hidden, not unmounted, during the preview: the textarea keeps its undo history.
                <section class={classes!("editor-zone", drag_over.then_some("drop-target"))} aria-label="正文编辑区" hidden={*preview} {ondragover} {ondragleave} {ondrop}>
                    <Editor
                        initial_text={(*initial_text).clone()}
                        text={draft.text.clone()}
                        {paragraphs}
                        {on_change}
                        textarea_ref={textarea_ref.clone()}
                        layer_ref={layer_ref.clone()}
                    />
                </section>
                <aside class="side-panel" aria-label="检查结果">
                    <StatsPanel analysis={draft.analysis.clone()} stale={draft.stale} {speech_note} />
                    <FindingsPanel analysis={draft.analysis.clone()} text={draft.analyzed_text.clone()} on_action={on_finding} />
                </aside>
            </main>
        </div>
    }
}

/// A file dragged onto the editor imports like 导入. Dragged text is left to the browser, which
/// inserts it at the drop point as usual.
fn drop_handlers(drag_over: &UseStateHandle<bool>, on_import: &Callback<web_sys::File>) -> (Callback<DragEvent>, Callback<DragEvent>, Callback<DragEvent>) {
    let carries_files = |e: &DragEvent| e.data_transfer().is_some_and(|dt| dt.types().includes(&"Files".into(), 0));
    let over = {
        let drag_over = drag_over.clone();
        Callback::from(move |e: DragEvent| {
            if carries_files(&e) {
                // Cancelling `dragover` is what allows the drop.
                e.prevent_default();
                drag_over.set(true);
            }
        })
    };
    let leave = {
        let drag_over = drag_over.clone();
        Callback::from(move |_: DragEvent| drag_over.set(false))
    };
    let drop = {
        let (drag_over, on_import) = (drag_over.clone(), on_import.clone());
        Callback::from(move |e: DragEvent| {
            drag_over.set(false);
            if let Some(file) = e.data_transfer().and_then(|dt| dt.files()).and_then(|files| files.get(0)) {
                e.prevent_default();
                on_import.emit(file);
            }
        })
    };
    (over, leave, drop)
}

/// Carries out what the findings list asks: selections and fixes on the textarea (fixes as
/// undoable edits), ignores and rule switches as preference changes.
fn finding_handler(
    draft: &UseReducerHandle<Draft>,
    configure: &Callback<Preferences>,
    message: &UseStateHandle<Option<AttrValue>>,
    textarea_ref: &NodeRef,
    layer_ref: &NodeRef,
) -> Callback<FindingAction> {
    let (draft, configure, message) = (draft.clone(), configure.clone(), message.clone());
    let (textarea_ref, layer_ref) = (textarea_ref.clone(), layer_ref.clone());
    Callback::from(move |action: FindingAction| {
        let Some(textarea) = textarea_ref.cast::<HtmlTextAreaElement>() else { return };
        let stale = |message: &UseStateHandle<Option<AttrValue>>| {
            message.set(Some("正文刚刚改动过，检查结果尚未更新，请再点一次。".into()));
        };
        match action {
            FindingAction::Select(span) => {
                let scalar = draft.analyzed_text.get(..span.start).map_or(0, |head| head.chars().count());
                editor_commands::select(&textarea, &span, layer_ref.cast::<web_sys::Element>().as_ref(), scalar);
            }
            FindingAction::Fix(fix) => {
                // Edits are applied back to front so earlier offsets stay valid; the browser
                // records each as an undo step.
                if textarea.value() != *draft.analyzed_text {
                    return stale(&message);
                }
                for edit in fix.edits.iter().rev() {
                    editor_commands::replace(&textarea, &edit.span, &edit.replacement);
                }
            }
            FindingAction::FixAll(rule) => {
                if textarea.value() != *draft.analyzed_text {
                    return stale(&message);
                }
                let (fixed, count) = apply_rule_fixes(&draft.analyzed_text, &draft.analysis.format, &rule);
                let question = format!("将按规则一次修正 {count} 处，可用 Ctrl+Z 撤销。继续吗？");
                if count > 0 && gloo::utils::window().confirm_with_message(&question).unwrap_or(false) {
                    editor_commands::replace_all_keeping_view(&textarea, &fixed);
                }
            }
            FindingAction::Ignore { rule, text } => {
                let mut next = (*draft.preferences).clone();
                next.rules.ignore(&rule, &text);
                configure.emit(next);
            }
            FindingAction::DisableRule(rule) => {
                let mut next = (*draft.preferences).clone();
                match next.rules.set_enabled(&rule, false) {
                    Ok(()) => configure.emit(next),
                    Err(e) => message.set(Some(e.to_string().into())),
                }
            }
            FindingAction::DisableFormatRule(rule) => {
                let mut next = (*draft.preferences).clone();
                next.format.disabled.insert(rule);
                configure.emit(next);
            }
        }
    })
}
