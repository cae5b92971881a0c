//! A real WordPress for the page tests (`tests/e2e/tests/wordpress.rs`):
//! Debian's `wordpress` (6.1) under `php -S` with a router
//! (`tests/wordpress/router.php`), on a MariaDB server of its own (a socket
//! in `target/wordpress/`, no network), the plugin unzipped from
//! `target/package/role-compare-wordpress-<version>.zip` (`cargo xtask
//! package`), and the posts `tests/wordpress/setup.php` inserts as an Author
//! (one of them a comparison page's URL on the widget's own host,
//! [`widget_host`], which the test-only mu-plugin lets WordPress fetch).
//!
//! Started once per `cargo xtask test` by the first suite that asks
//! ([`ensure`]) and reused by the next engines' runs (`target/wordpress/state.json`
//! names the processes and the zip they serve); `cargo xtask test` stops it
//! afterwards ([`stop`]). Idempotent: a state left by a crashed run is
//! stopped (only the processes it names, checked by their command line) and
//! everything is made anew. Nothing is started through systemd.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::root;

pub const MARIADBD: &str = "/usr/sbin/mariadbd";
pub const MARIADB_INSTALL_DB: &str = "/usr/bin/mariadb-install-db";
pub const MARIADB: &str = "/usr/bin/mariadb";
pub const PHP: &str = "/usr/bin/php";
/// Debian's WordPress.
pub const WORDPRESS: &str = "/usr/share/wordpress";
/// Debian's wp-config.php reads `/etc/wordpress/config-<WORDPRESS_CONFIG>.php`
/// (the router and setup.php set `role-compare-test`).
pub const CONFIG: &str = "/etc/wordpress/config-role-compare-test.php";

/// A running test WordPress and what setup.php made.
#[derive(Clone, Debug)]
pub struct WordPress {
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    /// setup.php's output: `posts` (name → URL), `saved` (name → content as
    /// saved), `lifecycle` (activation, deactivation, uninstall: output).
    pub made: Value,
}

impl WordPress {
    /// The URL of the post setup.php named `name`.
    pub fn post(&self, name: &str) -> String {
        self.made["posts"][name].as_str().unwrap_or_else(|| panic!("setup.php made no post {name}")).to_owned()
    }

    /// A post's content as WordPress saved it.
    pub fn saved(&self, name: &str) -> String {
        self.made["saved"][name].as_str().unwrap_or_default().to_owned()
    }

    /// The lines of WordPress's debug.log (notices, warnings, deprecations).
    pub fn debug_log(&self) -> Vec<String> {
        std::fs::read_to_string(dir().join("debug.log")).unwrap_or_default().lines().map(str::to_owned).collect()
    }

    /// The requests the server answered (`METHOD /path?query`), in order.
    pub fn requests(&self) -> Vec<String> {
        std::fs::read_to_string(dir().join("requests.log")).unwrap_or_default().lines().map(str::to_owned).collect()
    }

    /// `GET path`: the status and the body.
    pub fn get(&self, url: &str) -> (u16, String) {
        http_get(url).unwrap_or_else(|e| panic!("GET {url}: {e}"))
    }
}

/// `target/wordpress/`: the database, wp-content, logs and the state.
pub fn dir() -> PathBuf {
    root().join("target/wordpress")
}

/// The plugin zip `cargo xtask package` writes.
pub fn plugin_zip() -> PathBuf {
    root().join(format!("target/package/role-compare-wordpress-{}.zip", role_compare::VERSION))
}

/// The widget's own host for the oEmbed test: `target/dist-published/`,
/// dist/ prerendered again for `http://127.0.0.1:<port>/` by `cargo xtask
/// package` (and `consumers --built`); its oEmbed files name that URL.
pub fn widget_dir() -> PathBuf {
    root().join("target/dist-published")
}

/// The base URL the widget's host was published for (`http://127.0.0.1:<port>/`):
/// its oEmbed files' `provider_url`.
pub fn widget_base() -> String {
    let file = widget_dir().join("index.oembed.json");
    let text = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("{}: {e}: run `cargo xtask consumers --built`", file.display()));
    let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    json["provider_url"].as_str().unwrap_or_else(|| panic!("{} names no provider_url", file.display())).to_owned()
}

