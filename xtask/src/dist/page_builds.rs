//! Step 2: the page alone (`--no-default-features --features page`), once
//! per dataset file, for the widget's own pages.

use std::path::Path;
use std::process::Command;

use role_compare::data::datasets;

use super::hash::content_hash;
use super::trunk::name_wasm_in_glue;
use super::PageBuild;
use crate::{root, run, Result};

/// Builds the page alone once per dataset file (`ROLE_COMPARE_DATASET`),
/// through wasm-bindgen and wasm-opt as Trunk does with `index.html`'s
/// `data-wasm-opt` settings (`opt`), into `dir` as `page-<lang>-<hash>.js`
/// and `page-<lang>-<hash>_bg.wasm`. Each weighs ~13 KB brotli less than the
/// default build: no element, one language.
pub fn build(dir: &Path, opt: &[String]) -> Result<Vec<PageBuild>> {
    let mut builds = Vec::new();
    let out = root().join("target/page-builds");
    for (file, dataset) in role_compare::data::dataset_files().iter().zip(datasets()) {
        run(Command::new("cargo")
            .args(["build", "--release", "--target", "wasm32-unknown-unknown", "--bin", "role-compare"])
            .args(["--no-default-features", "--features", "page"])
            .env("ROLE_COMPARE_DATASET", file))?;
        let _ = std::fs::remove_dir_all(&out);
        run(Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(&out)
            .arg(root().join("target/wasm32-unknown-unknown/release/role-compare.wasm")))?;
        if out.join("snippets").exists() {
            return Err("the page build has JS snippets: copy them into dist/ (src/embed/element.js belongs to the element only)".into());
        }
        let optimized = out.join("optimized.wasm");
        run(Command::new("wasm-opt").args(opt).arg(out.join("role-compare_bg.wasm")).arg("-o").arg(&optimized))?;
        let wasm = std::fs::read(&optimized)?;
        let stem = format!("page-{}-{}", dataset.lang, content_hash(&wasm));
        let build =
            PageBuild { lang: dataset.lang.to_string(), glue: format!("{stem}.js"), wasm: format!("{stem}_bg.wasm") };
        std::fs::write(dir.join(&build.wasm), &wasm)?;
        std::fs::copy(out.join("role-compare.js"), dir.join(&build.glue))?;
        name_wasm_in_glue(&dir.join(&build.glue), &build.wasm)?;
        builds.push(build);
    }
    Ok(builds)
}
