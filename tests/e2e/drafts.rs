//! The library of drafts and getting documents in and out: drafts that survive a reload, the
//! 回收站, snapshots, imports as new drafts, refusal of what cannot be read, the downloads of the
//! 导出 menu, damaged or full storage, and two tabs on one draft.

use super::App;
use crate::webdriver::wait_for;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;

fn fixture(path: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    assert!(path.is_file(), "{} is missing", path.display());
    path
}

impl App {
    /// Picks `file` in the file input `test_id`, as a user choosing it in the file dialog does.
    fn pick_file(&self, test_id: &str, file: &Path) {
        let input = self.session.find(&format!("[data-testid={test_id}]"));
        self.session
            .send_keys(&input, file.to_str().expect("fixture paths are UTF-8"));
    }

    /// Waits until the message bar says `what`, and returns all it says.
    fn wait_for_message(&self, what: &str) -> String {
        let script =
            "return document.querySelector('[data-testid=storage-error]')?.textContent ?? ''";
        let message =
            self.session
                .wait_until(&format!("the message bar to say {what}"), script, |v| {
                    v.as_str().is_some_and(|s| s.contains(what))
                });
        message.as_str().unwrap_or_default().to_owned()
    }

    fn message(&self) -> Option<String> {
        let script =
            "return document.querySelector('[data-testid=storage-error]')?.textContent ?? null";
        self.session
            .execute(script, json!([]))
            .as_str()
            .map(str::to_owned)
    }

    /// Lets downloads land in a fresh directory, which is returned.
    fn download_dir(&self, name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "jianwen-e2e-downloads-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        self.session.cdp(
            "Browser.setDownloadBehavior",
            json!({"behavior": "allow", "downloadPath": dir.to_str().unwrap()}),
        );
        dir
    }

    /// Clicks an item of the 导出 menu.
    fn export(&self, test_id: &str) {
        let menu_open = self.session.execute(
            "return document.querySelector('[data-testid=export-menu]').open",
            json!([]),
        );
        if menu_open != json!(true) {
            self.session
                .click(&self.session.find("[data-testid=export-menu] summary"));
        }
        self.session
            .click(&self.session.find(&format!("[data-testid={test_id}]")));
    }

    /// Opens the drafts drawer unless it is open.
    fn open_drafts(&self) {
        let open = self.session.execute(
            "return !!document.querySelector('[data-testid=draft-list]')",
            json!([]),
        );
        if open != json!(true) {
            self.session
                .click(&self.session.find("[data-testid=open-drafts]"));
        }
        self.session.find("[data-testid=draft-list]");
    }

    /// The titles of the drafts list, in its order, once there are `n`.
    fn draft_titles(&self, n: usize) -> Vec<String> {
        self.open_drafts();
        let script = "return [...document.querySelectorAll('[data-testid=draft-item] [data-testid=draft-title]')].map(e => e.textContent)";
        let titles = self
            .session
            .wait_until(&format!("{n} drafts in the list"), script, |v| {
                v.as_array().is_some_and(|a| a.len() == n)
            });
        serde_json::from_value(titles).unwrap()
    }

    /// How many elements `selector` matches, once it is `n`.
    fn expect_count(&self, selector: &str, n: usize) {
        let script = format!("return document.querySelectorAll('{selector}').length");
        self.session
            .wait_until(&format!("{n} of {selector}"), &script, |v| {
                v.as_u64() == Some(n as u64)
            });
    }

    /// Clicks the first element `selector` matches.
    fn click_on(&self, selector: &str) {
        self.session.click(&self.session.find(selector));
    }

    /// Clicks `button` (a `data-testid`) of the draft titled `title` in the list.
    fn draft_action(&self, title: &str, button: &str) {
        self.open_drafts();
        let script = "const item = [...document.querySelectorAll('[data-testid=draft-item]')]
                .find(i => i.querySelector('[data-testid=draft-title]').textContent === arguments[0]);
            if (!item) return false;
            // Clicked after the script returns: a click may open a prompt, which blocks it.
            const button = item.querySelector(`[data-testid=${arguments[1]}]`);
            setTimeout(() => button.click());
            return true;";
        let clicked = self.session.execute(script, json!([title, button]));
        assert_eq!(clicked, json!(true), "no draft titled {title} in the list");
        if button == "draft-open" {
            // Opening a draft closes the drawer.
            self.expect_count("[data-testid=draft-list]", 0);
        }
    }

    fn local_storage(&self, key: &str) -> Value {
        self.session
            .execute("return localStorage.getItem(arguments[0])", json!([key]))
    }

    fn no_panic(&self) {
        let panic = self.session.execute(
            "return document.querySelector('[data-testid=panic-screen]')",
            json!([]),
        );
        assert_eq!(panic, Value::Null, "the app must not fail");
    }
}

