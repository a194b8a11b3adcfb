//! The settings dialog's pure logic: form text in, the engine's checked values (or a Chinese
//! sentence saying what is wrong and that nothing changed) out.
//!
//! Nothing here touches the DOM, so all of it is tested natively below. The checks themselves
//! are the engine's (`try_` constructors, `Unit::parse_limit`, `RuleSet::add`…); these functions
//! only read the typed text, call them, and word the refusal the way the dialog shows it.

use crate::preferences::Preferences;
use jianwen_engine::caps::{CapError, CapProfile, CapSettings, Limits, SpeakingRate, Unit};
use jianwen_engine::format::{rule_by_id, FormatSettings};
use jianwen_engine::layout::{LayoutProfile, ProfileError};
use jianwen_engine::phrases::{Category, CustomRule, RuleSet, Severity, SENTENCE_RULES};

/// A rule file larger than this is refused before it is read: exported files are a few KB, and
/// reading a stray video into a string would freeze the tab.
const RULES_FILE_MAX_BYTES: u64 = 1024 * 1024;

/// The fields of the 版面 section, to say which one an error belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LayoutField {
    Cells,
    Lines,
    Indent,
    Header,
}

/// The cap form as typed.
pub(super) struct CapForm<'a> {
    pub name: &'a str,
    pub zi: &'a str,
    pub pages: &'a str,
    pub minutes: &'a str,
    pub note: &'a str,
}

/// Stores `value` in `slot`: the one-line body of a change that cannot fail.
pub(super) fn set<T>(slot: &mut T, value: T) -> Result<(), String> {
    *slot = value;
    Ok(())
}

/// Applies `change` to a copy of `current`: the copy if it differs, `None` if nothing changed,
/// the error (and no copy) if the change was refused.
pub(super) fn changed(
    current: &Preferences,
    change: impl FnOnce(&mut Preferences) -> Result<(), String>,
) -> Result<Option<Preferences>, String> {
    let mut next = current.clone();
    change(&mut next)?;
    Ok((next != *current).then_some(next))
}

/// `message` as a full sentence followed by "{what}没有改变。", unless it already says so.
pub(super) fn unchanged(message: &str, what: &str) -> String {
    let mut sentence = message.trim_end().to_string();
    if sentence.contains("没有改变") {
        return sentence;
    }
    if !sentence.ends_with(['。', '！', '？']) {
        sentence.push('。');
    }
    format!("{sentence}{what}没有改变。")
}

/// A whole number typed into a field named `label`; full-width digits are accepted, since that
/// is what a Chinese input method types. The error is a sentence naming the field.
pub(super) fn parse_whole(text: &str, label: &str) -> Result<u32, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(format!("请填写{label}。"));
    }
    let digits: String = trimmed
        .chars()
        .map(|c| {
            if ('０'..='９').contains(&c) {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            } else {
                c
            }
        })
        .collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("{label}“{trimmed}”不是整数，请只填数字。"));
    }
    digits
        .parse()
        .map_err(|_| format!("{label}“{trimmed}”过大。"))
}

/// Whether a profile's grid is the GB/T 9704 preset (title and header aside).
pub(super) fn is_preset_grid(profile: LayoutProfile) -> bool {
    let preset = LayoutProfile::gbt9704();
    (
        profile.cells_per_line(),
        profile.lines_per_page(),
        profile.first_line_indent(),
    ) == (
        preset.cells_per_line(),
        preset.lines_per_page(),
        preset.first_line_indent(),
    )
}

