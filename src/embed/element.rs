//! `<role-compare>`: the widget in an open shadow root that carries its own
//! styles. Attributes are read through the shared settings decoder; a change of
//! view dispatches `role-compare-change` (bubbles, composed). Its attributes,
//! properties and event are those of the API table in [`super::api`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode,
};
use yew::{html, AppHandle, Callback, Html, Properties};

use super::api::{self, Values, ATTRIBUTES, CHANGE_EVENT, TAG};
use crate::components::{RoleCompare, RoleCompareProps};
use crate::data::view::Unknown;
use crate::data::{baked, Dataset};
use crate::state::{dataset_for, decode_settings, unknown_message, Settings, ViewState, Warning};

/// `assets/role-compare.css`, comments and indentation dropped by build.rs.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/role-compare.css"));
#[wasm_bindgen(module = "/src/embed/element.js")]
extern "C" {
    /// Returns "defined", "ours" (a copy of role-compare defined it already) or
    /// "taken" (another script defined the name first).
    #[wasm_bindgen(js_name = defineElement)]
    #[allow(clippy::too_many_arguments)]
    fn define_element(
        name: &str,
        observed: js_sys::Array,
        properties: js_sys::Array,
        readonly: js_sys::Array,
        connected: JsValue,
        disconnected: JsValue,
        changed: JsValue,
        get: JsValue,
        set: JsValue,
        build: JsValue,
    ) -> String;

    /// What the build that defined the tag has: `{comparisons, roles, langs}`
    /// (arrays of ids), or undefined.
    #[wasm_bindgen(js_name = definingBuild)]
    fn defining_build(name: &str) -> JsValue;
}

/// This build's ids, as [`defining_build`] reads them back: comparisons,
/// roles and languages.
fn build_ids() -> [(&'static str, Vec<&'static str>); 3] {
    let catalogue = &crate::data::catalogues()[0];
    [
        ("comparisons", catalogue.comparisons.iter().map(|c| c.id.as_ref()).collect()),
        ("roles", catalogue.roles.iter().map(|r| r.id.as_ref()).collect()),
        ("langs", crate::data::catalogues().iter().map(|c| c.lang.as_ref()).collect()),
    ]
}

fn build_object() -> JsValue {
    let object = js_sys::Object::new();
    for (key, ids) in build_ids() {
        let list: js_sys::Array = ids.into_iter().map(JsValue::from_str).collect();
        let _ = js_sys::Reflect::set(&object, &key.into(), &list);
    }
    object.into()
}

/// What this build has that the build owning the tag lacks, by kind; empty
/// when it has it all (the same build twice is harmless).
fn missing_from(owner: &JsValue) -> Vec<(&'static str, Vec<&'static str>)> {
    build_ids()
        .into_iter()
        .filter_map(|(key, ours)| {
            let theirs: Vec<String> = js_sys::Reflect::get(owner, &key.into())
                .ok()
                .filter(js_sys::Array::is_array)
                .map(|v| js_sys::Array::from(&v).iter().filter_map(|x| x.as_string()).collect())
                .unwrap_or_default();
            let missing: Vec<&str> = ours.into_iter().filter(|id| !theirs.iter().any(|t| t == id)).collect();
            (!missing.is_empty()).then_some((key, missing))
        })
        .collect()
}

/// The error when another, different build of role-compare owns the tag.
pub fn other_build_message(tag: &str, missing: &[(&str, Vec<&str>)]) -> String {
    let lacks: Vec<String> = missing.iter().map(|(kind, ids)| format!("{kind} {}", ids.join(", "))).collect();
    format!(
        "role-compare: another build of role-compare already defined <{tag}> on this page, so this build does not \
         start, and its elements are rendered by the other one, which lacks this build's {}: elements asking \
         for those show a notice or their pasted fallback. Make one build of all of the site's comparisons \
         (README: \"One build for a whole site\"), or build each under its own tag name \
         (ROLE_COMPARE_TAG=another-name cargo xtask dist).",
        lacks.join("; ")
    )
}

/// A mounted `<role-compare>`.
struct Instance {
    element: HtmlElement,
    app: App,
    /// Its mount's number (the widget's key in the app).
    number: u32,
    /// Warnings already logged for its attributes: each bad value warns once.
    warned: Vec<Warning>,
    /// The view it shows (the `view` property).
    view: Rc<RefCell<Option<ViewState>>>,
    /// The unknown comparison or roles already reported for it.
    reported: Option<Unknown>,
}

/// A Yew app and the element it renders into (in the shadow root of the
/// `<role-compare>` it serves, or detached while spare).
struct App {
    mount: Element,
    handle: AppHandle<Slot>,
}

