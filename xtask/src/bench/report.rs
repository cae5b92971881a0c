//! The bench's report: tables and budgets from a run's typed [`Results`].

use std::fmt::Write as _;

use serde::Serialize;

use super::scale::{self, Element, Scale};
use super::{HostResult, PageResult, Results};

/// Whether a figure keeps its budget.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    #[serde(rename = "PASS")]
    Pass,
    #[serde(rename = "OVER")]
    Over,
    /// Reported, with no limit to hold.
    #[serde(rename = "-")]
    Info,
    /// A figure had no samples.
    #[serde(rename = "NO DATA")]
    NoData,
}

/// One budget line: what, the figure, its limit and the verdict.
#[derive(Serialize, Clone, Debug)]
pub struct Budget {
    pub budget: &'static str,
    pub value: Option<f64>,
    pub limit: &'static str,
    pub verdict: Verdict,
}

fn budget(budget: &'static str, value: Option<f64>, limit: &'static str, holds: impl Fn(f64) -> bool) -> Budget {
    let verdict = match value {
        None => Verdict::NoData,
        Some(v) if holds(v) => Verdict::Pass,
        Some(_) => Verdict::Over,
    };
    Budget { budget, value, limit, verdict }
}

fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => Some(a / b),
        _ => None,
    }
}

fn minus(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    Some(a? - b?)
}

/// Every budget of the run, the pages' first, then the host article's and the first paint's.
pub fn budgets(r: &Results) -> Vec<Budget> {
    let (ours, static_copy, minimal) = (&r.pages.role_compare, &r.pages.static_copy, &r.pages.minimal_yew);
    let brotli = |p: &PageResult| Some(p.bytes.total.brotli as f64);
    let size = ratio(brotli(ours), brotli(minimal));
    let fcp = ratio(ours.fcp_ms, static_copy.fcp_ms);
    let warm = ratio(ours.warm_fcp_ms, static_copy.warm_fcp_ms);
    let p95 = ours.toggle.map(|t| t.p95_ms);
    let h = &r.host_article;
    let worst = r.layout_shift.values().copied().reduce(f64::max);
    let before_scroll = |h: &HostResult| Some(h.bytes_before_scroll.total.brotli as f64);
    vec![
        budget("brotli bytes < 1.9 × minimal Yew (issue 12)", size, "1.9", |v| v < 1.9),
        budget("brotli bytes ≤ 1.3 × minimal Yew (the aim)", size, "1.3", |v| v <= 1.3),
        budget("page brotli bytes ≤ 1.10 × 0.2.0's 93,500 (issue 17)", brotli(ours), "102850", |v| {
            v <= 1.10 * scale::PAGE_0_2_0 as f64
        }),
        budget("first contentful paint ≤ 1.1 × static copy (issue 17)", fcp, "1.1", |v| v <= 1.1),
        budget("warm first contentful paint ≤ 1.1 × static (issue 17)", warm, "1.1", |v| v <= 1.1),
        budget("toggle p95 ≤ 4 ms", p95, "4", |v| v <= 4.0),
        budget("long tasks (> 50 ms) per load, median = 0", ours.long_tasks_per_load, "0", |v| v == 0.0),
        budget("layout shift, every first-paint case ≤ 0.01", worst, "0.01", |v| v <= 0.01),
        budget("lazy: no wasm before scroll (loads with one)", Some(h.lazy.wasm_before_scroll as f64), "0", |v| {
            v == 0.0
        }),
        Budget {
            budget: "lazy: brotli bytes before scroll − without, KB",
            value: minus(before_scroll(&h.lazy), before_scroll(&h.without)).map(|b| b / 1000.0),
            limit: "fallback + loader",
            verdict: Verdict::Info,
        },
        budget(
            "eager: long tasks per load − without",
            minus(h.eager.long_tasks_per_load, h.without.long_tasks_per_load),
            "0",
            |v| v <= 0.0,
        ),
        budget(
            "eager: long tasks per load − content only",
            minus(h.eager.long_tasks_per_load, h.content_only.long_tasks_per_load),
            "0",
            |v| v <= 0.0,
        ),
    ]
}

/// The catalogue's budgets (issue 17, item 7). The element's applies to the
/// shipped catalogue as dist/ builds it, English and Spanish, as 0.2.0's
/// element had both; the English-only build is its like for like with one
/// comparison.
pub fn scale_budgets(s: &Scale) -> Vec<Budget> {
    let element_limit = 1.10 * scale::ELEMENT_0_2_0 as f64;
    let shipped = s.shipped.element.total.brotli as f64;
    vec![
        budget("element brotli, shipped en+es ≤ 1.10 × 0.2.0's", Some(shipped), "107618", |v| v <= element_limit),
        Budget {
            budget: "element brotli, shipped en+es / 0.2.0's 97,835",
            value: Some(shipped / scale::ELEMENT_0_2_0 as f64),
            limit: "1.10",
            verdict: Verdict::Info,
        },
        Budget {
            budget: "element brotli, shipped en / one comparison en",
            value: Some(s.shipped_over_one()),
            limit: "-",
            verdict: Verdict::Info,
        },
        budget("brotli per further role per language (24 vs 2)", Some(s.per_role()), "2000", |v| v <= scale::PER_ROLE),
        budget("build step, shipped en+es / one (quickest of 2)", Some(s.build_time_ratio()), "1.5", |v| v <= 1.5),
        budget("cargo xtask dist, shipped / one comparison", s.dist.map(|d| d.shipped_s / d.one_s), "1.5", |v| {
            v <= 1.5
        }),
    ]
}

