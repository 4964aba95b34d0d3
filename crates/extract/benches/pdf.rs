//! PDF glyphs → lines of cells (`pdf::read_pdf`) on the two fixture PDFs, for each
//! backend forced by name; throughput in pages. Pages are read in parallel (rayon), so
//! the numbers depend on the cores free at the time.
//!
//! `cargo bench -p shinchoku-extract --bench pdf` (add `-- --test` to only check that
//! every benchmark runs).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use shinchoku_extract::pdf::{read_pdf, PdfOptions};

const JOETSU: &[u8] = include_bytes!("../../../fixtures/joetsu-kpi-progress-r5.pdf");
const KASHIWAZAKI: &[u8] = include_bytes!("../../../fixtures/kashiwazaki-progress-report-r3.pdf");

const BACKENDS: [&str; 2] = ["pdfplumber", "pdf-extract"];

fn fixtures() -> [(&'static str, &'static [u8]); 2] {
    [("joetsu", JOETSU), ("kashiwazaki", KASHIWAZAKI)]
}

fn options(backend: &str) -> PdfOptions {
    PdfOptions {
        backend: Some(backend.to_string()),
        ..PdfOptions::default()
    }
}

fn bench_read_pdf(c: &mut Criterion) {
    let mut group = c.benchmark_group("read_pdf");
    // A fixture takes tens of milliseconds: fewer, longer samples keep a run short.
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(5));
    for (name, bytes) in fixtures() {
        for backend in BACKENDS {
            let opts = options(backend);
            // Read once outside the timer: the page count for the throughput, and a check
            // that this backend really produces lines (a benchmark of an error is useless).
            let doc =
                read_pdf(bytes, &opts).unwrap_or_else(|e| panic!("{name} with {backend}: {e}"));
            assert!(!doc.lines.is_empty(), "{name} with {backend}: no lines");
            let pages = doc.pages.expect("a PDF has a page count");
            group.throughput(Throughput::Elements(u64::from(pages)));
            group.bench_function(format!("{backend}/{name}"), |b| {
                b.iter(|| read_pdf(black_box(bytes), &opts).unwrap());
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_read_pdf);
criterion_main!(benches);
