//! Suppression comments.
//!
//! * `-- noqa` at the end of a line suppresses every finding on that line;
//! * `-- noqa: PG301,PG101` only those codes (or prefixes, `PG3`);
//! * `-- pg2sf: noqa` anywhere suppresses the whole file.
//!
//! The comments are found on raw lines: a `-- noqa` inside a string literal
//! counts too, which only ever hides findings on that line.

use std::collections::HashMap;

use super::settings::Selector;

/// What one line's `-- noqa` suppresses.
#[derive(Debug, Clone, PartialEq, Eq)]
enum LineNoqa {
    All,
    Codes(Vec<Selector>),
}

/// The suppressions of one file.
#[derive(Debug, Default)]
pub struct Noqa {
    file: bool,
    /// By 1-based line.
    lines: HashMap<usize, LineNoqa>,
}

impl Noqa {
    pub fn parse(text: &str) -> Noqa {
        let mut noqa = Noqa::default();
        // Most files have none: skip the line walk.
        if !contains_ignore_case(text, "noqa") {
            return noqa;
        }
        for (index, line) in text.lines().enumerate() {
            let mut rest = line;
            while let Some(at) = rest.find("--") {
                let comment = rest[at + 2..].trim_start();
                if let Some(after) = strip_prefix_ignore_case(comment, "pg2sf:") {
                    if strip_prefix_ignore_case(after.trim_start(), "noqa").is_some() {
                        noqa.file = true;
                    }
                } else if let Some(after) = strip_prefix_ignore_case(comment, "noqa") {
                    if let Some(line_noqa) = parse_codes(after) {
                        noqa.lines.insert(index + 1, line_noqa);
                    }
                }
                rest = &rest[at + 2..];
            }
        }
        noqa
    }

    /// Whether the whole file is suppressed.
    pub fn file_exempt(&self) -> bool {
        self.file
    }

    /// Whether a finding with `code` on lines `line..=end_line` is suppressed
    /// (by a comment on its first or its last line).
    pub fn suppresses(&self, code: &str, line: usize, end_line: usize) -> bool {
        self.file
            || [line, end_line]
                .iter()
                .filter_map(|l| self.lines.get(l))
                .any(|n| match n {
                    LineNoqa::All => true,
                    LineNoqa::Codes(codes) => codes.iter().any(|c| c.matches(code)),
                })
    }
}

/// What follows `noqa`: nothing (all codes), or `: CODE, CODE`. Anything else
/// (`noqanything`) is not a noqa comment.
fn parse_codes(after: &str) -> Option<LineNoqa> {
    let after = after.trim_start();
    let Some(list) = after.strip_prefix(':') else {
        return (after.is_empty() || after.starts_with("--")).then_some(LineNoqa::All);
    };
    let codes: Vec<Selector> = list
        .split([',', ' ', '\t'])
        .take_while(|w| !w.starts_with("--"))
        .filter(|w| !w.is_empty())
        .filter_map(|w| Selector::parse(w).ok())
        .collect();
    Some(if codes.is_empty() {
        LineNoqa::All
    } else {
        LineNoqa::Codes(codes)
    })
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn contains_ignore_case(text: &str, needle: &str) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_file_suppressions() {
        let text = "select a::int4 -- noqa: PG101\n\
                    , b ~ 'x' -- NOQA\n\
                    , c::int8 -- noqa:PG3\n\
                    , d::int8 -- noqanything\n";
        let noqa = Noqa::parse(text);
        assert!(!noqa.file_exempt());
        assert!(noqa.suppresses("PG101", 1, 1));
        assert!(!noqa.suppresses("PG301", 1, 1));
        assert!(noqa.suppresses("PG301", 2, 2));
        assert!(noqa.suppresses("PG999", 1, 2));
        assert!(!noqa.suppresses("PG101", 3, 3));
        assert!(!noqa.suppresses("PG101", 4, 4));

        let file = Noqa::parse("-- pg2sf: noqa\nselect a::int4\n");
        assert!(file.file_exempt());
        assert!(file.suppresses("PG101", 2, 2));
        assert!(!Noqa::parse("select 1 -- nothing to see\n").file_exempt());
    }
}
