//! The user's rule set: built-in rules, their own rules, disabled rules and ignored findings,
//! stored and exchanged as versioned JSON.

use super::matcher::Matcher;
use super::pattern::PatternProblem;
use super::rules::{CompiledRule, Rule, Severity, BUILTIN};
use super::{Category, SENTENCE_RULES};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;
use std::sync::{Arc, LazyLock};

/// The version written into exported rule files; files of other versions are refused.
pub const RULES_FORMAT_VERSION: u32 = 1;

/// A phrase or pattern the user wants marked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomRule {
    /// In the syntax of the built-in rules: `……` a clause slot, `…` a word slot, `[甲|乙]`.
    pub pattern: String,
    pub category: Category,
    #[serde(default)]
    pub severity: Severity,
    /// Why it is marked; required, since the tooltip shows it.
    pub reason: String,
    #[serde(default)]
    pub suggestion: String,
}

impl CustomRule {
    /// Its rule id: `user:` and the pattern, so the same pattern is never added twice.
    pub fn id(&self) -> String {
        format!("user:{}", self.pattern.trim())
    }
}

/// A finding the user has accepted: that rule on that exact text is no longer marked.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IgnoredFinding {
    pub rule: String,
    pub text: String,
}

/// The user's choices as stored and exported (the JSON format, version
/// [`RULES_FORMAT_VERSION`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleConfig {
    pub version: u32,
    #[serde(default)]
    pub custom: Vec<CustomRule>,
    /// Ids of disabled rules, built-in or the user's.
    #[serde(default)]
    pub disabled: BTreeSet<String>,
    #[serde(default)]
    pub ignored: BTreeSet<IgnoredFinding>,
}

impl Default for RuleConfig {
    fn default() -> Self {
        RuleConfig {
            version: RULES_FORMAT_VERSION,
            custom: Vec::new(),
            disabled: BTreeSet::new(),
            ignored: BTreeSet::new(),
        }
    }
}

/// Why a rule set was refused. Nothing changes when one is returned. Its
/// [`Display`](fmt::Display) is a message for the user, in Chinese.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RuleError {
    /// The file is not JSON.
    Syntax {
        line: usize,
        column: usize,
    },
    /// The file is JSON but not a rule file: a missing field, an unknown category, an extra key.
    Format {
        line: usize,
        column: usize,
    },
    /// A rule file of another version.
    Version {
        found: u32,
    },
    Pattern {
        pattern: String,
        problem: PatternProblem,
    },
    EmptyReason {
        pattern: String,
    },
    Duplicate {
        pattern: String,
    },
    UnknownRule {
        id: String,
    },
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RuleError::Syntax { line, column } => {
                write!(f, "规则文件不是有效的 JSON（第 {line} 行第 {column} 列附近），规则没有改变。")
            }
            RuleError::Format { line, column } => write!(
                f,
                "规则文件的内容不符合格式（第 {line} 行第 {column} 列附近）：可能缺少字段，或类别不是 hat、boot、intensifier、slogan、stock 之一。规则没有改变。"
            ),
            RuleError::Version { found } => {
                write!(f, "规则文件的版本是 {found}，本程序只能读取版本 {RULES_FORMAT_VERSION}。规则没有改变。")
            }
            RuleError::Pattern { pattern, problem } => write!(f, "规则“{pattern}”无效：{problem}。"),
            RuleError::EmptyReason { pattern } => write!(f, "规则“{pattern}”缺少理由：请用一句话说明为什么要标出它。"),
            RuleError::Duplicate { pattern } => write!(f, "已经有一条“{pattern}”的规则。"),
            RuleError::UnknownRule { id } => write!(f, "没有编号为“{id}”的规则。"),
        }
    }
}

impl std::error::Error for RuleError {}

/// The built-in rules with nothing disabled: the matcher of [`RuleSet::default`], shared.
static DEFAULT_MATCHER: LazyLock<Arc<Matcher>> = LazyLock::new(|| {
    Arc::new(Matcher::new(BUILTIN.clone()).expect("the data test compiles the built-in rules"))
});

