//! PG9xx: PostgreSQL-only constructs that no rule rewrites, as data. Each row
//! of `rules/postgres_only.toml` is a rule that reports its construct without
//! an edit, so that nothing passes through to Snowflake silently.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use serde::Deserialize;
use sqlparser::ast::{Expr, Select, UnaryOperator};
use sqlparser::tokenizer::Token;

use super::{docs, Category, ExprKinds, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::source::ByteRange;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Function,
    Operator,
    Type,
    Syntax,
}

#[derive(Deserialize)]
struct Row {
    code: String,
    name: String,
    kind: Kind,
    names: Vec<String>,
    #[serde(default)]
    check: Option<String>,
    category: Category,
    summary: String,
    why: String,
    hint: String,
    example: String,
    reference: String,
}

#[derive(Deserialize)]
struct Table {
    rule: Vec<Row>,
}

/// Extra conditions on a construct, written in code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Check {
    None,
    ArrayToString,
    LeftRight,
    SubstrStart,
    DefaultFrame,
}

impl Check {
    fn parse(s: Option<&str>) -> Option<Check> {
        Some(match s {
            None => Check::None,
            Some("array_to_string") => Check::ArrayToString,
            Some("left_right") => Check::LeftRight,
            Some("substr_start") => Check::SubstrStart,
            Some("default_frame") => Check::DefaultFrame,
            Some(_) => return None,
        })
    }
}

/// What a check decided about one occurrence.
struct Verdict {
    category: Category,
    /// Said after the row's `why`, in parentheses.
    detail: Option<String>,
}

pub struct PostgresOnly {
    meta: RuleMeta,
    kind: Kind,
    check: Check,
    /// Names matched exactly (lower-case).
    exact: Vec<String>,
    /// Name prefixes (`json_` for `json_*`).
    prefixes: Vec<String>,
    /// Every exactly listed function name of the table: a prefix row does not
    /// match a name another row lists.
    listed: Arc<BTreeSet<String>>,
    why: String,
    hint: String,
}

fn table() -> Table {
    super::table(super::rule_table!("postgres_only"))
}

pub fn rules() -> Vec<Box<dyn Rule>> {
    let table = table();
    let listed: Arc<BTreeSet<String>> = Arc::new(
        table
            .rule
            .iter()
            .filter(|r| r.kind == Kind::Function)
            .flat_map(|r| r.names.iter())
            .filter(|n| !n.ends_with('*'))
            .map(|n| n.to_ascii_lowercase())
            // Names a rewrite rule converts are not the catch-all rows' to
            // report (`jsonb_typeof` is PG214's, not `jsonb_*`'s).
            .chain(
                super::lateral_flatten::FUNCTIONS
                    .iter()
                    .chain(super::json_build::FUNCTIONS)
                    .chain(super::json_agg::FUNCTIONS)
                    .chain(super::json_typeof::FUNCTIONS)
                    .chain(super::json_extract::FUNCTIONS)
                    .chain(super::json_path_query_array::FUNCTIONS)
                    .map(|n| n.to_string()),
            )
            .collect(),
    );
    let rows: Vec<PostgresOnly> = table
        .rule
        .into_iter()
        .map(|row| PostgresOnly::from_row(row, listed.clone()))
        .collect();
    let shared = Arc::new(Rows::index(rows));
    (0..shared.rows.len())
        .map(|index| {
            Box::new(RowRule {
                rows: shared.clone(),
                index,
            }) as Box<dyn Rule>
        })
        .collect()
}

/// The `<…>` names a syntax row may use: constructs found by code, not by
/// a word sequence.
const DETECTORS: &[&str] = &["<select-into>"];

/// The word-sequence rows that start with one word: each row and the words
/// after the first.
type Sequences = Vec<(usize, Vec<String>)>;

/// Every row, indexed by what it looks for, so that one walk over a file's
/// calls, operators, casts and words serves all of them: asking each of ~80
/// rows to scan the whole file was most of the rule time.
struct Rows {
    rows: Vec<PostgresOnly>,
    /// Function rows by exact (lower-case) name.
    by_function: HashMap<String, Vec<usize>>,
    /// Function rows with a name prefix (`json_*`).
    prefixed: Vec<usize>,
    by_operator: HashMap<String, Vec<usize>>,
    /// Type rows by base type name.
    by_type: HashMap<String, Vec<usize>>,
    /// Word-sequence rows by their first word: the row and the other words.
    /// A handful of first words, so a list: every word of a file is looked
    /// up, and comparing lengths first rejects most without hashing or
    /// lower-casing it.
    by_first_word: Vec<(String, Sequences)>,
    /// Syntax rows with a detector written in code (`<select-into>`).
    detectors: Vec<usize>,
}

