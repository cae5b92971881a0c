//! The widget in the reader's language: the Spanish page, a Spanish element
//! on an English page, an element that follows its host page's language, a
//! language with no dataset, and a right-to-left dataset (Arabic, built from
//! tests/fixtures/rtl-ar.json by `cargo xtask dist-fixture`) that mirrors,
//! fits 320 px and passes axe. Screenshots go to target/screenshots/.

use e2e::dataset::{salary, skills};
use e2e::{root, screenshots, serve, Browser, Options, Server, Widget};
use role_compare::data::ui::{pieces, Piece, EN};
use serde_json::json;

/// JS: everything a reader gets from the widget under `arguments[0]`: its
/// text (hidden live region included), `aria-label`s, `title`s, and on a
/// page its `<title>` and description.
const READER_TEXT: &str = "
  const [root] = arguments;
  const out = [];
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) if (!walk.currentNode.parentElement.closest('script, style')) out.push(walk.currentNode.data);
  for (const el of root.querySelectorAll('*'))
    for (const a of ['aria-label', 'aria-description', 'aria-roledescription', 'title', 'alt'])
      if (el.hasAttribute(a)) out.push(el.getAttribute(a));
  if (root === document) out.push(document.title, (document.querySelector('meta[name=description]') || {}).content || '');
  return out.join('\\n');";

fn reader_text(w: &Widget) -> String {
    w.eval(READER_TEXT, json!([])).as_str().expect("text").to_owned()
}

/// JS: the language the `.rc` root under `arguments[0]` declares is `arguments[1]`.
const LANG_IS: &str = "return arguments[0].querySelector('.rc').lang === arguments[1];";

/// The English UI table's words: each literal piece of each string with four
/// letters or more ("Show all", " a year (", "(see Caveats below).").
fn english_ui_words() -> Vec<String> {
    EN.iter()
        .flat_map(|s| pieces(s).expect("built-in templates parse"))
        .filter_map(|p| match p {
            Piece::Text(t) if t.chars().filter(|c| c.is_alphabetic()).count() >= 4 => Some(t.trim().to_owned()),
            _ => None,
        })
        .collect()
}

/// Whether `text` holds `words` as whole words (", program" is not in ", programa").
fn has_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, _)| {
        let before =
            text[..at].chars().next_back().is_some_and(char::is_alphabetic) && words.starts_with(char::is_alphabetic);
        let after = text[at + words.len()..].chars().next().is_some_and(char::is_alphabetic)
            && words.ends_with(char::is_alphabetic);
        !before && !after
    })
}

fn assert_no_english(text: &str, what: &str) {
    let found: Vec<String> = english_ui_words().into_iter().filter(|w| has_words(text, w)).collect();
    assert!(found.is_empty(), "English UI text in {what}: {found:?}\n---\n{text}");
    assert!(!text.contains("$80,000") && !text.contains("$70,000"), "English money in {what}");
}

fn warnings(b: &Browser) -> Vec<String> {
    b.console().warnings
}

/// The language the widget's `.rc` root declares.
fn lang(w: &Widget) -> String {
    w.attribute(".rc", "lang").unwrap_or_default()
}

