//! Step 1: `trunk build` (release for dist/, debug for the fixture): the
//! element's wasm (dist/; feature `element` alone, as no page of dist/ runs
//! it) or the full build's (the fixture's page), its glue and the hashed
//! stylesheets.

use std::path::Path;
use std::process::Command;

use super::html;
use super::Built;
use crate::{run, Result};

/// What a Trunk build compiles in (the crate's features `element` and `page`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Features {
    /// `<role-compare>` alone: what dist/ ships as `role-compare-*_bg.wasm`.
    /// Every page of dist/ runs a page build (step 2), the stand-alone file
    /// included, so the element carries no code of the page.
    Element,
    /// The default features, element and page: a page that is its own
    /// widget page and embeds elements too (the right-to-left fixture's).
    Full,
}

/// Runs Trunk into `dir` (`--release` when `release`; `env` set; `features`
/// compiled in) and finds what it wrote; the glue's own default URL of the
/// wasm then names the hashed file, so bundlers find it.
pub fn build(dir: &Path, release: bool, features: Features, env: &[(&str, &str)]) -> Result<Built> {
    let mut trunk = Command::new("trunk");
    trunk.arg("build").arg("--dist").arg(dir).envs(env.iter().copied());
    if release {
        trunk.arg("--release");
    }
    if features == Features::Element {
        trunk.args(["--no-default-features", "--features", "element"]);
    }
    run(&mut trunk)?;
    let built = find(dir)?;
    name_wasm_in_glue(&dir.join(&built.glue), &built.wasm)?;
    Ok(built)
}

/// The hashed `role-compare-*.js`, `*_bg.wasm` and `*.css` in `dir`.
fn find(dir: &Path) -> Result<Built> {
    let (mut glue, mut wasm, mut css) = (None, None, None);
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix("role-compare-") else { continue };
        if rest.ends_with("_bg.wasm") {
            wasm = Some(name);
        } else if rest.ends_with(".js") {
            glue = Some(name);
        } else if rest.ends_with(".css") {
            css = Some(name);
        }
    }
    match (glue, wasm, css) {
        (Some(glue), Some(wasm), Some(css)) => Ok(Built { glue, wasm, css }),
        _ => Err(format!("no role-compare-*.js, *_bg.wasm and *.css in {}", dir.display()).into()),
    }
}

/// The glue's own default URL of the wasm names it as wasm-bindgen wrote it,
/// before it was hashed; names `wasm`, the file that is there.
pub fn name_wasm_in_glue(glue: &Path, wasm: &str) -> Result<()> {
    let text = std::fs::read_to_string(glue)?;
    let written = "'role-compare_bg.wasm'";
    if !text.contains(written) {
        return Err(format!("{}: wasm-bindgen's default URL {written} is not there", glue.display()).into());
    }
    std::fs::write(glue, text.replace(written, &format!("'{wasm}'")))?;
    Ok(())
}

/// The rust link Trunk leaves in `index.html` when it injects no script.
pub const RUST_LINK: &str = "link[data-trunk][rel=rust]";

/// wasm-opt's arguments as Trunk takes them from the rust link:
/// `-O<data-wasm-opt>` and `data-wasm-opt-params`.
/// Those are the features every floor browser has (`floor.rs` checks
/// them) and `--low-memory-unused`: rustc puts the stack first, below the
/// data at 1 MiB, so the lowest KiB is reached only by a stack about to
/// overflow, and the assumption lets load and store offsets fold (about
/// 0.6 KB brotli of the element).
pub fn wasm_opt_args(index: &str) -> Result<Vec<String>> {
    let mut args = Vec::new();
    html::rewrite(
        index,
        "index.html",
        vec![html::one(RUST_LINK, |el| {
            args.push(format!("-O{}", html::attribute(el, "data-wasm-opt")?));
            let params = el.get_attribute("data-wasm-opt-params").unwrap_or_default();
            args.extend(params.split_whitespace().map(str::to_owned));
            Ok(())
        })],
    )?;
    Ok(args)
}

/// `index` with the rust link replaced by the loader's module script.
pub fn link_loader(index: &str, loader: &str) -> Result<String> {
    let tag = super::loader_tag(loader)?;
    html::rewrite(
        index,
        "index.html",
        vec![html::one(RUST_LINK, |el| {
            el.replace(&tag, html::ContentType::Html);
            Ok(())
        })],
    )
}
