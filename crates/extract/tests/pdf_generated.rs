//! The PDFs generated for this project (`/work/shared/corpus/generated/`): every file
//! extracts, font-encoding variants give the same cells as the plain file, and the table
//! layouts come out as rows of cells.

use std::path::PathBuf;

use shinchoku_extract::pdf::{read_pdf, PdfOptions};
use shinchoku_extract::render_cells;
use shinchoku_extract::{ExtractError, SourceDoc};

fn corpus(name: &str) -> Option<Vec<u8>> {
    let path = PathBuf::from("/work/shared/corpus/generated").join(name);
    match std::fs::read(&path) {
        Ok(b) => Some(b),
        Err(_) => {
            println!("skipped: {} is absent", path.display());
            None
        }
    }
}

fn read(name: &str, backend: Option<&str>) -> Option<Result<SourceDoc, ExtractError>> {
    let bytes = corpus(name)?;
    let opts = PdfOptions {
        backend: backend.map(str::to_string),
        ..Default::default()
    };
    Some(read_pdf(&bytes, &opts))
}

/// Cell texts and x extents of every line, for comparing two readings of one layout.
fn cells(doc: &SourceDoc) -> Vec<Vec<(String, f32, f32)>> {
    doc.lines
        .iter()
        .map(|l| {
            l.cells
                .iter()
                .map(|c| (c.text.clone(), c.x0.unwrap(), c.x1.unwrap()))
                .collect()
        })
        .collect()
}

fn assert_same_cells(expected: &SourceDoc, actual: &SourceDoc, what: &str) {
    let (e, a) = (cells(expected), cells(actual));
    assert_eq!(
        e.len(),
        a.len(),
        "{what}: line count\n{}",
        render_cells(actual, None)
    );
    for (i, (le, la)) in e.iter().zip(&a).enumerate() {
        let te: Vec<&str> = le.iter().map(|c| c.0.as_str()).collect();
        let ta: Vec<&str> = la.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(te, ta, "{what}: line {}", i + 1);
        for (ce, ca) in le.iter().zip(la) {
            assert!(
                (ce.1 - ca.1).abs() < 1.0 && (ce.2 - ca.2).abs() < 1.0,
                "{what}: line {} cell {:?} at {}-{} vs {}-{}",
                i + 1,
                ce.0,
                ce.1,
                ce.2,
                ca.1,
                ca.2
            );
        }
    }
    for (le, la) in expected.lines.iter().zip(&actual.lines) {
        assert_eq!((le.page, le.number), (la.page, la.number));
    }
}

fn line_with<'a>(doc: &'a SourceDoc, text: &str) -> &'a shinchoku_extract::Line {
    doc.lines
        .iter()
        .find(|l| l.cells.iter().any(|c| c.text == text))
        .unwrap_or_else(|| panic!("no cell {text:?} in\n{}", render_cells(doc, None)))
}

fn filled(line: &shinchoku_extract::Line) -> Vec<&str> {
    line.filled().map(|c| c.text.as_str()).collect()
}

