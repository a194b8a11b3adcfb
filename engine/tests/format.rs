//! 公文 format checks, rule by rule. Each row of a table is a text, the texts the rule must flag
//! in it, and the text after "全部修正" of that rule; a row without flags is a negative case.
//! Then the fix machinery, the settings, and the corpus.

mod support;

use jianwen_engine::chars::is_hanzi;
use jianwen_engine::counting::count;
use jianwen_engine::format::{
    apply_fixes, apply_rule_fixes, check, rule_by_id, Edit, Fix, FormatSettings,
    LONG_SENTENCE_CHARS, RULES,
};
use jianwen_engine::{analyze, Settings};
use std::collections::BTreeSet;
use support::{corpus_text, expected_documents};

struct Case {
    text: &'static str,
    flagged: &'static [&'static str],
    fixed: &'static str,
}

/// `t!(text, [flagged…], fixed)`; without `fixed`, the rule offers no fix and the text stays.
macro_rules! t {
    ($text:expr, [$($flag:expr),* $(,)?], $fixed:expr) => {
        Case { text: $text, flagged: &[$($flag),*], fixed: $fixed }
    };
    ($text:expr, [$($flag:expr),* $(,)?]) => {
        Case { text: $text, flagged: &[$($flag),*], fixed: $text }
    };
}

/// Settings with every rule but `rule` switched off.
fn only(rule: &str) -> FormatSettings {
    FormatSettings {
        disabled: RULES
            .iter()
            .filter(|r| r.id != rule)
            .map(|r| r.id.to_string())
            .collect(),
        ..FormatSettings::default()
    }
}

#[track_caller]
fn run(rule: &str, cases: &[Case]) {
    let meta = rule_by_id(rule).expect("a known rule");
    for case in cases {
        let findings = check(case.text, &only(rule));
        let flagged: Vec<&str> = findings
            .iter()
            .map(|f| &case.text[f.span.clone()])
            .collect();
        assert_eq!(flagged, case.flagged, "{rule} flags in {:?}", case.text);
        for f in &findings {
            assert_eq!((f.rule, f.severity), (rule, meta.severity));
            assert!(
                f.message.chars().any(is_hanzi),
                "{rule}: message in Chinese"
            );
            for e in f.fix.iter().flat_map(|fix| &fix.edits) {
                let inside = f.span.start <= e.span.start && e.span.end <= f.span.end;
                assert!(inside, "{rule}: edit {:?} outside {:?}", e.span, f.span);
            }
        }
        let (fixed, _) = apply_rule_fixes(case.text, &findings, rule);
        assert_eq!(fixed, case.fixed, "{rule} fixes {:?}", case.text);
    }
}

#[test]
fn numbering_mark() {
    run(
        "format.numbering.mark",
        &[
            t!("一.总体要求", ["一."], "一、总体要求"),
            t!("一，总体要求", ["一，"], "一、总体要求"),
            t!("十一:其他事项", ["十一:"], "十一、其他事项"),
            t!("（一）、工作目标", ["（一）、"], "（一）工作目标"),
            t!("(一)工作目标", ["(一)"], "（一）工作目标"),
            t!("（一)工作目标", ["（一)"], "（一）工作目标"),
            t!("一）工作目标", ["一）"], "（一）工作目标"),
            t!("1、加强领导", ["1、"], "1.加强领导"),
            t!("1．加强领导", ["1．"], "1.加强领导"),
            t!("12，加强领导", ["12，"], "12.加强领导"),
            t!("(1)明确责任", ["(1)"], "（1）明确责任"),
            t!("1)明确责任", ["1)"], "（1）明确责任"),
            t!("（1）、明确责任", ["（1）、"], "（1）明确责任"),
            t!("　　二.要求", ["二."], "　　二、要求"),
            t!(
                "一、总则\n(一)范围\n1、对象\n(1)定义",
                ["(一)", "1、", "(1)"],
                "一、总则\n（一）范围\n1.对象\n（1）定义"
            ),
            // Right, or no heading at all.
            t!("一、总体要求", []),
            t!("（一）工作目标", []),
            t!("1.加强领导", []),
            t!("1. 加强领导", []),
            t!("（1）明确责任", []),
            t!("3.14亿元已拨付。", []),
            t!("2019年工作总结", []),
            t!("100.以上为合计", []),
            t!("一要提高认识", []),
            t!("十分重要。", []),
            t!("1,000元已到账。", []),
            t!("1:500比例尺", []),
            t!("附件：1、关于甲的通知\n2、关于乙的通知", []),
        ],
    );
}

