//! Throughput of the flattened-text readers (issue 16's floor: space-aligned text to cells
//! at 20 MB/s or more): `pdftotext -layout` output of both fixture PDFs, of the invented
//! みなと report printed by WeasyPrint and by LibreOffice (a print that spaces the scripts:
//! its cells read back, `script_spacing`), and a Markdown pipe table made from the 上越
//! seed's rows.
//!
//! `cargo bench -p shinchoku-extract --bench layout` (add `-- --test` to only check that
//! every benchmark runs).
//!
//! Measured with the binary's allocator (mimalloc): a reader makes and drops many small
//! strings, and the floor is the tool's, not glibc's `malloc`'s.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use shinchoku_extract::read_text;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const JOETSU_LAYOUT: &[u8] =
    include_bytes!("../../../fixtures/flat/joetsu-kpi-progress-r5.layout.txt");
const KASHIWAZAKI_LAYOUT: &[u8] =
    include_bytes!("../../../fixtures/flat/kashiwazaki-progress-report-r3.layout.txt");
const MINATO_WEASY_LAYOUT: &[u8] =
    include_bytes!("../../../fixtures/flat/minato-kpi-progress-r5.none.weasy.layout.txt");
const MINATO_LO_LAYOUT: &[u8] =
    include_bytes!("../../../fixtures/flat/minato-kpi-progress-r5.none.lo.layout.txt");
const JOETSU: &str = include_str!("../../../fixtures/joetsu-kpi-progress-r5.txt");

fn bench_layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    for (name, bytes) in [
        ("spaces/joetsu", JOETSU_LAYOUT),
        ("spaces/kashiwazaki", KASHIWAZAKI_LAYOUT),
        ("spaces/minato-weasy", MINATO_WEASY_LAYOUT),
        ("spaces/minato-lo", MINATO_LO_LAYOUT),
    ] {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| b.iter(|| read_text(black_box(bytes)).unwrap()));
    }
    // The seed's tab-separated lines as a pipe table.
    let pipes: String = JOETSU
        .lines()
        .map(|l| format!("| {} |\n", l.replace('\t', " | ")))
        .collect();
    group.throughput(Throughput::Bytes(pipes.len() as u64));
    group.bench_function("pipes/joetsu", |b| {
        b.iter(|| read_text(black_box(pipes.as_bytes())).unwrap());
    });
    group.finish();
}

criterion_group!(benches, bench_layout);
criterion_main!(benches);
