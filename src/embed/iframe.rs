//! In an iframe, the page posts its content height to the parent —
//! `{type: "role-compare:resize", height}` — at load and on every change, so
//! the parent can size the frame (README, "Embed"). A parent whose listener
//! starts after the frame's first message asks again with
//! `{type: "role-compare:measure"}` and gets the height at once.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use web_sys::{ResizeObserver, ResizeObserverEntry};

pub const RESIZE_MESSAGE: &str = "role-compare:resize";
/// What the parent posts to the frame to be sent the height again.
pub const MEASURE_MESSAGE: &str = "role-compare:measure";

/// Starts posting heights when the page is framed; does nothing otherwise.
pub fn post_heights() {
    if !crate::components::in_frame() {
        return;
    }
    let Ok(Some(parent)) = gloo::utils::window().parent() else { return };
    let root = gloo::utils::document_element();
    let last = std::rc::Rc::new(Cell::new(-1.0));
    // Posts the height; unless `again`, only when it changed.
    let post = {
        let (root, last) = (root.clone(), last.clone());
        move |again: bool| {
            let height = root.get_bounding_client_rect().height().ceil();
            if height == last.get() && !again {
                return;
            }
            last.set(height);
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &RESIZE_MESSAGE.into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            let _ = parent.post_message(&message, "*");
        }
    };
    let asked = post.clone();
    gloo::events::EventListener::new(&gloo::utils::window(), "message", move |event| {
        let data = js_sys::Reflect::get(event, &"data".into()).unwrap_or_default();
        let kind = js_sys::Reflect::get(&data, &"type".into()).ok().and_then(|t| t.as_string());
        if kind.as_deref() == Some(MEASURE_MESSAGE) {
            asked(true);
        }
    })
    .forget();
    // Now, not only from the observer: Chromium runs no ResizeObserver in a
    // cross-origin frame below the fold until it is scrolled into view.
    post(false);
    let on_resize = Closure::<dyn Fn(Vec<ResizeObserverEntry>)>::new(move |_| post(false));
    if let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&root);
        // Both live as long as the page.
        on_resize.forget();
        std::mem::forget(observer);
    }
}
