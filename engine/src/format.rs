//! 公文 format checks: what a proofreader looks at first, with safe one-click fixes.
//!
//! The facts come from GB/T 9704-2012 (层次序数, 发文字号, 成文日期, 附件说明, 主送机关) and
//! GB/T 15834/15835 (punctuation and numbers); `docs/reference/gbt9704.md` sums them up. Tools
//! made for web copy get 公文 wrong (they put spaces between 汉字 and digits, or turn （一） into
//! (一)), so every check here is written for 公文: "3月10日" and "（一）" are right.
//!
//! # Overview
//! - [`check`] runs every enabled rule of [`RULES`] over a text and returns [`FormatFinding`]s in
//!   text order. Each finding names its rule, a [`Severity`], a message in Chinese and, when the
//!   right text is certain, a [`Fix`].
//! - A [`Fix`] is a list of [`Edit`]s that replace only the flagged text. [`apply_fixes`] applies
//!   a batch of fixes; [`apply_rule_fixes`] applies every fix of one rule (the UI's "全部修正").
//!   Nothing is ever rewritten without the user's click: [`check`] only reports.
//! - [`FormatSettings`] switches rules off per draft and sets the long-sentence threshold;
//!   [`FormatSettings::try_long_sentence_chars`] checks a threshold the user types.
//!
//! # Who reports what
//! Each character is judged by one rule, so findings do not repeat each other and no two fixes
//! of one analysis overlap: the mark of a heading (`(一)`, `1、`) belongs to
//! `format.numbering.mark`, a 发文字号 to the `format.docnum.*` rules, the number and trailing
//! mark of an attachment name to `format.attachment.*`, the last mark of the 主送机关 to
//! `format.addressee.colon`, and a run of two or more marks to `format.punct.repeat` or
//! `format.punct.ellipsis`. Punctuation checks never look inside URLs, e-mail addresses or
//! 发文字号, and a half-width mark only counts as Chinese punctuation next to Chinese text, so
//! numbers (`3.14`, `1,000`, `10:30`), item numbers (`1.`) and English sentences stay untouched.
//! Only the long-sentence note spans other findings: it covers a whole sentence.
//!
//! # Examples
//! ```
//! use jianwen_engine::format::{apply_rule_fixes, check, FormatSettings};
//! let text = "根据《通知》(国办发[2019]07号),现通知如下:";
//! let findings = check(text, &FormatSettings::default());
//! let rules: Vec<&str> = findings.iter().map(|f| f.rule).collect();
//! assert_eq!(
//!     rules,
//!     [
//!         "format.punct.halfwidth",
//!         "format.docnum.bracket",
//!         "format.docnum.serial",
//!         "format.punct.halfwidth",
//!         "format.punct.halfwidth",
//!         "format.punct.halfwidth",
//!     ]
//! );
//! let (fixed, applied) = apply_rule_fixes(text, &findings, "format.punct.halfwidth");
//! assert_eq!(applied, 4);
//! assert_eq!(fixed, "根据《通知》（国办发[2019]07号），现通知如下：");
//! ```
//!
//! # Performance
//! One pass per rule over the paragraphs, with five regexes compiled on first use (about 2 ms
//! natively): about 2 ms natively for the 10 000-字 work report of the corpus, 1 ms for a
//! 4000-字 seed document with 160 findings.
//!
//! # Unicode
//! Spans are UTF-8 byte ranges on `char` boundaries. The patterns use explicit character ranges
//! only, so they compile with `regex`'s Unicode tables left out of the wasm build.

mod addressee;
pub(crate) mod attachment;
mod context;
mod date;
mod docnum;
pub(crate) mod numbering;
mod punct;
pub(crate) mod scoped;
mod wording;

use crate::sentences::{sentences, Sentence};
use context::Context;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;
use std::ops::{Range, RangeInclusive};

/// How sure the rule is that the text breaks the standard.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A matter of style for the author to weigh (a doubled 的, a very long sentence).
    Note,
    /// Probably wrong, but a deliberate choice is possible (numbering that runs on across
    /// sections, a single dash between place names).
    #[default]
    Warning,
    /// Against GB/T 9704 or GB/T 15834/15835 as written (`[2019]`, `2019年02月`, a half-width
    /// comma between 汉字).
    Error,
}

impl Severity {
    /// The identifier used in JSON and the DOM (`data-severity`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One replacement: `span` (UTF-8 bytes into the analysed text) becomes `replacement`. An empty
/// span inserts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub span: Range<usize>,
    pub replacement: String,
}

/// What a finding's "修正" button does: edits within the flagged text, applied together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// Non-overlapping, in text order.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix of one edit.
    fn replace(span: Range<usize>, replacement: impl Into<String>) -> Fix {
        Fix {
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
        }
    }
}

