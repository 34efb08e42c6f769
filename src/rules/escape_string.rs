//! PG143: `E'…'` escape strings.

use sqlparser::tokenizer::Token;

use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct EscapeString {
    meta: RuleMeta,
}

impl EscapeString {
    pub fn new() -> Self {
        EscapeString {
            meta: meta(
                "PG143",
                "escape-string",
                "E'…' strings do not exist in Snowflake",
                Category::Fix,
                docs(
                    "Rewrites an `E'…'` escape string as the Snowflake literal of the same characters: plain text in `'…'`, text with a backslash in `$$…$$`, and each control character (newline, tab, …) as `CHR(n)`, joined with `||`: `E'a\\tb'` → `('a' || CHR(9) || 'b')`, `E'\\n'` → `CHR(10)`, `E'C:\\\\temp'` → `$$C:\\temp$$`.",
                    "Snowflake has no `E` prefix. Its plain `'…'` literals do read backslash escapes, but pg2sf reads its own output as PostgreSQL again (where a backslash in `'…'` is an ordinary character), and the escape lists differ: PostgreSQL takes 1 to 3 octal digits and 1 or 2 hex digits, `\\U` with eight hex digits, and builds UTF-8 characters from `\\x` bytes. Writing the decoded characters leaves nothing to interpret.",
                    "`replace(label, E'\\n', ' ')` becomes `replace(label, CHR(10), ' ')`.",
                    "Safe: the new literal denotes exactly the characters PostgreSQL decoded. Reported as unconvertible instead when the escapes do not form valid UTF-8, denote a zero character (which PostgreSQL rejects), or the literal holds Jinja.",
                    "https://docs.snowflake.com/en/sql-reference/data-types-text#escape-sequences-in-single-quoted-string-constants ; https://docs.snowflake.com/en/sql-reference/data-types-text#dollar-quoted-string-constants ; https://docs.snowflake.com/en/sql-reference/functions/chr ; https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-STRINGS-ESCAPE",
                ),
            ),
        }
    }
}

impl Rule for EscapeString {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::TOKENS
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        for (i, t) in cx.tokens.list.iter().enumerate() {
            if !matches!(t.token, Token::EscapedStringLiteral(_)) {
                continue;
            }
            let range = cx.tokens.ranges[i].clone();
            let written = cx.src(range.clone());
            let body = written
                .get(1..)
                .and_then(|s| s.strip_prefix('\''))
                .and_then(|s| s.strip_suffix('\''));
            let Some(body) = body else { continue };
            if cx.touches_jinja(&range) {
                out.push(
                    Finding::new(&self.meta, range, "E'…' string holding Jinja: Snowflake has no E prefix; drop the `E` and check each escape by hand")
                        .with_category(Category::Unconvertible),
                );
                continue;
            }
            match decode_escape_string(body) {
                Ok(value) => {
                    let literal = snowflake_literal(&value, true, &cx.kw("chr"));
                    out.push(
                        Finding::new(
                            &self.meta,
                            range.clone(),
                            "E'…' string written as the Snowflake literal of the same characters (Snowflake has no E prefix)",
                        )
                        .with_edits(vec![Edit::replace(range, literal)]),
                    );
                }
                Err(why) => out.push(
                    Finding::new(
                        &self.meta,
                        range,
                        format!("E'…' string not converted: {why}; write the characters it means in a '…' literal"),
                    )
                    .with_category(Category::Unconvertible),
                ),
            }
        }
    }
}

/// The characters the body of a PostgreSQL `E'…'` literal denotes.
fn decode_escape_string(body: &str) -> Result<String, String> {
    let mut bytes: Vec<u8> = Vec::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    let push_char = |bytes: &mut Vec<u8>, c: char| {
        let mut buf = [0u8; 4];
        bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    };
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                // `''` inside the literal.
                chars.next();
                bytes.push(b'\'');
            }
            '\\' => {
                let Some(e) = chars.next() else {
                    return Err("it ends with a lone backslash".to_string());
                };
                match e {
                    'b' => bytes.push(0x08),
                    'f' => bytes.push(0x0c),
                    'n' => bytes.push(b'\n'),
                    'r' => bytes.push(b'\r'),
                    't' => bytes.push(b'\t'),
                    '0'..='7' => {
                        let mut v = e as u32 - '0' as u32;
                        for _ in 0..2 {
                            match chars.peek() {
                                Some(&d @ '0'..='7') => {
                                    v = v * 8 + (d as u32 - '0' as u32);
                                    chars.next();
                                }
                                _ => break,
                            }
                        }
                        bytes.push((v & 0xff) as u8);
                    }
                    'x' if chars.peek().is_some_and(char::is_ascii_hexdigit) => {
                        let mut v = 0u32;
                        for _ in 0..2 {
                            match chars.peek().and_then(|d| d.to_digit(16)) {
                                Some(d) => {
                                    v = v * 16 + d;
                                    chars.next();
                                }
                                None => break,
                            }
                        }
                        bytes.push(v as u8);
                    }
                    'u' | 'U' => {
                        let digits = if e == 'u' { 4 } else { 8 };
                        let mut v = hex_digits(&mut chars, digits)?;
                        if (0xD800..0xDC00).contains(&v) {
                            // A surrogate pair, written as two `\u` escapes.
                            if chars.next() != Some('\\') || chars.next() != Some('u') {
                                return Err("a lone surrogate in a \\u escape".to_string());
                            }
                            let low = hex_digits(&mut chars, 4)?;
                            if !(0xDC00..0xE000).contains(&low) {
                                return Err("an invalid surrogate pair".to_string());
                            }
                            v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00);
                        }
                        let c = char::from_u32(v)
                            .ok_or_else(|| format!("\\{e} escape {v:X} is not a character"))?;
                        push_char(&mut bytes, c);
                    }
                    other => push_char(&mut bytes, other),
                }
            }
            other => push_char(&mut bytes, other),
        }
    }
    if bytes.contains(&0) {
        return Err("it holds a zero character, which PostgreSQL rejects".to_string());
    }
    String::from_utf8(bytes).map_err(|_| "its byte escapes do not form UTF-8 text".to_string())
}

