//! Reads a catalogue from JSON, checks it and resolves it into [`Catalogue`].
//!
//! Shared by build.rs (which bakes the result into the binary), by xtask (the
//! JSON Schema, the converter) and by native tests. Every fault is reported
//! with the file, the path of the field (`roles[1].points.overview`) and what
//! is wrong. A file in 0.2's single-comparison format (no `comparisons`) is
//! read as a catalogue with one comparison ([`RawLegacy`]).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::model::{
    Authored, Catalogue, Category, Caveat, Chart, Comparison, Dir, Fact, Facts, Gender, KeyFact, OccupationField,
    PointRef, Question, Role, RunningName, Source, Text, YearRange,
};
use super::{cldr, fit, ui};

/// Roles a comparison may show.
pub const ROLES: std::ops::RangeInclusive<usize> = super::model::ROLES_SHOWN;
/// Roles a catalogue may hold.
pub const CATALOGUE_ROLES: std::ops::RangeInclusive<usize> = 2..=64;
/// Categories a catalogue may have.
pub const CATEGORIES: std::ops::RangeInclusive<usize> = 1..=24;
/// What a catalogue file's `$schema` names (xtask writes the schema there).
pub const SCHEMA_FILE: &str = "catalogue.schema.json";

/// A fault in a dataset file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetError {
    pub file: String,
    /// Path of the bad field, e.g. `roles[1].points.overview`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.path, self.message)
    }
}

impl std::error::Error for DatasetError {}

/// A catalogue file: roles written once, categories, and the comparisons
/// that refer to the roles by id. Its JSON Schema is generated from this type.
#[derive(Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "role-compare catalogue")]
pub struct RawCatalogue {
    /// The JSON Schema of this file, for editors (ignored by the build).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// BCP 47 language tag of every text in the file.
    #[serde(default = "default_lang")]
    pub lang: String,
    /// Text direction; by default from the language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dir: Option<RawDir>,
    /// UI strings that replace the built-in ones (all of them, for a language without a built-in table).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ui: BTreeMap<String, String>,
    /// The catalogue's title (its index page).
    pub title: String,
    /// The catalogue's description (its index page).
    pub description: String,
    /// Every role, each with points in every category.
    pub roles: Vec<RawRole>,
    /// The categories every comparison shows, in order.
    pub categories: Vec<RawCategory>,
    /// Authored comparisons; the first is shown when none is asked for.
    pub comparisons: Vec<RawComparison>,
    /// Caveats: of comparisons (listed by them) or of roles (`roles`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<RawCaveat>,
    /// Where the facts and points come from.
    pub sources: Vec<RawSource>,
    /// Questions of the "Which fits you?" view, each option a role's own
    /// point; questions drawn from the typed facts are added to them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fit: Vec<RawQuestion>,
}

/// A question of the fit view.
#[derive(Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    /// Lowercase letters, digits and '-' (the `answers` setting names it); not one of the fact questions' ids.
    pub id: String,
    /// The question, as the reader reads it.
    pub prompt: String,
    /// 2 to 4 options, each a point of a different role.
    pub options: Vec<RawPointRef>,
}

/// An option of a fit question: the point `roles[role].points[category][point]`, which is its text; the role's first source is its source.
#[derive(Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPointRef {
    /// The role the option points to.
    pub role: String,
    /// A category id.
    pub category: String,
    /// The point's index in the role's points of that category, from 0.
    pub point: usize,
}

fn default_lang() -> String {
    "en".to_owned()
}

/// Text direction.
#[derive(Deserialize, Serialize, JsonSchema, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum RawDir {
    Ltr,
    Rtl,
}

/// A role.
#[derive(Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRole {
    /// Lowercase letters, digits and '-': used in attributes and URLs.
    pub id: String,
    /// The display name, a label (column heads).
    pub name: String,
    /// The forms of the name running text needs.
    pub running_name: RawRunningName,
    /// One sentence: what the role does.
    pub summary: String,
    /// Typed facts: Quick facts, charts and derived key differences.
    pub facts: RawFacts,
    /// Ids of the sources of its facts and points; its facts come from the first unless `fact_sources` says otherwise.
    pub sources: Vec<String>,
    /// A fact's source where it is not the first of `sources`, by fact key (`median_salary_usd`, …).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fact_sources: BTreeMap<String, String>,
    /// Its points, by category id: every category needs at least one.
    pub points: BTreeMap<String, Vec<String>>,
}

