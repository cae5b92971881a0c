//! Prerendering at build time: every comparison of the catalogue rendered
//! natively with Yew's server renderer, in every language, put into a page
//! of its own (and into a fallback for the custom element) so readers (and
//! search engines) get the content before — or without — the wasm; the
//! wasm's first render then replaces it unseen (`src/embed/page.rs`). Also
//! the catalogue's index page and `sitemap.xml`.
//!
//! The files, in `dist/` (named by `role_compare::data::seo`; `<lang>`
//! lowercased; the default language, the first catalogue's, has no
//! `.<lang>` in its page names):
//! - `index.html`, `index.<lang>.html`: the first comparison (the default view);
//! - `<comparison-id>.html`, `<comparison-id>.<lang>.html`: each other comparison;
//! - `comparisons.html`, `comparisons.<lang>.html`: the index of comparisons and roles;
//! - `fallback.html`, `fallback.<lang>.html`: the element's fallback, first comparison;
//! - `fallback/<comparison-id>.<lang>.html`: every comparison's fallback;
//! - `sitemap.xml`, with `--base-url` only.

use role_compare::components::{render_html, PageHead, PageHeadProps, RoleCompareProps};
use role_compare::data::{catalogues, seo, view_of, Catalogue, ComparisonIx, Dataset, Msg, Ui};
use yew::prelude::*;
use yew::LocalServerRenderer;

/// Where `dist/` is published (`cargo xtask dist --base-url …`): an absolute
/// `http:` or `https:` URL ending in `/`, the base of every absolute URL the
/// pages give (canonical, `hreflang`, `og:url`, the sitemap).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// Checks `url`: `http://` or `https://`, a host, no query, fragment,
    /// space or quote; a missing final `/` is added (the URL names a folder).
    pub fn parse(url: &str) -> Result<BaseUrl, String> {
        let bad = |why: &str| {
            Err(format!(
                "--base-url {url:?}: {why}; give the absolute URL of the folder dist/ is published at, \
                 e.g. --base-url https://example.org/careers/"
            ))
        };
        let Some(rest) = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")) else {
            return bad("not an absolute http:// or https:// URL");
        };
        let host = rest.split('/').next().unwrap_or_default();
        if host.is_empty() || host.starts_with(':') || host.contains('@') {
            return bad("no host");
        }
        if let Some(c) = url.chars().find(|c| c.is_whitespace() || c.is_control() || "?#\"'<>\\`".contains(*c)) {
            return bad(&format!("{c:?} has no place in it (no query, fragment, space or quote)"));
        }
        Ok(BaseUrl(if url.ends_with('/') { url.to_owned() } else { format!("{url}/") }))
    }

    /// The absolute URL of `file`, a path relative to `dist/`.
    pub fn join(&self, file: &str) -> String {
        format!("{}{file}", self.0)
    }
}

/// A comparison page's name stem may not be one of these (the build's other
/// files); the first comparison's page is `index`.
const RESERVED: [&str; 7] = ["index", "comparisons", "fallback", "sitemap", "noscript", "role-compare", "page"];

/// One prerendered page: a comparison of a catalogue (one language).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// Index in [`catalogues`].
    pub lang: usize,
    /// Index in its catalogue's comparisons.
    pub comparison: ComparisonIx,
}

impl Page {
    pub fn catalogue(self) -> &'static Catalogue {
        &catalogues()[self.lang]
    }

    /// The comparison's id.
    pub fn id(self) -> &'static str {
        &self.catalogue().comparisons[self.comparison].id
    }

    /// The view it shows (its title and description are the comparison's).
    pub fn view(self) -> &'static Dataset {
        view_of(self.catalogue(), &self.catalogue().comparisons[self.comparison].roles)
    }

    /// Its file in `dist/`: `index.html` (`index.es.html`) for the first
    /// comparison, else `<id>.html` (`<id>.es.html`).
    pub fn file(self) -> String {
        seo::page_file(self.lang, self.comparison)
    }

    /// Its oEmbed file, beside it: `index.oembed.json`, `<id>.es.oembed.json`.
    pub fn oembed_file(self) -> String {
        seo::oembed_file(self.lang, self.comparison)
    }

    /// Its fallback for the custom element: `fallback/<id>.<lang>.html`.
    pub fn fallback_file(self) -> String {
        seo::fallback_file(self.lang, self.comparison)
    }

    /// The same comparison in every language that has it (this one
    /// included), in catalogue order.
    pub fn translations(self) -> Vec<Page> {
        let id = self.id();
        (0..catalogues().len())
            .filter_map(|lang| catalogues()[lang].comparison_ix(id).map(|comparison| Page { lang, comparison }))
            .collect()
    }
}

