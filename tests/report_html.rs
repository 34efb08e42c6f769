//! The reviewer's pages (`index.html`, `report.md`) of the sample project and
//! of small hostile projects: self-contained, every link lands, the counts are
//! report.json's, model text stays text, and `pg2sf report` rebuilds the same
//! pages from report.json alone.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use pg2sf::report::{markdown, Report};
use serde_json::Value;

fn pg2sf(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pg2sf"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the pg2sf binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Converts `src`; returns the report folder.
fn convert(src: &Path, dir: &Path) -> PathBuf {
    let report = dir.join("report");
    let (code, stderr) = pg2sf(&[
        "convert",
        src.to_str().unwrap(),
        "--out",
        dir.join("out").to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
    ]);
    assert!(code == 0 || code == 1, "exit {code}: {stderr}");
    report
}

fn sample_report(dir: &Path) -> (String, Value) {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/jaffle_pg");
    let report = convert(&sample, dir);
    let html = fs::read_to_string(report.join("index.html")).unwrap();
    let json = fs::read_to_string(report.join("report.json")).unwrap();
    (html, serde_json::from_str(&json).unwrap())
}

/// The values of every `attr="…"` in the page, still escaped.
fn attr_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The page as text: tags removed, entities decoded.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    unescape(&text)
}

/// The files the page lists: SQL and dbt YAML files (kinds other than
/// `copied`), and any file in error.
fn sql_files(json: &Value) -> Vec<&Value> {
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] != "copied" || f["status"] == "error")
        .collect()
}

#[test]
fn the_page_loads_nothing_from_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let (html, _) = sample_report(dir.path());
    for needle in [" src=", "<link", "@import", "url(", "<iframe", "<object"] {
        assert!(!html.contains(needle), "index.html holds `{needle}`");
    }
    for href in attr_values(&html, "href") {
        assert!(href.starts_with('#'), "a link leaves the page: {href}");
    }
    assert_eq!(html.matches("<script>").count(), 1, "one inline script");
}

#[test]
fn every_link_in_the_page_lands_on_an_anchor() {
    let dir = tempfile::tempdir().unwrap();
    let (html, json) = sample_report(dir.path());
    let ids: BTreeSet<String> = attr_values(&html, "id").into_iter().map(unescape).collect();
    for href in attr_values(&html, "href") {
        let target = unescape(&href[1..]).replace("%20", " ");
        assert!(ids.contains(&target), "#{target} has no anchor");
    }
    for f in sql_files(&json) {
        let path = f["path"].as_str().unwrap();
        assert!(ids.contains(&format!("models/{path}")), "{path}: no anchor");
        for d in f["diagnostics"].as_array().unwrap() {
            let code = d["code"].as_str().unwrap();
            assert!(ids.contains(&format!("rules/{code}")), "{code}: no docs");
            // A finding with text to show is anchored at its line.
            if f.get("source").is_some() {
                let line = d["line"].as_u64().unwrap();
                assert!(
                    ids.contains(&format!("models/{path}/L{line}")),
                    "{path}:{line}: the finding's line has no anchor"
                );
            }
        }
    }
}

#[test]
fn the_counts_shown_are_report_json_counts() {
    let dir = tempfile::tempdir().unwrap();
    let (html, json) = sample_report(dir.path());
    let summary = &json["summary"];
    for (status, n) in summary["by_status"].as_object().unwrap() {
        let shown = format!("<span class=\"count\" data-status=\"{status}\">{n}</span>");
        assert!(html.contains(&shown), "missing {shown}");
    }
    for (code, n) in summary["by_code"].as_object().unwrap() {
        let row = format!("<tr data-code=\"{code}\">");
        let row = &html[html.find(&row).unwrap_or_else(|| panic!("{code}: no row"))..];
        let row = &row[..row.find("</tr>").unwrap()];
        assert!(
            row.contains(&format!("<td class=\"num count\">{n}</td>")),
            "{code}: {row}"
        );
    }
    let models = html.matches("<details class=\"model\"").count();
    assert_eq!(models as u64, summary["sql_files"].as_u64().unwrap());
    assert_eq!(models, sql_files(&json).len());
    assert!(html.contains(&format!("<span id=\"shown\">{models}</span>")));
    assert!(html.contains(&format!(
        "<strong id=\"percent\">{}%</strong>",
        summary["fully_converted_percent"]
    )));
}

