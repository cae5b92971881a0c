//! The widget's own words: the one table of UI strings (every text the widget
//! writes itself, visible, accessible or announced) and the number, plural
//! and gendered forms of each language. CLDR plural rules are `plural.rs`,
//! BCP 47 tags `lang.rs` (both re-exported here).
//!
//! A dataset names its language (`lang`) and may override or supply strings
//! (`ui`); `resolve` checks them and gives the full table that is baked
//! into the binary with the dataset, so the wasm carries only the strings of
//! the datasets it ships. Templates hold `{name}` placeholders; each key takes
//! a fixed set of them. Keys ending in `_zero`, `_one`, `_two`, `_few`,
//! `_many` and `_other` are the CLDR plural forms of one message ([`Plural`]):
//! a language gives the forms it has (CLDR, through ICU4X, at build time;
//! `_other` always), and the exact-number forms (`_zero`, `_one`, `_two`) may
//! leave out their `{n}`: "un año". An empty built-in string is a form the
//! language does not have. Which form a number takes is decided by the
//! language's CLDR cardinal rule for whole numbers, baked with the dataset
//! ([`PluralCase`]): the wasm carries the rules of its own languages only.
//! Keys ending in `_masculine` and `_feminine` are the gendered forms of a
//! message about a category ([`Gendered`]): a language with grammatical
//! gender gives both for every such message (English gives none: empty), and
//! each category of its dataset then names its title's `gender`. Placeholders
//! listed in [`RUNNING_NAME_SLOTS`] take a role's running-text form, never
//! its display name, and may not open a sentence.
//!
//! Also compiled into build.rs (`#[path]`): it refers to nothing outside
//! itself but its siblings `lang.rs` and `plural.rs`.

use std::borrow::Cow;
use std::collections::BTreeMap;

pub use super::lang::{check_lang, is_rtl, pick, primary_language};
pub use super::plural::{plural_category, PluralCase, PluralCategory, PluralRange, PluralRelation};

/// Declares [`Msg`], its keys and placeholders, and the built-in tables.
macro_rules! messages {
    ($($variant:ident = $key:literal [$($ph:literal),*] en: $en:literal, es: $es:literal;)*) => {
        /// A UI string of the widget, by message.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($variant),* }

        impl Msg {
            /// Every message, in table order.
            pub const ALL: &'static [Msg] = &[$(Msg::$variant),*];

            /// Its key in a dataset's `ui` object.
            pub fn key(self) -> &'static str {
                match self { $(Msg::$variant => $key),* }
            }

            /// The placeholders its template takes.
            pub fn placeholders(self) -> &'static [&'static str] {
                match self { $(Msg::$variant => &[$($ph),*]),* }
            }

            /// The message with this key.
            pub fn from_key(key: &str) -> Option<Msg> {
                match key { $($key => Some(Msg::$variant),)* _ => None }
            }
        }

        /// English, in [`Msg::ALL`] order.
        pub const EN: &[&str] = &[$($en),*];
        /// Spanish, in [`Msg::ALL`] order.
        pub const ES: &[&str] = &[$($es),*];
    };
}

