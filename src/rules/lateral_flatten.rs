//! Set-returning functions in FROM as Snowflake's FLATTEN: `unnest(arr)`
//! (PG1000) and the json(b) expanders `jsonb_array_elements(_text)`,
//! `jsonb_each(_text)` and `jsonb_object_keys` (PG210).
//!
//! `… join lateral unnest(tags) as t (tag)` becomes
//! `… cross join lateral (select value as tag from table(flatten(input => tags))) as t`:
//! the subquery names FLATTEN's columns the way PostgreSQL named the
//! function's, so every reference to `t.tag` or `tag` keeps working, and the
//! argument stays where it was written. Snowflake forbids an ON clause on an
//! outer lateral join to a table function, so `left join lateral … on true`
//! becomes a cross join over `flatten(…, outer => true)`, which yields one row
//! of NULLs for an empty or NULL input, as the left join did.

use sqlparser::tokenizer::Token;

use super::function_renames::blank_start;
use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

/// Which functions a rule handles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Unnest,
    Json,
}

/// What a function yields, as columns of FLATTEN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `unnest`: one column named after the alias.
    ArrayElement,
    /// `jsonb_array_elements`: one column named `value`.
    JsonElement { text: bool },
    /// `jsonb_each`: `key` and `value`.
    JsonEntry { text: bool },
    /// `jsonb_object_keys`: one column named after the alias.
    JsonKey,
}

/// The functions these rules handle; the `json_*`/`jsonb_*` catch-all of
/// the pass-through table leaves them alone.
pub(super) const FUNCTIONS: &[&str] = &[
    "unnest",
    "json_array_elements",
    "jsonb_array_elements",
    "json_array_elements_text",
    "jsonb_array_elements_text",
    "json_each",
    "jsonb_each",
    "json_each_text",
    "jsonb_each_text",
    "json_object_keys",
    "jsonb_object_keys",
];

fn shape(name: &str) -> Option<(Family, Shape)> {
    Some(match name {
        "unnest" => (Family::Unnest, Shape::ArrayElement),
        "jsonb_array_elements" | "json_array_elements" => {
            (Family::Json, Shape::JsonElement { text: false })
        }
        "jsonb_array_elements_text" | "json_array_elements_text" => {
            (Family::Json, Shape::JsonElement { text: true })
        }
        "jsonb_each" | "json_each" => (Family::Json, Shape::JsonEntry { text: false }),
        "jsonb_each_text" | "json_each_text" => (Family::Json, Shape::JsonEntry { text: true }),
        "jsonb_object_keys" | "json_object_keys" => (Family::Json, Shape::JsonKey),
        _ => return None,
    })
}

/// How the function is joined to what precedes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// First item after FROM: nothing to the left to correlate with.
    From,
    /// `, f(…)`
    Comma,
    /// `cross join f(…)`
    Cross,
    /// `[inner] join f(…) on true`, from the first join word to `join`.
    Inner(usize, usize),
    /// `left [outer] join f(…) on true`, from `left` to `join`.
    Left(usize, usize),
}

/// Words that end a table alias or a FROM item.
const CLAUSE_WORDS: &[&str] = &[
    "on",
    "where",
    "join",
    "left",
    "right",
    "inner",
    "cross",
    "full",
    "natural",
    "group",
    "order",
    "having",
    "limit",
    "offset",
    "union",
    "except",
    "intersect",
    "window",
    "using",
    "lateral",
    "with",
    "fetch",
    "for",
    "returning",
    "qualify",
];

