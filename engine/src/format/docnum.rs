//! 发文字号: 机关代字 + year in 六角括号〔〕 + serial number + 号, as in 国办发〔2024〕1号. The year
//! is written in full; the serial number has no leading zeros and no 第.
//!
//! Any bracket pair around a two- or four-digit year right after a 汉字 and before a number and
//! 号 is taken for a 发文字号, so the wrong forms ([2019], (2019), 【2019】, （2019）, ﹝2019﹞) are
//! found too. 案号 such as （2019）京01民初1号 have letters after the bracket and are left alone;
//! 国务院令第644号 has no year and is right as it is.

use super::{Context, Fix, Hit};
use regex::Regex;
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

pub(crate) fn parse(text: &str) -> Vec<DocNumber> {
    DOC_NUMBER
        .captures_iter(text)
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