#[test]
fn the_spanish_page_speaks_spanish_in_its_head_text_labels_and_announcements() {
    let s = serve();
    let b = Browser::start(Options::default());
    // The prerendered text (native formatting) before the wasm starts, and its first section.
    b.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => {
           window.__prerendered = document.querySelector('.rc').textContent;
           window.__section = document.querySelector('#rc-sec-salary');
         });",
    );
    b.goto(&s.url("/index.es.html"));
    let w = Widget::page(&b);
    w.wait_live();
    // The wasm wrote every figure as the build did (80.000 US$, 14 %): the
    // same text, in a fresh render swapped in for the prerendered elements
    // (no hydration: src/embed/page.rs).
    let same = b.eval(
        "return [window.__prerendered === document.querySelector('.rc').textContent,
                 !window.__section.isConnected && !!document.querySelector('#rc-sec-salary'),
                 window.__prerendered.includes('80.000\\u00a0US$')];",
        json!([]),
    );
    assert_eq!(same, json!([true, true, true]));
    let head = b.eval(
        "return { lang: document.documentElement.lang, dir: document.documentElement.dir, title: document.title,
                  alternates: [...document.querySelectorAll('link[rel=alternate]')].map((l) => l.hreflang + ' ' + l.getAttribute('href')),
                  ld: [...document.querySelectorAll('script[type=\"application/ld+json\"]')].map((s) => JSON.parse(s.textContent).name) };",
        json!([]),
    );
    assert_eq!(head["lang"], "es");
    assert_eq!(head["dir"], "ltr");
    assert_eq!(head["title"], "Especialista en ECMO frente a perfusionista");
    // No hreflang links: this dist/ was built without --base-url, and relative ones are ignored.
    assert_eq!(head["alternates"], json!([]));
    assert_eq!(head["ld"], json!(["Especialista en ECMO", "Perfusionista"]));
    assert_eq!(lang(&w), "es");

    let text = reader_text(&w);
    assert_no_english(&text, "the Spanish page");
    for spanish in [
        "Mostrar todas",
        "80.000\u{a0}US$",
        "70.000\u{a0}US$",
        "supera en 10.000\u{a0}US$ al año (14\u{a0}%) al de los perfusionistas",
        "Diferencia clave:",
        "(8 de 8)",
    ] {
        assert!(text.contains(spanish), "{spanish} missing");
    }
    let console = b.console();
    console.assert_quiet();
    assert!(
        console.csp.is_empty(),
        "the Spanish page runs under the strict CSP like the English one: {:?}",
        console.csp
    );

    // Announcements and the empty state, in Spanish.
    w.toggle(salary());
    w.wait_announced("Salario: oculto");
    w.click("button[data-action=hide-all]");
    w.wait_announced("Todas las categorías ocultas");
    let text = reader_text(&w);
    assert!(text.contains("Todas las categorías están ocultas."), "{text}");
    assert_no_english(&text, "the Spanish page, everything hidden");
    b.screenshot(&screenshots().join("i18n-es-page-hidden-1280.png"));
    // The two charts, for a look at the Spanish figures.
    b.goto(&s.url("/index.es.html?categories=education,salary"));
    w.wait_live();
    w.wait_section_count(2);
    b.screenshot(&screenshots().join("i18n-es-page-1280.png"));
}

#[test]
fn the_page_takes_lang_from_its_query_and_warns_once_for_a_language_it_lacks() {
    let s = serve();
    let b = Browser::start(Options::default());
    b.goto(&s.url("/index.html?lang=es&categories=salary"));
    let w = Widget::page(&b);
    let live_in = |lang: &str| {
        w.wait_live();
        w.wait_until(LANG_IS, json!([lang]));
    };
    live_in("es");
    assert_eq!(
        b.eval("return [document.documentElement.lang, document.title];", json!([])),
        json!(["es", "Especialista en ECMO frente a perfusionista"])
    );
    assert_eq!(w.sections().len(), 1, "other settings still apply");
    assert_no_english(&reader_text(&w), "index.html?lang=es");
    // The embed view's link to the full comparison opens it in Spanish too.
    let link = b.eval(
        "const a = document.querySelector(arguments[0]); return [a.textContent, a.getAttribute('href')];",
        json!([role_compare::embed::api::EMBED_LINK]),
    );
    assert_eq!(link, json!(["Ver la comparación completa", "./index.html?lang=es"]));
    assert!(warnings(&b).is_empty(), "{:?}", warnings(&b));

    // A language no build has keeps the page's own (Spanish here), with one warning.
    b.goto(&s.url("/index.es.html?lang=fr"));
    live_in("es");
    assert_eq!(b.eval("return document.documentElement.lang;", json!([])), json!("es"));
    let w = warnings(&b);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].starts_with("role-compare: bad lang=\"fr\"") && w[0].contains("showing es"), "{w:?}");

    // The page loader picks the build by the wasm's own lookup: es-MX → es.
    b.goto(&s.url("/index.html?lang=es-MX"));
    live_in("es");
    assert!(warnings(&b).is_empty(), "{:?}", warnings(&b));
    assert!(
        s.requests().iter().any(|r| r.starts_with("/page-es-") && r.ends_with("_bg.wasm")),
        "the Spanish page build was fetched: {:?}",
        s.requests()
    );
    assert!(b.console().errors.is_empty(), "{:?}", b.console().errors);
}

