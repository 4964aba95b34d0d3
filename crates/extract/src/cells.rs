//! The shape every input is read into: lines of cells with provenance, and a plain
//! rendering of it for people (`shinchoku cells`).

use serde::Serialize;

use crate::diag::Warning;

/// Where a document came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Pdf,
}

/// One cell of a line, as printed and with markup removed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// The cell text exactly as it stands in the source (HTML fragments kept for text input).
    pub raw: String,
    /// The text with markup removed and entities decoded; list items and paragraphs are
    /// separated by `'\n'`. Not yet NFKC-normalized: that is [`crate::normalize`]'s job.
    pub text: String,
    /// Horizontal extent in PDF points, when the input has geometry (PDF). Lets the table
    /// stage align cells to header columns when leading cells are missing.
    pub x0: Option<f32>,
    pub x1: Option<f32>,
}

impl Cell {
    /// A cell from text input: no geometry.
    pub fn from_text(raw: impl Into<String>, text: impl Into<String>) -> Cell {
        Cell {
            raw: raw.into(),
            text: text.into(),
            x0: None,
            x1: None,
        }
    }

    /// True when the cell holds nothing but white space.
    #[inline]
    pub fn is_blank(&self) -> bool {
        self.text.is_empty() || self.text.trim().is_empty()
    }
}

/// One physical line (a table row or a paragraph line) with its cells.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    /// 1-based page, or `None` for text input without page breaks.
    pub page: Option<u32>,
    /// 1-based line number in the extracted text (over the whole document).
    pub number: u32,
    /// The line as printed (for text input: the raw line without its line ending).
    pub raw: String,
    pub cells: Vec<Cell>,
}

impl Line {
    /// True when every cell is blank.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_blank)
    }

    /// The non-blank cells, in order.
    pub fn filled(&self) -> impl Iterator<Item = &Cell> {
        self.cells.iter().filter(|c| !c.is_blank())
    }
}

/// A whole input read into lines, plus what the reader noticed on the way.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceDoc {
    pub format: Format,
    /// Number of pages for PDF input (and text with form feeds), else `None`.
    pub pages: Option<u32>,
    pub lines: Vec<Line>,
    pub warnings: Vec<Warning>,
}

/// One line per [`Line`]: `p{page}:l{number}` then a tab and the cells joined by
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
