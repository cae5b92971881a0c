//! The bench's measurements: pages loaded in Chromium (cold, warm, clicked),
//! the host article four ways, the first-paint cases' layout shift, and the
//! bytes of what each load fetched. Probes' answers are read into typed
//! structs: a missing or mistyped figure is an error, not a NaN.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use e2e::{Browser, Engine, Options, Server};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{Bytes, FileBytes, HostResult, Hosts, PageResult, Pages, Results, Toggle};
use crate::{dist, root, Result};

const COLD_LOADS: usize = 15;
const CLICKS: usize = 200;
/// Loads of each host-article variant, and warm loads of each page.
const HOST_LOADS: usize = 11;
const WARM_LOADS: usize = 9;

const PROBE: &str = include_str!("probe.js");
const TOGGLES: &str = include_str!("toggles.js");
const HOST_PROBE: &str = include_str!("host-probe.js");

/// A page of the bench.
struct Variant {
    dir: PathBuf,
    page: &'static str,
    /// Buttons to click for the toggle cost (none for the static page).
    toggles: Option<&'static str>,
    /// The floor app uses Trunk's inline loader; our pages keep the strict CSP they are tested under.
    csp: bool,
}

/// What the cold-load probe reads (`probe.js` and the paint timing).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ColdProbe {
    fcp: f64,
    interactive: Option<f64>,
    long_tasks: Vec<f64>,
    wasm: f64,
    heap: f64,
}

/// What `host-probe.js` reads, and how far the page had scrolled.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct HostProbe {
    scrolled: f64,
    long_tasks: Vec<f64>,
    shift: f64,
    lcp: Option<f64>,
}

/// What `toggles.js` answers.
#[derive(Deserialize)]
struct Clicks {
    times: Option<Vec<f64>>,
    error: Option<String>,
}

/// A first-paint case as `e2e::first_paint::open` measured it.
#[derive(Deserialize)]
struct Shift {
    shift: f64,
}

fn read<T: DeserializeOwned>(what: &str, v: Value) -> Result<T> {
    serde_json::from_value(v.clone()).map_err(|e| format!("bench: {what} answered {v}: {e}").into())
}

/// The median, or `None` without samples.
pub fn median(mut v: Vec<f64>) -> Option<f64> {
    v.sort_by(|a, b| a.total_cmp(b));
    v.get(v.len() / 2).copied()
}

fn percentile(mut v: Vec<f64>, p: f64) -> Option<f64> {
    v.sort_by(|a, b| a.total_cmp(b));
    let ix = ((v.len() as f64 * p).ceil() as usize).saturating_sub(1);
    v.get(ix.min(v.len().saturating_sub(1))).copied()
}

/// What the cold loads of one page measured.
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

/// Every measurement of a run.
pub fn all(ours: PathBuf, static_copy: PathBuf, minimal: PathBuf, machine: String, date: String) -> Result<Results> {
    let variants = [
        Variant { dir: ours, page: "/index.html", toggles: Some(".rc-toggle[data-category]"), csp: true },
        Variant { dir: static_copy, page: "/index.html", toggles: None, csp: true },
        Variant { dir: minimal, page: "/index.html", toggles: Some("button"), csp: false },
    ];
    // Loads interleave (a, b, c, a, b, c, …) so that the machine's drift
    // touches every variant alike.
    let servers: Vec<Server> = variants.iter().map(serve).collect();
    let mut samples: Vec<Samples> = variants.iter().map(|_| Samples::default()).collect();
    eprintln!("xtask: bench: {COLD_LOADS} cold loads of each page, interleaved; then {CLICKS} clicks");
    for _ in 0..COLD_LOADS {
        for ((v, server), s) in variants.iter().zip(&servers).zip(samples.iter_mut()) {
            cold_load(v, server, s)?;
        }
    }
    let toggles: Vec<Option<Toggle>> =
        variants.iter().zip(&servers).map(|(v, s)| toggle_cost(v, s)).collect::<Result<_>>()?;
    eprintln!("xtask: bench: {WARM_LOADS} warm loads of each page (one browser, cache cleared)");
    // The third warm page: the static copy with the first-paint script.
    let with_first_paint =
        Variant { dir: variants[1].dir.clone(), page: "/with-first-paint.html", toggles: None, csp: true };
    let warm_variants = [&variants[0], &variants[1], &with_first_paint];
    let warm_servers = [&servers[0], &servers[1], &servers[1]];
    let [ours_warm, static_warm, static_with_first_paint_warm_fcp_all_ms]: [Vec<f64>; 3] =
        warm_fcp(&warm_variants, &warm_servers)?.try_into().map_err(|_| "bench: three warm pages measured")?;
    // Warm loads for our page and the static copy only (not the minimal app).
    let mut pages = Vec::new();
    let warm_of_page = [ours_warm, static_warm, Vec::new()];
    for (((v, s), toggle), warm) in variants.iter().zip(samples).zip(toggles).zip(warm_of_page) {
        pages.push(summary(v, s, toggle, warm)?);
    }
    let [role_compare, static_copy, minimal_yew]: [PageResult; 3] =
        pages.try_into().map_err(|_| "bench: three pages measured")?;
    eprintln!("xtask: bench: the host article without / content only / eager / lazy, {HOST_LOADS} cold loads each");
    let host_article = host_impact()?;
    eprintln!("xtask: bench: layout shift of every first-paint case");
    let layout_shift = layout_shifts()?;
    Ok(Results {
        machine,
        date,
        pages: Pages {
            role_compare,
            static_copy,
            minimal_yew,
            static_with_first_paint_warm_fcp_ms: median(static_with_first_paint_warm_fcp_all_ms.clone()),
            static_with_first_paint_warm_fcp_all_ms,
        },
        host_article,
        layout_shift,
    })
}

