//! Step 6: the widget's own pages, one per comparison and language (the
//! first comparison's `index.html`), prerendered, in their language, loading
//! the page loader; one fallback per comparison and language for the custom
//! element; the index pages; with a base URL, `sitemap.xml` and each page's
//! oEmbed file beside it (discovered by its `<link rel="alternate">`).

use std::path::Path;

use role_compare::data::{catalogues, Msg};
use role_compare::embed::api::{EMBED_LINK, PAGE_MARKER};

use super::hash::integrity;
use super::html::{self, ContentType};
use crate::prerender::{self, BaseUrl};
use crate::Result;

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

/// Writes every comparison's page (in every language) and fallbacks, the
/// index pages and, with a base URL, `sitemap.xml` into `dir` (names:
/// `crate::prerender`); returns the first page as it stands before its
/// loader is replaced (the stand-alone file's start).
pub fn write(dir: &Path, index: &str, page_loader: &str, base: Option<&BaseUrl>) -> Result<String> {
    prerender::check_names()?;
    std::fs::create_dir_all(dir.join("fallback"))?;
    let mut first = None;
    for page in prerender::pages() {
        let view = page.view();
        let (head, widget) = (prerender::head(page, base), prerender::widget(view, 1));
        let html = html::rewrite(
            index,
            "index.html",
            vec![
                language(&view.lang, view.dir.as_str()),
                html::one("head > title", |el| {
                    el.replace(&head, ContentType::Html);
                    Ok(())
                }),
                // The page opens on its comparison, live too (src/embed/page.rs reads it).
                html::one("main[data-role-compare-page]", |el| {
                    el.set_attribute(PAGE_MARKER, page.id())?;
                    el.set_inner_content(&widget, ContentType::Html);
                    Ok(())
                }),
                // The embed view's link to the full comparison: this page.
                html::one(EMBED_LINK, |el| {
                    el.set_attribute("href", &format!("./{}", page.file()))?;
                    el.set_inner_content(view.ui().text(Msg::FullComparison), ContentType::Text);
                    Ok(())
                }),
            ],
        )?;
        let with_loader = html::rewrite(
            &html,
            "index.html",
            vec![html::one(LOADER_SCRIPT, |el| {
                el.set_attribute("src", &format!("./{page_loader}"))?;
                Ok(())
            })],
        )?;
        std::fs::write(dir.join(page.file()), with_loader)?;
        let oembed = dir.join(page.oembed_file());
        match base {
            Some(base) => std::fs::write(oembed, prerender::oembed(page, base))?,
            // oEmbed needs absolute URLs: none without a base URL.
            None if oembed.exists() => std::fs::remove_file(oembed)?,
            None => {}
        }
        std::fs::write(dir.join(page.fallback_file()), prerender::fallback(view, Some(page.id())))?;
        if page.comparison == 0 {
            // The default fallback, as before comparisons (no `comparison`: the first).
            std::fs::write(dir.join(prerender::fallback_name(view)), prerender::fallback(view, None))?;
            first.get_or_insert(html);
        }
    }
    for lang in 0..catalogues().len() {
        std::fs::write(dir.join(prerender::index_name(lang)), index_page(index, lang, base)?)?;
    }
    let sitemap = dir.join("sitemap.xml");
    match base {
        Some(base) => std::fs::write(sitemap, prerender::sitemap(base))?,
        // Without absolute URLs there is no sitemap (a relative <loc> is invalid).
        None if sitemap.exists() => std::fs::remove_file(sitemap)?,
        None => {}
    }
    first.ok_or_else(|| "no comparison".into())
}

/// The index page of catalogue `lang`, from the page template `index`
/// (with its first-paint script): a static page, no widget and no script.
fn index_page(index: &str, lang: usize, base: Option<&BaseUrl>) -> Result<String> {
    let c = &catalogues()[lang];
    let (head, body) = (prerender::index_head(lang, base), prerender::index(lang));
    html::rewrite(
        index,
        "index.html",
        vec![
            language(&c.lang, c.dir.as_str()),
            html::one("head > title", |el| {
                el.replace(&head, ContentType::Html);
                Ok(())
            }),
            html::one(LOADER_SCRIPT, |el| {
                el.remove();
                Ok(())
            }),
            html::one(FIRST_PAINT_SCRIPT, |el| {
                el.remove();
                Ok(())
            }),
            html::one("p.rc-embed-more", |el| {
                el.remove();
                Ok(())
            }),
            html::one("main[data-role-compare-page]", |el| {
                el.remove_attribute(PAGE_MARKER);
                el.set_inner_content(&body, ContentType::Html);
                Ok(())
            }),
        ],
    )
}

