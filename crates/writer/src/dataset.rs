//! Cross-city dataset rows: one flat row per KPI observation (per part for a
//! `parts` value), as CSV or JSON Lines.
//!
//! Works on the document's JSON (`serde_json::Value`) so it depends only on the
//! contract, not on the types that produced it. Missing or null fields become empty
//! strings; nothing here panics on a malformed document, it just yields fewer or
//! emptier rows.

use std::io::{self, Write};

use serde_json::{Map, Value};

use crate::canonical::{number_text, write_canonical};

/// The dataset's columns, in order. Fixed for schema version 1.
pub const DATASET_COLUMNS: &[&str] = &[
    "municipality_code",
    "municipality_name",
    "source_file",
    "source_sha256",
    "section_code",
    "section_title",
    "kpi_id",
    "kpi_kind",
    "kpi_name",
    "role",
    "value_kind",
    "part_label",
    "number",
    "decimal",
    "unit",
    "comparator",
    "approximate",
    "normalized_number",
    "normalized_unit",
    "text",
    "period_raw",
    "period_year",
    "period_month",
    "period_basis",
    "period_start",
    "period_end",
    "status_code",
    "status_label",
    "departments",
    "provenance_page",
    "provenance_line",
];

/// Separator between the labels of nested parts (a part whose value is itself `parts`).
const NESTED_LABEL_SEPARATOR: &str = "/";

/// One row per KPI observation of `doc` (a schema-v1 document), in document order,
/// with cells in [`DATASET_COLUMNS`] order.
///
/// A `parts` value gives one row per part (nested parts are flattened depth-first,
/// labels joined with `/`); each part row carries the part's label, value and period,
/// or the observation's period when the part has none. An empty `parts` list still
/// gives one row (value_kind `parts`, value cells empty). Numbers are written in the
/// ECMAScript shortest form, booleans as `true`/`false`, nulls as empty strings,
/// departments joined with `;`. A KPI without observations gives no row.
pub fn dataset_rows(doc: &Value) -> Vec<Vec<String>> {
    let municipality = &doc["document"]["municipality"];
    let document_cells = DocumentCells {
        municipality_code: cell(&municipality["code"]),
        municipality_name: cell(&municipality["name"]),
        source_file: cell(&doc["source"]["file"]),
        source_sha256: cell(&doc["source"]["sha256"]),
    };
    let section_titles = section_titles(doc);
    let mut rows = Vec::new();
    for kpi in as_slice(&doc["kpis"]) {
        let section_code = cell(&kpi["section"]);
        let section_title = section_titles
            .get(section_code.as_str())
            .map(std::string::ToString::to_string)
            .unwrap_or_default();
        let kpi_cells = KpiCells {
            section_code,
            section_title,
            kpi_id: cell(&kpi["id"]),
            kpi_kind: cell(&kpi["kind"]),
            kpi_name: cell(&kpi["name"]),
            status_code: cell(&kpi["status"]["code"]),
            status_label: cell(&kpi["status"]["label"]),
            departments: as_slice(&kpi["departments"])
                .iter()
                .map(cell)
                .collect::<Vec<_>>()
                .join(";"),
            provenance_page: cell(&kpi["provenance"]["page"]),
            provenance_line: cell(&kpi["provenance"]["line"]),
        };
        for observation in as_slice(&kpi["observations"]) {
            for flat in flatten(observation) {
                rows.push(row(&document_cells, &kpi_cells, observation, &flat));
            }
        }
    }
    rows
}

/// Write the header ([`DATASET_COLUMNS`]) and `rows` as RFC 4180 CSV: UTF-8, CRLF line
/// ends, fields quoted only when they hold a comma, quote or line break. With
/// `excel_bom`, a UTF-8 byte order mark comes first so Excel detects the encoding.
///
/// Fails on a write error or a row whose length differs from the header's.
pub fn write_csv<W: Write + ?Sized>(
    rows: &[Vec<String>],
    out: &mut W,
    excel_bom: bool,
) -> io::Result<()> {
    write_csv_header(out, excel_bom)?;
    write_csv_rows(rows, out)
}

