//! PG807: interval literals and casts to interval. Snowflake's interval
//! constants are `INTERVAL '<integer> <unit>[, <integer> <unit>…]'`, applied
//! part by part in the order written; PostgreSQL's interval text is spaced
//! (`'2 hours 30 minutes'`), takes fractions, `h:mm:ss` and casts, and is
//! added months first, then days, then time. A literal is rewritten to the
//! Snowflake constant that adds the same months, days and time in that order.

use sqlparser::ast::{BinaryOperator, Expr, Value};
use sqlparser::tokenizer::Token;

use super::date_trunc::{temporal_type, Temporal};
use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct IntervalLiteral {
    meta: RuleMeta,
}

impl IntervalLiteral {
    pub fn new() -> Self {
        IntervalLiteral {
            meta: meta(
                "PG807",
                "interval-literal",
                "interval literals and casts to interval in Snowflake's interval-constant grammar",
                Category::Fix,
                docs(
                    "Rewrites `'1 month'::interval`, `cast('1 month' as interval)` and `interval '2 hours 30 minutes'` to Snowflake interval constants: `interval '1 month'`, `interval '2 hours, 30 minutes'`. Several year/month parts become one month count and several week/day parts one day count (`'1 year 2 months'` → `'14 months'`); month parts are written before day parts and day parts before time parts; fractional or `h:mm:ss` time becomes whole units (`'1.5 hours'` → `'90 minutes'`, `'1 day 02:30:00'` → `'1 day, 150 minutes'`); `interval '3' day` becomes `interval '3 day'`. A cast of a value that is not a literal, negative or `ago` amounts, fractional months and years, and an interval multiplied or divided are reported as unconvertible.",
                    "Snowflake's interval constants take comma-separated integer amounts with a unit and apply the parts in the order written, and an interval constant cannot be built from a value or multiplied. PostgreSQL adds an interval's months first, then its days, then its time; adding one month and then one year to 2024-02-29 is not adding 13 months, so the parts are merged and ordered as PostgreSQL applies them.",
                    "`created_at > now() - '30 days'::interval` becomes `created_at > now() - interval '30 days'`; `ts + interval '2 hours 30 minutes'` becomes `ts + interval '2 hours, 30 minutes'`.",
                    "Fix: the constant adds the same months, days and time in the order PostgreSQL adds them. Not converted: `(n || ' days')::interval` (Hint: `dateadd(day, n, ts)`), `interval '1 day' * n` (Hint: `dateadd(day, n, ts)`), fractions of months and years (PostgreSQL turns them into 30-day days), negative amounts and `ago` (Hint: subtract the positive interval).",
                    "https://docs.snowflake.com/en/sql-reference/data-types-datetime#interval-constants ; https://docs.snowflake.com/en/sql-reference/functions/dateadd ; https://www.postgresql.org/docs/current/datatype-datetime.html#DATATYPE-INTERVAL-INPUT ; https://www.postgresql.org/docs/current/functions-datetime.html",
                ),
            ),
        }
    }
}

/// Which of PostgreSQL's three interval fields a unit adds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Months,
    Days,
    Time,
}

/// A unit: its group, its size in the group's base (months, days or
/// microseconds), and the Snowflake unit to write with how many of it one
/// written unit is, for the words Snowflake does not accept.
fn unit(word: &str) -> Option<(Group, i128, &'static str, i128)> {
    Some(match word {
        "millennium" | "millennia" | "millenniums" | "mil" | "mils" => {
            (Group::Months, 12_000, "months", 12_000)
        }
        "century" | "centuries" | "c" | "cent" => (Group::Months, 1_200, "months", 1_200),
        "decade" | "decades" | "dec" | "decs" => (Group::Months, 120, "months", 120),
        "year" | "years" | "y" | "yr" | "yrs" => (Group::Months, 12, "years", 1),
        "month" | "months" | "mon" | "mons" => (Group::Months, 1, "months", 1),
        "week" | "weeks" | "w" => (Group::Days, 7, "weeks", 1),
        "day" | "days" | "d" => (Group::Days, 1, "days", 1),
        "hour" | "hours" | "h" | "hr" | "hrs" => (Group::Time, 3_600_000_000, "hours", 1),
        "minute" | "minutes" | "m" | "min" | "mins" => (Group::Time, 60_000_000, "minutes", 1),
        "second" | "seconds" | "s" | "sec" | "secs" => (Group::Time, 1_000_000, "seconds", 1),
        "millisecond" | "milliseconds" | "ms" | "msec" | "msecs" => {
            (Group::Time, 1_000, "milliseconds", 1)
        }
        "microsecond" | "microseconds" | "us" | "usec" | "usecs" => {
            (Group::Time, 1, "microseconds", 1)
        }
        _ => return None,
    })
}

