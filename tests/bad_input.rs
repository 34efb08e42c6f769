//! Bad input never panics and always gets an answer that names the file
//! (and line:column where there is one); every file is accounted for.

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn convert(src: &Path, out: &Path) -> (i32, Value, String) {
    let report = out.with_extension("report");
    let result = Command::new(env!("CARGO_BIN_EXE_pg2sf"))
        .args([
            "convert",
            src.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .args(["--report", report.to_str().unwrap(), "--force"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    let json = fs::read_to_string(report.join("report.json"))
        .map(|t| serde_json::from_str(&t).unwrap())
        .unwrap_or(Value::Null);
    (result.status.code().unwrap_or(-1), json, stderr)
}

fn file<'a>(report: &'a Value, path: &str) -> &'a Value {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == path)
        .unwrap_or_else(|| panic!("{path} is not in the report"))
}

fn first_diagnostic(report: &Value, path: &str) -> (String, u64, u64, String) {
    let d = &file(report, path)["diagnostics"][0];
    (
        d["code"].as_str().unwrap_or("").to_string(),
        d["line"].as_u64().unwrap_or(0),
        d["column"].as_u64().unwrap_or(0),
        d["message"].as_str().unwrap_or("").to_string(),
    )
}

#[test]
fn the_bad_input_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    fs::create_dir_all(&src).unwrap();
    let w = |name: &str, bytes: &[u8]| fs::write(src.join(name), bytes).unwrap();
    w("empty.sql", b"");
    w("only_comments.sql", b"-- nothing here\n/* nor here */\n");
    w("latin1.sql", b"select 'caf\xe9' as x\n");
    w("binary.sql", &(0u8..=255).collect::<Vec<_>>());
    w(
        "bom_crlf.sql",
        "\u{feff}select id::int4\r\nfrom t\r\n".as_bytes(),
    );
    w(
        "deep.sql",
        format!("select {}1{} from t\n", "(".repeat(3000), ")".repeat(3000)).as_bytes(),
    );
    w("open_string.sql", b"select 1,\n  'abc from t\n");
    w("open_comment.sql", b"select 1 /* never closed\n");
    w("open_expression.sql", b"select *\nfrom {{ ref('a') \n");
    w("open_statement.sql", b"{% if x %\nselect 1\n");
    w(
        "jinja_unparseable.sql",
        b"select a from t {{ where_clause }} {{ order }} x y z\n",
    );
    let big: String =
        "select order_id::int4, amount from orders where status = 'paid';\n".repeat(80_000);
    assert!(big.len() > 5_000_000);
    w("big.sql", big.as_bytes());
    let out = dir.path().join("out");
    let (code, report, stderr) = convert(&src, &out);
    assert_eq!(code, 1, "{stderr}");

    let status = |p: &str| file(&report, p)["status"].as_str().unwrap().to_string();
    assert_eq!(status("empty.sql"), "unchanged");
    assert_eq!(status("only_comments.sql"), "unchanged");
    assert_eq!(status("big.sql"), "converted");

    for (path, offset) in [("latin1.sql", "offset 11"), ("binary.sql", "offset 128")] {
        assert_eq!(status(path), "error");
        let (code, line, column, message) = first_diagnostic(&report, path);
        assert_eq!((code.as_str(), line, column), ("E005", 1, 1));
        assert!(
            message.contains("not UTF-8") && message.contains(offset),
            "{message}"
        );
        // Copied byte for byte.
        assert_eq!(
            fs::read(src.join(path)).unwrap(),
            fs::read(out.join(path)).unwrap()
        );
    }

    // The byte-order mark and CRLF stay; only the cast changes.
    assert_eq!(
        fs::read(out.join("bom_crlf.sql")).unwrap(),
        "\u{feff}select id::integer\r\nfrom t\r\n".as_bytes()
    );

    let expect_error = |path: &str, code: &str, line: u64, column: u64, words: &str| {
        assert_eq!(status(path), "error", "{path}");
        let (c, l, col, message) = first_diagnostic(&report, path);
        assert_eq!(
            (c.as_str(), l, col),
            (code, line, column),
            "{path}: {message}"
        );
        assert!(message.contains(words), "{path}: {message}");
        assert_eq!(
            fs::read(src.join(path)).unwrap(),
            fs::read(out.join(path)).unwrap()
        );
    };
    expect_error("deep.sql", "E001", 1, 8, "nested more than 50 deep");
    expect_error(
        "open_string.sql",
        "E001",
        2,
        3,
        "Unterminated string literal",
    );
    expect_error(
        "open_comment.sql",
        "E001",
        1,
        10,
        "unterminated `/*` comment",
    );
    expect_error(
        "open_expression.sql",
        "E003",
        2,
        6,
        "unterminated Jinja expression",
    );
    expect_error(
        "open_statement.sql",
        "E003",
        1,
        1,
        "unterminated Jinja statement",
    );
    expect_error(
        "jinja_unparseable.sql",
        "E001",
        1,
        36,
        "does not parse as PostgreSQL",
    );
}

#[cfg(unix)]
#[test]
fn every_file_is_accounted_for_and_links_stay_inside() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    let outside = dir.path().join("outside");
    fs::create_dir_all(src.join("models/deep/er")).unwrap();
    fs::create_dir_all(src.join(".hidden")).unwrap();
    fs::create_dir_all(&outside).unwrap();
    fs::write(outside.join("secret.sql"), "select 1\n").unwrap();
    fs::write(src.join("models/deep/er/a.sql"), "select id::int8 from t\n").unwrap();
    fs::write(src.join("models/b.SQL"), "select 1\n").unwrap();
    fs::write(src.join(".hidden/c.sql"), "select 2\n").unwrap();
    fs::write(src.join(".env"), "X=1\n").unwrap();
    fs::write(src.join("notes.md"), "# notes\n").unwrap();
    symlink(
        src.join("models/deep/er/a.sql"),
        src.join("models/alias.sql"),
    )
    .unwrap();
    symlink(&outside, src.join("models/escape")).unwrap();
    symlink(outside.join("secret.sql"), src.join("escape_file.sql")).unwrap();
    symlink(src.join("models"), src.join("models/deep/loop")).unwrap();
    symlink(src.join("missing.sql"), src.join("dangling.sql")).unwrap();

    let out = dir.path().join("out");
    let (code, report, stderr) = convert(&src, &out);
    assert_eq!(code, 1, "{stderr}");
    let mut paths: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    let listed = paths.len();
    paths.dedup();
    assert_eq!(listed, paths.len(), "a file is listed twice: {paths:?}");
    assert_eq!(
        paths,
        [
            ".env",
            ".hidden/c.sql",
            "dangling.sql",
            "escape_file.sql",
            "models/alias.sql",
            "models/b.SQL",
            "models/deep/er/a.sql",
            "models/deep/loop",
            "models/escape",
            "notes.md",
        ]
    );
    for (path, words) in [
        ("dangling.sql", "broken symbolic link"),
        ("escape_file.sql", "outside the project"),
        ("models/escape", "outside the project"),
        ("models/deep/loop", "loop"),
    ] {
        let (code, _, _, message) = first_diagnostic(&report, path);
        assert_eq!(code, "E005", "{path}");
        assert!(message.contains(words), "{path}: {message}");
    }
    // Nothing outside the project was read into the output.
    assert!(!out.join("models/escape").exists());
    assert!(!out.join("escape_file.sql").exists());
    assert_eq!(
        fs::read_to_string(out.join("models/alias.sql")).unwrap(),
        "select id::bigint from t\n"
    );
    assert_eq!(fs::read_to_string(out.join(".env")).unwrap(), "X=1\n");
}

