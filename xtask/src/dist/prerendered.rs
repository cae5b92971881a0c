//! Step 5: the widget's own pages, one per dataset (the first the default,
//! `index.html`), prerendered, in their language, loading the page loader;
//! and one fallback per dataset for the custom element.

use std::path::Path;

use role_compare::data::datasets;

use super::hash::integrity;
use super::html::{self, ContentType};
use crate::{prerender, Result};

/// `index` with the render-blocking first-paint script `name` (content
/// `js`) last in its head.
pub fn add_first_paint(index: &str, name: &str, js: &str) -> Result<String> {
    let src = format!("./{name}");
    let tag = html::element(
        "script",
        &[("src", Some(&src)), ("crossorigin", None), ("integrity", Some(&integrity(js.as_bytes())))],
        "",
    )?;
    html::rewrite(
        index,
        "index.html",
        vec![html::one("head", |el| {
            el.append(&format!("  {tag}\n"), ContentType::Html);
            Ok(())
        })],
    )
}

/// The edit that sets `<html lang dir>`.
fn language<'h>(lang: &'h str, dir: &'h str) -> html::Edit<'h> {
    html::one("html", move |el| {
        el.set_attribute("lang", lang)?;
        el.set_attribute("dir", dir)?;
        Ok(())
    })
}

/// `index` in the language `lang`, written in the direction `dir`.
pub fn set_language(index: &str, lang: &str, dir: &str) -> Result<String> {
    html::rewrite(index, "index.html", vec![language(lang, dir)])
}

/// Writes every page and fallback into `dir`; returns the first page as it
/// stands before its loader is replaced (the stand-alone file's start).
pub fn write(dir: &Path, index: &str, page_loader: &str) -> Result<String> {
    let mut first = None;
    for dataset in datasets() {
        let (head, widget) = (prerender::head(dataset), prerender::widget(dataset, 1));
        let page = html::rewrite(
            index,
            "index.html",
            vec![
                language(&dataset.lang, dataset.dir.as_str()),
                html::one("head > title", |el| {
                    el.replace(&head, ContentType::Html);
                    Ok(())
                }),
                html::one("main[data-role-compare-page]", |el| {
                    el.set_inner_content(&widget, ContentType::Html);
                    Ok(())
                }),
            ],
        )?;
        let with_loader = html::rewrite(
            &page,
            "index.html",
            vec![html::one(LOADER_SCRIPT, |el| {
                el.set_attribute("src", &format!("./{page_loader}"))?;
                Ok(())
            })],
        )?;
        std::fs::write(dir.join(prerender::page_name(dataset)), with_loader)?;
        std::fs::write(dir.join(prerender::fallback_name(dataset)), prerender::fallback(dataset))?;
        first.get_or_insert(page);
    }
    first.ok_or_else(|| "no dataset".into())
}

/// The selector of the element loader's module script in a page (a test
/// checks it names [`crate::dist::LOADER`]).
pub const LOADER_SCRIPT: &str = "script[type=module][src=\"./role-compare.js\"]";

#[cfg(test)]
mod tests {
    #[test]
    fn the_loader_selector_names_the_loader() {
        assert!(super::LOADER_SCRIPT.contains(&format!("\"./{}\"", crate::dist::LOADER)));
    }
}
