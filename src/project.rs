//! A whole-project conversion: discover → convert every SQL file in parallel →
//! write the output tree → hand the results to the report.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::convert::{convert_text_with_settings, Diagnostic, Status};
use crate::discover::{discover, FileKind};
use crate::rules::{Category, Settings};

/// A usage or I/O problem that stops the run (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Fatal(pub String);

/// What happened to one file of the project.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub path: String,
    pub kind: FileKind,
    pub status: Status,
    pub diagnostics: Vec<Diagnostic>,
    /// Input text of a SQL file (for diffs); empty for copied files.
    pub before: String,
    /// Output text, when it differs from the input (held once otherwise: a
    /// large project keeps every text until the report is written).
    pub after: Option<String>,
}

pub struct ProjectReport {
    pub files: Vec<FileReport>,
}

pub struct ConvertOptions {
    pub src: PathBuf,
    pub out: PathBuf,
    pub report: PathBuf,
    pub jobs: Option<usize>,
    pub force: bool,
    pub macros: crate::dbt::macros::MacroVariants,
    pub settings: Settings,
}

/// The absolute, symlink-free form of a path that may not exist yet.
fn resolve(path: &Path) -> Result<PathBuf, Fatal> {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|e| Fatal(format!("cannot read the current directory: {e}")))?
            .join(path)
    };
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut out = existing
        .canonicalize()
        .map_err(|e| Fatal(format!("{}: {e}", existing.display())))?;
    for name in rest.iter().rev() {
        out.push(name);
    }
    Ok(out)
}

/// Refuses an output or report folder that is the source, lies inside it, or
/// holds the source; or that is a non-empty folder without `--force`.
fn check_target(src: &Path, target: &Path, what: &str, force: bool) -> Result<(), Fatal> {
    if target == src || target.starts_with(src) {
        return Err(Fatal(format!(
            "the {what} folder {} is the source folder or inside it; choose a folder outside {}",
            target.display(),
            src.display()
        )));
    }
    if src.starts_with(target) {
        return Err(Fatal(format!(
            "the {what} folder {} contains the source folder {}",
            target.display(),
            src.display()
        )));
    }
    if target.exists() {
        if !target.is_dir() {
            return Err(Fatal(format!(
                "the {what} path {} is not a folder",
                target.display()
            )));
        }
        let non_empty = fs::read_dir(target)
            .map_err(|e| Fatal(format!("{}: {e}", target.display())))?
            .next()
            .is_some();
        if non_empty && !force {
            return Err(Fatal(format!(
                "the {what} folder {} is not empty; pass --force to write into it",
                target.display()
            )));
        }
    }
    Ok(())
}

pub fn convert_project(opts: &ConvertOptions) -> Result<ProjectReport, Fatal> {
    if !opts.src.is_dir() {
        return Err(Fatal(format!("{}: not a folder", opts.src.display())));
    }
    let src = resolve(&opts.src)?;
    let out = resolve(&opts.out)?;
    let report = resolve(&opts.report)?;
    check_target(&src, &out, "output", opts.force)?;
    check_target(&src, &report, "report", opts.force)?;
    let (files, problems) = discover(&src).map_err(Fatal)?;
    fs::create_dir_all(&out).map_err(|e| Fatal(format!("{}: {e}", out.display())))?;
    // Every output folder is made once, up front, rather than checked again
    // for each of its files on the worker threads.
    let folders: std::collections::BTreeSet<PathBuf> = files
        .iter()
        .filter_map(|f| out.join(&f.rel).parent().map(Path::to_path_buf))
        .collect();
    for folder in &folders {
        fs::create_dir_all(folder).map_err(|e| Fatal(format!("{}: {e}", folder.display())))?;
    }

    let work = || -> Vec<Result<FileReport, Fatal>> {
        files
            .par_iter()
            .map(|f| convert_file(&f.path, &f.rel, f.kind, &out, &opts.settings, opts.macros))
            .collect()
    };
    let results = match opts.jobs {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
            .map_err(|e| Fatal(format!("cannot start {n} worker threads: {e}")))?
            .install(work),
        None => work(),
    };
    let mut reports = results.into_iter().collect::<Result<Vec<_>, _>>()?;
    for p in problems {
        reports.push(error_report(
            &p.rel,
            FileKind::Other,
            format!("cannot read: {}", p.message),
        ));
    }
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(ProjectReport { files: reports })
}

const BOM: &str = "\u{feff}";

