//! CLDR plural rules as the widget reads them: a category for a whole
//! number from a language's cardinal rule, baked with the dataset (the rule
//! itself is read from ICU4X's data at build time: `cldr.rs`).
//!
//! Also compiled into build.rs (`#[path]`): it refers to nothing outside itself.

use std::borrow::Cow;

/// A CLDR plural category, in CLDR's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    /// Every category, in CLDR's order.
    pub const ALL: [PluralCategory; 6] = [Self::Zero, Self::One, Self::Two, Self::Few, Self::Many, Self::Other];

    /// Its CLDR name, the suffix of its form's key (`years_few`).
    pub fn name(self) -> &'static str {
        ["zero", "one", "two", "few", "many", "other"][self as usize]
    }
}

/// One relation of a CLDR plural rule, as it reads a whole number `n`:
/// `n % modulus` (`modulus` 0: `n` itself) is in one of `ranges` (`equal`),
/// or in none of them (`!equal`). Relations on the fraction and exponent
/// operands (`v`, `f`, `t`, `w`, `c`, `e`), which are 0 for a whole number,
/// are resolved when the rule is baked.
#[derive(Clone, Debug, PartialEq)]
pub struct PluralRelation {
    pub modulus: u64,
    pub equal: bool,
    pub ranges: Cow<'static, [PluralRange]>,
}

/// `start..=end` in a plural relation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PluralRange {
    pub start: u64,
    pub end: u64,
}

/// The rule of one category: it applies when every relation of any one of
/// `any` holds. A language's rule is its cases in CLDR order; a number no
/// case takes is `other`.
#[derive(Clone, Debug, PartialEq)]
pub struct PluralCase {
    pub category: PluralCategory,
    pub any: Cow<'static, [Cow<'static, [PluralRelation]>]>,
}

impl PluralRelation {
    fn holds(&self, n: u64) -> bool {
        let value = if self.modulus == 0 { n } else { n % self.modulus };
        let within = self.ranges.iter().any(|r| (r.start..=r.end).contains(&value));
        within == self.equal
    }
}

/// The plural category of the whole number `n` under a language's rule.
pub fn plural_category(rule: &[PluralCase], n: u64) -> PluralCategory {
    rule.iter()
        .find(|case| case.any.iter().any(|all| all.iter().all(|r| r.holds(n))))
        .map_or(PluralCategory::Other, |case| case.category)
}
