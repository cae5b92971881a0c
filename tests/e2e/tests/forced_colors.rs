//! Forced colours (`forced-colors: active`: Windows' contrast themes and the
//! like), light and dark: the browser repaints every colour with a few
//! system colours and drops backgrounds, so every state the widget shows
//! must keep an indicator that is not colour alone. Each check compares
//! screenshot regions of one thing in two states (or of things that must
//! differ) and asserts a real pixel difference; the shots are written to
//! target/screenshots/forced-colors-*.png to be looked at.
//!
//! Chromium emulates the mode (DevTools' `Emulation.setEmulatedMedia`),
//! Firefox has it by its "override the page's colours" preference
//! ([`Options::forced_colors`]); WebKitGTK has no forced colours at all.

use e2e::{screenshots, serve, Browser, Options, Server};
use serde_json::{json, Value};

/// RGBA pixels of a region: width, height, bytes.
struct Region {
    w: usize,
    h: usize,
    rgba: Vec<u8>,
}

impl Region {
    fn at(&self, x: usize, y: usize) -> [u8; 4] {
        let i = (y.min(self.h - 1) * self.w + x.min(self.w - 1)) * 4;
        self.rgba[i..i + 4].try_into().unwrap()
    }

    /// The share (0..1) of pixels that differ from `other`'s (any channel by
    /// more than 24 of 255), over the area both cover.
    fn differs(&self, other: &Region) -> f64 {
        let (w, h) = (self.w.min(other.w), self.h.min(other.h));
        let n = (0..h)
            .flat_map(|y| (0..w).map(move |x| (x, y)))
            .filter(|&(x, y)| far(self.at(x, y), other.at(x, y)))
            .count();
        n as f64 / (w * h).max(1) as f64
    }

    /// Its shape alone: black where it differs from `colour` (the background), white elsewhere.
    fn shape(&self, colour: [u8; 4]) -> Region {
        let rgba = self
            .rgba
            .chunks(4)
            .flat_map(|p| if far(p.try_into().unwrap(), colour) { [0, 0, 0, 255] } else { [255; 4] })
            .collect();
        Region { w: self.w, h: self.h, rgba }
    }

    /// The share of pixels that differ from `colour`.
    fn unlike(&self, colour: [u8; 4]) -> f64 {
        let n = (0..self.h)
            .flat_map(|y| (0..self.w).map(move |x| (x, y)))
            .filter(|&(x, y)| far(self.at(x, y), colour))
            .count();
        n as f64 / (self.w * self.h).max(1) as f64
    }
}

fn far(a: [u8; 4], b: [u8; 4]) -> bool {
    a.iter().zip(b).take(3).any(|(p, q)| p.abs_diff(q) > 24)
}

/// The region `rect` (`{x, y, w, h}`, CSS px = device px) of a PNG.
fn crop(png: &[u8], rect: &Value) -> Region {
    let n = |k: &str| rect[k].as_f64().unwrap_or(0.0).round().max(0.0) as usize;
    let (w, h, rgba) = e2e::pixels::crop(png, n("x"), n("y"), n("x") + n("w"), n("y") + n("h"));
    Region { w, h, rgba }
}

/// JS: scrolls the first match of `selector` in the widget's shadow root
/// into the middle of the viewport and returns its box, grown by `arguments[1]` px.
const RECT: &str = r#"
const [selector, grow] = arguments;
const el = document.getElementById('widget').shadowRoot.querySelector(selector);
el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
const r = el.getBoundingClientRect();
return { x: r.left - grow, y: r.top - grow, w: r.width + 2 * grow, h: r.height + 2 * grow };
"#;

struct Page {
    b: Browser,
    scheme: &'static str,
    _server: Server,
}

impl Page {
    /// The viewport as painted now (a PNG), also written to target/screenshots/forced-colors-<scheme>-<name>.png.
    fn shot(&self, name: &str) -> Vec<u8> {
        let png = self.b.viewport_png();
        std::fs::write(screenshots().join(format!("forced-colors-{}-{name}.png", self.scheme)), &png).unwrap();
        png
    }

