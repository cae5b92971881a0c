//! `cargo xtask dist`: the release build in dist/, and what it weighs.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::Command;

use crate::{prerender, root, run, Result};

/// The stable entry module embedders load.
pub const LOADER: &str = "role-compare.js";
pub const STANDALONE: &str = "role-compare-standalone.html";

/// Builds the release into dist/ and returns the size report.
pub fn dist() -> Result<String> {
    run(Command::new("trunk").args(["build", "--release"]))?;
    let dir = root().join("dist");
    let built = Built::find(&dir)?;
    std::fs::write(dir.join(LOADER), loader(&built))?;
    let index = std::fs::read_to_string(dir.join("index.html"))?;
    let index = replace_rust_link(&index, &format!("<script type=\"module\" src=\"./{LOADER}\"></script>"))?;
    let index = replace_between(&index, "<title>", "</title>", &prerender::head(), true)?;
    let index = replace_between(&index, "data-role-compare-page>", "</main>", &prerender::widget(true), false)?;
    std::fs::write(dir.join("index.html"), &index)?;
    // Unhashed stylesheet and the custom element's fallback markup for embedders.
    std::fs::copy(dir.join(&built.css), dir.join("role-compare.css"))?;
    std::fs::write(dir.join("fallback.html"), prerender::fallback())?;
    std::fs::write(dir.join(STANDALONE), standalone(&dir, &built, &index)?)?;
    size_report(&dir)
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

/// `dist/role-compare.js`: an unhashed ES module that imports the hashed glue
/// beside it. Loading it registers `<role-compare>` and fills the widget's own
/// page. URLs are relative to the module, so any sub-path works.
fn loader(built: &Built) -> String {
    format!(
        "// role-compare: registers <role-compare> (and fills the widget's own page).\n\
         import init from './{glue}';\n\
         // Fetch now; start after the page's content has painted (or 100 ms at most).\n\
         const wasm = fetch(new URL('./{wasm}', import.meta.url));\n\
         await new Promise((go) => {{ requestAnimationFrame(() => setTimeout(go, 0)); setTimeout(go, 100); }});\n\
         await init({{ module_or_path: wasm }}){START_FAILED}\n",
        glue = built.glue,
        wasm = built.wasm
    )
}

/// Ends the wasm start in the loader and the stand-alone file: when it
/// cannot start (no WebAssembly, a feature the browser lacks, a failed
/// fetch), the prerendered content or the pasted fallback stays and the
/// console says why, in one error.
const START_FAILED: &str = ".catch((e) => console.error('role-compare: the widget could not start, so its content stays without toggles: ' \
     + (typeof WebAssembly !== 'object' ? 'this browser has no WebAssembly' : e)));";

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
    script.push_str(&format!(
        "const wasmBytes = Uint8Array.from(atob(\"{wasm}\"), (c) => c.charCodeAt(0));\n\
         await __wbg_init({{ module_or_path: wasmBytes }}){START_FAILED}\n"
    ));
    if script.contains("</script") {
        return Err("the inlined script contains </script".into());
    }
    let tag = format!("<script type=\"module\" src=\"./{LOADER}\"></script>");
    if !html.contains(&tag) {
        return Err("index.html has no loader script".into());
    }
    Ok(html.replace(&tag, &format!("<script type=\"module\">\n{script}</script>")))
}

/// Bytes of a file: raw, gzip -9 and brotli 11.
pub fn sizes(bytes: &[u8]) -> (usize, usize, usize) {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).expect("in-memory write");
    let gz = gz.finish().expect("in-memory write").len();
    let mut br = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
        w.write_all(bytes).expect("in-memory write");
    }
    (bytes.len(), gz, br.len())
}

fn size_report(dir: &Path) -> Result<String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_file()).collect();
    files.sort();
    let mut out = String::from("dist/                                      raw      gzip    brotli\n");
    for path in files {
        let (raw, gz, br) = sizes(&std::fs::read(&path)?);
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let _ = writeln!(out, "  {name:<36} {raw:>8} {gz:>9} {br:>9}");
    }
    Ok(out)
}
