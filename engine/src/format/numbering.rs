//! 结构层次序数: 一、 → （一） → 1. → （1）, at the start of a paragraph.
//!
//! A heading is recognised by its number and whatever mark follows it, right or wrong (`一.`,
//! `(一)`, `1、`), so a wrong mark is reported once, by `format.numbering.mark`, and the heading
//! still takes part in the sequence checks. A paragraph whose number is not followed by a mark
//! ("一要……", "2019年……") is no heading, and neither is a number followed by a digit (`3.14`).
//!
//! Numbers run from 一/1 within their parent, the nearest heading of a higher level. Documents
//! that leave out a level (一、 then 1.) are common and accepted, unless the left-out level is
//! used elsewhere in the same document: then the heading stands under the wrong parent. Each
//! attachment (after a "附件1" line) is numbered on its own.

use super::attachment::Attachments;
use super::context::indent_len;
use super::{Context, Fix, Hit};
use std::ops::Range;

/// One heading's number and mark.
pub(crate) struct Heading {
    /// Index of its paragraph.
    pub(crate) paragraph: usize,
    /// 0 for the main document, then one more for each attachment.
    pub(crate) section: usize,
    /// 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）.
    pub(crate) level: usize,
    pub(crate) number: u32,
    /// The number and its marks as written ("(一)、").
    pub(crate) span: Range<usize>,
    /// The mark as GB/T 9704 writes it ("（一）").
    pub(crate) standard: String,
}

/// The headings of the text, in order. Paragraphs of an attachment list ("附件：1.……") are not
/// headings.
pub(crate) fn parse(
    text: &str,
    paragraphs: &[Range<usize>],
    attachments: &Attachments,
) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut section = 0;
    for (paragraph, p) in paragraphs.iter().enumerate() {
        if attachments.starts_part(paragraph) {
            section += 1;
            continue;
        }
        if attachments.in_list(paragraph) {
            continue;
        }
        let body = &text[p.clone()];
        let start = p.start + indent_len(body);
        if let Some((len, level, number, standard)) = parse_mark(&text[start..p.end]) {
            headings.push(Heading {
                paragraph,
                section,
                level,
                number,
                span: start..start + len,
                standard,
            });
        }
    }
    headings
}

/// Marks that may wrongly follow a number: "一." "1、" "（一），".
const STRAY_MARKS: [char; 7] = ['.', '．', '、', ',', '，', ':', '：'];

/// Reads a heading mark at the start of `s`: its length in bytes, level, number and standard form.
fn parse_mark(s: &str) -> Option<(usize, usize, u32, String)> {
    let first = s.chars().next()?;
    if matches!(first, '(' | '（') {
        let rest = &s[first.len_utf8()..];
        let (len, number, chinese) = number_prefix(rest)?;
        let close = rest[len..].chars().next()?;
        if !matches!(close, ')' | '）') {
            return None;
        }
        let mut total = first.len_utf8() + len + close.len_utf8();
        if let Some(extra) = s[total..]
            .chars()
            .next()
            .filter(|c| STRAY_MARKS.contains(c))
        {
            total += extra.len_utf8();
        }
        let (level, standard) = if chinese {
            (2, format!("（{}）", &rest[..len]))
        } else {
            (4, format!("（{number}）"))
        };
        return Some((total, level, number, standard));
    }
    let (len, number, chinese) = number_prefix(s)?;
    let mut after = s[len..].chars();
    let mark = after.next()?;
    let total = len + mark.len_utf8();
    let numeral = &s[..len];
    if chinese {
        match mark {
            '、' | '.' | '．' | ',' | '，' | ':' | '：' => {
                Some((total, 1, number, format!("{numeral}、")))
            }
            ')' | '）' => Some((total, 2, number, format!("（{numeral}）"))),
            _ => None,
        }
    } else if after.next().is_some_and(|c| c.is_ascii_digit()) {
        // 3.14, 1,000, 1:500
        None
    } else if STRAY_MARKS.contains(&mark) {
        Some((total, 3, number, format!("{number}.")))
    } else if matches!(mark, ')' | '）') {
        Some((total, 4, number, format!("（{number}）")))
    } else {
        None
    }
}

/// A number from 1 to 99 at the start of `s`, in Arabic digits or 汉字: its length in bytes, its
/// value, and whether it is written in 汉字.
fn number_prefix(s: &str) -> Option<(usize, u32, bool)> {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        let value: u32 = s[..digits].parse().ok()?;
        return (digits <= 2 && value > 0).then_some((digits, value, false));
    }
    let len = s.len() - s.trim_start_matches(|c| chinese_digit(c).is_some()).len();
    let value = parse_chinese(&s[..len])?;
    Some((len, value, true))
}

/// The value of 一…九 and 十.
fn chinese_digit(c: char) -> Option<u32> {
    "一二三四五六七八九十"
        .chars()
        .position(|d| d == c)
        .map(|i| i as u32 + 1)
}

/// 一 … 九十九; `None` for anything else ("一一", "十十", "").
fn parse_chinese(s: &str) -> Option<u32> {
    let d: Vec<u32> = s.chars().map(chinese_digit).collect::<Option<_>>()?;
    match d.as_slice() {
        [u] if *u < 10 => Some(*u),
        [10] => Some(10),
        [10, u] if *u < 10 => Some(10 + u),
        [t, 10] if *t < 10 => Some(t * 10),
        [t, 10, u] if *t < 10 && *u < 10 => Some(t * 10 + u),
        _ => None,
    }
}

