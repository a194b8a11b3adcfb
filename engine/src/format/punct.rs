//! Punctuation (GB/T 15834-2011): full-width marks in Chinese text, paired quotes and brackets,
//! no doubled marks, —— and …… two characters long, no spaces between 汉字.
//!
//! A half-width mark is Chinese punctuation when the nearest character on either side (spaces
//! skipped) is Chinese: a 汉字 or a full-width mark. A `.` needs more: a 汉字 or closing mark
//! before it and no letter or digit after it, so `3.14`, `1.`, `www.gov.cn` and `e.g.` are never
//! taken for a 句号. Runs of two or more marks are judged as a whole, by the repeat and ellipsis
//! rules, never mark by mark.

use super::context::{is_chinese, is_space};
use super::{Context, Fix, Hit};
use crate::chars::is_hanzi;
use std::ops::Range;

/// A sentence mark, whatever its width.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Comma,
    Enumeration,
    Semicolon,
    Colon,
    Question,
    Exclamation,
    FullStop,
    /// `.` and `．`: a 句号 or part of a wrong ellipsis next to Chinese.
    Dot,
}

fn mark(c: char) -> Option<Mark> {
    Some(match c {
        ',' | '，' => Mark::Comma,
        '、' => Mark::Enumeration,
        ';' | '；' => Mark::Semicolon,
        ':' | '：' => Mark::Colon,
        '?' | '？' => Mark::Question,
        '!' | '！' => Mark::Exclamation,
        '。' => Mark::FullStop,
        '.' | '．' => Mark::Dot,
        _ => return None,
    })
}

/// The full-width form of a mark.
fn full_width(m: Mark) -> &'static str {
    match m {
        Mark::Comma => "，",
        Mark::Enumeration => "、",
        Mark::Semicolon => "；",
        Mark::Colon => "：",
        Mark::Question => "？",
        Mark::Exclamation => "！",
        Mark::FullStop | Mark::Dot => "。",
    }
}

/// Closing marks after which a `.` ends a Chinese sentence.
fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '）' | '》' | '」' | '』' | '】' | '〕')
}

/// One paragraph's characters with their byte offsets, protected characters included.
struct Paragraph<'c> {
    chars: &'c [(usize, char)],
    /// Indices of the characters that are not 汉字, in order: the only ones a mark, a bracket,
    /// a dash or a space can be, so the rules look for those among them alone. With each,
    /// whether it lies in a span the checks leave alone.
    others: &'c [(usize, bool)],
    end: usize,
}

impl<'c> Paragraph<'c> {
    fn all(cx: &'c Context<'c>) -> impl Iterator<Item = Paragraph<'c>> + 'c {
        cx.paragraph_details()
            .zip(&cx.paragraphs)
            .map(move |((chars, others), p)| Paragraph {
                chars,
                others,
                end: p.end,
            })
    }

    /// The characters that are not 汉字, with their indices.
    fn non_hanzi(&self) -> impl Iterator<Item = (usize, char)> + '_ {
        self.others.iter().map(|&(i, _)| (i, self.chars[i].1))
    }

    /// The characters that are not 汉字 and lie outside the spans the checks leave alone.
    fn unprotected(&self) -> impl Iterator<Item = (usize, char)> + '_ {
        self.others
            .iter()
            .filter(|&&(_, protected)| !protected)
            .map(|&(i, _)| (i, self.chars[i].1))
    }

    /// Byte offset where character `i` starts (the paragraph's end for `i == len`).
    fn at(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.end, |&(b, _)| b)
    }

    /// Bytes of characters `i..j`.
    fn span(&self, i: usize, j: usize) -> Range<usize> {
        self.at(i)..self.at(j)
    }

    /// Index of the nearest non-space character before `i`.
    fn before(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&k| !is_space(self.chars[k].1))
    }

    /// Index of the nearest non-space character from `j` on.
    fn after(&self, j: usize) -> Option<usize> {
        (j..self.chars.len()).find(|&k| !is_space(self.chars[k].1))
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.before(i).map(|k| self.chars[k].1)
    }

    fn char_after(&self, j: usize) -> Option<char> {
        self.after(j).map(|k| self.chars[k].1)
    }

    /// Whether the characters `i..j` stand next to Chinese text.
    fn in_chinese(&self, i: usize, j: usize) -> bool {
        self.char_before(i).is_some_and(is_chinese) || self.char_after(j).is_some_and(is_chinese)
    }

    /// Runs of one mark (`，，`, `...`), protected characters excluded, as index ranges.
    fn runs(&self) -> impl Iterator<Item = (Range<usize>, Mark)> + '_ {
        let marks = self.unprotected().filter_map(|(i, c)| Some((i, mark(c)?)));
        merge_runs(marks)
    }

    /// Runs of characters for which `pred` holds, protected characters excluded.
    fn runs_of<'a>(
        &'a self,
        pred: impl Fn(char) -> bool + 'a,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        let chosen = self
            .unprotected()
            .filter(move |&(_, c)| pred(c))
            .map(|(i, _)| (i, ()));
        merge_runs(chosen).map(|(run, ())| run)
    }
}