messages! {
    CategoriesShown = "categories_shown" [] en: "Categories shown", es: "Categorías visibles";
    ShownCount = "shown_count" ["shown", "total"] en: "({shown} of {total})", es: "({shown} de {total})";
    ShowAll = "show_all" [] en: "Show all", es: "Mostrar todas";
    HideAll = "hide_all" [] en: "Hide all", es: "Ocultar todas";
    Highlight = "highlight" [] en: "Highlight differences", es: "Resaltar diferencias";
    AtAGlance = "at_a_glance" [] en: "At a glance", es: "De un vistazo";
    GlanceLine = "glance_line" ["category", "difference"] en: "{category}: {difference}", es: "{category}: {difference}";
    BothRoles = "both_roles" [] en: "Both roles", es: "Ambos puestos";
    AllRoles = "all_roles" [] en: "All roles", es: "Todos los puestos";
    KeyDifference = "key_difference" [] en: "Key difference:", es: "Diferencia clave:";
    CaveatNoteZero = "caveat_note_zero" [] en: "", es: "";
    CaveatNoteOne = "caveat_note_one" [] en: "Caveat:", es: "Advertencia:";
    CaveatNoteTwo = "caveat_note_two" [] en: "", es: "";
    CaveatNoteFew = "caveat_note_few" [] en: "", es: "";
    CaveatNoteMany = "caveat_note_many" [] en: "", es: "Advertencias:";
    CaveatNoteOther = "caveat_note_other" [] en: "Caveats:", es: "Advertencias:";
    CaveatNote = "caveat_note" ["titles"] en: "{titles} (see Caveats below).", es: "{titles} (véanse las advertencias más abajo).";
    Quoted = "quoted" ["text"] en: "“{text}”", es: "«{text}»";
    ListSeparator = "list_separator" [] en: ", ", es: ", ";
    Caveats = "caveats" [] en: "Caveats", es: "Advertencias";
    Concerns = "concerns" ["categories"] en: "(Concerns: {categories}.)", es: "(Afecta a: {categories}.)";
    Sources = "sources" [] en: "Sources", es: "Fuentes";
    Source = "source" ["publisher", "title"] en: "{publisher}, “{title}”.", es: "{publisher}, «{title}».";
    Empty = "empty" [] en: "All categories are hidden. Use the buttons above to show them.",
        es: "Todas las categorías están ocultas. Use los botones de arriba para mostrarlas.";
    AnnounceShown = "announce_shown" ["category"] en: "{category} shown", es: "Sección visible: {category}";
    AnnounceHidden = "announce_hidden" ["category"] en: "{category} hidden", es: "Sección oculta: {category}";
    AnnounceShownMasculine = "announce_shown_masculine" ["category"] en: "", es: "{category}: visible";
    AnnounceShownFeminine = "announce_shown_feminine" ["category"] en: "", es: "{category}: visible";
    AnnounceHiddenMasculine = "announce_hidden_masculine" ["category"] en: "", es: "{category}: oculto";
    AnnounceHiddenFeminine = "announce_hidden_feminine" ["category"] en: "", es: "{category}: oculta";
    AnnounceAllShown = "announce_all_shown" [] en: "All categories shown", es: "Todas las categorías visibles";
    AnnounceAllHidden = "announce_all_hidden" [] en: "All categories hidden", es: "Todas las categorías ocultas";
    AnnounceHighlightOn = "announce_highlight_on" [] en: "Differences highlighted", es: "Diferencias resaltadas";
    AnnounceHighlightOff = "announce_highlight_off" [] en: "Differences not highlighted", es: "Diferencias sin resaltar";
    SalaryTitle = "salary_title" [] en: "Median salary (US dollars a year)",
        es: "Salario mediano (dólares estadounidenses al año)";
    SalaryLabel = "salary_label" ["figures", "difference"] en: "Median salary, US dollars a year. {figures} {difference}",
        es: "Salario mediano, en dólares estadounidenses al año. {figures} {difference}";
    SalaryFigure = "salary_figure" ["role", "amount"] en: "{role}: {amount}.", es: "{role}: {amount}.";
    SalarySame = "salary_same" [] en: "The medians are the same.", es: "Las medianas son iguales.";
    SalaryMore = "salary_more" ["higher", "gap", "percent", "lower"]
        en: "The median salary of {higher} is {gap} a year ({percent}) higher than that of {lower}.",
        es: "El salario mediano de {higher} supera en {gap} al año ({percent}) al de {lower}.";
    TrainingTitle = "training_title" [] en: "Training path (years, on one scale)",
        es: "Itinerario formativo (años, en una misma escala)";
    TrainingLabel = "training_label" ["roles"] en: "Training path in years. {roles}",
        es: "Itinerario formativo, en años. {roles}";
    TrainingRole = "training_role" ["role", "degree", "program", "experience", "total"]
        en: "{role}: degree {degree}, program {program}, experience {experience}; {total} in all.",
        es: "{role}: {degree} de estudios superiores, {program} de programa acreditado, {experience} de experiencia; {total} en total.";
    LegendDegree = "legend_degree" [] en: "Degree", es: "Estudios superiores";
    LegendProgram = "legend_program" [] en: "Accredited program", es: "Programa acreditado";
    LegendExperience = "legend_experience" [] en: "Experience", es: "Experiencia";
    LegendRange = "legend_range" [] en: "Experience range", es: "Intervalo de experiencia";
    YearsZero = "years_zero" ["n"] en: "", es: "";
    YearsOne = "years_one" ["n"] en: "{n} year", es: "{n} año";
    YearsTwo = "years_two" ["n"] en: "", es: "";
    YearsFew = "years_few" ["n"] en: "", es: "";
    YearsMany = "years_many" ["n"] en: "", es: "{n} de años";
    YearsOther = "years_other" ["n"] en: "{n} years", es: "{n} años";
    YearsRange = "years_range" ["min", "max"] en: "{min}–{max} years", es: "{min}–{max} años";
    ListLast = "list_last" [] en: " and ", es: " y ";
    Versus = "versus" [] en: " vs. ", es: " frente a ";
    DerivedDescription = "derived_description" ["roles"]
        en: "How {roles} compare, category by category, from each role's own sourced points and facts.",
        es: "Cómo se comparan {roles}, categoría por categoría, a partir de la información y los datos propios de cada profesión, todos ellos con su fuente.";
    KeyTraining = "key_training" ["longer", "long", "shorter", "short"]
        en: "Training takes longer for {longer} ({long} of degree and accredited program) than for {shorter} ({short}).",
        es: "La formación de {longer} dura más ({long} de estudios superiores y programa acreditado) que la de {shorter} ({short}).";
    KeyTrainingDegree = "key_training_degree" ["longer", "long", "shorter", "short"]
        en: "Training takes longer for {longer} ({long} of degree) than for {shorter} ({short}).",
        es: "La formación de {longer} dura más ({long} de estudios superiores) que la de {shorter} ({short}).";
    KeyExperience = "key_experience" ["more", "more_years", "less", "less_years"]
        en: "More experience is typically asked of {more} ({more_years}) than of {less} ({less_years}).",
        es: "A {more} se les suele pedir más experiencia ({more_years}) que a {less} ({less_years}).";
    NoExperience = "no_experience" [] en: "none", es: "ninguna";
    KeySetting = "key_setting" ["settings"] en: "The main settings differ. {settings}",
        es: "Los entornos de trabajo principales son distintos. {settings}";
    KeyCertification = "key_certification" ["certifications"] en: "The certifications differ. {certifications}",
        es: "Las certificaciones son distintas. {certifications}";
    FactLine = "fact_line" ["role", "value"] en: "{role}: {value}.", es: "{role}: {value}.";
    QuickFacts = "quick_facts" [] en: "Quick facts", es: "Datos básicos";
    FactSalary = "fact_salary" [] en: "Median salary", es: "Salario mediano";
    FactDegree = "fact_degree" [] en: "Degree", es: "Estudios superiores";
    FactProgram = "fact_program" [] en: "Accredited program", es: "Programa acreditado";
    FactExperience = "fact_experience" [] en: "Experience", es: "Experiencia";
    FactSetting = "fact_setting" [] en: "Main setting", es: "Entorno principal";
    FactCertification = "fact_certification" [] en: "Certification", es: "Certificación";
    FactNoProgram = "fact_no_program" [] en: "None", es: "Ninguno";
    FactNoExperience = "fact_no_experience" [] en: "None", es: "Ninguna";
    FactYear = "fact_year" ["value", "year"] en: "{value} ({year})", es: "{value} ({year})";
    FactRole = "fact_role" [] en: "Role", es: "Profesión";
    MixedSources = "mixed_sources" ["fact", "sources"]
        en: "{fact}: these figures come from different sources or years ({sources}); compare them with care.",
        es: "{fact}: estos datos proceden de fuentes o años distintos ({sources}); compárelos con cautela.";
    SourceYear = "source_year" ["source", "year"] en: "{source}, {year}", es: "{source}, {year}";
    SourcesSeparator = "sources_separator" [] en: "; ", es: "; ";
    SourceOf = "source_of" ["role", "source"] en: "{role}: {source}", es: "{role}: {source}";
    SourceDated = "source_dated" ["publisher", "title", "year"] en: "{publisher}, “{title}” ({year}).",
        es: "{publisher}, «{title}» ({year}).";
    PickRole = "pick_role" ["n"] en: "Role in column {n}", es: "Profesión de la columna {n}";
    FullComparison = "full_comparison" [] en: "See the full comparison", es: "Ver la comparación completa";
    AnnounceRoles = "announce_roles" ["title"] en: "Now comparing: {title}", es: "Ahora se compara: {title}";
    FitTitle = "fit_title" [] en: "Which fits you?", es: "¿Cuál se ajusta a su perfil?";
    FitIntro = "fit_intro" [] en: "Answer any. Each option is one role's own fact, with its source; the count below says which role your answers point to, nothing more.",
        es: "Responda a las preguntas que quiera. Cada opción es un dato propio de una profesión, con su fuente; el recuento de más abajo solo indica a qué profesión apuntan sus respuestas.";
    FitSetting = "fit_setting" [] en: "Where would you rather work most of the time?",
        es: "¿Dónde preferiría trabajar la mayor parte del tiempo?";
    FitTraining = "fit_training" [] en: "How many years of degree and accredited program would you take on?",
        es: "¿Cuántos años de estudios superiores y programa acreditado aceptaría cursar?";
    FitCertification = "fit_certification" [] en: "Which certification would you work toward?",
        es: "¿Qué certificación preferiría obtener?";
    FitPay = "fit_pay" [] en: "Which median salary would you aim for?", es: "¿A qué salario mediano aspiraría?";
    FitMixed = "fit_mixed" [] en: "These figures come from different sources or years: compare them with care.",
        es: "Estos datos proceden de fuentes o años distintos: compárelos con cautela.";
    FitPointsTo = "fit_points_to" ["roles"] en: "Points to: {roles}", es: "Apunta a {roles}";
    FitSource = "fit_source" ["source"] en: "Source: {source}", es: "Fuente: {source}";
    FitTallyNone = "fit_tally_none" [] en: "Answer a question to see which role your answers point to.",
        es: "Responda a una pregunta para ver a qué profesión apuntan sus respuestas.";
    FitTally = "fit_tally" ["roles", "count", "total"] en: "Answers that point to {roles}: {count} of {total}.",
        es: "Respuestas que apuntan a {roles}: {count} de {total}.";
    FitTie = "fit_tie" ["roles", "count", "total"] en: "Your answers point as often to {roles}: {count} of {total} each.",
        es: "Sus respuestas apuntan por igual a {roles}: {count} de {total} en cada caso.";
    FitReset = "fit_reset" [] en: "Clear answers", es: "Borrar las respuestas";
    Unavailable = "unavailable" [] en: "This comparison is not available here.",
        es: "Esta comparación no está disponible aquí.";
    Digits = "digits" [] en: "0123456789", es: "0123456789";
    NumberGroup = "number_group" [] en: ",", es: ".";
    MinGroupingDigits = "min_grouping_digits" [] en: "1", es: "2";
    Money = "money" ["amount"] en: "${amount}", es: "{amount}\u{a0}US$";
    Percent = "percent" ["n"] en: "{n}%", es: "{n}\u{a0}%";
}