/// The finished download in `dir` whose name ends with `extension`, and its bytes.
fn downloaded_bytes(dir: &Path, extension: &str) -> (PathBuf, Vec<u8>) {
    wait_for(
        &format!("a {extension} download in {}", dir.display()),
        Duration::from_secs(15),
        || {
            let file = std::fs::read_dir(dir)
                .ok()?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .find(|p| p.to_string_lossy().ends_with(extension))?;
            let bytes = std::fs::read(&file).ok()?;
            Some((file, bytes))
        },
    )
}

/// The finished download in `dir` whose name ends with `extension`, and its content.
fn downloaded(dir: &Path, extension: &str) -> (PathBuf, String) {
    wait_for(
        &format!("a {extension} download in {}", dir.display()),
        Duration::from_secs(15),
        || {
            let entries: Vec<PathBuf> = std::fs::read_dir(dir)
                .ok()?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            let file = entries
                .into_iter()
                .find(|p| p.to_string_lossy().ends_with(extension))?;
            let content = std::fs::read_to_string(&file).ok()?;
            Some((file, content))
        },
    )
}

#[test]
fn importing_a_docx_and_a_gbk_txt_opens_each_as_a_new_draft() {
    let app = App::open(1366, 768);
    let typed = "关于开展调研的通知\n各处室：\n";
    app.paste(typed);
    app.wait_for_value(typed);

    let docx = fixture("io/tests/fixtures/notice.docx");
    let expected_docx = jianwen_io::docx_to_text(&std::fs::read(&docx).unwrap())
        .expect("the fixture imports natively");
    assert!(
        expected_docx.contains('\n') && expected_docx.chars().count() > 50,
        "a real document: {expected_docx}"
    );
    app.pick_file("import-input", &docx);
    app.wait_for_value(&expected_docx);

    app.pick_file("import-input", &fixture("tests/fixtures/notice-gbk.txt"));
    let gbk = "关于做好冬季安全生产工作的通知\n各区县、各部门：\n　　为切实做好冬季安全生产工作，现将有关事项通知如下。\n一、压实责任\n二、排查隐患\n";
    app.wait_for_value(gbk);
    app.expect_stat("stat-paragraphs", 5);
    assert_eq!(app.message(), None, "a good import shows no message");

    // Three drafts: the typed one is untouched, and each import is its own draft.
    let titles = app.draft_titles(3);
    assert_eq!(titles[0], "关于做好冬季安全生产工作的通知", "{titles:?}");
    assert!(
        titles.contains(&"关于开展调研的通知".to_owned()),
        "{titles:?}"
    );
    assert!(
        titles.contains(&jianwen_io::title_from_text(&expected_docx)),
        "{titles:?}"
    );
    app.draft_action("关于开展调研的通知", "draft-open");
    app.wait_for_value(typed);
    app.session.refresh();
    app.wait_for_value(typed);
    app.draft_titles(3);
}

