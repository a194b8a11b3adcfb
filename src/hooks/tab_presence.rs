//! Two tabs, one draft: each tab announces the draft it opens (see `storage::announce`), and
//! hears the others' announcements and saves through the `storage` event.

use crate::browser::storage::{self, Presence};
use crate::state::{Action, AppState};
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Announces the open draft at start, answers another tab that opens it too (both are told),
/// and stops writing it when another tab saves it (the state asks the user what to keep).
#[hook]
pub fn use_tab_presence(state: UseReducerHandle<AppState>, now: fn() -> i64) {
    use_effect_with((), move |_| {
        storage::announce(
            Presence::Opened,
            &state.tab,
            state.store.current_id(),
            now(),
        );
        let listener = EventListener::new(&gloo::utils::window(), "storage", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            let (key, value) = (
                event.key().unwrap_or_default(),
                event.new_value().unwrap_or_default(),
            );
            // The handle reads the state as it is now, not as it was when the listener was made.
            let current = state.store.current_id().to_owned();
            if key == storage::PRESENCE_KEY {
                let Some((presence, other, id)) = storage::parse_presence(&value) else {
                    return;
                };
                if id == current && other != &*state.tab {
                    if presence == Presence::Opened {
                        storage::announce(Presence::AlsoOpen, &state.tab, id, now());
                    }
                    state.dispatch(Action::OpenedElsewhere);
                }
            } else if key == jianwen_io::text_key(&current) && value != state.store.current().text {
                state.dispatch(Action::SavedElsewhere);
            }
        });
        move || drop(listener)
    });
}
