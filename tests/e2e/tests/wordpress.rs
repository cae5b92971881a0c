//! The WordPress plugin in a real WordPress (Debian's 6.1, `e2e::wordpress`):
//! installed from its zip, activated, deactivated, uninstalled and activated
//! again without a word; posts saved by an Author (kses on) with two
//! shortcodes of two comparisons, the block's saved markup, raw
//! `<role-compare>` markup and bad values. Each rendered post: every widget
//! live with its asked view, no console error, the loader fetched once,
//! nothing shifting, nothing from another host, and the content there with
//! scripts off.

use e2e::wordpress::{self, WordPress};
use e2e::{Browser, Options, Widget};
use role_compare::data::catalogues;
use serde_json::{json, Value};

fn wp() -> WordPress {
    wordpress::ensure()
}

/// The title and role ids of the catalogue's comparison `id` (English).
fn comparison(id: &str) -> (String, Vec<String>) {
    let c = &catalogues()[0];
    let item = &c.comparisons[c.comparison_ix(id).expect("a shipped comparison")];
    (item.title.to_string(), item.roles.iter().map(|&r| c.roles[r].id.to_string()).collect())
}

fn errors(b: &Browser) -> Vec<String> {
    serde_json::from_value(b.recorded()["errors"].clone()).unwrap_or_default()
}

/// Waits two frames and a little, so effects, logs and shifts have landed.
fn settle(b: &Browser) {
    b.eval_async(
        "setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => arguments[0]())), 300);",
        json!([]),
    );
}

/// The element `selector`'s `view` property (`{categories, highlight, roles, comparison}`).
fn view(b: &Browser, selector: &str) -> Value {
    b.eval("return JSON.parse(JSON.stringify(document.querySelector(arguments[0]).view));", json!([selector]))
}

/// What the page fetched and shifted: the loader's script tags and
/// resource entries, the origins of every resource, the layout shift
/// (`null` where the engine has no layout-shift entries).
fn page_facts(b: &Browser) -> Value {
    b.eval(
        "const res = performance.getEntriesByType('resource').map((e) => e.name);
         return {
           tags: document.querySelectorAll('script[src*=\"/role-compare/dist/role-compare.js\"]').length,
           fetched: res.filter((n) => new URL(n).pathname.endsWith('/role-compare/dist/role-compare.js')).length,
           origins: [...new Set(res.map((n) => new URL(n).origin))],
           shift: window.__fp && window.__fp.measured ? window.__fp.shift : null,
           shifts: window.__fp ? window.__fp.shifts : [],
         };",
        json!([]),
    )
}

fn assert_one_loader_nothing_shifted_nothing_from_elsewhere(b: &Browser, wp: &WordPress) {
    settle(b);
    let facts = page_facts(b);
    assert_eq!(facts["tags"], 1, "one loader tag: {facts:#}");
    assert_eq!(facts["fetched"], 1, "the loader fetched once: {facts:#}");
    assert_eq!(facts["origins"], json!([wp.base]), "nothing from another host: {facts:#}");
    if let Some(shift) = facts["shift"].as_f64() {
        assert!(shift <= 0.01, "layout shift {shift}: {:#}", facts["shifts"]);
    }
    assert_eq!(errors(b), Vec::<String>::new());
}

