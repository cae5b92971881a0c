//! View state, its reducer, and the one decoder for settings that arrive as
//! URL fragment, query parameters or element attributes.

use std::rc::Rc;

use yew::Reducible;

use crate::data::view::{self, Unknown};
use crate::data::{CategoryIx, Dataset, DatasetRef, RoleIx};

/// Longest setting value taken; longer ones are ignored as absurd. The
/// first-paint script (`src/embed/first-paint.js`) keeps the same limit,
/// tested against this one (xtask/src/first_paint.rs).
pub const MAX_VALUE_LEN: usize = 1000;

/// The settings' keys: the one table for this decoder, the first-paint script
/// (tested against it) and the first-paint CSS generated from it.
pub mod keys {
    pub const CATEGORIES: &str = "categories";
    pub const HIDE: &str = "hide";
    pub const HIGHLIGHT: &str = "highlight";
    pub const THEME: &str = "theme";
    pub const ROLES: &str = "roles";
    pub const COMPARISON: &str = "comparison";
    /// The fit view's answers: `question.option` pairs (`pay.1`), comma-separated.
    pub const ANSWERS: &str = "answers";
    /// Every key, in the order the decoder's warning names them.
    pub const ALL: [&str; 7] = [COMPARISON, ROLES, CATEGORIES, HIDE, HIGHLIGHT, THEME, ANSWERS];
}

/// The id of the "Which fits you?" section where `categories` and `hide` list
/// sections; its flag follows the categories' in [`ViewState::shown`].
pub const FIT_SECTION: &str = crate::data::fit::SECTION;

/// An answer as settings give it: a question id and an option's index.
pub type Answer = (String, u8);

/// The values of `highlight` that mean on (an empty value: the attribute alone).
pub const HIGHLIGHT_ON: [&str; 3] = ["on", "", "true"];
/// The values of `highlight` that mean off.
pub const HIGHLIGHT_OFF: [&str; 2] = ["off", "false"];

/// Colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// Every theme, as the `theme` setting names them.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Auto];

    /// The theme named `name` (`light`, `dark`, `auto`).
    pub fn parse(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Settings decoded from a fragment, query string or attributes. `None`: not given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    /// Which categories are shown, indexed by [`CategoryIx`].
    pub shown: Option<Vec<bool>>,
    pub highlight: Option<bool>,
    pub theme: Option<Theme>,
    /// Column order: every role of the view exactly once.
    pub role_order: Option<Vec<RoleIx>>,
    /// The roles shown, when a comparison or a set of roles was asked for.
    pub view: Option<DatasetRef>,
    /// A comparison or roles asked for that the build does not have: shown
    /// instead, never another comparison (see [`Unknown`]).
    pub unknown: Option<Unknown>,
    /// The fit view's answers (resolved against the view shown).
    pub answers: Option<Vec<Answer>>,
}

/// A setting that was ignored, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub key: String,
    pub value: String,
    pub reason: String,
}

impl Settings {
    /// The view these settings show: theirs, else `home` (the embedding's).
    /// What settings read on top of them (a fragment's answers, its one
    /// role of the view) are resolved against.
    pub fn view_or<'d>(&self, home: &'d Dataset) -> &'d Dataset {
        self.view.map_or(home, |v| v.0)
    }

    /// These settings, with `over`'s where it gives one.
    pub fn overridden_by(&self, over: Settings) -> Settings {
        Settings {
            shown: over.shown.or_else(|| self.shown.clone()),
            highlight: over.highlight.or(self.highlight),
            theme: over.theme.or(self.theme),
            role_order: over.role_order.or_else(|| self.role_order.clone()),
            view: over.view.or(self.view),
            unknown: over.unknown.or_else(|| self.unknown.clone()),
            answers: over.answers.or_else(|| self.answers.clone()),
        }
    }
}

/// The error when a widget is asked for what the build does not have: names
/// it and what the build has.
pub fn unknown_message(unknown: &Unknown, dataset: &Dataset) -> String {
    let catalogue = dataset.catalogue;
    let comparisons: Vec<&str> = catalogue.comparisons.iter().map(|c| c.id.as_ref()).collect();
    let roles: Vec<&str> = catalogue.roles.iter().map(|r| r.id.as_ref()).collect();
    let what = match unknown {
        Unknown::Comparison(id) => format!("there is no comparison \"{id}\" in this build"),
        Unknown::Role(id) => format!("there is no role \"{id}\" in this build"),
        Unknown::Count(n) => format!("roles names {n} roles; a comparison shows 2 to 4"),
    };
    format!(
        "role-compare: {what}, so nothing is shown in its place (never another comparison). This build has the \
         comparisons {} and the roles {}. If this page loads another build of role-compare, give every \
         comparison to one build (README: \"One build for a whole site\").",
        comparisons.join(", "),
        roles.join(", ")
    )
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "role-compare: bad {}=\"{}\": {}", self.key, self.value, self.reason)
    }
}

