//! Cross-validation tests: compare pdfplumber-rs output against Python pdfplumber golden data.
//!
//! Run with: `cargo test -p pdfplumber --test cross_validation -- --nocapture`
//!
//! # Status
//!
//! All char/word/line/rect metrics at or above PRD targets (95%+).
//! - **scotus-transcript**: 1 char gap (synthetic `\n` from Python layout analysis).
//! - **nics-background-checks tables**: Table cell accuracy 100% after grid completion fix.

#![allow(dead_code)]

use serde::Deserialize;
use std::path::PathBuf;

// ─── Golden JSON schema types ───────────────────────────────────────────────

#[derive(Debug, Deserialize)]
struct GoldenData {
    source: String,
    pdfplumber_version: String,
    pages: Vec<GoldenPage>,
}

#[derive(Debug, Deserialize)]
struct GoldenPage {
    page_number: usize,
    width: f64,
    height: f64,
    chars: Vec<GoldenChar>,
    words: Vec<GoldenWord>,
    text: String,
    lines: Vec<GoldenLine>,
    rects: Vec<GoldenRect>,
    tables: Vec<GoldenTable>,
}

#[derive(Debug, Deserialize)]
struct GoldenChar {
    text: String,
    x0: f64,
    top: f64,
    x1: f64,
    bottom: f64,
    fontname: String,
    size: f64,
    doctop: f64,
    upright: bool,
}

#[derive(Debug, Deserialize)]
struct GoldenWord {
    text: String,
    x0: f64,
    top: f64,
    x1: f64,
    bottom: f64,
    doctop: f64,
}

#[derive(Debug, Deserialize)]
struct GoldenLine {
    x0: f64,
    top: f64,
    x1: f64,
    bottom: f64,
    linewidth: Option<f64>,
}

#[derive(Debug, Deserialize)]
struct GoldenRect {
    x0: f64,
    top: f64,
    x1: f64,
    bottom: f64,
    linewidth: Option<f64>,
    stroke: bool,
    fill: bool,
}

#[derive(Debug, Deserialize)]
struct GoldenTable {
    bbox: GoldenBBox,
    rows: Vec<Vec<String>>,
}

#[derive(Debug, Deserialize)]
struct GoldenBBox {
    x0: f64,
    top: f64,
    x1: f64,
    bottom: f64,
}

// ─── Tolerance and threshold constants ──────────────────────────────────────

/// Coordinate tolerance in points (±1.0pt).
const COORD_TOLERANCE: f64 = 1.0;

/// Font size tolerance in points (±0.5pt).
const FONT_SIZE_TOLERANCE: f64 = 0.5;

/// Minimum char match rate (PRD: 95%).
const CHAR_THRESHOLD: f64 = 0.95;

/// Minimum word match rate (PRD: 95%).
const WORD_THRESHOLD: f64 = 0.95;

/// Minimum lattice table cell accuracy (PRD: 90%).
const TABLE_THRESHOLD: f64 = 0.90;

// ─── Helpers ────────────────────────────────────────────────────────────────

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

fn load_golden(pdf_name: &str) -> GoldenData {
    let json_name = pdf_name.replace(".pdf", ".json");
    let path = fixtures_dir().join("golden").join(&json_name);
    let data = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("Failed to read golden file {}: {}", path.display(), e));
    serde_json::from_str(&data)
        .unwrap_or_else(|e| panic!("Failed to parse golden JSON {}: {}", path.display(), e))
}

fn open_pdf(pdf_name: &str) -> pdfplumber::Pdf {
    let path = fixtures_dir().join("pdfs").join(pdf_name);
    // Match golden data settings: no normalization, no dedup (Python doesn't
    // dedupe by default either, so golden data contains duplicate chars).
    let opts = pdfplumber::ExtractOptions {
        unicode_norm: pdfplumber::UnicodeNorm::None,
        dedupe: None,
        ..pdfplumber::ExtractOptions::default()
    };
    pdfplumber::Pdf::open_file(&path, Some(opts))
        .unwrap_or_else(|e| panic!("Failed to open PDF {}: {}", path.display(), e))
}

