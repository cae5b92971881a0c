//! The public API of `<role-compare>` as one table: attributes (with the
//! property each reflects to), the event, the `::part` names and the `--rc-*`
//! custom properties. The element registers itself from these tables at run
//! time (`element.rs`), and `cargo xtask package` generates
//! `custom-elements.json` and `role-compare.d.ts` from them (`manifest.rs`);
//! tests check the stylesheet, the rendered widget and README against them.
//! Category and role ids come from the baked dataset, theme names from
//! [`Theme::ALL`]. Changing anything here is a change of the public API
//! (semver: see README, "Public API").

use crate::state::Theme;

/// Prose of the tables below (defaults and descriptions), for the manifest,
/// the types and the docs: compiled natively only, so none of it weighs on
/// the wasm (`prose!` drops the text there).
#[cfg(not(target_arch = "wasm32"))]
pub type Prose = &'static str;
/// Prose of the tables below: not compiled into the wasm.
#[cfg(target_arch = "wasm32")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prose;

#[cfg(not(target_arch = "wasm32"))]
macro_rules! prose {
    ($text:expr) => {
        $text
    };
}
#[cfg(target_arch = "wasm32")]
macro_rules! prose {
    ($text:expr) => {
        Prose
    };
}

/// The element's tag name: `role-compare`, or the build's `ROLE_COMPARE_TAG`.
pub use super::tag::TAG;
/// Dispatched (bubbles, composed) when the reader changes the view; its
/// `detail` is a [`View`](VIEW_PROPERTY).
pub const CHANGE_EVENT: &str = "role-compare-change";
pub const CHANGE_EVENT_DESCRIPTION: &str =
    "The reader changed the view (a toggle, Show all / Hide all, Highlight differences, a role picked, a fit question answered or the answers cleared). Bubbles and is composed; `detail` is the new view: `{categories, highlight, roles, comparison, answers}`. Not dispatched for changes made through attributes or properties.";
/// The read-only property holding the reader's current view.
pub const VIEW_PROPERTY: &str = "view";
pub const VIEW_DESCRIPTION: &str =
    "The reader's current view: `{categories, highlight, roles, comparison, answers}`, the shape of the `role-compare-change` event's `detail` (categories: the ids of the sections shown, in dataset order, `fit` last; answers: `{question, option, roles}` for each fit question answered). A new object on every read; after an attribute or property change it follows once the widget has re-rendered (asynchronously, as every render).";

/// What an attribute's value is, which fixes how it is decoded, how its
/// property reads and writes, and how the manifest and the types describe it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Values {
    /// Comma-separated category ids of the baked dataset; property: `string[]`.
    Categories,
    /// Comma-separated role ids of the baked catalogue: the roles compared,
    /// in column order; property: `string[]`.
    Roles,
    /// A comparison id of the baked catalogue; property: the same string.
    Comparison,
    /// Comma-separated role ids the picker offers (not a setting); property: `string[]`.
    RoleList,
    /// Present or absent, a feature switch (not a setting); property: boolean.
    Flag,
    /// One of [`Theme::ALL`]; property: the same string.
    Theme,
    /// `on` or `off` (no value: `on`); property: boolean (`false` removes the attribute).
    OnOff,
    /// Present or absent; property: boolean.
    Presence,
    /// A language (BCP 47) of the built-in datasets; property: the platform's
    /// own `HTMLElement.lang`.
    Lang,
    /// When the loader starts the wasm: [`LOADING_VALUES`]; property: the same string.
    Loading,
}

/// The values of the `loading` attribute; the first is the default.
pub const LOADING_VALUES: [&str; 2] = ["eager", "lazy"];

/// One observed attribute and the property that reflects to it.
#[derive(Clone, Copy, Debug)]
pub struct Attribute {
    pub name: &'static str,
    /// The property (camelCase) that reads the attribute's effect and writes the attribute.
    pub property: &'static str,
    pub values: Values,
    /// What applies when the attribute is absent or unusable, as prose.
    pub default: Prose,
    pub description: Prose,
}

impl Attribute {
    /// Whether the settings decoder reads it (not `sync-url`, `lang`,
    /// `loading`, `picker` and `picker-roles`, which the element reads).
    pub fn is_setting(&self) -> bool {
        !matches!(self.values, Values::Presence | Values::Lang | Values::Loading | Values::Flag | Values::RoleList)
    }

    /// Whether the element defines its property (`lang` is `HTMLElement`'s).
    pub fn defines_property(&self) -> bool {
        self.values != Values::Lang
    }
}

/// The attribute naming the language shown.
pub const LANG: &str = "lang";
/// The attribute saying when the loader starts the wasm (read by the loader, `xtask/src/dist.rs`).
pub const LOADING: &str = "loading";

