//! Properties of [`analyze`] that must hold for every input: it never panics, its counts agree
//! with a reference written straight from `docs/reference/counting.md`, every span it reports lies on
//! `char` boundaries inside the text, phrase highlights never overlap, offsets round-trip between
//! bytes, UTF-16 and scalars, and the layout covers the text once, in order.
//!
//! Each property runs over two kinds of text: arbitrary `char`s (proptest favours the awkward
//! ones: surrogate neighbours, noncharacters, the ends of planes), and text biased to what a
//! 公文 draft pasted from anywhere holds (汉字, full-width and ASCII punctuation, digits, every
//! kind of line end, emoji sequences, 𠮷, zero-width and combining characters, and fragments that
//! trigger the phrase and format rules). Random text alone almost never forms `国办发〔2024〕1号`,
//! so `gongwen_text_reaches_the_rules` checks that the biased text does reach the rules.

mod invariants;

use jianwen_engine::caps::{builtin_profiles, CapProfile, Limits, SpeakingRate};
use jianwen_engine::counting::Counts;
use jianwen_engine::format::FormatSettings;
use jianwen_engine::layout::{layout, LayoutProfile};
use jianwen_engine::{analyze, Settings};
use proptest::prelude::*;
use proptest::sample::select;

/// The counting rules of `docs/reference/counting.md`, written again without the engine's code.
mod reference {
    use jianwen_engine::counting::Counts;

    /// The Unicode `White_Space` property, listed in full.
    fn is_white_space(c: char) -> bool {
        matches!(c,
            '\u{9}'..='\u{D}' | ' ' | '\u{85}' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}'
            | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
    }

    fn is_cjk_ideograph(c: char) -> bool {
        matches!(c,
            '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2A6DF}' | '\u{2A700}'..='\u{2EBEF}' | '\u{30000}'..='\u{3134F}'
            | '\u{3007}')
    }

    fn is_half_width(c: char) -> bool {
        !is_white_space(c) && c <= '\u{024F}' && !matches!(c, '·' | '×' | '÷')
    }

    pub fn count(text: &str) -> Counts {
        let chars: Vec<char> = text.chars().collect();
        let hanzi = chars.iter().filter(|&&c| is_cjk_ideograph(c)).count();
        let full_width_other = chars
            .iter()
            .filter(|&&c| !is_white_space(c) && !is_cjk_ideograph(c) && !is_half_width(c))
            .count();
        // Maximal runs of half-width characters: anything else (whitespace included) ends one.
        // "Letter or digit" in Unicode's sense, so `µ` and `²` count like `a` and `2`.
        let runs_with_letter_or_digit = chars
            .split(|&c| !is_half_width(c))
            .filter(|run| run.iter().any(|c| c.is_alphanumeric()))
            .count();
        Counts {
            word_count: hanzi + full_width_other + runs_with_letter_or_digit,
            chars_no_spaces: chars.iter().filter(|&&c| !is_white_space(c)).count(),
            chars_with_spaces: chars.iter().filter(|&&c| c != '\r' && c != '\n').count(),
            hanzi,
            // A paragraph per line; CRLF and a lone CR are one break each.
            paragraphs: text
                .replace("\r\n", "\n")
                .split(['\n', '\r'])
                .filter(|p| p.chars().any(|c| !is_white_space(c)))
                .count(),
        }
    }

    #[test]
    fn reference_agrees_with_the_worked_examples() {
        // (text, 字数, 字符数（不计空格）) from counting.md.
        let cases = [
            ("2024年1月15日", 6, 10),
            ("国办发〔2024〕1号", 8, 11),
            ("按照GB/T 9704-2012要求，每页22行。", 12, 24),
            ("“十四五”", 5, 5),
            ("中,文", 2, 3),
            ("１２３４５", 5, 5),
            ("𠮷", 1, 1),
        ];
        for (text, words, no_spaces) in cases {
            let c = count(text);
            assert_eq!(
                (c.word_count, c.chars_no_spaces),
                (words, no_spaces),
                "{text:?}"
            );
        }
        // `is_white_space` lists the whole property: the standard library agrees on every char.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_white_space(c), c.is_whitespace(), "U+{:04X}", c as u32);
        }
    }
}

