//! Byte ↔ UTF-16 ↔ scalar conversions on texts with characters outside the BMP.

use jianwen_engine::offsets::{byte_from_utf16, positions, Position};
use proptest::prelude::*;

/// A text, byte offsets into it, and the (UTF-16, scalar) offset expected for each.
type PositionCase<'a> = (&'a str, &'a [usize], &'a [(usize, usize)]);

#[test]
fn positions_table() {
    let cases: &[PositionCase] = &[
        ("", &[0], &[(0, 0)]),
        ("abc", &[0, 1, 3], &[(0, 0), (1, 1), (3, 3)]),
        ("汉字", &[0, 3, 6], &[(0, 0), (1, 1), (2, 2)]),
        ("𠮷野家", &[0, 4, 7, 10], &[(0, 0), (2, 1), (3, 2), (4, 3)]),
        ("a😀b", &[1, 5, 6], &[(1, 1), (3, 2), (4, 3)]),
        // Inside a character: back to its start. Past the end: the end.
        ("𠮷", &[2, 99], &[(0, 0), (2, 1)]),
        ("👍🏽x", &[8, 9], &[(4, 2), (5, 3)]),
    ];
    for (text, bytes, want) in cases {
        let got: Vec<(usize, usize)> = positions(text, bytes.iter().copied())
            .iter()
            .map(|p| (p.utf16, p.scalar))
            .collect();
        assert_eq!(&got, want, "text {text:?}, bytes {bytes:?}");
    }
}

#[test]
fn utf16_round_trips_at_every_char_boundary() {
    for text in ["", "简文", "𠮷a😀b\r\n〔2024〕", "👍🏽👨‍👩‍👧"] {
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for Position { byte, utf16, .. } in positions(text, boundaries.iter().copied()) {
            assert_eq!(
                byte_from_utf16(text, utf16),
                byte,
                "{text:?} at byte {byte}"
            );
            assert_eq!(text[..byte].encode_utf16().count(), utf16);
        }
    }
}

/// The position of byte `target` found by walking the characters one by one.
fn walked(text: &str, target: usize) -> Position {
    let mut at = Position {
        byte: 0,
        utf16: 0,
        scalar: 0,
    };
    for c in text.chars() {
        if at.byte + c.len_utf8() > target {
            break;
        }
        at = Position {
            byte: at.byte + c.len_utf8(),
            utf16: at.utf16 + c.len_utf16(),
            scalar: at.scalar + 1,
        };
    }
    at
}

proptest! {
    /// `positions` counts bytes rather than decoding characters: it must agree with decoding,
    /// on 𠮷 and emoji, offsets inside characters and past the end included.
    #[test]
    fn positions_equal_walking_the_characters(text in "[a-z标题\n𠮷😀，👍🏽]{0,40}", mut targets in prop::collection::vec(0usize..200, 0..12)) {
        targets.sort_unstable();
        let got = positions(&text, targets.iter().copied());
        let want: Vec<Position> = targets.iter().map(|&t| walked(&text, t)).collect();
        prop_assert_eq!(got, want);
    }
}
