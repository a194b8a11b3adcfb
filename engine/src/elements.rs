//! 公文要素 in the draft's own text: which paragraph is the title, the 主送机关, a heading of
//! which level, the 附件说明, the 发文机关署名, the 成文日期, the 附注, and a trailing 抄送/印发
//! block. GB/T 9704 sets each differently (font, alignment, indent), so the export and the print
//! preview read them from here.
//!
//! Recognition goes by shape, never by a document's wording: the title is the first line; the
//! 主送机关 a short line after it that ends with a colon, before any sentence has ended; headings
//! and the 附件说明 are the format checks' own parsers; the closing is a date line at the end of
//! the main document, with the short line above it as the signature and a bracketed line below it
//! as the 附注. A draft without some of them simply has none.

pub mod fields;
mod kind;

pub use kind::doc_kind;

use crate::format::{attachment, numbering};
use crate::paragraphs::paragraph_spans;
use std::ops::Range;

/// What a paragraph is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ElementKind {
    /// 标题: the first line.
    Title,
    /// 主送机关.
    Addressee,
    /// 结构层次序数 heading of level 1 (一、) to 4 (（1）). `run_in` is the byte length, from the
    /// paragraph's start, of the heading when body text follows it in the same paragraph
    /// ("（一）加强领导。各地要……"): only that part takes the level's font.
    Heading { level: u8, run_in: Option<usize> },
    /// A paragraph of the body.
    Body,
    /// 附件说明 ("附件：1.……" and the names under it).
    AttachmentNote,
    /// 发文机关署名.
    Signature,
    /// 成文日期.
    Date,
    /// 附注: the bracketed line after the date.
    Remark,
    /// 抄送 line of a trailing 版记.
    CopyTo,
    /// 印发机关 and 印发日期 line of a trailing 版记.
    PrintedBy,
    /// The line that opens an attachment ("附件1"): it starts a new page.
    AttachmentStart,
    /// An empty line.
    Blank,
}

impl ElementKind {
    /// The 公文要素's name, for a list of what a draft holds; `None` for body text, headings,
    /// an attachment's start and blank lines, which are not listed.
    pub fn label(self) -> Option<&'static str> {
        Some(match self {
            ElementKind::Title => "标题",
            ElementKind::Addressee => "主送机关",
            ElementKind::AttachmentNote => "附件说明",
            ElementKind::Signature => "发文机关署名",
            ElementKind::Date => "成文日期",
            ElementKind::Remark => "附注",
            ElementKind::CopyTo => "抄送",
            ElementKind::PrintedBy => "印发机关和印发日期",
            ElementKind::Heading { .. }
            | ElementKind::Body
            | ElementKind::AttachmentStart
            | ElementKind::Blank => return None,
        })
    }
}

/// One paragraph and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    /// Byte span of the paragraph in the text (line break excluded).
    pub span: Range<usize>,
    pub kind: ElementKind,
}

/// Every paragraph of `text` with its kind, in order (as many as
/// [`paragraph_spans`](crate::paragraphs::paragraph_spans) gives).
///
/// # Examples
/// ```
/// use jianwen_engine::elements::{elements, ElementKind};
/// let text = "关于做好防汛工作的通知\n各区人民政府：\n一、压实责任\n各区要在6月1日前完成排查。\n\n某市人民政府\n2026年5月10日\n（此件公开发布）";
/// let kinds: Vec<ElementKind> = elements(text).into_iter().map(|e| e.kind).collect();
/// assert_eq!(kinds, [
///     ElementKind::Title,
///     ElementKind::Addressee,
///     ElementKind::Heading { level: 1, run_in: None },
///     ElementKind::Body,
///     ElementKind::Blank,
///     ElementKind::Signature,
///     ElementKind::Date,
///     ElementKind::Remark,
/// ]);
/// ```
pub fn elements(text: &str) -> Vec<Element> {
    let paragraphs = paragraph_spans(text);
    let attachments = attachment::parse(text, &paragraphs);
    let headings = numbering::parse(text, &paragraphs, &attachments);
    let line = |i: usize| text[paragraphs[i].clone()].trim();
    let mut kinds: Vec<ElementKind> = (0..paragraphs.len())
        .map(|i| {
            if line(i).is_empty() {
                ElementKind::Blank
            } else if attachments.starts_part(i) {
                ElementKind::AttachmentStart
            } else if attachments.in_list(i) {
                ElementKind::AttachmentNote
            } else {
                ElementKind::Body
            }
        })
        .collect();
    // Headings of the main document and of each attachment.
    for heading in &headings {
        let i = heading.paragraph;
        let whole = &text[paragraphs[i].clone()];
        kinds[i] = ElementKind::Heading {
            level: heading.level as u8,
            run_in: run_in(whole),
        };
    }
    let Some(title) = (0..paragraphs.len()).find(|&i| kinds[i] != ElementKind::Blank) else {
        return Vec::new();
    };
    kinds[title] = ElementKind::Title;
    // The main document ends where its first attachment starts.
    let main_end = (0..paragraphs.len())
        .find(|&i| kinds[i] == ElementKind::AttachmentStart)
        .unwrap_or(paragraphs.len());
    if let Some(i) = addressee(&kinds, title, main_end, &line) {
        kinds[i] = ElementKind::Addressee;
    }
    closing(&mut kinds, title, main_end, &line);
    paragraphs
        .into_iter()
        .zip(kinds)
        .map(|(span, kind)| Element { span, kind })
        .collect()
}

