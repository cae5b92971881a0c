//! The view a link or the attributes ask for, in the very first paint, before
//! the wasm has run: CSS generated at build time from the dataset's ids.
//!
//! - The widget's own page (iframe, stand-alone file): `src/embed/first-paint.js`,
//!   a render-blocking classic script, copies the query string's and the
//!   fragment's settings onto `<html>` as `data-rc-categories`, `data-rc-hide`,
//!   `data-rc-highlight`, `data-rc-theme`, `data-rc-roles` (ids space-separated);
//!   the `html[data-rc-…]` rules below honour them.
//! - `<role-compare>` over its pasted fallback: the `:host([categories=…])`
//!   rules read the element's own attributes (comma lists, matched as exact
//!   tokens); no script at all.
//!
//! Every rule applies only to a widget that is not live (`.rc:not(.rc-live)`):
//! the render in which the wasm applies the view to the markup is the one that
//! adds `rc-live`, so the wasm takes over without a visible change. Decoding
//! proper stays in Rust (`src/state.rs`); `tests/e2e/tests/first_paint.rs`
//! checks that both show the same view.

use role_compare::data::Catalogue;
use role_compare::state::{keys, FIT_SECTION, HIGHLIGHT_ON};

use crate::Result;

/// Where the settings are read from: attributes on `<html>` set by the early
/// script, or the custom element's own attributes.
#[derive(Clone, Copy)]
enum Source {
    Page,
    Host,
}

impl Source {
    /// Selector of the settings' holder that matches when `attribute` holds `id`.
    fn has(self, attribute: &str, id: &str) -> String {
        match self {
            // Space-separated by the early script.
            Source::Page => format!("[data-rc-{attribute}~=\"{id}\"]"),
            // A comma list as the reader wrote it: `a,b`, or `a, b`.
            Source::Host => [
                format!("[{attribute}=\"{id}\"]"),
                format!("[{attribute}^=\"{id},\"]"),
                format!("[{attribute}$=\",{id}\"]"),
                format!("[{attribute}*=\",{id},\"]"),
                format!("[{attribute}$=\", {id}\"]"),
                format!("[{attribute}*=\", {id},\"]"),
            ]
            .join(","),
        }
    }

    /// Selector of the settings' holder that matches when `attribute` lists `id` first.
    fn first(self, attribute: &str, id: &str) -> String {
        match self {
            Source::Page => format!("[data-rc-{attribute}=\"{id}\"],[data-rc-{attribute}^=\"{id} \"]"),
            Source::Host => format!("[{attribute}=\"{id}\"],[{attribute}^=\"{id},\"]"),
        }
    }

    fn attribute(self, attribute: &str) -> String {
        match self {
            Source::Page => format!("data-rc-{attribute}"),
            Source::Host => attribute.to_owned(),
        }
    }

    /// The settings' holder when it matches `condition` (a compound selector).
    fn holder(self, condition: &str) -> String {
        match self {
            Source::Page => format!("html{condition}"),
            Source::Host => format!(":host({condition})"),
        }
    }

    /// The widget, not yet live, whose holder matches `condition`.
    fn widget(self, condition: &str) -> String {
        format!("{} {NOT_LIVE}", self.holder(condition))
    }
}

/// A look the live widget takes from a class on its root (`RoleCompare`
/// sets them from the view), and the settings that ask for it before the wasm.
struct State {
    class: &'static str,
    /// The holder's condition (a compound selector) under which the root counts as having `class`.
    asked: fn(Source) -> String,
}

const STATES: [State; 3] = [
    State { class: "rc-highlight", asked: highlight_on },
    State { class: "rc-theme-light", asked: |s| format!("[{}=\"light\"]", s.attribute(keys::THEME)) },
    State { class: "rc-theme-dark", asked: |s| format!("[{}=\"dark\"]", s.attribute(keys::THEME)) },
];

/// The holder asks for highlighting.
fn highlight_on(source: Source) -> String {
    let attribute = source.attribute(keys::HIGHLIGHT);
    format!(":is({})", HIGHLIGHT_ON.map(|v| format!("[{attribute}=\"{v}\"]")).join(","))
}

/// The live highlight toggle's pressed look is the pressed toggle's.
const PRESSED: &str = ".rc-toggle[aria-pressed=\"true\"]";