fn coords_match(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

/// Count objects that match at the same sequence position.
///
/// The denominator includes additions on either side. A reordered object is a
/// mismatch even when an identical object appears elsewhere in the page.
fn match_ordered_sequence<Actual, Expected, Matches>(
    actual: &[Actual],
    expected: &[Expected],
    matches: Matches,
) -> (usize, usize)
where
    Matches: Fn(&Actual, &Expected) -> bool,
{
    let matched = actual
        .iter()
        .zip(expected)
        .filter(|(left, right)| matches(left, right))
        .count();
    (matched, actual.len().max(expected.len()))
}

#[test]
fn ordered_sequence_matching_rejects_reordered_items() {
    let actual = ["first", "second"];
    let expected = ["second", "first"];

    assert_eq!(
        match_ordered_sequence(&actual, &expected, |left, right| left == right),
        (0, 2),
    );
}

#[test]
fn ordered_sequence_matching_counts_extra_items() {
    let actual = [1, 2, 3];
    let expected = [1, 3];

    assert_eq!(
        match_ordered_sequence(&actual, &expected, |left, right| left == right),
        (1, 3),
    );
}

// ─── Char matching ──────────────────────────────────────────────────────────

fn char_matches(rust_char: &pdfplumber::Char, golden: &GoldenChar) -> bool {
    // When golden text is "(cid:N)", Python pdfplumber couldn't resolve the Unicode.
    // Accept any text from our Rust implementation as long as positions match,
    // since our CID→Unicode mapping may successfully resolve these.
    let text_ok = rust_char.text == golden.text || golden.text.starts_with("(cid:");
    text_ok
        && coords_match(rust_char.bbox.x0, golden.x0, COORD_TOLERANCE)
        && coords_match(rust_char.bbox.top, golden.top, COORD_TOLERANCE)
        && coords_match(rust_char.bbox.x1, golden.x1, COORD_TOLERANCE)
        && coords_match(rust_char.bbox.bottom, golden.bottom, COORD_TOLERANCE)
}

fn match_chars(rust_chars: &[pdfplumber::Char], golden_chars: &[GoldenChar]) -> (usize, usize) {
    match_ordered_sequence(rust_chars, golden_chars, char_matches)
}

// ─── Word matching ──────────────────────────────────────────────────────────

fn word_matches(rust_word: &pdfplumber::Word, golden: &GoldenWord) -> bool {
    // When golden text contains "(cid:" markers, Python pdfplumber couldn't resolve
    // the Unicode. Accept any text as long as positions match.
    let text_ok = rust_word.text == golden.text || golden.text.contains("(cid:");
    text_ok
        && coords_match(rust_word.bbox.x0, golden.x0, COORD_TOLERANCE)
        && coords_match(rust_word.bbox.top, golden.top, COORD_TOLERANCE)
        && coords_match(rust_word.bbox.x1, golden.x1, COORD_TOLERANCE)
        && coords_match(rust_word.bbox.bottom, golden.bottom, COORD_TOLERANCE)
}

fn match_words(rust_words: &[pdfplumber::Word], golden_words: &[GoldenWord]) -> (usize, usize) {
    match_ordered_sequence(rust_words, golden_words, word_matches)
}

// ─── Table matching ─────────────────────────────────────────────────────────

fn match_table_cells(rust_table: &pdfplumber::Table, golden_table: &GoldenTable) -> (usize, usize) {
    let mut total = 0;
    let mut matched = 0;
    for (row_idx, golden_row) in golden_table.rows.iter().enumerate() {
        for (col_idx, golden_cell) in golden_row.iter().enumerate() {
            total += 1;
            if let Some(rust_row) = rust_table.rows.get(row_idx) {
                if let Some(rust_cell) = rust_row.get(col_idx) {
                    let rust_text = rust_cell.text.as_deref().unwrap_or("").trim();
                    let golden_text = golden_cell.trim();
                    if rust_text == golden_text {
                        matched += 1;
                    }
                }
            }
        }
    }
    (matched, total)
}

fn find_best_table<'a>(
    rust_tables: &'a [pdfplumber::Table],
    golden_table: &GoldenTable,
) -> Option<&'a pdfplumber::Table> {
    if rust_tables.is_empty() {
        return None;
    }
    rust_tables.iter().min_by(|a, b| {
        let dist_a = bbox_distance(&a.bbox, &golden_table.bbox);
        let dist_b = bbox_distance(&b.bbox, &golden_table.bbox);
        dist_a
            .partial_cmp(&dist_b)
            .unwrap_or(std::cmp::Ordering::Equal)
    })
}

fn bbox_distance(rust_bbox: &pdfplumber::BBox, golden_bbox: &GoldenBBox) -> f64 {
    let dx0 = rust_bbox.x0 - golden_bbox.x0;
    let dtop = rust_bbox.top - golden_bbox.top;
    let dx1 = rust_bbox.x1 - golden_bbox.x1;
    let dbottom = rust_bbox.bottom - golden_bbox.bottom;
    (dx0 * dx0 + dtop * dtop + dx1 * dx1 + dbottom * dbottom).sqrt()
}

// ─── Line matching ──────────────────────────────────────────────────────────

fn line_matches(rust_line: &pdfplumber::Line, golden: &GoldenLine) -> bool {
    coords_match(rust_line.x0, golden.x0, COORD_TOLERANCE)
        && coords_match(rust_line.top, golden.top, COORD_TOLERANCE)
        && coords_match(rust_line.x1, golden.x1, COORD_TOLERANCE)
        && coords_match(rust_line.bottom, golden.bottom, COORD_TOLERANCE)
}

fn match_lines(rust_lines: &[pdfplumber::Line], golden_lines: &[GoldenLine]) -> (usize, usize) {
    match_ordered_sequence(rust_lines, golden_lines, line_matches)
}

// ─── Rect matching ──────────────────────────────────────────────────────────

fn rect_matches(rust_rect: &pdfplumber::Rect, golden: &GoldenRect) -> bool {
    coords_match(rust_rect.x0, golden.x0, COORD_TOLERANCE)
        && coords_match(rust_rect.top, golden.top, COORD_TOLERANCE)
        && coords_match(rust_rect.x1, golden.x1, COORD_TOLERANCE)
        && coords_match(rust_rect.bottom, golden.bottom, COORD_TOLERANCE)
}

fn match_rects(rust_rects: &[pdfplumber::Rect], golden_rects: &[GoldenRect]) -> (usize, usize) {
    match_ordered_sequence(rust_rects, golden_rects, rect_matches)
}

// ─── Per-page and per-PDF validation ────────────────────────────────────────

#[derive(Debug)]
struct PageResult {
    page_number: usize,
    char_matched: usize,
    char_total: usize,
    word_matched: usize,
    word_total: usize,
    line_matched: usize,
    line_total: usize,
    rect_matched: usize,
    rect_total: usize,
    table_cell_matched: usize,
    table_cell_total: usize,
}

impl PageResult {
    fn char_rate(&self) -> f64 {
        rate(self.char_matched, self.char_total)
    }
    fn word_rate(&self) -> f64 {
        rate(self.word_matched, self.word_total)
    }
    fn line_rate(&self) -> f64 {
        rate(self.line_matched, self.line_total)
    }
    fn rect_rate(&self) -> f64 {
        rate(self.rect_matched, self.rect_total)
    }
    fn table_rate(&self) -> f64 {
        rate(self.table_cell_matched, self.table_cell_total)
    }
}