/// The rules an analysis runs with: the built-in rules minus the disabled ones, plus the user's
/// own, compiled. Cloning is cheap (the matcher is shared); every change recompiles, which takes
/// about a millisecond, and leaves the set unchanged when it fails.
///
/// # Examples
/// ```
/// use jianwen_engine::phrases::{find, Category, CustomRule, RuleSet, Severity};
/// let mut rules = RuleSet::default();
/// rules.add(CustomRule {
///     pattern: "以……为纲".into(),
///     category: Category::Stock,
///     severity: Severity::Medium,
///     reason: "口号式表述。".into(),
///     suggestion: "写明具体要求。".into(),
/// }).unwrap();
/// let json = rules.to_json();
/// assert_eq!(RuleSet::from_json(&json).unwrap(), rules);
/// let findings = find("各单位要以安全为纲开展工作。", &rules);
/// assert_eq!(&*findings.highlights[0].rule, "user:以……为纲");
/// let err = rules.add(CustomRule { pattern: "……为纲".into(), ..rules.config().custom[0].clone() }).unwrap_err();
/// assert_eq!(err.to_string(), "规则“……为纲”无效：不能以“……”开头或结尾，请在两端写出确定的字。");
/// ```
#[derive(Clone, Serialize, Deserialize)]
#[serde(try_from = "RuleConfig", into = "RuleConfig")]
pub struct RuleSet {
    config: RuleConfig,
    custom: Vec<Arc<CompiledRule>>,
    matcher: Arc<Matcher>,
}

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet {
            config: RuleConfig::default(),
            custom: Vec::new(),
            matcher: DEFAULT_MATCHER.clone(),
        }
    }
}

impl PartialEq for RuleSet {
    fn eq(&self, other: &Self) -> bool {
        self.config == other.config
    }
}

impl fmt::Debug for RuleSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RuleSet")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl TryFrom<RuleConfig> for RuleSet {
    type Error = RuleError;
    fn try_from(config: RuleConfig) -> Result<Self, RuleError> {
        RuleSet::new(config)
    }
}

impl From<RuleSet> for RuleConfig {
    fn from(rules: RuleSet) -> RuleConfig {
        rules.config
    }
}

impl RuleSet {
    /// Validates and compiles `config`.
    ///
    /// # Errors
    /// [`RuleError::Version`] for another format version; [`RuleError::Pattern`],
    /// [`RuleError::EmptyReason`] or [`RuleError::Duplicate`] for the first bad custom rule.
    pub fn new(config: RuleConfig) -> Result<RuleSet, RuleError> {
        if config.version != RULES_FORMAT_VERSION {
            return Err(RuleError::Version {
                found: config.version,
            });
        }
        let mut ids = BTreeSet::new();
        let mut custom = Vec::with_capacity(config.custom.len());
        for c in &config.custom {
            let pattern = c.pattern.trim().to_string();
            if c.reason.trim().is_empty() {
                return Err(RuleError::EmptyReason { pattern });
            }
            let builtin_twin = BUILTIN
                .iter()
                .any(|b| *b.rule.pattern == *pattern && !config.disabled.contains(&*b.rule.id));
            if !ids.insert(c.id()) || builtin_twin {
                return Err(RuleError::Duplicate { pattern });
            }
            let rule = Rule {
                id: c.id().into(),
                category: c.category,
                severity: c.severity,
                pattern: pattern.as_str().into(),
                reason: c.reason.trim().into(),
                suggestion: c.suggestion.trim().into(),
                source: "用户".into(),
            };
            custom.push(Arc::new(
                CompiledRule::new(rule)
                    .map_err(|problem| RuleError::Pattern { pattern, problem })?,
            ));
        }
        let changes_builtins = BUILTIN
            .iter()
            .any(|r| config.disabled.contains(&*r.rule.id));
        let matcher = if custom.is_empty() && !changes_builtins {
            DEFAULT_MATCHER.clone()
        } else {
            let enabled = BUILTIN
                .iter()
                .chain(&custom)
                .filter(|r| !config.disabled.contains(&*r.rule.id))
                .cloned();
            let matcher =
                Matcher::new(enabled.collect()).map_err(|problem| RuleError::Pattern {
                    pattern: config
                        .custom
                        .last()
                        .map(|c| c.pattern.clone())
                        .unwrap_or_default(),
                    problem,
                })?;
            Arc::new(matcher)
        };
        Ok(RuleSet {
            config,
            custom,
            matcher,
        })
    }

