//! PG801: `to_char` / `to_date` / `to_timestamp` / `to_number` and their
//! format models. PostgreSQL's template patterns and Snowflake's format
//! elements share most names but not all meanings (`HH` is 12-hour in
//! PostgreSQL and 24-hour in Snowflake, `MS`/`US` are `FF3`/`FF6`), so a
//! literal format is translated element by element; an element with no exact
//! Snowflake counterpart leaves the call unconverted and is named.

use sqlparser::tokenizer::Token;

use super::{docs, meta, Category, Finding, Hooks, Rule, RuleContext, RuleMeta};
use crate::edits::Edit;

pub struct DateFormat {
    meta: RuleMeta,
}

impl DateFormat {
    pub fn new() -> Self {
        DateFormat {
            meta: meta(
                "PG801",
                "format-model",
                "to_char / to_date / to_timestamp format models differ in Snowflake",
                Category::Review,
                docs(
                    "Translates the literal format of `to_char(ts, fmt)`, `to_date(s, fmt)` and `to_timestamp(s, fmt)` element by element (`HH` → `HH12`, `MS` → `FF3`, `US` → `FF6`, `FMMonth` → `MMMM`, `FMDay` is not translatable); `to_timestamp(s, fmt)` becomes `to_timestamp_ltz(s, fmt)` and `to_timestamp(epoch)` becomes `to_timestamp_ltz(epoch)`. `to_number` and numeric `to_char` formats are reported for review without an edit.",
                    "PostgreSQL's template patterns and Snowflake's format elements share names with other meanings: Snowflake's `HH` is the 24-hour clock (PostgreSQL's is 12-hour), `MS`/`US` do not exist (`FF3`/`FF6`), `Month` is blank-padded to 9 characters in PostgreSQL and not in Snowflake, and `Day`, `D`, `IW`, `IYYY`, `Q`, `TZ`, `J`, `W`, `WW`, `DDD`, `CC` have no Snowflake element. PostgreSQL's to_timestamp returns a timestamptz, an instant shown in the session zone, which is Snowflake's TIMESTAMP_LTZ (TO_TIMESTAMP follows TIMESTAMP_TYPE_MAPPING, NTZ by default).",
                    "`to_char(created_at, 'DD/MM/YYYY HH:MI')` becomes `to_char(created_at, 'DD/MM/YYYY HH12:MI')`; `to_date(s, 'DD/MM/YYYY')` is kept and flagged; `to_char(d, 'Day')` is reported as unconvertible.",
                    "to_char: fix when every element has an exact Snowflake element (names in the case Snowflake prints them: `Mon`, `Dy`, `FMMonth`). to_date / to_timestamp: review, because PostgreSQL's parser is lenient where Snowflake's raises an error: it ignores text after the last element (`to_date('05/12/2020 10:30', 'DD/MM/YYYY')`), lets any separator match any separator, and reads `''` as 0001-01-01 BC; use TRY_TO_DATE where bad input must become NULL. to_number and numeric formats: review (the numeric format models differ in details: PostgreSQL ignores digits beyond the pattern, Snowflake raises an error). A format that is not a literal, or an element without a counterpart, is unconvertible and named.",
                    "https://docs.snowflake.com/en/sql-reference/functions-conversion#date-and-time-formats-in-conversion-functions ; https://docs.snowflake.com/en/sql-reference/functions/to_char ; https://docs.snowflake.com/en/sql-reference/functions/to_timestamp ; https://www.postgresql.org/docs/current/functions-formatting.html",
                ),
            ),
        }
    }
}

/// What a format is used for: printing (to_char) or parsing (to_date,
/// to_timestamp). Parsing is case-insensitive and ignores padding.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Print,
    Parse,
}

/// A translated format: the Snowflake text, and whether it differs.
#[derive(Debug, PartialEq, Eq)]
pub struct Translated {
    pub text: String,
    pub changed: bool,
}

