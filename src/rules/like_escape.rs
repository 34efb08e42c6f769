//! PG602: PostgreSQL's LIKE escapes with a backslash by default; Snowflake's
//! LIKE has no default escape character.

use sqlparser::ast::Expr;
use sqlparser::tokenizer::Token;

use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct LikeEscape {
    meta: RuleMeta,
}

impl LikeEscape {
    pub fn new() -> Self {
        LikeEscape {
            meta: meta(
                "PG602",
                "like-default-escape",
                "Snowflake's LIKE has no default escape character",
                Category::Fix,
                docs(
                    "Appends `escape $$\\$$` to a `LIKE` / `ILIKE` / `NOT LIKE` whose pattern is a string literal containing a backslash and that has no ESCAPE clause.",
                    "In PostgreSQL the backslash is LIKE's default escape character: `'a\\_%'` matches a literal underscore. Snowflake has no default escape character, so the same pattern makes `\\` an ordinary character and `_` a wildcard again. Naming the escape character restores the meaning.",
                    "`code like 'A\\_%'` becomes `code like $$A\\_%$$ escape $$\\$$` (PG601 dollar-quotes the pattern first so that Snowflake keeps its backslash; the escape is itself a dollar-quoted single backslash).",
                    "Safe when every backslash of the pattern escapes `%`, `_` or a backslash. A backslash before any other character (PostgreSQL matches that character; Snowflake documents escapes only before wildcards) or at the end of the pattern (an error in PostgreSQL) makes it Review. A pattern that cannot be dollar-quoted (it holds Jinja or `$$`) or is an `E'…'` string is reported as unconvertible.",
                    "https://docs.snowflake.com/en/sql-reference/functions/like (\"There is no default escape character\") ; https://docs.snowflake.com/en/sql-reference/functions/ilike ; https://www.postgresql.org/docs/current/functions-matching.html#FUNCTIONS-LIKE",
                ),
            ),
        }
    }
}

/// How the backslashes of a pattern read.
#[derive(Debug, PartialEq, Eq)]
enum Escapes {
    None,
    /// Each escapes `%`, `_` or `\`.
    Wildcards,
    /// One escapes another character or ends the pattern.
    Other,
}

fn escapes(pattern: &str) -> Escapes {
    let mut found = Escapes::None;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            continue;
        }
        match chars.next() {
            Some('%' | '_' | '\\') => {
                if found == Escapes::None {
                    found = Escapes::Wildcards;
                }
            }
            _ => return Escapes::Other,
        }
    }
    found
}

impl Rule for LikeEscape {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::EXPR
    }

    fn expr_kinds(&self) -> ExprKinds {
        ExprKinds::LIKE
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let (pattern, escape_char, any, ilike) = match expr {
            Expr::Like {
                pattern,
                escape_char,
                any,
                ..
            } => (pattern, escape_char, *any, false),
            Expr::ILike {
                pattern,
                escape_char,
                any,
                ..
            } => (pattern, escape_char, *any, true),
            _ => return,
        };
        if escape_char.is_some() || any {
            return;
        }
        let t = cx.tokens;
        let Some((first, last)) = t.expr_tokens(pattern) else {
            return;
        };
        let range = t.ranges[first].start..t.ranges[last].end;
        let op = if ilike { "ilike" } else { "like" };
        // The pattern must be string literals, possibly joined with `||`
        // (PG601 writes `'$' || '$' || $$…$$` for a body holding `$$`).
        let mut body = String::new();
        let mut waiting = false;
        let mut unsure = false;
        let mut dynamic = false;
        for j in first..=last {
            match t.token(j) {
                Token::Whitespace(_) | Token::LParen | Token::RParen | Token::StringConcat => {}
                Token::SingleQuotedString(s) if cx.touches_jinja(&t.ranges[j]) => {
                    if s.contains('\\') {
                        unsure = true;
                    }
                }
                Token::SingleQuotedString(s) => {
                    if s.contains('\\') && t.slice(j).starts_with('\'') {
                        // PG601 dollar-quotes it first; the escape follows on
                        // the next pass.
                        waiting = true;
                    }
                    body.push_str(s);
                }
                Token::DollarQuotedString(d) if d.tag.is_none() => body.push_str(&d.value),
                Token::DollarQuotedString(d) => {
                    if d.value.contains('\\') {
                        unsure = true;
                    }
                    body.push_str(&d.value);
                }
                Token::EscapedStringLiteral(s) => {
                    if s.contains('\\') {
                        unsure = true;
                    }
                    body.push_str(s);
                }
                // A column or expression: its backslashes escape at run time.
                _ => dynamic = true,
            }
        }
        if !body.contains('\\') && !unsure {
            return;
        }
        if unsure {
            out.push(
                Finding::new(
                    &self.meta,
                    range,
                    format!("{op} pattern with a backslash in an E'…', $tag$…$tag$ or Jinja literal: Snowflake's LIKE has no default escape character; add `escape $$\\$$` by hand once the literal keeps its backslashes in Snowflake"),
                )
                .with_category(Category::Unconvertible),
            );
            return;
        }
        if waiting {
            return;
        }
        let (category, message) = match escapes(&body) {
            Escapes::None => return,
            Escapes::Wildcards if dynamic => (
                Category::Review,
                format!("{op} pattern with a backslash: `escape $$\\$$` added, since Snowflake's LIKE has no default escape character; the non-literal part of the pattern now escapes with `\\` as in PostgreSQL, except that a backslash before a character other than `%`, `_` or `\\` is not documented in Snowflake"),
            ),
            Escapes::Wildcards => (
                Category::Fix,
                format!("{op} pattern with a backslash: `escape $$\\$$` added, since Snowflake's LIKE has no default escape character"),
            ),
            Escapes::Other => (
                Category::Review,
                format!("{op} pattern with a backslash: `escape $$\\$$` added, since Snowflake's LIKE has no default escape character; a backslash before a character other than `%`, `_` or `\\` (or at the end) matches that character in PostgreSQL and is not documented in Snowflake"),
            ),
        };
        let insert = format!(" {} $$\\$$", cx.kw("escape"));
        out.push(
            Finding::new(&self.meta, range.clone(), message)
                .with_category(category)
                .with_edits(vec![Edit::insert(range.end, insert)]),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_classified() {
        assert_eq!(escapes("abc%"), Escapes::None);
        assert_eq!(escapes("a\\_%"), Escapes::Wildcards);
        assert_eq!(escapes("100\\%"), Escapes::Wildcards);
        assert_eq!(escapes("C:\\\\%"), Escapes::Wildcards);
        assert_eq!(escapes("a\\d"), Escapes::Other);
        assert_eq!(escapes("a\\"), Escapes::Other);
    }
}
