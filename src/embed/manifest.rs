//! `custom-elements.json` (the custom-elements manifest, schema 2.1.0) and
//! `role-compare.d.ts` (the TypeScript types), generated from the tables in
//! [`api`](super::api) and the ids of a dataset. Native only: `cargo xtask
//! package` writes both into the package, and the tests compare them with the
//! element, the stylesheet and the rendered widget.

use serde_json::{json, Value};

use super::api::{self, Attribute, Values, ATTRIBUTES, CHANGE_EVENT, PARTS, TAG};
use crate::data::Dataset;
use crate::state::Theme;

/// The file the loader module is (the manifest's one module, the package's main export).
pub const MODULE: &str = "role-compare.js";
/// The element's interface name in the types and the manifest.
pub const CLASS: &str = "RoleCompareElement";
pub const CATEGORY_ID: &str = "RoleCompareCategoryId";
pub const ROLE_ID: &str = "RoleCompareRoleId";
pub const COMPARISON_ID: &str = "RoleCompareComparisonId";
pub const THEME: &str = "RoleCompareTheme";
pub const VIEW: &str = "RoleCompareView";
pub const CHANGE_EVENT_TYPE: &str = "RoleCompareChangeEvent";
pub const ATTRIBUTES_TYPE: &str = "RoleCompareAttributes";
/// The loader's one named export (src/embed/loader/role-compare.js).
pub const READY: &str = "ready";
pub const READY_DESCRIPTION: &str = "Resolves when `<role-compare>` is defined and its wasm has started: from then on every element's properties and `view` work, each element's widget renders (asynchronously, as every render, within a few tasks), and an element added later starts as it connects. Rejects with an `Error` whose message is the one `role-compare:` console error of a failure to start (the wasm missing, WebAssembly blocked, the tag taken by another script). Under `loading=\"lazy\"` it waits for that first start, when an element comes near the viewport. Outside a document (Node, a server render, static prerendering, a web worker) importing the module does nothing and `ready` never settles: await it only in the browser (an effect, an event handler).";

const ELEMENT_DESCRIPTION: &str = "Any comparison of the built-in catalogue (or any 2 to 4 of its roles) side by side: quick facts, then one section per category, each with its own toggle. Renders in an open shadow root with its own styles. A bad attribute or property value logs one console warning naming it and the default applies; nothing throws.";
/// What the types add to the element's description: what exists when.
const ELEMENT_WHEN: &str = "Its properties exist once the element is defined (after `ready`): before, a `<role-compare>` is a plain `HTMLElement`, whose properties read `undefined` but are taken over, when set, as the element is defined.";

/// `"a" | "b"` for TypeScript.
fn union<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    values.into_iter().map(|v| format!("{v:?}")).collect::<Vec<_>>().join(" | ")
}

fn category_ids(dataset: &Dataset) -> Vec<&str> {
    let catalogue = dataset.catalogue;
    let fit = catalogue.comparisons.iter().any(|c| !crate::data::fit::plan(catalogue, &c.roles).is_empty());
    let sections = dataset.categories.iter().map(|c| c.id.as_ref());
    // The fit view is listed with them, where the build asks questions.
    sections.chain(fit.then_some(crate::state::FIT_SECTION)).collect()
}

/// Every role id of the catalogue.
fn role_ids(dataset: &Dataset) -> Vec<&str> {
    dataset.catalogue.roles.iter().map(|r| r.id.as_ref()).collect()
}

fn comparison_ids(dataset: &Dataset) -> Vec<&str> {
    dataset.catalogue.comparisons.iter().map(|c| c.id.as_ref()).collect()
}

/// The shown roles' ids, in column order.
fn shown_role_ids(dataset: &Dataset) -> Vec<&str> {
    dataset.roles.iter().map(|r| r.id.as_ref()).collect()
}

