//! dbt's YAML files, edited as text. A file is read line by line into
//! entries (`key:` with its position, inline value and block), which is all
//! the structure the checks need; serde_yaml only confirms the file is YAML.
//! Every change is a byte-range edit, so comments, quoting and layout outside
//! it are kept.

use crate::convert::{convert_text, Conversion, Diagnostic, Status};
use crate::dbt::hooks::{self, Hook};
use crate::edits::{self, Edit};
use crate::rules::Category;
use crate::source::{ByteRange, LineIndex};

/// Which dbt file a YAML file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DbtFile {
    /// `dbt_project.yml`.
    Project,
    /// A properties file (`schema.yml`, `_sources.yml`, …) under a resource path.
    Properties,
    /// `profiles.yml`.
    Profiles,
    /// `packages.yml` or `dependencies.yml`.
    Packages,
}

impl DbtFile {
    /// The kind of a YAML file at `rel` (relative to the project), given
    /// whether it lies under one of the project's resource paths.
    pub fn of(rel: &str, under_resource_path: bool) -> Option<DbtFile> {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        let is_root = !rel.contains('/');
        match name {
            "dbt_project.yml" if is_root => Some(DbtFile::Project),
            "profiles.yml" if is_root => Some(DbtFile::Profiles),
            "packages.yml" | "dependencies.yml" if is_root => Some(DbtFile::Packages),
            _ if under_resource_path && (name.ends_with(".yml") || name.ends_with(".yaml")) => {
                Some(DbtFile::Properties)
            }
            _ => None,
        }
    }
}

/// Packages that only work on PostgreSQL (or its Redshift fork), by their
/// hub name. A short list of what is certain; a package missing here is not
/// vouched for.
const POSTGRES_ONLY_PACKAGES: [&str; 3] = [
    "dbt-labs/redshift",
    "fishtown-analytics/redshift",
    "fishtown-analytics/postgres",
];

/// One `key:` line and the lines that belong to it.
#[derive(Debug, Clone)]
struct Entry {
    /// Column of the key.
    indent: usize,
    key: String,
    /// Whether the key opens a sequence item (`- key: …`).
    in_item: bool,
    /// Start of the line and end of the block (past its last content line).
    block: ByteRange,
    /// The inline value, without a trailing comment; empty when the value is
    /// a block.
    value: ByteRange,
    /// Keys of the enclosing mappings, outermost first.
    path: Vec<String>,
}

/// A scalar's text and how it is quoted.
#[derive(Debug, Clone)]
struct Scalar {
    /// The characters between the quotes (the whole scalar when plain).
    content: ByteRange,
    quote: Option<char>,
}

struct Line {
    range: ByteRange,
    indent: usize,
    /// Neither blank nor a comment.
    content: bool,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let body = piece.trim_end_matches(['\n', '\r']);
        let indent = body.len() - body.trim_start_matches(' ').len();
        let rest = body[indent..].trim();
        out.push(Line {
            range: start..start + piece.len(),
            indent,
            content: !rest.is_empty() && !rest.starts_with('#'),
        });
        start += piece.len();
    }
    out
}

/// End of a plain or quoted value on a line: before a ` #` comment that is
/// outside quotes, trailing spaces trimmed.
fn value_end(line: &str, from: usize) -> usize {
    let bytes = line.as_bytes();
    let mut quote = None;
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if (b == b'\'' || b == b'"') && i == from => quote = Some(b),
            None if b == b'#' && i > from && bytes[i - 1] == b' ' => break,
            None => {}
        }
        i += 1;
    }
    from + line[from..i].trim_end().len()
}

