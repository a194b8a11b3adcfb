//! End-to-end tests: the built `dist/` served on loopback, driven in a real headless Chromium.
//!
//! Run by `cargo xtask test`, which builds the site and installs the browser first
//! (`JIANWEN_DIST`, `CHROME`, `CHROMEDRIVER` say where they are).

mod drafts;
mod wasm_bench;

/// The benchmarks' texts (see `engine/benches/support/texts.rs`).
#[path = "../../engine/benches/support/texts.rs"]
mod texts;
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
        assert!(
            dist.join("index.html").is_file(),
            "{} has no index.html: run `cargo xtask test`",
            dist.display()
        );
        let addr = xtask::static_server::spawn(dist, SocketAddr::from(([127, 0, 0, 1], 0)))
            .expect("serve dist/");
        let driver = Driver::start();
        let session = driver.session(width, height);
        let app = App {
            origin: format!("http://{addr}"),
            session,
            _driver: driver,
        };
        // Forget what the browser did before the app was opened (its blank start page).
        app.session.performance_log();
        app.session.goto(&format!("{}/", app.origin));
        app.session.find("[data-testid=editor]");
        app
    }

    /// The raw figure of `stat-…` once it equals `want`; fails with the last value otherwise.
    fn expect_stat(&self, test_id: &str, want: u64) {
        let script = format!(
            "return document.querySelector('[data-testid={test_id}]')?.dataset.value ?? null"
        );
        let got = self
            .session
            .wait_until(&format!("{test_id} to show {want}"), &script, |v| {
                v.as_str() == Some(&want.to_string())
            });
        assert_eq!(got, json!(want.to_string()));
    }

    fn stat(&self, test_id: &str) -> u64 {
        let script =
            format!("return document.querySelector('[data-testid={test_id}]').dataset.value");
        self.session
            .execute(&script, json!([]))
            .as_str()
            .and_then(|s| s.parse().ok())
            .expect("figure has a numeric data-value")
    }

    fn editor_value(&self) -> String {
        self.session
            .execute(
                "return document.querySelector('[data-testid=editor]').value",
                json!([]),
            )
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// Puts `text` on the clipboard and pastes it with Ctrl+V into the focused editor: the
    /// browser's own paste, with `inputType` `insertFromPaste`.
    fn paste(&self, text: &str) {
        // Focus without clicking: a click would drop the selection a paste should replace.
        self.session.find("[data-testid=editor]");
        self.session.execute(
            "document.querySelector('[data-testid=editor]').focus()",
            json!([]),
        );
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
        self.session.execute(
            "document.querySelector('[data-testid=editor]').focus()",
            json!([]),
        );
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
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("engine/tests/fixtures/corpus/{name}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn expected_counts(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("engine/tests/fixtures/corpus/expected.json");
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
        assert_eq!(
            app.stat(test_id),
            counts[key].as_u64().unwrap(),
            "{test_id} vs expected.json {key}"
        );
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
    app.session.cdp(
        "Input.imeSetComposition",
        json!({"text": "gong", "selectionStart": 4, "selectionEnd": 4}),
    );
    app.session.cdp(
        "Input.imeSetComposition",
        json!({"text": "gongwen", "selectionStart": 7, "selectionEnd": 7}),
    );
    app.session.wait_until(
        "the preedit text in the editor",
        "return document.querySelector('[data-testid=editor]').value",
        |v| v == "简文2026gongwen",
    );
    assert_eq!(
        app.stat("stat-zishu"),
        3,
        "analysis must wait while composing"
    );
    app.session.cdp("Input.insertText", json!({"text": "公文"}));
    app.expect_stat("stat-zishu", 5);
    app.expect_stat("stat-hanzi", 4);
    assert_eq!(
        app.editor_value(),
        "简文2026公文",
        "composition committed once, nothing lost or doubled"
    );

    // And a second composition right after, ended with the same commit path.
    app.session.cdp(
        "Input.imeSetComposition",
        json!({"text": "zi", "selectionStart": 2, "selectionEnd": 2}),
    );
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
    assert!(
        !loaded.is_empty(),
        "the performance log recorded the page load"
    );
    for url in &loaded {
        assert!(
            url.starts_with(&app.origin) || url.starts_with("data:"),
            "request to another origin: {url}"
        );
    }
    let editor = app.session.find("[data-testid=editor]");
    app.session.click(&editor);
    app.session
        .send_keys(&editor, "为进一步加强文风建设，现通知如下。");
    app.paste("\n一、压缩篇幅。\n二、严控数量。");
    app.expect_stat("stat-paragraphs", 3);
    assert_eq!(
        app.requests(),
        Vec::<String>::new(),
        "no request after load while typing and pasting"
    );

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
    assert_eq!(
        outcome,
        json!("connect-src"),
        "CSP must block connections to other origins"
    );
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
        assert!(
            num(&before["scrollW"]) <= vw,
            "{width}x{height}: horizontal scroll: {before}"
        );
        assert!(
            num(&before["scrollH"]) <= vh,
            "{width}x{height}: the page itself scrolls: {before}"
        );
        let (editor, panel) = (&before["editor"], &before["panel"]);
        assert!(
            num(&editor[2]) <= num(&panel[0]),
            "{width}x{height}: panel overlaps the editor: {before}"
        );
        assert!(
            num(&panel[2]) <= vw && num(&editor[3]) <= vh,
            "{width}x{height}: off screen: {before}"
        );
        let editor_width = num(&editor[2]) - num(&editor[0]);
        assert!(
            editor_width >= 0.5 * vw.min(1400.0),
            "{width}x{height}: the editor is not the main surface: {before}"
        );
        assert!(
            num(&editor[3]) - num(&editor[1]) >= 0.75 * (vh - num(&before["header"])),
            "{width}x{height}: editor too short: {before}"
        );
        assert!(
            num(&before["fontSize"]) >= 16.0,
            "CJK text at 16 px or more"
        );
        app.screenshot(&format!("app-{width}x{height}.png"));

        let editor_el = app.session.find("[data-testid=editor]");
        app.session
            .send_keys(&editor_el, "继续输入文字，版面不应跳动。");
        app.expect_stat("stat-zishu", 2624);
        let after = app.session.execute(geometry, json!([]));
        assert_eq!(
            before["editor"], after["editor"],
            "{width}x{height}: the editor moved while typing"
        );
        assert_eq!(
            before["panel"], after["panel"],
            "{width}x{height}: the panel moved while typing"
        );
    }
}

impl App {
    fn wait_for_value(&self, text: &str) {
        let want = json!(text);
        self.session.wait_until(
            "the editor to hold the text",
            // Right after a reload the editor may not exist yet: wait for it too.
            "const e = document.querySelector('[data-testid=editor]'); return e ? e.value : null",
            |v| *v == want,
        );
    }
}

/// Pages and lines of `name`'s exported .docx as LibreOffice lays it out (no 版头), from the
/// table `cargo xtask compare-docx --write` keeps (`xtask/docx-pages.tsv`): the reference for the
/// figures the app shows.
fn docx_pages_and_lines(name: &str) -> (u64, u64) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("xtask/docx-pages.tsv");
    let table = std::fs::read_to_string(path).unwrap();
    let row: Vec<&str> = table
        .lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|f| f[0] == name)
        .unwrap_or_else(|| panic!("{name} in xtask/docx-pages.tsv"));
    (row[3].parse().unwrap(), row[4].parse().unwrap())
}

