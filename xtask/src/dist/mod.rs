//! `cargo xtask dist`: the release build in dist/, as named steps (a module
//! each; `dist()` is their list), and what it weighs.

mod compress;
mod css;
mod hash;
pub(crate) mod html;
pub(crate) mod js;
mod page_builds;
mod prerendered;
mod standalone;
pub(crate) mod trunk;

use std::path::{Path, PathBuf};

pub use compress::{is_precompressed, sizes};

use role_compare::embed::{api, tag};

use crate::prerender::BaseUrl;
use crate::{root, Result};

/// The stable entry module embedders load.
pub const LOADER: &str = "role-compare.js";
pub const STANDALONE: &str = "role-compare-standalone.html";

/// The hashed files of the element's build Trunk wrote.
pub struct Built {
    pub glue: String,
    pub wasm: String,
    pub css: String,
}

/// One page build: the page alone (feature `page`), one language's dataset.
pub struct PageBuild {
    pub lang: String,
    pub glue: String,
    pub wasm: String,
}

/// Builds the release into dist/ and returns the size report (no base URL:
/// the pages give no absolute URL and there is no sitemap).
pub fn dist() -> Result<String> {
    dist_at(None)
}

/// Builds the release into dist/, for publishing at `base` when given
/// (canonical and `hreflang` links, `og:url`, `sitemap.xml`); returns the size report.
pub fn dist_at(base: Option<&BaseUrl>) -> Result<String> {
    dist_into(&root().join("dist"), base)
}

/// The same release build into `dir` instead of dist/ (the bench times one
/// beside dist/ without touching it). Its catalogue is the one this xtask
/// was compiled with: the prerendered pages and the page builds follow
/// `ROLE_COMPARE_DATASET` as it was when xtask was built.
pub fn dist_into(dir: &Path, base: Option<&BaseUrl>) -> Result<String> {
    let dir = dir.to_path_buf();
    // 1. The element (every language), by Trunk.
    let mut built = trunk::build(&dir, true, trunk::Features::Element, &[])?;
    // 2. The element loader, dist/role-compare.js (unhashed: embedders link it;
    // not minified, so that it reads as what it is where it is linked).
    std::fs::write(dir.join(LOADER), js::element_loader(&built, api::TAG)?)?;
    // 3. The page alone, once per language, and the page loader that picks one.
    let index = std::fs::read_to_string(dir.join("index.html"))?;
    let pages = page_builds::build(&dir, &trunk::wasm_opt_args(&index)?)?;
    let page_loader = write_hashed(&dir, "page-loader", "js", &js::minify(&js::page_loader(&pages)?, true)?)?;
    // 4. The stylesheets: minified, the first-paint rules added, renamed for their content.
    let index = css::finish(&dir, &trunk::link_loader(&index, LOADER)?, &mut built.css)?;
    // 5. The first-paint script, render-blocking in the head.
    let first_paint = js::minify(js::FIRST_PAINT_JS, false)?;
    let first_paint_name = write_hashed(&dir, "first-paint", "js", &first_paint)?;
    let index = prerendered::add_first_paint(&index, &first_paint_name, &first_paint)?;
    // 6. One prerendered page and fallback per comparison and language, the
    // index pages; with a base URL, the sitemap and the oEmbed files.
    let first_page = prerendered::write(&dir, &index, &page_loader, base)?;
    if dir == root().join("dist") {
        let template = serde_json::json!({ "template": index, "page_loader": page_loader });
        std::fs::write(root().join(TEMPLATE), serde_json::to_string(&template)?)?;
    }
    // 7. The unhashed stylesheet for embedders, and the stand-alone file.
    std::fs::copy(dir.join(&built.css), dir.join("role-compare.css"))?;
    std::fs::write(dir.join(STANDALONE), standalone::build(&dir, &pages[0], &first_page, &first_paint)?)?;
    // 8. The glues minified (after the stand-alone file, which bundles its own itself).
    let glues: Vec<String> = std::iter::once(built.glue.clone()).chain(pages.iter().map(|p| p.glue.clone())).collect();
    js::minify_glues(&dir, &glues)?;
    // 9. `.br` and `.gz` beside every text and wasm file.
    compress::precompress(&dir)?;
    compress::size_report(&dir)
}

/// The page template and the page loader's name of the last build into
/// dist/, kept so that [`published_copy`] can prerender its pages again.
const TEMPLATE: &str = "target/dist-template.json";

/// Where [`published_copy`] writes.
pub const PUBLISHED: &str = "target/dist-published";

