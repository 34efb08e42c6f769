//! `pg2sf fix [PATHS…]`: rewrites Postgres-only SQL in place, atomically,
//! in files that parse; reports what remains. Exit code 0 when nothing
//! remains, 1 otherwise (with `--diff`: 1 when a file would change), 2 on
//! usage or I/O errors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::check::{each, inputs, read, read_stdin, LintOptions};
use super::{emit, exit_code, Fatal};
use crate::lint::files::{Input, Source};
use crate::lint::output::{self, count};
use crate::lint::{check_text, file_error, fix_text, unified_diff, with_bom, FileFindings, Text};
use crate::project::write_atomic;

#[derive(Args)]
pub struct FixArgs {
    /// Files or folders (searched for .sql files); `-` reads standard input
    /// and writes the fixed text to standard output [default: .]
    pub paths: Vec<PathBuf>,
    /// Also make `review` rewrites, whose result can differ in an edge case.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the unified diff of the fixes and write nothing.
    #[arg(long)]
    pub diff: bool,
    #[command(flatten)]
    pub options: LintOptions,
}

/// What `fix` did to one input.
struct FileFix {
    /// What remains in the fixed text.
    remaining: FileFindings,
    fixed: usize,
    /// The text before and after, when it changed.
    change: Option<(String, String)>,
    /// The text as it is now (with its byte-order mark), for standard output.
    written: String,
    write_error: Option<Fatal>,
}

pub fn run(args: FixArgs) -> Result<ExitCode, Fatal> {
    let options = &args.options;
    let inputs = inputs(&args.paths, options)?;
    let stdin = read_stdin(&inputs)?;
    let results = each(&inputs, |input| {
        fix_input(input, stdin.as_deref(), args.unsafe_fixes, args.diff)
    });
    let errors: Vec<String> = results
        .iter()
        .filter_map(|r| r.write_error.as_ref().map(|e| e.0.clone()))
        .collect();
    let fixed: usize = results.iter().map(|r| r.fixed).sum();
    let changed = results.iter().filter(|r| r.change.is_some()).count();
    let remaining: Vec<FileFindings> = results
        .iter()
        .map(|r| r.remaining.clone())
        .filter(|f| !f.findings.is_empty())
        .collect();
    let left = remaining.iter().map(|f| f.findings.len()).sum::<usize>();
    let to_stdin = inputs.iter().any(|i| matches!(i.source, Source::Stdin));

    if args.diff {
        let diffs: String = results
            .iter()
            .filter_map(|r| {
                let (before, after) = r.change.as_ref()?;
                Some(unified_diff(&r.remaining.path, before, after))
            })
            .collect();
        emit(&diffs);
        eprint!(
            "{}",
            if fixed == 0 {
                "No fixes available.\n".to_string()
            } else {
                format!(
                    "Would fix {} in {}.\n",
                    count(fixed, "finding"),
                    count(changed, "file")
                )
            }
        );
        return finish(errors, exit_code(changed > 0 && !options.exit_zero));
    }

    let mut report = String::new();
    if options.statistics {
        report += &output::statistics(&remaining);
    } else {
        report += &output::render(options.output_format, &remaining);
    }
    if options.output_format.is_prose() {
        report += &format!(
            "Fixed {} in {}; {}",
            count(fixed, "finding"),
            count(changed, "file"),
            output::remaining(&remaining)
        );
    }
    if to_stdin {
        // Standard output carries the fixed text (as an editor expects).
        if let Some(r) = results.first() {
            emit(&r.written);
        }
        eprint!("{report}");
    } else {
        emit(&report);
    }
    finish(errors, exit_code(left > 0 && !options.exit_zero))
}

fn finish(errors: Vec<String>, code: ExitCode) -> Result<ExitCode, Fatal> {
    if errors.is_empty() {
        Ok(code)
    } else {
        Err(Fatal(errors.join("\n")))
    }
}

fn fix_input(input: &Input, stdin: Option<&[u8]>, unsafe_fixes: bool, diff: bool) -> FileFix {
    let selection = input.settings.selection_for(&input.abs);
    let (bom, body) = match read(input, stdin) {
        Text::Sql { bom, body } => (bom, body),
        Text::Unreadable(message) => {
            let findings = if selection.selects("E005") {
                vec![file_error("E005", message)]
            } else {
                vec![]
            };
            return FileFix {
                remaining: FileFindings {
                    path: input.display.clone(),
                    source: String::new(),
                    findings,
                },
                fixed: 0,
                change: None,
                written: String::new(),
                write_error: None,
            };
        }
    };
    let result = fix_text(&body, &selection, unsafe_fixes);
    let mut write_error = None;
    let (after, change) = match result.output {
        Some(after) => {
            if let (Source::File(path), false) = (&input.source, diff) {
                write_error = write_atomic(path, with_bom(bom, &after).as_bytes()).err();
            }
            (after.clone(), Some((body, after)))
        }
        None => (body, None),
    };
    FileFix {
        remaining: FileFindings {
            path: input.display.clone(),
            findings: check_text(&after, &selection),
            source: after.clone(),
        },
        fixed: result.fixed,
        change,
        written: with_bom(bom, &after),
        write_error,
    }
}
