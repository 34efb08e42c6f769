//! SARIF 2.1.0 (the OASIS standard GitHub code scanning reads): one run, its
//! tool's rules (those with findings), and one result per finding.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use super::{level, rule_name};
use crate::lint::FileFindings;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render(files: &[FileFindings]) -> String {
    let codes: BTreeSet<&str> = files
        .iter()
        .flat_map(|f| &f.findings)
        .map(|f| f.diagnostic.code.as_str())
        .collect();
    let codes: Vec<&str> = codes.into_iter().collect();
    let rules: Vec<Value> = codes.iter().map(|code| rule(code)).collect();
    let results: Vec<Value> = files
        .iter()
        .flat_map(|file| {
            let codes = &codes;
            file.findings.iter().map(move |f| {
                let d = &f.diagnostic;
                json!({
                    "ruleId": d.code,
                    "ruleIndex": codes.iter().position(|c| *c == d.code),
                    "level": level(d.category),
                    "message": {"text": d.message},
                    "locations": [{
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri(&file.path)},
                            "region": {
                                "startLine": d.line,
                                "startColumn": d.column,
                                "endLine": d.end_line,
                                "endColumn": d.end_column,
                            }
                        }
                    }],
                    "properties": {"category": d.category.as_str()},
                })
            })
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "pg2sf",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut text =
        serde_json::to_string_pretty(&log).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

fn rule(code: &str) -> Value {
    let (summary, docs, category) = match crate::rules::find(code) {
        Some(rule) => {
            let m = rule.meta();
            (m.summary.clone(), m.docs.clone(), m.category)
        }
        None => {
            let name = rule_name(code);
            (name.clone(), name, crate::rules::Category::Error)
        }
    };
    json!({
        "id": code,
        "name": rule_name(code),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": summary},
        "help": {"text": docs, "markdown": docs},
        "defaultConfiguration": {"level": level(category)},
    })
}

/// A relative path as a URI reference: `/` kept, the characters a URI
/// reserves or forbids percent-encoded.
fn uri(path: &str) -> String {
    let mut out = if path.starts_with('/') {
        "file://".to_string()
    } else {
        String::new()
    };
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out += &format!("%{b:02X}"),
        }
    }
    out
}
