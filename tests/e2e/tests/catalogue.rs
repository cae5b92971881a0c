//! One build, the whole catalogue: a roundup page with several comparisons
//! (authored, asked by roles, a set of roles nobody wrote), an unknown id, the
//! reader's role picker on the widget's own page (in place, focus kept, the
//! link and Back), and a second, different build on the same page.

use e2e::dataset::{category, salary, title_of};
use e2e::{root, serve, Browser, Options, Server, Widget};
use serde_json::json;

fn errors(b: &Browser) -> Vec<String> {
    b.console().errors
}

/// JS: the page's widget shows the columns `arguments[0]` (ids joined by commas).
const COLUMNS_ARE: &str =
    "return [...document.querySelectorAll('.rc-facts-head .rc-fact')].map(c => c.dataset.role).join() === arguments[0];";

#[test]
fn a_roundup_page_shows_each_comparison_it_asks_for_and_they_stay_independent() {
    let s = serve();
    let b = Browser::start(Options::default());
    b.goto(&s.url("/hosts/roundup.html"));
    let (a, bb, c, d) =
        (Widget::element(&b, "#a"), Widget::element(&b, "#b"), Widget::element(&b, "#c"), Widget::element(&b, "#d"));
    for w in [&a, &bb, &c, &d] {
        w.wait_live();
    }
    assert_eq!(a.title(), title_of("ecmo-specialist-vs-perfusionist"));
    assert_eq!(a.roles(), ["ecmo-specialist", "perfusionist"]);
    assert_eq!(bb.title(), title_of("respiratory-therapist-vs-ecmo-specialist"));
    assert_eq!(bb.sections(), [category("overview"), salary()]);
    // Asked by roles, in the asked column order: the authored comparison's texts.
    assert_eq!(c.title(), title_of("respiratory-therapist-vs-perfusionist"));
    assert_eq!(c.roles(), ["perfusionist", "respiratory-therapist"]);
    // Three roles nobody wrote a comparison of: each role's own points, the
    // title from the names, and key differences only where typed facts differ.
    assert_eq!(d.roles(), ["ecmo-specialist", "perfusionist", "respiratory-therapist"]);
    assert_eq!(d.title(), "ECMO Specialist, Perfusionist and Respiratory Therapist");
    let line = d.key_difference(salary()).expect("the medians differ: a derived key difference");
    // The highest median against the lowest: ECMO specialists, perfusionists.
    assert!(line.contains("ECMO specialists") && line.contains("perfusionists"), "{line}");
    assert_eq!(d.key_difference(category("overview")), None, "no typed fact tells them apart: no line");
    // Independent: a toggle in one leaves the others alone.
    a.toggle(salary());
    a.wait_pressed(salary(), false);
    assert_eq!(bb.pressed()[salary()], "true");
    assert_eq!(c.pressed()[salary()], "true");
    // The unknown comparison: a notice in its language, one error naming it
    // and what the build has, and nothing of another comparison.
    let e = Widget::element(&b, "#e");
    e.wait_notice();
    assert_eq!(e.notice().as_deref(), Some("This comparison is not available here."));
    assert!(!e.text().contains("Perfusionist"));
    b.settle();
    let errors = errors(&b);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    for needed in ["role-compare: ", "nurse-vs-doctor", "ecmo-specialist-vs-perfusionist", "respiratory-therapist"] {
        assert!(errors[0].contains(needed), "{}", errors[0]);
    }
    let shot = e2e::screenshots().join(format!("roundup-{}.png", e2e::engine().name()));
    b.screenshot(&shot);
}

