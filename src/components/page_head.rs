use yew::prelude::*;

use super::use_dataset;

/// The widget page's `<title>`, description and Open Graph tags, from the
/// dataset (prerendered into `dist/index.html` by the build).
#[component]
pub fn PageHead() -> Html {
    let dataset = use_dataset();
    html! {
        <>
            <title>{dataset.title.clone()}</title>
            <meta name="description" content={dataset.description.clone()} />
            <meta property="og:type" content="website" />
            <meta property="og:title" content={dataset.title.clone()} />
            <meta property="og:description" content={dataset.description.clone()} />
            <meta name="twitter:card" content="summary" />
        </>
    }
}
