//! PG401: `SELECT DISTINCT ON (keys)` → `QUALIFY ROW_NUMBER() OVER (…) = 1`.

use sqlparser::ast::{
    Distinct, Expr, OrderBy, OrderByKind, OrderBySort, Query, Select, SelectItem, SetExpr, Value,
};
use sqlparser::keywords::Keyword;
use sqlparser::tokenizer::Token;

use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;
use crate::source::ByteRange;

pub struct DistinctOn {
    meta: RuleMeta,
}

impl DistinctOn {
    pub fn new() -> Self {
        DistinctOn {
            meta: meta(
                "PG401",
                "distinct-on",
                "Snowflake has no DISTINCT ON; keep the first row per key with QUALIFY",
                Category::Fix,
                docs(
                    "Deletes `distinct on (k1, k2)` and adds `qualify row_number() over (partition by k1, k2 order by …) = 1` on its own line before the query's ORDER BY (or after the SELECT's last clause when there is none). The window's ORDER BY is the query's ORDER BY without its leading DISTINCT ON keys (they are constant within a partition); the query keeps its ORDER BY.",
                    "DISTINCT ON is a PostgreSQL extension: it keeps the first row of each set of rows with equal keys, in the order of the ORDER BY, whose leading expressions must be the keys. Snowflake's SELECT has no DISTINCT ON; ROW_NUMBER() in a QUALIFY clause keeps the same row. QUALIFY is evaluated after HAVING and window functions and before DISTINCT, ORDER BY and LIMIT, so it goes after HAVING and before ORDER BY. Like DISTINCT ON, PARTITION BY puts NULL keys in one group.",
                    "`select distinct on (customer_id) customer_id, order_id from orders order by customer_id, ordered_at desc` becomes `select customer_id, order_id from orders qualify row_number() over (partition by customer_id order by ordered_at desc) = 1 order by customer_id, ordered_at desc`.",
                    "Fix when the ORDER BY starts with the keys and orders further: the same row is kept. Review when nothing beyond the keys orders the rows (PostgreSQL keeps an arbitrary row per key and so does the rewrite, which uses the keys as the window's ORDER BY because ROW_NUMBER requires one; the rows kept may differ), when the ORDER BY does not visibly start with the keys, or when a key or ORDER BY item is a bare name that is also an output alias (PostgreSQL's ORDER BY reads output columns first, a window's ORDER BY reads input columns). Unconvertible (no edit, the message gives the clause to write) when a key or ORDER BY item holds Jinja, uses a column position (`order by 1`) or `USING`, or when DISTINCT ON sits in a UNION branch and the ORDER BY belongs to the whole UNION.",
                    "https://docs.snowflake.com/en/sql-reference/constructs/qualify (evaluation order FROM, WHERE, GROUP BY, HAVING, WINDOW, QUALIFY, DISTINCT, ORDER BY, LIMIT; general form `… [HAVING …] QUALIFY <predicate> [ … ]`) ; https://docs.snowflake.com/en/sql-reference/functions-window-syntax (OVER (PARTITION BY … ORDER BY … [ASC|DESC] [NULLS FIRST|LAST])) ; https://www.postgresql.org/docs/current/sql-select.html#SQL-DISTINCT",
                ),
            ),
        }
    }
}

impl Rule for DistinctOn {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::QUERY
    }

    fn check_query(&self, query: &Query, cx: &RuleContext, out: &mut Vec<Finding>) {
        match query.body.as_ref() {
            SetExpr::Select(select) => {
                self.check(select, query.order_by.as_ref(), Place::Own, cx, out);
            }
            SetExpr::SetOperation { .. } => {
                let mut branches = Vec::new();
                set_branches(&query.body, &mut branches);
                let place = if query.order_by.is_some() {
                    Place::BranchOrderedOutside
                } else {
                    Place::Branch
                };
                for select in branches {
                    self.check(select, None, place, cx, out);
                }
            }
            _ => {}
        }
    }
}