/// A new grid from the typed cells per line, lines per page and indent, keeping the title and the
/// header of `current`. The error names the field to show it at: a field that is not a number, or
/// else the one the user just changed.
pub(super) fn grid_from_fields(
    current: LayoutProfile,
    [cells, lines, indent]: [&str; 3],
    edited: LayoutField,
) -> Result<LayoutProfile, (LayoutField, String)> {
    let number = |text: &str, label: &str, field: LayoutField| {
        parse_whole(text, label).map_err(|m| (field, unchanged(&m, "版面设置")))
    };
    let cells = number(cells, "每行字数", LayoutField::Cells)?;
    let lines = number(lines, "每页行数", LayoutField::Lines)?;
    let indent = number(indent, "首行缩进", LayoutField::Indent)?;
    let refused = |e: ProfileError| (edited, unchanged(&e.to_string(), "版面设置"));
    LayoutProfile::try_new(cells, lines, indent)
        .map_err(refused)?
        .with_title(current.title())
        .try_with_header_lines(current.header_lines())
        .map_err(refused)
}

/// `current` with the 红头 header on (`typed` lines reserved) or off.
pub(super) fn header_from_field(
    current: LayoutProfile,
    on: bool,
    typed: &str,
) -> Result<LayoutProfile, String> {
    if !on {
        return Ok(current.with_header_lines(0));
    }
    let lines = parse_whole(typed, "首页预留行数").map_err(|m| unchanged(&m, "版面设置"))?;
    if lines == 0 {
        return Err(unchanged(
            "首页预留行数须大于 0；不用红头时请取消勾选“红头文件首页”",
            "版面设置",
        ));
    }
    current
        .try_with_header_lines(lines)
        .map_err(|e| unchanged(&e.to_string(), "版面设置"))
}

/// The typed speaking rate, checked by [`SpeakingRate::try_new`].
pub(super) fn rate_from_field(typed: &str) -> Result<SpeakingRate, String> {
    let value = parse_whole(typed, "发言语速").map_err(|m| unchanged(&m, "篇幅设置"))?;
    SpeakingRate::try_new(value).map_err(|e| unchanged(&e.to_string(), "篇幅设置"))
}

/// The typed long-sentence threshold, checked by [`FormatSettings::try_long_sentence_chars`].
pub(super) fn long_sentence_from_field(typed: &str) -> Result<usize, String> {
    let value = parse_whole(typed, "长句提示字数").map_err(|m| unchanged(&m, "格式检查设置"))?;
    FormatSettings::try_long_sentence_chars(value as usize)
        .map_err(|e| unchanged(&e.to_string(), "格式检查设置"))
}

/// The profile the form describes, checked by the engine.
pub(super) fn profile_from_form(form: &CapForm<'_>) -> Result<CapProfile, CapError> {
    let limits = Limits {
        zi: Unit::Zi.parse_limit(form.zi)?,
        pages: Unit::Page.parse_limit(form.pages)?,
        minutes: Unit::Minute.parse_limit(form.minutes)?,
    };
    CapProfile::custom(form.name, limits, form.note)
}

/// Adds the form's profile, or replaces the custom profile `editing` with it. Returns the saved
/// name; on error `caps` is unchanged and the message says so.
pub(super) fn save_profile(
    caps: &mut CapSettings,
    editing: Option<&str>,
    form: &CapForm<'_>,
) -> Result<String, String> {
    let refused = |e: CapError| unchanged(&e.to_string(), "篇幅设置");
    let profile = profile_from_form(form).map_err(refused)?;
    let saved = match editing {
        Some(id) => caps.replace(id, profile),
        None => caps.add(profile),
    };
    saved.map(|p| p.name().to_string()).map_err(refused)
}

/// A limit as the form shows it: the number, or empty for no limit.
pub(super) fn limit_text(limit: Option<u32>) -> String {
    limit.map(|n| n.to_string()).unwrap_or_default()
}

