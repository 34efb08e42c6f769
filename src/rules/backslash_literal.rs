//! PG601: backslashes in standard string literals.

use sqlparser::tokenizer::Token;

use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct BackslashLiteral {
    meta: RuleMeta,
}

impl BackslashLiteral {
    pub fn new() -> Self {
        BackslashLiteral {
            meta: meta(
                "PG601",
                "backslash-in-string-literal",
                "Snowflake reads `\\` in '…' literals as an escape",
                Category::Fix,
                docs(
                    "Rewrites a standard `'…'` string literal that contains a backslash as a dollar-quoted `$$…$$` literal, whose content Snowflake takes as written.",
                    "With standard_conforming_strings on (the default since PostgreSQL 9.1) a backslash in `'…'` is an ordinary character. Snowflake always treats it as an escape and silently drops the backslash of an unknown escape: `'\\d+'` becomes `'d+'`, `'\\.'` becomes `'.'`, so every regex and LIKE pattern quietly changes.",
                    "`sku ~ '^[A-Z]+-\\d+$'` becomes `sku ~ $$^[A-Z]+-\\d+$$$` (before the regex rule rewrites the operator).",
                    "Safe: the dollar-quoted literal denotes exactly the characters PostgreSQL read (`''` becomes `'`). A `$$…$$` literal cannot hold `$$` nor end in `$`, so a literal with `$` in it (a regex ending in `$`) becomes a parenthesised concatenation: `'^\\d+$'` → `($$^\\d+$$ || '$')`. A literal that contains Jinja is reported as unconvertible instead.",
                    "https://docs.snowflake.com/en/sql-reference/data-types-text#escape-sequences-in-single-quoted-string-constants ; https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-STRINGS",
                ),
            ),
        }
    }
}

impl Rule for BackslashLiteral {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::TOKENS
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        for (i, t) in cx.tokens.list.iter().enumerate() {
            if !matches!(t.token, Token::SingleQuotedString(_)) {
                continue;
            }
            let range = cx.tokens.ranges[i].clone();
            let written = cx.src(range.clone());
            // Only plain '…' literals: E'…' and friends are other tokens.
            if !written.starts_with('\'') || !written.contains('\\') || cx.touches_jinja(&range) {
                continue;
            }
            let body = &written[1..written.len() - 1];
            if cx.touches_jinja(&range) {
                out.push(
                    Finding::new(
                        &self.meta,
                        range,
                        "backslash in a string literal that holds Jinja or `$$`: Snowflake would read it as an escape; double it by hand",
                    )
                    .with_category(Category::Unconvertible),
                );
                continue;
            }
            let edits = vec![Edit::replace(range.clone(), dollar_quoted(body))];
            out.push(
                Finding::new(
                    &self.meta,
                    range,
                    "string literal with a backslash dollar-quoted: Snowflake reads `\\` in '…' as an escape and drops it",
                )
                .with_edits(edits),
            );
        }
    }
}

/// The Snowflake literal for the characters `body` of a PostgreSQL `'…'`
/// literal denotes. `$` never goes inside `$$…$$` (where `$$$` would close
/// the literal early); each `$` becomes a `'$'` piece of a concatenation.
fn dollar_quoted(body: &str) -> String {
    let value = body.replace("''", "'");
    if !value.contains('$') {
        return format!("$${value}$$");
    }
    let mut pieces = Vec::new();
    for (i, part) in value.split('$').enumerate() {
        if i > 0 {
            pieces.push("'$'".to_string());
        }
        if part.is_empty() {
            continue;
        }
        if part.contains('\\') {
            pieces.push(format!("$${part}$$"));
        } else {
            pieces.push(format!("'{}'", part.replace('\'', "''")));
        }
    }
    format!("({})", pieces.join(" || "))
}

#[cfg(test)]
mod tests {
    use super::dollar_quoted;

    #[test]
    fn dollar_signs_stay_outside_dollar_quotes() {
        assert_eq!(dollar_quoted(r"\d+"), r"$$\d+$$");
        assert_eq!(dollar_quoted(r"it''s \d"), r"$$it's \d$$");
        assert_eq!(
            dollar_quoted(r"^[A-Z]{3}-\d+$"),
            r"($$^[A-Z]{3}-\d+$$ || '$')"
        );
        assert_eq!(dollar_quoted(r"a$$b\c"), r"('a' || '$' || '$' || $$b\c$$)");
    }
}