/// A host page opened and every widget in `ids` live.
fn open(page: &str, ids: &[&str]) -> (Server, Browser) {
    let s = serve();
    let b = Browser::start(Options::default());
    b.goto(&s.url(page));
    for id in ids {
        Widget::id(&b, id).wait_live();
    }
    (s, b)
}

#[test]
fn a_spanish_element_on_an_english_page_and_its_lang_attribute_changed_live() {
    let (_s, b) = open("/hosts/lang.html", &["es", "en"]);
    let (es, en) = (Widget::id(&b, "es"), Widget::id(&b, "en"));
    assert_eq!(lang(&es), "es");
    assert_eq!(lang(&en), "en");
    es.toggle(skills());
    es.wait_announced("Habilidades: oculta");
    let text = reader_text(&es);
    assert_no_english(&text, "<role-compare lang=es>");
    assert!(text.contains("80.000\u{a0}US$") && text.contains("Ocultar todas"), "{text}");
    assert!(reader_text(&en).contains("$80,000"), "the other element stays English");

    // The attribute changes: the language follows, the reader's view stays.
    b.eval("document.getElementById('es').setAttribute('lang', 'en');", json!([]));
    es.wait_until(LANG_IS, json!(["en"]));
    assert!(reader_text(&es).contains("Show all"));
    assert_eq!(es.pressed()[skills()], "false", "view kept");
    b.console().assert_quiet();
}

#[test]
fn an_element_follows_its_host_pages_language_and_warns_once_for_one_it_lacks() {
    let (_s, b) = open("/hosts/es.html", &["widget", "fr"]);
    // <html lang="es-MX">: Spanish, by itself.
    let w = Widget::id(&b, "widget");
    assert_eq!(lang(&w), "es");
    assert_no_english(&reader_text(&w), "an element on <html lang=es-MX>");
    // Inside <section lang="fr">: no French dataset, so the first (English), one warning.
    assert_eq!(lang(&Widget::id(&b, "fr")), "en");
    let warned = warnings(&b);
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert!(warned[0].contains("lang=\"fr\"") && warned[0].contains("built in: en, es"), "{warned:?}");
    b.eval(
        "document.getElementById('fr').remove(); document.getElementById('widget').setAttribute('categories', arguments[0]);",
        json!([salary()]),
    );
    w.wait_section_count(1);
    b.screenshot(&screenshots().join("i18n-es-element-1280.png"));
}

#[test]
fn the_english_fallback_pasted_on_a_spanish_page_stays_english_when_live() {
    let s = serve();
    let page = format!(
        "<!doctype html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>Carreras</title>\
         <script type=\"module\" src=\"/role-compare.js\"></script></head><body>{}</body></html>",
        e2e::first_paint::fallback("id=\"widget\"")
    );
    s.add_page("/hosts/es-english-fallback.html", page);
    let b = Browser::start(Options::default());
    b.goto(&s.url("/hosts/es-english-fallback.html"));
    let w = Widget::id(&b, "widget");
    w.wait_live();
    assert_eq!(lang(&w), "en", "the language pasted, not the page's");
    assert!(reader_text(&w).contains("Show all"));
    b.console().assert_quiet();
}

#[test]
fn an_english_widget_on_a_right_to_left_page_stays_left_to_right() {
    let (_s, b) = open("/hosts/rtl.html", &["widget"]);
    let seen = Widget::id(&b, "widget").eval(
        "const rc = arguments[0].querySelector('.rc'); return [rc.lang, rc.dir, getComputedStyle(rc).direction];",
        json!([]),
    );
    assert_eq!(seen, json!(["en", "ltr", "ltr"]));
    assert_eq!(warnings(&b).len(), 1, "no Arabic dataset in this build: {:?}", warnings(&b));
}

