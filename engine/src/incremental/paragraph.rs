//! What one paragraph contributes to an analysis, computed from its text alone, with offsets
//! within the paragraph.

use crate::counting::{count, Counts};
use crate::format::scoped::{check_paragraph, ParagraphRole};
use crate::format::FormatFinding;
use crate::layout::{paragraph_line_starts, Role};
use crate::phrases::{shapes, text_evidence, Found, Shape};
use crate::roles::TextEvidence;
use crate::sentences::{sentences, Sentence};
use crate::Settings;

/// The parts of the analysis that depend on a paragraph's text alone (given the settings).
pub(super) struct ParagraphAnalysis {
    /// Nothing is counted across a line break, so the figures of a text are the sums of those
    /// of its paragraphs.
    pub(super) counts: Counts,
    /// Where its lines start when it is not the title (the title is laid out without indent).
    pub(super) line_starts: Vec<usize>,
    /// Sentences never cross a line break; their `paragraph` is 0.
    pub(super) sentences: Vec<Sentence>,
    /// What each sentence looks like to the phrase zones, which depends on its paragraph alone.
    pub(super) shapes: Vec<Shape>,
    /// What the role model reads of each sentence's own text.
    pub(super) texts: Vec<TextEvidence>,
    /// The phrase matcher's matches and weak adverbs, or `None` when the rules allow a match
    /// across lines and the whole text must be searched instead.
    pub(super) found: Option<Found>,
}

impl ParagraphAnalysis {
    /// Analyses `paragraph`, a line of the text without its line break.
    pub(super) fn new(paragraph: &str, settings: &Settings, phrases_per_paragraph: bool) -> Self {
        let sentences = sentences(paragraph);
        ParagraphAnalysis {
            counts: count(paragraph),
            line_starts: paragraph_line_starts(
                paragraph,
                0,
                Role::Body,
                &settings.layout,
                &mut Default::default(),
            ),
            shapes: shapes(paragraph, &sentences),
            texts: text_evidence(paragraph, &sentences),
            sentences,
            found: phrases_per_paragraph.then(|| settings.rules.matcher().find(paragraph)),
        }
    }
}

/// The findings of the paragraph format checks in one paragraph, for the role it had.
pub(super) struct ParagraphFormat {
    pub(super) role: ParagraphRole,
    /// In the order of the rules, offsets within the paragraph.
    pub(super) findings: Vec<FormatFinding>,
}

impl ParagraphFormat {
    pub(super) fn new(
        paragraph: &str,
        settings: &Settings,
        sentences: &[Sentence],
        role: &ParagraphRole,
    ) -> Self {
        ParagraphFormat {
            role: role.clone(),
            findings: check_paragraph(paragraph, &settings.format, sentences, role),
        }
    }
}