/// Scalar offsets where pages 2, 3, … begin in the engine's layout of `text` (the layout itself
/// is checked against LibreOffice by the engine's tests and `cargo xtask compare-docx`; here, the
/// markers' place in the editor).
fn engine_page_starts(text: &str) -> Vec<u64> {
    let analysis = jianwen_engine::analyze(text, &jianwen_engine::Settings::default());
    analysis
        .layout
        .page_starts
        .iter()
        .map(|&byte| text[..byte].chars().count() as u64)
        .collect()
}

#[test]
fn pages_lines_and_page_breaks_match_the_exported_document() {
    let app = App::open(1366, 768);
    let mut previous_words = 0;
    for name in [
        "seed1_bureau_rectification_plan",
        "hebei_2026_gov_work_report",
    ] {
        let text = corpus(name);
        app.replace_all_by_paste(&text);
        let counts = expected_counts(name);
        let words = counts["word_style"].as_u64().unwrap();
        assert_ne!(words, previous_words);
        app.expect_stat("stat-zishu", words);
        previous_words = words;

        let (pages, lines) = docx_pages_and_lines(name);
        assert_eq!(app.stat("stat-pages"), pages, "{name}: pages");
        assert_eq!(app.stat("stat-lines"), lines, "{name}: lines");
        // Lines less the full pages, with the blank line after the title on page 1.
        assert_eq!(
            app.stat("stat-last-page-lines"),
            lines + 1 - (pages - 1) * 22,
            "{name}: lines on last page"
        );

        let markers = app.session.execute(
            "return [...document.querySelectorAll('[data-testid=page-break]')].map(m => [Number(m.dataset.page), Number(m.dataset.start)])",
            json!([]),
        );
        let want: Vec<Value> = engine_page_starts(&text)
            .into_iter()
            .enumerate()
            .map(|(i, start)| json!([i + 2, start]))
            .collect();
        assert_eq!(
            markers,
            Value::Array(want),
            "{name}: page-break markers (page, scalar start)"
        );
    }
    // The markers stay on their lines while the editor scrolls: the layer scrolls with it.
    let scrolled = app.session.execute(
        "const e = document.querySelector('[data-testid=editor]'); e.scrollTop = 1500; e.dispatchEvent(new Event('scroll')); \
         return [e.scrollTop, document.querySelector('.editor-layer').scrollTop];",
        json!([]),
    );
    assert_eq!(
        scrolled[0], scrolled[1],
        "layer and textarea scroll together: {scrolled}"
    );
    assert!(scrolled[0].as_f64().unwrap() > 0.0);
}

#[test]
fn print_preview_shows_and_prints_exactly_the_engine_pages() {
    let app = App::open(1366, 768);
    for name in [
        "seed1_bureau_rectification_plan",
        "seed3_provincial_burden_reduction_measures",
    ] {
        let text = corpus(name);
        app.replace_all_by_paste(&text);
        app.expect_stat(
            "stat-zishu",
            expected_counts(name)["word_style"].as_u64().unwrap(),
        );
        let pages = app.stat("stat-pages");

        let toggle = app.session.find("[data-testid=toggle-preview]");
        app.session.click(&toggle);
        let shown = app.session.wait_until(
            "the preview pages",
            "return document.querySelectorAll('[data-testid=print-page]').length",
            |v| v.as_u64().is_some_and(|n| n > 0),
        );
        assert_eq!(shown.as_u64(), Some(pages), "{name}: preview pages");
        if name.starts_with("seed1") {
            app.screenshot("print-preview-1366x768.png");
        }

        use base64::Engine as _;
        let pdf = app.session.cdp(
            "Page.printToPDF",
            json!({"preferCSSPageSize": true, "printBackground": true}),
        );
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(pdf["data"].as_str().unwrap())
            .unwrap();
        let pdf_pages = count_pdf_pages(&bytes);
        assert_eq!(pdf_pages as u64, pages, "{name}: printed PDF pages");
        std::fs::write(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join(format!("target/screenshots/{name}.pdf")),
            &bytes,
        )
        .unwrap();

        // Esc returns to the editor with the text untouched.
        app.session.chord(&["\u{E00C}"]);
        app.session.wait_until(
            "the editor to come back",
            "return document.querySelector('.editor-zone').hidden",
            |v| *v == json!(false),
        );
        assert_eq!(app.editor_value(), text);
    }
}

/// Page objects in a PDF (`/Type /Page`, not `/Pages`).
fn count_pdf_pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's')
        .count()
}

/// Word's 字数 counted up to each character, straight from `docs/reference/counting.md` (not the
/// engine's code): returns the scalar index where the `n`-th 字 starts.
fn scalar_offset_of_nth_zi(text: &str, n: usize) -> usize {
    let half_width =
        |c: char| !c.is_whitespace() && c <= '\u{024F}' && !matches!(c, '·' | '×' | '÷');
    let (mut count, mut in_run, mut run_start, mut run_counted) = (0, false, 0, false);
    for (i, c) in text.chars().enumerate() {
        if half_width(c) {
            if !in_run {
                (in_run, run_start, run_counted) = (true, i, false);
            }
            if c.is_alphanumeric() && !run_counted {
                run_counted = true;
                count += 1;
                if count == n {
                    return run_start;
                }
            }
            continue;
        }
        in_run = false;
        if !c.is_whitespace() {
            count += 1;
            if count == n {
                return i;
            }
        }
    }
    panic!("the text has fewer than {n} 字");
}

impl App {
    fn choose_cap(&self, id: &str) {
        self.session.execute(
            "const s = document.querySelector('[data-testid=cap-profile]'); s.value = arguments[0]; s.dispatchEvent(new Event('change', {bubbles: true}));",
            json!([id]),
        );
    }

    fn caps(&self) -> Value {
        self.session.execute(
            "return [...document.querySelectorAll('[data-testid=cap]')].map(c => ({unit: c.dataset.unit, state: c.dataset.state, value: c.dataset.value, limit: c.dataset.limit, title: c.title}))",
            json!([]),
        )
    }
}