/// The root, not yet live: what a state class becomes in a first-paint rule.
const NOT_LIVE: &str = ".rc:not(.rc-live)";

/// The rules, for every category and role id of `catalogues` (one per
/// language: every comparison's page and fallback, and any set of roles,
/// is covered, whichever roles it shows), deriving the
/// highlighted and themed looks from the widget's stylesheet `css` (so they
/// cannot drift apart): every rule of it, in its `@supports`/`@media`
/// context, that a state class of the root selects (`.rc-highlight`,
/// `.rc-theme-dark`, … or their negation) gets its copy for the settings that
/// ask for that state, so a browser that takes a fallback branch paints first
/// what the live widget will show.
pub fn css(catalogues: &[Catalogue], css: &str) -> Result<String> {
    let sheet = rc_css::rules(css)?;
    let mut out = String::from(
        "\n/* First paint: the view asked for by the URL (page) or the attributes\n \
         * (custom element over its fallback), until the wasm takes over.\n \
         * Generated by xtask/src/first_paint.rs from the dataset's ids. */\n",
    );
    // The sections: the categories, then the fit view.
    let ids = unique(catalogues.iter().flat_map(|d| d.categories.iter().map(|c| c.id.as_ref())).chain([FIT_SECTION]));
    let roles = unique(catalogues.iter().flat_map(|d| d.roles.iter().map(|r| r.id.as_ref())));
    // A Quick facts row's label stays first when a role's cells are put first below.
    out += &rule(format!("{NOT_LIVE} .rc-facts-label"), "order: -2;");
    for source in [Source::Page, Source::Host] {
        let categories = source.attribute(keys::CATEGORIES);
        // `categories` counts only with at least one known id (else: all shown).
        let any_known = ids.iter().map(|id| source.has(keys::CATEGORIES, id)).collect::<Vec<_>>().join(",");
        for id in &ids {
            let mut hidden = vec![
                source.widget(&format!("[{categories}]:is({any_known}):not({})", source.has(keys::CATEGORIES, id)))
            ];
            if let Source::Page = source {
                hidden.push(source.widget(&source.has(keys::HIDE, id)));
            }
            let each = |inner: &str| hidden.iter().map(|w| format!("{w} {inner}")).collect::<Vec<_>>().join(",\n");
            out += &rule(each(&format!(":is(.rc-section, .rc-glance li)[data-category=\"{id}\"]")), "display: none;");
            // Its toggle looks not pressed.
            out += &rule(
                each(&format!(".rc-toggle[data-category=\"{id}\"]")),
                "background: var(--rc-bg-color); color: var(--rc-fg-color);",
            );
            out += &rule(each(&format!(".rc-toggle[data-category=\"{id}\"] .rc-toggle-mark")), "background: none;");
        }
        // The count is text only the wasm can write: kept out of sight meanwhile.
        let any_setting = match source {
            Source::Page => format!(":is([data-rc-{}],[data-rc-{}])", keys::CATEGORIES, keys::HIDE),
            Source::Host => format!("[{}]", keys::CATEGORIES),
        };
        out += &rule(format!("{} .rc-count", source.widget(&any_setting)), "visibility: hidden;");
        if let Source::Page = source {
            // Every category hidden (a link copied after "Hide all").
            let all: String = ids.iter().map(|id| source.has(keys::HIDE, id)).collect();
            out += &rule(format!("{} .rc-glance", source.widget(&all)), "display: none;");
            out += &rule(format!("{} .rc-empty[hidden]", source.widget(&all)), "display: block !important;");
        }
        for derived in derive(&sheet, source)? {
            out.push_str(&derived);
        }
        if let Source::Page = source {
            out.push_str(&chosen_answers(&sheet, catalogues));
        }
        if let Source::Page = source {
            for theme in ["light", "dark"] {
                // The page around the widget follows its theme (assets/page.css).
                out.push_str(&format!(
                    "html[data-rc-{}=\"{theme}\"]:has({NOT_LIVE}) {{ color-scheme: {theme}; }}\n",
                    keys::THEME
                ));
            }
        }
        // A widget that failed to start (the loader marks its element, or the
        // page) hides the toggles that would never work.
        out += &rule(format!("{} .rc-toolbar", source.widget("[data-rc-failed]")), "display: none;");
        // Column and chart-row order: the role listed first comes first.
        for id in &roles {
            out += &rule(
                format!(
                    "{} :is(.rc-role-head, .rc-cell, .rc-bar-row, .rc-fact)[data-role=\"{id}\"]",
                    source.widget(&format!(":is({})", source.first(keys::ROLES, id)))
                ),
                "order: -1;",
            );
        }
    }
    Ok(out)
}

