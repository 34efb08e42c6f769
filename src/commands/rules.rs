//! `pg2sf rules` and `pg2sf explain CODE`: the rule documentation.

use std::process::ExitCode;

use clap::Args;

use super::{emit, Fatal};

pub fn list() -> Result<ExitCode, Fatal> {
    let mut table = format!("{:<7} {:<14} {:<36} summary\n", "code", "category", "name");
    for rule in crate::rules::registry() {
        let m = rule.meta();
        table += &format!(
            "{:<7} {:<14} {:<36} {}\n",
            m.code,
            m.category.as_str(),
            m.name,
            m.summary
        );
    }
    emit(&table);
    Ok(ExitCode::SUCCESS)
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
