//! The three ways in, as a web developer of a career website would try them:
//! the custom element on blank, hostile and strict-CSP pages, two instances,
//! attribute changes, the self-sizing iframe, the stand-alone file from disk,
//! and bad configuration.

use e2e::{dist, live, root, serve, Browser, Options, Server};
use serde_json::{json, Value};

fn browser() -> Browser {
    Browser::start(Options::default())
}

/// A host page opened in a new browser, its widget `id` rendered and live;
/// returns the server (keep it alive), the browser and the widget's root (JS).
fn open(page: &str, id: &str) -> (Server, Browser, String) {
    let s = serve();
    let b = browser();
    b.goto(&s.url(page));
    wait_rendered(&b, id);
    (s, b, shadow(id))
}

/// JS: the shadow root of the element with this id.
fn shadow(id: &str) -> String {
    format!("document.getElementById('{id}').shadowRoot")
}

fn wait_rendered(b: &Browser, id: &str) {
    b.wait_for(&live(&shadow(id)));
}

/// `aria-pressed` of every toggle of a widget, by category id.
fn pressed(b: &Browser, root: &str) -> Value {
    b.eval(
        &format!("return Object.fromEntries([...{root}.querySelectorAll('.rc-toggle')].map(t => [t.dataset.category, t.getAttribute('aria-pressed')]));"),
        json!([]),
    )
}

/// Ids of the sections with content.
fn shown_sections(b: &Browser, root: &str) -> Vec<String> {
    let v = b.eval(
        &format!(
            "return [...{root}.querySelectorAll('section.rc-section:not([hidden])')].map(s => s.dataset.category);"
        ),
        json!([]),
    );
    serde_json::from_value(v).expect("ids")
}

fn click(b: &Browser, root: &str, selector: &str) {
    b.eval(&format!("{root}.querySelector(\"{selector}\").click();"), json!([]));
}

fn recorded(b: &Browser) -> (Vec<String>, Vec<String>, Vec<String>) {
    let r = b.recorded();
    let list = |k: &str| serde_json::from_value::<Vec<String>>(r[k].clone()).unwrap_or_default();
    (list("warnings"), list("errors"), list("csp"))
}

fn all_ids() -> Vec<String> {
    role_ids("categories")
}

fn role_ids(what: &str) -> Vec<String> {
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("assets/roles.json")).unwrap()).unwrap();
    json[what].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_owned()).collect()
}

/// Renders, toggles one category off and on, and reports what it saw.
fn render_and_toggle(b: &Browser, id: &str) {
    wait_rendered(b, id);
    let root = shadow(id);
    assert_eq!(shown_sections(b, &root), all_ids());
    click(b, &root, ".rc-toggle[data-category=salary]");
    b.wait_for(&format!(
        "{root}.querySelector('.rc-toggle[data-category=salary]').getAttribute('aria-pressed') === 'false'"
    ));
    assert!(!shown_sections(b, &root).contains(&"salary".to_owned()));
    click(b, &root, ".rc-toggle[data-category=salary]");
    b.wait_for(&format!(
        "{root}.querySelector('.rc-toggle[data-category=salary]').getAttribute('aria-pressed') === 'true'"
    ));
    assert_eq!(shown_sections(b, &root), all_ids());
}