/// The first-paint copies of the stylesheet's state rules, for `source`, each
/// in its rule's at-rule context:
/// - a selector naming a state class (`.rc-theme-dark`, `.rc-highlight`):
///   the class becomes the root not yet live, under the holder that asks for it;
/// - one negating it (`.rc:where(:not(.rc-theme-light))`), which the not-live
///   root matches even when that state is asked: under the holder that asks,
///   the declarations it overrode are put back (those of the same selector
///   without the negation, in a context that holds wherever the rule's does);
/// - the pressed toggle's look, for the highlight toggle when highlighting is asked.
fn derive(sheet: &[rc_css::Rule], source: Source) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (at, r) in sheet.iter().enumerate() {
        let mut copies: Vec<(String, String)> = Vec::new();
        for s in &r.selectors {
            for state in &STATES {
                let asked = source.holder(&(state.asked)(source));
                if s.has_class(state.class) && s.negates_class(state.class) {
                    return Err(format!("first paint: {} both names and negates .{}", s.text, state.class).into());
                }
                if s.has_class(state.class) {
                    let copy = replace_class(&s.text, state.class, NOT_LIVE);
                    let body = r.declarations.iter().map(|d| d.css()).collect::<Vec<_>>().join("; ");
                    copies.push((format!("{asked} {copy}"), body));
                } else if s.negates_class(state.class) {
                    let without = [format!(":where(:not(.{}))", state.class), format!(":not(.{})", state.class)]
                        .iter()
                        .fold(s.text.clone(), |t, n| t.replace(n.as_str(), ""));
                    if without.contains(&format!(".{}", state.class)) || !has_class_token(&without, "rc") {
                        return Err(format!("first paint: cannot read the negation in {}", s.text).into());
                    }
                    let body = restored(sheet, at, &without)?;
                    copies.push((format!("{asked} {}", replace_class(&without, "rc", NOT_LIVE)), body));
                }
            }
            if let Some(tail) =
                s.text.strip_prefix(PRESSED).filter(|t| t.is_empty() || t.starts_with([' ', '.', '[', ':']))
            {
                let on = source.holder(&highlight_on(source));
                let body = r.declarations.iter().map(|d| d.css()).collect::<Vec<_>>().join("; ");
                copies.push((format!("{on} {NOT_LIVE} .rc-highlight-toggle{tail}"), body));
            }
        }
        for (selector, body) in copies {
            let mut rule = format!("{selector} {{ {body}; }}");
            for at_rule in r.context.iter().rev() {
                rule = format!("{at_rule} {{ {rule} }}");
            }
            out.push(rule + "\n");
        }
    }
    Ok(out)
}

/// The look of a chosen fit option (every rule of the stylesheet naming
/// `.rc-fit-chosen`, in its context) for each answer a link may give
/// (`answers=pay.1`): every question a view of `catalogues` may ask, every
/// option it may have. The radio itself is checked by the live render.
fn chosen_answers(sheet: &[rc_css::Rule], catalogues: &[Catalogue]) -> String {
    const CHOSEN: &str = "rc-fit-chosen";
    let questions = unique(
        catalogues.iter().flat_map(|c| c.fit.iter().map(|q| q.id.as_ref())).chain(role_compare::data::fit::FACT_IDS),
    );
    let mut out = String::new();
    for r in sheet.iter().filter(|r| r.selectors.iter().any(|s| s.has_class(CHOSEN))) {
        let mut selectors = Vec::new();
        for s in r.selectors.iter().filter(|s| s.has_class(CHOSEN)) {
            for id in &questions {
                for option in 0..4 {
                    let answer = format!("{id}.{option}");
                    let option = format!(".rc-fit-option[data-answer=\"{answer}\"]");
                    let holder = Source::Page.widget(&Source::Page.has(keys::ANSWERS, &answer));
                    selectors.push(format!("{holder} {}", replace_class(&s.text, CHOSEN, &option)));
                }
            }
        }
        let body = r.declarations.iter().map(|d| d.css()).collect::<Vec<_>>().join("; ");
        let mut rule = format!("{} {{ {body}; }}", selectors.join(",\n"));
        for at_rule in r.context.iter().rev() {
            rule = format!("{at_rule} {{ {rule} }}");
        }
        out.push_str(&(rule + "\n"));
    }
    out
}

