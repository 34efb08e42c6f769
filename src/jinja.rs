//! Finds the Jinja in a model: `{{ … }}` expressions, `{% … %}` statements,
//! `{# … #}` comments, the `-` whitespace-control markers, and `{% raw %}`
//! blocks whose content is plain text to Jinja (and so SQL to us).
//!
//! The scanner only locates regions; `mask` decides what each one becomes.

use crate::source::ByteRange;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JinjaKind {
    /// `{{ … }}`: renders text in the SQL.
    Expression,
    /// `{% … %}`: control flow, `set`, `macro`, …; renders nothing itself.
    Statement,
    /// `{# … #}`.
    Comment,
}

/// One Jinja tag in a file. Its bytes always come out unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JinjaRegion {
    pub range: ByteRange,
    pub kind: JinjaKind,
    /// First word inside the tag (`if`, `endfor`, `config`, `ref`, …), lower-case.
    pub tag: String,
    /// The text between the delimiters and whitespace-control markers, trimmed.
    pub body: ByteRange,
}

/// A Jinja syntax error: where the tag starts and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JinjaError {
    pub offset: usize,
    pub message: String,
}

/// Scans `text` for Jinja regions, in order.
pub fn scan(text: &str) -> Result<Vec<JinjaRegion>, JinjaError> {
    let bytes = text.as_bytes();
    let mut regions = Vec::new();
    let mut i = 0;
    while let Some(found) = memchr_brace(bytes, i) {
        let start = found;
        let (kind, close) = match bytes.get(start + 1) {
            Some(b'{') => (JinjaKind::Expression, b"}}"),
            Some(b'%') => (JinjaKind::Statement, b"%}"),
            Some(b'#') => (JinjaKind::Comment, b"#}"),
            _ => {
                i = start + 1;
                continue;
            }
        };
        let end =
            find_close(bytes, start + 2, close, kind != JinjaKind::Comment).ok_or_else(|| {
                JinjaError {
                    offset: start,
                    message: format!(
                        "unterminated Jinja {}: `{}` has no closing `{}`",
                        kind_name(kind),
                        &text[start..start + 2],
                        String::from_utf8_lossy(close)
                    ),
                }
            })?;
        let body = trim_markers(bytes, start + 2, end - 2);
        let tag = if kind == JinjaKind::Comment {
            String::new()
        } else {
            first_word(&text[body.clone()])
        };
        let is_raw = kind == JinjaKind::Statement && tag == "raw";
        regions.push(JinjaRegion {
            range: start..end,
            kind,
            tag,
            body,
        });
        i = end;
        if is_raw {
            // Everything up to `{% endraw %}` is literal text, Jinja delimiters included.
            let endraw = find_endraw(text, end).ok_or_else(|| JinjaError {
                offset: start,
                message: "unterminated `{% raw %}` block: no `{% endraw %}`".to_string(),
            })?;
            regions.push(endraw.clone());
            i = endraw.range.end;
        }
    }
    Ok(regions)
}

/// The first region (in a list sorted by position, as [`scan`] returns it)
/// that shares a byte with `range`, or, for `strictly_inside`, that holds the
/// point `range.start` strictly inside it. Binary search: regions never overlap.
pub fn first_overlap<'r>(
    regions: &'r [JinjaRegion],
    range: &ByteRange,
    strictly_inside: bool,
) -> Option<&'r JinjaRegion> {
    let i = regions.partition_point(|j| j.range.end <= range.start);
    let j = regions.get(i)?;
    let hit = if strictly_inside {
        j.range.start < range.start && range.start < j.range.end
    } else {
        j.range.start < range.end.max(range.start + 1) && range.start < j.range.end
    };
    hit.then_some(j)
}

fn kind_name(kind: JinjaKind) -> &'static str {
    match kind {
        JinjaKind::Expression => "expression",
        JinjaKind::Statement => "statement",
        JinjaKind::Comment => "comment",
    }
}

fn memchr_brace(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|b| *b == b'{')
        .map(|p| p + from)
}

/// Offset just past the closing delimiter. Inside expressions and statements,
/// quoted strings are skipped so that `'}}'` does not close the tag.
fn find_close(bytes: &[u8], mut i: usize, close: &[u8; 2], skip_strings: bool) -> Option<usize> {
    while i + 1 < bytes.len() + 1 {
        let b = *bytes.get(i)?;
        if skip_strings && (b == b'\'' || b == b'"') {
            let mut j = i + 1;
            loop {
                match bytes.get(j)? {
                    b'\\' => j += 2,
                    c if *c == b => break,
                    _ => j += 1,
                }
            }
            i = j + 1;
            continue;
        }
        if b == close[0] && bytes.get(i + 1) == Some(&close[1]) {
            return Some(i + 2);
        }
        i += 1;
    }
    None
}

fn trim_markers(bytes: &[u8], mut start: usize, mut end: usize) -> ByteRange {
    if bytes.get(start) == Some(&b'-') || bytes.get(start) == Some(&b'+') {
        start += 1;
    }
    if end > start && (bytes[end - 1] == b'-' || bytes[end - 1] == b'+') {
        end -= 1;
    }
    while start < end && bytes[start].is_ascii_whitespace() {
        start += 1;
    }
    while end > start && bytes[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    start..end
}

fn first_word(body: &str) -> String {
    body.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect::<String>()
        .to_ascii_lowercase()
}

fn find_endraw(text: &str, from: usize) -> Option<JinjaRegion> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(start) = memchr_brace(bytes, i) {
        if bytes.get(start + 1) == Some(&b'%') {
            if let Some(end) = find_close(bytes, start + 2, b"%}", true) {
                let body = trim_markers(bytes, start + 2, end - 2);
                if first_word(&text[body.clone()]) == "endraw" {
                    return Some(JinjaRegion {
                        range: start..end,
                        kind: JinjaKind::Statement,
                        tag: "endraw".to_string(),
                        body,
                    });
                }
            }
        }
        i = start + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str) -> Vec<(String, &str)> {
        scan(text)
            .unwrap()
            .into_iter()
            .map(|r| (r.tag.clone(), &text[r.range]))
            .collect()
    }

    #[test]
    fn finds_every_kind_with_whitespace_control() {
        let text = "{{ config(materialized='table') }}\nselect * from {{ ref('a') }}\n{%- if x -%} where 1=1 {%- endif %}{# c #}";
        assert_eq!(
            tags(text),
            vec![
                ("config".to_string(), "{{ config(materialized='table') }}"),
                ("ref".to_string(), "{{ ref('a') }}"),
                ("if".to_string(), "{%- if x -%}"),
                ("endif".to_string(), "{%- endif %}"),
                ("".to_string(), "{# c #}"),
            ]
        );
    }

    #[test]
    fn strings_inside_tags_do_not_close_them() {
        let text = "{{ var('x', '}}') }} a";
        assert_eq!(
            tags(text),
            vec![("var".to_string(), "{{ var('x', '}}') }}")]
        );
    }

    #[test]
    fn raw_blocks_are_text() {
        let text = "{% raw %}{{ not jinja }}{% endraw %}";
        assert_eq!(
            tags(text),
            vec![
                ("raw".to_string(), "{% raw %}"),
                ("endraw".to_string(), "{% endraw %}")
            ]
        );
    }

    #[test]
    fn unterminated_tags_are_errors() {
        let err = scan("select {{ ref('a') from x").unwrap_err();
        assert_eq!(err.offset, 7);
        assert!(err.message.contains("unterminated Jinja expression"));
        assert!(scan("{% if x ").is_err());
        assert!(scan("{# c").is_err());
        assert!(scan("{% raw %} x").is_err());
    }
}
