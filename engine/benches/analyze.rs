//! The cost of a full analysis, of each of its stages, and of AutoCorrect's lint on the same
//! texts, from a short notice to a generated 1,000,000-字 draft, so that linear growth shows.
//!
//! `cargo bench -p jianwen-engine --bench analyze -- --warm-up-time 1 --measurement-time 3`
//!
//! Sizes are Word's 字数 ([`Counts::word_count`]) and criterion's throughput is in 字, so the time
//! per 10,000 字 is 10,000 ÷ the reported elements per second. Three corpus documents (about 500,
//! 2,500 and 9,500 字) and generated drafts of about 25,000, 100,000 and 1,000,000 字.
//!
//! Groups:
//! - `analyze`: [`analyze`] with the default settings and the `js-2019-policy` cap chosen, as the
//!   app calls it on every keystroke;
//! - `count`, `layout`, `phrases`, `format`, `caps`: each stage alone (`caps` is
//!   [`caps::evaluate`] given the counts and layout it needs);
//! - `autocorrect_lint`: `autocorrect::lint_for(text, "text")` with AutoCorrect's default rules,
//!   the peer our full analysis should cost less than.
//!
//! The benches inherit `[profile.release]`'s `opt-level = "z"`, which is what the browser runs.
//! For figures at full optimisation, without editing the workspace's profiles:
//! `CARGO_PROFILE_BENCH_OPT_LEVEL=3 cargo bench -p jianwen-engine --bench analyze`.

use criterion::{criterion_group, criterion_main, BenchmarkGroup, BenchmarkId, Criterion, Throughput};
use criterion::measurement::WallTime;
use jianwen_engine::caps::{self, builtin_profile};
use jianwen_engine::counting::{count, Counts};
use jianwen_engine::format::{self, FormatSettings};
use jianwen_engine::layout::{layout, LayoutProfile};
use jianwen_engine::phrases::{self, RuleSet};
use jianwen_engine::{analyze, Settings};
use std::hint::black_box;
use std::path::Path;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");

/// The cap profile chosen for the draft, so that the caps stage (cut offsets) runs too.
const CAP: &str = "js-2019-policy";

/// Beyond this many 字 a case gets criterion's minimum of 10 samples, so that it stays short.
const LARGE: usize = 500_000;

fn corpus_text(name: &str) -> String {
    let path = Path::new(CORPUS).join(format!("{name}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
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
        return (rest.len() < inner.len()).then(|| rest.strip_prefix(['）', ')']).map(|rest| (1, rest))).flatten();
    }
    let rest = paragraph.trim_start_matches(|c: char| c.is_ascii_digit());
    (rest.len() < paragraph.len() && !rest.starts_with(|c: char| c.is_ascii_digit()))
        .then(|| rest.strip_prefix(['.', '．', '、']).map(|rest| (2, rest)))
        .flatten()
}

/// The top-level sections of one generated document before the next begins: long reports have
/// about this many.
const SECTIONS_PER_DOCUMENT: usize = 12;

/// A draft of at least `zi` 字 made of the corpus's body paragraphs in turn, renumbered as one
/// long report: 一、 二、 … with their own （一） and 1. items, and a new document (title line)
/// every [`SECTIONS_PER_DOCUMENT`] sections. So the text has the corpus's real mix of marks,
/// Latin and numbers, and its numbering is as varied and as consistent as a real one.
fn generated(zi: usize) -> String {
    let mut names: Vec<_> = std::fs::read_dir(CORPUS)
        .expect("corpus fixtures are missing")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok()?.strip_suffix(".txt").map(str::to_owned))
        .collect();
    names.sort();
    let texts: Vec<String> = names.iter().map(|name| corpus_text(name)).collect();
    let body: Vec<&str> = texts.iter().flat_map(|text| text.lines().skip(1)).filter(|p| !p.trim().is_empty()).collect();

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

/// The texts, each with its name and its 字.
fn inputs() -> Vec<(String, usize, String)> {
    let corpus = ["gov_2003_joint_meeting_notice", "seed1_bureau_rectification_plan", "hebei_2026_gov_work_report"]
        .map(|name| (name.to_string(), corpus_text(name)));
    let generated = [25_000, 100_000, 1_000_000].map(|zi| (format!("generated_{}k", zi / 1000), generated(zi)));
    corpus
        .into_iter()
        .chain(generated)
        .map(|(name, text)| (name, count(&text).word_count, text))
        .collect()
}

/// Runs `routine` on every input in a group named `group`, with throughput in 字.
fn bench_each(c: &mut Criterion, inputs: &[(String, usize, String)], group: &str, mut routine: impl FnMut(&mut BenchmarkGroup<WallTime>, BenchmarkId, &str)) {
    let mut group = c.benchmark_group(group);
    for (name, zi, text) in inputs {
        if *zi > LARGE {
            group.sample_size(10);
        }
        group.throughput(Throughput::Elements(*zi as u64));
        routine(&mut group, BenchmarkId::new(name, zi), text);
    }
    group.finish();
}

fn benches(c: &mut Criterion) {
    let inputs = inputs();
    let mut settings = Settings::default();
    settings.cap = Some(builtin_profile(CAP).expect("the built-in cap profile exists").clone());
    let profile = LayoutProfile::default();
    let rules = RuleSet::default();
    let format_settings = FormatSettings::default();
    let cap = settings.cap.clone().expect("set above");

    bench_each(c, &inputs, "analyze", |g, id, text| {
        g.bench_with_input(id, text, |b, text| b.iter(|| analyze(black_box(text), &settings)));
    });
    bench_each(c, &inputs, "count", |g, id, text| {
        g.bench_with_input(id, text, |b, text| b.iter(|| count(black_box(text))));
    });
    bench_each(c, &inputs, "layout", |g, id, text| {
        g.bench_with_input(id, text, |b, text| b.iter(|| layout(black_box(text), &profile)));
    });
    bench_each(c, &inputs, "phrases", |g, id, text| {
        g.bench_with_input(id, text, |b, text| b.iter(|| phrases::find(black_box(text), &rules)));
    });
    bench_each(c, &inputs, "format", |g, id, text| {
        g.bench_with_input(id, text, |b, text| b.iter(|| format::check(black_box(text), &format_settings)));
    });
    bench_each(c, &inputs, "caps", |g, id, text| {
        let counts: Counts = count(text);
        let laid_out = layout(text, &profile);
        g.bench_with_input(id, text, |b, text| {
            b.iter(|| caps::evaluate(&cap, &counts, &laid_out, black_box(text), settings.speaking_rate))
        });
    });
    bench_each(c, &inputs, "autocorrect_lint", |g, id, text| {
        g.bench_with_input(id, text, |b, text| b.iter(|| autocorrect::lint_for(black_box(text), "text")));
    });
}

criterion_group!(analyze_benches, benches);
criterion_main!(analyze_benches);