/// The declarations of the rule at `at` that the cascade would have used
/// without it: for each of its properties, the last earlier declaration by a
/// rule with selector `selector` whose context holds wherever this one's does
/// (a prefix of it).
fn restored(sheet: &[rc_css::Rule], at: usize, selector: &str) -> Result<String> {
    let rule = &sheet[at];
    let mut body = Vec::new();
    for d in &rule.declarations {
        // The last one: the rules and their declarations read backwards.
        let earlier = sheet[..at]
            .iter()
            .rev()
            .filter(|e| rule.context.starts_with(&e.context) && e.selectors.iter().any(|s| s.text == selector))
            .flat_map(|e| e.declarations.iter().rev())
            .find(|e| e.property == d.property)
            .ok_or_else(|| {
                format!("first paint: no rule {selector} says what {} is without the negation", d.property)
            })?;
        body.push(earlier.css());
    }
    Ok(body.join("; "))
}

/// Whether `selector` names `.class` as a whole class token.
fn has_class_token(selector: &str, class: &str) -> bool {
    replace_class(selector, class, "\u{0}") != selector
}

/// `selector` with every `.class` token (not a longer class starting with the
/// same letters) replaced by `with`.
fn replace_class(selector: &str, class: &str, with: &str) -> String {
    let token = format!(".{class}");
    let mut out = String::new();
    let mut rest = selector;
    while let Some(i) = rest.find(&token) {
        let after = &rest[i + token.len()..];
        out.push_str(&rest[..i]);
        if after.starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_') {
            out.push_str(&token);
        } else {
            out.push_str(with);
        }
        rest = after;
    }
    out + rest
}

/// One rule, on its own line.
fn rule(selector: String, body: &str) -> String {
    format!("{selector} {{ {body} }}\n")
}

