//! "Which fits you?" as a reader uses it, in every engine: answering by
//! keyboard and pointer, the tally, a shared link and Back, a picked pair's
//! questions drawn from typed facts, the custom element's event, and the
//! page without JavaScript.

use e2e::dataset::role;
use e2e::{open_page, serve, Browser, Options, Widget};
use role_compare::data::{baked, catalogues, view_of, Dataset};
use serde_json::{json, Value};

/// The fit view as a reader sees it: each question's id, prompt, options
/// (text, where it points, checked) and the tally.
const FIT: &str = "const [root] = arguments;
    const fit = root.querySelector('section.rc-fit:not([hidden])');
    if (!fit) return null;
    return {
      questions: [...fit.querySelectorAll('fieldset.rc-fit-question')].map((q) => ({
        id: q.dataset.question,
        prompt: q.querySelector('legend').textContent,
        options: [...q.querySelectorAll('.rc-fit-option')].map((o) => ({
          text: o.firstChild.nextSibling.textContent.trim(),
          to: o.querySelector('.rc-fit-to').textContent,
          checked: o.querySelector('input[type=radio]').checked,
          chosen: o.classList.contains('rc-fit-chosen'),
        })),
      })),
      tally: fit.querySelector('.rc-fit-tally').textContent,
      live: fit.querySelector('.rc-fit-tally').getAttribute('role'),
      reset: !fit.querySelector('.rc-fit-reset').disabled,
    };";

fn fit(w: &Widget<'_>) -> Value {
    w.eval(FIT, json!([]))
}

/// JS: chooses option `arguments[2]` of question `arguments[1]` as a pointer does (a click on its label).
const CHOOSE: &str = "const [root, q, o] = arguments;
    root.querySelectorAll(`fieldset[data-question=\"${CSS.escape(q)}\"] .rc-fit-option`)[o].click();";

/// The tally the view's answers give, from the catalogue: the roles most
/// answers point to (running names) and the count.
fn expected_tally(d: &Dataset, answers: &[(&str, usize)]) -> String {
    let mut counts = vec![0; d.roles.len()];
    for (id, o) in answers {
        let q = d.fit.iter().find(|q| q.id == *id).unwrap();
        q.options[*o].roles.iter().for_each(|&r| counts[r] += 1);
    }
    let most = *counts.iter().max().unwrap();
    let leaders: Vec<&str> =
        (0..d.roles.len()).filter(|&r| counts[r] == most).map(|r| d.roles[r].running_name.plural.as_ref()).collect();
    let ui = d.ui();
    match leaders.as_slice() {
        [one] => format!("Answers that point to {one}: {most} of {}.", answers.len()),
        _ => format!("Your answers point as often to {}: {most} of {} each.", ui.and_list(&leaders), answers.len()),
    }
}

