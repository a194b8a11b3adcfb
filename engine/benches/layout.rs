//! Layout cost on the longest corpus document (about 9,500 字) and on generated drafts of about
//! 25,000 and 200,000 字 (see `support/texts.rs`), so that linear growth shows: throughput is in
//! 字 (Word's 字数).
//!
//! `cargo bench -p jianwen-engine --bench layout`; the same texts in wasm: `cargo xtask bench-wasm`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use jianwen_engine::layout::{layout, LayoutProfile};
use std::hint::black_box;

#[path = "support/texts.rs"]
mod texts;

fn bench_layout(c: &mut Criterion) {
    let profile = LayoutProfile::gbt9704();
    let corpus = texts::read_corpus(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/corpus"
    ));
    let cases = texts::cases(&corpus, &["hebei_2026_gov_work_report"], &[25_000, 200_000]);
    let mut group = c.benchmark_group("layout");
    for case in &cases {
        group.throughput(Throughput::Elements(case.zi as u64));
        group.bench_with_input(
            BenchmarkId::new(&case.name, case.zi),
            &case.text,
            |b, text| b.iter(|| layout(black_box(text), &profile)),
        );
    }
    group.finish();
}

criterion_group!(benches, bench_layout);
criterion_main!(benches);
