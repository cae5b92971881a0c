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
pub use page_head::{PageHead, PageHeadProps};
pub use role_compare::{announcement, RoleCompare, RoleCompareProps};
pub use salary_chart::SalaryChart;
pub use toolbar::Toolbar;
pub use training_chart::TrainingChart;

use yew::prelude::*;

use crate::data::ui::{split, Piece};
use crate::data::{Dataset, DatasetRef, Msg, Ui};

/// The dataset, as provided to every component by [`RoleCompare`].
#[hook]
pub fn use_dataset() -> &'static Dataset {
    use_context::<DatasetRef>().map(|d| d.0).unwrap_or_else(crate::data::baked)
}

/// Element id of a category's section.
pub fn section_id(category_id: &str) -> String {
    format!("rc-sec-{category_id}")
}

/// The UI strings of the dataset shown (its language's table).
#[hook]
pub fn use_ui() -> Ui<'static> {
    use_dataset().ui()
}

/// A message whose placeholders are markup (a link, a strong name): its text
/// pieces as text, each `{name}` as `slot(name)`, in the order the language
/// puts them.
pub fn template(ui: Ui<'_>, msg: Msg, mut slot: impl FnMut(&str) -> Html) -> Html {
    html! {
        <>{ for split(ui.text(msg)).into_iter().map(|piece| match piece {
            Piece::Text(text) => html! { {text.to_owned()} },
            Piece::Slot(name) => slot(name),
        }) }</>
    }
}
