//! `cargo xtask dist`: the release build in dist/, and what it weighs.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::Command;

use role_compare::data::datasets;

use crate::{first_paint, prerender, root, run, Result};

/// The stable entry module embedders load.
pub const LOADER: &str = "role-compare.js";
pub const STANDALONE: &str = "role-compare-standalone.html";

/// Builds the release into dist/ and returns the size report.
pub fn dist() -> Result<String> {
    run(Command::new("trunk").args(["build", "--release"]))?;
    let dir = root().join("dist");
    let mut built = Built::find(&dir)?;
    name_wasm_in_glue(&dir.join(&built.glue), &built.wasm)?;
    std::fs::write(dir.join(LOADER), loader(&built))?;
    let template = std::fs::read_to_string(dir.join("index.html"))?;
    // The widget's own pages load the page alone, in their language.
    let pages = page_builds(&dir, &wasm_opt_args(&template)?)?;
    let page_loader = minify_js(&page_loader(&pages)?, true)?;
    let page_loader_name = format!("page-loader-{}.js", content_hash(page_loader.as_bytes()));
    std::fs::write(dir.join(&page_loader_name), &page_loader)?;
    let mut template = replace_rust_link(&template, &loader_tag(LOADER))?;
    // Stylesheets minified, the first-paint rules (the view a link asks for)
    // joined to the widget's, each renamed for its new content; Trunk's links
    // carry the old files' Subresource Integrity hashes: both renewed.
    let widget_css = std::fs::read_to_string(root().join("assets/role-compare.css"))?;
    for link in stylesheet_links(&template) {
        let Some(old) = link.split("href=\"./").nth(1).and_then(|h| h.split('"').next()).map(str::to_owned) else {
            continue;
        };
        let Some((stem, _)) = old.rsplit_once('-') else { continue };
        let mut css = std::fs::read_to_string(dir.join(&old))?;
        if old == built.css {
            css += &first_paint::css(datasets(), &widget_css)?;
        }
        let css = minify_css(&css)?;
        let name = format!("{stem}-{}.css", content_hash(css.as_bytes()));
        std::fs::remove_file(dir.join(&old))?;
        std::fs::write(dir.join(&name), &css)?;
        // Integrity needs CORS when the page's origin is opaque (an iframe with
        // `sandbox="allow-scripts"`, served with Access-Control-Allow-Origin as
        // README says): without `crossorigin` the check fails and the file is dropped.
        template = template.replace(
            &link,
            &format!(
                "<link rel=\"stylesheet\" href=\"./{name}\" crossorigin integrity=\"{}\"/>",
                integrity(css.as_bytes())
            ),
        );
        if old == built.css {
            built.css = name;
        }
    }
    // The first-paint script, render-blocking in the head.
    let early = minify_js(FIRST_PAINT_JS, false)?;
    let early_name = format!("first-paint-{}.js", content_hash(early.as_bytes()));
    std::fs::write(dir.join(&early_name), &early)?;
    let template = template.replacen(
        "</head>",
        &format!(
            "  <script src=\"./{early_name}\" crossorigin integrity=\"{}\"></script>\n</head>",
            integrity(early.as_bytes())
        ),
        1,
    );
    // One prerendered page and one fallback per language, the first the
    // default; the stand-alone file is the first page with the full build inlined.
    let mut first_page = None;
    for dataset in datasets() {
        let html_tag = format!("<html lang=\"{}\" dir=\"{}\">", dataset.lang, dataset.dir.as_str());
        let page = replace_between(&template, "<html", ">", &html_tag, true)?;
        let page = replace_between(&page, "<title>", "</title>", &prerender::head(dataset), true)?;
        let page = replace_between(&page, "data-role-compare-page>", "</main>", &prerender::widget(dataset, 1), false)?;
        std::fs::write(
            dir.join(prerender::page_name(dataset)),
            page.replace(&loader_tag(LOADER), &loader_tag(&page_loader_name)),
        )?;
        std::fs::write(dir.join(prerender::fallback_name(dataset)), prerender::fallback(dataset))?;
        first_page.get_or_insert(page);
    }
    // Unhashed stylesheet for embedders.
    std::fs::copy(dir.join(&built.css), dir.join("role-compare.css"))?;
    std::fs::write(dir.join(STANDALONE), standalone(&dir, &built, &first_page.ok_or("no dataset")?)?)?;
    // After the stand-alone file, which inlines the glue line by line.
    let mut glues = vec![built.glue.clone()];
    glues.extend(pages.iter().map(|p| p.glue.clone()));
    minify_scripts(&dir, &glues)?;
    precompress(&dir)?;
    size_report(&dir)
}