#[test]
fn numbering_sequence() {
    run(
        "format.numbering.sequence",
        &[
            t!("一、甲\n二、乙\n四、丁", ["四、"]),
            t!("一、甲\n二、乙\n二、丙", ["二、"]),
            t!("（一）甲\n（一）乙", ["（一）"]),
            t!("一、甲\n（二）乙", ["（二）"]),
            t!("二、乙", ["二、"]),
            t!("一、甲\n（一）a\n（二）b\n（三）c\n（二）d", ["（二）"]),
            t!("1.甲\n2.乙\n1.丙", ["1."]),
            t!("(一)甲\n(三)丙", ["(三)"]),
            // Right: numbers restart under each parent, and in each attachment.
            t!(
                "一、甲\n（一）a\n（二）b\n二、乙\n（一）c\n1.x\n2.y\n（二）d\n1.z",
                []
            ),
            t!("一、甲\n二、乙\n附件1\n一、丙\n二、丁", []),
            t!("一、甲\n1.a\n2.b\n二、乙\n3.c", []),
            t!("（一）a\n（二）b\n（三）c", []),
        ],
    );
}

#[test]
fn numbering_restart() {
    run(
        "format.numbering.restart",
        &[
            t!("一、甲\n1.a\n2.b\n二、乙\n3.c\n4.d", ["3."]),
            t!("一、甲\n（一）a\n（二）b\n二、乙\n（三）c", ["（三）"]),
            t!(
                "（一）甲\n1.a\n（二）乙\n2.b\n3.c\n（三）丙\n4.d",
                ["2.", "4."]
            ),
            t!("一、甲\n1.a\n2.b\n二、乙\n1.c", []),
            t!("一、甲\n1.a\n二、乙\n3.c", []),
        ],
    );
}

#[test]
fn numbering_level() {
    run(
        "format.numbering.level",
        &[
            t!("一、甲\n（一）a\n1.x\n二、乙\n1.y", ["1."]),
            t!("（一）a\n一、甲", ["（一）"]),
            t!("（一）a\n1.x\n（1）p\n（二）b\n（1）q", ["（1）"]),
            // Leaving a level out is accepted when the document never uses it.
            t!("（一）a\n（二）b", []),
            t!("一、甲\n1.a\n二、乙\n1.b", []),
            t!("一、甲\n（一）a\n1.x\n（1）p", []),
        ],
    );
}

#[test]
fn docnum_bracket() {
    run(
        "format.docnum.bracket",
        &[
            t!("国办发[2019]7号", ["[2019]"], "国办发〔2019〕7号"),
            t!("国办发(2019)7号", ["(2019)"], "国办发〔2019〕7号"),
            t!("国办发【2019】7号", ["【2019】"], "国办发〔2019〕7号"),
            t!("国办发（2019）7号", ["（2019）"], "国办发〔2019〕7号"),
            t!("国办发［2019］7号", ["［2019］"], "国办发〔2019〕7号"),
            t!("国办发﹝2019﹞7号", ["﹝2019﹞"], "国办发〔2019〕7号"),
            t!("国办发〔2019]7号", ["〔2019]"], "国办发〔2019〕7号"),
            t!(
                "根据《通知》(民办发[2019]7号)要求",
                ["[2019]"],
                "根据《通知》(民办发〔2019〕7号)要求"
            ),
            t!("国办发〔2019〕7号", []),
            t!("国务院令第644号", []),
            t!("（2019）京01民初1号", []),
            t!("2019年(第7号)", []),
        ],
    );
}

