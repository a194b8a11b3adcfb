//! The figures of Word's 字数统计 dialog, as defined in `docs/reference/counting.md`.
//!
//! Offices read caps such as "不超过5000字" off Word or WPS, so [`Counts::word_count`] follows
//! Word's 字数: every 汉字 and full-width character counts one, and a run of half-width characters
//! (`2024`, `GDP`, `PM2.5`, `www.gov.cn`) counts one if it holds a letter or digit. A stray ASCII
//! `,` between 汉字 counts nothing.

use crate::chars::{classify, indices, is_line_break, CharClass};
use serde::Serialize;

/// The character figures of a text. Each field is a count of Unicode scalar values or of runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// 字数 as Word's dialog shows it: 汉字 + other full-width characters + half-width runs that
    /// contain a letter or digit.
    pub word_count: usize,
    /// 字符数（不计空格）: every non-whitespace character.
    pub chars_no_spaces: usize,
    /// 字符数（计空格）: every character except line breaks (CR, LF).
    pub chars_with_spaces: usize,
    /// 汉字: CJK ideographs only.
    pub hanzi: usize,
    /// 段落: paragraphs with at least one non-whitespace character.
    pub paragraphs: usize,
}

impl Counts {
    /// The figures of two texts joined by a line break: every figure is a sum, since nothing is
    /// counted across a line break.
    pub(crate) fn plus(self, other: Counts) -> Counts {
        Counts {
            word_count: self.word_count + other.word_count,
            chars_no_spaces: self.chars_no_spaces + other.chars_no_spaces,
            chars_with_spaces: self.chars_with_spaces + other.chars_with_spaces,
            hanzi: self.hanzi + other.hanzi,
            paragraphs: self.paragraphs + other.paragraphs,
        }
    }
}

/// Counts `text` in one pass.
///
/// # Examples
/// ```
/// use jianwen_engine::counting::count;
/// let c = count("按照GB/T 9704-2012要求，每页22行。");
/// assert_eq!((c.word_count, c.chars_no_spaces, c.chars_with_spaces), (12, 24, 25));
/// ```
pub fn count(text: &str) -> Counts {
    // Tallies per class; the figures are sums of them, so each character costs one branch.
    let (mut hanzi, mut full_width, mut half_width, mut spaces) = (0, 0, 0, 0);
    let (mut runs, mut paragraphs) = (0, 0);
    let mut run_has_alnum = false;
    let mut paragraph_has_content = false;
    for (_, c) in indices(text) {
        match classify(c) {
            CharClass::Hanzi => {
                hanzi += 1;
                runs += usize::from(run_has_alnum);
                run_has_alnum = false;
                paragraph_has_content = true;
            }
            CharClass::FullWidth => {
                full_width += 1;
                runs += usize::from(run_has_alnum);
                run_has_alnum = false;
                paragraph_has_content = true;
            }
            CharClass::HalfWidth => {
                half_width += 1;
                run_has_alnum |= c.is_alphanumeric();
                paragraph_has_content = true;
            }
            CharClass::Whitespace => {
                runs += usize::from(run_has_alnum);
                run_has_alnum = false;
                if is_line_break(c) {
                    paragraphs += usize::from(paragraph_has_content);
                    paragraph_has_content = false;
                } else {
                    spaces += 1;
                }
            }
        }
    }
    runs += usize::from(run_has_alnum);
    paragraphs += usize::from(paragraph_has_content);
    let visible = hanzi + full_width + half_width;
    Counts {
        word_count: hanzi + full_width + runs,
        chars_no_spaces: visible,
        chars_with_spaces: visible + spaces,
        hanzi,
        paragraphs,
    }
}
