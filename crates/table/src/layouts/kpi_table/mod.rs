//! The row-per-KPI table: a header of role columns (`重要業績評価指標 | 当初 (H30) |
//! 実績値 (R2) | 目標値 (R6) | 進捗状況`), possibly over several lines and repeated on every
//! page, then one KPI per row (`特許保有件数 | 153件 | 144件 | 200件 | 遅延`).
//!
//! Three layouts, tried at different places of the order (see [`super::LAYOUTS`]):
//! - [`TableHeader`] opens a table at a header block (or goes on with it, when the same
//!   header is repeated on a new page);
//! - [`TableNotes`] reads the single-cell lines around a table: a unit caption
//!   (`（単位：千円）`) and a `【数値目標】` marker before it, department lines after it;
//! - [`KpiRows`] reads the rows, and sees where they end.
//!
//! A header is read into a [`Schema`] by [`crate::header`]; a row is split into the
//! schema's cells by [`row`].

mod blocks;
mod dated_list;
mod row;

use crate::cell_text::{department_line, has_number_or_date};
use crate::header::{ColumnKind, Schema};
use crate::model::Role;
use crate::more_chars_than;
use crate::value::clean_hint;
use shinchoku_extract::WarningCode;

use super::doc::{OpenTable, Phase};
use super::{is_page_number, At, Claim, Doc, Layout};

pub(crate) use blocks::{header_blocks, HeaderBlocks};

/// A header block found before the walk ([`header_blocks`]) that describes a KPI table.
pub(crate) struct TableHeader;

impl Layout for TableHeader {
    fn read<'a>(&self, doc: &mut Doc<'a>, at: &At<'a, '_>) -> Claim {
        let Some((block, schema)) = doc.headers.table_at(at.index) else {
            return Claim::Declined;
        };
        open_table(doc, schema, at);
        Claim::Lines(block.end - block.start)
    }
}

fn open_table<'a>(doc: &mut Doc<'a>, schema: &'a Schema, at: &At) {
    doc.initiative = None;
    let repeated = !doc.sections.heading_since_row
        && doc
            .table
            .as_ref()
            .is_some_and(|t| t.schema.same_layout(schema));
    if repeated {
        // A page header repeated: the table goes on.
        if let Some(table) = doc.table.as_mut() {
            table.phase = Phase::Rows;
        }
        doc.sections.headline |= std::mem::take(&mut doc.sections.headline_marker);
        return;
    }
    for (code, message) in &schema.era_warnings {
        doc.warn(*code, format!("in the table header: {message}"), at.line());
    }
    if let Some(project) = doc.sections.pending_project.take() {
        // A table confirms the project heading before it.
        doc.push_section(project);
    }
    doc.out.kind.add(schema);
    if doc.out.first_current_column.is_none() {
        doc.out.first_current_column = schema
            .columns
            .iter()
            .find(|c| {
                matches!(
                    c.kind,
                    ColumnKind::Value {
                        role: Role::Current,
                        ..
                    }
                )
            })
            .cloned();
    }
    doc.sections.headline = std::mem::take(&mut doc.sections.headline_marker);
    doc.last_schema = Some(schema);
    doc.table = Some(OpenTable::new(schema, doc.caption_unit.take()));
}

/// Single-cell lines about a table: department lines after it (`（ものづくり振興課）`), a
/// `【数値目標】` marker and a unit caption (`（単位：千円）`) before it.
pub(crate) struct TableNotes;

impl Layout for TableNotes {
    fn read<'a>(&self, doc: &mut Doc<'a>, at: &At<'a, '_>) -> Claim {
        let Some(cell) = at.single() else {
            return Claim::Declined;
        };
        if let Some(departments) = department_line(cell.text()) {
            if doc.table.is_some() {
                assign_departments(doc, departments, at);
            }
            return Claim::Lines(1);
        }
        if is_headline_marker(cell.squeezed()) {
            // The next table's rows are the level-1 section's headline KPIs.
            doc.sections.headline_marker = true;
            return Claim::Lines(1);
        }
        if let Some(unit) = caption_unit(cell.norm()) {
            doc.caption_unit = Some(unit);
            return Claim::Lines(1);
        }
        Claim::Declined
    }
}

