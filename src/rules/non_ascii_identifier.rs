//! PG142: unquoted names with non-ASCII letters, which Snowflake accepts only
//! quoted.

use sqlparser::tokenizer::Token;

use super::{docs, meta, Category, Finding, Hooks, IdentifierCase, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct NonAsciiIdentifier {
    meta: RuleMeta,
}

impl NonAsciiIdentifier {
    pub fn new() -> Self {
        NonAsciiIdentifier {
            meta: meta(
                "PG142",
                "non-ascii-identifier",
                "an unquoted name with non-ASCII letters must be quoted in Snowflake",
                Category::Review,
                docs(
                    "Quotes an unquoted name that holds a non-ASCII letter (`groupement_interdépartemental`), with the name PostgreSQL gives it: ASCII letters in lower case, the others as written (`\"groupement_interdépartemental\"`). With `--identifier-case upper` the quoted name is upper-cased (`\"GROUPEMENT_INTERDÉPARTEMENTAL\"`), like every other quoted name.",
                    "PostgreSQL accepts any letter in an unquoted name; Snowflake only A–Z, digits, `_` and `$`, so the model does not compile there.",
                    "`select sum(montant) as total_réglé from paiements` becomes `select sum(montant) as \"total_réglé\" from paiements`.",
                    "Review: a quoted name is case-sensitive in Snowflake. Every spelling of this name that pg2sf converts gets the same quoted form, so names a converted model creates match; a table created otherwise (by a loader, or a seed) may hold the name in upper case, and then the quoted lower-case name does not match it.",
                    "https://docs.snowflake.com/en/sql-reference/identifiers-syntax ; https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS",
                ),
            ),
        }
    }
}

impl Rule for NonAsciiIdentifier {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::TOKENS
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        // A word's letters are the text's: an ASCII text, nearly every one,
        // has no such name, and is told at a few bytes an instruction.
        if cx.tokens.text.is_ascii() {
            return;
        }
        for (i, t) in cx.tokens.list.iter().enumerate() {
            let Token::Word(w) = &t.token else { continue };
            if w.quote_style.is_some() || w.value.is_ascii() {
                continue;
            }
            let range = cx.tokens.ranges[i].clone();
            if cx.touches_jinja(&range) {
                continue;
            }
            // PostgreSQL lower-cases only the ASCII letters of an unquoted
            // name in a UTF-8 database.
            let name = w.value.to_ascii_lowercase();
            let name = match cx.settings.identifier_case {
                IdentifierCase::Upper => name.to_uppercase(),
                IdentifierCase::Fold | IdentifierCase::Preserve => name,
            };
            let quoted = format!("\"{name}\"");
            out.push(
                Finding::new(
                    &self.meta,
                    range.clone(),
                    format!(
                        "`{}` has non-ASCII letters, which Snowflake accepts only in a quoted name: quoted as {quoted}, which is case-sensitive there and matches only an object created with exactly this name",
                        w.value
                    ),
                )
                .with_edits(vec![Edit::replace(range, quoted)]),
            );
        }
    }
}
