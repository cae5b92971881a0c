//! Below the browser floor (README: Browser support) the widget stays
//! readable and usable: its stylesheet read as a browser without
//! `light-dark()` reads it, a shadow root without `adoptedStyleSheets`, and a
//! browser without WebAssembly (or whose wasm does not compile); and at the
//! floor, without `light-dark()`, the first paint of every way in is the
//! live view.

use e2e::first_paint::{cases, open, Open, WATCH};
use e2e::{serve, Browser, Options, Widget};
use serde_json::{json, Value};

/// Colours of the widget in the page, or in the shadow root of the element
/// with id `arguments[0]`, and the contrasts that make it readable (WCAG
/// relative luminance).
const LOOK: &str = "
  const root = arguments[0] ? document.getElementById(arguments[0]).shadowRoot : document;
  const cs = (s) => getComputedStyle(root.querySelector(s));
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = (c) => {
    const [r, g, b] = rgb(c).slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const rc = cs('.rc'), on = cs('.rc-toggle[aria-pressed=true]'), off = cs('.rc-toggle[aria-pressed=false]');
  return {
    background: rc.backgroundColor, backgroundLuminance: lum(rc.backgroundColor),
    text: contrast(rc.color, rc.backgroundColor),
    surface: cs('.rc-toolbar').backgroundColor,
    pressed: on.backgroundColor, unpressed: off.backgroundColor, pressedText: contrast(on.color, on.backgroundColor),
    series: ['.rc-seg-degree', '.rc-seg-program', '.rc-seg-experience'].map((s) => cs(s).fill),
    lightDarkLeft: [...document.styleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('light-dark('))),
  };";

fn look(b: &Browser, host_id: Option<&str>) -> Value {
    b.eval(LOOK, json!([host_id]))
}

/// Readable text, visible surfaces, a pressed toggle unlike an unpressed one,
/// three chart series in three colours (none the black of a lost colour).
fn assert_readable(seen: &Value, what: &str) {
    assert!(seen["text"].as_f64().unwrap() >= 4.5, "{what}: text contrast {seen}");
    assert_ne!(seen["background"], json!("rgba(0, 0, 0, 0)"), "{what}: no background {seen}");
    assert_ne!(seen["surface"], json!("rgba(0, 0, 0, 0)"), "{what}: surfaces vanished {seen}");
    assert_ne!(seen["surface"], seen["background"], "{what}: surface = background {seen}");
    assert_ne!(seen["pressed"], seen["unpressed"], "{what}: pressed toggles look unpressed {seen}");
    assert!(seen["pressedText"].as_f64().unwrap() >= 4.5, "{what}: pressed toggle text {seen}");
    let series: Vec<String> = serde_json::from_value(seen["series"].clone()).unwrap();
    assert!(
        series.iter().all(|s| s != "rgb(0, 0, 0)" && s != "none"),
        "{what}: chart series lost their colour {series:?}"
    );
    assert!(
        series[0] != series[1] && series[1] != series[2] && series[0] != series[2],
        "{what}: series alike {series:?}"
    );
}

#[test]
fn without_light_dark_every_colour_falls_back_readable_and_distinct() {
    let s = serve();
    for below_floor in [false, true] {
        if below_floor {
            // As Safari < 17.5, Firefox < 120 and Chrome < 123 read it: the function unknown.
            s.rewrite_css("light-dark(", "light-dark-unknown(");
        }
        for (scheme, query) in [("light", ""), ("dark", ""), ("light", "?theme=dark"), ("dark", "?theme=light")] {
            let what = format!(
                "{} {scheme} scheme {query}",
                if below_floor { "without light-dark()" } else { "with light-dark()" }
            );
            let b = Browser::start(Options { color_scheme: scheme, ..Options::default() });
            b.goto(&s.url(&format!("/index.html{query}")));
            Widget::page(&b).wait_live();
            let seen = look(&b, None);
            assert_eq!(seen["lightDarkLeft"], json!(!below_floor), "{what}: the stylesheet as served");
            assert_readable(&seen, &what);
            let dark = query == "?theme=dark" || (scheme == "dark" && query.is_empty());
            let luminance = seen["backgroundLuminance"].as_f64().unwrap();
            assert_eq!(luminance < 0.2, dark, "{what}: background {}", seen["background"]);
        }
    }
}

/// The element's constructed stylesheet (compiled into the wasm, not served)
/// read as a browser without `light-dark()` reads it, like the served ones.
const CONSTRUCTED_WITHOUT_LIGHT_DARK: &str = "
  const replaceSync = CSSStyleSheet.prototype.replaceSync;
  CSSStyleSheet.prototype.replaceSync = function (css) {
    return replaceSync.call(this, css.split('light-dark(').join('light-dark-unknown('));
  };";