/// `<script type="module" src="./{name}"></script>`: how a page loads a loader.
pub fn loader_tag(name: &str) -> String {
    format!("<script type=\"module\" src=\"./{name}\"></script>")
}

/// Minifies the JS glues and the snippets in place with the pinned terser
/// (tools/package.json): names mangled, comments and whitespace gone.
fn minify_scripts(dir: &Path, glues: &[String]) -> Result<()> {
    let mut scripts: Vec<_> = glues.iter().map(|g| dir.join(g)).collect();
    let mut folders = vec![dir.join("snippets")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "js") {
                scripts.push(path);
            }
        }
    }
    for script in scripts {
        let minified = minify_js(&std::fs::read_to_string(&script)?, true)?;
        std::fs::write(&script, minified)?;
    }
    Ok(())
}

/// `source` through the pinned terser (an ES module when `module`).
fn minify_js(source: &str, module: bool) -> Result<String> {
    let mut args = vec!["--ecma", "2020", "--compress", "passes=2", "--mangle"];
    if module {
        args.push("--module");
    }
    filter("terser", &args, source)
}

/// `source` through the pinned csso, structure kept (no rule merging).
fn minify_css(source: &str) -> Result<String> {
    filter("csso", &["--no-restructure"], source)
}

/// Runs a tool of tools/node_modules/.bin as a filter: `source` on stdin, the result on stdout.
fn filter(tool: &str, args: &[&str], source: &str) -> Result<String> {
    use std::process::Stdio;
    let mut child = Command::new(tool)
        .args(args)
        .env("PATH", crate::tool_path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {tool} (cargo xtask installs it in tools/): {e}"))?;
    child.stdin.take().ok_or("no stdin")?.write_all(source.as_bytes())?;
    let out = child.wait_with_output()?;
    if !out.status.success() || out.stdout.is_empty() {
        return Err(format!("{tool} failed ({})", out.status).into());
    }
    Ok(String::from_utf8(out.stdout)?)
}

/// The `<link rel="stylesheet" href="./…" …>` tags of `html`.
fn stylesheet_links(html: &str) -> Vec<String> {
    html.match_indices("<link rel=\"stylesheet\" href=\"./")
        .filter_map(|(at, _)| html[at..].find('>').map(|end| html[at..at + end + 1].to_owned()))
        .filter(|tag| tag.contains("integrity="))
        .collect()
}

/// Whether `name` is one of the `.br` / `.gz` copies [`precompress`] writes.
pub fn is_precompressed(name: &str) -> bool {
    name.ends_with(".br") || name.ends_with(".gz")
}

/// Extensions of the files a static host may serve pre-compressed.
const COMPRESSIBLE: [&str; 5] = ["html", "js", "css", "wasm", "json"];

/// Writes `name.br` (brotli 11) and `name.gz` (gzip -9) beside every text and
/// wasm file, for static hosts that serve pre-compressed files (README, "Hosting").
fn precompress(dir: &Path) -> Result<()> {
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            if !path.extension().and_then(|e| e.to_str()).is_some_and(|e| COMPRESSIBLE.contains(&e)) {
                continue;
            }
            let bytes = std::fs::read(&path)?;
            let beside = |ext: &str| {
                let mut name = path.clone().into_os_string();
                name.push(ext);
                std::path::PathBuf::from(name)
            };
            std::fs::write(beside(".gz"), gzip(&bytes))?;
            std::fs::write(beside(".br"), brotli(&bytes))?;
        }
    }
    Ok(())
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).expect("in-memory write");
    gz.finish().expect("in-memory write")
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut br = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
        w.write_all(bytes).expect("in-memory write");
    }
    br
}

