//! A sheet's cells as displayed, laid out into lines: the shape every office reader fills
//! (a workbook's sheet, a Word table) before the table stage sees it.
//!
//! Rows become [`Line`]s whose cells are the sheet's columns from the first used one, so
//! a value stays under its header as in tab-separated text. Merged ranges: a range over
//! several columns (a section title, a label) keeps its text in its top-left cell only, as
//! a text extraction shows it; a range over several rows of one column (a department or a
//! project list shared by KPI rows) is repeated on each row, since each row needs it.
//! Hidden rows and columns are left out, with a warning when they held text.

use std::collections::{BTreeMap, BTreeSet};

use crate::cells::{Cell, Line};
use crate::diag::{Provenance, Warning, WarningCode};

/// A rectangle of merged cells, 0-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Merge {
    pub first_row: u32,
    pub first_col: u32,
    pub last_row: u32,
    pub last_col: u32,
}

/// One sheet's displayed cells before layout.
#[derive(Debug, Default)]
pub(crate) struct Grid {
    /// 1-based page of the lines (the sheet's index in the workbook).
    pub page: u32,
    /// The sheet's name, for messages.
    pub name: String,
    /// Displayed text by (row, column), 0-based; empty texts are not stored.
    pub cells: BTreeMap<(u32, u32), String>,
    pub hidden_rows: BTreeSet<u32>,
    pub hidden_cols: BTreeSet<u32>,
    pub merges: Vec<Merge>,
}

impl Grid {
    pub(crate) fn new(page: u32, name: impl Into<String>) -> Grid {
        Grid {
            page,
            name: name.into(),
            ..Grid::default()
        }
    }

    /// Store a cell's displayed text (blank texts are dropped).
    pub(crate) fn set(&mut self, row: u32, col: u32, text: String) {
        if !text.trim().is_empty() {
            self.cells.insert((row, col), text);
        }
    }

    /// The sheet as lines (row number = line number, 1-based), plus warnings for hidden
    /// content left out.
    pub(crate) fn into_lines(mut self) -> (Vec<Line>, Vec<Warning>) {
        self.spread_vertical_merges();
        let mut warnings = Vec::new();
        self.warn_hidden(&mut warnings);
        let visible: Vec<((u32, u32), String)> = std::mem::take(&mut self.cells)
            .into_iter()
            .filter(|((r, c), _)| !self.hidden_rows.contains(r) && !self.hidden_cols.contains(c))
            .collect();
        let Some(first_col) = visible.iter().map(|((_, c), _)| *c).min() else {
            return (Vec::new(), warnings);
        };
        // Hidden columns are dropped from the positions too, so the visible columns stay
        // adjacent as a person sees them.
        let position = |col: u32| -> usize {
            let hidden_before = self.hidden_cols.range(first_col..col).count() as u32;
            (col - first_col - hidden_before) as usize
        };
        let mut lines = Vec::new();
        let mut rows = visible.into_iter().peekable();
        while let Some(((row, _), _)) = rows.peek() {
            let row = *row;
            let mut cells: Vec<Cell> = Vec::new();
            while let Some(((_, col), text)) = rows.next_if(|((r, _), _)| *r == row) {
                let at = position(col);
                if cells.len() <= at {
                    cells.resize_with(at + 1, || Cell::from_text("", ""));
                }
                cells[at] = Cell::from_text(text.clone(), text);
            }
            let raw = cells
                .iter()
                .map(|c| c.text.replace(['\t', '\n'], " "))
                .collect::<Vec<_>>()
                .join("\t");
            lines.push(Line {
                page: Some(self.page),
                number: row.saturating_add(1),
                raw,
                cells,
                heading: None,
                size: None,
            });
        }
        (lines, warnings)
    }

    /// A merge over several rows of one column repeats its text on every row.
    fn spread_vertical_merges(&mut self) {
        for m in &self.merges {
            if m.first_col != m.last_col || m.first_row == m.last_row {
                continue;
            }
            let Some(text) = self.cells.get(&(m.first_row, m.first_col)).cloned() else {
                continue;
            };
            for row in m.first_row + 1..=m.last_row {
                self.cells.insert((row, m.first_col), text.clone());
            }
        }
    }

