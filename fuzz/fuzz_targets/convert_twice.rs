//! Invariants of the per-file pipeline on arbitrary UTF-8, as in
//! tests/properties.rs: a second conversion of the output changes nothing and
//! rewrites nothing; Jinja outside `{{ config(…) }}` comes out byte for byte;
//! every diagnostic lies inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pg2sf::convert::{convert_text, Status};
use pg2sf::jinja::{self, JinjaKind};

fn jinja_texts(text: &str) -> Option<Vec<&str>> {
    let regions = jinja::scan(text).ok()?;
    Some(
        regions
            .iter()
            .filter(|r| !(r.kind == JinjaKind::Expression && r.tag == "config"))
            .map(|r| &text[r.range.clone()])
            .collect(),
    )
}

fuzz_target!(|text: &str| {
    let first = convert_text(text);
    for d in &first.diagnostics {
        assert!(d.range.start <= d.range.end && d.range.end <= text.len());
        assert!(text.is_char_boundary(d.range.start) && text.is_char_boundary(d.range.end));
    }
    if first.status == Status::Error {
        assert_eq!(first.output, text);
        return;
    }
    assert_eq!(
        jinja_texts(text),
        jinja_texts(&first.output),
        "Jinja changed"
    );
    let second = convert_text(&first.output);
    assert_eq!(
        second.output, first.output,
        "a second conversion changed the output"
    );
    assert!(
        second.diagnostics.iter().all(|d| !d.fixed),
        "a second conversion rewrote something"
    );
});
