//! Byte ↔ UTF-16 ↔ scalar conversions on texts with characters outside the BMP.

use jianwen_engine::offsets::{byte_from_utf16, positions, Position};

#[test]
fn positions_table() {
    // (text, byte offsets, expected (utf16, scalar) per offset)
    let cases: &[(&str, &[usize], &[(usize, usize)])] = &[
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
        let got: Vec<(usize, usize)> = positions(text, bytes.iter().copied()).iter().map(|p| (p.utf16, p.scalar)).collect();
        assert_eq!(&got, want, "text {text:?}, bytes {bytes:?}");
    }
}

#[test]
fn utf16_round_trips_at_every_char_boundary() {
    for text in ["", "简文", "𠮷a😀b\r\n〔2024〕", "👍🏽👨‍👩‍👧"] {
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for Position { byte, utf16, .. } in positions(text, boundaries.iter().copied()) {
            assert_eq!(byte_from_utf16(text, utf16), byte, "{text:?} at byte {byte}");
            assert_eq!(text[..byte].encode_utf16().count(), utf16);
        }
    }
}
