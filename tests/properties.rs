//! Invariants of the per-file pipeline over generated models, assembled from
//! the constructs of the rule fixtures and the sample project: converting
//! twice changes nothing; Jinja comes out byte for byte; every rewrite lies in
//! the SQL between Jinja regions; every diagnostic points inside the file; no
//! panic. 64 cases per property (more with `PROPTEST_CASES`).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use pg2sf::convert::{convert_text, Conversion, Status};
use pg2sf::jinja;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::Config;

/// Columns, plain or as the Jinja expressions macros pass around.
const COLUMNS: &[&str] = &[
    "id",
    "customer_id",
    "amount",
    "status",
    "payload",
    "ordered_at",
    "email",
    "o.order_id",
    "{{ col }}",
    "{{ var('amount_col') }}",
];

/// Select-list expressions; `{c}` is a column.
const EXPRESSIONS: &[&str] = &[
    "{c}",
    "{c}::int4",
    "{c}::int8",
    "{c}::text",
    "{c}::varchar(20)",
    "{c}::numeric",
    "{c}::numeric(12, 2)",
    "{c}::timestamptz",
    "{c}::date",
    "{c}::jsonb",
    "cast({c} as int4)",
    "cast({c} as double precision)",
    "({c} / 100)::numeric(16, 2)",
    "{c}->'items'",
    "{c}->>'sku'",
    "{c}->0",
    "{c} #>> '{a,b}'",
    "({c}->>'amount')::numeric",
    "{c} ~ '^a'",
    "{c} !~ '^[A-Z]{3}-\\d+$'",
    "{c} ~* '@(example|test)\\.com$'",
    "{c} !~* '(bot|crawler)'",
    "{c} ~ $$^\\d+-[a-z]$$",
    "{c} ~ '\\yurgent\\y'",
    "{c} ilike '%x%'",
    "{c} similar to 'a%'",
    "string_agg({c}, ', ')",
    "string_agg({c}::text, ',' order by {c})",
    "string_agg(distinct {c}, '|')",
    "array_agg({c})",
    "array_agg({c} order by {c} desc)",
    "count(*) filter (where {c} > 0)",
    "sum({c}) filter (where status = 'paid')",
    "count(distinct {c})",
    "bool_or({c} > 0)",
    "date_trunc('month', {c})",
    "date_trunc('day', {c})::date",
    "{c}::date - interval '1 day'",
    "extract(epoch from {c})",
    "now()",
    "current_date",
    "coalesce({c}, 0)",
    "nullif({c}, '')",
    "split_part({c}, '@', 2)",
    "{c} || '-' || {c}",
    "case when {c} ~ 'x' then 1 else 0 end",
    "case when {c} is null then 'none' else {c}::text end",
    "row_number() over (partition by {c} order by ordered_at desc)",
    "generate_series(1, 3)",
    "{c} = any(array[1, 2])",
    "{{ cents_to_dollars('amount') }}",
    "{{ dbt_utils.star(ref('orders')) }}",
];

const PREDICATES: &[&str] = &[
    "{c} is not null",
    "{c} ~ '@'",
    "{c} !~* '@(example|test)\\.com$'",
    "{c}::date >= current_date - interval '30 days'",
    "{c}->>'type' = 'click'",
    "{c} > {{ var('min_amount', 0) }}",
    "not ({c} ~* '^test')",
    "{c} in {{ codes }}",
];

const RELATIONS: &[&str] = &[
    "{{ ref('stg_orders') }}",
    "{{ source('shop', 'events') }}",
    "{{ ref('stg_customers') }} o",
    "orders",
    "raw.payments as p",
];

const CONFIGS: &[&str] = &[
    "{{ config(materialized='incremental', unique_key='id') }}",
    "{{ config(materialized='table', unlogged=true) }}",
    "{{\n    config(\n        materialized='table',\n        indexes=[{'columns': ['id'], 'unique': True}],\n        tags=['daily']\n    )\n}}",
    "{{ config(post_hook=\"analyze {{ this }}\") }}",
];

