//! The generated test catalogue: 24 roles (never shipped) for the bench's
//! scale rows and the tests of roles nobody wrote a comparison of. Each role
//! has distinct text of realistic length (words drawn from syllables by a
//! seeded generator, so compression cannot fold one role into another), the
//! shipped catalogue's categories, typed facts that sometimes tie, and a few
//! authored comparisons. The same seed gives the same file.

use serde_json::{json, Value};

use crate::{root, Result};

/// How many roles the fixture has.
pub const ROLES: usize = 24;

/// Where [`write`] puts it, relative to the workspace root (a dataset path
/// for `ROLE_COMPARE_DATASET`).
pub const FILE: &str = "target/fixtures/catalogue-24.json";

/// Writes the fixture catalogue to [`FILE`] (only when it changed, so that a
/// build baking it is not redone for nothing).
pub fn write() -> Result<()> {
    let path = root().join(FILE);
    let json = serde_json::to_string_pretty(&catalogue()?)? + "\n";
    if std::fs::read_to_string(&path).ok().as_deref() != Some(json.as_str()) {
        std::fs::create_dir_all(path.parent().ok_or("a parent")?)?;
        std::fs::write(&path, json)?;
    }
    Ok(())
}

/// A small, seeded generator (xorshift64*): the same text on every machine.
struct Words(u64);

const SYLLABLES: [&str; 48] = [
    "ca", "di", "ven", "tro", "lu", "mer", "sa", "pol", "ri", "ta", "gen", "or", "ba", "cli", "mo", "ne", "ste", "ph",
    "ar", "vis", "te", "qua", "lin", "do", "ex", "pa", "ser", "vo", "ma", "nu", "fi", "gra", "hos", "pi", "tal", "em",
    "ra", "so", "cu", "la", "the", "ron", "ad", "mi", "nis", "tor", "bel", "ux",
];

impl Words {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn word(&mut self) -> String {
        let syllables = 1 + self.below(3);
        (0..syllables).map(|_| SYLLABLES[self.below(SYLLABLES.len() as u64) as usize]).collect()
    }

    /// A sentence of `min..=max` words, capitalised, with a full stop.
    fn sentence(&mut self, min: u64, max: u64) -> String {
        let n = min + self.below(max - min + 1);
        let words: Vec<String> = (0..n).map(|_| self.word()).collect();
        let mut text = words.join(" ");
        text[..1].make_ascii_uppercase();
        text + "."
    }
}

/// The shipped catalogue's categories, with their charts and key facts.
fn categories(shipped: &Value) -> Value {
    let mut categories = shipped["categories"].clone();
    for c in categories.as_array_mut().into_iter().flatten() {
        c.as_object_mut().expect("a category").remove("gender");
    }
    categories
}

/// The fixture catalogue (English).
pub fn catalogue() -> Result<Value> {
    let shipped: Value = serde_json::from_str(&std::fs::read_to_string(root().join("assets/roles.json"))?)?;
    let categories = categories(&shipped);
    let ids: Vec<String> =
        categories.as_array().into_iter().flatten().filter_map(|c| c["id"].as_str().map(str::to_owned)).collect();
    let mut w = Words(0x5eed_cafe_f00d_0001);
    let roles: Vec<Value> = (1..=ROLES)
        .map(|n| {
            let name = format!("{} Role {n:02}", w.word().to_uppercase());
            let points: serde_json::Map<String, Value> = ids
                .iter()
                .map(|id| (id.clone(), json!((0..4).map(|_| w.sentence(12, 22)).collect::<Vec<_>>())))
                .collect();
            // Facts in few steps, so that some pairs tie (and derive no line).
            json!({
                "id": format!("role-{n:02}"),
                "name": name,
                "running_name": { "plural": format!("{} role {n:02} holders", name.split(' ').next().unwrap_or_default().to_lowercase()) },
                "summary": w.sentence(14, 20),
                "facts": {
                    "median_salary_usd": 40_000 + 5_000 * w.below(12),
                    "education_years": 2 + 2 * w.below(2),
                    "program_years": w.below(3),
                    "experience_years": { "min": w.below(2), "max": 2 + w.below(3) },
                    "main_setting": w.sentence(3, 6),
                    "certification": w.sentence(3, 6),
                },
                "sources": [if n % 2 == 0 { "fixture-survey" } else { "fixture-handbook" }],
                "fact_sources": { "median_salary_usd": "fixture-wages" },
                "points": points,
            })
        })
        .collect();
    let comparisons: Vec<Value> = (0..6)
        .map(|i| {
            let (a, b) = (2 * i + 1, 2 * i + 2);
            json!({
                "id": format!("role-{a:02}-vs-role-{b:02}"),
                "roles": [format!("role-{a:02}"), format!("role-{b:02}")],
                "title": format!("Role {a:02} vs. Role {b:02}"),
                "description": w.sentence(16, 24),
                "categories": { "overview": { "key_difference": w.sentence(14, 20), "common": [w.sentence(10, 16)] } },
            })
        })
        .collect();
    Ok(json!({
        "$schema": "../../assets/catalogue.schema.json",
        "lang": "en",
        "title": "Fixture catalogue of 24 roles",
        "description": "Generated for the bench and the tests; never shipped.",
        "roles": roles,
        "categories": categories,
        "comparisons": comparisons,
        "caveats": [{
            "id": "fixture-wages",
            "title": "Wages from another source",
            "text": w.sentence(20, 30),
            "categories": ["salary"],
            "roles": ["role-24"],
        }],
        "sources": [
            { "id": "fixture-handbook", "title": "Fixture handbook", "publisher": "Fixture Office", "year": 2023, "url": "https://example.org/handbook" },
            { "id": "fixture-survey", "title": "Fixture survey", "publisher": "Fixture Institute", "url": "https://example.org/survey" },
            { "id": "fixture-wages", "title": "Fixture wages", "publisher": "Fixture Bureau", "year": 2022, "url": "https://example.org/wages" },
        ],
    }))
}

