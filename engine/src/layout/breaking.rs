//! Where the lines of one paragraph break: character widths on the grid (rules 5–7 of
//! `docs/reference/layout.md`) and the line-breaking rules (8–12), as observed in LibreOffice Writer's
//! text grid with zh-CN strict line breaking.
//!
//! Two rules found with the reference typesetter on the exported file hold on the grid too: a
//! full-width comma, stop or closing mark between two Latin runs joins them (`G109、G219`), and
//! a mark after a Latin letter or digit does not hang.
//!
//! On the grid, widths are counted in half cells. A full-width character first realigns to a
//! whole cell, so a run of n half-width characters takes ceil(n/2) cells, as the grid engine
//! sets them.
//!
//! Where layout.md is silent the choices follow the Unicode line-breaking algorithm that the
//! reference engine builds on, so that drafts unlike the corpus still break sensibly: combining
//! marks and emoji sequences stay with their base character and take no room; U+3000 breaks like
//! a space (it may end a line, not start one); no-break spaces and ASCII quotes glue their
//! neighbours; `―` and `⋯` are kept whole like `—` and `…`; brackets missing from the rule lists
//! behave like their counterparts.

use crate::chars::{classify, indices, is_hanzi, CharClass};

/// Marks that may not start a line but may hang in the margin past the last cell (rule 8).
const HANGING: &[char] = &[
    '，', '。', '、', '：', '；', '？', '！', '．', ',', '.', ':', ';', '?', '!',
];

/// Marks that may not start a line and do not hang (rule 9): they pull the character before
/// them down to the next line. Rule 9's list, then `］〗〙〞`, which close marks of [`OPENING`]
/// and so must behave the same although layout.md does not list them.
const CLOSING: &[char] = &[
    '”', '’', '）', '》', '〉', '」', '』', '】', '〕', '｝', ')', ']', '}', '·', '～', '々', '］',
    '〗', '〙', '〞',
];

/// Marks that may not end a line (rule 10): they move down to the next line. Rule 10's list,
/// then `{〖〘〝`, the openers of closing marks in [`CLOSING`].
const OPENING: &[char] = &[
    '“', '‘', '（', '《', '〈', '「', '『', '【', '〔', '［', '｛', '(', '[', '{', '〖', '〘', '〝',
];

/// How much of the grid a character takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Width {
    /// Zero-width spaces and joiners, and rule 7's single leading space.
    Zero,
    /// Latin letters, ASCII digits and punctuation, ASCII spaces (rule 6).
    Half,
    /// Hanzi, full-width punctuation, U+3000 and other symbols, emoji (rule 5).
    Full,
}

/// What a character allows on either side of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Hanzi and symbols: a line may break before and after.
    Ordinary,
    /// A half-width letter, digit or sign: glued to half-width neighbours (rule 12).
    Word,
    /// `/`: like [`Class::Word`], but a line may break after it, so URLs and paths wrap (rule 12).
    Slash,
    /// May not start a line; may hang (rule 8).
    Hanging,
    /// May not start a line (rule 9).
    Closing,
    /// May not end a line (rule 10).
    Opening,
    /// `—`: a line never breaks inside `——` (rule 11), but may start with it.
    Dash,
    /// `…`: a line never breaks inside `……` (rule 11), but may start with it.
    Ellipsis,
    /// Whitespace: never starts a line; spaces that do not fit hang past the margin.
    Space,
    /// No-break spaces and joiners: a line breaks on neither side.
    Glue,
}

/// One character of a paragraph, with what the layout needs to know about it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Glyph {
    /// Byte offset in the whole text.
    offset: usize,
    width: Width,
    class: Class,
    /// Its (first) character, for the font's widths.
    c: char,
}

impl Glyph {
    /// The glyph of a character that is not a hanzi.
    fn new(offset: usize, c: char, paragraph_start: bool) -> Self {
        let (width, class) = if paragraph_start && c == ' ' {
            // Rule 7: Writer sets one leading ASCII space in no room at all.
            (Width::Zero, Class::Space)
        } else {
            describe(c)
        };
        Glyph {
            offset,
            width,
            class,
            c,
        }
    }

    /// Where this glyph ends on the line when it is set at half-cell position `at`.
    fn end(self, at: u32) -> u32 {
        match self.width {
            Width::Zero => at,
            Width::Half => at + 1,
            // Realign to a whole cell first (rule 6).
            Width::Full => at.div_ceil(2) * 2 + 2,
        }
    }
}

