//! Test support: the engine's regexes run on `regex-lite`, which must find exactly what the
//! `regex` crate (a dev-dependency only) finds, on the corpus, on instances of every built-in
//! pattern and on random text over the characters the patterns use.

use crate::phrases::builtin_rules;

/// A small deterministic generator, so that failures reproduce.
pub(crate) struct Lcg(u64);

impl Lcg {
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The corpus documents, instances of the built-in patterns with their slots filled, and random
/// strings over the characters of the patterns, dates, 发文字号, URLs and addresses.
pub(crate) fn texts() -> Vec<String> {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");
    let mut texts: Vec<String> = std::fs::read_dir(corpus)
        .expect("the corpus is there")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("corpus texts are UTF-8"))
        .collect();
    let patterns: Vec<String> = builtin_rules().map(|r| r.pattern.to_string()).collect();
    let mut alphabet: Vec<char> = patterns
        .iter()
        .flat_map(|p| p.chars())
        .filter(|c| !"[]|…\\".contains(*c))
        .collect();
    alphabet.extend("〇○零一二三四五六七八九十年月日号第〔〕[]［］()（）【】﹝﹞〖〗0123456789。！？；，：,:;!?\n\r 度底初末上下半://www.@-_%+AaZz".chars());
    alphabet.sort_unstable();
    alphabet.dedup();
    let mut rng = Lcg(0x5eed);
    let filler =
        |rng: &mut Lcg, n: usize| -> String { (0..n).map(|_| *rng.pick(&alphabet)).collect() };
    for _ in 0..4 {
        let mut text = String::new();
        for pattern in &patterns {
            text.push_str(&filler(&mut rng, 3));
            let mut chars = pattern.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '…' if chars.next_if_eq(&'…').is_some() => {
                        let n = rng.below(36);
                        text.push_str(&filler(&mut rng, n));
                    }
                    '…' => (0..1 + rng.below(5))
                        .for_each(|_| text.push(*rng.pick(&['甲', '乙', '丙', '丁']))),
                    '[' => {
                        let group: String = chars.by_ref().take_while(|&c| c != ']').collect();
                        let alternatives: Vec<&str> = group.split('|').collect();
                        let alternative: &&str = rng.pick(&alternatives);
                        text.push_str(alternative);
                    }
                    '\\' => text.extend(chars.next()),
                    c => text.push(c),
                }
            }
        }
        texts.push(text);
    }
    for _ in 0..400 {
        let n = rng.below(120);
        texts.push(filler(&mut rng, n));
    }
    texts
}

/// Every group's span of one match, as the narrowed searches are compared with whole-text ones.
pub(crate) fn capture_spans(m: regex_lite::Captures) -> Vec<Option<std::ops::Range<usize>>> {
    m.iter().map(|g| g.map(|g| g.range())).collect()
}

/// Asserts that `regex-lite` and `regex` find the same matches with the same groups for
/// `pattern` in every one of [`texts`].
pub(crate) fn assert_same_captures(pattern: &str) {
    let lite = regex_lite::Regex::new(pattern).expect("regex-lite compiles it");
    let full = regex::Regex::new(pattern).expect("regex compiles it");
    for text in texts() {
        let want: Vec<Vec<_>> = full
            .captures_iter(&text)
            .map(|c| c.iter().map(|g| g.map(|g| g.range())).collect())
            .collect();
        let got: Vec<Vec<_>> = lite
            .captures_iter(&text)
            .map(|c| c.iter().map(|g| g.map(|g| g.range())).collect())
            .collect();
        assert_eq!(got, want, "{pattern} in {text}");
    }
}
