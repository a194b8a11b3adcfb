//! The reason a whole-sentence highlight gives, in plain Chinese, naming its evidence: where the
//! sentence stands, what it lacks, and the wording that marks it ("位置：第二部分开头；无具体数字、
//! 时限或措施；含“以……为指导”").

use super::{Context, SentenceRule};
use crate::roles::features::Position;
use crate::roles::space::SPACE;
use crate::roles::Role;

const NUMERALS: [&str; 11] = [
    "", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
];

/// The section's ordinal as 一…九十九.
fn ordinal(n: u16) -> String {
    let n = n as usize;
    match n {
        0..=10 => NUMERALS[n].to_string(),
        11..=19 => format!("十{}", NUMERALS[n % 10]),
        _ => format!("{}十{}", NUMERALS[(n / 10).min(9)], NUMERALS[n % 10]),
    }
}

/// Where a hat or a boot stands: "全文开头", "第二部分开头", "第三部分结尾", "全文结尾".
pub(crate) fn place(position: &Position, role: Role) -> Option<String> {
    let place = position.place?;
    let whole = place.section == 0;
    Some(match role {
        Role::Hat if whole => "全文开头".to_string(),
        Role::Hat => format!("第{}部分开头", ordinal(place.section)),
        Role::Boot if place.part_end == 0 => "全文结尾".to_string(),
        Role::Boot if whole => "开头部分结尾".to_string(),
        Role::Boot => format!("第{}部分结尾", ordinal(place.section)),
        Role::Stock => return None,
    })
}

/// A rule's pattern as a reader writes it: an optional group left out, the first of other sets of
/// alternatives, every slot as ……: "为[深入|全面|]贯彻[落实|]……精神" reads "为贯彻……精神".
fn readable(pattern: &str) -> String {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(c) = rest.chars().next() {
        if c == '[' {
            let close = rest.find(']').unwrap_or(rest.len() - 1);
            let alternatives: Vec<&str> = rest[1..close].split('|').collect();
            if !alternatives.contains(&"") {
                out.push_str(alternatives[0]);
            }
            rest = &rest[close + 1..];
        } else if c == '…' {
            rest = rest.trim_start_matches('…');
            out.push_str("……");
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The rule's reason followed by the evidence for this sentence.
pub(crate) fn reason(
    rule: &SentenceRule,
    place: Option<&str>,
    context: &Context,
    role: Role,
) -> String {
    let mut evidence: Vec<String> = Vec::new();
    if let Some(place) = place {
        evidence.push(format!("位置：{place}"));
    }
    let s = &*SPACE;
    let concrete = [
        "flag:quantity",
        "flag:digit",
        "flag:deadline",
        "flag:book-title",
        "flag:doc-number",
    ];
    let has_concrete = context
        .text_evidence
        .named
        .iter()
        .any(|&i| concrete.contains(&s.names[i as usize].as_str()));
    if !has_concrete && role != Role::Stock {
        evidence.push("无具体数字、时限或措施".to_string());
    }
    let matcher = context.rules.matcher();
    let mut named = Vec::new();
    for m in context.group {
        let pattern = readable(&matcher.rule(m.rule).pattern);
        if named.len() < 2 && !named.contains(&pattern) {
            named.push(pattern);
        }
    }
    if !named.is_empty() {
        let quoted: Vec<String> = named.iter().map(|p| format!("“{p}”")).collect();
        evidence.push(format!("含{}", quoted.join("、")));
    } else if let Some(strongest) = &context.text_evidence.strongest {
        let sentence = &context.text[context.sentence.span.clone()];
        evidence.push(format!("含“{}”这类常见套语", &sentence[strongest.clone()]));
    }
    if evidence.is_empty() {
        return rule.reason.to_string();
    }
    format!("{}依据：{}。", rule.reason, evidence.join("；"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_read_as_written() {
        let cases = [
            ("[坚持|]以……为指导", "以……为指导"),
            ("为[深入|全面|]贯彻[落实|]……[精神|部署]", "为贯彻……精神"),
            ("结合…实际", "结合……实际"),
            ("高度重视", "高度重视"),
        ];
        for (pattern, want) in cases {
            assert_eq!(readable(pattern), want);
        }
    }

    #[test]
    fn ordinals() {
        let cases = [
            (1, "一"),
            (2, "二"),
            (10, "十"),
            (12, "十二"),
            (20, "二十"),
            (23, "二十三"),
        ];
        for (n, want) in cases {
            assert_eq!(ordinal(n), want);
        }
    }
}
