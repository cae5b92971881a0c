//! Drop-in on any real host page (issue 9): a tag name another script took,
//! a second copy of our own loader, and every way the wasm can fail to start
//! (a CSP without 'wasm-unsafe-eval', the .wasm not found, a network error, no
//! WebAssembly): each says why in exactly one `console.error`, nothing is
//! thrown, and content already on the page stays readable.
//!
//! Only the WebDriver API of `e2e::Browser` is used, so these run in every
//! engine the crate drives.

use e2e::{dist, live, serve, Browser, Options, Server};
use serde_json::{json, Value};

fn browser() -> Browser {
    Browser::start(Options::default())
}

/// Console warnings and errors (uncaught errors and unhandled rejections
/// included, prefixed `uncaught:` / `unhandled rejection:`) the page recorded.
fn recorded(b: &Browser) -> (Vec<String>, Vec<String>) {
    let r = b.recorded();
    let list = |k: &str| serde_json::from_value::<Vec<String>>(r[k].clone()).unwrap_or_default();
    (list("warnings"), list("errors"))
}

/// Waits until the loader module at `path` has finished (its top-level await
/// settled, whether the widget started or not): importing it again resolves
/// only then. Returns whether the import itself failed (it never should).
fn loader_finished(b: &Browser, path: &str) -> Value {
    b.eval_async(
        "const done = arguments[arguments.length - 1];
         import(arguments[0]).then(() => done('finished'), (e) => done('import failed: ' + e));",
        json!([path]),
    )
}

/// `dist/role-compare.js` with `edit` applied, served at `path` (in dist/'s
/// folder, so its relative imports still resolve).
fn loader_copy(s: &Server, path: &str, edit: impl Fn(&str) -> String) {
    let loader = std::fs::read_to_string(dist().join("role-compare.js")).expect("dist/role-compare.js");
    let edited = edit(&loader);
    assert_ne!(edited, loader, "the edit changed the loader");
    s.add_page(path, edited);
}

/// The hashed wasm file name in dist/.
fn wasm_name() -> String {
    std::fs::read_dir(dist())
        .expect("dist/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.ends_with("_bg.wasm"))
        .expect("a *_bg.wasm in dist/")
}

/// A host page at `/hosts/{name}`: `head` (e.g. the host's own scripts), then
/// the loader at `loader`, then `body`.
fn host(s: &Server, name: &str, head: &str, loader: &str, body: &str) -> String {
    let path = format!("/hosts/{name}");
    s.add_page(
        &path,
        format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{name}</title>{head}\
             <script type=\"module\" src=\"{loader}\"></script></head><body>{body}</body></html>"
        ),
    );
    s.url(&path)
}

/// The one error a failed start logs: it begins `role-compare:`, and it is the only
/// error — no uncaught error, no unhandled rejection, no second message.
fn one_start_error(b: &Browser) -> String {
    let (_, errors) = recorded(b);
    assert_eq!(errors.len(), 1, "exactly one console.error: {errors:#?}");
    assert!(errors[0].starts_with("role-compare: "), "{}", errors[0]);
    errors[0].clone()
}

// ── the tag name ──────────────────────────────────────────────────────────

#[test]
fn a_tag_name_another_script_took_is_named_in_one_error_and_nothing_throws() {
    let s = serve();
    let b = browser();
    let page = host(
        &s,
        "taken.html",
        "<script>customElements.define('role-compare', class HostWidget extends HTMLElement {});</script>",
        "/role-compare.js",
        "<role-compare id=\"widget\"></role-compare>\
         <script type=\"module\">window.__hostRanAfter = true;</script>",
    );
    b.goto(&page);
    assert_eq!(loader_finished(&b, "/role-compare.js"), json!("finished"));
    b.wait_for("window.__hostRanAfter === true");
    let error = one_start_error(&b);
    assert!(error.contains("<role-compare>") && error.contains("another script defined it first"), "{error}");
    // The host's definition is left alone; our widget did not move in.
    let state = b.eval(
        "return [customElements.get('role-compare').name, document.getElementById('widget').shadowRoot === null];",
        json!([]),
    );
    assert_eq!(state, json!(["HostWidget", true]));
}