#[test]
fn a_file_dropped_on_the_editor_is_imported_as_a_new_draft() {
    let app = App::open(1366, 768);
    let typed = "关于开展调研的通知\n";
    app.paste(typed);
    app.wait_for_value(typed);
    // WebDriver cannot drag from the desktop: build the drop a file manager would send.
    let dropped = "关于拖入文件的通知\r\n各单位：\r\n";
    let script = "const data = new DataTransfer();
        data.items.add(new File([arguments[0]], '通知.txt', {type: 'text/plain'}));
        const editor = document.querySelector('[data-testid=editor]');
        for (const type of ['dragenter', 'dragover', 'drop']) {
            editor.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true}));
        }";
    app.session.execute(script, json!([dropped]));
    app.wait_for_value("关于拖入文件的通知\n各单位：\n");
    assert_eq!(
        app.draft_titles(2),
        ["关于拖入文件的通知", "关于开展调研的通知"]
    );
    app.draft_action("关于开展调研的通知", "draft-open");
    app.wait_for_value(typed);
}

#[test]
fn an_unsupported_file_shows_a_message_and_changes_nothing() {
    let app = App::open(1366, 768);
    let typed = "关于开展调研的通知\n各处室：\n";
    app.paste(typed);
    app.wait_for_value(typed);
    app.pick_file("import-input", &fixture("io/tests/fixtures/notice.doc"));
    app.wait_for_message("旧版 Word 文档");
    assert_eq!(app.editor_value(), typed, "the text is unchanged");

    app.pick_file("import-input", &fixture("io/tests/fixtures/truncated.docx"));
    app.wait_for_message("已损坏");
    assert_eq!(app.editor_value(), typed, "the text is unchanged");
}

#[test]
fn export_docx_writes_the_gbt9704_document_with_the_fonts_chosen_in_settings() {
    let app = App::open(1366, 768);
    let text = "关于做好防汛工作的通知\n各区人民政府：\n一、压实责任\n（一）落实责任制。各区要在6月1日前完成排查。\n\n某市人民政府\n2026年5月10日";
    app.paste(text);
    app.wait_for_value(text);
    app.session
        .click(&app.session.find("[data-testid=open-settings]"));
    app.session.find("[data-testid=docx-fonts]");
    app.session.execute(
        "const s = document.querySelector('[data-testid=docx-fonts]'); s.value = 'windows'; s.dispatchEvent(new Event('change', {bubbles: true}));",
        json!([]),
    );
    app.session
        .click(&app.session.find("[data-testid=settings-done]"));

    let dir = app.download_dir("docx");
    app.export("export-docx");
    let (file, bytes) = downloaded_bytes(&dir, ".docx");
    assert_eq!(file.file_name().unwrap(), "关于做好防汛工作的通知.docx");
    assert_eq!(
        jianwen_io::docx_to_text(&bytes).unwrap(),
        text,
        "the file reads back as the draft"
    );
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").unwrap(),
        &mut document,
    )
    .unwrap();
    for want in [
        r#"w:eastAsia="宋体""#,
        r#"w:eastAsia="仿宋""#,
        r#"w:eastAsia="黑体""#,
        r#"w:eastAsia="楷体""#,
        "关于做好防汛工作的通知",
        "某市人民政府",
        r#"<w:pgSz w:w="11906" w:h="16838"/>"#,
    ] {
        assert!(document.contains(want), "{want} not in the document");
    }
    assert!(!document.contains("GB2312"), "the Windows fonts, as chosen");
    app.no_panic();
}

/// Sets an input of the 公文要素 panel as typed and committed (a `change` event).
fn set_element(app: &App, test_id: &str, value: &str) {
    app.session.execute(
        "const i = document.querySelector(`[data-testid=${arguments[0]}]`); i.value = arguments[1]; i.dispatchEvent(new Event('change', {bubbles: true}));",
        json!([test_id, value]),
    );
}

