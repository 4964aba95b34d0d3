//! Cross-city dataset rows: one flat, typed row per KPI observation (per part for a
//! `parts` value), written as JSON Lines, CSV or Parquet with the same columns
//! ([`DATASET_COLUMNS`]) and the same types.
//!
//! Works on the document's JSON (`serde_json::Value`) so it depends only on the
//! contract, not on the types that produced it. Missing fields become nulls; nothing
//! here panics on a malformed document, it just yields fewer or emptier rows.

mod columns;
mod csv_out;
mod derive;
mod jsonl_out;
mod parquet_out;

use serde_json::Value;

pub use columns::{column_index, Column, ColumnType, DATASET_COLUMNS};
pub use csv_out::{write_csv, write_csv_header, write_csv_rows};
pub use jsonl_out::write_dataset_jsonl;
pub use parquet_out::ParquetWriter;

/// One cell of a row. Its type is its column's ([`ColumnType`]), or null.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Text(String),
    Integer(i64),
    Float(f64),
    Boolean(bool),
}

impl Cell {
    /// True when the cell may stand in a column of type `kind`.
    pub fn fits(&self, kind: ColumnType) -> bool {
        matches!(
            (self, kind),
            (Cell::Null, _)
                | (Cell::Text(_), ColumnType::Text)
                | (Cell::Integer(_), ColumnType::Integer)
                | (Cell::Float(_), ColumnType::Float)
                | (Cell::Boolean(_), ColumnType::Boolean)
        )
    }

    fn text(value: &Value) -> Cell {
        match value {
            Value::String(s) => Cell::Text(s.clone()),
            _ => Cell::Null,
        }
    }

    fn integer(value: &Value) -> Cell {
        value.as_i64().map_or(Cell::Null, Cell::Integer)
    }

    fn float(value: &Value) -> Cell {
        value
            .as_f64()
            .filter(|f| f.is_finite())
            .map_or(Cell::Null, Cell::Float)
    }

    fn boolean(value: &Value) -> Cell {
        value.as_bool().map_or(Cell::Null, Cell::Boolean)
    }

    /// Strings joined with `;`; null for an empty or absent list.
    fn joined(value: &Value) -> Cell {
        let items: Vec<&str> = as_slice(value).iter().filter_map(Value::as_str).collect();
        if items.is_empty() {
            Cell::Null
        } else {
            Cell::Text(items.join(";"))
        }
    }
}

/// A row: one cell per column of [`DATASET_COLUMNS`].
pub type Row = Vec<Cell>;

/// Fail unless `row` has one cell per column, each of its column's type.
pub(crate) fn check_row(row: &[Cell], index: usize) -> std::io::Result<()> {
    let invalid = |message: String| std::io::Error::new(std::io::ErrorKind::InvalidInput, message);
    if row.len() != DATASET_COLUMNS.len() {
        return Err(invalid(format!(
            "dataset row {} has {} cells, expected {} (one per column)",
            index + 1,
            row.len(),
            DATASET_COLUMNS.len()
        )));
    }
    for (cell, column) in row.iter().zip(DATASET_COLUMNS) {
        if !cell.fits(column.kind) {
            return Err(invalid(format!(
                "dataset row {}: column {} is a {}, not {cell:?}",
                index + 1,
                column.name,
                column.kind.as_str()
            )));
        }
    }
    Ok(())
}

/// Separator between the labels of nested parts (a part whose value is itself `parts`).
const NESTED_LABEL_SEPARATOR: &str = "/";

/// One row per KPI observation of `doc` (a schema-v1 document), in document order, with
/// cells in [`DATASET_COLUMNS`] order. `source_path` fills the `source_path` column
/// (`source.file` when `None`).
///
/// A `parts` value gives one row per part (nested parts are flattened depth-first,
/// labels joined with `/`), numbered by `part_index` of `part_count`; each part row
/// carries the part's label, value and period, or the observation's period when the part
/// has none. An empty `parts` list still gives one row (value_kind `parts`, value cells
/// null). A KPI without observations gives no row.
pub fn dataset_rows(doc: &Value, source_path: Option<&str>) -> Vec<Row> {
    let document = &doc["document"];
    let municipality = &document["municipality"];
    let key_prefix = municipality["code"]
        .as_str()
        .or_else(|| municipality["name"].as_str())
        .unwrap_or_default();
    let document_cells = [
        Cell::text(&municipality["code"]),
        Cell::text(&municipality["name"]),
        Cell::text(&doc["source"]["file"]),
        match source_path {
            Some(path) => Cell::Text(path.to_string()),
            None => Cell::text(&doc["source"]["file"]),
        },
        Cell::text(&doc["source"]["sha256"]),
        Cell::text(&document["title"]),
        Cell::text(&document["kind"]),
        Cell::integer(&document["as_of"]["year"]),
    ];
    let section_titles = section_titles(doc);
    let mut keys_seen: std::collections::HashMap<String, usize> = Default::default();
    let mut rows = Vec::new();
    for kpi in as_slice(&doc["kpis"]) {
        let observations = as_slice(&kpi["observations"]);
        if observations.is_empty() {
            continue;
        }
        let section = &kpi["section"];
        let section_title = section
            .as_str()
            .and_then(|code| section_titles.get(code))
            .map_or(Cell::Null, |t| Cell::Text((*t).to_string()));
        let mut key = derive::kpi_key(key_prefix, kpi);
        let seen = keys_seen.entry(key.clone()).or_insert(0);
        *seen += 1;
        if *seen > 1 {
            key = format!("{key}#{seen}");
        }
        let facts = derive::kpi_facts(kpi);
        let kpi_cells = KpiCells {
            head: [
                Cell::text(section),
                section_title,
                Cell::text(&kpi["id"]),
                Cell::Text(key),
                Cell::text(&kpi["kind"]),
                Cell::text(&kpi["name"]),
                Cell::Text(facts.direction.as_str().to_string()),
            ],
            achievement: facts.achievement.map_or(Cell::Null, Cell::Float),
            achievement_rate: Cell::float(&kpi["achievement_rate"]["number"]),
            tail: [
                Cell::text(&kpi["status"]["code"]),
                Cell::text(&kpi["status"]["label"]),
                Cell::joined(&kpi["departments"]),
                Cell::integer(&kpi["provenance"]["page"]),
                Cell::integer(&kpi["provenance"]["line"]),
            ],
        };
        for (index, observation) in observations.iter().enumerate() {
            let leaves = flatten(observation);
            let count = leaves.len();
            let is_latest = facts.latest == Some(index);
            for (part, leaf) in leaves.iter().enumerate() {
                let place = Place {
                    index: part + 1,
                    count,
                    is_latest,
                };
                rows.push(row(&document_cells, &kpi_cells, observation, leaf, &place));
            }
        }
    }
    rows
}

