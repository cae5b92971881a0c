use yew::prelude::*;

use super::{section_id, use_dataset, SalaryChart, TrainingChart};
use crate::data::{CategoryIx, Chart, RoleIx};

#[derive(Properties, PartialEq)]
pub struct CategorySectionProps {
    pub category: CategoryIx,
    pub shown: bool,
    /// Column order.
    pub roles: Vec<RoleIx>,
}

/// One category: each role's points in its column, what they share, and the
/// key difference. Hidden: an empty, hidden section (so toggles' `aria-controls`
/// still resolve), its content gone from the page.
#[component]
pub fn CategorySection(props: &CategorySectionProps) -> Html {
    let dataset = use_dataset();
    let category = &dataset.categories[props.category];
    let id = section_id(&category.id);
    if !props.shown {
        return html! { <section id={id} class="rc-section" hidden=true></section> };
    }
    let heading = format!("{id}-h");
    let caveats: Vec<_> = dataset.caveats.iter().filter(|c| c.categories.contains(&props.category)).collect();
    let everyone = if dataset.roles.len() == 2 { "Both roles" } else { "All roles" };
    html! {
        <section id={id} class="rc-section" part="section" aria-labelledby={heading.clone()}
            data-category={category.id.clone()}>
            <h3 id={heading} class="rc-section-title" tabindex="-1">{category.title.clone()}</h3>
            { match category.chart {
                Some(Chart::Salary) => html! { <SalaryChart roles={props.roles.clone()} /> },
                Some(Chart::Training) => html! { <TrainingChart roles={props.roles.clone()} /> },
                None => Html::default(),
            } }
            <div class="rc-cells">
                { for props.roles.iter().map(|&r| {
                    let role = &dataset.roles[r];
                    html! {
                        // Keyed: a new column order moves these nodes, which is
                        // what the first-paint CSS already showed (`order`).
                        <div class="rc-cell" key={role.id.as_ref()} data-role={role.id.clone()}>
                            <h4 class="rc-cell-role">{role.name.clone()}</h4>
                            <ul class="rc-points">
                                { for category.entries[r].iter().map(|p| html! { <li>{p.clone()}</li> }) }
                            </ul>
                        </div>
                    }
                }) }
            </div>
            if !category.common.is_empty() {
                <div class="rc-common">
                    <h4 class="rc-cell-role">{everyone}</h4>
                    <ul class="rc-points">
                        { for category.common.iter().map(|p| html! { <li>{p.clone()}</li> }) }
                    </ul>
                </div>
            }
            <p class="rc-key" part="key-difference">
                <strong>{"Key difference: "}</strong>{category.key_difference.clone()}
            </p>
            if !caveats.is_empty() {
                <p class="rc-caveat-note">
                    <strong>{ if caveats.len() == 1 { "Caveat: " } else { "Caveats: " } }</strong>
                    { for caveats.iter().enumerate().map(|(i, c)| html! {
                        <>{ if i > 0 { ", " } else { "" } }{"“"}{c.title.clone()}{"”"}</>
                    }) }
                    {" (see Caveats below)."}
                </p>
            }
        </section>
    }
}
