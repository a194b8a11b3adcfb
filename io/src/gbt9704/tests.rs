//! The exported file, part by part: what GB/T 9704 asks of each element, read back from the
//! XML, and the text read back by the importer.

use super::*;
use jianwen_engine::elements::elements;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;

/// A 公文 with every element the body can have.
const SAMPLE: &str = "关于做好2026年防汛工作的通知\n各区人民政府，市政府各部门：\n为切实做好今年防汛工作，现将有关事项通知如下。\n一、压实责任\n（一）落实责任制。各区要在6月1日前完成排查。\n1.建立台账\n（1）每周更新一次“风险点”清单——不得遗漏……\n附件：1.防汛责任人名单\n2.风险点清单\n\n某市人民政府\n2026年5月10日\n（此件公开发布）";

fn export(text: &str, fonts: FontSet) -> Vec<u8> {
    gbt9704_docx(
        text,
        &elements(text),
        &DocxOptions {
            fonts,
            ..DocxOptions::default()
        },
    )
}

fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("no part {name}"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Each paragraph of `document.xml` as (its properties' XML, its runs as (properties, text)).
fn paragraphs(document: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut reader = Reader::from_str(document);
    let mut out: Vec<(String, Vec<(String, String)>)> = Vec::new();
    let (mut in_ppr, mut in_run, mut in_rpr, mut in_text) = (false, false, false, false);
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.name().0 == "w:p" => {
                out.push((String::new(), Vec::new()))
            }
            Event::Start(e) if e.name().0 == "w:pPr" => in_ppr = true,
            Event::End(e) if e.name().0 == "w:pPr" => in_ppr = false,
            Event::Start(e) if e.name().0 == "w:r" => {
                in_run = true;
                out.last_mut()
                    .unwrap()
                    .1
                    .push((String::new(), String::new()));
            }
            Event::End(e) if e.name().0 == "w:r" => in_run = false,
            Event::Start(e) if e.name().0 == "w:rPr" && in_run => in_rpr = true,
            Event::End(e) if e.name().0 == "w:rPr" => in_rpr = false,
            Event::Start(e) if e.name().0 == "w:t" => in_text = true,
            Event::End(e) if e.name().0 == "w:t" => in_text = false,
            Event::Text(t) if in_text => {
                let run = out.last_mut().unwrap().1.last_mut().unwrap();
                run.1.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if in_text => {
                let run = out.last_mut().unwrap().1.last_mut().unwrap();
                run.1
                    .push_str(quick_xml::escape::resolve_predefined_entity(&r).unwrap());
            }
            event @ (Event::Start(_) | Event::Empty(_)) => {
                let xml = match &event {
                    Event::Empty(e) => format!("<{}/>", &**e),
                    Event::Start(e) => format!("<{}>", &**e),
                    _ => unreachable!("matched above"),
                };
                if in_rpr {
                    out.last_mut()
                        .unwrap()
                        .1
                        .last_mut()
                        .unwrap()
                        .0
                        .push_str(&xml);
                } else if in_ppr {
                    out.last_mut().unwrap().0.push_str(&xml);
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn the_page_is_a4_with_the_standards_margins_on_a_22_line_grid() {
    let document = part(&export(SAMPLE, FontSet::Office), "word/document.xml");
    for want in [
        r#"<w:pgSz w:w="11906" w:h="16838"/>"#,
        r#"w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#,
        r#"<w:docGrid w:type="lines" w:linePitch="579"/>"#,
        r#"<w:footerReference w:type="default" r:id="rId3"/>"#,
        r#"<w:footerReference w:type="even" r:id="rId4"/>"#,
    ] {
        assert!(document.contains(want), "missing {want}");
    }
    let styles = part(&export(SAMPLE, FontSet::Office), "word/styles.xml");
    assert!(styles.contains(r#"<w:spacing w:line="579" w:lineRule="exact"/>"#));
    assert!(styles.contains(r#"w:eastAsia="仿宋_GB2312""#));
}

#[test]
fn every_element_has_the_font_size_and_placement_of_the_standard() {
    let document = part(&export(SAMPLE, FontSet::Office), "word/document.xml");
    let paragraphs = paragraphs(&document);
    let lines: Vec<&str> = SAMPLE.split('\n').collect();
    assert_eq!(paragraphs.len(), lines.len(), "one paragraph per line");
    let find = |start: &str| {
        let i = lines.iter().position(|l| l.starts_with(start)).unwrap();
        &paragraphs[i]
    };
    // (line, in its properties, the font of its first run, its size)
    let cases: &[(&str, &[&str], &str, &str)] = &[
        (
            "关于",
            &[
                r#"<w:jc w:val="center"/>"#,
                r#"w:after="579""#,
                // A 2号 line is kept to one grid line: LibreOffice snaps it to two otherwise.
                r#"<w:snapToGrid w:val="0"/>"#,
            ],
            "方正小标宋简体",
            "44",
        ),
        ("各区", &[], "仿宋_GB2312", "32"),
        (
            "为切实",
            &[r#"w:firstLineChars="200""#],
            "仿宋_GB2312",
            "32",
        ),
        ("一、", &[r#"w:firstLineChars="200""#], "黑体", "32"),
        (
            "（一）",
            &[r#"w:firstLineChars="200""#],
            "楷体_GB2312",
            "32",
        ),
        ("1.", &[r#"w:firstLineChars="200""#], "仿宋_GB2312", "32"),
        ("（1）", &[r#"w:firstLineChars="200""#], "仿宋_GB2312", "32"),
        (
            "附件：",
            &[r#"w:firstLineChars="200""#],
            "仿宋_GB2312",
            "32",
        ),
        ("2.风险", &[r#"w:leftChars="500""#], "仿宋_GB2312", "32"),
        ("某市", &[r#"<w:jc w:val="right"/>"#], "仿宋_GB2312", "32"),
        (
            "2026年5月",
            &[r#"<w:jc w:val="right"/>"#, r#"w:rightChars="400""#],
            "仿宋_GB2312",
            "32",
        ),
        (
            "（此件",
            &[r#"w:firstLineChars="200""#],
            "仿宋_GB2312",
            "32",
        ),
    ];
    for (start, properties, font, size) in cases {
        let (ppr, runs) = find(start);
        for want in *properties {
            assert!(ppr.contains(want), "{start}: {want} not in {ppr}");
        }
        assert!(
            runs[0].0.contains(&format!(r#"w:eastAsia="{font}""#)),
            "{start}: {}",
            runs[0].0
        );
        assert!(runs[0].0.contains(&format!(r#"<w:sz w:val="{size}"/>"#)));
    }
    // The addressee is flush left; the run-in heading's body text is back in 仿宋.
    assert!(!find("各区").0.contains("firstLine"));
    let (_, run_in) = find("（一）");
    assert_eq!(run_in.len(), 2);
    assert_eq!(run_in[0].1, "（一）落实责任制。");
    assert!(run_in[1].0.contains("仿宋_GB2312"));
}

#[test]
fn every_run_names_its_east_asian_font_and_nothing_is_bold() {
    for fonts in [FontSet::Office, FontSet::Windows] {
        let docx = export(SAMPLE, fonts);
        let document = part(&docx, "word/document.xml");
        for (_, runs) in paragraphs(&document) {
            for (rpr, text) in runs {
                assert!(
                    rpr.contains(r#"w:eastAsia=""#) && rpr.contains(r#"w:hint="eastAsia""#),
                    "{text:?}: {rpr}"
                );
                assert!(rpr.contains(r#"<w:spacing w:val="-5"/>"#), "{text:?}");
            }
        }
        assert!(!document.contains("<w:b/>") && !document.contains("<w:b "));
    }
    let windows = part(&export(SAMPLE, FontSet::Windows), "word/document.xml");
    for name in ["宋体", "仿宋", "楷体", "黑体"] {
        assert!(
            windows.contains(&format!(r#"w:eastAsia="{name}""#)),
            "{name}"
        );
    }
    assert!(!windows.contains("GB2312") && !windows.contains("方正"));
}

#[test]
fn page_numbers_are_page_fields_odd_right_even_left() {
    let docx = export(SAMPLE, FontSet::Office);
    assert!(part(&docx, "word/settings.xml").contains("<w:evenAndOddHeaders/>"));
    let cases = [
        (
            "word/footer1.xml",
            r#"<w:jc w:val="right"/>"#,
            r#"<w:ind w:right="280"/>"#,
        ),
        (
            "word/footer2.xml",
            r#"<w:jc w:val="left"/>"#,
            r#"<w:ind w:left="280"/>"#,
        ),
    ];
    for (name, align, indent) in cases {
        let footer = part(&docx, name);
        assert!(
            footer.contains(r#"<w:fldSimple w:instr=" PAGE ">"#),
            "{name}"
        );
        assert!(footer.contains(align) && footer.contains(indent), "{name}");
        assert!(footer.contains("— ") && footer.contains(" —"), "{name}");
        assert!(
            footer.contains(r#"w:eastAsia="宋体""#) && footer.contains(r#"<w:sz w:val="28"/>"#)
        );
    }
    let types = part(&docx, "[Content_Types].xml");
    for part_name in [
        "/word/document.xml",
        "/word/footer1.xml",
        "/word/footer2.xml",
    ] {
        assert!(types.contains(part_name), "{part_name}");
    }
}

#[test]
fn the_record_lines_and_an_attachment_are_set_apart() {
    let text = "标题\n正文。\n某局\n2026年3月5日\n抄送：市委办公室。\n某局办公室 2026年3月6日印发\n附件1\n名单";
    let document = part(&export(text, FontSet::Office), "word/document.xml");
    let paragraphs = paragraphs(&document);
    let (copy_to, runs) = &paragraphs[4];
    assert!(copy_to.contains("<w:pBdr>") && copy_to.contains("<w:top "));
    assert!(runs[0].0.contains(r#"<w:sz w:val="28"/>"#), "4号");
    assert!(paragraphs[5].0.contains("<w:bottom "));
    assert!(paragraphs[6].0.contains("<w:pageBreakBefore/>"));
    assert!(paragraphs[6].1[0].0.contains("黑体"));
}

#[test]
fn the_file_reads_back_as_the_same_text() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../engine/tests/fixtures/corpus"
    );
    let mut texts: Vec<String> = vec![
        SAMPLE.to_owned(),
        String::new(),
        "标题\n\t缩进与<尖括号>&“引号”\n𠮷😀".to_owned(),
    ];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            texts.push(std::fs::read_to_string(path).unwrap());
        }
    }
    assert!(texts.len() > 20);
    for text in texts {
        let docx = export(&text, FontSet::Office);
        let back = crate::docx_to_text(&docx).unwrap();
        let want = text.trim_end_matches('\n');
        assert_eq!(
            back.trim_end_matches('\n'),
            want,
            "{}",
            text.lines().next().unwrap_or("")
        );
    }
}

/// The document of `text` with these fields.
fn with_fields(text: &str, fields: DocFields) -> String {
    let options = DocxOptions {
        fields,
        reserved_lines: 13,
        ..DocxOptions::default()
    };
    part(
        &gbt9704_docx(text, &elements(text), &options),
        "word/document.xml",
    )
}

#[test]
fn the_header_and_the_record_are_there_exactly_when_set() {
    use crate::HeaderMode;
    let notice = "关于做好防汛工作的通知\n各区人民政府：\n正文。";
    let full = DocFields {
        header: HeaderMode::Full,
        copy_number: "000123".into(),
        secrecy: "机密★1年".into(),
        urgency: "特急".into(),
        issuer_mark: "某市人民政府文件".into(),
        doc_number: "某政发〔2026〕3号".into(),
        ..DocFields::default()
    };
    let plain = with_fields(notice, DocFields::default());
    assert!(
        !plain.contains("FF0000") && !plain.contains("抄送"),
        "no 版头, no 版记"
    );
    let headed = with_fields(notice, full.clone());
    let lines = paragraphs(&headed);
    let texts: Vec<String> = lines
        .iter()
        .map(|(_, runs)| runs.iter().map(|r| r.1.as_str()).collect())
        .collect();
    assert_eq!(
        texts[..6],
        [
            "000123",
            "机密★1年",
            "特急",
            "某市人民政府文件",
            "某政发〔2026〕3号",
            "关于做好防汛工作的通知"
        ]
    );
    assert!(lines[1].1[0].0.contains("黑体"), "密级 in 黑体");
    assert!(
        lines[3].1[0].0.contains(r#"<w:color w:val="FF0000"/>"#),
        "the mark is red"
    );
    assert!(lines[3].0.contains(r#"<w:jc w:val="center"/>"#));
    assert!(lines[4].0.contains(r#"w:color="FF0000""#), "the red rule");
    assert!(lines[4].0.contains(r#"<w:jc w:val="center"/>"#));
    assert!(
        lines[5].0.contains(r#"w:before="1158""#),
        "two lines under the rule"
    );
    // The text read back is still the draft: the 版头 is no paragraph of the text.
    let options = DocxOptions {
        fields: full.clone(),
        ..DocxOptions::default()
    };
    let docx = gbt9704_docx(notice, &elements(notice), &options);
    let back = crate::docx_to_text(&docx).unwrap();
    assert!(back.ends_with(notice));

    // An upward document: 发文字号 left, 签发人 right, the name in 楷体.
    let request = "关于申请防汛资金的请示\n市人民政府：\n正文。";
    let signed = DocFields {
        signer: "张三".into(),
        ..full.clone()
    };
    let upward = paragraphs(&with_fields(request, signed));
    let line = &upward[4];
    assert!(
        line.0.contains(r#"<w:tab w:val="right""#) && line.0.contains(r#"<w:jc w:val="left"/>"#)
    );
    assert_eq!(line.1[1].1, "张三");
    assert!(line.1[1].0.contains("楷体_GB2312"));

    // The space of pre-printed paper: the title 13 lines down, nothing printed above it.
    let space = with_fields(
        notice,
        DocFields {
            header: HeaderMode::Space,
            ..full
        },
    );
    assert!(!space.contains("FF0000") && !space.contains("某市人民政府文件"));
    assert!(paragraphs(&space)[0]
        .0
        .contains(&format!(r#"w:before="{}""#, 13 * 579)));

    // The 版记, from the fields, at the end between rules.
    let recorded = with_fields(
        notice,
        DocFields {
            copy_to: "市委办公室".into(),
            printed_by: "某市人民政府办公室".into(),
            printed_date: "2026年5月10日".into(),
            ..DocFields::default()
        },
    );
    let all = paragraphs(&recorded);
    let n = all.len();
    assert_eq!(all[n - 2].1[0].1, "抄送：市委办公室。");
    assert!(
        all[n - 2].0.contains("<w:top ") && all[n - 2].1[0].0.contains(r#"<w:sz w:val="28"/>"#)
    );
    assert_eq!(all[n - 1].1[0].1, "某市人民政府办公室2026年5月10日印发");
    assert!(all[n - 1].0.contains("<w:bottom "));
}

#[test]
fn a_full_header_takes_the_lines_its_fields_make() {
    use crate::full_header_lines;
    let mark = DocFields {
        issuer_mark: "某市人民政府文件".into(),
        ..DocFields::default()
    };
    // (fields, lines): 35 mm to the mark, its two lines, the 发文字号 line two lines lower with
    // the rule, two lines to the title; 份号, 密级 and 紧急程度 stand inside the 35 mm.
    let cases = [
        (mark.clone(), 11),
        (
            DocFields {
                copy_number: "000123".into(),
                secrecy: "机密★1年".into(),
                urgency: "特急".into(),
                ..mark.clone()
            },
            11,
        ),
        // No mark: the three lines, then the 发文字号 and the rule, then two lines.
        (
            DocFields {
                secrecy: "秘密".into(),
                ..DocFields::default()
            },
            6,
        ),
        (DocFields::default(), 5),
    ];
    for (fields, lines) in cases {
        assert_eq!(full_header_lines(&fields), lines, "{fields:?}");
    }
    // The mark's height does not depend on its font: exact, off the grid.
    let document = with_fields(
        "关于做好防汛工作的通知\n正文。",
        DocFields {
            header: crate::HeaderMode::Full,
            ..mark
        },
    );
    let at = document.find("某市人民政府文件").unwrap();
    let paragraph = &document[document[..at].rfind("<w:p>").unwrap()..at];
    assert!(
        paragraph.contains(r#"<w:snapToGrid w:val="0"/>"#)
            && paragraph.contains(r#"w:line="1158" w:lineRule="exact""#),
        "{paragraph}"
    );
}
