//! The widget's components: one function component per file, typed props in,
//! callbacks out. The dataset arrives by context ([`use_dataset`]).

mod at_a_glance;
mod category_section;
mod footer;
pub mod format;
mod page_head;
mod role_compare;
mod salary_chart;
mod toolbar;
mod training_chart;
mod url_sync;

pub use at_a_glance::AtAGlance;
pub use category_section::CategorySection;
pub use footer::Footer;
pub use page_head::PageHead;
pub use role_compare::{RoleCompare, RoleCompareProps};
pub use salary_chart::SalaryChart;
pub use toolbar::Toolbar;
pub use training_chart::TrainingChart;

use yew::prelude::*;

use crate::data::{Dataset, DatasetRef};

/// The dataset, as provided to every component by [`RoleCompare`].
#[hook]
pub fn use_dataset() -> &'static Dataset {
    use_context::<DatasetRef>().map(|d| d.0).unwrap_or_else(crate::data::baked)
}

/// Element id of a category's section.
pub fn section_id(category_id: &str) -> String {
    format!("rc-sec-{category_id}")
}
