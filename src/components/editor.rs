//! The editor: a plain `<textarea>` over a mirrored highlight layer.
//!
//! The textarea is uncontrolled: Yew never writes its value while the user types, so a render
//! can neither move the caret nor break an IME composition (Yew rewrites a controlled textarea
//! whenever its state lags the DOM). Its value is set once on mount and otherwise changed only
//! through the browser's own editing commands, which keeps undo/redo native.

use crate::browser::editor_commands;
use crate::components::highlight_layer::model::ParagraphView;
use crate::components::highlight_layer::HighlightLayer;
use crate::example::EXAMPLE_DRAFT;
use crate::hooks::use_composition;
use js_sys::JsString;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlTextAreaElement, InputEvent};
use yew::prelude::*;

/// What the textarea holds after an edit.
#[derive(Clone, Debug, PartialEq)]
pub struct TextChange {
    pub text: String,
    /// The same text as the textarea's own JavaScript string, which is what gets saved.
    pub typed: JsString,
    /// An IME composition is open: the text includes uncommitted input and analysis should wait.
    pub composing: bool,
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The draft's text: what the textarea starts with when the editor mounts (the app remounts
    /// it for each draft it opens), and whether the empty state shows.
    pub text: Rc<str>,
    /// What the highlight layer draws for the current text.
    pub paragraphs: Rc<Vec<ParagraphView>>,
    pub on_change: Callback<TextChange>,
    /// The textarea, so the app can select and edit on the user's behalf.
    pub textarea_ref: NodeRef,
    /// The highlight layer, which shows where a span is drawn.
    pub layer_ref: NodeRef,
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let textarea_ref = props.textarea_ref.clone();
    let layer_ref = props.layer_ref.clone();
    {
        // Mount: the draft's text, set once; afterwards only the user and the browser's
        // editing commands change it.
        let (textarea_ref, text) = (textarea_ref.clone(), Rc::clone(&props.text));
        use_effect_with((), move |_| {
            if let Some(textarea) = textarea_ref.cast::<HtmlTextAreaElement>() {
                textarea.set_value(&text);
            }
        });
    }
    let composing = {
        // The settled text is read again when a composition ends.
        let (node, on_change) = (textarea_ref.clone(), props.on_change.clone());
        let on_end = Callback::from(move |()| {
            if let Some(textarea) = node.cast::<HtmlTextAreaElement>() {
                let (text, typed) = read_value(&textarea);
                on_change.emit(TextChange {
                    text,
                    typed,
                    composing: false,
                });
            }
        });
        use_composition(textarea_ref.clone(), on_end)
    };

    let oninput = {
        let on_change = props.on_change.clone();
        let composing = composing.clone();
        Callback::from(move |e: InputEvent| {
            let textarea: HtmlTextAreaElement = e.target_unchecked_into();
            let composing = e.is_composing() || composing.get();
            let (text, typed) = read_value(&textarea);
            on_change.emit(TextChange {
                text,
                typed,
                composing,
            });
        })
    };

    let onscroll = {
        let textarea_ref = textarea_ref.clone();
        let layer_ref = layer_ref.clone();
        Callback::from(move |_: Event| {
            if let (Some(textarea), Some(layer)) = (
                textarea_ref.cast::<HtmlTextAreaElement>(),
                layer_ref.cast::<web_sys::Element>(),
            ) {
                layer.set_scroll_top(textarea.scroll_top());
            }
        })
    };

    let load_example = {
        let textarea_ref = textarea_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(textarea) = textarea_ref.cast::<HtmlTextAreaElement>() {
                editor_commands::replace_all(&textarea, EXAMPLE_DRAFT);
            }
        })
    };

    // The textarea covers the layer, so a highlight cannot be hovered itself: find the mark under
    // the pointer from the layer's geometry and say why it is marked, in a line under the text.
    let hint = use_state(|| None::<AttrValue>);
    let onmousemove = {
        let (layer_ref, hint) = (layer_ref.clone(), hint.clone());
        Callback::from(move |e: MouseEvent| {
            let found = layer_ref.cast::<web_sys::Element>().and_then(|layer| {
                mark_title_at(&layer, f64::from(e.client_x()), f64::from(e.client_y()))
            });
            if *hint != found {
                hint.set(found);
            }
        })
    };
    let onmouseleave = {
        let hint = hint.clone();
        Callback::from(move |_: MouseEvent| hint.set(None))
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
                {onmousemove}
                {onmouseleave}
            />
            if let Some(text) = &*hint {
                <div class="mark-hint" role="status" data-testid="mark-hint">{ text.clone() }</div>
            }
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

/// The textarea's value, as the JavaScript string it is and as Rust text.
fn read_value(textarea: &HtmlTextAreaElement) -> (String, JsString) {
    let typed: JsString = js_sys::Reflect::get(textarea, &JsValue::from_str("value"))
        .map(JsCast::unchecked_into)
        .unwrap_or_default();
    (String::from(&typed), typed)
}

/// The `data-title` of the innermost mark drawn under the point, if any.
fn mark_title_at(layer: &web_sys::Element, x: f64, y: f64) -> Option<AttrValue> {
    let marks = layer.query_selector_all("mark").ok()?;
    let mut found = None;
    for index in 0..marks.length() {
        let Some(mark) = marks
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let rects = mark.get_client_rects();
        let hit = (0..rects.length())
            .filter_map(|i| rects.item(i))
            .any(|r| r.left() <= x && x <= r.right() && r.top() <= y && y <= r.bottom());
        if hit {
            // Nested format marks come after their phrase mark: the last hit is the innermost.
            found = mark.get_attribute("data-title").map(AttrValue::from);
        }
    }
    found
}
