//! Content before WebAssembly: the prerendered page with scripts off, the
//! wasm taking it over unseen with scripts on, first paint before the wasm arrives, and the
//! custom element's pasted fallback; a page and a fallback per comparison
//! and language, and the index pages.

use e2e::{dist, serve, Browser, Options, Widget};
use role_compare::data::{catalogues, seo};
use serde_json::{json, Value};

/// Visible text of the page (what a reader sees), with shadow roots' text.
fn visible_text(b: &Browser) -> String {
    b.eval("return document.body.innerText;", json!([])).as_str().unwrap().to_owned()
}

#[test]
fn with_scripts_off_every_category_and_both_salaries_are_shown_and_no_dead_toggle() {
    let s = serve();
    let b = Browser::start(Options { javascript: false, ..Options::default() });
    b.goto(&s.url("/index.html"));
    let text = visible_text(&b);
    let catalogue = &catalogues()[0];
    let perfusionist = catalogue.roles.iter().find(|r| r.id == e2e::dataset::role("perfusionist")).unwrap();
    for (cx, category) in catalogue.categories.iter().enumerate() {
        let title = category.title.as_ref();
        assert!(text.contains(title), "heading {title} not shown");
        let first = perfusionist.points[cx][0].as_ref();
        assert!(text.contains(first), "{first} not shown");
    }
    assert!(text.contains("$80,000") && text.contains("$70,000"), "salaries shown");
    // Styled: the stylesheet applied (the key difference has its background).
    let styled = b.eval("return getComputedStyle(document.querySelector('.rc-key')).borderLeftStyle;", json!([]));
    assert_eq!(styled, json!("solid"));
    // The toggles, which cannot work, are not shown.
    let toolbar = b.eval("return document.querySelector('.rc-toolbar').getClientRects().length;", json!([]));
    assert_eq!(toolbar, json!(0));
    // What search engines read.
    let seo = b.eval(
        "return { title: document.title, description: document.querySelector('meta[name=description]').content,
                  og: document.querySelector('meta[property=\"og:title\"]').content,
                  ld: [...document.querySelectorAll('script[type=\"application/ld+json\"]')].map((s) => JSON.parse(s.textContent)) };",
        json!([]),
    );
    // The first comparison's title and description (the catalogue's own are the index page's).
    let first = &catalogue.comparisons[0];
    assert_eq!(seo["title"], first.title.as_ref());
    assert_eq!(seo["description"], first.description.as_ref());
    assert_eq!(seo["og"], first.title.as_ref());
    let ld = seo["ld"].as_array().unwrap();
    assert_eq!(ld.len(), 2);
    assert_eq!(ld[0]["@type"], json!("Occupation"));
    assert_eq!(ld[0]["estimatedSalary"][0]["median"], json!(80000));
    assert_eq!(ld[1]["estimatedSalary"][0]["median"], json!(70000));
}

/// Keeps the prerendered elements and text, and the layout shifts, for comparison after the take-over.
const WATCH: &str = "
  window.__shift = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  document.addEventListener('DOMContentLoaded', () => {
    window.__prerendered = document.querySelector('#rc-sec-salary');
    window.__toggleDisabled = document.querySelector('.rc-toggle').disabled;
    window.__text = document.querySelector('main').innerText;
  });
";

#[test]
fn the_wasm_takes_over_the_prerendered_markup_unseen_and_every_toggle_works() {
    let s = serve();
    let b = Browser::start(Options::default());
    b.add_init_script(WATCH);
    b.goto(&s.url("/index.html"));
    b.wait_for("!document.querySelector('.rc-toggle').disabled");
    assert_eq!(b.eval("return window.__toggleDisabled;", json!([])), json!(true), "inert before the wasm");
    // A fresh render replaced the prerendered markup (no hydration code in the
    // wasm), with the same text and, below, nothing moved.
    let replaced = b.eval(
        "return [window.__prerendered.isConnected, document.querySelector('main').innerText === window.__text];",
        json!([]),
    );
    assert_eq!(replaced, json!([false, true]), "replaced, reading the same");
    // Let a frame pass, then no layout may have moved.
    b.eval_async("requestAnimationFrame(() => requestAnimationFrame(arguments[0]));", json!([]));
    let shift = b.eval("return window.__shift;", json!([])).as_f64().unwrap();
    assert!(shift < 0.001, "layout shifted by {shift} while the wasm took over");
    let r = b.console();
    assert!(r.csp.is_empty(), "no CSP violation under the strict policy the page is served with: {:?}", r.csp);
    assert!(r.warnings.is_empty(), "no warning: {:?}", r.warnings);
    assert!(r.errors.is_empty(), "no error: {:?}", r.errors);
    let w = Widget::page(&b);
    let categories = e2e::dataset::categories();
    for category in &categories {
        w.toggle(category);
    }
    b.wait_for("!document.querySelector('.rc-cell')");
    b.wait_until("return location.hash.split(',').length === arguments[0];", json!([categories.len()]));
    w.click("button[data-action=show-all]");
    w.wait_section_count(categories.len());
}

