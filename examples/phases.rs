//! Where convert's time goes, per pipeline step, on one thread: the bare
//! parse (floor), `convert_text` (every pass, rules, Snowflake re-parse), and
//! the report rendering. Complements `scripts/bench` (whole process).
//!
//!     cargo run --release --example phases -- DIR [DIR…]

// The allocator pg2sf itself uses (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::Path;
use std::time::Instant;

use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::Parser;

fn main() {
    let mut texts = Vec::new();
    for dir in std::env::args().skip(1) {
        for entry in walkdir::WalkDir::new(Path::new(&dir)).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            if entry.path().extension().is_some_and(|e| e == "sql") {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    texts.push(text);
                }
            }
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    let report = |what: &str, seconds: f64| {
        println!(
            "{what:<28} {:>8.1} ms  {:>6.2} MB/s",
            seconds * 1e3,
            mb / seconds
        );
    };

    let start = Instant::now();
    let masked: Vec<String> = texts
        .iter()
        .map(|text| match pg2sf::jinja::scan(text) {
            Ok(regions) => pg2sf::mask::mask_file(text, &regions).masked,
            Err(_) => text.clone(),
        })
        .collect();
    report("jinja scan + mask", start.elapsed().as_secs_f64());

    let dialect = PostgreSqlDialect {};
    let start = Instant::now();
    for text in &masked {
        let _ = Parser::parse_sql(&dialect, text);
    }
    let floor = start.elapsed().as_secs_f64();
    report("floor: Parser::parse_sql", floor);

    let start = Instant::now();
    for text in &masked {
        let _ = pg2sf::parse::parse_postgres(text);
    }
    report("parse::parse_postgres", start.elapsed().as_secs_f64());

    let start = Instant::now();
    let mut changed = 0;
    for text in &texts {
        let c = pg2sf::convert::convert_text(text);
        if c.output != *text {
            changed += 1;
        }
    }
    let convert = start.elapsed().as_secs_f64();
    report("convert_text", convert);
    println!(
        "{} files ({changed} changed), {mb:.2} MB; convert_text / floor = {:.2}",
        texts.len(),
        convert / floor
    );
}
