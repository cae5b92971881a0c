use yew::prelude::*;

use super::{section_heading_id, section_id, use_dataset, use_heading, SalaryChart, TrainingChart};
use crate::data::ui::CAVEAT_NOTE;
use crate::data::{CategoryIx, Chart, Msg, RoleIx};

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
    let (title_tag, role_tag) = (use_heading(1), use_heading(2));
    let category = &dataset.categories[props.category];
    let id = section_id(&category.id);
    if !props.shown {
        return html! { <section id={id} class="rc-section" hidden=true></section> };
    }
    let heading = section_heading_id(&category.id);
    let caveats: Vec<_> = dataset.caveats.iter().filter(|c| c.categories.contains(&props.category)).collect();
    let ui = dataset.ui();
    let titles: Vec<String> = caveats.iter().map(|c| ui.fill(Msg::Quoted, &[("text", &c.title)])).collect();
    let everyone = ui.text(if dataset.roles.len() == 2 { Msg::BothRoles } else { Msg::AllRoles }).to_owned();
    html! {
        <section id={id} class="rc-section" part="section" aria-labelledby={heading.clone()}
            data-category={category.id.clone()}>
            <@{title_tag} id={heading} class="rc-section-title" tabindex="-1">{category.title.clone()}</@>
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
                            <@{role_tag} class="rc-cell-role">{role.name.clone()}</@>
                            <ul class="rc-points">
                                { for category.entries[r].iter().map(|p| html! { <li>{p.clone()}</li> }) }
                            </ul>
                        </div>
                    }
                }) }
            </div>
            if !category.common.is_empty() {
                <div class="rc-common">
                    <@{role_tag} class="rc-cell-role">{everyone}</@>
                    <ul class="rc-points">
                        { for category.common.iter().map(|p| html! { <li>{p.clone()}</li> }) }
                    </ul>
                </div>
            }
            // No fact or authored text tells them apart: no line, never an invented one.
            if let Some(key) = category.key_difference.clone() {
                <p class="rc-key" part="key-difference">
                    <strong>{ui.text(Msg::KeyDifference).to_owned()}</strong>{" "}{key}
                </p>
            }
            if !caveats.is_empty() {
                <p class="rc-caveat-note">
                    <strong>{ ui.text(ui.plural_form(CAVEAT_NOTE, caveats.len() as u64)).to_owned() }</strong>
                    {" "}
                    { ui.fill(Msg::CaveatNote, &[("titles", &ui.and_list(&titles))]) }
                </p>
            }
        </section>
    }
}
