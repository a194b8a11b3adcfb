//! Analysis while the user types: [`Analyzer`] keeps the results of each paragraph and reuses
//! them on the next call, so that a keystroke costs the analysis of the paragraph it changed plus
//! the passes that read the whole document's structure.
//!
//! # What is reused
//! Per paragraph text, under unchanged settings ([`ParagraphAnalysis`]): its counts, its lines
//! as a body paragraph, its sentences, its phrase matches; and ([`ParagraphFormat`]) the findings
//! of the paragraph format checks, for the role it had ([`ParagraphRole`](crate::format::scoped::ParagraphRole)). Each of these depends on the
//! paragraph's text alone, offsets taken from its start:
//! - counting keeps no state across a line break;
//! - a paragraph's lines depend only on its text and on whether it is the title;
//! - sentences never cross a line break;
//! - no phrase match holds a line break (clause slots exclude it; a user's rule that holds one
//!   switches to searching the whole text, see `Matcher::matches_within_lines`), and the words
//!   that negate a match are looked for on its own line;
//! - the paragraph format checks are a function of the text and the role
//!   (see [`format::scoped`](crate::format::scoped)).
//!
//! # What runs over the whole document on every call
//! Splitting into paragraphs and finding each one's entry (a hash of every paragraph); the title's
//! lines; pagination; the zones of opening and closing, whole-sentence highlights, density and
//! adverb budget of the phrases; the document structure of the format checks (headings,
//! 附件说明, 主送机关) with the numbering, attachment and addressee rules; the caps. These read
//! per-paragraph results or only the start of each paragraph, except the caps, which count 字 up
//! to a page start.

mod paragraph;
mod paragraph_cache;

use crate::caps;
use crate::counting::Counts;
use crate::format::scoped::{check_document, into_text_order, shifted};
use crate::layout::{
    addressee_paragraph, paginate, paragraph_line_starts, role_of, ParagraphLayout, Role,
};
use crate::paragraphs::paragraph_spans;
use crate::phrases::{self, Found, RawMatch, Shape};
use crate::roles::TextEvidence;
use crate::sentences::Sentence;
use crate::{Analysis, Settings};
use paragraph::{ParagraphAnalysis, ParagraphFormat};
use paragraph_cache::ParagraphCache;
use std::ops::Range;
use std::sync::Arc;

/// Analyses successive versions of a draft, reusing what it can of the previous call.
///
/// The result always equals [`analyze`](crate::analyze)`(text, settings)`, whatever was
/// analysed before and under whichever settings. Memory is bounded by what the latest call
/// used: the results of the paragraphs of the latest text.
///
/// # Examples
/// ```
/// use jianwen_engine::{analyze, Analyzer, Settings};
/// let settings = Settings::default();
/// let mut analyzer = Analyzer::new();
/// let draft = "关于加强安全生产的通知\n各单位：\n为深入贯彻落实上级会议精神，现就有关事项通知如下。";
/// analyzer.analyze(draft, &settings);
/// let edited = draft.replace("有关事项", "安全生产有关事项");
/// assert_eq!(analyzer.analyze(&edited, &settings), analyze(&edited, &settings));
/// ```
#[derive(Default)]
pub struct Analyzer {
    /// The settings the cached results were computed under.
    settings: Option<Settings>,
    /// Whether the rules of `settings` find phrases paragraph by paragraph.
    phrases_per_paragraph: bool,
    paragraphs: ParagraphCache<ParagraphAnalysis>,
    format: ParagraphCache<ParagraphFormat>,
}

impl Analyzer {
    pub fn new() -> Self {
        Self::default()
    }

    /// Analyses `text` under `settings`: equal to [`analyze`](crate::analyze)`(text, settings)`.
    /// Never panics, whatever the input.
    pub fn analyze(&mut self, text: &str, settings: &Settings) -> Analysis {
        if self.settings.as_ref() != Some(settings) {
            self.paragraphs.clear();
            self.format.clear();
            self.phrases_per_paragraph = settings.rules.matcher().matches_within_lines();
            self.settings = Some(settings.clone());
        }
        let spans = paragraph_spans(text);
        let parts: Vec<Arc<ParagraphAnalysis>> = spans
            .iter()
            .map(|span| {
                let paragraph = &text[span.clone()];
                self.paragraphs.get_or_make(
                    paragraph,
                    |_| true,
                    || ParagraphAnalysis::new(paragraph, settings, self.phrases_per_paragraph),
                )
            })
            .collect();

        let counts = parts
            .iter()
            .fold(Counts::default(), |sum, p| sum.plus(p.counts));
        let layout = paginate(
            text,
            layout_paragraphs(text, &spans, &parts, settings),
            &settings.layout,
        );
        let sentences = sentences(&spans, &parts);
        let found = if self.phrases_per_paragraph {
            found(&spans, &parts)
        } else {
            settings.rules.matcher().find(text)
        };
        let shapes: Vec<Shape> = parts
            .iter()
            .flat_map(|p| p.shapes.iter().copied())
            .collect();
        let texts: Vec<&TextEvidence> = parts.iter().flat_map(|p| p.texts.iter()).collect();
        let phrases = phrases::resolve(
            text,
            &settings.rules,
            counts.word_count,
            &sentences,
            &shapes,
            &texts,
            found,
        );
        let format = self.format(text, &spans, &parts, settings);
        let caps = settings
            .cap
            .as_ref()
            .map(|cap| caps::evaluate(cap, &counts, &layout, text, settings.speaking_rate));
        self.paragraphs.end_call();
        self.format.end_call();
        let mut analysis = Analysis {
            speaking_tenths: settings.speaking_rate.tenths_of_minute(counts.word_count),
            counts,
            layout,
            phrases,
            caps,
            format,
            cut: crate::cut::CutSavings::default(),
        };
        analysis.cut = crate::cut::savings(text, &analysis, settings);
        analysis
    }