/// The element's bytes and build time for each catalogue of the scale run.
pub fn scale_table(s: &Scale, dist: Option<&Element>) -> String {
    let mut t = format!(
        "\ncatalogue scale: the element (wasm + minified glue + loader), {}, {}, commit {}\n\
         load average before {} / after {}\n\
         {:<12} {:>5} {:>5} {:>5} {:>16} {:>14} {:>14} {:>16} {:>15} {:>13}\n",
        s.machine,
        s.date,
        s.commit,
        s.load_before,
        s.load_after,
        "catalogue",
        "roles",
        "comps",
        "langs",
        "wasm raw / br",
        "glue raw / br",
        "loader raw/br",
        "total raw / br",
        "code / data raw",
        "build"
    );
    let pair = |b: &super::Bytes| format!("{} / {}", b.raw, b.brotli);
    let row = |t: &mut String, name: &str, counts: String, e: &Element, sections: String, time: String| {
        let _ = writeln!(
            t,
            "{name:<12} {counts} {:>16} {:>14} {:>14} {:>16} {sections:>15} {time:>13}",
            pair(&e.wasm),
            pair(&e.glue),
            pair(&e.loader),
            pair(&e.total)
        );
    };
    for b in [&s.one, &s.shipped_en, &s.shipped, &s.fixture_24] {
        let counts = format!("{:>5} {:>5} {:>5}", b.roles, b.comparisons, b.languages);
        let times: Vec<String> = b.build_s.iter().map(|s| format!("{s:.0}")).collect();
        let sections = format!("{} / {}", b.code_raw, b.data_raw);
        row(&mut t, &b.name, counts, &b.element, sections, format!("{} s", times.join(", ")));
    }
    if let Some(e) = dist {
        row(&mut t, "dist/", format!("{:>17}", "(as built)"), e, "-".into(), "-".into());
    }
    if let Some(d) = s.dist {
        let _ =
            writeln!(t, "cargo xtask dist (all steps): shipped {:.0} s, one comparison {:.0} s", d.shipped_s, d.one_s);
    }
    let _ = writeln!(
        t,
        "per further role per language: ({} − {}) / {} = {:.0} bytes brotli",
        s.fixture_24.element.total.brotli,
        s.one.element.total.brotli,
        s.fixture_24.roles.saturating_sub(s.one.roles),
        s.per_role()
    );
    t
}

/// One line per budget: what, value, limit, PASS / OVER.
pub fn budget_lines(budgets: &[Budget]) -> String {
    let mut t = String::from("\n");
    for b in budgets {
        let value = b.value.map_or_else(|| "-".to_owned(), |v| format!("{v:.2}"));
        let verdict =
            serde_json::to_value(b.verdict).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        let _ = writeln!(t, "{:<52} {value:>8} (limit {})  {verdict}", b.budget, b.limit);
    }
    t
}

/// The pages' table, the host article's and the first paint's.
pub fn tables(r: &Results) -> String {
    pages_table(r) + &warm_diagnosis(r) + &host_table(r) + &shift_table(r)
}

fn num(x: Option<f64>, unit: &str, digits: usize) -> String {
    x.map(|x| format!("{x:.digits$}{unit}")).unwrap_or_else(|| "-".into())
}

/// A row of a table: its label, and its cell for one column's item.
type Row<'a, T> = (&'a str, &'a dyn Fn(&T) -> String);

/// A row per figure, a column per page.
fn columns<T>(title: &str, width: usize, names: &[&str], items: &[&T], rows: &[Row<'_, T>]) -> String {
    let mut t = String::new();
    let _ = write!(t, "\n{title:<width$}");
    for n in names {
        let _ = write!(t, "{n:>16}");
    }
    t.push('\n');
    for (label, f) in rows {
        let _ = write!(t, "{label:<width$}");
        for item in items {
            let _ = write!(t, "{:>16}", f(item));
        }
        t.push('\n');
    }
    t
}

/// The lowest and highest of `runs`: `min – max ms`.
fn spread(runs: &[f64]) -> String {
    let (min, max) = runs.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| (lo.min(x), hi.max(x)));
    if runs.is_empty() {
        "-".into()
    } else {
        format!("{min:.0} – {max:.0} ms")
    }
}