/// The cells of a KPI's rows that come from the KPI itself, before and after the
/// observation's cells.
struct KpiCells {
    head: [Cell; 7],
    achievement: Cell,
    /// The report's printed 達成率 (`Kpi.achievement_rate`), as printed.
    achievement_rate: Cell,
    tail: [Cell; 5],
}

/// Where a row's value sits: which part of how many, of the latest observation or not.
struct Place {
    index: usize,
    count: usize,
    is_latest: bool,
}

/// A leaf value of an observation: the observation's own value, or one part of it.
struct FlatValue<'a> {
    label: Option<String>,
    value: &'a Value,
    period: &'a Value,
}

/// The leaf values of an observation, depth-first, with an explicit stack.
fn flatten(observation: &Value) -> Vec<FlatValue<'_>> {
    let mut leaves = Vec::new();
    let mut pending = vec![FlatValue {
        label: None,
        value: &observation["value"],
        period: &observation["period"],
    }];
    while let Some(item) = pending.pop() {
        let parts = match item.value.get("kind").and_then(Value::as_str) {
            Some("parts") => as_slice(&item.value["parts"]),
            _ => {
                leaves.push(item);
                continue;
            }
        };
        if parts.is_empty() {
            leaves.push(item);
            continue;
        }
        // Reversed so the stack pops them in document order.
        for part in parts.iter().rev() {
            let label = match (&item.label, part["label"].as_str()) {
                (Some(outer), Some(inner)) => {
                    Some(format!("{outer}{NESTED_LABEL_SEPARATOR}{inner}"))
                }
                (Some(outer), None) => Some(outer.clone()),
                (None, inner) => inner.map(str::to_string),
            };
            let period = if part["period"].is_null() {
                item.period
            } else {
                &part["period"]
            };
            pending.push(FlatValue {
                label,
                value: &part["value"],
                period,
            });
        }
    }
    leaves
}

fn row(
    document: &[Cell; 8],
    kpi: &KpiCells,
    observation: &Value,
    flat: &FlatValue<'_>,
    place: &Place,
) -> Row {
    let value = flat.value;
    let period = flat.period;
    let mut cells = Vec::with_capacity(DATASET_COLUMNS.len());
    cells.extend_from_slice(document);
    cells.extend_from_slice(&kpi.head);
    cells.extend([
        Cell::text(&observation["role"]),
        Cell::text(&value["kind"]),
        Cell::Integer(place.index as i64),
        Cell::Integer(place.count as i64),
        flat.label.clone().map_or(Cell::Null, Cell::Text),
        Cell::float(&value["number"]),
        Cell::text(&value["decimal"]),
        Cell::text(&value["unit"]),
        Cell::text(&value["comparator"]),
        Cell::boolean(&value["approximate"]),
        Cell::boolean(&value["cumulative"]),
        Cell::integer(&value["span_years"]),
        Cell::boolean(&value["estimate"]),
        Cell::boolean(&value["preliminary"]),
        Cell::float(&value["normalized"]["number"]),
        Cell::text(&value["normalized"]["unit"]),
        Cell::text(&value["text"]),
        Cell::text(&observation["raw"]),
        Cell::joined(&observation["notes"]),
        Cell::text(&period["raw"]),
        Cell::integer(&period["year"]),
        Cell::integer(&period["month"]),
        Cell::text(&period["basis"]),
        Cell::text(&period["start"]),
        Cell::text(&period["end"]),
        Cell::Boolean(place.is_latest),
        kpi.achievement.clone(),
        kpi.achievement_rate.clone(),
    ]);
    cells.extend_from_slice(&kpi.tail);
    debug_assert_eq!(cells.len(), DATASET_COLUMNS.len());
    cells
}

/// Section code → title, first occurrence wins.
fn section_titles(doc: &Value) -> std::collections::HashMap<&str, &str> {
    let mut titles = std::collections::HashMap::new();
    for section in as_slice(&doc["sections"]) {
        if let (Some(code), Some(title)) = (section["code"].as_str(), section["title"].as_str()) {
            titles.entry(code).or_insert(title);
        }
    }
    titles
}

fn as_slice(value: &Value) -> &[Value] {
    value.as_array().map(Vec::as_slice).unwrap_or(&[])
}
