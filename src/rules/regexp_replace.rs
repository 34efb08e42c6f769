//! PG320: `regexp_replace(s, p, r [, flags])`, which replaces the first match
//! in PostgreSQL unless the flags say `g`, and every match in Snowflake.

use sqlparser::ast::Expr;
use sqlparser::tokenizer::Token;

use super::function_renames::Call;
use super::regex_match::scan_pattern;
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;
use crate::source::ByteRange;

pub struct RegexpReplace {
    meta: RuleMeta,
}

impl RegexpReplace {
    pub fn new() -> Self {
        RegexpReplace {
            meta: meta(
                "PG320",
                "regexp-replace-occurrence",
                "regexp_replace replaces the first match in PostgreSQL unless `g`, every match in Snowflake",
                Category::Fix,
                docs(
                    "Completes Snowflake's argument list of `regexp_replace(s, p, r [, flags])`: without flags it inserts `, 1, 1, 's'` after the replacement (start at 1, first occurrence only, `.` matches newlines); a literal flags argument is replaced by `1, 1, '…'`, or `1, 0, '…'` when it holds `g`, with `i` carried into the parameters (`'is'`). The subject, pattern and replacement are not touched.",
                    "PostgreSQL replaces only the first match unless the flags contain `g`; Snowflake's REGEXP_REPLACE(subject, pattern, replacement, position, occurrence, parameters) replaces every match by default (occurrence 0), and its fourth argument is a position, so a flags string there is an error. PostgreSQL's `.` matches a newline by default; Snowflake's only with the `s` parameter.",
                    "`regexp_replace(phone, '[^0-9]', '')` becomes `regexp_replace(phone, '[^0-9]', '', 1, 1, 's')`; `regexp_replace(name, '\\s+', ' ', 'gi')` becomes `regexp_replace(name, '\\s+', ' ', 1, 0, 'is')`.",
                    "Fix when the pattern is a string literal without PostgreSQL-only regex syntax (the check PG301 uses) and the replacement is a string literal whose backslashes are only back-references `\\1`…`\\9` (the same characters mean the same in both engines; PG601 moves backslash literals into $$…$$). Review when the pattern or the replacement is not a string literal (not checked), when a bracket expression in the pattern holds a backslash, or when the replacement holds another backslash sequence (PostgreSQL's `\\&` is the whole match, `\\\\` a backslash; Snowflake documents only `\\n` back-references). Unconvertible (no edit) when the pattern uses PostgreSQL-only syntax, when the flags are not a string literal or hold anything but `g`, `i`, `c`, and for PostgreSQL 16's `start`/`N` forms. A NULL argument gives NULL in both engines.",
                    "https://docs.snowflake.com/en/sql-reference/functions/regexp_replace (position, occurrence: 0 replaces all; parameters; back-references `\\\\1` in the replacement) ; https://docs.snowflake.com/en/sql-reference/functions-regexp (parameters `c i m e s`, `.` and newlines, POSIX ERE) ; https://www.postgresql.org/docs/current/functions-matching.html#FUNCTIONS-POSIX-REGEXP (regexp_replace: first match unless `g`, `\\n` and `\\&` in the replacement, flags table 9.24)",
                ),
            ),
        }
    }
}

/// The value of an argument that is exactly one plain string literal.
fn literal(cx: &RuleContext, first: usize, last: usize) -> Option<String> {
    if first != last {
        return None;
    }
    let range = cx.tokens.ranges[first].clone();
    if cx.touches_jinja(&range) {
        return None;
    }
    match cx.tokens.token(first) {
        Token::SingleQuotedString(s) => Some(s.clone()),
        Token::DollarQuotedString(d) => Some(d.value.clone()),
        _ => None,
    }
}

/// Backslashes other than the back-references `\1`…`\9`.
fn other_backslash(replacement: &str) -> bool {
    let b = replacement.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' {
            if !b.get(i + 1).is_some_and(|c| (b'1'..=b'9').contains(c)) {
                return true;
            }
            i += 2;
            continue;
        }
        i += 1;
    }
    false
}

