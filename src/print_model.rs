//! The A4 pages of the print preview, cut from the engine's layout: which text goes on which
//! grid line of which page. The browser never wraps these lines itself, so the preview, the
//! printout and the 页数 figure always agree.

use jianwen_engine::layout::{Layout, LayoutProfile};
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

#[derive(Clone, Debug, PartialEq)]
pub struct PrintLine {
    pub text: AttrValue,
    pub kind: LineKind,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PrintPage {
    /// 1-based page number.
    pub number: usize,
    /// Grid lines left blank at the top (the 红头 header reserved on page 1).
    pub reserved_lines: usize,
    pub lines: Vec<PrintLine>,
}

/// Cuts `text` into pages along `layout`, which must be the engine's layout of `text` on
/// `profile`.
pub fn print_pages(text: &str, layout: &Layout, profile: &LayoutProfile) -> Vec<PrintPage> {
    let per_page = profile.lines_per_page() as usize;
    let header = profile.header_lines() as usize;
    let mut pages = vec![PrintPage {
        number: 1,
        reserved_lines: header,
        lines: Vec::new(),
    }];
    let mut used = header;
    for (index, paragraph) in layout.paragraphs.iter().enumerate() {
        let is_title = index == 0 && profile.title();
        let count = paragraph.line_starts.len();
        for (line, &start) in paragraph.line_starts.iter().enumerate() {
            let end = paragraph
                .line_starts
                .get(line + 1)
                .copied()
                .unwrap_or(paragraph.span.end);
            let kind = match (is_title, line == 0, line + 1 == count) {
                (true, _, _) => LineKind::Title,
                (false, first, true) => LineKind::Last { first },
                (false, true, false) => LineKind::First,
                (false, false, false) => LineKind::Full,
            };
            if used == per_page {
                pages.push(PrintPage {
                    number: pages.len() + 1,
                    reserved_lines: 0,
                    lines: Vec::new(),
                });
                used = 0;
            }
            let page = pages.last_mut().expect("there is always a page");
            page.lines.push(PrintLine {
                text: AttrValue::from(text[start..end].to_owned()),
                kind,
            });
            used += 1;
        }
    }
    pages
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
            assert!(pages.iter().all(|p| p.reserved_lines + p.lines.len() <= 22));
            assert_eq!(pages[0].lines[0].kind, LineKind::Title);
            assert_eq!(pages[0].lines[1].kind, LineKind::First);
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
