//! PG141: names that are reserved words in Snowflake but plain identifiers in
//! PostgreSQL (`start`, `rows`, `current`, `values`).

use sqlparser::ast::{
    Expr, Ident, ObjectName, ObjectNamePart, Query, Select, SelectItem, TableAlias, TableFactor,
};

use sqlparser::tokenizer::Token;

use super::{docs, meta, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

/// Snowflake's reserved keywords and the limited ones that cannot name a
/// column, from the vendor's table (docs.snowflake.com, "Reserved & limited
/// keywords"), plus ASC and DESC, which its introduction names as reserved.
const SNOWFLAKE_RESERVED: [&str; 86] = [
    "ALL",
    "ALTER",
    "AND",
    "ANY",
    "AS",
    "ASC",
    "BETWEEN",
    "BY",
    "CASE",
    "CAST",
    "CHECK",
    "COLUMN",
    "CONNECT",
    "CONSTRAINT",
    "CREATE",
    "CROSS",
    "CURRENT",
    "CURRENT_DATE",
    "CURRENT_TIME",
    "CURRENT_TIMESTAMP",
    "CURRENT_USER",
    "DELETE",
    "DESC",
    "DISTINCT",
    "DROP",
    "ELSE",
    "EXISTS",
    "FALSE",
    "FOLLOWING",
    "FOR",
    "FROM",
    "FULL",
    "GRANT",
    "GROUP",
    "HAVING",
    "ILIKE",
    "IN",
    "INCREMENT",
    "INNER",
    "INSERT",
    "INTERSECT",
    "INTO",
    "IS",
    "JOIN",
    "LATERAL",
    "LEFT",
    "LIKE",
    "LOCALTIME",
    "LOCALTIMESTAMP",
    "MINUS",
    "NATURAL",
    "NOT",
    "NULL",
    "OF",
    "ON",
    "OR",
    "ORDER",
    "QUALIFY",
    "REGEXP",
    "REVOKE",
    "RIGHT",
    "RLIKE",
    "ROW",
    "ROWS",
    "SAMPLE",
    "SELECT",
    "SET",
    "SOME",
    "START",
    "TABLE",
    "TABLESAMPLE",
    "THEN",
    "TO",
    "TRIGGER",
    "TRUE",
    "TRY_CAST",
    "UNION",
    "UNIQUE",
    "UPDATE",
    "USING",
    "VALUES",
    "WHEN",
    "WHENEVER",
    "WHERE",
    "WINDOW",
    "WITH",
];

const FUNCTION_KEYWORDS: [&str; 6] = [
    "CURRENT_DATE",
    "CURRENT_TIME",
    "CURRENT_TIMESTAMP",
    "CURRENT_USER",
    "LOCALTIME",
    "LOCALTIMESTAMP",
];

/// Whether `word` (any case) cannot stand unquoted as a name in Snowflake.
pub(super) fn is_snowflake_reserved(word: &str) -> bool {
    // Asked of every name in a model: a binary search of the sorted table,
    // upper-casing byte by byte as it compares, allocates nothing.
    SNOWFLAKE_RESERVED
        .binary_search_by(|reserved| {
            reserved
                .bytes()
                .cmp(word.bytes().map(|b| b.to_ascii_uppercase()))
        })
        .is_ok()
}

pub struct ReservedIdentifier {
    meta: RuleMeta,
}

impl ReservedIdentifier {
    pub fn new() -> Self {
        ReservedIdentifier {
            meta: meta(
                "PG141",
                "snowflake-reserved-identifier",
                "a name that is a reserved word in Snowflake is quoted in upper case",
                Category::Fix,
                docs(
                    "Quotes an unquoted column, alias, table or CTE name that PostgreSQL accepts but Snowflake reserves (`start`, `rows`, `current`, `values`, `row`, `of`, `sample`, `qualify`, …), in upper case: `start` → `\"START\"`. Only names the parser read as identifiers are touched, never the keywords themselves.",
                    "Snowflake reserves every ANSI keyword and a few more; a model that names a column `start` or `rows` does not compile there.",
                    "`select start, rows from runs` becomes `select \"START\", \"ROWS\" from runs`.",
                    "Safe: Snowflake stores an unquoted name in upper case, so `\"START\"` is exactly the name an unquoted `start` would have been, and it matches a column created unquoted. Lower-case quotes (`\"start\"`) would make a different, case-sensitive name.",
                    "https://docs.snowflake.com/en/sql-reference/reserved-keywords ; https://docs.snowflake.com/en/sql-reference/identifiers-syntax ; https://www.postgresql.org/docs/current/sql-keywords-appendix.html",
                ),
            ),
        }
    }

    fn check_ident(&self, ident: &Ident, cx: &RuleContext, out: &mut Vec<Finding>) {
        if ident.quote_style.is_some() || !is_snowflake_reserved(&ident.value) {
            return;
        }
        // Unquoted, these are PostgreSQL's own niladic functions, which the
        // parser may read as a name; PostgreSQL reserves them as names.
        if FUNCTION_KEYWORDS
            .iter()
            .any(|k| k.eq_ignore_ascii_case(&ident.value))
        {
            return;
        }
        let Some(range) = cx.tokens.span_range(ident.span) else {
            return;
        };
        // A named argument (`flatten(input => x, outer => true)`) is not a name
        // Snowflake resolves.
        let named_argument = cx.tokens.at(range.start).is_some_and(|i| {
            cx.tokens
                .next_sig(i)
                .is_some_and(|n| matches!(cx.tokens.token(n), Token::RArrow))
        });
        if named_argument {
            return;
        }
        // The span must be exactly the word (a placeholder or a keyword the
        // parser synthesised has no such token).
        if !cx.src(range.clone()).eq_ignore_ascii_case(&ident.value) || cx.touches_jinja(&range) {
            return;
        }
        let quoted = format!("\"{}\"", ident.value.to_ascii_uppercase());
        out.push(
            Finding::new(
                &self.meta,
                range.clone(),
                format!(
                    "`{}` is reserved in Snowflake: quoted as {quoted}",
                    ident.value
                ),
            )
            .with_edits(vec![Edit::replace(range, quoted)]),
        );
    }

    fn check_object_name(&self, name: &ObjectName, cx: &RuleContext, out: &mut Vec<Finding>) {
        for part in &name.0 {
            if let ObjectNamePart::Identifier(ident) = part {
                self.check_ident(ident, cx, out);
            }
        }
    }

    fn check_alias(&self, alias: &TableAlias, cx: &RuleContext, out: &mut Vec<Finding>) {
        self.check_ident(&alias.name, cx, out);
        for column in &alias.columns {
            self.check_ident(&column.name, cx, out);
        }
    }

    fn check_factor(&self, factor: &TableFactor, cx: &RuleContext, out: &mut Vec<Finding>) {
        match factor {
            TableFactor::Table { name, alias, .. } => {
                self.check_object_name(name, cx, out);
                if let Some(alias) = alias {
                    self.check_alias(alias, cx, out);
                }
            }
            TableFactor::Derived {
                alias: Some(alias), ..
            }
            | TableFactor::Function {
                alias: Some(alias), ..
            }
            | TableFactor::UNNEST {
                alias: Some(alias), ..
            } => self.check_alias(alias, cx, out),
            TableFactor::NestedJoin {
                table_with_joins,
                alias,
            } => {
                self.check_factor(&table_with_joins.relation, cx, out);
                for join in &table_with_joins.joins {
                    self.check_factor(&join.relation, cx, out);
                }
                if let Some(alias) = alias {
                    self.check_alias(alias, cx, out);
                }
            }
            _ => {}
        }
    }
}

impl Rule for ReservedIdentifier {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::EXPR | Hooks::SELECT | Hooks::QUERY
    }

    fn expr_kinds(&self) -> ExprKinds {
        ExprKinds::IDENTIFIER
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        match expr {
            Expr::Identifier(ident) => self.check_ident(ident, cx, out),
            Expr::CompoundIdentifier(idents) => {
                for ident in idents {
                    self.check_ident(ident, cx, out);
                }
            }
            _ => {}
        }
    }

    fn check_select(&self, select: &Select, cx: &RuleContext, out: &mut Vec<Finding>) {
        for item in &select.projection {
            if let SelectItem::ExprWithAlias { alias, .. } = item {
                self.check_ident(alias, cx, out);
            }
        }
        for table in &select.from {
            self.check_factor(&table.relation, cx, out);
            for join in &table.joins {
                self.check_factor(&join.relation, cx, out);
            }
        }
    }

    fn check_query(&self, query: &Query, cx: &RuleContext, out: &mut Vec<Finding>) {
        if let Some(with) = &query.with {
            for cte in &with.cte_tables {
                self.check_alias(&cte.alias, cx, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lookup is a binary search: the table must stay sorted.
    #[test]
    fn the_reserved_table_is_sorted_and_looked_up_in_any_case() {
        assert!(SNOWFLAKE_RESERVED.windows(2).all(|w| w[0] < w[1]));
        for word in SNOWFLAKE_RESERVED {
            assert!(is_snowflake_reserved(word));
            assert!(is_snowflake_reserved(&word.to_ascii_lowercase()));
        }
        for word in ["", "a", "start_", "current_", "naïve", "Rows2", "zzz"] {
            assert!(!is_snowflake_reserved(word), "{word}");
        }
        assert!(is_snowflake_reserved("Current_Date"));
    }
}