/// Unit words that Snowflake's interval constants accept as written.
fn snowflake_unit(word: &str) -> bool {
    matches!(
        word,
        "year"
            | "years"
            | "y"
            | "yr"
            | "yrs"
            | "month"
            | "months"
            | "mon"
            | "mons"
            | "week"
            | "weeks"
            | "w"
            | "day"
            | "days"
            | "d"
            | "hour"
            | "hours"
            | "h"
            | "hr"
            | "hrs"
            | "minute"
            | "minutes"
            | "min"
            | "mins"
            | "second"
            | "seconds"
            | "sec"
            | "secs"
            | "s"
            | "millisecond"
            | "milliseconds"
            | "ms"
            | "microsecond"
            | "microseconds"
            | "us"
    )
}

/// One `<amount> <unit>` of an interval text.
struct Part {
    group: Group,
    /// Whole amount as written (`None` for a fraction or `h:mm:ss`).
    whole: Option<i128>,
    /// The amount in the group's base unit, in millionths for months and
    /// days (so that fractions can be checked), in microseconds for time.
    base: i128,
    /// The text to write for a whole amount: `<n> <unit>`.
    text: String,
}

/// A decimal amount in millionths: `1.5` → 1_500_000.
fn millionths(s: &str) -> Option<i128> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() && frac.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 6
        || int.len() > 12
    {
        return None;
    }
    let int: i128 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let frac: i128 = format!("{frac:0<6}").parse().ok()?;
    Some(int * 1_000_000 + frac)
}

/// `h:mm[:ss[.ffffff]]` in microseconds.
fn clock(s: &str) -> Option<i128> {
    let fields: Vec<&str> = s.split(':').collect();
    let (h, m, sec) = match fields.as_slice() {
        [h, m] => (*h, *m, "0"),
        [h, m, sec] => (*h, *m, *sec),
        _ => return None,
    };
    if h.is_empty() || !h.bytes().all(|b| b.is_ascii_digit()) || m.len() != 2 {
        return None;
    }
    let h: i128 = h.parse().ok()?;
    let m: i128 = m.parse().ok()?;
    let sec = millionths(sec)?;
    if m > 59 || sec >= 60_000_000 {
        return None;
    }
    Some(h * 3_600_000_000 + m * 60_000_000 + sec)
}

