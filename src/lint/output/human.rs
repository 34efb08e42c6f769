//! Findings rendered like rustc's diagnostics (annotate-snippets): the code
//! and message, `--> path:line:col`, the source lines with the span
//! underlined, and a `help:` with the replacement.

use annotate_snippets::{Level, Renderer, Snippet};

use super::{help, level};
use crate::lint::{FileFindings, LintFinding};
use crate::source::LineIndex;

pub fn render(files: &[FileFindings]) -> String {
    // main() has decided whether stdout gets colour (a terminal, no NO_COLOR).
    let renderer = if colored::control::SHOULD_COLORIZE.should_colorize() {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for file in files {
        let lines = LineIndex::new(&file.source);
        for f in &file.findings {
            out += &finding(&renderer, file, &lines, f);
            out += "\n\n";
        }
    }
    out
}

fn finding(renderer: &Renderer, file: &FileFindings, lines: &LineIndex, f: &LintFinding) -> String {
    let d = &f.diagnostic;
    let level = match level(d.category) {
        "error" => Level::Error,
        _ => Level::Warning,
    };
    let text = &file.source;
    let last_line = d.end_line.clamp(d.line, lines.line_count());
    let first = lines.line_range(text, d.line.min(lines.line_count()));
    let last = lines.line_range(text, last_line);
    let shown = first.start..last.end.max(first.start);
    let mut span =
        d.range.start.clamp(shown.start, shown.end)..d.range.end.clamp(shown.start, shown.end);
    // A point (a parse error's position) is shown under the character there.
    if span.is_empty() {
        if let Some(c) = text[span.start..shown.end].chars().next() {
            span.end = span.start + c.len_utf8();
        }
    }
    let span = span.start - shown.start..span.end - shown.start;
    let help = help(f, text);
    let mut message = level.title(&d.message).id(&d.code).snippet(
        Snippet::source(&text[shown.clone()])
            .line_start(d.line)
            .origin(&file.path)
            .fold(true)
            .annotation(level.span(span)),
    );
    if let Some(help) = &help {
        message = message.footer(Level::Help.title(help));
    }
    let renderer = renderer.clone();
    let rendered = renderer.render(message).to_string();
    rendered
}