fn rate(matched: usize, total: usize) -> f64 {
    if total == 0 {
        1.0
    } else {
        matched as f64 / total as f64
    }
}

fn validate_page(pdf_name: &str, page: &pdfplumber::Page, golden: &GoldenPage) -> PageResult {
    let rust_chars = page.chars();
    let rust_words = page.extract_words(&pdfplumber::WordOptions::default());
    let rust_lines = page.lines();
    let rust_rects = page.rects();
    let rust_tables = page.find_tables(&pdfplumber::TableSettings::default());

    let (char_matched, char_total) = match_chars(rust_chars, &golden.chars);
    let (word_matched, word_total) = match_words(&rust_words, &golden.words);
    let (line_matched, line_total) = match_lines(rust_lines, &golden.lines);
    let (rect_matched, rect_total) = match_rects(rust_rects, &golden.rects);

    let mut table_cell_matched = 0;
    let mut table_cell_total = 0;
    for golden_table in &golden.tables {
        if let Some(rust_table) = find_best_table(&rust_tables, golden_table) {
            let (m, t) = match_table_cells(rust_table, golden_table);
            table_cell_matched += m;
            table_cell_total += t;
        } else {
            for row in &golden_table.rows {
                table_cell_total += row.len();
            }
        }
    }

    let result = PageResult {
        page_number: golden.page_number,
        char_matched,
        char_total,
        word_matched,
        word_total,
        line_matched,
        line_total,
        rect_matched,
        rect_total,
        table_cell_matched,
        table_cell_total,
    };

    eprintln!(
        "[{}] page {}: chars={}/{} ({:.1}%) words={}/{} ({:.1}%) \
         lines={}/{} ({:.1}%) rects={}/{} ({:.1}%) tables={}/{} ({:.1}%)",
        pdf_name,
        result.page_number,
        result.char_matched,
        result.char_total,
        result.char_rate() * 100.0,
        result.word_matched,
        result.word_total,
        result.word_rate() * 100.0,
        result.line_matched,
        result.line_total,
        result.line_rate() * 100.0,
        result.rect_matched,
        result.rect_total,
        result.rect_rate() * 100.0,
        result.table_cell_matched,
        result.table_cell_total,
        result.table_rate() * 100.0,
    );

    result
}

#[derive(Debug)]
struct PdfResult {
    pdf_name: String,
    pages: Vec<PageResult>,
    parse_error: Option<String>,
}

impl PdfResult {
    fn total_char_rate(&self) -> f64 {
        let matched: usize = self.pages.iter().map(|p| p.char_matched).sum();
        let total: usize = self.pages.iter().map(|p| p.char_total).sum();
        rate(matched, total)
    }
    fn total_word_rate(&self) -> f64 {
        let matched: usize = self.pages.iter().map(|p| p.word_matched).sum();
        let total: usize = self.pages.iter().map(|p| p.word_total).sum();
        rate(matched, total)
    }
    fn total_line_rate(&self) -> f64 {
        let matched: usize = self.pages.iter().map(|p| p.line_matched).sum();
        let total: usize = self.pages.iter().map(|p| p.line_total).sum();
        rate(matched, total)
    }
    fn total_rect_rate(&self) -> f64 {
        let matched: usize = self.pages.iter().map(|p| p.rect_matched).sum();
        let total: usize = self.pages.iter().map(|p| p.rect_total).sum();
        rate(matched, total)
    }
    fn total_table_rate(&self) -> f64 {
        let matched: usize = self.pages.iter().map(|p| p.table_cell_matched).sum();
        let total: usize = self.pages.iter().map(|p| p.table_cell_total).sum();
        rate(matched, total)
    }

    fn print_summary(&self) {
        if let Some(ref err) = self.parse_error {
            eprintln!("\n=== {} === PARSE ERROR: {}", self.pdf_name, err);
            return;
        }
        eprintln!(
            "\n=== {} ===\n  chars: {:.1}%  words: {:.1}%  lines: {:.1}%  rects: {:.1}%  tables: {:.1}%",
            self.pdf_name,
            self.total_char_rate() * 100.0,
            self.total_word_rate() * 100.0,
            self.total_line_rate() * 100.0,
            self.total_rect_rate() * 100.0,
            self.total_table_rate() * 100.0,
        );
    }
}

fn validate_pdf(pdf_name: &str) -> PdfResult {
    eprintln!("\n--- Validating: {} ---", pdf_name);
    let golden = load_golden(pdf_name);
    let pdf = open_pdf(pdf_name);

    eprintln!(
        "Golden from pdfplumber v{}, {} pages",
        golden.pdfplumber_version,
        golden.pages.len()
    );

    let mut page_results = Vec::new();

    for golden_page in &golden.pages {
        match pdf.page(golden_page.page_number) {
            Ok(page) => {
                let width_ok = coords_match(page.width(), golden_page.width, COORD_TOLERANCE);
                let height_ok = coords_match(page.height(), golden_page.height, COORD_TOLERANCE);
                if !width_ok || !height_ok {
                    eprintln!(
                        "  WARNING: page {} dimensions differ: \
                         rust=({:.1}, {:.1}) golden=({:.1}, {:.1})",
                        golden_page.page_number,
                        page.width(),
                        page.height(),
                        golden_page.width,
                        golden_page.height,
                    );
                }
                page_results.push(validate_page(pdf_name, &page, golden_page));
            }
            Err(e) => {
                let msg = format!("page {} error: {}", golden_page.page_number, e);
                eprintln!("  ERROR: {}", msg);
                return PdfResult {
                    pdf_name: pdf_name.to_string(),
                    pages: page_results,
                    parse_error: Some(msg),
                };
            }
        }
    }

    let result = PdfResult {
        pdf_name: pdf_name.to_string(),
        pages: page_results,
        parse_error: None,
    };
    result.print_summary();
    result
}

