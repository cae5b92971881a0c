//! The package in the frameworks career sites are built with, as README's
//! recipes say (tests/consumers/; `cargo xtask consumers` builds them):
//! webpack 5 and Astro 5 (static files, served here: every engine), Next.js
//! 16's app router under `next start` and `next dev` (its own server: the
//! page's console is recorded by an init script, which only Chromium's
//! DevTools can add to another server's pages, so those run in Chromium).
//!
//! In each: the server's (or the build's) HTML holds the asked view in a
//! declarative shadow root, nothing moves when the widget starts, the widget
//! goes live, a click changes the view and the app hears the event, and
//! nothing is logged (no console error, no hydration warning).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use e2e::{dataset, root, Browser, Options, Server, Widget};
use serde_json::{json, Value};

/// Records, once the document is parsed and the fallbacks' stylesheets have
/// loaded (a stylesheet in a shadow root does not hold DOMContentLoaded back
/// in every engine), the box of each element the tests compare, and whether
/// any widget was live by then.
const BEFORE: &str = r#"
document.addEventListener("DOMContentLoaded", () => {
  const hosts = [...document.querySelectorAll("role-compare")];
  const links = hosts.flatMap((e) => (e.shadowRoot ? [...e.shadowRoot.querySelectorAll("link[rel=stylesheet]")] : []));
  const loaded = links.map((l) => (l.sheet ? null : new Promise((go) => { l.addEventListener("load", go); l.addEventListener("error", go); })));
  Promise.all(loaded).then(() => {
    const boxes = [...document.querySelectorAll("role-compare, #below, #between")].map((e) => {
      const r = e.getBoundingClientRect();
      return [e.id || e.parentElement.id, Math.round(r.top), Math.round(r.height)];
    });
    const live = hosts.some((e) => e.shadowRoot && e.shadowRoot.querySelector(".rc-live"));
    window.__before = JSON.stringify({ boxes, live, links: links.length });
  });
});
"#;

fn boxes_now(b: &Browser) -> Value {
    b.eval(
        "return [...document.querySelectorAll('role-compare, #below, #between')].map((e) => { const r = e.getBoundingClientRect(); return [e.id || e.parentElement.id, Math.round(r.top), Math.round(r.height)]; });",
        json!([]),
    )
}

/// A consumer project's folder, checked to be built.
fn consumer(path: &str, built: &str) -> PathBuf {
    let dir = root().join(path);
    assert!(dir.join(built).exists(), "{} is missing: run `cargo xtask consumers`", dir.join(built).display());
    dir
}

/// The widget inside `host` (a CSS selector of its container).
fn widget<'b>(b: &'b Browser, host: &str) -> Widget<'b> {
    Widget::element(b, &format!("{host} role-compare"))
}

/// The text of the app's element with this id, once it has some.
fn text_of(b: &Browser, id: &str) -> Value {
    b.wait_until("const e = document.getElementById(arguments[0]); return e && e.textContent;", json!([id]))
}

/// No console warning, error or CSP report was recorded (hydration warnings are console errors).
fn assert_clean(b: &Browser, what: &str) {
    assert!(!b.recorded().is_null(), "{what}: no recorder in the page");
    let console = b.console();
    assert!(console == e2e::Console::default(), "{what}: {console:?}");
}

/// The boxes before any widget was live ([`BEFORE`]) are the boxes once every widget is live.
fn assert_nothing_moved(b: &Browser, what: &str) {
    let before: Value = serde_json::from_str(b.wait_for("window.__before").as_str().unwrap()).unwrap();
    assert_eq!(before["live"], json!(false), "{what}: a widget was live before the first measure");
    assert!(before["links"].as_u64() > Some(0), "{what}: the fallbacks link their stylesheet");
    // Two frames more, for any late layout.
    b.eval_async("requestAnimationFrame(() => requestAnimationFrame(() => arguments[0]()));", json!([]));
    assert_eq!(before["boxes"], boxes_now(b), "{what}: [id, top, height] moved when the widgets started");
}

