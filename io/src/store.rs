//! How the library is kept in the browser's key-value storage (`localStorage`): one key per
//! draft's text and one small index, so that saving the draft being typed rewrites only its own
//! text and the index, never the other drafts.
//!
//! # Keys, format version 2
//! - [`INDEX_KEY`]: `{"format_version": 2, "current": "<id>", "drafts": [<draft without text>…]}`,
//!   each draft as in a [`Backup`](crate::Backup) but without `text`;
//! - [`text_key`]`(id)`: the draft's text, as it is (not JSON);
//! - [`history_key`]`(id)`: its snapshots (see [`History`](crate::History)).
//!
//! Version 1 kept one draft, JSON-encoded, under [`LEGACY_DRAFT_KEY`]; [`load`] migrates it.
//!
//! # Damaged data
//! [`load`] never fails: an unreadable index is rebuilt from the text keys that exist, a text
//! key no entry names is taken back as a draft, and every repair is reported as a
//! [`StoreProblem`] whose `Display` tells the user, in Chinese, what happened and what was kept.

use crate::library::{Draft, Library};
use crate::LEGACY_DRAFT_ID;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// The version of the stored library this code writes and reads.
pub const STORE_FORMAT_VERSION: u32 = 2;

/// The key of the index: the list of drafts, without their texts.
pub const INDEX_KEY: &str = "jianwen.v2.index";

/// The key under which version 1 kept its single draft, as a JSON string.
pub const LEGACY_DRAFT_KEY: &str = "jianwen.v1.draft";

/// The prefix of every draft text key; what follows it is the draft's id.
pub const TEXT_KEY_PREFIX: &str = "jianwen.v2.draft.";

/// The key of a draft's text.
pub fn text_key(id: &str) -> String {
    format!("{TEXT_KEY_PREFIX}{id}")
}

/// The key of a draft's snapshots.
pub fn history_key(id: &str) -> String {
    format!("jianwen.v2.history.{id}")
}

#[derive(Serialize)]
struct IndexRef<'a> {
    format_version: u32,
    current: &'a str,
    drafts: Vec<Value>,
}

#[derive(Deserialize)]
struct StoredIndex {
    format_version: u32,
    #[serde(default)]
    current: Option<String>,
    drafts: Vec<Value>,
}

/// The index of `library` with `current` as the open draft. It is written on every keystroke,
/// so no draft's text is copied into it, not even to be dropped.
///
/// # Examples
/// ```
/// use jianwen_io::{index_json, Library};
/// let mut library = Library::default();
/// let id = library.create("关于开展检查的通知", 1_000);
/// let json = index_json(&library, &id);
/// assert!(json.contains("\"current\":\"d1000\"") && !json.contains("检查"));
/// ```
pub fn index_json(library: &Library, current: &str) -> String {
    let drafts = library
        .drafts()
        .map(|draft| {
            let mut value = serde_json::to_value(draft.without_text()).unwrap_or(Value::Null);
            if let Value::Object(fields) = &mut value {
                fields.remove("text");
            }
            value
        })
        .collect();
    let index = IndexRef {
        format_version: STORE_FORMAT_VERSION,
        current,
        drafts,
    };
    // Only maps with non-string keys fail to serialize, and there are none here.
    serde_json::to_string(&index).unwrap_or_default()
}

/// What was found in storage, as [`load`] reads it.
#[derive(Clone, Debug, Default)]
pub struct Stored<'a> {
    /// The value of [`INDEX_KEY`], if the key exists.
    pub index: Option<&'a str>,
    /// Every draft text key that exists, as (id, text).
    pub texts: Vec<(String, String)>,
    /// The value of [`LEGACY_DRAFT_KEY`], if the key exists.
    pub legacy: Option<&'a str>,
}

/// The library as loaded, the draft to open, and what had to be repaired.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub library: Library,
    /// A draft of the list (never one in the 回收站).
    pub current: String,
    pub problems: Vec<StoreProblem>,
    /// The stored data was of version 1 (or none): the app should write the whole library now,
    /// and may then remove [`LEGACY_DRAFT_KEY`].
    pub migrated: bool,
}

