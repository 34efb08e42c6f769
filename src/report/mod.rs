//! The report of a conversion: `report.json` for tools, `report.md` for pull
//! requests, and the terminal summary. All three list files sorted by path.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::convert::{Diagnostic, Status};
use crate::discover::FileKind;
use crate::project::{FileReport, ProjectReport};

pub mod markdown;
pub mod terminal;

#[derive(Serialize)]
pub struct JsonReport<'a> {
    pub files: Vec<JsonFile<'a>>,
    pub summary: Summary,
}

#[derive(Serialize)]
pub struct JsonFile<'a> {
    pub path: &'a str,
    /// `sql` for converted SQL files, `copied` for files copied unchanged.
    pub kind: &'static str,
    pub status: Status,
    pub diagnostics: &'a [Diagnostic],
}

#[derive(Serialize, Debug, Clone)]
pub struct Summary {
    /// Every file in the project, SQL or not.
    pub files: usize,
    /// SQL files (models, macros, analyses, snapshots, tests).
    pub sql_files: usize,
    /// SQL files per status.
    pub by_status: BTreeMap<&'static str, usize>,
    /// Share of SQL files that are `unchanged` or `converted`, in percent.
    pub fully_converted_percent: f64,
    /// Findings per rule code.
    pub by_code: BTreeMap<String, usize>,
}

pub fn summary(report: &ProjectReport) -> Summary {
    let sql: Vec<&FileReport> = report
        .files
        .iter()
        .filter(|f| f.kind == FileKind::Sql || f.status == Status::Error)
        .collect();
    let mut by_status: BTreeMap<&'static str, usize> =
        Status::ALL.iter().map(|s| (s.as_str(), 0)).collect();
    let mut by_code = BTreeMap::new();
    for f in &sql {
        *by_status.entry(f.status.as_str()).or_default() += 1;
        for d in &f.diagnostics {
            *by_code.entry(d.code.clone()).or_default() += 1;
        }
    }
    let ok = sql
        .iter()
        .filter(|f| matches!(f.status, Status::Unchanged | Status::Converted))
        .count();
    let percent = if sql.is_empty() {
        100.0
    } else {
        (ok as f64 * 1000.0 / sql.len() as f64).round() / 10.0
    };
    Summary {
        files: report.files.len(),
        sql_files: sql.len(),
        by_status,
        fully_converted_percent: percent,
        by_code,
    }
}

pub fn to_json(report: &ProjectReport) -> String {
    let json = JsonReport {
        files: report
            .files
            .iter()
            .map(|f| JsonFile {
                path: &f.path,
                kind: match f.kind {
                    FileKind::Sql => "sql",
                    FileKind::Other => "copied",
                },
                status: f.status,
                diagnostics: &f.diagnostics,
            })
            .collect(),
        summary: summary(report),
    };
    let mut text =
        serde_json::to_string_pretty(&json).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

/// The unified diff of a file's conversion, without colour.
pub fn unified_diff(f: &FileReport) -> String {
    similar::TextDiff::from_lines(&f.before, &f.after)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{}", f.path), &format!("b/{}", f.path))
        .to_string()
}

/// Whether a file is worth a section in the report: it changed or needs a look.
pub fn needs_section(f: &FileReport) -> bool {
    f.status != Status::Unchanged || !f.diagnostics.is_empty()
}
