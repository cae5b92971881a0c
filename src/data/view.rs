//! A comparison as the widget shows it ([`Dataset`]), built from a
//! [`Catalogue`] for any 2–4 of its roles: an authored comparison's texts
//! where its roles are one's, else each role's own points and key differences
//! derived from typed facts by the UI table's templates, else none. Nothing
//! is invented: a category whose fact does not differ has no key difference.

use std::borrow::Cow;

use super::model::*;
use super::ui::Ui;
use super::{fit, Msg};

/// Which roles a view shows, and why a request for one could not be met.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unknown {
    /// No comparison has this id.
    Comparison(String),
    /// No role has this id.
    Role(String),
    /// Fewer than 2 or more than 4 distinct roles.
    Count(usize),
}

/// The authored comparison whose roles are exactly `roles` (in any order).
pub fn authored_for(catalogue: &Catalogue, roles: &[RoleIx]) -> Option<ComparisonIx> {
    // Both lists hold distinct roles: the same length and one within the other.
    let same = |have: &[RoleIx]| have.len() == roles.len() && have.iter().all(|r| roles.contains(r));
    catalogue.comparisons.iter().position(|c| same(&c.roles))
}

/// The roles of `ids` (comma separated): 2–4 known, distinct ids.
pub fn roles_of(catalogue: &Catalogue, ids: &str) -> Result<Vec<RoleIx>, Unknown> {
    let mut out = Vec::new();
    for id in ids.split(',').map(str::trim).filter(|id| !id.is_empty()) {
        let ix = catalogue.role_ix(id).ok_or_else(|| Unknown::Role(id.to_owned()))?;
        if !out.contains(&ix) {
            out.push(ix);
        }
    }
    if !ROLES_SHOWN.contains(&out.len()) {
        return Err(Unknown::Count(out.len()));
    }
    Ok(out)
}

/// The view of `roles` (catalogue indices, 2–4, distinct), in the authored
/// comparison's column order where they are one's, else in the given order.
pub fn build(catalogue: &'static Catalogue, roles: &[RoleIx]) -> Dataset {
    let authored = authored_for(catalogue, roles).map(|ix| &catalogue.comparisons[ix]);
    let order: Vec<RoleIx> = match authored {
        Some(c) => c.roles.to_vec(),
        None => roles.to_vec(),
    };
    let ui = Ui::new(&catalogue.ui, &catalogue.plural);
    let shown: Vec<&Role> = order.iter().map(|&r| &catalogue.roles[r]).collect();

    // Sources: those of the shown roles, in the catalogue's order, re-indexed.
    let used: Vec<SourceIx> =
        (0..catalogue.sources.len()).filter(|s| shown.iter().any(|r| r.sources.contains(s))).collect();
    let remap = |ix: SourceIx| used.iter().position(|&u| u == ix).unwrap_or(0);
    let roles: Vec<Role> = shown
        .iter()
        .map(|r| Role {
            fact_sources: Cow::Owned(r.fact_sources.iter().map(|&s| remap(s)).collect()),
            sources: Cow::Owned(r.sources.iter().map(|&s| remap(s)).collect()),
            ..(*r).clone()
        })
        .collect();

    let categories: Vec<Category> = catalogue
        .categories
        .iter()
        .enumerate()
        .map(|(ix, category)| {
            let texts = authored.and_then(|c| c.texts[ix].as_ref());
            let key_difference = match texts.and_then(|t| t.key_difference.clone()) {
                Some(k) => Some(k),
                None => category.key_fact.and_then(|fact| derive(ui, fact, &shown)),
            };
            Category {
                key_difference,
                entries: Cow::Owned(shown.iter().map(|r| r.points[ix].clone()).collect()),
                common: texts.map(|t| t.common.clone()).unwrap_or_default(),
                ..category.clone()
            }
        })
        .collect();

    let caveats: Vec<Caveat> = catalogue
        .caveats
        .iter()
        .enumerate()
        .filter(|(ix, c)| authored.is_some_and(|a| a.caveats.contains(ix)) || c.roles.iter().any(|r| order.contains(r)))
        .map(|(_, c)| c.clone())
        .collect();

    let (title, description) = match authored {
        Some(c) => (c.title.clone(), c.description.clone()),
        None => {
            let names: Vec<&str> = shown.iter().map(|r| r.name.as_ref()).collect();
            let running: Vec<&str> = shown.iter().map(|r| r.running_name.plural.as_ref()).collect();
            // "A vs. B"; three or four roles read as a list: "A, B and C".
            let title = match names.len() {
                2 => names.join(ui.text(Msg::Versus)),
                _ => ui.and_list(&names),
            };
            (Cow::Owned(title), Cow::Owned(ui.fill(Msg::DerivedDescription, &[("roles", &ui.and_list(&running))])))
        }
    };

    let sources: Vec<Source> = used.iter().map(|&s| catalogue.sources[s].clone()).collect();
    let fit = fit_questions(catalogue, ui, &order, &roles, &sources);

    Dataset {
        lang: catalogue.lang.clone(),
        dir: catalogue.dir,
        ui: catalogue.ui.clone(),
        plural: catalogue.plural.clone(),
        title,
        description,
        comparison: authored.map(|c| c.id.clone()),
        roles: Cow::Owned(roles),
        categories: Cow::Owned(categories),
        caveats: Cow::Owned(caveats),
        sources: Cow::Owned(sources),
        fit: Cow::Owned(fit),
        catalogue,
    }
}

