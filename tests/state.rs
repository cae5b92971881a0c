//! View state, reducer and settings decoding (fragment, query, attributes).
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use proptest::prelude::*;
use role_compare::data::view::Unknown;
use role_compare::data::{baked, Dataset};
use role_compare::state::{decode_settings, parse_pairs, unknown_message, Action, Change, Settings, Theme, ViewState};
use yew::Reducible;

fn d() -> &'static Dataset {
    baked()
}

fn ix(id: &str) -> usize {
    d().category_ix(id).unwrap()
}

/// Sections: the categories, then the fit view (the baked view asks questions).
fn sections() -> usize {
    assert!(!d().fit.is_empty());
    d().categories.len() + 1
}

fn decode(s: &str) -> (Settings, Vec<String>) {
    let (settings, warnings) = decode_settings(parse_pairs(s), d());
    (settings, warnings.iter().map(|w| w.to_string()).collect())
}

#[test]
fn default_view_shows_everything_and_has_an_empty_fragment() {
    let v = ViewState::new(d());
    assert!(v.shown.iter().all(|s| *s));
    assert_eq!(v.shown.len(), sections());
    assert_eq!(v.to_fragment(d(), &ViewState::new(d())), "");
    assert_eq!(v.role_order, vec![0, 1]);
}

#[test]
fn toggle_hides_then_shows_and_records_the_change() {
    let v = Rc::new(ViewState::new(d()));
    let v = v.reduce(Action::Toggle(ix("salary")));
    assert!(!v.is_shown(ix("salary")));
    assert_eq!(v.last, Some(Change::Category(ix("salary"), false)));
    assert_eq!(v.to_fragment(d(), &ViewState::new(d())), "hide=salary");
    let v = v.reduce(Action::Toggle(ix("salary")));
    assert!(v.is_shown(ix("salary")));
    assert_eq!(v.to_fragment(d(), &ViewState::new(d())), "");
}

#[test]
fn show_all_and_hide_all() {
    let v = Rc::new(ViewState::new(d())).reduce(Action::HideAll);
    assert!(v.shown.iter().all(|s| !s));
    assert_eq!(v.shown_ids(), Vec::<&str>::new());
    let v = v.reduce(Action::ShowAll);
    assert_eq!(v.shown_ids().len(), sections());
    assert_eq!(v.last, Some(Change::All(true)));
}

#[test]
fn out_of_range_toggle_changes_nothing() {
    let v = Rc::new(ViewState::new(d()));
    let same = v.clone().reduce(Action::Toggle(99));
    assert!(Rc::ptr_eq(&v, &same));
}

#[test]
fn fragment_round_trips() {
    let mut v =
        (*Rc::new(ViewState::new(d())).reduce(Action::Toggle(ix("skills"))).reduce(Action::Toggle(ix("salary"))))
            .clone();
    v.highlight = true;
    let fragment = v.to_fragment(d(), &ViewState::new(d()));
    assert_eq!(fragment, "hide=skills,salary&highlight=on");
    let (settings, warnings) = decode(&format!("#{fragment}"));
    assert!(warnings.is_empty(), "{warnings:?}");
    let back = ViewState::from_settings(&settings, d());
    assert!(back.same_view(&v));
}

/// What a reload does: the page's own settings, then the fragment over them.
fn reopen(base: &Settings, fragment: &str) -> ViewState {
    let (over, warnings) = decode(fragment);
    assert!(warnings.is_empty(), "{fragment}: {warnings:?}");
    ViewState::from_settings(&base.clone().overridden_by(over), d())
}

