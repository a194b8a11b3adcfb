//! Focus return: a panel or dialog that takes the keyboard gives it back when it closes.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Moves focus to `target` when the component mounts (if it is set), and back to the element
/// that had focus before (the button that opened it) when it unmounts.
#[hook]
pub fn use_focus_return(target: NodeRef) {
    use_effect_with((), move |_| {
        let previous = gloo::utils::document().active_element();
        if let Some(element) = target.cast::<HtmlElement>() {
            element.focus().ok();
        }
        move || {
            if let Some(element) = previous.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                element.focus().ok();
            }
        }
    });
}
