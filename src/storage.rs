//! The one place the app touches browser storage. Keys are namespaced and versioned so a later
//! format can migrate instead of misreading old data.
//!
//! Only `localStorage` of the page's own origin is used: the draft never leaves the machine.

use crate::preferences::Preferences;
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

/// Key of the user's preferences (format version 1: `Preferences` as JSON).
const PREFERENCES_KEY: &str = "jianwen.v1.preferences";

/// The saved preferences. Unreadable data (corrupt, or from an incompatible version) gives the
/// defaults and a message saying so; the draft itself is stored apart and is not affected.
pub fn load_preferences() -> (Preferences, Option<String>) {
    let Ok(json) = LocalStorage::raw().get_item(PREFERENCES_KEY).map(Option::unwrap_or_default) else {
        return (Preferences::default(), None);
    };
    if json.is_empty() {
        return (Preferences::default(), None);
    }
    match serde_json::from_str(&json) {
        Ok(preferences) => (preferences, None),
        Err(e) => (Preferences::default(), Some(format!("本机保存的设置无法读取（{e}），已改用默认设置；草稿不受影响。"))),
    }
}

/// Saves the preferences.
///
/// # Errors
/// A Chinese message when the browser refuses; the preferences stay in effect for this session.
pub fn save_preferences(preferences: &Preferences) -> Result<(), String> {
    let json = serde_json::to_string(preferences).map_err(|e| e.to_string())?;
    LocalStorage::raw().set_item(PREFERENCES_KEY, &json).map_err(|_| "设置未能保存到本机浏览器存储，本次打开期间仍然有效。".to_owned())
}
