//! `.docx` import: the text of a Word document, formatting dropped.
//!
//! A `.docx` is a zip archive of XML parts. The text is in `word/document.xml`; list numbers
//! ("一、", "（二）") are not, they are rendered from `word/numbering.xml` and
//! `word/styles.xml`. Headers, footers, footnotes and comments live in other parts and are not
//! read: they are not the body of a 公文.

mod body;
mod numbering;

use crate::error::ImportError;
use crate::MAX_IMPORT_BYTES;
use numbering::Numbering;
use quick_xml::events::BytesStart;
use quick_xml::XmlVersion;
use std::io::{Cursor, Read};
use zip::result::ZipError;
use zip::ZipArchive;

/// The most that the parts read from one `.docx` may expand to, together: 100 MB. Text-only
/// documents are a few MB of XML; more means a zip bomb or damage, which a browser tab must
/// not try to hold in memory.
pub const MAX_EXPANDED_BYTES: u64 = 100 * 1024 * 1024;

/// The signature of an OLE compound file: Word 97–2003 documents, and Office's encrypted
/// documents of every version.
const COMPOUND_FILE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The name of the stream that an encrypted Office document keeps its key data in, as it is
/// spelled in a compound file's directory (UTF-16LE).
const ENCRYPTION_INFO: &[u8] = b"E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0";

/// Whether `bytes` start like a zip archive: a local file header, or the end record of an
/// empty archive.
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Whether `bytes` start like an OLE compound file.
pub(crate) fn is_compound_file(bytes: &[u8]) -> bool {
    bytes.starts_with(&COMPOUND_FILE_MAGIC)
}

/// The text of a `.docx` file: its paragraphs in body order joined by `\n`.
///
/// - Tables give one paragraph per cell paragraph, row by row, cell by cell.
/// - List numbers are written as Word shows them (`一、`, `（一）`, `1.`), followed by what Word
///   puts after them (a tab unless the list says a space or nothing); bullets are dropped.
/// - A tab is `\t`; a line, page or column break starts a new line.
/// - Tracked changes read as if accepted: insertions kept, deletions dropped. Field codes
///   (`PAGE`, `TOC`) are dropped, their results kept. A text box's paragraphs come before the
///   paragraph it is anchored in, once.
///
/// Never panics, whatever the bytes.
///
/// # Errors
/// [`ImportError::TooLarge`], [`ImportError::NotZip`], [`ImportError::Corrupt`],
/// [`ImportError::Encrypted`], [`ImportError::LegacyFormat`], [`ImportError::MissingDocument`],
/// [`ImportError::ExpandsTooLarge`] and [`ImportError::UnsupportedZip`], each described
/// there.
///
/// # Examples
/// ```
/// use jianwen_io::{docx_to_text, ImportError};
/// assert_eq!(docx_to_text(b"not a zip"), Err(ImportError::NotZip));
/// ```
pub fn docx_to_text(bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    if is_compound_file(bytes) {
        return Err(compound_file_error(bytes));
    }
    if !is_zip(bytes) {
        return Err(ImportError::NotZip);
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
    let mut budget = MAX_EXPANDED_BYTES;
    let document = read_part(&mut archive, "word/document.xml", &mut budget)?
        .ok_or(ImportError::MissingDocument)?;
    let numbering = read_part(&mut archive, "word/numbering.xml", &mut budget)?;
    let styles = read_part(&mut archive, "word/styles.xml", &mut budget)?;
    let mut numbering = Numbering::parse(numbering.as_deref(), styles.as_deref());
    body::text(&document, &mut numbering)
}

/// What an OLE compound file given as a `.docx` is: encrypted if it has the stream that Office
/// encryption writes, an old binary document otherwise.
fn compound_file_error(bytes: &[u8]) -> ImportError {
    if bytes
        .windows(ENCRYPTION_INFO.len())
        .any(|w| w == ENCRYPTION_INFO)
    {
        ImportError::Encrypted
    } else {
        ImportError::LegacyFormat
    }
}

/// Reads one part as text, `None` when the archive has no such part. Every part read draws on
/// `budget`; the sizes the archive declares are checked first but not trusted.
fn read_part(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    budget: &mut u64,
) -> Result<Option<String>, ImportError> {
    let part = match archive.by_name(name) {
        Ok(part) => part,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(zip_error(e)),
    };
    if part.size() > *budget {
        return Err(ImportError::ExpandsTooLarge);
    }
    let mut data = Vec::new();
    part.take(*budget + 1)
        .read_to_end(&mut data)
        .map_err(|_| ImportError::Corrupt)?;
    let read = data.len() as u64;
    if read > *budget {
        return Err(ImportError::ExpandsTooLarge);
    }
    *budget -= read;
    let mut text = String::from_utf8(data).map_err(|_| ImportError::Corrupt)?;
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    Ok(Some(text))
}

fn zip_error(error: ZipError) -> ImportError {
    match error {
        ZipError::UnsupportedArchive(reason)
            if reason == ZipError::PASSWORD_REQUIRED || reason.contains("encrypted") =>
        {
            ImportError::Encrypted
        }
        ZipError::InvalidPassword => ImportError::Encrypted,
        ZipError::UnsupportedArchive(_) | ZipError::CompressionMethodNotSupported(_) => {
            ImportError::UnsupportedZip
        }
        _ => ImportError::Corrupt,
    }
}

/// The value of the attribute with this local name (`w:val` → `val`).
fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}