#[test]
fn the_title_chooses_the_cap_until_the_drafter_chooses_one() {
    let app = App::open(1366, 768);
    let text = "关于做好防汛工作的通知\n各区人民政府：\n请于6月1日前完成排查。\n";
    app.paste(text);
    app.wait_for_value(text);
    let cap = "return document.querySelector('[data-testid=cap-profile]').value";
    let automatic = "return document.querySelector('[data-testid=cap-auto]') !== null";
    app.session.wait_until("the cap of a 通知", cap, |v| {
        *v == json!("cn-2024-document")
    });
    assert_eq!(app.session.execute(automatic, json!([])), json!(true));
    // 不限篇幅 is a choice too: it stays, whatever the title says, across a reload.
    app.choose_cap("");
    app.session.wait_until("no cap", cap, |v| *v == json!(""));
    app.session.refresh();
    app.wait_for_value(text);
    app.session
        .wait_until("still no cap", cap, |v| *v == json!(""));
    assert_eq!(app.session.execute(automatic, json!([])), json!(false));
}

#[test]
fn a_policy_cap_on_the_hebei_report_shows_over_with_the_overage_and_the_cut_line() {
    let app = App::open(1366, 768);
    let name = "hebei_2026_gov_work_report";
    let text = corpus(name);
    app.paste(&text);
    let words = expected_counts(name)["word_style"].as_u64().unwrap();
    app.expect_stat("stat-zishu", words);
    app.choose_cap("js-2019-policy");
    let caps = app.session.wait_until(
        "the cap meters",
        "return document.querySelectorAll('[data-testid=cap]').length",
        |v| v.as_u64() == Some(2),
    );
    assert_eq!(caps, json!(2));
    let caps = app.caps();
    let zi = &caps[0];
    assert_eq!(
        (
            zi["unit"].as_str(),
            zi["state"].as_str(),
            zi["limit"].as_str()
        ),
        (Some("zi"), Some("over"), Some("5000"))
    );
    assert_eq!(zi["value"], json!(words.to_string()));
    assert!(
        zi["title"]
            .as_str()
            .unwrap()
            .starts_with(&format!("超出 {} 字", words - 5000)),
        "{zi}"
    );
    let pages = &caps[1];
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("engine/tests/fixtures/corpus/expected.json");
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let expected_pages = expected["documents"][name]["pages"].as_u64().unwrap();
    assert_eq!(
        (pages["unit"].as_str(), pages["state"].as_str()),
        (Some("page"), Some("over"))
    );
    assert_eq!(pages["value"], json!(expected_pages.to_string()));
    assert!(
        pages["title"]
            .as_str()
            .unwrap()
            .starts_with(&format!("超出 {} 页", expected_pages - 10)),
        "{pages}"
    );

    // The cut line sits on the first 字 past 5000, and everything after it is shaded.
    let cut = app.session.execute(
        "const c = document.querySelector('[data-testid=cap-cut]'); return c && [Number(c.dataset.start), c.dataset.label]",
        json!([]),
    );
    assert_eq!(
        cut,
        json!([scalar_offset_of_nth_zi(&text, 5001), "超出上限（5000字）"])
    );

    // A choice without a cap removes it; the choice is remembered across a reload.
    app.session.refresh();
    app.expect_stat("stat-zishu", words);
    assert_eq!(
        app.caps().as_array().map(Vec::len),
        Some(2),
        "the chosen 文种 survives a reload"
    );
    app.choose_cap("");
    app.session.wait_until(
        "no cap",
        "return document.querySelectorAll('[data-testid=cap], [data-testid=cap-cut]').length",
        |v| v.as_u64() == Some(0),
    );
}

#[test]
fn seed_text_gets_boilerplate_highlights_and_a_finding_jumps_to_its_text() {
    let app = App::open(1366, 768);
    let text = corpus("seed1_bureau_rectification_plan");
    app.paste(&text);
    app.expect_stat("stat-zishu", 2610);
    let marks = app.session.wait_until(
        "highlights",
        "return [...document.querySelectorAll('[data-testid=mark]')].map(m => [m.dataset.category, Number(m.dataset.start), Number(m.dataset.end), m.textContent])",
        |v| v.as_array().is_some_and(|a| a.len() > 5),
    );
    let chars: Vec<char> = text.chars().collect();
    let mut categories = std::collections::BTreeSet::new();
    for mark in marks.as_array().unwrap() {
        let (start, end) = (
            mark[1].as_u64().unwrap() as usize,
            mark[2].as_u64().unwrap() as usize,
        );
        // data-start/data-end are scalar offsets into the text: the mark covers exactly them.
        assert_eq!(
            chars[start..end].iter().collect::<String>(),
            mark[3].as_str().unwrap(),
            "{mark}"
        );
        categories.insert(mark[0].as_str().unwrap().to_owned());
    }
    assert!(
        categories.contains("hat") && categories.contains("format"),
        "{categories:?}"
    );

    // Typing (𠮷, an emoji and a new paragraph, past the first highlight) shifts every later
    // mark: their offsets follow, and the page breaks' too.
    app.session.execute(
        "const e = document.querySelector('[data-testid=editor]'); e.focus(); const at = e.value.indexOf('\\n', e.value.length / 3); e.setSelectionRange(at, at);",
        json!([]),
    );
    app.session
        .cdp("Input.insertText", json!({ "text": "𠮷😀\n" }));
    let typed = app.editor_value();
    assert_eq!(typed.chars().count(), text.chars().count() + 3);
    let typed_words = jianwen_engine::counting::count(&typed).word_count as u64;
    app.expect_stat("stat-zishu", typed_words);
    let typed_chars: Vec<char> = typed.chars().collect();
    let hooks = app.session.execute(
        "return [...document.querySelectorAll('[data-testid=mark], [data-testid=page-break]')].map(m => [m.dataset.testid, Number(m.dataset.start), Number(m.dataset.end), m.textContent])",
        json!([]),
    );
    let mut breaks = Vec::new();
    for hook in hooks.as_array().unwrap() {
        let start = hook[1].as_u64().unwrap() as usize;
        if hook[0] == "page-break" {
            breaks.push(start);
            continue;
        }
        let end = hook[2].as_u64().unwrap() as usize;
        assert_eq!(
            typed_chars[start..end].iter().collect::<String>(),
            hook[3].as_str().unwrap(),
            "after typing: {hook}"
        );
    }
    let analysis = jianwen_engine::analyze(&typed, &jianwen_engine::Settings::default());
    let want_breaks: Vec<usize> = analysis
        .layout
        .page_starts
        .iter()
        .map(|&b| typed[..b].chars().count())
        .collect();
    assert_eq!(breaks, want_breaks, "page breaks after typing");
    let ratio = app.stat("stat-boilerplate-ratio");
    assert!(ratio > 0 && ratio < 1000, "density per mille: {ratio}");

    // Clicking a finding selects its text in the editor and scrolls to it.
    let findings = app.session.execute(
        "return document.querySelectorAll('[data-testid=finding-select]').length",
        json!([]),
    );
    assert!(findings.as_u64().unwrap() > 5);
    let last_hat = app.session.execute(
        "const items = [...document.querySelectorAll('[data-testid=finding][data-category=stock] [data-testid=finding-select]')]; \
         items[items.length - 1].click(); const e = document.querySelector('[data-testid=editor]'); \
         return [e.value.substring(e.selectionStart, e.selectionEnd), e.scrollTop, document.activeElement === e];",
        json!([]),
    );
    let selected = last_hat[0].as_str().unwrap();
    assert!(
        !selected.is_empty() && text.contains(selected),
        "selection: {last_hat}"
    );
    assert!(
        last_hat[1].as_f64().unwrap() > 0.0,
        "the editor scrolled to the finding: {last_hat}"
    );
    assert_eq!(last_hat[2], json!(true));

    // "忽略" hides the finding by its whole text, even when the list quotes it cut short: its
    // marks go, the other marks stay.
    let ignored = app.session.execute(
        "const items = [...document.querySelectorAll('[data-testid=finding]')].filter(f => f.dataset.category !== 'format'); \
         const f = items.find(f => f.querySelector('[data-testid=finding-select]').textContent.endsWith('…')) ?? items[0]; \
         f.querySelector('[data-testid=finding-select]').click(); const e = document.querySelector('[data-testid=editor]'); \
         const text = e.value.substring(e.selectionStart, e.selectionEnd); \
         const marks = document.querySelectorAll('[data-testid=mark]').length; \
         f.querySelector('[data-testid=finding-ignore]').click(); return [f.dataset.rule, text, marks];",
        json!([]),
    );
    let (ignored_rule, ignored_text, marks_before) = (
        ignored[0].as_str().unwrap(),
        ignored[1].as_str().unwrap(),
        ignored[2].as_u64().unwrap(),
    );
    assert!(
        ignored_text.chars().count() > 1,
        "the finding's text was selected: {ignored}"
    );
    let still_marked = format!(
        "const marks = [...document.querySelectorAll('[data-testid=mark]')]; \
         return [marks.filter(m => m.dataset.rule === {} && m.textContent === {}).length, marks.length];",
        json!(ignored_rule),
        json!(ignored_text)
    );
    let left = app
        .session
        .wait_until("the ignored finding's marks to go", &still_marked, |v| {
            v[0] == json!(0)
        });
    let left = left[1].as_u64().unwrap();
    // (Ignoring a whole-sentence finding can show the phrase marks it covered.)
    assert!(
        left + 3 > marks_before,
        "{marks_before} marks before, {left} after ignoring one finding"
    );

    // "停用此规则" switches the rule off, and the choice survives a reload.
    let rule = app.session.execute(
        "const f = document.querySelector('[data-testid=finding][data-category=hat]'); const r = f.dataset.rule; \
         f.querySelector('[data-testid=finding-disable]').click(); return r;",
        json!([]),
    );
    let rule = rule.as_str().unwrap().to_owned();
    let count_rule = format!(
        "return document.querySelectorAll('[data-testid=mark][data-rule=\"{rule}\"]').length"
    );
    app.session
        .wait_until("the disabled rule's marks to go", &count_rule, |v| {
            v.as_u64() == Some(0)
        });
    app.session.refresh();
    app.expect_stat("stat-zishu", typed_words);
    app.session.wait_until(
        "marks after reload",
        "return document.querySelectorAll('[data-testid=mark]').length",
        |v| v.as_u64().is_some_and(|n| n > 0),
    );
    assert_eq!(
        app.session.execute(&count_rule, json!([])),
        json!(0),
        "rule {rule} stays disabled after a reload"
    );
}

