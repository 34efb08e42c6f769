//! PostGIS functions, as data: each `[[function]]` row of `rules/postgis.toml`
//! says whether Snowflake has the function under the same name, another name,
//! with a difference to review, or not at all. Four rules share the table:
//! PG1100 (renamed), PG1101 (differs), PG1102 (missing) and PG1103 (any other
//! `st_*` call, which pg2sf has not checked).

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;
use sqlparser::ast::Expr;

use super::function_renames::Call;
use super::{docs, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Status {
    Same,
    Renamed,
    Review,
    Missing,
}

#[derive(Deserialize)]
struct FunctionRow {
    name: String,
    status: Status,
    to: Option<String>,
    to_one_arg: Option<String>,
    args: Option<Vec<usize>>,
    #[serde(default)]
    third_arg_srid: bool,
    other_args: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
struct RuleRow {
    code: String,
    name: String,
    category: Category,
    summary: String,
    why: String,
    example: String,
    safety: String,
    reference: String,
}

#[derive(Deserialize)]
struct Table {
    rule: Vec<RuleRow>,
    function: Vec<FunctionRow>,
}

/// What one call of an `st_*` function comes to.
enum Verdict<'a> {
    /// Snowflake computes the same thing under the same name.
    Same,
    /// The name token becomes the given name (a fix, or a review with a note).
    Rename(&'a str, Option<&'a str>),
    /// `f(x, y, srid)` becomes `st_setsrid(to(x, y), srid)`.
    WithSrid(&'a str),
    /// Kept, with the difference to review.
    Review(&'a str),
    /// No Snowflake equivalent, with the hint.
    Missing(&'a str),
    /// Not in the table.
    Unknown,
}

/// Which of the four findings a rule of this file emits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Renamed,
    Differs,
    Missing,
    Unknown,
}

pub struct Postgis {
    meta: RuleMeta,
    role: Role,
    functions: Arc<BTreeMap<String, FunctionRow>>,
}

pub fn rules() -> Vec<Box<dyn Rule>> {
    let table: Table = super::table(super::rule_table!("postgis"));
    let functions: Arc<BTreeMap<String, FunctionRow>> = Arc::new(
        table
            .function
            .into_iter()
            .map(|f| (f.name.to_ascii_lowercase(), f))
            .collect(),
    );
    table
        .rule
        .into_iter()
        .filter_map(|row| {
            let role = match row.code.as_str() {
                "PG1100" => Role::Renamed,
                "PG1101" => Role::Differs,
                "PG1102" => Role::Missing,
                "PG1103" => Role::Unknown,
                _ => return None,
            };
            let what = what(role, &functions);
            Some(Box::new(Postgis {
                meta: RuleMeta {
                    docs: docs(&what, &row.why, &row.example, &row.safety, &row.reference),
                    code: row.code,
                    name: row.name,
                    summary: row.summary,
                    category: row.category,
                },
                role,
                functions: functions.clone(),
            }) as Box<dyn Rule>)
        })
        .collect()
}

/// The "What it does" section: the rows the rule covers.
fn what(role: Role, functions: &BTreeMap<String, FunctionRow>) -> String {
    let list = |status: Status| -> Vec<String> {
        functions
            .values()
            .filter(|f| f.status == status)
            .map(|f| match (&f.to, &f.to_one_arg) {
                (Some(to), _) => format!("`{}` → `{to}`", f.name),
                (None, Some(to)) => format!("`{}` (`{to}` with one argument)", f.name),
                (None, None) => format!("`{}`", f.name),
            })
            .collect()
    };
    match role {
        Role::Renamed => format!(
            "Renames the PostGIS functions Snowflake spells differently: {}. Only the name token changes, in the case it was written in.",
            list(Status::Renamed).join(", ")
        ),
        Role::Differs => format!(
            "Flags (and renames where the Snowflake name differs) the PostGIS functions whose Snowflake counterpart differs in units, accepted types or output: {}. The finding names the difference.",
            list(Status::Review).join(", ")
        ),
        Role::Missing => format!(
            "Reports the PostGIS functions Snowflake does not have ({}), and the argument forms Snowflake lacks of the functions it has. Nothing is rewritten. These names pass through unchanged (PostGIS functions Snowflake has with the same meaning, and the Snowflake names PG1100 and PG1101 rename to): {}.",
            list(Status::Missing).join(", "),
            list(Status::Same).join(", ")
        ),
        Role::Unknown => "Reports every other call of an `st_*` function: pg2sf has not checked it against Snowflake's geospatial functions. Nothing is rewritten.".to_string(),
    }
}

impl Postgis {
    fn verdict<'a>(&'a self, name: &str, arg_count: usize) -> Verdict<'a> {
        let Some(row) = self.functions.get(name) else {
            return Verdict::Unknown;
        };
        if let (true, 3, Some(to)) = (row.third_arg_srid, arg_count, &row.to) {
            return Verdict::WithSrid(to);
        }
        if row.args.as_ref().is_some_and(|a| !a.contains(&arg_count)) {
            return Verdict::Missing(
                row.other_args
                    .as_deref()
                    .unwrap_or("Snowflake's function does not take this number of arguments"),
            );
        }
        let to = match (&row.to_one_arg, arg_count) {
            (Some(one), 1) => Some(one.as_str()),
            _ => row.to.as_deref(),
        };
        let note = row.note.as_deref();
        match (row.status, to) {
            (Status::Same, _) => Verdict::Same,
            (Status::Renamed, Some(to)) => Verdict::Rename(to, None),
            (Status::Review, Some(to)) => Verdict::Rename(to, Some(note.unwrap_or(""))),
            (Status::Review, None) => Verdict::Review(note.unwrap_or("")),
            (Status::Missing, _) | (Status::Renamed, None) => {
                Verdict::Missing(note.unwrap_or("Snowflake has no equivalent"))
            }
        }
    }
}

impl Rule for Postgis {
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
        if !call.name.starts_with("st_") {
            return;
        }
        let range = call.name_range(cx.tokens);
        let written = cx.src(range.clone()).to_string();
        let finding = |message: String| Finding::new(&self.meta, range.clone(), message);
        match (self.role, self.verdict(&call.name, call.arg_count())) {
            (Role::Renamed, Verdict::Rename(to, None)) => {
                let replacement = cx.kw_like(&range, to);
                out.push(
                    finding(format!(
                        "`{written}` → `{replacement}`: {}",
                        self.meta.summary
                    ))
                    .with_edits(vec![Edit::replace(range.clone(), replacement)]),
                );
            }
            (Role::Renamed, Verdict::WithSrid(to)) => {
                // The comma before the SRID closes the point: `st_point(x, y, 4326)`
                // → `st_setsrid(st_makegeompoint(x, y), 4326)`; no argument text moves.
                let Some(comma) = top_level_commas(&call, cx).get(1).copied() else {
                    return;
                };
                let opening = format!(
                    "{}({}",
                    cx.kw_like(&range, "st_setsrid"),
                    cx.kw_like(&range, to)
                );
                out.push(
                    finding(format!(
                        "`{written}(x, y, srid)` → `{opening}(x, y), srid)`: {}",
                        self.meta.summary
                    ))
                    .with_edits(vec![
                        Edit::replace(range.clone(), opening),
                        Edit::replace(cx.tokens.ranges[comma].clone(), "),".to_string()),
                    ]),
                );
            }
            (Role::Differs, Verdict::Rename(to, Some(note))) => {
                let replacement = cx.kw_like(&range, to);
                out.push(
                    finding(format!("`{written}` → `{replacement}`; review: {note}"))
                        .with_edits(vec![Edit::replace(range.clone(), replacement)]),
                );
            }
            (Role::Differs, Verdict::Review(note)) => {
                out.push(finding(format!("`{written}` kept; review: {note}")));
            }
            (Role::Missing, Verdict::Missing(hint)) => {
                out.push(finding(format!(
                    "`{written}` with {} argument(s) has no Snowflake equivalent: {hint}",
                    call.arg_count()
                )));
            }
            (Role::Unknown, Verdict::Unknown) => {
                out.push(finding(format!(
                    "`{written}` has no Snowflake equivalent applied: pg2sf has not checked this PostGIS function against Snowflake's geospatial functions. Hint: look it up in Snowflake's geospatial function list (many exist for GEOGRAPHY only or GEOMETRY only) and rewrite the call by hand"
                )));
            }
            _ => {}
        }
    }
}