/// The attribute's value when it is absent, as the attribute would spell it
/// (`None`: absent is its own state).
pub fn attribute_default(attribute: &Attribute, dataset: &Dataset) -> Option<String> {
    match attribute.values {
        Values::Categories => Some(category_ids(dataset).join(",")),
        Values::Roles => Some(shown_role_ids(dataset).join(",")),
        Values::Comparison => dataset.comparison.as_ref().map(|c| c.to_string()),
        Values::RoleList => Some(role_ids(dataset).join(",")),
        Values::Theme => Some(Theme::default().as_str().to_owned()),
        Values::OnOff => Some("off".to_owned()),
        Values::Loading => Some(api::LOADING_VALUES[0].to_owned()),
        Values::Presence | Values::Flag | Values::Lang => None,
    }
}

/// The values the attribute takes, for its description.
fn attribute_values(attribute: &Attribute, dataset: &Dataset) -> String {
    let code = |ids: Vec<&str>| ids.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ");
    match attribute.values {
        Values::Categories => format!("Category ids: {}.", code(category_ids(dataset))),
        Values::Roles | Values::RoleList => format!("Role ids: {}.", code(role_ids(dataset))),
        Values::Comparison => format!("Comparison ids: {}.", code(comparison_ids(dataset))),
        Values::Theme => format!("One of {}.", code(api::theme_names().collect())),
        Values::Loading => format!("One of {}.", code(api::LOADING_VALUES.to_vec())),
        Values::OnOff => "`on` (or no value) or `off`.".to_owned(),
        Values::Presence | Values::Flag => "A flag: no value.".to_owned(),
        Values::Lang => {
            format!("Built-in languages: {}.", code(crate::data::datasets().iter().map(|d| d.lang.as_ref()).collect()))
        }
    }
}

/// The attribute's type (attributes are strings; a union where the values are few).
fn attribute_type(attribute: &Attribute) -> String {
    match attribute.values {
        Values::Categories | Values::Roles | Values::RoleList => "string".to_owned(),
        Values::Comparison => COMPARISON_ID.to_owned(),
        Values::Theme => union(api::theme_names()),
        Values::Loading => union(api::LOADING_VALUES),
        Values::OnOff => union(["on", "off", ""]),
        Values::Presence | Values::Flag => "boolean".to_owned(),
        Values::Lang => "string".to_owned(),
    }
}

/// The property's type as read, and as written (TypeScript).
fn property_types(attribute: &Attribute) -> (String, String) {
    match attribute.values {
        Values::Categories => (format!("{CATEGORY_ID}[]"), format!("string | readonly {CATEGORY_ID}[] | null")),
        Values::Roles | Values::RoleList => (format!("{ROLE_ID}[]"), format!("string | readonly {ROLE_ID}[] | null")),
        Values::Comparison => (format!("{COMPARISON_ID} | null"), format!("{COMPARISON_ID} | null")),
        Values::Theme => (THEME.to_owned(), format!("{THEME} | null")),
        Values::Loading => (union(api::LOADING_VALUES), format!("{} | null", union(api::LOADING_VALUES))),
        Values::OnOff | Values::Presence | Values::Flag => ("boolean".to_owned(), "boolean".to_owned()),
        Values::Lang => ("string".to_owned(), "string".to_owned()),
    }
}

/// The property's value when the attribute is absent, as JS.
fn property_default(attribute: &Attribute, dataset: &Dataset) -> String {
    match attribute.values {
        Values::Categories => json!(category_ids(dataset)).to_string(),
        Values::Roles => json!(shown_role_ids(dataset)).to_string(),
        Values::RoleList => json!(role_ids(dataset)).to_string(),
        Values::Comparison => json!(dataset.comparison.as_deref()).to_string(),
        Values::Theme => json!(Theme::default().as_str()).to_string(),
        Values::Loading => json!(api::LOADING_VALUES[0]).to_string(),
        Values::OnOff | Values::Presence | Values::Flag => "false".to_owned(),
        Values::Lang => "\"\"".to_owned(),
    }
}

