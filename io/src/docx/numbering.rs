//! Automatic list numbers. Word keeps the "一、" or "（二）" of a numbered paragraph out of its
//! text: the paragraph names a list (`w:numId`) and a level (`w:ilvl`), directly or through its
//! style, and `numbering.xml` says how each level is counted and written. A 公文's 层次序数 are
//! content, not decoration, so they are rendered here as Word shows them.

use super::attribute;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::{HashMap, HashSet};

/// Word allows nine levels, `w:ilvl` 0 to 8.
pub(super) const LEVELS: usize = 9;

/// How far `w:basedOn` chains are followed; Word's own are a few deep, a cycle would be endless.
const MAX_STYLE_DEPTH: usize = 16;

/// The numbering properties of one paragraph, as far as its `w:pPr` gives them.
#[derive(Debug, Default)]
pub(super) struct ParagraphNumbering {
    pub num_id: Option<String>,
    pub level: Option<usize>,
    pub style: Option<String>,
}

/// The lists of one document and their counters, advanced paragraph by paragraph.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<String, Vec<Option<Level>>>,
    nums: HashMap<String, Num>,
    styles: HashMap<String, Style>,
    default_style: Option<String>,
    /// Current value per abstract list and level. Lists (`w:num`) that share an abstract list
    /// continue each other's numbers, as in Word; a `w:startOverride` restarts them.
    counters: HashMap<String, [Option<u32>; LEVELS]>,
    overrides_applied: HashSet<(String, usize)>,
}

#[derive(Debug, Default)]
struct Num {
    abstract_id: String,
    start_overrides: HashMap<usize, u32>,
}

#[derive(Debug, Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<String>,
    level: Option<usize>,
}

#[derive(Clone, Debug)]
struct Level {
    start: u32,
    format: Format,
    /// `w:lvlText`, where `%1`…`%9` stand for the current values of levels 1…9.
    text: String,
    /// What Word puts between the number and the text (`w:suff`): a tab unless told otherwise.
    suffix: &'static str,
    /// `w:isLgl`: the numbers of all levels in Western digits ("1.1" under "第一章").
    legal: bool,
    /// The paragraph style tied to this level, which picks the level when a style names a list
    /// without one.
    style: Option<String>,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 1,
            format: Format::Decimal,
            text: String::new(),
            suffix: "\t",
            legal: false,
            style: None,
        }
    }
}

/// The `w:numFmt` values that Chinese documents use, and Western ones that Word offers first.
/// Others are written as decimal numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Decimal,
    DecimalZero,
    DecimalFullWidth,
    UpperRoman,
    LowerRoman,
    UpperLetter,
    LowerLetter,
    /// 一、二……十一 (`chineseCounting`, `chineseCountingThousand`, `taiwaneseCounting…`).
    ChineseCounting,
    /// 壹、贰……壹拾壹 (`chineseLegalSimplified`, `ideographLegalTraditional`).
    ChineseLegal,
    /// 一〇 for 10: digit by digit (`ideographDigital`, `taiwaneseDigital`).
    IdeographDigital,
    /// 甲乙丙丁… (`ideographTraditional`).
    HeavenlyStems,
    /// 子丑寅卯… (`ideographZodiac`).
    EarthlyBranches,
    /// ①②③…
    Circled,
    /// ⑴⑵⑶…
    Parenthesized,
    /// ⒈⒉⒊…
    FullStop,
    /// Symbols in a symbol font, mostly private-use characters: not text of a 公文, dropped.
    Bullet,
    /// No number at all, only the level text.
    None,
}

