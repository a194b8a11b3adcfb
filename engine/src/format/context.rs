//! What every rule needs to know about the document, worked out once per analysis: paragraphs,
//! headings, 发文字号, the 附件说明, the 主送机关, and the spans punctuation checks must leave alone.

use super::addressee::{self, Addressee};
use super::attachment::{self, Attachments};
use super::date::{self, Date};
use super::docnum::{self, DocNumber};
use super::numbering::{self, Heading};
use super::scoped::ParagraphRole;
use super::FormatSettings;
use crate::chars::{char_count, indices, is_hanzi};
use crate::paragraphs::paragraph_spans;
use crate::sentences::Sentence;
use regex_lite::Regex;
use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

/// A character that is not 汉字: its index within its paragraph, and whether it lies in a span
/// that punctuation checks leave alone.
pub(crate) type Other = (usize, bool);

pub(crate) struct Context<'t> {
    pub(crate) text: &'t str,
    pub(crate) settings: &'t FormatSettings,
    pub(crate) sentences: &'t [Sentence],
    pub(crate) paragraphs: Vec<Range<usize>>,
    pub(crate) attachments: Attachments,
    pub(crate) headings: Vec<Heading>,
    pub(crate) doc_numbers: Vec<DocNumber>,
    pub(crate) addressee: Option<Addressee>,
    decoded: Decoded,
    /// The lead ([`Context::next_paragraph_lead`]) of the paragraph after the last, which a
    /// context of one paragraph is told.
    last_followed_by: Option<char>,
    /// The dates of the text, found on first use and shared by the date rules.
    dates: OnceCell<Vec<Date>>,
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
    /// Everything about the whole of `text`, for every rule.
    pub(crate) fn new(
        text: &'t str,
        settings: &'t FormatSettings,
        sentences: &'t [Sentence],
    ) -> Self {
        let mut cx = Self::document(text, settings, paragraph_spans(text));
        let owned = cx
            .attachments
            .protected()
            .chain(cx.addressee.iter().filter_map(|a| a.mark.clone()));
        let protected = protected_spans(text, &cx.doc_numbers, &cx.headings, owned);
        cx.decoded = Decoded::new(text, &cx.paragraphs, &protected);
        cx.sentences = sentences;
        cx
    }

    /// The structure of the whole of `text` (attachments, headings, 主送机关) without its
    /// characters: all that the rules of [`Scope::Document`](super::Scope) read.
    pub(crate) fn document(
        text: &'t str,
        settings: &'t FormatSettings,
        paragraphs: Vec<Range<usize>>,
    ) -> Self {
        let attachments = attachment::parse(text, &paragraphs);
        let headings = numbering::parse(text, &paragraphs, &attachments);
        let doc_numbers = docnum::parse(text);
        let addressee = addressee::find(text, &paragraphs, &headings, &doc_numbers);
        Context {
            text,
            settings,
            sentences: &[],
            paragraphs,
            attachments,
            headings,
            doc_numbers,
            addressee,
            decoded: Decoded::default(),
            last_followed_by: None,
            dates: OnceCell::new(),
        }
    }

    /// One paragraph on its own, `text` holding it alone, with what `role` says of its place in
    /// the document: all that the rules of [`Scope::Paragraph`](super::Scope) read. Their
    /// findings here are those over the whole document in this paragraph, moved to start at 0.
    pub(crate) fn paragraph(
        text: &'t str,
        settings: &'t FormatSettings,
        sentences: &'t [Sentence],
        role: &ParagraphRole,
    ) -> Self {
        let paragraphs: Vec<Range<usize>> = std::iter::once(0..text.len()).collect();
        let attachments = Attachments::default();
        let headings = if role.may_be_heading {
            numbering::parse(text, &paragraphs, &attachments)
        } else {
            Vec::new()
        };
        let doc_numbers = docnum::parse(text);
        let protected = protected_spans(
            text,
            &doc_numbers,
            &headings,
            role.protected.iter().cloned(),
        );
        let decoded = Decoded::new(text, &paragraphs, &protected);
        Context {
            text,
            settings,
            sentences,
            paragraphs,
            attachments,
            headings,
            doc_numbers,
            addressee: None,
            decoded,
            last_followed_by: role.followed_by,
            dates: OnceCell::new(),
        }
    }

    /// The first character of paragraph `n + 1` that is not a space ([`is_space`]), if any: a
    /// quotation of several paragraphs opens each of them.
    pub(crate) fn next_paragraph_lead(&self, n: usize) -> Option<char> {
        match self.paragraphs.get(n + 1) {
            Some(next) => lead(&self.text[next.clone()]),
            None => self.last_followed_by,
        }
    }

    /// The characters of each paragraph with their byte offsets in the text.
    pub(crate) fn paragraph_chars(&self) -> impl Iterator<Item = &[(usize, char)]> + '_ {
        let d = &self.decoded;
        d.paragraph_chars.iter().map(|r| &d.chars[r.clone()])
    }

    /// Each paragraph's characters (as [`Context::paragraph_chars`]), and the indices of those
    /// that are not 汉字 with whether each lies in a span that punctuation checks leave alone.
    pub(crate) fn paragraph_details(
        &self,
    ) -> impl Iterator<Item = (&[(usize, char)], &[Other])> + '_ {
        let d = &self.decoded;
        d.paragraph_chars
            .iter()
            .zip(&d.paragraph_others)
            .map(|(r, o)| (&d.chars[r.clone()], &d.others[o.clone()]))
    }

    /// The dates of the text (see [`date`](super::date)).
    pub(crate) fn dates(&self) -> &[Date] {
        self.dates.get_or_init(|| date::dates(self.text))
    }
}

