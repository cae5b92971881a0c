//! BCP 47 language tags: their shape, their primary language, their
//! direction, and RFC 4647 lookup among the languages a build has.
//!
//! Also compiled into build.rs (`#[path]`): it refers to nothing outside itself.

/// Whether a tag is well-formed enough for `lang` (BCP 47 shape: a 2–3 or 5–8
/// letter language subtag, then subtags of 1–8 letters and digits).
pub fn check_lang(tag: &str) -> Result<(), String> {
    let mut subtags = tag.split('-');
    let language = subtags.next().unwrap_or_default();
    let ok = matches!(language.len(), 2 | 3 | 5..=8)
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags.all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    if ok {
        Ok(())
    } else {
        Err(format!("{tag:?} is not a BCP 47 language tag (e.g. \"en\", \"es-MX\", \"ar\")"))
    }
}

/// `es-MX` → `es`.
pub fn primary_language(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// Whether text in this language runs right to left: by its script subtag
/// when it has one (`az-Arab`, `ku-Latn`), else by its language (`ar`, `he`,
/// `fa`, `ur`, …).
pub fn is_rtl(tag: &str) -> bool {
    let script = tag.split(['-', '_']).skip(1).find(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()));
    match script {
        Some(s) => ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"].contains(&s.to_ascii_lowercase().as_str()),
        None => {
            let primary = primary_language(tag).to_ascii_lowercase();
            ["ar", "he", "iw", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"].contains(&primary.as_str())
        }
    }
}

/// The best of `available` for a requested BCP 47 tag (RFC 4647 lookup:
/// `es-MX` takes `es-MX`, then `es`; then any tag of the same language,
/// `es-ES`), or `None`. Case does not matter.
pub fn pick<'a>(requested: &str, available: impl Iterator<Item = &'a str> + Clone) -> Option<usize> {
    let requested = requested.trim();
    if requested.is_empty() {
        return None;
    }
    let mut prefix = requested;
    loop {
        if let Some(ix) = available.clone().position(|a| a.eq_ignore_ascii_case(prefix)) {
            return Some(ix);
        }
        match prefix.rfind(['-', '_']) {
            Some(cut) => prefix = &prefix[..cut],
            None => break,
        }
    }
    available.clone().position(|a| primary_language(a).eq_ignore_ascii_case(primary_language(requested)))
}
