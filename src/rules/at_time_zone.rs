//! PG808: `x AT TIME ZONE 'zone'`. Snowflake has no AT TIME ZONE; its
//! CONVERT_TIMEZONE('zone', x) shows an instant in a zone (a TIMESTAMP_TZ),
//! which cast to TIMESTAMP_NTZ is PostgreSQL's result for a timestamptz:
//! the wall-clock time in that zone. For a timestamp without time zone
//! PostgreSQL does the opposite (reads the wall clock in the zone, returns
//! the instant), so the rewrite is exact only where the operand's type shows.

use sqlparser::ast::{Expr, Value};

use super::date_trunc::{visible_type, Temporal};
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct AtTimeZone {
    meta: RuleMeta,
}

impl AtTimeZone {
    pub fn new() -> Self {
        AtTimeZone {
            meta: meta(
                "PG808",
                "at-time-zone",
                "AT TIME ZONE is CONVERT_TIMEZONE in Snowflake",
                Category::Review,
                docs(
                    "Rewrites `x at time zone 'Europe/Paris'` to `convert_timezone('Europe/Paris', x)::timestamp_ntz`: a fix when `x` is visibly a timestamptz or a date (`now()`, `x::timestamptz`, `current_date`), a review when its type is unknown. A timestamp without time zone, a zone that is not an IANA name or `UTC`, and a zone that is not a literal are reported as unconvertible.",
                    "Snowflake has no AT TIME ZONE. PostgreSQL's result depends on the operand's type: a timestamptz (or a date, read as midnight in the session zone) is shown as the wall-clock time in the zone, a `timestamp` result; a timestamp without time zone is read as wall-clock time in the zone and the instant (a timestamptz) comes back. Snowflake's two-argument CONVERT_TIMEZONE takes an instant (a TIMESTAMP_LTZ or DATE in the session time zone) and returns it as a TIMESTAMP_TZ in the target zone, whose cast to TIMESTAMP_NTZ is that wall-clock time. Snowflake accepts IANA zone names (case-sensitive) and not abbreviations such as 'CET' or 'EST'.",
                    "`created_at::timestamptz at time zone 'Europe/Paris'` becomes `convert_timezone('Europe/Paris', created_at::timestamp_ltz)::timestamp_ntz`.",
                    "Fix for a visible timestamptz or date: the same wall-clock time. Review for an operand of unknown type: if it is a timestamp without time zone, PostgreSQL reads it as wall-clock time in the zone and returns an instant, the opposite conversion. Not converted: a visible timestamp without time zone (Hint: `convert_timezone('zone', 'UTC', x)` gives the instant's UTC wall clock; `x at time zone 'A' at time zone 'B'` is `convert_timezone('A', 'B', x)`), zone abbreviations and offsets, zones that are not literals.",
                    "https://docs.snowflake.com/en/sql-reference/functions/convert_timezone ; https://www.postgresql.org/docs/current/functions-datetime.html#FUNCTIONS-DATETIME-ZONECONVERT",
                ),
            ),
        }
    }
}

/// Whether Snowflake accepts a zone name: an IANA `Area/Location` name or UTC.
fn iana_zone(zone: &str) -> bool {
    let area_location = zone.split_once('/').is_some_and(|(area, location)| {
        !area.is_empty()
            && !location.is_empty()
            && area.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
            && zone
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'_' | b'-' | b'+'))
    });
    area_location || zone == "UTC"
}