fn hex_digits(chars: &mut std::iter::Peekable<std::str::Chars>, n: usize) -> Result<u32, String> {
    let mut v = 0u32;
    for _ in 0..n {
        let d = chars
            .next()
            .and_then(|d| d.to_digit(16))
            .ok_or_else(|| format!("a \\u escape needs {n} hex digits"))?;
        v = v * 16 + d;
    }
    Ok(v)
}

/// Whether a character is better written as `CHR(n)` than as itself: control
/// characters, and blanks or format characters that would be invisible or
/// ambiguous in the model's text.
fn needs_chr(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
}

/// A Snowflake expression for the string `value` that holds no backslash
/// escape: `'…'` for plain text, `$$…$$` for text with a backslash (a `$`
/// goes in a `'$'` piece, since `$$…$$` cannot hold `$$` nor end in `$`),
/// and, when `escape_controls`, `CHR(n)` for control and invisible
/// characters; several pieces are joined with `||` in parentheses.
pub(super) fn snowflake_literal(value: &str, escape_controls: bool, chr: &str) -> String {
    let mut pieces: Vec<String> = Vec::new();
    let mut run = String::new();
    for c in value.chars() {
        if escape_controls && needs_chr(c) {
            push_run(&mut pieces, &run);
            run.clear();
            pieces.push(format!("{chr}({})", c as u32));
        } else {
            run.push(c);
        }
    }
    push_run(&mut pieces, &run);
    match pieces.len() {
        0 => "''".to_string(),
        1 => pieces.remove(0),
        _ => format!("({})", pieces.join(" || ")),
    }
}

fn push_run(pieces: &mut Vec<String>, run: &str) {
    if run.is_empty() {
        return;
    }
    if !run.contains('\\') {
        pieces.push(format!("'{}'", run.replace('\'', "''")));
        return;
    }
    for (i, part) in run.split('$').enumerate() {
        if i > 0 {
            pieces.push("'$'".to_string());
        }
        if part.is_empty() {
            continue;
        }
        if part.contains('\\') {
            pieces.push(format!("$${part}$$"));
        } else {
            pieces.push(format!("'{}'", part.replace('\'', "''")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{decode_escape_string, snowflake_literal};

    #[test]
    fn decodes_postgres_escapes() {
        assert_eq!(decode_escape_string(r"a\nb").unwrap(), "a\nb");
        assert_eq!(decode_escape_string(r"it\'s it''s").unwrap(), "it's it's");
        assert_eq!(
            decode_escape_string(r"\101\7\x41\x9").unwrap(),
            "A\u{7}A\u{9}"
        );
        assert_eq!(decode_escape_string(r"\xc3\xa9").unwrap(), "é");
        assert_eq!(decode_escape_string(r"\u00e9\U0001F600").unwrap(), "é😀");
        assert_eq!(decode_escape_string(r"\ud83d\ude00").unwrap(), "😀");
        assert_eq!(decode_escape_string(r"\d\.\\").unwrap(), r"d.\");
        assert!(decode_escape_string(r"\xff").is_err());
        assert!(decode_escape_string(r"\0").is_err());
    }

    #[test]
    fn writes_snowflake_literals() {
        assert_eq!(snowflake_literal("\n", true, "chr"), "chr(10)");
        assert_eq!(snowflake_literal("", true, "chr"), "''");
        assert_eq!(
            snowflake_literal("a\tb'c", true, "CHR"),
            "('a' || CHR(9) || 'b''c')"
        );
        assert_eq!(snowflake_literal(r"C:\temp", true, "chr"), r"$$C:\temp$$");
        assert_eq!(snowflake_literal(r"\d+$", true, "chr"), r"($$\d+$$ || '$')");
        assert_eq!(snowflake_literal("a\nb", false, "chr"), "'a\nb'");
    }
}
