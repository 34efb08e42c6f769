//! Function names, as data: each row of `rules/functions.toml` is a rule that
//! renames the name token of a call Snowflake spells differently.
//!
//! Also home of [`Call`], the token layout of a function call that the
//! aggregate rules (PG501–PG503) share.

use std::collections::BTreeMap;

use serde::Deserialize;
use sqlparser::ast::{
    DuplicateTreatment, Expr, Function, FunctionArg, FunctionArgExpr, FunctionArgumentClause,
    FunctionArgumentList, FunctionArguments, ObjectNamePart, WindowType,
};
use sqlparser::tokenizer::{Token, Whitespace};

use super::{docs, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;
use crate::parse::Tokens;
use crate::source::ByteRange;

/// Where the parts of a call `name(args [order by …]) [filter (…)] [over …]` are.
pub(super) struct Call<'a> {
    pub func: &'a Function,
    /// Lower-case function name.
    pub name: CallName<'a>,
    /// Token index of the (unqualified, unquoted) name.
    pub name_token: usize,
    /// Token indexes of the argument list's parentheses.
    pub open: usize,
    pub close: usize,
    /// `order` and the last token of an `ORDER BY` inside the parentheses.
    pub order_by: Option<(usize, usize)>,
    /// `filter` and the `)` that ends the FILTER clause.
    pub filter: Option<(usize, usize)>,
}

/// A call's name in lower case, borrowed from the AST when written so: some
/// twenty rules ask for the call of every expression.
pub(super) struct CallName<'a>(std::borrow::Cow<'a, str>);

impl<'a> CallName<'a> {
    fn of(name: &'a str) -> Self {
        if name.bytes().any(|b| b.is_ascii_uppercase()) {
            CallName(std::borrow::Cow::Owned(name.to_ascii_lowercase()))
        } else {
            CallName(std::borrow::Cow::Borrowed(name))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for CallName<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for CallName<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl std::fmt::Display for CallName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'a> Call<'a> {
    /// The call of `expr`, when it is a call of an unqualified, unquoted name
    /// with a parenthesised argument list.
    #[inline]
    pub fn of(expr: &'a Expr, tokens: &Tokens) -> Option<Call<'a>> {
        // Inlined, so that the rules asking about every expression pay a
        // compare, not a call, for the many that are no call at all.
        let Expr::Function(func) = expr else {
            return None;
        };
        Self::of_function(expr, func, tokens)
    }

    fn of_function(expr: &'a Expr, func: &'a Function, tokens: &Tokens) -> Option<Call<'a>> {
        let [ObjectNamePart::Identifier(ident)] = func.name.0.as_slice() else {
            return None;
        };
        if ident.quote_style.is_some() || !matches!(func.args, FunctionArguments::List(_)) {
            return None;
        }
        let key = expr as *const Expr as usize;
        let parts = tokens
            .call_parts
            .borrow_mut()
            .get_or_find(key, || Self::parts(func, ident, tokens))?;
        let crate::parse::CallParts {
            name_token,
            open,
            close,
            order_by,
            filter,
        } = parts;
        Some(Call {
            func,
            name: CallName::of(&ident.value),
            name_token,
            open,
            close,
            order_by,
            filter,
        })
    }

    /// Where the call's parts are in the tokens (the token scan `of` caches).
    fn parts(
        func: &Function,
        ident: &sqlparser::ast::Ident,
        tokens: &Tokens,
    ) -> Option<crate::parse::CallParts> {
        let range = tokens.span_range(ident.span)?;
        let name_token = tokens.at(range.start)?;
        if !tokens.is_word(name_token, &ident.value) {
            return None;
        }
        let open = tokens.next_sig(name_token)?;
        if !matches!(tokens.token(open), Token::LParen) {
            return None;
        }
        let close = tokens.matching_paren(open)?;
        let mut order_by = None;
        let mut depth = 0usize;
        for j in open + 1..close {
            match tokens.token(j) {
                Token::LParen | Token::LBracket => depth += 1,
                Token::RParen | Token::RBracket => depth = depth.saturating_sub(1),
                _ if depth == 0 && tokens.is_word(j, "order") => {
                    let by = tokens.next_sig(j)?;
                    if tokens.is_word(by, "by") {
                        order_by = Some((j, tokens.prev_sig(close)?));
                        break;
                    }
                }
                _ => {}
            }
        }
        let mut filter = None;
        if func.filter.is_some() {
            let mut kw = tokens.next_sig(close)?;
            if tokens.is_word(kw, "within") {
                // `agg(…) within group (order by …) filter (…)`
                let group = tokens.next_sig(kw)?;
                let p = tokens.next_sig(group)?;
                if !tokens.is_word(group, "group") || !matches!(tokens.token(p), Token::LParen) {
                    return None;
                }
                kw = tokens.next_sig(tokens.matching_paren(p)?)?;
            }
            let p = tokens.next_sig(kw)?;
            if !tokens.is_word(kw, "filter") || !matches!(tokens.token(p), Token::LParen) {
                return None;
            }
            filter = Some((kw, tokens.matching_paren(p)?));
        }
        Some(crate::parse::CallParts {
            name_token,
            open,
            close,
            order_by,
            filter,
        })
    }

    pub fn list(&self) -> Option<&'a FunctionArgumentList> {
        match &self.func.args {
            FunctionArguments::List(list) => Some(list),
            _ => None,
        }
    }

    /// The positional arguments; `None` when one is named or a wildcard.
    pub fn args(&self) -> Option<Vec<&'a Expr>> {
        self.list()?
            .args
            .iter()
            .map(|a| match a {
                FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) => Some(e),
                _ => None,
            })
            .collect()
    }