/// Languages with a built-in table, by primary language subtag.
pub const BUILT_IN: &[(&str, &[&str])] = &[("en", EN), ("es", ES)];

/// The built-in table for a BCP 47 tag (`es-MX` → Spanish), if any.
pub fn built_in(lang: &str) -> Option<&'static [&'static str]> {
    let primary = primary_language(lang);
    BUILT_IN.iter().find(|(l, _)| l.eq_ignore_ascii_case(primary)).map(|(_, t)| *t)
}

/// The six forms of one plural message, in [`PluralCategory`] order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plural(pub [Msg; 6]);

/// `{n} year(s)`.
pub const YEARS: Plural =
    Plural([Msg::YearsZero, Msg::YearsOne, Msg::YearsTwo, Msg::YearsFew, Msg::YearsMany, Msg::YearsOther]);
/// The label before a category's caveat titles.
pub const CAVEAT_NOTE: Plural = Plural([
    Msg::CaveatNoteZero,
    Msg::CaveatNoteOne,
    Msg::CaveatNoteTwo,
    Msg::CaveatNoteFew,
    Msg::CaveatNoteMany,
    Msg::CaveatNoteOther,
]);
/// Every plural message.
pub const PLURALS: &[Plural] = &[YEARS, CAVEAT_NOTE];

