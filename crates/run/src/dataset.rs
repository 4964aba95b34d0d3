//! `shinchoku dataset`: documents (JSON files, directories of them, or JSON Lines from
//! `batch --jsonl`) into one cross-city table, one row per KPI observation.
//!
//! Documents are read and written one at a time, in sorted path order, so the table is
//! the same on every run and memory does not grow with the number of documents.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use crate::pipeline::{io_reason, FileError};

/// The JSON files under the given paths: files as given, directories recursively
/// (`*.json` and `*.jsonl`, sorted).
pub fn collect_inputs(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(p)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(walkdir::DirEntry::into_path)
                .filter(|p| {
                    let name = p.to_string_lossy();
                    (name.ends_with(".json") || name.ends_with(".jsonl"))
                        && !name.ends_with(".expected.json")
                })
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Call `each` with every document in `path` (one for `.json`, one per line for `.jsonl`).
pub fn for_each_document(
    path: &Path,
    mut each: impl FnMut(&serde_json::Value) -> std::io::Result<()>,
) -> Result<usize, FileError> {
    let file = std::fs::File::open(path).map_err(|e| FileError::new(path, io_reason(&e)))?;
    let is_lines = path.extension().is_some_and(|e| e == "jsonl");
    let mut count = 0;
    let mut emit = |doc: serde_json::Value, where_: String| -> Result<(), FileError> {
        if doc.get("schema_version").is_none() || !doc["kpis"].is_array() {
            return Err(FileError::new(
                path,
                format!("{where_}not a shinchoku document"),
            ));
        }
        each(&doc).map_err(|e| FileError::new(path, format!("cannot write: {e}")))?;
        count += 1;
        Ok(())
    };
    if is_lines {
        for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = line.map_err(|e| FileError::new(path, io_reason(&e)))?;
            if line.trim().is_empty() {
                continue;
            }
            let doc = serde_json::from_str(&line)
                .map_err(|e| FileError::new(path, format!("line {}: not JSON: {e}", i + 1)))?;
            emit(doc, format!("line {}: ", i + 1))?;
        }
    } else {
        let doc = serde_json::from_reader(std::io::BufReader::new(file))
            .map_err(|e| FileError::new(path, format!("not JSON: {e}")))?;
        emit(doc, String::new())?;
    }
    Ok(count)
}

/// Where the rows go: CSV and/or JSON Lines.
pub struct Sinks<'a> {
    pub csv: Option<&'a mut dyn Write>,
    pub jsonl: Option<&'a mut dyn Write>,
}

/// Write the rows of one document to the sinks.
pub fn write_rows(doc: &serde_json::Value, sinks: &mut Sinks<'_>) -> std::io::Result<usize> {
    let rows = shinchoku_writer::dataset_rows(doc);
    if let Some(csv) = sinks.csv.as_deref_mut() {
        shinchoku_writer::write_csv_rows(&rows, csv)?;
    }
    if let Some(jsonl) = sinks.jsonl.as_deref_mut() {
        shinchoku_writer::write_dataset_jsonl(&rows, jsonl)?;
    }
    Ok(rows.len())
}
