//! The widget in any language: the UI string table, number forms, language
//! tags and direction, several datasets in one build, and a marker locale
//! proving no English literal is left in a component.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use role_compare::components::{announcement, render_html, PageHead, PageHeadProps, RoleCompareProps};
use role_compare::data::cldr::plural_rule;
use role_compare::data::ui::{self, check_template, pick, Msg, Ui, BUILT_IN};
use role_compare::data::view::{parse_dataset, parse_datasets};
use role_compare::data::{baked, dataset_files, datasets, for_lang, Dataset, Dir};
use role_compare::state::{dataset_for, Change};
use serde_json::Value;
use yew::LocalServerRenderer;

fn read(file: &str) -> String {
    std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn leak(d: Dataset) -> &'static Dataset {
    Box::leak(Box::new(d))
}

fn table(strings: &[&str]) -> Vec<std::borrow::Cow<'static, str>> {
    strings.iter().map(|s| std::borrow::Cow::Owned(s.to_string())).collect()
}

/// The widget's default view of `d`, rendered natively, its title an `<h2>`.
fn render_widget(d: &'static Dataset) -> String {
    render_html(RoleCompareProps::of(d))
}

#[test]
fn every_built_in_table_has_every_key_with_its_placeholders() {
    for (lang, strings) in BUILT_IN {
        assert_eq!(strings.len(), Msg::ALL.len(), "{lang}");
        let categories = role_compare::data::cldr::categories(&plural_rule(lang).unwrap());
        for (msg, s) in Msg::ALL.iter().zip(strings.iter()) {
            // A plural form is given exactly when CLDR gives the language that category.
            if let Some(form) = msg.plural_form() {
                assert_eq!(s.is_empty(), !categories.contains(&form), "{lang}.{}", msg.key());
                if s.is_empty() {
                    continue;
                }
            }
            // A gendered form is given exactly when the language has genders (Spanish, not English).
            if msg.gender_form().is_some() {
                assert_eq!(s.is_empty(), !ui::has_genders(strings), "{lang}.{}", msg.key());
                if s.is_empty() {
                    continue;
                }
            }
            check_template(*msg, s).unwrap_or_else(|e| panic!("{lang}.{}: {e}", msg.key()));
        }
    }
    // Keys are unique and round-trip.
    for msg in Msg::ALL {
        assert_eq!(Msg::from_key(msg.key()), Some(*msg));
    }
}

#[test]
fn money_numbers_and_percentages_in_english_and_spanish() {
    let en = table(ui::EN);
    let es = table(ui::ES);
    let (en_rule, es_rule) = (plural_rule("en").unwrap(), plural_rule("es").unwrap());
    let (en, es) = (Ui::new(&en, &en_rule), Ui::new(&es, &es_rule));
    assert_eq!(en.money(80_000), "$80,000");
    assert_eq!(es.money(80_000), "80.000\u{a0}US$");
    assert_eq!(en.money(1_234_567), "$1,234,567");
    assert_eq!(es.money(1_234_567), "1.234.567\u{a0}US$");
    // Spanish groups only from five digits (CLDR minimumGroupingDigits = 2).
    assert_eq!(
        (en.number(1_000), es.number(1_000), es.number(10_000)),
        ("1,000".into(), "1000".into(), "10.000".into())
    );
    assert_eq!((en.number(999), es.number(999), en.number(0)), ("999".into(), "999".into(), "0".into()));
    assert_eq!((en.percent(14), es.percent(14)), ("14%".into(), "14\u{a0}%".into()));
    assert_eq!((en.years(1), en.years(0), en.years(4)), ("1 year".into(), "0 years".into(), "4 years".into()));
    assert_eq!((es.years(1), es.years(4)), ("1 año".into(), "4 años".into()));
    // CLDR's Spanish "many": whole millions take "de".
    assert_eq!(es.plural(ui::YEARS, 1_000_000), "1.000.000 de años");
    assert_eq!(
        (en.year_span(3, 5), es.year_span(3, 5), es.year_span(2, 2)),
        ("3–5 years".into(), "3–5 años".into(), "2 años".into())
    );
    assert_eq!(es.list(&["a", "b"]), "a, b");
    assert_eq!(
        es.fill(
            Msg::SalaryMore,
            &[("higher", "A"), ("gap", &es.money(10_000)), ("percent", &es.percent(14)), ("lower", "B")]
        ),
        "El salario mediano de A supera en 10.000\u{a0}US$ al año (14\u{a0}%) al de B."
    );
}

