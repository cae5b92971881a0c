//! Nothing kept per mount: a page that adds and removes `<role-compare>`
//! again and again (Turbo Drive, a single-page app's routes) must not grow.
//! 500 times, an element is added, becomes live, gets a reader's click
//! (every other time), and is removed; between the 100th and the 500th, wasm
//! memory must grow by less than one 64 KiB page, and (Chromium, which can
//! collect garbage on demand) the JS heap and the DOM's node count must come
//! back after a collection.
//!
//! The test reaches the wasm's memory without any hook: it imports the
//! module the loader imported (the hashed glue in dist/, the same URL and so
//! the same module instance), whose `default` init returns the exports of the
//! instance already running, `memory` among them.

use e2e::{dist, serve, Browser, Options};
use serde_json::{json, Value};

/// JS (async): adds, waits for, clicks (even rounds) and removes `count`
/// elements, one at a time, each removal given two tasks to be destroyed in.
/// An element not live within 8 s ends the batch with what it looked like
/// (and whether the page was visible: a hidden page's timers are throttled).
const CYCLE: &str = r#"
const [count] = arguments, done = arguments[arguments.length - 1];
const task = () => new Promise((r) => setTimeout(r, 0));
(async () => {
  for (let i = 0; i < count; i++) {
    const el = document.createElement('role-compare');
    document.body.append(el);
    const since = performance.now();
    let toggle;
    while (!(toggle = el.shadowRoot && el.shadowRoot.querySelector('.rc-live .rc-toggle:not(:disabled)'))) {
      if (performance.now() - since > 8000) {
        const root = el.shadowRoot;
        return done(`element ${i + 1} of ${count} not live after 8 s: shadow root ${root ? `holds ${root.childElementCount} element(s), classes ${[...root.querySelectorAll('[class]')].slice(0, 3).map((e) => e.className).join(' | ')}` : 'absent'}; ${document.querySelectorAll('role-compare').length} role-compare element(s) on the page; visibility ${document.visibilityState}`);
      }
      await task();
    }
    if (i % 2 === 0) toggle.click();
    await task();
    el.remove();
    await task();
    await task();
  }
  done(null);
})().catch((e) => done(String(e)));
"#;

/// JS (async): the running wasm's memory size in bytes (see the module doc).
const WASM_MEMORY: &str = r#"
const [glue] = arguments, done = arguments[arguments.length - 1];
import(glue).then((m) => m.default()).then((wasm) => done(wasm.memory.buffer.byteLength)).catch((e) => done(String(e)));
"#;

/// `/role-compare-<hash>.js`: the full build's glue, named as role-compare.js
/// imports it (Trunk's hash has no fixed length: it drops leading zeros).
fn glue() -> String {
    let loader = std::fs::read_to_string(dist().join("role-compare.js")).expect("dist/role-compare.js");
    let start =
        loader.find("import(\"./role-compare-").expect("role-compare.js imports its glue") + "import(\"./".len();
    let name = &loader[start..];
    let name = &name[..name.find('"').expect("the glue import's closing quote")];
    assert!(dist().join(name).is_file(), "role-compare.js imports {name}, which dist/ lacks");
    format!("/{name}")
}

/// Mounts and removes `count` widgets.
fn cycle(b: &Browser, count: u32) {
    // Batches of 10 (about a second in WebKit under load): far inside the
    // WebDriver's 30 s script timeout, which 50 at once once overran.
    for batch in 0..count / 10 {
        let outcome = b.eval_async(CYCLE, json!([10]));
        assert_eq!(
            outcome,
            Value::Null,
            "mounting failed in batch {} of {}: {outcome}; console errors {:?}",
            batch + 1,
            count / 10,
            b.console().errors
        );
    }
}

fn wasm_memory(b: &Browser, glue: &str) -> u64 {
    let size = b.eval_async(WASM_MEMORY, json!([glue]));
    size.as_u64().unwrap_or_else(|| panic!("the wasm's memory: {size}"))
}

fn open() -> (e2e::Server, Browser) {
    let s = serve();
    let b = Browser::start(Options::default());
    b.goto(&s.url("/hosts/blank.html"));
    e2e::Widget::id(&b, "widget").wait_live();
    (s, b)
}

#[test]
fn wasm_memory_grows_less_than_a_page_from_the_100th_to_the_500th_mount() {
    let (_s, b) = open();
    let glue = glue();
    cycle(&b, 100);
    let at_100 = wasm_memory(&b, &glue);
    cycle(&b, 400);
    let at_500 = wasm_memory(&b, &glue);
    eprintln!("{}: wasm memory {at_100} bytes after 100 mounts, {at_500} after 500", b.engine().name());
    assert!(at_500 - at_100 < 65_536, "wasm memory grew by {} bytes over 400 mounts", at_500 - at_100);
    // Still working: the page's own widget, and a new one.
    assert_eq!(b.console().errors, Vec::<String>::new(), "console errors");
}

#[test]
fn the_js_heap_and_the_dom_come_back_after_500_mounts() {
    if e2e::chromium_only("collecting garbage on demand and the heap's size need DevTools (HeapProfiler, Memory)") {
        return;
    }
    let (_s, b) = open();
    let collected = |b: &Browser| {
        for _ in 0..3 {
            b.cdp("HeapProfiler.collectGarbage", json!({}));
        }
        let heap = b.cdp("Runtime.getHeapUsage", json!({}))["usedSize"].as_f64().expect("usedSize");
        let nodes = b.cdp("Memory.getDOMCounters", json!({}))["nodes"].as_u64().expect("nodes");
        (heap, nodes)
    };
    cycle(&b, 100);
    let (heap_100, nodes_100) = collected(&b);
    cycle(&b, 400);
    let (heap_500, nodes_500) = collected(&b);
    eprintln!(
        "JS heap after a collection: {heap_100:.0} bytes after 100 mounts, {heap_500:.0} after 500; DOM nodes {nodes_100} → {nodes_500}"
    );
    // A kept widget holds about a thousand nodes: 400 of them would be 400,000.
    assert!(nodes_500 <= nodes_100 + 200, "DOM nodes {nodes_100} → {nodes_500} over 400 mounts");
    assert!(heap_500 - heap_100 < 1_000_000.0, "JS heap {heap_100:.0} → {heap_500:.0} bytes over 400 mounts");
}
