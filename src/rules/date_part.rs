//! PG802: the fields of `extract(field from x)` and `date_part('field', x)`.
//! Most fields have the same name in Snowflake; the ISO ones and `dow` are
//! renamed to the Snowflake part that gives the same number whatever
//! WEEK_START and WEEK_OF_YEAR_POLICY say, `epoch` and `second` lose their
//! fraction (review), and the rest have no Snowflake part (unconvertible).

use sqlparser::ast::{BinaryOperator, DateTimeField, Expr};
use sqlparser::keywords::Keyword;
use sqlparser::tokenizer::Token;

use super::date_trunc::{visible_type, Temporal};
use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct DatePart {
    meta: RuleMeta,
}

impl DatePart {
    pub fn new() -> Self {
        DatePart {
            meta: meta(
                "PG802",
                "date-part-field",
                "extract/date_part fields that Snowflake names or computes differently",
                Category::Fix,
                docs(
                    "Renames the field of `extract(field from x)` / `date_part('field', x)`: `isodow` → `dayofweekiso`, `isoyear` → `yearofweekiso`, `week` → `weekiso`, and `dow` → `dayofweekiso` taken modulo 7 (`(extract(dayofweekiso from x) % 7)`). `extract(epoch from a - b)` with both operands visibly timestamps (a cast to timestamp or timestamptz, `now()`, `current_timestamp`) becomes `(date_part(epoch_microsecond, a) - date_part(epoch_microsecond, b)) * 0.000001`. Other `epoch` and `second` fields are flagged for review; `century`, `decade`, `millennium`, `julian`, `milliseconds`, `microseconds` and `timezone` are reported as unconvertible.",
                    "Snowflake's `dayofweek` and `week` depend on the WEEK_START and WEEK_OF_YEAR_POLICY session parameters, where PostgreSQL's `dow` (0 = Sunday … 6 = Saturday) and `week` (ISO 8601 week) do not; `dayofweekiso` (1 = Monday … 7 = Sunday), `weekiso` and `yearofweekiso` are fixed by ISO 8601 whatever the parameters, and ISO day modulo 7 is PostgreSQL's dow. Snowflake has no isodow/isoyear names and no century, decade, millennium, julian or sub-second parts.",
                    "`date_part('week', visits.measured_at)` becomes `date_part(weekiso, visits.measured_at)`; `extract(dow from d)` becomes `(extract(dayofweekiso from d) % 7)`.",
                    "Fix for the renamed fields: the same numbers for every date and every parameter setting. Fix for the epoch of a timestamp difference: PostgreSQL's interval from `a - b` holds the elapsed microseconds (wall-clock for timestamp, instants for timestamptz), which is the difference of the epoch microseconds, scaled by an exact decimal. Review for `epoch` and `second`: Snowflake returns whole seconds where PostgreSQL keeps the fraction (`extract(second from '10:00:01.5')` is 1.5 in PostgreSQL, 1 in Snowflake), and `extract(epoch from interval)` has no Snowflake counterpart. A field that is not a literal is reviewed.",
                    "https://docs.snowflake.com/en/sql-reference/functions-date-time#supported-date-and-time-parts ; https://docs.snowflake.com/en/sql-reference/functions-date-time#label-calendar-weeks-weekdays ; https://docs.snowflake.com/en/sql-reference/functions/extract ; https://www.postgresql.org/docs/current/functions-datetime.html#FUNCTIONS-DATETIME-EXTRACT",
                ),
            ),
        }
    }
}

