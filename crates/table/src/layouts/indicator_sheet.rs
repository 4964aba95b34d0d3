//! Indicator sheets: one block per KPI, as strategies and their reviews print them.
//!
//! ```text
//! 数値目標：市内従業者数（人）
//!         平成25 (基準値)   平成27    平成28 (現状値)   平成31 (目標値)
//! 実績値   40,215           40,880    41,102
//! 目標値                                                42,000
//! ```
//!
//! A title line (`数値目標：…`, `KPI①　…`, `【KPI】…`, `[KPI] …`) names the KPI; the next
//! line is a row of periods, each with its role (`平成28 (現状値)`) or under a role word
//! printed before a group of them (`現状値 H25 H26 H27 目標値 H31`: the group's last year
//! is the current value, the earlier ones `previous`); then value rows, each labelled
//! (`実績値`, `目標値`, `目安値`, `期待値`) or not, under the period columns. A year with no
//! role of its own is a `previous` observation; in an 実績値 row that names no current
//! year, the latest value is the current one. The values of a 目標値 / 目安値 / 期待値 row
//! are `target` observations, each dated by its column.
//!
//! Value cells are placed under the period columns by their horizontal extent (PDF), by
//! cell position when the rows keep their empty cells (tabs, space-aligned text), and
//! otherwise in order: from the left, or from the right for a target row with fewer values
//! than columns (the goal is the last column).

use std::cell::OnceCell;

use shinchoku_extract::era::{parse_period, Period};
use shinchoku_extract::Cell;

use crate::cell_text::{has_number_or_date, is_missing_mark, looks_like_value, split_name};
use crate::model::{KpiKind, Observation, Role};
use crate::more_chars_than;
use crate::value::{read_cell, unit_in_name};
use crate::view::{CellView, LineView};

use super::doc::{provenance, KpiDraft};
use super::role_words::{bare_role_word, role_word_in, RoleWord};
use super::{At, Claim, Doc, Layout};

/// A KPI name is a phrase, not a paragraph.
const MAX_TITLE_CHARS: usize = 80;

/// How many value rows one sheet has at most (actuals, targets, interim targets …): a
/// bound, so that a sheet never runs over a document.
const MAX_VALUE_ROWS: usize = 8;

pub(crate) struct IndicatorSheet;

impl Layout for IndicatorSheet {
    fn read<'a>(&self, doc: &mut Doc<'a>, at: &At<'a, '_>) -> Claim {
        let Some((name, headline)) = sheet_title(at.filled) else {
            return Claim::Declined;
        };
        let Some(periods_at) = next_filled(at.lines, at.index + 1) else {
            return Claim::Declined;
        };
        let Some(columns) = period_row(&at.lines[periods_at]) else {
            return Claim::Declined;
        };
        let mut rows = Vec::new();
        let mut end = periods_at + 1;
        while end < at.lines.len() && rows.len() < MAX_VALUE_ROWS {
            match value_row(&at.lines[end]) {
                Some(row) => rows.push(row),
                None => break,
            }
            end += 1;
        }
        if rows.is_empty() {
            return Claim::Declined;
        }
        let name_parts = split_name(&name);
        let hint = unit_in_name(&name_parts.name);
        let mut observations = Vec::new();
        let mut years = Vec::new();
        for row in &rows {
            let placed = place(&columns, row);
            let first = observations.len();
            for (column, cell) in placed {
                let column = &columns.columns[column];
                let role = match row.label.map(|w| w.role) {
                    Some(Role::Target) => Role::Target,
                    Some(Role::Baseline) => Role::Baseline,
                    // An observed value in the goal's year is the latest one.
                    Some(_) if column.role == Role::Target => Role::Current,
                    _ => column.role,
                };
                let read = read_cell(cell.norm(), hint.as_deref());
                let period = read.period.or_else(|| column.period.clone());
                years.push(period.as_ref().map(|p| p.year));
                observations.push(Observation {
                    role,
                    value: read.value,
                    period,
                    notes: read.notes,
                    raw: cell.text().to_string(),
                });
            }
            promote_latest_actual(&mut observations[first..], row.label);
        }
        let line = at.line();
        let cursor = &mut doc.sections;
        cursor.heading_since_row = false;
        let (kind, section) = if headline {
            (KpiKind::Headline, cursor.level1.or(cursor.current))
        } else {
            (KpiKind::Kpi, cursor.current)
        };
        // Earlier yearly actuals, or a current value beside a baseline, report progress;
        // a starting value and targets alone are a plan's (the document's kind).
        let has = |role| observations.iter().any(|o: &Observation| o.role == role);
        if has(Role::Previous) || (has(Role::Current) && has(Role::Baseline)) {
            doc.out.kind.progress = true;
        } else {
            doc.out.kind.plan = true;
        }
        doc.out.kpis.push(KpiDraft {
            achievement_rate: None,
            section,
            kind,
            name: name_parts.name,
            name_raw: at
                .filled
                .iter()
                .map(|c| c.text())
                .collect::<Vec<_>>()
                .join(" "),
            observations,
            status: None,
            departments: name_parts.departments,
            notes: name_parts.notes,
            provenance: provenance(line),
            years,
            name_bigrams: OnceCell::new(),
        });
        Claim::Lines(end - at.index)
    }
}

