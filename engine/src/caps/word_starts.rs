//! Where each 字 of Word's count begins, to turn "the 5001st 字" into a text offset.

use crate::chars::{classify, indices, CharClass, Indices};

/// Byte offsets where each 字 counted by [`count`](crate::counting::count)'s `word_count`
/// begins, in order: every 汉字 and full-width character at itself, a half-width run holding a
/// letter or digit at the run's first character (`(2024)` begins at `(`). A run without one
/// counts nothing and yields nothing. The number of offsets is always `word_count`.
pub(super) struct WordStarts<'a> {
    chars: Indices<'a>,
    /// Start of the half-width run being read, and whether it has been counted yet.
    run: Option<(usize, bool)>,
}

impl<'a> WordStarts<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        WordStarts {
            chars: indices(text),
            run: None,
        }
    }
}

impl Iterator for WordStarts<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        for (at, c) in self.chars.by_ref() {
            match classify(c) {
                CharClass::Hanzi | CharClass::FullWidth => {
                    self.run = None;
                    return Some(at);
                }
                CharClass::Whitespace => self.run = None,
                CharClass::HalfWidth => {
                    let (start, counted) = self.run.get_or_insert((at, false));
                    if !*counted && c.is_alphanumeric() {
                        *counted = true;
                        return Some(*start);
                    }
                }
            }
        }
        None
    }
}

/// Where the 字 after the first `n` begins, if the text has more than `n`.
pub(super) fn start_of_word_after(text: &str, n: usize) -> Option<usize> {
    WordStarts::new(text).nth(n)
}

/// How many 字 begin before byte offset `at`, given the `total` of `text` (its Word 字数).
///
/// Counted from whichever end is nearer: the last page of a long draft begins near its end, and
/// counting all the pages before it cost as much as counting the draft once more.
pub(super) fn words_before(text: &str, at: usize, total: usize) -> usize {
    if at <= text.len() / 2 || !text.is_char_boundary(at) {
        return WordStarts::new(text)
            .take_while(|&start| start < at)
            .count();
    }
    // The rest of a half-width run that began before `at` begins no 字 of its own.
    let is_half = |c: char| classify(c) == CharClass::HalfWidth;
    let mut from = at;
    if text[..at].chars().next_back().is_some_and(is_half) {
        from += text[at..]
            .chars()
            .take_while(|&c| is_half(c))
            .map(char::len_utf8)
            .sum::<usize>();
    }
    total.saturating_sub(WordStarts::new(&text[from..]).count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::counting::count;

    #[test]
    fn one_start_per_counted_word() {
        let cases: &[(&str, &[usize])] = &[
            ("", &[]),
            ("𠮷a😀b", &[0, 4, 5, 9]),
            ("字(2024)年", &[0, 3, 9]),
            ("甲,(乙):", &[0, 5]),
            ("GB/T 9704-2012", &[0, 5]),
            ("ab\tcd", &[0, 3]),
            ("GDP\n2024", &[0, 4]),
            ("增长5.2%左右", &[0, 3, 6, 10, 13]),
            ("字ab cd(2024) ef", &[0, 3, 6, 15]),
        ];
        for &(text, want) in cases {
            let got: Vec<usize> = WordStarts::new(text).collect();
            assert_eq!(got, want, "{text:?}");
            assert_eq!(
                got.len(),
                count(text).word_count,
                "{text:?}: as many starts as counted 字"
            );
            for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                let before = got.iter().filter(|&&start| start < at).count();
                assert_eq!(
                    words_before(text, at, got.len()),
                    before,
                    "{text:?} before {at}"
                );
            }
        }
    }
}
