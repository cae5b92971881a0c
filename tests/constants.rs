//! Constants that more than one language holds, each checked against its one
//! table (the Rust constant): wherever a copy lives (HTML, JavaScript kept in
//! the build, docs), it spells the table's value, so renaming the constant
//! without its copies fails here, naming the file.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use role_compare::embed::api::PAGE_MARKER;

/// Tracked text files of the repository, with their contents.
fn tracked() -> Vec<(String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("git").args(["ls-files"]).current_dir(root).output().expect("git ls-files");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter_map(|p| Some((p.to_owned(), std::fs::read_to_string(format!("{root}/{p}")).ok()?)))
        .collect()
}

/// The page marker (`src/embed/api.rs`) is copied into the page template,
/// the loaders and the docs: every mention of a `…compare-page` marker is it.
#[test]
fn every_copy_of_the_page_marker_is_the_table_s() {
    let files = tracked();
    let mut copies = Vec::new();
    for (path, text) in &files {
        let mentions = text.matches("compare-page").count();
        if mentions == 0 || path == "tests/constants.rs" {
            continue;
        }
        assert_eq!(text.matches(PAGE_MARKER).count(), mentions, "{path} names a page marker that is not {PAGE_MARKER}");
        copies.push(path.as_str());
    }
    // The page template marks its element with it.
    let index = &files.iter().find(|(p, _)| p == "index.html").expect("index.html").1;
    assert!(index.contains(&format!(" {PAGE_MARKER}>")), "index.html does not mark its <main> with {PAGE_MARKER}");
    assert!(copies.len() >= 3, "{copies:?}");
}
