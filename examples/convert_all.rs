//! `convert_text` over every .sql file of the folders given, nothing else:
//! the target for callgrind/perf when profiling the per-file pipeline.
//!
//!     valgrind --tool=callgrind target/release/examples/convert_all DIR

use std::path::Path;

// The allocator pg2sf itself uses (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut changed = 0;
    let mut files = 0;
    for dir in std::env::args().skip(1) {
        for entry in walkdir::WalkDir::new(Path::new(&dir)).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            if entry.path().extension().is_some_and(|e| e == "sql") {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    files += 1;
                    if pg2sf::convert::convert_text(&text).output != text {
                        changed += 1;
                    }
                }
            }
        }
    }
    println!("{files} files, {changed} changed");
}
