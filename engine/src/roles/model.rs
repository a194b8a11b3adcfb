//! The two linear models of sentence roles and their data file.
//!
//! - **Stage 1, formula or not:** logistic regression over the named features (position,
//!   content, the phrase rules' categories, how much of the sentence is wording that mostly stands
//!   inside annotated formulas), the phrase rules' ids and character n-grams. Its
//!   probability says whether a sentence is boilerplate at all (hat, boot or stock).
//! - **Stage 2, which role:** multinomial logistic regression over hat, boot and stock, from the
//!   named features and n-grams, plus stage 1's probability and whether the sentences
//!   between it and the start (or end) of its part are likely formula too: a run of preamble is a
//!   hat, a run of flourish closing a part is a boot, formula elsewhere is stock.
//!
//! The weights are data (`data/roles-model.tsv`), written by `cargo xtask train-boilerplate`
//! from the annotated corpus and compiled in.

use super::space::SPACE;
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::LazyLock;

/// A sparse feature vector of named features: index into [`SPACE`] and value.
pub(crate) type Named = Vec<(u16, f64)>;

/// The weights of both stages.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RoleModel {
    pub(crate) first_named: Vec<f64>,
    pub(crate) first_grams: HashMap<Box<str>, f64>,
    pub(crate) first_rules: HashMap<Box<str>, f64>,
    pub(crate) second_named: Vec<[f64; 3]>,
    pub(crate) second_grams: HashMap<Box<str>, [f64; 3]>,
    /// Per n-gram, the share of its occurrences in the corpus that stand inside an annotated
    /// formula: what the phrase features of a sentence are made of.
    pub(crate) phrase_ratios: HashMap<Box<str>, f64>,
}

impl RoleModel {
    pub(crate) fn empty() -> RoleModel {
        RoleModel {
            first_named: vec![0.0; SPACE.len()],
            second_named: vec![[0.0; 3]; SPACE.len()],
            ..RoleModel::default()
        }
    }

