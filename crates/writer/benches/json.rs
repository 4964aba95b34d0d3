//! Writing a whole document as canonical JSON; throughput in bytes of output.
//!
//! The documents under `benches/data/` are `shinchoku extract` outputs of the seed
//! reports (regenerate with `shinchoku extract fixtures/NAME.txt -o
//! crates/writer/benches/data/NAME.json`), loaded as `serde_json::Value`: these are the
//! paths of `check`, `dataset` and `--pretty`. The CLI's typed path (`write_document`) is
//! measured with the rest of a document's processing by `cargo bench -p shinchoku --bench
//! extract`.
//!
//! `cargo bench -p shinchoku-writer --bench json` (add `-- --test` to only check that
//! every benchmark runs).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use serde_json::Value;
use shinchoku_writer::{to_canonical_json, to_pretty_json, write_canonical};

const DOCUMENTS: [&str; 2] = [
    "kashiwazaki-progress-report-r3.json",
    "joetsu-kpi-progress-r5.json",
];

fn load(name: &str) -> Value {
    let path = format!("{}/benches/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn bench_write(c: &mut Criterion) {
    let mut group = c.benchmark_group("canonical_json");
    for name in DOCUMENTS {
        let doc = load(name);
        let canonical = to_canonical_json(&doc).expect("a Value always serializes");
        // The committed files are themselves canonical output: writing one back must
        // reproduce it byte for byte, or the benchmark measures something else.
        let committed = std::fs::read(format!(
            "{}/benches/data/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("read above");
        assert_eq!(
            canonical.trim_ascii_end(),
            committed.trim_ascii_end(),
            "{name} is not canonical"
        );
        group.throughput(Throughput::Bytes(canonical.len() as u64));
        group.bench_function(format!("to_canonical_json/{name}"), |b| {
            b.iter(|| to_canonical_json(black_box(&doc)).unwrap());
        });
        group.bench_function(format!("write_canonical/{name}"), |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(canonical.len());
                write_canonical(black_box(&doc), &mut out).unwrap();
                out
            });
        });
        let pretty = to_pretty_json(&doc).expect("a Value always serializes");
        group.throughput(Throughput::Bytes(pretty.len() as u64));
        group.bench_function(format!("pretty/{name}"), |b| {
            b.iter(|| to_pretty_json(black_box(&doc)).unwrap());
        });
    }
    group.finish();
}

criterion_group!(benches, bench_write);
criterion_main!(benches);