#[test]
fn custom_element_on_a_blank_page_renders_toggles_and_leaves_the_url_alone() {
    let s = serve();
    let b = browser();
    let url = s.url("/hosts/blank.html");
    b.goto(&url);
    render_and_toggle(&b, "widget");
    click(&b, &shadow("widget"), ".rc-toggle[data-category=skills]");
    // Past the moment a synced view would have been written to the URL.
    b.eval_async("setTimeout(arguments[0], 600);", json!([]));
    assert_eq!(b.eval("return location.href;", json!([])), json!(url), "sync-url is off by default");
    assert_eq!(
        b.eval(&format!("return {}.mode === undefined ? 'closed' : 'open';", shadow("widget")), json!([])),
        json!("open")
    );
    let (warnings, errors, _) = recorded(&b);
    assert!(warnings.is_empty() && errors.is_empty(), "{warnings:?} {errors:?}");
    // No cookie, no storage, no request beyond its own files.
    let storage = b.eval("return [document.cookie, localStorage.length, sessionStorage.length];", json!([]));
    assert_eq!(storage, json!(["", 0, 0]));
    // (The browser itself asks for /favicon.ico; the widget asks for nothing else.)
    for path in s.requests().into_iter().filter(|p| p != "/favicon.ico") {
        let own = path.starts_with("/hosts/blank.html")
            || path.starts_with("/role-compare")
            || path.starts_with("/snippets/");
        assert!(own, "unexpected request {path}");
    }
}

#[test]
fn change_event_bubbles_out_of_the_shadow_root_with_the_shown_categories() {
    let (_s, b, root) = open("/hosts/blank.html", "widget");
    b.eval("window.__events = []; document.addEventListener('role-compare-change', e => __events.push(e.detail.categories));", json!([]));
    click(&b, &root, "button[data-action=hide-all]");
    click(&b, &root, ".rc-toggle[data-category=skills]");
    b.wait_for("__events.length === 2");
    assert_eq!(b.eval("return __events;", json!([])), json!([[], ["skills"]]));
}

#[test]
fn hostile_page_css_changes_nothing_inside_and_the_widget_changes_nothing_outside() {
    let s = serve();
    let measure = |page: &str| {
        let b = browser();
        b.goto(&s.url(page));
        render_and_toggle(&b, "widget");
        let root = shadow("widget");
        b.eval(
            &format!(
                "const t = {root}.querySelector('.rc-toggle'), cs = getComputedStyle(t), sec = getComputedStyle({root}.querySelector('.rc-section'));
                 return {{display: cs.display, fontSize: cs.fontSize, color: cs.color, visible: t.getBoundingClientRect().width > 0,
                          sectionMargin: sec.marginLeft, hiddenCount: {root}.querySelectorAll('section[hidden]').length}};"
            ),
            json!([]),
        )
    };
    let blank = measure("/hosts/blank.html");
    let hostile = measure("/hosts/hostile.html");
    assert_eq!(blank, hostile, "the widget looks the same on a hostile page");
    assert_eq!(hostile["visible"], json!(true));

    // The widget's CSS does not reach the host's elements that share its class names.
    let b = browser();
    b.goto(&s.url("/hosts/hostile.html"));
    wait_rendered(&b, "widget");
    let host = b.eval(
        "const p = getComputedStyle(document.getElementById('host-text'));
         return [p.paddingLeft, p.backgroundColor, getComputedStyle(document.getElementById('host-button')).display];",
        json!([]),
    );
    assert_eq!(host, json!(["0px", "rgba(0, 0, 0, 0)", "none"]));
}

#[test]
fn two_instances_start_and_toggle_independently() {
    let s = serve();
    let b = browser();
    b.goto(&s.url("/hosts/two.html"));
    wait_rendered(&b, "a");
    wait_rendered(&b, "b");
    let (a, bb) = (shadow("a"), shadow("b"));
    assert_eq!(shown_sections(&b, &a), vec!["skills", "salary"]);
    assert_eq!(shown_sections(&b, &bb), vec!["overview"]);
    click(&b, &a, ".rc-toggle[data-category=overview]");
    b.wait_for(&format!(
        "{a}.querySelector('.rc-toggle[data-category=overview]').getAttribute('aria-pressed') === 'true'"
    ));
    assert_eq!(shown_sections(&b, &a), vec!["overview", "skills", "salary"]);
    assert_eq!(shown_sections(&b, &bb), vec!["overview"], "b is untouched");
    assert_eq!(
        b.eval(&format!("return {bb}.querySelector('.rc').classList.contains('rc-theme-dark');"), json!([])),
        json!(true)
    );
}

