//! Edits and selections made on the user's behalf, through the browser's own editing commands so
//! each is one step on the native undo stack. This is where the engine's UTF-8 byte spans meet
//! the textarea's UTF-16 selection offsets.

use crate::dom_offsets::{line_position, utf16_range};
use std::ops::Range;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, HtmlTextAreaElement};

/// Selects `span` (bytes of the textarea's current value), focuses the editor and scrolls the
/// selection to the upper third of the view. `layer`, the highlight layer, mirrors the
/// textarea's geometry line for line, so where the span's start is drawn there is where it is in
/// the textarea.
pub fn select(
    textarea: &HtmlTextAreaElement,
    span: &Range<usize>,
    layer: Option<&web_sys::Element>,
) {
    let value = textarea.value();
    let range = utf16_range(&value, span);
    textarea.focus().ok();
    textarea.set_selection_range(range.start, range.end).ok();
    let (line, offset) = line_position(&value, span.start);
    if let Some(top) = layer.and_then(|layer| drawn_top(layer, line, offset)) {
        let top = top as i32 - textarea.client_height() / 3;
        textarea.set_scroll_top(top.max(0));
    }
}

/// The top, in the layer's scrolled content, of UTF-16 offset `offset` of line `line` as the
/// layer draws it (one block per line, its text in text nodes).
fn drawn_top(layer: &web_sys::Element, line: usize, offset: usize) -> Option<f64> {
    let block = layer.children().item(u32::try_from(line).ok()?)?;
    let document = gloo::utils::document();
    // Text nodes only (0x4 = NodeFilter.SHOW_TEXT), in document order.
    let walker = document
        .create_tree_walker_with_what_to_show(&block, 0x4)
        .ok()?;
    let mut left = offset as u32;
    while let Some(node) = walker.next_node().ok()? {
        let length = node
            .text_content()
            .map_or(0, |t| t.encode_utf16().count() as u32);
        if left <= length {
            let range = document.create_range().ok()?;
            range.set_start(&node, left).ok()?;
            range.set_end(&node, left).ok()?;
            let origin = layer.get_bounding_client_rect().top() - f64::from(layer.scroll_top());
            return Some(range.get_bounding_client_rect().top() - origin);
        }
        left -= length;
    }
    // An empty line has no text node: its block's own top.
    let origin = layer.get_bounding_client_rect().top() - f64::from(layer.scroll_top());
    Some(block.get_bounding_client_rect().top() - origin)
}

/// Replaces byte span `span` of the textarea's value with `replacement` as one undoable edit and
/// leaves the caret after it. Returns false, changing nothing, if the span does not fit the value.
pub fn replace(textarea: &HtmlTextAreaElement, span: &Range<usize>, replacement: &str) -> bool {
    let value = textarea.value();
    if span.end > value.len()
        || !value.is_char_boundary(span.start)
        || !value.is_char_boundary(span.end)
    {
        return false;
    }
    let range = utf16_range(&value, span);
    textarea.focus().ok();
    textarea.set_selection_range(range.start, range.end).ok();
    insert_text(textarea, replacement);
    true
}

/// Replaces the whole value as one undoable edit.
pub fn replace_all(textarea: &HtmlTextAreaElement, text: &str) {
    textarea.focus().ok();
    textarea.select();
    insert_text(textarea, text);
    textarea.set_selection_range(0, 0).ok();
    textarea.set_scroll_top(0);
}

/// Replaces the whole value as one undoable edit, keeping the scroll position and putting the
/// caret where it was (clamped), for bulk fixes the user makes while reading.
pub fn replace_all_keeping_view(textarea: &HtmlTextAreaElement, text: &str) {
    let (scroll, caret) = (
        textarea.scroll_top(),
        textarea.selection_start().ok().flatten().unwrap_or(0),
    );
    textarea.focus().ok();
    textarea.select();
    insert_text(textarea, text);
    let end = text.encode_utf16().count() as u32;
    textarea
        .set_selection_range(caret.min(end), caret.min(end))
        .ok();
    textarea.set_scroll_top(scroll);
}

/// Inserts over the selection. `insertText` goes through the browser's editing pipeline (undo
/// stack, `input` event); setting the value directly is the fallback for a browser that refuses
/// the command, at the cost of that one undo step.
fn insert_text(textarea: &HtmlTextAreaElement, text: &str) {
    let inserted = gloo::utils::document()
        .dyn_into::<HtmlDocument>()
        .ok()
        .and_then(|doc| {
            doc.exec_command_with_show_ui_and_value("insertText", false, text)
                .ok()
        })
        .unwrap_or(false);
    if !inserted {
        textarea.set_range_text(text).ok();
        let event = web_sys::Event::new("input").expect("an input event can be created");
        textarea.dispatch_event(&event).ok();
    }
}
