//! 发文字号: 机关代字 + year in 六角括号〔〕 + serial number + 号, as in 国办发〔2024〕1号. The year
//! is written in full; the serial number has no leading zeros and no 第.
//!
//! Any bracket pair around a two- or four-digit year right after a 汉字 and before a number and
//! 号 is taken for a 发文字号, so the wrong forms ([2019], (2019), 【2019】, （2019）, ﹝2019﹞) are
//! found too. 案号 such as （2019）京01民初1号 have letters after the bracket and are left alone;
//! 国务院令第644号 has no year and is right as it is.

use super::{Context, Fix, Hit};
use regex_lite::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub(crate) struct DocNumber {
    /// From the last 汉字 of the 机关代字 to 号.
    pub(crate) span: Range<usize>,
    /// The year with its brackets.
    brackets: Range<usize>,
    year: Range<usize>,
    /// 第 (if written) and the number.
    serial: Range<usize>,
    digits: Range<usize>,
}

static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[\u{3400}-\u{9FFF}]([\[［(（【﹝〖〔])([0-9]{4}|[0-9]{2})([\]］)）】﹞〗〕])(第?)([0-9]+)号",
    )
    .expect("valid 发文字号 pattern")
});

/// Whether `c` can stand between the first character of a [`DOC_NUMBER`] match and its 号.
fn in_doc_number(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '第' | '[' | '［' | '(' | '（' | '【' | '﹝' | '〖' | '〔'
        )
        || matches!(c, ']' | '］' | ')' | '）' | '】' | '﹞' | '〗' | '〕')
}

/// The matches of [`DOC_NUMBER`] in `text`, as `DOC_NUMBER.captures_iter(text)` finds them.
///
/// A match is one character, then characters [`in_doc_number`], then 号, its only 号 but
/// perhaps the first. So the pattern runs only on the stretch before each 号: its scan of the
/// whole text was a tenth of the cost of the format checks.
fn matches(text: &str) -> impl Iterator<Item = regex_lite::Captures<'_>> {
    let mut done = 0;
    memchr::memmem::find_iter(text.as_bytes(), "号").filter_map(move |mark| {
        let inner: usize = text[..mark]
            .chars()
            .rev()
            .take_while(|&c| in_doc_number(c))
            .map(char::len_utf8)
            .sum();
        let first = text[..mark - inner]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        // Where the last match ended, the search would go on.
        let start = (mark - inner - first).max(done);
        let end = mark + "号".len();
        let c = DOC_NUMBER.captures_at(&text[..end], start)?;
        done = end;
        Some(c)
    })
}

pub(crate) fn parse(text: &str) -> Vec<DocNumber> {
    matches(text)
        .filter_map(|c| {
            let whole = c.get(0)?.range();
            let (open, year, close) = (c.get(1)?, c.get(2)?, c.get(3)?);
            let (di, digits) = (c.get(4)?, c.get(5)?);
            Some(DocNumber {
                span: whole,
                brackets: open.start()..close.end(),
                year: year.range(),
                serial: di.start()..digits.end(),
                digits: digits.range(),
            })
        })
        .collect()
}

pub(super) fn bracket(cx: &Context, out: &mut Vec<Hit>) {
    for d in &cx.doc_numbers {
        let written = &cx.text[d.brackets.clone()];
        let standard = format!("〔{}〕", &cx.text[d.year.clone()]);
        if written != standard {
            out.push(Hit {
                span: d.brackets.clone(),
                message: format!("发文字号的年份用六角括号“〔〕”：应为“{standard}”。"),
                fix: Some(Fix::replace(d.brackets.clone(), standard)),
            });
        }
    }
}

pub(super) fn year(cx: &Context, out: &mut Vec<Hit>) {
    for d in cx.doc_numbers.iter().filter(|d| d.year.len() == 2) {
        out.push(Hit {
            span: d.year.clone(),
            message: format!(
                "发文字号的年份应写全四位，如“20{}”。",
                &cx.text[d.year.clone()]
            ),
            fix: None,
        });
    }
}

pub(super) fn serial(cx: &Context, out: &mut Vec<Hit>) {
    for d in &cx.doc_numbers {
        let digits = &cx.text[d.digits.clone()];
        let number = digits.trim_start_matches('0');
        let number = if number.is_empty() { "0" } else { number };
        if d.serial.len() != number.len() {
            out.push(Hit {
                span: d.serial.clone(),
                message: format!("发文字号的序号不编虚位、不加“第”：应为“{number}号”。"),
                fix: Some(Fix::replace(d.serial.clone(), number)),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_before_each_hao_are_those_of_the_whole_text() {
        let texts = [
            "国办发〔2019〕7号，国办发[19]第07号",
            "发〔2019〕1号〔2020〕2号",
            "第〔2019〕1号，号号号，（2019）京01民初1号",
            "国务院令第644号，〔2019〕7号",
            "",
        ];
        for text in texts {
            let spans = crate::regex_parity::capture_spans;
            let want: Vec<_> = DOC_NUMBER.captures_iter(text).map(spans).collect();
            let got: Vec<_> = matches(text).map(spans).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn regex_lite_finds_what_regex_finds() {
        crate::regex_parity::assert_same_captures(DOC_NUMBER.as_str());
    }
}