impl Rows {
    fn index(rows: Vec<PostgresOnly>) -> Rows {
        let mut by_function: HashMap<String, Vec<usize>> = HashMap::new();
        let mut prefixed = Vec::new();
        let mut by_operator: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_type: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_first_word: Vec<(String, Sequences)> = Vec::new();
        let mut detectors = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            match row.kind {
                Kind::Function => {
                    for name in &row.exact {
                        by_function.entry(name.clone()).or_default().push(i);
                    }
                    if !row.prefixes.is_empty() {
                        prefixed.push(i);
                    }
                }
                Kind::Operator => {
                    for op in &row.exact {
                        by_operator.entry(op.clone()).or_default().push(i);
                    }
                }
                Kind::Type => {
                    for name in &row.exact {
                        by_type.entry(name.clone()).or_default().push(i);
                    }
                }
                Kind::Syntax => {
                    for seq in &row.exact {
                        if seq.starts_with('<') {
                            continue;
                        }
                        let mut words = seq.split_whitespace().map(str::to_string);
                        let Some(first) = words.next() else { continue };
                        let at = match by_first_word.iter().position(|(w, _)| *w == first) {
                            Some(at) => at,
                            None => {
                                by_first_word.push((first, vec![]));
                                by_first_word.len() - 1
                            }
                        };
                        by_first_word[at].1.push((i, words.collect()));
                    }
                    if row.exact.iter().any(|n| DETECTORS.contains(&n.as_str())) {
                        detectors.push(i);
                    }
                }
            }
        }
        Rows {
            rows,
            by_function,
            prefixed,
            by_operator,
            by_type,
            by_first_word,
            detectors,
        }
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        if !self.by_type.is_empty() {
            self.check_type(expr, cx, out);
        }
        // Prefix `~` is bitwise NOT; infix `~` is the regex rule's.
        if let Expr::UnaryOp {
            op: UnaryOperator::BitwiseNot,
            ..
        } = expr
        {
            for &r in self.by_operator.get("~").into_iter().flatten() {
                if let Some((first, _)) = cx.tokens.expr_tokens(expr) {
                    let range = cx.tokens.ranges[first].clone();
                    let row = &self.rows[r];
                    out.push(row.report(range, "~", row.plain()));
                }
            }
        }
    }

    fn check_type(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        let Some(cast) = cx.tokens.cast(expr) else {
            return;
        };
        let (parts, written) = (cast.parts, &*cast.type_text);
        if written.ends_with(']') {
            // Array types belong to the array-type rule.
            return;
        }
        let base = written.split('(').next().unwrap_or("").trim_end();
        let Some(rows) = self.by_type.get(base) else {
            return;
        };
        let range =
            cx.tokens.ranges[parts.type_name.0].start..cx.tokens.ranges[parts.type_name.1].end;
        for &r in rows {
            let row = &self.rows[r];
            out.push(row.report(range.clone(), written, row.plain()));
        }
    }

    fn check_select(&self, select: &Select, cx: &RuleContext, out: &mut Vec<Finding>) {
        for &r in &self.detectors {
            self.rows[r].check_select_into(select, cx, out);
        }
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        self.check_functions(cx, out);
        self.check_operators(cx, out);
        self.check_word_sequences(cx, out);
    }

    fn check_functions(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        let t = cx.tokens;
        // Schema-qualified names are user functions (or dbt macros): `calls`
        // leaves them out.
        for (i, name) in t.calls() {
            let exact = self.by_function.get(name).map(Vec::as_slice).unwrap_or(&[]);
            let prefixed = self
                .prefixed
                .iter()
                .copied()
                .filter(|&r| !exact.contains(&r) && self.rows[r].matches_name(name));
            let mut matched = exact.iter().copied().chain(prefixed).peekable();
            if matched.peek().is_none() {
                continue;
            }
            let Some(open) = t.next_sig(i) else { continue };
            let Some(close) = t.matching_paren(open) else {
                continue;
            };
            let args = cx.tokens.arguments(open, close);
            for r in matched {
                let row = &self.rows[r];
                let Some(verdict) = row.check_call(cx, &args, close) else {
                    continue;
                };
                let range = t.ranges[i].start..t.ranges[close].end;
                out.push(row.report(range, t.slice(i), verdict));
            }
        }
    }

    fn check_operators(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        if self.by_operator.is_empty() {
            return;
        }
        let t = cx.tokens;
        for (i, token) in t.list.iter().enumerate() {
            let op = match &token.token {
                Token::AtArrow => "@>",
                Token::ArrowAt => "<@",
                Token::Overlap => "&&",
                Token::Question => "?",
                Token::QuestionPipe => "?|",
                Token::QuestionAnd => "?&",
                Token::HashMinus => "#-",
                Token::Caret => "^",
                Token::PGSquareRoot => "|/",
                Token::PGCubeRoot => "||/",
                Token::AtSign => "@",
                Token::Ampersand => "&",
                Token::Pipe => "|",
                Token::Sharp => "#",
                Token::ShiftLeft => "<<",
                Token::ShiftRight => ">>",
                Token::AtAt => "@@",
                _ => continue,
            };
            let Some(rows) = self.by_operator.get(op) else {
                continue;
            };
            let range = t.ranges[i].clone();
            if cx.touches_jinja(&range) {
                continue;
            }
            for &r in rows {
                let row = &self.rows[r];
                out.push(row.report(range.clone(), op, row.plain()));
            }
        }
    }

    fn check_word_sequences(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        let t = cx.tokens;
        for (i, token) in t.list.iter().enumerate() {
            let Token::Word(w) = &token.token else {
                continue;
            };
            if w.quote_style.is_some() {
                continue;
            }
            let Some((_, sequences)) = self
                .by_first_word
                .iter()
                .find(|(first, _)| first.eq_ignore_ascii_case(&w.value))
            else {
                continue;
            };
            for (r, rest) in sequences {
                let mut last = i;
                let mut ok = true;
                for word in rest {
                    match t.next_sig(last) {
                        Some(n) if t.is_word(n, word) => last = n,
                        _ => {
                            ok = false;
                            break;
                        }
                    }
                }
                if !ok {
                    continue;
                }
                let row = &self.rows[*r];
                let range = t.ranges[i].start..t.ranges[last].end;
                let written = cx.src(range.clone()).to_string();
                out.push(row.report(range, &written, row.plain()));
            }
        }
    }
}