/// Whether `c` is drawn as part of the character before it, taking no room of its own and never
/// separated from it: combining marks, joiners, variation selectors, emoji skin tones and tags
/// (so `👍🏽` and `👨‍👩‍👧` sit in one cell each, and `é` written as `e` + U+0301 in half a cell).
fn extends_previous(c: char) -> bool {
    matches!(c,
        '\u{200C}' | '\u{200D}'
        | '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// Width and class of a character that is neither a hanzi nor a leading space.
fn describe(c: char) -> (Width, Class) {
    match c {
        '\u{200B}' => (Width::Zero, Class::Space),
        '\u{2060}' | '\u{FEFF}' => (Width::Zero, Class::Glue),
        '\u{A0}' | '\u{2007}' | '\u{202F}' => (Width::Half, Class::Glue),
        // ASCII quotes do not say whether they open or close, so a line breaks on neither side of
        // them, as in Unicode's line-breaking algorithm that the reference engine builds on.
        '"' | '\'' => (Width::Half, Class::Glue),
        // An extender with nothing before it to extend.
        c if extends_previous(c) => (Width::Zero, Class::Ordinary),
        '\u{3000}' => (Width::Full, Class::Space),
        // U+2015 and U+22EF stand in for U+2014 and U+2026 in some fonts and input methods.
        '—' | '―' => (Width::Full, Class::Dash),
        '…' | '⋯' => (Width::Full, Class::Ellipsis),
        _ => {
            let width = match classify(c) {
                CharClass::Whitespace | CharClass::HalfWidth => Width::Half,
                CharClass::Hanzi | CharClass::FullWidth => Width::Full,
            };
            let class = if c.is_whitespace() {
                Class::Space
            } else if HANGING.contains(&c) {
                Class::Hanging
            } else if CLOSING.contains(&c) {
                Class::Closing
            } else if OPENING.contains(&c) {
                Class::Opening
            } else if c == '/' {
                Class::Slash
            } else if width == Width::Half {
                Class::Word
            } else {
                Class::Ordinary
            };
            (width, class)
        }
    }
}

/// Full-width marks that join two Latin runs into one when they stand between them: the closing
/// marks and the commas and stops (Unicode's class CL, and `”’`). LibreOffice's line breaking
/// keeps `G109、G219` and `6.8%、5.2%` whole, yet breaks `人次、|10万` and `12；|G34`.
fn joins_latin(c: char) -> bool {
    matches!(c, '、' | '，' | '。' | '．') || (CLOSING.contains(&c) && !c.is_ascii())
}

/// Whether a line may end before glyph `k` of `glyphs` (`k ≥ 1`).
fn may_break_at(glyphs: &[Glyph], k: usize) -> bool {
    let (before, after) = (glyphs[k - 1], glyphs[k]);
    let joined = after.class == Class::Word
        && joins_latin(before.c)
        && k >= 2
        && glyphs[k - 2].width == Width::Half;
    !joined && may_break_between(before, after)
}

/// Whether a line may end between `before` and `after` by the rules of the pair alone (9–12); a
/// mark that hangs past the margin ends its line this way (`人次、|10万`).
fn may_break_between(before: Glyph, after: Glyph) -> bool {
    use Class::*;
    match (before.class, after.class) {
        (_, Space | Hanging | Closing | Glue) => false,
        (Opening | Glue, _) => false,
        (Space, _) => true,
        (Dash, Dash) | (Ellipsis, Ellipsis) => false,
        // Rule 12: a run of half-width characters (a word, a number such as `5.2%` or `2024,`)
        // stays whole, except after a slash.
        (Slash, Slash) => false,
        (Slash, _) => true,
        _ => before.width != Width::Half || after.width != Width::Half,
    }
}

/// How a line that overflows ends.
enum LineEnd {
    /// The rest of the paragraph fits (it is only spaces, or one hanging mark and spaces).
    Paragraph,
    /// The next line starts at this glyph.
    At(usize),
}

/// Where the line that starts at glyph `start` ends, given that glyph `overflow` is the first that
/// does not fit on it.
fn line_end(glyphs: &[Glyph], start: usize, overflow: usize) -> LineEnd {
    let after_spaces = |k: usize| {
        k + glyphs[k..]
            .iter()
            .take_while(|g| g.class == Class::Space)
            .count()
    };
    // Spaces that do not fit hang past the margin; so does one hanging mark (rule 8), unless what
    // follows it may not start a line either (`。”`, rule 9).
    // A mark after a Latin letter or digit does not hang: LibreOffice hangs marks of Chinese
    // text only.
    let after_latin = overflow > start && glyphs[overflow - 1].width == Width::Half;
    let hang = match glyphs[overflow].class {
        Class::Space => Some(overflow),
        Class::Hanging if !after_latin => Some(overflow + 1),
        _ => None,
    };
    if let Some(k) = hang.map(after_spaces) {
        if k == glyphs.len() {
            return LineEnd::Paragraph;
        }
        if may_break_between(glyphs[k - 1], glyphs[k]) {
            return LineEnd::At(k);
        }
    }
    // Otherwise the line ends at the last place it may (rules 9, 10, 11, 12); a line with no such
    // place, a run longer than the line, is cut where it overflows (rule 12).
    let last = (start + 1..=overflow)
        .rev()
        .find(|&k| may_break_at(glyphs, k));
    LineEnd::At(last.unwrap_or(overflow))
}

/// How wide a line is and how its characters are measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Measure {
    /// The reference typesetter's character grid: `cells` cells a line, the first line starting
    /// `indent` cells in; a character takes a cell or half a cell (rules 5–7).
    Grid { indent: u32, cells: u32 },
    /// The exported .docx as Word and LibreOffice set it: the fonts' widths at `size_pt` (see
    /// [`font_widths`](super::font_widths)), lines `limit` units wide, the first `indent` units in.
    Font {
        size_pt: u64,
        indent: u64,
        limit: u64,
    },
}

/// Scratch space for [`line_starts`], reused across paragraphs to save allocations.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    glyphs: Vec<Glyph>,
    chars: Vec<Option<char>>,
    advances: Vec<super::font_widths::Advance>,
}

