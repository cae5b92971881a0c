use yew::prelude::*;

use super::{use_dataset, use_heading};

/// Caveats the dataset records, and its sources.
#[component]
pub fn Footer() -> Html {
    let dataset = use_dataset();
    let heading = use_heading(1);
    html! {
        <footer class="rc-footer" part="footer">
            if !dataset.caveats.is_empty() {
                <@{heading} class="rc-footer-title">{"Caveats"}</@>
                <ul class="rc-caveats">
                    { for dataset.caveats.iter().map(|c| {
                        let concerns: Vec<&str> =
                            c.categories.iter().map(|&ix| dataset.categories[ix].title.as_ref()).collect();
                        html! {
                            <li id={format!("rc-caveat-{}", c.id)}>
                                <strong>{c.title.clone()}</strong>{" "}{c.text.clone()}
                                <span class="rc-concerns">{format!(" (Concerns: {}.)", concerns.join(", "))}</span>
                            </li>
                        }
                    }) }
                </ul>
            }
            <@{heading} class="rc-footer-title">{"Sources"}</@>
            <ul class="rc-sources">
                { for dataset.sources.iter().map(|s| html! {
                    <li>
                        {s.publisher.clone()}{", “"}
                        <a href={s.url.clone()} rel="noopener" target="_blank">{s.title.clone()}</a>{"”."}
                    </li>
                }) }
            </ul>
        </footer>
    }
}
