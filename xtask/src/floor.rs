//! The browser floor, kept: `.browserslistrc` states it (README's "Browser
//! support" repeats it, checked here); the shipped CSS is linted against it
//! with stylelint (browserslist-driven `no-unsupported-browser-features`, and
//! `use-baseline` for what caniuse has no entry for, such as `light-dark()`;
//! both accept a feature guarded by `@supports`); and the wasm's
//! `target_features` section may name only features every floor browser has.
//! The below-floor rendering is a page test (tests/e2e/tests/floor.rs).

use std::process::Command;

use crate::{root, run, Result};

/// The floor: (browserslist name, version), from `.browserslistrc` (`name >= version` lines).
pub fn floor() -> Result<Vec<(String, f64)>> {
    let text = std::fs::read_to_string(root().join(".browserslistrc"))?;
    let floor: Vec<(String, f64)> = text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (name, version) =
                l.split_once(">=").ok_or_else(|| format!(".browserslistrc: {l:?} is not `browser >= version`"))?;
            let version =
                version.trim().parse::<f64>().map_err(|_| format!(".browserslistrc: bad version in {l:?}"))?;
            Ok((name.trim().to_owned(), version))
        })
        .collect::<Result<_>>()?;
    Ok(floor)
}

/// The first version of a browser that shipped a feature; `None`: not shipped.
type Shipped = Option<f64>;

/// WebAssembly features by the first version of Chrome, Firefox and Safari
/// that shipped them (webassembly.org/features; MDN browser-compat-data).
/// `None`: not shipped.
const WASM_FEATURES: &[(&str, Shipped, Shipped, Shipped)] = &[
    ("mutable-globals", Some(74.0), Some(61.0), Some(13.1)),
    ("sign-ext", Some(74.0), Some(62.0), Some(14.1)),
    ("nontrapping-fptoint", Some(75.0), Some(64.0), Some(15.0)),
    ("bulk-memory", Some(75.0), Some(79.0), Some(15.0)),
    // LLVM's names for parts of the two above: memory.copy/fill, and call_indirect's long table index.
    ("bulk-memory-opt", Some(75.0), Some(79.0), Some(15.0)),
    ("multivalue", Some(85.0), Some(78.0), Some(13.1)),
    ("reference-types", Some(96.0), Some(79.0), Some(15.0)),
    ("call-indirect-overlong", Some(96.0), Some(79.0), Some(15.0)),
    ("simd128", Some(91.0), Some(89.0), Some(16.4)),
    ("exception-handling", Some(95.0), Some(100.0), Some(15.2)),
    ("extended-const", Some(114.0), Some(112.0), Some(17.4)),
    ("tail-call", Some(112.0), Some(121.0), Some(18.2)),
    ("gc", Some(119.0), Some(120.0), Some(18.2)),
    ("relaxed-simd", Some(114.0), None, None),
    ("memory64", Some(133.0), Some(134.0), None),
    ("multimemory", Some(120.0), Some(125.0), None),
];

/// Reads a LEB128 unsigned integer at `*at`.
fn leb(bytes: &[u8], at: &mut usize) -> Result<u64> {
    let (mut value, mut shift) = (0u64, 0);
    loop {
        let b = *bytes.get(*at).ok_or("truncated wasm")?;
        *at += 1;
        value |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(value);
        }
        shift += 7;
    }
}

/// The features a wasm module's `target_features` custom section lists as
/// used (`+`), or None without that section.
pub fn target_features(wasm: &[u8]) -> Result<Option<Vec<String>>> {
    if wasm.get(..4) != Some(b"\0asm") {
        return Err("not a wasm module".into());
    }
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = leb(wasm, &mut at)? as usize;
        let end = at + size;
        if id == 0 {
            let mut p = at;
            let len = leb(wasm, &mut p)? as usize;
            if wasm.get(p..p + len) == Some(b"target_features") {
                p += len;
                let mut features = Vec::new();
                for _ in 0..leb(wasm, &mut p)? {
                    let prefix = wasm[p];
                    p += 1;
                    let len = leb(wasm, &mut p)? as usize;
                    let name = String::from_utf8_lossy(&wasm[p..p + len]).into_owned();
                    p += len;
                    if prefix == b'+' || prefix == b'=' {
                        features.push(name);
                    }
                }
                return Ok(Some(features));
            }
        }
        at = end;
    }
    Ok(None)
}