#[test]
fn first_contentful_paint_comes_before_the_wasm_has_arrived() {
    let s = serve();
    // A slow network for the wasm only: content must not wait for it.
    s.delay_wasm(400);
    let b = Browser::start(Options::default());
    b.goto(&s.url("/index.html"));
    b.wait_for("!document.querySelector('.rc-toggle').disabled");
    let order = b.eval(
        "const fcp = performance.getEntriesByName('first-contentful-paint')[0];
         const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
         return [fcp.startTime, wasm.responseEnd];",
        json!([]),
    );
    let (fcp, wasm) = (order[0].as_f64().unwrap(), order[1].as_f64().unwrap());
    assert!(fcp < wasm, "first contentful paint at {fcp} ms, wasm finished at {wasm} ms");
}

#[test]
fn custom_element_fallback_shows_content_before_the_wasm_then_the_live_widget() {
    let s = serve();
    let fallback = e2e::pasted_fallback("", None);
    s.add_page(
        "/hosts/fallback-csp.html",
        format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Fallback</title>\
                 <script type=\"module\" src=\"/role-compare.js\"></script></head><body>{fallback}</body></html>"
        ),
    );
    // Scripts off: the fallback alone, styled, in its declarative shadow root.
    let off = Browser::start(Options { javascript: false, ..Options::default() });
    off.goto(&s.url("/hosts/fallback-csp.html"));
    let seen = off.eval(
        "const r = document.querySelector('role-compare').shadowRoot;
         return [r.textContent.includes('$80,000'), r.querySelectorAll('section.rc-section').length,
                 getComputedStyle(r.querySelector('.rc-key')).borderLeftStyle,
                 r.querySelector('.rc-toolbar').getClientRects().length];",
        json!([]),
    );
    // Content, styled, and no toggles that could not work.
    assert_eq!(seen, json!([true, e2e::dataset::categories().len(), "solid", 0]));
    // Scripts on: the live widget replaces it and works, with no CSP violation.
    let on = Browser::start(Options::default());
    on.goto(&s.url("/hosts/fallback-csp.html"));
    on.wait_for("!document.querySelector('role-compare').shadowRoot.querySelector('.rc-toggle').disabled");
    let w = Widget::element(&on, "role-compare");
    w.toggle(e2e::dataset::salary());
    w.wait_content(e2e::dataset::salary(), false);
    let r = on.console();
    assert!(r.csp.is_empty() && r.errors.is_empty(), "{r:?}");
    assert_eq!(w.count(".rc"), 1);
}

