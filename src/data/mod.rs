//! The dataset: its types, its validation (shared with build.rs) and the
//! dataset baked into the binary at compile time.

pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod validate;
#[cfg(not(target_arch = "wasm32"))]
pub mod seo;

pub use model::*;

mod baked {
    use super::model::*;
    use std::borrow::Cow;
    include!(concat!(env!("OUT_DIR"), "/dataset.rs"));
}

/// The dataset compiled in from `assets/roles.json` (or `ROLE_COMPARE_DATASET`).
pub fn baked() -> &'static Dataset {
    &baked::DATASET
}
