//! The per-file pipeline: Jinja scan → mask → parse each fragment variant →
//! rules → edits → again until nothing changes → Snowflake re-parse.

use serde::Serialize;

use crate::edits::{self, Edit};
use crate::jinja::{self, JinjaRegion};
use crate::mask::{self, FragmentKind, MaskedFile};
use crate::parse;
use crate::rules::{self, Category, Finding, RuleContext, Settings, Style};
use crate::source::{ByteRange, LineIndex};

/// Rule passes over a file before giving up on reaching a fixed point.
const MAX_PASSES: usize = 4;

/// Status of a file, from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Unchanged,
    Converted,
    Review,
    Unconvertible,
    Error,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Unchanged,
        Status::Converted,
        Status::Review,
        Status::Unconvertible,
        Status::Error,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unchanged => "unchanged",
            Status::Converted => "converted",
            Status::Review => "review",
            Status::Unconvertible => "unconvertible",
            Status::Error => "error",
        }
    }
}

/// A finding placed in the original file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: String,
    pub category: Category,
    pub message: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    #[serde(skip)]
    pub range: ByteRange,
    /// Whether the finding's rewrite is in the output.
    pub fixed: bool,
}

/// The rewrite a finding of the first pass proposes, on the original text
/// (later passes rewrite text that earlier rewrites wrote, so their edits have
/// no place in the original).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestedFix {
    pub code: String,
    /// The finding's range.
    pub range: ByteRange,
    pub edits: Vec<Edit>,
}

/// What happened to one SQL file.
#[derive(Debug, Clone)]
pub struct Conversion {
    pub status: Status,
    pub diagnostics: Vec<Diagnostic>,
    /// The converted text (equal to the input when nothing changed).
    pub output: String,
    /// The first pass's rewrites, applied or not.
    pub fixes: Vec<SuggestedFix>,
}

/// Converts the text of one SQL file, making every rewrite.
pub fn convert_text(original: &str) -> Conversion {
    convert_text_with(original, &|_| true)
}

/// Converts the text of one SQL file, making only the rewrites `apply`
/// accepts; it sees each finding placed in the original text. A rewrite it
/// refuses is reported as not `fixed`, and the construct stays as written.
pub fn convert_text_with(original: &str, apply: &dyn Fn(&Diagnostic) -> bool) -> Conversion {
    convert_text_with_settings(original, &Settings::default(), apply)
}