/// Every comparison's page in every language, with scripts off: its own
/// title, description and heading, its roles prerendered in its order, one
/// JSON-LD `Occupation` per role, the page marker naming the comparison;
/// and no canonical, `hreflang` or `og:url` link, since this dist/ was built
/// without `--base-url` (search engines ignore relative ones).
#[test]
fn every_comparison_has_its_own_prerendered_page_in_every_language() {
    let s = serve();
    let b = Browser::start(Options { javascript: false, ..Options::default() });
    for (lang, catalogue) in catalogues().iter().enumerate() {
        for (ix, comparison) in catalogue.comparisons.iter().enumerate() {
            let file = seo::page_file(lang, ix);
            b.goto(&s.url(&format!("/{file}")));
            let seen = b.eval(
                "return { lang: document.documentElement.lang, title: document.title,
                          description: document.querySelector('meta[name=description]').content,
                          og: document.querySelector('meta[property=\"og:title\"]').content,
                          h1: document.querySelector('h1').textContent,
                          marker: document.querySelector('[data-role-compare-page]').getAttribute('data-role-compare-page'),
                          roles: [...document.querySelectorAll('.rc-role-head')].map((h) => h.dataset.role),
                          heads: [...document.querySelectorAll('.rc-role-head')].map((h) => h.textContent),
                          ld: [...document.querySelectorAll('script[type=\"application/ld+json\"]')].map((s) => JSON.parse(s.textContent).name),
                          urls: document.querySelectorAll('link[rel=canonical], link[hreflang], meta[property=\"og:url\"]').length };",
                json!([]),
            );
            let roles: Vec<&str> = comparison.roles.iter().map(|&r| catalogue.roles[r].id.as_ref()).collect();
            let names: Vec<&str> = comparison.roles.iter().map(|&r| catalogue.roles[r].name.as_ref()).collect();
            assert_eq!(seen["lang"], catalogue.lang.as_ref(), "{file}");
            assert_eq!(seen["title"], comparison.title.as_ref(), "{file}");
            assert_eq!(seen["og"], comparison.title.as_ref(), "{file}");
            assert_eq!(seen["description"], comparison.description.as_ref(), "{file}");
            assert_eq!(seen["h1"], comparison.title.as_ref(), "{file}");
            assert_eq!(seen["marker"], comparison.id.as_ref(), "{file}");
            assert_eq!(seen["roles"], json!(roles), "{file}");
            for (head, name) in seen["heads"].as_array().unwrap().iter().zip(&names) {
                assert!(head.as_str().unwrap().contains(name), "{file}: {name} not in its column head {head}");
            }
            assert_eq!(seen["ld"], json!(names), "{file}");
            assert_eq!(seen["urls"], json!(0), "{file}: absolute URLs without a base URL");
        }
    }
    assert!(!dist().join("sitemap.xml").exists(), "no sitemap without a base URL");
}

/// The index page of each language links every comparison's page (each
/// link opens the page of that comparison) and names every role; it loads no script.
#[test]
fn the_index_page_links_every_comparison_and_names_every_role() {
    let s = serve();
    let b = Browser::start(Options::default());
    for (lang, catalogue) in catalogues().iter().enumerate() {
        b.goto(&s.url(&format!("/{}", seo::index_file(lang))));
        let seen = b.eval(
            "return { title: document.title, lang: document.documentElement.lang,
                      links: [...document.querySelectorAll('main a')].map((a) => [a.textContent, new URL(a.href).pathname]),
                      roles: [...document.querySelectorAll('dt[data-role]')].map((d) => d.dataset.role),
                      text: document.body.innerText, scripts: document.querySelectorAll('script[src]:not([src^=\"/__rc-\"])').length };",
            json!([]),
        );
        assert_eq!(seen["title"], catalogue.title.as_ref());
        assert_eq!(seen["lang"], catalogue.lang.as_ref());
        let links: Vec<Value> = (0..catalogue.comparisons.len())
            .map(|ix| json!([catalogue.comparisons[ix].title, format!("/{}", seo::page_file(lang, ix))]))
            .collect();
        assert_eq!(seen["links"], json!(links));
        let roles: Vec<&str> = catalogue.roles.iter().map(|r| r.id.as_ref()).collect();
        assert_eq!(seen["roles"], json!(roles));
        for role in catalogue.roles.iter() {
            assert!(seen["text"].as_str().unwrap().contains(role.summary.as_ref()), "{} summary", role.id);
        }
        assert_eq!(seen["scripts"], json!(0), "a static page");
        assert_eq!(b.console().errors, Vec::<String>::new());
    }
    // A link followed: the comparison's page.
    b.goto(&s.url(&format!("/{}", seo::index_file(0))));
    b.eval("document.querySelectorAll('main a')[2].click();", json!([]));
    Widget::page(&b).wait_live();
    assert_eq!(b.eval("return document.title;", json!([])), catalogues()[0].comparisons[2].title.as_ref());
}

