//! What to do with the SQL of a `pre_hook`/`post_hook`: Postgres maintenance
//! that has no meaning on Snowflake is dropped, grants to Postgres roles are
//! reported, and plain SQL goes through the same conversion as a model.

use crate::convert::{convert_text, Status};
use crate::rules::Category;

/// The verdict on one hook string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hook {
    /// Remove the hook; the message says what it did and what Snowflake offers.
    Drop { category: Category, message: String },
    /// Leave it and report it.
    Report { category: Category, message: String },
    /// Replace the hook's text with its conversion.
    Convert {
        category: Category,
        message: String,
        output: String,
    },
    /// Nothing to do.
    Keep,
}

/// The words of a hook's SQL, lower-case, Jinja comments and leading
/// whitespace aside.
fn words(sql: &str) -> Vec<String> {
    sql.split(|c: char| c.is_whitespace() || c == ';' || c == '(')
        .filter(|w| !w.is_empty())
        .take(12)
        .map(|w| w.to_ascii_lowercase())
        .collect()
}

/// The macro a hook made of one `{{ name(…) }}` call calls.
fn called_macro(sql: &str) -> Option<&str> {
    let inner = sql.trim().strip_prefix("{{")?.strip_suffix("}}")?.trim();
    let inner = inner.trim_start_matches('-').trim();
    let name_end = inner.find('(')?;
    let name = inner[..name_end].trim();
    (!name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.'))
    .then_some(name)
}

/// Classifies the SQL of one hook, as the user wrote it (the text between
/// the quotes).
pub fn classify(sql: &str) -> Hook {
    let w = words(sql);
    let first = w.first().map(String::as_str).unwrap_or("");
    let second = w.get(1).map(String::as_str).unwrap_or("");
    let third = w.get(2).map(String::as_str).unwrap_or("");
    let creates_index =
        first == "create" && (second == "index" || (second == "unique" && third == "index"));
    if creates_index || first == "reindex" || (first == "drop" && second == "index") {
        return Hook::Drop {
            category: Category::Review,
            message: format!(
                "dropped the hook `{}`: Snowflake has no indexes (CREATE INDEX fails on a standard table); for a large table set `cluster_by` instead",
                first_line(sql)
            ),
        };
    }
    if first == "cluster" {
        return Hook::Drop {
            category: Category::Review,
            message: format!(
                "dropped the hook `{}`: Snowflake has no CLUSTER command; it clusters by a table's `cluster_by` key automatically",
                first_line(sql)
            ),
        };
    }
    if matches!(first, "vacuum" | "analyze" | "analyse") {
        return Hook::Drop {
            category: Category::Fix,
            message: format!(
                "dropped the hook `{}`: Snowflake maintains storage and statistics itself and has no VACUUM or ANALYZE",
                first_line(sql)
            ),
        };
    }
    if first == "grant" {
        let to = w.iter().position(|x| x == "to");
        let role_keyword = to.and_then(|i| w.get(i + 1)).is_some_and(|x| x == "role");
        if to.is_some() && !role_keyword {
            return Hook::Report {
                category: Category::Unconvertible,
                message: format!(
                    "the hook `{}` grants to a PostgreSQL role: Snowflake grants to roles with `to role <name>`, and its roles are not PostgreSQL's; use dbt's `grants` config with Snowflake roles",
                    first_line(sql)
                ),
            };
        }
        return Hook::Keep;
    }
    if let Some(name) = called_macro(sql) {
        if name.to_ascii_lowercase().contains("index") {
            return Hook::Drop {
                category: Category::Review,
                message: format!(
                    "dropped the hook `{}`: by its name, `{name}` creates indexes, which Snowflake does not have; for a large table set `cluster_by` instead (restore the hook if the macro does more)",
                    first_line(sql)
                ),
            };
        }
        return Hook::Keep;
    }
    let conversion = convert_text(sql);
    // A hook with a backslash is written with string escapes: what it says is
    // reported, never rewritten.
    let escaped = sql.contains('\\');
    let notes: Vec<String> = conversion
        .diagnostics
        .iter()
        .filter(|d| d.code != "E002")
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    match conversion.status {
        Status::Unchanged | Status::Error => Hook::Keep,
        _ if escaped || conversion.output == sql => Hook::Report {
            category: if escaped && conversion.output != sql {
                Category::Unconvertible
            } else {
                conversion
                    .diagnostics
                    .iter()
                    .map(|d| d.category)
                    .max()
                    .unwrap_or(Category::Review)
            },
            message: format!(
                "in this hook's SQL{}: {}",
                if escaped {
                    " (not rewritten: it holds string escapes)"
                } else {
                    ""
                },
                notes.join("; ")
            ),
        },
        _ => Hook::Convert {
            category: conversion
                .diagnostics
                .iter()
                .map(|d| d.category)
                .max()
                .unwrap_or(Category::Fix),
            message: format!("converted this hook's SQL: {}", notes.join("; ")),
            output: conversion.output,
        },
    }
}

fn first_line(sql: &str) -> String {
    let line = sql.trim().lines().next().unwrap_or("").trim();
    if line.chars().count() > 60 {
        format!("{}…", line.chars().take(60).collect::<String>())
    } else {
        line.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(sql: &str) -> &'static str {
        match classify(sql) {
            Hook::Drop { .. } => "drop",
            Hook::Report { .. } => "report",
            Hook::Convert { .. } => "convert",
            Hook::Keep => "keep",
        }
    }

    #[test]
    fn postgres_maintenance_is_dropped_and_grants_reported() {
        assert_eq!(
            verdict("create index if not exists i on {{ this }} (a)"),
            "drop"
        );
        assert_eq!(verdict("CREATE UNIQUE INDEX ON {{ this }} (id)"), "drop");
        assert_eq!(verdict("vacuum analyze {{ this }}"), "drop");
        assert_eq!(verdict("analyze {{ this }}"), "drop");
        assert_eq!(verdict("{{ create_indexes_for_source(['a']) }}"), "drop");
        assert_eq!(verdict("grant select on {{ this }} to reporting"), "report");
        assert_eq!(
            verdict("grant select on {{ this }} to role reporting"),
            "keep"
        );
        assert_eq!(verdict("{{ log_run() }}"), "keep");
    }

    #[test]
    fn plain_sql_is_converted() {
        assert_eq!(
            verdict("delete from {{ this }} where created_at < now() - interval '1 day'"),
            "convert"
        );
        assert_eq!(verdict("delete from {{ this }} where id is null"), "keep");
    }
}
