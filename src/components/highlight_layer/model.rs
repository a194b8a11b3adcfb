//! What the highlight layer draws, computed from the text and its analysis: per paragraph, the
//! text cut into plain runs, marks (phrase findings, with format findings nested inside them),
//! page-break markers and the cap's cut line.
//!
//! The engine's byte spans become the Unicode scalar offsets of the `data-start`/`data-end`
//! hooks here, through [`crate::dom_offsets`], the one module that converts positions.
//!
//! Offsets inside a paragraph's pieces are relative to the paragraph, which carries its own
//! start: a keystroke shifts every later paragraph, and with relative pieces those keep their
//! pieces (the very same `Rc`, from the previous views) and only their start changes.

use crate::dom_offsets::{scalar_len, ScalarOffsets};
use crate::mark_kind::MarkKind;
use jianwen_engine::Analysis;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use yew::AttrValue;

/// One paragraph of the layer. Equal paragraphs render nothing new.
#[derive(Clone, Debug)]
pub struct ParagraphView {
    /// Unicode scalar offset of the paragraph's first character in the whole text.
    pub start: usize,
    /// Its text, marks and markers, with offsets relative to `start`.
    pub pieces: Rc<[Piece]>,
    /// What the pieces were made from; `None` for plain text.
    source: Option<Rc<Source>>,
    /// Identifies the paragraph across edits: a view that keeps the pieces of a previous one
    /// keeps its key, so the layer keeps its element when paragraphs are added or removed
    /// before it (keyed by position, every later paragraph would be drawn again).
    pub key: u64,
}

thread_local! {
    static NEXT_KEY: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A key no view has had.
fn fresh_key() -> u64 {
    NEXT_KEY.with(|next| {
        let key = next.get();
        next.set(key + 1);
        key
    })
}

/// What the pieces of one paragraph are made from, relative to the paragraph: the same source
/// makes the same pieces, so a paragraph whose source did not change keeps its pieces and they
/// are not made again.
#[derive(Debug, PartialEq)]
struct Source {
    text: Box<str>,
    /// Phrase marks: the byte range (clipped to the paragraph) and the mark.
    phrases: Vec<(Range<usize>, MarkView)>,
    /// Format marks within the paragraph.
    formats: Vec<(Range<usize>, MarkView)>,
    /// Page breaks and the cut line, at their byte offsets.
    markers: Vec<(usize, Piece)>,
    /// The cap's cut, clamped to the paragraph: all that decides which text is past it.
    cut: Option<usize>,
}

impl PartialEq for ParagraphView {
    /// Pieces reused from the previous views are the same `Rc`: no need to compare them.
    fn eq(&self, other: &Self) -> bool {
        self.start == other.start
            && (Rc::ptr_eq(&self.pieces, &other.pieces) || self.pieces == other.pieces)
    }
}

/// A highlight as the DOM shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkView {
    pub category: MarkKind,
    pub rule: AttrValue,
    /// Reason and suggestion, for the tooltip.
    pub title: AttrValue,
    /// Unicode scalar offsets, relative to the paragraph's start in a [`ParagraphView`]. The
    /// start is before the paragraph (negative) for the rare mark over a line break (a user's
    /// rule may span one): each paragraph draws its part, both with the whole mark's offsets.
    pub start: isize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// Text; `over` when it lies past the cap's cut line.
    Text { text: AttrValue, over: bool },
    /// A highlight and what it covers (text, nested format marks, markers).
    Mark { mark: MarkView, inner: Vec<Piece> },
    /// Page `page` starts at scalar offset `start` (relative to the paragraph, like all offsets
    /// of pieces).
    PageBreak { page: usize, start: usize },
    /// The cap is reached at scalar offset `start`; `label` says which (超出上限（5000字）).
    CapCut { start: usize, label: AttrValue },
}

/// A span to draw, in bytes, with its view.
struct Span {
    bytes: Range<usize>,
    view: MarkView,
}

