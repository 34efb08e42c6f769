//! `pg2sf verify --setup setup.sql MODEL.sql`: converts one model, runs the
//! original on PostgreSQL and the conversion on fakesnow (Snowflake emulated
//! on DuckDB) over the same data, and compares the result sets.
//!
//! The comparison is the equivalence suite's harness (tests/equivalence/
//! harness.py), embedded so that an installed binary needs no checkout; it
//! runs with a Python that has fakesnow and psycopg2. Exit code: 0 when the
//! results match, 1 when they differ (or the model does not convert), 2 when
//! Python, fakesnow or PostgreSQL is missing.

use std::fs;
use std::io::{self, ErrorKind};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use clap::Args;

use super::{emit, Fatal};
use crate::convert::{convert_text, Status};

/// The harness the equivalence suite runs; `verify` runs its `one` command.
const HARNESS: &str = include_str!("../../tests/equivalence/harness.py");

/// The pinned Python packages the harness needs (snowflake-connector-python
/// 5.x breaks fakesnow 0.12.1).
const PIP_PACKAGES: &str =
    "fakesnow==0.12.1 snowflake-connector-python==4.8.1 psycopg2-binary==2.9.13";

/// The environment variable that names the PostgreSQL server.
const DSN_VARIABLE: &str = "PG2SF_PG_DSN";

#[derive(Args)]
pub struct VerifyArgs {
    /// The PostgreSQL model (plain SQL: render Jinja first; the last statement is compared).
    pub model: PathBuf,
    /// CREATE TABLE and INSERT statements that run on both engines.
    #[arg(long)]
    pub setup: PathBuf,
    /// Extra setup run on PostgreSQL only (after --setup).
    #[arg(long, value_name = "FILE")]
    pub setup_pg: Option<PathBuf>,
    /// Extra setup run on the Snowflake emulator only (after --setup).
    #[arg(long, value_name = "FILE")]
    pub setup_sf: Option<PathBuf>,
    /// The Python interpreter with fakesnow and psycopg2 installed.
    #[arg(long, default_value = "python3")]
    pub python: PathBuf,
    /// libpq connection string of the PostgreSQL server [default: $PG2SF_PG_DSN].
    #[arg(long, value_name = "DSN")]
    pub pg_dsn: Option<String>,
    /// Compare rows in order (the model's ORDER BY fixes the order).
    #[arg(long)]
    pub ordered: bool,
    /// Relative tolerance for numbers.
    #[arg(long, default_value_t = 1e-6)]
    pub tolerance: f64,
}

pub fn run(args: VerifyArgs) -> Result<ExitCode, Fatal> {
    let dsn = resolve_dsn(args.pg_dsn.clone(), std::env::var(DSN_VARIABLE).ok())?;
    for setup in [
        Some(&args.setup),
        args.setup_pg.as_ref(),
        args.setup_sf.as_ref(),
    ]
    .into_iter()
    .flatten()
    {
        if !setup.is_file() {
            return Err(Fatal(format!("{}: no such file", setup.display())));
        }
    }
    let model = fs::read_to_string(&args.model)
        .map_err(|e| Fatal(format!("cannot read {}: {e}", args.model.display())))?;
    check_python(&args.python)?;
    let conversion = convert_text(&model);
    emit(&describe_conversion(&args.model, &conversion));
    if matches!(conversion.status, Status::Unconvertible | Status::Error) {
        emit("not verified: the model does not convert fully\n");
        return Ok(ExitCode::from(1));
    }

    let work =
        tempfile::tempdir().map_err(|e| Fatal(format!("cannot create a temporary folder: {e}")))?;
    let harness = work.path().join("harness.py");
    let stem = args
        .model
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "model".to_string());
    // the harness names the schema after the file, so the converted copy keeps the stem
    let converted = work.path().join(format!("{stem}.sql"));
    for (path, text) in [
        (&harness, HARNESS),
        (&converted, conversion.output.as_str()),
    ] {
        fs::write(path, text)
            .map_err(|e| Fatal(format!("cannot write {}: {e}", path.display())))?;
    }

    let mut command = Command::new(&args.python);
    command
        .arg(&harness)
        .arg("--pg-dsn")
        .arg(&dsn)
        .arg("one")
        .arg("--setup")
        .arg(&args.setup)
        .arg("--model")
        .arg(&args.model)
        .arg("--converted")
        .arg(&converted)
        .arg("--tolerance")
        .arg(args.tolerance.to_string())
        .env("PYTHONDONTWRITEBYTECODE", "1");
    if let Some(path) = &args.setup_pg {
        command.arg("--setup-pg").arg(path);
    }
    if let Some(path) = &args.setup_sf {
        command.arg("--setup-sf").arg(path);
    }
    if args.ordered {
        command.arg("--ordered");
    }
    let status = command
        .status()
        .map_err(|e| python_missing(&args.python, &e))?;
    match status.code() {
        Some(0) => Ok(ExitCode::SUCCESS),
        Some(1) => Ok(ExitCode::from(1)),
        // the harness has printed what is missing (a Python module, the server)
        Some(2) => Ok(ExitCode::from(2)),
        code => Err(Fatal(format!(
            "the comparison stopped unexpectedly (exit {})",
            code.map_or_else(|| "by a signal".to_string(), |c| c.to_string())
        ))),
    }
}

