//! `.txt` import: which encoding the bytes are in, and decoding of the Unicode ones.
//!
//! Chinese Windows saves text as GBK (a subset of GB18030) unless told otherwise, Notepad since
//! 2019 saves UTF-8 without a byte-order mark, and older tools write UTF-8 or UTF-16 with one.
//! UTF-8 and UTF-16 decode here in a few lines; GB18030 needs about 125 KB of tables, which the
//! browser's own `TextDecoder` already has, so that one is left to the caller.

use crate::error::ImportError;
use crate::MAX_IMPORT_BYTES;
use std::borrow::Cow;

/// The encoding of a text file, as far as its bytes tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextEncoding {
    /// UTF-8, with or without the byte-order mark `EF BB BF`.
    Utf8 { bom: bool },
    /// UTF-16 little-endian, marked by `FF FE` (Windows Notepad's "Unicode").
    Utf16Le,
    /// UTF-16 big-endian, marked by `FE FF`.
    Utf16Be,
    /// Anything that is not valid UTF-8 and has no UTF-16 mark: GBK or GB18030, the encodings of
    /// Chinese Windows. GB18030 is a superset of GBK, so decoding as GB18030 reads both.
    Gb18030,
}

impl TextEncoding {
    /// The label that the WHATWG Encoding Standard (and so `TextDecoder`) knows this encoding by.
    ///
    /// # Examples
    /// ```
    /// use jianwen_io::{detect_text_encoding, TextEncoding};
    /// assert_eq!(detect_text_encoding(&[0xB9, 0xAB, 0xCE, 0xC4]).label(), "gb18030"); // 公文 in GBK
    /// assert_eq!(TextEncoding::Utf8 { bom: true }.label(), "utf-8");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 { .. } => "utf-8",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
            TextEncoding::Gb18030 => "gb18030",
        }
    }
}

/// The result of reading a file: text, or bytes for the browser to decode.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Decoded {
    /// The text, without a byte-order mark and with every line ending as `\n`.
    Text(String),
    /// Bytes in an encoding this crate leaves to the caller (GB18030). Decode the whole file with
    /// `TextDecoder` under [`TextEncoding::label`], then pass the result through
    /// [`normalize_text`].
    NeedsDecoding(TextEncoding),
}

/// Tells the encoding of `bytes` from its byte-order mark, else from whether it is valid UTF-8.
///
/// Only a mark identifies UTF-16: without one, UTF-16 text cannot be told from binary data
/// reliably, and [`decode_text`] refuses it as [`ImportError::NotText`]. A GBK text of a word or
/// two can happen to be valid UTF-8 (一 is `D2 BB` in GBK, and `D2 BB` is UTF-8 for һ); a line
/// of real Chinese text practically never is.
///
/// # Examples
/// ```
/// use jianwen_io::{detect_text_encoding, TextEncoding};
/// assert_eq!(detect_text_encoding("公文".as_bytes()), TextEncoding::Utf8 { bom: false });
/// assert_eq!(detect_text_encoding(b"\xEF\xBB\xBFabc"), TextEncoding::Utf8 { bom: true });
/// assert_eq!(detect_text_encoding(&[0xFF, 0xFE, 0x6C, 0x51]), TextEncoding::Utf16Le);
/// assert_eq!(detect_text_encoding(&[0xB9, 0xAB, 0xCE, 0xC4]), TextEncoding::Gb18030);
/// ```
pub fn detect_text_encoding(bytes: &[u8]) -> TextEncoding {
    if bytes.starts_with(UTF8_BOM) {
        TextEncoding::Utf8 { bom: true }
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        TextEncoding::Utf16Le
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        TextEncoding::Utf16Be
    } else if std::str::from_utf8(bytes).is_ok() {
        TextEncoding::Utf8 { bom: false }
    } else {
        TextEncoding::Gb18030
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads the bytes of a text file: UTF-8 and UTF-16 are decoded (a lone surrogate or an odd
/// trailing byte becomes U+FFFD), GB18030 is handed back for `TextDecoder`.
///
/// # Errors
/// [`ImportError::TooLarge`] above [`MAX_IMPORT_BYTES`]; [`ImportError::NotText`] for NUL bytes
/// in what would be UTF-8 or GB18030, which no text file has.
///
/// # Examples
/// ```
/// use jianwen_io::{decode_text, Decoded, TextEncoding};
/// assert_eq!(decode_text(b"\xEF\xBB\xBF\xE4\xB8\x80\r\n\xE4\xBA\x8C\r").unwrap(), Decoded::Text("一\n二\n".into()));
/// assert_eq!(decode_text(&[0xB9, 0xAB, 0xCE, 0xC4]).unwrap(), Decoded::NeedsDecoding(TextEncoding::Gb18030)); // 公文 in GBK
/// ```
pub fn decode_text(bytes: &[u8]) -> Result<Decoded, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let encoding = detect_text_encoding(bytes);
    let text = match encoding {
        TextEncoding::Utf16Le => decode_utf16(&bytes[2..], u16::from_le_bytes),
        TextEncoding::Utf16Be => decode_utf16(&bytes[2..], u16::from_be_bytes),
        TextEncoding::Utf8 { .. } | TextEncoding::Gb18030 if bytes.contains(&0) => {
            return Err(ImportError::NotText)
        }
        TextEncoding::Utf8 { bom } => {
            let body = if bom { &bytes[UTF8_BOM.len()..] } else { bytes };
            // Valid unless a mark precedes bad bytes, which then read as U+FFFD like the
            // browser's decoder would show them.
            String::from_utf8_lossy(body).into_owned()
        }
        TextEncoding::Gb18030 => return Ok(Decoded::NeedsDecoding(encoding)),
    };
    Ok(Decoded::Text(match normalize_text(&text) {
        // Borrowed is the whole text or, with marks stripped, its tail.
        Cow::Borrowed(body) if body.len() == text.len() => text,
        Cow::Borrowed(body) => body.to_owned(),
        Cow::Owned(normalized) => normalized,
    }))
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

/// Strips the leading byte-order marks (U+FEFF) and turns every `\r\n` and lone `\r` into `\n`.
/// Borrows when there is nothing to change.
///
/// For text the browser decoded: `TextDecoder` leaves the mark of a GB18030 file in place, and
/// old Mac files end lines with `\r` alone. Every leading U+FEFF goes, not only the first: a
/// tool that adds a mark to a file that has one already leaves two, and any that stayed would be
/// invisible yet count as one 字 and start the draft's title.
///
/// # Examples
/// ```
/// use jianwen_io::normalize_text;
/// assert_eq!(normalize_text("\u{FEFF}一\r\n二\r三\n"), "一\n二\n三\n");
/// assert_eq!(normalize_text("\u{FEFF}\u{FEFF}一"), "一");
/// assert!(matches!(normalize_text("一\n二"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn normalize_text(text: &str) -> Cow<'_, str> {
    let body = text.trim_start_matches('\u{FEFF}');
    if !body.contains('\r') {
        return Cow::Borrowed(body);
    }
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find('\r') {
        out.push_str(&rest[..at]);
        out.push('\n');
        rest = &rest[at + 1..];
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
    Cow::Owned(out)
}