fn entries(text: &str) -> Vec<Entry> {
    let all = lines(text);
    let mut out: Vec<Entry> = Vec::new();
    let mut stack: Vec<(usize, String)> = Vec::new();
    for (n, line) in all.iter().enumerate() {
        if !line.content {
            continue;
        }
        let body = text[line.range.clone()].trim_end_matches(['\n', '\r']);
        let mut col = line.indent;
        let mut in_item = false;
        while body[col..].starts_with("- ") {
            col += 2 + body[col + 2..].len() - body[col + 2..].trim_start().len();
            in_item = true;
        }
        let Some((key, after)) = key_at(body, col) else {
            continue;
        };
        while stack.last().is_some_and(|(i, _)| *i >= col) {
            stack.pop();
        }
        let value_start = after + body[after..].len() - body[after..].trim_start().len();
        let value_stop = value_end(body, value_start).max(value_start);
        // The block: following lines indented deeper, or a sequence at the
        // key's own indentation when the key has no inline value.
        let mut last = n;
        for (m, next) in all.iter().enumerate().skip(n + 1) {
            if !next.content {
                continue;
            }
            let next_text = &text[next.range.clone()];
            let same_column_sequence = next.indent == col
                && value_start == value_stop
                && next_text[next.indent..].starts_with('-');
            if next.indent > col || same_column_sequence {
                last = m;
            } else {
                break;
            }
        }
        out.push(Entry {
            indent: col,
            key: key.to_string(),
            in_item,
            block: line.range.start..all[last].range.end,
            value: line.range.start + value_start..line.range.start + value_stop,
            path: stack.iter().map(|(_, k)| k.clone()).collect(),
        });
        stack.push((col, key.to_string()));
    }
    out
}

/// A `key:` at column `col`: the key (unquoted) and the offset after the colon.
fn key_at(line: &str, col: usize) -> Option<(&str, usize)> {
    let rest = &line[col..];
    let (key, after_key) = if let Some(q @ ('\'' | '"')) = rest.chars().next() {
        let close = rest[1..].find(q)? + 1;
        (&rest[1..close], close + 1)
    } else {
        let colon = rest.find(':')?;
        (rest[..colon].trim_end(), colon)
    };
    let tail = &rest[after_key..];
    if !tail.starts_with(':') || !(tail.len() == 1 || tail[1..].starts_with([' ', '\t'])) {
        return None;
    }
    if key.is_empty() || key.contains(['#', '{', '[']) {
        return None;
    }
    Some((key, col + after_key + 1))
}

fn scalar(text: &str, value: &ByteRange) -> Option<Scalar> {
    let v = &text[value.clone()];
    if v.is_empty() || v.starts_with(['|', '>', '[', '{', '&', '*', '!']) {
        return None;
    }
    match v.chars().next() {
        Some(q @ ('\'' | '"')) => {
            let inner = v.strip_prefix(q)?.strip_suffix(q)?;
            // Escapes would need decoding before the SQL is read.
            if inner.contains(q) || inner.contains('\\') {
                return None;
            }
            Some(Scalar {
                content: value.start + 1..value.end - 1,
                quote: Some(q),
            })
        }
        _ => Some(Scalar {
            content: value.clone(),
            quote: None,
        }),
    }
}

/// Whether `replacement` can be written into the scalar as it is.
fn fits(s: &Scalar, replacement: &str) -> bool {
    match s.quote {
        Some(q) => !replacement.contains(q) && !replacement.contains('\\'),
        None => !replacement.contains(" #") && !replacement.contains(": "),
    }
}

/// What a YAML check found; like a rule's finding, in file offsets.
struct Found {
    code: String,
    category: Category,
    message: String,
    range: ByteRange,
    edits: Vec<Edit>,
    /// Made by the rewrite of the finding before it (one rewrite of a
    /// scalar carries several findings).
    with_previous: bool,
}

impl Found {
    fn new(code: &str, category: Category, message: impl Into<String>, range: ByteRange) -> Self {
        Found {
            code: code.to_string(),
            category,
            message: message.into(),
            range,
            edits: vec![],
            with_previous: false,
        }
    }
}

