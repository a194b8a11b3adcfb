//! `.docx` import: a document made by LibreOffice, hand-built documents for each WordprocessingML
//! feature, and every kind of bad file.

use jianwen_io::{docx_to_text, import_file, Decoded, ImportError, MAX_IMPORT_BYTES};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::ZipWriter;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path)
        .unwrap_or_else(|e| panic!("fixture {path} is missing ({e}); see tests/fixtures/make.sh"))
}

/// The document LibreOffice made from `notice.fodt`, as the import must read it: the heading
/// numbered through its style, both list levels in Chinese, decimal numbers followed by a tab
/// (Word's default suffix), no bullet, the deletion gone and the insertion kept, the PAGE field's
/// result without its instruction.
const NOTICE: &str = "关于做好2024年防汛工作的通知
各区县人民政府，市政府各部门：
为切实做好今年防汛工作，现将有关事项通知如下：新增的文字
第一部分 总体安排
一、总体要求
（一）加强监测预警
（二）落实防汛责任
二、工作措施
（一）做好物资储备
第二部分 责任分工
单位
负责人
联系电话
市水务局
张三
李四
12345
1.\t值班表
2.\t联系人名单
项目符号不是正文
三、手写的序号留在文字中
姓名\t电话
第二行 & 符号 <标签>

第 1 页";

#[test]
fn libreoffice_document_reads_as_word_shows_it() {
    let text = docx_to_text(&fixture("notice.docx")).unwrap();
    assert_eq!(text, NOTICE);
}

#[test]
fn bad_files_are_refused_with_their_reason() {
    let oversized = vec![b'P'; MAX_IMPORT_BYTES + 1];
    let cases: Vec<(&str, Vec<u8>, ImportError)> = vec![
        (
            "Word 97-2003 .doc made by LibreOffice",
            fixture("notice.doc"),
            ImportError::LegacyFormat,
        ),
        (
            "encrypted OOXML: a compound file with EncryptionInfo",
            encrypted_compound_file(),
            ImportError::Encrypted,
        ),
        (
            "zip entries encrypted with a password",
            fixture("password-zip.docx"),
            ImportError::Encrypted,
        ),
        (
            "an .odt: a zip without word/document.xml",
            fixture("notice.odt"),
            ImportError::MissingDocument,
        ),
        (
            "an empty zip",
            b"PK\x05\x06".iter().copied().chain([0; 18]).collect(),
            ImportError::MissingDocument,
        ),
        (
            "first half of a .docx",
            fixture("truncated.docx"),
            ImportError::Corrupt,
        ),
        (
            "only a zip signature",
            b"PK\x03\x04".to_vec(),
            ImportError::Corrupt,
        ),
        (
            "zip bomb: 101 MB of XML in 100 KB",
            fixture("bomb.docx"),
            ImportError::ExpandsTooLarge,
        ),
        (
            "zip bomb whose headers claim 1 KB",
            fixture("bomb-lying.docx"),
            ImportError::Corrupt,
        ),
        (
            "plain text",
            "关于……的通知".as_bytes().to_vec(),
            ImportError::NotZip,
        ),
        ("empty file", Vec::new(), ImportError::NotZip),
        (
            "PDF given as .docx",
            b"%PDF-1.7\n".to_vec(),
            ImportError::NotZip,
        ),
        (
            "over 20 MB",
            oversized,
            ImportError::TooLarge {
                bytes: MAX_IMPORT_BYTES + 1,
            },
        ),
        (
            "document.xml not well-formed",
            docx(&[("word/document.xml", "<w:document><w:body></w:p>")]),
            ImportError::Corrupt,
        ),
        (
            "document.xml not UTF-8",
            docx_bytes(&[("word/document.xml", b"<a>\xB9\xAB</a>")]),
            ImportError::Corrupt,
        ),
    ];
    for (name, bytes, expected) in cases {
        assert_eq!(docx_to_text(&bytes), Err(expected), "{name}");
    }
}