#[test]
fn hats_and_boots_are_listed_by_place_and_cutting_them_is_priced_by_the_engine() {
    let app = App::open(1366, 768);
    let text = corpus("hebei_2026_gov_work_report");
    app.paste(&text);
    let analysis = jianwen_engine::analyze(&text, &jianwen_engine::Settings::default());
    app.expect_stat("stat-zishu", analysis.counts.word_count as u64);
    let cut = &analysis.cut;
    assert!(cut.sentences > 0, "the report has hats and boots");
    let shown = app.session.wait_until(
        "the savings line",
        "const p = document.querySelector('[data-testid=cut-savings]'); \
         return p && [Number(p.dataset.value), Number(p.dataset.sentences), Number(p.dataset.pagesAfter), p.textContent]",
        |v| v.is_array(),
    );
    assert_eq!(shown[0], json!(cut.word_count), "{shown}");
    assert_eq!(shown[1], json!(cut.sentences), "{shown}");
    assert_eq!(shown[2], json!(cut.pages_after), "{shown}");
    let line = shown[3].as_str().unwrap();
    assert!(
        line.starts_with(&format!("删去 {} 句戴帽穿靴可减少 ", cut.sentences))
            && line.contains("字（约 "),
        "{line}"
    );

    for category in ["hat", "boot"] {
        // The places of the engine's highlights of this category, in runs, as the list groups them.
        let mut want: Vec<(String, u64)> = Vec::new();
        for h in analysis
            .phrases
            .highlights
            .iter()
            .filter(|h| h.category.as_str() == category)
        {
            let place = h
                .place
                .as_deref()
                .expect("every hat and boot has its place")
                .to_owned();
            match want.last_mut() {
                Some((last, n)) if *last == place => *n += 1,
                _ => want.push((place, 1)),
            }
        }
        let got = app.session.execute(
            "return [...document.querySelectorAll(`[data-testid=finding-group][data-category=${arguments[0]}] [data-testid=finding-place]`)]\
             .map(p => [p.dataset.label, Number(p.dataset.value), p.textContent])",
            json!([category]),
        );
        let got: Vec<(String, u64)> = got
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let (label, n) = (p[0].as_str().unwrap().to_owned(), p[1].as_u64().unwrap());
                assert_eq!(p[2].as_str().unwrap(), format!("{label}：{n} 句"));
                (label, n)
            })
            .collect();
        assert_eq!(got, want, "{category}");
    }
}

#[test]
fn fix_all_half_width_punctuation_is_one_undoable_edit() {
    let app = App::open(1366, 768);
    let text = corpus("seed1_bureau_rectification_plan");
    app.paste(&text);
    app.expect_stat("stat-zishu", 2610);
    // Open the 格式 group as a user would, then ask for all fixes of the rule.
    let group = app
        .session
        .find("[data-testid=finding-group][data-category=format] summary");
    app.session.execute("const d = document.querySelector('[data-testid=finding-group][data-category=format]'); if (d.open) d.open = false;", json!([]));
    app.session.click(&group);
    let button = app.session.find(
        "[data-testid=finding][data-rule='format.punct.halfwidth'] [data-testid=finding-fix-all]",
    );
    app.session.click(&button);
    let question = app.session.accept_dialog();
    assert!(question.contains("一次修正"), "{question}");
    let fixed = app.session.wait_until(
        "the fixed text",
        "return document.querySelector('[data-testid=editor]').value",
        |v| v.as_str() != Some(text.as_str()),
    );
    let fixed = fixed.as_str().unwrap();
    let hanzi = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    let chars: Vec<char> = fixed.chars().collect();
    for w in chars.windows(3) {
        assert!(
            !(hanzi(w[0]) && w[1] == ',' && hanzi(w[2])),
            "a half-width comma is left between 汉字: {}",
            w.iter().collect::<String>()
        );
    }
    assert!(
        app.stat("stat-zishu") >= 2610,
        "字数 never drops after fixing punctuation"
    );
    // One Ctrl+Z restores the original.
    app.session.execute(
        "document.querySelector('[data-testid=editor]').focus()",
        json!([]),
    );
    app.session.chord(&["\u{E009}", "z"]);
    app.wait_for_value(&text);
    app.expect_stat("stat-zishu", 2610);
    // The text before the bulk change was kept as a snapshot.
    app.session
        .click(&app.session.find("[data-testid=open-drafts]"));
    let snapshot = app.session.wait_until(
        "a snapshot",
        "return document.querySelector('[data-testid=snapshot-item]')?.textContent ?? null",
        |v| v.is_string(),
    );
    assert!(
        snapshot.as_str().unwrap().contains("2610 字 · 全部修正前"),
        "{snapshot}"
    );
}

