//! The example draft offered on an empty editor, so a first-time user sees every figure at once:
//! a real rectification plan from the seed rules (corpus `seed1`).

/// Full text of the example, one paragraph per line, title first.
pub const EXAMPLE_DRAFT: &str =
    include_str!("../engine/tests/fixtures/corpus/seed1_bureau_rectification_plan.txt");