#[test]
fn every_change_and_every_unconvertible_span_is_in_the_html_without_script() {
    let dir = tempfile::tempdir().unwrap();
    let (html, json) = sample_report(dir.path());
    let page = text_of(&html);
    let mut marked = 0;
    for f in sql_files(&json) {
        let path = f["path"].as_str().unwrap();
        let Some(before) = f["source"].as_str() else {
            continue;
        };
        let after = f["output"].as_str().unwrap_or(before);
        let old: BTreeSet<&str> = before.lines().collect();
        for line in after.lines().filter(|l| !old.contains(l)) {
            assert!(
                page.contains(line.trim_end_matches('\r')),
                "{path}: the added line `{line}` is not in the page"
            );
        }
        let unconvertible = f["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["category"] == "unconvertible");
        if unconvertible {
            let start = html.find(&format!("id=\"models/{path}\"")).unwrap();
            let section = &html[start..start + html[start..].find("</details>").unwrap()];
            assert!(
                section.contains("<mark"),
                "{path}: no unconvertible span marked"
            );
            marked += 1;
        }
    }
    assert!(marked > 0, "the sample has unconvertible models");
}

#[test]
fn model_text_and_paths_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    fs::create_dir_all(&src).unwrap();
    let hostile = "select '<script>alert(1)</script>' as x, a::int4 as \"</noscript><b>\"\nfrom t\nwhere x ~ '<img onerror=y>'\n";
    fs::write(src.join("o'brien & <co>.sql"), hostile).unwrap();
    let report = convert(&src, dir.path());
    let html = fs::read_to_string(report.join("index.html")).unwrap();
    let body = &html[html.find("<main>").unwrap()..html.find("<script>").unwrap()];
    for raw in ["<script>alert", "</noscript><b>", "<img onerror", "<co>"] {
        assert!(!body.contains(raw), "unescaped `{raw}` in the page");
    }
    assert!(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(body.contains("id=\"models/o&#39;brien &amp; &lt;co&gt;.sql\""));
    assert!(body.contains("href=\"#models/o&#39;brien%20&amp;%20%3Cco%3E.sql\""));
    let md = fs::read_to_string(report.join("report.md")).unwrap();
    assert!(
        md.contains("<code>o'brien &amp; &lt;co&gt;.sql</code>"),
        "{md}"
    );
}

#[test]
fn pg2sf_report_rebuilds_the_same_pages_from_report_json() {
    let dir = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/jaffle_pg");
    let report = convert(&sample, dir.path());
    let again = dir.path().join("again");
    let (code, stderr) = pg2sf(&[
        "report",
        report.join("report.json").to_str().unwrap(),
        "--out",
        again.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    for page in ["index.html", "report.md"] {
        assert!(
            fs::read(report.join(page)).unwrap() == fs::read(again.join(page)).unwrap(),
            "{page} differs when rebuilt from report.json"
        );
    }
    let (code, stderr) = pg2sf(&["report", again.join("index.html").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("not a pg2sf report.json"), "{stderr}");
}

#[test]
fn a_long_markdown_report_fits_a_github_comment_and_points_to_the_html() {
    let dir = tempfile::tempdir().unwrap();
    let (_, json) = sample_report(dir.path());
    // The sample's files 80 times over, under distinct folders.
    let mut big = json.clone();
    let files = json["files"].as_array().unwrap();
    big["files"] = Value::Array(
        (0..80)
            .flat_map(|i| {
                files.iter().map(move |f| {
                    let mut f = f.clone();
                    f["path"] =
                        Value::String(format!("copy{i:02}/{}", f["path"].as_str().unwrap()));
                    f
                })
            })
            .collect(),
    );
    let report = Report::from_json(&big.to_string()).unwrap();
    let md = markdown::render(&report);
    assert!(
        md.chars().count() <= markdown::COMMENT_LIMIT,
        "{} chars",
        md.chars().count()
    );
    assert!(md.contains("more models"), "no note on the models left out");
    assert!(md.contains("index.html"));
    assert_eq!(
        md.matches("<details>").count(),
        md.matches("</details>").count()
    );
    // The most urgent models come first.
    let first = md.find("</code>: unconvertible").unwrap();
    let converted = md.find("</code>: converted").unwrap_or(usize::MAX);
    assert!(first < converted);

    // The sample's own report fits whole.
    let whole = markdown::render(&Report::from_json(&json.to_string()).unwrap());
    assert!(!whole.contains("more models"));
    let changed = files.iter().filter(|f| f.get("output").is_some()).count();
    assert_eq!(whole.matches("```diff").count(), changed);
}