const COMMENTS: &[&str] = &[
    "-- keep the latest row\n",
    "/* not returns */ ",
    "{# a Jinja comment #}",
    "/*\n   a block comment\n*/\n",
    "-- état, größe: ünïcode\n",
];

const BLANKS: &[&str] = &[" ", "  ", "\n", "\n    ", "\t", "\n\n"];

fn column() -> impl Strategy<Value = String> {
    prop::sample::select(COLUMNS).prop_map(str::to_string)
}

fn with_column(template: &'static str) -> impl Strategy<Value = String> {
    column().prop_map(move |c| template.replace("{c}", &c))
}

fn expression() -> impl Strategy<Value = String> {
    prop::sample::select(EXPRESSIONS).prop_flat_map(with_column)
}

fn predicate() -> impl Strategy<Value = String> {
    prop::sample::select(PREDICATES).prop_flat_map(with_column)
}

fn blank() -> impl Strategy<Value = &'static str> {
    prop::sample::select(BLANKS)
}

/// Upper-cases SQL outside Jinja tags, as some teams write their keywords.
fn upper_sql(text: &str) -> String {
    let Ok(regions) = jinja::scan(text) else {
        return text.to_uppercase();
    };
    let mut out = String::new();
    let mut at = 0;
    for r in regions {
        out.push_str(&text[at..r.range.start].to_uppercase());
        out.push_str(&text[r.range.clone()]);
        at = r.range.end;
    }
    out.push_str(&text[at..].to_uppercase());
    out
}

#[derive(Debug, Clone)]
struct Shape {
    config: Option<&'static str>,
    leading_comment: Option<&'static str>,
    cte: bool,
    distinct_on: bool,
    items: Vec<(String, &'static str, Option<&'static str>)>,
    for_loop: bool,
    relation: &'static str,
    predicates: Vec<String>,
    incremental: bool,
    group_by: bool,
    order_by: bool,
    macro_wrap: bool,
    upper: bool,
    crlf: bool,
}

fn shape() -> impl Strategy<Value = Shape> {
    (
        (
            prop::option::of(prop::sample::select(CONFIGS)),
            prop::option::of(prop::sample::select(COMMENTS)),
            any::<bool>(),
            prop::bool::weighted(0.2),
            prop::collection::vec(
                (
                    expression(),
                    blank(),
                    prop::option::weighted(0.15, prop::sample::select(COMMENTS)),
                ),
                1..8,
            ),
            prop::bool::weighted(0.2),
        ),
        (
            prop::sample::select(RELATIONS),
            prop::collection::vec(predicate(), 0..3),
            prop::bool::weighted(0.3),
            prop::bool::weighted(0.2),
            prop::bool::weighted(0.3),
            prop::bool::weighted(0.15),
            prop::bool::weighted(0.2),
            prop::bool::weighted(0.2),
        ),
    )
        .prop_map(
            |(
                (config, leading_comment, cte, distinct_on, items, for_loop),
                (relation, predicates, incremental, group_by, order_by, macro_wrap, upper, crlf),
            )| Shape {
                config,
                leading_comment,
                cte,
                distinct_on,
                items,
                for_loop,
                relation,
                predicates,
                incremental,
                group_by,
                order_by,
                macro_wrap,
                upper,
                crlf,
            },
        )
}