/// The render-blocking script that marks the view a URL asks for (see
/// `first_paint`).
pub const FIRST_PAINT_JS: &str = include_str!("../../src/embed/first-paint.js");

/// 16 hex digits naming a file's content, for names that may be cached forever.
fn content_hash(bytes: &[u8]) -> String {
    use std::hash::Hasher as _;
    // SipHash with fixed keys: the same bytes give the same name on every build.
    let mut h = std::hash::DefaultHasher::new();
    h.write(bytes);
    format!("{:016x}", h.finish())
}

/// Subresource Integrity value of `bytes`: `sha384-<base64>`, as Trunk writes it.
fn integrity(bytes: &[u8]) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(bytes)))
}

/// Where `cargo xtask dist-fixture` builds the test-only right-to-left widget.
pub const FIXTURE_DIST: &str = "target/dist-rtl";
/// Its dataset: Arabic, two categories, every UI string its own.
pub const FIXTURE_DATASET: &str = "tests/fixtures/rtl-ar.json";

/// The widget with another dataset compiled in, as a site with its own
/// dataset builds it (`ROLE_COMPARE_DATASET`), into `target/dist-rtl/`: a
/// debug build (quicker; size does not matter there), the loader and the
/// page, which renders on start (no prerender). The page tests use it for a
/// right-to-left language.
pub fn fixture() -> Result<()> {
    let dir = root().join(FIXTURE_DIST);
    run(Command::new("trunk").arg("build").arg("--dist").arg(&dir).env("ROLE_COMPARE_DATASET", FIXTURE_DATASET))?;
    let built = Built::find(&dir)?;
    std::fs::write(dir.join(LOADER), loader(&built))?;
    let index = std::fs::read_to_string(dir.join("index.html"))?;
    let index = replace_rust_link(&index, &loader_tag(LOADER))?;
    // The page in the dataset's language and direction, as the prerender writes it.
    let json = std::fs::read_to_string(root().join(FIXTURE_DATASET))?;
    let dataset = role_compare::data::validate::parse_dataset(FIXTURE_DATASET, &json)?;
    let html_tag = format!("<html lang=\"{}\" dir=\"{}\">", dataset.lang, dataset.dir.as_str());
    std::fs::write(dir.join("index.html"), replace_between(&index, "<html", ">", &html_tag, true)?)?;
    std::fs::copy(dir.join(&built.css), dir.join("role-compare.css"))?;
    Ok(())
}

/// The hashed files Trunk wrote.
struct Built {
    glue: String,
    wasm: String,
    css: String,
}

impl Built {
    fn find(dir: &Path) -> Result<Self> {
        let mut glue = None;
        let mut wasm = None;
        let mut css = None;
        for entry in std::fs::read_dir(dir)? {
            let name = entry?.file_name().to_string_lossy().into_owned();
            if name.starts_with("role-compare-") && name.ends_with("_bg.wasm") {
                wasm = Some(name);
            } else if name.starts_with("role-compare-") && name.ends_with(".js") {
                glue = Some(name);
            } else if name.starts_with("role-compare-") && name.ends_with(".css") {
                css = Some(name);
            }
        }
        match (glue, wasm, css) {
            (Some(glue), Some(wasm), Some(css)) => Ok(Self { glue, wasm, css }),
            _ => Err(format!("no role-compare-*.js, *_bg.wasm and *.css in {}", dir.display()).into()),
        }
    }
}

