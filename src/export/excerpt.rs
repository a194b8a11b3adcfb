//! Quoting a finding's text in a list or a report: at most a given number of characters, with an
//! ellipsis when cut, so one long whole-sentence finding cannot swamp the list.

use std::ops::Range;

/// `text` cut to `max_chars` characters (not bytes: a cut never splits a character) with "…"
/// when longer.
pub fn shorten(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// The text of byte span `span`, cut to `max_chars` characters with "…" when longer. A span that
/// does not fit `text` quotes nothing.
pub fn excerpt(text: &str, span: &Range<usize>, max_chars: usize) -> String {
    shorten(text.get(span.clone()).unwrap_or_default(), max_chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_cut_by_characters() {
        let text = "𠮷野家为深入贯彻落实";
        let cases: &[(Range<usize>, usize, &str)] = &[
            (0..4, 3, "𠮷"),
            (0..text.len(), 3, "𠮷野家…"),
            (0..text.len(), 10, text),
            (1..4, 3, ""),
            (0..999, 3, ""),
        ];
        for (span, max, want) in cases {
            assert_eq!(excerpt(text, span, *max), *want, "{span:?} max {max}");
        }
    }

    #[test]
    fn shorten_counts_characters() {
        let cases = [
            ("为深入贯彻落实𠮷", 7, "为深入贯彻落实…"),
            ("为深入贯彻落实𠮷", 8, "为深入贯彻落实𠮷"),
        ];
        for (text, max, want) in cases {
            assert_eq!(shorten(text, max), want, "{text:?} max {max}");
        }
    }
}
