//! Getting documents in and out: import by file input, refusal of what cannot be read, undo of
//! an import, and the downloads of the 导出 menu.

use super::App;
use crate::webdriver::wait_for;
use serde_json::json;
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
        self.session.send_keys(&input, file.to_str().expect("fixture paths are UTF-8"));
    }

    fn message(&self) -> Option<String> {
        let script = "return document.querySelector('[data-testid=storage-error]')?.textContent ?? null";
        self.session.execute(script, json!([])).as_str().map(str::to_owned)
    }

    /// Lets downloads land in a fresh directory, which is returned.
    fn download_dir(&self, name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("jianwen-e2e-downloads-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        self.session.cdp("Browser.setDownloadBehavior", json!({"behavior": "allow", "downloadPath": dir.to_str().unwrap()}));
        dir
    }

    /// Clicks an item of the 导出 menu.
    fn export(&self, test_id: &str) {
        let menu_open = self.session.execute("return document.querySelector('[data-testid=export-menu]').open", json!([]));
        if menu_open != json!(true) {
            self.session.click(&self.session.find("[data-testid=export-menu] summary"));
        }
        self.session.click(&self.session.find(&format!("[data-testid={test_id}]")));
    }
}

/// The finished download in `dir` whose name ends with `extension`, and its content.
fn downloaded(dir: &Path, extension: &str) -> (PathBuf, String) {
    wait_for(&format!("a {extension} download in {}", dir.display()), Duration::from_secs(15), || {
        let entries: Vec<PathBuf> = std::fs::read_dir(dir).ok()?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        let file = entries.into_iter().find(|p| p.to_string_lossy().ends_with(extension))?;
        let content = std::fs::read_to_string(&file).ok()?;
        Some((file, content))
    })
}

#[test]
fn importing_a_docx_and_a_gbk_txt_replaces_the_text_and_ctrl_z_brings_it_back() {
    let app = App::open(1366, 768);
    let typed = "关于开展调研的通知\n各处室：\n";
    app.paste(typed);
    app.wait_for_value(typed);

    let docx = fixture("io/tests/fixtures/notice.docx");
    let expected_docx = jianwen_io::docx_to_text(&std::fs::read(&docx).unwrap()).expect("the fixture imports natively");
    assert!(expected_docx.contains('\n') && expected_docx.chars().count() > 50, "a real document: {expected_docx}");
    app.pick_file("import-input", &docx);
    app.wait_for_value(&expected_docx);

    app.pick_file("import-input", &fixture("tests/fixtures/notice-gbk.txt"));
    let gbk = "关于做好冬季安全生产工作的通知\n各区县、各部门：\n　　为切实做好冬季安全生产工作，现将有关事项通知如下。\n一、压实责任\n二、排查隐患\n";
    app.wait_for_value(gbk);
    app.expect_stat("stat-paragraphs", 5);
    assert_eq!(app.message(), None, "a good import shows no message");

    // Each import is one step on the editor's own undo stack.
    app.session.execute("document.querySelector('[data-testid=editor]').focus()", json!([]));
    app.session.chord(&["\u{E009}", "z"]);
    app.wait_for_value(&expected_docx);
    app.session.chord(&["\u{E009}", "z"]);
    app.wait_for_value(typed);
}

#[test]
fn a_file_dropped_on_the_editor_is_imported() {
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
    app.session.chord(&["\u{E009}", "z"]);
    app.wait_for_value(typed);
}

#[test]
fn an_unsupported_file_shows_a_message_and_changes_nothing() {
    let app = App::open(1366, 768);
    let typed = "关于开展调研的通知\n各处室：\n";
    app.paste(typed);
    app.wait_for_value(typed);
    app.pick_file("import-input", &fixture("io/tests/fixtures/notice.doc"));
    let message = app.session.wait_until("the message bar", "return document.querySelector('[data-testid=storage-error]')?.textContent ?? null", |v| v.is_string());
    assert!(message.as_str().unwrap().contains("旧版 Word 文档"), "{message}");
    assert_eq!(app.editor_value(), typed, "the text is unchanged");

    app.pick_file("import-input", &fixture("io/tests/fixtures/truncated.docx"));
    app.session.wait_until("the message to say the file is damaged", "return document.querySelector('[data-testid=storage-error]')?.textContent ?? ''", |v| {
        v.as_str().is_some_and(|s| s.contains("已损坏"))
    });
    assert_eq!(app.editor_value(), typed, "the text is unchanged");
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
    assert_eq!(file.file_name().unwrap(), "关于_img src=x onerror=alert(1)_的通知.txt", "the title, made safe as a file name");

    app.export("export-report");
    let (_, report) = downloaded(&dir, ".html");
    assert!(report.contains("&lt;img src=x onerror=alert(1)&gt;"), "{report}");
    assert!(!report.contains("<img") && !report.contains("<script"), "user text must stay text: {report}");
    assert!(report.contains("坚强领导") && report.contains("<h2>统计</h2>"), "{report}");

    app.export("export-backup");
    let (backup_file, backup) = downloaded(&dir, ".json");
    let backup = jianwen_io::Backup::from_json(&backup, 0).expect("the backup reads back");
    assert_eq!(backup.drafts.len(), 1);
    assert_eq!(backup.drafts[0].text, text);
    assert!(backup.settings.is_object(), "the settings travel with the draft: {:?}", backup.settings);

    // Restoring the backup over other text, after a confirm; the settings are the same, so
    // there is nothing more to ask.
    let other = "另一份草稿\n";
    app.replace_all_by_paste(other);
    app.pick_file("backup-input", &backup_file);
    let question = app.session.accept_dialog();
    assert!(question.contains("替换当前正文"), "{question}");
    app.wait_for_value(text);
    app.session.execute("document.querySelector('[data-testid=editor]').focus()", json!([]));
    app.session.chord(&["\u{E009}", "z"]);
    app.wait_for_value(other);
}

#[test]
fn a_file_that_is_not_a_backup_is_refused_with_a_message() {
    let app = App::open(1366, 768);
    let typed = "关于开展调研的通知\n";
    app.paste(typed);
    app.wait_for_value(typed);
    app.pick_file("backup-input", &fixture("tests/fixtures/notice-gbk.txt"));
    app.session.wait_until("the message bar", "return document.querySelector('[data-testid=storage-error]')?.textContent ?? ''", |v| {
        v.as_str().is_some_and(|s| s.contains("不是简文的备份文件"))
    });
    assert_eq!(app.editor_value(), typed, "the text is unchanged");
}
