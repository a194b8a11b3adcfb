//! The pages of a layout: which grid line of which page holds which span of the text. The print
//! preview and any export draw these and never wrap or paginate again, so what they show always
//! has the page count the analysis gives.

use super::{Layout, LayoutProfile};
use std::ops::Range;

/// One grid line of a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageLine {
    /// Byte span of the line's text (line break excluded).
    pub span: Range<usize>,
    /// Index of its paragraph in [`Layout::paragraphs`] (0 is the title when the profile has one).
    pub paragraph: usize,
    /// The paragraph's first line (indented, unless it is the title).
    pub first: bool,
    /// The paragraph's last line (not justified).
    pub last: bool,
    /// A line of the title (centred).
    pub title: bool,
    /// Blank grid lines right above it on its page that hold no text: the line after a GB/T
    /// 9704 title.
    pub blank_before: usize,
}

/// One page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// 1-based.
    pub number: usize,
    /// Grid lines left blank at the top: the 红头 header's reservation on page 1.
    pub reserved_lines: usize,
    pub lines: Vec<PageLine>,
}

impl Layout {
    /// The pages of this layout, which must be of a text on `profile`: as many as
    /// [`Layout::pages`], each later one starting at its entry of [`Layout::page_starts`].
    ///
    /// # Examples
    /// ```
    /// use jianwen_engine::layout::{layout, LayoutProfile};
    /// let profile = LayoutProfile::gbt9704();
    /// let text = format!("标题\n{}", "字".repeat(28 * 30));
    /// let laid_out = layout(&text, &profile);
    /// let pages = laid_out.pages_of(&profile);
    /// assert_eq!(pages.len(), laid_out.pages);
    /// assert_eq!(pages[1].lines[0].span.start, laid_out.page_starts[0]);
    /// ```
    pub fn pages_of(&self, profile: &LayoutProfile) -> Vec<Page> {
        let rows = super::GridRows::new(profile, self.title_lines, self.lines_after_title);
        let per_page = profile.lines_per_page() as usize;
        let mut pages = vec![Page {
            number: 1,
            reserved_lines: profile.header_lines() as usize,
            lines: Vec::new(),
        }];
        let mut line = 0;
        for (index, paragraph) in self.paragraphs.iter().enumerate() {
            let count = paragraph.line_starts.len();
            for (k, &start) in paragraph.line_starts.iter().enumerate() {
                let end = paragraph
                    .line_starts
                    .get(k + 1)
                    .copied()
                    .unwrap_or(paragraph.span.end);
                while pages.len() <= rows.page_of(line) {
                    pages.push(Page {
                        number: pages.len() + 1,
                        reserved_lines: 0,
                        lines: Vec::new(),
                    });
                }
                let page = pages.last_mut().expect("there is always a page");
                // Never more blank lines than the page has rows above the line.
                let blank_before = rows.blank_before(line).min(rows.of(line) % per_page);
                page.lines.push(PageLine {
                    span: start..end,
                    paragraph: index,
                    first: k == 0,
                    last: k + 1 == count,
                    title: index == 0 && profile.title(),
                    blank_before,
                });
                line += 1;
            }
        }
        pages
    }
}
