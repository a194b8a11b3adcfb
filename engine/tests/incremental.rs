//! [`Analyzer`] gives exactly what [`analyze`] gives, whatever it analysed before: edits of every
//! kind on the corpus texts, text with 𠮷 and emoji, settings changed between calls, and random
//! sequences of edits.

#[allow(dead_code)] // the shared helpers serve other tests too
mod support;

use jianwen_engine::caps::builtin_profile;
use jianwen_engine::format::FormatSettings;
use jianwen_engine::layout::LayoutProfile;
use jianwen_engine::phrases::{Category, CustomRule, RuleSet, Severity};
use jianwen_engine::{analyze, Analyzer, Settings};
use proptest::prelude::*;
use proptest::sample::select;

/// Analyses `text` with `analyzer` and checks the result against [`analyze`].
fn assert_same(analyzer: &mut Analyzer, text: &str, settings: &Settings, what: &str) {
    let got = analyzer.analyze(text, settings);
    let want = analyze(text, settings);
    // Compared part by part first, so that a failure says which stage differs.
    assert_eq!(got.counts, want.counts, "counts: {what}");
    assert_eq!(got.layout, want.layout, "layout: {what}");
    assert_eq!(got.phrases, want.phrases, "phrases: {what}");
    assert_eq!(got.format, want.format, "format: {what}");
    assert_eq!(got, want, "{what}");
}

