use yew::prelude::*;

use crate::data::Dataset;

#[derive(Properties, PartialEq, Clone, Debug)]
pub struct PageHeadProps {
    pub title: String,
    pub description: String,
    /// The page's BCP 47 language tag (`og:locale` writes it with `_`).
    pub lang: String,
    /// The page's absolute URL (canonical link and `og:url`), when the build
    /// knows where it is published (`cargo xtask dist --base-url`).
    #[prop_or_default]
    pub canonical: Option<String>,
    /// The page in every language: `(BCP 47 tag, absolute URL)`, the first
    /// the default (`x-default`). Empty without a base URL: search engines
    /// ignore relative `hreflang` links.
    #[prop_or_default]
    pub alternates: Vec<(String, String)>,
    /// The absolute URL of the page's oEmbed file (a comparison's page, with
    /// a base URL): its discovery link.
    #[prop_or_default]
    pub oembed: Option<String>,
}

impl PageHeadProps {
    /// The head of the page that shows `dataset` (a comparison's view), with
    /// no URL known.
    pub fn for_dataset(dataset: &Dataset) -> Self {
        PageHeadProps {
            title: dataset.title.to_string(),
            description: dataset.description.to_string(),
            lang: dataset.lang.to_string(),
            canonical: None,
            alternates: Vec::new(),
            oembed: None,
        }
    }
}

/// A page's `<title>`, description, canonical link, Open Graph tags and
/// `hreflang` links, oEmbed discovery (prerendered into each page of `dist/` by the build).
#[component]
pub fn PageHead(props: &PageHeadProps) -> Html {
    html! {
        <>
            <title>{props.title.clone()}</title>
            <meta name="description" content={props.description.clone()} />
            { for props.canonical.iter().map(|url| html! { <link rel="canonical" href={url.clone()} /> }) }
            <meta property="og:type" content="website" />
            <meta property="og:title" content={props.title.clone()} />
            <meta property="og:description" content={props.description.clone()} />
            <meta property="og:locale" content={props.lang.replace('-', "_")} />
            { for props.canonical.iter().map(|url| html! { <meta property="og:url" content={url.clone()} /> }) }
            <meta name="twitter:card" content="summary" />
            { for props.alternates.iter().map(|(lang, href)| html! {
                <link rel="alternate" hreflang={lang.clone()} href={href.clone()} />
            }) }
            { for props.alternates.first().map(|(_, href)| html! {
                <link rel="alternate" hreflang="x-default" href={href.clone()} />
            }) }
            { for props.oembed.iter().map(|href| html! {
                <link rel="alternate" type="application/json+oembed" href={href.clone()} title={props.title.clone()} />
            }) }
        </>
    }
}
