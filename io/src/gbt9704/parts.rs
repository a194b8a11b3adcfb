//! The XML parts of the GB/T 9704 `.docx`. Units: twips (1/20 pt; 1 mm = 56.693 twips),
//! half-points for font sizes, eighths of a point for borders.

use super::{DocxOptions, Face, FontSet};
use crate::doc_fields::{DocFields, HeaderMode};
use jianwen_engine::elements::fields::is_upward;
use jianwen_engine::elements::{Element, ElementKind};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// One grid line: 22 lines fill the 225 mm 版心 (580 twips gives 21 in LibreOffice).
pub(crate) const LINE_PITCH: u32 = 579;
/// Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt.
pub(crate) const SIZE_2: u32 = 44;
pub(crate) const SIZE_3: u32 = 32;
pub(crate) const SIZE_4: u32 = 28;
/// One 字 of 3号 and of 4号, in twips.
const ZI_3: u32 = 320;
const ZI_4: u32 = 280;
/// −0.25 pt on every run: 28 characters of 3号 fit the 156 mm line (15.75 pt × 28 = 441 pt).
const CHARACTER_SPACING: i32 = -5;

pub(crate) const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

pub(crate) const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

pub(crate) const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/></Relationships>"#;

/// Odd and even pages have their own footers (the page number's side).
pub(crate) const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:evenAndOddHeaders/><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#;

/// The document's properties: its title.
pub(crate) fn core(title: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>简文</dc:creator></cp:coreProperties>"#,
        escape(title)
    )
}

/// Defaults every paragraph and run starts from: 3号仿宋 on the line grid, Times New Roman for
/// Latin letters and digits, Chinese as the language.
pub(crate) fn styles(fonts: FontSet) -> String {
    let fang = fonts.name(Face::FangSong);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{fang}" w:cs="Times New Roman"/><w:sz w:val="{SIZE_3}"/><w:szCs w:val="{SIZE_3}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:spacing w:line="{LINE_PITCH}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style></w:styles>"#
    )
}

/// Which page a footer is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    Odd,
    Even,
}