#[test]
fn docnum_year() {
    run(
        "format.docnum.year",
        &[
            t!("国办发〔19〕7号", ["19"]),
            t!("国办发[19]7号", ["19"]),
            t!("国办发〔2019〕7号", []),
        ],
    );
}

#[test]
fn docnum_serial() {
    run(
        "format.docnum.serial",
        &[
            t!("国办发〔2019〕07号", ["07"], "国办发〔2019〕7号"),
            t!("国办发〔2019〕第7号", ["第7"], "国办发〔2019〕7号"),
            t!("国办发〔2019〕第007号", ["第007"], "国办发〔2019〕7号"),
            t!("国办发〔2019〕10号", []),
            t!("国办发〔2019〕7号", []),
        ],
    );
}

#[test]
fn date_zero() {
    run(
        "format.date.zero",
        &[
            t!("2019年02月05日", ["2019年02月05日"], "2019年2月5日"),
            t!("2019年2月05日印发", ["2019年2月05日"], "2019年2月5日印发"),
            t!("于02月15日召开", ["02月15日"], "于2月15日召开"),
            t!("2019年10月10日", []),
            t!("2019年3月", []),
            t!("12019年02月", []),
            t!("二〇一九年三月五日", []),
        ],
    );
}

#[test]
fn date_year() {
    run(
        "format.date.year",
        &[
            t!("19年3月完成", ["19年"]),
            t!("19年底完成", ["19年"]),
            t!("19年度预算", ["19年"]),
            t!("工作了19年", []),
            t!("近19年来", []),
            t!("2019年3月", []),
            t!("2019年底", []),
        ],
    );
}

#[test]
fn date_mixed() {
    run(
        "format.date.mixed",
        &[
            t!("二〇一九年3月", ["二〇一九年3月"]),
            t!("2019年三月五日", ["2019年三月五日"]),
            t!("2019年3月五日", ["2019年3月五日"]),
            t!("2019年3月5日", []),
            t!("二〇一九年三月", []),
            t!("三月", []),
        ],
    );
}

#[test]
fn date_numerals() {
    run(
        "format.date.numerals",
        &[
            t!("二〇一九年三月五日", ["二〇一九年三月五日"]),
            t!("二○○三年七月十八日", ["二○○三年七月十八日"]),
            t!("二〇二四年十二月三十一日", ["二〇二四年十二月三十一日"]),
            t!("正月初五", []),
            t!("三月份", []),
            t!("2019年3月5日", []),
        ],
    );
}

#[test]
fn date_messages_give_the_arabic_form() {
    let text = "二〇二四年十二月三十一日，二〇一九年3月";
    let messages: Vec<String> = check(text, &FormatSettings::default())
        .into_iter()
        .map(|f| f.message)
        .collect();
    assert!(messages[0].contains("2024年12月31日"), "{messages:?}");
    assert!(messages[1].contains("2019年3月"), "{messages:?}");
}

