//! `cargo xtask bench`: role-compare against its two floors, measured in one
//! run on this machine — (a) the widget's page, (b) a static HTML copy of its
//! prerendered default view with no script, (c) a minimal Yew app with one
//! toggle built with the same profile. Prints a table with the budgets'
//! ratios and writes it as JSON to target/bench/bench.json. Budgets are
//! reported, never asserted.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use e2e::{Browser, Engine, Options, Server};
use serde_json::{json, Value};

use crate::{dist, root, run, Result};

const COLD_LOADS: usize = 9;
const CLICKS: usize = 200;

/// Installed before each page's scripts: when the widget became interactive
/// (a button enabled), long tasks, and the wasm instance's memory.
const PROBE: &str = r#"
(() => {
  const probe = { interactive: null, longTasks: [] };
  Object.defineProperty(window, '__bench', { value: probe });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) probe.longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
  const check = () => {
    if (probe.interactive === null && document.querySelector('button:not([disabled])')) probe.interactive = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  const keep = (result) => { const i = result.instance || result; if (i.exports && i.exports.memory) probe.memory = i.exports.memory; return result; };
  const streaming = WebAssembly.instantiateStreaming, plain = WebAssembly.instantiate;
  WebAssembly.instantiateStreaming = (...a) => streaming(...a).then(keep);
  WebAssembly.instantiate = (...a) => plain(...a).then(keep);
})();
"#;

/// Each click is made just after a frame (rAF, then a task), and timed to the
/// next message-channel task: the widget's own work, with no frame wait and
/// no frame rendering (style, layout, raster of the whole page) counted.
const TOGGLES: &str = r#"
const [selector, clicks, done] = arguments;
const buttons = [...document.querySelectorAll(selector)];
const tick = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
(async () => {
  const times = [];
  for (let i = 0; i < clicks; i++) {
    const b = buttons[i % buttons.length];
    const before = b.getAttribute('aria-pressed');
    await frame();
    await tick();
    const t0 = performance.now();
    b.click();
    await tick();
    const t1 = performance.now();
    if (b.getAttribute('aria-pressed') === before) return done({ error: 'DOM not updated after click ' + i });
    times.push(t1 - t0);
  }
  done({ times });
})();
"#;

struct Variant {
    name: &'static str,
    dir: PathBuf,
    page: &'static str,
    /// Buttons to click for the toggle cost (none for the static page).
    toggles: Option<&'static str>,
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

    let variants = [
        Variant { name: "role-compare", dir: root().join("dist"), page: "/index.html", toggles: Some(".rc-toggle[data-category]") },
        Variant { name: "static copy", dir: static_copy, page: "/index.html", toggles: None },
        Variant { name: "minimal Yew", dir: minimal, page: "/index.html", toggles: Some("button") },
    ];
    // Loads interleave (a, b, c, a, b, c, …) so that the machine's drift
    // touches every variant alike.
    let servers: Vec<Server> = variants.iter().map(serve).collect();
    let mut samples: Vec<Samples> = variants.iter().map(|_| Samples::default()).collect();
    eprintln!("xtask: bench: {COLD_LOADS} cold loads of each page, interleaved; then {CLICKS} clicks");
    for _ in 0..COLD_LOADS {
        for ((v, server), s) in variants.iter().zip(&servers).zip(samples.iter_mut()) {
            cold_load(v, server, s);
        }
    }
    let mut results = BTreeMap::new();
    for ((v, server), s) in variants.iter().zip(&servers).zip(samples) {
        let toggle = toggle_cost(v, server)?;
        results.insert(v.name, summary(v, s, toggle)?);
    }
    let table = table(&results);
    println!("{table}");
    let json = json!({
        "machine": machine(),
        "date": String::from_utf8_lossy(&Command::new("date").arg("-u").arg("+%Y-%m-%d %H:%M UTC").output()?.stdout).trim(),
        "results": results,
        "budgets": budgets(&results),
    });
    std::fs::write(out.join("bench.json"), serde_json::to_string_pretty(&json)?)?;
    std::fs::write(out.join("bench.txt"), &table)?;
    eprintln!("xtask: wrote target/bench/bench.json and bench.txt");
    Ok(())
}

/// dist/index.html without its script: the floor a static page sets.
fn static_page(dist: &Path, to: &Path) -> Result<()> {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to)?;
    let html = std::fs::read_to_string(dist.join("index.html"))?;
    let html = html.replace(&format!("<script type=\"module\" src=\"./{}\"></script>", dist::LOADER), "");
    if html.contains("<script type=\"module\"") {
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

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() { f64::NAN } else { v[v.len() / 2] }
}

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() { return f64::NAN; }
    v[((v.len() as f64 * p).ceil() as usize).saturating_sub(1).min(v.len() - 1)]
}

