//! Character classes shared by counting and layout.
//!
//! The classes follow `reference/counting.md`: they are defined on Unicode scalar values, never on
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
pub fn classify(c: char) -> CharClass {
    if c.is_whitespace() {
        CharClass::Whitespace
    } else if is_hanzi(c) {
        CharClass::Hanzi
    } else if c <= '\u{024F}' && !matches!(c, '·' | '×' | '÷') {
        CharClass::HalfWidth
    } else {
        CharClass::FullWidth
    }
}

/// Whether `c` is a CJK ideograph in the blocks Word counts as 汉字.
pub fn is_hanzi(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}'
        | '\u{2A700}'..='\u{2EBEF}'
        | '\u{30000}'..='\u{3134F}')
}

/// Whether `c` ends a line: LF or CR (a CRLF pair is one break).
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r')
}
