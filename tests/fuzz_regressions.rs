//! Every input that once crashed or hung the pipeline (found by fuzzing or by
//! the property tests), run through it again. A file's name says what it
//! broke; the inputs are arbitrary bytes, read as a file of unknown encoding
//! would be.

use std::fs;
use std::path::Path;

use pg2sf::convert::convert_text;
use pg2sf::{jinja, mask};

#[test]
fn no_reproducer_crashes_the_pipeline() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no reproducers in {}", dir.display());
    for path in paths {
        let bytes = fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let name = path.display();
        let conversion = std::panic::catch_unwind(|| convert_text(&text))
            .unwrap_or_else(|_| panic!("{name}: convert_text panicked"));
        for d in &conversion.diagnostics {
            assert!(
                d.range.start <= d.range.end && d.range.end <= text.len(),
                "{name}: {} at {:?} lies outside the file",
                d.code,
                d.range
            );
        }
        if let Ok(regions) = jinja::scan(&text) {
            let masked = mask::mask_file(&text, &regions);
            assert_eq!(
                masked.masked.len(),
                text.len(),
                "{name}: masking moved bytes"
            );
        }
    }
}
