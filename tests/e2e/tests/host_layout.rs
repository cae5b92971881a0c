//! The widget in host layouts that size their children by their content
//! (tests/e2e/hosts/layouts.html, layout-sidebar.html): a flex column with
//! `align-items: center`, a grid with `justify-items: start`, a float, an
//! inline-block, `width: fit-content`, table-cell and absolutely positioned
//! parent, a modal `<dialog>`, and a theme's `body { display: flex }` with a
//! 260 px sidebar and the element a direct flex item. In each, wide and at a
//! 320 px viewport, the element must be as wide as a block of text gets in
//! its place (±2 px), with no horizontal overflow: it is a size container, so
//! its content alone would give it no width at all (32 px wide and 83,417 px
//! tall in the sidebar theme before the fix). The live widget and the pasted
//! fallback (dist/fallback.html, no script) alike.

use e2e::{dist, serve, Browser, Options, Server};
use serde_json::{json, Value};

/// The slots of layouts.html by their section (or dialog) id.
const LAYOUTS: &[&str] =
    &["flex-column", "grid-start", "float", "inline-block", "fit-content", "table", "dialog", "absolute"];

/// JS: the slot's width, then the width a block of text gets in its place
/// (the element swapped for a `<div>` of the same class and height holding
/// 600 words, and back: a move, which keeps the widget), and what overflows.
const MEASURE: &str = r#"
const [id] = arguments;
const holder = document.getElementById(id);
const el = holder.matches('.slot') ? holder : holder.querySelector('.slot');
const dialog = el.closest('dialog');
if (dialog && !dialog.open) dialog.showModal();
const box = el.getBoundingClientRect();
const rc = el.shadowRoot.querySelector('.rc');
const probe = document.createElement('div');
probe.className = el.className;
probe.textContent = 'word '.repeat(600);
// As tall as the widget: the same scrollbars (Firefox's take 12 px), so the same room.
probe.style.blockSize = box.height + 'px';
el.replaceWith(probe);
const block = probe.getBoundingClientRect().width;
probe.replaceWith(el);
const out = {
  width: box.width, height: box.height, block,
  right: box.right, viewport: innerWidth,
  inside: rc.scrollWidth - rc.clientWidth,
  page: document.documentElement.scrollWidth - innerWidth,
};
if (dialog) dialog.close();
return out;
"#;

/// JS: every slot's widget is live, or (`arguments[0]`, styled) its fallback styled.
const READY: &str = "const [styled] = arguments;
const ready = (root) => styled
  ? root.querySelector('.rc') && getComputedStyle(root.querySelector('.rc')).paddingTop !== '0px'
  : root.querySelector('.rc-live .rc-toggle:not(:disabled)');
return [...document.querySelectorAll('.slot')].every((e) => e.shadowRoot && ready(e.shadowRoot));";

/// Measures every slot of `page` (`(section id, ...)`) at each width, and
/// says every failure at once.
fn check(s: &Server, pages: &[(&str, &[&str])], fallback: bool) {
    let mut failures = Vec::new();
    for width in [1280, 320] {
        let b = Browser::start(Options { width, height: 800, ..Options::default() });
        for (page, ids) in pages {
            b.goto(&s.url(page));
            b.wait_until(READY, json!([fallback]));
            for id in *ids {
                let m = b.eval(MEASURE, json!([id]));
                let f = |k: &str| m[k].as_f64().unwrap_or(f64::NAN);
                eprintln!(
                    "{}: {width}px {id}: {:.1} × {:.0} px (a block: {:.1}); overflow inside {}, page {}",
                    b.engine().name(),
                    f("width"),
                    f("height"),
                    f("block"),
                    m["inside"],
                    m["page"]
                );
                // (NaN, a missing figure, fails too.)
                let off = (f("width") - f("block")).abs();
                if off.is_nan() || off > 2.0 {
                    failures.push(format!("{width}px {id}: {:.1} px wide, a block gets {:.1}", f("width"), f("block")));
                }
                let fits = f("right") <= f("viewport") + 0.5 && f("inside") <= 1.0 && f("page") <= 0.0;
                if !fits {
                    failures.push(format!("{width}px {id}: overflows horizontally: {m}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} ({}):\n{}", e2e::engine().name(), fallback, failures.join("\n"));
}

#[test]
fn the_widget_takes_the_room_a_block_gets_in_every_host_layout_that_sizes_by_content() {
    let s = serve();
    check(&s, &[("/hosts/layouts.html", LAYOUTS), ("/hosts/layout-sidebar.html", &["sidebar-row"])], false);
}

/// `page` with each widget replaced by the pasted fallback and no loader:
/// what a reader sees before (or without) the wasm.
fn with_fallback(s: &Server, page: &str) -> String {
    let fallback = std::fs::read_to_string(dist().join("fallback.html"))
        .expect("dist/fallback.html")
        .replace("href=\"role-compare.css\"", "href=\"/role-compare.css\"")
        .replace("href=\"noscript.css\"", "href=\"/noscript.css\"");
    let html = std::fs::read_to_string(e2e::root().join("tests/e2e/hosts").join(page.trim_start_matches("/hosts/")))
        .expect("host page")
        .replace("<script type=\"module\" src=\"/role-compare.js\"></script>", "");
    let mut out = String::new();
    let mut rest = html.as_str();
    // Each `<role-compare class="slot" …></role-compare>` becomes the fallback, its attributes kept.
    while let Some(start) = rest.find("<role-compare class=\"slot\"") {
        out.push_str(&rest[..start]);
        let after = &rest[start + "<role-compare".len()..];
        let attrs_end = after.find('>').expect("start tag ends");
        let attrs = &after[..attrs_end];
        let close = after.find("</role-compare>").expect("end tag");
        out.push_str(&fallback.trim().replacen("<role-compare", &format!("<role-compare{attrs}"), 1));
        rest = &after[close + "</role-compare>".len()..];
    }
    out.push_str(rest);
    let path = page.replace(".html", "-fallback.html");
    s.add_page(&path, out);
    path
}

#[test]
fn the_pasted_fallback_takes_the_same_room_before_the_wasm() {
    let s = serve();
    let layouts = with_fallback(&s, "/hosts/layouts.html");
    let sidebar = with_fallback(&s, "/hosts/layout-sidebar.html");
    check(&s, &[(&layouts, LAYOUTS), (&sidebar, &["sidebar-row"])], true);
}

/// The fallback page holds the fallback in every slot, and no loader.
#[test]
fn the_fallback_pages_hold_the_fallback_and_no_script() {
    let s = serve();
    let path = with_fallback(&s, "/hosts/layouts.html");
    let b = Browser::start(Options::default());
    b.goto(&s.url(&path));
    let seen: Value = b.eval(
        "return [document.querySelectorAll('.slot').length,
                 [...document.querySelectorAll('.slot')].filter((e) => e.shadowRoot && e.shadowRoot.querySelector('.rc-toolbar')).length,
                 document.querySelectorAll('script[type=module]').length];",
        json!([]),
    );
    assert_eq!(seen, json!([LAYOUTS.len(), LAYOUTS.len(), 0]));
}
