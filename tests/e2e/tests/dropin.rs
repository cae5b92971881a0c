//! Drop-in on any real host page (issue 9): a tag name another script took,
//! a second copy of our own loader, and every way the wasm can fail to start
//! (a CSP without 'wasm-unsafe-eval', the .wasm not found, a network error, no
//! WebAssembly): each says why in exactly one `console.error`, nothing is
//! thrown, and content already on the page stays readable.
//!
//! Only the WebDriver API of `e2e::Browser` is used, so these run in every
//! engine the crate drives.

use e2e::dataset::{salary, skills};
use e2e::pixels::{crop, differences};
use e2e::{browser, dist, serve, Browser, Server, Widget};
use serde_json::{json, Value};

/// The host pages' `<role-compare id="widget">`.
fn widget(b: &Browser) -> Widget<'_> {
    Widget::id(b, "widget")
}

/// A new browser on `url`, once its widget is live.
fn open_live(url: &str) -> Browser {
    let b = browser();
    b.goto(url);
    widget(&b).wait_live();
    b
}

/// Waits until the loader module at `path` has been evaluated: importing it
/// again resolves then. The start it began runs on (the loader has no
/// top-level await, which would hold the page's first paint), so callers wait
/// for its outcome. Returns whether the import itself failed (it never should).
/// (The import runs from a module script added to the page, so in the page's
/// module map: Firefox runs WebDriver's scripts in a sandbox of their own, where
/// an `import()` would evaluate the loader a second time.)
fn loader_finished(b: &Browser, path: &str) -> Value {
    b.eval(
        "window.__rcImported = undefined;
         const s = document.createElement('script');
         s.type = 'module';
         s.src = '/__rc-after.js?' + arguments[0];
         s.onerror = () => { window.__rcImported = 'import failed'; };
         document.head.append(s);",
        json!([path]),
    );
    b.wait_for("window.__rcImported")
}

/// `dist/role-compare.js` with `edit` applied, served at `path` (in dist/'s
/// folder, so its relative imports still resolve).
fn loader_copy(s: &Server, path: &str, edit: impl Fn(&str) -> String) {
    let loader = std::fs::read_to_string(dist().join("role-compare.js")).expect("dist/role-compare.js");
    let edited = edit(&loader);
    assert_ne!(edited, loader, "the edit changed the loader");
    s.add_page(path, edited);
}