#[test]
fn punct_halfwidth() {
    run(
        "format.punct.halfwidth",
        &[
            t!("工作,要求", [","], "工作，要求"),
            t!("方案.下一步", ["."], "方案。下一步"),
            t!("制定如下方案.", ["."], "制定如下方案。"),
            t!("见“通知”.", ["."], "见“通知”。"),
            t!("通知如下:", [":"], "通知如下："),
            t!("中文;中文", [";"], "中文；中文"),
            t!("是否可行?可行!", ["?", "!"], "是否可行？可行！"),
            t!(
                "国内生产总值(GDP)增长",
                ["(", ")"],
                "国内生产总值（GDP）增长"
            ),
            t!("各市、县(市、区)党委", ["(", ")"], "各市、县（市、区）党委"),
            t!("“四个意识”,践行", [","], "“四个意识”，践行"),
            t!("工作, 要求", [", "], "工作，要求"),
            t!("工作 , 要求", [" , "], "工作，要求"),
            t!("GDP,增长", [","], "GDP，增长"),
            t!("时间:10:30", [":"], "时间：10:30"),
            t!("联系jianwen@gov.cn,电话", [","], "联系jianwen@gov.cn，电话"),
            t!("网址www.gov.cn,请访问", [","], "网址www.gov.cn，请访问"),
            t!("文件(见附件)。", ["(", ")"], "文件（见附件）。"),
            // Numbers, item numbers, URLs, e-mail, English, 文号, headings: left alone.
            t!("圆周率约为3.14。", []),
            t!("1.加强领导", []),
            t!("www.gov.cn", []),
            t!("访问https://www.gov.cn/a,b?c=1:2查询", []),
            t!("邮箱admin@gov.cn。", []),
            t!("Hello, world. This is English (really)!", []),
            t!("1,000元", []),
            t!("比例1:500", []),
            t!("国办发(2019)7号", []),
            t!("(一)工作目标", []),
            t!("e.g.", []),
            t!("文件.docx", []),
            t!("工作,,要求", []),
        ],
    );
}

#[test]
fn punct_pair() {
    run(
        "format.punct.pair",
        &[
            t!("“意见」", ["」"]),
            t!("（一段话】", ["】"]),
            t!("《通知", ["《"]),
            t!("通知》", ["》"]),
            t!("（“交叉）”", ["）"]),
            t!("“第一段", ["“"]),
            t!("“第一段\n“第二段”", []),
            t!("“意见”", []),
            t!("《关于（试行）的通知》", []),
            t!("It don’t matter", []),
            t!("（GDP)", []),
            t!("国办发〔2019]7号", []),
            t!("(一)范围", []),
        ],
    );
}

#[test]
fn punct_repeat() {
    run(
        "format.punct.repeat",
        &[
            t!("要求，，各单位", ["，，"], "要求，各单位"),
            t!("好！！", ["！！"], "好！"),
            t!("是吗？？", ["？？"], "是吗？"),
            t!("结束。。", ["。。"], "结束。"),
            t!("工作,,要求", [",,"], "工作，要求"),
            t!("甲、、乙", ["、、"], "甲、乙"),
            t!("真的吗？！", []),
            t!("Wow!!", []),
            t!("结束。。。", []),
        ],
    );
}

#[test]
fn punct_ellipsis() {
    run(
        "format.punct.ellipsis",
        &[
            t!("等等...", ["..."], "等等……"),
            t!("等等......", ["......"], "等等……"),
            t!("等等。。。", ["。。。"], "等等……"),
            t!("等等…", ["…"], "等等……"),
            t!("等等………", ["………"]),
            t!("甲..乙", [".."]),
            t!("等等……", []),
            t!("等等…………", []),
            t!("Wait...", []),
            t!("版本1.2.3", []),
        ],
    );
}

#[test]
fn punct_dash() {
    run(
        "format.punct.dash",
        &[
            t!("会议--部署", ["--"], "会议——部署"),
            t!("会议－－部署", ["－－"], "会议——部署"),
            t!("会议—部署", ["—"]),
            t!("会议———部署", ["———"]),
            t!("会议——部署", []),
            t!("会议――部署", []),
            t!("2019年4月—5月", []),
            t!("— 1 —", []),
            t!("word—word", []),
            t!("30%-50%", []),
        ],
    );
}

#[test]
fn punct_space() {
    run(
        "format.punct.space",
        &[
            t!("工作 要求，", [" "], "工作要求，"),
            t!("加强　领导，", ["　"], "加强领导，"),
            t!("工作  要求。", ["  "], "工作要求。"),
            t!("出席：张  三、李  四。", []),
            t!("河北省人民政府省长 王正谱", []),
            t!("一、 总体要求，", []),
            t!("使用 GDP 指标，", []),
            t!("　　正文首行缩进。", []),
        ],
    );
}

