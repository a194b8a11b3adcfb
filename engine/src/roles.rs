//! Sentence roles: which sentences are 戴帽 (hat), 穿靴 (boot), 套话 (stock) or content.
//!
//! The phrase rules find formulas; whether a sentence is boilerplate, and which kind, depends on
//! more than any list can hold: where the sentence stands (the opening of the document or of a
//! top-level section, the close of a part), what it carries (numbers, deadlines, named bodies,
//! rules), and wording no list names. A small model learned from the annotated corpus weighs all
//! of it (see [`model`] for its two stages, [`train`] for how it is learned and evaluated).
//!
//! Its figures are measured on documents it did not see: `cargo xtask eval-boilerplate` trains
//! on all documents but one and scores that one, for each document in turn.

pub(crate) mod features;
pub mod model;
pub(crate) mod space;
pub mod train;

use crate::phrases::Category;
use features::{grams, position_features, text_features, Position};
use model::{sigmoid, Named, RoleModel};
use space::{DICTIONARY, SPACE};
use std::ops::Range;

/// A stage-1 probability at least this high makes a sentence boilerplate.
pub const FORMULA_PROBABILITY: f64 = 0.5;

/// What the model reads of a sentence's own text: the same whatever surrounds it, so the
/// incremental analyser keeps it per paragraph.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TextEvidence {
    /// Named features of the text (content flags, length, four-字 clauses).
    pub(crate) named: Vec<u16>,
    /// The n-grams' share of stage 1's log-odds.
    pub(crate) grams: f64,
    /// The n-grams' share of stage 2's scores of hat, boot and stock.
    pub(crate) role_grams: [f64; 3],
    /// The n-gram that weighs most towards formula, relative to the sentence, if any does.
    pub(crate) strongest: Option<Range<usize>>,
    /// The phrase features: how much of it is wording that mostly stands inside annotated
    /// formulas.
    pub(crate) phrase: [u16; 2],
    /// The clause whose n-grams weigh most towards formula, relative to the sentence: what a
    /// stock highlight covers when no phrase rule matched.
    pub(crate) clause: Option<Range<usize>>,
}

impl TextEvidence {
    pub(crate) fn new(sentence: &str, model: &RoleModel) -> TextEvidence {
        let mut per_byte = vec![0.0f64; sentence.len()];
        let mut total = 0.0;
        let mut strongest: Option<(f64, Range<usize>)> = None;
        let mut role_grams = [0.0; 3];
        for (at, gram) in grams(sentence) {
            for (sum, w) in role_grams.iter_mut().zip(model.second_gram(gram)) {
                *sum += w;
            }
            let w = model.gram(gram);
            if w == 0.0 {
                continue;
            }
            total += w;
            per_byte[at] += w;
            if w > 0.0 && strongest.as_ref().is_none_or(|(best, _)| w > *best) {
                strongest = Some((w, at..at + gram.len()));
            }
        }
        let mut clause: Option<(f64, Range<usize>)> = None;
        let mut start = 0;
        for (at, c) in sentence.char_indices().chain([(sentence.len(), '。')]) {
            if matches!(
                c,
                '，' | '、' | '；' | '：' | '。' | '！' | '？' | ',' | ';' | ':' | '!' | '?'
            ) {
                let weight: f64 = per_byte[start..at].iter().sum();
                let span = trimmed(sentence, start..at);
                if weight > 0.0
                    && !span.is_empty()
                    && clause.as_ref().is_none_or(|(best, _)| weight > *best)
                {
                    clause = Some((weight, span));
                }
                start = at + c.len_utf8();
            }
        }
        TextEvidence {
            named: text_features(sentence),
            phrase: phrase_features(sentence, &|g| model.phrase_ratio(g)),
            grams: total,
            role_grams,
            strongest: strongest.map(|(_, span)| span),
            clause: clause.map(|(_, span)| span),
        }
    }
}

