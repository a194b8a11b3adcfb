//! End-to-end tests: the built `dist/` served on loopback, driven in a real headless Chromium.
//!
//! Run by `cargo xtask test`, which builds the site and installs the browser first
//! (`JIANWEN_DIST`, `CHROME`, `CHROMEDRIVER` say where they are).

mod webdriver;

use serde_json::{json, Value};
use std::net::SocketAddr;
use std::path::PathBuf;
use webdriver::{Driver, Session};

/// The app open in a fresh browser profile.
struct App {
    origin: String,
    session: Session,
    // Dropped after the session, so the browser quits before its driver.
    _driver: Driver,
}

impl App {
    fn open(width: u32, height: u32) -> App {
        let dist = std::env::var_os("JIANWEN_DIST")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"));
        assert!(dist.join("index.html").is_file(), "{} has no index.html: run `cargo xtask test`", dist.display());
        let addr = xtask::static_server::spawn(dist, SocketAddr::from(([127, 0, 0, 1], 0))).expect("serve dist/");
        let driver = Driver::start();
        let session = driver.session(width, height);
        let app = App { origin: format!("http://{addr}"), session, _driver: driver };
        // Forget what the browser did before the app was opened (its blank start page).
        app.session.performance_log();
        app.session.goto(&format!("{}/", app.origin));
        app.session.find("[data-testid=editor]");
        app
    }

    /// The raw figure of `stat-…` once it equals `want`; fails with the last value otherwise.
    fn expect_stat(&self, test_id: &str, want: u64) {
        let script = format!("return document.querySelector('[data-testid={test_id}]')?.dataset.value ?? null");
        let got = self.session.wait_until(&format!("{test_id} to show {want}"), &script, |v| v.as_str() == Some(&want.to_string()));
        assert_eq!(got, json!(want.to_string()));
    }

    fn stat(&self, test_id: &str) -> u64 {
        let script = format!("return document.querySelector('[data-testid={test_id}]').dataset.value");
        self.session.execute(&script, json!([])).as_str().and_then(|s| s.parse().ok()).expect("figure has a numeric data-value")
    }

    fn editor_value(&self) -> String {
        self.session.execute("return document.querySelector('[data-testid=editor]').value", json!([])).as_str().unwrap().to_owned()
    }

    /// Puts `text` on the clipboard and pastes it with Ctrl+V into the focused editor: the
    /// browser's own paste, with `inputType` `insertFromPaste`.
    fn paste(&self, text: &str) {
        // Focus without clicking: a click would drop the selection a paste should replace.
        self.session.find("[data-testid=editor]");
        self.session.execute("document.querySelector('[data-testid=editor]').focus()", json!([]));
        self.session.cdp(
            "Browser.grantPermissions",
            json!({"origin": self.origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]}),
        );
        let written = self.session.cmd(
            "POST",
            "/execute/async",
            Some(json!({"script": "const done = arguments[1]; navigator.clipboard.writeText(arguments[0]).then(() => done(true), e => done(String(e)));", "args": [text]})),
        );
        assert_eq!(written, json!(true), "clipboard write failed");
        self.session.chord(&["\u{E009}", "v"]);
    }

    /// Ctrl+A in the editor, then Ctrl+V: the whole draft replaced as a user would.
    fn replace_all_by_paste(&self, text: &str) {
        self.session.execute("document.querySelector('[data-testid=editor]').focus()", json!([]));
        self.session.chord(&["\u{E009}", "a"]);
        self.paste(text);
        self.wait_for_value(text);
    }

    fn screenshot(&self, name: &str) -> PathBuf {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, self.session.screenshot_png()).unwrap();
        path
    }

    /// URLs of every request the page made since the last call.
    fn requests(&self) -> Vec<String> {
        self.session
            .performance_log()
            .into_iter()
            .filter(|m| m["method"] == "Network.requestWillBeSent")
            .filter_map(|m| m["params"]["request"]["url"].as_str().map(str::to_owned))
            .collect()
    }
}

