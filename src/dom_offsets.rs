//! Where the engine's positions meet the DOM's, and the one place they are converted: the
//! engine speaks UTF-8 byte spans; the textarea's selection speaks UTF-16 code units; the test
//! hooks (`data-start`, `data-end`) speak Unicode scalar values; the highlight layer draws one
//! block per line of the textarea.

use jianwen_engine::offsets::{positions, Position};
use std::ops::Range;

/// The UTF-16 range of byte span `span` in `text`: a textarea selection.
pub fn utf16_range(text: &str, span: &Range<usize>) -> Range<u32> {
    let p = positions(text, [span.start, span.end]);
    p[0].utf16 as u32..p[1].utf16 as u32
}

/// How many scalar values `text` holds: the length of a line in the hooks' offsets.
pub fn scalar_len(text: &str) -> usize {
    text.chars().count()
}

/// Many byte offsets of one text converted to scalar offsets in a single pass, then looked up.
pub struct ScalarOffsets {
    bytes: Vec<usize>,
    converted: Vec<Position>,
}

impl ScalarOffsets {
    /// Converts every offset of `bytes` (in any order, repeats allowed; each on a character
    /// boundary of `text`).
    pub fn new(text: &str, bytes: impl IntoIterator<Item = usize>) -> ScalarOffsets {
        let mut bytes: Vec<usize> = bytes.into_iter().collect();
        bytes.sort_unstable();
        bytes.dedup();
        let converted = positions(text, bytes.iter().copied());
        ScalarOffsets { bytes, converted }
    }

    /// The scalar offset of byte offset `byte`, which must have been given to [`new`](Self::new).
    ///
    /// # Panics
    /// When it was not: a bug in the caller, which lists every boundary it draws.
    pub fn scalar(&self, byte: usize) -> usize {
        let index = self
            .bytes
            .binary_search(&byte)
            .expect("the boundary was converted");
        self.converted[index].scalar
    }
}

/// Where byte offset `at` of `text` is drawn in the highlight layer: the index of its line (one
/// block each) and the UTF-16 offset within that line.
pub fn line_position(text: &str, at: usize) -> (usize, usize) {
    let head = text.get(..at).unwrap_or(text);
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let line = head[..line_start].matches('\n').count();
    (line, head[line_start..].encode_utf16().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_spans_become_utf16_ranges() {
        let text = "𠮷😀为深入贯彻";
        // 为 starts at byte 8 (two 4-byte chars), UTF-16 unit 4.
        let cases: &[(Range<usize>, Range<u32>)] = &[(8..14, 4..6), (0..4, 0..2)];
        for (span, want) in cases {
            assert_eq!(utf16_range(text, span), *want, "{span:?}");
        }
        assert_eq!(utf16_range("", &(0..0)), 0..0);
    }

    #[test]
    fn scalar_offsets_count_characters_not_bytes_or_units() {
        let text = "𠮷a😀\n为";
        let offsets = ScalarOffsets::new(text, [9, 0, 4, 10, 4]);
        let cases = [(0, 0), (4, 1), (9, 3), (10, 4)];
        for (byte, want) in cases {
            assert_eq!(offsets.scalar(byte), want, "byte {byte}");
        }
        assert_eq!(scalar_len(text), 5);
    }

    #[test]
    fn line_positions_are_utf16_within_the_line() {
        let text = "标题\n𠮷为深入\n\n😀贯彻";
        let byte = |needle: &str| text.find(needle).unwrap();
        let cases = [
            (0, (0, 0)),
            (byte("为"), (1, 2)),
            (byte("深"), (1, 3)),
            (byte("😀"), (3, 0)),
            (byte("贯"), (3, 2)),
            (text.len(), (3, 4)),
        ];
        for (at, want) in cases {
            assert_eq!(line_position(text, at), want, "byte {at}");
        }
    }
}
