//! What cutting the flagged hats and boots would save: "删去 12 句戴帽穿靴可减少 1,240 字（约 2.5
//! 页）", and whether the draft would then be within its 文种's cap.
//!
//! The figures come from the engine's own counting, layout and caps applied to the text without
//! those sentences (a paragraph left empty is removed with its line break), not from an
//! estimate. It lays the whole draft out again, so the app asks for it when it shows it, not on
//! every analysis.

use crate::caps::{self, CapState};
use crate::phrases::structure::list_marker_len;
use crate::phrases::Category;
use crate::{analyze, Analysis, Settings};
use std::ops::Range;

/// The draft with its hat and boot sentences cut, against the draft as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CutSavings {
    /// Hat and boot highlights cut.
    pub sentences: usize,
    /// Word's 字数 saved.
    pub word_count: usize,
    /// Lines saved on the grid.
    pub lines: usize,
    pub pages_before: usize,
    pub pages_after: usize,
    /// Whether the cut draft is within the chosen cap; `None` when no cap is chosen.
    pub within_cap: Option<bool>,
}

impl CutSavings {
    /// Pages saved, in tenths: lines saved over lines per page ("约 2.5 页").
    pub fn page_tenths(&self, lines_per_page: usize) -> usize {
        (self.lines * 10 + lines_per_page / 2) / lines_per_page.max(1)
    }
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
pub fn savings(text: &str, analysis: &Analysis, settings: &Settings) -> CutSavings {
    let spans: Vec<Range<usize>> = analysis
        .phrases
        .highlights
        .iter()
        .filter(|h| matches!(h.category, Category::Hat | Category::Boot))
        .map(|h| whole_sentence(text, h.span.clone()))
        .collect();
    let cut_text = without(text, &spans);
    let mut plain = settings.clone();
    plain.cap = None;
    let cut = analyze(&cut_text, &plain);
    let within_cap = settings.cap.as_ref().map(|cap| {
        let report = caps::evaluate(cap, &cut.counts, &cut.layout, &cut_text, settings.speaking_rate);
        report.state() != CapState::Over
    });
    CutSavings {
        sentences: spans.len(),
        word_count: analysis.counts.word_count.saturating_sub(cut.counts.word_count),
        lines: analysis.layout.lines.saturating_sub(cut.layout.lines),
        pages_before: analysis.layout.pages,
        pages_after: cut.layout.pages,
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
