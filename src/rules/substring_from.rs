//! PG603: the SQL-standard `substring(s from a for b)` syntax.

use sqlparser::ast::{Expr, UnaryOperator, Value};
use sqlparser::tokenizer::Token;

use super::operand_types::{is_integer, is_non_integer};
use super::regex_match::scan_pattern;
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct SubstringFrom {
    meta: RuleMeta,
}

impl SubstringFrom {
    pub fn new() -> Self {
        SubstringFrom {
            meta: meta(
                "PG603",
                "substring-from-for",
                "SUBSTRING(… FROM … FOR …) is not Snowflake syntax",
                Category::Fix,
                docs(
                    "Rewrites `substring(s from a for b)` as `substr(s, a, b)`, `substring(s from a)` as `substr(s, a)` and `substring(s for b)` as `substr(s, 1, b)`: the function name is replaced and the `from`/`for` keywords become commas. The regular-expression form `substring(s from 'pattern')` becomes `regexp_substr(s, 'pattern', 1, 1, 'es', n)`, n being the pattern's first capturing group, or `regexp_substr(s, 'pattern', 1, 1, 's')` when it has none; non-capturing groups `(?:…)` become plain groups and are counted. The SIMILAR forms (`substring(s from p for escape)`, `substring(s similar … escape …)`) are reported, not rewritten.",
                    "Snowflake's SUBSTR/SUBSTRING take comma-separated arguments only, so the keyword form is a syntax error. With a text second argument, PostgreSQL's `substring(s from p)` is a regular-expression extraction: the part matching the first parenthesised group, else the whole match, NULL when nothing matches, `.` matching newlines. Snowflake's REGEXP_SUBSTR returns the whole match, or with the `e` parameter the group numbered by its sixth argument; `s` makes `.` match newlines. Snowflake has no `(?:…)`, so such groups become capturing ones and the group number skips them.",
                    "`substring(siret from 1 for 9)` becomes `substr(siret, 1, 9)`; `substring(code for 6)` becomes `substr(code, 1, 6)`; `substring(key from '^(?:a|b)_(.*)$')` becomes `regexp_substr(key, '^(a|b)_(.*)$', 1, 1, 'es', 2)`.",
                    "Fix when the start is absent or an integer literal ≥ 1 and the length is absent or an integer literal ≥ 0: both engines then count the same characters. Review otherwise: for a start below 1 PostgreSQL counts positions before the first character (`substring('abc' from 0 for 2)` is `'a'`) while Snowflake reads 0 as 1 and a negative start from the end; a negative length is an error in PostgreSQL and `''` in Snowflake. The pattern form is always Review: Snowflake's POSIX ERE engine picks the leftmost-longest match, so an alternation or a group's greediness can split a match differently than PostgreSQL's ARE (`^(a|ab)(.*)$`). Unconvertible (no edit) when the pattern uses other ARE-only syntax (PG301's list: `\\y`, lookarounds, back-references, non-greedy quantifiers), when a pattern with `(?:…)` also holds backslashes, when the pattern is not a string literal, or when the `from` argument's type is unknown (a column could be a position or a pattern).",
                    "https://docs.snowflake.com/en/sql-reference/functions/substr ; https://docs.snowflake.com/en/sql-reference/functions/regexp_substr ; https://www.postgresql.org/docs/current/functions-string.html (substring ( string [ FROM start ] [ FOR count ] ), substring ( string FROM pattern ))",
                ),
            ),
        }
    }
}

/// An integer literal, possibly negative.
fn int_literal(e: &Expr) -> Option<i64> {
    match e {
        Expr::Value(v) => match &v.value {
            Value::Number(n, _) => n.parse().ok(),
            _ => None,
        },
        Expr::Nested(inner) => int_literal(inner),
        Expr::UnaryOp {
            op: UnaryOperator::Minus,
            expr,
        } => int_literal(expr).map(|v| -v),
        _ => None,
    }
}

