//! The widget's own page (`dist/index.html`, iframe and stand-alone use): the
//! widget fills the element marked `data-role-compare-page`, takes its settings
//! from the query string and keeps its view in the URL fragment.

use crate::components::{RoleCompare, RoleCompareProps};
use crate::data::baked;
use crate::state::decode_logged;

/// Marks the element the page widget fills.
pub const PAGE_MARKER: &str = "data-role-compare-page";

/// Mounts the page widget, if this is the widget's page.
pub fn start() {
    let document = gloo::utils::document();
    let Ok(Some(root)) = document.query_selector(&format!("[{PAGE_MARKER}]")) else { return };
    let dataset = baked();
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let settings = decode_logged(&search, dataset);
    // The build prerenders the default view into the page: take it over.
    let hydrate = root.first_element_child().is_some();
    let props = RoleCompareProps { dataset: dataset.into(), settings, hydrate, sync_url: true, on_change: Default::default() };
    let renderer = yew::Renderer::<RoleCompare>::with_root_and_props(root.clone(), props);
    if hydrate {
        renderer.hydrate();
    } else {
        renderer.render();
    }
    super::iframe::post_heights();
}
