//! Dataset rows as RFC 4180 CSV: UTF-8, CRLF line ends, a header line of column names.
//!
//! The types survive as far as CSV allows: every text cell is quoted (`"012025"`,
//! `"1-1"`), numbers and booleans are bare (`39.8`, `2023`, `true`), and a null is an
//! empty unquoted field, so an empty string (`""`) and a null stay apart (DuckDB's
//! `read_csv` and R's `readr` read them apart; pandas reads both as NaN). Control
//! characters in text (line breaks and tabs included, which a cell copied from a PDF may
//! hold) are written as `\u{a}`, the way the tool's messages escape them, so one row is
//! one line and nothing in a cell can drive a terminal. JSON Lines and Parquet keep the
//! text as it is.
//!
//! For Excel (`--excel`): a byte order mark first, so the Japanese text is read as UTF-8,
//! and the code columns (municipality code, section code, KPI id, the exact decimal)
//! written as the formula `="012025"` when Excel would otherwise take them for a number
//! or a date (dropping the leading zero of `012025`, turning `1-1` into 1 January).

use std::io::{self, Write};

use super::{check_row, Cell, Row, DATASET_COLUMNS};

/// The columns that hold codes, which Excel must read as text.
const CODE_COLUMNS: &[&str] = &["municipality_code", "section_code", "kpi_id", "decimal"];

/// Write the header and `rows` (see the module documentation). With `excel`, a UTF-8
/// byte order mark comes first and code columns are protected from Excel's conversions.
///
/// Fails on a write error or a row that does not fit [`DATASET_COLUMNS`].
pub fn write_csv<W: Write + ?Sized>(rows: &[Row], out: &mut W, excel: bool) -> io::Result<()> {
    write_csv_header(out, excel)?;
    write_csv_rows(rows, out, excel)
}

/// The first part of [`write_csv`]: the optional BOM and the header line. Together with
/// [`write_csv_rows`] it lets a caller stream one document's rows at a time.
pub fn write_csv_header<W: Write + ?Sized>(out: &mut W, excel: bool) -> io::Result<()> {
    if excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let names: Vec<&str> = DATASET_COLUMNS.iter().map(|c| c.name).collect();
    out.write_all(names.join(",").as_bytes())?;
    out.write_all(b"\r\n")
}

/// The body part of [`write_csv`]: `rows` as CSV lines, no header.
pub fn write_csv_rows<W: Write + ?Sized>(rows: &[Row], out: &mut W, excel: bool) -> io::Result<()> {
    let protected: Vec<bool> = DATASET_COLUMNS
        .iter()
        .map(|c| excel && CODE_COLUMNS.contains(&c.name))
        .collect();
    let mut line = String::with_capacity(1024);
    for (index, row) in rows.iter().enumerate() {
        check_row(row, index)?;
        line.clear();
        for (n, cell) in row.iter().enumerate() {
            if n > 0 {
                line.push(',');
            }
            write_cell(&mut line, cell, protected[n]);
        }
        line.push_str("\r\n");
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

fn write_cell(line: &mut String, cell: &Cell, protect: bool) {
    use std::fmt::Write as _;
    match cell {
        Cell::Null => {}
        Cell::Text(text) if protect && excel_would_convert(text) => {
            line.push_str("\"=\"\"");
            push_escaped(line, text);
            line.push_str("\"\"\"");
        }
        Cell::Text(text) => {
            line.push('"');
            push_escaped(line, text);
            line.push('"');
        }
        Cell::Integer(n) => {
            let _ = write!(line, "{n}");
        }
        Cell::Float(f) => line.push_str(ryu_js::Buffer::new().format(*f)),
        Cell::Boolean(b) => line.push_str(if *b { "true" } else { "false" }),
    }
}

/// The text with quotes doubled (RFC 4180) and control characters written as `\u{…}`.
fn push_escaped(line: &mut String, text: &str) {
    use std::fmt::Write as _;
    for c in text.chars() {
        if c == '"' {
            line.push_str("\"\"");
        } else if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
            let _ = write!(line, "\\u{{{:x}}}", c as u32);
        } else {
            line.push(c);
        }
    }
}

/// True for text Excel reads as a number or a date: digits with at most the separators
/// of numbers and dates (`012025`, `1-1`, `4.0`, `2023/4`).
fn excel_would_convert(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'/' | b'.' | b':' | b'+'))
}
