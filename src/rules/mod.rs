//! The rule registry and what every rule sees.
//!
//! A rule looks at the AST to decide *what* a construct is and at the tokens to
//! decide exactly *where* it is, and emits [`Finding`]s, each with the edits
//! that convert it (if any). Structural rules are code, one file each; simple
//! mappings are rows of `rules/*.toml`, embedded at build time.

use std::ops::ControlFlow;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use sqlparser::ast::{Expr, Query, Select, Statement, Visit, Visitor};

use crate::edits::Edit;
use crate::jinja::JinjaRegion;
use crate::parse::Tokens;
use crate::source::ByteRange;

mod any_all_array;
mod array_agg_order_by;
mod array_constructor;
mod array_length;
mod array_modify;
mod array_subscript;
mod array_type;
mod at_time_zone;
mod backslash_literal;
mod boolean_test;
mod cast_types;
mod char_length;
mod concat_nulls;
mod count_distinct_row;
mod date_format;
mod date_part;
mod date_trunc;
mod dbt_dispatch;
mod dbt_hooks;
mod dbt_indexes;
mod dbt_target_type;
mod dbt_unlogged;
mod dbt_yaml;
mod distinct_on;
mod dollar_tag;
mod escape_string;
mod filter_clause;
mod function_renames;
mod generate_series;
mod integer_division;
mod interval_literal;
mod json_agg;
mod json_build;
mod json_cast;
mod json_extract;
mod json_key_exists;
mod json_operators;
mod json_path_query_array;
mod json_typeof;
mod lateral_flatten;
mod like_escape;
mod limit_all;
mod make_date;
mod math_functions;
mod mode_within_group;
mod non_ascii_identifier;
mod numeric_scale;
mod offset_before_limit;
mod offset_without_limit;
mod operand_types;
mod postgis;
mod postgres_only;
mod quoted_identifier;
mod ranking_order;
mod regex_match;
mod regexp_replace;
mod reserved_identifier;
mod string_agg;
mod string_to_array;
mod strpos;
mod substring_from;
mod to_json;
mod trim_from;
mod unicode_string;

/// What a finding means for the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Rewritten; the rewrite keeps the meaning.
    Fix,
    /// Rewritten, but the result can differ in the edge case the message names.
    Review,
    /// Not rewritten: no Snowflake equivalent was applied; the message says why.
    Unconvertible,
    /// The file could not be read, scanned or parsed.
    Error,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Fix => "fix",
            Category::Review => "review",
            Category::Unconvertible => "unconvertible",
            Category::Error => "error",
        }
    }
}

/// A rule's identity and documentation.
#[derive(Debug, Clone, Serialize)]
pub struct RuleMeta {
    pub code: String,
    pub name: String,
    pub summary: String,
    pub category: Category,
    /// What it does / Why / Example / Fix safety / Reference.
    pub docs: String,
}

/// One thing a rule found, with its fix.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub code: String,
    pub category: Category,
    pub message: String,
    pub range: ByteRange,
    /// Edits applied together; empty when nothing is rewritten.
    pub edits: Vec<Edit>,
}

impl Finding {
    pub fn new(meta: &RuleMeta, range: ByteRange, message: impl Into<String>) -> Self {
        Finding {
            code: meta.code.clone(),
            category: meta.category,
            message: message.into(),
            range,
            edits: vec![],
        }
    }

    pub fn with_category(mut self, category: Category) -> Self {
        self.category = category;
        self
    }

    pub fn with_edits(mut self, edits: Vec<Edit>) -> Self {
        self.edits = edits;
        self
    }
}

/// Keyword case of a model, so that new text matches the text around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Lower,
    Upper,
}

impl Style {
    /// Detects the case most keywords are written in (lower when tied).
    pub fn detect(tokens: &Tokens) -> Style {
        use sqlparser::keywords::Keyword;
        use sqlparser::tokenizer::Token;
        let (mut lower, mut upper) = (0, 0);
        for t in &tokens.list {
            if let Token::Word(w) = &t.token {
                if w.quote_style.is_none() && w.keyword != Keyword::NoKeyword {
                    if w.value.bytes().all(|b| !b.is_ascii_lowercase()) {
                        upper += 1;
                    } else if w.value.bytes().all(|b| !b.is_ascii_uppercase()) {
                        lower += 1;
                    }
                }
            }
        }
        if upper > lower {
            Style::Upper
        } else {
            Style::Lower
        }
    }

