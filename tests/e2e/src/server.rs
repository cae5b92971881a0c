//! A static file server on 127.0.0.1 for the tests and the bench: `/` is
//! `dist/`, `/hosts/` the host-page fixtures. The widget's own pages
//! (`dist/*.html` but the stand-alone file, which inlines everything by nature)
//! and host pages named `*-csp.html` are sent with the strict
//! Content-Security-Policy header; pages named `*-no-wasm-csp.html` with a
//! policy that lacks `'wasm-unsafe-eval'` (a host page that blocks WebAssembly).
//!
//! For the tests' console recorder, every HTML page gets
//! `<script src="/__rc-recorder.js"></script>` as the first element of its
//! `<head>` (a same-origin script: the strict CSP allows it as `'self'`); that
//! script is [`crate::webdriver::RECORDER`] plus the init scripts of the
//! browser whose cookie the request carries. `/__rc-*` requests are not logged.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub const STRICT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
/// A policy common on real sites: scripts from the page's origin, no WebAssembly.
pub const NO_WASM_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'";

/// The strict policy for a page loaded into a frame: the same, naming the
/// page's own origin beside `'self'`. In a sandboxed frame (`sandbox` without
/// `allow-same-origin`) the document's origin is opaque and WebKit matches
/// nothing with `'self'` (Chromium and Firefox match the URL's origin), so a
/// Safari reader would get a frame whose scripts and styles are all blocked.
pub fn strict_csp_in_frame(origin: &str) -> String {
    format!("default-src 'self' {origin}; script-src 'self' {origin} 'wasm-unsafe-eval'; style-src 'self' {origin}")
}

pub struct Server {
    pub base: String,
    requests: Arc<Mutex<Vec<String>>>,
    settings: Arc<Mutex<Settings>>,
}

/// What tests can change about the server while it runs.
#[derive(Default)]
struct Settings {
    /// Extra pages by path (e.g. a host page built from dist/fallback.html).
    pages: Vec<(String, String)>,
    /// Slows every wasm response down by this many milliseconds.
    wasm_delay_ms: u64,
    /// Sends no CSP header at all (for pages that are not ours, like the bench's floor app).
    no_csp: bool,
    /// Text replaced in every stylesheet served (to read CSS as an older browser would).
    css_rewrite: Option<(String, String)>,
    /// Leaves HTML pages as they are: no recorder script (the bench, `cargo xtask serve`).
    no_recorder: bool,
    /// When set, `Access-Control-Allow-Origin: *` goes only with the files
    /// whose name starts with one of these (none when empty): a host that
    /// serves the widget to other origins without (all) the CORS headers.
    cors_only: Option<Vec<String>>,
}

/// The tag the server puts first in every HTML page's `<head>`.
pub const RECORDER_TAG: &str = "<script src=\"/__rc-recorder.js\"></script>";

/// `html` without its `integrity="…"` attributes.
fn without_integrity(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(" integrity=\"") {
        out.push_str(&rest[..i]);
        let after = &rest[i + " integrity=\"".len()..];
        rest = after.find('"').map_or("", |j| &after[j + 1..]);
    }
    out.push_str(rest);
    out
}

/// `html` with `tag` inserted as the first element of `<head>` (after the
/// `<head>` start tag; without one, after `<html …>` or the doctype, else first).
pub fn with_head_script(html: &str, tag: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let after = |open: &str| {
        let mut from = 0;
        while let Some(i) = lower[from..].find(open) {
            let at = from + i;
            let next = lower.as_bytes().get(at + open.len()).copied();
            if matches!(next, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r')) {
                return lower[at..].find('>').map(|j| at + j + 1);
            }
            from = at + open.len();
        }
        None
    };
    let at = after("<head").or_else(|| after("<html")).or_else(|| after("<!doctype")).unwrap_or(0);
    format!("{}{tag}{}", &html[..at], &html[at..])
}

impl Server {
    /// Serves `dist` at `/` and `hosts` at `/hosts/` on a free port.
    pub fn start(dist: PathBuf, hosts: PathBuf) -> Server {
        Self::start_on("127.0.0.1:0", dist, hosts).expect("bind 127.0.0.1")
    }