/// One row as a rule: its own code and docs; the first row runs the shared
/// checks for every row.
struct RowRule {
    rows: Arc<Rows>,
    index: usize,
}

impl Rule for RowRule {
    fn meta(&self) -> &RuleMeta {
        &self.rows.rows[self.index].meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::EXPR | Hooks::SELECT | Hooks::TOKENS
    }

    fn expr_kinds(&self) -> ExprKinds {
        ExprKinds::CAST | ExprKinds::UNARY_OP
    }

    fn check_expr(&self, expr: &Expr, cx: &RuleContext, out: &mut Vec<Finding>) {
        if self.index == 0 {
            self.rows.check_expr(expr, cx, out);
        }
    }

    fn check_select(&self, select: &Select, cx: &RuleContext, out: &mut Vec<Finding>) {
        if self.index == 0 {
            self.rows.check_select(select, cx, out);
        }
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        if self.index == 0 {
            self.rows.check_tokens(cx, out);
        }
    }

    fn runs(&self) -> bool {
        self.index == 0
    }
}

impl PostgresOnly {
    fn from_row(row: Row, listed: Arc<BTreeSet<String>>) -> Self {
        let check = Check::parse(row.check.as_deref()).unwrap_or(Check::None);
        let (prefixes, exact): (Vec<String>, Vec<String>) = row
            .names
            .iter()
            .map(|n| n.to_ascii_lowercase())
            .partition(|n| n.ends_with('*'));
        let prefixes = prefixes
            .into_iter()
            .map(|p| p.trim_end_matches('*').to_string())
            .collect();
        let shown: Vec<String> = row
            .names
            .iter()
            .filter(|n| !n.starts_with('<'))
            .map(|n| format!("`{n}`"))
            .collect();
        let what_kind = match row.kind {
            Kind::Function => "calls of the function(s)",
            Kind::Operator => "the operator(s)",
            Kind::Type => "casts to the type(s)",
            Kind::Syntax => "the syntax",
        };
        let what = if shown.is_empty() {
            format!(
                "Reports {what_kind}: {}. Nothing is rewritten.",
                row.summary
            )
        } else {
            format!(
                "Reports {what_kind} {}: {}. Nothing is rewritten.",
                shown.join(", "),
                row.summary
            )
        };
        let why = format!("{}.", row.why);
        let safety = format!(
            "No fix: reported as {}{}. Hint: {}.",
            row.category.as_str(),
            if row.category == Category::Review {
                " (the construct exists in Snowflake but its result can differ in the case named above)"
            } else {
                " (Snowflake lacks the construct, or it needs a rewrite pg2sf does not do yet)"
            },
            row.hint
        );
        PostgresOnly {
            meta: RuleMeta {
                docs: docs(&what, &why, &row.example, &safety, &row.reference),
                code: row.code,
                name: row.name,
                summary: row.summary,
                category: row.category,
            },
            kind: row.kind,
            check,
            exact,
            prefixes,
            listed,
            why: row.why,
            hint: row.hint,
        }
    }