/// The grammatical gender of a category's title, where the language's
/// messages about a category agree with it ("Resumen: oculto", "Sección
/// oculta").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
}

impl Gender {
    /// Its name, the suffix of its form's key (`announce_hidden_feminine`).
    pub fn name(self) -> &'static str {
        match self {
            Gender::Masculine => "masculine",
            Gender::Feminine => "feminine",
        }
    }
}

/// A message about a category in its ungendered form (used where the
/// language has no gendered forms) and its masculine and feminine forms
/// (`_masculine`, `_feminine`: a language gives both for every gendered
/// message, or none; an empty built-in string is a form it does not have).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gendered {
    pub other: Msg,
    pub masculine: Msg,
    pub feminine: Msg,
}

/// "{category} shown".
pub const ANNOUNCE_SHOWN: Gendered = Gendered {
    other: Msg::AnnounceShown,
    masculine: Msg::AnnounceShownMasculine,
    feminine: Msg::AnnounceShownFeminine,
};
/// "{category} hidden".
pub const ANNOUNCE_HIDDEN: Gendered = Gendered {
    other: Msg::AnnounceHidden,
    masculine: Msg::AnnounceHiddenMasculine,
    feminine: Msg::AnnounceHiddenFeminine,
};
/// Every gendered message.
pub const GENDERED: &[Gendered] = &[ANNOUNCE_SHOWN, ANNOUNCE_HIDDEN];

