//! Installs what the build and the tests need, at pinned versions, skipping
//! whatever is already there. Safe to run again and again.

use std::path::Path;
use std::process::Command;

use crate::{root, run, tool_path, Result};

pub const TRUNK_VERSION: &str = "0.21.14";
/// geckodriver from crates.io (Firefox's WebDriver; about 6 minutes to build on 2 cores, once).
pub const GECKODRIVER_VERSION: &str = "0.37.1";
pub use e2e::webdriver::{CHROMEDRIVER, CHROMIUM, FIREFOX, MINIBROWSER, WEBKIT_DRIVER};
pub use e2e::xvfb::XVFB;

/// What to install besides the build tools.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Build,
    Browser,
}

/// The cargo tools build (CPU-bound: minutes on a bare machine) while npm and
/// apt download and unpack (network- and disk-bound) in a second thread.
pub fn install(need: Need) -> Result<()> {
    let packages = std::thread::spawn(move || -> std::result::Result<(), String> {
        npm_tools().map_err(|e| e.to_string())?;
        if need == Need::Browser {
            browsers().map_err(|e| e.to_string())?;
        }
        Ok(())
    });
    let tools = cargo_tools(need);
    packages.join().map_err(|_| "the npm and apt installs panicked")??;
    tools
}

/// Rust's wasm target and the tools built with `cargo install`.
fn cargo_tools(need: Need) -> Result<()> {
    wasm_target()?;
    cargo_tool("trunk", TRUNK_VERSION, &["--locked"])?;
    cargo_tool("wasm-bindgen-cli", &wasm_bindgen_version()?, &[])?;
    if need == Need::Browser {
        cargo_tool("geckodriver", GECKODRIVER_VERSION, &["--locked"])?;
    }
    Ok(())
}

fn output(cmd: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(cmd).args(args).env("PATH", tool_path()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn wasm_target() -> Result<()> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

/// The `wasm-bindgen` version in Cargo.lock: the CLI must equal it exactly.
pub fn wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen".into())
}

/// `cargo install` a tool unless `<bin> --version` already reports `version`.
fn cargo_tool(package: &str, version: &str, extra: &[&str]) -> Result<()> {
    let bin = if package == "wasm-bindgen-cli" { "wasm-bindgen" } else { package };
    if output(bin, &["--version"]).is_some_and(|v| v.split_whitespace().any(|w| w == version)) {
        return Ok(());
    }
    eprintln!("xtask: installing {package} {version} (a few minutes, once)");
    let mut cmd = Command::new("cargo");
    cmd.args(["install", package, "--version", version]).args(extra);
    run(&mut cmd)
}

/// wasm-opt (binaryen; Debian's is too old for today's rustc), esbuild (bundles
/// and minifies the JS) and csso (the CSS), axe-core, and stylelint with its two browser-support plugins.
fn npm_tools() -> Result<()> {
    let tools = root().join("tools");
    let wanted = [
        "node_modules/.bin/wasm-opt",
        "node_modules/axe-core",
        "node_modules/.bin/stylelint",
        "node_modules/stylelint-plugin-use-baseline",
        "node_modules/.bin/esbuild",
        "node_modules/.bin/csso",
    ];
    if wanted.iter().all(|p| tools.join(p).exists()) {
        return Ok(());
    }
    if output("npm", &["--version"]).is_none() {
        apt(&["nodejs", "npm"])?;
    }
    eprintln!("xtask: installing npm tools (tools/package-lock.json)");
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&tools))
}

/// The three engines the page tests run in, from Debian (nothing downloads a
/// browser build; geckodriver comes from crates.io), and WordPress: each
/// skipped if present.
fn browsers() -> Result<()> {
    let wanted = [
        (CHROMIUM, "chromium"),
        (CHROMEDRIVER, "chromium-driver"),
        (FIREFOX, "firefox-esr"),
        (WEBKIT_DRIVER, "webkit2gtk-driver"),
        (MINIBROWSER, "libwebkit2gtk-4.1-0"),
        (XVFB, "xvfb"),
    ];
    let missing: Vec<&str> = wanted.iter().filter(|(path, _)| !Path::new(path).exists()).map(|(_, pkg)| *pkg).collect();
    if !missing.is_empty() {
        apt(&missing)?;
    }
    wordpress()
}

/// The real WordPress of the page tests (`e2e::wordpress`): Debian's
/// `wordpress` (6.1), PHP and MariaDB, when any is missing. nginx and
/// php8.2-fpm are named before `wordpress` so that apt takes them for its
/// web-server dependency instead of pulling in apache2; none is started as a
/// service (the tests start `mariadbd` and `php -S` themselves).
fn wordpress() -> Result<()> {
    use e2e::wordpress::{MARIADBD, PHP, WORDPRESS};
    let mysql = "/etc/php/8.2/mods-available/mysqli.ini";
    let wanted = [PHP, MARIADBD, mysql, WORDPRESS];
    if wanted.iter().all(|p| Path::new(p).exists()) {
        return Ok(());
    }
    apt(&["nginx", "php8.2-fpm", "php8.2-cli", "wordpress", "mariadb-server", "php8.2-mysql"])
}

fn apt(packages: &[&str]) -> Result<()> {
    eprintln!("xtask: installing {} with apt-get", packages.join(" "));
    let sudo = output("id", &["-u"]).is_some_and(|u| u.trim() != "0");
    let apt = |args: &[&str]| {
        let mut cmd = if sudo { Command::new("sudo") } else { Command::new("apt-get") };
        if sudo {
            cmd.arg("apt-get");
        }
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    apt(&["update", "-q"])?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend(packages);
    apt(&args)
}
