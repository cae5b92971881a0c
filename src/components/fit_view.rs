use yew::prelude::*;

use super::{section_heading_id, section_id, use_dataset, use_heading};
use crate::data::{Dataset, Msg};
use crate::state::{Action, FIT_SECTION};

#[derive(Properties, PartialEq)]
pub struct FitViewProps {
    pub shown: bool,
    /// The chosen option of each of the view's questions.
    pub answers: Vec<Option<u8>>,
    pub dispatch: Callback<Action>,
    /// Whether the controls work yet (false before the wasm has taken over).
    pub live: bool,
}

/// The tally: how many answers point to the role (or roles, tied) most of
/// them point to. No weights, no verdict beyond the count.
pub fn tally(dataset: &Dataset, answers: &[Option<u8>]) -> String {
    let chosen: Vec<_> =
        dataset.fit.iter().zip(answers).filter_map(|(q, a)| a.and_then(|o| q.options.get(usize::from(o)))).collect();
    let mut counts = vec![0u64; dataset.roles.len()];
    for option in &chosen {
        option.roles.iter().for_each(|&r| counts[r] += 1);
    }
    said(dataset, &counts, chosen.len() as u64)
}

/// The tally's sentence for `counts` (answers per role of the view) of `total` answers.
fn said(dataset: &Dataset, counts: &[u64], total: u64) -> String {
    let ui = dataset.ui();
    let most = counts.iter().copied().max().unwrap_or(0);
    if most == 0 {
        return ui.text(Msg::FitTallyNone).to_owned();
    }
    let leaders: Vec<&str> = dataset
        .roles
        .iter()
        .zip(counts)
        .filter(|(_, c)| **c == most)
        .map(|(r, _)| r.running_name.plural.as_ref())
        .collect();
    let (count, total) = (ui.number(most), ui.number(total));
    match leaders.as_slice() {
        [roles] => ui.fill(Msg::FitTally, &[("roles", roles), ("count", &count), ("total", &total)]),
        _ => ui.fill(Msg::FitTie, &[("roles", &ui.and_list(&leaders)), ("count", &count), ("total", &total)]),
    }
}

/// The longest sentence the tally can say in this view (none yet, or every
/// role tied on every question: a tie names them all): laid invisibly under
/// the tally, it keeps the tally's room at every width and in every
/// language, so nothing below moves when the live tally replaces the first
/// paint's.
fn longest_tally(dataset: &Dataset) -> String {
    let all = vec![dataset.fit.len() as u64; dataset.roles.len()];
    let (none, tie) = (said(dataset, &[], 0), said(dataset, &all, dataset.fit.len() as u64));
    if none.len() > tie.len() {
        none
    } else {
        tie
    }
}

/// "Which fits you?": each question a fieldset of native radio buttons, each
/// option a role's own fact or point with the roles it points to and its
/// source, then the tally (announced politely) and a reset. Hidden: an empty,
/// hidden section, like a category's.
#[component]
pub fn FitView(props: &FitViewProps) -> Html {
    let dataset = use_dataset();
    let title_tag = use_heading(1);
    // Clearing disables the button that has focus: focus goes to the
    // section's heading, so the keyboard and a screen reader keep their place.
    let title = use_node_ref();
    let id = section_id(FIT_SECTION);
    if !props.shown {
        return html! { <section id={id} class="rc-section rc-fit" hidden=true></section> };
    }
    let ui = dataset.ui();
    let heading = section_heading_id(FIT_SECTION);
    let answered = props.answers.iter().any(Option::is_some);
    let clear = {
        let (dispatch, title) = (props.dispatch.clone(), title.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::ClearAnswers);
            if let Some(title) = title.cast::<web_sys::HtmlElement>() {
                let _ = title.focus();
            }
        })
    };
    html! {
        <section id={id} class="rc-section rc-fit" part="section fit" aria-labelledby={heading.clone()}
            data-category={FIT_SECTION}>
            <@{title_tag} id={heading} class="rc-section-title" tabindex="-1" ref={title}>{ui.text(Msg::FitTitle).to_owned()}</@>
            <p class="rc-fit-intro">{ui.text(Msg::FitIntro).to_owned()}</p>
            { for dataset.fit.iter().enumerate().map(|(q, question)| {
                let chosen = props.answers.get(q).copied().flatten();
                html! {
                    <fieldset class="rc-fit-question" key={question.id.as_ref()} data-question={question.id.clone()}>
                        <legend class="rc-fit-prompt">{question.prompt.clone()}</legend>
                        // Each option a label holding its radio, its text, and where it
                        // points with the source (a link inside a label stays a link).
                        { for question.options.iter().enumerate().map(|(o, option)| {
                            let o = o as u8;
                            let names: Vec<&str> =
                                option.roles.iter().map(|&r| dataset.roles[r].running_name.plural.as_ref()).collect();
                            let source = &dataset.sources[option.source];
                            let cite = ui.dated(Msg::SourceYear, "source", &source.publisher, source.year);
                            let class = if chosen == Some(o) { "rc-fit-option rc-fit-chosen" } else { "rc-fit-option" };
                            html! {
                                <label class={class} data-answer={format!("{}.{o}", question.id)}>
                                    <input type="radio" name={question.id.clone()} checked={chosen == Some(o)} disabled={!props.live}
                                        onchange={props.dispatch.reform(move |_: Event| Action::Answer { question: q, option: o })} />
                                    {option.text.clone()}
                                    <span class="rc-fit-to">
                                        {ui.fill(Msg::FitPointsTo, &[("roles", &ui.and_list(&names))])}{" · "}
                                        <a href={source.url.clone()} rel="noopener" target="_blank">{ui.fill(Msg::FitSource, &[("source", &cite)])}</a>
                                    </span>
                                </label>
                            }
                        }) }
                        if let Some(note) = question.note.clone() {
                            <p class="rc-fit-note">{note}</p>
                        }
                    </fieldset>
                }
            }) }
            <div class="rc-fit-result">
                <div class="rc-fit-tallies">
                    <p class="rc-fit-tally" role="status">{tally(dataset, &props.answers)}</p>
                    <p class="rc-fit-room" aria-hidden="true">{longest_tally(dataset)}</p>
                </div>
                <button type="button" class="rc-bulk-button rc-fit-reset" part="bulk-button" disabled={!props.live || !answered}
                    onclick={clear}>
                    {ui.text(Msg::FitReset).to_owned()}
                </button>
            </div>
        </section>
    }
}
