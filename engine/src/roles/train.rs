//! Learning the role model from the annotated corpus, and measuring it honestly: every document
//! is scored by a model trained without it (leave one document out), so the figures say what a
//! user's unseen document can expect, not how well the model remembers its training data.
//!
//! The corpus is `shared/corpus` as copied into `engine/tests/fixtures/corpus`: one `.txt` per
//! document and `annotations/<name>.json` labelling every sentence `hat`, `boot`, `stock` or
//! `none` (`docs/reference/boilerplate.md`).
//!
//! # How a model is learned
//! 1. Each sentence becomes its features ([`super::first_features`], the n-grams of its text, the
//!    ids of the phrase rules it matches). N-grams and rule ids that occur in fewer than
//!    [`MIN_DOCUMENTS`] training documents are left out: a word seen in one document says
//!    nothing about the next.
//! 2. Stage 1 (formula or not) is a logistic regression with classes weighted to equal total
//!    weight and an L2 penalty, fitted by full-batch Adam for a fixed number of steps, so that
//!    the same corpus always gives the same weights.
//! 3. Stage 2 (hat, boot or stock) is fitted on the labelled boilerplate sentences. Its inputs
//!    include stage 1's probability for the sentence and its neighbours, and those must be what
//!    stage 1 says of text it did not see: they come from stage 1 models trained on the other
//!    [`INNER_FOLDS`]` - 1` folds of the training documents.
//!
//! Every setting here was fixed before looking at any document's result; none is tuned to one.

use super::features::{grams, positions, Position};
use super::model::{sigmoid, Named, RoleModel};
use super::space::SPACE;
use super::{
    first_features, is_concrete, is_lead_in, phrase_features, runs, second_features, with_phrase,
    TextEvidence,
};
use crate::phrases::{
    self, find_with_model, matches_by_sentence, rule_evidence, Category, RuleSet,
};
use crate::sentences::sentences;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// An n-gram or rule id must occur in at least this many training documents to be a feature.
pub const MIN_DOCUMENTS: usize = 2;
/// An n-gram whose stage-1 weight is smaller than this is left out of the model.
pub const MIN_GRAM_WEIGHT: f64 = 0.05;
/// An n-gram seen inside annotated formulas less often than this share of its occurrences is
/// left out of the phrase table: it could not raise a sentence's phrase features.
pub const MIN_PHRASE_RATIO: f64 = 0.25;
/// Folds of the training documents for stage 2's inputs.
pub const INNER_FOLDS: usize = 5;
/// L2 penalty per unit of sample weight.
const L2: f64 = 1e-3;
/// Adam's steps and step size.
const STEPS: usize = 400;
const RATE: f64 = 0.05;
/// Whether stage 2 weighs hat, boot and stock equally (else as often as they occur).
const BALANCED_ROLES: bool = true;

/// A sentence's label in the annotated corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    Hat,
    Boot,
    Stock,
    None,
}

/// One annotated document.
#[derive(Clone, Debug)]
pub struct Document {
    pub name: String,
    pub text: String,
    /// One label per sentence of [`sentences`](crate::sentences::sentences)`(text)`.
    pub labels: Vec<Label>,
    /// The removable formulas the annotators marked in each sentence.
    pub phrases: Vec<Vec<String>>,
}

#[derive(Deserialize)]
struct AnnotationFile {
    sentences: Vec<AnnotatedSentence>,
}

#[derive(Deserialize)]
struct AnnotatedSentence {
    start: usize,
    end: usize,
    label: Label,
    #[serde(default)]
    phrases: Vec<String>,
}

