//! The pattern syntax shared by the built-in rules and the user's own rules.
//!
//! | syntax | meaning |
//! |---|---|
//! | `……` | a clause slot: 0 to [`CLAUSE_SLOT_MAX`] characters that never cross `。！？；，：` or a line break |
//! | `…` | a word slot: 1 to 4 汉字 |
//! | `[甲\|乙]` | alternatives; an empty alternative makes the group optional: `[深入\|]` |
//! | `\[` | a literal `[` (any character after `\` is literal) |
//! | anything else | itself; `，：；（）！？` also match their ASCII forms and vice versa |
//!
//! A slot is bounded so that a highlight never runs across a sentence: the checker marks formulas,
//! and a formula is at most a clause with a gap in it. Patterns without slots become literal
//! strings for the Aho-Corasick automaton (all alternatives expanded); patterns with slots become
//! one regular expression each, in which every clause slot is a capture group.
//!
//! The length cap of a clause slot is checked on the captured gap rather than written as
//! `{0,30}` in the regex: a bounded repetition of a Unicode class compiles to thirty copies of it,
//! which made compiling the built-in rules take 80 ms instead of 10 ms (and more in wasm).

use std::cmp::Reverse;
use std::fmt;

/// The longest gap, in characters, a clause slot `……` may span.
pub const CLAUSE_SLOT_MAX: usize = 30;

/// Beyond this many expanded strings a slot-free pattern is matched as a regex instead.
const MAX_EXPANSIONS: usize = 256;

/// The longest pattern accepted, in characters.
const MAX_PATTERN_CHARS: usize = 100;

/// What a pattern compiles to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Compiled {
    /// Every string the pattern matches; fed to the Aho-Corasick automaton.
    Literals(Vec<String>),
    /// A pattern with slots: the source of its regular expression, its anchors, and what else
    /// every match contains.
    Regex {
        source: String,
        /// Strings of which every match contains one, so that the regex need only run where
        /// one of them occurs (`以……为指导`: `为指导`); empty when there are none.
        anchors: Vec<String>,
        /// For each other stretch between slots, the strings of which every match contains
        /// one (`以……为指导`: `以`), so that the regex need not run where one is missing.
        others: Vec<Vec<String>>,
        /// Every character a match can start with (`以……为指导`: `以`), so that the regex need
        /// only be tried, anchored, where one of them is; `None` when a match can start with
        /// any 汉字 (a word slot first: `…起来`).
        starts: Option<Vec<char>>,
    },
}

/// Why a pattern was rejected. Its [`Display`](fmt::Display) is a message for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PatternProblem {
    /// Nothing but whitespace.
    Empty,
    /// Longer than the limit.
    TooLong,
    /// Fewer than two fixed characters would match almost anything.
    TooShort,
    /// A clause slot at the start or end has no edge: the highlight would swallow the clause.
    SlotAtEdge,
    /// Two slots in a row are one slot of unclear length.
    AdjacentSlots,
    /// A slot inside `[…]`.
    SlotInAlternatives,
    /// `[` without `]`.
    UnclosedBracket,
    /// `]` without `[`, or `[` inside `[…]`.
    StrayBracket,
    /// `[]` or `[|]`: a group with nothing to match.
    EmptyGroup,
    /// A sentence terminator before the end: a formula never spans two sentences.
    CrossesSentence,
    /// A `\` with nothing after it.
    TrailingBackslash,
    /// Beyond what the matcher can compile.
    TooComplex,
}

impl fmt::Display for PatternProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PatternProblem::Empty => "内容是空的",
            PatternProblem::TooLong => "太长了（最多 100 个字符）",
            PatternProblem::TooShort => "至少要有两个确定的字，否则几乎处处都会匹配",
            PatternProblem::SlotAtEdge => "不能以“……”开头或结尾，请在两端写出确定的字",
            PatternProblem::AdjacentSlots => "两个省略号不能紧挨着",
            PatternProblem::SlotInAlternatives => "方括号里的备选项中不能有省略号",
            PatternProblem::UnclosedBracket => "方括号“[”没有配对的“]”",
            PatternProblem::StrayBracket => "方括号不配对或嵌套",
            PatternProblem::EmptyGroup => "方括号里至少要有一个非空的备选项",
            PatternProblem::CrossesSentence => "句号、问号、叹号、分号只能出现在末尾，规则不能跨句",
            PatternProblem::TrailingBackslash => "末尾的“\\”后面缺少字符",
            PatternProblem::TooComplex => "太复杂了，请拆成几条规则",
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Char(char),
    Alternatives(Vec<String>),
    ClauseSlot,
    WordSlot,
}