#[test]
fn a_dataset_can_bring_its_own_digits_and_plural_forms() {
    let ar = parse_dataset("rtl-ar.json", &read("tests/fixtures/rtl-ar.json")).expect("the RTL fixture is valid");
    let ui = ar.ui();
    assert_eq!(ui.money(80_000), "٨٠٬٠٠٠ دولار");
    assert_eq!(ui.percent(14), "١٤٪");
    assert_eq!(ui.years(1), "سنة واحدة", "a `_one` form may leave out {{n}}");
    assert_eq!(ui.years(4), "٤ سنوات");
    // Arabic has all six CLDR forms: 2 is dual, 3–10 few, 11–99 many, 100 other.
    let forms: Vec<String> = [0, 1, 2, 3, 11, 100, 102, 103, 111].map(|n| ui.plural(ui::YEARS, n)).to_vec();
    assert_eq!(
        forms,
        ["٠ سنة", "سنة واحدة", "سنتان", "٣ سنوات", "١١ سنة", "١٠٠ سنة", "١٠٢ سنة", "١٠٣ سنوات", "١١١ سنة"]
    );
}

#[test]
fn a_slavic_language_takes_its_few_and_many_forms() {
    // Polish: 1 rok, 2–4 lata (but 12–14), 5+ lat; 22 lata, 25 lat, 112 lat.
    let rule = plural_rule("pl").unwrap();
    let mut strings = table(ui::EN);
    for (msg, text) in [
        (Msg::YearsOne, "{n} rok"),
        (Msg::YearsFew, "{n} lata"),
        (Msg::YearsMany, "{n} lat"),
        (Msg::YearsOther, "{n} roku"),
    ] {
        strings[msg as usize] = text.to_owned().into();
    }
    let pl = Ui::new(&strings, &rule);
    let got: Vec<String> = [1, 2, 4, 5, 12, 14, 21, 22, 25, 112, 122].map(|n| pl.years(n)).to_vec();
    assert_eq!(
        got,
        [
            "1 rok", "2 lata", "4 lata", "5 lat", "12 lat", "14 lat", "21 lat", "22 lata", "25 lat", "112 lat",
            "122 lata"
        ]
    );
    // Russian through the same path: 1, 21 one; 2–4, 22 few; 5, 11, 12 many.
    let rule = plural_rule("ru").unwrap();
    let ru = Ui::new(&strings, &rule);
    let got: Vec<Msg> = [1, 21, 2, 22, 5, 11, 12, 111].map(|n| ru.plural_form(ui::YEARS, n)).to_vec();
    use Msg::{YearsFew as F, YearsMany as M, YearsOne as O};
    assert_eq!(got, [O, O, F, F, M, M, M, M]);
}

