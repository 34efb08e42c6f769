//! PG1004: `generate_series` over integers or dates, in FROM or in the select
//! list → FLATTEN over ARRAY_GENERATE_RANGE (plus DATEADD for dates).

use sqlparser::ast::{
    visit_expressions, DateTimeField, Expr, FunctionArg, FunctionArgExpr, FunctionArguments,
    Select, SelectItem, TableFactor, Value,
};
use std::ops::ControlFlow;

use super::operand_types::is_integer;
use super::substring_from::enclosing_paren;
use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;
use crate::source::ByteRange;

pub struct GenerateSeries {
    meta: RuleMeta,
}

impl GenerateSeries {
    pub fn new() -> Self {
        GenerateSeries {
            meta: meta(
                "PG1004",
                "generate-series",
                "generate_series is FLATTEN over ARRAY_GENERATE_RANGE in Snowflake",
                Category::Review,
                docs(
                    "Rewrites `generate_series` over integers or over dates/timestamps with a constant interval step, in FROM or in the select list. In FROM, `generate_series(a, b) as n` becomes `(select value::integer as n from table(flatten(input => array_generate_range(a, b + 1)))) as n`, and `generate_series(a, b, '1 month'::interval) as d` becomes `(select dateadd(month, value::integer, a) as d from table(flatten(input => array_generate_range(0, datediff(month, a, b) + 1)))) as d`. In the select list the call becomes `dateadd(month, series.value::integer, a)` (or `series.value::integer`) and `, lateral flatten(input => array_generate_range(…)) as series` is added to the FROM clause (or `from table(flatten(…)) as series` when there is none): one output row per value, as PostgreSQL's set-returning function in the select list gives.",
                    "Snowflake has no set-returning generate_series; GENERATOR needs a constant row count. ARRAY_GENERATE_RANGE(start, stop, step) excludes its stop, so the stop is `b + 1` (integers) or the number of whole steps DATEDIFF counts plus one (dates). A NULL bound gives no rows in both engines (FLATTEN of NULL yields none), and so does a stop before the start.",
                    "`select generate_series(date_trunc('year', current_date), date_trunc('year', current_date) + interval '11 month', '1 month'::interval) as mois` becomes `select dateadd(month, series.value::integer, date_trunc('year', current_date)) as mois from table(flatten(input => array_generate_range(0, datediff(month, date_trunc('year', current_date), date_trunc('year', current_date) + interval '11 month') + 1))) as series`.",
                    "Fix for integer bounds with an integer literal step. Review for integers whose type is not visible (ARRAY_GENERATE_RANGE takes integers; PostgreSQL also has a numeric series), and for every date series: Snowflake's DATEADD keeps the start's type (a DATE start gives DATEs where PostgreSQL gives timestamps); when the start is not visibly on a step boundary (a `date_trunc` to the step's unit or coarser, or a 'YYYY-MM-01' literal for months), PostgreSQL adds the step cumulatively and stops at the last value ≤ the stop (from Jan 31 by one month: Feb 28, Mar 28), while DATEADD adds multiples to the start (Feb 28, Mar 31) and DATEDIFF counts unit boundaries, so the last value can pass the stop. Weeks are counted as 7 days (DATEDIFF in weeks depends on WEEK_START). Unconvertible (no edit) for a non-constant or negative interval step, a step with several units, a column alias list, more than one generate_series in a select list, a select list series in a query with GROUP BY, HAVING or a subquery next to it, and bounds that touch Jinja (they are copied).",
                    "https://docs.snowflake.com/en/sql-reference/functions/array_generate_range ; https://docs.snowflake.com/en/sql-reference/functions/flatten ; https://docs.snowflake.com/en/sql-reference/functions/dateadd ; https://docs.snowflake.com/en/sql-reference/functions/datediff ; https://www.postgresql.org/docs/current/functions-srf.html ; https://www.postgresql.org/docs/current/xfunc-sql.html#XFUNC-SQL-FUNCTIONS-RETURNING-SET (set-returning functions in the select list)",
                ),
            ),
        }
    }
}

