//! Page layout on the GB/T 9704 page: how many lines and pages a draft fills, where each line and
//! each page begins.
//!
//! What it reproduces is the [`Typesetter`] of its profile:
//! - [`Typesetter::Docx`], the app's: the exported .docx as Word and LibreOffice set it, without a
//!   character grid. Characters take their fonts' widths (`layout/font_widths.rs`), the title is
//!   2号 with a blank line after it, the 主送机关 is flush left, and a full 版头 takes its own
//!   height; `cargo xtask compare-docx` checks every corpus document against LibreOffice.
//! - [`Typesetter::ReferenceGrid`]: the rules of `docs/reference/layout.md`, observed in
//!   LibreOffice Writer's text grid, on which the corpus's `expected.json` was made. Every
//!   character takes a whole cell or, when half-width, half a cell (runs realign to whole cells).
//!
//! On both, a line holds one hanging comma or full stop past the margin; closing marks never start
//! a line and opening marks never end one; Latin words and numbers, `——` and `……` are never
//! split; a page holds [`LayoutProfile::lines_per_page`] lines, with no widow or orphan control,
//! so pages = ⌈(header + blank line after the title + lines) / lines per page⌉.
//!
//! # Examples
//! ```
//! use jianwen_engine::layout::{layout, LayoutProfile};
//! // A title, then a paragraph of 27 hanzi: 26 fit after the 2-cell indent, 1 wraps.
//! let text = format!("标题\n{}", "字".repeat(27));
//! let l = layout(&text, &LayoutProfile::gbt9704());
//! assert_eq!((l.lines, l.title_lines, l.pages), (3, 1, 1));
//! assert_eq!(l.paragraphs[1].line_starts, [7, 7 + 26 * 3]);
//! ```
//!
//! # Performance
//! One pass over the characters, with a look-back bounded by one line, and one allocation per
//! paragraph: cost is linear in the length of the text, about 30 ns a character on a busy 2-core
//! machine, so 0.8 ms for 25,000 字 and 6 ms for 200,000 (`benches/layout.rs`). Laying the whole
//! draft out again on every keystroke is affordable; [`Analyzer`](crate::Analyzer) still reuses
//! the lines of unchanged paragraphs, since a paragraph's lines depend on its text alone.

mod breaking;
mod font_widths;
mod pages;
mod profile;

pub use pages::{Page, PageLine};
pub use profile::{LayoutProfile, ProfileError, Typesetter};

use crate::paragraphs::paragraph_spans;
use std::ops::Range;

/// How one paragraph is broken into lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParagraphLayout {
    /// Byte range of the paragraph in the text, line break excluded.
    pub span: Range<usize>,
    /// Byte offset in the text where each line starts, ascending; the first is `span.start`. An
    /// empty paragraph has one line.
    pub line_starts: Vec<usize>,
}

/// A draft laid out on a [`LayoutProfile`]'s grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Every paragraph, the title first, in text order.
    pub paragraphs: Vec<ParagraphLayout>,
    /// Lines the text fills, the title's included and a header's reservation not.
    pub lines: usize,
    /// Lines of the title (0 when the profile has none).
    pub title_lines: usize,
    /// Blank grid lines between the title and the next paragraph (GB/T 9704's one line, when
    /// the profile sets the title so and a paragraph with text follows): they take room on the
    /// page and hold no text, so [`lines`](Self::lines) leaves them out.
    pub lines_after_title: usize,
    /// Pages the draft fills, with the header's lines counted on page 1. Never 0: even an empty
    /// draft is one page.
    pub pages: usize,
    /// Lines used on the last page, header included when that page is page 1. Lines per page
    /// minus this is how far the next page is.
    pub lines_on_last_page: usize,
    /// Byte offset of the first character of each page after the first: `page_starts[0]` starts
    /// page 2. An empty paragraph at the top of a page gives its (empty) span's start.
    pub page_starts: Vec<usize>,
}

/// Lays `text` out on `profile`'s grid. Linear in the length of `text`; never panics.
///
/// The first paragraph is the title when [`LayoutProfile::title`] is set: centred, wrapped like
/// a line without indent (rule 13), at 2号 on the .docx (about 20 字 a line), and followed by
/// [`LayoutProfile::lines_after_title`] blank grid lines when a paragraph with text comes next,
/// as the exported .docx sets it. Every other paragraph starts
/// [`LayoutProfile::first_line_indent`] cells in; an empty one takes a line.
pub fn layout(text: &str, profile: &LayoutProfile) -> Layout {
    let mut scratch = breaking::Scratch::default();
    let spans = paragraph_spans(text);
    let addressee = addressee_paragraph(text, &spans, profile);
    let paragraphs: Vec<ParagraphLayout> = spans
        .into_iter()
        .enumerate()
        .map(|(index, span)| {
            let line_starts = paragraph_line_starts(
                &text[span.clone()],
                span.start,
                role_of(index, addressee, profile),
                profile,
                &mut scratch,
            );
            ParagraphLayout { span, line_starts }
        })
        .collect();
    paginate(text, paragraphs, profile)
}

/// How a paragraph is set, for its lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// The title: centred, no indent, at 2号 on the .docx.
    Title,
    /// The 主送机关 of the .docx: flush left, as GB/T 9704 sets it.
    Addressee,
    /// Every other paragraph: its first line indented.
    Body,
}

