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

const COLD_LOADS: usize = 15;
const CLICKS: usize = 200;
/// Loads of each host-article variant, and warm loads of each page.
const HOST_LOADS: usize = 11;
const WARM_LOADS: usize = 9;

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
/// message-channel task after which its toggle shows the change (the next
/// one, or now and then one more): the widget's own work, with no frame wait
/// and no frame rendering (style, layout, raster of the whole page) counted.
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
    // Now and then the update lands a task later (Yew's scheduler): time to it.
    let n = 0;
    do { await tick(); } while (b.getAttribute('aria-pressed') === before && ++n < 20);
    const t1 = performance.now();
    if (b.getAttribute('aria-pressed') === before) return done({ error: 'DOM not updated 20 tasks after click ' + i });
    times.push(t1 - t0);
  }
  done({ times });
})();
"#;

/// Installed before a host article's scripts: long tasks, layout shifts and
/// the largest contentful paint, from buffered PerformanceObservers.
const HOST_PROBE: &str = r#"
(() => {
  const p = { longTasks: [], shift: 0, lcp: null };
  Object.defineProperty(window, '__host', { value: p });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) p.longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) p.shift += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => { const e = l.getEntries(); p.lcp = e[e.length - 1].startTime; })
    .observe({ type: 'largest-contentful-paint', buffered: true });
})();
"#;