#[test]
fn word_repeat() {
    run(
        "format.word.repeat",
        &[
            t!("研究的的问题", ["的的"], "研究的问题"),
            t!("完成了了任务", ["了了"], "完成了任务"),
            t!("甲和和乙", ["和和"], "甲和乙"),
            t!("加强加强管理", ["加强加强"]),
            t!("达到目的的手段", []),
            t!("为了了解情况", []),
            t!("的的确确", []),
            t!("和和美美", []),
            t!("不甚了了", []),
            t!("温和和善意", []),
            t!("层层把关", []),
            t!("扎扎实实", []),
            t!("实实在在", []),
            t!("一个一个", []),
            t!("是不是不想干", []),
        ],
    );
}

#[test]
fn sentence_long() {
    let long = "字".repeat(LONG_SENTENCE_CHARS + 1);
    let short = "字".repeat(LONG_SENTENCE_CHARS);
    let rule = "format.sentence.long";
    for (text, flagged) in [
        (format!("{long}。"), true),
        (format!("{short}。"), false),
        (format!("{short}；{short}。"), false),
        (format!("　　{long}"), true),
    ] {
        let findings = check(&text, &only(rule));
        assert_eq!(findings.len(), usize::from(flagged), "{text}");
        if let Some(f) = findings.first() {
            assert_eq!(&text[f.span.clone()], text.trim_start_matches('　'));
            assert!(f.fix.is_none());
        }
    }
    let settings = FormatSettings {
        long_sentence_chars: 10,
        ..only(rule)
    };
    assert_eq!(check("一二三四五六七八九十。", &settings).len(), 0);
    assert_eq!(check("一二三四五六七八九十十一。", &settings).len(), 1);
}

#[test]
fn attachment_number() {
    run(
        "format.attachment.number",
        &[
            t!(
                "附件：1、关于甲的通知\n2、关于乙的通知",
                ["1、", "2、"],
                "附件：1.关于甲的通知\n2.关于乙的通知"
            ),
            t!(
                "附件:（1）甲\n（2）乙",
                ["（1）", "（2）"],
                "附件:1.甲\n2.乙"
            ),
            t!("附件：1.关于甲的通知", ["1."], "附件：关于甲的通知"),
            t!(
                "附件：关于甲的通知\n2.关于乙的通知",
                ["关于甲的通知"],
                "附件：1.关于甲的通知\n2.关于乙的通知"
            ),
            t!("附件：1.甲\n3.乙", ["3."]),
            t!("附件：1.关于甲的通知\n2.关于乙的通知", []),
            t!("附件：关于甲的通知", []),
            t!("　　附件：1.甲\n　　　　　2.乙", []),
        ],
    );
}

#[test]
fn attachment_punct() {
    run(
        "format.attachment.punct",
        &[
            t!("附件：关于甲的通知。", ["。"], "附件：关于甲的通知"),
            t!(
                "附件：1.甲方案；\n2.乙方案.",
                ["；", "."],
                "附件：1.甲方案\n2.乙方案"
            ),
            t!("附件：关于印发《办法》的通知", []),
            t!("附件：实施方案（试行）", []),
        ],
    );
}

#[test]
fn addressee_colon() {
    run(
        "format.addressee.colon",
        &[
            t!(
                "关于甲的通知\n各区县人民政府，\n为做好工作，现通知如下。",
                ["各区县人民政府，"],
                "关于甲的通知\n各区县人民政府：\n为做好工作，现通知如下。"
            ),
            t!(
                "关于甲的通知\n国办发〔2019〕7号\n各省、自治区、直辖市人民政府\n现将有关事项通知如下。",
                ["各省、自治区、直辖市人民政府"],
                "关于甲的通知\n国办发〔2019〕7号\n各省、自治区、直辖市人民政府：\n现将有关事项通知如下。"
            ),
            t!("关于甲的通知\n各区县人民政府：\n正文。", []),
            t!("关于甲的通知\n各区县人民政府:\n正文。", []),
            t!("关于甲的通知\n为做好工作，现通知如下。", []),
            t!("关于甲的通知\n一、总体要求", []),
            t!(
                "工作报告\n——2026年1月26日在会议上\n河北省人民政府省长 王正谱\n各位代表：\n现在报告。",
                []
            ),
        ],
    );
}

