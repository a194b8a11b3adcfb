//! Files in and out through the browser, all on the machine: reading a picked or dropped file,
//! decoding what `jianwen-io` hands back, and downloads through a `blob:` URL.
//!
//! A download is a navigation of a temporary `<a download>` to a `blob:` URL of the page's own
//! origin, not a connection, so the page's `connect-src 'self'` does not apply and nothing
//! leaves the machine.

use crate::problem::Problem;
use gloo::file::callbacks::FileReader;
use gloo::file::{Blob, File, ObjectUrl};
use jianwen_io::{import_file, normalize_text, Decoded, TextEncoding};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, TextDecoder, TextDecoderOptions};

/// Reads `file` and calls `done` with its bytes, or [`Problem::Unreadable`] when the browser
/// cannot read it. The read is cancelled when the returned reader is dropped, so keep it.
pub fn read_bytes(
    file: &web_sys::File,
    done: impl FnOnce(Result<Vec<u8>, Problem>) + 'static,
) -> FileReader {
    let file = File::from(file.clone());
    gloo::file::callbacks::read_as_bytes(&file, move |result| {
        done(
            result.map_err(|e| {
                Problem::Unreadable(format!("浏览器未能读取这个文件（{e}），未导入。"))
            }),
        )
    })
}

/// The text of an imported file, normalised as `jianwen-io` does for every import.
///
/// # Errors
/// [`Problem::Unreadable`] with the message of the [`jianwen_io::ImportError`], or of a
/// GB18030 file the browser cannot decode.
pub fn import_text(bytes: &[u8]) -> Result<String, Problem> {
    let unreadable = |e: String| Problem::Unreadable(e);
    match import_file(bytes).map_err(|e| unreadable(e.to_string()))? {
        Decoded::Text(text) => Ok(text),
        Decoded::NeedsDecoding(encoding) => decode_in_browser(bytes, encoding)
            .map(|text| normalize_text(&text).into_owned())
            .map_err(unreadable),
        // `Decoded` may grow; a result this app does not know is refused, not guessed at.
        _ => Err(unreadable(
            "无法识别这个文件的内容，未导入。请导入 .docx 或 UTF-8 编码的 .txt 文件。".to_owned(),
        )),
    }
}

/// Decodes with the browser's own `TextDecoder`, whose GB18030 tables cost the wasm nothing.
/// `fatal`: a byte sequence that is not GB18030 is refused rather than imported as `�`.
fn decode_in_browser(bytes: &[u8], encoding: TextEncoding) -> Result<String, String> {
    let options = TextDecoderOptions::new();
    options.set_fatal(true);
    let refused = || {
        format!(
            "这个文件不是有效的 {} 文本，无法解码，未导入。请把它另存为 UTF-8 编码后再导入。",
            encoding.label()
        )
    };
    let decoder = TextDecoder::new_with_label_and_options(encoding.label(), &options)
        .map_err(|_| refused())?;
    decoder.decode_with_u8_array(bytes).map_err(|_| refused())
}

thread_local! {
    /// The last download's object URL. Revoking it right after the click can cancel the download
    /// in some browsers, so it lives until the next download replaces (and revokes) it.
    static LAST_DOWNLOAD: RefCell<Option<ObjectUrl>> = const { RefCell::new(None) };
}

/// Offers `content` as a download named `file_name`.
///
/// # Errors
/// [`Problem::DownloadFailed`] when the page cannot create the link (never expected in a
/// browser).
pub fn download(
    file_name: &str,
    mime: &str,
    content: impl gloo::file::BlobContents,
) -> Result<(), Problem> {
    let url = ObjectUrl::from(Blob::new_with_options(content, Some(mime)));
    let document = gloo::utils::document();
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into().ok())
        .ok_or(Problem::DownloadFailed)?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = gloo::utils::body();
    body.append_child(&anchor).ok();
    anchor.click();
    body.remove_child(&anchor).ok();
    LAST_DOWNLOAD.with(|last| last.replace(Some(url)));
    Ok(())
}
