//! Real municipal PDFs (`/work/shared/corpus/real/`): they extract, and the KPI tables of
//! the 音威子府村 strategy come out as rows of cells.

use std::path::Path;

use shinchoku_extract::pdf::{read_pdf, PdfOptions};
use shinchoku_extract::render_cells;
use shinchoku_extract::SourceDoc;

const REAL: &str = "/work/shared/corpus/real/otoineppu";

fn read(rel: &str) -> Option<SourceDoc> {
    let path = Path::new(REAL).join(rel);
    let Ok(bytes) = std::fs::read(&path) else {
        println!("skipped: {} is absent", path.display());
        return None;
    };
    Some(read_pdf(&bytes, &PdfOptions::default()).unwrap_or_else(|e| panic!("{rel}: {e}")))
}

#[test]
fn real_pdfs_extract() {
    for rel in [
        "otoineppu_sogosenryaku.pdf",
        "related/gyouseihoukokur7.pdf",
        "related/kansui_keieis.pdf",
        "related/koudoukeikaku.pdf",
    ] {
        let Some(doc) = read(rel) else { return };
        println!(
            "{rel}: {} pages, {} lines, {} warnings",
            doc.pages.unwrap(),
            doc.lines.len(),
            doc.warnings.len()
        );
        for w in &doc.warnings {
            println!("  {} page {:?}: {}", w.code, w.provenance.page, w.message);
        }
        assert!(
            doc.lines.len() as u32 >= doc.pages.unwrap(),
            "{rel}: too few lines"
        );
    }
}

#[test]
fn kpi_tables_are_rows_of_name_and_value_cells() {
    let Some(doc) = read("otoineppu_sogosenryaku.pdf") else {
        return;
    };
    let filled =
        |l: &shinchoku_extract::Line| l.filled().map(|c| c.text.clone()).collect::<Vec<_>>();
    let headings: Vec<usize> = doc
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.raw == "◎施策の目標")
        .map(|(i, _)| i)
        .collect();
    assert!(headings.len() >= 7, "{}", render_cells(&doc, None));
    // Fake-bold header cells (drawn four times) read once; the two header rows name the
    // value columns.
    let header = filled(&doc.lines[headings[0] + 1]);
    assert_eq!(header, ["重要業績評価指標", "現状値", "目標値"]);
    assert_eq!(
        filled(&doc.lines[headings[0] + 2]),
        ["（ＫＰＩ）", "（2014年度）", "（2019年度）"]
    );
    // A KPI name wrapped over two lines is one cell, followed by its value cells.
    let row = doc
        .lines
        .iter()
        .find(|l| {
            l.cells
                .first()
                .is_some_and(|c| c.text.starts_with("高齢者複合型施設就業に関"))
        })
        .unwrap();
    assert_eq!(
        filled(row),
        [
            "高齢者複合型施設就業に関わるUターン者数",
            "－",
            "５年間で５人"
        ]
    );
    let row = doc
        .lines
        .iter()
        .find(|l| {
            l.cells
                .first()
                .is_some_and(|c| c.text == "短期移住体験者数")
        })
        .unwrap();
    assert_eq!(
        filled(row),
        [
            "短期移住体験者数",
            "９人（延べ２４３日）",
            "年１２人（延べ３００日）"
        ]
    );
    // Value cells sit under their header columns.
    let head_line = &doc.lines[headings[0] + 1];
    let value_x = head_line.filled().nth(1).unwrap().x0.unwrap();
    let kpi_line = &doc.lines[headings[0] + 3];
    let under = kpi_line.filled().nth(1).unwrap();
    assert!(
        under.x0.unwrap() <= value_x + 10.0 && under.x1.unwrap() >= value_x,
        "{}",
        render_cells(&doc, kpi_line.page)
    );
}
