//! PG145: `U&'…'` Unicode escape strings.

use sqlparser::tokenizer::Token;

use super::escape_string::snowflake_literal;
use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct UnicodeString {
    meta: RuleMeta,
}

impl UnicodeString {
    pub fn new() -> Self {
        UnicodeString {
            meta: meta(
                "PG145",
                "unicode-string",
                "U&'…' strings do not exist in Snowflake",
                Category::Fix,
                docs(
                    "Rewrites a `U&'…'` string as the Snowflake literal of the same characters: the escaped characters are written as themselves (`U&'caf\\00e9'` → `'café'`), except control and invisible ones (line breaks, tabs, no-break and zero-width spaces), which become `CHR(n)` pieces joined with `||`.",
                    "Snowflake has no `U&` prefix. Its own `'\\uXXXX'` escape would be read back as a literal backslash by PostgreSQL, which is how pg2sf checks its output, so the characters are written out instead.",
                    "`U&'d\\0061ta'` becomes `'data'`; `U&'a\\00A0b'` becomes `('a' || CHR(160) || 'b')`.",
                    "Safe: the new literal denotes exactly the characters PostgreSQL decoded. A string with Jinja in it is reported as unconvertible instead (one with a `UESCAPE` clause does not parse: error E001).",
                    "https://docs.snowflake.com/en/sql-reference/data-types-text#escape-sequences-in-single-quoted-string-constants ; https://docs.snowflake.com/en/sql-reference/functions/chr ; https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-STRINGS-UESCAPE",
                ),
            ),
        }
    }
}

impl Rule for UnicodeString {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::TOKENS
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        for (i, t) in cx.tokens.list.iter().enumerate() {
            if !matches!(t.token, Token::UnicodeStringLiteral(_)) {
                continue;
            }
            let range = cx.tokens.ranges[i].clone();
            let written = cx.src(range.clone());
            let body = written
                .get(2..)
                .and_then(|s| s.strip_prefix('\''))
                .and_then(|s| s.strip_suffix('\''));
            let Some(body) = body else { continue };
            // (A `UESCAPE` clause does not get this far: the parser rejects it.)
            let decoded = if cx.touches_jinja(&range) {
                Err("it holds Jinja".to_string())
            } else {
                decode_unicode_string(body)
            };
            match decoded {
                Ok(value) => out.push(
                    Finding::new(
                        &self.meta,
                        range.clone(),
                        "U&'…' string written as the Snowflake literal of the same characters (Snowflake has no U& prefix)",
                    )
                    .with_edits(vec![Edit::replace(
                        range,
                        snowflake_literal(&value, true, &cx.kw("chr")),
                    )]),
                ),
                Err(why) => out.push(
                    Finding::new(
                        &self.meta,
                        range,
                        format!("U&'…' string not converted: {why}; write the characters in a '…' literal"),
                    )
                    .with_category(Category::Unconvertible),
                ),
            }
        }
    }
}

/// The characters the body of a PostgreSQL `U&'…'` literal denotes (escape
/// character `\`).
fn decode_unicode_string(body: &str) -> Result<String, String> {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    let mut pending_high: Option<u32> = None;
    while let Some(c) = chars.next() {
        let code = match c {
            '\'' => {
                chars.next();
                None
            }
            '\\' => {
                let mut digits = 4;
                let mut first = chars.next();
                if first == Some('\\') {
                    out.push('\\');
                    continue;
                }
                if first == Some('+') {
                    digits = 6;
                    first = chars.next();
                }
                let mut v = first
                    .and_then(|d| d.to_digit(16))
                    .ok_or("a \\ escape needs hex digits")?;
                for _ in 1..digits {
                    let d = chars
                        .next()
                        .and_then(|d| d.to_digit(16))
                        .ok_or("a \\ escape needs hex digits")?;
                    v = v * 16 + d;
                }
                Some(v)
            }
            _ => None,
        };
        let Some(v) = code else {
            if pending_high.is_some() {
                return Err("a lone surrogate escape".to_string());
            }
            out.push(if c == '\'' { '\'' } else { c });
            continue;
        };
        let v = match (pending_high.take(), v) {
            (None, 0xD800..=0xDBFF) => {
                pending_high = Some(v);
                continue;
            }
            (Some(high), 0xDC00..=0xDFFF) => 0x10000 + ((high - 0xD800) << 10) + (v - 0xDC00),
            (Some(_), _) => return Err("an invalid surrogate pair".to_string()),
            (None, v) => v,
        };
        if v == 0 {
            return Err("it holds a zero character, which PostgreSQL rejects".to_string());
        }
        out.push(char::from_u32(v).ok_or_else(|| format!("escape {v:X} is not a character"))?);
    }
    if pending_high.is_some() {
        return Err("a lone surrogate escape".to_string());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::decode_unicode_string;

    #[test]
    fn decodes_unicode_escapes() {
        assert_eq!(decode_unicode_string(r"d\0061t\+000061").unwrap(), "data");
        assert_eq!(decode_unicode_string(r"it''s \\").unwrap(), r"it's \");
        assert_eq!(decode_unicode_string(r"\D83D\DE00").unwrap(), "😀");
        assert!(decode_unicode_string(r"\00").is_err());
        assert!(decode_unicode_string(r"\D83D").is_err());
    }
}