#[test]
fn the_plugin_installs_activates_deactivates_and_uninstalls_cleanly_and_its_php_is_valid() {
    let wp = wp();
    let steps: Vec<(String, String, bool)> = wp.made["lifecycle"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["step"].as_str().unwrap().into(), s["output"].as_str().unwrap().into(), s["active"] == true))
        .collect();
    let expected = [("activate", true), ("deactivate", false), ("uninstall", false), ("activate", true)];
    assert_eq!(steps.len(), expected.len());
    for ((step, output, active), (want, want_active)) in steps.iter().zip(expected) {
        assert_eq!((step.as_str(), *active), (want, want_active));
        assert_eq!(output, "", "{step} printed something");
    }
    // php -l on every PHP file of the plugin as installed, and of the test's.
    let plugin = wordpress::dir().join("wp-content/plugins/role-compare");
    let mut files = vec![plugin.join("role-compare.php"), plugin.join("uninstall.php")];
    for f in std::fs::read_dir(e2e::root().join("tests/wordpress"))
        .unwrap()
        .chain(std::fs::read_dir(e2e::root().join("tests/wordpress/theme")).unwrap())
    {
        let path = f.unwrap().path();
        if path.extension().is_some_and(|e| e == "php") {
            files.push(path);
        }
    }
    let shipped: Vec<_> = std::fs::read_dir(&plugin)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".php"))
        .collect();
    assert_eq!(shipped.len(), 2, "the plugin's PHP files: {shipped:?}");
    for file in files {
        let out = std::process::Command::new(wordpress::PHP).arg("-l").arg(&file).output().unwrap();
        assert!(out.status.success(), "php -l {}: {}", file.display(), String::from_utf8_lossy(&out.stdout));
    }
    // The plugin's header and readme carry the release's version.
    let main = std::fs::read_to_string(plugin.join("role-compare.php")).unwrap();
    assert!(main.contains(&format!(" * Version:           {}\n", role_compare::VERSION)), "{main}");
    let readme = std::fs::read_to_string(plugin.join("readme.txt")).unwrap();
    assert!(readme.starts_with("=== Role Compare ===\n"));
    assert!(readme.contains(&format!("\nStable tag: {}\n", role_compare::VERSION)));
    for section in ["== Description ==", "== Installation ==", "== Changelog =="] {
        assert!(readme.contains(section), "readme.txt has no {section}");
    }
    assert!(plugin.join("license.txt").exists() && plugin.join("dist/role-compare.js").exists());
}

#[test]
fn bad_values_leave_a_comment_and_never_another_comparison_and_a_post_without_one_loads_nothing() {
    let wp = wp();
    let (status, html) = wp.get(&wp.post("bad"));
    assert_eq!(status, 200);
    let article = html.split("<article>").nth(1).and_then(|a| a.split("</article>").next()).unwrap().to_owned();
    assert!(article.contains("<!-- role-compare: unknown comparison &quot;nurse-vs-doctor&quot;"), "{article}");
    assert!(article.contains("<!-- role-compare: unknown role &quot;surgeon&quot;"), "{article}");
    assert!(article.contains("<!-- role-compare: unknown category &quot;bogus&quot; ignored"), "{article}");
    assert!(article.contains("<!-- role-compare: theme &quot;neon&quot; ignored"), "{article}");
    // One widget: the good comparison with the good category, the default theme.
    assert_eq!(article.matches("<role-compare ").count(), 1, "{article}");
    assert!(
        article.contains(
            "<role-compare lang=\"en\" comparison=\"ecmo-specialist-vs-perfusionist\" categories=\"salary\">"
        ),
        "{article}"
    );
    // Neither other comparison appears in their place (the comments name
    // every id the build has; outside them, none but the good one).
    let markup: String =
        article.split("<!--").map(|part| part.split_once("-->").map_or(part, |(_, after)| after)).collect();
    for other in ["respiratory-therapist-vs-perfusionist", "respiratory-therapist-vs-ecmo-specialist"] {
        assert!(!markup.contains(other), "{other} shown for a bad value: {markup}");
        assert!(!markup.contains(&comparison(other).0), "{other}'s title shown for a bad value");
    }
    assert!(markup.contains(&comparison("ecmo-specialist-vs-perfusionist").0));
    assert!(html.contains("/role-compare/dist/role-compare.js"));
    let (_, plain) = wp.get(&wp.post("plain"));
    assert!(plain.contains("A post without a comparison."));
    assert!(!plain.contains("/plugins/role-compare/"), "a post without a comparison loads nothing of the plugin");
    // WP_DEBUG is on: the plugin said nothing (WordPress 6.1's own PHP 8.2 deprecations aside).
    let ours: Vec<String> = wp.debug_log().into_iter().filter(|l| l.contains("plugins/role-compare")).collect();
    assert_eq!(ours, Vec::<String>::new());
}