/// Byte ranges of the textarea's lines (line breaks excluded), in order: split at every `\n`,
/// an empty last line included, as the textarea draws them. (The engine's
/// `paragraphs::paragraph_spans` drops an empty last line, so it cannot be used here.)
fn line_spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split('\n').map(move |line| {
        let span = start..start + line.len();
        start = span.end + 1;
        span
    })
}

/// Cuts `text` into paragraph views. `analysis` must describe `text`; pass `None` while it lags
/// (mid-composition) and the layer mirrors the plain text. Pieces equal to those of a view in
/// `previous` (the views drawn last) are taken from it, so that they compare by address.
pub fn paragraph_views(
    text: &str,
    analysis: Option<&Analysis>,
    previous: &[ParagraphView],
) -> Vec<ParagraphView> {
    match analysis {
        Some(analysis) => analysed_views(text, analysis, previous),
        None => plain_views(text, previous),
    }
}

/// The views of `text` without marks, each keeping the pieces of its previous view when equal.
fn plain_views(text: &str, previous: &[ParagraphView]) -> Vec<ParagraphView> {
    let mut previous = Previous::new(previous, text.split('\n').count());
    let mut start = 0;
    text.split('\n')
        .enumerate()
        .map(|(index, line)| {
            let pieces = plain(line);
            let view = match previous.take(index, |old| old.pieces == pieces) {
                Some(old) => ParagraphView {
                    start,
                    pieces: Rc::clone(&old.pieces),
                    source: None,
                    key: old.key,
                },
                None => ParagraphView {
                    start,
                    pieces,
                    source: None,
                    key: fresh_key(),
                },
            };
            start += scalar_len(line) + 1;
            view
        })
        .collect()
}

/// The views drawn last, which the new views take their pieces and keys from.
struct Previous<'a> {
    views: &'a [ParagraphView],
    /// Views already taken: each is taken once, so no two new views share a key.
    taken: Vec<bool>,
    /// How many paragraphs the new text has.
    count: usize,
}

impl<'a> Previous<'a> {
    fn new(views: &'a [ParagraphView], count: usize) -> Self {
        Previous {
            views,
            taken: vec![false; views.len()],
            count,
        }
    }

    /// The previous view that the paragraph at `index` was, if `same` says it is unchanged: the
    /// one at the same place counted from the start (paragraphs before an edit) or from the end
    /// (paragraphs after it, when the edit added or removed paragraphs).
    fn take(
        &mut self,
        index: usize,
        same: impl Fn(&ParagraphView) -> bool,
    ) -> Option<&'a ParagraphView> {
        let same_from_end = (index + self.views.len()).checked_sub(self.count);
        let found = [Some(index), same_from_end]
            .into_iter()
            .flatten()
            .find(|&i| i < self.views.len() && !self.taken[i] && same(&self.views[i]))?;
        self.taken[found] = true;
        Some(&self.views[found])
    }
}

