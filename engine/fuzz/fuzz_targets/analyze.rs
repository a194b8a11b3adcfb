//! `analyze` on any text under a few settings: the first byte picks the settings, the rest is
//! the text (invalid UTF-8 becomes U+FFFD, as it does when the app imports a damaged file).
//!
//! Beyond "never panics", each run checks what the UI relies on to slice the text: every span
//! and cut lies on `char` boundaries inside it.

#![no_main]

use jianwen_engine::caps::{builtin_profiles, CapProfile, Limits};
use jianwen_engine::layout::LayoutProfile;
use jianwen_engine::phrases::{Category, CustomRule, RuleConfig, RuleSet};
use jianwen_engine::{analyze, Settings};
use libfuzzer_sys::fuzz_target;
use std::ops::Range;
use std::sync::LazyLock;

/// Built once: a rule set compiles its matcher, which would otherwise dominate each run.
static SETTINGS: LazyLock<Vec<Settings>> = LazyLock::new(variants);

/// Default settings; every built-in cap on a 红头 page; the smallest grid and caps, so short
/// inputs wrap, paginate and pass every limit; user rules with word and clause slots and the
/// whole-sentence rules off, on a narrow grid.
fn variants() -> Vec<Settings> {
    let mut variants = vec![Settings::default()];
    for cap in builtin_profiles() {
        let mut s = Settings::default();
        s.layout = LayoutProfile::gbt9704().with_header_lines(LayoutProfile::TYPICAL_HEADER_LINES);
        s.cap = Some(cap.clone());
        variants.push(s);
    }

    let mut tiny = Settings::default();
    tiny.layout = LayoutProfile::new(1, 1, 0).with_title(false);
    let limits = Limits {
        zi: Some(1),
        pages: Some(1),
        minutes: Some(1),
    };
    tiny.cap = Some(CapProfile::custom("模糊测试", limits, "").expect("limits in range"));
    tiny.format.long_sentence_chars = 0;
    variants.push(tiny);

    let rule = |pattern: &str, category| CustomRule {
        pattern: pattern.to_string(),
        category,
        severity: Default::default(),
        reason: "模糊测试".to_string(),
        suggestion: String::new(),
    };
    let config = RuleConfig {
        custom: vec![
            rule("[试点|示范]…工作", Category::Stock),
            rule("围绕……开展", Category::Hat),
            rule("a[b|]c", Category::Slogan),
        ],
        disabled: ["sentence.opening", "sentence.closing", "sentence.formula"]
            .map(String::from)
            .into(),
        ..RuleConfig::default()
    };
    let mut user = Settings::default();
    user.rules = RuleSet::new(config).expect("valid user rules");
    user.layout = LayoutProfile::new(5, 3, 4).with_header_lines(2);
    variants.push(user);
    variants
}

fn assert_on_boundaries(text: &str, span: &Range<usize>, what: &str) {
    assert!(
        span.start <= span.end && text.get(span.clone()).is_some(),
        "{what} {span:?} is not a slice of the text"
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let settings = &SETTINGS[usize::from(choice) % SETTINGS.len()];
    let text = String::from_utf8_lossy(rest);
    let analysis = analyze(&text, settings);
    for h in &analysis.phrases.highlights {
        assert_on_boundaries(&text, &h.span, "highlight");
    }
    for f in &analysis.format {
        assert_on_boundaries(&text, &f.span, f.rule);
        for edit in f.fix.iter().flat_map(|fix| &fix.edits) {
            assert_on_boundaries(&text, &edit.span, f.rule);
        }
    }
    for cut in analysis
        .caps
        .iter()
        .flat_map(|r| &r.limits)
        .filter_map(|l| l.cut)
    {
        assert_on_boundaries(&text, &(cut..cut), "cut");
    }
    for p in &analysis.layout.paragraphs {
        assert_on_boundaries(&text, &p.span, "paragraph");
        for &start in &p.line_starts {
            assert_on_boundaries(&text, &(start..p.span.end), "line");
        }
    }
});
