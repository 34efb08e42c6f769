//! The report of a conversion: `report.json` for tools, `index.html` for the
//! reviewer, `report.md` for pull requests, and the terminal summary. All of
//! them list files sorted by path.
//!
//! `report.json` is the source of the other two: it holds each SQL file's
//! text before and after, so `pg2sf report` rebuilds the HTML and Markdown
//! from it alone. It is deterministic (no timings, no absolute paths), so two
//! runs over the same project give the same bytes.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use crate::convert::{Diagnostic, Status};
use crate::discover::FileKind;
use crate::project::{FileReport, ProjectReport};
use crate::rules::Category;

pub mod html;
pub mod markdown;
pub mod terminal;

/// The contents of `report.json`.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Report {
    pub files: Vec<ReportFile>,
    pub summary: Summary,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A SQL file that was converted.
    Sql,
    /// A dbt YAML file (dbt_project.yml, properties, profiles, packages)
    /// whose configs, hooks and tests were checked.
    Dbt,
    /// A file copied unchanged.
    Copied,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct ReportFile {
    pub path: String,
    pub kind: Kind,
    #[serde(deserialize_with = "status_by_name")]
    pub status: Status,
    pub diagnostics: Vec<ReportDiagnostic>,
    /// The text as read, for SQL files that could be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The converted text, when it differs from `source`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
}

/// A finding as `report.json` holds it. Fields this version does not know
/// (written by a newer pg2sf) are kept in `extra`, so they survive a rebuild.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct ReportDiagnostic {
    pub code: String,
    pub category: Category,
    pub message: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub fixed: bool,
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Summary {
    /// Every file in the project, SQL or not.
    pub files: usize,
    /// SQL files (models, macros, analyses, snapshots, tests) and dbt YAML files.
    pub sql_files: usize,
    /// SQL files per status.
    pub by_status: BTreeMap<String, usize>,
    /// Share of SQL files that are `unchanged` or `converted`, in percent.
    pub fully_converted_percent: f64,
    /// Findings per rule code.
    pub by_code: BTreeMap<String, usize>,
}

fn status_by_name<'de, D: Deserializer<'de>>(d: D) -> Result<Status, D::Error> {
    let name = String::deserialize(d)?;
    Status::ALL
        .into_iter()
        .find(|s| s.as_str() == name)
        .ok_or_else(|| serde::de::Error::custom(format!("unknown status `{name}`")))
}

impl ReportDiagnostic {
    fn from_diagnostic(d: Diagnostic) -> Self {
        // Destructured field by field: a field added to `Diagnostic` stops
        // the build here until it is given its place in report.json.
        let Diagnostic {
            code,
            category,
            message,
            line,
            column,
            end_line,
            end_column,
            range: _,
            fixed,
        } = d;
        ReportDiagnostic {
            code,
            category,
            message,
            line,
            column,
            end_line,
            end_column,
            fixed,
            extra: serde_json::Map::new(),
        }
    }
}

impl ReportFile {
    fn from_file(f: FileReport) -> Self {
        let sql = matches!(f.kind, FileKind::Sql | FileKind::Dbt(_));
        ReportFile {
            path: f.path,
            kind: match f.kind {
                FileKind::Sql => Kind::Sql,
                FileKind::Dbt(_) => Kind::Dbt,
                FileKind::Other => Kind::Copied,
            },
            status: f.status,
            diagnostics: f
                .diagnostics
                .into_iter()
                .map(ReportDiagnostic::from_diagnostic)
                .collect(),
            source: (sql && !f.before.is_empty()).then_some(f.before),
            output: f.after.filter(|_| sql),
        }
    }

    /// Whether the file counts as SQL in the summary: a converted SQL file,
    /// or any file that could not be read (it may have been SQL).
    pub fn is_sql(&self) -> bool {
        self.kind != Kind::Copied || self.status == Status::Error
    }

    pub fn before(&self) -> &str {
        self.source.as_deref().unwrap_or("")
    }

    pub fn after(&self) -> &str {
        self.output.as_deref().unwrap_or_else(|| self.before())
    }

    pub fn changed(&self) -> bool {
        self.output.is_some()
    }

