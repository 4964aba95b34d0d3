//! `reconstruct` on both seed reports; throughput in bytes of input text.
//! Run `cargo bench -p shinchoku-table` (or `-- --test` to only check it runs).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use shinchoku_extract::read_text;

fn seeds(c: &mut Criterion) {
    let mut group = c.benchmark_group("reconstruct");
    for name in [
        "joetsu-kpi-progress-r5.txt",
        "kashiwazaki-progress-report-r3.txt",
    ] {
        let path = format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let lines = read_text(&bytes).expect("seed reads").lines;
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| shinchoku_table::reconstruct(std::hint::black_box(&lines)));
        });
    }
    group.finish();
}

criterion_group!(benches, seeds);
criterion_main!(benches);
