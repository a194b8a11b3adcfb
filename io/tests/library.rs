//! The draft library: titles, order, edits, duplicates and the 回收站 with its 30-day limit.

use jianwen_io::{
    title_from_text, Draft, Library, LibraryError, TITLE_MAX_CHARS, TRASH_RETENTION_MS, UNTITLED,
};
use serde_json::json;

const DAY: i64 = 24 * 60 * 60 * 1000;

#[test]
fn titles_come_from_the_first_non_empty_line() {
    let long = "关于进一步加强和改进新形势下全市安全生产工作切实防范化解重大风险确保人民群众生命财产安全的实施意见";
    let cases = [
        ("关于做好防汛工作的通知\n各区县：", "关于做好防汛工作的通知"),
        ("\n\n  \t\n  会议纪要  \n正文", "会议纪要"),
        (
            "\u{3000}\u{3000}全角空格缩进的标题\u{3000}",
            "全角空格缩进的标题",
        ),
        ("\r\n标题\r\n正文", "标题"),
        (
            long,
            &long[..long.char_indices().nth(TITLE_MAX_CHARS).unwrap().0],
        ),
        ("𠮷".repeat(41).as_str(), "𠮷".repeat(40).as_str()),
        ("", UNTITLED),
        (" \n\u{3000}\n\t", UNTITLED),
    ]
    .map(|(text, title)| (text.to_string(), title.to_string()));
    for (text, expected) in cases {
        assert_eq!(title_from_text(&text), expected, "{text:?}");
        assert!(expected.chars().count() <= TITLE_MAX_CHARS);
    }
}

