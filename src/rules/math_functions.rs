//! PG413–PG416: math functions whose Snowflake namesake differs: one-argument
//! `log`, `random()`, `div(a, b)`, and NULL-skipping `greatest`/`least`.

use sqlparser::tokenizer::Token;

use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Log10,
    Random,
    Div,
    GreatestLeast,
}

pub struct MathFunction {
    meta: RuleMeta,
    kind: Kind,
}

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(MathFunction {
            kind: Kind::Log10,
            meta: meta(
                "PG413",
                "log-base-10",
                "one-argument log(x) is base 10 in PostgreSQL; Snowflake's LOG needs the base",
                Category::Fix,
                docs(
                    "Rewrites the one-argument `log(x)` as `log(10, x)` by inserting `10, ` after the parenthesis.",
                    "PostgreSQL's `log(x)` is the base-10 logarithm; Snowflake's LOG takes the base as its first argument and has no one-argument form (`ln` is the natural logarithm in both).",
                    "`log(population)` becomes `log(10, population)`.",
                    "Safe: the same base-10 logarithm; Snowflake returns a FLOAT where PostgreSQL returns numeric for a numeric argument (the same value within float precision). A zero or negative argument is an error in both.",
                    "https://docs.snowflake.com/en/sql-reference/functions/log ; https://www.postgresql.org/docs/current/functions-math.html",
                ),
            ),
        }),
        Box::new(MathFunction {
            kind: Kind::Random,
            meta: meta(
                "PG414",
                "random-float",
                "random() is a float in [0, 1) in PostgreSQL and a 64-bit integer in Snowflake",
                Category::Review,
                docs(
                    "Rewrites `random()` as `uniform(0::float, 1::float, random())`.",
                    "PostgreSQL's random() returns a double in [0, 1); Snowflake's RANDOM() returns a signed 64-bit integer, so `random() < 0.1` keeps about half the rows instead of a tenth. UNIFORM with FLOAT bounds returns a float drawn uniformly between them.",
                    "`where random() < 0.1` becomes `where uniform(0::float, 1::float, random()) < 0.1`.",
                    "Review: UNIFORM's range includes its maximum, so 1.0 can come out (PostgreSQL's never does), and `setseed()` has no equivalent (Snowflake seeds with `random(seed)`). Values differ from run to run in both engines.",
                    "https://docs.snowflake.com/en/sql-reference/functions/uniform ; https://docs.snowflake.com/en/sql-reference/functions/random ; https://www.postgresql.org/docs/current/functions-math.html#FUNCTIONS-MATH-RANDOM-TABLE",
                ),
            ),
        }),
        Box::new(MathFunction {
            kind: Kind::Div,
            meta: meta(
                "PG415",
                "div-function",
                "Snowflake has no div(a, b)",
                Category::Fix,
                docs(
                    "Rewrites `div(a, b)` as `trunc(a / b)`: the name becomes `trunc`, the comma becomes `/`, and an operand that is not a name, literal or call is parenthesised.",
                    "Snowflake has no DIV function, and its `/` returns a decimal.",
                    "`div(minutes, 60)` becomes `trunc(minutes / 60)`; `div(a + 1, b)` becomes `trunc((a + 1) / b)`.",
                    "Safe: PostgreSQL's div is the integer quotient truncated toward zero (`div(-7, 2)` is -3), which is what TRUNC of the exact quotient gives (TRUNC rounds toward zero). A zero divisor is an error in both.",
                    "https://docs.snowflake.com/en/sql-reference/functions/trunc ; https://docs.snowflake.com/en/sql-reference/operators-arithmetic ; https://www.postgresql.org/docs/current/functions-math.html (div ( y numeric, x numeric ) → numeric: integer quotient, truncates towards zero)",
                ),
            ),
        }),
        Box::new(MathFunction {
            kind: Kind::GreatestLeast,
            meta: meta(
                "PG416",
                "greatest-least-nulls",
                "PostgreSQL's greatest/least skip NULLs; Snowflake's return NULL",
                Category::Fix,
                docs(
                    "Renames `greatest(…)` to `greatest_ignore_nulls(…)` and `least(…)` to `least_ignore_nulls(…)`.",
                    "PostgreSQL's GREATEST and LEAST ignore NULL arguments (NULL only when all are NULL); Snowflake's GREATEST and LEAST return NULL as soon as one argument is NULL. GREATEST_IGNORE_NULLS / LEAST_IGNORE_NULLS (since the 2024_03 bundle) return the largest / smallest non-NULL value and NULL when all are NULL.",
                    "`greatest(created_at, updated_at, deleted_at)` becomes `greatest_ignore_nulls(created_at, updated_at, deleted_at)`.",
                    "Fix: the same NULL handling and the same ordering. Review when the first argument is a string literal and another argument is not: Snowflake converts every argument to the first argument's type (`greatest('2024-01-01', d)` compares strings), where PostgreSQL resolves the literal to the other arguments' type.",
                    "https://docs.snowflake.com/en/sql-reference/functions/greatest_ignore_nulls ; https://docs.snowflake.com/en/sql-reference/functions/least_ignore_nulls ; https://docs.snowflake.com/en/release-notes/bcr-bundles/2024_03/bcr-1354 ; https://www.postgresql.org/docs/current/functions-conditional.html#FUNCTIONS-GREATEST-LEAST",
                ),
            ),
        }),
    ]
}