    pub fn arg_count(&self) -> usize {
        self.list().map(|l| l.args.len()).unwrap_or(0)
    }

    pub fn is_distinct(&self) -> bool {
        self.list()
            .is_some_and(|l| l.duplicate_treatment == Some(DuplicateTreatment::Distinct))
    }

    /// The expressions of the `ORDER BY` inside the parentheses.
    pub fn order_by_exprs(&self) -> Vec<&'a Expr> {
        self.list()
            .map(|l| {
                l.clauses
                    .iter()
                    .filter_map(|c| match c {
                        FunctionArgumentClause::OrderBy(items) => Some(items),
                        _ => None,
                    })
                    .flatten()
                    .map(|o| &o.expr)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether the argument list holds clauses other than `ORDER BY`.
    pub fn has_other_clauses(&self) -> bool {
        self.list().is_some_and(|l| {
            l.clauses
                .iter()
                .any(|c| !matches!(c, FunctionArgumentClause::OrderBy(_)))
        })
    }

    /// Whether an OVER clause orders or frames its window (or names one).
    pub fn over_orders(&self) -> bool {
        match &self.func.over {
            None => false,
            Some(WindowType::NamedWindow(_)) => true,
            Some(WindowType::WindowSpec(spec)) => {
                spec.window_name.is_some()
                    || !spec.order_by.is_empty()
                    || spec.window_frame.is_some()
            }
        }
    }

    /// From the name to the closing parenthesis.
    pub fn range(&self, tokens: &Tokens) -> ByteRange {
        tokens.ranges[self.name_token].start..tokens.ranges[self.close].end
    }

    /// From `order` to the end of the last sort key.
    pub fn order_by_range(&self, tokens: &Tokens) -> Option<ByteRange> {
        let (first, last) = self.order_by?;
        Some(tokens.ranges[first].start..tokens.ranges[last].end)
    }

    pub fn name_range(&self, tokens: &Tokens) -> ByteRange {
        tokens.ranges[self.name_token].clone()
    }
}

/// Start of the blanks (spaces and line breaks, not comments) just before
/// token `i`, so that deleting from there leaves no trailing blanks behind.
/// After a `-- comment` the blanks stay, or the comment would swallow
/// whatever follows the deletion.
pub(super) fn blank_start(tokens: &Tokens, i: usize) -> usize {
    let mut j = i;
    while j > 0 && tokens.is_trivia(j - 1) && !tokens.is_comment(j - 1) {
        j -= 1;
    }
    let start = tokens.ranges[j].start;
    let after_line_comment = j > 0
        && matches!(
            tokens.token(j - 1),
            Token::Whitespace(Whitespace::SingleLineComment { .. })
        )
        && !tokens.slice(j - 1).ends_with('\n');
    if after_line_comment {
        return tokens.ranges[i].start;
    }
    start
}

/// The `ORDER BY` inside a call, moved after it as `WITHIN GROUP (…)`: the
/// deletion inside the parentheses and the insertion after them. The caller
/// checks first that the clause holds no Jinja (its text is copied).
pub(super) fn within_group_edits(call: &Call, cx: &RuleContext) -> Option<Vec<Edit>> {
    let clause = call.order_by_range(cx.tokens)?;
    let (first, _) = call.order_by?;
    let at = cx.tokens.ranges[call.close].end;
    Some(vec![
        Edit::delete(blank_start(cx.tokens, first)..clause.end),
        Edit::insert(
            at,
            format!(" {} ({})", cx.kw("within group"), cx.src(clause)),
        ),
    ])
}

#[derive(Deserialize)]
struct Row {
    code: String,
    name: String,
    summary: String,
    category: Category,
    map: BTreeMap<String, String>,
    arity: Option<usize>,
    #[serde(default = "yes")]
    window_order_by: bool,
    why: String,
    example: String,
    safety: String,
    reference: String,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
struct Table {
    rule: Vec<Row>,
}

pub struct FunctionRename {
    meta: RuleMeta,
    map: BTreeMap<String, String>,
    arity: Option<usize>,
    window_order_by: bool,
}

pub fn rules() -> Vec<Box<dyn Rule>> {
    let table: Table = super::table(super::rule_table!("functions"));
    table
        .rule
        .into_iter()
        .map(|row| {
            let what = format!(
                "Renames the function of a call: {}. Only the name token changes, in the case it was written in; qualified (`myschema.now()`) and quoted names are left alone.",
                row.map
                    .iter()
                    .map(|(k, v)| format!("`{k}` → `{v}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            Box::new(FunctionRename {
                meta: RuleMeta {
                    docs: docs(&what, &row.why, &row.example, &row.safety, &row.reference),
                    code: row.code,
                    name: row.name,
                    summary: row.summary,
                    category: row.category,
                },
                map: row.map,
                arity: row.arity,
                window_order_by: row.window_order_by,
            }) as Box<dyn Rule>
        })
        .collect()
}

impl Rule for FunctionRename {
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
        let Some(target) = self.map.get(call.name.as_str()) else {
            return;
        };
        if self.arity.is_some_and(|n| n != call.arg_count()) {
            return;
        }
        let range = call.name_range(cx.tokens);
        let written = cx.src(range.clone()).to_string();
        if !self.window_order_by && call.over_orders() {
            out.push(
                Finding::new(
                    &self.meta,
                    range,
                    format!(
                        "`{written}` used as a running window function: Snowflake's {} takes only PARTITION BY in OVER (no ORDER BY or frame); rewrite the running aggregate by hand",
                        target.to_ascii_uppercase()
                    ),
                )
                .with_category(Category::Unconvertible),
            );
            return;
        }
        let replacement = cx.kw_like(&range, target);
        let message = format!("`{written}` → `{replacement}`: {}", self.meta.summary);
        out.push(
            Finding::new(&self.meta, range.clone(), message)
                .with_edits(vec![Edit::replace(range, replacement)]),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_loads() {
        let rules = rules();
        assert!(rules.iter().any(|r| r.meta().code == "PG504"));
        assert!(rules.iter().any(|r| r.meta().code == "PG505"));
    }
}