/// What the cold loads of one variant measured.
#[derive(Default)]
struct Samples {
    fcp: Vec<f64>,
    interactive: Vec<f64>,
    /// Long tasks of each load.
    long_tasks: Vec<Vec<f64>>,
    memory: Vec<f64>,
    heap: Vec<f64>,
    /// Paths the first load requested.
    loaded: Vec<String>,
}

fn serve(v: &Variant) -> Server {
    // Our pages keep the strict CSP they are tested under; the floor app uses Trunk's inline loader.
    let server = Server::start(v.dir.clone(), v.dir.clone()).without_recorder();
    if v.name == "minimal Yew" { server.without_csp() } else { server }
}

/// One cold load: a new browser (empty cache), the page, its figures.
fn cold_load(v: &Variant, server: &Server, samples: &mut Samples) {
    let b = Browser::start_in(Engine::Chromium, Options::default());
    b.add_init_script(PROBE);
    let before = server.requests().len();
    b.goto(&server.url(v.page));
    if v.toggles.is_some() {
        b.wait_for("window.__bench.interactive !== null");
    }
    b.wait_for("performance.getEntriesByName('first-contentful-paint').length > 0");
    // Let late tasks land before reading.
    b.eval_async("setTimeout(arguments[0], 200);", json!([]));
    let m = b.eval(
        "return { fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
                  interactive: window.__bench.interactive, longTasks: window.__bench.longTasks,
                  wasm: window.__bench.memory ? window.__bench.memory.buffer.byteLength : 0,
                  heap: performance.memory.usedJSHeapSize };",
        json!([]),
    );
    samples.fcp.push(m["fcp"].as_f64().unwrap_or(f64::NAN));
    samples.interactive.extend(m["interactive"].as_f64());
    samples.long_tasks.push(m["longTasks"].as_array().into_iter().flatten().filter_map(Value::as_f64).collect());
    samples.memory.push(m["wasm"].as_f64().unwrap_or(0.0));
    samples.heap.push(m["heap"].as_f64().unwrap_or(0.0));
    if samples.loaded.is_empty() {
        samples.loaded = server.requests()[before..].to_vec();
    }
}

/// Click cost over [`CLICKS`] clicks, or `null` for a page without toggles.
fn toggle_cost(v: &Variant, server: &Server) -> Result<Value> {
    let Some(selector) = v.toggles else { return Ok(Value::Null) };
    let b = Browser::start_in(Engine::Chromium, Options::default());
    b.goto(&server.url(v.page));
    b.wait_for(&format!("document.querySelector('{selector}') && !document.querySelector('{selector}').disabled"));
    let r = b.eval_async(TOGGLES, json!([selector, CLICKS]));
    if let Some(e) = r["error"].as_str() {
        return Err(format!("{}: {e}", v.name).into());
    }
    let times: Vec<f64> = r["times"].as_array().into_iter().flatten().filter_map(Value::as_f64).collect();
    Ok(json!({ "p50_ms": percentile(times.clone(), 0.5), "p95_ms": percentile(times, 0.95), "clicks": CLICKS }))
}

fn summary(v: &Variant, s: Samples, toggle: Value) -> Result<Value> {
    let long = &s.long_tasks;
    Ok(json!({
        "bytes": bytes(&v.dir, &s.loaded)?,
        "fcp_ms": median(s.fcp.clone()),
        "fcp_all_ms": s.fcp,
        "interactive_ms": if s.interactive.is_empty() { Value::Null } else { json!(median(s.interactive)) },
        "long_tasks_per_load": median(long.iter().map(|l| l.len() as f64).collect()),
        "loads_with_a_long_task": long.iter().filter(|l| !l.is_empty()).count(),
        "cold_loads": COLD_LOADS,
        "longest_task_ms": long.iter().flatten().cloned().fold(0.0, f64::max),
        "long_tasks_ms": long,
        "wasm_memory_bytes": median(s.memory),
        "js_heap_bytes": median(s.heap),
        "toggle": toggle,
    }))
}

