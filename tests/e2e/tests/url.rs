//! The view in the page's URL, as a reader uses it: back and forward, reload,
//! a copied link, a link with the page's own settings, and in-page anchors.

use e2e::dataset::{categories as all, categories_without as without, category, salary, skills};
use e2e::{open_page, Browser, Options, Widget};
use serde_json::json;

fn shown(b: &Browser) -> Vec<String> {
    Widget::page(b).sections()
}

fn click(b: &Browser, category: &str) {
    Widget::page(b).toggle(category);
}

/// JS: the page's fragment is `arguments[0]`.
const HASH_IS: &str = "return location.hash === arguments[0];";

#[test]
fn back_forward_reload_and_a_copied_link() {
    let (_s, b) = open_page("");
    let w = Widget::page(&b);
    let (salary, skills) = (salary(), skills());
    click(&b, salary);
    b.wait_until(HASH_IS, json!(["#hide=salary"]));
    click(&b, skills);
    b.wait_until(HASH_IS, json!(["#hide=skills,salary"]));

    b.eval("history.back();", json!([]));
    b.wait_until(HASH_IS, json!(["#hide=salary"]));
    w.wait_content(skills, true);
    assert_eq!(shown(&b), without(&[salary]));
    b.eval("history.back();", json!([]));
    b.wait_until(HASH_IS, json!([""]));
    w.wait_content(salary, true);
    assert_eq!(shown(&b), all());
    b.eval("history.forward();", json!([]));
    w.wait_content(salary, false);
    assert_eq!(shown(&b), without(&[salary]));

    // Reload keeps the view.
    b.reload();
    w.wait_live();
    w.wait_content(salary, false);
    assert_eq!(shown(&b), without(&[salary]));

    // A copied link opens the same view in a new browser.
    let link = b.eval("return location.href;", json!([])).as_str().unwrap().to_owned();
    let other = Browser::start(Options::default());
    other.goto(&link);
    let theirs = Widget::page(&other);
    theirs.wait_live();
    theirs.wait_content(salary, false);
    assert_eq!(shown(&other), without(&[salary]));
    assert_eq!(other.console().warnings, Vec::<String>::new());
}

#[test]
fn the_fragment_is_kept_relative_to_the_pages_own_settings_and_anchors_are_left_alone() {
    let (_s, b) = open_page("?categories=salary,skills");
    let w = Widget::page(&b);
    w.wait_section_count(2);
    w.click("button[data-action=show-all]");
    b.wait_until(HASH_IS, json!(["#hide="]));
    b.reload();
    w.wait_live();
    w.wait_section_count(all().len());
    assert_eq!(shown(&b), all(), "Show all survives a reload despite ?categories=");

    // An ordinary in-page anchor is not a view: nothing changes, nothing warns.
    let duties = category("duties");
    click(&b, duties);
    b.wait_until(HASH_IS, json!(["#hide=duties"]));
    b.eval("location.hash = 'top';", json!([]));
    b.pause(100);
    assert_eq!(shown(&b), without(&[duties]));
    assert_eq!(b.console().warnings, Vec::<String>::new());
}