#[test]
fn two_shortcodes_are_two_live_widgets_with_their_views_and_one_loader() {
    let wp = wp();
    let b = Browser::start(Options::default());
    b.goto(&wp.post("shortcodes"));
    let first = "role-compare[comparison=ecmo-specialist-vs-perfusionist]";
    let second = "role-compare[comparison=respiratory-therapist-vs-perfusionist]";
    let (a, c) = (Widget::element(&b, first), Widget::element(&b, second));
    a.wait_live();
    c.wait_live();
    let (title, roles) = comparison("ecmo-specialist-vs-perfusionist");
    assert_eq!((a.title(), a.roles()), (title, roles));
    assert_eq!(a.sections(), ["education", "salary"]);
    let (title, roles) = comparison("respiratory-therapist-vs-perfusionist");
    assert_eq!((c.title(), c.roles()), (title, roles));
    assert_eq!(view(&b, second)["highlight"], true);
    assert_eq!(view(&b, first)["highlight"], false);
    let pickers = b.eval(
        "return [...document.querySelectorAll('role-compare')].map((e) => e.shadowRoot.querySelectorAll('.rc-pick-select').length);",
        json!([]),
    );
    assert_eq!(pickers, json!([0, 2]), "the picker only where asked");
    // The light theme: the light background.
    let bg = b.eval(
        "return getComputedStyle(document.querySelector(arguments[0]).shadowRoot.querySelector('.rc')).backgroundColor;",
        json!([first]),
    );
    assert_eq!(bg, "rgb(255, 255, 255)");
    assert_one_loader_nothing_shifted_nothing_from_elsewhere(&b, &wp);
}

#[test]
fn the_blocks_saved_markup_renders_its_roles_dark_and_lazy() {
    let wp = wp();
    assert!(
        wp.saved("block").contains(
            "<!-- wp:role-compare/comparison {\"roles\":\"respiratory-therapist,ecmo-specialist\",\"categories\":\"overview,salary\",\"theme\":\"dark\",\"loading\":\"lazy\"} /-->"
        ),
        "{}",
        wp.saved("block")
    );
    let b = Browser::start(Options::default());
    b.goto(&wp.post("block"));
    let selector = "role-compare[roles]";
    let w = Widget::element(&b, selector);
    w.wait_live();
    assert_eq!(w.roles(), ["respiratory-therapist", "ecmo-specialist"]);
    assert_eq!(w.title(), comparison("respiratory-therapist-vs-ecmo-specialist").0);
    assert_eq!(w.sections(), ["overview", "salary"]);
    let attrs = b.eval(
        "const e = document.querySelector(arguments[0]); return [e.getAttribute('theme'), e.getAttribute('loading')];",
        json!([selector]),
    );
    assert_eq!(attrs, json!(["dark", "lazy"]));
    let bg = b.eval(
        "return getComputedStyle(document.querySelector(arguments[0]).shadowRoot.querySelector('.rc')).backgroundColor;",
        json!([selector]),
    );
    assert_eq!(bg, "rgb(21, 24, 28)", "the dark theme");
    assert_one_loader_nothing_shifted_nothing_from_elsewhere(&b, &wp);
}

#[test]
fn raw_markup_saved_by_an_author_keeps_its_element_and_attributes_and_goes_live() {
    let wp = wp();
    let kept = "<role-compare comparison=\"respiratory-therapist-vs-perfusionist\" categories=\"duties,skills\" highlight=\"on\" lang=\"en\" class=\"career-table\" id=\"careers\" data-note=\"roundup\" aria-label=\"Two careers\"></role-compare>";
    assert!(wp.saved("raw").contains(kept), "kses changed it: {}", wp.saved("raw"));
    // Without the plugin's allow-list the same Author loses the element.
    assert!(!wp.saved("raw-without-plugin").contains("<role-compare"), "{}", wp.saved("raw-without-plugin"));
    let b = Browser::start(Options::default());
    b.goto(&wp.post("raw"));
    let w = Widget::element(&b, "#careers");
    w.wait_live();
    assert_eq!(w.sections(), ["duties", "skills"]);
    assert_eq!(w.roles(), comparison("respiratory-therapist-vs-perfusionist").1);
    assert_eq!(view(&b, "#careers")["highlight"], true);
    // Raw markup has no prerendered content, so only the loader and errors are checked.
    settle(&b);
    let facts = page_facts(&b);
    assert_eq!((facts["tags"].clone(), facts["fetched"].clone()), (json!(1), json!(1)), "{facts:#}");
    assert_eq!(facts["origins"], json!([wp.base]));
    assert_eq!(errors(&b), Vec::<String>::new());
}

