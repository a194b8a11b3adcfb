//! The backup file: round trip, its exact shape, migration from version 0, refusals, and the
//! merge rules that never overwrite a draft.

use jianwen_io::{
    Backup, BackupError, Draft, Library, MergeReport, BACKUP_FORMAT_VERSION, LEGACY_DRAFT_ID,
};
use serde_json::{json, Value};

/// A library with one of everything a draft can carry: an own title, a cap profile, check
/// choices, a draft in the 回收站, text with quotes, backslashes, tabs and 𠮷.
fn library() -> Library {
    let mut library = Library::default();
    let notice = library.create(
        "关于做好防汛工作的通知\n各区县：\n\t“重要”\\路径 𠮷",
        1_717_000_000_000,
    );
    library
        .rename(&notice, "防汛通知", 1_717_000_001_000)
        .unwrap();
    library
        .set_cap_profile(&notice, Some("js-2019-policy"), 1_717_000_002_000)
        .unwrap();
    library
        .set_check_choices(
            &notice,
            json!([{"rule": "long-sentence", "at": 12}]),
            json!(["date-format"]),
            1_717_000_003_000,
        )
        .unwrap();
    let minutes = library.create("会议纪要", 1_717_100_000_000);
    library.delete(&minutes, 1_717_200_000_000).unwrap();
    library.create("", 1_717_300_000_000);
    library
}

#[test]
fn round_trip_keeps_everything() {
    let library = library();
    let settings =
        json!({"layout": "gb9704", "speaking_rate": 220, "rules": {"disabled": ["套话"]}});
    let backup = library.to_backup(settings.clone(), 1_718_000_000_000);
    let read = Backup::from_json(&backup.to_json(), 0).unwrap();
    assert_eq!(read, backup);
    assert_eq!(read.settings, settings);
    assert_eq!(read.drafts, library.drafts().cloned().collect::<Vec<_>>());
    let (restored, rejected) = Library::from_drafts(read.drafts);
    assert!(rejected.is_empty());
    assert_eq!(restored, library);
}

#[test]
fn version_1_shape_is_stable() {
    let mut draft = Draft::new("d1", "正文", 10);
    draft.deleted_ms = Some(30);
    let backup = Backup {
        exported_ms: 40,
        drafts: vec![draft, Draft::new("d2", "二", 20)],
        settings: json!({"speaking_rate": 200}),
    };
    let expected = json!({
        "format": "jianwen-backup",
        "format_version": 1,
        "exported_ms": 40,
        "drafts": [
            {"id": "d1", "text": "正文", "created_ms": 10, "updated_ms": 10, "deleted_ms": 30},
            {"id": "d2", "text": "二", "created_ms": 20, "updated_ms": 20}
        ],
        "settings": {"speaking_rate": 200}
    });
    assert_eq!(
        serde_json::from_str::<Value>(&backup.to_json()).unwrap(),
        expected
    );
    assert_eq!(BACKUP_FORMAT_VERSION, 1);
}