fn corpus(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("engine/tests/fixtures/corpus/{name}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn expected_counts(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("engine/tests/fixtures/corpus/expected.json");
    let json: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    json["documents"][name]["counts"].clone()
}

#[test]
fn pasting_seed1_shows_word_count_2610_and_every_figure() {
    let app = App::open(1366, 768);
    let text = corpus("seed1_bureau_rectification_plan");
    app.paste(&text);
    app.expect_stat("stat-zishu", 2610);
    let counts = expected_counts("seed1_bureau_rectification_plan");
    for (test_id, key) in [
        ("stat-zishu", "word_style"),
        ("stat-chars", "chars_no_whitespace"),
        ("stat-chars-spaces", "chars_with_spaces"),
        ("stat-hanzi", "cjk_ideographs"),
        ("stat-paragraphs", "paragraphs_nonempty"),
    ] {
        assert_eq!(app.stat(test_id), counts[key].as_u64().unwrap(), "{test_id} vs expected.json {key}");
    }
    assert_eq!(app.editor_value(), text, "the pasted text is intact");
}

#[test]
fn typing_key_by_key_and_through_an_ime_composition() {
    let app = App::open(1366, 768);
    let editor = app.session.find("[data-testid=editor]");
    app.session.click(&editor);
    for (i, key) in ["简", "文", "2", "0", "2", "6"].iter().enumerate() {
        app.session.send_keys(&editor, key);
        let want = [1, 2, 3, 3, 3, 3][i];
        app.expect_stat("stat-zishu", want);
    }
    assert_eq!(app.editor_value(), "简文2026");

    // A composition as a pinyin IME makes it: the preedit text is in the textarea, but the
    // figures wait until the composition ends.
    app.session.cdp("Input.imeSetComposition", json!({"text": "gong", "selectionStart": 4, "selectionEnd": 4}));
    app.session.cdp("Input.imeSetComposition", json!({"text": "gongwen", "selectionStart": 7, "selectionEnd": 7}));
    app.session.wait_until("the preedit text in the editor", "return document.querySelector('[data-testid=editor]').value", |v| {
        v == "简文2026gongwen"
    });
    assert_eq!(app.stat("stat-zishu"), 3, "analysis must wait while composing");
    app.session.cdp("Input.insertText", json!({"text": "公文"}));
    app.expect_stat("stat-zishu", 5);
    app.expect_stat("stat-hanzi", 4);
    assert_eq!(app.editor_value(), "简文2026公文", "composition committed once, nothing lost or doubled");

    // And a second composition right after, ended with the same commit path.
    app.session.cdp("Input.imeSetComposition", json!({"text": "zi", "selectionStart": 2, "selectionEnd": 2}));
    app.session.cdp("Input.insertText", json!({"text": "字"}));
    app.expect_stat("stat-zishu", 6);
    assert_eq!(app.editor_value(), "简文2026公文字");
}

#[test]
fn reload_restores_the_draft_exactly() {
    let app = App::open(1366, 768);
    let text = "关于𠮷祥物的通知\n\n各单位：\t请于2026年12月1日前报送😀👍🏽。\n  末行有空格  \n";
    app.paste(text);
    app.wait_for_value(text);
    app.session.refresh();
    app.session.find("[data-testid=editor]");
    app.wait_for_value(text);
    app.expect_stat("stat-paragraphs", 3);
}

#[test]
fn no_request_leaves_the_page_origin_and_none_is_made_while_typing() {
    let app = App::open(1366, 768);
    let loaded = app.requests();
    assert!(!loaded.is_empty(), "the performance log recorded the page load");
    for url in &loaded {
        assert!(url.starts_with(&app.origin) || url.starts_with("data:"), "request to another origin: {url}");
    }
    let editor = app.session.find("[data-testid=editor]");
    app.session.click(&editor);
    app.session.send_keys(&editor, "为进一步加强文风建设，现通知如下。");
    app.paste("\n一、压缩篇幅。\n二、严控数量。");
    app.expect_stat("stat-paragraphs", 3);
    assert_eq!(app.requests(), Vec::<String>::new(), "no request after load while typing and pasting");

    // The policy forbids connecting elsewhere: a fetch to another origin is refused by CSP.
    let outcome = app.session.cmd(
        "POST",
        "/execute/async",
        Some(json!({"script": r#"
            const done = arguments[0];
            let violated = null;
            document.addEventListener('securitypolicyviolation', e => { violated = e.violatedDirective; });
            fetch('http://127.0.0.2:9/leak').then(() => done('fetched'), () => setTimeout(() => done(violated), 50));
        "#, "args": []})),
    );
    assert_eq!(outcome, json!("connect-src"), "CSP must block connections to other origins");
}

#[test]
fn screen_is_clear_at_1366x768_and_1920x1080_and_stable_while_typing() {
    for (width, height) in [(1366, 768), (1920, 1080)] {
        let app = App::open(width, height);
        let title = app.session.execute("return document.title", json!([]));
        assert_eq!(title, json!("简文 · 公文起草助手"));
        let load = app.session.find("[data-testid=load-example]");
        app.session.click(&load);
        app.expect_stat("stat-zishu", 2610);
        let geometry = r#"
            const r = s => document.querySelector(s).getBoundingClientRect();
            const e = r('.editor'), p = r('.side-panel'), h = r('.app-header');
            const fontSize = parseFloat(getComputedStyle(document.querySelector('[data-testid=editor]')).fontSize);
            return { vw: innerWidth, vh: innerHeight, scrollW: document.documentElement.scrollWidth,
                     scrollH: document.documentElement.scrollHeight,
                     editor: [e.left, e.top, e.right, e.bottom], panel: [p.left, p.top, p.right, p.bottom],
                     header: h.bottom, fontSize };
        "#;
        let before = app.session.execute(geometry, json!([]));
        let num = |v: &Value| v.as_f64().unwrap();
        let (vw, vh) = (num(&before["vw"]), num(&before["vh"]));
        assert!(num(&before["scrollW"]) <= vw, "{width}x{height}: horizontal scroll: {before}");
        assert!(num(&before["scrollH"]) <= vh, "{width}x{height}: the page itself scrolls: {before}");
        let (editor, panel) = (&before["editor"], &before["panel"]);
        assert!(num(&editor[2]) <= num(&panel[0]), "{width}x{height}: panel overlaps the editor: {before}");
        assert!(num(&panel[2]) <= vw && num(&editor[3]) <= vh, "{width}x{height}: off screen: {before}");
        let editor_width = num(&editor[2]) - num(&editor[0]);
        assert!(editor_width >= 0.5 * vw.min(1400.0), "{width}x{height}: the editor is not the main surface: {before}");
        assert!(num(&editor[3]) - num(&editor[1]) >= 0.75 * (vh - num(&before["header"])), "{width}x{height}: editor too short: {before}");
        assert!(num(&before["fontSize"]) >= 16.0, "CJK text at 16 px or more");
        app.screenshot(&format!("app-{width}x{height}.png"));

        let editor_el = app.session.find("[data-testid=editor]");
        app.session.send_keys(&editor_el, "继续输入文字，版面不应跳动。");
        app.expect_stat("stat-zishu", 2624);
        let after = app.session.execute(geometry, json!([]));
        assert_eq!(before["editor"], after["editor"], "{width}x{height}: the editor moved while typing");
        assert_eq!(before["panel"], after["panel"], "{width}x{height}: the panel moved while typing");
    }
}

impl App {
    fn wait_for_value(&self, text: &str) {
        let want = json!(text);
        self.session.wait_until("the editor to hold the text", "return document.querySelector('[data-testid=editor]').value", |v| *v == want);
    }
}

/// Scalar offsets where pages 2, 3, … begin, from `expected.json`'s line starts (computed by
/// the independent layout engine, not by ours).
fn expected_page_starts(name: &str, text: &str) -> Vec<u64> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("engine/tests/fixtures/corpus/expected.json");
    let json: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let doc = &json["documents"][name];
    let lines_per_page = json["layout"]["grid"]["lines_per_page"].as_u64().unwrap() as usize;
    let mut paragraph_start = 0;
    let mut line_starts = Vec::new();
    for (paragraph, starts) in text.trim_end_matches('\n').split('\n').zip(doc["paragraph_line_starts"].as_array().unwrap()) {
        line_starts.extend(starts.as_array().unwrap().iter().map(|s| paragraph_start + s.as_u64().unwrap()));
        paragraph_start += paragraph.chars().count() as u64 + 1;
    }
    line_starts.into_iter().skip(lines_per_page).step_by(lines_per_page).collect()
}

#[test]
fn pages_lines_and_page_breaks_match_the_reference_typesetter() {
    let app = App::open(1366, 768);
    let mut previous_words = 0;
    for name in ["seed1_bureau_rectification_plan", "hebei_2026_gov_work_report"] {
        let text = corpus(name);
        app.replace_all_by_paste(&text);
        let counts = expected_counts(name);
        let words = counts["word_style"].as_u64().unwrap();
        assert_ne!(words, previous_words);
        app.expect_stat("stat-zishu", words);
        previous_words = words;

        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("engine/tests/fixtures/corpus/expected.json");
        let expected: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let doc = &expected["documents"][name];
        assert_eq!(app.stat("stat-pages"), doc["pages"].as_u64().unwrap(), "{name}: pages");
        assert_eq!(app.stat("stat-lines"), doc["lines"].as_u64().unwrap(), "{name}: lines");
        assert_eq!(app.stat("stat-last-page-lines"), doc["lines_on_last_page"].as_u64().unwrap(), "{name}: lines on last page");

        let markers = app.session.execute(
            "return [...document.querySelectorAll('[data-testid=page-break]')].map(m => [Number(m.dataset.page), Number(m.dataset.start)])",
            json!([]),
        );
        let want: Vec<Value> = expected_page_starts(name, &text).into_iter().enumerate().map(|(i, start)| json!([i + 2, start])).collect();
        assert_eq!(markers, Value::Array(want), "{name}: page-break markers (page, scalar start)");
    }
    // The markers stay on their lines while the editor scrolls: the layer scrolls with it.
    let scrolled = app.session.execute(
        "const e = document.querySelector('[data-testid=editor]'); e.scrollTop = 1500; e.dispatchEvent(new Event('scroll')); \
         return [e.scrollTop, document.querySelector('.editor-layer').scrollTop];",
        json!([]),
    );
    assert_eq!(scrolled[0], scrolled[1], "layer and textarea scroll together: {scrolled}");
    assert!(scrolled[0].as_f64().unwrap() > 0.0);
}

#[test]
fn print_preview_shows_and_prints_exactly_the_engine_pages() {
    let app = App::open(1366, 768);
    for name in ["seed1_bureau_rectification_plan", "seed3_provincial_burden_reduction_measures"] {
        let text = corpus(name);
        app.replace_all_by_paste(&text);
        app.expect_stat("stat-zishu", expected_counts(name)["word_style"].as_u64().unwrap());
        let pages = app.stat("stat-pages");

        let toggle = app.session.find("[data-testid=toggle-preview]");
        app.session.click(&toggle);
        let shown = app.session.wait_until("the preview pages", "return document.querySelectorAll('[data-testid=print-page]').length", |v| v.as_u64().is_some_and(|n| n > 0));
        assert_eq!(shown.as_u64(), Some(pages), "{name}: preview pages");
        if name.starts_with("seed1") {
            app.screenshot("print-preview-1366x768.png");
        }

        use base64::Engine as _;
        let pdf = app.session.cdp("Page.printToPDF", json!({"preferCSSPageSize": true, "printBackground": true}));
        let bytes = base64::engine::general_purpose::STANDARD.decode(pdf["data"].as_str().unwrap()).unwrap();
        let pdf_pages = count_pdf_pages(&bytes);
        assert_eq!(pdf_pages as u64, pages, "{name}: printed PDF pages");
        std::fs::write(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/screenshots/{name}.pdf")), &bytes).unwrap();

        // Esc returns to the editor with the text untouched.
        app.session.chord(&["\u{E00C}"]);
        app.session.wait_until("the editor to come back", "return document.querySelector('.editor-zone').hidden", |v| *v == json!(false));
        assert_eq!(app.editor_value(), text);
    }
}

/// Page objects in a PDF (`/Type /Page`, not `/Pages`).
fn count_pdf_pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1).filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's').count()
}