#[test]
fn the_baked_plural_rules_agree_with_icu4x_for_whole_numbers() {
    use icu_plurals::{PluralCategory as Icu, PluralRules};
    let numbers: Vec<u64> = (0..=2_500).chain([10_000, 100_000, 1_000_000, 2_000_000, 1_000_001, 10_000_000]).collect();
    for lang in [
        "en", "es", "es-MX", "fr", "pt", "ar", "he", "pl", "ru", "uk", "cs", "sl", "lt", "lv", "cy", "ga", "gd", "mt",
        "br", "ja",
    ] {
        let rule = plural_rule(lang).unwrap();
        let locale: icu_locale_core::Locale = lang.parse().unwrap();
        let icu = PluralRules::try_new_cardinal(locale.into()).unwrap();
        for &n in &numbers {
            let ours = ui::plural_category(&rule, n);
            let theirs = match icu.category_for(n) {
                Icu::Zero => ui::PluralCategory::Zero,
                Icu::One => ui::PluralCategory::One,
                Icu::Two => ui::PluralCategory::Two,
                Icu::Few => ui::PluralCategory::Few,
                Icu::Many => ui::PluralCategory::Many,
                Icu::Other => ui::PluralCategory::Other,
            };
            assert_eq!(ours, theirs, "{lang}: {n}");
        }
    }
}

#[test]
fn a_dataset_must_give_the_plural_forms_its_language_has_and_no_other() {
    let ar: Value = serde_json::from_str(&read("tests/fixtures/rtl-ar.json")).unwrap();
    let mut without_few = ar.clone();
    without_few["ui"].as_object_mut().unwrap().remove("years_few");
    let err = parse_dataset("rtl-ar.json", &without_few.to_string()).unwrap_err();
    assert_eq!(err.path, "ui.years_few");
    assert!(err.message.contains("\"ar\" has the plural forms zero, one, two, few, many, other (CLDR)"), "{err}");
    let en: Value = serde_json::from_str(&read("assets/roles.json")).unwrap();
    let mut with_few = en.clone();
    with_few["ui"] = serde_json::json!({ "years_few": "{n} yrs" });
    let err = parse_dataset("roles.json", &with_few.to_string()).unwrap_err();
    assert_eq!(err.path, "ui.years_few");
    assert!(err.message.contains("\"en\" has no plural form \"few\" (CLDR gives it one, other)"), "{err}");
}

#[test]
fn templates_are_checked() {
    assert!(check_template(Msg::ShowAll, "Mostrar").is_ok());
    let fault = |msg, s| check_template(msg, s).unwrap_err();
    assert!(fault(Msg::ShowAll, "Show {n}").contains("unknown placeholder {n}: this string takes none"));
    assert!(fault(Msg::SalaryMore, "{higher} {gap} {percent} {lowest}").contains("unknown placeholder {lowest}"));
    assert!(fault(Msg::Money, "US$").contains("missing placeholder {amount}"));
    assert!(fault(Msg::ShownCount, "({shown} of {total)").contains("is not closed"));
    assert!(fault(Msg::ShownCount, "({shown} of { total })").contains("bad placeholder { total }"));
    assert!(fault(Msg::ShownCount, "{shown}} of {total}").contains("closes no placeholder"));
    assert!(fault(Msg::YearsOther, "years").contains("missing placeholder {n}"), "only exact forms may drop {{n}}");
    assert!(fault(Msg::YearsFew, "lata").contains("missing placeholder {n}"), "only exact forms may drop {{n}}");
    assert!(check_template(Msg::YearsTwo, "سنتان").is_ok());
    assert!(check_template(Msg::YearsOne, "one year").is_ok());
    assert!(fault(Msg::Digits, "0123").contains("ten digits"));
    assert!(fault(Msg::MinGroupingDigits, "7").contains("1 to 4"));
    assert!(fault(Msg::Caveats, "").contains("empty"));
    // A role's running-text form may be lowercase: no sentence starts with one.
    assert!(
        fault(Msg::SalaryMore, "{higher} earn {gap} ({percent}) more than {lower}.").contains("starts with {higher}")
    );
    assert!(
        check_template(Msg::SalaryMore, "At the median, {higher} earn {gap} ({percent}) more than {lower}.").is_ok()
    );
}

