//! 附件说明: "附件：" then the names; several attachments numbered "1." "2." …, no punctuation
//! after a name. Also finds the "附件1" lines where an attachment itself begins, so that
//! numbering starts afresh there.

use super::context::{indent_len, is_space};
use super::{Context, Fix, Hit};
use std::ops::Range;

/// One attachment name of a 附件说明.
pub(crate) struct Item {
    /// Its number and mark as written ("1." "1、" "（1）"), with the number's value.
    number: Option<(Range<usize>, u32)>,
    /// The name, from after the number to the end of the line (trailing marks included).
    name: Range<usize>,
    /// The punctuation the name wrongly ends with.
    trailing: Option<Range<usize>>,
}

/// The 附件说明 blocks and attachment starts of a document.
#[derive(Default)]
pub(crate) struct Attachments {
    /// Each block: its paragraphs and its items.
    lists: Vec<(Range<usize>, Vec<Item>)>,
    /// Paragraphs that open an attachment ("附件", "附件2").
    starts: Vec<usize>,
}

impl Attachments {
    /// Whether paragraph `i` belongs to a 附件说明.
    pub(crate) fn in_list(&self, i: usize) -> bool {
        self.lists.iter().any(|(p, _)| p.contains(&i))
    }

    /// Whether paragraph `i` opens an attachment.
    pub(crate) fn starts_part(&self, i: usize) -> bool {
        self.starts.contains(&i)
    }

    /// The numbers and trailing marks of the names: these rules own them.
    pub(crate) fn protected(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.lists.iter().flat_map(|(_, items)| {
            items.iter().flat_map(|item| {
                let number = item.number.as_ref().map(|(span, _)| span.clone());
                number.into_iter().chain(item.trailing.clone())
            })
        })
    }
}

/// Marks a name must not end with.
fn is_trailing_mark(c: char) -> bool {
    matches!(
        c,
        '。' | '，' | '；' | '、' | '：' | '！' | '？' | '.' | ',' | ';' | ':' | '!' | '?'
    )
}

pub(crate) fn parse(text: &str, paragraphs: &[Range<usize>]) -> Attachments {
    let mut found = Attachments::default();
    let mut i = 0;
    while i < paragraphs.len() {
        let p = &paragraphs[i];
        let start = p.start + indent_len(&text[p.clone()]);
        let line = text[start..p.end].trim_end_matches(is_space);
        if is_part_start(line) {
            found.starts.push(i);
        }
        let Some(rest) = line
            .strip_prefix("附件")
            .and_then(|r| r.strip_prefix('：').or_else(|| r.strip_prefix(':')))
        else {
            i += 1;
            continue;
        };
        let first = i;
        let mut items = Vec::new();
        let rest_start = start + line.len() - rest.len();
        let rest_start = rest_start + indent_len(rest);
        if rest_start < start + line.len() {
            items.push(item(text, rest_start..start + line.len()));
        }
        i += 1;
        while let Some(p) = paragraphs.get(i) {
            let start = p.start + indent_len(&text[p.clone()]);
            let line = text[start..p.end].trim_end_matches(is_space);
            if item_number(line).is_none() {
                break;
            }
            items.push(item(text, start..start + line.len()));
            i += 1;
        }
        found.lists.push((first..i, items));
    }
    found
}

/// "附件", "附件2", "附件 2", "附件二": the first line of an attachment itself.
fn is_part_start(line: &str) -> bool {
    line.strip_prefix("附件").is_some_and(|n| {
        n.trim_start_matches(is_space)
            .chars()
            .all(|c| c.is_ascii_digit() || "０１２３４５６７８９一二三四五六七八九十".contains(c))
    })
}

/// The number at the start of an attachment name, as (length in bytes, value): "1." "1、"
/// "1，" "（1）" "(1)" "1）".
fn item_number(s: &str) -> Option<(usize, u32)> {
    let (open, rest) = match s.chars().next()? {
        c @ ('(' | '（') => (c.len_utf8(), &s[c.len_utf8()..]),
        _ => (0, s),
    };
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let value: u32 = rest[..digits]
        .parse()
        .ok()
        .filter(|&v| v > 0 && digits <= 2)?;
    let mut after = rest[digits..].chars();
    let mark = after.next()?;
    if after.next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let fits = if open > 0 {
        matches!(mark, ')' | '）')
    } else {
        matches!(mark, '.' | '．' | '、' | ',' | '，' | ')' | '）')
    };
    fits.then_some((open + digits + mark.len_utf8(), value))
}

fn item(text: &str, line: Range<usize>) -> Item {
    let s = &text[line.clone()];
    let number = item_number(s).map(|(len, value)| (line.start..line.start + len, value));
    let name_start = number.as_ref().map_or(line.start, |(span, _)| span.end);
    let name = &text[name_start..line.end];
    let kept = name.trim_end_matches(is_trailing_mark).len();
    Item {
        number,
        name: name_start..line.end,
        trailing: (kept < name.len() && kept > 0).then(|| name_start + kept..line.end),
    }
}

pub(super) fn number(cx: &Context, out: &mut Vec<Hit>) {
    for (_, items) in &cx.attachments.lists {
        if let [only] = items.as_slice() {
            if let Some((span, _)) = &only.number {
                out.push(Hit {
                    span: span.clone(),
                    message: "只有一个附件时，附件名称前不编序号。".to_string(),
                    fix: Some(Fix::replace(span.clone(), "")),
                });
            }
            continue;
        }
        for (k, item) in items.iter().enumerate() {
            let expected = k as u32 + 1;
            match &item.number {
                None => out.push(Hit {
                    span: item.name.clone(),
                    message: format!("有多个附件时应依次编号，这里应写“{expected}.”。"),
                    fix: Some(Fix::replace(
                        item.name.start..item.name.start,
                        format!("{expected}."),
                    )),
                }),
                Some((span, value)) if *value != expected => out.push(Hit {
                    span: span.clone(),
                    message: format!("附件序号不连续，这里应为“{expected}.”。"),
                    fix: None,
                }),
                Some((span, value)) if cx.text[span.clone()] != format!("{value}.") => {
                    out.push(Hit {
                        span: span.clone(),
                        message: format!("附件序号应写作“{value}.”（阿拉伯数字加半角下圆点）。"),
                        fix: Some(Fix::replace(span.clone(), format!("{value}."))),
                    })
                }
                Some(_) => {}
            }
        }
    }
}

pub(super) fn punctuation(cx: &Context, out: &mut Vec<Hit>) {
    for item in cx.attachments.lists.iter().flat_map(|(_, items)| items) {
        if let Some(span) = &item.trailing {
            out.push(Hit {
                span: span.clone(),
                message: format!("附件名称后不加标点符号，删去“{}”。", &cx.text[span.clone()]),
                fix: Some(Fix::replace(span.clone(), "")),
            });
        }
    }
}
