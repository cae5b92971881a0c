//! Entry points: how the widget gets onto a page.
//!
//! The default build serves every way in (`cargo xtask serve`): it registers
//! `<role-compare>` and, on the widget's own page, mounts the page widget.
//! The features `element` and `page` choose what is compiled in: `cargo xtask
//! dist` builds the element alone, and the page alone once per language,
//! which `dist/index*.html`, the iframe and the stand-alone file load (see
//! xtask/src/dist/).
//!
//! `api` (the element's public API as tables) and `manifest` (the
//! custom-elements manifest and the TypeScript types generated from them) are
//! also compiled natively, for `cargo xtask package` and the tests.

pub mod api;
#[cfg(all(target_arch = "wasm32", feature = "element"))]
pub mod element;
#[cfg(all(target_arch = "wasm32", feature = "page"))]
pub mod iframe;
#[cfg(not(target_arch = "wasm32"))]
pub mod manifest;
#[cfg(all(target_arch = "wasm32", feature = "page"))]
pub mod page;
pub mod tag;

/// Runs when the wasm module starts.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    #[cfg(feature = "element")]
    element::register();
    #[cfg(feature = "page")]
    page::start();
}