/// The KPI name of a title line, and whether it is a headline target (`数値目標`).
fn sheet_title(filled: &[&CellView]) -> Option<(String, bool)> {
    let first = filled.first()?;
    if filled.len() > 2 {
        return None;
    }
    let text = filled
        .iter()
        .map(|c| c.norm().as_str())
        .collect::<Vec<_>>()
        .join(" ");
    // Longest first: `【数値目標】` before `数値目標`.
    const TITLES: [(&str, bool); 8] = [
        ("【数値目標】", true),
        ("[数値目標]", true),
        ("数値目標", true),
        ("【KPI】", false),
        ("[KPI]", false),
        ("重要業績評価指標(KPI)", false),
        ("重要業績評価指標", false),
        ("KPI", false),
    ];
    let (rest, headline) = TITLES
        .iter()
        .find_map(|(prefix, headline)| text.strip_prefix(prefix).map(|rest| (rest, *headline)))?;
    // A number after the word (`KPI①` is `KPI(1)` once normalized, `KPI 2`).
    let rest = rest.trim_start();
    let rest = match rest.strip_prefix('(') {
        Some(inner) => match inner.split_once(')') {
            Some((n, after)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => after,
            _ => rest,
        },
        None => rest.trim_start_matches(|c: char| c.is_ascii_digit()),
    };
    let name = rest.trim_start_matches([':', ' ', '-', '.', '】']).trim();
    if name.is_empty() || more_chars_than(name, MAX_TITLE_CHARS) || first.heading().is_some() {
        return None;
    }
    Some((name.to_string(), headline))
}

/// The first non-blank line from `from`.
fn next_filled(lines: &[LineView], from: usize) -> Option<usize> {
    (from..lines.len().min(from + 3)).find(|&i| !lines[i].is_blank())
}

/// One period column of a sheet.
struct PeriodColumn<'a> {
    /// Position of its cell in the line's cells.
    index: usize,
    cell: &'a Cell,
    role: Role,
    period: Option<Period>,
}

/// A sheet's row of periods.
struct PeriodRow<'a> {
    columns: Vec<PeriodColumn<'a>>,
    /// Position of the row's first period or role word in the line's cells.
    start: usize,
}

/// Read a row of periods: every filled cell a period (with or without a role word), a role
/// word heading a group of periods, or a leading row-label word (`区分`, `年度`). At least two
/// periods, and a role somewhere.
fn period_row<'a>(line: &'a LineView<'a>) -> Option<PeriodRow<'a>> {
    let mut columns: Vec<PeriodColumn> = Vec::new();
    let mut start = None;
    // The role word heading the current group, and where the group starts in `columns`.
    let mut group: Option<(RoleWord, usize)> = None;
    let mut groups = Vec::new();
    let mut any_role = false;
    for (index, cell) in line.cells.iter().enumerate() {
        if cell.is_blank() {
            continue;
        }
        let squeezed = cell.squeezed();
        if let Some(word) = bare_role_word(squeezed) {
            if let Some(open) = group.take() {
                groups.push((open, columns.len()));
            }
            group = Some((word, columns.len()));
            start.get_or_insert(index);
            any_role = true;
            continue;
        }
        let period = has_number_or_date(squeezed)
            .then(|| parse_period(cell.norm()).ok())
            .flatten();
        let Some(period) = period else {
            if start.is_none() && matches!(squeezed, "区分" | "年度" | "年" | "項目" | "") {
                continue;
            }
            return None;
        };
        let own = role_word_in(squeezed);
        any_role |= own.is_some();
        start.get_or_insert(index);
        columns.push(PeriodColumn {
            index,
            cell: cell.cell,
            // Columns without a role of their own are given one below.
            role: own.map_or(Role::Previous, |w| w.role),
            period: Some(period.period),
        });
        if own.is_some() {
            if let Some(open) = group.take() {
                groups.push((open, columns.len() - 1));
            }
        }
    }
    if let Some(open) = group.take() {
        groups.push((open, columns.len()));
    }
    if columns.len() < 2 || !any_role {
        return None;
    }
    // A group's years take its role; of an observed group (現状値, 実績値), the last year
    // is the current one and the earlier ones are previous.
    for ((word, from), to) in groups {
        let members = &mut columns[from..to];
        for column in members.iter_mut() {
            column.role = match word.role {
                Role::Current => Role::Previous,
                role => role,
            };
        }
        if let (Role::Current, Some(last)) = (word.role, members.last_mut()) {
            last.role = Role::Current;
        }
    }
    Some(PeriodRow {
        columns,
        start: start?,
    })
}