/// The widget's host, serving [`widget_dir`] at [`widget_base`] (every file
/// with `Access-Control-Allow-Origin: *`, which WordPress's sandboxed frame
/// needs): started once per process, for as long as it runs.
pub fn widget_host() -> &'static crate::Server {
    static HOST: std::sync::OnceLock<crate::Server> = std::sync::OnceLock::new();
    HOST.get_or_init(|| {
        let base = widget_base();
        let address = base.trim_start_matches("http://").trim_end_matches('/').to_owned();
        crate::Server::start_on(&address, widget_dir(), root().join("tests/e2e/hosts")).unwrap_or_else(|e| {
            panic!("the widget's host cannot listen on {address} ({e}): run `cargo xtask consumers --built` for another port")
        })
    })
}

/// Whether this machine has what the test WordPress needs (`cargo xtask
/// install` brings it: nginx php8.2-fpm wordpress mariadb-server php8.2-mysql).
pub fn installed() -> bool {
    [MARIADBD, MARIADB_INSTALL_DB, MARIADB, PHP].iter().all(|p| Path::new(p).exists())
        && Path::new(WORDPRESS).join("wp-load.php").exists()
}

/// This process's WordPress, once [`ensure`] has found or started it: the
/// tests of one process share it, and none restarts it under another.
static ONE: Mutex<Option<WordPress>> = Mutex::new(None);

/// The test WordPress: the one already running for the current plugin zip,
/// else a new one (stopping what a state file left). Panics saying why.
pub fn ensure() -> WordPress {
    let mut one = ONE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(wp) = one.as_ref() {
        return wp.clone();
    }
    assert!(
        installed(),
        "the test WordPress needs Debian's wordpress, php and mariadb-server: run `cargo xtask install`"
    );
    let zip = plugin_zip();
    // A new zip, or the widget's host at another URL (the oEmbed post names it): a new WordPress.
    let stamp = format!("{} {}", zip_stamp(&zip), widget_base());
    let running = read_state().and_then(|state| {
        let base = state["base"].as_str()?.to_owned();
        let why = if state["zip"] != json!(stamp) {
            "the plugin zip changed".to_owned()
        } else if !alive(&state) {
            "its processes are gone".to_owned()
        } else {
            match http_get(&format!("{base}/wp-login.php")) {
                Ok((200, _)) => return Some(WordPress { base, made: state["made"].clone() }),
                Ok((status, _)) => format!("it answered {status}"),
                Err(e) => format!("it did not answer ({e})"),
            }
        };
        eprintln!("e2e: a new test WordPress: {why}");
        None
    });
    let wp = running.unwrap_or_else(|| {
        stop().unwrap_or_else(|e| panic!("stopping the earlier test WordPress: {e}"));
        start(&zip, stamp).unwrap_or_else(|e| panic!("starting the test WordPress: {e}"))
    });
    *one = Some(wp.clone());
    wp
}

fn zip_stamp(zip: &Path) -> String {
    let meta = std::fs::metadata(zip)
        .unwrap_or_else(|_| panic!("{} is missing: run `cargo xtask package` (cargo xtask test does)", zip.display()));
    let modified = meta.modified().ok().and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok()).unwrap_or_default();
    format!("{}:{}", meta.len(), modified.as_nanos())
}

fn read_state() -> Option<Value> {
    serde_json::from_str(&std::fs::read_to_string(dir().join("state.json")).ok()?).ok()
}

/// A process of ours still running: its pid alive with the command line we started.
fn ours(pid: u64, program: &str) -> bool {
    std::fs::read(format!("/proc/{pid}/cmdline")).is_ok_and(|c| {
        String::from_utf8_lossy(&c).contains(program) && String::from_utf8_lossy(&c).contains("wordpress")
    })
}

fn alive(state: &Value) -> bool {
    let pid = |k: &str| state[k].as_u64().unwrap_or(0);
    ours(pid("mariadbd"), "mariadbd") && ours(pid("php"), "php")
}