#[test]
fn announcements_agree_with_the_gender_of_the_category_title() {
    let es = &datasets()[1];
    let id = |id: &str| es.category_ix(id).unwrap();
    let said = |id_: &str, on: bool| announcement(es, Change::Category(id(id_), on));
    assert_eq!(said("overview", false), "Resumen: oculto");
    assert_eq!(said("skills", false), "Habilidades: oculta");
    assert_eq!(said("salary", true), "Salario: visible");
    let en = &datasets()[0];
    assert_eq!(announcement(en, Change::Category(0, false)), "Overview hidden");

    // Spanish gives gendered forms, so every Spanish category names its gender …
    let mut v: Value = serde_json::from_str(&read("assets/roles.es.json")).unwrap();
    v["categories"][2].as_object_mut().unwrap().remove("gender");
    let err = parse_dataset("roles.es.json", &v.to_string()).unwrap_err();
    assert_eq!(err.path, "categories[2].gender");
    assert!(
        err.message.starts_with("missing: \"es\" gives the messages about a category in masculine and feminine"),
        "{err}"
    );
    // … and a language that gives one gendered form gives them all.
    let mut ar: Value = serde_json::from_str(&read("tests/fixtures/rtl-ar.json")).unwrap();
    ar["ui"]["announce_hidden_feminine"] = "أُخفيت {category}".into();
    let err = parse_dataset("rtl-ar.json", &ar.to_string()).unwrap_err();
    assert_eq!(err.path, "ui.announce_shown_masculine", "{err}");
    assert!(err.message.contains("needs its masculine and feminine forms"), "{err}");
}

#[test]
fn overrides_replace_built_in_strings_and_a_new_language_must_give_all() {
    let mut over = BTreeMap::new();
    over.insert("show_all".to_owned(), "Ver todo".to_owned());
    let one_many_other = [ui::PluralCategory::One, ui::PluralCategory::Many, ui::PluralCategory::Other];
    let es_mx = ui::resolve("es-MX", &over, &one_many_other).unwrap();
    assert_eq!(es_mx[Msg::ShowAll as usize], "Ver todo");
    assert_eq!(es_mx[Msg::HideAll as usize], "Ocultar todas", "the rest from the built-in Spanish table");
    let (path, fault) = ui::resolve("de", &over, &[ui::PluralCategory::One, ui::PluralCategory::Other]).unwrap_err();
    assert_eq!(path, "ui.categories_shown");
    assert!(fault.contains("\"de\" has no built-in UI strings (built in: en, es)"), "{fault}");
}

#[test]
fn language_tags_direction_and_matching() {
    for ok in ["en", "es", "es-MX", "zh-Hant-TW", "ar", "sr-Latn", "gsw"] {
        assert!(ui::check_lang(ok).is_ok(), "{ok}");
    }
    for bad in ["", "e", "en_US", "english (US)", "en-", "-en", "en--US", "es-123456789"] {
        assert!(ui::check_lang(bad).is_err(), "{bad}");
    }
    for rtl in ["ar", "he", "fa", "ur", "ar-EG", "az-Arab", "HE"] {
        assert!(ui::is_rtl(rtl), "{rtl}");
    }
    for ltr in ["en", "es", "ku-Latn", "arn", "hr"] {
        assert!(!ui::is_rtl(ltr), "{ltr}");
    }
    let have = ["en", "es"];
    let p = |asked: &str| pick(asked, have.iter().copied());
    assert_eq!(
        (p("es"), p("ES"), p("es-MX"), p("es_AR"), p("en-GB"), p("fr"), p("")),
        (Some(1), Some(1), Some(1), Some(1), Some(0), None, None)
    );
    let regional = ["en", "es-ES", "es-MX"];
    assert_eq!(pick("es-MX", regional.iter().copied()), Some(2), "exact region first");
    assert_eq!(pick("es-AR", regional.iter().copied()), Some(1), "then any tag of the language");
}

