//! 穿靴戴帽/套话 detection: the matcher, position and density logic, the adverb budget and the
//! user's own rules, table by table.

mod support;

use jianwen_engine::counting::count;
use jianwen_engine::phrases::{
    builtin_rules, find, Category, CustomRule, PatternProblem, RuleConfig, RuleError, RuleSet,
    Severity, ADVERBS_PER_THOUSAND, SENTENCE_RULES,
};
use jianwen_engine::sentences::sentences;
use jianwen_engine::{analyze, Settings};

fn custom(pattern: &str, category: Category) -> CustomRule {
    CustomRule {
        pattern: pattern.to_string(),
        category,
        severity: Severity::Medium,
        reason: "测试规则。".to_string(),
        suggestion: "删去。".to_string(),
    }
}

/// Only the given stock patterns: every built-in rule and the whole-sentence rules disabled, so a
/// table row shows the matcher alone.
fn only(patterns: &[&str]) -> RuleSet {
    let mut config = RuleConfig::default();
    config
        .disabled
        .extend(builtin_rules().map(|r| r.id.to_string()));
    config
        .disabled
        .extend(SENTENCE_RULES.iter().map(|r| r.id.to_string()));
    config
        .custom
        .extend(patterns.iter().map(|p| custom(p, Category::Stock)));
    RuleSet::new(config).expect("valid test rules")
}

/// The highlighted texts.
#[track_caller]
fn texts<'a>(text: &'a str, rules: &RuleSet) -> Vec<&'a str> {
    find(text, rules)
        .highlights
        .iter()
        .map(|h| &text[h.span.clone()])
        .collect()
}

/// The highlighted texts with their category and rule.
#[track_caller]
fn marks(text: &str, rules: &RuleSet) -> Vec<(String, &'static str, String)> {
    find(text, rules)
        .highlights
        .iter()
        .map(|h| {
            (
                text[h.span.clone()].to_string(),
                h.category.as_str(),
                h.rule.to_string(),
            )
        })
        .collect()
}

struct MatchTest {
    name: &'static str,
    patterns: &'static [&'static str],
    text: &'static str,
    want: &'static [&'static str],
}

const MATCHING: &[MatchTest] = &[
    MatchTest {
        name: "literal",
        patterns: &["高度重视"],
        text: "各单位要高度重视。",
        want: &["高度重视"],
    },
    MatchTest {
        name: "every occurrence, in order",
        patterns: &["高度重视"],
        text: "高度重视，高度重视。",
        want: &["高度重视", "高度重视"],
    },
    MatchTest {
        name: "clause slot",
        patterns: &["以……为指导"],
        text: "坚持以新思想为指导，推进工作。",
        want: &["以新思想为指导"],
    },
    MatchTest {
        name: "empty slot",
        patterns: &["开创……新局面"],
        text: "开创新局面。",
        want: &["开创新局面"],
    },
    MatchTest {
        name: "slot never crosses 。",
        patterns: &["以……为指导"],
        text: "以此。为指导",
        want: &[],
    },
    MatchTest {
        name: "slot never crosses ！",
        patterns: &["以……为指导"],
        text: "以此！为指导",
        want: &[],
    },
    MatchTest {
        name: "slot never crosses ，",
        patterns: &["以……为指导"],
        text: "以此，为指导",
        want: &[],
    },
    MatchTest {
        name: "slot never crosses a line",
        patterns: &["以……为指导"],
        text: "以此\n为指导",
        want: &[],
    },
    MatchTest {
        name: "slot of 30 characters",
        patterns: &["以……为指导"],
        text: "以一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十为指导",
        want: &["以一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十为指导"],
    },
    MatchTest {
        name: "slot of 31 characters is too long",
        patterns: &["以……为指导"],
        text: "以一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一为指导",
        want: &[],
    },
    MatchTest {
        name: "word slots",
        patterns: &["…起来、…起来、…起来"],
        text: "推进振兴，让产业强起来、乡村美起来、农民富起来。",
        want: &["让产业强起来、乡村美起来、农民富起来"],
    },
    MatchTest {
        name: "alternatives",
        patterns: &["[深入|]贯彻"],
        text: "深入贯彻，贯彻。",
        want: &["深入贯彻", "贯彻"],
    },
    MatchTest {
        name: "full-width rule finds ASCII punctuation",
        patterns: &["总结经验，查找不足"],
        text: "总结经验,查找不足。",
        want: &["总结经验,查找不足"],
    },
    MatchTest {
        name: "leftmost-longest among literals",
        patterns: &["高度", "高度重视"],
        text: "要高度重视。",
        want: &["高度重视"],
    },
    MatchTest {
        name: "the leftmost wins over a longer later one",
        patterns: &["重视程度提高", "高度重视"],
        text: "高度重视程度提高。",
        want: &["高度重视"],
    },
    MatchTest {
        name: "a regex match and a literal do not overlap",
        patterns: &["贯彻……精神", "落实会议"],
        text: "贯彻落实会议精神。",
        want: &["贯彻落实会议精神"],
    },
    MatchTest {
        name: "longest at the same start across literal and regex",
        patterns: &["贯彻落实", "贯彻……精神"],
        text: "贯彻落实会议精神。",
        want: &["贯彻落实会议精神"],
    },
    MatchTest {
        name: "a forbidden formula is content",
        patterns: &["照本宣科"],
        text: "不搞照本宣科。",
        want: &[],
    },
    MatchTest {
        name: "forbidden through quotes",
        patterns: &["花架子"],
        text: "杜绝“花架子”。",
        want: &[],
    },
    MatchTest {
        name: "a diagnosed shortcoming is content",
        patterns: &["四个意识"],
        text: "“四个意识”不够强。",
        want: &[],
    },
    MatchTest {
        name: "astral characters and emoji",
        patterns: &["𠮷祥"],
        text: "😀𠮷祥😀𠮷祥",
        want: &["𠮷祥", "𠮷祥"],
    },
];

