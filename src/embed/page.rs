//! The widget's own page (`dist/index.html`, iframe and stand-alone use): the
//! widget fills the element marked `data-role-compare-page`, takes its settings
//! from the query string and keeps its view in the URL fragment.

use crate::components::{RoleCompare, RoleCompareProps};
use crate::state::{decode_settings, parse_pairs, Warning};

/// Marks the element the page widget fills.
pub const PAGE_MARKER: &str = "data-role-compare-page";

/// Mounts the page widget, if this is the widget's page.
pub fn start() {
    let document = gloo::utils::document();
    let Ok(Some(root)) = document.query_selector(&format!("[{PAGE_MARKER}]")) else { return };
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let mut pairs = parse_pairs(&search);
    // `?lang=es` picks the language; else the page's own (`<html lang>`).
    let html = gloo::utils::document_element();
    let page_lang = html.get_attribute("lang").unwrap_or_default();
    let asked = pairs.iter().rposition(|(k, _)| k == "lang").map(|ix| pairs.remove(ix).1);
    pairs.retain(|(k, _)| k != "lang");
    let (dataset, lang_warning) = super::element::dataset_for(asked.or(Some(page_lang.clone())));
    let (settings, warnings) = decode_settings(pairs, dataset);
    warnings.iter().chain(&lang_warning).for_each(Warning::log);
    // The title is the page's one <h1>.
    let props = RoleCompareProps { dataset: dataset.into(), settings, sync_url: true, on_change: Default::default(), heading_level: 1 };
    let renderer = yew::Renderer::<RoleCompare>::with_root_and_props(root.clone(), props);
    // The build prerenders the default view of the page's language: take it
    // over. Another language asked for: render it afresh, and say so in <html>.
    if root.first_element_child().is_some() && dataset.lang.eq_ignore_ascii_case(&page_lang) {
        renderer.hydrate();
    } else {
        root.set_text_content(None);
        let _ = html.set_attribute("lang", &dataset.lang);
        let _ = html.set_attribute("dir", dataset.dir.as_str());
        document.set_title(&dataset.title);
        if let Ok(Some(description)) = document.query_selector("meta[name=description]") {
            let _ = description.set_attribute("content", &dataset.description);
        }
        renderer.render();
    }
    super::iframe::post_heights();
}
