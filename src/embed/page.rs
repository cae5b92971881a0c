//! The widget's own pages (`dist/index.html`, a page per comparison, iframe
//! and stand-alone use): the widget fills the element marked
//! `data-role-compare-page` (its value: the page's comparison), takes its
//! settings from the query string and keeps its view in the URL fragment.

use wasm_bindgen::prelude::*;

use crate::components::{RoleCompare, RoleCompareProps};
use crate::state::{dataset_for, decode_settings, keys, parse_pairs, Warning};

use super::api::PAGE_MARKER;

/// Mounts the page widget, if this is the widget's page.
///
/// The build prerenders the default view into the page, and the first-paint
/// CSS shows the view the URL asks for over it. The widget renders that view
/// afresh into a detached element, which replaces the prerendered markup as
/// soon as its first render lands: in the same task, before any frame, so the
/// reader sees no change (no hydration, whose code would weigh ~14 KB brotli).
pub fn start() {
    let document = gloo::utils::document();
    let Ok(Some(root)) = document.query_selector(&format!("[{PAGE_MARKER}]")) else { return };
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let mut pairs = parse_pairs(&search);
    // `?lang=es` picks the language; else the page's own (`<html lang>`),
    // whose dataset a page build (one language) has.
    let html = gloo::utils::document_element();
    let page_lang = html.get_attribute("lang").unwrap_or_default();
    let asked = pairs.iter().rposition(|(k, _)| k == "lang").map(|ix| pairs.remove(ix).1);
    // `?embed` is the embed's view, shown by the page's CSS (first-paint.js marks it).
    pairs.retain(|(k, _)| k != "lang" && k != super::api::EMBED);
    // An unknown `?lang=` keeps the page's language (the prerendered text's).
    let page_dataset = crate::data::for_lang(&page_lang).unwrap_or_else(crate::data::baked);
    let (dataset, lang_warning) = dataset_for(super::api::LANG, asked, page_dataset);
    // The page's comparison, which the build prerendered (the marker's
    // value): a default, before the URL's own `comparison` or `roles`, which win.
    if let Some(id) = root.get_attribute(PAGE_MARKER).filter(|id| !id.is_empty()) {
        pairs.insert(0, (keys::COMPARISON.to_owned(), id));
    }
    let (settings, warnings) = decode_settings(pairs, dataset);
    // The view shown: its title and description are the page's when it changes language.
    let shown = settings.view_or(dataset);
    warnings.iter().chain(&lang_warning).for_each(Warning::log);
    if let Some(unknown) = &settings.unknown {
        gloo::console::error!(crate::state::unknown_message(unknown, dataset));
    }
    // The document's title and description follow the roles shown (a
    // picked role, a link's `roles=`), so a shared link and the tab say it.
    let follow = yew::Callback::from(|view: crate::state::ViewState| {
        if gloo::utils::document().title() != view.dataset.title.as_ref() {
            set_head(&view.dataset);
        }
    });
    // The title is the page's one <h1>.
    let props = RoleCompareProps {
        dataset: dataset.into(),
        settings,
        sync_url: true,
        on_change: follow,
        heading_level: 1,
        // The widget's own page lets the reader pick the roles.
        picker: true,
        picker_roles: None,
    };
    // Another language than the page's asked for (`?lang=`): say so in <html>.
    if !dataset.lang.eq_ignore_ascii_case(&page_lang) {
        let _ = html.set_attribute("lang", &dataset.lang);
        let _ = html.set_attribute("dir", dataset.dir.as_str());
        set_head(shown);
        // The embed view's link: in that language, to the full comparison in it.
        if let Ok(Some(link)) = document.query_selector(super::api::EMBED_LINK) {
            link.set_text_content(Some(dataset.ui().text(crate::data::Msg::FullComparison)));
            if let Some(href) = link.get_attribute("href") {
                let _ = link.set_attribute("href", &format!("{href}?{}={}", super::api::LANG, dataset.lang));
            }
        }
    }
    match document.create_element("div") {
        Ok(mount) if root.first_element_child().is_some() => {
            mount.set_class_name("rc-mount");
            swap_in_when_rendered(&root, &mount);
            yew::Renderer::<RoleCompare>::with_root_and_props(mount, props).render();
        }
        _ => {
            yew::Renderer::<RoleCompare>::with_root_and_props(root, props).render();
        }
    }
    super::iframe::post_heights();
}

/// The document's title and description: those of the comparison shown.
fn set_head(dataset: &crate::data::Dataset) {
    let document = gloo::utils::document();
    document.set_title(&dataset.title);
    if let Ok(Some(description)) = document.query_selector("meta[name=description]") {
        let _ = description.set_attribute("content", &dataset.description);
    }
}

/// Replaces `root`'s content by `mount` once something is rendered into it
/// (a MutationObserver's callback: a microtask after the render).
fn swap_in_when_rendered(root: &web_sys::Element, mount: &web_sys::Element) {
    let (root, swapped) = (root.clone(), mount.clone());
    let on_render = Closure::<dyn FnMut(js_sys::Array, web_sys::MutationObserver)>::new(
        move |_: js_sys::Array, observer: web_sys::MutationObserver| {
            observer.disconnect();
            root.replace_children_with_node_1(&swapped);
        },
    );
    if let Ok(observer) = web_sys::MutationObserver::new(on_render.as_ref().unchecked_ref()) {
        let init = web_sys::MutationObserverInit::new();
        init.set_child_list(true);
        let _ = observer.observe_with_options(mount, &init);
    }
    // Called once; kept for the page's life (a few bytes).
    on_render.forget();
}
