//! `cargo xtask package`: the release as an npm package and a zip, for web
//! developers without Rust. Both hold the same files: dist/ (the loader, the
//! glue and wasm, the stylesheet, the fallback markup, the widget's own page
//! and the stand-alone file), plus package.json, `custom-elements.json` and
//! `role-compare.d.ts` generated from the element's API table
//! (src/embed/api.rs), README.md and CHANGELOG.md.
//!
//! Also the consumer projects under tests/consumers/ (`cargo xtask consumers`,
//! run by `cargo xtask test`): their pinned npm dependencies, the tarball
//! installed with npm, `tsc --noEmit` against our types, the package
//! imported by Node with no document, `vite build`, and README's esbuild recipe.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use role_compare::data::baked;
use role_compare::embed::manifest;
use serde_json::{json, Value};

use crate::dist::{is_precompressed, LOADER, STANDALONE};
use crate::{root, run, Result};

pub const NAME: &str = "role-compare";
pub const DESCRIPTION: &str =
    "<role-compare>: an embeddable, serverless comparison of an ECMO Specialist and a Perfusionist (a web component in WebAssembly)";
const TYPES: &str = "role-compare.d.ts";
const MANIFEST: &str = "custom-elements.json";
/// The React versions role-compare/react works with (its ref is a prop: React 19).
const REACT_PEER: &str = ">=19";

/// What `package` wrote.
pub struct Packaged {
    pub tarball: PathBuf,
    pub zip: PathBuf,
    /// Bytes of the tarball, and of its files unpacked (as `npm pack` reports them).
    pub tarball_size: u64,
    pub unpacked_size: u64,
    pub zip_size: u64,
    /// The WordPress plugin (`crate::wordpress`).
    pub wordpress: PathBuf,
    pub wordpress_size: u64,
    /// Files in the zip; the tarball has them but the `.br` and `.gz` copies.
    pub files: usize,
    pub npm_files: usize,
}

impl std::fmt::Display for Packaged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let show = |p: &Path| p.strip_prefix(root()).unwrap_or(p).display().to_string();
        writeln!(f, "target/package/ ({} files in the zip, {} in the npm package)", self.files, self.npm_files)?;
        writeln!(
            f,
            "  {:<44} {:>9} bytes (unpacked {} bytes)",
            show(&self.tarball),
            self.tarball_size,
            self.unpacked_size
        )?;
        writeln!(f, "  {:<44} {:>9} bytes", show(&self.zip), self.zip_size)?;
        write!(f, "  {:<44} {:>9} bytes (the WordPress plugin)", show(&self.wordpress), self.wordpress_size)
    }
}

/// The folder everything is written to.
pub fn out_dir() -> PathBuf {
    root().join("target/package")
}

/// The staged package folder (what the tarball and the zip hold).
pub fn staged() -> PathBuf {
    out_dir().join(NAME)
}

/// Builds the release into dist/ (for publishing at `base`, if given) and packages it.
pub fn package(base: Option<&crate::prerender::BaseUrl>) -> Result<Packaged> {
    let report = crate::dist::dist_at(base)?;
    println!("{report}");
    package_dist()
}