/// Compiles `pattern` (see the module docs).
pub(crate) fn compile(pattern: &str) -> Result<Compiled, PatternProblem> {
    let pattern = pattern.trim();
    if pattern.is_empty() {
        return Err(PatternProblem::Empty);
    }
    if pattern.chars().count() > MAX_PATTERN_CHARS {
        return Err(PatternProblem::TooLong);
    }
    let tokens = tokenize(pattern)?;
    validate(&tokens)?;
    Ok(match expand(&tokens) {
        Some(literals) => Compiled::Literals(literals),
        None => {
            let mut others = required(&tokens);
            // The stretch whose shortest string is longest, or the first of those, is the rarest
            // in text as a rule: 狠抓 rather than 落实 in 狠抓……落实.
            let anchor = others
                .iter()
                .enumerate()
                .min_by_key(|(_, strings)| Reverse(strings.iter().map(|s| s.chars().count()).min()))
                .map(|(i, _)| i);
            Compiled::Regex {
                source: to_regex(&tokens),
                anchors: anchor.map(|i| others.remove(i)).unwrap_or_default(),
                others,
                starts: first_chars(&tokens),
            }
        }
    })
}

fn tokenize(pattern: &str) -> Result<Vec<Token>, PatternProblem> {
    let mut tokens = Vec::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '…' => {
                if chars.next_if_eq(&'…').is_some() {
                    tokens.push(Token::ClauseSlot);
                } else {
                    tokens.push(Token::WordSlot);
                }
            }
            '\\' => tokens.push(Token::Char(
                chars.next().ok_or(PatternProblem::TrailingBackslash)?,
            )),
            ']' => return Err(PatternProblem::StrayBracket),
            '[' => {
                let mut alternatives = vec![String::new()];
                loop {
                    match chars.next() {
                        None => return Err(PatternProblem::UnclosedBracket),
                        Some(']') => break,
                        Some('[') => return Err(PatternProblem::StrayBracket),
                        Some('…') => return Err(PatternProblem::SlotInAlternatives),
                        Some('|') => alternatives.push(String::new()),
                        Some('\\') => {
                            let c = chars.next().ok_or(PatternProblem::TrailingBackslash)?;
                            alternatives.last_mut().expect("starts non-empty").push(c);
                        }
                        Some(c) => alternatives.last_mut().expect("starts non-empty").push(c),
                    }
                }
                if alternatives.iter().all(String::is_empty) {
                    return Err(PatternProblem::EmptyGroup);
                }
                tokens.push(Token::Alternatives(alternatives));
            }
            c => tokens.push(Token::Char(c)),
        }
    }
    Ok(tokens)
}

fn is_slot(token: &Token) -> bool {
    matches!(token, Token::ClauseSlot | Token::WordSlot)
}

/// Whether the pattern can begin (or, reading `tokens` reversed, end) with a clause slot, also
/// through an optional group: `[确保|]……取得实效` starts with one when 确保 is absent.
fn opens_with_clause_slot<'a>(mut tokens: impl Iterator<Item = &'a Token>) -> bool {
    loop {
        match tokens.next() {
            Some(Token::ClauseSlot) => return true,
            Some(Token::Alternatives(alts)) if alts.iter().any(String::is_empty) => continue,
            _ => return false,
        }
    }
}

fn validate(tokens: &[Token]) -> Result<(), PatternProblem> {
    if opens_with_clause_slot(tokens.iter()) || opens_with_clause_slot(tokens.iter().rev()) {
        return Err(PatternProblem::SlotAtEdge);
    }
    if tokens.windows(2).any(|w| is_slot(&w[0]) && is_slot(&w[1])) {
        return Err(PatternProblem::AdjacentSlots);
    }
    let last = tokens.len() - 1;
    let crosses = tokens.iter().enumerate().any(|(i, t)| match t {
        Token::Char(c) => i != last && crate::sentences::is_terminator(*c),
        Token::Alternatives(alts) => alts
            .iter()
            .any(|a| a.chars().any(crate::sentences::is_terminator)),
        _ => false,
    });
    if crosses {
        return Err(PatternProblem::CrossesSentence);
    }
    let fixed: usize = tokens
        .iter()
        .map(|t| match t {
            Token::Char(c) if !c.is_whitespace() => 1,
            Token::Alternatives(alts) => alts.iter().map(|a| a.chars().count()).min().unwrap_or(0),
            _ => 0,
        })
        .sum();
    if fixed < 2 {
        return Err(PatternProblem::TooShort);
    }
    Ok(())
}

