//! The dataset: its types, its validation (shared with build.rs), the
//! catalogues baked into the binary at compile time and the views built from
//! them (`view`).

#[cfg(not(target_arch = "wasm32"))]
pub mod cldr;
pub mod fit;
pub mod lang;
pub mod model;
pub mod plural;
#[cfg(not(target_arch = "wasm32"))]
pub mod seo;
pub mod ui;
#[cfg(not(target_arch = "wasm32"))]
pub mod validate;
pub mod view;

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

/// The catalogues compiled in, one per language, the first the default:
/// `assets/roles.json`'s, or the first named by `ROLE_COMPARE_DATASET`.
pub fn catalogues() -> &'static [Catalogue] {
    &baked::CATALOGUES
}

/// The default view of each catalogue (its first comparison), in
/// [`catalogues`]' order: what a widget shows when no comparison is asked for.
pub fn datasets() -> &'static [Dataset] {
    static DEFAULTS: std::sync::OnceLock<Vec<Dataset>> = std::sync::OnceLock::new();
    DEFAULTS.get_or_init(|| catalogues().iter().map(|c| view::build(c, &c.comparisons[0].roles)).collect())
}

/// The first catalogue's default view: the default when no language is asked for.
pub fn baked() -> &'static Dataset {
    &datasets()[0]
}

/// The files of [`catalogues`], in their order, as `ROLE_COMPARE_DATASET`
/// names them (relative to the crate's folder): `cargo xtask dist` builds one
/// page wasm from each.
pub fn dataset_files() -> &'static [&'static str] {
    &baked::FILES
}

/// The compiled-in default view for a BCP 47 tag (`es-MX` takes `es-MX`,
/// else `es`, else another `es-*`), or `None`.
pub fn for_lang(lang: &str) -> Option<&'static Dataset> {
    ui::pick(lang, datasets().iter().map(|d| d.lang.as_ref())).map(|ix| &datasets()[ix])
}

/// The compiled-in catalogue a view of the build was made from (by its language).
pub fn catalogue_of(dataset: &Dataset) -> Option<&'static Catalogue> {
    catalogues().iter().find(|c| c.lang == dataset.lang)
}

/// The view of `roles` (indices in `catalogue`, 2–4, distinct) from a
/// compiled-in catalogue, built once and kept: the same roles give the same
/// view (the same address, see [`DatasetRef`]) for the program's life; at most
/// one per set of roles asked for, however many widgets show it.
pub fn view_of(catalogue: &'static Catalogue, roles: &[RoleIx]) -> &'static Dataset {
    type Views = Vec<(usize, Vec<RoleIx>, &'static Dataset)>;
    static VIEWS: std::sync::Mutex<Views> = std::sync::Mutex::new(Vec::new());
    let order = match view::authored_for(catalogue, roles) {
        Some(ix) => catalogue.comparisons[ix].roles.to_vec(),
        None => roles.to_vec(),
    };
    let Some(cx) = catalogues().iter().position(|c| std::ptr::eq(c, catalogue)) else {
        // A catalogue of a test: not interned.
        return Box::leak(Box::new(view::build(catalogue, roles)));
    };
    if order == catalogue.comparisons[0].roles.as_ref() {
        return &datasets()[cx];
    }
    let mut views = VIEWS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, _, d)) = views.iter().find(|(c, r, _)| *c == cx && *r == order) {
        return d;
    }
    let d: &'static Dataset = Box::leak(Box::new(view::build(catalogue, &order)));
    views.push((cx, order, d));
    d
}

impl Dataset {
    /// Its UI strings, with the number forms of its language.
    pub fn ui(&self) -> Ui<'_> {
        Ui::new(&self.ui, &self.plural)
    }
}
