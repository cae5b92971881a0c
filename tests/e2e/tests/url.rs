//! The view in the page's URL, as a reader uses it: back and forward, reload,
//! a copied link, a link with the page's own settings, and in-page anchors.

use e2e::{live, serve, Browser, Options, Server};
use serde_json::json;

fn shown(b: &Browser) -> Vec<String> {
    serde_json::from_value(b.eval(
        "return [...document.querySelectorAll('section.rc-section:not([hidden])')].map((s) => s.dataset.category);",
        json!([]),
    ))
    .unwrap()
}

fn click(b: &Browser, category: &str) {
    b.eval(&format!("document.querySelector('.rc-toggle[data-category={category}]').click();"), json!([]));
}

fn all() -> Vec<String> {
    ["overview", "duties", "education", "experience", "environment", "skills", "salary"].map(String::from).to_vec()
}

fn without(ids: &[&str]) -> Vec<String> {
    all().into_iter().filter(|c| !ids.contains(&c.as_str())).collect()
}

/// The widget's page with `query`, in a new browser, once live.
fn open(query: &str) -> (Server, Browser) {
    let s = serve();
    let b = Browser::start(Options::default());
    b.goto(&s.url(&format!("/index.html{query}")));
    b.wait_for(&live("document"));
    (s, b)
}

#[test]
fn back_forward_reload_and_a_copied_link() {
    let (_s, b) = open("");
    click(&b, "salary");
    b.wait_for("location.hash === '#hide=salary'");
    click(&b, "skills");
    b.wait_for("location.hash === '#hide=skills,salary'");

    b.eval("history.back();", json!([]));
    b.wait_for("location.hash === '#hide=salary'");
    b.wait_for("document.querySelector('#rc-sec-skills .rc-cell')");
    assert_eq!(shown(&b), without(&["salary"]));
    b.eval("history.back();", json!([]));
    b.wait_for("location.hash === ''");
    b.wait_for("document.querySelector('#rc-sec-salary .rc-cell')");
    assert_eq!(shown(&b), all());
    b.eval("history.forward();", json!([]));
    b.wait_for("!document.querySelector('#rc-sec-salary .rc-cell')");
    assert_eq!(shown(&b), without(&["salary"]));

    // Reload keeps the view.
    b.reload();
    b.wait_for(&live("document"));
    b.wait_for("!document.querySelector('#rc-sec-salary .rc-cell')");
    assert_eq!(shown(&b), without(&["salary"]));

    // A copied link opens the same view in a new browser.
    let link = b.eval("return location.href;", json!([])).as_str().unwrap().to_owned();
    let other = Browser::start(Options::default());
    other.goto(&link);
    other.wait_for(&live("document"));
    other.wait_for("!document.querySelector('#rc-sec-salary .rc-cell')");
    assert_eq!(shown(&other), without(&["salary"]));
    assert_eq!(other.recorded()["warnings"], json!([]));
}

#[test]
fn the_fragment_is_kept_relative_to_the_pages_own_settings_and_anchors_are_left_alone() {
    let (_s, b) = open("?categories=salary,skills");
    b.wait_for("document.querySelectorAll('section.rc-section:not([hidden])').length === 2");
    b.eval("document.querySelector('button[data-action=show-all]').click();", json!([]));
    b.wait_for("location.hash === '#hide='");
    b.reload();
    b.wait_for(&live("document"));
    b.wait_for("document.querySelectorAll('section.rc-section:not([hidden])').length === 7");
    assert_eq!(shown(&b), all(), "Show all survives a reload despite ?categories=");

    // An ordinary in-page anchor is not a view: nothing changes, nothing warns.
    click(&b, "duties");
    b.wait_for("location.hash === '#hide=duties'");
    b.eval("location.hash = 'top';", json!([]));
    b.eval_async("setTimeout(arguments[0], 100);", json!([]));
    assert_eq!(shown(&b), without(&["duties"]));
    assert_eq!(b.recorded()["warnings"], json!([]));
}
