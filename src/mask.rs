//! Turns a templated model into plain SQL texts the parser accepts, without
//! moving a byte: every masked text has the length and line breaks of the
//! original, so an offset found in it is an offset in the file.
//!
//! * an expression in a SQL position (`{{ ref('x') }}`, `{{ this }}`, …) becomes
//!   an identifier of underscores of the same length;
//! * statements, comments and `{{ config(…) }}` become blanks;
//! * the bodies of `{% macro %}`, `{% test %}`, `{% call %}` and block
//!   `{% set %}` are separate *fragments*, each parsed on its own;
//! * when the text of an `{% if %}…{% else %}…{% endif %}` does not parse with
//!   every branch present, each branch choice is a *variant* of its own.

use crate::jinja::{JinjaKind, JinjaRegion};
use crate::source::ByteRange;

/// Where a fragment's SQL comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FragmentKind {
    /// The model (or snapshot, analysis, test) text outside any block.
    Model,
    /// The body of `{% macro name %}` or `{% test name %}`.
    Macro(String),
    /// The body of a block `{% set name %}` or `{% call %}`.
    Block(String),
}

/// One independently parsed piece of SQL in a file.
#[derive(Debug, Clone)]
pub struct Fragment {
    pub kind: FragmentKind,
    /// Where the fragment's text lies (for a model, the whole file).
    pub range: ByteRange,
    /// Ranges inside `range` that belong to other fragments.
    pub holes: Vec<ByteRange>,
    /// `{% if %}` blocks of this fragment, each a list of branch bodies.
    pub if_blocks: Vec<IfBlock>,
}

#[derive(Debug, Clone)]
pub struct IfBlock {
    pub branches: Vec<ByteRange>,
    pub has_else: bool,
}

/// Jinja of a file, masked once; fragments and variants are derived from it.
pub struct MaskedFile {
    /// The whole file with every Jinja region masked.
    pub masked: String,
    pub fragments: Vec<Fragment>,
    /// Expressions alone on their lines that are not `ref`/`source`/`var`/`this`:
    /// they may render a whole query.
    pub standalone: Vec<ByteRange>,
}

const BLOCK_TAGS: &[(&str, &str)] = &[
    ("macro", "endmacro"),
    ("test", "endtest"),
    ("materialization", "endmaterialization"),
    ("call", "endcall"),
    ("set", "endset"),
];

/// Expressions that render nothing in the SQL.
const SILENT_CALLS: &[&str] = &["config", "log", "print", "do"];

pub fn mask_file(text: &str, regions: &[JinjaRegion]) -> MaskedFile {
    let mut masked = text.as_bytes().to_vec();
    for r in regions {
        let placeholder =
            r.kind == JinjaKind::Expression && !SILENT_CALLS.contains(&r.tag.as_str());
        fill(
            &mut masked,
            r.range.clone(),
            if placeholder { b'_' } else { b' ' },
        );
        if placeholder && after_in(text, r.range.start) && !text[r.range.clone()].contains('\n') {
            // `in {{ codes }}` renders `('a', 'b')`.
            masked[r.range.start] = b'(';
            masked[r.range.end - 1] = b')';
        }
    }
    // Only ASCII bytes were written over whole regions, and regions start and
    // end on ASCII delimiters, so the text stays valid UTF-8.
    let masked = String::from_utf8(masked)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    let standalone = regions
        .iter()
        .filter(|r| {
            r.kind == JinjaKind::Expression
                && !SILENT_CALLS.contains(&r.tag.as_str())
                && !NAME_CALLS.contains(&r.tag.as_str())
                && alone_on_line(text, &r.range)
        })
        .map(|r| r.range.clone())
        .collect();
    MaskedFile {
        masked,
        fragments: fragments(text, regions),
        standalone,
    }
}

/// Expressions that always render a name or a value.
const NAME_CALLS: &[&str] = &["ref", "source", "var", "this", "env_var"];

/// Whether only blanks, or an opening and a closing parenthesis, share the
/// expression's first and last lines: `{{ dedupe(…) }}` or `({{ dedupe(…) }})`.
fn alone_on_line(text: &str, range: &ByteRange) -> bool {
    let before = text[..range.start].rsplit('\n').next().unwrap_or("");
    let after = text[range.end..].split('\n').next().unwrap_or("");
    let before = before.trim();
    let after = after.trim();
    (before.is_empty() || before == "(") && (after.is_empty() || after == ")" || after == ");")
}

