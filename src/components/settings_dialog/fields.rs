//! What the four sections of the settings dialog share: their props, the [`Emitter`] through
//! which each sends a complete new [`Preferences`], and the small labelled inputs they are built
//! from. Kept in one place so that every field looks and is described to screen readers alike.

use super::form::changed;
use crate::preferences::Preferences;
use std::rc::Rc;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The props of every section: the preferences to show and where a changed copy goes.
#[derive(Properties, PartialEq)]
pub(super) struct SectionProps {
    pub preferences: Rc<Preferences>,
    /// Receives a complete new `Preferences` for every accepted change.
    pub on_change: Callback<Preferences>,
}

/// The current preferences and where to send a changed copy; cloned into every handler.
#[derive(Clone)]
pub(super) struct Emitter {
    pub current: Rc<Preferences>,
    on_change: Callback<Preferences>,
}

impl Emitter {
    pub fn new(props: &SectionProps) -> Self {
        Emitter {
            current: Rc::clone(&props.preferences),
            on_change: props.on_change.clone(),
        }
    }

    /// Applies `change` to a copy and emits the copy if it differs. On error nothing is emitted.
    pub fn apply(
        &self,
        change: impl FnOnce(&mut Preferences) -> Result<(), String>,
    ) -> Result<(), String> {
        if let Some(next) = changed(&self.current, change)? {
            self.on_change.emit(next);
        }
        Ok(())
    }
}

/// Moves the focus to `node`, if it is rendered.
pub(super) fn focus(node: &NodeRef) {
    if let Some(element) = node.cast::<HtmlElement>() {
        element.focus().ok();
    }
}

/// Keeps a text state equal to its input on every `input` event, so a render never rewrites what
/// is being typed (or composed).
pub(super) fn bind(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| {
        state.set(e.target_unchecked_into::<HtmlInputElement>().value())
    })
}

/// [`bind`] for a `<textarea>`.
pub(super) fn bind_textarea(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| {
        state.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
    })
}

/// A labelled number input, applied on `change` (Enter, leaving the field, the arrows).
pub(super) struct NumberField<'a> {
    pub id: &'static str,
    pub label: &'static str,
    pub test_id: &'static str,
    pub value: &'a str,
    pub min: u32,
    pub max: u32,
    pub hint: Option<String>,
    pub error: Option<String>,
}

/// Renders `field`; its hint and error are tied to the input with `aria-describedby`.
pub(super) fn number_field(
    field: NumberField<'_>,
    oninput: Callback<InputEvent>,
    onchange: Callback<Event>,
) -> Html {
    let hint_id = format!("{}-hint", field.id);
    let error_id = format!("{}-error", field.id);
    let described: Vec<&str> = [
        field.hint.as_ref().map(|_| hint_id.as_str()),
        field.error.as_ref().map(|_| error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        <div class="settings-field">
            <label for={field.id}>{ field.label }</label>
            <input id={field.id} type="number" inputmode="numeric" step="1" min={field.min.to_string()} max={field.max.to_string()}
                value={field.value.to_string()} data-testid={field.test_id}
                aria-invalid={field.error.as_ref().map(|_| "true")}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                {oninput} {onchange} />
            if let Some(hint) = field.hint {
                <p id={hint_id} class="settings-hint">{ hint }</p>
            }
            if let Some(error) = field.error {
                <p id={error_id} class="settings-error" role="alert">{ error }</p>
            }
        </div>
    }
}

/// A labelled one-line text input bound to `state`.
pub(super) fn text_field(
    id: &'static str,
    label: &'static str,
    test_id: &'static str,
    state: &UseStateHandle<String>,
    placeholder: Option<&'static str>,
    node: Option<&NodeRef>,
) -> Html {
    html! {
        <div class="settings-field">
            <label for={id}>{ label }</label>
            <input {id} type="text" data-testid={test_id} value={(**state).clone()} {placeholder}
                ref={node.cloned().unwrap_or_default()} oninput={bind(state)} />
        </div>
    }
}
