//! The vendored `pdfplumber-parse` loads each font once per document, not once per page
//! (vendor/README.md), and the shared fonts give the same chars as loading them afresh
//! for one page.

use std::path::{Path, PathBuf};

use pdfplumber::Pdf;
use pdfplumber_parse::{ContentHandler, LopdfBackend, PdfBackend};
use rayon::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The WeasyPrint file with Type0 (Identity-H) fonts, where issue #6 was seen.
fn weasy() -> Option<Vec<u8>> {
    let path = PathBuf::from("/work/shared/corpus/generated/large_kashiwazaki_weasy_x60.pdf");
    let bytes = std::fs::read(&path).ok();
    if bytes.is_none() {
        println!("skipped: {} is absent", path.display());
    }
    bytes
}

#[derive(Default)]
struct CountChars(usize);

impl ContentHandler for CountChars {
    fn on_char(&mut self, _event: pdfplumber_parse::CharEvent) {
        self.0 += 1;
    }
}

/// Interpret every page (in parallel, as `read_pdf` does) and return the number of
/// font loads and of chars.
fn loads_after_all_pages(doc: &pdfplumber_parse::LopdfDocument) -> (usize, usize) {
    let options = pdfplumber::ExtractOptions::default();
    let chars: usize = (0..LopdfBackend::page_count(doc))
        .into_par_iter()
        .map(|i| {
            let page = LopdfBackend::get_page(doc, i).unwrap();
            let mut handler = CountChars::default();
            LopdfBackend::interpret_page(doc, &page, &mut handler, &options).unwrap();
            handler.0
        })
        .sum();
    (doc.font_loads(), chars)
}

/// `fonts` is the number of distinct font objects the pages draw with (`pdffonts`).
fn assert_loads_once(bytes: &[u8], pages: usize, fonts: usize) {
    let doc = LopdfBackend::open(bytes).unwrap();
    assert_eq!(LopdfBackend::page_count(&doc), pages);
    assert_eq!(doc.font_loads(), 0);
    let (loads, chars) = loads_after_all_pages(&doc);
    assert!(chars > 0);
    // Loading per page would load each font once for every page that uses it.
    assert_eq!(loads, fonts, "{pages} pages, {fonts} fonts");
    // A second pass over the pages finds every font loaded already.
    assert_eq!(loads_after_all_pages(&doc), (fonts, chars));
}

#[test]
fn each_font_loads_once_per_document() {
    assert_loads_once(&fixture("kashiwazaki-progress-report-r3.pdf"), 24, 6);
    assert_loads_once(&fixture("joetsu-kpi-progress-r5.pdf"), 7, 4);
    if let Some(bytes) = weasy() {
        assert_loads_once(&bytes, 120, 2);
    }
}

/// Chars of every page read from one `Pdf` (fonts shared, pages in parallel) equal the
/// chars of that page read from a fresh `Pdf` (fonts loaded for that page alone).
fn assert_same_chars(bytes: &[u8]) {
    let shared = Pdf::open_bytes(bytes, None).unwrap();
    let n = shared.page_count();
    let together: Vec<_> = (0..n)
        .into_par_iter()
        .map(|i| shared.page(i).unwrap().chars().to_vec())
        .collect();
    for (i, chars) in together.iter().enumerate() {
        let fresh = Pdf::open_bytes(bytes, None).unwrap();
        let alone = fresh.page(i).unwrap().chars().to_vec();
        assert!(!alone.is_empty(), "page {i} has no chars");
        assert_eq!(chars, &alone, "page {i}");
    }
}

#[test]
fn shared_fonts_give_the_same_chars_as_fresh_ones() {
    assert_same_chars(&fixture("kashiwazaki-progress-report-r3.pdf"));
    assert_same_chars(&fixture("joetsu-kpi-progress-r5.pdf"));
    if let Some(bytes) = weasy() {
        assert_same_chars(&bytes);
    }
}