/// Forms of a role's name for running text.
#[derive(Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRunningName {
    /// The role's holders in general, a plural noun phrase with the article the language puts there ("ECMO specialists", "los especialistas en ECMO").
    pub plural: String,
}

/// Grammatical gender of a category title.
#[derive(Deserialize, Serialize, JsonSchema, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum RawGender {
    Masculine,
    Feminine,
}

/// A role's typed facts.
#[derive(Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFacts {
    /// Median pay, US dollars a year.
    pub median_salary_usd: u32,
    /// Years of degree study.
    pub education_years: u8,
    /// Years of an accredited programme after the degree (0: none).
    pub program_years: u8,
    /// Years of experience in a related field.
    pub experience_years: RawRange,
    /// Where the role mainly works.
    pub main_setting: String,
    /// The certification it calls for.
    pub certification: String,
}

/// A range of years.
#[derive(Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRange {
    pub min: u8,
    pub max: u8,
}

/// A category.
#[derive(Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCategory {
    pub id: String,
    pub title: String,
    /// The title's grammatical gender, where the language's messages need it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<RawGender>,
    /// A chart of typed facts shown in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chart: Option<RawChart>,
    /// The schema.org Occupation property its points fill.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupation: Option<RawOccupationField>,
    /// The typed fact its key difference is derived from where a comparison has none authored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_fact: Option<RawKeyFact>,
}

/// A typed fact a key difference can be derived from.
#[derive(Deserialize, Serialize, JsonSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum RawKeyFact {
    /// The median salary gap.
    MedianSalaryUsd,
    /// Years of degree and programme.
    Training,
    /// Years of experience.
    ExperienceYears,
    MainSetting,
    Certification,
}

/// A schema.org Occupation property.
#[derive(Deserialize, Serialize, JsonSchema, Clone, Copy)]
#[serde(rename_all = "camelCase")]
pub enum RawOccupationField {
    Responsibilities,
    EducationRequirements,
    ExperienceRequirements,
    Skills,
}

/// A chart.
#[derive(Deserialize, Serialize, JsonSchema, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum RawChart {
    Salary,
    Training,
}

/// A comparison an editor wrote.
#[derive(Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawComparison {
    pub id: String,
    /// 2 to 4 role ids, in column order.
    pub roles: Vec<String>,
    pub title: String,
    pub description: String,
    /// Texts written for this comparison, by category id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub categories: BTreeMap<String, RawAuthored>,
    /// Ids of caveats that belong to it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<String>,
}

/// A category's texts for one comparison.
#[derive(Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAuthored {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_difference: Option<String>,
    /// Points that hold for every role of the comparison.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub common: Vec<String>,
}

/// A caveat.
#[derive(Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCaveat {
    pub id: String,
    pub title: String,
    pub text: String,
    /// Category ids it concerns.
    pub categories: Vec<String>,
    /// Role ids it goes with: shown wherever one of them is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
}

/// A source.
#[derive(Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: String,
    pub title: String,
    pub publisher: String,
    /// The year of its data (or of its publication).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    pub url: String,
    /// The line its licence asks to be shown with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