/// A sentence's phrase features (see [`space::Space::phrase_cover`]) under `ratio`, the share of
/// an n-gram's occurrences inside annotated formulas.
pub(crate) fn phrase_features(sentence: &str, ratio: &dyn Fn(&str) -> f64) -> [u16; 2] {
    let s = &*SPACE;
    let mut cover = vec![0.0f64; sentence.len()];
    let mut best = 0.0f64;
    for (at, gram) in grams(sentence) {
        let r = ratio(gram);
        if r > 0.0 {
            best = best.max(r);
            cover[at..at + gram.len()]
                .iter_mut()
                .for_each(|c| *c = c.max(r));
        }
    }
    let (mut hanzi, mut covered) = (0usize, 0usize);
    for (at, c) in sentence.char_indices() {
        if features::is_hanzi(c) {
            hanzi += 1;
            covered += usize::from(cover[at] >= 0.5);
        }
    }
    let quarter = |x: f64| ((x * 4.0) as usize).min(3);
    let share = if hanzi == 0 {
        0.0
    } else {
        covered as f64 / hanzi as f64
    };
    [
        (s.phrase_cover + quarter(share)) as u16,
        (s.phrase_best + quarter(best)) as u16,
    ]
}

/// Stage 1's named features with the phrase features added.
pub(crate) fn with_phrase(named: &Named, phrase: &[u16; 2]) -> Named {
    let mut out = named.clone();
    out.extend(phrase.iter().map(|&i| (i, 1.0)));
    out
}

/// `span` of `s` without surrounding whitespace and quotes.
fn trimmed(s: &str, span: Range<usize>) -> Range<usize> {
    let part = &s[span.clone()];
    let lead = part.len()
        - part
            .trim_start_matches(|c: char| c.is_whitespace() || "“‘\"'".contains(c))
            .len();
    let tail = part.len()
        - part
            .trim_end_matches(|c: char| c.is_whitespace() || "”’\"'".contains(c))
            .len();
    if lead + tail >= part.len() {
        return span.start..span.start;
    }
    span.start + lead..span.end - tail
}

/// The phrase rules' matches in a sentence, as evidence.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct RuleEvidence {
    /// Which categories matched: bit `i` for `DICTIONARY[i]`.
    pub(crate) categories: u8,
    /// Share of the sentence's letters and 汉字 inside matches.
    pub(crate) share: f64,
}

impl RuleEvidence {
    pub(crate) fn add(&mut self, category: Category) {
        let i = DICTIONARY
            .iter()
            .position(|&c| c == category.as_str())
            .unwrap_or(0);
        self.categories |= 1 << i;
    }
}

/// The role the model gives a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Hat,
    Boot,
    Stock,
}

/// Stage 1's named features of a sentence.
pub(crate) fn first_features(
    position: &Position,
    text: &TextEvidence,
    rules: &RuleEvidence,
) -> Named {
    let mut named = Vec::new();
    first_features_into(position, text, rules, &mut Vec::new(), &mut named);
    named
}

/// [`first_features`] into `out`, with `scratch` for the indices: the analysis scores every
/// sentence on every keystroke, and two allocations per sentence were most of that cost.
pub(crate) fn first_features_into(
    position: &Position,
    text: &TextEvidence,
    rules: &RuleEvidence,
    scratch: &mut Vec<u16>,
    out: &mut Named,
) {
    let s = &*SPACE;
    scratch.clear();
    scratch.push(s.bias as u16);
    position_features(position, scratch);
    scratch.extend(&text.named);
    for (i, _) in DICTIONARY.iter().enumerate() {
        if rules.categories & (1 << i) != 0 {
            scratch.push((s.dictionary + i) as u16);
        }
    }
    out.clear();
    out.extend(scratch.iter().map(|&i| (i, 1.0)));
    if rules.share > 0.0 {
        out.push((s.formula_share as u16, rules.share));
    }
}

/// Stage 2's named features: stage 1's, its probability, and the runs of likely formula.
pub(crate) fn second_features(first: &Named, probability: f64, run: (bool, bool)) -> Named {
    let s = &*SPACE;
    let mut named = first.clone();
    named.push((s.formula_probability as u16, probability));
    if run.0 {
        named.push((s.run_from_start as u16, 1.0));
    }
    if run.1 {
        named.push((s.run_to_end as u16, 1.0));
    }
    named
}

