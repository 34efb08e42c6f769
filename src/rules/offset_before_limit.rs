//! PG424: `OFFSET n LIMIT m` (OFFSET written first) → `LIMIT m OFFSET n`.

use sqlparser::ast::{LimitClause, OffsetRows, Query};

use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct OffsetBeforeLimit {
    meta: RuleMeta,
}

impl OffsetBeforeLimit {
    pub fn new() -> Self {
        OffsetBeforeLimit {
            meta: meta(
                "PG424",
                "offset-before-limit",
                "Snowflake's LIMIT comes before its OFFSET",
                Category::Fix,
                docs(
                    "Moves an `OFFSET n` written before `LIMIT m` after it: `order by id offset 20 limit 10` becomes `order by id limit 10 offset 20`. The offset's text moves; nothing else changes. An offset or limit holding Jinja, or an `OFFSET n ROWS` before a LIMIT, is reported instead.",
                    "PostgreSQL accepts LIMIT and OFFSET in either order. Snowflake's grammar is `LIMIT <count> [ OFFSET <start> ]` (or `OFFSET … FETCH`), so `OFFSET n LIMIT m` does not compile there.",
                    "`select * from events order by id offset 20 limit 10` becomes `select * from events order by id limit 10 offset 20`.",
                    "Safe: the same count and the same offset, in the order Snowflake reads them. The offset's text is copied, so an offset or limit with Jinja in it is reported (a rewrite never moves Jinja).",
                    "https://docs.snowflake.com/en/sql-reference/constructs/limit ; https://www.postgresql.org/docs/current/sql-select.html#SQL-LIMIT",
                ),
            ),
        }
    }
}

impl Rule for OffsetBeforeLimit {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::QUERY
    }

    fn check_query(&self, query: &Query, cx: &RuleContext, out: &mut Vec<Finding>) {
        let Some(LimitClause::LimitOffset {
            limit: Some(limit),
            offset: Some(offset),
            ..
        }) = &query.limit_clause
        else {
            return;
        };
        let t = cx.tokens;
        let (Some((offset_first, offset_last)), Some((limit_first, limit_last))) =
            (t.expr_tokens(&offset.value), t.expr_tokens(limit))
        else {
            return;
        };
        if offset_first > limit_first {
            return;
        }
        let (Some(offset_kw), Some(limit_kw)) = (t.prev_sig(offset_first), t.prev_sig(limit_first))
        else {
            return;
        };
        if !t.is_word(offset_kw, "offset") || !t.is_word(limit_kw, "limit") {
            return;
        }
        // `offset n` ends at its count, or at ROW/ROWS after it.
        let mut offset_end = t.ranges[offset_last].end;
        if !matches!(offset.rows, OffsetRows::None) {
            if let Some(rows) = t.next_sig(offset_last) {
                offset_end = t.ranges[rows].end;
            }
        }
        let offset_range = t.ranges[offset_kw].start..offset_end;
        let limit_range = t.ranges[limit_kw].start..t.ranges[limit_last].end;
        let shown = |r: std::ops::Range<usize>| cx.original.get(r).unwrap_or_default().to_string();
        let written = format!(
            "{} … {}",
            shown(offset_range.clone()),
            shown(limit_range.clone())
        );
        let whole = offset_range.start..limit_range.end;
        if cx.touches_jinja(&offset_range)
            || cx.touches_jinja(&limit_range)
            || !matches!(offset.rows, OffsetRows::None)
        {
            out.push(
                Finding::new(
                    &self.meta,
                    whole,
                    format!("`{written}` was not reordered: Snowflake reads LIMIT before OFFSET, and moving this text would move Jinja or a ROWS keyword Snowflake's LIMIT form lacks. Hint: write `limit <count> offset <start>`"),
                )
                .with_category(Category::Unconvertible),
            );
            return;
        }
        let moved = cx.src(offset_range.clone()).to_string();
        // The offset and the blanks after it go (a comment there stays), and
        // the offset comes back after the count.
        let blanks = cx
            .text
            .get(offset_range.end..limit_range.start)
            .map(|gap| gap.len() - gap.trim_start().len())
            .unwrap_or(0);
        let edits = vec![
            Edit::delete(offset_range.start..offset_range.end + blanks),
            Edit::insert(limit_range.end, format!(" {moved}")),
        ];
        out.push(
            Finding::new(
                &self.meta,
                whole,
                format!(
                    "`{written}` → `{} {moved}`: Snowflake reads LIMIT before OFFSET",
                    shown(limit_range.clone())
                ),
            )
            .with_edits(edits),
        );
    }
}