/// A step unit Snowflake's DATEADD/DATEDIFF take, with its rank for the
/// alignment test (a start truncated to a coarser unit is aligned).
#[derive(Clone, Copy)]
struct Unit {
    name: &'static str,
    rank: u8,
}

fn unit(word: &str) -> Option<(Unit, i64)> {
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches('s');
    Some(match w {
        "second" | "sec" => (
            Unit {
                name: "second",
                rank: 0,
            },
            1,
        ),
        "minute" | "min" => (
            Unit {
                name: "minute",
                rank: 1,
            },
            1,
        ),
        "hour" => (
            Unit {
                name: "hour",
                rank: 2,
            },
            1,
        ),
        "day" => (
            Unit {
                name: "day",
                rank: 3,
            },
            1,
        ),
        "week" => (
            Unit {
                name: "day",
                rank: 3,
            },
            7,
        ),
        "mon" | "month" => (
            Unit {
                name: "month",
                rank: 4,
            },
            1,
        ),
        "year" => (
            Unit {
                name: "year",
                rank: 5,
            },
            1,
        ),
        _ => return None,
    })
}

/// `'N unit'` → (unit, N × unit multiplier), N ≥ 1.
fn interval_text(text: &str) -> Option<(Unit, i64)> {
    let mut parts = text.split_whitespace();
    let (n, u) = match (parts.next(), parts.next(), parts.next()) {
        (Some(n), Some(u), None) => (n, u),
        (Some(nu), None, None) => {
            let split = nu.find(|c: char| !c.is_ascii_digit())?;
            nu.split_at(split)
        }
        _ => return None,
    };
    let n: i64 = n.parse().ok()?;
    let (unit, mult) = unit(u)?;
    (n >= 1).then_some((unit, n * mult))
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

/// The unit and count of a constant interval step.
fn interval_step(e: &Expr) -> Option<(Unit, i64)> {
    match e {
        Expr::Nested(inner) => interval_step(inner),
        Expr::Interval(i) => {
            let text = string_value(&i.value)?;
            match &i.leading_field {
                None => interval_text(text),
                Some(field) => {
                    if i.last_field.is_some() {
                        return None;
                    }
                    interval_text(&format!("{text} {}", field_name(field)?))
                }
            }
        }
        Expr::Cast {
            expr, data_type, ..
        } if data_type.to_string().eq_ignore_ascii_case("interval") => {
            interval_text(string_value(expr)?)
        }
        _ => None,
    }
}

fn field_name(f: &DateTimeField) -> Option<&'static str> {
    Some(match f {
        DateTimeField::Second | DateTimeField::Seconds => "second",
        DateTimeField::Minute | DateTimeField::Minutes => "minute",
        DateTimeField::Hour | DateTimeField::Hours => "hour",
        DateTimeField::Day | DateTimeField::Days => "day",
        DateTimeField::Week(_) | DateTimeField::Weeks => "week",
        DateTimeField::Month | DateTimeField::Months => "month",
        DateTimeField::Year | DateTimeField::Years => "year",
        _ => return None,
    })
}

/// Whether a start value is visibly on a boundary of the step's unit.
fn aligned(e: &Expr, step: Unit) -> bool {
    match e {
        Expr::Nested(inner) => aligned(inner, step),
        Expr::Cast { expr, .. } => aligned(expr, step),
        Expr::Value(_) => string_value(e).is_some_and(|s| {
            let b = s.as_bytes();
            s.len() == 10
                && b[4] == b'-'
                && b[7] == b'-'
                && s.bytes().filter(u8::is_ascii_digit).count() == 8
                && match step.rank {
                    0..=3 => true,
                    4 => s.ends_with("-01"),
                    _ => s.ends_with("-01-01"),
                }
        }),
        Expr::Function(f) if f.name.to_string().eq_ignore_ascii_case("date_trunc") => {
            let FunctionArguments::List(list) = &f.args else {
                return false;
            };
            let Some(FunctionArg::Unnamed(FunctionArgExpr::Expr(field))) = list.args.first() else {
                return false;
            };
            string_value(field)
                .and_then(|s| match s.to_ascii_lowercase().as_str() {
                    "quarter" => Some(4),
                    "week" => Some(3),
                    other => unit(other).map(|(u, _)| u.rank),
                })
                .is_some_and(|rank| rank >= step.rank)
        }
        Expr::BinaryOp { left, op, right } => {
            matches!(
                op,
                sqlparser::ast::BinaryOperator::Plus | sqlparser::ast::BinaryOperator::Minus
            ) && aligned(left, step)
                && interval_step(right).is_some_and(|(u, _)| u.rank >= step.rank)
        }
        _ => false,
    }
}

