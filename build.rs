//! Turns the rule tables of `rules/*.toml` into JSON in `OUT_DIR`, which the
//! rules embed and read at start-up (`rules::table`): TOML is the form for
//! people to edit, but parsing it took 5 M instructions at every start, most
//! of a pre-commit hook's run on one file; serde_json reads the same table in
//! a tenth of that.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=rules");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut tables: Vec<_> = std::fs::read_dir("rules")
        .expect("the rules/ folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    tables.sort();
    for path in tables {
        let text = std::fs::read_to_string(&path).expect("a rule table");
        let table: toml::Value = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()));
        let json = serde_json::to_string(&table).expect("a TOML value as JSON");
        let stem = path.file_stem().expect("a file name");
        let target = Path::new(&out).join(stem).with_extension("json");
        std::fs::write(&target, json).expect("writing into OUT_DIR");
    }
}
