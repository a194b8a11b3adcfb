//! The structure of a draft as the role model sees it: which lines are headings (一、 （一） 1.),
//! titles, addressees, vocatives or body text, and where the top-level sections start. It reads
//! only structure — list markers, terminators, paragraph order — never the wording of a
//! particular document.
//!
//! Headings, titles, document numbers, addressees, signatures, dates and vocatives (各位代表！) are
//! not body sentences.

use crate::sentences::{is_terminator, Sentence};

/// A numbered line longer than this (in 汉字) that ends in a terminator is a body sentence, not a
/// run-in heading ("1.进一步精简文件。" is a heading; "一、部际联席会议是……。" is not).
const HEADING_MAX_HANZI: usize = 30;
/// A terminated sentence shorter than this (in 汉字) is a vocative or a lead-in ("各位代表！").
const BODY_MIN_HANZI: usize = 6;
/// Units that make a number a quantity (a target, a cap, a count) rather than a year or a
/// document number. Only the first character of multi-character units (小时, 公里) is listed.
const UNITS: &str = "%％个家人次天日周月小分页字项所名万亿公千米亩吨元倍条件份批座台辆户处岁";
/// Words that end a document's preamble: the lead-in to its first instruction.
pub(crate) const LEAD_INS: [&str; 4] = ["如下", "制定本", "特制定", "现将"];
/// Words that make a sentence a rule rather than a preamble.
const PROHIBITIONS: [&str; 7] = ["不得", "严禁", "禁止", "绝不允许", "一律", "原则上", "不再"];

/// What kind of line a sentence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A top-level heading (一、总体要求).
    TopHeading,
    /// A lower-level heading ((一)……, 1.……).
    Heading,
    /// A line of its own without a terminator: title, document number, signature, date.
    Title,
    /// Addressee, vocative (各位代表！), short lead-in.
    Matter,
    Body,
}

fn is_hanzi(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// The 汉字 of `s`, counted up to `cap`: the thresholds they are compared with are small, and a
/// body sentence is long.
fn hanzi_count(s: &str, cap: usize) -> usize {
    s.chars().filter(|&c| is_hanzi(c)).take(cap).count()
}

const CHINESE_NUMERALS: &str = "一二三四五六七八九十";

/// The byte length of a top-level list marker at the start of `s`: 一、 二、 … 十二、
fn top_marker_len(s: &str) -> Option<usize> {
    let numerals = s.len() - s.trim_start_matches(|c| CHINESE_NUMERALS.contains(c)).len();
    let digits = s[..numerals].chars().count();
    ((1..=3).contains(&digits) && s[numerals..].starts_with('、'))
        .then_some(numerals + '、'.len_utf8())
}

/// The byte length of a lower-level list marker at the start of `s`: （一） (1) 1. 1、 ①
fn sub_marker_len(s: &str) -> Option<usize> {
    let first = s.chars().next()?;
    match first {
        '（' | '(' => {
            let close = s.find(['）', ')'])?;
            let inner = &s[first.len_utf8()..close];
            let numbered = (1..=3).contains(&inner.chars().count())
                && inner
                    .chars()
                    .all(|c| CHINESE_NUMERALS.contains(c) || c.is_ascii_digit());
            numbered.then(|| close + s[close..].chars().next().map_or(0, char::len_utf8))
        }
        c if c.is_ascii_digit() => {
            let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let mut rest = s[digits..].chars();
            let separator = rest.next()?;
            // "1.5亿元" is a number, not an item.
            let marker = digits <= 2
                && matches!(separator, '.' | '．' | '、')
                && !rest.next().is_some_and(|c| c.is_ascii_digit());
            marker.then_some(digits + separator.len_utf8())
        }
        '①'..='⑳' => Some(first.len_utf8()),
        _ => None,
    }
}

/// The byte length of the list marker (一、 （一） 1. ①) at the start of `s`, 0 if none.
pub(crate) fn list_marker_len(s: &str) -> usize {
    top_marker_len(s).or_else(|| sub_marker_len(s)).unwrap_or(0)
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》' | '"' | '\''
    )
}

/// What the kind of a sentence depends on besides what came before it: its own text and its
/// place in its paragraph. Worked out per paragraph, so that
/// [`Analyzer`](crate::Analyzer) can keep it for the paragraphs that did not change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Shape {
    /// It opens its paragraph with a top-level marker (一、).
    top_marker: bool,
    /// It opens its paragraph with a lower-level marker ((一), 1.).
    sub_marker: bool,
    /// Not terminated, or short enough for a run-in heading.
    short_or_open: bool,
    /// Fewer 汉字 than a body sentence has.
    few_hanzi: bool,
    /// Not terminated and ends with a colon.
    colon_ended: bool,
    /// Not terminated and a paragraph of its own.
    alone_open: bool,
}

impl Shape {
    /// Whether it opens its paragraph with a lower-level list marker ((一), 1.): a heading, or
    /// an item of a list.
    pub(crate) fn opens_item(&self) -> bool {
        self.sub_marker
    }
}

