//! Character classes shared by counting and layout.
//!
//! The classes follow `docs/reference/counting.md`: they are defined on Unicode scalar values, never on
//! bytes or UTF-16 units, so `𠮷` (U+20BB7) is one 汉字 like any other.

/// How a character is counted and how wide it is set on the page grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharClass {
    /// Anything with the Unicode `White_Space` property, line breaks included.
    Whitespace,
    /// A CJK ideograph (汉字), including U+3007 〇.
    Hanzi,
    /// A Latin-like character up to U+024F (except `·` `×` `÷`): half a cell wide, and counted by
    /// Word as part of a run rather than one by one.
    HalfWidth,
    /// Every other visible character: full-width punctuation, full-width letters and digits,
    /// symbols such as ① Ⅰ ℃ and `·`. One cell wide, counted one by one.
    FullWidth,
}

/// Classifies one character.
///
/// # Examples
/// ```
/// use jianwen_engine::chars::{classify, CharClass};
/// assert_eq!(classify('𠮷'), CharClass::Hanzi);
/// assert_eq!(classify('A'), CharClass::HalfWidth);
/// assert_eq!(classify('·'), CharClass::FullWidth);
/// assert_eq!(classify('\u{3000}'), CharClass::Whitespace);
/// ```
#[inline(always)]
pub fn classify(c: char) -> CharClass {
    // 汉字 first: nine characters in ten, and never whitespace.
    if is_hanzi(c) {
        CharClass::Hanzi
    } else if c.is_whitespace() {
        CharClass::Whitespace
    } else if c <= '\u{024F}' && !matches!(c, '·' | '×' | '÷') {
        CharClass::HalfWidth
    } else {
        CharClass::FullWidth
    }
}

/// Whether `c` is a CJK ideograph in the blocks Word counts as 汉字.
#[inline(always)]
pub fn is_hanzi(c: char) -> bool {
    // The main block first, on its own: it holds nearly every 汉字 of a draft, so the branch is
    // well predicted and the other blocks are rarely tested.
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return true;
    }
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}'
        | '\u{2A700}'..='\u{2EBEF}'
        | '\u{30000}'..='\u{3134F}')
}

/// Whether `c` ends a line: LF or CR (a CRLF pair is one break).
#[inline(always)]
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r')
}

/// The number of characters of `text`, `text.chars().count()`, without decoding them: every
/// byte but the continuation bytes of UTF-8 starts one.
pub(crate) fn char_count(text: &str) -> usize {
    // A sum rather than a filtered count, so that it is vectorised.
    text.bytes().map(|b| usize::from((b as i8) >= -0x40)).sum()
}

/// The characters of `text` with their byte offsets, as [`str::char_indices`] yields them.
///
/// At `opt-level = "z"`, which the web build uses for size, the standard iterator is a function
/// call per character; this one is inlined into the loops that visit every character (counting,
/// layout, word starts), which made them about twice as fast there.
pub(crate) fn indices(text: &str) -> Indices<'_> {
    Indices {
        bytes: text.as_bytes(),
        at: 0,
    }
}

/// The iterator of [`indices`].
pub(crate) struct Indices<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Iterator for Indices<'_> {
    type Item = (usize, char);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, char)> {
        let (b, start) = (self.bytes, self.at);
        if start >= b.len() {
            return None;
        }
        let lead = u32::from(b[start]);
        // Written out rather than through a closure, which "z" would not inline either.
        let (code, len) = if lead < 0x80 {
            (lead, 1)
        } else if lead < 0xE0 {
            ((lead & 0x1F) << 6 | u32::from(b[start + 1] & 0x3F), 2)
        } else if lead < 0xF0 {
            let code = (lead & 0x0F) << 12
                | u32::from(b[start + 1] & 0x3F) << 6
                | u32::from(b[start + 2] & 0x3F);
            (code, 3)
        } else {
            let code = (lead & 0x07) << 18
                | u32::from(b[start + 1] & 0x3F) << 12
                | u32::from(b[start + 2] & 0x3F) << 6
                | u32::from(b[start + 3] & 0x3F);
            (code, 4)
        };
        self.at = start + len;
        // A `str` is valid UTF-8, so this always decodes to a scalar value.
        match char::from_u32(code) {
            Some(c) => Some((start, c)),
            None => Some((start, char::REPLACEMENT_CHARACTER)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_agree_with_the_standard_iterator() {
        let text = "a\u{7F}\u{80}é\u{7FF}\u{800}字\u{FFFF}\u{10000}𠮷😀\u{10FFFF}\r\n";
        assert!(indices(text).eq(text.char_indices()));
        assert!(indices("").next().is_none());
        assert_eq!(char_count(text), text.chars().count());
    }
}
