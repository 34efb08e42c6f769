//! `report.md`: the summary and one section per file that changed or needs
//! attention, with its findings and its diff.

use std::fmt::Write;

use super::{needs_section, summary, unified_diff};
use crate::convert::Status;
use crate::project::ProjectReport;

pub fn render(report: &ProjectReport) -> String {
    let s = summary(report);
    let mut md = String::new();
    let _ = writeln!(md, "# pg2sf conversion report\n");
    let _ = writeln!(
        md,
        "{} SQL files of {} files; **{}%** fully converted (unchanged or converted).\n",
        s.sql_files, s.files, s.fully_converted_percent
    );
    let _ = writeln!(md, "| status | files |\n|---|---:|");
    for status in Status::ALL {
        let _ = writeln!(
            md,
            "| {} | {} |",
            status.as_str(),
            s.by_status.get(status.as_str()).unwrap_or(&0)
        );
    }
    if !s.by_code.is_empty() {
        let _ = writeln!(md, "\n| rule | findings |\n|---|---:|");
        for (code, n) in &s.by_code {
            let name = crate::rules::find(code)
                .map(|r| format!(" {}", r.meta().name))
                .unwrap_or_default();
            let _ = writeln!(md, "| {code}{name} | {n} |");
        }
    }
    for f in report.files.iter().filter(|f| needs_section(f)) {
        let _ = writeln!(md, "\n## {} — {}\n", f.path, f.status.as_str());
        for d in &f.diagnostics {
            let _ = writeln!(
                md,
                "- `{}:{}` **{}** ({}{}) {}",
                d.line,
                d.column,
                d.code,
                d.category.as_str(),
                if d.fixed { ", rewritten" } else { "" },
                d.message.replace('\n', " ")
            );
        }
        if f.before != f.after {
            let diff = unified_diff(f);
            // A fence longer than any backtick run inside the diff.
            let fence = "`".repeat(longest_backtick_run(&diff).max(2) + 1);
            let _ = writeln!(md, "\n{fence}diff\n{}{fence}", diff);
        }
    }
    md
}

fn longest_backtick_run(s: &str) -> usize {
    s.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}
