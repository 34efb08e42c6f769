//! PG422: `OFFSET n` without LIMIT or FETCH → `LIMIT NULL OFFSET n`.

use sqlparser::ast::{Expr, LimitClause, OffsetRows, Query, Value};

use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct OffsetWithoutLimit {
    meta: RuleMeta,
}

impl OffsetWithoutLimit {
    pub fn new() -> Self {
        OffsetWithoutLimit {
            meta: meta(
                "PG422",
                "offset-without-limit",
                "Snowflake accepts OFFSET only after LIMIT or before FETCH",
                Category::Fix,
                docs(
                    "Inserts `LIMIT NULL` before an `OFFSET` that has neither a LIMIT nor a FETCH: `order by id offset 10` becomes `order by id limit null offset 10`. A `ROW`/`ROWS` after the count is removed (Snowflake's LIMIT form takes none). An offset that is not a constant is reported instead.",
                    "PostgreSQL lets OFFSET stand alone. Snowflake's grammar has OFFSET only as `LIMIT <count> OFFSET <start>` or `OFFSET <start> ROWS FETCH …`, and documents `LIMIT NULL` as no limit, so `LIMIT NULL OFFSET n` skips n rows and returns all the others, as PostgreSQL's `OFFSET n` does.",
                    "`select * from events order by created_at offset 1` becomes `select * from events order by created_at limit null offset 1`.",
                    "Safe: no limit plus the same offset. Snowflake requires the offset to be a non-negative integer constant, so an expression (`offset n - 1`) is reported as unconvertible; an offset written in Jinja is assumed to render to a constant.",
                    "https://docs.snowflake.com/en/sql-reference/constructs/limit ; https://www.postgresql.org/docs/current/sql-select.html#SQL-LIMIT",
                ),
            ),
        }
    }
}

impl Rule for OffsetWithoutLimit {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::QUERY
    }

    fn check_query(&self, query: &Query, cx: &RuleContext, out: &mut Vec<Finding>) {
        if query.fetch.is_some() {
            return;
        }
        let Some(LimitClause::LimitOffset {
            limit: None,
            offset: Some(offset),
            ..
        }) = &query.limit_clause
        else {
            return;
        };
        let t = cx.tokens;
        let Some((first, last)) = t.expr_tokens(&offset.value) else {
            return;
        };
        let Some(kw) = t.prev_sig(first) else { return };
        if !t.is_word(kw, "offset") {
            return;
        }
        // `limit all offset n` (PG421's) and `offset n limit all` parse with
        // no limit too.
        let before = t.prev_sig(kw);
        if before.is_some_and(|b| t.is_word(b, "all"))
            || t.next_sig(last).is_some_and(|n| t.is_word(n, "limit"))
        {
            return;
        }
        let kw_range = t.ranges[kw].clone();
        let value = t.ranges[first].start..t.ranges[last].end;
        let constant = matches!(
            &offset.value,
            Expr::Value(v) if matches!(v.value, Value::Number(..))
        ) || cx.touches_jinja(&value);
        // Messages quote the file as written (Jinja included), not the masked text.
        let shown = |r: std::ops::Range<usize>| cx.original.get(r).unwrap_or_default().to_string();
        let written = shown(kw_range.start..value.end);
        if !constant {
            out.push(
                Finding::new(
                    &self.meta,
                    kw_range.start..value.end,
                    format!("`{written}` was not rewritten: Snowflake's OFFSET takes only a non-negative integer constant. Hint: number the rows with `ROW_NUMBER() OVER (ORDER BY …)` and keep those after the offset with QUALIFY"),
                )
                .with_category(Category::Unconvertible),
            );
            return;
        }
        let limit_null = format!("{} ", cx.kw_like(&kw_range, "limit null"));
        let mut edits = vec![Edit::insert(kw_range.start, limit_null.clone())];
        let mut end = value.end;
        if !matches!(offset.rows, OffsetRows::None) {
            let Some(rows) = t.next_sig(last) else { return };
            if !(t.is_word(rows, "row") || t.is_word(rows, "rows")) {
                return;
            }
            end = t.ranges[rows].end;
            edits.push(Edit::delete(value.end..end));
        }
        out.push(
            Finding::new(
                &self.meta,
                kw_range.start..end,
                format!("`{}` → `{limit_null}{}`: Snowflake accepts OFFSET only after LIMIT (LIMIT NULL is no limit)", shown(kw_range.start..end), written),
            )
            .with_edits(edits),
        );
    }
}