/// The Snowflake text for a PostgreSQL interval text; `Ok(None)` when the text
/// is already a Snowflake constant that adds the same.
fn translate(body: &str) -> Result<Option<String>, String> {
    let lower = body.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Err("the interval text is empty".to_string());
    }
    if words
        .iter()
        .any(|w| *w == "ago" || w.starts_with('-') || w.starts_with('+') || w.starts_with('@'))
    {
        return Err("signs, `@` and `ago` are not in Snowflake's interval grammar. Hint: subtract the positive interval".to_string());
    }
    if words.iter().any(|w| w.starts_with('p')) {
        return Err("ISO 8601 intervals (`P1D`) are not in Snowflake's interval grammar. Hint: write `interval '<n> <unit>'`".to_string());
    }
    let mut parts: Vec<Part> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if w.contains(':') {
            let us = clock(w).ok_or_else(|| format!("`{w}` is not a time of day"))?;
            parts.push(Part {
                group: Group::Time,
                whole: None,
                base: us,
                text: String::new(),
            });
            i += 1;
            continue;
        }
        let amount = millionths(w).ok_or_else(|| format!("`{w}` is not an amount"))?;
        let Some(&unit_word) = words.get(i + 1) else {
            return Err(format!(
                "`{w}` has no unit (PostgreSQL reads seconds; write `{w} seconds`)"
            ));
        };
        let (group, size, name, factor) =
            unit(unit_word).ok_or_else(|| format!("`{unit_word}` is not an interval unit"))?;
        let whole = (amount % 1_000_000 == 0).then_some(amount / 1_000_000);
        let base = if group == Group::Time {
            if amount * size % 1_000_000 != 0 {
                return Err(format!("`{w} {unit_word}` is below a microsecond"));
            }
            amount * size / 1_000_000
        } else {
            amount * size
        };
        if group == Group::Months && base % 1_000_000 != 0 {
            return Err(format!("`{w} {unit_word}` is a fraction of a month: PostgreSQL turns it into 30-day days. Hint: write the months and days"));
        }
        if group == Group::Days && size == 7 && base % 1_000_000 != 0 {
            return Err(format!(
                "`{w} {unit_word}` is a fraction of a day. Hint: write the days and hours"
            ));
        }
        let text = match whole {
            Some(n) if snowflake_unit(unit_word) => format!("{n} {unit_word}"),
            Some(n) => format!("{} {name}", n * factor),
            None => String::new(),
        };
        parts.push(Part {
            group,
            whole,
            base,
            text,
        });
        i += 2;
    }
    // A fraction of a day is time (PostgreSQL: '1.5 days' is 1 day 12:00:00).
    let mut fixed: Vec<Part> = Vec::new();
    for p in parts {
        if p.group == Group::Days && p.whole.is_none() {
            let days = p.base / 1_000_000;
            let rest = p.base % 1_000_000;
            if days > 0 {
                fixed.push(Part {
                    group: Group::Days,
                    whole: Some(days),
                    base: days * 1_000_000,
                    text: format!("{days} days"),
                });
            }
            fixed.push(Part {
                group: Group::Time,
                whole: None,
                base: rest * 86_400,
                text: String::new(),
            });
        } else {
            fixed.push(p);
        }
    }
    let parts = fixed;
    let group_text = |group: Group, base_name: &str, per_unit: i128| -> Option<String> {
        let of: Vec<&Part> = parts.iter().filter(|p| p.group == group).collect();
        match of.as_slice() {
            [] => None,
            [one] if one.whole.is_some() => Some(one.text.clone()),
            _ => {
                let total: i128 = of.iter().map(|p| p.base).sum();
                Some(format!("{} {base_name}", total / per_unit))
            }
        }
    };
    let mut out: Vec<String> = Vec::new();
    out.extend(group_text(Group::Months, "months", 1_000_000));
    out.extend(group_text(Group::Days, "days", 1_000_000));
    let time: Vec<&Part> = parts.iter().filter(|p| p.group == Group::Time).collect();
    if time.iter().all(|p| p.whole.is_some()) {
        out.extend(time.iter().map(|p| p.text.clone()));
    } else {
        let total: i128 = time.iter().map(|p| p.base).sum();
        let (size, name) = [
            (3_600_000_000, "hours"),
            (60_000_000, "minutes"),
            (1_000_000, "seconds"),
            (1_000, "milliseconds"),
            (1, "microseconds"),
        ]
        .into_iter()
        .find(|(size, _)| total % size == 0)
        .unwrap_or((1, "microseconds"));
        out.push(format!("{} {name}", total / size));
    }
    let text = out.join(", ");
    // Already Snowflake's grammar, in PostgreSQL's order: leave it.
    let as_written: Vec<String> = body
        .split(',')
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    if body.contains(',') && as_written.join(", ").eq_ignore_ascii_case(&text) {
        return Ok(None);
    }
    if !body.contains(',') && words.len() == 2 && text.eq_ignore_ascii_case(&as_written.join(" ")) {
        return Ok(None);
    }
    Ok(Some(text))
}

/// Whether an expression is an interval: a literal or a cast to interval.
fn is_interval(e: &Expr) -> bool {
    match e {
        Expr::Interval(_) => true,
        Expr::Nested(inner) => is_interval(inner),
        Expr::Cast { data_type, .. } => temporal_type(data_type) == Some(Temporal::Interval),
        _ => false,
    }
}

