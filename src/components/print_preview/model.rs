//! The A4 pages of the print preview, as the engine pages its layout: which text goes on which
//! grid line of which page. The browser never wraps these lines itself, so the preview, the
//! printout and the 页数 figure always agree.

use jianwen_engine::layout::{Layout, LayoutProfile, PageLine};
use yew::AttrValue;

/// How a grid line is set: the title is centred, a paragraph's first line is indented, its last
/// line is not justified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Title,
    /// First line of a paragraph that continues on the next line: indented and justified.
    First,
    /// A full line inside a paragraph: justified to the grid.
    Full,
    /// The last line of a paragraph (or its only line): left-aligned, indented when also first.
    Last {
        first: bool,
    },
}

impl LineKind {
    fn of(line: &PageLine) -> LineKind {
        match (line.title, line.first, line.last) {
            (true, _, _) => LineKind::Title,
            (false, first, true) => LineKind::Last { first },
            (false, true, false) => LineKind::First,
            (false, false, false) => LineKind::Full,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct PrintLine {
    pub text: AttrValue,
    pub kind: LineKind,
    /// Blank grid lines drawn above it: the one after a GB/T 9704 title.
    pub blank_before: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PrintPage {
    /// 1-based page number.
    pub number: usize,
    /// Grid lines left blank at the top (the 红头 header reserved on page 1).
    pub reserved_lines: usize,
    pub lines: Vec<PrintLine>,
}

/// The engine's pages of `text` (see [`Layout::pages_of`]) with their lines' text; `layout` must
/// be the engine's layout of `text` on `profile`.
pub fn print_pages(text: &str, layout: &Layout, profile: &LayoutProfile) -> Vec<PrintPage> {
    layout
        .pages_of(profile)
        .into_iter()
        .map(|page| PrintPage {
            number: page.number,
            reserved_lines: page.reserved_lines,
            lines: page
                .lines
                .iter()
                .map(|line| PrintLine {
                    text: AttrValue::from(text[line.span.clone()].to_owned()),
                    kind: LineKind::of(line),
                    blank_before: line.blank_before,
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jianwen_engine::layout::layout;

    #[test]
    fn pages_follow_the_engine_line_for_line() {
        let body =
            "为切实减轻基层负担，各地区各部门要严格控制发文数量，压缩文件篇幅，确保文件精简管用。";
        let text = std::iter::once("关于精简文件的通知")
            .chain(std::iter::repeat_n(body, 12))
            .collect::<Vec<_>>()
            .join("\n");
        for profile in [
            LayoutProfile::gbt9704(),
            LayoutProfile::gbt9704().with_header_lines(13),
        ] {
            let l = layout(&text, &profile);
            let pages = print_pages(&text, &l, &profile);
            assert_eq!(pages.len(), l.pages);
            assert_eq!(pages.iter().map(|p| p.lines.len()).sum::<usize>(), l.lines);
            let rows = |p: &PrintPage| {
                p.reserved_lines + p.lines.iter().map(|l| 1 + l.blank_before).sum::<usize>()
            };
            assert!(pages.iter().all(|p| rows(p) <= 22));
            assert!(pages[..pages.len() - 1].iter().all(|p| rows(p) == 22));
            assert_eq!(pages[0].lines[0].kind, LineKind::Title);
            assert_eq!(pages[0].lines[1].kind, LineKind::First);
            assert_eq!(
                pages[0].lines[1].blank_before, 1,
                "the blank line after the title"
            );
            let joined: String = pages
                .iter()
                .flat_map(|p| &p.lines)
                .map(|l| l.text.to_string())
                .collect();
            assert_eq!(joined, text.replace('\n', ""));
            // Each later page begins where the engine says.
            for (page, &start) in pages.iter().skip(1).zip(&l.page_starts) {
                assert!(text[start..].starts_with(page.lines[0].text.as_str()));
            }
        }
    }

    #[test]
    fn an_empty_draft_is_one_blank_page() {
        let profile = LayoutProfile::gbt9704();
        let pages = print_pages("", &layout("", &profile), &profile);
        assert_eq!(pages.len(), 1);
        assert!(pages[0].lines.is_empty());
    }
}
