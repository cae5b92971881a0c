//! In headless Chromium (wasm-bindgen-test): every toggle (each category's
//! and the fit view's), Show all and Hide all change the DOM, `aria-pressed`
//! and the URL fragment.
#![cfg(target_arch = "wasm32")]

use role_compare::components::{RoleCompare, RoleCompareProps};
use role_compare::data::baked;
use role_compare::data::ui::Msg;
use role_compare::state::FIT_SECTION;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets Yew's scheduler run (renders and effects happen in later tasks).
async fn settle() {
    for _ in 0..3 {
        gloo_timers_sleep().await;
    }
}

async fn gloo_timers_sleep() {
    sleep_ms(0).await;
}

/// A mounted widget; `unmount` destroys it, so no listener or timer of one
/// test outlives it into the next.
struct Mounted {
    root: Element,
    app: yew::AppHandle<RoleCompare>,
}

impl std::ops::Deref for Mounted {
    type Target = Element;
    fn deref(&self) -> &Element {
        &self.root
    }
}

impl Mounted {
    async fn unmount(self) {
        self.app.destroy();
        settle().await;
        self.root.remove();
        let _ = web_sys::window().unwrap().history().unwrap().replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some("#"),
        );
    }
}

/// Mounts a widget and waits (2 s at most) until it is live: toggles enabled.
async fn mount(sync_url: bool) -> Mounted {
    let mounted = mount_now(sync_url);
    for _ in 0..100 {
        let enabled = mounted.query_selector("button.rc-toggle").unwrap().is_some_and(|b| !b.has_attribute("disabled"));
        if enabled {
            return mounted;
        }
        sleep_ms(20).await;
    }
    panic!("the widget did not become live");
}

fn mount_now(sync_url: bool) -> Mounted {
    let document = gloo::utils::document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let props = RoleCompareProps { sync_url, ..RoleCompareProps::of(baked()) };
    let app = yew::Renderer::<RoleCompare>::with_root_and_props(host.clone(), props).render();
    Mounted { root: host, app }
}

fn all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().dyn_into::<HtmlElement>().unwrap()).collect()
}

fn toggle(root: &Element, id: &str) -> HtmlElement {
    root.query_selector(&format!("button.rc-toggle[data-category=\"{id}\"]")).unwrap().unwrap().dyn_into().unwrap()
}

fn section_has_content(root: &Element, id: &str) -> bool {
    let section = root.query_selector(&format!("#rc-sec-{id}")).unwrap().expect("section element exists");
    !section.has_attribute("hidden") && section.query_selector(".rc-cell, .rc-fit-question").unwrap().is_some()
}

/// Every section a toggle controls, in toolbar order: the categories, then
/// the fit view where the comparison asks questions. Each with its title and
/// a text only its shown section holds.
fn sections() -> Vec<(String, String, String)> {
    let dataset = baked();
    let categories = dataset.categories.iter().map(|c| {
        let text = c.key_difference.as_deref().expect("the shipped comparison has authored key differences");
        (c.id.to_string(), c.title.to_string(), text.to_owned())
    });
    let fit = dataset
        .fit
        .first()
        .map(|q| (FIT_SECTION.to_owned(), dataset.ui().text(Msg::FitTitle).to_owned(), q.prompt.to_string()));
    categories.chain(fit).collect()
}

fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

/// Waits (2 s at most) for the URL fragment, which is written once the reader pauses.
async fn assert_hash(expected: &str) {
    for _ in 0..100 {
        if hash() == expected {
            return;
        }
        sleep_ms(20).await;
    }
    assert_eq!(hash(), expected);
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn bulk(root: &Element, action: &str) -> HtmlElement {
    root.query_selector(&format!("button[data-action=\"{action}\"]")).unwrap().unwrap().dyn_into().unwrap()
}

#[wasm_bindgen_test]
async fn every_toggle_hides_and_shows_its_section_and_updates_the_fragment() {
    let root = mount(true).await;
    settle().await;
    let sections = sections();
    assert!(sections.iter().any(|(id, ..)| id == FIT_SECTION), "the shipped comparison asks questions");
    assert_eq!(all(&root, "button.rc-toggle[data-category]").len(), sections.len());
    for (id, title, text) in &sections {
        let button = toggle(&root, id);
        assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("true"), "{id}");
        assert!(section_has_content(&root, id), "{id} shown at start");
        assert!(root.text_content().unwrap().contains(text.as_str()), "{id} text shown");

        button.click();
        settle().await;
        assert_eq!(toggle(&root, id).get_attribute("aria-pressed").as_deref(), Some("false"), "{id}");
        assert!(!section_has_content(&root, id), "{id} hidden after a click");
        assert!(!root.text_content().unwrap().contains(text.as_str()), "{id} text gone");
        assert_hash(&format!("#hide={id}")).await;
        let live = root.query_selector("[aria-live]").unwrap().unwrap().text_content().unwrap();
        assert_eq!(live, format!("{title} hidden"));

        toggle(&root, id).click();
        settle().await;
        assert_eq!(toggle(&root, id).get_attribute("aria-pressed").as_deref(), Some("true"), "{id}");
        assert!(section_has_content(&root, id), "{id} shown again");
        assert_hash("").await;
    }
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn hide_all_and_show_all() {
    let root = mount(true).await;
    settle().await;
    bulk(&root, "hide-all").click();
    settle().await;
    assert!(all(&root, "button.rc-toggle[data-category]")
        .iter()
        .all(|b| b.get_attribute("aria-pressed").as_deref() == Some("false")));
    assert!(all(&root, ".rc-cell").is_empty(), "no section content left");
    let every: Vec<String> = sections().into_iter().map(|(id, ..)| id).collect();
    assert_hash(&format!("#hide={}", every.join(","))).await;

    bulk(&root, "show-all").click();
    settle().await;
    assert!(all(&root, "button.rc-toggle[data-category]")
        .iter()
        .all(|b| b.get_attribute("aria-pressed").as_deref() == Some("true")));
    assert_eq!(all(&root, "section.rc-section:not([hidden])").len(), every.len());
    assert_hash("").await;
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn a_fragment_reopens_the_view_and_hashchange_is_followed() {
    web_sys::window().unwrap().location().set_hash("hide=salary,skills").unwrap();
    settle().await;
    let root = mount(true).await;
    settle().await;
    assert!(!section_has_content(&root, "salary") && !section_has_content(&root, "skills"));
    assert!(section_has_content(&root, "overview"));

    // As back/forward or an edited link would.
    web_sys::window().unwrap().location().set_hash("hide=overview").unwrap();
    settle().await;
    gloo_timers_sleep().await;
    settle().await;
    assert!(section_has_content(&root, "salary") && !section_has_content(&root, "overview"));
    assert_eq!(toggle(&root, "overview").get_attribute("aria-pressed").as_deref(), Some("false"));

    bulk(&root, "show-all").click();
    settle().await;
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn without_sync_the_url_is_never_touched() {
    let before = web_sys::window().unwrap().location().href().unwrap();
    let root = mount(false).await;
    settle().await;
    toggle(&root, "salary").click();
    settle().await;
    assert!(!section_has_content(&root, "salary"));
    // Past the moment a synced view would have been written to the URL.
    sleep_ms(600).await;
    assert_eq!(web_sys::window().unwrap().location().href().unwrap(), before);
    root.unmount().await;
}