#[test]
fn with_scripts_off_the_shortcodes_and_the_block_show_their_content_styled() {
    let wp = wp();
    let b = Browser::start(Options { javascript: false, ..Options::default() });
    for (post, ids) in [
        ("shortcodes", vec!["ecmo-specialist-vs-perfusionist", "respiratory-therapist-vs-perfusionist"]),
        ("block", vec!["respiratory-therapist-vs-ecmo-specialist"]),
    ] {
        b.goto(&wp.post(post));
        let seen = b.eval(
            "return [...document.querySelectorAll('role-compare')].map((e) => {
               const r = e.shadowRoot;
               if (!r) return null;
               return { title: r.querySelector('.rc-title').textContent,
                        sections: r.querySelectorAll('section.rc-section').length,
                        styled: getComputedStyle(r.querySelector('.rc-key')).borderLeftStyle,
                        toolbar: r.querySelector('.rc-toolbar').getClientRects().length };
             });",
            json!([]),
        );
        let expected: Vec<Value> = ids
            .iter()
            .map(|id| {
                // The categories, and the fit view where the comparison asks questions.
                let c = &catalogues()[0];
                let roles = &c.comparisons[c.comparison_ix(id).unwrap()].roles;
                let sections = c.categories.len() + usize::from(!role_compare::data::view_of(c, roles).fit.is_empty());
                json!({ "title": comparison(id).0, "sections": sections, "styled": "solid", "toolbar": 0 })
            })
            .collect();
        assert_eq!(seen, json!(expected), "{post}");
    }
}

#[test]
fn in_the_editor_the_block_offers_the_builds_comparisons_and_previews_live() {
    let wp = wp();
    let b = Browser::start(Options::default());
    b.goto(&format!("{}/wp-login.php", wp.base));
    b.eval(
        "document.querySelector('#user_login').value = 'admin';
         document.querySelector('#user_pass').value = 'admin-password';
         document.querySelector('#loginform').submit();",
        json!([]),
    );
    b.wait_for("location.pathname.startsWith('/wp-admin/')");
    b.goto(&format!("{}/wp-admin/post-new.php", wp.base));
    // The block editor is heavy: WebKit takes longer than 20 s here on 2 shared cores.
    let editor_limit = std::time::Duration::from_secs(60);
    b.wait_for_within(
        "window.wp && wp.blocks && wp.blocks.getBlockType('role-compare/comparison') && wp.data.select('core/block-editor')",
        editor_limit,
    );
    let (title, _) = comparison("respiratory-therapist-vs-perfusionist");
    // The block type is registered before the editor has set itself up: its
    // provider then syncs the post's blocks (none) into the block editor's
    // store, dropping a block inserted before (seen in WebKit on 2 loaded
    // cores: the block rendered and its preview was fetched, then it was gone).
    // So the block is inserted whenever it is missing, until the post's blocks hold it.
    b.wait_until_within(
        "const ours = (blocks) => blocks.some((b) => b.name === 'role-compare/comparison');
         if (ours(wp.data.select('core/editor').getEditorBlocks())) return true;
         if (!ours(wp.data.select('core/block-editor').getBlocks())) {
           const block = wp.blocks.createBlock('role-compare/comparison', { comparison: arguments[0], categories: 'salary' });
           wp.data.dispatch('core/block-editor').insertBlocks(block);
           wp.data.dispatch('core/block-editor').selectBlock(block.clientId);
         }
         return false;",
        json!(["respiratory-therapist-vs-perfusionist"]),
        editor_limit,
    );
    // The server's render, live in the editor: the loader runs there too.
    b.wait_for_within("(() => { const e = document.querySelector('.wp-block-role-compare-comparison role-compare'); return e && e.shadowRoot && e.shadowRoot.querySelector('.rc.rc-live .rc-toggle:not([disabled])'); })()", editor_limit);
    let w = Widget::element(&b, ".wp-block-role-compare-comparison role-compare");
    assert_eq!(w.title(), title);
    assert_eq!(w.sections(), ["salary"]);
    // The sidebar offers the build's comparisons by title, the asked one chosen.
    b.wait_for_within("document.querySelector('.block-editor-block-inspector select')", editor_limit);
    let select = b.eval(
        "const s = document.querySelector('.block-editor-block-inspector select');
         return [s.value, [...s.options].map((o) => o.textContent)];",
        json!([]),
    );
    let mut titles = vec!["The first comparison".to_owned()];
    titles.extend(catalogues()[0].comparisons.iter().map(|c| c.title.to_string()));
    assert_eq!(select, json!(["respiratory-therapist-vs-perfusionist", titles]));
    let ours: Vec<String> = errors(&b).into_iter().filter(|e| e.contains("role-compare")).collect();
    assert_eq!(ours, Vec::<String>::new());
}