/// What the loader and the stand-alone file run before and around starting
/// the wasm: `roleCompareBlocked()` names why this page cannot run any
/// WebAssembly (none in the browser; a Content-Security-Policy without
/// 'wasm-unsafe-eval', found by compiling and instantiating the smallest
/// module, 8 bytes: Chromium refuses the compile, WebKit the instance), or
/// returns null; `roleCompareFailed(e)` logs a failure to start as exactly one
/// `console.error` beginning `role-compare:`, naming the cause and the fix.
/// Failures found here are thrown as `{ why }`; anything else (a compile or
/// instantiate error, a panic at start) is named as it came. Content already
/// on the page (the prerendered page, a pasted fallback) is left as it is,
/// its toggles disabled.
const START_FAILURES: &str = r#"const roleCompareBlocked = () => {
  if (typeof WebAssembly !== "object") return { why: "this browser has no WebAssembly (or it is turned off), so the widget cannot start. Open the page in a browser with WebAssembly enabled." };
  try { new WebAssembly.Instance(new WebAssembly.Module(Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0))); } catch (e) {
    return { why: `this page's Content-Security-Policy does not allow WebAssembly (${e.message}). Fix: add 'wasm-unsafe-eval' to its script-src directive.` };
  }
  return null;
};
const roleCompareFailed = (e) => {
  console.error(`role-compare: ${e && e.why ? e.why : `the widget failed to start: ${e}.`} The content already on the page stays readable; its toggles, which cannot work, are hidden.`);
  // The first-paint rules of role-compare.css hide the toolbar of a marked widget.
  for (const el of [document.documentElement, ...document.querySelectorAll("role-compare")]) el.setAttribute("data-rc-failed", "");
};
"#;

/// Starts the wasm, shared by both loaders: `start(ready)` fetches the glue
/// (`loadGlue()`, named `glueUrl` in messages) and the wasm (`wasmUrl`) at
/// once, and starts them when the promise `ready` settles; `afterPaint()`
/// settles after the page's content has painted (or 100 ms at most). No
/// top-level `await`: the module's evaluation would hold DOMContentLoaded,
/// and with it Chrome's first paint, until the wasm had started (the
/// warm-browser first paint read 1.26–1.9 × the static copy).
const START_WASM: &str = r#"const start = async (ready) => {
  try {
    const blocked = roleCompareBlocked();
    if (blocked) throw blocked;
    // Each handled, so no rejection goes unhandled meanwhile.
    const glue = loadGlue().catch((e) => {
      throw { why: `could not load ${glueUrl} (${e}). Fix: serve every file of dist/ from one folder, as it is built.` };
    });
    const wasm = fetch(wasmUrl).then((response) => {
      if (response.ok) return response;
      const what = response.status === 404 ? "was not found" : "could not be loaded";
      throw { why: `${wasmUrl} ${what}: HTTP ${response.status} ${response.statusText}. Fix: serve every file of dist/, the .wasm included, from one folder, as it is built.` };
    }, (e) => {
      throw { why: `a network error stopped the download of ${wasmUrl} (${e}). Fix: check the connection, and that the server (and its CORS headers, when on another origin) lets this page load it.` };
    });
    glue.catch(() => {});
    wasm.catch(() => {});
    await ready;
    const { default: init } = await glue;
    await init({ module_or_path: await wasm }).catch((e) => {
      if (!(e instanceof WebAssembly.CompileError)) throw e;
      throw { why: `${wasmUrl} is not the WebAssembly file it should be (${e}). Fix: serve dist/'s .wasm unchanged, as application/wasm (a server that answers a missing file with a web page sends HTML instead).` };
    });
  } catch (e) {
    roleCompareFailed(e);
  }
};
const afterPaint = () => new Promise((go) => { requestAnimationFrame(() => setTimeout(go, 0)); setTimeout(go, 100); });
"#;