/// Whether an argument is one token, a call, or parenthesised: `/` can stand
/// next to it without changing what it groups.
fn atomic(cx: &RuleContext, arg: &[usize]) -> bool {
    let t = cx.tokens;
    match arg {
        [_] => true,
        [first, .., last] => {
            let call = matches!(t.token(*first), Token::Word(_))
                && arg.get(1).is_some_and(|&p| {
                    matches!(t.token(p), Token::LParen) && t.matching_paren(p) == Some(*last)
                });
            let nested =
                matches!(t.token(*first), Token::LParen) && t.matching_paren(*first) == Some(*last);
            call || nested
        }
        [] => false,
    }
}

/// Whether the call at `i` is already the generator argument of `uniform(…)`.
fn inside_uniform(cx: &RuleContext, i: usize) -> bool {
    let t = cx.tokens;
    let mut depth = 0usize;
    for j in (0..i).rev() {
        match t.token(j) {
            Token::RParen => depth += 1,
            Token::LParen => {
                if depth == 0 {
                    return t.prev_sig(j).is_some_and(|n| t.is_word(n, "uniform"));
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    false
}

impl Rule for MathFunction {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::TOKENS
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        let t = cx.tokens;
        let names: &[&str] = match self.kind {
            Kind::Log10 => &["log"],
            Kind::Random => &["random"],
            Kind::Div => &["div"],
            Kind::GreatestLeast => &["greatest", "least"],
        };
        for (i, name) in t.calls() {
            if !names.contains(&name) {
                continue;
            }
            let Some(open) = t.next_sig(i) else { continue };
            let Some(close) = t.matching_paren(open) else {
                continue;
            };
            let args = cx.tokens.arguments(open, close);
            let range = t.ranges[i].start..t.ranges[close].end;
            let written = t.slice(i);
            let finding = match self.kind {
                Kind::Log10 => {
                    if args.len() != 1 {
                        continue;
                    }
                    Finding::new(
                        &self.meta,
                        range,
                        format!("`{written}(x)` → `{written}(10, x)`: PostgreSQL's one-argument log is base 10"),
                    )
                    .with_edits(vec![Edit::insert(t.ranges[open].end, "10, ")])
                }
                Kind::Random => {
                    if !args.is_empty() || inside_uniform(cx, i) {
                        continue;
                    }
                    let uniform = cx.kw_like(&t.ranges[i], "uniform");
                    let float = cx.kw_like(&t.ranges[i], "float");
                    Finding::new(
                        &self.meta,
                        range,
                        format!("`{written}()` → `{uniform}(0::{float}, 1::{float}, {written}())`: Snowflake's RANDOM() is a 64-bit integer; UNIFORM can return 1.0, which PostgreSQL's random() never does"),
                    )
                    .with_edits(vec![
                        Edit::insert(
                            t.ranges[i].start,
                            format!("{uniform}(0::{float}, 1::{float}, "),
                        ),
                        Edit::insert(t.ranges[close].end, ")"),
                    ])
                }
                Kind::Div => {
                    let [a, b] = args.as_slice() else { continue };
                    let (Some(&a_first), Some(&a_last), Some(&b_first), Some(&b_last)) =
                        (a.first(), a.last(), b.first(), b.last())
                    else {
                        continue;
                    };
                    let Some(comma) = t.next_sig(a_last) else {
                        continue;
                    };
                    let trunc = cx.kw_like(&t.ranges[i], "trunc");
                    let mut edits = vec![
                        Edit::replace(t.ranges[i].clone(), trunc.clone()),
                        Edit::replace(t.ranges[comma].clone(), " /"),
                    ];
                    if !atomic(cx, a) {
                        edits.push(Edit::insert(t.ranges[a_first].start, "("));
                        edits.push(Edit::insert(t.ranges[a_last].end, ")"));
                    }
                    if !atomic(cx, b) {
                        edits.push(Edit::insert(t.ranges[b_first].start, "("));
                        edits.push(Edit::insert(t.ranges[b_last].end, ")"));
                    }
                    Finding::new(
                        &self.meta,
                        range,
                        format!("`{written}(a, b)` → `{trunc}(a / b)`: Snowflake has no DIV; TRUNC rounds the quotient toward zero as div does"),
                    )
                    .with_edits(edits)
                }
                Kind::GreatestLeast => {
                    if args.is_empty() {
                        continue;
                    }
                    let renamed = cx.kw_like(&t.ranges[i], &format!("{name}_ignore_nulls"));
                    let is_string = |arg: &Vec<usize>| matches!(arg.as_slice(), [one] if matches!(t.token(*one), Token::SingleQuotedString(_)));
                    let string_first =
                        args.first().is_some_and(is_string) && !args.iter().all(is_string);
                    let finding = Finding::new(
                        &self.meta,
                        range,
                        if string_first {
                            format!("`{written}` → `{renamed}`; check the types: the first argument is a string literal, and Snowflake converts the other arguments to its type (PostgreSQL reads the literal as their type)")
                        } else {
                            format!("`{written}` → `{renamed}`: Snowflake's {} returns NULL when any argument is NULL; PostgreSQL skips NULLs", name.to_ascii_uppercase())
                        },
                    )
                    .with_edits(vec![Edit::replace(t.ranges[i].clone(), renamed)]);
                    if string_first {
                        finding.with_category(Category::Review)
                    } else {
                        finding
                    }
                }
            };
            out.push(finding);
        }
    }
}