impl Rule for RegexpReplace {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::EXPR
    }

    fn expr_kinds(&self) -> ExprKinds {
        ExprKinds::FUNCTION
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let Some(call) = Call::of(expr, cx.tokens) else {
            return;
        };
        if call.name != "regexp_replace" || call.filter.is_some() || call.func.over.is_some() {
            return;
        }
        let Some(args) = call.args() else {
            return;
        };
        let t = cx.tokens;
        let mut extents = Vec::with_capacity(args.len());
        for a in &args {
            let Some(e) = t.expr_tokens(a) else {
                return;
            };
            extents.push(e);
        }
        let whole = call.range(t);
        let written = cx.src(call.name_range(t)).to_string();
        if extents.len() < 3 {
            return;
        }
        if extents.len() > 4 {
            // PostgreSQL 16's `start, N [, flags]` forms. The finding starts at
            // `start`, which is where this rule's own rewrite writes `1, …`,
            // so the rewritten call is not reported again.
            let from = t.ranges[extents[3].0].start;
            out.push(
                Finding::new(
                    &self.meta,
                    from..whole.end,
                    format!("`{written}` with start and N not rewritten: Snowflake's REGEXP_REPLACE takes position and occurrence in the same places (occurrence 0 = all, as PostgreSQL's N 0), but the flags need mapping to parameters and `.` matches newlines only with `s`; check them by hand"),
                )
                .with_category(Category::Unconvertible),
            );
            return;
        }

        // Flags → occurrence and parameters.
        let (global, insensitive, flags_range) = match extents.get(3) {
            None => (false, false, None),
            Some(&(first, last)) => {
                let range: ByteRange = t.ranges[first].start..t.ranges[last].end;
                let Some(flags) = literal(cx, first, last) else {
                    out.push(
                        Finding::new(&self.meta, whole, format!("`{written}` not rewritten: the flags argument is not a string literal, and Snowflake reads a fourth argument as a position; write `regexp_replace(s, p, r, 1, 1)` (first match) or `(s, p, r, 1, 0)` (all, flag `g`), with `'i'` as sixth argument for case-insensitive"))
                            .with_category(Category::Unconvertible),
                    );
                    return;
                };
                if let Some(bad) = flags.chars().find(|c| !matches!(c, 'g' | 'i' | 'c')) {
                    out.push(
                        Finding::new(&self.meta, whole, format!("`{written}` not rewritten: flag `{bad}` has no Snowflake parameter applied here (only `g`, `i`, `c` are converted); map it by hand (Snowflake parameters: c i m e s)"))
                            .with_category(Category::Unconvertible),
                    );
                    return;
                }
                // PostgreSQL lets the last of `i`/`c` win.
                let insensitive = flags.chars().rev().find(|c| matches!(c, 'i' | 'c')) == Some('i');
                (flags.contains('g'), insensitive, Some(range))
            }
        };

        let mut category = Category::Fix;
        let mut notes: Vec<String> = Vec::new();
        let (p_first, p_last) = extents[1];
        match literal(cx, p_first, p_last) {
            Some(p) => {
                let scan = scan_pattern(&p);
                if !scan.pg_only.is_empty() {
                    let list = scan
                        .pg_only
                        .iter()
                        .map(|(what, _)| what.as_str())
                        .collect::<Vec<_>>()
                        .join("; ");
                    out.push(
                        Finding::new(
                            &self.meta,
                            whole,
                            format!("`{written}` not rewritten: the pattern uses regex syntax Snowflake lacks: {list}"),
                        )
                        .with_category(Category::Unconvertible),
                    );
                    return;
                }
                if scan.bracket_backslash {
                    category = Category::Review;
                    notes.push("a bracket expression holds a backslash, an escape in PostgreSQL but possibly a literal `\\` in Snowflake's POSIX ERE".to_string());
                }
            }
            None => {
                category = Category::Review;
                notes.push("pattern not checked for PostgreSQL-only regex syntax (it is not a string literal)".to_string());
            }
        }
        let (r_first, r_last) = extents[2];
        match literal(cx, r_first, r_last) {
            Some(r) if other_backslash(&r) => {
                category = Category::Review;
                notes.push("the replacement holds a backslash sequence other than `\\1`…`\\9` (`\\&` is the whole match in PostgreSQL; Snowflake documents only numbered back-references)".to_string());
            }
            Some(_) => {}
            None => {
                category = Category::Review;
                notes.push("replacement not checked (it is not a string literal): PostgreSQL reads `\\&` as the whole match".to_string());
            }
        }

        let occurrence = if global { 0 } else { 1 };
        let params = if insensitive { "is" } else { "s" };
        let tail = format!("1, {occurrence}, '{params}'");
        let edits = match flags_range {
            Some(range) => vec![Edit::replace(range, tail.clone())],
            None => vec![Edit::insert(t.ranges[r_last].end, format!(", {tail}"))],
        };
        let mut message = format!(
            "`{written}` → `{written}(…, {tail})`: {} in PostgreSQL, and Snowflake replaces every match unless told the occurrence",
            if global {
                "flag `g` replaces every match"
            } else {
                "without `g` only the first match is replaced"
            }
        );
        if !notes.is_empty() {
            message.push_str("; review: ");
            message.push_str(&notes.join("; "));
        }
        out.push(
            Finding::new(&self.meta, whole, message)
                .with_category(category)
                .with_edits(edits),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::other_backslash;

    #[test]
    fn only_numbered_back_references_are_plain() {
        assert!(!other_backslash("x\\1y\\9"));
        assert!(other_backslash("\\&"));
        assert!(other_backslash("a\\\\b"));
        assert!(other_backslash("trailing\\"));
    }
}
