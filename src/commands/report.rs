//! `pg2sf report REPORT_JSON [--out DIR]`: rebuilds `index.html` and
//! `report.md` from a `report.json` alone (it holds every SQL file's text
//! before and after), e.g. after a newer pg2sf improved the pages.

use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{emit, Fatal};
use crate::project::{write_atomic, write_atomic_streamed};
use crate::report::{html, markdown, Report};

#[derive(Args)]
pub struct ReportArgs {
    /// The report.json written by `pg2sf convert`.
    pub report_json: PathBuf,
    /// Where index.html and report.md are written [default: the folder of REPORT_JSON].
    #[arg(long)]
    pub out: Option<PathBuf>,
}

pub fn run(args: ReportArgs) -> Result<ExitCode, Fatal> {
    let text = fs::read_to_string(&args.report_json)
        .map_err(|e| Fatal(format!("{}: {e}", args.report_json.display())))?;
    let report = Report::from_json(&text).map_err(|e| {
        Fatal(format!(
            "{}: not a pg2sf report.json: {e}",
            args.report_json.display()
        ))
    })?;
    let dir = match args.out {
        Some(dir) => dir,
        None => match args.report_json.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        },
    };
    write_pages(&report, &dir)?;
    emit(&format!(
        "{}\n{}\n",
        dir.join("index.html").display(),
        dir.join("report.md").display()
    ));
    Ok(ExitCode::SUCCESS)
}

/// Writes the reviewer's pages of a report into `dir`.
pub fn write_pages(report: &Report, dir: &std::path::Path) -> Result<(), Fatal> {
    let (html, markdown) = rayon::join(
        || {
            write_atomic_streamed(&dir.join("index.html"), None, &mut |out| {
                html::render_to(report, out)
            })
        },
        || write_atomic(&dir.join("report.md"), markdown::render(report).as_bytes()),
    );
    html.and(markdown)
}
