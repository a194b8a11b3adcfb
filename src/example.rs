//! The example draft offered on an empty editor, so a first-time user sees every figure at once:
//! a real rectification plan issued under the 2019 减负 rules (the corpus document `seed1`, kept
//! as the app's own asset so that the engine's test fixtures can change without changing it).

/// Full text of the example, one paragraph per line, title first.
pub const EXAMPLE_DRAFT: &str = include_str!("../assets/example-draft.txt");
