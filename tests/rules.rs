//! Every rule's fixtures: `fixtures/rules/<CODE>/<case>.sql` is converted and
//! the snapshot shows the findings and the output, so a reviewer reads
//! behaviour. Each fixture must produce at least one finding of its rule's code
//! (a fixture named `pass_*.sql` must produce none).

use std::fs;
use std::path::Path;

use pg2sf::convert::convert_text;

fn render(input: &str) -> String {
    let conversion = convert_text(input);
    let mut out = format!("status: {}\n--- findings\n", conversion.status.as_str());
    for d in &conversion.diagnostics {
        out.push_str(&format!(
            "{}:{} {} [{}{}] {}\n",
            d.line,
            d.column,
            d.code,
            d.category.as_str(),
            if d.fixed { ", fixed" } else { "" },
            d.message
        ));
    }
    out.push_str("--- output\n");
    out.push_str(&conversion.output);
    out
}

#[test]
fn rule_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules");
    let mut dirs: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    dirs.sort();
    let mut seen = 0;
    for dir in dirs {
        let code = dir.file_name().unwrap().to_string_lossy().to_string();
        // PG2SF_RULE=PG301 runs one rule's fixtures while working on it.
        if std::env::var("PG2SF_RULE").is_ok_and(|only| !code.starts_with(&only)) {
            continue;
        }
        assert!(
            pg2sf::rules::find(&code).is_some(),
            "fixtures/rules/{code} names no rule"
        );
        let mut cases: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        cases.sort();
        for case in cases
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        {
            let input = fs::read_to_string(case).unwrap();
            let name = case.file_stem().unwrap().to_string_lossy().to_string();
            let conversion = convert_text(&input);
            let hits = conversion
                .diagnostics
                .iter()
                .filter(|d| d.code == code)
                .count();
            if name.starts_with("pass") {
                assert_eq!(hits, 0, "{code}/{name}: expected no {code} finding");
            } else {
                assert!(
                    hits > 0,
                    "{code}/{name}: expected a {code} finding, got {:?}",
                    conversion.diagnostics
                );
            }
            insta::with_settings!({snapshot_path => "snapshots/rules", prepend_module_to_snapshot => false}, {
                insta::assert_snapshot!(format!("{code}__{name}"), render(&input));
            });
            seen += 1;
        }
    }
    assert!(seen > 0);
}
