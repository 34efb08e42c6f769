//! PG301: the regex match operators `~`, `~*`, `!~`, `!~*`.

use sqlparser::ast::{BinaryOperator, Expr, Value};
use sqlparser::keywords::Keyword;
use sqlparser::tokenizer::Token;

use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct RegexMatch {
    meta: RuleMeta,
}

impl RegexMatch {
    pub fn new() -> Self {
        RegexMatch {
            meta: meta(
                "PG301",
                "regex-match-operator",
                "Snowflake has no `~` operators, and its REGEXP_LIKE/RLIKE match the whole string",
                Category::Fix,
                docs(
                    "Rewrites `a ~ p`, `a ~* p`, `a !~ p` and `a !~* p` as `regexp_instr(a, p, 1, 1, 0, 's') > 0` (`'is'` for the case-insensitive forms, `= 0` for the negated ones), by inserting text around the operands and replacing the operator with a comma. A string-literal pattern is checked for regex syntax that only PostgreSQL's ARE flavour has.",
                    "Snowflake has none of these operators. Its REGEXP_LIKE/RLIKE/REGEXP are anchored at both ends (`'abc'` means `'^abc$'`), while PostgreSQL's `~` searches for the pattern anywhere in the string, so a naive `rlike` silently turns most filters into near-empty ones. REGEXP_INSTR searches like `~` does and returns 0 when there is no match. PostgreSQL's `.` matches a newline by default; Snowflake's `.` does so only with the `s` parameter. Snowflake patterns are POSIX ERE plus `\\d \\s \\w \\b` (and their negations): no `\\y \\m \\M \\A \\Z`, no lookaround, no `(?:…)` or embedded options, no non-greedy quantifiers, no back-references in the pattern, no `[[:<:]]`/`[[:>:]]`.",
                    "`where email ~ '@' and name !~* '^test'` becomes `where regexp_instr(email, '@', 1, 1, 0, 's') > 0 and regexp_instr(name, '^test', 1, 1, 0, 'is') = 0`. Where the comparison could bind differently from `~` (e.g. `flag = x ~ 'a'`, `x ~ 'a' is true`), the rewrite is wrapped in parentheses.",
                    "Fix for a string-literal pattern without PostgreSQL-only syntax: a match gives a position ≥ 1 and no match gives 0 (documented); a NULL operand gives NULL in PostgreSQL, and in Snowflake NULL > 0 is NULL assuming REGEXP_INSTR returns NULL for a NULL argument, which its page does not state but the REGEXP/RLIKE page states for the same regex family. Review when the pattern is not a literal (column, Jinja, cast: not checked for PostgreSQL-only syntax), when a bracket expression holds a backslash (an escape in PostgreSQL's ARE, a literal in POSIX ERE), or when the pattern can only match the empty string (what REGEXP_INSTR returns for an empty match in an empty subject is not documented). Unconvertible (no edit) when the literal uses PostgreSQL-only syntax; the message names it and a Snowflake replacement where one exists (`\\y` → `\\b`; for a match test `*?` → `*` and `(?:…)` → `(…)` keep the result).",
                    "https://docs.snowflake.com/en/sql-reference/functions/regexp_instr (signature, option 0, parameters `c i m e s`, \"If no match is found, returns 0\") ; https://docs.snowflake.com/en/sql-reference/functions-regexp (POSIX ERE, Perl backslash sequences, no non-greedy quantifiers, `.` and newlines, `s` parameter) ; https://docs.snowflake.com/en/sql-reference/functions/regexp (implicit anchoring, NULL if any argument is NULL) ; https://www.postgresql.org/docs/current/functions-matching.html#FUNCTIONS-POSIX-REGEXP",
                ),
            ),
        }
    }
}

