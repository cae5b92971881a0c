//! The package's server-side modules, staged by `cargo xtask package`:
//! `role-compare/fallback` (`fallback.js` under the `node` export
//! condition, `fallback-browser.js` elsewhere, `fallback.d.ts`). Their
//! sources are `src/embed/server/`; the data `fallback.js` bundles in is
//! generated here as JSON from the Rust tables and the prerendered files,
//! never copied by hand: the catalogue's ids, the element's attribute table
//! (`src/embed/api.rs`) and every `fallback/<comparison-id>.<lang>.html`
//! the catalogue's prerender wrote into dist/ (their one owner).

use std::path::Path;

use role_compare::data::catalogues;
use role_compare::embed::api::{self, Values};
use serde_json::{json, Map, Value};

use crate::dist::js;
use crate::{root, Result};

/// The stylesheet links of every fallback (`crate::prerender::fallback`),
/// which `base` re-points.
pub const STYLESHEETS: [&str; 2] = ["role-compare.css", "noscript.css"];

/// The module the server source imports its data as (esbuild's alias).
const DATA_IMPORT: &str = "role-compare-fallback-data";

/// The server modules' sources.
fn src() -> std::path::PathBuf {
    root().join("src/embed/server")
}

/// How `fallback()` writes an option as an attribute.
fn kind(values: Values) -> &'static str {
    match values {
        Values::Categories | Values::Roles | Values::RoleList => "list",
        Values::Flag | Values::Presence => "flag",
        Values::OnOff => "on-off",
        Values::Comparison | Values::Theme | Values::Lang | Values::Loading => "text",
    }
}

/// The data of `fallback.js`: the tag, the languages (catalogue order),
/// roles and comparisons (with their roles), the attributes, the
/// stylesheet links, and `markup[comparison][lang]`, the text `markup_of`
/// gives for each fallback file (`fallback/<id>.<lang>.html`).
pub fn fallback_data(markup_of: impl Fn(&str) -> Result<String>) -> Result<Value> {
    let first = &catalogues()[0];
    let mut markup = Map::new();
    for page in crate::prerender::pages() {
        let file = page.fallback_file();
        let text = markup_of(&file)?;
        let tag = format!("<{} ", api::TAG);
        if !text.starts_with(&tag) {
            return Err(format!("{file} does not start with {tag:?}").into());
        }
        for sheet in STYLESHEETS {
            let n = text.matches(&format!("href=\"{sheet}\"")).count();
            if n != 1 {
                return Err(format!("{file} links {sheet} {n} times (fallback() re-points exactly one)").into());
            }
        }
        let by_lang = markup.entry(page.id()).or_insert_with(|| json!({}));
        by_lang[page.catalogue().lang.as_ref()] = json!(text);
    }
    Ok(json!({
        "tag": api::TAG,
        "langs": catalogues().iter().map(|c| c.lang.as_ref()).collect::<Vec<_>>(),
        "roles": first.roles.iter().map(|r| r.id.as_ref()).collect::<Vec<_>>(),
        "comparisons": first.comparisons.iter().map(|c| json!({
            "id": c.id.as_ref(),
            "roles": c.roles.iter().map(|&r| first.roles[r].id.as_ref()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "attributes": api::ATTRIBUTES.iter().map(|a| json!({
            "attribute": a.name, "property": a.property, "kind": kind(a.values),
        })).collect::<Vec<_>>(),
        "stylesheets": STYLESHEETS,
        "markup": markup,
    }))
}

/// `fallback.js`: the server source bundled with `data` (written as JSON to `json`).
pub fn fallback_js(data: &Value, json: &Path) -> Result<String> {
    std::fs::write(json, serde_json::to_string(data)?)?;
    js::bundle("../server/fallback.js", &[], &[(DATA_IMPORT, json)], &[])
}

/// `react.js`: `src/embed/react/react.js` with the element's tag, property
/// names and event name as `--define`s; React and the package's own modules
/// stay imports.
pub fn react_js() -> Result<String> {
    let properties: Vec<&str> = api::ATTRIBUTES.iter().map(|a| a.property).collect();
    js::bundle(
        "../react/react.js",
        &[
            ("ROLE_COMPARE_PROPERTIES", json!(properties).to_string()),
            ("ROLE_COMPARE_EVENT", json!(api::CHANGE_EVENT).to_string()),
            ("ROLE_COMPARE_TAG", json!(api::TAG).to_string()),
        ],
        &[],
        &["react", "role-compare", "role-compare/fallback"],
    )
}

/// Writes the modules and their types into the staged package `stage`
/// (which holds dist/'s fallbacks): `fallback.js`, `fallback-browser.js`,
/// `fallback.d.ts`, `react.js`, `react.d.ts`; `scratch` takes the data's JSON.
pub fn write(stage: &Path, scratch: &Path) -> Result<()> {
    let data = fallback_data(|file| Ok(std::fs::read_to_string(stage.join(file))?))?;
    std::fs::write(stage.join("fallback.js"), fallback_js(&data, &scratch.join("fallback-data.json"))?)?;
    for file in ["fallback-browser.js", "fallback.d.ts"] {
        std::fs::copy(src().join(file), stage.join(file))?;
    }
    std::fs::write(stage.join("react.js"), react_js()?)?;
    std::fs::copy(root().join("src/embed/react/react.d.ts"), stage.join("react.d.ts"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stand_in(file: &str) -> Result<String> {
        Ok(format!("<role-compare lang=\"x\"><link href=\"role-compare.css\"><link href=\"noscript.css\">{file}</role-compare>"))
    }

    /// Every comparison in every language, each the text of its own file;
    /// the ids and attributes the tables'.
    #[test]
    fn the_data_holds_every_fallback_by_comparison_and_language() {
        let data = fallback_data(stand_in).unwrap();
        for page in crate::prerender::pages() {
            let text = data["markup"][page.id()][page.catalogue().lang.as_ref()].as_str().unwrap();
            assert!(text.contains(&page.fallback_file()), "{text}");
        }
        let ids: Vec<&str> =
            data["comparisons"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
        let expected: Vec<&str> = catalogues()[0].comparisons.iter().map(|c| c.id.as_ref()).collect();
        assert_eq!(ids, expected);
        assert_eq!(data["attributes"].as_array().unwrap().len(), api::ATTRIBUTES.len());
        assert_eq!(data["attributes"][6], json!({"attribute": "highlight", "property": "highlight", "kind": "on-off"}));
        assert_eq!(data["langs"], json!(["en", "es"]));
    }

    /// A fallback `base` could not re-point (a link missing or twice) fails the package.
    #[test]
    fn a_fallback_without_exactly_one_link_per_stylesheet_is_refused() {
        let twice = |file: &str| stand_in(file).map(|t| t.replace("noscript.css", "role-compare.css"));
        let err = fallback_data(twice).unwrap_err().to_string();
        assert!(err.contains("links role-compare.css 2 times"), "{err}");
        let err = fallback_data(|f: &str| Ok(format!("<div>{f}</div>"))).unwrap_err().to_string();
        assert!(err.contains("does not start with"), "{err}");
    }

    /// The markup is the prerender's: the real fallbacks have one link per stylesheet.
    #[test]
    fn the_prerendered_fallbacks_are_accepted() {
        let page = crate::prerender::pages()[1];
        let text = crate::prerender::fallback(page.view(), Some(page.id()));
        let data = fallback_data(|_| Ok(text.clone())).unwrap();
        assert_eq!(data["markup"][page.id()]["en"], json!(text));
    }
}
