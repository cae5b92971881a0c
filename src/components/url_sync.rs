//! The view in the page's URL fragment (`#hide=salary,skills`): read at start,
//! followed on `hashchange` (links, back/forward), written as a new history
//! entry when the reader changes the view — but in a frame, written in place:
//! the reader's Back button belongs to the page around the frame. What follows
//! a `?` in the fragment is not the view's and is kept: WordPress's embed
//! frame has its `?secret=…` there (`#hide=salary?secret=…`).

use gloo::events::EventListener;
use yew::prelude::*;

use crate::data::Dataset;
use crate::state::{decode_logged, decode_settings, parse_pairs, Action, Settings, ViewState};

fn current_hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Settings in the current fragment (none given: an empty fragment), or
/// `None` for a fragment that is an in-page anchor (no `=`), which is not ours
/// and is left alone. Each bad value is logged as one console warning. Read
/// against the view `base` shows (a comparison page's, not the first
/// comparison's): a fragment's answers are that view's.
pub fn read_fragment(dataset: &'static Dataset, base: &Settings) -> Option<Settings> {
    fragment_pairs().map(|hash| decode_logged(&hash, base.view_or(dataset)))
}

/// Like [`read_fragment`], logging nothing: for the first render, whose
/// effect then reads the fragment again (and warns once).
pub fn peek_fragment(dataset: &'static Dataset, base: &Settings) -> Option<Settings> {
    fragment_pairs().map(|hash| decode_settings(parse_pairs(&hash), base.view_or(dataset)).0)
}

/// The view's part of a fragment (without `#`): in the page build alone,
/// which WordPress's embed frames, what follows a `?` is not the view's
/// (WordPress's `?secret=…`); the element's build does not grow for it.
fn ours(hash: &str) -> &str {
    #[cfg(not(feature = "element"))]
    let hash = hash.split_once('?').map_or(hash, |(ours, _)| ours);
    hash
}

/// The fragment without `#` when it holds settings (empty: none).
fn fragment_pairs() -> Option<String> {
    let hash = current_hash();
    let hash = ours(hash.trim_start_matches('#'));
    (hash.is_empty() || hash.contains('=')).then(|| hash.to_owned())
}

/// Follows `hashchange` until the returned listener is dropped.
pub fn follow_fragment(
    dataset: &'static Dataset,
    base: Settings,
    view: UseReducerDispatcher<ViewState>,
) -> EventListener {
    EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
        if let Some(fragment) = read_fragment(dataset, &base) {
            view.dispatch(Action::Load(base.overridden_by(fragment)));
        }
    })
}

/// Whether this document runs in a frame (`window.parent` is another window).
pub fn in_frame() -> bool {
    let window = gloo::utils::window();
    matches!(window.parent(), Ok(Some(parent)) if parent != window)
}

/// Records the view (no `hashchange` is fired): as a new history entry at
/// the top level, in place of the current entry in a frame, so that clicks in
/// a framed widget never add entries to the session history of the page
/// around it.
pub fn write_fragment(fragment: &str) {
    let window = gloo::utils::window();
    let hash = current_hash();
    let hash = hash.trim_start_matches('#');
    if ours(hash) == fragment {
        return;
    }
    let location = window.location();
    let url = if fragment.is_empty() {
        format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default())
    } else {
        format!("#{fragment}")
    };
    // The page build keeps WordPress's `?secret=…` after the view.
    #[cfg(not(feature = "element"))]
    let url = hash.split_once('?').map_or(url, |(_, theirs)| format!("#{fragment}?{theirs}"));
    if let Ok(history) = window.history() {
        let _ = match in_frame() {
            true => history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
            false => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
        };
    }
}
