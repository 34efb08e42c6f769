//! `pg2sf fix`: not built yet.

use std::process::ExitCode;

use clap::Args;

use super::Fatal;

#[derive(Args)]
pub struct FixArgs {}

pub fn run(_args: FixArgs) -> Result<ExitCode, Fatal> {
    Err(Fatal("`pg2sf fix` is not available yet".to_string()))
}