#[test]
fn the_default_build_ships_english_first_and_spanish() {
    let langs: Vec<&str> = datasets().iter().map(|d| d.lang.as_ref()).collect();
    assert_eq!(langs, ["en", "es"]);
    assert!(std::ptr::eq(baked(), &datasets()[0]));
    assert_eq!(for_lang("es-419").map(|d| d.title.as_ref()), Some("Especialista en ECMO frente a perfusionista"));
    assert!(for_lang("fr").is_none());
    assert!(datasets().iter().all(|d| d.dir == Dir::Ltr));
    let es = &datasets()[1];
    assert_eq!(es.ui().text(Msg::ShowAll), "Mostrar todas");
    // The files they came from, in the same order (one page build each).
    assert_eq!(dataset_files(), ["assets/roles.json", "assets/roles.es.json"]);
}

#[test]
fn a_language_is_picked_else_the_fallback_with_one_warning() {
    let es = &datasets()[1];
    // Found: no warning, whatever the fallback.
    let (d, w) = dataset_for("lang", Some("es-MX".into()), baked());
    assert!(std::ptr::eq(d, es) && w.is_none());
    // None or blank: the fallback, silently (the page's own language).
    for asked in [None, Some(" ".to_owned())] {
        let (d, w) = dataset_for("lang", asked, es);
        assert!(std::ptr::eq(d, es) && w.is_none());
    }
    // Unknown: the fallback, and a warning naming the key, the value and what there is.
    let (d, w) = dataset_for("lang", Some("fr".into()), es);
    assert!(std::ptr::eq(d, es));
    let w = w.expect("a warning");
    assert_eq!((w.key.as_str(), w.value.as_str()), ("lang", "fr"));
    assert_eq!(w.reason, "no dataset in this build (built in: en, es); showing es");
}

#[test]
fn the_spanish_dataset_keeps_every_fact_caveat_and_source() {
    let files =
        [("assets/roles.json", read("assets/roles.json")), ("assets/roles.es.json", read("assets/roles.es.json"))];
    let files: Vec<(String, String)> = files.into_iter().map(|(f, j)| (f.to_owned(), j)).collect();
    let [en, es] =
        <[Dataset; 2]>::try_from(parse_datasets(&files).expect("both valid and the same comparison")).unwrap();
    assert_eq!(es.lang, "es");
    for (a, b) in en.categories.iter().zip(es.categories.iter()) {
        let count =
            |c: &role_compare::data::Category| (c.entries.iter().map(|p| p.len()).collect::<Vec<_>>(), c.common.len());
        assert_eq!(count(a), count(b), "every point of {} is translated", a.id);
    }
    assert_eq!(en.sources, es.sources, "the source is kept as published");
    for (a, b) in en.roles.iter().zip(es.roles.iter()) {
        assert_eq!(a.facts.median_salary_usd, b.facts.median_salary_usd);
    }
    // The article's contradiction is recorded in Spanish too.
    assert!(es.caveats.iter().any(|c| c.text.contains("se contradice")));
}

#[test]
fn datasets_of_one_build_must_be_the_same_comparison_in_different_languages() {
    let en = read("assets/roles.json");
    let two = |second: String| {
        parse_datasets(&[("a.json".to_owned(), en.clone()), ("b.json".to_owned(), second)]).unwrap_err()
    };
    let err = two(en.clone());
    assert_eq!((err.file.as_str(), err.path.as_str()), ("b.json", "lang"));
    assert!(err.message.contains("also the language of a.json"), "{err}");

    let es: Value = serde_json::from_str(&read("assets/roles.es.json")).unwrap();
    let mut v = es.clone();
    v["roles"][1]["facts"]["median_salary_usd"] = 75_000.into();
    let err = two(v.to_string());
    assert_eq!(err.path, "roles[1].facts");
    assert!(err.message.contains("differs from a.json"), "{err}");

    // A valid catalogue with a category less: not the same catalogue.
    let mut v = es.clone();
    let removed = v["categories"].as_array_mut().unwrap().remove(1);
    let id = removed["id"].as_str().unwrap();
    for list in ["roles", "comparisons"] {
        for item in v[list].as_array_mut().unwrap() {
            let field = if list == "roles" { "points" } else { "categories" };
            item[field].as_object_mut().unwrap().remove(id);
        }
    }
    assert_eq!(two(v.to_string()).path, "categories");
}

