//! dbt beyond the model bodies, over the sample project `fixtures/dbt`:
//! config arguments, hooks, macros, YAML data tests and project files. The
//! report and the diffs are snapshots; the invariants prove that nothing
//! changes outside the edits the findings name.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use pg2sf::convert::convert_text;
use pg2sf::dbt::args;
use pg2sf::jinja::{self, JinjaKind};
use pg2sf::report::Report;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// Converts a fixture project with the binary; returns the report.
fn convert(name: &str, dir: &Path) -> Report {
    convert_with(name, dir, &[])
}

fn convert_with(name: &str, dir: &Path, extra: &[&str]) -> Report {
    let out = dir.join("out");
    let report = dir.join("report");
    let status = Command::new(env!("CARGO_BIN_EXE_pg2sf"))
        .args(["convert", fixture(name).to_str().unwrap(), "--out"])
        .arg(&out)
        .arg("--report")
        .arg(&report)
        .args(extra)
        .env("NO_COLOR", "1")
        .output()
        .expect("the pg2sf binary runs");
    assert!(
        matches!(status.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let json = fs::read_to_string(report.join("report.json")).unwrap();
    Report::from_json(&json).unwrap()
}

#[test]
fn dbt_files_are_converted_with_findings_and_diffs() {
    let dir = tempfile::tempdir().unwrap();
    let report = convert("dbt", dir.path());
    let mut shown = String::new();
    for f in &report.files {
        let kind = serde_json::to_value(f.kind).unwrap();
        shown.push_str(&format!(
            "== {} [{}] {}\n",
            f.path,
            kind.as_str().unwrap(),
            f.status.as_str()
        ));
        for d in &f.diagnostics {
            shown.push_str(&format!(
                "{}:{} {} [{}{}] {}\n",
                d.line,
                d.column,
                d.code,
                d.category.as_str(),
                if d.fixed { ", fixed" } else { "" },
                d.message
            ));
        }
        if f.changed() {
            shown.push_str(&f.unified_diff(1));
        }
    }
    insta::assert_snapshot!("dbt_fixture", shown);

    // YAML files are reported as dbt files with their text, like SQL.
    let kinds: Vec<(&str, String)> = report
        .files
        .iter()
        .map(|f| {
            let kind = serde_json::to_value(f.kind).unwrap();
            (f.path.as_str(), kind.as_str().unwrap().to_string())
        })
        .collect();
    for (path, kind) in &kinds {
        let expected = if path.ends_with(".sql") {
            "sql"
        } else if path.ends_with(".yml") {
            "dbt"
        } else {
            "copied"
        };
        assert_eq!(kind, expected, "{path}");
    }
}

/// In every dbt YAML file, each line that changed lies within (or next to: a
/// parent key left empty) a finding whose rewrite went in. (SQL rewrites may
/// reach further, `DISTINCT ON` adding a `QUALIFY` at the end; their Jinja is
/// checked below.)
fn assert_changes_only_at_fixed_findings(report: &Report) {
    let dbt = serde_json::json!("dbt");
    for f in report
        .files
        .iter()
        .filter(|f| f.changed() && serde_json::to_value(f.kind).unwrap() == dbt)
    {
        let fixed: Vec<(usize, usize)> = f
            .diagnostics
            .iter()
            .filter(|d| d.fixed)
            .map(|d| (d.line, d.end_line))
            .collect();
        let diff = similar::TextDiff::from_lines(f.before(), f.after());
        for op in diff.ops() {
            if op.tag() == similar::DiffTag::Equal {
                continue;
            }
            let old = op.old_range();
            let lines = if old.is_empty() {
                old.start + 1..old.start + 2
            } else {
                old.start + 1..old.end + 1
            };
            for line in lines {
                assert!(
                    fixed
                        .iter()
                        .any(|(start, end)| start.saturating_sub(1) <= line && line <= end + 1),
                    "{}: line {line} changed with no fixed finding there ({:?})",
                    f.path,
                    f.diagnostics
                );
            }
        }
    }
}

#[test]
fn yaml_changes_only_where_a_finding_was_fixed() {
    for name in ["dbt", "jaffle_pg"] {
        let dir = tempfile::tempdir().unwrap();
        let report = convert(name, dir.path());
        assert_changes_only_at_fixed_findings(&report);
    }
}

/// The Jinja of every SQL file comes out byte-identical, except the
/// arguments the dbt-config rules removed from `{{ config(…) }}`: every
/// argument left is the same text, and only the removed ones are missing.
#[test]
fn jinja_is_byte_identical_except_removed_config_arguments() {
    const REMOVABLE: [&str; 4] = ["indexes", "unlogged", "pre_hook", "post_hook"];
    for name in [
        "dbt",
        "jaffle_pg",
        "rules/PG701",
        "rules/PG702",
        "rules/PG703",
    ] {
        let files: Vec<PathBuf> = walkdir::WalkDir::new(fixture(name))
            .into_iter()
            .flatten()
            .map(|e| e.path().to_path_buf())
            .filter(|p| p.extension().is_some_and(|e| e == "sql"))
            .collect();
        assert!(!files.is_empty(), "{name}");
        for path in files {
            let text = fs::read_to_string(&path).unwrap();
            let out = convert_text(&text).output;
            let before = jinja::scan(&text).unwrap();
            let after = jinja::scan(&out).unwrap();
            assert_eq!(before.len(), after.len(), "{}", path.display());
            for (b, a) in before.iter().zip(&after) {
                let (b_text, a_text) = (&text[b.range.clone()], &out[a.range.clone()]);
                if b.kind != JinjaKind::Expression || b.tag != "config" {
                    assert_eq!(b_text, a_text, "{}: Jinja changed", path.display());
                    continue;
                }
                let b_args = args::call_arguments(&text, &b.body).unwrap();
                let a_args = args::call_arguments(&out, &a.body).unwrap();
                let texts = |src: &str, items: &args::Items| -> Vec<String> {
                    items
                        .items
                        .iter()
                        .map(|i| src[i.range.clone()].to_string())
                        .collect()
                };
                let kept: Vec<String> = texts(&out, &a_args);
                let mut expected = Vec::new();
                for (item, t) in b_args.items.iter().zip(texts(&text, &b_args)) {
                    if kept.contains(&t) {
                        expected.push(t);
                    } else {
                        let key = item.key.as_deref().unwrap_or("");
                        // A hook list may lose some of its hooks only.
                        let hook_list_kept = key.ends_with("_hook")
                            && kept.iter().any(|k| k.starts_with(&format!("{key}=")));
                        if hook_list_kept {
                            expected.push(
                                kept.iter()
                                    .find(|k| k.starts_with(&format!("{key}=")))
                                    .unwrap()
                                    .clone(),
                            );
                        } else {
                            assert!(
                                REMOVABLE.contains(&key),
                                "{}: `{t}` was removed",
                                path.display()
                            );
                        }
                    }
                }
                assert_eq!(kept, expected, "{}", path.display());
                // Outside the arguments, the call is the same text.
                let outside = |src: &str, r: &jinja::JinjaRegion, items: &args::Items| {
                    let first = items.items.first().map_or(items.close, |i| i.range.start);
                    (
                        src[r.range.start..first].to_string(),
                        src[items.close..r.range.end].to_string(),
                    )
                };
                let (b_head, b_tail) = outside(&text, b, &b_args);
                let (a_head, a_tail) = outside(&out, a, &a_args);
                if !a_args.items.is_empty()
                    && b_args.items.first().map(|i| &text[i.range.clone()])
                        == a_args.items.first().map(|i| &out[i.range.clone()])
                {
                    assert_eq!(b_head, a_head, "{}", path.display());
                }
                assert_eq!(b_tail, a_tail, "{}", path.display());
            }
        }
    }
}

#[test]
fn add_snowflake_variants_writes_a_converted_twin() {
    let dir = tempfile::tempdir().unwrap();
    let report = convert_with("dbt", dir.path(), &["--macros", "add-snowflake-variants"]);
    let file = report
        .files
        .iter()
        .find(|f| f.path == "macros/epoch_seconds.sql")
        .unwrap();
    let source = file.before();
    let output = file.after();
    // The file as it was, then the twin: the postgres__ macro converted,
    // under its snowflake__ name.
    let plain = convert_text(source).output;
    let converted = &plain[plain.find("{% macro postgres__").unwrap()..];
    let twin = converted.replacen("postgres__epoch_seconds", "snowflake__epoch_seconds", 1);
    assert_eq!(
        output,
        format!("{}\n\n{twin}", source.trim_end_matches('\n'))
    );
    assert!(file
        .diagnostics
        .iter()
        .any(|d| d.code == "PG704" && d.fixed && d.message.contains("snowflake__epoch_seconds")));
    let original = &source[source.find("{% macro postgres__").unwrap()..];
    assert_ne!(
        original, converted,
        "the fixture's macro has something to convert"
    );
}
