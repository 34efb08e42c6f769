//! The items of a bracketed Jinja literal — a call's arguments, a list, a dict
//! — with their byte ranges, and the edit that removes one item together with
//! its separator and nothing else.

use crate::edits::Edit;
use crate::source::ByteRange;

/// One item between the brackets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The item without surrounding whitespace.
    pub range: ByteRange,
    /// The key of `key=value` or `'key': value`, unquoted.
    pub key: Option<String>,
    /// The value (the whole item when it has no key).
    pub value: ByteRange,
    /// The comma after the item.
    pub comma: Option<usize>,
}

/// The items of the sequence opened at `open`, and where it closes.
#[derive(Debug, Clone)]
pub struct Items {
    pub items: Vec<Item>,
    pub close: usize,
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// End (exclusive) of the quoted string starting at `i`, or `None` when it
/// does not close.
pub fn string_end(bytes: &[u8], i: usize) -> Option<usize> {
    let quote = *bytes.get(i)?;
    let mut j = i + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            c if c == quote => return Some(j + 1),
            _ => j += 1,
        }
    }
    None
}

/// Splits the sequence whose opening bracket (`(`, `[` or `{`) is at `open`.
pub fn split(text: &str, open: usize) -> Option<Items> {
    let bytes = text.as_bytes();
    if !matches!(bytes.get(open), Some(b'(' | b'[' | b'{')) {
        return None;
    }
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut start = open + 1;
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\'' | b'"' => {
                i = string_end(bytes, i)?;
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth > 0 => depth -= 1,
            b')' | b']' | b'}' => {
                push_item(text, start..i, None, &mut items);
                return Some(Items { items, close: i });
            }
            b',' if depth == 0 => {
                push_item(text, start..i, Some(i), &mut items);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn push_item(text: &str, segment: ByteRange, comma: Option<usize>, items: &mut Vec<Item>) {
    let raw = &text[segment.clone()];
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        // A trailing comma: it belongs to the item before.
        return;
    }
    let range = segment.start + lead..segment.start + lead + trimmed.len();
    let (key, value) = key_and_value(text, range.clone());
    items.push(Item {
        range,
        key,
        value,
        comma,
    });
}

fn key_and_value(text: &str, range: ByteRange) -> (Option<String>, ByteRange) {
    let item = &text[range.clone()];
    let bytes = item.as_bytes();
    let after_key = |key_end: usize, sep: u8| -> Option<usize> {
        let rest = &item[key_end..];
        let gap = rest.len() - rest.trim_start().len();
        let at = key_end + gap;
        (bytes.get(at) == Some(&sep) && (sep != b'=' || bytes.get(at + 1) != Some(&b'='))).then(
            || {
                let value = &item[at + 1..];
                at + 1 + (value.len() - value.trim_start().len())
            },
        )
    };
    // `name=value`
    let ident = bytes.iter().take_while(|b| is_ident_byte(**b)).count();
    if ident > 0 && !bytes[0].is_ascii_digit() {
        if let Some(v) = after_key(ident, b'=') {
            return (Some(item[..ident].to_string()), range.start + v..range.end);
        }
    }
    // `'name': value`
    if matches!(bytes.first(), Some(b'\'' | b'"')) {
        if let Some(end) = string_end(bytes, 0) {
            if let Some(v) = after_key(end, b':') {
                return (
                    Some(item[1..end - 1].to_string()),
                    range.start + v..range.end,
                );
            }
        }
    }
    (None, range)
}

/// The edit that removes item `index` with one separating comma, keeping the
/// layout of the items around it: the next item moves into its place, or, for
/// the last item, the comma before it goes; an only item standing on lines of
/// its own takes those lines with it.
pub fn removal(text: &str, items: &Items, index: usize) -> Option<Edit> {
    let item = items.items.get(index)?;
    let end = item.comma.map_or(item.range.end, |c| c + 1);
    if let Some(next) = items.items.get(index + 1) {
        return Some(Edit::delete(item.range.start..next.range.start));
    }
    if let Some(comma) = index
        .checked_sub(1)
        .and_then(|i| items.items.get(i))
        .and_then(|p| p.comma)
    {
        return Some(Edit::delete(comma..end));
    }
    let line_start = text[..item.range.start].rfind('\n').map_or(0, |p| p + 1);
    let rest = &text[end..];
    if let Some(newline) = rest.find('\n') {
        if text[line_start..item.range.start].trim().is_empty() && rest[..newline].trim().is_empty()
        {
            return Some(Edit::delete(line_start..end + newline + 1));
        }
    }
    Some(Edit::delete(item.range.start..end))
}

/// The text between the quotes when `range` is one string literal.
pub fn string_literal(text: &str, range: &ByteRange) -> Option<ByteRange> {
    let bytes = text.as_bytes();
    if !matches!(bytes.get(range.start), Some(b'\'' | b'"')) {
        return None;
    }
    (string_end(bytes, range.start)? == range.end).then(|| range.start + 1..range.end - 1)
}

/// The arguments of the call whose body (`config(…)`) starts at `body_start`.
pub fn call_arguments(text: &str, body: &ByteRange) -> Option<Items> {
    let open = text[body.clone()].find('(')? + body.start;
    let items = split(text, open)?;
    // `config({...})`: the dict's entries are the arguments.
    match items.items.as_slice() {
        [only] if only.key.is_none() && text[only.range.clone()].starts_with('{') => {
            split(text, only.range.start)
        }
        _ => Some(items),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str, edit: Edit) -> String {
        format!(
            "{}{}{}",
            &text[..edit.range.start],
            edit.replacement,
            &text[edit.range.end..]
        )
    }

    fn remove(text: &str, key: &str) -> String {
        let body = 0..text.len();
        let items = call_arguments(text, &body).unwrap();
        let i = items
            .items
            .iter()
            .position(|it| it.key.as_deref() == Some(key))
            .unwrap();
        apply(text, removal(text, &items, i).unwrap())
    }

    #[test]
    fn removes_an_argument_and_one_comma() {
        assert_eq!(
            remove(
                "config(materialized='table', indexes=[{'columns': ['a']}])",
                "indexes"
            ),
            "config(materialized='table')"
        );
        assert_eq!(
            remove("config(indexes=[], materialized='table')", "indexes"),
            "config(materialized='table')"
        );
        assert_eq!(
            remove(
                "config(a=1,\n    indexes=[\n      {'columns': ['a']}\n    ],\n    b=2\n)",
                "indexes"
            ),
            "config(a=1,\n    b=2\n)"
        );
        assert_eq!(
            remove("config(\n    a=1,\n    indexes=[],\n)", "indexes"),
            "config(\n    a=1\n)"
        );
        assert_eq!(
            remove("config(\n    unlogged=true\n)", "unlogged"),
            "config(\n)"
        );
        assert_eq!(
            remove(
                "config({'materialized': 'table', \"indexes\": []})",
                "indexes"
            ),
            "config({'materialized': 'table'})"
        );
    }

    #[test]
    fn keys_are_not_comparisons_or_strings() {
        let text = "config(x=a == b, post_hook='indexes=1', meta={'indexes': 1})";
        let items = call_arguments(text, &(0..text.len())).unwrap();
        let keys: Vec<_> = items.items.iter().map(|i| i.key.clone()).collect();
        assert_eq!(
            keys,
            vec![
                Some("x".to_string()),
                Some("post_hook".to_string()),
                Some("meta".to_string())
            ]
        );
    }
}