#[test]
fn attribute_changes_after_mount_update_the_widget() {
    let (_s, b, root) = open("/hosts/blank.html", "widget");
    b.eval("document.getElementById('widget').setAttribute('categories', 'education,experience');", json!([]));
    b.wait_for(&format!("{root}.querySelectorAll('section.rc-section:not([hidden])').length === 2"));
    assert_eq!(shown_sections(&b, &root), vec!["education", "experience"]);
    assert_eq!(pressed(&b, &root)["salary"], json!("false"));
    click(&b, &root, "button[data-action=highlight]");
    b.eval("document.getElementById('widget').setAttribute('theme', 'dark');", json!([]));
    b.wait_for(&format!("{root}.querySelector('.rc').classList.contains('rc-theme-dark')"));
    // Changing one attribute leaves the reader's other choices alone.
    assert_eq!(shown_sections(&b, &root), vec!["education", "experience"]);
    assert_eq!(
        b.eval(&format!("return {root}.querySelector('.rc').classList.contains('rc-highlight');"), json!([])),
        json!(true)
    );
    b.eval("document.getElementById('widget').setAttribute('roles', 'perfusionist,ecmo-specialist');", json!([]));
    b.wait_for(&format!("{root}.querySelector('.rc-cell').dataset.role === 'perfusionist'"));
    b.eval("document.getElementById('widget').removeAttribute('categories');", json!([]));
    b.wait_for(&format!("{root}.querySelectorAll('section.rc-section:not([hidden])').length === {}", all_ids().len()));
    // Moved elsewhere in the page: the same widget, the reader's view kept.
    click(&b, &root, ".rc-toggle[data-category=salary]");
    b.wait_for(&format!("!{root}.querySelector('#rc-sec-salary .rc-cell')"));
    b.eval("document.body.prepend(document.getElementById('widget'));", json!([]));
    b.eval_async("setTimeout(arguments[0], 50);", json!([]));
    assert_eq!(b.eval(&format!("return {root}.querySelectorAll('.rc').length;"), json!([])), json!(1));
    assert!(!shown_sections(&b, &root).contains(&"salary".to_owned()), "view kept across a move");
    click(&b, &root, ".rc-toggle[data-category=salary]");
    b.wait_for(&format!("{root}.querySelector('#rc-sec-salary .rc-cell')"));
    // An attribute changed while the element is off the page still counts.
    b.eval(
        "const w = document.getElementById('widget'); w.remove(); w.setAttribute('theme', 'light'); document.body.append(w);",
        json!([]),
    );
    b.wait_for(&format!("{root}.querySelector('.rc').classList.contains('rc-theme-light')"));
}

#[test]
fn strict_csp_page_renders_and_toggles_with_no_violation() {
    let (_s, b, root) = open("/hosts/strict-csp.html", "widget");
    assert_eq!(shown_sections(&b, &root), vec!["overview", "salary"]);
    click(&b, &root, "button[data-action=show-all]");
    b.wait_for(&format!("{root}.querySelectorAll('section.rc-section:not([hidden])').length === {}", all_ids().len()));
    // The iframe page is served with the same policy; its content must arrive and size the frame.
    // (Below the widget it is off screen, where Chrome may not render a
    // cross-origin frame, nor run its ResizeObserver, until it is scrolled to.)
    b.eval("document.getElementById('frame').scrollIntoView();", json!([]));
    b.wait_for("window.__heights && window.__heights.length > 0 && __heights[__heights.length - 1] > 500");
    let (_, errors, csp) = recorded(&b);
    assert!(csp.is_empty(), "CSP violations: {csp:?}");
    assert!(errors.is_empty(), "errors: {errors:?}");
    // And inside the frame, whose page is served with the same policy.
    switch_to_frame(&b, 0);
    b.wait_for(&live("document"));
    b.eval("document.querySelector('.rc-toggle[data-category=skills]').click();", json!([]));
    b.wait_for("!document.querySelector('#rc-sec-skills .rc-cell')");
    let (_, errors, csp) = recorded(&b);
    assert!(csp.is_empty(), "CSP violations in the frame: {csp:?}");
    assert!(errors.is_empty(), "errors in the frame: {errors:?}");
}

