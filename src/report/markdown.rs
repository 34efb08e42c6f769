//! `report.md`, for a pull request: the summary tables, then one collapsible
//! `<details>` per model that changed or needs attention, with its findings
//! and its diff. Models come most-urgent first, so when the file would not
//! fit in a GitHub comment it is the least urgent that are left to
//! `index.html`.

use std::fmt::Write;

use super::{by_attention, code_title, Report, ReportFile};
use crate::convert::Status;

/// GitHub rejects comments and descriptions above 65,536 characters.
pub const COMMENT_LIMIT: usize = 65_536;
/// Room kept for the closing note that names the models left out.
const FOOTER_ROOM: usize = 600;
/// One model's diff in the Markdown is cut after this many bytes.
const DIFF_LIMIT: usize = 12_000;

pub fn render(report: &Report) -> String {
    render_within(report, COMMENT_LIMIT)
}

/// The report in at most `limit` bytes (and so at most `limit` characters).
pub fn render_within(report: &Report, limit: usize) -> String {
    let s = &report.summary;
    let mut md = String::new();
    let _ = writeln!(md, "# pg2sf conversion report\n");
    let _ = writeln!(
        md,
        "{} SQL and dbt files of {} files; **{}%** fully converted (unchanged or converted). \
         The full report with side-by-side diffs is `index.html` beside this file.\n",
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
            let name = code_title(code)
                .map(|(name, _)| format!(" {name}"))
                .unwrap_or_default();
            let _ = writeln!(md, "| {code}{name} | {n} |");
        }
    }

    let mut models: Vec<&ReportFile> = report
        .sql_files()
        .filter(|f| f.status != Status::Unchanged || !f.diagnostics.is_empty())
        .collect();
    models.sort_by_key(|f| (by_attention(f.status), f.path.as_str()));
    if !models.is_empty() {
        let _ = writeln!(md, "\n## Models\n");
    }
    let budget = limit.saturating_sub(FOOTER_ROOM);
    for (shown, f) in models.iter().enumerate() {
        let section = model_section(f);
        if md.len() + section.len() > budget {
            let left = &models[shown..];
            let _ = writeln!(
                md,
                "\n**{} more models** (from `{}` on, in the order above: by status, then path) \
                 are left out to stay within GitHub's comment size; they are in `index.html`.",
                left.len(),
                truncate(&left[0].path, 200),
            );
            break;
        }
        md.push_str(&section);
    }
    md
}

fn model_section(f: &ReportFile) -> String {
    let mut md = String::new();
    let findings = match f.diagnostics.len() {
        0 => String::new(),
        1 => ", 1 finding".to_string(),
        n => format!(", {n} findings"),
    };
    let _ = writeln!(
        md,
        "<details><summary><code>{}</code>: {}{findings}</summary>\n",
        escape_html(&f.path),
        f.status.as_str()
    );
    for d in &f.diagnostics {
        let _ = writeln!(
            md,
            "- `{}:{}` **{}** ({}{}) {}",
            d.line,
            d.column,
            d.code,
            d.category.as_str(),
            if d.fixed { ", rewritten" } else { "" },
            escape_outside_code(&d.message.replace('\n', " "))
        );
    }
    if f.changed() {
        let mut diff = f.unified_diff(2);
        if diff.len() > DIFF_LIMIT {
            let cut = truncate(&diff, DIFF_LIMIT).len();
            let cut = diff[..cut].rfind('\n').map_or(cut, |i| i + 1);
            diff.truncate(cut);
            diff.push_str("… (diff cut here; the rest is in index.html)\n");
        }
        // A fence longer than any backtick run inside the diff.
        let fence = "`".repeat(longest_backtick_run(&diff).max(2) + 1);
        let _ = writeln!(md, "\n{fence}diff\n{diff}{fence}");
    }
    md.push_str("\n</details>\n");
    md
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character.
fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Text inside `<details>` is HTML to GitHub: a model's `<` must stay text.
fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Escapes HTML outside `code spans` only: inside them an entity would show
/// as typed.
fn escape_outside_code(s: &str) -> String {
    s.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 0 {
                escape_html(part)
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("`")
}

fn longest_backtick_run(s: &str) -> usize {
    s.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}
