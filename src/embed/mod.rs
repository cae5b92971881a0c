//! Entry points: how the widget gets onto a page.
//!
//! One wasm binary serves every way in: it registers `<role-compare>` and,
//! on the widget's own page (`dist/index.html`, the stand-alone file), mounts
//! the page widget.

pub mod element;
pub mod iframe;
pub mod page;

/// Runs when the wasm module starts.
pub fn start() {
    element::register();
    page::start();
}