/// One generate_series call: its arguments and where its tokens are.
struct Call<'a> {
    args: Vec<&'a Expr>,
    name: usize,
    close: usize,
}

fn locate<'a>(cx: &RuleContext, args: Vec<&'a Expr>) -> Option<Call<'a>> {
    let t = cx.tokens;
    let (first, _) = t.expr_tokens(args.first()?)?;
    let open = enclosing_paren(cx, first)?;
    let name = t.prev_sig(open)?;
    if !t.is_word(name, "generate_series") {
        return None;
    }
    let close = t.matching_paren(open)?;
    Some(Call { args, name, close })
}

fn unnamed_args(args: &[FunctionArg]) -> Option<Vec<&Expr>> {
    args.iter()
        .map(|a| match a {
            FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) => Some(e),
            _ => None,
        })
        .collect()
}

/// The text of each argument, from the tokens between the parentheses
/// (an expression's span can be incomplete); `None` when one touches Jinja.
fn argument_texts(cx: &RuleContext, call: &Call) -> Option<Vec<String>> {
    let t = cx.tokens;
    let open = t.next_sig(call.name)?;
    let mut texts = Vec::new();
    let mut depth = 0i32;
    let mut first: Option<usize> = None;
    let mut last = open;
    for j in open + 1..=call.close {
        let tok = t.token(j);
        let boundary =
            j == call.close || (depth == 0 && matches!(tok, sqlparser::tokenizer::Token::Comma));
        if boundary {
            let range = t.ranges[first?].start..t.ranges[last].end;
            if cx.touches_jinja(&range) {
                return None;
            }
            texts.push(cx.src(range).to_string());
            first = None;
            continue;
        }
        match tok {
            sqlparser::tokenizer::Token::LParen | sqlparser::tokenizer::Token::LBracket => {
                depth += 1
            }
            sqlparser::tokenizer::Token::RParen | sqlparser::tokenizer::Token::RBracket => {
                depth -= 1
            }
            _ => {}
        }
        if !t.is_trivia(j) {
            first.get_or_insert(j);
            last = j;
        }
    }
    Some(texts)
}

/// What the series is: integers (with a literal step) or dates.
enum Series {
    Integers {
        step: Option<i64>,
        visible: bool,
    },
    Dates {
        unit: Unit,
        step: i64,
        aligned: bool,
    },
}

fn classify(args: &[&Expr]) -> Result<Series, &'static str> {
    match args {
        [a, b] => Ok(Series::Integers {
            step: None,
            visible: is_integer(a) && is_integer(b),
        }),
        [a, b, step] => {
            if let Some((unit, n)) = interval_step(step) {
                return Ok(Series::Dates {
                    unit,
                    step: n,
                    aligned: aligned(a, unit),
                });
            }
            let literal = match step {
                Expr::Value(v) => match &v.value {
                    Value::Number(n, _) => n.parse::<i64>().ok(),
                    _ => None,
                },
                _ => None,
            };
            match literal {
                Some(n) if n >= 1 => Ok(Series::Integers {
                    step: Some(n),
                    visible: is_integer(a) && is_integer(b),
                }),
                _ => Err(
                    "the step is not a positive integer literal or a constant interval of one unit",
                ),
            }
        }
        _ => Err("it takes two or three arguments"),
    }
}