/// The role of paragraph `index`, `addressee` being the 主送机关's index if any.
pub(crate) fn role_of(index: usize, addressee: Option<usize>, profile: &LayoutProfile) -> Role {
    if index == 0 && profile.title() {
        Role::Title
    } else if addressee == Some(index) {
        Role::Addressee
    } else {
        Role::Body
    }
}

/// The paragraph of `text` (split into `spans`) the .docx sets as the 主送机关, flush left: the one
/// [`elements`](crate::elements::elements) recognises. The 主送机关 stands among the first lines
/// after the title, so only those are read: its decision is the same on them as on the whole
/// text, and costs nothing on a long draft. `None` on the reference grid, which indents it.
pub(crate) fn addressee_paragraph(
    text: &str,
    spans: &[Range<usize>],
    profile: &LayoutProfile,
) -> Option<usize> {
    /// Title, blank lines and the few lines [`elements`](crate::elements::elements) searches.
    const HEAD_PARAGRAPHS: usize = 12;
    if profile.typesetter() != Typesetter::Docx || !profile.title() {
        return None;
    }
    let head = spans.get(HEAD_PARAGRAPHS - 1).map_or(text.len(), |s| s.end);
    crate::elements::elements(&text[..head])
        .iter()
        .position(|e| e.kind == crate::elements::ElementKind::Addressee)
}

/// Byte offsets where the lines of one paragraph start, `base` being where the paragraph starts
/// in the text. A paragraph's lines depend on nothing but its own text and its [`Role`], which
/// is what lets [`Analyzer`](crate::Analyzer) reuse those of body paragraphs. `scratch` is
/// scratch space, reused across paragraphs to save allocations.
pub(crate) fn paragraph_line_starts(
    paragraph: &str,
    base: usize,
    role: Role,
    profile: &LayoutProfile,
    scratch: &mut breaking::Scratch,
) -> Vec<usize> {
    breaking::line_starts(paragraph, base, profile.measure(role), scratch)
}

/// The page figures of `paragraphs` (of `text`) laid out on `profile`'s grid: lines, title
/// lines, pages and where each page starts.
pub(crate) fn paginate(
    text: &str,
    paragraphs: Vec<ParagraphLayout>,
    profile: &LayoutProfile,
) -> Layout {
    let lines: usize = paragraphs.iter().map(|p| p.line_starts.len()).sum();
    let title_lines = match paragraphs.first() {
        Some(title) if profile.title() => title.line_starts.len(),
        _ => 0,
    };
    // The blank line goes between the title and a paragraph with text, as the .docx sets it; a
    // blank paragraph typed after the title already is that line.
    let followed = title_lines > 0
        && paragraphs
            .get(1)
            .is_some_and(|p| !text[p.span.clone()].trim().is_empty());
    // Space after a paragraph that ends a page is not carried over to the next one.
    let title_ends_page = (profile.header_lines() as usize + title_lines)
        .is_multiple_of(profile.lines_per_page() as usize);
    let lines_after_title = if followed && !title_ends_page {
        profile.lines_after_title()
    } else {
        0
    };
    let rows = GridRows::new(profile, title_lines, lines_after_title);
    let per_page = profile.lines_per_page() as usize;
    let filled = match lines {
        0 => profile.header_lines() as usize,
        _ => rows.of(lines - 1) + 1,
    };
    let pages = filled.div_ceil(per_page).max(1);
    let page_starts = paragraphs
        .iter()
        .flat_map(|p| &p.line_starts)
        .enumerate()
        .filter(|&(line, _)| line > 0 && rows.page_of(line) > rows.page_of(line - 1))
        .map(|(_, &start)| start)
        .collect();
    Layout {
        paragraphs,
        lines,
        title_lines,
        lines_after_title,
        pages,
        lines_on_last_page: filled - (pages - 1) * per_page,
        page_starts,
    }
}

/// Where the text's lines stand in the grid counted from the top of page 1: after the 红头
/// header's reservation, and after the blank line below a GB/T 9704 title (which takes a grid
/// line and prints nothing).
#[derive(Clone, Copy, Debug)]
pub(crate) struct GridRows {
    header: usize,
    title_lines: usize,
    after_title: usize,
    per_page: usize,
}

impl GridRows {
    pub(crate) fn new(profile: &LayoutProfile, title_lines: usize, after_title: usize) -> GridRows {
        GridRows {
            header: profile.header_lines() as usize,
            title_lines,
            after_title,
            per_page: profile.lines_per_page() as usize,
        }
    }

    /// The grid row of the text's line `line` (0-based over the whole text). `after_title` is 0
    /// without a title, so no case of its own.
    pub(crate) fn of(&self, line: usize) -> usize {
        let gap = if line >= self.title_lines {
            self.after_title
        } else {
            0
        };
        self.header + gap + line
    }

    /// The 0-based page of the text's line `line`.
    pub(crate) fn page_of(&self, line: usize) -> usize {
        self.of(line) / self.per_page
    }

    /// Blank grid lines right above the text's line `line` that are not the header's: the line
    /// after the title.
    pub(crate) fn blank_before(&self, line: usize) -> usize {
        if line == self.title_lines {
            self.after_title
        } else {
            0
        }
    }
}
