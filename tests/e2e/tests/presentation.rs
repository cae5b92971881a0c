//! What a reader sees: axe-core (WCAG 2.2 A/AA) in every combination of
//! width, theme and view; keyboard only; no horizontal scrolling; print; and
//! the screenshots written to target/screenshots/ (and README's).

use e2e::{root, screenshots, serve, Browser, Engine, Options, Server, Widget};
use serde_json::{json, Value};

const TAGS: [&str; 6] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

fn open(s: &Server, width: u32, scheme: &'static str, query: &str) -> Browser {
    let b = Browser::start(Options { width, height: 900, color_scheme: scheme, ..Options::default() });
    b.goto(&s.url(&format!("/index.html{query}")));
    Widget::page(&b).wait_live();
    b
}

/// axe-core's WCAG 2.2 A/AA violations on the page, one line each.
fn axe(b: &Browser) -> Vec<String> {
    e2e::axe(b, &TAGS)
}

fn hide_all(b: &Browser) {
    b.eval("document.querySelector('button[data-action=hide-all]').click();", json!([]));
    b.wait_for("!document.querySelector('.rc-cell')");
}

#[test]
fn axe_finds_no_violation_in_any_combination() {
    let s = serve();
    let mut failures = Vec::new();
    for width in [1280, 320] {
        for scheme in ["light", "dark"] {
            for hidden in [false, true] {
                let b = open(&s, width, scheme, "");
                if hidden {
                    hide_all(&b);
                }
                let v = axe(&b);
                if !v.is_empty() {
                    failures.push(format!("{width}px {scheme} hidden={hidden}: {v:#?}"));
                }
            }
            let b = open(&s, width, scheme, "?highlight=on");
            b.wait_for("document.querySelector('.rc-highlight')");
            let v = axe(&b);
            if !v.is_empty() {
                failures.push(format!("{width}px {scheme} highlight: {v:#?}"));
            }
        }
    }
    // Inside the custom element's shadow root too.
    let b = Browser::start(Options::default());
    b.goto(&s.url("/hosts/blank.html"));
    Widget::id(&b, "widget").wait_live();
    let v = axe(&b);
    if !v.is_empty() {
        failures.push(format!("custom element: {v:#?}"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every focusable control, in document order, as `tag:text`.
fn focusables(b: &Browser) -> Vec<String> {
    serde_json::from_value(b.eval(
        // A radio group is one Tab stop, its first radio while none is
        // checked; WebKit stops at each radio of such a group.
        "const [each] = arguments;
         return [...document.querySelectorAll('button, a[href], select, input')].filter((e) => e.getClientRects().length > 0 && !e.disabled)
           .filter((e, i, all) => each || e.type !== 'radio' || all.findIndex((o) => o.type === 'radio' && o.name === e.name) === i)
           .map((e) => e.tagName + ':' + (e.name || '') + e.textContent.trim());",
        json!([b.engine() == Engine::WebKit]),
    ))
    .unwrap()
}

fn active(b: &Browser) -> Value {
    b.eval(
        "const e = document.activeElement, cs = getComputedStyle(e), r = e.getBoundingClientRect();
         return { id: e.tagName + ':' + (e.name || '') + e.textContent.trim(), pressed: e.getAttribute('aria-pressed'),
                  outline: cs.outlineStyle, visible: r.width > 0 && r.height > 0 && !e.closest('[hidden]') };",
        json!([]),
    )
}

const TAB: &str = "\u{E004}";
const SPACE: &str = "\u{E00D}";
const ENTER: &str = "\u{E007}";

#[test]
fn keyboard_alone_reaches_every_control_in_order_and_toggles() {
    let s = serve();
    let b = open(&s, 1280, "light", "");
    let expected = focusables(&b);
    assert!(expected.len() > 10, "{expected:?}");
    let mut seen = Vec::new();
    for _ in 0..expected.len() {
        b.press(TAB);
        let a = active(&b);
        assert_eq!(a["visible"], json!(true), "focus on a hidden element: {a}");
        assert_ne!(a["outline"], json!("none"), "focus not visible: {a}");
        seen.push(a["id"].as_str().unwrap().to_owned());
    }
    assert_eq!(seen, expected, "Tab order");

    // Back to the first toggle: Space and Enter each flip it.
    b.eval("document.querySelector('.rc-toggle').focus();", json!([]));
    assert_eq!(active(&b)["pressed"], json!("true"));
    b.press(SPACE);
    b.wait_for("document.activeElement.getAttribute('aria-pressed') === 'false'");
    assert_eq!(
        b.eval("return document.querySelector('[aria-live]').textContent;", json!([])),
        json!("Overview hidden")
    );
    b.press(ENTER);
    b.wait_for("document.activeElement.getAttribute('aria-pressed') === 'true'");
    assert_eq!(b.eval("return document.querySelector('[aria-live]').textContent;", json!([])), json!("Overview shown"));

    // With everything hidden, Tab still only lands on visible controls.
    hide_all(&b);
    b.eval("document.activeElement.blur();", json!([]));
    for _ in 0..focusables(&b).len() {
        b.press(TAB);
        let a = active(&b);
        assert_eq!(a["visible"], json!(true), "{a}");
    }
}

/// JS: the focused element's `aria-pressed` is `arguments[0]`.
const FOCUSED_PRESSED: &str = "return document.activeElement.getAttribute('aria-pressed') === arguments[0];";

/// In every engine (WebKit's Tab skips buttons unless told otherwise; this
/// proves it does not here): Tab alone reaches each toggle, Space flips it and
/// Enter flips it back.
#[test]
fn keyboard_alone_reaches_and_works_every_toggle() {
    let s = serve();
    let b = open(&s, 1280, "light", "");
    let toggles = b.eval("return document.querySelectorAll('.rc-toggle').length;", json!([])).as_u64().unwrap();
    assert!(toggles >= 8, "{toggles} toggles");
    let mut worked = 0;
    for _ in 0..focusables(&b).len() {
        b.press(TAB);
        let a = active(&b);
        let Some(before) = a["pressed"].as_str().map(str::to_owned) else { continue };
        let flipped = if before == "true" { "false" } else { "true" };
        b.press(SPACE);
        b.wait_until(FOCUSED_PRESSED, json!([flipped]));
        b.press(ENTER);
        b.wait_until(FOCUSED_PRESSED, json!([before]));
        worked += 1;
    }
    assert_eq!(worked, toggles, "toggles reached and worked by keyboard");
}

#[test]
fn no_horizontal_scrolling_at_320px_or_at_200_percent_zoom() {
    let s = serve();
    // 200 % zoom of a 1280 px window is a 640 px wide CSS viewport.
    for width in [320, 640] {
        let b = open(&s, width, "light", "?highlight=on");
        let overflow = b.eval("return document.documentElement.scrollWidth - innerWidth;", json!([]));
        assert!(overflow.as_f64().unwrap() <= 0.0, "{width}px: {overflow} px too wide");
        let stacked =
            b.eval("return getComputedStyle(document.querySelector('.rc-cell .rc-cell-role')).position;", json!([]));
        if width == 320 {
            assert_eq!(stacked, json!("static"), "stacked cells carry their role name");
        }
    }
}

#[test]
fn chart_rows_share_one_scale_and_match_the_figures() {
    let s = serve();
    for width in [1280, 320] {
        let b = open(&s, width, "light", "");
        let bars = b.eval(
            "return [...document.querySelectorAll('.rc-chart')].map((c) => [...c.querySelectorAll('.rc-bar-row .rc-bar')]
               .map((svg) => { const r = svg.getBoundingClientRect(); return [Math.round(r.left), Math.round(r.width)]; }));",
            json!([]),
        );
        for chart in bars.as_array().unwrap() {
            let rows = chart.as_array().unwrap();
            assert!(rows.len() >= 2);
            assert!(rows.iter().all(|r| r == &rows[0]), "{width}px: bars on different scales: {rows:?}");
        }
        // Both roles' four-year degree segments are the same length; the salary bars are 80:70.
        let lengths = b.eval(
            "const w = (q) => [...document.querySelectorAll(q)].map((e) => e.getBoundingClientRect().width);
             return [w('.rc-training-chart .rc-bar-row .rc-seg-degree'), w('.rc-salary-chart .rc-bar-fill')];",
            json!([]),
        );
        let degree: Vec<f64> = serde_json::from_value(lengths[0].clone()).unwrap();
        assert!((degree[0] - degree[1]).abs() < 0.5, "{degree:?}");
        let salary: Vec<f64> = serde_json::from_value(lengths[1].clone()).unwrap();
        assert!((salary[1] / salary[0] - 70.0 / 80.0).abs() < 0.01, "{salary:?}");
    }
}

#[test]
fn role_headers_stay_visible_while_scrolling() {
    let s = serve();
    let b = open(&s, 1280, "light", "");
    b.eval("document.getElementById('rc-sec-skills').scrollIntoView();", json!([]));
    let top = b.wait_for("(() => { const r = document.querySelector('.rc-roles').getBoundingClientRect(); return r.top <= 1 && r.bottom > 0 ? 'stuck' : null; })()");
    assert_eq!(top, json!("stuck"));
}

#[test]
fn print_shows_shown_categories_sources_caveats_and_answers_without_controls() {
    if e2e::chromium_only("print media: only Chrome DevTools (Emulation.setEmulatedMedia) emulates it over WebDriver") {
        return;
    }
    let s = serve();
    let b = open(&s, 1280, "dark", "");
    b.eval("document.querySelector('.rc-toggle[data-category=skills]').click();", json!([]));
    b.wait_for("!document.querySelector('#rc-sec-skills .rc-cell')");
    // An answer in the fit view: print keeps it marked, and its tally.
    b.eval("document.querySelector('.rc-fit-option input').click();", json!([]));
    b.wait_for("document.querySelector('.rc-fit-chosen input:checked')");
    b.emulate_media("print");
    let answer = b.eval(
        "const chosen = getComputedStyle(document.querySelector('.rc-fit-chosen'));
         const other = getComputedStyle(document.querySelector('.rc-fit-option:not(.rc-fit-chosen)'));
         const shown = (s) => { const e = document.querySelector(s); return !!e && e.getClientRects().length > 0; };
         return { chosen: [chosen.borderTopStyle, chosen.borderTopColor, parseFloat(chosen.borderTopWidth) >= 2],
                  other: other.borderTopColor, tally: shown('.rc-fit-tally') && document.querySelector('.rc-fit-tally').textContent !== '',
                  reset: shown('.rc-fit-reset') };",
        json!([]),
    );
    assert_eq!(
        answer,
        json!({"chosen": ["solid", "rgb(0, 0, 0)", true], "other": "rgba(0, 0, 0, 0)", "tally": true, "reset": false}),
        "print marks the chosen answer with a black border the others lack, keeps the tally and drops the reset"
    );
    let seen = b.eval(
        "const v = (s) => { const e = document.querySelector(s); return !!e && e.getClientRects().length > 0; };
         return { toolbar: v('.rc-toolbar'), glance: v('.rc-glance'), salary: v('#rc-sec-salary .rc-cell'),
                  skills: v('#rc-sec-skills .rc-cell'), caveats: v('.rc-caveats'), sources: v('.rc-sources'),
                  color: getComputedStyle(document.querySelector('.rc')).color,
                  background: getComputedStyle(document.querySelector('.rc')).backgroundColor };",
        json!([]),
    );
    assert_eq!(
        seen,
        json!({"toolbar": false, "glance": false, "salary": true, "skills": false, "caveats": true, "sources": true,
               "color": "rgb(0, 0, 0)", "background": "rgb(255, 255, 255)"})
    );
}

#[test]
fn screenshots_desktop_light_dark_and_mobile() {
    let s = serve();
    let engine = e2e::engine();
    // Chromium's keep their names (README links them); the other engines' are prefixed.
    let prefix = if engine == e2e::Engine::Chromium { String::new() } else { format!("{}-", engine.name()) };
    for (name, width, scheme) in
        [("desktop-light", 1280, "light"), ("desktop-dark", 1280, "dark"), ("mobile-320", 320, "light")]
    {
        shoot(&s, &format!("{prefix}{name}"), width, scheme, false);
    }
}

#[test]
fn screenshots_print_and_readme() {
    if e2e::chromium_only("print media emulation is Chrome DevTools'; README's picture is Chromium's") {
        return;
    }
    let s = serve();
    shoot(&s, "print", 1280, "light", true);
    // README's picture: the top of the desktop view.
    let b = open(&s, 1280, "light", "?categories=overview,education,salary");
    b.set_viewport(1280, 1500);
    b.eval("window.scrollTo(0, 0);", json!([]));
    std::fs::write(root().join("docs/screenshot.png"), b.viewport_png()).unwrap();
}

/// A whole-page screenshot in target/screenshots/<name>.png, checked to be
/// the page's width and (up to 16 000 px) its height.
fn shoot(s: &Server, name: &str, width: u32, scheme: &'static str, print: bool) -> std::path::PathBuf {
    let b = open(s, width, scheme, "");
    if print {
        b.emulate_media("print");
    }
    let path = screenshots().join(format!("{name}.png"));
    b.screenshot(&path);
    // PNG's IHDR holds width and height.
    let png = std::fs::read(&path).unwrap();
    let (w, h) =
        (u32::from_be_bytes(png[16..20].try_into().unwrap()), u32::from_be_bytes(png[20..24].try_into().unwrap()));
    let page = b.eval("return document.documentElement.scrollHeight;", json!([])).as_u64().unwrap() as u32;
    assert_eq!(w, width, "{name}: width");
    assert!(h >= page.min(16_000) && h > 900, "{name}: {w}×{h} for a page {page} px tall");
    path
}
