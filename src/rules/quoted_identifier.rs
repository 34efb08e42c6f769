//! PG140: quoted identifiers, which Snowflake resolves case-sensitively
//! against names it stores in upper case.

use std::collections::HashSet;

use sqlparser::keywords::{Keyword, ALL_KEYWORDS, ALL_KEYWORDS_INDEX};
use sqlparser::keywords::{RESERVED_FOR_COLUMN_ALIAS, RESERVED_FOR_TABLE_ALIAS};
use sqlparser::tokenizer::Token;

use super::reserved_identifier::is_snowflake_reserved;
use super::{docs, meta, Category, Finding, Hooks, IdentifierCase, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct QuotedIdentifier {
    meta: RuleMeta,
}

impl QuotedIdentifier {
    pub fn new() -> Self {
        QuotedIdentifier {
            meta: meta(
                "PG140",
                "quoted-identifier-case",
                "a quoted lower-case name does not match a Snowflake name created unquoted",
                Category::Fix,
                docs(
                    "Carries quoted identifiers over to Snowflake's case rules, as `--identifier-case` (or `identifier-case` in pg2sf.toml) says.\n\n* `fold` (default): a quoted name that is all lower case and a valid unquoted name loses its quotes (`\"user_id\"` → `user_id`); one that is a reserved word in Snowflake is quoted in upper case instead (`\"rows\"` → `\"ROWS\"`). A quoted name with upper-case letters, spaces or non-ASCII letters (`\"createdAt\"`, `\"Nature juridique\"`) is kept and reported for review, once per name and file.\n* `upper`: every quoted name with a lower-case letter is upper-cased inside its quotes (`\"user_id\"` → `\"USER_ID\"`, `\"createdAt\"` → `\"CREATEDAT\"`).\n* `preserve`: quoted names are left as written, without a finding.",
                    "PostgreSQL folds unquoted names to lower case, so `\"user_id\"` and `user_id` are the same name there. Snowflake folds them to upper case and compares quoted names exactly: `\"user_id\"` no longer matches the column `USER_ID` that an unquoted `user_id` (or dbt-snowflake's `create table … as select user_id …`) created, and the model fails with `invalid identifier`, or, when both spellings exist, reads the other column.",
                    "`select \"user_id\", \"rows\", \"createdAt\" from orders` becomes `select user_id, \"ROWS\", \"createdAt\" from orders`, with a review finding on `\"createdAt\"`.",
                    "The fold is a fix. It maps PostgreSQL's rule (a quoted lower-case name equals the unquoted one) onto Snowflake's (a quoted upper-case name equals the unquoted one), so every spelling of one name in the project still resolves to one object — provided the objects are named the Snowflake way: created unquoted, as dbt-snowflake does for models, seeds (without `quote_columns`) and snapshots, and as the usual loaders (Fivetran, Airbyte, Stitch) do for sources. The edge case: a source table that something created in Snowflake with quoted lower-case names; there, keep the quotes with `--identifier-case preserve`. A model's output columns come out in upper case, like every unquoted name in Snowflake. A mixed-case or non-ASCII quoted name has no unquoted spelling: it matches in Snowflake only an object created with exactly that quoted name (as a converted model that defines it does), hence the review. In `upper` mode, upper-casing a name with capitals merges names that differ only by case, hence review as well.",
                    "https://docs.snowflake.com/en/sql-reference/identifiers-syntax ; https://docs.snowflake.com/en/sql-reference/reserved-keywords ; https://docs.snowflake.com/en/sql-reference/parameters#quoted-identifiers-ignore-case ; https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS",
                ),
            ),
        }
    }
}

impl Rule for QuotedIdentifier {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::TOKENS
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        let mode = cx.settings.identifier_case;
        if mode == IdentifierCase::Preserve {
            return;
        }
        let mut reviewed: HashSet<&str> = HashSet::new();
        let names = cx
            .tokens
            .indexes_where(|t| matches!(t, Token::Word(w) if w.quote_style == Some('"')));
        for i in names {
            let Token::Word(w) = cx.tokens.token(i) else {
                continue;
            };
            if w.value.is_empty() {
                continue;
            }
            let range = cx.tokens.ranges[i].clone();
            if cx.touches_jinja(&range) {
                continue;
            }
            let name = w.value.as_str();
            let has_lower = name.chars().any(char::is_lowercase);
            if !has_lower {
                // Upper case (or caseless) names mean the same in both engines.
                continue;
            }
            let has_upper = name.chars().any(char::is_uppercase);
            let bare = is_bare_lower(name);
            let is_call = cx
                .tokens
                .next_sig(i)
                .is_some_and(|n| matches!(cx.tokens.token(n), Token::LParen));
            if is_call {
                // Whether it names a built-in (then the quotes must go, and
                // a rule may have to convert the call) or a user function
                // created with this exact name is for a person to say.
                out.push(
                    Finding::new(
                        &self.meta,
                        range,
                        format!("quoted function name \"{name}\" kept: Snowflake looks it up case-sensitively, so it finds only a function created with exactly this quoted name; drop the quotes if it is a built-in or was created unquoted"),
                    )
                    .with_category(Category::Review),
                );
                continue;
            }
            let finding = match mode {
                IdentifierCase::Preserve => continue,
                IdentifierCase::Fold if bare => {
                    if needs_quotes(name) {
                        let upper = quoted(&name.to_uppercase());
                        Finding::new(
                            &self.meta,
                            range.clone(),
                            format!("\"{name}\" is reserved in Snowflake: quoted in upper case as {upper}, the name an unquoted `{name}` has there"),
                        )
                        .with_edits(vec![Edit::replace(range, upper)])
                    } else {
                        Finding::new(
                            &self.meta,
                            range.clone(),
                            format!("quotes dropped from \"{name}\": Snowflake matches a quoted lower-case name only against a name created with those quotes, not against the `{}` an unquoted name creates", name.to_uppercase()),
                        )
                        .with_edits(vec![Edit::replace(range, name)])
                    }
                }
                IdentifierCase::Fold => {
                    if !reviewed.insert(name) {
                        continue;
                    }
                    let why = if has_upper {
                        "mixed-case"
                    } else {
                        "not a valid unquoted Snowflake name, so it stays"
                    };
                    Finding::new(
                        &self.meta,
                        range,
                        format!("quoted name \"{name}\" kept ({why}): Snowflake matches it only against an object created with exactly this quoted name, as a converted model that defines it is; a table created another way (unquoted, or by a loader) has it in upper case"),
                    )
                    .with_category(Category::Review)
                }
                IdentifierCase::Upper => {
                    let upper = quoted(&name.to_uppercase());
                    let (category, message) = if has_upper {
                        (Category::Review, format!("mixed-case quoted name \"{name}\" upper-cased to {upper} (--identifier-case upper): it now also matches names that differ from it only by case, and no longer an object created in Snowflake with the quoted name \"{name}\""))
                    } else {
                        (Category::Fix, format!("quoted name \"{name}\" upper-cased to {upper} (--identifier-case upper), the name an unquoted `{name}` has in Snowflake"))
                    };
                    Finding::new(&self.meta, range.clone(), message)
                        .with_edits(vec![Edit::replace(range, upper)])
                        .with_category(category)
                }
            };
            out.push(finding);
        }
    }
}