/// Placeholders that take a role's running-text form (`running_name`: "ECMO
/// specialists", "los especialistas en ECMO"), by message. Every other
/// placeholder naming a role (`{role}`) takes its display name as a label.
pub const RUNNING_NAME_SLOTS: &[(Msg, &[&str])] = &[
    (Msg::SalaryMore, &["higher", "lower"]),
    (Msg::DerivedDescription, &["roles"]),
    (Msg::KeyTraining, &["longer", "shorter"]),
    (Msg::KeyTrainingDegree, &["longer", "shorter"]),
    (Msg::KeyExperience, &["more", "less"]),
    (Msg::FitPointsTo, &["roles"]),
    (Msg::FitTally, &["roles"]),
    (Msg::FitTie, &["roles"]),
];

impl Msg {
    /// The gender whose form this message is, if it is one.
    pub fn gender_form(self) -> Option<Gender> {
        GENDERED.iter().find_map(|g| {
            (g.masculine == self).then_some(Gender::Masculine).or((g.feminine == self).then_some(Gender::Feminine))
        })
    }

    /// Its placeholders that take a role's running-text form.
    pub fn running_name_slots(self) -> &'static [&'static str] {
        RUNNING_NAME_SLOTS.iter().find(|(m, _)| *m == self).map_or(&[], |(_, slots)| slots)
    }
}

