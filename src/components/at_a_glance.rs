use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{section_heading_id, section_id, template, use_dataset, use_heading};
use crate::data::Msg;
use crate::state::ViewState;

#[derive(Properties, PartialEq)]
pub struct AtAGlanceProps {
    pub view: ViewState,
}

/// Moves to a section inside this widget (in a shadow root a plain `#id` link
/// would look in the host page) and puts focus on its heading.
fn go_to(event: MouseEvent, heading_id: String) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let Ok(Some(widget)) = target.closest(".rc") else { return };
    let Ok(Some(heading)) = widget.query_selector(&format!("#{heading_id}")) else { return };
    event.prevent_default();
    heading.scroll_into_view();
    if let Some(heading) = heading.dyn_ref::<web_sys::HtmlElement>() {
        let _ = heading.focus();
    }
}

/// One line per shown category: how the roles differ, linking to its section.
#[component]
pub fn AtAGlance(props: &AtAGlanceProps) -> Html {
    let dataset = use_dataset();
    let ui = dataset.ui();
    let heading = use_heading(1);
    // A category whose roles nothing tells apart has no line here.
    let lines: Vec<_> = dataset
        .categories
        .iter()
        .enumerate()
        .filter_map(|(ix, c)| Some((ix, c, c.key_difference.clone()?)))
        .filter(|(ix, _, _)| props.view.is_shown(*ix))
        .collect();
    if lines.is_empty() {
        return Html::default();
    }
    html! {
        <nav class="rc-glance" part="glance" aria-labelledby="rc-glance-h">
            <@{heading} id="rc-glance-h" class="rc-glance-title">{ui.text(Msg::AtAGlance).to_owned()}</@>
            <ul class="rc-glance-list">
                { for lines.into_iter().map(|(_, c, difference)| {
                    let id = section_id(&c.id);
                    let target = section_heading_id(&c.id);
                    html! {
                        <li key={c.id.as_ref()} data-category={c.id.clone()}>
                            { template(ui, Msg::GlanceLine, |slot| match slot {
                                "category" => {
                                    let target = target.clone();
                                    html! { <a href={format!("#{id}")} onclick={move |e| go_to(e, target.clone())}>{c.title.clone()}</a> }
                                }
                                _ => html! { {difference.clone()} },
                            }) }
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
