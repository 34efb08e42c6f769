//! Converts every .sql file of the folders given with the splice check on:
//! how many later passes had their tokens spliced (`parse::splice`) rather
//! than tokenised whole, each splice compared with a whole tokenisation.
//!
//!     cargo run --release --example splice_count -- DIR [DIR…]

fn main() {
    pg2sf::parse::check::start();
    for dir in std::env::args().skip(1) {
        for entry in walkdir::WalkDir::new(&dir) {
            let Ok(entry) = entry else { continue };
            if entry.path().extension().is_some_and(|e| e == "sql") {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    pg2sf::convert::convert_text(&text);
                }
            }
        }
    }
    let (tried, made, bad) = pg2sf::parse::check::finish();
    println!("tried {tried} made {made} disagreements {}", bad.len());
}
