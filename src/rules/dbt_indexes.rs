//! PG701: the dbt-postgres `indexes` config in a model's `{{ config(…) }}`.

use super::{docs, meta, Category, Finding, Rule, RuleContext, RuleMeta};
use crate::jinja::JinjaKind;
use crate::mask;
use crate::source::ByteRange;

const MESSAGE: &str = "`indexes` is a dbt-postgres config; dbt-snowflake ignores it: remove it, or use `cluster_by` for large tables";

pub struct DbtIndexes {
    meta: RuleMeta,
}

impl DbtIndexes {
    pub fn new() -> Self {
        DbtIndexes {
            meta: meta(
                "PG701",
                "dbt-indexes-config",
                "`indexes=[…]` in config() is a dbt-postgres option that dbt-snowflake ignores",
                Category::Review,
                docs(
                    "Reports the `indexes` argument of a model's `{{ config(…) }}` call (as `indexes=[…]` or as an `'indexes'` key of a config dict). Nothing is rewritten: Jinja stays byte-identical.",
                    "dbt-postgres creates the listed indexes after it builds a table, incremental model, seed, snapshot or materialized view. Snowflake has no indexes; dbt-snowflake does not know the option and silently ignores it, so the config is dead weight that suggests a tuning which no longer happens. Snowflake's nearest tool for large tables is a clustering key, set in dbt with `cluster_by`.",
                    "`{{ config(materialized='table', indexes=[{'columns': ['customer_id']}]) }}` is reported at `indexes`; remove the argument, or for a large table replace it with `cluster_by=['customer_id']`.",
                    "Review, no edit: the model builds and returns the same rows; only the lookups the indexes sped up in PostgreSQL lose them. Clustering has a cost of its own, so it is a choice, not a rewrite.",
                    "https://docs.getdbt.com/reference/resource-configs/postgres-configs#indexes ; https://docs.getdbt.com/reference/resource-configs/snowflake-configs#configuring-table-clustering ; https://docs.snowflake.com/en/user-guide/tables-clustering-keys",
                ),
            ),
        }
    }
}

/// Whether the variant being checked is one of the model fragment's, whose
/// `{{ config(…) }}` this is: a macro or block variant blanks the model's own
/// text (everything outside the macro and block bodies), a model variant
/// keeps it. A model with no SQL of its own counts when the text is all blank.
fn is_model_variant(cx: &RuleContext) -> bool {
    let file = mask::mask_file(cx.original, cx.jinja);
    let Some(model) = file.fragments.first() else {
        return false;
    };
    let bytes = cx.text.as_bytes();
    let in_hole = |i: usize| model.holes.iter().any(|h| h.contains(&i));
    let mut any = false;
    for (i, b) in bytes.iter().enumerate() {
        if !b.is_ascii_whitespace() {
            if !in_hole(i) {
                return true;
            }
            any = true;
        }
    }
    !any
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Where the `indexes` option is in a config call's text: a keyword argument
/// `indexes=` at the call's top level, or a dict key `'indexes':` one level in.
/// Offsets are relative to `body`.
fn find_indexes(body: &str) -> Option<ByteRange> {
    let bytes = body.as_bytes();
    // Nesting of (), [] and {}; the config call's parentheses are depth 1.
    let mut depth = 0usize;
    // Depth of the dict passed as config's argument (`config({...})`), if any.
    let mut config_dict = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'{' => {
                depth += 1;
                let prev = body[..i].trim_end().bytes().last();
                if depth == 2 && prev == Some(b'(') {
                    config_dict = Some(depth);
                }
            }
            b'(' | b'[' => depth += 1,
            b')' | b']' | b'}' => {
                if config_dict == Some(depth) {
                    config_dict = None;
                }
                depth = depth.saturating_sub(1);
            }
            b'\'' | b'"' => {
                let start = i;
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != b {
                    if bytes[j] == b'\\' {
                        j += 1;
                    }
                    j += 1;
                }
                let end = (j + 1).min(bytes.len());
                let key = body.get(start + 1..j).unwrap_or("");
                if config_dict == Some(depth) && key == "indexes" {
                    let after = body.get(end..).unwrap_or("").trim_start();
                    if after.starts_with(':') {
                        return Some(start..end);
                    }
                }
                i = end;
                continue;
            }
            _ if depth == 1
                && body[i..].starts_with("indexes")
                && (i == 0 || !is_ident_byte(bytes[i - 1])) =>
            {
                let end = i + "indexes".len();
                let after = body.get(end..).unwrap_or("");
                let next = after.trim_start();
                if !after.bytes().next().is_some_and(is_ident_byte)
                    && next.starts_with('=')
                    && !next.starts_with("==")
                {
                    return Some(i..end);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

impl Rule for DbtIndexes {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check_tokens(&self, cx: &RuleContext, out: &mut Vec<Finding>) {
        let configs: Vec<_> = cx
            .jinja
            .iter()
            .filter(|r| r.kind == JinjaKind::Expression && r.tag == "config")
            .collect();
        if configs.is_empty() || !is_model_variant(cx) {
            return;
        }
        for region in configs {
            let Some(body) = cx.original.get(region.body.clone()) else {
                continue;
            };
            if let Some(found) = find_indexes(body) {
                let start = region.body.start + found.start;
                let end = region.body.start + found.end;
                out.push(Finding::new(&self.meta, start..end, MESSAGE));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::find_indexes;

    fn found(body: &str) -> Option<&str> {
        find_indexes(body).map(|r| &body[r])
    }

    #[test]
    fn finds_the_keyword_argument_and_the_dict_key() {
        assert_eq!(
            found("config(materialized='table', indexes=[{'columns': ['a']}])"),
            Some("indexes")
        );
        assert_eq!(
            found("config({'materialized': 'table', \"indexes\": []})"),
            Some("\"indexes\"")
        );
        assert_eq!(found("config(indexes = [])"), Some("indexes"));
    }

    #[test]
    fn ignores_look_alikes() {
        assert_eq!(found("config(materialized='table')"), None);
        assert_eq!(found("config(post_hook='create indexes=1')"), None);
        assert_eq!(found("config(my_indexes=[])"), None);
        assert_eq!(found("config(meta={'indexes': []})"), None);
        assert_eq!(found("config(x=indexes == 1)"), None);
    }
}