impl Format {
    fn from_word(name: &str) -> Format {
        match name {
            "decimalZero" => Format::DecimalZero,
            "decimalFullWidth" | "decimalFullWidth2" => Format::DecimalFullWidth,
            "upperRoman" => Format::UpperRoman,
            "lowerRoman" => Format::LowerRoman,
            "upperLetter" => Format::UpperLetter,
            "lowerLetter" => Format::LowerLetter,
            "chineseCounting"
            | "chineseCountingThousand"
            | "taiwaneseCounting"
            | "taiwaneseCountingThousand"
            | "japaneseCounting" => Format::ChineseCounting,
            "chineseLegalSimplified" | "ideographLegalTraditional" => Format::ChineseLegal,
            "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => {
                Format::IdeographDigital
            }
            "ideographTraditional" => Format::HeavenlyStems,
            "ideographZodiac" => Format::EarthlyBranches,
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => Format::Circled,
            "decimalEnclosedParen" => Format::Parenthesized,
            "decimalEnclosedFullstop" => Format::FullStop,
            "bullet" => Format::Bullet,
            "none" => Format::None,
            _ => Format::Decimal,
        }
    }

    fn write(self, n: u32) -> String {
        match self {
            Format::Decimal => n.to_string(),
            Format::DecimalZero => format!("{n:02}"),
            Format::None | Format::Bullet => String::new(),
            _ if n == 0 => n.to_string(),
            Format::DecimalFullWidth => n
                .to_string()
                .chars()
                .map(|d| char::from_u32(d as u32 - '0' as u32 + 0xFF10).unwrap_or(d))
                .collect(),
            Format::UpperRoman => roman(n).unwrap_or_else(|| n.to_string()),
            Format::LowerRoman => {
                roman(n).map_or_else(|| n.to_string(), |r| r.to_ascii_lowercase())
            }
            Format::UpperLetter => letters(n, b'A'),
            Format::LowerLetter => letters(n, b'a'),
            Format::ChineseCounting => chinese(n, "零一二三四五六七八九", "十百千万", true),
            Format::ChineseLegal => chinese(n, "零壹贰叁肆伍陆柒捌玖", "拾佰仟万", false),
            Format::IdeographDigital => n
                .to_string()
                .chars()
                .map(|d| nth_char("〇一二三四五六七八九", d as u32 - '0' as u32).unwrap_or(d))
                .collect(),
            Format::HeavenlyStems => series("甲乙丙丁戊己庚辛壬癸", n),
            Format::EarthlyBranches => series("子丑寅卯辰巳午未申酉戌亥", n),
            Format::Circled => enclosed(0x2460, n),
            Format::Parenthesized => enclosed(0x2474, n),
            Format::FullStop => enclosed(0x2488, n),
        }
    }
}

fn nth_char(chars: &str, n: u32) -> Option<char> {
    chars.chars().nth(n as usize)
}

/// The n-th of a closed series (1-based), decimal past its end.
fn series(chars: &str, n: u32) -> String {
    nth_char(chars, n - 1).map_or_else(|| n.to_string(), String::from)
}

/// ① to ⑳ and their kin: Unicode has twenty of each.
fn enclosed(first: u32, n: u32) -> String {
    match n {
        1..=20 => char::from_u32(first + n - 1).map_or_else(|| n.to_string(), String::from),
        _ => n.to_string(),
    }
}

fn roman(n: u32) -> Option<String> {
    if n >= 4000 {
        return None;
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = n;
    let mut out = String::new();
    for (value, digits) in TABLE {
        while rest >= value {
            out.push_str(digits);
            rest -= value;
        }
    }
    Some(out)
}

/// Word's letters: A…Z, then AA, BB… (the letter repeated, not a base-26 number).
fn letters(n: u32, a: u8) -> String {
    let letter = char::from(a + ((n - 1) % 26) as u8);
    let times = ((n - 1) / 26 + 1).min(1000) as usize;
    std::iter::repeat_n(letter, times).collect()
}

/// A Chinese numeral up to 99999: 十一, 一百零五, 二千零二十四. `drop_one` writes 10–19 as 十…
/// rather than 一十…, as in counting (the legal form keeps 壹拾).
fn chinese(n: u32, digits: &str, units: &str, drop_one: bool) -> String {
    if n > 99_999 {
        return n.to_string();
    }
    let digit = |d: u32| nth_char(digits, d).unwrap_or('?');
    let units: Vec<char> = units.chars().collect();
    let places = [
        (10_000, Some(units[3])),
        (1000, Some(units[2])),
        (100, Some(units[1])),
        (10, Some(units[0])),
        (1, None),
    ];
    let mut out = String::new();
    let mut zero = false;
    for (place, unit) in places {
        let d = n / place % 10;
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push(digit(0));
            zero = false;
        }
        out.push(digit(d));
        out.extend(unit);
    }
    if drop_one && (10..20).contains(&n) {
        out.remove(0);
    }
    out
}

impl Numbering {
    /// Reads `numbering.xml` and `styles.xml`, when the document has them. A part that is not
    /// well-formed is ignored as a whole: the text imports without its list numbers rather than
    /// not at all.
    pub fn parse(numbering: Option<&str>, styles: Option<&str>) -> Numbering {
        let mut out = Numbering::default();
        if let Some(xml) = numbering {
            if out.read_numbering(xml).is_none() {
                out.abstracts.clear();
                out.nums.clear();
            }
        }
        if let Some(xml) = styles {
            if out.read_styles(xml).is_none() {
                out.styles.clear();
                out.default_style = None;
            }
        }
        out
    }