/// The fit view's questions of `order` (catalogue roles, in the view's
/// order) with their texts: an authored option's text is its role's point, a
/// fact's is the fact as Quick facts gives it. `roles` and `sources` are the
/// view's (a role's sources already re-indexed to the view's).
fn fit_questions(
    catalogue: &Catalogue,
    ui: Ui<'_>,
    order: &[RoleIx],
    roles: &[Role],
    sources: &[Source],
) -> Vec<FitQuestion> {
    fit::plan(catalogue, order)
        .into_iter()
        .map(|planned| {
            let options = planned.options.iter().map(|(from, to)| (*from, Cow::Owned(to.clone())));
            match planned.kind {
                fit::Kind::Authored(q) => {
                    let question = &catalogue.fit[q];
                    let options = options
                        .map(|(o, to): (usize, List<RoleIx>)| {
                            let at = &question.options[o];
                            // An authored option points to its one role.
                            let role = &roles[to[0]];
                            FitOption {
                                text: role.points[at.category][at.point].clone(),
                                source: role.sources[0],
                                roles: to,
                            }
                        })
                        .collect();
                    FitQuestion { id: question.id.clone(), prompt: question.prompt.clone(), options, note: None }
                }
                fit::Kind::Fact(fact) => {
                    let (prompt, key) = match fact {
                        fit::FitFact::Setting => (Msg::FitSetting, Fact::Setting),
                        fit::FitFact::Training => (Msg::FitTraining, Fact::Degree),
                        fit::FitFact::Certification => (Msg::FitCertification, Fact::Certification),
                        fit::FitFact::Pay => (Msg::FitPay, Fact::MedianSalary),
                    };
                    let source = |at: usize| roles[at].fact_sources[key as usize];
                    let text = |at: usize| -> Text {
                        let f = &roles[at].facts;
                        match fact {
                            fit::FitFact::Setting => f.main_setting.clone(),
                            fit::FitFact::Certification => f.certification.clone(),
                            fit::FitFact::Training => Cow::Owned(ui.years(f.education_years + f.program_years)),
                            fit::FitFact::Pay => Cow::Owned(ui.dated(
                                Msg::FactYear,
                                "value",
                                &ui.money(f.median_salary_usd),
                                sources[source(at)].year,
                            )),
                        }
                    };
                    // Figures from different publishers or years: said beside them.
                    let figures = fact.figure(&roles[0]).is_some();
                    let mixed =
                        figures && (0..roles.len()).any(|at| !sources[source(at)].same_origin(&sources[source(0)]));
                    let options =
                        options.map(|(at, to)| FitOption { roles: to, text: text(at), source: source(at) }).collect();
                    FitQuestion {
                        id: Cow::Borrowed(fact.id()),
                        prompt: Cow::Owned(ui.text(prompt).to_owned()),
                        options: Cow::Owned(options),
                        note: mixed.then(|| Cow::Owned(ui.text(Msg::FitMixed).to_owned())),
                    }
                }
            }
        })
        .collect()
}