/// Where a SELECT with DISTINCT ON stands in its query.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// The query's body: the query's ORDER BY is its own.
    Own,
    /// A branch of a UNION/EXCEPT/INTERSECT without ORDER BY.
    Branch,
    /// A branch of a set operation that has an ORDER BY.
    BranchOrderedOutside,
}

/// The SELECTs that are direct branches of a set operation (parenthesized
/// queries are visited as queries of their own).
fn set_branches<'a>(body: &'a SetExpr, out: &mut Vec<&'a Select>) {
    match body {
        SetExpr::Select(s) => out.push(s),
        SetExpr::SetOperation { left, right, .. } => {
            set_branches(left, out);
            set_branches(right, out);
        }
        _ => {}
    }
}

/// An ORDER BY item located in the text.
struct Item {
    /// The expression alone.
    expr: ByteRange,
    /// The expression with ASC/DESC/NULLS ….
    whole: ByteRange,
}

impl DistinctOn {
    fn check(
        &self,
        select: &Select,
        order_by: Option<&OrderBy>,
        place: Place,
        cx: &RuleContext,
        out: &mut Vec<Finding>,
    ) {
        let Some(Distinct::On(keys)) = &select.distinct else {
            return;
        };
        let t = cx.tokens;
        // `distinct on ( … )` in the tokens.
        let Some(first_key) = keys.first().and_then(|k| t.expr_tokens(k)) else {
            return;
        };
        let Some(open) = t.prev_sig(first_key.0) else {
            return;
        };
        let Some(on) = t.prev_sig(open) else { return };
        let Some(distinct) = t.prev_sig(on) else {
            return;
        };
        if !matches!(t.token(open), Token::LParen)
            || !t.is_word(on, "on")
            || !t.is_word(distinct, "distinct")
        {
            return;
        }
        let Some(close) = t.matching_paren(open) else {
            return;
        };
        let clause = t.ranges[distinct].start..t.ranges[close].end;
        let clause_text = cx.original.get(clause.clone()).unwrap_or("").to_string();
        let unconvertible = |why: String| {
            Finding::new(
                &self.meta,
                clause.clone(),
                format!("`{clause_text}` not rewritten: {why}"),
            )
            .with_category(Category::Unconvertible)
        };

        let mut key_ranges = Vec::new();
        for k in keys {
            let Some(r) = t.expr_range(k) else {
                out.push(unconvertible(
                    "a key could not be located in the text".to_string(),
                ));
                return;
            };
            key_ranges.push(r);
        }
        let mut items: Vec<Item> = Vec::new();
        let mut order_kw = None;
        if let Some(order_by) = order_by {
            let OrderByKind::Expressions(exprs) = &order_by.kind else {
                out.push(unconvertible(
                    "`order by all` has no window equivalent here; list the expressions"
                        .to_string(),
                ));
                return;
            };
            for o in exprs {
                if matches!(o.options.sort, Some(OrderBySort::Using(_))) {
                    out.push(unconvertible(
                        "`order by … using <operator>` has no Snowflake equivalent; use ASC/DESC"
                            .to_string(),
                    ));
                    return;
                }
                let Some(item) = locate_item(cx, &o.expr) else {
                    out.push(unconvertible(
                        "an ORDER BY item could not be located in the text".to_string(),
                    ));
                    return;
                };
                items.push(item);
            }
            let by = items
                .first()
                .and_then(|i| t.at(i.expr.start))
                .and_then(|i| t.prev_sig(i));
            let order = by.and_then(|b| t.prev_sig(b));
            match (by, order) {
                (Some(b), Some(o)) if t.is_word(b, "by") && t.is_word(o, "order") => {
                    order_kw = Some(o)
                }
                _ => {
                    out.push(unconvertible(
                        "the ORDER BY could not be located in the text".to_string(),
                    ));
                    return;
                }
            }
        }

        // Positions: a constant inside a window.
        let ordinal = keys
            .iter()
            .chain(order_by.iter().flat_map(|o| match &o.kind {
                OrderByKind::Expressions(v) => v.iter().map(|e| &e.expr).collect(),
                OrderByKind::All(_) => Vec::new(),
            }))
            .find(|e| matches!(e, Expr::Value(v) if matches!(v.value, Value::Number(..))));
        if let Some(e) = ordinal {
            let shown = t
                .expr_range(e)
                .map(|r| cx.src(r).to_string())
                .unwrap_or_default();
            out.push(unconvertible(format!(
                "it uses a column position (`{shown}`), which inside a window would be a constant; write the column expressions instead of positions"
            )));
            return;
        }

        // Which rows the window orders by.
        let norm_keys: Vec<String> = key_ranges.iter().map(|r| normalized(cx, r)).collect();
        let leading_match = items.len() >= keys.len()
            && is_permutation(
                &norm_keys,
                &items[..keys.len()]
                    .iter()
                    .map(|i| normalized(cx, &i.expr))
                    .collect::<Vec<_>>(),
            );
        let mut notes: Vec<String> = Vec::new();
        let window_items: Vec<ByteRange> = if items.is_empty() {
            match place {
                Place::BranchOrderedOutside => {
                    out.push(unconvertible("DISTINCT ON in a UNION/EXCEPT/INTERSECT branch: the ORDER BY belongs to the whole set operation, so PostgreSQL keeps an arbitrary row per key; put the branch in parentheses with its own ORDER BY (then it converts), or add `qualify row_number() over (partition by … order by …) = 1` to the branch by hand".to_string()));
                    return;
                }
                _ => notes.push("no ORDER BY chooses the row, so PostgreSQL keeps an arbitrary row per key and so does this rewrite (ordered by the keys), but not necessarily the same one".to_string()),
            }
            key_ranges.clone()
        } else if leading_match {
            let rest: Vec<ByteRange> = items[keys.len()..]
                .iter()
                .map(|i| i.whole.clone())
                .collect();
            if rest.is_empty() {
                notes.push("the ORDER BY holds only the keys, so PostgreSQL keeps an arbitrary row per key and so does this rewrite, but not necessarily the same one".to_string());
                key_ranges.clone()
            } else {
                rest
            }
        } else {
            notes.push("the ORDER BY does not visibly start with the DISTINCT ON keys; check that the window's ORDER BY picks the row PostgreSQL kept".to_string());
            items.iter().map(|i| i.whole.clone()).collect()
        };

        // Jinja cannot be copied: say what to write instead.
        let copied: Vec<&ByteRange> = key_ranges.iter().chain(window_items.iter()).collect();
        if copied.iter().any(|r| cx.touches_jinja(r)) {
            let orig = |r: &ByteRange| cx.original.get(r.clone()).unwrap_or("").to_string();
            let keys_text = key_ranges.iter().map(orig).collect::<Vec<_>>().join(", ");
            let order_text = window_items.iter().map(orig).collect::<Vec<_>>().join(", ");
            out.push(unconvertible(format!(
                "its keys or ORDER BY hold Jinja, which is not copied into new text; delete it and write `qualify row_number() over (partition by {keys_text} order by {order_text}) = 1` {}",
                if order_kw.is_some() { "before the ORDER BY" } else { "after the last clause of the SELECT" }
            )));
            return;
        }

        // A bare name that is also an output alias may mean another value.
        let aliases = output_aliases(select);
        let shadowed: Vec<String> = keys
            .iter()
            .chain(order_by.iter().flat_map(|o| match &o.kind {
                OrderByKind::Expressions(v) => v.iter().map(|e| &e.expr).collect(),
                OrderByKind::All(_) => Vec::new(),
            }))
            .filter_map(|e| match e {
                Expr::Identifier(id)
                    if aliases.iter().any(|a| a.eq_ignore_ascii_case(&id.value)) =>
                {
                    Some(id.value.clone())
                }
                _ => None,
            })
            .collect();
        if let Some(name) = shadowed.first() {
            notes.push(format!("`{name}` is an output alias: PostgreSQL's DISTINCT ON and ORDER BY read the output column, the window reads the input column of that name (or fails if there is none); check they are the same value"));
        }

        let src = |r: &ByteRange| cx.src(r.clone()).to_string();
        let qualify = format!(
            "{} {}() {} ({} {} {} {}) = 1",
            cx.kw("qualify"),
            cx.kw("row_number"),
            cx.kw("over"),
            cx.kw("partition by"),
            key_ranges.iter().map(src).collect::<Vec<_>>().join(", "),
            cx.kw("order by"),
            window_items.iter().map(src).collect::<Vec<_>>().join(", "),
        );

        let mut edits = vec![delete_clause(cx, clause.clone())];
        match order_kw {
            Some(o) => {
                let at = t.ranges[o].start;
                let insert = match line_indent(cx.text, at) {
                    Some(indent) => format!("{qualify}\n{indent}"),
                    None => format!("{qualify} "),
                };
                edits.push(Edit::insert(at, insert));
            }
            None => {
                let Some((at, indent)) = select_end(cx, distinct) else {
                    out.push(unconvertible(
                        "the end of the SELECT could not be located".to_string(),
                    ));
                    return;
                };
                let insert = match indent {
                    Some(indent) => format!("\n{indent}{qualify}"),
                    None => format!(" {qualify}"),
                };
                edits.push(Edit::insert(at, insert));
            }
        }

        let mut message = format!(
            "`{clause_text}` → `qualify row_number() over (…) = 1`: Snowflake has no DISTINCT ON"
        );
        let category = if notes.is_empty() {
            Category::Fix
        } else {
            message.push_str("; review: ");
            message.push_str(&notes.join("; "));
            Category::Review
        };
        out.push(
            Finding::new(&self.meta, clause, message)
                .with_category(category)
                .with_edits(edits),
        );
    }
}