/// `dist/role-compare.js`: an unhashed ES module that imports the hashed glue
/// (`__GLUE__`) beside it and starts the wasm (`__WASM__`) of the full build: it
/// registers `<role-compare>` (and fills a page marked as the widget's own,
/// as the fixture's page is). URLs are relative to the module, so any
/// sub-path works. The glue is imported dynamically, so that a failure to
/// fetch it is caught like one of the wasm (a static import would fail before
/// any of this runs), and so that nothing is fetched while every element
/// waits lazily. Both are named by literal relative URLs, so bundlers that
/// follow `import("./…")` and `new URL("./…", import.meta.url)` (Vite,
/// webpack) bundle the glue and emit the wasm as an asset.
const LOADER_JS: &str = r#"// role-compare: registers <role-compare> (and fills the widget's own page).
// A failure to start is caught and said in one console.error; nothing is thrown.
__START_FAILURES__
// (Named for messages only: a literal new URL(…, import.meta.url) would make
// bundlers emit a second, raw copy of the glue.)
const glueUrl = new URL("__GLUE__", import.meta.url.toString());
const wasmUrl = new URL("./__WASM__", import.meta.url);
const loadGlue = () => import("./__GLUE__");
__START_WASM__
// loading="lazy" on every <role-compare> of a page that is not the widget's
// own: nothing is fetched until one comes within about a viewport of being
// seen; then one fetch starts them all.
const elements = [...document.querySelectorAll("role-compare")];
if (elements.length && !document.querySelector("[data-role-compare-page]") && elements.every((e) => e.getAttribute("loading") === "lazy")) {
  const near = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    near.disconnect();
    start(null);
  }, { rootMargin: "100% 0px" });
  for (const e of elements) near.observe(e);
} else {
  start(afterPaint());
}
"#;

fn loader(built: &Built) -> String {
    LOADER_JS
        .replace("__GLUE__", &built.glue)
        .replace("__WASM__", &built.wasm)
        .replace("__START_FAILURES__\n", START_FAILURES)
        .replace("__START_WASM__\n", START_WASM)
}

/// `dist/page-loader-<hash>.js`, which the widget's own pages load
/// (`index.html`, `index.es.html`, and so the iframe): it starts the page
/// build of the language the page shows, `?lang=` if a build has it, else the
/// page's `<html lang>`, else the first. `__BUILDS__` is `[[tag, glue, wasm], …]`;
/// the match is the wasm's own ([`PICK_JS`]).
const PAGE_LOADER_JS: &str = r#"// role-compare: fills the widget's own page, with the wasm built for its language.
__START_FAILURES__
const builds = __BUILDS__;
__PICK__
const asked = new URLSearchParams(location.search).getAll("__LANG__").pop();
const [, glue, wasm] = builds[[asked, document.documentElement.lang].map((tag) => pick(builds.map(([lang]) => lang), tag)).find((ix) => ix >= 0) ?? 0];
const glueUrl = new URL(glue, import.meta.url);
const wasmUrl = new URL(wasm, import.meta.url);
const loadGlue = () => import(glueUrl);
__START_WASM__
start(afterPaint());
"#;

/// `pick(available, tag)`: the index in `available` of the best tag for
/// `tag`, or -1; `data::ui::pick` in JS, step for step (RFC 4647 lookup:
/// `es-MX` takes `es-MX`, then `es`; then any tag of the same language; ASCII
/// case ignored; `-` and `_` both separate subtags). The test
/// `the_page_loaders_pick_is_the_wasms` runs both over the same tags.
const PICK_JS: &str = r#"const pick = (available, tag) => {
  const lower = (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const primary = (s) => lower(s.split(/[-_]/)[0]);
  const requested = (tag || "").trim();
  if (!requested) return -1;
  for (let prefix = requested; ; ) {
    const ix = available.findIndex((a) => lower(a) === lower(prefix));
    if (ix >= 0) return ix;
    const cut = Math.max(prefix.lastIndexOf("-"), prefix.lastIndexOf("_"));
    if (cut < 0) break;
    prefix = prefix.slice(0, cut);
  }
  return available.findIndex((a) => primary(a) === primary(requested));
};"#;

