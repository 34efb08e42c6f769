//! Type names in casts, as data: each row of `rules/types.toml` is a rule that
//! renames a type Snowflake lacks or reads differently.

use std::collections::BTreeMap;

use serde::Deserialize;
use sqlparser::ast::Expr;

use super::{docs, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

#[derive(Deserialize)]
struct Row {
    code: String,
    name: String,
    summary: String,
    category: Category,
    map: BTreeMap<String, String>,
    why: String,
    example: String,
    safety: String,
    reference: String,
}

#[derive(Deserialize)]
struct Table {
    rule: Vec<Row>,
}

pub struct TypeRename {
    meta: RuleMeta,
    map: BTreeMap<String, String>,
}

pub fn rules() -> Vec<Box<dyn Rule>> {
    let table: Table = super::table(super::rule_table!("types"));
    table
        .rule
        .into_iter()
        .map(|row| {
            let what = format!(
                "Renames the type in a cast: {}.",
                row.map
                    .iter()
                    .map(|(k, v)| format!("`{k}` → `{v}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            Box::new(TypeRename {
                meta: RuleMeta {
                    docs: docs(&what, &row.why, &row.example, &row.safety, &row.reference),
                    code: row.code,
                    name: row.name,
                    summary: row.summary,
                    category: row.category,
                },
                map: row.map,
            }) as Box<dyn Rule>
        })
        .collect()
}

impl Rule for TypeRename {
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
        let (parts, written) = (cast.parts, &*cast.type_text);
        let Some(target) = self.map.get(written) else {
            return;
        };
        let range =
            cx.tokens.ranges[parts.type_name.0].start..cx.tokens.ranges[parts.type_name.1].end;
        let replacement = cx.kw_like(&range, target);
        let message = format!("`{written}` → `{replacement}`: {}", self.meta.summary);
        out.push(
            Finding::new(&self.meta, range.clone(), message)
                .with_edits(vec![Edit::replace(range, replacement)]),
        );
    }
}
