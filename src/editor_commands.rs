//! Edits and selections made on the user's behalf, through the browser's own editing commands so
//! each is one step on the native undo stack. This is where the engine's UTF-8 byte spans meet
//! the textarea's UTF-16 selection offsets.

use jianwen_engine::offsets::positions;
use std::ops::Range;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, HtmlTextAreaElement};

/// The UTF-16 range of byte span `span` in `text`.
pub fn utf16_range(text: &str, span: &Range<usize>) -> Range<u32> {
    let p = positions(text, [span.start, span.end]);
    p[0].utf16 as u32..p[1].utf16 as u32
}

/// Selects `span` (bytes of the textarea's current value), focuses the editor and scrolls the
/// selection to the upper third of the view. `layer` mirrors the textarea's geometry, so the
/// mark at `scalar_start` tells where the selection is drawn.
pub fn select(
    textarea: &HtmlTextAreaElement,
    span: &Range<usize>,
    layer: Option<&web_sys::Element>,
    scalar_start: usize,
) {
    let value = textarea.value();
    let range = utf16_range(&value, span);
    textarea.focus().ok();
    textarea.set_selection_range(range.start, range.end).ok();
    let anchor = layer.and_then(|l| {
        l.query_selector(&format!("[data-start=\"{scalar_start}\"]"))
            .ok()
            .flatten()
    });
    if let Some(element) = anchor.and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok()) {
        let top = element.offset_top() - textarea.client_height() / 3;
        textarea.set_scroll_top(top.max(0));
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_spans_become_utf16_ranges() {
        let text = "𠮷😀为深入贯彻";
        // 为 starts at byte 8 (two 4-byte chars), UTF-16 unit 4.
        assert_eq!(utf16_range(text, &(8..14)), 4..6);
        assert_eq!(utf16_range(text, &(0..4)), 0..2);
        assert_eq!(utf16_range("", &(0..0)), 0..0);
    }
}