/// Token indexes of the commas between a call's arguments.
fn top_level_commas(call: &Call, cx: &RuleContext) -> Vec<usize> {
    use sqlparser::tokenizer::Token;
    let mut depth = 0usize;
    let mut commas = Vec::new();
    for i in call.open + 1..call.close {
        match cx.tokens.token(i) {
            Token::LParen | Token::LBracket => depth += 1,
            Token::RParen | Token::RBracket => depth = depth.saturating_sub(1),
            Token::Comma if depth == 0 => commas.push(i),
            _ => {}
        }
    }
    commas
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_loads_with_its_four_rules() {
        let codes: Vec<String> = rules().iter().map(|r| r.meta().code.clone()).collect();
        assert_eq!(codes, ["PG1100", "PG1101", "PG1102", "PG1103"]);
    }

    /// A renamed call must not be reported again once renamed: every target
    /// name that starts with `st_` is itself a row of the table.
    #[test]
    fn every_target_name_is_known() {
        let table: Table = toml::from_str(include_str!("../../rules/postgis.toml")).unwrap();
        let names: Vec<String> = table.function.iter().map(|f| f.name.clone()).collect();
        for f in &table.function {
            for to in f.to.iter().chain(f.to_one_arg.iter()) {
                assert!(
                    !to.starts_with("st_") || names.contains(to),
                    "`{to}` (target of `{}`) is not a row",
                    f.name
                );
            }
        }
    }
}
