//! How well the 穿靴戴帽/套话 checker does on documents it has not seen, measured per sentence as
//! `docs/reference/boilerplate.md` defines it (a sentence is flagged when any highlight
//! overlaps it; hat/boot counts only highlights of those categories), with each corpus document
//! scored by a role model trained on the other documents (leave one document out).
//!
//! `cargo xtask eval-boilerplate` prints the same figures per document; run this test with
//! `--nocapture` to see them here.

#[allow(dead_code)] // the shared helpers serve other tests too
mod support;

use jianwen_engine::roles::train::{cross_validate, load_corpus, report, train};
use jianwen_engine::sentences::sentences;

/// The targets of issue 14, pooled over the corpus, held out.
const TARGET_FLAGGED: (f64, f64) = (0.85, 0.75);
const TARGET_HAT_BOOT: (f64, f64) = (0.80, 0.75);
/// What the model reaches today, held out (see the README): the test fails below these, so a
/// change that makes the checker worse on unseen documents cannot land. The targets above are
/// not met yet; the figures are printed beside them.
const FLOOR_FLAGGED: (f64, f64) = (0.74, 0.74);
const FLOOR_HAT_BOOT: (f64, f64) = (0.70, 0.60);

#[test]
fn the_engine_splits_sentences_exactly_as_split_py() {
    // load_corpus refuses a document whose annotated sentences are not the engine's.
    let documents = load_corpus(&support::corpus_dir()).expect("the annotated corpus loads");
    assert_eq!(
        documents.len(),
        25,
        "the 25 annotated documents of shared/corpus"
    );
    for d in &documents {
        assert_eq!(sentences(&d.text).len(), d.labels.len(), "{}", d.name);
    }
}

#[test]
fn held_out_quality_stays_at_least_where_it_is() {
    let documents = load_corpus(&support::corpus_dir()).expect("the annotated corpus loads");
    let evaluation = cross_validate(&documents);
    println!("{}", report(&evaluation));
    let pooled = evaluation.pooled_held_out();
    let figures = [
        (
            "flagged precision",
            pooled.flagged.precision(),
            FLOOR_FLAGGED.0,
            TARGET_FLAGGED.0,
        ),
        (
            "flagged recall",
            pooled.flagged.recall(),
            FLOOR_FLAGGED.1,
            TARGET_FLAGGED.1,
        ),
        (
            "hat/boot precision",
            pooled.hat_boot.precision(),
            FLOOR_HAT_BOOT.0,
            TARGET_HAT_BOOT.0,
        ),
        (
            "hat/boot recall",
            pooled.hat_boot.recall(),
            FLOOR_HAT_BOOT.1,
            TARGET_HAT_BOOT.1,
        ),
    ];
    for (name, got, floor, target) in figures {
        println!("{name}: {got:.3} held out (floor {floor}, target {target})");
        assert!(
            got >= floor,
            "{name} held out fell to {got:.3}, below {floor}"
        );
    }
}

#[test]
fn the_compiled_in_model_is_what_training_on_the_corpus_gives() {
    let documents = load_corpus(&support::corpus_dir()).expect("the annotated corpus loads");
    let trained = train(&documents);
    let committed =
        jianwen_engine::roles::model::RoleModel::parse(include_str!("../data/roles-model.tsv"))
            .expect("the committed model parses");
    assert!(
        trained == committed,
        "engine/data/roles-model.tsv is out of date: run `cargo xtask train-boilerplate`"
    );
}