/// 0.2's single-comparison file: the roles' points under the categories.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLegacy {
    #[serde(default = "default_lang")]
    lang: String,
    #[serde(default)]
    dir: Option<RawDir>,
    #[serde(default)]
    ui: BTreeMap<String, String>,
    title: String,
    description: String,
    roles: Vec<RawLegacyRole>,
    categories: Vec<RawLegacyCategory>,
    #[serde(default)]
    caveats: Vec<RawLegacyCaveat>,
    sources: Vec<RawLegacySource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLegacyRole {
    id: String,
    name: String,
    running_name: RawRunningName,
    summary: String,
    facts: RawFacts,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLegacyCategory {
    id: String,
    title: String,
    #[serde(default)]
    gender: Option<RawGender>,
    key_difference: String,
    entries: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    common: Vec<String>,
    #[serde(default)]
    chart: Option<RawChart>,
    #[serde(default)]
    occupation: Option<RawOccupationField>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLegacyCaveat {
    id: String,
    title: String,
    text: String,
    categories: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLegacySource {
    id: String,
    title: String,
    publisher: String,
    url: String,
}

impl RawLegacy {
    /// The same content as a catalogue with one comparison (id: the role ids
    /// joined by `-vs-`), every source a source of every role.
    fn into_catalogue(self) -> RawCatalogue {
        let role_ids: Vec<String> = self.roles.iter().map(|r| r.id.clone()).collect();
        let source_ids: Vec<String> = self.sources.iter().map(|s| s.id.clone()).collect();
        let roles = self
            .roles
            .into_iter()
            .map(|r| RawRole {
                points: self
                    .categories
                    .iter()
                    .filter_map(|c| c.entries.get(&r.id).map(|p| (c.id.clone(), p.clone())))
                    .collect(),
                id: r.id,
                name: r.name,
                running_name: r.running_name,
                summary: r.summary,
                facts: r.facts,
                sources: source_ids.clone(),
                fact_sources: BTreeMap::new(),
            })
            .collect();
        let comparison = RawComparison {
            id: role_ids.join("-vs-"),
            roles: role_ids,
            title: self.title.clone(),
            description: self.description.clone(),
            categories: self
                .categories
                .iter()
                .map(|c| {
                    let texts =
                        RawAuthored { key_difference: Some(c.key_difference.clone()), common: c.common.clone() };
                    (c.id.clone(), texts)
                })
                .collect(),
            caveats: self.caveats.iter().map(|c| c.id.clone()).collect(),
        };
        RawCatalogue {
            schema: None,
            lang: self.lang,
            dir: self.dir,
            ui: self.ui,
            title: self.title,
            description: self.description,
            roles,
            categories: self
                .categories
                .into_iter()
                .map(|c| RawCategory {
                    id: c.id,
                    title: c.title,
                    gender: c.gender,
                    chart: c.chart,
                    occupation: c.occupation,
                    key_fact: None,
                })
                .collect(),
            comparisons: vec![comparison],
            caveats: self
                .caveats
                .into_iter()
                .map(|c| RawCaveat { id: c.id, title: c.title, text: c.text, categories: c.categories, roles: vec![] })
                .collect(),
            sources: self
                .sources
                .into_iter()
                .map(|s| RawSource {
                    id: s.id,
                    title: s.title,
                    publisher: s.publisher,
                    year: None,
                    url: s.url,
                    attribution: None,
                })
                .collect(),
            fit: vec![],
        }
    }

    /// The faults only the old layout can have, at the old paths: points
    /// given for an unknown role, or missing for one.
    fn check_entries(&self, c: &Checker<'_>) -> Result<(), DatasetError> {
        let ids: HashSet<&str> = self.roles.iter().map(|r| r.id.as_str()).collect();
        for (i, cat) in self.categories.iter().enumerate() {
            if let Some(unknown) = cat.entries.keys().find(|k| !ids.contains(k.as_str())) {
                return c.fail(format!("categories[{i}].entries.{unknown}"), format!("unknown role id {unknown:?}"));
            }
            if let Some(missing) = self.roles.iter().find(|r| !cat.entries.contains_key(&r.id)) {
                let path = format!("categories[{i}].entries.{}", missing.id);
                return c.fail(path, "missing: every category needs points for every role");
            }
        }
        Ok(())
    }
}

/// Collects the context (file name) for errors.
struct Checker<'a> {
    file: &'a str,
}

impl Checker<'_> {
    fn fail<T>(&self, path: impl Into<String>, message: impl Into<String>) -> Result<T, DatasetError> {
        Err(DatasetError { file: self.file.to_owned(), path: path.into(), message: message.into() })
    }

    fn text(&self, path: impl Into<String>, value: String) -> Result<Text, DatasetError> {
        if value.trim().is_empty() {
            return self.fail(path, "empty text");
        }
        Ok(Cow::Owned(value))
    }

    fn texts(&self, path: &str, values: Vec<String>, at_least_one: bool) -> Result<Cow<'static, [Text]>, DatasetError> {
        if at_least_one && values.is_empty() {
            return self.fail(path, "empty list: at least one point is needed");
        }
        let texts = values
            .into_iter()
            .enumerate()
            .map(|(i, v)| self.text(format!("{path}[{i}]"), v))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Cow::Owned(texts))
    }

    /// Ids go into URLs and attributes: lowercase letters, digits and '-'.
    fn id(&self, path: impl Into<String>, value: String, seen: &mut HashSet<String>) -> Result<Text, DatasetError> {
        let path = path.into();
        let ok = !value.is_empty()
            && value.len() <= 60
            && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok {
            return self.fail(path, format!("invalid id {value:?}: use 1 to 60 of a-z, 0-9 and '-'"));
        }
        if !seen.insert(value.clone()) {
            return self.fail(path, format!("duplicate id {value:?}"));
        }
        Ok(Cow::Owned(value))
    }

    /// The index of `id` among `ids`, else a fault naming the ids there are.
    fn reference(&self, path: impl Into<String>, id: &str, ids: &[Text], what: &str) -> Result<usize, DatasetError> {
        match ids.iter().position(|x| x == id) {
            Some(ix) => Ok(ix),
            None => {
                let known: Vec<&str> = ids.iter().map(|x| x.as_ref()).collect();
                self.fail(path, format!("unknown {what} id {id:?} (known: {})", known.join(", ")))
            }
        }
    }

    fn number<N: PartialOrd + fmt::Display + Copy>(
        &self,
        path: &str,
        value: N,
        range: std::ops::RangeInclusive<N>,
    ) -> Result<N, DatasetError> {
        if !range.contains(&value) {
            return self.fail(path, format!("{value} is out of range {}..={}", range.start(), range.end()));
        }
        Ok(value)
    }

    fn count(&self, path: &str, len: usize, range: std::ops::RangeInclusive<usize>) -> Result<(), DatasetError> {
        if !range.contains(&len) {
            return self.fail(path, format!("has {len} items, needs {} to {}", range.start(), range.end()));
        }
        Ok(())
    }
}