/// The build with the Arabic fixture dataset (`cargo xtask dist-fixture`).
fn serve_rtl() -> Server {
    let dir = root().join("target/dist-rtl");
    assert!(
        dir.join("role-compare.js").exists(),
        "target/dist-rtl is not built: run `cargo xtask dist-fixture` (cargo xtask test does)"
    );
    Server::start(dir, root().join("tests/e2e/hosts"))
}

/// WCAG 2.2 A/AA, as the presentation tests check.
const TAGS: [&str; 6] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

fn axe(b: &Browser) -> Vec<String> {
    e2e::axe(b, &TAGS)
}

/// Where things sit in a right-to-left widget, measured in the page.
const MIRRORED: &str = "
  const rc = document.querySelector('.rc');
  const box = (el) => el.getBoundingClientRect();
  // The lower salary's row: its bar is not full length.
  const row = document.querySelectorAll('.rc-salary-chart .rc-bar-row')[1];
  const bar = box(row.querySelector('.rc-bar')), name = box(row.querySelector('.rc-bar-name'));
  const fill = box(row.querySelector('.rc-bar-fill'));
  const key = getComputedStyle(document.querySelector('.rc-key'));
  const toolbar = box(document.querySelector('.rc-toggles')), first = box(document.querySelector('.rc-toggle'));
  const list = getComputedStyle(document.querySelector('.rc-points'));
  return {
    lang: rc.lang, dir: rc.dir, direction: getComputedStyle(rc).direction,
    html: document.documentElement.lang + ' ' + document.documentElement.dir,
    name_right_of_bar: name.left >= bar.right - 1,
    bar_grows_from_right: Math.abs(fill.right - bar.right) < 1.5 && fill.left > bar.left + 1,
    key_border_right: key.borderRightWidth !== '0px' && key.borderLeftWidth === '0px',
    list_indent_right: list.paddingRight !== '0px' && list.paddingLeft === '0px',
    first_toggle_at_right: Math.abs(first.right - toolbar.right) < 1.5,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  };";

#[test]
fn a_right_to_left_dataset_mirrors_fits_320_px_and_passes_axe() {
    let s = serve_rtl();
    for width in [320, 1280] {
        let b = Browser::start(Options { width, ..Options::default() });
        b.goto(&s.url("/index.html"));
        let w = Widget::page(&b);
        w.wait_live();
        let m = b.eval(MIRRORED, json!([]));
        assert_eq!(
            (&m["lang"], &m["dir"], &m["direction"], &m["html"]),
            (&json!("ar"), &json!("rtl"), &json!("rtl"), &json!("ar rtl")),
            "{m}"
        );
        for mirrored in [
            "name_right_of_bar",
            "bar_grows_from_right",
            "key_border_right",
            "list_indent_right",
            "first_toggle_at_right",
        ] {
            // Stacked at 320 px, the bar sits under its name.
            if width == 320 && mirrored == "name_right_of_bar" {
                continue;
            }
            assert_eq!(m[mirrored], json!(true), "{width}px: {mirrored}: {m}");
        }
        assert!(m["overflow"].as_i64().unwrap() <= 0, "{width}px: horizontal overflow {m}");
        let text = reader_text(&w);
        assert!(text.contains("٨٠٬٠٠٠ دولار") && text.contains("إظهار الكل"), "{text}");
        assert_no_english(&text, "the Arabic widget");
        let violations = axe(&b);
        assert!(violations.is_empty(), "{width}px: {violations:#?}");
        b.screenshot(&screenshots().join(format!("i18n-rtl-ar-{width}.png")));
        b.console().assert_quiet();
    }
    // The custom element on an Arabic page picks the Arabic dataset by itself.
    let b = Browser::start(Options { width: 320, ..Options::default() });
    b.goto(&s.url("/hosts/rtl.html"));
    let w = Widget::id(&b, "widget");
    w.wait_live();
    assert_eq!(
        w.eval("return getComputedStyle(arguments[0].querySelector('.rc')).direction;", json!([])),
        json!("rtl")
    );
    assert!(
        b.eval("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;", json!([]))
            == json!(true)
    );
    let violations = axe(&b);
    assert!(violations.is_empty(), "element: {violations:#?}");
}