#[test]
fn fragment_is_relative_to_the_pages_own_settings_so_reload_keeps_any_view() {
    let (base, _) = decode_settings([("categories", "salary,skills"), ("highlight", "on"), ("theme", "dark")], d());
    let start = ViewState::from_settings(&base, d());
    // Untouched: no fragment at all.
    assert_eq!(start.to_fragment(d(), &start), "");
    // Show all and highlight off: both must be written, or a reload brings the page's settings back.
    let changed = Rc::new(start.clone()).reduce(Action::ShowAll).reduce(Action::ToggleHighlight);
    let fragment = changed.to_fragment(d(), &start);
    assert_eq!(fragment, "hide=&highlight=off");
    assert!(reopen(&base, &fragment).same_view(&changed));
    // A theme that came from a copied link is kept when the reader changes something.
    let (linked, _) = decode("theme=light&roles=perfusionist");
    let view = Rc::new(ViewState::from_settings(&base.clone().overridden_by(linked), d()))
        .reduce(Action::Toggle(ix("overview")));
    let fragment = view.to_fragment(d(), &start);
    assert!(fragment.contains("theme=light") && fragment.contains("roles=perfusionist,ecmo-specialist"), "{fragment}");
    assert!(reopen(&base, &fragment).same_view(&view));
}

#[test]
fn an_attribute_change_moves_only_what_it_changed() {
    let (before, _) = decode_settings([("theme", "light")], d());
    let view = Rc::new(ViewState::from_settings(&before, d()))
        .reduce(Action::Toggle(ix("salary")))
        .reduce(Action::ToggleHighlight);
    let (after, _) = decode_settings([("theme", "dark")], d());
    let view = view.reduce(Action::Patch { before: before.clone(), after: after.clone() });
    assert_eq!(view.theme, Theme::Dark);
    assert!(!view.is_shown(ix("salary")) && view.highlight, "the reader's choices stay");
    // Removing an attribute takes its default.
    let view = view.reduce(Action::Patch { before: after, after: Settings::default() });
    assert_eq!(view.theme, Theme::Auto);
    assert!(!view.is_shown(ix("salary")));
}

#[test]
fn load_from_outside_is_not_a_reader_change() {
    let v = Rc::new(ViewState::new(d())).reduce(Action::Toggle(0));
    let (settings, _) = decode("hide=salary");
    let v = v.reduce(Action::Load(settings));
    assert_eq!(v.last, None);
    assert_eq!(v.shown_ids().len(), sections() - 1);
}

#[test]
fn percent_encoded_fragment_decodes() {
    let (settings, warnings) = decode("#hide=salary%2Cskills");
    assert!(warnings.is_empty());
    let v = ViewState::from_settings(&settings, d());
    assert!(!v.is_shown(ix("salary")) && !v.is_shown(ix("skills")));
}

#[test]
fn unknown_ids_are_left_out_with_one_warning() {
    let (settings, warnings) = decode("hide=salary,bogus,nope");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("hide=") && warnings[0].contains("bogus") && warnings[0].contains("nope"),
        "{}",
        warnings[0]
    );
    let v = ViewState::from_settings(&settings, d());
    assert!(!v.is_shown(ix("salary")));
    assert_eq!(v.shown_ids().len(), sections() - 1);
}

#[test]
fn categories_attribute_lists_what_is_shown() {
    let (settings, warnings) = decode_settings([("categories", "salary, skills")], d());
    assert!(warnings.is_empty());
    let v = ViewState::from_settings(&settings, d());
    assert_eq!(v.shown_ids(), vec!["skills", "salary"]);
}

#[test]
fn bad_values_fall_back_to_defaults_each_with_a_warning() {
    let long = "x".repeat(5000);
    let cases: &[(&str, &str)] = &[
        ("theme", "purple"),
        ("categories", ""),
        ("categories", "nothing,known"),
        ("highlight", "maybe"),
        ("colour", "red"),
        ("categories", &long),
    ];
    for (key, value) in cases {
        let (settings, warnings) = decode_settings([(*key, *value)], d());
        assert_eq!(warnings.len(), 1, "{key}={value}");
        assert_eq!(&warnings[0].key, key);
        assert!(warnings[0].to_string().contains(key), "{}", warnings[0]);
        assert_eq!(ViewState::from_settings(&settings, d()), ViewState::new(d()), "{key}={value}");
    }
}