#[test]
fn the_elements_panel_fills_the_header_and_record_of_the_exported_docx_and_keeps_them() {
    let app = App::open(1366, 768);
    let text = "关于申请防汛资金的请示\n市人民政府：\n今年汛期提前，现申请专项资金300万元。\n妥否，请批示。\n\n某区人民政府\n2026年5月10日";
    app.paste(text);
    app.wait_for_value(text);
    app.session
        .click(&app.session.find("[data-testid=elements-panel] summary"));
    // What the text holds, as recognised.
    let recognised = app.session.wait_until(
        "the elements recognised in the text",
        "return [...document.querySelectorAll('[data-testid=element-recognised]')].map(e => e.dataset.label + '=' + e.textContent)",
        |v| v.as_array().is_some_and(|a| a.len() >= 4),
    );
    for want in [
        "标题=关于申请防汛资金的请示",
        "主送机关=市人民政府：",
        "发文机关署名=某区人民政府",
        "成文日期=2026年5月10日",
    ] {
        assert!(
            recognised.as_array().unwrap().contains(&json!(want)),
            "{want} in {recognised}"
        );
    }
    // A 发文字号 GB/T 9704 does not allow is refused with the reason, and keeps what was typed.
    set_element(&app, "element-doc-number", "某政发[2026]3号");
    app.session.wait_until(
        "the refusal of a bad 发文字号",
        "return document.querySelector('[data-testid=element-error]')?.textContent ?? null",
        |v| v.as_str().is_some_and(|s| s.contains("六角括号")),
    );
    for (id, value) in [
        ("element-doc-number", "某区政〔2026〕3号"),
        ("element-issuer-mark", "某区人民政府文件"),
        ("element-signer", "张三"),
        ("element-copy-to", "区委办公室"),
        ("element-printed-by", "某区人民政府办公室"),
        ("element-printed-date", "2026年5月11日"),
    ] {
        set_element(&app, id, value);
    }
    app.session.execute(
        "const s = document.querySelector('[data-testid=header-mode]'); s.value = 'full'; s.dispatchEvent(new Event('change', {bubbles: true}));",
        json!([]),
    );
    app.expect_count("[data-testid=element-error]", 0);

    // Kept with the draft across a reload.
    app.session.refresh();
    app.wait_for_value(text);
    app.session
        .click(&app.session.find("[data-testid=elements-panel] summary"));
    let kept = app.session.execute(
        "return document.querySelector('[data-testid=element-doc-number]').value",
        json!([]),
    );
    assert_eq!(kept, json!("某区政〔2026〕3号"));

    let dir = app.download_dir("elements");
    app.export("export-docx");
    let (_, bytes) = downloaded_bytes(&dir, ".docx");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").unwrap(),
        &mut document,
    )
    .unwrap();
    for want in [
        "某区人民政府文件",
        "某区政〔2026〕3号",
        "签发人：",
        "张三",
        "抄送：区委办公室。",
        "某区人民政府办公室",
        "2026年5月11日印发",
        r#"<w:color w:val="FF0000"/>"#,
    ] {
        assert!(document.contains(want), "{want} not in the document");
    }

    // The print preview shows the same 版头 and 版记, on as many pages as 页数 says.
    let pages = app.session.execute(
        "return Number(document.querySelector('[data-testid=stat-pages]').dataset.value)",
        json!([]),
    );
    app.click_on("[data-testid=toggle-preview]");
    let shown = app.session.wait_until(
        "the preview's 版头",
        "return document.querySelector('[data-testid=print-issuer-mark]')?.textContent ?? null",
        |v| v.is_string(),
    );
    assert_eq!(shown, json!("某区人民政府文件"));
    let preview = app.session.execute(
        "return [document.querySelectorAll('[data-testid=print-page]').length, \
                document.querySelector('[data-testid=print-doc-number]').textContent, \
                [...document.querySelectorAll('[data-testid=print-record]')].map(r => r.textContent)]",
        json!([]),
    );
    assert_eq!(preview[0], pages, "the preview's pages are the figure's");
    assert!(preview[1].as_str().unwrap().contains("某区政〔2026〕3号"));
    assert!(preview[1].as_str().unwrap().contains("签发人：张三"));
    assert_eq!(
        preview[2],
        json!(["抄送：区委办公室。", "某区人民政府办公室2026年5月11日印发"])
    );
    app.no_panic();
}