/// [`convert_text_with`] under the user's [`Settings`].
pub fn convert_text_with_settings(
    original: &str,
    settings: &Settings,
    apply: &dyn Fn(&Diagnostic) -> bool,
) -> Conversion {
    let lines = LineIndex::new(original);
    let place = |code: &str, category: Category, message: String, range: ByteRange, fixed: bool| {
        let (line, column) = lines.line_col(original, range.start);
        let (end_line, end_column) = lines.line_col(original, range.end.max(range.start));
        Diagnostic {
            code: code.to_string(),
            category,
            message,
            line,
            column,
            end_line,
            end_column,
            range,
            fixed,
        }
    };

    let mut text = original.to_string();
    // Edits applied by each pass, to map later positions back to the original.
    let mut history: Vec<edits::OffsetMap> = Vec::new();
    let mut recorded: Vec<Diagnostic> = Vec::new();
    let mut fixes: Vec<SuggestedFix> = Vec::new();
    let mut any_withheld = false;
    let mut converged = false;
    let mut last: Option<Analysis> = None;
    // The previous pass's tokens and edits, for the next pass to splice.
    let mut previous: Option<Previous> = None;
    for pass in 0..MAX_PASSES {
        let analysis = match analyze(&text, settings, previous.take()) {
            Ok(a) => a,
            Err(e) => {
                let range = to_original(e.range.clone(), &history);
                let message = if pass == 0 {
                    e.message
                } else {
                    format!(
                        "internal: a rewrite produced text that no longer parses ({})",
                        e.message
                    )
                };
                recorded.push(place(e.code, Category::Error, message, range, false));
                return finish(original, original.to_string(), recorded, fixes);
            }
        };
        let mut fixable: Vec<&Finding> = Vec::new();
        for f in analysis.findings.iter().filter(|f| !f.edits.is_empty()) {
            let range = to_original(f.range.clone(), &history);
            if pass == 0 {
                fixes.push(SuggestedFix {
                    code: f.code.clone(),
                    range: range.clone(),
                    edits: f.edits.clone(),
                });
            }
            let diagnostic = place(&f.code, f.category, f.message.clone(), range, false);
            if apply(&diagnostic) {
                fixable.push(f);
            } else {
                any_withheld = true;
                recorded.push(diagnostic);
            }
        }
        let groups: Vec<&[Edit]> = fixable.iter().map(|f| f.edits.as_slice()).collect();
        let (next, applied) = edits::apply(&text, &groups);
        // Whether each finding's fix went in, by the finding's address.
        let applied_at: std::collections::HashSet<*const Finding> = fixable
            .iter()
            .zip(&applied)
            .filter(|(_, a)| **a)
            .map(|(f, _)| *f as *const Finding)
            .collect();
        for f in &analysis.findings {
            let was_applied = applied_at.contains(&(f as *const Finding));
            // The first pass reports everything it sees; later passes report
            // only what they newly rewrote.
            if (pass == 0 && (f.edits.is_empty() || was_applied)) || (pass > 0 && was_applied) {
                let range = to_original(f.range.clone(), &history);
                recorded.push(place(
                    &f.code,
                    f.category,
                    f.message.clone(),
                    range,
                    was_applied,
                ));
            }
        }
        let pass_edits: Vec<(Edit, String)> = fixable
            .iter()
            .zip(&applied)
            .filter(|(_, a)| **a)
            .flat_map(|(f, _)| f.edits.iter().map(|e| (e.clone(), f.code.clone())))
            .collect();
        if pass_edits.is_empty() {
            converged = true;
            last = Some(analysis);
            break;
        }
        history.push(edits::OffsetMap::with_authors(&pass_edits));
        let mut edits: Vec<(ByteRange, usize)> = pass_edits
            .iter()
            .map(|(e, _)| (e.range.clone(), e.replacement.len()))
            .collect();
        // The order `edits::apply` wrote them in.
        edits.sort_by_key(|(r, _)| (r.start, r.end));
        previous = Some(Previous {
            variants: analysis.parsed_variants,
            edits,
        });
        text = next;
    }
    let last = match last {
        Some(a) => a,
        None => match analyze(&text, settings, previous.take()) {
            Ok(a) => a,
            Err(e) => {
                let range = to_original(e.range.clone(), &history);
                recorded.push(place(e.code, Category::Error, e.message, range, false));
                return finish(original, original.to_string(), recorded, fixes);
            }
        },
    };
    // Whatever the rules still see in the output must be in the report, unless
    // a rewrite wrote it (`x->1` became `x[1]`: the rewrite's own finding
    // covers it).
    let known_at: std::collections::HashSet<(String, usize)> = recorded
        .iter()
        .map(|d| (d.code.clone(), d.range.start))
        .collect();
    for f in &last.findings {
        // What a rewrite wrote is its rule's responsibility: the pass-through
        // list (PG9xx), the rule itself, and any finding that lies wholly in
        // written text yield to it. A finding that starts in written text and
        // runs on into the original (a chain half converted around another
        // rule's rewrite) is reported.
        if f.edits.is_empty() {
            if let Some(author) = written_by_rewrite(f.range.start, &history) {
                let ends_in_written =
                    f.range.len() <= 1 || written_by_rewrite(f.range.end - 1, &history).is_some();
                if f.code.starts_with("PG9") || author == f.code || ends_in_written {
                    continue;
                }
            }
        }
        let range = to_original(f.range.clone(), &history);
        let known = known_at.contains(&(f.code.clone(), range.start));
        if !known {
            let (category, message) = if f.edits.is_empty() {
                (f.category, f.message.clone())
            } else {
                (
                    Category::Unconvertible,
                    format!(
                        "{} (the rewrite could not be applied{})",
                        f.message,
                        if converged {
                            ""
                        } else {
                            " within the pass limit"
                        }
                    ),
                )
            };
            recorded.push(place(&f.code, category, message, range, false));
        }
    }
    // The output must be Snowflake SQL the parser accepts.
    // While an unconvertible construct is left in it, the output is not
    // expected to parse; the model is then unconvertible, not in error, and
    // keeps the rewrites that were made.
    let left_unconverted = any_withheld
        || recorded
            .iter()
            .any(|d| d.category == Category::Unconvertible);
    for ParsedVariant {
        text: v,
        is_model,
        tokens,
        ..
    } in last.parsed_variants
    {
        let portable = tokens.into_portable(&v);
        if let Err(e) = parse::parse_snowflake_reusing(&v, portable) {
            let range = to_original(e.offset..e.offset, &history);
            let (category, message) = if !is_model {
                // A macro body read as SQL is a guess (a fragment taken as an
                // expression): a reviewer decides.
                (
                    Category::Review,
                    format!(
                        "this macro or block body, read as SQL, does not parse as Snowflake after conversion: {}",
                        e.message
                    ),
                )
            } else if left_unconverted {
                (
                    Category::Unconvertible,
                    format!("converted SQL does not parse as Snowflake while the constructs reported here remain: {}", e.message),
                )
            } else {
                (
                    Category::Error,
                    format!("converted SQL does not parse as Snowflake: {}", e.message),
                )
            };
            recorded.push(place("E002", category, message, range, false));
            break;
        }
    }
    // A construct a rule could not rewrite at first (a LIKE pattern in an
    // E'…' literal) may become rewritable once another rule has rewritten
    // its surroundings; the later rewrite supersedes the first report.
    let rewritten_later: std::collections::HashSet<(String, usize)> = recorded
        .iter()
        .filter(|d| d.fixed)
        .map(|d| (d.code.clone(), d.range.start))
        .collect();
    recorded.retain(|d| d.fixed || !rewritten_later.contains(&(d.code.clone(), d.range.start)));
    finish(original, text, recorded, fixes)
}