#[test]
fn theme_and_role_order() {
    let (settings, warnings) = decode_settings([("theme", "dark"), ("roles", "perfusionist")], d());
    assert!(warnings.is_empty());
    let v = ViewState::from_settings(&settings, d());
    assert_eq!(v.theme, Theme::Dark);
    assert_eq!(v.role_order, vec![d().role_ix("perfusionist").unwrap(), d().role_ix("ecmo-specialist").unwrap()]);
}

#[test]
fn an_unknown_comparison_or_role_is_named_never_replaced_by_another() {
    for (key, value, unknown) in [
        ("comparison", "nurse-vs-doctor", Unknown::Comparison("nurse-vs-doctor".into())),
        ("roles", "surgeon", Unknown::Role("surgeon".into())),
        ("roles", "perfusionist,surgeon", Unknown::Role("surgeon".into())),
        ("roles", "ecmo-specialist,perfusionist,respiratory-therapist,perfusionist,x", Unknown::Role("x".into())),
    ] {
        let (settings, warnings) = decode_settings([(key, value)], d());
        assert!(warnings.is_empty(), "{key}={value}: an error, not a warning");
        assert_eq!(settings.unknown.as_ref(), Some(&unknown), "{key}={value}");
        let message = unknown_message(&unknown, d());
        assert!(message.starts_with("role-compare: "), "{message}");
        for id in ["ecmo-specialist-vs-perfusionist", "respiratory-therapist"] {
            assert!(message.contains(id), "{message} names what the build has");
        }
    }
}

#[test]
fn comparison_and_roles_choose_the_view() {
    let catalogue = d().catalogue;
    let (settings, _) = decode_settings([("comparison", "respiratory-therapist-vs-perfusionist")], d());
    let v = ViewState::from_settings(&settings, d());
    assert_eq!(v.dataset.comparison.as_deref(), Some("respiratory-therapist-vs-perfusionist"));
    assert_eq!(v.role_ids(), ["respiratory-therapist", "perfusionist"]);
    // Roles in another order: the same authored comparison, columns as asked.
    let (settings, _) = decode_settings([("roles", "perfusionist,respiratory-therapist")], d());
    let w = ViewState::from_settings(&settings, d());
    assert_eq!(w.dataset, v.dataset, "one view per set of roles");
    assert_eq!(w.role_ids(), ["perfusionist", "respiratory-therapist"]);
    // `roles` wins over `comparison`; three roles nobody wrote a comparison of.
    let all = "respiratory-therapist,ecmo-specialist,perfusionist";
    let (settings, _) = decode_settings([("roles", all), ("comparison", "ecmo-specialist-vs-perfusionist")], d());
    let t = ViewState::from_settings(&settings, d());
    assert_eq!(t.dataset.comparison, None);
    assert_eq!(t.role_ids().join(","), all);
    assert_eq!(t.dataset.roles.len(), 3);
    assert!(t.dataset.categories.iter().all(|c| c.entries.len() == 3 && c.common.is_empty()));
    assert_eq!(catalogue.roles.len(), 3);
}

#[test]
fn the_reader_picks_a_role_and_the_link_reopens_it() {
    let home = ViewState::new(d());
    let rt = d().catalogue.role_ix("respiratory-therapist").unwrap();
    let v = Rc::new(home.clone()).reduce(Action::Pick { column: 1, role: rt });
    assert_eq!(v.role_ids(), ["ecmo-specialist", "respiratory-therapist"], "the other column stays");
    assert_eq!(v.dataset.comparison.as_deref(), Some("respiratory-therapist-vs-ecmo-specialist"));
    assert_eq!(v.last, Some(Change::Roles));
    let fragment = v.to_fragment(v.dataset.0, &home);
    assert_eq!(fragment, "roles=ecmo-specialist,respiratory-therapist");
    let (settings, warnings) = decode(&fragment);
    assert!(warnings.is_empty());
    let back = ViewState::from_settings(&settings, d());
    assert!(back.same_view(&v), "{back:?}");
    // A role shown in the other column swaps with it.
    let ecmo = d().catalogue.role_ix("ecmo-specialist").unwrap();
    let swapped = v.clone().reduce(Action::Pick { column: 1, role: ecmo });
    assert_eq!(swapped.role_ids(), ["respiratory-therapist", "ecmo-specialist"]);
    // The same role: nothing happens.
    let same = v.clone().reduce(Action::Pick { column: 0, role: ecmo });
    assert!(Rc::ptr_eq(&same, &v));
}

