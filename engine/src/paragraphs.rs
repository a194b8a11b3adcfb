//! Splitting a draft into paragraphs.
//!
//! A draft is a sequence of lines, one paragraph each, as in the corpus files and in a Word
//! document pasted as plain text. LF, CRLF and a lone CR each end a line. A break at the very end
//! of the text terminates the last paragraph rather than opening an empty one, as a text file's
//! final newline does.

use std::ops::Range;

/// Byte ranges of the paragraphs of `text`, line breaks excluded, in order.
///
/// # Examples
/// ```
/// use jianwen_engine::paragraphs::paragraph_spans;
/// assert_eq!(paragraph_spans("标题\r\n正文\n"), vec![0..6, 8..14]);
/// assert_eq!(paragraph_spans("甲\n\n乙"), vec![0..3, 4..4, 5..8]);
/// assert!(paragraph_spans("").is_empty());
/// ```
pub fn paragraph_spans(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut start = 0;
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        // The LF of a CRLF pair, already taken with its CR.
        if i < start {
            continue;
        }
        spans.push(start..i);
        start = i + if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
    }
    if start < bytes.len() {
        spans.push(start..bytes.len());
    }
    spans
}
