//! End to end over the sample project `fixtures/jaffle_pg`: the report and
//! the diffs as snapshots, and the invariants every conversion must keep.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use pg2sf::convert::convert_text;
use pg2sf::jinja;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/jaffle_pg")
}

/// Runs the binary; returns (exit code, stdout, stderr).
fn pg2sf(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pg2sf"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the pg2sf binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn convert_sample(dir: &Path, jobs: &str) -> (i32, PathBuf, PathBuf) {
    let out = dir.join(format!("out{jobs}"));
    let report = dir.join(format!("report{jobs}"));
    let (code, _, stderr) = pg2sf(&[
        "convert",
        sample().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
        "--jobs",
        jobs,
    ]);
    assert!(code == 0 || code == 1, "exit {code}: {stderr}");
    (code, out, report)
}

fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, fs::read(e.path()).unwrap())
        })
        .collect()
}

#[test]
fn sample_project_converts_with_its_report() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, report) = convert_sample(dir.path(), "2");
    // The sample holds models that cannot be converted, so the exit code is 1.
    assert_eq!(code, 1);
    let json = fs::read_to_string(report.join("report.json")).unwrap();
    insta::assert_snapshot!("report_json", json);

    // Every input file is in the output and the report, exactly once.
    let input = tree(&sample());
    let output = tree(&out);
    assert_eq!(
        input.keys().collect::<Vec<_>>(),
        output.keys().collect::<Vec<_>>()
    );
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    let reported: Vec<&str> = parsed["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        reported,
        input.keys().map(String::as_str).collect::<Vec<_>>()
    );

    // The diffs of every file, in one reviewable snapshot.
    let mut diffs = String::new();
    for (path, before) in &input {
        let after = &output[path];
        if before != after {
            let (b, a) = (
                String::from_utf8_lossy(before),
                String::from_utf8_lossy(after),
            );
            let diff = similar::TextDiff::from_lines(b.as_ref(), a.as_ref());
            diffs.push_str(
                &diff
                    .unified_diff()
                    .context_radius(1)
                    .header(path, path)
                    .to_string(),
            );
        }
    }
    insta::assert_snapshot!("sample_diffs", diffs);
    let md = fs::read_to_string(report.join("report.md")).unwrap();
    assert!(md.contains("| unconvertible |"));
}

#[test]
fn output_does_not_depend_on_the_number_of_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let (_, out1, report1) = convert_sample(dir.path(), "1");
    let (_, out2, report2) = convert_sample(dir.path(), "2");
    assert!(
        tree(&out1) == tree(&out2),
        "outputs differ between --jobs 1 and --jobs 2"
    );
    assert_eq!(
        fs::read(report1.join("report.json")).unwrap(),
        fs::read(report2.join("report.json")).unwrap()
    );
}