/// The embed frame's own measure, inside it: its content height (what it
/// asks WordPress for), its viewport, what would scroll, and its view.
const FRAME_FACTS: &str = "const root = document.documentElement, rc = document.querySelector('.rc');
    if (!rc || !rc.classList.contains('rc-live')) return null;
    const shown = (s) => [...document.querySelectorAll(s)].filter((e) => e.getClientRects().length > 0).length;
    const more = document.querySelector('.rc-embed-more a');
    return {
      asked: Math.ceil(root.getBoundingClientRect().height), inner: innerHeight,
      scrolls: root.scrollHeight > innerHeight || document.body.scrollHeight > innerHeight,
      embed: root.hasAttribute('data-rc-embed'), glance: shown('.rc-glance-list li'),
      facts: shown('.rc-facts-row'), toolbar: shown('.rc-toolbar'), sections: shown('.rc-section'),
      more: more && more.getClientRects().length > 0 ? more.href : null,
      hash: location.hash, errors: (window.__rc || {}).errors || [], warnings: (window.__rc || {}).warnings || [],
    };";

/// The post's embed frame as WordPress's embed script left it once the frame
/// reported: its `height` attribute and its laid-out height; null before.
const FRAME_IN_POST: &str = "const f = document.querySelector('article iframe.wp-embedded-content');
    const q = document.querySelector('article blockquote.wp-embedded-content');
    if (!f || !q || f.hasAttribute('style') || getComputedStyle(q).display !== 'none') return null;
    if (arguments[0] != null && Number(f.height) !== arguments[0]) return null;
    return { height: Number(f.height), laid: f.getBoundingClientRect().height, secret: f.dataset.secret, src: f.src };";

