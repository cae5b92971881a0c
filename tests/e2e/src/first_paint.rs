//! The ways in whose first paint must be the view they ask for (a link with a
//! query or fragment, the iframe, the stand-alone file, `<role-compare>` over
//! its pasted fallback with attributes), and how one is opened and watched:
//! layout shifts summed by a buffered `layout-shift` PerformanceObserver and
//! the view at the first frame, in plain JS, so any engine can run it. The
//! tests (`tests/first_paint.rs`) assert on them; `cargo xtask bench` reports
//! each case's layout shift.

use serde_json::{json, Value};

use crate::{dist, Browser, Server};

/// Installed in every page and frame before its scripts: sums layout shifts,
/// and takes `__fp.before`, the view at the first frame after the document is
/// parsed. `__fpView(root)` describes a widget's view as a reader sees it.
pub const WATCH: &str = r#"
(() => {
  // Firefox and WebKit have no layout-shift entries: then nothing is measured.
  const fp = { shift: 0, before: null, shifts: [], measured: PerformanceObserver.supportedEntryTypes.includes('layout-shift') };
  Object.defineProperty(window, '__fp', { value: fp });
  const where = (n) => n && (n.id || n.className || n.nodeName);
  const rect = (r) => [r.x, r.y, r.width, r.height].map(Math.round).join(',');
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      if (e.hadRecentInput) continue;
      fp.shift += e.value;
      // What moved, for the failure message.
      fp.shifts.push({ at: Math.round(e.startTime), value: e.value,
        moved: (e.sources || []).map((s) => `${where(s.node)} ${rect(s.previousRect)} → ${rect(s.currentRect)}`) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const seen = (e) => !!e && e.getClientRects().length > 0;
  const filled = (e) => !!e && getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)';
  const byX = (list) => [...list].filter(seen).sort((a, b) => a.getBoundingClientRect().x - b.getBoundingClientRect().x);
  window.__fpRoot = () => { const el = document.querySelector('role-compare'); return el ? el.shadowRoot : document; };
  window.__fpView = (root) => {
    const rc = root && root.querySelector('.rc');
    if (!rc) return null;
    const cell = [...root.querySelectorAll('.rc-cell')].find(seen);
    return {
      live: rc.classList.contains('rc-live'),
      sections: [...root.querySelectorAll('.rc-section')].filter(seen).map((s) => s.id.replace('rc-sec-', '')),
      glance: [...root.querySelectorAll('.rc-glance li')].filter(seen).map((l) => l.dataset.category),
      pressed: [...root.querySelectorAll('.rc-toggle[data-category]')].filter((t) => filled(t.querySelector('.rc-toggle-mark'))).map((t) => t.dataset.category),
      highlight: filled(root.querySelector('.rc-highlight-toggle .rc-toggle-mark')),
      cellBorder: cell ? getComputedStyle(cell).borderTopWidth : null,
      background: getComputedStyle(rc).backgroundColor,
      roles: byX(root.querySelectorAll('.rc-role-head')).map((h) => h.dataset.role),
      // Each chart's rows, top to bottom, by role name.
      bars: [...root.querySelectorAll('.rc-bar-rows')].filter(seen).map((rows) => [...rows.children].filter(seen)
        .sort((a, b) => a.getBoundingClientRect().y - b.getBoundingClientRect().y).map((r) => r.querySelector('.rc-bar-name').textContent)),
      empty: seen(root.querySelector('.rc-empty')),
      toolbar: seen(root.querySelector('.rc-toolbar')),
      // Sizes (CSS px, rounded) and computed looks: the same before the wasm and live.
      sizes: [rc, root.querySelector('.rc-roles'), ...root.querySelectorAll('.rc-section')].filter(seen)
        .map((e) => { const r = e.getBoundingClientRect(); return [e === rc ? 'root' : e.id || e.className, Math.round(r.width), Math.round(r.height)]; }),
      looks: [['.rc', ['color', 'backgroundColor', 'colorScheme']], ['.rc-toolbar', ['backgroundColor', 'borderTopColor']],
              ['.rc-cell', ['backgroundColor', 'borderTopColor', 'color']], ['.rc-key', ['backgroundColor', 'outlineStyle']],
              ['.rc-common', ['borderTopStyle', 'backgroundColor']], ['.rc-roles', ['borderBottomColor']],
              ['.rc-bar-fill:not(.rc-bar-top)', ['fill']], ['.rc-bar-top', ['fill']], ['.rc-seg-program', ['fill']]]
        .map(([sel, props]) => {
          const e = [...root.querySelectorAll(sel)].find(seen);
          return [sel, e ? props.map((p) => getComputedStyle(e)[p]) : null];
        }),
    };
  };
  document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => { fp.before = window.__fpView(window.__fpRoot()); }));
})();
"#;

