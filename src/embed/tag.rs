//! The element's tag name, chosen when the widget is built: `role-compare`,
//! or `ROLE_COMPARE_TAG` (`ROLE_COMPARE_TAG=career-compare cargo xtask dist`),
//! so that two builds (two parts of a large catalogue) can share a page, each
//! under its own tag. Checked by build.rs (it includes this file), so a bad
//! name fails the build; [`TAG`] is read by everything that names the
//! element: the wasm, the loaders, the prerendered fallbacks, the manifest,
//! the types and the WordPress plugin.

/// The tag when `ROLE_COMPARE_TAG` is not set.
pub const DEFAULT: &str = "role-compare";

/// The element's tag name in this build.
pub const TAG: &str = match option_env!("ROLE_COMPARE_TAG") {
    Some(tag) => tag,
    None => DEFAULT,
};

/// Names the HTML standard reserves although they are valid otherwise.
const RESERVED: [&str; 8] = [
    "annotation-xml",
    "color-profile",
    "font-face",
    "font-face-src",
    "font-face-uri",
    "font-face-format",
    "font-face-name",
    "missing-glyph",
];

/// Whether `name` is a valid custom element name (HTML, "valid custom element
/// name"), restricted to ASCII: a lowercase letter, then lowercase letters,
/// digits, `-`, `.` and `_`, with at least one `-`; not a reserved name.
pub fn check(name: &str) -> Result<(), String> {
    let ascii = name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-._".contains(&b));
    if !name.starts_with(|c: char| c.is_ascii_lowercase()) || !ascii || !name.contains('-') {
        return Err(format!(
            "ROLE_COMPARE_TAG={name:?} is not a custom element name: it must start with a lowercase letter, \
             hold only lowercase letters, digits, '-', '.' and '_', and contain a '-' (e.g. career-compare)"
        ));
    }
    if RESERVED.contains(&name) {
        return Err(format!("ROLE_COMPARE_TAG={name:?} is a name HTML reserves; choose another (e.g. career-compare)"));
    }
    Ok(())
}
