//! Dates: Arabic numerals, the year in full, no leading zeros (2024年1月15日), as GB/T 9704 asks
//! of the 成文日期 and GB/T 15835 of dates in the text.
//!
//! A date is a month with a year or a day: "3月" alone is left alone, and so are lunar dates
//! (正月初五), which never use these numerals. A two-digit number before 年 is an abbreviated year
//! only where a month or 度/底/初 follows: "工作了19年" is a duration.

use super::{Context, Edit, Fix, Hit};
use regex_lite::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:([0-9]{4}|[0-9]{2}|[〇○零一二三四五六七八九]{4}|[〇○零一二三四五六七八九]{2})年)?",
        r"([0-9]{1,2}|十[一二]?|[一二三四五六七八九])月",
        r"(?:([0-9]{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号])?",
    ))
    .expect("valid date pattern")
});

/// A two-digit year before 年度, 年底… with no month.
static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{2})年(?:度|底|初|末|上半年|下半年)").expect("valid year pattern")
});

const CHINESE_DIGITS: &str = "〇○零一二三四五六七八九十";

/// One part of a date: where it is and whether it is in Arabic digits.
#[derive(Clone)]
struct Part {
    span: Range<usize>,
    arabic: bool,
}

pub(super) struct Date {
    span: Range<usize>,
    year: Option<Part>,
    month: Part,
    day: Option<Part>,
}

impl Date {
    fn parts(&self) -> impl Iterator<Item = &Part> {
        self.year.iter().chain([&self.month]).chain(&self.day)
    }
}

/// Whether `c` can be part of a [`DATE`] match.
fn in_date(c: char) -> bool {
    c.is_ascii_digit() || CHINESE_DIGITS.contains(c) || matches!(c, '年' | '月' | '日' | '号')
}

/// The matches of [`DATE`] in `text`, as `DATE.captures_iter(text)` finds them.
///
/// Every match holds a 月 and lies within a run of the characters [`in_date`], so the pattern
/// runs only on the runs around each 月: its scan of the whole text was a tenth of the cost of
/// the format checks.
fn date_matches(text: &str) -> impl Iterator<Item = regex_lite::Captures<'_>> {
    let mut done = 0;
    memchr::memmem::find_iter(text.as_bytes(), "月").flat_map(move |month| {
        let run = if month < done {
            // A 月 of the run already searched.
            0..0
        } else {
            let before: usize = text[..month]
                .chars()
                .rev()
                .take_while(|&c| in_date(c))
                .map(char::len_utf8)
                .sum();
            let after: usize = text[month..]
                .chars()
                .take_while(|&c| in_date(c))
                .map(char::len_utf8)
                .sum();
            month - before..month + after
        };
        done = done.max(run.end);
        let mut at = run.start;
        std::iter::from_fn(move || {
            if at >= run.end {
                return None;
            }
            let c = DATE.captures_at(&text[..run.end], at)?;
            at = c.get(0)?.end();
            Some(c)
        })
    })
}

/// The matches of [`SHORT_YEAR`] in `text`, as `SHORT_YEAR.captures_iter(text)` finds them.
///
/// A match is two ASCII digits, 年 and at most three more characters, so the pattern runs only
/// on the few characters from two digits before each 年: a scan of the whole text costs about as
/// much as all the other date checks.
fn short_years(text: &str) -> impl Iterator<Item = regex_lite::Captures<'_>> {
    let mut done = 0;
    memchr::memmem::find_iter(text.as_bytes(), "年").filter_map(move |mark| {
        let start = mark.checked_sub(2).filter(|&s| s >= done)?;
        if !text.as_bytes()[start..mark].iter().all(u8::is_ascii_digit) {
            return None;
        }
        let end = mark
            + text[mark..]
                .chars()
                .take(4)
                .map(char::len_utf8)
                .sum::<usize>();
        let c = SHORT_YEAR.captures_at(&text[..end], start)?;
        done = c.get(0)?.end();
        Some(c)
    })
}

/// Every date in the text: a month with a year or a day, not glued to a longer number.
pub(super) fn dates(text: &str) -> Vec<Date> {
    date_matches(text)
        .filter_map(|c| {
            let whole = c.get(0)?.range();
            let part = |i| {
                c.get(i).map(|m| Part {
                    span: m.range(),
                    arabic: m.as_str().starts_with(|c: char| c.is_ascii_digit()),
                })
            };
            let date = Date {
                span: whole.clone(),
                year: part(1),
                month: part(2)?,
                day: part(3),
            };
            let first = date.parts().next()?;
            let glued = text[..whole.start].chars().next_back().is_some_and(|p| {
                if first.arabic {
                    p.is_ascii_digit() || p == '.'
                } else {
                    CHINESE_DIGITS.contains(p)
                }
            });
            (!glued && (date.year.is_some() || date.day.is_some())).then_some(date)
        })
        .collect()
}

pub(super) fn zero(cx: &Context, out: &mut Vec<Hit>) {
    for date in cx.dates() {
        if date.parts().any(|p| !p.arabic) {
            continue;
        }
        let padded: Vec<Range<usize>> = [Some(&date.month), date.day.as_ref()]
            .into_iter()
            .flatten()
            .map(|p| p.span.clone())
            .filter(|span| span.len() == 2 && cx.text[span.clone()].starts_with('0'))
            .collect();
        if padded.is_empty() {
            continue;
        }
        let mut fixed = String::new();
        let mut at = date.span.start;
        for span in &padded {
            fixed.push_str(&cx.text[at..span.start]);
            at = span.start + 1;
        }
        fixed.push_str(&cx.text[at..date.span.end]);
        let edits = padded
            .iter()
            .map(|span| Edit {
                span: span.start..span.start + 1,
                replacement: String::new(),
            })
            .collect();
        out.push(Hit {
            span: date.span.clone(),
            message: format!("日期中的月、日不编虚位：应为“{fixed}”。"),
            fix: Some(Fix { edits }),
        });
    }
}

