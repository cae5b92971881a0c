use yew::prelude::*;

use super::{section_id, use_dataset};
use crate::data::Msg;
use crate::state::{Action, ViewState, FIT_SECTION};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub view: ViewState,
    pub dispatch: Callback<Action>,
    /// Whether the buttons work yet (false before the wasm has taken over).
    pub live: bool,
}

/// One toggle per category, plus "Show all" and "Hide all".
#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let dataset = use_dataset();
    let ui = dataset.ui();
    // The fit view's toggle follows the categories' where the view has questions.
    let fit = (!dataset.fit.is_empty()).then(|| (FIT_SECTION, ui.text(Msg::FitTitle).to_owned()));
    let total = dataset.categories.len() + usize::from(fit.is_some());
    let shown = props.view.shown_ids().len();
    let count = ui.fill(Msg::ShownCount, &[("shown", &ui.number(shown as u64)), ("total", &ui.number(total as u64))]);
    let send = |action: fn() -> Action| props.dispatch.reform(move |_: MouseEvent| action());
    html! {
        <div class="rc-toolbar" part="toolbar" role="group" aria-labelledby="rc-toolbar-label">
            <p class="rc-toolbar-label" id="rc-toolbar-label">
                {ui.text(Msg::CategoriesShown).to_owned()}{" "}<span class="rc-count">{count}</span>
            </p>
            <ul class="rc-toggles">
                { for dataset.categories.iter().map(|c| (c.id.as_ref(), c.title.to_string())).chain(fit).enumerate().map(|(ix, (id, title))| {
                    let pressed = props.view.is_shown(ix);
                    html! {
                        <li key={id}>
                            <button type="button" disabled={!props.live} class="rc-toggle" part="toggle"
                                aria-pressed={pressed.to_string()}
                                aria-controls={section_id(id)}
                                data-category={id}
                                onclick={props.dispatch.reform(move |_: MouseEvent| Action::Toggle(ix))}>
                                <span class="rc-toggle-mark" aria-hidden="true"></span>
                                {title}
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <div class="rc-bulk">
                <button type="button" disabled={!props.live} class="rc-bulk-button" part="bulk-button" data-action="show-all"
                    onclick={send(|| Action::ShowAll)}>{ui.text(Msg::ShowAll).to_owned()}</button>
                <button type="button" disabled={!props.live} class="rc-bulk-button" part="bulk-button" data-action="hide-all"
                    onclick={send(|| Action::HideAll)}>{ui.text(Msg::HideAll).to_owned()}</button>
                <button type="button" disabled={!props.live} class="rc-toggle rc-highlight-toggle" part="toggle" data-action="highlight"
                    aria-pressed={props.view.highlight.to_string()}
                    onclick={send(|| Action::ToggleHighlight)}>
                    <span class="rc-toggle-mark" aria-hidden="true"></span>
                    {ui.text(Msg::Highlight).to_owned()}
                </button>
            </div>
        </div>
    }
}