/// An ORDER BY item: the expression, then `asc`/`desc` and `nulls first|last`.
fn locate_item(cx: &RuleContext, expr: &Expr) -> Option<Item> {
    let t = cx.tokens;
    let (first, mut last) = t.expr_tokens(expr)?;
    let expr_range = t.ranges[first].start..t.ranges[last].end;
    if let Some(n) = t.next_sig(last) {
        if t.is_word(n, "asc") || t.is_word(n, "desc") {
            last = n;
        }
    }
    if let Some(n) = t.next_sig(last) {
        if t.is_word(n, "nulls") {
            let m = t.next_sig(n)?;
            if t.is_word(m, "first") || t.is_word(m, "last") {
                last = m;
            }
        }
    }
    Some(Item {
        expr: expr_range,
        whole: t.ranges[first].start..t.ranges[last].end,
    })
}

/// Text of a range without blanks and comments, unquoted words lower-cased.
fn normalized(cx: &RuleContext, range: &ByteRange) -> String {
    let t = cx.tokens;
    let mut out = String::new();
    let (Some(first), Some(last)) = (t.at(range.start), t.ending_at(range.end)) else {
        return cx.src(range.clone()).to_ascii_lowercase();
    };
    for i in first..=last {
        if t.is_trivia(i) {
            continue;
        }
        match t.token(i) {
            Token::Word(w) if w.quote_style.is_some() => out.push_str(t.slice(i)),
            _ => out.push_str(&t.slice(i).to_ascii_lowercase()),
        }
        out.push(' ');
    }
    out
}

