//! The format checks split by what they read, so that [`Analyzer`](crate::Analyzer) can reuse the
//! findings of a paragraph while the user types in another.
//!
//! Most rules ([`Scope::Paragraph`]) judge a paragraph by its own characters, given three facts
//! from the rest of the document, its [`ParagraphRole`]: whether its list marker may be a heading
//! (not in a 附件说明, not an attachment's first line), which of its marks the attachment and
//! 主送机关 rules own, and how the next paragraph begins (a quotation of several paragraphs opens
//! each and closes only the last). Every pattern these rules search for (dates, 发文字号, URLs,
//! e-mail addresses, runs of marks) stops at a line break, so their findings in a paragraph are
//! a function of its text and its role. The few others ([`Scope::Document`]: numbering
//! sequences, 附件说明, 主送机关) read the document's structure, which [`check_document`] works
//! out without decoding the characters.

use super::context::{lead, Context};
use super::{run_rules, FormatFinding, FormatSettings, Scope, RULES};
use crate::sentences::Sentence;
use std::ops::Range;

/// What the paragraph checks need to know of a paragraph's place in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ParagraphRole {
    /// Its list marker may be a heading: it is neither in a 附件说明 nor an attachment's first
    /// line.
    pub(crate) may_be_heading: bool,
    /// Marks owned by the attachment and 主送机关 rules, which the punctuation checks leave
    /// alone: byte ranges within the paragraph, attachment marks first.
    pub(crate) protected: Vec<Range<usize>>,
    /// The first character of the next paragraph that is not a space.
    pub(crate) followed_by: Option<char>,
}

/// The findings of the [`Scope::Document`] rules, and the role of each paragraph.
pub(crate) struct DocumentPass {
    /// In the order of [`RULES`], not yet in text order.
    pub(crate) findings: Vec<FormatFinding>,
    pub(crate) roles: Vec<ParagraphRole>,
}

/// Runs the [`Scope::Document`] rules over `text`, whose paragraphs are `paragraphs`.
pub(crate) fn check_document(
    text: &str,
    settings: &FormatSettings,
    paragraphs: Vec<Range<usize>>,
) -> DocumentPass {
    let cx = Context::document(text, settings, paragraphs);
    DocumentPass {
        findings: run_rules(&cx, |r| r.scope == Scope::Document),
        roles: roles(&cx),
    }
}

fn roles(cx: &Context) -> Vec<ParagraphRole> {
    let paragraphs = &cx.paragraphs;
    let mut roles: Vec<ParagraphRole> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, _)| ParagraphRole {
            may_be_heading: !cx.attachments.starts_part(i) && !cx.attachments.in_list(i),
            protected: Vec::new(),
            followed_by: paragraphs
                .get(i + 1)
                .and_then(|next| lead(&cx.text[next.clone()])),
        })
        .collect();
    let owned = cx
        .attachments
        .protected()
        .chain(cx.addressee.iter().filter_map(|a| a.mark.clone()));
    for span in owned {
        // Each owned mark lies within one line and is never empty.
        let i = paragraphs.partition_point(|p| p.end <= span.start);
        let start = paragraphs[i].start;
        roles[i]
            .protected
            .push(span.start - start..span.end - start);
    }
    roles
}

/// Runs the [`Scope::Paragraph`] rules over one `paragraph` with its `sentences` (offsets
/// within the paragraph) and its `role`. The findings are in the order of [`RULES`], their
/// offsets within the paragraph.
pub(crate) fn check_paragraph(
    paragraph: &str,
    settings: &FormatSettings,
    sentences: &[Sentence],
    role: &ParagraphRole,
) -> Vec<FormatFinding> {
    let cx = Context::paragraph(paragraph, settings, sentences, role);
    run_rules(&cx, |r| r.scope == Scope::Paragraph)
}

/// `finding` with its span and its fix's edits moved `by` bytes later.
pub(crate) fn shifted(finding: &FormatFinding, by: usize) -> FormatFinding {
    let mut moved = finding.clone();
    moved.span = moved.span.start + by..moved.span.end + by;
    for edit in moved.fix.iter_mut().flat_map(|fix| &mut fix.edits) {
        edit.span = edit.span.start + by..edit.span.end + by;
    }
    moved
}

/// Puts findings gathered rule by rule in the order [`check`](super::check) gives: by position,
/// then by rule order. Findings of one rule at one place keep their order.
pub(crate) fn into_text_order(findings: &mut [FormatFinding]) {
    let rank = |id: &str| RULES.iter().position(|r| r.id == id);
    findings.sort_by_cached_key(|f| (f.span.start, f.span.end, rank(f.rule)));
}