/// The selector of the first-paint script [`add_first_paint`] adds.
const FIRST_PAINT_SCRIPT: &str = "head > script[src^=\"./first-paint-\"]";

/// The selector of the element loader's module script in a page (a test
/// checks it names [`crate::dist::LOADER`]).
pub const LOADER_SCRIPT: &str = "script[type=module][src=\"./role-compare.js\"]";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prerender::{pages, Page};

    #[test]
    fn the_loader_selector_names_the_loader() {
        assert!(super::LOADER_SCRIPT.contains(&format!("\"./{}\"", crate::dist::LOADER)));
    }

    /// The page template as the build has it by this step (trimmed).
    const TEMPLATE: &str = "<!doctype html><html lang=\"en\"><head><title>role-compare</title>\
        <script type=\"module\" src=\"./role-compare.js\"></script>\
        <script src=\"./first-paint-abc.js\" crossorigin></script></head>\
        <body><main id=\"role-compare\" data-role-compare-page></main>\
        <p class=\"rc-embed-more\"><a target=\"_top\"></a></p></body></html>";

    /// Writes the pages into a fresh folder under target/; returns it and the names written.
    fn written(name: &str, base: Option<&BaseUrl>) -> (std::path::PathBuf, Vec<String>) {
        let dir = crate::root().join("target/test-prerendered").join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        write(&dir, TEMPLATE, "page-loader-abc.js", base).unwrap();
        let mut files: Vec<String> = crate::dist::files_below(&dir)
            .unwrap()
            .iter()
            .map(|f| f.strip_prefix(&dir).unwrap().to_string_lossy().into_owned())
            .collect();
        files.sort();
        (dir, files)
    }

    #[test]
    fn every_page_fallback_and_index_is_written_and_the_sitemap_only_with_a_base_url() {
        let (dir, files) = written("without", None);
        let mut expected: Vec<String> = pages().iter().flat_map(|p| [p.file(), p.fallback_file()]).collect();
        expected.extend((0..catalogues().len()).map(prerender::index_name));
        expected.extend(role_compare::data::datasets().iter().map(prerender::fallback_name));
        expected.sort();
        assert_eq!(files, expected);
        let page = Page { lang: 1, comparison: 2 };
        let html = std::fs::read_to_string(dir.join(page.file())).unwrap();
        assert!(html.contains(&format!("<main id=\"role-compare\" data-role-compare-page=\"{}\">", page.id())));
        assert!(html.contains("src=\"./page-loader-abc.js\"") && html.contains("<html lang=\"es\" dir=\"ltr\">"));
        assert!(!html.contains("hreflang") && !html.contains("canonical"), "no URL without a base URL");
        // The index: static, no widget marker, no script.
        let index = std::fs::read_to_string(dir.join(prerender::index_name(0))).unwrap();
        assert!(!index.contains("<script") && !index.contains(PAGE_MARKER) && index.contains("class=\"rc-index\""));
        assert!(!index.contains("rc-embed-more"), "the index has no embed view");

        let base = BaseUrl::parse("https://example.org/careers/").unwrap();
        let (dir, files) = written("with", Some(&base));
        expected.push("sitemap.xml".into());
        expected.extend(pages().iter().map(|p| p.oembed_file()));
        expected.sort();
        assert_eq!(files, expected);
        let html = std::fs::read_to_string(dir.join(page.file())).unwrap();
        let url = base.join(&page.file());
        assert!(html.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")), "{html}");
        let discovery = format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
            base.join(&page.oembed_file()),
            page.view().title
        );
        assert!(html.contains(&discovery), "{discovery} missing: {html}");
        // The embed view's link: the page itself, in its language.
        assert!(html.contains(&format!(
            "<p class=\"rc-embed-more\"><a target=\"_top\" href=\"./{}\">Ver la comparación completa</a></p>",
            page.file()
        )));
        assert_eq!(std::fs::read_to_string(dir.join("sitemap.xml")).unwrap(), prerender::sitemap(&base));
        // Built again without: the old sitemap goes.
        write(&dir, TEMPLATE, "page-loader-abc.js", None).unwrap();
        assert!(!dir.join("sitemap.xml").exists());
        assert!(!dir.join(page.oembed_file()).exists(), "no oEmbed file without a base URL");
    }
}
