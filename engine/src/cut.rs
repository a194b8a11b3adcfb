//! What cutting the flagged hats and boots would save: "删去 12 句戴帽穿靴可减少 1,240 字（约 2.5
//! 页）", and whether the draft would then be within its 文种's cap.
//!
//! The figures are the engine's own counting and layout of the text without those sentences (a
//! paragraph left empty is removed with its line break), not an estimate: `tests/cut.rs` checks
//! them against [`analyze`](crate::analyze) of the cut text.

use crate::counting::count;
use crate::layout::{addressee_paragraph, paragraph_line_starts, role_of};
use crate::phrases::structure::list_marker_len;
use crate::phrases::Category;
use crate::{Analysis, Settings};
use std::ops::Range;

/// The draft with its hat and boot sentences cut, against the draft as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct CutSavings {
    /// Hat and boot highlights cut.
    pub sentences: usize,
    /// Word's 字数 saved.
    pub word_count: usize,
    /// Lines saved on the grid.
    pub lines: usize,
    /// The lines saved in pages, in tenths, rounded ("约 2.5 页").
    pub page_tenths: usize,
    pub pages_before: usize,
    pub pages_after: usize,
    /// Whether the cut draft is within the chosen cap; `None` when no cap is chosen.
    pub within_cap: Option<bool>,
}

/// The text without `spans` (sorted, not overlapping); a line left blank by the cut, or holding
/// only its list marker (一、), goes with its line break.
pub fn without(text: &str, spans: &[Range<usize>]) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut at = 0;
    for span in spans {
        kept.push_str(&text[at..span.start.max(at)]);
        at = at.max(span.end);
    }
    kept.push_str(&text[at..]);
    let mut out = String::with_capacity(kept.len());
    let originally_blank: Vec<bool> = text.split('\n').map(|l| l.trim().is_empty()).collect();
    let kept_lines: Vec<&str> = kept.split('\n').collect();
    // Cutting whole sentences never removes a line break, so the lines correspond one to one.
    let same_shape = kept_lines.len() == originally_blank.len();
    let mut first = true;
    for (i, line) in kept_lines.iter().enumerate() {
        let rest = line.trim();
        let only_marker = !rest.is_empty() && list_marker_len(rest) == rest.len();
        let emptied = same_shape && (rest.is_empty() || only_marker) && !originally_blank[i];
        if emptied {
            continue;
        }
        if !first {
            out.push('\n');
        }
        out.push_str(line);
        first = false;
    }
    out
}

/// What cutting the hat and boot highlights of `analysis` (of `text` under `settings`) saves.
///
/// Exactly what [`analyze`](crate::analyze) gives for [`without`]`(text, spans)`, worked out from
/// the paragraphs the cut touches only: counts and lines are sums over paragraphs, pages follow
/// from lines. So it costs the length of the flagged paragraphs, not of the draft, and can run
/// with every analysis.
pub fn savings(text: &str, analysis: &Analysis, settings: &Settings) -> CutSavings {
    let spans: Vec<Range<usize>> = analysis
        .phrases
        .highlights
        .iter()
        .filter(|h| matches!(h.category, Category::Hat | Category::Boot))
        .map(|h| whole_sentence(text, h.span.clone()))
        .collect();
    let profile = &settings.layout;
    let paragraph_spans: Vec<Range<usize>> = analysis
        .layout
        .paragraphs
        .iter()
        .map(|p| p.span.clone())
        .collect();
    let addressee = addressee_paragraph(text, &paragraph_spans, profile);
    let mut scratch = Default::default();
    let (mut word_count, mut lines) = (0, 0);
    let mut next = spans.iter().peekable();
    for (index, paragraph) in analysis.layout.paragraphs.iter().enumerate() {
        let mut inside = Vec::new();
        while let Some(span) =
            next.next_if(|s| s.start < paragraph.span.end.max(paragraph.span.start + 1))
        {
            inside.push(
                span.start.max(paragraph.span.start) - paragraph.span.start
                    ..span.end.min(paragraph.span.end) - paragraph.span.start,
            );
        }
        if inside.is_empty() {
            continue;
        }
        let before = &text[paragraph.span.clone()];
        let after = without(before, &inside);
        let rest = after.trim();
        let removed =
            !before.trim().is_empty() && (rest.is_empty() || list_marker_len(rest) == rest.len());
        word_count += count(before).word_count - if removed { 0 } else { count(&after).word_count };
        let role = role_of(index, addressee, profile);
        let lines_after = if removed {
            0
        } else {
            paragraph_line_starts(&after, 0, role, profile, &mut scratch).len()
        };
        lines += paragraph.line_starts.len().saturating_sub(lines_after);
    }
    let per_page = profile.lines_per_page().max(1) as usize;
    let filled =
        profile.header_lines() as usize + analysis.layout.lines_after_title + analysis.layout.lines
            - lines;
    let pages_after = filled.div_ceil(per_page).max(1);
    let zi_after = analysis.counts.word_count - word_count;
    let within_cap = settings.cap.as_ref().map(|cap| {
        let limits = cap.limits();
        let rate = settings.speaking_rate.get() as usize;
        limits.zi.is_none_or(|zi| zi_after <= zi as usize)
            && limits
                .pages
                .is_none_or(|pages| pages_after <= pages as usize)
            && limits
                .minutes
                .is_none_or(|minutes| zi_after <= minutes as usize * rate)
    });
    CutSavings {
        sentences: spans.len(),
        word_count,
        lines,
        page_tenths: (lines * 10 + per_page / 2) / per_page,
        pages_before: analysis.layout.pages,
        pages_after,
        within_cap,
    }
}

/// A hat or boot highlight covers its sentence from after the list marker; the cut takes the
/// sentence's trailing spaces too, so no stray space is left between its neighbours.
fn whole_sentence(text: &str, span: Range<usize>) -> Range<usize> {
    let rest = &text[span.end..];
    let spaces = rest.len() - rest.trim_start_matches([' ', '\u{3000}', '\t']).len();
    span.start..span.end + spaces
}
