//! What the role model reads of a sentence: its own text (content flags, length, character
//! n-grams), worked out per paragraph so the incremental analyser can keep it, and where it
//! stands in the document, worked out over the whole document on every call.
//!
//! Nothing here names a particular document's wording: positions come from the structure
//! (headings, vocatives, titles, paragraphs), content from the shape of the text (numbers,
//! units, 《》, 〔〕, prohibitions), and words only from n-grams whose weights are learned.

use super::space::{FOUR_SHARES, LENGTHS, SPACE, STEPS};
use crate::phrases::structure::{has_hard_content, kinds, Kind, Shape, LEAD_INS};
use crate::sentences::Sentence;

/// Words that open a vocative: the 称呼 of a speech, which also opens one of its parts.
pub(crate) const VOCATIVES: [&str; 10] = [
    "各位代表",
    "同志们",
    "各位委员",
    "各位领导",
    "尊敬的",
    "女士们",
    "先生们",
    "老师们",
    "同学们",
    "朋友们",
];
/// Words that put a time limit on an action.
const DEADLINES: [&str; 8] = [
    "月底", "年底", "日前", "月前", "之前", "以内", "截至", "截止",
];
/// Words that name a body that acts (a bureau, a committee, an office).
const BODIES: [&str; 8] = [
    "局",
    "委员会",
    "办公室",
    "厅",
    "部门",
    "单位",
    "领导小组",
    "机关",
];

pub(crate) fn is_hanzi(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// The character n-grams of `sentence` the model weighs: every run of two or three 汉字, with its
/// byte offset. Counted, not deduplicated, in training as in use.
pub(crate) fn grams(sentence: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let starts: Vec<usize> = sentence
        .char_indices()
        .map(|(at, _)| at)
        .chain([sentence.len()])
        .collect();
    let hanzi: Vec<bool> = sentence.chars().map(is_hanzi).collect();
    let mut out = Vec::new();
    for i in 0..hanzi.len() {
        for n in 2..=3 {
            if i + n <= hanzi.len() && hanzi[i..i + n].iter().all(|&h| h) {
                out.push((starts[i], &sentence[starts[i]..starts[i + n]]));
            }
        }
    }
    out.into_iter()
}

/// The named features of a sentence's own text, as indices into [`SPACE`].
pub(crate) fn text_features(sentence: &str) -> Vec<u16> {
    let s = &*SPACE;
    let t = sentence.trim();
    let mut out = Vec::with_capacity(8);
    let mut flag = |i: usize, on: bool| {
        if on {
            out.push((s.flag + i) as u16);
        }
    };
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let ending = t.trim_end_matches(['”', '’', '」', '』', '）', ')', '】', '》', '"', '\'']);
    let opening = t.trim_start_matches(|c: char| !is_hanzi(c) && !c.is_alphanumeric());
    flag(0, has_hard_content(t));
    flag(1, t.chars().any(digit));
    flag(2, t.contains('《'));
    flag(3, t.contains('〔') && t.contains('号'));
    flag(4, ending.ends_with(['！', '!']));
    flag(
        5,
        opening.starts_with("我们") || opening.starts_with("让我们"),
    );
    flag(6, t.contains("让我们"));
    flag(7, VOCATIVES.iter().any(|v| opening.starts_with(v)));
    flag(8, LEAD_INS.iter().any(|l| t.contains(l)));
    flag(9, t.contains(['：', ':']));
    flag(10, DEADLINES.iter().any(|d| t.contains(d)));
    flag(11, BODIES.iter().any(|b| t.contains(b)));
    let hanzi = t.chars().filter(|&c| is_hanzi(c)).count();
    out.push((s.length + (hanzi / 15).min(LENGTHS - 1)) as u16);
    let clauses: Vec<&str> = t
        .split([
            '，', '、', '；', '。', '！', '？', ',', ';', '：', ':', '!', '?',
        ])
        .filter(|c| !c.trim().is_empty())
        .collect();
    if !clauses.is_empty() {
        let four = clauses
            .iter()
            .filter(|c| c.trim().chars().count() == 4 && c.trim().chars().all(is_hanzi))
            .count();
        out.push(
            (s.four_share + (four * FOUR_SHARES / (clauses.len() + 1)).min(FOUR_SHARES - 1)) as u16,
        );
    }
    out
}

/// Where a body sentence stands. Other sentences (headings, titles, addressees, vocatives) have
/// only their kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Place {
    /// Index into [`super::space::PART_STARTS`]: what opens its part.
    pub(crate) part_start: u8,
    /// Index into [`super::space::PART_ENDS`]: what closes it.
    pub(crate) part_end: u8,
    /// Body sentences before it in its part, and after it.
    pub(crate) from_start: u16,
    pub(crate) from_end: u16,
    /// Body sentences before it in the document (or the attached document), and after it.
    pub(crate) doc_from_start: u16,
    pub(crate) doc_from_end: u16,
    /// Before the first lower-level heading or list item of its part: the part's own preamble.
    pub(crate) before_sub: bool,
    /// At or before the document's lead-in (现就……如下, 制定本方案).
    pub(crate) before_lead_in: bool,
    pub(crate) paragraph_first: bool,
    pub(crate) paragraph_last: bool,
    /// Top-level sections opened before it (0 before the first 一、).
    pub(crate) section: u16,
}