#[test]
fn answers_show_where_they_point_the_tally_counts_them_and_a_shared_link_reopens_them() {
    let (_s, b) = open_page("");
    let w = Widget::page(&b);
    let d = baked();
    let before = fit(&w);
    let questions = before["questions"].as_array().expect("the fit view is shown");
    assert_eq!(questions.len(), d.fit.len());
    // Every option says where it points, before any answer.
    for (q, seen) in d.fit.iter().zip(questions) {
        assert_eq!(seen["prompt"], json!(q.prompt));
        for (o, option) in q.options.iter().zip(seen["options"].as_array().unwrap()) {
            assert_eq!(option["text"], json!(o.text));
            for &r in o.roles.iter() {
                assert!(option["to"].as_str().unwrap().contains(d.roles[r].running_name.plural.as_ref()), "{option}");
            }
        }
    }
    assert_eq!(before["tally"], json!("Answer a question to see which role your answers point to."));
    assert_eq!((before["live"].clone(), before["reset"].clone()), (json!("status"), json!(false)));

    // The pay question's higher figure (ECMO specialists), then the setting of perfusionists.
    let pay = d.fit.iter().find(|q| q.id == "pay").unwrap();
    let higher =
        pay.options.iter().position(|o| o.roles.contains(&d.role_ix(role("ecmo-specialist")).unwrap())).unwrap();
    let setting = d.fit.iter().find(|q| q.id == "setting").unwrap();
    let or = setting.options.iter().position(|o| o.roles.contains(&d.role_ix(role("perfusionist")).unwrap())).unwrap();
    w.eval(CHOOSE, json!(["pay", higher]));
    w.wait_until(
        "return arguments[0].querySelector('.rc-fit-tally').textContent === arguments[1];",
        json!([expected_tally(d, &[("pay", higher)])]),
    );
    // Written once the reader pauses: a history entry of its own.
    b.wait_until("return location.hash === arguments[0];", json!([format!("#answers=pay.{higher}")]));
    w.eval(CHOOSE, json!(["setting", or]));
    let tie = expected_tally(d, &[("setting", or), ("pay", higher)]);
    assert!(tie.starts_with("Your answers point as often to"), "{tie}");
    w.wait_until("return arguments[0].querySelector('.rc-fit-tally').textContent === arguments[1];", json!([tie]));
    let fragment = format!("#answers=setting.{or},pay.{higher}");
    b.wait_until("return location.hash === arguments[0];", json!([fragment]));
    let now = fit(&w);
    assert_eq!(now["reset"], json!(true));
    let chosen: Vec<(String, usize)> = now["questions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|q| {
            let id = q["id"].as_str().unwrap().to_owned();
            q["options"].as_array().unwrap().iter().enumerate().filter(|(_, o)| o["checked"] == json!(true)).map(
                move |(i, o)| {
                    assert_eq!(o["chosen"], json!(true), "a checked option is framed");
                    (id.clone(), i)
                },
            )
        })
        .collect();
    assert_eq!(chosen, vec![("setting".to_owned(), or), ("pay".to_owned(), higher)]);

    // A shared link reopens the answers in another browser.
    let link = b.eval("return location.href;", json!([])).as_str().unwrap().to_owned();
    let other = Browser::start(Options::default());
    other.goto(&link);
    let theirs = Widget::page(&other);
    theirs.wait_live();
    theirs.wait_until("return arguments[0].querySelector('.rc-fit-tally').textContent === arguments[1];", json!([tie]));
    assert_eq!(fit(&theirs)["questions"], now["questions"]);
    assert_eq!(other.console().warnings, Vec::<String>::new());

    // Back steps through the answers; Clear answers empties them.
    b.eval("history.back();", json!([]));
    b.wait_until("return location.hash === arguments[0];", json!([format!("#answers=pay.{higher}")]));
    w.wait_until(
        "return arguments[0].querySelector('.rc-fit-tally').textContent === arguments[1];",
        json!([expected_tally(d, &[("pay", higher)])]),
    );
    w.click(".rc-fit-reset");
    w.wait_until(
        "return arguments[0].querySelector('.rc-fit-tally').textContent === arguments[1];",
        json!([before["tally"]]),
    );
    assert!(fit(&w)["questions"].as_array().unwrap().iter().all(|q| q["options"]
        .as_array()
        .unwrap()
        .iter()
        .all(|o| o["checked"] == json!(false))));
    b.console().assert_clean();
}

/// Space on a focused radio chooses it; arrow keys move within its question;
/// Enter on "Clear answers" clears them and leaves focus on the heading.
#[test]
fn the_keyboard_alone_answers_a_question() {
    let (_s, b) = open_page("");
    let w = Widget::page(&b);
    let first = &baked().fit[0];
    w.eval("arguments[0].querySelector('fieldset.rc-fit-question input[type=radio]').focus();", json!([]));
    b.press("\u{E00D}");
    w.wait_until("return arguments[0].querySelector('fieldset.rc-fit-question input[type=radio]').checked;", json!([]));
    b.press("\u{E015}");
    w.wait_until(
        "return arguments[0].querySelectorAll('fieldset.rc-fit-question')[0].querySelectorAll('input[type=radio]')[1].checked;",
        json!([]),
    );
    b.wait_until("return location.hash === arguments[0];", json!([format!("#answers={}.1", first.id)]));
    assert_eq!(w.announced(), "", "the tally speaks for itself; the widget's own region stays quiet");
    // Enter on "Clear answers" clears them; the button it disables does not
    // keep the focus: the section's heading takes it.
    w.eval("arguments[0].querySelector('.rc-fit-reset').focus();", json!([]));
    b.press("\u{E007}");
    w.wait_until("return arguments[0].querySelector('.rc-fit-reset').disabled;", json!([]));
    let focused = w.eval(
        "const a = arguments[0].getRootNode().activeElement;
         return [a && a.matches('section.rc-fit .rc-section-title'), [...arguments[0].querySelectorAll('.rc-fit input:checked')].length];",
        json!([]),
    );
    assert_eq!(focused, json!([true, 0]), "focus on the fit view's heading, no answer left");
}