pub struct LateralFlatten {
    meta: RuleMeta,
    family: Family,
}

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(LateralFlatten {
            meta: meta(
                "PG1000",
                "unnest-lateral-flatten",
                "unnest() in FROM becomes a lateral FLATTEN subquery",
                Category::Fix,
                docs(
                    "Rewrites `unnest(arr)` used as a FROM item (`from t, unnest(arr) as x`, `cross join lateral unnest(arr) as x (v)`, `left join lateral unnest(arr) as x on true`, with or without `WITH ORDINALITY`) as a lateral subquery over `TABLE(FLATTEN(input => arr))` that names FLATTEN's `value` column after the alias (or the column alias) PostgreSQL gave the element, so references are unchanged. `WITH ORDINALITY` becomes `index + 1`. `left join lateral … on true` becomes `cross join lateral` over `flatten(…, outer => true)`. An `unnest` anywhere else (in a SELECT list, with several arrays, without an alias) is reported as unconvertible.",
                    "Snowflake has no UNNEST. FLATTEN is its table function that turns an ARRAY (or a VARIANT array) into rows; its columns are SEQ, KEY, PATH, INDEX (0-based), VALUE and THIS, and Snowflake rejects an ON clause on an outer lateral join to a table function.",
                    "`from services left join lateral unnest(thematiques) as thematique on true` becomes `from services cross join lateral (select value as thematique from table(flatten(input => thematiques, outer => true))) as thematique`; `, unnest(string_to_array(s, ',')) as part` becomes `, lateral (select value::varchar as part from table(flatten(input => string_to_array(s, ',')))) as part` (and `string_to_array` is then converted by its own rule).",
                    "Fix when the elements are known to be text (the array comes from `string_to_array`/`split` or a cast to `text[]`/`varchar[]`): `value::varchar` gives the same strings. Review otherwise: FLATTEN's VALUE is a VARIANT, so the element column of the model becomes a VARIANT (a text element is then a JSON string in the output; comparisons with literals still work); cast it to the element type where the type matters. Rows: an empty or NULL array gives no row in both systems, and with `outer => true` one row of NULLs, as `left join … on true` gives. NULL elements stay NULL. Not converted: `unnest` in a SELECT list (a set-returning projection: move it to FROM by hand), `unnest(a, b)` with several arrays, an ON condition other than `true`, RIGHT/FULL joins, and a FROM item without an alias.",
                    "https://docs.snowflake.com/en/sql-reference/functions/flatten ; https://docs.snowflake.com/en/sql-reference/constructs/join-lateral ; https://docs.snowflake.com/en/release-notes/bcr-bundles/2023_04/bcr-1057 ; https://www.postgresql.org/docs/current/functions-array.html ; https://www.postgresql.org/docs/current/queries-table-expressions.html#QUERIES-TABLEFUNCTIONS",
                ),
            ),
            family: Family::Unnest,
        }),
        Box::new(LateralFlatten {
            meta: meta(
                "PG210",
                "json-set-returning-flatten",
                "jsonb_array_elements/jsonb_each/jsonb_object_keys in FROM become a lateral FLATTEN subquery",
                Category::Fix,
                docs(
                    "Rewrites the json(b) set-returning functions used as FROM items as a lateral subquery over `TABLE(FLATTEN(input => j))` that names FLATTEN's columns as PostgreSQL named the function's: `jsonb_array_elements(j)` → `value`, `jsonb_array_elements_text(j)` → `value::varchar`, `jsonb_each(j)` → `key, value`, `jsonb_each_text(j)` → `key, value::varchar`, `jsonb_object_keys(j)` → `key` (column aliases such as `as e (item)` rename them). `WITH ORDINALITY` becomes `index + 1`; `left join lateral … on true` becomes `cross join lateral` over `flatten(…, outer => true)`. The same calls elsewhere (in a SELECT list) are reported as unconvertible.",
                    "Snowflake has none of these functions; FLATTEN expands a VARIANT array into one row per element (VALUE, 0-based INDEX) and an object into one row per entry (KEY, VALUE). Snowflake rejects an ON clause on an outer lateral join to a table function.",
                    "`cross join lateral jsonb_array_elements(source.metiers_json) as metier (metier_item)` becomes `cross join lateral (select value as metier_item from table(flatten(input => source.metiers_json))) as metier`.",
                    "Fix for `jsonb_array_elements`, `jsonb_each` and `jsonb_object_keys`: the values are VARIANTs, as the jsonb values were, and an empty or NULL input gives no row in both systems (a scalar input is an error in PostgreSQL). Review for the `_text` forms: `value::varchar` returns strings without their quotes, as PostgreSQL does, but a nested object or array is written compactly (`{\"a\":1}` where PostgreSQL writes `{\"a\": 1}`), a number is printed from Snowflake's stored number (`1.50` can become `1.5`), and a JSON null may come back as the text 'null' where PostgreSQL gives SQL NULL (wrap in `STRIP_NULL_VALUE` if it matters). When only a table alias is given (`jsonb_array_elements(j) as e`), PostgreSQL lets the model use both `e` and `e.value`; the subquery defines the columns the model references. Without an alias the columns keep PostgreSQL's names `key` and `value`. Not converted: calls in a SELECT list (move them to FROM), ON conditions other than `true`, RIGHT/FULL joins and `jsonb_object_keys` without an alias.",
                    "https://docs.snowflake.com/en/sql-reference/functions/flatten ; https://docs.snowflake.com/en/sql-reference/constructs/join-lateral ; https://docs.snowflake.com/en/user-guide/semistructured-considerations ; https://www.postgresql.org/docs/current/functions-json.html",
                ),
            ),
            family: Family::Json,
        }),
    ]
}

