//! What search engines read: one schema.org `Occupation` per role, as JSON-LD,
//! built with serde_json from the dataset types. Native only (the build's
//! prerender step and tests use it; the wasm never does).

use serde_json::{json, Value};

use super::model::{Dataset, RoleIx};

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
        "subjectOf": dataset.sources.iter().map(|s| json!({
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