fn analysed_views(
    text: &str,
    analysis: &Analysis,
    previous: &[ParagraphView],
) -> Vec<ParagraphView> {
    let cut = analysis
        .caps
        .as_ref()
        .and_then(|c| c.first_cut())
        .and_then(|limit| Some((limit.cut?, limit.cut_marker())));
    // Every boundary the layer needs, paragraph starts included, converted to scalar offsets in
    // one pass.
    let phrase_spans = analysis.phrases.highlights.iter().map(|h| h.span.clone());
    let format_spans = analysis.format.iter().map(|f| f.span.clone());
    let boundaries = phrase_spans
        .chain(format_spans)
        .flat_map(|s| [s.start, s.end])
        .chain(analysis.layout.page_starts.iter().copied())
        .chain(cut.as_ref().map(|c| c.0))
        .chain(line_spans(text).map(|p| p.start));
    let offsets = ScalarOffsets::new(text, boundaries);
    let scalar = |byte: usize| offsets.scalar(byte);

    // A draft has thousands of highlights but few distinct rules: each rule's attribute strings
    // are made once (keyed by the addresses of the rule's shared strings).
    let mut labels: HashMap<(MarkKind, *const u8, *const u8, *const u8), (AttrValue, AttrValue)> =
        HashMap::new();
    let phrases: Vec<Span> = analysis
        .phrases
        .highlights
        .iter()
        .map(|h| {
            let key = (
                MarkKind::Phrase(h.category),
                h.rule.as_ptr(),
                h.reason.as_ptr(),
                h.suggestion.as_ptr(),
            );
            let (rule, title) = labels
                .entry(key)
                .or_insert_with(|| {
                    let title = format!(
                        "{}：{}\n建议：{}",
                        h.category.label(),
                        h.reason,
                        h.suggestion
                    );
                    (AttrValue::from(h.rule.to_string()), AttrValue::from(title))
                })
                .clone();
            Span {
                bytes: h.span.clone(),
                view: MarkView {
                    category: MarkKind::Phrase(h.category),
                    rule,
                    title,
                    start: scalar(h.span.start) as isize,
                    end: scalar(h.span.end),
                },
            }
        })
        .collect();
    // Format findings are drawn when they do not overlap one already drawn; they nest inside a
    // phrase mark that contains them and are left to the side list when they straddle one.
    let mut formats: Vec<Span> = Vec::new();
    for f in &analysis.format {
        let clashes_format = formats
            .last()
            .is_some_and(|last| last.bytes.end > f.span.start);
        let straddles_phrase = overlapping(&phrases, &f.span).any(|p| !contains(&p.bytes, &f.span));
        if !clashes_format && !straddles_phrase {
            formats.push(Span {
                bytes: f.span.clone(),
                view: MarkView {
                    category: MarkKind::Format,
                    rule: AttrValue::from(f.rule),
                    title: AttrValue::from(format!("格式：{}", f.message)),
                    start: scalar(f.span.start) as isize,
                    end: scalar(f.span.end),
                },
            });
        }
    }
    let mut breaks: Vec<(usize, Piece)> = analysis
        .layout
        .page_starts
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            (
                b,
                Piece::PageBreak {
                    page: i + 2,
                    start: scalar(b),
                },
            )
        })
        .chain(cut.as_ref().map(|(b, label)| {
            (
                *b,
                Piece::CapCut {
                    start: scalar(*b),
                    label: AttrValue::from(label.clone()),
                },
            )
        }))
        .collect();
    // Stable: a page break stays before the cut line at the same offset.
    breaks.sort_by_key(|(b, _)| *b);

    let builder = Builder {
        text,
        cut: cut.as_ref().map(|c| c.0),
        phrases: &phrases,
        formats: &formats,
        markers: &breaks,
    };
    let mut previous = Previous::new(previous, text.split('\n').count());
    line_spans(text)
        .enumerate()
        .map(|(index, span)| {
            let start = scalar(span.start);
            let unchanged = previous.take(index, |old| {
                old.source
                    .as_ref()
                    .is_some_and(|source| builder.makes(source, &span, start))
            });
            if let Some(old) = unchanged {
                return ParagraphView {
                    start,
                    pieces: Rc::clone(&old.pieces),
                    source: old.source.clone(),
                    key: old.key,
                };
            }
            let source = builder.source(&span, start);
            let mut pieces = builder.paragraph(span);
            make_relative(&mut pieces, start);
            ParagraphView {
                start,
                pieces: pieces.into(),
                source: Some(Rc::new(source)),
                key: fresh_key(),
            }
        })
        .collect()
}

/// `mark` with offsets relative to `start`.
fn relative_mark(mark: &MarkView, start: usize) -> MarkView {
    MarkView {
        start: mark.start - start as isize,
        end: mark.end - start,
        ..mark.clone()
    }
}

