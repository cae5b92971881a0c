//! The test harness itself, in whichever engine `E2E_BROWSER` names: what
//! every other page test relies on must hold in Chromium, Firefox and WebKit
//! alike — the viewport it asked for, the colour scheme and reduced motion,
//! scripts off, console and CSP recording before the page's own scripts,
//! init scripts, frames, keys and screenshots.

use e2e::{screenshots, Browser, Options, Server};
use serde_json::json;

/// A folder of small pages served like dist/ (strict CSP on `*.html`).
fn pages() -> Server {
    let dir =
        std::env::temp_dir().join(format!("rc-e2e-engines-{}-{:?}", std::process::id(), std::thread::current().id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title>\
         <script src=\"/page.js\"></script><link rel=\"stylesheet\" href=\"/page.css\"></head>\
         <body><button id=\"a\">A</button><button id=\"b\">B</button><p id=\"out\">static</p>\
         <iframe src=\"/frame.html\" title=\"frame\"></iframe></body></html>",
    )
    .unwrap();
    std::fs::write(
        dir.join("frame.html"),
        "<!doctype html><title>f</title><script src=\"/frame.js\"></script><p>frame</p>",
    )
    .unwrap();
    std::fs::write(dir.join("frame.js"), "console.error('from the frame');").unwrap();
    std::fs::write(
        dir.join("page.js"),
        "console.warn('early warning');\n\
         window.__sawInit = window.__init === 1;\n\
         document.addEventListener('DOMContentLoaded', () => { document.getElementById('out').textContent = 'scripted'; });\n\
         // Blocked by the strict CSP: recorded as a violation.\n\
         document.addEventListener('DOMContentLoaded', () => { const s = document.createElement('script'); s.textContent = '1'; document.head.append(s); });",
    )
    .unwrap();
    std::fs::write(
        dir.join("page.css"),
        "body { background: #fff; } @media (prefers-color-scheme: dark) { body { background: #000; } }\
         @media (prefers-reduced-motion: reduce) { #a { outline-style: dotted; } }",
    )
    .unwrap();
    Server::start(dir.clone(), dir)
}

#[test]
fn viewport_scheme_and_motion_are_what_the_test_asked_for() {
    let s = pages();
    for (width, scheme, bg) in [(1280, "light", "rgb(255, 255, 255)"), (320, "dark", "rgb(0, 0, 0)")] {
        let b = Browser::start(Options { width, height: 700, color_scheme: scheme, ..Options::default() });
        b.goto(&s.url("/index.html"));
        let seen = b.eval(
            "return [innerWidth, innerHeight, getComputedStyle(document.body).backgroundColor,
                     matchMedia('(prefers-reduced-motion: reduce)').matches];",
            json!([]),
        );
        assert_eq!(seen, json!([width, 700, bg, true]), "{scheme} at {width}px");
        b.set_viewport(640, 480);
        assert_eq!(b.eval("return [innerWidth, innerHeight];", json!([])), json!([640, 480]));
    }
}

#[test]
fn the_recorder_and_init_scripts_run_before_the_pages_own_scripts_in_page_and_frame() {
    let s = pages();
    let b = Browser::start(Options::default());
    b.add_init_script("window.__init = 1;");
    b.goto(&s.url("/index.html"));
    b.wait_for("document.getElementById('out').textContent === 'scripted'");
    assert_eq!(b.eval("return window.__sawInit;", json!([])), json!(true), "init script before the page's");
    b.wait_for("window.__rc.csp.length > 0");
    let r = b.recorded();
    assert_eq!(r["warnings"], json!(["early warning"]));
    assert!(r["csp"][0].as_str().unwrap().starts_with("script-src"), "{r}");
    assert_eq!(b.eval("return document.cookie;", json!([])), json!(""), "the harness's cookie is HTTP-only");
    b.switch_frame(json!(0));
    b.wait_for("window.__rc && window.__rc.errors.length === 1");
    assert_eq!(b.recorded()["errors"], json!(["from the frame"]));
    b.switch_frame(serde_json::Value::Null);
    assert_eq!(b.eval("return document.title;", json!([])), json!("t"));
    // The harness's own requests are not in the server's log.
    assert!(s.requests().iter().all(|p| !p.starts_with("/__rc")), "{:?}", s.requests());
}

