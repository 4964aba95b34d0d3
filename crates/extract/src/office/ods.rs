//! OpenDocument spreadsheets (.ods), read from `content.xml` directly: an .ods stores each
//! cell's displayed text (`<text:p>1,204</text:p>`) beside its value, so what a person
//! sees needs no format code at all. calamine reads only the values, which would show
//! `1204` where the sheet shows `1,204`.
//!
//! Repeated rows and cells (`number-rows-repeated`, `number-columns-repeated`, which
//! LibreOffice writes for the empty rest of a sheet) are expanded only when they hold
//! text, within [`MAX_CELLS`]; spans become merges; rows and columns with
//! `visibility="collapse"` or `"filter"` and sheets whose style says `display="false"` are
//! hidden.

use std::collections::HashSet;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::grid::{hidden_sheet_warning, Grid, Merge};
use super::xlsx_parts::attr;
use super::{Sheets, MAX_CELLS};
use crate::ExtractError;

#[derive(Default)]
struct Cell {
    text: String,
    repeat: u32,
    col_span: u32,
    row_span: u32,
    paragraphs: usize,
}

#[derive(Default)]
struct State {
    sheets: Sheets,
    hidden_table_styles: HashSet<String>,
    /// Style being read in `automatic-styles`, when it is a table style.
    table_style: Option<String>,
    grid: Option<Grid>,
    sheet_index: u32,
    row: u32,
    row_repeat: u32,
    row_hidden: bool,
    /// Cells of the row being read: (column, text), expanded.
    row_cells: Vec<(u32, String)>,
    col: u32,
    next_col_def: u32,
    cell: Option<Cell>,
    cells_stored: usize,
}

fn number(e: &BytesStart<'_>, key: &str) -> u32 {
    attr(e, key)
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(1)
        .max(1)
}

impl State {
    fn start(&mut self, e: &BytesStart<'_>, empty: bool) -> Result<(), ExtractError> {
        match e.local_name().into_inner() {
            "style" if attr(e, "family").as_deref() == Some("table") => {
                self.table_style = attr(e, "name");
            }
            "table-properties" => {
                if let (Some(style), Some("false")) =
                    (self.table_style.clone(), attr(e, "display").as_deref())
                {
                    self.hidden_table_styles.insert(style);
                }
            }
            "table" => {
                self.sheet_index += 1;
                let name = attr(e, "name").unwrap_or_default();
                let hidden =
                    attr(e, "style-name").is_some_and(|s| self.hidden_table_styles.contains(&s));
                if hidden {
                    self.sheets
                        .warnings
                        .push(hidden_sheet_warning(self.sheet_index, &name));
                }
                self.grid = (!hidden).then(|| Grid::new(self.sheet_index, name));
                self.row = 0;
                self.next_col_def = 0;
            }
            "table-column" => {
                let repeat = number(e, "number-columns-repeated");
                let collapsed = matches!(
                    attr(e, "visibility").as_deref(),
                    Some("collapse" | "filter")
                );
                if let (true, Some(grid)) = (collapsed, self.grid.as_mut()) {
                    for c in self.next_col_def..self.next_col_def.saturating_add(repeat) {
                        if c < 16_384 {
                            grid.hidden_cols.insert(c);
                        }
                    }
                }
                self.next_col_def = self.next_col_def.saturating_add(repeat);
            }
            "table-row" => {
                self.row_repeat = number(e, "number-rows-repeated");
                self.row_hidden = matches!(
                    attr(e, "visibility").as_deref(),
                    Some("collapse" | "filter")
                );
                self.row_cells.clear();
                self.col = 0;
                if empty {
                    self.end_row();
                }
            }
            "table-cell" | "covered-table-cell" => {
                self.cell = Some(Cell {
                    repeat: number(e, "number-columns-repeated"),
                    col_span: number(e, "number-columns-spanned"),
                    row_span: number(e, "number-rows-spanned"),
                    ..Cell::default()
                });
                if empty {
                    self.end_cell()?;
                }
            }
            "p" if self.cell.is_some() => {
                if let Some(cell) = self.cell.as_mut() {
                    if cell.paragraphs > 0 {
                        cell.text.push('\n');
                    }
                    cell.paragraphs += 1;
                }
            }
            "s" => {
                let n = number(e, "c").min(1_000) as usize;
                self.push_text(&" ".repeat(n));
            }
            "tab" => self.push_text(" "),
            "line-break" => self.push_text("\n"),
            _ => {}
        }
        Ok(())
    }

    fn push_text(&mut self, s: &str) {
        if let Some(cell) = self.cell.as_mut() {
            cell.text.push_str(s);
        }
    }