/// The hashed file name of the full build's wasm (the one `role-compare.js`
/// starts) in dist/.
fn wasm_name() -> String {
    std::fs::read_dir(dist())
        .expect("dist/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("role-compare-") && n.ends_with("_bg.wasm"))
        .expect("a role-compare-*_bg.wasm in dist/")
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

/// Opens `url` in a new browser (after `init`, a script run before the
/// page's own), waits until the loader at `loader` has finished, and returns
/// the browser and the one error the failed start logged.
fn failed_start(url: &str, loader: &str, init: Option<&str>) -> (Browser, String) {
    let b = browser();
    if let Some(init) = init {
        b.add_init_script(init);
    }
    b.goto(url);
    assert_eq!(loader_finished(&b, loader), json!("finished"));
    let error = b.one_start_error();
    eprintln!("{url}: {error}");
    (b, error)
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
         <script type=\"module\">window.__hostRanAfter = true;</script>\
         <script type=\"module\">import { ready } from '/role-compare.js'; \
         ready.then(() => { window.__ready = 'resolved'; }, (e) => { window.__ready = e.message; });</script>",
    );
    b.goto(&page);
    assert_eq!(loader_finished(&b, "/role-compare.js"), json!("finished"));
    b.wait_for("window.__hostRanAfter === true");
    let error = b.one_start_error();
    assert!(error.contains("<role-compare>") && error.contains("another script defined it first"), "{error}");
    // The loader's `ready` rejects with that same message.
    assert_eq!(b.wait_for("window.__ready"), json!(error));
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
        js.replace(".js\", import.meta.url", ".js?copy\", import.meta.url")
            .replace(&format!("{wasm}\""), &format!("{wasm}?copy\""))
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
    let w = widget(&b);
    w.wait_live();
    assert!(s.requests().iter().any(|r| r.ends_with(&format!("{wasm}?copy"))), "the copy started its own wasm");
    // One widget, and it works.
    assert_eq!(w.count(".rc"), 1);
    w.toggle(skills());
    w.wait_content(skills(), true);
    b.console().assert_quiet();
}

// ── start-up failures ─────────────────────────────────────────────────────

/// What a reader of the prerendered page or fallback still has: its text and
/// whether any toggle is enabled.
fn content_left(w: &Widget) -> Value {
    w.eval(
        "const r = arguments[0] === document ? document.body : arguments[0];
         return { salary: r.textContent.includes('$80,000'), sections: r.querySelectorAll('section.rc-section').length,
                  shownTitle: r.querySelector('.rc-title').getBoundingClientRect().height > 0,
                  enabledToggles: [...r.querySelectorAll('button')].filter((t) => !t.disabled).length };",
        json!([]),
    )
}

/// [`content_left`] of a page whose wasm never started: all of it, no control.
fn all_content_left() -> Value {
    json!({"salary": true, "sections": e2e::dataset::categories().len(), "shownTitle": true, "enabledToggles": 0})
}

#[test]
fn a_csp_without_wasm_unsafe_eval_is_named_with_its_fix_and_the_prerendered_page_stays_readable() {
    let s = serve();
    let index = std::fs::read_to_string(dist().join("index.html")).unwrap();
    // The widget's own page, served under a policy that blocks WebAssembly.
    s.add_page("/page-no-wasm-csp.html", index);
    let (b, error) = failed_start(&s.url("/page-no-wasm-csp.html"), &e2e::page_loader(), None);
    assert!(
        error.contains("Content-Security-Policy")
            && error.contains("'wasm-unsafe-eval'")
            && error.contains("script-src"),
        "{error}"
    );
    assert_eq!(content_left(&Widget::page(&b)), all_content_left());
    assert!(!s.requests().iter().any(|r| r.ends_with(".wasm")), "no download of a wasm that cannot run");
}

#[test]
fn a_csp_without_wasm_unsafe_eval_on_a_host_page_is_named_for_the_custom_element_too() {
    let s = serve();
    let page =
        host(&s, "element-no-wasm-csp.html", "", "/role-compare.js", "<role-compare id=\"widget\"></role-compare>");
    let (_b, error) = failed_start(&page, "/role-compare.js", None);
    assert!(error.contains("'wasm-unsafe-eval'"), "{error}");
}

/// A host page with the pasted fallback (dist/fallback.html, stylesheets
/// pointed at dist/), loading `loader`.
fn fallback_host(s: &Server, name: &str, loader: &str) -> String {
    host(s, name, "", loader, &e2e::pasted_fallback("", Some("widget")))
}

#[test]
fn a_missing_wasm_is_named_with_its_url_and_status_and_the_pasted_fallback_stays_readable() {
    let s = serve();
    let wasm = wasm_name();
    let missing = wasm.replace("_bg.wasm", "_bg-missing.wasm");
    loader_copy(&s, "/role-compare-404.js", |js| js.replace(&format!("{wasm}\""), &format!("{missing}\"")));
    let (b, error) =
        failed_start(&fallback_host(&s, "fallback-404.html", "/role-compare-404.js"), "/role-compare-404.js", None);
    assert!(error.contains(&s.url(&format!("/{missing}"))) && error.contains("HTTP 404"), "{error}");
    let w = widget(&b);
    assert_eq!(content_left(&w), all_content_left());
    // The fallback's styles still apply (key difference drawn, toolbar hidden).
    let styled = w.eval(
        "const [root] = arguments;
         return [getComputedStyle(root.querySelector('.rc-key')).borderLeftStyle, root.querySelector('.rc-toolbar').getClientRects().length];",
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
    let page = host(&s, "offline.html", "", "/role-compare-offline.js", "<role-compare id=\"widget\"></role-compare>");
    let (_b, error) = failed_start(&page, "/role-compare-offline.js", None);
    assert!(error.contains("network error") && error.contains(&unreachable), "{error}");
}

#[test]
fn a_web_page_served_in_place_of_the_wasm_is_named() {
    let s = serve();
    let wasm = wasm_name();
    // What a server that answers every path with its home page sends.
    loader_copy(&s, "/role-compare-html.js", |js| js.replace(&format!("\"./{wasm}\""), "\"./index.html\""));
    let page =
        host(&s, "html-for-wasm.html", "", "/role-compare-html.js", "<role-compare id=\"widget\"></role-compare>");
    let (_b, error) = failed_start(&page, "/role-compare-html.js", None);
    assert!(error.contains(&s.url("/index.html")) && error.contains("is not the WebAssembly file"), "{error}");
}

#[test]
fn a_missing_script_of_dist_is_named_with_its_url() {
    let s = serve();
    let glue = wasm_name().replace("_bg.wasm", ".js");
    // Both places the loader names the glue: its import and its messages.
    loader_copy(&s, "/role-compare-noglue.js", |js| js.replace(&format!("{glue}\""), "role-compare-missing.js\""));
    let page = host(&s, "no-glue.html", "", "/role-compare-noglue.js", "<role-compare id=\"widget\"></role-compare>");
    let (_b, error) = failed_start(&page, "/role-compare-noglue.js", None);
    assert!(error.contains(&s.url("/role-compare-missing.js")) && error.contains("could not load"), "{error}");
}

/// Runs before the page's scripts: a browser without WebAssembly.
const NO_WEBASSEMBLY: &str = "delete globalThis.WebAssembly;";

#[test]
fn a_browser_without_webassembly_is_named_and_the_page_stays_readable() {
    let s = serve();
    let (b, error) = failed_start(&s.url("/index.html"), &e2e::page_loader(), Some(NO_WEBASSEMBLY));
    assert!(error.contains("no WebAssembly"), "{error}");
    assert_eq!(content_left(&Widget::page(&b)), all_content_left());
}

#[test]
fn the_standalone_file_without_webassembly_says_why_and_stays_readable() {
    let b = browser();
    b.add_init_script(NO_WEBASSEMBLY);
    b.goto(&format!("file://{}", dist().join("role-compare-standalone.html").display()));
    b.wait_for("window.__rc && window.__rc.errors.length > 0");
    let error = b.one_start_error();
    assert!(error.contains("no WebAssembly"), "{error}");
    assert_eq!(content_left(&Widget::page(&b)), all_content_left());
}

// ── isolation of inherited properties ─────────────────────────────────────

/// Nodes whose every computed property is compared: the root, the title, a
/// toggle, a list item, a chart label, a chart bar (SVG), the footer.
const SAMPLES: [&str; 7] =
    [".rc", ".rc-title", ".rc-toggle", ".rc-points li", ".rc-bar-name", ".rc-bar-fill", ".rc-footer"];

/// The all-inherited host page and its blank twin: the same page, the same
/// layout for the widget's box (`layout.css`), without the stylesheet that
/// sets every inherited property and without `lang="ar" dir="rtl"`. With the
/// widget's own markup (`None`) or the pasted fallback in its place.
fn all_inherited_pages(s: &Server, fallback: Option<&str>) -> (String, String) {
    let page = std::fs::read_to_string(e2e::root().join("tests/e2e/hosts/all-inherited.html")).unwrap();
    let page = match fallback {
        // The fallback alone, no script: what a reader sees before (or without) the wasm.
        Some(markup) => page
            .replace("<script type=\"module\" src=\"/role-compare.js\"></script>", "")
            .replace("<role-compare id=\"widget\" categories=\"salary\"></role-compare>", markup),
        None => page,
    };
    let blank = page
        .replace("<html lang=\"ar\" dir=\"rtl\">", "<html lang=\"en\">")
        .replace("<link rel=\"stylesheet\" href=\"/hosts/all-inherited.css\">", "");
    assert_ne!(blank, page);
    let suffix = if fallback.is_some() { "-fallback" } else { "" };
    s.add_page(&format!("/hosts/all-inherited{suffix}-page.html"), page);
    s.add_page(&format!("/hosts/all-inherited{suffix}-blank.html"), blank);
    (
        s.url(&format!("/hosts/all-inherited{suffix}-page.html")),
        s.url(&format!("/hosts/all-inherited{suffix}-blank.html")),
    )
}

/// What is compared between the two pages.
struct Seen {
    /// The element's box: width and height in CSS px.
    size: (f64, f64),
    /// Every computed property of each sample node.
    styles: Value,
    /// The element's pixels: width, height, RGBA rows.
    pixels: (usize, usize, Vec<u8>),
    /// The page's PNG, for looking at.
    png: Vec<u8>,
}

/// Opens `url` and, once its widget is live (or, `fallback`, its pasted
/// fallback is there), what [`Seen`] lists.
fn observe(b: &Browser, url: &str, fallback: bool) -> Seen {
    b.goto(url);
    let w = widget(b);
    if fallback {
        w.wait_until("return arguments[0] && arguments[0].querySelector('.rc-footer');", json!([]));
    } else {
        w.wait_live();
    }
    let settle = || {
        b.eval_async(
            "const done = arguments[arguments.length - 1];
             document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));",
            json!([]),
        )
    };
    settle();
    let rect = b.eval(
        "const r = document.getElementById('widget').getBoundingClientRect();
         return [r.left, r.top, r.width, r.height, innerWidth, innerHeight];",
        json!([]),
    );
    let n = |i: usize| rect[i].as_f64().unwrap();
    let (left, top, width, height, vw, vh) = (n(0), n(1), n(2), n(3), n(4) as usize, n(5) as usize);
    assert!(left == 0.0 && top == 0.0 && width <= vw as f64, "layout.css puts the element at the top-left: {rect}");
    let styles = w.eval(
        "const [r, samples] = arguments;
         return samples.map((sel) => {
           const node = r.querySelector(sel);
           if (!node) return [sel, 'missing'];
           const cs = getComputedStyle(node), all = {};
           for (const p of cs) all[p] = cs.getPropertyValue(p);
           return [sel, all];
         });",
        json!([SAMPLES]),
    );
    // The element's pixels, one viewport-high slice at a time: the element is
    // moved up (its `top`), never the page scrolled, so every slice starts at
    // a whole pixel in any writing mode. Slices overlap by `UNDER_STICKY`
    // rows, the top rows of each slice after the first, where the role names'
    // sticky header covers the content.
    const UNDER_STICKY: usize = 120;
    let (w, h) = (width.floor() as usize, height.floor() as usize);
    let mut pixels = Vec::with_capacity(w * h * 4);
    let mut png = Vec::new();
    let mut y = 0;
    while y < h {
        let skip = if y == 0 { 0 } else { UNDER_STICKY };
        let shift = y - skip;
        b.eval("document.getElementById('widget').style.top = -arguments[0] + 'px';", json!([shift]));
        settle();
        let shot = b.viewport_png();
        let end = vh.min(h - shift);
        pixels.extend(crop(&shot, 0, skip, w, end).2);
        if y == 0 {
            png = shot;
        }
        y = shift + end;
    }
    Seen { size: (width, height), styles, pixels: (w, h, pixels), png }
}

