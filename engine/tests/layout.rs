//! Layout against the 13 rules of `docs/reference/layout.md` (one table per rule, synthetic cases) and
//! against every corpus document's `expected.json`, line for line.
//!
//! Cases are written as patterns: `字×26` is 26 times `字`, `⟨字,⟩×13` is 13 times `字,`, `‸` ends a
//! count that digits follow (`字×23‸2024年`), and `|` separates the expected lines.

mod support;

use jianwen_engine::layout::{layout, Layout, LayoutProfile, ProfileError, Typesetter};
use jianwen_engine::{analyze, Settings};

/// Expands a case pattern (see the module docs).
fn expand(pattern: &str) -> String {
    let mut out = String::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        let group: String = match c {
            '‸' => continue,
            '⟨' => chars.by_ref().take_while(|&c| c != '⟩').collect(),
            c => c.to_string(),
        };
        let mut count = 1;
        if chars.next_if_eq(&'×').is_some() {
            let mut digits = String::new();
            while let Some(d) = chars.next_if(char::is_ascii_digit) {
                digits.push(d);
            }
            count = digits.parse().expect("× must be followed by a count");
        }
        out.push_str(&group.repeat(count));
    }
    out
}

/// The lines of a one-paragraph `text` laid out on `profile`.
fn lines_of(text: &str, profile: &LayoutProfile) -> Vec<String> {
    let l = layout(text, profile);
    assert_eq!(l.paragraphs.len(), 1, "{text:?} should be one paragraph");
    let p = &l.paragraphs[0];
    let ends = p.line_starts.iter().skip(1).copied().chain([p.span.end]);
    p.line_starts
        .iter()
        .zip(ends)
        .map(|(&start, end)| text[start..end].to_string())
        .collect()
}

/// Checks `(text, expected lines)` cases on a profile, patterns expanded.
#[track_caller]
fn check_lines<S: AsRef<str>>(rule: &str, profile: &LayoutProfile, cases: &[(S, S)]) {
    for (text, want) in cases {
        let (text, want) = (expand(text.as_ref()), expand(want.as_ref()));
        let want: Vec<&str> = want.split('|').collect();
        assert_eq!(lines_of(&text, profile), want, "{rule}: {text:?}");
    }
}

/// Body paragraphs only, on the reference grid (the 13 rules): GB/T 9704 with the first
/// paragraph indented like the others.
fn body() -> LayoutProfile {
    LayoutProfile::gbt9704()
        .with_title(false)
        .with_typesetter(Typesetter::ReferenceGrid)
}

/// `(lines, pages, lines_on_last_page)`.
fn totals(l: &Layout) -> (usize, usize, usize) {
    (l.lines, l.pages, l.lines_on_last_page)
}

#[test]
fn rule_01_twenty_two_lines_make_a_page() {
    let cases: &[(usize, (usize, usize, usize))] = &[
        (0, (0, 1, 0)),
        (1, (1, 1, 1)),
        (22, (22, 1, 22)),
        (23, (23, 2, 1)),
        (44, (44, 2, 22)),
        (45, (45, 3, 1)),
    ];
    for &(paragraphs, want) in cases {
        let text = "字\n".repeat(paragraphs);
        assert_eq!(
            totals(&layout(&text, &body())),
            want,
            "{paragraphs} one-line paragraphs"
        );
    }
}

#[test]
fn rule_02_the_indent_takes_two_cells_of_the_first_line() {
    check_lines(
        "rule 2",
        &body(),
        &[
            ("字×26", "字×26"),
            ("字×27", "字×26|字"),
            ("字×80", "字×26|字×28|字×26"),
        ],
    );
    // Other indents, as a profile may set.
    check_lines(
        "rule 2, no indent",
        &LayoutProfile::new(28, 22, 0).with_title(false),
        &[("字×28", "字×28"), ("字×29", "字×28|字")],
    );
    check_lines(
        "rule 2, indent 4",
        &LayoutProfile::new(28, 22, 4).with_title(false),
        &[("字×24", "字×24"), ("字×25", "字×24|字")],
    );
}

#[test]
fn rule_03_paragraphs_split_between_pages_at_any_line() {
    // 20 one-line paragraphs, then one of 26 + 28 + 28 + 1 hanzi: its third line is line 23.
    let long = "字".repeat(26 + 28 + 28 + 1);
    let text = format!("{}{long}", "字\n".repeat(20));
    let l = layout(&text, &body());
    assert_eq!(totals(&l), (24, 2, 2));
    let last = &l.paragraphs[20];
    assert_eq!(last.line_starts.len(), 4);
    assert_eq!(l.page_starts, [last.line_starts[2]]);
    assert_eq!(l.page_starts[0], 20 * 4 + (26 + 28) * 3);
}

