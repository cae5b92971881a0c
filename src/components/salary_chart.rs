use yew::prelude::*;

use super::format::{percent, whole_percent};
use super::use_dataset;
use crate::data::{Msg, RoleIx};

#[derive(Properties, PartialEq)]
pub struct SalaryChartProps {
    /// Row order.
    pub roles: Vec<RoleIx>,
}

/// The roles' median salaries as bars on one scale, with the figures and the
/// difference as text. Screen readers get one accessible name with every figure.
#[component]
pub fn SalaryChart(props: &SalaryChartProps) -> Html {
    let dataset = use_dataset();
    let ui = dataset.ui();
    let salary = |r: RoleIx| dataset.roles[r].facts.median_salary_usd;
    let max = props.roles.iter().map(|&r| salary(r)).max().unwrap_or(1).max(1);
    let (hi, lo) =
        match (props.roles.iter().max_by_key(|&&r| salary(r)), props.roles.iter().min_by_key(|&&r| salary(r))) {
            (Some(&hi), Some(&lo)) => (hi, lo),
            _ => return Html::default(),
        };
    let gap = salary(hi) - salary(lo);
    let difference = if gap == 0 {
        ui.text(Msg::SalarySame).to_owned()
    } else {
        let more = ui.percent(whole_percent(gap, salary(lo)));
        // Running text: the names as a sentence uses them, not the labels.
        let (higher, lower) = (&dataset.roles[hi].running_name.plural, &dataset.roles[lo].running_name.plural);
        ui.fill(Msg::SalaryMore, &[("higher", higher), ("gap", &ui.money(gap)), ("percent", &more), ("lower", lower)])
    };
    let figures: Vec<String> = props
        .roles
        .iter()
        .map(|&r| ui.fill(Msg::SalaryFigure, &[("role", &dataset.roles[r].name), ("amount", &ui.money(salary(r)))]))
        .collect();
    let label = ui.fill(Msg::SalaryLabel, &[("figures", &figures.join(" ")), ("difference", &difference)]);
    html! {
        <div class="rc-chart rc-salary-chart" role="img" aria-label={label}>
            <p class="rc-chart-title">{ui.text(Msg::SalaryTitle).to_owned()}</p>
            <div class="rc-bar-rows">
            { for props.roles.iter().map(|&r| {
                let width = percent(salary(r), max);
                html! {
                    <div class="rc-bar-row" key={dataset.roles[r].id.as_ref()} data-role={dataset.roles[r].id.clone()}>
                        <span class="rc-bar-name">{dataset.roles[r].name.clone()}</span>
                        <svg class="rc-bar" width="100%" height="1.4em" aria-hidden="true" focusable="false">
                            <rect class={classes!("rc-bar-fill", (r == hi && gap > 0).then_some("rc-bar-top"))}
                                x="0" y="0" width={width} height="100%" rx="3" />
                        </svg>
                        <span class="rc-bar-value">{ui.money(salary(r))}</span>
                    </div>
                }
            }) }
            </div>
            <p class="rc-chart-note">{difference}</p>
        </div>
    }
}