/// Any `char`s at all, up to 300.
fn arbitrary_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..300).prop_map(String::from_iter)
}

/// Text built from the pieces a 公文 draft pasted from Word, WPS or a web page is made of.
fn gongwen_text() -> impl Strategy<Value = String> {
    let hanzi = prop_oneof![
        9 => (0x4E00u32..=0x9FFF).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        1 => (0x20000u32..=0x2A6DF).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        1 => Just("𠮷".to_string()),
    ];
    let full_width = select(
        "，。、；：？！“”‘’《》（）〔〕【】—…·１２３ＡＢ①Ⅰ℃〇\u{3000}"
            .chars()
            .collect::<Vec<_>>(),
    );
    let ascii = select(",.;:?!()[]\"'-/%~ \t".chars().collect::<Vec<_>>());
    let alnum = select("0123456789aZ".chars().collect::<Vec<_>>());
    let line_end = select(vec!["\n", "\r", "\r\n", "\n\n"]);
    let emoji = select(vec![
        "😀",
        "👍🏽",
        "👨‍👩‍👧",
        "🇨🇳",
        "❤\u{FE0F}",
        "1\u{FE0F}\u{20E3}",
    ]);
    let invisible = select(vec![
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{AD}", "\u{0}", "\u{7}",
        "\u{1B}", "\u{85}", "\u{2028}", "\u{2029}", "\u{FFFD}", "\u{202E}", "\u{200F}",
    ]);
    let combining = select(vec![
        "\u{301}", "\u{308}", "\u{20DD}", "\u{302A}", "\u{3099}",
    ]);
    let rtl = select(vec!["שלום", "مرحبا", "\u{5D0}\u{5B7}"]);
    let fragment = select(vec![
        "为深入贯彻落实",
        "精神",
        "在党中央坚强领导下",
        "以习近平新时代中国特色社会主义思想为指导",
        "高度重视",
        "进一步",
        "切实",
        "现就有关事项通知如下：",
        "特此通知。",
        "一、",
        "二、",
        "四、",
        "（一）",
        "(一)",
        "1.",
        "1、",
        "国办发〔2024〕1号",
        "国办发[19]第07号",
        "2019年02月05日",
        "二〇一九年3月",
        "19年3月",
        "附件：",
        "各区县人民政府，",
        "的的",
        "--",
        "...",
        "，，",
        "http://www.gov.cn/a,b",
        "a@b.cn",
        "5.2%",
        "PM2.5",
        "工作 要求",
    ]);
    let piece = prop_oneof![
        20 => hanzi,
        6 => full_width.prop_map(String::from),
        4 => ascii.prop_map(String::from),
        3 => alnum.prop_map(String::from),
        4 => line_end.prop_map(String::from),
        1 => emoji.prop_map(String::from),
        2 => invisible.prop_map(String::from),
        1 => combining.prop_map(String::from),
        1 => rtl.prop_map(String::from),
        6 => fragment.prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..200).prop_map(|pieces| pieces.concat())
}

/// Either kind of text.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![arbitrary_text(), gongwen_text()]
}

/// Any valid page grid, from 1 × 1 to 200 × 200.
fn layout_profile() -> impl Strategy<Value = LayoutProfile> {
    (
        1u32..=200,
        1u32..=200,
        any::<u32>(),
        any::<u32>(),
        any::<bool>(),
    )
        .prop_map(|(cells, lines, indent, header, title)| {
            LayoutProfile::new(cells, lines, indent % cells)
                .with_title(title)
                .with_header_lines(header % lines)
        })
}