/// Where the page's warm first paint goes over the static copy's: the same
/// static copy with the render-blocking first-paint script put back.
fn warm_diagnosis(r: &Results) -> String {
    let p = &r.pages;
    let ratio_to = |x: Option<f64>| ratio(x, p.static_copy.warm_fcp_ms).map_or("-".into(), |v| format!("{v:.2} ×"));
    format!(
        "\nwarm first paint: role-compare {} ({}), static copy {}, static copy + first-paint script {} ({}; spread {})\n",
        num(p.role_compare.warm_fcp_ms, " ms", 1),
        ratio_to(p.role_compare.warm_fcp_ms),
        num(p.static_copy.warm_fcp_ms, " ms", 1),
        num(p.static_with_first_paint_warm_fcp_ms, " ms", 1),
        ratio_to(p.static_with_first_paint_warm_fcp_ms),
        spread(&p.static_with_first_paint_warm_fcp_all_ms),
    )
}

fn pages_table(r: &Results) -> String {
    let p = &r.pages;
    let kind = |kind: &'static str| {
        move |v: &PageResult| v.bytes.by_type.get(kind).map_or("-".into(), |b| format!("{} / {}", b.raw, b.brotli))
    };
    let (wasm, js, css, html) = (kind("wasm"), kind("js"), kind("css"), kind("html"));
    let rows: &[Row<'_, PageResult>] = &[
        ("wasm bytes raw / brotli", &wasm),
        ("js bytes raw / brotli", &js),
        ("css bytes raw / brotli", &css),
        ("html bytes raw / brotli", &html),
        ("total bytes raw / brotli", &|v| format!("{} / {}", v.bytes.total.raw, v.bytes.total.brotli)),
        ("first contentful paint (median)", &|v| num(v.fcp_ms, " ms", 1)),
        ("first contentful paint, spread", &|v| spread(&v.fcp_all_ms)),
        ("first contentful paint, warm", &|v| num(v.warm_fcp_ms, " ms", 1)),
        ("first contentful paint, warm, spread", &|v| spread(&v.warm_fcp_all_ms)),
        ("interactive (median)", &|v| num(v.interactive_ms, " ms", 1)),
        ("toggle p50 / p95", &|v| v.toggle.map_or("-".into(), |t| format!("{:.2} / {:.2} ms", t.p50_ms, t.p95_ms))),
        ("loads with a long task (longest)", &|v| {
            format!("{}/{} ({:.0} ms)", v.loads_with_a_long_task, v.cold_loads, v.longest_task_ms)
        }),
        ("wasm memory", &|v| num(v.wasm_memory_bytes.map(|b| b / 1024.0), " KiB", 0)),
        ("JS heap", &|v| num(v.js_heap_bytes.map(|b| b / 1024.0), " KiB", 0)),
    ];
    columns(
        "",
        34,
        &["role-compare", "static copy", "minimal Yew"],
        &[&p.role_compare, &p.static_copy, &p.minimal_yew],
        rows,
    )
}

fn host_table(r: &Results) -> String {
    let h = &r.host_article;
    let rows: &[Row<'_, HostResult>] = &[
        ("bytes before scroll raw / brotli", &|v| {
            format!("{} / {}", v.bytes_before_scroll.total.raw, v.bytes_before_scroll.total.brotli)
        }),
        ("loads fetching wasm before scroll", &|v| format!("{}/{}", v.wasm_before_scroll, v.loads)),
        ("total blocking time (median)", &|v| num(v.tbt_ms, " ms", 0)),
        ("long tasks per load (median)", &|v| num(v.long_tasks_per_load, "", 0)),
        ("loads with a long task (longest)", &|v| {
            let longest = v.long_tasks_ms.iter().flatten().cloned().fold(0.0, f64::max);
            let with = v.long_tasks_ms.iter().filter(|l| !l.is_empty()).count();
            format!("{with}/{} ({longest:.0} ms)", v.long_tasks_ms.len())
        }),
        ("layout shift (worst load)", &|v| format!("{:.3}", v.cls_max)),
        ("largest contentful paint (median)", &|v| num(v.lcp_ms, " ms", 0)),
    ];
    columns(
        "host article (widget below the fold)",
        36,
        &["without", "content only", "eager", "lazy"],
        &[&h.without, &h.content_only, &h.eager, &h.lazy],
        rows,
    )
}

fn shift_table(r: &Results) -> String {
    let mut t = String::from("\nlayout shift, first paint to live (new browser each)\n");
    for (name, v) in &r.layout_shift {
        let _ = writeln!(t, "  {name:<34}{v:>10.4}");
    }
    t
}

#[cfg(test)]
mod tests {
    use super::super::measure::median;
    use super::*;

    #[test]
    fn medians_and_budgets_say_no_data_rather_than_nan() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        let b = budget("x", None, "1", |v| v < 1.0);
        assert_eq!(b.verdict, Verdict::NoData);
        assert_eq!(budget("x", Some(0.5), "1", |v| v < 1.0).verdict, Verdict::Pass);
        assert_eq!(budget("x", Some(2.0), "1", |v| v < 1.0).verdict, Verdict::Over);
        assert_eq!(ratio(Some(1.0), Some(0.0)), None);
        assert!(budget_lines(&[b]).contains("NO DATA"));
    }
}
