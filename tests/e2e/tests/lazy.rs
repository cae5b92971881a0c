//! `<role-compare loading="lazy">` in a long host article: no wasm is
//! requested until the reader scrolls near the element (Resource Timing and
//! the server's log agree), the pasted fallback is seen meanwhile, then the
//! widget goes live (and the loader's `ready` resolves, not before); several
//! lazy elements share one fetch; the default stays eager.

use e2e::first_paint::fallback;
use e2e::{article, serve, Browser, Options, Server, Widget};
use serde_json::json;

/// Requests for the wasm the server has seen.
fn wasm_requests(s: &Server) -> usize {
    s.requests().iter().filter(|p| p.ends_with(".wasm")).count()
}

/// Wasm requests the page's Resource Timing lists.
fn wasm_entries(b: &Browser) -> u64 {
    b.eval("return performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length;", json!([]))
        .as_u64()
        .unwrap()
}

/// Lets the page settle after load: a second, so that an eager start would have fetched.
fn settle(b: &Browser) {
    b.pause(1000);
}

#[test]
fn a_lazy_element_far_below_the_fold_fetches_nothing_until_scrolled_then_goes_live() {
    let s = serve();
    let widgets = format!(
        "{}\n<p>Between the two widgets.</p>\n{}",
        fallback("id=\"first\" loading=\"lazy\" categories=\"salary\""),
        fallback("id=\"second\" loading=\"lazy\"")
    );
    // The second one well below the first: it starts from the same fetch.
    let widgets =
        widgets.replacen("<p>Between the two widgets.</p>", &"<p>Between the two widgets.</p>\n".repeat(60), 1);
    s.add_page("/hosts/article-lazy.html", article(&widgets, true));
    let b = Browser::start(Options::default());
    b.goto(&s.url("/hosts/article-lazy.html"));
    // The loader's `ready`, as the page's own module sees it (the same module instance).
    b.eval(
        "const s = document.createElement('script'); s.type = 'module';
         s.textContent = \"import { ready } from '/role-compare.js'; window.__ready = 'pending'; \
           ready.then(() => { window.__ready = 'resolved'; }, (e) => { window.__ready = e.message; });\";
         document.head.append(s);",
        json!([]),
    );
    settle(&b);
    assert_eq!(b.eval("return window.__ready;", json!([])), json!("pending"), "ready waits for the first start");
    assert_eq!(wasm_entries(&b), 0, "wasm requested before any scroll");
    assert_eq!(wasm_requests(&s), 0, "the server saw a wasm request before any scroll");
    assert!(
        !s.requests().iter().any(|p| p.contains("_bg.wasm") || (p.starts_with("/role-compare-") && p.ends_with(".js"))),
        "neither glue nor wasm fetched before scroll: {:?}",
        s.requests()
    );
    // Meanwhile the fallback is there, with its content.
    let first = Widget::id(&b, "first");
    let text = first.eval("return arguments[0].textContent.includes('$80,000');", json!([]));
    assert_eq!(text, json!(true));
    // The reader scrolls to the first: it goes live, with its attributes.
    b.eval("document.getElementById('first').scrollIntoView();", json!([]));
    first.wait_live();
    assert_eq!(b.wait_for("window.__ready !== 'pending' && window.__ready"), json!("resolved"));
    assert_eq!(first.sections(), [e2e::dataset::salary()]);
    // Then to the second: live too, and still one fetch for both.
    b.eval("document.getElementById('second').scrollIntoView();", json!([]));
    Widget::id(&b, "second").wait_live();
    assert_eq!(wasm_entries(&b), 1, "one wasm fetch for both elements");
    assert_eq!(wasm_requests(&s), 1);
    b.console().assert_quiet();
}

#[test]
fn without_loading_the_element_starts_at_once_and_a_bad_value_warns_and_is_eager() {
    for (attributes, warns) in [("id=\"w\"", false), ("id=\"w\" loading=\"sometimes\"", true)] {
        let s = serve();
        s.add_page("/hosts/article-eager.html", article(&fallback(attributes), true));
        let b = Browser::start(Options::default());
        b.goto(&s.url("/hosts/article-eager.html"));
        // Live far below the fold, without any scroll.
        Widget::id(&b, "w").wait_live();
        assert_eq!(b.eval("return scrollY;", json!([])), json!(0));
        assert_eq!(wasm_entries(&b), 1, "{attributes}");
        let warnings = b.console().warnings;
        let warned = warnings.iter().any(|w| w.contains("loading=\"sometimes\""));
        assert_eq!(warned, warns, "{attributes}: {warnings:?}");
    }
}