/// Where the parts of one FROM-item call are.
struct Item {
    /// Last token of `with ordinality`, when present.
    ordinality: Option<usize>,
    alias: Option<usize>,
    /// `(` and `)` of the column alias list, and the names in it.
    columns: Option<(usize, usize, Vec<usize>)>,
    /// `on` and `true` of the join condition.
    on_true: Option<(usize, usize)>,
}

impl Rule for LateralFlatten {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::TOKENS
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        let t = cx.tokens;
        for (i, name) in t.calls() {
            let Some((family, shape)) = self::shape(name) else {
                continue;
            };
            if family != self.family {
                continue;
            }
            let Some(open) = t.next_sig(i) else { continue };
            let Some(close) = t.matching_paren(open) else {
                continue;
            };
            let range = t.ranges[i].start..t.ranges[close].end;
            let written = t.slice(i).to_string();
            let finding = match self.convert(cx, i, open, close, shape) {
                Ok(f) => f,
                Err(why) => Finding::new(
                    &self.meta,
                    range,
                    format!("`{written}(…)` not converted: {why}. Hint: {}", self.hint()),
                )
                .with_category(Category::Unconvertible),
            };
            out.push(finding);
        }
    }
}

impl LateralFlatten {
    fn hint(&self) -> &'static str {
        match self.family {
            Family::Unnest => "in FROM, join `LATERAL (SELECT value AS v FROM TABLE(FLATTEN(input => arr)))` (add `outer => true` to keep rows whose array is empty or NULL; INDEX is 0-based); in a SELECT list, move the call to FROM first",
            Family::Json => "in FROM, join `LATERAL (SELECT value FROM TABLE(FLATTEN(input => j)))` (`value::varchar` for the _text forms, `key` for object keys; add `outer => true` to keep rows without elements); in a SELECT list, move the call to FROM first",
        }
    }

    fn convert(
        &self,
        cx: &RuleContext,
        name_token: usize,
        open: usize,
        close: usize,
        shape: Shape,
    ) -> Result<Finding, String> {
        let t = cx.tokens;
        let (join, lateral) = from_position(cx, name_token)
            .ok_or("it is not a FROM item (a set-returning function in a SELECT list or an expression has no Snowflake equivalent)")?;
        let item = item(cx, close, join)?;
        let args = top_level_commas(cx, open, close);
        if args > 0 {
            return Err("it has more than one argument".into());
        }
        if open + 1 == close || t.next_sig(open) == Some(close) {
            return Err("it has no argument".into());
        }
        // Without an alias, PostgreSQL names the column after the function,
        // except for the json(b) functions, whose columns are named `key`
        // and `value`.
        let alias = match (item.alias, shape) {
            (Some(a), _) => Some(a),
            (None, Shape::JsonElement { .. } | Shape::JsonEntry { .. }) => None,
            (None, _) => return Err("the FROM item has no alias to name its column".into()),
        };
        let alias_text = alias.map(|a| t.slice(a).to_string()).unwrap_or_default();
        let given: Vec<String> = item
            .columns
            .as_ref()
            .map(|(_, _, names)| names.iter().map(|&n| t.slice(n).to_string()).collect())
            .unwrap_or_default();
        if let Some((o, c, _)) = &item.columns {
            let list = t.ranges[*o].start..t.ranges[*c].end;
            if cx.touches_jinja(&list) {
                return Err("its column aliases are Jinja".into());
            }
        }
        if alias.is_some_and(|a| cx.touches_jinja(&t.ranges[a])) {
            return Err("its alias is Jinja".into());
        }

        // (output expression, PostgreSQL column name) in PostgreSQL's order.
        let mut review: Option<String> = None;
        let mut columns: Vec<(String, String)> = Vec::new();
        let mut names = given.iter();
        let value_kw = cx.kw("value");
        let text_value = format!("{}::{}", value_kw, cx.kw("varchar"));
        match shape {
            Shape::ArrayElement => {
                let name = names.next().cloned().unwrap_or_else(|| alias_text.clone());
                if text_elements(cx, open, close) {
                    columns.push((text_value.clone(), name));
                } else {
                    columns.push((value_kw.clone(), name));
                    review = Some("FLATTEN's VALUE is a VARIANT: the element column is a VARIANT in Snowflake where PostgreSQL had the array's element type (a text element comes out as a JSON string); cast it (`::varchar`, `::number`) where the type matters".into());
                }
            }
            Shape::JsonElement { text } => {
                let expr = if text {
                    review = Some(text_review());
                    text_value.clone()
                } else {
                    value_kw.clone()
                };
                match names.next() {
                    Some(n) => columns.push((expr, n.clone())),
                    None => {
                        // PostgreSQL accepts both `e` and `e.value` here.
                        let bare = alias.is_some_and(|a| bare_reference(cx, a));
                        let qualified = alias.is_some_and(|a| qualified_reference(cx, a, "value"));
                        if bare {
                            columns.push((expr.clone(), alias_text.clone()));
                        }
                        if qualified || !bare {
                            columns.push((expr, value_kw.clone()));
                        }
                    }
                }
            }
            Shape::JsonEntry { text } => {
                let key = names.next().cloned().unwrap_or_else(|| cx.kw("key"));
                columns.push((cx.kw("key"), key));
                let expr = if text {
                    review = Some(text_review());
                    text_value.clone()
                } else {
                    value_kw.clone()
                };
                let value = names.next().cloned().unwrap_or_else(|| value_kw.clone());
                columns.push((expr, value));
            }
            Shape::JsonKey => {
                let name = names.next().cloned().unwrap_or_else(|| alias_text.clone());
                columns.push((cx.kw("key"), name));
            }
        }
        if item.ordinality.is_some() {
            let name = names.next().cloned().unwrap_or_else(|| cx.kw("ordinality"));
            columns.push((format!("{} + 1", cx.kw("index")), name));
        }
        if names.next().is_some() {
            return Err(
                "its column alias list names more columns than the function returns".into(),
            );
        }

        let select_list = columns
            .iter()
            .map(|(expr, name)| {
                if expr.eq_ignore_ascii_case(name) {
                    expr.clone()
                } else {
                    format!("{expr} {} {name}", cx.kw("as"))
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        let needs_lateral = lateral.is_none() && join != Join::From;
        let head = format!(
            "{}({} {select_list} {} {}({}({} => ",
            if needs_lateral {
                cx.kw("lateral ")
            } else {
                String::new()
            },
            cx.kw("select"),
            cx.kw("from"),
            cx.kw("table"),
            cx.kw("flatten"),
            cx.kw("input"),
        );
        let outer = matches!(join, Join::Left(..));
        let tail = if outer {
            format!(", {} => {})))", cx.kw("outer"), cx.kw("true"))
        } else {
            ")))".to_string()
        };
        let mut edits = vec![
            Edit::replace(t.ranges[name_token].start..t.ranges[open].end, head),
            Edit::replace(
                t.ranges[close].start..t.ranges[item.ordinality.unwrap_or(close)].end,
                tail,
            ),
        ];
        if let Some((o, c, _)) = &item.columns {
            edits.push(Edit::delete(blank_start(t, *o)..t.ranges[*c].end));
        }
        match join {
            Join::Inner(first, last) | Join::Left(first, last) => {
                let (on, tru) = item.on_true.ok_or("its join has no ON TRUE")?;
                edits.push(Edit::replace(
                    t.ranges[first].start..t.ranges[last].end,
                    cx.kw_like(&(t.ranges[first].start..t.ranges[last].end), "cross join"),
                ));
                edits.push(Edit::delete(blank_start(t, on)..t.ranges[tru].end));
            }
            Join::From | Join::Comma | Join::Cross => {}
        }
        let touched = t.ranges[name_token].start..t.ranges[open].end;
        if cx.touches_jinja(&touched) || cx.touches_jinja(&t.ranges[close]) {
            return Err("its name or parentheses are Jinja".into());
        }

        let range = t.ranges[name_token].start..t.ranges[close].end;
        let written = t.slice(name_token);
        let what = if outer {
            "a cross join over FLATTEN with `outer => true` (Snowflake allows no ON clause on an outer lateral join to a table function)"
        } else {
            "a lateral subquery over FLATTEN"
        };
        let mut message = format!("`{written}(…)` in FROM → {what}");
        if item.ordinality.is_some() {
            message.push_str("; WITH ORDINALITY → `index + 1` (FLATTEN's INDEX is 0-based)");
        }
        let finding = match review {
            Some(r) => Finding::new(&self.meta, range, format!("{message}. Review: {r}"))
                .with_category(Category::Review),
            None => Finding::new(&self.meta, range, message),
        };
        Ok(finding.with_edits(edits))
    }
}

fn text_review() -> String {
    "`value::varchar` writes nested objects/arrays compactly (`{\"a\":1}`, PostgreSQL `{\"a\": 1}`), prints numbers from Snowflake's stored number (`1.50` → `1.5`), and may give the text 'null' for a JSON null where PostgreSQL gives SQL NULL (use STRIP_NULL_VALUE where it matters)".into()
}

/// Whether the call at `name_token` is a FROM item, and how it is joined;
/// with the index of a `lateral` written before it.
fn from_position(cx: &RuleContext, name_token: usize) -> Option<(Join, Option<usize>)> {
    let t = cx.tokens;
    let mut p = t.prev_sig(name_token)?;
    let lateral = t.is_word(p, "lateral").then_some(p);
    if lateral.is_some() {
        p = t.prev_sig(p)?;
    }
    if t.is_word(p, "from") {
        return Some((Join::From, lateral));
    }
    if matches!(t.token(p), Token::Comma) {
        return in_from_list(cx, p).then_some((Join::Comma, lateral));
    }
    if !t.is_word(p, "join") {
        return None;
    }
    let join = p;
    let before = t.prev_sig(join)?;
    if t.is_word(before, "cross") {
        return Some((Join::Cross, lateral));
    }
    if t.is_word(before, "inner") {
        return Some((Join::Inner(before, join), lateral));
    }
    if t.is_word(before, "outer") {
        let left = t.prev_sig(before)?;
        return t
            .is_word(left, "left")
            .then_some((Join::Left(left, join), lateral));
    }
    if t.is_word(before, "left") {
        return Some((Join::Left(before, join), lateral));
    }
    if t.is_word(before, "right") || t.is_word(before, "full") || t.is_word(before, "natural") {
        return None;
    }
    Some((Join::Inner(join, join), lateral))
}

/// Whether a comma separates FROM items: walking back at its depth reaches
/// `from` before any other clause keyword.
fn in_from_list(cx: &RuleContext, comma: usize) -> bool {
    let t = cx.tokens;
    let mut depth = 0i32;
    for j in (0..comma).rev() {
        match t.token(j) {
            Token::RParen => depth += 1,
            Token::LParen => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ if depth == 0 => {
                if t.is_word(j, "from") {
                    return true;
                }
                if [
                    "select",
                    "where",
                    "group",
                    "having",
                    "order",
                    "limit",
                    "values",
                    "set",
                    "returning",
                    "union",
                    "except",
                    "intersect",
                    "window",
                    "qualify",
                    "by",
                    "distinct",
                ]
                .iter()
                .any(|w| t.is_word(j, w))
                {
                    return false;
                }
            }
            _ => {}
        }
    }
    false
}

/// The tokens after the call: `with ordinality`, the alias and its column
/// list, and the `on true` of an inner or left join.
fn item(cx: &RuleContext, close: usize, join: Join) -> Result<Item, String> {
    let t = cx.tokens;
    let mut item = Item {
        ordinality: None,
        alias: None,
        columns: None,
        on_true: None,
    };
    let mut last = close;
    let mut next = t.next_sig(last);
    if let Some(w) = next.filter(|&n| t.is_word(n, "with")) {
        let o = t
            .next_sig(w)
            .filter(|&o| t.is_word(o, "ordinality"))
            .ok_or("WITH after the call is not WITH ORDINALITY")?;
        item.ordinality = Some(o);
        last = o;
        next = t.next_sig(last);
    }
    if let Some(a) = next.filter(|&n| t.is_word(n, "as")) {
        last = a;
        next = t.next_sig(last);
    }
    if let Some(n) = next {
        if let Token::Word(w) = t.token(n) {
            let clause = w.quote_style.is_none()
                && CLAUSE_WORDS.iter().any(|c| w.value.eq_ignore_ascii_case(c));
            if !clause {
                item.alias = Some(n);
                last = n;
                next = t.next_sig(last);
            }
        }
    }
    if item.alias.is_some() {
        if let Some(o) = next.filter(|&n| matches!(t.token(n), Token::LParen)) {
            let c = t.matching_paren(o).ok_or("unbalanced column alias list")?;
            let mut names = Vec::new();
            let mut expect_name = true;
            for j in o + 1..c {
                if t.is_trivia(j) {
                    continue;
                }
                match (t.token(j), expect_name) {
                    (Token::Word(_), true) => names.push(j),
                    (Token::Comma, false) => {}
                    _ => return Err("its column alias list has column types".into()),
                }
                expect_name = !expect_name;
            }
            item.columns = Some((o, c, names));
            last = c;
            next = t.next_sig(last);
        }
    }
    if let Join::Inner(..) | Join::Left(..) = join {
        let on = next
            .filter(|&n| t.is_word(n, "on"))
            .ok_or("the join has no ON clause")?;
        let tru = t
            .next_sig(on)
            .filter(|&n| t.is_word(n, "true"))
            .ok_or("the join condition is not `on true` (Snowflake allows no ON clause on a lateral join to a table function)")?;
        let after_ok = match t.next_sig(tru) {
            None => true,
            Some(a) => match t.token(a) {
                Token::Word(w) => !["and", "or", "is"]
                    .iter()
                    .any(|k| w.value.eq_ignore_ascii_case(k)),
                Token::RParen | Token::SemiColon | Token::Comma | Token::EOF => true,
                _ => false,
            },
        };
        if !after_ok {
            return Err("the join condition is more than `on true`".into());
        }
        item.on_true = Some((on, tru));
    }
    Ok(item)
}

/// Number of top-level commas between the parentheses of a call.
fn top_level_commas(cx: &RuleContext, open: usize, close: usize) -> usize {
    let t = cx.tokens;
    let mut depth = 0i32;
    let mut commas = 0;
    for j in open + 1..close {
        match t.token(j) {
            Token::LParen | Token::LBracket => depth += 1,
            Token::RParen | Token::RBracket => depth -= 1,
            Token::Comma if depth == 0 => commas += 1,
            _ => {}
        }
    }
    commas
}

/// Whether the array argument is known to hold text: it comes from
/// `string_to_array`/`split`, or is cast to `text[]`/`varchar[]`.
fn text_elements(cx: &RuleContext, open: usize, close: usize) -> bool {
    let t = cx.tokens;
    let Some(first) = t.next_sig(open) else {
        return false;
    };
    let splits = (t.is_word(first, "string_to_array") || t.is_word(first, "split"))
        && t.next_sig(first)
            .and_then(|p| t.matching_paren(p))
            .and_then(|c| t.next_sig(c))
            == Some(close);
    if splits {
        return true;
    }
    // `… :: text [ ]` ending the argument
    let Some(rb) = t.prev_sig(close) else {
        return false;
    };
    let Some(lb) = t.prev_sig(rb) else {
        return false;
    };
    let Some(ty) = t.prev_sig(lb) else {
        return false;
    };
    let Some(colons) = t.prev_sig(ty) else {
        return false;
    };
    matches!(t.token(rb), Token::RBracket)
        && matches!(t.token(lb), Token::LBracket)
        && matches!(t.token(colons), Token::DoubleColon)
        && ["text", "varchar"].iter().any(|w| t.is_word(ty, w))
}

/// Whether the alias is used on its own (not as `alias.column`) anywhere else.
fn bare_reference(cx: &RuleContext, alias: usize) -> bool {
    let t = cx.tokens;
    let name = t.slice(alias);
    (0..t.len()).any(|j| {
        j != alias
            && t.slice(j) == name
            && matches!(t.token(j), Token::Word(_))
            && !t
                .next_sig(j)
                .is_some_and(|n| matches!(t.token(n), Token::Period))
            && !t
                .prev_sig(j)
                .is_some_and(|p| matches!(t.token(p), Token::Period))
    })
}

/// Whether `alias.column` appears.
fn qualified_reference(cx: &RuleContext, alias: usize, column: &str) -> bool {
    let t = cx.tokens;
    let name = t.slice(alias);
    (0..t.len()).any(|j| {
        t.slice(j) == name
            && t.next_sig(j).is_some_and(|dot| {
                matches!(t.token(dot), Token::Period)
                    && t.next_sig(dot).is_some_and(|c| t.is_word(c, column))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_function_has_a_shape() {
        for name in FUNCTIONS {
            assert!(shape(name).is_some(), "{name}");
        }
    }
}
