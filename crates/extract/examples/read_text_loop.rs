//! Reads one text file into cells N times: a driver to profile the text readers with
//! `perf record -g` or count their instructions with `perf stat` (steadier than wall time
//! on a shared machine).
//!
//! `cargo build --release -p shinchoku-extract --example read_text_loop`, then
//! `perf stat -e instructions target/release/examples/read_text_loop FILE 1000`.

use std::hint::black_box;

/// The binary's allocator, so a profile shows what the binary spends.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(times)) = (args.next(), args.next()) else {
        eprintln!("usage: read_text_loop FILE TIMES");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let times: u32 = times.parse().unwrap_or_else(|_| {
        eprintln!("{times}: not a number of times");
        std::process::exit(2);
    });
    let mut lines = 0;
    for _ in 0..times {
        lines += shinchoku_extract::read_text(black_box(&bytes))
            .map(|doc| doc.lines.len())
            .unwrap_or(0);
    }
    println!("{lines} lines in all");
}
