//! Step 4: the stylesheets Trunk linked, minified by the pinned csso, the
//! first-paint rules (the view a link asks for) joined to the widget's, each
//! renamed for its new content; the links' Subresource Integrity renewed.

use std::path::Path;
use std::process::{Command, Stdio};

use role_compare::data::catalogues;

use super::hash::{content_hash, integrity};
use super::html::{self, Times};
use crate::{first_paint, root, Result};

/// `index` with its stylesheets renewed in `dir`; `widget_css` (Trunk's name
/// of the widget's stylesheet) becomes the new name.
pub fn finish(dir: &Path, index: &str, widget_css: &mut String) -> Result<String> {
    let source = std::fs::read_to_string(root().join("assets/role-compare.css"))?;
    let mut renamed = None;
    let out = html::rewrite(
        index,
        "index.html",
        vec![html::each("link[rel=stylesheet][integrity]", Times::AtLeast(1), |el| {
            let href = html::attribute(el, "href")?;
            let old = href.strip_prefix("./").ok_or_else(|| format!("a stylesheet outside dist/: {href}"))?;
            let (stem, _) = old.rsplit_once('-').ok_or_else(|| format!("an unhashed stylesheet: {old}"))?;
            let mut css = std::fs::read_to_string(dir.join(old))?;
            if old == widget_css {
                css += &first_paint::css(catalogues(), &source).map_err(|e| e.to_string())?;
            }
            let css = minify(&css)?;
            let name = format!("{stem}-{}.css", content_hash(css.as_bytes()));
            std::fs::remove_file(dir.join(old))?;
            std::fs::write(dir.join(&name), &css)?;
            el.set_attribute("href", &format!("./{name}"))?;
            // Integrity needs CORS when the page's origin is opaque (an iframe with
            // `sandbox="allow-scripts"`, served with Access-Control-Allow-Origin as
            // README says): without `crossorigin` the check fails and the file is dropped.
            el.set_attribute("crossorigin", "")?;
            el.set_attribute("integrity", &integrity(css.as_bytes()))?;
            if old == widget_css {
                renamed = Some(name);
            }
            Ok(())
        })],
    )?;
    *widget_css = renamed.ok_or_else(|| format!("index.html links no {widget_css}"))?;
    Ok(out)
}

/// `source` through the pinned csso, structure kept (no rule merging).
fn minify(source: &str) -> std::result::Result<String, Box<dyn std::error::Error + Send + Sync>> {
    use std::io::Write as _;
    let mut child = Command::new("csso")
        .arg("--no-restructure")
        .env("PATH", crate::tool_path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start csso (cargo xtask installs it in tools/): {e}"))?;
    child.stdin.take().ok_or("no stdin")?.write_all(source.as_bytes())?;
    let out = child.wait_with_output()?;
    if !out.status.success() || out.stdout.is_empty() {
        return Err(format!("csso failed ({})", out.status).into());
    }
    Ok(String::from_utf8(out.stdout)?)
}
