//! `cargo xtask serve | test | dist | bench`: the project's one entry point.

mod bench;
mod catalogue;
mod dist;
mod first_paint;
mod fixture;
mod floor;
mod install;
mod package;
mod pages;
mod prerender;
mod server_modules;
#[cfg(test)]
mod snapshots;
mod wordpress;

use std::path::{Path, PathBuf};
use std::process::Command;

use install::{install, Need};

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

const USAGE: &str = "usage: cargo xtask <command>

  serve   install what is missing, build, serve on http://127.0.0.1:8080
  test    install what is missing (Chromium, Firefox, WebKit too), run every
          test; page tests in each engine (E2E_ENGINES=firefox,… picks some)
  lint    cargo fmt --check and cargo clippy -D warnings, native and wasm32
          (the first step of test)
  page-tests
          the floor check and the page tests on the dist/ already built
          (as in test; E2E_ENGINES=webkit,… picks engines)
  dist [--base-url URL]
          build the release into dist/ and print its sizes; with the URL
          dist/ is published at (https://example.org/careers/), the pages
          give canonical and hreflang links and og:url, and sitemap.xml is written
  package [--base-url URL]
          build the release (as dist) and write target/package/role-compare-<version>.tgz
          (npm) and .zip, with package.json, custom-elements.json and the types,
          and the WordPress plugin, target/package/role-compare-wordpress-<version>.zip
  consumers [--built]
          package (--built: the dist/ already built), then ready the consumer
          projects in tests/consumers/ (npm ci, the tarball installed, tsc
          --noEmit, the builds of Vite, esbuild, webpack, Astro and Next.js)
  dist-fixture
          build the widget with the right-to-left test dataset
          (tests/fixtures/rtl-ar.json) into target/dist-rtl/
  schema  write assets/catalogue.schema.json from the catalogue's Rust types
  convert FILE…
          rewrite 0.2 single-comparison dataset files as catalogues
  bench   size, paint, toggle cost and memory against a static page
          and a minimal Yew app (BENCHMARKS.md); the catalogue's scale too
  bench-pages
          the bench without the catalogue's scale: the pages, the host
          article, the first paint and their budgets
  bench-scale
          only the catalogue's scale: the element built with one comparison,
          the shipped catalogue and a generated one of 24 roles, into
          target/bench/scale-*/; bytes, budgets, build times; and the
          time of dist with the shipped catalogue against one comparison
          (BENCHMARKS.md)
  dist-into DIR
          dist's release build into DIR (not dist/), timed: the bench runs
          it with ROLE_COMPARE_DATASET for a one-comparison dist";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(),
        Some("test") => test(),
        Some("lint") => lint(),
        Some("dist") => base_url(&args[1..])
            .and_then(|base| install(Need::Build).and_then(|_| dist::dist_at(base.as_ref())))
            .map(|report| println!("{report}")),
        Some("page-tests") => install(Need::Browser).and_then(|_| floor::check()).and_then(|_| pages::run_all()),
        Some("package") => base_url(&args[1..])
            .and_then(|base| install(Need::Build).and_then(|_| package::package(base.as_ref())))
            .map(|p| println!("{p}")),
        Some("consumers") => install(Need::Build)
            .and_then(|_| match args.get(1).map(String::as_str) {
                // The dist/ already built (as page-tests), e.g. after `cargo xtask dist`.
                Some("--built") => package::package_dist(),
                None => package::package(None),
                Some(other) => Err(format!("unknown argument {other:?}\n\n{USAGE}").into()),
            })
            .and_then(|p| {
                println!("{p}");
                package::consumers(&p)
            }),
        Some("dist-fixture") => install(Need::Build).and_then(|_| dist::fixture()),
        Some("install") => install(Need::Browser),
        Some("schema") => catalogue::write_schema(),
        Some("convert") => catalogue::convert(&args[1..]),
        Some("bench") => install(Need::Browser).and_then(|_| bench::bench()),
        Some("dist-into") => match args.get(1) {
            Some(dir) => bench::scale::timed_dist_into(&root().join(dir)),
            None => Err("dist-into needs a directory (relative to the workspace root)".into()),
        },
        Some("bench-scale") => install(Need::Build).and_then(|_| bench::bench_scale()),
        Some("bench-pages") => install(Need::Browser).and_then(|_| bench::bench_pages()),
        _ => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    };
    if let Err(e) = result {
        eprintln!("xtask: error: {e}");
        std::process::exit(1);
    }
}

/// `--base-url URL` (or `--base-url=URL`), checked, from a command's
/// arguments; `None` without it; an error for any other argument.
fn base_url(args: &[String]) -> Result<Option<prerender::BaseUrl>> {
    let mut base = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let url = if arg == "--base-url" {
            args.next().ok_or("--base-url needs a URL, e.g. --base-url https://example.org/careers/")?.as_str()
        } else if let Some(url) = arg.strip_prefix("--base-url=") {
            url
        } else {
            return Err(format!("unknown argument {arg:?}\n\n{USAGE}").into());
        };
        base = Some(prerender::BaseUrl::parse(url)?);
    }
    Ok(base)
}

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

