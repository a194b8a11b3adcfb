//! The user's own phrase rules: any pattern, then any text. The input is the pattern and the
//! text separated by a NUL byte. A pattern is refused or compiled, never a panic, and a compiled
//! one analyses the text with highlights that slice it. The whole input is also read as an
//! imported rule file.

#![no_main]

use jianwen_engine::phrases::{Category, CustomRule, RuleConfig, RuleSet};
use jianwen_engine::{analyze, Settings};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = RuleSet::from_json(&String::from_utf8_lossy(data));
    let (pattern, text) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &b""[..]),
    };
    let mut config = RuleConfig::default();
    config.custom.push(CustomRule {
        pattern: String::from_utf8_lossy(pattern).into_owned(),
        category: Category::Stock,
        severity: Default::default(),
        reason: "模糊测试".to_string(),
        suggestion: String::new(),
    });
    let Ok(rules) = RuleSet::new(config) else {
        return;
    };
    let mut settings = Settings::default();
    settings.rules = rules;
    let text = String::from_utf8_lossy(text);
    for h in analyze(&text, &settings).phrases.highlights {
        assert!(
            text.get(h.span.clone()).is_some(),
            "highlight {:?} ({}) does not slice the text",
            h.span,
            h.rule
        );
    }
});