/// Turns the offsets of `pieces`, built in scalar offsets into the whole text, into offsets from
/// `start`, the paragraph's.
fn make_relative(pieces: &mut [Piece], start: usize) {
    for piece in pieces {
        match piece {
            Piece::Text { .. } => {}
            Piece::Mark { mark, inner } => {
                mark.start -= start as isize;
                mark.end -= start;
                make_relative(inner, start);
            }
            Piece::PageBreak { start: at, .. } | Piece::CapCut { start: at, .. } => *at -= start,
        }
    }
}

fn plain(line: &str) -> Rc<[Piece]> {
    if line.is_empty() {
        Rc::new([])
    } else {
        Rc::new([Piece::Text {
            text: AttrValue::from(line.to_owned()),
            over: false,
        }])
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// The spans of `spans` (non-overlapping, in text order) that overlap `range`, found by binary
/// search: a paragraph or a run looks only at its own few spans, so the layer costs time in
/// proportion to the text, not to paragraphs × highlights.
fn overlapping<'a>(spans: &'a [Span], range: &Range<usize>) -> impl Iterator<Item = &'a Span> {
    let first = spans.partition_point(|s| s.bytes.end <= range.start);
    let range = range.clone();
    spans[first..]
        .iter()
        .take_while(move |s| s.bytes.start < range.end)
        .filter(move |s| overlaps(&s.bytes, &range))
}

/// Lays one paragraph's pieces out, nesting format marks and markers in the phrase mark they
/// fall in.
struct Builder<'a> {
    text: &'a str,
    cut: Option<usize>,
    phrases: &'a [Span],
    formats: &'a [Span],
    markers: &'a [(usize, Piece)],
}