/// The host article three ways: name, path and whether the widget must go live before any scroll.
/// "content only" is the article with the pasted fallback and no script: what
/// the widget's content costs the page by itself, so that "eager" minus it is
/// what the wasm's start adds.
const HOSTS: [(&str, &str, bool); 4] = [
    ("without", "/hosts/article-without.html", false),
    ("content only", "/hosts/article-content.html", false),
    ("eager", "/hosts/article-eager.html", true),
    ("lazy", "/hosts/article-lazy.html", false),
];

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
        Variant {
            name: "role-compare",
            dir: root().join("dist"),
            page: "/index.html",
            toggles: Some(".rc-toggle[data-category]"),
        },
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
    eprintln!("xtask: bench: {WARM_LOADS} warm loads of each page (one browser, cache cleared)");
    let warm = warm_fcp(&variants[..2], &servers[..2]);
    for (v, fcp) in variants.iter().zip(warm) {
        if let Some(r) = results.get_mut(v.name) {
            r["warm_fcp_ms"] = json!(median(fcp.clone()));
            r["warm_fcp_all_ms"] = json!(fcp);
        }
    }
    eprintln!("xtask: bench: the host article without / content only / eager / lazy, {HOST_LOADS} cold loads each");
    let host = host_impact()?;
    eprintln!("xtask: bench: layout shift of every first-paint case");
    let shifts = layout_shifts();
    let table = table(&results)
        + &host_table(&host)
        + &shift_table(&shifts)
        + &budget_lines(&budgets(&results))
        + &budget_lines(&host_budgets(&host, &shifts));
    println!("{table}");
    let json = json!({
        "machine": machine(),
        "date": String::from_utf8_lossy(&Command::new("date").arg("-u").arg("+%Y-%m-%d %H:%M UTC").output()?.stdout).trim(),
        "results": results,
        "host_article": host,
        "layout_shift": shifts,
        "budgets": budgets(&results).as_array().into_iter().flatten().chain(host_budgets(&host, &shifts).as_array().into_iter().flatten()).cloned().collect::<Vec<_>>(),
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
    // The page's loader and the first-paint script: the static copy shows the
    // default view only.
    let mut html = html;
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

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() {
        f64::NAN
    } else {
        v[v.len() / 2]
    }
}

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() {
        return f64::NAN;
    }
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
    if v.name == "minimal Yew" {
        server.without_csp()
    } else {
        server
    }
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

/// First contentful paint in a browser that is already running: one browser,
/// its HTTP cache cleared and a blank page between loads, the pages
/// interleaved in alternating order (a, b, b, a, …), so that neither always
/// follows the other.
fn warm_fcp(variants: &[Variant], servers: &[Server]) -> Vec<Vec<f64>> {
    let b = Browser::start(Options::default());
    let mut fcp = vec![Vec::new(); variants.len()];
    // One load each first, so the browser itself is warm.
    for round in 0..=WARM_LOADS {
        let mut order: Vec<usize> = (0..variants.len()).collect();
        if round % 2 == 1 {
            order.reverse();
        }
        for ix in order {
            let (v, server, out) = (&variants[ix], &servers[ix], &mut fcp[ix]);
            b.goto("about:blank");
            b.cdp("Network.clearBrowserCache", json!({}));
            b.goto(&server.url(v.page));
            let t = b.wait_for("performance.getEntriesByName('first-contentful-paint').length && performance.getEntriesByName('first-contentful-paint')[0].startTime");
            if round > 0 {
                out.push(t.as_f64().unwrap_or(f64::NAN));
            }
        }
    }
    fcp
}

/// The host article without the widget, with it eager and with it lazy
/// (`loading="lazy"`), each over its pasted fallback, far below the fold:
/// what the host pays before the reader scrolls.
fn host_impact() -> Result<Value> {
    let server = Server::start(root().join("dist"), root().join("tests/e2e/hosts"));
    let fallback = |attributes: &str| e2e::first_paint::fallback(attributes);
    let pages = [
        e2e::article("", false),
        e2e::article(&fallback(""), false),
        e2e::article(&fallback(""), true),
        e2e::article(&fallback("loading=\"lazy\""), true),
    ];
    for ((_, path, _), html) in HOSTS.iter().zip(&pages) {
        server.add_page(path, html.clone());
    }
    let mut loads: Vec<Vec<Value>> = vec![Vec::new(); HOSTS.len()];
    for _ in 0..HOST_LOADS {
        for ((name, path, live), out) in HOSTS.iter().zip(loads.iter_mut()) {
            let b = Browser::start(Options::default());
            b.add_init_script(HOST_PROBE);
            let before = server.requests().len();
            b.goto(&server.url(path));
            if *live {
                b.wait_for(&e2e::live("document.querySelector('role-compare').shadowRoot"));
            }
            // A quiet second after load for late tasks and shifts; no scroll.
            b.eval_async("setTimeout(arguments[0], 1000);", json!([]));
            let m = b.eval("return Object.assign({ scrolled: scrollY }, window.__host);", json!([]));
            let requested = server.requests()[before..].to_vec();
            if m["scrolled"] != json!(0) {
                return Err(format!("host article {name}: the page scrolled").into());
            }
            out.push(json!({ "m": m, "requested": requested }));
        }
    }
    let mut out = BTreeMap::new();
    for ((name, path, _), (html, loads)) in HOSTS.iter().zip(pages.iter().zip(loads)) {
        let long: Vec<Vec<f64>> = loads
            .iter()
            .map(|l| l["m"]["longTasks"].as_array().into_iter().flatten().filter_map(Value::as_f64).collect())
            .collect();
        // Total blocking time: each long task's excess over 50 ms (`+ 0.0`: an empty sum is -0).
        let tbt: Vec<f64> = long.iter().map(|l| l.iter().map(|d| (d - 50.0).max(0.0)).sum::<f64>() + 0.0).collect();
        let cls: Vec<f64> = loads.iter().map(|l| l["m"]["shift"].as_f64().unwrap_or(f64::NAN)).collect();
        let lcp: Vec<f64> = loads.iter().map(|l| l["m"]["lcp"].as_f64().unwrap_or(f64::NAN)).collect();
        let requested: Vec<String> = loads[0]["requested"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p.as_str().map(str::to_owned))
            .collect();
        let page = (path.to_string(), html.clone().into_bytes());
        out.insert(*name, json!({
            "bytes_before_scroll": bytes_of(&root().join("dist"), &requested, &[page])?,
            "requested": requested,
            "wasm_before_scroll": loads.iter().filter(|l| l["requested"].as_array().into_iter().flatten().any(|p| p.as_str().is_some_and(|p| p.ends_with(".wasm")))).count(),
            "tbt_ms": median(tbt.clone()),
            "tbt_all_ms": tbt,
            "long_tasks_per_load": median(long.iter().map(|l| l.len() as f64).collect()),
            "long_tasks_ms": long,
            "cls_max": cls.iter().cloned().fold(0.0, f64::max),
            "lcp_ms": median(lcp.clone()),
            "lcp_all_ms": lcp,
            "loads": HOST_LOADS,
        }));
    }
    Ok(json!(out))
}

/// The cumulative layout shift of every first-paint case
/// (`e2e::first_paint::cases()`), each in a new browser, the wasm not delayed.
fn layout_shifts() -> Value {
    let server = Server::start(root().join("dist"), root().join("tests/e2e/hosts"));
    let mut out = serde_json::Map::new();
    for case in e2e::first_paint::cases() {
        let b = Browser::start(Options::default());
        b.add_init_script(e2e::first_paint::WATCH);
        let r = e2e::first_paint::open(&server, &b, &case);
        out.insert(case.name.to_owned(), r["shift"].clone());
    }
    Value::Object(out)
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
    bytes_of(dir, requested, &[])
}

/// Like [`bytes`], with `pages` (path, content) served from memory.
fn bytes_of(dir: &Path, requested: &[String], pages: &[(String, Vec<u8>)]) -> Result<Value> {
    let mut by_type: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for path in requested {
        let path = path.split(['?', '#']).next().unwrap_or("/");
        let file = dir.join(path.trim_start_matches('/'));
        let content = match pages.iter().find(|(p, _)| p == path) {
            Some((_, content)) => content.clone(),
            None => match std::fs::read(&file) {
                Ok(content) => content,
                Err(_) => continue,
            },
        };
        let kind = file.extension().and_then(|e| e.to_str()).unwrap_or("other").to_owned();
        let (raw, gz, br) = dist::sizes(&content);
        let entry = by_type.entry(kind).or_default();
        entry[0] += raw;
        entry[1] += gz;
        entry[2] += br;
    }
    let total = by_type.values().fold([0; 3], |t, v| [t[0] + v[0], t[1] + v[1], t[2] + v[2]]);
    by_type.insert("total".to_owned(), total);
    Ok(json!(by_type
        .into_iter()
        .map(|(k, [raw, gzip, brotli])| (k, json!({"raw": raw, "gzip": gzip, "brotli": brotli})))
        .collect::<BTreeMap<_, _>>()))
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 {
        a / b
    } else {
        f64::NAN
    }
}

fn budgets(r: &BTreeMap<&str, Value>) -> Value {
    let ours = &r["role-compare"];
    let brotli = |v: &Value| v["bytes"]["total"]["brotli"].as_f64().unwrap_or(f64::NAN);
    let size = ratio(brotli(ours), brotli(&r["minimal Yew"]));
    let fcp =
        ratio(ours["fcp_ms"].as_f64().unwrap_or(f64::NAN), r["static copy"]["fcp_ms"].as_f64().unwrap_or(f64::NAN));
    let warm = ratio(
        ours["warm_fcp_ms"].as_f64().unwrap_or(f64::NAN),
        r["static copy"]["warm_fcp_ms"].as_f64().unwrap_or(f64::NAN),
    );
    let p95 = ours["toggle"]["p95_ms"].as_f64().unwrap_or(f64::NAN);
    let long = ours["long_tasks_per_load"].as_f64().unwrap_or(f64::NAN);
    let verdict = |ok: bool| if ok { "PASS" } else { "OVER" };
    json!([
        { "budget": "brotli bytes < 1.9 × minimal Yew (issue 12)", "value": size, "limit": 1.9, "verdict": verdict(size < 1.9) },
        { "budget": "brotli bytes ≤ 1.3 × minimal Yew (the aim)", "value": size, "limit": 1.3, "verdict": verdict(size <= 1.3) },
        { "budget": "first contentful paint ≤ 1.2 × static copy", "value": fcp, "limit": 1.2, "verdict": verdict(fcp <= 1.2) },
        { "budget": "warm first contentful paint ≤ 1.2 × static", "value": warm, "limit": 1.2, "verdict": verdict(warm <= 1.2) },
        { "budget": "toggle p95 ≤ 4 ms", "value": p95, "limit": 4.0, "verdict": verdict(p95 <= 4.0) },
        { "budget": "long tasks (> 50 ms) per load, median = 0", "value": long, "limit": 0, "verdict": verdict(long == 0.0) },
    ])
}

/// Budgets of the host article and the first paint.
fn host_budgets(host: &Value, shifts: &Value) -> Value {
    let f = |v: &Value| v.as_f64().unwrap_or(f64::NAN);
    let (without, content, eager, lazy) = (&host["without"], &host["content only"], &host["eager"], &host["lazy"]);
    let worst = shifts.as_object().into_iter().flatten().map(|(_, v)| f(v)).fold(0.0, f64::max);
    let verdict = |ok: bool| if ok { "PASS" } else { "OVER" };
    let extra_bytes =
        f(&lazy["bytes_before_scroll"]["total"]["brotli"]) - f(&without["bytes_before_scroll"]["total"]["brotli"]);
    let extra_long = f(&eager["long_tasks_per_load"]) - f(&without["long_tasks_per_load"]);
    let start_long = f(&eager["long_tasks_per_load"]) - f(&content["long_tasks_per_load"]);
    json!([
        { "budget": "layout shift, every first-paint case ≤ 0.01", "value": worst, "limit": 0.01, "verdict": verdict(worst <= 0.01) },
        { "budget": "lazy: no wasm before scroll (loads with one)", "value": f(&lazy["wasm_before_scroll"]), "limit": 0, "verdict": verdict(f(&lazy["wasm_before_scroll"]) == 0.0) },
        { "budget": "lazy: brotli bytes before scroll − without, KB", "value": extra_bytes / 1000.0, "limit": "fallback + loader", "verdict": "-" },
        { "budget": "eager: long tasks per load − without", "value": extra_long, "limit": 0, "verdict": verdict(extra_long <= 0.0) },
        { "budget": "eager: long tasks per load − content only", "value": start_long, "limit": 0, "verdict": verdict(start_long <= 0.0) },
    ])
}

fn host_table(host: &Value) -> String {
    let mut t = String::new();
    let names = ["without", "content only", "eager", "lazy"];
    let _ = write!(t, "\n{:<36}", "host article (widget below the fold)");
    for n in names {
        let _ = write!(t, "{n:>16}");
    }
    t.push('\n');
    let row = |t: &mut String, label: &str, f: &dyn Fn(&Value) -> String| {
        let _ = write!(t, "{label:<36}");
        for n in names {
            let _ = write!(t, "{:>16}", f(&host[n]));
        }
        t.push('\n');
    };
    let num = |x: &Value, unit: &str, digits: usize| {
        x.as_f64().map(|x| format!("{x:.digits$}{unit}")).unwrap_or_else(|| "-".into())
    };
    row(&mut t, "bytes before scroll raw / brotli", &|v| {
        format!("{} / {}", v["bytes_before_scroll"]["total"]["raw"], v["bytes_before_scroll"]["total"]["brotli"])
    });
    row(&mut t, "loads fetching wasm before scroll", &|v| format!("{}/{}", v["wasm_before_scroll"], v["loads"]));
    row(&mut t, "total blocking time (median)", &|v| num(&v["tbt_ms"], " ms", 0));
    row(&mut t, "long tasks per load (median)", &|v| num(&v["long_tasks_per_load"], "", 0));
    row(&mut t, "loads with a long task (longest)", &|v| {
        let loads: Vec<Vec<f64>> = serde_json::from_value(v["long_tasks_ms"].clone()).unwrap_or_default();
        let longest = loads.iter().flatten().cloned().fold(0.0, f64::max);
        format!("{}/{} ({longest:.0} ms)", loads.iter().filter(|l| !l.is_empty()).count(), loads.len())
    });
    row(&mut t, "layout shift (worst load)", &|v| num(&v["cls_max"], "", 3));
    row(&mut t, "largest contentful paint (median)", &|v| num(&v["lcp_ms"], " ms", 0));
    t
}

fn shift_table(shifts: &Value) -> String {
    let mut t = String::from("\nlayout shift, first paint to live (new browser each)\n");
    for (name, v) in shifts.as_object().into_iter().flatten() {
        let _ = writeln!(t, "  {name:<34}{:>10.4}", v.as_f64().unwrap_or(f64::NAN));
    }
    t
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
            if b.is_null() {
                "-".into()
            } else {
                format!("{} / {}", b["raw"], b["brotli"])
            }
        });
    }
    let ms = |x: &Value| x.as_f64().map(|x| format!("{x:.1} ms")).unwrap_or_else(|| "-".into());
    row(&mut t, "first contentful paint (median)", &|v| ms(&v["fcp_ms"]));
    row(&mut t, "first contentful paint, warm", &|v| ms(&v["warm_fcp_ms"]));
    row(&mut t, "interactive (median)", &|v| ms(&v["interactive_ms"]));
    row(&mut t, "toggle p50 / p95", &|v| {
        if v["toggle"].is_null() {
            "-".into()
        } else {
            format!(
                "{:.2} / {:.2} ms",
                v["toggle"]["p50_ms"].as_f64().unwrap_or(f64::NAN),
                v["toggle"]["p95_ms"].as_f64().unwrap_or(f64::NAN)
            )
        }
    });
    row(&mut t, "loads with a long task (longest)", &|v| {
        format!(
            "{}/{} ({:.0} ms)",
            v["loads_with_a_long_task"],
            v["cold_loads"],
            v["longest_task_ms"].as_f64().unwrap_or(0.0)
        )
    });
    row(&mut t, "wasm memory", &|v| format!("{:.0} KiB", v["wasm_memory_bytes"].as_f64().unwrap_or(0.0) / 1024.0));
    row(&mut t, "JS heap", &|v| format!("{:.0} KiB", v["js_heap_bytes"].as_f64().unwrap_or(0.0) / 1024.0));
    t
}

/// One line per budget: what, value, limit, PASS / OVER.
fn budget_lines(budgets: &Value) -> String {
    let mut t = String::from("\n");
    for b in budgets.as_array().into_iter().flatten() {
        let _ = writeln!(
            t,
            "{:<52} {:>8.2} (limit {})  {}",
            b["budget"].as_str().unwrap_or(""),
            b["value"].as_f64().unwrap_or(f64::NAN),
            b["limit"],
            b["verdict"].as_str().unwrap_or("")
        );
    }
    t
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
