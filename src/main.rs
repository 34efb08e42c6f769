use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use pg2sf::convert::Status;
use pg2sf::project::{convert_project, write_atomic, ConvertOptions, Fatal};
use pg2sf::report;

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
    Convert {
        /// The dbt project (with dbt_project.yml) or folder of .sql files.
        src: PathBuf,
        /// Where the converted project is written.
        #[arg(long)]
        out: PathBuf,
        /// Where report.json and report.md are written [default: <OUT>-report].
        #[arg(long)]
        report: Option<PathBuf>,
        /// Worker threads [default: one per core].
        #[arg(long)]
        jobs: Option<usize>,
        /// Write into non-empty output and report folders.
        #[arg(long)]
        force: bool,
    },
    /// List the rules.
    Rules,
    /// Show a rule's documentation.
    Explain {
        /// A rule code, e.g. PG301.
        code: String,
    },
}

fn main() -> ExitCode {
    if !std::io::stdout().is_terminal() || std::env::var_os("NO_COLOR").is_some() {
        colored::control::set_override(false);
    }
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Fatal(message)) => {
            eprintln!("pg2sf: error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Writes to stdout; a closed pipe (`pg2sf rules | head`) is not an error.
fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
}

fn run(cli: Cli) -> Result<ExitCode, Fatal> {
    match cli.command {
        Command::Convert {
            src,
            out,
            report: report_dir,
            jobs,
            force,
        } => {
            let report_dir = report_dir.unwrap_or_else(|| {
                let mut name = out
                    .file_name()
                    .map(|n| n.to_os_string())
                    .unwrap_or_default();
                name.push("-report");
                out.with_file_name(name)
            });
            let result = convert_project(&ConvertOptions {
                src,
                out,
                report: report_dir.clone(),
                jobs,
                force,
            })?;
            write_atomic(
                &report_dir.join("report.json"),
                report::to_json(&result).as_bytes(),
            )?;
            write_atomic(
                &report_dir.join("report.md"),
                report::markdown::render(&result).as_bytes(),
            )?;
            emit(&format!(
                "{}report: {}\n",
                report::terminal::render(&result),
                report_dir.join("report.md").display()
            ));
            let failed = result
                .files
                .iter()
                .any(|f| matches!(f.status, Status::Unconvertible | Status::Error));
            Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Rules => {
            let mut table = format!("{:<7} {:<14} {:<36} summary\n", "code", "category", "name");
            for rule in pg2sf::rules::registry() {
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
        Command::Explain { code } => match pg2sf::rules::find(&code) {
            Some(rule) => {
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
            None => Err(Fatal(format!(
                "no rule with code `{code}`; `pg2sf rules` lists them"
            ))),
        },
    }
}