thread_local! {
    static INSTANCES: RefCell<Vec<Instance>> = const { RefCell::new(Vec::new()) };
    /// Apps of removed elements, emptied, for the next elements to mount. Yew
    /// never frees an app's event delegation (the listener on its root is a
    /// forgotten closure holding the root's data), so an app per mount would
    /// keep 1–2 KB of wasm memory per mount for the page's life; reused, the
    /// apps are as many as the most widgets ever on the page at once.
    static SPARE: RefCell<Vec<App>> = const { RefCell::new(Vec::new()) };
    /// Numbers each mount, so a reused app starts its widget afresh.
    static MOUNTS: Cell<u32> = const { Cell::new(0) };
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    /// Elements left unmounted (their fallback kept) because they ask for
    /// what the build lacks, with what was reported: one error each.
    static UNMOUNTED: RefCell<Vec<(HtmlElement, Unknown)>> = const { RefCell::new(Vec::new()) };
    /// Whether [`register`] found the tag taken by another script.
    static REFUSED: Cell<bool> = const { Cell::new(false) };
}

#[derive(Properties, PartialEq)]
struct SlotProps {
    /// The widget (keyed by its mount's number), or nothing while spare.
    widget: Option<(u32, RoleCompareProps)>,
}

/// An app's root: the widget of the current mount, or nothing. A new key is a
/// new `RoleCompare` (fresh state), never the last reader's view.
#[yew::component]
fn Slot(props: &SlotProps) -> Html {
    match &props.widget {
        Some((mount, widget)) => html! { <RoleCompare key={*mount} ..widget.clone() /> },
        None => Html::default(),
    }
}

/// Registers `<role-compare>` (once; later calls, and other copies of
/// role-compare on the page, do nothing). If another script defined the tag
/// first, says so in one `console.error` and leaves that definition alone.
pub fn register() {
    let strings = |names: &mut dyn Iterator<Item = &str>| names.map(JsValue::from_str).collect::<js_sys::Array>();
    let callback = |f: fn(HtmlElement)| Closure::<dyn Fn(HtmlElement)>::new(f).into_js_value();
    let outcome = define_element(
        TAG,
        strings(&mut api::observed_attributes()),
        strings(&mut ATTRIBUTES.iter().filter(|a| a.defines_property()).map(|a| a.property)),
        strings(&mut [api::VIEW_PROPERTY].into_iter()),
        callback(connected),
        callback(disconnected),
        callback(changed),
        Closure::<dyn Fn(HtmlElement, String) -> JsValue>::new(get_property).into_js_value(),
        Closure::<dyn Fn(HtmlElement, String, JsValue)>::new(set_property).into_js_value(),
        build_object(),
    );
    match outcome.as_str() {
        "taken" => {
            REFUSED.set(true);
            gloo::console::error!(taken_message(TAG));
        }
        "ours" => {
            let owner = defining_build(TAG);
            // A copy of 0.2 says nothing of what it has: everything may be missing.
            let missing = if owner.is_undefined() { build_ids().to_vec() } else { missing_from(&owner) };
            if !missing.is_empty() {
                gloo::console::error!(other_build_message(TAG, &missing));
            }
        }
        _ => {}
    }
}

/// The error [`register`] logged when it could not define `<role-compare>`,
/// or nothing: the element loader's `ready` rejects with it (an export of
/// the glue, read once the wasm has started).
#[wasm_bindgen(js_name = startFailure)]
pub fn start_failure() -> Option<String> {
    REFUSED.get().then(|| taken_message(TAG))
}

/// The error when another script defined our tag name first.
pub fn taken_message(tag: &str) -> String {
    format!(
        "role-compare: the tag <{tag}> is already defined: another script defined it first, so this copy of \
         role-compare does not start. Remove the other definition of <{tag}>, or load role-compare before it."
    )
}

/// The dataset (by language) and the settings an element's attributes ask
/// for, and what is wrong with them.
fn settings_of(element: &HtmlElement) -> (&'static Dataset, Settings, Vec<Warning>) {
    let asked = asked_lang(element);
    let own = element.has_attribute(api::LANG);
    let (dataset, mut lang_warning) = dataset_for(api::LANG, asked, baked());
    if let Some(warning) = lang_warning.as_mut().filter(|_| !own) {
        // Not the embedder's attribute but the host page's language: say so.
        warning.reason = format!(
            "the page's language (lang on an ancestor of <{TAG}>, not on it) has {}. Set lang on <{TAG}> to choose one",
            warning.reason
        );
    }
    let pairs =
        ATTRIBUTES.iter().filter(|a| a.is_setting()).filter_map(|a| element.get_attribute(a.name).map(|v| (a.name, v)));
    let (settings, mut warnings) = decode_settings(pairs, dataset);
    warnings.extend(lang_warning);
    warnings.extend(loading_warning(element));
    (dataset, settings, warnings)
}