    fn matches_name(&self, name: &str) -> bool {
        // The prefix test first: it rejects nearly every name, where the
        // set's look-up compares strings at every level.
        self.exact.iter().any(|n| n == name)
            || (self
                .prefixes
                .iter()
                .any(|p| name.len() > p.len() && name.starts_with(p.as_str()))
                && !self.listed.contains(name))
    }

    fn report(&self, range: ByteRange, written: &str, verdict: Verdict) -> Finding {
        let why = match &verdict.detail {
            Some(d) => format!("{} ({d})", self.why),
            None => self.why.clone(),
        };
        let message = format!(
            "`{written}` has no Snowflake equivalent applied: {why}. Hint: {}",
            self.hint
        );
        Finding::new(&self.meta, range, message).with_category(verdict.category)
    }

    fn plain(&self) -> Verdict {
        Verdict {
            category: self.meta.category,
            detail: None,
        }
    }

    // ------------------------------------------------------------ functions

    /// Whether a call is reported, and how.
    fn check_call(&self, cx: &RuleContext, args: &[Vec<usize>], close: usize) -> Option<Verdict> {
        let t = cx.tokens;
        let plain = self.plain();
        let with = |category: Category, detail: &str| Verdict {
            category,
            detail: Some(detail.to_string()),
        };
        match self.check {
            Check::None => Some(plain),
            Check::ArrayToString => match args.len() {
                0..=2 => Some(plain),
                _ => Some(with(
                    Category::Unconvertible,
                    "the null_string argument does not exist in Snowflake",
                )),
            },
            Check::LeftRight => {
                let n = args.get(1)?;
                match int_literal(cx, n) {
                    Some(v) if v >= 0 => None,
                    Some(_) => Some(with(Category::Unconvertible, "the length is negative here")),
                    None => Some(plain),
                }
            }
            Check::SubstrStart => {
                if top_level_word(cx, args, &["from", "for", "similar"]) {
                    return None;
                }
                let start = args.get(1)?;
                let start_ok = int_literal(cx, start).is_some_and(|v| v >= 1);
                let len_ok = match args.get(2) {
                    None => true,
                    Some(len) => int_literal(cx, len).is_some_and(|v| v >= 0),
                };
                (!(start_ok && len_ok)).then_some(plain)
            }
            Check::DefaultFrame => {
                let mut n = t.next_sig(close)?;
                if t.is_word(n, "ignore") || t.is_word(n, "respect") {
                    n = t.next_sig(t.next_sig(n)?)?;
                }
                if !t.is_word(n, "over") {
                    return None;
                }
                let open = t.next_sig(n)?;
                if !matches!(t.token(open), Token::LParen) {
                    // A named window: its clauses are not visible here.
                    return Some(with(
                        self.meta.category,
                        "check the frame of the named window",
                    ));
                }
                let end = t.matching_paren(open)?;
                let mut depth = 0i32;
                let (mut ordered, mut framed) = (false, false);
                for j in open..=end {
                    match t.token(j) {
                        Token::LParen => depth += 1,
                        Token::RParen => depth -= 1,
                        _ if depth == 1 => {
                            ordered |= t.is_word(j, "order");
                            framed |= t.is_word(j, "rows")
                                || t.is_word(j, "range")
                                || t.is_word(j, "groups");
                        }
                        _ => {}
                    }
                }
                (ordered && !framed).then_some(plain)
            }
        }
    }