#[test]
fn a_pasted_comparison_url_embeds_the_live_widget_uncut_at_the_height_it_asked() {
    let host = wordpress::widget_host();
    let wp = wp();
    let page = format!("{}index.html", wordpress::widget_base());
    // WordPress found the oEmbed file by the page's discovery link and kept
    // the blockquote and the frame, sandboxed, with a secret in its URL.
    let (status, html) = wp.get(&wp.post("oembed"));
    assert_eq!(status, 200);
    let article = html.split("<article>").nth(1).and_then(|a| a.split("</article>").next()).unwrap().to_owned();
    assert!(article.contains("<blockquote class=\"wp-embedded-content\" data-secret=\""), "{article}");
    assert!(article.contains(&format!("<a href=\"{page}\">{}</a>", catalogues()[0].comparisons[0].title)), "{article}");
    assert!(article.contains(&format!(" src=\"{page}?embed#?secret=")), "{article}");
    assert!(article.contains(" sandbox=\"allow-scripts\" security=\"restricted\""), "{article}");
    assert!(html.contains("wp-embed"), "WordPress's embed script is on the page");
    // The post holds the URL alone: the markup is WordPress's, from the oEmbed file.
    assert_eq!(wp.saved("oembed"), format!("A comparison, pasted.\n\n{page}\n\nThe end."));

    let b = Browser::start(Options::default());
    b.goto(&wp.post("oembed"));
    let shown = b.wait_until(FRAME_IN_POST, json!([]));
    assert!(shown["src"].as_str().unwrap().starts_with(&format!("{page}?embed#?secret=")), "{shown:#}");
    b.switch_frame(json!(0));
    let frame = b.wait_until(FRAME_FACTS, json!([]));
    let asked = frame["asked"].as_u64().unwrap();
    // Uncut: what it asks is within WordPress's 200–1000 px, and nothing scrolls.
    assert!((200..1000).contains(&asked), "the embed view asks {asked} px: {frame:#}");
    assert_eq!((frame["embed"].clone(), frame["scrolls"].clone()), (json!(true), json!(false)), "{frame:#}");
    assert_eq!(frame["sections"], 0, "{frame:#}");
    assert_eq!((frame["facts"].clone(), frame["toolbar"].clone()), (json!(0), json!(1)), "{frame:#}");
    assert_eq!(frame["more"], json!(page), "the link to the full comparison: {frame:#}");
    assert_eq!((frame["errors"].clone(), frame["warnings"].clone()), (json!([]), json!([])), "{frame:#}");
    let glance = frame["glance"].as_u64().unwrap();
    assert!(glance >= 2, "{frame:#}");
    b.switch_frame(json!(null));
    let shown = b.wait_until(FRAME_IN_POST, json!([asked]));
    assert_eq!(shown["laid"].as_f64().map(f64::round), Some(asked as f64), "{shown:#}");
    let secret = shown["secret"].as_str().unwrap().to_owned();

    // Live: a toggle hides a line of At a glance, the frame asks for less
    // and gets it; the view is kept in the fragment beside WordPress's secret.
    b.switch_frame(json!(0));
    let first = b.eval("return document.querySelector('.rc-glance-list li').dataset.category;", json!([]));
    b.eval("document.querySelector(`.rc-toggle[data-category=\"${arguments[0]}\"]`).click();", json!([first]));
    let after = b.wait_until(
        &["const f = (() => {", FRAME_FACTS, "})(); return f && f.glance === arguments[0] - 1 && f.hash.includes('?secret=') && f.hash.startsWith('#hide=') && f;"]
            .concat(),
        json!([glance]),
    );
    assert_eq!(after["hash"], json!(format!("#hide={}?secret={secret}", first.as_str().unwrap())), "{after:#}");
    let smaller = after["asked"].as_u64().unwrap();
    assert!(smaller < asked && after["scrolls"] == false, "{after:#}");
    b.switch_frame(json!(null));
    let resized = b.wait_until(FRAME_IN_POST, json!([smaller.max(200)]));
    eprintln!("e2e: the embed asked {asked} px, then {smaller} px; WordPress gave it {} px", resized["height"]);

    // A link goes through WordPress, which opens it on the page (the
    // sandbox lets the frame navigate nothing itself).
    b.eval("document.querySelector('article iframe.wp-embedded-content').focus();", json!([]));
    b.switch_frame(json!(0));
    b.eval("document.querySelector('.rc-embed-more a').click();", json!([]));
    b.switch_frame(json!(null));
    b.wait_until("return location.href === arguments[0];", json!([page]));

    // A host that sends the CORS header with the page's own files but not
    // with the glue and the wasm: the opaque-origin frame cannot start the
    // widget and says why, once; it still reports its (prerendered) height.
    let index = std::fs::read_to_string(wordpress::widget_dir().join("index.html")).unwrap();
    let css = index
        .split("href=\"./")
        .filter_map(|s| s.split('"').next())
        .find(|f| f.starts_with("page-") && f.ends_with(".css"));
    host.cors_only(&["page-loader-", "first-paint-", "role-compare-", css.expect("the page's stylesheet")]);
    b.goto(&wp.post("oembed"));
    b.wait_until(FRAME_IN_POST, json!([]));
    b.switch_frame(json!(0));
    let failed = b.wait_until(
        "const errors = (window.__rc || {}).errors || [];
         if (!document.documentElement.hasAttribute('data-rc-failed') || !errors.length) return null;
         return { errors, live: !!document.querySelector('.rc-live'), asked: Math.ceil(document.documentElement.getBoundingClientRect().height) };",
        json!([]),
    );
    host.cors_only(&[""]);
    let errors = failed["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{failed:#}");
    let error = errors[0].as_str().unwrap();
    assert!(error.starts_with("role-compare: ") && error.contains("Access-Control-Allow-Origin: *"), "{error}");
    assert!(error.contains("/page-en-") && failed["live"] == false, "{failed:#}");
    b.switch_frame(json!(null));
    let asked = failed["asked"].as_u64().unwrap();
    assert!((200..1000).contains(&asked), "{failed:#}");
    b.wait_until(FRAME_IN_POST, json!([asked]));
}