/// Stops the test WordPress a state file names (only those processes), if
/// any; the files stay for a look after a failure. Safe to call again.
pub fn stop() -> Result<(), String> {
    let Some(state) = read_state() else { return Ok(()) };
    for (key, program) in [("php", "php"), ("mariadbd", "mariadbd")] {
        let pid = state[key].as_u64().unwrap_or(0);
        if pid == 0 || !ours(pid, program) {
            continue;
        }
        // The group we started it in (php -S's workers too).
        let _ = Command::new("kill").args(["--", &format!("-{pid}")]).status();
        let start = Instant::now();
        while ours(pid, program) && start.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(100));
        }
        if ours(pid, program) {
            let _ = Command::new("kill").args(["-KILL", "--", &format!("-{pid}")]).status();
        }
    }
    std::fs::remove_file(dir().join("state.json")).map_err(|e| format!("remove state.json: {e}"))
}

fn log_file(name: &str) -> Result<std::fs::File, String> {
    std::fs::File::create(dir().join(name)).map_err(|e| format!("create {name}: {e}"))
}

fn start(zip: &Path, stamp: String) -> Result<WordPress, String> {
    let dir = dir();
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let to_s = |p: &Path| p.to_string_lossy().into_owned();

    // The database: a data directory of its own, a socket, no networking.
    let datadir = dir.join("db");
    let out = Command::new(MARIADB_INSTALL_DB)
        .args(["--no-defaults", "--user=root", "--auth-root-authentication-method=normal", "--skip-test-db"])
        .arg(format!("--datadir={}", to_s(&datadir)))
        .output()
        .map_err(|e| format!("{MARIADB_INSTALL_DB}: {e}"))?;
    if !out.status.success() {
        return Err(format!("mariadb-install-db: {}", String::from_utf8_lossy(&out.stderr)));
    }
    let socket = dir.join("mysqld.sock");
    let mariadbd = spawn(
        Command::new(MARIADBD)
            .arg("--no-defaults")
            .arg(format!("--datadir={}", to_s(&datadir)))
            .arg(format!("--socket={}", to_s(&socket)))
            .arg(format!("--pid-file={}", to_s(&dir.join("mariadbd.pid"))))
            .args(["--skip-networking", "--user=root", "--skip-log-bin", "--innodb-buffer-pool-size=32M"])
            .arg(format!("--log-error={}", to_s(&dir.join("mariadb.log"))))
            // The command line names target/wordpress, so stop() knows it is ours.
            .stdout(log_file("mariadbd.out")?)
            .stderr(log_file("mariadbd.err")?),
    )?;
    let mut state = json!({ "mariadbd": mariadbd, "zip": stamp });
    write_state(&state)?;
    wait(Duration::from_secs(60), "MariaDB's socket", || {
        Command::new(MARIADB)
            .args(["--no-defaults", "-uroot"])
            .arg(format!("--socket={}", to_s(&socket)))
            .args(["-e", "SELECT 1"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })?;
    let created = Command::new(MARIADB)
        .args(["--no-defaults", "-uroot"])
        .arg(format!("--socket={}", to_s(&socket)))
        .args(["-e", "CREATE DATABASE wordpress"])
        .status()
        .map_err(|e| e.to_string())?;
    if !created.success() {
        return Err("CREATE DATABASE wordpress failed".into());
    }

    // Debian's config file, pointing at target/wordpress by the environment.
    let config = std::fs::read(root().join("tests/wordpress/config.php")).map_err(|e| e.to_string())?;
    if std::fs::read(CONFIG).ok().as_ref() != Some(&config) {
        std::fs::create_dir_all("/etc/wordpress").map_err(|e| format!("/etc/wordpress: {e}"))?;
        std::fs::write(CONFIG, &config).map_err(|e| format!("{CONFIG}: {e}"))?;
    }

    // wp-content: the plugin from its zip, the test theme, the test-only mu-plugin.
    let content = dir.join("wp-content");
    let plugins = content.join("plugins");
    std::fs::create_dir_all(&plugins).map_err(|e| e.to_string())?;
    let file = std::fs::File::open(zip).map_err(|e| format!("{}: {e}", zip.display()))?;
    zip::ZipArchive::new(file).and_then(|mut z| z.extract(&plugins)).map_err(|e| format!("unzip: {e}"))?;
    let theme = content.join("themes/rc-test");
    std::fs::create_dir_all(&theme).map_err(|e| e.to_string())?;
    for f in ["style.css", "index.php", "functions.php"] {
        std::fs::copy(root().join("tests/wordpress/theme").join(f), theme.join(f)).map_err(|e| e.to_string())?;
    }
    std::fs::create_dir_all(content.join("mu-plugins")).map_err(|e| e.to_string())?;
    std::fs::copy(root().join("tests/wordpress/mu-plugin.php"), content.join("mu-plugins/rc-test.php"))
        .map_err(|e| e.to_string())?;
    // The console recorder and the layout-shift watch the mu-plugin inlines first in <head>.
    let recorder = format!("{}\n{}", crate::webdriver::RECORDER, crate::first_paint::WATCH);
    std::fs::write(dir.join("recorder.js"), recorder).map_err(|e| e.to_string())?;

    // PHP's built-in server on a free port, four workers.
    let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map_err(|e| e.to_string())?.port();
    let base = format!("http://127.0.0.1:{port}");
    let widget = widget_base();
    let env = |cmd: &mut Command| {
        cmd.env("RC_WP_DIR", &dir).env("RC_WP_URL", &base).env("RC_WIDGET_URL", &widget);
    };
    let mut php = Command::new(PHP);
    php.args(["-S", &format!("127.0.0.1:{port}"), "-t", WORDPRESS])
        .arg(root().join("tests/wordpress/router.php"))
        .env("PHP_CLI_SERVER_WORKERS", "4")
        .stdout(log_file("php.out")?)
        .stderr(log_file("php.err")?);
    env(&mut php);
    state["php"] = json!(spawn(&mut php)?);
    write_state(&state)?;

    let mut setup = Command::new(PHP);
    setup.arg(root().join("tests/wordpress/setup.php"));
    env(&mut setup);
    let out = setup.output().map_err(|e| format!("php setup.php: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "setup.php failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let made: Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("setup.php printed no JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))?;
    wait(Duration::from_secs(30), "WordPress on {base}", || {
        http_get(&format!("{base}/wp-login.php")).is_ok_and(|(status, _)| status == 200)
    })?;
    state["base"] = json!(base);
    state["made"] = made.clone();
    write_state(&state)?;
    Ok(WordPress { base, made })
}

/// Starts a process in a process group of its own (a Ctrl-C of the test
/// leaves it to [`stop`]); its pid.
fn spawn(cmd: &mut Command) -> Result<u32, String> {
    use std::os::unix::process::CommandExt;
    cmd.stdin(Stdio::null()).process_group(0);
    cmd.spawn().map(|c| c.id()).map_err(|e| format!("{:?}: {e}", cmd.get_program()))
}

fn write_state(state: &Value) -> Result<(), String> {
    std::fs::write(dir().join("state.json"), serde_json::to_string_pretty(state).expect("json"))
        .map_err(|e| format!("state.json: {e}"))
}

fn wait(limit: Duration, what: &str, mut ready: impl FnMut() -> bool) -> Result<(), String> {
    let start = Instant::now();
    while !ready() {
        if start.elapsed() > limit {
            return Err(format!("{what} not ready after {limit:?} (logs in target/wordpress/)"));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    Ok(())
}

/// A plain HTTP/1.0 GET of an `http://127.0.0.1…` URL: the status and the body.
pub fn http_get(url: &str) -> Result<(u16, String), String> {
    let rest = url.strip_prefix("http://").ok_or("not an http:// URL")?;
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let path = if path.is_empty() { "/" } else { path };
    // One write: php -S closes a connection whose request comes in pieces.
    let request = format!("GET {path} HTTP/1.0\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    let mut stream = TcpStream::connect(host).map_err(|e| e.to_string())?;
    stream.set_read_timeout(Some(Duration::from_secs(60))).map_err(|e| e.to_string())?;
    stream.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).ok_or("no status line")?;
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    Ok((status, body))
}
