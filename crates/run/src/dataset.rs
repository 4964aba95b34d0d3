//! `shinchoku dataset`: documents (JSON files, directories of them, or JSON Lines from
//! `batch --jsonl`) into one cross-city table, one row per KPI observation, as CSV,
//! JSON Lines and/or Parquet.
//!
//! Documents are read and written one at a time, in sorted path order, so the table is
//! the same on every run and memory does not grow with the number of documents.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use shinchoku_writer::ParquetWriter;

use crate::escape::escape_path;
use crate::output::OutputFile;
use crate::pipeline::{io_reason, FileError};

/// One file to read, and the `source_path` its documents get.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetInput {
    pub path: PathBuf,
    /// For a `.json` file found in a directory: its path below that directory without
    /// `.json` (for a `batch` out dir, the input's path inside its root:
    /// `c1/report.txt`). `None` (the document's `source.file`) otherwise.
    pub source_path: Option<String>,
}

/// The JSON files under the given paths: files as given, directories recursively
/// (`*.json` and `*.jsonl`, sorted; `*.expected.json` left out).
pub fn collect_inputs(paths: &[PathBuf]) -> Vec<DatasetInput> {
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
            out.extend(found.into_iter().map(|path| {
                let source_path = path
                    .strip_prefix(p)
                    .ok()
                    .and_then(|rel| rel.to_str())
                    .and_then(|rel| rel.strip_suffix(".json"))
                    .map(str::to_string);
                DatasetInput { path, source_path }
            }));
        } else {
            out.push(DatasetInput {
                path: p.clone(),
                source_path: None,
            });
        }
    }
    out
}

/// What one input file held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileContent {
    /// This many documents.
    Documents(usize),
    /// A `batch --summary-json` file (it may sit in the out dir): not a document, skipped.
    BatchSummary,
}

/// True for the JSON of a `batch --summary-json` file.
fn is_batch_summary(value: &serde_json::Value) -> bool {
    value.get("schema_version").is_none()
        && ["files", "ok", "failed", "failures"]
            .iter()
            .all(|key| value.get(key).is_some())
}

/// Call `each` with every document in `path` (one for `.json`, one per line for `.jsonl`).
pub fn for_each_document(
    path: &Path,
    mut each: impl FnMut(&serde_json::Value) -> std::io::Result<()>,
) -> Result<FileContent, FileError> {
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
        // Read whole, then parsed: serde_json parses a slice several times faster than a
        // reader, which it must consume byte by byte.
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut &file, &mut bytes)
            .map_err(|e| FileError::new(path, io_reason(&e)))?;
        let doc: serde_json::Value = serde_json::from_slice(&bytes)
            .map_err(|e| FileError::new(path, format!("not JSON: {e}")))?;
        if is_batch_summary(&doc) {
            return Ok(FileContent::BatchSummary);
        }
        emit(doc, String::new())?;
    }
    Ok(FileContent::Documents(count))
}

/// Everything `dataset` needs, from the command line.
#[derive(Debug, Clone, Default)]
pub struct DatasetConfig {
    pub inputs: Vec<PathBuf>,
    /// `-` for stdout.
    pub csv: Option<PathBuf>,
    /// A byte order mark and Excel-safe codes in the CSV.
    pub excel: bool,
    /// `-` for stdout.
    pub jsonl: Option<PathBuf>,
    pub parquet: Option<PathBuf>,
}

/// What a `dataset` run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DatasetSummary {
    pub documents: usize,
    pub rows: usize,
    /// Files that could not be read, as one-line messages (`FILE: reason`).
    pub failures: Vec<String>,
    /// `--summary-json` files found among the inputs and left out.
    pub batch_summaries: Vec<PathBuf>,
}

/// Where one format goes: a file written atomically, or stdout.
struct Destination {
    file: Option<(OutputFile, PathBuf)>,
    writer: std::io::BufWriter<Box<dyn Write + Send>>,
}

impl Destination {
    fn open(path: &Path) -> Result<Destination, String> {
        if path.as_os_str() == "-" {
            return Ok(Destination {
                file: None,
                writer: std::io::BufWriter::new(Box::new(std::io::stdout())),
            });
        }
        let mut out =
            OutputFile::create(path).map_err(|e| format!("{}: {e}", escape_path(path)))?;
        let handle = out
            .file_mut()
            .try_clone()
            .map_err(|e| format!("{}: {e}", escape_path(path)))?;
        Ok(Destination {
            file: Some((out, path.to_path_buf())),
            writer: std::io::BufWriter::with_capacity(1 << 16, Box::new(handle)),
        })
    }

    /// Flush, then make a file output visible (rename over the target).
    fn commit(mut self) -> Result<(), String> {
        let name = self
            .file
            .as_ref()
            .map_or_else(|| "stdout".to_string(), |(_, p)| escape_path(p));
        self.writer
            .flush()
            .map_err(|e| format!("{name}: cannot write: {e}"))?;
        if let Some((out, _)) = self.file.take() {
            out.commit()
                .map_err(|e| format!("{name}: cannot write: {e}"))?;
        }
        Ok(())
    }
}

/// Run `dataset`: read every input, write the rows to each format asked for. An input
/// that cannot be read is a failure in the summary (the others are still written); an
/// output that cannot be written is an error.
pub fn run(cfg: &DatasetConfig) -> Result<DatasetSummary, String> {
    let named: Vec<&PathBuf> = [&cfg.csv, &cfg.jsonl].into_iter().flatten().collect();
    if named.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err("only one of --csv and --jsonl can be stdout (-)".into());
    }
    let mut csv = cfg.csv.as_deref().map(Destination::open).transpose()?;
    let mut jsonl = cfg.jsonl.as_deref().map(Destination::open).transpose()?;
    let mut parquet = match &cfg.parquet {
        Some(path) => {
            let destination = Destination::open(path)?;
            let (file, writer) = (destination.file, destination.writer);
            let writer =
                ParquetWriter::new(writer).map_err(|e| format!("{}: {e}", escape_path(path)))?;
            Some((file, writer, path.clone()))
        }
        None => None,
    };
    if let Some(csv) = csv.as_mut() {
        shinchoku_writer::write_csv_header(&mut csv.writer, cfg.excel)
            .map_err(|e| format!("cannot write CSV: {e}"))?;
    }
    let mut summary = DatasetSummary::default();
    for input in collect_inputs(&cfg.inputs) {
        let read = for_each_document(&input.path, |doc| {
            let rows = shinchoku_writer::dataset_rows(doc, input.source_path.as_deref());
            if let Some(csv) = csv.as_mut() {
                shinchoku_writer::write_csv_rows(&rows, &mut csv.writer, cfg.excel)?;
            }
            if let Some(jsonl) = jsonl.as_mut() {
                shinchoku_writer::write_dataset_jsonl(&rows, &mut jsonl.writer)?;
            }
            if let Some((_, writer, _)) = parquet.as_mut() {
                writer.write_rows(&rows)?;
            }
            summary.rows += rows.len();
            Ok(())
        });
        match read {
            Ok(FileContent::Documents(n)) => summary.documents += n,
            Ok(FileContent::BatchSummary) => summary.batch_summaries.push(input.path),
            Err(e) => summary.failures.push(e.to_string()),
        }
    }
    for destination in [csv, jsonl].into_iter().flatten() {
        destination.commit()?;
    }
    if let Some((file, writer, path)) = parquet {
        let writer = writer
            .finish()
            .map_err(|e| format!("{}: cannot write: {e}", escape_path(&path)))?;
        Destination { file, writer }.commit()?;
    }
    Ok(summary)
}