#[test]
fn list_is_last_edited_first_and_trash_last_deleted_first() {
    let mut library = Library::default();
    let a = library.create("甲", 100);
    let b = library.create("乙", 200);
    let c = library.create("丙", 300);
    let d = library.create("丁", 300);
    library.set_text(&a, "甲（改）", 400).unwrap();
    let order = |library: &Library| {
        library
            .list()
            .iter()
            .map(|d| d.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        order(&library),
        [a.clone(), c.clone(), d.clone(), b.clone()],
        "ties by id: d300 before d300-2"
    );
    assert_eq!(
        d, "d300-2",
        "two drafts in one millisecond get distinct ids"
    );

    library.delete(&c, 500).unwrap();
    library.delete(&b, 600).unwrap();
    assert_eq!(order(&library), [a.clone(), d.clone()]);
    let trash: Vec<_> = library.trash().iter().map(|d| d.id.clone()).collect();
    assert_eq!(trash, [b.clone(), c.clone()]);

    library.restore(&c).unwrap();
    assert_eq!(
        library.get(&c).unwrap().updated_ms,
        300,
        "restoring is not an edit"
    );
    assert_eq!(order(&library), [a, c, d]);
}

#[test]
fn edits_rename_and_duplicate() {
    let mut library = Library::default();
    let id = library.create("关于开展检查的通知\n正文", 1_000);

    library
        .set_text(&id, "关于开展检查的通知\n正文", 2_000)
        .unwrap();
    assert_eq!(
        library.get(&id).unwrap().updated_ms,
        1_000,
        "the same text is not an edit"
    );

    for (title, expected, own) in [
        ("  检查通知 ", "检查通知", true),
        (&"名".repeat(50), &"名".repeat(TITLE_MAX_CHARS), true),
        (" \u{3000} ", "关于开展检查的通知", false),
    ] {
        library.rename(&id, title, 3_000).unwrap();
        let draft = library.get(&id).unwrap();
        assert_eq!(draft.title(), expected, "{title:?}");
        assert_eq!(draft.title.is_some(), own, "{title:?}");
    }

    library
        .set_cap_profile(&id, Some("js-2019-policy"), 4_000)
        .unwrap();
    library
        .set_check_choices(
            &id,
            json!(["phrase:套话:12"]),
            json!(["long-sentence"]),
            5_000,
        )
        .unwrap();
    let copy = library.duplicate(&id, 6_000).unwrap();
    let (original, copied) = (library.get(&id).unwrap(), library.get(&copy).unwrap());
    assert_ne!(copy, id);
    assert_eq!(copied.title(), "关于开展检查的通知（副本）");
    assert_eq!(copied.text, original.text);
    assert_eq!(copied.cap_profile.as_deref(), Some("js-2019-policy"));
    assert_eq!(copied.ignored_findings, json!(["phrase:套话:12"]));
    assert_eq!(copied.disabled_format_rules, json!(["long-sentence"]));
    assert_eq!((copied.created_ms, copied.updated_ms), (6_000, 6_000));
    assert_eq!(original.updated_ms, 5_000);
}

#[test]
fn operations_on_the_wrong_draft_change_nothing() {
    type Op = fn(&mut Library, &str) -> Result<(), LibraryError>;
    let ops: [(&str, Op); 8] = [
        ("set_text", |l, id| l.set_text(id, "新", 9)),
        ("rename", |l, id| l.rename(id, "新", 9)),
        ("set_cap_profile", |l, id| l.set_cap_profile(id, None, 9)),
        ("set_check_choices", |l, id| {
            l.set_check_choices(id, json!([]), json!([]), 9)
        }),
        ("duplicate", |l, id| l.duplicate(id, 9).map(drop)),
        ("delete", |l, id| l.delete(id, 9)),
        ("restore", |l, id| l.restore(id)),
        ("purge", |l, id| l.purge(id).map(drop)),
    ];
    for (name, op) in ops {
        let mut library = Library::default();
        let live = library.create("在列表中", 1);
        let trashed = library.create("在回收站中", 2);
        library.delete(&trashed, 3).unwrap();
        let before = library.clone();

        let missing = op(&mut library, "no-such-draft");
        assert_eq!(
            missing,
            Err(LibraryError::NotFound {
                id: "no-such-draft".into()
            }),
            "{name}"
        );
        let (wrong, expected) = match name {
            "restore" | "purge" => (&live, LibraryError::NotInTrash { id: live.clone() }),
            _ => (
                &trashed,
                LibraryError::InTrash {
                    id: trashed.clone(),
                },
            ),
        };
        assert_eq!(op(&mut library, wrong), Err(expected), "{name}");
        assert_eq!(library, before, "{name} changed the library on error");
    }
}

#[test]
fn trash_is_purged_after_exactly_30_days() {
    assert_eq!(TRASH_RETENTION_MS, 30 * DAY);
    let deleted_at = 1_700_000_000_000;
    let cases = [
        ("just deleted", deleted_at, false),
        ("29 days later", deleted_at + 29 * DAY, false),
        (
            "one millisecond short of 30 days",
            deleted_at + 30 * DAY - 1,
            false,
        ),
        ("30 days to the millisecond", deleted_at + 30 * DAY, true),
        ("a year later", deleted_at + 365 * DAY, true),
        ("the clock went back", deleted_at - DAY, false),
    ];
    for (name, now, purged) in cases {
        let mut library = Library::default();
        let kept = library.create("保留", 0);
        let id = library.create("删除", 0);
        library.delete(&id, deleted_at).unwrap();
        let removed = library.purge_expired(now);
        assert_eq!(removed.contains(&id), purged, "{name}");
        assert_eq!(library.get(&id).is_none(), purged, "{name}");
        assert!(
            library.get(&kept).is_some(),
            "{name}: drafts in the list are never purged"
        );
    }
}

#[test]
fn purge_removes_one_draft_for_good() {
    let mut library = Library::default();
    let id = library.create("草稿", 0);
    library.delete(&id, 1).unwrap();
    assert_eq!(library.purge(&id).unwrap().text, "草稿");
    assert_eq!(library.drafts().len(), 0);
}

#[test]
fn from_drafts_keeps_ids_unique() {
    let drafts = vec![
        Draft::new("a", "一", 1),
        Draft::new("b", "二", 2),
        Draft::new("a", "三", 3),
    ];
    let (library, rejected) = Library::from_drafts(drafts);
    assert_eq!(library.drafts().len(), 2);
    assert_eq!(library.get("a").unwrap().text, "一");
    assert_eq!(rejected, [Draft::new("a", "三", 3)]);
}
