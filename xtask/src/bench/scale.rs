//! The catalogue's scale (issue 17, item 7): the element's bytes with one
//! comparison, with the shipped catalogue and with the generated catalogue
//! of 24 roles, each a full release build (Trunk, the same wasm-opt as
//! dist/) into `target/bench/scale-<name>/`, with dist's loader and its
//! glue minified as dist's; and the time of the build step with one
//! comparison against the shipped catalogue in both languages.
//!
//! Bytes are exact: `target/bench/scale.json` keeps them, and a native test
//! (`the_catalogues_keep_their_byte_budgets`) asserts their budgets when
//! that file is there.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use super::Bytes;
use crate::dist::{self, js, trunk, LOADER};
use crate::{fixture, root, Result};

/// 0.2.0's element, brotli: wasm, glue and loader (English and Spanish).
pub const ELEMENT_0_2_0: usize = 97_835;
/// 0.2.0's page in all, brotli (issue 12's page build; the "about 93,500").
pub const PAGE_0_2_0: usize = 93_500;
/// What each further role may add, brotli, per language.
pub const PER_ROLE: f64 = 2_000.0;

/// One-comparison 0.2 file (ECMO Specialist vs. Perfusionist, English).
pub const ONE: &str = "tests/fixtures/legacy-0.2.json";
/// The shipped catalogue, English only (like for like with `ONE`).
pub const SHIPPED_EN: &str = "assets/roles.json";
/// The shipped catalogue as dist/ builds it: English and Spanish.
pub const SHIPPED: &str = "assets/roles.json,assets/roles.es.json";
/// Where [`fixture::write`] puts the 24 roles.
pub const FIXTURE_24: &str = fixture::FILE;

/// The element's files, brotli as dist's compress step writes them.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub struct Element {
    pub wasm: Bytes,
    pub glue: Bytes,
    pub loader: Bytes,
    pub total: Bytes,
}

/// One catalogue's build: what it baked, what the element weighs, how long
/// the build step took.
#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct Build {
    pub name: String,
    pub dataset: String,
    pub roles: usize,
    pub comparisons: usize,
    pub languages: usize,
    pub element: Element,
    /// The wasm's code and data sections, raw bytes: what grows with the
    /// catalogue is data; code that grows is the program's.
    pub code_raw: usize,
    pub data_raw: usize,
    /// Trunk's release build (cargo, wasm-bindgen, wasm-opt), the loader and
    /// the glue minified, in seconds: each time it was built.
    pub build_s: Vec<f64>,
}

impl Build {
    /// The quickest of its builds (the one least slowed by the machine's other work).
    pub fn quickest_s(&self) -> f64 {
        self.build_s.iter().copied().fold(f64::INFINITY, f64::min)
    }
}

/// Everything one `cargo xtask bench-scale` measured.
#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct Scale {
    pub machine: String,
    pub date: String,
    pub commit: String,
    /// `/proc/loadavg`'s 1, 5 and 15 minute averages before and after the builds.
    pub load_before: String,
    pub load_after: String,
    pub one: Build,
    pub shipped_en: Build,
    pub shipped: Build,
    pub fixture_24: Build,
    /// The whole `cargo xtask dist` (every step, into another folder), with
    /// one comparison and with the shipped catalogue; `None` in a run that did not time it.
    #[serde(default)]
    pub dist: Option<DistTimes>,
}

/// Seconds of the whole dist, each with its catalogue, one after the other.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub struct DistTimes {
    pub one_s: f64,
    pub shipped_s: f64,
}

/// Where the timed dists go (never dist/).
const DIST_ONE: &str = "target/bench/dist-one";
const DIST_SHIPPED: &str = "target/bench/dist-shipped";
/// The seconds a `dist-into` wrote beside its folder.
fn seconds_file(dir: &Path) -> PathBuf {
    dir.with_extension("seconds")
}

/// `cargo xtask dist-into DIR`: dist's build into DIR, timed; the seconds in `DIR.seconds`.
pub fn timed_dist_into(dir: &Path) -> Result<()> {
    let start = Instant::now();
    dist::dist_into(dir, None)?;
    let seconds = start.elapsed().as_secs_f64();
    std::fs::write(seconds_file(dir), format!("{seconds}\n"))?;
    eprintln!("xtask: dist into {} took {seconds:.1} s", dir.display());
    Ok(())
}