/// Whether the expression is the right side of `IN`, where it must render a
/// parenthesised list.
fn after_in(text: &str, start: usize) -> bool {
    // Split on characters, not bytes: the text before may end in any letter.
    let last_word = text[..start]
        .trim_end()
        .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .next()
        .unwrap_or("");
    last_word.eq_ignore_ascii_case("in")
}

/// Overwrites a range with `with`, keeping line breaks. For placeholders, only
/// the first line is an identifier; later lines become blanks so the
/// placeholder stays one token.
fn fill(bytes: &mut [u8], range: ByteRange, with: u8) {
    let mut current = with;
    let mut at = range.start;
    // A line at a time: a macro's variants blank most of the file each.
    while at < range.end {
        let line_end =
            memchr::memchr2(b'\n', b'\r', &bytes[at..range.end]).map_or(range.end, |i| at + i);
        bytes[at..line_end].fill(current);
        current = b' ';
        at = line_end + 1;
    }
}

fn is_block_set(text: &str, r: &JinjaRegion) -> bool {
    r.tag == "set" && !text[r.body.clone()].contains('=')
}

fn fragments(text: &str, regions: &[JinjaRegion]) -> Vec<Fragment> {
    let mut frags = vec![Fragment {
        kind: FragmentKind::Model,
        range: 0..text.len(),
        holes: vec![],
        if_blocks: vec![],
    }];
    // Stack of (fragment index, closing tag) for open blocks.
    let mut open: Vec<(usize, &str, usize)> = vec![(0, "", 0)];
    // Stack of if blocks per open fragment: (fragment, branches, branch start, has_else).
    let mut ifs: Vec<(usize, Vec<ByteRange>, usize, bool)> = vec![];
    for r in regions.iter().filter(|r| r.kind == JinjaKind::Statement) {
        let current = open.last().map(|o| o.0).unwrap_or(0);
        let tag = r.tag.as_str();
        if let Some((_, end)) = BLOCK_TAGS.iter().find(|(start, _)| *start == tag) {
            if tag != "set" || is_block_set(text, r) {
                let name = text[r.body.clone()]
                    .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .filter(|w| !w.is_empty())
                    .nth(1)
                    .unwrap_or("")
                    .to_string();
                let kind = if tag == "macro" || tag == "test" || tag == "materialization" {
                    FragmentKind::Macro(name)
                } else {
                    FragmentKind::Block(name)
                };
                frags.push(Fragment {
                    kind,
                    range: r.range.end..r.range.end,
                    holes: vec![],
                    if_blocks: vec![],
                });
                open.push((frags.len() - 1, end, r.range.start));
                continue;
            }
        }
        if open.len() > 1 && open.last().map(|o| o.1) == Some(tag) {
            if let Some((idx, _, outer_start)) = open.pop() {
                frags[idx].range.end = r.range.start;
                let parent = open.last().map(|o| o.0).unwrap_or(0);
                frags[parent].holes.push(outer_start..r.range.end);
            }
            continue;
        }
        match tag {
            "if" => ifs.push((current, vec![], r.range.end, false)),
            "elif" | "else" => {
                if let Some(top) = ifs.last_mut() {
                    top.1.push(top.2..r.range.start);
                    top.2 = r.range.end;
                    top.3 |= tag == "else";
                }
            }
            "endif" => {
                if let Some((frag, mut branches, start, has_else)) = ifs.pop() {
                    branches.push(start..r.range.start);
                    frags[frag].if_blocks.push(IfBlock { branches, has_else });
                }
            }
            _ => {}
        }
    }
    frags
}

/// A masked text of one fragment with one choice of `{% if %}` branches.
#[derive(Debug, Clone)]
pub struct Variant {
    pub fragment: usize,
    /// `None`: every branch present; `Some(k)`: branch k of every if block.
    pub branch: Option<usize>,
    pub text: String,
}

/// Number of distinct branch choices worth trying for a fragment.
pub fn branch_choices(fragment: &Fragment) -> usize {
    fragment
        .if_blocks
        .iter()
        .map(|b| b.branches.len() + usize::from(!b.has_else))
        .max()
        .unwrap_or(0)
}