impl GenerateSeries {
    fn unconvertible(&self, cx: &RuleContext, call: &Call, why: &str) -> Finding {
        let t = cx.tokens;
        Finding::new(
            &self.meta,
            t.ranges[call.name].start..t.ranges[call.close].end,
            format!("`generate_series` not rewritten: {why}. Hint: `lateral flatten(input => array_generate_range(start, stop + 1))` for integers, `dateadd(unit, value::integer, start)` over `array_generate_range(0, datediff(unit, start, stop) + 1)` for dates"),
        )
        .with_category(Category::Unconvertible)
    }

    fn message(&self, series: &Series) -> (Category, String) {
        match series {
            Series::Integers { visible: true, .. } => (
                Category::Fix,
                "`generate_series` → FLATTEN over `array_generate_range` (its stop is exclusive: `stop + 1`)".to_string(),
            ),
            Series::Integers { visible: false, .. } => (
                Category::Review,
                "`generate_series` → FLATTEN over `array_generate_range`, assuming integer bounds: check them (a numeric series has no Snowflake equivalent)".to_string(),
            ),
            Series::Dates { aligned: true, unit, .. } => (
                Category::Review,
                format!("`generate_series` over dates → `dateadd({}, …)` over `array_generate_range`: the values take the start's type (a DATE start gives DATEs, PostgreSQL gives timestamps)", unit.name),
            ),
            Series::Dates { aligned: false, unit, .. } => (
                Category::Review,
                format!("`generate_series` over dates → `dateadd({}, …)` over `array_generate_range`; check the start, which is not visibly on a {} boundary: PostgreSQL adds the step cumulatively (Jan 31 + 1 month, then + 1 month: Feb 28, Mar 28) and stops at the last value ≤ the stop, while DATEADD adds multiples to the start (Feb 28, Mar 31) and DATEDIFF counts boundaries, so the last value can pass the stop; the values also take the start's type (DATE or timestamp)", unit.name, unit.name),
            ),
        }
    }

    /// The array of offsets (integers: the values) and the expression of one
    /// value given the flattened `value`.
    fn pieces(
        &self,
        cx: &RuleContext,
        call: &Call,
        series: &Series,
        value: &str,
    ) -> Option<(String, String)> {
        let texts = argument_texts(cx, call)?;
        let (start, stop) = (texts.first()?, texts.get(1)?);
        let range = cx.kw("array_generate_range");
        Some(match series {
            Series::Integers { step, .. } => {
                let step = step.map(|n| format!(", {n}")).unwrap_or_default();
                (
                    format!("{range}({start}, {stop} + 1{step})"),
                    format!("{value}::{}", cx.kw("integer")),
                )
            }
            Series::Dates { unit, step, .. } => {
                let step = if *step == 1 {
                    String::new()
                } else {
                    format!(", {step}")
                };
                let unit = cx.kw(unit.name);
                (
                    format!(
                        "{range}(0, {}({unit}, {start}, {stop}) + 1{step})",
                        cx.kw("datediff")
                    ),
                    format!(
                        "{}({unit}, {value}::{}, {start})",
                        cx.kw("dateadd"),
                        cx.kw("integer")
                    ),
                )
            }
        })
    }

