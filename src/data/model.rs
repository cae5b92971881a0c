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

/// How many roles a comparison shows.
pub const ROLES_SHOWN: std::ops::RangeInclusive<usize> = 2..=4;

/// Index of a role in [`Dataset::roles`].
pub type RoleIx = usize;
/// Index of a category in [`Dataset::categories`] (the same in its catalogue).
pub type CategoryIx = usize;
/// Index of a comparison in [`Catalogue::comparisons`].
pub type ComparisonIx = usize;
/// Index of a source in [`Dataset::sources`] (of a catalogue: [`Catalogue::sources`]).
pub type SourceIx = usize;

/// A catalogue in one language: roles written once, the categories every
/// role has points in, and the comparisons authored between them. Every
/// view the widget shows ([`Dataset`]) is built from one (`super::view`).
#[derive(Clone, Debug, PartialEq)]
pub struct Catalogue {
    /// BCP 47 language tag of every text in it (`en`, `es-MX`).
    pub lang: Text,
    /// Direction of its text: given by the file, else from `lang`.
    pub dir: Dir,
    /// The widget's strings in this language, indexed by `ui::Msg`.
    pub ui: List<Text>,
    /// The CLDR cardinal rule of `lang` for whole numbers.
    pub plural: List<PluralCase>,
    /// The catalogue's own title and description (its index page).
    pub title: Text,
    pub description: Text,
    /// Every role, with its points in every category ([`Role::points`]).
    pub roles: List<Role>,
    /// The categories; in a catalogue their `entries`, `common` and
    /// `key_difference` are empty: roles and comparisons carry those.
    pub categories: List<Category>,
    /// Authored comparisons, the first the default.
    pub comparisons: List<Comparison>,
    pub caveats: List<Caveat>,
    pub sources: List<Source>,
    /// The questions editors wrote for the "Which fits you?" view (`super::fit`
    /// adds those drawn from typed facts).
    pub fit: List<Question>,
}

/// A question an editor wrote for the fit view: each option is one role's
/// own point, so its text and its source are that role's.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub id: Text,
    pub prompt: Text,
    /// 2–4 options, each of a different role.
    pub options: List<PointRef>,
}

/// A role's point: `catalogue.roles[role].points[category][point]`.
#[derive(Clone, Debug, PartialEq)]
pub struct PointRef {
    pub role: RoleIx,
    pub category: CategoryIx,
    pub point: usize,
}

/// A question of the fit view as a view shows it: only options that point
/// to shown roles, each with its text and source.
#[derive(Clone, Debug, PartialEq)]
pub struct FitQuestion {
    /// The authored question's id, or the fact's (`super::fit::FACT_IDS`).
    pub id: Text,
    pub prompt: Text,
    pub options: List<FitOption>,
    /// Said beside the options: their figures come from different sources or years.
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FitOption {
    /// The roles it points to ([`RoleIx`] of the view).
    pub roles: List<RoleIx>,
    /// The fact or point behind it, as Quick facts or the category shows it.
    pub text: Text,
    /// Where that comes from ([`SourceIx`] of the view).
    pub source: SourceIx,
}

/// A comparison an editor wrote: which roles, its title and description,
/// and per category the texts written for this pair.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub id: Text,
    /// 2–4 roles, in their column order.
    pub roles: List<RoleIx>,
    pub title: Text,
    pub description: Text,
    /// Authored texts, indexed by [`CategoryIx`] (`None`: none written).
    pub texts: List<Option<Authored>>,
    /// Caveats that belong to this comparison, indexed in the catalogue.
    pub caveats: List<usize>,
}

