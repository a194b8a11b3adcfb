//! The 文种 of a draft, read from its title: a 公文's title ends with it ("关于……的通知").

/// The 文种 a title can end with: the fifteen of the 条例 (第八条) and the kinds of document and
/// speech drafted alongside them. Longer names come first where one ends another (讲话稿, 讲话).
const KINDS: [&str; 27] = [
    "决议",
    "决定",
    "命令",
    "公报",
    "公告",
    "通告",
    "意见",
    "通知",
    "通报",
    "报告",
    "请示",
    "批复",
    "议案",
    "函",
    "纪要",
    "方案",
    "办法",
    "规定",
    "细则",
    "要点",
    "规划",
    "讲话稿",
    "讲话",
    "发言",
    "致辞",
    "开幕词",
    "闭幕词",
];

/// Marks and notes a title may end with after its 文种: （草案）, （征求意见稿）, quotes, spaces.
fn trimmed(title: &str) -> &str {
    let mut t = title.trim();
    loop {
        let before = t;
        t = t.trim_end_matches(['”', '"', '》', '。', ' ', '\u{3000}']);
        if let Some(open) = t.rfind(['（', '(']) {
            if t.ends_with(['）', ')']) && open > 0 {
                t = t[..open].trim_end();
            }
        }
        if t == before {
            return t;
        }
    }
}

/// The 文种 `title` ends with, if any.
///
/// # Examples
/// ```
/// use jianwen_engine::elements::doc_kind;
/// assert_eq!(doc_kind("关于做好2026年防汛工作的通知"), Some("通知"));
/// assert_eq!(doc_kind("在全市工作会议上的讲话（征求意见稿）"), Some("讲话"));
/// assert_eq!(doc_kind("防汛工作"), None);
/// ```
pub fn doc_kind(title: &str) -> Option<&'static str> {
    let t = trimmed(title);
    let kind = KINDS.iter().copied().find(|k| t.ends_with(k))?;
    // A 讲话稿 is a 讲话.
    Some(if kind == "讲话稿" { "讲话" } else { kind })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_is_the_titles_last_word() {
        let cases = [
            ("关于做好2026年防汛工作的通知", Some("通知")),
            ("某县人民政府关于申请防汛资金的请示", Some("请示")),
            ("2026年政府工作报告", Some("报告")),
            ("集中整治形式主义、官僚主义工作实施方案", Some("方案")),
            ("在全市经济工作会议上的讲话稿", Some("讲话")),
            ("关于修订《档案管理办法》的通知（草案）", Some("通知")),
            ("关于开展调研的函", Some("函")),
            ("市政府常务会议纪要", Some("纪要")),
            ("  ", None),
            ("防汛工作", None),
            ("通知", Some("通知")),
        ];
        for (title, want) in cases {
            assert_eq!(doc_kind(title), want, "{title}");
        }
    }
}