/// One problem found in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FormatFinding {
    /// Byte range into the text, on `char` boundaries; never empty.
    pub span: Range<usize>,
    /// The rule's id (`format.punct.halfwidth`), as in [`RULES`] and the DOM's `data-rule`.
    pub rule: &'static str,
    pub severity: Severity,
    /// What is wrong and what is right, in Chinese, for the tooltip and the side list.
    pub message: String,
    /// Present only when the right text is certain.
    pub fix: Option<Fix>,
}

/// What a rule function reports; [`check`] adds the rule's id and severity.
struct Hit {
    span: Range<usize>,
    message: String,
    fix: Option<Fix>,
}

/// One check: an id, how severe its findings are, the names the UI shows, and a pure function
/// from the analysed document to findings.
pub struct FormatRule {
    /// Stable identifier, `format.<area>.<what>`.
    pub id: &'static str,
    pub severity: Severity,
    /// Short Chinese name for the list of rule switches.
    pub name: &'static str,
    /// One wrong → right example, for the switch's tooltip.
    pub example: &'static str,
    check: fn(&Context, &mut Vec<Hit>),
    /// What the check reads.
    scope: Scope,
}

/// What a rule's check reads, which decides whether its findings in a paragraph can be reused
/// while other paragraphs change (see [`scoped`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    /// One paragraph, given what [`scoped::ParagraphRole`] says of its place in the document.
    Paragraph,
    /// The headings, 附件说明 or 主送机关 of the whole document.
    Document,
}

impl std::fmt::Debug for FormatRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FormatRule")
            .field("id", &self.id)
            .field("severity", &self.severity)
            .finish_non_exhaustive()
    }
}

const fn rule(
    id: &'static str,
    severity: Severity,
    name: &'static str,
    example: &'static str,
    check: fn(&Context, &mut Vec<Hit>),
) -> FormatRule {
    FormatRule {
        id,
        severity,
        name,
        example,
        check,
        scope: Scope::Paragraph,
    }
}

/// A rule whose check reads the whole document ([`Scope::Document`]).
const fn document_rule(
    id: &'static str,
    severity: Severity,
    name: &'static str,
    example: &'static str,
    check: fn(&Context, &mut Vec<Hit>),
) -> FormatRule {
    FormatRule {
        scope: Scope::Document,
        ..rule(id, severity, name, example, check)
    }
}

use Severity::{Error, Note, Warning};

/// Every format rule, in the order the UI lists them.
pub static RULES: [FormatRule; 22] = [
    rule(
        "format.numbering.mark",
        Error,
        "层次序数标点",
        "一.总体要求 → 一、总体要求；(一) → （一）；1、 → 1.",
        numbering::mark,
    ),
    document_rule(
        "format.numbering.sequence",
        Error,
        "层次序数连续",
        "一、 二、 四、 → 缺少“三、”",
        numbering::sequence,
    ),
    document_rule(
        "format.numbering.restart",
        Warning,
        "换上级后重新编号",
        "一、 1. 2. 二、 3. → 二、之下应从 1. 开始",
        numbering::restart,
    ),
    document_rule(
        "format.numbering.level",
        Warning,
        "层次序数层级",
        "用了（一）的文中，一、 之下直接写 1. → 缺少（一）这一层",
        numbering::level,
    ),
    rule(
        "format.docnum.bracket",
        Error,
        "发文字号括号",
        "国办发[2019]7号 → 国办发〔2019〕7号",
        docnum::bracket,
    ),
    rule(
        "format.docnum.year",
        Error,
        "发文字号年份",
        "国办发〔19〕7号 → 年份写全：〔2019〕",
        docnum::year,
    ),
    rule(
        "format.docnum.serial",
        Error,
        "发文字号序号",
        "国办发〔2019〕第07号 → 国办发〔2019〕7号",
        docnum::serial,
    ),
    rule(
        "format.date.zero",
        Error,
        "日期前导零",
        "2019年02月05日 → 2019年2月5日",
        date::zero,
    ),
    rule(
        "format.date.year",
        Error,
        "年份简写",
        "19年3月 → 2019年3月",
        date::abbreviated_year,
    ),
    rule(
        "format.date.mixed",
        Error,
        "日期数字混用",
        "二〇一九年3月 → 2019年3月",
        date::mixed,
    ),
    rule(
        "format.date.numerals",
        Warning,
        "日期用汉字数字",
        "二〇一九年三月五日 → 2019年3月5日",
        date::numerals,
    ),
    rule(
        "format.punct.halfwidth",
        Error,
        "半角标点",
        "工作,要求 → 工作，要求",
        punct::halfwidth,
    ),
    rule(
        "format.punct.pair",
        Warning,
        "引号括号配对",
        "“意见」 → “意见”",
        punct::pairs,
    ),
    rule(
        "format.punct.repeat",
        Error,
        "标点重复",
        "要求，，各单位 → 要求，各单位",
        punct::repeat,
    ),
    rule(
        "format.punct.dash",
        Warning,
        "破折号",
        "会议--部署 → 会议——部署",
        punct::dash,
    ),
    rule(
        "format.punct.ellipsis",
        Error,
        "省略号",
        "等等... → 等等……",
        punct::ellipsis,
    ),
    rule(
        "format.punct.space",
        Warning,
        "汉字间空格",
        "工作 要求 → 工作要求",
        punct::space,
    ),
    rule(
        "format.word.repeat",
        Note,
        "重复字词",
        "研究的的问题 → 研究的问题",
        wording::repeated,
    ),
    rule(
        "format.sentence.long",
        Note,
        "长句",
        "一句超过120字而没有句号、问号、叹号或分号",
        wording::long_sentences,
    ),
    document_rule(
        "format.attachment.number",
        Warning,
        "附件序号",
        "附件：1、名称 → 附件：1.名称",
        attachment::number,
    ),
    document_rule(
        "format.attachment.punct",
        Error,
        "附件名称标点",
        "附件：关于……的通知。 → 附件：关于……的通知",
        attachment::punctuation,
    ),
    document_rule(
        "format.addressee.colon",
        Error,
        "主送机关冒号",
        "各区县人民政府， → 各区县人民政府：",
        addressee::colon,
    ),
];