// ─── Test functions ─────────────────────────────────────────────────────────

/// issue-33-lorem-ipsum.pdf: simple text with tables.
/// All metrics at 100%.
#[test]
fn cross_validate_lorem_ipsum() {
    let result = validate_pdf("issue-33-lorem-ipsum.pdf");
    assert!(result.parse_error.is_none(), "parse error");
    assert!(
        result.total_char_rate() >= CHAR_THRESHOLD,
        "char rate {:.1}% < {:.1}%",
        result.total_char_rate() * 100.0,
        CHAR_THRESHOLD * 100.0,
    );
    assert!(
        result.total_word_rate() >= WORD_THRESHOLD,
        "word rate {:.1}% < {:.1}%",
        result.total_word_rate() * 100.0,
        WORD_THRESHOLD * 100.0,
    );
    assert!(
        result.total_line_rate() >= 1.0,
        "line rate {:.1}% < 100%",
        result.total_line_rate() * 100.0,
    );
    assert!(
        result.total_table_rate() >= TABLE_THRESHOLD,
        "table rate {:.1}% < {:.1}%",
        result.total_table_rate() * 100.0,
        TABLE_THRESHOLD * 100.0,
    );
}

/// pdffill-demo.pdf: text + form fields.
/// All metrics at 100%.
#[test]
fn cross_validate_pdffill_demo() {
    let result = validate_pdf("pdffill-demo.pdf");
    assert!(result.parse_error.is_none(), "parse error");
    assert!(
        result.total_char_rate() >= CHAR_THRESHOLD,
        "char rate {:.1}% < {:.1}%",
        result.total_char_rate() * 100.0,
        CHAR_THRESHOLD * 100.0,
    );
    assert!(
        result.total_word_rate() >= WORD_THRESHOLD,
        "word rate {:.1}% < {:.1}%",
        result.total_word_rate() * 100.0,
        WORD_THRESHOLD * 100.0,
    );
    assert!(
        result.total_line_rate() >= 1.0,
        "line rate {:.1}% < 100%",
        result.total_line_rate() * 100.0,
    );
    assert!(
        result.total_rect_rate() >= 1.0,
        "rect rate {:.1}% < 100%",
        result.total_rect_rate() * 100.0,
    );
}

/// scotus-transcript-p1.pdf: dense multi-column text with inline images.
/// chars=99.9%, words=100%.
#[test]
fn cross_validate_scotus_transcript() {
    let result = validate_pdf("scotus-transcript-p1.pdf");
    assert!(result.parse_error.is_none(), "parse error");
    assert!(
        result.total_char_rate() >= CHAR_THRESHOLD,
        "char rate {:.1}% < {:.1}%",
        result.total_char_rate() * 100.0,
        CHAR_THRESHOLD * 100.0,
    );
    assert!(
        result.total_word_rate() >= WORD_THRESHOLD,
        "word rate {:.1}% < {:.1}%",
        result.total_word_rate() * 100.0,
        WORD_THRESHOLD * 100.0,
    );
}

/// nics-background-checks-2015-11.pdf: complex lattice table.
/// All metrics at 100% including table cell accuracy.
#[test]
fn cross_validate_nics_background_checks() {
    let result = validate_pdf("nics-background-checks-2015-11.pdf");
    assert!(result.parse_error.is_none(), "parse error");
    assert!(
        result.total_char_rate() >= CHAR_THRESHOLD,
        "char rate {:.1}% < {:.1}%",
        result.total_char_rate() * 100.0,
        CHAR_THRESHOLD * 100.0,
    );
    assert!(
        result.total_word_rate() >= WORD_THRESHOLD,
        "word rate {:.1}% < {:.1}%",
        result.total_word_rate() * 100.0,
        WORD_THRESHOLD * 100.0,
    );
    assert!(
        result.total_line_rate() >= 1.0,
        "line rate {:.1}% < 100%",
        result.total_line_rate() * 100.0,
    );
    assert!(
        result.total_rect_rate() >= 1.0,
        "rect rate {:.1}% < 100%",
        result.total_rect_rate() * 100.0,
    );
    assert!(
        result.total_table_rate() >= TABLE_THRESHOLD,
        "table rate {:.1}% < {:.1}%",
        result.total_table_rate() * 100.0,
        TABLE_THRESHOLD * 100.0,
    );
}

/// Combined summary across all test PDFs (informational, never fails).
#[test]
fn cross_validate_all_summary() {
    let pdfs = [
        "issue-33-lorem-ipsum.pdf",
        "pdffill-demo.pdf",
        "scotus-transcript-p1.pdf",
        "nics-background-checks-2015-11.pdf",
    ];

    eprintln!("\n========================================");
    eprintln!("Cross-Validation Summary");
    eprintln!(
        "PRD targets: chars/words >= {:.0}%, tables >= {:.0}%",
        CHAR_THRESHOLD * 100.0,
        TABLE_THRESHOLD * 100.0
    );
    eprintln!("========================================");

    for pdf_name in &pdfs {
        let result = validate_pdf(pdf_name);
        if result.parse_error.is_some() {
            continue;
        }
        let char_ok = result.total_char_rate() >= CHAR_THRESHOLD;
        let word_ok = result.total_word_rate() >= WORD_THRESHOLD;
        let status = if char_ok && word_ok {
            "PASS"
        } else {
            "BELOW TARGET"
        };
        eprintln!("  {} -> {}", pdf_name, status);
    }
    eprintln!("========================================\n");
}

// ─── Extended cross-validation infrastructure ─────────────────────────────

/// CJK/external source threshold (more lenient than PRD targets).
const EXTERNAL_CHAR_THRESHOLD: f64 = 0.80;
const EXTERNAL_WORD_THRESHOLD: f64 = 0.80;