/// Translates the body of a PostgreSQL date/time format literal (without the
/// quotes, `''` already undone) into a Snowflake format; `Err` names the first
/// element that has no exact Snowflake counterpart.
pub fn translate(format: &str, direction: Direction) -> Result<Translated, String> {
    let bytes = format.as_bytes();
    let mut out = String::new();
    let mut changed = false;
    let mut i = 0;
    while i < bytes.len() {
        let rest = &format[i..];
        let b = bytes[i];
        if b == b'"' {
            // Quoted literal text is the same syntax in both.
            let Some(end) = rest[1..].find('"') else {
                return Err("an unterminated \"…\" literal".to_string());
            };
            if rest[1..1 + end].contains('\\') {
                return Err("a backslash in a quoted literal".to_string());
            }
            out.push_str(&rest[..end + 2]);
            i += end + 2;
            continue;
        }
        if !b.is_ascii_alphabetic() {
            if b.is_ascii_digit() {
                return Err(format!("the digit `{}`", b as char));
            }
            if !matches!(b, b'-' | b'/' | b':' | b' ' | b'.' | b',' | b';' | b'_') {
                let c = rest.chars().next().unwrap_or(' ');
                return Err(format!("the character `{c}`"));
            }
            out.push(b as char);
            i += 1;
            continue;
        }
        // FM (fill mode) applies to the element after it.
        let fm = rest.len() > 2 && rest[..2].eq_ignore_ascii_case("fm");
        let at = if fm { i + 2 } else { i };
        let el = &format[at..];
        let Some((len, sf)) = element(el, fm, direction)? else {
            let word: String = el
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .take(4)
                .collect();
            return Err(format!("`{}{word}`", if fm { &rest[..2] } else { "" }));
        };
        let written = &format[i..at + len];
        if written == sf {
            out.push_str(written);
        } else {
            changed = true;
            out.push_str(&sf);
        }
        i = at + len;
    }
    Ok(Translated { text: out, changed })
}

/// The element at the start of `el`: its length and Snowflake text, `None`
/// when it is not a known element, `Err` when it is known and has no exact
/// counterpart.
fn element(el: &str, fm: bool, direction: Direction) -> Result<Option<(usize, String)>, String> {
    let upper = el.to_ascii_uppercase();
    let starts = |p: &str| upper.starts_with(p);
    let print = direction == Direction::Print;
    // Elements with no Snowflake counterpart, longest first.
    const MISSING: &[&str] = &[
        "Y,YYY", "IYYY", "IYY", "IDDD", "SSSSS", "SSSS", "A.M.", "P.M.", "B.C.", "A.D.", "IW",
        "IY", "ID", "WW", "DDD", "CC", "TZH", "TZM", "TZ", "OF", "RM", "BC", "AD", "TH", "SP",
        "YYY", "Q", "J", "W", "I", "D", "Y", "FX",
    ];
    // Numeric elements (no padding difference once FM is handled).
    if starts("MMMM") {
        // PostgreSQL reads the month number twice; Snowflake prints the
        // month's name (and this rule writes MMMM for `FMMonth`).
        return Err(
            "`MMMM` (the month number twice in PostgreSQL, the month name in Snowflake)"
                .to_string(),
        );
    }
    if upper.len() >= 3 && starts("FF") && (b'1'..=b'6').contains(&upper.as_bytes()[2]) {
        // FF1..FF6 (PostgreSQL 13+): the same fractional digits in both.
        return Ok(Some((3, el[..3].to_string())));
    }
    let numeric: &[(&str, &str)] = &[
        ("YYYY", "YYYY"),
        ("HH24", "HH24"),
        ("HH12", "HH12"),
        ("HH", "HH12"),
        ("YY", "YY"),
        ("MM", "MM"),
        ("DD", "DD"),
        ("MI", "MI"),
        ("SS", "SS"),
        ("MS", "FF3"),
        ("US", "FF6"),
    ];
    for (pg, sf) in numeric {
        if starts(pg) {
            let written = &el[..pg.len()];
            if fm && print {
                // FM drops leading zeros in to_char; Snowflake has no
                // unpadded form of these elements.
                return Err(format!("`FM{written}` (unpadded numbers)"));
            }
            // Keep the written case when the name is the same.
            let text = if written.eq_ignore_ascii_case(sf) {
                written.to_string()
            } else {
                sf.to_string()
            };
            return Ok(Some((pg.len(), text)));
        }
    }
    // Meridiem: PostgreSQL prints AM/PM in the case written.
    for m in ["AM", "PM"] {
        if starts(m) {
            let written = &el[..2];
            if print && written != m {
                return Err(format!("`{written}` (lower-case meridiem)"));
            }
            return Ok(Some((2, written.to_string())));
        }
    }
    // Names: PostgreSQL prints them in the case of the pattern (`MON` →
    // `JAN`, `Mon` → `Jan`); Snowflake prints `Jan`, `January`, `Mon`.
    let names: &[(&str, &str, Option<&str>)] = &[
        // (PG pattern, capitalised form, Snowflake element)
        ("MONTH", "Month", Some("MMMM")),
        ("MON", "Mon", None),
        ("DAY", "Day", None),
        ("DY", "Dy", None),
    ];
    for (pg, capital, sf) in names {
        if !starts(pg) {
            continue;
        }
        let written = &el[..pg.len()];
        if *pg == "DAY" {
            return Err(format!("`{written}` (full day name)"));
        }
        if print {
            if written != *capital {
                return Err(format!("`{written}` (the case of the printed name)"));
            }
            if *pg == "MONTH" && !fm {
                return Err(format!(
                    "`{written}` (PostgreSQL blank-pads the name to 9 characters)"
                ));
            }
        }
        // `Mon` and `Dy` are Snowflake elements too (case-insensitive).
        let sf = sf.map_or_else(|| written.to_string(), |s| s.to_string());
        return Ok(Some((pg.len(), sf)));
    }
    for m in MISSING {
        if starts(m) {
            return Err(format!("`{}`", &el[..m.len()]));
        }
    }
    Ok(None)
}

