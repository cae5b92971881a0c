//! Cross-origin hosting (issue 20): the widget's files on another origin than
//! the host page (a CDN, a static bucket; here a second server on 127.0.0.1:
//! another port is another origin), with the pasted fallback. Every failure
//! our loader can see is named in one `role-compare:` error with its fix (the
//! header, on which files); when the loader itself is blocked no code of ours
//! runs, and CSS alone keeps the fallback's controls looking inert until the
//! widget is live.
//!
//! Only the WebDriver API of `e2e::Browser` is used, so these run in every
//! engine the crate drives.

use e2e::{dist, root, Browser, Options, Server, Widget};
use serde_json::{json, Value};

/// A server for the host page and one for the widget's files (`files`).
fn servers() -> (Server, Server) {
    let hosts = root().join("tests/e2e/hosts");
    (Server::start(dist(), hosts.clone()), Server::start(dist(), hosts))
}

/// The host page on `host`: dist/fallback.html pasted, its stylesheets and
/// the loader from `files`, as README tells embedders.
fn host_page(host: &Server, files: &Server) -> String {
    let fallback = e2e::pasted_fallback(&files.url(""), Some("widget"));
    host.add_page(
        "/hosts/cdn.html",
        format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>cdn</title>\
             <script type=\"module\" src=\"{}\"></script></head><body>{fallback}</body></html>",
            files.url("/role-compare.js")
        ),
    );
    host.url("/hosts/cdn.html")
}

/// The name in dist/ of the full build's file that ends with `end`.
fn built(end: &str) -> String {
    std::fs::read_dir(dist())
        .expect("dist/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("role-compare-") && n.ends_with(end))
        .unwrap_or_else(|| panic!("a role-compare-*{end} in dist/"))
}

/// Console errors the page recorded.
fn errors(b: &Browser) -> Vec<String> {
    b.console().errors
}

/// How a toggle of the widget looks: `{disabled, cursor, opacity}`.
fn toggle_look(b: &Browser) -> Value {
    Widget::id(b, "widget").eval(
        "const t = arguments[0].querySelector('.rc-toggle'); const s = getComputedStyle(t);
         return { disabled: t.disabled, cursor: s.cursor, opacity: Number(s.opacity) };",
        json!([]),
    )
}

#[test]
fn with_the_header_on_every_file_the_widget_starts_from_another_origin() {
    let (host, files) = servers();
    let b = Browser::start(Options::default());
    b.goto(&host_page(&host, &files));
    Widget::id(&b, "widget").wait_live();
    assert_eq!(errors(&b), Vec::<String>::new());
    // Live, the toggles look as what they are: clickable.
    let look = toggle_look(&b);
    assert_eq!((look["cursor"].as_str(), look["opacity"].as_f64()), (Some("pointer"), Some(1.0)), "{look}");
}

#[test]
fn with_no_header_the_loader_is_blocked_and_the_fallbacks_controls_look_inert() {
    let (host, files) = servers();
    files.cors_only(&[]);
    let b = Browser::start(Options::default());
    b.goto(&host_page(&host, &files));
    // The page has loaded (the blocked module script included) and the
    // fallback's stylesheet applies (a stylesheet needs no CORS).
    Widget::id(&b, "widget").wait_until(
        "return document.readyState === 'complete'
           && getComputedStyle(arguments[0].querySelector('.rc-toggle')).borderTopLeftRadius !== '0px';",
        json!([]),
    );
    b.pause(300);
    let look = toggle_look(&b);
    assert_eq!(look["disabled"], json!(true), "never live: {look}");
    assert_ne!(look["cursor"], json!("pointer"), "{look}");
    assert!(look["opacity"].as_f64().unwrap() < 1.0, "dimmed: {look}");
    // No code of ours ran, so no message of ours (the browser names the CORS error itself).
    assert!(errors(&b).iter().all(|e| !e.starts_with("role-compare:")), "{:?}", errors(&b));
}

#[test]
fn with_the_header_on_the_loader_only_the_error_names_the_header_and_the_files() {
    let (host, files) = servers();
    files.cors_only(&["role-compare.js", "role-compare.css", "noscript.css"]);
    let b = Browser::start(Options::default());
    b.goto(&host_page(&host, &files));
    let error = b.one_start_error();
    eprintln!("{error}");
    assert!(error.contains(&files.url(&format!("/{}", built(".js")))), "names the glue: {error}");
    assert!(error.contains("Access-Control-Allow-Origin: *") && error.contains("_bg.wasm"), "{error}");
    assert!(!error.contains("from one folder"), "does not blame the folder layout: {error}");
}

#[test]
fn with_the_header_on_all_but_the_wasm_the_error_names_the_wasm() {
    let (host, files) = servers();
    let glue = built(".js");
    files.cors_only(&["role-compare.js", &glue, "element.js", "role-compare.css", "noscript.css"]);
    let b = Browser::start(Options::default());
    b.goto(&host_page(&host, &files));
    let error = b.one_start_error();
    eprintln!("{error}");
    assert!(error.contains(&files.url(&format!("/{}", built("_bg.wasm")))), "names the wasm: {error}");
    assert!(error.contains("Access-Control-Allow-Origin: *"), "{error}");
}
