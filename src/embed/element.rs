//! `<role-compare>`: the widget in an open shadow root that carries its own
//! styles. Attributes are read through the shared settings decoder; a change of
//! view dispatches `role-compare-change` (bubbles, composed).

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, CustomEvent, CustomEventInit, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, Callback};

use crate::components::{RoleCompare, RoleCompareProps};
use crate::data::{baked, Dataset};
use crate::state::{decode_settings, ViewState, Warning};

pub const TAG: &str = "role-compare";
/// Attributes read as settings; `sync-url` is a flag of its own.
pub const SETTING_ATTRIBUTES: [&str; 4] = ["categories", "theme", "roles", "highlight"];
pub const SYNC_URL: &str = "sync-url";
/// The language shown (BCP 47); without it, the closest `[lang]` around the
/// element, across shadow roots, up to `<html lang>`.
pub const LANG: &str = "lang";
/// `eager` (the default) or `lazy`: read by the loader (`dist/role-compare.js`)
/// before the wasm exists, which then starts only when an element comes near
/// the viewport; here a bad value is reported.
pub const LOADING: &str = "loading";
pub const CHANGE_EVENT: &str = "role-compare-change";
/// `assets/role-compare.css`, comments and indentation dropped by build.rs.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/role-compare.css"));

#[wasm_bindgen(module = "/src/embed/element.js")]
extern "C" {
    /// Returns "defined", "ours" (a copy of role-compare defined it already) or
    /// "taken" (another script defined the name first).
    #[wasm_bindgen(js_name = defineElement)]
    fn define_element(name: &str, observed: js_sys::Array, connected: JsValue, disconnected: JsValue, changed: JsValue) -> String;
}

/// A mounted `<role-compare>`.
struct Instance {
    element: HtmlElement,
    app: AppHandle<RoleCompare>,
    /// Warnings already logged for its attributes: each bad value warns once.
    warned: Vec<Warning>,
}

