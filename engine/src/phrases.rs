//! 穿靴戴帽 and 套话: finding the boilerplate of official documents.
//!
//! The 2019 基层减负 rules ask for "短、实、新" writing "防止穿靴戴帽、冗长空洞"; the 2007
//! 国办 opinion asks to "尽量减少关于重要性或意义的一般性论述". This module marks the candidates
//! for the author to reconsider, explains why, and never calls them errors: many formulas are
//! legitimate wording when they carry content.
//!
//! # Overview
//! - [`find`] turns a text and a [`RuleSet`] into [`PhraseFindings`]: non-overlapping
//!   [`Highlight`]s with a [`Category`], the rule, its reason and a suggestion; a count per
//!   category; the share of 字 inside highlights; and the weak-adverb budget.
//! - [`RuleSet`] is the built-in rules (`data/phrases.txt`, over 250 formulas in five
//!   categories) plus the user's own rules, minus the ones they disabled, with JSON import and
//!   export. Its matcher is built when the rule set changes, never per analysis.
//!
//! # How a finding is made
//! 1. Every rule is matched: literal phrases through one leftmost-longest Aho-Corasick automaton,
//!    patterns with slots (`以……为指导`) through one regex each; a formula that is forbidden or
//!    criticised right there ("不搞照本宣科", "“四个意识”不够强") is content and dropped. Overlaps are
//!    resolved leftmost-longest.
//! 2. The role model ([`crate::roles`]) gives each sentence a role — 戴帽, 穿靴, 套话 or content —
//!    from where it stands, what it carries, the rules' matches (as evidence) and its wording.
//! 3. A hat or a boot is highlighted whole (`sentence.opening`, `sentence.closing`: the sentence
//!    is what to cut), with a reason naming its place, what it lacks and its wording. A stock
//!    sentence keeps its formulas' highlights, or one over the whole sentence when it is mostly
//!    ([`FORMULA_SHARE_PERCENT`]) formula (`sentence.formula`), or one over its most formulaic
//!    clause when no rule matched (`sentence.wording`). A content sentence keeps only the user's
//!    own rules' matches. A lone weak adverb (进一步, 切实…) is never highlighted but counted
//!    against a budget of [`ADVERBS_PER_THOUSAND`] per 1000 字.
//!
//! # Examples
//! ```
//! use jianwen_engine::phrases::{find, Category, RuleSet};
//! let text = "关于加强安全生产的通知\n为深入贯彻落实上级会议精神，结合我市实际，现就有关事项通知如下。\n一、各单位每月开展1次隐患排查。";
//! let findings = find(text, &RuleSet::default());
//! let hat = &findings.highlights[0];
//! assert_eq!(hat.category, Category::Hat);
//! assert_eq!(&text[hat.span.clone()], "为深入贯彻落实上级会议精神，结合我市实际，现就有关事项通知如下。");
//! assert_eq!(findings.counts.hat, 1);
//! ```
//!
//! # Performance
//! The built-in rules compile once, on first use (about 30 ms of CPU natively at the release
//! profile's opt-level "z", most of it the automaton). Matching is then one pass of the automaton
//! plus, for each slot pattern, an anchored regex tried only where the stretch of text between
//! two terminators holds its anchor and a match could start: about 3.5 ms of CPU natively for
//! 34 000 字 of the corpus. Changing a [`RuleSet`] rebuilds its matcher.

mod matcher;
mod pattern;
mod reasons;
mod rule_set;
mod rules;
pub(crate) mod structure;

pub use pattern::{PatternProblem, CLAUSE_SLOT_MAX};
pub use rule_set::{
    CustomRule, IgnoredFinding, RuleConfig, RuleError, RuleSet, RULES_FORMAT_VERSION,
};
pub use rules::{builtin_rules, Category, Rule, Severity};

use crate::counting::count;
use crate::roles::features::{positions, Position};
use crate::roles::model::{RoleModel, BUILTIN_MODEL};
use crate::roles::{self, Role, RuleEvidence, TextEvidence};
use crate::sentences::{sentences, Sentence};
pub(crate) use matcher::{Found, RawMatch};
use serde::Serialize;
use std::ops::Range;
use std::sync::Arc;
pub(crate) use structure::{shapes, Shape};

/// A sentence at least this many percent formula (by letters and 汉字) is highlighted whole.
pub const FORMULA_SHARE_PERCENT: usize = 60;