/// Raw, gzip and brotli bytes of the files a load requested, by type.
fn bytes(dir: &Path, requested: &[String]) -> Result<Value> {
    let mut by_type: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for path in requested {
        let path = path.split(['?', '#']).next().unwrap_or("/");
        let file = dir.join(path.trim_start_matches('/'));
        let Ok(content) = std::fs::read(&file) else { continue };
        let kind = file.extension().and_then(|e| e.to_str()).unwrap_or("other").to_owned();
        let (raw, gz, br) = dist::sizes(&content);
        let entry = by_type.entry(kind).or_default();
        entry[0] += raw;
        entry[1] += gz;
        entry[2] += br;
    }
    let total = by_type.values().fold([0; 3], |t, v| [t[0] + v[0], t[1] + v[1], t[2] + v[2]]);
    by_type.insert("total".to_owned(), total);
    Ok(json!(by_type.into_iter().map(|(k, [raw, gzip, brotli])| (k, json!({"raw": raw, "gzip": gzip, "brotli": brotli}))).collect::<BTreeMap<_, _>>()))
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { f64::NAN }
}

fn budgets(r: &BTreeMap<&str, Value>) -> Value {
    let ours = &r["role-compare"];
    let brotli = |v: &Value| v["bytes"]["total"]["brotli"].as_f64().unwrap_or(f64::NAN);
    let size = ratio(brotli(ours), brotli(&r["minimal Yew"]));
    let fcp = ratio(ours["fcp_ms"].as_f64().unwrap_or(f64::NAN), r["static copy"]["fcp_ms"].as_f64().unwrap_or(f64::NAN));
    let p95 = ours["toggle"]["p95_ms"].as_f64().unwrap_or(f64::NAN);
    let long = ours["long_tasks_per_load"].as_f64().unwrap_or(f64::NAN);
    let verdict = |ok: bool| if ok { "PASS" } else { "OVER" };
    json!([
        { "budget": "brotli bytes ≤ 1.3 × minimal Yew", "value": size, "limit": 1.3, "verdict": verdict(size <= 1.3) },
        { "budget": "first contentful paint ≤ 1.2 × static copy", "value": fcp, "limit": 1.2, "verdict": verdict(fcp <= 1.2) },
        { "budget": "toggle p95 ≤ 4 ms", "value": p95, "limit": 4.0, "verdict": verdict(p95 <= 4.0) },
        { "budget": "long tasks (> 50 ms) per load, median = 0", "value": long, "limit": 0, "verdict": verdict(long == 0.0) },
    ])
}

fn table(r: &BTreeMap<&str, Value>) -> String {
    let mut t = String::new();
    let names = ["role-compare", "static copy", "minimal Yew"];
    let _ = writeln!(t, "\n{:<34}{:>16}{:>16}{:>16}", "", names[0], names[1], names[2]);
    let row = |t: &mut String, label: &str, f: &dyn Fn(&Value) -> String| {
        let _ = write!(t, "{label:<34}");
        for n in names {
            let _ = write!(t, "{:>16}", f(&r[n]));
        }
        t.push('\n');
    };
    for kind in ["wasm", "js", "css", "html", "total"] {
        row(&mut t, &format!("{kind} bytes raw / brotli"), &|v| {
            let b = &v["bytes"][kind];
            if b.is_null() { "-".into() } else { format!("{} / {}", b["raw"], b["brotli"]) }
        });
    }
    let ms = |x: &Value| x.as_f64().map(|x| format!("{x:.1} ms")).unwrap_or_else(|| "-".into());
    row(&mut t, "first contentful paint (median)", &|v| ms(&v["fcp_ms"]));
    row(&mut t, "interactive (median)", &|v| ms(&v["interactive_ms"]));
    row(&mut t, "toggle p50 / p95", &|v| {
        if v["toggle"].is_null() { "-".into() } else { format!("{:.2} / {:.2} ms", v["toggle"]["p50_ms"].as_f64().unwrap_or(f64::NAN), v["toggle"]["p95_ms"].as_f64().unwrap_or(f64::NAN)) }
    });
    row(&mut t, "loads with a long task (longest)", &|v| format!("{}/{} ({:.0} ms)", v["loads_with_a_long_task"], v["cold_loads"], v["longest_task_ms"].as_f64().unwrap_or(0.0)));
    row(&mut t, "wasm memory", &|v| format!("{:.0} KiB", v["wasm_memory_bytes"].as_f64().unwrap_or(0.0) / 1024.0));
    row(&mut t, "JS heap", &|v| format!("{:.0} KiB", v["js_heap_bytes"].as_f64().unwrap_or(0.0) / 1024.0));
    t.push('\n');
    for b in budgets(r).as_array().into_iter().flatten() {
        let _ = writeln!(t, "{:<48} {:>8.2} (limit {})  {}", b["budget"].as_str().unwrap_or(""), b["value"].as_f64().unwrap_or(f64::NAN), b["limit"], b["verdict"].as_str().unwrap_or(""));
    }
    t
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| c.lines().find(|l| l.starts_with("model name")).map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned()))
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    format!("{cpu}, {cores} cores")
}