/// "— N —" in 4号宋体, one 字 in from the right on odd pages and from the left on even ones.
pub(crate) fn footer(fonts: FontSet, side: Side) -> String {
    let (jc, indent) = match side {
        Side::Odd => ("right", format!(r#"<w:ind w:right="{ZI_4}"/>"#)),
        Side::Even => ("left", format!(r#"<w:ind w:left="{ZI_4}"/>"#)),
    };
    let song = fonts.name(Face::SongTi);
    let rpr = format!(
        r#"<w:rPr><w:rFonts w:ascii="{song}" w:hAnsi="{song}" w:eastAsia="{song}" w:hint="eastAsia"/><w:sz w:val="{SIZE_4}"/><w:szCs w:val="{SIZE_4}"/></w:rPr>"#
    );
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="{W}"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/>{indent}<w:jc w:val="{jc}"/></w:pPr><w:r>{rpr}<w:t xml:space="preserve">— </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r>{rpr}<w:t>1</w:t></w:r></w:fldSimple><w:r>{rpr}<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>"#
    )
}

/// The width of the 版心 (156 mm), in twips: where a right tab stop sits.
const TEXT_WIDTH: u32 = 8844;
/// The red of the 发文机关标志 and the rule under the 发文字号.
const RED: &str = "FF0000";
/// The top of the 发文机关标志 stands 35 mm below the top of the 版心.
const ISSUER_MARK_TOP: u32 = 1984;
/// The 发文机关标志's size, in half-points: GB/T 9704 leaves it to the issuer ("醒目、美观、庄重");
/// 26 pt fits a name of about 16 字 on one line.
const ISSUER_MARK_SIZE: u32 = 52;
/// The 发文机关标志's line: two grid lines, exactly and off the grid, so that the 版头's height
/// is the same whatever font sets the mark (a single line's height depends on the font).
const ISSUER_MARK_LINE: u32 = 2 * LINE_PITCH;
/// The 版心's height, 225 mm.
const TEXT_HEIGHT: u32 = 12756;

/// Grid lines of page 1 that a full 版头 of `fields` takes above the title, as the .docx sets
/// it: the 份号/密级/紧急程度 lines, the 发文机关标志 35 mm below the top of the 版心, two lines,
/// the 发文字号 with the red rule, then the two lines between the rule and the title. Text lines
/// snap to the grid, so a part of a line counts whole. What the figures reserve for a draft with
/// a full 版头, so its pages are the file's.
pub fn full_header_lines(fields: &DocFields) -> u32 {
    let flush_left = [&fields.copy_number, &fields.secrecy, &fields.urgency]
        .iter()
        .filter(|v| !v.trim().is_empty())
        .count() as u32
        * LINE_PITCH;
    let mark = if fields.issuer_mark.trim().is_empty() {
        flush_left
    } else {
        flush_left.max(ISSUER_MARK_TOP) + ISSUER_MARK_LINE
    };
    let number_and_rule = 3 * LINE_PITCH;
    let above_title = 2 * LINE_PITCH;
    let height = (mark + number_and_rule + above_title).min(TEXT_HEIGHT);
    height.div_ceil(LINE_PITCH)
}

/// The body: the 版头, every paragraph of the text set as its element, the 版记, then the page
/// setup.
pub(crate) fn document(text: &str, elements: &[Element], options: &DocxOptions) -> String {
    let fonts = options.fonts;
    let fields = &options.fields;
    let mut body = String::with_capacity(text.len() * 3);
    let title = elements
        .iter()
        .find(|e| e.kind == ElementKind::Title)
        .map_or("", |e| text[e.span.clone()].trim());
    // Space above the title: two lines under the red rule, or the blank 版头 of 红头纸.
    let above_title = match fields.header {
        HeaderMode::None => 0,
        HeaderMode::Full => {
            header(&mut body, fields, is_upward(title), fonts);
            2 * LINE_PITCH
        }
        HeaderMode::Space => options.reserved_lines * LINE_PITCH,
    };
    let date_chars = elements
        .iter()
        .find(|e| e.kind == ElementKind::Date)
        .map_or(0, |e| text[e.span.clone()].trim().chars().count());
    for (i, element) in elements.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| elements[p].kind);
        let next = elements.get(i + 1).map(|e| e.kind);
        let line = &text[element.span.clone()];
        let around = Around {
            previous,
            next,
            date_chars,
            space_before: if element.kind == ElementKind::Title {
                above_title
            } else {
                0
            },
        };
        paragraph(&mut body, line, element.kind, &around, fonts);
    }
    let has_record = elements
        .iter()
        .any(|e| matches!(e.kind, ElementKind::CopyTo | ElementKind::PrintedBy));
    if fields.has_record() && !has_record {
        record(&mut body, fields, fonts);
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:footerReference w:type="even" r:id="rId4"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="1304" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="{LINE_PITCH}"/></w:sectPr></w:body></w:document>"#
    )
}

/// How one paragraph is set.
struct Setting {
    /// `w:jc`.
    align: &'static str,
    /// `w:ind` attributes.
    indent: String,
    /// Space before and after, in twips (a blank line GB/T 9704 asks for without a paragraph of
    /// its own, so that the text read back is the text written).
    before: u32,
    after: u32,
    page_break_before: bool,
    /// Borders of the 版记 lines.
    borders: &'static str,
    size: u32,
    /// The face of the whole paragraph, and of its first `usize` bytes when those differ (a
    /// run-in heading).
    face: Face,
    lead: Option<(usize, Face)>,
}

fn first_line(zi: u32) -> String {
    format!(
        r#"w:firstLineChars="{}" w:firstLine="{}""#,
        zi * 100,
        zi * ZI_3
    )
}

/// Writes one paragraph.
/// What a paragraph's setting depends on besides itself.
#[derive(Clone, Copy)]
struct Around {
    previous: Option<ElementKind>,
    next: Option<ElementKind>,
    /// Characters of the 成文日期, over which the 署名 is centred.
    date_chars: usize,
    /// Space above the title: the 版头's.
    space_before: u32,
}

fn paragraph(out: &mut String, line: &str, kind: ElementKind, around: &Around, fonts: FontSet) {
    use ElementKind::*;
    let Around {
        previous,
        next,
        date_chars,
        space_before,
    } = *around;
    let body = Setting {
        indent: first_line(2),
        ..body_like()
    };
    let blank_before = previous.is_some_and(|p| p != Blank);
    let record = |top: bool| Setting {
        indent: format!(r#"w:left="{ZI_4}" w:right="{ZI_4}""#),
        size: SIZE_4,
        borders: if top {
            r#"<w:pBdr><w:top w:val="single" w:sz="8" w:space="1" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="1" w:color="000000"/></w:pBdr>"#
        } else {
            r#"<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="1" w:color="000000"/></w:pBdr>"#
        },
        ..body_like()
    };
    let setting = match kind {
        Title => Setting {
            align: "center",
            indent: String::new(),
            before: space_before,
            // One blank line between the title and what follows.
            after: if next.is_some_and(|n| n != Blank) {
                LINE_PITCH
            } else {
                0
            },
            size: SIZE_2,
            face: Face::XiaoBiaoSong,
            ..body
        },
        Addressee => Setting {
            indent: String::new(),
            ..body
        },
        Heading { level, run_in } => {
            let face = match level {
                1 => Face::HeiTi,
                2 => Face::KaiTi,
                _ => Face::FangSong,
            };
            match run_in {
                Some(end) => Setting {
                    lead: Some((end, face)),
                    ..body
                },
                None => Setting { face, ..body },
            }
        }
        AttachmentNote if line.trim_start().starts_with("附件") => Setting {
            // One blank line below the body.
            before: if blank_before { LINE_PITCH } else { 0 },
            ..body
        },
        // The names after the first line up under the first name, after "附件：".
        AttachmentNote => Setting {
            indent: format!(r#"w:leftChars="500" w:left="{}""#, 5 * ZI_3),
            ..body
        },
        Signature => {
            // Centred over the date, which stands four 字 from the right.
            let own = line.trim().chars().count();
            let offset = 4 * 2 + date_chars.saturating_sub(own);
            Setting {
                align: "right",
                indent: format!(r#"w:right="{}""#, offset as u32 * ZI_3 / 2),
                ..body
            }
        }
        Date => Setting {
            align: "right",
            indent: format!(r#"w:rightChars="400" w:right="{}""#, 4 * ZI_3),
            ..body
        },
        Remark => body,
        CopyTo => record(true),
        PrintedBy => record(previous != Some(CopyTo)),
        AttachmentStart => Setting {
            indent: String::new(),
            page_break_before: true,
            face: Face::HeiTi,
            ..body
        },
        Body | Blank => body,
    };
    out.push_str("<w:p><w:pPr>");
    if setting.page_break_before {
        out.push_str("<w:pageBreakBefore/>");
    }
    out.push_str(setting.borders);
    // A line larger than the body (the 2号 title) is taller than a grid line in a CJK font's
    // metrics, and LibreOffice snaps it to two; off the grid, its exact spacing holds it to one,
    // as Word sets it.
    if setting.size > SIZE_3 {
        out.push_str(r#"<w:snapToGrid w:val="0"/>"#);
    }
    if setting.before > 0 || setting.after > 0 {
        out.push_str(&format!(
            r#"<w:spacing w:before="{}" w:after="{}" w:line="{LINE_PITCH}" w:lineRule="exact"/>"#,
            setting.before, setting.after
        ));
    }
    if !setting.indent.is_empty() {
        out.push_str(&format!("<w:ind {}/>", setting.indent));
    }
    if setting.align != "both" {
        out.push_str(&format!(r#"<w:jc w:val="{}"/>"#, setting.align));
    }
    out.push_str(&format!(
        r#"<w:rPr>{}</w:rPr></w:pPr>"#,
        run_properties(fonts, setting.face, setting.size)
    ));
    match setting.lead {
        Some((end, face)) if line.is_char_boundary(end) => {
            run(out, &line[..end], fonts, face, setting.size, "");
            run(out, &line[end..], fonts, setting.face, setting.size, "");
        }
        _ => run(out, line, fonts, setting.face, setting.size, ""),
    }
    out.push_str("</w:p>");
}

/// A paragraph of its own: properties as XML, then runs of (text, face, size, extra run XML).
fn raw_paragraph(
    out: &mut String,
    properties: &str,
    runs: &[(&str, Face, u32, &str)],
    fonts: FontSet,
) {
    out.push_str(&format!("<w:p><w:pPr>{properties}</w:pPr>"));
    for (text, face, size, extra) in runs {
        run(out, text, fonts, *face, *size, extra);
    }
    out.push_str("</w:p>");
}

/// The 版头: 份号, 密级, 紧急程度 flush left in 3号黑体; the red 发文机关标志 centred, its top
/// 35 mm below the 版心's; two lines lower the 发文字号, centred, or one 字 in from the left with
/// the 签发人 one 字 from the right in an upward document; the red rule 4 mm under it.
fn header(out: &mut String, fields: &DocFields, upward: bool, fonts: FontSet) {
    let flush_left =
        format!(r#"<w:spacing w:line="{LINE_PITCH}" w:lineRule="exact"/><w:jc w:val="left"/>"#);
    let mut used = 0;
    for value in [&fields.copy_number, &fields.secrecy, &fields.urgency] {
        if !value.trim().is_empty() {
            raw_paragraph(
                out,
                &flush_left,
                &[(value.trim(), Face::HeiTi, SIZE_3, "")],
                fonts,
            );
            used += LINE_PITCH;
        }
    }
    if !fields.issuer_mark.trim().is_empty() {
        let before = ISSUER_MARK_TOP.saturating_sub(used);
        let red = format!(r#"<w:color w:val="{RED}"/>"#);
        raw_paragraph(
            out,
            &format!(
                r#"<w:snapToGrid w:val="0"/><w:spacing w:before="{before}" w:line="{ISSUER_MARK_LINE}" w:lineRule="exact"/><w:jc w:val="center"/>"#
            ),
            &[(
                fields.issuer_mark.trim(),
                Face::XiaoBiaoSong,
                ISSUER_MARK_SIZE,
                &red,
            )],
            fonts,
        );
    }
    // The red rule is the 发文字号 line's bottom border: as wide as the 版心, 4 mm (11 pt) below.
    let rule = format!(
        r#"<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="11" w:color="{RED}"/></w:pBdr><w:spacing w:before="{}" w:line="{LINE_PITCH}" w:lineRule="exact"/>"#,
        2 * LINE_PITCH
    );
    let number = fields.doc_number.trim();
    let signer = fields.signer.trim();
    if upward && !signer.is_empty() {
        let properties = format!(
            r#"{rule}<w:tabs><w:tab w:val="right" w:pos="{}"/></w:tabs><w:ind w:left="{ZI_3}"/><w:jc w:val="left"/>"#,
            TEXT_WIDTH - ZI_3
        );
        let number_tab = format!("{number}\t签发人：");
        raw_paragraph(
            out,
            &properties,
            &[
                (&number_tab, Face::FangSong, SIZE_3, ""),
                (signer, Face::KaiTi, SIZE_3, ""),
            ],
            fonts,
        );
    } else {
        let properties = format!(r#"{rule}<w:jc w:val="center"/>"#);
        raw_paragraph(
            out,
            &properties,
            &[(number, Face::FangSong, SIZE_3, "")],
            fonts,
        );
    }
}

/// The 版记 at the end: 抄送 and 印发机关 with 印发日期, in 4号仿宋 one 字 in, between rules (the
/// first and last heavier than the one between).
fn record(out: &mut String, fields: &DocFields, fonts: FontSet) {
    let indent = format!(r#"<w:ind w:left="{ZI_4}" w:right="{ZI_4}"/>"#);
    let spacing = format!(r#"<w:spacing w:line="{LINE_PITCH}" w:lineRule="exact"/>"#);
    let copy_to = fields.copy_to.trim().trim_end_matches('。');
    let printed = !(fields.printed_by.trim().is_empty() && fields.printed_date.trim().is_empty());
    let heavy = r#"w:val="single" w:sz="8" w:space="1" w:color="000000""#;
    let light = r#"w:val="single" w:sz="4" w:space="1" w:color="000000""#;
    if !copy_to.is_empty() {
        let bottom = if printed { light } else { heavy };
        let properties = format!(
            r#"<w:pBdr><w:top {heavy}/><w:bottom {bottom}/></w:pBdr>{spacing}{indent}<w:jc w:val="left"/>"#
        );
        let line = format!("抄送：{copy_to}。");
        raw_paragraph(
            out,
            &properties,
            &[(&line, Face::FangSong, SIZE_4, "")],
            fonts,
        );
    }
    if printed {
        let top = if copy_to.is_empty() {
            format!("<w:top {heavy}/>")
        } else {
            String::new()
        };
        let properties = format!(
            r#"<w:pBdr>{top}<w:bottom {heavy}/></w:pBdr>{spacing}<w:tabs><w:tab w:val="right" w:pos="{}"/></w:tabs>{indent}<w:jc w:val="left"/>"#,
            TEXT_WIDTH - 2 * ZI_4
        );
        let date = fields.printed_date.trim();
        let date = if date.is_empty() {
            String::new()
        } else {
            format!("{date}印发")
        };
        let line = format!("{}\t{date}", fields.printed_by.trim());
        raw_paragraph(
            out,
            &properties,
            &[(&line, Face::FangSong, SIZE_4, "")],
            fonts,
        );
    }
}

/// A body paragraph's setting, for the 版记 lines to start from.
fn body_like() -> Setting {
    Setting {
        align: "both",
        indent: String::new(),
        before: 0,
        after: 0,
        page_break_before: false,
        borders: "",
        size: SIZE_3,
        face: Face::FangSong,
        lead: None,
    }
}

/// A run's properties: its East Asian font named (punctuation included, or Word sets “”——……
/// in the Latin font), its size, and the −0.25 pt that fits 28 字 to a line.
fn run_properties(fonts: FontSet, face: Face, size: u32) -> String {
    let name = fonts.name(face);
    format!(
        r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{name}" w:hint="eastAsia"/><w:spacing w:val="{CHARACTER_SPACING}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>"#
    )
}

/// `text` as one run in `face` at `size` (`extra`: more run properties, such as a colour), a tab
/// as `w:tab`; nothing for empty text.
fn run(out: &mut String, text: &str, fonts: FontSet, face: Face, size: u32, extra: &str) {
    if text.is_empty() {
        return;
    }
    let rpr = run_properties(fonts, face, size);
    out.push_str(&format!("<w:r><w:rPr>{rpr}{extra}</w:rPr>"));
    for (i, piece) in text.split('\t').enumerate() {
        if i > 0 {
            out.push_str("<w:tab/>");
        }
        if !piece.is_empty() {
            out.push_str(&format!(
                r#"<w:t xml:space="preserve">{}</w:t>"#,
                escape(piece)
            ));
        }
    }
    out.push_str("</w:r>");
}

/// Text as XML character data; characters XML 1.0 cannot hold are left out.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\u{9}' | '\u{A}' | '\u{D}' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}