#[test]
fn a_speech_profile_shows_speaking_time() {
    let app = App::open(1366, 768);
    app.paste(&corpus("seed1_bureau_rectification_plan"));
    app.expect_stat("stat-zishu", 2610);
    assert_eq!(
        app.session.execute(
            "return document.querySelector('[data-testid=stat-minutes]')",
            json!([])
        ),
        Value::Null,
        "only in 发言稿 mode"
    );
    app.choose_cap("js-2019-statement");
    // 2610 字 at the default 200 字/分钟 = 13.05 minutes, shown in tenths rounded half up.
    app.expect_stat("stat-minutes", (2610 * 10 * 2 + 200) / 400);
    let minute = &app.caps()[0];
    assert_eq!(
        (
            minute["unit"].as_str(),
            minute["state"].as_str(),
            minute["limit"].as_str()
        ),
        (Some("minute"), Some("over"), Some("8"))
    );
}

#[test]
fn custom_rules_and_cap_profiles_from_settings_survive_a_reload() {
    let app = App::open(1366, 768);
    app.paste("关于加强值班工作的通知\n各单位要把值班工作抓紧抓实抓细，确保万无一失。\n");
    app.expect_stat("stat-paragraphs", 2);
    let open = app.session.find("[data-testid=open-settings]");
    app.session.click(&open);
    app.session.find("[data-testid=settings-dialog]");

    // A phrase rule of the user's own, with a slot.
    let pattern = app.session.find("[data-testid=rule-form-pattern]");
    app.session.send_keys(&pattern, "抓紧……抓细");
    let reason = app.session.find("[data-testid=rule-form-reason]");
    app.session.send_keys(&reason, "排比式表态，没有具体要求。");
    let suggestion = app.session.find("[data-testid=rule-form-suggestion]");
    app.session.send_keys(&suggestion, "写明谁在何时做什么。");
    app.session.execute(
        "const s = document.querySelector('[data-testid=rule-form-category]'); s.value = 'slogan'; s.dispatchEvent(new Event('change', {bubbles: true}));",
        json!([]),
    );
    let save = app.session.find("[data-testid=rule-form-save]");
    app.session.click(&save);
    app.session.find("[data-testid=custom-rule]");

    // A bad pattern is refused with a message and changes nothing.
    let pattern = app.session.find("[data-testid=rule-form-pattern]");
    app.session.execute(
        "const p = document.querySelector('[data-testid=rule-form-pattern]'); p.value = '';",
        json!([]),
    );
    app.session.send_keys(&pattern, "……");
    app.session.click(&save);
    app.session.find("[data-testid=rule-form-error]");
    assert_eq!(
        app.session.execute(
            "return document.querySelectorAll('[data-testid=custom-rule]').length",
            json!([])
        ),
        json!(1)
    );

    // A cap profile of the user's own.
    for (id, text) in [
        ("cap-form-name", "本单位通知（800字）"),
        ("cap-form-zi", "800"),
    ] {
        let field = app.session.find(&format!("[data-testid={id}]"));
        app.session.send_keys(&field, text);
    }
    let save_cap = app.session.find("[data-testid=cap-form-save]");
    app.session.click(&save_cap);
    app.session.find("[data-testid=custom-cap]");
    app.session.chord(&["\u{E00C}"]);
    app.session.wait_until(
        "the dialog to close",
        "return document.querySelector('[data-testid=settings-dialog]')",
        |v| v.is_null(),
    );

    let custom_id = app.session.execute(
        "return [...document.querySelectorAll('[data-testid=cap-profile] option')].map(o => o.value).find(v => v.startsWith('user:'))",
        json!([]),
    );
    app.choose_cap(
        custom_id
            .as_str()
            .expect("the custom profile is offered in the 文种 selector"),
    );
    let slogan = "return [...document.querySelectorAll('[data-testid=mark]')].filter(m => m.dataset.rule.startsWith('user:')).map(m => m.textContent)";
    app.session
        .wait_until("the custom rule's mark", slogan, |v| {
            v.as_array().is_some_and(|a| !a.is_empty())
        });

    app.session.refresh();
    app.expect_stat("stat-paragraphs", 2);
    let marks = app
        .session
        .wait_until("the custom rule's mark after reload", slogan, |v| {
            v.as_array().is_some_and(|a| !a.is_empty())
        });
    assert_eq!(marks[0], json!("抓紧抓实抓细"));
    let chosen = app.session.execute(
        "return document.querySelector('[data-testid=cap-profile]').value",
        json!([]),
    );
    assert_eq!(
        chosen, custom_id,
        "the custom profile stays chosen after a reload"
    );
    assert_eq!(app.caps()[0]["limit"], json!("800"));
}

impl App {
    /// Opens `url` (not the served dist) in a fresh browser.
    fn open_url(url: &str) -> App {
        let driver = Driver::start();
        let session = driver.session(1366, 768);
        session.performance_log();
        session.goto(url);
        session.find("[data-testid=editor]");
        App {
            origin: url.to_owned(),
            session,
            _driver: driver,
        }
    }

    /// Inserts text at the caret as the browser's text input does (an IME commit or a paste
    /// without the clipboard, which `file://` pages cannot be granted).
    fn insert_text(&self, text: &str) {
        self.session.execute(
            "document.querySelector('[data-testid=editor]').focus()",
            json!([]),
        );
        self.session
            .cdp("Input.insertText", json!({ "text": text }));
    }

    fn browser_log(&self) -> Vec<String> {
        let entries = self
            .session
            .cmd("POST", "/se/log", Some(json!({"type": "browser"})));
        entries
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["message"].as_str().map(str::to_owned))
            .collect()
    }
}