/// Packages the dist/ already built.
pub fn package_dist() -> Result<Packaged> {
    let version = role_compare::VERSION;
    // The WordPress suite's oEmbed host: dist/ at a base URL on 127.0.0.1.
    crate::dist::published_copy()?;
    let stage = staged();
    if stage.exists() {
        std::fs::remove_dir_all(&stage)?;
    }
    std::fs::create_dir_all(&stage)?;
    copy_dir(&root().join("dist"), &stage)?;
    for doc in ["README.md", "CHANGELOG.md"] {
        std::fs::copy(root().join(doc), stage.join(doc))?;
    }
    std::fs::write(stage.join(MANIFEST), manifest_json()?)?;
    std::fs::write(stage.join(TYPES), manifest::typescript(baked(), version))?;
    // role-compare/fallback: the prerendered fallbacks for server renders (Node only).
    crate::server_modules::write(&stage, &out_dir())?;
    // The npm package leaves out the `.br` and `.gz` copies: bundlers and
    // installs do not use them (the zip, for static hosts, keeps them).
    let npm_files: Vec<String> = list_files(&stage)?.into_iter().filter(|f| !is_precompressed(f)).collect();
    std::fs::write(stage.join("package.json"), package_json_text(version, &npm_files)?)?;
    let files = list_files(&stage)?;
    let npm_files: Vec<&String> = files.iter().filter(|f| !is_precompressed(f)).collect();

    // The tarball: `npm pack` on the staged folder.
    let out = out_dir();
    let tarball = out.join(format!("{NAME}-{version}.tgz"));
    let _ = std::fs::remove_file(&tarball);
    let pack = Command::new("npm")
        .args(["pack", "--json", "--ignore-scripts", "--pack-destination"])
        .arg(&out)
        .current_dir(&stage)
        .env("PATH", crate::tool_path())
        .output()
        .map_err(|e| format!("cannot run npm pack: {e}"))?;
    if !pack.status.success() {
        return Err(format!("npm pack failed: {}", String::from_utf8_lossy(&pack.stderr)).into());
    }
    let report: Value = serde_json::from_slice(&pack.stdout).map_err(|e| format!("npm pack --json: {e}"))?;
    let packed: Vec<&str> = report[0]["files"]
        .as_array()
        .ok_or("npm pack --json lists no files")?
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    let missing: Vec<&&String> = npm_files.iter().filter(|f| !packed.contains(&f.as_str())).collect();
    if !missing.is_empty() {
        return Err(format!("npm pack left out {missing:?}").into());
    }
    if let Some(extra) = packed.iter().find(|f| is_precompressed(f)) {
        return Err(format!("npm pack took the pre-compressed {extra}").into());
    }
    if !tarball.exists() {
        return Err(format!("npm pack wrote no {}", tarball.display()).into());
    }

    // The zip: the same files, at the archive's root (unzip it into the folder you serve).
    let zip = out.join(format!("{NAME}-{version}.zip"));
    write_zip(&stage, &files, &zip)?;
    let wordpress = crate::wordpress::package(&root().join("dist"), &list_files(&root().join("dist"))?)?;
    Ok(Packaged {
        wordpress_size: std::fs::metadata(&wordpress)?.len(),
        wordpress,
        tarball_size: std::fs::metadata(&tarball)?.len(),
        unpacked_size: report[0]["unpackedSize"].as_u64().unwrap_or_default(),
        zip_size: std::fs::metadata(&zip)?.len(),
        files: files.len(),
        npm_files: npm_files.len(),
        tarball,
        zip,
    })
}

/// `custom-elements.json` as the package holds it.
pub fn manifest_json() -> Result<String> {
    Ok(serde_json::to_string_pretty(&manifest::manifest(baked()))? + "\n")
}

/// `package.json` as the package holds it, listing `files`.
pub fn package_json_text(version: &str, files: &[String]) -> Result<String> {
    Ok(serde_json::to_string_pretty(&package_json(version, files)?)? + "\n")
}

/// package.json: the loader is the main export; the stylesheets, the
/// fallback markup and the widget's own page (in every language), and the
/// stand-alone file are named subpaths: every public file README names, since
/// `exports` hides from Node and bundlers whatever it does not list.
fn package_json(version: &str, files: &[String]) -> Result<Value> {
    let glue = files
        .iter()
        .find(|f| f.starts_with("role-compare-") && f.ends_with(".js"))
        .ok_or("dist/ has no hashed glue (role-compare-*.js)")?;
    let mut exports = json!({
        ".": { "types": format!("./{TYPES}"), "default": format!("./{LOADER}") },
        // The markup only under `node` (server renders, static builds): a
        // browser bundle gets a module without it, whose function says so.
        "./fallback": { "types": "./fallback.d.ts", "node": "./fallback.js", "default": "./fallback-browser.js" },
        // <RoleCompare> for React 19 (a client component; markup on the server through ./fallback).
        "./react": { "types": "./react.d.ts", "default": "./react.js" },
        "./role-compare.css": "./role-compare.css",
        "./noscript.css": "./noscript.css",
        "./standalone.html": format!("./{STANDALONE}"),
        "./custom-elements.json": format!("./{MANIFEST}"),
        "./package.json": "./package.json",
    });
    // `./fallback.html`, `./page.html` (index.html), then `./fallback.es.html`, `./page.es.html`, …
    for dataset in role_compare::data::datasets() {
        let (fallback, page) = (crate::prerender::fallback_name(dataset), crate::prerender::page_name(dataset));
        exports[format!("./{fallback}")] = json!(format!("./{fallback}"));
        exports[format!("./{}", page.replacen("index", "page", 1))] = json!(format!("./{page}"));
    }
    // Every comparison's fallback in every language: `./fallback/<comparison-id>.<lang>.html`.
    exports["./fallback/*"] = json!("./fallback/*");
    Ok(json!({
        "name": NAME,
        "version": version,
        "description": DESCRIPTION,
        "license": role_compare::LICENSE,
        "keywords": ["web-components", "custom-element", "webassembly", "career", "comparison", "ecmo", "perfusionist"],
        "type": "module",
        "main": format!("./{LOADER}"),
        "module": format!("./{LOADER}"),
        "types": format!("./{TYPES}"),
        "exports": exports,
        "customElements": MANIFEST,
        // Only role-compare/react uses React; every other entry needs nothing.
        "peerDependencies": { "react": REACT_PEER },
        "peerDependenciesMeta": { "react": { "optional": true } },
        "files": files,
        // The loader registers the element; the stylesheets apply when imported.
        "sideEffects": [format!("./{LOADER}"), format!("./{glue}"), "*.css"],
    }))
}

