//! Throughput of `read_pdf` on the large generated files (run in release):
//! `cargo test --release -p shinchoku-extract --test pdf_bench -- --ignored --nocapture`.

use std::time::Instant;

use shinchoku_extract::pdf::{read_pdf, PdfOptions};

#[test]
#[ignore]
fn pages_per_second() {
    for name in [
        "large_joetsu_x100.pdf",
        "large_kashiwazaki_x60.pdf",
        "large_kashiwazaki_weasy_x60.pdf",
    ] {
        let path = format!("/work/shared/corpus/generated/{name}");
        let Ok(bytes) = std::fs::read(&path) else {
            println!("skipped: {path} is absent");
            return;
        };
        for backend in ["pdfplumber", "pdf-extract"] {
            let opts = PdfOptions {
                backend: Some(backend.into()),
                ..Default::default()
            };
            let mut best = f64::INFINITY;
            let mut pages = 0;
            for _ in 0..5 {
                let t = Instant::now();
                let doc = read_pdf(&bytes, &opts).unwrap();
                best = best.min(t.elapsed().as_secs_f64());
                pages = doc.pages.unwrap();
            }
            println!(
                "{name} {backend}: {pages} pages, best of 5 {best:.3} s, {:.0} pages/s",
                pages as f64 / best
            );
        }
    }
}