/// One page build: the page alone (feature `page`), one language's dataset.
struct PageBuild {
    lang: String,
    glue: String,
    wasm: String,
}

/// Builds the page alone (`--no-default-features --features page`) once per
/// dataset file (`ROLE_COMPARE_DATASET`), through wasm-bindgen and wasm-opt as
/// Trunk does with `index.html`'s `data-wasm-opt` settings (`opt`), into
/// `dir` as `page-<lang>-<hash>.js` and `page-<lang>-<hash>_bg.wasm`. Each
/// weighs ~13 KB brotli less than the full build: no element, one language.
fn page_builds(dir: &Path, opt: &[String]) -> Result<Vec<PageBuild>> {
    let mut builds = Vec::new();
    let out = root().join("target/page-builds");
    for (file, dataset) in role_compare::data::dataset_files().iter().zip(datasets()) {
        run(Command::new("cargo")
            .args(["build", "--release", "--target", "wasm32-unknown-unknown", "--bin", "role-compare"])
            .args(["--no-default-features", "--features", "page"])
            .env("ROLE_COMPARE_DATASET", file))?;
        let _ = std::fs::remove_dir_all(&out);
        run(Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(&out)
            .arg(root().join("target/wasm32-unknown-unknown/release/role-compare.wasm")))?;
        if out.join("snippets").exists() {
            return Err("the page build has JS snippets: copy them into dist/ (src/embed/element.js belongs to the element only)".into());
        }
        let optimized = out.join("optimized.wasm");
        run(Command::new("wasm-opt").args(opt).arg(out.join("role-compare_bg.wasm")).arg("-o").arg(&optimized))?;
        let wasm = std::fs::read(&optimized)?;
        let stem = format!("page-{}-{}", dataset.lang, content_hash(&wasm));
        let build =
            PageBuild { lang: dataset.lang.to_string(), glue: format!("{stem}.js"), wasm: format!("{stem}_bg.wasm") };
        std::fs::write(dir.join(&build.wasm), &wasm)?;
        std::fs::copy(out.join("role-compare.js"), dir.join(&build.glue))?;
        name_wasm_in_glue(&dir.join(&build.glue), &build.wasm)?;
        builds.push(build);
    }
    Ok(builds)
}

/// The glue's own default URL of the wasm names it as wasm-bindgen wrote it,
/// before it was hashed; names `wasm`, the file that is there, so bundlers
/// find it.
fn name_wasm_in_glue(glue: &Path, wasm: &str) -> Result<()> {
    let text = std::fs::read_to_string(glue)?;
    std::fs::write(glue, text.replace("'role-compare_bg.wasm'", &format!("'{wasm}'")))?;
    Ok(())
}

/// wasm-opt's arguments as Trunk takes them from `index.html`'s rust link:
/// `-O<data-wasm-opt>` and `data-wasm-opt-params`.
fn wasm_opt_args(html: &str) -> Result<Vec<String>> {
    let start = html.find("<link data-trunk rel=\"rust\"").ok_or("index.html has no rust link")?;
    let link = &html[start..start + html[start..].find('>').ok_or("unclosed rust link")?];
    let attr = |name: &str| link.split(&format!(" {name}=\"")).nth(1).and_then(|v| v.split('"').next());
    let level = attr("data-wasm-opt").ok_or("the rust link has no data-wasm-opt")?;
    let mut args = vec![format!("-O{level}")];
    args.extend(attr("data-wasm-opt-params").unwrap_or_default().split_whitespace().map(str::to_owned));
    Ok(args)
}

/// The page loader's text (see [`PAGE_LOADER_JS`]).
fn page_loader(builds: &[PageBuild]) -> Result<String> {
    let table: Vec<serde_json::Value> =
        builds.iter().map(|b| serde_json::json!([b.lang, format!("./{}", b.glue), format!("./{}", b.wasm)])).collect();
    Ok(PAGE_LOADER_JS
        .replace("__BUILDS__", &serde_json::to_string(&table)?)
        .replace("__PICK__", PICK_JS)
        .replace("__LANG__", role_compare::embed::api::LANG)
        .replace("__START_FAILURES__\n", START_FAILURES)
        .replace("__START_WASM__\n", START_WASM))
}