/// Every browser a test starts is as new as a new profile, though in
/// Firefox its session is the last test's, kept (`Browser::reused`): nothing
/// the last one's pages stored (cookies, `localStorage`, `sessionStorage`,
/// session history) is left, and the viewport is the one asked for.
#[test]
fn each_browser_starts_as_a_new_profile_even_where_firefox_keeps_its_session() {
    let s = pages();
    // Preferences no other test of this suite starts with: the kept session is this test's.
    let options = |width| Options { width, forced_colors: true, ..Options::default() };
    const READ: &str =
        "return [localStorage.getItem('k'), sessionStorage.getItem('k'), document.cookie, history.length];";
    const WHERE: &str = "return [location.href, history.length];";
    let first = Browser::start(options(1280));
    let new_tab = first.eval(WHERE, json!([]));
    first.goto(&s.url("/index.html"));
    let fresh = first.eval(READ, json!([]));
    assert_eq!(fresh.as_array().unwrap()[..3], [json!(null), json!(null), json!("")], "a new browser");
    first.eval(
        "localStorage.setItem('k', '1'); sessionStorage.setItem('k', '1');
         document.cookie = 'k=1; path=/; max-age=3600'; history.pushState(null, '', '#pushed');",
        json!([]),
    );
    assert_eq!(first.eval(READ, json!([])), json!(["1", "1", "k=1", fresh[3].as_u64().unwrap() + 1]));
    drop(first);
    let second = Browser::start(options(500));
    assert_eq!(second.reused(), second.engine() == e2e::Engine::Firefox, "Firefox keeps its sessions");
    assert_eq!(second.eval(WHERE, json!([])), new_tab, "one empty tab");
    second.goto(&s.url("/index.html"));
    assert_eq!(second.eval(READ, json!([])), fresh, "what the last browser's pages stored is gone");
    assert_eq!(second.eval("return innerWidth;", json!([])), json!(500));
}

#[test]
fn scripts_off_leaves_the_page_static_but_webdriver_can_read_it() {
    let s = pages();
    let b = Browser::start(Options { javascript: false, ..Options::default() });
    b.goto(&s.url("/index.html"));
    assert_eq!(b.eval("return document.getElementById('out').textContent;", json!([])), json!("static"));
}

#[test]
fn file_pages_are_recorded_too() {
    let dir = std::env::temp_dir().join(format!("rc-e2e-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("page.html");
    std::fs::write(
        &page,
        "<!doctype html><html><head><title>f</title><script>console.warn('w1')</script></head><body>x</body></html>",
    )
    .unwrap();
    let b = Browser::start(Options::default());
    b.goto(&format!("file://{}", page.display()));
    assert_eq!(b.recorded()["warnings"], json!(["w1"]));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn keys_reach_buttons_and_screenshots_are_pngs_of_the_page() {
    let s = pages();
    let b = Browser::start(Options { width: 800, height: 600, ..Options::default() });
    b.goto(&s.url("/index.html"));
    b.eval("document.getElementById('a').focus();", json!([]));
    b.press("\u{E004}");
    assert_eq!(b.eval("return document.activeElement.id;", json!([])), json!("b"), "Tab from button to button");
    b.eval("document.body.style.height = '3000px';", json!([]));
    let png = b.viewport_png();
    assert_eq!(&png[1..4], b"PNG");
    let size = |png: &[u8]| {
        (u32::from_be_bytes(png[16..20].try_into().unwrap()), u32::from_be_bytes(png[20..24].try_into().unwrap()))
    };
    assert_eq!(size(&png), (800, 600));
    let path = screenshots().join(format!("engines-{}.png", b.engine().name()));
    b.screenshot(&path);
    let full = std::fs::read(&path).unwrap();
    let (w, h) = size(&full);
    assert_eq!(w, 800);
    assert!(h >= 3000, "full page: {w}×{h}");
    assert_eq!(b.eval("return [innerWidth, innerHeight];", json!([])), json!([800, 600]), "viewport restored");
}