impl Rule for RegexMatch {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::EXPR
    }

    fn expr_kinds(&self) -> ExprKinds {
        ExprKinds::BINARY_OP | ExprKinds::QUANTIFIED
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let (left, op, right) = match expr {
            Expr::BinaryOp { left, op, right } => (left, op, right),
            Expr::AnyOp {
                left, compare_op, ..
            }
            | Expr::AllOp {
                left, compare_op, ..
            } => {
                if is_regex_op(compare_op) {
                    if let Some(range) = cx
                        .tokens
                        .expr_range(expr)
                        .or_else(|| cx.tokens.expr_range(left))
                    {
                        let quantifier = if matches!(expr, Expr::AllOp { .. }) {
                            "all"
                        } else {
                            "any"
                        };
                        out.push(
                            Finding::new(
                                &self.meta,
                                range,
                                format!("`{compare_op} {quantifier}(…)` not rewritten: Snowflake has no regex operators to quantify; combine `regexp_instr(…) > 0` tests with OR/AND, or join the patterns into one alternation `(p1|p2)`"),
                            )
                            .with_category(Category::Unconvertible),
                        );
                    }
                }
                return;
            }
            _ => return,
        };
        let (written, negated, insensitive) = match op {
            BinaryOperator::PGRegexMatch => ("~", false, false),
            BinaryOperator::PGRegexIMatch => ("~*", false, true),
            BinaryOperator::PGRegexNotMatch => ("!~", true, false),
            BinaryOperator::PGRegexNotIMatch => ("!~*", true, true),
            _ => return,
        };
        let t = cx.tokens;
        let (Some((l_first, l_last)), Some((r_first, r_last))) =
            (t.expr_tokens(left), t.expr_tokens(right))
        else {
            return;
        };
        let Some(op_i) = t.next_sig(l_last) else {
            return;
        };
        if !matches!(
            t.token(op_i),
            Token::Tilde
                | Token::TildeAsterisk
                | Token::ExclamationMarkTilde
                | Token::ExclamationMarkTildeAsterisk
        ) || t.next_sig(op_i) != Some(r_first)
        {
            return;
        }
        let start = t.ranges[l_first].start;
        let end = t.ranges[r_last].end;
        let whole = start..end;
        if !binds_as_in_postgres(left, right) {
            out.push(
                Finding::new(
                    &self.meta,
                    whole,
                    format!("`{written}` not rewritten: PostgreSQL binds `{written}` tighter than comparisons and as tight as `||`, so this expression may group differently than it reads; add parentheses around the intended operands"),
                )
                .with_category(Category::Unconvertible),
            );
            return;
        }

        // What the pattern is, and whether it can be checked.
        let pattern_range = t.ranges[r_first].start..end;
        let literal = match right.as_ref() {
            Expr::Value(v) if !cx.touches_jinja(&pattern_range) => match &v.value {
                Value::SingleQuotedString(s) | Value::EscapedStringLiteral(s) => Some(s.as_str()),
                Value::DollarQuotedString(d) => Some(d.value.as_str()),
                _ => None,
            },
            _ => None,
        };
        let mut category = Category::Fix;
        let mut notes: Vec<String> = Vec::new();
        match literal {
            Some(p) => {
                let scan = scan_pattern(p);
                if !scan.pg_only.is_empty() {
                    let list = scan
                        .pg_only
                        .iter()
                        .map(|(what, hint)| format!("{what} ({hint})"))
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
                if p.chars().all(|c| c == '^' || c == '$') {
                    category = Category::Review;
                    notes.push("the pattern only matches the empty string; what REGEXP_INSTR returns for an empty subject is not documented (compare with `= ''` instead)".to_string());
                }
            }
            None => {
                category = Category::Review;
                notes.push("pattern not checked for PostgreSQL-only regex syntax (it is not a string literal)".to_string());
            }
        }

        // Parentheses when a neighbour could bind to `> 0` differently than to `~`.
        let wrap = !(t.prev_sig(l_first).is_none_or(|p| safe_before(cx, p))
            && t.next_sig(r_last).is_none_or(|n| safe_after(cx, n)));
        let params = if insensitive { "is" } else { "s" };
        let comparison = if negated { "= 0" } else { "> 0" };
        let open = format!("{}{}(", if wrap { "(" } else { "" }, cx.kw("regexp_instr"));
        let close = format!(
            ", 1, 1, 0, '{params}') {comparison}{}",
            if wrap { ")" } else { "" }
        );
        // `a ~ p` → `a, p`: drop the blanks before the operator when on one line.
        let gap = t.ranges[l_last].end..t.ranges[op_i].start;
        let op_range = if cx.src(gap.clone()).bytes().all(|b| b == b' ' || b == b'\t') {
            gap.start..t.ranges[op_i].end
        } else {
            t.ranges[op_i].clone()
        };
        let edits = vec![
            Edit::insert(start, open),
            Edit::replace(op_range, ","),
            Edit::insert(end, close),
        ];
        let mut message = format!(
            "`{written}` → `regexp_instr(…, '{params}') {comparison}`: Snowflake has no regex match operators and REGEXP_LIKE/RLIKE match the whole string"
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

fn is_regex_op(op: &BinaryOperator) -> bool {
    matches!(
        op,
        BinaryOperator::PGRegexMatch
            | BinaryOperator::PGRegexIMatch
            | BinaryOperator::PGRegexNotMatch
            | BinaryOperator::PGRegexNotIMatch
    )
}

/// Whether the parser's grouping of `left ~ right` is PostgreSQL's. The
/// parser gives `~` the precedence of `=`; PostgreSQL puts it with the "other"
/// operators (`||`, `->>`, …), above comparisons, LIKE and BETWEEN.
fn binds_as_in_postgres(left: &Expr, right: &Expr) -> bool {
    use BinaryOperator as B;
    let left_ok = match left {
        Expr::BinaryOp { op, .. } => !matches!(
            op,
            B::Eq
                | B::NotEq
                | B::Lt
                | B::LtEq
                | B::Gt
                | B::GtEq
                | B::Spaceship
                | B::PGRegexMatch
                | B::PGRegexIMatch
                | B::PGRegexNotMatch
                | B::PGRegexNotIMatch
                | B::PGLikeMatch
                | B::PGILikeMatch
                | B::PGNotLikeMatch
                | B::PGNotILikeMatch
                | B::And
                | B::Or
                | B::Xor
        ),
        Expr::Like { .. }
        | Expr::ILike { .. }
        | Expr::SimilarTo { .. }
        | Expr::RLike { .. }
        | Expr::Between { .. }
        | Expr::In { .. }
        | Expr::IsNull(_)
        | Expr::IsNotNull(_)
        | Expr::IsTrue(_)
        | Expr::IsFalse(_)
        | Expr::IsDistinctFrom(..)
        | Expr::IsNotDistinctFrom(..) => false,
        Expr::UnaryOp { op, .. } => !matches!(op, sqlparser::ast::UnaryOperator::Not),
        _ => true,
    };
    // On the right only what binds tighter than `~` in PostgreSQL.
    let right_ok = match right {
        Expr::BinaryOp { op, .. } => matches!(
            op,
            B::Plus | B::Minus | B::Multiply | B::Divide | B::Modulo | B::PGExp
        ),
        Expr::Like { .. }
        | Expr::ILike { .. }
        | Expr::SimilarTo { .. }
        | Expr::RLike { .. }
        | Expr::Between { .. }
        | Expr::In { .. }
        | Expr::IsNull(_)
        | Expr::IsNotNull(_)
        | Expr::IsTrue(_)
        | Expr::IsFalse(_)
        | Expr::IsDistinctFrom(..)
        | Expr::IsNotDistinctFrom(..) => false,
        _ => true,
    };
    left_ok && right_ok
}

/// Tokens after which `regexp_instr(…) > 0` reads as one operand.
fn safe_before(cx: &RuleContext, i: usize) -> bool {
    match cx.tokens.token(i) {
        Token::LParen | Token::Comma | Token::SemiColon => true,
        Token::Word(w) if w.quote_style.is_none() => matches!(
            w.keyword,
            Keyword::SELECT
                | Keyword::WHERE
                | Keyword::AND
                | Keyword::OR
                | Keyword::NOT
                | Keyword::WHEN
                | Keyword::THEN
                | Keyword::ELSE
                | Keyword::ON
                | Keyword::HAVING
                | Keyword::QUALIFY
                | Keyword::BY
                | Keyword::DISTINCT
                | Keyword::RETURN
        ),
        _ => false,
    }
}

/// Tokens before which `regexp_instr(…) > 0` reads as one operand.
fn safe_after(cx: &RuleContext, i: usize) -> bool {
    match cx.tokens.token(i) {
        Token::RParen | Token::Comma | Token::SemiColon | Token::EOF => true,
        Token::Word(w) => {
            w.quote_style.is_some()
                || matches!(
                    w.keyword,
                    Keyword::NoKeyword
                        | Keyword::AND
                        | Keyword::OR
                        | Keyword::THEN
                        | Keyword::ELSE
                        | Keyword::END
                        | Keyword::WHEN
                        | Keyword::AS
                        | Keyword::FROM
                        | Keyword::WHERE
                        | Keyword::GROUP
                        | Keyword::ORDER
                        | Keyword::HAVING
                        | Keyword::QUALIFY
                        | Keyword::WINDOW
                        | Keyword::LIMIT
                        | Keyword::OFFSET
                        | Keyword::FETCH
                        | Keyword::UNION
                        | Keyword::EXCEPT
                        | Keyword::INTERSECT
                        | Keyword::JOIN
                        | Keyword::INNER
                        | Keyword::LEFT
                        | Keyword::RIGHT
                        | Keyword::FULL
                        | Keyword::CROSS
                        | Keyword::NATURAL
                )
        }
        _ => false,
    }
}

/// What a pattern holds that matters to Snowflake.
#[derive(Debug, Default)]
pub(super) struct Scan {
    /// PostgreSQL-only constructs: (what, hint).
    pub(super) pg_only: Vec<(String, &'static str)>,
    /// A backslash inside `[…]`.
    pub(super) bracket_backslash: bool,
}

impl Scan {
    fn add(&mut self, what: impl Into<String>, hint: &'static str) {
        let what = what.into();
        if !self.pg_only.iter().any(|(w, _)| *w == what) {
            self.pg_only.push((what, hint));
        }
    }
}

/// Finds ARE-only syntax in a PostgreSQL regex (the pattern's value, after
/// string-literal unquoting).
pub(super) fn scan_pattern(p: &str) -> Scan {
    let c: Vec<char> = p.chars().collect();
    let mut s = Scan::default();
    if p.starts_with("***") {
        s.add("an ARE director `***`", "no equivalent; drop it");
    }
    let at = |i: usize| c.get(i).copied();
    let mut i = 0;
    while i < c.len() {
        match c[i] {
            '\\' => {
                match at(i + 1) {
                    Some('y') => s.add("`\\y` (word boundary)", "use `\\b`"),
                    Some('Y') => s.add("`\\Y` (not a word boundary)", "use `\\B`"),
                    Some('m') => s.add(
                        "`\\m` (start of a word)",
                        "`\\b` is the nearest: it also matches at the end of a word",
                    ),
                    Some('M') => s.add(
                        "`\\M` (end of a word)",
                        "`\\b` is the nearest: it also matches at the start of a word",
                    ),
                    Some('A') => s.add("`\\A` (start of string)", "use `^`"),
                    Some('Z') => s.add("`\\Z` (end of string)", "use `$`"),
                    Some(d @ '1'..='9') => s.add(
                        format!("back-reference `\\{d}`"),
                        "Snowflake patterns have no back-references; rewrite the condition without it",
                    ),
                    _ => {}
                }
                i += 2;
                continue;
            }
            '[' => {
                let rest: String = c[i..].iter().take(7).collect();
                if rest == "[[:<:]]" || rest == "[[:>:]]" {
                    s.add(format!("`{rest}` (word boundary)"), "use `\\b`");
                    i += 7;
                    continue;
                }
                i = bracket_end(&c, i, &mut s);
                continue;
            }
            '(' if at(i + 1) == Some('?') => {
                let (what, hint) = match (at(i + 2), at(i + 3)) {
                    (Some(':'), _) => (
                        "non-capturing group `(?:…)`",
                        "for a match test a plain group `(…)` gives the same result",
                    ),
                    (Some('='), _) => ("lookahead `(?=…)`", "no equivalent in Snowflake"),
                    (Some('!'), _) => ("negative lookahead `(?!…)`", "no equivalent in Snowflake"),
                    (Some('<'), Some('=')) => ("lookbehind `(?<=…)`", "no equivalent in Snowflake"),
                    (Some('<'), Some('!')) => {
                        ("negative lookbehind `(?<!…)`", "no equivalent in Snowflake")
                    }
                    (Some('#'), _) => ("comment `(?#…)`", "drop it"),
                    _ => (
                        "embedded options `(?…)`",
                        "pass them as regexp parameters instead (`i` is `~*`)",
                    ),
                };
                s.add(what, hint);
                i += 2;
                continue;
            }
            q @ ('*' | '+' | '?') => {
                i = quantifier_suffix(&c, i + 1, &q.to_string(), &mut s);
                continue;
            }
            '{' => {
                // A bound `{n}`, `{n,}`, `{n,m}`.
                let mut j = i + 1;
                while j < c.len() && (c[j].is_ascii_digit() || c[j] == ',') {
                    j += 1;
                }
                if j > i + 1 && at(j) == Some('}') {
                    i = quantifier_suffix(&c, j + 1, "{n}", &mut s);
                } else {
                    i += 1;
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    s
}

/// After a quantifier `q` ending before `i`: a `?` makes it non-greedy.
fn quantifier_suffix(c: &[char], i: usize, q: &str, s: &mut Scan) -> usize {
    if c.get(i) != Some(&'?') {
        return i;
    }
    s.add(
        format!("non-greedy quantifier `{q}?`"),
        "for a match test the greedy form gives the same result: drop the `?`",
    );
    i + 1
}

/// Index after the `]` that closes the bracket expression opened at `open`.
fn bracket_end(c: &[char], open: usize, s: &mut Scan) -> usize {
    let mut j = open + 1;
    if c.get(j) == Some(&'^') {
        j += 1;
    }
    if c.get(j) == Some(&']') {
        j += 1;
    }
    while j < c.len() {
        match c[j] {
            ']' => return j + 1,
            '\\' => {
                s.bracket_backslash = true;
                j += 2;
            }
            '[' if matches!(c.get(j + 1), Some(':' | '.' | '=')) => {
                let kind = c[j + 1];
                let mut k = j + 2;
                while k + 1 < c.len() && !(c[k] == kind && c[k + 1] == ']') {
                    k += 1;
                }
                j = k + 2;
            }
            _ => j += 1,
        }
    }
    c.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pg_only(p: &str) -> Vec<String> {
        scan_pattern(p)
            .pg_only
            .into_iter()
            .map(|(w, _)| w)
            .collect()
    }

    #[test]
    fn finds_are_only_syntax() {
        assert!(pg_only(r"\yfoo\y")[0].contains("\\y"));
        assert!(pg_only(r"\mfoo\M").len() == 2);
        assert!(pg_only(r"(a)\1")[0].contains("back-reference"));
        assert!(pg_only(r"(?:ab)+")[0].contains("non-capturing"));
        assert!(pg_only(r"a(?=b)")[0].contains("lookahead"));
        assert!(pg_only(r"(?<!x)b")[0].contains("lookbehind"));
        assert!(pg_only(r"(?i)abc")[0].contains("embedded"));
        assert!(pg_only(r"a.*?b")[0].contains("`*?`"));
        assert!(pg_only(r"a+?")[0].contains("`+?`"));
        assert!(pg_only(r"a??")[0].contains("`??`"));
        assert!(pg_only(r"a{2,3}?")[0].contains("`{n}?`"));
        assert!(pg_only(r"[[:<:]]foo[[:>:]]").len() == 2);
        assert!(pg_only(r"\Afoo\Z").len() == 2);
    }

    #[test]
    fn accepts_ere_syntax() {
        for p in [
            r"^[A-Z]{3}-\d+$",
            r"@(example|test)\.com$",
            r"^https?://",
            r"(bot|crawler|spider)",
            r"\(?\d{3}\)?",
            r"[*?+]",
            r"a?b*c+",
            r"[]?]x",
            r"[[:alpha:]?]+",
            r"\bword\b",
            r"x\*?",
        ] {
            assert!(pg_only(p).is_empty(), "{p}: {:?}", pg_only(p));
        }
        assert!(scan_pattern(r"[\w.-]+@").bracket_backslash);
        assert!(!scan_pattern(r"\w+@").bracket_backslash);
    }
}
