//! `index.html`: the reviewer's page. One self-contained file (inline CSS and
//! JavaScript, nothing fetched) with the summary, every SQL model with its
//! findings and its diff, and the documentation of every rule it cites.
//!
//! Everything is in the HTML, so the page reads without JavaScript. Each
//! model's findings and diff sit in a `<noscript>` inside its collapsed
//! `<details>`: with scripting on, the browser keeps that markup as one
//! unparsed string, and the script parses it only when the model is opened. That keeps a
//! 2,000-model page as cheap to open and filter as a list of 2,000 lines.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use rayon::prelude::*;
use similar::ChangeTag;

use super::{code_title, pipeline_code, Report, ReportDiagnostic, ReportFile};
use crate::convert::Status;
use crate::rules::Category;

/// Unchanged lines shown around a change or a finding.
const CONTEXT: usize = 3;
/// Rows of the "largest models" and "most findings" tables.
const TOP: usize = 10;

pub fn render(report: &Report) -> String {
    let mut bytes = Vec::new();
    // Writing into memory cannot fail.
    let _ = render_to(report, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}

/// Writes the page model by model, so that a project of thousands of models
/// never has the whole page in memory.
pub fn render_to(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut html = String::with_capacity(64 * 1024);
    let s = &report.summary;
    let _ = write!(
        html,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>pg2sf report: {}% of {} SQL and dbt files fully converted</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        s.fully_converted_percent, s.sql_files
    );
    html.push_str("<header><h1>pg2sf conversion report</h1>\n<nav><a href=\"#summary\">Summary</a> <a href=\"#models\">Models</a> <a href=\"#rules\">Rules</a></nav></header>\n<main>\n");
    summary_section(report, &mut html);
    models_section(report, &mut html, out)?;
    rules_section(report, &mut html);
    let _ = write!(html, "</main>\n<script>{JS}</script>\n</body>\n</html>\n");
    out.write_all(html.as_bytes())
}

fn summary_section(report: &Report, html: &mut String) {
    let s = &report.summary;
    let _ = writeln!(
        html,
        "<section id=\"summary\"><h2>Summary</h2>\n<p class=\"lead\"><strong id=\"percent\">{}%</strong> of \
         <span id=\"sql-files\">{}</span> SQL and dbt files fully converted (unchanged or converted); \
         {} files in the project, the others copied unchanged.</p>",
        s.fully_converted_percent,
        s.sql_files,
        s.files
    );
    html.push_str("<ul class=\"statuses\">\n");
    for status in Status::ALL {
        let name = status.as_str();
        let n = s.by_status.get(name).copied().unwrap_or(0);
        let _ = writeln!(
            html,
            "<li class=\"st-{name}\"><a href=\"#models\" data-filter-status=\"{name}\">\
             <span class=\"count\" data-status=\"{name}\">{n}</span> {name}</a></li>"
        );
    }
    html.push_str("</ul>\n");

    if !s.by_code.is_empty() {
        let mut models_per_code: BTreeMap<&str, usize> = BTreeMap::new();
        for f in report.sql_files() {
            for code in codes(f) {
                *models_per_code.entry(code).or_default() += 1;
            }
        }
        html.push_str(
            "<div class=\"tables\"><div><h3>Findings per rule</h3>\n<table class=\"counts\" id=\"by-code\">\
             <thead><tr><th>rule</th><th>name</th><th>category</th><th class=\"num\">findings</th><th class=\"num\">models</th></tr></thead><tbody>\n",
        );
        for (code, n) in &s.by_code {
            let (name, _) = code_title(code).unwrap_or_default();
            let category = category_of(code).map(Category::as_str).unwrap_or("");
            let _ = writeln!(
                html,
                "<tr data-code=\"{c}\"><td><a href=\"#rules/{c}\">{c}</a></td><td>{}</td><td>{category}</td>\
                 <td class=\"num count\">{n}</td><td class=\"num\"><a href=\"#models\" data-filter-code=\"{c}\">{}</a></td></tr>",
                esc(&name),
                models_per_code.get(code.as_str()).copied().unwrap_or(0),
                c = esc(code),
            );
        }
        html.push_str("</tbody></table></div>\n");
    } else {
        html.push_str("<div class=\"tables\">");
    }

    let mut largest: Vec<&ReportFile> = report.sql_files().filter(|f| f.lines() > 0).collect();
    // Counting a model's lines is a walk over its text: once per model.
    largest.sort_by_cached_key(|f| (std::cmp::Reverse(f.lines()), f.path.as_str()));
    top_table(html, "Largest models", "largest", &largest);
    let mut busiest: Vec<&ReportFile> = report
        .sql_files()
        .filter(|f| !f.diagnostics.is_empty())
        .collect();
    busiest.sort_by_key(|f| (std::cmp::Reverse(f.diagnostics.len()), f.path.as_str()));
    top_table(html, "Most findings", "busiest", &busiest);
    html.push_str("</div></section>\n");
}

fn top_table(html: &mut String, title: &str, id: &str, files: &[&ReportFile]) {
    if files.is_empty() {
        return;
    }
    let _ = writeln!(
        html,
        "<div><h3>{title}</h3>\n<table class=\"counts\" id=\"{id}\"><thead><tr><th>model</th><th>status</th>\
         <th class=\"num\">lines</th><th class=\"num\">findings</th></tr></thead><tbody>"
    );
    for f in files.iter().take(TOP) {
        let _ = writeln!(
            html,
            "<tr><td><a href=\"#{}\">{}</a></td><td class=\"st-{st}\">{st}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            href(&model_id(&f.path)),
            esc(&f.path),
            f.lines(),
            f.diagnostics.len(),
            st = f.status.as_str(),
        );
    }
    html.push_str("</tbody></table></div>\n");
}

fn models_section(
    report: &Report,
    html: &mut String,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let s = &report.summary;
    html.push_str("<section id=\"models\"><h2>Models</h2>\n<form id=\"filters\" class=\"js-only\" onsubmit=\"return false\">\n");
    html.push_str("<label>Status <select id=\"f-status\"><option value=\"\">all</option>");
    for status in Status::ALL {
        let name = status.as_str();
        let _ = write!(
            html,
            "<option value=\"{name}\">{name} ({})</option>",
            s.by_status.get(name).copied().unwrap_or(0)
        );
    }
    html.push_str(
        "</select></label>\n<label>Rule <select id=\"f-code\"><option value=\"\">all</option>",
    );
    for (code, n) in &s.by_code {
        let _ = write!(
            html,
            "<option value=\"{c}\">{c} ({n})</option>",
            c = esc(code)
        );
    }
    html.push_str(
        "</select></label>\n<label>Path <input id=\"f-path\" type=\"search\" placeholder=\"part of a path\" autocomplete=\"off\"></label>\n\
         <span class=\"view\">Diff: <label><input type=\"radio\" name=\"view\" value=\"sbs\" checked> side by side</label> \
         <label><input type=\"radio\" name=\"view\" value=\"uni\"> unified</label></span>\n",
    );
    let _ = writeln!(
        html,
        "<output id=\"shown-line\"><span id=\"shown\">{n}</span> of <span id=\"total\">{n}</span> models shown</output>\n</form>",
        n = s.sql_files
    );
    html.push_str("<div id=\"model-list\">\n");
    out.write_all(html.as_bytes())?;
    html.clear();
    // Models are rendered in parallel a batch at a time (their diffs are most
    // of the page's cost) and written in path order.
    let files: Vec<&ReportFile> = report.sql_files().collect();
    for batch in files.chunks(256) {
        let pieces: Vec<String> = batch
            .par_iter()
            .map(|f| {
                let mut piece = String::new();
                model(f, &mut piece);
                piece
            })
            .collect();
        for piece in pieces {
            out.write_all(piece.as_bytes())?;
        }
    }
    html.push_str("</div>\n<p id=\"none\" class=\"js-only\" hidden>No model matches these filters.</p>\n</section>\n");
    Ok(())
}

/// The distinct codes of a file's findings, sorted.
fn codes(f: &ReportFile) -> BTreeSet<&str> {
    f.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

fn model(f: &ReportFile, html: &mut String) {
    let id = model_id(&f.path);
    let codes = codes(f);
    let status = f.status.as_str();
    let _ = write!(
        html,
        "<details class=\"model\" id=\"{}\" data-status=\"{status}\" data-codes=\" {} \" data-path=\"{}\">\
         <summary><span class=\"badge st-{status}\">{status}</span> <code class=\"path\">{}</code>",
        esc(&id),
        esc(&codes.iter().copied().collect::<Vec<_>>().join(" ")),
        esc(&f.path.to_lowercase()),
        esc(&f.path),
    );
    if !f.diagnostics.is_empty() {
        let n = f.diagnostics.len();
        let _ = write!(
            html,
            " <span class=\"meta\">{n} finding{}: {}</span>",
            if n == 1 { "" } else { "s" },
            esc(&codes.iter().copied().collect::<Vec<_>>().join(" "))
        );
    }
    // A line's anchor is the model's and `/L<n>`, which need no escaping.
    let id_href = href(&id);
    let _ = writeln!(
        html,
        " <a class=\"self\" href=\"#{id_href}\" title=\"link to this model\">#</a></summary>"
    );
    // The body is markup to the browser only without scripting; the script
    // parses it when the model is opened.
    html.push_str("<div class=\"body\"><noscript class=\"lazy\">\n");
    // Each finding's text shows twice: in the list and under its line.
    let texts: Vec<String> = f.diagnostics.iter().map(finding_text).collect();
    if !f.diagnostics.is_empty() {
        html.push_str("<ol class=\"findings\">\n");
        for (d, text) in f.diagnostics.iter().zip(&texts) {
            let _ = writeln!(
                html,
                "<li class=\"cat-{}\"><a class=\"loc\" href=\"#{id_href}/L{}\">line {}, column {}</a> {text}</li>",
                d.category.as_str(),
                d.line,
                d.line,
                d.column,
            );
        }
        html.push_str("</ol>\n");
    }
    if f.source.is_none() {
        html.push_str("<p class=\"nodiff\">No text to show: the file could not be read, and it is copied unchanged.</p>\n");
    } else if !f.changed() && f.diagnostics.is_empty() {
        html.push_str("<p class=\"nodiff\">Nothing to convert: the output is the input.</p>\n");
    } else {
        if !f.changed() {
            html.push_str("<p class=\"nodiff\">The output is the input; the lines of each finding are shown.</p>\n");
        }
        diff_tables(f, &id, &texts, html);
    }
    html.push_str("</noscript></div></details>\n");
}

/// Code (linked to its documentation), category, whether it was rewritten,
/// and the message.
fn finding_text(d: &ReportDiagnostic) -> String {
    format!(
        "<a class=\"code\" href=\"#rules/{c}\">{c}</a> <span class=\"cat\">{}</span>{} <span class=\"msg\">{}</span>",
        d.category.as_str(),
        if d.fixed {
            " <span class=\"fixed\">rewritten</span>"
        } else {
            ""
        },
        inline_code(&d.message),
        c = esc(&d.code),
    )
}

/// One line of a diff: its 1-based number and its text (without the line
/// ending) in runs, each emphasised when it is a word-level change.
struct Line<'t> {
    number: usize,
    runs: Runs<'t>,
}

/// A line's text: an unchanged line as it is (most lines of a model, and
/// most are never shown), a changed one in its word-level runs.
#[derive(Debug)]
enum Runs<'t> {
    Plain(&'t str),
    Inline(Vec<(bool, &'t str)>),
}

/// A side-by-side row: the old line, the new line, or both.
struct Row<'t> {
    old: Option<Line<'t>>,
    new: Option<Line<'t>>,
    equal: bool,
}

fn diff_rows<'t>(diff: &'t similar::TextDiff<'t, 't, 't, str>) -> Vec<Row<'t>> {
    let lines = diff.old_slices();
    let mut rows = Vec::new();
    for op in diff.ops() {
        if let similar::DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = *op
        {
            for k in 0..len {
                let text = lines
                    .get(old_index + k)
                    .map_or("", |l| l.trim_end_matches(['\n', '\r']));
                rows.push(Row {
                    old: Some(Line {
                        number: old_index + k + 1,
                        runs: Runs::Plain(text),
                    }),
                    new: Some(Line {
                        number: new_index + k + 1,
                        runs: Runs::Plain(text),
                    }),
                    equal: true,
                });
            }
            continue;
        }
        let (mut olds, mut news) = (Vec::new(), Vec::new());
        for change in diff.iter_inline_changes(op) {
            let mut runs: Vec<(bool, &'t str)> = change.values().to_vec();
            strip_line_end(&mut runs);
            match change.tag() {
                ChangeTag::Equal => {}
                ChangeTag::Delete => olds.extend(change.old_index().map(|i| Line {
                    number: i + 1,
                    runs: Runs::Inline(runs),
                })),
                ChangeTag::Insert => news.extend(change.new_index().map(|i| Line {
                    number: i + 1,
                    runs: Runs::Inline(runs),
                })),
            }
        }
        let (mut olds, mut news) = (olds.into_iter(), news.into_iter());
        loop {
            let (old, new) = (olds.next(), news.next());
            if old.is_none() && new.is_none() {
                break;
            }
            rows.push(Row {
                old,
                new,
                equal: false,
            });
        }
    }
    rows
}

/// The rows of a model's table: a changed model's from its diff; for a model
/// whose output is its input, its lines, a row made only for each line shown
/// (most are not: only those around its findings).
enum Rows<'t> {
    Diff(Vec<Row<'t>>),
    Unchanged(Vec<&'t str>),
}

impl Rows<'_> {
    fn len(&self) -> usize {
        match self {
            Rows::Diff(rows) => rows.len(),
            Rows::Unchanged(lines) => lines.len(),
        }
    }
}

/// Row `i` of a model whose output is its input: line `i + 1` on both sides.
fn unchanged_row_at(i: usize, line: &str) -> Row<'_> {
    let runs = || Runs::Plain(line.trim_end_matches(['\n', '\r']));
    Row {
        old: Some(Line {
            number: i + 1,
            runs: runs(),
        }),
        new: Some(Line {
            number: i + 1,
            runs: runs(),
        }),
        equal: true,
    }
}

fn strip_line_end(runs: &mut Vec<(bool, &str)>) {
    while let Some((_, last)) = runs.last_mut() {
        *last = last.trim_end_matches(['\n', '\r']);
        if !last.is_empty() {
            break;
        }
        runs.pop();
    }
}

/// The side-by-side table of a file, showing the changed lines and the lines
/// of its findings with `CONTEXT` lines around them. The script derives the
/// unified view from it.
fn diff_tables(f: &ReportFile, id: &str, texts: &[String], html: &mut String) {
    let (lines, diff);
    let rows = if f.changed() {
        lines = super::lines(f.before(), f.after());
        diff = lines.diff();
        Rows::Diff(diff_rows(&diff))
    } else {
        Rows::Unchanged(super::split_lines(f.before()).collect())
    };
    let total = rows.len();
    // A line's anchor is the model's and `/L<n>`, which need no escaping.
    let id_esc = esc(id);
    let bom = usize::from(f.before().starts_with('\u{feff}'));

    // Findings by the original line they start on; unconvertible spans by
    // each original line they cover, in characters.
    let mut notes: BTreeMap<usize, Vec<(&ReportDiagnostic, &str)>> = BTreeMap::new();
    let mut marks: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for (d, text) in f.diagnostics.iter().zip(texts) {
        notes.entry(d.line).or_default().push((d, text));
        if d.category != Category::Unconvertible {
            continue;
        }
        for line in d.line..=d.end_line.max(d.line) {
            let shift = if line == 1 { bom } else { 0 };
            let start = if line == d.line {
                d.column.saturating_sub(1)
            } else {
                0
            } + shift;
            let end = if line == d.end_line {
                (d.end_column.saturating_sub(1) + shift).max(start + 1)
            } else {
                usize::MAX
            };
            marks.entry(line).or_default().push((start, end));
        }
    }

    let interesting: Vec<bool> = match &rows {
        Rows::Diff(rows) => rows
            .iter()
            .map(|r| {
                !r.equal
                    || r.old.as_ref().is_some_and(|l| {
                        notes.contains_key(&l.number) || marks.contains_key(&l.number)
                    })
            })
            .collect(),
        Rows::Unchanged(_) => {
            // Row i is line i + 1 on both sides.
            let mut interesting = vec![false; total];
            for &number in notes.keys().chain(marks.keys()) {
                if let Some(x) = number.checked_sub(1).and_then(|i| interesting.get_mut(i)) {
                    *x = true;
                }
            }
            interesting
        }
    };
    let mut keep = vec![false; total];
    for (i, _) in interesting.iter().enumerate().filter(|(_, x)| **x) {
        let from = i.saturating_sub(CONTEXT);
        let to = (i + CONTEXT).min(total.saturating_sub(1));
        keep[from..=to].iter_mut().for_each(|k| *k = true);
    }

    let mut sbs = String::from(
        "<table class=\"sbs\"><colgroup><col class=\"n\"><col><col class=\"n\"><col></colgroup>\
         <thead><tr><th colspan=\"2\">PostgreSQL (input)</th><th colspan=\"2\">Snowflake (output)</th></tr></thead><tbody>",
    );
    let mut i = 0;
    while i < total {
        if !keep[i] {
            let skipped = keep[i..].iter().take_while(|k| !**k).count();
            let _ = write!(
                sbs,
                "<tr class=\"gap\"><td colspan=\"4\">⋯ {skipped} unchanged line{}</td></tr>",
                if skipped == 1 { "" } else { "s" }
            );
            i += skipped;
            continue;
        }
        let unchanged_row;
        let row = match &rows {
            Rows::Diff(rows) => &rows[i],
            Rows::Unchanged(lines) => {
                unchanged_row = unchanged_row_at(i, lines[i]);
                &unchanged_row
            }
        };
        // Every old line carries its number for the script; the lines a
        // finding starts on also carry the anchor that findings link to.
        let anchor = match &row.old {
            Some(l) if notes.contains_key(&l.number) => {
                format!(" id=\"{id_esc}/L{n}\" data-l=\"{n}\"", n = l.number)
            }
            Some(l) => format!(" data-l=\"{}\"", l.number),
            None => String::new(),
        };
        let (old_class, new_class) = if row.equal {
            ("t", "t")
        } else {
            ("t d", "t a")
        };
        let _ = write!(
            sbs,
            "<tr class=\"{}\"{anchor}>",
            if row.equal { "e" } else { "c" }
        );
        // Unconvertible spans are positions in the original: old side only.
        for (line, class, marks) in [
            (&row.old, old_class, Some(&marks)),
            (&row.new, new_class, None),
        ] {
            match line {
                Some(l) => {
                    let _ = write!(
                        sbs,
                        "<td class=\"n\">{}</td><td class=\"{class}\">{}</td>",
                        l.number,
                        line_html(&l.runs, marks.and_then(|m| m.get(&l.number)))
                    );
                }
                None => sbs.push_str("<td class=\"n\"></td><td class=\"t x\"></td>"),
            }
        }
        sbs.push_str("</tr>");
        if let Some(ds) = row.old.as_ref().and_then(|l| notes.get(&l.number)) {
            for (d, text) in ds {
                let _ = write!(
                    sbs,
                    "<tr class=\"note cat-{}\"><td colspan=\"4\">{text}</td></tr>",
                    d.category.as_str(),
                );
            }
        }
        i += 1;
    }
    sbs.push_str("</tbody></table>");
    html.push_str(&sbs);
}

/// A line's text with its word-level changes in `<em>` and the unconvertible
/// spans (character ranges) in `<mark>`.
fn line_html(runs: &Runs, marks: Option<&Vec<(usize, usize)>>) -> String {
    let mut out = String::new();
    if marks.is_none_or(|m| m.is_empty()) {
        // No span marked (nearly every line): the runs as they are, those
        // next to each other with the same emphasis in one piece, as the
        // character walk below makes them.
        match runs {
            Runs::Plain(text) => esc_into(&mut out, text),
            Runs::Inline(runs) => {
                let mut open: Option<bool> = None;
                for (emph, text) in runs.iter().filter(|(_, t)| !t.is_empty()) {
                    if open != Some(*emph) {
                        if open == Some(true) {
                            out.push_str("</em>");
                        }
                        if *emph {
                            out.push_str("<em>");
                        }
                        open = Some(*emph);
                    }
                    esc_into(&mut out, text);
                }
                if open == Some(true) {
                    out.push_str("</em>");
                }
            }
        }
        return out;
    }
    let marked = |pos: usize| marks.is_some_and(|m| m.iter().any(|(a, b)| *a <= pos && pos < *b));
    let mut pos = 0;
    let mut piece = String::new();
    let mut state: Option<(bool, bool)> = None;
    let flush = |out: &mut String, piece: &mut String, state: Option<(bool, bool)>| {
        if piece.is_empty() {
            return;
        }
        let (emph, mark) = state.unwrap_or_default();
        let text = esc(piece);
        let text = if emph {
            format!("<em>{text}</em>")
        } else {
            text
        };
        if mark {
            let _ = write!(out, "<mark title=\"not converted\">{text}</mark>");
        } else {
            out.push_str(&text);
        }
        piece.clear();
    };
    let runs: Vec<(bool, &str)> = match runs {
        Runs::Plain(text) => vec![(false, text)],
        Runs::Inline(runs) => runs.clone(),
    };
    for (emph, text) in runs {
        for ch in text.chars() {
            let now = Some((emph, marked(pos)));
            if now != state {
                flush(&mut out, &mut piece, state);
                state = now;
            }
            piece.push(ch);
            pos += 1;
        }
    }
    flush(&mut out, &mut piece, state);
    out
}

fn rules_section(report: &Report, html: &mut String) {
    html.push_str("<section id=\"rules\"><h2>Rules</h2>\n<p>The rules and checks behind the findings above; <code>pg2sf explain CODE</code> prints the same text.</p>\n");
    for code in report.summary.by_code.keys() {
        let c = esc(code);
        if let Some(rule) = crate::rules::find(code) {
            let m = rule.meta();
            let _ = writeln!(
                html,
                "<article class=\"rule\" id=\"rules/{c}\"><h3>{c} <span class=\"name\">{}</span></h3>\n\
                 <p class=\"summary\">{}</p><p>Category: <span class=\"cat\">{}</span></p>\n{}</article>",
                esc(&m.name),
                inline_code(&m.summary),
                m.category.as_str(),
                docs_html(&m.docs)
            );
        } else if let Some((name, text)) = pipeline_code(code) {
            let _ = writeln!(
                html,
                "<article class=\"rule\" id=\"rules/{c}\"><h3>{c} <span class=\"name\">{name}</span></h3>\n<p>{}</p></article>",
                inline_code(text)
            );
        } else {
            let _ = writeln!(
                html,
                "<article class=\"rule\" id=\"rules/{c}\"><h3>{c}</h3>\n<p>This version of pg2sf has no documentation for this code.</p></article>"
            );
        }
    }
    html.push_str("</section>\n");
}

/// The category a code's findings have: the rule's, or `error` for the
/// pipeline's `E` codes.
fn category_of(code: &str) -> Option<Category> {
    match crate::rules::find(code) {
        Some(rule) => Some(rule.meta().category),
        None => pipeline_code(code).map(|_| Category::Error),
    }
}

/// A rule's docs: `## Heading` lines and paragraphs with `code` spans.
fn docs_html(docs: &str) -> String {
    let mut out = String::new();
    for block in docs.split("\n\n") {
        let block = block.trim();
        if block.is_empty() {
            continue;
        }
        let (heading, body) = match block.strip_prefix("## ") {
            Some(rest) => match rest.split_once('\n') {
                Some((h, b)) => (Some(h), b),
                None => (Some(rest), ""),
            },
            None => (None, block),
        };
        if let Some(h) = heading {
            let _ = write!(out, "<h4>{}</h4>", esc(h));
        }
        if !body.trim().is_empty() {
            let _ = write!(out, "<p>{}</p>", inline_code(body.trim()));
        }
    }
    out
}

/// Escaped text with its `backtick spans` as `<code>`.
fn inline_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    // An odd number of backticks has one without its pair: plain text.
    if text.bytes().filter(|&b| b == b'`').count() % 2 == 1 {
        esc_into(&mut out, text);
        return out;
    }
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str("<code>");
            esc_into(&mut out, part);
            out.push_str("</code>");
        } else {
            esc_into(&mut out, part);
        }
    }
    out
}