/// No cap, a built-in one, or a custom one small enough for short texts to pass it.
fn cap() -> impl Strategy<Value = Option<CapProfile>> {
    let builtin = select(builtin_profiles().to_vec()).prop_map(Some);
    let custom = (1u32..60, 1u32..4, 1u32..3).prop_map(|(zi, pages, minutes)| {
        let limits = Limits {
            zi: Some(zi),
            pages: Some(pages),
            minutes: Some(minutes),
        };
        Some(CapProfile::custom("测试", limits, "").expect("limits in range"))
    });
    prop_oneof![Just(None), builtin, custom]
}

fn settings() -> impl Strategy<Value = Settings> {
    (
        layout_profile(),
        cap(),
        SpeakingRate::MIN..=SpeakingRate::MAX,
        0usize..200,
    )
        .prop_map(|(layout, cap, rate, long_sentence)| {
            let mut settings = Settings::default();
            settings.layout = layout;
            settings.cap = cap;
            settings.speaking_rate = SpeakingRate::try_new(rate).expect("rate in range");
            settings.format = FormatSettings {
                long_sentence_chars: long_sentence,
                ..FormatSettings::default()
            };
            settings
        })
}

// proptest's default of 256 cases per property keeps this file at a few seconds; set
// PROPTEST_CASES for a longer hunt.
proptest! {
    #[test]
    fn counts_agree_with_the_reference(text in any_text()) {
        let want: Counts = reference::count(&text);
        prop_assert_eq!(analyze(&text, &Settings::default()).counts, want);
    }

    #[test]
    fn analysis_with_default_settings_is_sound(text in any_text()) {
        invariants::analyze_soundly(&text, &Settings::default());
    }

    #[test]
    fn analysis_with_any_settings_is_sound(text in any_text(), settings in settings()) {
        let analysis = invariants::analyze_soundly(&text, &settings);
        prop_assert_eq!(analysis.caps.is_some(), settings.cap.is_some());
    }

    #[test]
    fn layout_covers_the_text_once_in_order(text in any_text(), profile in layout_profile()) {
        invariants::assert_layout_covers(&text, &profile, &layout(&text, &profile));
    }

    #[test]
    fn offsets_round_trip(text in any_text()) {
        invariants::assert_offsets_round_trip(&text);
    }
}

/// The properties above are only as good as the text they see: the biased text must reach the
/// phrase rules, the format fixes and the caps' cuts in a fair share of cases.
#[test]
fn gongwen_text_reaches_the_rules() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let mut runner = TestRunner::deterministic();
    let (texts, strategy, settings) = (256, (gongwen_text(), settings()), Settings::default());
    let (mut highlighted, mut fixable, mut cut, mut multi_page) = (0, 0, 0, 0);
    for _ in 0..texts {
        let (text, chosen) = strategy
            .new_tree(&mut runner)
            .expect("strategy generates")
            .current();
        let plain = analyze(&text, &settings);
        highlighted += usize::from(!plain.phrases.highlights.is_empty());
        fixable += usize::from(plain.format.iter().any(|f| f.fix.is_some()));
        multi_page += usize::from(plain.layout.pages > 1);
        let capped = analyze(&text, &chosen);
        cut += usize::from(
            capped
                .caps
                .iter()
                .flat_map(|r| &r.limits)
                .any(|l| l.cut.is_some()),
        );
    }
    // Seen: 156, 236, 72 and 35 of 256; the bounds leave room for changes to the rules.
    assert!(
        highlighted > texts / 4,
        "{highlighted} of {texts} texts have a phrase highlight"
    );
    assert!(
        fixable > texts / 2,
        "{fixable} of {texts} texts have a format fix"
    );
    assert!(cut > texts / 8, "{cut} of {texts} texts pass a cap");
    assert!(
        multi_page > texts / 16,
        "{multi_page} of {texts} texts fill two pages"
    );
}
