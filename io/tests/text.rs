//! `.txt` import: encoding detection, decoding of UTF-8 and UTF-16, and the hand-over of GBK and
//! GB18030 to the browser, checked with `encoding_rs` standing in for `TextDecoder`.

use encoding_rs::{Encoding, GB18030, GBK};
use jianwen_io::{
    decode_text, detect_text_encoding, normalize_text, Decoded, ImportError, TextEncoding,
    MAX_IMPORT_BYTES,
};

/// A 公文 opening with what trips decoders: CRLF line ends, full-width punctuation, a character
/// outside the BMP (𠮷) that GBK lacks, and 〇.
const SAMPLE: &str =
    "关于做好二〇二四年防汛工作的通知\r\n各区县：\r\n\u{3000}\u{3000}现将有关事项通知如下。";
const SAMPLE_LF: &str =
    "关于做好二〇二四年防汛工作的通知\n各区县：\n\u{3000}\u{3000}现将有关事项通知如下。";
const GBK_SAMPLE: &str = "关于做好防汛工作的通知\r\n各区县：";
const GBK_SAMPLE_LF: &str = "关于做好防汛工作的通知\n各区县：";

fn utf16(text: &str, unit: fn(u16) -> [u8; 2], bom: &[u8]) -> Vec<u8> {
    bom.iter()
        .copied()
        .chain(text.encode_utf16().flat_map(unit))
        .collect()
}

fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} cannot encode {text:?}", encoding.name());
    bytes.into_owned()
}

/// What the app does with [`Decoded::NeedsDecoding`]: `TextDecoder` under the label, then
/// [`normalize_text`].
fn browser_decode(bytes: &[u8], encoding: TextEncoding) -> String {
    let decoder = Encoding::for_label(encoding.label().as_bytes()).expect("a WHATWG label");
    let (text, _) = decoder.decode_without_bom_handling(bytes);
    normalize_text(&text).into_owned()
}

#[test]
fn every_encoding_reads_back_the_same_text() {
    let cases: Vec<(&str, Vec<u8>, TextEncoding, &str)> = vec![
        (
            "UTF-8",
            SAMPLE.as_bytes().to_vec(),
            TextEncoding::Utf8 { bom: false },
            SAMPLE_LF,
        ),
        (
            "UTF-8 with BOM",
            [b"\xEF\xBB\xBF", SAMPLE.as_bytes()].concat(),
            TextEncoding::Utf8 { bom: true },
            SAMPLE_LF,
        ),
        (
            "UTF-16LE with BOM",
            utf16(SAMPLE, u16::to_le_bytes, &[0xFF, 0xFE]),
            TextEncoding::Utf16Le,
            SAMPLE_LF,
        ),
        (
            "UTF-16BE with BOM",
            utf16(SAMPLE, u16::to_be_bytes, &[0xFE, 0xFF]),
            TextEncoding::Utf16Be,
            SAMPLE_LF,
        ),
        (
            "GBK, as Chinese Windows saves",
            encode(GBK, GBK_SAMPLE),
            TextEncoding::Gb18030,
            GBK_SAMPLE_LF,
        ),
        (
            "GB18030 with four-byte characters",
            encode(GB18030, "𠮷与€\r\n二〇"),
            TextEncoding::Gb18030,
            "𠮷与€\n二〇",
        ),
        (
            "GB18030 with its byte-order mark",
            encode(GB18030, "\u{FEFF}通知\r\n"),
            TextEncoding::Gb18030,
            "通知\n",
        ),
    ];
    for (name, bytes, encoding, expected) in cases {
        assert_eq!(detect_text_encoding(&bytes), encoding, "{name}");
        let text = match decode_text(&bytes).unwrap() {
            Decoded::Text(text) => text,
            Decoded::NeedsDecoding(e) => {
                assert_eq!(
                    e,
                    TextEncoding::Gb18030,
                    "{name}: only GB18030 is left to the browser"
                );
                browser_decode(&bytes, e)
            }
            other => panic!("{name}: {other:?}"),
        };
        assert_eq!(text, expected, "{name}");
    }
}

#[test]
fn labels_name_the_decoder_that_reads_the_bytes() {
    for (encoding, expected) in [
        (TextEncoding::Utf8 { bom: false }, encoding_rs::UTF_8),
        (TextEncoding::Utf8 { bom: true }, encoding_rs::UTF_8),
        (TextEncoding::Utf16Le, encoding_rs::UTF_16LE),
        (TextEncoding::Utf16Be, encoding_rs::UTF_16BE),
        (TextEncoding::Gb18030, GB18030),
    ] {
        assert_eq!(
            Encoding::for_label(encoding.label().as_bytes()),
            Some(expected),
            "{encoding:?}"
        );
    }
}