/// Converts one dbt YAML file.
pub fn convert_yaml(kind: DbtFile, text: &str) -> Conversion {
    let lines = LineIndex::new(text);
    let place = |f: &Found, fixed: bool| {
        let (line, column) = lines.line_col(text, f.range.start);
        let (end_line, end_column) = lines.line_col(text, f.range.end.max(f.range.start));
        Diagnostic {
            code: f.code.clone(),
            category: f.category,
            message: f.message.clone(),
            line,
            column,
            end_line,
            end_column,
            range: f.range.clone(),
            fixed,
        }
    };
    if let Err(e) = serde_yaml::from_str::<serde_yaml::Value>(text) {
        let at = e.location().map_or(0, |l| l.index().min(text.len()));
        let found = Found::new(
            "E006",
            Category::Error,
            format!("not valid YAML: {e}"),
            at..at,
        );
        return finish(text, text.to_string(), vec![place(&found, false)]);
    }
    let all = entries(text);
    let mut found = Vec::new();
    match kind {
        DbtFile::Project => project_checks(text, &all, &mut found),
        DbtFile::Properties => properties_checks(text, &all, &mut found),
        DbtFile::Profiles => profiles_check(text, &all, &mut found),
        DbtFile::Packages => packages_check(text, &all, &mut found),
    }
    found.sort_by(|a, b| (a.range.start, &a.code).cmp(&(b.range.start, &b.code)));
    let groups: Vec<&[Edit]> = found.iter().map(|f| f.edits.as_slice()).collect();
    let (output, applied) = edits::apply(text, &groups);
    let mut previous_applied = false;
    let diagnostics = found
        .iter()
        .zip(applied)
        .map(|(f, a)| {
            if f.with_previous {
                return place(f, previous_applied);
            }
            previous_applied = a;
            if !f.edits.is_empty() && !a {
                let mut f2 = Found::new(
                    &f.code,
                    Category::Unconvertible,
                    format!("{} (not rewritten: overlaps another rewrite)", f.message),
                    f.range.clone(),
                );
                f2.edits.clear();
                place(&f2, false)
            } else {
                place(f, a)
            }
        })
        .collect();
    finish(text, output, diagnostics)
}

fn finish(original: &str, output: String, diagnostics: Vec<Diagnostic>) -> Conversion {
    let status = match diagnostics.iter().map(|d| d.category).max() {
        Some(Category::Error) => Status::Error,
        Some(Category::Unconvertible) => Status::Unconvertible,
        Some(Category::Review) => Status::Review,
        _ if output != original => Status::Converted,
        _ => Status::Unchanged,
    };
    let output = if status == Status::Error {
        original.to_string()
    } else {
        output
    };
    Conversion {
        status,
        diagnostics,
        output,
        fixes: vec![],
    }
}

const INDEXES: &str = "removed `indexes`, a dbt-postgres config that dbt-snowflake ignores: Snowflake has no indexes; for a large table, `cluster_by` sets a clustering key";
const UNLOGGED: &str = "removed `unlogged`, a dbt-postgres config: Snowflake has no unlogged tables; dbt-snowflake builds tables `transient` by default (no Fail-safe), the nearest equivalent";

/// The edit that removes an entry with its block; when it is the only entry
/// of its parent, the parent goes too (a key left without a value would
/// become `null`).
fn removal(all: &[Entry], index: usize) -> Option<Edit> {
    let entry = &all[index];
    if entry.in_item {
        return None;
    }
    let parent = all[..index]
        .iter()
        .rposition(|p| p.indent < entry.indent && p.block.end >= entry.block.end);
    if let Some(p) = parent {
        let siblings = all[p + 1..]
            .iter()
            .take_while(|e| e.block.start < all[p].block.end)
            .filter(|e| e.indent == entry.indent)
            .count();
        if siblings == 1 && !all[p].in_item && all[p].value.is_empty() {
            return Some(Edit::delete(all[p].block.clone()));
        }
    }
    Some(Edit::delete(entry.block.clone()))
}

fn is_hook_key(key: &str) -> bool {
    matches!(
        key.trim_start_matches('+'),
        "pre-hook" | "post-hook" | "pre_hook" | "post_hook" | "on-run-start" | "on-run-end"
    )
}

/// A flow mapping (`config: {indexes: […]}`) is not taken apart: what it
/// holds that would be removed or converted in block style is reported.
fn flow_check(text: &str, e: &Entry, out: &mut Vec<Found>) {
    let value = &text[e.value.clone()];
    if !value.starts_with('{') {
        return;
    }
    for (needle, code) in [
        ("indexes", "PG701"),
        ("unlogged", "PG702"),
        ("hook", "PG703"),
    ] {
        if let Some(at) = value.find(needle) {
            let start = e.value.start + at;
            out.push(Found::new(
                code,
                Category::Unconvertible,
                format!("`{needle}` in a flow mapping (`{{…}}`) is left as written: pg2sf edits block-style YAML only; rewrite it as a block mapping or remove it by hand"),
                start..start + needle.len(),
            ));
        }
    }
}

