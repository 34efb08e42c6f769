//! dbt beyond the model bodies: the arguments of `{{ config(…) }}` calls, the
//! SQL of hooks, and the YAML files of a project (`dbt_project.yml`,
//! `schema.yml`/properties files, `profiles.yml`, `packages.yml`).
//!
//! Everything here edits text on byte ranges, like the SQL rules: YAML is read
//! line by line for positions (serde_yaml only checks that a file is YAML), so
//! comments, quoting and layout outside an edit come out byte-identical.

pub mod args;
pub mod hooks;
pub mod macros;
pub mod yaml;

use crate::edits::Edit;
use crate::jinja::{JinjaKind, JinjaRegion};

/// Rules that may edit inside a `{{ config(…) }}` call. Every other rewrite
/// that touches Jinja is refused by the pipeline.
const CONFIG_EDITORS: [&str; 3] = ["PG701", "PG702", "PG703"];

/// Whether a finding's edits are the narrow exception to "never touch Jinja":
/// made by a dbt-config rule, and each strictly inside the argument list of
/// one `{{ config(…) }}` expression.
pub fn is_config_edit(code: &str, regions: &[JinjaRegion], edits: &[Edit]) -> bool {
    CONFIG_EDITORS.contains(&code)
        && !edits.is_empty()
        && edits.iter().all(|e| {
            regions.iter().any(|r| {
                r.kind == JinjaKind::Expression
                    && r.tag == "config"
                    && r.body.start < e.range.start
                    && e.range.end < r.body.end
            })
        })
}

/// The one edit that turns `old` (at `at`) into `new`: their common start and
/// end stay untouched.
pub fn minimal_edit(at: usize, old: &str, new: &str) -> Edit {
    let prefix = old
        .char_indices()
        .zip(new.chars())
        .find(|((_, a), b)| a != b)
        .map_or(old.len().min(new.len()), |((i, _), _)| i);
    let max_suffix = old.len().min(new.len()) - prefix;
    let suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    // Back off to a character boundary in both texts.
    let mut suffix = suffix;
    while suffix > 0
        && !(old.is_char_boundary(old.len() - suffix) && new.is_char_boundary(new.len() - suffix))
    {
        suffix -= 1;
    }
    Edit::replace(
        at + prefix..at + old.len() - suffix,
        &new[prefix..new.len() - suffix],
    )
}
