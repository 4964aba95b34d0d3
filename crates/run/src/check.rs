//! `shinchoku check`: re-extract inputs and compare them with expected documents.
//!
//! Comparison is semantic (key order and number spelling don't matter) and each difference
//! is one line with its path: `kpis[3].observations[1].value.decimal: "166" → "167"`.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::output::write_atomic;
use crate::pipeline::{self, FileError, Options};

/// One input and the document it is expected to produce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub input: PathBuf,
    pub expected: PathBuf,
}

/// What checking one pair found.
#[derive(Debug)]
pub enum Verdict {
    Equal,
    Different(Vec<String>),
    Updated,
}

/// Every `*.expected.json` in `dir` (sorted) with its input: the file named by the
/// expected document's `source.file`, else `<stem>.pdf` or `<stem>.txt` beside it.
pub fn find_pairs(dir: &Path) -> Result<Vec<Pair>, FileError> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| FileError::new(dir, pipeline::io_reason(&e)))?;
    let mut expected: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    expected.sort();
    let mut pairs = Vec::new();
    for exp in expected {
        let stem = exp
            .file_name()
            .map(|n| {
                n.to_string_lossy()
                    .trim_end_matches(".expected.json")
                    .to_string()
            })
            .unwrap_or_default();
        let recorded = match read_expected(&exp)
            .ok()
            .and_then(|v| v["source"]["file"].as_str().map(str::to_string))
        {
            Some(name) if !is_plain_name(&name) => {
                return Err(FileError::new(
                    &exp,
                    format!(
                        "source.file {:?} is not a file name inside {}; check reads only \
                         files beside the expected ones",
                        name,
                        crate::escape::escape_path(dir)
                    ),
                ))
            }
            Some(name) => Some(dir.join(name)),
            None => None,
        };
        let input = recorded
            .filter(|p| is_regular_file(p))
            .or_else(|| {
                ["pdf", "txt"]
                    .iter()
                    .map(|ext| dir.join(format!("{stem}.{ext}")))
                    .find(|p| is_regular_file(p))
            })
            .ok_or_else(|| {
                FileError::new(
                    &exp,
                    "no input beside it (looked for source.file, .pdf, .txt)",
                )
            })?;
        pairs.push(Pair {
            input,
            expected: exp,
        });
    }
    Ok(pairs)
}

/// True for a name that stays in its directory: one ordinary component (no `/`, no `..`,
/// not absolute).
fn is_plain_name(name: &str) -> bool {
    let mut parts = Path::new(name).components();
    matches!(
        (parts.next(), parts.next()),
        (Some(std::path::Component::Normal(_)), None)
    )
}

/// A regular file itself, not a symbolic link to one (which could point out of the
/// directory being checked).
fn is_regular_file(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
}

fn read_expected(path: &Path) -> Result<Value, FileError> {
    let bytes = std::fs::read(path).map_err(|e| FileError::new(path, pipeline::io_reason(&e)))?;
    serde_json::from_slice(&bytes).map_err(|e| FileError::new(path, format!("not JSON: {e}")))
}

/// Re-extract `pair.input` and compare; with `update`, rewrite the expected file (pretty
/// JSON, so fixture diffs stay readable in review) when it differs.
pub fn check(pair: &Pair, opts: &Options, update: bool) -> Result<Verdict, FileError> {
    let doc = pipeline::process_path(&pair.input, opts)?;
    let actual = serde_json::to_value(&doc)
        .map_err(|e| FileError::new(&pair.input, format!("cannot serialize: {e}")))?;
    let expected = if pair.expected.exists() || !update {
        Some(read_expected(&pair.expected)?)
    } else {
        None
    };
    let differences: Vec<String> = match &expected {
        Some(exp) => shinchoku_writer::diff(exp, &actual)
            .iter()
            .map(ToString::to_string)
            .collect(),
        None => vec!["(no expected file yet)".to_string()],
    };
    if differences.is_empty() {
        return Ok(Verdict::Equal);
    }
    if update {
        let mut json = shinchoku_writer::to_pretty_json(&actual)
            .map_err(|e| FileError::new(&pair.input, format!("cannot serialize: {e}")))?;
        if json.last() != Some(&b'\n') {
            json.push(b'\n');
        }
        write_atomic(&pair.expected, &json)
            .map_err(|e| FileError::new(&pair.expected, format!("cannot write: {e}")))?;
        return Ok(Verdict::Updated);
    }
    Ok(Verdict::Different(differences))
}