/// Clicks the Salary toggle of the widget in `host`; waits until the app's
/// `output` shows the event's detail; returns its categories.
fn click_heard(b: &Browser, host: &str, output: &str) -> Value {
    let w = widget(b, host);
    let before = w.sections();
    w.toggle(dataset::salary());
    let text = text_of(b, output);
    let detail: Value = serde_json::from_str(text.as_str().unwrap()).unwrap();
    let after = w.sections();
    assert_ne!(before, after, "{host}: the click changed the view");
    assert_eq!(json!(after), detail["categories"], "{host}: the app heard the view the widget shows");
    detail["categories"].clone()
}

/// Static files: served by the test server (its recorder in every page), so every engine.
fn open_static(dir: &Path, page: &str) -> (Server, Browser) {
    let s = Server::start(dir.to_path_buf(), dir.to_path_buf());
    let b = Browser::start(Options::default());
    b.add_init_script(BEFORE);
    b.goto(&s.url(page));
    (s, b)
}

/// A bundler's static build: its `/index.html` opened, the widget in `#host`
/// live with its wasm fetched from under `assets` (where the bundler put
/// it), nothing moved; returns the server, the browser and the view the app
/// printed in `#view` once `ready` resolved.
fn live_static(dir: &Path, assets: &str, what: &str) -> (Server, Browser, Value) {
    let (s, b) = open_static(dir, "/index.html");
    widget(&b, "#host").wait_live();
    let requests = s.requests();
    assert!(requests.iter().any(|r| r.starts_with(assets) && r.ends_with(".wasm")), "{what}: {requests:?}");
    assert_nothing_moved(&b, what);
    let view = serde_json::from_str(text_of(&b, "view").as_str().unwrap()).unwrap();
    (s, b, view)
}

/// A static page made in Node with `fallback()` (tests/consumers/plain/fallback.mjs):
/// the second comparison in Spanish, dark, two categories, its stylesheets
/// from the package's folder; the loader makes it live in place.
#[test]
fn a_page_made_with_fallback_in_node_goes_live_in_place() {
    let dir = consumer("tests/consumers/plain", "fallback-page.html");
    let (_s, b) = open_static(&dir, "/fallback-page.html");
    let w = widget(&b, "body");
    w.wait_live();
    assert_nothing_moved(&b, "fallback page");
    assert_eq!(text_of(&b, "ready"), json!("ready"));
    assert_eq!(w.sections(), [dataset::skills(), dataset::salary()]);
    assert_eq!(w.attribute(".rc", "lang").as_deref(), Some("es"));
    assert_eq!(w.theme().as_deref(), Some("dark"));
    assert_eq!(click_heard(&b, "body", "last-change"), json!(["skills"]));
    assert_clean(&b, "fallback page");
}

/// README's webpack 5 recipe (its `performance` setting; the build warned of
/// nothing), on a page made with role-compare/fallback at build time.
#[test]
fn webpack_bundle_starts_over_its_fallback_and_the_app_hears_the_change() {
    let dir = consumer("tests/consumers/webpack/public", "build/main.js");
    let (_s, b, view) = live_static(&dir, "/build/", "webpack");
    assert_eq!(view["categories"], json!(["skills", "salary"]), "the view when ready resolved");
    assert_eq!(view["highlight"], json!(true), "highlight=\"true\", as frameworks write it");
    assert_eq!(click_heard(&b, "#host", "last-change"), json!(["skills"]));
    assert_clean(&b, "webpack");
}

/// README's Astro recipe, static output: the page's HTML holds the
/// fallback's markup (made at build time), Astro's bundled client script
/// makes it live.
#[test]
fn astro_static_page_holds_the_fallback_and_goes_live_in_place() {
    let dir = consumer("tests/consumers/astro/dist", "index.html");
    let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(
        html.contains("<role-compare categories=\"salary,skills\" theme=\"dark\" lang=\"en\" comparison=\"respiratory-therapist-vs-ecmo-specialist\">")
            && html.contains("shadowrootmode=\"open\"")
            && html.contains("href=\"/role-compare/role-compare.css\""),
        "the built page holds the markup"
    );
    let (_s, b, view) = live_static(&dir, "/_astro/", "astro");
    assert_eq!(view["comparison"], json!("respiratory-therapist-vs-ecmo-specialist"));
    assert_eq!(widget(&b, "#host").sections(), ["skills", "salary"]);
    assert_eq!(click_heard(&b, "#host", "last-change"), json!(["skills"]));
    assert_clean(&b, "astro");
}

