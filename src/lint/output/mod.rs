//! The output formats of `check` and `fix`: findings rendered like rustc
//! (`human`), one line each (`concise`), as JSON, as SARIF 2.1.0 for code
//! scanning, or as GitHub workflow commands.

mod github;
mod human;
mod json;
mod sarif;

use std::collections::BTreeMap;

use clap::ValueEnum;

use super::{Applicability, FileFindings, LintFinding};
use crate::rules::Category;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Each finding with its source line and the suggested replacement.
    Human,
    /// One line per finding: `path:line:col: CODE message`.
    Concise,
    /// A JSON array, one object per finding.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…`), shown as annotations.
    Github,
}

impl OutputFormat {
    /// Whether the format carries prose (summaries, hints) besides findings;
    /// machine formats are only the findings.
    pub fn is_prose(self) -> bool {
        matches!(self, OutputFormat::Human | OutputFormat::Concise)
    }
}

/// The findings of every file in a format.
pub fn render(format: OutputFormat, files: &[FileFindings]) -> String {
    match format {
        OutputFormat::Human => human::render(files),
        OutputFormat::Concise => concise(files),
        OutputFormat::Json => json::render(files),
        OutputFormat::Sarif => sarif::render(files),
        OutputFormat::Github => github::render(files),
    }
}

fn concise(files: &[FileFindings]) -> String {
    let mut out = String::new();
    for file in files {
        for f in &file.findings {
            let d = &f.diagnostic;
            out += &format!(
                "{}:{}:{}: {} {}{}\n",
                file.path,
                d.line,
                d.column,
                d.code,
                fix_marker(f),
                d.message
            );
        }
    }
    out
}

/// `[*] ` for a finding `pg2sf fix` rewrites, `[-] ` for one it rewrites with
/// `--unsafe-fixes`.
fn fix_marker(f: &LintFinding) -> &'static str {
    match f.fix.as_ref().map(|fix| fix.applicability) {
        Some(Applicability::Safe) => "[*] ",
        Some(Applicability::Unsafe) => "[-] ",
        None => "",
    }
}

/// Findings that block a model (`error`) or that a fix or review resolves
/// (`warning`). Both fail `check`.
pub fn level(category: Category) -> &'static str {
    match category {
        Category::Error | Category::Unconvertible => "error",
        Category::Fix | Category::Review => "warning",
    }
}

/// The rule's short name, for statistics and SARIF.
pub fn rule_name(code: &str) -> String {
    if let Some(rule) = crate::rules::find(code) {
        return rule.meta().name.clone();
    }
    super::settings::ERROR_CODES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, name)| name.to_string())
        .unwrap_or_default()
}

/// `N finding(s)`.
pub fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// How many findings there are, and how many `fix` can rewrite.
pub fn summary(files: &[FileFindings]) -> String {
    let (total, safe, unsafe_) = fixable_counts(files);
    if total == 0 {
        return "All checks passed!\n".to_string();
    }
    format!(
        "Found {}.\n{}",
        count(total, "finding"),
        fix_hints(safe, unsafe_)
    )
}

/// What remains after `fix`: the count and the fix hints.
pub fn remaining(files: &[FileFindings]) -> String {
    let (total, safe, unsafe_) = fixable_counts(files);
    format!(
        "{} remaining.\n{}",
        count(total, "finding"),
        fix_hints(safe, unsafe_)
    )
}

/// (all, safely fixable, fixable with --unsafe-fixes)
fn fixable_counts(files: &[FileFindings]) -> (usize, usize, usize) {
    let (mut total, mut safe, mut unsafe_) = (0, 0, 0);
    for f in files.iter().flat_map(|f| &f.findings) {
        total += 1;
        match f.fix.as_ref().map(|fix| fix.applicability) {
            Some(Applicability::Safe) => safe += 1,
            Some(Applicability::Unsafe) => unsafe_ += 1,
            None => {}
        }
    }
    (total, safe, unsafe_)
}

fn fix_hints(safe: usize, unsafe_: usize) -> String {
    let mut out = String::new();
    if safe > 0 {
        out += &format!("[*] {safe} fixable with `pg2sf fix`.\n");
    }
    if unsafe_ > 0 {
        out += &format!(
            "[-] {unsafe_} fixable with `pg2sf fix --unsafe-fixes` (the result can differ in an edge case; review it).\n"
        );
    }
    out
}

/// `--statistics`: findings per code, most frequent first.
pub fn statistics(files: &[FileFindings]) -> String {
    let mut by_code: BTreeMap<&str, (usize, bool)> = BTreeMap::new();
    for f in files.iter().flat_map(|f| &f.findings) {
        let entry = by_code.entry(&f.diagnostic.code).or_default();
        entry.0 += 1;
        entry.1 |= f.fix.as_ref().map(|x| x.applicability) == Some(Applicability::Safe);
    }
    let mut rows: Vec<_> = by_code.into_iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
    let width = rows
        .iter()
        .map(|(_, (n, _))| n.to_string().len())
        .max()
        .unwrap_or(1);
    rows.iter()
        .map(|(code, (n, safe))| {
            format!(
                "{n:>width$}  {code:<6} {}{}\n",
                if *safe { "[*] " } else { "" },
                rule_name(code)
            )
        })
        .collect()
}

/// The `help:` of a finding: the replacement its fix writes.
pub fn help(f: &LintFinding, source: &str) -> Option<String> {
    let fix = f.fix.as_ref()?;
    let how = match fix.applicability {
        Applicability::Safe => "",
        Applicability::Unsafe => {
            " (an unsafe fix: `pg2sf fix --unsafe-fixes` makes it; check the edge case above)"
        }
    };
    let d = &f.diagnostic;
    let lo = fix
        .edits
        .iter()
        .map(|e| e.range.start)
        .chain([d.range.start])
        .min()?;
    let hi = fix
        .edits
        .iter()
        .map(|e| e.range.end)
        .chain([d.range.end])
        .max()?;
    let before = source.get(lo..hi)?;
    let mut after = String::new();
    let mut at = lo;
    let mut edits: Vec<_> = fix.edits.iter().collect();
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    for e in edits {
        after += source.get(at..e.range.start)?;
        after += &e.replacement;
        at = e.range.end;
    }
    after += source.get(at..hi)?;
    let short = |s: &str| !s.contains('\n') && s.chars().count() <= 80;
    if fix.edits.is_empty() || !short(before) || !short(&after) {
        return Some(format!(
            "`pg2sf fix` rewrites this; `pg2sf fix --diff` shows how{how}"
        ));
    }
    if lo == d.range.start && hi == d.range.end {
        Some(format!("replace with `{after}`{how}"))
    } else {
        Some(format!("rewrite `{before}` as `{after}`{how}"))
    }
}
