//! `cargo xtask bench`: role-compare against its two floors, measured in one
//! run on this machine — (a) the widget's page, (b) a static HTML copy of its
//! prerendered default view with no script, (c) a minimal Yew app with one
//! toggle built with the same profile. Prints a table with the budgets'
//! ratios and writes it as JSON to target/bench/bench.json. Budgets are
//! reported, never asserted.
//!
//! Measuring (`measure.rs`: browsers, probes, files) gives typed results
//! ([`Results`]); reporting (`report.rs`: tables, budgets) reads only those.
//! A figure a probe did not give is an error when it is read, and a figure
//! with no samples is `None` (shown as `-`), never a silent NaN.

mod measure;
mod report;
pub mod scale;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use serde::{Deserialize, Serialize};

use crate::{dist, root, run, Result};

/// Raw, gzip and brotli bytes.
#[derive(Serialize, Deserialize, Clone, Copy, Default, Debug, PartialEq)]
pub struct Bytes {
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

impl std::ops::AddAssign for Bytes {
    fn add_assign(&mut self, o: Bytes) {
        self.raw += o.raw;
        self.gzip += o.gzip;
        self.brotli += o.brotli;
    }
}

/// The bytes of the files a load fetched, by file extension, and in all.
#[derive(Serialize, Clone, Default, Debug)]
pub struct FileBytes {
    pub by_type: BTreeMap<String, Bytes>,
    pub total: Bytes,
}

/// The click cost of a page's toggles.
#[derive(Serialize, Clone, Copy, Debug)]
pub struct Toggle {
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub clicks: usize,
}

/// What one page's cold loads, warm loads and clicks measured.
#[derive(Serialize, Clone, Debug)]
pub struct PageResult {
    pub bytes: FileBytes,
    pub fcp_ms: Option<f64>,
    pub fcp_all_ms: Vec<f64>,
    pub warm_fcp_ms: Option<f64>,
    pub warm_fcp_all_ms: Vec<f64>,
    pub interactive_ms: Option<f64>,
    pub long_tasks_per_load: Option<f64>,
    pub loads_with_a_long_task: usize,
    pub cold_loads: usize,
    pub longest_task_ms: f64,
    pub long_tasks_ms: Vec<Vec<f64>>,
    pub wasm_memory_bytes: Option<f64>,
    pub js_heap_bytes: Option<f64>,
    pub toggle: Option<Toggle>,
}

/// The three pages, side by side.
#[derive(Serialize, Clone, Debug)]
pub struct Pages {
    pub role_compare: PageResult,
    pub static_copy: PageResult,
    pub minimal_yew: PageResult,
}

/// The host article with the widget far below the fold, one way.
#[derive(Serialize, Clone, Debug)]
pub struct HostResult {
    pub bytes_before_scroll: FileBytes,
    pub requested: Vec<String>,
    /// Loads that fetched a wasm before any scroll.
    pub wasm_before_scroll: usize,
    pub tbt_ms: Option<f64>,
    pub tbt_all_ms: Vec<f64>,
    pub long_tasks_per_load: Option<f64>,
    pub long_tasks_ms: Vec<Vec<f64>>,
    pub cls_max: f64,
    pub lcp_ms: Option<f64>,
    pub lcp_all_ms: Vec<f64>,
    pub loads: usize,
}

/// The host article four ways. "content only" is the article with the pasted
/// fallback and no script: what the widget's content costs the page by
/// itself, so that "eager" minus it is what the wasm's start adds.
#[derive(Serialize, Clone, Debug)]
pub struct Hosts {
    pub without: HostResult,
    pub content_only: HostResult,
    pub eager: HostResult,
    pub lazy: HostResult,
}

/// Everything one run measured.
#[derive(Serialize, Clone, Debug)]
pub struct Results {
    pub machine: String,
    pub date: String,
    pub pages: Pages,
    pub host_article: Hosts,
    /// Cumulative layout shift of each first-paint case, by case name.
    pub layout_shift: BTreeMap<String, f64>,
}

pub fn bench() -> Result<()> {
    let report = dist::dist()?;
    println!("{report}");
    let out = root().join("target/bench");
    std::fs::create_dir_all(&out)?;
    let minimal = out.join("minimal");
    run(Command::new("trunk")
        .args(["build", "--release", "--dist"])
        .arg(&minimal)
        .current_dir(root().join("bench/minimal")))?;
    let static_copy = out.join("static");
    static_page(&root().join("dist"), &static_copy)?;

    let results = measure::all(root().join("dist"), static_copy, minimal, machine(), now()?)?;
    // The catalogue's scale last, so that its builds do not load the machine during the timings above.
    let dist_element = scale::in_dist(&root().join("dist"));
    let scale = scale::measure(machine(), now()?)?;
    let mut budgets = report::budgets(&results);
    budgets.extend(report::scale_budgets(&scale));
    let table = report::tables(&results)
        + &report::scale_table(&scale, dist_element.as_ref())
        + &report::budget_lines(&budgets);
    println!("{table}");
    let json = serde_json::json!({ "results": results, "scale": scale, "budgets": budgets });
    std::fs::write(out.join("bench.json"), serde_json::to_string_pretty(&json)?)?;
    std::fs::write(out.join("bench.txt"), &table)?;
    eprintln!("xtask: wrote target/bench/bench.json and bench.txt");
    Ok(())
}

/// `cargo xtask bench-scale`: the catalogue's scale alone (no browser):
/// prints its table and budgets, writes target/bench/scale.json and scale.txt.
pub fn bench_scale() -> Result<()> {
    let dist_element = scale::in_dist(&root().join("dist"));
    let scale = scale::measure(machine(), now()?)?;
    let table =
        report::scale_table(&scale, dist_element.as_ref()) + &report::budget_lines(&report::scale_budgets(&scale));
    println!("{table}");
    std::fs::write(root().join("target/bench/scale.txt"), &table)?;
    eprintln!("xtask: wrote target/bench/scale.json and scale.txt");
    Ok(())
}

/// dist/index.html without its script: the floor a static page sets.
fn static_page(dist: &Path, to: &Path) -> Result<()> {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to)?;
    let mut html = std::fs::read_to_string(dist.join("index.html"))?;
    // The page's loader and the first-paint script: the static copy shows the
    // default view only.
    for script in ["<script type=\"module\" src=\"./", "<script src=\"./first-paint-"] {
        if let Some(start) = html.find(script) {
            let end = start + html[start..].find("</script>").ok_or("unclosed script")? + "</script>".len();
            html.replace_range(start..end, "");
        }
    }
    if html.contains("<script type=\"module\"") || html.contains("<script src=") {
        return Err("static copy still has a script".into());
    }
    std::fs::write(to.join("index.html"), html)?;
    for entry in std::fs::read_dir(dist)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "css") {
            std::fs::copy(&path, to.join(path.file_name().unwrap_or_default()))?;
        }
    }
    Ok(())
}

fn now() -> Result<String> {
    let out = Command::new("date").arg("-u").arg("+%Y-%m-%d %H:%M UTC").output()?;
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines().find(|l| l.starts_with("model name")).map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    format!("{cpu}, {cores} cores")
}
