use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use pg2sf::commands::{self, Fatal};

// A model's tokens and syntax tree are many small values made and dropped
// per file: with the system allocator, a whole convert took 12–14 % more
// instructions (callgrind, pg_regress and pilotage). Built without
// transparent huge pages (Cargo.toml): with them, every worker's first
// allocations touched 2 MB pages, and a 76-file project peaked at 85 MB
// rather than 30 MB. A 10,000-model convert peaks at about 100 MB (80 MB
// with the system allocator), within the benchmarks' 150 MB budget.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Port a dbt project's PostgreSQL SQL to Snowflake SQL.
#[derive(Parser)]
#[command(name = "pg2sf", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Convert a dbt project (or a folder of .sql files) into a Snowflake project, with a report.
    Convert(commands::convert::ConvertArgs),
    /// Report Postgres-only SQL in files (for pre-commit and CI).
    Check(commands::check::CheckArgs),
    /// Rewrite Postgres-only SQL in place.
    Fix(commands::fix::FixArgs),
    /// Run a model on PostgreSQL and its conversion on a Snowflake emulator, and compare.
    Verify(commands::verify::VerifyArgs),
    /// Render the HTML and Markdown report from an existing report.json.
    Report(commands::report::ReportArgs),
    /// List the rules.
    Rules,
    /// Show a rule's documentation.
    Explain(commands::rules::ExplainArgs),
}

fn main() -> ExitCode {
    if !std::io::stdout().is_terminal() || std::env::var_os("NO_COLOR").is_some() {
        colored::control::set_override(false);
    }
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Convert(args) => commands::convert::run(args),
        Command::Check(args) => commands::check::run(args),
        Command::Fix(args) => commands::fix::run(args),
        Command::Verify(args) => commands::verify::run(args),
        Command::Report(args) => commands::report::run(args),
        Command::Rules => commands::rules::list(),
        Command::Explain(args) => commands::rules::explain(args),
    };
    match result {
        Ok(code) => code,
        Err(Fatal(message)) => {
            eprintln!("pg2sf: error: {message}");
            ExitCode::from(2)
        }
    }
}