#[test]
fn edge_cases_of_decoding() {
    let cases: Vec<(&str, Vec<u8>, Result<Decoded, ImportError>)> = vec![
        ("empty file", Vec::new(), Ok(Decoded::Text(String::new()))),
        (
            "only a UTF-8 BOM",
            b"\xEF\xBB\xBF".to_vec(),
            Ok(Decoded::Text(String::new())),
        ),
        (
            "only a UTF-16 BOM",
            vec![0xFF, 0xFE],
            Ok(Decoded::Text(String::new())),
        ),
        (
            "old Mac line ends",
            b"a\rb\r\rc".to_vec(),
            Ok(Decoded::Text("a\nb\n\nc".into())),
        ),
        (
            "mixed line ends",
            b"a\r\nb\nc\r".to_vec(),
            Ok(Decoded::Text("a\nb\nc\n".into())),
        ),
        (
            "lone high surrogate in UTF-16LE",
            vec![0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00],
            Ok(Decoded::Text("\u{FFFD}A".into())),
        ),
        (
            "lone low surrogate in UTF-16BE",
            vec![0xFE, 0xFF, 0xDC, 0x00, 0x00, 0x41],
            Ok(Decoded::Text("\u{FFFD}A".into())),
        ),
        (
            "odd trailing byte in UTF-16",
            vec![0xFF, 0xFE, 0x41, 0x00, 0x42],
            Ok(Decoded::Text("A\u{FFFD}".into())),
        ),
        (
            "bad bytes after a UTF-8 BOM",
            b"\xEF\xBB\xBFa\xFFb".to_vec(),
            Ok(Decoded::Text("a\u{FFFD}b".into())),
        ),
        (
            "NUL in UTF-8: binary",
            b"abc\0def".to_vec(),
            Err(ImportError::NotText),
        ),
        (
            "UTF-16 without a BOM",
            utf16("通知 notice", u16::to_le_bytes, &[]),
            Err(ImportError::NotText),
        ),
        (
            "NUL in what would be GBK",
            vec![0xB9, 0xAB, 0x00],
            Err(ImportError::NotText),
        ),
        (
            "exactly 20 MB",
            vec![b'a'; MAX_IMPORT_BYTES],
            Ok(Decoded::Text("a".repeat(MAX_IMPORT_BYTES))),
        ),
        (
            "over 20 MB",
            vec![b'a'; MAX_IMPORT_BYTES + 1],
            Err(ImportError::TooLarge {
                bytes: MAX_IMPORT_BYTES + 1,
            }),
        ),
    ];
    for (name, bytes, expected) in cases {
        assert_eq!(decode_text(&bytes), expected, "{name}");
    }
}

#[test]
fn normalize_borrows_clean_text() {
    for (input, expected, borrowed) in [
        ("一\n二", "一\n二", true),
        ("\u{FEFF}一", "一", true),
        ("一\r\n二", "一\n二", false),
        ("\r", "\n", false),
        ("\r\n\r\n", "\n\n", false),
        ("a\u{FEFF}b", "a\u{FEFF}b", true),
    ] {
        let out = normalize_text(input);
        assert_eq!(out, expected, "{input:?}");
        assert_eq!(
            matches!(out, std::borrow::Cow::Borrowed(_)),
            borrowed,
            "{input:?}"
        );
    }
}

#[test]
fn truncated_multibyte_text_never_panics() {
    let gbk = encode(GBK, GBK_SAMPLE);
    let utf16le = utf16(SAMPLE, u16::to_le_bytes, &[0xFF, 0xFE]);
    for bytes in [SAMPLE.as_bytes(), &gbk, &utf16le] {
        for cut in 0..bytes.len() {
            let _ = decode_text(&bytes[..cut]);
        }
    }
}

/// Found by the `txt` fuzz target (`engine/fuzz/regressions/txt/two-byte-order-marks`,
/// `EF BB BF EF BB BF`): a file given a byte-order mark by a tool that found one there already.
/// By Unicode's letter only the first is a byte-order mark, but any leading U+FEFF is invisible,
/// counts as one 字 and starts the draft's title, so none may stay — whichever way the text came
/// in, and however many there are.
#[test]
fn every_leading_byte_order_mark_is_stripped() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../engine/fuzz/regressions/txt/two-byte-order-marks"
    );
    let two = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(two, b"\xEF\xBB\xBF\xEF\xBB\xBF");
    let three = [&two[..], "\u{FEFF}一".as_bytes()].concat();
    let cases: &[(&[u8], &str)] = &[(&two, ""), (&three, "一")];
    for &(bytes, text) in cases {
        assert_eq!(
            decode_text(bytes),
            Ok(Decoded::Text(text.into())),
            "{bytes:02X?}"
        );
        let lossy = String::from_utf8_lossy(bytes);
        assert_eq!(normalize_text(&lossy), text, "{bytes:02X?}");
    }
    let utf16 = utf16("\u{FEFF}\u{FEFF}二", u16::to_le_bytes, &[0xFF, 0xFE]);
    assert_eq!(decode_text(&utf16), Ok(Decoded::Text("二".into())));
    // Only leading marks are byte-order marks; one inside the text is left to the engine.
    assert_eq!(normalize_text("一\u{FEFF}二"), "一\u{FEFF}二");
}