/// Every file below `dir`, as `/`-separated relative paths, sorted.
pub fn list_files(dir: &Path) -> Result<Vec<String>> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) -> Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                walk(base, &path, out)?;
            } else {
                let rel =
                    path.strip_prefix(base)?.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>();
                out.push(rel.join("/"));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    out.sort();
    Ok(out)
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    for entry in std::fs::read_dir(from)? {
        let path = entry?.path();
        let target = to.join(path.file_name().ok_or("unnamed file")?);
        if path.is_dir() {
            std::fs::create_dir_all(&target)?;
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target)?;
        }
    }
    Ok(())
}

/// The files in a zip (deflated, fixed timestamps: the same input gives the same bytes).
pub fn write_zip(stage: &Path, files: &[String], out: &Path) -> Result<()> {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(out)?);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for file in files {
        zip.start_file(file.as_str(), options)?;
        zip.write_all(&std::fs::read(stage.join(file))?)?;
    }
    zip.finish()?;
    Ok(())
}

/// The consumer projects (tests/consumers/*), ready for the page tests:
/// dependencies from their lockfiles, the tarball installed with npm, the
/// types checked with `tsc --noEmit` (strict), the React app built with Vite.
pub fn consumers(packaged: &Packaged) -> Result<()> {
    let dir = root().join("tests/consumers");
    for project in ["plain", "react"] {
        let project = dir.join(project);
        npm_ci(&project)?;
        install_tarball(&project, &packaged.tarball)?;
        eprintln!("xtask: tsc --noEmit (strict) in {}", project.display());
        run(Command::new("npx").args(["--no-install", "tsc", "--noEmit", "-p", "."]).current_dir(&project))?;
    }
    eprintln!("xtask: the custom-elements manifest against its JSON schema");
    run(Command::new("node").arg("validate-manifest.mjs").current_dir(dir.join("plain")))?;
    eprintln!("xtask: the package imported in Node, with no document (a server render, a worker)");
    run(Command::new("node").arg("no-dom.mjs").current_dir(dir.join("plain")))?;
    eprintln!("xtask: vite build of the React app (no warning allowed)");
    let vite = Command::new("npx")
        .args(["--no-install", "vite", "build", "--logLevel", "warn"])
        .current_dir(dir.join("react"))
        .env("PATH", crate::tool_path())
        .output()?;
    let said = format!("{}{}", String::from_utf8_lossy(&vite.stdout), String::from_utf8_lossy(&vite.stderr));
    if !vite.status.success() || !said.trim().is_empty() {
        return Err(format!("vite build of tests/consumers/react: {}\n{said}", vite.status).into());
    }
    publish_dry_run(packaged)?;
    eprintln!("xtask: role-compare/fallback in Node (and a static page made with it)");
    run(Command::new("node").arg("fallback.mjs").current_dir(dir.join("plain")))?;
    eprintln!("xtask: role-compare/react rendered on the server (react-dom/server in Node)");
    run(Command::new("node").arg("ssr.mjs").current_dir(dir.join("react")))?;
    esbuild_app(&dir.join("esbuild"), packaged)?;
    no_markup_in_client_bundles(&dir.join("esbuild"))?;
    for (project, built) in [("webpack", "public/build"), ("astro", "dist"), ("next", ".next")] {
        let started = std::time::Instant::now();
        framework_app(&dir.join(project), built, packaged)?;
        eprintln!("xtask: {project} readied in {:.0} s", started.elapsed().as_secs_f64());
    }
    unzip_under_sub_path(packaged)
}

