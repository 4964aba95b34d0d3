//! Workbooks (.xlsx, .xls) into lines of cells, through `calamine`.
//!
//! calamine reads the values (shared strings, cached formula results, dates) and, for
//! .xlsx, each cell's style with its number format code, which [`numfmt`] draws as the
//! sheet shows it. It does not report hidden rows and columns, so those are read from the
//! sheet XML here ([`xlsx_parts`]). For .xls, calamine exposes no format codes either: they
//! and the hidden rows and columns are read from the BIFF records ([`xls_parts`]). (.ods
//! is read by [`super::ods`].)
//!
//! Formulas are never evaluated and macros never run: a workbook is only read.

use std::io::Cursor;

use calamine::{Data, DataRef, Reader, SheetVisible, Xlsx};

use super::grid::{hidden_sheet_warning, Grid, Merge};
use super::numfmt::{builtin_code, format_number, general, is_locale_dependent};
use super::{xls_parts, xlsx_parts};
use super::{OfficeKind, Sheets, MAX_CELLS};
use crate::ExtractError;

/// Every sheet of the workbook as a grid, in workbook order; hidden sheets are skipped
/// with a warning.
pub(super) fn read_workbook(bytes: &[u8], kind: OfficeKind) -> Result<Sheets, ExtractError> {
    match kind {
        OfficeKind::Xlsx => read_xlsx(bytes),
        _ => read_xls(bytes),
    }
}

fn too_many_cells(name: &str) -> ExtractError {
    ExtractError::TooManySheetCells {
        sheet: name.to_string(),
        max: MAX_CELLS,
    }
}

fn read_xlsx(bytes: &[u8]) -> Result<Sheets, ExtractError> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(workbook_error)?;
    let mut layouts = xlsx_parts::sheet_layouts(bytes);
    let metadata = book.sheets_metadata().to_vec();
    let mut sheets = Sheets::default();
    for (index, sheet) in metadata.iter().enumerate() {
        let page = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if sheet.visible != SheetVisible::Visible {
            sheets
                .warnings
                .push(hidden_sheet_warning(page, &sheet.name));
            continue;
        }
        let mut grid = Grid::new(page, sheet.name.clone());
        {
            let mut reader = book
                .worksheet_cells_reader(&sheet.name)
                .map_err(workbook_error)?;
            let mut count = 0usize;
            while let Some((cell, style_id)) =
                reader.next_cell_with_style_id().map_err(workbook_error)?
            {
                count += 1;
                if count > MAX_CELLS {
                    return Err(too_many_cells(&sheet.name));
                }
                let (row, col) = cell.get_position();
                let format = reader
                    .styles()
                    .get(style_id)
                    .and_then(|s| s.number_format.as_ref())
                    .map(|f| format_code(&f.format_code, f.format_id));
                grid.set(row, col, shown_ref(cell.get_value(), format.as_deref()));
            }
        }
        if let Some(layout) = layouts.remove(&sheet.name) {
            grid.hidden_rows = layout.hidden_rows;
            grid.hidden_cols = layout.hidden_cols;
            grid.merges = layout.merges;
        }
        sheets.grids.push(grid);
    }
    Ok(sheets)
}

fn read_xls(bytes: &[u8]) -> Result<Sheets, ExtractError> {
    let mut book =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(workbook_error)?;
    let mut formats = xls_parts::sheet_formats(bytes);
    let metadata = book.sheets_metadata().to_vec();
    let mut sheets = Sheets::default();
    for (index, sheet) in metadata.iter().enumerate() {
        let page = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if sheet.visible != SheetVisible::Visible {
            sheets
                .warnings
                .push(hidden_sheet_warning(page, &sheet.name));
            continue;
        }
        let range = book.worksheet_range(&sheet.name).map_err(workbook_error)?;
        let mut grid = Grid::new(page, sheet.name.clone());
        let sheet_formats = formats.remove(&sheet.name).unwrap_or_default();
        let (start_row, start_col) = range.start().unwrap_or((0, 0));
        for (count, (row, col, value)) in range.used_cells().enumerate() {
            if count >= MAX_CELLS {
                return Err(too_many_cells(&sheet.name));
            }
            let (row, col) = (start_row + row as u32, start_col + col as u32);
            let format = sheet_formats.codes.get(&(row, col)).map(String::as_str);
            grid.set(row, col, shown(value, format));
        }
        grid.hidden_rows = sheet_formats.hidden_rows;
        grid.hidden_cols = sheet_formats.hidden_cols;
        if let calamine::Sheets::Xls(xls) = &book {
            if let Ok(merges) = xls.merge_cells_by_sheet_name(&sheet.name) {
                grid.merges = merges.iter().map(merge).collect();
            }
        }
        sheets.grids.push(grid);
    }
    Ok(sheets)
}

fn merge(d: &calamine::Dimensions) -> Merge {
    Merge {
        first_row: d.start.0,
        first_col: d.start.1,
        last_row: d.end.0,
        last_col: d.end.1,
    }
}

fn workbook_error(e: impl std::fmt::Display) -> ExtractError {
    let message = e.to_string();
    if message.to_lowercase().contains("password") || message.contains("encrypt") {
        ExtractError::PasswordProtected
    } else {
        ExtractError::Office(format!("unreadable workbook: {message}"))
    }
}

/// The format code to draw with: calamine gives built-in ids their international code,
/// while a Japanese workbook shows the locale-dependent ones in their Japanese form.
fn format_code(code: &str, id: Option<u32>) -> String {
    match id {
        Some(id) if is_locale_dependent(id) => builtin_code(id).unwrap_or(code).to_string(),
        _ => code.to_string(),
    }
}

/// A streamed .xlsx value as displayed under its format.
fn shown_ref(value: &DataRef<'_>, format: Option<&str>) -> String {
    let number = |v: f64| match format {
        Some(code) => format_number(v, code),
        None => general(v),
    };
    match value {
        DataRef::Int(i) => number(*i as f64),
        DataRef::Float(f) => number(*f),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Bool(b) => (if *b { "TRUE" } else { "FALSE" }).to_string(),
        DataRef::DateTime(d) => match format {
            Some(code) => format_number(d.as_f64(), code),
            None => format_number(d.as_f64(), "yyyy/m/d"),
        },
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

/// A .xls value as displayed under its format (read by [`xls_parts`]).
fn shown(value: &Data, format: Option<&str>) -> String {
    let number = |v: f64| match format {
        Some(code) => format_number(v, code),
        None => general(v),
    };
    match value {
        Data::Int(i) => number(*i as f64),
        Data::Float(f) => number(*f),
        Data::String(s) => s.clone(),
        Data::Bool(b) => (if *b { "TRUE" } else { "FALSE" }).to_string(),
        Data::DateTime(d) => format_number(d.as_f64(), format.unwrap_or("yyyy/m/d")),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
        Data::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::format_code;

    #[test]
    fn japanese_builtin_date_formats_by_id() {
        assert_eq!(format_code("General", Some(27)), "[$-411]ge.m.d");
        assert_eq!(format_code("mm-dd-yy", Some(14)), "yyyy/m/d");
        assert_eq!(format_code("#,##0", Some(3)), "#,##0");
        assert_eq!(format_code("0.0%", Some(170)), "0.0%");
    }
}
