//! The catalogue's tools for content editors: its JSON Schema, generated from
//! the Rust types that read it (`src/data/validate.rs`), and the converter from
//! 0.2's single-comparison format.

use std::path::Path;

use role_compare::data::validate::{read_raw, RawCatalogue, SCHEMA_FILE};

use crate::{root, Result};

/// The JSON Schema of a catalogue file, pretty-printed.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(RawCatalogue);
    serde_json::to_string_pretty(&schema).expect("a schema is JSON") + "\n"
}

/// `cargo xtask schema`: writes `assets/catalogue.schema.json` (committed:
/// the shipped catalogues' `$schema` names it, and a test keeps it current).
pub fn write_schema() -> Result<()> {
    let path = root().join("assets").join(SCHEMA_FILE);
    std::fs::write(&path, schema_json())?;
    println!("wrote {}", path.display());
    Ok(())
}

/// `cargo xtask convert FILE…`: rewrites each file in the catalogue format
/// (a file already in it is rewritten unchanged but for formatting).
pub fn convert(files: &[String]) -> Result<()> {
    if files.is_empty() {
        return Err("usage: cargo xtask convert <dataset.json>…".into());
    }
    for file in files {
        let json = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
        let (mut raw, legacy) = read_raw(file, &json)?;
        // Checked as the build will check it, before anything is written.
        role_compare::data::validate::parse_catalogue(file, &json)?;
        raw.schema.get_or_insert_with(|| schema_path(Path::new(file)));
        std::fs::write(file, serde_json::to_string_pretty(&in_category_order(&raw)?)? + "\n")?;
        println!("{file}: {}", if legacy { "converted to a catalogue" } else { "already a catalogue; reformatted" });
    }
    Ok(())
}

/// The catalogue as JSON, each role's points and each comparison's texts in
/// the categories' order (as an editor reads them), not alphabetically.
fn in_category_order(raw: &RawCatalogue) -> Result<serde_json::Value> {
    let order: Vec<&str> = raw.categories.iter().map(|c| c.id.as_str()).collect();
    let mut value = serde_json::to_value(raw)?;
    let reorder = |map: &mut serde_json::Value| {
        if let Some(map) = map.as_object_mut() {
            let mut sorted: Vec<(String, serde_json::Value)> = std::mem::take(map).into_iter().collect();
            sorted.sort_by_key(|(k, _)| order.iter().position(|o| o == k));
            map.extend(sorted);
        }
    };
    for list in ["roles", "comparisons"] {
        for item in value[list].as_array_mut().into_iter().flatten() {
            reorder(&mut item[if list == "roles" { "points" } else { "categories" }]);
        }
    }
    Ok(value)
}

/// `$schema` for a file: the schema in `assets/`, relative to the file.
fn schema_path(file: &Path) -> String {
    let dir = std::fs::canonicalize(file).ok().and_then(|f| f.parent().map(Path::to_path_buf));
    let assets = root().join("assets");
    match dir.as_deref().and_then(|d| assets.strip_prefix(d).ok()) {
        Some(rel) => rel.join(SCHEMA_FILE).to_string_lossy().into_owned().replace('\\', "/"),
        None => match dir.as_deref().and_then(|d| d.strip_prefix(root()).ok()) {
            Some(rel) => {
                let up = "../".repeat(rel.components().count());
                format!("{up}assets/{SCHEMA_FILE}")
            }
            None => assets.join(SCHEMA_FILE).to_string_lossy().into_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_schema_is_the_generated_one() {
        let committed = std::fs::read_to_string(root().join("assets").join(SCHEMA_FILE)).unwrap_or_default();
        assert!(committed == schema_json(), "assets/{SCHEMA_FILE} is stale: run `cargo xtask schema` and review it");
    }

    #[test]
    fn the_shipped_catalogues_name_the_schema_and_are_in_the_catalogue_format() {
        for file in role_compare::data::dataset_files() {
            let json = std::fs::read_to_string(root().join(file)).unwrap();
            let (raw, legacy) = read_raw(file, &json).unwrap();
            assert!(!legacy, "{file} is in the old format");
            assert_eq!(raw.schema.as_deref(), Some(SCHEMA_FILE), "{file}");
        }
    }
}