#[test]
fn version_0_migrates_to_one_draft() {
    let now = 1_718_000_000_000;
    let cases = [
        (
            "JSON of version 0",
            Backup::from_json(r#"{"draft": "关于……的通知\n正文"}"#, now).unwrap(),
        ),
        (
            "the stored text itself",
            Backup::from_legacy_draft("关于……的通知\n正文", now),
        ),
    ];
    for (name, backup) in cases {
        assert_eq!(backup.exported_ms, now, "{name}");
        assert_eq!(backup.settings, Value::Null, "{name}");
        assert_eq!(
            backup.drafts,
            [Draft::new(LEGACY_DRAFT_ID, "关于……的通知\n正文", now)],
            "{name}"
        );
    }

    let mut library = Library::default();
    let old = Backup::from_legacy_draft("旧草稿", now);
    assert_eq!(
        library.merge(&old, now),
        MergeReport {
            added: 1,
            copies: 0,
            skipped: 0
        }
    );
    let later = Backup::from_json(r#"{"draft": "旧草稿"}"#, now + 1).unwrap();
    assert_eq!(
        library.merge(&later, now + 1),
        MergeReport {
            added: 0,
            copies: 0,
            skipped: 1
        },
        "same old file twice"
    );
}

#[test]
fn bad_files_are_refused_with_their_reason() {
    let v1 = |rest: &str| {
        format!(r#"{{"format": "jianwen-backup", "format_version": 1, "exported_ms": 1{rest}}}"#)
    };
    let cases: Vec<(&str, String, BackupError)> = vec![
        (
            "empty file",
            String::new(),
            BackupError::Syntax { line: 1, column: 0 },
        ),
        (
            "cut short",
            v1(r#", "drafts": [{"id": "a""#)
                .trim_end_matches('}')
                .into(),
            BackupError::Syntax {
                line: 1,
                column: 89,
            },
        ),
        (
            "not JSON",
            "关于……的通知".into(),
            BackupError::Syntax { line: 1, column: 1 },
        ),
        ("a JSON array", "[]".into(), BackupError::NotABackup),
        (
            "another app's JSON",
            r#"{"version": 1, "custom": []}"#.into(),
            BackupError::NotABackup,
        ),
        (
            "another format",
            r#"{"format": "other", "format_version": 1}"#.into(),
            BackupError::NotABackup,
        ),
        (
            "version 0 with a number",
            r#"{"draft": 5}"#.into(),
            BackupError::NotABackup,
        ),
        (
            "newer version",
            r#"{"format": "jianwen-backup", "format_version": 2, "drafts": "changed"}"#.into(),
            BackupError::Version { found: 2 },
        ),
        (
            "version never written",
            r#"{"format": "jianwen-backup", "format_version": 0}"#.into(),
            BackupError::Version { found: 0 },
        ),
        (
            "no version",
            r#"{"format": "jianwen-backup", "exported_ms": 1, "drafts": []}"#.into(),
            BackupError::Format {
                line: 1,
                column: 60,
            },
        ),
        (
            "no drafts",
            v1(""),
            BackupError::Format {
                line: 1,
                column: 67,
            },
        ),
        (
            "draft without text",
            v1(r#", "drafts": [{"id": "a", "created_ms": 1, "updated_ms": 1}]"#),
            BackupError::Format {
                line: 1,
                column: 124,
            },
        ),
        (
            "time as text",
            v1(r#", "drafts": [{"id": "a", "text": "", "created_ms": "昨天", "updated_ms": 1}]"#),
            BackupError::Format {
                line: 1,
                column: 125,
            },
        ),
        (
            "empty id",
            v1(r#", "drafts": [{"id": "", "text": "", "created_ms": 1, "updated_ms": 1}]"#),
            BackupError::EmptyId,
        ),
        (
            "two drafts, one id",
            v1(
                r#", "drafts": [{"id": "a", "text": "一", "created_ms": 1, "updated_ms": 1}, {"id": "a", "text": "二", "created_ms": 1, "updated_ms": 1}]"#,
            ),
            BackupError::DuplicateId { id: "a".into() },
        ),
    ];
    for (name, json, expected) in cases {
        assert_eq!(Backup::from_json(&json, 0), Err(expected), "{name}: {json}");
    }
}

#[test]
fn refusals_explain_themselves_in_chinese() {
    for (error, expected) in [
        (
            BackupError::Syntax { line: 3, column: 7 },
            "备份文件不是有效的 JSON（第 3 行第 7 列附近）",
        ),
        (BackupError::NotABackup, "不是简文的备份文件"),
        (
            BackupError::Format { line: 1, column: 9 },
            "内容不符合格式（第 1 行第 9 列附近）",
        ),
        (
            BackupError::Version { found: 2 },
            "由更新版本的简文导出（格式版本 2），本程序只能读取版本 1 及以前的备份。请更新简文",
        ),
        (
            BackupError::Version { found: 0 },
            "无法识别备份文件的格式版本 0",
        ),
        (BackupError::EmptyId, "缺少编号"),
        (
            BackupError::DuplicateId { id: "d1".into() },
            "编号相同（d1）",
        ),
    ] {
        let message = error.to_string();
        assert!(message.contains(expected), "{error:?}: {message}");
        assert!(
            message.ends_with("没有导入任何内容。"),
            "{error:?}: {message}"
        );
    }
}

/// The draft `id` with `text`, as an older export would hold it.
fn draft(id: &str, text: &str) -> Draft {
    Draft::new(id, text, 1_000)
}

#[test]
fn merge_never_overwrites() {
    struct Case {
        name: &'static str,
        existing: Vec<Draft>,
        imported: Vec<Draft>,
        report: MergeReport,
        /// Every draft afterwards: id, title, text.
        after: Vec<(&'static str, &'static str, &'static str)>,
    }
    let renamed = |mut d: Draft, title: &str| {
        d.title = Some(title.into());
        d
    };
    let trashed = |mut d: Draft| {
        d.deleted_ms = Some(2_000);
        d
    };
    let later = |mut d: Draft| {
        d.updated_ms = 9_000;
        d
    };
    let cases = [
        Case {
            name: "new ids are added",
            existing: vec![draft("a", "甲")],
            imported: vec![draft("b", "乙"), trashed(draft("c", "丙"))],
            report: MergeReport {
                added: 2,
                copies: 0,
                skipped: 0,
            },
            after: vec![("a", "甲", "甲"), ("b", "乙", "乙"), ("c", "丙", "丙")],
        },
        Case {
            name: "identical drafts are skipped, whatever their times or trash",
            existing: vec![draft("a", "甲"), draft("b", "乙")],
            imported: vec![later(draft("a", "甲")), trashed(draft("b", "乙"))],
            report: MergeReport {
                added: 0,
                copies: 0,
                skipped: 2,
            },
            after: vec![("a", "甲", "甲"), ("b", "乙", "乙")],
        },
        Case {
            name: "same id, other text: a copy, the original untouched",
            existing: vec![draft("a", "通知\n旧")],
            imported: vec![draft("a", "通知\n新")],
            report: MergeReport {
                added: 0,
                copies: 1,
                skipped: 0,
            },
            after: vec![
                ("a", "通知", "通知\n旧"),
                ("d5000", "通知（导入）", "通知\n新"),
            ],
        },
        Case {
            name: "same id, other title: a copy of the renamed one",
            existing: vec![draft("a", "通知")],
            imported: vec![renamed(draft("a", "通知"), "防汛")],
            report: MergeReport {
                added: 0,
                copies: 1,
                skipped: 0,
            },
            after: vec![("a", "通知", "通知"), ("d5000", "防汛（导入）", "通知")],
        },
        Case {
            name: "copy ids avoid the backup's own ids",
            existing: vec![draft("a", "旧"), draft("d5000", "占用")],
            imported: vec![draft("a", "新"), draft("d5000-2", "备份中的")],
            report: MergeReport {
                added: 1,
                copies: 1,
                skipped: 0,
            },
            after: vec![
                ("a", "旧", "旧"),
                ("d5000", "占用", "占用"),
                ("d5000-3", "新（导入）", "新"),
                ("d5000-2", "备份中的", "备份中的"),
            ],
        },
        Case {
            name: "a copy from an earlier import is not made again",
            existing: vec![draft("a", "旧"), renamed(draft("d1", "新"), "新（导入）")],
            imported: vec![draft("a", "新")],
            report: MergeReport {
                added: 0,
                copies: 0,
                skipped: 1,
            },
            after: vec![("a", "旧", "旧"), ("d1", "新（导入）", "新")],
        },
        Case {
            name: "nothing to import",
            existing: vec![draft("a", "甲")],
            imported: vec![],
            report: MergeReport::default(),
            after: vec![("a", "甲", "甲")],
        },
    ];
    for case in cases {
        let (mut library, _) = Library::from_drafts(case.existing);
        let backup = Backup {
            exported_ms: 3_000,
            drafts: case.imported,
            settings: Value::Null,
        };
        assert_eq!(library.merge(&backup, 5_000), case.report, "{}", case.name);
        let after: Vec<(&str, String, &str)> = library
            .drafts()
            .map(|d| (d.id.as_str(), d.title(), d.text.as_str()))
            .collect();
        let expected: Vec<(&str, String, &str)> = case
            .after
            .iter()
            .map(|&(id, title, text)| (id, title.to_string(), text))
            .collect();
        assert_eq!(after, expected, "{}", case.name);
    }
}

#[test]
fn merge_report_reads_as_a_sentence() {
    for (report, expected) in [
        (MergeReport { added: 3, copies: 0, skipped: 0 }, "导入完成：新增 3 份草稿。"),
        (
            MergeReport { added: 1, copies: 2, skipped: 4 },
            "导入完成：新增 1 份草稿；2 份与现有草稿内容不同，已另存为副本（标题带“（导入）”），原草稿未改动；4 份与现有草稿相同，已跳过。",
        ),
    ] {
        assert_eq!(report.to_string(), expected);
    }
}
