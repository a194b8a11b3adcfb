//! What every analysis must satisfy, whatever the text: shared by the property tests and the
//! hostile-input tables, so both hold the engine to the same invariants.

use jianwen_engine::caps::{CapState, Unit};
use jianwen_engine::counting::count;
use jianwen_engine::format::{apply_rule_fixes, RULES};
use jianwen_engine::layout::{Layout, LayoutProfile};
use jianwen_engine::offsets::{byte_from_utf16, positions};
use jianwen_engine::{analyze, Analysis, Settings};
use std::ops::Range;

/// Analyses `text` under `settings` and checks every invariant below on the result.
pub fn analyze_soundly(text: &str, settings: &Settings) -> Analysis {
    let analysis = analyze(text, settings);
    assert_spans_sound(text, settings, &analysis);
    assert_layout_covers(text, &settings.layout, &analysis.layout);
    assert_offsets_round_trip(text);
    analysis
}

/// Whether `span` is a range of whole characters of `text`.
fn on_boundaries(text: &str, span: &Range<usize>) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// Every span [`Analysis`] reports lies on `char` boundaries inside `text`; phrase highlights are
/// non-empty, in order and disjoint, and their counts and density add up; weak adverbs lie outside
/// them; format findings are non-empty and sorted, with edits inside their finding and fixes of
/// one analysis that never clash; a cap's cut falls exactly where its limit is passed.
pub fn assert_spans_sound(text: &str, settings: &Settings, analysis: &Analysis) {
    let highlights = &analysis.phrases.highlights;
    for h in highlights {
        assert!(
            on_boundaries(text, &h.span),
            "highlight {:?} ({})",
            h.span,
            h.rule
        );
        assert!(
            h.span.start < h.span.end,
            "empty highlight {:?} ({})",
            h.span,
            h.rule
        );
    }
    for pair in highlights.windows(2) {
        assert!(
            pair[0].span.end <= pair[1].span.start,
            "highlights overlap or are out of order: {:?} ({}) and {:?} ({})",
            pair[0].span,
            pair[0].rule,
            pair[1].span,
            pair[1].rule
        );
    }
    let phrases = &analysis.phrases;
    assert_eq!(
        phrases.counts.total(),
        highlights.len(),
        "counts per category"
    );
    assert!(
        phrases.density_per_mille <= 1000,
        "density {}‰",
        phrases.density_per_mille
    );
    assert_eq!(
        phrases.adverbs.used,
        phrases.adverbs.spans.len(),
        "adverbs used"
    );
    let adverbs = &phrases.adverbs.spans;
    for span in adverbs {
        assert!(
            on_boundaries(text, span) && span.start < span.end,
            "adverb {span:?}"
        );
        assert!(
            highlights
                .iter()
                .all(|h| h.span.end <= span.start || span.end <= h.span.start),
            "adverb {span:?} inside a highlight"
        );
    }
    assert!(
        adverbs.windows(2).all(|w| w[0].end <= w[1].start),
        "adverbs overlap: {adverbs:?}"
    );

    let findings = &analysis.format;
    assert!(
        findings
            .windows(2)
            .all(|w| (w[0].span.start, w[0].span.end) <= (w[1].span.start, w[1].span.end)),
        "format findings out of order"
    );
    for f in findings {
        assert!(
            on_boundaries(text, &f.span) && f.span.start < f.span.end,
            "finding {:?} ({})",
            f.span,
            f.rule
        );
        for edit in f.fix.iter().flat_map(|fix| &fix.edits) {
            assert!(
                on_boundaries(text, &edit.span),
                "edit {:?} of {}",
                edit.span,
                f.rule
            );
            assert!(
                f.span.start <= edit.span.start && edit.span.end <= f.span.end,
                "edit {:?} of {} outside its finding {:?}",
                edit.span,
                f.rule,
                f.span
            );
        }
    }
    // "全部修正" of each rule applies every fix it offers: no two of them clash.
    for rule in &RULES {
        let offered = findings
            .iter()
            .filter(|f| f.rule == rule.id && f.fix.is_some())
            .count();
        let (_, applied) = apply_rule_fixes(text, findings, rule.id);
        assert_eq!(applied, offered, "{}: fixes clash", rule.id);
    }

    for limit in analysis.caps.iter().flat_map(|report| &report.limits) {
        assert_eq!(
            limit.cut.is_some(),
            limit.state == CapState::Over,
            "{:?}",
            limit.unit
        );
        let Some(cut) = limit.cut else { continue };
        assert!(
            text.is_char_boundary(cut) && cut < text.len(),
            "cut {cut} of {:?}",
            limit.unit
        );
        match limit.unit {
            Unit::Zi => assert_eq!(
                count(&text[..cut]).word_count,
                limit.limit as usize,
                "字 before the cut"
            ),
            Unit::Page => assert_eq!(
                Some(&cut),
                analysis.layout.page_starts.get(limit.limit as usize - 1)
            ),
            Unit::Minute => {
                let capacity = limit.limit as usize * settings.speaking_rate.get() as usize;
                assert_eq!(
                    count(&text[..cut]).word_count,
                    capacity,
                    "字 before the cut"
                );
            }
        }
    }
}