/// Whether a format body is a numeric template (to_char of a number).
fn numeric_template(format: &str) -> bool {
    let upper = format.to_ascii_uppercase();
    upper.contains('9') || upper.contains('0') || upper.contains("EEEE")
}

impl Rule for DateFormat {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn hooks(&self) -> Hooks {
        Hooks::TOKENS
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        let t = cx.tokens;
        for (i, name) in t.calls() {
            if !matches!(name, "to_char" | "to_date" | "to_timestamp" | "to_number") {
                continue;
            }
            let Some(open) = t.next_sig(i) else { continue };
            let Some(close) = t.matching_paren(open) else {
                continue;
            };
            let args = cx.tokens.arguments(open, close);
            let range = t.ranges[i].start..t.ranges[close].end;
            let written = t.slice(i);
            let review = |message: String| {
                Finding::new(&self.meta, range.clone(), message).with_category(Category::Review)
            };
            let unconvertible = |message: String| {
                Finding::new(&self.meta, range.clone(), message)
                    .with_category(Category::Unconvertible)
            };
            if name == "to_timestamp" && args.len() == 1 {
                let ltz = cx.kw_like(&t.ranges[i], "to_timestamp_ltz");
                out.push(
                    Finding::new(
                        &self.meta,
                        range.clone(),
                        format!("`{written}(epoch)` → `{ltz}(epoch)`: PostgreSQL returns a timestamptz (an instant), which is Snowflake's TIMESTAMP_LTZ; TO_TIMESTAMP would give a TIMESTAMP_NTZ"),
                    )
                    .with_category(Category::Fix)
                    .with_edits(vec![Edit::replace(t.ranges[i].clone(), ltz)]),
                );
                continue;
            }
            if args.len() != 2 {
                continue;
            }
            if name == "to_number" {
                out.push(review(format!("`{written}`: check the numeric format against Snowflake's (PostgreSQL ignores input digits beyond the pattern and accepts blanks and signs where Snowflake raises an error)")));
                continue;
            }
            let Some(fmt_tok) = single_string(cx, &args[1]) else {
                out.push(unconvertible(format!("`{written}` with a format that is not a string literal: its elements cannot be translated. Hint: write the format as a literal, or translate it by hand (`HH` → `HH12`, `MS` → `FF3`, `US` → `FF6`)")));
                continue;
            };
            let Token::SingleQuotedString(body) = t.token(fmt_tok) else {
                continue;
            };
            if name == "to_char" && numeric_template(body) {
                out.push(review(format!("`{written}` with a numeric format: check it against Snowflake's numeric format models (rounding, sign and blank padding of `9`, `FM`, `S`, `PR` differ in details)")));
                continue;
            }
            let direction = if name == "to_char" {
                Direction::Print
            } else {
                Direction::Parse
            };
            let translated = match translate(body, direction) {
                Ok(tr) => tr,
                Err(what) => {
                    // Reported on the literal: when this rule wrote it (`MMMM`
                    // for `FMMonth`), the pipeline knows the rewrite is its own.
                    out.push(Finding::new(&self.meta, t.ranges[fmt_tok].clone(), format!("`{written}` format '{body}': {what} has no exact Snowflake format element. Hint: build that part with a function (`dayname`, `weekiso`, `yearofweekiso`, `quarter`, `dayofyear`, `lpad(day(x), 2, '0')`) and concatenate")).with_category(Category::Unconvertible));
                    continue;
                }
            };
            let fmt_range = t.ranges[fmt_tok].clone();
            let mut edits = vec![];
            if translated.changed {
                if cx.touches_jinja(&fmt_range) {
                    out.push(unconvertible(format!(
                        "`{written}` format '{body}' holds Jinja: it cannot be rewritten"
                    )));
                    continue;
                }
                let quoted = format!("'{}'", translated.text.replace('\'', "''"));
                edits.push(Edit::replace(fmt_range, quoted));
            }
            let (category, message) = match name {
                "to_char" => {
                    if !translated.changed {
                        continue;
                    }
                    (
                        Category::Fix,
                        format!(
                            "`{written}` format '{body}' → '{}': Snowflake's elements differ (`HH` is 24-hour, `MS`/`US` are `FF3`/`FF6`, `FMMonth` is `MMMM`)",
                            translated.text
                        ),
                    )
                }
                _ => {
                    let mut renamed = written.to_string();
                    if name == "to_timestamp" {
                        renamed = cx.kw_like(&t.ranges[i], "to_timestamp_ltz");
                        edits.push(Edit::replace(t.ranges[i].clone(), renamed.clone()));
                    }
                    let what = if translated.changed {
                        format!("format '{body}' → '{}'", translated.text)
                    } else {
                        format!("format '{body}' kept")
                    };
                    let call = if renamed == written {
                        format!("`{written}`")
                    } else {
                        format!("`{written}` → `{renamed}`")
                    };
                    (
                        Category::Review,
                        format!(
                            "{call}, {what}: Snowflake raises an error on input PostgreSQL accepts (text after the last element, a different separator, an empty string, which PostgreSQL reads as 0001-01-01 BC); use TRY_{} if bad input must give NULL",
                            renamed.to_ascii_uppercase()
                        ),
                    )
                }
            };
            out.push(
                Finding::new(&self.meta, range.clone(), message)
                    .with_category(category)
                    .with_edits(edits),
            );
        }
    }
}