/// Byte offsets (in the whole text) where the lines of `paragraph` start; `base` is the offset of
/// the paragraph in the text. An empty paragraph still takes one line (rule 4). `measure` says
/// how wide lines are and how characters are measured.
///
/// Every line takes at least its first glyph, so the loop always ends.
pub(super) fn line_starts(
    paragraph: &str,
    base: usize,
    measure: Measure,
    scratch: &mut Scratch,
) -> Vec<usize> {
    let glyphs = &mut scratch.glyphs;
    glyphs.clear();
    let mut joined = false;
    for (i, c) in indices(paragraph) {
        if is_hanzi(c) {
            // Nine characters in ten: skip the tables.
            glyphs.push(Glyph {
                offset: base + i,
                width: Width::Full,
                class: Class::Ordinary,
                c,
            });
        } else if i == 0 || !(joined || extends_previous(c)) {
            // Otherwise the character belongs to the glyph before it, as do all the parts of an
            // emoji joined by U+200D.
            glyphs.push(Glyph::new(base + i, c, i == 0));
        }
        joined = c == '\u{200D}';
    }
    let glyphs = &scratch.glyphs;
    let advances = &mut scratch.advances;
    let (limit, first_indent) = match measure {
        Measure::Grid { indent, cells } => (u64::from(cells) * 2, u64::from(indent) * 2),
        Measure::Font {
            size_pt,
            indent,
            limit,
        } => {
            scratch.chars.clear();
            scratch.chars.extend(
                glyphs
                    .iter()
                    .map(|g| (g.width != Width::Zero).then_some(g.c)),
            );
            super::font_widths::advances(&scratch.chars, size_pt, advances);
            (limit, indent)
        }
    };
    // Where glyph `k` ends when set after a line position of `at` (`first`: it starts the line).
    let end = |k: usize, at: u64, first: bool| -> u64 {
        match measure {
            Measure::Grid { .. } => u64::from(glyphs[k].end(at as u32)),
            Measure::Font { .. } => {
                let a = advances[k];
                if first {
                    at + a.width
                } else {
                    // The glyph before it is no longer the line's last: its spacing applies.
                    at.saturating_sub(advances[k - 1].spacing()) + a.space_before + a.width
                }
            }
        }
    };
    let mut starts = vec![base];
    let mut start = 0;
    let mut at = first_indent;
    loop {
        let mut overflow = start;
        while overflow < glyphs.len() {
            let next = end(overflow, at, overflow == start);
            // A line always takes its first glyph, even one wider than the line.
            if next > limit && overflow > start {
                break;
            }
            at = next;
            overflow += 1;
        }
        if overflow == glyphs.len() {
            return starts;
        }
        match line_end(glyphs, start, overflow) {
            LineEnd::Paragraph => return starts,
            LineEnd::At(next) => {
                starts.push(glyphs[next].offset);
                start = next;
                at = 0;
            }
        }
    }
}