/// The masked text of `fragment` with everything outside it blanked, and with
/// `branch` chosen in every if block (the last branch when a block has fewer;
/// no branch for a block without `else` once its branches are used up).
pub fn variant(
    file: &MaskedFile,
    fragment: usize,
    branch: Option<usize>,
    blank_standalone: bool,
) -> Variant {
    let frag = &file.fragments[fragment];
    let mut bytes = file.masked.as_bytes().to_vec();
    if blank_standalone {
        // Such a call renders a query more often than anything else (a
        // dbt_utils.deduplicate after the CTEs, a macro that is the model).
        const QUERY: &[u8] = b"select 1";
        for r in &file.standalone {
            fill(&mut bytes, r.clone(), b' ');
            // The query goes on the first line of the region with room for it.
            let mut line_start = r.start;
            for i in r.start..=r.end {
                if i == r.end || bytes[i] == b'\n' || bytes[i] == b'\r' {
                    if i - line_start >= QUERY.len() {
                        bytes[line_start..line_start + QUERY.len()].copy_from_slice(QUERY);
                        break;
                    }
                    line_start = i + 1;
                }
            }
        }
    }
    let len = bytes.len();
    fill(&mut bytes, 0..frag.range.start, b' ');
    fill(&mut bytes, frag.range.end..len, b' ');
    for hole in &frag.holes {
        fill(&mut bytes, hole.clone(), b' ');
    }
    if let Some(k) = branch {
        for block in &frag.if_blocks {
            let chosen = if k < block.branches.len() {
                Some(k)
            } else if block.has_else {
                Some(block.branches.len() - 1)
            } else {
                None
            };
            for (i, b) in block.branches.iter().enumerate() {
                if Some(i) != chosen {
                    fill(&mut bytes, b.clone(), b' ');
                }
            }
        }
    }
    Variant {
        fragment,
        branch,
        text: String::from_utf8(bytes).unwrap_or_default(),
    }
}

/// Writes `select` into the blanks just before a macro body so that a body that
/// is an expression (`({{ col }} / 100)::numeric`) parses as a query; returns
/// `None` when there is no room.
pub fn as_select_expression(variant: &Variant, body_start: usize) -> Option<String> {
    const PREFIX: &str = "select ";
    let bytes = variant.text.as_bytes();
    let head = bytes.get(..body_start)?;
    if head.iter().any(|b| !b.is_ascii_whitespace()) {
        return None;
    }
    let mut run = 0;
    for i in (0..body_start).rev() {
        if bytes[i] == b' ' {
            run += 1;
            if run == PREFIX.len() {
                let mut out = bytes.to_vec();
                out[i..i + PREFIX.len()].copy_from_slice(PREFIX.as_bytes());
                return String::from_utf8(out).ok();
            }
        } else {
            run = 0;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jinja::scan;

    #[test]
    fn masking_keeps_every_offset() {
        let text = "{{ config(materialized='view') }}\nselect * from {{ ref('orders') }}\n{# note\nmore #}where {{ var(\"x\") }} = 1";
        let regions = scan(text).unwrap();
        let file = mask_file(text, &regions);
        assert_eq!(file.masked.len(), text.len());
        let expected: String = text
            .replace("{{ config(materialized='view') }}", &" ".repeat(33))
            .replace("{{ ref('orders') }}", &"_".repeat(19))
            .replace("{# note\nmore #}", "       \n       ")
            .replace("{{ var(\"x\") }}", &"_".repeat(14));
        assert_eq!(file.masked, expected);
    }

    #[test]
    fn macro_bodies_are_fragments() {
        let text = "{% macro cents(col) %}({{ col }} / 100)::numeric{% endmacro %}\n";
        let regions = scan(text).unwrap();
        let file = mask_file(text, &regions);
        assert_eq!(file.fragments.len(), 2);
        assert_eq!(file.fragments[1].kind, FragmentKind::Macro("cents".into()));
        let v = variant(&file, 1, None, false);
        assert_eq!(v.text.trim(), "(_________ / 100)::numeric");
        let top = variant(&file, 0, None, false);
        assert!(top.text.trim().is_empty());
        let sel = as_select_expression(&v, file.fragments[1].range.start).unwrap();
        assert_eq!(sel.trim(), "select (_________ / 100)::numeric");
    }

    #[test]
    fn if_else_branches_become_variants() {
        let text = "select * from {% if dev %} a limit 10 {% else %} b {% endif %}";
        let regions = scan(text).unwrap();
        let file = mask_file(text, &regions);
        assert_eq!(branch_choices(&file.fragments[0]), 2);
        let first = variant(&file, 0, Some(0), false);
        assert_eq!(
            first.text.split_whitespace().collect::<Vec<_>>(),
            ["select", "*", "from", "a", "limit", "10"]
        );
        let second = variant(&file, 0, Some(1), false);
        assert_eq!(
            second.text.split_whitespace().collect::<Vec<_>>(),
            ["select", "*", "from", "b"]
        );
    }
}
