//! Text no draft should contain but pasted text and damaged files do: lone surrogates, NUL and
//! control characters, byte-order marks, zero-width and combining characters, right-to-left
//! text, endless lines, endless empty lines, and old Mac line ends. Each kind has figures worked
//! out by hand from `docs/reference/counting.md` and `docs/reference/layout.md`, and every analysis passes
//! the invariants of the property tests.
//!
//! `counting.md` defines its classes on scalar values: every non-whitespace character above
//! U+024F that is not a 汉字 is one full-width 字. So invisible characters (U+FEFF, U+200B,
//! joiners), combining marks and right-to-left letters count one 字 each, as the General
//! Punctuation marks `“”——` do; on the page they take no room (or a cell, for letters).

mod invariants;

use jianwen_engine::caps::builtin_profile;
use jianwen_engine::{analyze, Settings};

/// One hostile text and what the default analysis must make of it.
struct Case {
    kind: &'static str,
    text: String,
    /// 字数, 字符数（不计空格）, 字符数（计空格）, 汉字, 段落.
    counts: [usize; 5],
    lines: usize,
    pages: usize,
}

fn case(
    kind: &'static str,
    text: impl Into<String>,
    counts: [usize; 5],
    lines: usize,
    pages: usize,
) -> Case {
    Case {
        kind,
        text: text.into(),
        counts,
        lines,
        pages,
    }
}

/// Text as the UTF-16 importer (or a browser's `TextDecoder`) delivers it: lone surrogates
/// replaced by U+FFFD.
fn from_utf16(parts: &[&[u16]]) -> String {
    String::from_utf16_lossy(&parts.concat())
}

fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

#[rustfmt::skip] // One row per case reads as a table.
fn cases() -> Vec<Case> {
    let title = |body: &str| format!("标题\n{body}");
    vec![
        // A title of 4 汉字 and 2 replacement characters: 6 full-width 字 on one line.
        case("lone surrogates", from_utf16(&[&utf16("关于"), &[0xD800], &utf16("通知"), &[0xDC00]]), [6, 6, 6, 4, 1], 1, 1),
        // U+FFFD splits the run: `GDP`, `�`, `2024`.
        case("lone surrogate in a Latin run", from_utf16(&[&utf16("GDP"), &[0xD83D], &utf16("2024")]), [3, 8, 8, 0, 1], 1, 1),
        // NUL, SOH, BEL and ESC are half-width and neither letter nor digit: they add to no 字,
        // but `\x1b[0m` holds a digit and a letter, so it is one.
        case("NUL and control characters", title("甲\0乙\u{1}\u{7}丙\u{1B}[0m"), [6, 12, 12, 5, 2], 2, 1),
        case("control characters alone", "\0\u{1}\u{1F}", [0, 3, 3, 0, 1], 1, 1),
        // VT, FF, NEL, LS and PS are whitespace but no paragraph break: one paragraph.
        case("whitespace controls", "甲\u{B}乙\u{C}丙\u{85}丁\u{2028}戊\u{2029}己", [6, 6, 11, 6, 1], 1, 1),
        // A byte-order mark left by a paste (the importers strip the leading one of a file).
        case("U+FEFF", "\u{FEFF}关于通知\n正文\u{FEFF}。", [9, 9, 9, 6, 2], 2, 1),
        case("zero-width characters", "工作\u{200B}要求\u{200C}\u{200D}\u{2060}落实", [10, 10, 10, 6, 1], 1, 1),
        // 20 字 and 20 zero-width spaces still fit one 20-cell (2号) title line.
        case("zero-width spaces on the grid", "字\u{200B}".repeat(20), [40, 40, 40, 20, 1], 1, 1),
        // `Cafe` is one run; U+0301 above U+024F is one more 字; it takes no room.
        case("combining marks", "Cafe\u{301}", [2, 5, 5, 0, 1], 1, 1),
        // 40 half-width letters with a mark each fill the 20 cells of the title exactly.
        case("combining marks on the grid", "e\u{301}".repeat(40), [80, 80, 80, 0, 1], 1, 1),
        case("ideographic tone marks", "字\u{302A}\u{302B}", [3, 3, 3, 1, 1], 1, 1),
        // Arabic: 5 + 7 letters and a space, a cell per letter.
        case("RTL text", "مرحبا بالعالم", [12, 12, 13, 0, 1], 1, 1),
        // RLE and PDF around Hebrew, then a number and a 汉字.
        case("RTL embedding", "\u{202B}שלום\u{202C} 2024年", [8, 11, 12, 1, 1], 1, 1),
        // 26 字 after the 2-cell indent, then 28 a line: 1 + ⌈9974 / 28⌉ = 358 lines, 359 with the
        // title, on ⌈359 / 22⌉ = 17 pages.
        case("10,000 汉字 in one line", title(&"字".repeat(10_000)), [10_002, 10_002, 10_002, 10_002, 2], 359, 17),
        case("10,000 astral 汉字 in one line", title(&"𠮷".repeat(10_000)), [10_002, 10_002, 10_002, 10_002, 2], 359, 17),
        // One Latin word of 10,000 letters is one 字 of Word's count; a run longer than a line is
        // cut where it overflows. In Times New Roman an `a` is 7.1 pt (6.85 with the runs'
        // −0.25 pt): 59 fit the 442.25 pt line after the 32 pt indent, then 64 a line, so
        // 1 + ⌈9941 / 64⌉ = 157 lines, 158 with the title, on ⌈(158 + 1) / 22⌉ = 8 pages with the
        // blank line after the title. A digit is 8 pt (7.75): 52, then 57 a line: 176 + 1 lines.
        case("10,000 letters in one line", title(&"a".repeat(10_000)), [3, 10_002, 10_002, 2, 2], 158, 8),
        case("10,000 digits in one line", title(&"7".repeat(10_000)), [3, 10_002, 10_002, 2, 2], 177, 9),
        // An empty paragraph takes a line; the final break opens none: 100,000 lines on
        // ⌈100000 / 22⌉ = 4546 pages.
        case("100,000 empty lines (LF)", "\n".repeat(100_000), [0; 5], 100_000, 4546),
        case("100,000 empty lines (CRLF)", "\r\n".repeat(100_000), [0; 5], 100_000, 4546),
        case("100,000 empty lines (CR)", "\r".repeat(100_000), [0; 5], 100_000, 4546),
        // 13 + 4 + 11 字 in three one-line paragraphs.
        case("CR-only line ends", "关于做好春节放假安排的通知\r各单位：\r现将有关事项通知如下。\r", [28, 28, 28, 26, 3], 3, 1),
    ]
}