/// The `(` that encloses token `i`.
pub(super) fn enclosing_paren(cx: &RuleContext, i: usize) -> Option<usize> {
    let t = cx.tokens;
    let mut depth = 0usize;
    for j in (0..i).rev() {
        match t.token(j) {
            Token::RParen => depth += 1,
            Token::LParen => {
                if depth == 0 {
                    return Some(j);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

/// Whether a call's parentheses hold a top-level keyword argument.
pub(super) fn has_keyword_argument(
    cx: &RuleContext,
    open: usize,
    close: usize,
    words: &[&str],
) -> bool {
    let t = cx.tokens;
    let mut depth = 0i32;
    (open + 1..close).any(|j| {
        match t.token(j) {
            Token::LParen => depth += 1,
            Token::RParen => depth -= 1,
            _ => {}
        }
        depth == 0 && words.iter().any(|w| t.is_word(j, w))
    })
}

/// A pattern rewritten for Snowflake's REGEXP_SUBSTR: non-capturing groups
/// become plain groups; the number of the group PostgreSQL returns (its
/// first capturing group), or `None` when there is none (the whole match).
struct SnowflakePattern {
    text: String,
    group: Option<usize>,
}

/// Counts the groups of a PostgreSQL pattern (escaped characters skipped), turning
/// `(?:` into `(`; `None` for any other `(?` construct.
fn snowflake_pattern(p: &str) -> Option<SnowflakePattern> {
    let mut text = String::with_capacity(p.len());
    let mut opened = 0usize;
    let mut group = None;
    let mut in_bracket = false;
    let mut chars = p.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                text.push(c);
                if let Some((_, escaped)) = chars.next() {
                    text.push(escaped);
                }
            }
            '[' if !in_bracket => {
                in_bracket = true;
                text.push(c);
                // A `]` right after `[` or `[^` is a member, not the end.
                if p[i + 1..].starts_with("^]") {
                    text.push_str("^]");
                    chars.next();
                    chars.next();
                } else if p[i + 1..].starts_with(']') {
                    text.push(']');
                    chars.next();
                }
            }
            ']' if in_bracket => {
                in_bracket = false;
                text.push(c);
            }
            '(' if !in_bracket => {
                opened += 1;
                if p[i + 1..].starts_with("?:") {
                    chars.next();
                    chars.next();
                } else if p[i + 1..].starts_with('?') {
                    return None;
                } else if group.is_none() {
                    group = Some(opened);
                }
                text.push('(');
            }
            _ => text.push(c),
        }
    }
    Some(SnowflakePattern { text, group })
}

impl SubstringFrom {
    /// `substring(s from 'pattern')` → `regexp_substr(s, 'pattern', 1, 1, 'es', n)`,
    /// or `None` when the `from` argument is not one plain string literal.
    fn pattern_form(
        &self,
        cx: &RuleContext,
        name: usize,
        from: &Expr,
        range: std::ops::Range<usize>,
    ) -> Option<Finding> {
        let t = cx.tokens;
        let (first, last) = t.expr_tokens(from)?;
        if first != last {
            return None;
        }
        let Token::SingleQuotedString(pattern) = t.token(first) else {
            return None;
        };
        let literal = t.ranges[first].clone();
        let unconvertible = |why: String| {
            Finding::new(
                &self.meta,
                range.clone(),
                format!("`substring(… from '…')` not rewritten: {why}. Hint: `regexp_substr(s, pattern, 1, 1, 'es', n)` with n the number of the group PostgreSQL returns"),
            )
            .with_category(Category::Unconvertible)
        };
        let scan = scan_pattern(pattern);
        let only_non_capturing = scan
            .pg_only
            .iter()
            .all(|(what, _)| what.starts_with("non-capturing group"));
        if !only_non_capturing {
            let list = scan
                .pg_only
                .iter()
                .map(|(what, _)| what.as_str())
                .collect::<Vec<_>>()
                .join("; ");
            return Some(unconvertible(format!(
                "the pattern uses regex syntax Snowflake lacks: {list}"
            )));
        }
        let rewritten = if scan.pg_only.is_empty() {
            // Nothing to change in the literal: its backslashes are PG601's.
            let groups = snowflake_pattern(pattern)?;
            SnowflakePattern {
                text: pattern.clone(),
                group: groups.group,
            }
        } else {
            if pattern.contains('\\') {
                return Some(unconvertible(
                    "its non-capturing groups `(?:…)` would have to become plain groups in a literal that also holds backslashes".to_string(),
                ));
            }
            snowflake_pattern(pattern)?
        };
        let from_kw = t.prev_sig(first)?;
        if !t.is_word(from_kw, "from") {
            return None;
        }
        let before = t.prev_sig(from_kw)?;
        let plain = (before + 1..from_kw).all(|j| !t.is_comment(j));
        let from_span = if plain {
            t.ranges[before].end..t.ranges[from_kw].end
        } else {
            t.ranges[from_kw].clone()
        };
        let tail = match rewritten.group {
            Some(n) => format!(", 1, 1, 'es', {n}"),
            None => ", 1, 1, 's'".to_string(),
        };
        let mut edits = vec![
            Edit::replace(
                t.ranges[name].clone(),
                cx.kw_like(&t.ranges[name], "regexp_substr"),
            ),
            Edit::replace(from_span, ","),
            // After the literal, not at `)`, which may sit on a line of its own.
            Edit::insert(literal.end, tail),
        ];
        if rewritten.text != *pattern {
            edits.push(Edit::replace(
                literal,
                format!("'{}'", rewritten.text.replace('\'', "''")),
            ));
        }
        if edits.iter().any(|e| cx.touches_jinja(&e.range)) {
            return Some(unconvertible("the call overlaps Jinja".to_string()));
        }
        let groups_note = if scan.pg_only.is_empty() {
            ""
        } else {
            "; its non-capturing groups `(?:…)` became plain groups (Snowflake has none) and the group number counts them"
        };
        Some(
            Finding::new(
                &self.meta,
                range,
                format!("`substring(… from '…')` → `regexp_substr(…, 1, 1, '{}'…)`{groups_note}; check the pattern: Snowflake matches POSIX ERE leftmost-longest, so an alternation or a greedy/lazy group can split a match differently than PostgreSQL's ARE", if rewritten.group.is_some() { "es" } else { "s" }),
            )
            .with_category(Category::Review)
            .with_edits(edits),
        )
    }
}

impl Rule for SubstringFrom {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::EXPR | Hooks::TOKENS
    }

    fn expr_kinds(&self) -> ExprKinds {
        ExprKinds::SUBSTRING
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let Expr::Substring {
            expr: _,
            substring_from,
            substring_for,
            special: false,
            ..
        } = expr
        else {
            return;
        };
        let t = cx.tokens;
        // The operand's span can be incomplete (a nested `trim(…)`): the call
        // is found from the first keyword argument instead.
        let Some(arg) = substring_from.as_deref().or(substring_for.as_deref()) else {
            return;
        };
        let Some((arg_first, _)) = t.expr_tokens(arg) else {
            return;
        };
        let Some(open) = enclosing_paren(cx, arg_first) else {
            return;
        };
        let Some(name) = t.prev_sig(open) else { return };
        if !t.is_word(name, "substring") {
            return;
        }
        let Some(close) = t.matching_paren(open) else {
            return;
        };
        let range = t.ranges[name].start..t.ranges[close].end;
        // The keyword before an argument, and the text from the end of the
        // previous argument through that keyword (whitespace only) or the
        // keyword alone (a comment sits there).
        let keyword_span = |arg: &Expr, word: &str| -> Option<std::ops::Range<usize>> {
            let (arg_first, _) = t.expr_tokens(arg)?;
            let kw = t.prev_sig(arg_first)?;
            if !t.is_word(kw, word) {
                return None;
            }
            let before = t.prev_sig(kw)?;
            let plain = (before + 1..kw).all(|j| !t.is_comment(j));
            Some(if plain {
                t.ranges[before].end..t.ranges[kw].end
            } else {
                t.ranges[kw].clone()
            })
        };

        let start_ok = match substring_from.as_deref() {
            None => true,
            Some(from) => {
                if is_non_integer(from) && substring_for.is_none() {
                    if let Some(finding) = self.pattern_form(cx, name, from, range.clone()) {
                        out.push(finding);
                        return;
                    }
                }
                if is_non_integer(from) || !is_integer(from) {
                    let why = if is_non_integer(from) {
                        "with a text argument `from` takes a regular expression (PostgreSQL's ARE flavour: the first parenthesised group, else the whole match)"
                    } else {
                        "the type of the `from` argument is unknown here: a number is a start position, a text is a regular expression"
                    };
                    out.push(
                        Finding::new(
                            &self.meta,
                            range,
                            format!("`substring(… from …)` not rewritten: {why}. Hint: `substr(s, start, length)` for a position; `regexp_substr(s, pattern, 1, 1, 'e')` for a pattern, after checking it for ARE-only syntax (`(?:…)`, non-greedy quantifiers, `\\y`)"),
                        )
                        .with_category(Category::Unconvertible),
                    );
                    return;
                }
                int_literal(from).is_some_and(|v| v >= 1)
            }
        };
        let length_ok = match substring_for.as_deref() {
            None => true,
            Some(length) => int_literal(length).is_some_and(|v| v >= 0),
        };

        let mut edits = vec![Edit::replace(
            t.ranges[name].clone(),
            cx.kw_like(&t.ranges[name], "substr"),
        )];
        if let Some(from) = substring_from.as_deref() {
            let Some(span) = keyword_span(from, "from") else {
                return;
            };
            edits.push(Edit::replace(span, ","));
        }
        if let Some(length) = substring_for.as_deref() {
            let Some(span) = keyword_span(length, "for") else {
                return;
            };
            let comma = if substring_from.is_some() {
                ","
            } else {
                ", 1,"
            };
            edits.push(Edit::replace(span, comma));
        }
        if edits.iter().any(|e| cx.touches_jinja(&e.range)) {
            return;
        }
        let (category, message) = if start_ok && length_ok {
            (
                Category::Fix,
                "`substring(… from … for …)` → `substr(…, …, …)`: Snowflake has no keyword form"
                    .to_string(),
            )
        } else {
            (
                Category::Review,
                format!(
                    "`substring(… from … for …)` → `substr(…, …, …)`; check the {}: a start below 1 counts positions before the first character in PostgreSQL, while Snowflake reads 0 as 1 and a negative start from the end; a negative length is an error in PostgreSQL and '' in Snowflake",
                    if start_ok { "length" } else { "start" }
                ),
            )
        };
        out.push(
            Finding::new(&self.meta, range, message)
                .with_category(category)
                .with_edits(edits),
        );
    }

    /// A keyword-form call the expression walk could not locate is still
    /// reported, so that it never passes through silently.
    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        let t = cx.tokens;
        for (i, name) in t.calls() {
            if name != "substring" {
                continue;
            }
            let Some(open) = t.next_sig(i) else { continue };
            let Some(close) = t.matching_paren(open) else {
                continue;
            };
            if !has_keyword_argument(cx, open, close, &["from", "for", "similar"]) {
                continue;
            }
            let start = t.ranges[i].start;
            if out
                .iter()
                .any(|f| f.code == self.meta.code && f.range.start == start)
            {
                continue;
            }
            out.push(
                Finding::new(
                    &self.meta,
                    start..t.ranges[close].end,
                    "`substring(… from … for …)` not rewritten: its arguments could not be located exactly. Hint: write `substr(s, start, length)`",
                )
                .with_category(Category::Unconvertible),
            );
        }
    }
}