/// Reads every annotated document of `dir` (`<name>.txt` and `annotations/<name>.json`), in
/// the order of their names.
///
/// # Errors
/// A message naming the file when one is missing or unreadable, or when the annotation's
/// sentences are not the engine's.
pub fn load_corpus(dir: &Path) -> Result<Vec<Document>, String> {
    let annotations = dir.join("annotations");
    let mut names: Vec<String> = std::fs::read_dir(&annotations)
        .map_err(|e| format!("{}: {e}", annotations.display()))?
        .filter_map(|e| {
            e.ok()?
                .file_name()
                .to_str()?
                .strip_suffix(".json")
                .map(String::from)
        })
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let read = |path: std::path::PathBuf| {
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
            };
            let text = read(dir.join(format!("{name}.txt")))?;
            let file: AnnotationFile =
                serde_json::from_str(&read(annotations.join(format!("{name}.json")))?)
                    .map_err(|e| format!("{name}.json: {e}"))?;
            let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            bytes.push(text.len());
            let ours: Vec<std::ops::Range<usize>> =
                sentences(&text).into_iter().map(|s| s.span).collect();
            let theirs: Vec<std::ops::Range<usize>> = file
                .sentences
                .iter()
                .map(|s| {
                    bytes.get(s.start).copied().unwrap_or(0)..bytes.get(s.end).copied().unwrap_or(0)
                })
                .collect();
            if ours != theirs {
                return Err(format!(
                    "{name}: the annotation's sentences are not the engine's"
                ));
            }
            Ok(Document {
                labels: file.sentences.iter().map(|s| s.label).collect(),
                phrases: file.sentences.iter().map(|s| s.phrases.clone()).collect(),
                name,
                text,
            })
        })
        .collect()
}

/// A document turned into what training reads.
struct Prepared {
    positions: Vec<Position>,
    /// Stage 1's named features without the phrase features, which depend on the other
    /// documents (see [`Fitted`]).
    base: Vec<Named>,
    /// Each sentence's text.
    texts: Vec<String>,
    /// Whether each carries a number, a quantity or a deadline (see [`runs`]).
    concrete: Vec<bool>,
    /// Per n-gram: occurrences inside an annotated formula, and in all.
    counts: HashMap<String, (u32, u32)>,
    grams: Vec<Vec<String>>,
    rules: Vec<Vec<String>>,
    labels: Vec<Label>,
}

fn prepare(document: &Document) -> Prepared {
    let rules = RuleSet::default();
    let text = &document.text;
    let sentences = sentences(text);
    let shapes = phrases::shapes(text, &sentences);
    let empty = RoleModel::empty();
    let evidence_of_texts: Vec<TextEvidence> = sentences
        .iter()
        .map(|s| TextEvidence::new(&text[s.span.clone()], &empty))
        .collect();
    let lead_ins: Vec<bool> = evidence_of_texts
        .iter()
        .map(|t| is_lead_in(&t.named))
        .collect();
    let positions = positions(text, &sentences, &shapes, &lead_ins);
    let (matches, owner) = matches_by_sentence(text, &sentences, &rules);
    let (evidence, rule_ids) = rule_evidence(text, &sentences, &rules, &matches, &owner);
    let mut base = Vec::new();
    let mut all_grams = Vec::new();
    let mut texts = Vec::new();
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for (i, sentence) in sentences.iter().enumerate() {
        let s = &text[sentence.span.clone()];
        base.push(first_features(
            &positions[i],
            &evidence_of_texts[i],
            &evidence[i],
        ));
        all_grams.push(grams(s).map(|(_, g)| g.to_string()).collect());
        // The bytes of the sentence inside one of its annotated formulas.
        let mut inside = vec![false; s.len()];
        for phrase in &document.phrases[i] {
            if let Some(at) = s.find(phrase.as_str()) {
                inside[at..at + phrase.len()]
                    .iter_mut()
                    .for_each(|b| *b = true);
            }
        }
        for (at, gram) in grams(s) {
            let entry = counts.entry(gram.to_string()).or_default();
            entry.0 += u32::from(inside[at..at + gram.len()].iter().all(|&b| b));
            entry.1 += 1;
        }
        texts.push(s.to_string());
    }
    Prepared {
        concrete: evidence_of_texts
            .iter()
            .map(|t| is_concrete(&t.named))
            .collect(),
        positions,
        base,
        texts,
        counts,
        grams: all_grams,
        rules: rule_ids
            .into_iter()
            .map(|r| r.into_iter().map(String::from).collect())
            .collect(),
        labels: document.labels.clone(),
    }
}

