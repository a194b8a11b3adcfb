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
    for (paragraph, par) in paragraph_spans(text).into_iter().enumerate() {
        let body = &text[par.clone()];
        let mut push = |range: Range<usize>| {
            if !body[range.clone()].trim().is_empty() {
                out.push(Sentence {
                    span: par.start + range.start..par.start + range.end,
                    paragraph,
                });
            }
        };
        let mut start = 0;
        let mut chars = body.char_indices().peekable();
        while let Some((_, c)) = chars.next() {
            if !is_terminator(c) {
                continue;
            }
            while chars.next_if(|&(_, c)| is_terminator(c)).is_some() {}
            while chars.next_if(|&(_, c)| is_closer(c)).is_some() {}
            let end = chars.peek().map_or(body.len(), |&(i, _)| i);
            push(start..end);
            start = end;
        }
        if start < body.len() {
            push(start..body.len());
        }
    }
    out
}