/// Marks the element of the widget's own page that the page build fills
/// (`index.html`; the loaders look for it too: tests/constants.rs checks every copy).
pub const PAGE_MARKER: &str = "data-role-compare-page";

/// The query key of the widget's page that asks for the view made for an
/// embed's frame (`index.html?embed`: the title, the toolbar, At a glance
/// and a link to the full comparison; what oEmbed's markup frames).
/// `src/embed/first-paint.js` marks `<html data-rc-embed>` for it.
pub const EMBED: &str = "embed";
/// The embed view's link to the full comparison (`index.html`): the
/// prerender fills it per page, the page build per language it shows.
pub const EMBED_LINK: &str = "p.rc-embed-more > a";

/// The attribute that turns the role picker on.
pub const PICKER: &str = "picker";
/// The attribute listing the roles the picker offers.
pub const PICKER_ROLES: &str = "picker-roles";

/// Every observed attribute, in the order the docs list them.
pub const ATTRIBUTES: [Attribute; 10] = [
    Attribute {
        name: "comparison",
        property: "comparison",
        values: Values::Comparison,
        default: prose!("the catalogue's first comparison"),
        description: prose!("The comparison shown, by id. An unknown id shows no comparison (never another one): one console error names it and the ids the build has, and the element keeps its pasted fallback or shows a one-line notice."),
    },
    Attribute {
        name: "categories",
        property: "categories",
        values: Values::Categories,
        default: prose!("all categories"),
        description: prose!("Categories shown at start, comma-separated ids. Unknown ids are left out (one console warning); no usable id means all."),
    },
    Attribute {
        name: "theme",
        property: "theme",
        values: Values::Theme,
        default: prose!("auto"),
        description: prose!("Colour theme; `auto` follows `prefers-color-scheme`."),
    },
    Attribute {
        name: "roles",
        property: "roles",
        values: Values::Roles,
        default: prose!("the comparison's roles, in its order"),
        description: prose!("The roles compared: 2 to 4 comma-separated role ids of the catalogue, in column order, whether or not a comparison of them was written (then each role's own points, and key differences only where typed facts differ); wins over `comparison`. One id of the roles shown puts that role first. An unknown id, or more than 4, is an error as for `comparison`."),
    },
    Attribute {
        name: PICKER,
        property: "picker",
        values: Values::Flag,
        default: prose!("absent (on the widget's own pages: on)"),
        description: prose!("Present: each role column's head is a labelled select of the catalogue's roles (or of `picker-roles`), so the reader chooses what to compare."),
    },
    Attribute {
        name: PICKER_ROLES,
        property: "pickerRoles",
        values: Values::RoleList,
        default: prose!("every role of the catalogue"),
        description: prose!("The roles the picker offers, comma-separated ids (the roles shown are always offered). Unknown ids are left out with one console warning."),
    },
    Attribute {
        name: "highlight",
        property: "highlight",
        values: Values::OnOff,
        default: prose!("off"),
        description: prose!("Highlight what differs between the roles at start."),
    },
    Attribute {
        name: "sync-url",
        property: "syncUrl",
        values: Values::Presence,
        default: prose!("absent"),
        description: prose!("Present: keep the view in the page's URL fragment (back, forward, reload and shared links reopen it). Absent: never touch the page's URL."),
    },
    Attribute {
        name: LANG,
        property: "lang",
        values: Values::Lang,
        default: prose!("the closest `lang` around the element (across shadow roots, up to `<html lang>`), else the first built-in language"),
        description: prose!("The language shown (BCP 47). A language that is not built in shows the first one, with one console warning."),
    },
    Attribute {
        name: LOADING,
        property: "loading",
        values: Values::Loading,
        default: prose!("eager"),
        description: prose!("`eager`: the widget starts when the page loads. `lazy`: the loader fetches nothing until an element comes within about one viewport of being visible (a pasted fallback shows meanwhile), like `<img loading=\"lazy\">`; the page's elements start together only when every one is lazy. Read when the loader runs: a later change does nothing."),
    },
];

/// The attribute a property reflects to.
pub fn attribute_of_property(property: &str) -> Option<&'static Attribute> {
    ATTRIBUTES.iter().find(|a| a.property == property)
}

/// Names the element observes (`observedAttributes`).
pub fn observed_attributes() -> impl Iterator<Item = &'static str> {
    ATTRIBUTES.iter().map(|a| a.name)
}

/// A `::part()` name and what it styles.
#[derive(Clone, Copy, Debug)]
pub struct Part {
    pub name: &'static str,
    pub description: Prose,
}

