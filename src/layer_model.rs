//! What the highlight layer draws, computed from the text and its analysis: per paragraph, the
//! text cut into plain runs, marks and page-break markers.
//!
//! This is the DOM boundary for positions: the engine's byte spans are turned into the Unicode
//! scalar offsets of the `data-start`/`data-end` hooks here and nowhere else.

use jianwen_engine::offsets::positions;
use jianwen_engine::phrases::{Category, Highlight};
use jianwen_engine::Analysis;
use std::ops::Range;
use std::rc::Rc;
use yew::AttrValue;

/// One paragraph of the layer. Equal paragraphs render nothing new.
#[derive(Clone, Debug, PartialEq)]
pub struct ParagraphView {
    pub pieces: Rc<[Piece]>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Text(AttrValue),
    Mark {
        text: AttrValue,
        category: Category,
        rule: AttrValue,
        reason: AttrValue,
        /// Unicode scalar offsets into the whole text.
        start: usize,
        end: usize,
    },
    /// Page `page` starts at scalar offset `start`.
    PageBreak { page: usize, start: usize },
}

/// Cuts `text` into paragraph views. `analysis` must describe `text`; pass `None` while it lags
/// (mid-composition) and the layer mirrors the plain text.
pub fn paragraph_views(text: &str, analysis: Option<&Analysis>) -> Vec<ParagraphView> {
    let (highlights, page_starts): (&[Highlight], &[usize]) = match analysis {
        Some(a) => (&a.phrases.highlights, &a.layout.page_starts),
        None => (&[], &[]),
    };
    // Every boundary the layer needs, converted in one pass.
    let mut bytes: Vec<usize> = highlights.iter().flat_map(|h| [h.span.start, h.span.end]).chain(page_starts.iter().copied()).collect();
    bytes.sort_unstable();
    bytes.dedup();
    let converted = positions(text, bytes.iter().copied());
    let scalar_of = |byte: usize| converted[bytes.binary_search(&byte).expect("boundary was converted")].scalar;

    let mut views = Vec::new();
    let mut highlights = highlights.iter().peekable();
    let mut breaks = page_starts.iter().enumerate().peekable();
    let mut start = 0;
    for line in text.split('\n') {
        let span = start..start + line.len();
        start = span.end + 1;
        let mut pieces = Vec::new();
        let mut at = span.start;
        let push_text = |pieces: &mut Vec<Piece>, range: Range<usize>| {
            if !range.is_empty() {
                pieces.push(Piece::Text(AttrValue::from(text[range].to_owned())));
            }
        };
        // A highlight never crosses a line break; one that starts before this line could only
        // come from an analysis of another text, and is skipped rather than misdrawn.
        while highlights.next_if(|h| h.span.start < span.start).is_some() {}
        loop {
            let next_break = breaks.peek().map(|&(_, &b)| b).filter(|&b| b <= span.end);
            let next_mark = highlights.peek().map(|h| h.span.start).filter(|&s| s < span.end);
            match (next_break, next_mark) {
                (Some(b), mark) if mark.is_none_or(|m| b <= m) => {
                    let (index, _) = breaks.next().expect("peeked");
                    push_text(&mut pieces, at..b);
                    pieces.push(Piece::PageBreak { page: index + 2, start: scalar_of(b) });
                    at = b;
                }
                (_, Some(_)) => {
                    let h = highlights.next().expect("peeked");
                    let end = h.span.end.min(span.end);
                    push_text(&mut pieces, at..h.span.start);
                    pieces.push(Piece::Mark {
                        text: AttrValue::from(text[h.span.start..end].to_owned()),
                        category: h.category,
                        rule: AttrValue::from(h.rule.to_string()),
                        reason: AttrValue::from(format!("{}\n建议：{}", h.reason, h.suggestion)),
                        start: scalar_of(h.span.start),
                        end: scalar_of(h.span.end),
                    });
                    at = end;
                }
                _ => break,
            }
        }
        push_text(&mut pieces, at..span.end);
        views.push(ParagraphView { pieces: pieces.into() });
    }
    views
}

#[cfg(test)]
mod tests {
    use super::*;
    use jianwen_engine::{analyze, Settings};

    fn flatten(views: &[ParagraphView]) -> String {
        views
            .iter()
            .map(|v| {
                v.pieces
                    .iter()
                    .map(|p| match p {
                        Piece::Text(t) => t.to_string(),
                        Piece::Mark { text, .. } => text.to_string(),
                        Piece::PageBreak { .. } => String::new(),
                    })
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_layer_mirrors_the_text_exactly() {
        for text in ["", "\n", "标题\n\n正文😀𠮷。\n", "为深入贯彻落实会议精神，结合实际，制定本方案。\n一、总体要求\n"] {
            let analysis = analyze(text, &Settings::default());
            assert_eq!(flatten(&paragraph_views(text, Some(&analysis))), text);
            assert_eq!(flatten(&paragraph_views(text, None)), text);
        }
    }

    #[test]
    fn page_breaks_sit_at_the_first_character_of_each_page_in_scalar_offsets() {
        // Title + 30 one-line paragraphs of 26 字 (with 𠮷, four bytes, and an emoji): line 23
        // is paragraph 22, the first of page 2.
        let body = format!("{}𠮷😀", "字".repeat(24));
        let text = std::iter::once("标题".to_owned()).chain(std::iter::repeat_n(body.clone(), 30)).collect::<Vec<_>>().join("\n");
        let analysis = analyze(&text, &Settings::default());
        assert_eq!(analysis.layout.pages, 2);
        let views = paragraph_views(&text, Some(&analysis));
        let breaks: Vec<(usize, usize, usize)> = views
            .iter()
            .enumerate()
            .flat_map(|(i, v)| v.pieces.iter().filter_map(move |p| match p {
                Piece::PageBreak { page, start } => Some((i, *page, *start)),
                _ => None,
            }))
            .collect();
        let scalar_start = "标题\n".chars().count() + 21 * (body.chars().count() + 1);
        assert_eq!(breaks, [(22, 2, scalar_start)]);
        assert_eq!(text.chars().nth(scalar_start), Some('字'));
    }

    #[test]
    fn marks_carry_scalar_offsets_and_category() {
        let text = "𠮷😀报告\n为深入贯彻落实全会精神，结合本地实际，特制定本方案。\n";
        let analysis = analyze(text, &Settings::default());
        assert!(!analysis.phrases.highlights.is_empty(), "the preamble is found");
        let views = paragraph_views(text, Some(&analysis));
        let chars: Vec<char> = text.chars().collect();
        let mut marks = 0;
        for piece in views.iter().flat_map(|v| v.pieces.iter()) {
            if let Piece::Mark { text: mark_text, start, end, .. } = piece {
                assert_eq!(chars[*start..*end].iter().collect::<String>(), mark_text.to_string());
                marks += 1;
            }
        }
        assert_eq!(marks, analysis.phrases.highlights.len());
    }

    #[test]
    fn a_lagging_analysis_draws_nothing() {
        let views = paragraph_views("为深入贯彻落实全会精神", None);
        assert!(views.iter().all(|v| v.pieces.iter().all(|p| matches!(p, Piece::Text(_)))));
    }
}