/// `assets/roles.json` with every text a marker `«n»` and a language with no
/// built-in table whose every UI string is a marker `⟦key {placeholders}⟧`.
fn marker_dataset() -> &'static Dataset {
    /// Keys whose strings are ids, names of the schema or references, not text.
    /// (`role` and `category`: a fit option's references.)
    const NOT_TEXT: &[&str] =
        &["id", "url", "chart", "occupation", "lang", "dir", "key_fact", "$schema", "ref", "role", "category"];
    fn mark(v: &mut Value, key: &str, n: &mut usize) {
        match v {
            Value::String(s) if !NOT_TEXT.contains(&key) => {
                *n += 1;
                *s = format!("«{n}»");
            }
            Value::Array(items) => items.iter_mut().for_each(|i| mark(i, if key == "ref" { key } else { "" }, n)),
            Value::Object(map) => {
                let caveat = map.contains_key("text");
                for (k, v) in map.iter_mut() {
                    // Lists of ids: a caveat's categories, a role's sources,
                    // a comparison's roles and caveats; a role's fact sources.
                    let ids = v.as_array().is_some_and(|a| a.iter().all(Value::is_string))
                        && (matches!(k.as_str(), "roles" | "caveats" | "sources") || (caveat && k == "categories"));
                    let k = if ids || k == "fact_sources" { "ref" } else { k.as_str() };
                    if k == "ref" && v.is_object() {
                        v.as_object_mut().unwrap().values_mut().for_each(|id| mark(id, "ref", n));
                    } else {
                        mark(v, k, n);
                    }
                }
            }
            _ => {}
        }
    }
    let mut v: Value = serde_json::from_str(&read("assets/roles.json")).unwrap();
    mark(&mut v, "", &mut 0);
    v["lang"] = "zz".into();
    // "zz" has CLDR's root rule: every number is `other`, the one plural form it gives.
    let ui: serde_json::Map<String, Value> = Msg::ALL
        .iter()
        .filter(|m| m.plural_form().is_none_or(|c| c == ui::PluralCategory::Other) && m.gender_form().is_none())
        .map(|m| {
            let value = match m {
                Msg::Digits => "0123456789".to_owned(),
                Msg::MinGroupingDigits => "1".to_owned(),
                _ => {
                    let slots: Vec<String> = m.placeholders().iter().map(|p| format!("{{{p}}}")).collect();
                    format!("⟦{} {}⟧", m.key(), slots.join(" "))
                }
            };
            (m.key().to_owned(), Value::String(value))
        })
        .collect();
    v["ui"] = Value::Object(ui);
    leak(parse_dataset("marker.json", &v.to_string()).expect("the marker dataset is valid"))
}

/// Visible text and reader-facing attribute values of server-rendered HTML.
fn reader_facing(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push(rest[..lt].to_owned());
        let gt = rest[lt..].find('>').map(|i| lt + i).expect("tag closes");
        let tag = &rest[lt..gt];
        for attr in [
            "aria-label=\"",
            "aria-description=\"",
            "title=\"",
            "alt=\"",
            "placeholder=\"",
            "content=\"",
            "aria-valuetext=\"",
        ] {
            let mut t = tag;
            while let Some(at) = t.find(attr) {
                // A whole attribute name, not the end of another one.
                // Meta `content` only where it is text (description, title), not og:type.
                let whole = (at == 0 || t.as_bytes()[at - 1] == b' ')
                    && (attr != "content=\"" || tag.contains("description") || tag.contains("title"));
                let value = &t[at + attr.len()..];
                let end = value.find('"').expect("attribute value closes");
                if whole {
                    out.push(value[..end].to_owned());
                }
                t = &value[end..];
            }
        }
        rest = &rest[gt + 1..];
    }
    out.push(rest.to_owned());
    out.into_iter()
        .map(|s| {
            s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#x27;", "'")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
        })
        .collect()
}

