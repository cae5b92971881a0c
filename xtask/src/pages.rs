//! The page tests (tests/e2e/tests/*.rs), once per engine, one suite at a
//! time, and the engines × suites table of passed / failed / Chromium-only.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use e2e::Engine;

use crate::{root, run, tool_path, Result};

/// Test threads per engine on a 2-core machine. MiniBrowser runs one at a
/// time: two WebKitGTK browsers at once under one Xvfb make timing-sensitive
/// tests flaky.
fn threads(engine: Engine) -> usize {
    match engine {
        Engine::Chromium | Engine::Firefox => 2,
        Engine::WebKit => 1,
    }
}

#[derive(Default, Clone)]
struct Count {
    passed: usize,
    failed: usize,
    chromium_only: usize,
    note: Option<String>,
}

/// The engines to run: all three, or those `E2E_ENGINES` lists (comma-separated).
fn engines() -> Result<Vec<Engine>> {
    match std::env::var("E2E_ENGINES") {
        Err(_) => Ok(Engine::ALL.to_vec()),
        Ok(list) => list
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(|n| Engine::parse(n).ok_or_else(|| format!("E2E_ENGINES: unknown engine {n:?}").into()))
            .collect(),
    }
}

/// The suites: tests/e2e/tests/<name>.rs, sorted.
fn suites() -> Result<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests/e2e/tests"))?
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".rs").map(str::to_owned))
        .collect();
    names.sort();
    Ok(names)
}

/// `test result: ok. 12 passed; 0 failed; …` → (12, 0).
fn parse_result(line: &str) -> Option<(usize, usize)> {
    let rest = line.trim().strip_prefix("test result: ")?;
    let num = |word: &str| {
        rest.split(';')
            .find_map(|part| part.trim().strip_suffix(word)?.trim().rsplit(' ').next()?.parse::<usize>().ok())
    };
    Some((num(" passed")?, num(" failed")?))
}

fn run_suite(engine: Engine, suite: &str, report: &std::path::Path) -> Result<Count> {
    let mut child = Command::new("cargo")
        .args(["test", "--quiet", "-p", "e2e", "--test", suite, "--"])
        .arg(format!("--test-threads={}", threads(engine)))
        .env("E2E_BROWSER", engine.name())
        .env(e2e::REPORT_VAR, report)
        .env("PATH", tool_path())
        .current_dir(root())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut count = Count::default();
    let mut seen = false;
    for line in BufReader::new(child.stdout.take().expect("stdout")).lines() {
        let line = line?;
        println!("{line}");
        if let Some((passed, failed)) = parse_result(&line) {
            (count.passed, count.failed, seen) = (passed, failed, true);
        }
    }
    let status = child.wait()?;
    if !seen || (!status.success() && count.failed == 0) {
        count.failed = count.failed.max(1);
        count.note = Some(format!("{suite} did not finish ({status})"));
    }
    let skipped = std::fs::read_to_string(report)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.split('\t').next() == Some(suite))
        .count();
    count.chromium_only = skipped;
    if engine != Engine::Chromium {
        count.passed = count.passed.saturating_sub(skipped);
    }
    Ok(count)
}

fn minutes(d: Duration) -> String {
    format!("{}m{:02}s", d.as_secs() / 60, d.as_secs() % 60)
}

/// Builds the test binaries once, runs every suite in every engine, prints
/// the table, and fails if anything failed anywhere.
pub fn run_all() -> Result<()> {
    run(Command::new("cargo").args(["test", "-p", "e2e", "--no-run", "--quiet"]))?;
    run(Command::new("cargo").args(["test", "--quiet", "-p", "e2e", "--lib"]))?;
    let engines = engines()?;
    let suites = suites()?;
    let mut table: Vec<(Engine, Vec<Count>, Duration)> = Vec::new();
    for &engine in &engines {
        eprintln!("\nxtask: ── page tests in {} ({} test threads)", engine.name(), threads(engine));
        let report = root().join(format!("target/e2e-chromium-only-{}.tsv", engine.name()));
        let _ = std::fs::remove_file(&report);
        let start = Instant::now();
        let counts = suites.iter().map(|s| run_suite(engine, s, &report)).collect::<Result<Vec<_>>>();
        let counts = match counts {
            Ok(counts) => counts,
            Err(e) => {
                e2e::wordpress::stop()?;
                return Err(e);
            }
        };
        table.push((engine, counts, start.elapsed()));
    }
    // The wordpress suite's WordPress, started by its first test and reused
    // by each engine's run (one install per run), is stopped here.
    e2e::wordpress::stop()?;
    let text = render(&suites, &table);
    println!("\n{text}");
    let _ = std::fs::write(root().join("target/e2e-engines.txt"), &text);
    let failed: usize = table.iter().flat_map(|(_, c, _)| c).map(|c| c.failed).sum();
    if failed > 0 {
        return Err(format!("{failed} page test(s) failed (table above)").into());
    }
    Ok(())
}

/// engines × suites: `passed / failed / Chromium-only` per cell, and each engine's time.
fn render(suites: &[String], table: &[(Engine, Vec<Count>, Duration)]) -> String {
    let mut out = String::from("page tests: passed / failed / Chromium-only (skipped outside Chromium)\n");
    out.push_str(&format!("{:<14}", "suite"));
    for (engine, _, _) in table {
        out.push_str(&format!("{:>14}", engine.name()));
    }
    out.push('\n');
    let mut notes = Vec::new();
    for (i, suite) in suites.iter().enumerate() {
        out.push_str(&format!("{suite:<14}"));
        for (_, counts, _) in table {
            let c = &counts[i];
            out.push_str(&format!("{:>14}", format!("{} / {} / {}", c.passed, c.failed, c.chromium_only)));
            notes.extend(c.note.clone());
        }
        out.push('\n');
    }
    out.push_str(&format!("{:<14}", "total"));
    for (_, counts, _) in table {
        let sum = |f: fn(&Count) -> usize| counts.iter().map(f).sum::<usize>();
        out.push_str(&format!(
            "{:>14}",
            format!("{} / {} / {}", sum(|c| c.passed), sum(|c| c.failed), sum(|c| c.chromium_only))
        ));
    }
    out.push('\n');
    out.push_str(&format!("{:<14}", "time"));
    for (_, _, time) in table {
        out.push_str(&format!("{:>14}", minutes(*time)));
    }
    out.push('\n');
    for n in notes {
        out.push_str(&format!("note: {n}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::parse_result;

    #[test]
    fn reads_libtest_summaries() {
        assert_eq!(
            parse_result(
                "test result: ok. 12 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 3.2s"
            ),
            Some((12, 0))
        );
        assert_eq!(parse_result("test result: FAILED. 3 passed; 2 failed; 0 ignored"), Some((3, 2)));
        assert_eq!(parse_result("test foo ... ok"), None);
    }
}