#[test]
fn the_single_file_build_works_from_disk() {
    let dist = std::env::var_os("JIANWEN_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"));
    let file = dist.join("简文.html");
    assert!(
        file.is_file(),
        "{} is missing: run `cargo xtask dist --single-file`",
        file.display()
    );
    let app = App::open_url(&format!("file://{}", file.display()));
    let text = corpus("seed1_bureau_rectification_plan");
    app.insert_text(&text);
    app.expect_stat("stat-zishu", 2610);
    app.expect_stat("stat-pages", 6);
    app.session.wait_until(
        "highlights",
        "return document.querySelectorAll('[data-testid=mark]').length",
        |v| v.as_u64().is_some_and(|n| n > 5),
    );
    app.session.refresh();
    app.session.find("[data-testid=editor]");
    app.wait_for_value(&text);
    app.expect_stat("stat-zishu", 2610);
    let requests: Vec<String> = app
        .requests()
        .into_iter()
        .filter(|u| !u.starts_with("file://") && !u.starts_with("data:"))
        .collect();
    assert_eq!(
        requests,
        Vec::<String>::new(),
        "the single file loads nothing else"
    );
    let violations: Vec<String> = app
        .browser_log()
        .into_iter()
        .filter(|m| m.contains("Content Security Policy"))
        .collect();
    assert_eq!(violations, Vec::<String>::new());
}

#[test]
fn pasted_markup_stays_text_and_the_page_has_no_csp_violation() {
    let app = App::open(1366, 768);
    let hostile = "关于<img src=x onerror=alert(1)>的通知\n</textarea><script>alert(2)</script>\n<style>body{display:none}</style>为深入贯彻落实会议精神,结合实际。\n";
    app.paste(hostile);
    app.wait_for_value(hostile);
    app.expect_stat("stat-paragraphs", 3);
    let dom = app.session.execute(
        "return [document.querySelectorAll('img').length, document.querySelectorAll('body script, .editor-layer style, .side-panel style').length, \
                 document.querySelector('.editor-layer').textContent.includes('<img src=x onerror=alert(1)>'), getComputedStyle(document.body).display]",
        json!([]),
    );
    assert_eq!(
        dom,
        json!([0, 0, true, "block"]),
        "markup typed into the editor must stay characters"
    );
    let alert = app.session.alert_text();
    assert!(alert.is_none(), "a dialog opened: {alert:?}");
    let violations: Vec<String> = app
        .browser_log()
        .into_iter()
        .filter(|m| m.contains("Content Security Policy"))
        .collect();
    assert_eq!(
        violations,
        Vec::<String>::new(),
        "no CSP violation while loading and editing"
    );
}

#[test]
fn a_panic_shows_a_message_and_the_draft_is_saved() {
    let Some(probe) = std::env::var_os("JIANWEN_PANIC_PROBE_DIST").map(PathBuf::from) else {
        panic!("JIANWEN_PANIC_PROBE_DIST is not set: run `cargo xtask test`, which builds the panic-probe test build");
    };
    let addr = xtask::static_server::spawn(probe, SocketAddr::from(([127, 0, 0, 1], 0)))
        .expect("serve the probe build");
    let app = App::open_url(&format!("http://{addr}/"));
    let text = "关于值班安排的通知\n各单位：请做好值班工作。〔panic-probe〕";
    app.insert_text(text);
    let screen = app.session.wait_until(
        "the panic screen",
        "const s = document.querySelector('[data-testid=panic-screen]'); return s && s.textContent",
        |v| v.is_string(),
    );
    let screen = screen.as_str().unwrap();
    assert!(
        screen.contains("简文出错了") && screen.contains("不会丢失"),
        "{screen}"
    );
    let reload = app.session.find("[data-testid=panic-reload]");
    app.session.click(&reload);
    app.session.find("[data-testid=editor]");
    app.wait_for_value(text);
    assert_eq!(
        app.session.execute(
            "return document.querySelector('[data-testid=panic-screen]')",
            json!([])
        ),
        Value::Null
    );
}

#[test]
fn an_automated_accessibility_pass_finds_nothing() {
    let axe = std::env::var_os("AXE_CORE_JS")
        .map(PathBuf::from)
        .expect("AXE_CORE_JS is not set: run `cargo xtask test`, which installs axe-core");
    let axe = std::fs::read_to_string(&axe).unwrap_or_else(|e| panic!("{}: {e}", axe.display()));
    let app = App::open(1366, 768);
    let load = app.session.find("[data-testid=load-example]");
    app.session.click(&load);
    app.expect_stat("stat-zishu", 2610);
    for view in ["editor", "drafts", "settings"] {
        if view == "drafts" {
            app.session
                .click(&app.session.find("[data-testid=open-drafts]"));
            app.session
                .click(&app.session.find("[data-testid=snapshot-save]"));
            app.session
                .click(&app.session.find("[data-testid=snapshot-view]"));
            app.session.find("[data-testid=snapshot-text]");
        }
        if view == "settings" {
            app.session
                .click(&app.session.find("[data-testid=drafts-close]"));
            let open = app.session.find("[data-testid=open-settings]");
            app.session.click(&open);
            app.session.find("[data-testid=settings-dialog]");
        }
        let script = format!(
            "{axe}\nconst done = arguments[0];\naxe.run(document, {{ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }})\
             .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))), e => done(['axe failed: ' + e]));"
        );
        let violations = app.session.cmd(
            "POST",
            "/execute/async",
            Some(json!({ "script": script, "args": [] })),
        );
        assert_eq!(violations, json!([]), "{view}: accessibility violations");
    }
}

