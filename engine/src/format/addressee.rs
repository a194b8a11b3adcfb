//! 主送机关: the line below the title (and the 发文字号) that names the addressees ends with a
//! full-width colon.
//!
//! A line counts as the 主送机关 when it comes before the body (no sentence has ended yet), is
//! not a heading, a 发文字号 line or a "——" subtitle, and ends with the name of an organ or a
//! group of people (人民政府, 各直属机构, 各位代表…). A byline ("省长 王正谱") is passed over.

use super::context::is_space;
use super::docnum::DocNumber;
use super::numbering::Heading;
use super::{Context, Fix, Hit};
use std::ops::Range;

/// A 主送机关 line that does not end with a colon.
pub(crate) struct Addressee {
    /// The line without its indent and trailing spaces.
    span: Range<usize>,
    /// The mark it ends with instead of "：", if any.
    pub(crate) mark: Option<Range<usize>>,
}

/// How the names of addressees end, space-separated.
const ORGAN_ENDINGS: &str =
    "政府 党委 党组 委员会 部委 机构 单位 部门 厅 局 委 办 院 部 会 公司 集团 \
    学校 高校 医院 银行 中心 所 处 科 室 同志 代表 组 队 站 社 馆 街道 企业 支部";

/// How many lines after the title may hold the 主送机关.
const SEARCH_LINES: usize = 5;

/// The 主送机关 line if it lacks its colon.
pub(crate) fn find(
    text: &str,
    paragraphs: &[Range<usize>],
    headings: &[Heading],
    doc_numbers: &[DocNumber],
) -> Option<Addressee> {
    let lines = paragraphs.iter().enumerate().filter_map(|(i, p)| {
        let body = &text[p.clone()];
        let trimmed = body.trim_start_matches(is_space);
        let start = p.start + body.len() - trimmed.len();
        let end = start + trimmed.trim_end_matches(is_space).len();
        (end > start).then_some((i, start..end))
    });
    for (i, span) in lines.skip(1).take(SEARCH_LINES) {
        let line = &text[span.clone()];
        if headings.iter().any(|h| h.paragraph == i)
            || line.contains(['。', '？', '！', '?', '!', '：', ':'])
        {
            return None;
        }
        let numbered = doc_numbers.iter().any(|d| span.contains(&d.span.start));
        if numbered || line.starts_with("——") || line.starts_with("--") {
            continue;
        }
        let last = line.chars().next_back()?;
        let (stem, mark) = if matches!(last, '，' | ',' | '；' | ';' | '、' | '.' | '。') {
            let at = span.end - last.len_utf8();
            (&text[span.start..at], Some(at..span.end))
        } else {
            (line, None)
        };
        if ORGAN_ENDINGS.split_whitespace().any(|e| stem.ends_with(e)) {
            return Some(Addressee { span, mark });
        }
    }
    None
}

pub(super) fn colon(cx: &Context, out: &mut Vec<Hit>) {
    if let Some(a) = &cx.addressee {
        let edit = a.mark.clone().unwrap_or(a.span.end..a.span.end);
        out.push(Hit {
            span: a.span.clone(),
            message: "主送机关后应使用全角冒号“：”。".to_string(),
            fix: Some(Fix::replace(edit, "：")),
        });
    }
}
