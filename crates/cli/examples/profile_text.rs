//! The text path in process, `N` times over one file, for instruction counts and profiles:
//! what `benches/extract.rs` times, without criterion's own work in the profile.
//!
//! ```sh
//! cargo build --release --example profile_text
//! valgrind --tool=callgrind target/release/examples/profile_text fixtures/joetsu-kpi-progress-r5.txt 11
//! ```
//!
//! Run it with N and with 1 and take the difference over N − 1 for the instructions of one
//! pass without process start-up (BENCHMARKS.md, session 5).

use shinchoku_run::pipeline::{process_bytes, Options};

// The binary's allocator (`src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: profile_text FILE [N]")?;
    let runs: usize = match args.next() {
        Some(n) => n.parse().map_err(|e| format!("N: {e}"))?,
        None => 10,
    };
    let bytes = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
    let options = Options::default();
    let mut written = 0;
    for _ in 0..runs {
        let doc = process_bytes(&path, &bytes, &options).map_err(|e| format!("{path}: {e}"))?;
        let json =
            shinchoku_run::pipeline::document_json(&doc, bytes.len()).map_err(|e| e.to_string())?;
        written += json.len();
    }
    println!("{runs} runs, {written} bytes of JSON");
    Ok(())
}