#[test]
fn rule_04_an_empty_paragraph_takes_a_line() {
    let cases: &[(&str, usize)] = &[
        ("", 0),
        ("\n", 1),
        ("甲\n\n乙", 3),
        ("甲\n\n\n乙\n", 4),
        ("甲\r\n\r\n乙\r\n", 3),
        ("甲\r\r乙", 3),
    ];
    for &(text, lines) in cases {
        assert_eq!(layout(text, &body()).lines, lines, "{text:?}");
    }
    let l = layout("甲\n\n乙", &body());
    assert_eq!(l.paragraphs[1].span, 4..4);
    assert_eq!(l.paragraphs[1].line_starts, [4]);
}

#[test]
fn rule_05_full_width_characters_take_one_cell_each() {
    check_lines(
        "rule 5",
        &body(),
        &[
            ("①×26", "①×26"),
            ("①×27", "①×26|①"),
            ("Ⅰ×27", "Ⅰ×26|Ⅰ"),
            ("℃×27", "℃×26|℃"),
            ("〇×27", "〇×26|〇"),
            ("Ａ×27", "Ａ×26|Ａ"),
            ("𠮷×27", "𠮷×26|𠮷"),
            ("😀×27", "😀×26|😀"),
            // Each mark of —— and …… is a cell; marks in a row are not compressed.
            ("—×26", "—×26"),
            ("…×26字", "…×26|字"),
            ("字×20”“”“”“", "字×20”“”“”“"),
            ("字×13\u{3000}字×12", "字×13\u{3000}字×12"),
            ("字×13\u{3000}字×13", "字×13\u{3000}字×12|字"),
        ],
    );
    // An emoji with a skin tone, a family joined by ZWJ, and a decomposed é each take one place.
    let thumbs = "👍🏽".repeat(27);
    assert_eq!(
        lines_of(&thumbs, &body()),
        ["👍🏽".repeat(26), "👍🏽".to_string()]
    );
    let family = "👨\u{200D}👩\u{200D}👧";
    assert_eq!(
        lines_of(&family.repeat(27), &body()),
        [family.repeat(26), family.to_string()]
    );
    assert_eq!(
        lines_of(&format!("{}e\u{301}e", "字".repeat(25)), &body()).len(),
        1
    );
}

#[test]
fn rule_06_half_width_runs_take_half_a_cell_each_rounded_up() {
    check_lines(
        "rule 6",
        &body(),
        &[
            // GDP is 2 cells, 2024年 3, 〔2019〕7号 6.
            ("字×24GDP", "字×24GDP"),
            ("字×23GDP字", "字×23GDP字"),
            ("字×24GDP字", "字×24GDP|字"),
            ("字×22 2024年", "字×22 2024年"),
            ("字×23 2024年", "字×23 2024|年"),
            ("字×23‸2024年", "字×23‸2024年"),
            ("字×24‸2024年", "字×24‸2024|年"),
            ("字×20〔2019〕7号", "字×20〔2019〕7号"),
            ("字×21〔2019〕7号", "字×21〔2019〕7|号"),
            // A lone ASCII mark or digit between hanzi takes a whole cell.
            ("⟨字,⟩×13", "⟨字,⟩×13"),
            ("⟨字,⟩×13字", "⟨字,⟩×13|字"),
            ("⟨字(字)⟩×6字×2", "⟨字(字)⟩×6字×2"),
            ("⟨字:⟩×13字", "⟨字:⟩×13|字"),
            ("⟨字%⟩×13字", "⟨字%⟩×13|字"),
            ("⟨字1⟩×13字", "⟨字1⟩×13|字"),
            // Odd runs round up; even runs fill their cells.
            ("字×24ab字", "字×24ab字"),
            ("字×24abc字", "字×24abc|字"),
            ("字×25a字", "字×25a|字"),
        ],
    );
}

#[test]
fn rule_07_spaces_take_a_cell_except_one_at_the_very_start() {
    check_lines(
        "rule 7",
        &body(),
        &[
            ("字×13 字×12", "字×13 字×12"),
            ("字×13 字×13", "字×13 字×12|字"),
            (" 字×26", " 字×26"),
            (" 字×27", " 字×26|字"),
            ("  字×25", "  字×25"),
            ("  字×26", "  字×25|字"),
            // A space that does not fit hangs past the margin, and never starts a line.
            ("字×26 字", "字×26 |字"),
            ("字×26   字", "字×26   |字"),
            ("字×26 ", "字×26 "),
        ],
    );
    check_lines(
        "rule 7, title",
        &LayoutProfile::gbt9704().with_typesetter(Typesetter::ReferenceGrid),
        &[(" 字×28", " 字×28"), ("  字×28", "  字×27|字")],
    );
}

