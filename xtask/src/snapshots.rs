//! Snapshots of the generated public files (insta; the `.snap` files in
//! `xtask/src/snapshots/` are committed): a change to any shows up in review,
//! and this test fails until the new snapshot is accepted (README, "Tests").
//! Hashed names are fixed stand-ins, so only a change of the generator shows.

use role_compare::data::{baked, catalogues, datasets};
use role_compare::embed::manifest;

use crate::dist::{js, Built, PageBuild, LOADER, STANDALONE};
use crate::{first_paint, package, prerender, root};

/// A stand-in for a content hash.
const HASH: &str = "0123456789abcdef";

fn built() -> Built {
    Built {
        glue: format!("role-compare-{HASH}.js"),
        wasm: format!("role-compare-{HASH}_bg.wasm"),
        css: format!("role-compare-{HASH}.css"),
    }
}

fn page_builds() -> Vec<PageBuild> {
    datasets()
        .iter()
        .map(|d| PageBuild {
            lang: d.lang.to_string(),
            glue: format!("page-{}-{HASH}.js", d.lang),
            wasm: format!("page-{}-{HASH}_bg.wasm", d.lang),
        })
        .collect()
}

#[test]
fn custom_elements_json() {
    insta::assert_snapshot!("custom-elements.json", package::manifest_json().unwrap());
}

#[test]
fn role_compare_d_ts() {
    insta::assert_snapshot!("role-compare.d.ts", manifest::typescript(baked(), role_compare::VERSION));
}

#[test]
fn first_paint_css() {
    let css = std::fs::read_to_string(root().join("assets/role-compare.css")).unwrap();
    insta::assert_snapshot!(
        "first-paint.css",
        first_paint::css(catalogues(), &css).expect("the first-paint rules derive")
    );
}

/// The loaders as bundled, before minification.
#[test]
fn element_loader_js() {
    insta::assert_snapshot!("role-compare.js", js::element_loader(&built(), role_compare::embed::api::TAG).unwrap());
}

#[test]
fn page_loader_js() {
    insta::assert_snapshot!("page-loader.js", js::page_loader(&page_builds()).unwrap());
}

/// package.json of the npm package, over the files a release holds.
#[test]
fn package_json() {
    let built = built();
    let mut files: Vec<String> =
        ["CHANGELOG.md", "README.md", "custom-elements.json", "noscript.css", "role-compare.css"]
            .map(str::to_owned)
            .to_vec();
    files.extend([built.glue, built.wasm, built.css, LOADER.to_owned(), STANDALONE.to_owned()]);
    files.push(format!("first-paint-{HASH}.js"));
    files.push(format!("page-loader-{HASH}.js"));
    for (dataset, page) in datasets().iter().zip(page_builds()) {
        files.extend([prerender::fallback_name(dataset), prerender::page_name(dataset), page.glue, page.wasm]);
    }
    files.push("role-compare.d.ts".into());
    files.sort();
    insta::assert_snapshot!("package.json", package::package_json_text(role_compare::VERSION, &files).unwrap());
}

/// `role-compare/fallback`'s Node module as bundled, with a stand-in for
/// each prerendered fallback (the markup is dist/'s, tested in
/// `server_modules`), and `role-compare/react`'s.
#[test]
fn fallback_js() {
    let data = crate::server_modules::fallback_data(|file| {
        Ok(format!(
            "<role-compare lang=\"…\"><!-- {file}: href=\"role-compare.css\" href=\"noscript.css\" --></role-compare>"
        ))
    })
    .unwrap();
    let json = root().join("target/snapshot-fallback-data.json");
    insta::assert_snapshot!("fallback.js", crate::server_modules::fallback_js(&data, &json).unwrap());
}

#[test]
fn react_js() {
    insta::assert_snapshot!("react.js", crate::server_modules::react_js().unwrap());
}

/// The WordPress plugin's build.json: the ids and attributes its PHP checks values against.
#[test]
fn wordpress_build_json() {
    insta::assert_snapshot!("wordpress-build.json", crate::wordpress::build_json_text().unwrap());
}