/// A browser measurement, not a timed assertion, over 200 keystrokes at the end and in the middle
/// of the benchmarks' texts of about 9,500, 25,000 and 200,000 字. Prints median and p95 of two
/// times from a keystroke's `input` event:
/// - to paint: until the next frame after the figures changed has been drawn (a `setTimeout`
///   from the `requestAnimationFrame` after the change). This includes the wait for the display's
///   next frame, up to 16.7 ms at 60 Hz, which no page can shorten;
/// - work: until the page has done everything that keystroke asks of it: the task that handled
///   the event has ended (the analysis and the render of figures, highlights and findings) and
///   style and layout are up to date (forced right then). This is the main thread's cost.
///
/// Asserts only that every keystroke was counted, and that the work was measured after the
/// figures showed that keystroke.
#[test]
#[ignore = "a benchmark (about 15 minutes): run it with `cargo xtask bench-app`"]
fn app_benchmark_typing_latency() {
    let app = App::open(1366, 768);
    let corpus = texts::read_corpus(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/engine/tests/fixtures/corpus"
    ));
    let cases = texts::cases(&corpus, &["hebei_2026_gov_work_report"], &[25_000, 200_000]);
    for texts::Case { name, zi, text } in cases {
        let label = format!("{name} ({zi} 字)");
        app.replace_all_by_paste(&text);
        let words = app.session.wait_until(
            "the figures",
            "return Number(document.querySelector('[data-testid=stat-zishu]').dataset.value)",
            |v| v.as_u64().is_some_and(|n| n > 0),
        );
        let mut words = words.as_u64().unwrap();
        for place in ["end", "middle"] {
            app.session.execute(
                r#"const e = document.querySelector('[data-testid=editor]'); e.focus();
                   const at = arguments[0] === 'end' ? e.value.length : Math.floor(e.value.length / 2);
                   e.setSelectionRange(at, at);
                   window.__latencies = []; window.__work = []; window.__t0 = 0;
                   if (!window.__observing) {
                     window.__observing = true;
                     const after = new MessageChannel();
                     after.port1.onmessage = () => {
                       document.querySelector('.editor-layer').offsetHeight;
                       window.__work.push([performance.now() - window.__t0, Number(document.querySelector('[data-testid=stat-zishu]').dataset.value)]);
                     };
                     e.addEventListener('input', () => { window.__t0 = performance.now(); after.port2.postMessage(0); }, true);
                     new MutationObserver(() => requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - window.__t0))))
                       .observe(document.querySelector('[data-testid=stat-zishu]'), { attributes: true, attributeFilter: ['data-value'] });
                   }"#,
                json!([place]),
            );
            for i in 0..200 {
                app.session.cdp("Input.insertText", json!({ "text": "字" }));
                words += 1;
                let want = i + 1;
                app.session.wait_until(
                    "the keystroke's update",
                    "return window.__latencies.length",
                    |v| v.as_u64() == Some(want),
                );
            }
            app.expect_stat("stat-zishu", words);
            let mut latencies: Vec<f64> =
                serde_json::from_value(app.session.execute("return window.__latencies", json!([])))
                    .unwrap();
            let work: Vec<(f64, u64)> =
                serde_json::from_value(app.session.execute("return window.__work", json!([])))
                    .unwrap();
            let counted: Vec<u64> = work.iter().map(|w| w.1).collect();
            let expected: Vec<u64> = (words - 199..=words).collect();
            assert_eq!(
                counted, expected,
                "the work was measured before the figures showed the keystroke"
            );
            let mut work: Vec<f64> = work.into_iter().map(|w| w.0).collect();
            let (paint, work) = (median_and_p95(&mut latencies), median_and_p95(&mut work));
            println!(
                "typing latency, {label}, at the {place}: to paint median {:.1} ms, p95 {:.1} ms; work median {:.1} ms, p95 {:.1} ms (200 keystrokes)",
                paint.0, paint.1, work.0, work.1
            );
        }
    }
}

/// The median and the 95th percentile of `times`.
fn median_and_p95(times: &mut [f64]) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[times.len() * 95 / 100])
}

#[test]
fn hovering_a_highlight_shows_its_reason_and_suggestion() {
    let app = App::open(1366, 768);
    app.paste(&corpus("seed1_bureau_rectification_plan"));
    app.expect_stat("stat-zishu", 2610);
    app.session.execute(
        "const e = document.querySelector('[data-testid=editor]'); e.scrollTop = 0; e.dispatchEvent(new Event('scroll'));",
        json!([]),
    );
    let target = app.session.wait_until(
        "a visible hat mark",
        "const m = document.querySelector('[data-testid=mark][data-category=hat]'); if (!m) return null; \
         const r = m.getClientRects()[0]; return [Math.round(r.left + 2), Math.round(r.top + r.height / 2), m.dataset.title];",
        |v| v.is_array(),
    );
    let (x, y) = (target[0].as_i64().unwrap(), target[1].as_i64().unwrap());
    app.session.cmd(
        "POST",
        "/actions",
        Some(json!({"actions": [{"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
            "actions": [{"type": "pointerMove", "x": x, "y": y, "origin": "viewport"}]}]})),
    );
    let hint = app.session.wait_until(
        "the hint",
        "return document.querySelector('[data-testid=mark-hint]')?.textContent ?? null",
        |v| v.is_string(),
    );
    assert_eq!(
        hint, target[2],
        "the hint shows the hovered mark's reason and suggestion"
    );
    assert!(hint.as_str().unwrap().contains("建议："));
}

/// What Tab reaches next: the index of the focused element among `window.controls` (-2 when focus
/// has left the page for the browser's own controls), whether it or a close ancestor (a file
/// input's label, the editor's frame) draws a focus ring, and a name for messages.
const FOCUS_PROBE: &str = r#"
const e = document.activeElement;
if (e === document.body) return [-2, true, 'BODY'];
const ring = n => { const s = getComputedStyle(n);
  return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; };
let drawn = false;
for (let n = e, i = 0; n && n !== document.body && i < 3; n = n.parentElement, i++) drawn ||= ring(n);
const name = e.dataset.testid || e.getAttribute('aria-label') || e.textContent.trim().slice(0, 12) || e.tagName;
return [window.controls.indexOf(e), drawn, name];"#;

/// Collects the visible, enabled controls under `root` into `window.controls` and returns their
/// names. A file input counts when its label is visible: the label is what shows it. Of a radio
/// group only the checked button is a tab stop (arrow keys move within the group).
fn collect_controls(app: &App, root: &str) -> Vec<String> {
    let names = app.session.execute(
        r#"window.controls = Array.from(document.querySelector(arguments[0]).querySelectorAll(
             'button, input, select, textarea, summary, a[href], [tabindex]:not([tabindex="-1"])'))
           .filter(e => !e.disabled && !e.classList.contains('settings-sentinel')
             && (e.checkVisibility() || e.closest('label')?.checkVisibility())
             && !(e.type === 'radio' && !e.checked && document.querySelector(`input[type=radio][name="${e.name}"]:checked`)));
           return window.controls.map(e => e.dataset.testid || e.getAttribute('aria-label') || e.textContent.trim().slice(0, 12) || e.tagName);"#,
        json!([root]),
    );
    serde_json::from_value(names).expect("control names")
}

/// Focuses the first of `window.controls`, presses Tab until focus comes back to it (at most
/// `limit` times) and returns the indices reached in order, failing on any stop without a visible
/// focus ring.
fn tab_around(app: &App, limit: usize) -> Vec<i64> {
    app.session.execute("window.controls[0].focus()", json!([]));
    let mut reached: Vec<i64> = vec![0];
    for _ in 0..limit {
        app.session.chord(&["\u{E004}"]);
        let probe = app.session.execute(FOCUS_PROBE, json!([]));
        let (index, drawn, name) = (
            probe[0].as_i64().unwrap(),
            probe[1].as_bool().unwrap(),
            &probe[2],
        );
        assert!(drawn, "focus on {name} has no visible focus ring");
        if reached.first() == Some(&index) {
            break;
        }
        reached.push(index);
    }
    reached
}

