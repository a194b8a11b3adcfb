//! The engine's benchmark in WebAssembly (`wasm-bench/`), driven in headless Chromium: the page is
//! handed the corpus, builds the same texts as the native benches, and times the full analysis and
//! the layout on each. A measurement that prints its figures, not a timed assertion.
//!
//! Run by `cargo xtask bench-wasm`, which builds the page into `target/wasm-bench` and sets
//! `JIANWEN_WASM_BENCH_DIST`.

use crate::webdriver::Driver;
use serde_json::json;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Time spent on each stage of each case, in milliseconds.
const BUDGET_MS: f64 = 2_000.0;

#[test]
#[ignore = "a benchmark (a few minutes): run it with `cargo xtask bench-wasm`"]
fn wasm_engine_benchmark() {
    let dist = std::env::var_os("JIANWEN_WASM_BENCH_DIST")
        .map(PathBuf::from)
        .expect("JIANWEN_WASM_BENCH_DIST is not set: run `cargo xtask bench-wasm`");
    let addr = xtask::static_server::spawn(dist, SocketAddr::from(([127, 0, 0, 1], 0)))
        .expect("serve the benchmark page");
    let driver = Driver::start();
    let session = driver.session(1366, 768);
    session.goto(&format!("http://{addr}/"));
    session.wait_until(
        "the wasm module",
        "return typeof window.wasmBindings?.measure",
        |v| v == "function",
    );

    let corpus_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/engine/tests/fixtures/corpus");
    let (names, texts): (Vec<String>, Vec<String>) = std::fs::read_dir(corpus_dir)
        .expect("the corpus fixtures")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_name()?.to_str()?.strip_suffix(".txt")?.to_owned();
            Some((name, std::fs::read_to_string(&path).expect("a corpus text")))
        })
        .unzip();
    let cases = session.execute(
        "return window.wasmBindings.prepare(arguments[0], arguments[1])",
        json!([names, texts]),
    );
    let cases: Vec<String> = serde_json::from_value(cases).expect("the case list");
    assert!(cases.len() >= 7, "cases: {cases:?}");

    println!(
        "{:<36} {:>9}  {:>14} {:>14}  {:>14} {:>14}",
        "case", "字", "analyze ms", "per 10k 字", "layout ms", "per 10k 字"
    );
    for (index, case) in cases.iter().enumerate() {
        let (name, zi) = case.split_once(' ').expect("`name 字`");
        let zi: f64 = zi.parse().expect("字 is a number");
        let mut row = format!("{name:<36} {zi:>9}");
        for stage in ["analyze", "layout"] {
            let ms = session.execute(
                "return window.wasmBindings.measure(arguments[0], arguments[1], arguments[2])",
                json!([index, stage, BUDGET_MS]),
            );
            let ms = ms
                .as_f64()
                .unwrap_or_else(|| panic!("{stage} on {name}: {ms}"));
            assert!(
                ms > 0.0,
                "{stage} on {name} took no time: the clock is broken"
            );
            row += &format!("  {ms:>14.3} {:>14.3}", ms * 10_000.0 / zi);
        }
        println!("{row}");
    }
}