/// A Next.js server of tests/consumers/next (`next start` or `next dev`) on a
/// free port, in its own process group, ended (that group) when dropped.
struct Next {
    child: Child,
    url: String,
}

impl Next {
    fn start(command: &str) -> Next {
        let dir = consumer("tests/consumers/next", ".next");
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let mut cmd = Command::new("npx");
        cmd.args(["--no-install", "next", command, "--hostname", "127.0.0.1", "--port", &port.to_string()])
            .current_dir(&dir)
            .env("NEXT_TELEMETRY_DISABLED", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        let child = cmd.spawn().expect("npx next");
        let next = Next { child, url: format!("http://127.0.0.1:{port}") };
        let started = Instant::now();
        // `next dev` compiles the page on its first request: give it time.
        while get(port, "/").is_none() {
            assert!(started.elapsed() < Duration::from_secs(180), "next {command} did not answer on port {port}");
            std::thread::sleep(Duration::from_millis(250));
        }
        next
    }

    fn port(&self) -> u16 {
        self.url.rsplit(':').next().unwrap().parse().unwrap()
    }
}

impl Drop for Next {
    fn drop(&mut self) {
        // Its process group (npx, next and next's workers), by its id.
        let _ = Command::new("kill").args(["--", &format!("-{}", self.child.id())]).status();
        let _ = self.child.wait();
    }
}

static NEXT: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The body of `GET path` when the answer is 200.
fn get(port: u16, path: &str) -> Option<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(120))).ok()?;
    write!(s, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n").ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    out.starts_with("HTTP/1.1 200").then(|| out.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default())
}

/// The app router page: `<RoleCompare>` (role-compare/react) in a client
/// component and a server component's `fallback()`, both in the server's
/// HTML; after hydration the wrapper's props and `onChange` work, and the
/// plain element's event reaches the app.
fn next_app(command: &str) {
    if e2e::chromium_only("the page is Next's; only DevTools can add the console recorder to another server's pages") {
        return;
    }
    // One Next server at a time: `next dev` and `next start` share the app's folder.
    let _one = NEXT.lock().unwrap_or_else(|e| e.into_inner());
    let next = Next::start(command);
    let html = get(next.port(), "/").expect("the page");
    assert_eq!(html.matches("shadowrootmode=\"open\"").count(), 2, "both widgets' markup is in the server's HTML");
    assert!(html.contains("<role-compare categories=\"salary,skills\" theme=\"dark\" lang=\"en\" comparison=\"ecmo-specialist-vs-perfusionist\">"), "the wrapper's markup has its props");
    assert!(html.contains("href=\"/role-compare/role-compare.css\""));

    let b = Browser::start(Options::default());
    b.add_init_script(e2e::webdriver::RECORDER);
    b.add_init_script(BEFORE);
    b.goto(&format!("{}/", next.url));
    let (wrapped, server_host) = (widget(&b, "#wrapped"), widget(&b, "#server-host"));
    wrapped.wait_live();
    server_host.wait_live();
    assert_nothing_moved(&b, command);
    assert_eq!(wrapped.sections(), ["skills", "salary"]);
    assert_eq!(server_host.sections(), ["education", "salary"]);
    // The wrapper's ref is the element.
    assert_eq!(
        b.eval("return window.wrapped === document.querySelector('#wrapped role-compare');", json!([])),
        json!(true)
    );

    // A prop changed after hydration reaches the element (react#35446 does not hit it).
    b.eval("document.getElementById('highlight').click();", json!([]));
    wrapped.wait_highlighted(true);
    // onChange after hydration; the re-render it causes resets nothing.
    assert_eq!(click_heard(&b, "#wrapped", "last-change"), json!(["skills"]));
    b.wait_for("document.getElementById('changes').textContent === '1'");
    assert_eq!(wrapped.sections(), ["skills"], "the app's re-render kept the reader's view");
    assert_eq!(click_heard(&b, "#server-host", "server-last-change"), json!(["education"]));
    b.eval_async("setTimeout(() => arguments[0](), 300);", json!([]));
    assert_clean(&b, command);
}

#[test]
fn next_start_serves_both_widgets_in_its_html_and_hydrates_them_live() {
    next_app("start");
}

/// The development server, the one that reports hydration mismatches (as console errors).
#[test]
fn next_dev_reports_no_hydration_mismatch() {
    next_app("dev");
}
