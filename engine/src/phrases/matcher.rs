//! Finding every rule's matches in a text: one Aho-Corasick automaton for all literal phrases,
//! the anchors of the slot patterns and the weak adverbs; one regex per slot pattern, run only
//! around its anchors; merged leftmost-longest into non-overlapping matches.

use super::pattern::{PatternProblem, CLAUSE_SLOT_MAX};
use super::rules::{CompiledRule, Rule, Search, SlotRegex};
use crate::chars::char_count;
use crate::sentences::terminators;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
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

/// The weak adverbs (进一步, 切实…) counted against a budget: `data/adverbs.txt`.
fn adverbs() -> impl Iterator<Item = &'static str> {
    include_str!("../../data/adverbs.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// What [`Matcher::find`] finds in a text.
pub(crate) struct Found {
    /// The rules' matches, non-overlapping, in text order.
    pub(crate) matches: Vec<RawMatch>,
    /// The weak adverbs, leftmost-longest, in text order.
    pub(crate) adverbs: Vec<Range<usize>>,
}

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
    /// Every literal phrase, every anchor of a slot pattern and every weak adverb, found in one
    /// overlapping pass: literal matches and adverbs are then chosen leftmost-longest, and a slot
    /// pattern's regex runs only in the stretches of text around its anchors. (Scanning the whole
    /// text once per slot pattern was most of the cost of [`Matcher::find`]; a pass for each
    /// kind of string, a third of what remained.)
    automaton: AhoCorasick,
    /// Automaton pattern id → what it stands for.
    patterns: Vec<Pattern>,
    /// Indices into `rules` of the slot patterns without anchors, which scan the whole text.
    unanchored: Vec<usize>,
}

/// What a string of the automaton stands for: a phrase of a literal rule or an anchor of a slot
/// pattern, each with the index of its rule, or a weak adverb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pattern {
    Literal(usize),
    Anchor(usize),
    Adverb,
}

impl Matcher {
    pub(crate) fn new(rules: Vec<Arc<CompiledRule>>) -> Result<Matcher, PatternProblem> {
        let mut strings = Vec::new();
        let mut patterns = Vec::new();
        let mut unanchored = Vec::new();
        for (index, rule) in rules.iter().enumerate() {
            let (kind, these): (fn(usize) -> Pattern, _) = match &rule.search {
                Search::Literals(literals) => (Pattern::Literal, literals),
                Search::Regex { anchors, .. } if anchors.is_empty() => {
                    unanchored.push(index);
                    continue;
                }
                Search::Regex { anchors, .. } => (Pattern::Anchor, anchors),
            };
            strings.extend(these.iter().map(String::as_str));
            patterns.extend(std::iter::repeat_n(kind(index), these.len()));
        }
        let adverbs: Vec<&str> = adverbs().collect();
        patterns.extend(std::iter::repeat_n(Pattern::Adverb, adverbs.len()));
        strings.extend(adverbs);
        // A DFA: a fifth faster over a draft than the default NFA, for 4.6 MB instead of 0.2 MB
        // with the built-in rules and 0.3 ms more to build.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&strings)
            .map_err(|_| PatternProblem::TooComplex)?;
        Ok(Matcher {
            rules,
            automaton,
            patterns,
            unanchored,
        })
    }

    /// Whether every match lies within one line, so that the matches of a text are those of
    /// its paragraphs searched one by one. Clause slots never cross a line break and the weak
    /// adverbs hold none, so only a rule whose own pattern holds one (a user's rule can) makes a
    /// match cross lines.
    pub(crate) fn matches_within_lines(&self) -> bool {
        self.rules
            .iter()
            .all(|r| !r.rule.pattern.contains(['\n', '\r']))
    }

    pub(crate) fn rule(&self, index: usize) -> &Rule {
        &self.rules[index].rule
    }

    /// The regex of slot pattern `index`, and the strings its matches contain besides an anchor.
    fn regex(&self, index: usize) -> (&SlotRegex, &[Vec<String>]) {
        match &self.rules[index].search {
            Search::Regex { regex, others, .. } => (regex, others),
            Search::Literals(_) => unreachable!("only slot patterns are indexed as regex rules"),
        }
    }

