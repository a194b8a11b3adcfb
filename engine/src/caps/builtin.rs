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
}

/// Parses and checks the data file: known version, valid limits and names, unique ids.
fn parse(json: &str) -> Result<Vec<CapProfile>, String> {
    let data: DataFile = serde_json::from_str(json).map_err(|e| e.to_string())?;
    if data.version != DATA_VERSION {
        return Err(format!(
            "version {} (expected {DATA_VERSION})",
            data.version
        ));
    }
    let mut profiles: Vec<CapProfile> = Vec::new();
    for document in data.documents {
        for p in document.profiles {
            if profiles.iter().any(|other| other.id() == p.id) {
                return Err(format!("duplicate id {}", p.id));
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
    Ok(profiles)
}

static BUILTIN: LazyLock<Vec<CapProfile>> = LazyLock::new(|| {
    parse(include_str!("../../data/caps.json")).unwrap_or_else(|e| {
        panic!("the built-in cap data is invalid (the data test catches this): {e}")
    })
});

/// The built-in profiles in data-file order: grouped by source, the groups in the order the
/// selector shows them. Parsed once, on first use.
pub fn builtin_profiles() -> &'static [CapProfile] {
    &BUILTIN
}

/// The built-in profile with this id.
pub fn builtin_profile(id: &str) -> Option<&'static CapProfile> {
    BUILTIN.iter().find(|p| p.id() == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses() {
        let profiles =
            parse(include_str!("../../data/caps.json")).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            profiles.len() >= 14,
            "only {} built-in profiles",
            profiles.len()
        );
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
