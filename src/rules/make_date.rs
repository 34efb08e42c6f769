//! PG805: `make_date` / `make_time` / `make_timestamp` / `make_timestamptz`
//! / `make_interval`. Snowflake builds dates and times with the
//! `*_FROM_PARTS` functions, which take the same arguments in the same order
//! but normalise out-of-range parts where PostgreSQL raises an error.

use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct MakeDate {
    meta: RuleMeta,
}

impl MakeDate {
    pub fn new() -> Self {
        MakeDate {
            meta: meta(
                "PG805",
                "make-date",
                "make_date/make_time/make_timestamp are *_FROM_PARTS in Snowflake",
                Category::Review,
                docs(
                    "Renames `make_date(y, m, d)` to `date_from_parts(y, m, d)`, `make_time(h, mi, s)` to `time_from_parts(h, mi, s)`, `make_timestamp(y, m, d, h, mi, s)` to `timestamp_ntz_from_parts(…)` and `make_timestamptz(y, m, d, h, mi, s)` (no zone argument) to `timestamp_ltz_from_parts(…)`. `make_timestamptz` with a zone and `make_interval` are reported.",
                    "Snowflake has no MAKE_* functions; its DATE_FROM_PARTS, TIME_FROM_PARTS and TIMESTAMP_*_FROM_PARTS take the parts in the same order. The NTZ/LTZ variants pin the type that PostgreSQL returns (timestamp, timestamptz), which TIMESTAMP_FROM_PARTS would leave to TIMESTAMP_TYPE_MAPPING.",
                    "`make_date(cast(annee as integer), cast(mois as integer), 1)` becomes `date_from_parts(cast(annee as integer), cast(mois as integer), 1)`.",
                    "Review: for parts in range the result is the same; out of range PostgreSQL raises an error where Snowflake carries over (`make_date(2024, 13, 1)` fails, `date_from_parts(2024, 13, 1)` is 2025-01-01; day 0 is the last day of the month before). PostgreSQL's seconds are a double with a fraction; Snowflake's seconds argument is an integer (pass the fraction as nanoseconds, the 7th argument). make_timestamptz with a zone needs `convert_timezone`; make_interval has no Snowflake value to build (use DATEADD).",
                    "https://docs.snowflake.com/en/sql-reference/functions/date_from_parts ; https://docs.snowflake.com/en/sql-reference/functions/time_from_parts ; https://docs.snowflake.com/en/sql-reference/functions/timestamp_from_parts ; https://www.postgresql.org/docs/current/functions-datetime.html",
                ),
            ),
        }
    }
}

impl Rule for MakeDate {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::TOKENS
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        let t = cx.tokens;
        for (i, name) in t.calls() {
            let (parts, target) = match name {
                "make_date" => (3, "date_from_parts"),
                "make_time" => (3, "time_from_parts"),
                "make_timestamp" => (6, "timestamp_ntz_from_parts"),
                "make_timestamptz" => (6, "timestamp_ltz_from_parts"),
                "make_interval" => (usize::MAX, ""),
                _ => continue,
            };
            let Some(open) = t.next_sig(i) else { continue };
            let Some(close) = t.matching_paren(open) else {
                continue;
            };
            let written = t.slice(i);
            let range = t.ranges[i].start..t.ranges[close].end;
            let n = cx.tokens.arguments(open, close).len();
            if n != parts {
                let why = if name == "make_interval" {
                    "Snowflake has no interval value to build from parts. Hint: add the parts with DATEADD (`dateadd(day, d, dateadd(month, m, ts))`)"
                } else {
                    "the arguments are not the plain parts (a zone or named arguments). Hint: build the timestamp with TIMESTAMP_TZ_FROM_PARTS(…, zone) or CONVERT_TIMEZONE"
                };
                out.push(
                    Finding::new(
                        &self.meta,
                        range,
                        format!("`{written}` is not converted: {why}"),
                    )
                    .with_category(Category::Unconvertible),
                );
                continue;
            }
            let renamed = cx.kw_like(&t.ranges[i], target);
            let carry = if name == "make_time" {
                "minute 60 is the next hour"
            } else {
                "month 13 is January of the next year"
            };
            let seconds = if name == "make_date" {
                ""
            } else {
                "; PostgreSQL's seconds may carry a fraction, Snowflake's seconds argument is an integer"
            };
            out.push(
                Finding::new(
                    &self.meta,
                    range,
                    format!("`{written}` → `{renamed}`: out-of-range parts are an error in PostgreSQL and carried over in Snowflake ({carry}){seconds}"),
                )
                .with_edits(vec![Edit::replace(t.ranges[i].clone(), renamed)]),
            );
        }
    }
}
