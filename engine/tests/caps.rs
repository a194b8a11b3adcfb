//! Length caps: states at the boundaries, overages and their conversions, cut offsets against a
//! brute-force oracle, speaking time, validation of profiles, rates and stored settings, the
//! built-in profiles and their sources, and the Hebei work report under the Jiangsu policy cap.

mod support;

use jianwen_engine::caps::{
    builtin_profile, builtin_profiles, CapError, CapProfile, CapReport, CapSettings, CapState,
    LimitReport, Limits, SpeakingRate, Unit, ZiPerPage,
};
use jianwen_engine::chars::{classify, CharClass};
use jianwen_engine::counting::count;
use jianwen_engine::layout::LayoutProfile;
use jianwen_engine::{analyze, Analysis, Settings};

const fn limits(zi: Option<u32>, pages: Option<u32>, minutes: Option<u32>) -> Limits {
    Limits { zi, pages, minutes }
}

fn custom(limits: Limits) -> CapProfile {
    CapProfile::custom("测试标准", limits, "").expect("test profiles are valid")
}

/// `text` analysed under `cap` at `rate` 字/分钟; body paragraphs only (no title), so that line
/// counts are easy to reason about.
fn analyse(text: &str, cap: CapProfile, rate: u32) -> Analysis {
    let mut settings = Settings::default();
    settings.layout = LayoutProfile::gbt9704().with_title(false);
    settings.cap = Some(cap);
    settings.speaking_rate = SpeakingRate::try_new(rate).expect("test rates are valid");
    analyze(text, &settings)
}

#[track_caller]
fn only_limit(analysis: &Analysis) -> &LimitReport {
    let report = analysis
        .caps
        .as_ref()
        .expect("a cap was chosen, so there is a report");
    assert_eq!(report.limits.len(), 1, "the test profiles have one limit");
    &report.limits[0]
}

#[track_caller]
fn limit_of(report: &CapReport, unit: Unit) -> &LimitReport {
    report
        .limits
        .iter()
        .find(|l| l.unit == unit)
        .unwrap_or_else(|| panic!("no {unit:?} limit in the report"))
}

/// `n` paragraphs of 26 汉字: one full line each after the 2-cell indent.
fn lines_of_26(n: usize) -> String {
    vec!["字".repeat(26); n].join("\n")
}

/// The cut for `limit` 字 found the slow way: the first character whose prefix counts more than
/// `limit`, moved back to the start of its half-width run, since a run is one 字 that begins there.
fn oracle_cut(text: &str, limit: usize) -> Option<usize> {
    let (start, c) = text
        .char_indices()
        .find(|&(i, c)| count(&text[..i + c.len_utf8()]).word_count > limit)?;
    let mut cut = start;
    if classify(c) == CharClass::HalfWidth {
        while let Some(prev) = text[..cut]
            .chars()
            .next_back()
            .filter(|&p| classify(p) == CharClass::HalfWidth)
        {
            cut -= prev.len_utf8();
        }
    }
    Some(cut)
}

/// `numerator / denominator` in tenths, rounded, as the messages show it: `1.6`, or `不到 0.1`.
fn tenths_text(numerator: usize, denominator: usize) -> String {
    match (numerator as f64 / denominator as f64 * 10.0).round() as u64 {
        0 => "不到 0.1".to_string(),
        t => format!("{}.{}", t / 10, t % 10),
    }
}

#[test]
fn zi_states_and_overages_at_the_boundaries() {
    struct Case {
        zi: usize,
        state: CapState,
        message: &'static str,
    }
    // 5000 字 limit; one paragraph of n 字: 26 on the first line, 28 on the others, so eight full
    // pages hold 26 + 175 × 28 = 4926 字.
    #[rustfmt::skip]
    let cases = [
        Case { zi: 4499, state: CapState::Ok, message: "距上限还有 501 字" },
        Case { zi: 4500, state: CapState::Near, message: "距上限还有 500 字" },
        Case { zi: 4999, state: CapState::Near, message: "距上限还有 1 字" },
        Case { zi: 5000, state: CapState::Near, message: "恰好达到上限" },
        Case { zi: 5001, state: CapState::Over, message: "超出 1 字，不到 0.1 页，不到 0.1 分钟" },
        // 312 × 8 / 4926 = 0.507 pages; 312 / 200 = 1.56 minutes.
        Case { zi: 5312, state: CapState::Over, message: "超出 312 字，约 0.5 页，约 1.6 分钟" },
    ];
    for case in cases {
        let text = "字".repeat(case.zi);
        let analysis = analyse(&text, custom(limits(Some(5000), None, None)), 200);
        let l = only_limit(&analysis);
        let name = case.zi;
        assert_eq!(
            (l.unit, l.value, l.limit),
            (Unit::Zi, case.zi as f64, 5000),
            "{name}"
        );
        assert_eq!(l.state, case.state, "{name}");
        assert_eq!(l.message, case.message, "{name}");
        let over = case.state == CapState::Over;
        assert_eq!(
            l.overage.map(|o| o.zi),
            over.then(|| case.zi - 5000),
            "{name}: overage"
        );
        assert_eq!(
            l.cut,
            over.then_some(5000 * "字".len()),
            "{name}: the cut is at the 5001st 字"
        );
    }
}