/// The whole dist with one comparison (another xtask: the prerender and
/// the page builds follow the catalogue xtask was compiled with, so
/// `cargo xtask dist-into` runs with `ROLE_COMPARE_DATASET`; its compile is
/// not timed), then with the shipped catalogue (this xtask), each into its
/// own folder under target/bench/.
fn dist_times() -> Result<DistTimes> {
    eprintln!("xtask: bench-scale: the whole dist with {ONE} into {DIST_ONE} (xtask rebuilt for it, untimed)");
    crate::run(Command::new("cargo").args(["xtask", "dist-into", DIST_ONE]).env("ROLE_COMPARE_DATASET", ONE))?;
    let one_s: f64 = std::fs::read_to_string(seconds_file(&root().join(DIST_ONE)))?.trim().parse()?;
    eprintln!("xtask: bench-scale: the whole dist with the shipped catalogue into {DIST_SHIPPED}");
    let start = Instant::now();
    dist::dist_into(&root().join(DIST_SHIPPED), None)?;
    Ok(DistTimes { one_s, shipped_s: start.elapsed().as_secs_f64() })
}

impl Scale {
    /// Brotli bytes each role beyond the one comparison's two adds, in one language.
    pub fn per_role(&self) -> f64 {
        let roles = self.fixture_24.roles.saturating_sub(self.one.roles).max(1);
        (self.fixture_24.element.total.brotli as f64 - self.one.element.total.brotli as f64) / roles as f64
    }

    /// The shipped (English) element against the one comparison's.
    pub fn shipped_over_one(&self) -> f64 {
        self.shipped_en.element.total.brotli as f64 / self.one.element.total.brotli as f64
    }

    /// The build step with the shipped catalogue (both languages) against
    /// one comparison's, each its quickest build.
    pub fn build_time_ratio(&self) -> f64 {
        self.shipped.quickest_s() / self.one.quickest_s()
    }
}

/// Where the scale results are kept.
pub fn results_file() -> PathBuf {
    root().join("target/bench/scale.json")
}

/// Builds the four catalogues' elements in turn and returns their figures;
/// writes `target/bench/scale.json`.
pub fn measure(machine: String, date: String) -> Result<Scale> {
    fixture::write()?;
    let load_before = load_average();
    // The timed pair twice, a b … a b, so that neither is always the first
    // after a cold start or always under the same load (each build redoes
    // the crate: its dataset changed); the quickest of each counts.
    let mut one = build("one", ONE)?;
    let mut shipped = build("shipped", SHIPPED)?;
    let shipped_en = build("shipped-en", SHIPPED_EN)?;
    let fixture_24 = build("fixture-24", FIXTURE_24)?;
    one.build_s.extend(build("one", ONE)?.build_s);
    shipped.build_s.extend(build("shipped", SHIPPED)?.build_s);
    let dist = Some(dist_times()?);
    let scale = Scale {
        machine,
        date,
        commit: commit(),
        load_before,
        load_after: load_average(),
        one,
        shipped_en,
        shipped,
        fixture_24,
        dist,
    };
    std::fs::create_dir_all(root().join("target/bench"))?;
    std::fs::write(results_file(), serde_json::to_string_pretty(&scale)?)?;
    Ok(scale)
}

/// The element built with `dataset` into `target/bench/scale-<name>/`.
fn build(name: &str, dataset: &str) -> Result<Build> {
    let dir = root().join(format!("target/bench/scale-{name}"));
    eprintln!("xtask: bench-scale: the element with {dataset} into {}", dir.display());
    let start = Instant::now();
    let built = trunk::build(&dir, true, trunk::Features::Element, &[("ROLE_COMPARE_DATASET", dataset)])?;
    std::fs::write(dir.join(LOADER), js::element_loader(&built, role_compare::embed::api::TAG)?)?;
    js::minify_glues(&dir, std::slice::from_ref(&built.glue))?;
    let build_s = start.elapsed().as_secs_f64();
    let bytes = |file: &str| -> Result<Bytes> {
        let (raw, gzip, brotli) = dist::sizes(&std::fs::read(dir.join(file))?);
        Ok(Bytes { raw, gzip, brotli })
    };
    let (wasm, glue, loader) = (bytes(&built.wasm)?, bytes(&built.glue)?, bytes(LOADER)?);
    let mut total = wasm;
    total += glue;
    total += loader;
    let (roles, comparisons, languages) = counts(dataset)?;
    let (code_raw, data_raw) = sections(&std::fs::read(dir.join(&built.wasm))?)?;
    Ok(Build {
        name: name.to_owned(),
        dataset: dataset.to_owned(),
        roles,
        comparisons,
        languages,
        element: Element { wasm, glue, loader, total },
        code_raw,
        data_raw,
        build_s: vec![build_s],
    })
}

/// The sizes of a wasm module's code (10) and data (11) sections.
fn sections(wasm: &[u8]) -> Result<(usize, usize)> {
    fn leb(b: &[u8], i: &mut usize) -> Result<usize> {
        let (mut n, mut shift) = (0usize, 0);
        loop {
            let byte = *b.get(*i).ok_or("wasm: truncated")?;
            *i += 1;
            n |= usize::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(n);
            }
            shift += 7;
        }
    }
    if wasm.get(..4) != Some(b"\0asm") {
        return Err("not a wasm module".into());
    }
    let (mut i, mut code, mut data) = (8, 0, 0);
    while i < wasm.len() {
        let id = wasm[i];
        i += 1;
        let size = leb(wasm, &mut i)?;
        match id {
            10 => code += size,
            11 => data += size,
            _ => {}
        }
        i += size;
    }
    Ok((code, data))
}

