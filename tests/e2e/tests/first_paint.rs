//! The first paint is the view asked for, for every case of
//! `e2e::first_paint::cases()`: a link with a fragment, the iframe URL with a
//! query, both together, every category hidden, unknown ids and encoded
//! commas, the iframe in its host page, the stand-alone file, and
//! `<role-compare>` over its pasted fallback with non-default, default and
//! partly unknown attributes. For each: the view before the wasm runs (the
//! wasm is delayed) is the live one, which the Rust decoder made of the same
//! URL or attributes; the cumulative layout shift stays ≤ 0.01.

use e2e::first_paint::{cases, open, Case, Open, ALL, WATCH};
use e2e::{serve, Browser, Options, Server};
use role_compare::data::{catalogues, seo};
use serde_json::json;

/// Opens the case with the wasm delayed; checks the view before and after the
/// wasm, and the layout shift.
fn check(case: &Case) {
    let s = serve();
    // The wasm arrives late, so the first frames are painted without it.
    s.delay_wasm(700);
    let b = Browser::start(Options::default());
    b.add_init_script(WATCH);
    check_on(&s, &b, case);
}

/// [`check`] in a browser `b` (with [`WATCH`]) on the server `s`.
fn check_on(s: &Server, b: &Browser, case: &Case) {
    let r = open(s, b, case);
    let (before, after) = (&r["before"], &r["after"]);
    let name = case.name;
    // The stand-alone file inlines its wasm, which no server can delay: its
    // first frame may come after the take-over (then it is the live view).
    if !matches!(case.open, Open::Page(p) if p.contains("standalone")) {
        assert_eq!(before["live"], json!(false), "{name}: the first view was taken after the wasm ran: {before}");
    }
    // The live widget: what the Rust decoder made of the URL or attributes.
    assert_eq!(after["sections"], json!(case.shown), "{name}: live sections");
    assert_eq!(after["highlight"], json!(case.highlight), "{name}: live highlight");
    assert_eq!(after["roles"], json!(case.roles), "{name}: live role order");
    let dark = after["background"] == json!("rgb(21, 24, 28)");
    assert_eq!(dark, case.dark("light"), "{name}: live theme, background {}", after["background"]);
    assert_eq!(after["empty"], json!(case.shown.is_empty()), "{name}: the empty note");
    // Before the wasm: the same view, as a reader sees it.
    let mut expected = after.clone();
    expected["live"] = before["live"].clone();
    assert_eq!(before, &expected, "{name}: the view before the wasm differs from the live one");
    // Layout shifts are measured where the engine reports them (Chromium, which
    // must); elsewhere the view comparison above is the check.
    if b.engine() == e2e::Engine::Chromium {
        assert_eq!(r["measured"], json!(true), "{name}: Chromium reports layout shifts");
    }
    let shift = r["shift"].as_f64().unwrap();
    assert!(shift <= 0.01, "{name}: cumulative layout shift {shift} > 0.01: {}", r["shifts"]);
    let console = b.console();
    assert!(console.csp.is_empty(), "{name}: CSP violations {:?}", console.csp);
    assert!(console.errors.is_empty(), "{name}: errors {:?}", console.errors);
}

fn case(name: &str) -> Case {
    cases().into_iter().find(|c| c.name == name).expect("a case of e2e::first_paint::cases()")
}

#[test]
fn a_copied_link_with_a_fragment_opens_as_it_was_left() {
    check(&case("fragment"));
}

#[test]
fn the_iframe_url_with_one_category() {
    check(&case("query"));
}

#[test]
fn a_query_with_every_setting_and_a_fragment_over_it() {
    check(&case("query+fragment"));
}

#[test]
fn a_link_after_hide_all_shows_the_empty_note() {
    check(&case("all hidden"));
}

#[test]
fn unknown_ids_and_encoded_commas_read_as_the_decoder_reads_them() {
    check(&case("encoded"));
}

#[test]
fn the_iframe_in_its_host_page() {
    check(&case("iframe"));
}

#[test]
fn the_stand_alone_file_with_a_query_and_a_fragment() {
    check(&case("stand-alone"));
}

#[test]
fn the_element_over_its_fallback_with_attributes() {
    check(&case("element"));
}

#[test]
fn the_light_theme_asked_by_a_link_and_by_the_element() {
    check(&case("query light"));
    check(&case("element light"));
}

#[test]
fn the_element_over_its_fallback_by_default_and_with_an_unknown_id() {
    check(&case("element default"));
    check(&case("element unknown id"));
}

/// Every comparison's page, in every language, and one of them with a
/// link's settings: the first paint is its comparison's view (its roles, in
/// its order), the live widget keeps it, and nothing moves at the take-over.
#[test]
fn every_comparison_page_opens_on_its_comparison_before_and_after_the_wasm() {
    let s = serve();
    s.delay_wasm(700);
    let b = Browser::start(Options::default());
    b.add_init_script(WATCH);
    let leak = |text: String| -> &'static str { Box::leak(text.into_boxed_str()) };
    let mut pages = 0;
    for (lang, catalogue) in catalogues().iter().enumerate() {
        for (ix, comparison) in catalogue.comparisons.iter().enumerate() {
            let roles: Vec<&'static str> = comparison.roles.iter().map(|&r| catalogue.roles[r].id.as_ref()).collect();
            let path = leak(format!("/{}", seo::page_file(lang, ix)));
            let case = Case {
                name: path,
                open: Open::Page(path),
                shown: ALL.to_vec(),
                theme: "auto",
                highlight: false,
                roles: roles.clone(),
            };
            check_on(&s, &b, &case);
            pages += 1;
        }
    }
    assert_eq!(pages, 6, "three comparisons in two languages");
    // A link's settings over a comparison's page: dark, salary and skills only.
    let catalogue = &catalogues()[0];
    let comparison = &catalogue.comparisons[2];
    let roles: Vec<&'static str> = comparison.roles.iter().map(|&r| catalogue.roles[r].id.as_ref()).collect();
    let path = leak(format!("/{}?categories=salary,skills&theme=dark", seo::page_file(0, 2)));
    let case = Case {
        name: path,
        open: Open::Page(path),
        shown: vec!["skills", "salary"],
        theme: "dark",
        highlight: false,
        roles,
    };
    check_on(&s, &b, &case);
}

#[test]
fn every_case_has_a_test() {
    let source = include_str!("first_paint.rs");
    for c in cases() {
        assert!(source.contains(&format!("check(&case(\"{}\"))", c.name)), "no test opens case {}", c.name);
    }
}

/// README's iframe snippet (`sandbox="allow-scripts"`: an opaque origin):
/// the integrity-checked stylesheets and first-paint script load over CORS,
/// so the framed page is styled and shows its query's view.
#[test]
fn the_sandboxed_iframe_of_readme_is_styled_and_marked() {
    let s = serve();
    let b = Browser::start(Options::default());
    // tests/e2e/hosts/iframe.html frames /index.html?categories=salary,skills&theme=dark
    b.goto(&s.url("/hosts/iframe.html"));
    b.switch_frame(json!(0));
    e2e::Widget::page(&b).wait_live();
    let seen = b.eval(
        "return [document.styleSheets.length, document.documentElement.dataset.rcCategories,
                 getComputedStyle(document.querySelector('.rc')).backgroundColor];",
        json!([]),
    );
    assert_eq!(seen, json!([2, "salary skills", "rgb(21, 24, 28)"]));
}
