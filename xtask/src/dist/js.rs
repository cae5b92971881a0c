//! The shipped JavaScript: the loaders in `src/embed/loader/*.js`, bundled by
//! the pinned esbuild (tools/package.json), with the values the build knows
//! (hashed names, the page builds) given as esbuild `--define`s; then
//! everything minified by the same esbuild: the loaders, the first-paint
//! script, the JS glues and their snippets.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::{Built, PageBuild};
use crate::{root, Result};

/// The folder of the loaders' sources.
pub fn loader_src() -> PathBuf {
    root().join("src/embed/loader")
}

/// The render-blocking script that marks the view a URL asks for (see `first_paint`).
pub const FIRST_PAINT_JS: &str = include_str!("../../../src/embed/first-paint.js");

/// Syntax the minifier may write: the floor's (`.browserslistrc`: Chrome 111,
/// Firefox 123, Safari 16.4 all have ES2022).
const TARGET: &str = "--target=es2022";

/// Runs the pinned esbuild with `args`, `stdin` piped in when given; its stdout.
fn esbuild(args: &[String], stdin: Option<&str>) -> Result<String> {
    let mut child = Command::new("esbuild")
        .args(args)
        .args([TARGET, "--charset=utf8", "--log-level=warning"])
        .current_dir(loader_src())
        .env("PATH", crate::tool_path())
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start esbuild (cargo xtask installs it in tools/): {e}"))?;
    if let Some(source) = stdin {
        child.stdin.take().ok_or("no stdin")?.write_all(source.as_bytes())?;
    }
    let out = child.wait_with_output()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() || out.stdout.is_empty() || !stderr.trim().is_empty() {
        return Err(format!("esbuild {args:?} failed ({}): {stderr}", out.status).into());
    }
    Ok(String::from_utf8(out.stdout)?)
}

/// `entry` (a file of src/embed/loader/) and what it imports as one ES
/// module, not minified (readable: the snapshots hold this); `defines` are
/// `(identifier, JSON value)`, `aliases` `(import name, path)`, `external`
/// import paths left as they are.
/// `ROLE_COMPARE_TAG`, the element's tag name, is defined in every bundle:
/// this build's ([`TAG`](role_compare::embed::api::TAG)) unless `defines` give it.
pub fn bundle(entry: &str, defines: &[(&str, String)], aliases: &[(&str, &Path)], external: &[&str]) -> Result<String> {
    let mut args = vec![entry.to_owned(), "--bundle".into(), "--format=esm".into(), "--loader:.wasm=base64".into()];
    args.extend(defines.iter().map(|(name, value)| format!("--define:{name}={value}")));
    if !defines.iter().any(|(name, _)| *name == "ROLE_COMPARE_TAG") {
        args.push(format!("--define:ROLE_COMPARE_TAG={}", json(role_compare::embed::api::TAG.into())));
    }
    args.extend(aliases.iter().map(|(name, path)| format!("--alias:{name}={}", path.display())));
    args.extend(external.iter().map(|path| format!("--external:{path}")));
    esbuild(&args, None)
}

/// `source` minified: an ES module when `module`, else a classic script.
pub fn minify(source: &str, module: bool) -> Result<String> {
    let mut args = vec!["--minify".to_owned()];
    if module {
        args.push("--format=esm".into());
    }
    esbuild(&args, Some(source))
}

/// `value` as JSON text (a `--define` value).
fn json(value: serde_json::Value) -> String {
    value.to_string()
}

/// `dist/role-compare.js` before minification: `role-compare.js` with the
/// element build's hashed glue and wasm (see that file), the element named `tag`.
pub fn element_loader(built: &Built, tag: &str) -> Result<String> {
    bundle(
        "role-compare.js",
        &[
            ("ROLE_COMPARE_GLUE", json(built.glue.as_str().into())),
            ("ROLE_COMPARE_WASM", json(built.wasm.as_str().into())),
            ("ROLE_COMPARE_TAG", json(tag.into())),
        ],
        &[],
        &["./role-compare-*"],
    )
}

/// `dist/page-loader-<hash>.js` before minification: `page-loader.js` with
/// the table of page builds `[[tag, glue, wasm], …]`.
pub fn page_loader(builds: &[PageBuild]) -> Result<String> {
    let table: Vec<[String; 3]> =
        builds.iter().map(|b| [b.lang.clone(), format!("./{}", b.glue), format!("./{}", b.wasm)]).collect();
    bundle(
        "page-loader.js",
        &[
            ("ROLE_COMPARE_BUILDS", json(serde_json::json!(table))),
            ("ROLE_COMPARE_LANG_KEY", json(role_compare::embed::api::LANG.into())),
        ],
        &[],
        &[],
    )
}

/// Minifies the JS glues and the snippets below `dir` in place.
pub fn minify_glues(dir: &Path, glues: &[String]) -> Result<()> {
    let mut scripts: Vec<PathBuf> = glues.iter().map(|g| dir.join(g)).collect();
    let snippets = dir.join("snippets");
    if snippets.exists() {
        scripts.extend(super::files_below(&snippets)?.into_iter().filter(|p| p.extension().is_some_and(|e| e == "js")));
    }
    for script in scripts {
        let minified = minify(&std::fs::read_to_string(&script)?, true)?;
        std::fs::write(&script, minified)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page loader picks a page build as the wasm picks a dataset:
    /// `src/embed/loader/pick.js`, run by Node, and `data::ui::pick` over the same tags.
    #[test]
    fn the_page_loaders_pick_is_the_wasms() {
        let available = ["en", "es", "es-MX", "pt-BR", "zh-Hant-TW"];
        let asked = [
            "en",
            "EN",
            "en-GB",
            "es",
            "es-MX",
            "es_MX",
            "es-mx",
            "es-419",
            "ES_ar",
            "pt",
            "pt-PT",
            "zh",
            "zh-Hant",
            "zh-hant-tw-x",
            "fr",
            "",
            " ",
            " es ",
            "de-DE",
            "e",
            "-",
            "_es",
            "es-",
            "\u{212a}",
            "\u{130}",
        ];
        let script = format!(
            "import {{ pick }} from {};\nconst available = {};\nconsole.log(JSON.stringify({}.map((tag) => pick(available, tag))));",
            json(loader_src().join("pick.js").to_string_lossy().into()),
            json(serde_json::json!(available)),
            json(serde_json::json!(asked))
        );
        let out = Command::new("node")
            .args(["--input-type=module", "-e", &script])
            .output()
            .expect("node (npm's) runs the page loader's pick");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let js: Vec<i64> = serde_json::from_slice(&out.stdout).expect("a JSON array");
        let rust: Vec<i64> = asked
            .iter()
            .map(|tag| role_compare::data::ui::pick(tag, available.iter().copied()).map_or(-1, |ix| ix as i64))
            .collect();
        assert_eq!(js, rust, "for {asked:?}");
        // And it does pick: a region falls back to its language (`es_MX` is not the tag
        // `es-MX`), an unknown language to none.
        assert_eq!(&rust[..9], [0, 0, 0, 1, 2, 1, 2, 1, 1]);
        assert_eq!(rust[14], -1);
    }
}