/// One value row: its label's role word, if it has one, and its value cells.
struct ValueRow<'a> {
    label: Option<RoleWord>,
    /// Position in the line's cells from which values stand.
    start: usize,
    cells: Vec<(usize, &'a CellView<'a>)>,
}

/// A row of values under the periods: a role-word label (`実績値`, `期待値`) or none, then
/// values only.
fn value_row<'a>(line: &'a LineView<'a>) -> Option<ValueRow<'a>> {
    let mut filled = line.cells.iter().enumerate().filter(|(_, c)| !c.is_blank());
    let (first_at, first) = filled.next()?;
    let label = bare_role_word(first.squeezed());
    let mut cells = Vec::new();
    if label.is_none() {
        cells.push((first_at, first));
    }
    cells.extend(filled);
    let all_values = cells
        .iter()
        .all(|(_, c)| looks_like_value(c.norm()) || is_missing_mark(c.norm()));
    if cells.is_empty() || !all_values {
        return None;
    }
    Some(ValueRow {
        label,
        start: if label.is_some() { first_at + 1 } else { 0 },
        cells,
    })
}

/// Put each value of `row` under a period column: by horizontal extent when both rows have
/// one, by cell position when the rows keep their cells' places and that puts every value
/// under a column, else in order.
fn place<'a>(periods: &PeriodRow, row: &ValueRow<'a>) -> Vec<(usize, &'a CellView<'a>)> {
    let columns = &periods.columns;
    if let Some(placed) = by_extent(columns, row) {
        return placed;
    }
    // Cell positions: the value row's values start under the period row's first period
    // (or role word).
    let by_position: Option<Vec<_>> = row
        .cells
        .iter()
        .map(|&(index, cell)| {
            let position = (index + periods.start).checked_sub(row.start)?;
            let column = columns.iter().position(|c| c.index == position)?;
            Some((column, cell))
        })
        .collect();
    // Positions hold only where both rows keep the cell before their values (a label, or
    // the blank cell under it) or neither has one: space-aligned text drops blank cells.
    let kept = (row.start > 0) == (periods.start > 0);
    if let Some(placed) = by_position.filter(|_| kept) {
        return placed;
    }
    let count = row.cells.len().min(columns.len());
    let from_right = row.label.is_some_and(|w| w.role == Role::Target) && count < columns.len();
    let first = if from_right { columns.len() - count } else { 0 };
    row.cells[..count]
        .iter()
        .enumerate()
        .map(|(k, &(_, cell))| (first + k, cell))
        .collect()
}

/// Place by horizontal extent (PDF): each value under the column its middle falls nearest.
fn by_extent<'a>(
    columns: &[PeriodColumn],
    row: &ValueRow<'a>,
) -> Option<Vec<(usize, &'a CellView<'a>)>> {
    let middle = |cell: &Cell| Some((cell.x0? + cell.x1?) / 2.0);
    let centres: Vec<f32> = columns
        .iter()
        .map(|c| middle(c.cell))
        .collect::<Option<_>>()?;
    row.cells
        .iter()
        .map(|&(_, cell)| {
            let x = middle(cell.cell)?;
            let nearest = centres
                .iter()
                .enumerate()
                .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()))?
                .0;
            Some((nearest, cell))
        })
        .collect()
}

/// In a row of actuals whose columns name no current year (`H26 (基準値) H27 H28 H31 (目標値)`),
/// the latest value is the current one.
fn promote_latest_actual(observations: &mut [Observation], label: Option<RoleWord>) {
    if label.is_some_and(|w| w.role == Role::Target)
        || observations.iter().any(|o| o.role == Role::Current)
    {
        return;
    }
    if let Some(last) = observations
        .iter_mut()
        .rev()
        .find(|o| o.role == Role::Previous)
    {
        last.role = Role::Current;
    }
}
