//! The editor: a plain `<textarea>` over a mirrored highlight layer.
//!
//! The textarea is uncontrolled: Yew never writes its value while the user types, so a render
//! can neither move the caret nor break an IME composition (Yew rewrites a controlled textarea
//! whenever its state lags the DOM). Its value is set once on mount and otherwise changed only
//! through the browser's own editing commands, which keeps undo/redo native.

use crate::components::highlight_layer::HighlightLayer;
use crate::example::EXAMPLE_DRAFT;
use crate::layer_model::ParagraphView;
use gloo::events::EventListener;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, HtmlTextAreaElement, InputEvent};
use yew::prelude::*;

/// What the textarea holds after an edit.
#[derive(Clone, Debug, PartialEq)]
pub struct TextChange {
    pub text: String,
    /// An IME composition is open: the text includes uncommitted input and analysis should wait.
    pub composing: bool,
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The text to show when the editor mounts (the restored draft). Later changes are ignored.
    pub initial_text: AttrValue,
    /// The current text: the empty state shows while it is empty.
    pub text: Rc<str>,
    /// What the highlight layer draws for the current text.
    pub paragraphs: Rc<Vec<ParagraphView>>,
    pub on_change: Callback<TextChange>,
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let textarea_ref = use_node_ref();
    let layer_ref = use_node_ref();
    let composing = use_mut_ref(|| Cell::new(false));

    {
        // Mount: restore the saved text, and listen for composition events, which Yew has no
        // props for. Chromium's last `input` of a composition still says `isComposing`, so the
        // settled text is re-read on `compositionend`.
        let textarea_ref = textarea_ref.clone();
        let composing = composing.clone();
        let on_change = props.on_change.clone();
        let initial_text = props.initial_text.clone();
        use_effect_with((), move |_| {
            let textarea: HtmlTextAreaElement = textarea_ref.cast().expect("editor textarea is mounted");
            textarea.set_value(&initial_text);
            let start_flag = composing.clone();
            let start = EventListener::new(&textarea, "compositionstart", move |_| start_flag.borrow().set(true));
            let end_target = textarea.clone();
            let end = EventListener::new(&textarea, "compositionend", move |_| {
                composing.borrow().set(false);
                on_change.emit(TextChange { text: end_target.value(), composing: false });
            });
            move || drop((start, end))
        });
    }

    let oninput = {
        let on_change = props.on_change.clone();
        let composing = composing.clone();
        Callback::from(move |e: InputEvent| {
            let textarea: HtmlTextAreaElement = e.target_unchecked_into();
            let composing = e.is_composing() || composing.borrow().get();
            on_change.emit(TextChange { text: textarea.value(), composing });
        })
    };

    let onscroll = {
        let textarea_ref = textarea_ref.clone();
        let layer_ref = layer_ref.clone();
        Callback::from(move |_: Event| {
            if let (Some(textarea), Some(layer)) = (textarea_ref.cast::<HtmlTextAreaElement>(), layer_ref.cast::<web_sys::Element>()) {
                layer.set_scroll_top(textarea.scroll_top());
            }
        })
    };

    let load_example = {
        let textarea_ref = textarea_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(textarea) = textarea_ref.cast::<HtmlTextAreaElement>() {
                replace_all_undoably(&textarea, EXAMPLE_DRAFT);
            }
        })
    };

    html! {
        <div class="editor">
            <HighlightLayer node_ref={layer_ref} paragraphs={Rc::clone(&props.paragraphs)} />
            <textarea
                ref={textarea_ref}
                class="editor-input"
                data-testid="editor"
                lang="zh-CN"
                spellcheck="false"
                aria-label="公文正文"
                placeholder="在此输入或粘贴公文正文：第一行为标题，每段一行。"
                {oninput}
                {onscroll}
            />
            if props.text.is_empty() {
                <div class="editor-empty">
                    <p>{"字数、段落等统计会随输入即时更新，全部在本机计算。"}</p>
                    <button type="button" class="button" data-testid="load-example" onclick={load_example}>
                        {"载入示例：整治形式主义工作实施方案"}
                    </button>
                </div>
            }
        </div>
    }
}

/// Replaces the whole text as one undoable edit. `insertText` goes through the browser's editing
/// pipeline (undo stack, `input` event); setting `value` directly is the fallback for browsers
/// that refuse the command.
fn replace_all_undoably(textarea: &HtmlTextAreaElement, text: &str) {
    textarea.focus().ok();
    textarea.select();
    let inserted = gloo::utils::document()
        .dyn_into::<HtmlDocument>()
        .ok()
        .and_then(|doc| doc.exec_command_with_show_ui_and_value("insertText", false, text).ok())
        .unwrap_or(false);
    if !inserted {
        textarea.set_value(text);
        let event = web_sys::Event::new("input").expect("an input event can be created");
        textarea.dispatch_event(&event).ok();
    }
    textarea.set_selection_range(0, 0).ok();
    textarea.set_scroll_top(0);
}
