//! `pg2sf.toml`: the settings of `check` and `fix`, found by walking up from
//! each checked path, with the command line on top.
//!
//! ```toml
//! select = ["PG", "E"]             # codes or prefixes; default: every rule
//! ignore = ["PG9"]
//! exclude = ["legacy/**", "scratch_*.sql"]
//! identifier-case = "preserve"     # fold (default), upper or preserve
//!
//! [per-file-ignores]
//! "models/staging/**" = ["PG301"]
//!
//! [jinja]                          # accepted; no effect yet
//! ```
//!
//! Globs are relative to the folder of the `pg2sf.toml` that names them; a
//! glob without `/` also matches any single folder or file name.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::project::Fatal;
pub use crate::rules::IdentifierCase;

pub const CONFIG_FILE: &str = "pg2sf.toml";

/// Folders never walked into: VCS data, dbt's build output and installed
/// packages, virtual environments.
const DEFAULT_EXCLUDE: [&str; 8] = [
    ".git",
    ".venv",
    "venv",
    "node_modules",
    "target",
    "dbt_packages",
    "dbt_modules",
    "logs",
];

/// The error codes of the pipeline itself; the rules' codes come from the
/// registry.
pub const ERROR_CODES: [(&str, &str); 5] = [
    ("E001", "PostgreSQL parse error"),
    ("E002", "converted SQL does not parse as Snowflake"),
    ("E003", "Jinja syntax error"),
    ("E004", "Jinja block that is not SQL on its own"),
    ("E005", "file not readable or not UTF-8"),
];

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct ConfigFile {
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    per_file_ignores: Option<BTreeMap<String, Vec<String>>>,
    exclude: Option<Vec<String>>,
    identifier_case: Option<IdentifierCase>,
    jinja: Option<toml::Table>,
}

/// A code or a code prefix (`PG3`, `PG301`, `E`), upper-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selector(String);

impl Selector {
    /// Accepts a selector that names at least one known code.
    pub fn parse(text: &str) -> Result<Selector, String> {
        let s = text.trim().to_ascii_uppercase();
        if s == "ALL" {
            return Ok(Selector(String::new()));
        }
        if !s.is_empty() && known_codes().any(|c| c.starts_with(&s)) {
            Ok(Selector(s))
        } else {
            Err(format!(
                "unknown rule selector `{}`; `pg2sf rules` lists the codes",
                text.trim()
            ))
        }
    }

    pub fn matches(&self, code: &str) -> bool {
        code.len() >= self.0.len() && code[..self.0.len()].eq_ignore_ascii_case(&self.0)
    }
}

fn known_codes() -> impl Iterator<Item = &'static str> {
    crate::rules::registry()
        .iter()
        .map(|r| r.meta().code.as_str())
        .chain(ERROR_CODES.iter().map(|(c, _)| *c))
}

fn parse_selectors(texts: &[String], origin: &str) -> Result<Vec<Selector>, Fatal> {
    texts
        .iter()
        .map(|t| Selector::parse(t).map_err(|e| Fatal(format!("{origin}: {e}"))))
        .collect()
}

/// Settings given on the command line; they take precedence over the files.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    /// Replaces the files' `select`.
    pub select: Option<Vec<Selector>>,
    /// Added to the files' `ignore`.
    pub ignore: Vec<Selector>,
}

impl Overrides {
    pub fn parse(select: Option<&[String]>, ignore: &[String]) -> Result<Overrides, Fatal> {
        Ok(Overrides {
            select: select.map(|s| parse_selectors(s, "--select")).transpose()?,
            ignore: parse_selectors(ignore, "--ignore")?,
        })
    }
}

/// Globs relative to one folder.
#[derive(Debug)]
struct Globs {
    set: GlobSet,
}

impl Globs {
    fn new(patterns: &[String], origin: &str) -> Result<Globs, Fatal> {
        let mut builder = GlobSetBuilder::new();
        for p in patterns {
            let p = p.trim_start_matches("./");
            for pattern in [p.to_string(), format!("{}/**", p.trim_end_matches('/'))] {
                let glob = Glob::new(&pattern)
                    .map_err(|e| Fatal(format!("{origin}: bad glob `{p}`: {e}")))?;
                builder.add(glob);
            }
        }
        let set = builder
            .build()
            .map_err(|e| Fatal(format!("{origin}: {e}")))?;
        Ok(Globs { set })
    }

