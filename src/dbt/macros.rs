//! `--macros add-snowflake-variants`: beside each dispatched `postgres__`
//! macro that has no `snowflake__` or `default__` variant in its file, a
//! `snowflake__` twin converted from it. The `postgres__` macro keeps its
//! PostgreSQL text, since dbt still picks it on PostgreSQL.

use crate::convert::{Conversion, Diagnostic, Status};
use crate::jinja::{self, JinjaKind};
use crate::rules::Category;
use crate::source::{ByteRange, LineIndex};

/// What `convert` does with dispatched macros that only have a `postgres__`
/// variant.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum MacroVariants {
    /// Convert them in place and report them (PG704).
    #[default]
    Keep,
    /// Keep them as written and add a converted `snowflake__` twin.
    AddSnowflakeVariants,
}

/// A macro definition: its name, the range from `{% macro` to the end of
/// `{% endmacro %}`, and the range of the name in the `macro` tag.
struct MacroDef {
    name: String,
    range: ByteRange,
    name_range: ByteRange,
}

fn macros(text: &str) -> Vec<MacroDef> {
    let Ok(regions) = jinja::scan(text) else {
        return vec![];
    };
    let mut out = Vec::new();
    let mut open: Option<(String, usize, ByteRange)> = None;
    for r in regions.iter().filter(|r| r.kind == JinjaKind::Statement) {
        match r.tag.as_str() {
            "macro" => {
                let body = &text[r.body.clone()];
                let rest = body.trim_start().strip_prefix("macro").unwrap_or("");
                let lead = body.len() - rest.len();
                let rest_trim = rest.trim_start();
                let start = r.body.start + lead + (rest.len() - rest_trim.len());
                let len = rest_trim
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(rest_trim.len());
                open = Some((
                    rest_trim[..len].to_string(),
                    r.range.start,
                    start..start + len,
                ));
            }
            "endmacro" => {
                if let Some((name, start, name_range)) = open.take() {
                    out.push(MacroDef {
                        name,
                        range: start..r.range.end,
                        name_range,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// Rewrites a converted macro file: each `postgres__` macro without a
/// Snowflake-usable variant is restored to its original text and followed by
/// its converted `snowflake__` twin; a finding says so.
pub fn add_snowflake_variants(original: &str, conversion: &mut Conversion) {
    if conversion.status == Status::Error {
        return;
    }
    let before = macros(original);
    let after = macros(&conversion.output);
    if before.len() != after.len() {
        return;
    }
    let has = |name: &str| before.iter().any(|m| m.name == name);
    let lines = LineIndex::new(original);
    let mut output = String::with_capacity(conversion.output.len() * 2);
    let mut at = 0;
    let mut added = Vec::new();
    for (b, a) in before.iter().zip(&after) {
        let Some(base) = b.name.strip_prefix("postgres__") else {
            continue;
        };
        let (line, column) = lines.line_col(original, b.name_range.start);
        // Only the macros PG704 reported: dispatched, with no variant for Snowflake.
        let reported = conversion
            .diagnostics
            .iter()
            .any(|d| d.code == "PG704" && !d.fixed && d.line == line);
        if a.name != b.name
            || !reported
            || has(&format!("snowflake__{base}"))
            || has(&format!("default__{base}"))
        {
            continue;
        }
        let converted = &conversion.output[a.range.clone()];
        let name_at = a.name_range.start - a.range.start;
        let twin = format!(
            "{}snowflake__{base}{}",
            &converted[..name_at],
            &converted[name_at + b.name.len()..]
        );
        output.push_str(&conversion.output[at..a.range.start]);
        output.push_str(&original[b.range.clone()]);
        output.push_str("\n\n");
        output.push_str(&twin);
        at = a.range.end;
        let (end_line, end_column) = lines.line_col(original, b.name_range.end);
        added.push(Diagnostic {
            code: "PG704".to_string(),
            category: Category::Review,
            message: format!("wrote `snowflake__{base}` after `{}`, converted from it (the findings inside it are the twin's); `{}` keeps its PostgreSQL text", b.name, b.name),
            line,
            column,
            end_line,
            end_column,
            range: b.name_range.clone(),
            fixed: true,
        });
    }
    if added.is_empty() {
        return;
    }
    output.push_str(&conversion.output[at..]);
    conversion.output = output;
    // The report that the variant is missing gives way to the twin.
    conversion
        .diagnostics
        .retain(|d| !(d.code == "PG704" && !d.fixed && added.iter().any(|a| a.line == d.line)));
    conversion.diagnostics.extend(added);
    conversion
        .diagnostics
        .sort_by(|a, b| (a.range.start, &a.code).cmp(&(b.range.start, &b.code)));
    if conversion.status == Status::Unchanged || conversion.status == Status::Converted {
        conversion.status = Status::Review;
    }
}