    /// Reads a rule file written by [`RuleSet::to_json`].
    ///
    /// # Errors
    /// [`RuleError::Syntax`] or [`RuleError::Format`] with the position, then as
    /// [`RuleSet::new`].
    pub fn from_json(json: &str) -> Result<RuleSet, RuleError> {
        let config: RuleConfig = serde_json::from_str(json).map_err(|e| {
            let (line, column) = (e.line(), char_column(json, e.line(), e.column()));
            match e.classify() {
                serde_json::error::Category::Data => RuleError::Format { line, column },
                _ => RuleError::Syntax { line, column },
            }
        })?;
        RuleSet::new(config)
    }

    /// The rule file: pretty-printed JSON of [`RuleSet::config`].
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.config)
            .expect("strings, numbers and sets always serialise")
    }

    /// Replaces this set with the one in `json`; on error nothing changes.
    ///
    /// # Errors
    /// As [`RuleSet::from_json`].
    pub fn import_json(&mut self, json: &str) -> Result<(), RuleError> {
        *self = RuleSet::from_json(json)?;
        Ok(())
    }

    pub fn config(&self) -> &RuleConfig {
        &self.config
    }

    /// Adds one of the user's rules; on error nothing changes.
    ///
    /// # Errors
    /// [`RuleError::Pattern`], [`RuleError::EmptyReason`] or [`RuleError::Duplicate`].
    pub fn add(&mut self, rule: CustomRule) -> Result<(), RuleError> {
        let mut config = self.config.clone();
        config.custom.push(rule);
        *self = RuleSet::new(config)?;
        Ok(())
    }

    /// Removes the user's rule with this id; false if there is none.
    pub fn remove(&mut self, id: &str) -> bool {
        let mut config = self.config.clone();
        config.custom.retain(|c| c.id() != id);
        if config.custom.len() == self.config.custom.len() {
            return false;
        }
        config.disabled.remove(id);
        *self = RuleSet::new(config).expect("removing a rule from a valid set leaves it valid");
        true
    }

    /// Turns a rule (built-in, the user's, or a `sentence.*` rule) on or off.
    ///
    /// # Errors
    /// [`RuleError::UnknownRule`] when no rule has this id; [`RuleError::Duplicate`] when
    /// enabling a built-in rule whose pattern the user has meanwhile added as their own.
    pub fn set_enabled(&mut self, id: &str, enabled: bool) -> Result<(), RuleError> {
        if self.rule(id).is_none() && !SENTENCE_RULES.iter().any(|r| r.id == id) {
            return Err(RuleError::UnknownRule { id: id.to_string() });
        }
        let mut config = self.config.clone();
        if enabled {
            config.disabled.remove(id);
        } else {
            config.disabled.insert(id.to_string());
        }
        *self = RuleSet::new(config)?;
        Ok(())
    }

    pub fn is_enabled(&self, id: &str) -> bool {
        !self.config.disabled.contains(id)
    }

    /// Stops marking `rule` on exactly `text`.
    pub fn ignore(&mut self, rule: &str, text: &str) {
        self.config.ignored.insert(IgnoredFinding {
            rule: rule.to_string(),
            text: text.to_string(),
        });
    }

    /// Marks it again; false if it was not ignored.
    pub fn unignore(&mut self, rule: &str, text: &str) -> bool {
        self.config.ignored.remove(&IgnoredFinding {
            rule: rule.to_string(),
            text: text.to_string(),
        })
    }

    pub fn is_ignored(&self, rule: &str, text: &str) -> bool {
        // Cheap when nothing is ignored, which is the common case on every keystroke.
        !self.config.ignored.is_empty()
            && self
                .config
                .ignored
                .iter()
                .any(|i| i.rule == rule && i.text == text)
    }

    /// The built-in or user rule with this id, enabled or not.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        BUILTIN
            .iter()
            .chain(&self.custom)
            .map(|r| &r.rule)
            .find(|r| &*r.id == id)
    }

    /// All rules, built-in first, enabled or not (see [`RuleSet::is_enabled`]).
    pub fn rules(&self) -> impl Iterator<Item = &Rule> {
        BUILTIN.iter().chain(&self.custom).map(|r| &r.rule)
    }

    pub(crate) fn matcher(&self) -> &Matcher {
        &self.matcher
    }
}

/// serde_json counts columns in bytes; a user counts characters (以 is one column, not three).
fn char_column(json: &str, line: usize, byte_column: usize) -> usize {
    let Some(text) = json.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let mut end = byte_column.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].chars().count()
}