    /// Lines of the original text.
    pub fn lines(&self) -> usize {
        line_count(self.before())
    }

    /// The unified diff of the conversion, without colour.
    pub fn unified_diff(&self, context: usize) -> String {
        lines(self.before(), self.after())
            .diff()
            .unified_diff()
            .context_radius(context)
            .header(&format!("a/{}", self.path), &format!("b/{}", self.path))
            .to_string()
    }
}

impl Report {
    /// The report of a run, taking over its texts rather than copying them.
    pub fn from_project(report: ProjectReport) -> Self {
        let files: Vec<ReportFile> = report
            .files
            .into_iter()
            .map(ReportFile::from_file)
            .collect();
        let summary = summarize(&files);
        Report { files, summary }
    }

    /// Reads `report.json`. The summary is recomputed from the files, so the
    /// pages built from it always agree with the file list.
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        let mut report: Report = serde_json::from_str(text)?;
        report.summary = summarize(&report.files);
        Ok(report)
    }

    /// Writes `report.json` (the same text as [`Report::to_json`]) without
    /// building it in memory.
    pub fn write_json(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, self)?;
        out.write_all(b"\n")
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self)
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        text.push('\n');
        text
    }

    /// The SQL files, in path order.
    pub fn sql_files(&self) -> impl Iterator<Item = &ReportFile> {
        self.files.iter().filter(|f| f.is_sql())
    }
}

fn summarize(files: &[ReportFile]) -> Summary {
    let mut by_status: BTreeMap<String, usize> = Status::ALL
        .iter()
        .map(|s| (s.as_str().to_string(), 0))
        .collect();
    let mut by_code = BTreeMap::new();
    let mut sql_files = 0;
    let mut ok = 0;
    for f in files.iter().filter(|f| f.is_sql()) {
        sql_files += 1;
        *by_status.entry(f.status.as_str().to_string()).or_default() += 1;
        if matches!(f.status, Status::Unchanged | Status::Converted) {
            ok += 1;
        }
        for d in &f.diagnostics {
            *by_code.entry(d.code.clone()).or_default() += 1;
        }
    }
    let percent = if sql_files == 0 {
        100.0
    } else {
        (ok as f64 * 1000.0 / sql_files as f64).round() / 10.0
    };
    Summary {
        files: files.len(),
        sql_files,
        by_status,
        fully_converted_percent: percent,
        by_code,
    }
}

/// `text.lines().count()`, by counting line feeds (a byte scan the
/// compiler vectorises, where `lines` splits line by line).
pub fn line_count(text: &str) -> usize {
    let feeds = text.bytes().filter(|&b| b == b'\n').count();
    feeds + usize::from(!text.is_empty() && !text.ends_with('\n'))
}

/// The lines of both sides of a conversion, for [`Lines::diff`]: split by a
/// byte scan ([`split_lines`]) rather than `similar`'s character walk, a
/// fifth of the report's diffing.
pub struct Lines<'a> {
    old: Vec<&'a str>,
    new: Vec<&'a str>,
}

pub fn lines<'a>(before: &'a str, after: &'a str) -> Lines<'a> {
    Lines {
        old: split_lines(before).collect(),
        new: split_lines(after).collect(),
    }
}

impl<'a> Lines<'a> {
    /// The line diff, as `similar`'s `diff_lines` makes it. Myers' algorithm
    /// is quadratic when most lines change (a 5 MB generated model), so very
    /// long files get a deadline after which the diff is still correct but
    /// may be less minimal.
    pub fn diff(&self) -> similar::TextDiff<'a, 'a, '_, str> {
        const LONG: usize = 2_000;
        let mut config = similar::TextDiff::configure();
        config.newline_terminated(true);
        let bytes: usize = self.old.iter().map(|l| l.len()).sum();
        if bytes / 40 > LONG || self.old.len() > LONG {
            config.timeout(std::time::Duration::from_millis(250));
        }
        config.diff_slices(&self.old, &self.new)
    }
}

