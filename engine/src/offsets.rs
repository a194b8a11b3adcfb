//! Converting positions between the engine's UTF-8 byte offsets and the other units a browser
//! needs: UTF-16 code units (a textarea's `selectionStart`) and Unicode scalar values (the
//! `data-start`/`data-end` test hooks, which match a Python or JavaScript `[...text]` index).
//!
//! Conversions walk the text once for a whole sorted batch, so mapping every highlight of a long
//! draft costs one pass, not one pass per highlight.

/// One position expressed in all three units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// UTF-8 byte offset, the engine's own unit.
    pub byte: usize,
    /// UTF-16 code units, the DOM's unit.
    pub utf16: usize,
    /// Unicode scalar values (Rust `char`s).
    pub scalar: usize,
}

/// Converts ascending byte offsets to [`Position`]s in one pass over `text`.
///
/// An offset inside a character is moved back to that character's start; one past the end of
/// the text is clamped to the end.
///
/// # Examples
/// ```
/// use jianwen_engine::offsets::positions;
/// let text = "𠮷a😀";
/// let p = positions(text, [0, 4, 5, 9]);
/// assert_eq!(p.iter().map(|p| p.utf16).collect::<Vec<_>>(), [0, 2, 3, 5]);
/// assert_eq!(p.iter().map(|p| p.scalar).collect::<Vec<_>>(), [0, 1, 2, 3]);
/// ```
pub fn positions(text: &str, sorted_bytes: impl IntoIterator<Item = usize>) -> Vec<Position> {
    let mut at = Position {
        byte: 0,
        utf16: 0,
        scalar: 0,
    };
    sorted_bytes
        .into_iter()
        .map(|target| {
            let mut end = target.min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            if end > at.byte {
                // Counted by bytes, which the compiler vectorises (decoding the characters cost
                // a third of building the highlight layer): a character starts at every byte that
                // is not a continuation byte (10xxxxxx), and a four-byte one (leading byte
                // 11110xxx) is two UTF-16 units.
                let run = &text.as_bytes()[at.byte..end];
                let scalars = run.iter().filter(|&&b| (b as i8) >= -0x40).count();
                let astral = run.iter().filter(|&&b| b >= 0xF0).count();
                at = Position {
                    byte: end,
                    utf16: at.utf16 + scalars + astral,
                    scalar: at.scalar + scalars,
                };
            }
            at
        })
        .collect()
}

/// The byte offset of a UTF-16 offset, as read from a textarea's selection. An offset between
/// the two halves of a surrogate pair is moved back to the character's start.
///
/// # Examples
/// ```
/// use jianwen_engine::offsets::byte_from_utf16;
/// assert_eq!(byte_from_utf16("𠮷a", 2), 4);
/// assert_eq!(byte_from_utf16("𠮷a", 1), 0);
/// assert_eq!(byte_from_utf16("𠮷a", 99), 5);
/// ```
pub fn byte_from_utf16(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (byte, c) in text.char_indices() {
        units += c.len_utf16();
        if units > utf16 {
            return byte;
        }
    }
    text.len()
}
