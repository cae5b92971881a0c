//! Server-side rendering of the widget (yew `ssr`): every text of a dataset
//! reaches the page.
#![cfg(not(target_arch = "wasm32"))]

use role_compare::components::{render_html, RoleCompareProps};
use role_compare::data::ui::{split, Piece};
use role_compare::data::{baked, datasets, view::parse_dataset, Dataset, Msg, Role, RunningName};

fn render(dataset: &'static Dataset) -> String {
    render_at(dataset, 2)
}

fn render_at(dataset: &'static Dataset, heading_level: u8) -> String {
    let html = render_html(RoleCompareProps { heading_level, ..RoleCompareProps::of(dataset) });
    // Undo the escaping so dataset texts can be looked up as written.
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn assert_all_text_rendered(dataset: &'static Dataset, html: &str) {
    let mut texts: Vec<&str> = vec![&dataset.title, &dataset.description];
    for role in dataset.roles.iter() {
        texts.push(&role.name);
    }
    for category in dataset.categories.iter() {
        texts.push(&category.title);
        texts.extend(category.key_difference.as_deref());
        texts.extend(category.entries.iter().flat_map(|points| points.iter().map(|p| p.as_ref())));
        texts.extend(category.common.iter().map(|p| p.as_ref()));
    }
    for caveat in dataset.caveats.iter() {
        texts.extend([caveat.title.as_ref(), caveat.text.as_ref()]);
    }
    for source in dataset.sources.iter() {
        texts.extend([source.title.as_ref(), source.publisher.as_ref(), source.url.as_ref()]);
    }
    for text in texts {
        assert!(html.contains(text), "not rendered: {text:?}");
    }
}

#[test]
fn every_role_category_point_caveat_and_source_is_rendered() {
    let html = render(baked());
    assert_all_text_rendered(baked(), &html);
    assert!(html.contains("Megainterview"));
}

#[test]
fn one_pressed_toggle_and_one_section_per_category() {
    let html = render(baked());
    let n = baked().categories.len();
    // And the fit view's toggle, pressed: it is shown by default.
    assert_eq!(html.matches("aria-pressed=\"true\"").count(), n + 1);
    assert_eq!(html.matches("class=\"rc-section\"").count(), n);
    assert!(html.contains("Show all") && html.contains("Hide all"));
    for c in baked().categories.iter() {
        assert!(html.contains(&format!("aria-controls=\"rc-sec-{}\"", c.id)));
        assert!(html.contains(&format!("id=\"rc-sec-{}\"", c.id)));
    }
}

#[test]
fn any_dataset_can_be_rendered() {
    let json = std::fs::read_to_string("tests/fixtures/three-roles.json").unwrap();
    let dataset: &'static Dataset = Box::leak(Box::new(parse_dataset("three-roles.json", &json).unwrap()));
    let html = render(dataset);
    assert_all_text_rendered(dataset, &html);
    assert!(html.contains("All roles"), "three roles share an 'All roles' block");
}

#[test]
fn the_root_declares_the_datasets_language_and_direction() {
    let html = render(baked());
    let root = &html[html.find("<div part=\"root\"").expect("the root")..];
    let root = &root[..root.find('>').unwrap()];
    assert!(root.contains("lang=\"en\"") && root.contains("dir=\"ltr\""), "{root}");
}

#[test]
fn headings_follow_the_title_level_one_and_two_below() {
    let count =
        |html: &str, tag: &str| html.matches(&format!("<{tag} ")).count() + html.matches(&format!("<{tag}>")).count();
    let element = render_at(baked(), 2);
    let page = render_at(baked(), 1);
    let sections = baked().categories.len();
    assert_eq!((count(&element, "h1"), count(&element, "h2")), (0, 1), "the element's title is an <h2>");
    assert!(count(&element, "h3") >= sections && count(&element, "h4") >= 2 * sections);
    assert_eq!(count(&page, "h1"), 1, "the page's title is its one <h1>");
    assert_eq!(count(&page, "h2"), count(&element, "h3"), "every heading one level up");
    assert_eq!(count(&page, "h3"), count(&element, "h4"));
    assert_eq!(count(&page, "h4"), 0);
}

/// Every heading the widget renders, at either title level (the element's
/// `<h2>`, the page's `<h1>`), loses the browser's default margins: without
/// that the page's `<h1>` title keeps its 0.67em margins and the widget's own
/// page is spaced unlike the element.
#[test]
fn the_stylesheet_resets_the_margins_of_every_heading_rendered() {
    let rules = rc_css::rules(include_str!("../assets/role-compare.css")).unwrap();
    let reset: Vec<&str> = rules
        .iter()
        .find(|r| {
            r.declarations.iter().map(|d| d.css()).collect::<Vec<_>>() == ["margin: 0"]
                && r.selectors.iter().any(|s| s.text.starts_with(".rc h"))
        })
        .expect("a margin reset rule for the widget's headings")
        .selectors
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    for level in [1, 2] {
        let html = render_at(baked(), level);
        for tag in ["h1", "h2", "h3", "h4", "h5", "h6"].into_iter().filter(|t| html.contains(&format!("<{t} "))) {
            assert!(
                reset.contains(&format!(".rc {tag}").as_str()),
                "<{tag}> (title level {level}) keeps the browser's margins: {reset:?}"
            );
        }
    }
}

/// Every dataset of the build, with each role's display name a marker
/// `⟦Dn⟧` and its running-text form `⟦Rn⟧`: neither contains the other, so
/// a display name in a sentence cannot pass for its running form.
fn with_role_markers(dataset: &Dataset) -> &'static Dataset {
    let mut marked = dataset.clone();
    let roles: Vec<Role> = marked
        .roles
        .iter()
        .enumerate()
        .map(|(i, r)| Role {
            name: format!("⟦D{i}⟧").into(),
            running_name: RunningName { plural: format!("⟦R{i}⟧").into() },
            ..r.clone()
        })
        .collect();
    marked.roles = roles.into();
    Box::leak(Box::new(marked))
}

