//! Rules: what a rule is, and the built-in rules compiled in from `data/phrases.txt`.

use super::pattern::{self, Compiled, PatternProblem};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;
use std::sync::{Arc, LazyLock};

/// The five kinds of boilerplate the checker looks for (docs/reference/boilerplate.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// 戴帽: the ritual preamble at the start of a document or a top-level section.
    Hat,
    /// 穿靴: the slogan or pledge that closes a document or a top-level section.
    Boot,
    /// 空泛强化: empty intensifiers (高度重视, 务求实效).
    Intensifier,
    /// 口号排比: slogans and forced parallelism.
    Slogan,
    /// 套话: stock phrases, and any 戴帽/穿靴 formula found away from the opening or closing.
    Stock,
}

impl Category {
    /// All categories, in the order the UI lists them.
    pub const ALL: [Category; 5] = [
        Category::Hat,
        Category::Boot,
        Category::Intensifier,
        Category::Slogan,
        Category::Stock,
    ];

    /// The identifier used in data files, JSON and the DOM (`data-category`).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Hat => "hat",
            Category::Boot => "boot",
            Category::Intensifier => "intensifier",
            Category::Slogan => "slogan",
            Category::Stock => "stock",
        }
    }

    /// The name users know it by.
    pub fn label(self) -> &'static str {
        match self {
            Category::Hat => "戴帽",
            Category::Boot => "穿靴",
            Category::Intensifier => "空泛强化",
            Category::Slogan => "口号排比",
            Category::Stock => "套话",
        }
    }

    fn from_str(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// How strongly the author should reconsider a finding. Never an error: many formulas are
/// legitimate official wording when they carry content.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Customary wording that can stay (以上通知，请遵照执行).
    Low,
    /// A formula worth cutting.
    #[default]
    Medium,
    /// Almost always removable.
    High,
}

impl Severity {
    fn from_str(s: &str) -> Option<Severity> {
        match s {
            "low" => Some(Severity::Low),
            "medium" => Some(Severity::Medium),
            "high" => Some(Severity::High),
            _ => None,
        }
    }
}

/// One rule, built-in or the user's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable identifier (`hat.guidance`; `user:` + pattern for the user's rules).
    pub id: Arc<str>,
    pub category: Category,
    pub severity: Severity,
    /// The phrase, in the syntax of [`pattern`](super::pattern) (`以……为指导`).
    pub pattern: Arc<str>,
    /// Why it is flagged: one line of Chinese for the tooltip.
    pub reason: Arc<str>,
    /// What to write instead.
    pub suggestion: Arc<str>,
    /// Where the phrase comes from (`boilerplate.md A`, `国办2007`, `用户`…).
    pub source: Arc<str>,
}

/// How a compiled rule searches.
#[derive(Debug)]
pub(crate) enum Search {
    /// Every string it matches, for the shared Aho-Corasick automaton.
    Literals(Vec<String>),
    /// A pattern with slots, the strings of which each match contains one (possibly none), and
    /// for each other stretch of it, the strings of which each match contains one.
    Regex {
        regex: SlotRegex,
        anchors: Vec<String>,
        others: Vec<Vec<String>>,
    },
}

/// The regex of a slot pattern.
///
/// `regex-lite` rather than `regex`: about 300 KB less wasm (120 KB gzipped), for a search that
/// tries every position in turn. So where the characters a match can start with are known, the
/// regex is anchored and tried only where one of them is, which is as fast as `regex` was on
/// these short stretches of text.
#[derive(Debug)]
pub(crate) enum SlotRegex {
    /// The pattern as `^(?:…)`, to run on the text from a position holding one of `starts`:
    /// the characters a match can start with.
    Anchored {
        regex: regex_lite::Regex,
        starts: Vec<char>,
    },
    /// The pattern as it is, for a search from any position (a word slot may come first).
    Unanchored(regex_lite::Regex),
}

/// A rule with its pattern compiled.
#[derive(Debug)]
pub(crate) struct CompiledRule {
    pub(crate) rule: Rule,
    pub(crate) search: Search,
}

impl CompiledRule {
    pub(crate) fn new(rule: Rule) -> Result<CompiledRule, PatternProblem> {
        let search = match pattern::compile(&rule.pattern)? {
            Compiled::Literals(literals) => Search::Literals(literals),
            Compiled::Regex {
                source,
                anchors,
                others,
                starts,
            } => {
                let new = |source: &str| {
                    regex_lite::Regex::new(source).map_err(|_| PatternProblem::TooComplex)
                };
                Search::Regex {
                    regex: match starts {
                        Some(starts) => SlotRegex::Anchored {
                            regex: new(&format!("^(?:{source})"))?,
                            starts,
                        },
                        None => SlotRegex::Unanchored(new(&source)?),
                    },
                    anchors,
                    others,
                }
            }
        };
        Ok(CompiledRule { rule, search })
    }
}

