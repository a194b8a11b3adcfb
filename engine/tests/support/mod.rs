//! Access to the dev corpus copied into `tests/fixtures/corpus` (from `shared/corpus`), so the
//! tests run on a clone with nothing beside it.

use serde_json::Value;
use std::path::PathBuf;

pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

/// The `documents` object of `expected.json`: name → expected figures.
pub fn expected_documents() -> Vec<(String, Value)> {
    let path = corpus_dir().join("expected.json");
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(&path).expect("expected.json is missing from the fixtures"),
    )
    .expect("expected.json is not valid JSON");
    let docs = json["documents"]
        .as_object()
        .expect("expected.json has no `documents` object");
    assert!(!docs.is_empty(), "expected.json lists no documents");
    docs.iter()
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect()
}

/// The text of corpus document `name`.
pub fn corpus_text(name: &str) -> String {
    let path = corpus_dir().join(format!("{name}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}