/// The dataset's section ids, in order: its categories, then the fit view.
pub const ALL: [&str; 8] = ["overview", "duties", "education", "experience", "environment", "skills", "salary", "fit"];
/// The dataset's role order.
pub const ECMO_FIRST: [&str; 2] = ["ecmo-specialist", "perfusionist"];

/// One way in and the view it asks for.
pub struct Case {
    pub name: &'static str,
    pub open: Open,
    /// Categories shown, in dataset order.
    pub shown: Vec<&'static str>,
    /// The theme asked for: `auto`, `light` or `dark`.
    pub theme: &'static str,
    pub highlight: bool,
    /// Role ids left to right (side by side at the default width).
    pub roles: Vec<&'static str>,
}

impl Case {
    /// Whether the live widget is dark for a reader who prefers `scheme`.
    pub fn dark(&self, scheme: &str) -> bool {
        self.theme == "dark" || (self.theme == "auto" && scheme == "dark")
    }
}

pub enum Open {
    /// A path of `dist/` (page or stand-alone file) with its query and fragment.
    Page(&'static str),
    /// A host page framing this path of `dist/` (not sandboxed, so the
    /// test's observers run in the frame too).
    Iframe(&'static str),
    /// `<role-compare>` with these attributes over the pasted fallback, on a
    /// host page served under the strict CSP.
    Fallback(&'static str),
}

fn except(hidden: &[&str]) -> Vec<&'static str> {
    ALL.iter().copied().filter(|c| !hidden.contains(c)).collect()
}

/// Every case, with the view the live widget must show (what the Rust decoder
/// makes of its URL or attributes).
pub fn cases() -> Vec<Case> {
    let case = |name, open, shown, theme, highlight, roles: [&'static str; 2]| Case {
        name,
        open,
        shown,
        theme,
        highlight,
        roles: roles.to_vec(),
    };
    let swapped = ["perfusionist", "ecmo-specialist"];
    vec![
        case(
            "fragment",
            Open::Page("/index.html#hide=overview,duties,education"),
            except(&["overview", "duties", "education"]),
            "auto",
            false,
            ECMO_FIRST,
        ),
        case("query", Open::Page("/index.html?categories=salary"), vec!["salary"], "auto", false, ECMO_FIRST),
        // The fragment's `hide` replaces the query's `categories`; the rest stays.
        case(
            "query+fragment",
            Open::Page(
                "/index.html?categories=salary,skills&theme=dark&roles=perfusionist&highlight=on#hide=skills,overview",
            ),
            except(&["skills", "overview"]),
            "dark",
            true,
            swapped,
        ),
        case(
            "all hidden",
            Open::Page("/index.html#hide=overview,duties,education,experience,environment,skills,salary,fit"),
            vec![],
            "auto",
            false,
            ECMO_FIRST,
        ),
        // Unknown ids left out, encoded commas and spaces decoded, a bad value ignored.
        case(
            "encoded",
            Open::Page("/index.html?categories=astronaut%2Cduties%2C+salary&highlight=maybe"),
            vec!["duties", "salary"],
            "auto",
            false,
            ECMO_FIRST,
        ),
        case(
            "iframe",
            Open::Iframe("/index.html?categories=salary,skills&theme=dark"),
            vec!["skills", "salary"],
            "dark",
            false,
            ECMO_FIRST,
        ),
        case(
            "stand-alone",
            Open::Page("/role-compare-standalone.html?theme=dark#hide=salary"),
            except(&["salary"]),
            "dark",
            false,
            ECMO_FIRST,
        ),
        case(
            "element",
            Open::Fallback(
                "categories=\"salary, education\" theme=\"dark\" highlight roles=\"perfusionist,ecmo-specialist\"",
            ),
            vec!["education", "salary"],
            "dark",
            true,
            swapped,
        ),
        // The light theme asked for: a dark-preferring reader gets it too (tests/floor.rs).
        case(
            "query light",
            Open::Page("/index.html?theme=light&highlight=on"),
            ALL.to_vec(),
            "light",
            true,
            ECMO_FIRST,
        ),
        case(
            "element light",
            Open::Fallback("theme=\"light\" categories=\"salary\""),
            vec!["salary"],
            "light",
            false,
            ECMO_FIRST,
        ),
        case("element default", Open::Fallback(""), ALL.to_vec(), "auto", false, ECMO_FIRST),
        case(
            "element unknown id",
            Open::Fallback("categories=\"astronaut,duties\" highlight=\"off\""),
            vec!["duties"],
            "auto",
            false,
            ECMO_FIRST,
        ),
    ]
}

/// `dist/fallback.html` with its stylesheets pointed at `/` (as README tells
/// embedders) and `attributes` on the element.
pub fn fallback(attributes: &str) -> String {
    let open = if attributes.is_empty() { "<role-compare".to_owned() } else { format!("<role-compare {attributes}") };
    std::fs::read_to_string(dist().join("fallback.html"))
        .expect("dist/fallback.html")
        .replace("href=\"role-compare.css\"", "href=\"/role-compare.css\"")
        .replace("href=\"noscript.css\"", "href=\"/noscript.css\"")
        .replacen("<role-compare", &open, 1)
}

/// Opens `case` in `b` (with [`WATCH`] installed), waits until its widget is
/// live and two frames more, and returns `{before, after, shift, shifts,
/// measured}`: the view at the first frame, the live view, the cumulative
/// layout shift and its entries, and whether the engine reports layout shifts
/// at all (Chromium does; Firefox and WebKit do not).
pub fn open(s: &Server, b: &Browser, case: &Case) -> Value {
    let path = match case.open {
        Open::Page(path) => path.to_owned(),
        Open::Iframe(src) => {
            let path = "/hosts/first-paint-iframe.html";
            s.add_page(
                path,
                format!(
                    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Iframe</title></head>\
                     <body><h1>A career article</h1><iframe src=\"{src}\" title=\"Career comparison\" \
                     style=\"width: 100%; height: 800px; border: 0\"></iframe></body></html>"
                ),
            );
            path.to_owned()
        }
        Open::Fallback(attributes) => {
            let path = format!("/hosts/fallback-{}-csp.html", case.name.replace([' ', '+'], "-"));
            s.add_page(
                &path,
                format!(
                    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Fallback</title>\
                     <script type=\"module\" src=\"/role-compare.js\"></script></head>\
                     <body><h1>A career article</h1><p>Some text before the widget.</p>{}<p>After.</p></body></html>",
                    fallback(attributes)
                ),
            );
            path
        }
    };
    b.goto(&s.url(&path));
    if let Open::Iframe(_) = case.open {
        b.wait_for("!!(document.querySelector('iframe') && document.querySelector('iframe').contentWindow)");
        b.switch_frame(json!(0));
    }
    b.wait_for("window.__fp && window.__fp.before");
    b.wait_for("window.__fpView(window.__fpRoot()) && window.__fpView(window.__fpRoot()).live");
    b.eval_async("requestAnimationFrame(() => requestAnimationFrame(arguments[0]));", json!([]));
    b.eval(
        "return { before: window.__fp.before, after: window.__fpView(window.__fpRoot()), shift: window.__fp.shift,
                  shifts: window.__fp.shifts, measured: window.__fp.measured };",
        json!([]),
    )
}