#[test]
fn every_refusal_explains_itself_in_chinese() {
    for (error, expected) in [
        (
            ImportError::TooLarge {
                bytes: 25 * 1024 * 1024,
            },
            "文件大小为 25 MB，超过 20 MB 的上限，未导入。",
        ),
        (ImportError::Encrypted, "设置了打开密码"),
        (ImportError::LegacyFormat, "旧版 Word 文档（.doc）"),
        (ImportError::Corrupt, "已损坏或不完整"),
        (ImportError::ExpandsTooLarge, "解压后超过 100 MB"),
        (ImportError::MissingDocument, "缺少 word/document.xml"),
        (ImportError::NotZip, "不是有效的 .docx 文档"),
        (ImportError::UnsupportedZip, "不支持的压缩方式"),
        (ImportError::Pdf, "PDF"),
        (ImportError::Rtf, "RTF"),
        (ImportError::NotText, "不是可识别的文本文件"),
    ] {
        let message = error.to_string();
        assert!(message.contains(expected), "{error:?}: {message}");
        assert!(
            message.contains("未导入"),
            "{error:?} must say nothing was imported: {message}"
        );
    }
}

/// The first sector of an OLE compound file whose directory names an `EncryptionInfo` stream,
/// as Office writes a password-protected `.docx`.
fn encrypted_compound_file() -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    for name in ["Root Entry", "EncryptionInfo", "EncryptedPackage"] {
        let mut entry: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        entry.resize(128, 0);
        bytes.extend(entry);
    }
    bytes
}

#[test]
fn damaged_copies_never_panic() {
    let original = fixture("notice.docx");
    for cut in (0..original.len()).step_by(61) {
        let _ = docx_to_text(&original[..cut]);
    }
    for at in (0..original.len()).step_by(17) {
        let mut damaged = original.clone();
        damaged[at] ^= 0x5A;
        let _ = docx_to_text(&damaged);
    }
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A `.docx` holding these parts, deflated.
fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
    let parts: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(name, xml)| (*name, xml.as_bytes()))
        .collect();
    docx_bytes(&parts)
}