#[test]
fn export_downloads_the_text_and_a_report_with_user_text_escaped() {
    let app = App::open(1366, 768);
    let text = "关于<img src=x onerror=alert(1)>的通知\n各单位：\n在市委的坚强领导下，坚决贯彻落实，切实抓紧抓好。\n";
    app.paste(text);
    app.wait_for_value(text);
    app.expect_stat("stat-paragraphs", 3);

    let dir = app.download_dir("export");
    app.export("export-txt");
    let (file, content) = downloaded(&dir, ".txt");
    assert_eq!(content, text, "the download is the draft, byte for byte");
    assert_eq!(
        file.file_name().unwrap(),
        "关于_img src=x onerror=alert(1)_的通知.txt",
        "the title, made safe as a file name"
    );

    app.export("export-report");
    let (_, report) = downloaded(&dir, ".html");
    assert!(
        report.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{report}"
    );
    assert!(
        !report.contains("<img") && !report.contains("<script"),
        "user text must stay text: {report}"
    );
    assert!(
        report.contains("坚强领导") && report.contains("<h2>统计</h2>"),
        "{report}"
    );

    app.export("export-backup");
    let (backup_file, backup) = downloaded(&dir, ".json");
    let backup = jianwen_io::Backup::from_json(&backup, 0).expect("the backup reads back");
    assert_eq!(backup.drafts.len(), 1);
    assert_eq!(backup.drafts[0].text, text);
    assert!(
        backup.settings.is_object(),
        "the settings travel with the draft: {:?}",
        backup.settings
    );

    // The backup merged back after the draft changed: the changed draft stays as it is and the
    // backup's version comes in as a copy; the settings are the same, so nothing is asked.
    let other = "另一份草稿\n";
    app.replace_all_by_paste(other);
    app.pick_file("backup-input", &backup_file);
    app.wait_for_message("另存为副本");
    assert_eq!(
        app.editor_value(),
        other,
        "the open draft is not overwritten"
    );
    let titles = app.draft_titles(2);
    assert!(
        titles.contains(&"关于<img src=x onerror=alert(1)>的通知（导入）".to_owned()),
        "{titles:?}"
    );
}

#[test]
fn a_file_that_is_not_a_backup_is_refused_with_a_message() {
    let app = App::open(1366, 768);
    let typed = "关于开展调研的通知\n";
    app.paste(typed);
    app.wait_for_value(typed);
    app.pick_file("backup-input", &fixture("tests/fixtures/notice-gbk.txt"));
    app.wait_for_message("不是简文的备份文件");
    assert_eq!(app.editor_value(), typed, "the text is unchanged");
}

#[test]
fn two_drafts_survive_a_reload_and_can_be_renamed_and_duplicated() {
    let app = App::open(1366, 768);
    let first = "关于开展安全检查的通知\n各单位：\n";
    app.paste(first);
    app.wait_for_value(first);
    app.open_drafts();
    app.click_on("[data-testid=draft-new]");
    app.wait_for_value("");
    let second = "会议纪要\n一、会议议定事项\n";
    app.paste(second);
    app.wait_for_value(second);

    app.session.refresh();
    app.wait_for_value(second);
    assert_eq!(app.draft_titles(2), ["会议纪要", "关于开展安全检查的通知"]);
    let meta = app.session.execute(
        "return document.querySelector('[data-testid=draft-item] .draft-meta').textContent",
        json!([]),
    );
    assert!(
        meta.as_str().is_some_and(|m| m.ends_with("· 12 字")),
        "last edited time and 字数: {meta}"
    );
    app.draft_action("关于开展安全检查的通知", "draft-open");
    app.wait_for_value(first);

    app.draft_action("会议纪要", "draft-rename");
    let question = app.session.answer_prompt("三月工作会议纪要");
    assert!(question.contains("草稿标题"), "{question}");
    app.draft_action("关于开展安全检查的通知", "draft-duplicate");
    let titles = app.draft_titles(3);
    assert!(
        titles.contains(&"三月工作会议纪要".to_owned())
            && titles.contains(&"关于开展安全检查的通知（副本）".to_owned()),
        "{titles:?}"
    );
    app.session.refresh();
    app.wait_for_value(first);
    let mut after = app.draft_titles(3);
    let mut before = titles;
    after.sort();
    before.sort();
    assert_eq!(after, before, "the same drafts after a reload");
}

