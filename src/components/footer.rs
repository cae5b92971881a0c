use yew::prelude::*;

use super::{template, use_dataset, use_heading};
use crate::data::Msg;

/// Caveats the dataset records, and its sources.
#[component]
pub fn Footer() -> Html {
    let dataset = use_dataset();
    let ui = dataset.ui();
    let heading = use_heading(1);
    html! {
        <footer class="rc-footer" part="footer">
            if !dataset.caveats.is_empty() {
                <@{heading} class="rc-footer-title">{ui.text(Msg::Caveats).to_owned()}</@>
                <ul class="rc-caveats">
                    { for dataset.caveats.iter().map(|c| {
                        let concerns: Vec<&str> =
                            c.categories.iter().map(|&ix| dataset.categories[ix].title.as_ref()).collect();
                        html! {
                            <li id={format!("rc-caveat-{}", c.id)}>
                                <strong>{c.title.clone()}</strong>{" "}{c.text.clone()}
                                {" "}<span class="rc-concerns">{ui.fill(Msg::Concerns, &[("categories", &ui.and_list(&concerns))])}</span>
                            </li>
                        }
                    }) }
                </ul>
            }
            <@{heading} class="rc-footer-title">{ui.text(Msg::Sources).to_owned()}</@>
            <ul class="rc-sources">
                { for dataset.sources.iter().map(|s| html! {
                    <li>
                        { template(ui, if s.year.is_some() { Msg::SourceDated } else { Msg::Source }, |slot| match slot {
                            // Kept in the language it was published in: isolated, so its
                            // punctuation stays put in a sentence of the other direction.
                            "title" => html! { <a href={s.url.clone()} rel="noopener" target="_blank" dir="auto">{s.title.clone()}</a> },
                            "year" => html! { {s.year.map(|y| y.to_string()).unwrap_or_default()} },
                            _ => html! { {s.publisher.clone()} },
                        }) }
                        // The line the source's licence asks for (and that we adapted it).
                        if let Some(attribution) = s.attribution.clone() {
                            {" "}<span class="rc-attribution" dir="auto">{attribution}</span>
                        }
                    </li>
                }) }
            </ul>
        </footer>
    }
}
