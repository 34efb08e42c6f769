//! The whole per-file pipeline on arbitrary UTF-8: Jinja scan → mask → parse
//! → rules → edits → Snowflake re-parse. Any panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = pg2sf::convert::convert_text(text);
});
