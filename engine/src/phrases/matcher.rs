//! Finding every rule's matches in a text: one Aho-Corasick automaton for all literal phrases,
//! one regex per slot pattern, merged leftmost-longest into non-overlapping matches.

use super::pattern::{PatternProblem, CLAUSE_SLOT_MAX};
use super::rules::{CompiledRule, Rule, Search};
use aho_corasick::{AhoCorasick, MatchKind};
use std::cmp::Reverse;
use std::ops::Range;
use std::sync::Arc;

/// Words that, right before a formula, make it the object of a prohibition: "不搞照本宣科",
/// "防止以会议贯彻会议". A forbidden formula is content, not boilerplate.
const NEGATORS: &[&str] = &[
    "不", "没有", "防止", "杜绝", "严禁", "禁止", "避免", "反对", "力戒", "克服", "纠正", "摒弃",
    "拒绝", "不搞", "不要", "不得", "不能", "整治",
];

/// Words that, right after a formula, make it the subject of a diagnosis: "“四个意识”不够强".
/// A named shortcoming is content, not boilerplate.
const SHORTCOMINGS: &[&str] = &[
    "不够",
    "不强",
    "不足",
    "不到位",
    "不力",
    "不实",
    "淡薄",
    "弱化",
    "缺失",
];

/// One match of one rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawMatch {
    pub(crate) span: Range<usize>,
    /// Index into [`Matcher::rule`].
    pub(crate) rule: usize,
}

/// The compiled form of a set of rules. Building it costs about a millisecond for the built-in
/// rules, so it is built once per rule set, never per analysis.
#[derive(Debug)]
pub(crate) struct Matcher {
    rules: Vec<Arc<CompiledRule>>,
    automaton: Option<AhoCorasick>,
    /// Automaton pattern id → index into `rules`.
    literal_rule: Vec<usize>,
    /// Indices into `rules` of the rules that search with a regex.
    regex_rules: Vec<usize>,
}

impl Matcher {
    pub(crate) fn new(rules: Vec<Arc<CompiledRule>>) -> Result<Matcher, PatternProblem> {
        let mut literals = Vec::new();
        let mut literal_rule = Vec::new();
        let mut regex_rules = Vec::new();
        for (index, rule) in rules.iter().enumerate() {
            match &rule.search {
                Search::Literals(strings) => {
                    literals.extend(strings.iter().map(String::as_str));
                    literal_rule.extend(std::iter::repeat_n(index, strings.len()));
                }
                Search::Regex(_) => regex_rules.push(index),
            }
        }
        let automaton = if literals.is_empty() {
            None
        } else {
            let built = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&literals);
            Some(built.map_err(|_| PatternProblem::TooComplex)?)
        };
        Ok(Matcher {
            rules,
            automaton,
            literal_rule,
            regex_rules,
        })
    }

    pub(crate) fn rule(&self, index: usize) -> &Rule {
        &self.rules[index].rule
    }

    /// Non-overlapping matches in text order. Where matches overlap, the one that starts first
    /// wins, then the longest, then the rule listed first: the result does not depend on how the
    /// rules are split between the automaton and the regexes.
    pub(crate) fn find(&self, text: &str) -> Vec<RawMatch> {
        let mut candidates: Vec<RawMatch> = Vec::new();
        if let Some(automaton) = &self.automaton {
            candidates.extend(automaton.find_iter(text).map(|m| RawMatch {
                span: m.range(),
                rule: self.literal_rule[m.pattern().as_usize()],
            }));
        }
        for &index in &self.regex_rules {
            if let Search::Regex(regex) = &self.rules[index].search {
                candidates
                    .extend(slot_matches(regex, text).map(|span| RawMatch { span, rule: index }));
            }
        }
        candidates.retain(|m| !is_negated(text, &m.span));
        candidates.sort_by_key(|m| (m.span.start, Reverse(m.span.end), m.rule));
        let mut kept: Vec<RawMatch> = Vec::with_capacity(candidates.len());
        for m in candidates {
            if kept.last().is_none_or(|last| last.span.end <= m.span.start) {
                kept.push(m);
            }
        }
        kept
    }
}

/// Quotes that may stand between a formula and the word that negates it: 不搞“花架子”.
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '‘' | '’' | '"' | '\'' | '「' | '」' | '『' | '』'
    )
}

/// The non-empty matches of a slot pattern whose clause slots (its capture groups) span at most
/// [`CLAUSE_SLOT_MAX`] characters. When the shortest gap from a start is too long, the search
/// resumes one character later.
fn slot_matches<'a>(
    regex: &'a regex::Regex,
    text: &'a str,
) -> impl Iterator<Item = Range<usize>> + 'a {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < text.len() {
            let captures = regex.captures_at(text, at)?;
            let whole = captures.get(0).expect("group 0 is the whole match");
            let bounded = captures
                .iter()
                .skip(1)
                .flatten()
                .all(|gap| gap.as_str().chars().count() <= CLAUSE_SLOT_MAX);
            if bounded && !whole.is_empty() {
                at = whole.end();
                return Some(whole.range());
            }
            at = whole.start()
                + text[whole.start()..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
        }
        None
    })
}

fn is_negated(text: &str, span: &Range<usize>) -> bool {
    let before = text[..span.start].trim_end_matches(is_quote);
    let after = text[span.end..].trim_start_matches(is_quote);
    NEGATORS.iter().any(|n| before.ends_with(n))
        || SHORTCOMINGS.iter().any(|s| after.starts_with(s))
}
