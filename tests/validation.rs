//! The dataset validation that build.rs runs, called directly.
#![cfg(not(target_arch = "wasm32"))]

use role_compare::data::validate::parse_dataset;

fn fixture(name: &str) -> (String, String) {
    let file = format!("tests/fixtures/{name}");
    let json = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
    (file, json)
}

#[test]
fn shipped_dataset_is_valid_and_equals_the_baked_one() {
    let (file, json) = fixture("../../assets/roles.json");
    let parsed = parse_dataset(&file, &json).expect("assets/roles.json is valid");
    assert_eq!(&parsed, role_compare::data::baked());
    assert_eq!(parsed.roles.len(), 2);
    let ids: Vec<&str> = parsed.categories.iter().map(|c| c.id.as_ref()).collect();
    for needed in ["overview", "duties", "education", "experience", "environment", "skills", "salary"] {
        assert!(ids.contains(&needed), "category {needed} missing from {ids:?}");
    }
}

#[test]
fn shipped_facts_match_the_article() {
    let d = role_compare::data::baked();
    let ecmo = &d.roles[d.role_ix("ecmo-specialist").unwrap()].facts;
    let perf = &d.roles[d.role_ix("perfusionist").unwrap()].facts;
    assert_eq!((ecmo.median_salary_usd, perf.median_salary_usd), (80_000, 70_000));
    assert_eq!((ecmo.education_years, perf.education_years), (4, 4));
    assert_eq!((ecmo.program_years, perf.program_years), (0, 2));
    assert_eq!((ecmo.experience_years.min, ecmo.experience_years.max), (2, 2));
    assert_eq!((perf.experience_years.min, perf.experience_years.max), (3, 5));
    assert!(perf.certification.contains("ABCP"));
    // The article's contradiction is recorded, not resolved.
    assert!(d.caveats.iter().any(|c| c.text.contains("Associate") && c.text.contains("contradicts")));
}

#[test]
fn another_valid_dataset_with_three_roles_parses() {
    let (file, json) = fixture("three-roles.json");
    let d = parse_dataset(&file, &json).expect("valid");
    assert_eq!(d.roles.len(), 3);
    assert!(d.categories.iter().all(|c| c.entries.len() == 3));
}

/// Each broken fixture, the path its error must name, and a word of the fault.
const BROKEN: &[(&str, &str, &str)] = &[
    ("unknown-field", "roles[1].colour", "unknown field `colour`"),
    ("missing-entry", "categories[3].entries.perfusionist", "missing"),
    ("duplicate-category-id", "categories[2].id", "duplicate id \"duties\""),
    ("empty-point", "categories[1].entries.ecmo-specialist[2]", "empty text"),
    ("unknown-role-in-entries", "categories[0].entries.nurse", "unknown role id \"nurse\""),
    ("salary-out-of-range", "roles[0].facts.median_salary_usd", "out of range"),
    ("experience-min-above-max", "roles[1].facts.experience_years", "min is greater than max"),
    ("caveat-unknown-category", "caveats[0].categories[1]", "unknown category id \"pay\""),
    ("wrong-type", "roles[0].facts.education_years", "invalid type"),
    ("one-role", "roles", "needs 2 to 4"),
    ("bad-source-url", "sources[0].url", "not an http(s) address"),
    ("empty-title", "title", "empty text"),
    ("bad-id", "categories[4].id", "invalid id"),
    ("empty-points", "categories[6].entries.perfusionist", "empty list"),
    ("bad-lang", "lang", "not a BCP 47 language tag"),
    ("bad-dir", "dir", "unknown variant `up`"),
    ("ui-unknown-key", "ui.hide_everything", "unknown UI string key"),
    ("ui-bad-placeholder", "ui.salary_more", "unknown placeholder {lowest}"),
    ("ui-unclosed-placeholder", "ui.shown_count", "is not closed"),
    ("ui-missing-placeholder", "ui.money", "missing placeholder {amount}"),
    ("ui-missing-key", "ui.categories_shown", "\"de\" has no built-in UI strings"),
    ("ui-bad-digits", "ui.digits", "ten digits"),
];

#[test]
fn every_broken_fixture_names_its_file_field_and_fault() {
    let dir = std::fs::read_dir("tests/fixtures/broken").unwrap();
    assert_eq!(dir.count(), BROKEN.len(), "every fixture in tests/fixtures/broken has a row in BROKEN");
    for (name, path, fault) in BROKEN {
        let (file, json) = fixture(&format!("broken/{name}.json"));
        let err = parse_dataset(&file, &json).expect_err(name);
        assert_eq!(err.path, *path, "{name}: {err}");
        assert!(err.message.contains(fault), "{name}: {err}");
        let shown = err.to_string();
        assert!(shown.starts_with(&format!("{file}: {path}: ")), "{name}: {shown}");
    }
}

#[test]
fn malformed_json_is_an_error_not_a_panic() {
    let err = parse_dataset("x.json", "{\"title\": \"t\", \"roles\": [").unwrap_err();
    assert!(err.to_string().starts_with("x.json: "), "{err}");
    assert!(parse_dataset("x.json", "").is_err());
}
