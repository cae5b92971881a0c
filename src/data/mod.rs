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

/// The language a dataset is written in, as the widget's root declares it:
/// `lang`, a BCP 47 tag, and `dir`, `ltr` or `rtl`. Declared on the root, they
/// keep a host page's own language and direction (`<html lang="ar"
/// dir="rtl">`) off the widget's text. The one place both come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextLanguage {
    pub lang: &'static str,
    pub dir: &'static str,
}

/// The language of `dataset`'s text. Datasets have no language field yet:
/// every one is English, left to right.
pub fn text_language(_dataset: &Dataset) -> TextLanguage {
    TextLanguage { lang: "en", dir: "ltr" }
}

/// A dataset that lives as long as the program, compared by address: cheap
/// to copy into props and context, and cheap to compare on every render.
#[derive(Clone, Copy, Debug)]
pub struct DatasetRef(pub &'static Dataset);

impl PartialEq for DatasetRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl std::ops::Deref for DatasetRef {
    type Target = Dataset;
    fn deref(&self) -> &Dataset {
        self.0
    }
}

impl From<&'static Dataset> for DatasetRef {
    fn from(d: &'static Dataset) -> Self {
        DatasetRef(d)
    }
}

/// The dataset compiled in from `assets/roles.json` (or `ROLE_COMPARE_DATASET`).
pub fn baked() -> &'static Dataset {
    &baked::DATASET
}