    /// SQL keywords and function names in the model's case.
    pub fn kw(self, s: &str) -> String {
        match self {
            Style::Lower => s.to_ascii_lowercase(),
            Style::Upper => s.to_ascii_uppercase(),
        }
    }
}

/// How quoted identifiers are carried over to Snowflake, which resolves an
/// unquoted name in upper case where PostgreSQL uses lower case.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IdentifierCase {
    /// `"user_id"` → `user_id`, `"rows"` → `"ROWS"`; mixed-case names kept
    /// and flagged.
    #[default]
    Fold,
    /// Every quoted name becomes quoted upper case.
    Upper,
    /// Quoted names are left as written.
    Preserve,
}

impl std::str::FromStr for IdentifierCase {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "fold" => Ok(IdentifierCase::Fold),
            "upper" => Ok(IdentifierCase::Upper),
            "preserve" => Ok(IdentifierCase::Preserve),
            _ => Err(format!(
                "unknown identifier case `{s}`; expected fold, upper or preserve"
            )),
        }
    }
}

/// Choices of the user that change what the rules rewrite.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Settings {
    pub identifier_case: IdentifierCase,
}

/// What a rule sees of one parsed variant of a fragment.
pub struct RuleContext<'a> {
    /// The masked text; equal to the file outside Jinja.
    pub text: &'a str,
    /// The file as written, Jinja included (for rules about dbt configs).
    pub original: &'a str,
    pub tokens: &'a Tokens<'a>,
    pub statements: &'a [Statement],
    pub jinja: &'a [JinjaRegion],
    pub style: Style,
    pub settings: Settings,
}

impl RuleContext<'_> {
    pub fn kw(&self, s: &str) -> String {
        self.style.kw(s)
    }

    /// `s` in the case of the text it replaces (`INT2` → `SMALLINT`), or in
    /// the model's case when that text is mixed.
    pub fn kw_like(&self, replaced: &ByteRange, s: &str) -> String {
        let old = &self.text[replaced.clone()];
        let has_upper = old.bytes().any(|b| b.is_ascii_uppercase());
        let has_lower = old.bytes().any(|b| b.is_ascii_lowercase());
        match (has_upper, has_lower) {
            (true, false) => s.to_ascii_uppercase(),
            (false, true) => s.to_ascii_lowercase(),
            _ => self.kw(s),
        }
    }

    pub fn src(&self, range: ByteRange) -> &str {
        &self.text[range]
    }

    /// Edits that turn the cast `x::t` into the call `f(x)`; `(x)::t` becomes
    /// `f(x)`, reusing the operand's parentheses.
    pub fn cast_as_call(
        &self,
        operand: &Expr,
        operand_range: &ByteRange,
        colons: usize,
        type_end: usize,
        function: &str,
    ) -> Vec<Edit> {
        let cast = self.tokens.ranges[colons].start..type_end;
        if matches!(operand, Expr::Nested(_)) && self.src(operand_range.clone()).starts_with('(') {
            let open = operand_range.start..operand_range.start + 1;
            return vec![
                Edit::replace(open, self.kw(function) + "("),
                Edit::delete(cast),
            ];
        }
        vec![
            Edit::insert(operand_range.start, self.kw(function) + "("),
            Edit::replace(cast, ")"),
        ]
    }

    /// Whether a range shares a byte with a Jinja region.
    pub fn touches_jinja(&self, range: &ByteRange) -> bool {
        crate::jinja::first_overlap(self.jinja, range, false).is_some()
    }
}

/// The hooks of [`Rule`] that a rule implements, so that [`run`] calls each
/// hook only on the rules that have a body for it: most rules implement one
/// or two of the four, and an empty default body still costs a dynamic call
/// per expression. Rust cannot tell an override from a default, hence the
/// declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hooks(u8);

impl Hooks {
    pub const NONE: Hooks = Hooks(0);
    pub const EXPR: Hooks = Hooks(1);
    pub const SELECT: Hooks = Hooks(1 << 1);
    pub const QUERY: Hooks = Hooks(1 << 2);
    pub const TOKENS: Hooks = Hooks(1 << 3);
    pub const ALL: Hooks = Hooks(0b1111);