#[test]
fn rule_08_one_comma_or_stop_hangs_in_the_margin() {
    let each_mark: Vec<(String, String)> = "，。、：；？！．,.:;?!"
        .chars()
        .flat_map(|mark| {
            [
                (format!("字×26{mark}"), format!("字×26{mark}")),
                (format!("字×26{mark}字"), format!("字×26{mark}|字")),
                (format!("字×26{mark} 字"), format!("字×26{mark} |字")),
            ]
        })
        .collect();
    check_lines("rule 8", &body(), &each_mark);
    check_lines(
        "rule 8",
        &body(),
        &[
            // Only one character hangs: a second mark pulls the 28th character down.
            ("字×26？！", "字×25|字？！"),
            ("字×26，，字", "字×25|字，，字"),
            // A mark before the last cell does not hang; it is set in its cell.
            ("字×25，字字", "字×25，|字字"),
            // Inside a number a full stop is not a mark that can hang: the number moves whole.
            ("字×25a5.2", "字×25|a5.2"),
        ],
    );
}

#[test]
fn rule_09_closing_marks_pull_the_last_character_down() {
    let each_mark: Vec<(String, String)> = "”’）》〉」』】〕｝)]}·～々"
        .chars()
        .flat_map(|mark| {
            [
                (format!("字×26{mark}"), format!("字×25|字{mark}")),
                (format!("字×25{mark}字"), format!("字×25{mark}|字")),
            ]
        })
        .collect();
    check_lines("rule 9", &body(), &each_mark);
    check_lines(
        "rule 9",
        &body(),
        &[
            // 。 could hang, but ” cannot start a line.
            ("字×26。”", "字×25|字。”"),
            ("字×26！）", "字×25|字！）"),
            // Two closing marks pull one character down with both.
            ("字×25字”）", "字×25|字”）"),
            ("字×24字字”）", "字×25|字”）"),
        ],
    );
}

#[test]
fn rule_10_opening_marks_do_not_end_a_line() {
    let each_mark: Vec<(String, String)> = "“‘（《〈「『【〔［｛([{"
        .chars()
        .map(|mark| (format!("字×25{mark}字字"), format!("字×25|{mark}字字")))
        .collect();
    check_lines("rule 10", &body(), &each_mark);
    check_lines(
        "rule 10",
        &body(),
        &[
            ("字×24《（字字", "字×24|《（字字"),
            ("字×23（字）字", "字×23（字）|字"),
            ("字×24（字）字", "字×24|（字）字"),
            // ASCII quotes may open or close: a line breaks on neither side of them.
            ("字×25\"字\"", "字×24|字\"字\""),
            ("字×26\"", "字×25|字\""),
        ],
    );
}

#[test]
fn rule_11_dashes_and_ellipses_start_lines_but_never_split() {
    check_lines(
        "rule 11",
        &body(),
        &[
            ("字×26——字", "字×26|——字"),
            ("字×26……字", "字×26|……字"),
            ("字×25——字", "字×25|——字"),
            ("字×25……字", "字×25|……字"),
            ("字×24————字", "字×24|————字"),
            ("字×25――字", "字×25|――字"),
            ("字×25⋯⋯字", "字×25|⋯⋯字"),
            ("字×26%", "字×26|%"),
            ("字×26℃", "字×26|℃"),
            ("字×26~", "字×26|~"),
        ],
    );
}

#[test]
fn rule_12_latin_words_and_numbers_move_whole() {
    check_lines(
        "rule 12",
        &body(),
        &[
            ("字×25GDP", "字×25|GDP"),
            ("字×25 2024年", "字×25 |2024年"),
            ("字×25‸2024年", "字×25|2024年"),
            ("字×25‸5.2%", "字×25|5.2%"),
            ("字×24Windows字", "字×24|Windows字"),
            ("字×24GB/T 9704", "字×24GB/T |9704"),
            // A run longer than a line is cut where it overflows, then fills whole lines.
            ("a×60", "a×52|a×8"),
            ("字a×60", "字|a×56|a×4"),
            // URLs break after a slash, never inside `//`.
            (
                "字×20www.gov.cn/zhengce/a.htm",
                "字×20www.gov.cn/|zhengce/a.htm",
            ),
            ("字×20http://gov.cn/a", "字×20http://|gov.cn/a"),
            ("字×23http://a", "字×23|http://a"),
            ("字×22http://gov.cn/a", "字×22http://|gov.cn/a"),
        ],
    );
}