    fn rect(&self, selector: &str, grow: f64) -> Value {
        let rect = self.b.eval(RECT, json!([selector, grow]));
        std::thread::sleep(std::time::Duration::from_millis(100));
        rect
    }

    /// The region of `selector` (grown by `grow` px) now.
    fn region(&self, name: &str, selector: &str, grow: f64) -> Region {
        let rect = self.rect(selector, grow);
        crop(&self.shot(name), &rect)
    }

    fn click(&self, selector: &str) {
        self.b.eval(
            "document.getElementById('widget').shadowRoot.querySelector(arguments[0]).click();",
            json!([selector]),
        );
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
}

/// The career page in forced colours, `scheme` the palette's; None where the
/// engine has no forced colours.
fn open(scheme: &'static str) -> Option<Page> {
    let s = serve();
    let b = Browser::start(Options {
        width: 1000,
        height: 800,
        color_scheme: scheme,
        forced_colors: true,
        ..Options::default()
    });
    b.goto(&s.url("/hosts/career-page.html"));
    e2e::Widget::id(&b, "widget").wait_live();
    let forced = b.eval("return matchMedia('(forced-colors: active)').matches;", json!([])) == json!(true);
    if e2e::unavailable_here(forced, "WebKitGTK has no forced colours mode, and WebDriver cannot emulate one") {
        return None;
    }
    Some(Page { b, scheme, _server: s })
}

const TOGGLE: &str = ".rc-toggle[data-category]";

fn every_state_keeps_a_mark_that_is_not_colour(scheme: &'static str) {
    let Some(p) = open(scheme) else { return };
    let canvas = if scheme == "dark" { [0, 0, 0, 255] } else { [255, 255, 255, 255] };
    let mut failures = Vec::new();
    let mut expect = |ok: bool, what: String| {
        eprintln!("{scheme}: {} {what}", if ok { "ok" } else { "FAIL" });
        if !ok {
            failures.push(what);
        }
    };

    // The colours are forced: the widget's own background is the palette's Canvas.
    let lede = p.rect(".rc-lede", 0.0);
    let above = json!({"x": lede["x"], "y": lede["y"].as_f64().unwrap() - 3.0, "w": 1, "h": 1});
    let bg = crop(&p.shot("page"), &above).at(0, 0);
    expect(!far(bg, canvas), format!("the widget's background is the palette's Canvas {canvas:?}: {bg:?}"));

    // Pressed and not: the whole toggle, and its mark filled or a ring.
    let mark = p.b.eval(
        "const t = document.getElementById('widget').shadowRoot.querySelector(arguments[0]);
         const b = t.getBoundingClientRect(), m = t.querySelector('.rc-toggle-mark').getBoundingClientRect();
         return { cx: m.left - b.left + m.width / 2, cy: m.top - b.top + m.height / 2, ring: m.left - b.left + 1, inside: 4 };",
        json!([TOGGLE]),
    );
    let n = |k: &str| mark[k].as_f64().unwrap() as usize;
    let pressed = p.region("pressed", TOGGLE, 0.0);
    p.click(TOGGLE);
    let unpressed = p.region("unpressed", TOGGLE, 0.0);
    p.click(TOGGLE);
    let share = pressed.differs(&unpressed);
    expect(share > 0.3, format!("a pressed and an unpressed toggle differ in {:.1} % of their pixels", share * 100.0));
    let (cy, centre, ring, inside) = (n("cy"), n("cx"), n("ring"), n("inside"));
    for (name, r, filled) in [("pressed", &pressed, true), ("unpressed", &unpressed, false)] {
        let (c, edge, bg) = (r.at(centre, cy), r.at(ring, cy), r.at(inside, cy));
        expect(
            far(c, edge) != filled && far(c, bg) == filled,
            format!(
                "{name}: its mark is {} (centre {c:?}, ring {edge:?}, button {bg:?})",
                if filled { "filled" } else { "a ring" }
            ),
        );
    }

    // Focus: an outline around the focused toggle.
    p.b.eval("document.activeElement && document.activeElement.blur();", json!([]));
    let blurred = p.region("blurred", TOGGLE, 7.0);
    let mut focused_toggle = false;
    // Past the host page's links and Quick facts' source links (a dozen).
    for _ in 0..30 {
        p.b.press("\u{E004}");
        focused_toggle = p.b.eval(
            "const a = document.getElementById('widget').shadowRoot.activeElement; return !!a && a.matches(arguments[0]);",
            json!([TOGGLE]),
        ) == json!(true);
        if focused_toggle {
            break;
        }
    }
    expect(focused_toggle, "Tab reaches the first toggle".to_owned());
    let focused = p.region("focused", TOGGLE, 7.0);
    let share = blurred.differs(&focused);
    expect(share > 0.08, format!("focus changes {:.1} % of the pixels around the toggle", share * 100.0));
    p.b.eval("document.getElementById('widget').shadowRoot.activeElement.blur();", json!([]));

    // Highlighted differences: the role cells, the key difference, the top salary bar.
    let targets = [
        (".rc-section:not([hidden]) .rc-cell", 2.0, 0.01),
        (".rc-section:not([hidden]) .rc-key", 4.0, 0.02),
        (".rc-bar-top", 0.0, 0.1),
    ];
    let before: Vec<Region> = targets.iter().map(|(sel, grow, _)| p.region("highlight-off", sel, *grow)).collect();
    p.click(".rc-highlight-toggle");
    for ((sel, grow, least), off) in targets.iter().zip(&before) {
        let on = p.region("highlight-on", sel, *grow);
        let share = off.differs(&on);
        expect(share > *least, format!("highlight on changes {:.1} % of {sel}", share * 100.0));
    }
    p.click(".rc-highlight-toggle");

    // Chart series: the training chart's legend swatches, each drawn its own
    // way: their shapes differ (ink or not, whatever its colour).
    let swatches: Vec<Region> = (1..=4)
        .map(|i| p.region(&format!("legend-{i}"), &format!(".rc-training-chart .rc-legend li:nth-child({i}) svg"), 0.0))
        .collect();
    for (i, a) in swatches.iter().enumerate() {
        let ink = a.unlike(canvas);
        expect(ink > 0.1, format!("legend swatch {} is drawn ({:.0} % ink)", i + 1, ink * 100.0));
        for (j, b) in swatches.iter().enumerate().skip(i + 1) {
            let share = a.shape(canvas).differs(&b.shape(canvas));
            expect(
                share > 0.08,
                format!("the shapes of legend swatches {} and {} differ in {:.0} %", i + 1, j + 1, share * 100.0),
            );
        }
    }

    // A chosen answer in the fit view: more than its radio's dot changes (a
    // thick frame), unlike the same option unchosen.
    const OPTION: &str = ".rc-fit-question .rc-fit-option";
    let unchosen = p.region("fit-unchosen", OPTION, 2.0);
    p.click(&format!("{OPTION} input"));
    let chosen = p.region("fit-chosen", OPTION, 2.0);
    p.click(".rc-fit-reset");
    let share = unchosen.differs(&chosen);
    expect(share > 0.05, format!("choosing an answer changes {:.1} % of its option's pixels", share * 100.0));

    // Caveat notes: marked at their start edge.
    let note = p.rect(".rc-caveat-note", 0.0);
    let edge = crop(&p.shot("caveat"), &json!({"x": note["x"], "y": note["y"], "w": 4, "h": note["h"]}));
    let ink = edge.unlike(canvas);
    expect(ink > 0.3, format!("a caveat note's start edge is marked ({:.0} % ink)", ink * 100.0));

    assert!(failures.is_empty(), "{} {scheme}:\n{}", p.b.engine().name(), failures.join("\n"));
}

#[test]
fn every_state_keeps_a_mark_that_is_not_colour_in_light_forced_colours() {
    every_state_keeps_a_mark_that_is_not_colour("light");
}

#[test]
fn every_state_keeps_a_mark_that_is_not_colour_in_dark_forced_colours() {
    every_state_keeps_a_mark_that_is_not_colour("dark");
}