/// The rule with this id.
pub fn rule_by_id(id: &str) -> Option<&'static FormatRule> {
    RULES.iter().find(|r| r.id == id)
}

/// The default for [`FormatSettings::long_sentence_chars`].
pub const LONG_SENTENCE_CHARS: usize = 120;

/// The values a user may choose for [`FormatSettings::long_sentence_chars`]: below 20 字
/// ordinary sentences would be noted, above 1000 no sentence would.
/// [`FormatSettings::try_long_sentence_chars`] checks a typed value against it, and a number
/// field can take its ends as its `min` and `max`.
pub const LONG_SENTENCE_RANGE: RangeInclusive<usize> = 20..=1000;

/// The user's choices for the format checks, stored with the draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FormatSettings {
    /// Ids of the rules switched off.
    pub disabled: BTreeSet<String>,
    /// A sentence with more 字 than this (Word's 字数) is noted by `format.sentence.long`.
    pub long_sentence_chars: usize,
}

impl Default for FormatSettings {
    fn default() -> Self {
        FormatSettings {
            disabled: BTreeSet::new(),
            long_sentence_chars: LONG_SENTENCE_CHARS,
        }
    }
}

impl FormatSettings {
    pub fn is_enabled(&self, rule: &str) -> bool {
        !self.disabled.contains(rule)
    }

    /// `chars` as a [`long_sentence_chars`](Self::long_sentence_chars) threshold the user may
    /// choose. Stored settings are not checked on loading, so a value saved by hand still loads;
    /// this is the check for a value the user types.
    ///
    /// # Errors
    /// [`FormatSettingsError::LongSentenceChars`] when `chars` is outside
    /// [`LONG_SENTENCE_RANGE`].
    ///
    /// # Examples
    /// ```
    /// use jianwen_engine::format::{FormatSettings, LONG_SENTENCE_CHARS};
    /// assert_eq!(FormatSettings::try_long_sentence_chars(LONG_SENTENCE_CHARS), Ok(120));
    /// assert_eq!(
    ///     FormatSettings::try_long_sentence_chars(19).unwrap_err().to_string(),
    ///     "长句提示字数应在 20 到 1000 之间，当前为 19"
    /// );
    /// ```
    pub fn try_long_sentence_chars(chars: usize) -> Result<usize, FormatSettingsError> {
        if LONG_SENTENCE_RANGE.contains(&chars) {
            Ok(chars)
        } else {
            Err(FormatSettingsError::LongSentenceChars(chars))
        }
    }
}

/// A value for [`FormatSettings`] that cannot be used. Nothing changes when one is returned. Its
/// [`Display`](fmt::Display) is a message for the user, in Chinese, naming the bad value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FormatSettingsError {
    /// A long-sentence threshold outside [`LONG_SENTENCE_RANGE`].
    LongSentenceChars(usize),
}

impl fmt::Display for FormatSettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            FormatSettingsError::LongSentenceChars(n) => write!(
                f,
                "长句提示字数应在 {} 到 {} 之间，当前为 {n}",
                LONG_SENTENCE_RANGE.start(),
                LONG_SENTENCE_RANGE.end()
            ),
        }
    }
}

impl std::error::Error for FormatSettingsError {}

/// Runs every enabled rule over `text`. Findings come sorted by position, then by rule order.
/// Never panics, whatever the input.
pub fn check(text: &str, settings: &FormatSettings) -> Vec<FormatFinding> {
    check_in(text, settings, &sentences(text))
}

