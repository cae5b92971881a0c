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
    /// Warm first paints of the static copy with the first-paint script put
    /// back (`with-first-paint.html`): how much of the page's warm paint
    /// over the static copy's is that render-blocking request.
    pub static_with_first_paint_warm_fcp_ms: Option<f64>,
    pub static_with_first_paint_warm_fcp_all_ms: Vec<f64>,
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
    bench_with(true)
}

/// `cargo xtask bench-pages`: the bench without the catalogue's scale (its
/// builds take most of the bench's time): the pages, the host article and
/// the first paint, with their budgets.
pub fn bench_pages() -> Result<()> {
    bench_with(false)
}

fn bench_with(with_scale: bool) -> Result<()> {
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
    let mut budgets = report::budgets(&results);
    let mut table = report::tables(&results);
    let mut scale = None;
    if with_scale {
        let dist_element = scale::in_dist(&root().join("dist"));
        let measured = scale::measure(machine(), now()?)?;
        budgets.extend(report::scale_budgets(&measured));
        table += &report::scale_table(&measured, dist_element.as_ref());
        scale = Some(measured);
    }
    table += &report::budget_lines(&budgets);
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
/// The static copy's page with the first-paint script (and no loader).
pub const STATIC_WITH_FIRST_PAINT: &str = "with-first-paint.html";

fn static_page(dist: &Path, to: &Path) -> Result<()> {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to)?;
    // Without the page's loader: the static copy with the first-paint script,
    // for the warm paint's diagnosis; without that script too: the static
    // copy, which shows the default view only.
    let index = std::fs::read_to_string(dist.join("index.html"))?;
    let with_first_paint = without_script(&index, "<script type=\"module\" src=\"./")?;
    let html = without_script(&with_first_paint, "<script src=\"./first-paint-")?;
    if html.contains("<script type=\"module\"") || html.contains("<script src=") {
        return Err("static copy still has a script".into());
    }
    std::fs::write(to.join("index.html"), html)?;
    std::fs::write(to.join(STATIC_WITH_FIRST_PAINT), with_first_paint)?;
    for entry in std::fs::read_dir(dist)? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let first_paint = name.starts_with("first-paint-") && name.ends_with(".js");
        if first_paint || path.extension().is_some_and(|e| e == "css") {
            std::fs::copy(&path, to.join(path.file_name().unwrap_or_default()))?;
        }
    }
    Ok(())
}

/// `html` without the script element whose start tag begins with `start_tag`.
fn without_script(html: &str, start_tag: &str) -> Result<String> {
    let start = html.find(start_tag).ok_or_else(|| format!("index.html has no {start_tag}…"))?;
    let end = start + html[start..].find("</script>").ok_or("unclosed script")? + "</script>".len();
    Ok([&html[..start], &html[end..]].concat())
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

#[cfg(test)]
mod tests {
    use super::without_script;

    #[test]
    fn without_script_takes_out_the_one_script_element_named_and_nothing_else() {
        let html =
            "<head><script src=\"./first-paint-1.js\"></script><script type=\"module\" src=\"./l.js\"></script></head>";
        assert_eq!(
            without_script(html, "<script type=\"module\" src=\"./").unwrap(),
            "<head><script src=\"./first-paint-1.js\"></script></head>"
        );
        assert_eq!(
            without_script(html, "<script src=\"./first-paint-").unwrap(),
            "<head><script type=\"module\" src=\"./l.js\"></script></head>"
        );
        assert!(without_script("<head></head>", "<script src=\"./first-paint-").is_err());
    }
}