/// The other width of a punctuation mark, so that `，` in a rule also finds `,` in a
/// NFKC-normalised text and the other way round.
fn twin(c: char) -> Option<char> {
    Some(match c {
        '，' => ',',
        ',' => '，',
        '：' => ':',
        ':' => '：',
        '；' => ';',
        ';' => '；',
        '（' => '(',
        '(' => '（',
        '）' => ')',
        ')' => '）',
        '！' => '!',
        '!' => '！',
        '？' => '?',
        '?' => '？',
        _ => return None,
    })
}

/// All non-empty strings a pattern matches, or `None` when it has slots or too many expansions.
fn expand(tokens: &[Token]) -> Option<Vec<String>> {
    let mut out = expand_all(tokens)?;
    out.retain(|s| !s.is_empty());
    Some(out)
}

/// All strings `tokens` match, the empty string included.
fn expand_all(tokens: &[Token]) -> Option<Vec<String>> {
    let mut out = vec![String::new()];
    let mut push_choices = |choices: Vec<String>| -> Option<()> {
        if out.len() * choices.len() > MAX_EXPANSIONS {
            return None;
        }
        out = out
            .iter()
            .flat_map(|prefix| choices.iter().map(move |c| format!("{prefix}{c}")))
            .collect();
        Some(())
    };
    for token in tokens {
        match token {
            Token::Char(c) => push_choices(
                std::iter::once(*c)
                    .chain(twin(*c))
                    .map(String::from)
                    .collect(),
            )?,
            Token::Alternatives(alts) => {
                let mut choices: Vec<String> = Vec::new();
                for alt in alts {
                    for variant in expand_all(&alt.chars().map(Token::Char).collect::<Vec<_>>())? {
                        if !choices.contains(&variant) {
                            choices.push(variant);
                        }
                    }
                }
                push_choices(choices)?;
            }
            // A slot matches unboundedly many strings: leave it to the regex.
            Token::ClauseSlot | Token::WordSlot => return None,
        }
    }
    Some(out)
}

/// For each stretch of a pattern between slots, the strings it matches less those that contain
/// another, so that every match contains one of them whole (only slots vary in length); none for
/// a stretch that may match nothing (`[深入|]`) or too many strings.
fn required(tokens: &[Token]) -> Vec<Vec<String>> {
    tokens
        .split(is_slot)
        .filter_map(expand_all)
        .filter(|strings| !strings.iter().any(String::is_empty))
        .map(|mut strings| {
            strings.sort_by_key(String::len);
            let mut kept: Vec<String> = Vec::with_capacity(strings.len());
            for s in strings {
                if !kept.iter().any(|k| s.contains(k.as_str())) {
                    kept.push(s);
                }
            }
            kept
        })
        .collect()
}

/// Every character a match of `tokens` can start with, punctuation twins included, or `None`
/// when a slot can come first.
fn first_chars(tokens: &[Token]) -> Option<Vec<char>> {
    let mut chars = Vec::new();
    let mut add = |c: char| {
        for c in std::iter::once(c).chain(twin(c)) {
            if !chars.contains(&c) {
                chars.push(c);
            }
        }
    };
    for token in tokens {
        match token {
            Token::Char(c) => {
                add(*c);
                return Some(chars);
            }
            Token::Alternatives(alts) => {
                alts.iter()
                    .filter_map(|a| a.chars().next())
                    .for_each(&mut add);
                // An empty alternative lets the next token come first too.
                if !alts.iter().any(String::is_empty) {
                    return Some(chars);
                }
            }
            Token::ClauseSlot | Token::WordSlot => return None,
        }
    }
    // Only an optional group: a pattern that can match nothing is never a regex.
    None
}

fn push_char(re: &mut String, c: char) {
    match twin(c) {
        Some(t) => {
            re.push('[');
            re.push_str(&regex_lite::escape(&c.to_string()));
            re.push_str(&regex_lite::escape(&t.to_string()));
            re.push(']');
        }
        None => re.push_str(&regex_lite::escape(&c.to_string())),
    }
}

