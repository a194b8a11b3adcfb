//! The whole screen: header, editor, side panel.

use crate::components::editor::{Editor, TextChange};
use crate::components::header::Header;
use crate::components::message_bar::MessageBar;
use crate::components::stats_panel::StatsPanel;
use crate::components::print_preview::PrintPreview;
use crate::layer_model::paragraph_views;
use crate::print_model::print_pages;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use crate::state::{Action, Draft};
use crate::storage;
use std::rc::Rc;
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
    let draft = {
        let initial_text = initial_text.clone();
        use_reducer(move || Draft::new(&initial_text))
    };
    let storage_error = use_state(|| None::<AttrValue>);
    let paragraphs = use_memo((Same(draft.text.clone()), Same(draft.analysis.clone()), draft.stale), |(text, analysis, stale)| {
        paragraph_views(&text.0, (!stale).then_some(&*analysis.0))
    });

    let on_change = {
        let draft = draft.dispatcher();
        let storage_error = storage_error.clone();
        Callback::from(move |change: TextChange| {
            // Saved on every change, mid-composition too: localStorage writes are synchronous and
            // take well under a millisecond for a long report, so nothing typed can be lost.
            match storage::save_draft(&change.text) {
                Ok(()) if storage_error.is_some() => storage_error.set(None),
                Ok(()) => {}
                Err(message) => storage_error.set(Some(message.into())),
            }
            draft.dispatch(if change.composing { Action::Composing(change.text) } else { Action::Settled(change.text) });
        })
    };
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
    let dismiss_error = {
        let storage_error = storage_error.clone();
        Callback::from(move |()| storage_error.set(None))
    };

    html! {
        <div class="app">
            <Header preview_open={*preview} on_toggle_preview={toggle_preview} />
            if let Some(message) = (*storage_error).clone() {
                <MessageBar {message} on_dismiss={dismiss_error} />
            }
            <main class="workspace">
                if *preview {
                    <section class="preview-zone" aria-label="打印预览">
                        <PrintPreview {pages} on_close={close_preview} />
                    </section>
                }
                // Hidden, not unmounted, during the preview: the textarea keeps its undo history.
                <section class="editor-zone" aria-label="正文编辑区" hidden={*preview}>
                    <Editor initial_text={(*initial_text).clone()} text={draft.text.clone()} {paragraphs} {on_change} />
                </section>
                <aside class="side-panel" aria-label="检查结果">
                    <StatsPanel analysis={draft.analysis.clone()} stale={draft.stale} />
                </aside>
            </main>
        </div>
    }
}