/// 1 … 99 in 汉字, as headings write them.
fn to_chinese(n: u32) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!("十{}", DIGITS[(n % 10) as usize]),
        _ => format!(
            "{}十{}",
            DIGITS[(n / 10 % 10) as usize],
            DIGITS[(n % 10) as usize]
        ),
    }
}

/// How number `n` of `level` is written: 一、 （一） 1. （1）.
fn label(level: usize, n: u32) -> String {
    match level {
        1 => format!("{}、", to_chinese(n)),
        2 => format!("（{}）", to_chinese(n)),
        3 => format!("{n}."),
        _ => format!("（{n}）"),
    }
}

const LEVEL_HINTS: [&str; 4] = [
    "第一层用汉字数字加顿号",
    "第二层用汉字数字加全角括号，括号后不加标点",
    "第三层用阿拉伯数字加半角下圆点",
    "第四层用阿拉伯数字加全角括号，括号后不加标点",
];

pub(super) fn mark(cx: &Context, out: &mut Vec<Hit>) {
    for h in &cx.headings {
        let written = &cx.text[h.span.clone()];
        if written != h.standard {
            out.push(Hit {
                span: h.span.clone(),
                message: format!(
                    "层次序数“{written}”应为“{}”：{}。",
                    h.standard,
                    LEVEL_HINTS[h.level - 1]
                ),
                fix: Some(Fix::replace(h.span.clone(), h.standard.clone())),
            });
        }
    }
}

/// What is wrong with the numbering at one heading.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A gap, a repeat, a step back, or a first number other than 1.
    Sequence,
    /// The first number under a new parent continues the previous parent's numbers.
    Restart,
    /// A level is left out although the document uses it elsewhere.
    Level,
}

/// Walks the headings once and reports every numbering problem with its kind.
fn problems(headings: &[Heading]) -> Vec<(Kind, usize, String)> {
    let mut found = Vec::new();
    let mut offset = 0;
    for part in headings.chunk_by(|a, b| a.section == b.section) {
        let mut used = [false; 5];
        part.iter().for_each(|h| used[h.level] = true);
        // The last number at each level under the current parent, and the last number a level
        // had under the previous parent (to tell numbering that runs on from a plain gap).
        let mut last: [Option<u32>; 5] = [None; 5];
        let mut before: [Option<u32>; 5] = [None; 5];
        for (i, h) in part.iter().enumerate() {
            let (l, n) = (h.level, h.number);
            let parent = (1..l).rev().find(|&k| last[k].is_some()).unwrap_or(0);
            if last[l].is_none() && parent + 1 < l && used[l - 1] {
                let missing = label(l - 1, 1);
                let message = if parent == 0 {
                    format!(
                        "文中用了“{missing}”这一层，“{}”应在“{missing}”之下。",
                        label(l, n)
                    )
                } else {
                    format!(
                        "文中用了“{missing}”这一层，“{}”不应直接放在“{}”之下。",
                        label(l, n),
                        label(parent, last[parent].unwrap_or(1))
                    )
                };
                found.push((Kind::Level, offset + i, message));
            }
            let problem = match last[l] {
                None if n == 1 => None,
                None if before[l] == Some(n - 1) => Some((
                    Kind::Restart,
                    format!(
                        "换了上级标题，序号应从“{}”重新开始，这里接着上一部分的“{}”编号；全文连续编号（如“二十条措施”）时可关闭此规则。",
                        label(l, 1),
                        label(l, n - 1)
                    ),
                )),
                None => Some((
                    Kind::Sequence,
                    format!("这一层序号应从“{}”开始。", label(l, 1)),
                )),
                Some(p) if n == p => Some((Kind::Sequence, format!("序号“{}”重复。", label(l, n)))),
                Some(p) if n > p + 1 => Some((
                    Kind::Sequence,
                    format!("序号不连续：“{}”之后应为“{}”。", label(l, p), label(l, p + 1)),
                )),
                Some(p) if n < p => Some((
                    Kind::Sequence,
                    format!(
                        "序号倒退：“{}”之后又出现“{}”；若是新的部分，是否漏了上级标题？",
                        label(l, p),
                        label(l, n)
                    ),
                )),
                Some(_) => None,
            };
            if let Some((kind, message)) = problem {
                found.push((kind, offset + i, message));
            }
            last[l] = Some(n);
            for k in l + 1..5 {
                if let Some(x) = last[k].take() {
                    before[k] = Some(x);
                }
            }
        }
        offset += part.len();
    }
    found
}

fn report(cx: &Context, kind: Kind, out: &mut Vec<Hit>) {
    out.extend(
        problems(&cx.headings)
            .into_iter()
            .filter(|(k, _, _)| *k == kind)
            .map(|(_, i, message)| Hit {
                span: cx.headings[i].span.clone(),
                message,
                fix: None,
            }),
    );
}

pub(super) fn sequence(cx: &Context, out: &mut Vec<Hit>) {
    report(cx, Kind::Sequence, out);
}

pub(super) fn restart(cx: &Context, out: &mut Vec<Hit>) {
    report(cx, Kind::Restart, out);
}

pub(super) fn level(cx: &Context, out: &mut Vec<Hit>) {
    report(cx, Kind::Level, out);
}
