//! A language's CLDR cardinal plural rule, read from ICU4X's data at build
//! time and reduced to what decides the form of a whole number, so that the
//! wasm carries the rules of its own languages and no plural library.
//!
//! Native only (build.rs and tests; `#[path]` in build.rs): it refers to
//! nothing outside itself but `super::ui`.

use std::borrow::Cow;

use icu_locale_core::Locale;
use icu_plurals::provider::rules::reference::ast;
use icu_plurals::provider::{Baked, PluralsCardinalV1};
use icu_provider::prelude::*;

use super::ui::{PluralCase, PluralCategory, PluralRange, PluralRelation};

/// The cardinal rule of a BCP 47 language for whole numbers: one case per
/// category a whole number can take, in CLDR order (`other` implied). A
/// language CLDR does not know takes its root rule (everything `other`).
pub fn plural_rule(lang: &str) -> Result<Vec<PluralCase>, String> {
    let locale = Locale::try_from_str(lang).map_err(|e| format!("{lang:?} is not a locale ICU4X reads: {e}"))?;
    let locale: DataLocale = (&locale).into();
    let request = DataRequest { id: DataIdentifierBorrowed::for_locale(&locale), ..Default::default() };
    let response: DataResponse<PluralsCardinalV1> =
        Baked.load(request).map_err(|e| format!("no CLDR plural rules for {lang:?}: {e}"))?;
    let data = response.payload.get();
    let rules = [
        (PluralCategory::Zero, &data.zero),
        (PluralCategory::One, &data.one),
        (PluralCategory::Two, &data.two),
        (PluralCategory::Few, &data.few),
        (PluralCategory::Many, &data.many),
    ];
    let mut cases = Vec::new();
    for (category, rule) in rules {
        let Some(rule) = rule else { continue };
        let rule: ast::Rule = rule.into();
        let any: Vec<Cow<'static, [PluralRelation]>> =
            rule.condition.0.iter().filter_map(whole_number_conjunction).map(Cow::Owned).collect();
        if !any.is_empty() {
            cases.push(PluralCase { category, any: Cow::Owned(any) });
        }
    }
    Ok(cases)
}

/// The categories a whole number can take in a language, `other` included.
pub fn categories(rule: &[PluralCase]) -> Vec<PluralCategory> {
    rule.iter().map(|c| c.category).chain([PluralCategory::Other]).collect()
}

/// An `and` of relations as it reads whole numbers: `None` when it can never
/// hold (a relation on a fraction or exponent operand that 0 fails), else the
/// relations on `n` and `i` (those on the other operands hold for 0, so go).
fn whole_number_conjunction(and: &ast::AndCondition) -> Option<Vec<PluralRelation>> {
    let mut relations = Vec::new();
    for relation in &and.0 {
        let equal = matches!(relation.operator, ast::Operator::Eq);
        let modulus = relation.expression.modulus.as_ref().map_or(0, |m| m.0);
        let ranges: Vec<PluralRange> = relation
            .range_list
            .0
            .iter()
            .map(|item| match item {
                ast::RangeListItem::Value(v) => PluralRange { start: v.0, end: v.0 },
                ast::RangeListItem::Range(r) => PluralRange { start: r.start().0, end: r.end().0 },
            })
            .collect();
        match relation.expression.operand {
            ast::Operand::N | ast::Operand::I => {
                relations.push(PluralRelation { modulus, equal, ranges: Cow::Owned(ranges) })
            }
            // v, w, f, t, c, e: 0 for a whole number.
            _ => {
                let zero_within = ranges.iter().any(|r| r.start == 0);
                if zero_within != equal {
                    return None;
                }
            }
        }
    }
    Some(relations)
}