/// The roles with the highest and the lowest `value`, if they differ.
fn extremes<'a, T: PartialOrd + Copy>(roles: &[&'a Role], value: impl Fn(&Role) -> T) -> Option<(&'a Role, &'a Role)> {
    let mut hi = *roles.first()?;
    let mut lo = hi;
    for &r in roles {
        if value(r) > value(hi) {
            hi = r;
        }
        if value(r) < value(lo) {
            lo = r;
        }
    }
    (value(hi) != value(lo)).then_some((hi, lo))
}

/// A key difference drawn from a typed fact, or `None` where the roles do
/// not differ in it.
pub fn derive(ui: Ui<'_>, fact: KeyFact, roles: &[&Role]) -> Option<Text> {
    let running = |r: &Role| r.running_name.plural.to_string();
    let text = match fact {
        KeyFact::Salary => {
            let (hi, lo) = extremes(roles, |r| r.facts.median_salary_usd)?;
            let (h, l) = (hi.facts.median_salary_usd, lo.facts.median_salary_usd);
            let percent = ui.percent(super::ui::whole_percent(h - l, l));
            ui.fill(
                Msg::SalaryMore,
                &[("higher", &running(hi)), ("gap", &ui.money(h - l)), ("percent", &percent), ("lower", &running(lo))],
            )
        }
        KeyFact::Training => {
            let years = |r: &Role| r.facts.education_years + r.facts.program_years;
            let (hi, lo) = extremes(roles, years)?;
            // No accredited program on the longer side: the sentence names none.
            let msg = if hi.facts.program_years == 0 { Msg::KeyTrainingDegree } else { Msg::KeyTraining };
            ui.fill(
                msg,
                &[
                    ("longer", &running(hi)),
                    ("long", &ui.years(years(hi))),
                    ("shorter", &running(lo)),
                    ("short", &ui.years(years(lo))),
                ],
            )
        }
        KeyFact::Experience => {
            let span = |r: &Role| u16::from(r.facts.experience_years.min) + u16::from(r.facts.experience_years.max);
            let (hi, lo) = extremes(roles, span)?;
            let years = |r: &Role| match r.facts.experience_years {
                YearRange { max: 0, .. } => ui.text(Msg::NoExperience).to_owned(),
                YearRange { min, max } => ui.year_span(min, max),
            };
            ui.fill(
                Msg::KeyExperience,
                &[
                    ("more", &running(hi)),
                    ("more_years", &years(hi)),
                    ("less", &running(lo)),
                    ("less_years", &years(lo)),
                ],
            )
        }
        KeyFact::Setting | KeyFact::Certification => {
            let value = |r: &Role| match fact {
                KeyFact::Setting => r.facts.main_setting.clone(),
                _ => r.facts.certification.clone(),
            };
            if roles.iter().all(|r| value(r) == value(roles[0])) {
                return None;
            }
            let lines: Vec<String> =
                roles.iter().map(|r| ui.fill(Msg::FactLine, &[("role", &r.name), ("value", &value(r))])).collect();
            let (msg, slot) = match fact {
                KeyFact::Setting => (Msg::KeySetting, "settings"),
                _ => (Msg::KeyCertification, "certifications"),
            };
            ui.fill(msg, &[(slot, &lines.join(" "))])
        }
    };
    Some(Cow::Owned(text))
}

/// Parses and checks a catalogue file and gives its default view (its first
/// comparison): for tests and tools that look at one comparison. The
/// catalogue is leaked: it lives as long as the views made from it.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_dataset(file: &str, json: &str) -> Result<Dataset, super::validate::DatasetError> {
    let catalogue: &'static Catalogue = Box::leak(Box::new(super::validate::parse_catalogue(file, json)?));
    Ok(build(catalogue, &catalogue.comparisons[0].roles))
}

/// [`parse_dataset`] for the files of one build (see `validate::parse_catalogues`).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_datasets(files: &[(String, String)]) -> Result<Vec<Dataset>, super::validate::DatasetError> {
    let catalogues = super::validate::parse_catalogues(files)?;
    Ok(catalogues
        .into_iter()
        .map(|c| {
            let c: &'static Catalogue = Box::leak(Box::new(c));
            build(c, &c.comparisons[0].roles)
        })
        .collect())
}