fn project_checks(text: &str, all: &[Entry], out: &mut Vec<Found>) {
    for (i, e) in all.iter().enumerate() {
        flow_check(text, e, out);
        match e.key.as_str() {
            "+indexes" => push_removal(text, all, i, "PG701", Category::Review, INDEXES, out),
            "+unlogged" => push_removal(text, all, i, "PG702", Category::Fix, UNLOGGED, out),
            k if is_hook_key(k) => hook_checks(text, all, i, out),
            _ => {}
        }
    }
}

fn properties_checks(text: &str, all: &[Entry], out: &mut Vec<Found>) {
    for (i, e) in all.iter().enumerate() {
        if e.key == "config" {
            flow_check(text, e, out);
        }
        let in_config = e.path.last().is_some_and(|p| p == "config");
        match e.key.as_str() {
            "indexes" if in_config => {
                push_removal(text, all, i, "PG701", Category::Review, INDEXES, out)
            }
            "unlogged" if in_config => {
                push_removal(text, all, i, "PG702", Category::Fix, UNLOGGED, out)
            }
            k if in_config && is_hook_key(k) => hook_checks(text, all, i, out),
            "where" if in_config => sql_scalar(text, e, "select 1 where ", "where", out),
            "expression" if e.path.iter().any(|p| p.ends_with("expression_is_true")) => {
                sql_scalar(text, e, "select ", "expression_is_true", out)
            }
            "quote"
                if e.path
                    .last()
                    .is_some_and(|p| p.ends_with("accepted_values"))
                    && text[e.value.clone()].trim() == "false" =>
            {
                accepted_values_unquoted(text, all, i, out)
            }
            _ => {}
        }
    }
}

fn push_removal(
    text: &str,
    all: &[Entry],
    i: usize,
    code: &str,
    category: Category,
    message: &str,
    out: &mut Vec<Found>,
) {
    let e = &all[i];
    // The finding covers what goes: the key and its block.
    let block = &text[e.block.clone()];
    let range = e.block.start + e.indent..e.block.start + block.trim_end().len();
    let mut f = Found::new(code, category, message, range);
    match removal(all, i) {
        Some(edit) => f.edits = vec![edit],
        None => {
            f.category = Category::Unconvertible;
            f.message = format!("{message} (not removed: it opens a list item; remove it by hand)");
        }
    }
    out.push(f);
}

/// The hook strings of an entry: its inline scalar, or the scalars of its
/// sequence items, each with the block of its own line.
fn hook_scalars(text: &str, all: &[Entry], i: usize) -> Vec<(Scalar, Option<ByteRange>)> {
    let e = &all[i];
    if !e.value.is_empty() {
        return scalar(text, &e.value)
            .map(|s| (s, None))
            .into_iter()
            .collect();
    }
    let mut out = Vec::new();
    let mut at = text[e.block.clone()]
        .find('\n')
        .map_or(e.block.end, |n| e.block.start + n + 1);
    while at < e.block.end {
        let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n + 1);
        let line = text[at..line_end].trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        if let Some(item) = trimmed.strip_prefix("- ") {
            let start =
                at + (line.len() - trimmed.len()) + 2 + (item.len() - item.trim_start().len());
            let stop = at + value_end(line, start - at);
            if let Some(s) = scalar(text, &(start..stop)) {
                out.push((s, Some(at..line_end)));
            }
        }
        at = line_end;
    }
    out
}

fn hook_checks(text: &str, all: &[Entry], i: usize, out: &mut Vec<Found>) {
    let value = &text[all[i].value.clone()];
    if value.starts_with(['|', '>']) {
        out.push(Found::new(
            "PG703",
            Category::Review,
            "a hook written as a block scalar is not read by pg2sf: check its SQL on Snowflake",
            all[i].value.clone(),
        ));
        return;
    }
    let scalars = hook_scalars(text, all, i);
    let count = scalars.len();
    for (s, item_line) in scalars {
        let sql = &text[s.content.clone()];
        let range = s.content.clone();
        match hooks::classify(sql) {
            Hook::Keep => {}
            Hook::Report { category, message } => {
                out.push(Found::new("PG703", category, message, range))
            }
            Hook::Drop { category, message } => {
                let mut f = Found::new("PG703", category, message, range);
                f.edits = match item_line {
                    // The only item: the key goes with it.
                    Some(_) if count == 1 => removal(all, i).into_iter().collect(),
                    Some(line) => vec![Edit::delete(line)],
                    None => removal(all, i).into_iter().collect(),
                };
                out.push(f);
            }
            Hook::Convert {
                category,
                message,
                output,
            } => {
                let edit = crate::dbt::minimal_edit(s.content.start, sql, &output);
                let mut f = Found::new("PG703", category, message, range);
                if fits(&s, &edit.replacement) {
                    f.edits = vec![edit];
                } else {
                    f.category = Category::Unconvertible;
                }
                out.push(f);
            }
        }
    }
}

