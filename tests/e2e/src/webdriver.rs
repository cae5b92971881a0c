//! A small WebDriver client for the system Chromium through ChromeDriver,
//! with Chrome DevTools commands (ChromeDriver's `goog/cdp/execute`) for what
//! WebDriver lacks: viewport, media emulation, scripts off, full-page shots.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Installed in every page and frame before its own scripts: records console
/// warnings and errors, uncaught errors and CSP violations in `window.__rc`.
const RECORDER: &str = r#"
(() => {
  const log = { warnings: [], errors: [], csp: [] };
  Object.defineProperty(window, '__rc', { value: log });
  const text = (args) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  const warn = console.warn.bind(console), error = console.error.bind(console);
  console.warn = (...args) => { log.warnings.push(text(args)); warn(...args); };
  console.error = (...args) => { log.errors.push(text(args)); error(...args); };
  addEventListener('error', (e) => log.errors.push('uncaught: ' + e.message));
  addEventListener('unhandledrejection', (e) => log.errors.push('unhandled rejection: ' + e.reason));
  document.addEventListener('securitypolicyviolation', (e) => log.csp.push(e.violatedDirective + ' ' + e.blockedURI));
})();
"#;

#[derive(Clone, Debug)]
pub struct Options {
    pub width: u32,
    pub height: u32,
    pub javascript: bool,
    /// `light` or `dark`.
    pub color_scheme: &'static str,
}

impl Default for Options {
    fn default() -> Self {
        Options { width: 1280, height: 900, javascript: true, color_scheme: "light" }
    }
}

pub struct Browser {
    driver: Child,
    base: String,
    session: String,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

fn request(method: &str, url: &str, body: Option<Value>) -> Result<Value, String> {
    let req = ureq::request(method, url).timeout(Duration::from_secs(60));
    let res = match body {
        Some(body) => req.send_json(body),
        None => req.call(),
    };
    let value: Value = match res {
        Ok(r) => r.into_json().map_err(|e| e.to_string())?,
        Err(ureq::Error::Status(code, r)) => {
            let body: Value = r.into_json().unwrap_or(Value::Null);
            return Err(format!("HTTP {code}: {}", body["value"]["message"].as_str().unwrap_or("?")));
        }
        Err(e) => return Err(e.to_string()),
    };
    Ok(value["value"].clone())
}

impl Browser {
    pub fn start(options: Options) -> Browser {
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver (cargo xtask test installs it)");
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while request("GET", &format!("{base}/status"), None).map(|v| v["ready"] != json!(true)).unwrap_or(true) {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        let args = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            "--allow-file-access-from-files",
            "--enable-precise-memory-info",
        ];
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": CHROMIUM, "args": args },
        }}});
        let session = request("POST", &format!("{base}/session"), Some(caps)).expect("new WebDriver session");
        let session = session["sessionId"].as_str().expect("session id").to_owned();
        let browser = Browser { driver, base, session };
        browser.add_init_script(RECORDER);
        browser.set_viewport(options.width, options.height);
        browser.cdp(
            "Emulation.setEmulatedMedia",
            // Reduced motion: no transitions, so screenshots are the same every run.
            json!({"features": [
                {"name": "prefers-color-scheme", "value": options.color_scheme},
                {"name": "prefers-reduced-motion", "value": "reduce"},
            ]}),
        );
        if !options.javascript {
            browser.cdp("Emulation.setScriptExecutionDisabled", json!({"value": true}));
        }
        browser
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        request(method, &format!("{}/session/{}{path}", self.base, self.session), body)
            .unwrap_or_else(|e| panic!("WebDriver {method} {path}: {e}"))
    }

    /// A Chrome DevTools Protocol command.
    pub fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.call("POST", "/goog/cdp/execute", Some(json!({"cmd": cmd, "params": params})))
    }

    /// Runs `source` in every page and frame loaded from now on, before the page's own scripts.
    pub fn add_init_script(&self, source: &str) {
        self.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": source }));
    }

    pub fn set_viewport(&self, width: u32, height: u32) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}),
        );
    }

    /// `print` or `` (screen).
    pub fn emulate_media(&self, media: &str) {
        self.cdp("Emulation.setEmulatedMedia", json!({ "media": media }));
    }

    pub fn goto(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    /// Runs `script` (a function body; `arguments` holds `args`) and returns its value.
    pub fn eval(&self, script: &str, args: Value) -> Value {
        self.call("POST", "/execute/sync", Some(json!({"script": script, "args": args})))
    }

    /// Like [`eval`](Self::eval); the script calls `arguments[arguments.length - 1](value)`.
    pub fn eval_async(&self, script: &str, args: Value) -> Value {
        self.call("POST", "/execute/async", Some(json!({"script": script, "args": args})))
    }

    /// Waits until the expression is truthy (10 s at most, then panics naming it).
    pub fn wait_for(&self, expression: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let value = self.eval(&format!("return ({expression});"), json!([]));
            if !(value.is_null() || value == json!(false) || value == json!(0) || value == json!("")) {
                return value;
            }
            assert!(Instant::now() < deadline, "timed out waiting for: {expression}");
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Switches into frame `index` (a number), or back to the top page (`null`).
    pub fn switch_frame(&self, id: Value) {
        match id {
            Value::Null => self.call("POST", "/frame/parent", Some(json!({}))),
            id => self.call("POST", "/frame", Some(json!({ "id": id }))),
        };
    }

    /// Console warnings, errors and CSP violations the page recorded.
    pub fn recorded(&self) -> Value {
        self.eval("return window.__rc || null;", json!([]))
    }

    /// Presses and releases a key (WebDriver key codes, e.g. "\u{E004}" for Tab).
    pub fn press(&self, key: &str) {
        let actions = json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
            {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}
        ]}]});
        self.call("POST", "/actions", Some(actions));
    }

    /// A PNG of the viewport as it is painted now (W3C WebDriver "Take
    /// Screenshot", `GET /session/{id}/screenshot`), in CSS pixels at device
    /// scale factor 1; any engine.
    pub fn viewport_png(&self) -> Vec<u8> {
        use base64::Engine as _;
        let shot = self.call("GET", "/screenshot", None);
        base64::engine::general_purpose::STANDARD.decode(shot.as_str().expect("png data")).expect("base64")
    }

    /// A PNG of the whole page (beyond the viewport), written to `path`.
    pub fn screenshot(&self, path: &std::path::Path) {
        use base64::Engine as _;
        let shot = self.cdp("Page.captureScreenshot", json!({"format": "png", "captureBeyondViewport": true}));
        let png = base64::engine::general_purpose::STANDARD.decode(shot["data"].as_str().expect("png data")).expect("base64");
        std::fs::write(path, png).expect("write screenshot");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = request("DELETE", &format!("{}/session/{}", self.base, self.session), None);
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