fn convert_file(
    path: &Path,
    rel: &str,
    kind: FileKind,
    out: &Path,
    settings: &Settings,
    macros: crate::dbt::macros::MacroVariants,
) -> Result<FileReport, Fatal> {
    let target = out.join(rel);
    // The output keeps the source's permissions.
    let permissions = fs::metadata(path).ok().map(|m| m.permissions());
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return Ok(error_report(rel, kind, format!("cannot read: {e}")));
        }
    };
    if kind == FileKind::Other {
        write_output(&target, &bytes, permissions)?;
        return Ok(FileReport {
            path: rel.to_string(),
            kind,
            status: Status::Unchanged,
            diagnostics: vec![],
            before: String::new(),
            after: None,
        });
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            write_output(&target, e.as_bytes(), permissions)?;
            return Ok(error_report(
                rel,
                kind,
                format!("not UTF-8 text (invalid byte at offset {valid}); copied unchanged"),
            ));
        }
    };
    // A byte-order mark is kept in front of the converted text.
    let (bom, body) = match text.strip_prefix(BOM) {
        Some(rest) => (BOM, rest),
        None => ("", text.as_str()),
    };
    // A bug in a rule must cost one file, never the run: the file is then
    // reported as an error and copied unchanged.
    let conversion = match std::panic::catch_unwind(|| match kind {
        FileKind::Dbt(dbt) => crate::dbt::yaml::convert_yaml(dbt, body),
        _ => {
            let mut c = convert_text_with_settings(body, settings, &|_| true);
            if macros == crate::dbt::macros::MacroVariants::AddSnowflakeVariants {
                crate::dbt::macros::add_snowflake_variants(body, &mut c);
            }
            c
        }
    }) {
        Ok(c) => c,
        Err(_) => {
            write_output(&target, text.as_bytes(), permissions)?;
            return Ok(error_report(
                rel,
                kind,
                "internal error while converting this file (a pg2sf bug; please report it); copied unchanged".to_string(),
            ));
        }
    };
    let after = format!("{bom}{}", conversion.output);
    write_output(&target, after.as_bytes(), permissions)?;
    Ok(FileReport {
        path: rel.to_string(),
        kind,
        status: conversion.status,
        diagnostics: conversion.diagnostics,
        after: (after != text).then_some(after),
        before: text,
    })
}

fn error_report(rel: &str, kind: FileKind, message: String) -> FileReport {
    FileReport {
        path: rel.to_string(),
        kind,
        status: Status::Error,
        diagnostics: vec![Diagnostic {
            code: "E005".into(),
            category: Category::Error,
            message,
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            range: 0..0,
            fixed: false,
        }],
        before: String::new(),
        after: None,
    }
}

/// Writes one file of the output tree. A file that does not exist yet (the
/// usual case: a fresh output folder) is created directly, which costs a
/// fraction of a temporary file and a rename; `create_new` never follows a
/// symbolic link, so nothing is written outside the output. A file that is
/// already there (`--force`) is replaced atomically by [`write_atomic_with`].
fn write_output(
    target: &Path,
    bytes: &[u8],
    permissions: Option<fs::Permissions>,
) -> Result<(), Fatal> {
    let file = match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target)
    {
        Ok(file) => file,
        // Already there (`--force`), or its folder gone since the up-front
        // pass: the careful path, which replaces a file or makes a folder.
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::AlreadyExists | std::io::ErrorKind::NotFound
            ) =>
        {
            return write_atomic_with(target, bytes, permissions)
        }
        Err(e) => return Err(Fatal(format!("{}: cannot write: {e}", target.display()))),
    };
    let written = (&file).write_all(bytes).and_then(|_| match permissions {
        // The source's mode exactly, not the umask's reading of it.
        Some(permissions) => file.set_permissions(permissions),
        None => Ok(()),
    });
    written.map_err(|e| {
        // No half-written file is left behind to look like a result.
        let _ = fs::remove_file(target);
        Fatal(format!("{}: cannot write: {e}", target.display()))
    })
}

/// Writes a file through a temporary file in the same folder and a rename, so
/// an interrupted run leaves either the old file or the new one. The file
/// keeps the permissions of the file it replaces; a new file gets the
/// ordinary ones (0666 less the umask), never the temporary file's 0600.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> Result<(), Fatal> {
    write_atomic_with(target, bytes, None)
}

/// [`write_atomic`] giving the file `permissions` (a copied file keeps its
/// source's, so an executable script stays executable); `None` keeps those
/// of the file replaced.
pub fn write_atomic_with(
    target: &Path,
    bytes: &[u8],
    permissions: Option<fs::Permissions>,
) -> Result<(), Fatal> {
    write_atomic_streamed(target, permissions, &mut |w| w.write_all(bytes))
}

/// [`write_atomic_with`] for content written piece by piece (a report of
/// thousands of models is never held whole in memory).
pub fn write_atomic_streamed(
    target: &Path,
    permissions: Option<fs::Permissions>,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Fatal> {
    let dir = target
        .parent()
        .ok_or_else(|| Fatal(format!("{}: no parent folder", target.display())))?;
    fs::create_dir_all(dir).map_err(|e| Fatal(format!("{}: {e}", dir.display())))?;
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Created with 0666: the kernel applies the umask, as for any new file.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(dir).map_err(|e| {
        Fatal(format!(
            "{}: cannot create a temporary file: {e}",
            dir.display()
        ))
    })?;
    let permissions = permissions.or_else(|| fs::metadata(target).ok().map(|m| m.permissions()));
    if let Some(permissions) = permissions {
        tmp.as_file()
            .set_permissions(permissions)
            .map_err(|e| Fatal(format!("{}: cannot set permissions: {e}", target.display())))?;
    }
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, tmp);
    write(&mut out)
        .and_then(|_| out.flush())
        .map_err(|e| Fatal(format!("{}: cannot write: {e}", target.display())))?;
    let tmp = out
        .into_inner()
        .map_err(|e| Fatal(format!("{}: cannot write: {}", target.display(), e.error())))?;
    tmp.persist(target)
        .map_err(|e| Fatal(format!("{}: cannot write: {e}", target.display())))?;
    Ok(())
}