    pub const fn contains(self, other: Hooks) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for Hooks {
    type Output = Hooks;

    fn bitor(self, other: Hooks) -> Hooks {
        Hooks(self.0 | other.0)
    }
}

/// Kinds of expression, for [`Rule::expr_kinds`]: the variants of [`Expr`]
/// that some rule's `check_expr` looks at, each on its own or in a group the
/// rules look at together, and every other variant as [`ExprKinds::OTHER`].
/// The walk calls a rule's `check_expr` only on the kinds it declares: most
/// look at calls or casts alone, and the nodes they return from at once
/// (names, literals, comparisons) are most of the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExprKinds(u16);

impl ExprKinds {
    /// Every variant not named below.
    pub const OTHER: ExprKinds = ExprKinds(1);
    pub const FUNCTION: ExprKinds = ExprKinds(1 << 1);
    pub const CAST: ExprKinds = ExprKinds(1 << 2);
    pub const BINARY_OP: ExprKinds = ExprKinds(1 << 3);
    pub const UNARY_OP: ExprKinds = ExprKinds(1 << 4);
    /// `AnyOp` and `AllOp`.
    pub const QUANTIFIED: ExprKinds = ExprKinds(1 << 5);
    /// `Identifier` and `CompoundIdentifier`.
    pub const IDENTIFIER: ExprKinds = ExprKinds(1 << 6);
    pub const COMPOUND_FIELD_ACCESS: ExprKinds = ExprKinds(1 << 7);
    pub const AT_TIME_ZONE: ExprKinds = ExprKinds(1 << 8);
    /// `IsTrue`, `IsNotTrue`, `IsFalse`, `IsNotFalse`, `IsUnknown` and
    /// `IsNotUnknown`.
    pub const BOOLEAN_TEST: ExprKinds = ExprKinds(1 << 9);
    /// `Like` and `ILike`.
    pub const LIKE: ExprKinds = ExprKinds(1 << 10);
    pub const SUBSTRING: ExprKinds = ExprKinds(1 << 11);
    pub const TRIM: ExprKinds = ExprKinds(1 << 12);
    pub const INTERVAL: ExprKinds = ExprKinds(1 << 13);
    /// How many kinds there are.
    const COUNT: usize = 14;
    pub const ALL: ExprKinds = ExprKinds((1 << Self::COUNT) - 1);

    /// The index of the kind of `expr` (its bit's position).
    fn index(expr: &Expr) -> usize {
        match expr {
            Expr::Function(_) => 1,
            Expr::Cast { .. } => 2,
            Expr::BinaryOp { .. } => 3,
            Expr::UnaryOp { .. } => 4,
            Expr::AnyOp { .. } | Expr::AllOp { .. } => 5,
            Expr::Identifier(_) | Expr::CompoundIdentifier(_) => 6,
            Expr::CompoundFieldAccess { .. } => 7,
            Expr::AtTimeZone { .. } => 8,
            Expr::IsTrue(_)
            | Expr::IsNotTrue(_)
            | Expr::IsFalse(_)
            | Expr::IsNotFalse(_)
            | Expr::IsUnknown(_)
            | Expr::IsNotUnknown(_) => 9,
            Expr::Like { .. } | Expr::ILike { .. } => 10,
            Expr::Substring { .. } => 11,
            Expr::Trim { .. } => 12,
            Expr::Interval(_) => 13,
            _ => 0,
        }
    }

    const fn has(self, index: usize) -> bool {
        self.0 & (1 << index) != 0
    }
}

impl std::ops::BitOr for ExprKinds {
    type Output = ExprKinds;

    fn bitor(self, other: ExprKinds) -> ExprKinds {
        ExprKinds(self.0 | other.0)
    }
}

/// A check over the model. Rules receive every expression and every SELECT in
/// one walk of the AST, then the token stream once.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &RuleMeta;

    fn check_expr(&self, _expr: &Expr, _cx: &RuleContext, _out: &mut Vec<Finding>) {}

    fn check_select(&self, _select: &Select, _cx: &RuleContext, _out: &mut Vec<Finding>) {}

    fn check_query(&self, _query: &Query, _cx: &RuleContext, _out: &mut Vec<Finding>) {}

    fn check_tokens(&self, _cx: &RuleContext, _out: &mut Vec<Finding>) {}

