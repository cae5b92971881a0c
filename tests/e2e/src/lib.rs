//! Page-level browser tests and the bench share this: a static server for
//! `dist/` and the host-page fixtures on 127.0.0.1, and a small WebDriver
//! client for the system Chromium through ChromeDriver — the same browser and
//! driver that wasm-bindgen-test uses for the component tests.

pub mod article;
pub mod first_paint;
pub mod server;
pub mod webdriver;

use std::path::PathBuf;

pub use article::article;
pub use server::Server;
pub use webdriver::{Browser, Options};

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root")
}

/// `dist/`, which `cargo xtask dist` (and `cargo xtask test`) builds first.
pub fn dist() -> PathBuf {
    let dist = root().join("dist");
    assert!(dist.join("role-compare.js").exists(), "dist/ is not built: run `cargo xtask dist` (cargo xtask test does)");
    dist
}

/// `dist/` at `/` and the host-page fixtures at `/hosts/`, on a free port.
pub fn serve() -> Server {
    Server::start(dist(), root().join("tests/e2e/hosts"))
}

/// JS: true once the widget under `root` (`document` or a shadow root
/// expression) is live: its toggles exist and are no longer disabled, which
/// happens when the wasm has hydrated or rendered it.
pub fn live(root: &str) -> String {
    format!("(({root}) && ({root}).querySelector('.rc-toggle') && !({root}).querySelector('.rc-toggle').disabled)")
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