#[test]
fn sentences_name_roles_by_their_running_form_and_labels_by_their_display_name_in_every_language() {
    for dataset in datasets() {
        let d = with_role_markers(dataset);
        let html = render(d);
        let ui = d.ui();
        // What follows `{role}` in the label templates ("{role}: {amount}." → ": ").
        let label_tails: Vec<&str> = [Msg::SalaryFigure, Msg::TrainingRole]
            .iter()
            .filter_map(|m| {
                let pieces = split(ui.text(*m));
                let at = pieces.iter().position(|p| *p == Piece::Slot("role"))?;
                match pieces.get(at + 1) {
                    Some(Piece::Text(t)) => Some(*t),
                    _ => None,
                }
            })
            .collect();
        assert_eq!(label_tails.len(), 2, "{}: both label templates put text after {{role}}", d.lang);
        let mut labels = 0;
        for (at, _) in html.match_indices("⟦D") {
            let end = at + html[at..].find('⟧').expect("marker closes") + '⟧'.len_utf8();
            let (before, after) = (html[..at].chars().next_back(), &html[end..]);
            // A whole text node or attribute value (a column head, a bar's name) …
            let whole = matches!((before, after.chars().next()), (Some('>'), Some('<')) | (Some('"'), Some('"')));
            // … or the label before a figure.
            let label = label_tails.iter().any(|tail| after.starts_with(tail));
            assert!(
                whole || label,
                "{}: a display name in running text: …{}…",
                d.lang,
                &html[at.saturating_sub(80)..(end + 80).min(html.len())]
            );
            labels += 1;
        }
        assert!(labels >= 2 * d.roles.len(), "{}: the display names label the columns and bars ({labels})", d.lang);
        // The salary sentence names both roles by their running forms.
        let (gap, percent) = (ui.money(10_000), ui.percent(14));
        let sentence = ui.fill(
            Msg::SalaryMore,
            &[("higher", "⟦R0⟧"), ("gap", gap.as_str()), ("percent", percent.as_str()), ("lower", "⟦R1⟧")],
        );
        assert!(html.contains(&sentence), "{}: {sentence:?} not rendered", d.lang);
        for i in 0..d.roles.len() {
            assert!(html.contains(&format!("⟦R{i}⟧")), "{}: role {i}'s running form is in no sentence", d.lang);
        }
    }
}
