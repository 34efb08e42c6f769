//! Renders the HTML page and the Markdown summary of a `report.json` into
//! memory, for profiling the report alone:
//! `valgrind --tool=callgrind target/release/examples/render_pages REPORT.json [DIR]`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: render_pages REPORT.json");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let report = match pg2sf::report::Report::from_json(&text) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let html = pg2sf::report::html::render(&report);
    let markdown = pg2sf::report::markdown::render(&report);
    // A second argument: a folder to write index.html and report.md into.
    if let Some(dir) = std::env::args().nth(2) {
        let dir = std::path::Path::new(&dir);
        for (name, text) in [("index.html", &html), ("report.md", &markdown)] {
            if let Err(e) = std::fs::write(dir.join(name), text) {
                eprintln!("{}: {e}", dir.join(name).display());
                std::process::exit(2);
            }
        }
    }
    println!(
        "{} bytes of HTML, {} of Markdown",
        html.len(),
        markdown.len()
    );
}