/// A line of the data file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DataError {
    pub(crate) line: usize,
    pub(crate) message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "data/phrases.txt line {}: {}", self.line, self.message)
    }
}

/// Parses and compiles the rule data format described at the top of `data/phrases.txt`.
pub(crate) fn parse_rules(data: &str) -> Result<Vec<CompiledRule>, DataError> {
    let mut rules = Vec::new();
    let mut ids = HashSet::new();
    let mut category = None;
    for (index, line) in data.lines().enumerate() {
        let error = |message: String| DataError {
            line: index + 1,
            message,
        };
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            category = Some(
                Category::from_str(name)
                    .ok_or_else(|| error(format!("unknown category [{name}]")))?,
            );
            continue;
        }
        let category =
            category.ok_or_else(|| error("rule before the first [category] line".into()))?;
        let fields: Vec<&str> = line.split(" | ").map(str::trim).collect();
        let [id, severity, pattern, reason, suggestion, source] = fields[..] else {
            return Err(error(format!(
                "expected 6 fields separated by \" | \", found {}",
                fields.len()
            )));
        };
        if [id, pattern, reason, suggestion, source]
            .iter()
            .any(|f| f.is_empty())
        {
            return Err(error("empty field".into()));
        }
        if !ids.insert(id) {
            return Err(error(format!("duplicate id {id}")));
        }
        let severity = Severity::from_str(severity)
            .ok_or_else(|| error(format!("unknown severity {severity}")))?;
        let rule = Rule {
            id: id.into(),
            category,
            severity,
            pattern: pattern.into(),
            reason: reason.into(),
            suggestion: suggestion.into(),
            source: source.into(),
        };
        rules.push(
            CompiledRule::new(rule)
                .map_err(|problem| error(format!("pattern {pattern}: {problem}")))?,
        );
    }
    Ok(rules)
}

/// The built-in rules, parsed and compiled once.
pub(crate) static BUILTIN: LazyLock<Vec<Arc<CompiledRule>>> = LazyLock::new(|| {
    parse_rules(include_str!("../../data/phrases.txt"))
        .unwrap_or_else(|e| {
            panic!("the built-in rule data is invalid (the data test catches this): {e}")
        })
        .into_iter()
        .map(Arc::new)
        .collect()
});

/// The built-in rules, in data-file order.
pub fn builtin_rules() -> impl ExactSizeIterator<Item = &'static Rule> {
    BUILTIN.iter().map(|r| &r.rule)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_is_valid_and_large_enough() {
        let rules =
            parse_rules(include_str!("../../data/phrases.txt")).unwrap_or_else(|e| panic!("{e}"));
        assert!(rules.len() >= 200, "only {} rules", rules.len());
        for category in Category::ALL {
            let n = rules.iter().filter(|r| r.rule.category == category).count();
            assert!(n >= 20, "only {n} rules in {category:?}");
        }
        for r in &rules {
            assert!(
                r.rule
                    .reason
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}: reason not in Chinese",
                r.rule.id
            );
            assert!(
                r.rule
                    .suggestion
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}: suggestion not in Chinese",
                r.rule.id
            );
            assert!(
                r.rule.id.starts_with(match r.rule.category {
                    Category::Hat => "hat.",
                    Category::Boot => "boot.",
                    Category::Intensifier => "intens.",
                    Category::Slogan => "slogan.",
                    Category::Stock => "stock.",
                }),
                "{}: id prefix does not name its category",
                r.rule.id
            );
        }
    }

    #[test]
    fn malformed_data_names_the_line() {
        let cases = [
            (
                "a | low | 甲乙 | 理由 | 建议 | 来源",
                1,
                "rule before the first [category] line",
            ),
            ("[hats]", 1, "unknown category [hats]"),
            (
                "[hat]\na | low | 甲乙 | 理由 | 建议",
                2,
                "expected 6 fields",
            ),
            (
                "[hat]\na | odd | 甲乙 | 理由 | 建议 | 来源",
                2,
                "unknown severity odd",
            ),
            (
                "[hat]\na | low | 甲乙 | 理由 | 建议 | 来源\na | low | 丙丁 | 理由 | 建议 | 来源",
                3,
                "duplicate id a",
            ),
            ("[hat]\na | low | 甲乙 |  | 建议 | 来源", 2, "empty field"),
            (
                "[hat]\n\n# note\na | low | 以…… | 理由 | 建议 | 来源",
                4,
                "pattern 以……",
            ),
        ];
        for (data, line, message) in cases {
            let err = parse_rules(data).expect_err(data);
            assert_eq!(err.line, line, "{data}");
            assert!(err.message.starts_with(message), "{data}: {}", err.message);
        }
    }
}