    /// Like [`start`](Self::start), on a given address (`cargo xtask serve`).
    pub fn start_on(address: &str, dist: PathBuf, hosts: PathBuf) -> std::io::Result<Server> {
        let listener = TcpListener::bind(address)?;
        let base = format!("http://{}", listener.local_addr().expect("local addr"));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let settings = Arc::new(Mutex::new(Settings::default()));
        let (log, shared) = (requests.clone(), settings.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (dist, hosts, log, shared) = (dist.clone(), hosts.clone(), log.clone(), shared.clone());
                std::thread::spawn(move || {
                    let _ = handle(stream, &dist, &hosts, &log, &shared);
                });
            }
        });
        Ok(Server { base, requests, settings })
    }

    /// Serves `html` at `path` from now on.
    pub fn add_page(&self, path: &str, html: String) {
        self.settings.lock().expect("settings").pages.push((path.to_owned(), html));
    }

    /// Sends no Content-Security-Policy header from now on.
    pub fn without_csp(self) -> Self {
        self.settings.lock().expect("settings").no_csp = true;
        self
    }

    /// Replaces `from` with `to` in every stylesheet served from now on: e.g.
    /// `light-dark(` → `light-dark-unknown(` shows the page as a browser
    /// without `light-dark()` reads it.
    pub fn rewrite_css(&self, from: &str, to: &str) {
        self.settings.lock().expect("settings").css_rewrite = Some((from.to_owned(), to.to_owned()));
    }

    /// Serves HTML pages without the recorder script from now on.
    pub fn without_recorder(self) -> Self {
        self.settings.lock().expect("settings").no_recorder = true;
        self
    }

    /// From now on sends `Access-Control-Allow-Origin` only with the files
    /// whose name starts with one of `prefixes` (with none when it is empty).
    pub fn cors_only(&self, prefixes: &[&str]) {
        self.settings.lock().expect("settings").cors_only = Some(prefixes.iter().map(|p| p.to_string()).collect());
    }

    /// Delays every wasm response by `ms` milliseconds from now on.
    pub fn delay_wasm(&self, ms: u64) {
        self.settings.lock().expect("settings").wasm_delay_ms = ms;
    }

    /// Paths requested so far.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().expect("request log").clone()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// Requests remembered for [`Server::requests`] (a long `cargo xtask serve` stops counting).
const MAX_LOGGED: usize = 10_000;

/// Only plain names below the served folder: no `..`, no root, no empty
/// segment (`/hosts//etc/passwd` would join to an absolute path).
fn is_plain_relative(path: &str) -> bool {
    path.is_empty()
        || path.split('/').enumerate().all(|(i, seg)| {
            let last = i == path.split('/').count() - 1;
            (!seg.is_empty() || last) && seg != ".." && seg != "." && !seg.contains('\\') && !seg.contains(':')
        })
}

