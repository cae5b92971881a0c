//! In an iframe, the page posts its content height to the parent —
//! `{type: "role-compare:resize", height}` — at load and on every change, so
//! the parent can size the frame (README, "Embed").

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use web_sys::{ResizeObserver, ResizeObserverEntry};

pub const RESIZE_MESSAGE: &str = "role-compare:resize";

/// Starts posting heights when the page is framed; does nothing otherwise.
pub fn post_heights() {
    if !crate::components::in_frame() {
        return;
    }
    let Ok(Some(parent)) = gloo::utils::window().parent() else { return };
    let root = gloo::utils::document_element();
    let last = Cell::new(-1.0);
    let measured = root.clone();
    let on_resize = Closure::<dyn Fn(Vec<ResizeObserverEntry>)>::new(move |_| {
        let height = measured.get_bounding_client_rect().height().ceil();
        if height == last.get() {
            return;
        }
        last.set(height);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &RESIZE_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&root);
        // Both live as long as the page.
        on_resize.forget();
        std::mem::forget(observer);
    }
}