/// Test only: dist/ as published at `http://127.0.0.1:<a port free now>/`,
/// in target/dist-published/ (its pages prerendered again for that base URL:
/// canonical links, the sitemap, the oEmbed files; no `.br`/`.gz`), for the
/// WordPress suite's oEmbed test, which serves it on that port (the URL is
/// each oEmbed file's `provider_url`). Cheap: no build, dist/ as it was built.
pub fn published_copy() -> Result<PathBuf> {
    let saved: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join(TEMPLATE))
            .map_err(|e| format!("{TEMPLATE}: {e}: run cargo xtask dist"))?,
    )?;
    let (Some(template), Some(page_loader)) = (saved["template"].as_str(), saved["page_loader"].as_str()) else {
        return Err(format!("{TEMPLATE} names no template: run cargo xtask dist").into());
    };
    let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let base = BaseUrl::parse(&format!("http://127.0.0.1:{port}/"))?;
    let (from, to) = (root().join("dist"), root().join(PUBLISHED));
    let _ = std::fs::remove_dir_all(&to);
    for file in files_below(&from)? {
        let name = file.strip_prefix(&from)?.to_string_lossy().into_owned();
        if is_precompressed(&name) {
            continue;
        }
        std::fs::create_dir_all(to.join(&name).parent().expect("a file has a folder"))?;
        std::fs::copy(&file, to.join(&name))?;
    }
    prerendered::write(&to, template, page_loader, Some(&base))?;
    Ok(to)
}

/// Writes `content` into `dir` as `<stem>-<hash>.<ext>`; returns that name.
fn write_hashed(dir: &Path, stem: &str, ext: &str, content: &str) -> Result<String> {
    let name = format!("{stem}-{}.{ext}", hash::content_hash(content.as_bytes()));
    std::fs::write(dir.join(&name), content)?;
    Ok(name)
}

/// `<script type="module" src="./{name}"></script>`: how a page loads a loader.
pub fn loader_tag(name: &str) -> std::result::Result<String, String> {
    html::element("script", &[("type", Some("module")), ("src", Some(&format!("./{name}")))], "")
}

/// Every file below `dir` (recursively).
pub(crate) fn files_below(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    Ok(files)
}

/// Where `cargo xtask dist-fixture` builds the test-only right-to-left widget.
pub const FIXTURE_DIST: &str = "target/dist-rtl";
/// Where it builds the same under its own tag name, [`FIXTURE_TAG`].
pub const FIXTURE_TAG_DIST: &str = "target/dist-rtl-tag";
/// The tag name of that build.
pub const FIXTURE_TAG: &str = "role-compare-ar";
/// Its dataset: Arabic, two categories, every UI string its own.
pub const FIXTURE_DATASET: &str = "tests/fixtures/rtl-ar.json";

/// The widget with another dataset compiled in, as a site with its own
/// dataset builds it (`ROLE_COMPARE_DATASET`), into `target/dist-rtl/`: a
/// debug build (quicker; size does not matter there), the loader and the
/// page, which renders on start (no prerender). The page tests use it for a
/// right-to-left language and as a second build on a page; built twice: as
/// `<role-compare>` into `target/dist-rtl/`, and under its own tag name
/// ([`FIXTURE_TAG`], `ROLE_COMPARE_TAG`) into `target/dist-rtl-tag/`.
pub fn fixture() -> Result<()> {
    fixture_into(&root().join(FIXTURE_DIST), None)?;
    fixture_into(&root().join(FIXTURE_TAG_DIST), Some(FIXTURE_TAG))
}

fn fixture_into(dir: &Path, tag: Option<&str>) -> Result<()> {
    let tag = tag.unwrap_or(tag::DEFAULT);
    let env = [("ROLE_COMPARE_DATASET", FIXTURE_DATASET), ("ROLE_COMPARE_TAG", tag)];
    let built = trunk::build(dir, false, trunk::Features::Full, &env)?;
    std::fs::write(dir.join(LOADER), js::element_loader(&built, tag)?)?;
    let index = trunk::link_loader(&std::fs::read_to_string(dir.join("index.html"))?, LOADER)?;
    // The page in the dataset's language and direction, as the prerender writes it.
    let json = std::fs::read_to_string(root().join(FIXTURE_DATASET))?;
    let dataset = role_compare::data::view::parse_dataset(FIXTURE_DATASET, &json)?;
    std::fs::write(dir.join("index.html"), prerendered::set_language(&index, &dataset.lang, dataset.dir.as_str())?)?;
    std::fs::copy(dir.join(&built.css), dir.join("role-compare.css"))?;
    Ok(())
}