#[test]
fn an_output_folder_that_cannot_be_written_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    fs::create_dir_all(&src).unwrap();
    fs::write(src.join("a.sql"), "select 1\n").unwrap();
    let blocker = dir.path().join("blocker");
    fs::write(&blocker, "a file, not a folder").unwrap();
    let (code, _, stderr) = convert(&src, &blocker.join("out"));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("blocker"), "{stderr}");
}

/// A file that is found but cannot be read: it is reported by path and the
/// rest of the project is converted. (A file that disappears or turns
/// unreadable between discovery and reading takes the same path, but no test
/// can place that moment deterministically from outside the process.) As
/// root, permissions do not stop a read, so the run drops to `nobody`.
#[cfg(unix)]
#[test]
fn a_file_that_cannot_be_read_is_reported_and_the_rest_converted() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;

    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    fs::create_dir_all(&src).unwrap();
    fs::write(src.join("locked.sql"), "select 1\n").unwrap();
    fs::write(src.join("open.sql"), "select id::int4 from t\n").unwrap();
    fs::set_permissions(src.join("locked.sql"), fs::Permissions::from_mode(0o000)).unwrap();
    for d in [dir.path(), src.as_path()] {
        fs::set_permissions(d, fs::Permissions::from_mode(0o777)).unwrap();
    }
    let out = dir.path().join("out");
    let report = dir.path().join("report");
    let mut command = Command::new(env!("CARGO_BIN_EXE_pg2sf"));
    command
        .arg("convert")
        .arg(&src)
        .arg("--out")
        .arg(&out)
        .arg("--report")
        .arg(&report)
        .env("NO_COLOR", "1");
    if running_as_root() {
        command.uid(65534).gid(65534);
    }
    let result = command.output().unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    if stderr.contains("Permission denied") && !report.exists() {
        // `nobody` cannot reach the built binary or the temporary folder on
        // this machine: nothing to learn here.
        println!("skipped: the run as nobody could not start: {stderr}");
        return;
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    let json: Value =
        serde_json::from_str(&fs::read_to_string(report.join("report.json")).unwrap()).unwrap();
    let (code, line, column, message) = first_diagnostic(&json, "locked.sql");
    assert_eq!((code.as_str(), line, column), ("E005", 1, 1));
    assert!(
        message.contains("cannot read") && message.contains("ermission denied"),
        "{message}"
    );
    assert_eq!(
        fs::read_to_string(out.join("open.sql")).unwrap(),
        "select id::integer from t\n"
    );
}