impl Rule for AtTimeZone {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::EXPR
    }

    fn expr_kinds(&self) -> ExprKinds {
        ExprKinds::AT_TIME_ZONE
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let Expr::AtTimeZone {
            timestamp,
            time_zone,
        } = expr
        else {
            return;
        };
        let t = cx.tokens;
        let Some((zone_first, zone_last)) = t.expr_tokens(time_zone) else {
            return;
        };
        // `… at time zone <zone>`: the operand ends before `at`.
        let keyword = |j: usize, w: &str| Some(j).filter(|&j| t.is_word(j, w));
        let Some(at) = t
            .prev_sig(zone_first)
            .and_then(|z| keyword(z, "zone"))
            .and_then(|z| t.prev_sig(z))
            .and_then(|tm| keyword(tm, "time"))
            .and_then(|tm| t.prev_sig(tm))
            .and_then(|a| keyword(a, "at"))
        else {
            return;
        };
        let Some(last) = t.prev_sig(at) else { return };
        // A bare word such as `current_date` has no span of its own.
        let first = t.expr_tokens(timestamp).map_or(last, |(f, _)| f);
        let range = t.ranges[first].start..t.ranges[zone_last].end;
        let written = cx
            .src(range.clone())
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let unconvertible = |why: String| {
            Finding::new(
                &self.meta,
                range.clone(),
                format!("`{written}` is not converted: {why}"),
            )
            .with_category(Category::Unconvertible)
        };
        let zone = match time_zone.as_ref() {
            Expr::Value(v) => match &v.value {
                Value::SingleQuotedString(z) => z.clone(),
                _ => String::new(),
            },
            _ => {
                out.push(unconvertible("the zone is not a literal. Hint: `convert_timezone(zone, x)::timestamp_ntz` for a timestamptz `x`, with IANA zone names".to_string()));
                return;
            }
        };
        if !iana_zone(&zone) || cx.touches_jinja(&t.ranges[zone_first]) {
            out.push(unconvertible(format!("Snowflake takes IANA zone names (`Europe/Paris`, `UTC`), not `{zone}`. Hint: write the IANA name, then `convert_timezone('Area/City', x)::timestamp_ntz`")));
            return;
        }
        let operand = visible_type(timestamp);
        let category = match operand {
            Some(Temporal::TimestampTz | Temporal::Date) => Category::Fix,
            Some(Temporal::Timestamp) => {
                out.push(unconvertible(format!("for a timestamp without time zone PostgreSQL reads the wall clock in '{zone}' and returns the instant, which Snowflake's CONVERT_TIMEZONE does not return. Hint: `convert_timezone('{zone}', 'UTC', x)` gives the instant's UTC wall clock; `x at time zone '{zone}' at time zone 'B'` is `convert_timezone('{zone}', 'B', x)`")));
                return;
            }
            Some(Temporal::Interval) => return,
            None => Category::Review,
        };
        // Comments between the operand and the zone would be swallowed.
        if (last..zone_first).any(|j| t.is_comment(j)) {
            return;
        }
        // New words follow the case of the `at time zone` they replace.
        let keywords = t.ranges[at].start..t.ranges[zone_first].start;
        let function = cx.kw_like(&keywords, "convert_timezone");
        let cast = cx.kw_like(&keywords, "timestamp_ntz");
        let zone_text = t.slice(zone_first);
        let replacement = format!("{function}({zone_text}, …)::{cast}");
        let message = if category == Category::Fix {
            format!("`{written}` → `{replacement}`: Snowflake has no AT TIME ZONE; CONVERT_TIMEZONE shows the instant in '{zone}', and the cast keeps its wall-clock time, PostgreSQL's result")
        } else {
            format!("`{written}` → `{replacement}`: right if the operand is a timestamptz (or a date). If it is a timestamp without time zone, PostgreSQL reads it as wall-clock time in '{zone}' and returns the instant, the opposite conversion: then use `convert_timezone('{zone}', 'UTC', x)`")
        };
        out.push(
            Finding::new(&self.meta, range.clone(), message)
                .with_category(category)
                .with_edits(vec![
                    Edit::insert(t.ranges[first].start, format!("{function}({zone_text}, ")),
                    Edit::replace(
                        t.ranges[last].end..t.ranges[zone_last].end,
                        format!(")::{cast}"),
                    ),
                ]),
        );
    }
}