/// A prepared document with its phrase features, worked out from the formulas annotated in the
/// other training documents only.
struct Fitted<'a> {
    doc: &'a Prepared,
    firsts: Vec<Named>,
}

impl std::ops::Deref for Fitted<'_> {
    type Target = Prepared;
    fn deref(&self) -> &Prepared {
        self.doc
    }
}

/// How often each n-gram stands inside an annotated formula, over a set of documents.
struct PhraseTable {
    counts: HashMap<String, (u32, u32, u32)>,
}

impl PhraseTable {
    fn new(documents: &[&Prepared]) -> PhraseTable {
        let mut counts: HashMap<String, (u32, u32, u32)> = HashMap::new();
        for d in documents {
            for (gram, &(inside, all)) in &d.counts {
                let entry = counts.entry(gram.clone()).or_default();
                entry.0 += inside;
                entry.1 += all;
                entry.2 += 1;
            }
        }
        PhraseTable { counts }
    }

    /// The share of an n-gram's occurrences inside a formula, smoothed, leaving out document
    /// `without` (whose own labels must not describe it); 0 for an n-gram of fewer than
    /// [`MIN_DOCUMENTS`] documents.
    fn ratio(&self, gram: &str, without: Option<&Prepared>) -> f64 {
        let Some(&(mut inside, mut all, mut documents)) = self.counts.get(gram) else {
            return 0.0;
        };
        if let Some(&(i, a)) = without.and_then(|d| d.counts.get(gram)) {
            inside -= i;
            all -= a;
            documents -= 1;
        }
        if (documents as usize) < MIN_DOCUMENTS {
            return 0.0;
        }
        (inside as f64 + 0.1) / (all as f64 + 1.0)
    }

    /// Every document's stage-1 features, its phrase features from the other documents.
    fn fit<'a>(&self, documents: &[&'a Prepared]) -> Vec<Fitted<'a>> {
        documents
            .iter()
            .map(|&doc| Fitted {
                doc,
                firsts: (0..doc.labels.len())
                    .map(|i| {
                        let phrase = phrase_features(&doc.texts[i], &|g| self.ratio(g, Some(doc)));
                        with_phrase(&doc.base[i], &phrase)
                    })
                    .collect(),
            })
            .collect()
    }
}

/// The strings of the per-document sets `per_document` that occur in at least
/// [`MIN_DOCUMENTS`] of them, sorted (so that columns are numbered the same in every run).
fn in_enough_documents<'a>(per_document: impl Iterator<Item = HashSet<&'a str>>) -> Vec<&'a str> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for distinct in per_document {
        for s in distinct {
            *seen.entry(s).or_default() += 1;
        }
    }
    let mut kept: Vec<&str> = seen
        .into_iter()
        .filter(|&(_, n)| n >= MIN_DOCUMENTS)
        .map(|(s, _)| s)
        .collect();
    kept.sort_unstable();
    kept
}

/// The columns of stage 1: named features, then rule ids, then n-grams.
struct Vocabulary {
    rules: HashMap<String, usize>,
    grams: HashMap<String, usize>,
}

impl Vocabulary {
    fn new(documents: &[&Fitted]) -> Vocabulary {
        let frequent = |pick: &dyn Fn(&Prepared) -> &Vec<Vec<String>>| {
            in_enough_documents(
                documents
                    .iter()
                    .map(|d| pick(d).iter().flatten().map(String::as_str).collect()),
            )
        };
        let rules = frequent(&|d| &d.rules);
        let grams = frequent(&|d| &d.grams);
        let named = SPACE.len();
        Vocabulary {
            rules: rules
                .iter()
                .enumerate()
                .map(|(i, r)| (r.to_string(), named + i))
                .collect(),
            grams: grams
                .iter()
                .enumerate()
                .map(|(i, g)| (g.to_string(), named + rules.len() + i))
                .collect(),
        }
    }