/// Weak adverbs allowed per 1000 字 before the budget is exceeded.
pub const ADVERBS_PER_THOUSAND: usize = 4;

/// A rule that marks a whole sentence made mostly of formula, by where the sentence stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceRule {
    pub id: &'static str,
    pub category: Category,
    pub reason: &'static str,
    pub suggestion: &'static str,
}

/// The whole-sentence rules: opening preamble, closing flourish, a sentence mostly formula, and
/// the wording of a stock sentence that no phrase rule names. The role model decides when each
/// applies; each can be disabled like any rule, and then the sentence keeps its phrase
/// highlights.
pub const SENTENCE_RULES: [SentenceRule; 4] = [
    SentenceRule {
        id: "sentence.opening",
        category: Category::Hat,
        reason: "这一句是开头铺垫（戴帽），删去后读者仍然知道要做什么。",
        suggestion: "删去整句，开头直接写依据和要办的事。",
    },
    SentenceRule {
        id: "sentence.closing",
        category: Category::Boot,
        reason: "这一句是结尾的表态或口号（穿靴），意尽文止即可。",
        suggestion: "删去整句，正文写完即止。",
    },
    SentenceRule {
        id: "sentence.formula",
        category: Category::Stock,
        reason: "这一句大部分是套话，没有可执行、可检查的内容。",
        suggestion: "删去，或改写为具体的措施、责任和时限。",
    },
    SentenceRule {
        id: "sentence.wording",
        category: Category::Stock,
        reason: "这一处是套话式的表述，只重申意义或态度，没有可执行、可检查的内容。",
        suggestion: "删去，或改写为具体的做法、数字和时限。",
    },
];

/// One marked span of the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Highlight {
    /// Byte range into the text; always on `char` boundaries.
    pub span: Range<usize>,
    /// What it counts as here (a 戴帽 formula away from the opening counts as [`Category::Stock`]).
    pub category: Category,
    /// The rule's id (`hat.guidance`, `user:……`, `sentence.opening`).
    pub rule: Arc<str>,
    pub severity: Severity,
    /// Why it is marked, for the tooltip.
    pub reason: Arc<str>,
    /// What to write instead.
    pub suggestion: Arc<str>,
    /// Where a hat or boot stands ("第二部分开头"), for grouping; `None` for other highlights.
    pub place: Option<Arc<str>>,
}

/// Highlights per category.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CategoryCounts {
    pub hat: usize,
    pub boot: usize,
    pub intensifier: usize,
    pub slogan: usize,
    pub stock: usize,
}

impl CategoryCounts {
    pub fn get(&self, category: Category) -> usize {
        match category {
            Category::Hat => self.hat,
            Category::Boot => self.boot,
            Category::Intensifier => self.intensifier,
            Category::Slogan => self.slogan,
            Category::Stock => self.stock,
        }
    }

    fn add(&mut self, category: Category) {
        *match category {
            Category::Hat => &mut self.hat,
            Category::Boot => &mut self.boot,
            Category::Intensifier => &mut self.intensifier,
            Category::Slogan => &mut self.slogan,
            Category::Stock => &mut self.stock,
        } += 1;
    }

    /// All highlights.
    pub fn total(&self) -> usize {
        Category::ALL.iter().map(|&c| self.get(c)).sum()
    }
}

/// Weak adverbs (进一步, 切实, 积极…) outside the highlights, against what the length allows:
/// "`used` of `allowed`".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AdverbBudget {
    pub used: usize,
    /// [`ADVERBS_PER_THOUSAND`] per 1000 字, rounded up.
    pub allowed: usize,
    /// Where they are, in text order, so the UI can show them once the budget is exceeded.
    pub spans: Vec<Range<usize>>,
}

impl AdverbBudget {
    pub fn exceeded(&self) -> bool {
        self.used > self.allowed
    }
}

/// Everything [`find`] reports about one text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PhraseFindings {
    /// Non-overlapping, in text order.
    pub highlights: Vec<Highlight>,
    pub counts: CategoryCounts,
    /// 字 inside highlights per 1000 字 of the text (Word's 字数), rounded.
    pub density_per_mille: u32,
    pub adverbs: AdverbBudget,
}

/// Letters and 汉字: what a formula's share of a sentence is measured in.
fn weight(s: &str) -> usize {
    s.chars().filter(|&c| is_alphanumeric(c)).count()
}

