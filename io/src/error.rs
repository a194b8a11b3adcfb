//! Why a file could not be imported.

use crate::docx::MAX_EXPANDED_BYTES;
use crate::MAX_IMPORT_BYTES;
use std::fmt;

/// A file that was not imported. Nothing was read into a draft when one is returned.
/// Its [`Display`](fmt::Display) is a message for the user, in Chinese, that says what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImportError {
    /// The file is larger than [`MAX_IMPORT_BYTES`].
    TooLarge { bytes: usize },
    /// Given as a `.docx` but not a zip archive at all.
    NotZip,
    /// A zip archive that cannot be read: truncated (an interrupted download), a bad checksum,
    /// or a document part that is not well-formed XML.
    Corrupt,
    /// Password-protected: Office stores an encrypted `.docx` as an OLE compound file with an
    /// `EncryptionInfo` stream, and a zip may hold encrypted entries.
    Encrypted,
    /// An OLE compound file without encryption: a Word 97–2003 `.doc`, a WPS `.wps` or another
    /// binary Office format.
    LegacyFormat,
    /// A zip archive without `word/document.xml`: an `.odt`, an `.xlsx`, or any other zip.
    MissingDocument,
    /// The parts read would expand beyond [`MAX_EXPANDED_BYTES`]: a zip bomb or a damaged file.
    ExpandsTooLarge,
    /// A zip compression method other than deflate or stored, or a zip split over several
    /// files.
    UnsupportedZip,
    /// A PDF file.
    Pdf,
    /// An RTF file, which would otherwise import as its control words.
    Rtf,
    /// Bytes that are not text: NUL bytes outside UTF-16 (an image, an executable, or UTF-16
    /// without its byte-order mark).
    NotText,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "文件大小为 {}，超过 {} 的上限，未导入。",
                megabytes(*bytes as u64),
                megabytes(MAX_IMPORT_BYTES as u64)
            ),
            ImportError::NotZip => write!(
                f,
                "这个文件不是有效的 .docx 文档，未导入。如果它是其他格式的文档，请用 Word 或 WPS 另存为 .docx 后再导入。"
            ),
            ImportError::Corrupt => write!(
                f,
                "这个 .docx 文件已损坏或不完整（可能没有下载完），无法读取，未导入。请用 Word 或 WPS 打开检查后重新保存，再导入。"
            ),
            ImportError::Encrypted => write!(
                f,
                "这个文档设置了打开密码（已加密），无法读取，未导入。请在 Word 或 WPS 中取消密码后重新保存，再导入。"
            ),
            ImportError::LegacyFormat => write!(
                f,
                "这是旧版 Word 文档（.doc）或其他旧版 Office、WPS 文件，暂不支持，未导入。请用 Word 或 WPS 另存为 .docx 后再导入。"
            ),
            ImportError::MissingDocument => write!(
                f,
                "这个文件是压缩包，但不是 Word 文档（缺少 word/document.xml），未导入。"
            ),
            ImportError::ExpandsTooLarge => write!(
                f,
                "这个 .docx 文件解压后超过 {}，可能已损坏或不是正常的文档，未导入。",
                megabytes(MAX_EXPANDED_BYTES)
            ),
            ImportError::UnsupportedZip => write!(
                f,
                "这个 .docx 文件使用了本程序不支持的压缩方式，未导入。请用 Word 或 WPS 打开后重新保存，再导入。"
            ),
            ImportError::Pdf => write!(
                f,
                "暂不支持导入 PDF 文件，未导入。可以在 PDF 阅读器中复制文字后粘贴，或导入 .docx、.txt 文件。"
            ),
            ImportError::Rtf => write!(
                f,
                "暂不支持导入 RTF 文件，未导入。请用 Word 或 WPS 另存为 .docx 后再导入。"
            ),
            ImportError::NotText => write!(
                f,
                "这个文件不是可识别的文本文件（可能是图片等二进制文件，或不带字节序标记的 UTF-16 文本），未导入。请导入 .docx 文件，或把文本另存为 UTF-8 编码后再导入。"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// `bytes` in MB (MiB) with one decimal, without floating point: float formatting would add
/// its tables to the wasm for one message.
fn megabytes(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    let tenths = (bytes.saturating_mul(10) + MB / 2) / MB;
    if tenths.is_multiple_of(10) {
        format!("{} MB", tenths / 10)
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::megabytes;

    #[test]
    fn megabytes_round_to_one_decimal() {
        for (bytes, expected) in [
            (0, "0 MB"),
            (20 * 1024 * 1024, "20 MB"),
            (20 * 1024 * 1024 + 1, "20 MB"),
            (21 * 1024 * 1024 + 524_288, "21.5 MB"),
            (100 * 1024 * 1024, "100 MB"),
        ] {
            assert_eq!(megabytes(bytes), expected, "{bytes} bytes");
        }
    }
}
