//! `pg2sf rules` and `pg2sf explain CODE`: the rule documentation.

use std::process::ExitCode;

use clap::Args;

use super::{emit, Fatal};

pub fn list() -> Result<ExitCode, Fatal> {
    let mut table = format!(
        "{:<7} {:<14} {:<7} {:<36} summary\n",
        "code", "category", "fix", "name"
    );
    for rule in crate::rules::registry() {
        let m = rule.meta();
        table += &format!(
            "{:<7} {:<14} {:<7} {:<36} {}\n",
            m.code,
            m.category.as_str(),
            fix_availability(m),
            m.name,
            m.summary
        );
    }
    emit(&table);
    Ok(ExitCode::SUCCESS)
}

/// How `pg2sf fix` treats a rule's rewrites: `safe` ones are applied by
/// default, `unsafe` ones with `--unsafe-fixes`; the pass-through list
/// (PG9xx) and unconvertible rules only report. A rule's individual findings
/// can be more cautious than its default (a review finding of a fix rule).
fn fix_availability(m: &crate::rules::RuleMeta) -> &'static str {
    use crate::rules::Category;
    match m.category {
        _ if m.code.starts_with("PG9") => "none",
        Category::Fix => "safe",
        Category::Review => "unsafe",
        Category::Unconvertible | Category::Error => "none",
    }
}

#[derive(Args)]
pub struct ExplainArgs {
    /// A rule code, e.g. PG301.
    pub code: String,
}

pub fn explain(args: ExplainArgs) -> Result<ExitCode, Fatal> {
    let code = args.code;
    let Some(rule) = crate::rules::find(&code) else {
        return Err(Fatal(format!(
            "no rule with code `{code}`; `pg2sf rules` lists them"
        )));
    };
    let m = rule.meta();
    emit(&format!(
        "# {} {}\n\n{}\n\nCategory: {}\n\n{}\n",
        m.code,
        m.name,
        m.summary,
        m.category.as_str(),
        m.docs
    ));
    Ok(ExitCode::SUCCESS)
}