    /// The format findings: the document rules over the whole text, the paragraph rules from
    /// the cache where a paragraph's text and role are unchanged.
    fn format(
        &mut self,
        text: &str,
        spans: &[Range<usize>],
        parts: &[Arc<ParagraphAnalysis>],
        settings: &Settings,
    ) -> Vec<crate::format::FormatFinding> {
        let document = check_document(text, &settings.format, spans.to_vec());
        let mut findings = document.findings;
        for ((span, part), role) in spans.iter().zip(parts).zip(&document.roles) {
            let paragraph = &text[span.clone()];
            let checked = self.format.get_or_make(
                paragraph,
                |kept| kept.role == *role,
                || ParagraphFormat::new(paragraph, settings, &part.sentences, role),
            );
            findings.extend(checked.findings.iter().map(|f| shifted(f, span.start)));
        }
        into_text_order(&mut findings);
        findings
    }
}

/// The lines of every paragraph, those of the title and the 主送机关 laid out afresh (their lines
/// differ from a body paragraph's).
fn layout_paragraphs(
    text: &str,
    spans: &[Range<usize>],
    parts: &[Arc<ParagraphAnalysis>],
    settings: &Settings,
) -> Vec<ParagraphLayout> {
    let addressee = addressee_paragraph(text, spans, &settings.layout);
    spans
        .iter()
        .zip(parts)
        .enumerate()
        .map(|(index, (span, part))| {
            let role = role_of(index, addressee, &settings.layout);
            let line_starts = if role != Role::Body {
                let mut scratch = Default::default();
                paragraph_line_starts(
                    &text[span.clone()],
                    span.start,
                    role,
                    &settings.layout,
                    &mut scratch,
                )
            } else {
                part.line_starts.iter().map(|&at| span.start + at).collect()
            };
            ParagraphLayout {
                span: span.clone(),
                line_starts,
            }
        })
        .collect()
}

/// The sentences of the text, each paragraph's moved to where it starts.
fn sentences(spans: &[Range<usize>], parts: &[Arc<ParagraphAnalysis>]) -> Vec<Sentence> {
    let mut all = Vec::with_capacity(parts.iter().map(|p| p.sentences.len()).sum());
    for (paragraph, (span, part)) in spans.iter().zip(parts).enumerate() {
        all.extend(part.sentences.iter().map(|s| Sentence {
            span: moved(&s.span, span.start),
            paragraph,
        }));
    }
    all
}

/// The phrase matches of the text, each paragraph's moved to where it starts. Greedy
/// leftmost-longest selection never looks past a line break when no match crosses one, so this
/// is what searching the whole text finds.
fn found(spans: &[Range<usize>], parts: &[Arc<ParagraphAnalysis>]) -> Found {
    let mut all = Found {
        matches: Vec::new(),
        adverbs: Vec::new(),
    };
    for (span, part) in spans.iter().zip(parts) {
        let Some(found) = &part.found else {
            continue;
        };
        all.matches.extend(found.matches.iter().map(|m| RawMatch {
            span: moved(&m.span, span.start),
            rule: m.rule,
        }));
        all.adverbs
            .extend(found.adverbs.iter().map(|a| moved(a, span.start)));
    }
    all
}

fn moved(span: &Range<usize>, by: usize) -> Range<usize> {
    span.start + by..span.end + by
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_caches_hold_the_paragraphs_of_the_latest_text_only() {
        let settings = Settings::default();
        let mut analyzer = Analyzer::new();
        let mut text = String::from("标题\n甲乙丙。\n“引文\n“引文\n丁戊己。\n");
        for i in 0..50 {
            // Typing at the end of the second paragraph: a new text for it at every call.
            text.insert(
                text.find('\n').unwrap() + 1,
                if i % 2 == 0 { '字' } else { '，' },
            );
            analyzer.analyze(&text, &settings);
            let paragraphs = paragraph_spans(&text).len();
            assert_eq!(
                analyzer.paragraphs.len(),
                paragraphs - 1,
                "one entry per distinct paragraph"
            );
            // The two "“引文" have different roles: one is followed by another quotation.
            assert_eq!(
                analyzer.format.len(),
                paragraphs,
                "one entry per paragraph and role"
            );
        }
    }
}
