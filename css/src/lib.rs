//! The one CSS reader of the build and the tests: a stylesheet as its style
//! rules, each with the at-rules around it (`@supports`, `@media`,
//! `@container`), its selectors and its declarations, read by lightningcss
//! (the parser browsers' own grammar is tracked in, maintained by Parcel).
//! Nothing here scans CSS text by hand; callers get parsed, re-serialized
//! (canonical) text, so `#ffffff` and `#fff` read the same.

use lightningcss::properties::custom::{CustomProperty, CustomPropertyName, TokenList, TokenOrValue, UnresolvedColor};
use lightningcss::properties::Property;
use lightningcss::rules::CssRule;
use lightningcss::selector::{Component, Selector};
use lightningcss::stylesheet::{ParserOptions, PrinterOptions, StyleSheet};
use lightningcss::traits::ToCss;
use lightningcss::values::ident::DashedIdent;

/// One style rule of a stylesheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// The at-rules around it, outermost first, each as its prelude:
    /// `@supports not (color: light-dark(#000, #fff))`, `@media (prefers-color-scheme: dark)`.
    pub context: Vec<String>,
    pub selectors: Vec<Sel>,
    pub declarations: Vec<Declaration>,
}

/// One selector of a rule's list.
#[derive(Clone, Debug, PartialEq)]
pub struct Sel {
    /// As lightningcss serializes it.
    pub text: String,
    /// Every class it names, and whether inside a `:not()` (at any depth of
    /// `:is()`, `:where()`, `:has()`, `:host()`).
    pub classes: Vec<(String, bool)>,
}

impl Sel {
    /// Whether it names class `class` outside any `:not()`.
    pub fn has_class(&self, class: &str) -> bool {
        self.classes.iter().any(|(c, negated)| c == class && !negated)
    }

    /// Whether it names class `class` inside a `:not()`.
    pub fn negates_class(&self, class: &str) -> bool {
        self.classes.iter().any(|(c, negated)| c == class && *negated)
    }
}

/// One declaration.
#[derive(Clone, Debug, PartialEq)]
pub struct Declaration {
    pub property: String,
    pub value: String,
    pub important: bool,
    /// Every `var()` its value reads, outermost first: the name and the fallback.
    pub reads: Vec<(String, Option<String>)>,
}

impl Declaration {
    /// `property: value` (with `!important`), as CSS.
    pub fn css(&self) -> String {
        format!("{}: {}{}", self.property, self.value, if self.important { " !important" } else { "" })
    }
}

/// The style rules of `css`, in source order (nested at-rules flattened into
/// each rule's context). A syntax error or an at-rule this reader does not
/// know is an error naming its line.
pub fn rules(css: &str) -> Result<Vec<Rule>, String> {
    let sheet = StyleSheet::parse(css, ParserOptions { error_recovery: false, ..ParserOptions::default() })
        .map_err(|e| format!("CSS: {e}"))?;
    let mut out = Vec::new();
    walk(&sheet.rules.0, &mut Vec::new(), &mut out)?;
    Ok(out)
}

/// A value as lightningcss writes it (as a custom property's value): the
/// canonical form [`Declaration::value`] and the fallbacks of `reads` take.
pub fn canonical_value(value: &str) -> Result<String, String> {
    let rules = rules(&format!("a {{ --x: {value}; }}"))?;
    Ok(rules[0].declarations[0].value.clone())
}

fn walk(list: &[CssRule], context: &mut Vec<String>, out: &mut Vec<Rule>) -> Result<(), String> {
    let print = |e: lightningcss::error::PrinterError| format!("CSS: {e}");
    for rule in list {
        let (prelude, inner) = match rule {
            CssRule::Style(style) => {
                let selectors = style.selectors.0.iter().map(sel).collect::<Result<_, _>>()?;
                let mut declarations = Vec::new();
                for (list, important) in
                    [(&style.declarations.declarations, false), (&style.declarations.important_declarations, true)]
                {
                    for property in list {
                        declarations.push(declaration(property, important)?);
                    }
                }
                out.push(Rule { context: context.clone(), selectors, declarations });
                if !style.rules.0.is_empty() {
                    return Err(format!("CSS line {}: nested rules are not read", style.loc.line + 1));
                }
                continue;
            }
            CssRule::Media(m) => {
                (format!("@media {}", m.query.to_css_string(PrinterOptions::default()).map_err(print)?), &m.rules)
            }
            CssRule::Supports(s) => (
                format!("@supports {}", s.condition.to_css_string(PrinterOptions::default()).map_err(print)?),
                &s.rules,
            ),
            CssRule::Container(c) => {
                let name = match &c.name {
                    Some(n) => format!("{} ", n.to_css_string(PrinterOptions::default()).map_err(print)?),
                    None => String::new(),
                };
                let condition = c.condition.to_css_string(PrinterOptions::default()).map_err(print)?;
                (format!("@container {name}{condition}"), &c.rules)
            }
            other => return Err(format!("CSS: an at-rule this reader does not know: {other:?}")),
        };
        context.push(prelude);
        walk(&inner.0, context, out)?;
        context.pop();
    }
    Ok(())
}