/// The byte offset of the char boundary nearest to the middle of `text`, at or after it.
fn middle(text: &str) -> usize {
    (text.len() / 2..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// `text` with the character at `at` removed (nothing at the end).
fn delete_char_at(text: &str, at: usize) -> String {
    let len = text[at..].chars().next().map_or(0, char::len_utf8);
    format!("{}{}", &text[..at], &text[at + len..])
}

fn insert_at(text: &str, at: usize, what: &str) -> String {
    format!("{}{what}{}", &text[..at], &text[at..])
}

/// The start of the paragraph that holds the middle of `text`.
fn middle_paragraph_start(text: &str) -> usize {
    text[..middle(text)].rfind('\n').map_or(0, |i| i + 1)
}

/// An edit of a draft, by name.
type Edit = (&'static str, fn(&str) -> String);

const EDITS: [Edit; 21] = [
    ("insert a char in the middle", |t| {
        insert_at(t, middle(t), "字")
    }),
    ("delete a char in the middle", |t| {
        delete_char_at(t, middle(t))
    }),
    ("insert a char at the start", |t| insert_at(t, 0, "新")),
    ("delete the first char", |t| delete_char_at(t, 0)),
    ("insert a char at the end", |t| format!("{t}。")),
    ("delete the last char", |t| {
        let last = t.char_indices().next_back().map_or(0, |(i, _)| i);
        delete_char_at(t, last)
    }),
    ("split a paragraph", |t| insert_at(t, middle(t), "\n")),
    ("join two paragraphs", |t| match t[middle(t)..].find('\n') {
        Some(i) => delete_char_at(t, middle(t) + i),
        None => t.to_string(),
    }),
    ("change the title", |t| {
        insert_at(t, t.find('\n').unwrap_or(t.len()), "（征求意见稿）")
    }),
    ("delete the title", |t| {
        t.split_once('\n')
            .map_or(String::new(), |(_, rest)| rest.to_string())
    }),
    ("number a paragraph as a heading", |t| {
        insert_at(t, middle_paragraph_start(t), "三、")
    }),
    ("insert a heading paragraph", |t| {
        insert_at(t, middle_paragraph_start(t), "三、新增一节\n")
    }),
    ("paste a paragraph", |t| {
        let pasted = "为深入贯彻落实上级会议精神，结合我市实际，现就有关事项通知如下。各单位要高度重视，切实抓好落实。\n";
        insert_at(t, middle_paragraph_start(t), pasted)
    }),
    ("open a quotation at a paragraph start", |t| {
        insert_at(t, middle_paragraph_start(t), "“")
    }),
    // An open quotation is no error when the next paragraph opens the same quotation again.
    ("quote over two paragraphs", |t| {
        insert_at(t, middle_paragraph_start(t), "“引文未完\n“")
    }),
    ("insert an attachment list", |t| {
        insert_at(
            t,
            middle_paragraph_start(t),
            "附件：1.名称一。\n2、名称二\n",
        )
    }),
    ("insert an addressee", |t| {
        insert_at(
            t,
            t.find('\n').map_or(t.len(), |i| i + 1),
            "各区县人民政府，\n",
        )
    }),
    ("insert 𠮷 and emoji", |t| {
        insert_at(t, middle(t), "𠮷😀👨‍👩‍👧")
    }),
    ("insert a date and a 发文字号", |t| {
        insert_at(t, middle(t), "2019年02月05日国办发[19]第07号")
    }),
    ("end every line with CRLF", |t| t.replace('\n', "\r\n")),
    ("delete everything", |_| String::new()),
];

fn corpus() -> Vec<(String, String)> {
    let mut texts: Vec<(String, String)> = std::fs::read_dir(support::corpus_dir())
        .expect("the corpus fixtures are there")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_name()?.to_str()?.strip_suffix(".txt")?.to_owned();
            Some((name.clone(), support::corpus_text(&name)))
        })
        .collect();
    texts.sort();
    assert!(texts.len() >= 10, "the corpus has its documents");
    texts
}

fn settings_with_cap() -> Settings {
    let mut settings = Settings::default();
    settings.cap = builtin_profile("js-2019-policy").cloned();
    settings
}

#[test]
fn each_edit_of_each_corpus_text_gives_what_analyze_gives() {
    let settings = settings_with_cap();
    for (name, text) in corpus() {
        for (edit, apply) in EDITS {
            // Warmed on the text, as while typing.
            let mut analyzer = Analyzer::new();
            assert_same(&mut analyzer, &text, &settings, &name);
            let edited = apply(&text);
            assert_same(
                &mut analyzer,
                &edited,
                &settings,
                &format!("{name}: {edit}"),
            );
            // And back, as an undo does.
            assert_same(
                &mut analyzer,
                &text,
                &settings,
                &format!("{name}: {edit}, undone"),
            );
        }
    }
}

#[test]
fn edits_one_after_another_give_what_analyze_gives() {
    let settings = settings_with_cap();
    for (name, text) in corpus() {
        let mut analyzer = Analyzer::new();
        let mut text = text;
        for (edit, apply) in EDITS {
            text = apply(&text);
            assert_same(
                &mut analyzer,
                &text,
                &settings,
                &format!("{name}: … {edit}"),
            );
        }
    }
}

#[test]
fn text_with_astral_characters_and_emoji_gives_what_analyze_gives() {
    let settings = Settings::default();
    let mut analyzer = Analyzer::new();
    let mut text = String::from("𠮷的通知\n😀各单位：\n为深入贯彻落实𠮷精神，👍🏽现就有关事项通知如下。\n一、👨‍👩‍👧要高度重视。\n");
    assert_same(&mut analyzer, &text, &settings, "start");
    // Typing 𠮷 and emoji one at a time in the middle, then deleting them one at a time.
    for (i, c) in "𠮷😀🇨🇳".chars().cycle().take(12).enumerate() {
        text.insert(middle(&text), c);
        assert_same(&mut analyzer, &text, &settings, &format!("insert {i}"));
    }
    for i in 0..12 {
        text = delete_char_at(&text, middle(&text));
        assert_same(&mut analyzer, &text, &settings, &format!("delete {i}"));
    }
}

/// Settings that differ from the default in each way the analysis depends on.
fn settings_variants() -> Vec<(&'static str, Settings)> {
    let custom = |pattern: &str| CustomRule {
        pattern: pattern.to_string(),
        category: Category::Stock,
        severity: Severity::Medium,
        reason: "测试规则。".to_string(),
        suggestion: String::new(),
    };
    let with_rules = |patterns: &[&str]| {
        let mut rules = RuleSet::default();
        for pattern in patterns {
            rules.add(custom(pattern)).expect("the test rule is valid");
        }
        let mut settings = Settings::default();
        settings.rules = rules;
        settings
    };
    let mut no_title = Settings::default();
    no_title.layout = LayoutProfile::gbt9704().with_title(false);
    let mut narrow = Settings::default();
    narrow.layout = LayoutProfile::new(10, 5, 2).with_header_lines(3);
    let mut format = Settings::default();
    format.format = FormatSettings {
        long_sentence_chars: 20,
        ..FormatSettings::default()
    };
    format
        .format
        .disabled
        .insert("format.punct.halfwidth".to_string());
    let mut ignored = Settings::default();
    ignored.rules.ignore("intens.high-regard", "高度重视");
    vec![
        ("default", Settings::default()),
        ("cap", settings_with_cap()),
        ("no title", no_title),
        ("narrow grid with header", narrow),
        ("format settings", format),
        ("ignored finding", ignored),
        ("custom rules", with_rules(&["以……为纲", "各单位要"])),
        // A rule that holds a line break matches across paragraphs.
        (
            "rule across lines",
            with_rules(&["通知\n各单位", "如下：\n一"]),
        ),
    ]
}

#[test]
fn changing_settings_between_calls_gives_what_analyze_gives() {
    let variants = settings_variants();
    for (name, text) in corpus().into_iter().take(4) {
        let mut analyzer = Analyzer::new();
        let edited = insert_at(&text, middle(&text), "高度重视\n各单位要以安全为纲，");
        // Every pair of settings in turn, on the text and an edit of it, and back.
        for (a, first) in &variants {
            for (b, second) in &variants {
                assert_same(&mut analyzer, &text, first, &format!("{name}: {a}"));
                assert_same(
                    &mut analyzer,
                    &edited,
                    second,
                    &format!("{name}: {a} then {b}, edited"),
                );
                assert_same(
                    &mut analyzer,
                    &text,
                    first,
                    &format!("{name}: {a} then {b} then {a}"),
                );
            }
        }
    }
}

#[test]
fn a_rule_across_lines_is_found_across_lines() {
    let (_, settings) = settings_variants()
        .pop()
        .expect("the last variant has the rule");
    let text = "关于开展检查的通知\n各单位：\n现通知如下。\n一、总体要求";
    let found = Analyzer::new().analyze(text, &settings);
    let rules: Vec<&str> = found.phrases.highlights.iter().map(|h| &*h.rule).collect();
    assert!(rules.contains(&"user:通知\n各单位"), "{rules:?}");
    assert_eq!(found, analyze(text, &settings));
}

/// Pieces of 公文 that the edits insert: line ends, structure (headings, attachment lists,
/// addressees, quotations) and what the phrase and format rules look for.
fn fragment() -> impl Strategy<Value = &'static str> {
    select(vec![
        "\n",
        "\n",
        "\r",
        "\r\n",
        "\n\n",
        "字",
        "的",
        "。",
        "，",
        "；",
        ",",
        " ",
        "\u{3000}",
        "“",
        "”",
        "（",
        "）",
        "一、",
        "二、",
        "三、",
        "（一）",
        "(二)",
        "1.",
        "2、",
        "附件：",
        "附件2",
        "各区县人民政府，",
        "各单位：",
        "为深入贯彻落实",
        "上级会议精神",
        "高度重视",
        "进一步",
        "切实",
        "以安全为指导",
        "现就有关事项通知如下：",
        "特此通知。",
        "国办发[2019]07号",
        "2019年02月05日",
        "19年度",
        "的的",
        "--",
        "...",
        "http://www.gov.cn/a,b",
        "a@b.cn",
        "𠮷",
        "😀",
        "👨‍👩‍👧",
        "GDP",
        "5.2%",
        "\u{200D}",
    ])
}