#[test]
fn rules_are_listed_once_with_a_chinese_name() {
    let ids: BTreeSet<&str> = RULES.iter().map(|r| r.id).collect();
    assert_eq!(ids.len(), RULES.len());
    for r in &RULES {
        assert!(r.id.starts_with("format."), "{}", r.id);
        assert!(r.name.chars().all(|c| !c.is_ascii()), "{}", r.name);
        assert!(!r.example.is_empty(), "{}", r.id);
        assert_eq!(rule_by_id(r.id).map(|x| x.id), Some(r.id));
        let json = serde_json::to_value(r.severity).expect("serialises");
        assert_eq!(json, r.severity.as_str());
    }
    assert!(rule_by_id("format.nope").is_none());
}

#[test]
fn disabled_rules_report_nothing() {
    let text = "工作,要求\n国办发[2019]07号";
    let all = check(text, &FormatSettings::default());
    assert_eq!(all.len(), 3);
    let mut settings = FormatSettings::default();
    settings.disabled.insert("format.punct.halfwidth".into());
    let rest: Vec<&str> = check(text, &settings).iter().map(|f| f.rule).collect();
    assert_eq!(rest, ["format.docnum.bracket", "format.docnum.serial"]);
}

#[test]
fn settings_round_trip_and_fill_defaults() {
    let settings: FormatSettings =
        serde_json::from_str(r#"{"disabled":["format.word.repeat"]}"#).expect("valid JSON");
    assert_eq!(settings.long_sentence_chars, LONG_SENTENCE_CHARS);
    assert!(!settings.is_enabled("format.word.repeat"));
    assert!(settings.is_enabled("format.punct.halfwidth"));
    let json = serde_json::to_string(&settings).expect("serialises");
    assert_eq!(
        serde_json::from_str::<FormatSettings>(&json).ok(),
        Some(settings)
    );
}

#[test]
fn analyze_reports_format_findings_under_its_settings() {
    let text = "关于甲的通知\n各单位,\n工作,要求。";
    let analysis = analyze(text, &Settings::default());
    let rules: Vec<&str> = analysis.format.iter().map(|f| f.rule).collect();
    assert_eq!(rules, ["format.addressee.colon", "format.punct.halfwidth"]);
    let mut settings = Settings::default();
    settings
        .format
        .disabled
        .insert("format.addressee.colon".into());
    assert_eq!(analyze(text, &settings).format.len(), 1);
}

fn fix(span: std::ops::Range<usize>, to: &str) -> Fix {
    Fix {
        edits: vec![Edit {
            span,
            replacement: to.to_string(),
        }],
    }
}

#[test]
fn apply_fixes_takes_only_what_fits() {
    let text = "工作,要求;"; // ',' at 6, ';' at 13
    let two = Fix {
        edits: vec![
            Edit {
                span: 6..7,
                replacement: "，".into(),
            },
            Edit {
                span: 13..14,
                replacement: "；".into(),
            },
        ],
    };
    let cases: &[(&[Fix], &str)] = &[
        (&[], text),
        (std::slice::from_ref(&two), "工作，要求；"),
        (&[fix(6..7, "，"), fix(6..7, "、")], "工作，要求;"),
        (&[fix(6..7, "，"), two.clone()], "工作，要求;"),
        (&[fix(0..0, "一、"), fix(0..0, "二、")], "一、工作,要求;"),
        (&[fix(0..3, ""), fix(3..6, "")], ",要求;"),
        // Stale fixes: past the end, or inside a character.
        (&[fix(13..20, "")], text),
        (&[fix(1..2, "")], text),
        (&[fix(std::ops::Range { start: 7, end: 6 }, "")], text),
    ];
    for (fixes, want) in cases {
        assert_eq!(apply_fixes(text, fixes), *want, "{fixes:?}");
    }
}

#[test]
fn fixes_never_panic_on_any_text() {
    const ALPHABET: &[char] = &[
        '一', '二', '、', '（', '）', '(', ')', '1', '0', '.', ',', '，', '。', '“', '”', '《',
        '》', '〔', '〕', '[', ']', '年', '月', '日', '号', '发', '附', '件', '：', ':', ' ', '　',
        '\n', '\r', '—', '-', '…', '的', '𠮷', 'a', '@', '/', '第', '各', '局', ';', '!', '?',
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..400 {
        let len = (seed % 40) as usize;
        let text: String = (0..len)
            .map(|_| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ALPHABET[(seed >> 33) as usize % ALPHABET.len()]
            })
            .collect();
        let findings = check(&text, &FormatSettings::default());
        for f in &findings {
            assert!(
                !f.span.is_empty() && text.is_char_boundary(f.span.start),
                "{text:?}"
            );
            assert!(text.is_char_boundary(f.span.end), "{text:?}");
        }
        let fixes: Vec<Fix> = findings.into_iter().filter_map(|f| f.fix).collect();
        apply_fixes(&text, &fixes);
    }
}

/// Whether a character is one of `marks` with 汉字 on both sides.
fn between_hanzi(text: &str, marks: &[char]) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    chars
        .windows(3)
        .filter(|w| is_hanzi(w[0].1) && marks.contains(&w[1].1) && is_hanzi(w[2].1))
        .map(|w| w[1].0)
        .collect()
}