#[test]
fn rule_13_a_title_wraps_like_a_line_without_indent() {
    // On the reference grid the title is set at the body's size (expected.json); as GB/T 9704
    // and the exported .docx set it, at 2号, 20 of the 3号 body's 28 cells, with a blank line
    // after it when a paragraph with text follows.
    let reference = LayoutProfile::gbt9704().with_typesetter(Typesetter::ReferenceGrid);
    let gbt = LayoutProfile::gbt9704();
    let cases: &[(&LayoutProfile, &str, &str)] = &[
        (&reference, "字×28", "字×28"),
        (&reference, "字×30", "字×28|字×2"),
        (&reference, "字×28。", "字×28。"),
        (&reference, "字×27《字", "字×27|《字"),
        (&gbt, "字×20", "字×20"),
        (&gbt, "字×21", "字×20|字"),
        (&gbt, "字×20。", "字×20。"),
        (&gbt, "字×19《字", "字×19|《字"),
        (&gbt, "字×14 2024 字×3", "字×14 2024 字×3"),
    ];
    for (profile, pattern, want) in cases {
        let text = expand(&format!("{pattern}\n字×27"));
        let l = layout(&text, profile);
        let lines = expand(want).split('|').count();
        assert_eq!(l.title_lines, lines, "title {pattern}");
        assert_eq!(l.lines, lines + 2, "title {pattern} then 27 hanzi of body");
        assert_eq!(
            l.lines_after_title,
            profile.lines_after_title(),
            "title {pattern}"
        );
        let first_line = &text[..l.paragraphs[0]
            .line_starts
            .get(1)
            .copied()
            .unwrap_or(l.paragraphs[0].span.end)];
        assert_eq!(
            first_line,
            expand(want).split('|').next().unwrap(),
            "title {pattern}"
        );
    }
    // Without a title the first paragraph is indented.
    let l = layout(&expand("字×28"), &gbt.with_title(false));
    assert_eq!((l.lines, l.title_lines, l.lines_after_title), (2, 0, 0));
}