#[test]
fn matching() {
    for t in MATCHING {
        let rules = only(t.patterns);
        assert_eq!(texts(t.text, &rules), t.want, "{}", t.name);
    }
}

#[test]
fn spans_are_on_char_boundaries_around_astral_characters() {
    let rules = only(&["𠮷祥", "以……为纲"]);
    let text = "😀𠮷祥😀以𠮷🎉为纲";
    let findings = find(text, &rules);
    let spans: Vec<_> = findings.highlights.iter().map(|h| h.span.clone()).collect();
    assert_eq!(spans, [4..11, 15..32]);
    for span in spans {
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    }
}

struct PositionTest {
    name: &'static str,
    text: &'static str,
    want: &'static [(&'static str, &'static str, &'static str)],
}

const POSITIONS: &[PositionTest] = &[
    PositionTest {
        name: "a preamble made of formula is one hat; a closing formula is a boot",
        text: "关于做好某项工作的通知\n各区县：\n为深入贯彻落实上级会议精神，结合我市实际，现就有关事项通知如下。\n一、检查\n每个街道每月开展1次检查，每季度向区里报送1次结果。\n以上通知，请遵照执行。\n",
        want: &[
            ("为深入贯彻落实上级会议精神，结合我市实际，现就有关事项通知如下。", "hat", "sentence.opening"),
            ("以上通知，请遵照执行。", "boot", "sentence.closing"),
        ],
    },
    PositionTest {
        name: "a lead-in ending in a colon after the addressee is the opening",
        text: "关于做好某项工作的通知\n各市县:\n根据《某通知》精神,结合我省实际,现就有关问题通知如下:\n一、每月检查1次。",
        want: &[("根据《某通知》精神,结合我省实际,现就有关问题通知如下:", "hat", "sentence.opening")],
    },
    PositionTest {
        name: "background before the lead-in does not end the document's opening",
        text: "关于加强道路养护的通知\n各区县：\n近年来，我市每年新建道路20公里，养护任务加重。为深入贯彻落实上级会议精神，结合我市实际，现就有关事项通知如下。\n一、每月巡查1次。",
        want: &[("为深入贯彻落实上级会议精神，结合我市实际，现就有关事项通知如下。", "hat", "sentence.opening")],
    },
    PositionTest {
        name: "a formula is a hat at a section start, and a stock phrase in content mid-section",
        text: "一、总体要求\n以新时代思想为指导，推进城乡各项建设工作。\n各单位每季度报送1次进展。\n各单位以新发展理念为指导，每月检查2次。",
        want: &[
            ("以新时代思想为指导，推进城乡各项建设工作。", "hat", "sentence.opening"),
            ("以新发展理念为指导", "stock", "hat.guidance"),
        ],
    },
    PositionTest {
        name: "hard content ends the opening",
        text: "为深入贯彻落实上级会议精神，确保年底前完成80%的改造任务。\n各单位按月报送进度。",
        want: &[("为深入贯彻落实上级会议精神", "stock", "hat.for-implement")],
    },
    PositionTest {
        name: "a pledge closes a section as a boot and stays stock mid-section",
        text: "一、过去一年的工作\n全市新建学校12所。\n我们一定咬定目标不放松，推动工作。\n全市新增就业5万人。\n我们一定正视问题，采取措施加以解决。\n二、今年的工作\n各区新建公园3个。",
        want: &[
            ("我们一定", "stock", "boot.we-will"),
            ("我们一定正视问题，采取措施加以解决。", "boot", "sentence.closing"),
        ],
    },
    PositionTest {
        name: "a flourish at the very end is a boot, the vocative before it is skipped",
        text: "各位代表：\n全市新建学校12所。\n各位代表！\n让我们更加紧密地团结起来，奋力谱写发展新篇章！",
        want: &[("让我们更加紧密地团结起来，奋力谱写发展新篇章！", "boot", "sentence.closing")],
    },
    PositionTest {
        name: "a plan attached after the signature opens again",
        text: "关于印发某方案的通知\n各县：\n现将《某方案》印发给你们，请认真组织实施。\n某市人民政府\n2024年3月1日\n某方案\n为深入贯彻落实上级会议精神，结合我市实际，制定本方案。\n一、主要任务\n每年新建道路20公里。",
        want: &[
            ("请认真组织实施", "stock", "boot.notice-implement"),
            ("为深入贯彻落实上级会议精神，结合我市实际，制定本方案。", "hat", "sentence.opening"),
        ],
    },
    PositionTest {
        name: "a heading that is only a formula is stock",
        text: "一、每月检查1次。\n六、切实加强组织领导\n各部门按分工抓好落实，每周报告1次。",
        want: &[("切实加强组织领导", "stock", "sentence.formula")],
    },
    PositionTest {
        name: "a sentence mostly of formula is stock; one formula in content stays a phrase",
        text: "每月检查1次。\n高度重视，务求实效。\n各单位要高度重视，每月检查2次。\n每季度通报1次。",
        want: &[
            ("高度重视，务求实效。", "stock", "sentence.formula"),
            ("高度重视", "intensifier", "intens.high-regard"),
        ],
    },
];