/// Runs of consecutive indices with the same value, from indices in ascending order. Lazily,
/// since most paragraphs have a run for every other mark and each rule walks them once.
fn merge_runs<T: Copy + PartialEq>(
    items: impl Iterator<Item = (usize, T)>,
) -> impl Iterator<Item = (Range<usize>, T)> {
    let mut items = items.peekable();
    std::iter::from_fn(move || {
        let (start, value) = items.next()?;
        let mut end = start + 1;
        while items.next_if(|&(i, v)| i == end && v == value).is_some() {
            end += 1;
        }
        Some((start..end, value))
    })
}

pub(super) fn halfwidth(cx: &Context, out: &mut Vec<Hit>) {
    for para in Paragraph::all(cx) {
        let mut flagged: Vec<(usize, &'static str)> = Vec::new();
        for (run, m) in para.runs() {
            let i = run.start;
            let c = para.chars[i].1;
            if run.len() > 1 || !c.is_ascii() {
                continue;
            }
            let chinese = if m == Mark::Dot {
                let before = para.char_before(i);
                let after = para.char_after(i + 1);
                before.is_some_and(|b| is_hanzi(b) || is_closing(b))
                    && !after.is_some_and(|a| a.is_ascii_alphanumeric())
            } else {
                para.in_chinese(i, i + 1)
            };
            if chinese {
                flagged.push((i, full_width(m)));
            }
        }
        flagged.extend(brackets(&para));
        flagged.sort_by_key(|&(i, _)| i);

        let mut taken_to = 0;
        for (i, to) in flagged {
            let c = para.chars[i].1;
            // The mark takes the spaces around it along (full-width marks carry their own
            // spacing), unless they lead to the paragraph's edge or another flagged mark's span.
            let start = match para.before(i) {
                Some(k) if para.at(k + 1) >= taken_to => k + 1,
                _ => i,
            };
            let end = para.after(i + 1).unwrap_or(i + 1);
            let span = para.span(start, end);
            taken_to = span.end;
            let message = if c == '.' {
                "半角“.”应为全角句号“。”。".to_string()
            } else {
                format!("半角“{c}”应为全角“{to}”。")
            };
            out.push(Hit {
                fix: Some(Fix::replace(span.clone(), to)),
                span,
                message,
            });
        }
    }
}

/// The half-width brackets that stand in Chinese text; a pair is flagged together.
fn brackets(para: &Paragraph) -> Vec<(usize, &'static str)> {
    if !para.unprotected().any(|(_, c)| matches!(c, '(' | ')')) {
        return Vec::new();
    }
    let mut flagged = vec![false; para.chars.len()];
    let mut open: Vec<usize> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (i, c) in para.unprotected() {
        if !matches!(c, '(' | ')') {
            continue;
        }
        flagged[i] = para.in_chinese(i, i + 1);
        if c == '(' {
            open.push(i);
        } else if let Some(o) = open.pop() {
            pairs.push((o, i));
        }
    }
    for (o, c) in pairs {
        let either = flagged[o] || flagged[c];
        flagged[o] = either;
        flagged[c] = either;
    }
    flagged
        .iter()
        .enumerate()
        .filter(|&(_, &f)| f)
        .map(|(i, _)| (i, if para.chars[i].1 == '(' { "（" } else { "）" }))
        .collect()
}

/// The kind of pair a character opens or closes, and whether it closes. Round and square
/// brackets pair across widths: a width mismatch is the half-width rule's business.
fn pair_of(c: char) -> Option<(Pair, bool)> {
    use Pair::*;
    Some(match c {
        '(' | '（' => (Round, false),
        ')' | '）' => (Round, true),
        '[' | '［' => (Square, false),
        ']' | '］' => (Square, true),
        '《' => (Book, false),
        '》' => (Book, true),
        '〈' => (Angle, false),
        '〉' => (Angle, true),
        '【' => (Lenticular, false),
        '】' => (Lenticular, true),
        '〔' => (Tortoise, false),
        '〕' => (Tortoise, true),
        '「' => (Corner, false),
        '」' => (Corner, true),
        '『' => (WhiteCorner, false),
        '』' => (WhiteCorner, true),
        '“' => (Double, false),
        '”' => (Double, true),
        '‘' => (Single, false),
        '’' => (Single, true),
        _ => return None,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pair {
    Round,
    Square,
    Book,
    Angle,
    Lenticular,
    Tortoise,
    Corner,
    WhiteCorner,
    Double,
    Single,
}

impl Pair {
    /// The full-width opening and closing characters, for messages.
    fn ends(self) -> (char, char) {
        match self {
            Pair::Round => ('（', '）'),
            Pair::Square => ('［', '］'),
            Pair::Book => ('《', '》'),
            Pair::Angle => ('〈', '〉'),
            Pair::Lenticular => ('【', '】'),
            Pair::Tortoise => ('〔', '〕'),
            Pair::Corner => ('「', '」'),
            Pair::WhiteCorner => ('『', '』'),
            Pair::Double => ('“', '”'),
            Pair::Single => ('‘', '’'),
        }
    }
}

pub(super) fn pairs(cx: &Context, out: &mut Vec<Hit>) {
    for (n, para) in Paragraph::all(cx).enumerate() {
        let mut stack: Vec<(Pair, usize, char)> = Vec::new();
        let mut hit = |i: usize, message: String| {
            out.push(Hit {
                span: para.span(i, i + 1),
                message,
                fix: None,
            })
        };
        for (i, c) in para.unprotected() {
            let Some((kind, closing)) = pair_of(c) else {
                continue;
            };
            if !closing {
                stack.push((kind, i, c));
                continue;
            }
            let open = stack.iter().rposition(|s| s.0 == kind);
            // An apostrophe (don’t, students’) is no closing quote.
            let apostrophe =
                c == '’' && i > 0 && para.chars[i - 1].1.is_ascii_alphabetic() && open.is_none();
            if apostrophe {
                continue;
            }
            match (open, stack.last()) {
                (Some(o), _) if o + 1 == stack.len() => {
                    stack.pop();
                }
                (Some(o), Some(&(_, _, inner))) => {
                    hit(
                        i,
                        format!("“{c}”与其中的“{inner}”交叉：应先闭合“{inner}”。"),
                    );
                    stack.remove(o);
                }
                (None, Some(&(_, _, top))) => {
                    hit(i, format!("“{c}”与前面的“{top}”不配对。"));
                    stack.pop();
                }
                _ => {
                    let opener = kind.ends().0;
                    hit(i, format!("“{c}”前面缺少对应的“{opener}”。"));
                }
            }
        }
        for (kind, i, c) in stack {
            // A quotation of several paragraphs opens each of them and closes only the last.
            let continued =
                matches!(kind, Pair::Double | Pair::Single) && cx.next_paragraph_lead(n) == Some(c);
            if !continued {
                let closer = kind.ends().1;
                hit(i, format!("“{c}”没有闭合，缺少“{closer}”。"));
            }
        }
    }
}

pub(super) fn repeat(cx: &Context, out: &mut Vec<Hit>) {
    for para in Paragraph::all(cx) {
        for (run, m) in para.runs() {
            let long_stop = m == Mark::FullStop && run.len() > 2;
            if run.len() < 2 || m == Mark::Dot || long_stop {
                continue;
            }
            let ascii = para.chars[run.clone()].iter().all(|(_, c)| c.is_ascii());
            if ascii && !para.in_chinese(run.start, run.end) {
                continue;
            }
            let span = para.span(run.start, run.end);
            let to = full_width(m);
            out.push(Hit {
                message: format!("标点“{}”重复，只用一个“{to}”。", &cx.text[span.clone()]),
                fix: Some(Fix::replace(span.clone(), to)),
                span,
            });
        }
    }
}

pub(super) fn ellipsis(cx: &Context, out: &mut Vec<Hit>) {
    const RIGHT: &str = "省略号是两个“…”：应为“……”。";
    for para in Paragraph::all(cx) {
        let mut found: Vec<(Range<usize>, &str, bool)> = Vec::new();
        for (run, m) in para.runs() {
            let n = run.len();
            if m == Mark::Dot && n >= 2 && para.in_chinese(run.start, run.end) {
                if n == 2 {
                    let message = "两个点既不是句号也不是省略号：句末用“。”，省略用“……”。";
                    found.push((run, message, false));
                } else {
                    found.push((run, RIGHT, true));
                }
            } else if m == Mark::FullStop && n >= 3 {
                found.push((run, RIGHT, true));
            }
        }
        for run in para.runs_of(|c| matches!(c, '…' | '⋯')) {
            if run.len() % 2 == 1 && para.in_chinese(run.start, run.end) {
                let single = run.len() == 1 && para.chars[run.start].1 == '…';
                found.push((run, RIGHT, single));
            }
        }
        for (run, message, fixable) in found {
            let span = para.span(run.start, run.end);
            out.push(Hit {
                fix: fixable.then(|| Fix::replace(span.clone(), "……")),
                span,
                message: message.to_string(),
            });
        }
    }
}

pub(super) fn dash(cx: &Context, out: &mut Vec<Hit>) {
    for para in Paragraph::all(cx) {
        for run in para.runs_of(|c| matches!(c, '—' | '―')) {
            let before = para.char_before(run.start);
            let after = para.char_after(run.end);
            let message = match run.len() {
                2 => continue,
                1 => {
                    // 一字线 between numbers and dates (2019年4月—5月, — 1 —) is a 连接号.
                    let range = before
                        .is_some_and(|b| b.is_ascii_digit() || "年月日时号点分秒".contains(b))
                        || after.is_some_and(|a| a.is_ascii_digit());
                    if range || !para.in_chinese(run.start, run.end) {
                        continue;
                    }
                    "单个“—”是连接号；作破折号时应写两个“——”。"
                }
                _ => "破折号占两个字：应为“——”。",
            };
            out.push(Hit {
                span: para.span(run.start, run.end),
                message: message.to_string(),
                fix: None,
            });
        }
        for run in para.runs_of(|c| matches!(c, '-' | '－' | '─')) {
            if run.len() >= 2 && para.in_chinese(run.start, run.end) {
                let span = para.span(run.start, run.end);
                out.push(Hit {
                    message: format!("“{}”应为破折号“——”。", &cx.text[span.clone()]),
                    fix: Some(Fix::replace(span.clone(), "——")),
                    span,
                });
            }
        }
    }
}

pub(super) fn space(cx: &Context, out: &mut Vec<Hit>) {
    for para in Paragraph::all(cx) {
        // Lines without punctuation are set out by hand (bylines, signatures, 通　知, name lists).
        let running_text = para.non_hanzi().any(|(_, c)| {
            matches!(
                c,
                '，' | '。' | '；' | '：' | '？' | '！' | '、' | ',' | ';' | ':' | '?' | '!'
            )
        });
        if !running_text {
            continue;
        }
        let hanzi_run = |range: &mut dyn Iterator<Item = usize>| {
            range
                .take_while(|&k| is_hanzi(para.chars[k].1))
                .take(2)
                .count()
        };
        for run in para.runs_of(is_space) {
            let between = run.start > 0
                && run.end < para.chars.len()
                && is_hanzi(para.chars[run.start - 1].1)
                && is_hanzi(para.chars[run.end].1);
            if !between {
                continue;
            }
            // A single 汉字 on each side is a two-character name padded to three (张  三).
            let left = hanzi_run(&mut (0..run.start).rev());
            let right = hanzi_run(&mut (run.end..para.chars.len()));
            if left == 1 && right == 1 {
                continue;
            }
            let span = para.span(run.start, run.end);
            out.push(Hit {
                fix: Some(Fix::replace(span.clone(), "")),
                span,
                message: "汉字之间不加空格。".to_string(),
            });
        }
    }
}