/// What a property does, for the docs in both files.
fn property_description(attribute: &Attribute) -> String {
    let read = match attribute.values {
        Values::Categories => "Reads the ids shown at start (all when the attribute is absent or unusable); takes a comma-separated string or an array of ids.",
        Values::Roles => "Reads the roles shown, in column order; takes a comma-separated string or an array of ids.",
        Values::RoleList => "Reads the roles the picker offers; takes a comma-separated string or an array of ids.",
        Values::Comparison => "Reads the comparison shown (`null` for roles nobody wrote a comparison of); takes a comparison id.",
        Values::Theme => "Reads the theme in force; takes a theme name.",
        Values::Loading => "Reads `eager` or `lazy` (the default, eager, for an absent or unusable value); takes one of them. Only what it is when the loader runs counts.",
        Values::OnOff => "`true` sets the attribute (on), `false` removes it (off).",
        Values::Presence | Values::Flag => "`true` sets the attribute, `false` removes it.",
        Values::Lang => "The platform's own `lang` property.",
    };
    let null = match attribute.values {
        Values::OnOff | Values::Presence | Values::Flag => "",
        _ => " `null` removes the attribute.",
    };
    format!(
        "{} {read} Reflects to the `{}` attribute and updates the widget exactly as the attribute does.{null} A bad value logs one console warning and the default applies.",
        attribute.description, attribute.name
    )
}

/// What the `view` property's description adds about when it exists.
const VIEW_WHEN: &str = "Read it after `ready`: before the element is defined it is `undefined`.";

fn view_type() -> String {
    format!(
        "{{ categories: {CATEGORY_ID}[]; highlight: boolean; roles: {ROLE_ID}[]; comparison: {COMPARISON_ID} | null; answers: {{ question: string; option: number; roles: {ROLE_ID}[] }}[] }}"
    )
}

/// `custom-elements.json`: the element, its attributes, properties, event, parts and custom properties.
pub fn manifest(dataset: &Dataset) -> Value {
    let attributes: Vec<Value> = ATTRIBUTES
        .iter()
        .map(|a| {
            let mut v = json!({
                "name": a.name,
                "description": format!("{} {} Default: {}.", a.description, attribute_values(a, dataset), a.default),
                "type": { "text": attribute_type(a) },
                "fieldName": a.property,
            });
            if let Some(default) = attribute_default(a, dataset) {
                v["default"] = json!(default);
            }
            v
        })
        .collect();
    let mut members: Vec<Value> = ATTRIBUTES
        .iter()
        .filter(|a| a.defines_property())
        .map(|a| {
            json!({
                "kind": "field",
                "name": a.property,
                "description": property_description(a),
                "type": { "text": property_types(a).0 },
                "default": property_default(a, dataset),
                "attribute": a.name,
                "reflects": true,
            })
        })
        .collect();
    members.push(json!({
        "kind": "field",
        "name": api::VIEW_PROPERTY,
        "description": format!("{} {}", api::VIEW_DESCRIPTION, VIEW_WHEN),
        "type": { "text": view_type() },
        "readonly": true,
    }));
    let css_properties: Vec<Value> = api::css_properties()
        .into_iter()
        .map(|p| {
            let mut v = json!({ "name": p.name, "description": p.description, "default": p.default });
            if p.default.starts_with('#') {
                v["syntax"] = json!("<color>");
            }
            v
        })
        .collect();
    json!({
        "schemaVersion": "2.1.0",
        "readme": "README.md",
        "modules": [{
            "kind": "javascript-module",
            "path": MODULE,
            "description": "The loader: importing it in a document registers <role-compare> (the wasm and its glue load from beside it); elsewhere it does nothing.",
            "declarations": [{
                "kind": "class",
                "name": CLASS,
                "description": ELEMENT_DESCRIPTION,
                "tagName": TAG,
                "customElement": true,
                "superclass": { "name": "HTMLElement", "package": "global:" },
                "attributes": attributes,
                "members": members,
                "events": [{
                    "name": CHANGE_EVENT,
                    "description": api::CHANGE_EVENT_DESCRIPTION,
                    "type": { "text": format!("CustomEvent<{}>", view_type()) },
                }],
                "cssParts": PARTS.iter().map(|p| json!({ "name": p.name, "description": p.description })).collect::<Vec<_>>(),
                "cssProperties": css_properties,
            }, {
                "kind": "variable",
                "name": READY,
                "description": READY_DESCRIPTION,
                "type": { "text": "Promise<void>" },
            }],
            "exports": [{
                "kind": "custom-element-definition",
                "name": TAG,
                "declaration": { "name": CLASS, "module": MODULE },
            }, {
                "kind": "js",
                "name": READY,
                "declaration": { "name": READY, "module": MODULE },
            }],
        }],
    })
}