/// Trailing department lines go to the table's KPIs in order, skipping KPIs that already
/// have one; a chart title just before names the KPI directly.
fn assign_departments(doc: &mut Doc, departments: Vec<String>, at: &At) {
    let Some(table) = doc.table.as_mut() else {
        return;
    };
    table.phase = Phase::Trailer;
    table.chart = None;
    let kpis = &doc.out.kpis;
    let target = table.titled.take().or_else(|| {
        let found = table.kpis[table.department_cursor..]
            .iter()
            .position(|&k| kpis[k].departments.is_empty());
        found.map(|p| {
            let at = table.department_cursor + p;
            table.department_cursor = at + 1;
            table.kpis[at]
        })
    });
    match target {
        Some(k) => {
            let kpi = &mut doc.out.kpis[k];
            for d in departments {
                if !kpi.departments.contains(&d) {
                    kpi.departments.push(d);
                }
            }
        }
        None => doc.warn(
            WarningCode::UnplacedDepartment,
            format!(
                "department line \"{}\" follows a table whose KPIs all have departments already",
                departments.join("、")
            ),
            at.line(),
        ),
    }
}

/// The rows of the open table, and the lines that show they have ended.
pub(crate) struct KpiRows;

impl Layout for KpiRows {
    fn read<'a>(&self, doc: &mut Doc<'a>, at: &At<'a, '_>) -> Claim {
        if crate::layouts::is_row_of_values(at.filled) {
            match (doc.table.as_mut(), doc.last_schema) {
                // A line shaped like a KPI row under lines taken for the table's end (a
                // wrapped name's fragment alone at the top of a page, a caption): the rows
                // go on.
                (Some(table), _) => table.phase = Phase::Rows,
                // Under a heading that closed the table, rows with no header of their own
                // (a report that prints its header once a page, not once a section): they
                // are read under the last header.
                (None, Some(schema)) => doc.table = Some(OpenTable::new(schema, None)),
                (None, None) => {}
            }
        }
        if doc.table_in(Phase::Rows).is_none() {
            return Claim::Declined;
        }
        if row::read_row(doc, at) {
            return Claim::Lines(1);
        }
        let filled = at.filled;
        if let Some(cell) = at.single() {
            if is_page_number(cell.squeezed()) {
                return Claim::Lines(1);
            }
            if at.gap || is_prose(cell.norm()) || ends_table(cell.norm()) {
                // The rows have ended: what follows refers to the table (chart titles,
                // departments), and this line may be a chart title.
                if let Some(table) = doc.table.as_mut() {
                    table.phase = Phase::Trailer;
                }
                return Claim::Declined;
            }
            if !has_number_or_date(cell.text()) {
                // A short line right under the rows (a chart title, a remark): the table
                // may still go on.
                return Claim::Declined;
            }
        }
        if filled.iter().any(|c| has_number_or_date(c.text())) {
            doc.warn(
                WarningCode::UnparsedRow,
                "a line inside a KPI table holds a number or date but is neither a KPI row, a heading nor a header; expected a name followed by the table's value cells".to_string(),
                at.line(),
            );
            return Claim::Lines(1);
        }
        Claim::Declined
    }
}

/// A sentence or paragraph rather than a table cell (from the normalized text).
fn is_prose(t: &str) -> bool {
    t.ends_with('。') || more_chars_than(t, 60)
}

/// A line alone in its row that no KPI row looks like: a bullet item (`・…事業`) or a
/// bracketed caption (`＜主な事業＞`, `［期待される効果］`). The rows have ended. Reads the
/// normalized text.
fn ends_table(t: &str) -> bool {
    let bullet = t.starts_with(['・', '●', '○', '◇', '◆', '■', '□', '•']);
    let caption = [
        ('<', '>'),
        ('[', ']'),
        ('【', '】'),
        ('〈', '〉'),
        ('《', '》'),
    ]
    .iter()
    .any(|&(open, close)| t.starts_with(open) && t.ends_with(close));
    bullet || caption
}

/// A `数値目標` marker line (`【数値目標】`), from the squeezed text.
fn is_headline_marker(squeezed: &str) -> bool {
    squeezed.trim_matches(['【', '】', '[', ']', '<', '>', '(', ')', '■', '◆', '●']) == "数値目標"
}

/// A caption `（単位：千円）` on a line of its own, from the normalized text.
fn caption_unit(t: &str) -> Option<String> {
    if !t.contains("単位") || more_chars_than(t, 20) {
        return None;
    }
    clean_hint(t)
}