#[test]
fn position_and_density_decide_the_category() {
    for t in POSITIONS {
        let got = marks(t.text, &RuleSet::default());
        let want: Vec<(String, &str, String)> = t
            .want
            .iter()
            .map(|&(s, c, r)| (s.to_string(), c, r.to_string()))
            .collect();
        assert_eq!(got, want, "{}", t.name);
    }
}

#[test]
fn counts_and_density() {
    // Whatever the role model decides, the counts are those of the highlights and the density
    // is the share of 字 inside them.
    let texts = [
        "各单位要高度重视安全工作。",
        "各区每月检查1次。\n高度重视，务求实效。\n各区每季度通报1次。",
        "高度重视，务求实效。",
    ];
    for text in texts {
        let findings = find(text, &RuleSet::default());
        for category in Category::ALL {
            let n = findings
                .highlights
                .iter()
                .filter(|h| h.category == category)
                .count();
            assert_eq!(findings.counts.get(category), n, "{text}: {category:?}");
        }
        let total = count(text).word_count;
        let inside: usize = findings
            .highlights
            .iter()
            .map(|h| count(&text[h.span.clone()]).word_count)
            .sum();
        assert_eq!(
            findings.density_per_mille as usize,
            (inside * 1000 + total / 2) / total,
            "{text}"
        );
    }
    assert_eq!(find("", &RuleSet::default()).density_per_mille, 0);
    // A text that is one formula is all highlight.
    let all = find("高度重视，务求实效。", &RuleSet::default());
    assert_eq!((all.counts.total(), all.density_per_mille), (1, 1000));
}