#[cfg(test)]
mod tests {
    use role_compare::data::model::{Catalogue, KeyFact};
    use role_compare::data::view;

    use super::*;

    fn parsed() -> &'static Catalogue {
        let json = catalogue().unwrap().to_string();
        let catalogue = role_compare::data::validate::parse_catalogue("catalogue-24.json", &json);
        Box::leak(Box::new(catalogue.expect("the fixture is a valid catalogue")))
    }

    /// Every pair of the 24 roles: each role's own points in every
    /// category; the authored texts only for the authored pairs; elsewhere a
    /// key difference exactly where the category's typed fact differs, naming
    /// both roles in their running-text forms.
    #[test]
    fn every_pair_nobody_wrote_says_only_what_the_data_holds() {
        let c = parsed();
        assert_eq!(c.roles.len(), ROLES);
        let (mut derived, mut silent) = (0, 0);
        for a in 0..ROLES {
            for b in (a + 1)..ROLES {
                let d = view::build(c, &[a, b]);
                let authored = view::authored_for(c, &[a, b]).map(|ix| &c.comparisons[ix]);
                assert_eq!(d.comparison, authored.map(|x| x.id.clone()));
                for (ix, category) in d.categories.iter().enumerate() {
                    assert_eq!(category.entries.len(), 2);
                    assert_eq!(category.entries[0], c.roles[a].points[ix]);
                    if let Some(text) = authored.and_then(|x| x.texts[ix].as_ref()) {
                        assert_eq!(category.key_difference, text.key_difference, "{}", category.id);
                        continue;
                    }
                    assert!(category.common.is_empty(), "no common points nobody wrote");
                    let (fa, fb) = (&c.roles[a].facts, &c.roles[b].facts);
                    let differ = match category.key_fact {
                        None => false,
                        Some(KeyFact::Salary) => fa.median_salary_usd != fb.median_salary_usd,
                        Some(KeyFact::Training) => {
                            fa.education_years + fa.program_years != fb.education_years + fb.program_years
                        }
                        Some(KeyFact::Experience) => {
                            u16::from(fa.experience_years.min) + u16::from(fa.experience_years.max)
                                != u16::from(fb.experience_years.min) + u16::from(fb.experience_years.max)
                        }
                        Some(KeyFact::Setting) => fa.main_setting != fb.main_setting,
                        Some(KeyFact::Certification) => fa.certification != fb.certification,
                    };
                    assert_eq!(category.key_difference.is_some(), differ, "{} of {a} and {b}", category.id);
                    match &category.key_difference {
                        Some(line) if matches!(category.key_fact, Some(KeyFact::Salary | KeyFact::Training)) => {
                            derived += 1;
                            for r in [a, b] {
                                assert!(line.contains(c.roles[r].running_name.plural.as_ref()), "{line}");
                            }
                        }
                        Some(_) => derived += 1,
                        None => silent += 1,
                    }
                }
            }
        }
        // The fixture exercises both: lines derived, and ties left silent.
        assert!(derived > 500 && silent > 500, "{derived} derived, {silent} without a line");
    }

    #[test]
    fn the_fixture_is_the_same_on_every_run_and_its_roles_differ() {
        let (one, two) = (catalogue().unwrap(), catalogue().unwrap());
        assert_eq!(one, two);
        let c = parsed();
        let firsts: std::collections::BTreeSet<&str> = c.roles.iter().map(|r| r.points[0][0].as_ref()).collect();
        assert_eq!(firsts.len(), ROLES, "every role's text is its own");
    }
}
