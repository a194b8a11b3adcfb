//! The named features of the sentence-role model: where a sentence stands and what kind of
//! content it carries, each with a fixed index so that scoring a sentence is array look-ups, not
//! string hashing (the role model runs on every keystroke, over every sentence).
//!
//! Character n-grams and the phrase rules' ids are open-ended and kept apart (see
//! [`super::model`]).

use std::sync::LazyLock;

/// The kinds of line the document structure tells apart (see `phrases::structure`).
pub(crate) const KINDS: [&str; 5] = ["body", "heading", "top-heading", "title", "matter"];
/// What opens the part of the document a sentence is in: the document itself, a top-level
/// heading (一、), a vocative that opens a part of a speech (各位代表！), or a title after body
/// text (the plan attached to a 印发 notice).
pub(crate) const PART_STARTS: [&str; 4] = ["doc", "top", "vocative", "title"];
/// What closes it: the end of the text or the next part's opening.
pub(crate) const PART_ENDS: [&str; 4] = ["end", "top", "vocative", "title"];
/// Positions counted from the start or end of a part, the last one meaning "or further".
pub(crate) const STEPS: usize = 4;
/// Length buckets, in 15 汉字 each; the last one means "or longer".
pub(crate) const LENGTHS: usize = 7;
/// Share of four-汉字 clauses, in quarters.
pub(crate) const FOUR_SHARES: usize = 4;
/// The categories of the phrase rules, as evidence.
pub(crate) const DICTIONARY: [&str; 5] = ["hat", "boot", "intensifier", "slogan", "stock"];

/// Content flags of a sentence, each a named feature.
pub(crate) const FLAGS: [&str; 12] = [
    "quantity",    // a number with a unit or %, or a prohibition (不得, 严禁)
    "digit",       // any digit
    "book-title",  // 《……》: a named document
    "doc-number",  // 〔2019〕16号
    "exclamation", // ends with ！
    "we",          // opens with 我们 / 让我们
    "let-us",      // 让我们
    "vocative",    // opens with a vocative (各位代表，)
    "lead-in",     // 现就……如下, 制定本……
    "colon",       // holds a colon: a list or a definition follows
    "deadline",    // 前/底/以内 after a date or number
    "named-body",  // a body that acts: 局, 委, 办, 厅, 部门, 单位 (办公室…)
];

/// The index of every named feature, and the names for the model file.
pub(crate) struct Space {
    pub(crate) names: Vec<String>,
    pub(crate) bias: usize,
    pub(crate) kind: usize,
    pub(crate) part_start: usize,
    pub(crate) part_end: usize,
    pub(crate) from_start: usize,
    pub(crate) from_end: usize,
    pub(crate) start_step: usize,
    pub(crate) end_step: usize,
    pub(crate) doc_from_start: usize,
    pub(crate) doc_from_end: usize,
    pub(crate) before_sub: usize,
    pub(crate) before_lead_in: usize,
    pub(crate) paragraph_first: usize,
    pub(crate) paragraph_last: usize,
    pub(crate) length: usize,
    pub(crate) four_share: usize,
    pub(crate) flag: usize,
    pub(crate) dictionary: usize,
    pub(crate) formula_share: usize,
    /// Share of the sentence's 汉字 inside n-grams that mostly stand in annotated formulas, and
    /// the highest such share of any of its n-grams, in quarters.
    pub(crate) phrase_cover: usize,
    pub(crate) phrase_best: usize,
    /// Stage-2 only: the stage-1 probability, and the runs of likely formula around the sentence.
    pub(crate) formula_probability: usize,
    pub(crate) run_from_start: usize,
    pub(crate) run_to_end: usize,
}

impl Space {
    fn new() -> Space {
        let mut names = Vec::new();
        let mut group = |list: Vec<String>| {
            let at = names.len();
            names.extend(list);
            at
        };
        let steps = |prefix: &str| {
            (0..STEPS)
                .map(|k| format!("{prefix}:{k}"))
                .collect::<Vec<_>>()
        };
        let crossed = |prefix: &str, kinds: &[&str]| {
            kinds
                .iter()
                .flat_map(|kind| (0..STEPS).map(move |k| format!("{prefix}:{kind}:{k}")))
                .collect::<Vec<_>>()
        };
        let named = |prefix: &str, list: &[&str]| {
            list.iter()
                .map(|n| format!("{prefix}:{n}"))
                .collect::<Vec<_>>()
        };
        let one = |name: &str| vec![name.to_string()];
        Space {
            bias: group(one("bias")),
            kind: group(named("kind", &KINDS)),
            part_start: group(named("part-start", &PART_STARTS)),
            part_end: group(named("part-end", &PART_ENDS)),
            from_start: group(steps("from-start")),
            from_end: group(steps("from-end")),
            start_step: group(crossed("start", &PART_STARTS)),
            end_step: group(crossed("end", &PART_ENDS)),
            doc_from_start: group(steps("doc-from-start")),
            doc_from_end: group(steps("doc-from-end")),
            before_sub: group(one("before-subheading")),
            before_lead_in: group(one("before-lead-in")),
            paragraph_first: group(one("paragraph-first")),
            paragraph_last: group(one("paragraph-last")),
            length: group((0..LENGTHS).map(|k| format!("length:{k}")).collect()),
            four_share: group(
                (0..FOUR_SHARES)
                    .map(|k| format!("four-share:{k}"))
                    .collect(),
            ),
            flag: group(named("flag", &FLAGS)),
            dictionary: group(named("dictionary", &DICTIONARY)),
            formula_share: group(one("formula-share")),
            phrase_cover: group((0..4).map(|k| format!("phrase-cover:{k}")).collect()),
            phrase_best: group((0..4).map(|k| format!("phrase-best:{k}")).collect()),
            formula_probability: group(one("formula-probability")),
            run_from_start: group(one("run-from-start")),
            run_to_end: group(one("run-to-end")),
            names,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }

    /// The index of a named feature, for the model file.
    pub(crate) fn index(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }
}

pub(crate) static SPACE: LazyLock<Space> = LazyLock::new(Space::new);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_unique_and_groups_sit_where_their_index_says() {
        let s = &*SPACE;
        let mut sorted = s.names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), s.len());
        let cases = [
            (s.bias, "bias"),
            (s.kind + 2, "kind:top-heading"),
            (s.start_step + STEPS + 1, "start:top:1"),
            (s.end_step + 3 * STEPS, "end:title:0"),
            (s.length + 6, "length:6"),
            (s.flag + 11, "flag:named-body"),
            (s.run_to_end, "run-to-end"),
        ];
        for (index, name) in cases {
            assert_eq!(s.names[index], name);
        }
    }
}