/// Replaces what stands between `start` and `end` (and the markers too when
/// `markers`) with `with`.
fn replace_between(html: &str, start: &str, end: &str, with: &str, markers: bool) -> Result<String> {
    let a = html.find(start).ok_or_else(|| format!("index.html has no {start}"))?;
    let b = a + html[a..].find(end).ok_or_else(|| format!("index.html has no {end} after {start}"))?;
    let (keep_a, keep_b) = if markers { (a, b + end.len()) } else { (a + start.len(), b) };
    Ok(format!("{}{with}{}", &html[..keep_a], &html[keep_b..]))
}

/// Replaces the `<link data-trunk rel="rust" …>` that Trunk leaves in place
/// when it injects no script.
fn replace_rust_link(html: &str, with: &str) -> Result<String> {
    let start = html.find("<link data-trunk rel=\"rust\"").ok_or("index.html has no rust link")?;
    let end = start + html[start..].find('>').ok_or("unclosed rust link")? + 1;
    Ok(format!("{}{with}{}", &html[..start], &html[end..]))
}

/// The stand-alone file's start: the wasm from its inlined bytes (`BASE64`),
/// failures caught like the loader's.
const STANDALONE_START: &str = r#"try {
  const blocked = roleCompareBlocked();
  if (blocked) throw blocked;
  const wasmBytes = Uint8Array.from(atob("BASE64"), (c) => c.charCodeAt(0));
  await __wbg_init({ module_or_path: wasmBytes });
} catch (e) {
  roleCompareFailed(e);
}
"#;

/// One file that works from disk: CSS inlined, the glue and its snippets
/// inlined as one module script, the wasm inlined as base64 and instantiated
/// from those bytes. No request at all.
fn standalone(dir: &Path, built: &Built, index: &str) -> Result<String> {
    use base64::Engine as _;
    let mut html = index.to_owned();
    // Stylesheets → <style>.
    while let Some(start) = html.find("<link rel=\"stylesheet\" href=\"./") {
        let end = start + html[start..].find('>').ok_or("unclosed link")? + 1;
        let tag = &html[start..end];
        let href = tag.split('"').nth(3).ok_or("link without href")?;
        let css = std::fs::read_to_string(dir.join(href.trim_start_matches("./")))?;
        html.replace_range(start..end, &format!("<style>\n{css}</style>"));
    }
    // The first-paint script → inline classic script, where it stands.
    if let Some(start) = html.find("<script src=\"./first-paint-") {
        let end = start + html[start..].find("</script>").ok_or("unclosed script")? + "</script>".len();
        html.replace_range(start..end, &format!("<script>\n{FIRST_PAINT_JS}</script>"));
    }
    // The icon → a data: URL (the one file requests nothing).
    if let Some(start) = html.find("<link rel=\"icon\" href=\"./") {
        let end = start + html[start..].find('>').ok_or("unclosed icon link")? + 1;
        let href = html[start..end].split('"').nth(3).ok_or("icon link without href")?;
        let svg =
            base64::engine::general_purpose::STANDARD.encode(std::fs::read(dir.join(href.trim_start_matches("./")))?);
        html.replace_range(start..end, &format!("<link rel=\"icon\" href=\"data:image/svg+xml;base64,{svg}\">"));
    }
    // Glue, with its snippet imports replaced by the snippets' code.
    let mut script = String::new();
    for line in std::fs::read_to_string(dir.join(&built.glue))?.lines() {
        match line.strip_prefix("import ").and_then(|l| l.split('\'').nth(1)) {
            Some(path) if path.starts_with("./snippets/") => {
                let snippet = std::fs::read_to_string(dir.join(path.trim_start_matches("./")))?;
                for s in snippet.lines() {
                    script.push_str(s.strip_prefix("export ").unwrap_or(s));
                    script.push('\n');
                }
            }
            _ => {
                script.push_str(line);
                script.push('\n');
            }
        }
    }
    let wasm = base64::engine::general_purpose::STANDARD.encode(std::fs::read(dir.join(&built.wasm))?);
    script.push_str(START_FAILURES);
    script.push_str(&STANDALONE_START.replace("BASE64", &wasm));
    if script.contains("</script") {
        return Err("the inlined script contains </script".into());
    }
    let tag = loader_tag(LOADER);
    if !html.contains(&tag) {
        return Err("index.html has no loader script".into());
    }
    Ok(html.replace(&tag, &format!("<script type=\"module\">\n{script}</script>")))
}