/// Validate a PDF against its golden data without panicking on errors.
fn try_validate_pdf(pdf_path: &str) -> PdfResult {
    let json_name = pdf_path.replace(".pdf", ".json");
    let golden_file = fixtures_dir().join("golden").join(&json_name);
    let pdf_file = fixtures_dir().join("pdfs").join(pdf_path);

    if !pdf_file.exists() {
        return PdfResult {
            pdf_name: pdf_path.to_string(),
            pages: vec![],
            parse_error: Some(format!("PDF not found: {}", pdf_file.display())),
        };
    }

    let golden_data = match std::fs::read_to_string(&golden_file) {
        Ok(data) => data,
        Err(e) => {
            return PdfResult {
                pdf_name: pdf_path.to_string(),
                pages: vec![],
                parse_error: Some(format!("golden read error: {}", e)),
            };
        }
    };
    let golden: GoldenData = match serde_json::from_str(&golden_data) {
        Ok(g) => g,
        Err(e) => {
            return PdfResult {
                pdf_name: pdf_path.to_string(),
                pages: vec![],
                parse_error: Some(format!("golden parse error: {}", e)),
            };
        }
    };

    // Match golden data settings: no normalization, no dedup (Python doesn't
    // dedupe by default either, so golden data contains duplicate chars).
    let opts = pdfplumber::ExtractOptions {
        unicode_norm: pdfplumber::UnicodeNorm::None,
        dedupe: None,
        ..pdfplumber::ExtractOptions::default()
    };
    let pdf = match pdfplumber::Pdf::open_file(&pdf_file, Some(opts)) {
        Ok(p) => p,
        Err(e) => {
            return PdfResult {
                pdf_name: pdf_path.to_string(),
                pages: vec![],
                parse_error: Some(format!("PDF open error: {}", e)),
            };
        }
    };

    let mut page_results = Vec::new();
    for golden_page in &golden.pages {
        match pdf.page(golden_page.page_number) {
            Ok(page) => {
                page_results.push(validate_page(pdf_path, &page, golden_page));
            }
            Err(e) => {
                return PdfResult {
                    pdf_name: pdf_path.to_string(),
                    pages: page_results,
                    parse_error: Some(format!("page {} error: {}", golden_page.page_number, e)),
                };
            }
        }
    }

    let result = PdfResult {
        pdf_name: pdf_path.to_string(),
        pages: page_results,
        parse_error: None,
    };
    result.print_summary();
    result
}

/// Scan a golden directory for JSON files, returning (relative_pdf_path, source) pairs.
fn scan_golden_dir(
    dir: &std::path::Path,
    prefix: &str,
    source: &'static str,
    results: &mut Vec<(String, &'static str)>,
) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().map_or(false, |ext| ext == "json") {
                let stem = path.file_stem().unwrap().to_str().unwrap();
                let pdf_path = if prefix.is_empty() {
                    format!("{}.pdf", stem)
                } else {
                    format!("{}/{}.pdf", prefix, stem)
                };
                results.push((pdf_path, source));
            }
        }
    }
}

/// Discover all golden JSON files grouped by source.
fn discover_golden_pdfs() -> Vec<(String, &'static str)> {
    let golden_dir = fixtures_dir().join("golden");
    let mut results = Vec::new();

    scan_golden_dir(&golden_dir, "", "pdfplumber-python", &mut results);

    for (subdir, source) in &[
        ("pdfjs", "pdfjs"),
        ("pdfbox", "pdfbox"),
        ("poppler", "poppler"),
        ("oss-fuzz", "oss-fuzz"),
    ] {
        let dir = golden_dir.join(subdir);
        if dir.exists() {
            scan_golden_dir(&dir, subdir, source, &mut results);
        }
    }

    results.sort_by(|a, b| a.0.cmp(&b.0));
    results
}

/// Comprehensive summary across ALL fixture PDFs (informational, never fails).
/// Run with: `cargo test -p pdfplumber --test cross_validation cross_validate_all_fixtures_summary -- --nocapture`
#[test]
fn cross_validate_all_fixtures_summary() {
    let golden_pdfs = discover_golden_pdfs();

    eprintln!("\n{}", "=".repeat(100));
    eprintln!(
        "Cross-Validation Summary - All Fixtures ({} PDFs)",
        golden_pdfs.len()
    );
    eprintln!(
        "Thresholds: pdfplumber-python >= {:.0}%, external (pdfjs/pdfbox/poppler) >= {:.0}%",
        CHAR_THRESHOLD * 100.0,
        EXTERNAL_CHAR_THRESHOLD * 100.0
    );
    eprintln!("{}", "=".repeat(100));
    eprintln!(
        "{:<55} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8}",
        "PDF", "Chars", "Words", "Lines", "Rects", "Tables", "Status"
    );
    eprintln!("{}", "-".repeat(100));

    let mut pass_count = 0;
    let mut fail_count = 0;
    let mut error_count = 0;
    let mut skip_count = 0;

    for (pdf_path, source) in &golden_pdfs {
        let result = try_validate_pdf(pdf_path);

        if let Some(ref err) = result.parse_error {
            if err.contains("PDF not found") {
                skip_count += 1;
                continue;
            }
            error_count += 1;
            eprintln!("{:<55} {:>52} ERROR", pdf_path, "");
            continue;
        }

        let threshold = match *source {
            "pdfplumber-python" => CHAR_THRESHOLD,
            "oss-fuzz" => 0.0,
            _ => EXTERNAL_CHAR_THRESHOLD,
        };

        let passes = *source == "oss-fuzz"
            || (result.total_char_rate() >= threshold && result.total_word_rate() >= threshold);

        let status = if passes { "PASS" } else { "FAIL" };
        if passes {
            pass_count += 1;
        } else {
            fail_count += 1;
        }

        eprintln!(
            "{:<55} {:>6.1}% {:>6.1}% {:>6.1}% {:>6.1}% {:>6.1}% {:>8}",
            pdf_path,
            result.total_char_rate() * 100.0,
            result.total_word_rate() * 100.0,
            result.total_line_rate() * 100.0,
            result.total_rect_rate() * 100.0,
            result.total_table_rate() * 100.0,
            status,
        );
    }

    eprintln!("{}", "=".repeat(100));
    eprintln!(
        "Total: {} PASS, {} FAIL, {} ERROR, {} SKIPPED (no PDF)",
        pass_count, fail_count, error_count, skip_count
    );
    eprintln!("{}", "=".repeat(100));
}