/// [`char::is_alphanumeric`], answered without the Unicode tables for ASCII and the two main
/// blocks of 汉字, which make up nearly all of a draft: the tables cost more than the rest of
/// the density measure.
fn is_alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\x7F' => c.is_ascii_alphanumeric(),
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// Finds the boilerplate in `text` under `rules`.
pub fn find(text: &str, rules: &RuleSet) -> PhraseFindings {
    find_in(text, rules, count(text).word_count, &sentences(text))
}

/// [`find`] with another role model than the built-in one: how the cross-validation scores a
/// document with a model that did not see it.
pub fn find_with_model(text: &str, rules: &RuleSet, model: &RoleModel) -> PhraseFindings {
    let sentences = sentences(text);
    let shapes = structure::shapes(text, &sentences);
    let texts = text_evidence_with(model, text, &sentences);
    let texts: Vec<&TextEvidence> = texts.iter().collect();
    let found = rules.matcher().find(text);
    resolve_with(
        model,
        text,
        rules,
        count(text).word_count,
        &sentences,
        &shapes,
        &texts,
        found,
    )
}

/// [`find`] for a text of `total` 字 (Word's 字数) and these `sentences`, which
/// [`analyze`](crate::analyze) has worked out already.
pub(crate) fn find_in(
    text: &str,
    rules: &RuleSet,
    total: usize,
    sentences: &[Sentence],
) -> PhraseFindings {
    let shapes = structure::shapes(text, sentences);
    let texts = text_evidence(text, sentences);
    let texts: Vec<&TextEvidence> = texts.iter().collect();
    resolve(
        text,
        rules,
        total,
        sentences,
        &shapes,
        &texts,
        rules.matcher().find(text),
    )
}

/// What the role model reads of each sentence's own text, under the built-in model: kept per
/// paragraph by [`Analyzer`](crate::Analyzer).
pub(crate) fn text_evidence(text: &str, sentences: &[Sentence]) -> Vec<TextEvidence> {
    text_evidence_with(&BUILTIN_MODEL, text, sentences)
}

fn text_evidence_with(model: &RoleModel, text: &str, sentences: &[Sentence]) -> Vec<TextEvidence> {
    sentences
        .iter()
        .map(|s| TextEvidence::new(&text[s.span.clone()], model))
        .collect()
}

/// The findings made of what the matcher `found` in `text`, whose sentences have these
/// `shapes` and `texts`: ignored matches dropped, then each sentence's role, the highlights it
/// gets, counts, density and the adverb budget, which depend on the whole document.
/// [`Analyzer`](crate::Analyzer) assembles `found`, `shapes` and `texts` from those of each
/// paragraph instead of working them out over the whole text.
pub(crate) fn resolve(
    text: &str,
    rules: &RuleSet,
    total: usize,
    sentences: &[Sentence],
    shapes: &[Shape],
    texts: &[&TextEvidence],
    found: Found,
) -> PhraseFindings {
    resolve_with(
        &BUILTIN_MODEL,
        text,
        rules,
        total,
        sentences,
        shapes,
        texts,
        found,
    )
}