#[test]
fn zi_to_pages_uses_the_drafts_own_density_or_the_grid() {
    struct Case {
        name: &'static str,
        text: String,
        limit: u32,
        per_page: ZiPerPage,
        message: &'static str,
    }
    #[rustfmt::skip]
    let cases = [
        // 412 字 on one page: no full page, so 616 字 a page; 312 / 616 = 0.506.
        Case {
            name: "shorter than a page",
            text: "字".repeat(412),
            limit: 100,
            per_page: ZiPerPage::Grid,
            message: "超出 312 字，约 0.5 页，约 1.6 分钟",
        },
        // 50 lines of 26 字: two full pages of 22 lines, 1144 字; 300 × 2 / 1144 = 0.524.
        Case {
            name: "full pages of short lines",
            text: lines_of_26(50),
            limit: 1000,
            per_page: ZiPerPage::Draft { zi: 1144, pages: 2 },
            message: "超出 300 字，约 0.5 页，约 1.5 分钟",
        },
        // A page of empty lines has no 字 to measure: back to the grid. 12 / 616 rounds to 0.
        Case {
            name: "a blank first page",
            text: format!("{}{}", "\n".repeat(22), "字".repeat(12)),
            limit: 1,
            per_page: ZiPerPage::Grid,
            message: "超出 11 字，不到 0.1 页，约 0.1 分钟",
        },
    ];
    for case in cases {
        let analysis = analyse(
            &case.text,
            custom(limits(Some(case.limit), None, None)),
            200,
        );
        let report = analysis.caps.as_ref().unwrap();
        assert_eq!(report.zi_per_page, case.per_page, "{}", case.name);
        assert_eq!(only_limit(&analysis).message, case.message, "{}", case.name);
    }
}

#[test]
fn page_states_overages_and_cuts() {
    struct Case {
        lines: usize,
        pages: usize,
        state: CapState,
        message: &'static str,
    }
    // 10-page limit; every paragraph is one line of 26 字, 22 lines a page.
    #[rustfmt::skip]
    let cases = [
        Case { lines: 176, pages: 8, state: CapState::Ok, message: "距上限还有 2 页" },
        Case { lines: 198, pages: 9, state: CapState::Near, message: "距上限还有 1 页" },
        Case { lines: 220, pages: 10, state: CapState::Near, message: "恰好达到上限" },
        // 10 pages and one line: 26 字 on page 11, 0.13 minutes.
        Case { lines: 221, pages: 11, state: CapState::Over, message: "超出 1 页（第 11 页起 26 字），约 0.1 分钟" },
        // 23 lines past page 10: 598 字, 2.99 minutes.
        Case { lines: 243, pages: 12, state: CapState::Over, message: "超出 2 页（第 11 页起 598 字），约 3.0 分钟" },
    ];
    for case in cases {
        let text = lines_of_26(case.lines);
        let analysis = analyse(&text, custom(limits(None, Some(10), None)), 200);
        let l = only_limit(&analysis);
        let name = case.lines;
        assert_eq!(
            (l.unit, l.value, l.limit),
            (Unit::Page, case.pages as f64, 10),
            "{name}"
        );
        assert_eq!(l.state, case.state, "{name}");
        assert_eq!(l.message, case.message, "{name}");
        // The first character of page 11 is the first of line 221, paragraph 220.
        let line_bytes = "字".len() * 26 + 1;
        assert_eq!(
            l.cut,
            (case.state == CapState::Over).then_some(220 * line_bytes),
            "{name}: cut"
        );
        if let Some(o) = l.overage {
            assert_eq!(
                o.pages_tenths,
                (case.pages as u64 - 10) * 10,
                "{name}: whole pages over"
            );
            assert_eq!(
                count(&text[l.cut.unwrap()..]).word_count,
                o.zi,
                "{name}: 字 past the cut"
            );
        }
    }
}

