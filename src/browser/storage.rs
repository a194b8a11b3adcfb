//! The one place the app touches browser storage. Keys are namespaced and versioned so a later
//! format can migrate instead of misreading old data; the layout of the drafts' keys and its
//! migration from version 1 live in `jianwen_io::store`, where they are tested natively.
//!
//! Only `localStorage` of the page's own origin is used: the drafts never leave the machine.
//! It holds about 5 MB per origin in Chromium and Firefox (see [`STORAGE_LIMIT_NOTE`]).

use crate::preferences::Preferences;
use crate::problem::Problem;
use jianwen_io::{
    history_key, index_json, load, text_key, History, Library, Loaded, Stored, INDEX_KEY,
    LEGACY_DRAFT_KEY, TEXT_KEY_PREFIX,
};
use js_sys::JsString;
use wasm_bindgen::prelude::*;

/// What the drafts list says about the room there is.
pub const STORAGE_LIMIT_NOTE: &str =
    "草稿保存在本机浏览器中，全部草稿及其历史版本合计约 5 MB（约 250 万字）。";

fn storage() -> Option<web_sys::Storage> {
    // `raw()` panics when storage is disabled; `window.localStorage` itself may throw.
    gloo::utils::window().local_storage().ok().flatten()
}

fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn set(key: &str, value: &str) -> Result<(), Problem> {
    let storage = storage().ok_or(Problem::SaveRefused)?;
    storage
        .set_item(key, value)
        .map_err(|_| Problem::SaveRefused)
}

/// The library as stored, migrated from version 1 and repaired where damaged (see
/// [`jianwen_io::load`]). Without storage (private mode, disabled) it is one empty draft.
pub fn load_library(now: i64) -> Loaded {
    let Some(storage) = storage() else {
        return load(Stored::default(), now);
    };
    let keys = (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten());
    let texts = keys
        .filter_map(|key| key.strip_prefix(TEXT_KEY_PREFIX).map(str::to_owned))
        .filter_map(|id| {
            storage
                .get_item(&text_key(&id))
                .ok()
                .flatten()
                .map(|text| (id, text))
        })
        .collect();
    let (index, legacy) = (get(INDEX_KEY), get(LEGACY_DRAFT_KEY));
    load(
        Stored {
            index: index.as_deref(),
            texts,
            legacy: legacy.as_deref(),
        },
        now,
    )
}

/// Saves one draft's text: the write made on every change while typing.
///
/// # Errors
/// [`Problem::SaveRefused`] when the browser refuses (quota full, storage disabled); what was saved
/// before is untouched and the text stays in the editor.
pub fn save_text(id: &str, text: &str) -> Result<(), Problem> {
    set(&text_key(id), text)
}

/// [`save_text`] for the textarea's own JavaScript string: the draft goes to storage as it is,
/// not converted to UTF-8 and back on every keystroke (for a long draft, that conversion cost
/// more than the write).
///
/// # Errors
/// As [`save_text`].
pub fn save_typed_text(id: &str, text: &JsString) -> Result<(), Problem> {
    let storage = storage().ok_or(Problem::SaveRefused)?;
    storage
        .unchecked_ref::<StringStorage>()
        .set_item(&text_key(id), text)
        .map_err(|_| Problem::SaveRefused)
}

#[wasm_bindgen]
extern "C" {
    /// `Storage` with a `setItem` that takes a JavaScript string (web-sys's takes `&str` only).
    type StringStorage;

    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item(this: &StringStorage, key: &str, value: &JsString) -> Result<(), JsValue>;
}

/// Saves the index: the list of drafts, their titles, times and choices, without texts.
///
/// # Errors
/// As [`save_text`].
pub fn save_index(library: &Library, current: &str) -> Result<(), Problem> {
    set(INDEX_KEY, &index_json(library, current))
}

/// Saves every draft's text and the index, then removes the version 1 key, whose draft is now
/// among them. The old key stays if anything fails, so nothing is lost.
///
/// # Errors
/// As [`save_text`].
pub fn save_all(library: &Library, current: &str) -> Result<(), Problem> {
    for draft in library.drafts() {
        save_text(&draft.id, &draft.text)?;
    }
    save_index(library, current)?;
    if let Some(storage) = storage() {
        storage.remove_item(LEGACY_DRAFT_KEY).ok();
    }
    Ok(())
}

