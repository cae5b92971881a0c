//! role-compare: an embeddable career-comparison widget.
//!
//! Arrows point one way: `embed` → `components` → `state` → `data`.

pub mod components;
pub mod data;
#[cfg(target_arch = "wasm32")]
pub mod embed;
pub mod state;