#[test]
fn weak_adverbs_are_budgeted_not_flagged() {
    let cases: &[(&str, usize, usize)] = &[
        ("", 0, 0),
        ("进一步做好工作。", 1, 1),
        // 认真落实 is marked as a stock phrase: its 认真 is part of that finding.
        (
            "各区每月新建道路2公里，进一步做好工作，积极推进，认真落实，扎扎实实开展。",
            3,
            1,
        ),
        // 切实 inside the highlighted formula is part of that finding, not a lone adverb.
        (
            "切实加强组织领导，进一步明确分工，每月报告1次进展情况。",
            1,
            1,
        ),
    ];
    for &(text, used, allowed) in cases {
        let findings = find(text, &RuleSet::default());
        let words: Vec<&str> = findings
            .adverbs
            .spans
            .iter()
            .map(|s| &text[s.clone()])
            .collect();
        assert_eq!(
            (findings.adverbs.used, findings.adverbs.allowed),
            (used, allowed),
            "{text}: {words:?}"
        );
        assert_eq!(findings.adverbs.exceeded(), used > allowed, "{text}");
        for span in &findings.adverbs.spans {
            assert!(
                findings
                    .highlights
                    .iter()
                    .all(|h| h.span.end <= span.start || span.end <= h.span.start),
                "{text}: {span:?}"
            );
        }
    }
    let long = "进一步做好工作。".repeat(200);
    let findings = find(&long, &RuleSet::default());
    let word_count = jianwen_engine::counting::count(&long).word_count;
    assert_eq!(
        findings.adverbs.allowed,
        (word_count * ADVERBS_PER_THOUSAND).div_ceil(1000)
    );
    assert_eq!(findings.adverbs.used, 200);
    assert!(findings.adverbs.exceeded());
}

#[test]
fn user_rules_add_remove_disable_ignore() {
    let text = "各区每月检查1次。\n各单位要以安全为纲，高度重视隐患排查。\n各区每季度通报1次。";
    let mut rules = RuleSet::default();
    assert_eq!(texts(text, &rules), ["高度重视"]);

    rules.add(custom("以……为纲", Category::Slogan)).unwrap();
    let findings = find(text, &rules);
    let first = &findings.highlights[0];
    assert_eq!(
        (&text[first.span.clone()], first.category, &*first.rule),
        ("以安全为纲", Category::Slogan, "user:以……为纲")
    );
    assert_eq!(
        (&*first.reason, &*first.suggestion),
        ("测试规则。", "删去。")
    );
    assert_eq!(
        rules.rule("user:以……为纲").map(|r| &*r.source),
        Some("用户")
    );

    rules.set_enabled("intens.high-regard", false).unwrap();
    assert!(!rules.is_enabled("intens.high-regard"));
    assert_eq!(texts(text, &rules), ["以安全为纲"]);
    rules.set_enabled("intens.high-regard", true).unwrap();
    assert_eq!(texts(text, &rules), ["以安全为纲", "高度重视"]);

    rules.ignore("intens.high-regard", "高度重视");
    assert_eq!(texts(text, &rules), ["以安全为纲"]);
    assert!(rules.unignore("intens.high-regard", "高度重视"));
    assert!(!rules.unignore("intens.high-regard", "高度重视"));

    assert!(rules.remove("user:以……为纲"));
    assert!(!rules.remove("user:以……为纲"));
    assert_eq!(rules, RuleSet::default());
}

#[test]
fn the_whole_sentence_rules_can_be_disabled() {
    let text = "各区每月检查1次。\n高度重视，务求实效。\n各区每季度通报1次。";
    let mut rules = RuleSet::default();
    assert_eq!(texts(text, &rules), ["高度重视，务求实效。"]);
    rules.set_enabled("sentence.formula", false).unwrap();
    assert_eq!(texts(text, &rules), ["高度重视", "务求实效"]);
    rules.ignore("intens.seek-results", "务求实效");
    assert_eq!(texts(text, &rules), ["高度重视"]);
}