/// Writes two crops side by side (a grey gap between) as a PNG, to look at.
fn side_by_side(path: &std::path::Path, a: &(usize, usize, Vec<u8>), b: &(usize, usize, Vec<u8>)) {
    let (gap, h) = (16, a.1.max(b.1));
    let w = a.0 + gap + b.0;
    let mut rgba = vec![128u8; w * h * 4];
    for (crop, x0) in [(a, 0), (b, a.0 + gap)] {
        for y in 0..crop.1 {
            rgba[(y * w + x0) * 4..][..crop.0 * 4].copy_from_slice(&crop.2[y * crop.0 * 4..][..crop.0 * 4]);
        }
    }
    let mut encoder = png::Encoder::new(std::fs::File::create(path).expect("create PNG"), w as u32, h as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.write_header().and_then(|mut wr| wr.write_image_data(&rgba)).expect("write PNG");
}

/// Inherited properties the hostile page really changed on the widget's
/// parent in this engine (those it does not know, it dropped).
fn applied_on_parent(b: &Browser, page: &str, blank: &str) -> Vec<String> {
    let computed = |url: &str| {
        b.goto(url);
        b.eval(
            "const cs = getComputedStyle(document.getElementById('parent')), all = {};
             for (const p of cs) all[p] = cs.getPropertyValue(p);
             return all;",
            json!([]),
        )
    };
    let (hostile, blank) = (computed(page), computed(blank));
    let css = std::fs::read_to_string(e2e::root().join("tests/e2e/hosts/all-inherited.css")).unwrap();
    let set: Vec<&str> = css
        .lines()
        .filter_map(|l| l.trim().split_once(':').map(|(p, _)| p))
        .filter(|p| !p.contains(' ') && !p.starts_with('/'))
        .collect();
    let object = hostile.as_object().unwrap();
    object
        .keys()
        .filter(|p| {
            set.iter().any(|s| p == s || p.starts_with(&format!("{s}-"))) && hostile[p.as_str()] != blank[p.as_str()]
        })
        .cloned()
        .collect()
}

fn assert_isolated(name: &str, fallback: Option<&str>) {
    let s = serve();
    let (page, blank) = all_inherited_pages(&s, fallback);
    let b = browser();
    let applied = applied_on_parent(&b, &page, &blank);
    assert!(
        applied.len() >= 25,
        "the hostile page changes at least 25 inherited properties here, it changed {}: {applied:?}",
        applied.len()
    );
    for must in [
        "direction",
        "writing-mode",
        "visibility",
        "cursor",
        "list-style-type",
        "quotes",
        "hyphens",
        "text-shadow",
        "word-break",
        "tab-size",
    ] {
        assert!(applied.iter().any(|p| p == must), "{must} is set on the hostile page: {applied:?}");
    }
    let on_blank = observe(&b, &blank, fallback.is_some());
    let on_hostile = observe(&b, &page, fallback.is_some());
    if fallback.is_none() {
        // Still in reach of the reader on the hostile page (pointer-events,
        // interactivity, visibility around it): a toggle is what the pointer
        // hits, takes focus, and Enter works it.
        let w = widget(&b);
        let reach = w.eval(
            "const [root, category] = arguments;
             document.getElementById('widget').style.top = '0px';
             const t = root.querySelector(`.rc-toggle[data-category=\"${CSS.escape(category)}\"]`), r = t.getBoundingClientRect();
             const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
             t.focus();
             return [t.contains(hit), root.activeElement === t];",
            json!([salary()]),
        );
        assert_eq!(reach, json!([true, true]), "hit and focused");
        b.press("\u{E007}");
        w.wait_pressed(salary(), false);
    }
    let dir = e2e::screenshots();
    std::fs::write(dir.join(format!("{name}-blank.png")), &on_blank.png).unwrap();
    std::fs::write(dir.join(format!("{name}-all-inherited.png")), &on_hostile.png).unwrap();
    side_by_side(&dir.join(format!("{name}-side-by-side.png")), &on_hostile.pixels, &on_blank.pixels);
    let ((w0, h0), (w1, h1)) = (on_blank.size, on_hostile.size);
    assert!(
        (w0 - w1).abs() <= 1.0 && (h0 - h1).abs() <= 1.0,
        "box {w1}×{h1} on the hostile page, {w0}×{h0} on the blank one"
    );
    let (blank_styles, hostile_styles) = (on_blank.styles.as_array().unwrap(), on_hostile.styles.as_array().unwrap());
    for (a, h) in blank_styles.iter().zip(hostile_styles) {
        let (sel, a, h) = (&a[0], &a[1], &h[1]);
        assert!(a.is_object(), "{sel} is there");
        let differ: Vec<String> = a
            .as_object()
            .unwrap()
            .iter()
            .filter(|(p, v)| &h[p.as_str()] != *v)
            .map(|(p, v)| format!("{p}: {v} on the blank page, {} on the hostile one", h[p.as_str()]))
            .collect();
        assert!(differ.is_empty(), "{sel}: {differ:#?}");
    }
    // The same pixels but for anti-aliasing (which WebKit draws differently
    // on two paints of one page, after a partial repaint): at most 1 pixel in
    // 10,000 in every engine (the computed styles above are compared exactly).
    let (differing, area, at) = differences(&on_blank.pixels, &on_hostile.pixels, 0.1);
    assert!(differing * 10_000 <= area, "{differing} of {area} pixels differ, at (x, y) {at:?}…");
    eprintln!(
        "{name}: box {w1}×{h1} (blank {w0}×{h0}), {} inherited properties changed around it, {differing} of {area} pixels differ {at:?}",
        applied.len()
    );
}

#[test]
fn no_inherited_property_of_the_host_page_reaches_into_the_live_widget() {
    assert_isolated("isolation-live", None);
}

#[test]
fn no_inherited_property_of_the_host_page_reaches_into_the_pasted_fallback() {
    assert_isolated("isolation-fallback", Some(&e2e::pasted_fallback("", Some("widget"))));
}

// ── history ───────────────────────────────────────────────────────────────

#[test]
fn clicks_in_a_framed_page_add_no_history_entry_and_back_leaves_the_parent_page() {
    let s = serve();
    let b = browser();
    let before = host(&s, "before.html", "", "/role-compare.js", "<p>The page the reader came from.</p>");
    // The framed page as a new entry after the page the reader came from. (A
    // navigation started while the previous document is still finishing its
    // load may replace its entry instead: then Back has nowhere to go but the
    // session's first page, so the setup is retried until it holds.)
    let mut length = Value::Null;
    for _ in 0..3 {
        b.goto(&before);
        let start = b.eval("return history.length;", json!([]));
        b.goto(&s.url("/hosts/iframe.html"));
        length = b.eval("return history.length;", json!([]));
        if length.as_u64() == start.as_u64().map(|n| n + 1) {
            break;
        }
    }
    b.switch_frame(json!(0));
    let framed = Widget::page(&b);
    framed.wait_live();
    // Four clicks, each after the pause that writes the view to the frame's
    // own URL (in place).
    let mut hash = b.eval("return location.hash;", json!([]));
    for category in [salary(), skills(), salary(), e2e::dataset::category("education")] {
        framed.toggle(category);
        hash = b.wait_until("return location.hash !== arguments[0] && location.hash;", json!([hash]));
    }
    let framed = b.eval("return history.length;", json!([]));
    b.switch_frame(Value::Null);
    assert_eq!(b.eval("return history.length;", json!([])), length, "the parent's history did not grow");
    assert_eq!(framed, length, "one joint session history, unchanged");
    // Back leaves the career page, not a widget view.
    b.eval("history.back();", json!([]));
    // (Polled for up to 30 s, saying where the page is if it never leaves: on a
    // loaded machine a traversal can take longer than `wait_for` allows.)
    let mut at = Value::Null;
    for _ in 0..600 {
        at = b.eval("return [location.href, history.length, document.readyState];", json!([]));
        if at[0].as_str().is_some_and(|href| href.ends_with("/hosts/before.html")) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("Back did not leave the career page: [href, history.length, readyState] = {at}");
}

// ── the widget's own page, and the element on a real page ─────────────────

/// axe-core's WCAG 2.2 A/AA rules and its best practices.
const AXE_TAGS: [&str; 7] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];

#[test]
fn the_widgets_own_page_has_one_h1_an_icon_that_loads_no_error_and_no_axe_violation() {
    let s = serve();
    let b = browser();
    b.goto(&s.url("/index.html"));
    Widget::page(&b).wait_live();
    let headings = b.eval(
        "return [document.querySelectorAll('h1').length, document.querySelector('h1').textContent,
                 document.querySelectorAll('.rc h2').length, document.querySelector('link[rel=icon]').getAttribute('href')];",
        json!([]),
    );
    assert_eq!(headings[0], json!(1), "exactly one <h1>: {headings}");
    // The first comparison's title (the catalogue's own is its index page's).
    assert_eq!(headings[1], json!(role_compare::data::baked().title.as_ref()));
    assert!(headings[2].as_u64().unwrap() >= 3, "the sections are <h2> under it: {headings}");
    // The icon is a file of dist/, allowed by the strict CSP the page is served with.
    let icon = headings[3].as_str().expect("an icon link").trim_start_matches("./").to_owned();
    assert!(dist().join(&icon).is_file(), "{icon} is in dist/");
    let violations = e2e::axe(&b, &AXE_TAGS);
    assert!(violations.is_empty(), "{violations:#?}");
    b.console().assert_clean();
    // Nothing requested that is not there (a browser asks for /favicon.ico only when the page names no icon).
    for path in s.requests() {
        let file = path.split(['?', '#']).next().unwrap().trim_start_matches('/');
        let file = if file.is_empty() { "index.html" } else { file };
        assert!(dist().join(file).is_file(), "requested {path}, which dist/ does not have");
    }
}