/// Every first-paint case (`e2e::first_paint::cases()`), as a browser at the
/// floor without `light-dark()` reads the stylesheets, for a reader who
/// prefers `scheme`: the view before the wasm (delayed) is the live one, the
/// same categories, order, theme, highlight, sizes and looks. The stand-alone
/// file is left out: its styles are inline (no served stylesheet to read
/// otherwise) and its wasm cannot be delayed.
fn first_paint_is_the_live_view_without_light_dark(scheme: &'static str) {
    let s = serve();
    s.rewrite_css("light-dark(", "light-dark-unknown(");
    s.delay_wasm(700);
    let mut checked = 0;
    for case in cases().iter().filter(|c| !matches!(c.open, Open::Page(p) if p.contains("standalone"))) {
        let name = format!("{} ({scheme} scheme, no light-dark())", case.name);
        let b = Browser::start(Options { color_scheme: scheme, ..Options::default() });
        b.add_init_script(WATCH);
        b.add_init_script(CONSTRUCTED_WITHOUT_LIGHT_DARK);
        let r = open(&s, &b, case);
        let (before, after) = (&r["before"], &r["after"]);
        assert_eq!(before["live"], json!(false), "{name}: the first view was taken after the wasm ran: {before}");
        let dark = after["background"] == json!("rgb(21, 24, 28)");
        assert_eq!(dark, case.dark(scheme), "{name}: live theme, background {}", after["background"]);
        assert_eq!(after["sections"], json!(case.shown), "{name}: live sections");
        assert_eq!(after["highlight"], json!(case.highlight), "{name}: live highlight");
        let mut expected = after.clone();
        expected["live"] = before["live"].clone();
        assert_eq!(before, &expected, "{name}: the view before the wasm differs from the live one");
        let left = b.eval(
            "const root = window.__fpRoot();
             const sheets = [...document.styleSheets, ...(root.adoptedStyleSheets || [])];
             return sheets.some((s) => [...s.cssRules].some((r) => r.cssText.includes('light-dark(')));",
            json!([]),
        );
        assert_eq!(left, json!(false), "{name}: light-dark() left in a stylesheet");
        assert_eq!(b.console().errors, Vec::<String>::new(), "{name}: errors");
        checked += 1;
    }
    assert!(checked >= 10, "{checked} cases");
}

#[test]
fn at_the_floor_the_first_paint_is_the_live_view_for_a_light_preferring_reader() {
    first_paint_is_the_live_view_without_light_dark("light");
}

#[test]
fn at_the_floor_the_first_paint_is_the_live_view_for_a_dark_preferring_reader() {
    first_paint_is_the_live_view_without_light_dark("dark");
}

#[test]
fn without_adopted_style_sheets_the_shadow_root_gets_a_style_element() {
    let s = serve();
    let b = Browser::start(Options::default());
    // As Safari < 16.4 and Firefox < 101: no constructable, adoptable stylesheets.
    b.add_init_script("delete ShadowRoot.prototype.adoptedStyleSheets; delete Document.prototype.adoptedStyleSheets;");
    b.goto(&s.url("/hosts/blank.html"));
    let w = Widget::id(&b, "widget");
    w.wait_live();
    assert_eq!(w.eval("return 'adoptedStyleSheets' in arguments[0];", json!([])), json!(false));
    assert_eq!(w.count("style"), 1);
    assert_readable(&look(&b, Some("widget")), "<style> in the shadow root");
    w.toggle(e2e::dataset::salary());
    w.wait_content(e2e::dataset::salary(), false);
    b.console().assert_quiet();
}

#[test]
fn without_webassembly_or_with_a_wasm_that_does_not_compile_the_content_stays_and_one_error_says_why() {
    let s = serve();
    for (case, script, reason) in [
        ("no WebAssembly", "delete window.WebAssembly;", "this browser has no WebAssembly"),
        (
            "wasm does not compile",
            "const fail = () => Promise.reject(new WebAssembly.CompileError('unknown opcode (a feature this browser lacks)'));
             WebAssembly.instantiateStreaming = fail; WebAssembly.instantiate = fail; WebAssembly.compile = fail;",
            "unknown opcode",
        ),
    ] {
        let b = Browser::start(Options::default());
        b.add_init_script(script);
        b.goto(&s.url("/index.html"));
        b.wait_for("window.__rc.errors.length > 0");
        let text = b.eval("return document.body.innerText;", json!([])).as_str().unwrap().to_owned();
        assert!(text.contains("$80,000") && text.contains("$70,000"), "{case}: the prerendered content stays");
        assert_eq!(b.eval("return document.querySelector('.rc-toggle').disabled;", json!([])), json!(true), "{case}");
        let errors = b.console().errors;
        assert_eq!(errors.len(), 1, "{case}: {errors:?}");
        assert!(errors[0].starts_with("role-compare: ") && errors[0].contains(reason), "{case}: {errors:?}");
    }
}
