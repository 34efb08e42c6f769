//! PG217: `jsonb_path_query_array(x, '$.key')` → `transform(filter(to_array(x),
//! …), …)`, the key taken from each element of an array as PostgreSQL's lax
//! mode does; other paths reported.

use sqlparser::ast::{Expr, Value};

use super::function_renames::Call;
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

/// The functions this rule handles (the `jsonb_*` catch-all PG911 must leave
/// them alone; PG910 keeps the other `jsonb_path_*` functions).
pub(super) const FUNCTIONS: &[&str] = &["jsonb_path_query_array"];

/// The lambda parameter: a name no model's column is likely to carry, since a
/// lambda parameter and a column of the same name would be ambiguous to read.
const ITEM: &str = "jsonpath_item";

const HINT: &str = "Hint: for a member of each element write `transform(filter(to_array(x), i -> i['key'] is not null), i -> i['key'])`; for `[*]`, nested or filtered paths use `LATERAL FLATTEN(input => x)` with a WHERE and ARRAY_AGG(…) WITHIN GROUP (ORDER BY index)";

pub struct JsonPathQueryArray {
    meta: RuleMeta,
}

impl JsonPathQueryArray {
    pub fn new() -> Self {
        JsonPathQueryArray {
            meta: meta(
                "PG217",
                "jsonb-path-query-array",
                "jsonb_path_query_array(x, '$.key') is TRANSFORM over FILTER in Snowflake; other paths are reported",
                Category::Review,
                docs(
                    "Rewrites `jsonb_path_query_array(x, '$.key')` (also `'lax $.key'`), a path of one member name, to `transform(filter(to_array(x), jsonpath_item -> jsonpath_item['key'] is not null), jsonpath_item -> jsonpath_item['key'])`. Only the function name and the path argument are replaced; `x` stays where it is.",
                    "Snowflake has no SQL/JSON path language. In PostgreSQL's default lax mode a member accessor on an array is applied to each element (one level), elements that are not objects or lack the key are skipped, a JSON null value is kept, and an object input is read as a one-element array. TO_ARRAY wraps a non-array value in a one-element array and leaves an array as it is; FILTER keeps the elements whose key is present (a JSON null value is a VARIANT null, which IS NOT NULL; a missing key or a non-object element gives SQL NULL); TRANSFORM then takes the key of each, keeping the order.",
                    "`jsonb_path_query_array(m.bordereaux, '$.readable_id')` becomes `transform(filter(to_array(m.bordereaux), jsonpath_item -> jsonpath_item['readable_id'] is not null), jsonpath_item -> jsonpath_item['readable_id'])`.",
                    "Review: an input that is a JSON null (not SQL NULL) gives NULL where PostgreSQL gives `[]` (TO_ARRAY returns NULL for it). Arrays, objects, scalars, elements without the key, JSON null values and non-object elements give what PostgreSQL gives. Not rewritten (unconvertible): any other path (`$[*].a`, which also unwraps nested arrays, `$.a.b`, quoted keys, filters, `strict` mode), a path that is not a string literal, the `vars`/`silent` arguments, and a call whose path argument holds Jinja or a comment. The other `jsonb_path_*` functions are reported by PG910.",
                    "https://docs.snowflake.com/en/sql-reference/functions/transform ; https://docs.snowflake.com/en/sql-reference/functions/filter ; https://docs.snowflake.com/en/sql-reference/functions/to_array ; https://www.postgresql.org/docs/current/functions-json.html#FUNCTIONS-SQLJSON-PATH",
                ),
            ),
        }
    }
}

/// The key of a path `$.key` (or `lax $.key`), when it is a plain name that can
/// be written inside a Snowflake string literal as it is.
fn member_key(path: &str) -> Option<&str> {
    let path = path.trim();
    let path = match path.get(..4) {
        Some(mode) if mode.eq_ignore_ascii_case("lax ") => path[4..].trim_start(),
        _ => path,
    };
    let key = path.strip_prefix("$.")?;
    let mut chars = key.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() || first == '_')
        .then_some(())
        .filter(|_| chars.all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .map(|_| key)
}

impl Rule for JsonPathQueryArray {
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
        if !FUNCTIONS.contains(&call.name.as_str()) {
            return;
        }
        let range = call.range(cx.tokens);
        let name = call.name_range(cx.tokens);
        let written = cx.src(name.clone()).to_string();
        let unconvertible = |why: &str| {
            Finding::new(
                &self.meta,
                range.clone(),
                format!("`{written}` {why}. {HINT}"),
            )
            .with_category(Category::Unconvertible)
        };
        let args = call.args().unwrap_or_default();
        let [input, path] = args.as_slice() else {
            out.push(unconvertible(
                "with `vars`/`silent` arguments (or named ones): Snowflake has no SQL/JSON path language",
            ));
            return;
        };
        let Expr::Value(v) = path else {
            out.push(unconvertible(
                "with a path that is not a string literal: Snowflake has no SQL/JSON path language",
            ));
            return;
        };
        let Value::SingleQuotedString(path_text) = &v.value else {
            out.push(unconvertible(
                "with a path that is not a plain string literal: Snowflake has no SQL/JSON path language",
            ));
            return;
        };
        let Some(key) = member_key(path_text) else {
            out.push(unconvertible(&format!(
                "with the path `{path_text}`: only a single member `$.key` has a Snowflake form (Snowflake has no SQL/JSON path language)"
            )));
            return;
        };
        let Some((_, input_last)) = cx.tokens.expr_tokens(input) else {
            return;
        };
        let tail = cx.tokens.ranges[input_last].end..cx.tokens.ranges[call.close].end;
        if cx.touches_jinja(&tail) || (input_last + 1..call.close).any(|j| cx.tokens.is_comment(j))
        {
            out.push(unconvertible(
                "with Jinja or a comment after its first argument: the path argument is replaced as a whole; rewrite it by hand",
            ));
            return;
        }
        let head = format!(
            "{}({}",
            cx.kw_like(&name, "transform"),
            [cx.kw_like(&name, "filter"), cx.kw_like(&name, "to_array")].join("(")
        );
        let member = format!("{ITEM}['{key}']");
        let lambda_tail = format!(
            "), {ITEM} -> {member} {}), {ITEM} -> {member})",
            cx.kw("is not null")
        );
        out.push(
            Finding::new(
                &self.meta,
                range.clone(),
                format!(
                    "`{written}(x, '{path_text}')` → `{head}(x{lambda_tail}`: a JSON null input (not SQL NULL) gives NULL where PostgreSQL gives []"
                ),
            )
            .with_edits(vec![
                Edit::replace(name, head),
                Edit::replace(tail, lambda_tail),
            ]),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::member_key;

    #[test]
    fn only_one_plain_member_is_a_key() {
        assert_eq!(member_key("$.readable_id"), Some("readable_id"));
        assert_eq!(member_key(" lax $.a1 "), Some("a1"));
        assert_eq!(member_key("LAX $._x"), Some("_x"));
        assert_eq!(member_key("strict $.a"), None);
        assert_eq!(member_key("$[*].a"), None);
        assert_eq!(member_key("$.a.b"), None);
        assert_eq!(member_key("$.\"a b\""), None);
        assert_eq!(member_key("$.1a"), None);
        assert_eq!(member_key("$."), None);
        assert_eq!(member_key("$"), None);
        assert_eq!(member_key("$.a ? (@ > 1)"), None);
    }
}
