//! Yearly sheets: several indicators under one row of years, each with a row per row label
//! (施策マネジメントシート, 事務事業評価シート).
//!
//! ```text
//! 成果指標名       単位  区分    平成23年度 平成24年度 平成25年度 … 平成29年度
//! 転入者数(窓口)   人    実績値  359        445        448        …
//!                        目標値             437        424        …  380
//! 相談件数         件    実績値             6          8          …
//!                        目標値             10         20         …  60
//! ```
//!
//! The header is a row of at least [`MIN_YEARS`] periods of increasing years carrying no
//! role word (a sheet with roles in its periods is an indicator sheet), with only a name,
//! unit or row-label term (`区分`) before them. Each row below holds a role-word label
//! (`実績値`, `目標値`, `目安値`, `基準値`); the filled cells before the label start a new
//! indicator (its name, then its unit when it has one), a row with none goes on with the
//! indicator above. Values stand after the label, one cell per year: the cell `k` places
//! after the label is under the header's year `k` (blank cells keep the places of years
//! without a value; the flattened form's reader writes them). A 目標値 / 目安値 row gives
//! one `target` a year; an 実績値 row gives `previous` values and, for its latest year, the
//! `current` one; a 基準値 row gives the `baseline`.

use std::cell::OnceCell;

use shinchoku_extract::era::{parse_period, Period};

use crate::cell_text::{has_number_or_date, is_missing_mark, looks_like_value, split_name};
use crate::header::{classify, ColumnKind};
use crate::model::{KpiKind, Observation, Role};
use crate::value::{clean_hint, read_cell, unit_in_name};
use crate::view::{CellView, LineView};

use super::doc::{provenance, KpiDraft};
use super::role_words::{bare_role_word, role_word_in};
use super::{At, Claim, Doc, Layout};

/// A header has at least this many years (fewer are a role table's periods).
const MIN_YEARS: usize = 3;

/// A sheet has at most this many rows (a bound, so that it never runs over a document).
const MAX_ROWS: usize = 400;

pub(crate) struct YearlyRows;

/// The header's years, in order.
struct Years {
    periods: Vec<Period>,
}

/// Read a header of years: filled cells before the first period are name, unit or label
/// terms; from it on, every filled cell is a period without a role word, each year later
/// than the one before.
fn years(line: &LineView) -> Option<Years> {
    let mut periods: Vec<Period> = Vec::new();
    for cell in &line.cells {
        if cell.is_blank() {
            continue;
        }
        let squeezed = cell.squeezed();
        let period = has_number_or_date(squeezed)
            .then(|| parse_period(cell.norm()).ok())
            .flatten()
            .filter(|_| role_word_in(squeezed).is_none());
        match period {
            Some(p) => {
                if periods
                    .last()
                    .is_some_and(|last| last.year >= p.period.year)
                {
                    return None;
                }
                periods.push(p.period);
            }
            None if periods.is_empty()
                && matches!(
                    classify(squeezed),
                    Some(ColumnKind::Name | ColumnKind::Unit | ColumnKind::Label)
                ) => {}
            None => return None,
        }
    }
    (periods.len() >= MIN_YEARS).then_some(Years { periods })
}

/// Whether a line is a yearly sheet's header of years: a table starts there.
pub(crate) fn is_year_header(line: &LineView) -> bool {
    years(line).is_some()
}

/// One row: the cells before its label (name, unit), the label's role, and its values by
/// year column.
struct Row<'a> {
    heads: Vec<&'a CellView<'a>>,
    role: Role,
    values: Vec<(usize, &'a CellView<'a>)>,
}

/// Read a row under `years`: a role-word label, values only after it, each under a year.
fn row<'a>(line: &'a LineView<'a>, years: &Years) -> Option<Row<'a>> {
    let (label_at, label) = line
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_blank())
        .find_map(|(k, c)| bare_role_word(c.squeezed()).map(|w| (k, w)))?;
    let heads: Vec<&CellView> = line.cells[..label_at]
        .iter()
        .filter(|c| !c.is_blank())
        .collect();
    if heads.len() > 2 || heads.iter().any(|c| bare_role_word(c.squeezed()).is_some()) {
        return None;
    }
    let mut values = Vec::new();
    for (k, cell) in line.cells.iter().enumerate().skip(label_at + 1) {
        if cell.is_blank() {
            continue;
        }
        let column = k - label_at - 1;
        let is_value = looks_like_value(cell.norm()) || is_missing_mark(cell.norm());
        if column >= years.periods.len() || !is_value {
            return None;
        }
        values.push((column, cell));
    }
    Some(Row {
        heads,
        role: label.role,
        values,
    })
}

/// An indicator being read: its name cells and its observations so far.
struct Indicator<'a> {
    heads: Vec<&'a CellView<'a>>,
    observations: Vec<Observation>,
    years: Vec<Option<i32>>,
    line: usize,
}

impl Layout for YearlyRows {
    fn read<'a>(&self, doc: &mut Doc<'a>, at: &At<'a, '_>) -> Claim {
        let Some(years) = years(at.view()) else {
            return Claim::Declined;
        };
        let mut indicators: Vec<Indicator> = Vec::new();
        let mut end = at.index + 1;
        while end < at.lines.len() && end - at.index <= MAX_ROWS {
            let Some(row) = row(&at.lines[end], &years) else {
                break;
            };
            if !row.heads.is_empty() {
                indicators.push(Indicator {
                    heads: row.heads.clone(),
                    observations: Vec::new(),
                    years: Vec::new(),
                    line: end,
                });
            }
            let Some(indicator) = indicators.last_mut() else {
                break;
            };
            let name = indicator.heads[0].norm().as_str();
            let unit = indicator
                .heads
                .get(1)
                .and_then(|c| clean_hint(c.text()))
                .or_else(|| unit_in_name(name));
            let first = indicator.observations.len();
            for (column, cell) in &row.values {
                let read = read_cell(cell.norm(), unit.as_deref());
                let period = read.period.or_else(|| Some(years.periods[*column].clone()));
                let role = match row.role {
                    Role::Current => Role::Previous,
                    role => role,
                };
                indicator.years.push(period.as_ref().map(|p| p.year));
                indicator.observations.push(Observation {
                    role,
                    value: read.value,
                    period,
                    notes: read.notes,
                    raw: cell.text().to_string(),
                });
            }
            // Of a row of actuals, the latest year is the current value.
            if row.role == Role::Current {
                if let Some(last) = indicator.observations[first..].last_mut() {
                    last.role = Role::Current;
                }
            }
            end += 1;
        }
        if indicators.is_empty() {
            return Claim::Declined;
        }
        doc.sections.heading_since_row = false;
        for indicator in indicators {
            let has = |role| indicator.observations.iter().any(|o| o.role == role);
            if has(Role::Current) || has(Role::Previous) {
                doc.out.kind.progress = true;
            } else {
                doc.out.kind.plan = true;
            }
            let parts = split_name(indicator.heads[0].norm());
            doc.out.kpis.push(KpiDraft {
                achievement_rate: None,
                section: doc.sections.current,
                kind: KpiKind::Kpi,
                name: parts.name,
                name_raw: indicator
                    .heads
                    .iter()
                    .map(|c| c.text())
                    .collect::<Vec<_>>()
                    .join(" "),
                observations: indicator.observations,
                status: None,
                departments: parts.departments,
                notes: parts.notes,
                provenance: provenance(at.lines[indicator.line].line),
                years: indicator.years,
                name_bigrams: OnceCell::new(),
            });
        }
        Claim::Lines(end - at.index)
    }
}
