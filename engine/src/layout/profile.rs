//! The page grid a draft is laid out on, and the checks that keep it sane.

use super::breaking::Measure;
use super::font_widths::UNITS_PER_PT;
use super::Role;
use serde::{Deserialize, Serialize};
use std::fmt;

/// GB/T 9704's body (3号) and title (2号) sizes, in points.
const BODY_PT: u64 = 16;
const TITLE_PT: u64 = 22;

/// The page grid: how many cells a line holds, how many lines a page holds, how far a paragraph's
/// first line is indented, whether the first paragraph is a title, and how many lines of page 1 a
/// 红头 header takes.
///
/// A profile is always valid: the constructors check every value, and so does deserialisation,
/// so a stored profile edited by hand cannot make [`layout`](super::layout) loop or panic.
///
/// # Examples
/// ```
/// use jianwen_engine::layout::LayoutProfile;
/// let gb = LayoutProfile::gbt9704();
/// assert_eq!((gb.cells_per_line(), gb.lines_per_page(), gb.first_line_indent()), (28, 22, 2));
/// assert!(gb.title() && gb.header_lines() == 0);
///
/// let red = gb.with_header_lines(LayoutProfile::TYPICAL_HEADER_LINES);
/// assert_eq!(red.header_lines(), 13);
/// assert!(LayoutProfile::try_new(0, 22, 2).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "ProfileFields")]
pub struct LayoutProfile {
    cells_per_line: u32,
    lines_per_page: u32,
    first_line_indent: u32,
    title: bool,
    typesetter: Typesetter,
    header_lines: u32,
}

/// What the layout reproduces: the file the drafter hands in, or the corpus's reference grid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Typesetter {
    /// The exported GB/T 9704 .docx as Word and LibreOffice set it: no character grid, the fonts'
    /// own widths (Times New Roman for Latin letters, digits and ASCII marks, see
    /// `layout/font_widths.rs`), the title at 2号 (22 pt, about 20 字 a line) with one blank line
    /// after it when a paragraph follows.
    #[default]
    Docx,
    /// The character grid the corpus's `expected.json` was made on (LibreOffice's text grid):
    /// whole and half cells, the title at the body's size with no blank line after it.
    ReferenceGrid,
}

impl LayoutProfile {
    /// The most cells per line and lines per page accepted. Real grids are 20–40 cells and lines; past
    /// 200 the value is a typo, and refusing it keeps the line buffers of the layout small.
    pub const MAX_GRID: u32 = 200;

    /// Lines a 红头 header usually takes above the first body line: about 35 mm of space, the
    /// issuing-authority mark, two blank lines, the 发文字号 and red rule, two blank lines, a 1–2
    /// line title in the larger 2号 size, one blank line and the addressee: 12 to 15 of 22 lines
    /// by GB/T 9704's measurements. 13 is the middle for a one-line title.
    pub const TYPICAL_HEADER_LINES: u32 = 13;

    /// GB/T 9704-2012 body text: 28 cells × 22 lines, first lines indented 2 cells, the first
    /// paragraph a centred title, no header reserved.
    pub const fn gbt9704() -> Self {
        LayoutProfile {
            cells_per_line: 28,
            lines_per_page: 22,
            first_line_indent: 2,
            title: true,
            typesetter: Typesetter::Docx,
            header_lines: 0,
        }
    }