/// Reads a file in either format: the raw catalogue, and whether it was in
/// the single-comparison format.
pub fn read_raw(file: &str, json: &str) -> Result<(RawCatalogue, bool), DatasetError> {
    let c = Checker { file };
    fn de<T: serde::de::DeserializeOwned>(c: &Checker<'_>, json: &str) -> Result<T, DatasetError> {
        let de = &mut serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(de).or_else(|e| {
            let path = e.path().to_string();
            let path = if path == "." { "(root)".to_owned() } else { path };
            c.fail(path, e.into_inner().to_string())
        })
    }
    // Which format: a catalogue has `comparisons`; an object without it is
    // read in the old layout (whose errors then name its own paths).
    let is_catalogue = match serde_json::from_str::<serde_json::Value>(json) {
        Ok(serde_json::Value::Object(map)) => map.contains_key("comparisons"),
        _ => true,
    };
    if is_catalogue {
        return Ok((de::<RawCatalogue>(&c, json)?, false));
    }
    let legacy: RawLegacy = de(&c, json)?;
    legacy.check_entries(&c)?;
    Ok((legacy.into_catalogue(), true))
}

/// Parses and checks a catalogue. `file` names it in errors.
pub fn parse_catalogue(file: &str, json: &str) -> Result<Catalogue, DatasetError> {
    let (raw, legacy) = read_raw(file, json)?;
    check(&Checker { file }, raw).map_err(|mut e| {
        if legacy {
            e.message.push_str(
                " (this file is in the single-comparison format, read as a catalogue; `cargo xtask convert \
                 <file>` rewrites it as one, whose paths this error names)",
            );
        }
        e
    })
}