    /// Whether `rel` (relative, `/`-separated) or one of its names matches.
    fn matches(&self, rel: &str) -> bool {
        !self.set.is_empty()
            && (self.set.is_match(rel) || rel.split('/').any(|name| self.set.is_match(name)))
    }
}

/// The settings that apply to the files below one folder.
#[derive(Debug)]
pub struct Settings {
    /// The folder of the `pg2sf.toml`, or the current folder without one.
    pub root: PathBuf,
    /// The file these settings came from, if any.
    pub file: Option<PathBuf>,
    select: Vec<Selector>,
    ignore: Vec<Selector>,
    per_file_ignores: Vec<(Globs, Vec<Selector>)>,
    exclude: Globs,
    pub identifier_case: IdentifierCase,
    pub jinja: toml::Table,
}

impl Settings {
    /// `origin` names the file in messages.
    fn load(
        root: &Path,
        file: Option<(&Path, String)>,
        overrides: &Overrides,
    ) -> Result<Settings, Fatal> {
        let (config, origin) = match &file {
            Some((path, origin)) => {
                let text =
                    std::fs::read_to_string(path).map_err(|e| Fatal(format!("{origin}: {e}")))?;
                let config: ConfigFile = toml::from_str(&text)
                    .map_err(|e| Fatal(format!("{origin}: {}", e.message())))?;
                (config, origin.clone())
            }
            None => (ConfigFile::default(), String::new()),
        };
        let select = match (&overrides.select, &config.select) {
            (Some(cli), _) => cli.clone(),
            (None, Some(file)) => parse_selectors(file, &origin)?,
            (None, None) => vec![Selector(String::new())],
        };
        let mut ignore = parse_selectors(config.ignore.as_deref().unwrap_or(&[]), &origin)?;
        ignore.extend(overrides.ignore.iter().cloned());
        let per_file_ignores = config
            .per_file_ignores
            .unwrap_or_default()
            .iter()
            .map(|(glob, codes)| {
                Ok((
                    Globs::new(std::slice::from_ref(glob), &origin)?,
                    parse_selectors(codes, &origin)?,
                ))
            })
            .collect::<Result<_, Fatal>>()?;
        let mut exclude: Vec<String> = DEFAULT_EXCLUDE.iter().map(|s| s.to_string()).collect();
        exclude.extend(config.exclude.unwrap_or_default());
        Ok(Settings {
            root: root.to_path_buf(),
            file: file.map(|(path, _)| path.to_path_buf()),
            select,
            ignore,
            per_file_ignores,
            exclude: Globs::new(&exclude, &origin)?,
            identifier_case: config.identifier_case.unwrap_or_default(),
            jinja: config.jinja.unwrap_or_default(),
        })
    }

    /// `path` relative to the settings' folder, `/`-separated (`None` when it
    /// lies outside it).
    fn relative(&self, path: &Path) -> Option<String> {
        let rel = path.strip_prefix(&self.root).ok()?;
        Some(
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
        )
    }

    /// Whether an absolute path is excluded.
    pub fn is_excluded(&self, path: &Path) -> bool {
        match self.relative(path) {
            Some(rel) => !rel.is_empty() && self.exclude.matches(&rel),
            None => path
                .file_name()
                .is_some_and(|n| self.exclude.matches(&n.to_string_lossy())),
        }
    }

    /// The code selection for one file (absolute path).
    pub fn selection_for(&self, path: &Path) -> Selection<'_> {
        let rel = self.relative(path);
        let file_ignores = self
            .per_file_ignores
            .iter()
            .filter(|(globs, _)| rel.as_deref().is_some_and(|r| globs.matches(r)))
            .flat_map(|(_, codes)| codes.iter())
            .collect();
        Selection {
            settings: self,
            file_ignores,
        }
    }
}

/// Which codes are reported for one file.
pub struct Selection<'a> {
    settings: &'a Settings,
    file_ignores: Vec<&'a Selector>,
}

