//! `pg2sf check [PATHS…]`: reports Postgres-only SQL, for pre-commit, CI and
//! editors. Exit code 0 when clean, 1 with findings, 2 on usage or I/O errors.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use rayon::prelude::*;

use super::{emit, exit_code, Fatal};
use crate::lint::files::{self, Input, Source};
use crate::lint::output::{self, OutputFormat};
use crate::lint::settings::{Overrides, Resolver};
use crate::lint::{check_text, file_error, FileFindings, Text};

#[derive(Args)]
pub struct CheckArgs {
    /// Files or folders (searched for .sql files); `-` reads standard input [default: .]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub options: LintOptions,
}

/// The options `check` and `fix` share.
#[derive(Args)]
pub struct LintOptions {
    /// Report only these codes or prefixes (`PG3`, `PG301`, `E`); replaces
    /// `select` of pg2sf.toml.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub select: Option<Vec<String>>,
    /// Leave out these codes or prefixes (added to `ignore` of pg2sf.toml).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub ignore: Vec<String>,
    #[arg(long, value_enum, default_value = "human")]
    pub output_format: OutputFormat,
    /// The path of the text read from standard input (`-`): shown in
    /// findings, and used to find pg2sf.toml and apply its globs.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Apply `exclude` of pg2sf.toml to paths given on the command line too
    /// (pre-commit passes every changed file).
    #[arg(long)]
    pub force_exclude: bool,
    /// Print the number of findings per code instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Exit with 0 even when there are findings.
    #[arg(long)]
    pub exit_zero: bool,
}

/// The inputs named by the paths, each with its settings.
pub fn inputs(paths: &[PathBuf], options: &LintOptions) -> Result<Vec<Input>, Fatal> {
    let overrides = Overrides::parse(options.select.as_deref(), &options.ignore)?;
    let mut resolver = Resolver::new(overrides)?;
    files::collect(
        paths,
        options.stdin_filename.as_deref(),
        options.force_exclude,
        &mut resolver,
    )
}

/// Standard input, read once when a path is `-`.
pub fn read_stdin(inputs: &[Input]) -> Result<Option<Vec<u8>>, Fatal> {
    if !inputs.iter().any(|i| matches!(i.source, Source::Stdin)) {
        return Ok(None);
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| Fatal(format!("cannot read standard input: {e}")))?;
    Ok(Some(bytes))
}

/// The text of an input.
pub fn read(input: &Input, stdin: Option<&[u8]>) -> Text {
    match &input.source {
        Source::File(path) => match std::fs::read(path) {
            Ok(bytes) => Text::from_bytes(bytes),
            Err(e) => Text::Unreadable(format!("cannot read: {e}")),
        },
        Source::Stdin => Text::from_bytes(stdin.unwrap_or_default().to_vec()),
        Source::Broken(message) => Text::Unreadable(format!("cannot read: {message}")),
    }
}

/// Maps every input, in parallel when there is more than one (a single file,
/// as from an editor, starts no threads).
pub fn each<T: Send>(inputs: &[Input], work: impl Fn(&Input) -> T + Sync + Send) -> Vec<T> {
    if inputs.len() > 1 {
        inputs.par_iter().map(work).collect()
    } else {
        inputs.iter().map(work).collect()
    }
}

pub fn run(args: CheckArgs) -> Result<ExitCode, Fatal> {
    let options = &args.options;
    let inputs = inputs(&args.paths, options)?;
    let stdin = read_stdin(&inputs)?;
    let files: Vec<FileFindings> = each(&inputs, |input| check_input(input, stdin.as_deref()))
        .into_iter()
        .filter(|f| !f.findings.is_empty())
        .collect();
    let findings = files.iter().map(|f| f.findings.len()).sum::<usize>();
    if options.statistics {
        emit(&output::statistics(&files));
    } else {
        emit(&output::render(options.output_format, &files));
    }
    if options.output_format.is_prose() {
        emit(&output::summary(&files));
    }
    Ok(exit_code(findings > 0 && !options.exit_zero))
}

fn check_input(input: &Input, stdin: Option<&[u8]>) -> FileFindings {
    let selection = input.settings.selection_for(&input.abs);
    let (source, findings) = match read(input, stdin) {
        Text::Sql { body, .. } => {
            let findings = check_text(&body, &selection);
            (body, findings)
        }
        Text::Unreadable(message) => {
            let finding = file_error("E005", message);
            let findings = if selection.selects("E005") {
                vec![finding]
            } else {
                vec![]
            };
            (String::new(), findings)
        }
    };
    FileFindings {
        path: input.display.clone(),
        source,
        findings,
    }
}
