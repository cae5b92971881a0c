//! A static file server on 127.0.0.1 for the tests and the bench: `/` is
//! `dist/`, `/hosts/` the host-page fixtures. The widget's own pages
//! (`dist/*.html` but the stand-alone file, which inlines everything by nature)
//! and host pages named `*-csp.html` are sent with the strict
//! Content-Security-Policy header; pages named `*-no-wasm-csp.html` with a
//! policy that lacks `'wasm-unsafe-eval'` (a host page that blocks WebAssembly).

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub const STRICT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
/// A policy common on real sites: scripts from the page's origin, no WebAssembly.
pub const NO_WASM_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'";

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
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? <= 2 {
            break;
        }
    }
    let target = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
    {
        let mut log = log.lock().expect("request log");
        if log.len() < MAX_LOGGED {
            log.push(target.clone());
        }
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let (file, ours) = match path.strip_prefix("/hosts/") {
        Some(rest) => (hosts.join(rest), false),
        None => (dist.join(path.trim_start_matches('/')), true),
    };
    let file = if file.is_dir() { file.join("index.html") } else { file };
    let safe = is_plain_relative(path.trim_start_matches('/'));
    let (page, delay, no_csp) = {
        let s = settings.lock().expect("settings");
        (s.pages.iter().find(|(p, _)| p == path).map(|(_, html)| html.clone().into_bytes()), s.wasm_delay_ms, s.no_csp)
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
            let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let strict = name.ends_with("-csp.html") || (ours && name.ends_with(".html") && !name.contains("standalone"));
            let policy = if name.ends_with("-no-wasm-csp.html") { NO_WASM_CSP } else { STRICT_CSP };
            let csp = if strict && !no_csp { format!("Content-Security-Policy: {policy}\r\n") } else { String::new() };
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nAccess-Control-Allow-Origin: *\r\n{csp}Connection: close\r\n\r\n",
                body.len()
            )?;
            stream.write_all(&body)
        }
        _ => write!(stream, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::is_plain_relative;

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