#[test]
fn a_deleted_draft_is_restored_from_the_trash_and_purged_after_30_days() {
    let app = App::open(1366, 768);
    app.paste("关于开展安全检查的通知\n");
    app.wait_for_value("关于开展安全检查的通知\n");
    app.open_drafts();
    app.click_on("[data-testid=draft-new]");
    app.paste("会议纪要\n");
    app.wait_for_value("会议纪要\n");

    // Deleting the open draft opens the next one.
    app.draft_action("会议纪要", "draft-delete");
    app.wait_for_value("关于开展安全检查的通知\n");
    assert_eq!(app.draft_titles(1), ["关于开展安全检查的通知"]);
    app.expect_count("[data-testid=trash-item]", 1);
    let left = app.session.execute(
        "return document.querySelector('[data-testid=trash-item]').textContent",
        json!([]),
    );
    assert!(
        left.as_str()
            .is_some_and(|t| t.contains("会议纪要") && t.contains("30 天后清除")),
        "{left}"
    );
    app.click_on("[data-testid=draft-restore]");
    app.expect_count("[data-testid=trash-item]", 0);
    app.session.refresh();
    app.wait_for_value("关于开展安全检查的通知\n");
    assert_eq!(app.draft_titles(2).len(), 2);

    // Deleted 31 days ago: gone from the 回收站 and from storage at the next start.
    app.draft_action("会议纪要", "draft-delete");
    app.expect_count("[data-testid=trash-item]", 1);
    let id = app.session.execute(
        "return document.querySelector('[data-testid=trash-item]').dataset.id",
        json!([]),
    );
    let id = id.as_str().unwrap().to_owned();
    let script = "const index = JSON.parse(localStorage.getItem('jianwen.v2.index'));
        index.drafts.find(d => d.id === arguments[0]).deleted_ms = Date.now() - 31 * 24 * 3600 * 1000;
        localStorage.setItem('jianwen.v2.index', JSON.stringify(index));";
    app.session.execute(script, json!([id]));
    app.session.refresh();
    app.wait_for_value("关于开展安全检查的通知\n");
    app.draft_titles(1);
    app.expect_count("[data-testid=trash-item]", 0);
    assert_eq!(
        app.local_storage(&format!("jianwen.v2.draft.{id}")),
        Value::Null,
        "the purged text is removed"
    );
}

#[test]
fn a_snapshot_is_viewed_and_restored_and_ctrl_z_undoes_the_restore() {
    let app = App::open(1366, 768);
    let first = "关于开展安全检查的通知\n第一稿\n";
    app.paste(first);
    app.wait_for_value(first);
    app.open_drafts();
    app.click_on("[data-testid=snapshot-save]");
    app.expect_count("[data-testid=snapshot-item]", 1);
    let item = app.session.execute(
        "return document.querySelector('[data-testid=snapshot-item]').textContent",
        json!([]),
    );
    assert!(
        item.as_str()
            .is_some_and(|t| t.contains("· 14 字 · 手动保存")),
        "time, 字数 and reason: {item}"
    );

    let second = "关于开展安全检查的通知\n第二稿，改动较大\n";
    app.replace_all_by_paste(second);
    app.open_drafts();
    app.click_on("[data-testid=snapshot-view]");
    let shown = app.session.wait_until(
        "the snapshot's text",
        "return document.querySelector('[data-testid=snapshot-text]')?.value ?? null",
        |v| v.is_string(),
    );
    assert_eq!(shown, json!(first));
    app.screenshot("drafts-drawer-1366x768.png");
    app.click_on("[data-testid=snapshot-restore]");
    app.wait_for_value(first);
    // The text replaced by the restore was kept as a snapshot too.
    app.expect_count("[data-testid=snapshot-item]", 2);

    app.session.execute(
        "document.querySelector('[data-testid=editor]').focus()",
        json!([]),
    );
    app.session.chord(&["\u{E009}", "z"]);
    app.wait_for_value(second);
    app.session.refresh();
    app.wait_for_value(second);
    app.open_drafts();
    app.expect_count("[data-testid=snapshot-item]", 2);
}