impl Selection<'_> {
    /// What the rules may rewrite in this file.
    pub fn rule_settings(&self) -> crate::rules::Settings {
        crate::rules::Settings {
            identifier_case: self.settings.identifier_case,
        }
    }

    pub fn selects(&self, code: &str) -> bool {
        self.settings.select.iter().any(|s| s.matches(code))
            && !self.settings.ignore.iter().any(|s| s.matches(code))
            && !self.file_ignores.iter().any(|s| s.matches(code))
    }
}

/// Finds the settings of each folder, reading each `pg2sf.toml` once.
pub struct Resolver {
    overrides: Overrides,
    cwd: PathBuf,
    /// Settings by folder: the nearest `pg2sf.toml` at or above it.
    by_dir: HashMap<PathBuf, Arc<Settings>>,
    fallback: Option<Arc<Settings>>,
}

impl Resolver {
    pub fn new(overrides: Overrides) -> Result<Resolver, Fatal> {
        let cwd = std::env::current_dir()
            .map_err(|e| Fatal(format!("cannot read the current folder: {e}")))?;
        Ok(Resolver {
            overrides,
            cwd,
            by_dir: HashMap::new(),
            fallback: None,
        })
    }

    pub fn cwd(&self) -> &Path {
        &self.cwd
    }

    /// The absolute form of a path, without touching the file system.
    pub fn absolute(&self, path: &Path) -> PathBuf {
        let joined = self.cwd.join(path);
        let mut out = PathBuf::new();
        for c in joined.components() {
            match c {
                std::path::Component::CurDir => {}
                std::path::Component::ParentDir => {
                    out.pop();
                }
                other => out.push(other),
            }
        }
        out
    }

    /// The settings for the files in `dir` (absolute).
    pub fn for_dir(&mut self, dir: &Path) -> Result<Arc<Settings>, Fatal> {
        if let Some(s) = self.by_dir.get(dir) {
            return Ok(s.clone());
        }
        let config = dir.join(CONFIG_FILE);
        let settings = if config.is_file() {
            let origin = match config.strip_prefix(&self.cwd) {
                Ok(rel) => rel.display().to_string(),
                Err(_) => config.display().to_string(),
            };
            Arc::new(Settings::load(
                dir,
                Some((&config, origin)),
                &self.overrides,
            )?)
        } else {
            match dir.parent() {
                Some(parent) => self.for_dir(parent)?,
                None => self.fallback()?,
            }
        };
        self.by_dir.insert(dir.to_path_buf(), settings.clone());
        Ok(settings)
    }

    /// The settings for a file (absolute path).
    pub fn for_file(&mut self, file: &Path) -> Result<Arc<Settings>, Fatal> {
        match file.parent() {
            Some(dir) => self.for_dir(dir),
            None => self.fallback(),
        }
    }

    fn fallback(&mut self) -> Result<Arc<Settings>, Fatal> {
        if let Some(s) = &self.fallback {
            return Ok(s.clone());
        }
        let s = Arc::new(Settings::load(&self.cwd, None, &self.overrides)?);
        self.fallback = Some(s.clone());
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_are_prefixes_of_known_codes() {
        let pg3 = Selector::parse("pg3").unwrap();
        assert!(pg3.matches("PG301"));
        assert!(!pg3.matches("PG101"));
        assert!(Selector::parse("PG301").unwrap().matches("PG301"));
        assert!(Selector::parse("E").unwrap().matches("E001"));
        assert!(Selector::parse("XY1").is_err());
        assert!(Selector::parse("PG3011").is_err());
        assert!(Selector::parse("ALL").unwrap().matches("PG101"));
    }

    #[test]
    fn globs_match_paths_and_names() {
        let g = Globs::new(&["legacy".into(), "models/staging/*.sql".into()], "t").unwrap();
        assert!(g.matches("models/legacy/a.sql"));
        assert!(g.matches("models/staging/a.sql"));
        assert!(!g.matches("models/marts/a.sql"));
        let defaults = Globs::new(&["target".into()], "t").unwrap();
        assert!(defaults.matches("target/compiled/x.sql"));
        assert!(!defaults.matches("models/targets.sql"));
    }
}
