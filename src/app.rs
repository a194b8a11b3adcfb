//! The whole screen: header, editor, side panel.

use crate::components::editor::{Editor, TextChange};
use crate::components::header::Header;
use crate::components::message_bar::MessageBar;
use crate::components::stats_panel::StatsPanel;
use crate::state::{Action, Draft};
use crate::storage;
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    let initial_text = use_memo((), |_| AttrValue::from(storage::load_draft().unwrap_or_default()));
    let draft = {
        let initial_text = initial_text.clone();
        use_reducer(move || Draft::new(&initial_text))
    };
    let storage_error = use_state(|| None::<AttrValue>);

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
                    <Editor initial_text={(*initial_text).clone()} text={draft.text.clone()} {on_change} />
                </section>
                <aside class="side-panel" aria-label="检查结果">
                    <StatsPanel counts={draft.analysis.counts} stale={draft.stale} />
                </aside>
            </main>
        </div>
    }
}
