use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{use_dataset, use_heading};
use crate::data::{Dataset, Fact, Msg, Role, RoleIx, Ui};

#[derive(Properties, PartialEq)]
pub struct QuickFactsProps {
    /// Column order.
    pub roles: Vec<RoleIx>,
    /// Each column's head is a role picker offering these roles (catalogue
    /// indices); `None`: the role's name.
    #[prop_or_default]
    pub picker: Option<Vec<RoleIx>>,
    /// Called with (column, catalogue role) when the reader picks a role.
    #[prop_or_default]
    pub on_pick: Callback<(usize, RoleIx)>,
    /// Controls work (the wasm runs).
    #[prop_or_default]
    pub live: bool,
}

/// The message naming a fact's row.
fn label(fact: Fact) -> Msg {
    match fact {
        Fact::MedianSalary => Msg::FactSalary,
        Fact::Degree => Msg::FactDegree,
        Fact::Program => Msg::FactProgram,
        Fact::Experience => Msg::FactExperience,
        Fact::Setting => Msg::FactSetting,
        Fact::Certification => Msg::FactCertification,
    }
}

/// A role's fact as a reader reads it, in the language's forms.
fn value(ui: Ui<'_>, dataset: &Dataset, role: &Role, fact: Fact) -> String {
    let f = &role.facts;
    let none = |msg| ui.text(msg).to_owned();
    match fact {
        Fact::MedianSalary => {
            let year = dataset.fact_source(role, Fact::MedianSalary).year;
            ui.dated(Msg::FactYear, "value", &ui.money(f.median_salary_usd), year)
        }
        Fact::Degree => ui.years(f.education_years),
        Fact::Program if f.program_years == 0 => none(Msg::FactNoProgram),
        Fact::Program => ui.years(f.program_years),
        Fact::Experience if f.experience_years.max == 0 => none(Msg::FactNoExperience),
        Fact::Experience => ui.year_span(f.experience_years.min, f.experience_years.max),
        Fact::Setting => f.main_setting.to_string(),
        Fact::Certification => f.certification.to_string(),
    }
}

/// Element id of a fact's note on mixed sources.
fn note_id(fact: Fact) -> String {
    format!("rc-fact-note-{}", fact.key())
}