#[test]
fn fragment_settings_override_attribute_settings() {
    let (base, _) = decode_settings([("theme", "dark"), ("categories", "salary")], d());
    let (over, _) = decode("hide=skills");
    let merged = base.overridden_by(over);
    assert_eq!(merged.theme, Some(Theme::Dark));
    let v = ViewState::from_settings(&merged, d());
    assert!(!v.is_shown(ix("skills")) && v.is_shown(ix("overview")));
}

proptest! {
    #[test]
    fn decoding_never_panics_on_any_query(s in ".{0,300}") {
        let (settings, _) = decode_settings(parse_pairs(&s), d());
        let v = ViewState::from_settings(&settings, d());
        prop_assert_eq!(v.shown.len(), sections());
        prop_assert_eq!(v.answers.len(), v.dataset.fit.len());
    }

    #[test]
    fn decoding_never_panics_on_any_attribute(key in "(categories|hide|theme|roles|highlight|[a-z]{1,8})", value in "\\PC{0,200}") {
        let (settings, warnings) = decode_settings([(key.as_str(), value.as_str())], d());
        let v = ViewState::from_settings(&settings, d());
        let mut order = v.role_order.clone();
        order.sort();
        prop_assert_eq!(order, (0..v.dataset.roles.len()).collect::<Vec<_>>());
        prop_assert!(warnings.len() <= 1);
    }
}

/// Index of the baked view's fit question `id`.
fn question(id: &str) -> usize {
    d().fit.iter().position(|q| q.id == id).unwrap_or_else(|| panic!("no fit question {id}"))
}

#[test]
fn an_answer_is_view_state_written_to_the_fragment_and_read_back() {
    let base = ViewState::new(d());
    assert!(base.answers.iter().all(Option::is_none));
    let v = Rc::new(ViewState::new(d())).reduce(Action::Answer { question: question("pay"), option: 1 });
    assert_eq!(v.last, Some(Change::Answer));
    let v = v.reduce(Action::Answer { question: question("case-length"), option: 0 });
    let fragment = v.to_fragment(d(), &base);
    assert_eq!(fragment, "answers=case-length.0,pay.1");
    // A shared link reopens them.
    let (settings, warnings) = decode(&format!("#{fragment}"));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(ViewState::from_settings(&settings, d()).answers, v.answers);
    // The same answer again changes nothing; an option the question lacks neither.
    let same = v.clone().reduce(Action::Answer { question: question("pay"), option: 1 });
    assert!(Rc::ptr_eq(&v, &same));
    let same = v.clone().reduce(Action::Answer { question: question("pay"), option: 7 });
    assert!(Rc::ptr_eq(&v, &same));
    // Cleared: the fragment of a view with answers says there are none now.
    let with = ViewState::from_settings(&settings, d());
    let cleared = Rc::new(with.clone()).reduce(Action::ClearAnswers);
    assert!(cleared.answers.iter().all(Option::is_none));
    assert_eq!(cleared.to_fragment(d(), &with), "answers=");
    let (settings, warnings) = decode("answers=");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(ViewState::from_settings(&settings, d()).answers.iter().all(Option::is_none));
}

#[test]
fn bad_answers_are_left_out_with_one_warning() {
    let (settings, warnings) = decode("answers=pay.1,pay.0,bogus.0,training.9,setting");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    for bad in ["pay.0", "bogus.0", "training.9", "setting"] {
        assert!(warnings[0].contains(&format!("\"{bad}\"")), "{bad}: {}", warnings[0]);
    }
    let v = ViewState::from_settings(&settings, d());
    assert_eq!(v.answer_pairs(), vec![("pay", 1)]);
    let (settings, warnings) = decode("answers=nothing.0");
    assert_eq!(warnings.len(), 1);
    assert!(ViewState::from_settings(&settings, d()).answers.iter().all(Option::is_none));
}