fn render(s: &Shape) -> String {
    let mut m = String::new();
    if s.macro_wrap {
        m.push_str("{% macro generated(col, codes) %}\n");
    }
    if let Some(config) = s.config {
        m.push_str(config);
        m.push_str("\n\n");
    }
    if let Some(c) = s.leading_comment {
        m.push_str(c);
    }
    let from = if s.cte {
        m.push_str(&format!(
            "with source as (\n\n    select * from {}\n\n)\n\n",
            s.relation
        ));
        "source"
    } else {
        s.relation
    };
    m.push_str("select");
    if s.distinct_on {
        m.push_str(" distinct on (id)");
    }
    m.push_str("\n    ");
    if s.for_loop {
        m.push_str(
            "{% for c in ['a', 'b'] %}\n    {{ c }}::int4 as {{ c }}_id,\n    {% endfor %}\n    ",
        );
    }
    for (i, (expression, blank, comment)) in s.items.iter().enumerate() {
        if i > 0 {
            m.push(',');
            m.push_str(blank);
        }
        if let Some(c) = comment {
            m.push_str(c);
        }
        m.push_str(&format!("{expression} as c{i}"));
    }
    m.push_str(&format!("\nfrom {from}\n"));
    for (i, p) in s.predicates.iter().enumerate() {
        m.push_str(if i == 0 { "where " } else { "  and " });
        m.push_str(p);
        m.push('\n');
    }
    if s.incremental {
        m.push_str(&format!(
            "{{% if is_incremental() %}}\n{} ordered_at > (select max(ordered_at) from {{{{ this }}}})\n{{% endif %}}\n",
            if s.predicates.is_empty() { "where" } else { "  and" }
        ));
    }
    if s.group_by {
        m.push_str("group by 1\n");
    }
    if s.order_by || s.distinct_on {
        m.push_str("order by id, ordered_at desc\n");
    }
    if s.macro_wrap {
        m.push_str("{% endmacro %}\n");
    }
    if s.upper {
        m = upper_sql(&m);
    }
    if s.crlf {
        m = m.replace('\n', "\r\n");
    }
    m
}

fn fixture_texts() -> &'static [String] {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let mut texts = Vec::new();
        let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")];
        while let Some(dir) = dirs.pop() {
            let mut entries: Vec<_> = fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            entries.sort();
            for path in entries {
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "sql") {
                    texts.push(fs::read_to_string(&path).unwrap());
                }
            }
        }
        texts
    })
}

/// Whole fixture files, or pieces of them cut at line breaks, glued together:
/// texts that need not parse, with Jinja cut anywhere a line ends.
fn spliced_fixtures() -> impl Strategy<Value = String> {
    let count = fixture_texts().len();
    prop::collection::vec((0..count, any::<prop::sample::Index>(), blank()), 1..4).prop_map(
        |pieces| {
            let mut text = String::new();
            for (file, cut, blank) in pieces {
                let source = &fixture_texts()[file];
                let breaks: Vec<usize> = std::iter::once(0)
                    .chain(source.match_indices('\n').map(|(i, _)| i + 1))
                    .collect();
                text.push_str(&source[*cut.get(&breaks)..]);
                text.push_str(blank);
            }
            text
        },
    )
}

/// Characters that open, close or split something: quotes, brackets, Jinja
/// delimiters, comment markers, casts, line breaks, a multi-byte letter.
const DISRUPTIONS: &[&str] = &[
    "'", "\"", "(", ")", "{", "}", "{{", "%}", "#", "--", "/*", "*/", "$$", "::", "->", "~", "\n",
    "\r\n", "é", ",", ";",
];

/// A rendered model with a few disruptive characters inserted, so that the
/// error paths (unterminated strings, comments, tags; half casts) are walked.
fn disrupted_model() -> impl Strategy<Value = String> {
    (
        shape(),
        prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                prop::sample::select(DISRUPTIONS),
            ),
            1..4,
        ),
    )
        .prop_map(|(shape, insertions)| {
            let mut text = render(&shape);
            for (at, insert) in insertions {
                let boundaries: Vec<usize> = text
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain([text.len()])
                    .collect();
                text.insert_str(*at.get(&boundaries), insert);
            }
            text
        })
}

fn model() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => shape().prop_map(|s| render(&s)),
        1 => spliced_fixtures(),
        1 => disrupted_model(),
    ]
}

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64);
    Config {
        cases,
        // Failures are shrunk and printed; nothing is written into the tree.
        failure_persistence: None,
        ..Config::default()
    }
}