fn sample_sql() -> Vec<(String, String)> {
    let root = sample();
    let mut files: Vec<(String, String)> = walkdir::WalkDir::new(&root)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "sql"))
        .map(|e| {
            (
                e.path()
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// The Jinja of a file but its `{{ config(…) }}` calls, whose removed
/// arguments tests/dbt_project.rs checks.
fn jinja_texts(text: &str) -> Vec<String> {
    jinja::scan(text)
        .unwrap()
        .into_iter()
        .filter(|r| r.tag != "config")
        .map(|r| text[r.range].to_string())
        .collect()
}

#[test]
fn jinja_comes_out_byte_identical() {
    for (path, text) in sample_sql() {
        let out = convert_text(&text).output;
        assert_eq!(
            jinja_texts(&text),
            jinja_texts(&out),
            "{path}: Jinja changed"
        );
    }
}

#[test]
fn converting_the_output_again_changes_nothing() {
    for (path, text) in sample_sql() {
        let first = convert_text(&text);
        if first.status == pg2sf::convert::Status::Error {
            // Output is the input; `no_sample_file_is_in_error` covers it.
            continue;
        }
        let once = first.output;
        let twice = convert_text(&once);
        assert_eq!(
            once, twice.output,
            "{path}: a second conversion changed the output"
        );
        let refixed: Vec<_> = twice.diagnostics.iter().filter(|d| d.fixed).collect();
        assert!(
            refixed.is_empty(),
            "{path}: rules fired again on the output: {refixed:?}"
        );
    }
}

#[test]
fn diffs_touch_only_lines_with_a_rewritten_construct() {
    for (path, text) in sample_sql() {
        let conversion = convert_text(&text);
        let fixed: Vec<(usize, usize)> = conversion
            .diagnostics
            .iter()
            .filter(|d| d.fixed)
            .map(|d| (d.line, d.end_line))
            .collect();
        let diff = similar::TextDiff::from_lines(&text, &conversion.output);
        for op in diff.ops() {
            for change in diff.iter_changes(op) {
                if change.tag() == similar::ChangeTag::Delete {
                    let line = change.old_index().unwrap() + 1;
                    assert!(
                        fixed.iter().any(|(a, b)| *a <= line && line <= *b),
                        "{path}:{line} changed without a rewritten construct on it"
                    );
                }
            }
        }
    }
}

#[test]
fn no_sample_file_is_in_error() {
    for (path, text) in sample_sql() {
        let conversion = convert_text(&text);
        let errors: Vec<_> = conversion
            .diagnostics
            .iter()
            .filter(|d| d.code.starts_with('E') && d.code != "E004")
            .collect();
        assert!(errors.is_empty(), "{path}: {errors:?}");
    }
}

#[test]
fn crlf_line_endings_are_kept() {
    let (path, text) = sample_sql()
        .into_iter()
        .find(|(_, t)| t.contains("\r\n"))
        .expect("the sample has a CRLF model");
    let out = convert_text(&text).output;
    let bare_lf = out.matches('\n').count() - out.matches("\r\n").count();
    assert_eq!(bare_lf, 0, "{path}: a line lost its CR");
}

#[test]
fn refuses_an_output_inside_the_source() {
    let src = sample();
    let inside = src.join("target_sf");
    let (code, _, stderr) = pg2sf(&[
        "convert",
        src.to_str().unwrap(),
        "--out",
        inside.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("inside it"), "{stderr}");
    assert!(!inside.exists());
    let (code, _, _) = pg2sf(&[
        "convert",
        src.to_str().unwrap(),
        "--out",
        src.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
}

#[test]
fn refuses_a_non_empty_output_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("keep.txt"), "x").unwrap();
    let args = [
        "convert",
        sample().to_str().unwrap().to_string().leak(),
        "--out",
        out.to_str().unwrap().to_string().leak(),
    ];
    let (code, _, stderr) = pg2sf(&args);
    assert_eq!(code, 2);
    assert!(stderr.contains("--force"), "{stderr}");
    let mut forced = args.to_vec();
    forced.push("--force");
    let (code, _, _) = pg2sf(&forced);
    assert_eq!(code, 1);
}

#[test]
fn a_folder_of_plain_sql_exits_zero_when_everything_converts() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    fs::create_dir_all(src.join("nested")).unwrap();
    fs::write(src.join("a.sql"), "select id::int4 from t\n").unwrap();
    fs::write(src.join("nested/b.sql"), "select 1\n").unwrap();
    fs::write(src.join("notes.txt"), "kept").unwrap();
    let out = dir.path().join("out");
    let (code, stdout, _) = pg2sf(&[
        "convert",
        src.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(
        fs::read_to_string(out.join("a.sql")).unwrap(),
        "select id::integer from t\n"
    );
    assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "kept");
    assert!(dir.path().join("out-report/report.json").is_file());
}

#[test]
fn rules_lists_every_rule_and_explain_prints_its_docs() {
    let (code, stdout, _) = pg2sf(&["rules"]);
    assert_eq!(code, 0);
    let mut lines = stdout.lines();
    let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["code", "category", "fix", "name", "summary"]);
    let listed: Vec<&str> = lines
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    let registry: Vec<String> = pg2sf::rules::registry()
        .iter()
        .map(|r| r.meta().code.clone())
        .collect();
    assert_eq!(listed, registry);
    assert!(stdout.contains("PG101   fix            safe"), "{stdout}");

    for rule in pg2sf::rules::registry() {
        let code = &rule.meta().code;
        let (exit, doc, _) = pg2sf(&["explain", code]);
        assert_eq!(exit, 0, "{code}");
        for heading in [
            "## What it does",
            "## Why",
            "## Example",
            "## Fix safety",
            "## Reference",
        ] {
            assert!(doc.contains(heading), "{code}: no `{heading}`");
        }
        assert!(doc.contains("https://"), "{code}: no vendor-doc reference");
    }
    let (exit, _, stderr) = pg2sf(&["explain", "PG000"]);
    assert_eq!(exit, 2);
    assert!(stderr.contains("no rule with code"), "{stderr}");
}