/// Whether a resolved table has gendered forms (then every category of its
/// dataset names its title's gender).
pub fn has_genders<S: AsRef<str>>(table: &[S]) -> bool {
    GENDERED.iter().any(|g| [g.masculine, g.feminine].iter().any(|m| !table[*m as usize].as_ref().is_empty()))
}

impl Msg {
    /// The plural category whose form this message is, if it is one.
    pub fn plural_form(self) -> Option<PluralCategory> {
        PLURALS.iter().find_map(|p| p.0.iter().position(|m| *m == self).map(|i| PluralCategory::ALL[i]))
    }
}

/// A piece of a template.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Slot(&'a str),
}

/// Splits a template into text and `{name}` slots. Err on an unclosed `{`, a
/// stray `}` or an empty or malformed name (the build checks every template
/// with this; at run time [`split`] reads them without the error texts).
pub fn pieces(template: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut rest = template;
    while !rest.is_empty() {
        let open = rest.find('{');
        match (open, rest.find('}')) {
            (_, Some(c)) if open.is_none_or(|o| c < o) => return Err("a '}' closes no placeholder".to_owned()),
            (None, _) => break,
            (Some(o), _) => {
                let Some(len) = rest[o + 1..].find('}') else { return Err("a '{' is not closed".to_owned()) };
                let name = &rest[o + 1..o + 1 + len];
                if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                    return Err(format!("bad placeholder {{{name}}}: use {{name}} with a-z and '_'"));
                }
                rest = &rest[o + 2 + len..];
            }
        }
    }
    Ok(split(template))
}

