//! The release as a web developer without Rust gets it (`cargo xtask
//! package`, then `cargo xtask consumers` readies tests/consumers/; `cargo
//! xtask test` runs both first): the npm tarball installed into a plain page
//! and into a React 19 app built with Vite, an app bundled by esbuild, and
//! the zip unzipped under a sub-path of a static server; the loader's
//! `ready`.

use std::path::PathBuf;

use e2e::dataset::{categories as all_ids, category, salary, skills};
use e2e::{browser, root, screenshots, Browser, Server, Widget};
use serde_json::{json, Value};

/// The staged package's package.json (what the tarball and the zip hold).
fn package_json() -> Value {
    let path = root().join("target/package/role-compare/package.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!("{} is missing: run `cargo xtask consumers` (cargo xtask test does)", path.display())
    });
    serde_json::from_str(&text).expect("package.json parses")
}

/// A consumer project's folder, checked to be ready.
fn consumer(path: &str, ready: &str) -> PathBuf {
    let dir = root().join(path);
    assert!(
        dir.join(ready).exists(),
        "{} is missing: run `cargo xtask consumers` (cargo xtask test does)",
        dir.join(ready).display()
    );
    dir
}

/// A consumer's folder served at `/`, `page` opened in a new browser and the
/// widgets with these ids live; returns the server (keep it alive) and the browser.
fn open(dir: &std::path::Path, page: &str, ids: &[&str]) -> (Server, Browser) {
    let s = Server::start(dir.to_path_buf(), dir.to_path_buf());
    let b = browser();
    b.goto(&s.url(page));
    for id in ids {
        Widget::id(&b, id).wait_live();
    }
    (s, b)
}

fn strings(v: Value) -> Vec<String> {
    serde_json::from_value(v).unwrap_or_default()
}

fn assert_clean(b: &Browser) {
    b.console().assert_clean();
}

/// A `<role-compare>` by id, as a script of the host page works it: its
/// properties and attributes.
struct Element<'b> {
    b: &'b Browser,
    id: &'static str,
}

/// JS: the element with id `arguments[0]`: reads the properties named
/// `arguments[1]`, or (null) sets property `arguments[2]` to `arguments[3]`.
const PROPERTIES: &str = "const [id, read, name, value] = arguments; const el = document.getElementById(id);
if (read === null) { el[name] = value; return null; }
return read.map((name) => el[name]);";

impl Element<'_> {
    /// Its properties `names`, as a list.
    fn props(&self, names: &[&str]) -> Value {
        self.b.eval(PROPERTIES, json!([self.id, names]))
    }

    fn prop(&self, name: &str) -> Value {
        self.props(&[name])[0].clone()
    }

    /// Sets a property, as `el.name = value`.
    fn set(&self, name: &str, value: Value) {
        self.b.eval(PROPERTIES, json!([self.id, null, name, value]));
    }

    /// An attribute (null: absent).
    fn attribute(&self, name: &str) -> Value {
        self.b.eval("return document.getElementById(arguments[0]).getAttribute(arguments[1]);", json!([self.id, name]))
    }

    /// The attribute and the property that reflects it.
    fn reflected(&self, attribute: &str, property: &str) -> Value {
        json!([self.attribute(attribute), self.prop(property)])
    }
}

/// The `view` (and the event's `detail`) of the default comparison with
/// these categories shown.
fn view(categories: Value, highlight: bool) -> Value {
    let d = role_compare::data::baked();
    let roles: Vec<&str> = d.roles.iter().map(|r| r.id.as_ref()).collect();
    json!({"categories": categories, "highlight": highlight, "roles": roles, "comparison": d.comparison.as_deref(), "answers": []})
}

