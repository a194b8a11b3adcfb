//! The whole screen: header, editor, side panel.

use crate::components::editor::{Editor, TextChange};
use crate::components::header::Header;
use crate::components::message_bar::MessageBar;
use crate::components::stats_panel::StatsPanel;
use crate::layer_model::paragraph_views;
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
    let dismiss_error = {
        let storage_error = storage_error.clone();
        Callback::from(move |()| storage_error.set(None))
    };

    html! {
        <div class="app">
            <Header />
            if let Some(message) = (*storage_error).clone() {
                <MessageBar {message} on_dismiss={dismiss_error} />
            }
            <main class="workspace">
                <section class="editor-zone" aria-label="正文编辑区">
                    <Editor initial_text={(*initial_text).clone()} text={draft.text.clone()} {paragraphs} {on_change} />
                </section>
                <aside class="side-panel" aria-label="检查结果">
                    <StatsPanel analysis={draft.analysis.clone()} stale={draft.stale} />
                </aside>
            </main>
        </div>
    }
}