#[test]
fn on_its_own_page_the_reader_picks_a_role_in_place_and_the_link_and_back_follow() {
    let s = serve();
    let b = Browser::start(Options::default());
    b.goto(&s.url("/index.html"));
    let w = Widget::page(&b);
    w.wait_live();
    assert_eq!(w.roles(), e2e::dataset::roles(), "the default comparison's");
    let top = w.select_top(1);
    w.pick(1, "respiratory-therapist");
    b.wait_until(COLUMNS_ARE, json!(["ecmo-specialist,respiratory-therapist"]));
    assert_eq!(w.title(), title_of("respiratory-therapist-vs-ecmo-specialist"));
    assert_eq!(w.focused_select(), 1, "focus stays on the select");
    assert!((w.select_top(1) - top).abs() < 1.0, "the select did not move: {top} → {}", w.select_top(1));
    assert!(w.announced().contains(&title_of("respiratory-therapist-vs-ecmo-specialist")), "{}", w.announced());
    // The link: written once the reader pauses; the document title follows.
    b.wait_for("location.hash.includes('roles=ecmo-specialist,respiratory-therapist')");
    b.wait_until(
        "return document.title.startsWith(arguments[0]);",
        json!([title_of("respiratory-therapist-vs-ecmo-specialist")]),
    );
    let link = b.eval("return location.href;", json!([])).as_str().unwrap().to_owned();
    // Back: the comparison before.
    b.eval("history.back();", json!([]));
    b.wait_until(COLUMNS_ARE, json!(["ecmo-specialist,perfusionist"]));
    // The shared link reopens the picked roles.
    let other = Browser::start(Options::default());
    other.goto(&link);
    let shared = Widget::page(&other);
    shared.wait_live();
    assert_eq!(shared.roles(), ["ecmo-specialist", "respiratory-therapist"]);
    assert!(errors(&b).is_empty() && errors(&other).is_empty(), "{:?}", errors(&b));
}

/// A build of `cargo xtask dist-fixture` (`target/dist-rtl`: the
/// right-to-left fixture, a different build of role-compare;
/// `target/dist-rtl-tag`: the same under its own tag name, `<role-compare-ar>`,
/// by `ROLE_COMPARE_TAG`), served from its own origin.
fn fixture_build(dir: &str) -> Server {
    let s = Server::start(root().join(dir), root().join("tests/e2e/hosts"));
    s.cors_only(&[""]);
    s
}

#[test]
fn a_second_different_build_on_the_page_says_what_it_lacks_and_never_shows_another_comparison() {
    let (s, other) = (serve(), fixture_build("target/dist-rtl"));
    s.add_page(
        "/hosts/two-builds.html",
        format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>two builds</title>\
             <script type=\"module\" src=\"/role-compare.js\"></script></head><body>\
             <role-compare id=\"a\"></role-compare>\
             <role-compare id=\"b\" comparison=\"respiratory-therapist-vs-perfusionist\"></role-compare>\
             <script type=\"module\">customElements.whenDefined('role-compare').then(() => import({:?}));</script>\
             </body></html>",
            other.url("/role-compare.js")
        ),
    );
    let b = Browser::start(Options::default());
    b.goto(&s.url("/hosts/two-builds.html"));
    Widget::element(&b, "#b").wait_live();
    b.wait_for("window.__rc && window.__rc.errors.length > 0");
    b.settle();
    let errors = errors(&b);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let error = &errors[0];
    assert!(error.starts_with("role-compare: another build"), "{error}");
    assert!(error.contains("langs ar"), "it names what the page's build lacks: {error}");
    assert_eq!(Widget::element(&b, "#b").title(), title_of("respiratory-therapist-vs-perfusionist"));
}