/// The first part of [`write_csv`]: the optional BOM and the header line. Together with
/// [`write_csv_rows`] it lets a caller stream one document's rows at a time.
pub fn write_csv_header<W: Write + ?Sized>(out: &mut W, excel_bom: bool) -> io::Result<()> {
    if excel_bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    write_records(
        std::iter::once(
            DATASET_COLUMNS
                .iter()
                .map(std::string::ToString::to_string)
                .collect(),
        ),
        out,
    )
}

/// The body part of [`write_csv`]: `rows` as CSV lines, no header.
pub fn write_csv_rows<W: Write + ?Sized>(rows: &[Vec<String>], out: &mut W) -> io::Result<()> {
    write_records(rows.iter().cloned(), out)
}

fn write_records<W: Write + ?Sized>(
    records: impl Iterator<Item = Vec<String>>,
    out: &mut W,
) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(out);
    for record in records {
        if record.len() != DATASET_COLUMNS.len() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "dataset row has {} cells, expected {} (one per column)",
                    record.len(),
                    DATASET_COLUMNS.len()
                ),
            ));
        }
        writer.write_record(&record)?;
    }
    writer.flush()
}

/// Write each row as one canonical JSON object keyed by column name, one per line.
///
/// Fails on a write error or a row whose length differs from [`DATASET_COLUMNS`].
pub fn write_dataset_jsonl<W: Write + ?Sized>(rows: &[Vec<String>], out: &mut W) -> io::Result<()> {
    for (index, row) in rows.iter().enumerate() {
        if row.len() != DATASET_COLUMNS.len() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "dataset row {} has {} cells, expected {} (one per column)",
                    index + 1,
                    row.len(),
                    DATASET_COLUMNS.len()
                ),
            ));
        }
        let object: Map<String, Value> = DATASET_COLUMNS
            .iter()
            .zip(row)
            .map(|(column, cell)| (column.to_string(), Value::String(cell.clone())))
            .collect();
        write_canonical(&Value::Object(object), out)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

struct DocumentCells {
    municipality_code: String,
    municipality_name: String,
    source_file: String,
    source_sha256: String,
}

struct KpiCells {
    section_code: String,
    section_title: String,
    kpi_id: String,
    kpi_kind: String,
    kpi_name: String,
    status_code: String,
    status_label: String,
    departments: String,
    provenance_page: String,
    provenance_line: String,
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
    doc: &DocumentCells,
    kpi: &KpiCells,
    observation: &Value,
    flat: &FlatValue<'_>,
) -> Vec<String> {
    let value = flat.value;
    let period = flat.period;
    let cells = [
        doc.municipality_code.clone(),
        doc.municipality_name.clone(),
        doc.source_file.clone(),
        doc.source_sha256.clone(),
        kpi.section_code.clone(),
        kpi.section_title.clone(),
        kpi.kpi_id.clone(),
        kpi.kpi_kind.clone(),
        kpi.kpi_name.clone(),
        cell(&observation["role"]),
        cell(&value["kind"]),
        flat.label.clone().unwrap_or_default(),
        cell(&value["number"]),
        cell(&value["decimal"]),
        cell(&value["unit"]),
        cell(&value["comparator"]),
        cell(&value["approximate"]),
        cell(&value["normalized"]["number"]),
        cell(&value["normalized"]["unit"]),
        cell(&value["text"]),
        cell(&period["raw"]),
        cell(&period["year"]),
        cell(&period["month"]),
        cell(&period["basis"]),
        cell(&period["start"]),
        cell(&period["end"]),
        kpi.status_code.clone(),
        kpi.status_label.clone(),
        kpi.departments.clone(),
        kpi.provenance_page.clone(),
        kpi.provenance_line.clone(),
    ];
    debug_assert_eq!(cells.len(), DATASET_COLUMNS.len());
    cells.into()
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

/// A scalar as dataset text: nulls (and absent fields) empty, numbers in the
/// ECMAScript form; a stray array or object as its canonical JSON.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::String(s) => s.clone(),
        Value::Number(n) => number_text(n),
        Value::Array(_) | Value::Object(_) => {
            let mut buf = Vec::new();
            // Writing into a Vec cannot fail.
            let _ = write_canonical(value, &mut buf);
            String::from_utf8(buf).unwrap_or_default()
        }
    }
}