#[allow(clippy::too_many_arguments)]
fn resolve_with(
    model: &RoleModel,
    text: &str,
    rules: &RuleSet,
    total: usize,
    sentences: &[Sentence],
    shapes: &[Shape],
    texts: &[&TextEvidence],
    found: Found,
) -> PhraseFindings {
    let matcher = rules.matcher();
    let Found {
        mut matches,
        adverbs,
    } = found;
    matches.retain(|m| !rules.is_ignored(&matcher.rule(m.rule).id, &text[m.span.clone()]));

    let owner = owners(sentences, &matches);
    let (evidence, rule_ids) = rule_evidence(text, sentences, rules, &matches, &owner);
    let lead_ins: Vec<bool> = texts.iter().map(|t| roles::is_lead_in(&t.named)).collect();
    let positions = positions(text, sentences, shapes, &lead_ins);
    let decisions = roles::decide(model, &positions, texts, &evidence, &rule_ids);

    let mut highlights = Vec::with_capacity(matches.len());
    let mut next_match = 0;
    for (i, sentence) in sentences.iter().enumerate() {
        let first = next_match;
        while next_match < matches.len() && owner[next_match].is_none_or(|o| o <= i) {
            next_match += 1;
        }
        let group = &matches[first..next_match];
        let user = |m: &&RawMatch| matcher.rule(m.rule).id.starts_with("user:");
        let phrase = |m: &RawMatch, category: Category| {
            let rule = matcher.rule(m.rule);
            Highlight {
                span: m.span.clone(),
                category,
                rule: rule.id.clone(),
                severity: rule.severity,
                reason: rule.reason.clone(),
                suggestion: rule.suggestion.clone(),
                place: None,
            }
        };
        let Some(role) = decisions[i].role else {
            // Content: the phrase rules' matches were evidence, and the model weighed them. The
            // user's own rules are the user's word and always marked.
            highlights.extend(
                group
                    .iter()
                    .filter(user)
                    .map(|m| phrase(m, matcher.rule(m.rule).category)),
            );
            continue;
        };
        let context = Context {
            text,
            sentence,
            position: &positions[i],
            text_evidence: texts[i],
            group,
            rules,
        };
        if let Some(h) = whole_sentence(&context, role) {
            highlights.push(h);
            continue;
        }
        if group.is_empty() {
            highlights.extend(wording(&context));
        }
        highlights.extend(group.iter().map(|m| {
            let category = match matcher.rule(m.rule).category {
                Category::Hat | Category::Boot => Category::Stock,
                other => other,
            };
            phrase(m, category)
        }));
    }

    let mut counts = CategoryCounts::default();
    highlights.iter().for_each(|h| counts.add(h.category));
    let inside: usize = highlights
        .iter()
        .map(|h| count(&text[h.span.clone()]).word_count)
        .sum();
    let density_per_mille = (inside * 1000 + total / 2)
        .checked_div(total)
        .map_or(0, |d| d as u32);
    PhraseFindings {
        adverbs: adverb_budget(adverbs, total, &highlights),
        highlights,
        counts,
        density_per_mille,
    }
}

/// The index of the sentence each match starts in. Patterns never contain a terminator before
/// their end, so a match lies within one sentence.
fn owners(sentences: &[Sentence], matches: &[RawMatch]) -> Vec<Option<usize>> {
    let mut s = 0;
    matches
        .iter()
        .map(|m| {
            while s < sentences.len() && sentences[s].span.end <= m.span.start {
                s += 1;
            }
            (s < sentences.len() && sentences[s].span.start <= m.span.start).then_some(s)
        })
        .collect()
}

/// What the built-in rules' matches tell the role model of each sentence: the categories that
/// matched, the ids, and the share of the sentence inside matches. The user's own rules are not
/// evidence: the model never saw them.
pub(crate) fn rule_evidence<'a>(
    text: &str,
    sentences: &[Sentence],
    rules: &'a RuleSet,
    matches: &[RawMatch],
    owner: &[Option<usize>],
) -> (Vec<RuleEvidence>, Vec<Vec<&'a str>>) {
    let matcher = rules.matcher();
    let mut evidence = vec![RuleEvidence::default(); sentences.len()];
    let mut rule_ids: Vec<Vec<&str>> = vec![Vec::new(); sentences.len()];
    let mut formula = vec![0usize; sentences.len()];
    for (m, &s) in matches.iter().zip(owner) {
        let rule = matcher.rule(m.rule);
        if let Some(s) = s.filter(|_| !rule.id.starts_with("user:")) {
            evidence[s].add(rule.category);
            rule_ids[s].push(&rule.id);
            formula[s] += weight(&text[m.span.clone()]);
        }
    }
    for (i, e) in evidence.iter_mut().enumerate() {
        if formula[i] > 0 {
            e.share = formula[i] as f64 / weight(&text[sentences[i].span.clone()]).max(1) as f64;
        }
    }
    (evidence, rule_ids)
}

/// The rules' matches of `text` with the sentence each starts in: what [`rule_evidence`] reads.
pub(crate) fn matches_by_sentence(
    text: &str,
    sentences: &[Sentence],
    rules: &RuleSet,
) -> (Vec<RawMatch>, Vec<Option<usize>>) {
    let matches = rules.matcher().find(text).matches;
    let owner = owners(sentences, &matches);
    (matches, owner)
}

/// What the highlights of one sentence are made from.
struct Context<'a> {
    text: &'a str,
    sentence: &'a Sentence,
    position: &'a Position,
    text_evidence: &'a TextEvidence,
    /// The rules' matches in the sentence.
    group: &'a [RawMatch],
    rules: &'a RuleSet,
}

