//! GitHub Actions workflow commands: each finding becomes an annotation on
//! the pull request's diff.

use super::level;
use crate::lint::FileFindings;

pub fn render(files: &[FileFindings]) -> String {
    let mut out = String::new();
    for file in files {
        for f in &file.findings {
            let d = &f.diagnostic;
            out += &format!(
                "::{} title=pg2sf ({}),file={},line={},col={},endLine={},endColumn={}::{}\n",
                level(d.category),
                property(&d.code),
                property(&file.path),
                d.line,
                d.column,
                d.end_line,
                d.end_column,
                data(&format!("{} {}", d.code, d.message)),
            );
        }
    }
    out
}

/// The escaping of a workflow command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The escaping of a workflow command's property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}