fn finish(
    original: &str,
    output: String,
    mut diagnostics: Vec<Diagnostic>,
    fixes: Vec<SuggestedFix>,
) -> Conversion {
    diagnostics.sort_by(|a, b| {
        (a.range.start, a.range.end, &a.code, &a.message).cmp(&(
            b.range.start,
            b.range.end,
            &b.code,
            &b.message,
        ))
    });
    diagnostics.dedup_by(|a, b| a.code == b.code && a.range == b.range && a.message == b.message);
    let worst = diagnostics.iter().map(|d| d.category).max();
    let status = match worst {
        Some(Category::Error) => Status::Error,
        Some(Category::Unconvertible) => Status::Unconvertible,
        Some(Category::Review) => Status::Review,
        _ if output != original => Status::Converted,
        _ => Status::Unchanged,
    };
    // A file in error is copied as it was, so none of its rewrites is in the
    // output and none may be reported as made.
    let output = if status == Status::Error {
        for d in &mut diagnostics {
            d.fixed = false;
        }
        original.to_string()
    } else {
        output
    };
    Conversion {
        status,
        diagnostics,
        output,
        fixes,
    }
}

/// The rule that wrote the text at an offset of the final text, if a rewrite did.
fn written_by_rewrite(offset: usize, history: &[edits::OffsetMap]) -> Option<String> {
    let mut at = offset;
    for map in history.iter().rev() {
        match map.written_by(at) {
            Ok(author) => return Some(author.to_string()),
            Err(before) => at = before,
        }
    }
    None
}

fn to_original(range: ByteRange, history: &[edits::OffsetMap]) -> ByteRange {
    let mut r = range;
    for map in history.iter().rev() {
        let start = map.map_back(r.start);
        let end = map.map_back(r.end).max(start);
        r = start..end;
    }
    r
}

/// A masked text that parsed as PostgreSQL.
struct ParsedVariant {
    key: VariantKey,
    text: String,
    /// Model text, rather than a macro or block body.
    is_model: bool,
    tokens: parse::KeptTokens,
}

/// Which masked text of a file a variant is: fragment, branch choice,
/// standalone expressions blanked, read as `select <expression>`.
type VariantKey = (usize, Option<usize>, bool, bool);

/// A pass's variants and the edits it made, for the next pass to tokenise
/// only the lines the edits changed (`parse::splice`): the masked text of a
/// variant is the previous one with the same edits, save where they fall in
/// masked text (the splice then sees the texts differ and tokenises whole).
struct Previous {
    variants: Vec<ParsedVariant>,
    edits: Vec<(ByteRange, usize)>,
}

