//! Esc, the one way: a keydown on the document, ignored while an input method is composing.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// Calls `on_escape` when Esc is pressed anywhere in the page while `enabled`; a composing
/// input method keeps its Esc (it cancels the composition), and the key is not passed on.
#[hook]
pub fn use_escape(enabled: bool, on_escape: Callback<()>) {
    // The newest callback, so the listener need not be made again on every render.
    let latest = use_mut_ref(|| on_escape.clone());
    *latest.borrow_mut() = on_escape;
    use_effect_with(enabled, move |&enabled| {
        let listener = enabled.then(|| {
            EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                let Some(key) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if key.key() == "Escape" && !key.is_composing() {
                    key.prevent_default();
                    let on_escape = latest.borrow().clone();
                    on_escape.emit(());
                }
            })
        });
        move || drop(listener)
    });
}
