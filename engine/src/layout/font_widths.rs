//! Character widths as Word and LibreOffice set the exported GB/T 9704 `.docx`: no character
//! grid, every run at −0.25 pt character spacing, 仿宋 (or 小标宋) for Chinese and Times New Roman
//! for Latin letters, digits and ASCII marks.
//!
//! Measured with the reference typesetter on the exported file (LibreOffice 7.4 converting it to
//! PDF, character positions read back, see `xtask/src/docx_pages.rs`):
//! - a Chinese character or full-width mark is 1 em; an ASCII character takes its Times New
//!   Roman width (Liberation Serif has the same metrics), 0.5 em for a digit, 0.25 em for `,`;
//! - the −0.25 pt spacing applies to every character except the last of each stretch of one
//!   script (a text portion) and the last of a line;
//! - 1/5 em of space is added between a 汉字 and an ASCII letter or digit, in either order
//!   (Asian/Latin autospace), never next to punctuation;
//! - marks of no script of their own (“”‘’—…·) take the script of the character before them: a
//!   `“` after a 汉字 is full-width, after a digit it is a Latin quote;
//! - a line is 156 mm (442.25 pt) wide, a paragraph's first line 2 字 (32 pt) less.
//!
//! Widths are in 1/10 240 pt, so that every value (1/2048 em font units at 16 or 22 pt, the
//! −0.25 pt spacing, the 1/5 em autospace) is a whole number and fitting is exact.

use crate::chars::is_hanzi;

/// Units per point.
pub(crate) const UNITS_PER_PT: u64 = 10_240;
/// The −0.25 pt character spacing of every run, in units.
const SPACING: u64 = UNITS_PER_PT / 4;

/// Whether `c` is set in the East Asian font as an Asian character whatever precedes it.
fn is_asian(c: char) -> bool {
    is_hanzi(c)
        || matches!(c,
            '\u{2E80}'..='\u{2FFF}'
            | '\u{3000}'..='\u{303F}'
            | '\u{3040}'..='\u{33FF}'
            | '\u{2160}'..='\u{217F}'
            | '\u{2460}'..='\u{24FF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FFEF}'
            | '\u{20000}'..)
}

/// Times New Roman's advance of a Latin character in 1/2048 em (Liberation Serif's table, which
/// is metric-compatible), or `None` for one it does not hold.
fn latin_advance(c: char) -> Option<u64> {
    const ASCII: [u16; 95] = [
        512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512,
        569, // space../
        1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, // 0-9
        569, 569, 1155, 1155, 1155, 909, 1886, // :;<=>?@
        1479, 1366, 1366, 1479, 1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, // A-M
        1479, 1479, 1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, // N-Z
        682, 569, 682, 961, 1024, 682, // [\]^_`
        909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, // a-m
        1024, 1024, 1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, // n-z
        983, 410, 983, 1108, // {|}~
    ];
    match c {
        ' '..='~' => Some(u64::from(ASCII[c as usize - 0x20])),
        '\u{A0}' => Some(512),
        '“' | '”' => Some(909),
        '‘' | '’' | '·' => Some(682),
        '—' | '…' => Some(2048),
        '°' => Some(819),
        '×' => Some(1155),
        _ => None,
    }
}

/// How one glyph advances the line, in units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Advance {
    /// Its width, without the character spacing.
    pub(crate) width: u64,
    /// Whether the −0.25 pt spacing follows it unless it ends the line (it is not the last of its
    /// script's stretch).
    pub(crate) spaced: bool,
    /// Autospace before it, unless it starts the line.
    pub(crate) space_before: u64,
}

impl Advance {
    /// The spacing that follows the glyph when another follows it on the line (a negative
    /// amount, as a number to subtract).
    pub(crate) fn spacing(self) -> u64 {
        if self.spaced {
            SPACING
        } else {
            0
        }
    }
}

/// The advances of `chars` (the first character of each glyph, `None` for a glyph that takes no
/// room) set at `size_pt`.
pub(crate) fn advances(chars: &[Option<char>], size_pt: u64, out: &mut Vec<Advance>) {
    out.clear();
    let em = size_pt * UNITS_PER_PT;
    let autospace = em / 5;
    // Scripts: true for Asian. A mark of no script takes the one before it (Latin at the start).
    let mut asian = Vec::with_capacity(chars.len());
    let mut previous = false;
    for c in chars {
        let script = match c {
            Some(c) if is_asian(*c) => true,
            Some(c) if c.is_ascii() => false,
            Some(_) | None => previous,
        };
        asian.push(script);
        previous = script;
    }
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let ideograph = |i: usize| chars[i].is_some_and(is_hanzi);
    for (i, &c) in chars.iter().enumerate() {
        let Some(c) = c else {
            out.push(Advance::default());
            continue;
        };
        let width = if asian[i] {
            em
        } else {
            latin_advance(c).map_or(em, |a| a * em / 2048)
        };
        let last_of_stretch = asian.get(i + 1).is_none_or(|&next| next != asian[i]);
        let space_before = if i > 0
            && ((ideograph(i - 1) && alnum(Some(c))) || (alnum(chars[i - 1]) && ideograph(i)))
        {
            autospace
        } else {
            0
        };
        out.push(Advance {
            width,
            spaced: !last_of_stretch,
            space_before,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str, size: u64) -> Vec<Advance> {
        let chars: Vec<Option<char>> = text.chars().map(Some).collect();
        let mut out = Vec::new();
        advances(&chars, size, &mut out);
        out
    }

    #[test]
    fn widths_spacing_and_autospace_follow_the_typesetter() {
        let pt = UNITS_PER_PT;
        let a = of("字12字,“字：1", 16);
        let widths: Vec<u64> = a.iter().map(|a| a.width).collect();
        // 字 1 em; digits 0.5 em; a comma 0.25 em; a quote after a 汉字 full-width... after `,`
        // (Latin) it is a Latin quote, 909/2048 em.
        assert_eq!(
            widths,
            [
                16 * pt,
                8 * pt,
                8 * pt,
                16 * pt,
                4 * pt,
                909 * 16 * pt / 2048,
                16 * pt,
                16 * pt,
                8 * pt
            ]
        );
        let spaced: Vec<bool> = a.iter().map(|a| a.spaced).collect();
        // The last of each stretch keeps its full width: 字|12|字|,“|字：|1.
        assert_eq!(
            spaced,
            [false, true, false, false, true, false, true, false, false]
        );
        let autospace: Vec<u64> = a.iter().map(|a| a.space_before).collect();
        // 1/5 em between 字 and a digit either way, none next to punctuation (`：1`).
        let s = 16 * pt / 5;
        assert_eq!(autospace, [0, s, 0, s, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn latin_widths_are_times_new_roman_s() {
        // Liberation Serif's advances (1/2048 em), read from the font file.
        for (c, want) in [
            (' ', 512),
            ('%', 1706),
            (',', 512),
            ('(', 682),
            ('0', 1024),
            ('9', 1024),
            (':', 569),
            ('@', 1886),
            ('A', 1479),
            ('M', 1821),
            ('W', 1933),
            ('Z', 1251),
            ('`', 682),
            ('a', 909),
            ('m', 1593),
            ('r', 682),
            ('t', 569),
            ('w', 1479),
            ('z', 909),
            ('{', 983),
            ('~', 1108),
        ] {
            assert_eq!(latin_advance(c), Some(want), "{c:?}");
        }
    }

    #[test]
    fn a_title_character_is_22_points() {
        assert_eq!(of("题", 22)[0].width, 22 * UNITS_PER_PT);
    }
}
