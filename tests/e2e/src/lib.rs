//! Page-level browser tests and the bench share this: a static server for
//! `dist/` and the host-page fixtures on 127.0.0.1, and one synchronous
//! browser API ([`Browser`]) over the `fantoccini` WebDriver client, in the
//! engine `E2E_BROWSER` names: `chromium` (default), `firefox` or `webkit`.
//! `cargo xtask test` runs every page test once per engine.

pub mod article;
pub mod console;
pub mod dataset;
pub mod first_paint;
pub mod pixels;
pub mod server;
pub mod webdriver;
pub mod widget;
pub mod wordpress;
pub mod xvfb;

use std::io::Write;
use std::path::PathBuf;

pub use article::article;
pub use console::Console;
pub use server::Server;
pub use webdriver::{Browser, Engine, Options};
pub use widget::Widget;

/// The engine this test process runs its browsers in (`E2E_BROWSER`).
pub fn engine() -> Engine {
    Engine::from_env()
}

/// Where [`chromium_only`] records the tests it skips: `$E2E_REPORT`, if set
/// (`cargo xtask test` sets it and counts the lines per suite).
pub const REPORT_VAR: &str = "E2E_REPORT";

/// For a test that can only run in Chromium (it needs Chrome DevTools, e.g.
/// print media emulation): true — the test should return at once — in every
/// other engine. Either way the test is recorded as Chromium-only, with
/// `why`, in `$E2E_REPORT` as `suite<TAB>test<TAB>engine<TAB>why`.
///
/// ```ignore
/// if e2e::chromium_only("print media needs DevTools' Emulation.setEmulatedMedia") { return; }
/// ```
pub fn chromium_only(why: &str) -> bool {
    record_skip(why);
    if engine() != Engine::Chromium {
        eprintln!("e2e: {}: Chromium-only ({why}); skipped in {}", test_name(), engine().name());
        return true;
    }
    false
}

/// For a test whose setting this engine cannot give (e.g. WebKitGTK has no
/// forced colours): when `available` is false, records the test in
/// `$E2E_REPORT` like [`chromium_only`] (the table counts it as not run in
/// this engine) and returns true — the test should return at once.
pub fn unavailable_here(available: bool, why: &str) -> bool {
    if available {
        return false;
    }
    record_skip(why);
    eprintln!("e2e: {}: not available in {} ({why}); skipped", test_name(), engine().name());
    true
}

fn test_name() -> String {
    std::thread::current().name().unwrap_or("?").to_owned()
}

/// Appends `suite<TAB>test<TAB>engine<TAB>why` to `$E2E_REPORT`, if set.
fn record_skip(why: &str) {
    let suite = std::env::current_exe()
        .ok()
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .map(|s| s.rsplit_once('-').map_or(s.clone(), |(name, _hash)| name.to_owned()))
        .unwrap_or_default();
    if let Some(path) = std::env::var_os(REPORT_VAR) {
        if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
            let _ = writeln!(f, "{suite}\t{}\t{}\t{why}", test_name(), engine().name());
        }
    }
}

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root")
}

/// `dist/`, which `cargo xtask dist` (and `cargo xtask test`) builds first.
pub fn dist() -> PathBuf {
    let dist = root().join("dist");
    assert!(
        dist.join("role-compare.js").exists(),
        "dist/ is not built: run `cargo xtask dist` (cargo xtask test does)"
    );
    dist
}

/// The path at which the widget's own page (`dist/index.html`) loads its
/// loader, `/page-loader-<hash>.js`: it starts the page build of the page's
/// language (`role-compare.js` starts the full build, for the element).
pub fn page_loader() -> String {
    let index = std::fs::read_to_string(dist().join("index.html")).expect("dist/index.html");
    let name = index
        .split("<script type=\"module\" src=\"./")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("dist/index.html loads a module script");
    assert!(name.starts_with("page-loader-"), "dist/index.html loads {name}, not its page loader");
    format!("/{name}")
}

/// A new browser with the default options (1280 × 900, light, scripts on).
pub fn browser() -> Browser {
    Browser::start(Options::default())
}

/// `dist/` at `/` and the host-page fixtures at `/hosts/`, on a free port.
pub fn serve() -> Server {
    Server::start(dist(), root().join("tests/e2e/hosts"))
}

/// The widget's own page (`dist/index.html`) with `query` (a query string
/// and/or fragment), served, in a new browser, once live.
pub fn open_page(query: &str) -> (Server, Browser) {
    let s = serve();
    let b = browser();
    b.goto(&s.url(&format!("/index.html{query}")));
    Widget::page(&b).wait_live();
    (s, b)
}

/// dist/fallback.html as README tells an embedder to paste it: its
/// stylesheets pointed at where dist/ is hosted (`origin`, e.g. `""` for the
/// same server or another server's `http://127.0.0.1:port`), and the element
/// given the id `id`, if any.
pub fn pasted_fallback(origin: &str, id: Option<&str>) -> String {
    let fallback = std::fs::read_to_string(dist().join("fallback.html"))
        .expect("dist/fallback.html")
        .replace("href=\"role-compare.css\"", &format!("href=\"{origin}/role-compare.css\""))
        .replace("href=\"noscript.css\"", &format!("href=\"{origin}/noscript.css\""));
    match id {
        Some(id) => fallback.replacen("<role-compare", &format!("<role-compare id=\"{id}\""), 1),
        None => fallback,
    }
}

/// Where tests write screenshots.
pub fn screenshots() -> PathBuf {
    let dir = root().join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("create target/screenshots");
    dir
}

/// axe-core's violations of the rules tagged `tags` on the page (shadow
/// roots included), one line each: `rule: help @ targets`.
pub fn axe(b: &Browser, tags: &[&str]) -> Vec<String> {
    let source = std::fs::read_to_string(root().join("tools/node_modules/axe-core/axe.min.js"))
        .expect("axe-core is installed by cargo xtask test (tools/package.json)");
    b.eval(&source, serde_json::json!([]));
    let found = b.eval_async(
        "const done = arguments[arguments.length - 1];
         axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
           .then((r) => done(r.violations.map((v) => v.id + ': ' + v.help + ' @ ' + v.nodes.map((n) => n.target.join(' ')).join(', '))))
           .catch((e) => done(['axe failed: ' + e]));",
        serde_json::json!([tags]),
    );
    serde_json::from_value(found).expect("violations")
}