fn is_permutation(a: &[String], b: &[String]) -> bool {
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort();
    b.sort();
    a == b
}

/// Names given with AS to something other than a column of that name.
fn output_aliases(select: &Select) -> Vec<String> {
    select
        .projection
        .iter()
        .filter_map(|item| match item {
            SelectItem::ExprWithAlias { expr, alias } => {
                let same = match expr {
                    Expr::Identifier(id) => id.value.eq_ignore_ascii_case(&alias.value),
                    Expr::CompoundIdentifier(ids) => ids
                        .last()
                        .is_some_and(|id| id.value.eq_ignore_ascii_case(&alias.value)),
                    _ => false,
                };
                (!same).then(|| alias.value.clone())
            }
            _ => None,
        })
        .collect()
}

/// Deletes `distinct on (…)` and one blank next to it.
fn delete_clause(cx: &RuleContext, clause: ByteRange) -> Edit {
    let bytes = cx.text.as_bytes();
    if bytes.get(clause.end) == Some(&b' ') {
        Edit::delete(clause.start..clause.end + 1)
    } else if clause.start > 0 && bytes.get(clause.start - 1) == Some(&b' ') {
        Edit::delete(clause.start - 1..clause.end)
    } else {
        Edit::delete(clause)
    }
}

/// The indentation of the line of `at` when only blanks precede it there.
fn line_indent(text: &str, at: usize) -> Option<String> {
    let line_start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let before = text.get(line_start..at)?;
    before
        .bytes()
        .all(|b| b == b' ' || b == b'\t')
        .then(|| before.to_string())
}