/// Every page: each catalogue's comparisons, in order, catalogue by catalogue.
pub fn pages() -> Vec<Page> {
    (0..catalogues().len())
        .flat_map(|lang| (0..catalogues()[lang].comparisons.len()).map(move |comparison| Page { lang, comparison }))
        .collect()
}

/// Fails when a comparison's page would take the name of another file of the build.
pub fn check_names() -> Result<(), String> {
    for page in pages().into_iter().filter(|p| p.comparison > 0) {
        if RESERVED.contains(&page.id()) || page.id().starts_with("role-compare-") {
            return Err(format!(
                "the comparison id {:?} ({}) would name its page like another file of dist/: rename it \
                 (not one of {RESERVED:?}, nor role-compare-…)",
                page.id(),
                page.catalogue().lang
            ));
        }
    }
    Ok(())
}

/// The index page of catalogue `lang`: `comparisons.html`, `comparisons.es.html`, …
pub fn index_name(lang: usize) -> String {
    seo::index_file(lang)
}

/// The page of `dataset`, a default view ([`datasets`]): `index.html`, `index.es.html`, …
pub fn page_name(dataset: &Dataset) -> String {
    Page { lang: lang_of(dataset), comparison: 0 }.file()
}

/// The default fallback of `dataset`, a default view: `fallback.html`, `fallback.es.html`, …
pub fn fallback_name(dataset: &Dataset) -> String {
    page_name(dataset).replacen("index", "fallback", 1)
}

fn lang_of(dataset: &Dataset) -> usize {
    catalogues().iter().position(|c| c.lang == dataset.lang).unwrap_or(0)
}

/// A view, its title a heading of `heading_level` (1 on the widget's own
/// page, 2 in the custom element).
pub fn widget(dataset: &'static Dataset, heading_level: u8) -> String {
    // The widget's own page (its title the page's <h1>) has the role picker,
    // as its live widget does; the element's fallback has none.
    render_html(RoleCompareProps { heading_level, picker: heading_level == 1, ..RoleCompareProps::of(dataset) })
}

fn render<C: BaseComponent>(props: C::Properties) -> String {
    futures::executor::block_on(LocalServerRenderer::<C>::with_props(props).hydratable(false).render())
}

/// `(BCP 47 tag, absolute URL)` of `files` (one per catalogue index), when
/// there is a base URL and more than one language.
fn alternates(base: Option<&BaseUrl>, files: Vec<(usize, String)>) -> Vec<(String, String)> {
    match base {
        Some(base) if files.len() > 1 => {
            files.into_iter().map(|(lang, file)| (catalogues()[lang].lang.to_string(), base.join(&file))).collect()
        }
        _ => Vec::new(),
    }
}

/// `<title>`, description, canonical link, Open Graph, `hreflang` links to
/// the comparison in every language and one JSON-LD `Occupation` per role,
/// in the page's language; the URLs only with a base URL.
pub fn head(page: Page, base: Option<&BaseUrl>) -> String {
    let view = page.view();
    let props = PageHeadProps {
        canonical: base.map(|b| b.join(&page.file())),
        alternates: alternates(base, page.translations().into_iter().map(|p| (p.lang, p.file())).collect()),
        oembed: base.map(|b| b.join(&page.oembed_file())),
        ..PageHeadProps::for_dataset(view)
    };
    let mut head = render::<PageHead>(props);
    for occupation in seo::occupations(view) {
        // serde_json writes the JSON; `<` escaped so no `</script>` can end it early.
        let json = serde_json::to_string(&occupation).expect("JSON values serialize").replace('<', "\\u003c");
        head.push_str(&format!("\n  <script type=\"application/ld+json\">{json}</script>"));
    }
    head
}

