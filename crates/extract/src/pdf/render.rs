//! A plain rendering of lines of cells for people (`shinchoku cells`).

use crate::cells::SourceDoc;

/// One line per [`crate::Line`]: `p{page}:l{number}` then a tab and the cells joined by
/// tabs. Newlines inside a cell are shown as ` ⏎ ` so each line stays one line. With
/// `page`, only that page's lines.
pub fn render_cells(doc: &SourceDoc, page: Option<u32>) -> String {
    let mut out = String::new();
    for line in doc
        .lines
        .iter()
        .filter(|l| page.is_none() || l.page == page)
    {
        let p = line.page.map_or_else(|| "-".to_string(), |p| p.to_string());
        out.push_str(&format!("p{p}:l{}", line.number));
        for cell in &line.cells {
            out.push('\t');
            out.push_str(&cell.text.replace('\n', " ⏎ "));
        }
        out.push('\n');
    }
    out
}
