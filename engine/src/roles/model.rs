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
            let hundredths = |s: &str| {
                s.parse::<i32>()
                    .map(|h| f64::from(h) / 100.0)
                    .map_err(|_| bad("not a whole number of hundredths"))
            };
            match fields.as_slice() {
                ["1", name, w] => {
                    let i = SPACE.index(name).ok_or_else(|| bad("unknown feature"))?;
                    model.first_named[i] = weight(w)?;
                }
                ["1r", rule, w] => {
                    model.first_rules.insert((*rule).into(), weight(w)?);
                }
                ["2", name, h, b, s] => {
                    let i = SPACE.index(name).ok_or_else(|| bad("unknown feature"))?;
                    model.second_named[i] = [weight(h)?, weight(b)?, weight(s)?];
                }
                ["g", gram, rest @ ..] if !rest.is_empty() && rest.len() <= 3 => {
                    let field = |k: usize| rest.get(k).copied().filter(|f| !f.is_empty());
                    if let Some(q) = field(0) {
                        let quarter: u8 = q
                            .parse()
                            .ok()
                            .filter(|q| (1..=3).contains(q))
                            .ok_or_else(|| bad("a phrase quarter is 1, 2 or 3"))?;
                        model
                            .phrase_ratios
                            .insert((*gram).into(), f64::from(quarter) / 4.0);
                    }
                    if let Some(w) = field(1) {
                        model.first_grams.insert((*gram).into(), hundredths(w)?);
                    }
                    if let Some(roles) = field(2) {
                        let roles: Vec<f64> =
                            roles.split(' ').map(hundredths).collect::<Result<_, _>>()?;
                        let roles: [f64; 3] = roles
                            .try_into()
                            .map_err(|_| bad("stage 2 has three weights"))?;
                        model.second_grams.insert((*gram).into(), roles);
                    }
                }
                _ => return Err(bad("not a model line")),
            }
        }
        Ok(model)
    }

    /// The model file: stage 1's named and rule weights, stage 2's named weights, then one line
    /// per n-gram (its phrase quarter, stage 1 weight and stage 2 weights); zero weights left
    /// out, everything sorted, so that retraining on the same corpus writes the same file.
    ///
    /// The n-gram lines are most of the file, and the file is compiled into the page the user
    /// loads: each n-gram is written once, its weights in whole hundredths, and its phrase share
    /// as the quarter it falls in (all [`super::phrase_features`] reads of it).
    pub fn to_data(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            let _ = writeln!(out, "# {line}");
        }
        // Two decimals: a weight's third decimal moves no decision.
        let w = |x: f64| format!("{x:.2}");
        let nonzero = |x: f64| w(x) != "0.00" && w(x) != "-0.00";
        let hundredths = |x: f64| ((x * 100.0).round() as i32).to_string();
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
        let quarter = |r: f64| ((r * 4.0) as u8).min(3);
        let mut grams: Vec<&str> = self
            .first_grams
            .iter()
            .filter(|(_, &x)| nonzero(x))
            .map(|(g, _)| &**g)
            .chain(
                self.second_grams
                    .iter()
                    .filter(|(_, x)| x.iter().any(|&v| nonzero(v)))
                    .map(|(g, _)| &**g),
            )
            .chain(
                self.phrase_ratios
                    .iter()
                    .filter(|(_, &r)| quarter(r) > 0)
                    .map(|(g, _)| &**g),
            )
            .collect();
        grams.sort_unstable();
        grams.dedup();
        for gram in grams {
            let phrase = match quarter(self.phrase_ratio(gram)) {
                0 => String::new(),
                q => q.to_string(),
            };
            let first = Some(self.gram(gram))
                .filter(|&x| nonzero(x))
                .map(hundredths)
                .unwrap_or_default();
            let second = self
                .second_grams
                .get(gram)
                .filter(|x| x.iter().any(|&v| nonzero(v)))
                .map(|x| x.map(hundredths).join(" "))
                .unwrap_or_default();
            let line = format!("g\t{gram}\t{phrase}\t{first}\t{second}");
            let _ = writeln!(out, "{}", line.trim_end_matches('\t'));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_model_reads_back_unchanged() {
        let mut model = RoleModel::empty();
        model.first_named[SPACE.bias] = -1.25;
        model.first_rules.insert("hat.guidance".into(), 0.5);
        model.first_grams.insert("为指导".into(), 0.35);
        model
            .second_grams
            .insert("为指导".into(), [0.1, -0.07, 0.0]);
        model.second_grams.insert("奋斗".into(), [0.0, 0.42, -0.3]);
        model.phrase_ratios.insert("指导".into(), 0.5);
        model.phrase_ratios.insert("贯彻".into(), 0.75);
        let data = model.to_data("header");
        assert!(data.contains("g\t为指导\t\t35\t10 -7 0\n"), "{data}");
        assert!(data.contains("g\t指导\t2\n"), "{data}");
        assert_eq!(RoleModel::parse(&data), Ok(model));
    }

    #[test]
    fn phrase_shares_are_kept_as_the_quarter_they_fall_in() {
        let mut model = RoleModel::empty();
        model.phrase_ratios.insert("中央".into(), 0.7499);
        model.phrase_ratios.insert("党的".into(), 0.99);
        model.phrase_ratios.insert("工作".into(), 0.2);
        let back = RoleModel::parse(&model.to_data("")).unwrap();
        assert_eq!(back.phrase_ratio("中央"), 0.5);
        assert_eq!(back.phrase_ratio("党的"), 0.75);
        assert_eq!(
            back.phrase_ratio("工作"),
            0.0,
            "below a quarter is left out"
        );
    }

    #[test]
    fn bad_lines_are_refused_with_their_number() {
        for (data, says) in [
            ("g\t指导\t4", "1, 2 or 3"),
            ("g\t指导\t\t0.35", "hundredths"),
            ("g\t指导\t\t\t1 2", "three weights"),
            ("g\t指导", "not a model line"),
            ("1\tno-such-feature\t1.0", "unknown feature"),
        ] {
            let error = RoleModel::parse(data).unwrap_err();
            assert!(
                error.contains("line 1") && error.contains(says),
                "{data}: {error}"
            );
        }
    }
}