/// Marks that end a sentence: a line holding one is text, not a name or a heading.
const SENTENCE_ENDS: [char; 6] = ['。', '！', '？', '；', '!', '?'];

/// The byte length of a run-in heading: up to and including the first sentence end, when text
/// follows it.
fn run_in(paragraph: &str) -> Option<usize> {
    let (at, c) = paragraph
        .char_indices()
        .find(|(_, c)| SENTENCE_ENDS.contains(c))?;
    let end = at + c.len_utf8();
    (!paragraph[end..].trim().is_empty()).then_some(end)
}

/// The 主送机关: among the few lines after the title and before the body starts (the first
/// sentence that ends), a short one ending with a colon that is not the lead-in to what
/// follows ("现通知如下：").
fn addressee<'t>(
    kinds: &[ElementKind],
    title: usize,
    end: usize,
    line: &dyn Fn(usize) -> &'t str,
) -> Option<usize> {
    const SEARCH_LINES: usize = 4;
    const MAX_CHARS: usize = 80;
    for i in (title + 1..end)
        .filter(|&i| kinds[i] != ElementKind::Blank)
        .take(SEARCH_LINES)
    {
        let l = line(i);
        if kinds[i] != ElementKind::Body || l.contains(SENTENCE_ENDS) {
            return None;
        }
        let name = l.trim_end_matches(['：', ':']);
        if name.len() < l.len() && l.chars().count() <= MAX_CHARS && !name.ends_with("如下") {
            return Some(i);
        }
    }
    None
}

/// Whether a line is a date alone: 2026年5月10日, or in Chinese numerals (二〇二六年五月十日).
fn is_date_line(l: &str) -> bool {
    let l: String = l.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(rest) = l.strip_suffix('日') else {
        return false;
    };
    let parts: Vec<&str> = rest.split(['年', '月']).collect();
    let numeral = |s: &str| {
        !s.is_empty()
            && s.chars().count() <= 4
            && s.chars()
                .all(|c| c.is_ascii_digit() || "〇零一二三四五六七八九十".contains(c))
    };
    parts.len() == 3 && parts.iter().all(|p| numeral(p))
}