/// A sentence's kind and, for a body sentence, its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Position {
    pub(crate) kind: Kind,
    pub(crate) place: Option<Place>,
}

fn kind_index(kind: Kind) -> usize {
    match kind {
        Kind::Body => 0,
        Kind::Heading => 1,
        Kind::TopHeading => 2,
        Kind::Title => 3,
        Kind::Matter => 4,
    }
}

/// The position of every sentence of `text`; `shapes[i]` belongs to `sentences[i]`, and
/// `lead_ins[i]` says whether it holds the lead-in to the instructions (现就……如下).
pub(crate) fn positions(
    text: &str,
    sentences: &[Sentence],
    shapes: &[Shape],
    lead_ins: &[bool],
) -> Vec<Position> {
    let (kinds, section_start) = kinds(shapes);
    let n = sentences.len();
    let vocative = |i: usize| {
        let t = text[sentences[i].span.clone()].trim_start();
        VOCATIVES.iter().any(|v| t.starts_with(v))
    };
    let first_in_paragraph =
        |i: usize| i == 0 || sentences[i - 1].paragraph != sentences[i].paragraph;
    // What opens a part at each sentence, if anything: 0 document, 1 top heading, 2 vocative, 3 title.
    let opens: Vec<Option<u8>> = (0..n)
        .map(|i| {
            if i == 0 {
                Some(0)
            } else if section_start[i] {
                Some(1)
            } else if vocative(i)
                && first_in_paragraph(i)
                && matches!(kinds[i], Kind::Matter | Kind::Body)
            {
                Some(2)
            } else if kinds[i] == Kind::Title
                && kinds[i - 1] != Kind::Title
                && kinds[..i].contains(&Kind::Body)
            {
                Some(3)
            } else {
                None
            }
        })
        .collect();
    let mut out: Vec<Position> = kinds
        .iter()
        .map(|&kind| Position { kind, place: None })
        .collect();
    let mut section = 0u16;
    let mut starts: Vec<usize> = (0..n).filter(|&i| opens[i].is_some()).collect();
    starts.push(n);
    let documents: Vec<usize> = (0..n)
        .filter(|&i| matches!(opens[i], Some(0 | 3)))
        .chain([n])
        .collect();
    for window in starts.windows(2) {
        let (a, b) = (window[0], window[1]);
        let part_start = opens[a].unwrap_or(0);
        let part_end = if b == n { 0 } else { opens[b].unwrap_or(0) };
        let body: Vec<usize> = (a..b).filter(|&i| kinds[i] == Kind::Body).collect();
        let first_sub = (a..b)
            .find(|&i| kinds[i] == Kind::Heading || shapes[i].opens_item())
            .unwrap_or(b);
        for (k, &i) in body.iter().enumerate() {
            out[i].place = Some(Place {
                part_start,
                part_end,
                from_start: k as u16,
                from_end: (body.len() - 1 - k) as u16,
                before_sub: i < first_sub,
                paragraph_first: first_in_paragraph(i),
                paragraph_last: i + 1 == n || sentences[i + 1].paragraph != sentences[i].paragraph,
                ..Place::default()
            });
        }
    }
    for window in documents.windows(2) {
        let body: Vec<usize> = (window[0]..window[1])
            .filter(|&i| kinds[i] == Kind::Body)
            .collect();
        let lead_in = body.iter().position(|&i| lead_ins[i]);
        for (k, &i) in body.iter().enumerate() {
            if let Some(place) = &mut out[i].place {
                place.doc_from_start = k as u16;
                place.doc_from_end = (body.len() - 1 - k) as u16;
                place.before_lead_in = lead_in.is_some_and(|l| k <= l);
            }
        }
    }
    for (i, position) in out.iter_mut().enumerate() {
        section += u16::from(section_start[i]);
        if let Some(place) = &mut position.place {
            place.section = section;
        }
    }
    out
}