#[test]
fn cuts_land_where_words_count_passes_the_limit() {
    // (text, limit, expected cut)
    #[rustfmt::skip]
    let cases: &[(&str, usize, usize)] = &[
        ("𠮷𠮷𠮷", 2, 8),
        ("字2024年", 1, 3),
        ("字2024年", 2, 7),
        ("字(2024)年", 1, 3),
        ("字, 字", 1, 5),
        ("PM2.5𠮷", 1, 5),
        ("按照GB/T 9704-2012要求", 2, 6),
        ("按照GB/T 9704-2012要求", 3, 11),
        ("𠮷a😀b", 2, 5),
        ("𠮷a😀b", 3, 9),
        ("“十四五”", 4, "“十四五".len()),
        ("二〇二四年1月15日", 6, "二〇二四年1".len()),
    ];
    for &(text, limit, want) in cases {
        let analysis = analyse(text, custom(limits(Some(limit as u32), None, None)), 200);
        assert_eq!(only_limit(&analysis).cut, Some(want), "{text:?} at {limit}");
    }
    // Every limit below the total, against the oracle and Word's own count.
    for &(text, _, _) in cases {
        let total = count(text).word_count;
        for limit in 1..total {
            let analysis = analyse(text, custom(limits(Some(limit as u32), None, None)), 200);
            let cut = only_limit(&analysis)
                .cut
                .unwrap_or_else(|| panic!("{text:?} at {limit}: no cut"));
            assert_eq!(Some(cut), oracle_cut(text, limit), "{text:?} at {limit}");
            assert!(
                text.is_char_boundary(cut),
                "{text:?} at {limit}: {cut} splits a character"
            );
            assert_eq!(
                count(&text[..cut]).word_count,
                limit,
                "{text:?} at {limit}: 字 before the cut"
            );
            let after = count(&text[cut..]).word_count;
            assert_eq!(
                limit + after,
                total,
                "{text:?} at {limit}: the cut splits a half-width run"
            );
        }
    }
}

#[test]
fn cuts_in_every_corpus_document() {
    for (name, _) in support::expected_documents() {
        let text = support::corpus_text(&name);
        let total = count(&text).word_count;
        let at_limit = analyse(&text, custom(limits(Some(total as u32), None, None)), 200);
        assert_eq!(
            only_limit(&at_limit).state,
            CapState::Near,
            "{name}: exactly at the limit"
        );
        let one_over = analyse(
            &text,
            custom(limits(Some(total as u32 - 1), None, None)),
            200,
        );
        let l = only_limit(&one_over);
        let cut = l
            .cut
            .unwrap_or_else(|| panic!("{name}: one 字 over has a cut"));
        assert_eq!(
            (
                count(&text[..cut]).word_count,
                count(&text[cut..]).word_count
            ),
            (total - 1, 1),
            "{name}"
        );
    }
}

#[test]
fn speaking_time_and_minute_limits() {
    struct Case {
        zi: usize,
        rate: u32,
        minutes: u32,
        tenths: u64,
        state: CapState,
        message: &'static str,
    }
    #[rustfmt::skip]
    let cases = [
        Case { zi: 1439, rate: 200, minutes: 8, tenths: 72, state: CapState::Ok, message: "距上限还有 161 字，约 0.8 分钟" },
        Case { zi: 1440, rate: 200, minutes: 8, tenths: 72, state: CapState::Near, message: "距上限还有 160 字，约 0.8 分钟" },
        Case { zi: 1600, rate: 200, minutes: 8, tenths: 80, state: CapState::Near, message: "恰好达到上限" },
        Case { zi: 1601, rate: 200, minutes: 8, tenths: 80, state: CapState::Over, message: "超出不到 0.1 分钟（1 字），不到 0.1 页" },
        // 8.05 minutes rounds half up; 10 字 over is 0.05 minutes, shown as 0.1.
        Case { zi: 1610, rate: 200, minutes: 8, tenths: 81, state: CapState::Over, message: "超出 0.1 分钟（10 字），不到 0.1 页" },
        Case { zi: 1280, rate: 160, minutes: 8, tenths: 80, state: CapState::Near, message: "恰好达到上限" },
        Case { zi: 1281, rate: 160, minutes: 8, tenths: 80, state: CapState::Over, message: "超出不到 0.1 分钟（1 字），不到 0.1 页" },
        Case { zi: 2000, rate: 250, minutes: 8, tenths: 80, state: CapState::Near, message: "恰好达到上限" },
        Case { zi: 12000, rate: 200, minutes: 60, tenths: 600, state: CapState::Near, message: "恰好达到上限" },
        // 312 字 is 1.56 minutes; 20 pages, the first 19 holding 26 + 417 × 28 = 11702 字.
        Case { zi: 12312, rate: 200, minutes: 60, tenths: 616, state: CapState::Over, message: "超出 1.6 分钟（312 字），约 0.5 页" },
    ];
    for case in cases {
        let text = "字".repeat(case.zi);
        let analysis = analyse(
            &text,
            custom(limits(None, None, Some(case.minutes))),
            case.rate,
        );
        let name = (case.zi, case.rate);
        assert_eq!(
            analysis.speaking_tenths, case.tenths,
            "{name:?}: speaking time"
        );
        let l = only_limit(&analysis);
        assert_eq!(l.value, case.zi as f64 / case.rate as f64, "{name:?}");
        assert_eq!(l.state, case.state, "{name:?}");
        assert_eq!(l.message, case.message, "{name:?}");
        let capacity = (case.rate * case.minutes) as usize;
        assert_eq!(
            l.cut,
            (case.state == CapState::Over).then(|| capacity * "字".len()),
            "{name:?}: cut at rate × minutes"
        );
    }
}