/// [`check`] with the `sentences` of `text`, which [`analyze`](crate::analyze) has split already.
pub(crate) fn check_in(
    text: &str,
    settings: &FormatSettings,
    sentences: &[Sentence],
) -> Vec<FormatFinding> {
    let cx = Context::new(text, settings, sentences);
    let mut findings = run_rules(&cx, |_| true);
    // A stable sort keeps rule order among findings at the same place.
    findings.sort_by_key(|f| (f.span.start, f.span.end));
    findings
}

/// The findings of every enabled rule of [`RULES`] that `chosen` accepts, rule by rule in the
/// order of [`RULES`].
fn run_rules(cx: &Context, chosen: impl Fn(&FormatRule) -> bool) -> Vec<FormatFinding> {
    let mut findings = Vec::new();
    let mut hits = Vec::new();
    for rule in RULES
        .iter()
        .filter(|r| cx.settings.is_enabled(r.id) && chosen(r))
    {
        (rule.check)(cx, &mut hits);
        findings.extend(hits.drain(..).map(|h| FormatFinding {
            span: h.span,
            rule: rule.id,
            severity: rule.severity,
            message: h.message,
            fix: h.fix,
        }));
    }
    findings
}

/// Applies `fixes` to `text` and returns the new text.
///
/// Fixes are taken in order; a fix is skipped whole if one of its edits overlaps (or inserts at
/// the same place as) an edit already taken, or does not fit `text` (a fix from the analysis of
/// an older version). So text outside the taken edits is never changed.
///
/// # Examples
/// ```
/// use jianwen_engine::format::{apply_fixes, Edit, Fix};
/// let fix = |span, to: &str| Fix { edits: vec![Edit { span, replacement: to.to_string() }] };
/// let text = "工作,要求;";
/// assert_eq!(apply_fixes(text, &[fix(6..7, "，"), fix(13..14, "；")]), "工作，要求；");
/// assert_eq!(apply_fixes(text, &[fix(6..7, "，"), fix(6..7, "、")]), "工作，要求;");
/// ```
pub fn apply_fixes(text: &str, fixes: &[Fix]) -> String {
    apply(text, fixes.iter()).0
}

/// Applies every fix of the findings of `rule` (the UI's "全部修正"), and says how many were
/// applied. The findings must come from the analysis of `text`.
pub fn apply_rule_fixes(text: &str, findings: &[FormatFinding], rule: &str) -> (String, usize) {
    apply(
        text,
        findings
            .iter()
            .filter(|f| f.rule == rule)
            .filter_map(|f| f.fix.as_ref()),
    )
}

fn apply<'f>(text: &str, fixes: impl Iterator<Item = &'f Fix>) -> (String, usize) {
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    for fix in fixes {
        let fits = fix.edits.iter().all(|e| {
            e.span.start <= e.span.end
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
                && !taken.iter().any(|t| clash(&t.span, &e.span))
        });
        let disjoint = fix
            .edits
            .iter()
            .enumerate()
            .all(|(i, a)| fix.edits[i + 1..].iter().all(|b| !clash(&a.span, &b.span)));
        if fits && disjoint {
            taken.extend(&fix.edits);
            applied += 1;
        }
    }
    taken.sort_by_key(|e| e.span.start);
    let mut out = String::with_capacity(text.len() + taken.len() * 3);
    let mut at = 0;
    for edit in taken {
        out.push_str(&text[at..edit.span.start]);
        out.push_str(&edit.replacement);
        at = edit.span.end;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

/// Whether two edits cannot both be applied: they overlap, or both start at one place (two
/// insertions there would have no defined order).
fn clash(a: &Range<usize>, b: &Range<usize>) -> bool {
    (a.start < b.end && b.start < a.end) || a.start == b.start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_sentence_threshold_is_checked_against_its_range() {
        let refused = |n: usize| Err(FormatSettingsError::LongSentenceChars(n));
        let cases = [
            (0, refused(0)),
            (19, refused(19)),
            (20, Ok(20)),
            (LONG_SENTENCE_CHARS, Ok(LONG_SENTENCE_CHARS)),
            (1000, Ok(1000)),
            (1001, refused(1001)),
            (usize::MAX, refused(usize::MAX)),
        ];
        for (chars, want) in cases {
            assert_eq!(
                FormatSettings::try_long_sentence_chars(chars),
                want,
                "{chars}"
            );
        }
    }

    #[test]
    fn long_sentence_error_names_the_range_and_the_value() {
        let cases = [
            (19, "长句提示字数应在 20 到 1000 之间，当前为 19"),
            (1001, "长句提示字数应在 20 到 1000 之间，当前为 1001"),
        ];
        for (chars, want) in cases {
            let error = FormatSettings::try_long_sentence_chars(chars).unwrap_err();
            assert_eq!(error.to_string(), want);
        }
    }
}