    fn warn_hidden(&self, warnings: &mut Vec<Warning>) {
        let mut hidden_rows_with_text = BTreeSet::new();
        let mut hidden_cols_with_text = BTreeSet::new();
        for (r, c) in self.cells.keys() {
            if self.hidden_rows.contains(r) {
                hidden_rows_with_text.insert(*r);
            } else if self.hidden_cols.contains(c) {
                hidden_cols_with_text.insert(*c);
            }
        }
        for row in hidden_rows_with_text {
            let text: Vec<&str> = self
                .cells
                .range((row, 0)..=(row, u32::MAX))
                .map(|(_, t)| t.as_str())
                .collect();
            warnings.push(Warning::new(
                WarningCode::HiddenContentSkipped,
                format!(
                    "row {} of sheet \"{}\" is hidden and was left out",
                    row + 1,
                    self.name
                ),
                Provenance {
                    column: None,
                    sheet: None,
                    line: row + 1,
                    page: Some(self.page),
                    text: text.join("\t"),
                },
            ));
        }
        if !hidden_cols_with_text.is_empty() {
            let names: Vec<String> = hidden_cols_with_text
                .iter()
                .map(|c| column_name(*c))
                .collect();
            warnings.push(Warning::new(
                WarningCode::HiddenContentSkipped,
                format!(
                    "column(s) {} of sheet \"{}\" are hidden and were left out",
                    names.join(", "),
                    self.name
                ),
                Provenance {
                    column: None,
                    sheet: None,
                    line: 1,
                    page: Some(self.page),
                    text: String::new(),
                },
            ));
        }
    }
}

/// The warning for a hidden sheet, which is left out whole.
pub(crate) fn hidden_sheet_warning(page: u32, name: &str) -> Warning {
    Warning::new(
        WarningCode::HiddenContentSkipped,
        format!("sheet \"{name}\" is hidden and was left out"),
        Provenance {
            column: None,
            sheet: None,
            line: 1,
            page: Some(page),
            text: String::new(),
        },
    )
}

/// `0 → A`, `25 → Z`, `26 → AA`: a column as a spreadsheet names it.
pub fn column_name(col: u32) -> String {
    let mut n = col + 1;
    let mut name = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        name.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::{column_name, Grid, Merge};

    fn texts(grid: Grid) -> Vec<(u32, Vec<String>)> {
        let (lines, _) = grid.into_lines();
        lines
            .into_iter()
            .map(|l| (l.number, l.cells.into_iter().map(|c| c.text).collect()))
            .collect()
    }

    #[test]
    fn rows_keep_their_columns_from_the_first_used_one() {
        let mut g = Grid::new(1, "KPI");
        g.set(1, 1, "指標".into());
        g.set(1, 3, "目標値".into());
        g.set(2, 2, "12件".into());
        assert_eq!(
            texts(g),
            vec![
                (2, vec!["指標".into(), "".into(), "目標値".into()]),
                (3, vec!["".into(), "12件".into()]),
            ]
        );
    }

    #[test]
    fn a_merge_down_one_column_repeats_and_a_wide_merge_does_not() {
        let mut g = Grid::new(1, "KPI");
        g.set(0, 0, "基本目標1".into());
        g.set(1, 2, "商工課".into());
        g.set(1, 1, "A".into());
        g.set(2, 1, "B".into());
        g.merges = vec![
            Merge {
                first_row: 0,
                first_col: 0,
                last_row: 0,
                last_col: 2,
            },
            Merge {
                first_row: 1,
                first_col: 2,
                last_row: 2,
                last_col: 2,
            },
        ];
        assert_eq!(
            texts(g),
            vec![
                (1, vec!["基本目標1".into()]),
                (2, vec!["".into(), "A".into(), "商工課".into()]),
                (3, vec!["".into(), "B".into(), "商工課".into()]),
            ]
        );
    }

    #[test]
    fn hidden_rows_and_columns_are_left_out_with_a_warning() {
        let mut g = Grid::new(2, "内訳");
        g.set(0, 0, "指標".into());
        g.set(0, 1, "メモ".into());
        g.set(0, 2, "目標".into());
        g.set(1, 0, "旧指標".into());
        g.hidden_rows.insert(1);
        g.hidden_cols.insert(1);
        let (lines, warnings) = g.into_lines();
        assert_eq!(lines.len(), 1);
        let cells: Vec<&str> = lines[0].cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(cells, ["指標", "目標"]);
        assert_eq!(warnings.len(), 2);
        assert!(warnings.iter().all(|w| w.code == "hidden_content_skipped"));
        assert!(warnings[1].message.contains("column(s) B"), "{warnings:?}");
    }

    #[test]
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(16_383), "XFD");
    }
}
