//! Golden tests of `pg2sf check` and `pg2sf fix`: each folder of `tests/cli/`
//! is one run.
//!
//! * `cmd`: the arguments, one per line;
//! * `in/`: the files, copied to a temporary folder the command runs in;
//! * `stdin` (optional): fed to standard input;
//! * `stdout`, `stderr`, `exitcode`: what the run must print and return;
//! * `after/` (optional): the files of `in/` as the run must leave them.
//!
//! `PG2SF_BLESS=1 cargo test --test check_cli` rewrites the expected files
//! from the current behaviour (review the diff before committing).

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli")
}

/// Every file below `root`, by `/`-separated relative path.
fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(root).unwrap();
                let rel = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                files.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    files
}

fn write_tree(root: &Path, files: &BTreeMap<String, Vec<u8>>) {
    let _ = fs::remove_dir_all(root);
    fs::create_dir_all(root).unwrap();
    for (rel, bytes) in files {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
}

struct Run {
    stdout: String,
    stderr: String,
    exitcode: String,
    after: BTreeMap<String, Vec<u8>>,
}

fn run_case(case: &Path) -> Run {
    let args: Vec<String> = fs::read_to_string(case.join("cmd"))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let work = tempfile::tempdir().unwrap();
    let input = case.join("in");
    if input.is_dir() {
        write_tree(work.path(), &tree(&input));
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_pg2sf"))
        .args(&args)
        .current_dir(work.path())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = fs::read(case.join("stdin")).unwrap_or_default();
    child.stdin.take().unwrap().write_all(&stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        exitcode: format!("{}\n", out.status.code().unwrap_or(-1)),
        after: tree(work.path()),
    }
}

#[test]
fn cli_golden_files() {
    let bless = std::env::var_os("PG2SF_BLESS").is_some();
    let mut cases: Vec<PathBuf> = fs::read_dir(cases_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("cmd").is_file())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "the golden cases are missing");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let run = run_case(case);
        let has_after = case.join("after").is_dir();
        if bless {
            fs::write(case.join("stdout"), &run.stdout).unwrap();
            fs::write(case.join("stderr"), &run.stderr).unwrap();
            fs::write(case.join("exitcode"), &run.exitcode).unwrap();
            if has_after {
                write_tree(&case.join("after"), &run.after);
            }
            continue;
        }
        let expect = |file: &str| fs::read_to_string(case.join(file)).unwrap_or_default();
        for (what, got) in [
            ("stdout", &run.stdout),
            ("stderr", &run.stderr),
            ("exitcode", &run.exitcode),
        ] {
            let want = expect(what);
            if *got != want {
                failures.push(format!(
                    "{name}: {what} differs\n--- expected\n{want}\n--- got\n{got}"
                ));
            }
        }
        if has_after {
            let want = tree(&case.join("after"));
            if run.after != want {
                let changed: Vec<&String> = want
                    .keys()
                    .chain(run.after.keys())
                    .filter(|k| want.get(*k) != run.after.get(*k))
                    .collect();
                failures.push(format!("{name}: files after the run differ: {changed:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed (PG2SF_BLESS=1 rewrites them):\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}
