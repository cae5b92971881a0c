//! The three ways in, as a web developer of a career website would try them:
//! the custom element on blank, hostile and strict-CSP pages, two instances,
//! attribute changes, the self-sizing iframe, the stand-alone file from disk,
//! and bad configuration.

use e2e::dataset::{categories as all_ids, categories_without, category, salary, skills};
use e2e::{browser, dist, serve, Browser, Server, Widget};
use serde_json::{json, Value};

/// A host page opened in a new browser, its widget `id` live; returns the
/// server (keep it alive) and the browser.
fn open(page: &str, id: &str) -> (Server, Browser) {
    let s = serve();
    let b = browser();
    b.goto(&s.url(page));
    Widget::id(&b, id).wait_live();
    (s, b)
}

/// Renders, toggles one category off and on, and checks what it shows.
fn render_and_toggle(w: &Widget) {
    w.wait_live();
    assert_eq!(w.sections(), all_ids());
    w.toggle(salary());
    w.wait_pressed(salary(), false);
    assert!(!w.sections().contains(&salary().to_owned()));
    w.toggle(salary());
    w.wait_pressed(salary(), true);
    assert_eq!(w.sections(), all_ids());
}

#[test]
fn custom_element_on_a_blank_page_renders_toggles_and_leaves_the_url_alone() {
    let s = serve();
    let b = browser();
    let url = s.url("/hosts/blank.html");
    b.goto(&url);
    let w = Widget::id(&b, "widget");
    render_and_toggle(&w);
    w.toggle(skills());
    // Past the moment a synced view would have been written to the URL.
    b.pause(600);
    assert_eq!(b.eval("return location.href;", json!([])), json!(url), "sync-url is off by default");
    assert_eq!(w.eval("return arguments[0].mode === undefined ? 'closed' : 'open';", json!([])), json!("open"));
    b.console().assert_quiet();
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
    let (_s, b) = open("/hosts/blank.html", "widget");
    let w = Widget::id(&b, "widget");
    b.eval("window.__events = []; document.addEventListener('role-compare-change', e => __events.push(e.detail.categories));", json!([]));
    w.click("button[data-action=hide-all]");
    // One event per view the widget renders: the second click waits for the
    // first's (two clicks within one render are one view, one event).
    b.wait_for("__events.length === 1");
    w.toggle(skills());
    b.wait_for("__events.length === 2");
    assert_eq!(b.eval("return __events;", json!([])), json!([[], [skills()]]));
}

