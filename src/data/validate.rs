//! Reads a dataset from JSON, checks it and resolves it into [`Dataset`].
//!
//! Shared by build.rs (which bakes the result into the binary) and by native
//! tests. Every fault is reported with the file, the path of the field
//! (`categories[3].entries.perfusionist`) and what is wrong.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::Deserialize;

use super::model::{
    Category, Caveat, Chart, Dataset, Dir, Facts, Gender, OccupationField, Role, RunningName, Source, Text, YearRange,
};
use super::{cldr, ui};

/// Roles a dataset may compare.
pub const ROLES: std::ops::RangeInclusive<usize> = 2..=4;
/// Categories a dataset may have.
pub const CATEGORIES: std::ops::RangeInclusive<usize> = 1..=24;

/// A fault in a dataset file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetError {
    pub file: String,
    /// Path of the bad field, e.g. `categories[3].entries.perfusionist`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.path, self.message)
    }
}

impl std::error::Error for DatasetError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDataset {
    #[serde(default = "default_lang")]
    lang: String,
    #[serde(default)]
    dir: Option<RawDir>,
    #[serde(default)]
    ui: BTreeMap<String, String>,
    title: String,
    description: String,
    roles: Vec<RawRole>,
    categories: Vec<RawCategory>,
    #[serde(default)]
    caveats: Vec<RawCaveat>,
    sources: Vec<RawSource>,
}