/// Keyboard only: Tab from the top of the page reaches every control of the main screen, each
/// with a visible focus ring, and leaves the editor again (Tab is not swallowed as a character);
/// Enter on 设置 opens the dialog, Tab cycles inside it only, Escape closes it and focus returns.
#[test]
fn every_control_is_reachable_by_tab_with_a_visible_focus_ring() {
    let app = App::open(1366, 768);
    let load = app.session.find("[data-testid=load-example]");
    app.session.click(&load);
    app.expect_stat("stat-zishu", 2610);
    let text = app.editor_value();

    // Menus and finding groups open, so that what they hold is in the tab order too.
    app.session.execute(
        "document.querySelectorAll('details').forEach(d => d.open = true)",
        json!([]),
    );
    let controls = collect_controls(&app, "body");
    assert!(controls.len() > 10, "too few controls found: {controls:?}");
    let reached = tab_around(&app, controls.len() + 5);
    assert!(
        !reached.contains(&-1),
        "Tab stops on an element that is not a control: {reached:?}"
    );
    let missed: Vec<&String> = controls
        .iter()
        .enumerate()
        .filter(|(i, _)| !reached.contains(&(*i as i64)))
        .map(|(_, n)| n)
        .collect();
    assert!(missed.is_empty(), "Tab never reaches {missed:?}");
    assert_eq!(app.editor_value(), text, "Tab typed into the draft");

    app.session.execute(
        "document.querySelector('[data-testid=open-settings]').focus()",
        json!([]),
    );
    app.session.chord(&["\u{E007}"]);
    app.session.find("[data-testid=settings-dialog]");
    let inside = collect_controls(&app, "[data-testid=settings-dialog]");
    let reached = tab_around(&app, inside.len() + 5);
    assert!(
        reached.iter().all(|&i| i >= 0),
        "Tab left the open dialog: {reached:?} of {inside:?}"
    );
    assert_eq!(
        reached.len(),
        inside.len(),
        "Tab skipped a control of the dialog: {reached:?} of {inside:?}"
    );
    app.session.chord(&["\u{E00C}"]);
    app.session.wait_until(
        "settings closed and focus back on 设置",
        r#"return !document.querySelector('[data-testid=settings-dialog]')
        && document.activeElement === document.querySelector('[data-testid=open-settings]');"#,
        |v| v == &json!(true),
    );
}

/// Records, from the first moment of every page load, when the app became usable (the editor and
/// the 字数 figure are in the page) and every long task (over 50 ms) the browser reports.
const LOAD_PROBE: &str = r#"
window.__interactive = null; window.__longTasks = [];
new PerformanceObserver(list => { for (const t of list.getEntries()) window.__longTasks.push(t.duration); })
  .observe({ type: 'longtask', buffered: true });
new MutationObserver((_, observer) => {
  if (document.querySelector('[data-testid=editor]') && document.querySelector('[data-testid=stat-zishu]')) {
    window.__interactive = performance.now(); observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });"#;

/// A browser measurement, not a timed assertion: time to interactive from the local server (the
/// first load compiles the wasm; reloads may use the browser's code cache), then pastes (Ctrl+A,
/// Ctrl+V) of about 100,000, 300,000 and 1,000,000 字: the time until the figures show and the
/// longest task that froze the page meanwhile.
#[test]
#[ignore = "a benchmark (a few minutes): run it with `cargo xtask bench-app`"]
fn app_benchmark_load_and_paste() {
    let app = App::open(1366, 768);
    app.session.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": LOAD_PROBE }),
    );
    let mut loads = Vec::new();
    for _ in 0..6 {
        app.session.goto(&format!("{}/", app.origin));
        let ms = app.session.wait_until(
            "the app to be interactive",
            "return window.__interactive",
            |v| v.is_number(),
        );
        loads.push(ms.as_f64().unwrap());
    }
    let first = loads.remove(0);
    loads.sort_by(f64::total_cmp);
    println!(
        "time to interactive (local server): first load {first:.0} ms; reloads median {:.0} ms, max {:.0} ms",
        loads[loads.len() / 2],
        loads[loads.len() - 1]
    );

    let report = corpus("hebei_2026_gov_work_report");
    // Growing pastes, each replacing the last, so that the growth of the cost shows.
    for copies in [10, 30, 105] {
        let pasted: String = std::iter::repeat_n(report.as_str(), copies).collect();
        let words = jianwen_engine::counting::count(&pasted).word_count as u64;
        app.session.execute(
            "document.querySelector('[data-testid=editor]').focus()",
            json!([]),
        );
        app.session.chord(&["\u{E009}", "a"]);
        app.session.execute("window.__longTasks = []", json!([]));
        let start = std::time::Instant::now();
        app.paste(&pasted);
        app.expect_stat("stat-zishu", words);
        let shown = start.elapsed();
        let tasks: Vec<f64> =
            serde_json::from_value(app.session.execute("return window.__longTasks", json!([])))
                .unwrap();
        let longest = tasks.iter().copied().fold(0.0, f64::max);
        println!(
            "paste of {words} 字: figures shown after {} ms; {} long tasks, longest {longest:.0} ms, in all {:.0} ms",
            shown.as_millis(),
            tasks.len(),
            tasks.iter().sum::<f64>()
        );
    }
}

/// A long draft's thousands of findings are not all built on every keystroke: each group lists its
/// first 100 under the full count, says how many more there are, and lists them all on request.
#[test]
fn a_group_with_more_than_100_findings_lists_100_until_asked_for_all() {
    let app = App::open(1366, 768);
    let report = corpus("hebei_2026_gov_work_report");
    let long: String = std::iter::repeat_n(report.as_str(), 6).collect();
    app.replace_all_by_paste(&long);
    app.expect_stat(
        "stat-zishu",
        jianwen_engine::counting::count(&long).word_count as u64,
    );
    let groups = || {
        app.session.execute(
            "return [...document.querySelectorAll('[data-testid=finding-group]')].map(g => [g.dataset.category,
               Number(g.querySelector('[data-testid=finding-count]').dataset.value),
               g.querySelectorAll('[data-testid=finding]').length,
               g.querySelectorAll('[data-testid=finding-show-all]').length])",
            json!([]),
        )
    };
    let before: Vec<(String, u64, u64, u64)> = serde_json::from_value(groups()).unwrap();
    let big = before
        .iter()
        .find(|g| g.1 > 100)
        .unwrap_or_else(|| panic!("no group has over 100 findings: {before:?}"))
        .0
        .clone();
    for (category, count, listed, more) in &before {
        assert_eq!(*listed, (*count).min(100), "{category}: listed of {count}");
        assert_eq!(
            *more,
            u64::from(*count > 100),
            "{category}: the show-all button"
        );
    }
    app.session.execute(
        "document.querySelector(`[data-testid=finding-group][data-category=${arguments[0]}] [data-testid=finding-show-all]`).click()",
        json!([big]),
    );
    let all_listed = format!(
        "const g = document.querySelector('[data-testid=finding-group][data-category={big}]');
         return g.querySelectorAll('[data-testid=finding]').length === Number(g.querySelector('[data-testid=finding-count]').dataset.value)
           && !g.querySelector('[data-testid=finding-show-all]');"
    );
    app.session
        .wait_until("every finding of the group listed", &all_listed, |v| {
            v == &json!(true)
        });
}