/// The ids in first-seen order, each once.
fn unique<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for id in ids {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use role_compare::data::{baked, catalogues};
    use role_compare::state::MAX_VALUE_LEN;

    const CSS: &str = include_str!("../../assets/role-compare.css");

    fn generated() -> String {
        css(catalogues(), CSS).unwrap()
    }

    #[test]
    fn every_category_has_its_page_and_host_rules() {
        let css = generated();
        if std::env::var_os("PRINT_CSS").is_some() {
            println!("{css}");
        }
        for c in baked().categories.iter() {
            let id = c.id.as_ref();
            assert!(css.contains(&format!("[data-rc-hide~=\"{id}\"]")), "{id}");
            assert!(css.contains(&format!(":not([categories=\"{id}\"],[categories^=\"{id},\"]")), "{id}");
            assert!(css.contains(&format!(":is(.rc-section, .rc-glance li)[data-category=\"{id}\"]")), "{id}");
        }
        // Only a widget that is not live is touched, and the result parses.
        for line in css.lines().filter(|l| l.contains('{')) {
            assert!(line.contains(NOT_LIVE), "{line}");
        }
        let rules = rc_css::rules(&css).unwrap();
        assert!(rules.len() > 40, "{}", rules.len());
    }

    /// Every comparison's page and fallback shows some of the catalogue's
    /// roles: each role of every catalogue, not only the default view's, has
    /// its column-order rule for the page and for the element.
    #[test]
    fn every_role_of_the_catalogue_has_its_order_rules() {
        let css = generated();
        let roles: Vec<&str> = catalogues().iter().flat_map(|c| c.roles.iter().map(|r| r.id.as_ref())).collect();
        assert!(roles.len() > baked().roles.len(), "the catalogue has more roles than the default view");
        // Put first by `order: -1`, a role's Quick facts cells stay after their row's label.
        assert!(css.contains(".rc:not(.rc-live) .rc-facts-label { order: -2; }"));
        for id in roles {
            let order = format!(")[data-role=\"{id}\"] {{ order: -1; }}");
            assert_eq!(css.matches(&order).count(), 2, "{id}: one rule for the page, one for the element");
            assert!(css.contains(&format!("html:is([data-rc-roles=\"{id}\"],[data-rc-roles^=\"{id} \"])")), "{id}");
            assert!(css.contains(&format!(":host(:is([roles=\"{id}\"],[roles^=\"{id},\"]))")), "{id}");
        }
    }

    /// One derived rule of `derive` for `stylesheet`, as (context, selector, body).
    fn derived(stylesheet: &str, source: Source) -> Vec<(Vec<String>, Vec<String>, Vec<String>)> {
        let out = derive(&rc_css::rules(stylesheet).unwrap(), source).unwrap().concat();
        rc_css::rules(&out)
            .unwrap()
            .into_iter()
            .map(|r| {
                (
                    r.context,
                    r.selectors.into_iter().map(|s| s.text).collect(),
                    r.declarations.iter().map(|d| d.css()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn a_state_rule_is_copied_for_the_settings_that_ask_for_it_in_its_context() {
        let on = "html:is([data-rc-highlight=\"on\"], [data-rc-highlight=\"\"], [data-rc-highlight=\"true\"])";
        assert_eq!(
            derived(
                "@media print { .rc-highlight .a { color: red } } .rc-highlight-toggle { color: red }",
                Source::Page
            ),
            [(
                vec!["@media print".to_owned()],
                vec![format!("{on} .rc:not(.rc-live) .a")],
                vec!["color: red".to_owned()]
            )],
            "in its context; a class that merely starts with the same letters is not the state"
        );
        assert_eq!(
            derived("@supports not (color: red) { .rc:where(.rc-theme-dark) { --x: 1px } }", Source::Host),
            [(
                vec!["@supports not (color: red)".to_owned()],
                vec![":host([theme=\"dark\"]) .rc:where(.rc:not(.rc-live))".to_owned()],
                vec!["--x: 1px".to_owned()]
            )]
        );
        assert_eq!(
            derived(".rc-toggle[aria-pressed=\"true\"] .m { color: red }", Source::Page)[0].1,
            [format!("{on} .rc:not(.rc-live) .rc-highlight-toggle .m")]
        );
    }

    #[test]
    fn a_negated_state_puts_back_what_it_overrode_when_that_state_is_asked() {
        let sheet = ".rc { --x: 1px; --y: 2px } .rc { --x: 4px } @supports (color: red) { .rc { --x: 9px } }
            @supports not (color: red) { @media (prefers-color-scheme: dark) { .rc:where(:not(.rc-theme-light)) { --x: 3px } } }";
        assert_eq!(
            derived(sheet, Source::Page),
            [(
                vec!["@supports not (color: red)".to_owned(), "@media (prefers-color-scheme: dark)".to_owned()],
                vec!["html[data-rc-theme=\"light\"] .rc:not(.rc-live)".to_owned()],
                // The last that holds there: not the 9px of a context that does not.
                vec!["--x: 4px".to_owned()]
            )]
        );
        let err = derive(&rc_css::rules(".rc:not(.rc-theme-light) { --z: 1px }").unwrap(), Source::Page).unwrap_err();
        assert!(err.to_string().contains("--z"), "{err}");
    }

    /// As a browser at the floor reads the result (no `light-dark()`: the
    /// `@supports not` branch): every rule of the stylesheet that a state
    /// class selects has, for the page and for the element, a copy in the same
    /// context that sets the same properties when the state is asked.
    #[test]
    fn every_state_rule_of_the_stylesheet_has_its_first_paint_copy_in_its_context() {
        let sheet = rc_css::rules(CSS).unwrap();
        let out = rc_css::rules(&generated()).unwrap();
        let mut checked = 0;
        for r in &sheet {
            for state in &STATES {
                if !r.selectors.iter().any(|s| s.has_class(state.class) || s.negates_class(state.class)) {
                    continue;
                }
                for source in [Source::Page, Source::Host] {
                    let asked = source.holder(&(state.asked)(source));
                    let properties =
                        |r: &rc_css::Rule| r.declarations.iter().map(|d| d.property.clone()).collect::<Vec<_>>();
                    // The holder as the parser writes it, first in the copy's selector.
                    let holder = rc_css::rules(&format!("{asked} {{}}")).unwrap()[0].selectors[0].text.clone();
                    let copy = out.iter().find(|o| {
                        o.context == r.context
                            && o.selectors.iter().any(|s| s.text.starts_with(&holder))
                            && properties(o) == properties(r)
                    });
                    assert!(copy.is_some(), "no first-paint copy of {:?} {:?} for {asked}", r.context, r.selectors);
                    checked += 1;
                }
            }
        }
        // The highlight rules, both themes and the two floor branches of the dark theme.
        assert!(checked >= 2 * 8, "{checked}");
        // The floor's dark theme asked on a light-preferring reader, and the light one on a dark-preferring reader.
        let floor = |asked: &str, media: bool| {
            out.iter()
                .find(|o| {
                    o.context.first().is_some_and(|c| c.starts_with("@supports not (color: light-dark("))
                        && (o.context.len() == 2) == media
                        && o.selectors.iter().any(|s| s.text.starts_with(asked))
                })
                .map(|o| o.declarations.iter().map(|d| d.css()).collect::<Vec<_>>())
                .unwrap_or_else(|| panic!("no floor rule for {asked}"))
        };
        let dark = floor("html[data-rc-theme=\"dark\"]", false);
        assert!(dark.iter().any(|d| d.starts_with("--rc-bg-color: var(--rc-bg-dark,")), "{dark:?}");
        let light = floor("html[data-rc-theme=\"light\"]", true);
        assert!(light.iter().any(|d| d.starts_with("--rc-bg-color: var(--rc-bg,")), "{light:?}");
        assert_eq!(light.len(), dark.len());
    }

    /// `src/embed/first-paint.js`, run by Node on `search` and `hash`: the
    /// attributes it puts on `<html>`.
    fn first_paint_js(search: &str, hash: &str) -> serde_json::Value {
        let script = format!(
            "const attrs = {{}};
             globalThis.location = {{ search: {search:?}, hash: {hash:?} }};
             globalThis.document = {{
               documentElement: {{ setAttribute: (k, v) => {{ attrs[k] = v; }} }},
               addEventListener: () => {{}},
               querySelectorAll: () => [],
             }};
             globalThis.MutationObserver = class {{ observe() {{}} disconnect() {{}} }};
             require('vm').runInThisContext(require('fs').readFileSync({:?}, 'utf8'));
             console.log(JSON.stringify(attrs));",
            crate::root().join("src/embed/first-paint.js")
        );
        let out = std::process::Command::new("node").arg("-e").arg(&script).output().expect("node runs first-paint.js");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// The first-paint script takes the decoder's keys (`state::keys`) and its
    /// length limit (`state::MAX_VALUE_LEN`), and nothing else.
    #[test]
    fn the_first_paint_script_takes_the_keys_and_the_limit_of_the_decoder() {
        for key in keys::ALL {
            assert_eq!(
                first_paint_js(&format!("?{key}=a&lang=es&unknown=b"), ""),
                serde_json::json!({ format!("data-rc-{key}"): "a" })
            );
        }
        let at_limit = "a".repeat(MAX_VALUE_LEN);
        assert_eq!(first_paint_js("", &format!("#hide={at_limit}"))["data-rc-hide"], serde_json::json!(at_limit));
        assert_eq!(first_paint_js("", &format!("#hide={at_limit}a")), serde_json::json!({}));
    }

    /// `?embed` marks the embed's view; WordPress's `?secret=…` after the
    /// view in the fragment is not the view's.
    #[test]
    fn the_first_paint_script_marks_the_embed_and_leaves_wordpress_s_secret() {
        use role_compare::embed::api::EMBED;
        assert_eq!(first_paint_js(&format!("?{EMBED}"), ""), serde_json::json!({ format!("data-rc-{EMBED}"): "" }));
        assert_eq!(first_paint_js("", "#?secret=a1b2c3d4e5"), serde_json::json!({}));
        assert_eq!(
            first_paint_js("?embed", "#hide=salary?secret=a1b2c3d4e5"),
            serde_json::json!({ "data-rc-embed": "", "data-rc-hide": "salary" })
        );
    }
}