/// The connection string from `--pg-dsn`, else from `$PG2SF_PG_DSN`.
fn resolve_dsn(argument: Option<String>, variable: Option<String>) -> Result<String, Fatal> {
    argument
        .or(variable)
        .filter(|dsn| !dsn.trim().is_empty())
        .ok_or_else(|| {
            Fatal(format!(
                "no PostgreSQL server given: pass --pg-dsn or set {DSN_VARIABLE}, e.g. \
                 'host=127.0.0.1 port=5432 user=postgres dbname=postgres' \
                 (Debian: apt-get install postgresql)"
            ))
        })
}

/// Fails with what to install when the interpreter cannot import the emulator.
fn check_python(python: &Path) -> Result<(), Fatal> {
    let probe = Command::new(python)
        .args(["-c", "import fakesnow, psycopg2, snowflake.connector"])
        .output()
        .map_err(|e| python_missing(python, &e))?;
    if probe.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&probe.stderr);
    let cause = stderr.lines().last().unwrap_or("").trim();
    Err(Fatal(format!(
        "{python} cannot run the comparison ({cause}); install the emulator into it: \
         {python} -m pip install {PIP_PACKAGES}",
        python = python.display()
    )))
}

fn python_missing(python: &Path, error: &io::Error) -> Fatal {
    let hint = match error.kind() {
        ErrorKind::NotFound => "not found".to_string(),
        _ => error.to_string(),
    };
    Fatal(format!(
        "cannot run Python `{}` ({hint}): install Python 3.11+ with `pip install {PIP_PACKAGES}`, \
         or pass --python PATH",
        python.display()
    ))
}

/// One line for the conversion, then its findings as `path:line:col CODE message`.
fn describe_conversion(model: &Path, conversion: &crate::convert::Conversion) -> String {
    let mut out = format!(
        "{}: {} ({} finding{})\n",
        model.display(),
        conversion.status.as_str(),
        conversion.diagnostics.len(),
        if conversion.diagnostics.len() == 1 {
            ""
        } else {
            "s"
        }
    );
    for d in &conversion.diagnostics {
        out.push_str(&format!(
            "  {}:{}:{} {} {}\n",
            model.display(),
            d.line,
            d.column,
            d.code,
            d.message
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dsn_comes_from_the_argument_before_the_environment() {
        let dsn = resolve_dsn(Some("host=a".into()), Some("host=b".into()));
        assert_eq!(dsn.map_err(|e| e.0).as_deref(), Ok("host=a"));
        let dsn = resolve_dsn(None, Some("host=b".into()));
        assert_eq!(dsn.map_err(|e| e.0).as_deref(), Ok("host=b"));
    }

    #[test]
    fn a_missing_dsn_names_the_option_and_the_variable() {
        for variable in [None, Some("  ".to_string())] {
            let message = resolve_dsn(None, variable).map(|_| ()).unwrap_err().0;
            assert!(message.contains("--pg-dsn"), "{message}");
            assert!(message.contains(DSN_VARIABLE), "{message}");
        }
    }

    #[test]
    fn a_missing_interpreter_names_what_to_install() {
        let message = check_python(Path::new("/nonexistent/python3"))
            .unwrap_err()
            .0;
        assert!(message.contains("/nonexistent/python3"), "{message}");
        assert!(message.contains("fakesnow==0.12.1"), "{message}");
        assert!(message.contains("--python"), "{message}");
    }

    #[test]
    fn the_embedded_harness_has_the_command_verify_runs() {
        assert!(HARNESS.contains("add_parser(\"one\""));
        for option in [
            "--setup",
            "--setup-pg",
            "--setup-sf",
            "--model",
            "--converted",
            "--ordered",
            "--tolerance",
        ] {
            assert!(HARNESS.contains(&format!("\"{option}\"")), "{option}");
        }
    }
}
