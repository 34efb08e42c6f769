//! The subcommands of the `pg2sf` binary, one file each: its arguments (a
//! clap `Args` struct) and what it does. Each returns the process exit code.

use std::process::ExitCode;

pub mod check;
pub mod convert;
pub mod fix;
pub mod report;
pub mod rules;
pub mod verify;

pub use crate::project::Fatal;

/// Writes to stdout; a closed pipe (`pg2sf rules | head`) is not an error.
pub fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
}

/// Exit code 1 when `failed`, else 0.
pub fn exit_code(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
