//! The dataset validation that build.rs runs, called directly.
#![cfg(not(target_arch = "wasm32"))]

use role_compare::data::view::parse_dataset;

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

/// A broken dataset of `tests/fixtures/broken.json`: the shipped dataset
/// with a JSON Patch applied, the path its error must name and a word of the fault.
#[derive(serde::Deserialize)]
struct Broken {
    name: String,
    patch: json_patch::Patch,
    path: String,
    fault: String,
}

#[test]
fn every_broken_dataset_names_its_file_field_and_fault() {
    let (_, base) = fixture("../../assets/roles.json");
    let base: serde_json::Value = serde_json::from_str(&base).unwrap();
    let (_, cases) = fixture("broken.json");
    let cases: Vec<Broken> =
        serde_json::from_value(serde_json::from_str::<serde_json::Value>(&cases).unwrap()["cases"].take()).unwrap();
    assert!(cases.len() >= 20, "{} cases", cases.len());
    for Broken { name, patch, path, fault } in cases {
        let mut doc = base.clone();
        json_patch::patch(&mut doc, &patch).unwrap_or_else(|e| panic!("{name}: the patch does not apply: {e}"));
        let file = format!("broken/{name}.json");
        let err = parse_dataset(&file, &doc.to_string()).expect_err(&name);
        assert_eq!(err.path, path, "{name}: {err}");
        assert!(err.message.contains(&fault), "{name}: {err}");
        let shown = err.to_string();
        assert!(shown.starts_with(&format!("{file}: {path}: ")), "{name}: {shown}");
    }
}

/// 0.2's single-comparison file (assets/roles.json as 0.2.0 shipped it)
/// still builds: read as a catalogue with one comparison, it shows what the
/// shipped catalogue's first comparison shows.
#[test]
fn a_single_comparison_file_of_0_2_builds_unchanged() {
    let (file, json) = fixture("legacy-0.2.json");
    let old = parse_dataset(&file, &json).expect("0.2's format is read");
    let new = role_compare::data::baked();
    assert_eq!(old.comparison.as_deref(), Some("ecmo-specialist-vs-perfusionist"));
    assert_eq!((&old.title, &old.roles.len()), (&new.title, &2));
    for (a, b) in old.categories.iter().zip(new.categories.iter()) {
        assert_eq!(
            (&a.id, &a.key_difference, &a.entries, &a.common),
            (&b.id, &b.key_difference, &b.entries, &b.common)
        );
    }
    assert_eq!(old.caveats.len(), new.caveats.len());
    // Its faults name its own paths, and say how to convert it.
    let broken = json.replacen("\"Prepares and maintains the equipment.\"", "\" \"", 1);
    let err = parse_dataset(&file, &broken).unwrap_err();
    assert!(err.message.contains("cargo xtask convert"), "{err}");
    let unknown = json.replacen("\"entries\": {", "\"entries\": {\"nurse\": [\"Cares.\"],", 1);
    let err = parse_dataset(&file, &unknown).unwrap_err();
    assert_eq!(err.path, "categories[0].entries.nurse", "{err}");
}

#[test]
fn malformed_json_is_an_error_not_a_panic() {
    let err = parse_dataset("x.json", "{\"title\": \"t\", \"roles\": [").unwrap_err();
    assert!(err.to_string().starts_with("x.json: "), "{err}");
    assert!(parse_dataset("x.json", "").is_err());
}

/// A comparison whose fit questions leave one of its roles without an answer
/// fails the build, naming the comparison's role.
#[test]
fn a_comparison_whose_fit_questions_miss_a_role_names_it() {
    let (_, json) = fixture("../../assets/roles.json");
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    // The three roles alike in every typed fact: no question drawn from facts.
    let facts = v["roles"][0]["facts"].clone();
    for r in 1..3 {
        v["roles"][r]["facts"] = facts.clone();
    }
    let all = serde_json::json!({
        "id": "all-three", "roles": ["ecmo-specialist", "perfusionist", "respiratory-therapist"],
        "title": "All three", "description": "All three roles."
    });
    v["comparisons"].as_array_mut().unwrap().push(all);
    // Only "hours" (ECMO specialist, respiratory therapist) is left.
    let hours: Vec<serde_json::Value> =
        v["fit"].as_array().unwrap().iter().filter(|q| q["id"] == "hours").cloned().collect();
    v["fit"] = serde_json::Value::Array(hours);
    let err = parse_dataset("roles.json", &v.to_string()).unwrap_err();
    assert_eq!((err.file.as_str(), err.path.as_str()), ("roles.json", "comparisons[3].roles[1]"), "{err}");
    assert!(err.message.contains("\"perfusionist\""), "{err}");
    // Without any question, no comparison shows the view: nothing to cover.
    v["fit"] = serde_json::json!([]);
    assert!(parse_dataset("roles.json", &v.to_string()).is_ok());
}
