//! Step 6: `role-compare-standalone.html`, one file that works from disk:
//! the first page with its stylesheets, icon and first-paint script inlined,
//! and that page's own build (the page alone, its language: step 2), glue
//! and wasm (base64), bundled by esbuild into one minified module script.
//! No request at all.

use std::path::Path;

use base64::Engine as _;

use super::html::{self, ContentType, Times};
use super::prerendered::LOADER_SCRIPT;
use super::{js, PageBuild};
use crate::Result;

/// The stand-alone file of the page `page` (its loader not yet replaced),
/// run by `build`, the page build of its language; `first_paint` is the
/// minified first-paint script.
pub fn build(dir: &Path, built: &PageBuild, page: &str, first_paint: &str) -> Result<String> {
    let script = js::minify(
        &js::bundle(
            "standalone.js",
            &[],
            &[("role-compare:glue", &dir.join(&built.glue)), ("role-compare:wasm", &dir.join(&built.wasm))],
            &[],
        )?,
        true,
    )?;
    let module = html::element("script", &[("type", Some("module"))], &format!("\n{script}"))?;
    let first_paint = html::element("script", &[], &format!("\n{first_paint}"))?;
    html::rewrite(
        page,
        "index.html",
        vec![
            inline_css(dir),
            // Scripts off, the page links noscript.css: inlined too.
            html::raw_text("noscript", |text| {
                html::rewrite(text, "index.html's <noscript>", vec![inline_css(dir)]).map_err(|e| e.to_string())
            }),
            html::one("script[src^='./first-paint-']", |el| {
                el.replace(&first_paint, ContentType::Html);
                Ok(())
            }),
            html::one("link[rel=icon][href^='./']", |el| {
                let href = html::attribute(el, "href")?;
                let svg = std::fs::read(dir.join(href.trim_start_matches("./")))?;
                let svg = base64::engine::general_purpose::STANDARD.encode(svg);
                el.set_attribute("href", &format!("data:image/svg+xml;base64,{svg}"))?;
                el.remove_attribute("integrity");
                Ok(())
            }),
            html::one(LOADER_SCRIPT, |el| {
                el.replace(&module, ContentType::Html);
                Ok(())
            }),
        ],
    )
}

/// Each stylesheet of dist/ a page links, as a `<style>` of its content.
fn inline_css(dir: &Path) -> html::Edit<'_> {
    html::each("link[rel=stylesheet][href^='./']", Times::AtLeast(1), move |el| {
        let href = html::attribute(el, "href")?;
        let css = std::fs::read_to_string(dir.join(href.trim_start_matches("./")))?;
        el.replace(&html::element("style", &[], &format!("\n{css}"))?, ContentType::Html);
        Ok(())
    })
}
