//! The texts the benchmarks measure, built the same way natively (`benches/analyze.rs`,
//! `benches/layout.rs`) and in the browser (`wasm-bench`), so that their figures compare: three
//! corpus documents and drafts generated from the corpus's paragraphs.
//!
//! Included by path (`#[path = …] mod texts;`) rather than exported by the engine: it is benchmark
//! scaffolding, not analysis. Only [`read_corpus`] touches files, for the native benches; the wasm
//! build is handed the corpus by its page.

use jianwen_engine::counting::count;

/// The corpus documents measured as they are: about 500, 2,500 and 9,500 字.
#[allow(dead_code)] // The layout bench takes only the longest.
pub const CORPUS_CASES: [&str; 3] = [
    "gov_2003_joint_meeting_notice",
    "seed1_bureau_rectification_plan",
    "hebei_2026_gov_work_report",
];

/// Every `.txt` document of the corpus folder `dir`, as (name without extension, text).
#[allow(dead_code)] // The wasm bench is handed its corpus by its page.
pub fn read_corpus(dir: &str) -> Vec<(String, String)> {
    let entries = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("corpus fixtures are missing: {dir}: {e}"));
    entries
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_name()?.to_str()?.strip_suffix(".txt")?.to_owned();
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            Some((name, text))
        })
        .collect()
}

/// One text to measure, with Word's 字数 so that time per 10,000 字 can be given.
pub struct Case {
    pub name: String,
    pub zi: usize,
    pub text: String,
}

/// The named corpus documents, then a draft generated for each size in `generated_zi`.
/// `corpus` is every corpus document as (name, text); its order does not matter.
pub fn cases(corpus: &[(String, String)], names: &[&str], generated_zi: &[usize]) -> Vec<Case> {
    let named = names.iter().map(|&name| {
        let (_, text) = corpus
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("{name} is not in the corpus"));
        (name.to_owned(), text.clone())
    });
    let generated = generated_zi
        .iter()
        .map(|&zi| (format!("generated_{}k", zi / 1000), generated(corpus, zi)));
    named
        .chain(generated)
        .map(|(name, text)| Case {
            name,
            zi: count(&text).word_count,
            text,
        })
        .collect()
}

const NUMERALS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// 1 → 一, 12 → 十二, 40 → 四十, for 1 to 99.
fn chinese(n: usize) -> String {
    match (n / 10, n % 10) {
        (0, units) => NUMERALS[units].to_string(),
        (1, units) => format!("十{}", NUMERALS[units]),
        (tens, units) => format!("{}十{}", NUMERALS[tens], NUMERALS[units]),
    }
}

/// The level of a paragraph's list marker and the text after it: 一、 is 0, （一） is 1, 1. is 2.
fn split_marker(paragraph: &str) -> Option<(usize, &str)> {
    let numerals = paragraph.trim_start_matches(|c| "一二三四五六七八九十".contains(c));
    if numerals.len() < paragraph.len() {
        return numerals.strip_prefix('、').map(|rest| (0, rest));
    }
    if let Some(inner) = paragraph.strip_prefix(['（', '(']) {
        let rest = inner.trim_start_matches(|c| "一二三四五六七八九十".contains(c));
        return (rest.len() < inner.len())
            .then(|| rest.strip_prefix(['）', ')']).map(|rest| (1, rest)))
            .flatten();
    }
    let rest = paragraph.trim_start_matches(|c: char| c.is_ascii_digit());
    (rest.len() < paragraph.len() && !rest.starts_with(|c: char| c.is_ascii_digit()))
        .then(|| rest.strip_prefix(['.', '．', '、']).map(|rest| (2, rest)))
        .flatten()
}

/// The top-level sections of one generated document before the next begins: long reports have
/// about this many.
const SECTIONS_PER_DOCUMENT: usize = 12;

/// A draft of at least `zi` 字 made of the corpus's body paragraphs in turn (documents in name
/// order), renumbered as one long report: 一、 二、 … with their own （一） and 1. items, and a new
/// document (title line) every [`SECTIONS_PER_DOCUMENT`] sections. So the text has the corpus's
/// real mix of marks, Latin and numbers, and its numbering is as varied and as consistent as a
/// real one.
pub fn generated(corpus: &[(String, String)], zi: usize) -> String {
    let mut documents: Vec<&(String, String)> = corpus.iter().collect();
    documents.sort_by(|a, b| a.0.cmp(&b.0));
    let body: Vec<&str> = documents
        .iter()
        .flat_map(|(_, text)| text.lines().skip(1))
        .filter(|p| !p.trim().is_empty())
        .collect();

    let mut draft = String::new();
    let mut document = 0;
    let mut numbers = [SECTIONS_PER_DOCUMENT, 0, 0];
    let mut words = 0;
    for paragraph in body.iter().cycle() {
        if words >= zi {
            break;
        }
        let line = match split_marker(paragraph) {
            Some((level, rest)) => {
                if level == 0 && numbers[0] == SECTIONS_PER_DOCUMENT {
                    document += 1;
                    numbers[0] = 0;
                    let title = format!("关于印发第{document}批重点工作实施方案的通知\n");
                    words += count(&title).word_count;
                    draft.push_str(&title);
                }
                numbers[level] += 1;
                numbers[level + 1..].fill(0);
                match level {
                    0 => format!("{}、{rest}", chinese(numbers[0])),
                    1 => format!("（{}）{rest}", chinese(numbers[1].min(99))),
                    _ => format!("{}.{rest}", numbers[2]),
                }
            }
            None => paragraph.to_string(),
        };
        words += count(&line).word_count;
        draft.push_str(&line);
        draft.push('\n');
    }
    draft
}