/// Converts the SQL of a scalar read as what follows `prefix` (`select `,
/// `select 1 where `); the findings of the conversion are placed in the
/// YAML file and the rewrite, when the scalar can take it, is one edit.
fn sql_scalar(text: &str, e: &Entry, prefix: &str, what: &str, out: &mut Vec<Found>) {
    let Some(s) = scalar(text, &e.value) else {
        if !e.value.is_empty() || e.block.end > e.value.end + 1 {
            out.push(Found::new(
                "PG706",
                Category::Review,
                format!("the SQL of this `{what}` is not a one-line scalar; pg2sf did not convert it: check it on Snowflake"),
                e.block.start + e.indent..e.block.start + e.indent + e.key.len(),
            ));
        }
        return;
    };
    convert_sql(text, &s, prefix, what, out);
}

fn convert_sql(text: &str, s: &Scalar, prefix: &str, what: &str, out: &mut Vec<Found>) {
    let sql = &text[s.content.clone()];
    let wrapped = format!("{prefix}{sql}");
    let conversion = convert_text(&wrapped);
    if conversion.status == Status::Error {
        out.push(Found::new(
            "PG706",
            Category::Review,
            format!(
                "the SQL of this `{what}` could not be read as PostgreSQL; check it on Snowflake"
            ),
            s.content.clone(),
        ));
        return;
    }
    let Some(new_sql) = conversion.output.strip_prefix(prefix) else {
        return;
    };
    let edit = (new_sql != sql)
        .then(|| crate::dbt::minimal_edit(s.content.start, sql, new_sql))
        .filter(|edit| fits(s, &edit.replacement));
    let blocked = new_sql != sql && edit.is_none();
    let mut first = true;
    for d in conversion.diagnostics.iter().filter(|d| d.code != "E002") {
        let start = s.content.start + d.range.start.saturating_sub(prefix.len()).min(sql.len());
        let end = s.content.start + d.range.end.saturating_sub(prefix.len()).min(sql.len());
        let mut f = Found::new(
            &d.code,
            if blocked {
                Category::Unconvertible
            } else {
                d.category
            },
            format!("in this `{what}`: {}", d.message),
            start..end.max(start),
        );
        // The whole rewrite rides on the first finding; the others are
        // marked fixed with it when it went in.
        if d.fixed {
            if first {
                f.edits = edit.clone().into_iter().collect();
                first = false;
            } else {
                f.with_previous = true;
            }
        }
        out.push(f);
    }
}

fn accepted_values_unquoted(text: &str, all: &[Entry], quote: usize, out: &mut Vec<Found>) {
    let parent_path = &all[quote].path;
    for e in all
        .iter()
        .filter(|e| e.key == "values" && &e.path == parent_path)
    {
        let Some(inner) = text[e.value.clone()]
            .strip_prefix('[')
            .and_then(|v| v.strip_suffix(']'))
        else {
            continue;
        };
        let inner_start = e.value.start + 1;
        let mut at = 0;
        for piece in inner.split(',') {
            let lead = piece.len() - piece.trim_start().len();
            let value = inner_start + at + lead..inner_start + at + lead + piece.trim().len();
            at += piece.len() + 1;
            if let Some(s) = scalar(text, &value) {
                convert_sql(text, &s, "select ", "accepted_values (quote: false)", out);
            }
        }
    }
}