    /// The hooks above that this rule implements: [`run`] calls no other.
    /// Every hook unless the rule says less, so that a rule that forgets to
    /// declare costs time, never findings; a declaration that leaves out an
    /// implemented hook fails the `narrowed_dispatch_finds_the_same` test.
    fn hooks(&self) -> Hooks {
        Hooks::ALL
    }

    /// The kinds of expression `check_expr` looks at: the walk calls it on
    /// no other. Every kind unless the rule says less; a rule declares fewer
    /// only when its `check_expr` returns at once on any other variant.
    fn expr_kinds(&self) -> ExprKinds {
        ExprKinds::ALL
    }

    /// Whether [`run`] calls this rule's checks: false for a rule whose
    /// findings another rule makes on its behalf (the PG9xx rows, all
    /// checked by the first), which would otherwise be called for nothing
    /// on every expression.
    fn runs(&self) -> bool {
        true
    }
}

/// The JSON that build.rs made of the rule table `rules/<name>.toml`.
macro_rules! rule_table {
    ($name:literal) => {
        (
            concat!("rules/", $name, ".toml"),
            include_str!(concat!(env!("OUT_DIR"), "/", $name, ".json")),
        )
    };
}
pub(crate) use rule_table;

/// A rule table (see build.rs), from [`rule_table!`]. The tables are part of
/// the binary, checked by the tests: a bad one is pg2sf's bug, not the
/// user's.
pub(crate) fn table<T: serde::de::DeserializeOwned>((source, json): (&str, &str)) -> T {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{source} does not fit its rules: {e}"))
}

/// Every rule, in a fixed order.
pub fn registry() -> &'static [Box<dyn Rule>] {
    static RULES: OnceLock<Vec<Box<dyn Rule>>> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut rules: Vec<Box<dyn Rule>> = Vec::new();
        rules.extend(cast_types::rules());
        rules.push(Box::new(numeric_scale::NumericScale::new()));
        rules.push(Box::new(array_type::ArrayType::new()));
        rules.push(Box::new(json_cast::JsonCast::new()));
        rules.extend(json_operators::rules());
        rules.push(Box::new(regex_match::RegexMatch::new()));
        rules.push(Box::new(regexp_replace::RegexpReplace::new()));
        rules.push(Box::new(distinct_on::DistinctOn::new()));
        rules.push(Box::new(string_agg::StringAgg::new()));
        rules.push(Box::new(array_agg_order_by::ArrayAggOrderBy::new()));
        rules.push(Box::new(filter_clause::FilterClause::new()));
        rules.push(Box::new(ranking_order::RankingOrder::new()));
        rules.push(Box::new(mode_within_group::ModeWithinGroup::new()));
        rules.push(Box::new(limit_all::LimitAll::new()));
        rules.extend(function_renames::rules());
        rules.push(Box::new(backslash_literal::BackslashLiteral::new()));
        rules.push(Box::new(quoted_identifier::QuotedIdentifier::new()));
        rules.push(Box::new(reserved_identifier::ReservedIdentifier::new()));
        rules.push(Box::new(non_ascii_identifier::NonAsciiIdentifier::new()));
        rules.push(Box::new(escape_string::EscapeString::new()));
        rules.push(Box::new(dollar_tag::DollarTag::new()));
        rules.push(Box::new(unicode_string::UnicodeString::new()));
        rules.push(Box::new(like_escape::LikeEscape::new()));
        rules.push(Box::new(dbt_indexes::DbtIndexes::new()));
        rules.push(Box::new(dbt_unlogged::DbtUnlogged::new()));
        rules.push(Box::new(dbt_hooks::DbtHooks::new()));
        rules.push(Box::new(dbt_dispatch::DbtDispatch::new()));
        rules.push(Box::new(dbt_target_type::DbtTargetType::new()));
        rules.extend(dbt_yaml::rules());
        rules.extend(lateral_flatten::rules());
        rules.push(Box::new(string_to_array::StringToArray::new()));
        rules.push(Box::new(substring_from::SubstringFrom::new()));
        rules.push(Box::new(trim_from::TrimFrom::new()));
        rules.push(Box::new(boolean_test::BooleanTest::new()));
        rules.push(Box::new(any_all_array::AnyAllArray::new()));
        rules.push(Box::new(array_constructor::ArrayConstructor::new()));
        rules.push(Box::new(array_subscript::ArraySubscript::new()));
        rules.push(Box::new(integer_division::IntegerDivision::new()));
        rules.extend(math_functions::rules());
        rules.push(Box::new(date_format::DateFormat::new()));
        rules.push(Box::new(make_date::MakeDate::new()));
        rules.push(Box::new(date_part::DatePart::new()));
        rules.push(Box::new(date_trunc::DateTrunc::new()));
        rules.push(Box::new(at_time_zone::AtTimeZone::new()));
        rules.push(Box::new(interval_literal::IntervalLiteral::new()));
        rules.push(Box::new(json_build::JsonBuild::new()));
        rules.push(Box::new(json_agg::JsonAgg::new()));
        rules.push(Box::new(to_json::ToJson::new()));
        rules.push(Box::new(json_typeof::JsonTypeof::new()));
        rules.push(Box::new(json_extract::JsonExtract::new()));
        rules.push(Box::new(json_key_exists::JsonKeyExists::new()));
        rules.push(Box::new(array_length::ArrayLength::new()));
        rules.push(Box::new(array_modify::ArrayModify::new()));
        rules.push(Box::new(generate_series::GenerateSeries::new()));
        rules.extend(postgis::rules());
        rules.push(Box::new(strpos::Strpos::new()));
        rules.push(Box::new(concat_nulls::ConcatNulls::new()));
        rules.push(Box::new(char_length::CharLength::new()));
        rules.push(Box::new(offset_without_limit::OffsetWithoutLimit::new()));
        rules.push(Box::new(offset_before_limit::OffsetBeforeLimit::new()));
        rules.push(Box::new(count_distinct_row::CountDistinctRow::new()));
        rules.push(Box::new(json_path_query_array::JsonPathQueryArray::new()));
        rules.extend(postgres_only::rules());
        rules
    })
}

