//! PG806: `date_trunc('unit', x)`. Snowflake's DATE_TRUNC returns the type of
//! its argument, so a DATE stays a DATE where PostgreSQL returns a timestamptz
//! (the date is read as midnight in the session time zone). The values agree;
//! the column type does not, unless the argument's type is visible or the
//! result is cast at once. Week truncation follows Snowflake's WEEK_START.

use sqlparser::ast::{
    BinaryOperator, DataType, Expr, Function, FunctionArg, FunctionArgExpr, FunctionArguments,
    Value,
};
use sqlparser::tokenizer::Token;

use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct DateTrunc {
    meta: RuleMeta,
}

impl DateTrunc {
    pub fn new() -> Self {
        DateTrunc {
            meta: meta(
                "PG806",
                "date-trunc",
                "date_trunc keeps a DATE a DATE in Snowflake and follows WEEK_START for weeks",
                Category::Review,
                docs(
                    "Checks each `date_trunc('unit', x)`. When `x` is visibly a DATE (`current_date`, `x::date`, `date '…'`, `to_date(…)`, `make_date(…)`), appends `::timestamp_ltz` so that the result is the timestamptz PostgreSQL returns. When `x` is visibly a timestamp or timestamptz, or the result is cast at once to a date or timestamp type, nothing is reported: Snowflake gives the same value of the same type. Otherwise the call is flagged for review. `week` is flagged for review whatever the argument (WEEK_START); `decade`, `century`, `millennium`, an interval argument and the three-argument form with a time zone are reported as unconvertible.",
                    "PostgreSQL has no date_trunc for DATE: the date is cast to timestamptz (midnight in the session time zone) and a timestamptz comes back. Snowflake's DATE_TRUNC returns the type of its argument, so a model's column changes from timestamp to DATE; comparisons and arithmetic see the same instant, but the table's column type and the text of the value differ. For `week`, Snowflake's result depends on the WEEK_START session parameter (the default 0, and 1, start weeks on Monday like PostgreSQL; 7 starts them on Sunday).",
                    "`date_trunc('month', current_date)` becomes `date_trunc('month', current_date)::timestamp_ltz`; `date_trunc('day', created_at::timestamp)` and `date_trunc('month', d)::date` are left as they are; `date_trunc('month', order_date)` is flagged for review (a DATE column would come out as a DATE).",
                    "Fix for a visible DATE argument: the cast to TIMESTAMP_LTZ (what timestamptz maps to) gives midnight in the session time zone, as PostgreSQL does. Review for an argument of unknown type (the result is a DATE if the column is a DATE; append `::timestamp_ltz` there, or leave it when a DATE is what the model wants) and for `week` (WEEK_START must be 0 or 1). No fix for decade/century/millennium (no such Snowflake unit), intervals (Snowflake truncates no interval) or the time zone argument.",
                    "https://docs.snowflake.com/en/sql-reference/functions/date_trunc ; https://docs.snowflake.com/en/sql-reference/functions-date-time#label-calendar-weeks-weekdays ; https://docs.snowflake.com/en/sql-reference/parameters#week-start ; https://www.postgresql.org/docs/current/functions-datetime.html#FUNCTIONS-DATETIME-TRUNC",
                ),
            ),
        }
    }
}

/// A type that the text of an expression shows without knowing columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Temporal {
    Date,
    Timestamp,
    TimestampTz,
    Interval,
}

/// The temporal type of a type name, as PostgreSQL writes it or as pg2sf's
/// type rules rewrote it.
pub fn temporal_type(data_type: &DataType) -> Option<Temporal> {
    let name = data_type.to_string().to_ascii_lowercase();
    let base = name.split('(').next().unwrap_or("").trim();
    Some(match base {
        "date" => Temporal::Date,
        "timestamp" | "timestamp without time zone" | "timestamp_ntz" | "datetime" => {
            Temporal::Timestamp
        }
        "timestamptz" | "timestamp with time zone" | "timestamp_ltz" => Temporal::TimestampTz,
        _ if base.starts_with("interval") => Temporal::Interval,
        _ => return None,
    })
}

