//! `pg2sf report`: not built yet.

use std::process::ExitCode;

use clap::Args;

use super::Fatal;

#[derive(Args)]
pub struct ReportArgs {}

pub fn run(_args: ReportArgs) -> Result<ExitCode, Fatal> {
    Err(Fatal("`pg2sf report` is not available yet".to_string()))
}
