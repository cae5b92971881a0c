use yew::prelude::*;

use crate::data::DatasetRef;

#[derive(Properties, PartialEq)]
pub struct PageHeadProps {
    /// The dataset of the page.
    #[prop_or_else(|| crate::data::baked().into())]
    pub dataset: DatasetRef,
    /// The page in every language: `(BCP 47 tag, relative URL)`, the first
    /// the default (`x-default`).
    #[prop_or_default]
    pub alternates: Vec<(String, String)>,
}

/// The widget page's `<title>`, description, Open Graph tags and `hreflang`
/// links, from the dataset (prerendered into each `dist/index*.html` by the
/// build).
#[component]
pub fn PageHead(props: &PageHeadProps) -> Html {
    let dataset = props.dataset;
    html! {
        <>
            <title>{dataset.title.clone()}</title>
            <meta name="description" content={dataset.description.clone()} />
            <meta property="og:type" content="website" />
            <meta property="og:title" content={dataset.title.clone()} />
            <meta property="og:description" content={dataset.description.clone()} />
            <meta property="og:locale" content={dataset.lang.replace('-', "_")} />
            <meta name="twitter:card" content="summary" />
            { for props.alternates.iter().map(|(lang, href)| html! {
                <link rel="alternate" hreflang={lang.clone()} href={href.clone()} />
            }) }
            { for props.alternates.first().map(|(_, href)| html! {
                <link rel="alternate" hreflang="x-default" href={href.clone()} />
            }) }
        </>
    }
}
