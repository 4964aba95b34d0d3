//! Semantic JSON diff: what `shinchoku check` reports between an expected fixture and
//! a fresh output.
//!
//! "Semantic": object key order is irrelevant and numbers compare by value (`1` equals
//! `1.0`). Array elements are aligned by a longest common subsequence of their
//! canonical forms when the lengths differ, so one inserted KPI reads as one `added`
//! line, not as every later KPI changed. The walk uses an explicit stack (no recursion)
//! and reports differences in path order: object keys in canonical order, array
//! elements in index order.

use std::collections::hash_map::DefaultHasher;
use std::fmt;
use std::hash::{Hash, Hasher};

use serde_json::{Map, Number, Value};

use crate::canonical::{cmp_utf16, write_canonical};

/// How much of a value a message shows, in characters.
const SHOWN_CHARS: usize = 80;

/// Arrays whose unmatched middles span more cells than this are paired by position
/// instead of aligned (the alignment table is quadratic).
const MAX_ALIGNMENT_CELLS: usize = 1 << 20;

/// One difference between the expected and the actual document.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// Where, from the root.
    pub path: Vec<PathSegment>,
    pub change: Change,
}

/// A step into an object or an array.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    Key(String),
    /// An array element: its index in the expected and in the actual array (an added
    /// element has no expected index, a removed one no actual index).
    Index {
        expected: Option<usize>,
        actual: Option<usize>,
    },
}

/// What differs at a path.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Present on both sides with different values (or types).
    Changed { expected: Value, actual: Value },
    /// Only in the actual document.
    Added(Value),
    /// Only in the expected document.
    Removed(Value),
}

impl fmt::Display for Difference {
    /// `kpis[3].observations[1].value.decimal: "166" → "167"`, `kpis[59]: added {…}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_path(&self.path, f)?;
        match &self.change {
            Change::Changed { expected, actual } => {
                write!(f, ": {} → {}", shown(expected), shown(actual))
            }
            Change::Added(value) => write!(f, ": added {}", shown(value)),
            Change::Removed(value) => write!(f, ": removed {}", shown(value)),
        }
    }
}

fn write_path(path: &[PathSegment], f: &mut fmt::Formatter<'_>) -> fmt::Result {
    if path.is_empty() {
        return f.write_str("$");
    }
    for (position, segment) in path.iter().enumerate() {
        match segment {
            PathSegment::Key(key) if is_plain_key(key) => {
                if position > 0 {
                    f.write_str(".")?;
                }
                f.write_str(key)?;
            }
            PathSegment::Key(key) => write!(f, "[{}]", shown(&Value::String(key.clone())))?,
            PathSegment::Index { expected, actual } => match (expected, actual) {
                (Some(e), Some(a)) if e != a => write!(f, "[{e}→{a}]")?,
                (Some(i), _) | (None, Some(i)) => write!(f, "[{i}]")?,
                (None, None) => f.write_str("[]")?,
            },
        }
    }
    Ok(())
}

fn is_plain_key(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// A value as canonical JSON, cut to about [`SHOWN_CHARS`] characters.
fn shown(value: &Value) -> String {
    let text = String::from_utf8(canonical(value)).unwrap_or_default();
    if text.chars().count() <= SHOWN_CHARS {
        return text;
    }
    let mut cut: String = text.chars().take(SHOWN_CHARS - 1).collect();
    cut.push('…');
    cut
}

fn canonical(value: &Value) -> Vec<u8> {
    let mut bytes = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write_canonical(value, &mut bytes);
    bytes
}

/// Every difference between `expected` and `actual`, in path order. Empty when the two
/// are the same JSON value up to key order and number spelling.
pub fn diff(expected: &Value, actual: &Value) -> Vec<Difference> {
    let mut differences = Vec::new();
    // Tasks run in stack order; children are pushed in reverse so output is in path order.
    let mut tasks = vec![Task::Compare {
        path: Vec::new(),
        expected,
        actual,
    }];
    while let Some(task) = tasks.pop() {
        let (path, expected, actual) = match task {
            Task::Report(difference) => {
                differences.push(difference);
                continue;
            }
            Task::Compare {
                path,
                expected,
                actual,
            } => (path, expected, actual),
        };
        let children = match (expected, actual) {
            (Value::Object(e), Value::Object(a)) => compare_objects(&path, e, a),
            (Value::Array(e), Value::Array(a)) => compare_arrays(&path, e, a),
            (Value::Number(e), Value::Number(a)) if numbers_equal(e, a) => Vec::new(),
            _ if scalars_equal(expected, actual) => Vec::new(),
            _ => vec![Task::Report(Difference {
                path,
                change: Change::Changed {
                    expected: expected.clone(),
                    actual: actual.clone(),
                },
            })],
        };
        tasks.extend(children.into_iter().rev());
    }
    differences
}

enum Task<'a> {
    Compare {
        path: Vec<PathSegment>,
        expected: &'a Value,
        actual: &'a Value,
    },
    Report(Difference),
}

fn child(path: &[PathSegment], segment: PathSegment) -> Vec<PathSegment> {
    let mut longer = Vec::with_capacity(path.len() + 1);
    longer.extend_from_slice(path);
    longer.push(segment);
    longer
}

/// The tasks for an object pair, in canonical key order.
fn compare_objects<'a>(
    path: &[PathSegment],
    expected: &'a Map<String, Value>,
    actual: &'a Map<String, Value>,
) -> Vec<Task<'a>> {
    let mut keys: Vec<&String> = expected.keys().chain(actual.keys()).collect();
    keys.sort_unstable_by(|a, b| cmp_utf16(a, b));
    keys.dedup();
    keys.into_iter()
        .map(|key| {
            let path = child(path, PathSegment::Key(key.clone()));
            match (expected.get(key), actual.get(key)) {
                (Some(e), Some(a)) => Task::Compare {
                    path,
                    expected: e,
                    actual: a,
                },
                (Some(e), None) => Task::Report(Difference {
                    path,
                    change: Change::Removed(e.clone()),
                }),
                (None, Some(a)) => Task::Report(Difference {
                    path,
                    change: Change::Added(a.clone()),
                }),
                (None, None) => unreachable!("every key comes from one of the two maps"),
            }
        })
        .collect()
}