/// The exported .docx as LibreOffice sets it (Times New Roman widths, −0.25 pt runs, autospace,
/// the 2号 title, the 主送机关 flush left): each case's lines are those LibreOffice 7.4 made of it
/// in a .docx written by the exporter (laid out with `cargo xtask compare-docx`'s setup).
#[test]
fn docx_lines_are_the_exported_file_s() {
    #[derive(Clone, Copy)]
    enum Role {
        Title,
        Addressee,
        Body,
    }
    let cases: &[(Role, &str, &str)] = &[
        (Role::Title, "关于字×19‸的通知", "关于字×18‸|字的通知"),
        (Role::Body, "⟨字12⟩×30", "⟨字12⟩×10字|12⟨字12⟩×11|⟨字12⟩×8"),
        (Role::Body, "⟨字,⟩×40", "⟨字,⟩×20|⟨字,⟩×20"),
        (Role::Body, "字×24‸GDP字×10‸", "字×24‸|GDP字×10‸"),
        (Role::Body, "⟨2024年⟩×12", "⟨2024年⟩×7‸2024|年⟨2024年⟩×4"),
        (Role::Body, "附件：1.字×30‸", "附件：1.字×22‸|字×8‸"),
        (Role::Title, "字×14‸2024字×3‸", "字×14‸2024字×3‸"),
        (
            Role::Body,
            "字×23‸2.5万人次字×10‸",
            "字×23‸2.5万|人次字×10‸",
        ),
        (Role::Body, "字×25‸“字”字×20‸", "字×25‸|“字”字×20‸"),
        (Role::Body, "字×26‸。”字×10‸", "字×25‸|字。”字×10‸"),
        (Role::Body, "字×25‸5.2%字×10‸", "字×25‸|5.2%字×10‸"),
        (Role::Title, "字×15‸2024字×3‸", "字×15‸2024字×2‸|字"),
        (
            Role::Addressee,
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
        ),
        (Role::Body, "字×27‸，字×5‸", "字×26‸|字，字×5‸"),
        (Role::Body, "字×10‸", "字×10‸"),
        // Latin runs joined by 、，。 or a closing mark stay whole (`G109、G219`, `6.8%、5.2%`);
        // a mark after a Latin letter or digit does not hang; one after a 汉字 does, and ends the
        // line even before a digit (`人次、|10万`).
        (
            Role::Body,
            "字×14‸G109、G219、G318、G695字×30‸",
            "字×14‸|G109、G219、G318、G695字×15‸|字×15‸",
        ),
        (
            Role::Body,
            "字×20‸G109、G219、G318、G695字×30‸",
            "字×20‸|G109、G219、G318、G695字×15‸|字×15‸",
        ),
        (
            Role::Body,
            "字×26‸G109、G219、G318、G695字×30‸",
            "字×26‸|G109、G219、G318、G695字×15‸|字×15‸",
        ),
        (
            Role::Body,
            "字×18‸接待游客2.5万人次、10万人次和字×20‸",
            "字×18‸接待游客2.5万人|次、10万人次和字×20‸",
        ),
        (
            Role::Body,
            "字×24‸接待游客2.5万人次、10万人次和字×20‸",
            "字×24‸接待|游客2.5万人次、10万人次和字×15‸|字×5‸",
        ),
        (
            Role::Body,
            "字×18‸增长6.8%、5.2%，字×20‸",
            "字×18‸增长|6.8%、5.2%，字×20‸",
        ),
        (
            Role::Body,
            "字×24‸增长6.8%、5.2%，字×20‸",
            "字×24‸增长|6.8%、5.2%，字×20‸",
        ),
        (
            Role::Body,
            "字×22‸12、G34、字×30‸",
            "字×22‸|12、G34、字×23‸|字×7‸",
        ),
        (
            Role::Body,
            "字×24‸12、G34、字×30‸",
            "字×24‸|12、G34、字×23‸|字×7‸",
        ),
        (
            Role::Body,
            "字×22‸12，G34，字×30‸",
            "字×22‸|12，G34，字×23‸|字×7‸",
        ),
        (
            Role::Body,
            "字×24‸12，G34，字×30‸",
            "字×24‸|12，G34，字×23‸|字×7‸",
        ),
        (
            Role::Body,
            "字×22‸12。G34。字×30‸",
            "字×22‸|12。G34。字×23‸|字×7‸",
        ),
        (
            Role::Body,
            "字×24‸12。G34。字×30‸",
            "字×24‸|12。G34。字×23‸|字×7‸",
        ),
        (
            Role::Body,
            "字×22‸12；G34；字×30‸",
            "字×22‸12；|G34；字×25‸|字×5‸",
        ),
        (
            Role::Body,
            "字×24‸12；G34；字×30‸",
            "字×24‸|12；G34；字×23‸|字×7‸",
        ),
        (
            Role::Body,
            "字×22‸12：G34：字×30‸",
            "字×22‸12：|G34：字×25‸|字×5‸",
        ),
        (
            Role::Body,
            "字×24‸12：G34：字×30‸",
            "字×24‸|12：G34：字×23‸|字×7‸",
        ),
        (
            Role::Body,
            "字×22‸12！G34！字×30‸",
            "字×22‸12！|G34！字×25‸|字×5‸",
        ),
        (
            Role::Body,
            "字×24‸12！G34！字×30‸",
            "字×24‸|12！G34！字×23‸|字×7‸",
        ),
        (
            Role::Body,
            "字×22‸12？G34？字×30‸",
            "字×22‸12？|G34？字×25‸|字×5‸",
        ),
        (
            Role::Body,
            "字×24‸12？G34？字×30‸",
            "字×24‸|12？G34？字×23‸|字×7‸",
        ),
        (
            Role::Body,
            "字×22‸12）G34）字×30‸",
            "字×22‸|12）G34）字×23‸|字×7‸",
        ),
        (
            Role::Body,
            "字×24‸12）G34）字×30‸",
            "字×24‸|12）G34）字×23‸|字×7‸",
        ),
        (
            Role::Body,
            "字×22‸12》G34》字×30‸",
            "字×22‸|12》G34》字×23‸|字×7‸",
        ),
        (
            Role::Body,
            "字×24‸12》G34》字×30‸",
            "字×24‸|12》G34》字×23‸|字×7‸",
        ),
        (
            Role::Body,
            "字×22‸12”G34”字×30‸",
            "字×22‸12”G34”|字×28‸|字×2‸",
        ),
        (
            Role::Body,
            "字×24‸12”G34”字×30‸",
            "字×24‸|12”G34”字×24‸|字×6‸",
        ),
    ];
    let docx = LayoutProfile::gbt9704();
    for &(role, text, want) in cases {
        let (text, want) = (expand(text), expand(want));
        let (whole, index, profile) = match role {
            Role::Title => (text.clone(), 0, docx),
            Role::Addressee => (format!("关于某事的通知\n{text}\n正文。"), 1, docx),
            Role::Body => (text.clone(), 0, docx.with_title(false)),
        };
        let l = layout(&whole, &profile);
        let p = &l.paragraphs[index];
        let ends = p.line_starts.iter().skip(1).copied().chain([p.span.end]);
        let got: Vec<&str> = p
            .line_starts
            .iter()
            .zip(ends)
            .map(|(&start, end)| &whole[start..end])
            .collect();
        assert_eq!(got, want.split('|').collect::<Vec<_>>(), "{text:?}");
    }
}