    fn read_numbering(&mut self, xml: &str) -> Option<()> {
        let mut reader = Reader::from_str(xml);
        let mut abstract_num: Option<(String, Vec<Option<Level>>)> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut num: Option<(String, Num)> = None;
        let mut override_level: Option<usize> = None;
        loop {
            let event = reader.read_event().ok()?;
            let (element, is_start) = match &event {
                Event::Start(e) => (e, true),
                Event::Empty(e) => (e, false),
                Event::End(e) => {
                    match e.local_name().as_ref() {
                        "lvl" => {
                            if let (Some((_, levels)), Some((index, done))) =
                                (&mut abstract_num, level.take())
                            {
                                levels[index] = Some(done);
                            }
                        }
                        "abstractNum" => {
                            if let Some((id, levels)) = abstract_num.take() {
                                self.abstracts.insert(id, levels);
                            }
                        }
                        "num" => {
                            if let Some((id, done)) = num.take() {
                                self.nums.insert(id, done);
                            }
                        }
                        "lvlOverride" => override_level = None,
                        _ => {}
                    }
                    continue;
                }
                Event::Eof => return Some(()),
                _ => continue,
            };
            let name = element.local_name();
            match (name.as_ref(), &mut level, &mut num) {
                ("abstractNum", _, _) if is_start => {
                    abstract_num =
                        attribute(element, "abstractNumId").map(|id| (id, vec![None; LEVELS]));
                }
                // A `w:lvl` inside `w:lvlOverride` replaces a level outright; rare, and not read.
                ("lvl", _, None) if is_start && abstract_num.is_some() => {
                    level = index(element, "ilvl").map(|i| (i, Level::default()));
                }
                ("start", Some((_, lvl)), _) => lvl.start = number(element).unwrap_or(lvl.start),
                ("numFmt", Some((_, lvl)), _) => {
                    lvl.format = Format::from_word(&attribute(element, "val").unwrap_or_default());
                }
                ("lvlText", Some((_, lvl)), _) => {
                    lvl.text = attribute(element, "val").unwrap_or_default()
                }
                ("suff", Some((_, lvl)), _) => {
                    lvl.suffix = match attribute(element, "val").as_deref() {
                        Some("space") => " ",
                        Some("nothing") => "",
                        _ => "\t",
                    }
                }
                ("isLgl", Some((_, lvl)), _) => lvl.legal = on(element),
                ("pStyle", Some((_, lvl)), _) => lvl.style = attribute(element, "val"),
                ("num", _, _) if is_start => {
                    num = attribute(element, "numId").map(|id| (id, Num::default()))
                }
                ("abstractNumId", _, Some((_, n))) => {
                    n.abstract_id = attribute(element, "val").unwrap_or_default()
                }
                ("lvlOverride", _, Some(_)) => override_level = index(element, "ilvl"),
                ("startOverride", _, Some((_, n))) => {
                    if let (Some(i), Some(start)) = (override_level, number(element)) {
                        n.start_overrides.insert(i, start);
                    }
                }
                _ => {}
            }
        }
    }

    fn read_styles(&mut self, xml: &str) -> Option<()> {
        let mut reader = Reader::from_str(xml);
        let mut style: Option<(String, Style)> = None;
        loop {
            let (element, is_start) = match reader.read_event().ok()? {
                Event::Start(e) => (e, true),
                Event::Empty(e) => (e, false),
                Event::End(e) if e.local_name().as_ref() == "style" => {
                    if let Some((id, done)) = style.take() {
                        self.styles.insert(id, done);
                    }
                    continue;
                }
                Event::Eof => return Some(()),
                _ => continue,
            };
            match (element.local_name().as_ref(), &mut style) {
                ("style", _) if is_start => {
                    let paragraph = attribute(&element, "type").is_none_or(|t| t == "paragraph");
                    let id = attribute(&element, "styleId");
                    if paragraph
                        && attribute(&element, "default").is_some_and(|d| d == "1" || d == "true")
                    {
                        self.default_style.clone_from(&id);
                    }
                    style = id.filter(|_| paragraph).map(|id| (id, Style::default()));
                }
                ("basedOn", Some((_, s))) => s.based_on = attribute(&element, "val"),
                ("numId", Some((_, s))) => s.num_id = attribute(&element, "val"),
                ("ilvl", Some((_, s))) => s.level = index(&element, "val"),
                _ => {}
            }
        }
    }

