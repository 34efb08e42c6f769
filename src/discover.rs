//! Finds the files of a project: which `.sql` files are dbt SQL to convert
//! and which other files are copied as they are.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use walkdir::WalkDir;

use crate::dbt::yaml::DbtFile;

/// What happens to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FileKind {
    /// SQL under a dbt model, macro, analysis, snapshot or test path.
    Sql,
    /// A dbt YAML file whose configs, hooks and tests are checked and edited.
    Dbt(DbtFile),
    /// Copied unchanged.
    Other,
}

#[derive(Debug, Clone)]
pub struct ProjectFile {
    /// Path relative to the source root, with `/` separators.
    pub rel: String,
    pub path: PathBuf,
    pub kind: FileKind,
}

/// A file the walk could not take (a broken symlink, a loop, a permission error).
#[derive(Debug, Clone)]
pub struct WalkProblem {
    pub rel: String,
    pub message: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct DbtProject {
    model_paths: Option<Vec<String>>,
    source_paths: Option<Vec<String>>,
    macro_paths: Option<Vec<String>>,
    analysis_paths: Option<Vec<String>>,
    snapshot_paths: Option<Vec<String>>,
    test_paths: Option<Vec<String>>,
}

/// The folders whose `.sql` files are SQL, or `None` for "every `.sql`".
pub fn sql_roots(root: &Path) -> Result<Option<Vec<String>>, String> {
    let yml = root.join("dbt_project.yml");
    if !yml.is_file() {
        return Ok(None);
    }
    let text = fs::read_to_string(&yml).map_err(|e| format!("{}: {e}", yml.display()))?;
    let project: DbtProject = serde_yaml::from_str(&text)
        .map_err(|e| format!("{}: not a valid dbt_project.yml: {e}", yml.display()))?;
    let mut roots = Vec::new();
    let pick =
        |v: Option<Vec<String>>, default: &str| v.unwrap_or_else(|| vec![default.to_string()]);
    roots.extend(pick(project.model_paths.or(project.source_paths), "models"));
    roots.extend(pick(project.macro_paths, "macros"));
    roots.extend(pick(project.analysis_paths, "analyses"));
    roots.extend(pick(project.snapshot_paths, "snapshots"));
    roots.extend(pick(project.test_paths, "tests"));
    let roots = roots
        .into_iter()
        .map(|r| r.trim_matches('/').trim_start_matches("./").to_string())
        .collect();
    Ok(Some(roots))
}

/// Every file under `root`, sorted by relative path. `.git` is skipped.
pub fn discover(root: &Path) -> Result<(Vec<ProjectFile>, Vec<WalkProblem>), String> {
    let roots = sql_roots(root)?;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    // `root` is canonical (the caller resolves it), so a symlink's resolved
    // target can be compared with it.
    let outside = |e: &walkdir::DirEntry| {
        e.path_is_symlink()
            && !e
                .path()
                .canonicalize()
                .is_ok_and(|target| target.starts_with(root))
    };
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() > 0 && e.file_name() == ".git" {
                return false;
            }
            !outside(e)
        });
    // Symlinks that leave the project are reported, never followed.
    for entry in WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || e.file_name() != ".git")
        .flatten()
        .filter(|e| e.path_is_symlink() && outside(e))
    {
        if let Ok(rel) = entry.path().strip_prefix(root) {
            let message = if entry.path().exists() {
                "a symbolic link to outside the project; not followed"
            } else {
                "a broken symbolic link (its target does not exist); not followed"
            };
            problems.push(WalkProblem {
                rel: rel_string(rel),
                message: message.to_string(),
            });
        }
    }
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let rel = e
                    .path()
                    .and_then(|p| p.strip_prefix(root).ok())
                    .map(rel_string)
                    .unwrap_or_default();
                // A broken link is already reported above.
                if problems.iter().any(|p| p.rel == rel) {
                    continue;
                }
                let message = if e.loop_ancestor().is_some() {
                    "a symbolic link loop; not followed".to_string()
                } else {
                    e.to_string()
                };
                problems.push(WalkProblem { rel, message });
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let Ok(rel_path) = entry.path().strip_prefix(root) else {
            continue;
        };
        let rel = rel_string(rel_path);
        let is_sql = rel_path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("sql"));
        let in_roots = match &roots {
            None => true,
            Some(roots) => roots.iter().any(|r| {
                r.is_empty() || r == "." || rel == *r || rel.starts_with(&format!("{r}/"))
            }),
        };
        let kind = match DbtFile::of(&rel, in_roots) {
            _ if is_sql && in_roots => FileKind::Sql,
            // Without a dbt_project.yml this is not a dbt project.
            Some(dbt) if roots.is_some() => FileKind::Dbt(dbt),
            _ => FileKind::Other,
        };
        files.push(ProjectFile {
            rel,
            path: entry.path().to_path_buf(),
            kind,
        });
    }
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok((files, problems))
}

fn rel_string(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