// ─── Macros for data-driven cross-validation tests ────────────────────────

/// Generate a cross-validation test that asserts char/word rates meet thresholds.
macro_rules! cross_validate {
    ($name:ident, $path:expr, $char_thresh:expr, $word_thresh:expr) => {
        #[test]
        fn $name() {
            let result = try_validate_pdf($path);
            assert!(
                result.parse_error.is_none(),
                "{}: parse error: {:?}",
                $path,
                result.parse_error
            );
            assert!(
                result.total_char_rate() >= $char_thresh,
                "{}: char rate {:.1}% < {:.1}%",
                $path,
                result.total_char_rate() * 100.0,
                $char_thresh * 100.0,
            );
            assert!(
                result.total_word_rate() >= $word_thresh,
                "{}: word rate {:.1}% < {:.1}%",
                $path,
                result.total_word_rate() * 100.0,
                $word_thresh * 100.0,
            );
        }
    };
}

/// Generate a no-panic test for oss-fuzz PDFs: just open + extract without crashing.
macro_rules! cross_validate_no_panic {
    ($name:ident, $path:expr) => {
        #[test]
        fn $name() {
            let pdf_path = fixtures_dir().join("pdfs").join($path);
            if !pdf_path.exists() {
                eprintln!("Skipping {}: PDF not found", $path);
                return;
            }
            let pdf = match pdfplumber::Pdf::open_file(&pdf_path, None) {
                Ok(pdf) => pdf,
                Err(e) => {
                    eprintln!("Expected parse failure for {}: {}", $path, e);
                    return;
                }
            };
            for i in 0..pdf.page_count() {
                if let Ok(page) = pdf.page(i) {
                    let _ = page.chars();
                    let _ = page.extract_words(&pdfplumber::WordOptions::default());
                }
            }
        }
    };
}

// ─── pdfplumber-python: PASSING tests (chars/words >= 95%) ────────────────

cross_validate!(
    cv_python_2023_06_20_pv,
    "2023-06-20-PV.pdf",
    CHAR_THRESHOLD,
    CHAR_THRESHOLD
);
cross_validate!(
    cv_python_annotations_unicode_issues,
    "annotations-unicode-issues.pdf",
    CHAR_THRESHOLD,
    CHAR_THRESHOLD
);
cross_validate!(
    cv_python_cupertino_usd,
    "cupertino_usd_4-6-16.pdf",
    CHAR_THRESHOLD,
    CHAR_THRESHOLD
);
cross_validate!(
    cv_python_federal_register,
    "federal-register-2020-17221.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(
    cv_python_image_structure,
    "image_structure.pdf",
    CHAR_THRESHOLD,
    CHAR_THRESHOLD
);
cross_validate!(
    cv_python_issue_13,
    "issue-13-151201DSP-Fond-581-90D.pdf",
    CHAR_THRESHOLD,
    CHAR_THRESHOLD
);
cross_validate!(
    cv_python_issue_203_decimalize,
    "issue-203-decimalize.pdf",
    CHAR_THRESHOLD,
    CHAR_THRESHOLD
);
cross_validate!(
    cv_python_issue_316,
    "issue-316-example.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(
    cv_python_issue_466,
    "issue-466-example.pdf",
    CHAR_THRESHOLD,
    CHAR_THRESHOLD
);
cross_validate!(
    cv_python_issue_598,
    "issue-598-example.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(
    cv_python_issue_90,
    "issue-90-example.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(
    cv_python_issue_905,
    "issue-905.pdf",
    CHAR_THRESHOLD,
    CHAR_THRESHOLD
);
cross_validate!(
    cv_python_issue_912,
    "issue-912.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(
    cv_python_line_char_render,
    "line-char-render-example.pdf",
    CHAR_THRESHOLD,
    CHAR_THRESHOLD
);
cross_validate!(
    cv_python_page_boxes,
    "page-boxes-example.pdf",
    CHAR_THRESHOLD,
    CHAR_THRESHOLD
);
cross_validate!(
    cv_python_pr_88,
    "pr-88-example.pdf",
    CHAR_THRESHOLD,
    CHAR_THRESHOLD
);
cross_validate!(
    cv_python_table_curves,
    "table-curves-example.pdf",
    CHAR_THRESHOLD,
    CHAR_THRESHOLD
);
cross_validate!(
    cv_python_test_punkt,
    "test-punkt.pdf",
    CHAR_THRESHOLD,
    CHAR_THRESHOLD
);

// ─── pdfplumber-python: FAILING tests (below 95% threshold) ──────────────