#[test]
fn speaking_rates_are_checked() {
    for (rate, valid) in [
        (0, false),
        (159, false),
        (160, true),
        (200, true),
        (250, true),
        (251, false),
        (300, false),
    ] {
        let parsed = SpeakingRate::try_new(rate);
        assert_eq!(parsed.is_ok(), valid, "{rate}");
        assert_eq!(
            serde_json::from_str::<SpeakingRate>(&rate.to_string()).is_ok(),
            valid,
            "{rate} from JSON"
        );
        if let Err(e) = parsed {
            assert_eq!(e, CapError::Rate { value: rate });
            assert_eq!(
                e.to_string(),
                format!("语速应在每分钟 160 到 250 字之间，当前为 {rate}。")
            );
        }
    }
    assert_eq!(SpeakingRate::default().get(), 200);
    assert_eq!(
        analyze("字".repeat(1000).as_str(), &Settings::default()).speaking_tenths,
        50,
        "200 字/分钟 by default"
    );
}

#[test]
fn profiles_are_validated() {
    let zi = limits(Some(5000), None, None);
    let long_name = "字".repeat(41);
    let long_note = "注".repeat(501);
    #[rustfmt::skip]
    let cases: Vec<(&str, Limits, &str, Result<(), CapError>)> = vec![
        ("政策性文件（5000字）", zi, "", Ok(())),
        ("  前后空格  ", zi, "  备注  ", Ok(())),
        ("", zi, "", Err(CapError::EmptyName)),
        (" \u{3000} ", zi, "", Err(CapError::EmptyName)),
        (&long_name, zi, "", Err(CapError::NameTooLong { chars: 41 })),
        ("a", zi, &long_note, Err(CapError::NoteTooLong { chars: 501 })),
        ("a", Limits::default(), "", Err(CapError::NoLimit)),
        ("a", limits(Some(0), None, None), "", Err(CapError::Zero { unit: Unit::Zi })),
        ("a", limits(None, Some(0), None), "", Err(CapError::Zero { unit: Unit::Page })),
        ("a", limits(None, None, Some(0)), "", Err(CapError::Zero { unit: Unit::Minute })),
        ("a", limits(Some(1_000_000), Some(1000), Some(600)), "", Ok(())),
        ("a", limits(Some(1_000_001), None, None), "", Err(CapError::TooLarge { unit: Unit::Zi, value: 1_000_001 })),
        ("a", limits(None, Some(1001), None), "", Err(CapError::TooLarge { unit: Unit::Page, value: 1001 })),
        ("a", limits(None, None, Some(601)), "", Err(CapError::TooLarge { unit: Unit::Minute, value: 601 })),
    ];
    for (name, limits, note, want) in cases {
        let got = CapProfile::custom(name, limits, note);
        assert_eq!(
            got.as_ref().map(|_| ()),
            want.as_ref().map(|_| ()),
            "{name:?} {limits:?}"
        );
        if let Ok(profile) = got {
            assert_eq!(profile.name(), name.trim());
            assert_eq!(profile.note(), note.trim());
            assert!(profile.is_custom() && profile.source().is_none());
        }
    }
    #[rustfmt::skip]
    let messages = [
        (CapError::EmptyName, "请填写标准名称，例如“政策性文件（5000字）”。"),
        (CapError::NoLimit, "请至少填写字数、页数、发言时间中的一项上限。"),
        (CapError::Zero { unit: Unit::Page }, "页数上限必须大于 0。"),
        (CapError::Negative { unit: Unit::Zi }, "字数上限不能是负数。"),
        (
            CapError::TooLarge { unit: Unit::Minute, value: 601 },
            "发言时间上限 601分钟 过大，最多 600分钟，请检查是否多输了数字。",
        ),
        (CapError::NameTooLong { chars: 41 }, "标准名称最多 40 个字，当前为 41 个字。"),
    ];
    for (error, want) in messages {
        assert_eq!(error.to_string(), want);
    }
}