    fn width(&self) -> usize {
        SPACE.len() + self.rules.len() + self.grams.len()
    }

    fn row(&self, d: &Fitted, i: usize) -> Vec<(usize, f64)> {
        let mut row: Vec<(usize, f64)> =
            d.firsts[i].iter().map(|&(j, v)| (j as usize, v)).collect();
        row.extend(
            d.rules[i]
                .iter()
                .filter_map(|r| self.rules.get(r))
                .map(|&j| (j, 1.0)),
        );
        row.extend(
            d.grams[i]
                .iter()
                .filter_map(|g| self.grams.get(g))
                .map(|&j| (j, 1.0)),
        );
        row
    }
}

/// Fits a softmax regression with `classes` outputs (a logistic regression when 1: the weights
/// then score class 1 against 0) to `rows` with targets `y` in `0..max(classes, 2)`, each class
/// weighted to the same total when `balanced`, by full-batch Adam. Returns weights `[feature][class]`.
fn fit(
    rows: &[Vec<(usize, f64)>],
    y: &[usize],
    width: usize,
    classes: usize,
    balanced: bool,
) -> Vec<Vec<f64>> {
    let outputs = classes.max(2);
    let mut totals = vec![0usize; outputs];
    y.iter().for_each(|&c| totals[c] += 1);
    let present = totals.iter().filter(|&&t| t > 0).count().max(1);
    let sample_weight: Vec<f64> = y
        .iter()
        .map(|&c| {
            if balanced {
                rows.len() as f64 / (present as f64 * totals[c] as f64)
            } else {
                1.0
            }
        })
        .collect();
    let norm: f64 = sample_weight.iter().sum::<f64>().max(1.0);
    let columns = if classes == 1 { 1 } else { classes };
    let mut w = vec![vec![0.0; columns]; width];
    let (mut m, mut v) = (
        vec![vec![0.0; columns]; width],
        vec![vec![0.0; columns]; width],
    );
    let (beta1, beta2, eps) = (0.9f64, 0.999f64, 1e-8);
    let bias = SPACE.bias;
    for step in 1..=STEPS {
        let mut grad = vec![vec![0.0; columns]; width];
        for ((row, &target), &weight) in rows.iter().zip(y).zip(&sample_weight) {
            let mut scores = vec![0.0; columns];
            for &(j, x) in row {
                for (s, wj) in scores.iter_mut().zip(&w[j]) {
                    *s += wj * x;
                }
            }
            let errors: Vec<f64> = if classes == 1 {
                vec![sigmoid(scores[0]) - target as f64]
            } else {
                let top = scores.iter().cloned().fold(f64::MIN, f64::max);
                let exp: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
                let sum: f64 = exp.iter().sum();
                exp.iter()
                    .enumerate()
                    .map(|(c, e)| e / sum - f64::from(u8::from(c == target)))
                    .collect()
            };
            for &(j, x) in row {
                for (g, e) in grad[j].iter_mut().zip(&errors) {
                    *g += weight * e * x / norm;
                }
            }
        }
        let (c1, c2) = (1.0 - beta1.powi(step as i32), 1.0 - beta2.powi(step as i32));
        for j in 0..width {
            for c in 0..columns {
                let g = grad[j][c] + if j == bias { 0.0 } else { L2 * w[j][c] };
                if g == 0.0 && w[j][c] == 0.0 {
                    continue;
                }
                m[j][c] = beta1 * m[j][c] + (1.0 - beta1) * g;
                v[j][c] = beta2 * v[j][c] + (1.0 - beta2) * g * g;
                w[j][c] -= RATE * (m[j][c] / c1) / ((v[j][c] / c2).sqrt() + eps);
            }
        }
    }
    w
}

/// A fitted stage 1: its vocabulary and weights.
struct FirstStage {
    vocabulary: Vocabulary,
    weights: Vec<Vec<f64>>,
}

