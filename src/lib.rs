//! role-compare: an embeddable career-comparison widget.
//!
//! Arrows point one way: `embed` → `components` → `state` → `data`.

pub mod components;
pub mod data;
pub mod embed;
pub mod state;

/// The release's version (the workspace `Cargo.toml`): the npm package and the zip carry it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
/// The licence (SPDX), for the package's metadata.
pub const LICENSE: &str = env!("CARGO_PKG_LICENSE");
/// Talc in place of the default dlmalloc: a maintained allocator made for
/// WebAssembly, faster and smaller (its code weighs ~2 KB brotli less here).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