/// What the text of `e` shows of its PostgreSQL type (and of its Snowflake
/// type once converted: the functions listed keep their type).
pub fn visible_type(e: &Expr) -> Option<Temporal> {
    match e {
        Expr::Nested(inner) => visible_type(inner),
        Expr::Cast { data_type, .. } => temporal_type(data_type),
        Expr::TypedString(ts) => temporal_type(&ts.data_type),
        Expr::Interval(_) => Some(Temporal::Interval),
        // A timestamp plus or minus an interval stays that timestamp.
        Expr::BinaryOp {
            left,
            op: BinaryOperator::Plus | BinaryOperator::Minus,
            right,
        } => match (visible_type(left), visible_type(right)) {
            (Some(t @ (Temporal::Timestamp | Temporal::TimestampTz)), Some(Temporal::Interval))
            | (Some(Temporal::Interval), Some(t @ (Temporal::Timestamp | Temporal::TimestampTz))) => {
                Some(t)
            }
            _ => None,
        },
        Expr::Function(f) => {
            let [part] = f.name.0.as_slice() else {
                return None;
            };
            let ident = part.as_ident()?;
            if ident.quote_style.is_some() {
                return None;
            }
            let name = ident.value.to_ascii_lowercase();
            if matches!(name.as_str(), "coalesce" | "greatest" | "least") {
                // Both engines resolve a DATE mixed with a timestamp to the
                // timestamp, never to a DATE.
                return call_args(f)?.into_iter().find_map(|a| {
                    visible_type(a)
                        .filter(|t| matches!(t, Temporal::Timestamp | Temporal::TimestampTz))
                });
            }
            match name.as_str() {
                "current_date" | "to_date" | "make_date" | "date_from_parts" => {
                    Some(Temporal::Date)
                }
                "now"
                | "current_timestamp"
                | "transaction_timestamp"
                | "statement_timestamp"
                | "clock_timestamp"
                | "to_timestamp"
                | "to_timestamp_ltz"
                | "make_timestamptz"
                | "timestamp_ltz_from_parts" => Some(Temporal::TimestampTz),
                "localtimestamp" | "make_timestamp" | "timestamp_ntz_from_parts" => {
                    Some(Temporal::Timestamp)
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The unnamed argument expressions of a call.
pub fn call_args(f: &Function) -> Option<Vec<&Expr>> {
    let FunctionArguments::List(list) = &f.args else {
        return None;
    };
    list.args
        .iter()
        .map(|a| match a {
            FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) => Some(e),
            _ => None,
        })
        .collect()
}

/// Whether a call is `name(…)`, unqualified and unquoted.
pub fn is_call(f: &Function, name: &str) -> bool {
    matches!(f.name.0.as_slice(), [part] if part.as_ident().is_some_and(|i| i.quote_style.is_none() && i.value.eq_ignore_ascii_case(name)))
}

enum Unit {
    Same,
    Week,
    Missing(&'static str),
}

fn unit(name: &str) -> Unit {
    match name {
        "week" | "weeks" | "w" => Unit::Week,
        "decade" | "decades" => Unit::Missing(
            "`dateadd(year, -(year(x) % 10), date_trunc('year', x))` for years after 0",
        ),
        "century" | "centuries" => Unit::Missing(
            "`dateadd(year, -((year(x) - 1) % 100), date_trunc('year', x))` for years after 0",
        ),
        "millennium" | "millennia" => Unit::Missing(
            "`dateadd(year, -((year(x) - 1) % 1000), date_trunc('year', x))` for years after 0",
        ),
        _ => Unit::Same,
    }
}

impl DateTrunc {
    /// Whether the call's result is cast at once to a date or time type, which
    /// makes the argument's type irrelevant: `date_trunc(…)::date`,
    /// `cast(date_trunc(…) as timestamp)`.
    fn cast_at_once(cx: &RuleContext, name: usize, close: usize) -> bool {
        let t = cx.tokens;
        let type_after = |marker: usize| -> bool {
            let Some(first) = t.next_sig(marker) else {
                return false;
            };
            let Some(last) = t.type_end(first) else {
                return false;
            };
            let text = t.type_text((first, last));
            let base = text.split('(').next().unwrap_or("").trim();
            matches!(
                base,
                "date"
                    | "timestamp"
                    | "timestamp without time zone"
                    | "timestamp_ntz"
                    | "timestamptz"
                    | "timestamp with time zone"
                    | "timestamp_ltz"
            )
        };
        let Some(next) = t.next_sig(close) else {
            return false;
        };
        if matches!(t.token(next), Token::DoubleColon) {
            return type_after(next);
        }
        if t.is_word(next, "as") {
            let opened_cast = t.prev_sig(name).is_some_and(|open| {
                matches!(t.token(open), Token::LParen)
                    && t.prev_sig(open)
                        .is_some_and(|c| t.is_word(c, "cast") || t.is_word(c, "try_cast"))
            });
            return opened_cast && type_after(next);
        }
        false
    }
}

impl Rule for DateTrunc {
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
        let Expr::Function(f) = expr else { return };
        if !is_call(f, "date_trunc") {
            return;
        }
        let Some(args) = call_args(f) else { return };
        let t = cx.tokens;
        let Some((name, _)) = t.expr_tokens(expr) else {
            return;
        };
        let Some(open) = t.next_sig(name) else { return };
        let Some(close) = t.matching_paren(open) else {
            return;
        };
        if cx.touches_jinja(&t.ranges[name]) {
            return;
        }
        let range = t.ranges[name].start..t.ranges[close].end;
        let written = t.slice(name);
        let review = |message: String| {
            Finding::new(&self.meta, range.clone(), message).with_category(Category::Review)
        };
        let unconvertible = |message: String| {
            Finding::new(&self.meta, range.clone(), message).with_category(Category::Unconvertible)
        };
        let [unit_arg, value] = args.as_slice() else {
            if args.len() == 3 {
                out.push(unconvertible(format!("`{written}` with a time zone argument is not converted: Snowflake's DATE_TRUNC takes no time zone. Hint: truncate the value converted to that zone, `convert_timezone('zone', x)`, and convert back")));
            }
            return;
        };
        let unit_name = match unit_arg {
            Expr::Value(v) => match &v.value {
                Value::SingleQuotedString(s) => s.trim().to_ascii_lowercase(),
                _ => return,
            },
            _ => {
                out.push(review(format!("`{written}` with a unit that is not a literal: check that it is never decade, century or millennium (Snowflake has none), that week truncation is not affected by WEEK_START, and that a DATE argument (a DATE result in Snowflake, a timestamptz in PostgreSQL) is fine")));
                return;
            }
        };
        let value_type = visible_type(value);
        if value_type == Some(Temporal::Interval) {
            out.push(unconvertible(format!("`{written}` of an interval is not converted: Snowflake's DATE_TRUNC takes dates, times and timestamps only. Hint: compute the interval's parts with DATEDIFF on the timestamps it came from")));
            return;
        }
        let week = match unit(&unit_name) {
            Unit::Missing(hint) => {
                out.push(unconvertible(format!("`{written}` to `{unit_name}` is not converted: Snowflake's DATE_TRUNC has no such unit. Hint: {hint}")));
                return;
            }
            Unit::Week => true,
            Unit::Same => false,
        };
        let week_note = "Snowflake starts weeks on the day WEEK_START names (0, the default, and 1: Monday, as PostgreSQL; 7: Sunday): keep WEEK_START at 0 or 1";
        let type_settled = matches!(
            value_type,
            Some(Temporal::Timestamp | Temporal::TimestampTz)
        ) || Self::cast_at_once(cx, name, close);
        if type_settled {
            if week {
                out.push(review(format!(
                    "`{written}('{unit_name}', …)`: {week_note}"
                )));
            }
            return;
        }
        if value_type == Some(Temporal::Date) {
            let cast = format!("::{}", cx.kw_like(&t.ranges[name], "timestamp_ltz"));
            let message = if week {
                format!("`{written}` of a DATE → `{written}(…){cast}`: Snowflake returns a DATE where PostgreSQL returns a timestamptz; and {week_note}")
            } else {
                format!("`{written}` of a DATE → `{written}(…){cast}`: Snowflake returns a DATE where PostgreSQL returns a timestamptz at midnight in the session time zone")
            };
            let finding = Finding::new(&self.meta, range.clone(), message)
                .with_category(if week {
                    Category::Review
                } else {
                    Category::Fix
                })
                .with_edits(vec![Edit::insert(range.end, cast)]);
            out.push(finding);
            return;
        }
        let week_part = if week {
            format!("; and {week_note}")
        } else {
            String::new()
        };
        out.push(review(format!("`{written}`: if the argument is a DATE, Snowflake returns a DATE where PostgreSQL returns a timestamptz (same dates, but the column type and its text change). Hint: append `::timestamp_ltz` where a timestamp is expected, or `::date` where a date is{week_part}")));
    }
}