/// The closing of the main document: the 成文日期 (the last date line before `end`, with only a
/// remark or the 版记 after it), the 署名 above it, the 附注 below it, and the 抄送/印发 lines.
fn closing<'t>(
    kinds: &mut [ElementKind],
    title: usize,
    end: usize,
    line: &dyn Fn(usize) -> &'t str,
) {
    const MAX_SIGNATURE_CHARS: usize = 40;
    for (i, kind) in kinds.iter_mut().enumerate().take(end).skip(title + 1) {
        if *kind != ElementKind::Body {
            continue;
        }
        let l = line(i);
        if l.starts_with("抄送") && (l.contains('：') || l.contains(':')) {
            *kind = ElementKind::CopyTo;
        } else if l.ends_with("印发") && l.contains('年') && l.len() <= 120 {
            *kind = ElementKind::PrintedBy;
        }
    }
    let tail = |i: usize| {
        (i + 1..end).all(|j| {
            matches!(
                kinds[j],
                ElementKind::Blank | ElementKind::CopyTo | ElementKind::PrintedBy
            ) || (j == i + 1 && is_remark(line(j)))
        })
    };
    let Some(date) = (title + 1..end)
        .rev()
        .find(|&i| kinds[i] == ElementKind::Body && is_date_line(line(i)) && tail(i))
    else {
        return;
    };
    kinds[date] = ElementKind::Date;
    if date + 1 < end && is_remark(line(date + 1)) {
        kinds[date + 1] = ElementKind::Remark;
    }
    let above = date.checked_sub(1).filter(|&i| i > title);
    if let Some(i) = above {
        let l = line(i);
        if kinds[i] == ElementKind::Body
            && l.chars().count() <= MAX_SIGNATURE_CHARS
            && !l.contains(SENTENCE_ENDS)
            && !l.contains(['，', '：', ':'])
        {
            kinds[i] = ElementKind::Signature;
        }
    }
}

/// A 附注: a whole line in round brackets.
fn is_remark(l: &str) -> bool {
    (l.starts_with('（') && l.ends_with('）')) || (l.starts_with('(') && l.ends_with(')'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ElementKind::*;

    fn kinds(text: &str) -> Vec<ElementKind> {
        elements(text).into_iter().map(|e| e.kind).collect()
    }

    #[test]
    fn each_element_is_recognised_by_its_shape() {
        let h = |level: u8| Heading {
            level,
            run_in: None,
        };
        let cases: &[(&str, &[ElementKind])] = &[
            ("", &[]),
            ("只有标题", &[Title]),
            ("\n\n标题在空行后", &[Blank, Blank, Title]),
            (
                "标题\n各区县人民政府，市政府各部门：\n正文。",
                &[Title, Addressee, Body],
            ),
            (
                "标题\n根据有关规定，现通知如下：\n正文。",
                &[Title, Body, Body],
            ),
            (
                "标题\n正文第一段。\n各单位：",
                &[Title, Body, Body],
            ),
            (
                "标题\n一、总体要求\n（一）指导思想\n1.坚持问题导向\n（1）细则",
                &[Title, h(1), h(2), h(3), h(4)],
            ),
            (
                "标题\n正文。\n附件：1.工作方案\n2.任务清单\n\n某县人民政府\n2026年3月5日",
                &[Title, Body, AttachmentNote, AttachmentNote, Blank, Signature, Date],
            ),
            (
                "标题\n正文。\n二〇二六年三月五日",
                &[Title, Body, Date],
            ),
            (
                "标题\n会议定于2026年3月5日召开。\n2026年3月5日\n（联系人：张三，电话：12345678）",
                &[Title, Body, Date, Remark],
            ),
            (
                "标题\n正文。\n某局\n2026年3月5日\n抄送：市委办公室，市人大常委会办公室。\n某局办公室 2026年3月6日印发",
                &[Title, Body, Signature, Date, CopyTo, PrintedBy],
            ),
            (
                "标题\n正文写到2026年3月5日为止。\n下一段。",
                &[Title, Body, Body],
            ),
            (
                "标题\n正文。\n附件1\n附件标题\n一、内容",
                &[Title, Body, AttachmentStart, Body, h(1)],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(kinds(text), *want, "{text:?}");
        }
    }

    #[test]
    fn a_run_in_heading_covers_its_first_sentence_only() {
        let text = "标题\n（一）加强组织领导。各地要成立专班。\n（二）强化保障";
        let got = elements(text);
        assert_eq!(
            got[1].kind,
            Heading {
                level: 2,
                run_in: Some("（一）加强组织领导。".len())
            }
        );
        assert_eq!(
            got[2].kind,
            Heading {
                level: 2,
                run_in: None
            }
        );
    }

    #[test]
    fn spans_cover_each_paragraph_with_emoji_and_supplementary_characters() {
        let text = "𠮷标题😀\n各单位：\n正文𠮷。";
        let got = elements(text);
        let lines: Vec<&str> = got.iter().map(|e| &text[e.span.clone()]).collect();
        assert_eq!(lines, ["𠮷标题😀", "各单位：", "正文𠮷。"]);
    }
}