fn serve(v: &Variant) -> Server {
    let server = Server::start(v.dir.clone(), v.dir.clone()).without_recorder();
    if v.csp {
        server
    } else {
        server.without_csp()
    }
}

/// One cold load: a new browser (empty cache), the page, its figures.
fn cold_load(v: &Variant, server: &Server, samples: &mut Samples) -> Result<()> {
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
    let m: ColdProbe = read(
        "the cold-load probe",
        b.eval(
            "return { fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
                      interactive: window.__bench.interactive, longTasks: window.__bench.longTasks,
                      wasm: window.__bench.memory ? window.__bench.memory.buffer.byteLength : 0,
                      heap: performance.memory.usedJSHeapSize };",
            json!([]),
        ),
    )?;
    samples.fcp.push(m.fcp);
    samples.interactive.extend(m.interactive);
    samples.long_tasks.push(m.long_tasks);
    samples.memory.push(m.wasm);
    samples.heap.push(m.heap);
    if samples.loaded.is_empty() {
        samples.loaded = server.requests()[before..].to_vec();
    }
    Ok(())
}

/// First contentful paint in a browser that is already running: one browser,
/// its HTTP cache cleared and a blank page between loads, the pages
/// interleaved in alternating order (a, b, b, a, …), so that neither always
/// follows the other.
fn warm_fcp(variants: &[&Variant], servers: &[&Server]) -> Result<Vec<Vec<f64>>> {
    let b = Browser::start(Options::default());
    let mut fcp = vec![Vec::new(); variants.len()];
    // One load each first, so the browser itself is warm.
    for round in 0..=WARM_LOADS {
        let mut order: Vec<usize> = (0..variants.len()).collect();
        if round % 2 == 1 {
            order.reverse();
        }
        for ix in order {
            let (v, server) = (&variants[ix], &servers[ix]);
            b.goto("about:blank");
            b.cdp("Network.clearBrowserCache", json!({}));
            b.goto(&server.url(v.page));
            let t = b.wait_for("performance.getEntriesByName('first-contentful-paint').length && performance.getEntriesByName('first-contentful-paint')[0].startTime");
            if round > 0 {
                fcp[ix].push(read("the warm first paint", t)?);
            }
        }
    }
    Ok(fcp)
}

/// The host article without the widget, with its content only, eager and
/// lazy (`loading="lazy"`), each over its pasted fallback, far below the
/// fold: what the host pays before the reader scrolls.
fn host_impact() -> Result<Hosts> {
    let server = Server::start(root().join("dist"), root().join("tests/e2e/hosts"));
    let fallback = e2e::first_paint::fallback;
    // Path, page, whether the widget must go live before any scroll.
    let hosts = [
        ("/hosts/article-without.html", e2e::article("", false), false),
        ("/hosts/article-content.html", e2e::article(&fallback(""), false), false),
        ("/hosts/article-eager.html", e2e::article(&fallback(""), true), true),
        ("/hosts/article-lazy.html", e2e::article(&fallback("loading=\"lazy\""), true), false),
    ];
    for (path, html, _) in &hosts {
        server.add_page(path, html.clone());
    }
    let mut loads: Vec<Vec<(HostProbe, Vec<String>)>> = hosts.iter().map(|_| Vec::new()).collect();
    for _ in 0..HOST_LOADS {
        for ((path, _, live), out) in hosts.iter().zip(loads.iter_mut()) {
            let b = Browser::start(Options::default());
            b.add_init_script(HOST_PROBE);
            let before = server.requests().len();
            b.goto(&server.url(path));
            if *live {
                e2e::Widget::element(&b, "role-compare").wait_live();
            }
            // A quiet second after load for late tasks and shifts; no scroll.
            b.eval_async("setTimeout(arguments[0], 1000);", json!([]));
            let m: HostProbe = read(
                "the host probe",
                b.eval("return Object.assign({ scrolled: scrollY }, window.__host);", json!([])),
            )?;
            if m.scrolled != 0.0 {
                return Err(format!("host article {path}: the page scrolled").into());
            }
            out.push((m, server.requests()[before..].to_vec()));
        }
    }
    let mut results = Vec::new();
    for ((path, html, _), loads) in hosts.iter().zip(loads) {
        let long: Vec<Vec<f64>> = loads.iter().map(|(m, _)| m.long_tasks.clone()).collect();
        // Total blocking time: each long task's excess over 50 ms (`+ 0.0`: an empty sum is -0).
        let tbt: Vec<f64> = long.iter().map(|l| l.iter().map(|d| (d - 50.0).max(0.0)).sum::<f64>() + 0.0).collect();
        let lcp: Vec<f64> = loads.iter().filter_map(|(m, _)| m.lcp).collect();
        let requested = loads.first().map(|(_, r)| r.clone()).unwrap_or_default();
        let page = (path.to_string(), html.clone().into_bytes());
        results.push(HostResult {
            bytes_before_scroll: bytes(&root().join("dist"), &requested, &[page])?,
            requested,
            wasm_before_scroll: loads.iter().filter(|(_, r)| r.iter().any(|p| p.ends_with(".wasm"))).count(),
            tbt_ms: median(tbt.clone()),
            tbt_all_ms: tbt,
            long_tasks_per_load: median(long.iter().map(|l| l.len() as f64).collect()),
            long_tasks_ms: long,
            cls_max: loads.iter().map(|(m, _)| m.shift).fold(0.0, f64::max),
            lcp_ms: median(lcp.clone()),
            lcp_all_ms: lcp,
            loads: HOST_LOADS,
        });
    }
    let [without, content_only, eager, lazy]: [HostResult; 4] =
        results.try_into().map_err(|_| "bench: four host articles measured")?;
    Ok(Hosts { without, content_only, eager, lazy })
}

