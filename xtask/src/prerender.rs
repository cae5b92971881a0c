//! Prerendering at build time: the default view rendered natively with Yew's
//! server renderer, put into the page so readers (and search engines) get the
//! content before — or without — the wasm; the wasm's first render then
//! replaces it unseen (`src/embed/page.rs`).

use role_compare::components::{render_html, PageHead, PageHeadProps, RoleCompareProps};
use role_compare::data::{datasets, seo, Dataset};
use yew::LocalServerRenderer;

/// The page of a dataset in `dist/`: `index.html` for the first (default)
/// one, `index.<lang>.html` for each other language (`index.es.html`).
pub fn page_name(dataset: &Dataset) -> String {
    if std::ptr::eq(dataset, &datasets()[0]) {
        "index.html".to_owned()
    } else {
        format!("index.{}.html", dataset.lang.to_ascii_lowercase())
    }
}

/// The widget's default view, its title a heading of `heading_level` (1 on
/// the widget's own page, 2 in the custom element).
pub fn widget(dataset: &'static Dataset, heading_level: u8) -> String {
    // The widget's own page (its title the page's <h1>) has the role picker,
    // as its live widget does; the element's fallback has none.
    render_html(RoleCompareProps { heading_level, picker: heading_level == 1, ..RoleCompareProps::of(dataset) })
}

/// `<title>`, description, Open Graph, `hreflang` links to the page in every
/// language and one JSON-LD `Occupation` per role, in the dataset's language.
pub fn head(dataset: &'static Dataset) -> String {
    // Links between languages, when there is more than one.
    let alternates = match datasets().len() {
        1 => Vec::new(),
        _ => datasets().iter().map(|d| (d.lang.to_string(), page_name(d))).collect(),
    };
    let props = PageHeadProps { dataset: dataset.into(), alternates };
    let mut head =
        futures::executor::block_on(LocalServerRenderer::<PageHead>::with_props(props).hydratable(false).render());
    for occupation in seo::occupations(dataset) {
        // serde_json writes the JSON; `<` escaped so no `</script>` can end it early.
        let json = serde_json::to_string(&occupation).expect("JSON values serialize").replace('<', "\\u003c");
        head.push_str(&format!("\n  <script type=\"application/ld+json\">{json}</script>"));
    }
    head
}

/// The fallback an embedder pastes in place of `<role-compare>`: the default
/// view in a declarative shadow root, styled by `role-compare.css`. With
/// scripts off its toolbar is hidden by `noscript.css` (a `<noscript>` link:
/// the toggles could never work); with scripts on it stays, disabled, so the
/// live widget that replaces all this when the element starts moves nothing.
/// Every fallback names its language (`<role-compare lang="en">`), so the
/// live widget keeps the language the fallback showed, whatever the page's
/// (an element without `lang` follows the page's).
pub fn fallback(dataset: &'static Dataset) -> String {
    format!(
        "<role-compare lang=\"{}\">\n  <template shadowrootmode=\"open\">\n    \
         <link rel=\"stylesheet\" href=\"role-compare.css\">\n    \
         <noscript><link rel=\"stylesheet\" href=\"noscript.css\"></noscript>\n    {}\n  </template>\n</role-compare>\n",
        dataset.lang,
        widget(dataset, 2)
    )
}

/// The fallback's file name: `fallback.html`, `fallback.es.html`, …
pub fn fallback_name(dataset: &Dataset) -> String {
    page_name(dataset).replace("index", "fallback")
}

#[cfg(test)]
mod tests {
    use super::*;
    use role_compare::data::baked;

    fn unescape(html: &str) -> String {
        html.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#x27;", "'")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn prerendered_widget_holds_every_role_and_category_text() {
        let html = unescape(&widget(baked(), 1));
        let d = baked();
        for role in d.roles.iter() {
            assert!(html.contains(role.name.as_ref()));
        }
        for c in d.categories.iter() {
            assert!(html.contains(c.title.as_ref()), "{}", c.id);
            assert!(c.key_difference.as_ref().is_none_or(|k| html.contains(k.as_ref())), "{}", c.id);
            for point in c.entries.iter().flat_map(|p| p.iter()) {
                assert!(html.contains(point.as_ref()), "{point}");
            }
        }
        assert!(html.contains("$80,000") && html.contains("$70,000"));
    }

    #[test]
    fn head_has_title_description_and_parseable_json_ld_per_role() {
        let head = head(baked());
        let d = baked();
        assert!(head.contains(&format!("<title>{}</title>", d.title)));
        assert!(head.contains("name=\"description\"") && head.contains("property=\"og:title\""));
        let scripts: Vec<&str> = head
            .split("<script type=\"application/ld+json\">")
            .skip(1)
            .map(|s| s.split("</script>").next().unwrap())
            .collect();
        assert_eq!(scripts.len(), d.roles.len());
        for (script, role) in scripts.iter().zip(d.roles.iter()) {
            let v: serde_json::Value = serde_json::from_str(script).expect("JSON-LD parses");
            assert_eq!(v["name"], role.name.as_ref());
            assert_eq!(v["estimatedSalary"][0]["median"], role.facts.median_salary_usd);
        }
    }

    #[test]
    fn each_language_has_its_page_head_with_hreflang_links_and_json_ld() {
        let es = &datasets()[1];
        assert_eq!(
            (page_name(baked()), page_name(es), fallback_name(es)),
            ("index.html".into(), "index.es.html".into(), "fallback.es.html".into())
        );
        let head = unescape(&head(es));
        assert!(head.contains("<title>Especialista en ECMO frente a perfusionista</title>"), "{head}");
        assert!(head.contains(&format!("content=\"{}\"", es.description)));
        assert!(head.contains("property=\"og:locale\" content=\"es\""));
        for link in [
            "hreflang=\"en\" href=\"index.html\"",
            "hreflang=\"es\" href=\"index.es.html\"",
            "hreflang=\"x-default\" href=\"index.html\"",
        ] {
            assert!(head.contains(link), "{link} missing: {head}");
        }
        assert!(head.contains("\"name\":\"Perfusionista\""), "JSON-LD in Spanish");
        let widget = widget(es, 1);
        assert!(widget.contains("lang=\"es\"") && widget.contains("Mostrar todas"));
        assert!(fallback(es).starts_with("<role-compare lang=\"es\">") && fallback(es).contains("Ocultar todas"));
        // The English one says so too: pasted on a Spanish page, the live widget stays as pasted.
        assert!(fallback(baked()).starts_with("<role-compare lang=\"en\">"));
    }

    #[test]
    fn fallback_is_a_declarative_shadow_root() {
        let f = fallback(baked());
        assert!(f.starts_with("<role-compare lang=\"en\">\n  <template shadowrootmode=\"open\">"));
        assert!(f.contains("href=\"role-compare.css\"") && f.contains("href=\"noscript.css\""));
        assert!(!f.contains("<!--<["), "no hydration markers");
    }
}