impl Context<'_> {
    /// The sentence without leading space, list marker and trailing space: what a whole-sentence
    /// highlight covers.
    fn body_span(&self) -> Range<usize> {
        let raw = &self.text[self.sentence.span.clone()];
        let lead = raw.len() - raw.trim_start().len();
        let lead = lead + structure::list_marker_len(&raw[lead..]);
        let start = self.sentence.span.start + lead;
        start..(self.sentence.span.start + raw.trim_end().len()).max(start)
    }

    fn enabled(&self, rule: &SentenceRule, span: &Range<usize>) -> bool {
        self.rules.is_enabled(rule.id) && !self.rules.is_ignored(rule.id, &self.text[span.clone()])
    }
}

/// One highlight over the whole sentence: a hat or a boot (the sentence is what to cut), or a
/// stock sentence made mostly of formula.
fn whole_sentence(context: &Context, role: Role) -> Option<Highlight> {
    let matcher = context.rules.matcher();
    let span = context.body_span();
    let severity = context
        .group
        .iter()
        .map(|m| matcher.rule(m.rule).severity)
        .max()
        .unwrap_or(Severity::Medium);
    let rule = match role {
        Role::Hat => &SENTENCE_RULES[0],
        Role::Boot => &SENTENCE_RULES[1],
        Role::Stock => {
            let formula: usize = context
                .group
                .iter()
                .map(|m| weight(&context.text[m.span.clone()]))
                .sum();
            // formula ≥ 60 % of the sentence's weight: the sentence is weighed only as far as that
            // allows, since most sentences are far heavier than their formulas.
            let most = formula * 100 / FORMULA_SHARE_PERCENT;
            let mostly = formula > 0
                && context.text[span.clone()]
                    .chars()
                    .filter(|&c| is_alphanumeric(c))
                    .take(most + 1)
                    .count()
                    <= most;
            if !mostly {
                return None;
            }
            &SENTENCE_RULES[2]
        }
    };
    if span.is_empty() || !context.enabled(rule, &span) {
        return None;
    }
    let place = reasons::place(context.position, role);
    Some(Highlight {
        reason: reasons::reason(rule, place.as_deref(), context, role).into(),
        span,
        category: rule.category,
        rule: rule.id.into(),
        severity,
        suggestion: rule.suggestion.into(),
        place: place.map(Into::into),
    })
}

/// A stock sentence no rule matched in: its most formulaic clause, as the wording the model
/// learned names it, or the whole sentence.
fn wording(context: &Context) -> Option<Highlight> {
    let rule = &SENTENCE_RULES[3];
    // The clause the n-grams point at; the whole sentence when the evidence is elsewhere
    // (its position, its lack of content).
    let span = match context.text_evidence.clause.clone() {
        Some(clause) => {
            context.sentence.span.start + clause.start..context.sentence.span.start + clause.end
        }
        None => context.body_span(),
    };
    if span.is_empty() || !context.enabled(rule, &span) {
        return None;
    }
    Some(Highlight {
        reason: reasons::reason(rule, None, context, Role::Stock).into(),
        span,
        category: rule.category,
        rule: rule.id.into(),
        severity: Severity::Low,
        suggestion: rule.suggestion.into(),
        place: None,
    })
}

/// The weak adverbs at `adverbs` outside the highlights, against the budget of `total` 字.
fn adverb_budget(
    adverbs: Vec<Range<usize>>,
    total: usize,
    highlights: &[Highlight],
) -> AdverbBudget {
    let mut next = highlights.iter().peekable();
    let spans: Vec<Range<usize>> = adverbs
        .into_iter()
        .filter(|span| {
            while next.next_if(|h| h.span.end <= span.start).is_some() {}
            next.peek().is_none_or(|h| h.span.start >= span.end)
        })
        .collect();
    AdverbBudget {
        used: spans.len(),
        allowed: (total * ADVERBS_PER_THOUSAND).div_ceil(1000),
        spans,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_alphanumeric_agrees_with_the_standard_library() {
        let blocks = [
            '\0'..='\u{FF}',
            '\u{3000}'..='\u{A000}',
            '\u{F900}'..='\u{FB00}',
            '\u{20000}'..='\u{20100}',
        ];
        for c in blocks.into_iter().flatten() {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