impl Previous {
    fn earlier(&mut self, key: VariantKey) -> Option<(String, parse::KeptTokens)> {
        let i = self.variants.iter().position(|v| v.key == key)?;
        let v = self.variants.swap_remove(i);
        Some((v.text, v.tokens))
    }
}

/// A failure that stops the analysis of a file.
struct FileError {
    code: &'static str,
    message: String,
    range: ByteRange,
}

/// The findings of every rule over every fragment variant of a text.
struct Analysis {
    findings: Vec<Finding>,
    /// Masked texts that parsed as PostgreSQL, to re-parse as Snowflake.
    parsed_variants: Vec<ParsedVariant>,
}

fn analyze(
    text: &str,
    settings: &Settings,
    mut previous: Option<Previous>,
) -> Result<Analysis, FileError> {
    let regions = jinja::scan(text).map_err(|e| FileError {
        code: "E003",
        message: e.message,
        range: e.offset..e.offset,
    })?;
    let file = mask::mask_file(text, &regions);
    let mut findings = Vec::new();
    let mut parsed_variants = Vec::new();
    for (index, fragment) in file.fragments.iter().enumerate() {
        analyze_fragment(
            text,
            &file,
            index,
            &regions,
            settings,
            &mut findings,
            &mut parsed_variants,
            previous.as_mut(),
        )
        .map_err(|e| {
            let what = match &fragment.kind {
                FragmentKind::Model => String::new(),
                FragmentKind::Macro(name) => format!(" in macro `{name}`"),
                FragmentKind::Block(name) => format!(" in block `{name}`"),
            };
            FileError {
                code: "E001",
                message: format!("does not parse as PostgreSQL{what}: {}", e.message),
                range: e.offset..e.offset,
            }
        })?;
    }
    findings.sort_by(|a, b| (a.range.start, &a.code).cmp(&(b.range.start, &b.code)));
    findings.dedup_by(|a, b| a.code == b.code && a.range == b.range && a.edits == b.edits);
    // A rewrite must never touch Jinja: such a finding stays, without edits.
    // The one exception: a dbt-config rule removing an argument inside a
    // `{{ config(…) }}` call (crate::dbt::is_config_edit).
    for f in &mut findings {
        if f.edits.iter().any(|e| touches(&regions, &e.range))
            && !crate::dbt::is_config_edit(&f.code, &regions, &f.edits)
        {
            f.edits.clear();
            f.category = Category::Unconvertible;
            f.message = format!(
                "{} (not rewritten: the construct overlaps Jinja)",
                f.message
            );
        }
    }
    Ok(Analysis {
        findings,
        parsed_variants,
    })
}

fn touches(regions: &[JinjaRegion], range: &ByteRange) -> bool {
    // An insertion touches Jinja only strictly inside a region.
    let probe = if range.is_empty() {
        range.start..range.start
    } else {
        range.clone()
    };
    crate::jinja::first_overlap(regions, &probe, range.is_empty()).is_some()
}