/// The paragraphs cover the text with exactly one line break between neighbours (and at most one
/// after the last); each paragraph's lines start at its start and ascend strictly inside it; the
/// totals and page starts follow from the lines and the grid.
pub fn assert_layout_covers(text: &str, profile: &LayoutProfile, l: &Layout) {
    let is_break = |s: &str| matches!(s, "\n" | "\r" | "\r\n");
    let mut at = 0;
    for (i, p) in l.paragraphs.iter().enumerate() {
        let gap = &text[at..p.span.start];
        assert!(
            if i == 0 {
                gap.is_empty()
            } else {
                is_break(gap)
            },
            "paragraph {i}: {gap:?} before it"
        );
        let body = &text[p.span.clone()];
        assert!(
            !body.contains(['\n', '\r']),
            "paragraph {i} holds a line break"
        );
        assert_eq!(
            p.line_starts.first(),
            Some(&p.span.start),
            "paragraph {i}: first line"
        );
        assert!(
            p.line_starts.windows(2).all(|w| w[0] < w[1]),
            "paragraph {i}: line starts not ascending"
        );
        for &start in &p.line_starts[1..] {
            assert!(
                start < p.span.end && text.is_char_boundary(start),
                "paragraph {i}: line at {start}"
            );
        }
        at = p.span.end;
    }
    let tail = &text[at..];
    assert!(
        tail.is_empty() || (!l.paragraphs.is_empty() && is_break(tail)),
        "text after the last paragraph: {tail:?}"
    );
    assert_eq!(l.paragraphs.is_empty(), text.is_empty());

    let starts: Vec<usize> = l
        .paragraphs
        .iter()
        .flat_map(|p| p.line_starts.iter().copied())
        .collect();
    assert_eq!(l.lines, starts.len());
    let want_title = if profile.title() {
        l.paragraphs.first().map_or(0, |p| p.line_starts.len())
    } else {
        0
    };
    assert_eq!(l.title_lines, want_title);
    let (per_page, header) = (
        profile.lines_per_page() as usize,
        profile.header_lines() as usize,
    );
    // The blank line after a GB/T 9704 title: only after a title followed by a paragraph with
    // text, on a profile that sets one, and not when the title ends a page.
    let after_title = usize::from(
        l.title_lines > 0
            && !(header + l.title_lines).is_multiple_of(per_page)
            && profile.lines_after_title() > 0
            && l.paragraphs
                .get(1)
                .is_some_and(|p| !text[p.span.clone()].trim().is_empty()),
    );
    assert_eq!(l.lines_after_title, after_title);
    // The grid row of every text line from the top of page 1.
    let rows: Vec<usize> = (0..l.lines)
        .map(|k| header + k + if k >= l.title_lines { after_title } else { 0 })
        .collect();
    let filled = rows.last().map_or(header, |r| r + 1);
    assert_eq!(l.pages, filled.div_ceil(per_page).max(1));
    assert_eq!(l.lines_on_last_page, filled - (l.pages - 1) * per_page);
    // Page p + 1 starts with the first line whose row is on it.
    let want_page_starts: Vec<usize> = (1..l.pages)
        .filter_map(|page| rows.iter().position(|&r| r >= page * per_page))
        .map(|k| starts[k])
        .collect();
    assert_eq!(l.page_starts, want_page_starts);
}

/// Byte ↔ UTF-16 ↔ scalar conversions agree with offsets counted here char by char: every byte
/// offset maps to the position of the character it falls in (the end past the text), and every
/// UTF-16 offset maps back to the start of the character holding that unit.
///
/// `byte_from_utf16` walks the text on each call, so texts longer than 1000 UTF-16 units are
/// checked at about 64 evenly spaced offsets rather than all of them.
pub fn assert_offsets_round_trip(text: &str) {
    // (byte, utf16, scalar) at every char boundary, the end included.
    let mut boundaries = Vec::with_capacity(text.len() + 1);
    let (mut utf16, mut scalar) = (0, 0);
    for (byte, c) in text.char_indices() {
        boundaries.push((byte, utf16, scalar));
        utf16 += c.len_utf16();
        scalar += 1;
    }
    boundaries.push((text.len(), utf16, scalar));

    let got = positions(text, 0..=text.len() + 1);
    for (byte, p) in got.iter().enumerate() {
        let at = boundaries.partition_point(|&(b, _, _)| b <= byte) - 1;
        assert_eq!((p.byte, p.utf16, p.scalar), boundaries[at], "byte {byte}");
    }

    let units = utf16;
    let step = if units <= 1000 { 1 } else { units / 64 };
    for unit in (0..=units + 1).step_by(step) {
        let at = boundaries.partition_point(|&(_, u, _)| u <= unit) - 1;
        assert_eq!(
            byte_from_utf16(text, unit),
            boundaries[at].0,
            "utf16 {unit}"
        );
    }
}