/// The pieces of a template already checked by [`pieces`].
pub fn split(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(o) = rest.find('{') {
        let Some(len) = rest[o + 1..].find('}') else { break };
        if o > 0 {
            out.push(Piece::Text(&rest[..o]));
        }
        out.push(Piece::Slot(&rest[o + 1..o + 1 + len]));
        rest = &rest[o + 2 + len..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// Checks a dataset's string for `msg`: placeholders well formed, each one
/// known to the message, none left out (but `{n}` in a `_zero`, `_one` or
/// `_two` form), and the number data well formed.
pub fn check_template(msg: Msg, value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err("empty text".to_owned());
    }
    let takes = msg.placeholders();
    let list = |names: &[&str]| names.iter().map(|n| format!("{{{n}}}")).collect::<Vec<_>>().join(", ");
    let slots: Vec<&str> =
        pieces(value)?.into_iter().filter_map(|p| if let Piece::Slot(s) = p { Some(s) } else { None }).collect();
    if let Some(bad) = slots.iter().find(|s| !takes.contains(s)) {
        return Err(match takes.is_empty() {
            true => format!("unknown placeholder {{{bad}}}: this string takes none"),
            false => format!("unknown placeholder {{{bad}}}: this string takes {}", list(takes)),
        });
    }
    let exact = matches!(msg.plural_form(), Some(PluralCategory::Zero | PluralCategory::One | PluralCategory::Two));
    let optional = |name: &str| name == "n" && exact;
    if let Some(missing) = takes.iter().find(|n| !slots.contains(n) && !optional(n)) {
        return Err(format!("missing placeholder {{{missing}}}: this string takes {}", list(takes)));
    }
    if let Some(Piece::Slot(first)) = split(value).first() {
        if msg.running_name_slots().contains(first) {
            return Err(format!(
                "starts with {{{first}}}, a role's running-text form, which may be lowercase: rephrase so that it is not first"
            ));
        }
    }
    match msg {
        Msg::Digits if value.chars().count() != 10 => {
            Err("give the ten digits 0 to 9 of the language, in order".to_owned())
        }
        Msg::MinGroupingDigits if !matches!(value, "1" | "2" | "3" | "4") => {
            Err("1 to 4: the fewest digits before the first group separator (CLDR minimumGroupingDigits)".to_owned())
        }
        _ => Ok(()),
    }
}

/// The full table for a dataset: its `ui` overrides over the built-in table
/// of its language, with a form for every plural category the language has
/// (`categories`, from CLDR; `other` is always one) and none for another.
/// Err: `(path, fault)`, the path being `ui` or `ui.<key>`.
pub fn resolve(
    lang: &str,
    overrides: &BTreeMap<String, String>,
    categories: &[PluralCategory],
) -> Result<Vec<String>, (String, String)> {
    let has = |c: PluralCategory| c == PluralCategory::Other || categories.contains(&c);
    let forms = || {
        let mut names: Vec<&str> = categories.iter().map(|c| c.name()).collect();
        if !categories.contains(&PluralCategory::Other) {
            names.push("other");
        }
        names.join(", ")
    };
    for (key, value) in overrides {
        let path = format!("ui.{key}");
        let Some(msg) = Msg::from_key(key) else {
            return Err((
                path,
                format!("unknown UI string key {key:?} (the keys are in README.md, \"Add a language\")"),
            ));
        };
        check_template(msg, value).map_err(|fault| (path.clone(), fault))?;
        if let Some(form) = msg.plural_form().filter(|c| !has(*c)) {
            let fault =
                format!("{lang:?} has no plural form {:?} (CLDR gives it {}): leave it out", form.name(), forms());
            return Err((path, fault));
        }
    }
    let base = built_in(lang);
    let table: Vec<String> = Msg::ALL
        .iter()
        .enumerate()
        .map(|(i, msg)| {
            let form = msg.plural_form();
            if form.is_some_and(|c| !has(c)) {
                return Ok(String::new());
            }
            let value = overrides.get(msg.key()).cloned().or_else(|| base.map(|t| t[i].to_owned())).unwrap_or_default();
            if !value.is_empty() || msg.gender_form().is_some() {
                return Ok(value);
            }
            let path = format!("ui.{}", msg.key());
            Err(match form {
                Some(_) => {
                    (path, format!("missing: {lang:?} has the plural forms {} (CLDR), so `ui` must give each", forms()))
                }
                None => {
                    let built: Vec<&str> = BUILT_IN.iter().map(|(l, _)| *l).collect();
                    let built = built.join(", ");
                    (path, format!("missing: {lang:?} has no built-in UI strings (built in: {built}), so `ui` must give every key"))
                }
            })
        })
        .collect::<Result<_, _>>()?;
    if has_genders(&table) {
        let forms = GENDERED.iter().flat_map(|g| [g.masculine, g.feminine]);
        if let Some(missing) = forms.clone().find(|m| table[*m as usize].is_empty()) {
            let given = forms.clone().find(|m| !table[*m as usize].is_empty()).map_or("", |m| m.key());
            let fault = format!(
                "missing: {given} is given, so every message about a category needs its masculine and feminine forms"
            );
            return Err((format!("ui.{}", missing.key()), fault));
        }
    }
    Ok(table)
}

/// `part` as a whole percentage of `whole`, rounded half up (`14`).
pub fn whole_percent(part: u32, whole: u32) -> u64 {
    (u64::from(part) * 100 + u64::from(whole.max(1)) / 2) / u64::from(whole.max(1))
}

/// A resolved table (a dataset's `ui`) and its language's plural rule, read
/// and formatted by message.
#[derive(Clone, Copy)]
pub struct Ui<'a> {
    pub strings: &'a [Cow<'static, str>],
    pub plural: &'a [PluralCase],
}