pub(super) fn abbreviated_year(cx: &Context, out: &mut Vec<Hit>) {
    let in_dates = cx
        .dates()
        .iter()
        .filter_map(|d| d.year.as_ref().filter(|y| y.arabic && y.span.len() == 2))
        .map(|y| y.span.start..y.span.end + "年".len());
    let alone = short_years(cx.text).filter_map(|c| {
        let year = c.get(1)?;
        let glued = cx.text[..year.start()]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_ascii_digit() || p == '.');
        (!glued).then(|| year.start()..year.end() + "年".len())
    });
    let mut spans: Vec<Range<usize>> = in_dates.chain(alone).collect();
    spans.sort_by_key(|s| s.start);
    spans.dedup();
    for span in spans {
        out.push(Hit {
            message: format!(
                "年份不能简写：“{}”应写全，如“20{}”。",
                &cx.text[span.clone()],
                &cx.text[span.start..span.end - "年".len()]
            ),
            span,
            fix: None,
        });
    }
}

pub(super) fn mixed(cx: &Context, out: &mut Vec<Hit>) {
    for date in cx.dates() {
        let arabic = date.parts().filter(|p| p.arabic).count();
        if arabic > 0 && arabic < date.parts().count() {
            out.push(Hit {
                message: format!(
                    "日期中汉字数字与阿拉伯数字混用：“{}”应统一用阿拉伯数字{}。",
                    &cx.text[date.span.clone()],
                    in_arabic(cx.text, date).map_or(String::new(), |d| format!("，即“{d}”"))
                ),
                span: date.span.clone(),
                fix: None,
            });
        }
    }
}

pub(super) fn numerals(cx: &Context, out: &mut Vec<Hit>) {
    for date in cx.dates() {
        let full_year = date.year.as_ref().is_some_and(|y| y.span.len() == 4 * 3);
        if full_year && date.parts().all(|p| !p.arabic) {
            out.push(Hit {
                message: format!(
                    "公文日期用阿拉伯数字{}。",
                    in_arabic(cx.text, date).map_or(String::new(), |d| format!("：“{d}”"))
                ),
                span: date.span.clone(),
                fix: None,
            });
        }
    }
}

/// The date in Arabic numerals, if every part can be read.
fn in_arabic(text: &str, date: &Date) -> Option<String> {
    let number = |p: &Part| -> Option<String> {
        let s = &text[p.span.clone()];
        if p.arabic {
            return Some(s.trim_start_matches('0').to_string());
        }
        if p.span.len() >= 2 * 3 && !s.contains('十') {
            // A year, digit by digit.
            return s
                .chars()
                .map(|c| match c {
                    '〇' | '○' | '零' => Some('0'),
                    _ => "一二三四五六七八九"
                        .chars()
                        .position(|d| d == c)
                        .and_then(|i| char::from_digit(i as u32 + 1, 10)),
                })
                .collect();
        }
        let d: Vec<u32> = s
            .chars()
            .map(|c| {
                "一二三四五六七八九十"
                    .chars()
                    .position(|d| d == c)
                    .map(|i| i as u32 + 1)
            })
            .collect::<Option<_>>()?;
        let value = match d.as_slice() {
            [10] => 10,
            [10, u] => 10 + u,
            [t, 10] => t * 10,
            [t, 10, u] => t * 10 + u,
            [u] => *u,
            _ => return None,
        };
        Some(value.to_string())
    };
    let mut out = String::new();
    if let Some(y) = &date.year {
        out += &number(y)?;
        out += "年";
    }
    out += &number(&date.month)?;
    out += "月";
    if let Some(d) = &date.day {
        out += &number(d)?;
        out += "日";
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_around_each_month_are_those_of_the_whole_text() {
        let texts = [
            "2019年3月5日至4月6日，二〇一九年三月五日",
            "19年3月4月5日12月月份1月",
            "2024年02月05日印发。3月",
            "十二月三十一日，正月初五，第3月",
            "月月月1月2月",
            "",
        ];
        for text in texts {
            let spans = crate::regex_parity::capture_spans;
            let want: Vec<_> = DATE.captures_iter(text).map(spans).collect();
            let got: Vec<_> = date_matches(text).map(spans).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn short_years_around_each_nian_are_those_of_the_whole_text() {
        let texts = [
            "19年度，2019年底，119年初，19年末19年上半年，19年下半年；19年",
            "12年度34年底年年1年度",
            "19年上",
            "",
        ];
        let mut all = texts.map(String::from).to_vec();
        all.extend(crate::regex_parity::texts());
        for text in &all {
            let spans = crate::regex_parity::capture_spans;
            let want: Vec<_> = SHORT_YEAR.captures_iter(text).map(spans).collect();
            let got: Vec<_> = short_years(text).map(spans).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn regex_lite_finds_what_regex_finds() {
        crate::regex_parity::assert_same_captures(DATE.as_str());
        crate::regex_parity::assert_same_captures(SHORT_YEAR.as_str());
    }
}
