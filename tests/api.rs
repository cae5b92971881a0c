//! The element's public API table (src/embed/api.rs) against what it
//! describes: the manifest and the types generated from it, the stylesheet's
//! custom properties, the parts in the rendered widget, and README. Whatever
//! is added to one and not the other fails here.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use role_compare::components::{render_html, RoleCompareProps};
use role_compare::data::baked;
use role_compare::embed::api::{self, ATTRIBUTES, PARTS};
use role_compare::embed::manifest;

const CSS: &str = include_str!("../assets/role-compare.css");
const README: &str = include_str!("../README.md");

fn set<'a>(items: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    items.into_iter().map(str::to_owned).collect()
}

fn declaration() -> serde_json::Value {
    let m = manifest::manifest(baked());
    assert_eq!(m["schemaVersion"], "2.1.0");
    let decl = m["modules"][0]["declarations"][0].clone();
    assert_eq!(decl["tagName"], api::TAG);
    assert_eq!(m["modules"][0]["exports"][0]["name"], api::TAG);
    decl
}

fn names(list: &serde_json::Value) -> BTreeSet<String> {
    list.as_array().expect("a list").iter().map(|v| v["name"].as_str().expect("a name").to_owned()).collect()
}

#[test]
fn manifest_attributes_are_the_observed_attributes_and_each_has_its_property() {
    let decl = declaration();
    assert_eq!(names(&decl["attributes"]), set(api::observed_attributes()));
    let members = names(&decl["members"]);
    for a in decl["attributes"].as_array().unwrap().iter().filter(|a| a["name"] != api::LANG) {
        let field = a["fieldName"].as_str().expect("fieldName");
        assert!(members.contains(field), "attribute {} has no property {field}", a["name"]);
        let member = decl["members"].as_array().unwrap().iter().find(|m| m["name"] == field).unwrap();
        assert_eq!(member["attribute"], a["name"]);
    }
    assert!(members.contains(api::VIEW_PROPERTY));
    let view = decl["members"].as_array().unwrap().iter().find(|m| m["name"] == api::VIEW_PROPERTY).unwrap();
    assert_eq!(view["readonly"], true);
}

#[test]
fn manifest_defaults_and_values_come_from_the_dataset() {
    let decl = declaration();
    let attr = |name: &str| decl["attributes"].as_array().unwrap().iter().find(|a| a["name"] == name).unwrap().clone();
    let ids: Vec<&str> = baked().categories.iter().map(|c| c.id.as_ref()).collect();
    // The fit view's section follows the categories where it has questions.
    assert!(!baked().fit.is_empty());
    let sections = [ids.clone(), vec![role_compare::state::FIT_SECTION]].concat();
    assert_eq!(attr("categories")["default"], sections.join(","));
    for id in &sections {
        assert!(attr("categories")["description"].as_str().unwrap().contains(&format!("`{id}`")), "{id}");
    }
    let roles: Vec<&str> = baked().roles.iter().map(|r| r.id.as_ref()).collect();
    assert_eq!(attr("roles")["default"], roles.join(","));
    assert_eq!(attr("theme")["type"]["text"], "\"light\" | \"dark\" | \"auto\"");
    assert_eq!(attr("theme")["default"], "auto");
    assert!(attr("sync-url").get("default").is_none(), "a flag has no default value");
    // The types' ids hold in every language built in.
    for d in role_compare::data::datasets() {
        assert_eq!(d.categories.iter().map(|c| c.id.as_ref()).collect::<Vec<_>>(), ids, "{}", d.lang);
        assert_eq!(d.roles.iter().map(|r| r.id.as_ref()).collect::<Vec<_>>(), roles, "{}", d.lang);
        assert!(attr("lang")["description"].as_str().unwrap().contains(&format!("`{}`", d.lang)), "{}", d.lang);
    }
}

#[test]
fn manifest_lists_the_event_the_parts_and_every_custom_property() {
    let decl = declaration();
    assert_eq!(names(&decl["events"]), set([api::CHANGE_EVENT]));
    assert_eq!(names(&decl["cssParts"]), set(PARTS.iter().map(|p| p.name)));
    let props = api::css_properties();
    assert_eq!(names(&decl["cssProperties"]), props.iter().map(|p| p.name.clone()).collect());
}

