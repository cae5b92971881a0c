//! The page entry (`dist/index.html`): the widget fills `#role-compare`,
//! takes its settings from the query string and keeps its view in the URL
//! fragment.

use crate::components::{RoleCompare, RoleCompareProps};
use crate::data::baked;
use crate::state::{decode_settings, parse_pairs};

/// Mounts the widget on `#role-compare` (or the body).
pub fn start() {
    let document = gloo::utils::document();
    let dataset = baked();
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let (settings, warnings) = decode_settings(parse_pairs(&search), dataset);
    warnings.iter().for_each(|w| w.log());
    let props = RoleCompareProps { dataset, settings, sync_url: true, on_change: Default::default() };
    let root = document.get_element_by_id("role-compare").unwrap_or_else(|| gloo::utils::body().into());
    yew::Renderer::<RoleCompare>::with_root_and_props(root, props).render();
}
