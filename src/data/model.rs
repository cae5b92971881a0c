//! The dataset as the app uses it: roles and categories resolved to indices.
//!
//! Every text and list is a `Cow<'static, …>` so that the same types hold the
//! dataset baked into the binary by build.rs (borrowed, no parsing at start-up)
//! and a dataset built at run time by native tests (owned).
//! This file is also compiled into build.rs (`#[path]`): it refers to nothing
//! outside itself but `super::ui`.

use std::borrow::Cow;

pub use super::ui::Gender;
use super::ui::PluralCase;

/// A text of the dataset.
pub type Text = Cow<'static, str>;
/// A list of the dataset.
pub type List<T> = Cow<'static, [T]>;

/// Index of a role in [`Dataset::roles`].
pub type RoleIx = usize;
/// Index of a category in [`Dataset::categories`].
pub type CategoryIx = usize;

#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// BCP 47 language tag of every text in it (`en`, `es-MX`).
    pub lang: Text,
    /// Direction of its text: given by the dataset, else from `lang`.
    pub dir: Dir,
    /// The widget's own strings in this language, indexed by `ui::Msg`
    /// (built-in table of the language, with the dataset's `ui` overrides).
    pub ui: List<Text>,
    /// The CLDR cardinal rule of `lang` for whole numbers: which plural form
    /// of a `ui` message a count takes.
    pub plural: List<PluralCase>,
    pub title: Text,
    pub description: Text,
    pub roles: List<Role>,
    pub categories: List<Category>,
    pub caveats: List<Caveat>,
    pub sources: List<Source>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Role {
    pub id: Text,
    /// The display name, a label: column heads, bar names, "{role}: {amount}."
    pub name: Text,
    /// The forms of the name made for running text, per language.
    pub running_name: RunningName,
    pub summary: Text,
    pub facts: Facts,
}

/// A role's name as a sentence uses it (the dataset's `running_name`), one
/// field per grammatical form the language's templates take. A sentence never
/// starts with one (it may be lowercase). More forms (e.g. Spanish after a
/// preposition, "del"/"al" for a singular) are added as fields here, in the
/// dataset schema and in the placeholders that take them
/// (`ui::RUNNING_NAME_SLOTS`).
#[derive(Clone, Debug, PartialEq)]
pub struct RunningName {
    /// The role's holders in general, as a plural noun phrase with the article
    /// the language puts there: "ECMO specialists", "los especialistas en
    /// ECMO". Templates agree their verbs in the plural.
    pub plural: Text,
}

/// Typed facts that charts and structured data are drawn from.
#[derive(Clone, Debug, PartialEq)]
pub struct Facts {
    /// Median pay in US dollars a year.
    pub median_salary_usd: u32,
    /// Years of degree study.
    pub education_years: u8,
    /// Years of a dedicated training programme after the degree (0: none).
    pub program_years: u8,
    /// Years of experience in a related field.
    pub experience_years: YearRange,
    /// Where the role mainly works.
    pub main_setting: Text,
    /// Certification the role calls for.
    pub certification: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearRange {
    pub min: u8,
    pub max: u8,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    pub id: Text,
    pub title: Text,
    /// The grammatical gender of `title`, where the language's messages about
    /// a category agree with it (`ui::has_genders`).
    pub gender: Option<Gender>,
    pub key_difference: Text,
    /// Points for each role, indexed by [`RoleIx`].
    pub entries: List<List<Text>>,
    /// Points that hold for every role.
    pub common: List<Text>,
    /// A chart of the roles' typed facts shown in this category.
    pub chart: Option<Chart>,
    /// The schema.org `Occupation` property this category's points fill.
    pub occupation: Option<OccupationField>,
}

/// schema.org `Occupation` properties a category can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OccupationField {
    Responsibilities,
    EducationRequirements,
    ExperienceRequirements,
    Skills,
}

impl OccupationField {
    /// The schema.org property name.
    pub fn property(self) -> &'static str {
        match self {
            OccupationField::Responsibilities => "responsibilities",
            OccupationField::EducationRequirements => "educationRequirements",
            OccupationField::ExperienceRequirements => "experienceRequirements",
            OccupationField::Skills => "skills",
        }
    }
}

/// Text direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Ltr,
    Rtl,
}

impl Dir {
    /// The HTML `dir` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

/// Charts drawn from [`Facts`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chart {
    /// Median salaries as bars, with the difference.
    Salary,
    /// Years of degree, programme and experience on one timeline.
    Training,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Caveat {
    pub id: Text,
    pub title: Text,
    pub text: Text,
    /// Categories the caveat concerns.
    pub categories: List<CategoryIx>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: Text,
    pub title: Text,
    pub publisher: Text,
    pub url: Text,
}

impl Dataset {
    /// Index of the category with this id.
    pub fn category_ix(&self, id: &str) -> Option<CategoryIx> {
        self.categories.iter().position(|c| c.id == id)
    }

    /// Index of the role with this id.
    pub fn role_ix(&self, id: &str) -> Option<RoleIx> {
        self.roles.iter().position(|r| r.id == id)
    }
}