/// On a comparison's own page (not the first comparison's), a link's answers
/// are that comparison's: `hours` is asked of ECMO specialists and respiratory
/// therapists alone, and a shared link and a reload keep the answer.
#[test]
fn a_comparison_page_reopens_its_own_answers() {
    let s = serve();
    let b = e2e::browser();
    b.goto(&s.url("/respiratory-therapist-vs-ecmo-specialist.html#answers=hours.1"));
    let w = Widget::page(&b);
    w.wait_live();
    let chosen = |b: &Browser| {
        let w = Widget::page(b);
        w.wait_live();
        let view = fit(&w);
        let hours = view["questions"].as_array().unwrap().iter().find(|q| q["id"] == "hours").cloned();
        hours.map(|q| q["options"].as_array().unwrap().iter().map(|o| o["checked"] == json!(true)).collect::<Vec<_>>())
    };
    assert_eq!(chosen(&b), Some(vec![false, true]), "the linked answer is chosen");
    b.reload();
    assert_eq!(chosen(&b), Some(vec![false, true]), "and still after a reload");
    assert_eq!(b.eval("return location.hash;", json!([])), json!("#answers=hours.1"));
}

/// A pair the reader picks asks questions drawn from its roles' typed facts.
#[test]
fn a_picked_pair_asks_the_questions_of_its_own_facts() {
    let (_s, b) = open_page("");
    let w = Widget::page(&b);
    w.eval(CHOOSE, json!(["pay", 0]));
    b.wait_until("return location.hash.includes('answers=');", json!([]));
    // Other roles (as the picker or a link picks them): their own questions, no answer kept.
    let c = &catalogues()[0];
    let therapist = c.role_ix("respiratory-therapist").unwrap();
    let perfusionist = c.role_ix("perfusionist").unwrap();
    let pair = view_of(c, &[therapist, perfusionist]);
    b.eval("location.hash = 'roles=respiratory-therapist,perfusionist';", json!([]));
    w.wait_until(
        "return arguments[0].querySelectorAll('fieldset.rc-fit-question').length === arguments[1];",
        json!([pair.fit.len()]),
    );
    let seen = fit(&w);
    assert_eq!(seen["tally"], json!("Answer a question to see which role your answers point to."));
    let ids: Vec<&str> = seen["questions"].as_array().unwrap().iter().map(|q| q["id"].as_str().unwrap()).collect();
    let expected: Vec<&str> = pair.fit.iter().map(|q| q.id.as_ref()).collect();
    assert_eq!(ids, expected);
    for fact in ["setting", "training", "certification", "pay"] {
        assert!(ids.contains(&fact), "{fact} drawn from the facts: {ids:?}");
    }
    // Their pay figures come from different sources and years: said beside them.
    let pay = pair.fit.iter().find(|q| q.id == "pay").unwrap();
    assert!(pay.note.is_some());
    let note =
        w.eval("return arguments[0].querySelector('fieldset[data-question=pay] .rc-fit-note').textContent;", json!([]));
    assert_eq!(note, json!(pay.note.as_deref()));
    b.console().assert_clean();
}

/// The element tells its host what the reader answered.
#[test]
fn the_element_s_change_event_carries_the_answers() {
    let s = serve();
    let b = Browser::start(Options::default());
    s.add_page("/fit-host.html", e2e::article("<role-compare id=\"w\"></role-compare>", true));
    b.goto(&s.url("/fit-host.html"));
    let w = Widget::id(&b, "w");
    w.wait_live();
    // `window.` on the write: Firefox runs WebDriver's scripts in a sandbox whose bare global writes stay there.
    b.eval(
        "window.__last = null; document.addEventListener('role-compare-change', (e) => { window.__last = e.detail; });",
        json!([]),
    );
    let d = baked();
    let pay = d.fit.iter().find(|q| q.id == "pay").unwrap();
    w.eval(CHOOSE, json!(["pay", 1]));
    b.wait_for("window.__last && window.__last.answers.length === 1");
    let roles: Vec<&str> = pay.options[1].roles.iter().map(|&r| d.roles[r].id.as_ref()).collect();
    assert_eq!(
        b.eval("return [window.__last.answers, document.querySelector('#w').view.answers];", json!([])),
        json!([[{"question": "pay", "option": 1, "roles": roles}], [{"question": "pay", "option": 1, "roles": roles}]])
    );
    // (The article's own inline style is what the strict policy reports.)
    b.console().assert_quiet();
}

