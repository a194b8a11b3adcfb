//! Layout cost on the longest corpus text and on generated drafts of about 25,000 and 200,000 字
//! (corpus paragraphs repeated), so that linear growth shows: throughput is in characters.
//!
//! `cargo bench -p jianwen-engine --bench layout`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use jianwen_engine::layout::{layout, LayoutProfile};
use std::hint::black_box;
use std::path::Path;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");

fn corpus_text(name: &str) -> String {
    let path = Path::new(CORPUS).join(format!("{name}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// A title, then the body paragraphs of every corpus text in turn, repeated until the draft has at
/// least `chars` characters: real paragraphs with their real mix of marks, Latin and numbers.
fn generated(chars: usize) -> String {
    let mut names: Vec<_> = std::fs::read_dir(CORPUS)
        .expect("corpus fixtures are missing")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok()?.strip_suffix(".txt").map(str::to_owned))
        .collect();
    names.sort();
    let texts: Vec<String> = names.iter().map(|name| corpus_text(name)).collect();
    let body: Vec<&str> = texts.iter().flat_map(|text| text.lines().skip(1)).collect();
    let mut draft = String::from("关于生成长文档以测试排版性能的通知\n");
    let mut count = 0;
    for paragraph in body.iter().cycle() {
        if count >= chars {
            break;
        }
        draft.push_str(paragraph);
        draft.push('\n');
        count += paragraph.chars().count();
    }
    draft
}

fn bench_layout(c: &mut Criterion) {
    let profile = LayoutProfile::gbt9704();
    let inputs = [
        ("hebei_2026_gov_work_report", corpus_text("hebei_2026_gov_work_report")),
        ("generated_25k", generated(25_000)),
        ("generated_200k", generated(200_000)),
    ];
    let mut group = c.benchmark_group("layout");
    for (name, text) in &inputs {
        let chars = text.chars().count();
        group.throughput(Throughput::Elements(chars as u64));
        group.bench_with_input(BenchmarkId::new(*name, chars), text, |b, text| b.iter(|| layout(black_box(text), &profile)));
    }
    group.finish();
}

criterion_group!(benches, bench_layout);
criterion_main!(benches);