/// Where a clause after the last one of the SELECT that holds token `from`
/// goes: the offset, and the indentation of its clause keywords when the
/// SELECT spans lines (`None`: append on the same line).
fn select_end(cx: &RuleContext, from: usize) -> Option<(usize, Option<String>)> {
    let t = cx.tokens;
    let mut depth = 0usize;
    let mut last = None;
    let mut indent = None;
    let mut stop = t.len();
    for i in from..t.len() {
        if t.is_trivia(i) {
            continue;
        }
        match t.token(i) {
            Token::LParen => depth += 1,
            Token::RParen if depth == 0 => {
                stop = i;
                break;
            }
            Token::RParen => depth -= 1,
            Token::SemiColon if depth == 0 => {
                stop = i;
                break;
            }
            Token::Word(w) if depth == 0 && w.quote_style.is_none() => {
                if matches!(
                    w.keyword,
                    Keyword::ORDER
                        | Keyword::LIMIT
                        | Keyword::OFFSET
                        | Keyword::FETCH
                        | Keyword::UNION
                        | Keyword::EXCEPT
                        | Keyword::INTERSECT
                        | Keyword::MINUS
                        | Keyword::WINDOW
                        | Keyword::FOR
                ) {
                    stop = i;
                    break;
                }
                if matches!(
                    w.keyword,
                    Keyword::SELECT
                        | Keyword::FROM
                        | Keyword::WHERE
                        | Keyword::GROUP
                        | Keyword::HAVING
                ) {
                    if let Some(ind) = line_indent(cx.text, t.ranges[i].start) {
                        indent = Some(ind);
                    }
                }
            }
            _ => {}
        }
        last = Some(i);
    }
    let last = last?;
    let mut at = t.ranges[last].end;
    // Past Jinja tags that close what the last token is in (`{% endif %}`).
    let stop_at = t.ranges.get(stop).map_or(cx.text.len(), |r| r.start);
    let mut regions: Vec<&crate::jinja::JinjaRegion> = cx
        .jinja
        .iter()
        .filter(|j| j.kind == crate::jinja::JinjaKind::Statement && j.tag.starts_with("end"))
        .collect();
    regions.sort_by_key(|j| j.range.start);
    for j in regions {
        let r = &j.range;
        if r.start >= at
            && r.end <= stop_at
            && cx
                .original
                .get(at..r.start)
                .is_some_and(|gap| gap.trim().is_empty())
        {
            at = r.end;
        }
    }
    let multiline = cx
        .text
        .get(t.ranges[from].start..at)
        .is_some_and(|s| s.contains('\n'));
    Some((
        at,
        if multiline {
            indent.or(Some(String::new()))
        } else {
            None
        },
    ))
}
