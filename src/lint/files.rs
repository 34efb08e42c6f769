//! The files `check` and `fix` look at: the paths given (files, folders, or
//! `-` for standard input), folders walked for `.sql` files, excludes applied.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use walkdir::WalkDir;

use super::settings::{Resolver, Settings};
use crate::project::Fatal;

pub enum Source {
    File(PathBuf),
    Stdin,
    /// A path the folder walk could not take (a broken link, a loop).
    Broken(String),
}

pub struct Input {
    /// As shown to the user: relative to the current folder when inside it.
    pub display: String,
    /// Absolute path (for standard input, that of `--stdin-filename`).
    pub abs: PathBuf,
    pub source: Source,
    pub settings: Arc<Settings>,
}

/// The inputs in path order. A path given explicitly is taken whatever its
/// extension, and is excluded only with `force_exclude`; folders are walked
/// for `.sql` files and always honour the excludes.
pub fn collect(
    paths: &[PathBuf],
    stdin_filename: Option<&Path>,
    force_exclude: bool,
    resolver: &mut Resolver,
) -> Result<Vec<Input>, Fatal> {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let named = stdin_filename.unwrap_or(Path::new("-"));
            let abs = resolver.absolute(named);
            let settings = resolver.for_file(&abs)?;
            if force_exclude && stdin_filename.is_some() && settings.is_excluded(&abs) {
                continue;
            }
            inputs.push(Input {
                display: match stdin_filename {
                    Some(_) => display(resolver.cwd(), &abs),
                    None => "-".to_string(),
                },
                abs,
                source: Source::Stdin,
                settings,
            });
            continue;
        }
        let abs = resolver.absolute(path);
        let metadata =
            std::fs::metadata(&abs).map_err(|e| Fatal(format!("{}: {e}", path.display())))?;
        if !metadata.is_dir() {
            let settings = resolver.for_file(&abs)?;
            if !(force_exclude && settings.is_excluded(&abs)) {
                inputs.push(file_input(resolver.cwd(), abs, settings));
            }
            continue;
        }
        if force_exclude && resolver.for_file(&abs)?.is_excluded(&abs) {
            continue;
        }
        walk(&abs, resolver, &mut inputs)?;
    }
    inputs.sort_by(|a, b| a.display.cmp(&b.display));
    inputs.dedup_by(|a, b| a.abs == b.abs && matches!(a.source, Source::File(_)));
    Ok(inputs)
}

fn walk(root: &Path, resolver: &mut Resolver, inputs: &mut Vec<Input>) -> Result<(), Fatal> {
    let mut entries = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let abs = e.path().unwrap_or(root).to_path_buf();
                inputs.push(Input {
                    display: display(resolver.cwd(), &abs),
                    settings: resolver.for_file(&abs)?,
                    abs,
                    source: Source::Broken(e.to_string()),
                });
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        let settings = resolver.for_file(entry.path())?;
        if settings.is_excluded(entry.path()) {
            if entry.file_type().is_dir() {
                entries.skip_current_dir();
            }
            continue;
        }
        let is_sql = entry
            .path()
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("sql"));
        if entry.file_type().is_file() && is_sql {
            inputs.push(file_input(
                resolver.cwd(),
                entry.path().to_path_buf(),
                settings,
            ));
        }
    }
    Ok(())
}

fn file_input(cwd: &Path, abs: PathBuf, settings: Arc<Settings>) -> Input {
    Input {
        display: display(cwd, &abs),
        source: Source::File(abs.clone()),
        abs,
        settings,
    }
}

/// A path relative to the current folder with `/` separators, or as it is
/// when outside it.
fn display(cwd: &Path, abs: &Path) -> String {
    match abs.strip_prefix(cwd) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        _ => abs.display().to_string(),
    }
}
