//! `pg2sf verify`: not built yet.

use std::process::ExitCode;

use clap::Args;

use super::Fatal;

#[derive(Args)]
pub struct VerifyArgs {}

pub fn run(_args: VerifyArgs) -> Result<ExitCode, Fatal> {
    Err(Fatal("`pg2sf verify` is not available yet".to_string()))
}