/// The props an element's attributes ask for, logging the warnings not in
/// `warned`; the view it shows goes to `view`.
fn props_of(
    element: &HtmlElement,
    warned: &mut Vec<Warning>,
    reported: &mut Option<Unknown>,
    view: &Rc<RefCell<Option<ViewState>>>,
) -> RoleCompareProps {
    let (dataset, settings, mut warnings) = settings_of(element);
    if settings.unknown != *reported {
        if let Some(unknown) = &settings.unknown {
            gloo::console::error!(unknown_message(unknown, dataset));
        }
        reported.clone_from(&settings.unknown);
    }
    let (picker_roles, picker_warning) = picker_roles(element, dataset);
    warnings.extend(picker_warning);
    warnings.iter().filter(|w| !warned.contains(w)).for_each(Warning::log);
    *warned = warnings;
    let (host, view) = (element.clone(), view.clone());
    RoleCompareProps {
        dataset: dataset.into(),
        settings,
        sync_url: ATTRIBUTES.iter().any(|a| a.values == Values::Presence && element.has_attribute(a.name)),
        picker: element.has_attribute(api::PICKER),
        picker_roles,
        on_change: Callback::from(move |shown: ViewState| {
            // The event is for the reader's changes only.
            if shown.last.is_some() {
                dispatch_change(&host, &shown);
            }
            *view.borrow_mut() = Some(shown);
        }),
        // Under the host page's own <h1>.
        heading_level: 2,
    }
}

/// The roles `picker-roles` offers (catalogue indices), and a warning for
/// the ids the catalogue lacks.
fn picker_roles(element: &Element, dataset: &'static Dataset) -> (Option<Vec<usize>>, Option<Warning>) {
    let Some(value) = element.get_attribute(api::PICKER_ROLES) else { return (None, None) };
    let catalogue = dataset.catalogue;
    let ids: Vec<&str> = value.split(',').map(str::trim).filter(|id| !id.is_empty()).collect();
    let known: Vec<usize> = ids.iter().filter_map(|id| catalogue.role_ix(id)).collect();
    let unknown: Vec<&str> = ids.iter().copied().filter(|id| catalogue.role_ix(id).is_none()).collect();
    let warning = (!unknown.is_empty()).then(|| {
        let have: Vec<&str> = catalogue.roles.iter().map(|r| r.id.as_ref()).collect();
        Warning {
            key: api::PICKER_ROLES.to_owned(),
            value: value.clone(),
            reason: format!("unknown role id {}, left out (roles: {})", unknown.join(", "), have.join(", ")),
        }
    });
    ((!known.is_empty()).then_some(known), warning)
}

/// A `loading` value other than [`api::LOADING_VALUES`] (the loader, which
/// reads it before the wasm exists, then started eagerly).
fn loading_warning(element: &Element) -> Option<Warning> {
    let value = element.get_attribute(api::LOADING)?;
    (!api::LOADING_VALUES.contains(&value.as_str())).then(|| Warning {
        key: api::LOADING.to_owned(),
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
            return found.get_attribute(api::LANG);
        }
        node = node.get_root_node().dyn_into::<ShadowRoot>().ok()?.host();
    }
}

/// `{categories, highlight, roles, comparison, answers}`: the event's `detail` and the `view` property.
fn view_object(view: &ViewState) -> JsValue {
    let categories: js_sys::Array = view.shown_ids().into_iter().map(JsValue::from_str).collect();
    let roles: js_sys::Array = view.role_ids().into_iter().map(JsValue::from_str).collect();
    let comparison = view.dataset.comparison.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&object, &"categories".into(), &categories);
    let _ = js_sys::Reflect::set(&object, &"highlight".into(), &view.highlight.into());
    let _ = js_sys::Reflect::set(&object, &"roles".into(), &roles);
    let _ = js_sys::Reflect::set(&object, &"comparison".into(), &comparison);
    let dataset: &'static crate::data::Dataset = view.dataset.0;
    let answers: js_sys::Array = dataset
        .fit
        .iter()
        .zip(&view.answers)
        .filter_map(|(q, a)| Some((q, (*a)?)))
        .map(|(q, o)| {
            let answer = js_sys::Object::new();
            let roles: js_sys::Array =
                q.options[usize::from(o)].roles.iter().map(|&r| JsValue::from_str(&dataset.roles[r].id)).collect();
            let _ = js_sys::Reflect::set(&answer, &"question".into(), &JsValue::from_str(&q.id));
            let _ = js_sys::Reflect::set(&answer, &"option".into(), &JsValue::from(o));
            let _ = js_sys::Reflect::set(&answer, &"roles".into(), &roles);
            JsValue::from(answer)
        })
        .collect();
    let _ = js_sys::Reflect::set(&object, &"answers".into(), &answers);
    object.into()
}