/// Every part the widget exposes (the components set them as `part="…"`).
pub const PARTS: [Part; 13] = [
    Part { name: "root", description: prose!("The whole widget (its box, padding, colours).") },
    Part { name: "title", description: prose!("The heading with the dataset's title.") },
    Part { name: "facts", description: prose!("Quick facts: a row per typed fact, a column per role.") },
    Part { name: "picker", description: prose!("Each role column's role picker (a `<select>`, with `picker`).") },
    Part { name: "toolbar", description: prose!("The box of toggles and buttons.") },
    Part {
        name: "toggle",
        description: prose!("Each category toggle and the Highlight differences toggle (`aria-pressed`)."),
    },
    Part { name: "bulk-button", description: prose!("The Show all, Hide all and Clear answers buttons.") },
    Part { name: "glance", description: prose!("The At a glance summary.") },
    Part { name: "roles", description: prose!("The sticky row of role names.") },
    Part { name: "section", description: prose!("Each category's section, and the fit view's.") },
    Part { name: "fit", description: prose!("The \"Which fits you?\" section (also a `section`).") },
    Part { name: "key-difference", description: prose!("Each section's one-line key difference.") },
    Part { name: "footer", description: prose!("Sources and caveats.") },
];

/// A themeable colour: `--rc-<key>` for the light theme, `--rc-<key>-dark` for the dark one.
#[derive(Clone, Copy, Debug)]
pub struct Colour {
    pub key: &'static str,
    pub light: &'static str,
    pub dark: &'static str,
    pub description: Prose,
}

pub const COLOURS: [Colour; 12] = [
    Colour {
        key: "accent",
        light: "#0b5cad",
        dark: "#8cc4ff",
        description: prose!("Links, pressed toggles and other accents"),
    },
    Colour { key: "bg", light: "#ffffff", dark: "#15181c", description: prose!("Background") },
    Colour { key: "fg", light: "#1a1d21", dark: "#eceff3", description: prose!("Text") },
    Colour { key: "muted", light: "#4d5560", dark: "#b6bec9", description: prose!("Secondary text") },
    Colour { key: "surface", light: "#f3f5f8", dark: "#22272e", description: prose!("Toolbar and card background") },
    Colour { key: "border", light: "#c9d0d9", dark: "#4a525d", description: prose!("Borders") },
    Colour { key: "key", light: "#fff4d6", dark: "#3a3220", description: prose!("Key-difference background") },
    Colour { key: "diff", light: "#eef5fd", dark: "#1b2a3b", description: prose!("Background of highlighted cells") },
    Colour { key: "focus-color", light: "#b3261e", dark: "#ffb4a9", description: prose!("Focus ring") },
    Colour { key: "chart-a", light: "#0b5cad", dark: "#8cc4ff", description: prose!("First chart series") },
    Colour { key: "chart-b", light: "#b15b00", dark: "#ffb870", description: prose!("Second chart series") },
    Colour { key: "chart-c", light: "#1d7a4c", dark: "#7fd6a6", description: prose!("Third chart series") },
];

/// A public CSS custom property (set on `role-compare` or an ancestor).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CssProperty {
    /// With the leading `--`.
    pub name: String,
    /// The stylesheet's fallback when it is not set.
    pub default: &'static str,
    pub description: String,
}

/// Custom properties that are not colours: (name, default, description).
pub const OTHER_CSS_PROPERTIES: [(&str, &str, &str); 4] = [
    ("--rc-font", "inherit", "Font family (default: the page's)."),
    ("--rc-font-size", "medium", "Base font size (default: the reader's default size, whatever the page sets); everything scales with it."),
    ("--rc-corner", "0.5em", "Corner radius of boxes and buttons."),
    (
        "--rc-sticky-top",
        "0px",
        "Height of the host page's own sticky header (a length): the role names stick below it, and At a glance links scroll sections clear of both.",
    ),
];

/// Every public `--rc-*` custom property with its default.
#[cfg(not(target_arch = "wasm32"))]
pub fn css_properties() -> Vec<CssProperty> {
    let mut all: Vec<CssProperty> = OTHER_CSS_PROPERTIES
        .iter()
        .map(|(name, default, description)| CssProperty {
            name: (*name).to_owned(),
            default,
            description: (*description).to_owned(),
        })
        .collect();
    for c in COLOURS {
        all.push(CssProperty {
            name: format!("--rc-{}", c.key),
            default: c.light,
            description: format!("{} (light theme).", c.description),
        });
        all.push(CssProperty {
            name: format!("--rc-{}-dark", c.key),
            default: c.dark,
            description: format!("{} (dark theme).", c.description),
        });
    }
    all
}

/// The values of a [`Values::Theme`] attribute.
pub fn theme_names() -> impl Iterator<Item = &'static str> {
    Theme::ALL.iter().map(|t| t.as_str())
}