/// How an expected element relates to an actual one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Identical (canonically): nothing to report.
    Same,
    /// Compare these two elements field by field.
    Paired(usize, usize),
    Removed(usize),
    Added(usize),
}

fn compare_arrays<'a>(
    path: &[PathSegment],
    expected: &'a [Value],
    actual: &'a [Value],
) -> Vec<Task<'a>> {
    align(expected, actual)
        .into_iter()
        .filter_map(|step| match step {
            Step::Same => None,
            Step::Paired(e, a) => Some(Task::Compare {
                path: child(path, index(Some(e), Some(a))),
                expected: &expected[e],
                actual: &actual[a],
            }),
            Step::Removed(e) => Some(Task::Report(Difference {
                path: child(path, index(Some(e), None)),
                change: Change::Removed(expected[e].clone()),
            })),
            Step::Added(a) => Some(Task::Report(Difference {
                path: child(path, index(None, Some(a))),
                change: Change::Added(actual[a].clone()),
            })),
        })
        .collect()
}

fn index(expected: Option<usize>, actual: Option<usize>) -> PathSegment {
    PathSegment::Index { expected, actual }
}

/// Align two arrays. Equal lengths pair by position (an edit in place is the common
/// case); otherwise the longest common subsequence of canonically equal elements
/// anchors the alignment, and each gap between anchors pairs its removed and added
/// elements by position, the surplus being removed or added.
fn align(expected: &[Value], actual: &[Value]) -> Vec<Step> {
    if expected.len() == actual.len() {
        return (0..expected.len()).map(|i| Step::Paired(i, i)).collect();
    }
    let e_keys: Vec<Identity> = expected.iter().map(Identity::of).collect();
    let a_keys: Vec<Identity> = actual.iter().map(Identity::of).collect();
    let prefix = e_keys
        .iter()
        .zip(&a_keys)
        .take_while(|(e, a)| e == a)
        .count();
    let suffix = e_keys[prefix..]
        .iter()
        .rev()
        .zip(a_keys[prefix..].iter().rev())
        .take_while(|(e, a)| e == a)
        .count();
    let e_mid = &e_keys[prefix..e_keys.len() - suffix];
    let a_mid = &a_keys[prefix..a_keys.len() - suffix];

    let mut steps = vec![Step::Same; prefix];
    let matches = if e_mid.len().saturating_mul(a_mid.len()) <= MAX_ALIGNMENT_CELLS {
        lcs_matches(e_mid, a_mid)
    } else {
        Vec::new()
    };
    // Walk the gaps between matched pairs (plus a final sentinel gap).
    let (mut e_at, mut a_at) = (0, 0);
    let ends = matches
        .iter()
        .map(|&(e, a)| (e, a, true))
        .chain(std::iter::once((e_mid.len(), a_mid.len(), false)));
    for (e_end, a_end, matched) in ends {
        let removed = e_end - e_at;
        let added = a_end - a_at;
        let paired = removed.min(added);
        for k in 0..paired {
            steps.push(Step::Paired(prefix + e_at + k, prefix + a_at + k));
        }
        for k in paired..removed {
            steps.push(Step::Removed(prefix + e_at + k));
        }
        for k in paired..added {
            steps.push(Step::Added(prefix + a_at + k));
        }
        if matched {
            steps.push(Step::Same);
        }
        e_at = e_end + 1;
        a_at = a_end + 1;
    }
    steps.extend(std::iter::repeat_n(Step::Same, suffix));
    steps
}

/// An element's canonical form with a hash for quick inequality.
#[derive(PartialEq, Eq)]
struct Identity {
    hash: u64,
    canonical: Vec<u8>,
}

impl Identity {
    fn of(value: &Value) -> Identity {
        let canonical = canonical(value);
        let mut hasher = DefaultHasher::new();
        canonical.hash(&mut hasher);
        Identity {
            hash: hasher.finish(),
            canonical,
        }
    }
}

/// Index pairs of a longest common subsequence, in order (dynamic programming over
/// suffixes, so the walk forward picks the earliest matches).
fn lcs_matches(expected: &[Identity], actual: &[Identity]) -> Vec<(usize, usize)> {
    let (n, m) = (expected.len(), actual.len());
    let width = m + 1;
    let mut table = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i * width + j] = if expected[i] == actual[j] {
                table[(i + 1) * width + j + 1] + 1
            } else {
                table[(i + 1) * width + j].max(table[i * width + j + 1])
            };
        }
    }
    let mut matches = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if expected[i] == actual[j] {
            matches.push((i, j));
            i += 1;
            j += 1;
        } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    matches
}

/// Numbers by value: exactly when both are integers, as doubles otherwise.
fn numbers_equal(expected: &Number, actual: &Number) -> bool {
    if let (Some(e), Some(a)) = (expected.as_i64(), actual.as_i64()) {
        return e == a;
    }
    if let (Some(e), Some(a)) = (expected.as_u64(), actual.as_u64()) {
        return e == a;
    }
    if expected.is_f64() || actual.is_f64() {
        return expected.as_f64() == actual.as_f64();
    }
    // A negative integer against one beyond i64::MAX.
    false
}

fn scalars_equal(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(e), Value::Bool(a)) => e == a,
        (Value::String(e), Value::String(a)) => e == a,
        _ => false,
    }
}
