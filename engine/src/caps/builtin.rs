//! The built-in cap profiles, compiled in from `data/caps.json`.
//!
//! The data file groups profiles by the document that states them, so issuer, title, number and
//! date are written once per document and every profile still carries its full [`Source`].

use super::error::CapError;
use super::profile::{CapProfile, Limits, Source};
use serde::Deserialize;
use std::sync::LazyLock;

/// The version of `data/caps.json` this code reads.
const DATA_VERSION: u32 = 1;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DataFile {
    version: u32,
    documents: Vec<DataDocument>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DataDocument {
    group: String,
    issuer: String,
    title: String,
    #[serde(default)]
    number: Option<String>,
    date: String,
    profiles: Vec<DataProfile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DataProfile {
    id: String,
    name: String,
    clause: String,
    quote: String,
    limits: Limits,
    note: String,
    /// The 文种 (read from a draft's title) this profile is chosen for when the draft has no
    /// choice of its own: the rule that covers documents of that kind everywhere.
    #[serde(default)]
    kinds: Vec<String>,
}

/// The built-in profiles, and for each 文种 the profile a draft of that kind starts with.
#[derive(Debug)]
struct Builtin {
    profiles: Vec<CapProfile>,
    kinds: Vec<(String, String)>,
}

/// Parses and checks the data file: known version, valid limits and names, unique ids.
fn parse(json: &str) -> Result<Builtin, String> {
    let data: DataFile = serde_json::from_str(json).map_err(|e| e.to_string())?;
    if data.version != DATA_VERSION {
        return Err(format!(
            "version {} (expected {DATA_VERSION})",
            data.version
        ));
    }
    let mut profiles: Vec<CapProfile> = Vec::new();
    let mut kinds: Vec<(String, String)> = Vec::new();
    for document in data.documents {
        for p in document.profiles {
            if profiles.iter().any(|other| other.id() == p.id) {
                return Err(format!("duplicate id {}", p.id));
            }
            for kind in &p.kinds {
                if kinds.iter().any(|(k, _)| k == kind) {
                    return Err(format!("文种 {kind} given to two profiles"));
                }
                kinds.push((kind.clone(), p.id.clone()));
            }
            let source = Source {
                issuer: document.issuer.clone(),
                title: document.title.clone(),
                number: document.number.clone(),
                date: document.date.clone(),
                clause: p.clause,
                quote: p.quote,
            };
            let profile = CapProfile::builtin(
                p.id.clone(),
                &p.name,
                document.group.clone(),
                p.limits,
                p.note,
                source,
            )
            .map_err(|e: CapError| format!("{}: {e}", p.id))?;
            profiles.push(profile);
        }
    }
    Ok(Builtin { profiles, kinds })
}

static BUILTIN: LazyLock<Builtin> = LazyLock::new(|| {
    parse(include_str!("../../data/caps.json")).unwrap_or_else(|e| {
        panic!("the built-in cap data is invalid (the data test catches this): {e}")
    })
});

/// The built-in profiles in data-file order: grouped by source, the groups in the order the
/// selector shows them. Parsed once, on first use.
pub fn builtin_profiles() -> &'static [CapProfile] {
    &BUILTIN.profiles
}

/// The built-in profile with this id.
pub fn builtin_profile(id: &str) -> Option<&'static CapProfile> {
    BUILTIN.profiles.iter().find(|p| p.id() == id)
}

/// The built-in profile a draft of 文种 `kind` (see [`crate::elements::doc_kind`]) starts with
/// until its drafter chooses: the general rule for documents of that kind, as the data file
/// says.
///
/// # Examples
/// ```
/// use jianwen_engine::caps::profile_for_kind;
/// assert_eq!(profile_for_kind("通知").map(|p| p.id()), Some("cn-2024-document"));
/// assert_eq!(profile_for_kind("讲话").map(|p| p.id()), Some("cn-2024-speech"));
/// assert!(profile_for_kind("对联").is_none());
/// ```
pub fn profile_for_kind(kind: &str) -> Option<&'static CapProfile> {
    let (_, id) = BUILTIN.kinds.iter().find(|(k, _)| k == kind)?;
    builtin_profile(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses() {
        let builtin = parse(include_str!("../../data/caps.json")).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            builtin.profiles.len() >= 14,
            "only {} built-in profiles",
            builtin.profiles.len()
        );
        // Every 文种 the title reader knows of a 公文 has a profile to start from.
        for kind in ["通知", "意见", "报告", "请示", "函", "纪要", "讲话"] {
            assert!(profile_for_kind(kind).is_some(), "{kind}");
        }
    }

    #[test]
    fn bad_data_is_refused() {
        let cases = [
            (r#"{"version": 2, "documents": []}"#, "version 2"),
            (
                r#"{"version": 1, "documents": [{"group": "g", "issuer": "i", "title": "t", "date": "2019",
                    "profiles": [{"id": "a", "name": "n", "clause": "c", "quote": "q", "limits": {}, "note": ""}]}]}"#,
                "a: 请至少填写",
            ),
            (
                r#"{"version": 1, "documents": [{"group": "g", "issuer": "i", "title": "t", "date": "2019",
                    "profiles": [{"id": "a", "name": "n", "clause": "c", "quote": "q", "limits": {"zi": 1}, "note": ""},
                                 {"id": "a", "name": "m", "clause": "c", "quote": "q", "limits": {"zi": 1}, "note": ""}]}]}"#,
                "duplicate id a",
            ),
            (
                r#"{"version": 1, "documents": [{"group": "g", "issuer": "i", "title": "t", "date": "2019",
                    "profiles": [{"id": "a", "name": "n", "clause": "c", "quote": "q", "limits": {"zi": 1}, "note": "", "kinds": ["通知"]},
                                 {"id": "b", "name": "m", "clause": "c", "quote": "q", "limits": {"zi": 1}, "note": "", "kinds": ["通知"]}]}]}"#,
                "文种 通知 given to two profiles",
            ),
        ];
        for (json, want) in cases {
            let error = parse(json).expect_err(want);
            assert!(
                error.starts_with(want),
                "{error:?} should start with {want:?}"
            );
        }
    }
}