/// Every comparison's fallback, in every language: a declarative shadow
/// root whose host names its comparison and language, showing its roles
/// with scripts off.
#[test]
fn every_comparison_has_its_fallback_in_every_language() {
    let s = serve();
    let b = Browser::start(Options { javascript: false, ..Options::default() });
    for (lang, catalogue) in catalogues().iter().enumerate() {
        for (ix, comparison) in catalogue.comparisons.iter().enumerate() {
            let file = seo::fallback_file(lang, ix);
            let fallback = std::fs::read_to_string(dist().join(&file)).unwrap();
            assert!(
                fallback.starts_with(&format!(
                    "<role-compare lang=\"{}\" comparison=\"{}\">",
                    catalogue.lang, comparison.id
                )),
                "{file}"
            );
            let fallback = fallback
                .replace("href=\"role-compare.css\"", "href=\"/role-compare.css\"")
                .replace("href=\"noscript.css\"", "href=\"/noscript.css\"");
            let path = format!("/hosts/{}", file.replace('/', "-"));
            s.add_page(
                &path,
                format!(
                    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Fallback</title></head>\
                     <body>{fallback}</body></html>"
                ),
            );
            b.goto(&s.url(&path));
            let seen = b.eval(
                "const r = document.querySelector('role-compare').shadowRoot;
                 return [[...r.querySelectorAll('.rc-role-head')].map((h) => h.dataset.role), r.querySelector('h2').textContent,
                         getComputedStyle(r.querySelector('.rc-key')).borderLeftStyle];",
                json!([]),
            );
            let roles: Vec<&str> = comparison.roles.iter().map(|&r| catalogue.roles[r].id.as_ref()).collect();
            assert_eq!(seen, json!([roles, comparison.title, "solid"]), "{file}");
        }
    }
}

/// Every comparison's fallback, in every language, pasted with the loader:
/// the live element shows the comparison its host names (`comparison`), in
/// the fallback's language, and nothing moved while it took over.
#[test]
fn every_comparison_s_fallback_is_taken_over_by_the_same_comparison() {
    let s = serve();
    let b = Browser::start(Options::default());
    b.add_init_script(e2e::first_paint::WATCH);
    for (lang, catalogue) in catalogues().iter().enumerate() {
        for (ix, comparison) in catalogue.comparisons.iter().enumerate() {
            let file = seo::fallback_file(lang, ix);
            let fallback = std::fs::read_to_string(dist().join(&file))
                .unwrap()
                .replace("href=\"role-compare.css\"", "href=\"/role-compare.css\"")
                .replace("href=\"noscript.css\"", "href=\"/noscript.css\"");
            let path = format!("/hosts/live-{}-csp.html", file.replace('/', "-").trim_end_matches(".html"));
            s.add_page(
                &path,
                format!(
                    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Fallback</title>\
                     <script type=\"module\" src=\"/role-compare.js\"></script></head>\
                     <body><h1>A career article</h1>{fallback}<p>After.</p></body></html>"
                ),
            );
            b.goto(&s.url(&path));
            Widget::element(&b, "role-compare").wait_live();
            b.eval_async("requestAnimationFrame(() => requestAnimationFrame(arguments[0]));", json!([]));
            let seen = b.eval(
                "const r = document.querySelector('role-compare').shadowRoot;
                 return { before: window.__fp.before.roles, after: window.__fpView(r).roles, shift: window.__fp.shift,
                          title: r.querySelector('h2').textContent, lang: r.querySelector('.rc').lang };",
                json!([]),
            );
            let roles: Vec<&str> = comparison.roles.iter().map(|&r| catalogue.roles[r].id.as_ref()).collect();
            assert_eq!(seen["before"], json!(roles), "{file}: the fallback's roles");
            assert_eq!(seen["after"], json!(roles), "{file}: the live widget's roles");
            assert_eq!(seen["title"], comparison.title.as_ref(), "{file}");
            assert_eq!(seen["lang"], catalogue.lang.as_ref(), "{file}");
            assert!(seen["shift"].as_f64().unwrap() <= 0.01, "{file}: layout shift {}", seen["shift"]);
            let r = b.console();
            assert_eq!(r, e2e::Console::default(), "{file}");
        }
    }
}
