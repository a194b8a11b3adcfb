//! Getting documents in and out of 简文 (JianWen): `.docx` and `.txt` import, the library of
//! drafts with its 回收站, and the backup file. Pure Rust with no web dependencies, so every
//! rule is tested natively; the web app only reads files, stores JSON and shows the messages.
//!
//! # Overview
//! - [`import_file`] takes the bytes of a dropped or picked file and tells by their content
//!   what it is: a `.docx` goes to [`docx_to_text`], text to [`decode_text`], which decodes
//!   UTF-8 and UTF-16 and hands GB18030/GBK back ([`Decoded::NeedsDecoding`]) for the
//!   browser's `TextDecoder`, whose tables cost the wasm nothing. Every refusal is an
//!   [`ImportError`] whose `Display` is a Chinese message saying what to do.
//! - [`Library`] holds the [`Draft`]s: sorted list, titles from the first line, rename,
//!   duplicate, and a 回收站 emptied after 30 days ([`Library::purge_expired`]).
//! - [`load`] and [`index_json`] keep the library in the browser's key-value storage, one key
//!   per draft (see the key layout there); [`History`] holds a draft's snapshots.
//! - [`Backup`] is the versioned JSON file of all drafts and settings;
//!   [`Library::merge`] brings one in without overwriting anything.
//! - [`gbt9704_docx`] writes the draft as the 公文 to hand in: a `.docx` in GB/T 9704 form.
//!
//! # Examples
//! ```
//! use jianwen_io::{import_file, Decoded, Library};
//! let bytes = "关于做好防汛工作的通知\r\n各区县：\r\n".as_bytes();
//! let Decoded::Text(text) = import_file(bytes).unwrap() else { unreachable!("UTF-8 decodes here") };
//! assert_eq!(text, "关于做好防汛工作的通知\n各区县：\n");
//!
//! let mut library = Library::default();
//! let id = library.create(&text, 1_718_000_000_000);
//! assert_eq!(library.get(&id).unwrap().title(), "关于做好防汛工作的通知");
//! ```
//!
//! # Untrusted input
//! Files come from anywhere. Nothing here panics on any input; imports above
//! [`MAX_IMPORT_BYTES`] are refused before any work, and a `.docx` may expand to at most
//! [`MAX_EXPANDED_BYTES`] however its archive describes itself, which stops zip bombs.
//!
//! # Size in the wasm
//! `zip` (deflate only) and `quick-xml` are the only dependencies beyond `serde_json`, which the
//! app has anyway; GB18030 is decoded by the browser, not by `encoding_rs`.

mod backup;
mod doc_fields;
mod docx;
mod error;
mod gbt9704;
mod history;
mod library;
mod store;
mod text;

pub use backup::{Backup, BackupError, MergeReport, BACKUP_FORMAT_VERSION, LEGACY_DRAFT_ID};
pub use doc_fields::{DocFields, HeaderMode};
pub use docx::{docx_to_text, MAX_EXPANDED_BYTES};
pub use error::ImportError;
pub use gbt9704::{full_header_lines, gbt9704_docx, DocxOptions, FontSet};
pub use history::{
    History, HistoryUnreadable, Snapshot, SnapshotReason, AUTO_SNAPSHOT_INTERVAL_MS, MAX_SNAPSHOTS,
};
pub use library::{
    title_from_text, Draft, Library, LibraryError, TITLE_MAX_CHARS, TRASH_RETENTION_MS, UNTITLED,
};
pub use store::{
    history_key, index_json, legacy_text, load, text_key, Loaded, StoreProblem, Stored, INDEX_KEY,
    LEGACY_DRAFT_KEY, STORE_FORMAT_VERSION, TEXT_KEY_PREFIX,
};
pub use text::{decode_text, detect_text_encoding, normalize_text, Decoded, TextEncoding};

/// The largest file that can be imported: 20 MB. A 公文 is a few hundred KB even with pictures;
/// a browser tab should not be asked to hold more.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

/// Imports a file by its content, whatever its name says: a zip goes to [`docx_to_text`], an
/// OLE compound file is refused as encrypted or as an old `.doc`, PDF and RTF are refused, and
/// anything else goes to [`decode_text`]. The result opens as a new draft.
///
/// # Errors
/// [`ImportError::TooLarge`] above [`MAX_IMPORT_BYTES`], [`ImportError::Pdf`],
/// [`ImportError::Rtf`], and the errors of [`docx_to_text`] and [`decode_text`].
///
/// # Examples
/// ```
/// use jianwen_io::{import_file, Decoded, ImportError, TextEncoding};
/// assert_eq!(import_file(&[0xB9, 0xAB, 0xCE, 0xC4]), Ok(Decoded::NeedsDecoding(TextEncoding::Gb18030)));
/// assert_eq!(import_file(b"%PDF-1.7\n"), Err(ImportError::Pdf));
/// assert_eq!(import_file(b"PK\x03\x04 cut short"), Err(ImportError::Corrupt));
/// ```
pub fn import_file(bytes: &[u8]) -> Result<Decoded, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    if docx::is_zip(bytes) || docx::is_compound_file(bytes) {
        docx_to_text(bytes).map(Decoded::Text)
    } else if bytes.starts_with(b"%PDF-") {
        Err(ImportError::Pdf)
    } else if bytes.starts_with(b"{\\rtf") {
        Err(ImportError::Rtf)
    } else {
        decode_text(bytes)
    }
}