impl FirstStage {
    fn train(documents: &[&Fitted]) -> FirstStage {
        let vocabulary = Vocabulary::new(documents);
        let mut rows = Vec::new();
        let mut y = Vec::new();
        for d in documents {
            for i in 0..d.labels.len() {
                rows.push(vocabulary.row(d, i));
                y.push(usize::from(d.labels[i] != Label::None));
            }
        }
        let weights = fit(&rows, &y, vocabulary.width(), 1, true);
        FirstStage {
            vocabulary,
            weights,
        }
    }

    fn probabilities(&self, d: &Fitted) -> Vec<f64> {
        (0..d.labels.len())
            .map(|i| {
                sigmoid(
                    self.vocabulary
                        .row(d, i)
                        .iter()
                        .map(|&(j, x)| self.weights[j][0] * x)
                        .sum(),
                )
            })
            .collect()
    }
}

fn second_rows(
    d: &Fitted,
    probabilities: &[f64],
    grams: &HashMap<String, usize>,
) -> Vec<Vec<(usize, f64)>> {
    let runs = runs(&d.positions, probabilities, &d.concrete);
    (0..d.labels.len())
        .map(|i| {
            let mut row: Vec<(usize, f64)> =
                second_features(&d.firsts[i], probabilities[i], runs[i])
                    .into_iter()
                    .map(|(j, x)| (j as usize, x))
                    .collect();
            row.extend(
                d.grams[i]
                    .iter()
                    .filter_map(|g| grams.get(g))
                    .map(|&j| (j, 1.0)),
            );
            row
        })
        .collect()
}

/// The n-grams of stage 2: those of boilerplate sentences in at least [`MIN_DOCUMENTS`]
/// documents, numbered after the named features.
fn role_grams(documents: &[&Fitted]) -> HashMap<String, usize> {
    let kept = in_enough_documents(documents.iter().map(|d| {
        (0..d.labels.len())
            .filter(|&i| d.labels[i] != Label::None)
            .flat_map(|i| d.grams[i].iter().map(String::as_str))
            .collect()
    }));
    kept.into_iter()
        .enumerate()
        .map(|(i, g)| (g.to_string(), SPACE.len() + i))
        .collect()
}

fn train_prepared(documents: &[&Prepared]) -> RoleModel {
    let table = PhraseTable::new(documents);
    let fitted = table.fit(documents);
    let documents: Vec<&Fitted> = fitted.iter().collect();
    // Stage 2's inputs: stage 1's probabilities for text it did not see.
    let grams = role_grams(&documents);
    let mut rows = Vec::new();
    let mut y = Vec::new();
    for fold in 0..INNER_FOLDS {
        let train: Vec<&Fitted> = documents
            .iter()
            .enumerate()
            .filter(|(i, _)| i % INNER_FOLDS != fold)
            .map(|(_, d)| *d)
            .collect();
        let held: Vec<&Fitted> = documents
            .iter()
            .enumerate()
            .filter(|(i, _)| i % INNER_FOLDS == fold)
            .map(|(_, d)| *d)
            .collect();
        if held.is_empty() {
            continue;
        }
        let first = FirstStage::train(&train);
        for d in held {
            let probabilities = first.probabilities(d);
            for (i, row) in second_rows(d, &probabilities, &grams)
                .into_iter()
                .enumerate()
            {
                let role = match d.labels[i] {
                    Label::Hat => 0,
                    Label::Boot => 1,
                    Label::Stock => 2,
                    Label::None => continue,
                };
                rows.push(row);
                y.push(role);
            }
        }
    }
    let second = fit(&rows, &y, SPACE.len() + grams.len(), 3, BALANCED_ROLES);
    let first = FirstStage::train(&documents);

    let mut model = RoleModel::empty();
    for gram in table.counts.keys() {
        let ratio = table.ratio(gram, None);
        if ratio >= MIN_PHRASE_RATIO {
            model.phrase_ratios.insert(gram.as_str().into(), ratio);
        }
    }
    for (j, weights) in first.weights.iter().enumerate().take(SPACE.len()) {
        model.first_named[j] = weights[0];
    }
    for (rule, &j) in &first.vocabulary.rules {
        model
            .first_rules
            .insert(rule.as_str().into(), first.weights[j][0]);
    }
    for (gram, &j) in &first.vocabulary.grams {
        // Thousands of n-grams carry next to nothing: left out, the model is a third of the size.
        if first.weights[j][0].abs() >= MIN_GRAM_WEIGHT {
            model
                .first_grams
                .insert(gram.as_str().into(), first.weights[j][0]);
        }
    }
    for (j, weights) in second.iter().enumerate().take(SPACE.len()) {
        model.second_named[j] = [weights[0], weights[1], weights[2]];
    }
    for (gram, &j) in &grams {
        let w = [second[j][0], second[j][1], second[j][2]];
        if w.iter().any(|x| x.abs() >= MIN_GRAM_WEIGHT) {
            model.second_grams.insert(gram.as_str().into(), w);
        }
    }
    // The file rounds to 4 decimals: the model in use is the model in the file.
    RoleModel::parse(&model.to_data("")).expect("a written model reads back")
}