#[test]
fn package_json_declares_the_loader_types_manifest_and_named_subpaths() {
    let p = package_json();
    let staged = root().join("target/package/role-compare");
    let version = p["version"].as_str().unwrap();
    assert!(root().join(format!("target/package/role-compare-{version}.tgz")).exists());
    assert!(root().join(format!("target/package/role-compare-{version}.zip")).exists());
    assert_eq!(p["name"], "role-compare");
    assert_eq!(p["type"], "module");
    assert_eq!(p["customElements"], "custom-elements.json");
    assert_eq!(p["exports"]["."]["default"], "./role-compare.js");
    assert_eq!(p["exports"]["."]["types"], p["types"]);
    for (subpath, target) in p["exports"].as_object().unwrap() {
        let file = target.as_str().or_else(|| target["default"].as_str()).unwrap();
        let path = staged.join(file.trim_start_matches("./"));
        // A subpath pattern (`./fallback/*`): its folder holds files.
        let present = match file.strip_suffix("/*") {
            Some(folder) => std::fs::read_dir(staged.join(folder.trim_start_matches("./")))
                .is_ok_and(|mut entries| entries.next().is_some()),
            None => path.is_file(),
        };
        assert!(present, "export {subpath} → {file} is not in the package");
    }
    for named in ["./role-compare.css", "./fallback.html", "./standalone.html"] {
        assert!(p["exports"].get(named).is_some(), "no export {named}");
    }
    let files = strings(p["files"].clone());
    // The element's full build, and the page's own build for each language.
    for wasm in ["role-compare-", "page-en-", "page-es-"] {
        assert!(files.iter().any(|f| f.starts_with(wasm) && f.ends_with("_bg.wasm")), "no {wasm}*_bg.wasm: {files:?}");
    }
    assert!(files.contains(&"role-compare.d.ts".to_owned()), "{files:?}");
    assert!(strings(p["sideEffects"].clone()).contains(&"./role-compare.js".to_owned()));
    let changelog = std::fs::read_to_string(root().join("CHANGELOG.md")).unwrap();
    assert!(changelog.contains(&format!("## [{version}]")), "CHANGELOG.md has no entry for {version}");
}

/// The plain page: the tarball installed with npm, the element loaded from
/// node_modules/role-compare/. One element set by attributes, one by
/// properties set before the element was defined.
#[test]
fn plain_page_loads_the_installed_package_and_its_attributes_and_properties_work() {
    let dir = consumer("tests/consumers/plain", "node_modules/role-compare/role-compare.js");
    let (s, b) = open(&dir, "/index.html", &["by-attributes", "by-properties"]);
    let requests = s.requests();
    assert!(
        requests.iter().any(|r| r.starts_with("/node_modules/role-compare/") && r.ends_with("_bg.wasm")),
        "{requests:?}"
    );

    // Attributes.
    let a = Widget::id(&b, "by-attributes");
    assert_eq!(a.sections(), [category("education"), salary()]);
    assert_eq!(a.theme().as_deref(), Some("dark"));

    // Properties set before the element was defined were taken over.
    assert_eq!(b.eval("return window.setBeforeDefine;", json!([])), json!(true));
    let p = Widget::id(&b, "by-properties");
    assert_eq!(p.sections(), [skills(), salary()]);
    assert_eq!(
        b.eval(
            "const el = document.getElementById('by-properties');
             return [el.getAttribute('categories'), el.getAttribute('theme'), el.hasAttribute('highlight'), Object.hasOwn(el, 'categories')];",
            json!([])
        ),
        json!(["skills,salary", "dark", true, false])
    );
    p.wait_highlighted(true);
    assert_clean(&b);

    // The element's properties are the manifest's members, its observed attributes the manifest's attributes.
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("node_modules/role-compare/custom-elements.json")).unwrap(),
    )
    .unwrap();
    let decl = &manifest["modules"][0]["declarations"][0];
    let names = |list: &Value| -> Vec<String> {
        list.as_array().unwrap().iter().map(|v| v["name"].as_str().unwrap().to_owned()).collect()
    };
    let observed = strings(b.eval("return customElements.get('role-compare').observedAttributes;", json!([])));
    let mut expected = names(&decl["attributes"]);
    let mut observed_sorted = observed.clone();
    expected.sort();
    observed_sorted.sort();
    assert_eq!(observed_sorted, expected);
    for member in names(&decl["members"]) {
        let has = b.eval("const d = Object.getOwnPropertyDescriptor(customElements.get('role-compare').prototype, arguments[0]); return d ? [!!d.get, !!d.set] : null;", json!([member]));
        let readonly =
            decl["members"].as_array().unwrap().iter().any(|m| m["name"] == member.as_str() && m["readonly"] == true);
        assert_eq!(has, json!([true, !readonly]), "property {member}");
    }
}