#[test]
fn two_builds_under_their_own_tag_names_share_a_page_and_each_shows_its_own() {
    let (s, other) = (serve(), fixture_build("target/dist-rtl-tag"));
    s.add_page(
        "/hosts/two-tags.html",
        format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>two tags</title>\
             <script type=\"module\" src=\"/role-compare.js\"></script>\
             <script type=\"module\" src={:?}></script></head><body>\
             <role-compare id=\"a\" comparison=\"respiratory-therapist-vs-perfusionist\"></role-compare>\
             <role-compare-ar id=\"b\"></role-compare-ar>\
             </body></html>",
            other.url("/role-compare.js")
        ),
    );
    let json = std::fs::read_to_string(root().join("tests/fixtures/rtl-ar.json")).expect("the fixture's dataset");
    let arabic = role_compare::data::view::parse_dataset("rtl-ar.json", &json).expect("a valid fixture");
    let b = Browser::start(Options::default());
    b.goto(&s.url("/hosts/two-tags.html"));
    let (ours, theirs) = (Widget::element(&b, "#a"), Widget::element(&b, "#b"));
    ours.wait_live();
    theirs.wait_live();
    assert_eq!(ours.title(), title_of("respiratory-therapist-vs-perfusionist"));
    assert_eq!(theirs.title(), arabic.title.to_string(), "<role-compare-ar> shows its own build's comparison");
    // Independent: hiding a section of one leaves the other as it was.
    let before = ours.sections();
    let first = theirs.sections()[0].clone();
    theirs.toggle(&first);
    theirs.wait_pressed(&first, false);
    assert_eq!(ours.sections(), before);
    b.settle();
    let errors = errors(&b);
    assert!(errors.is_empty(), "two tags, two builds: no error: {errors:#?}");
}

#[test]
fn the_iframe_and_the_page_take_comparison_and_roles_from_the_query() {
    let s = serve();
    let b = Browser::start(Options::default());
    b.goto(&s.url("/index.html?comparison=respiratory-therapist-vs-perfusionist"));
    let w = Widget::page(&b);
    w.wait_live();
    assert_eq!(w.title(), title_of("respiratory-therapist-vs-perfusionist"));
    assert_eq!(w.roles(), ["respiratory-therapist", "perfusionist"]);
    // `roles` wins over `comparison`, in its column order.
    b.goto(&s.url("/index.html?comparison=respiratory-therapist-vs-perfusionist&roles=perfusionist,ecmo-specialist"));
    let w = Widget::page(&b);
    w.wait_live();
    assert_eq!(w.roles(), ["perfusionist", "ecmo-specialist"]);
    assert_eq!(w.title(), title_of("ecmo-specialist-vs-perfusionist"));
    // An unknown one: the notice and one error, never the page's own comparison.
    b.goto(&s.url("/index.html?roles=perfusionist,astronaut"));
    b.wait_for("document.querySelector('.rc-unavailable')");
    assert!(!Widget::page(&b).text().contains("ECMO Specialist"));
    b.settle();
    let errors = errors(&b);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].contains("\"astronaut\""), "{}", errors[0]);
}

/// JS: the pickers of Quick facts whose chosen role's name does not fit them,
/// as `name: needs N px, has M px` (the name's width in the select's own font,
/// measured on a canvas, plus its padding and about 1.5em for the arrow).
const CLIPPED_PICKERS: &str = "const ctx = document.createElement('canvas').getContext('2d');
return [...document.querySelectorAll('.rc-pick-select')].flatMap(sel => {
  const st = getComputedStyle(sel);
  ctx.font = st.font;
  const name = sel.selectedOptions[0].text;
  const needs = ctx.measureText(name).width + parseFloat(st.paddingLeft) + parseFloat(st.paddingRight)
    + 1.5 * parseFloat(st.fontSize);
  return needs > sel.clientWidth ? [`${name}: needs ${Math.ceil(needs)} px, has ${sel.clientWidth} px`] : [];
});";

#[test]
fn every_picker_shows_its_role_s_whole_name_from_320_px_up_with_each_number_of_roles() {
    let s = serve();
    let b = Browser::start(Options::default());
    let all = e2e::dataset::catalogue_roles();
    for n in 2..=all.len().min(4) {
        let roles = all[..n].join(",");
        for width in [320, 480, 640, 800, 1024] {
            b.set_viewport(width, 900);
            b.goto(&s.url(&format!("/index.html?roles={roles}")));
            Widget::page(&b).wait_live();
            let clipped = b.eval(CLIPPED_PICKERS, json!([]));
            assert_eq!(clipped, json!([]), "{n} roles at {width} px: pickers too narrow for their names");
            let widths = b.eval(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];",
                json!([]),
            );
            assert!(
                widths[0].as_f64() <= widths[1].as_f64(),
                "{n} roles at {width} px: the page scrolls sideways: {widths}"
            );
        }
    }
}