fn check(c: &Checker<'_>, raw: RawCatalogue) -> Result<Catalogue, DatasetError> {
    if let Err(fault) = ui::check_lang(&raw.lang) {
        return c.fail("lang", fault);
    }
    let dir = match raw.dir {
        Some(RawDir::Ltr) => Dir::Ltr,
        Some(RawDir::Rtl) => Dir::Rtl,
        None if ui::is_rtl(&raw.lang) => Dir::Rtl,
        None => Dir::Ltr,
    };
    let plural = match cldr::plural_rule(&raw.lang) {
        Ok(rule) => rule,
        Err(fault) => return c.fail("lang", fault),
    };
    let strings = match ui::resolve(&raw.lang, &raw.ui, &cldr::categories(&plural)) {
        Ok(strings) => strings,
        Err((path, fault)) => return c.fail(path, fault),
    };
    let genders = ui::has_genders(&strings);
    let title = c.text("title", raw.title)?;
    let description = c.text("description", raw.description)?;

    c.count("sources", raw.sources.len(), 1..=64)?;
    let mut source_ids = HashSet::new();
    let mut sources = Vec::new();
    for (i, s) in raw.sources.into_iter().enumerate() {
        let p = format!("sources[{i}]");
        if !(s.url.starts_with("https://") || s.url.starts_with("http://")) {
            return c.fail(format!("{p}.url"), format!("{:?} is not an http(s) address", s.url));
        }
        sources.push(Source {
            id: c.id(format!("{p}.id"), s.id, &mut source_ids)?,
            title: c.text(format!("{p}.title"), s.title)?,
            publisher: c.text(format!("{p}.publisher"), s.publisher)?,
            year: s.year.map(|y| c.number(&format!("{p}.year"), y, 1900..=2100)).transpose()?,
            url: Cow::Owned(s.url),
            attribution: s.attribution.map(|a| c.text(format!("{p}.attribution"), a)).transpose()?,
        });
    }
    let source_names: Vec<Text> = sources.iter().map(|s| s.id.clone()).collect();

    c.count("categories", raw.categories.len(), CATEGORIES)?;
    let mut category_ids = HashSet::new();
    let mut categories = Vec::new();
    for (i, cat) in raw.categories.into_iter().enumerate() {
        let p = format!("categories[{i}]");
        if cat.id == fit::SECTION {
            return c.fail(
                format!("{p}.id"),
                format!("{:?} is the fit view's id among the sections (hide=fit)", fit::SECTION),
            );
        }
        let id = c.id(format!("{p}.id"), cat.id, &mut category_ids)?;
        let gender = match (cat.gender, genders) {
            (Some(RawGender::Masculine), true) => Some(Gender::Masculine),
            (Some(RawGender::Feminine), true) => Some(Gender::Feminine),
            (None, false) => None,
            (None, true) => {
                let fault = format!(
                    "missing: {:?} gives the messages about a category in masculine and feminine forms, so every category names its title's gender (\"masculine\" or \"feminine\")",
                    raw.lang
                );
                return c.fail(format!("{p}.gender"), fault);
            }
            (Some(_), false) => {
                let fault = format!("{:?} has no gendered UI strings: leave it out", raw.lang);
                return c.fail(format!("{p}.gender"), fault);
            }
        };
        categories.push(Category {
            id,
            title: c.text(format!("{p}.title"), cat.title)?,
            gender,
            key_difference: None,
            key_fact: cat.key_fact.map(|f| match f {
                RawKeyFact::MedianSalaryUsd => KeyFact::Salary,
                RawKeyFact::Training => KeyFact::Training,
                RawKeyFact::ExperienceYears => KeyFact::Experience,
                RawKeyFact::MainSetting => KeyFact::Setting,
                RawKeyFact::Certification => KeyFact::Certification,
            }),
            entries: Cow::Owned(vec![]),
            common: Cow::Owned(vec![]),
            chart: cat.chart.map(|chart| match chart {
                RawChart::Salary => Chart::Salary,
                RawChart::Training => Chart::Training,
            }),
            occupation: cat.occupation.map(|field| match field {
                RawOccupationField::Responsibilities => OccupationField::Responsibilities,
                RawOccupationField::EducationRequirements => OccupationField::EducationRequirements,
                RawOccupationField::ExperienceRequirements => OccupationField::ExperienceRequirements,
                RawOccupationField::Skills => OccupationField::Skills,
            }),
        });
    }
    let category_names: Vec<Text> = categories.iter().map(|c| c.id.clone()).collect();

    c.count("roles", raw.roles.len(), CATALOGUE_ROLES)?;
    let mut role_ids = HashSet::new();
    let mut roles = Vec::new();
    for (i, r) in raw.roles.into_iter().enumerate() {
        let p = format!("roles[{i}]");
        let f = r.facts;
        let exp = format!("{p}.facts.experience_years");
        let experience_years = YearRange {
            min: c.number(&format!("{exp}.min"), f.experience_years.min, 0..=40)?,
            max: c.number(&format!("{exp}.max"), f.experience_years.max, 0..=40)?,
        };
        if experience_years.min > experience_years.max {
            return c.fail(exp, "min is greater than max");
        }
        if r.sources.is_empty() {
            return c.fail(format!("{p}.sources"), "empty list: name the source of its facts and points");
        }
        let mut own_sources = Vec::new();
        for (j, id) in r.sources.iter().enumerate() {
            own_sources.push(c.reference(format!("{p}.sources[{j}]"), id, &source_names, "source")?);
        }
        let mut fact_sources = vec![own_sources[0]; Fact::ALL.len()];
        for (key, id) in &r.fact_sources {
            let path = format!("{p}.fact_sources.{key}");
            let Some(fact) = Fact::ALL.iter().position(|f| f.key() == key) else {
                let keys: Vec<&str> = Fact::ALL.iter().map(|f| f.key()).collect();
                return c.fail(path, format!("unknown fact {key:?} (facts: {})", keys.join(", ")));
            };
            fact_sources[fact] = c.reference(&path, id, &source_names, "source")?;
            if !own_sources.contains(&fact_sources[fact]) {
                own_sources.push(fact_sources[fact]);
            }
        }
        let mut points = r.points;
        if let Some(unknown) = points.keys().find(|k| !category_ids.contains(*k)) {
            return c.fail(format!("{p}.points.{unknown}"), format!("unknown category id {unknown:?}"));
        }
        let mut by_category = Vec::new();
        for category in &categories {
            let pp = format!("{p}.points.{}", category.id);
            let Some(list) = points.remove(category.id.as_ref()) else {
                return c.fail(pp, "missing: every role needs points in every category");
            };
            by_category.push(c.texts(&pp, list, true)?);
        }
        roles.push(Role {
            id: c.id(format!("{p}.id"), r.id, &mut role_ids)?,
            name: c.text(format!("{p}.name"), r.name)?,
            running_name: RunningName { plural: c.text(format!("{p}.running_name.plural"), r.running_name.plural)? },
            summary: c.text(format!("{p}.summary"), r.summary)?,
            facts: Facts {
                median_salary_usd: c.number(
                    &format!("{p}.facts.median_salary_usd"),
                    f.median_salary_usd,
                    1_000..=10_000_000,
                )?,
                education_years: c.number(&format!("{p}.facts.education_years"), f.education_years, 0..=12)?,
                program_years: c.number(&format!("{p}.facts.program_years"), f.program_years, 0..=10)?,
                experience_years,
                main_setting: c.text(format!("{p}.facts.main_setting"), f.main_setting)?,
                certification: c.text(format!("{p}.facts.certification"), f.certification)?,
            },
            fact_sources: Cow::Owned(fact_sources),
            sources: Cow::Owned(own_sources),
            points: Cow::Owned(by_category),
        });
    }
    let role_names: Vec<Text> = roles.iter().map(|r| r.id.clone()).collect();

    let mut caveat_ids = HashSet::new();
    let mut caveats = Vec::new();
    for (i, cv) in raw.caveats.into_iter().enumerate() {
        let p = format!("caveats[{i}]");
        let mut refs = Vec::new();
        for (j, id) in cv.categories.iter().enumerate() {
            refs.push(c.reference(format!("{p}.categories[{j}]"), id, &category_names, "category")?);
        }
        let mut of_roles = Vec::new();
        for (j, id) in cv.roles.iter().enumerate() {
            of_roles.push(c.reference(format!("{p}.roles[{j}]"), id, &role_names, "role")?);
        }
        caveats.push(Caveat {
            id: c.id(format!("{p}.id"), cv.id, &mut caveat_ids)?,
            title: c.text(format!("{p}.title"), cv.title)?,
            text: c.text(format!("{p}.text"), cv.text)?,
            categories: Cow::Owned(refs),
            roles: Cow::Owned(of_roles),
        });
    }
    let caveat_names: Vec<Text> = caveats.iter().map(|c| c.id.clone()).collect();

    if raw.comparisons.is_empty() {
        return c.fail("comparisons", "empty list: at least one comparison is needed (the default view)");
    }
    let mut comparison_ids = HashSet::new();
    let mut sets: Vec<(Vec<usize>, usize)> = Vec::new();
    let mut comparisons = Vec::new();
    for (i, cmp) in raw.comparisons.into_iter().enumerate() {
        let p = format!("comparisons[{i}]");
        let id = c.id(format!("{p}.id"), cmp.id, &mut comparison_ids)?;
        c.count(&format!("{p}.roles"), cmp.roles.len(), ROLES)?;
        let mut shown = Vec::new();
        for (j, rid) in cmp.roles.iter().enumerate() {
            let ix = c.reference(format!("{p}.roles[{j}]"), rid, &role_names, "role")?;
            if shown.contains(&ix) {
                return c.fail(format!("{p}.roles[{j}]"), format!("role {rid:?} is listed twice"));
            }
            shown.push(ix);
        }
        let mut set = shown.clone();
        set.sort_unstable();
        if let Some((_, other)) = sets.iter().find(|(s, _)| *s == set) {
            return c.fail(
                format!("{p}.roles"),
                format!("comparisons[{other}] compares the same roles: one comparison per set of roles"),
            );
        }
        sets.push((set, i));
        let mut texts = cmp.categories;
        if let Some(unknown) = texts.keys().find(|k| !category_ids.contains(*k)) {
            return c.fail(format!("{p}.categories.{unknown}"), format!("unknown category id {unknown:?}"));
        }
        let mut authored = Vec::new();
        for category in &categories {
            let cp = format!("{p}.categories.{}", category.id);
            authored.push(match texts.remove(category.id.as_ref()) {
                None => None,
                Some(t) => Some(Authored {
                    key_difference: t.key_difference.map(|k| c.text(format!("{cp}.key_difference"), k)).transpose()?,
                    common: c.texts(&format!("{cp}.common"), t.common, false)?,
                }),
            });
        }
        let mut own_caveats = Vec::new();
        for (j, cid) in cmp.caveats.iter().enumerate() {
            own_caveats.push(c.reference(format!("{p}.caveats[{j}]"), cid, &caveat_names, "caveat")?);
        }
        comparisons.push(Comparison {
            id,
            roles: Cow::Owned(shown),
            title: c.text(format!("{p}.title"), cmp.title)?,
            description: c.text(format!("{p}.description"), cmp.description)?,
            texts: Cow::Owned(authored),
            caveats: Cow::Owned(own_caveats),
        });
    }

    let mut question_ids: HashSet<String> = fit::FACT_IDS.iter().map(|&id| id.to_owned()).collect();
    let mut questions = Vec::new();
    for (i, q) in raw.fit.into_iter().enumerate() {
        let p = format!("fit[{i}]");
        if fit::FACT_IDS.contains(&q.id.as_str()) {
            return c.fail(
                format!("{p}.id"),
                format!("{:?} is the id of a question drawn from facts ({})", q.id, fit::FACT_IDS.join(", ")),
            );
        }
        let id = c.id(format!("{p}.id"), q.id, &mut question_ids)?;
        c.count(&format!("{p}.options"), q.options.len(), 2..=4)?;
        let mut options: Vec<PointRef> = Vec::new();
        for (j, o) in q.options.into_iter().enumerate() {
            let op = format!("{p}.options[{j}]");
            let role = c.reference(format!("{op}.role"), &o.role, &role_names, "role")?;
            if options.iter().any(|other| other.role == role) {
                return c.fail(format!("{op}.role"), format!("role {:?} has another option of this question", o.role));
            }
            let category = c.reference(format!("{op}.category"), &o.category, &category_names, "category")?;
            let points = roles[role].points[category].len();
            if o.point >= points {
                return c.fail(
                    format!("{op}.point"),
                    format!("{} is out of range: {:?} has {points} points in {:?}", o.point, o.role, o.category),
                );
            }
            options.push(PointRef { role, category, point: o.point });
        }
        questions.push(Question { id, prompt: c.text(format!("{p}.prompt"), q.prompt)?, options: Cow::Owned(options) });
    }

    let catalogue = Catalogue {
        lang: Cow::Owned(raw.lang),
        dir,
        ui: Cow::Owned(strings.into_iter().map(Cow::Owned).collect()),
        plural: Cow::Owned(plural),
        title,
        description,
        roles: Cow::Owned(roles),
        categories: Cow::Owned(categories),
        comparisons: Cow::Owned(comparisons),
        caveats: Cow::Owned(caveats),
        sources: Cow::Owned(sources),
        fit: Cow::Owned(questions),
    };
    // A comparison that asks questions points each of its roles to some answer.
    for (i, cmp) in catalogue.comparisons.iter().enumerate() {
        let planned = fit::plan(&catalogue, &cmp.roles);
        if let (false, Some(&at)) = (planned.is_empty(), fit::uncovered(&planned, cmp.roles.len()).first()) {
            return c.fail(
                format!("comparisons[{i}].roles[{at}]"),
                format!(
                    "no answer of the fit questions points to {:?}: add a fit question with an option of its points",
                    catalogue.roles[cmp.roles[at]].id
                ),
            );
        }
    }
    Ok(catalogue)
}

