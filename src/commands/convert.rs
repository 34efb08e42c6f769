//! `pg2sf convert SRC --out DST`: the bulk port of a whole project.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{emit, exit_code, Fatal};
use crate::convert::Status;
use crate::project::{convert_project, write_atomic_streamed, ConvertOptions};
use crate::report;
use crate::rules::{IdentifierCase, Settings};

#[derive(Args)]
pub struct ConvertArgs {
    /// The dbt project (with dbt_project.yml) or folder of .sql files.
    pub src: PathBuf,
    /// Where the converted project is written.
    #[arg(long)]
    pub out: PathBuf,
    /// Where report.json, index.html and report.md are written [default: <OUT>-report].
    #[arg(long)]
    pub report: Option<PathBuf>,
    /// Worker threads [default: one per core].
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Write into non-empty output and report folders.
    #[arg(long)]
    pub force: bool,
    /// Dispatched macros with only a `postgres__` variant: `keep` converts
    /// and reports them; `add-snowflake-variants` keeps them and writes a
    /// converted `snowflake__` twin beside each.
    #[arg(long, value_enum, default_value = "keep")]
    pub macros: crate::dbt::macros::MacroVariants,
    /// Quoted identifiers: `fold` unquotes lower-case names (`"user_id"` →
    /// `user_id`) and upper-cases Snowflake-reserved ones, flagging mixed-case
    /// names; `upper` upper-cases every quoted name; `preserve` leaves them.
    #[arg(long, value_name = "fold|upper|preserve", default_value = "fold")]
    pub identifier_case: IdentifierCase,
}

pub fn run(args: ConvertArgs) -> Result<ExitCode, Fatal> {
    let report_dir = args.report.unwrap_or_else(|| {
        let mut name = args
            .out
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_default();
        name.push("-report");
        args.out.with_file_name(name)
    });
    let result = convert_project(&ConvertOptions {
        src: args.src,
        out: args.out,
        report: report_dir.clone(),
        jobs: args.jobs,
        force: args.force,
        macros: args.macros,
        settings: Settings {
            identifier_case: args.identifier_case,
        },
    })?;
    let failed = result
        .files
        .iter()
        .any(|f| matches!(f.status, Status::Unconvertible | Status::Error));
    // The report takes the texts over; each page is written as it is made.
    let pages = report::Report::from_project(result);
    // report.json and the pages are written side by side, on as many threads
    // as the conversion had.
    // The terminal summary is made meanwhile.
    let write_report = || {
        let ((json, html), terminal) = rayon::join(
            || {
                rayon::join(
                    || {
                        write_atomic_streamed(&report_dir.join("report.json"), None, &mut |out| {
                            pages.write_json(out)
                        })
                    },
                    || super::report::write_pages(&pages, &report_dir),
                )
            },
            || report::terminal::render(&pages),
        );
        json.and(html).map(|()| terminal)
    };
    let terminal = match args.jobs {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
            .map_err(|e| Fatal(format!("cannot start {n} worker threads: {e}")))?
            .install(write_report)?,
        None => write_report()?,
    };
    emit(&format!(
        "{terminal}report: {}\n",
        report_dir.join("index.html").display()
    ));
    Ok(exit_code(failed))
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::ConvertArgs;
    use crate::rules::IdentifierCase;

    #[derive(Parser)]
    struct Command {
        #[command(flatten)]
        args: ConvertArgs,
    }

    fn identifier_case(extra: &[&str]) -> Result<IdentifierCase, clap::Error> {
        let argv = ["pg2sf", "src", "--out", "dst"].iter().chain(extra);
        Command::try_parse_from(argv).map(|c| c.args.identifier_case)
    }

    #[test]
    fn identifier_case_defaults_to_fold() {
        assert_eq!(identifier_case(&[]).unwrap(), IdentifierCase::Fold);
        assert_eq!(
            identifier_case(&["--identifier-case", "upper"]).unwrap(),
            IdentifierCase::Upper
        );
        assert_eq!(
            identifier_case(&["--identifier-case=preserve"]).unwrap(),
            IdentifierCase::Preserve
        );
        assert!(identifier_case(&["--identifier-case", "lower"]).is_err());
    }
}
