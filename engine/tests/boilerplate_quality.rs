//! How well the 穿靴戴帽/套话 checker agrees with the annotated dev corpus, measured per sentence
//! as `shared/reference/boilerplate.md` defines it: a sentence is flagged when any highlight
//! overlaps it; precision and recall of flagged against `label != none`, and of hat/boot
//! highlights against `hat`/`boot` labels. Fails below the targets of issue 4.
//!
//! Run with `--nocapture` to see the numbers and every disagreement.

#[allow(dead_code)] // the shared helpers serve other tests too
mod support;

use jianwen_engine::phrases::{find, Category, Highlight, RuleSet};
use jianwen_engine::sentences::sentences;
use serde_json::Value;
use std::ops::Range;

const MIN_PRECISION: f64 = 0.85;
const MIN_RECALL: f64 = 0.75;
const MIN_HAT_RECALL: f64 = 0.80;

#[derive(Default)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Tally {
    fn add(&mut self, predicted: bool, actual: bool) {
        match (predicted, actual) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => {}
        }
    }
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
}

struct Labelled {
    span: Range<usize>,
    id: String,
    label: String,
}

/// The annotated sentences of `document`, with code-point offsets turned into byte offsets.
fn labelled(document: &str, text: &str) -> Vec<Labelled> {
    let path = support::corpus_dir()
        .join("annotations")
        .join(format!("{document}.json"));
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("annotation file"))
            .expect("annotation JSON");
    let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    bytes.push(text.len());
    json["sentences"]
        .as_array()
        .expect("`sentences` array")
        .iter()
        .map(|s| {
            let at = |key: &str| bytes[s[key].as_u64().expect("offset") as usize];
            Labelled {
                span: at("start")..at("end"),
                id: s["id"].as_str().expect("id").to_string(),
                label: s["label"].as_str().expect("label").to_string(),
            }
        })
        .collect()
}

fn documents() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(support::corpus_dir().join("annotations"))
        .expect("annotations directory")
        .filter_map(|e| {
            e.ok()?
                .file_name()
                .to_str()?
                .strip_suffix(".json")
                .map(String::from)
        })
        .collect();
    names.sort();
    assert!(
        names.len() >= 10,
        "expected the 11 annotated documents, found {}",
        names.len()
    );
    names
}

fn overlapping<'a>(
    highlights: &'a [Highlight],
    span: &Range<usize>,
) -> impl Iterator<Item = &'a Highlight> + 'a {
    let span = span.clone();
    highlights
        .iter()
        .filter(move |h| h.span.start < span.end && span.start < h.span.end)
}

#[test]
fn the_engine_splits_sentences_exactly_as_split_py() {
    for document in documents() {
        let text = support::corpus_text(&document);
        let want: Vec<Range<usize>> = labelled(&document, &text)
            .into_iter()
            .map(|s| s.span)
            .collect();
        let got: Vec<Range<usize>> = sentences(&text).into_iter().map(|s| s.span).collect();
        assert_eq!(got, want, "{document}");
    }
}

#[test]
fn quality_on_the_annotated_corpus_meets_the_targets() {
    let rules = RuleSet::default();
    let (mut flagged, mut hat_boot, mut hat, mut boot) = (
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
    );
    let mut disagreements = Vec::new();
    for document in documents() {
        let text = support::corpus_text(&document);
        let findings = find(&text, &rules);
        for s in labelled(&document, &text) {
            let found: Vec<&Highlight> = overlapping(&findings.highlights, &s.span).collect();
            let has = |c: Category| found.iter().any(|h| h.category == c);
            let predicted = !found.is_empty();
            let actual = s.label != "none";
            flagged.add(predicted, actual);
            hat_boot.add(
                has(Category::Hat) || has(Category::Boot),
                s.label == "hat" || s.label == "boot",
            );
            hat.add(has(Category::Hat), s.label == "hat");
            boot.add(has(Category::Boot), s.label == "boot");
            let categories: Vec<&str> = found.iter().map(|h| h.category.as_str()).collect();
            if predicted != actual
                || (s.label == "hat") != has(Category::Hat)
                || (s.label == "boot") != has(Category::Boot)
            {
                let rules: Vec<&str> = found.iter().map(|h| &*h.rule).collect();
                disagreements.push(format!(
                    "  {document} {}: label {} / found {:?} {:?}\n      {}",
                    s.id,
                    s.label,
                    categories,
                    rules,
                    &text[s.span.clone()]
                ));
            }
        }
    }
    println!("disagreements:\n{}", disagreements.join("\n"));
    println!(
        "flagged vs label != none: precision {:.3} recall {:.3} (tp {} fp {} fn {})",
        flagged.precision(),
        flagged.recall(),
        flagged.tp,
        flagged.fp,
        flagged.fn_
    );
    println!(
        "hat/boot vs hat/boot: precision {:.3} recall {:.3} (tp {} fp {} fn {})",
        hat_boot.precision(),
        hat_boot.recall(),
        hat_boot.tp,
        hat_boot.fp,
        hat_boot.fn_
    );
    println!(
        "hat: precision {:.3} recall {:.3}; boot: precision {:.3} recall {:.3}",
        hat.precision(),
        hat.recall(),
        boot.precision(),
        boot.recall()
    );
    assert!(
        flagged.precision() >= MIN_PRECISION,
        "precision {:.3} < {MIN_PRECISION}",
        flagged.precision()
    );
    assert!(
        flagged.recall() >= MIN_RECALL,
        "recall {:.3} < {MIN_RECALL}",
        flagged.recall()
    );
    assert!(
        hat.recall() >= MIN_HAT_RECALL,
        "hat recall {:.3} < {MIN_HAT_RECALL}",
        hat.recall()
    );
}