/// The compiled-in dataset for a BCP 47 tag (see [`crate::data::for_lang`]),
/// else `fallback`, with a warning on `key` (the attribute or URL parameter
/// that asked) naming the languages there are. No tag, or a blank one:
/// `fallback`, silently.
pub fn dataset_for(key: &str, lang: Option<String>, fallback: &'static Dataset) -> (&'static Dataset, Option<Warning>) {
    let Some(lang) = lang.filter(|l| !l.trim().is_empty()) else { return (fallback, None) };
    match crate::data::for_lang(&lang) {
        Some(dataset) => (dataset, None),
        None => {
            let have: Vec<&str> = crate::data::datasets().iter().map(|d| d.lang.as_ref()).collect();
            let reason = format!("no dataset in this build (built in: {}); showing {}", have.join(", "), fallback.lang);
            (fallback, Some(Warning { key: key.to_owned(), value: lang, reason }))
        }
    }
}

/// Decodes settings from `key=value` pairs (attributes, or a query string /
/// fragment split by [`parse_pairs`]). Never panics: whatever is wrong is left
/// out and reported as one [`Warning`] per key and value.
///
/// Keys: `categories` (ids shown), `hide` (ids hidden), `highlight`
/// (`on`/`off`), `theme` (`light`/`dark`/`auto`), `roles` (ids in column order).
pub fn decode_settings<K: AsRef<str>, V: AsRef<str>>(
    pairs: impl IntoIterator<Item = (K, V)>,
    dataset: &Dataset,
) -> (Settings, Vec<Warning>) {
    let mut settings = Settings::default();
    let mut warnings = Vec::new();
    // `comparison` and `roles` choose the view: resolved once all are read.
    let (mut comparison, mut roles, mut answers) = (None, None, None);
    // Sections: the categories, then the fit view.
    let sections = dataset.categories.len() + 1;
    let section_ix = |id: &str| dataset.category_ix(id).or((id == FIT_SECTION).then_some(sections - 1));
    for (key, value) in pairs {
        let (key, value) = (key.as_ref(), value.as_ref());
        let warn = |reason: String| Warning { key: key.to_owned(), value: value.to_owned(), reason };
        // A wholly unusable value falls back to the default.
        let unusable = |reason: String| format!("{reason}; using the default");
        if value.len() > MAX_VALUE_LEN {
            warnings.push(warn(unusable(format!("longer than {MAX_VALUE_LEN} characters"))));
            continue;
        }
        let result = match key {
            // An empty `hide=` hides nothing (a fragment for "everything shown").
            keys::HIDE if value.trim().is_empty() => {
                settings.shown = Some(vec![true; sections]);
                Ok(None)
            }
            keys::CATEGORIES | keys::HIDE => {
                decode_ids(value, sections, section_ix, "category").map(|(listed, unknown)| {
                    let shown = if key == keys::HIDE { listed.iter().map(|h| !h).collect() } else { listed };
                    settings.shown = Some(shown);
                    unknown
                })
            }
            keys::COMPARISON | keys::ROLES if value.trim().is_empty() => {
                Err(format!("no {} id given", if key == keys::ROLES { "role" } else { "comparison" }))
            }
            keys::COMPARISON => {
                comparison = Some(value.trim().to_owned());
                Ok(None)
            }
            keys::ROLES => {
                roles = Some(value.to_owned());
                Ok(None)
            }
            keys::THEME => Theme::parse(value.trim())
                .ok_or_else(|| format!("expected {}", Theme::ALL.map(Theme::as_str).join(", ")))
                .map(|theme| {
                    settings.theme = Some(theme);
                    None
                }),
            // Read against the view the settings choose, once it is known.
            keys::ANSWERS => {
                answers = Some(value.to_owned());
                Ok(None)
            }
            keys::HIGHLIGHT => match value.trim() {
                on if HIGHLIGHT_ON.contains(&on) => Ok(true),
                off if HIGHLIGHT_OFF.contains(&off) => Ok(false),
                _ => Err("expected on or off".to_owned()),
            }
            .map(|on| {
                settings.highlight = Some(on);
                None
            }),
            _ => Err(format!("unknown setting (known: {})", keys::ALL.join(", "))),
        };
        match result {
            Ok(None) => {}
            Ok(Some(reason)) => warnings.push(warn(reason)),
            Err(reason) => warnings.push(warn(unusable(reason))),
        }
    }
    choose_view(&mut settings, dataset, comparison.filter(|c| !c.is_empty()), roles);
    if let Some(value) = answers {
        let view = settings.view_or(dataset);
        let warn = |reason: String| Warning { key: keys::ANSWERS.to_owned(), value: value.clone(), reason };
        match decode_answers(&value, view) {
            Ok((answers, unknown)) => {
                settings.answers = Some(answers);
                warnings.extend(unknown.map(warn));
            }
            Err(reason) => warnings.push(warn(format!("{reason}; using none"))),
        }
    }
    (settings, warnings)
}

