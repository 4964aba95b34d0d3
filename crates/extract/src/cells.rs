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
    Xlsx,
    Xls,
    Ods,
    Docx,
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
        is_blank_text(&self.text)
    }
}

/// `s.trim().is_empty()`, decided on the first byte for almost every text. The stages ask it
/// of every cell again and again, and `trim` decodes a kanji and looks it up in the white
/// space table each time. Every white-space character is ASCII or starts with one of the
/// lead bytes `C2` (U+0085, U+00A0), `E1` (U+1680), `E2` (U+2000–U+205F) and `E3`
/// (U+3000): a text starting with any other byte starts with a character that is not.
#[inline]
pub fn is_blank_text(s: &str) -> bool {
    match s.as_bytes().first() {
        None => true,
        Some(&b) if b.is_ascii() => matches!(b, b'\t'..=b'\r' | b' ') && s.trim().is_empty(),
        Some(0xC2 | 0xE1 | 0xE2 | 0xE3) => s.trim().is_empty(),
        Some(_) => false,
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
    /// The outline level (1 = top) when the source itself marks the line as a heading,
    /// as a Word paragraph style does; `None` for text, PDF and sheets, whose headings are
    /// known only by their wording.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<u8>,
    /// For a PDF's line of running text, its largest glyph size in points (a title is
    /// printed larger than the body); `None` for table rows and other inputs. Used to find
    /// the title, not written out.
    #[serde(skip)]
    pub size: Option<f32>,
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
    /// For a workbook, the name of each sheet by page (`sheet_names[page - 1]`), so that
    /// provenance can name the sheet; empty for other input.
    pub sheet_names: Vec<String>,
    /// The title the file's own metadata gives (a PDF's Info dictionary `/Title`), as
    /// stored; `None` when it has none. The table stage decides whether it is a real title.
    pub metadata_title: Option<String>,
}

/// One line per [`Line`]: `p{page}:l{number}` (and `:h{level}` for a line the source marks
/// as a heading) then a tab and the cells joined by tabs. Newlines inside a cell are shown as ` ⏎ ` so each line stays one line. With
/// `page`, only that page's lines.
pub fn render_cells(doc: &SourceDoc, page: Option<u32>) -> String {
    render_cells_with(doc, page, |text| text.into())
}

/// [`render_cells`] with each cell's text (its line breaks already shown as ` ⏎ `) passed
/// through `show`: the binary escapes control characters there, so that a cell can
/// neither add a column or a line nor drive the terminal.
pub fn render_cells_with(
    doc: &SourceDoc,
    page: Option<u32>,
    show: impl Fn(&str) -> std::borrow::Cow<'_, str>,
) -> String {
    let mut out = String::new();
    for line in doc
        .lines
        .iter()
        .filter(|l| page.is_none() || l.page == page)
    {
        let p = line.page.map_or_else(|| "-".to_string(), |p| p.to_string());
        out.push_str(&format!("p{p}:l{}", line.number));
        // A heading known from the source's own markup (a Word heading style).
        if let Some(level) = line.heading {
            out.push_str(&format!(":h{level}"));
        }
        for cell in &line.cells {
            out.push('\t');
            out.push_str(&show(&cell.text.replace('\n', " ⏎ ")));
        }
        out.push('\n');
    }
    out
}

/// The length of the UTF-8 character whose lead byte is `lead`: for byte walks that step
/// whole characters without decoding them (normalization, the value tokenizer, header
/// terms). Only meaningful at a character boundary.
#[inline]
pub fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::is_blank_text;

    /// The first-byte shortcut answers `false` only for texts whose first character is not
    /// white space, so checking every possible first character, alone and followed by
    /// white space or a letter, covers every text.
    #[test]
    fn is_blank_text_agrees_with_trim_for_every_first_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for rest in ["", " ", "\u{3000}", "x", "\t漢"] {
                let s = format!("{c}{rest}");
                assert_eq!(is_blank_text(&s), s.trim().is_empty(), "{s:?}");
            }
        }
        assert!(is_blank_text(""));
    }
}
