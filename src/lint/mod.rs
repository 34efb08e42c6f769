//! `pg2sf check` and `pg2sf fix`: the per-file pipeline of [`crate::convert`]
//! run over the files a commit touches, its findings filtered by the
//! [`settings`] (`pg2sf.toml` and the command line) and the [`noqa`]
//! comments, and rendered in one of the [`output`] formats.

pub mod files;
pub mod noqa;
pub mod output;
pub mod settings;

use serde::Serialize;

use crate::convert::{convert_text_with_settings, Conversion, Diagnostic, Status};
use crate::rules::Category;
use crate::source::{ByteRange, LineIndex};
use noqa::Noqa;
use settings::Selection;

const BOM: &str = "\u{feff}";

/// Whether `pg2sf fix` makes a finding's rewrite on its own or only with
/// `--unsafe-fixes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// A `fix` rewrite: the meaning is kept.
    Safe,
    /// A `review` rewrite: the result can differ in the edge case the
    /// message names.
    Unsafe,
}

/// One edit of a fix, placed in the file.
#[derive(Debug, Clone, Serialize)]
pub struct PlacedEdit {
    pub replacement: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    #[serde(skip)]
    pub range: ByteRange,
}

/// The rewrite `pg2sf fix` makes for a finding.
#[derive(Debug, Clone, Serialize)]
pub struct Fix {
    pub applicability: Applicability,
    /// Empty when the rewrite applies to text that an earlier rewrite wrote
    /// (it has no place in the file as it is).
    pub edits: Vec<PlacedEdit>,
}

/// A finding of `check`.
#[derive(Debug, Clone)]
pub struct LintFinding {
    pub diagnostic: Diagnostic,
    pub fix: Option<Fix>,
}

/// The findings in one file, with its text for rendering.
#[derive(Debug, Clone)]
pub struct FileFindings {
    /// As shown to the user: relative to the current folder when inside it.
    pub path: String,
    /// The text the positions refer to (without a byte-order mark).
    pub source: String,
    pub findings: Vec<LintFinding>,
}

/// A file's text as read: its byte-order mark apart, or why it cannot be read.
pub enum Text {
    Sql { bom: bool, body: String },
    Unreadable(String),
}

impl Text {
    pub fn from_bytes(bytes: Vec<u8>) -> Text {
        match String::from_utf8(bytes) {
            Ok(text) => match text.strip_prefix(BOM) {
                Some(body) => Text::Sql {
                    bom: true,
                    body: body.to_string(),
                },
                None => Text::Sql {
                    bom: false,
                    body: text,
                },
            },
            Err(e) => Text::Unreadable(format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            )),
        }
    }
}

/// A finding at the start of a file that could not be looked at.
pub fn file_error(code: &str, message: String) -> LintFinding {
    LintFinding {
        diagnostic: Diagnostic {
            code: code.to_string(),
            category: Category::Error,
            message,
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            range: 0..0,
            fixed: false,
        },
        fix: None,
    }
}

/// Runs the conversion; a bug in a rule costs this file (`None`), never the
/// run.
fn guarded(convert: impl FnOnce() -> Conversion) -> Option<Conversion> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(convert)).ok()
}

/// The findings of `check` in a text: every diagnostic of the conversion that
/// the selection and the `noqa` comments let through.
pub fn check_text(text: &str, selection: &Selection) -> Vec<LintFinding> {
    let noqa = Noqa::parse(text);
    if noqa.file_exempt() {
        return vec![];
    }
    let Some(conversion) =
        guarded(|| convert_text_with_settings(text, &selection.rule_settings(), &|_| true))
    else {
        return vec![file_error(
            "E005",
            "internal error while checking this file (a pg2sf bug; please report it)".to_string(),
        )];
    };
    let lines = LineIndex::new(text);
    conversion
        .diagnostics
        .iter()
        .filter(|d| selection.selects(&d.code) && !noqa.suppresses(&d.code, d.line, d.end_line))
        .map(|d| LintFinding {
            diagnostic: d.clone(),
            fix: fix_of(d, &conversion, text, &lines),
        })
        .collect()
}

fn fix_of(d: &Diagnostic, conversion: &Conversion, text: &str, lines: &LineIndex) -> Option<Fix> {
    let applicability = match (d.fixed, d.category) {
        (true, Category::Fix) => Applicability::Safe,
        (true, Category::Review) => Applicability::Unsafe,
        _ => return None,
    };
    let edits = conversion
        .fixes
        .iter()
        .find(|f| f.code == d.code && f.range == d.range)
        .map(|f| {
            f.edits
                .iter()
                .map(|e| {
                    let (line, column) = lines.line_col(text, e.range.start);
                    let (end_line, end_column) = lines.line_col(text, e.range.end);
                    PlacedEdit {
                        replacement: e.replacement.clone(),
                        line,
                        column,
                        end_line,
                        end_column,
                        range: e.range.clone(),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    Some(Fix {
        applicability,
        edits,
    })
}

/// What `fix` makes of a text.
pub struct Fixed {
    /// The new text, when it differs.
    pub output: Option<String>,
    /// How many findings were fixed.
    pub fixed: usize,
}

/// Makes the rewrites of the selected, unsuppressed findings (`review` ones
/// only with `unsafe_fixes`); nothing in a file that does not parse.
pub fn fix_text(text: &str, selection: &Selection, unsafe_fixes: bool) -> Fixed {
    let unchanged = Fixed {
        output: None,
        fixed: 0,
    };
    let noqa = Noqa::parse(text);
    if noqa.file_exempt() {
        return unchanged;
    }
    let wanted = |d: &Diagnostic| {
        let safe_enough = match d.category {
            Category::Fix => true,
            Category::Review => unsafe_fixes,
            Category::Unconvertible | Category::Error => false,
        };
        safe_enough && selection.selects(&d.code) && !noqa.suppresses(&d.code, d.line, d.end_line)
    };
    let Some(conversion) =
        guarded(|| convert_text_with_settings(text, &selection.rule_settings(), &wanted))
    else {
        return unchanged;
    };
    if conversion.status == Status::Error || conversion.output == text {
        return unchanged;
    }
    Fixed {
        fixed: conversion.diagnostics.iter().filter(|d| d.fixed).count(),
        output: Some(conversion.output),
    }
}

/// The text as written back: the byte-order mark kept in front.
pub fn with_bom(bom: bool, body: &str) -> String {
    if bom {
        format!("{BOM}{body}")
    } else {
        body.to_string()
    }
}

/// A unified diff of a file's fix, with `a/` and `b/` headers.
pub fn unified_diff(path: &str, before: &str, after: &str) -> String {
    crate::report::lines(before, after)
        .diff()
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}