/// The answer to `question` of `v` that points to `role` alone.
fn answer_for(v: &ViewState, question: &str, role: &str) -> Action {
    let dataset: &Dataset = &v.dataset;
    let q = dataset.fit.iter().position(|q| q.id == question).unwrap_or_else(|| panic!("no fit question {question}"));
    let option = dataset.fit[q]
        .options
        .iter()
        .position(|o| o.roles.len() == 1 && dataset.roles[o.roles[0]].id == role)
        .unwrap_or_else(|| panic!("{question} has no option of {role} alone"));
    Action::Answer { question: q, option: option as u8 }
}

/// The answers as (question, ids of the roles the option points to).
fn pointing(v: &ViewState) -> Vec<(String, Vec<String>)> {
    let dataset: &Dataset = &v.dataset;
    dataset
        .fit
        .iter()
        .zip(&v.answers)
        .filter_map(|(q, a)| {
            let roles = &q.options[usize::from((*a)?)].roles;
            Some((q.id.to_string(), roles.iter().map(|&r| dataset.roles[r].id.to_string()).collect()))
        })
        .collect()
}

#[test]
fn answers_follow_the_reader_across_a_column_swap_a_picked_role_and_a_language() {
    let v = Rc::new(ViewState::new(d()));
    let answer = answer_for(&v, "case-length", "perfusionist");
    let v = v.reduce(answer);
    let answer = answer_for(&v, "patients", "ecmo-specialist");
    let v = v.reduce(answer);
    let answered = pointing(&v);
    assert_eq!(answered.len(), 2);
    // A swap of columns (the other column's role picked): the same answers.
    let perfusionist = d().catalogue.role_ix("perfusionist").unwrap();
    let swapped = v.clone().reduce(Action::Pick { column: 0, role: perfusionist });
    assert_eq!(swapped.role_ids(), vec!["perfusionist", "ecmo-specialist"]);
    assert_eq!(pointing(&swapped), answered);
    // Another language: the same questions and roles, by id.
    let es = role_compare::data::for_lang("es").expect("the Spanish catalogue");
    let spanish = v.clone().reduce(Action::Home(es.into()));
    assert_eq!(spanish.dataset.lang, "es");
    assert_eq!(pointing(&spanish), answered);
    // Another role: an answer still pointing to a shown role stays, one whose
    // role (or question) is gone does not.
    let therapist = d().catalogue.role_ix("respiratory-therapist").unwrap();
    let picked = v.reduce(Action::Pick { column: 1, role: therapist });
    assert_eq!(picked.answers.len(), picked.dataset.fit.len());
    assert_eq!(pointing(&picked), vec![("patients".to_owned(), vec!["ecmo-specialist".to_owned()])]);
    // Answers asked with roles in the same link are read against those roles.
    let (settings, warnings) = decode("roles=ecmo-specialist,respiratory-therapist&answers=hours.1");
    assert!(warnings.is_empty(), "{warnings:?}");
    let v = ViewState::from_settings(&settings, d());
    assert_eq!(v.answer_pairs(), vec![("hours", 1)]);
}

#[test]
fn the_fit_view_is_a_section_that_categories_and_hide_name() {
    let fit = d().categories.len();
    let (settings, warnings) = decode("hide=fit");
    assert!(warnings.is_empty(), "{warnings:?}");
    let v = ViewState::from_settings(&settings, d());
    assert!(!v.is_shown(fit) && v.is_shown(0));
    assert_eq!(v.to_fragment(d(), &ViewState::new(d())), "hide=fit");
    let (settings, _) = decode_settings([("categories", "salary")], d());
    assert!(!ViewState::from_settings(&settings, d()).is_shown(fit));
    let v = Rc::new(ViewState::new(d())).reduce(Action::Toggle(fit));
    assert_eq!(v.last, Some(Change::Category(fit, false)));
    assert!(!v.shown_ids().contains(&"fit"));
}
