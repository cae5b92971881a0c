use yew::prelude::*;

use super::use_dataset;

/// Caveats the dataset records, and its sources.
#[component]
pub fn Footer() -> Html {
    let dataset = use_dataset();
    html! {
        <footer class="rc-footer" part="footer">
            if !dataset.caveats.is_empty() {
                <h3 class="rc-footer-title">{"Caveats"}</h3>
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
            <h3 class="rc-footer-title">{"Sources"}</h3>
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
