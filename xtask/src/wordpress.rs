//! The WordPress plugin, `target/package/role-compare-wordpress-<version>.zip`
//! (`cargo xtask package`): the PHP, block and readme of `wordpress/role-compare/`
//! with the version put in, the release files the element needs under
//! `dist/` (loader, glue, wasm, stylesheets, every comparison's fallback), and
//! `build.json`, what the PHP checks every value against, generated here from
//! the widget's own tables (ids of the catalogue, themes, loading and
//! highlight values, the element's attributes for kses): no hand-made copy.

use std::path::{Path, PathBuf};

use role_compare::data::{catalogues, ROLES_SHOWN};
use role_compare::embed::api;
use role_compare::state::{Theme, HIGHLIGHT_OFF, HIGHLIGHT_ON, MAX_VALUE_LEN};
use serde_json::{json, Map, Value};

use crate::dist::{is_precompressed, LOADER};
use crate::prerender::{self, FALLBACK_STYLESHEETS};
use crate::{root, Result};

/// The plugin's folder name (its slug) and main file.
pub const SLUG: &str = "role-compare";
pub const MAIN_FILE: &str = "role-compare.php";
/// Replaced by the version in the plugin header and readme.txt.
const VERSION_MARK: &str = "@VERSION@";

/// Attributes WordPress's kses grants no custom tag, which `<role-compare>`
/// keeps too (besides the element's own, from the API table): `data-*` is
/// kses's own wildcard; ARIA has none, so the attributes a host may set are named.
pub const GLOBAL_ATTRIBUTES: [&str; 9] =
    ["class", "id", "title", "hidden", "data-*", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden"];

/// `build.json`: the build's ids and the element's attributes, for the PHP.
pub fn build_json() -> Value {
    let first = &catalogues()[0];
    let mut comparisons = Map::new();
    let mut names = Map::new();
    for c in catalogues() {
        let lang = c.lang.to_string();
        let list: Vec<Value> = prerender::pages()
            .into_iter()
            .filter(|p| p.catalogue().lang == c.lang)
            .map(|p| {
                let item = &c.comparisons[p.comparison];
                json!({
                    "id": item.id,
                    "title": item.title,
                    "roles": item.roles.iter().map(|&r| c.roles[r].id.to_string()).collect::<Vec<_>>(),
                    "fallback": p.fallback_file(),
                })
            })
            .collect();
        comparisons.insert(lang.clone(), Value::Array(list));
        let roles: Map<String, Value> = c.roles.iter().map(|r| (r.id.to_string(), json!(r.name))).collect();
        let categories: Map<String, Value> = c.categories.iter().map(|k| (k.id.to_string(), json!(k.title))).collect();
        names.insert(lang, json!({ "roles": roles, "categories": categories }));
    }
    let attributes: Vec<&str> = api::ATTRIBUTES.iter().map(|a| a.name).collect();
    let mut kses = attributes.clone();
    kses.extend(GLOBAL_ATTRIBUTES);
    json!({
        "version": role_compare::VERSION,
        "tag": api::TAG,
        "loader": LOADER,
        "stylesheets": FALLBACK_STYLESHEETS,
        "attributes": attributes,
        "kses_attributes": kses,
        "languages": catalogues().iter().map(|c| c.lang.to_string()).collect::<Vec<_>>(),
        "comparisons": comparisons,
        "names": names,
        "roles": first.roles.iter().map(|r| r.id.to_string()).collect::<Vec<_>>(),
        "categories": first.categories.iter().map(|c| c.id.to_string()).collect::<Vec<_>>(),
        "themes": Theme::ALL.map(Theme::as_str),
        "loading": api::LOADING_VALUES,
        "highlight_on": HIGHLIGHT_ON,
        "highlight_off": HIGHLIGHT_OFF,
        "min_roles": ROLES_SHOWN.start(),
        "max_roles": ROLES_SHOWN.end(),
        "max_value_len": MAX_VALUE_LEN,
    })
}

/// `build.json` as the plugin holds it.
pub fn build_json_text() -> Result<String> {
    Ok(serde_json::to_string_pretty(&build_json())? + "\n")
}

/// Whether a file of dist/ goes into the plugin: what `<role-compare>`
/// loads (the loader, the element's glue and wasm, the stylesheets) and
/// every fallback; not the pages, the page builds or the compressed copies.
pub fn ships(file: &str) -> bool {
    if is_precompressed(file) {
        return false;
    }
    let glue = file.starts_with("role-compare-")
        && (file.ends_with(".js") || file.ends_with("_bg.wasm"))
        && !file.contains("standalone");
    // snippets/: the JS files wasm-bindgen gives the glue to import.
    file == LOADER
        || glue
        || FALLBACK_STYLESHEETS.contains(&file)
        || file.starts_with("fallback/")
        || file.starts_with("snippets/")
}

/// The staged plugin folder, `target/package/role-compare-wordpress/role-compare/`.
pub fn staged() -> PathBuf {
    crate::package::out_dir().join("role-compare-wordpress").join(SLUG)
}

/// Stages the plugin from `wordpress/role-compare/` and the release in
/// `dist_files` (relative paths under `dist`), and zips it (the folder at
/// the archive's root, as WordPress's uploader wants); returns the zip.
pub fn package(dist: &Path, dist_files: &[String]) -> Result<PathBuf> {
    let stage = staged();
    if stage.exists() {
        std::fs::remove_dir_all(&stage)?;
    }
    std::fs::create_dir_all(&stage)?;
    let source = root().join("wordpress").join(SLUG);
    let mut files = Vec::new();
    for file in crate::package::list_files(&source)? {
        let to = stage.join(&file);
        std::fs::create_dir_all(to.parent().ok_or("no folder")?)?;
        if file == MAIN_FILE || file == "readme.txt" {
            let text = std::fs::read_to_string(source.join(&file))?;
            if !text.contains(VERSION_MARK) {
                return Err(format!("wordpress/{SLUG}/{file} has no {VERSION_MARK} to put the version in").into());
            }
            std::fs::write(&to, text.replace(VERSION_MARK, role_compare::VERSION))?;
        } else {
            std::fs::copy(source.join(&file), &to)?;
        }
        files.push(file);
    }
    for file in dist_files.iter().filter(|f| ships(f)) {
        let to = stage.join("dist").join(file);
        std::fs::create_dir_all(to.parent().ok_or("no folder")?)?;
        std::fs::copy(dist.join(file), &to)?;
        files.push(format!("dist/{file}"));
    }
    if !files.iter().any(|f| f == &format!("dist/{LOADER}")) {
        return Err(format!("dist/ has no {LOADER} for the plugin").into());
    }
    std::fs::write(stage.join("build.json"), build_json_text()?)?;
    files.push("build.json".into());
    files.sort();
    let zip = crate::package::out_dir().join(format!("{SLUG}-wordpress-{}.zip", role_compare::VERSION));
    let entries: Vec<String> = files.iter().map(|f| format!("{SLUG}/{f}")).collect();
    crate::package::write_zip(stage.parent().ok_or("no folder")?, &entries, &zip)?;
    Ok(zip)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The block's attributes are the element's (its API table) that a
    /// writer sets, and the shortcode's are the block's.
    #[test]
    fn the_block_and_the_shortcode_take_the_elements_attributes() {
        let block: Value = serde_json::from_str(
            &std::fs::read_to_string(root().join("wordpress/role-compare/block/block.json")).unwrap(),
        )
        .unwrap();
        let names: Vec<&str> = block["attributes"].as_object().unwrap().keys().map(String::as_str).collect();
        for name in &names {
            assert!(api::ATTRIBUTES.iter().any(|a| a.name == *name), "block attribute {name} is not the element's");
        }
        for wanted in ["comparison", "roles", "categories", "theme", "highlight", "loading", "picker", "lang"] {
            assert!(names.contains(&wanted), "the block has no {wanted}");
        }
        let php = std::fs::read_to_string(root().join("wordpress/role-compare/role-compare.php")).unwrap();
        let known = php.split("$known = array( ").nth(1).and_then(|s| s.split(" );").next()).unwrap();
        let mut shortcode: Vec<&str> = known.split(", ").map(|s| s.trim_matches('\'')).collect();
        let mut block = names.clone();
        shortcode.sort_unstable();
        block.sort_unstable();
        assert_eq!(shortcode, block, "the shortcode's attributes are the block's");
    }

    #[test]
    fn build_json_names_every_comparison_with_its_fallback_and_every_attribute() {
        let b = build_json();
        assert_eq!(b["tag"], "role-compare");
        for page in prerender::pages() {
            let list = b["comparisons"][page.catalogue().lang.as_ref()].as_array().unwrap();
            let item = list.iter().find(|c| c["id"] == page.id()).expect("every comparison is listed");
            assert_eq!(item["fallback"], page.fallback_file());
            assert_eq!(item["roles"].as_array().unwrap().len(), page.view().roles.len());
        }
        let kses: Vec<&str> = b["kses_attributes"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        for a in api::ATTRIBUTES {
            assert!(kses.contains(&a.name), "{} is not allowed through kses", a.name);
        }
        assert!(kses.contains(&"lang") && kses.contains(&"data-*") && kses.contains(&"class"));
        assert_eq!(b["themes"], json!(["light", "dark", "auto"]));
    }

    #[test]
    fn the_plugin_ships_what_the_element_loads_and_no_page() {
        for file in ["role-compare.js", "role-compare-1a2b.js", "role-compare-1a2b_bg.wasm", "role-compare.css"] {
            assert!(ships(file), "{file}");
        }
        assert!(ships("noscript.css") && ships("fallback/ecmo-specialist-vs-perfusionist.es.html"));
        assert!(ships("snippets/role-compare-1a2b/inline0.js"));
        for file in [
            "index.html",
            "role-compare.js.br",
            "role-compare-standalone.html",
            "page-en-1a2b.js",
            "page-loader-1a2b.js",
            "comparisons.html",
        ] {
            assert!(!ships(file), "{file}");
        }
    }
}