    fn check_from(&self, select: &Select, cx: &RuleContext, out: &mut Vec<Finding>) {
        let t = cx.tokens;
        let relations = select.from.iter().flat_map(|twj| {
            std::iter::once(&twj.relation).chain(twj.joins.iter().map(|j| &j.relation))
        });
        for (position, relation) in relations.enumerate() {
            let (name, fargs, alias, written_lateral) = match relation {
                TableFactor::Table {
                    name,
                    args: Some(fargs),
                    alias,
                    with_ordinality: false,
                    ..
                } => (name, &fargs.args, alias, false),
                TableFactor::Function {
                    lateral,
                    name,
                    args,
                    alias,
                    with_ordinality: false,
                } => (name, args, alias, *lateral),
                _ => continue,
            };
            if !name.to_string().eq_ignore_ascii_case("generate_series") {
                continue;
            }
            let Some(args) = unnamed_args(fargs) else {
                continue;
            };
            let Some(call) = locate(cx, args) else {
                continue;
            };
            let series = match classify(&call.args) {
                Ok(s) => s,
                Err(why) => {
                    out.push(self.unconvertible(cx, &call, why));
                    continue;
                }
            };
            if alias.as_ref().is_some_and(|a| a.columns.len() > 1) {
                out.push(self.unconvertible(
                    cx,
                    &call,
                    "its column alias list names more than one column",
                ));
                continue;
            }
            // `as d` names the column `d`; `as d(day)` names it `day`.
            let column = match alias {
                Some(a) => a
                    .columns
                    .first()
                    .map(|c| c.name.to_string())
                    .unwrap_or_else(|| a.name.to_string()),
                None => "generate_series".to_string(),
            };
            let Some((array, value)) = self.pieces(cx, &call, &series, &cx.kw("value")) else {
                out.push(self.unconvertible(cx, &call, "its bounds touch Jinja"));
                continue;
            };
            // Arguments naming columns of earlier FROM items need LATERAL.
            let mut names_column = false;
            for a in &call.args {
                let _ = visit_expressions(*a, |e| {
                    if matches!(e, Expr::Identifier(_) | Expr::CompoundIdentifier(_)) {
                        names_column = true;
                    }
                    ControlFlow::<()>::Continue(())
                });
            }
            let lateral = if names_column && position > 0 && !written_lateral {
                cx.kw("lateral ")
            } else {
                String::new()
            };
            let call_range = t.ranges[call.name].start..t.ranges[call.close].end;
            let mut replacement = format!(
                "{lateral}({} {value} {} {column} {} {}({}({} => {array})))",
                cx.kw("select"),
                cx.kw("as"),
                cx.kw("from"),
                cx.kw("table"),
                cx.kw("flatten"),
                cx.kw("input"),
            );
            if alias.is_none() {
                replacement.push_str(&format!(" {} {column}", cx.kw("as")));
            }
            let (category, message) = self.message(&series);
            out.push(
                Finding::new(&self.meta, call_range.clone(), message)
                    .with_category(category)
                    .with_edits(vec![Edit::replace(call_range, replacement)]),
            );
        }
    }

