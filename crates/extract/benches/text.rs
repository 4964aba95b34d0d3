//! Throughput of the text input layer on the two seeds: decoding (UTF-8 and a Shift_JIS
//! copy made here), `read_text`, `normalize` (bytes/s) and `era::parse_period`
//! (expressions/s).
//!
//! `cargo bench -p shinchoku-extract --bench text` (add `-- --test` to only check that
//! every benchmark runs).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use shinchoku_extract::{decode, era, normalize, read_text};

const JOETSU: &[u8] = include_bytes!("../../../fixtures/joetsu-kpi-progress-r5.txt");
const KASHIWAZAKI: &[u8] = include_bytes!("../../../fixtures/kashiwazaki-progress-report-r3.txt");

/// Date expressions as printed in the seeds.
const PERIODS: &[&str] = &[
    "R5年度末",
    "H30",
    "R元",
    "R3",
    "H31.4",
    "H29",
    "R4",
    "R6",
    "H26～H30の平均値",
    "R6.12確定 見込",
    "H27国勢調査",
    "R2国勢調査",
    "R7国勢調査",
    "当初 (H30) (2018)",
    "前年度 (R1) (2019)",
    "実績値 (R2) (2020)",
    "目標値 (R6) (2024)",
    "令和 3（2021）年度",
    "令和 2（2020）年度実績分",
    "令和 3（2021）年 9 月",
    "平成27（2015）年10月",
    "R5.1~6",
];

fn seeds() -> [(&'static str, &'static [u8]); 2] {
    [("joetsu", JOETSU), ("kashiwazaki", KASHIWAZAKI)]
}

fn bench_decode(c: &mut Criterion) {
    let mut group = c.benchmark_group("decode");
    for (name, bytes) in seeds() {
        let text = std::str::from_utf8(bytes).expect("seeds are UTF-8");
        let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
        assert!(!unmappable, "{name} has characters Shift_JIS cannot hold");
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(format!("utf8/{name}"), |b| {
            b.iter(|| decode::decode_text(black_box(bytes)).unwrap());
        });
        group.throughput(Throughput::Bytes(sjis.len() as u64));
        group.bench_function(format!("shift_jis/{name}"), |b| {
            b.iter(|| decode::decode_text(black_box(&sjis)).unwrap());
        });
    }
    group.finish();
}

fn bench_read_text(c: &mut Criterion) {
    let mut group = c.benchmark_group("read_text");
    for (name, bytes) in seeds() {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| b.iter(|| read_text(black_box(bytes)).unwrap()));
    }
    group.finish();
}

fn bench_normalize(c: &mut Criterion) {
    let mut group = c.benchmark_group("normalize");
    for (name, bytes) in seeds() {
        let text = std::str::from_utf8(bytes).expect("seeds are UTF-8");
        // As the table stage calls it: once per cell.
        let cells: Vec<&str> = text.lines().flat_map(|l| l.split('\t')).collect();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(format!("whole/{name}"), |b| {
            b.iter(|| normalize::normalize(black_box(text)));
        });
        group.bench_function(format!("cells/{name}"), |b| {
            b.iter(|| {
                cells
                    .iter()
                    .map(|c| normalize::normalize(black_box(c)).len())
                    .sum::<usize>()
            });
        });
    }
    group.finish();
}

fn bench_parse_period(c: &mut Criterion) {
    let mut group = c.benchmark_group("era");
    group.throughput(Throughput::Elements(PERIODS.len() as u64));
    group.bench_function("parse_period", |b| {
        b.iter(|| {
            PERIODS
                .iter()
                .filter(|p| era::parse_period(black_box(p)).is_ok())
                .count()
        });
    });
    group.finish();
}

criterion_group!(
    benches,
    bench_decode,
    bench_read_text,
    bench_normalize,
    bench_parse_period
);
criterion_main!(benches);