/// Something wrong with the stored data that [`load`] worked around. Its
/// [`Display`](fmt::Display) is a message for the user, in Chinese.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StoreProblem {
    /// The index is not readable; `recovered` drafts were rebuilt from their texts.
    IndexUnreadable { recovered: usize },
    /// The index is from a newer version of the app.
    IndexTooNew { found: u64 },
    /// Entries of the index that could not be read were left out.
    EntriesUnreadable { count: usize },
    /// Drafts listed in the index whose text is missing.
    TextsMissing { titles: Vec<String> },
}

impl fmt::Display for StoreProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreProblem::IndexUnreadable { recovered } => write!(
                f,
                "本机保存的草稿目录已损坏，已根据保存的正文恢复 {recovered} 份草稿（自定义标题和回收站状态可能丢失），正文未受影响。"
            ),
            StoreProblem::IndexTooNew { found } => write!(
                f,
                "本机保存的草稿目录来自更新版本的简文（格式版本 {found}），已根据保存的正文列出草稿；请使用新版本简文，以免丢失标题等信息。"
            ),
            StoreProblem::EntriesUnreadable { count } => write!(
                f,
                "草稿目录中有 {count} 项无法读取，已略过；其他草稿不受影响。"
            ),
            StoreProblem::TextsMissing { titles } => write!(
                f,
                "本机存储中找不到这些草稿的正文，已从列表中移除：{}。其他草稿不受影响。",
                titles.join("、")
            ),
        }
    }
}

/// The text of the version 1 draft: a JSON string, or, if it is not one (damaged by hand or
/// by another program), the stored value as it is, so that no character is lost.
pub fn legacy_text(stored: &str) -> String {
    serde_json::from_str::<String>(stored).unwrap_or_else(|_| stored.to_string())
}

/// Reads the library from what storage holds, repairing what it can (see the module docs).
/// A library with no draft gets one empty draft, created at `now`, so there is always one to
/// open.
///
/// # Examples
/// Version 1 is migrated, text intact:
/// ```
/// use jianwen_io::{load, Stored, LEGACY_DRAFT_ID};
/// let loaded = load(Stored { legacy: Some("\"关于……的通知\""), ..Stored::default() }, 5_000);
/// assert!(loaded.migrated && loaded.problems.is_empty());
/// assert_eq!(loaded.current, LEGACY_DRAFT_ID);
/// assert_eq!(loaded.library.get(LEGACY_DRAFT_ID).unwrap().text, "关于……的通知");
/// ```
pub fn load(stored: Stored<'_>, now: i64) -> Loaded {
    let mut problems = Vec::new();
    let mut migrated = false;
    let (mut drafts, mut current) = match stored.index.map(parse_index) {
        Some(Ok((drafts, current, unreadable))) => {
            if unreadable > 0 {
                problems.push(StoreProblem::EntriesUnreadable { count: unreadable });
            }
            (drafts, current)
        }
        Some(Err(problem)) => {
            problems.push(problem);
            (Vec::new(), None)
        }
        None => {
            migrated = true;
            let legacy = stored.legacy.map(legacy_text).filter(|t| !t.is_empty());
            let drafts = legacy
                .map(|text| vec![Draft::new(LEGACY_DRAFT_ID, text, now)])
                .unwrap_or_default();
            (drafts, None)
        }
    };

    // Texts: fill each entry, report entries without one, take back texts no entry names.
    let mut missing = Vec::new();
    drafts.retain_mut(|draft| {
        match stored.texts.iter().find(|(id, _)| *id == draft.id) {
            Some((_, text)) => {
                draft.text = text.clone();
                true
            }
            // A migrated draft's text is not under a v2 key yet.
            None if migrated => true,
            None => {
                missing.push(draft.title());
                false
            }
        }
    });
    if !missing.is_empty() {
        problems.push(StoreProblem::TextsMissing { titles: missing });
    }
    let mut recovered = 0;
    for (id, text) in &stored.texts {
        if id.is_empty() || drafts.iter().any(|d| d.id == *id) {
            continue;
        }
        drafts.push(Draft::new(id.clone(), text.clone(), now));
        recovered += 1;
    }
    for problem in &mut problems {
        if let StoreProblem::IndexUnreadable { recovered: r } = problem {
            *r = recovered;
        }
    }

    let (mut library, _duplicates) = Library::from_drafts(drafts);
    if current
        .as_deref()
        .is_none_or(|id| library.get(id).is_none_or(Draft::is_deleted))
    {
        current = library.list().first().map(|d| d.id.clone());
    }
    let current = current.unwrap_or_else(|| {
        migrated = true;
        library.create("", now)
    });
    Loaded {
        library,
        current,
        problems,
        migrated,
    }
}