/// The named features of a position, as indices into [`SPACE`].
pub(crate) fn position_features(position: &Position, out: &mut Vec<u16>) {
    let s = &*SPACE;
    let step = |k: u16| (k as usize).min(STEPS - 1);
    out.push((s.kind + kind_index(position.kind)) as u16);
    let Some(p) = position.place else {
        return;
    };
    let (start, end) = (p.part_start as usize, p.part_end as usize);
    out.extend(
        [
            s.part_start + start,
            s.part_end + end,
            s.from_start + step(p.from_start),
            s.from_end + step(p.from_end),
            s.start_step + start * STEPS + step(p.from_start),
            s.end_step + end * STEPS + step(p.from_end),
            s.doc_from_start + step(p.doc_from_start),
            s.doc_from_end + step(p.doc_from_end),
        ]
        .map(|i| i as u16),
    );
    for (on, index) in [
        (p.before_sub, s.before_sub),
        (p.before_lead_in, s.before_lead_in),
        (p.paragraph_first, s.paragraph_first),
        (p.paragraph_last, s.paragraph_last),
    ] {
        if on {
            out.push(index as u16);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phrases::shapes;
    use crate::sentences::sentences;

    #[test]
    fn grams_are_runs_of_two_and_three_hanzi() {
        let got: Vec<&str> = grams("以𠮷为指导，2026年").map(|(_, g)| g).collect();
        assert_eq!(got, ["为指", "为指导", "指导"]);
    }

    #[test]
    fn places_follow_parts_and_sections() {
        let text = "关于某事的通知\n各单位：\n为贯彻精神，现就有关事项通知如下。\n一、总体要求\n以思想为指导。坚持问题导向。\n（一）细则\n各单位每月报送1次。\n各位代表！\n让我们团结奋斗。";
        let sentences = sentences(text);
        let shapes = shapes(text, &sentences);
        let lead_ins: Vec<bool> = sentences
            .iter()
            .map(|s| LEAD_INS.iter().any(|l| text[s.span.clone()].contains(l)))
            .collect();
        let positions = positions(text, &sentences, &shapes, &lead_ins);
        let place = |needle: &str| {
            let i = sentences
                .iter()
                .position(|s| text[s.span.clone()].contains(needle))
                .unwrap();
            positions[i]
        };
        assert_eq!(place("关于").kind, Kind::Title);
        let lead = place("现就").place.unwrap();
        assert!(lead.before_lead_in && lead.before_sub);
        assert_eq!(
            (
                lead.part_start,
                lead.part_end,
                lead.from_start,
                lead.section
            ),
            (0, 1, 0, 0)
        );
        let guidance = place("为指导").place.unwrap();
        assert_eq!(
            (
                guidance.part_start,
                guidance.from_start,
                guidance.from_end,
                guidance.section
            ),
            (1, 0, 2, 1)
        );
        assert!(guidance.before_sub && !guidance.before_lead_in);
        let report = place("报送").place.unwrap();
        assert!(!report.before_sub);
        assert_eq!(report.part_end, 2, "the vocative opens the next part");
        let closing = place("团结").place.unwrap();
        assert_eq!(
            (closing.part_start, closing.part_end, closing.from_end),
            (2, 0, 0)
        );
    }

    #[test]
    fn text_features_name_what_the_text_carries() {
        let s = &*SPACE;
        let names = |t: &str| -> Vec<&str> {
            text_features(t)
                .iter()
                .map(|&i| s.names[i as usize].as_str())
                .collect()
        };
        assert!(names("各单位每月报送1次，不得超过3页。").contains(&"flag:quantity"));
        assert!(names("让我们团结奋斗！").contains(&"flag:exclamation"));
        assert!(names("根据《通知》（国办发〔2024〕1号）制定本方案。").contains(&"flag:doc-number"));
        assert!(names("各位代表，奋斗创造历史。").contains(&"flag:vocative"));
    }
}