#[test]
fn damaged_stored_data_opens_with_a_message_and_loses_nothing_else() {
    let app = App::open(1366, 768);
    app.paste("关于开展安全检查的通知\n");
    app.wait_for_value("关于开展安全检查的通知\n");
    app.open_drafts();
    app.click_on("[data-testid=snapshot-save]");
    app.click_on("[data-testid=draft-new]");
    app.paste("会议纪要\n");
    app.wait_for_value("会议纪要\n");
    let script = "localStorage.setItem('jianwen.v2.index', '{\"format_version\":2,\"drafts\":[{\"id\":');
        for (const key of Object.keys(localStorage).filter(k => k.startsWith('jianwen.v2.history.'))) localStorage.setItem(key, '[not json');
        localStorage.setItem('jianwen.v1.preferences', '{');";
    app.session.execute(script, json!([]));
    app.session.refresh();
    app.session.find("[data-testid=editor]");
    let message = app.session.wait_until(
        "the message bar",
        "return document.querySelector('[data-testid=storage-error]')?.textContent ?? null",
        |v| v.is_string(),
    );
    let message = message.as_str().unwrap();
    assert!(
        message.contains("草稿目录已损坏") && message.contains("恢复 2 份草稿"),
        "{message}"
    );
    app.no_panic();
    let mut titles = app.draft_titles(2);
    titles.sort();
    assert_eq!(titles, ["会议纪要", "关于开展安全检查的通知"]);
    app.draft_action("关于开展安全检查的通知", "draft-open");
    app.wait_for_value("关于开展安全检查的通知\n");
    app.wait_for_message("历史版本记录已损坏");
    app.no_panic();
}

#[test]
fn a_full_storage_shows_a_message_offers_a_backup_and_loses_nothing_saved() {
    let app = App::open(1366, 768);
    let saved = "关于开展安全检查的通知\n各单位：\n";
    app.paste(saved);
    app.wait_for_value(saved);
    let quota = "window.realSetItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };";
    app.session.execute(quota, json!([]));
    let editor = app.session.find("[data-testid=editor]");
    app.session.send_keys(&editor, "请于本周内报送。");
    app.wait_for_message("存储空间已满");
    app.no_panic();

    // The text typed meanwhile is in the backup offered with the message.
    let dir = app.download_dir("quota");
    app.click_on("[data-testid=storage-error-backup]");
    let (_, backup) = downloaded(&dir, ".json");
    let backup = jianwen_io::Backup::from_json(&backup, 0).expect("the backup reads back");
    assert_eq!(backup.drafts[0].text, format!("{saved}请于本周内报送。"));

    app.session
        .execute("Storage.prototype.setItem = window.realSetItem;", json!([]));
    app.session.refresh();
    app.wait_for_value(saved);
    app.draft_titles(1);
}