    fn check_projection(&self, select: &Select, cx: &RuleContext, out: &mut Vec<Finding>) {
        let t = cx.tokens;
        let mut calls: Vec<Vec<Expr>> = Vec::new();
        let mut has_subquery = false;
        for item in &select.projection {
            let expr = match item {
                SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. } => e,
                _ => continue,
            };
            let _ = visit_expressions(expr, |e| {
                match e {
                    Expr::Function(f)
                        if f.name.to_string().eq_ignore_ascii_case("generate_series") =>
                    {
                        if let FunctionArguments::List(list) = &f.args {
                            if let Some(args) = unnamed_args(&list.args) {
                                calls.push(args.into_iter().cloned().collect());
                            }
                        }
                    }
                    Expr::Subquery(_) | Expr::Exists { .. } => has_subquery = true,
                    _ => {}
                }
                ControlFlow::<()>::Continue(())
            });
        }
        let Some(args) = calls.first() else { return };
        let Some(call) = locate(cx, args.iter().collect()) else {
            return;
        };
        let grouped = !matches!(&select.group_by, sqlparser::ast::GroupByExpr::Expressions(e, _) if e.is_empty())
            || select.having.is_some();
        let why = if calls.len() > 1 {
            Some("the select list has several set-returning calls (PostgreSQL runs them in lockstep)")
        } else if grouped {
            Some("the query groups rows: PostgreSQL expands the series after grouping")
        } else if has_subquery {
            Some("a subquery in the same select list would be evaluated once per generated row")
        } else {
            None
        };
        if let Some(why) = why {
            out.push(self.unconvertible(cx, &call, why));
            return;
        }
        let series = match classify(&call.args) {
            Ok(s) => s,
            Err(why) => {
                out.push(self.unconvertible(cx, &call, why));
                return;
            }
        };
        // A name for the flattened rows that the model does not use.
        let taken = |name: &str| (0..t.len()).any(|i| t.is_word(i, name));
        let alias = std::iter::once("series".to_string())
            .chain((1..).map(|n| format!("series_{n}")))
            .find(|n| !taken(n))
            .unwrap_or_default();
        let Some((array, value)) =
            self.pieces(cx, &call, &series, &format!("{alias}.{}", cx.kw("value")))
        else {
            out.push(self.unconvertible(cx, &call, "its bounds touch Jinja"));
            return;
        };
        let flatten = format!("{}({} => {array})", cx.kw("flatten"), cx.kw("input"));
        let Some(insert_at) = from_clause_end(select, cx) else {
            return;
        };
        let addition = if select.from.is_empty() {
            format!(
                " {} {}({flatten}) {} {alias}",
                cx.kw("from"),
                cx.kw("table"),
                cx.kw("as")
            )
        } else {
            format!(", {} {flatten} {} {alias}", cx.kw("lateral"), cx.kw("as"))
        };
        let call_range: ByteRange = t.ranges[call.name].start..t.ranges[call.close].end;
        let (category, message) = self.message(&series);
        out.push(
            Finding::new(&self.meta, call_range.clone(), message)
                .with_category(category)
                .with_edits(vec![
                    Edit::replace(call_range, value),
                    Edit::insert(insert_at, addition),
                ]),
        );
    }
}

/// Where the FROM clause of a select ends (or, without one, its select list):
/// the end of the last significant token before the first clause keyword
/// that follows at the same depth.
fn from_clause_end(select: &Select, cx: &RuleContext) -> Option<usize> {
    let t = cx.tokens;
    let last_item = select.projection.last()?;
    let item_expr = match last_item {
        SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. } => e,
        _ => return None,
    };
    let (_, mut i) = t.expr_tokens(item_expr)?;
    let mut depth = 0i32;
    let mut last_sig = i;
    while let Some(n) = t.next_sig(i) {
        match t.token(n) {
            sqlparser::tokenizer::Token::LParen => depth += 1,
            sqlparser::tokenizer::Token::RParen => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            sqlparser::tokenizer::Token::SemiColon if depth == 0 => break,
            _ => {}
        }
        if depth == 0
            && [
                "where",
                "group",
                "having",
                "window",
                "qualify",
                "order",
                "limit",
                "offset",
                "fetch",
                "union",
                "except",
                "intersect",
            ]
            .iter()
            .any(|w| t.is_word(n, w))
        {
            break;
        }
        last_sig = n;
        i = n;
    }
    Some(t.ranges[last_sig].end)
}

impl Rule for GenerateSeries {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::SELECT | Hooks::TOKENS
    }

    fn check_select(&self, select: &Select, cx: &RuleContext, out: &mut Vec<Finding>) {
        self.check_from(select, cx, out);
        self.check_projection(select, cx, out);
    }

    /// A call neither check could place (in WHERE, in a function argument of
    /// FROM, …) is still reported.
    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        let t = cx.tokens;
        for (i, name) in t.calls() {
            if name != "generate_series" {
                continue;
            }
            let start = t.ranges[i].start;
            if out
                .iter()
                .any(|f| f.code == self.meta.code && f.range.start == start)
            {
                continue;
            }
            let Some(open) = t.next_sig(i) else { continue };
            let Some(close) = t.matching_paren(open) else {
                continue;
            };
            out.push(
                Finding::new(
                    &self.meta,
                    start..t.ranges[close].end,
                    "`generate_series` not rewritten: only generate_series in FROM or in a select list is converted. Hint: move it into FROM as `lateral flatten(input => array_generate_range(start, stop + 1))`",
                )
                .with_category(Category::Unconvertible),
            );
        }
    }
}