/// Bytes of a file: raw, gzip -9 and brotli 11.
pub fn sizes(bytes: &[u8]) -> (usize, usize, usize) {
    (bytes.len(), gzip(bytes).len(), brotli(bytes).len())
}

fn size_report(dir: &Path) -> Result<String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file() && !is_precompressed(&p.to_string_lossy()))
        .collect();
    files.sort();
    let mut out = String::from("dist/                                      raw      gzip    brotli\n");
    for path in files {
        let (raw, gz, br) = sizes(&std::fs::read(&path)?);
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let _ = writeln!(out, "  {name:<36} {raw:>8} {gz:>9} {br:>9}");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page loader picks a page build as the wasm picks a dataset:
    /// [`PICK_JS`], run by Node, and `data::ui::pick` over the same tags.
    #[test]
    fn the_page_loaders_pick_is_the_wasms() {
        let available = ["en", "es", "es-MX", "pt-BR", "zh-Hant-TW"];
        let asked = [
            "en",
            "EN",
            "en-GB",
            "es",
            "es-MX",
            "es_MX",
            "es-mx",
            "es-419",
            "ES_ar",
            "pt",
            "pt-PT",
            "zh",
            "zh-Hant",
            "zh-hant-tw-x",
            "fr",
            "",
            " ",
            " es ",
            "de-DE",
            "e",
            "-",
            "_es",
            "es-",
            "\u{212a}",
            "\u{130}",
        ];
        let script = format!(
            "{PICK_JS}\nconst available = {};\nconsole.log(JSON.stringify({}.map((tag) => pick(available, tag))));",
            serde_json::json!(available),
            serde_json::json!(asked)
        );
        let out =
            Command::new("node").arg("-e").arg(&script).output().expect("node (npm's) runs the page loader's pick");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let js: Vec<i64> = serde_json::from_slice(&out.stdout).expect("a JSON array");
        let rust: Vec<i64> = asked
            .iter()
            .map(|tag| role_compare::data::ui::pick(tag, available.iter().copied()).map_or(-1, |ix| ix as i64))
            .collect();
        assert_eq!(js, rust, "for {asked:?}");
        // And it does pick: a region falls back to its language (`es_MX` is not the tag
        // `es-MX`), an unknown language to none.
        assert_eq!(&rust[..9], [0, 0, 0, 1, 2, 1, 2, 1, 1]);
        assert_eq!(rust[14], -1);
    }

    /// The loaders' placeholders are all filled.
    #[test]
    fn no_placeholder_is_left_in_a_loader() {
        let built =
            Built { glue: "role-compare-0123.js".into(), wasm: "role-compare-0123_bg.wasm".into(), css: String::new() };
        let page = PageBuild { lang: "en".into(), glue: "page-en-0123.js".into(), wasm: "page-en-0123_bg.wasm".into() };
        for js in [loader(&built), page_loader(&[page]).unwrap()] {
            assert!(!js.contains("__"), "{js}");
            assert!(
                js.contains("0123_bg.wasm")
                    && js.contains("const roleCompareBlocked")
                    && js.contains("const start = async")
            );
        }
    }
}
