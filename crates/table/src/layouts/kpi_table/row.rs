//! One KPI row of the open table: `[ordinal | 数値目標] name value… [status] [projects]`,
//! its cells aligned to the table's columns by content and order, read into a KPI draft.

use shinchoku_extract::WarningCode;
use std::cell::OnceCell;

use crate::cell_text::{
    after_headline_mark, has_line_break, is_missing_mark, is_ordinal, looks_like_value,
    norm_paragraphs, split_name, NormalizedText,
};
use crate::header::{ColumnKind, Schema};
use shinchoku_extract::era::{parse_period, Period};

use crate::model::{KpiKind, Observation, Role, StatusCode};
use crate::status::parse_status;
use crate::value::{clean_hint, parse_cell, read_cell, unit_in_name};
use crate::view::{CellView, LineView};

use super::super::doc::{provenance, KpiDraft};
use super::super::inline_list::{read_pair, Pair};
use super::super::{At, Doc};
use super::dated_list::{dated_values, mark_running_totals, names_a_running_total};

/// Read the line as a row of the open table; false when it is not one.
pub(super) fn read_row(doc: &mut Doc, at: &At) -> bool {
    let Some(table) = doc.table.as_ref() else {
        return false;
    };
    let schema = table.schema;
    let Some(row) = split_row(at.view(), schema) else {
        return false;
    };
    let line = at.line();
    // A name cell may print the plan's starting point and goal under the name
    // (`合計特殊出生率⏎H26年1.54→H31年1.68`): the name is the text before them, and the pair
    // gives the baseline and the final target, beside the columns' values.
    let name_pair = name_cell_pair(row.name);
    let name_text = name_pair
        .as_ref()
        .map_or(row.name.norm().as_str(), |p| p.name.as_str());
    // A KPI marked ◆/◇ is a headline target: the mark is not part of its name.
    let marked = after_headline_mark(name_text);
    let headline_marked = marked.is_some();
    let name_parts = split_name(marked.unwrap_or(name_text));
    // The row's own unit column first, then a unit in the KPI's name or the table's
    // caption, then the value column's header.
    let mut row_unit = None;
    let mut base_period = None;
    let mut target_period = None;
    for (column, cell) in schema.slots().zip(&row.slots) {
        match (column.kind, cell) {
            (ColumnKind::Unit, Some(cell)) => row_unit = clean_hint(cell.text()),
            (ColumnKind::BaseYear, Some(cell)) => {
                base_period = parse_period(cell.norm()).ok().map(|parsed| parsed.period);
            }
            (ColumnKind::TargetYear, Some(cell)) => {
                target_period = parse_period(cell.norm()).ok().map(|parsed| parsed.period);
            }
            _ => {}
        }
    }
    let unit_hint = row_unit
        .or_else(|| unit_in_name(&name_parts.name))
        .or_else(|| table.caption_unit.clone());
    let mut observations = Vec::new();
    // The doubts about the cells' own periods (`2018(H29)年`: H29 is 2017), warned at the row.
    let mut cell_era_doubts = Vec::new();
    let mut years = Vec::new();
    let mut status = None;
    let mut achievement_rate = None;
    let mut departments = name_parts.departments;
    let mut notes = name_parts.notes;
    for (column, cell) in schema.slots().zip(&row.slots) {
        let text = cell.map(crate::view::CellView::text).unwrap_or("");
        match column.kind {
            ColumnKind::Value { role, .. } => {
                let hint = unit_hint.as_deref().or(column.unit.as_deref());
                if let Some(items) = cell.and_then(|c| dated_values(c.norm().as_str(), hint)) {
                    for item in items {
                        years.push(Some(item.period.year));
                        observations.push(Observation {
                            role,
                            value: item.read.value,
                            period: Some(item.period),
                            notes: item.read.notes,
                            raw: item.raw,
                        });
                    }
                    continue;
                }
                let read = match cell.filter(|c| !has_line_break(c.text())) {
                    Some(one_paragraph) => read_cell(one_paragraph.norm(), hint),
                    None => parse_cell(text, hint),
                };
                // The cell's own period, else the row's base year for a baseline (its
                // target year for a target), else the column's.
                let row_period = match role {
                    Role::Baseline => base_period.clone(),
                    Role::Target => target_period.clone(),
                    _ => None,
                };
                years.push(
                    read.period
                        .as_ref()
                        .or(row_period.as_ref())
                        .map(|p| p.year)
                        .or(column.year()),
                );
                if let Some(own) = &read.period {
                    cell_era_doubts.extend(era_doubts(own));
                }
                observations.push(Observation {
                    role,
                    value: read.value,
                    period: read.period.or(row_period).or_else(|| column.period.clone()),
                    notes: read.notes,
                    raw: text.to_string(),
                });
            }
            ColumnKind::Status => status = parse_status(text, doc.legend.get()),
            ColumnKind::AchievementRate if !text.trim().is_empty() => {
                // As printed: `120.0%`, or `120.0` under a `達成率(%)` header.
                let hint = unit_in_name(&column.text).or_else(|| Some("%".to_string()));
                achievement_rate = Some(parse_cell(text, hint.as_deref()).value);
            }
            // A dash in a note column says there is nothing to note.
            ColumnKind::Note if !text.trim().is_empty() && !is_missing_mark(text) => {
                notes.push(format!(
                    "{}: {}",
                    column.text,
                    NormalizedText::new(text.trim()).as_str()
                ));
            }
            ColumnKind::Department => {
                for d in norm_paragraphs(text)
                    .iter()
                    .flat_map(|p| p.split(['、', ',', '/']))
                {
                    let d = d.trim();
                    if !d.is_empty() && !departments.iter().any(|x| x == d) {
                        departments.push(d.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(pair) = name_pair {
        let [baseline, target] = pair.observations();
        years.insert(0, baseline.period.as_ref().map(|p| p.year));
        observations.insert(0, baseline);
        years.push(target.period.as_ref().map(|p| p.year));
        observations.push(target);
    }
    if names_a_running_total(row.name.norm().as_str()) {
        mark_running_totals(&mut observations);
    }
    notes.extend(row.extras.iter().map(|extra| extra.norm().to_string()));
    let cursor = &mut doc.sections;
    let headline = row.headline_label || cursor.headline;
    cursor.headline = headline;
    cursor.heading_since_row = false;
    let (kind, section) = if headline || headline_marked {
        (KpiKind::Headline, cursor.level1.or(cursor.current))
    } else if schema.priority || doc.in_project() {
        (KpiKind::Priority, doc.sections.current)
    } else {
        (KpiKind::Kpi, doc.sections.current)
    };
    let unknown_status = status
        .as_ref()
        .filter(|s| s.code == StatusCode::Other)
        .map(|s| s.label.clone());
    let index = doc.out.kpis.len();
    doc.out.kpis.push(KpiDraft {
        section,
        kind,
        name: name_parts.name,
        name_raw: row.name.text().to_string(),
        observations,
        status,
        achievement_rate,
        departments,
        notes,
        provenance: provenance(line),
        years,
        name_bigrams: OnceCell::new(),
    });
    if let Some(table) = doc.table.as_mut() {
        table.kpis.push(index);
    }
    if let Some(projects) = row.projects {
        doc.add_section_projects(projects);
    }
    let label_warned = |label: &String| doc.out.unknown_statuses.contains(label);
    if let Some(label) = unknown_status.filter(|l| !label_warned(l)) {
        doc.out.unknown_statuses.push(label.clone());
        doc.warn(
            WarningCode::UnknownStatus,
            format!(
                "status \"{label}\" is not a known progress label nor in the document's legend (later rows with it are not warned about)"
            ),
            line,
        );
    }
    for (code, message) in cell_era_doubts {
        doc.warn(code, message, line);
    }
    if !row.extras.is_empty() {
        doc.warn(
            WarningCode::ExtraCells,
            format!(
                "{} cell(s) after the table's last column were kept as the KPI's notes",
                row.extras.len()
            ),
            line,
        );
    }
    true
}

/// The cells of a KPI row, aligned to the table's columns.
struct Row<'l, 'a> {
    headline_label: bool,
    name: &'l CellView<'a>,
    /// One entry per schema slot (values, status, department); `None` when not printed.
    slots: Vec<Option<&'l CellView<'a>>>,
    projects: Option<&'l CellView<'a>>,
    /// Filled cells beyond the table's columns.
    extras: Vec<&'l CellView<'a>>,
}

/// Split a line into a KPI row. The name is the first filled cell that is not a row
/// ordinal or a `数値目標` label; the cells after it fill the value columns in order, then
/// the status; a numbered list at the end is the projects cell. Leading empty cells and
/// header positions do not matter (layouts shift from page to page).
fn split_row<'l, 'a>(line: &'l LineView<'a>, schema: &Schema) -> Option<Row<'l, 'a>> {
    let mut headline_label = false;
    let mut name_at = None;
    for (i, cell) in line.cells.iter().enumerate() {
        if cell.is_blank() || is_ordinal(cell.text()) {
            continue;
        }
        if cell.squeezed() == "数値目標" {
            headline_label = true;
            continue;
        }
        if looks_like_value(cell.norm()) || cell.heading().is_some() {
            return None;
        }
        name_at = Some(i);
        break;
    }
    let name_at = name_at?;
    let mut after = without_trailing_blanks(&line.cells[name_at + 1..]);
    let slot_count = schema.slots().count();
    let has_projects_column = schema
        .columns
        .iter()
        .any(|c| c.kind == ColumnKind::Projects);
    let mut filled_count = after.iter().filter(|c| !c.is_blank()).count();
    let mut projects = None;
    if let Some((last, before)) = after.split_last() {
        let list = last.is_list();
        if list && (filled_count > slot_count || has_projects_column || has_line_break(last.text()))
        {
            projects = Some(last);
            after = without_trailing_blanks(before);
            filled_count -= 1;
        }
    }
    if filled_count < slot_count.min(2) {
        return None;
    }
    let filled = || after.iter().filter(|c| !c.is_blank());
    let (slots, extras): (Vec<Option<&CellView>>, Vec<&CellView>) = if filled_count >= slot_count {
        (
            filled().take(slot_count).map(Some).collect(),
            filled().skip(slot_count).collect(),
        )
    } else if after.len() >= slot_count {
        // Fewer filled cells than columns: blank cells hold their column's place.
        (
            after[..slot_count]
                .iter()
                .map(|c| (!c.is_blank()).then_some(c))
                .collect(),
            after[slot_count..]
                .iter()
                .filter(|c| !c.is_blank())
                .collect(),
        )
    } else {
        let mut v: Vec<Option<&CellView>> = filled().map(Some).collect();
        v.resize(slot_count, None);
        (v, Vec::new())
    };
    Some(Row {
        headline_label,
        name: &line.cells[name_at],
        slots,
        projects,
        extras,
    })
}

/// `cells` up to its last filled cell.
fn without_trailing_blanks<'l, 'a>(cells: &'l [CellView<'a>]) -> &'l [CellView<'a>] {
    let end = cells
        .iter()
        .rposition(|c| !c.is_blank())
        .map_or(0, |i| i + 1);
    &cells[..end]
}

/// The `left → right` pair a name cell prints after the name, when both sides are values
/// (`合計特殊出生率 H26年1.54→H31年1.68`); a goal in words (`→H31年延伸`) is no pair, and the
/// cell stays the name.
fn name_cell_pair(name: &CellView) -> Option<Pair> {
    let text = name.norm().as_str();
    if !text.contains(['→', '⇒', '➡', '⇨', '➔']) && !text.contains("->") {
        return None;
    }
    read_pair(text, None).filter(|pair| !pair.name.is_empty())
}

/// The doubts (`era_mismatch`, `era_out_of_range`) about a period read from a value cell,
/// found again from its printed expression: the value reader keeps the period, not them.
fn era_doubts(period: &Period) -> Vec<(WarningCode, String)> {
    parse_period(&period.raw)
        .map(|parsed| {
            parsed
                .warnings
                .into_iter()
                .map(|w| (w.code, w.message))
                .collect()
        })
        .unwrap_or_default()
}