/// What is left of a text once every marker is taken out.
fn unmarked(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '«' | '⟦' => depth += 1,
            '»' | '⟧' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn with_a_marker_locale_no_english_is_left_in_the_widget_the_head_or_the_announcements() {
    let d = marker_dataset();
    let widget = render_widget(d);
    let head_props = PageHeadProps {
        alternates: vec![("zz".into(), "https://example.org/index.html".into())],
        ..PageHeadProps::for_dataset(d)
    };
    let head =
        futures::executor::block_on(LocalServerRenderer::<PageHead>::with_props(head_props).hydratable(false).render());
    let mut texts = reader_facing(&widget);
    texts.extend(reader_facing(&head));
    let changes = [
        Change::Category(0, true),
        Change::Category(0, false),
        Change::All(true),
        Change::All(false),
        Change::Highlight(true),
        Change::Highlight(false),
    ];
    texts.extend(changes.iter().map(|c| announcement(d, *c)));

    let markers = texts.iter().map(|t| t.matches('⟦').count()).sum::<usize>();
    assert!(markers > 30, "the marker strings are what is rendered ({markers} found)");
    let left: Vec<String> = texts.iter().map(|t| unmarked(t)).filter(|t| t.chars().any(char::is_alphabetic)).collect();
    assert!(left.is_empty(), "text not from the UI table or the dataset: {left:#?}");
    // The root says which language and direction it is in.
    assert!(widget.contains("lang=\"zz\"") && widget.contains("dir=\"ltr\""), "{widget}");
}

#[test]
fn the_spanish_widget_speaks_spanish_and_the_rtl_one_is_right_to_left() {
    let render = render_widget;
    let es = render(&datasets()[1]);
    for s in [
        "lang=\"es\"",
        "dir=\"ltr\"",
        "Mostrar todas",
        "De un vistazo",
        "80.000\u{a0}US$",
        "Diferencia clave:",
        "(8 de 8)",
        "¿Cuál se ajusta a su perfil?",
        "supera en 10.000\u{a0}US$ al año (14\u{a0}%) al de los perfusionistas.",
    ] {
        assert!(es.contains(s), "{s} missing");
    }
    for english in ["Show all", "At a glance", "Key difference", "$80,000", "Both roles", "Sources"] {
        assert!(!es.contains(english), "English {english:?} in the Spanish widget");
    }
    let ar = leak(parse_dataset("rtl-ar.json", &read("tests/fixtures/rtl-ar.json")).unwrap());
    assert_eq!(ar.dir, Dir::Rtl, "dir follows the language when the dataset does not set it");
    let html = render(ar);
    assert!(html.contains("lang=\"ar\"") && html.contains("dir=\"rtl\""));
    assert!(html.contains("٨٠٬٠٠٠ دولار"));
}

#[test]
fn the_readme_lists_every_ui_key_and_no_other() {
    let readme = read("README.md");
    let section = readme.split("## Add a language").nth(1).expect("README has an \"Add a language\" section");
    let section = section.split("\n## ").next().unwrap();
    let mut listed: Vec<&str> = section
        .lines()
        .filter(|l| l.starts_with("| `"))
        .flat_map(|l| l.split('|').nth(1).unwrap().split(',').map(|k| k.trim().trim_matches('`')))
        .collect();
    listed.sort_unstable();
    let mut keys: Vec<&str> = Msg::ALL.iter().map(|m| m.key()).collect();
    keys.sort_unstable();
    assert_eq!(listed, keys, "README.md's table of UI keys follows src/data/ui.rs");
}