    /// Parses the model file.
    ///
    /// # Errors
    /// The line and what is wrong with it.
    pub fn parse(data: &str) -> Result<RoleModel, String> {
        let mut model = RoleModel::empty();
        for (number, line) in data.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let bad = |what: &str| format!("roles model line {}: {what}: {line}", number + 1);
            let weight = |s: &str| s.parse::<f64>().map_err(|_| bad("not a number"));
            match fields.as_slice() {
                ["1", name, w] => {
                    let i = SPACE.index(name).ok_or_else(|| bad("unknown feature"))?;
                    model.first_named[i] = weight(w)?;
                }
                ["1g", gram, w] => {
                    model.first_grams.insert((*gram).into(), weight(w)?);
                }
                ["1r", rule, w] => {
                    model.first_rules.insert((*rule).into(), weight(w)?);
                }
                ["2", name, h, b, s] => {
                    let i = SPACE.index(name).ok_or_else(|| bad("unknown feature"))?;
                    model.second_named[i] = [weight(h)?, weight(b)?, weight(s)?];
                }
                ["p", gram, r] => {
                    model.phrase_ratios.insert((*gram).into(), weight(r)?);
                }
                ["2g", gram, h, b, s] => {
                    model
                        .second_grams
                        .insert((*gram).into(), [weight(h)?, weight(b)?, weight(s)?]);
                }
                _ => return Err(bad("not a model line")),
            }
        }
        Ok(model)
    }

    /// The model file: stage 1's named, rule and n-gram weights, then stage 2's; zero weights
    /// left out, everything sorted, so that retraining on the same corpus writes the same file.
    pub fn to_data(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            let _ = writeln!(out, "# {line}");
        }
        // Two decimals: a weight's third decimal moves no decision, and the file is a fifth
        // smaller (it is compiled into the page the user loads).
        let w = |x: f64| format!("{x:.2}");
        let nonzero = |x: f64| w(x) != "0.00" && w(x) != "-0.00";
        for (i, &x) in self.first_named.iter().enumerate() {
            if nonzero(x) {
                let _ = writeln!(out, "1\t{}\t{}", SPACE.names[i], w(x));
            }
        }
        let mut rules: Vec<_> = self
            .first_rules
            .iter()
            .filter(|(_, &x)| nonzero(x))
            .collect();
        rules.sort_by(|a, b| a.0.cmp(b.0));
        for (rule, &x) in rules {
            let _ = writeln!(out, "1r\t{rule}\t{}", w(x));
        }
        let mut grams: Vec<_> = self
            .first_grams
            .iter()
            .filter(|(_, &x)| nonzero(x))
            .collect();
        grams.sort_by(|a, b| a.0.cmp(b.0));
        for (gram, &x) in grams {
            let _ = writeln!(out, "1g\t{gram}\t{}", w(x));
        }
        for (i, x) in self.second_named.iter().enumerate() {
            if x.iter().any(|&v| nonzero(v)) {
                let _ = writeln!(
                    out,
                    "2\t{}\t{}\t{}\t{}",
                    SPACE.names[i],
                    w(x[0]),
                    w(x[1]),
                    w(x[2])
                );
            }
        }
        let mut grams: Vec<_> = self
            .second_grams
            .iter()
            .filter(|(_, x)| x.iter().any(|&v| nonzero(v)))
            .collect();
        grams.sort_by(|a, b| a.0.cmp(b.0));
        for (gram, x) in grams {
            let _ = writeln!(out, "2g\t{gram}\t{}\t{}\t{}", w(x[0]), w(x[1]), w(x[2]));
        }
        let mut ratios: Vec<_> = self.phrase_ratios.iter().collect();
        ratios.sort_by(|a, b| a.0.cmp(b.0));
        for (gram, &r) in ratios {
            let _ = writeln!(out, "p\t{gram}\t{r:.2}");
        }
        out
    }

    /// The share of an n-gram's occurrences inside annotated formulas, 0 for one not in the table.
    pub(crate) fn phrase_ratio(&self, gram: &str) -> f64 {
        self.phrase_ratios.get(gram).copied().unwrap_or(0.0)
    }

    /// The weight of an n-gram in stage 1, 0 for one the model does not know.
    pub(crate) fn gram(&self, gram: &str) -> f64 {
        self.first_grams.get(gram).copied().unwrap_or(0.0)
    }

    /// Stage 1's log-odds that a sentence is formula.
    pub(crate) fn first(&self, named: &[(u16, f64)], grams: f64, rules: &[&str]) -> f64 {
        let named: f64 = named
            .iter()
            .map(|&(i, v)| self.first_named[i as usize] * v)
            .sum();
        let rules: f64 = rules
            .iter()
            .map(|r| self.first_rules.get(*r).copied().unwrap_or(0.0))
            .sum();
        named + grams + rules
    }

    /// The weights of an n-gram in stage 2, zeros for one the model does not know.
    pub(crate) fn second_gram(&self, gram: &str) -> [f64; 3] {
        self.second_grams.get(gram).copied().unwrap_or([0.0; 3])
    }

    /// Stage 2's scores of hat, boot and stock, `grams` the n-grams' share.
    pub(crate) fn second(&self, named: &[(u16, f64)], grams: [f64; 3]) -> [f64; 3] {
        let mut scores = grams;
        for &(i, v) in named {
            for (s, w) in scores.iter_mut().zip(self.second_named[i as usize]) {
                *s += w * v;
            }
        }
        scores
    }
}

/// The model trained on the whole annotated corpus, compiled in.
pub(crate) static BUILTIN_MODEL: LazyLock<RoleModel> = LazyLock::new(|| {
    RoleModel::parse(include_str!("../../data/roles-model.tsv"))
        .expect("the built-in roles model is valid")
});

/// The logistic function.
pub(crate) fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}