/// The one string-literal token of an argument, if that is all it is.
fn single_string(cx: &RuleContext, arg: &[usize]) -> Option<usize> {
    match arg {
        [one] if matches!(cx.tokens.token(*one), Token::SingleQuotedString(_)) => {
            // Only a plain '…' literal (not E'…', whose token differs anyway).
            cx.tokens.slice(*one).starts_with('\'').then_some(*one)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn print(f: &str) -> Result<String, String> {
        translate(f, Direction::Print).map(|t| t.text)
    }

    #[test]
    fn elements_translate_exactly_or_are_named() {
        assert_eq!(print("YYYY-MM").unwrap(), "YYYY-MM");
        assert_eq!(print("yyyy-mm").unwrap(), "yyyy-mm");
        assert_eq!(print("DD/MM/YYYY HH:MI").unwrap(), "DD/MM/YYYY HH12:MI");
        assert_eq!(print("HH24:MI:SS.MS").unwrap(), "HH24:MI:SS.FF3");
        assert_eq!(print("FMMonth YYYY").unwrap(), "MMMM YYYY");
        assert_eq!(print("Dy DD Mon").unwrap(), "Dy DD Mon");
        assert_eq!(print("HH24:MI:SS.FF6").unwrap(), "HH24:MI:SS.FF6");
        assert!(print("YYYYMMMM").is_err());
        assert_eq!(print("YYYY\"T\"HH24").unwrap(), "YYYY\"T\"HH24");
        assert!(print("Month").unwrap_err().contains("9 characters"));
        assert!(print("MON").unwrap_err().contains("case"));
        assert!(print("Day").is_err());
        assert!(print("IYYY-IW").unwrap_err().contains("IYYY"));
        assert!(print("YYYY-Q").unwrap_err().contains("`Q`"));
        assert!(print("FMDD").is_err());
        assert!(print("DD T").is_err());
        assert!(print("am").is_err());
    }

    #[test]
    fn parsing_ignores_case_and_fill_mode() {
        let parse = |f| translate(f, Direction::Parse).map(|t| t.text);
        assert_eq!(parse("dd/mm/yyyy").unwrap(), "dd/mm/yyyy");
        assert_eq!(parse("FMDD/MM/YYYY").unwrap(), "DD/MM/YYYY");
        assert_eq!(parse("DD MONTH YYYY").unwrap(), "DD MMMM YYYY");
        assert_eq!(parse("hh:mi am").unwrap(), "HH12:mi am");
    }

    #[test]
    fn translation_is_idempotent_on_its_output() {
        for f in ["DD/MM/YYYY HH:MI", "HH24:MI:SS.US", "Dy Mon"] {
            let once = print(f).unwrap();
            assert_eq!(
                translate(&once, Direction::Print),
                Ok(Translated {
                    text: once.clone(),
                    changed: false
                }),
                "{f}"
            );
        }
    }
}