#[test]
fn iframe_posts_its_height_and_a_new_one_after_toggling() {
    let s = serve();
    let b = browser();
    b.goto(&s.url("/hosts/iframe.html"));
    // Inside the (sandboxed, cross-origin) frame: the query's settings are applied.
    switch_to_frame(&b, 0);
    b.wait_for("document.querySelectorAll('section.rc-section:not([hidden])').length === 2");
    // The height of that view (not of the prerendered page, posted before it).
    let height = b.eval("return Math.ceil(document.documentElement.getBoundingClientRect().height);", json!([]));
    assert!(height.as_f64().unwrap() > 300.0, "{height}");
    switch_to_parent(&b);
    // The parent snippet sizes the frame to the last posted height.
    let first = b.wait_for(&format!(
        "window.__heights && __heights[__heights.length - 1] === {height} && \
         Math.round(document.getElementById('frame').getBoundingClientRect().height) === {height} && {height}"
    ));
    switch_to_frame(&b, 0);
    let shown: Vec<String> = serde_json::from_value(b.eval(
        "return [...document.querySelectorAll('section.rc-section:not([hidden])')].map(s => s.dataset.category);",
        json!([]),
    ))
    .unwrap();
    assert_eq!(shown, vec!["skills", "salary"]);
    assert_eq!(
        b.eval("return document.querySelector('.rc').classList.contains('rc-theme-dark');", json!([])),
        json!(true)
    );
    b.eval("document.querySelector('button[data-action=show-all]').click();", json!([]));
    switch_to_parent(&b);
    let grown = b.wait_for(&format!("__heights[__heights.length - 1] > {} && __heights[__heights.length - 1]", first));
    assert!(grown.as_f64().unwrap() > first.as_f64().unwrap() * 1.5, "{first} → {grown}");
}

fn switch_to_frame(b: &Browser, index: u32) {
    b.switch_frame(json!(index));
}

fn switch_to_parent(b: &Browser) {
    b.switch_frame(Value::Null);
}

#[test]
fn standalone_file_works_from_disk_with_no_network() {
    let b = browser();
    let file = dist().join("role-compare-standalone.html");
    b.goto(&format!("file://{}", file.display()));
    b.wait_for(&live("document"));
    let count = b.eval("return document.querySelectorAll('section.rc-section:not([hidden])').length;", json!([]));
    assert_eq!(count, json!(all_ids().len()));
    b.eval("document.querySelector('.rc-toggle[data-category=skills]').click();", json!([]));
    b.wait_for("document.querySelector('.rc-toggle[data-category=skills]').getAttribute('aria-pressed') === 'false'");
    b.wait_for("!document.querySelector('#rc-sec-skills .rc-cell')");
    let resources = b.eval("return performance.getEntriesByType('resource').map(e => e.name);", json!([]));
    assert_eq!(resources, json!([]), "the stand-alone file loads nothing");
    let (warnings, errors, _) = recorded(&b);
    assert!(warnings.is_empty() && errors.is_empty(), "{warnings:?} {errors:?}");
}