/// The characters of the paragraphs, decoded once for all the rules that walk them character by
/// character (each decoded them again, which cost more than all their checks together).
#[derive(Default)]
struct Decoded {
    /// The characters of the paragraphs with their byte offsets.
    chars: Vec<(usize, char)>,
    /// The range of `chars` of each paragraph.
    paragraph_chars: Vec<Range<usize>>,
    /// For each paragraph in turn, the indices (within the paragraph) of its characters that
    /// are not 汉字: all that the punctuation rules look for, about one character in eight. With
    /// each, whether it lies in a span that punctuation checks leave alone: URLs, e-mail
    /// addresses, 发文字号, heading marks, attachment numbers and trailing marks, the 主送机关's
    /// last mark.
    others: Vec<Other>,
    /// The range of `others` of each paragraph.
    paragraph_others: Vec<Range<usize>>,
}

impl Decoded {
    /// Decodes the `paragraphs` of `text`; `protected` is sorted by start.
    fn new(text: &str, paragraphs: &[Range<usize>], protected: &[Range<usize>]) -> Self {
        let mut chars = Vec::with_capacity(char_count(text));
        let mut others = Vec::new();
        let mut paragraph_chars = Vec::with_capacity(paragraphs.len());
        let mut paragraph_others = Vec::with_capacity(paragraphs.len());
        let mut ranges = protected.iter().peekable();
        for p in paragraphs {
            let (first, first_other) = (chars.len(), others.len());
            for (i, c) in indices(&text[p.clone()]) {
                let at = p.start + i;
                if !is_hanzi(c) {
                    while ranges.next_if(|r| r.end <= at).is_some() {}
                    let protected = ranges.peek().is_some_and(|r| r.start <= at);
                    others.push((chars.len() - first, protected));
                }
                chars.push((at, c));
            }
            paragraph_chars.push(first..chars.len());
            paragraph_others.push(first_other..others.len());
        }
        Decoded {
            chars,
            paragraph_chars,
            others,
            paragraph_others,
        }
    }
}

/// The spans of `text` that punctuation checks leave alone, sorted by start: URLs, e-mail
/// addresses, 发文字号 and heading marks, then `owned`, the marks that the attachment and
/// 主送机关 rules own. None crosses a line break.
fn protected_spans(
    text: &str,
    doc_numbers: &[DocNumber],
    headings: &[Heading],
    owned: impl Iterator<Item = Range<usize>>,
) -> Vec<Range<usize>> {
    let mut protected: Vec<Range<usize>> = Vec::new();
    // Every URL holds "://" or "www." and every address "@": most drafts have neither, and
    // these literal searches are far quicker than the patterns' own scans.
    if text.contains("://") || text.contains("www.") {
        protected.extend(URL.find_iter(text).map(|m| trim_url(text, m.range())));
    }
    if text.contains('@') {
        protected.extend(EMAIL.find_iter(text).map(|m| m.range()));
    }
    protected.extend(doc_numbers.iter().map(|d| d.span.clone()));
    protected.extend(headings.iter().map(|h| h.span.clone()));
    protected.extend(owned);
    protected.sort_by_key(|r| r.start);
    protected
}

/// The first character of `paragraph` that is not a space ([`is_space`]).
pub(crate) fn lead(paragraph: &str) -> Option<char> {
    paragraph.chars().find(|&c| !is_space(c))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regex_lite_finds_what_regex_finds() {
        crate::regex_parity::assert_same_captures(URL.as_str());
        crate::regex_parity::assert_same_captures(EMAIL.as_str());
    }
}
