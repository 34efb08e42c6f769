//! PG144: tagged dollar-quoted strings `$tag$…$tag$`.

use sqlparser::tokenizer::Token;

use super::escape_string::snowflake_literal;
use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct DollarTag {
    meta: RuleMeta,
}

impl DollarTag {
    pub fn new() -> Self {
        DollarTag {
            meta: meta(
                "PG144",
                "dollar-tag-string",
                "tagged $tag$…$tag$ strings are not documented in Snowflake",
                Category::Fix,
                docs(
                    "Rewrites a tagged dollar-quoted string `$tag$…$tag$` as `$$…$$`. When the body holds `$$` or begins or ends with `$` (which `$$…$$` cannot hold), it becomes a `'…'` literal instead (`'` doubled; a body with a backslash as `$$…$$` pieces joined with `||`).",
                    "Snowflake documents only untagged `$$…$$` dollar quoting.",
                    "`$q$it's$q$` becomes `$$it's$$`.",
                    "Safe: both forms take their body as written, with no escapes, in PostgreSQL and in Snowflake. A string that holds Jinja is reported as unconvertible instead.",
                    "https://docs.snowflake.com/en/sql-reference/data-types-text#dollar-quoted-string-constants ; https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-DOLLAR-QUOTING",
                ),
            ),
        }
    }
}

impl Rule for DollarTag {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::TOKENS
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        for (i, t) in cx.tokens.list.iter().enumerate() {
            let Token::DollarQuotedString(d) = &t.token else {
                continue;
            };
            let Some(tag) = d.tag.as_deref().filter(|tag| !tag.is_empty()) else {
                continue;
            };
            let range = cx.tokens.ranges[i].clone();
            if cx.touches_jinja(&range) {
                out.push(
                    Finding::new(&self.meta, range, format!("${tag}$…${tag}$ string holding Jinja: Snowflake documents only $$…$$; rewrite it by hand"))
                        .with_category(Category::Unconvertible),
                );
                continue;
            }
            let body = &d.value;
            let literal = if body.contains("$$") || body.starts_with('$') || body.ends_with('$') {
                snowflake_literal(body, false, &cx.kw("chr"))
            } else {
                format!("$${body}$$")
            };
            out.push(
                Finding::new(
                    &self.meta,
                    range.clone(),
                    format!("${tag}$…${tag}$ string written as {} (Snowflake documents only untagged dollar quoting)", if literal.starts_with("$$") { "$$…$$" } else { "'…' literals, since its body holds `$$` or starts or ends with `$`" }),
                )
                .with_edits(vec![Edit::replace(range, literal)]),
            );
        }
    }
}