/// Resolves `comparison` and `roles` against the catalogue: 2–4 roles
/// choose those roles (in that column order) and win over a comparison; one
/// role of the view puts it first (0.2's column order); an unknown id is
/// [`Settings::unknown`], never a fallback to another comparison.
fn choose_view(settings: &mut Settings, dataset: &Dataset, comparison: Option<String>, roles: Option<String>) {
    let catalogue = dataset.catalogue;
    let mut shown = dataset;
    if let Some(id) = comparison {
        match catalogue.comparison_ix(&id) {
            Some(ix) => {
                let view = crate::data::view_of(catalogue, &catalogue.comparisons[ix].roles);
                settings.view = Some(view.into());
                shown = view;
            }
            None => settings.unknown = Some(Unknown::Comparison(id)),
        }
    }
    let Some(roles) = roles.filter(|r| !r.trim().is_empty()) else { return };
    let listed: Vec<&str> = roles.split(',').map(str::trim).filter(|id| !id.is_empty()).collect();
    match view::roles_of(catalogue, &roles) {
        Ok(chosen) => {
            let view = crate::data::view_of(catalogue, &chosen);
            let order = chosen.iter().filter_map(|&r| view.role_ix(&catalogue.roles[r].id)).collect();
            settings.view = Some(view.into());
            settings.role_order = Some(order);
        }
        // One role of the view: first, the others in their order.
        Err(Unknown::Count(1)) if shown.role_ix(listed[0]).is_some() => {
            let first = shown.role_ix(listed[0]).unwrap_or_default();
            let mut order = vec![first];
            order.extend((0..shown.roles.len()).filter(|&r| r != first));
            settings.role_order = Some(order);
        }
        Err(unknown) => settings.unknown = Some(unknown),
    }
}

/// Reads `question.option` pairs (`pay.1,hours.0`; empty: none) of the
/// questions `view` asks. `Ok((answers, Some(reason)))` when some were left
/// out; `Err` when none is usable.
fn decode_answers(value: &str, view: &Dataset) -> Result<(Vec<Answer>, Option<String>), String> {
    let mut answers: Vec<Answer> = Vec::new();
    let mut bad = Vec::new();
    for pair in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let answer = pair.rsplit_once('.').and_then(|(id, o)| Some((id, o.parse::<u8>().ok()?)));
        match answer {
            Some((id, o))
                if view.fit.iter().any(|q| q.id == id && usize::from(o) < q.options.len())
                    && !answers.iter().any(|(a, _)| a == id) =>
            {
                answers.push((id.to_owned(), o))
            }
            _ => bad.push(format!("\"{pair}\"")),
        }
    }
    if bad.is_empty() {
        return Ok((answers, None));
    }
    let reason = format!("{}: not among this view's questions and their options (or repeated)", bad.join(", "));
    match answers.is_empty() {
        true => Err(reason),
        false => Ok((answers, Some(format!("{reason}, left out")))),
    }
}

