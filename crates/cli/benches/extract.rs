//! The whole text path in process, as `shinchoku extract` runs it minus the file write:
//! bytes → lines (`read_text`) → KPIs (`reconstruct`) → canonical JSON. Throughput in bytes
//! of input text, so the figure is the "MB/s of input, JSON included" of the text floor.
//! Run `cargo bench -p shinchoku --bench extract` (or `-- --test` to only check it runs).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use shinchoku_run::pipeline::{process_bytes, Options};

// The binary's allocator (`src/main.rs`), so the figure is what `shinchoku extract` runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn text_fixtures(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract_text");
    for name in [
        "joetsu-kpi-progress-r5.txt",
        "kashiwazaki-progress-report-r3.txt",
        "sample-city-kpi-r4.txt",
    ] {
        let path = format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let options = Options::default();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let doc = process_bytes(name, std::hint::black_box(&bytes), &options)
                    .expect("fixture reads");
                shinchoku_run::pipeline::document_json(&doc, bytes.len())
                    .expect("fixture serializes")
            });
        });
    }
    group.finish();
}

criterion_group!(benches, text_fixtures);
criterion_main!(benches);