// 150109DSP, WARN-Report, and chelsea_pdta now have asserting tests above (US-168-1)
cross_validate!(cv_python_extra_attrs, "extra-attrs-example.pdf", 0.30, 0.30);
cross_validate!(
    cv_python_figure_structure,
    "figure_structure.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(
    cv_python_hello_structure,
    "hello_structure.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(
    cv_python_issue_1054,
    "issue-1054-example.pdf",
    CHAR_THRESHOLD,
    CHAR_THRESHOLD
);
cross_validate!(
    cv_python_issue_1114_dedupe,
    "issue-1114-dedupe-chars.pdf",
    CHAR_THRESHOLD,
    CHAR_THRESHOLD
);
cross_validate!(
    cv_python_issue_1147,
    "issue-1147-example.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(
    cv_python_issue_1279,
    "issue-1279-example.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(
    cv_python_issue_140,
    "issue-140-example.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(cv_python_issue_192, "issue-192-example.pdf", 0.50, 0.50);
cross_validate!(
    cv_python_issue_336,
    "issue-336-example.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(
    cv_python_issue_461,
    "issue-461-example.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(
    cv_python_issue_463,
    "issue-463-example.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(
    cv_python_issue_53,
    "issue-53-example.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(
    cv_python_issue_67,
    "issue-67-example.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(
    cv_python_issue_71_dup2,
    "issue-71-duplicate-chars-2.pdf",
    CHAR_THRESHOLD,
    CHAR_THRESHOLD
);
cross_validate!(
    cv_python_issue_71_dup,
    "issue-71-duplicate-chars.pdf",
    CHAR_THRESHOLD,
    CHAR_THRESHOLD
);
cross_validate!(cv_python_issue_842, "issue-842-example.pdf", 0.50, 0.05);
cross_validate!(
    cv_python_issue_982,
    "issue-982-example.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(cv_python_issue_987, "issue-987-test.pdf", 0.80, 0.05);
cross_validate!(
    cv_python_la_precinct,
    "la-precinct-bulletin-2014-p1.pdf",
    0.50,
    0.50
);
cross_validate!(
    cv_python_malformed_932,
    "malformed-from-issue-932.pdf",
    0.50,
    0.50
);
cross_validate!(
    cv_python_mcid,
    "mcid_example.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
/// nics-background-checks-2015-11-rotated.pdf: same content as nics-background-checks-2015-11.pdf
/// but with /Rotate 90 on the page dictionary. Verifies that page rotation is correctly applied
/// to all extracted objects (chars, words, lines, rects, tables).
///
/// Per-char direction detection (US-181) correctly groups rotated chars into words,
/// achieving 100% word rate.
#[test]
fn cross_validate_nics_rotated() {
    let result = validate_pdf("nics-background-checks-2015-11-rotated.pdf");
    assert!(result.parse_error.is_none(), "parse error");
    assert!(
        result.total_char_rate() >= CHAR_THRESHOLD,
        "char rate {:.1}% < {:.1}%",
        result.total_char_rate() * 100.0,
        CHAR_THRESHOLD * 100.0,
    );
    assert!(
        result.total_word_rate() >= 0.90,
        "word rate {:.1}% < 90.0%",
        result.total_word_rate() * 100.0,
    );
    assert!(
        result.total_line_rate() >= CHAR_THRESHOLD,
        "line rate {:.1}% < {:.1}%",
        result.total_line_rate() * 100.0,
        CHAR_THRESHOLD * 100.0,
    );
    assert!(
        result.total_rect_rate() >= CHAR_THRESHOLD,
        "rect rate {:.1}% < {:.1}%",
        result.total_rect_rate() * 100.0,
        CHAR_THRESHOLD * 100.0,
    );
}
cross_validate!(
    cv_python_pdf_structure,
    "pdf_structure.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(
    cv_python_senate_expenditures,
    "senate-expenditures.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(
    cv_python_word365_structure,
    "word365_structure.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);

// ─── pdfplumber-python: rotation and parse-recovery regressions ──────────

cross_validate!(
    cv_python_annotations_rot180,
    "annotations-rotated-180.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(
    cv_python_annotations_rot270,
    "annotations-rotated-270.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(
    cv_python_annotations_rot90,
    "annotations-rotated-90.pdf",
    CHAR_THRESHOLD,
    CHAR_THRESHOLD
);
cross_validate!(
    cv_python_annotations,
    "annotations.pdf",
    CHAR_THRESHOLD,
    CHAR_THRESHOLD
);
cross_validate!(
    cv_python_issue_1181,
    "issue-1181.pdf",
    CHAR_THRESHOLD,
    WORD_THRESHOLD
);
cross_validate!(cv_python_issue_297, "issue-297-example.pdf", 1.0, 1.0);
#[test]
fn cv_python_issue_848() {
    let result = try_validate_pdf("issue-848.pdf");
    assert!(
        result.parse_error.is_none(),
        "parse error: {:?}",
        result.parse_error
    );
    assert_eq!(result.total_char_rate(), 1.0, "character parity regressed");
    assert_eq!(result.total_word_rate(), 1.0, "word parity regressed");
    assert_eq!(result.total_table_rate(), 1.0, "table parity regressed");
}
cross_validate!(cv_python_pr_136, "pr-136-example.pdf", 0.15, 0.05);
cross_validate!(cv_python_pr_138, "pr-138-example.pdf", 0.15, 0.05);

// ─── pdfjs: PASSING tests (chars/words >= 80%) ───────────────────────────

cross_validate!(
    cv_pdfjs_issue14117,
    "pdfjs/issue14117.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);

// ─── pdfjs: FAILING tests (CJK/encoding below 80%) ──────────────────────

cross_validate!(
    cv_pdfjs_arabic_cid,
    "pdfjs/ArabicCIDTrueType.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfjs_cid_cff,
    "pdfjs/cid_cff.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfjs_issue3521,
    "pdfjs/issue3521.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfjs_issue4875,
    "pdfjs/issue4875.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfjs_issue7696,
    "pdfjs/issue7696.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfjs_issue8570,
    "pdfjs/issue8570.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfjs_issue9262,
    "pdfjs/issue9262_reduced.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfjs_noembed_eucjp,
    "pdfjs/noembed-eucjp.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfjs_noembed_identity_2,
    "pdfjs/noembed-identity-2.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfjs_noembed_identity,
    "pdfjs/noembed-identity.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfjs_noembed_jis7,
    "pdfjs/noembed-jis7.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfjs_noembed_sjis,
    "pdfjs/noembed-sjis.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfjs_text_clip_cff_cid,
    "pdfjs/text_clip_cff_cid.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfjs_vertical,
    "pdfjs/vertical.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);

// ─── pdfbox: PASSING tests (chars/words >= 80%) ──────────────────────────

cross_validate!(
    cv_pdfbox_hello3,
    "pdfbox/hello3.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfbox_empty_tounicode,
    "pdfbox/pdfbox-4322-empty-tounicode-reduced.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);

// ─── pdfbox: FAILING tests (CJK/Bidi below 80%) ─────────────────────────

cross_validate!(
    cv_pdfbox_bidi_sample,
    "pdfbox/BidiSample.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfbox_fc60_times,
    "pdfbox/FC60_Times.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfbox_3127_vfont,
    "pdfbox/pdfbox-3127-vfont-reduced.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfbox_3833_japanese,
    "pdfbox/pdfbox-3833-japanese-reduced.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfbox_4531_bidi_1,
    "pdfbox/pdfbox-4531-bidi-ligature-1.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfbox_4531_bidi_2,
    "pdfbox/pdfbox-4531-bidi-ligature-2.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfbox_5350_korean,
    "pdfbox/pdfbox-5350-korean-reduced.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_pdfbox_5747_surrogate,
    "pdfbox/pdfbox-5747-surrogate-diacritic-reduced.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);

// ─── poppler: PASSING tests (chars/words >= 80%) ─────────────────────────

cross_validate!(
    cv_poppler_deseret,
    "poppler/deseret.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_poppler_pdf20_utf8,
    "poppler/pdf20-utf8-test.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);
cross_validate!(
    cv_poppler_russian,
    "poppler/russian.pdf",
    EXTERNAL_CHAR_THRESHOLD,
    EXTERNAL_WORD_THRESHOLD
);

// ─── oss-fuzz: no-panic tests (open + extract without crashing) ──────────

cross_validate_no_panic!(cv_fuzz_4591020179783680, "oss-fuzz/4591020179783680.pdf");
cross_validate_no_panic!(cv_fuzz_4646567755972608, "oss-fuzz/4646567755972608.pdf");
cross_validate_no_panic!(cv_fuzz_4652594248613888, "oss-fuzz/4652594248613888.pdf");
cross_validate_no_panic!(cv_fuzz_4691742750474240, "oss-fuzz/4691742750474240.pdf");
cross_validate_no_panic!(cv_fuzz_4715311080734720, "oss-fuzz/4715311080734720.pdf");
cross_validate_no_panic!(cv_fuzz_4736668896133120, "oss-fuzz/4736668896133120.pdf");
cross_validate_no_panic!(cv_fuzz_4833695495684096, "oss-fuzz/4833695495684096.pdf");
cross_validate_no_panic!(cv_fuzz_4927662560968704, "oss-fuzz/4927662560968704.pdf");
cross_validate_no_panic!(cv_fuzz_5177159198507008, "oss-fuzz/5177159198507008.pdf");
cross_validate_no_panic!(cv_fuzz_5317294594523136, "oss-fuzz/5317294594523136.pdf");
cross_validate_no_panic!(cv_fuzz_5452007745323008, "oss-fuzz/5452007745323008.pdf");
cross_validate_no_panic!(cv_fuzz_5592736912179200, "oss-fuzz/5592736912179200.pdf");
cross_validate_no_panic!(cv_fuzz_5809779695484928, "oss-fuzz/5809779695484928.pdf");
cross_validate_no_panic!(cv_fuzz_5903429863538688, "oss-fuzz/5903429863538688.pdf");
cross_validate_no_panic!(cv_fuzz_5914823472250880, "oss-fuzz/5914823472250880.pdf");
cross_validate_no_panic!(cv_fuzz_6013812888633344, "oss-fuzz/6013812888633344.pdf");
cross_validate_no_panic!(cv_fuzz_6085913544818688, "oss-fuzz/6085913544818688.pdf");
cross_validate_no_panic!(cv_fuzz_6400141380878336, "oss-fuzz/6400141380878336.pdf");
cross_validate_no_panic!(cv_fuzz_6515565732102144, "oss-fuzz/6515565732102144.pdf");

/// US-168-1: WARN-Report chars must reach >=95%.
/// Root cause: text state (Tc) not saved/restored by q/Q.
#[test]
fn cross_validate_warn_report_chars_95() {
    let result = validate_pdf("WARN-Report-for-7-1-2015-to-03-25-2016.pdf");
    assert!(result.parse_error.is_none(), "parse error");
    assert!(
        result.total_char_rate() >= CHAR_THRESHOLD,
        "WARN-Report char rate {:.1}% < {:.1}%",
        result.total_char_rate() * 100.0,
        CHAR_THRESHOLD * 100.0,
    );
}

/// US-168-1: 150109DSP chars must reach >=70%.
#[test]
fn cross_validate_150109dsp_chars_70() {
    let result = validate_pdf("150109DSP-Milw-505-90D.pdf");
    assert!(result.parse_error.is_none(), "parse error");
    assert!(
        result.total_char_rate() >= 0.70,
        "150109DSP char rate {:.1}% < 70%",
        result.total_char_rate() * 100.0,
    );
}

/// US-168-1: chelsea_pdta chars must reach >=85%.
#[test]
fn cross_validate_chelsea_pdta_chars_85() {
    let result = validate_pdf("chelsea_pdta.pdf");
    assert!(result.parse_error.is_none(), "parse error");
    assert!(
        result.total_char_rate() >= 0.85,
        "chelsea_pdta char rate {:.1}% < 85%",
        result.total_char_rate() * 100.0,
    );
}