    /// Non-overlapping matches in text order. Where matches overlap, the one that starts first
    /// wins, then the longest, then the rule listed first: the result does not depend on how the
    /// rules are split between the automaton and the regexes.
    pub(crate) fn find(&self, text: &str) -> Found {
        let mut candidates: Vec<RawMatch> = Vec::new();
        for &index in &self.unanchored {
            candidates.extend(
                slot_matches(self.regex(index).0, text, 0)
                    .map(|span| RawMatch { span, rule: index }),
            );
        }
        // Occurrences of literals (with their rule) and adverbs, and of anchors as (rule, start).
        let mut literals: Vec<Occurrence<usize>> = Vec::new();
        let mut adverbs: Vec<Occurrence<()>> = Vec::new();
        let mut anchors: Vec<(usize, usize)> = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let id = m.pattern().as_usize();
            let at = (m.start(), Reverse(m.end()), id);
            match self.patterns[id] {
                Pattern::Literal(rule) => literals.push((at, rule)),
                Pattern::Adverb => adverbs.push((at, ())),
                Pattern::Anchor(rule) => anchors.push((rule, m.start())),
            }
        }
        candidates.extend(leftmost_longest(literals).map(|(span, rule)| RawMatch { span, rule }));
        if !anchors.is_empty() {
            // A match never holds a sentence terminator but as its last character, so it lies
            // within one stretch between terminators: searching the stretches that hold an
            // anchor of the rule finds exactly what searching the whole text finds.
            let cuts: Vec<usize> = terminators(text).into_iter().map(|t| t.end).collect();
            let mut stretches: Vec<(usize, usize, usize)> = anchors
                .into_iter()
                .map(|(rule, at)| {
                    let after = cuts.partition_point(|&cut| cut <= at);
                    let start = after.checked_sub(1).map_or(0, |i| cuts[i]);
                    let end = cuts.get(after).copied().unwrap_or(text.len());
                    (rule, start, end)
                })
                .collect();
            stretches.sort_unstable();
            stretches.dedup();
            for (index, start, end) in stretches {
                let (regex, others) = self.regex(index);
                // Most stretches lack another part of the pattern: a literal search settles them
                // faster than the regex would.
                let stretch = &text[start..end];
                if !others
                    .iter()
                    .all(|strings| strings.iter().any(|s| stretch.contains(s.as_str())))
                {
                    continue;
                }
                candidates.extend(
                    slot_matches(regex, &text[..end], start)
                        .map(|span| RawMatch { span, rule: index }),
                );
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
        Found {
            matches: kept,
            adverbs: leftmost_longest(adverbs).map(|(span, _)| span).collect(),
        }
    }
}

/// An occurrence of a string of the automaton: (start, end, pattern id), in the order that
/// ranks occurrences leftmost-longest, and what it stands for.
type Occurrence<T> = ((usize, Reverse<usize>, usize), T);

/// The occurrences that a leftmost-longest search would report: from the end of each, the one
/// that starts first, then the longest, then the string listed first (as `aho-corasick` breaks
/// ties).
fn leftmost_longest<T>(
    mut occurrences: Vec<Occurrence<T>>,
) -> impl Iterator<Item = (Range<usize>, T)> {
    occurrences.sort_unstable_by_key(|&(at, _)| at);
    let mut end = 0;
    occurrences
        .into_iter()
        .filter_map(move |((start, Reverse(stop), _), what)| {
            (start >= end).then(|| {
                end = stop;
                (start..stop, what)
            })
        })
}

/// Quotes that may stand between a formula and the word that negates it: 不搞“花架子”.
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '‘' | '’' | '"' | '\'' | '「' | '」' | '『' | '』'
    )
}