/// The stable anchor of a model: `models/<path>`.
pub fn model_id(path: &str) -> String {
    format!("models/{path}")
}

/// An `href` fragment: the id, percent-encoded where a URL needs it, then
/// escaped for the attribute.
fn href(id: &str) -> String {
    let mut out = String::new();
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    esc(&out)
}

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    esc_into(&mut out, s);
    out
}

/// [`esc`], appended to `out`.
fn esc_into(out: &mut String, s: &str) {
    // Most of a page is SQL without markup characters: copy the stretches
    // between them whole.
    let mut copied = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[copied..i]);
        out.push_str(entity);
        copied = i + 1;
    }
    out.push_str(&s[copied..]);
}

const CSS: &str = r#"
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg2:#f6f8fa;--del:#ffebe9;--del-em:#ffb3ad;--add:#e6ffec;--add-em:#9be9a8;--mark:#fbe3ff;
--unchanged:#59636e;--converted:#1a7f37;--review:#9a6700;--unconvertible:#8250df;--error:#cf222e}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg)}
header{padding:12px 24px;border-bottom:1px solid var(--line);background:var(--bg2);display:flex;gap:24px;align-items:baseline}
header h1{font-size:20px;margin:0}header nav a{margin-right:12px}
main{padding:0 24px 48px;max-width:1600px}
h2{border-bottom:1px solid var(--line);padding-bottom:4px;margin-top:28px}
a{color:#0969da;text-decoration:none}a:hover{text-decoration:underline}
code,.t,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
.lead{font-size:16px}.lead strong{font-size:22px}
.statuses{list-style:none;padding:0;display:flex;gap:10px;flex-wrap:wrap}
.statuses li a{display:block;border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:120px;color:var(--fg)}
.statuses .count{display:block;font-size:22px;font-weight:600}
.st-unchanged{--c:var(--unchanged)}.st-converted{--c:var(--converted)}.st-review{--c:var(--review)}.st-unconvertible{--c:var(--unconvertible)}.st-error{--c:var(--error)}
.statuses li a{border-left:5px solid var(--c)}td[class^=st-]{color:var(--c)}
.tables{display:flex;gap:28px;flex-wrap:wrap;align-items:flex-start}.tables h3{margin:8px 0 4px}
table.counts{border-collapse:collapse;margin:6px 0 12px}table.counts td,table.counts th{border:1px solid var(--line);padding:3px 10px;text-align:left}
.num{text-align:right!important}
#filters{position:sticky;top:0;z-index:2;background:#fff;padding:8px 0;border-bottom:1px solid var(--line);display:flex;gap:16px;flex-wrap:wrap;align-items:center}
html:not(.js) .js-only{display:none!important}
details.model{border:1px solid var(--line);border-radius:6px;margin:6px 0}
details.model:not([open]){content-visibility:auto;contain-intrinsic-size:auto 34px}
details.model>summary{padding:6px 10px;cursor:pointer;background:var(--bg2);border-radius:6px}
details.model[open]>summary{border-bottom:1px solid var(--line);border-radius:6px 6px 0 0}
.badge{display:inline-block;min-width:96px;text-align:center;border-radius:10px;padding:0 8px;color:#fff;background:var(--c);font-size:12px}
.meta{color:var(--muted);margin-left:8px}.self{color:var(--muted);margin-left:6px}
.body{padding:6px 10px}
.findings{margin:4px 0 8px;padding-left:22px}.findings li{margin:2px 0}
.code{font-weight:600;font-family:ui-monospace,monospace}
.cat{border-radius:4px;padding:0 5px;font-size:12px;background:var(--bg2);border:1px solid var(--line)}
.cat-unconvertible .cat{background:var(--mark)}.cat-review .cat{background:#fff8c5}.cat-error .cat{background:var(--del)}
.fixed{font-size:12px;color:var(--converted)}
.nodiff{color:var(--muted)}
table.sbs,table.uni{width:100%;border-collapse:collapse;table-layout:fixed;margin:6px 0}
html.uni table.sbs,html:not(.uni) table.uni{display:none}
col.n{width:3.6em}
td.n{color:var(--muted);text-align:right;padding:0 6px;vertical-align:top;user-select:none;font-family:ui-monospace,monospace;font-size:12px}
td.t{white-space:pre-wrap;word-break:break-all;padding:0 6px;tab-size:4}
th{font-weight:600;text-align:left;padding:3px 6px;background:var(--bg2)}
table.sbs td.t.d,table.uni tr.d td{background:var(--del)}table.sbs td.t.a,table.uni tr.a td{background:var(--add)}
td.t.x{background:var(--bg2)}
.d em,tr.d em{background:var(--del-em);font-style:normal}.a em,tr.a em{background:var(--add-em);font-style:normal}
mark{background:var(--mark);text-decoration:underline wavy var(--unconvertible);text-underline-offset:3px;color:inherit}
tr.note td{padding:3px 10px 3px 4.2em;background:#fffbeb;border-top:1px solid #f0e6b8;border-bottom:1px solid #f0e6b8;font-size:13px}
tr.note.cat-unconvertible td{background:#faf0ff;border-color:#e6d3f5}tr.note.cat-fix td{background:#f0fbf3;border-color:#cdebd6}
tr.gap td{color:var(--muted);background:var(--bg2);padding:1px 8px;font-size:12px}
tr.target{outline:2px solid #0969da;outline-offset:-1px}
article.rule{border-top:1px solid var(--line);padding:4px 0}article.rule h3 .name{font-weight:400;color:var(--muted)}
article.rule h4{margin:8px 0 2px}article.rule p{margin:2px 0 6px;max-width:1000px;overflow-wrap:anywhere}
:target{scroll-margin-top:60px}
"#;

const JS: &str = r#"
(function () {
  "use strict";
  var doc = document, root = doc.documentElement;
  root.classList.add("js");
  var models = Array.prototype.slice.call(doc.querySelectorAll("details.model"));
  var fStatus = doc.getElementById("f-status"), fCode = doc.getElementById("f-code");
  var fPath = doc.getElementById("f-path"), shown = doc.getElementById("shown");
  var none = doc.getElementById("none");

  function apply() {
    var st = fStatus.value, code = fCode.value ? " " + fCode.value + " " : "";
    var q = fPath.value.trim().toLowerCase(), n = 0;
    for (var i = 0; i < models.length; i++) {
      var m = models[i], d = m.dataset;
      var ok = (!st || d.status === st) && (!code || d.codes.indexOf(code) >= 0) &&
        (!q || d.path.indexOf(q) >= 0);
      if (m.hidden === ok) m.hidden = !ok;
      if (ok) n++;
    }
    shown.textContent = n;
    none.hidden = n > 0;
  }
  var timer = 0;
  fPath.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(apply, 60);
  });
  fStatus.addEventListener("change", apply);
  fCode.addEventListener("change", apply);
  doc.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("[data-filter-status],[data-filter-code]");
    if (!a) return;
    if (a.hasAttribute("data-filter-status")) { fStatus.value = a.getAttribute("data-filter-status"); fCode.value = ""; }
    else { fCode.value = a.getAttribute("data-filter-code"); fStatus.value = ""; }
    fPath.value = "";
    apply();
  });
  Array.prototype.forEach.call(doc.querySelectorAll("input[name=view]"), function (r) {
    r.addEventListener("change", function () {
      root.classList.toggle("uni", r.value === "uni" && r.checked);
      if (root.classList.contains("uni")) Array.prototype.forEach.call(doc.querySelectorAll("details.model[open]"), unify);
    });
  });

  // A model's diff is turned from text into a table when it is opened.
  function render(m) {
    var ns = m.querySelector("noscript.lazy");
    if (ns) {
      var div = doc.createElement("div");
      div.innerHTML = ns.textContent;
      ns.parentNode.replaceChild(div, ns);
    }
    if (root.classList.contains("uni")) unify(m);
  }

  // The unified view of a model, from its side-by-side rows: each run of
  // changed rows becomes its old lines, then its new lines.
  function unify(m) {
    var sbs = m.querySelector("table.sbs");
    if (!sbs || m.querySelector("table.uni")) return;
    var table = doc.createElement("table"), body = doc.createElement("tbody"), added = [];
    table.className = "uni";
    table.innerHTML = '<colgroup><col class="n"><col class="n"><col></colgroup>';
    function line(cls, oldNo, newNo, cell, l) {
      var tr = doc.createElement("tr");
      tr.className = cls;
      if (l) tr.setAttribute("data-l", l);
      tr.innerHTML = '<td class="n">' + oldNo + '</td><td class="n">' + newNo + '</td><td class="t"></td>';
      tr.cells[2].innerHTML = cell.innerHTML;
      return tr;
    }
    function flush() { added.forEach(function (tr) { body.appendChild(tr); }); added = []; }
    Array.prototype.forEach.call(sbs.tBodies[0].rows, function (tr) {
      var c = tr.cells;
      if (tr.classList.contains("gap") || tr.classList.contains("note")) {
        if (tr.classList.contains("gap")) flush();
        var copy = tr.cloneNode(true);
        copy.removeAttribute("id");
        copy.cells[0].colSpan = 3;
        body.appendChild(copy);
      } else if (tr.classList.contains("e")) {
        flush();
        body.appendChild(line("e", c[0].textContent, c[2].textContent, c[1], tr.getAttribute("data-l")));
      } else {
        if (c[0].textContent) body.appendChild(line("d", c[0].textContent, "", c[1], tr.getAttribute("data-l")));
        if (c[2].textContent) added.push(line("a", "", c[2].textContent, c[3]));
      }
    });
    flush();
    table.appendChild(body);
    sbs.parentNode.insertBefore(table, sbs.nextSibling);
  }
  doc.addEventListener("toggle", function (e) {
    var m = e.target;
    if (m.classList && m.classList.contains("model") && m.open) render(m);
  }, true);

  function go() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (err) { return; }
    if (id.indexOf("models/") !== 0) return;
    var line = /\/L(\d+)$/.exec(id), m = doc.getElementById(id);
    if (!(m && m.classList.contains("model")) && line) m = doc.getElementById(id.slice(0, line.index));
    if (!m || !m.classList.contains("model")) return;
    if (m.hidden) { fStatus.value = ""; fCode.value = ""; fPath.value = ""; apply(); }
    m.open = true;
    render(m);
    var target = m;
    if (line) {
      var table = m.querySelector(root.classList.contains("uni") ? "table.uni" : "table.sbs");
      target = (table && table.querySelector('tr[data-l="' + line[1] + '"]')) || m;
    }
    var old = doc.querySelector(".target");
    if (old) old.classList.remove("target");
    if (target !== m) target.classList.add("target");
    target.scrollIntoView({ block: line ? "center" : "start" });
  }
  window.addEventListener("hashchange", go);
  go();
  apply();
})();
"#;

#[cfg(test)]
mod tests {
    /// A line with no span marked is written from its runs whole; the
    /// character walk that marks spans must give the same markup for it
    /// (a mark past the line's end marks nothing).
    #[test]
    fn unmarked_lines_are_what_the_character_walk_gives() {
        use super::{line_html, Runs};
        let pieces = ["", "a", "<b>", "é&", "'\"", " x "];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let nothing = vec![(usize::MAX, usize::MAX)];
        for _ in 0..2_000 {
            let runs: Vec<(bool, &str)> = (0..next(6))
                .map(|_| (next(2) == 1, pieces[next(pieces.len())]))
                .collect();
            let plain: String = runs.iter().map(|(_, t)| *t).collect();
            for runs in [Runs::Inline(runs.clone()), Runs::Plain(&plain)] {
                assert_eq!(
                    line_html(&runs, None),
                    line_html(&runs, Some(&nothing)),
                    "{runs:?}"
                );
            }
        }
    }
}