/// What an editor wrote for one category of one comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Authored {
    pub key_difference: Option<Text>,
    pub common: List<Text>,
}

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
    /// The authored comparison this view shows, if the roles are one's.
    pub comparison: Option<Text>,
    /// The shown roles, in the comparison's order (the view state orders columns).
    pub roles: List<Role>,
    /// Categories with each shown role's points (`entries`) and the key
    /// difference: authored, else derived from typed facts, else none.
    pub categories: List<Category>,
    /// The caveats of the comparison and of its roles.
    pub caveats: List<Caveat>,
    /// The sources of the shown roles, in the catalogue's order.
    pub sources: List<Source>,
    /// The questions of the fit view (none: no fit view).
    pub fit: List<FitQuestion>,
    /// The catalogue it was built from: the picker's roles, and where
    /// settings that name other roles find them.
    pub catalogue: &'static Catalogue,
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
    /// Where each fact comes from, indexed by [`Fact`] (`Fact::ALL` order).
    pub fact_sources: List<SourceIx>,
    /// Its sources (the first is its facts' by default).
    pub sources: List<SourceIx>,
    /// Its points, indexed by [`CategoryIx`].
    pub points: List<List<Text>>,
}

/// A typed fact of [`Facts`]: the rows of Quick facts, the key of a fact's
/// source, and what a category's derived key difference is drawn from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    MedianSalary,
    Degree,
    Program,
    Experience,
    Setting,
    Certification,
}

impl Fact {
    /// Every fact, in Quick facts' row order.
    pub const ALL: [Fact; 6] =
        [Fact::MedianSalary, Fact::Degree, Fact::Program, Fact::Experience, Fact::Setting, Fact::Certification];

    /// Its key in a dataset's `facts`.
    pub fn key(self) -> &'static str {
        match self {
            Fact::MedianSalary => "median_salary_usd",
            Fact::Degree => "education_years",
            Fact::Program => "program_years",
            Fact::Experience => "experience_years",
            Fact::Setting => "main_setting",
            Fact::Certification => "certification",
        }
    }
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
    /// The key difference: authored for the comparison, else derived from
    /// `key_fact`, else none (never an invented one).
    pub key_difference: Option<Text>,
    /// The typed fact a key difference is derived from where none is authored.
    pub key_fact: Option<KeyFact>,
    /// Points for each role, indexed by [`RoleIx`].
    pub entries: List<List<Text>>,
    /// Points that hold for every role.
    pub common: List<Text>,
    /// A chart of the roles' typed facts shown in this category.
    pub chart: Option<Chart>,
    /// The schema.org `Occupation` property this category's points fill.
    pub occupation: Option<OccupationField>,
}

/// What a category's key difference is derived from where none is authored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyFact {
    /// The median salary gap.
    Salary,
    /// Years of degree and accredited programme together.
    Training,
    /// Years of experience asked.
    Experience,
    /// The main setting.
    Setting,
    /// The certification.
    Certification,
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
    /// Roles it goes with: shown wherever one of them is (catalogue indices).
    pub roles: List<RoleIx>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: Text,
    pub title: Text,
    pub publisher: Text,
    /// The year of its data (or, without data, of its publication), if known.
    pub year: Option<u16>,
    pub url: Text,
    /// The line its licence asks to be shown with it (and that we adapted it).
    pub attribution: Option<Text>,
}

impl Source {
    /// Whether figures from `self` and `other` stand side by side without a
    /// note: one publisher, one year (Quick facts' marks, the fit view's note).
    pub fn same_origin(&self, other: &Source) -> bool {
        self.publisher == other.publisher && self.year == other.year
    }
}

impl Catalogue {
    /// Index of the role with this id.
    pub fn role_ix(&self, id: &str) -> Option<RoleIx> {
        self.roles.iter().position(|r| r.id == id)
    }

    /// Index of the comparison with this id.
    pub fn comparison_ix(&self, id: &str) -> Option<ComparisonIx> {
        self.comparisons.iter().position(|c| c.id == id)
    }
}

impl Dataset {
    /// The source of `role`'s `fact` (a role of this view).
    pub fn fact_source(&self, role: &Role, fact: Fact) -> &Source {
        &self.sources[role.fact_sources[fact as usize]]
    }

    /// Index of the category with this id.
    pub fn category_ix(&self, id: &str) -> Option<CategoryIx> {
        self.categories.iter().position(|c| c.id == id)
    }

    /// Index of the role with this id.
    pub fn role_ix(&self, id: &str) -> Option<RoleIx> {
        self.roles.iter().position(|r| r.id == id)
    }
}
