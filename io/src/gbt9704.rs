//! The draft as the 公文 the drafter hands in: a `.docx` in GB/T 9704 form.
//!
//! A4 with the standard's margins (37/35/28/26 mm); 22 lines of 28 字 on a line grid (exact
//! 28.95 pt lines, every run −0.25 pt, which Word, WPS and LibreOffice all lay out alike, where a
//! character grid is read differently: see `docs/reference/gbt9704.md`); body 3号仿宋 with a
//! 2-字 first-line indent; title 2号小标宋 centred; headings 一、 in 黑体, （一） in 楷体, 1. and
//! （1） in 仿宋, nothing bold; 附件说明, 署名, 成文日期 (右空四字) and 附注 placed as the
//! standard places them; page numbers "— N —" in 4号宋体, odd pages right and even pages left,
//! each one 字 in. Every run names its East Asian font, punctuation included. Fonts are named,
//! never embedded.
//!
//! The 版头 (份号, 密级, 紧急程度, the red 发文机关标志, 发文字号 with the 签发人 of an upward
//! document, the red rule) and the 版记 (抄送, 印发机关 and 印发日期 between rules) come from the
//! draft's [`DocFields`], when set; [`HeaderMode::Space`](crate::HeaderMode::Space) leaves the 版头's lines blank for paper
//! with the 红头 printed on it.
//!
//! What each paragraph is comes from [`jianwen_engine::elements`]; this module only writes.

mod package;
mod parts;

pub use parts::full_header_lines;

use crate::doc_fields::DocFields;
use jianwen_engine::elements::{Element, ElementKind};

/// Which fonts the document names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FontSet {
    /// The licensed office fonts: 方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体.
    #[default]
    Office,
    /// The fonts Windows ships: 宋体 (for the title), 仿宋, 楷体, 黑体.
    Windows,
}

/// The font classes GB/T 9704 names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Face {
    XiaoBiaoSong,
    FangSong,
    KaiTi,
    HeiTi,
    SongTi,
}

impl FontSet {
    pub(crate) fn name(self, face: Face) -> &'static str {
        match (self, face) {
            (FontSet::Office, Face::XiaoBiaoSong) => "方正小标宋简体",
            (FontSet::Windows, Face::XiaoBiaoSong) => "宋体",
            (FontSet::Office, Face::FangSong) => "仿宋_GB2312",
            (FontSet::Windows, Face::FangSong) => "仿宋",
            (FontSet::Office, Face::KaiTi) => "楷体_GB2312",
            (FontSet::Windows, Face::KaiTi) => "楷体",
            (_, Face::HeiTi) => "黑体",
            (_, Face::SongTi) => "宋体",
        }
    }
}

/// What the export needs besides the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocxOptions {
    pub fonts: FontSet,
    /// The 版头 and 版记 fields of the draft.
    pub fields: DocFields,
    /// Grid lines the 版头 takes when its space is left blank for pre-printed paper
    /// ([`HeaderMode::Space`](crate::HeaderMode::Space)): the 版面 setting's reservation.
    pub reserved_lines: u32,
}

/// The `.docx` of `text`, whose paragraphs are `elements` (see
/// [`jianwen_engine::elements::elements`]).
///
/// # Examples
/// ```
/// use jianwen_engine::elements::elements;
/// use jianwen_io::{docx_to_text, gbt9704_docx, DocxOptions};
/// let text = "关于做好防汛工作的通知\n各区人民政府：\n一、压实责任\n各区要在6月1日前完成排查。";
/// let docx = gbt9704_docx(text, &elements(text), &DocxOptions::default());
/// assert_eq!(docx_to_text(&docx).unwrap(), text);
/// ```
pub fn gbt9704_docx(text: &str, elements: &[Element], options: &DocxOptions) -> Vec<u8> {
    let fonts = options.fonts;
    let files: [(&str, String); 9] = [
        ("[Content_Types].xml", parts::CONTENT_TYPES.to_owned()),
        ("_rels/.rels", parts::PACKAGE_RELS.to_owned()),
        ("docProps/core.xml", parts::core(&title_of(text, elements))),
        (
            "word/_rels/document.xml.rels",
            parts::DOCUMENT_RELS.to_owned(),
        ),
        (
            "word/document.xml",
            parts::document(text, elements, options),
        ),
        ("word/styles.xml", parts::styles(fonts)),
        ("word/settings.xml", parts::SETTINGS.to_owned()),
        ("word/footer1.xml", parts::footer(fonts, parts::Side::Odd)),
        ("word/footer2.xml", parts::footer(fonts, parts::Side::Even)),
    ];
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(name, content)| (*name, content.as_bytes()))
        .collect();
    package::stored_zip(&files)
}

/// The title's text, for the document's properties.
fn title_of(text: &str, elements: &[Element]) -> String {
    elements
        .iter()
        .find(|e| e.kind == ElementKind::Title)
        .map(|e| text[e.span.clone()].trim().to_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