#[test]
fn bad_rules_are_refused_and_change_nothing() {
    let mut rules = RuleSet::default();
    rules.add(custom("以……为纲", Category::Stock)).unwrap();
    let before = rules.clone();
    let cases: Vec<(CustomRule, RuleError, &str)> = vec![
        (
            custom("……为纲", Category::Stock),
            RuleError::Pattern {
                pattern: "……为纲".into(),
                problem: PatternProblem::SlotAtEdge,
            },
            "规则“……为纲”无效：不能以“……”开头或结尾，请在两端写出确定的字。",
        ),
        (
            custom("以[甲|乙为纲", Category::Stock),
            RuleError::Pattern {
                pattern: "以[甲|乙为纲".into(),
                problem: PatternProblem::UnclosedBracket,
            },
            "规则“以[甲|乙为纲”无效：方括号“[”没有配对的“]”。",
        ),
        (
            custom("甲", Category::Stock),
            RuleError::Pattern {
                pattern: "甲".into(),
                problem: PatternProblem::TooShort,
            },
            "规则“甲”无效：至少要有两个确定的字，否则几乎处处都会匹配。",
        ),
        (
            custom("以……为纲", Category::Hat),
            RuleError::Duplicate {
                pattern: "以……为纲".into(),
            },
            "已经有一条“以……为纲”的规则。",
        ),
        (
            custom("高度重视", Category::Stock),
            RuleError::Duplicate {
                pattern: "高度重视".into(),
            },
            "已经有一条“高度重视”的规则。",
        ),
        (
            CustomRule {
                reason: " ".into(),
                ..custom("以……为本", Category::Stock)
            },
            RuleError::EmptyReason {
                pattern: "以……为本".into(),
            },
            "规则“以……为本”缺少理由：请用一句话说明为什么要标出它。",
        ),
    ];
    for (rule, error, message) in cases {
        let got = rules.add(rule).unwrap_err();
        assert_eq!(got, error);
        assert_eq!(got.to_string(), message);
        assert_eq!(rules, before);
    }
    // A user may replace a built-in rule with their own wording of it, but not run both.
    let mut twin = RuleSet::default();
    twin.set_enabled("intens.high-regard", false).unwrap();
    twin.add(custom("高度重视", Category::Stock)).unwrap();
    let err = twin.set_enabled("intens.high-regard", true).unwrap_err();
    assert_eq!(
        err,
        RuleError::Duplicate {
            pattern: "高度重视".into()
        }
    );
    assert!(!twin.is_enabled("intens.high-regard"));

    let unknown = rules.set_enabled("hat.no-such-rule", false).unwrap_err();
    assert_eq!(unknown.to_string(), "没有编号为“hat.no-such-rule”的规则。");
    assert_eq!(rules, before);
}