#[test]
fn a_second_copy_of_our_own_loader_is_a_silent_no_op() {
    let s = serve();
    let wasm = wasm_name();
    // Another copy of role-compare: its own glue module and wasm instance (a
    // query string makes them distinct modules and fetches).
    loader_copy(&s, "/role-compare-copy.js", |js| {
        js.replace(".js\", import.meta.url", ".js?copy\", import.meta.url").replace(&format!("{wasm}\""), &format!("{wasm}?copy\""))
    });
    let b = browser();
    let page = host(
        &s,
        "two-loaders.html",
        "<script type=\"module\" src=\"/role-compare-copy.js\"></script>",
        "/role-compare.js",
        "<role-compare id=\"widget\" categories=\"salary\"></role-compare>",
    );
    b.goto(&page);
    assert_eq!(loader_finished(&b, "/role-compare.js"), json!("finished"));
    assert_eq!(loader_finished(&b, "/role-compare-copy.js"), json!("finished"));
    let root = "document.getElementById('widget').shadowRoot";
    b.wait_for(&live(root));
    assert!(s.requests().iter().any(|r| r.ends_with(&format!("{wasm}?copy"))), "the copy started its own wasm");
    // One widget, and it works.
    assert_eq!(b.eval(&format!("return {root}.querySelectorAll('.rc').length;"), json!([])), json!(1));
    b.eval(&format!("{root}.querySelector('.rc-toggle[data-category=skills]').click();"), json!([]));
    b.wait_for(&format!("{root}.querySelector('#rc-sec-skills .rc-cell')"));
    let (warnings, errors) = recorded(&b);
    assert!(warnings.is_empty() && errors.is_empty(), "{warnings:?} {errors:?}");
}

// ── start-up failures ─────────────────────────────────────────────────────

/// JS: what a reader of the prerendered page (under `root`) still has: its
/// text and whether any toggle is enabled.
fn content_left(b: &Browser, root: &str) -> Value {
    b.eval(
        &format!(
            "const r = {root};
             return {{ salary: r.textContent.includes('$80,000'), sections: r.querySelectorAll('section.rc-section').length,
                       shownTitle: r.querySelector('.rc-title').getBoundingClientRect().height > 0,
                       enabledToggles: [...r.querySelectorAll('button')].filter((t) => !t.disabled).length }};"
        ),
        json!([]),
    )
}

fn categories() -> usize {
    let json: Value = serde_json::from_str(&std::fs::read_to_string(e2e::root().join("assets/roles.json")).unwrap()).unwrap();
    json["categories"].as_array().unwrap().len()
}

#[test]
fn a_csp_without_wasm_unsafe_eval_is_named_with_its_fix_and_the_prerendered_page_stays_readable() {
    let s = serve();
    let index = std::fs::read_to_string(dist().join("index.html")).unwrap();
    // The widget's own page, served under a policy that blocks WebAssembly.
    s.add_page("/page-no-wasm-csp.html", index);
    let b = browser();
    b.goto(&s.url("/page-no-wasm-csp.html"));
    assert_eq!(loader_finished(&b, "/role-compare.js"), json!("finished"));
    let error = one_start_error(&b);
    assert!(error.contains("Content-Security-Policy") && error.contains("'wasm-unsafe-eval'") && error.contains("script-src"), "{error}");
    assert_eq!(
        content_left(&b, "document"),
        json!({"salary": true, "sections": categories(), "shownTitle": true, "enabledToggles": 0})
    );
    assert!(!s.requests().iter().any(|r| r.ends_with(".wasm")), "no download of a wasm that cannot run");
}

#[test]
fn a_csp_without_wasm_unsafe_eval_on_a_host_page_is_named_for_the_custom_element_too() {
    let s = serve();
    let b = browser();
    let page = host(&s, "element-no-wasm-csp.html", "", "/role-compare.js", "<role-compare id=\"widget\"></role-compare>");
    b.goto(&page);
    assert_eq!(loader_finished(&b, "/role-compare.js"), json!("finished"));
    let error = one_start_error(&b);
    assert!(error.contains("'wasm-unsafe-eval'"), "{error}");
}

