//! The floor for `pg2sf convert`: sqlparser's bare parse of the same masked
//! text, on one thread. `scripts/bench` compares convert's time with this.
//!
//!     cargo run --release --example parse_floor -- [--masked-to OUT] DIR [DIR…]
//!
//! `--masked-to OUT` also writes the masked texts there (OUT/0.sql, …), so
//! another tool (sqlglot) can be timed on the very text that was parsed.

#[path = "support/floor.rs"]
mod floor;

fn main() {
    floor::run();
}
