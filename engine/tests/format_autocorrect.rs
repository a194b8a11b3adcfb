//! The punctuation checks side by side with AutoCorrect (`autocorrect` 2.14, the linter whose
//! rule table `format` follows), on the corpus: what each finds that the other does not.
//!
//! AutoCorrect runs with its spacing rules off (公文 puts no spaces between 汉字 and digits) and
//! its other rules at their defaults (fullwidth, halfwidth-word, halfwidth-punctuation). On the
//! corpus, every character it changes is compared with the marks our fixes change (run with
//! `--nocapture` for the figures per document), and the test asserts that it changes nothing we
//! would not; a table pins the kinds of difference on one line each.

mod support;

use jianwen_engine::chars::is_hanzi;
use jianwen_engine::format::{apply_fixes, check, Fix, FormatSettings};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Once;
use support::{corpus_text, expected_documents};

const SPACING_OFF: &str = "rules:
  space-word: 0
  space-punctuation: 0
  space-bracket: 0
  space-backticks: 0
  space-dash: 0
  space-dollar: 0
  no-space-fullwidth: 0
  no-space-fullwidth-quote: 0
  spellcheck: 0
";

/// AutoCorrect's configuration is global: set it once for every test of this file.
fn configure() {
    static CONFIG: Once = Once::new();
    CONFIG.call_once(|| {
        autocorrect::config::load(SPACING_OFF).expect("valid AutoCorrect config");
    });
}

/// Byte offsets of the characters AutoCorrect's lint changes in `text`.
fn autocorrect_changes(text: &str) -> BTreeSet<usize> {
    configure();
    let lint = autocorrect::lint_for(text, "text");
    assert!(lint.error.is_empty(), "AutoCorrect failed: {}", lint.error);
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let mut changed = BTreeSet::new();
    for result in &lint.lines {
        let line_start = line_starts[result.line - 1];
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let line = &text[line_start..line_end];
        let at = line_start
            + line
                .find(result.old.as_str())
                .expect("AutoCorrect reports text of the line");
        // With spacing off, AutoCorrect substitutes characters one for one and drops the spaces
        // after a converted mark.
        let mut old = result.old.char_indices().peekable();
        let mut new = result.new.chars().peekable();
        while let Some((i, o)) = old.next() {
            match new.next() {
                Some(n) if n == o => {}
                Some(_) => {
                    changed.insert(at + i);
                    while old.next_if(|&(_, c)| c == ' ').is_some() {}
                }
                None => {
                    changed.insert(at + i);
                }
            }
        }
    }
    changed
}

fn context(text: &str, at: usize) -> String {
    let before: String = text[..at]
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[at..].chars().take(5).collect();
    format!("{before}⟦{after}").replace('\n', "⏎")
}

#[test]
fn autocorrect_finds_nothing_we_miss() {
    let mut missed = Vec::new();
    for (name, _) in expected_documents() {
        let text = corpus_text(&name);
        let findings = check(&text, &FormatSettings::default());
        let theirs = autocorrect_changes(&text);
        // What our fixes would change: every ASCII mark inside an edit.
        let fixed = |at: usize| {
            findings
                .iter()
                .filter_map(|f| f.fix.as_ref())
                .any(|fix| fix.edits.iter().any(|e| e.span.contains(&at)))
        };
        let ours: BTreeSet<usize> = text
            .char_indices()
            .filter(|&(i, c)| c.is_ascii_punctuation() && fixed(i))
            .map(|(i, _)| i)
            .collect();
        let both = theirs.intersection(&ours).count();
        let mut only_ours: BTreeMap<char, (usize, Vec<String>)> = BTreeMap::new();
        for &i in ours.difference(&theirs) {
            let c = text[i..].chars().next().expect("an offset inside the text");
            let (n, examples) = only_ours.entry(c).or_default();
            *n += 1;
            if examples.len() < 2 {
                examples.push(context(&text, i));
            }
        }
        let only_theirs: Vec<String> = theirs
            .difference(&ours)
            .map(|&i| context(&text, i))
            .collect();
        println!(
            "{name}: AutoCorrect changes {}, our fixes change {}, both {both}",
            theirs.len(),
            ours.len()
        );
        for (c, (n, examples)) in &only_ours {
            println!("    only ours {c:?} ×{n}, e.g. {}", examples.join(" "));
        }
        for c in &only_theirs {
            println!("    only AutoCorrect: {c}");
        }
        missed.extend(only_theirs.iter().map(|c| format!("{name}: {c}")));

        // The brief's floor: every half-width comma between 汉字 that AutoCorrect converts is ours.
        for &i in &theirs {
            let between = text[i..].starts_with(',')
                && text[..i].chars().next_back().is_some_and(is_hanzi)
                && text[i + 1..].chars().next().is_some_and(is_hanzi);
            assert!(
                !between || ours.contains(&i),
                "{name}: {}",
                context(&text, i)
            );
        }
    }
    assert!(
        missed.is_empty(),
        "AutoCorrect changes we do not report: {missed:#?}"
    );
}

/// Where the two differ, on one line each: the text, our text after every fix, AutoCorrect's.
#[test]
fn known_differences() {
    configure();
    let rows = [
        // Both.
        ("方案.下一步", "方案。下一步", "方案。下一步"),
        ("是否可行?可行!", "是否可行？可行！", "是否可行？可行！"),
        (
            "网址www.gov.cn,请",
            "网址www.gov.cn，请",
            "网址www.gov.cn，请",
        ),
        ("圆周率3.14。", "圆周率3.14。", "圆周率3.14。"),
        ("文件.docx", "文件.docx", "文件.docx"),
        // Only ours: marks AutoCorrect leaves (; after 汉字, : before digits, brackets, a comma
        // after a closing quote), the 公文 rules, and the right mark after a heading number.
        ("中文;中文", "中文；中文", "中文;中文"),
        ("时间:10:30", "时间：10:30", "时间:10:30"),
        (
            "国内生产总值(GDP)增长",
            "国内生产总值（GDP）增长",
            "国内生产总值(GDP)增长",
        ),
        ("“好”,然后", "“好”，然后", "“好”,然后"),
        ("等等...", "等等……", "等等..."),
        ("工作,,要求", "工作，要求", "工作，,要求"),
        ("一.总体要求", "一、总体要求", "一。总体要求"),
        ("国办发[2019]07号", "国办发〔2019〕7号", "国办发[2019]07号"),
        ("2019年02月05日", "2019年2月5日", "2019年02月05日"),
        // Only AutoCorrect: full-width letters to half-width.
        ("用ＧＤＰ衡量", "用ＧＤＰ衡量", "用GDP衡量"),
    ];
    for (text, ours, theirs) in rows {
        let fixes: Vec<Fix> = check(text, &FormatSettings::default())
            .into_iter()
            .filter_map(|f| f.fix)
            .collect();
        assert_eq!(apply_fixes(text, &fixes), ours, "ours on {text:?}");
        assert_eq!(
            autocorrect::format_for(text, "text").out,
            theirs,
            "AutoCorrect on {text:?}"
        );
    }
}
