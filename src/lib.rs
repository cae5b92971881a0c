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
