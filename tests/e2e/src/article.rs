//! A host article, as a career website publishes it: a title and several
//! screens of its own text, with whatever widget markup the caller puts far
//! below the fold (the lazy-loading tests and the host-impact bench).

/// Paragraphs of the host article (a career site's own text, several screens).
const PARAGRAPHS: [&str; 4] = [
    "Choosing between two clinical careers is rarely a matter of salary alone. The day-to-day work, the hours, the \
     training path and the kind of responsibility each role carries shape whether a career fits the person who \
     takes it up. This guide walks through the questions that readers ask us most often.",
    "Start with the setting. Some roles spend most of their time in one unit, with the same team, following \
     patients for days or weeks; others move between operating rooms and see each patient for a few hours. \
     Neither is better: they suit different temperaments, and it is worth shadowing both before deciding.",
    "Then look at the training. Programmes differ in length, in the degree they expect before admission and in \
     the certification that follows. Ask each programme how many of its graduates pass the certification exam \
     on the first attempt, and how many find work in the field within a year.",
    "Finally, talk to people in the job. Professional associations list regional meetings that welcome \
     students, and most clinicians are glad to describe what a typical shift looks like. Their answers will \
     tell you more than any table of figures, including ours below.",
];

/// The article: a title, several screens of text, `widget` (markup, may be
/// empty) far below the fold, then a closing paragraph.
pub fn article(widget: &str, script: bool) -> String {
    let mut body = String::from("<h1>ECMO specialist or perfusionist? How to choose</h1>\n");
    for round in 0..6 {
        body.push_str(&format!("<h2>Part {}</h2>\n", round + 1));
        for p in PARAGRAPHS {
            body.push_str(&format!("<p>{p}</p>\n"));
        }
    }
    body.push_str(widget);
    body.push_str("\n<p>Published by a career website. The comparison above is the role-compare widget.</p>\n");
    let script = if script { "<script type=\"module\" src=\"/role-compare.js\"></script>\n" } else { "" };
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>How to choose</title>\n{script}\
         </head>\n<body style=\"max-width: 40em; margin: 0 auto; font: 18px/1.6 Georgia, serif\">\n{body}</body>\n</html>\n"
    )
}
