#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use shinchoku_cli::pipeline::{process_bytes, Options};
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let n: usize = std::env::args()
        .nth(2)
        .map(|s| s.parse().unwrap())
        .unwrap_or(10);
    let bytes = std::fs::read(&path).unwrap();
    let opts = Options::default();
    let mut total = 0;
    for _ in 0..n {
        let doc = process_bytes("x", &bytes, &opts).unwrap();
        total += shinchoku_writer::to_canonical_json(&doc).unwrap().len();
    }
    println!("{total}");
}
