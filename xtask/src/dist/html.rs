//! HTML edits through an HTML rewriter (lol_html), never `find` on a tag's
//! text: each edit names a CSS selector and how many elements it must match,
//! so a template without an anchor fails the build, naming the selector and
//! the file.

use std::borrow::Cow;
use std::cell::Cell;

use lol_html::html_content::{Element, TextChunk};
use lol_html::{ElementContentHandlers, HandlerResult, RewriteStrSettings, Selector};

pub use lol_html::html_content::ContentType;

use crate::Result;

/// How many elements an edit's selector must match.
#[derive(Clone, Copy)]
pub enum Times {
    Exactly(usize),
    AtLeast(usize),
}

type Handler<'h> = Box<dyn FnMut(&mut Element<'_, '_>) -> HandlerResult + 'h>;
type TextHandler<'h> = Box<dyn FnMut(&str) -> std::result::Result<String, String> + 'h>;

/// One edit: `handler` runs on every element `selector` matches (and
/// `text`, if any, on each one's whole text).
pub struct Edit<'h> {
    selector: &'static str,
    times: Times,
    handler: Handler<'h>,
    text: Option<TextHandler<'h>>,
}

/// An edit of exactly one element.
pub fn one<'h>(selector: &'static str, handler: impl FnMut(&mut Element<'_, '_>) -> HandlerResult + 'h) -> Edit<'h> {
    each(selector, Times::Exactly(1), handler)
}

/// An edit of the raw text of exactly one element (the content of a
/// `<noscript>`, which an HTML parser with scripting on reads as text): its
/// text replaced by what `handler` makes of it, as markup.
pub fn raw_text<'h>(
    selector: &'static str,
    handler: impl FnMut(&str) -> std::result::Result<String, String> + 'h,
) -> Edit<'h> {
    Edit { selector, times: Times::Exactly(1), handler: Box::new(|_| Ok(())), text: Some(Box::new(handler)) }
}

/// An edit of `times` elements.
pub fn each<'h>(
    selector: &'static str,
    times: Times,
    handler: impl FnMut(&mut Element<'_, '_>) -> HandlerResult + 'h,
) -> Edit<'h> {
    Edit { selector, times, handler: Box::new(handler), text: None }
}

/// `html` (read from `file`, named in errors) with `edits` applied; fails when
/// an edit's selector matched another number of elements than it says.
pub fn rewrite(html: &str, file: &str, edits: Vec<Edit<'_>>) -> Result<String> {
    let counts: Vec<Cell<usize>> = edits.iter().map(|_| Cell::new(0)).collect();
    let mut wanted = Vec::new();
    let mut handlers = Vec::new();
    for (edit, count) in edits.into_iter().zip(&counts) {
        let selector: Selector =
            edit.selector.parse().map_err(|e| format!("{file}: bad selector `{}`: {e}", edit.selector))?;
        let mut handler = edit.handler;
        wanted.push((edit.selector, edit.times));
        let mut on = ElementContentHandlers::default().element(move |el: &mut Element<'_, '_>| {
            count.set(count.get() + 1);
            handler(el)
        });
        if let Some(mut text) = edit.text {
            let mut whole = String::new();
            on = on.text(move |chunk: &mut TextChunk<'_>| {
                whole.push_str(chunk.as_str());
                if chunk.last_in_text_node() {
                    chunk.replace(&text(&std::mem::take(&mut whole))?, ContentType::Html);
                } else {
                    chunk.remove();
                }
                Ok(())
            });
        }
        handlers.push((Cow::Owned(selector), on));
    }
    let out = lol_html::rewrite_str(
        html,
        RewriteStrSettings { element_content_handlers: handlers, ..RewriteStrSettings::new() },
    )
    .map_err(|e| format!("{file}: {e}"))?;
    for ((selector, times), count) in wanted.into_iter().zip(&counts) {
        let found = count.get();
        let ok = match times {
            Times::Exactly(n) => found == n,
            Times::AtLeast(n) => found >= n,
        };
        if !ok {
            let want = match times {
                Times::Exactly(n) => format!("exactly {n}"),
                Times::AtLeast(n) => format!("at least {n}"),
            };
            return Err(format!("{file}: the selector `{selector}` matched {found} elements, not {want}").into());
        }
    }
    Ok(out)
}

/// The value of `name` on `el`, or an error naming both.
pub fn attribute(el: &Element<'_, '_>, name: &str) -> std::result::Result<String, String> {
    el.get_attribute(name).ok_or_else(|| format!("<{}> has no {name}", el.tag_name()))
}

/// Markup of one element with `attributes` (values escaped; `None` writes a
/// bare attribute) and `content` as raw text (a script or a style, checked
/// not to close its element early).
pub fn element(name: &str, attributes: &[(&str, Option<&str>)], content: &str) -> std::result::Result<String, String> {
    if content.to_ascii_lowercase().contains(&format!("</{name}")) {
        return Err(format!("the content inlined into <{name}> contains </{name}"));
    }
    let mut out = format!("<{name}");
    for (key, value) in attributes {
        out.push(' ');
        out.push_str(key);
        if let Some(value) = value {
            out.push_str("=\"");
            out.push_str(&value.replace('&', "&amp;").replace('"', "&quot;"));
            out.push('"');
        }
    }
    out.push('>');
    out.push_str(content);
    out.push_str(&format!("</{name}>"));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_whose_anchor_is_missing_fails_naming_selector_and_file() {
        let html = "<html><head><title>t</title></head><body></body></html>";
        let err = rewrite(html, "index.html", vec![one("main[data-role-compare-page]", |_| Ok(()))]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "index.html: the selector `main[data-role-compare-page]` matched 0 elements, not exactly 1"
        );
        let twice = "<p></p><p></p>";
        assert!(rewrite(twice, "x.html", vec![one("p", |_| Ok(()))]).is_err());
        let out = rewrite(
            twice,
            "x.html",
            vec![each("p", Times::AtLeast(1), |el| {
                el.set_attribute("class", "a")?;
                Ok(())
            })],
        )
        .unwrap();
        assert_eq!(out, "<p class=\"a\"></p><p class=\"a\"></p>");
    }

    #[test]
    fn raw_text_edits_the_text_of_a_noscript() {
        let html = "<head><noscript><link rel=stylesheet href=a.css></noscript></head>";
        let out = rewrite(html, "x.html", vec![raw_text("noscript", |text| Ok(text.replace("a.css", "b.css")))]);
        assert_eq!(out.unwrap(), "<head><noscript><link rel=stylesheet href=b.css></noscript></head>");
    }

    #[test]
    fn element_escapes_attributes_and_refuses_an_early_close() {
        assert_eq!(
            element("script", &[("src", Some("./a\"b&.js")), ("crossorigin", None)], "").unwrap(),
            "<script src=\"./a&quot;b&amp;.js\" crossorigin></script>"
        );
        assert!(element("script", &[], "x = '</SCRIPT>'").is_err());
    }
}