fn sel(s: &Selector) -> Result<Sel, String> {
    let text = s.to_css_string(PrinterOptions::default()).map_err(|e| format!("CSS: {e}"))?;
    let mut classes = Vec::new();
    collect_classes(s, false, &mut classes);
    Ok(Sel { text, classes })
}

fn collect_classes(s: &Selector, negated: bool, out: &mut Vec<(String, bool)>) {
    for c in s.iter_raw_match_order() {
        match c {
            Component::Class(name) => out.push((name.0.to_string(), negated)),
            Component::Negation(list) => list.iter().for_each(|s| collect_classes(s, true, out)),
            Component::Is(list) | Component::Where(list) | Component::Has(list) | Component::Any(_, list) => {
                list.iter().for_each(|s| collect_classes(s, negated, out))
            }
            Component::Host(Some(s)) | Component::Slotted(s) => collect_classes(s, negated, out),
            _ => {}
        }
    }
}

fn declaration(property: &Property, important: bool) -> Result<Declaration, String> {
    let print = |e: lightningcss::error::PrinterError| format!("CSS: {e}");
    let value = property.value_to_css_string(PrinterOptions::default()).map_err(print)?;
    let mut reads = Vec::new();
    match property {
        Property::Custom(c) => tokens_reads(&c.value, &mut reads)?,
        Property::Unparsed(u) => tokens_reads(&u.value, &mut reads)?,
        _ => {}
    }
    Ok(Declaration { property: property.property_id().name().to_owned(), value, important, reads })
}

fn tokens_reads(tokens: &TokenList, out: &mut Vec<(String, Option<String>)>) -> Result<(), String> {
    for t in &tokens.0 {
        match t {
            TokenOrValue::Var(v) => {
                let name = v.name.ident.0.to_string();
                let fallback = v.fallback.as_ref().map(print_tokens).transpose()?;
                out.push((name, fallback));
                if let Some(f) = &v.fallback {
                    tokens_reads(f, out)?;
                }
            }
            TokenOrValue::Function(f) => tokens_reads(&f.arguments, out)?,
            TokenOrValue::UnresolvedColor(UnresolvedColor::LightDark { light, dark }) => {
                tokens_reads(light, out)?;
                tokens_reads(dark, out)?;
            }
            TokenOrValue::UnresolvedColor(UnresolvedColor::RGB { alpha, .. } | UnresolvedColor::HSL { alpha, .. }) => {
                tokens_reads(alpha, out)?
            }
            _ => {}
        }
    }
    Ok(())
}

/// A token list as CSS: printed as the value of a custom property.
fn print_tokens(tokens: &TokenList) -> Result<String, String> {
    let p = Property::Custom(CustomProperty {
        name: CustomPropertyName::Custom(DashedIdent("--x".into())),
        value: tokens.clone(),
    });
    p.value_to_css_string(PrinterOptions::default()).map(|v| v.trim().to_owned()).map_err(|e| format!("CSS: {e}"))
}

/// `css` without comments and white space, as lightningcss prints it
/// minified (no rule is merged, moved or dropped: the printer only).
pub fn minified(css: &str) -> Result<String, String> {
    let sheet = StyleSheet::parse(css, ParserOptions { error_recovery: false, ..ParserOptions::default() })
        .map_err(|e| format!("CSS: {e}"))?;
    sheet
        .to_css(PrinterOptions { minify: true, ..PrinterOptions::default() })
        .map(|r| r.code)
        .map_err(|e| format!("CSS: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_keep_their_context_selectors_and_reads() {
        let css = "/* a { b: c } */ .a, .b:not(.c) .d { color: var(--x, #ffffff); }
            @supports not (color: light-dark(#000, #fff)) { @media (prefers-color-scheme: dark) {
              .rc:where(:not(.rc-theme-light)) { --y: var(--z, var(--w, 1px)) !important; } } }
            @container rc (min-width: 30em) { .e { display: none } }";
        let r = rules(css).unwrap();
        assert_eq!(r.len(), 3, "{r:?}");
        assert_eq!(r[0].context, Vec::<String>::new());
        assert_eq!(r[0].selectors.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(), [".a", ".b:not(.c) .d"]);
        assert!(r[0].selectors[1].has_class("d") && r[0].selectors[1].negates_class("c"));
        assert!(!r[0].selectors[1].has_class("c"));
        assert_eq!(r[0].declarations[0].reads, [("--x".to_owned(), Some(canonical_value("#fff").unwrap()))]);
        assert_eq!(
            r[1].context,
            ["@supports not (color: light-dark(#000, #fff))", "@media (prefers-color-scheme: dark)"]
        );
        assert!(r[1].selectors[0].negates_class("rc-theme-light") && r[1].selectors[0].has_class("rc"));
        let d = &r[1].declarations[0];
        assert!(d.important && d.property == "--y", "{d:?}");
        assert_eq!(d.reads.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["--z", "--w"]);
        // Printed in the range syntax (every floor browser reads it in @container and @media).
        assert_eq!(r[2].context, ["@container rc (width >= 30em)"]);
        assert!(rules(".a { color: red; ").is_ok(), "an unclosed block ends at the end, as in a browser");
        assert!(rules(".a { color: red; } }").is_err(), "a stray brace");
    }
}