#[test]
fn hostile_inputs_get_sensible_figures() {
    let mut capped = Settings::default();
    capped.cap = builtin_profile("js-2019-policy").cloned();
    assert!(capped.cap.is_some(), "the Jiangsu policy cap is built in");
    for Case {
        kind,
        text,
        counts,
        lines,
        pages,
    } in cases()
    {
        let a = invariants::analyze_soundly(&text, &Settings::default());
        let c = a.counts;
        let got = [
            c.word_count,
            c.chars_no_spaces,
            c.chars_with_spaces,
            c.hanzi,
            c.paragraphs,
        ];
        assert_eq!(got, counts, "{kind}: 字数, 不计空格, 计空格, 汉字, 段落");
        assert_eq!(
            (a.layout.lines, a.layout.pages),
            (lines, pages),
            "{kind}: lines, pages"
        );
        // A cap changes the report, never the figures.
        let with_cap = invariants::analyze_soundly(&text, &capped);
        assert_eq!(
            (with_cap.counts, with_cap.layout),
            (a.counts, a.layout),
            "{kind} under a cap"
        );
    }
}

#[test]
fn lone_surrogates_keep_the_utf16_offsets_the_user_sees() {
    // Each lone surrogate becomes one U+FFFD, one UTF-16 unit like the surrogate it replaces, so
    // a caret or selection in the editor lands on the same characters as in the original.
    let original: Vec<u16> = [
        &utf16("第一"),
        &[0xDBFF][..],
        &utf16("条，"),
        &[0xDC00],
        &utf16("2024年"),
    ]
    .concat();
    let text = String::from_utf16_lossy(&original);
    assert_eq!(text, "第一\u{FFFD}条，\u{FFFD}2024年");
    assert_eq!(text.encode_utf16().count(), original.len());
    let a = analyze(&text, &Settings::default());
    assert_eq!(a.counts.word_count, 8);
}

#[test]
fn empty_lines_break_pages_every_22_lines() {
    // Page 2 starts with the 23rd empty paragraph, page n + 1 with paragraph 22n + 1; the last
    // page holds 100000 − 4545 × 22 = 10 lines.
    for brk in ["\n", "\r\n", "\r"] {
        let text = brk.repeat(100_000);
        let l = analyze(&text, &Settings::default()).layout;
        assert_eq!(l.page_starts.len(), 4545, "{brk:?}");
        assert!(
            l.page_starts
                .iter()
                .enumerate()
                .all(|(n, &at)| at == (n + 1) * 22 * brk.len()),
            "{brk:?}"
        );
        assert_eq!(l.lines_on_last_page, 10, "{brk:?}");
        assert_eq!(
            l.title_lines, 1,
            "{brk:?}: the first empty paragraph is the title"
        );
    }
}

#[test]
fn a_line_without_punctuation_is_one_long_sentence() {
    // The whole 10,000-字 paragraph is one sentence: one note over all of it, no other finding.
    let text = format!("标题\n{}", "字".repeat(10_000));
    let a = analyze(&text, &Settings::default());
    let rules: Vec<(&str, std::ops::Range<usize>)> =
        a.format.iter().map(|f| (f.rule, f.span.clone())).collect();
    assert_eq!(rules, [("format.sentence.long", 7..text.len())]);
    assert!(a.phrases.highlights.is_empty());
}

#[test]
fn cr_only_line_ends_analyse_like_lf() {
    // CR and LF are one byte each, so every offset, finding and page break must be the same.
    let lf = concat!(
        "关于进一步做好安全生产工作的通知\n",
        "各区县人民政府，\n",
        "为深入贯彻落实上级会议精神，结合我市实际，现就有关事项通知如下。\n",
        "一、高度重视,切实加强组织领导\n",
        "三、2019年02月05日前完成排查。\n",
        "附件：1、检查表\n",
    )
    .repeat(12);
    let cr = lf.replace('\n', "\r");
    let (a_lf, a_cr) = (
        analyze(&lf, &Settings::default()),
        analyze(&cr, &Settings::default()),
    );
    assert!(
        a_lf.format.len() > 12 && a_lf.phrases.highlights.len() > 12,
        "the text has findings to compare"
    );
    assert!(a_lf.layout.pages > 1, "the text has page breaks to compare");
    assert_eq!(a_cr, a_lf);
    // CRLF moves offsets but nothing else.
    let crlf = invariants::analyze_soundly(&lf.replace('\n', "\r\n"), &Settings::default());
    assert_eq!(
        (crlf.counts, crlf.layout.lines, crlf.layout.pages),
        (a_lf.counts, a_lf.layout.lines, a_lf.layout.pages)
    );
    let rules = |a: &jianwen_engine::Analysis| a.format.iter().map(|f| f.rule).collect::<Vec<_>>();
    assert_eq!(rules(&crlf), rules(&a_lf));
}
