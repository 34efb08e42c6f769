//! PG1001: `string_to_array(s, d)` is Snowflake's `SPLIT(s, d)`, except on
//! an empty string and a NULL delimiter.

use sqlparser::ast::{Expr, Value};

use super::function_renames::Call;
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct StringToArray {
    meta: RuleMeta,
}

impl StringToArray {
    pub fn new() -> Self {
        StringToArray {
            meta: meta(
                "PG1001",
                "string-to-array-split",
                "string_to_array(s, d) is SPLIT(s, d) in Snowflake",
                Category::Review,
                docs(
                    "Renames `string_to_array(s, d)` to `split(s, d)`. The three-argument form (with a null_string) is reported as unconvertible.",
                    "Snowflake has no string_to_array; SPLIT splits a string on a literal separator into an ARRAY.",
                    "`string_to_array(support_theme_list, ',')` becomes `split(support_theme_list, ',')`.",
                    "Review. The same in both: a NULL string gives NULL, contiguous separators and separators at either end give empty-string elements, and an empty separator gives a one-element array holding the whole string. Different: an empty string gives `['']` (one empty element) in Snowflake where PostgreSQL gives an empty array (so unnesting it gives one row instead of none); a NULL separator gives NULL in Snowflake where PostgreSQL splits into single characters; the elements are VARIANT strings (`::varchar` them where text is expected); and subscripts become 0-based (the subscript rule reports them). Not converted: the third (null_string) argument, which Snowflake lacks.",
                    "https://docs.snowflake.com/en/sql-reference/functions/split ; https://www.postgresql.org/docs/current/functions-array.html",
                ),
            ),
        }
    }
}

impl Rule for StringToArray {
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
        if call.name != "string_to_array" || call.func.over.is_some() {
            return;
        }
        let range = call.name_range(cx.tokens);
        let written = cx.src(range.clone()).to_string();
        let Some(args) = call.args().filter(|a| a.len() == 2) else {
            out.push(
                Finding::new(
                    &self.meta,
                    call.range(cx.tokens),
                    format!("`{written}(…)` with a null_string argument: Snowflake's SPLIT has none. Hint: `SPLIT(s, d)` and replace the marker elements afterwards (e.g. with a FLATTEN and NULLIF)"),
                )
                .with_category(Category::Unconvertible),
            );
            return;
        };
        let mut edge = "an empty string gives [''] (one empty element) in Snowflake, an empty array in PostgreSQL".to_string();
        let literal_separator = matches!(
            &args[1],
            Expr::Value(v) if matches!(v.value, Value::SingleQuotedString(_))
        );
        if !literal_separator {
            edge.push_str("; a NULL separator gives NULL in Snowflake where PostgreSQL splits into characters");
        }
        let replacement = cx.kw_like(&range, "split");
        out.push(
            Finding::new(
                &self.meta,
                range.clone(),
                format!("`{written}` → `{replacement}`: {edge}; the elements are VARIANT strings"),
            )
            .with_edits(vec![Edit::replace(range, replacement)]),
        );
    }
}
