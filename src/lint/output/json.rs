//! `--output-format json`: one object per finding.

use serde::Serialize;

use crate::lint::{FileFindings, Fix};
use crate::rules::Category;

#[derive(Serialize)]
struct JsonFinding<'a> {
    path: &'a str,
    code: &'a str,
    category: Category,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    fix: Option<&'a Fix>,
}

pub fn render(files: &[FileFindings]) -> String {
    let findings: Vec<JsonFinding> = files
        .iter()
        .flat_map(|file| {
            file.findings.iter().map(|f| {
                let d = &f.diagnostic;
                JsonFinding {
                    path: &file.path,
                    code: &d.code,
                    category: d.category,
                    message: &d.message,
                    line: d.line,
                    column: d.column,
                    end_line: d.end_line,
                    end_column: d.end_column,
                    fix: f.fix.as_ref(),
                }
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&findings)
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}
