//! IME composition: whether one is open in an element, which Yew has no props for.

use gloo::events::EventListener;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Whether an IME composition is open in the element of `node` (a flag read when an `input`
/// arrives), and `on_end` called on `compositionend`. Chromium's last `input` of a composition
/// still says `isComposing`, so the settled text must be read again at the end.
#[hook]
pub fn use_composition(node: NodeRef, on_end: Callback<()>) -> Rc<Cell<bool>> {
    let composing = use_memo((), |_| Cell::new(false));
    let latest = use_mut_ref(|| on_end.clone());
    *latest.borrow_mut() = on_end;
    {
        let composing = Rc::clone(&composing);
        use_effect_with((), move |_| {
            let listeners = node.get().map(|element| {
                let start_flag = Rc::clone(&composing);
                let start =
                    EventListener::new(&element, "compositionstart", move |_| start_flag.set(true));
                let end = EventListener::new(&element, "compositionend", move |_| {
                    composing.set(false);
                    let on_end = latest.borrow().clone();
                    on_end.emit(());
                });
                (start, end)
            });
            move || drop(listeners)
        });
    }
    composing
}