/// A text's lines with their endings, split where `similar` splits them
/// (after `\n`, `\r\n` or a lone `\r`), a byte scan rather than its
/// character walk.
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let end = match memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
            Some(i) if bytes[start + i] == b'\r' && bytes.get(start + i + 1) == Some(&b'\n') => {
                start + i + 2
            }
            Some(i) => start + i + 1,
            None => bytes.len(),
        };
        // Line breaks are ASCII: `start..end` lies on character boundaries.
        let line = &text[start..end];
        start = end;
        Some(line)
    })
}

/// Statuses from the one that most needs a reviewer to the one that least does.
pub fn by_attention(status: Status) -> usize {
    match status {
        Status::Error => 0,
        Status::Unconvertible => 1,
        Status::Review => 2,
        Status::Converted => 3,
        Status::Unchanged => 4,
    }
}

/// The name and the one-line summary of a finding's code, rules and the
/// `E` codes of the pipeline alike.
pub fn code_title(code: &str) -> Option<(String, String)> {
    if let Some(rule) = crate::rules::find(code) {
        let m = rule.meta();
        return Some((m.name.clone(), m.summary.clone()));
    }
    pipeline_code(code).map(|(name, summary)| (name.to_string(), summary.to_string()))
}

/// The codes the pipeline itself reports (not rules): name and explanation.
pub fn pipeline_code(code: &str) -> Option<(&'static str, &'static str)> {
    Some(match code {
        "E001" => ("postgres-parse-error", "The model (with its Jinja masked) does not parse as PostgreSQL SQL, so no rule could run on it; the file is copied unchanged."),
        "E002" => ("snowflake-parse-error", "The converted text does not parse with Snowflake's grammar. When what remains is a construct reported as unconvertible, the finding is `unconvertible`; otherwise the file is an error and copied unchanged."),
        "E003" => ("jinja-syntax-error", "The Jinja of the model could not be scanned (an unclosed `{{`, `{%` or `{#`, or an unbalanced block); the file is copied unchanged."),
        "E004" => ("jinja-block-not-sql", "A Jinja block holds text that is not SQL on its own, so only token checks ran on it."),
        "E005" => ("file-not-readable", "The file could not be read or is not UTF-8 text; it is copied unchanged."),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use similar::DiffableStr;

    #[test]
    fn splits_lines_where_similar_does() {
        for text in [
            "",
            "a",
            "a\n",
            "a\nb",
            "\n\n",
            "a\r\nb\rc\n",
            "\r",
            "\r\n",
            "é\r\r\nü",
            "x\n\r",
        ] {
            let ours: Vec<&str> = super::split_lines(text).collect();
            assert_eq!(ours, text.tokenize_lines(), "{text:?}");
        }
    }

    /// The diff of lines split by [`super::split_lines`] is the one
    /// `similar`'s `diff_lines` makes, as a unified diff and as the inline
    /// changes the HTML shows: over every fixture and its conversion.
    #[test]
    fn diffs_are_what_diff_lines_makes() {
        fn inline<'x>(d: &'x similar::TextDiff<'x, 'x, 'x, str>) -> Vec<String> {
            d.ops()
                .iter()
                .flat_map(|op| d.iter_inline_changes(op))
                .map(|c| format!("{:?} {:?}", c.tag(), c.values()))
                .collect()
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut changed = 0;
        for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            let Ok(before) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let after = crate::convert::convert_text(&before).output;
            for (old, new) in [(&before, &after), (&after, &before), (&before, &before)] {
                let want = similar::TextDiff::from_lines(old.as_str(), new.as_str());
                let lines = super::lines(old, new);
                let got = lines.diff();
                assert_eq!(got.ops(), want.ops(), "{}", entry.path().display());
                assert_eq!(
                    got.unified_diff().context_radius(2).to_string(),
                    want.unified_diff().context_radius(2).to_string(),
                );
                assert_eq!(inline(&got), inline(&want), "{}", entry.path().display());
            }
            changed += usize::from(after != before);
        }
        assert!(changed > 50, "only {changed} fixtures change");
    }

    #[test]
    fn counts_lines_as_str_lines_does() {
        for text in [
            "",
            "a",
            "a\n",
            "a\nb",
            "\n",
            "\n\n",
            "a\r\n",
            "a\rb",
            "é\r\nü\n\nx",
        ] {
            assert_eq!(super::line_count(text), text.lines().count(), "{text:?}");
        }
    }
}