/// Whether `name` is what PostgreSQL makes of an unquoted name that Snowflake
/// also accepts unquoted: ASCII lower case, digits, `_` and `$`, not starting
/// with a digit or `$`.
fn is_bare_lower(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '$')
}

/// Whether a valid bare name must stay quoted in Snowflake: a reserved word
/// there, or one the checking parser reserves as an alias.
fn needs_quotes(name: &str) -> bool {
    if is_snowflake_reserved(name) {
        return true;
    }
    let upper = name.to_ascii_uppercase();
    let Ok(i) = ALL_KEYWORDS.binary_search(&upper.as_str()) else {
        return false;
    };
    let Some(keyword) = ALL_KEYWORDS_INDEX.get(i) else {
        return false;
    };
    let reserved = |list: &[Keyword]| list.contains(keyword);
    reserved(RESERVED_FOR_COLUMN_ALIAS) || reserved(RESERVED_FOR_TABLE_ALIAS)
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::{is_bare_lower, needs_quotes};
    use crate::convert::{convert_text_with_settings, Status};
    use crate::rules::{IdentifierCase, Settings};

    const MODEL: &str =
        "select \"user_id\", \"rows\", \"createdAt\", \"Nature juridique\", \"SIRET\", début\nfrom t\n";

    fn convert(identifier_case: IdentifierCase) -> (String, Status, Vec<String>) {
        let c = convert_text_with_settings(MODEL, &Settings { identifier_case }, &|_| true);
        let findings = c
            .diagnostics
            .iter()
            .map(|d| format!("{} {}", d.code, d.category.as_str()))
            .collect();
        (c.output, c.status, findings)
    }

    #[test]
    fn fold_unquotes_lower_case_and_flags_mixed_case() {
        let (output, status, findings) = convert(IdentifierCase::Fold);
        assert_eq!(
            output,
            "select user_id, \"ROWS\", \"createdAt\", \"Nature juridique\", \"SIRET\", \"début\"\nfrom t\n"
        );
        assert_eq!(status, Status::Review);
        assert_eq!(
            findings,
            [
                "PG140 fix",
                "PG140 fix",
                "PG140 review",
                "PG140 review",
                "PG142 review"
            ]
        );
    }

    #[test]
    fn upper_quotes_every_name_in_upper_case() {
        let (output, _, findings) = convert(IdentifierCase::Upper);
        assert_eq!(
            output,
            "select \"USER_ID\", \"ROWS\", \"CREATEDAT\", \"NATURE JURIDIQUE\", \"SIRET\", \"DÉBUT\"\nfrom t\n"
        );
        assert_eq!(
            findings,
            [
                "PG140 fix",
                "PG140 fix",
                "PG140 review",
                "PG140 review",
                "PG142 review"
            ]
        );
    }

    #[test]
    fn preserve_leaves_quoted_names() {
        let (output, _, findings) = convert(IdentifierCase::Preserve);
        assert_eq!(
            output,
            "select \"user_id\", \"rows\", \"createdAt\", \"Nature juridique\", \"SIRET\", \"début\"\nfrom t\n"
        );
        assert_eq!(findings, ["PG142 review"]);
    }

    #[test]
    fn bare_names() {
        assert!(is_bare_lower("user_id"));
        assert!(is_bare_lower("_x$1"));
        assert!(!is_bare_lower("1st"));
        assert!(!is_bare_lower("createdAt"));
        assert!(!is_bare_lower("nature juridique"));
        assert!(!is_bare_lower("département"));
    }

    #[test]
    fn reserved_names_keep_quotes() {
        assert!(needs_quotes("rows"));
        assert!(needs_quotes("order"));
        assert!(needs_quotes("limit"));
        assert!(!needs_quotes("user_id"));
        assert!(!needs_quotes("name"));
    }
}