#[cfg(unix)]
fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// A full disk (a 64 KiB tmpfs as `--out`): exit 2 with a message naming the
/// file that could not be written, and no file half-written: every file in the
/// output is complete, and no temporary file is left behind. Mounting needs
/// root; elsewhere the test says so and stops.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_stops_the_run_without_half_written_files() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    fs::create_dir_all(&src).unwrap();
    let small = "select 1\n";
    for i in 0..5 {
        fs::write(src.join(format!("small_{i}.sql")), small).unwrap();
    }
    let big = "select order_id, amount from orders where status = 'paid';\n".repeat(4_000);
    fs::write(src.join("big.sql"), &big).unwrap();
    let out = dir.path().join("out");
    fs::create_dir_all(&out).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&out)
        .output();
    match mounted {
        Ok(m) if m.status.success() => {}
        Ok(m) => {
            println!(
                "skipped: cannot mount a tmpfs: {}",
                String::from_utf8_lossy(&m.stderr)
            );
            return;
        }
        Err(e) => {
            println!("skipped: cannot run mount: {e}");
            return;
        }
    }
    // Unmounted however the assertions end.
    struct Unmount<'a>(&'a Path);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(self.0).status();
        }
    }
    let _unmount = Unmount(&out);

    let report = dir.path().join("report");
    let result = Command::new(env!("CARGO_BIN_EXE_pg2sf"))
        .arg("convert")
        .arg(&src)
        .arg("--out")
        .arg(&out)
        .arg("--report")
        .arg(&report)
        .args(["--jobs", "1"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(result.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&out.join("big.sql").display().to_string())
            && stderr.contains("No space left on device"),
        "{stderr}"
    );
    for entry in fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let expected = if name == "big.sql" {
            big.as_str()
        } else {
            small
        };
        assert!(
            name.ends_with(".sql") && fs::read_to_string(&path).unwrap() == expected,
            "{name} is left half-written or temporary in the output"
        );
    }
}

/// Written files never keep the temporary file's 0600: a converted file gets
/// its source's mode (an executable script stays executable), an in-place fix
/// keeps the file's mode, and a report file gets the ordinary one.
#[cfg(unix)]
#[test]
fn written_files_keep_their_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    fs::create_dir_all(src.join("models")).unwrap();
    fs::write(
        src.join("dbt_project.yml"),
        "name: p\nmodel-paths: [\"models\"]\n",
    )
    .unwrap();
    let model = src.join("models/m.sql");
    fs::write(&model, "select id::int4 from t\n").unwrap();
    fs::set_permissions(&model, fs::Permissions::from_mode(0o640)).unwrap();
    let script = src.join("run.sh");
    fs::write(&script, "#!/bin/sh\n").unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    let out = dir.path().join("out");
    let (code, _, stderr) = convert(&src, &out);
    assert!(code == 0 || code == 1, "{stderr}");
    assert_eq!(mode(&out.join("models/m.sql")), 0o640);
    assert_eq!(mode(&out.join("run.sh")), 0o755);
    let report = out.with_extension("report").join("report.json");
    assert_ne!(
        mode(&report) & 0o044,
        0,
        "report.json is readable by others"
    );

    fs::set_permissions(&model, fs::Permissions::from_mode(0o664)).unwrap();
    let fixed = Command::new(env!("CARGO_BIN_EXE_pg2sf"))
        .arg("fix")
        .arg(&model)
        .output()
        .unwrap();
    assert_eq!(
        fs::read_to_string(&model).unwrap(),
        "select id::integer from t\n"
    );
    assert!(fixed.status.code().is_some());
    assert_eq!(mode(&model), 0o664);
}

/// `--force` into an output folder where a file of the output is a symbolic
/// link: the link is replaced, and the file it points to, outside the
/// output, is left as it was.
#[cfg(unix)]
#[test]
fn force_replaces_a_symbolic_link_in_the_output_without_writing_through_it() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    fs::create_dir_all(src.join("models")).unwrap();
    fs::write(src.join("models/m.sql"), "select id::int4 from t\n").unwrap();
    fs::write(src.join("notes.txt"), "notes\n").unwrap();
    let outside = dir.path().join("outside.sql");
    fs::write(&outside, "keep me\n").unwrap();
    let out = dir.path().join("out");
    fs::create_dir_all(out.join("models")).unwrap();
    std::os::unix::fs::symlink(&outside, out.join("models/m.sql")).unwrap();
    std::os::unix::fs::symlink(&outside, out.join("notes.txt")).unwrap();
    let (code, _, stderr) = convert(&src, &out);
    assert!(code == 0 || code == 1, "{stderr}");
    assert_eq!(fs::read_to_string(&outside).unwrap(), "keep me\n");
    let written = out.join("models/m.sql");
    assert!(!fs::symlink_metadata(&written).unwrap().is_symlink());
    assert_eq!(
        fs::read_to_string(&written).unwrap(),
        "select id::integer from t\n"
    );
    assert_eq!(
        fs::read_to_string(out.join("notes.txt")).unwrap(),
        "notes\n"
    );
}