/// The non-empty matches of a slot pattern from byte `at` on whose clause slots (its capture
/// groups) span at most [`CLAUSE_SLOT_MAX`] characters. When the shortest gap from a start is
/// too long, the search resumes one character later.
///
/// These are the matches an unanchored search from `at` finds in turn: the leftmost match
/// starts at the first position where the pattern matches anchored, and is that match; a
/// position where none of the characters a match starts with stands is never one.
fn slot_matches<'a>(
    slot: &'a SlotRegex,
    text: &'a str,
    mut at: usize,
) -> impl Iterator<Item = Range<usize>> + 'a {
    let mut gaps = match slot {
        SlotRegex::Anchored { regex, .. } | SlotRegex::Unanchored(regex) => {
            regex.capture_locations()
        }
    };
    std::iter::from_fn(move || {
        while at < text.len() {
            let (whole, bounded) = match slot {
                SlotRegex::Anchored { regex, starts } => {
                    let (i, c) = text[at..]
                        .char_indices()
                        .find(|(_, c)| starts.contains(c))?;
                    let start = at + i;
                    let rest = &text[start..];
                    match regex.captures_read(&mut gaps, rest) {
                        Some(m) => (start..start + m.end(), gaps_fit(rest, &gaps)),
                        None => {
                            at = start + c.len_utf8();
                            continue;
                        }
                    }
                }
                SlotRegex::Unanchored(regex) => {
                    let whole = regex.find_at(text, at)?;
                    // The gaps lie within the match, so a match no longer than a gap may be
                    // needs no look at its gaps; most are that short, and finding the gaps is a
                    // slower search.
                    let bounded = char_count(whole.as_str()) <= CLAUSE_SLOT_MAX || {
                        regex.captures_read_at(&mut gaps, text, whole.start());
                        gaps_fit(text, &gaps)
                    };
                    (whole.range(), bounded)
                }
            };
            if bounded && !whole.is_empty() {
                at = whole.end;
                return Some(whole);
            }
            at = whole.start + text[whole.start..].chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

/// Whether every clause slot (capture group) in `gaps`, offsets into `haystack`, spans at most
/// [`CLAUSE_SLOT_MAX`] characters.
fn gaps_fit(haystack: &str, gaps: &regex_lite::CaptureLocations) -> bool {
    (1..gaps.len())
        .filter_map(|i| gaps.get(i))
        .all(|(start, end)| char_count(&haystack[start..end]) <= CLAUSE_SLOT_MAX)
}

fn is_negated(text: &str, span: &Range<usize>) -> bool {
    let before = text[..span.start].trim_end_matches(is_quote);
    let after = text[span.end..].trim_start_matches(is_quote);
    NEGATORS.iter().any(|n| before.ends_with(n))
        || SHORTCOMINGS.iter().any(|s| after.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phrases::builtin_rules;
    use crate::phrases::pattern::{compile, Compiled};

    /// The search as it was with `regex`: unanchored, from every position.
    fn reference<'a>(
        regex: &'a regex::Regex,
        text: &'a str,
        mut at: usize,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        std::iter::from_fn(move || {
            while at < text.len() {
                let whole = regex.find_at(text, at)?;
                let caps = regex
                    .captures_at(text, whole.start())
                    .expect("the match is there");
                let bounded = caps
                    .iter()
                    .skip(1)
                    .flatten()
                    .all(|gap| char_count(gap.as_str()) <= CLAUSE_SLOT_MAX);
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

    #[test]
    fn slot_patterns_find_what_an_unanchored_regex_finds() {
        let texts = crate::regex_parity::texts();
        let mut found = 0;
        for rule in builtin_rules() {
            let Ok(Compiled::Regex { source, .. }) = compile(&rule.pattern) else {
                continue;
            };
            let compiled = CompiledRule::new(rule.clone()).expect("built-in rules compile");
            let Search::Regex { regex: slot, .. } = &compiled.search else {
                panic!("{} is a slot pattern", rule.pattern);
            };
            let full = regex::Regex::new(&source).expect("regex compiles it");
            for text in &texts {
                let want: Vec<_> = reference(&full, text, 0).collect();
                let got: Vec<_> = slot_matches(slot, text, 0).collect();
                assert_eq!(got, want, "{} in {text}", rule.pattern);
                found += want.len();
            }
        }
        assert!(
            found > 250,
            "the texts hold matches of the slot patterns: {found}"
        );
    }
}