fn to_regex(tokens: &[Token]) -> String {
    let mut re = String::new();
    for token in tokens {
        match token {
            Token::Char(c) => push_char(&mut re, *c),
            Token::Alternatives(alts) => {
                // Longest first, so that the leftmost-first regex prefers the longer alternative.
                let mut alts = alts.clone();
                alts.sort_by_key(|a| std::cmp::Reverse(a.chars().count()));
                re.push_str("(?:");
                for (i, alt) in alts.iter().enumerate() {
                    if i > 0 {
                        re.push('|');
                    }
                    alt.chars().for_each(|c| push_char(&mut re, c));
                }
                re.push(')');
            }
            Token::ClauseSlot => re.push_str("([^。！？；;!?，,：:\\r\\n]*?)"),
            Token::WordSlot => re.push_str("[\\u{3400}-\\u{4DBF}\\u{4E00}-\\u{9FFF}]{1,4}"),
        }
    }
    re
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_expand_alternatives_and_punctuation_twins() {
        let cases: &[(&str, &[&str])] = &[
            ("高度重视", &["高度重视"]),
            ("[深入|]贯彻", &["深入贯彻", "贯彻"]),
            ("甲，乙", &["甲，乙", "甲,乙"]),
            ("\\[甲乙", &["[甲乙"]),
        ];
        for (pattern, want) in cases {
            assert_eq!(
                compile(pattern),
                Ok(Compiled::Literals(
                    want.iter().map(|s| s.to_string()).collect()
                )),
                "{pattern}"
            );
        }
    }

    #[test]
    fn slots_make_a_regex() {
        assert_eq!(
            compile("以……为指导"),
            Ok(Compiled::Regex {
                source: "以([^。！？；;!?，,：:\\r\\n]*?)为指导".to_string(),
                anchors: vec!["为指导".to_string()],
                others: vec![vec!["以".to_string()]],
                starts: Some(vec!['以']),
            })
        );
        assert_eq!(
            compile("…起来"),
            Ok(Compiled::Regex {
                source: "[\\u{3400}-\\u{4DBF}\\u{4E00}-\\u{9FFF}]{1,4}起来".to_string(),
                anchors: vec!["起来".to_string()],
                others: vec![],
                starts: None,
            })
        );
        assert_eq!(
            compile("[深入|][（|]以……为指导").map(|c| match c {
                Compiled::Regex { starts, .. } => starts,
                Compiled::Literals(_) => None,
            }),
            Ok(Some(vec!['深', '（', '(', '以']))
        );
    }

    #[test]
    fn anchors_are_the_longest_required_stretch() {
        let seven = "[一|二|三|四|五|六|七]".repeat(3);
        let too_many = format!("{seven}……{seven}");
        // A pattern, its anchors, and the strings of its other stretches.
        type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a [&'a str]]);
        let cases: &[Case] = &[
            ("[坚持|]以……为指导", &["为指导"], &[&["以"]]),
            ("在……[坚强|正确|]领导下", &["领导下"], &[&["在"]]),
            (
                "把[初心|使命]……[落在|担在]……上",
                &["把初心", "把使命"],
                &[&["落在", "担在"], &["上"]],
            ),
            (
                "[深入|认真|][学习|]贯彻[落实|]……精神",
                &["贯彻"],
                &[&["精神"]],
            ),
            ("狠抓……落实", &["狠抓"], &[&["落实"]]),
            (
                "[深入|认真|][学习|]贯彻[落实|]……精神实质",
                &["精神实质"],
                &[&["贯彻"]],
            ),
            (
                "结合…实际[，|]制定",
                &["实际制定", "实际,制定", "实际，制定"],
                &[&["结合"]],
            ),
            ("甲[乙|]……[丙|]丁", &["甲"], &[&["丁"]]),
            (&too_many, &[], &[]),
        ];
        for &(pattern, anchors, others) in cases {
            let Ok(Compiled::Regex {
                anchors: got,
                others: got_others,
                ..
            }) = compile(pattern)
            else {
                panic!("{pattern} compiles to a regex");
            };
            assert_eq!(got, anchors, "{pattern}");
            assert_eq!(got_others, others, "{pattern}");
        }
    }

    #[test]
    fn bad_patterns_are_rejected_with_a_reason() {
        let cases = [
            ("  ", PatternProblem::Empty),
            ("甲", PatternProblem::TooShort),
            ("[甲|]乙", PatternProblem::TooShort),
            ("……为指导", PatternProblem::SlotAtEdge),
            ("以……", PatternProblem::SlotAtEdge),
            ("[确保|]……取得实效", PatternProblem::SlotAtEdge),
            ("取得……[实效|]", PatternProblem::SlotAtEdge),
            ("以………为", PatternProblem::AdjacentSlots),
            ("以[甲……]为", PatternProblem::SlotInAlternatives),
            ("以[甲|乙为", PatternProblem::UnclosedBracket),
            ("以甲]为", PatternProblem::StrayBracket),
            ("以[[甲]]为", PatternProblem::StrayBracket),
            ("以[|]为", PatternProblem::EmptyGroup),
            ("甲。乙丙", PatternProblem::CrossesSentence),
            ("甲乙\\", PatternProblem::TrailingBackslash),
        ];
        for (pattern, want) in cases {
            assert_eq!(compile(pattern), Err(want.clone()), "{pattern}");
            assert!(!want.to_string().is_empty());
        }
        assert_eq!(compile(&"甲".repeat(101)), Err(PatternProblem::TooLong));
        assert!(
            compile("以上通知，请遵照执行。").is_ok(),
            "a terminator at the end stays in its sentence"
        );
    }
}