/// Rules allowed to edit inside the argument list of `{{ config(…) }}`: the
/// one exception to "Jinja comes out unchanged" (dbt-postgres-only configs).
const CONFIG_EDITORS: &[&str] = &["PG701", "PG702", "PG703"];

/// Each Jinja region, in order: its text, or for a `{{ config(…) }}` call
/// (whose arguments the dbt-config rules may edit) only its tag.
fn jinja_texts(text: &str) -> Option<Vec<&str>> {
    jinja::scan(text).ok().map(|regions| {
        regions
            .iter()
            .map(|r| {
                if is_config_call(r) {
                    "{{ config(…) }}"
                } else {
                    &text[r.range.clone()]
                }
            })
            .collect()
    })
}

fn is_config_call(region: &jinja::JinjaRegion) -> bool {
    region.kind == jinja::JinjaKind::Expression && region.tag == "config"
}

/// Line and character column of a byte offset, counted here independently of
/// the crate's line index.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn check_positions(text: &str, c: &Conversion) -> Result<(), TestCaseError> {
    for d in &c.diagnostics {
        let r = &d.range;
        prop_assert!(
            r.start <= r.end && r.end <= text.len(),
            "{} at {r:?} outside a file of {} bytes",
            d.code,
            text.len()
        );
        prop_assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{} at {r:?} splits a character",
            d.code
        );
        prop_assert_eq!(
            (d.line, d.column),
            line_col(text, r.start),
            "{} start",
            &d.code
        );
        prop_assert_eq!(
            (d.end_line, d.end_column),
            line_col(text, r.end),
            "{} end",
            &d.code
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn converting_twice_changes_nothing(text in model()) {
        let first = convert_text(&text);
        let second = convert_text(&first.output);
        prop_assert_eq!(&second.output, &first.output, "second conversion changed the output");
        // A file in error is copied as it was, so its second conversion is its
        // first over again; any other output has nothing left to rewrite.
        if first.status != Status::Error {
            let refixed: Vec<_> = second.diagnostics.iter().filter(|d| d.fixed).collect();
            prop_assert!(refixed.is_empty(), "fixed again: {:?}", refixed);
        } else {
            prop_assert_eq!(&first.output, &text);
        }
    }

    #[test]
    fn jinja_comes_out_byte_for_byte(text in model()) {
        let c = convert_text(&text);
        match jinja_texts(&text) {
            Some(before) => prop_assert_eq!(Some(before), jinja_texts(&c.output)),
            // Jinja that does not scan: the file is in error and unchanged.
            None => prop_assert_eq!(&c.output, &text),
        }
    }

    #[test]
    fn rewrites_lie_between_jinja_regions(text in model()) {
        let c = convert_text(&text);
        let Ok(regions) = jinja::scan(&text) else {
            prop_assert_eq!(&c.output, &text);
            return Ok(());
        };
        for fix in &c.fixes {
            for edit in &fix.edits {
                let r = &edit.range;
                prop_assert!(r.end <= text.len());
                for region in &regions {
                    let j = &region.range;
                    // An insertion may touch a region's edge, never its inside.
                    let inside = if r.is_empty() {
                        j.start < r.start && r.start < j.end
                    } else {
                        r.start < j.end && j.start < r.end
                    };
                    let config_edit = is_config_call(region)
                        && CONFIG_EDITORS.contains(&fix.code.as_str())
                        && region.body.start < r.start
                        && r.end < region.body.end;
                    prop_assert!(
                        !inside || config_edit,
                        "{} rewrites {r:?}, inside Jinja {:?}",
                        fix.code,
                        &text[j.clone()]
                    );
                }
            }
        }
        // Between the regions, the SQL may change; the regions may not, nor
        // their number or order.
        prop_assert_eq!(
            jinja_texts(&c.output).map(|t| t.len()),
            Some(regions.len())
        );
    }

    #[test]
    fn diagnostics_point_inside_the_file(text in model()) {
        let c = convert_text(&text);
        check_positions(&text, &c)?;
    }

    #[test]
    fn diagnostics_point_inside_the_output_when_converted_again(text in model()) {
        let c = convert_text(&text);
        let again = convert_text(&c.output);
        check_positions(&c.output, &again)?;
    }
}