/// The cumulative layout shift of every first-paint case
/// (`e2e::first_paint::cases()`), each in a new browser, the wasm not delayed.
fn layout_shifts() -> Result<BTreeMap<String, f64>> {
    let server = Server::start(root().join("dist"), root().join("tests/e2e/hosts"));
    let mut out = BTreeMap::new();
    for case in e2e::first_paint::cases() {
        let b = Browser::start(Options::default());
        b.add_init_script(e2e::first_paint::WATCH);
        let r: Shift = read(case.name, e2e::first_paint::open(&server, &b, &case))?;
        out.insert(case.name.to_owned(), r.shift);
    }
    Ok(out)
}

/// Click cost over [`CLICKS`] clicks, or `None` for a page without toggles.
fn toggle_cost(v: &Variant, server: &Server) -> Result<Option<Toggle>> {
    let Some(selector) = v.toggles else { return Ok(None) };
    let b = Browser::start_in(Engine::Chromium, Options::default());
    b.goto(&server.url(v.page));
    b.wait_for(&format!("document.querySelector('{selector}') && !document.querySelector('{selector}').disabled"));
    let r: Clicks = read("the toggle clicks", b.eval_async(TOGGLES, json!([selector, CLICKS])))?;
    if let Some(e) = r.error {
        return Err(format!("{}: {e}", v.page).into());
    }
    let times = r.times.ok_or("bench: the toggle clicks gave no times")?;
    let (Some(p50_ms), Some(p95_ms)) = (percentile(times.clone(), 0.5), percentile(times, 0.95)) else {
        return Err("bench: no click was timed".into());
    };
    Ok(Some(Toggle { p50_ms, p95_ms, clicks: CLICKS }))
}

fn summary(v: &Variant, s: Samples, toggle: Option<Toggle>, warm: Vec<f64>) -> Result<PageResult> {
    let long = s.long_tasks;
    Ok(PageResult {
        bytes: bytes(&v.dir, &s.loaded, &[])?,
        fcp_ms: median(s.fcp.clone()),
        fcp_all_ms: s.fcp,
        warm_fcp_ms: median(warm.clone()),
        warm_fcp_all_ms: warm,
        interactive_ms: median(s.interactive),
        long_tasks_per_load: median(long.iter().map(|l| l.len() as f64).collect()),
        loads_with_a_long_task: long.iter().filter(|l| !l.is_empty()).count(),
        cold_loads: COLD_LOADS,
        longest_task_ms: long.iter().flatten().cloned().fold(0.0, f64::max),
        long_tasks_ms: long,
        wasm_memory_bytes: median(s.memory),
        js_heap_bytes: median(s.heap),
        toggle,
    })
}

/// Raw, gzip and brotli bytes of the files a load requested, by type, with
/// `pages` (path, content) served from memory.
fn bytes(dir: &Path, requested: &[String], pages: &[(String, Vec<u8>)]) -> Result<FileBytes> {
    let mut out = FileBytes::default();
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
        let (raw, gzip, brotli) = dist::sizes(&content);
        let b = Bytes { raw, gzip, brotli };
        *out.by_type.entry(kind).or_default() += b;
        out.total += b;
    }
    Ok(out)
}