#[test]
fn the_blank_line_after_a_gbt9704_title_takes_a_grid_line_of_its_own() {
    let gbt = LayoutProfile::gbt9704();
    // Title, then 21 one-line paragraphs: 22 text lines and the blank line make 23 grid lines.
    let body = vec!["字×10"; 21].join("\n");
    let text = expand(&format!("标题\n{body}"));
    let l = layout(&text, &gbt);
    assert_eq!((l.lines, l.lines_after_title, l.pages), (22, 1, 2));
    assert_eq!(l.lines_on_last_page, 1);
    let last = l.paragraphs.last().unwrap();
    assert_eq!(l.page_starts, [last.span.start]);
    let pages = l.pages_of(&gbt);
    assert_eq!(
        pages[0].lines[1].blank_before, 1,
        "the line after the title"
    );
    assert_eq!(pages[0].lines.len() + pages[0].lines[1].blank_before, 22);
    // A blank paragraph typed after the title is that line already; a title alone has none.
    let typed = layout(&expand(&format!("标题\n\n{body}")), &gbt);
    assert_eq!((typed.lines, typed.lines_after_title), (23, 0));
    assert_eq!(layout("标题", &gbt).lines_after_title, 0);
    // The reference grid has no blank line.
    let reference = layout(&text, &gbt.with_typesetter(Typesetter::ReferenceGrid));
    assert_eq!((reference.lines_after_title, reference.pages), (0, 1));
}

#[test]
fn page_starts_and_header_lines() {
    // 30 paragraphs of 27 hanzi (2 lines each): 60 lines.
    let para = "字".repeat(27);
    let text = vec![para.as_str(); 30].join("\n");
    let para_bytes = 27 * 3 + 1;
    let line_start = |line: usize| (line / 2) * para_bytes + (line % 2) * 26 * 3;
    let cases: &[(u32, usize, usize, &[usize])] = &[
        // header, pages, lines on the last page, first line of each page after the first
        (0, 3, 16, &[22, 44]),
        (1, 3, 17, &[21, 43]),
        (13, 4, 7, &[9, 31, 53]),
        (21, 4, 15, &[1, 23, 45]),
    ];
    for &(header, pages, last, first_lines) in cases {
        let profile = body().with_header_lines(header);
        let l = layout(&text, &profile);
        assert_eq!(
            (l.lines, l.pages, l.lines_on_last_page),
            (60, pages, last),
            "header {header}"
        );
        let want: Vec<usize> = first_lines.iter().map(|&line| line_start(line)).collect();
        assert_eq!(l.page_starts, want, "header {header}");
    }
    // An empty draft is one page; the header is on it.
    let l = layout("", &body().with_header_lines(13));
    assert_eq!(
        (l.lines, l.pages, l.lines_on_last_page, l.page_starts.len()),
        (0, 1, 13, 0)
    );
    // A page that begins with an empty paragraph begins at that paragraph's span.
    let text = format!("{}\n字", "字\n".repeat(22));
    let l = layout(&text, &body());
    assert_eq!(l.page_starts, [22 * 4]);
    assert_eq!(l.paragraphs[22].span, 88..88);
}

#[test]
fn offsets_are_bytes_with_astral_characters_and_crlf() {
    // 𠮷 and 😀 are 4 bytes each; CRLF ends a paragraph in 2 bytes.
    let text = format!("{}\r\n{}😀", "𠮷".repeat(27), "字".repeat(26));
    let l = layout(&text, &body());
    assert_eq!(l.paragraphs[0].line_starts, [0, 26 * 4]);
    let second = 27 * 4 + 2;
    assert_eq!(l.paragraphs[1].span, second..text.len());
    assert_eq!(l.paragraphs[1].line_starts, [second, second + 26 * 3]);
    // The same text with LF lays out the same lines.
    let lf = layout(&text.replace("\r\n", "\n"), &body());
    let counts = |l: &Layout| {
        l.paragraphs
            .iter()
            .map(|p| p.line_starts.len())
            .collect::<Vec<_>>()
    };
    assert_eq!(counts(&lf), counts(&l));
}

#[test]
fn invariants_hold_for_any_text_on_any_grid() {
    // Every kind of character the rules treat differently, mixed at random (a fixed LCG, so the
    // test is repeatable), laid out on grids from the narrowest to the widest.
    let alphabet: Vec<char> =
        "字𠮷😀\u{1F3FD}\u{200D}\u{301}，。,.”）)“（(——……%℃~ \u{3000}\u{A0}\u{200B}\"/aZ09\n\r"
            .chars()
            .collect();
    let mut seed: u64 = 2024;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let profiles = [
        (1, 1, 0, 0),
        (2, 3, 1, 2),
        (5, 22, 0, 0),
        (28, 22, 2, 13),
        (200, 200, 199, 199),
    ];
    for _ in 0..200 {
        let len = next() % 300;
        let text: String = (0..len)
            .map(|_| alphabet[next() % alphabet.len()])
            .collect();
        for (cells, lines, indent, header) in profiles {
            let profile = LayoutProfile::new(cells, lines, indent).with_header_lines(header);
            let l = layout(&text, &profile);
            for p in &l.paragraphs {
                assert_eq!(p.line_starts[0], p.span.start, "{text:?}");
                assert!(
                    p.line_starts.windows(2).all(|w| w[0] < w[1]),
                    "{text:?}: line starts not ascending"
                );
                assert!(
                    p.line_starts[1..]
                        .iter()
                        .all(|&at| at < p.span.end && text.is_char_boundary(at)),
                    "{text:?}"
                );
            }
            assert_eq!(
                l.lines,
                l.paragraphs
                    .iter()
                    .map(|p| p.line_starts.len())
                    .sum::<usize>()
            );
            let (per_page, filled) = (
                lines as usize,
                header as usize + l.lines_after_title + l.lines,
            );
            assert!(
                l.pages >= 1 && (l.pages - 1) * per_page <= filled && filled <= l.pages * per_page,
                "{text:?}"
            );
            assert_eq!(l.page_starts.len(), l.pages - 1, "{text:?}");
            assert!((1..=per_page).contains(&l.lines_on_last_page) || filled == 0);
        }
    }
}