/// The module script of [`ready_outcome`]'s page: imports `ready` from the
/// loader its query names and records, the moment it settles, what exists.
const READY_MODULE: &str = "const { ready } = await import(new URL(import.meta.url).search.slice(1));
const el = document.getElementById('w');
const now = () => ({ defined: customElements.get('role-compare') !== undefined,
                     view: el.view ? { categories: el.view.categories, highlight: el.view.highlight } : null });
ready.then(() => { window.outcome = JSON.stringify({ resolved: now() }); },
           (e) => { window.outcome = JSON.stringify({ rejected: e instanceof Error && e.message, at: now() }); });
";

/// A page of the plain consumer whose module script imports `ready` from
/// `loader` and records, the moment it settles, what exists: whether the
/// element is defined and its `view`'s categories and highlight (and the
/// rejection's message). Returns the browser once it has settled, and what it recorded.
fn ready_outcome(s: &Server, name: &str, loader: &str) -> (Browser, Value) {
    s.add_page("/ready-outcome.js", READY_MODULE.to_owned());
    s.add_page(
        &format!("/{name}.html"),
        format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{name}</title>\
             <script type=\"module\" src=\"/ready-outcome.js?{loader}\"></script></head>\
             <body><role-compare id=\"w\" categories=\"salary,skills\"></role-compare></body></html>"
        ),
    );
    let b = browser();
    b.goto(&s.url(&format!("/{name}.html")));
    // As JSON: an object of the page does not cross into Firefox's WebDriver sandbox.
    let outcome = serde_json::from_str(b.wait_for("window.outcome").as_str().expect("JSON")).expect("JSON");
    (b, outcome)
}

/// `import { ready } from "role-compare"`: it resolves when the element is
/// defined, its `view` there (its widget goes live then); nothing is logged.
#[test]
fn ready_resolves_once_the_element_is_defined_and_its_view_works() {
    let dir = consumer("tests/consumers/plain", "node_modules/role-compare/role-compare.js");
    let s = Server::start(dir.clone(), dir);
    let (b, outcome) = ready_outcome(&s, "ready", "/node_modules/role-compare/role-compare.js");
    let view = json!({"categories": ["skills", "salary"], "highlight": false});
    assert_eq!(outcome, json!({"resolved": {"defined": true, "view": view}}));
    let w = Widget::id(&b, "w");
    w.wait_live();
    assert_eq!(w.sections(), [skills(), salary()]);
    assert_clean(&b);
}

/// When the wasm is missing, `ready` rejects with the one `role-compare:`
/// error the console shows (no second error, no unhandled rejection), and
/// the element is not defined.
#[test]
fn ready_rejects_with_the_start_error_when_the_wasm_is_missing() {
    let dir = consumer("tests/consumers/plain", "node_modules/role-compare/role-compare.js");
    let s = Server::start(dir.clone(), dir.clone());
    let package = dir.join("node_modules/role-compare");
    let wasm = std::fs::read_dir(&package)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("role-compare-") && n.ends_with("_bg.wasm"))
        .expect("the package's wasm");
    let missing = wasm.replace("_bg.wasm", "_bg-missing.wasm");
    let loader = std::fs::read_to_string(package.join("role-compare.js")).unwrap();
    let edited = loader.replace(&format!("{wasm}\""), &format!("{missing}\""));
    assert_ne!(edited, loader, "the loader names its wasm");
    // Beside the real loader, so that its relative imports resolve.
    s.add_page("/node_modules/role-compare/role-compare-404.js", edited);
    let (b, outcome) = ready_outcome(&s, "ready-404", "/node_modules/role-compare/role-compare-404.js");
    // A task and a frame more, for any second message.
    b.eval_async("setTimeout(() => requestAnimationFrame(() => arguments[0]()), 50);", json!([]));
    let errors = b.console().errors;
    assert_eq!(errors.len(), 1, "exactly one console.error: {errors:#?}");
    assert!(errors[0].starts_with("role-compare: ") && errors[0].contains("HTTP 404"), "{}", errors[0]);
    assert_eq!(outcome, json!({"rejected": errors[0], "at": {"defined": false, "view": null}}));
}