/// Learns the role model from `documents`.
pub fn train(documents: &[Document]) -> RoleModel {
    let prepared: Vec<Prepared> = documents.iter().map(prepare).collect();
    train_prepared(&prepared.iter().collect::<Vec<_>>())
}

/// Counts of one yes/no call against the labels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl Tally {
    fn add(&mut self, predicted: bool, actual: bool) {
        match (predicted, actual) {
            (true, true) => self.true_positives += 1,
            (true, false) => self.false_positives += 1,
            (false, true) => self.false_negatives += 1,
            (false, false) => {}
        }
    }

    fn plus(self, other: Tally) -> Tally {
        Tally {
            true_positives: self.true_positives + other.true_positives,
            false_positives: self.false_positives + other.false_positives,
            false_negatives: self.false_negatives + other.false_negatives,
        }
    }

    /// 1 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        let predicted = self.true_positives + self.false_positives;
        if predicted == 0 {
            1.0
        } else {
            self.true_positives as f64 / predicted as f64
        }
    }

    /// 1 when nothing was to be found.
    pub fn recall(&self) -> f64 {
        let actual = self.true_positives + self.false_negatives;
        if actual == 0 {
            1.0
        } else {
            self.true_positives as f64 / actual as f64
        }
    }
}

/// How the highlights of one document agree with its labels, per sentence, as
/// `docs/reference/boilerplate.md` defines it: a sentence is flagged when any highlight
/// overlaps it; hat/boot counts only highlights of those categories.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Score {
    pub document: String,
    /// Flagged against `label != none`.
    pub flagged: Tally,
    /// A hat or boot highlight against a hat or boot label.
    pub hat_boot: Tally,
    pub hat: Tally,
    pub boot: Tally,
    /// A stock, intensifier or slogan highlight (and no hat or boot) against a stock label.
    pub stock: Tally,
    /// Each sentence where the highlights and the label disagree: its index, label, the
    /// categories found and its text.
    pub disagreements: Vec<String>,
}

impl Score {
    fn plus(&self, other: &Score) -> Score {
        Score {
            document: String::new(),
            flagged: self.flagged.plus(other.flagged),
            hat_boot: self.hat_boot.plus(other.hat_boot),
            hat: self.hat.plus(other.hat),
            boot: self.boot.plus(other.boot),
            stock: self.stock.plus(other.stock),
            disagreements: Vec::new(),
        }
    }
}