const SNOWFLAKE_TARGET: &str = "
# pg2sf: a Snowflake target for this profile. Copy it under `outputs:`,
# fill it in and point `target:` at it; the PostgreSQL target above is kept.
#
#    snowflake:
#      type: snowflake
#      account: <account identifier, e.g. xy12345.eu-west-1>
#      user: <user>
#      password: \"{{ env_var('SNOWFLAKE_PASSWORD') }}\"
#      role: <role>
#      database: <database>
#      warehouse: <warehouse>
#      schema: <schema>
#      threads: 4
";

fn profiles_check(text: &str, all: &[Entry], out: &mut Vec<Found>) {
    let has_snowflake = all
        .iter()
        .any(|e| e.key == "type" && text[e.value.clone()].trim_matches(['\'', '"']) == "snowflake");
    if has_snowflake || text.contains("pg2sf: a Snowflake target") {
        return;
    }
    // The finding sits where the template goes: the end of the file.
    let at = text.len()..text.len();
    let mut f = Found::new(
        "PG707",
        Category::Review,
        "added a commented Snowflake target template at the end of the file: fill it in and select it with `target:`",
        at,
    );
    let lead = if text.is_empty() || text.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    f.edits = vec![Edit::insert(
        text.len(),
        format!("{lead}{SNOWFLAKE_TARGET}"),
    )];
    out.push(f);
}

fn packages_check(text: &str, all: &[Entry], out: &mut Vec<Found>) {
    for e in all.iter().filter(|e| e.key == "package") {
        let name = text[e.value.clone()].trim_matches(['\'', '"']);
        if POSTGRES_ONLY_PACKAGES.contains(&name) {
            out.push(Found::new(
                "PG708",
                Category::Unconvertible,
                format!("the package `{name}` only works on PostgreSQL/Redshift: remove it and replace the macros the project uses from it"),
                e.value.clone(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_have_paths_and_blocks() {
        let text = "models:\n  - name: a\n    config:\n      indexes:\n        - columns: [id]\n      # kept\n      materialized: table\n";
        let all = entries(text);
        let idx = all.iter().find(|e| e.key == "indexes").unwrap();
        assert_eq!(idx.path, vec!["models".to_string(), "config".to_string()]);
        assert_eq!(
            &text[idx.block.clone()],
            "      indexes:\n        - columns: [id]\n"
        );
    }

    fn convert(kind: DbtFile, text: &str) -> (String, Vec<String>) {
        let c = convert_yaml(kind, text);
        let codes = c
            .diagnostics
            .iter()
            .map(|d| format!("{}:{}{}", d.line, d.code, if d.fixed { "*" } else { "" }))
            .collect();
        (c.output, codes)
    }

    #[test]
    fn removals_keep_comments_and_siblings() {
        let text = "models:\n  - name: a\n    config:\n      materialized: table  # why\n      indexes:\n        - columns: [id]\n      # kept\n      unlogged: true\n";
        let (out, codes) = convert(DbtFile::Properties, text);
        assert_eq!(
            out,
            "models:\n  - name: a\n    config:\n      materialized: table  # why\n      # kept\n"
        );
        assert_eq!(codes, vec!["5:PG701*", "8:PG702*"]);
    }

    #[test]
    fn an_emptied_config_goes_with_its_only_key() {
        let text = "models:\n  - name: a\n    config:\n      unlogged: true\n    columns: []\n";
        let (out, _) = convert(DbtFile::Properties, text);
        assert_eq!(out, "models:\n  - name: a\n    columns: []\n");
    }

    #[test]
    fn flow_mappings_are_reported_not_edited() {
        let text =
            "models:\n  - name: a\n    config: {materialized: table, indexes: [{columns: [id]}]}\n";
        let (out, codes) = convert(DbtFile::Properties, text);
        assert_eq!(out, text);
        assert_eq!(codes, vec!["3:PG701"]);
    }

    #[test]
    fn invalid_yaml_is_an_error_and_copied() {
        let text = "models: [\n";
        let c = convert_yaml(DbtFile::Properties, text);
        assert_eq!(c.status, Status::Error);
        assert_eq!(c.output, text);
    }

    #[test]
    fn block_scalar_hooks_are_reported() {
        let text = "models:\n  +post-hook: |\n    vacuum {{ this }}\n";
        let (out, codes) = convert(DbtFile::Project, text);
        assert_eq!(out, text);
        assert_eq!(codes, vec!["2:PG703"]);
    }
}