/// `part="…"` values in the rendered default view.
fn rendered_parts() -> BTreeSet<String> {
    // With the role picker, so that its part is there too.
    let html = render_html(RoleCompareProps { picker: true, ..RoleCompareProps::of(baked()) });
    html.split(" part=\"")
        .skip(1)
        .flat_map(|rest| rest.split('"').next().unwrap().split_whitespace().map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

#[test]
fn every_listed_part_is_rendered_and_every_rendered_part_is_listed() {
    let rendered = rendered_parts();
    assert!(!rendered.is_empty());
    assert_eq!(rendered, set(PARTS.iter().map(|p| p.name)));
}

/// `(name, fallback)` of every `var(--rc-…)` the stylesheet reads, and the
/// `--rc-…` it defines itself (its private variables), read by the parser.
fn stylesheet_variables() -> (Vec<(String, Option<String>)>, BTreeSet<String>) {
    let rules = rc_css::rules(CSS).expect("assets/role-compare.css parses");
    let declarations = || rules.iter().flat_map(|r| r.declarations.iter());
    let read =
        declarations().flat_map(|d| d.reads.iter().cloned()).filter(|(name, _)| name.starts_with("--rc-")).collect();
    let defined = declarations().map(|d| d.property.clone()).filter(|p| p.starts_with("--rc-")).collect();
    (read, defined)
}

#[test]
fn every_custom_property_the_stylesheet_reads_is_listed_with_its_default() {
    let (read, defined) = stylesheet_variables();
    let listed = api::css_properties();
    let public: BTreeSet<String> = read.iter().map(|(n, _)| n.clone()).filter(|n| !defined.contains(n)).collect();
    assert!(public.len() > 20, "{public:?}");
    assert_eq!(
        public,
        listed.iter().map(|p| p.name.clone()).collect::<BTreeSet<_>>(),
        "public --rc-* in the stylesheet vs api::css_properties()"
    );
    for p in &listed {
        assert!(!defined.contains(&p.name), "{} is public: the stylesheet must only read it", p.name);
        for (name, fallback) in read.iter().filter(|(n, _)| *n == p.name) {
            let default = rc_css::canonical_value(p.default).unwrap();
            assert_eq!(fallback.as_ref(), Some(&default), "the stylesheet's fallback for {name}");
        }
    }
}

#[test]
fn readme_documents_every_attribute_property_part_and_custom_property() {
    for a in ATTRIBUTES.iter() {
        assert!(README.contains(&format!("`{}`", a.name)), "README lacks attribute {}", a.name);
        assert!(README.contains(&format!("`{}`", a.property)), "README lacks property {}", a.property);
    }
    assert!(README.contains(&format!("`{}`", api::VIEW_PROPERTY)));
    assert!(README.contains(api::CHANGE_EVENT));
    for p in PARTS.iter() {
        assert!(README.contains(&format!("`{}`", p.name)), "README lacks part {}", p.name);
    }
    for c in api::COLOURS.iter() {
        assert!(README.contains(&format!("`{}`", c.key)), "README lacks colour {}", c.key);
    }
    for (name, _, _) in api::OTHER_CSS_PROPERTIES {
        assert!(README.contains(&format!("`{name}`")), "README lacks {name}");
    }
}

#[test]
fn types_declare_every_property_the_event_and_the_ids() {
    let ts = manifest::typescript(baked(), "9.9.9");
    assert!(ts.starts_with("// role-compare 9.9.9:"));
    for a in ATTRIBUTES.iter() {
        let own = a.defines_property();
        assert_eq!(
            ts.contains(&format!("  get {}(): ", a.property)) && ts.contains(&format!("  set {}(value: ", a.property)),
            own,
            "{}",
            a.property
        );
        assert!(ts.contains(&format!("  {:?}?: ", a.name)), "{}", a.name);
    }
    assert!(ts.contains("  readonly view: RoleCompareView;"));
    assert!(ts.contains("\"role-compare\": RoleCompareElement;"));
    assert!(ts.contains("\"role-compare-change\": RoleCompareChangeEvent;"));
    for c in baked().categories.iter() {
        assert!(ts.contains(&format!("{:?}", c.id.as_ref())), "{}", c.id);
    }
}

#[test]
fn readme_snippets_are_the_ones_the_consumer_projects_type_check() {
    // tests/consumers/: tsc --noEmit (strict) runs on these files in `cargo xtask test`.
    let jsx = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/consumers/react/src/role-compare-jsx.d.ts"
    ))
    .unwrap();
    assert!(
        README.contains(&jsx),
        "README's React snippet differs from tests/consumers/react/src/role-compare-jsx.d.ts"
    );
    let typed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/consumers/plain/typed.ts")).unwrap();
    let start = typed.find("import { ready } from \"role-compare\";").unwrap();
    let end = start + typed[start..].find("\n}\n").unwrap() + 3;
    assert!(
        README.contains(&typed[start..end]),
        "README's TypeScript snippet differs from tests/consumers/plain/typed.ts"
    );
}

#[test]
fn readme_and_changelog_name_the_version_of_the_workspace() {
    let version = role_compare::VERSION;
    for file in [
        format!("role-compare-{version}.tgz"),
        format!("role-compare-{version}.zip"),
        format!("/widgets/role-compare/{version}/"),
    ] {
        assert!(README.contains(&file), "README's Install section should name {file}");
    }
    let changelog = include_str!("../CHANGELOG.md");
    assert!(changelog.contains(&format!("## [{version}] - ")), "CHANGELOG.md has no entry for {version}");
}

#[test]
fn a_build_s_tag_name_must_be_a_custom_element_name() {
    use role_compare::embed::tag::{check, DEFAULT, TAG};
    for good in [DEFAULT, TAG, "career-compare", "rc-2", "my.roles_x-y"] {
        assert_eq!(check(good), Ok(()), "{good}");
    }
    for bad in ["", "rolecompare", "Role-Compare", "1-roles", "-roles", "role compare", "rôle-compare", "font-face"] {
        let err = check(bad).expect_err(bad);
        assert!(err.starts_with(&format!("ROLE_COMPARE_TAG={bad:?} ")), "{err}");
        assert!(err.contains("career-compare"), "the error shows a name that works: {err}");
    }
}
