//! Splitting a draft into sentences, exactly as the annotated corpus does
//! (`corpus/annotations/split.py`), so that findings and the quality measurement speak of the same
//! sentences.
//!
//! Inside a paragraph a sentence ends at a run of terminators `。！？；` (or their ASCII forms
//! `;!?`, which the NFKC-normalised seed texts use), followed by any closing quotes or brackets.
//! The rest of a paragraph after its last terminator is one more sentence. Whitespace-only
//! segments are dropped. ASCII `.` is not a terminator: it separates item numbers ("1.") in drafts.

use crate::paragraphs::paragraph_spans;
use std::ops::Range;

/// One sentence of a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range into the text, terminator and closing quotes included.
    pub span: Range<usize>,
    /// Index of its paragraph in [`paragraph_spans`].
    pub paragraph: usize,
}

/// Whether `c` ends a sentence.
pub fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | ';' | '!' | '?')
}

/// Byte ranges of the terminators ([`is_terminator`]) of `text`, in order. Each kind is found
/// with a vectorised search: testing every character, or every byte, cost more than the rest
/// of sentence splitting.
pub(crate) fn terminators(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found: Vec<Range<usize>> = memchr::memchr3_iter(b';', b'!', b'?', bytes)
        .map(|i| i..i + 1)
        .collect();
    for wide in ["。", "！", "？", "；"] {
        found.extend(memchr::memmem::find_iter(bytes, wide).map(|i| i..i + wide.len()));
    }
    found.sort_unstable_by_key(|t| t.start);
    found
}

/// Whether `c` is a closing quote or bracket that stays with the sentence before it.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》' | '"' | '\''
    )
}

/// The sentences of `text`, in order.
///
/// # Examples
/// ```
/// use jianwen_engine::sentences::sentences;
/// let text = "他说：“好。”然后走了！\n是；否";
/// let got: Vec<&str> = sentences(text).iter().map(|s| &text[s.span.clone()]).collect();
/// assert_eq!(got, ["他说：“好。”", "然后走了！", "是；", "否"]);
/// ```
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut terminators = terminators(text).into_iter().peekable();
    for (paragraph, par) in paragraph_spans(text).into_iter().enumerate() {
        let mut push = |range: Range<usize>| {
            if !text[range.clone()].trim().is_empty() {
                out.push(Sentence {
                    span: range,
                    paragraph,
                });
            }
        };
        let mut start = par.start;
        while let Some(terminator) = terminators.next_if(|t| t.start < par.end) {
            // Terminators after the first of a run belong to the sentence already pushed.
            if terminator.start < start {
                continue;
            }
            let rest = &text[terminator.end..par.end];
            let rest = rest
                .trim_start_matches(is_terminator)
                .trim_start_matches(is_closer);
            let end = par.end - rest.len();
            push(start..end);
            start = end;
        }
        if start < par.end {
            push(start..par.end);
        }
    }
    out
}
