//! Arbitrary bytes as a PDF: an Ok or an error, never a panic escaping `read_pdf`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shinchoku_extract::pdf::{read_pdf, PdfOptions};

fuzz_target!(|data: &[u8]| {
    let opts = PdfOptions {
        max_pages: Some(20),
        ..PdfOptions::default()
    };
    let _ = read_pdf(data, &opts);
});