#[test]
fn json_export_and_import_round_trip() {
    let mut rules = RuleSet::default();
    rules
        .add(CustomRule {
            severity: Severity::High,
            ..custom("以……为纲", Category::Slogan)
        })
        .unwrap();
    rules.set_enabled("boot.let-us", false).unwrap();
    rules.ignore("intens.high-regard", "高度重视");
    let json = rules.to_json();
    let back = RuleSet::from_json(&json).unwrap();
    assert_eq!(back, rules);
    assert_eq!(back.to_json(), json);
    let text = "让我们以安全为纲，高度重视。";
    assert_eq!(find(text, &back), find(text, &rules));

    // The set serialises as its config, so it can be stored with the other settings.
    assert_eq!(
        serde_json::to_value(&rules).unwrap(),
        serde_json::to_value(rules.config()).unwrap()
    );
    let through_serde: RuleSet = serde_json::from_str(&json).unwrap();
    assert_eq!(through_serde, rules);

    let mut fresh = RuleSet::default();
    fresh.import_json(&json).unwrap();
    assert_eq!(fresh, rules);
    assert_eq!(
        RuleSet::from_json(r#"{"version":1}"#).unwrap(),
        RuleSet::default()
    );
}

#[test]
fn bad_json_is_refused_with_a_chinese_message_and_changes_nothing() {
    let cases: &[(&str, RuleError, &str)] = &[
        ("{", RuleError::Syntax { line: 1, column: 1 }, "规则文件不是有效的 JSON（第 1 行第 1 列附近），规则没有改变。"),
        (
            r#"{"version":1,"custom":[{"pattern":"以……为纲","category":"hats","reason":"x"}]}"#,
            RuleError::Format { line: 1, column: 59 },
            "规则文件的内容不符合格式（第 1 行第 59 列附近）：可能缺少字段，或类别不是 hat、boot、intensifier、slogan、stock 之一。规则没有改变。",
        ),
        (r#"{"custom":[]}"#, RuleError::Format { line: 1, column: 13 }, "规则文件的内容不符合格式（第 1 行第 13 列附近）：可能缺少字段，或类别不是 hat、boot、intensifier、slogan、stock 之一。规则没有改变。"),
        (r#"{"version":2}"#, RuleError::Version { found: 2 }, "规则文件的版本是 2，本程序只能读取版本 1。规则没有改变。"),
        (
            r#"{"version":1,"custom":[{"pattern":"以……","category":"stock","reason":"x"}]}"#,
            RuleError::Pattern { pattern: "以……".into(), problem: PatternProblem::SlotAtEdge },
            "规则“以……”无效：不能以“……”开头或结尾，请在两端写出确定的字。",
        ),
    ];
    let mut rules = RuleSet::default();
    rules.set_enabled("boot.let-us", false).unwrap();
    let before = rules.clone();
    for (json, error, message) in cases {
        let got = rules.import_json(json).unwrap_err();
        assert_eq!(&got, error, "{json}");
        assert_eq!(got.to_string(), *message, "{json}");
        assert_eq!(rules, before, "{json}");
    }
}

#[test]
fn analyze_reports_the_findings_under_the_settings_rules() {
    let text = "为深入贯彻落实上级会议精神，结合我市实际，现就有关事项通知如下。";
    let analysis = analyze(text, &Settings::default());
    assert_eq!(analysis.phrases, find(text, &RuleSet::default()));
    assert_eq!(analysis.phrases.counts.hat, 1);
}

#[test]
fn sentences_split_like_split_py() {
    // The self-test cases of corpus/annotations/split.py.
    let cases: &[(&str, &[&str])] = &[
        (
            "标题\n他说：“好。”然后走了！对吗？是；否",
            &["标题", "他说：“好。”", "然后走了！", "对吗？", "是；", "否"],
        ),
        (
            "甲？！乙。）丙\n\n丁;戊",
            &["甲？！", "乙。）", "丙", "丁;", "戊"],
        ),
        ("1.项目。2.其他\n", &["1.项目。", "2.其他"]),
        ("  \n　\n甲。 ", &["甲。"]),
    ];
    for (text, want) in cases {
        let got: Vec<&str> = sentences(text)
            .iter()
            .map(|s| &text[s.span.clone()])
            .collect();
        assert_eq!(got, *want, "{text:?}");
    }
}

#[test]
fn highlights_on_real_documents_are_ordered_disjoint_and_deterministic() {
    for (name, _) in support::expected_documents() {
        let text = support::corpus_text(&name);
        let findings = find(&text, &RuleSet::default());
        for pair in findings.highlights.windows(2) {
            assert!(
                pair[0].span.end <= pair[1].span.start,
                "{name}: {:?} overlaps {:?}",
                pair[0].span,
                pair[1].span
            );
        }
        for h in &findings.highlights {
            assert!(
                h.span.start < h.span.end
                    && text.is_char_boundary(h.span.start)
                    && text.is_char_boundary(h.span.end),
                "{name}"
            );
        }
        assert_eq!(findings.counts.total(), findings.highlights.len(), "{name}");
        assert!(findings.density_per_mille <= 1000, "{name}");
        assert_eq!(find(&text, &RuleSet::default()), findings, "{name}");
    }
}