impl Builder<'_> {
    /// The source of the paragraph at byte `span`, which starts at scalar offset `start`.
    fn source(&self, span: &Range<usize>, start: usize) -> Source {
        Source {
            text: self.text[span.clone()].into(),
            phrases: self.phrase_parts(span, start).collect(),
            formats: self.format_parts(span, start).collect(),
            markers: self.marker_parts(span, start).collect(),
            cut: self.cut_part(span),
        }
    }

    /// Whether `source` is the source of the paragraph at byte `span` (compared part by part,
    /// without making the paragraph's source).
    fn makes(&self, source: &Source, span: &Range<usize>, start: usize) -> bool {
        *source.text == self.text[span.clone()]
            && source.cut == self.cut_part(span)
            && source
                .phrases
                .iter()
                .cloned()
                .eq(self.phrase_parts(span, start))
            && source
                .formats
                .iter()
                .cloned()
                .eq(self.format_parts(span, start))
            && source
                .markers
                .iter()
                .cloned()
                .eq(self.marker_parts(span, start))
    }

    fn phrase_parts<'s>(
        &'s self,
        span: &Range<usize>,
        start: usize,
    ) -> impl Iterator<Item = (Range<usize>, MarkView)> + 's {
        let span = span.clone();
        overlapping(self.phrases, &span).map(move |p| {
            let clipped =
                p.bytes.start.max(span.start) - span.start..p.bytes.end.min(span.end) - span.start;
            (clipped, relative_mark(&p.view, start))
        })
    }

    fn format_parts<'s>(
        &'s self,
        span: &Range<usize>,
        start: usize,
    ) -> impl Iterator<Item = (Range<usize>, MarkView)> + 's {
        let span = span.clone();
        let first = self.formats.partition_point(|f| f.bytes.start < span.start);
        self.formats[first..]
            .iter()
            .take_while(move |f| f.bytes.start < span.end)
            .filter(move |f| f.bytes.end <= span.end)
            .map(move |f| {
                (
                    f.bytes.start - span.start..f.bytes.end - span.start,
                    relative_mark(&f.view, start),
                )
            })
    }

    fn marker_parts<'s>(
        &'s self,
        span: &Range<usize>,
        start: usize,
    ) -> impl Iterator<Item = (usize, Piece)> + 's {
        let span = span.clone();
        let first = self.markers.partition_point(|(b, _)| *b < span.start);
        self.markers[first..]
            .iter()
            .take_while(move |(b, _)| *b <= span.end)
            .map(move |(b, piece)| {
                let mut piece = piece.clone();
                make_relative(std::slice::from_mut(&mut piece), start);
                (b - span.start, piece)
            })
    }

    fn cut_part(&self, span: &Range<usize>) -> Option<usize> {
        self.cut.map(|c| c.clamp(span.start, span.end) - span.start)
    }

    fn paragraph(&self, span: Range<usize>) -> Vec<Piece> {
        let mut pieces = Vec::new();
        let mut at = span.start;
        // Phrase marks never cross a line break; one that does (an analysis of other text)
        // is clipped to the line.
        for phrase in overlapping(self.phrases, &span) {
            let inner_span = phrase.bytes.start.max(span.start)..phrase.bytes.end.min(span.end);
            self.plain_run(&mut pieces, at..inner_span.start, false);
            let mut inner = Vec::new();
            self.plain_run(&mut inner, inner_span.clone(), false);
            pieces.push(Piece::Mark {
                mark: phrase.view.clone(),
                inner,
            });
            at = inner_span.end;
        }
        self.plain_run(&mut pieces, at..span.end, true);
        pieces
    }

    /// Text of `range` with the format marks and markers that start inside it; the line's last
    /// run also takes markers at the line's end (an empty paragraph that begins a page).
    fn plain_run(&self, out: &mut Vec<Piece>, range: Range<usize>, takes_line_end: bool) {
        let owns =
            |b: usize| (range.start <= b && b < range.end) || (takes_line_end && b == range.end);
        let first_marker = self.markers.partition_point(|(b, _)| *b < range.start);
        let mut events: Vec<(usize, Option<&Piece>, Option<&Span>)> = self.markers[first_marker..]
            .iter()
            .take_while(|(b, _)| owns(*b))
            .map(|(b, p)| (*b, Some(p), None))
            .collect();
        let first_format = self
            .formats
            .partition_point(|f| f.bytes.start < range.start);
        events.extend(
            self.formats[first_format..]
                .iter()
                .take_while(|f| f.bytes.start < range.end)
                .filter(|f| contains(&range, &f.bytes))
                .map(|f| (f.bytes.start, None, Some(f))),
        );
        // At one offset, a marker comes before the mark that starts there.
        events.sort_by_key(|e| (e.0, e.2.is_some()));
        let mut at = range.start;
        for (offset, marker, format) in events {
            if offset < at {
                continue;
            }
            self.text_piece(out, at..offset);
            at = offset;
            if let Some(marker) = marker {
                out.push(marker.clone());
            }
            if let Some(format) = format {
                // A page break or the cut line inside a format mark is drawn inside it (a
                // marker at the mark's start came before it).
                let mut inner = Vec::new();
                let mut inner_at = format.bytes.start;
                let first = self
                    .markers
                    .partition_point(|(b, _)| *b <= format.bytes.start);
                for (b, marker) in self.markers[first..]
                    .iter()
                    .take_while(|(b, _)| *b < format.bytes.end)
                {
                    self.text_piece(&mut inner, inner_at..*b);
                    inner.push(marker.clone());
                    inner_at = *b;
                }
                self.text_piece(&mut inner, inner_at..format.bytes.end);
                out.push(Piece::Mark {
                    mark: format.view.clone(),
                    inner,
                });
                at = format.bytes.end;
            }
        }
        self.text_piece(out, at..range.end);
    }

    /// Plain text, split at the cut line so the part past it is shaded.
    fn text_piece(&self, out: &mut Vec<Piece>, range: Range<usize>) {
        let split = self.cut.filter(|c| range.start < *c && *c < range.end);
        let parts = match split {
            Some(c) => [range.start..c, c..range.end],
            None => [range.clone(), range.end..range.end],
        };
        for part in parts.into_iter().filter(|p| !p.is_empty()) {
            let over = self.cut.is_some_and(|c| part.start >= c);
            out.push(Piece::Text {
                text: AttrValue::from(self.text[part].to_owned()),
                over,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jianwen_engine::caps::builtin_profile;
    use jianwen_engine::{analyze, Settings};

    fn flatten(pieces: &[Piece], out: &mut String) {
        for p in pieces {
            match p {
                Piece::Text { text, .. } => out.push_str(text),
                Piece::Mark { inner, .. } => flatten(inner, out),
                Piece::PageBreak { .. } | Piece::CapCut { .. } => {}
            }
        }
    }

    fn mirror(views: &[ParagraphView]) -> String {
        views
            .iter()
            .map(|v| {
                let mut s = String::new();
                flatten(&v.pieces, &mut s);
                s
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Every piece in document order, nested ones included, with its paragraph index and its
    /// offsets made absolute again, as the layer renders them.
    fn walk(views: &[ParagraphView]) -> Vec<(usize, Piece)> {
        fn go(i: usize, start: usize, pieces: &[Piece], out: &mut Vec<(usize, Piece)>) {
            for p in pieces {
                let mut absolute = p.clone();
                match &mut absolute {
                    Piece::Text { .. } => {}
                    Piece::Mark { mark, .. } => {
                        mark.start += start as isize;
                        mark.end += start;
                    }
                    Piece::PageBreak { start: at, .. } | Piece::CapCut { start: at, .. } => {
                        *at += start
                    }
                }
                out.push((i, absolute));
                if let Piece::Mark { inner, .. } = p {
                    go(i, start, inner, out);
                }
            }
        }
        let mut out = Vec::new();
        for (i, v) in views.iter().enumerate() {
            go(i, v.start, &v.pieces, &mut out);
        }
        out
    }

    fn settings_with_cap(id: &str) -> Settings {
        let mut settings = Settings::default();
        settings.cap = builtin_profile(id).cloned();
        settings
    }

    #[test]
    fn the_layer_mirrors_the_text_exactly() {
        let seed = include_str!(
            "../../../engine/tests/fixtures/corpus/seed1_bureau_rectification_plan.txt"
        );
        let report =
            include_str!("../../../engine/tests/fixtures/corpus/hebei_2026_gov_work_report.txt");
        for text in [
            "",
            "\n",
            "标题\n\n正文😀𠮷。\n",
            "为深入贯彻落实会议精神,结合实际,制定本方案。\n一、总体要求\n",
            seed,
            report,
        ] {
            for settings in [Settings::default(), settings_with_cap("js-2019-policy")] {
                let analysis = analyze(text, &settings);
                assert_eq!(mirror(&paragraph_views(text, Some(&analysis), &[])), text);
            }
            assert_eq!(mirror(&paragraph_views(text, None, &[])), text);
        }
    }

    #[test]
    fn page_breaks_sit_at_the_first_character_of_each_page_in_scalar_offsets() {
        // Title, the blank line after it, then 30 one-line paragraphs of 26 字 (with 𠮷, four
        // bytes, and an emoji): grid line 23 is paragraph 21, the first of page 2.
        let body = format!("{}𠮷😀", "字".repeat(24));
        let text = std::iter::once("标题".to_owned())
            .chain(std::iter::repeat_n(body.clone(), 30))
            .collect::<Vec<_>>()
            .join("\n");
        let analysis = analyze(&text, &Settings::default());
        assert_eq!(analysis.layout.pages, 2);
        let breaks: Vec<(usize, usize, usize)> =
            walk(&paragraph_views(&text, Some(&analysis), &[]))
                .into_iter()
                .filter_map(|(i, p)| match p {
                    Piece::PageBreak { page, start } => Some((i, page, start)),
                    _ => None,
                })
                .collect();
        let scalar_start = "标题\n".chars().count() + 20 * (body.chars().count() + 1);
        assert_eq!(breaks, [(21, 2, scalar_start)]);
        assert_eq!(text.chars().nth(scalar_start), Some('字'));
    }

    #[test]
    fn every_page_break_and_mark_of_a_long_report_is_drawn_once() {
        let text =
            include_str!("../../../engine/tests/fixtures/corpus/hebei_2026_gov_work_report.txt");
        let analysis = analyze(text, &settings_with_cap("js-2019-policy"));
        let pieces = walk(&paragraph_views(text, Some(&analysis), &[]));
        let breaks = pieces
            .iter()
            .filter(|(_, p)| matches!(p, Piece::PageBreak { .. }))
            .count();
        assert_eq!(breaks, analysis.layout.page_starts.len());
        let phrase_marks = pieces
            .iter()
            .filter(
                |(_, p)| matches!(p, Piece::Mark { mark, .. } if mark.category != MarkKind::Format),
            )
            .count();
        assert_eq!(phrase_marks, analysis.phrases.highlights.len());
        let cuts: Vec<usize> = pieces
            .iter()
            .filter_map(|(_, p)| match p {
                Piece::CapCut { start, .. } => Some(*start),
                _ => None,
            })
            .collect();
        let cut_byte = analysis
            .caps
            .as_ref()
            .unwrap()
            .first_cut()
            .unwrap()
            .cut
            .unwrap();
        assert_eq!(cuts, [text[..cut_byte].chars().count()]);
        // Everything after the cut is shaded, nothing before it.
        let mut seen_cut = false;
        for (_, p) in &pieces {
            match p {
                Piece::CapCut { .. } => seen_cut = true,
                Piece::Text { over, .. } => assert_eq!(*over, seen_cut),
                _ => {}
            }
        }
    }

    #[test]
    fn marks_carry_scalar_offsets_and_category() {
        let text = "𠮷😀报告\n为深入贯彻落实全会精神,结合本地实际,特制定本方案。\n";
        let analysis = analyze(text, &Settings::default());
        assert!(
            !analysis.phrases.highlights.is_empty(),
            "the preamble is found"
        );
        assert!(
            !analysis.format.is_empty(),
            "the half-width commas are found"
        );
        let chars: Vec<char> = text.chars().collect();
        let mut categories = Vec::new();
        for (_, piece) in walk(&paragraph_views(text, Some(&analysis), &[])) {
            if let Piece::Mark { mark, inner } = piece {
                let mut covered = String::new();
                flatten(&inner, &mut covered);
                assert_eq!(
                    chars[mark.start as usize..mark.end]
                        .iter()
                        .collect::<String>(),
                    covered
                );
                categories.push(mark.category);
            }
        }
        assert!(
            categories.contains(&MarkKind::Format)
                && categories.iter().any(|c| *c != MarkKind::Format),
            "{categories:?}"
        );
    }

    #[test]
    fn a_lagging_analysis_draws_nothing() {
        let views = paragraph_views("为深入贯彻落实全会精神", None, &[]);
        assert!(views
            .iter()
            .all(|v| v.pieces.iter().all(|p| matches!(p, Piece::Text { .. }))));
    }

    /// After an edit, every paragraph the edit did not touch keeps its pieces (the same `Rc`,
    /// so the layer compares it by address and redraws nothing), whether the edit changed a
    /// paragraph, added one or removed one; the views equal views built from scratch.
    #[test]
    fn an_edit_keeps_the_pieces_of_every_paragraph_it_does_not_touch() {
        let before = include_str!(
            "../../../engine/tests/fixtures/corpus/seed1_bureau_rectification_plan.txt"
        )
        .replace("\r\n", "\n");
        let lines: Vec<&str> = before.split('\n').collect();
        let middle = lines.len() / 2;
        let edited = |f: &dyn Fn(&mut Vec<String>)| {
            let mut lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            f(&mut lines);
            lines.join("\n")
        };
        let added = edited(&|l| l.insert(middle, "新增一段。".into()));
        // Each case: the text before and after the edit, and the paragraph the edit changed
        // (none when it removed one).
        let blank_lines = "标题\n\n第一段。\n\n\n第二段。".to_owned();
        let cases: [(&str, &str, String, Option<usize>); 5] = [
            // Equal paragraphs: the earlier ones keep the old views, the last is the new one.
            (
                "an empty paragraph among empty ones",
                &blank_lines,
                blank_lines.replace("\n\n\n", "\n\n\n\n"),
                Some(5),
            ),
            (
                "typed at the end",
                &before,
                format!("{before}字"),
                Some(lines.len() - 1),
            ),
            (
                "typed in the middle",
                &before,
                edited(&|l| l[middle].push('字')),
                Some(middle),
            ),
            ("a paragraph added", &before, added.clone(), Some(middle)),
            ("a paragraph removed", &added, before.clone(), None),
        ];
        let settings = Settings::default();
        let has_page_break = |v: &ParagraphView| {
            v.pieces
                .iter()
                .any(|p| matches!(p, Piece::PageBreak { .. }))
        };
        for (name, before, after, touched) in cases {
            let old = paragraph_views(before, Some(&analyze(before, &settings)), &[]);
            let analysis = analyze(&after, &settings);
            let views = paragraph_views(&after, Some(&analysis), &old);
            assert_eq!(
                views,
                paragraph_views(&after, Some(&analysis), &[]),
                "{name}"
            );
            let rebuilt: Vec<usize> = (0..views.len())
                .filter(|&i| !old.iter().any(|o| Rc::ptr_eq(&o.pieces, &views[i].pieces)))
                .collect();
            // Only the edited paragraph, and those where a page now begins at another place.
            let moved_page = |i: usize| {
                let before_edit = [Some(i), (i + old.len()).checked_sub(views.len())]
                    .into_iter()
                    .flatten()
                    .filter_map(|j| old.get(j));
                has_page_break(&views[i]) || before_edit.into_iter().any(has_page_break)
            };
            assert!(
                rebuilt.iter().all(|&i| Some(i) == touched || moved_page(i)),
                "{name}: rebuilt {rebuilt:?}"
            );
            if let Some(touched) = touched {
                assert!(
                    rebuilt.contains(&touched),
                    "{name}: the edited paragraph kept old pieces"
                );
            }
            // A view that kept old pieces kept their key too, and no two views share one.
            for view in &views {
                if let Some(old) = old.iter().find(|o| Rc::ptr_eq(&o.pieces, &view.pieces)) {
                    assert_eq!(view.key, old.key, "{name}");
                }
            }
            let keys: std::collections::HashSet<u64> = views.iter().map(|v| v.key).collect();
            assert_eq!(keys.len(), views.len(), "{name}: keys repeat");
        }
    }

    /// A user's rule may span a line break: each paragraph draws its part of the mark, both
    /// with the whole mark's offsets into the text.
    #[test]
    fn a_mark_over_a_line_break_is_drawn_in_both_paragraphs_with_its_whole_offsets() {
        use jianwen_engine::phrases::{Category, CustomRule, Severity};
        let mut settings = Settings::default();
        let rule = CustomRule {
            pattern: "𠮷甲\n乙".into(),
            category: Category::Stock,
            severity: Severity::Medium,
            reason: "跨行。".into(),
            suggestion: String::new(),
        };
        settings.rules.add(rule).unwrap();
        let text = "标题\n今天各单位召开会议😀𠮷甲\n乙丙丁戊己庚辛壬癸。";
        let analysis = analyze(text, &settings);
        assert_eq!(
            analysis.phrases.highlights.len(),
            1,
            "{:?}",
            analysis.phrases.highlights
        );
        assert_eq!(
            &text[analysis.phrases.highlights[0].span.clone()],
            "𠮷甲\n乙"
        );
        let views = paragraph_views(text, Some(&analysis), &[]);
        assert_eq!(mirror(&views), text);
        let marks: Vec<(usize, isize, usize)> = walk(&views)
            .into_iter()
            .filter_map(|(i, p)| match p {
                Piece::Mark { mark, .. } => Some((i, mark.start, mark.end)),
                _ => None,
            })
            .collect();
        assert_eq!(marks, [(1, 13, 17), (2, 13, 17)]);
    }
}
