//! The dataset: its types, its validation (shared with build.rs) and the
//! dataset baked into the binary at compile time.

#[cfg(not(target_arch = "wasm32"))]
pub mod cldr;
pub mod lang;
pub mod model;
pub mod plural;
#[cfg(not(target_arch = "wasm32"))]
pub mod seo;
pub mod ui;
#[cfg(not(target_arch = "wasm32"))]
pub mod validate;

pub use model::*;
pub use ui::{Msg, Ui};

mod baked {
    use super::model::*;
    use super::ui::{PluralCase, PluralCategory, PluralRange, PluralRelation};
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

/// The language of `dataset`'s text: its `lang`, and its `dir` (given by the
/// dataset, else from the language: `ar`, `he`, `fa`, `ur`, … → `rtl`).
pub fn text_language(dataset: &'static Dataset) -> TextLanguage {
    TextLanguage { lang: &dataset.lang, dir: dataset.dir.as_str() }
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

/// The first dataset compiled in: `assets/roles.json`, or the first named by
/// `ROLE_COMPARE_DATASET`. The default when no language is asked for.
pub fn baked() -> &'static Dataset {
    &baked::DATASETS[0]
}

/// Every dataset compiled in, one per language, the first the default.
pub fn datasets() -> &'static [Dataset] {
    &baked::DATASETS
}

/// The files of [`datasets`], in their order, as `ROLE_COMPARE_DATASET` names
/// them (relative to the crate's folder): `cargo xtask dist` builds one page
/// wasm from each.
pub fn dataset_files() -> &'static [&'static str] {
    &baked::FILES
}

/// The compiled-in dataset for a BCP 47 tag (`es-MX` takes `es-MX`, else
/// `es`, else another `es-*`), or `None`.
pub fn for_lang(lang: &str) -> Option<&'static Dataset> {
    ui::pick(lang, datasets().iter().map(|d| d.lang.as_ref())).map(|ix| &datasets()[ix])
}

impl Dataset {
    /// Its UI strings, with the number forms of its language.
    pub fn ui(&self) -> Ui<'_> {
        Ui::new(&self.ui, &self.plural)
    }
}