/// Looks a rule up by code.
pub fn find(code: &str) -> Option<&'static dyn Rule> {
    registry()
        .iter()
        .find(|r| r.meta().code.eq_ignore_ascii_case(code))
        .map(|r| r.as_ref())
}

/// The rules [`run`] calls, one list per hook, each in registry order (the
/// order of a node's findings, which the sort in `convert::analyze` keeps
/// for findings at the same place with the same code).
struct Dispatch {
    /// Indexed by [`ExprKinds::index`].
    expr: [Vec<&'static dyn Rule>; ExprKinds::COUNT],
    select: Vec<&'static dyn Rule>,
    query: Vec<&'static dyn Rule>,
    tokens: Vec<&'static dyn Rule>,
}

impl Dispatch {
    /// The lists of the given rules, each rule in the lists of the hooks
    /// and expression kinds `declared` gives it.
    fn new(
        rules: &[&'static dyn Rule],
        declared: impl Fn(&dyn Rule) -> (Hooks, ExprKinds),
    ) -> Dispatch {
        // The rules with the hook, and for check_expr with the kind.
        let with = |hook: Hooks, kind: Option<usize>| {
            rules
                .iter()
                .copied()
                .filter(|&r| {
                    let (hooks, kinds) = declared(r);
                    hooks.contains(hook) && kind.is_none_or(|k| kinds.has(k))
                })
                .collect()
        };
        Dispatch {
            expr: std::array::from_fn(|kind| with(Hooks::EXPR, Some(kind))),
            select: with(Hooks::SELECT, None),
            query: with(Hooks::QUERY, None),
            tokens: with(Hooks::TOKENS, None),
        }
    }

    /// The running rules, each called only for the hooks it declares.
    fn narrowed() -> &'static Dispatch {
        static NARROWED: OnceLock<Dispatch> = OnceLock::new();
        NARROWED.get_or_init(|| {
            let running: Vec<&'static dyn Rule> = registry()
                .iter()
                .map(|r| r.as_ref())
                .filter(|r| r.runs())
                .collect();
            Dispatch::new(&running, |r| (r.hooks(), r.expr_kinds()))
        })
    }

