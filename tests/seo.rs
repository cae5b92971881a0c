//! schema.org Occupation JSON-LD, from the dataset types.
#![cfg(not(target_arch = "wasm32"))]

use role_compare::data::{baked, seo};

#[test]
fn one_occupation_per_role_with_the_datasets_figures() {
    let d = baked();
    let all = seo::occupations(d);
    assert_eq!(all.len(), d.roles.len());
    for (role, value) in d.roles.iter().zip(&all) {
        // Round trip through text, as a search engine reads it.
        let parsed: serde_json::Value = serde_json::from_str(&value.to_string()).unwrap();
        assert_eq!(parsed["@type"], "Occupation");
        assert_eq!(parsed["name"], role.name.as_ref());
        let salary = &parsed["estimatedSalary"][0];
        assert_eq!(salary["@type"], "MonetaryAmountDistribution");
        assert_eq!(salary["currency"], "USD");
        assert_eq!(salary["median"], role.facts.median_salary_usd);
        for key in ["description", "responsibilities", "educationRequirements", "experienceRequirements", "skills"] {
            assert!(parsed[key].as_str().is_some_and(|s| !s.is_empty()), "{key} missing for {}", role.name);
        }
        assert_eq!(parsed["subjectOf"][0]["publisher"]["name"], "Megainterview");
    }
    let perfusionist = &all[d.role_ix("perfusionist").unwrap()];
    // Each role cites its own sources only, not every shown role's.
    let c = &role_compare::data::catalogues()[0];
    let view = role_compare::data::view_of(
        c,
        &[c.role_ix("respiratory-therapist").unwrap(), c.role_ix("perfusionist").unwrap()],
    );
    let therapist = seo::occupation(view, view.role_ix("respiratory-therapist").unwrap());
    let cited: Vec<&str> =
        therapist["subjectOf"].as_array().unwrap().iter().map(|s| s["publisher"]["name"].as_str().unwrap()).collect();
    assert!(
        !cited.contains(&"Megainterview") && cited.iter().any(|p| p.contains("Bureau of Labor Statistics")),
        "{cited:?}"
    );
    assert!(perfusionist["educationRequirements"].as_str().unwrap().contains("ABCP"));
}