/// `npm publish --dry-run` of the tarball passes and would upload exactly
/// the packed files, among them every file README's "Install" names.
fn publish_dry_run(packaged: &Packaged) -> Result<()> {
    eprintln!("xtask: npm publish --dry-run of {}", packaged.tarball.display());
    let out = Command::new("npm")
        .args(["publish", "--dry-run", "--json", "--ignore-scripts", "--tag", "dry-run"])
        .arg(&packaged.tarball)
        .current_dir(out_dir())
        .output()?;
    if !out.status.success() {
        return Err(format!("npm publish --dry-run: {}\n{}", out.status, String::from_utf8_lossy(&out.stderr)).into());
    }
    let report: Value = serde_json::from_slice(&out.stdout).map_err(|e| format!("npm publish --json: {e}"))?;
    // npm 11 keys the report by package name.
    let report = report.get(NAME).unwrap_or(&report);
    let mut published: Vec<&str> = report["files"]
        .as_array()
        .ok_or("npm publish --json lists no files")?
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    published.sort_unstable();
    let mut packed: Vec<String> = list_files(&staged())?.into_iter().filter(|f| !is_precompressed(f)).collect();
    packed.sort();
    if published != packed {
        return Err(format!("npm publish would upload {published:?}, not the packed {packed:?}").into());
    }
    let readme = std::fs::read_to_string(root().join("README.md"))?;
    let install = readme.split("## Install").nth(1).and_then(|s| s.split("\n## ").next()).unwrap_or_default();
    for named in [
        "role-compare.js",
        "role-compare.css",
        "fallback.html",
        "role-compare.d.ts",
        "custom-elements.json",
        "fallback.js",
        "fallback-browser.js",
        "react.js",
    ] {
        if !install.contains(&format!("`{named}`")) || !published.contains(&named) {
            return Err(format!("README's Install names `{named}` and the package must hold it").into());
        }
    }
    Ok(())
}

/// A marker of the prerendered markup: every fallback's declarative shadow root has it.
const MARKUP: &str = "shadowrootmode";

/// `role-compare/fallback` bundled for a browser (esbuild's default
/// platform) holds none of the markup, and says where it works; bundled for
/// Node it holds it all (so this check can fail).
fn no_markup_in_client_bundles(project: &Path) -> Result<()> {
    let bundle = |platform: &str| -> Result<String> {
        let out = Command::new("npx")
            .args([
                "--no-install",
                "esbuild",
                "src/fallback-client.js",
                "--bundle",
                "--format=esm",
                "--log-level=warning",
            ])
            .arg(format!("--platform={platform}"))
            .current_dir(project)
            .output()?;
        if !out.status.success() || !out.stderr.is_empty() {
            return Err(format!("esbuild --platform={platform}: {}", String::from_utf8_lossy(&out.stderr)).into());
        }
        Ok(String::from_utf8(out.stdout)?)
    };
    let (browser, node) = (bundle("browser")?, bundle("node")?);
    if browser.contains(MARKUP) || !browser.contains("runs on the server only") {
        return Err("a browser bundle of role-compare/fallback holds the markup, or not the server-only error".into());
    }
    if node.matches(MARKUP).count() != crate::prerender::pages().len() {
        return Err(format!("a Node bundle of role-compare/fallback does not hold every fallback's {MARKUP}").into());
    }
    Ok(())
}

/// A framework's consumer project: pinned dependencies, the tarball, then
/// `npm run build` (no warning allowed); what it built into `built`, but its
/// HTML, holds none of the prerendered markup (no fallback in a client bundle).
fn framework_app(project: &Path, built: &str, packaged: &Packaged) -> Result<()> {
    npm_ci(project)?;
    install_tarball(project, &packaged.tarball)?;
    eprintln!("xtask: npm run build in {} (no warning allowed)", project.display());
    // A fresh build (a `next dev` of the page tests leaves types that clash with the next build's).
    if project.join(built).exists() {
        std::fs::remove_dir_all(project.join(built))?;
    }
    let out = Command::new("npm")
        .args(["run", "--silent", "build"])
        .current_dir(project)
        .env("NEXT_TELEMETRY_DISABLED", "1")
        .env("ASTRO_TELEMETRY_DISABLED", "1")
        .output()?;
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    if !out.status.success() || said.to_ascii_lowercase().contains("warn") {
        return Err(format!("npm run build in {}: {}\n{said}", project.display(), out.status).into());
    }
    let client = crate::dist::files_below(&project.join(built))?
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "js") && !f.components().any(|c| c.as_os_str() == "server"));
    for file in client {
        if std::fs::read_to_string(&file).is_ok_and(|t| t.contains(MARKUP)) {
            return Err(format!("{} (a client bundle) holds the prerendered markup", file.display()).into());
        }
    }
    Ok(())
}