#[test]
fn corpus_every_comma_between_hanzi_is_found_and_fixed() {
    let mut seeds = 0;
    for (name, _) in expected_documents() {
        let text = corpus_text(&name);
        let findings = check(&text, &FormatSettings::default());
        seeds += usize::from(name.starts_with("seed"));

        let commas = between_hanzi(&text, &[',']);
        assert!(
            !name.starts_with("seed") || commas.len() > 50,
            "{name}: {}",
            commas.len()
        );
        for at in commas {
            let found = findings
                .iter()
                .any(|f| f.span.contains(&at) && f.fix.is_some());
            assert!(found, "{name}: comma at {at} not found");
        }

        // "全部修正" of every punctuation rule, and of heading marks such as (一).
        let punctuation: Vec<Fix> = findings
            .iter()
            .filter(|f| f.rule.starts_with("format.punct.") || f.rule == "format.numbering.mark")
            .filter_map(|f| f.fix.clone())
            .collect();
        let fixed = apply_fixes(&text, &punctuation);
        assert!(
            count(&fixed).word_count >= count(&text).word_count,
            "{name}"
        );
        let left = between_hanzi(&fixed, &[',', '(', ')', ':', ';']);
        assert!(left.is_empty(), "{name}: ASCII marks left at {left:?}");
    }
    assert_eq!(seeds, 5);
}

#[test]
fn corpus_findings_are_sorted_and_fixes_never_overlap() {
    for (name, _) in expected_documents() {
        let text = corpus_text(&name);
        let findings = check(&text, &FormatSettings::default());
        assert!(
            findings
                .windows(2)
                .all(|w| w[0].span.start <= w[1].span.start),
            "{name}"
        );
        let fixes: Vec<Fix> = findings.iter().filter_map(|f| f.fix.clone()).collect();
        let mut edits: Vec<&Edit> = fixes.iter().flat_map(|f| &f.edits).collect();
        edits.sort_by_key(|e| e.span.start);
        for w in edits.windows(2) {
            assert!(
                w[0].span.end <= w[1].span.start,
                "{name}: {:?} {:?}",
                w[0],
                w[1]
            );
        }
        // Every fix applies, and a second check finds nothing left to fix but notes.
        let fixed = apply_fixes(&text, &fixes);
        let again = check(&fixed, &FormatSettings::default());
        let fixable: Vec<&str> = again
            .iter()
            .filter(|f| f.fix.is_some())
            .map(|f| &fixed[f.span.clone()])
            .collect();
        assert!(
            fixable.is_empty(),
            "{name}: still fixable after fixing: {fixable:?}"
        );
    }
}