/// A `/** … */` doc comment indented by `indent`.
fn doc(indent: &str, text: &str) -> String {
    format!("{indent}/** {} */\n", text.replace("*/", "*\\/"))
}

/// `role-compare.d.ts` for a package of `version`.
pub fn typescript(dataset: &Dataset, version: &str) -> String {
    let mut ts = format!(
        "// role-compare {version}: types for <{TAG}>. Generated by `cargo xtask package`\n\
         // from the element's API table (src/embed/api.rs); do not edit.\n\n"
    );
    ts += &doc("", "A category id of the built-in catalogue.");
    ts += &format!("export type {CATEGORY_ID} = {};\n\n", union(category_ids(dataset)));
    ts += &doc("", "A role id of the built-in catalogue.");
    ts += &format!("export type {ROLE_ID} = {};\n\n", union(role_ids(dataset)));
    ts += &doc("", "A comparison id of the built-in catalogue.");
    ts += &format!("export type {COMPARISON_ID} = {};\n\n", union(comparison_ids(dataset)));
    ts += &doc("", "A colour theme; `auto` follows `prefers-color-scheme`.");
    ts += &format!("export type {THEME} = {};\n\n", union(api::theme_names()));
    ts += &doc("", api::VIEW_DESCRIPTION);
    ts += &format!(
        "export interface {VIEW} {{\n  /** Ids of the categories shown, in dataset order. */\n  categories: {CATEGORY_ID}[];\n  \
         /** Whether what differs between the roles is highlighted. */\n  highlight: boolean;\n  \
         /** Ids of the roles shown, in column order. */\n  roles: {ROLE_ID}[];\n  \
         /** The comparison shown, or `null` for roles nobody wrote one of. */\n  comparison: {COMPARISON_ID} | null;\n  \
         /** The fit view's answers: each question's id, the option chosen (from 0) and the roles it points to. */\n  \
         answers: {{ question: string; option: number; roles: {ROLE_ID}[] }}[];\n}}\n\n"
    );
    ts += &doc("", api::CHANGE_EVENT_DESCRIPTION);
    ts += &format!("export type {CHANGE_EVENT_TYPE} = CustomEvent<{VIEW}>;\n\n");
    ts += &doc("", READY_DESCRIPTION);
    ts += &format!("export declare const {READY}: Promise<void>;\n\n");
    ts += &doc("", &format!("`<{TAG}>`: {ELEMENT_DESCRIPTION} {ELEMENT_WHEN}"));
    ts += &format!("export interface {CLASS} extends HTMLElement {{\n");
    for a in ATTRIBUTES.iter().filter(|a| a.defines_property()) {
        let (get, set) = property_types(a);
        ts += &doc("  ", &property_description(a));
        ts += &format!("  get {}(): {get};\n  set {}(value: {set});\n", a.property, a.property);
    }
    ts += &doc("  ", &format!("{} {VIEW_WHEN}", api::VIEW_DESCRIPTION));
    ts += &format!("  readonly {}: {VIEW};\n}}\n\n", api::VIEW_PROPERTY);
    ts +=
        &doc("", "The element's attributes with their values, for typing JSX and templates (see README, \"Install\").");
    ts += &format!("export interface {ATTRIBUTES_TYPE} {{\n");
    for a in ATTRIBUTES.iter() {
        let value = match a.values {
            Values::OnOff => format!("boolean | {}", union(["on", "off"])),
            _ => attribute_type(a),
        };
        ts += &doc("  ", &format!("{} {}", a.description, attribute_values(a, dataset)));
        ts += &format!("  {:?}?: {value};\n", a.name);
    }
    ts += "}\n\ndeclare global {\n";
    ts += &format!("  interface HTMLElementTagNameMap {{\n    {TAG:?}: {CLASS};\n  }}\n");
    ts +=
        &format!("  interface GlobalEventHandlersEventMap {{\n    {CHANGE_EVENT:?}: {CHANGE_EVENT_TYPE};\n  }}\n}}\n");
    ts
}
