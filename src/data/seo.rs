//! What search engines read: one schema.org `Occupation` per role, as JSON-LD,
//! built with serde_json from the dataset types; and the names of the pages
//! the build prerenders, one per comparison and language. Native only (the
//! build's prerender step and tests use it; the wasm never does).

use serde_json::{json, Value};

use super::catalogues;
use super::model::{ComparisonIx, Dataset, RoleIx};

/// `.<lang>` (lowercased) for catalogue `lang` of [`catalogues`] other than
/// the first (the default language), else nothing.
fn lang_suffix(lang: usize) -> String {
    match lang {
        0 => String::new(),
        _ => format!(".{}", catalogues()[lang].lang.to_ascii_lowercase()),
    }
}

/// The page in `dist/` of comparison `comparison` of catalogue `lang`:
/// `index.html` (`index.es.html`) for the first comparison, else
/// `<comparison-id>.html` (`<comparison-id>.es.html`).
pub fn page_file(lang: usize, comparison: ComparisonIx) -> String {
    let stem = match comparison {
        0 => "index",
        _ => &catalogues()[lang].comparisons[comparison].id,
    };
    format!("{stem}{}.html", lang_suffix(lang))
}

/// Its oEmbed file, beside it (with `--base-url` only): `index.oembed.json`,
/// `<comparison-id>.<lang>.oembed.json`.
pub fn oembed_file(lang: usize, comparison: ComparisonIx) -> String {
    page_file(lang, comparison).replace(".html", ".oembed.json")
}

/// Its fallback for the custom element: `fallback/<comparison-id>.<lang>.html`.
pub fn fallback_file(lang: usize, comparison: ComparisonIx) -> String {
    let c = &catalogues()[lang];
    format!("fallback/{}.{}.html", c.comparisons[comparison].id, c.lang.to_ascii_lowercase())
}

/// The index page of catalogue `lang`: `comparisons.html`, `comparisons.es.html`, …
pub fn index_file(lang: usize) -> String {
    format!("comparisons{}.html", lang_suffix(lang))
}

/// The `Occupation` JSON-LD object of a role.
pub fn occupation(dataset: &Dataset, role: RoleIx) -> Value {
    let r = &dataset.roles[role];
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": r.name,
        "description": r.summary,
        "estimatedSalary": [{
            "@type": "MonetaryAmountDistribution",
            "name": "base",
            "currency": "USD",
            "duration": "P1Y",
            "median": r.facts.median_salary_usd,
        }],
        // The role's own sources (a view lists those of every shown role).
        "subjectOf": r.sources.iter().map(|&s| &dataset.sources[s]).map(|s| json!({
            "@type": "Article",
            "name": s.title,
            "url": s.url,
            "publisher": { "@type": "Organization", "name": s.publisher },
        })).collect::<Vec<_>>(),
    });
    for category in dataset.categories.iter() {
        if let Some(field) = category.occupation {
            let points: Vec<&str> = category.entries[role].iter().map(|p| p.as_ref()).collect();
            value[field.property()] = json!(points.join(" "));
        }
    }
    value
}

/// One `Occupation` per role, in dataset order.
pub fn occupations(dataset: &Dataset) -> Vec<Value> {
    (0..dataset.roles.len()).map(|r| occupation(dataset, r)).collect()
}