/// For each sentence, whether every body sentence between the start of its part and it (in the
/// part's own preamble, before any lower-level heading) is likely formula or carries nothing
/// concrete, or it is at or before the document's lead-in; and whether every one between it and
/// the end of its part is.
pub(crate) fn runs(
    positions: &[Position],
    probabilities: &[f64],
    concrete: &[bool],
) -> Vec<(bool, bool)> {
    let n = positions.len();
    // A sentence keeps a run going when it is likely formula, or when it carries nothing
    // concrete (no number, no deadline): background and situation statements belong to a
    // preamble even where wording alone does not give them away.
    let continues = |i: usize| probabilities[i] >= FORMULA_PROBABILITY || !concrete[i];
    let mut out = vec![(false, false); n];
    let mut all_before = true;
    for i in 0..n {
        let Some(place) = positions[i].place else {
            continue;
        };
        if place.from_start == 0 {
            all_before = true;
        }
        // The document's preamble runs up to its lead-in (现就……如下) whatever stands before it:
        // background may precede the basis sentence.
        out[i].0 = (all_before && place.before_sub) || place.before_lead_in;
        all_before &= continues(i);
    }
    let mut all_after = true;
    for i in (0..n).rev() {
        let Some(place) = positions[i].place else {
            continue;
        };
        if place.from_end == 0 {
            all_after = true;
        }
        out[i].1 = all_after;
        all_after &= continues(i);
    }
    out
}

/// Whether a sentence's text features say it carries a number, a quantity or a deadline.
pub(crate) fn is_concrete(named: &[u16]) -> bool {
    let s = &*SPACE;
    let concrete = [s.flag, s.flag + 1, s.flag + 10].map(|i| i as u16);
    named.iter().any(|i| concrete.contains(i))
}

/// Whether a sentence's text features say it holds the lead-in to the instructions (现就……如下).
pub(crate) fn is_lead_in(named: &[u16]) -> bool {
    named.contains(&((SPACE.flag + 8) as u16))
}

/// What the model decides for one sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Decision {
    /// Stage 1's probability that it is formula.
    pub(crate) probability: f64,
    /// `None` for content.
    pub(crate) role: Option<Role>,
}

/// The role of every sentence. `rule_ids[i]` are the ids of the built-in rules matched in
/// sentence `i`.
pub(crate) fn decide(
    model: &RoleModel,
    positions: &[Position],
    texts: &[&TextEvidence],
    rules: &[RuleEvidence],
    rule_ids: &[Vec<&str>],
) -> Vec<Decision> {
    let (mut scratch, mut first) = (Vec::new(), Vec::new());
    let mut first_of = |i: usize, first: &mut Named| {
        first_features_into(&positions[i], texts[i], &rules[i], &mut scratch, first);
        first.extend(texts[i].phrase.iter().map(|&p| (p, 1.0)));
    };
    let probabilities: Vec<f64> = (0..positions.len())
        .map(|i| {
            first_of(i, &mut first);
            sigmoid(model.first(&first, texts[i].grams, &rule_ids[i]))
        })
        .collect();
    let concrete: Vec<bool> = texts.iter().map(|t| is_concrete(&t.named)).collect();
    let runs = runs(positions, &probabilities, &concrete);
    (0..positions.len())
        .map(|i| {
            let probability = probabilities[i];
            let role = (probability >= FORMULA_PROBABILITY).then(|| {
                first_of(i, &mut first);
                let scores = model.second(
                    &second_features(&first, probability, runs[i]),
                    texts[i].role_grams,
                );
                let best =
                    (0..3).fold(2, |best, r| if scores[r] > scores[best] { r } else { best });
                // The guideline's definition, not a fitted rule: a hat opens a part (every body
                // sentence before it in the part's preamble is formula too), a boot closes one.
                match [Role::Hat, Role::Boot, Role::Stock][best] {
                    Role::Hat if !runs[i].0 => Role::Stock,
                    Role::Boot if !runs[i].1 => Role::Stock,
                    role => role,
                }
            });
            Decision { probability, role }
        })
        .collect()
}