/// Reads a comma-separated id list into flags per index. `Ok((flags, Some(reason)))`
/// when some ids were unknown (the known ones still count); `Err` when none is usable.
fn decode_ids(
    value: &str,
    len: usize,
    lookup: impl Fn(&str) -> Option<usize>,
    what: &str,
) -> Result<(Vec<bool>, Option<String>), String> {
    let mut flags = vec![false; len];
    let mut unknown = Vec::new();
    let mut known = 0;
    for id in value.split(',').map(str::trim).filter(|id| !id.is_empty()) {
        match lookup(id) {
            Some(ix) => {
                flags[ix] = true;
                known += 1;
            }
            None => unknown.push(format!("\"{id}\"")),
        }
    }
    match (known, unknown.is_empty()) {
        (0, true) => Err(format!("no {what} id given")),
        (0, false) => Err(format!("unknown {what} id {}", unknown.join(", "))),
        (_, true) => Ok((flags, None)),
        (_, false) => Ok((flags, Some(format!("unknown {what} id {}, left out", unknown.join(", "))))),
    }
}

/// Splits a query string or fragment (`#hide=a,b&highlight=on`) into decoded pairs.
pub fn parse_pairs(s: &str) -> Vec<(String, String)> {
    let s = s.strip_prefix('#').or_else(|| s.strip_prefix('?')).unwrap_or(s);
    form_urlencoded::parse(s.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

/// Settings in a query string or fragment, each problem logged as one
/// console warning (page query string, URL fragment).
pub fn decode_logged(query: &str, dataset: &Dataset) -> Settings {
    let (settings, warnings) = decode_settings(parse_pairs(query), dataset);
    warnings.iter().for_each(Warning::log);
    settings
}

/// What changed last, for the live region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Category(CategoryIx, bool),
    All(bool),
    Highlight(bool),
    /// The reader chose other roles.
    Roles,
    /// The reader answered a fit question or cleared the answers (the
    /// tally's own live region says what follows).
    Answer,
}

/// What the reader is looking at.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewState {
    /// Which sections are shown: the categories, indexed by [`CategoryIx`],
    /// then the fit view ([`FIT_SECTION`]).
    pub shown: Vec<bool>,
    /// The chosen option of each of the view's fit questions.
    pub answers: Vec<Option<u8>>,
    /// Whether differences between roles are emphasised.
    pub highlight: bool,
    pub theme: Theme,
    /// Column order: every role of `dataset` exactly once.
    pub role_order: Vec<RoleIx>,
    /// The roles shown: the embedding's comparison, or the ones asked for.
    pub dataset: DatasetRef,
    /// The embedding's own comparison (shown when nothing else is asked for).
    pub home: DatasetRef,
    /// The last change a reader made (announced to screen readers); `None`
    /// when the view was loaded from outside.
    pub last: Option<Change>,
}

pub enum Action {
    Toggle(CategoryIx),
    ShowAll,
    HideAll,
    ToggleHighlight,
    /// The reader chose `option` of the view's fit question `question`.
    Answer {
        question: usize,
        option: u8,
    },
    /// The reader cleared the fit view's answers.
    ClearAnswers,
    /// The reader picked the catalogue's role `role` (index in the
    /// catalogue) for the column `column`: another view, the rest kept. A
    /// role already shown in another column swaps places with it.
    Pick {
        column: usize,
        role: RoleIx,
    },
    /// The embedding's comparison is now `home` (its language changed): the
    /// same roles are shown from it, in the same order.
    Home(DatasetRef),
    /// Replace the view from outside (start, URL fragment): what `Settings`
    /// leaves out takes its default.
    Load(Settings),
    /// The embedding's settings changed from `before` to `after` (an attribute
    /// changed): only what changed moves; the reader's other choices stay.
    Patch {
        before: Settings,
        after: Settings,
    },
}

impl ViewState {
    /// The default view of a dataset: every category shown, roles in dataset order.
    pub fn new(dataset: &'static Dataset) -> Self {
        Self {
            shown: vec![true; dataset.categories.len() + 1],
            answers: vec![None; dataset.fit.len()],
            highlight: false,
            theme: Theme::Auto,
            role_order: (0..dataset.roles.len()).collect(),
            dataset: dataset.into(),
            home: dataset.into(),
            last: None,
        }
    }

    pub fn from_settings(settings: &Settings, dataset: &'static Dataset) -> Self {
        let mut state = Self::new(dataset);
        state.apply(settings);
        state
    }

    /// Takes every setting given, and the default for every one not given.
    fn apply(&mut self, settings: &Settings) {
        let all = vec![true; self.shown.len()];
        self.shown = settings.shown.clone().filter(|s| s.len() == all.len()).unwrap_or(all);
        self.highlight = settings.highlight.unwrap_or(false);
        self.theme = settings.theme.unwrap_or_default();
        self.dataset = settings.view.unwrap_or(self.home);
        self.apply_order(settings.role_order.clone());
        self.apply_answers(settings.answers.as_deref().unwrap_or_default());
    }

