//! The body of `parse_floor` and `parse_floor_mimalloc`.

use std::path::Path;
use std::time::Instant;

use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::Parser;

pub fn run() {
    let mut texts = Vec::new();
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let masked_to = match args.iter().position(|a| a == "--masked-to") {
        Some(i) if i + 1 < args.len() => {
            let out = args.remove(i + 1);
            args.remove(i);
            Some(out)
        }
        _ => None,
    };
    for dir in args {
        for entry in walkdir::WalkDir::new(Path::new(&dir)).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            if entry.path().extension().is_some_and(|e| e == "sql") {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    // The same masked text convert parses (the model fragment).
                    let masked = match pg2sf::jinja::scan(&text) {
                        Ok(regions) => pg2sf::mask::mask_file(&text, &regions).masked,
                        Err(_) => text,
                    };
                    texts.push(masked);
                }
            }
        }
    }
    if let Some(out) = &masked_to {
        std::fs::create_dir_all(out).expect("the --masked-to folder");
        for (i, text) in texts.iter().enumerate() {
            std::fs::write(Path::new(out).join(format!("{i}.sql")), text).expect("a masked text");
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let dialect = PostgreSqlDialect {};
    let start = Instant::now();
    let mut parsed = 0;
    for text in &texts {
        if Parser::parse_sql(&dialect, text).is_ok() {
            parsed += 1;
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "parse floor: {} files ({parsed} parsed), {:.2} MB in {:.3} s: {:.2} MB/s, {:.0} files/s",
        texts.len(),
        bytes as f64 / 1e6,
        seconds,
        bytes as f64 / 1e6 / seconds,
        texts.len() as f64 / seconds
    );
}