fn default_lang() -> String {
    "en".to_owned()
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum RawDir {
    Ltr,
    Rtl,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    id: String,
    name: String,
    running_name: RawRunningName,
    summary: String,
    facts: RawFacts,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRunningName {
    plural: String,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum RawGender {
    Masculine,
    Feminine,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFacts {
    median_salary_usd: u32,
    education_years: u8,
    program_years: u8,
    experience_years: RawRange,
    main_setting: String,
    certification: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRange {
    min: u8,
    max: u8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
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

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "camelCase")]
enum RawOccupationField {
    Responsibilities,
    EducationRequirements,
    ExperienceRequirements,
    Skills,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum RawChart {
    Salary,
    Training,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCaveat {
    id: String,
    title: String,
    text: String,
    categories: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    title: String,
    publisher: String,
    url: String,
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
            && value.len() <= 40
            && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok {
            return self.fail(path, format!("invalid id {value:?}: use 1 to 40 of a-z, 0-9 and '-'"));
        }
        if !seen.insert(value.clone()) {
            return self.fail(path, format!("duplicate id {value:?}"));
        }
        Ok(Cow::Owned(value))
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

/// Parses and checks a dataset. `file` names it in errors.
pub fn parse_dataset(file: &str, json: &str) -> Result<Dataset, DatasetError> {
    let c = Checker { file };
    let de = &mut serde_json::Deserializer::from_str(json);
    let raw: RawDataset = match serde_path_to_error::deserialize(de) {
        Ok(raw) => raw,
        Err(e) => {
            let path = e.path().to_string();
            let path = if path == "." { "(root)".to_owned() } else { path };
            return c.fail(path, e.into_inner().to_string());
        }
    };
    check(&c, raw)
}

fn check(c: &Checker<'_>, raw: RawDataset) -> Result<Dataset, DatasetError> {
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

    c.count("roles", raw.roles.len(), ROLES)?;
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
        });
    }

    c.count("categories", raw.categories.len(), CATEGORIES)?;
    let mut category_ids = HashSet::new();
    let mut categories = Vec::new();
    for (i, cat) in raw.categories.into_iter().enumerate() {
        let p = format!("categories[{i}]");
        let id = c.id(format!("{p}.id"), cat.id, &mut category_ids)?;
        let mut entries = cat.entries;
        if let Some(unknown) = entries.keys().find(|k| !role_ids.contains(*k)) {
            return c.fail(format!("{p}.entries.{unknown}"), format!("unknown role id {unknown:?}"));
        }
        let mut by_role = Vec::new();
        for role in &roles {
            let ep = format!("{p}.entries.{}", role.id);
            let Some(points) = entries.remove(role.id.as_ref()) else {
                return c.fail(ep, "missing: every category needs points for every role");
            };
            by_role.push(c.texts(&ep, points, true)?);
        }
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
            key_difference: c.text(format!("{p}.key_difference"), cat.key_difference)?,
            entries: Cow::Owned(by_role),
            common: c.texts(&format!("{p}.common"), cat.common, false)?,
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

    let mut caveat_ids = HashSet::new();
    let mut caveats = Vec::new();
    for (i, cv) in raw.caveats.into_iter().enumerate() {
        let p = format!("caveats[{i}]");
        let mut refs = Vec::new();
        for (j, id) in cv.categories.iter().enumerate() {
            match categories.iter().position(|cat| cat.id == id.as_str()) {
                Some(ix) => refs.push(ix),
                None => return c.fail(format!("{p}.categories[{j}]"), format!("unknown category id {id:?}")),
            }
        }
        caveats.push(Caveat {
            id: c.id(format!("{p}.id"), cv.id, &mut caveat_ids)?,
            title: c.text(format!("{p}.title"), cv.title)?,
            text: c.text(format!("{p}.text"), cv.text)?,
            categories: Cow::Owned(refs),
        });
    }

    c.count("sources", raw.sources.len(), 1..=20)?;
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
            url: Cow::Owned(s.url),
        });
    }

    Ok(Dataset {
        lang: Cow::Owned(raw.lang),
        dir,
        ui: Cow::Owned(strings.into_iter().map(Cow::Owned).collect()),
        plural: Cow::Owned(plural),
        title,
        description,
        roles: Cow::Owned(roles),
        categories: Cow::Owned(categories),
        caveats: Cow::Owned(caveats),
        sources: Cow::Owned(sources),
    })
}

/// Parses and checks several datasets of one comparison, one per language
/// (`ROLE_COMPARE_DATASET=a.json,b.json`): each must be valid, in a language
/// of its own, with the same role, category, caveat and source ids in the
/// same order and the same figures as the first, so settings, attributes and
/// URLs mean the same whichever language is shown.
pub fn parse_datasets(files: &[(String, String)]) -> Result<Vec<Dataset>, DatasetError> {
    let mut out: Vec<Dataset> = Vec::new();
    for (file, json) in files {
        let d = parse_dataset(file, json)?;
        if let Some(first) = out.first() {
            same_comparison(&Checker { file }, &files[0].0, first, &d)?;
        }
        if let Some(other) = out.iter().position(|o| o.lang.eq_ignore_ascii_case(&d.lang)) {
            return Checker { file }.fail("lang", format!("{:?} is also the language of {}", d.lang, files[other].0));
        }
        out.push(d);
    }
    Ok(out)
}

fn same_comparison(c: &Checker<'_>, first_file: &str, first: &Dataset, d: &Dataset) -> Result<(), DatasetError> {
    let differ = |path: String, what: &str| {
        c.fail(path, format!("{what} differs from {first_file}: every language shows the same comparison"))
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
    }
    if ids(&d.categories, |x| &x.id) != ids(&first.categories, |x| &x.id) {
        return differ("categories".into(), "the list of category ids");
    }
    for (i, (a, b)) in first.categories.iter().zip(d.categories.iter()).enumerate() {
        if (a.chart, a.occupation) != (b.chart, b.occupation) {
            return differ(format!("categories[{i}]"), "chart or occupation");
        }
    }
    if ids(&d.caveats, |x| &x.id) != ids(&first.caveats, |x| &x.id) {
        return differ("caveats".into(), "the list of caveat ids");
    }
    for (i, (a, b)) in first.caveats.iter().zip(d.caveats.iter()).enumerate() {
        if a.categories != b.categories {
            return differ(format!("caveats[{i}].categories"), "the categories a caveat concerns");
        }
    }
    if ids(&d.sources, |x| &x.id) != ids(&first.sources, |x| &x.id) {
        return differ("sources".into(), "the list of source ids");
    }
    Ok(())
}