#[test]
fn profile_validation_rejects_absurd_values() {
    // (cells per line, lines per page, indent) and what `try_new` says.
    type Case = ((u32, u32, u32), Result<(), ProfileError>);
    let cases: &[Case] = &[
        ((28, 22, 2), Ok(())),
        ((1, 1, 0), Ok(())),
        ((200, 200, 199), Ok(())),
        ((0, 22, 0), Err(ProfileError::CellsPerLine(0))),
        ((201, 22, 2), Err(ProfileError::CellsPerLine(201))),
        ((28, 0, 2), Err(ProfileError::LinesPerPage(0))),
        ((28, 1000, 2), Err(ProfileError::LinesPerPage(1000))),
        (
            (28, 22, 28),
            Err(ProfileError::FirstLineIndent {
                indent: 28,
                cells_per_line: 28,
            }),
        ),
        (
            (2, 22, 2),
            Err(ProfileError::FirstLineIndent {
                indent: 2,
                cells_per_line: 2,
            }),
        ),
    ];
    for &((cells, lines, indent), want) in cases {
        assert_eq!(
            LayoutProfile::try_new(cells, lines, indent).map(|_| ()),
            want,
            "{cells} × {lines}, indent {indent}"
        );
    }
    let gb = LayoutProfile::gbt9704();
    assert_eq!(
        gb.try_with_header_lines(21).map(|p| p.header_lines()),
        Ok(21)
    );
    assert_eq!(
        gb.try_with_header_lines(22),
        Err(ProfileError::HeaderLines {
            header_lines: 22,
            lines_per_page: 22
        })
    );
    // The messages are for the user.
    let messages = [
        (
            ProfileError::CellsPerLine(0),
            "每行字数应在 1 到 200 之间，当前为 0",
        ),
        (
            ProfileError::LinesPerPage(500),
            "每页行数应在 1 到 200 之间，当前为 500",
        ),
        (
            ProfileError::FirstLineIndent {
                indent: 30,
                cells_per_line: 28,
            },
            "首行缩进 30 字，须小于每行字数 28",
        ),
        (
            ProfileError::HeaderLines {
                header_lines: 22,
                lines_per_page: 22,
            },
            "红头预留 22 行，须少于每页行数 22：首页必须有正文",
        ),
    ];
    for (error, message) in messages {
        assert_eq!(error.to_string(), message);
    }
}

#[test]
#[should_panic(expected = "每行字数应在 1 到 200 之间，当前为 0")]
fn profile_new_panics_with_the_message() {
    LayoutProfile::new(0, 22, 2);
}