    /// Every rule of the registry, running or not, called for every hook
    /// and every expression:
    /// what the declarations must not change.
    #[cfg(test)]
    fn full() -> &'static Dispatch {
        static FULL: OnceLock<Dispatch> = OnceLock::new();
        FULL.get_or_init(|| {
            let all: Vec<&'static dyn Rule> = registry().iter().map(|r| r.as_ref()).collect();
            Dispatch::new(&all, |_| (Hooks::ALL, ExprKinds::ALL))
        })
    }
}

/// Runs every rule over one parsed variant.
pub fn run(cx: &RuleContext) -> Vec<Finding> {
    let out = run_with(cx, Dispatch::narrowed());
    #[cfg(test)]
    guard::compare(cx, &out);
    out
}

fn run_with(cx: &RuleContext, dispatch: &Dispatch) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut walker = Walker {
        dispatch,
        cx,
        out: &mut out,
    };
    for statement in cx.statements {
        let _ = statement.visit(&mut walker);
    }
    for rule in &dispatch.tokens {
        rule.check_tokens(cx, &mut out);
    }
    out
}

struct Walker<'r, 'c, 'o> {
    dispatch: &'r Dispatch,
    cx: &'c RuleContext<'c>,
    out: &'o mut Vec<Finding>,
}