    fn end_cell(&mut self) -> Result<(), ExtractError> {
        let Some(cell) = self.cell.take() else {
            return Ok(());
        };
        let text = cell.text.trim_end_matches('\n').to_string();
        if !text.trim().is_empty() {
            if cell.col_span > 1 || cell.row_span > 1 {
                if let Some(grid) = self.grid.as_mut() {
                    grid.merges.push(Merge {
                        first_row: self.row,
                        first_col: self.col,
                        last_row: self.row.saturating_add(cell.row_span - 1),
                        last_col: self.col.saturating_add(cell.col_span - 1),
                    });
                }
            }
            for k in 0..cell.repeat {
                self.cells_stored += 1;
                if self.cells_stored > MAX_CELLS {
                    return Err(ExtractError::TooManySheetCells {
                        sheet: self
                            .grid
                            .as_ref()
                            .map_or_else(String::new, |g| g.name.clone()),
                        max: MAX_CELLS,
                    });
                }
                self.row_cells
                    .push((self.col.saturating_add(k), text.clone()));
            }
        }
        self.col = self.col.saturating_add(cell.repeat);
        Ok(())
    }

    fn end_row(&mut self) {
        let repeat = if self.row_cells.is_empty() {
            self.row_repeat
        } else {
            // A repeated row with text is the same row again; its copies count as cells.
            self.row_repeat.min(
                u32::try_from(
                    MAX_CELLS.saturating_sub(self.cells_stored) / self.row_cells.len().max(1),
                )
                .unwrap_or(u32::MAX)
                .max(1),
            )
        };
        if let Some(grid) = self.grid.as_mut() {
            for k in 0..repeat {
                let row = self.row.saturating_add(k);
                if self.row_hidden {
                    grid.hidden_rows.insert(row);
                }
                for (col, text) in &self.row_cells {
                    grid.set(row, *col, text.clone());
                }
            }
            if repeat > 1 && !self.row_cells.is_empty() {
                self.cells_stored += self.row_cells.len() * (repeat as usize - 1);
            }
        }
        self.row = self.row.saturating_add(self.row_repeat);
        self.row_cells.clear();
    }

    fn end(&mut self, name: &str) -> Result<(), ExtractError> {
        match name {
            "style" => self.table_style = None,
            "table-cell" | "covered-table-cell" => self.end_cell()?,
            "table-row" => self.end_row(),
            "table" => {
                if let Some(grid) = self.grid.take() {
                    self.sheets.grids.push(grid);
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// Every sheet of an .ods's `content.xml`.
pub(super) fn read_content_xml(xml: &str) -> Result<Sheets, ExtractError> {
    let mut reader = Reader::from_str(xml);
    let mut state = State::default();
    loop {
        let event = reader.read_event().map_err(|e| {
            ExtractError::Office(format!("unreadable spreadsheet: {e} in content.xml"))
        })?;
        match event {
            Event::Eof => break,
            Event::Start(e) => state.start(&e, false)?,
            Event::Empty(e) => state.start(&e, true)?,
            Event::End(e) => state.end(e.local_name().into_inner())?,
            Event::Text(t) if state.cell.is_some() => state.push_text(&t.xml10_content()),
            Event::GeneralRef(r) if state.cell.is_some() => {
                let text = match &*r {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "",
                };
                state.push_text(text);
            }
            _ => {}
        }
    }
    Ok(state.sheets)
}

#[cfg(test)]
mod tests {
    use super::read_content_xml;

    fn rows(xml: &str) -> Vec<(u32, u32, Vec<String>)> {
        let sheets = read_content_xml(xml).unwrap();
        sheets
            .grids
            .into_iter()
            .flat_map(|g| g.into_lines().0)
            .map(|l| {
                (
                    l.page.unwrap(),
                    l.number,
                    l.cells.into_iter().map(|c| c.text).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn displayed_text_repeats_spans_and_hidden_rows() {
        let xml = r#"<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x" xmlns:style="s">
<office:automatic-styles><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="KPI">
 <table:table-row><table:table-cell table:number-columns-spanned="3"><text:p>基本目標1</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/></table:table-row>
 <table:table-row><table:table-cell office:value="1204"><text:p>1,204</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"><text:p>-</text:p></table:table-cell></table:table-row>
 <table:table-row table:visibility="collapse"><table:table-cell><text:p>旧</text:p></table:table-cell></table:table-row>
 <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
 <table:table-row><table:table-cell><text:p>1 事業A</text:p><text:p>2<text:s/>事業B</text:p></table:table-cell></table:table-row>
</table:table>
<table:table table:name="作業" table:style-name="ta2"><table:table-row><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row></table:table>
</office:spreadsheet></office:body></office:document-content>"#;
        let sheets = read_content_xml(xml).unwrap();
        assert_eq!(sheets.warnings.len(), 1, "the hidden sheet");
        assert_eq!(
            rows(xml),
            vec![
                (1, 1, vec!["基本目標1".to_string()]),
                (1, 2, vec!["1,204".into(), "-".into(), "-".into()]),
                (1, 1_048_574, vec!["1 事業A\n2 事業B".into()]),
            ]
        );
    }
}