#[test]
fn profiles_round_trip_through_json_and_are_checked_on_the_way_in() {
    let red = LayoutProfile::new(30, 25, 2)
        .with_title(false)
        .with_header_lines(13);
    let json = serde_json::to_string(&red).unwrap();
    assert_eq!(
        json,
        r#"{"cells_per_line":30,"lines_per_page":25,"first_line_indent":2,"title":false,"typesetter":"docx","header_lines":13}"#
    );
    assert_eq!(serde_json::from_str::<LayoutProfile>(&json).unwrap(), red);
    // Fields missing from an older stored profile take the GB/T 9704 values.
    assert_eq!(
        serde_json::from_str::<LayoutProfile>(r#"{"header_lines":13}"#).unwrap(),
        LayoutProfile::gbt9704().with_header_lines(13)
    );
    let bad = serde_json::from_str::<LayoutProfile>(r#"{"cells_per_line":0}"#).unwrap_err();
    assert!(bad.to_string().contains("每行字数"), "{bad}");
    assert!(
        serde_json::from_str::<LayoutProfile>(r#"{"lines_per_page":22,"header_lines":22}"#)
            .is_err()
    );
}

#[test]
fn analyze_lays_out_on_the_settings_profile() {
    let text = support::corpus_text("gov_2024_holiday_notice");
    let mut settings = Settings::default();
    assert_eq!(
        analyze(&text, &settings).layout,
        layout(&text, &LayoutProfile::gbt9704())
    );
    settings.layout =
        LayoutProfile::gbt9704().with_header_lines(LayoutProfile::TYPICAL_HEADER_LINES);
    let analysis = analyze(&text, &settings);
    // As the exported file sets it: the 2号 title takes two lines (one on the reference grid), the
    // 主送机关 flush left one (two when indented), and the blank line after the title one more.
    assert_eq!((analysis.layout.lines, analysis.layout.pages), (24, 2));
    assert_eq!(analysis.layout.lines_on_last_page, 13 + 24 + 1 - 22);
}

#[test]
fn layout_matches_expected_json_for_every_corpus_document() {
    let mut documents = 0;
    for (name, expected) in support::expected_documents() {
        let field = |key: &str| {
            expected[key]
                .as_u64()
                .unwrap_or_else(|| panic!("{name}: {key} missing")) as usize
        };
        let list = |key: &str| -> Vec<serde_json::Value> {
            expected[key]
                .as_array()
                .unwrap_or_else(|| panic!("{name}: {key} missing"))
                .clone()
        };
        let want_lines: Vec<usize> = list("paragraph_lines")
            .iter()
            .map(|v| v.as_u64().unwrap() as usize)
            .collect();
        let want_starts: Vec<Vec<usize>> = list("paragraph_line_starts")
            .iter()
            .map(|starts| {
                starts
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_u64().unwrap() as usize)
                    .collect()
            })
            .collect();

        let text = support::corpus_text(&name);
        for (variant, text) in [("LF", text.clone()), ("CRLF", text.replace('\n', "\r\n"))] {
            // expected.json's grid sets the title at the body's size with no blank line after it.
            let reference = LayoutProfile::gbt9704().with_typesetter(Typesetter::ReferenceGrid);
            let l = layout(&text, &reference);
            let got = (l.pages, l.lines, l.title_lines, l.lines_on_last_page);
            let want = (
                field("pages"),
                field("lines"),
                field("title_lines"),
                field("lines_on_last_page"),
            );
            assert_eq!(
                got, want,
                "{name} ({variant}): (pages, lines, title_lines, lines_on_last_page)"
            );
            let got_lines: Vec<usize> = l.paragraphs.iter().map(|p| p.line_starts.len()).collect();
            assert_eq!(got_lines, want_lines, "{name} ({variant}): paragraph_lines");
            for (index, (p, want)) in l.paragraphs.iter().zip(&want_starts).enumerate() {
                // expected.json counts characters from the start of the paragraph.
                let got: Vec<usize> = p
                    .line_starts
                    .iter()
                    .map(|&at| text[p.span.start..at].chars().count())
                    .collect();
                assert_eq!(
                    &got, want,
                    "{name} ({variant}): line starts of paragraph {index}"
                );
            }
        }
        documents += 1;
    }
    assert_eq!(
        documents, 11,
        "expected.json should list the 11 corpus documents"
    );
}

/// The pages the print preview and the export draw agree with the layout's figures on every
/// corpus document, with and without a 红头 header's reservation.
#[test]
fn pages_hold_every_line_once_and_agree_with_the_figures() {
    let names = support::expected_documents()
        .into_iter()
        .map(|(name, _)| name);
    for name in names {
        let text = support::corpus_text(&name);
        for profile in [body(), body().with_header_lines(13)] {
            let l = layout(&text, &profile);
            let pages = l.pages_of(&profile);
            let what = format!("{name}, header {}", profile.header_lines());
            assert_eq!(pages.len(), l.pages, "{what}: page count");
            let lines: usize = pages.iter().map(|p| p.lines.len()).sum();
            assert_eq!(lines, l.lines, "{what}: line count");
            let last = pages.last().unwrap();
            assert_eq!(
                last.reserved_lines + last.lines.len(),
                l.lines_on_last_page,
                "{what}: lines on the last page"
            );
            for (page, &start) in pages.iter().skip(1).zip(&l.page_starts) {
                assert_eq!(
                    page.lines[0].span.start, start,
                    "{what}: page {}",
                    page.number
                );
            }
            assert!(pages
                .iter()
                .all(|p| p.reserved_lines + p.lines.len() <= profile.lines_per_page() as usize));
            let joined: String = pages
                .iter()
                .flat_map(|p| &p.lines)
                .map(|line| &text[line.span.clone()])
                .collect();
            let paragraphs: String = l.paragraphs.iter().map(|p| &text[p.span.clone()]).collect();
            assert_eq!(joined, paragraphs, "{what}: every character once, in order");
        }
    }
}