fn handle(
    mut stream: TcpStream,
    dist: &Path,
    hosts: &Path,
    log: &Mutex<Vec<String>>,
    settings: &Mutex<Settings>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    let (mut cookie, mut host, mut in_frame) = (None, None, false);
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? <= 2 {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            let (name, value) = (name.trim().to_ascii_lowercase(), value.trim().to_owned());
            match name.as_str() {
                "cookie" => cookie = Some(value),
                "host" => host = Some(value),
                "sec-fetch-dest" => in_frame = value == "iframe" || value == "frame",
                _ => {}
            }
        }
    }
    let target = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let path = target.split(['?', '#']).next().unwrap_or("/");
    // The test harness's own requests: the recorder, and an empty page to set its cookie on.
    let harness = match path {
        "/__rc-recorder.js" => Some(("text/javascript", crate::webdriver::recorder_for(cookie.as_deref()))),
        "/__rc-blank" => Some(("text/html; charset=utf-8", "<!doctype html><title>blank</title>".to_owned())),
        // A module that imports the module named by its query and then sets
        // `window.__rcImported`: added to a page, it tells when that module's
        // top-level await has settled, in the page's own module map.
        "/__rc-after.js" => {
            let module = target.split_once('?').map_or("", |(_, q)| q).replace(['"', '\\', '\n'], "");
            Some(("text/javascript", format!("import \"{module}\";\nwindow.__rcImported = \"finished\";\n")))
        }
        _ => None,
    };
    if let Some((kind, body)) = harness {
        return write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
    }
    {
        let mut log = log.lock().expect("request log");
        if log.len() < MAX_LOGGED {
            log.push(target.clone());
        }
    }
    let (file, ours) = match path.strip_prefix("/hosts/") {
        Some(rest) => (hosts.join(rest), false),
        None => (dist.join(path.trim_start_matches('/')), true),
    };
    let file = if file.is_dir() { file.join("index.html") } else { file };
    let safe = is_plain_relative(path.trim_start_matches('/'));
    let (page, delay, no_csp, no_recorder, css_rewrite, cors_only) = {
        let s = settings.lock().expect("settings");
        let page = s.pages.iter().find(|(p, _)| p == path).map(|(_, html)| html.clone().into_bytes());
        (page, s.wasm_delay_ms, s.no_csp, s.no_recorder, s.css_rewrite.clone(), s.cors_only.clone())
    };
    if path.ends_with(".wasm") && delay > 0 {
        std::thread::sleep(std::time::Duration::from_millis(delay));
    }
    let body = match page {
        Some(html) => Ok(html),
        None => std::fs::read(&file),
    };
    let file = if body.is_ok() && !file.exists() { PathBuf::from(path) } else { file };
    match body {
        Ok(body) if safe => {
            let kind = match file.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js") => "text/javascript",
                Some("wasm") => "application/wasm",
                Some("css") => "text/css",
                Some("json") => "application/json",
                Some("png") => "image/png",
                _ => "application/octet-stream",
            };
            let body = match String::from_utf8(body) {
                Ok(html) if kind.starts_with("text/html") => {
                    // Rewritten stylesheets no longer match their Subresource Integrity hashes.
                    let html = if css_rewrite.is_some() { without_integrity(&html) } else { html };
                    if no_recorder { html } else { with_head_script(&html, RECORDER_TAG) }.into_bytes()
                }
                Ok(css) if kind == "text/css" => match &css_rewrite {
                    Some((from, to)) => css.replace(from.as_str(), to).into_bytes(),
                    None => css.into_bytes(),
                },
                Ok(text) => text.into_bytes(),
                Err(e) => e.into_bytes(),
            };
            let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let strict =
                name.ends_with("-csp.html") || (ours && name.ends_with(".html") && !name.contains("standalone"));
            let policy = match &host {
                _ if name.ends_with("-no-wasm-csp.html") => NO_WASM_CSP.to_owned(),
                Some(host) if in_frame => strict_csp_in_frame(&format!("http://{host}")),
                _ => STRICT_CSP.to_owned(),
            };
            let csp = if strict && !no_csp { format!("Content-Security-Policy: {policy}\r\n") } else { String::new() };
            let cors = match cors_only {
                Some(prefixes) if !prefixes.iter().any(|p| name.starts_with(p.as_str())) => "",
                _ => "Access-Control-Allow-Origin: *\r\n",
            };
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n{cors}{csp}Connection: close\r\n\r\n",
                body.len()
            )?;
            stream.write_all(&body)
        }
        _ => write!(stream, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::{is_plain_relative, with_head_script, without_integrity};

    #[test]
    fn integrity_attributes_go() {
        assert_eq!(without_integrity("<link href=\"a.css\" integrity=\"sha384-x\"/><p>"), "<link href=\"a.css\"/><p>");
    }

    #[test]
    fn the_recorder_goes_first_in_head() {
        let tag = "<s>";
        assert_eq!(
            with_head_script("<!doctype html><html lang=en><head><meta charset=utf-8>", tag),
            "<!doctype html><html lang=en><head><s><meta charset=utf-8>"
        );
        assert_eq!(with_head_script("<HTML><HEAD lang=x><title>", tag), "<HTML><HEAD lang=x><s><title>");
        assert_eq!(with_head_script("<!doctype html><html><header>x", tag), "<!doctype html><html><s><header>x");
        assert_eq!(with_head_script("<!DOCTYPE html><p>x", tag), "<!DOCTYPE html><s><p>x");
        assert_eq!(with_head_script("<p>x", tag), "<s><p>x");
    }

    #[test]
    fn only_plain_relative_paths_are_served() {
        for ok in ["", "index.html", "hosts/blank.html", "snippets/x/src/embed/element.js", "dir/"] {
            assert!(is_plain_relative(ok), "{ok}");
        }
        for bad in ["/etc/passwd", "hosts//etc/passwd", "../Cargo.toml", "a/../../b", "./x", "a\\b", "c:/x"] {
            assert!(!is_plain_relative(bad), "{bad}");
        }
    }
}