/// Scores `document` with `model`, through the same path as the app ([`find_with_model`]).
pub fn score(document: &Document, model: &RoleModel) -> Score {
    let text = &document.text;
    let findings = find_with_model(text, &RuleSet::default(), model);
    let mut score = Score {
        document: document.name.clone(),
        ..Score::default()
    };
    for (sentence, &label) in sentences(text).iter().zip(&document.labels) {
        let found: Vec<Category> = findings
            .highlights
            .iter()
            .filter(|h| h.span.start < sentence.span.end && sentence.span.start < h.span.end)
            .map(|h| h.category)
            .collect();
        let has = |c: Category| found.contains(&c);
        let hat_or_boot = has(Category::Hat) || has(Category::Boot);
        score.flagged.add(!found.is_empty(), label != Label::None);
        score
            .hat_boot
            .add(hat_or_boot, matches!(label, Label::Hat | Label::Boot));
        score.hat.add(has(Category::Hat), label == Label::Hat);
        score.boot.add(has(Category::Boot), label == Label::Boot);
        score
            .stock
            .add(!found.is_empty() && !hat_or_boot, label == Label::Stock);
        let role_found = if has(Category::Hat) {
            Some(Label::Hat)
        } else if has(Category::Boot) {
            Some(Label::Boot)
        } else if found.is_empty() {
            Some(Label::None)
        } else {
            None
        };
        let agrees = match role_found {
            Some(role) => role == label,
            None => label == Label::Stock,
        };
        if !agrees {
            let categories: Vec<&str> = found.iter().map(|c| c.as_str()).collect();
            score.disagreements.push(format!(
                "{} {:?} → {:?}: {}",
                document.name,
                label,
                categories,
                text[sentence.span.clone()].trim()
            ));
        }
    }
    score
}

/// What [`cross_validate`] measures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evaluation {
    /// Each document scored by a model trained on all the others.
    pub held_out: Vec<Score>,
    /// Each document scored by the model trained on all documents (the data it was fit to).
    pub fit: Vec<Score>,
}

impl Evaluation {
    pub fn pooled_held_out(&self) -> Score {
        pool(&self.held_out)
    }

    pub fn pooled_fit(&self) -> Score {
        pool(&self.fit)
    }
}

fn pool(scores: &[Score]) -> Score {
    scores.iter().fold(Score::default(), |sum, s| sum.plus(s))
}

/// Leave-one-document-out: for each document, a model trained on all the others scores it.
/// Also scores every document with the model trained on all of them, for comparison.
pub fn cross_validate(documents: &[Document]) -> Evaluation {
    let prepared: Vec<Prepared> = documents.iter().map(prepare).collect();
    let held_out = (0..documents.len())
        .map(|k| {
            let others: Vec<&Prepared> = prepared
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != k)
                .map(|(_, p)| p)
                .collect();
            score(&documents[k], &train_prepared(&others))
        })
        .collect();
    let all = train_prepared(&prepared.iter().collect::<Vec<_>>());
    let fit = documents.iter().map(|d| score(d, &all)).collect();
    Evaluation { held_out, fit }
}

/// A table of the figures, pooled and per document, held out and fit, for the terminal.
pub fn report(evaluation: &Evaluation) -> String {
    let mut out = String::new();
    let line = |s: &Score| {
        let pr = |t: &Tally| format!("{:.3} {:.3}", t.precision(), t.recall());
        format!(
            "{:<58} {}   {}   {}   {}   {}\n",
            s.document,
            pr(&s.flagged),
            pr(&s.hat_boot),
            pr(&s.hat),
            pr(&s.boot),
            pr(&s.stock)
        )
    };
    let header = format!(
        "{:<58} {}   {}   {}   {}   {}\n",
        "document", "flagged P/R", "hat+boot P/R", "  hat P/R  ", " boot P/R  ", " stock P/R"
    );
    out.push_str("Held out (each document scored by a model trained on the others):\n");
    out.push_str(&header);
    for s in &evaluation.held_out {
        out.push_str(&line(s));
    }
    let mut pooled = evaluation.pooled_held_out();
    pooled.document = "POOLED, held out".into();
    out.push_str(&line(&pooled));
    let mut fit = evaluation.pooled_fit();
    fit.document = "POOLED, fit (model trained on every document)".into();
    out.push_str(&line(&fit));
    out
}
