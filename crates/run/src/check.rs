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

/// Re-extract `pair.input` and compare, leaving out the fields named in `ignore` (see
/// [`remove_ignored`]); with `update`, rewrite the expected file (pretty JSON, so fixture
/// diffs stay readable in review) with the whole new document when it differs.
pub fn check(
    pair: &Pair,
    opts: &Options,
    update: bool,
    ignore: &[String],
) -> Result<Verdict, FileError> {
    let doc = pipeline::process_path(&pair.input, opts)?;
    let actual = serde_json::to_value(&doc)
        .map_err(|e| FileError::new(&pair.input, format!("cannot serialize: {e}")))?;
    let expected = if pair.expected.exists() || !update {
        Some(read_expected(&pair.expected)?)
    } else {
        None
    };
    let differences: Vec<String> = match &expected {
        Some(exp) => {
            let (mut exp_kept, mut actual_kept) = (exp.clone(), actual.clone());
            for path in ignore {
                let keys: Vec<&str> = path.split('.').collect();
                remove_ignored(&mut exp_kept, &keys);
                remove_ignored(&mut actual_kept, &keys);
            }
            shinchoku_writer::diff(&exp_kept, &actual_kept)
                .iter()
                .map(|d| with_kpi_id(d, &exp_kept, &actual_kept))
                .collect()
        }
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

/// Remove from `value`, at any depth, every member reached by the key path `keys`
/// (`["provenance"]` removes every `provenance`; `["source", "sha256"]` the `sha256` of
/// every `source`), passing through arrays: what `check --ignore` leaves out of the
/// comparison.
pub fn remove_ignored(value: &mut Value, keys: &[&str]) {
    match value {
        Value::Object(map) => {
            if let [key] = keys {
                map.shift_remove(*key);
            } else if let [first, rest @ ..] = keys {
                if let Some(inner) = map.get_mut(*first) {
                    remove_exact(inner, rest);
                }
            }
            for child in map.values_mut() {
                remove_ignored(child, keys);
            }
        }
        Value::Array(items) => {
            for item in items {
                remove_ignored(item, keys);
            }
        }
        _ => {}
    }
}

/// Remove the member at exactly `keys` below `value` (arrays passed through).
fn remove_exact(value: &mut Value, keys: &[&str]) {
    match value {
        Value::Object(map) => match keys {
            [key] => {
                map.shift_remove(*key);
            }
            [first, rest @ ..] => {
                if let Some(inner) = map.get_mut(*first) {
                    remove_exact(inner, rest);
                }
            }
            [] => {}
        },
        Value::Array(items) => {
            for item in items {
                remove_exact(item, keys);
            }
        }
        _ => {}
    }
}

/// A difference as one line, its KPI's id named after the KPI's index when it is inside
/// a KPI: `kpis[3] (A-1-1.1).observations[1].value.decimal: "166" → "167"`.
fn with_kpi_id(
    difference: &shinchoku_writer::Difference,
    expected: &Value,
    actual: &Value,
) -> String {
    use shinchoku_writer::PathSegment;
    let line = difference.to_string();
    let (
        Some(PathSegment::Key(first)),
        Some(PathSegment::Index {
            expected: e,
            actual: a,
        }),
    ) = (difference.path.first(), difference.path.get(1))
    else {
        return line;
    };
    if first != "kpis" {
        return line;
    }
    let id = e
        .and_then(|i| expected["kpis"][i]["id"].as_str())
        .or_else(|| a.and_then(|i| actual["kpis"][i]["id"].as_str()));
    match (id, line.find(']')) {
        (Some(id), Some(end)) => format!("{} ({id}){}", &line[..=end], &line[end + 1..]),
        _ => line,
    }
}