#[test]
fn the_element_on_a_career_page_with_its_own_landmarks_has_no_axe_violation() {
    let s = serve();
    let b = open_live(&s.url("/hosts/career-page.html"));
    assert_eq!(widget(&b).eval("return arguments[0].querySelector('.rc-title').tagName;", json!([])), json!("H2"));
    let violations = e2e::axe(&b, &AXE_TAGS);
    assert!(violations.is_empty(), "{violations:#?}");
    b.console().assert_quiet();
}

// ── language and direction ────────────────────────────────────────────────

#[test]
fn on_a_right_to_left_arabic_page_the_english_widget_reads_left_to_right() {
    let s = serve();
    let b = open_live(&s.url("/hosts/rtl.html"));
    let seen = widget(&b).eval(
        "const [r] = arguments, rc = r.querySelector('.rc'), box = rc.getBoundingClientRect();
         const toggles = [...r.querySelectorAll('.rc-toggle')].map((t) => t.getBoundingClientRect());
         // Where a text node's character at `i` is drawn.
         const at = (node, i) => { const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1); return range.getBoundingClientRect(); };
         const lede = r.querySelector('.rc-lede').firstChild, title = r.querySelector('.rc-title').firstChild;
         const key = r.querySelector('.rc-key');
         return { lang: rc.lang, dir: rc.dir, direction: getComputedStyle(rc).direction,
                  pageDirection: getComputedStyle(document.body).direction,
                  togglesLeftToRight: toggles[0].left < toggles[1].left && toggles[1].left < toggles[2].left,
                  titleStartsAtLeft: at(title, 0).left - box.left < 40,
                  lastChar: lede.data.slice(-1),
                  periodAfterLastWord: at(lede, lede.length - 1).left > at(lede, lede.length - 2).left,
                  keyDifferenceStartsAtLeft: key.querySelector('strong').getBoundingClientRect().left - key.getBoundingClientRect().left < 30 };",
        json!([]),
    );
    assert_eq!(
        seen,
        json!({"lang": "en", "dir": "ltr", "direction": "ltr", "pageDirection": "rtl", "togglesLeftToRight": true,
               "titleStartsAtLeft": true, "lastChar": ".", "periodAfterLastWord": true, "keyDifferenceStartsAtLeft": true})
    );
    b.screenshot(&e2e::screenshots().join("rtl-host.png"));
}