fn docx_bytes(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in parts {
        zip.start_file(*name, SimpleFileOptions::default()).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><w:body>{body}</w:body></w:document>"#
    )
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

/// A paragraph in list `num` at level `ilvl`.
fn item(num: u32, ilvl: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

/// A paragraph of style `style`.
fn styled(style: &str, text: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
}

/// Word's usual 公文 list: 一、 then （一） then 1. then （1）, no gap after the number, plus
/// lists 2 and 3 on the same definition (3 restarting level 0 at 1), list 4 of bullets and list 5
/// with legal numbering and a space after the number.
const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading1"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="0"/></w:tabs></w:pPr></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading2"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%3."/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="（%4）"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="space"/><w:lvlText w:val="第%1章"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:suff w:val="space"/><w:lvlText w:val="%1.%2"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"#;

/// Heading1 and Heading2 take list 1 from their style; Heading2 gets it through `w:basedOn`
/// and its level from the list's `w:pStyle`; the default paragraph style has no list.
const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/></w:style>
<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>
</w:styles>"#;

/// Reads `body` in a document with [`NUMBERING`] and [`STYLES`].
#[track_caller]
fn read(body: &str) -> String {
    let bytes = docx(&[
        ("word/document.xml", &document(body)),
        ("word/numbering.xml", NUMBERING),
        ("word/styles.xml", STYLES),
    ]);
    docx_to_text(&bytes).unwrap()
}

#[test]
fn text_of_runs_fields_changes_and_boxes() {
    let cases: &[(&str, String, &str)] = &[
        ("runs join; formatting is dropped", r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>国务院</w:t></w:r><w:r><w:t xml:space="preserve"> 办公厅</w:t></w:r></w:p>"#.into(), "国务院 办公厅"),
        ("empty paragraphs stay as blank lines", format!("{}<w:p/><w:p></w:p>{}", p("甲"), p("乙")), "甲\n\n\n乙"),
        ("tab in a run; tab stops in the properties are not text", r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>姓名</w:t><w:tab/><w:t>电话</w:t></w:r></w:p>"#.into(), "姓名\t电话"),
        ("line, page and carriage-return breaks start a new line", r#"<w:p><w:r><w:t>一</w:t><w:br/><w:t>二</w:t><w:br w:type="page"/><w:t>三</w:t><w:cr/><w:t>四</w:t></w:r></w:p>"#.into(), "一\n二\n三\n四"),
        ("entities and character references", "<w:p><w:r><w:t>A&amp;B &lt;C&gt; &quot;&apos; &#x4E00;&#20108;</w:t></w:r></w:p>".into(), "A&B <C> \"' 一二"),
        ("non-breaking hyphen", r#"<w:p><w:r><w:t>GB</w:t><w:noBreakHyphen/><w:t>T 9704</w:t></w:r></w:p>"#.into(), "GB-T 9704"),
        ("insertions kept, deletions dropped", r#"<w:p><w:r><w:t>现将</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>有关</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>具体</w:t></w:r></w:ins><w:r><w:t>事项</w:t></w:r></w:p>"#.into(), "现将具体事项"),
        ("moved text appears once, where it went", r#"<w:p><w:moveFrom w:id="1" w:author="a"><w:r><w:t>旧处</w:t></w:r></w:moveFrom><w:r><w:t>正文</w:t></w:r><w:moveTo w:id="2" w:author="a"><w:r><w:t>新处</w:t></w:r></w:moveTo></w:p>"#.into(), "正文新处"),
        ("complex field: instruction dropped, result kept", r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \@ "yyyy年M月d日" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2024年6月1日</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#.into(), "2024年6月1日"),
        ("simple field and hyperlink keep their text", r#"<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple><w:hyperlink r:id="rId1" xmlns:r="r"><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>"#.into(), "3链接"),
        ("text box: its paragraphs once, before the anchoring paragraph", r#"<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#.into(), "文本框\n正文"),
        ("a text box's tab stops are not text", r#"<w:p><w:r><w:t>正文</w:t><w:pict><w:txbxContent><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:pict><w:tab/><w:t>续</w:t></w:r></w:p>"#.into(), "框\n正文\t续"),
        ("table cells row by row, nested tables inside their cell", format!("<w:tbl><w:tr><w:tc>{}</w:tc><w:tc><w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc/></w:tr></w:tbl>", p("甲"), p("乙"), p("丙"), p("丁")), "甲\n乙\n丙\n丁"),
        ("text outside WordprocessingML is not read", r#"<w:p><w:r><w:t>面积</w:t></w:r><m:oMath><m:r><m:t>x</m:t></m:r></m:oMath></w:p>"#.into(), "面积"),
        ("content controls are transparent", format!("<w:sdt><w:sdtPr/><w:sdtContent>{}</w:sdtContent></w:sdt>", p("控件")), "控件"),
        ("no body at all", String::new(), ""),
    ];
    for (name, body, expected) in cases {
        assert_eq!(read(body), *expected, "{name}");
    }
}

#[test]
fn list_numbers_as_word_writes_them() {
    let cases: &[(&str, Vec<String>, &str)] = &[
        ("levels count and restart below", vec![item(1, 0, "总体要求"), item(1, 1, "目标"), item(1, 1, "原则"), item(1, 2, "细则"), item(1, 3, "条款"), item(1, 0, "主要任务"), item(1, 1, "任务")],
            "一、总体要求\n（一）目标\n（二）原则\n1.细则\n（1）条款\n二、主要任务\n（一）任务"),
        ("lists on one definition continue each other", vec![item(1, 0, "甲"), item(2, 0, "乙")], "一、甲\n二、乙"),
        ("a start override restarts once", vec![item(1, 0, "甲"), item(3, 0, "乙"), item(3, 0, "丙")], "一、甲\n一、乙\n二、丙"),
        ("bullets are not text", vec![item(4, 0, "要点")], "要点"),
        ("legal numbering and a space suffix", vec![item(5, 0, "总则"), item(5, 1, "目的"), item(5, 1, "依据")], "第一章 总则\n1.1 目的\n1.2 依据"),
        ("numId 0 takes a paragraph out of its list", vec![item(0, 0, "无编号")], "无编号"),
        ("unknown lists are ignored", vec![item(99, 0, "甲")], "甲"),
        ("a style's list, its level from the list's pStyle, through basedOn", vec![styled("Heading1", "总体要求"), styled("Heading2", "目标"), styled("Normal", "正文"), styled("Heading1", "保障措施")],
            "一、总体要求\n（一）目标\n正文\n二、保障措施"),
        ("a paragraph's own numPr beats its style's", vec![r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>总则</w:t></w:r></w:p>"#.into()], "第一章 总则"),
        ("numbering in a tracked property change is no longer in force", vec![r#"<w:p><w:pPr><w:pPrChange w:id="1" w:author="a"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>已取消编号</w:t></w:r></w:p>"#.into()], "已取消编号"),
        ("a level beyond 8 is no level", vec![item(1, 12, "甲")], "一、甲"),
    ];
    for (name, paragraphs, expected) in cases {
        assert_eq!(read(&paragraphs.concat()), *expected, "{name}");
    }
}

#[test]
fn damaged_numbering_loses_only_the_numbers() {
    let bytes = docx(&[
        ("word/document.xml", &document(&item(1, 0, "总体要求"))),
        ("word/numbering.xml", "<w:numbering><w:num></w:abstractNum>"),
    ]);
    assert_eq!(docx_to_text(&bytes).unwrap(), "总体要求");
}

#[test]
fn strict_ooxml_and_a_byte_order_mark_read_too() {
    let strict = r#"<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>严格格式</w:t></w:r></w:p></w:body></w:document>"#;
    let with_bom = format!("\u{FEFF}{}", document(&p("带标记")));
    for (xml, expected) in [(strict.to_string(), "严格格式"), (with_bom, "带标记")] {
        assert_eq!(
            docx_to_text(&docx(&[("word/document.xml", &xml)])).unwrap(),
            expected
        );
    }
}

#[test]
fn import_file_goes_by_content_not_name() {
    let cases: Vec<(&str, Vec<u8>, Result<Decoded, ImportError>)> = vec![
        (
            "a .docx",
            fixture("notice.docx"),
            Ok(Decoded::Text(NOTICE.into())),
        ),
        (
            "a .doc",
            fixture("notice.doc"),
            Err(ImportError::LegacyFormat),
        ),
        (
            "an encrypted .docx",
            encrypted_compound_file(),
            Err(ImportError::Encrypted),
        ),
        (
            "a PDF",
            b"%PDF-1.4\n%\xE2\xE3\xCF\xD3".to_vec(),
            Err(ImportError::Pdf),
        ),
        (
            "an RTF",
            br"{\rtf1\ansi\ansicpg936 \u20844?}".to_vec(),
            Err(ImportError::Rtf),
        ),
        (
            "a PNG",
            b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR".to_vec(),
            Err(ImportError::NotText),
        ),
        (
            "UTF-8 text",
            "一\r\n二".as_bytes().to_vec(),
            Ok(Decoded::Text("一\n二".into())),
        ),
        (
            "over 20 MB",
            vec![b'a'; MAX_IMPORT_BYTES + 1],
            Err(ImportError::TooLarge {
                bytes: MAX_IMPORT_BYTES + 1,
            }),
        ),
    ];
    for (name, bytes, expected) in cases {
        assert_eq!(import_file(&bytes), expected, "{name}");
    }
}
