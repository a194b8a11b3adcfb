//! Counting against `docs/reference/counting.md`'s examples, edge cases, and every corpus document.

mod support;

use jianwen_engine::counting::{count, Counts};

struct Case {
    name: &'static str,
    text: &'static str,
    /// 字数, 字符数（不计空格）, 字符数（计空格）, 汉字, 段落
    expected: [usize; 5],
}

const CASES: &[Case] = &[
    // The worked examples of counting.md.
    Case {
        name: "date",
        text: "2024年1月15日",
        expected: [6, 10, 10, 3, 1],
    },
    Case {
        name: "document number",
        text: "国办发〔2024〕1号",
        expected: [8, 11, 11, 4, 1],
    },
    Case {
        name: "standard with space",
        text: "按照GB/T 9704-2012要求，每页22行。",
        expected: [12, 24, 25, 7, 1],
    },
    Case {
        name: "quoted term",
        text: "“十四五”",
        expected: [5, 5, 5, 3, 1],
    },
    Case {
        name: "ascii comma between hanzi",
        text: "中,文",
        expected: [2, 3, 3, 2, 1],
    },
    Case {
        name: "full-width digits",
        text: "１２３４５",
        expected: [5, 5, 5, 0, 1],
    },
    Case {
        name: "supplementary-plane hanzi",
        text: "𠮷",
        expected: [1, 1, 1, 1, 1],
    },
    // Edge cases.
    Case {
        name: "empty",
        text: "",
        expected: [0, 0, 0, 0, 0],
    },
    Case {
        name: "whitespace only",
        text: " \t\u{3000}\n\r\n \n",
        expected: [0, 0, 4, 0, 0],
    },
    Case {
        name: "emoji",
        text: "好😀👍🏽",
        expected: [4, 4, 4, 1, 1],
    },
    Case {
        name: "crlf paragraphs",
        text: "第一段\r\n第二段\r\n",
        expected: [6, 6, 6, 6, 2],
    },
    Case {
        name: "cr-only paragraphs",
        text: "甲\r乙\r丙",
        expected: [3, 3, 3, 3, 3],
    },
    Case {
        name: "empty paragraphs are not counted",
        text: "甲\n\n\n乙",
        expected: [2, 2, 2, 2, 2],
    },
    Case {
        name: "tab separates runs",
        text: "ab\tcd",
        expected: [2, 4, 5, 0, 1],
    },
    Case {
        name: "ideographic space",
        text: "一\u{3000}二",
        expected: [2, 2, 3, 2, 1],
    },
    Case {
        name: "line break ends a half-width run",
        text: "GDP\n2024",
        expected: [2, 7, 7, 0, 2],
    },
    Case {
        name: "punctuation-only run counts nothing",
        text: "甲,(乙):",
        expected: [2, 6, 6, 2, 1],
    },
    Case {
        name: "percent and decimals are one run",
        text: "增长5.2%左右",
        expected: [5, 8, 8, 4, 1],
    },
    Case {
        name: "url is one run",
        text: "见www.gov.cn网站",
        expected: [4, 13, 13, 3, 1],
    },
    Case {
        name: "middle dot and times are full-width",
        text: "A·B×C",
        expected: [5, 5, 5, 0, 1],
    },
    Case {
        name: "latin extended letters join the run",
        text: "Ærø Ŧŋ",
        expected: [2, 5, 6, 0, 1],
    },
    Case {
        name: "ling is hanzi",
        text: "二〇二四年",
        expected: [5, 5, 5, 5, 1],
    },
    Case {
        name: "dash and ellipsis count each character",
        text: "——……",
        expected: [4, 4, 4, 0, 1],
    },
    Case {
        name: "nbsp is whitespace",
        text: "a\u{A0}b",
        expected: [2, 2, 3, 0, 1],
    },
];

#[test]
fn counting_table() {
    for case in CASES {
        let c = count(case.text);
        let got = [
            c.word_count,
            c.chars_no_spaces,
            c.chars_with_spaces,
            c.hanzi,
            c.paragraphs,
        ];
        assert_eq!(
            got, case.expected,
            "case `{}` ({:?}): [字数, 不计空格, 计空格, 汉字, 段落]",
            case.name, case.text
        );
    }
}

#[test]
fn counting_matches_expected_json_for_every_corpus_document() {
    for (name, expected) in support::expected_documents() {
        let text = support::corpus_text(&name);
        let want = &expected["counts"];
        let field = |key: &str| {
            want[key]
                .as_u64()
                .unwrap_or_else(|| panic!("{name}: counts.{key} missing")) as usize
        };
        let want = Counts {
            word_count: field("word_style"),
            chars_no_spaces: field("chars_no_whitespace"),
            chars_with_spaces: field("chars_with_spaces"),
            hanzi: field("cjk_ideographs"),
            paragraphs: field("paragraphs_nonempty"),
        };
        assert_eq!(count(&text), want, "{name}");
        // CRLF line ends (a file saved on Windows) change nothing.
        assert_eq!(count(&text.replace('\n', "\r\n")), want, "{name} with CRLF");
    }
}

#[test]
fn seed1_word_count_is_2610() {
    assert_eq!(
        count(&support::corpus_text("seed1_bureau_rectification_plan")).word_count,
        2610
    );
}
