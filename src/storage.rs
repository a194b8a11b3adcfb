//! The one place the app touches browser storage. Keys are namespaced and versioned so a later
//! format can migrate instead of misreading old data.
//!
//! Only `localStorage` of the page's own origin is used: the draft never leaves the machine.

use gloo::storage::{LocalStorage, Storage};

/// Key of the current draft's text (format version 1: the plain text).
const DRAFT_KEY: &str = "jianwen.v1.draft";

/// The saved draft, or `None` when there is none or storage is unavailable (private mode,
/// disabled storage): the app then starts empty rather than failing.
pub fn load_draft() -> Option<String> {
    LocalStorage::get::<String>(DRAFT_KEY).ok()
}

/// Saves the draft text.
///
/// # Errors
/// Returns a Chinese message for the user when the browser refuses (quota full, storage
/// disabled); the text stays in the editor either way.
pub fn save_draft(text: &str) -> Result<(), String> {
    LocalStorage::set(DRAFT_KEY, text).map_err(|e| format!("草稿未能保存到本机浏览器存储（{e}）。文字仍在编辑框中，请勿关闭页面。"))
}