/// Without JavaScript the page still holds every question and, for each
/// option, which role it points to, as text.
#[test]
fn without_javascript_the_questions_and_where_each_option_points_are_text() {
    let s = serve();
    let b = Browser::start(Options { javascript: false, ..Options::default() });
    b.goto(&s.url("/index.html"));
    let text = b.eval("return document.querySelector('section.rc-fit').innerText;", json!([]));
    let text = text.as_str().expect("the fit view is in the page");
    let d = baked();
    for q in d.fit.iter() {
        assert!(text.contains(q.prompt.as_ref()), "{}", q.prompt);
        for o in q.options.iter() {
            assert!(text.contains(o.text.as_ref()), "{}", o.text);
        }
    }
    for r in d.roles.iter() {
        assert!(text.contains(&format!("Points to: {}", r.running_name.plural)), "{}", r.id);
    }
    let disabled =
        b.eval("return [...document.querySelectorAll('.rc-fit input')].every((i) => i.disabled);", json!([]));
    assert_eq!(disabled, json!(true), "inert until the wasm can work them");
}

/// Before the wasm and after it, with answers in a shared link: where the fit
/// view's parts are, and how the chosen option looks.
const FIT_FRAME: &str = "
  window.__fit = () => {
    const top = (s) => Math.round(document.querySelector(s).getBoundingClientRect().top + scrollY);
    const chosen = document.querySelector('.rc-fit-option[data-answer=\"pay.1\"]');
    const other = document.querySelector('.rc-fit-option[data-answer=\"pay.0\"]');
    return { tally: top('.rc-fit-tally'), footer: top('.rc-footer'), last: top('.rc-fit-question:last-of-type'),
             chosen: getComputedStyle(chosen).borderTopColor, other: getComputedStyle(other).borderTopColor,
             checked: [...document.querySelectorAll('.rc-fit-option')].filter((o) => o.querySelector('input').checked)
               .map((o) => o.dataset.answer).sort() };
  };
  document.addEventListener('DOMContentLoaded', () => { window.__before = window.__fit(); });
";

/// A shared link's answers show in the first paint (the chosen option framed
/// and its radio checked, the tally's room kept), and the live view that checks them moves nothing:
/// wide and at 320 px, a lead and a tie, in English and in Spanish (whose
/// sentences run longer).
#[test]
fn a_linked_answer_shows_before_the_wasm_and_the_take_over_moves_nothing() {
    let d = baked();
    let pay = d.fit.iter().find(|q| q.id == "pay").expect("the shipped comparison asks pay");
    let paid = pay.options[1].roles[0];
    // Another question's option pointing to the other role: with pay.1, a tie.
    let tie = d
        .fit
        .iter()
        .filter(|q| q.id != "pay")
        .find_map(|q| {
            let o = q.options.iter().position(|o| o.roles.len() == 1 && o.roles[0] != paid)?;
            Some(format!("answers=pay.1,{}.{o}", q.id))
        })
        .expect("a question pointing to the other role");
    let lead = "answers=pay.1,setting.0,training.1".to_owned();
    let s = serve();
    for (page, width, link) in [
        ("index.html", 1280, &lead),
        ("index.html", 320, &lead),
        ("index.html", 320, &tie),
        ("index.es.html", 320, &tie),
    ] {
        let b = Browser::start(Options { width, ..Options::default() });
        b.add_init_script(FIT_FRAME);
        b.goto(&s.url(&format!("/{page}#{link}")));
        Widget::page(&b).wait_live();
        b.wait_for("document.querySelector('.rc-fit-option[data-answer=\"pay.1\"] input').checked");
        b.eval_async("requestAnimationFrame(() => requestAnimationFrame(arguments[0]));", json!([]));
        let (before, after) =
            (b.eval("return window.__before;", json!([])), b.eval("return window.__fit();", json!([])));
        let case = format!("{page} at {width} px, #{link}");
        assert_ne!(
            before["chosen"], before["other"],
            "{case}: the linked answer is framed in the first paint: {before}"
        );
        assert_eq!(before["chosen"], after["chosen"], "{case}: and looks the same live");
        let mut linked: Vec<&str> = link.trim_start_matches("answers=").split(',').collect();
        linked.sort();
        assert_eq!(before["checked"], json!(linked), "{case}: the linked answers' radios are checked before the wasm");
        assert_eq!(after["checked"], before["checked"], "{case}: and stay so live");
        for part in ["tally", "last", "footer"] {
            assert_eq!(
                before[part], after[part],
                "{case}: {part} moved when the live tally appeared: {before} → {after}"
            );
        }
        b.console().assert_clean();
    }
}