thread_local! {
    static INSTANCES: RefCell<Vec<Instance>> = const { RefCell::new(Vec::new()) };
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// Registers `<role-compare>` (once; later calls, and other copies of
/// role-compare on the page, do nothing). If another script defined the tag
/// first, says so in one `console.error` and leaves that definition alone.
pub fn register() {
    let observed: js_sys::Array = SETTING_ATTRIBUTES.iter().chain([&SYNC_URL, &LANG]).map(|a| JsValue::from_str(a)).collect();
    let callback = |f: fn(HtmlElement)| Closure::<dyn Fn(HtmlElement)>::new(f).into_js_value();
    if define_element(TAG, observed, callback(connected), callback(disconnected), callback(changed)) == "taken" {
        gloo::console::error!(taken_message(TAG));
    }
}

/// The error when another script defined our tag name first.
pub fn taken_message(tag: &str) -> String {
    format!(
        "role-compare: the tag <{tag}> is already defined: another script defined it first, so this copy of \
         role-compare does not start. Remove the other definition of <{tag}>, or load role-compare before it."
    )
}

/// The props an element's attributes ask for, logging the warnings not in `warned`.
fn props_of(element: &HtmlElement, warned: &mut Vec<Warning>) -> RoleCompareProps {
    let (dataset, lang_warning) = dataset_for(asked_lang(element));
    let pairs = SETTING_ATTRIBUTES.iter().filter_map(|name| element.get_attribute(name).map(|v| (*name, v)));
    let (settings, mut warnings) = decode_settings(pairs, dataset);
    warnings.extend(lang_warning);
    warnings.extend(loading_warning(element));
    warnings.iter().filter(|w| !warned.contains(w)).for_each(Warning::log);
    *warned = warnings;
    let host = element.clone();
    RoleCompareProps {
        dataset: dataset.into(),
        settings,
        sync_url: element.has_attribute(SYNC_URL),
        on_change: Callback::from(move |view: ViewState| dispatch_change(&host, &view)),
        // Under the host page's own <h1>.
        heading_level: 2,
    }
}

/// A `loading` value other than `eager` or `lazy` (the loader then started eagerly).
fn loading_warning(element: &Element) -> Option<Warning> {
    let value = element.get_attribute(LOADING)?;
    (value != "eager" && value != "lazy").then(|| Warning {
        key: LOADING.to_owned(),
        value,
        reason: "expected eager or lazy; using the default, eager".to_owned(),
    })
}

/// The language asked for: the closest `lang` attribute on the element or
/// around it (as `relative-time-element` does), crossing shadow roots up to
/// `<html lang>`. `None` when nothing names one.
fn asked_lang(element: &Element) -> Option<String> {
    let mut node = element.clone();
    loop {
        if let Ok(Some(found)) = node.closest("[lang]") {
            return found.get_attribute(LANG);
        }
        node = node.get_root_node().dyn_into::<ShadowRoot>().ok()?.host();
    }
}

/// The compiled-in dataset for a language (see [`crate::data::for_lang`]),
/// else the first, with a warning naming the languages there are.
pub fn dataset_for(lang: Option<String>) -> (&'static Dataset, Option<Warning>) {
    let Some(lang) = lang.filter(|l| !l.trim().is_empty()) else { return (baked(), None) };
    match crate::data::for_lang(&lang) {
        Some(dataset) => (dataset, None),
        None => {
            let have: Vec<&str> = crate::data::datasets().iter().map(|d| d.lang.as_ref()).collect();
            let reason = format!("no dataset in this language (built in: {}); showing {}", have.join(", "), baked().lang);
            (baked(), Some(Warning { key: LANG.to_owned(), value: lang, reason }))
        }
    }
}

fn dispatch_change(host: &HtmlElement, view: &ViewState) {
    let categories: js_sys::Array = view.shown_ids(baked()).into_iter().map(JsValue::from_str).collect();
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"categories".into(), &categories);
    let _ = js_sys::Reflect::set(&detail, &"highlight".into(), &view.highlight.into());
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(CHANGE_EVENT, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// The shared constructed stylesheet (one parse for every instance).
fn sheet() -> Option<CssStyleSheet> {
    SHEET.with(|s| {
        if s.borrow().is_none() {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(CSS).ok()?;
            *s.borrow_mut() = Some(sheet);
        }
        s.borrow().clone()
    })
}

/// The element's shadow root: the declarative one of a pasted fallback
/// (`dist/fallback.html`), or a new one.
fn shadow_root(element: &HtmlElement) -> Option<ShadowRoot> {
    let root = match element.shadow_root() {
        Some(root) => root,
        None => element.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).ok()?,
    };
    if let Some(sheet) = sheet() {
        root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }
    Some(root)
}

fn connected(element: HtmlElement) {
    if INSTANCES.with(|i| i.borrow().iter().any(|i| i.element == element)) {
        // Moved: the widget lives on; attributes may have changed while it
        // was off the page (their callbacks were not forwarded then).
        changed(element);
        return;
    }
    let Some(root) = shadow_root(&element) else { return };
    let document = gloo::utils::document();
    let Ok(mount) = document.create_element("div") else { return };
    // Replaces the fallback (and its stylesheet link) with the live widget.
    root.set_text_content(None);
    let _ = root.append_child(&mount);
    let mut warned = Vec::new();
    let props = props_of(&element, &mut warned);
    let app = yew::Renderer::<RoleCompare>::with_root_and_props(mount, props).render();
    INSTANCES.with(|i| i.borrow_mut().push(Instance { element, app, warned }));
}

/// Taken off the page. A move (removed, then inserted elsewhere in the same
/// task) keeps the widget and the reader's view: it is destroyed only if the
/// element is still off the page a task later.
fn disconnected(element: HtmlElement) {
    gloo::timers::callback::Timeout::new(0, move || {
        if element.is_connected() {
            return;
        }
        let removed = INSTANCES.with(|i| {
            let mut list = i.borrow_mut();
            list.iter().position(|i| i.element == element).map(|ix| list.remove(ix))
        });
        if let Some(instance) = removed {
            instance.app.destroy();
        }
    })
    .forget();
}

/// An observed attribute changed on a mounted element (before mounting,
/// `connected` reads every attribute anyway).
fn changed(element: HtmlElement) {
    INSTANCES.with(|i| {
        if let Some(instance) = i.borrow_mut().iter_mut().find(|i| i.element == element) {
            let props = props_of(&element, &mut instance.warned);
            instance.app.update(props);
        }
    });
}