    /// A grid of `cells_per_line` × `lines_per_page` with `first_line_indent` cells of indent,
    /// a title and no header (change them with [`with_title`](Self::with_title) and
    /// [`with_header_lines`](Self::with_header_lines)).
    ///
    /// # Panics
    /// When [`try_new`](Self::try_new) would return an error.
    pub fn new(cells_per_line: u32, lines_per_page: u32, first_line_indent: u32) -> Self {
        Self::try_new(cells_per_line, lines_per_page, first_line_indent)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// The fallible twin of [`new`](Self::new), for values typed by a user.
    ///
    /// # Errors
    /// When cells per line or lines per page is 0 or more than [`MAX_GRID`](Self::MAX_GRID), or
    /// the indent would leave no room on a first line.
    pub fn try_new(
        cells_per_line: u32,
        lines_per_page: u32,
        first_line_indent: u32,
    ) -> Result<Self, ProfileError> {
        ProfileFields {
            cells_per_line,
            lines_per_page,
            first_line_indent,
            ..ProfileFields::default()
        }
        .try_into()
    }

    /// The same grid with or without a title as the first paragraph. A title is centred with no
    /// indent; without one, the first paragraph is indented like the others.
    pub const fn with_title(self, title: bool) -> Self {
        LayoutProfile { title, ..self }
    }

    /// The same grid set by `typesetter`.
    pub const fn with_typesetter(self, typesetter: Typesetter) -> Self {
        LayoutProfile { typesetter, ..self }
    }

    /// The same grid with `lines` lines of page 1 reserved for a 红头 header (0 = none).
    ///
    /// # Panics
    /// When [`try_with_header_lines`](Self::try_with_header_lines) would return an error.
    pub fn with_header_lines(self, lines: u32) -> Self {
        self.try_with_header_lines(lines)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// The fallible twin of [`with_header_lines`](Self::with_header_lines).
    ///
    /// # Errors
    /// When the header would fill page 1: GB/T 9704 requires body text on the first page.
    pub fn try_with_header_lines(self, lines: u32) -> Result<Self, ProfileError> {
        ProfileFields {
            header_lines: lines,
            ..self.into()
        }
        .try_into()
    }

    /// Cells (full-width characters) per line.
    pub const fn cells_per_line(&self) -> u32 {
        self.cells_per_line
    }

    /// Lines per page.
    pub const fn lines_per_page(&self) -> u32 {
        self.lines_per_page
    }

    /// Cells of indent on the first line of every paragraph but a title.
    pub const fn first_line_indent(&self) -> u32 {
        self.first_line_indent
    }

    /// Whether the first paragraph is a centred title without indent.
    pub const fn title(&self) -> bool {
        self.title
    }

    /// What the layout reproduces.
    pub const fn typesetter(&self) -> Typesetter {
        self.typesetter
    }

    /// How a line of the title (`title`) or of the body is measured. On the .docx, a line is as
    /// wide as the grid's cells at 15.75 pt (16 pt less the runs' −0.25 pt spacing) and 1.25 pt:
    /// 442.25 pt (8845 twips) for 28 cells, GB/T 9704's 156 mm.
    pub(crate) fn measure(&self, role: Role) -> Measure {
        let title = role == Role::Title;
        let indent = role == Role::Body;
        match self.typesetter {
            Typesetter::ReferenceGrid => Measure::Grid {
                indent: if title { 0 } else { self.first_line_indent },
                cells: self.cells_per_line,
            },
            Typesetter::Docx => {
                let pt = UNITS_PER_PT;
                Measure::Font {
                    size_pt: if title { TITLE_PT } else { BODY_PT },
                    indent: if indent {
                        u64::from(self.first_line_indent) * BODY_PT * pt
                    } else {
                        0
                    },
                    limit: u64::from(self.cells_per_line) * (BODY_PT * pt - pt / 4) + pt * 5 / 4,
                }
            }
        }
    }

    /// Blank grid lines between the title and the next paragraph (when that is not blank).
    pub const fn lines_after_title(&self) -> usize {
        match (self.title, self.typesetter) {
            (true, Typesetter::Docx) => 1,
            _ => 0,
        }
    }

    /// Lines of page 1 reserved for a 红头 header above the text.
    pub const fn header_lines(&self) -> u32 {
        self.header_lines
    }
}

impl Default for LayoutProfile {
    /// [`LayoutProfile::gbt9704`].
    fn default() -> Self {
        Self::gbt9704()
    }
}

/// A value of a [`LayoutProfile`] that cannot be laid out. The messages are for the user, in
/// Chinese, and name the value they got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProfileError {
    /// Cells per line outside 1..=[`LayoutProfile::MAX_GRID`].
    CellsPerLine(u32),
    /// Lines per page outside 1..=[`LayoutProfile::MAX_GRID`].
    LinesPerPage(u32),
    /// An indent that leaves no cell on a first line.
    FirstLineIndent { indent: u32, cells_per_line: u32 },
    /// A header that leaves no line for the text on page 1.
    HeaderLines {
        header_lines: u32,
        lines_per_page: u32,
    },
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let max = LayoutProfile::MAX_GRID;
        match *self {
            ProfileError::CellsPerLine(n) => write!(f, "每行字数应在 1 到 {max} 之间，当前为 {n}"),
            ProfileError::LinesPerPage(n) => write!(f, "每页行数应在 1 到 {max} 之间，当前为 {n}"),
            ProfileError::FirstLineIndent {
                indent,
                cells_per_line,
            } => {
                write!(f, "首行缩进 {indent} 字，须小于每行字数 {cells_per_line}")
            }
            ProfileError::HeaderLines {
                header_lines,
                lines_per_page,
            } => {
                write!(
                    f,
                    "红头预留 {header_lines} 行，须少于每页行数 {lines_per_page}：首页必须有正文"
                )
            }
        }
    }
}

impl std::error::Error for ProfileError {}

/// The unchecked fields, as stored. Every profile, built or deserialised, passes through
/// `try_from` here. Missing fields take the GB/T 9704 values, so a profile stored before a field
/// existed still loads.
#[derive(Deserialize)]
#[serde(default)]
struct ProfileFields {
    cells_per_line: u32,
    lines_per_page: u32,
    first_line_indent: u32,
    title: bool,
    typesetter: Typesetter,
    header_lines: u32,
}

impl Default for ProfileFields {
    fn default() -> Self {
        LayoutProfile::gbt9704().into()
    }
}

impl From<LayoutProfile> for ProfileFields {
    fn from(p: LayoutProfile) -> Self {
        let LayoutProfile {
            cells_per_line,
            lines_per_page,
            first_line_indent,
            title,
            typesetter,
            header_lines,
        } = p;
        ProfileFields {
            cells_per_line,
            lines_per_page,
            first_line_indent,
            title,
            typesetter,
            header_lines,
        }
    }
}

impl TryFrom<ProfileFields> for LayoutProfile {
    type Error = ProfileError;

    fn try_from(f: ProfileFields) -> Result<Self, ProfileError> {
        let ProfileFields {
            cells_per_line,
            lines_per_page,
            first_line_indent,
            title,
            typesetter,
            header_lines,
        } = f;
        let range = 1..=LayoutProfile::MAX_GRID;
        if !range.contains(&cells_per_line) {
            return Err(ProfileError::CellsPerLine(cells_per_line));
        }
        if !range.contains(&lines_per_page) {
            return Err(ProfileError::LinesPerPage(lines_per_page));
        }
        if first_line_indent >= cells_per_line {
            return Err(ProfileError::FirstLineIndent {
                indent: first_line_indent,
                cells_per_line,
            });
        }
        if header_lines >= lines_per_page {
            return Err(ProfileError::HeaderLines {
                header_lines,
                lines_per_page,
            });
        }
        Ok(LayoutProfile {
            cells_per_line,
            lines_per_page,
            first_line_indent,
            title,
            typesetter,
            header_lines,
        })
    }
}