/// Every comparison opens with its typed facts: a row per fact, a column per
/// role, each figure linked to its source. Where the roles' figures of a row
/// come from different sources or years, each carries a mark and the note
/// under the table says which.
#[component]
pub fn QuickFacts(props: &QuickFactsProps) -> Html {
    let dataset = use_dataset();
    let ui = dataset.ui();
    let heading = use_heading(1);
    let roles: Vec<&Role> = props.roles.iter().map(|&r| &dataset.roles[r]).collect();
    // A row is mixed when its figures' sources (or their years) differ.
    let mixed: Vec<Fact> = Fact::ALL
        .into_iter()
        .filter(|&fact| {
            roles.iter().any(|r| !dataset.fact_source(r, fact).same_origin(dataset.fact_source(roles[0], fact)))
        })
        .collect();
    // One note per set of sources: rows with the same mix share it.
    let sources_of = |fact: Fact| -> String {
        let sources: Vec<String> = roles
            .iter()
            .map(|r| {
                let source = dataset.fact_source(r, fact);
                let name = ui.dated(Msg::SourceYear, "source", &source.publisher, source.year);
                ui.fill(Msg::SourceOf, &[("role", &r.name), ("source", &name)])
            })
            .collect();
        sources.join(ui.text(Msg::SourcesSeparator))
    };
    let mut notes: Vec<(String, Vec<Fact>)> = Vec::new();
    for &fact in &mixed {
        let sources = sources_of(fact);
        match notes.iter_mut().find(|(s, _)| *s == sources) {
            Some((_, facts)) => facts.push(fact),
            None => notes.push((sources, vec![fact])),
        }
    }
    let note_of =
        |fact: Fact| notes.iter().find(|(_, facts)| facts.contains(&fact)).map(|(_, facts)| note_id(facts[0]));
    let head = |column: usize, role: &Role| -> Html {
        let Some(offered) = &props.picker else { return html! { {role.name.clone()} } };
        let catalogue = dataset.catalogue;
        let on_pick = props.on_pick.clone();
        let onchange = Callback::from(move |e: Event| {
            let Some(select) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) else {
                return;
            };
            if let Some(role) = catalogue.role_ix(&select.value()) {
                on_pick.emit((column, role));
            }
        });
        let n = (column + 1).to_string();
        html! {
            <label class="rc-pick">
                <span class="rc-sr-only">{ui.fill(Msg::PickRole, &[("n", &n)])}</span>
                <select class="rc-pick-select" part="picker" onchange={onchange} disabled={!props.live}>
                    { for offered.iter().map(|&r| {
                        let option = &catalogue.roles[r];
                        html! {
                            <option value={option.id.clone()} selected={option.id == role.id}>{option.name.clone()}</option>
                        }
                    }) }
                </select>
            </label>
        }
    };
    html! {
        // `data-columns`: the stylesheet stacks the columns where each would
        // be too narrow for a role's name (in its picker, too).
        <section class="rc-facts" part="facts" aria-labelledby="rc-facts-h" data-columns={roles.len().to_string()}>
            <@{heading} id="rc-facts-h" class="rc-facts-title">{ui.text(Msg::QuickFacts).to_owned()}</@>
            <div class="rc-facts-table" role="table" aria-labelledby="rc-facts-h">
                // Every child keyed: Yew keeps keyed children by key only when
                // all of a list's children have one.
                <div class="rc-facts-row rc-facts-head" role="row" key="head">
                    <span class="rc-facts-label" role="columnheader" key="label">{ui.text(Msg::FactRole).to_owned()}</span>
                    // Keyed by column: a picked role re-renders in place and
                    // the focused select stays the same node.
                    { for roles.iter().enumerate().map(|(column, role)| html! {
                        <span class="rc-fact" role="columnheader" key={column.to_string()} data-role={role.id.clone()}>
                            { head(column, role) }
                        </span>
                    }) }
                </div>
                { for Fact::ALL.into_iter().map(|fact| {
                    let marked = mixed.contains(&fact);
                    html! {
                        <div class="rc-facts-row" role="row" key={fact.key()} data-fact={fact.key()}>
                            <span class="rc-facts-label" role="rowheader" key="label">{ui.text(label(fact)).to_owned()}</span>
                            { for roles.iter().enumerate().map(|(column, role)| {
                                let source = dataset.fact_source(role, fact);
                                html! {
                                    <span class="rc-fact" role="cell" key={column.to_string()} data-role={role.id.clone()}
                                        aria-describedby={note_of(fact)}>
                                        // Shown where the columns are stacked; a screen
                                        // reader has the column's header already.
                                        // The space keeps name and figure apart without the stylesheet.
                                        <span class="rc-fact-who" aria-hidden="true">{role.name.clone()}</span>{" "}
                                        <span class="rc-fact-value">
                                            <a href={source.url.clone()} rel="noopener" target="_blank">{value(ui, dataset, role, fact)}</a>
                                            if marked { <sup class="rc-mark" aria-hidden="true">{"*"}</sup> }
                                        </span>
                                    </span>
                                }
                            }) }
                        </div>
                    }
                }) }
            </div>
            // Always there, so that the table before it keeps its node (and a
            // focused picker its focus) however many notes there are.
            <div class="rc-facts-notes">
            { for notes.iter().map(|(sources, facts)| {
                let names: Vec<&str> = facts.iter().map(|&f| ui.text(label(f))).collect();
                html! {
                    <p class="rc-facts-note" id={note_id(facts[0])}>
                        <sup class="rc-mark" aria-hidden="true">{"*"}</sup>{" "}
                        {ui.fill(Msg::MixedSources, &[("fact", &ui.and_list(&names)), ("sources", sources)])}
                    </p>
                }
            }) }
            </div>
        </section>
    }
}