/// The head of catalogue `lang`'s index page.
pub fn index_head(lang: usize, base: Option<&BaseUrl>) -> String {
    let c = &catalogues()[lang];
    render::<PageHead>(PageHeadProps {
        title: c.title.to_string(),
        description: c.description.to_string(),
        lang: c.lang.to_string(),
        canonical: base.map(|b| b.join(&index_name(lang))),
        alternates: alternates(base, (0..catalogues().len()).map(|l| (l, index_name(l))).collect()),
        oembed: None,
    })
}

/// The embed's frame: its width in the oEmbed markup, and the height it
/// starts at (WordPress's: it shows the page's, once the page reports it).
pub const EMBED_WIDTH: u32 = 600;
pub const EMBED_HEIGHT: u32 = 800;

#[derive(Properties, PartialEq)]
struct EmbedProps {
    page: String,
    frame: String,
    title: String,
}

/// oEmbed's markup: a link to the page in a blockquote (what WordPress shows
/// until the frame reports its height, and what a consumer that drops frames
/// keeps) and the frame of the page's embed view.
#[component]
fn EmbedMarkup(props: &EmbedProps) -> Html {
    html! {
        <>
            <blockquote><a href={props.page.clone()}>{props.title.clone()}</a></blockquote>
            <iframe src={props.frame.clone()} width={EMBED_WIDTH.to_string()} height={EMBED_HEIGHT.to_string()}
                title={props.title.clone()} frameborder="0" marginwidth="0" marginheight="0" scrolling="no"></iframe>
        </>
    }
}

/// A page's oEmbed file (oembed.com, type `rich`): the markup framing the
/// page's embed view (`?embed`), at absolute URLs.
pub fn oembed(page: Page, base: &BaseUrl) -> String {
    let view = page.view();
    let url = base.join(&page.file());
    let markup = render::<EmbedMarkup>(EmbedProps {
        page: url.clone(),
        frame: format!("{url}?{}", role_compare::embed::api::EMBED),
        title: view.title.to_string(),
    });
    let json = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "title": view.title,
        "provider_name": page.catalogue().title,
        "provider_url": base.join(""),
        "html": markup,
        "width": EMBED_WIDTH,
        "height": EMBED_HEIGHT,
    });
    serde_json::to_string_pretty(&json).expect("JSON values serialize") + "\n"
}

#[derive(Properties, PartialEq)]
struct IndexProps {
    lang: usize,
}

/// The index of a catalogue: its title and description, every comparison
/// linked to its page with its description, and every role with its summary.
#[component]
fn CatalogueIndex(props: &IndexProps) -> Html {
    let c = &catalogues()[props.lang];
    let ui = Ui::new(&c.ui, &c.plural);
    html! {
        <div class="rc-index">
            <h1>{c.title.clone()}</h1>
            <p>{c.description.clone()}</p>
            <ul class="rc-index-comparisons">
                { for c.comparisons.iter().enumerate().map(|(comparison, item)| {
                    let href = format!("./{}", Page { lang: props.lang, comparison }.file());
                    html! {
                        <li data-comparison={item.id.to_string()}>
                            <h2><a href={href}>{item.title.clone()}</a></h2>
                            <p>{item.description.clone()}</p>
                        </li>
                    }
                }) }
            </ul>
            <h2>{ui.text(Msg::AllRoles).to_owned()}</h2>
            <dl class="rc-index-roles">
                { for c.roles.iter().map(|role| html! {
                    <>
                        <dt data-role={role.id.to_string()}>{role.name.clone()}</dt>
                        <dd>{role.summary.clone()}</dd>
                    </>
                }) }
            </dl>
        </div>
    }
}

/// The body of catalogue `lang`'s index page.
pub fn index(lang: usize) -> String {
    render::<CatalogueIndex>(IndexProps { lang })
}

/// `sitemap.xml`: every comparison's page and every index page, each with
/// its `hreflang` alternates (sitemaps.org, with Google's `xhtml:link`).
pub fn sitemap(base: &BaseUrl) -> String {
    fn xml(text: &str) -> String {
        text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
    }
    let mut urls: Vec<(String, Vec<(String, String)>)> = pages()
        .into_iter()
        .map(|p| (p.file(), alternates(Some(base), p.translations().into_iter().map(|t| (t.lang, t.file())).collect())))
        .collect();
    urls.extend((0..catalogues().len()).map(|lang| {
        (index_name(lang), alternates(Some(base), (0..catalogues().len()).map(|l| (l, index_name(l))).collect()))
    }));
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for (file, alternates) in urls {
        out += &format!("  <url>\n    <loc>{}</loc>\n", xml(&base.join(&file)));
        let default = alternates.first().map(|(_, href)| ("x-default".to_owned(), href.clone()));
        for (lang, href) in alternates.iter().cloned().chain(default) {
            out +=
                &format!("    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n", xml(&lang), xml(&href));
        }
        out += "  </url>\n";
    }
    out + "</urlset>\n"
}