impl Visitor for Walker<'_, '_, '_> {
    type Break = ();

    fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<()> {
        for rule in &self.dispatch.expr[ExprKinds::index(expr)] {
            rule.check_expr(expr, self.cx, self.out);
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_query(&mut self, query: &Query) -> ControlFlow<()> {
        for rule in &self.dispatch.query {
            rule.check_query(query, self.cx, self.out);
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_select(&mut self, select: &Select) -> ControlFlow<()> {
        for rule in &self.dispatch.select {
            rule.check_select(select, self.cx, self.out);
        }
        ControlFlow::Continue(())
    }
}

/// Test support: while a thread has it on, every [`run`] runs the rules again
/// with [`Dispatch::full`] and compares: a rule whose declarations leave out
/// a hook it implements, or a kind of expression its check_expr looks at,
/// loses findings the full run still makes.
#[cfg(test)]
mod guard {
    use std::cell::RefCell;

    use super::{run_with, Dispatch, Finding, RuleContext};

    /// Runs compared, and the disagreements.
    type Seen = (usize, Vec<String>);

    thread_local! {
        static SEEN: RefCell<Option<Seen>> = const { RefCell::new(None) };
    }

    pub fn start() {
        SEEN.with(|s| *s.borrow_mut() = Some((0, vec![])));
    }

    pub fn finish() -> Seen {
        SEEN.with(|s| s.borrow_mut().take().unwrap_or_default())
    }

    pub(super) fn compare(cx: &RuleContext, narrowed: &[Finding]) {
        if SEEN.with(|s| s.borrow().is_none()) {
            return;
        }
        // Not under the borrow: a rule may convert text of its own, which
        // comes back here.
        let full = run_with(cx, Dispatch::full());
        let disagreement = (full != narrowed).then(|| {
            let show = |f: &[Finding]| {
                f.iter()
                    .map(|f| format!("{} {:?} {}", f.code, f.range, f.message))
                    .collect::<Vec<_>>()
                    .join("\n  ")
            };
            format!(
                "full dispatch:\n  {}\nnarrowed:\n  {}\nin:\n{}",
                show(&full),
                show(narrowed),
                cx.text
            )
        });
        SEEN.with(|s| {
            if let Some((count, disagreements)) = s.borrow_mut().as_mut() {
                *count += 1;
                disagreements.extend(disagreement);
            }
        });
    }
}

/// Builds the docs text of a rule from its sections.
pub fn docs(what: &str, why: &str, example: &str, safety: &str, reference: &str) -> String {
    format!(
        "## What it does\n{what}\n\n## Why\n{why}\n\n## Example\n{example}\n\n## Fix safety\n{safety}\n\n## Reference\n{reference}\n"
    )
}

/// The meta of a code rule from its constant parts.
pub fn meta(code: &str, name: &str, summary: &str, category: Category, docs: String) -> RuleMeta {
    RuleMeta {
        code: code.to_string(),
        name: name.to_string(),
        summary: summary.to_string(),
        category,
        docs,
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use rayon::prelude::*;

    use super::{guard, IdentifierCase, Settings};

    /// The rules read the JSON build.rs makes of each table: it holds what
    /// the TOML says, as it is now.
    #[test]
    fn the_embedded_rule_tables_are_the_toml_ones() {
        let tables = [
            super::rule_table!("functions"),
            super::rule_table!("postgis"),
            super::rule_table!("postgres_only"),
            super::rule_table!("types"),
        ];
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for (source, json) in tables {
            let text = std::fs::read_to_string(root.join(source)).unwrap();
            let toml: toml::Value = toml::from_str(&text).unwrap();
            let embedded: serde_json::Value = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_value(&toml).unwrap(), embedded, "{source}");
            assert!(
                embedded["rule"].as_array().is_some_and(|r| !r.is_empty()),
                "{source}"
            );
        }
        // build.rs converts every `.toml` there; nothing else is a table.
        let on_disk = std::fs::read_dir(root.join("rules"))
            .unwrap()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
            .count();
        assert_eq!(
            on_disk,
            tables.len(),
            "a table in rules/ that no rule reads"
        );
    }

    /// Constructs the expression walk cannot locate (a bare `current_date`
    /// or `localtime` has no span), which only the token checks of the same
    /// rules report: no fixture has them.
    const CRAFTED: &str = "\
select current_date is true as a, localtime is not false as b from t;
select 1 from t where current_date = any(ds) and localtime > all(ts);
select substring(s from current_date) as c, substring(localtime for 2) as d from t;
select trim(both from current_date) as e, trim(leading 'x' from localtime) as f from t;
select 1 from t where x in (select generate_series(1, 3)) and y = any(generate_series(1, 2));
";

    /// Every `.sql` under a directory, in a fixed order.
    fn sql_files(root: &Path) -> Vec<PathBuf> {
        walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "sql"))
            .map(|e| e.into_path())
            .collect()
    }

    /// Converts every text under the given settings with each run of the
    /// rules compared against the full dispatch; returns the runs compared
    /// and the disagreements.
    fn compare(texts: &[(String, String)], settings: &[Settings]) -> (usize, Vec<String>) {
        texts
            .par_iter()
            .map(|(name, text)| {
                guard::start();
                for settings in settings {
                    crate::convert::convert_text_with_settings(text, settings, &|_| true);
                }
                let (runs, disagreements) = guard::finish();
                let disagreements = disagreements
                    .into_iter()
                    .map(|d| format!("{name}: {d}"))
                    .collect();
                (runs, disagreements)
            })
            .reduce(
                || (0, vec![]),
                |(a, mut x), (b, y)| {
                    x.extend(y);
                    (a + b, x)
                },
            )
    }

    /// The files' names and texts (lossily decoded: the corpora hold a few
    /// files that are not UTF-8).
    fn read(files: &[PathBuf]) -> Vec<(String, String)> {
        files
            .iter()
            .filter_map(|path| {
                let bytes = std::fs::read(path).ok()?;
                let text = String::from_utf8_lossy(&bytes).into_owned();
                Some((path.display().to_string(), text))
            })
            .collect()
    }

    /// The per-hook and per-kind lists of [`super::run`] find what calling
    /// every hook of every rule on every expression finds, on every fixture
    /// and the crafted texts (under each identifier case) and every file of
    /// the shared corpora when they are there: every pass of each conversion
    /// is compared, so a construct that only a later pass sees is compared
    /// too.
    #[test]
    fn narrowed_dispatch_finds_the_same() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = read(&sql_files(&root.join("fixtures")));
        texts.push(("crafted".to_string(), CRAFTED.to_string()));
        let cases = [
            IdentifierCase::Fold,
            IdentifierCase::Upper,
            IdentifierCase::Preserve,
        ]
        .map(|identifier_case| Settings { identifier_case });
        let (runs, disagreements) = compare(&texts, &cases);
        assert!(
            disagreements.is_empty(),
            "{} disagreements, the first: {}",
            disagreements.len(),
            disagreements[0]
        );
        assert!(runs > 2000, "{runs} runs compared on the fixtures");

        let corpora = read(&sql_files(&root.join("../shared/corpora")));
        let (runs, disagreements) = compare(&corpora, &[Settings::default()]);
        assert!(
            disagreements.is_empty(),
            "{} disagreements, the first: {}",
            disagreements.len(),
            disagreements[0]
        );
        assert!(
            corpora.is_empty() || runs > 1000,
            "{runs} runs compared on the corpora"
        );
    }
}