#[test]
fn every_generated_file_extracts() {
    let Ok(dir) = std::fs::read_dir("/work/shared/corpus/generated") else {
        println!("skipped: corpus absent");
        return;
    };
    let mut names: Vec<String> = dir
        .filter_map(std::result::Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    for name in names {
        let result = read(&name, None).unwrap();
        if name.contains("notounicode") {
            // ToUnicode removed and no way to map the CIDs: reported, never garbage.
            match result {
                Err(ExtractError::NoTextLayer) => {}
                Ok(doc) => {
                    assert!(!doc.warnings.is_empty(), "{name}: silent");
                    assert!(
                        doc.lines.iter().any(|l| l.raw.contains("特許保有件数")),
                        "{name}: neither recovered nor reported"
                    );
                }
                Err(e) => panic!("{name}: unclear error {e}"),
            }
            continue;
        }
        let doc = result.unwrap_or_else(|e| panic!("{name}: {e}"));
        println!(
            "{name}: {} pages, {} lines, {} warnings",
            doc.pages.unwrap(),
            doc.lines.len(),
            doc.warnings.len()
        );
        assert!(doc.warnings.is_empty(), "{name}: {:?}", doc.warnings);
        assert!(
            doc.lines.len() as u32 >= doc.pages.unwrap() * 5,
            "{name}: too few lines"
        );
        for (i, l) in doc.lines.iter().enumerate() {
            assert_eq!(l.number as usize, i + 1);
            assert!(l.page.is_some_and(|p| p >= 1 && p <= doc.pages.unwrap()));
            let joined: Vec<String> = l.cells.iter().map(|c| c.text.replace('\n', " ")).collect();
            assert_eq!(l.raw, joined.join("\t"));
            assert!(
                l.cells.windows(2).all(|w| w[0].x0 <= w[1].x0),
                "{name}: cells out of order on line {}",
                l.number
            );
        }
    }
}

#[test]
fn font_encoding_variants_give_the_plain_cells() {
    let Some(Ok(plain)) = read("kashiwazaki_kpi_portrait_weasy.pdf", None) else {
        return;
    };
    assert_eq!(plain.pages, Some(2));
    for variant in [
        "kashiwazaki_kpi_portrait_weasy_wrange.pdf",
        "kashiwazaki_kpi_portrait_weasy_unijis.pdf",
    ] {
        let doc = read(variant, None)
            .unwrap()
            .unwrap_or_else(|e| panic!("{variant}: {e}"));
        assert_same_cells(&plain, &doc, variant);
    }
    // The fallback backend, with its /W range defect worked around, agrees too.
    let doc = read(
        "kashiwazaki_kpi_portrait_weasy_wrange.pdf",
        Some("pdf-extract"),
    )
    .unwrap()
    .unwrap();
    assert_same_cells(&plain, &doc, "wrange via pdf-extract");
}

#[test]
fn the_fallback_backend_reports_what_it_cannot_read() {
    // pdf-extract panics on UniJIS-UCS2-H; the panic becomes an error naming the cause.
    let Some(result) = read(
        "kashiwazaki_kpi_portrait_weasy_unijis.pdf",
        Some("pdf-extract"),
    ) else {
        return;
    };
    let e = result.unwrap_err().to_string();
    assert!(e.contains("UniJIS-UCS2-H"), "{e}");
    // Without ToUnicode pdf-extract emits nothing for the CJK glyphs: reported, not empty.
    let result = read(
        "kashiwazaki_kpi_portrait_weasy_notounicode.pdf",
        Some("pdf-extract"),
    )
    .unwrap();
    assert!(
        matches!(result, Err(ExtractError::NoTextLayer)),
        "{result:?}"
    );
}

#[test]
fn kpi_table_rows_are_lines_of_cells() {
    for name in [
        "kashiwazaki_kpi_portrait.pdf",
        "kashiwazaki_kpi_portrait_weasy.pdf",
    ] {
        let Some(result) = read(name, None) else {
            return;
        };
        let doc = result.unwrap();
        let row = line_with(&doc, "製造品出荷額等");
        assert_eq!(
            filled(row),
            [
                "2",
                "製造品出荷額等",
                "4,987億円",
                "4,702億円",
                "4,390億円",
                "5,300億円",
                "遅延"
            ],
            "{name}"
        );
        // Three-line header cells joined in reading order; a period in brackets on a line
        // of its own is set apart, as the text prints it (`当初 (H30) (2018)`).
        let header = line_with(&doc, "重要業績評価指標（KPI）");
        assert_eq!(filled(header)[1], "当初 (H30) (2018)", "{name}");
        // Bullet lines in one cell stay separate items.
        let jobs = doc
            .lines
            .iter()
            .flat_map(|l| &l.cells)
            .find(|c| c.text.starts_with("・ものづくり技術力向上支援事業"))
            .unwrap();
        assert_eq!(jobs.text.lines().count(), 3, "{name}: {:?}", jobs.text);
        // The narrative table crosses the page break: page 2 starts with its header again.
        assert!(doc
            .lines
            .iter()
            .any(|l| l.page == Some(2) && filled(l) == ["担当課", "項目", "内容"]));
    }
}

#[test]
fn landscape_list_has_merged_and_vertical_cells() {
    for name in ["joetsu_kpi_landscape.pdf", "joetsu_kpi_landscape_weasy.pdf"] {
        let Some(result) = read(name, None) else {
            return;
        };
        let doc = result.unwrap();
        let row = line_with(&doc, "メイド・イン上越認証品数（累計）");
        let texts: Vec<&str> = row.cells.iter().map(|c| c.text.as_str()).collect();
        // Columns under merged cells that started on earlier rows are blank placeholders.
        assert!(
            texts.ends_with(&[
                "メイド・イン上越認証品数（累計）",
                // The period printed under its value, set apart as every reader does.
                "126品 （R元）",
                "166品",
                "176品",
                "・メイド・イン上越推進事業\n・地場産業振興事業\n・直江津港利用促進事業"
            ]),
            "{name}: {texts:?}"
        );
        // The merged policy-field cell (vertical text) appears once, whole.
        let vertical: Vec<&str> = doc
            .lines
            .iter()
            .flat_map(|l| &l.cells)
            .map(|c| c.text.as_str())
            .filter(|t| t.contains("産業振興・雇用創出"))
            .collect();
        assert_eq!(vertical.len(), 1, "{name}: {vertical:?}");
        assert!(
            vertical[0].ends_with("産業振興・雇用創出"),
            "{name}: {vertical:?}"
        );
        // Every row of the table has the same column layout as the header row.
        let header = line_with(&doc, "政策分野");
        assert_eq!(header.cells.len(), 8, "{name}");
        let next = line_with(&doc, "企業誘致件数（累計）");
        assert_eq!(next.cells.len(), 8, "{name}");
        for (h, c) in header.cells.iter().zip(&next.cells) {
            assert!((h.x0.unwrap() - c.x0.unwrap()).abs() < 1.0);
        }
    }
}

#[test]
fn options_are_checked_before_the_work() {
    let Some(bytes) = corpus("large_joetsu_x100.pdf") else {
        return;
    };
    let opts = PdfOptions {
        max_pages: Some(10),
        ..Default::default()
    };
    let e = read_pdf(&bytes, &opts).unwrap_err().to_string();
    assert_eq!(e, "100 pages, more than --max-pages 10");
    let opts = PdfOptions {
        backend: Some("poppler".into()),
        ..Default::default()
    };
    assert!(read_pdf(&bytes, &opts)
        .unwrap_err()
        .to_string()
        .contains("unknown PDF backend"));
}

#[test]
fn large_files_extract_every_page_deterministically() {
    for name in [
        "large_joetsu_x100.pdf",
        "large_kashiwazaki_x60.pdf",
        "large_kashiwazaki_weasy_x60.pdf",
    ] {
        let Some(result) = read(name, None) else {
            return;
        };
        let doc = result.unwrap();
        let pages = doc.pages.unwrap();
        assert!(pages >= 100);
        for p in 1..=pages {
            assert!(
                doc.lines.iter().any(|l| l.page == Some(p)),
                "{name}: page {p} is empty"
            );
        }
        let again = read(name, None).unwrap().unwrap();
        assert_eq!(doc, again, "{name}: not deterministic");
    }
}