#[test]
fn typed_limits_are_parsed() {
    type Case = (Unit, &'static str, Result<Option<u32>, CapError>);
    #[rustfmt::skip]
    let cases: &[Case] = &[
        (Unit::Zi, "", Ok(None)),
        (Unit::Zi, "  ", Ok(None)),
        (Unit::Zi, "5000", Ok(Some(5000))),
        (Unit::Zi, " 5000 ", Ok(Some(5000))),
        (Unit::Zi, "５０００", Ok(Some(5000))),
        (Unit::Zi, "5,000", Ok(Some(5000))),
        (Unit::Zi, "5000字", Ok(Some(5000))),
        (Unit::Page, "10页", Ok(Some(10))),
        (Unit::Minute, "8分钟", Ok(Some(8))),
        (Unit::Zi, "-5", Err(CapError::Negative { unit: Unit::Zi })),
        (Unit::Page, "－3", Err(CapError::Negative { unit: Unit::Page })),
        (Unit::Zi, "0", Err(CapError::Zero { unit: Unit::Zi })),
        (Unit::Zi, "-0", Err(CapError::Zero { unit: Unit::Zi })),
        (Unit::Minute, "7.5", Err(CapError::NotANumber { unit: Unit::Minute, text: "7.5".into() })),
        (Unit::Zi, "五千", Err(CapError::NotANumber { unit: Unit::Zi, text: "五千".into() })),
        (Unit::Zi, "-", Err(CapError::NotANumber { unit: Unit::Zi, text: "-".into() })),
        (Unit::Page, "1001", Err(CapError::TooLarge { unit: Unit::Page, value: 1001 })),
        (Unit::Zi, "99999999999999999999999", Err(CapError::TooLarge { unit: Unit::Zi, value: u64::MAX })),
    ];
    for (unit, text, want) in cases {
        assert_eq!(&unit.parse_limit(text), want, "{unit:?} {text:?}");
    }
}

#[test]
fn settings_round_trip_through_json() {
    let mut settings = CapSettings::default();
    let strict = CapProfile::custom(
        "区委文件（3000字/6页）",
        limits(Some(3000), Some(6), None),
        "区委办2023年要求",
    )
    .unwrap();
    let speech = CapProfile::custom("表态发言（5分钟）", limits(None, None, Some(5)), "").unwrap();
    let strict_id = settings.add(strict).unwrap().id().to_string();
    let speech_id = settings.add(speech).unwrap().id().to_string();
    settings.choose("draft-a", Some(&strict_id)).unwrap();
    settings.choose("draft-b", Some("js-2019-policy")).unwrap();
    settings.choose("draft-c", Some(&speech_id)).unwrap();
    settings.set_rate(SpeakingRate::try_new(180).unwrap());

    let json = settings.to_json();
    let back = CapSettings::from_json(&json).unwrap();
    assert_eq!(back, settings);
    assert_eq!(
        serde_json::from_str::<CapSettings>(&json).unwrap(),
        settings,
        "serde reads the same form"
    );
    assert_eq!(
        back.chosen("draft-a").unwrap().limits(),
        limits(Some(3000), Some(6), None)
    );
    assert_eq!(
        back.chosen("draft-b").unwrap().name(),
        "政策性文件（5000字/10页）"
    );
    assert_eq!(back.rate().get(), 180);
    assert_eq!(back.custom().len(), 2);
    assert_eq!(back.profiles().count(), builtin_profiles().len() + 2);
}

#[test]
fn custom_profiles_are_added_edited_and_deleted() {
    let mut settings = CapSettings::default();
    let five = |name: &str| CapProfile::custom(name, limits(Some(5000), None, None), "").unwrap();
    let id = settings.add(five("甲")).unwrap().id().to_string();
    assert_eq!(id, "user:甲");
    settings.choose("d1", Some(&id)).unwrap();
    settings.choose("d2", Some(&id)).unwrap();

    assert_eq!(
        settings.add(five("甲")).unwrap_err(),
        CapError::DuplicateName { name: "甲".into() }
    );
    let builtin = builtin_profile("cn-2024-document").unwrap().clone();
    assert_eq!(
        settings.add(builtin.clone()).unwrap_err(),
        CapError::BuiltIn {
            id: "cn-2024-document".into()
        }
    );
    assert_eq!(
        settings.remove("cn-2024-document").unwrap_err(),
        CapError::BuiltIn {
            id: "cn-2024-document".into()
        }
    );
    assert_eq!(
        settings.replace("user:无", five("乙")).unwrap_err(),
        CapError::UnknownProfile {
            id: "user:无".into()
        }
    );
    assert_eq!(
        settings.choose("d3", Some("nothing")).unwrap_err(),
        CapError::UnknownProfile {
            id: "nothing".into()
        }
    );

    // Renaming moves the drafts along; a name taken by another custom profile is refused.
    settings.add(five("丙")).unwrap();
    assert_eq!(
        settings.replace(&id, five("丙")).unwrap_err(),
        CapError::DuplicateName { name: "丙".into() }
    );
    let renamed = settings.replace(&id, five("乙")).unwrap().id().to_string();
    assert_eq!(settings.chosen("d1").unwrap().id(), renamed);
    assert_eq!(settings.custom()[0].name(), "乙", "replaced in place");

    // Deleting clears the drafts that used it; others keep theirs.
    settings.choose("d3", Some("user:丙")).unwrap();
    assert_eq!(settings.remove(&renamed).unwrap().name(), "乙");
    assert!(settings.chosen("d1").is_none() && settings.chosen("d2").is_none());
    assert_eq!(settings.chosen("d3").unwrap().name(), "丙");
    settings.choose("d3", None).unwrap();
    assert!(settings.chosen("d3").is_none());

    // A built-in profile serialises as its user fields and comes back as a custom copy.
    let copy: CapProfile = serde_json::from_str(&serde_json::to_string(&builtin).unwrap()).unwrap();
    assert!(copy.is_custom());
    assert_eq!(
        (copy.name(), copy.limits()),
        (builtin.name(), builtin.limits())
    );
}

#[test]
fn bad_stored_settings_are_refused() {
    #[rustfmt::skip]
    let cases: &[(&str, Result<(), CapError>)] = &[
        (r#"{"version": 1}"#, Ok(())),
        (r#"{"version": 1, "chosen": {"d": "gone"}}"#, Ok(())),
        ("{", Err(CapError::Syntax { line: 1, column: 1 })),
        (r#"{"version": 2, "extra": true}"#, Err(CapError::Version { found: 2 })),
        (r#"{"custom": []}"#, Err(CapError::Format { line: 1, column: 14 })),
        (r#"{"version": 1, "extra": true}"#, Err(CapError::Format { line: 1, column: 22 })),
        (
            r#"{"version": 1, "custom": [{"name": "a", "limits": {"zi": -5}}]}"#,
            Err(CapError::Format { line: 1, column: 59 }),
        ),
        (r#"{"version": 1, "custom": [{"name": " ", "limits": {"zi": 5}}]}"#, Err(CapError::EmptyName)),
        (r#"{"version": 1, "custom": [{"name": "a", "limits": {}}]}"#, Err(CapError::NoLimit)),
        (
            r#"{"version": 1, "custom": [{"name": "a", "limits": {"zi": 5}}, {"name": "a", "limits": {"zi": 6}}]}"#,
            Err(CapError::DuplicateName { name: "a".into() }),
        ),
        (r#"{"version": 1, "rate": 300}"#, Err(CapError::Rate { value: 300 })),
    ];
    for (json, want) in cases {
        let got = CapSettings::from_json(json);
        assert_eq!(
            got.as_ref().map(|_| ()),
            want.as_ref().map(|_| ()),
            "{json}"
        );
        if let Ok(settings) = got {
            assert!(
                settings.chosen("d").is_none(),
                "{json}: a choice of a missing profile is dropped"
            );
            assert_eq!(settings.rate(), SpeakingRate::default(), "{json}");
        }
    }
}

#[test]
fn the_built_in_profiles_are_the_rules_with_their_sources() {
    // (id, name, group, 字, 页, 分钟)
    type Row = (
        &'static str,
        &'static str,
        &'static str,
        Option<u32>,
        Option<u32>,
        Option<u32>,
    );
    #[rustfmt::skip]
    let want: &[Row] = &[
        ("cn-2019-policy", "中央政策性文件（10页）", "中央（2019）", None, Some(10), None),
        ("js-2019-policy", "政策性文件（5000字/10页）", "江苏省（2019）", Some(5000), Some(10), None),
        ("js-2019-other", "其他文件（3500字/7页）", "江苏省（2019）", Some(3500), Some(7), None),
        ("js-2019-report-general", "综合报告（5000字）", "江苏省（2019）", Some(5000), None, None),
        ("js-2019-report-special", "专项报告（3000字）", "江苏省（2019）", Some(3000), None, None),
        ("js-2019-statement", "会议交流发言（8分钟）", "江苏省（2019）", None, None, Some(8)),
        ("cn-2024-document", "地方和部门文件（5000字）", "中办国办（2024）", Some(5000), None, None),
        ("cn-2024-special", "专项工作文件（4000字）", "中办国办（2024）", Some(4000), None, None),
        ("cn-2024-speech", "主要负责同志讲话（1小时）", "中办国办（2024）", None, None, Some(60)),
        ("gb-2007-state-council", "国务院普发类文件（5000字）", "国务院办公厅（2007）", Some(5000), None, None),
        ("gb-2007-general-office", "国办普发类文件（4000字）", "国务院办公厅（2007）", Some(4000), None, None),
        ("gb-2007-national-speech", "全国性工作会议讲话稿（8000字）", "国务院办公厅（2007）", Some(8000), None, None),
        ("gb-2007-other-speech", "其他会议讲话稿（5000字）", "国务院办公厅（2007）", Some(5000), None, None),
        ("gb-2007-statement", "会议发言（8分钟）", "国务院办公厅（2007）", None, None, Some(8)),
        ("zz-2019-policy", "市政府政策性文件（10页）", "郑州市（2019）", None, Some(10), None),
        ("zz-2019-request", "请示、报告（6页）", "郑州市（2019）", None, Some(6), None),
        ("zz-2019-experience", "经验交流材料（5页）", "郑州市（2019）", None, Some(5), None),
        ("zz-2019-topic", "单项专题汇报（3页）", "郑州市（2019）", None, Some(3), None),
        ("zz-2019-summary", "综合性汇报（6页）", "郑州市（2019）", None, Some(6), None),
        ("ah-2019-speech", "单项业务会议领导讲话（1小时）", "安徽省（2019）", None, None, Some(60)),
        ("ah-2019-statement", "大会发言（8分钟）", "安徽省（2019）", None, None, Some(8)),
        ("sd-2019-document", "文件（3000字）", "山东省（2019）", Some(3000), None, None),
    ];
    let got: Vec<Row> = builtin_profiles()
        .iter()
        .map(|p| {
            let l = p.limits();
            (p.id(), p.name(), p.group(), l.zi, l.pages, l.minutes)
        })
        .collect();
    assert_eq!(got, want);

    for p in builtin_profiles() {
        let id = p.id();
        assert!(!p.is_custom(), "{id}");
        assert_eq!(builtin_profile(id), Some(p), "{id}: found by id");
        assert_eq!(
            builtin_profiles()
                .iter()
                .filter(|q| q.name() == p.name())
                .count(),
            1,
            "{id}: name unique"
        );
        let source = p.source().unwrap_or_else(|| panic!("{id} has no source"));
        for (field, value) in [
            ("issuer", &source.issuer),
            ("title", &source.title),
            ("date", &source.date),
            ("clause", &source.clause),
            ("quote", &source.quote),
        ] {
            assert!(!value.trim().is_empty(), "{id}: empty {field}");
        }
        let date_ok = matches!(source.date.len(), 4 | 7 | 10)
            && source
                .date
                .split('-')
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()));
        assert!(
            date_ok,
            "{id}: date {:?} is not YYYY, YYYY-MM or YYYY-MM-DD",
            source.date
        );
        // The rule's own words must state every limit: the number, or one hour as 1小时.
        for unit in Unit::ALL {
            if let Some(limit) = p.limits().get(unit) {
                let stated = source.quote.contains(&format!("{limit}{}", unit.symbol()))
                    || (unit == Unit::Minute && limit == 60 && source.quote.contains("1个小时"))
                    || (unit == Unit::Minute && limit == 60 && source.quote.contains("1小时"));
                assert!(
                    stated,
                    "{id}: the quote {:?} does not state {limit}{}",
                    source.quote,
                    unit.symbol()
                );
            }
        }
        let citation = p.citation();
        assert!(
            citation.starts_with(&source.issuer) && citation.contains(&source.title),
            "{id}: {citation}"
        );
        assert!(
            citation.ends_with(&source.clause) && citation.contains(&source.date[..4]),
            "{id}: {citation}"
        );
    }
}

#[test]
fn hebei_report_under_the_jiangsu_policy_cap() {
    let name = "hebei_2026_gov_work_report";
    let text = support::corpus_text(name);
    let expected = support::expected_documents()
        .into_iter()
        .find(|(n, _)| n == name)
        .expect("in expected.json")
        .1;
    let profile = builtin_profiles()
        .iter()
        .find(|p| p.name() == "政策性文件（5000字/10页）")
        .expect("built in");

    // Independent figures: 字数 and pages from expected.json, line starts from its
    // paragraph_line_starts (characters from each paragraph's start; one paragraph a line).
    let zi = expected["counts"]["word_style"].as_u64().unwrap() as usize;
    let pages = expected["pages"].as_u64().unwrap() as usize;
    let mut line_starts = Vec::new();
    let mut paragraph_start = 0;
    for (paragraph, starts) in text
        .split('\n')
        .zip(expected["paragraph_line_starts"].as_array().unwrap())
    {
        for start in starts.as_array().unwrap() {
            let chars = start.as_u64().unwrap() as usize;
            let offset = paragraph
                .char_indices()
                .nth(chars)
                .map_or(paragraph.len(), |(i, _)| i);
            line_starts.push(paragraph_start + offset);
        }
        paragraph_start += paragraph.len() + 1;
    }
    let page_start = |page: usize| line_starts[(page - 1) * 22];
    let full_pages = pages - 1;
    let zi_on_full_pages = count(&text[..page_start(pages)]).word_count;

    let mut settings = Settings::default();
    // The figures are expected.json's: its grid sets the title at the body's size.
    settings.layout = jianwen_engine::layout::LayoutProfile::gbt9704()
        .with_typesetter(jianwen_engine::layout::Typesetter::ReferenceGrid);
    settings.cap = Some(profile.clone());
    let analysis = analyze(&text, &settings);
    assert_eq!(
        (analysis.counts.word_count, analysis.layout.pages),
        (zi, pages),
        "the corpus figures"
    );
    let report = analysis.caps.as_ref().unwrap();
    assert_eq!(report.profile_id, "js-2019-policy");
    assert_eq!(report.profile_name, "政策性文件（5000字/10页）");
    assert!(report
        .citation
        .starts_with("中共江苏省委办公厅、江苏省人民政府办公厅《关于解决形式主义突出问题"));
    assert_eq!(
        report.zi_per_page,
        ZiPerPage::Draft {
            zi: zi_on_full_pages,
            pages: full_pages
        }
    );
    assert_eq!(report.state(), CapState::Over);

    let over_zi = zi - 5000;
    let by_zi = limit_of(report, Unit::Zi);
    assert_eq!(
        (by_zi.state, by_zi.value, by_zi.limit),
        (CapState::Over, zi as f64, 5000)
    );
    assert_eq!(by_zi.overage.unwrap().zi, over_zi);
    #[rustfmt::skip]
    let want = format!(
        "超出 {over_zi} 字，约 {} 页，约 {} 分钟",
        tenths_text(over_zi * full_pages, zi_on_full_pages),
        tenths_text(over_zi, 200)
    );
    assert_eq!(by_zi.message, want);
    assert_eq!(by_zi.cut, oracle_cut(&text, 5000), "the 5001st 字");
    assert_eq!(by_zi.limit_text(), "5000字");
    assert_eq!(by_zi.cut_marker(), "超出上限（5000字）");

    let by_pages = limit_of(report, Unit::Page);
    let cut = page_start(11);
    let past = count(&text[cut..]).word_count;
    assert_eq!(
        (by_pages.state, by_pages.value, by_pages.limit),
        (CapState::Over, pages as f64, 10)
    );
    assert_eq!(by_pages.cut, Some(cut), "the first character of page 11");
    assert_eq!(by_pages.overage.unwrap().zi, past);
    assert_eq!(
        by_pages.message,
        format!(
            "超出 {} 页（第 11 页起 {past} 字），约 {} 分钟",
            pages - 10,
            tenths_text(past, 200)
        )
    );

    assert_eq!(
        report.first_cut().map(|l| l.unit),
        Some(Unit::Zi),
        "5000 字 come before page 11"
    );
    assert_eq!(analysis.speaking_tenths, (zi as f64 / 20.0).round() as u64);
}

#[test]
fn no_cap_means_no_report() {
    let analysis = analyze("标题\n正文", &Settings::default());
    assert!(analysis.caps.is_none());
    let report = analyse("字", custom(limits(Some(10), Some(2), Some(1))), 200)
        .caps
        .unwrap();
    assert_eq!(
        report.limits.iter().map(|l| l.unit).collect::<Vec<_>>(),
        Unit::ALL,
        "every limit, in unit order"
    );
    assert_eq!(report.state(), CapState::Ok);
    assert!(report.first_cut().is_none());
    assert_eq!(report.citation, "自定义标准“测试标准”");
}
