//! A small blocking WebDriver client for ChromeDriver on loopback, plus the DevTools passthrough
//! ChromeDriver offers (`goog/cdp/execute`) for trusted IME composition and network logs.
//!
//! WebDriver is JSON over HTTP; this is the part of it the tests use and nothing more.

use serde_json::{json, Value};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A ChromeDriver process, killed when dropped.
pub struct Driver {
    process: Child,
    base: String,
}

impl Driver {
    pub fn start() -> Driver {
        let program = std::env::var_os("CHROMEDRIVER")
            .map(PathBuf::from)
            .unwrap_or_else(|| "chromedriver".into());
        let port = free_port();
        let process = Command::new(&program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start {}: {e} (run `cargo xtask test`, which installs it)",
                    program.display()
                )
            });
        let driver = Driver {
            process,
            base: format!("http://127.0.0.1:{port}"),
        };
        wait_for(
            "chromedriver to accept connections",
            Duration::from_secs(20),
            || {
                agent()
                    .get(&format!("{}/status", driver.base))
                    .call()
                    .ok()
                    .map(|_| ())
            },
        );
        driver
    }

    /// Opens a headless Chromium with a fresh profile and the performance log on.
    pub fn session(&self, width: u32, height: u32) -> Session {
        let chrome = std::env::var("CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let profile = std::env::temp_dir().join(format!(
            "jianwen-e2e-{}-{}",
            std::process::id(),
            free_port()
        ));
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chrome,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--lang=zh-CN", "--hide-scrollbars=false",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", profile.display()),
                ],
            },
            "goog:loggingPrefs": {"performance": "ALL", "browser": "ALL"},
        }}});
        let value = request(&self.base, "POST", "/session", Some(caps))
            .expect("ChromeDriver could not start Chromium");
        let id = value["sessionId"]
            .as_str()
            .expect("new session has an id")
            .to_owned();
        let session = Session {
            base: format!("{}/session/{id}", self.base),
        };
        // The window size flag sets the window, not the viewport: make the viewport exact.
        session.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}),
        );
        session
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// One browser session. Closed (and Chromium quit) when dropped.
pub struct Session {
    base: String,
}

impl Session {
    pub fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        request(&self.base, method, path, body)
            .unwrap_or_else(|e| panic!("WebDriver {method} {path}: {e}"))
    }

    /// The text of the open JavaScript dialog, or `None` when there is none.
    pub fn alert_text(&self) -> Option<String> {
        request(&self.base, "GET", "/alert/text", None)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
    }

    pub fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({ "url": url })));
    }

    pub fn refresh(&self) {
        self.cmd("POST", "/refresh", Some(json!({})));
    }

    /// Runs `script` as a function body with `args` and returns its result.
    pub fn execute(&self, script: &str, args: Value) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// Finds one element by CSS selector, waiting for it to appear.
    pub fn find(&self, css: &str) -> Element {
        let value = wait_for(
            &format!("an element matching `{css}`"),
            Duration::from_secs(15),
            || {
                request(
                    &self.base,
                    "POST",
                    "/element",
                    Some(json!({"using": "css selector", "value": css})),
                )
                .ok()
            },
        );
        let id = value
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .expect("element reference");
        Element { id: id.to_owned() }
    }

    pub fn click(&self, element: &Element) {
        self.cmd(
            "POST",
            &format!("/element/{}/click", element.id),
            Some(json!({})),
        );
    }

    /// Types `text` into the element key by key, as WebDriver's Element Send Keys does.
    pub fn send_keys(&self, element: &Element, text: &str) {
        self.cmd(
            "POST",
            &format!("/element/{}/value", element.id),
            Some(json!({ "text": text })),
        );
    }

    /// Presses a key chord, e.g. `["\u{E009}", "v"]` for Ctrl+V, through the Actions API.
    pub fn chord(&self, keys: &[&str]) {
        let mut actions: Vec<Value> = keys
            .iter()
            .map(|k| json!({"type": "keyDown", "value": k}))
            .collect();
        actions.extend(
            keys.iter()
                .rev()
                .map(|k| json!({"type": "keyUp", "value": k})),
        );
        self.cmd(
            "POST",
            "/actions",
            Some(json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})),
        );
        self.cmd("DELETE", "/actions", None);
    }

    /// A Chrome DevTools Protocol command through ChromeDriver.
    pub fn cdp(&self, command: &str, params: Value) -> Value {
        self.cmd(
            "POST",
            "/goog/cdp/execute",
            Some(json!({ "cmd": command, "params": params })),
        )
    }

    /// Performance log entries since the last call, as parsed DevTools messages.
    pub fn performance_log(&self) -> Vec<Value> {
        let entries = self.cmd("POST", "/se/log", Some(json!({"type": "performance"})));
        entries
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|entry| serde_json::from_str::<Value>(entry["message"].as_str()?).ok())
            .map(|message| message["message"].clone())
            .collect()
    }

    /// The page as a PNG.
    pub fn screenshot_png(&self) -> Vec<u8> {
        use base64::Engine as _;
        let data = self.cmd("GET", "/screenshot", None);
        base64::engine::general_purpose::STANDARD
            .decode(data.as_str().expect("screenshot is base64"))
            .expect("valid base64")
    }

    /// Waits for a `confirm()` or `alert()` dialog, accepts it and returns its text.
    pub fn accept_dialog(&self) -> String {
        let text = wait_for("a dialog to open", Duration::from_secs(15), || {
            request(&self.base, "GET", "/alert/text", None).ok()
        });
        self.cmd("POST", "/alert/accept", Some(json!({})));
        text.as_str().unwrap_or_default().to_owned()
    }

    /// Waits for a `prompt()` dialog, types `answer` into it, accepts it and returns its text.
    pub fn answer_prompt(&self, answer: &str) -> String {
        let text = wait_for("a prompt to open", Duration::from_secs(15), || {
            request(&self.base, "GET", "/alert/text", None).ok()
        });
        self.cmd("POST", "/alert/text", Some(json!({ "text": answer })));
        self.cmd("POST", "/alert/accept", Some(json!({})));
        text.as_str().unwrap_or_default().to_owned()
    }

    /// Polls `script` (a function body returning a value) until `accept` holds for its result.
    /// Waiting on the page's state, never for a fixed time.
    pub fn wait_until(&self, what: &str, script: &str, accept: impl Fn(&Value) -> bool) -> Value {
        wait_for(what, Duration::from_secs(15), || {
            let value = self.execute(script, json!([]));
            accept(&value).then_some(value)
        })
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = request(&self.base, "DELETE", "", None);
    }
}

/// A reference to a DOM element.
pub struct Element {
    id: String,
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

fn request(base: &str, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
    let url = format!("{base}{path}");
    let agent = agent();
    let response = match (method, body) {
        ("GET", _) => agent.get(&url).call(),
        ("DELETE", _) => agent.delete(&url).call(),
        (_, Some(body)) => agent.post(&url).send_json(body),
        (_, None) => agent.post(&url).send_empty(),
    };
    let mut response = response.map_err(|e| e.to_string())?;
    let status = response.status();
    let json: Value = response.body_mut().read_json().map_err(|e| e.to_string())?;
    if status.is_success() {
        Ok(json["value"].clone())
    } else {
        Err(format!("{status}: {}", json["value"]))
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port()
}

/// Polls `probe` every 20 ms until it returns `Some`, failing after `timeout` with `what`.
pub fn wait_for<T>(what: &str, timeout: Duration, mut probe: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(value) = probe() {
            return value;
        }
        assert!(
            start.elapsed() < timeout,
            "timed out after {timeout:?} waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}