/// PATH with the project's tools first: npm's wasm-opt, cargo's installs.
pub fn tool_path() -> String {
    let mut dirs = vec![root().join("tools/node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        dirs.push(home.join("bin"));
    }
    dirs.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    std::env::join_paths(dirs).expect("paths join").to_string_lossy().into_owned()
}

/// Runs a command in the workspace root with the tools on PATH; fails on a non-zero exit.
pub fn run(cmd: &mut Command) -> Result<()> {
    if cmd.get_current_dir().is_none() {
        cmd.current_dir(root());
    }
    cmd.env("PATH", tool_path());
    let status = cmd.status().map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
    if !status.success() {
        return Err(
            format!("{:?} {:?} failed ({status})", cmd.get_program(), cmd.get_args().collect::<Vec<_>>()).into()
        );
    }
    Ok(())
}

/// Builds dist/ and serves it as it ships: the page, the loader for
/// `<role-compare>`, the stand-alone file, and the host pages of the tests
/// under /hosts/ (e.g. /hosts/blank.html shows the custom element).
fn serve() -> Result<()> {
    install(Need::Build)?;
    let report = dist::dist()?;
    println!("{report}");
    let server = e2e::Server::start_on("127.0.0.1:8080", root().join("dist"), root().join("tests/e2e/hosts"))
        .map(e2e::Server::without_recorder)
        .map_err(|e| format!("cannot listen on 127.0.0.1:8080: {e}"))?;
    eprintln!(
        "xtask: serving dist/ on {}/ (the custom element: {}/hosts/blank.html). Ctrl-C stops.",
        server.base, server.base
    );
    loop {
        std::thread::park();
    }
}

fn test() -> Result<()> {
    install(Need::Browser)?;
    lint()?;
    step("native tests: dataset validation, state, server-side rendering");
    run(Command::new("cargo").args(["test", "--workspace", "--exclude", "e2e"]))?;
    step("browser tests: wasm-bindgen-test in headless Chromium");
    run(Command::new("cargo")
        .args(["test", "--target", "wasm32-unknown-unknown", "--test", "browser"])
        .env("CHROMEDRIVER", install::CHROMEDRIVER))?;
    step("a broken dataset fails the build, naming the field");
    broken_dataset_fails_the_build()?;
    step("release build into dist/");
    let report = dist::dist()?;
    println!("{report}");
    step("npm package and zip into target/package/");
    let packaged = package::package_dist()?;
    println!("{packaged}");
    step("consumer projects: npm ci, the tarball installed, tsc --noEmit (strict), vite build");
    package::consumers(&packaged)?;
    step("debug build with the right-to-left test dataset into target/dist-rtl/");
    dist::fixture()?;
    step("CSS and wasm against the browser floor (README: Browser support)");
    floor::check()?;
    step("page tests: dist/ served on 127.0.0.1, in Chromium, Firefox ESR and WebKitGTK (WebDriver)");
    pages::run_all()
}

/// `cargo fmt --check` and clippy with warnings as errors, natively (every
/// crate of the workspace, tests included) and for the wasm (the widget).
fn lint() -> Result<()> {
    step("cargo fmt --check; cargo clippy -D warnings (native and wasm32)");
    run(Command::new("cargo").args(["fmt", "--all", "--check"]))?;
    run(Command::new("cargo").args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    // The wasm: every target of the default features, then each way in
    // alone, as dist/ ships them (the element, the page).
    let wasm_clippy = |args: &[&str]| {
        run(Command::new("cargo")
            .args(["clippy", "-p", "role-compare", "--target", "wasm32-unknown-unknown"])
            .args(args)
            .args(["--", "-D", "warnings"]))
    };
    wasm_clippy(&["--all-targets"])?;
    for features in ["element", "page"] {
        wasm_clippy(&["--bin", "role-compare", "--no-default-features", "--features", features])?;
    }
    Ok(())
}

fn step(what: &str) {
    eprintln!("\nxtask: ── {what}");
}

/// Builds with a broken dataset swapped in (a missing entry; a UI string with
/// an unknown placeholder, second to a good dataset), each written from
/// `tests/fixtures/broken.json` (the shipped dataset with a JSON Patch) into
/// `target/broken/`: the build must fail and say where.
fn broken_dataset_fails_the_build() -> Result<()> {
    // What each must say comes from its case: the file, the field's path, the fault.
    let (missing, missing_error) = broken_dataset("missing-entry")?;
    let (placeholder, placeholder_error) = broken_dataset("ui-bad-placeholder")?;
    let cases = [(missing, missing_error), (format!("assets/roles.json,{placeholder}"), placeholder_error)];
    for (datasets, expected) in cases {
        let out = Command::new("cargo")
            .args(["check", "--lib", "--quiet"])
            .env("ROLE_COMPARE_DATASET", &datasets)
            .env("PATH", tool_path())
            .current_dir(root())
            .output()?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.success() || !stderr.contains(expected.as_str()) {
            return Err(format!("the build with {datasets} should fail saying {expected:?}; it said:\n{stderr}").into());
        }
        println!("ok: the build with {datasets} failed with: {expected}");
    }
    Ok(())
}

/// Writes the broken dataset `name` of `tests/fixtures/broken.json` under
/// `target/broken/`; its path relative to the workspace root, and the start of
/// the error the build must print (`file: path: fault`).
fn broken_dataset(name: &str) -> Result<(String, String)> {
    let read = |file: &str| -> Result<serde_json::Value> {
        Ok(serde_json::from_str(&std::fs::read_to_string(root().join(file))?)?)
    };
    let cases = read("tests/fixtures/broken.json")?;
    let case = cases["cases"]
        .as_array()
        .and_then(|cases| cases.iter().find(|c| c["name"] == name))
        .ok_or_else(|| format!("tests/fixtures/broken.json has no case {name:?}"))?;
    let patch: json_patch::Patch = serde_json::from_value(case["patch"].clone())?;
    let mut dataset = read("assets/roles.json")?;
    json_patch::patch(&mut dataset, &patch)?;
    let file = format!("target/broken/{name}.json");
    std::fs::create_dir_all(root().join("target/broken"))?;
    std::fs::write(root().join(&file), serde_json::to_string_pretty(&dataset)?)?;
    let field = |key: &str| case[key].as_str().unwrap_or_default().to_owned();
    let error = format!("{file}: {}: {}", field("path"), field("fault"));
    Ok((file, error))
}