/// Roles and comparisons of the first file, and how many files (languages).
fn counts(dataset: &str) -> Result<(usize, usize, usize)> {
    let files: Vec<&str> = dataset.split(',').collect();
    let first: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(root().join(files[0]))?)?;
    let len = |key: &str| first[key].as_array().map_or(0, Vec::len);
    Ok((len("roles"), len("comparisons").max(1), files.len()))
}

/// The element in dist/ as `cargo xtask dist` left it, if it is there:
/// wasm, minified glue and loader, brotli as its `.br` files.
pub fn in_dist(dist: &Path) -> Option<Element> {
    let index = std::fs::read_to_string(dist.join(LOADER)).ok()?;
    let name = |suffix: &str| {
        std::fs::read_dir(dist)
            .ok()?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .find(|n| n.starts_with("role-compare-") && n.ends_with(suffix) && index.contains(n.as_str()))
    };
    let bytes = |file: &str| {
        let (raw, gzip, brotli) = dist::sizes(&std::fs::read(dist.join(file)).ok()?);
        Some(Bytes { raw, gzip, brotli })
    };
    let (wasm, glue, loader) = (bytes(&name("_bg.wasm")?)?, bytes(&name(".js")?)?, bytes(LOADER)?);
    let mut total = wasm;
    total += glue;
    total += loader;
    Some(Element { wasm, glue, loader, total })
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn commit() -> String {
    std::process::Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(root())
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte budgets of issue 17, on the figures `cargo xtask bench-scale`
    /// (or `bench`) last wrote; skipped, saying so, when it has not run here:
    /// building four release wasms takes minutes, too long for a test.
    #[test]
    fn the_catalogues_keep_their_byte_budgets() {
        let Ok(json) = std::fs::read_to_string(results_file()) else {
            eprintln!("skipped: no {} (cargo xtask bench-scale writes it)", results_file().display());
            return;
        };
        let s: Scale = serde_json::from_str(&json).expect("scale.json is what bench-scale writes");
        eprintln!("checking the byte budgets on {} (commit {}, {})", results_file().display(), s.commit, s.date);
        for b in [&s.one, &s.shipped_en, &s.shipped, &s.fixture_24] {
            let e = &b.element;
            assert_eq!(e.total.brotli, e.wasm.brotli + e.glue.brotli + e.loader.brotli, "{}", b.name);
        }
        assert_eq!((s.one.roles, s.one.languages), (2, 1), "one comparison, English");
        assert_eq!((s.fixture_24.roles, s.fixture_24.languages), (fixture::ROLES, 1));
        let limit = ELEMENT_0_2_0 * 110 / 100;
        assert!(
            s.shipped.element.total.brotli <= limit,
            "the element with the shipped catalogue (en+es) weighs {} bytes brotli, over 1.10 × 0.2.0's {ELEMENT_0_2_0} = {limit}",
            s.shipped.element.total.brotli
        );
        assert!(s.per_role() <= PER_ROLE, "each further role costs {:.0} bytes brotli per language", s.per_role());
    }

    #[test]
    fn a_further_role_is_the_difference_over_the_roles_added() {
        let build = |name: &str, roles, brotli| Build {
            name: name.into(),
            dataset: String::new(),
            roles,
            comparisons: 1,
            languages: 1,
            element: Element {
                wasm: Bytes::default(),
                glue: Bytes::default(),
                loader: Bytes::default(),
                total: Bytes { raw: 0, gzip: 0, brotli },
            },
            code_raw: 0,
            data_raw: 0,
            build_s: vec![3.0, 2.0],
        };
        let s = Scale {
            machine: String::new(),
            date: String::new(),
            commit: String::new(),
            load_before: String::new(),
            load_after: String::new(),
            one: build("one", 2, 90_000),
            shipped_en: build("shipped-en", 3, 99_000),
            shipped: build("shipped", 3, 100_000),
            fixture_24: build("fixture-24", 24, 134_000),
            dist: None,
        };
        assert_eq!(s.per_role(), 2_000.0);
        assert_eq!(s.shipped_over_one(), 1.1);
        assert_eq!(s.build_time_ratio(), 1.0);
        assert_eq!(s.one.quickest_s(), 2.0);
    }

    /// The sections of a module written by hand: a type section, a code section of 4 bytes, a data section of 2.
    #[test]
    fn code_and_data_are_read_from_their_sections() {
        let wasm = [b"\0asm".as_slice(), &[1, 0, 0, 0], &[1, 1, 0], &[10, 4, 1, 2, 0, 11], &[11, 2, 0, 0]].concat();
        assert_eq!(sections(&wasm).unwrap(), (4, 2));
        assert!(sections(b"nope").is_err());
    }
}