#[test]
fn properties_read_the_settings_reflect_to_attributes_and_warn_on_bad_values() {
    let dir = consumer("tests/consumers/plain", "node_modules/role-compare/role-compare.js");
    let (_s, b) = open(&dir, "/index.html", &["by-attributes"]);
    let w = Widget::id(&b, "by-attributes");
    let el = Element { b: &b, id: "by-attributes" };
    assert_eq!(
        el.props(&["categories", "theme", "roles", "highlight", "syncUrl"]),
        json!([[category("education"), salary()], "dark", ["ecmo-specialist", "perfusionist"], false, false])
    );

    let overview = category("overview");
    el.set("categories", json!(overview));
    assert_eq!(el.attribute("categories"), json!(overview));
    w.wait_section_count(1);
    assert_eq!(w.sections(), [overview]);
    el.set("categories", json!([skills(), salary()]));
    assert_eq!(el.reflected("categories", "categories"), json!(["skills,salary", [skills(), salary()]]));
    w.wait_section_count(2);

    el.set("roles", json!(["perfusionist"]));
    assert_eq!(el.reflected("roles", "roles"), json!(["perfusionist", ["perfusionist", "ecmo-specialist"]]));
    el.set("theme", json!("light"));
    w.wait_theme("light");
    el.set("highlight", json!(true));
    assert_eq!(el.reflected("highlight", "highlight"), json!(["", true]));
    w.wait_highlighted(true);
    // The view has the columns `roles` asked for: perfusionist first.
    let ordered = |categories: Value, highlight: bool| {
        let mut v = view(categories, highlight);
        v["roles"] = json!(["perfusionist", "ecmo-specialist"]);
        v
    };
    assert_eq!(el.prop("view"), ordered(json!([skills(), salary()]), true));
    el.set("highlight", json!(false));
    assert_eq!(el.attribute("highlight"), Value::Null, "no highlight attribute");
    w.wait_highlighted(false);
    el.set("syncUrl", json!(true));
    assert_eq!(json!([el.attribute("sync-url").is_string(), el.prop("syncUrl")]), json!([true, true]));
    el.set("syncUrl", json!(false));
    assert_clean(&b);

    // The reader's view, and the event's detail, are the same shape.
    b.eval(
        "document.getElementById('by-attributes').addEventListener('role-compare-change', (e) => window.lastDetail = e.detail);",
        json!([]),
    );
    w.toggle(salary());
    b.wait_for("window.lastDetail");
    assert_eq!(b.eval("return window.lastDetail;", json!([])), ordered(json!([skills()]), false));
    assert_eq!(el.prop("view"), ordered(json!([skills()]), false));

    // Bad values: one warning each naming it, the default applies, nothing throws.
    el.set("theme", json!("purple"));
    w.wait_theme("auto");
    assert_eq!(el.prop("theme"), json!("auto"));
    el.set("categories", json!(42));
    let categories = el.prop("categories");
    assert_eq!(
        json!([el.attribute("categories").is_string(), categories.as_array().map(Vec::len)]),
        json!([false, all_ids().len()])
    );
    el.set("highlight", json!("yes"));
    assert_eq!(el.prop("highlight"), json!(false));
    el.set("categories", Value::Null);
    let e2e::Console { warnings, errors, .. } = b.console();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    for (name, value) in [("theme", "purple"), ("categories", "42"), ("highlight", "yes")] {
        assert!(
            warnings.iter().any(|w| w.starts_with("role-compare:") && w.contains(name) && w.contains(value)),
            "{name}={value}: {warnings:?}"
        );
    }
}