/// `5000字 · 10页 · 8分钟`, listing only the limits that are set.
pub(super) fn limits_summary(limits: Limits) -> String {
    Unit::ALL
        .iter()
        .filter_map(|&unit| limits.get(unit).map(|n| format!("{n}{}", unit.symbol())))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The rule the form describes; the engine checks the pattern and the reason when it is added.
pub(super) fn rule_from_form(
    pattern: &str,
    category: Category,
    reason: &str,
    suggestion: &str,
) -> Result<CustomRule, String> {
    if pattern.trim().is_empty() {
        return Err("请填写要标出的词语或句式。规则没有改变。".to_string());
    }
    Ok(CustomRule {
        pattern: pattern.trim().to_string(),
        category,
        severity: Severity::default(),
        reason: reason.trim().to_string(),
        suggestion: suggestion.trim().to_string(),
    })
}

/// What a rule set holds, for the export and import messages.
pub(super) fn rules_summary(rules: &RuleSet) -> String {
    let config = rules.config();
    format!(
        "自己的规则 {} 条，停用的规则 {} 条，忽略的提示 {} 处",
        config.custom.len(),
        config.disabled.len(),
        config.ignored.len()
    )
}

/// Replaces `rules` with the rule file `json`, returning what it held; on error nothing changes.
pub(super) fn import_rules(rules: &mut RuleSet, json: &str) -> Result<String, String> {
    rules
        .import_json(json)
        .map_err(|e| unchanged(&e.to_string(), "规则"))?;
    Ok(rules_summary(rules))
}

/// Refuses a chosen file that cannot be a rule file, before reading it.
pub(super) fn check_rules_file(name: &str, bytes: u64) -> Result<(), String> {
    if bytes > RULES_FILE_MAX_BYTES {
        return Err(format!(
            "“{name}”有 {} KB，不像是规则文件（导出的规则文件通常只有几 KB）。规则没有改变。",
            bytes / 1024
        ));
    }
    Ok(())
}

/// Turns a format rule on or off.
pub(super) fn set_format_rule(format: &mut FormatSettings, id: &str, on: bool) {
    if on {
        format.disabled.remove(id);
    } else {
        format.disabled.insert(id.to_string());
    }
}

/// A name and a one-line description of the rule `id`, whatever kind it is: a phrase rule, a
/// whole-sentence rule, a format rule, or one this version no longer has.
pub(super) fn rule_label(rules: &RuleSet, id: &str) -> (String, String) {
    if let Some(rule) = rules.rule(id) {
        return (
            rule.pattern.to_string(),
            format!("{}：{}", rule.category.label(), rule.reason),
        );
    }
    if let Some(rule) = SENTENCE_RULES.iter().find(|r| r.id == id) {
        return (
            format!("整句{}", rule.category.label()),
            rule.reason.to_string(),
        );
    }
    if let Some(rule) = rule_by_id(id) {
        return (rule.name.to_string(), format!("格式检查：{}", rule.example));
    }
    (id.to_string(), "本版本已没有这条规则。".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jianwen_engine::format::RULES as FORMAT_RULES;
    use jianwen_engine::phrases::{builtin_rules, RULES_FORMAT_VERSION};

    #[test]
    fn unchanged_makes_one_sentence_that_says_nothing_changed() {
        let cases = [
            (
                "每行字数应在 1 到 200 之间，当前为 0",
                "版面设置",
                "每行字数应在 1 到 200 之间，当前为 0。版面设置没有改变。",
            ),
            (
                "请填写每行字数。",
                "版面设置",
                "请填写每行字数。版面设置没有改变。",
            ),
            (
                "规则文件的版本是 2，本程序只能读取版本 1。规则没有改变。",
                "规则",
                "规则文件的版本是 2，本程序只能读取版本 1。规则没有改变。",
            ),
        ];
        for (message, what, want) in cases {
            assert_eq!(unchanged(message, what), want);
        }
    }

    #[test]
    fn parse_whole_reads_ascii_and_full_width_digits() {
        let cases: [(&str, Result<u32, &str>); 7] = [
            ("28", Ok(28)),
            (" ２８ ", Ok(28)),
            ("0", Ok(0)),
            ("", Err("请填写每行字数。")),
            ("2.5", Err("每行字数“2.5”不是整数，请只填数字。")),
            ("-3", Err("每行字数“-3”不是整数，请只填数字。")),
            ("99999999999", Err("每行字数“99999999999”过大。")),
        ];
        for (text, want) in cases {
            assert_eq!(
                parse_whole(text, "每行字数"),
                want.map_err(str::to_string),
                "{text:?}"
            );
        }
    }

    #[test]
    fn grid_keeps_title_and_header_and_names_the_field_at_fault() {
        let current = LayoutProfile::gbt9704()
            .with_title(false)
            .with_header_lines(13);
        let grid = grid_from_fields(current, ["30", "25", "2"], LayoutField::Cells).unwrap();
        assert_eq!(
            (
                grid.cells_per_line(),
                grid.lines_per_page(),
                grid.first_line_indent()
            ),
            (30, 25, 2)
        );
        assert_eq!((grid.title(), grid.header_lines()), (false, 13));
        assert!(!is_preset_grid(grid) && is_preset_grid(current));

        let cases = [
            (
                ["0", "22", "2"],
                LayoutField::Cells,
                LayoutField::Cells,
                "每行字数应在 1 到 200 之间，当前为 0。版面设置没有改变。",
            ),
            (
                ["28", "x", "2"],
                LayoutField::Cells,
                LayoutField::Lines,
                "每页行数“x”不是整数，请只填数字。版面设置没有改变。",
            ),
            (
                ["28", "22", "28"],
                LayoutField::Indent,
                LayoutField::Indent,
                "首行缩进 28 字，须小于每行字数 28。版面设置没有改变。",
            ),
            // Fewer lines than the header reserves: reported where the user changed the grid.
            (
                ["28", "10", "2"],
                LayoutField::Lines,
                LayoutField::Lines,
                "红头预留 13 行，须少于每页行数 10：首页必须有正文。版面设置没有改变。",
            ),
        ];
        for (fields, edited, field, message) in cases {
            assert_eq!(
                grid_from_fields(current, fields, edited),
                Err((field, message.to_string())),
                "{fields:?}"
            );
        }
    }

    #[test]
    fn header_turns_on_and_off_and_refuses_a_full_first_page() {
        let gb = LayoutProfile::gbt9704();
        // (current, box ticked, typed lines, the header lines of the result or the message)
        let cases: [(LayoutProfile, bool, &str, Result<u32, &str>); 5] = [
            (gb, true, "13", Ok(13)),
            (gb.with_header_lines(13), false, "junk", Ok(0)),
            (
                gb,
                true,
                "22",
                Err("红头预留 22 行，须少于每页行数 22：首页必须有正文。版面设置没有改变。"),
            ),
            (gb, true, "", Err("请填写首页预留行数。版面设置没有改变。")),
            (
                gb,
                true,
                "0",
                Err("首页预留行数须大于 0；不用红头时请取消勾选“红头文件首页”。版面设置没有改变。"),
            ),
        ];
        for (current, on, typed, want) in cases {
            assert_eq!(
                header_from_field(current, on, typed).map(|p| p.header_lines()),
                want.map_err(str::to_string),
                "{on} {typed:?}"
            );
        }
    }

    #[test]
    fn rate_and_long_sentence_ranges() {
        let rates: [(&str, Result<u32, &str>); 2] = [
            ("220", Ok(220)),
            (
                "300",
                Err("语速应在每分钟 160 到 250 字之间，当前为 300。篇幅设置没有改变。"),
            ),
        ];
        for (typed, want) in rates {
            assert_eq!(
                rate_from_field(typed).map(SpeakingRate::get),
                want.map_err(str::to_string),
                "{typed:?}"
            );
        }

        let long_sentences: [(&str, Result<usize, &str>); 4] = [
            ("20", Ok(20)),
            ("1000", Ok(1000)),
            (
                "19",
                Err("长句提示字数应在 20 到 1000 之间，当前为 19。格式检查设置没有改变。"),
            ),
            (
                "1001",
                Err("长句提示字数应在 20 到 1000 之间，当前为 1001。格式检查设置没有改变。"),
            ),
        ];
        for (typed, want) in long_sentences {
            assert_eq!(
                long_sentence_from_field(typed),
                want.map_err(str::to_string),
                "{typed:?}"
            );
        }
    }

    fn form<'a>(name: &'a str, zi: &'a str, pages: &'a str, minutes: &'a str) -> CapForm<'a> {
        CapForm {
            name,
            zi,
            pages,
            minutes,
            note: "区委办要求",
        }
    }

    #[test]
    fn cap_profiles_are_added_edited_and_bad_ones_change_nothing() {
        let mut caps = CapSettings::default();
        assert_eq!(
            save_profile(&mut caps, None, &form("区委文件", "３０００字", "", "")),
            Ok("区委文件".to_string())
        );
        assert_eq!(
            caps.custom()[0].limits(),
            Limits {
                zi: Some(3000),
                ..Limits::default()
            }
        );
        assert_eq!(caps.custom()[0].note(), "区委办要求");

        let before = caps.clone();
        let refused = [
            (
                form("区委文件", "3000", "", ""),
                "已经有一个名为“区委文件”的自定义标准。篇幅设置没有改变。",
            ),
            (
                form("发言", "", "", "-8"),
                "发言时间上限不能是负数。篇幅设置没有改变。",
            ),
            (
                form("发言", "", "", ""),
                "请至少填写字数、页数、发言时间中的一项上限。篇幅设置没有改变。",
            ),
            (
                form("  ", "100", "", ""),
                "请填写标准名称，例如“政策性文件（5000字）”。篇幅设置没有改变。",
            ),
            (
                form("通知", "五千", "", ""),
                "字数上限“五千”不是整数，请只填数字。篇幅设置没有改变。",
            ),
        ];
        for (bad, message) in &refused {
            assert_eq!(save_profile(&mut caps, None, bad), Err(message.to_string()));
            assert_eq!(caps, before, "{message}");
        }

        let id = caps.custom()[0].id().to_string();
        assert_eq!(
            save_profile(
                &mut caps,
                Some(&id),
                &form("区委文件（2500字）", "2500", "5", "")
            ),
            Ok("区委文件（2500字）".to_string())
        );
        assert_eq!(caps.custom().len(), 1);
        assert_eq!(limits_summary(caps.custom()[0].limits()), "2500字 · 5页");
        assert!(
            save_profile(&mut caps, Some("js-2019-policy"), &form("x", "1", "", ""))
                .unwrap_err()
                .contains("内置标准")
        );
    }

    #[test]
    fn limits_are_summarised_and_shown_back_in_the_form() {
        let summaries = [
            (
                Limits {
                    zi: Some(5000),
                    pages: Some(10),
                    minutes: Some(8),
                },
                "5000字 · 10页 · 8分钟",
            ),
            (
                Limits {
                    minutes: Some(8),
                    ..Limits::default()
                },
                "8分钟",
            ),
        ];
        for (limits, want) in summaries {
            assert_eq!(limits_summary(limits), want);
        }
        let texts = [(Some(10), "10"), (None, "")];
        for (limit, want) in texts {
            assert_eq!(limit_text(limit), want, "{limit:?}");
        }
    }

    #[test]
    fn custom_rules_are_checked_by_the_engine_and_bad_ones_change_nothing() {
        let prefs = Preferences::default();
        let add = |pattern: &str, reason: &str| {
            changed(&prefs, |p| {
                let rule = rule_from_form(pattern, Category::Slogan, reason, " 写明要求 ")?;
                p.rules
                    .add(rule)
                    .map_err(|e| unchanged(&e.to_string(), "规则"))
            })
        };
        let next = add(" 以……为纲 ", "口号式表述。")
            .unwrap()
            .expect("a new rule changes the preferences");
        let rule = &next.rules.config().custom[0];
        assert_eq!(
            (
                rule.pattern.as_str(),
                rule.category,
                rule.suggestion.as_str()
            ),
            ("以……为纲", Category::Slogan, "写明要求")
        );

        let refused = [
            ("  ", "理由", "请填写要标出的词语或句式。规则没有改变。"),
            (
                "……为纲",
                "理由",
                "规则“……为纲”无效：不能以“……”开头或结尾，请在两端写出确定的字。规则没有改变。",
            ),
            (
                "以……为纲",
                " ",
                "规则“以……为纲”缺少理由：请用一句话说明为什么要标出它。规则没有改变。",
            ),
        ];
        for (pattern, reason, message) in refused {
            assert_eq!(
                add(pattern, reason),
                Err(message.to_string()),
                "{pattern:?}"
            );
        }
    }

    #[test]
    fn rule_files_import_whole_or_not_at_all() {
        let mut source = RuleSet::default();
        source
            .add(rule_from_form("以……为纲", Category::Stock, "口号式表述。", "").unwrap())
            .unwrap();
        source.ignore("hat.guidance", "为深入贯彻落实");
        let json = source.to_json();

        let mut rules = RuleSet::default();
        assert_eq!(
            import_rules(&mut rules, &json),
            Ok("自己的规则 1 条，停用的规则 0 条，忽略的提示 1 处".to_string())
        );
        assert_eq!(rules, source);

        let before = rules.clone();
        let bad = [
            "not json".to_string(),
            format!(r#"{{"version": {}}}"#, RULES_FORMAT_VERSION + 1),
            r#"{"version": 1, "custom": [{"pattern": "……", "category": "stock", "reason": "x"}]}"#
                .to_string(),
        ];
        for json in &bad {
            let message = import_rules(&mut rules, json).unwrap_err();
            assert!(message.ends_with("规则没有改变。"), "{message}");
            assert_eq!(rules, before);
        }

        let files = [
            ("规则.json", 4096, Ok(())),
            (
                "视频.mp4",
                5 * 1024 * 1024,
                Err("“视频.mp4”有 5120 KB，不像是规则文件（导出的规则文件通常只有几 KB）。规则没有改变。"),
            ),
        ];
        for (name, bytes, want) in files {
            assert_eq!(
                check_rules_file(name, bytes),
                want.map_err(str::to_string),
                "{name}"
            );
        }
    }

    #[test]
    fn format_rules_toggle_and_unchanged_preferences_are_not_emitted() {
        let prefs = Preferences::default();
        let id = FORMAT_RULES[0].id;
        let toggle = |on: bool| {
            move |p: &mut Preferences| {
                set_format_rule(&mut p.format, id, on);
                Ok(())
            }
        };
        let off = changed(&prefs, toggle(false)).unwrap().unwrap();
        assert!(!off.format.is_enabled(id));
        let on = changed(&off, toggle(true)).unwrap().unwrap();
        assert_eq!(on, prefs);
        assert_eq!(changed(&prefs, toggle(true)), Ok(None));
        assert_eq!(
            changed(&prefs, |_| Err("不行。".to_string())),
            Err("不行。".to_string())
        );
    }

    #[test]
    fn every_kind_of_rule_id_gets_a_label() {
        let rules = RuleSet::default();
        let builtin = builtin_rules().next().unwrap();
        let titles = [
            (&*builtin.id, builtin.pattern.to_string()),
            ("sentence.opening", "整句戴帽".to_string()),
            (FORMAT_RULES[0].id, FORMAT_RULES[0].name.to_string()),
        ];
        for (id, title) in titles {
            assert_eq!(rule_label(&rules, id).0, title, "{id}");
        }
        assert_eq!(
            rule_label(&rules, "gone.rule"),
            (
                "gone.rule".to_string(),
                "本版本已没有这条规则。".to_string()
            )
        );
    }
}
