//! `cargo xtask <command>`: the project's commands, runnable wherever cargo is.
//!
//! - `serve`: installs what is missing, builds the site and serves it on http://127.0.0.1:8080
//! - `test`: installs what is missing (browser too), builds the site and runs every test
//! - `dist`: installs what is missing and builds the static site into `dist/`; with
//!   `--single-file` also `dist/简文.html`, the whole app in one file for `file://`
//! - `bench-wasm`: builds the engine's benchmark page (`wasm-bench/`) and runs it in headless
//!   Chromium, printing the time of the analysis and of the layout per text
//! - `bench-app`: builds the site and measures in headless Chromium its time to interactive, a
//!   paste of 1,000,000 字 (longest frozen task) and typing latency (median and p95)
//! - `train-boilerplate`: learns the 穿靴戴帽 sentence-role model from the annotated corpus and
//!   writes `engine/data/roles-model.tsv`
//! - `screenshot`: builds the site, opens it in headless Chromium at 1366×768 with the example
//!   draft and writes the README's picture, `docs/screenshot-1366x768.png`
//! - `compare-docx`: installs LibreOffice when missing, exports every corpus document as the
//!   GB/T 9704 `.docx`, lays it out with LibreOffice and compares its pages and lines with the
//!   engine's
//! - `eval-boilerplate`: scores every corpus document with a model trained on all the others
//!   (leave one document out) and prints precision and recall, pooled and per document
//!
//! Every step is printed before it runs, so a failure says which step and why.

mod boilerplate;
mod docx_pages;
mod process;
mod site;
mod tools;

use std::net::SocketAddr;
use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <serve [--port N] | test | dist [--single-file] | bench-wasm | bench-app | screenshot | compare-docx [--write] | train-boilerplate | eval-boilerplate [--disagreements]>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("test") => test(),
        Some("bench-wasm") if args.len() == 1 => bench_wasm(),
        Some("bench-app") if args.len() == 1 => bench_app(),
        Some("screenshot") if args.len() == 1 => screenshot(),
        Some("compare-docx") => match &args[1..] {
            [] => docx_pages::compare(false),
            [flag] if flag == "--write" => docx_pages::compare(true),
            _ => Err(USAGE.to_owned()),
        },
        Some("train-boilerplate") if args.len() == 1 => boilerplate::train(),
        Some("eval-boilerplate") => match &args[1..] {
            [] => boilerplate::evaluate(false),
            [flag] if flag == "--disagreements" => boilerplate::evaluate(true),
            _ => Err(USAGE.to_owned()),
        },
        Some("dist") => match &args[1..] {
            [] => dist().map(|_| ()),
            [flag] if flag == "--single-file" => {
                dist().and_then(|dist| site::single_file(&dist)).map(|_| ())
            }
            _ => Err(USAGE.to_owned()),
        },
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn serve(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => 8080,
        [flag, port] if flag == "--port" => {
            port.parse().map_err(|_| format!("not a port: {port}"))?
        }
        _ => return Err(USAGE.to_owned()),
    };
    let dist = dist()?;
    let addr = xtask::static_server::spawn(dist, SocketAddr::from(([127, 0, 0, 1], port)))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    println!("==> 简文 is served on http://{addr}/  (loopback only; Ctrl+C stops it)");
    loop {
        std::thread::park();
    }
}

fn dist() -> Result<std::path::PathBuf, String> {
    let tools = tools::ensure_build_tools()?;
    site::build(&tools)
}

fn test() -> Result<(), String> {
    let tools = tools::ensure_build_tools()?;
    check_style(&tools)?;
    let browser = tools::ensure_browser()?;
    let dist = site::build(&tools)?;
    site::single_file(&dist)?;
    let probe = site::build_panic_probe(&tools)?;
    let mut tally = process::Tally::default();
    let mut all_targets = process::cargo(&tools);
    all_targets
        .args([
            "test",
            "--workspace",
            "--all-targets",
            "--features",
            "jianwen/e2e",
        ])
        .env("JIANWEN_DIST", &dist)
        .env("JIANWEN_PANIC_PROBE_DIST", &probe);
    browser.pass_to(&mut all_targets);
    let outcome = process::run_tests(&mut all_targets, &mut tally)
        // Doc tests are not part of --all-targets; the engine and the importers have them.
        .and_then(|()| {
            process::run_tests(
                process::cargo(&tools).args([
                    "test",
                    "--doc",
                    "-p",
                    "jianwen-engine",
                    "-p",
                    "jianwen-io",
                ]),
                &mut tally,
            )
        });
    println!("total: {} passed, {} failed", tally.passed, tally.failed);
    outcome?;
    // The exported .docx laid out by LibreOffice against the pages and lines on screen.
    docx_pages::check()
}

/// One style, enforced: the formatting `rustfmt.toml` sets and Clippy's lints as errors, over
/// every crate and target (the end-to-end tests too), before anything is built or tested.
fn check_style(tools: &tools::Tools) -> Result<(), String> {
    process::run(process::cargo(tools).args(["fmt", "--all", "--", "--check"]))?;
    process::run(process::cargo(tools).args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--features",
        "jianwen/e2e",
        "--",
        "-D",
        "warnings",
    ]))
}

fn bench_wasm() -> Result<(), String> {
    let tools = tools::ensure_build_tools()?;
    let page = site::build_wasm_bench(&tools)?;
    browser_benchmark(&tools, "wasm_bench::", ("JIANWEN_WASM_BENCH_DIST", &page))
}

fn bench_app() -> Result<(), String> {
    let tools = tools::ensure_build_tools()?;
    let dist = site::build(&tools)?;
    browser_benchmark(&tools, "app_benchmark_", ("JIANWEN_DIST", &dist))
}

/// The README's screenshot, made by the end-to-end test that checks the screen at 1366×768 with
/// the example draft loaded, so the picture is always of the app as it is.
fn screenshot() -> Result<(), String> {
    let tools = tools::ensure_build_tools()?;
    let browser = tools::ensure_browser()?;
    let dist = site::build(&tools)?;
    let mut run = e2e_tests(&tools, &browser, "screen_is_clear_at_1366x768");
    process::run(run.env("JIANWEN_DIST", &dist))?;
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let from = root.join("target/screenshots/app-1366x768.png");
    let to = root.join("docs/screenshot-1366x768.png");
    std::fs::copy(&from, &to)
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))?;
    println!("==> wrote {}", to.display());
    Ok(())
}

/// Runs the ignored browser tests whose names start with `name`, benchmarks that print their
/// figures, against the page that `site` (an environment variable and a folder) names.
fn browser_benchmark(
    tools: &tools::Tools,
    name: &str,
    site: (&str, &std::path::Path),
) -> Result<(), String> {
    let browser = tools::ensure_browser()?;
    let mut bench = e2e_tests(tools, &browser, name);
    bench
        .args(["--", "--ignored", "--nocapture", "--test-threads", "1"])
        .env(site.0, site.1);
    process::run(&mut bench)
}

/// `cargo test` of the end-to-end tests whose names contain `filter`, told where the browser is.
fn e2e_tests(tools: &tools::Tools, browser: &tools::Browser, filter: &str) -> Command {
    let mut command = process::cargo(tools);
    command.args([
        "test",
        "-p",
        "jianwen",
        "--features",
        "e2e",
        "--test",
        "e2e",
        filter,
    ]);
    browser.pass_to(&mut command);
    command
}