#[test]
fn the_generator_reaches_the_rewrites() {
    // A generator whose models never parse would make every property above
    // vacuous: most rendered shapes must convert, and some must be rewritten.
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut rewritten = 0;
    let mut parsed = 0;
    for _ in 0..64 {
        let text = render(&shape().new_tree(&mut runner).unwrap().current());
        let c = convert_text(&text);
        parsed += usize::from(c.status != Status::Error);
        rewritten += usize::from(c.output != text);
    }
    assert!(parsed >= 48, "only {parsed} of 64 generated models parse");
    assert!(
        rewritten >= 32,
        "only {rewritten} of 64 generated models were rewritten"
    );
}

/// Writes ~50 generated models into nested folders, beside a few files that
/// are copied as they are.
fn generated_project(root: &Path) {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let folders = ["models/staging", "models/marts/core", "macros", "analyses"];
    for i in 0..50 {
        let text = model().new_tree(&mut runner).unwrap().current();
        let dir = root.join(folders[i % folders.len()]);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join(format!("model_{i:02}.sql")), text).unwrap();
    }
    fs::write(root.join("models/staging/schema.txt"), "not SQL\n").unwrap();
    fs::write(root.join("models/marts/latin1.sql"), b"select 'caf\xe9'\n").unwrap();
}

fn convert_with_jobs(src: &Path, dir: &Path, name: &str, jobs: &str) -> (PathBuf, PathBuf) {
    let out = dir.join(format!("out-{name}"));
    let report = dir.join(format!("report-{name}"));
    let result = std::process::Command::new(env!("CARGO_BIN_EXE_pg2sf"))
        .arg("convert")
        .arg(src)
        .arg("--out")
        .arg(&out)
        .arg("--report")
        .arg(&report)
        .args(["--jobs", jobs])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let code = result.status.code();
    assert!(
        code == Some(0) || code == Some(1),
        "exit {code:?}: {}",
        String::from_utf8_lossy(&result.stderr)
    );
    (out, report)
}

/// Every file under `root` with its bytes, by relative path.
fn tree(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                files.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn a_generated_project_converts_the_same_with_any_number_of_jobs_and_once_only() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    generated_project(&src);
    let (out1, report1) = convert_with_jobs(&src, dir.path(), "1", "1");
    let (out2, report2) = convert_with_jobs(&src, dir.path(), "2", "2");
    let output = tree(&out1);
    assert_eq!(
        output.len(),
        52,
        "every file of the project is in the output"
    );
    assert!(
        output == tree(&out2),
        "outputs differ between --jobs 1 and --jobs 2"
    );
    let json1 = fs::read(report1.join("report.json")).unwrap();
    assert!(
        json1 == fs::read(report2.join("report.json")).unwrap(),
        "report.json differs between --jobs 1 and --jobs 2"
    );
    let report: serde_json::Value = serde_json::from_slice(&json1).unwrap();
    let converted = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f.get("output").is_some_and(|o| !o.is_null()))
        .count();
    assert!(
        converted >= 10,
        "only {converted} generated models were rewritten"
    );

    // Converting the output again changes no file.
    let (again, _) = convert_with_jobs(&out1, dir.path(), "again", "2");
    let changed: Vec<_> = tree(&again)
        .into_iter()
        .filter(|(path, bytes)| output.get(path) != Some(bytes))
        .map(|(path, _)| path)
        .collect();
    assert!(
        changed.is_empty(),
        "a second conversion changed {changed:?}"
    );
}
