use yew::prelude::*;

use super::format::percent;
use super::use_dataset;
use crate::data::{Facts, Msg, RoleIx};

#[derive(Properties, PartialEq)]
pub struct TrainingChartProps {
    /// Row order.
    pub roles: Vec<RoleIx>,
}

fn total(f: &Facts) -> (u8, u8) {
    let base = f.education_years + f.program_years;
    (base + f.experience_years.min, base + f.experience_years.max)
}

/// Each role's path on one scale of years: degree, then programme, then
/// experience (its range drawn lighter).
#[component]
pub fn TrainingChart(props: &TrainingChartProps) -> Html {
    let dataset = use_dataset();
    let ui = dataset.ui();
    let scale = props.roles.iter().map(|&r| total(&dataset.roles[r].facts).1).max().unwrap_or(1).max(1);
    let pct = |years: u8| percent(years.into(), scale.into());
    let described: Vec<String> = props
        .roles
        .iter()
        .map(|&r| {
            let f = &dataset.roles[r].facts;
            let (lo, hi) = total(f);
            ui.fill(
                Msg::TrainingRole,
                &[
                    ("role", &dataset.roles[r].name),
                    ("degree", &ui.years(f.education_years)),
                    ("program", &ui.years(f.program_years)),
                    ("experience", &ui.year_span(f.experience_years.min, f.experience_years.max)),
                    ("total", &ui.year_span(lo, hi)),
                ],
            )
        })
        .collect();
    let label = ui.fill(Msg::TrainingLabel, &[("roles", &described.join(" "))]);
    let legend = [
        ("rc-seg-degree", Msg::LegendDegree),
        ("rc-seg-program", Msg::LegendProgram),
        ("rc-seg-experience", Msg::LegendExperience),
        ("rc-seg-range", Msg::LegendRange),
    ];
    html! {
        <div class="rc-chart rc-training-chart" role="img" aria-label={label}>
            <p class="rc-chart-title">{ui.text(Msg::TrainingTitle).to_owned()}</p>
            <div class="rc-bar-rows">
            { for props.roles.iter().map(|&r| {
                let f = &dataset.roles[r].facts;
                let (lo, hi) = total(f);
                let edu = f.education_years;
                let prog = f.program_years;
                let exp = f.experience_years;
                html! {
                    <div class="rc-bar-row" key={dataset.roles[r].id.as_ref()} data-role={dataset.roles[r].id.clone()}>
                        <span class="rc-bar-name">{dataset.roles[r].name.clone()}</span>
                        <svg class="rc-bar" width="100%" height="1.4em" aria-hidden="true" focusable="false">
                            <rect class="rc-seg-degree" x="0" y="0" width={pct(edu)} height="100%" />
                            <rect class="rc-seg-program" x={pct(edu)} y="0" width={pct(prog)} height="100%" />
                            <rect class="rc-seg-experience" x={pct(edu + prog)} y="0" width={pct(exp.min)} height="100%" />
                            <rect class="rc-seg-range" x={pct(edu + prog + exp.min)} y="0" width={pct(exp.max - exp.min)} height="100%" />
                        </svg>
                        <span class="rc-bar-value">{ui.year_span(lo, hi)}</span>
                    </div>
                }
            }) }
            </div>
            <ul class="rc-legend">
                { for legend.iter().map(|(class, name)| html! {
                    <li>
                        <svg width="1em" height="1em" aria-hidden="true" focusable="false">
                            <rect class={*class} width="100%" height="100%" />
                        </svg>
                        {ui.text(*name).to_owned()}
                    </li>
                }) }
            </ul>
        </div>
    }
}
