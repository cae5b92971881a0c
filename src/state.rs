//! View state, its reducer, and the one decoder for settings that arrive as
//! URL fragment, query parameters or element attributes.

use std::rc::Rc;

use yew::Reducible;

use crate::data::{CategoryIx, Dataset, RoleIx};

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
    /// Every key, in the order the decoder's warning names them.
    pub const ALL: [&str; 5] = [CATEGORIES, HIDE, HIGHLIGHT, THEME, ROLES];
}

/// The values of `highlight` that mean on (an empty value: the attribute alone).
pub const HIGHLIGHT_ON: [&str; 3] = ["on", "", "true"];

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
    /// Column order: every role exactly once.
    pub role_order: Option<Vec<RoleIx>>,
}

/// A setting that was ignored, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub key: String,
    pub value: String,
    pub reason: String,
}

impl Settings {
    /// These settings, with `over`'s where it gives one.
    pub fn overridden_by(&self, over: Settings) -> Settings {
        Settings {
            shown: over.shown.or_else(|| self.shown.clone()),
            highlight: over.highlight.or(self.highlight),
            theme: over.theme.or(self.theme),
            role_order: over.role_order.or_else(|| self.role_order.clone()),
        }
    }
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
                settings.shown = Some(vec![true; dataset.categories.len()]);
                Ok(None)
            }
            keys::CATEGORIES | keys::HIDE => {
                decode_ids(value, dataset.categories.len(), |id| dataset.category_ix(id), "category").map(
                    |(listed, unknown)| {
                        let shown = if key == keys::HIDE { listed.iter().map(|h| !h).collect() } else { listed };
                        settings.shown = Some(shown);
                        unknown
                    },
                )
            }
            keys::ROLES => {
                decode_ids(value, dataset.roles.len(), |id| dataset.role_ix(id), "role").map(|(listed, unknown)| {
                    // Listed roles first, in the given order; the others keep theirs.
                    let mut order: Vec<RoleIx> = Vec::new();
                    for id in value.split(',').map(str::trim) {
                        if let Some(ix) = dataset.role_ix(id) {
                            if !order.contains(&ix) {
                                order.push(ix);
                            }
                        }
                    }
                    order.extend((0..dataset.roles.len()).filter(|ix| listed.get(*ix) == Some(&false)));
                    settings.role_order = Some(order);
                    unknown
                })
            }
            keys::THEME => Theme::parse(value.trim())
                .ok_or_else(|| format!("expected {}", Theme::ALL.map(Theme::as_str).join(", ")))
                .map(|theme| {
                    settings.theme = Some(theme);
                    None
                }),
            keys::HIGHLIGHT => match value.trim() {
                on if HIGHLIGHT_ON.contains(&on) => Ok(true),
                "off" | "false" => Ok(false),
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
    (settings, warnings)
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
}

/// What the reader is looking at.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewState {
    /// Which categories are shown, indexed by [`CategoryIx`].
    pub shown: Vec<bool>,
    /// Whether differences between roles are emphasised.
    pub highlight: bool,
    pub theme: Theme,
    /// Column order: every role exactly once.
    pub role_order: Vec<RoleIx>,
    /// The last change a reader made (announced to screen readers); `None`
    /// when the view was loaded from outside.
    pub last: Option<Change>,
}

pub enum Action {
    Toggle(CategoryIx),
    ShowAll,
    HideAll,
    ToggleHighlight,
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
    pub fn new(dataset: &Dataset) -> Self {
        Self {
            shown: vec![true; dataset.categories.len()],
            highlight: false,
            theme: Theme::Auto,
            role_order: (0..dataset.roles.len()).collect(),
            last: None,
        }
    }

    pub fn from_settings(settings: &Settings, dataset: &Dataset) -> Self {
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
        let default_order = (0..self.role_order.len()).collect();
        self.role_order =
            settings.role_order.clone().filter(|o| o.len() == self.role_order.len()).unwrap_or(default_order);
    }

    pub fn is_shown(&self, ix: CategoryIx) -> bool {
        self.shown.get(ix).copied().unwrap_or(false)
    }

    /// Ids of the shown categories, in dataset order.
    pub fn shown_ids<'d>(&self, dataset: &'d Dataset) -> Vec<&'d str> {
        dataset.categories.iter().zip(&self.shown).filter(|(_, s)| **s).map(|(c, _)| c.id.as_ref()).collect()
    }

    /// The URL fragment for this view, without `#`: what differs from `base`,
    /// the view the page starts with (its query string or attributes), so that
    /// the fragment laid over the same base reopens this view. Empty when the
    /// view is the base.
    pub fn to_fragment(&self, dataset: &Dataset, base: &ViewState) -> String {
        let mut parts = Vec::new();
        if self.shown != base.shown {
            let hidden: Vec<&str> =
                dataset.categories.iter().zip(&self.shown).filter(|(_, s)| !**s).map(|(c, _)| c.id.as_ref()).collect();
            parts.push(format!("hide={}", hidden.join(",")));
        }
        if self.highlight != base.highlight {
            parts.push(format!("highlight={}", if self.highlight { "on" } else { "off" }));
        }
        if self.theme != base.theme {
            parts.push(format!("theme={}", self.theme.as_str()));
        }
        if self.role_order != base.role_order {
            let ids: Vec<&str> = self.role_order.iter().map(|&r| dataset.roles[r].id.as_ref()).collect();
            parts.push(format!("roles={}", ids.join(",")));
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
                if before.role_order != after.role_order {
                    next.role_order = target.role_order;
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
