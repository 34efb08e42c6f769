//! [`parse_floor`](parse_floor.rs) with the allocator pg2sf uses
//! (mimalloc), so that the floor is measured on equal terms too:
//!
//!     cargo run --release --example parse_floor_mimalloc -- DIR [DIR…]

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "support/floor.rs"]
mod floor;

fn main() {
    floor::run();
}