/// The [`Shape`] of each of `sentences`, the sentences of `text`.
pub(crate) fn shapes(text: &str, sentences: &[Sentence]) -> Vec<Shape> {
    sentences
        .iter()
        .enumerate()
        .map(|(i, sentence)| {
            let s = text[sentence.span.clone()].trim();
            let first_in_paragraph = i == 0 || sentences[i - 1].paragraph != sentence.paragraph;
            let whole_paragraph = first_in_paragraph
                && sentences
                    .get(i + 1)
                    .is_none_or(|n| n.paragraph != sentence.paragraph);
            let last = s.trim_end_matches(is_closer).chars().last();
            let terminated = last.is_some_and(is_terminator);
            // Compared with HEADING_MAX_HANZI and BODY_MIN_HANZI only.
            let hanzi = hanzi_count(s, HEADING_MAX_HANZI + 1);
            Shape {
                top_marker: first_in_paragraph && top_marker_len(s).is_some(),
                sub_marker: first_in_paragraph && sub_marker_len(s).is_some(),
                short_or_open: !terminated || hanzi <= HEADING_MAX_HANZI,
                few_hanzi: hanzi < BODY_MIN_HANZI,
                colon_ended: !terminated && last.is_some_and(|c| matches!(c, '：' | ':')),
                alone_open: !terminated && whole_paragraph,
            }
        })
        .collect()
}

/// The kind of each sentence, and whether it opens a top-level section.
pub(crate) fn kinds(shapes: &[Shape]) -> (Vec<Kind>, Vec<bool>) {
    let mut kinds = Vec::with_capacity(shapes.len());
    let mut section_start = vec![false; shapes.len()];
    let mut seen_body_or_heading = false;
    let mut seen_addressee = false;
    for (i, shape) in shapes.iter().enumerate() {
        let kind = if shape.top_marker {
            section_start[i] = true;
            if shape.short_or_open {
                Kind::TopHeading
            } else {
                Kind::Body
            }
        } else if shape.sub_marker && shape.short_or_open {
            Kind::Heading
        } else if shape.few_hanzi {
            seen_addressee |= shape.colon_ended;
            Kind::Matter
        } else if shape.colon_ended {
            // The first such line before any body is the addressee; any other is a lead-in
            // ("根据……，现就有关问题通知如下：").
            if seen_body_or_heading || seen_addressee {
                Kind::Body
            } else {
                seen_addressee = true;
                Kind::Matter
            }
        } else if shape.alone_open {
            Kind::Title
        } else {
            Kind::Body
        };
        seen_body_or_heading |= matches!(kind, Kind::Body | Kind::TopHeading | Kind::Heading);
        kinds.push(kind);
    }
    (kinds, section_start)
}

/// Whether `s` carries content that no preamble has: a quantity (30%, 5000字, 1次) or a
/// prohibition (不得, 严禁). Years and document numbers (2019年, 〔2019〕16号) are not quantities.
pub(crate) fn has_hard_content(s: &str) -> bool {
    if PROHIBITIONS.iter().any(|p| s.contains(p)) {
        return true;
    }
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_digit(chars[i]) {
            i += 1;
            continue;
        }
        // A number, a decimal or a range of them: 30, 3.5, 30%-50%, 5—8.
        while i < chars.len()
            && (is_digit(chars[i])
                || matches!(chars[i], '.' | '．' | '-' | '—' | '~' | '～' | '%' | '％'))
        {
            if matches!(chars[i], '%' | '％')
                && !chars
                    .get(i + 1)
                    .is_some_and(|&c| is_digit(c) || matches!(c, '-' | '—' | '~' | '～'))
            {
                return true;
            }
            i += 1;
        }
        if chars.get(i).is_some_and(|&c| UNITS.contains(c)) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_content_is_quantities_and_prohibitions() {
        let cases = [
            ("确保发给县级以下的文件减少30%-50%。", true),
            ("原则上不超过5000字(10页)。", true),
            ("每年搞1次综合性督查。", true),
            ("城镇新增就业86万人。", true),
            ("不得随意要求基层填表报数。", true),
            ("决定将2019年作为“基层减负年”。", false),
            ("按照(中办发〔2019〕16号)要求。", false),
            ("以习近平新时代中国特色社会主义思想为指导。", false),
        ];
        for (s, want) in cases {
            assert_eq!(has_hard_content(s), want, "{s}");
        }
    }

    #[test]
    fn list_markers() {
        let cases = [
            ("一、总体要求", Some(6)),
            ("十二、其他", Some(9)),
            ("一是要", None),
            ("一、", Some(6)),
            ("（一）", None),
        ];
        for (s, want) in cases {
            assert_eq!(top_marker_len(s), want, "{s}");
        }
        let subs = [
            ("（一）加强", Some(9)),
            ("(2)加强", Some(3)),
            ("1.加强", Some(2)),
            ("12、加强", Some(5)),
            ("1.5亿元", None),
            ("2019年", None),
            ("①加强", Some(3)),
            ("（此件公开发布）", None),
        ];
        for (s, want) in subs {
            assert_eq!(sub_marker_len(s), want, "{s}");
        }
    }
}