#[test]
fn bad_configuration_warns_once_each_and_still_renders() {
    let s = serve();
    let b = browser();
    b.goto(&s.url("/hosts/bad-config.html"));
    let cases = [
        ("unknown-category", "categories", "salary,astronaut", vec!["salary".to_owned()]),
        ("unknown-theme", "theme", "purple", all_ids()),
        ("empty", "categories", "", all_ids()),
        ("absurd", "highlight", "maybe-perhaps", all_ids()),
    ];
    for (id, _, _, shown) in &cases {
        wait_rendered(&b, id);
        assert_eq!(&shown_sections(&b, &shadow(id)), shown, "{id}");
    }
    // An unknown role is not a bad value to default: showing the default
    // comparison would show another comparison than asked. A notice, one error.
    let unknown = e2e::Widget::element(&b, "#unknown-role");
    b.wait_for("document.getElementById('unknown-role').shadowRoot && document.getElementById('unknown-role').shadowRoot.querySelector('.rc-unavailable')");
    assert!(unknown.notice().is_some() && unknown.sections().is_empty());
    let (warnings, errors, _) = recorded(&b);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("role-compare: ") && errors[0].contains("\"surgeon\""), "{}", errors[0]);
    assert_eq!(warnings.len(), cases.len(), "one warning per bad attribute: {warnings:?}");
    for (_, attribute, value, _) in &cases {
        assert!(
            warnings.iter().any(|w| w.contains(&format!("{attribute}=\"{value}\""))),
            "no warning names {attribute}={value:?}: {warnings:?}"
        );
    }
}

#[test]
fn malformed_query_parameters_warn_and_the_page_renders_defaults() {
    let s = serve();
    let b = browser();
    b.goto(&s.url("/index.html?categories=%%%&theme=neon&utm_source=x&roles="));
    b.wait_for(&live("document"));
    let count = b.eval("return document.querySelectorAll('section.rc-section:not([hidden])').length;", json!([]));
    assert_eq!(count, json!(all_ids().len()));
    let (warnings, errors, _) = recorded(&b);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(warnings.len(), 4, "{warnings:?}");
    for key in ["categories=", "theme=\"neon\"", "utm_source=", "roles="] {
        assert!(warnings.iter().any(|w| w.contains(key)), "{key}: {warnings:?}");
    }
}

/// `sync-url` removed while the reader's last click still waits to be written
/// (the URL is written once clicks pause): the write is dropped, since an
/// element without `sync-url` never touches the page's URL.
#[test]
fn removing_sync_url_cancels_a_url_write_still_waiting() {
    let s = serve();
    let b = browser();
    let url = s.url("/hosts/blank.html");
    b.goto(&url);
    wait_rendered(&b, "widget");
    b.eval("document.getElementById('widget').setAttribute('sync-url', '');", json!([]));
    // Click, and once the click has rendered (its URL write now waiting),
    // remove sync-url; then wait well past the write's delay.
    b.eval_async(
        "const done = arguments[0]; const el = document.getElementById('widget');
         const toggle = el.shadowRoot.querySelector('.rc-toggle[data-category=salary]');
         toggle.click();
         const removed = () => { el.removeAttribute('sync-url'); setTimeout(done, 1000); };
         const wait = () => toggle.getAttribute('aria-pressed') === 'false' ? removed() : setTimeout(wait, 0);
         wait();",
        json!([]),
    );
    assert_eq!(
        shown_sections(&b, &shadow("widget")),
        vec!["overview", "duties", "education", "experience", "environment", "skills"]
    );
    assert_eq!(
        b.eval("return location.href;", json!([])),
        json!(url),
        "the URL was written after sync-url was removed"
    );
}

#[test]
fn sync_url_attribute_keeps_the_view_in_the_host_pages_fragment() {
    let s = serve();
    let b = browser();
    b.goto(&format!("{}#hide=skills", s.url("/hosts/blank.html")));
    wait_rendered(&b, "widget");
    let root = shadow("widget");
    // Without sync-url the fragment is not read.
    assert_eq!(shown_sections(&b, &root), all_ids());
    b.eval("document.getElementById('widget').setAttribute('sync-url', '');", json!([]));
    b.wait_for(&format!("!{root}.querySelector('#rc-sec-skills .rc-cell')"));
    click(&b, &root, ".rc-toggle[data-category=salary]");
    b.wait_for("location.hash === '#hide=skills,salary'");
    // Switching sync-url off again keeps what the reader sees.
    b.eval("document.getElementById('widget').removeAttribute('sync-url');", json!([]));
    b.eval_async("setTimeout(arguments[0], 50);", json!([]));
    assert_eq!(shown_sections(&b, &root), vec!["overview", "duties", "education", "experience", "environment"]);
}