#[test]
fn hostile_page_css_changes_nothing_inside_and_the_widget_changes_nothing_outside() {
    let s = serve();
    let measure = |page: &str| {
        let b = browser();
        b.goto(&s.url(page));
        let w = Widget::id(&b, "widget");
        render_and_toggle(&w);
        w.eval(
            "const [root] = arguments;
             const t = root.querySelector('.rc-toggle'), cs = getComputedStyle(t), sec = getComputedStyle(root.querySelector('.rc-section'));
             return {display: cs.display, fontSize: cs.fontSize, color: cs.color, visible: t.getBoundingClientRect().width > 0,
                     sectionMargin: sec.marginLeft, hiddenCount: root.querySelectorAll('section[hidden]').length};",
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
    Widget::id(&b, "widget").wait_live();
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
    let (a, bb) = (Widget::id(&b, "a"), Widget::id(&b, "b"));
    a.wait_live();
    bb.wait_live();
    let overview = category("overview");
    assert_eq!(a.sections(), [skills(), salary()]);
    assert_eq!(bb.sections(), [overview]);
    a.toggle(overview);
    a.wait_pressed(overview, true);
    assert_eq!(a.sections(), [overview, skills(), salary()]);
    assert_eq!(bb.sections(), [overview], "b is untouched");
    assert!(bb.classes().iter().any(|c| c == "rc-theme-dark"), "{:?}", bb.classes());
}

#[test]
fn attribute_changes_after_mount_update_the_widget() {
    let (_s, b) = open("/hosts/blank.html", "widget");
    let w = Widget::id(&b, "widget");
    let picked = [category("education"), category("experience")];
    b.eval("document.getElementById('widget').setAttribute('categories', arguments[0]);", json!([picked.join(",")]));
    w.wait_section_count(2);
    assert_eq!(w.sections(), picked);
    assert_eq!(w.pressed()[salary()], json!("false"));
    w.click("button[data-action=highlight]");
    b.eval("document.getElementById('widget').setAttribute('theme', 'dark');", json!([]));
    w.wait_theme("dark");
    // Changing one attribute leaves the reader's other choices alone.
    assert_eq!(w.sections(), picked);
    assert!(w.highlighted());
    b.eval("document.getElementById('widget').setAttribute('roles', 'perfusionist,ecmo-specialist');", json!([]));
    w.wait_until(
        "return arguments[0].querySelector('.rc-cell').dataset.role === arguments[1];",
        json!(["perfusionist"]),
    );
    b.eval("document.getElementById('widget').removeAttribute('categories');", json!([]));
    w.wait_section_count(all_ids().len());
    // Moved elsewhere in the page: the same widget, the reader's view kept.
    w.toggle(salary());
    w.wait_content(salary(), false);
    b.eval("document.body.prepend(document.getElementById('widget'));", json!([]));
    b.pause(50);
    assert_eq!(w.count(".rc"), 1);
    assert!(!w.sections().contains(&salary().to_owned()), "view kept across a move");
    w.toggle(salary());
    w.wait_content(salary(), true);
    // An attribute changed while the element is off the page still counts.
    b.eval(
        "const w = document.getElementById('widget'); w.remove(); w.setAttribute('theme', 'light'); document.body.append(w);",
        json!([]),
    );
    w.wait_theme("light");
}

#[test]
fn strict_csp_page_renders_and_toggles_with_no_violation() {
    let (_s, b) = open("/hosts/strict-csp.html", "widget");
    let w = Widget::id(&b, "widget");
    assert_eq!(w.sections(), [category("overview"), salary()]);
    w.click("button[data-action=show-all]");
    w.wait_section_count(all_ids().len());
    // The iframe page is served with the same policy; its content must arrive and size the frame.
    // (Below the widget it is off screen, where Chrome may not render a
    // cross-origin frame, nor run its ResizeObserver, until it is scrolled to.)
    b.eval("document.getElementById('frame').scrollIntoView();", json!([]));
    b.wait_for("window.__heights && window.__heights.length > 0 && __heights[__heights.length - 1] > 500");
    let console = b.console();
    assert!(console.csp.is_empty(), "CSP violations: {:?}", console.csp);
    assert!(console.errors.is_empty(), "errors: {:?}", console.errors);
    // And inside the frame, whose page is served with the same policy.
    b.switch_frame(json!(0));
    let framed = Widget::page(&b);
    framed.wait_live();
    framed.toggle(skills());
    framed.wait_content(skills(), false);
    let console = b.console();
    assert!(console.csp.is_empty(), "CSP violations in the frame: {:?}", console.csp);
    assert!(console.errors.is_empty(), "errors in the frame: {:?}", console.errors);
}

#[test]
fn iframe_posts_its_height_and_a_new_one_after_toggling() {
    let s = serve();
    let b = browser();
    b.goto(&s.url("/hosts/iframe.html"));
    // Inside the (sandboxed, cross-origin) frame: the query's settings are applied.
    b.switch_frame(json!(0));
    let framed = Widget::page(&b);
    framed.wait_section_count(2);
    // The height of that view (not of the prerendered page, posted before it).
    let height = b.eval("return Math.ceil(document.documentElement.getBoundingClientRect().height);", json!([]));
    assert!(height.as_f64().unwrap() > 300.0, "{height}");
    b.switch_frame(Value::Null);
    // The parent snippet sizes the frame to the last posted height.
    let first = b.wait_until(
        "const [height] = arguments;
         return window.__heights && __heights[__heights.length - 1] === height
           && Math.round(document.getElementById('frame').getBoundingClientRect().height) === height && height;",
        json!([height]),
    );
    b.switch_frame(json!(0));
    assert_eq!(framed.sections(), [skills(), salary()]);
    assert_eq!(framed.theme().as_deref(), Some("dark"));
    framed.click("button[data-action=show-all]");
    b.switch_frame(Value::Null);
    let grown = b.wait_until(
        "const last = __heights[__heights.length - 1]; return last > arguments[0] && last;",
        json!([first]),
    );
    assert!(grown.as_f64().unwrap() > first.as_f64().unwrap() * 1.5, "{first} → {grown}");
}

#[test]
fn standalone_file_works_from_disk_with_no_network() {
    let b = browser();
    let file = dist().join("role-compare-standalone.html");
    b.goto(&format!("file://{}", file.display()));
    let w = Widget::page(&b);
    w.wait_live();
    assert_eq!(w.sections().len(), all_ids().len());
    w.toggle(skills());
    w.wait_pressed(skills(), false);
    w.wait_content(skills(), false);
    let resources = b.eval("return performance.getEntriesByType('resource').map(e => e.name);", json!([]));
    assert_eq!(resources, json!([]), "the stand-alone file loads nothing");
    b.console().assert_quiet();
}

#[test]
fn bad_configuration_warns_once_each_and_still_renders() {
    let s = serve();
    let b = browser();
    b.goto(&s.url("/hosts/bad-config.html"));
    let cases = [
        ("unknown-category", "categories", "salary,astronaut", vec![salary().to_owned()]),
        ("unknown-theme", "theme", "purple", all_ids()),
        ("empty", "categories", "", all_ids()),
        ("absurd", "highlight", "maybe-perhaps", all_ids()),
    ];
    for (id, _, _, shown) in &cases {
        let w = Widget::id(&b, id);
        w.wait_live();
        assert_eq!(&w.sections(), shown, "{id}");
    }
    // An unknown role is not a bad value to default: showing the default
    // comparison would show another comparison than asked. A notice, one error.
    let unknown = Widget::id(&b, "unknown-role");
    unknown.wait_notice();
    assert!(unknown.notice().is_some() && unknown.sections().is_empty());
    let e2e::Console { warnings, errors, .. } = b.console();
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
    let w = Widget::page(&b);
    w.wait_live();
    assert_eq!(w.sections().len(), all_ids().len());
    let e2e::Console { warnings, errors, .. } = b.console();
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
    let w = Widget::id(&b, "widget");
    w.wait_live();
    b.eval("document.getElementById('widget').setAttribute('sync-url', '');", json!([]));
    // Click, and once the click has rendered (its URL write now waiting),
    // remove sync-url; then wait well past the write's delay.
    b.eval_async(
        "const [category, done] = arguments; const el = document.getElementById('widget');
         const toggle = el.shadowRoot.querySelector(`.rc-toggle[data-category=\"${CSS.escape(category)}\"]`);
         toggle.click();
         const removed = () => { el.removeAttribute('sync-url'); setTimeout(done, 1000); };
         const wait = () => toggle.getAttribute('aria-pressed') === 'false' ? removed() : setTimeout(wait, 0);
         wait();",
        json!([salary()]),
    );
    assert_eq!(w.sections(), categories_without(&[salary()]));
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
    let w = Widget::id(&b, "widget");
    w.wait_live();
    // Without sync-url the fragment is not read.
    assert_eq!(w.sections(), all_ids());
    b.eval("document.getElementById('widget').setAttribute('sync-url', '');", json!([]));
    w.wait_content(skills(), false);
    w.toggle(salary());
    b.wait_for("location.hash === '#hide=skills,salary'");
    // Switching sync-url off again keeps what the reader sees.
    b.eval("document.getElementById('widget').removeAttribute('sync-url');", json!([]));
    b.pause(50);
    assert_eq!(w.sections(), categories_without(&[skills(), salary()]));
}

#[test]
fn a_bad_wordpress_secret_is_one_warning_and_the_embed_view_still_renders_and_sizes_itself() {
    let s = serve();
    let b = browser();
    b.goto(&s.url("/hosts/iframe-bad-secret.html"));
    b.switch_frame(json!(0));
    b.wait_for("document.querySelector('.rc.rc-live')");
    b.settle();
    let console = b.console();
    assert_eq!(console.warnings.len(), 1, "{:?}", console.warnings);
    assert!(
        console.warnings[0].starts_with("role-compare: ignored #?secret=not-10-letters!"),
        "{:?}",
        console.warnings
    );
    assert!(console.errors.is_empty(), "{:?}", console.errors);
    // The embed view (no sections), and the fragment's secret left out of the view.
    let view = b.eval(
        "return [document.documentElement.hasAttribute('data-rc-embed'),
                 [...document.querySelectorAll('.rc-section')].filter((e) => e.getClientRects().length).length,
                 location.hash];",
        json!([]),
    );
    assert_eq!(view, json!([true, 0, "#?secret=not-10-letters!"]));
    // Our own parent snippet still sizes it.
    b.switch_frame(Value::Null);
    b.wait_for("window.__heights && __heights.length > 0");
}
