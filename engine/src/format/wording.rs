//! Notes on wording: a word typed twice (的的, 我们我们) and sentences too long to take in.
//!
//! Chinese doubles many words on purpose (层层, 扎扎实实, 的的确确), and a doubled character is
//! often two words meeting (目的的, 为了了解, 温和和): so only 的, 了 and 和 are noted with a fix
//! (keep one), outside such meetings and reduplications, and a two-character word written twice
//! only as a note, without a fix: "研究研究" is informal rather than wrong.

use super::{Context, Fix, Hit};
use crate::chars::{char_count, is_hanzi};
use crate::counting::count;
use crate::sentences::is_terminator;

/// The characters noted when doubled, with the characters before and after the pair that make
/// it two words meeting: 目的|的, 的|的确; 不甚了了, 了|了解; 温和|和, 和|和平.
const DOUBLED: [(char, &str, &str); 3] = [
    ('的', "目端", "确士"),
    ('了', "甚", "解结然却"),
    ('和', "温平柔缓总附调饱暖谦", "平谐睦气解美蔼煦"),
];

pub(super) fn repeated(cx: &Context, out: &mut Vec<Hit>) {
    for chars in cx.paragraph_chars() {
        let c = |k: usize| chars.get(k).map(|&(_, c)| c);
        let end_of = |k: usize| chars[k].0 + chars[k].1.len_utf8();
        let mut i = 0;
        while i + 1 < chars.len() {
            let (start, x) = chars[i];
            let y = chars[i + 1].1;
            // Most pairs differ and do not repeat: those are settled by the first comparisons.
            let next = c(i + 2);
            let doubled = x == y
                && DOUBLED.iter().any(|&(d, before, after)| {
                    x == d
                        && next != Some(d)
                        && !i
                            .checked_sub(1)
                            .and_then(c)
                            .is_some_and(|p| before.contains(p))
                        && !next.is_some_and(|n| after.contains(n))
                });
            // AABB (和和美美) is reduplication.
            if doubled && !(next.is_some() && next == c(i + 3)) {
                out.push(Hit {
                    span: start..end_of(i + 1),
                    message: format!("“{x}{x}”多了一个“{x}”。"),
                    fix: Some(Fix::replace(chars[i + 1].0..end_of(i + 1), "")),
                });
                i += 2;
                continue;
            }
            // ABAB: a two-character word written twice; not 是不是不…, 一个一个.
            let abab = next == Some(x)
                && x != y
                && c(i + 3) == Some(y)
                && is_hanzi(x)
                && is_hanzi(y)
                && x != '一'
                && !matches!(y, '不' | '没');
            if abab {
                out.push(Hit {
                    span: start..end_of(i + 3),
                    message: format!("“{x}{y}”连写了两遍，是否多了一遍？"),
                    fix: None,
                });
                i += 4;
                continue;
            }
            i += 1;
        }
    }
}

pub(super) fn long_sentences(cx: &Context, out: &mut Vec<Hit>) {
    let limit = cx.settings.long_sentence_chars;
    for sentence in cx.sentences {
        let text = &cx.text[sentence.span.clone()];
        // No character counts more than one 字, so most sentences are settled without counting.
        if char_count(text) <= limit {
            continue;
        }
        // The 字 before the terminator: "120 字 without 。" allows 120 字 and then a 。.
        let n = count(text.trim_end_matches(|c: char| is_terminator(c) || c.is_whitespace()))
            .word_count;
        if n > limit {
            let lead = text.len() - text.trim_start().len();
            out.push(Hit {
                span: sentence.span.start + lead..sentence.span.start + text.trim_end().len(),
                message: format!(
                    "这一句{n}字，中间没有句号、问号、叹号或分号，读者不易把握；可考虑拆分（上限{limit}字）。"
                ),
                fix: None,
            });
        }
    }
}