    // ------------------------------------------------------------ syntax

    fn has(&self, detector: &str) -> bool {
        self.exact.iter().any(|n| n == detector)
    }

    fn check_select_into(&self, select: &Select, cx: &RuleContext, out: &mut Vec<Finding>) {
        if !self.has("<select-into>") || select.into.is_none() {
            return;
        }
        let t = cx.tokens;
        let Some(start) = t.span_range(select.select_token.0.span).map(|r| r.start) else {
            return;
        };
        let Some(first) = t.at(start) else { return };
        let mut depth = 0i32;
        for j in first..t.len() {
            match t.token(j) {
                Token::LParen => depth += 1,
                Token::RParen => depth -= 1,
                _ if depth == 0 && t.is_word(j, "into") => {
                    let range = t.ranges[first].start..t.ranges[j].end;
                    out.push(self.report(range, "select … into", self.plain()));
                    return;
                }
                _ => {}
            }
            if depth < 0 {
                return;
            }
        }
    }
}

// ---------------------------------------------------------------- helpers

/// Whether a top-level word of the arguments is one of `words`.
fn top_level_word(cx: &RuleContext, args: &[Vec<usize>], words: &[&str]) -> bool {
    let t = cx.tokens;
    args.iter().any(|arg| {
        let mut depth = 0i32;
        arg.iter().any(|&j| {
            match t.token(j) {
                Token::LParen | Token::LBracket => depth += 1,
                Token::RParen | Token::RBracket => depth -= 1,
                _ => {}
            }
            depth == 0 && words.iter().any(|w| t.is_word(j, w))
        })
    })
}

/// An argument that is an integer literal, possibly signed.
fn int_literal(cx: &RuleContext, arg: &[usize]) -> Option<i64> {
    let t = cx.tokens;
    match arg {
        [n] => match t.token(*n) {
            Token::Number(s, _) => s.parse().ok(),
            _ => None,
        },
        [sign, n] => {
            let v: i64 = match t.token(*n) {
                Token::Number(s, _) => s.parse().ok()?,
                _ => return None,
            };
            match t.token(*sign) {
                Token::Minus => Some(-v),
                Token::Plus => Some(v),
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_are_valid() {
        let table = table();
        let mut codes = BTreeSet::new();
        for row in &table.rule {
            assert!(codes.insert(row.code.clone()), "duplicate {}", row.code);
            assert!(row.code.starts_with("PG9"), "{}", row.code);
            assert!(
                Check::parse(row.check.as_deref()).is_some(),
                "{}: unknown check",
                row.code
            );
            assert!(
                matches!(row.category, Category::Review | Category::Unconvertible),
                "{}",
                row.code
            );
            assert!(
                !row.names.is_empty() && !row.why.ends_with('.'),
                "{}",
                row.code
            );
            assert!(row.reference.contains("docs.snowflake.com"), "{}", row.code);
            // A detector the code does not know would match nothing, silently.
            let syntax = row.kind == Kind::Syntax;
            for name in row.names.iter().filter(|n| syntax && n.starts_with('<')) {
                assert!(DETECTORS.contains(&name.as_str()), "{}: {name}", row.code);
            }
        }
    }

    #[test]
    fn every_row_has_a_fixture() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules");
        for row in table().rule {
            assert!(
                root.join(&row.code).is_dir(),
                "no fixtures for {}",
                row.code
            );
        }
    }

    #[test]
    fn portable_sql_yields_no_pg9_finding() {
        let sql = include_str!("../../fixtures/rules/PG901/pass_portable.sql");
        let conversion = crate::convert::convert_text(sql);
        let pg9: Vec<_> = conversion
            .diagnostics
            .iter()
            .filter(|d| d.code.starts_with("PG9"))
            .collect();
        assert!(pg9.is_empty(), "{pg9:?}");
    }
}