/// Parses and checks the catalogues of one build, one per language
/// (`ROLE_COMPARE_DATASET=a.json,b.json`): each must be valid, in a language
/// of its own, with the same role, category, comparison, caveat and source
/// ids in the same order and the same figures and references as the first,
/// so settings, attributes and URLs mean the same whichever language is shown.
pub fn parse_catalogues(files: &[(String, String)]) -> Result<Vec<Catalogue>, DatasetError> {
    let mut out: Vec<Catalogue> = Vec::new();
    for (file, json) in files {
        let d = parse_catalogue(file, json)?;
        if let Some(first) = out.first() {
            same_catalogue(&Checker { file }, &files[0].0, first, &d)?;
        }
        if let Some(other) = out.iter().position(|o| o.lang.eq_ignore_ascii_case(&d.lang)) {
            return Checker { file }.fail("lang", format!("{:?} is also the language of {}", d.lang, files[other].0));
        }
        out.push(d);
    }
    Ok(out)
}

fn same_catalogue(c: &Checker<'_>, first_file: &str, first: &Catalogue, d: &Catalogue) -> Result<(), DatasetError> {
    let differ = |path: String, what: &str| {
        c.fail(path, format!("{what} differs from {first_file}: every language shows the same catalogue"))
    };
    fn ids<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> Vec<&'a str> {
        items.iter().map(id).collect()
    }
    if ids(&d.roles, |r| &r.id) != ids(&first.roles, |r| &r.id) {
        return differ("roles".into(), "the list of role ids");
    }
    for (i, (a, b)) in first.roles.iter().zip(d.roles.iter()).enumerate() {
        let (fa, fb) = (&a.facts, &b.facts);
        let figures = |f: &Facts| (f.median_salary_usd, f.education_years, f.program_years, f.experience_years);
        if figures(fa) != figures(fb) {
            return differ(format!("roles[{i}].facts"), "a figure");
        }
        if (&a.sources, &a.fact_sources) != (&b.sources, &b.fact_sources) {
            return differ(format!("roles[{i}].sources"), "a role's sources");
        }
    }
    if ids(&d.categories, |x| &x.id) != ids(&first.categories, |x| &x.id) {
        return differ("categories".into(), "the list of category ids");
    }
    for (i, (a, b)) in first.categories.iter().zip(d.categories.iter()).enumerate() {
        if (a.chart, a.occupation, a.key_fact) != (b.chart, b.occupation, b.key_fact) {
            return differ(format!("categories[{i}]"), "chart, occupation or key_fact");
        }
    }
    if ids(&d.comparisons, |x| &x.id) != ids(&first.comparisons, |x| &x.id) {
        return differ("comparisons".into(), "the list of comparison ids");
    }
    for (i, (a, b)) in first.comparisons.iter().zip(d.comparisons.iter()).enumerate() {
        if (&a.roles, &a.caveats) != (&b.roles, &b.caveats) {
            return differ(format!("comparisons[{i}]"), "a comparison's roles or caveats");
        }
    }
    if ids(&d.caveats, |x| &x.id) != ids(&first.caveats, |x| &x.id) {
        return differ("caveats".into(), "the list of caveat ids");
    }
    for (i, (a, b)) in first.caveats.iter().zip(d.caveats.iter()).enumerate() {
        if (&a.categories, &a.roles) != (&b.categories, &b.roles) {
            return differ(format!("caveats[{i}]"), "the categories or roles a caveat concerns");
        }
    }
    if ids(&d.fit, |x| &x.id) != ids(&first.fit, |x| &x.id) {
        return differ("fit".into(), "the list of fit question ids");
    }
    for (i, (a, b)) in first.fit.iter().zip(d.fit.iter()).enumerate() {
        if a.options != b.options {
            return differ(format!("fit[{i}].options"), "a fit question's options");
        }
    }
    if ids(&d.sources, |x| &x.id) != ids(&first.sources, |x| &x.id) {
        return differ("sources".into(), "the list of source ids");
    }
    for (i, (a, b)) in first.sources.iter().zip(d.sources.iter()).enumerate() {
        if a.year != b.year {
            return differ(format!("sources[{i}].year"), "a source's year");
        }
    }
    Ok(())
}
