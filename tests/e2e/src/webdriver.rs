//! One synchronous browser API for the page tests, driven through the
//! `fantoccini` WebDriver client in whichever engine `E2E_BROWSER` names
//! (`chromium` — the default —, `firefox` or `webkit`):
//!
//! | engine   | driver                               | browser                                        |
//! |----------|--------------------------------------|------------------------------------------------|
//! | chromium | `/usr/bin/chromedriver`              | `/usr/bin/chromium --headless=new`             |
//! | firefox  | `geckodriver` (crates.io, `~/.cargo/bin`) | `/usr/bin/firefox-esr -headless`          |
//! | webkit   | `/usr/bin/WebKitWebDriver`           | WebKitGTK's MiniBrowser under Xvfb ([`crate::xvfb`]) |
//!
//! W3C WebDriver does the work in every engine (navigation, scripts, frames,
//! keys, window size, screenshots). Chrome DevTools commands
//! ([`Browser::cdp`]) are used where they are exact (viewport, media
//! emulation, full-page shots) and are Chromium-only; the other engines get
//! the colour scheme, reduced motion and scripts-off from their own settings
//! (Firefox preferences; MiniBrowser's `--dark-mode` and
//! `--enable-javascript=false`, GTK's `gtk-enable-animations`).
//!
//! Console warnings and errors, uncaught errors and CSP violations are
//! recorded in every page and frame before its own scripts ([`RECORDER`]): in
//! Chromium by `Page.addScriptToEvaluateOnNewDocument`; in every engine by the
//! test server, which puts `<script src="/__rc-recorder.js">` first in the
//! `<head>` of each HTML page it serves (allowed by the strict CSP as
//! `'self'`); and for `file://` pages outside Chromium by opening a copy with
//! the recorder inlined.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
pub const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";
pub const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/// Installed in every page and frame before its own scripts: records console
/// warnings and errors, uncaught errors and CSP violations in `window.__rc`.
/// Runs once per document however many ways it arrives.
pub const RECORDER: &str = r#"
(() => {
  if (window.__rc) return;
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

/// User CSS for MiniBrowser's GTK widgets: its toolbar shrinks to nothing.
const GTK_CSS: &str = "window * { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px; -gtk-icon-transform: scale(0.01); }
entry, button, toolbar, headerbar, box { min-width: 0; min-height: 0; }
";

/// Firefox's own widgets: no toolbars, no minimum width.
const FIREFOX_CHROME_CSS: &str = "#navigator-toolbox { display: none !important; }
:root, #main-window, #browser, #tabbrowser-tabbox, #nav-bar, #urlbar-container { min-width: 0 !important; }
";

/// What [`Browser::wait_until`] wraps around its script: the script's
/// value, or that it threw.
const WAIT_HEAD: &str = "try { const v = (function () {\n";
const WAIT_TAIL: &str = "\n}).apply(this, arguments);
  const plain = v === null || typeof v !== 'object' || Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype;
  return [true, plain ? v : true];
} catch (e) { return [false, String(e)]; }";

/// The browser engine a test runs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

impl Engine {
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

    /// The engine `E2E_BROWSER` names (`chromium`, `firefox`, `webkit`; unset: Chromium).
    /// Panics on any other value, naming it.
    pub fn from_env() -> Engine {
        match std::env::var("E2E_BROWSER") {
            Err(_) => Engine::Chromium,
            Ok(name) => Engine::parse(&name)
                .unwrap_or_else(|| panic!("E2E_BROWSER={name:?}: expected chromium, firefox or webkit")),
        }
    }

    pub fn parse(name: &str) -> Option<Engine> {
        Engine::ALL.into_iter().find(|e| e.name() == name.trim().to_ascii_lowercase())
    }

    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Options {
    /// Viewport size in CSS pixels.
    pub width: u32,
    pub height: u32,
    pub javascript: bool,
    /// `light` or `dark`.
    pub color_scheme: &'static str,
    /// Forced colours (`forced-colors: active`, as Windows' contrast themes),
    /// their palette light or dark by `color_scheme`: Chromium by DevTools'
    /// media emulation, Firefox by its "override the page's colours"
    /// preference; WebKitGTK has no such mode (a test reads
    /// `matchMedia('(forced-colors: active)')` to know).
    pub forced_colors: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { width: 1280, height: 900, javascript: true, color_scheme: "light", forced_colors: false }
    }
}

/// A browser with one WebDriver session, driven synchronously: each call runs
/// the `fantoccini` future to completion on the browser's own small runtime.
pub struct Browser {
    engine: Engine,
    /// Taken when the browser is dropped (closed, or kept: [`KeptFirefox`]).
    session: Option<Session>,
    /// The preferences the session started with (a kept session's key).
    prefs: Prefs,
    /// Whether the session is one a finished test left ([`KeptFirefox`]).
    reused: bool,
    /// Key of this browser's init scripts in [`INIT_SCRIPTS`] (engines without CDP).
    id: u64,
    /// Hosts this browser has been given its init-script cookie for.
    cookie_hosts: Mutex<Vec<String>>,
    /// Copies of `file://` pages with the recorder inlined (engines without CDP).
    copies: Mutex<Vec<PathBuf>>,
}

/// A WebDriver session and what runs it: the driver process, the runtime the
/// client's futures run on, and the browser's own settings directory (its
/// Firefox profile, WebKit's GTK settings), removed when it closes.
struct Session {
    runtime: tokio::runtime::Runtime,
    client: Client,
    driver: Child,
    scratch: Option<PathBuf>,
}

impl Session {
    /// Starts the engine's WebDriver and a browser with `options`' preferences
    /// (`id` names its own settings directory).
    fn start(engine: Engine, options: &Options, id: u64) -> Session {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
        let port = free_port();
        let mut scratch = None;
        let dark = options.color_scheme == "dark";
        let (mut cmd, caps) = match engine {
            Engine::Chromium => {
                let mut cmd = Command::new(CHROMEDRIVER);
                cmd.arg(format!("--port={port}"));
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
                (cmd, json!({"browserName": "chrome", "goog:chromeOptions": { "binary": CHROMIUM, "args": args }}))
            }
            Engine::Firefox => {
                let mut cmd = Command::new(geckodriver());
                // System access: a kept session's data is cleared in the chrome context ([`KeptFirefox`]).
                cmd.args(["--port", &port.to_string(), "--log", "fatal", "--allow-system-access"]);
                // A profile of this browser alone, whose userChrome.css lets the
                // window shrink below Firefox's toolbar width (phone viewports).
                let dir = std::env::temp_dir().join(format!("rc-e2e-firefox-{}-{id}", std::process::id()));
                std::fs::create_dir_all(dir.join("chrome")).expect("Firefox profile dir");
                std::fs::write(dir.join("chrome/userChrome.css"), FIREFOX_CHROME_CSS).expect("userChrome.css");
                let profile = dir.to_string_lossy().into_owned();
                scratch = Some(dir);
                // Headless Firefox's screen, large enough for full-page screenshots.
                cmd.env("MOZ_HEADLESS_WIDTH", "1920").env("MOZ_HEADLESS_HEIGHT", "1080");
                let mut prefs = json!({
                    "layout.css.prefers-color-scheme.content-override": if dark { 0 } else { 1 },
                    "ui.systemUsesDarkTheme": if dark { 1 } else { 0 },
                    "ui.prefersReducedMotion": 1,
                    "javascript.enabled": options.javascript,
                    "layout.css.devPixelsPerPx": "1.0",
                    "browser.shell.checkDefaultBrowser": false,
                    "app.update.disabledForTesting": true,
                    "datareporting.policy.dataSubmissionEnabled": false,
                    "toolkit.telemetry.enabled": false,
                    "network.captive-portal-service.enabled": false,
                    "browser.safebrowsing.update.enabled": false,
                    "toolkit.legacyUserProfileCustomizations.stylesheets": true,
                });
                if options.forced_colors {
                    // 2: always override the page's colours, with these (forced-colors: active).
                    let (fg, bg) = if dark { ("#ffffff", "#000000") } else { ("#000000", "#ffffff") };
                    prefs["browser.display.document_color_use"] = json!(2);
                    prefs["browser.display.use_system_colors"] = json!(false);
                    prefs["browser.display.foreground_color"] = json!(fg);
                    prefs["browser.display.background_color"] = json!(bg);
                    // Links as a contrast theme draws them (Firefox's default blue is for white).
                    let link = if dark { "#ffff00" } else { "#0000ee" };
                    prefs["browser.anchor_color"] = json!(link);
                    prefs["browser.visited_color"] = json!(link);
                }
                let args = json!(["-headless", "-profile", profile]);
                (
                    cmd,
                    json!({"browserName": "firefox", "moz:firefoxOptions": {"binary": FIREFOX, "args": args, "prefs": prefs}}),
                )
            }
            Engine::WebKit => {
                let mut cmd = Command::new(WEBKIT_DRIVER);
                cmd.arg(format!("--port={port}"));
                // GTK settings of this browser alone: no animations (→ prefers-reduced-motion: reduce).
                let dir = std::env::temp_dir().join(format!("rc-e2e-webkit-{}-{id}", std::process::id()));
                std::fs::create_dir_all(dir.join("gtk-3.0")).expect("GTK settings dir");
                std::fs::write(dir.join("gtk-3.0/settings.ini"), "[Settings]\ngtk-enable-animations=false\n")
                    .expect("GTK settings");
                // MiniBrowser's toolbar would keep its window 447 px wide at least: shrink
                // the browser's own widgets (not the page) so 320 px phone viewports fit.
                std::fs::write(dir.join("gtk-3.0/gtk.css"), GTK_CSS).expect("GTK CSS");
                cmd.env("XDG_CONFIG_HOME", &dir).env("DISPLAY", crate::xvfb::display()).env_remove("WAYLAND_DISPLAY");
                scratch = Some(dir);
                let mut args = vec!["--automation"];
                if dark {
                    args.push("--dark-mode");
                }
                if !options.javascript {
                    // Page scripts off (and <noscript> shown); WebDriver's own scripts still run.
                    args.push("--enable-javascript=false");
                }
                (cmd, json!({"webkitgtk:browserOptions": {"binary": MINIBROWSER, "args": args}}))
            }
        };
        let driver = cmd.stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap_or_else(|e| {
            panic!("start the {} WebDriver ({e}); `cargo xtask install` installs it", engine.name())
        });
        let caps: serde_json::Map<String, Value> = serde_json::from_value(caps).expect("capabilities");
        let url = format!("http://127.0.0.1:{port}");
        let client = runtime.block_on(async {
            let deadline = Instant::now() + Duration::from_secs(60);
            let mut builder = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
            builder.capabilities(caps);
            loop {
                match builder.connect(&url).await {
                    Ok(c) => break c,
                    Err(e) if Instant::now() > deadline => panic!("no {} WebDriver session: {e}", engine.name()),
                    Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
                }
            }
        });
        Session { runtime, client, driver, scratch }
    }

    fn close(mut self) {
        let client = self.client;
        let _ = self.runtime.block_on(async { tokio::time::timeout(Duration::from_secs(20), client.close()).await });
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        if let Some(dir) = self.scratch.take() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// What a browser is started with besides its viewport: colour scheme,
/// scripts on, forced colours.
type Prefs = (&'static str, bool, bool);

fn prefs(options: &Options) -> Prefs {
    (options.color_scheme, options.javascript, options.forced_colors)
}

/// Init scripts of the live browsers that cannot inject them themselves,
/// by browser id; the test server appends them to `/__rc-recorder.js` for a
/// request carrying the cookie [`INIT_COOKIE`]`=<id>`.
static INIT_SCRIPTS: OnceLock<Mutex<HashMap<u64, Vec<String>>>> = OnceLock::new();
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// The cookie naming the browser a request for `/__rc-recorder.js` comes from
/// (HTTP-only: pages never see it in `document.cookie`).
pub const INIT_COOKIE: &str = "rc-e2e-browser";

fn init_scripts() -> &'static Mutex<HashMap<u64, Vec<String>>> {
    INIT_SCRIPTS.get_or_init(Default::default)
}

/// The script the test server serves at `/__rc-recorder.js` for a request
/// with this `Cookie` header: the recorder, then that browser's init scripts.
pub fn recorder_for(cookie_header: Option<&str>) -> String {
    let id = cookie_header.and_then(|c| {
        c.split(';').find_map(|kv| kv.trim().strip_prefix(INIT_COOKIE)?.strip_prefix('=')?.trim().parse::<u64>().ok())
    });
    let mut out = RECORDER.to_owned();
    if let Some(scripts) = id.and_then(|id| init_scripts().lock().expect("init scripts").get(&id).cloned()) {
        for s in scripts {
            out.push_str("\n;(() => {\n");
            out.push_str(&s);
            out.push_str("\n})();\n");
        }
    }
    out
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

/// `geckodriver` on PATH or in cargo's bin directory (`cargo xtask install` puts it there).
fn geckodriver() -> PathBuf {
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|h| h.join("bin"));
    std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .chain(cargo_bin)
        .map(|d| d.join("geckodriver"))
        .find(|p| p.exists())
        .expect("geckodriver is not installed: run `cargo xtask install`")
}

/// A WebDriver command fantoccini has no method for (here: ChromeDriver's CDP bridge).
#[derive(Debug)]
struct SessionCommand {
    method: http::Method,
    path: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for SessionCommand {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/{}", session.unwrap_or_default(), self.path))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (self.method.clone(), Some(self.body.to_string()))
    }
}

/// A script's arguments as a list: an array's items, none for null, else the one value.
pub(crate) fn args_list(args: Value) -> Vec<Value> {
    match args {
        Value::Array(a) => a,
        Value::Null => vec![],
        other => vec![other],
    }
}

fn truthy(v: &Value) -> bool {
    !(v.is_null() || *v == json!(false) || *v == json!(0) || *v == json!(""))
}

impl Browser {
    /// A new browser (as a new profile: empty cache, no cookies; in Firefox
    /// perhaps a kept session, cleared: [`KeptFirefox`]) in the engine
    /// `E2E_BROWSER` names, with `options` applied.
    pub fn start(options: Options) -> Browser {
        Browser::start_in(Engine::from_env(), options)
    }

    /// Like [`start`](Self::start), in a given engine (the bench always uses Chromium).
    pub fn start_in(engine: Engine, options: Options) -> Browser {
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        let kept = if engine == Engine::Firefox { KeptFirefox::take(prefs(&options)) } else { None };
        let reused = kept.is_some();
        let session = kept.unwrap_or_else(|| Session::start(engine, &options, id));
        let browser = Browser {
            engine,
            session: Some(session),
            prefs: prefs(&options),
            reused,
            id,
            cookie_hosts: Mutex::new(Vec::new()),
            copies: Mutex::new(Vec::new()),
        };
        if engine == Engine::Chromium {
            browser.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": RECORDER }));
            browser.cdp(
                "Emulation.setEmulatedMedia",
                // Reduced motion: no transitions, so screenshots are the same every run.
                json!({"features": [
                    {"name": "prefers-color-scheme", "value": options.color_scheme},
                    {"name": "prefers-reduced-motion", "value": "reduce"},
                    {"name": "forced-colors", "value": if options.forced_colors { "active" } else { "none" }},
                ]}),
            );
            if !options.javascript {
                browser.cdp("Emulation.setScriptExecutionDisabled", json!({"value": true}));
            }
        }
        browser.set_viewport(options.width, options.height);
        browser
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Whether this browser's session is one a finished test left (Firefox
    /// only, [`KeptFirefox`]); it starts as clean as a new one.
    pub fn reused(&self) -> bool {
        self.reused
    }

    fn session(&self) -> &Session {
        self.session.as_ref().expect("session open")
    }

    fn client(&self) -> &Client {
        &self.session().client
    }

    fn run<T, E: std::fmt::Display>(&self, what: &str, f: impl std::future::Future<Output = Result<T, E>>) -> T {
        self.session().runtime.block_on(f).unwrap_or_else(|e| panic!("WebDriver {what} ({}): {e}", self.engine.name()))
    }

    /// A Chrome DevTools Protocol command (Chromium only: panics in other engines;
    /// a test that needs it calls [`crate::chromium_only`] first).
    pub fn cdp(&self, cmd: &str, params: Value) -> Value {
        assert_eq!(
            self.engine,
            Engine::Chromium,
            "Browser::cdp({cmd}) is Chromium-only: guard the test with e2e::chromium_only"
        );
        let command = SessionCommand {
            method: http::Method::POST,
            path: "goog/cdp/execute",
            body: json!({"cmd": cmd, "params": params}),
        };
        self.run(cmd, self.client().issue_cmd(command))
    }

    /// Runs `source` in every page (and, in Chromium, every frame) loaded from
    /// now on, before the page's own scripts. Outside Chromium: pages the test
    /// server serves over http, and `file://` pages.
    pub fn add_init_script(&self, source: &str) {
        if self.engine == Engine::Chromium {
            self.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": source }));
        } else {
            init_scripts().lock().expect("init scripts").entry(self.id).or_default().push(source.to_owned());
        }
    }

    /// Sets the viewport (the layout viewport, `innerWidth` × `innerHeight`) in CSS pixels.
    pub fn set_viewport(&self, width: u32, height: u32) {
        if self.engine == Engine::Chromium {
            self.cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}),
            );
            return;
        }
        // W3C: size the window, then correct by what the browser's own chrome
        // takes, until the page reports the size (a resize can land late).
        let target = json!([width, height]);
        let deadline = Instant::now() + Duration::from_secs(10);
        self.run("set window size", self.client().set_window_size(width, height));
        loop {
            let inner = self.eval("return [innerWidth, innerHeight];", json!([]));
            if inner == target {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{}: cannot make the viewport {width}×{height} (it is {inner})",
                self.engine.name()
            );
            let (w, h) = self.run("get window size", self.client().get_window_size());
            let fix = |outer: u64, want: u32, got: &Value| {
                (outer as i64 + want as i64 - got.as_i64().unwrap_or(0)).max(1) as u32
            };
            self.run(
                "set window size",
                self.client().set_window_size(fix(w, width, &inner[0]), fix(h, height, &inner[1])),
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// `print` or `` (screen): Chromium only (DevTools' media emulation; no
    /// other engine offers print emulation to WebDriver).
    pub fn emulate_media(&self, media: &str) {
        self.cdp("Emulation.setEmulatedMedia", json!({ "media": media }));
    }

    /// Navigates and waits for the page to load.
    pub fn goto(&self, url: &str) {
        let url = if self.engine == Engine::Chromium { url.to_owned() } else { self.prepare(url) };
        self.run(&format!("goto {url}"), self.client().goto(&url));
    }

    /// Reloads the page and waits for the new document to load (W3C Refresh).
    /// (`location.reload()` in [`eval`](Self::eval) returns before the old
    /// document is gone, so a wait right after it may read the old one.)
    pub fn reload(&self) {
        self.run("refresh", self.client().refresh());
    }

    /// Outside Chromium: gives the browser its init-script cookie for an http
    /// URL's host, or returns a copy of a `file://` page with the recorder
    /// and init scripts inlined.
    fn prepare(&self, url: &str) -> String {
        let scripts = init_scripts().lock().expect("init scripts").get(&self.id).cloned().unwrap_or_default();
        if let Some(path) = url.strip_prefix("file://") {
            let (path, rest) = path.split_at(path.find(['?', '#']).unwrap_or(path.len()));
            let html = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {path}: {e}"));
            let mut inline = format!("<script>{RECORDER}");
            for s in &scripts {
                inline.push_str(&format!("\n;(() => {{\n{s}\n}})();\n"));
            }
            inline.push_str("</script>");
            let dir = std::env::temp_dir().join(format!(
                "rc-e2e-file-{}-{}-{}",
                std::process::id(),
                self.id,
                self.copies.lock().unwrap().len()
            ));
            std::fs::create_dir_all(&dir).expect("temp dir");
            let copy = dir.join(Path::new(path).file_name().expect("file name"));
            std::fs::write(&copy, crate::server::with_head_script(&html, &inline)).expect("write page copy");
            self.copies.lock().unwrap().push(dir);
            return format!("file://{}{rest}", copy.display());
        }
        if scripts.is_empty() {
            return url.to_owned();
        }
        let Ok(parsed) = url::Url::parse(url) else { return url.to_owned() };
        let host = parsed.host_str().unwrap_or_default().to_owned();
        if parsed.scheme() == "http" && !self.cookie_hosts.lock().unwrap().contains(&host) {
            // A cookie needs a page of its host: the server's empty page.
            let blank = parsed.join("/__rc-blank").expect("url");
            self.run("goto blank", self.client().goto(blank.as_str()));
            let mut cookie = fantoccini::cookies::Cookie::new(INIT_COOKIE, self.id.to_string());
            cookie.set_path("/");
            cookie.set_domain(host.clone());
            cookie.set_secure(false);
            cookie.set_same_site(cookie::SameSite::Lax);
            cookie.set_http_only(true);
            self.run("add cookie", self.client().add_cookie(cookie));
            self.cookie_hosts.lock().unwrap().push(host);
        }
        url.to_owned()
    }

    /// Runs `script` (a function body; `arguments` holds `args`) and returns its value.
    pub fn eval(&self, script: &str, args: Value) -> Value {
        self.run("execute", self.client().execute(script, args_list(args)))
    }

    /// Like [`eval`](Self::eval); the script calls `arguments[arguments.length - 1](value)`.
    pub fn eval_async(&self, script: &str, args: Value) -> Value {
        self.run("execute async", self.client().execute_async(script, args_list(args)))
    }

    /// Waits until the expression is truthy (20 s at most, then panics naming
    /// it). An expression that throws (e.g. reads a property of an element not
    /// there yet) counts as not yet; the timeout names the last error. For a
    /// condition on data, [`wait_until`](Self::wait_until) takes it as arguments.
    pub fn wait_for(&self, expression: &str) -> Value {
        self.wait_until(&["return (", expression, ");"].concat(), json!([]))
    }

    /// [`wait_for`](Self::wait_for) with another limit (a page as heavy as
    /// WordPress's block editor, in WebKit on a shared 2-core machine).
    pub fn wait_for_within(&self, expression: &str, limit: Duration) -> Value {
        self.wait_until_within(&["return (", expression, ");"].concat(), json!([]), limit)
    }

    /// Waits until `script` (a constant function body, like
    /// [`eval`](Self::eval)'s; `arguments` holds `args`) returns something
    /// truthy, and returns it (20 s at most, then panics naming the script and
    /// its arguments). A script that throws counts as not yet; the timeout
    /// names the last error.
    pub fn wait_until(&self, script: &str, args: Value) -> Value {
        self.wait_until_within(script, args, Duration::from_secs(20))
    }

    /// [`wait_until`](Self::wait_until) with another limit.
    pub fn wait_until_within(&self, script: &str, args: Value, limit: Duration) -> Value {
        let deadline = Instant::now() + limit;
        // A window, element or other host object comes back as `true`: only
        // plain values cross WebDriver in every engine (WebKit refuses cycles).
        let polled = [WAIT_HEAD, script, WAIT_TAIL].concat();
        loop {
            let result = self.eval(&polled, args.clone());
            if result[0] == json!(true) && truthy(&result[1]) {
                return result[1].clone();
            }
            let thrown = if result[0] == json!(false) { format!(" (last: {})", result[1]) } else { String::new() };
            // A long script is named by its first line; its arguments say which query it was.
            let named = script.trim().lines().next().unwrap_or_default();
            let named = if script.trim().contains('\n') { format!("{named} …") } else { named.to_owned() };
            assert!(
                Instant::now() < deadline,
                "timed out ({}) waiting for: {named}{thrown} with arguments {args}",
                self.engine.name()
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Waits `ms` milliseconds in the page (a timer of its own, so its tasks run meanwhile).
    pub fn pause(&self, ms: u64) {
        self.eval_async("setTimeout(arguments[arguments.length - 1], arguments[0]);", json!([ms]));
    }

    /// Switches into frame `index` (a number), or back to the parent (`null`).
    pub fn switch_frame(&self, id: Value) {
        match id {
            Value::Null => self.run("switch to parent frame", self.client().enter_parent_frame()),
            id => {
                let index = id.as_u64().and_then(|i| u16::try_from(i).ok()).expect("frame index");
                self.run("switch to frame", self.client().enter_frame(index))
            }
        }
    }

    /// Console warnings, errors and CSP violations the page recorded
    /// (`{warnings: [..], errors: [..], csp: [..]}`), or null without a recorder.
    pub fn recorded(&self) -> Value {
        self.eval("return window.__rc || null;", json!([]))
    }

    /// Presses and releases a key (WebDriver key codes, e.g. "\u{E004}" for Tab).
    pub fn press(&self, key: &str) {
        let mut keys = KeyActions::new("keyboard".into());
        for value in key.chars() {
            keys = keys.then(KeyAction::Down { value }).then(KeyAction::Up { value });
        }
        self.run("press", self.client().perform_actions(keys));
    }

    /// A PNG of the viewport as it is painted now (W3C WebDriver "Take
    /// Screenshot"), in CSS pixels at device scale factor 1; any engine.
    pub fn viewport_png(&self) -> Vec<u8> {
        self.run("screenshot", self.client().screenshot())
    }

    /// A PNG of the whole page (beyond the viewport, up to 16 000 px), written to `path`.
    pub fn screenshot(&self, path: &Path) {
        let png = if self.engine == Engine::Chromium {
            use base64::Engine as _;
            let shot = self.cdp("Page.captureScreenshot", json!({"format": "png", "captureBeyondViewport": true}));
            base64::engine::general_purpose::STANDARD.decode(shot["data"].as_str().expect("png data")).expect("base64")
        } else {
            // W3C: grow the viewport to the page, shoot it, and restore it.
            let size = self.eval(
                "return [innerWidth, innerHeight, Math.min(16000, document.documentElement.scrollHeight)];",
                json!([]),
            );
            let (w, h, page) =
                (size[0].as_u64().unwrap() as u32, size[1].as_u64().unwrap() as u32, size[2].as_u64().unwrap() as u32);
            if page > h {
                self.set_viewport(w, page);
            }
            let png = self.viewport_png();
            if page > h {
                self.set_viewport(w, h);
            }
            png
        };
        std::fs::write(path, png).expect("write screenshot");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        init_scripts().lock().map(|mut m| m.remove(&self.id)).ok();
        for dir in self.copies.lock().map(|c| c.clone()).unwrap_or_default() {
            let _ = std::fs::remove_dir_all(dir);
        }
        let Some(session) = self.session.take() else { return };
        if self.engine == Engine::Firefox && !std::thread::panicking() {
            KeptFirefox::keep(self.prefs, session);
        } else {
            session.close();
        }
    }
}

/// A Firefox session kept, once its test is done, for the next test in this
/// process that asks for the same preferences: Firefox takes about 2.5 s (and
/// as much CPU) to start, against 0.6 s for Chromium and WebKitGTK, and the
/// page tests start a few hundred browsers. Before it is kept its tabs are
/// replaced by one new `about:blank` tab (no session history, no
/// `sessionStorage`) and everything a site can leave is cleared (cookies,
/// storage, cache, permissions, history), so the next test starts as in a
/// new profile. A test that panicked does not hand its session on. The kept
/// sessions are closed when the test process exits.
struct KeptFirefox {
    prefs: Prefs,
    session: Session,
}

/// At most this many sessions wait (two test threads, a few sets of preferences).
const KEPT_FIREFOX_MAX: usize = 4;

static KEPT_FIREFOX: Mutex<Vec<KeptFirefox>> = Mutex::new(Vec::new());
static CLOSE_KEPT_AT_EXIT: std::sync::Once = std::sync::Once::new();

/// Clears what sites left, in the chrome context (`Services.clearData`).
const CLEAR_ALL_DATA: &str = "const done = arguments[arguments.length - 1];
  Services.clearData.deleteData(Ci.nsIClearDataService.CLEAR_ALL, () => done(true));";

impl KeptFirefox {
    fn take(prefs: Prefs) -> Option<Session> {
        let mut kept = KEPT_FIREFOX.lock().ok()?;
        let i = kept.iter().position(|k| k.prefs == prefs)?;
        Some(kept.swap_remove(i).session)
    }

    /// Resets the session and keeps it; closes it instead when that fails
    /// or enough sessions wait already.
    fn keep(prefs: Prefs, session: Session) {
        if KEPT_FIREFOX.lock().map_or(true, |k| k.len() >= KEPT_FIREFOX_MAX) {
            return session.close();
        }
        let client = &session.client;
        let reset = session.runtime.block_on(async {
            tokio::time::timeout(Duration::from_secs(10), async {
                let old = client.windows().await?;
                let tab = client.new_window(true).await?.handle;
                for handle in old {
                    client.switch_to_window(handle).await?;
                    client.close_window().await?;
                }
                client.switch_to_window(tab).await?;
                let context = |context: &str| SessionCommand {
                    method: http::Method::POST,
                    path: "moz/context",
                    body: json!({ "context": context }),
                };
                client.issue_cmd(context("chrome")).await?;
                let cleared = client.execute_async(CLEAR_ALL_DATA, vec![]).await;
                client.issue_cmd(context("content")).await?;
                cleared.map(|_| ())
            })
            .await
        });
        if !matches!(reset, Ok(Ok(()))) {
            return session.close();
        }
        CLOSE_KEPT_AT_EXIT.call_once(|| {
            // SAFETY: registers a function taking and returning nothing with the C library's exit handlers.
            unsafe { atexit(close_kept_firefox) };
        });
        KEPT_FIREFOX.lock().expect("kept sessions").push(KeptFirefox { prefs, session });
    }
}

extern "C" {
    fn atexit(callback: extern "C" fn()) -> std::os::raw::c_int;
}

/// At exit: closes the kept sessions (their Firefox would outlive the tests).
extern "C" fn close_kept_firefox() {
    let kept = KEPT_FIREFOX.lock().map(|mut k| std::mem::take(&mut *k)).unwrap_or_default();
    for k in kept {
        k.session.close();
    }
}