/// The React 19 app (tests/consumers/react), built by `vite build`: the
/// widget from the bundled assets, attributes and a prop, the event, a remount
/// on a client-side route change, no console error.
#[test]
fn react_app_built_with_vite_renders_the_bundled_widget_and_remounts_cleanly() {
    let (s, b) = open(&consumer("tests/consumers/react/dist", "index.html"), "/", &["widget"]);
    let w = Widget::id(&b, "widget");
    // The wasm came out of the bundle (Vite's assets/), not from node_modules.
    let requests = s.requests();
    assert!(requests.iter().any(|r| r.starts_with("/assets/") && r.ends_with(".wasm")), "{requests:?}");
    assert!(!requests.iter().any(|r| r.contains("node_modules")), "{requests:?}");

    // categories="salary,skills" theme="dark"
    assert_eq!(w.sections(), [skills(), salary()]);
    assert_eq!(w.theme().as_deref(), Some("dark"));

    // highlight through a prop.
    b.eval("document.getElementById('highlight').click();", json!([]));
    w.wait_highlighted(true);
    assert_eq!(b.eval("return document.getElementById('widget').highlight;", json!([])), json!(true));

    // role-compare-change reaches the app's listener.
    w.toggle(salary());
    b.wait_for("document.getElementById('changes').textContent === '1'");
    let last: Value = serde_json::from_str(
        b.eval("return document.getElementById('last-change').textContent;", json!([])).as_str().unwrap(),
    )
    .unwrap();
    assert_eq!(last, view(json!([skills()]), true));

    // A client-side route change unmounts the element; coming back mounts a new one.
    b.eval("window.sameDocument = true; document.getElementById('nav-about').click();", json!([]));
    b.wait_for("document.getElementById('about') && !document.querySelector('role-compare')");
    b.eval("document.getElementById('nav-compare').click();", json!([]));
    w.wait_live();
    assert_eq!(b.eval("return window.sameDocument === true && location.pathname;", json!([])), json!("/"));
    assert_eq!(w.sections(), [skills(), salary()], "the new element starts from its attributes");
    assert_eq!(w.count(".rc"), 1);
    w.toggle(skills());
    b.wait_for("document.getElementById('changes').textContent === '1'");
    let last: Value = serde_json::from_str(
        b.eval("return document.getElementById('last-change').textContent;", json!([])).as_str().unwrap(),
    )
    .unwrap();
    assert_eq!(last, view(json!([salary()]), false), "one listener, on the new element");
    b.screenshot(&screenshots().join("package-react-app.png"));
    assert_clean(&b);
}

/// README's esbuild recipe (tests/consumers/esbuild): the package bundled
/// in, the wasm copied beside the bundle. As an ES module (`await ready`,
/// `highlight="true"`) and in esbuild's default format, a classic script
/// (`highlight="false"`): the widget live from the copied wasm, `view` there
/// when `ready` resolves, a click heard by the app, nothing logged.
#[test]
fn esbuild_bundles_with_the_wasm_copied_beside_them_start_in_both_formats() {
    let dir = consumer("tests/consumers/esbuild/public", "build/app.js");
    assert!(dir.join("classic/app.js").exists(), "run `cargo xtask consumers`");
    for (page, folder, highlight) in [("/index.html", "/build/", true), ("/classic.html", "/classic/", false)] {
        let (s, b) = open(&dir, page, &["widget"]);
        let requests = s.requests();
        assert!(requests.iter().any(|r| r.starts_with(folder) && r.ends_with("_bg.wasm")), "{page}: {requests:?}");
        let w = Widget::id(&b, "widget");
        assert_eq!(w.sections(), [skills(), salary()], "{page}");
        // The view's categories and highlight (the fields this test is about).
        let picked = |text: Value| {
            let v: Value = serde_json::from_str(text.as_str().unwrap()).unwrap();
            json!({"categories": v["categories"], "highlight": v["highlight"]})
        };
        let view = b.wait_for("document.getElementById('view').textContent");
        assert_eq!(
            picked(view),
            json!({"categories": [skills(), salary()], "highlight": highlight}),
            "{page}: the view when ready resolved"
        );
        assert_eq!(w.highlighted(), highlight, "{page}");
        w.toggle(salary());
        let last = b.wait_for("document.getElementById('last-change').textContent");
        assert_eq!(picked(last), json!({"categories": [skills()], "highlight": highlight}), "{page}");
        assert_clean(&b);
    }
}