impl<'a> Ui<'a> {
    pub fn new(strings: &'a [Cow<'static, str>], plural: &'a [PluralCase]) -> Self {
        Ui { strings, plural }
    }

    /// The string of a message.
    pub fn text(&self, msg: Msg) -> &str {
        self.strings.get(msg as usize).map(|s| s.as_ref()).unwrap_or_default()
    }

    /// The form of `plural` that the whole number `n` takes in this language
    /// (`other` where the language has no form of that category).
    pub fn plural_form(&self, plural: Plural, n: u64) -> Msg {
        let form = plural.0[plural_category(self.plural, n) as usize];
        if self.text(form).is_empty() {
            plural.0[PluralCategory::Other as usize]
        } else {
            form
        }
    }

    /// The template of `msg` with its placeholders filled from `args`.
    pub fn fill(&self, msg: Msg, args: &[(&str, &str)]) -> String {
        let mut out = String::new();
        for piece in split(self.text(msg)) {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Slot(name) => {
                    out.push_str(args.iter().find(|(k, _)| *k == name).map(|(_, v)| *v).unwrap_or_default())
                }
            }
        }
        out
    }

    /// The form of `gendered` for a title of `gender` (the ungendered one
    /// where the language has none or the title no gender).
    pub fn gendered(&self, gendered: Gendered, gender: Option<Gender>) -> Msg {
        let form = match gender {
            Some(Gender::Masculine) => gendered.masculine,
            Some(Gender::Feminine) => gendered.feminine,
            None => gendered.other,
        };
        if self.text(form).is_empty() {
            gendered.other
        } else {
            form
        }
    }

    /// The form of `plural` for `n`, with `{n}` filled.
    pub fn plural(&self, plural: Plural, n: u64) -> String {
        let number = self.number(n);
        self.fill(self.plural_form(plural, n), &[("n", &number)])
    }

    /// A whole number in the language's digits, grouped by thousands.
    pub fn number(&self, n: u64) -> String {
        let digits: Vec<char> = self.text(Msg::Digits).chars().collect();
        let ascii = n.to_string();
        let min_grouping: usize = self.text(Msg::MinGroupingDigits).parse().unwrap_or(1);
        let group = ascii.len() >= 3 + min_grouping;
        let mut out = String::new();
        for (i, d) in ascii.bytes().enumerate() {
            if group && i > 0 && (ascii.len() - i) % 3 == 0 {
                out.push_str(self.text(Msg::NumberGroup));
            }
            out.push(digits.get(usize::from(d - b'0')).copied().unwrap_or(char::from(d)));
        }
        out
    }

    /// `text` with the year of its data where there is one: `msg` fills `{slot}`
    /// with `text` and `{year}` with the year (`fact_year`: "$80,000 (2022)";
    /// `source_year`: "BLS, 2022"); without a year, `text` alone.
    pub fn dated(&self, msg: Msg, slot: &str, text: &str, year: Option<u16>) -> String {
        match year {
            Some(year) => self.fill(msg, &[(slot, text), ("year", &year.to_string())]),
            None => text.to_owned(),
        }
    }

    /// An amount of US dollars (`$80,000`, `80.000 US$`).
    pub fn money(&self, amount: u32) -> String {
        self.fill(Msg::Money, &[("amount", &self.number(amount.into()))])
    }

    /// A whole percentage (`14%`, `14 %`).
    pub fn percent(&self, n: u64) -> String {
        self.fill(Msg::Percent, &[("n", &self.number(n))])
    }

    /// `1 year`, `4 years`.
    pub fn years(&self, n: u8) -> String {
        self.plural(YEARS, n.into())
    }

    /// `3–5 years`, or `2 years` when both ends are the same.
    pub fn year_span(&self, min: u8, max: u8) -> String {
        if min == max {
            return self.years(min);
        }
        self.fill(Msg::YearsRange, &[("min", &self.number(min.into())), ("max", &self.number(max.into()))])
    }

    /// Items joined by the language's list separator.
    pub fn list<S: AsRef<str>>(&self, items: &[S]) -> String {
        let items: Vec<&str> = items.iter().map(|s| s.as_ref()).collect();
        items.join(self.text(Msg::ListSeparator))
    }

    /// Items as running text joins them: "A, B and C", "A, B y C".
    pub fn and_list<S: AsRef<str>>(&self, items: &[S]) -> String {
        match items.split_last() {
            None => String::new(),
            Some((last, [])) => last.as_ref().to_owned(),
            Some((last, rest)) => format!("{}{}{}", self.list(rest), self.text(Msg::ListLast), last.as_ref()),
        }
    }
}