/// Features above the floor: `feature (needs Chrome X, Firefox Y, Safari Z)`.
fn above_floor(features: &[String], floor: &[(String, f64)]) -> Vec<String> {
    let at = |name: &str| floor.iter().find(|(n, _)| n == name).map(|(_, v)| *v).unwrap_or(0.0);
    let (chrome, firefox, safari) = (at("chrome"), at("firefox"), at("safari").max(at("ios_saf")));
    let fmt = |v: Option<f64>| v.map_or("never".to_owned(), |v| v.to_string());
    features
        .iter()
        .filter_map(|f| {
            let Some(&(_, c, ff, s)) = WASM_FEATURES.iter().find(|(n, ..)| n == f) else {
                return Some(format!("{f} (unknown to xtask/src/floor.rs: add when browsers shipped it)"));
            };
            let ok = |need: Option<f64>, have: f64| need.is_some_and(|n| n <= have);
            (!(ok(c, chrome) && ok(ff, firefox) && ok(s, safari)))
                .then(|| format!("{f} (needs Chrome {}, Firefox {}, Safari {})", fmt(c), fmt(ff), fmt(s)))
        })
        .collect()
}

/// The whole check, for `cargo xtask test`.
pub fn check() -> Result<()> {
    let floor = floor()?;
    // README states the same floor.
    let readme = std::fs::read_to_string(root().join("README.md"))?;
    for (name, version) in &floor {
        let stated = format!("{name} >= {version}");
        if !readme.contains(&stated) {
            return Err(format!("README.md's Browser support does not state `{stated}` (.browserslistrc)").into());
        }
    }
    // CSS: stylelint names file and line of a feature above the floor without a fallback.
    run(Command::new("stylelint").args(["--config", "tools/stylelint.config.json", "assets/*.css"]))?;
    println!("ok: assets/*.css use nothing above the floor without an @supports fallback (stylelint)");
    // wasm: the target_features section of every build (the element's, each page's).
    let dist = root().join("dist");
    let mut wasms: Vec<_> = std::fs::read_dir(&dist)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
        .collect();
    if wasms.is_empty() {
        return Err("dist/ has no .wasm: build it first".into());
    }
    wasms.sort();
    for wasm in wasms {
        let features = target_features(&std::fs::read(&wasm)?)?
            .ok_or_else(|| format!("{} has no target_features section (wasm-opt must keep it)", wasm.display()))?;
        let above = above_floor(&features, &floor);
        if !above.is_empty() {
            return Err(
                format!("{} uses WebAssembly features above the floor: {}", wasm.display(), above.join(", ")).into()
            );
        }
        println!(
            "ok: {} uses {} — all within the floor",
            wasm.file_name().unwrap_or_default().to_string_lossy(),
            features.join(", ")
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(features: &[(u8, &str)]) -> Vec<u8> {
        let mut payload = vec![15];
        payload.extend(b"target_features");
        payload.push(features.len() as u8);
        for (p, name) in features {
            payload.push(*p);
            payload.push(name.len() as u8);
            payload.extend(name.as_bytes());
        }
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend([1, 0]); // an empty type section first
        wasm.push(0);
        wasm.push(payload.len() as u8);
        wasm.extend(payload);
        wasm
    }

    #[test]
    fn reads_the_target_features_section() {
        let wasm = section(&[(b'+', "bulk-memory"), (b'-', "simd128"), (b'+', "reference-types")]);
        assert_eq!(target_features(&wasm).unwrap(), Some(vec!["bulk-memory".to_owned(), "reference-types".to_owned()]));
        assert_eq!(target_features(b"\0asm\x01\0\0\0").unwrap(), None);
    }

    #[test]
    fn a_feature_above_the_floor_is_named() {
        let floor = vec![("chrome".to_owned(), 111.0), ("firefox".to_owned(), 123.0), ("safari".to_owned(), 16.4)];
        assert!(above_floor(&["reference-types".into(), "multivalue".into()], &floor).is_empty());
        let above = above_floor(&["tail-call".into(), "gc".into()], &floor);
        assert_eq!(above.len(), 2, "{above:?}");
        assert!(above[0].starts_with("tail-call (needs Chrome 112"), "{above:?}");
    }

    #[test]
    fn the_stated_floor_parses() {
        let floor = floor().unwrap();
        assert!(floor.iter().any(|(n, _)| n == "safari"), "{floor:?}");
    }
}