/// A host page with the pasted fallback (dist/fallback.html, stylesheets
/// pointed at dist/), loading `loader`.
fn fallback_host(s: &Server, name: &str, loader: &str) -> String {
    let fallback = std::fs::read_to_string(dist().join("fallback.html"))
        .unwrap()
        .replace("href=\"role-compare.css\"", "href=\"/role-compare.css\"")
        .replace("href=\"noscript.css\"", "href=\"/noscript.css\"")
        .replace("<role-compare>", "<role-compare id=\"widget\">");
    host(s, name, "", loader, &fallback)
}

#[test]
fn a_missing_wasm_is_named_with_its_url_and_status_and_the_pasted_fallback_stays_readable() {
    let s = serve();
    let wasm = wasm_name();
    let missing = wasm.replace("_bg.wasm", "_bg-missing.wasm");
    loader_copy(&s, "/role-compare-404.js", |js| js.replace(&format!("{wasm}\""), &format!("{missing}\"")));
    let b = browser();
    b.goto(&fallback_host(&s, "fallback-404.html", "/role-compare-404.js"));
    assert_eq!(loader_finished(&b, "/role-compare-404.js"), json!("finished"));
    let error = one_start_error(&b);
    assert!(error.contains(&s.url(&format!("/{missing}"))) && error.contains("HTTP 404"), "{error}");
    let root = "document.getElementById('widget').shadowRoot";
    assert_eq!(
        content_left(&b, root),
        json!({"salary": true, "sections": categories(), "shownTitle": true, "enabledToggles": 0})
    );
    // The fallback's styles still apply (key difference drawn, toolbar hidden).
    let styled = b.eval(
        &format!("return [getComputedStyle({root}.querySelector('.rc-key')).borderLeftStyle, {root}.querySelector('.rc-toolbar').getClientRects().length];"),
        json!([]),
    );
    assert_eq!(styled, json!(["solid", 0]));
}

#[test]
fn a_network_error_on_the_wasm_is_named_with_its_url() {
    let s = serve();
    let wasm = wasm_name();
    // A port nothing listens on: the connection is refused.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let unreachable = format!("http://127.0.0.1:{closed}/{wasm}");
    loader_copy(&s, "/role-compare-offline.js", |js| {
        js.replace(&format!("new URL(\"./{wasm}\", import.meta.url)"), &format!("new URL(\"{unreachable}\")"))
    });
    let b = browser();
    let page = host(&s, "offline.html", "", "/role-compare-offline.js", "<role-compare id=\"widget\"></role-compare>");
    b.goto(&page);
    assert_eq!(loader_finished(&b, "/role-compare-offline.js"), json!("finished"));
    let error = one_start_error(&b);
    assert!(error.contains("network error") && error.contains(&unreachable), "{error}");
}

/// Runs before the page's scripts: a browser without WebAssembly.
const NO_WEBASSEMBLY: &str = "delete globalThis.WebAssembly;";

#[test]
fn a_browser_without_webassembly_is_named_and_the_page_stays_readable() {
    let s = serve();
    let b = browser();
    b.add_init_script(NO_WEBASSEMBLY);
    b.goto(&s.url("/index.html"));
    assert_eq!(loader_finished(&b, "/role-compare.js"), json!("finished"));
    let error = one_start_error(&b);
    assert!(error.contains("no WebAssembly"), "{error}");
    assert_eq!(
        content_left(&b, "document"),
        json!({"salary": true, "sections": categories(), "shownTitle": true, "enabledToggles": 0})
    );
}

#[test]
fn the_standalone_file_without_webassembly_says_why_and_stays_readable() {
    let b = browser();
    b.add_init_script(NO_WEBASSEMBLY);
    b.goto(&format!("file://{}", dist().join("role-compare-standalone.html").display()));
    b.wait_for("window.__rc && window.__rc.errors.length > 0");
    let error = one_start_error(&b);
    assert!(error.contains("no WebAssembly"), "{error}");
    assert_eq!(
        content_left(&b, "document"),
        json!({"salary": true, "sections": categories(), "shownTitle": true, "enabledToggles": 0})
    );
}
