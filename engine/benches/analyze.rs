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
//!   the peer our full analysis should cost less than;
//! - `keystroke`: [`Analyzer::analyze`] with the settings of `analyze`, warmed on the text, after
//!   a one-character edit in the middle, typed and deleted in turn so the text does not grow: what
//!   a keystroke costs while typing, on the Hebei report and the 25,000- and 100,000-字 drafts.
//!
//! The benches inherit `[profile.release]`'s `opt-level = "z"`, which is what the browser runs.
//! For figures at full optimisation, without editing the workspace's profiles:
//! `CARGO_PROFILE_BENCH_OPT_LEVEL=3 cargo bench -p jianwen-engine --bench analyze`.

use criterion::measurement::WallTime;
use criterion::{
    criterion_group, criterion_main, BenchmarkGroup, BenchmarkId, Criterion, Throughput,
};
use jianwen_engine::caps::{self, builtin_profile};
use jianwen_engine::counting::{count, Counts};
use jianwen_engine::format::{self, FormatSettings};
use jianwen_engine::layout::{layout, LayoutProfile};
use jianwen_engine::phrases::{self, RuleSet};
use jianwen_engine::{analyze, Analyzer, Settings};
use std::hint::black_box;

#[path = "support/texts.rs"]
mod texts;

/// The cap profile chosen for the draft, so that the caps stage (cut offsets) runs too.
const CAP: &str = "js-2019-policy";

/// Beyond this many 字 a case gets criterion's minimum of 10 samples, so that it stays short.
const LARGE: usize = 500_000;

/// The texts of the `keystroke` group: typing matters most in long drafts.
const KEYSTROKE_CASES: [&str; 3] = [
    "hebei_2026_gov_work_report",
    "generated_25k",
    "generated_100k",
];

/// The texts, each with its name and its 字: three corpus documents and generated drafts.
fn inputs() -> Vec<(String, usize, String)> {
    let corpus = texts::read_corpus(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/corpus"
    ));
    texts::cases(&corpus, &texts::CORPUS_CASES, &[25_000, 100_000, 1_000_000])
        .into_iter()
        .map(|case| (case.name, case.zi, case.text))
        .collect()
}

/// Runs `routine` on every input in a group named `group`, with throughput in 字.
fn bench_each(
    c: &mut Criterion,
    inputs: &[(String, usize, String)],
    group: &str,
    mut routine: impl FnMut(&mut BenchmarkGroup<WallTime>, BenchmarkId, &str),
) {
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
    settings.cap = Some(
        builtin_profile(CAP)
            .expect("the built-in cap profile exists")
            .clone(),
    );
    let profile = LayoutProfile::default();
    let rules = RuleSet::default();
    let format_settings = FormatSettings::default();
    let cap = settings.cap.clone().expect("set above");

    bench_each(c, &inputs, "analyze", |g, id, text| {
        g.bench_with_input(id, text, |b, text| {
            b.iter(|| analyze(black_box(text), &settings))
        });
    });
    bench_each(c, &inputs, "count", |g, id, text| {
        g.bench_with_input(id, text, |b, text| b.iter(|| count(black_box(text))));
    });
    bench_each(c, &inputs, "layout", |g, id, text| {
        g.bench_with_input(id, text, |b, text| {
            b.iter(|| layout(black_box(text), &profile))
        });
    });
    bench_each(c, &inputs, "phrases", |g, id, text| {
        g.bench_with_input(id, text, |b, text| {
            b.iter(|| phrases::find(black_box(text), &rules))
        });
    });
    bench_each(c, &inputs, "format", |g, id, text| {
        g.bench_with_input(id, text, |b, text| {
            b.iter(|| format::check(black_box(text), &format_settings))
        });
    });
    bench_each(c, &inputs, "caps", |g, id, text| {
        let counts: Counts = count(text);
        let laid_out = layout(text, &profile);
        g.bench_with_input(id, text, |b, text| {
            b.iter(|| {
                caps::evaluate(
                    &cap,
                    &counts,
                    &laid_out,
                    black_box(text),
                    settings.speaking_rate,
                )
            })
        });
    });
    bench_each(c, &inputs, "autocorrect_lint", |g, id, text| {
        g.bench_with_input(id, text, |b, text| {
            b.iter(|| autocorrect::lint_for(black_box(text), "text"))
        });
    });
    let typed: Vec<(String, usize, String)> = inputs
        .iter()
        .filter(|(name, _, _)| KEYSTROKE_CASES.contains(&name.as_str()))
        .cloned()
        .collect();
    bench_each(c, &typed, "keystroke", |g, id, text| {
        let middle = (text.len() / 2..)
            .find(|&i| text.is_char_boundary(i))
            .expect("a text ends on a boundary");
        let edited = format!("{}字{}", &text[..middle], &text[middle..]);
        let mut analyzer = Analyzer::new();
        analyzer.analyze(text, &settings);
        let mut inserted = false;
        g.bench_with_input(id, text, |b, text| {
            b.iter(|| {
                inserted = !inserted;
                let now = if inserted { &edited } else { text };
                analyzer.analyze(black_box(now), &settings)
            })
        });
    });
}

criterion_group!(analyze_benches, benches);
criterion_main!(analyze_benches);