/// tests/consumers/esbuild: README's esbuild recipe as its `npm run` scripts
/// (the bundle, then the wasm copied beside it), as an ES module and in
/// esbuild's default format; a warning fails it.
fn esbuild_app(project: &Path, packaged: &Packaged) -> Result<()> {
    npm_ci(project)?;
    install_tarball(project, &packaged.tarball)?;
    for (script, out) in [("build", "public/build"), ("build-classic", "public/classic")] {
        eprintln!("xtask: npm run {script} in {} (esbuild, no warning allowed)", project.display());
        let out = project.join(out);
        if out.exists() {
            std::fs::remove_dir_all(&out)?;
        }
        let built = Command::new("npm").args(["run", "--silent", script]).current_dir(project).output()?;
        let said = format!("{}{}", String::from_utf8_lossy(&built.stdout), String::from_utf8_lossy(&built.stderr));
        if !built.status.success() || said.contains("[WARNING]") {
            return Err(format!("npm run {script} in tests/consumers/esbuild: {}\n{said}", built.status).into());
        }
    }
    Ok(())
}

/// The zip unpacked as a web host would: under `/widgets/role-compare/<version>/`
/// of the folder the zip test serves (target/consumers/zip/).
fn unzip_under_sub_path(packaged: &Packaged) -> Result<()> {
    let site = root().join("target/consumers/zip");
    if site.exists() {
        std::fs::remove_dir_all(&site)?;
    }
    let to = site.join(format!("widgets/{NAME}/{}", role_compare::VERSION));
    std::fs::create_dir_all(&to)?;
    zip::ZipArchive::new(std::fs::File::open(&packaged.zip)?)?.extract(&to)?;
    Ok(())
}

/// `npm ci` unless node_modules already holds exactly the lockfile's tree.
fn npm_ci(project: &Path) -> Result<()> {
    let lock = std::fs::read(project.join("package-lock.json"))?;
    let marker = project.join("node_modules/.installed-lock");
    if std::fs::read(&marker).is_ok_and(|m| m == lock) {
        return Ok(());
    }
    eprintln!("xtask: npm ci in {}", project.display());
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .env("PUPPETEER_SKIP_DOWNLOAD", "1")
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .current_dir(project))?;
    std::fs::write(marker, lock)?;
    Ok(())
}

/// `npm install` of the tarball without touching package.json or the lock
/// (its contents change on every build), replacing any earlier install.
fn install_tarball(project: &Path, tarball: &Path) -> Result<()> {
    let installed = project.join("node_modules").join(NAME);
    if installed.exists() {
        std::fs::remove_dir_all(&installed)?;
    }
    run(Command::new("npm")
        .args(["install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--ignore-scripts"])
        .arg(tarball)
        .current_dir(project))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file README's "Public API" names as public is reachable through
    /// `exports` (Node and bundlers refuse a subpath it does not list):
    /// the stylesheets, and the fallback and the page of every language.
    #[test]
    fn every_public_file_is_exported() {
        let mut files: Vec<String> = [
            "role-compare.js",
            "role-compare-abc123.js",
            "role-compare-abc123_bg.wasm",
            "role-compare.css",
            "noscript.css",
            STANDALONE,
            TYPES,
            MANIFEST,
        ]
        .map(str::to_owned)
        .to_vec();
        for dataset in role_compare::data::datasets() {
            files.push(crate::prerender::fallback_name(dataset));
            files.push(crate::prerender::page_name(dataset));
        }
        files.extend(crate::prerender::pages().into_iter().map(|p| p.fallback_file()));
        let p = package_json("0.0.0", &files).unwrap();
        let targets: Vec<&str> = p["exports"]
            .as_object()
            .unwrap()
            .values()
            .map(|t| t.as_str().or_else(|| t["default"].as_str()).unwrap())
            .collect();
        for file in files.iter().filter(|f| !f.starts_with("role-compare-") || f.as_str() == STANDALONE) {
            if file.starts_with("fallback/") {
                // A subpath pattern: `./fallback/*` maps `./fallback/<id>.<lang>.html` to itself.
                assert_eq!(p["exports"]["./fallback/*"], "./fallback/*", "{file}");
                continue;
            }
            if file.as_str() == TYPES {
                assert_eq!(p["exports"]["."]["types"], format!("./{TYPES}"));
                continue;
            }
            assert!(
                targets.contains(&format!("./{file}").as_str()),
                "{file} is public but not exported: {:#}",
                p["exports"]
            );
        }
        assert_eq!(p["exports"]["./fallback.es.html"], "./fallback.es.html");
        assert_eq!(p["exports"]["./page.es.html"], "./index.es.html");
        assert_eq!(p["exports"]["./page.html"], "./index.html");
    }
}
