//! Dataset rows as JSON Lines: one canonical JSON object (RFC 8785) per row, keyed by
//! column name, with JSON strings, numbers, booleans and nulls.

use std::io::{self, Write};

use super::{check_row, Cell, Row, DATASET_COLUMNS};

/// Write each row as one canonical JSON object keyed by column name, one per line.
///
/// Written directly rather than through a `serde_json::Value`: the keys are known and
/// ASCII, so their canonical order is fixed, and building a map per row would triple the
/// time. Strings are escaped by serde_json, which escapes exactly what RFC 8785 does;
/// numbers take the ECMAScript form.
///
/// Fails on a write error or a row that does not fit [`DATASET_COLUMNS`].
pub fn write_dataset_jsonl<W: Write + ?Sized>(rows: &[Row], out: &mut W) -> io::Result<()> {
    let order = canonical_key_order();
    let mut line = Vec::with_capacity(2048);
    for (index, row) in rows.iter().enumerate() {
        check_row(row, index)?;
        line.clear();
        line.push(b'{');
        for (n, &column) in order.iter().enumerate() {
            if n > 0 {
                line.push(b',');
            }
            write_string(&mut line, DATASET_COLUMNS[column].name)?;
            line.push(b':');
            write_cell(&mut line, &row[column])?;
        }
        line.extend_from_slice(b"}\n");
        out.write_all(&line)?;
    }
    Ok(())
}

/// Column indices in RFC 8785 key order (UTF-16 code units; the names are ASCII, so
/// byte order is the same).
fn canonical_key_order() -> Vec<usize> {
    let mut order: Vec<usize> = (0..DATASET_COLUMNS.len()).collect();
    order.sort_by_key(|&i| DATASET_COLUMNS[i].name);
    order
}

fn write_string(out: &mut Vec<u8>, text: &str) -> io::Result<()> {
    serde_json::to_writer(out, text).map_err(io::Error::other)
}

fn write_cell(out: &mut Vec<u8>, cell: &Cell) -> io::Result<()> {
    match cell {
        Cell::Null => out.extend_from_slice(b"null"),
        Cell::Text(text) => write_string(out, text)?,
        Cell::Integer(n) => {
            let _ = write!(out, "{n}");
        }
        Cell::Float(f) => out.extend_from_slice(ryu_js::Buffer::new().format(*f).as_bytes()),
        Cell::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
    }
    Ok(())
}