enum Field {
    /// The same part in Snowflake, or a Snowflake part this rule wrote.
    Same,
    Rename(&'static str),
    /// `dow`: ISO day of week modulo 7.
    DayOfWeek,
    Fraction,
    Missing(&'static str),
}

fn field(name: &str) -> Field {
    match name {
        "isodow" => Field::Rename("dayofweekiso"),
        "isoyear" => Field::Rename("yearofweekiso"),
        "week" | "weeks" | "w" => Field::Rename("weekiso"),
        "dow" => Field::DayOfWeek,
        "epoch" | "second" | "seconds" | "s" | "sec" | "secs" => Field::Fraction,
        "century" | "centuries" => {
            Field::Missing("`floor((year(x) - 1) / 100) + 1` for years after 0")
        }
        "decade" | "decades" => Field::Missing("`floor(year(x) / 10)`"),
        "millennium" | "millennia" => {
            Field::Missing("`floor((year(x) - 1) / 1000) + 1` for years after 0")
        }
        "julian" => Field::Missing(
            "`datediff(day, '4714-11-24'::date, x)` is not the same below days; compute by hand",
        ),
        "milliseconds" | "millisecond" | "ms" | "msec" | "msecs" => {
            Field::Missing("`second(x) * 1000 + date_part(nanosecond, x) / 1e6`")
        }
        "microseconds" | "microsecond" | "us" | "usec" | "usecs" => {
            Field::Missing("`second(x) * 1000000 + date_part(nanosecond, x) / 1000`")
        }
        "timezone" => Field::Missing(
            "`date_part(timezone_hour, x) * 3600 + date_part(timezone_minute, x) * 60`",
        ),
        _ => Field::Same,
    }
}

impl DatePart {
    /// `extract(epoch from a - b)` with `a` and `b` visibly timestamps: the
    /// interval's seconds are the difference of the epoch microseconds, exact
    /// to the microsecond, written around the operands without moving them:
    /// `(date_part(epoch_microsecond, a) - date_part(epoch_microsecond, b)) * 0.000001`
    /// (a product, not a division: an exact decimal with no integer-division doubt).
    /// Returns the start offsets of the calls it rewrote.
    fn epoch_differences(&self, cx: &RuleContext, out: &mut Vec<Finding>) -> Vec<usize> {
        let t = cx.tokens;
        let mut done = Vec::new();
        // `extract(epoch …)` is parsed from an unquoted `epoch` only: without
        // one in the tokens, the walk of every expression finds nothing.
        if !t
            .list
            .iter()
            .any(|x| matches!(&x.token, Token::Word(w) if w.keyword == Keyword::EPOCH))
        {
            return done;
        }
        crate::parse::for_each_expr(cx.statements, |e| {
            let Expr::Extract {
                field: DateTimeField::Epoch,
                expr,
                ..
            } = e
            else {
                return;
            };
            let Expr::BinaryOp {
                left,
                op: BinaryOperator::Minus,
                right,
            } = expr.as_ref()
            else {
                return;
            };
            let timestamp = |x: &Expr| {
                matches!(
                    visible_type(x),
                    Some(Temporal::Timestamp | Temporal::TimestampTz)
                )
            };
            if !timestamp(left) || !timestamp(right) {
                return;
            }
            let (Some((left_first, left_last)), Some((right_first, _))) =
                (t.expr_tokens(left), t.expr_tokens(right))
            else {
                return;
            };
            // Walk back from the operand: `extract ( epoch from a - b )`.
            let Some(from) = t.prev_sig(left_first) else {
                return;
            };
            let Some(field) = t.prev_sig(from) else {
                return;
            };
            let Some(open) = t.prev_sig(field) else {
                return;
            };
            let Some(name) = t.prev_sig(open) else { return };
            let Some(close) = t.matching_paren(open) else {
                return;
            };
            let Some(minus) = t.next_sig(left_last) else {
                return;
            };
            let plain = t.is_word(name, "extract")
                && t.is_word(field, "epoch")
                && t.is_word(from, "from")
                && matches!(t.token(open), Token::LParen)
                && matches!(t.token(minus), Token::Minus)
                && t.next_sig(minus) == Some(right_first)
                && t.prev_sig(close).is_some_and(|p| p >= right_first)
                // Comments between the pieces would be swallowed by the edits.
                && !(name..left_first).chain(left_last..right_first).any(|j| t.is_comment(j));
            if !plain || cx.touches_jinja(&t.ranges[name]) {
                return;
            }
            let part = |kw: &str| cx.kw_like(&t.ranges[name], kw);
            let date_part = format!("{}({}, ", part("date_part"), part("epoch_microsecond"));
            let range = t.ranges[name].start..t.ranges[close].end;
            let written = t.slice(name);
            out.push(
                Finding::new(&self.meta, range.clone(), format!("`{written}(epoch from a - b)` of two timestamps → `({date_part}a) - {date_part}b)) * 0.000001`: Snowflake has no timestamp difference interval; the epoch microseconds give the same seconds, fraction included (an exact decimal, as PostgreSQL's numeric)"))
                    .with_edits(vec![
                        Edit::replace(t.ranges[name].start..t.ranges[left_first].start, format!("({date_part}")),
                        Edit::replace(t.ranges[left_last].end..t.ranges[right_first].start, format!(") - {date_part}")),
                        Edit::replace(t.ranges[close].clone(), ")) * 0.000001"),
                    ]),
            );
            done.push(range.start);
        });
        done
    }
}

impl Rule for DatePart {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::TOKENS
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        let t = cx.tokens;
        let rewritten = self.epoch_differences(cx, out);
        for (i, name) in t.calls() {
            if name != "extract" && name != "date_part" || rewritten.contains(&t.ranges[i].start) {
                continue;
            }
            let Some(open) = t.next_sig(i) else { continue };
            let Some(close) = t.matching_paren(open) else {
                continue;
            };
            let args = cx.tokens.arguments(open, close);
            let Some(&part) = args.first().and_then(|a| a.first()) else {
                continue;
            };
            let range = t.ranges[i].start..t.ranges[close].end;
            let written = t.slice(i);
            let value = match t.token(part) {
                Token::SingleQuotedString(s) => s.trim().to_ascii_lowercase(),
                // An unquoted word: extract's field, or a part this rule wrote.
                Token::Word(w)
                    if w.quote_style.is_none()
                        && (name == "extract"
                            || matches!(
                                w.value.to_ascii_lowercase().as_str(),
                                "weekiso" | "dayofweekiso" | "yearofweekiso" | "epoch_microsecond"
                            )) =>
                {
                    w.value.to_ascii_lowercase()
                }
                _ => {
                    if name == "date_part" {
                        out.push(
                            Finding::new(&self.meta, range, format!("`{written}` with a field that is not a literal: check that Snowflake has the part and gives the same number (dow, week, epoch and second differ)"))
                                .with_category(Category::Review),
                        );
                    }
                    continue;
                }
            };
            if cx.touches_jinja(&t.ranges[part]) {
                continue;
            }
            let part_range = t.ranges[part].clone();
            match field(&value) {
                Field::Same => {}
                Field::Rename(sf) => {
                    let renamed = cx.kw_like(&part_range, sf);
                    out.push(
                        Finding::new(&self.meta, range, format!("`{written}` field `{value}` → `{renamed}`: the ISO part, independent of WEEK_START and WEEK_OF_YEAR_POLICY, as PostgreSQL's `{value}` is"))
                            .with_edits(vec![Edit::replace(part_range, renamed)]),
                    );
                }
                Field::DayOfWeek => {
                    let renamed = cx.kw_like(&part_range, "dayofweekiso");
                    out.push(
                        Finding::new(&self.meta, range.clone(), format!("`{written}` field `dow` → `({written}({renamed} …) % 7)`: Snowflake's dayofweek depends on WEEK_START; the ISO day (Monday 1 … Sunday 7) modulo 7 is PostgreSQL's dow (Sunday 0 … Saturday 6)"))
                            .with_edits(vec![
                                Edit::insert(range.start, "("),
                                Edit::replace(part_range, renamed),
                                Edit::insert(range.end, " % 7)"),
                            ]),
                    );
                }
                Field::Fraction => {
                    out.push(
                        Finding::new(&self.meta, range, format!("`{written}` field `{value}`: Snowflake returns whole seconds where PostgreSQL keeps the fraction, and has no epoch of an interval. Hint: `date_part(epoch_millisecond, ts) / 1000` keeps milliseconds"))
                            .with_category(Category::Review),
                    );
                }
                Field::Missing(hint) => {
                    out.push(
                        Finding::new(&self.meta, range, format!("`{written}` field `{value}` is not converted: Snowflake has no such date part. Hint: {hint}"))
                            .with_category(Category::Unconvertible),
                    );
                }
            }
        }
    }
}