/// The stylesheets a fallback links, relative to `dist/` (the WordPress
/// plugin points them at its copy): the widget's, and the one for scripts off.
pub const FALLBACK_STYLESHEETS: [&str; 2] = ["role-compare.css", "noscript.css"];

/// The fallback an embedder pastes in place of `<role-compare>`: a view in
/// a declarative shadow root, styled by `role-compare.css`. With scripts off
/// its toolbar is hidden by `noscript.css` (a `<noscript>` link: the toggles
/// could never work); with scripts on it stays, disabled, so the live widget
/// that replaces all this when the element starts moves nothing. Every
/// fallback names its language (`<role-compare lang="en">`), so the live
/// widget keeps the language the fallback showed, whatever the page's (an
/// element without `lang` follows the page's); `comparison`, when given, is
/// the host's `comparison` attribute, so the live widget shows the same one.
pub fn fallback(dataset: &'static Dataset, comparison: Option<&str>) -> String {
    let [sheet, noscript] = FALLBACK_STYLESHEETS;
    let shadow = format!(
        "\n    <link rel=\"stylesheet\" href=\"{sheet}\">\n    \
         <noscript><link rel=\"stylesheet\" href=\"{noscript}\"></noscript>\n    {}\n  ",
        widget(dataset, 2)
    );
    let template = crate::dist::html::element("template", &[("shadowrootmode", Some("open"))], &shadow)
        .expect("a prerendered widget holds no </template>");
    let mut attributes = vec![("lang", Some(dataset.lang.as_ref()))];
    if let Some(id) = comparison {
        attributes.push(("comparison", Some(id)));
    }
    crate::dist::html::element(role_compare::embed::api::TAG, &attributes, &format!("\n  {template}\n"))
        .expect("a prerendered widget holds no closing tag of its own")
        + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use role_compare::data::{baked, datasets};

    fn unescape(html: &str) -> String {
        html.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#x27;", "'")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    fn base() -> BaseUrl {
        BaseUrl::parse("https://example.org/careers").unwrap()
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
    fn a_base_url_is_absolute_http_and_names_a_folder() {
        assert_eq!(base().join("index.html"), "https://example.org/careers/index.html");
        assert_eq!(BaseUrl::parse("http://127.0.0.1:8080/").unwrap().join("a.html"), "http://127.0.0.1:8080/a.html");
        for bad in [
            "example.org/careers/",
            "/careers/",
            "ftp://example.org/",
            "https://",
            "https:///careers/",
            "https://example.org/careers/?x=1",
            "https://example.org/#top",
            "https://example.org/a b/",
            "https://example.org/\"/",
        ] {
            let err = BaseUrl::parse(bad).unwrap_err();
            assert!(
                err.starts_with(&format!("--base-url {bad:?}: ")) && err.contains("e.g. --base-url https://"),
                "{err}"
            );
        }
    }

    #[test]
    fn every_comparison_has_a_page_in_every_language_with_distinct_names() {
        let pages = pages();
        let n: usize = catalogues().iter().map(|c| c.comparisons.len()).sum();
        assert_eq!(pages.len(), n);
        assert!(n >= 6, "three comparisons in two languages");
        let mut files: Vec<String> = pages.iter().flat_map(|p| [p.file(), p.fallback_file()]).collect();
        files.extend((0..catalogues().len()).map(index_name));
        let count = files.len();
        files.sort();
        files.dedup();
        assert_eq!(files.len(), count, "a file name used twice: {files:?}");
        let es = catalogues().iter().position(|c| c.lang == "es").unwrap();
        let second = catalogues()[0].comparisons[1].id.to_string();
        assert_eq!(Page { lang: 0, comparison: 0 }.file(), "index.html");
        assert_eq!(Page { lang: es, comparison: 0 }.file(), "index.es.html");
        assert_eq!(Page { lang: 0, comparison: 1 }.file(), format!("{second}.html"));
        assert_eq!(Page { lang: es, comparison: 1 }.file(), format!("{second}.es.html"));
        assert_eq!(Page { lang: es, comparison: 1 }.fallback_file(), format!("fallback/{second}.es.html"));
        assert_eq!((index_name(0), index_name(es)), ("comparisons.html".into(), "comparisons.es.html".into()));
        assert_eq!(
            (page_name(baked()), fallback_name(&datasets()[es])),
            ("index.html".into(), "fallback.es.html".into())
        );
        check_names().unwrap();
        for page in &pages {
            assert_eq!(page.view().comparison.as_deref(), Some(page.id()), "the view is the authored comparison");
            assert_eq!(page.translations().len(), catalogues().len(), "{} is in every language", page.id());
        }
    }

    #[test]
    fn each_page_head_has_its_comparison_title_and_json_ld_per_role() {
        for page in pages() {
            let (head, view) = (unescape(&head(page, None)), page.view());
            let comparison = &page.catalogue().comparisons[page.comparison];
            assert!(head.contains(&format!("<title>{}</title>", comparison.title)), "{head}");
            assert!(head.contains(&format!("name=\"description\" content=\"{}\"", comparison.description)));
            assert!(head.contains(&format!("property=\"og:title\" content=\"{}\"", comparison.title)));
            assert!(head.contains(&format!("property=\"og:locale\" content=\"{}\"", view.lang.replace('-', "_"))));
            let scripts: Vec<&str> = head
                .split("<script type=\"application/ld+json\">")
                .skip(1)
                .map(|s| s.split("</script>").next().unwrap())
                .collect();
            assert_eq!(scripts.len(), view.roles.len());
            for (script, role) in scripts.iter().zip(view.roles.iter()) {
                let v: serde_json::Value = serde_json::from_str(script).expect("JSON-LD parses");
                assert_eq!(v["name"], role.name.as_ref());
                assert_eq!(v["estimatedSalary"][0]["median"], role.facts.median_salary_usd);
            }
        }
    }

    #[test]
    fn without_a_base_url_no_page_gives_a_url_and_with_one_every_url_is_absolute() {
        let page = Page { lang: 1, comparison: 2 };
        let without = head(page, None);
        for absent in ["rel=\"canonical\"", "hreflang", "og:url"] {
            assert!(!without.contains(absent), "{absent} without a base URL: {without}");
            assert!(!index_head(1, None).contains(absent), "{absent} in the index without a base URL");
        }
        let with = head(page, Some(&base()));
        let id = page.id();
        let url = |file: String| format!("https://example.org/careers/{file}");
        assert!(with.contains(&format!("<link rel=\"canonical\" href=\"{}\">", url(page.file()))), "{with}");
        assert!(with.contains(&format!("<meta property=\"og:url\" content=\"{}\">", url(page.file()))));
        let mut links = Vec::new();
        for t in page.translations() {
            links.push(format!("hreflang=\"{}\" href=\"{}\"", t.catalogue().lang, url(t.file())));
        }
        links.push(format!("hreflang=\"x-default\" href=\"{}\"", url(format!("{id}.html"))));
        for link in links {
            assert!(with.contains(&link), "{link} missing: {with}");
        }
        assert_eq!(with.matches("hreflang=").count(), catalogues().len() + 1);
        let index = index_head(1, Some(&base()));
        assert!(index.contains(&format!("rel=\"canonical\" href=\"{}\"", url(index_name(1)))), "{index}");
        assert!(index.contains(&format!("hreflang=\"x-default\" href=\"{}\"", url(index_name(0)))), "{index}");
        assert!(index.contains(&format!("<title>{}</title>", catalogues()[1].title)));
    }

    #[test]
    fn each_oembed_file_is_rich_markup_framing_its_page_s_embed_view() {
        for page in pages() {
            let v: serde_json::Value = serde_json::from_str(&oembed(page, &base())).expect("oEmbed is JSON");
            let (url, title) = (base().join(&page.file()), page.view().title.to_string());
            assert_eq!(
                (&v["version"], &v["type"], &v["title"], &v["provider_url"]),
                (&"1.0".into(), &"rich".into(), &title.clone().into(), &"https://example.org/careers/".into())
            );
            assert_eq!(v["provider_name"], page.catalogue().title.as_ref());
            assert_eq!((v["width"].as_u64(), v["height"].as_u64()), (Some(600), Some(800)));
            let html = unescape(v["html"].as_str().unwrap());
            // What WordPress keeps of an untrusted provider's markup (wp_filter_oembed_result):
            // a blockquote without attributes, then the iframe.
            let link = format!("<blockquote><a href=\"{url}\">{title}</a></blockquote>");
            assert!(html.starts_with(&link), "{html}");
            assert!(html.contains(&format!("<iframe src=\"{url}?embed\" width=\"600\" height=\"800\"")), "{html}");
            assert!(html.ends_with("</iframe>") && html.contains(" scrolling=\"no\""), "{html}");
        }
        assert!(oembed(Page { lang: 1, comparison: 0 }, &base()).contains("index.es.html?embed"));
    }

    #[test]
    fn the_index_links_every_comparison_and_lists_every_role() {
        for lang in 0..catalogues().len() {
            let (html, c) = (unescape(&index(lang)), &catalogues()[lang]);
            assert_eq!(html.matches("<h1>").count(), 1);
            for (comparison, item) in c.comparisons.iter().enumerate() {
                let link = format!("<a href=\"./{}\">{}</a>", Page { lang, comparison }.file(), item.title);
                assert!(html.contains(&link), "{link} missing: {html}");
                assert!(html.contains(item.description.as_ref()));
            }
            for role in c.roles.iter() {
                assert!(html.contains(&format!("<dt data-role=\"{}\">{}</dt>", role.id, role.name)), "{html}");
                assert!(html.contains(role.summary.as_ref()));
            }
        }
    }

    #[test]
    fn the_sitemap_lists_every_page_with_its_alternates() {
        let xml = sitemap(&base());
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "));
        let locs: Vec<&str> = xml.split("<loc>").skip(1).map(|s| s.split("</loc>").next().unwrap()).collect();
        let mut expected: Vec<String> = pages().iter().map(|p| base().join(&p.file())).collect();
        expected.extend((0..catalogues().len()).map(|l| base().join(&index_name(l))));
        assert_eq!(locs, expected);
        // Each <url> names every language of its page and the default.
        for entry in xml.split("<url>").skip(1) {
            assert_eq!(entry.matches("<xhtml:link rel=\"alternate\"").count(), catalogues().len() + 1, "{entry}");
        }
        assert!(xml.contains(&format!(
            "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
            base().join("index.html")
        )));
    }

    #[test]
    fn each_language_renders_its_own_text() {
        let es = &datasets()[1];
        let widget = widget(es, 1);
        assert!(widget.contains("lang=\"es\"") && widget.contains("Mostrar todas"));
        let fallback_es = fallback(es, None);
        assert!(fallback_es.starts_with("<role-compare lang=\"es\">") && fallback_es.contains("Ocultar todas"));
        // The English one says so too: pasted on a Spanish page, the live widget stays as pasted.
        assert!(fallback(baked(), None).starts_with("<role-compare lang=\"en\">"));
        assert!(unescape(&head(Page { lang: 1, comparison: 0 }, None))
            .contains("<title>Especialista en ECMO frente a perfusionista</title>"));
    }

    #[test]
    fn fallback_is_a_declarative_shadow_root_naming_its_comparison() {
        let f = fallback(baked(), None);
        assert!(f.starts_with("<role-compare lang=\"en\">\n  <template shadowrootmode=\"open\">"), "{f}");
        assert!(f.contains("href=\"role-compare.css\"") && f.contains("href=\"noscript.css\""));
        assert!(!f.contains("<!--<["), "no hydration markers");
        let page = Page { lang: 0, comparison: 2 };
        let f = unescape(&fallback(page.view(), Some(page.id())));
        assert!(f.starts_with(&format!("<role-compare lang=\"en\" comparison=\"{}\">\n  <template", page.id())));
        for role in page.view().roles.iter() {
            assert!(f.contains(role.name.as_ref()), "{} missing", role.name);
        }
        assert!(f.ends_with("</template>\n</role-compare>\n"));
    }
}
