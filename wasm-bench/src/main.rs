//! The engine timed in WebAssembly, in the browser that runs the app: the same texts as the
//! native criterion benches (`engine/benches/support/texts.rs`), the full analysis as the app
//! calls it on every keystroke, and the layout alone.
//!
//! The page exports two functions (Trunk puts them on `window.wasmBindings`): [`prepare`] builds
//! the cases from the corpus the driver hands in, [`measure`] times one stage on one case. The
//! driver is the ignored browser test `wasm_engine_benchmark`, run by `cargo xtask bench-wasm`.
//! Timing happens inside the module, so the figures leave out passing the text from JavaScript,
//! as the native figures do.

mod timing;

use jianwen_engine::caps::builtin_profile;
use jianwen_engine::layout::{layout, LayoutProfile};
use jianwen_engine::{analyze, Settings};
use std::cell::RefCell;
use std::hint::black_box;
use wasm_bindgen::prelude::*;

#[path = "../../engine/benches/support/texts.rs"]
mod texts;

/// The cap profile chosen for the draft, as in the native `analyze` bench.
const CAP: &str = "js-2019-policy";

/// The sizes of the generated drafts, in 字: the native benches' 25,000 to 1,000,000.
const GENERATED_ZI: [usize; 4] = [25_000, 100_000, 200_000, 1_000_000];

thread_local! {
    static CASES: RefCell<Vec<texts::Case>> = const { RefCell::new(Vec::new()) };
}

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`: milliseconds, as precise as the browser allows (5 µs to 100 µs).
    #[wasm_bindgen(js_namespace = performance)]
    fn now() -> f64;
}

/// Builds the cases from the corpus, `names[i]` being the document of `texts[i]`, and returns
/// them as `name 字` lines, in the order [`measure`] numbers them.
#[wasm_bindgen]
pub fn prepare(names: Vec<String>, texts: Vec<String>) -> Vec<String> {
    let corpus: Vec<(String, String)> = names.into_iter().zip(texts).collect();
    let cases = texts::cases(&corpus, &texts::CORPUS_CASES, &GENERATED_ZI);
    let listed = cases
        .iter()
        .map(|case| format!("{} {}", case.name, case.zi))
        .collect();
    CASES.with_borrow_mut(|stored| *stored = cases);
    listed
}

/// The median time of one call, in milliseconds, of `stage` (`analyze` or `layout`) on case
/// `case`, timed for about `budget_ms` in all.
///
/// # Errors
/// An unknown stage or case.
#[wasm_bindgen]
pub fn measure(case: usize, stage: &str, budget_ms: f64) -> Result<f64, String> {
    CASES.with_borrow(|cases| {
        let text = &cases
            .get(case)
            .ok_or_else(|| format!("no case {case}"))?
            .text;
        match stage {
            "analyze" => {
                let mut settings = Settings::default();
                settings.cap = builtin_profile(CAP).cloned();
                Ok(timing::median_per_call(now, budget_ms, || {
                    drop(black_box(analyze(black_box(text), &settings)))
                }))
            }
            "layout" => {
                let profile = LayoutProfile::gbt9704();
                Ok(timing::median_per_call(now, budget_ms, || {
                    drop(black_box(layout(black_box(text), &profile)))
                }))
            }
            _ => Err(format!("unknown stage {stage}: analyze or layout")),
        }
    })
}

/// Trunk builds a binary; the page calls the exports above.
fn main() {}
