//! The check report a user downloads (导出 › 检查报告): one self-contained, printable HTML page
//! with the figures, the caps, the findings and the text they refer to.
//!
//! Built as a string, so every piece of user text goes through [`escape_html`]: a pasted
//! `<img src=x onerror=…>` must print as text, never run. The page carries its style inline and
//! has no script and no external resource, so it opens the same offline, years later.

use crate::export::excerpt::excerpt;
use jianwen_engine::caps::{CapState, Unit};
use jianwen_engine::Analysis;
use std::fmt::Write as _;

/// `text` with the five characters that HTML gives meaning to replaced by entities, so it is
/// safe in element content and in quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A file name stem from a draft's title: characters Windows or macOS refuse in file names
/// (`\ / : * ? " < > |` and control characters) become `_`, surrounding spaces and dots go,
/// and an empty result becomes `fallback`.
pub fn file_stem(title: &str, fallback: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| {
            if c.is_control() || r#"\/:*?"<>|"#.contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c.is_whitespace() || c == '.');
    if trimmed.is_empty() {
        fallback.to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// Longest excerpt of the text quoted for a finding.
const EXCERPT_CHARS: usize = 40;

const STYLE: &str = "body{font-family:\"FangSong\",\"仿宋\",\"Songti SC\",serif;max-width:48em;margin:2em auto;padding:0 1em;line-height:1.7;color:#222}\
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #999;margin-top:1.6em}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top}\
.over{color:#a40000;font-weight:bold}.near{color:#8a5a00}.excerpt{background:#f3f3f3}\
.text{white-space:pre-wrap;border:1px solid #ccc;padding:1em}@media print{h2{break-after:avoid}tr{break-inside:avoid}}";

/// The report on `text` as analysed in `analysis`, titled `title`.
pub fn check_report(title: &str, text: &str, analysis: &Analysis) -> String {
    let mut html = String::new();
    let title = escape_html(title);
    // Writing to a `String` cannot fail.
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>检查报告 · {title}</title><style>{STYLE}</style></head><body>\
         <h1>检查报告：{title}</h1><p>由简文（公文起草助手）在本机生成。</p>"
    );

    html.push_str("<h2>统计</h2><table>");
    let counts = &analysis.counts;
    let layout = &analysis.layout;
    for (label, value) in [
        ("字数", counts.word_count),
        ("字符数（不计空格）", counts.chars_no_spaces),
        ("字符数（计空格）", counts.chars_with_spaces),
        ("汉字", counts.hanzi),
        ("段落", counts.paragraphs),
        ("页数", layout.pages),
        ("行数", layout.lines),
        ("末页行数", layout.lines_on_last_page),
    ] {
        let _ = write!(html, "<tr><th>{label}</th><td>{value}</td></tr>");
    }
    html.push_str("</table>");

    html.push_str("<h2>篇幅上限</h2>");
    match &analysis.caps {
        None => html.push_str("<p>未选择文种，不限篇幅。</p>"),
        Some(report) => {
            let _ = write!(
                html,
                "<p>文种：{}。依据：{}</p><table><tr><th>项目</th><th>当前 / 上限</th><th>说明</th></tr>",
                escape_html(&report.profile_name),
                escape_html(&report.citation)
            );
            for limit in &report.limits {
                let (class, word) = match limit.state {
                    CapState::Ok => ("ok", "未超出"),
                    CapState::Near => ("near", "接近上限"),
                    CapState::Over => ("over", "超出上限"),
                };
                let _ = write!(
                    html,
                    "<tr class=\"{class}\"><td>{}</td><td>{} / {}（{word}）</td><td>{}</td></tr>",
                    match limit.unit {
                        Unit::Zi => "字数",
                        Unit::Page => "页数",
                        Unit::Minute => "发言时长（分钟）",
                    },
                    (limit.value * 10.0).round() / 10.0,
                    escape_html(&limit.limit_text()),
                    escape_html(&limit.message)
                );
            }
            html.push_str("</table>");
        }
    }

    let highlights = &analysis.phrases.highlights;
    let _ = write!(html, "<h2>发现（{} 处）</h2>", highlights.len());
    if !highlights.is_empty() {
        html.push_str("<table><tr><th>类别</th><th>原文</th><th>原因与建议</th></tr>");
        for h in highlights {
            let _ = write!(
                html,
                "<tr><td>{}</td><td class=\"excerpt\">{}</td><td>{}<br>建议：{}</td></tr>",
                h.category.label(),
                escape_html(&excerpt(text, &h.span, EXCERPT_CHARS)),
                escape_html(&h.reason),
                escape_html(&h.suggestion)
            );
        }
        html.push_str("</table>");
    }

    let _ = write!(html, "<h2>格式（{} 处）</h2>", analysis.format.len());
    if !analysis.format.is_empty() {
        html.push_str("<table><tr><th>原文</th><th>问题</th></tr>");
        for f in &analysis.format {
            let _ = write!(
                html,
                "<tr><td class=\"excerpt\">{}</td><td>{}</td></tr>",
                escape_html(&excerpt(text, &f.span, EXCERPT_CHARS)),
                escape_html(&f.message)
            );
        }
        html.push_str("</table>");
    }

    let _ = writeln!(
        html,
        "<h2>正文</h2><div class=\"text\">{}</div></body></html>",
        escape_html(text)
    );
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use jianwen_engine::{analyze, Settings};

    #[test]
    fn escape_covers_every_special_character() {
        for (input, expected) in [
            (
                "<img src=x onerror=alert(1)>",
                "&lt;img src=x onerror=alert(1)&gt;",
            ),
            ("a & b", "a &amp; b"),
            (r#""'"#, "&quot;&#39;"),
            ("关于𠮷的通知", "关于𠮷的通知"),
            ("", ""),
        ] {
            assert_eq!(escape_html(input), expected, "{input}");
        }
    }

    #[test]
    fn file_stems_drop_characters_file_systems_refuse() {
        for (title, expected) in [
            ("关于做好防汛工作的通知", "关于做好防汛工作的通知"),
            ("a/b\\c:d*e?f\"g<h>i|j", "a_b_c_d_e_f_g_h_i_j"),
            ("  ..标题.. ", "标题"),
            ("", "草稿"),
            ("...", "草稿"),
            ("tab\there", "tab_here"),
        ] {
            assert_eq!(file_stem(title, "草稿"), expected, "{title:?}");
        }
    }

    #[test]
    fn user_text_in_the_report_stays_text() {
        let text = "关于<img src=x onerror=alert(1)>的通知\n坚决贯彻落实，切实抓紧抓好。<script>alert(2)</script>\n";
        let report = check_report(
            "关于<img src=x onerror=alert(1)>的通知",
            text,
            &analyze(text, &Settings::default()),
        );
        assert!(report.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(!report.contains("<img"), "{report}");
        assert!(!report.contains("<script"), "{report}");
        assert!(!report.contains("://"), "no external resource: {report}");
        assert!(report.starts_with("<!DOCTYPE html>"));
        assert!(report.contains("<h2>统计</h2>"));
        assert!(report.contains("<h2>正文</h2>"));
    }

    #[test]
    fn caps_and_findings_appear_with_their_reasons() {
        let text =
            "关于开展检查的通知\n在市委、市政府的坚强领导下，全市上下高度重视，坚决贯彻落实。\n";
        let mut settings = Settings::default();
        settings.cap = jianwen_engine::caps::CapSettings::default()
            .profiles()
            .next()
            .cloned();
        let analysis = analyze(text, &settings);
        let report = check_report("关于开展检查的通知", text, &analysis);
        let cap = analysis
            .caps
            .as_ref()
            .expect("a profile gives a cap report");
        assert!(report.contains(&escape_html(&cap.citation)), "{report}");
        for h in &analysis.phrases.highlights {
            assert!(report.contains(&escape_html(&h.reason)), "{report}");
        }
        assert!(report.contains(&format!(
            "<h2>发现（{} 处）</h2>",
            analysis.phrases.highlights.len()
        )));
    }
}