#[allow(clippy::too_many_arguments)]
fn analyze_fragment(
    original: &str,
    file: &MaskedFile,
    index: usize,
    regions: &[JinjaRegion],
    settings: &Settings,
    findings: &mut Vec<Finding>,
    parsed_variants: &mut Vec<ParsedVariant>,
    mut previous: Option<&mut Previous>,
) -> Result<(), parse::ParseError> {
    let fragment = &file.fragments[index];
    // With every branch present first; then each branch choice on its own,
    // all of which must parse.
    // Last, with Jinja expressions that stand on lines of their own read as
    // whole statements or clauses (`{{ latest_per_key(ref('x')) }}`) rather
    // than as names.
    let mut attempts = vec![(vec![None], false)];
    let choices = mask::branch_choices(fragment);
    if choices > 0 {
        attempts.push(((0..choices).map(Some).collect(), false));
    }
    if !file.standalone.is_empty() {
        attempts.push((vec![None], true));
        if choices > 0 {
            attempts.push(((0..choices).map(Some).collect(), true));
        }
    }
    let mut first_error = None;
    let is_model = fragment.kind == FragmentKind::Model;
    for (branches, blank_standalone) in attempts {
        // Findings of this attempt count only if every variant of it parses.
        let mut attempt_findings = Vec::new();
        let mut attempt_texts = Vec::new();
        let mut failed = None;
        for branch in branches {
            let v = mask::variant(file, index, branch, blank_standalone);
            let key = (index, branch, blank_standalone, false);
            match parse_and_check(
                original,
                &v,
                key,
                fragment,
                regions,
                settings,
                &mut attempt_findings,
                previous.as_deref_mut(),
            ) {
                Ok((key, text, tokens)) => attempt_texts.push(ParsedVariant {
                    key,
                    text,
                    is_model,
                    tokens,
                }),
                Err(e) => {
                    failed = Some((e, v.text));
                    break;
                }
            }
        }
        match failed {
            None => {
                findings.append(&mut attempt_findings);
                parsed_variants.append(&mut attempt_texts);
                return Ok(());
            }
            Some(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    let first_error = match first_error {
        Some((e, text)) => e.place(&text),
        None => parse::ParseError {
            offset: fragment.range.start,
            message: "no SQL found".to_string(),
        },
    };
    if fragment.kind == FragmentKind::Model {
        return Err(first_error);
    }
    // A block that is not SQL on its own: only the token-level checks can look at it.
    let all = mask::variant(file, index, None, false);
    let tokens = parse::tokenize(&sqlparser::dialect::PostgreSqlDialect {}, &all.text)?;
    let cx = RuleContext {
        text: &all.text,
        original,
        tokens: &tokens,
        statements: &[],
        jinja: regions,
        style: Style::detect(&tokens),
        settings: *settings,
    };
    for rule in rules::registry() {
        rule.check_tokens(&cx, findings);
    }
    findings.push(Finding {
        code: "E004".to_string(),
        category: Category::Review,
        message: format!(
            "this Jinja block is not a SQL statement or expression on its own ({}); only token-level checks ran on it",
            first_error.message
        ),
        range: first_error.offset..first_error.offset,
        edits: vec![],
    });
    Ok(())
}

/// Parses a variant, as it is or, for a macro or block body, as the
/// expression of a `select`; runs the rules on it and returns the key and
/// text that parsed, with its tokens.
#[allow(clippy::too_many_arguments)]
fn parse_and_check(
    original: &str,
    v: &mask::Variant,
    key: VariantKey,
    fragment: &mask::Fragment,
    regions: &[JinjaRegion],
    settings: &Settings,
    findings: &mut Vec<Finding>,
    mut previous: Option<&mut Previous>,
) -> Result<(VariantKey, String, parse::KeptTokens), parse::Unplaced> {
    let error = match parse_postgres(&v.text, key, previous.as_deref_mut()) {
        Ok(parsed) => {
            run_rules(original, &v.text, &parsed, regions, settings, findings);
            return Ok((key, v.text.clone(), parsed.tokens.keep()));
        }
        Err(e) => e,
    };
    if fragment.kind != FragmentKind::Model {
        if let Some(text) = mask::as_select_expression(v, fragment.range.start) {
            let key = (key.0, key.1, key.2, true);
            if let Ok(parsed) = parse_postgres(&text, key, previous) {
                run_rules(original, &text, &parsed, regions, settings, findings);
                let tokens = parsed.tokens.keep();
                return Ok((key, text, tokens));
            }
        }
    }
    Err(error)
}

/// Parses a variant, its tokens spliced from the previous pass's when it
/// had the same variant.
fn parse_postgres<'t>(
    text: &'t str,
    key: VariantKey,
    previous: Option<&mut Previous>,
) -> Result<parse::Parsed<'t>, parse::Unplaced> {
    let Some(previous) = previous else {
        return parse::parse_postgres_reusing(text, None);
    };
    let Some((old_text, tokens)) = previous.earlier(key) else {
        return parse::parse_postgres_reusing(text, None);
    };
    parse::parse_postgres_reusing(
        text,
        Some(parse::Earlier {
            text: &old_text,
            tokens,
            edits: &previous.edits,
        }),
    )
}

fn run_rules(
    original: &str,
    text: &str,
    parsed: &parse::Parsed,
    regions: &[JinjaRegion],
    settings: &Settings,
    out: &mut Vec<Finding>,
) {
    let cx = RuleContext {
        text,
        original,
        tokens: &parsed.tokens,
        statements: &parsed.statements,
        jinja: regions,
        style: Style::detect(&parsed.tokens),
        settings: *settings,
    };
    out.extend(rules::run(&cx));
}