    /// Takes the answers whose question the view asks and whose option it has.
    fn apply_answers(&mut self, answers: &[Answer]) {
        let fit = &self.dataset.fit;
        self.answers = fit
            .iter()
            .map(|q| {
                let chosen = answers.iter().find(|(id, _)| *id == q.id).map(|(_, o)| *o);
                chosen.filter(|&o| usize::from(o) < q.options.len())
            })
            .collect();
    }

    /// The answers carried to `to`, another view (other roles, another
    /// order, another language): an answer stays where `to` asks the same
    /// question (by id) with an option pointing to the same roles (by id),
    /// so a swap of columns or a language keeps them all; an answer whose
    /// roles are gone is dropped.
    fn answers_in(&self, to: &Dataset) -> Vec<Option<u8>> {
        let from: &Dataset = &self.dataset;
        // The same roles: as many, each of one among the other's (by id; no role twice).
        let same = |old: &[RoleIx], new: &[RoleIx]| {
            old.len() == new.len() && old.iter().all(|&r| new.iter().any(|&n| to.roles[n].id == from.roles[r].id))
        };
        to.fit
            .iter()
            .map(|q| {
                let (old, chosen) = from.fit.iter().zip(&self.answers).find(|(old, _)| old.id == q.id)?;
                let roles = &old.options.get(usize::from((*chosen)?))?.roles;
                q.options.iter().position(|o| same(roles, &o.roles)).map(|o| o as u8)
            })
            .collect()
    }

    /// The answers as settings give them.
    pub fn answer_pairs(&self) -> Vec<(&'static str, u8)> {
        let dataset: &'static Dataset = self.dataset.0;
        dataset.fit.iter().zip(&self.answers).filter_map(|(q, a)| a.map(|o| (q.id.as_ref(), o))).collect()
    }

    /// Takes a column order if it is one of the shown roles, else theirs.
    fn apply_order(&mut self, order: Option<Vec<RoleIx>>) {
        let n = self.dataset.roles.len();
        let valid = |o: &Vec<RoleIx>| o.len() == n && (0..n).all(|r| o.contains(&r));
        self.role_order = order.filter(valid).unwrap_or_else(|| (0..n).collect());
    }

    /// Ids of the shown roles, in column order.
    pub fn role_ids(&self) -> Vec<&'static str> {
        let dataset: &'static Dataset = self.dataset.0;
        self.role_order.iter().map(|&r| dataset.roles[r].id.as_ref()).collect()
    }

    /// The view after the reader picks `role` (a catalogue index) for `column`.
    fn picked(&self, column: usize, role: RoleIx) -> Option<ViewState> {
        let catalogue = self.dataset.catalogue;
        let mut ids: Vec<&str> = self.role_ids();
        let new_id = catalogue.roles.get(role)?.id.as_ref();
        let old_id = *ids.get(column)?;
        if old_id == new_id {
            return None;
        }
        // Shown elsewhere already: the two swap columns.
        if let Some(other) = ids.iter().position(|id| *id == new_id) {
            ids[other] = old_id;
        }
        ids[column] = new_id;
        let chosen: Vec<RoleIx> = ids.iter().filter_map(|id| catalogue.role_ix(id)).collect();
        let view = crate::data::view_of(catalogue, &chosen);
        let mut next = self.clone();
        next.dataset = view.into();
        next.apply_order(Some(ids.iter().filter_map(|id| view.role_ix(id)).collect()));
        next.answers = self.answers_in(view);
        next.last = Some(Change::Roles);
        Some(next)
    }

    pub fn is_shown(&self, ix: CategoryIx) -> bool {
        self.shown.get(ix).copied().unwrap_or(false)
    }

    /// Ids of the shown sections, in dataset order, the fit view last where
    /// the view shown has questions (its flag alone, without them, shows nothing).
    pub fn shown_ids(&self) -> Vec<&'static str> {
        let dataset: &'static Dataset = self.dataset.0;
        let mut ids: Vec<&str> =
            dataset.categories.iter().zip(&self.shown).filter(|(_, s)| **s).map(|(c, _)| c.id.as_ref()).collect();
        if !dataset.fit.is_empty() && self.is_shown(dataset.categories.len()) {
            ids.push(FIT_SECTION);
        }
        ids
    }

    /// The URL fragment for this view, without `#`: what differs from `base`,
    /// the view the page starts with (its query string or attributes), so that
    /// the fragment laid over the same base reopens this view. Empty when the
    /// view is the base.
    pub fn to_fragment(&self, dataset: &Dataset, base: &ViewState) -> String {
        let mut parts = Vec::new();
        if self.shown != base.shown {
            let ids = dataset.categories.iter().map(|c| c.id.as_ref()).chain([FIT_SECTION]);
            let hidden: Vec<&str> = ids.zip(&self.shown).filter(|(_, s)| !**s).map(|(id, _)| id).collect();
            parts.push(format!("hide={}", hidden.join(",")));
        }
        if self.highlight != base.highlight {
            parts.push(format!("highlight={}", if self.highlight { "on" } else { "off" }));
        }
        if self.theme != base.theme {
            parts.push(format!("theme={}", self.theme.as_str()));
        }
        if self.role_ids() != base.role_ids() {
            parts.push(format!("roles={}", self.role_ids().join(",")));
        }
        let answers = self.answer_pairs();
        if answers != base.answer_pairs() {
            let pairs: Vec<String> = answers.iter().map(|(id, o)| format!("{id}.{o}")).collect();
            parts.push(format!("{}={}", keys::ANSWERS, pairs.join(",")));
        }
        parts.join("&")
    }

    /// Whether the view (not the last change) is the same.
    pub fn same_view(&self, other: &Self) -> bool {
        Self { last: None, ..self.clone() } == Self { last: None, ..other.clone() }
    }
}

