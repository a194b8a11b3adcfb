//! What every rule needs to know about the document, worked out once per analysis: paragraphs,
//! headings, 发文字号, the 附件说明, the 主送机关, and the spans punctuation checks must leave alone.

use super::addressee::{self, Addressee};
use super::attachment::{self, Attachments};
use super::docnum::{self, DocNumber};
use super::numbering::{self, Heading};
use super::FormatSettings;
use crate::chars::is_hanzi;
use crate::paragraphs::paragraph_spans;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub(crate) struct Context<'t> {
    pub(crate) text: &'t str,
    pub(crate) settings: &'t FormatSettings,
    pub(crate) paragraphs: Vec<Range<usize>>,
    pub(crate) attachments: Attachments,
    pub(crate) headings: Vec<Heading>,
    pub(crate) doc_numbers: Vec<DocNumber>,
    pub(crate) addressee: Option<Addressee>,
    /// Sorted, disjoint: URLs, e-mail addresses, 发文字号, heading marks, attachment numbers and
    /// trailing marks, the 主送机关's last mark.
    protected: Vec<Range<usize>>,
}

/// A URL with a scheme or starting with `www.`; trailing punctuation is trimmed off afterwards.
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[A-Za-z][A-Za-z0-9+.\-]*://|www\.)[!-~]+").expect("valid URL pattern")
});

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
        .expect("valid e-mail pattern")
});

impl<'t> Context<'t> {
    pub(crate) fn new(text: &'t str, settings: &'t FormatSettings) -> Self {
        let paragraphs = paragraph_spans(text);
        let attachments = attachment::parse(text, &paragraphs);
        let headings = numbering::parse(text, &paragraphs, &attachments);
        let doc_numbers = docnum::parse(text);
        let addressee = addressee::find(text, &paragraphs, &headings, &doc_numbers);

        let mut protected: Vec<Range<usize>> = Vec::new();
        protected.extend(URL.find_iter(text).map(|m| trim_url(text, m.range())));
        protected.extend(EMAIL.find_iter(text).map(|m| m.range()));
        protected.extend(doc_numbers.iter().map(|d| d.span.clone()));
        protected.extend(headings.iter().map(|h| h.span.clone()));
        protected.extend(attachments.protected());
        protected.extend(addressee.iter().filter_map(|a| a.mark.clone()));
        protected.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(protected.len());
        for r in protected {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }

        Context {
            text,
            settings,
            paragraphs,
            attachments,
            headings,
            doc_numbers,
            addressee,
            protected: merged,
        }
    }

    /// Whether the byte at `pos` lies in a span that punctuation checks leave alone.
    pub(crate) fn is_protected(&self, pos: usize) -> bool {
        let i = self.protected.partition_point(|r| r.end <= pos);
        self.protected.get(i).is_some_and(|r| r.start <= pos)
    }

    /// The characters of each paragraph with their byte offsets in the text.
    pub(crate) fn paragraph_chars(&self) -> impl Iterator<Item = Vec<(usize, char)>> + '_ {
        self.paragraphs.iter().map(|p| {
            self.text[p.clone()]
                .char_indices()
                .map(|(i, c)| (p.start + i, c))
                .collect()
        })
    }
}

/// Drops the punctuation that ends the sentence around a URL ("见www.gov.cn。" or "www.gov.cn,").
fn trim_url(text: &str, mut span: Range<usize>) -> Range<usize> {
    while let Some(c) = text[span.clone()].chars().next_back() {
        let opened = c == ')' && text[span.clone()].contains('(');
        if !matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'' | '"'
        ) || opened
        {
            break;
        }
        span.end -= 1;
    }
    span
}

/// Whether `c` makes its neighbourhood Chinese text: a 汉字, or a full-width mark (the CJK
/// punctuation block, the full-width forms, and the curly quotes, dashes and ellipsis that
/// Chinese text shares with Western typography).
pub(crate) fn is_chinese(c: char) -> bool {
    is_hanzi(c)
        || matches!(c,
            '\u{3001}'..='\u{303F}'
            | '\u{FF01}'..='\u{FF60}'
            | '\u{FFE0}'..='\u{FFEE}'
            | '\u{2018}'..='\u{201D}'
            | '\u{2014}' | '\u{2015}' | '\u{2026}' | '\u{00B7}')
}

/// Spaces inside a line: ASCII space, tab, no-break space and the ideographic space.
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{00A0}' | '\u{3000}')
}

/// The leading whitespace of a paragraph (its indent), in bytes.
pub(crate) fn indent_len(body: &str) -> usize {
    body.len() - body.trim_start_matches(is_space).len()
}