/// One edit: delete up to `delete` characters from a position (a fraction of the text, in
/// thousandths), then insert `insert` there.
#[derive(Clone, Debug)]
struct RandomEdit {
    at_per_mille: usize,
    delete: usize,
    insert: String,
    /// Which of [`settings_variants`] to analyse under from this edit on, if it changes.
    settings: Option<usize>,
}

fn random_edit() -> impl Strategy<Value = RandomEdit> {
    (
        0..=1000usize,
        prop_oneof![3 => 0..2usize, 1 => 0..40usize],
        prop::collection::vec(fragment(), 0..4),
        prop::option::weighted(0.1, 0..8usize),
    )
        .prop_map(|(at_per_mille, delete, insert, settings)| RandomEdit {
            at_per_mille,
            delete,
            insert: insert.concat(),
            settings,
        })
}

fn apply(text: &str, edit: &RandomEdit) -> String {
    let mut at = text.len() * edit.at_per_mille / 1000;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let end = at
        + text[at..]
            .chars()
            .take(edit.delete)
            .map(char::len_utf8)
            .sum::<usize>();
    format!("{}{}{}", &text[..at], edit.insert, &text[end..])
}

/// Short corpus documents, and a draft made of fragments.
fn start_text() -> impl Strategy<Value = String> {
    let short = [
        "gov_2013_holiday_decision",
        "gov_2020_mourning_announcement",
        "gov_2024_holiday_notice",
        "shanxi_2018_income_plan_excerpt",
    ];
    prop_oneof![
        select(short.to_vec()).prop_map(support::corpus_text),
        prop::collection::vec(fragment(), 0..60).prop_map(|pieces| pieces.concat()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_edit_sequences_give_what_analyze_gives(text in start_text(), edits in prop::collection::vec(random_edit(), 1..12)) {
        let variants = settings_variants();
        let mut settings = &variants[0].1;
        let mut analyzer = Analyzer::new();
        let mut text = text;
        assert_same(&mut analyzer, &text, settings, "start");
        for (i, edit) in edits.iter().enumerate() {
            if let Some(v) = edit.settings {
                settings = &variants[v].1;
            }
            text = apply(&text, edit);
            assert_same(&mut analyzer, &text, settings, &format!("edit {i}: {edit:?}"));
        }
    }
}