fn string_value(e: &Expr) -> Option<&str> {
    match e {
        Expr::Value(v) => match &v.value {
            Value::SingleQuotedString(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

impl IntervalLiteral {
    fn literal(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let Expr::Interval(iv) = expr else { return };
        let t = cx.tokens;
        let Some(body) = string_value(&iv.value) else {
            return;
        };
        let Some(value) = t.expr_range(&iv.value) else {
            return;
        };
        let Some(lit) = t.at(value.start) else { return };
        if !matches!(t.token(lit), Token::SingleQuotedString(_)) || cx.touches_jinja(&t.ranges[lit])
        {
            return;
        }
        let Some(kw) = t.prev_sig(lit) else { return };
        if !t.is_word(kw, "interval") {
            return;
        }
        let range = t.ranges[kw].start..t.ranges[lit].end;
        let written = cx.src(range.clone()).to_string();
        if iv.leading_field.is_some() || iv.last_field.is_some() {
            // `interval '3' day`: one field, no precision, no `to`.
            let Some(field) = t.next_sig(lit) else { return };
            let whole_number = !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit());
            let simple = iv.last_field.is_none()
                && iv.leading_precision.is_none()
                && iv.fractional_seconds_precision.is_none()
                && whole_number
                && t.next_sig(field)
                    .is_none_or(|n| !matches!(t.token(n), Token::LParen));
            let full = t.ranges[kw].start..t.ranges[field].end;
            if !simple {
                out.push(
                    Finding::new(&self.meta, full, format!("`{}` is not converted: Snowflake's interval constants take no field qualifier. Hint: write `interval '<n> <unit>[, <n> <unit>]'`", cx.src(t.ranges[kw].start..t.ranges[field].end)))
                        .with_category(Category::Unconvertible),
                );
                return;
            }
            let unit = t.slice(field).to_ascii_lowercase();
            let replacement = format!("'{body} {unit}'");
            out.push(
                Finding::new(&self.meta, full.clone(), format!("`{}` → `interval {replacement}`: Snowflake's interval constants take the unit inside the quotes", cx.src(full.clone())))
                    .with_edits(vec![Edit::replace(t.ranges[lit].start..t.ranges[field].end, replacement)]),
            );
            return;
        }
        match translate(body) {
            Ok(None) => {}
            Ok(Some(text)) => {
                out.push(
                    Finding::new(&self.meta, range, format!("`{written}` → `interval '{text}'`: Snowflake's interval constants are comma-separated whole amounts, added in the order written (PostgreSQL adds months, then days, then time)"))
                        .with_edits(vec![Edit::replace(t.ranges[lit].clone(), format!("'{text}'"))]),
                );
            }
            Err(why) => {
                out.push(
                    Finding::new(
                        &self.meta,
                        range,
                        format!("`{written}` is not converted: {why}"),
                    )
                    .with_category(Category::Unconvertible),
                );
            }
        }
    }

    fn cast(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let Expr::Cast {
            expr: operand,
            data_type,
            ..
        } = expr
        else {
            return;
        };
        if temporal_type(data_type) != Some(Temporal::Interval) {
            return;
        }
        let t = cx.tokens;
        let Some(cast) = t.cast(expr) else {
            return;
        };
        let (parts, type_text) = (cast.parts, &*cast.type_text);
        let range = t.ranges[parts.whole.0].start..t.ranges[parts.whole.1].end;
        let Some(body) = string_value(operand) else {
            out.push(
                Finding::new(&self.meta, range, format!("a cast of a value to `{type_text}` is not converted: Snowflake's interval constants cannot be built from a value. Hint: `dateadd(day, n, ts)` for `ts + (n || ' days')::interval`, `dateadd(unit, n * k, ts)` for `ts + n * interval '…'`"))
                    .with_category(Category::Unconvertible),
            );
            return;
        };
        let written = cx.src(range.clone()).to_string();
        let inner_is_plain = (parts.whole.0..=parts.whole.1).all(|j| !t.is_comment(j));
        if type_text != "interval" || cx.touches_jinja(&range) || !inner_is_plain {
            out.push(
                Finding::new(&self.meta, range, format!("`{written}` is not converted: write it as a Snowflake interval constant, `interval '<n> <unit>[, <n> <unit>]'`"))
                    .with_category(Category::Unconvertible),
            );
            return;
        }
        let text = match translate(body) {
            Ok(None) => body.to_string(),
            Ok(Some(text)) => text,
            Err(why) => {
                out.push(
                    Finding::new(
                        &self.meta,
                        range,
                        format!("`{written}` is not converted: {why}"),
                    )
                    .with_category(Category::Unconvertible),
                );
                return;
            }
        };
        let type_range = t.ranges[parts.type_name.0].start..t.ranges[parts.type_name.1].end;
        let constant = format!("{} '{text}'", cx.kw_like(&type_range, "interval"));
        out.push(
            Finding::new(&self.meta, range.clone(), format!("`{written}` → `{constant}`: a cast to interval is written as an interval constant in Snowflake"))
                .with_edits(vec![Edit::replace(range, constant)]),
        );
    }

    fn scaled(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let Expr::BinaryOp {
            left,
            op: BinaryOperator::Multiply | BinaryOperator::Divide,
            right,
        } = expr
        else {
            return;
        };
        if !is_interval(left) && !is_interval(right) {
            return;
        }
        let t = cx.tokens;
        let Some(range) = t.expr_range(expr) else {
            return;
        };
        // The span of `interval '…'` starts at its literal: take the keyword in.
        let start = match left.as_ref() {
            Expr::Interval(iv) => t
                .expr_range(&iv.value)
                .and_then(|v| t.at(v.start))
                .and_then(|lit| t.prev_sig(lit))
                .filter(|&kw| t.is_word(kw, "interval"))
                .map(|kw| t.ranges[kw].start),
            _ => None,
        };
        let range = start.unwrap_or(range.start).min(range.start)..range.end;
        let written = cx
            .src(range.clone())
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        out.push(
            Finding::new(&self.meta, range, format!("`{written}` is not converted: Snowflake cannot multiply or divide an interval constant. Hint: `dateadd(unit, n * k, ts)` in place of `ts + n * interval 'k unit'`"))
                .with_category(Category::Unconvertible),
        );
    }
}

impl Rule for IntervalLiteral {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::EXPR
    }

    fn expr_kinds(&self) -> ExprKinds {
        ExprKinds::INTERVAL | ExprKinds::CAST | ExprKinds::BINARY_OP
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        match expr {
            Expr::Interval(_) => self.literal(expr, cx, out),
            Expr::Cast { .. } => self.cast(expr, cx, out),
            Expr::BinaryOp { .. } => self.scaled(expr, cx, out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::translate;

    fn sf(body: &str) -> Result<Option<String>, String> {
        translate(body)
    }

    #[test]
    fn snowflake_constants_stay() {
        assert_eq!(sf("1 day"), Ok(None));
        assert_eq!(sf("2 hours, 30 minutes"), Ok(None));
        assert_eq!(sf("1 month, 2 days"), Ok(None));
        assert_eq!(sf("14 months"), Ok(None));
    }

    #[test]
    fn parts_are_merged_and_ordered_as_postgres_adds_them() {
        assert_eq!(
            sf("2 hours 30 minutes").unwrap().unwrap(),
            "2 hours, 30 minutes"
        );
        assert_eq!(sf("1 year 2 months").unwrap().unwrap(), "14 months");
        assert_eq!(sf("2 days 1 month").unwrap().unwrap(), "1 month, 2 days");
        assert_eq!(sf("1 week 2 days").unwrap().unwrap(), "9 days");
        assert_eq!(sf("1 decade").unwrap().unwrap(), "120 months");
        assert_eq!(sf("3 usecs").unwrap().unwrap(), "3 microseconds");
    }

    #[test]
    fn fractions_and_clock_times_become_whole_units() {
        assert_eq!(sf("1.5 hours").unwrap().unwrap(), "90 minutes");
        assert_eq!(sf("1.5 days").unwrap().unwrap(), "1 days, 12 hours");
        assert_eq!(sf("1:30:00").unwrap().unwrap(), "90 minutes");
        assert_eq!(sf("1 day 02:30:00").unwrap().unwrap(), "1 day, 150 minutes");
        assert_eq!(sf("0.25 seconds").unwrap().unwrap(), "250 milliseconds");
    }

    #[test]
    fn what_snowflake_cannot_say_is_named() {
        assert!(sf("1.5 months").is_err());
        assert!(sf("-1 day").is_err());
        assert!(sf("1 day ago").is_err());
        assert!(sf("P1D").is_err());
        assert!(sf("10").is_err());
        assert!(sf("1 fortnight").is_err());
    }
}