fn dispatch_change(host: &HtmlElement, view: &ViewState) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&view_object(view));
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
    match element.shadow_root() {
        Some(root) => Some(root),
        None => element.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).ok(),
    }
}

/// Styles an emptied shadow root: the shared constructed stylesheet where
/// `adoptedStyleSheets` exists (Chrome 73, Firefox 101, Safari 16.4), else a
/// `<style>` element of its own.
fn style(root: &ShadowRoot) {
    let adoptable = js_sys::Reflect::has(root, &"adoptedStyleSheets".into()).unwrap_or(false);
    match sheet().filter(|_| adoptable) {
        Some(sheet) => root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet)),
        None => {
            if let Ok(style) = gloo::utils::document().create_element("style") {
                style.set_text_content(Some(CSS));
                let _ = root.append_child(&style);
            }
        }
    }
}

fn connected(element: HtmlElement) {
    if INSTANCES.with(|i| i.borrow().iter().any(|i| i.element == element)) {
        // Moved: the widget lives on; attributes may have changed while it
        // was off the page (their callbacks were not forwarded then).
        changed(element);
        return;
    }
    let Some(root) = shadow_root(&element) else { return };
    let (mut warned, view) = (Vec::new(), Rc::default());
    // What was reported for it while it stayed unmounted: one error each.
    let mut reported = UNMOUNTED.with(|u| {
        let mut list = u.borrow_mut();
        list.iter().position(|(e, _)| *e == element).map(|ix| list.remove(ix).1)
    });
    let props = props_of(&element, &mut warned, &mut reported, &view);
    if let Some(unknown) = props.settings.unknown.clone().filter(|_| root.child_element_count() > 0) {
        // Asked for what this build lacks: the pasted fallback stays (it is
        // what the page's author meant); an attribute change retries.
        UNMOUNTED.with(|u| u.borrow_mut().push((element, unknown)));
        return;
    }
    let spare = SPARE.with(|s| s.borrow_mut().pop());
    let mount = match &spare {
        Some(app) => app.mount.clone(),
        None => match gloo::utils::document().create_element("div") {
            Ok(mount) => mount,
            Err(_) => return,
        },
    };
    // Replaces the fallback (and its stylesheet link) with the live widget.
    root.set_text_content(None);
    style(&root);
    let _ = root.append_child(&mount);
    let number = MOUNTS.with(|m| m.replace(m.get().wrapping_add(1)));
    let widget = Some((number, props));
    let app = match spare {
        Some(mut app) => {
            app.handle.update(SlotProps { widget });
            app
        }
        None => {
            let handle = yew::Renderer::<Slot>::with_root_and_props(mount.clone(), SlotProps { widget }).render();
            App { mount, handle }
        }
    };
    INSTANCES.with(|i| i.borrow_mut().push(Instance { element, app, number, warned, view, reported }));
}

/// Taken off the page. A move (removed, then inserted elsewhere in the same
/// task) keeps the widget and the reader's view: it is destroyed only if the
/// element is still off the page a task later, and its app, emptied and taken
/// out of the element's shadow root (so nothing of ours keeps the element),
/// waits in [`SPARE`] for the next mount.
fn disconnected(element: HtmlElement) {
    // A one-shot callback that frees itself once called (a forgotten gloo
    // Timeout would keep its closure for the page's life, one per removal).
    let later = Closure::once_into_js(move || {
        if element.is_connected() {
            return;
        }
        UNMOUNTED.with(|u| u.borrow_mut().retain(|(e, _)| *e != element));
        let removed = INSTANCES.with(|i| {
            let mut list = i.borrow_mut();
            list.iter().position(|i| i.element == element).map(|ix| list.remove(ix))
        });
        if let Some(Instance { mut app, .. }) = removed {
            // Destroys the widget: its effects' listeners and timers go with it.
            app.handle.update(SlotProps { widget: None });
            app.mount.remove();
            SPARE.with(|s| s.borrow_mut().push(app));
        }
    });
    let _ = gloo::utils::window().set_timeout_with_callback(later.unchecked_ref());
}

