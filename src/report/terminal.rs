//! The terminal summary: counts, then each file that needs attention with
//! its findings as `path:line:col CODE message` and a coloured diff.

use std::fmt::Write;

use colored::Colorize;

use super::Report;
use crate::convert::Status;

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for f in report.files.iter().filter(|f| {
        matches!(
            f.status,
            Status::Review | Status::Unconvertible | Status::Error
        )
    }) {
        let _ = writeln!(out, "{} {}", f.path.bold(), status_label(f.status));
        for d in &f.diagnostics {
            let _ = writeln!(
                out,
                "  {}:{}:{} {} {}",
                f.path,
                d.line,
                d.column,
                d.code.bold(),
                d.message
            );
        }
        if f.changed() {
            for line in f.unified_diff(2).lines() {
                let line = if line.starts_with('+') && !line.starts_with("+++") {
                    line.green().to_string()
                } else if line.starts_with('-') && !line.starts_with("---") {
                    line.red().to_string()
                } else if line.starts_with("@@") {
                    line.cyan().to_string()
                } else {
                    line.to_string()
                };
                let _ = writeln!(out, "    {line}");
            }
        }
        out.push('\n');
    }
    let s = &report.summary;
    let _ = writeln!(
        out,
        "{} SQL and dbt files ({} files in all): {}% fully converted",
        s.sql_files, s.files, s.fully_converted_percent
    );
    for status in Status::ALL {
        let n = s.by_status.get(status.as_str()).copied().unwrap_or(0);
        let _ = writeln!(out, "  {:<14} {n}", status_label(status));
    }
    out
}

fn status_label(status: Status) -> String {
    let s = status.as_str();
    match status {
        Status::Unchanged => s.normal().to_string(),
        Status::Converted => s.green().to_string(),
        Status::Review => s.yellow().to_string(),
        Status::Unconvertible => s.magenta().to_string(),
        Status::Error => s.red().bold().to_string(),
    }
}
