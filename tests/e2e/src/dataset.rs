//! Ids as the tests name them, from the dataset baked into the build
//! (`role_compare::data`), never re-parsed from assets/roles.json nor
//! assumed: the categories, roles and comparisons a widget shows by default.

use role_compare::data::{baked, catalogues, Chart, OccupationField};

/// Every section id of the default view, in the widget's order: what a
/// widget shows when nothing is hidden (the categories, then the fit view,
/// which the default comparison asks questions in).
pub fn categories() -> Vec<String> {
    let categories = baked().categories.iter().map(|c| c.id.to_string());
    let fit = (!baked().fit.is_empty()).then(|| role_compare::state::FIT_SECTION.to_owned());
    categories.chain(fit).collect()
}

/// [`categories`] but `hidden`.
pub fn categories_without(hidden: &[&str]) -> Vec<String> {
    categories().into_iter().filter(|c| !hidden.contains(&c.as_str())).collect()
}

/// `id`, checked to be a category of the dataset (for the ids a host page
/// fixture names in its attributes).
pub fn category(id: &str) -> &'static str {
    let found = baked().categories.iter().find(|c| c.id == id);
    &found.unwrap_or_else(|| panic!("the dataset has no category {id:?}: {:?}", categories())).id
}

/// The salary category: the one charting median salaries.
pub fn salary() -> &'static str {
    &baked().categories.iter().find(|c| c.chart == Some(Chart::Salary)).expect("a salary chart").id
}

/// The skills category: the one filling schema.org `skills`.
pub fn skills() -> &'static str {
    let skills = baked().categories.iter().find(|c| c.occupation == Some(OccupationField::Skills));
    &skills.expect("a category of skills").id
}

/// The role ids of the default comparison, in its column order.
pub fn roles() -> Vec<String> {
    baked().roles.iter().map(|r| r.id.to_string()).collect()
}

/// Every role id of the first catalogue, in its order.
pub fn catalogue_roles() -> Vec<String> {
    catalogues()[0].roles.iter().map(|r| r.id.to_string()).collect()
}

/// `id`, checked to be a role of the first catalogue.
pub fn role(id: &str) -> &'static str {
    let roles = &catalogues()[0].roles;
    &roles.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("the catalogue has no role {id:?}")).id
}

/// The title of the first catalogue's comparison `id`.
pub fn title_of(id: &str) -> String {
    let catalogue = &catalogues()[0];
    catalogue.comparisons[catalogue.comparison_ix(id).expect("a shipped comparison")].title.to_string()
}