/// The zip unzipped under /widgets/role-compare/<version>/ of a static
/// server: the custom element, the iframe page and the stand-alone file.
#[test]
fn zip_under_a_sub_path_serves_the_three_ways_in() {
    let version = package_json()["version"].as_str().unwrap().to_owned();
    let base = format!("/widgets/role-compare/{version}");
    let dir = consumer("target/consumers/zip", &format!("widgets/role-compare/{version}/role-compare.js"));
    let s = Server::start(dir.clone(), dir);
    s.add_page(
        "/element.html",
        format!("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Element</title><script type=\"module\" src=\"{base}/role-compare.js\"></script></head><body><role-compare id=\"w\" categories=\"salary\"></role-compare></body></html>"),
    );
    s.add_page(
        "/iframe.html",
        format!("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Iframe</title></head><body><iframe src=\"{base}/index.html?categories=salary,skills\" title=\"Compare\"></iframe></body></html>"),
    );
    let b = browser();

    b.goto(&s.url("/element.html"));
    let element = Widget::id(&b, "w");
    element.wait_live();
    assert_eq!(element.sections(), [salary()]);
    assert_clean(&b);

    let page = Widget::page(&b);
    b.goto(&s.url("/iframe.html"));
    b.switch_frame(json!(0));
    page.wait_live();
    assert_eq!(page.sections(), [skills(), salary()]);
    assert_clean(&b);
    b.switch_frame(Value::Null);

    b.goto(&s.url(&format!("{base}/role-compare-standalone.html")));
    page.wait_live();
    assert_eq!(page.sections(), all_ids());
    assert_clean(&b);
    let requests = s.requests();
    assert!(
        requests
            .iter()
            .all(|r| r.starts_with(&base) || r == "/element.html" || r == "/iframe.html" || r == "/favicon.ico"),
        "{requests:?}"
    );
}

/// Raw and brotli bytes of dist/ files (each text file has its `.br` beside it).
fn sizes(files: &[PathBuf]) -> (u64, u64) {
    files.iter().fold((0, 0), |(raw, br), f| {
        let len = |p: &std::path::Path| std::fs::metadata(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())).len();
        (raw + len(f), br + len(&PathBuf::from(format!("{}.br", f.display()))))
    })
}

/// "12,345 bytes" or "3,461 brotli" → 12345.
fn figure(cell: &str) -> u64 {
    let digits: String = cell.chars().filter(char::is_ascii_digit).collect();
    digits.parse().unwrap_or_else(|_| panic!("no figure in {cell:?}"))
}

#[test]
fn readme_states_the_bytes_a_reader_downloads_as_dist_has_them() {
    let dist = e2e::dist();
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let section = readme.split("**What a reader downloads**").nth(1).expect("README: What a reader downloads");
    let section = &section[..section.find("\n**").expect("the section's end")];
    let row = |name: &str| -> (u64, u64) {
        let line = section
            .lines()
            .find(|l| l.starts_with("| ") && l.contains(name))
            .unwrap_or_else(|| panic!("README row {name}"));
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        (figure(cells[2]), figure(cells[3]))
    };
    let hashed = |end: &str| {
        std::fs::read_dir(&dist)
            .expect("dist/")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .find(|n| n.starts_with("role-compare-") && n.ends_with(end) && !n.ends_with(".br") && !n.ends_with(".gz"))
            .map(|n| dist.join(n))
            .unwrap_or_else(|| panic!("dist/role-compare-*{end}"))
    };
    let mut glue = vec![hashed(".js")];
    let mut stack = vec![dist.join("snippets")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).expect("dist/snippets") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "js") {
                glue.push(path);
            }
        }
    }
    let loader = sizes(&[dist.join("role-compare.js")]);
    let glue = sizes(&glue);
    let wasm = sizes(&[hashed("_bg.wasm")]);
    let all = (loader.0 + glue.0 + wasm.0, loader.1 + glue.1 + wasm.1);
    assert_eq!(row("(the loader)"), loader, "README: the loader's raw and brotli bytes");
    assert_eq!(row("(the glue)"), glue, "README: the glue's and snippets' raw and brotli bytes");
    assert_eq!(row("_bg.wasm"), wasm, "README: the wasm's raw and brotli bytes");
    assert_eq!(row("the element in all"), all, "README: the element's raw and brotli bytes");
    let css = sizes(&[dist.join("role-compare.css")]);
    let after = section.split("`role-compare.css` (").nth(1).expect("README: role-compare.css's bytes");
    let said: Vec<u64> = after.split(')').next().unwrap_or_default().split(", ").map(figure).collect();
    assert_eq!(said, [css.0, css.1], "README: role-compare.css's raw and brotli bytes");
}
