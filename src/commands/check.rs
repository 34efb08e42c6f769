//! `pg2sf check`: not built yet.

use std::process::ExitCode;

use clap::Args;

use super::Fatal;

#[derive(Args)]
pub struct CheckArgs {}

pub fn run(_args: CheckArgs) -> Result<ExitCode, Fatal> {
    Err(Fatal("`pg2sf check` is not available yet".to_string()))
}
