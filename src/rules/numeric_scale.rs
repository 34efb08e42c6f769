//! PG106: `::numeric` / `::decimal` without precision and scale.

use sqlparser::ast::Expr;

use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

/// Precision and scale given to a bare `numeric`.
const PRECISION_SCALE: &str = "(38, 9)";

pub struct NumericScale {
    meta: RuleMeta,
}

impl NumericScale {
    pub fn new() -> Self {
        NumericScale {
            meta: meta(
                "PG106",
                "numeric-without-scale",
                "bare NUMERIC/DECIMAL is NUMBER(38,0) in Snowflake and rounds away decimals",
                Category::Review,
                docs(
                    "Adds an explicit precision and scale to a cast to `numeric` or `decimal` written without one: `x::numeric` becomes `x::numeric(38, 9)`, `cast(x as decimal)` becomes `cast(x as decimal(38, 9))`. The type keeps its spelling (Snowflake accepts NUMERIC and DECIMAL as synonyms of NUMBER). Casts that already name a precision, such as `numeric(10, 2)`, are left alone.",
                    "PostgreSQL's `numeric` without precision stores any number of decimal digits. In Snowflake NUMBER, DECIMAL and NUMERIC without precision default to NUMBER(38,0), so the cast silently rounds to an integer: `'1.5'::numeric` is 2, and `amount_cents::numeric / 100` loses its point of doing the division in decimal.",
                    "`round(price_cents::numeric / 100, 2)` becomes `round(price_cents::numeric(38, 9) / 100, 2)`.",
                    "Review: NUMBER(38, 9) keeps 9 decimal places and 29 digits before the point. A value with more decimal places is rounded to 9, and one with more than 29 integer digits fails, where PostgreSQL keeps both. Pick another scale when the data needs it (the scale can be at most 37).",
                    "https://docs.snowflake.com/en/sql-reference/data-types-numeric#number ; https://www.postgresql.org/docs/current/datatype-numeric.html#DATATYPE-NUMERIC-DECIMAL",
                ),
            ),
        }
    }
}

impl Rule for NumericScale {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::EXPR
    }

    fn expr_kinds(&self) -> ExprKinds {
        ExprKinds::CAST
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let Some(cast) = cx.tokens.cast(expr) else {
            return;
        };
        let parts = cast.parts;
        let (first, last) = parts.type_name;
        if first != last {
            return;
        }
        if !matches!(&*cast.type_text, "numeric" | "decimal" | "dec") {
            return;
        }
        let range = cx.tokens.ranges[first].clone();
        let message = format!(
            "`{}` without precision is NUMBER(38,0) in Snowflake and rounds away decimals; PostgreSQL numeric has unbounded scale, the conversion keeps 9 decimal places (`{}{PRECISION_SCALE}`)",
            cx.src(range.clone()),
            cx.src(range.clone()),
        );
        out.push(
            Finding::new(&self.meta, range.clone(), message)
                .with_edits(vec![Edit::insert(range.end, PRECISION_SCALE)]),
        );
    }
}
