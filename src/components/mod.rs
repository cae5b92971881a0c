//! The widget's components: one function component per file, typed props in,
//! callbacks out. The dataset arrives by context ([`use_dataset`]).

mod at_a_glance;
mod category_section;
mod fit_view;
mod footer;
pub mod format;
mod page_head;
mod quick_facts;
mod role_compare;
mod salary_chart;
mod toolbar;
mod training_chart;
mod url_sync;

pub use at_a_glance::AtAGlance;
pub use category_section::CategorySection;
pub use fit_view::{tally, FitView};
pub use footer::Footer;
pub use page_head::{PageHead, PageHeadProps};
pub use quick_facts::QuickFacts;
#[cfg(feature = "ssr")]
pub use role_compare::render_html;
pub use role_compare::{announcement, RoleCompare, RoleCompareProps};
pub use salary_chart::SalaryChart;
pub use toolbar::Toolbar;
pub use training_chart::TrainingChart;
pub use url_sync::in_frame;

use yew::prelude::*;

use crate::data::ui::{split, Piece};
use crate::data::{Dataset, DatasetRef, Msg, Ui};

/// The dataset, as provided to every component by [`RoleCompare`].
#[hook]
pub fn use_dataset() -> &'static Dataset {
    use_context::<DatasetRef>().map(|d| d.0).unwrap_or_else(crate::data::baked)
}

/// The heading level of the widget's title, 1 to 4 (see
/// [`RoleCompareProps::heading_level`]); the widget's other headings sit one
/// (sections, glance, footer) and two (role names in cells) levels below.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct HeadingLevel(pub u8);

/// The heading tag `depth` levels below the widget's title: `h3` for depth 1
/// under the default `h2` title.
#[hook]
pub fn use_heading(depth: u8) -> &'static str {
    let title = use_context::<HeadingLevel>().map_or(2, |h| h.0);
    heading_tag(title, depth)
}

/// `h1` … `h6` for `title + depth`, clamped to that range.
pub fn heading_tag(title: u8, depth: u8) -> &'static str {
    ["h1", "h2", "h3", "h4", "h5", "h6"][usize::from(title.saturating_add(depth).clamp(1, 6) - 1)]
}

/// Element id of a category's section.
pub fn section_id(category_id: &str) -> String {
    format!("rc-sec-{category_id}")
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

/// Element id of a category section's heading.
pub fn section_heading_id(category_id: &str) -> String {
    format!("rc-sec-{category_id}-h")
}