    /// The number to put before a paragraph with these properties, its suffix included, and
    /// advances the list's counters. `None` for paragraphs outside lists and for bullets.
    pub fn label(&mut self, paragraph: &ParagraphNumbering) -> Option<String> {
        let style = paragraph.style.as_ref().or(self.default_style.as_ref());
        let (style_num, style_level) = self.style_numbering(style);
        let num_id = paragraph.num_id.as_ref().or(style_num.as_ref())?;
        let num = self.nums.get(num_id)?;
        let levels = self.abstracts.get(&num.abstract_id)?;
        let index = paragraph
            .level
            .or(style_level)
            .or_else(|| {
                levels.iter().position(|l| {
                    l.as_ref()
                        .is_some_and(|l| l.style.is_some() && l.style.as_ref() == style)
                })
            })
            .unwrap_or(0);
        let level = levels.get(index)?.as_ref()?;
        if level.format == Format::Bullet {
            return None;
        }
        let counters = self.counters.entry(num.abstract_id.clone()).or_default();
        let restart = num
            .start_overrides
            .get(&index)
            .filter(|_| self.overrides_applied.insert((num_id.clone(), index)));
        counters[index] = Some(match (restart, counters[index]) {
            (Some(&start), _) => start,
            (None, Some(value)) => value.saturating_add(1),
            (None, None) => level.start,
        });
        counters[index + 1..].fill(None);
        let mut out = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            let referenced = chars
                .peek()
                .and_then(|d| d.to_digit(10))
                .filter(|d| (1..=9).contains(d));
            match (c, referenced) {
                ('%', Some(d)) => {
                    chars.next();
                    let i = d as usize - 1;
                    if let Some(other) = &levels[i] {
                        let format = if level.legal {
                            Format::Decimal
                        } else {
                            other.format
                        };
                        out.push_str(&format.write(counters[i].unwrap_or(other.start)));
                    }
                }
                _ => out.push(c),
            }
        }
        out.push_str(level.suffix);
        Some(out)
    }

    /// The list and level a paragraph style gives, following `w:basedOn`.
    fn style_numbering(&self, style: Option<&String>) -> (Option<String>, Option<usize>) {
        let mut next = style;
        let (mut num_id, mut level) = (None, None);
        for _ in 0..MAX_STYLE_DEPTH {
            let Some(s) = next.and_then(|id| self.styles.get(id)) else {
                break;
            };
            num_id = num_id.or_else(|| s.num_id.clone());
            level = level.or(s.level);
            next = s.based_on.as_ref();
        }
        (num_id, level)
    }
}

fn number(element: &BytesStart<'_>) -> Option<u32> {
    attribute(element, "val")?.trim().parse().ok()
}

/// A level index, 0 to 8; anything else is no level.
fn index(element: &BytesStart<'_>, name: &str) -> Option<usize> {
    attribute(element, name)?
        .trim()
        .parse()
        .ok()
        .filter(|&i| i < LEVELS)
}

/// An on/off property: present means on unless its value says off.
fn on(element: &BytesStart<'_>) -> bool {
    attribute(element, "val").is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"))
}

#[cfg(test)]
mod tests {
    use super::Format;

    #[test]
    fn formats_write_word_numbers() {
        let cases: &[(Format, &[(u32, &str)])] = &[
            (
                Format::ChineseCounting,
                &[
                    (1, "一"),
                    (10, "十"),
                    (11, "十一"),
                    (20, "二十"),
                    (21, "二十一"),
                    (100, "一百"),
                    (105, "一百零五"),
                    (110, "一百一十"),
                    (1001, "一千零一"),
                    (2024, "二千零二十四"),
                    (10_000, "一万"),
                ],
            ),
            (
                Format::ChineseLegal,
                &[(1, "壹"), (10, "壹拾"), (12, "壹拾贰"), (305, "叁佰零伍")],
            ),
            (
                Format::IdeographDigital,
                &[(3, "三"), (10, "一〇"), (2024, "二〇二四")],
            ),
            (Format::HeavenlyStems, &[(1, "甲"), (10, "癸"), (11, "11")]),
            (
                Format::EarthlyBranches,
                &[(1, "子"), (12, "亥"), (13, "13")],
            ),
            (Format::Circled, &[(1, "①"), (20, "⑳"), (21, "21")]),
            (Format::Parenthesized, &[(1, "⑴"), (20, "⒇")]),
            (Format::FullStop, &[(1, "⒈"), (20, "⒛")]),
            (Format::Decimal, &[(0, "0"), (7, "7"), (12, "12")]),
            (Format::DecimalZero, &[(3, "03"), (12, "12")]),
            (Format::DecimalFullWidth, &[(12, "１２")]),
            (
                Format::UpperRoman,
                &[(4, "IV"), (1994, "MCMXCIV"), (4000, "4000")],
            ),
            (Format::LowerRoman, &[(9, "ix")]),
            (
                Format::UpperLetter,
                &[(1, "A"), (26, "Z"), (27, "AA"), (53, "AAA")],
            ),
            (Format::LowerLetter, &[(2, "b"), (28, "bb")]),
            (Format::ChineseCounting, &[(0, "0"), (100_000, "100000")]),
            (Format::None, &[(3, "")]),
        ];
        for (format, numbers) in cases {
            for &(n, expected) in *numbers {
                assert_eq!(format.write(n), expected, "{format:?} {n}");
            }
        }
    }
}
