//! Which questions the "Which fits you?" view asks of a set of roles, before
//! any text: the editors' questions whose options point to at least two of
//! the roles, then one question per typed fact in which the roles differ
//! (each distinct value an option pointing to every role that has it).
//! Nothing is weighed or invented: an option is a role's own point or fact.
//! This file is also compiled into build.rs (`#[path]`): validation checks
//! with [`plan`] that every comparison's questions point to each of its roles.

use super::model::{Catalogue, Role, RoleIx};

/// A question drawn from a typed fact, where the roles differ in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FitFact {
    /// The main setting.
    Setting,
    /// Years of degree and accredited programme together.
    Training,
    /// The certification.
    Certification,
    /// The median salary.
    Pay,
}

impl FitFact {
    /// In the order the view asks them, after the editors' questions.
    pub const ALL: [FitFact; 4] = [FitFact::Setting, FitFact::Training, FitFact::Certification, FitFact::Pay];

    /// Its question's id: what the `answers` setting names it by.
    pub fn id(self) -> &'static str {
        FACT_IDS[self as usize]
    }

    /// Whether two roles give the same option.
    fn same(self, a: &Role, b: &Role) -> bool {
        match self {
            FitFact::Setting => a.facts.main_setting == b.facts.main_setting,
            FitFact::Certification => a.facts.certification == b.facts.certification,
            FitFact::Training | FitFact::Pay => self.figure(a) == self.figure(b),
        }
    }

    /// The figure options are ordered by (lowest first), where there is one.
    pub fn figure(self, r: &Role) -> Option<u32> {
        match self {
            FitFact::Training => Some(u32::from(r.facts.education_years) + u32::from(r.facts.program_years)),
            FitFact::Pay => Some(r.facts.median_salary_usd),
            FitFact::Setting | FitFact::Certification => None,
        }
    }
}

/// The fit view's id among the sections: what `hide=fit` and the toolbar
/// name it by, so no category may take it.
pub const SECTION: &str = "fit";

/// The ids of the fact questions, in [`FitFact::ALL`] order; an authored
/// question may not take one.
pub const FACT_IDS: [&str; 4] = ["setting", "training", "certification", "pay"];

/// What a question is asked from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `catalogue.fit[ix]`.
    Authored(usize),
    Fact(FitFact),
}

/// A question of a view: what it is drawn from, and its options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    pub kind: Kind,
    /// Each option: the authored option's index (authored) or the position
    /// in `roles` of the role whose fact it shows (fact), and the positions in
    /// `roles` of the roles it points to.
    pub options: Vec<(usize, Vec<usize>)>,
}

/// The questions asked of `roles` (catalogue indices, in column order).
pub fn plan(catalogue: &Catalogue, roles: &[RoleIx]) -> Vec<Planned> {
    let mut out = Vec::new();
    for (q, question) in catalogue.fit.iter().enumerate() {
        let options: Vec<(usize, Vec<usize>)> = question
            .options
            .iter()
            .enumerate()
            .filter_map(|(o, option)| roles.iter().position(|&r| r == option.role).map(|at| (o, vec![at])))
            .collect();
        if options.len() >= 2 {
            out.push(Planned { kind: Kind::Authored(q), options });
        }
    }
    for fact in FitFact::ALL {
        let mut options: Vec<(usize, Vec<usize>)> = Vec::new();
        let role = |at: usize| &catalogue.roles[roles[at]];
        for at in 0..roles.len() {
            match options.iter_mut().find(|(first, _)| fact.same(role(*first), role(at))) {
                Some((_, to)) => to.push(at),
                // Figures lowest first (an insertion: at most four options).
                None => {
                    let before =
                        options.iter().position(|(first, _)| fact.figure(role(*first)) > fact.figure(role(at)));
                    options.insert(before.unwrap_or(options.len()), (at, vec![at]));
                }
            }
        }
        if options.len() >= 2 {
            out.push(Planned { kind: Kind::Fact(fact), options });
        }
    }
    out
}

/// The positions in `roles` that no question of `planned` points to.
pub fn uncovered(planned: &[Planned], roles: usize) -> Vec<usize> {
    (0..roles).filter(|at| !planned.iter().any(|q| q.options.iter().any(|(_, to)| to.contains(at)))).collect()
}