/// An observed attribute changed on a mounted element (before mounting,
/// `connected` reads every attribute anyway).
fn changed(element: HtmlElement) {
    let mounted = INSTANCES.with(|i| {
        let mut list = i.borrow_mut();
        let Some(instance) = list.iter_mut().find(|i| i.element == element) else { return false };
        let props = props_of(&element, &mut instance.warned, &mut instance.reported, &instance.view);
        instance.app.handle.update(SlotProps { widget: Some((instance.number, props)) });
        true
    });
    // Not mounted because it asked for what the build lacks (its fallback
    // kept): another value may be one the build has.
    if !mounted && element.is_connected() {
        connected(element);
    }
}

/// A property read: what the attribute it reflects to sets (its default when
/// absent or unusable), or the view shown.
fn get_property(element: HtmlElement, property: String) -> JsValue {
    let (dataset, settings, _) = settings_of(&element);
    let start = || ViewState::from_settings(&settings, dataset);
    if property == api::VIEW_PROPERTY {
        let shown =
            INSTANCES.with(|i| i.borrow().iter().find(|i| i.element == element).and_then(|i| i.view.borrow().clone()));
        return view_object(&shown.unwrap_or_else(start));
    }
    let Some(attribute) = api::attribute_of_property(&property) else { return JsValue::UNDEFINED };
    let strings = |ids: Vec<&str>| ids.into_iter().map(JsValue::from_str).collect::<js_sys::Array>().into();
    match attribute.values {
        Values::Categories => strings(start().shown_ids()),
        Values::Roles => strings(start().role_ids()),
        Values::Comparison => match &settings.unknown {
            // An unknown id reads back as given: nothing else is shown.
            Some(_) => element.get_attribute(attribute.name).map_or(JsValue::NULL, |v| JsValue::from_str(&v)),
            None => start().dataset.comparison.as_deref().map_or(JsValue::NULL, JsValue::from_str),
        },
        Values::RoleList => {
            let catalogue = dataset.catalogue;
            let offered = picker_roles(&element, dataset).0.unwrap_or_else(|| (0..catalogue.roles.len()).collect());
            strings(offered.iter().map(|&r| catalogue.roles[r].id.as_ref()).collect())
        }
        Values::Theme => JsValue::from_str(start().theme.as_str()),
        Values::OnOff => JsValue::from_bool(start().highlight),
        Values::Presence | Values::Flag => JsValue::from_bool(element.has_attribute(attribute.name)),
        // The platform's own `HTMLElement.lang` reads and writes it.
        Values::Lang => JsValue::UNDEFINED,
        Values::Loading => match (element.get_attribute(attribute.name), loading_warning(&element)) {
            (Some(value), None) => JsValue::from_str(&value),
            _ => JsValue::from_str(api::LOADING_VALUES[0]),
        },
    }
}

/// A property write: reflected to its attribute (whose change then updates the
/// widget). `null`/`undefined` remove the attribute; a value of the wrong
/// type warns once and removes it, so the default applies.
fn set_property(element: HtmlElement, property: String, value: JsValue) {
    let Some(attribute) = api::attribute_of_property(&property) else { return };
    let text: Result<Option<String>, &str> = if value.is_null() || value.is_undefined() {
        Ok(None)
    } else {
        match attribute.values {
            Values::Categories | Values::Roles | Values::RoleList => match value.as_string() {
                Some(text) => Ok(Some(text)),
                None if js_sys::Array::is_array(&value) => {
                    let items: Option<Vec<String>> =
                        js_sys::Array::from(&value).iter().map(|v| v.as_string()).collect();
                    items.map(|ids| Some(ids.join(","))).ok_or("expected ids as strings")
                }
                None => Err("expected a comma-separated string or an array of ids"),
            },
            Values::Theme => value.as_string().map(Some).ok_or("expected a theme name"),
            Values::Comparison => value.as_string().map(Some).ok_or("expected a comparison id"),
            Values::Loading => value.as_string().map(Some).ok_or("expected eager or lazy"),
            Values::OnOff | Values::Presence | Values::Flag => {
                value.as_bool().map(|on| on.then(String::new)).ok_or("expected true or false")
            }
            Values::Lang => return,
        }
    };
    let text = text.unwrap_or_else(|reason| {
        let shown = value
            .as_string()
            .or_else(|| js_sys::JSON::stringify(&value).ok().and_then(|s| s.as_string()))
            .unwrap_or_default();
        Warning { key: property, value: shown, reason: format!("{reason}; using the default") }.log();
        None
    });
    let _ = match text {
        Some(text) => element.set_attribute(attribute.name, &text),
        None => element.remove_attribute(attribute.name),
    };
}
