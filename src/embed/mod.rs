//! Entry points: how the widget gets onto a page.
//!
//! One wasm binary serves every way in: it registers `<role-compare>` and,
//! on the widget's own page (`dist/index.html`, the stand-alone file), mounts
//! the page widget.
//!
//! `api` (the element's public API as tables) and `manifest` (the
//! custom-elements manifest and the TypeScript types generated from them) are
//! also compiled natively, for `cargo xtask package` and the tests.

pub mod api;
#[cfg(target_arch = "wasm32")]
pub mod element;
#[cfg(target_arch = "wasm32")]
pub mod iframe;
#[cfg(not(target_arch = "wasm32"))]
pub mod manifest;
#[cfg(target_arch = "wasm32")]
pub mod page;

/// Runs when the wasm module starts.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    element::register();
    page::start();
}