/// Forgets a draft purged from the 回收站: its text and its history.
pub fn remove_draft(id: &str) {
    if let Some(storage) = storage() {
        storage.remove_item(&text_key(id)).ok();
        storage.remove_item(&history_key(id)).ok();
    }
}

/// The stored text of a draft, as another tab may have written it.
pub fn stored_text(id: &str) -> Option<String> {
    get(&text_key(id))
}

/// A draft's snapshots; none when there are none yet.
///
/// # Errors
/// [`Problem::Damaged`] with the message of [`jianwen_io::HistoryUnreadable`]; the caller
/// starts a new history, and the draft's text is not affected.
pub fn load_history(id: &str) -> Result<History, Problem> {
    match get(&history_key(id)) {
        None => Ok(History::default()),
        Some(json) => History::from_json(&json).map_err(|e| Problem::Damaged(e.to_string())),
    }
}

/// Saves a draft's snapshots.
///
/// # Errors
/// As [`save_text`].
pub fn save_history(id: &str, history: &History) -> Result<(), Problem> {
    set(&history_key(id), &history.to_json())
}

/// Key through which tabs tell each other which draft they have open (see [`announce`]).
pub const PRESENCE_KEY: &str = "jianwen.v2.presence";

/// What a tab says about a draft through [`PRESENCE_KEY`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// "I have just opened it."
    Opened,
    /// "I have it open too", the answer to [`Presence::Opened`].
    AlsoOpen,
}

/// Tells the other tabs of this origin that tab `tab` has draft `id` open. Other tabs get a
/// `storage` event; the time makes every announcement a change, so each one fires. A refused
/// write only loses the warning, so it is ignored.
pub fn announce(presence: Presence, tab: &str, id: &str, now: i64) {
    let kind = match presence {
        Presence::Opened => "opened",
        Presence::AlsoOpen => "also-open",
    };
    set(PRESENCE_KEY, &format!("{kind} {tab} {now} {id}")).ok();
}

/// The announcement in a [`PRESENCE_KEY`] value: what, by which tab, about which draft.
pub fn parse_presence(value: &str) -> Option<(Presence, &str, &str)> {
    let mut parts = value.splitn(4, ' ');
    let presence = match parts.next()? {
        "opened" => Presence::Opened,
        "also-open" => Presence::AlsoOpen,
        _ => return None,
    };
    let tab = parts.next()?;
    let _time = parts.next()?;
    Some((presence, tab, parts.next()?))
}

/// Key of the user's preferences (format version 1: `Preferences` as JSON).
const PREFERENCES_KEY: &str = "jianwen.v1.preferences";

/// The saved preferences. Unreadable data (corrupt, or from an incompatible version) gives the
/// defaults and a message saying so; the drafts are stored apart and are not affected.
pub fn load_preferences() -> (Preferences, Option<Problem>) {
    let json = get(PREFERENCES_KEY).unwrap_or_default();
    if json.is_empty() {
        return (Preferences::default(), None);
    }
    match serde_json::from_str(&json) {
        Ok(preferences) => (preferences, None),
        Err(e) => (
            Preferences::default(),
            Some(Problem::Damaged(format!(
                "本机保存的设置无法读取（{e}），已改用默认设置；草稿不受影响。"
            ))),
        ),
    }
}

/// Saves the preferences.
///
/// # Errors
/// [`Problem::PreferencesNotSaved`] when the browser refuses; the preferences stay in effect for
/// this session.
pub fn save_preferences(preferences: &Preferences) -> Result<(), Problem> {
    let json = serde_json::to_string(preferences).map_err(|e| Problem::Refused(e.to_string()))?;
    set(PREFERENCES_KEY, &json).map_err(|_| Problem::PreferencesNotSaved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presence_values_are_read_back_and_garbage_is_ignored() {
        let cases = [
            (
                "opened t1 1700 d1700-2",
                Some((Presence::Opened, "t1", "d1700-2")),
            ),
            (
                "also-open t2 5 legacy",
                Some((Presence::AlsoOpen, "t2", "legacy")),
            ),
            ("opened t1 1700", None),
            ("closed t1 1 d1", None),
            ("", None),
        ];
        for (value, want) in cases {
            assert_eq!(parse_presence(value), want, "{value:?}");
        }
    }
}