/// The drafts of an index (texts empty), its current draft, and how many entries were
/// unreadable.
fn parse_index(json: &str) -> Result<(Vec<Draft>, Option<String>, usize), StoreProblem> {
    let unreadable = || StoreProblem::IndexUnreadable { recovered: 0 };
    let version = serde_json::from_str::<Value>(json)
        .map_err(|_| unreadable())?
        .get("format_version")
        .and_then(Value::as_u64)
        .ok_or_else(unreadable)?;
    if version > u64::from(STORE_FORMAT_VERSION) {
        return Err(StoreProblem::IndexTooNew { found: version });
    }
    let index: StoredIndex = serde_json::from_str(json).map_err(|_| unreadable())?;
    debug_assert!(index.format_version <= STORE_FORMAT_VERSION);
    let mut bad = 0;
    let drafts = index
        .drafts
        .into_iter()
        .filter_map(|mut entry| {
            if let Value::Object(fields) = &mut entry {
                fields.insert("text".into(), Value::String(String::new()));
            }
            // From text, as the backup reads drafts: one deserialiser of `Draft` in the wasm, not
            // two (a `Value` one costs kilobytes in the page the user loads).
            let draft = serde_json::from_str::<Draft>(&entry.to_string())
                .ok()
                .filter(|d| !d.id.is_empty());
            bad += usize::from(draft.is_none());
            draft
        })
        .collect();
    Ok((drafts, index.current, bad))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(id, text)| (id.to_string(), text.to_string()))
            .collect()
    }

    #[test]
    fn the_index_and_texts_round_trip() {
        let mut library = Library::default();
        let first = library.create("关于开展检查的通知\n各单位：", 1_000);
        let second = library.create("会议纪要", 2_000);
        library.rename(&second, "三月纪要", 3_000).unwrap();
        library
            .set_cap_profile(&first, Some("js-2019-policy"), 4_000)
            .unwrap();
        library.delete(&second, 5_000).unwrap();
        let index = index_json(&library, &first);
        let stored_texts: Vec<(String, String)> = library
            .drafts()
            .map(|d| (d.id.clone(), d.text.clone()))
            .collect();

        let loaded = load(
            Stored {
                index: Some(&index),
                texts: stored_texts,
                legacy: None,
            },
            9_000,
        );
        assert_eq!(loaded.library, library);
        assert_eq!(loaded.current, first);
        assert!(loaded.problems.is_empty() && !loaded.migrated);
    }

    /// One case of [`load`]: what storage holds, and what comes out.
    struct LoadCase {
        name: &'static str,
        index: Option<&'static str>,
        texts: &'static [(&'static str, &'static str)],
        legacy: Option<&'static str>,
        /// (id, text) of the drafts in the list, last edited first.
        drafts: &'static [(&'static str, &'static str)],
        current: &'static str,
        problems: Vec<StoreProblem>,
        migrated: bool,
    }

    const V2_INDEX: &str = r#"{"format_version":2,"current":"b","drafts":[
        {"id":"a","created_ms":1,"updated_ms":1},{"id":"b","created_ms":2,"updated_ms":2}]}"#;

    #[test]
    fn load_migrates_and_repairs() {
        let cases = [
            LoadCase {
                name: "nothing stored: one empty draft",
                index: None,
                texts: &[],
                legacy: None,
                drafts: &[("d7", "")],
                current: "d7",
                problems: vec![],
                migrated: true,
            },
            LoadCase {
                name: "version 1 draft migrated",
                index: None,
                texts: &[],
                legacy: Some(r#""关于\"𠮷\"的通知\n""#),
                drafts: &[(LEGACY_DRAFT_ID, "关于\"𠮷\"的通知\n")],
                current: LEGACY_DRAFT_ID,
                problems: vec![],
                migrated: true,
            },
            LoadCase {
                name: "version 1 draft that is not JSON kept as it is",
                index: None,
                texts: &[],
                legacy: Some("关于{的通知"),
                drafts: &[(LEGACY_DRAFT_ID, "关于{的通知")],
                current: LEGACY_DRAFT_ID,
                problems: vec![],
                migrated: true,
            },
            LoadCase {
                name: "version 2 wins over a leftover version 1 key",
                index: Some(V2_INDEX),
                texts: &[("a", "甲"), ("b", "乙")],
                legacy: Some(r#""旧""#),
                drafts: &[("b", "乙"), ("a", "甲")],
                current: "b",
                problems: vec![],
                migrated: false,
            },
            LoadCase {
                name: "damaged index rebuilt from the texts",
                index: Some("{\"format_version\":2,\"drafts\":[{\"id\":"),
                texts: &[("a", "甲"), ("b", "乙")],
                legacy: None,
                drafts: &[("a", "甲"), ("b", "乙")],
                current: "a",
                problems: vec![StoreProblem::IndexUnreadable { recovered: 2 }],
                migrated: false,
            },
            LoadCase {
                name: "index from a newer version: texts listed",
                index: Some(r#"{"format_version":3,"drafts":[]}"#),
                texts: &[("a", "甲")],
                legacy: None,
                drafts: &[("a", "甲")],
                current: "a",
                problems: vec![StoreProblem::IndexTooNew { found: 3 }],
                migrated: false,
            },
            LoadCase {
                name: "a missing text is reported, the others kept",
                index: Some(V2_INDEX),
                texts: &[("a", "甲")],
                legacy: None,
                drafts: &[("a", "甲")],
                current: "a",
                problems: vec![StoreProblem::TextsMissing { titles: vec![] }],
                migrated: false,
            },
            LoadCase {
                name: "an unreadable entry is skipped, a text no entry names taken back",
                index: Some(
                    r#"{"format_version":2,"current":"a","drafts":[{"id":"a","created_ms":1,"updated_ms":1},{"id":5}]}"#,
                ),
                texts: &[("a", "甲"), ("orphan", "丙")],
                legacy: None,
                drafts: &[("orphan", "丙"), ("a", "甲")],
                current: "a",
                problems: vec![StoreProblem::EntriesUnreadable { count: 1 }],
                migrated: false,
            },
        ];
        for case in cases {
            let stored = Stored {
                index: case.index,
                texts: texts(case.texts),
                legacy: case.legacy,
            };
            let loaded = load(stored, 7);
            let drafts: Vec<(&str, &str)> = loaded
                .library
                .list()
                .iter()
                .map(|d| (d.id.as_str(), d.text.as_str()))
                .collect();
            assert_eq!(drafts, case.drafts, "{}", case.name);
            assert_eq!(loaded.current, case.current, "{}", case.name);
            // Titles of missing drafts are checked apart: they are `UNTITLED` here.
            let problems: Vec<StoreProblem> = loaded
                .problems
                .into_iter()
                .map(|p| match p {
                    StoreProblem::TextsMissing { .. } => {
                        StoreProblem::TextsMissing { titles: vec![] }
                    }
                    other => other,
                })
                .collect();
            assert_eq!(problems, case.problems, "{}", case.name);
            assert_eq!(loaded.migrated, case.migrated, "{}", case.name);
        }
    }

    #[test]
    fn problems_are_told_in_chinese() {
        let missing = StoreProblem::TextsMissing {
            titles: vec!["会议纪要".into()],
        };
        assert!(missing.to_string().contains("会议纪要"));
        assert!(StoreProblem::IndexUnreadable { recovered: 2 }
            .to_string()
            .contains("恢复 2 份"));
    }
}