impl Reducible for ViewState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Toggle(ix) => {
                let Some(flag) = next.shown.get_mut(ix) else { return self };
                *flag = !*flag;
                next.last = Some(Change::Category(ix, *flag));
            }
            Action::ShowAll | Action::HideAll => {
                let on = matches!(action, Action::ShowAll);
                next.shown.iter_mut().for_each(|s| *s = on);
                next.last = Some(Change::All(on));
            }
            Action::ToggleHighlight => {
                next.highlight = !next.highlight;
                next.last = Some(Change::Highlight(next.highlight));
            }
            Action::Answer { question, option } => {
                let Some(answer) = next.answers.get_mut(question) else { return self };
                if *answer == Some(option) || usize::from(option) >= next.dataset.fit[question].options.len() {
                    return self;
                }
                *answer = Some(option);
                next.last = Some(Change::Answer);
            }
            Action::ClearAnswers => {
                if self.answers.iter().all(Option::is_none) {
                    return self;
                }
                next.answers.iter_mut().for_each(|a| *a = None);
                next.last = Some(Change::Answer);
            }
            Action::Pick { column, role } => match self.picked(column, role) {
                Some(picked) => next = picked,
                None => return self,
            },
            Action::Home(home) => {
                if home == self.home {
                    return self;
                }
                let ids = self.role_ids();
                let catalogue = home.catalogue;
                next.home = home;
                next.dataset = if self.dataset == self.home {
                    home
                } else {
                    let chosen: Vec<RoleIx> = ids.iter().filter_map(|id| catalogue.role_ix(id)).collect();
                    crate::data::view_of(catalogue, &chosen).into()
                };
                next.apply_order(Some(ids.iter().filter_map(|id| next.dataset.role_ix(id)).collect()));
                next.answers = self.answers_in(&next.dataset);
                next.last = None;
            }
            Action::Load(settings) => {
                next.apply(&settings);
                if next.same_view(&self) {
                    return self;
                }
                next.last = None;
            }
            Action::Patch { before, after } => {
                let mut target = next.clone();
                target.apply(&after);
                if before.shown != after.shown {
                    next.shown = target.shown;
                }
                if before.highlight != after.highlight {
                    next.highlight = target.highlight;
                }
                if before.theme != after.theme {
                    next.theme = target.theme;
                }
                if before.view != after.view {
                    next.dataset = target.dataset;
                    next.role_order = target.role_order;
                    next.answers = target.answers.clone();
                } else if before.role_order != after.role_order {
                    next.role_order = target.role_order;
                }
                if before.answers != after.answers {
                    next.answers = target.answers;
                }
                if next.same_view(&self) {
                    return self;
                }
                next.last = None;
            }
        }
        Rc::new(next)
    }
}

impl Warning {
    /// Logs the warning with `console.warn` (nothing outside a browser).
    pub fn log(&self) {
        #[cfg(target_arch = "wasm32")]
        gloo::console::warn!(self.to_string());
    }
}