#[test]
fn a_second_tab_on_the_same_draft_is_warned_and_nothing_is_overwritten() {
    let app = App::open(1366, 768);
    let first = "关于开展安全检查的通知\n";
    app.paste(first);
    app.wait_for_value(first);
    let tab_one = app.session.cmd("GET", "/window", None);
    let tab_two = app
        .session
        .cmd("POST", "/window/new", Some(json!({"type": "tab"})))["handle"]
        .clone();
    app.session
        .cmd("POST", "/window", Some(json!({"handle": tab_two})));
    app.session.goto(&format!("{}/", app.origin));
    app.wait_for_value(first);
    // Both tabs are told as soon as the second opens the draft.
    app.session.find("[data-testid=draft-open-elsewhere]");
    app.session
        .cmd("POST", "/window", Some(json!({"handle": tab_one})));
    app.session.find("[data-testid=draft-open-elsewhere]");
    app.session
        .cmd("POST", "/window", Some(json!({"handle": tab_two})));
    let editor = app.session.find("[data-testid=editor]");
    app.session.click(&editor);
    app.session.send_keys(&editor, "第二个窗口");
    let other = format!("{first}第二个窗口");
    app.wait_for_value(&other);

    app.session
        .cmd("POST", "/window", Some(json!({"handle": tab_one})));
    app.session.find("[data-testid=draft-conflict]");
    // Typing on in the first tab does not overwrite what the second saved.
    let editor = app.session.find("[data-testid=editor]");
    app.session.send_keys(&editor, "第一个窗口");
    app.wait_for_value(&format!("{first}第一个窗口"));
    let key = app.session.execute(
        "return Object.keys(localStorage).find(k => k.startsWith('jianwen.v2.draft.'))",
        json!([]),
    );
    assert_eq!(app.local_storage(key.as_str().unwrap()), json!(other));
    app.click_on("[data-testid=conflict-load]");
    app.wait_for_value(&other);
    app.expect_count("[data-testid=draft-conflict]", 0);
}

#[test]
fn the_version_1_draft_is_migrated_and_each_draft_keeps_its_own_cap() {
    let app = App::open(1366, 768);
    let old = "关于𠮷祥物的通知\n\n各单位：\t请于2026年12月1日前报送😀。\n";
    let script = "localStorage.clear(); localStorage.setItem('jianwen.v1.draft', JSON.stringify(arguments[0]));";
    app.session.execute(script, json!([old]));
    app.session.refresh();
    app.wait_for_value(old);
    assert_eq!(
        app.local_storage("jianwen.v1.draft"),
        Value::Null,
        "the version 1 key is gone once migrated"
    );
    assert_eq!(app.local_storage("jianwen.v2.draft.legacy"), json!(old));

    let cap = "return document.querySelector('[data-testid=cap-profile]').value";
    app.choose_cap("js-2019-policy");
    app.session
        .wait_until("the policy cap", cap, |v| *v == json!("js-2019-policy"));
    app.open_drafts();
    app.click_on("[data-testid=draft-new]");
    app.wait_for_value("");
    app.session
        .wait_until("no cap on the new draft", cap, |v| *v == json!(""));
    app.session.refresh();
    app.session
        .wait_until("still no cap on the new draft", cap, |v| *v == json!(""));
    app.draft_action("关于𠮷祥物的通知", "draft-open");
    app.wait_for_value(old);
    app.session.wait_until("the first draft's cap", cap, |v| {
        *v == json!("js-2019-policy")
    });
}

/// A browser that refuses storage altogether (private mode, or storage switched off by policy,
/// where touching `localStorage` throws): the app opens, takes typing, says in Chinese that
/// nothing can be saved, and offers the backup, which holds what was typed.
#[test]
fn without_any_storage_the_app_opens_says_so_and_offers_a_backup() {
    let app = App::open(1366, 768);
    app.session.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); } });" }),
    );
    app.session.refresh();
    let editor = app.session.find("[data-testid=editor]");
    assert_eq!(
        app.session.execute(
            "try { localStorage; return 'reachable'; } catch (e) { return e.name; }",
            json!([])
        ),
        json!("SecurityError")
    );
    app.no_panic();
    let typed = "关于开展安全检查的通知";
    app.session.send_keys(&editor, typed);
    app.wait_for_value(typed);
    app.wait_for_message("被浏览器禁止");
    app.no_panic();
    let dir = app.download_dir("no-storage");
    app.click_on("[data-testid=storage-error-backup]");
    let (_, backup) = downloaded(&dir, ".json");
    let backup = jianwen_io::Backup::from_json(&backup, 0).expect("the backup reads back");
    assert_eq!(backup.drafts[0].text, typed);
}
