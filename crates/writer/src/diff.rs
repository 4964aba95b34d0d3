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

/// Arrays needing more insertions and deletions than this to align are paired by
/// position instead (alignment costs grow with the number of edits).
const MAX_EDITS: usize = 2000;

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
    let mut paths = PathArena::default();
    // Tasks run in stack order; children are pushed in reverse so output is in path order.
    let mut tasks = vec![Task::Compare {
        at: None,
        expected,
        actual,
    }];
    while let Some(task) = tasks.pop() {
        let (at, expected, actual) = match task {
            Task::Report { at, change } => {
                differences.push(Difference {
                    path: paths.path(at),
                    change,
                });
                continue;
            }
            Task::Compare {
                at,
                expected,
                actual,
            } => (at, expected, actual),
        };
        let children = match (expected, actual) {
            (Value::Object(e), Value::Object(a)) => compare_objects(&mut paths, at, e, a),
            (Value::Array(e), Value::Array(a)) => compare_arrays(&mut paths, at, e, a),
            _ if scalars_equal(expected, actual) => Vec::new(),
            _ => vec![Task::Report {
                at,
                change: Change::Changed {
                    expected: expected.clone(),
                    actual: actual.clone(),
                },
            }],
        };
        tasks.extend(children.into_iter().rev());
    }
    differences
}

/// Paths as a tree of (parent, segment) nodes, so descending one level costs one node
/// rather than a copy of the whole path; a path is spelled out only when reported.
#[derive(Default)]
struct PathArena {
    nodes: Vec<(Option<usize>, PathSegment)>,
}

impl PathArena {
    fn child(&mut self, parent: Option<usize>, segment: PathSegment) -> Option<usize> {
        self.nodes.push((parent, segment));
        Some(self.nodes.len() - 1)
    }

    fn path(&self, mut at: Option<usize>) -> Vec<PathSegment> {
        let mut path = Vec::new();
        while let Some(node) = at {
            let (parent, segment) = &self.nodes[node];
            path.push(segment.clone());
            at = *parent;
        }
        path.reverse();
        path
    }
}

enum Task<'a> {
    Compare {
        at: Option<usize>,
        expected: &'a Value,
        actual: &'a Value,
    },
    Report {
        at: Option<usize>,
        change: Change,
    },
}

/// The tasks for an object pair, in canonical key order.
fn compare_objects<'a>(
    paths: &mut PathArena,
    at: Option<usize>,
    expected: &'a Map<String, Value>,
    actual: &'a Map<String, Value>,
) -> Vec<Task<'a>> {
    let mut keys: Vec<&String> = expected.keys().chain(actual.keys()).collect();
    keys.sort_unstable_by(|a, b| cmp_utf16(a, b));
    keys.dedup();
    let mut tasks = Vec::new();
    for key in keys {
        let (e, a) = (expected.get(key), actual.get(key));
        if let (Some(e), Some(a)) = (e, a) {
            if scalars_equal(e, a) {
                continue;
            }
        }
        let at = paths.child(at, PathSegment::Key(key.clone()));
        tasks.push(match (e, a) {
            (Some(e), Some(a)) => Task::Compare {
                at,
                expected: e,
                actual: a,
            },
            (Some(e), None) => Task::Report {
                at,
                change: Change::Removed(e.clone()),
            },
            (None, Some(a)) => Task::Report {
                at,
                change: Change::Added(a.clone()),
            },
            (None, None) => unreachable!("every key comes from one of the two maps"),
        });
    }
    tasks
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
    paths: &mut PathArena,
    at: Option<usize>,
    expected: &'a [Value],
    actual: &'a [Value],
) -> Vec<Task<'a>> {
    let mut tasks = Vec::new();
    for step in align(expected, actual) {
        let (e, a) = match step {
            Step::Same => continue,
            Step::Paired(e, a) => (Some(e), Some(a)),
            Step::Removed(e) => (Some(e), None),
            Step::Added(a) => (None, Some(a)),
        };
        let child = paths.child(
            at,
            PathSegment::Index {
                expected: e,
                actual: a,
            },
        );
        tasks.push(match (e, a) {
            (Some(e), Some(a)) => Task::Compare {
                at: child,
                expected: &expected[e],
                actual: &actual[a],
            },
            (Some(e), None) => Task::Report {
                at: child,
                change: Change::Removed(expected[e].clone()),
            },
            (None, Some(a)) => Task::Report {
                at: child,
                change: Change::Added(actual[a].clone()),
            },
            (None, None) => unreachable!("every step names at least one element"),
        });
    }
    tasks
}

/// Align two arrays. Equal lengths pair by position (an edit in place is the common
/// case); otherwise a shortest edit script over canonically equal elements anchors the
/// alignment, and each gap between anchors pairs its removed and added elements by
/// position, the surplus being removed or added. Beyond [`MAX_EDITS`] edits the
/// arrays are paired by position.
fn align(expected: &[Value], actual: &[Value]) -> Vec<Step> {
    if expected.len() == actual.len() {
        return (0..expected.len()).map(|i| Step::Paired(i, i)).collect();
    }
    let e_keys: Vec<Identity> = expected.iter().map(Identity::of).collect();
    let a_keys: Vec<Identity> = actual.iter().map(Identity::of).collect();
    let matches = shortest_edit_matches(&e_keys, &a_keys, MAX_EDITS).unwrap_or_default();

    let mut steps = Vec::with_capacity(expected.len().max(actual.len()));
    let (mut e_at, mut a_at) = (0, 0);
    // Walk the gaps before each matched pair, then the final gap.
    let ends = matches
        .iter()
        .map(|&(e, a)| (e, a, true))
        .chain(std::iter::once((expected.len(), actual.len(), false)));
    for (e_end, a_end, matched) in ends {
        let removed = e_end - e_at;
        let added = a_end - a_at;
        let paired = removed.min(added);
        for k in 0..paired {
            steps.push(Step::Paired(e_at + k, a_at + k));
        }
        for k in paired..removed {
            steps.push(Step::Removed(e_at + k));
        }
        for k in paired..added {
            steps.push(Step::Added(a_at + k));
        }
        if matched {
            steps.push(Step::Same);
        }
        e_at = e_end + 1;
        a_at = a_end + 1;
    }
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

/// The matched index pairs of a shortest edit script (Myers' greedy algorithm), in
/// order, or `None` when more than `max_edits` insertions and deletions are needed.
/// Time O((n + m) · d) and memory O(d²) for d edits.
fn shortest_edit_matches<T: PartialEq>(
    expected: &[T],
    actual: &[T],
    max_edits: usize,
) -> Option<Vec<(usize, usize)>> {
    let (n, m) = (expected.len() as isize, actual.len() as isize);
    let limit = (expected.len() + actual.len()).min(max_edits) as isize;
    let offset = limit + 1;
    // furthest[k + offset]: the furthest x reached on diagonal k = x - y.
    let mut furthest = vec![0isize; (2 * offset + 1) as usize];
    // trace[d][k + d]: `furthest` for k in -d..=d after d edits, for walking back.
    let mut trace: Vec<Vec<isize>> = Vec::new();
    for d in 0..=limit {
        let mut done = false;
        for k in (-d..=d).step_by(2) {
            let from_above = k == -d
                || (k != d
                    && furthest[(k - 1 + offset) as usize] < furthest[(k + 1 + offset) as usize]);
            let mut x = if from_above {
                furthest[(k + 1 + offset) as usize]
            } else {
                furthest[(k - 1 + offset) as usize] + 1
            };
            let mut y = x - k;
            while x < n && y < m && expected[x as usize] == actual[y as usize] {
                x += 1;
                y += 1;
            }
            furthest[(k + offset) as usize] = x;
            done |= x >= n && y >= m;
        }
        trace.push((-d..=d).map(|k| furthest[(k + offset) as usize]).collect());
        if done {
            return Some(walk_back(&trace, n, m));
        }
    }
    None
}

/// Recover the diagonal moves (matches) from the trace of [`shortest_edit_matches`].
fn walk_back(trace: &[Vec<isize>], n: isize, m: isize) -> Vec<(usize, usize)> {
    let mut matches = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (1..trace.len() as isize).rev() {
        let before = &trace[(d - 1) as usize];
        let at = |k: isize| before[(k + d - 1) as usize];
        let k = x - y;
        let previous_k = if k == -d || (k != d && at(k - 1) < at(k + 1)) {
            k + 1
        } else {
            k - 1
        };
        let previous_x = at(previous_k);
        let previous_y = previous_x - previous_k;
        while x > previous_x && y > previous_y {
            x -= 1;
            y -= 1;
            matches.push((x as usize, y as usize));
        }
        x = previous_x;
        y = previous_y;
    }
    while x > 0 && y > 0 {
        x -= 1;
        y -= 1;
        matches.push((x as usize, y as usize));
    }
    matches.reverse();
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
        (Value::Number(e), Value::Number(a)) => numbers_equal(e, a),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Length of a longest common subsequence, by the textbook table.
    fn lcs_length(a: &[u8], b: &[u8]) -> usize {
        let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                table[i][j] = if a[i] == b[j] {
                    table[i + 1][j + 1] + 1
                } else {
                    table[i + 1][j].max(table[i][j + 1])
                };
            }
        }
        table[0][0]
    }

    #[test]
    fn shortest_edit_matches_are_a_longest_common_subsequence() {
        // A small deterministic generator: no dependency, same cases every run.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |bound: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % bound
        };
        for _ in 0..500 {
            let a: Vec<u8> = (0..next(12)).map(|_| next(4) as u8).collect();
            let b: Vec<u8> = (0..next(12)).map(|_| next(4) as u8).collect();
            let matches = shortest_edit_matches(&a, &b, usize::MAX).unwrap();
            assert_eq!(matches.len(), lcs_length(&a, &b), "{a:?} vs {b:?}");
            for window in matches.windows(2) {
                assert!(window[0].0 < window[1].0 && window[0].1 < window[1].1);
            }
            for &(i, j) in &matches {
                assert_eq!(a[i], b[j]);
            }
        }
    }

    #[test]
    fn too_many_edits_give_up() {
        let a = [1, 2, 3, 4];
        let b = [5, 6, 7, 8, 9];
        assert_eq!(shortest_edit_matches(&a, &b, 8), None);
        assert_eq!(shortest_edit_matches(&a, &b, 9), Some(Vec::new()));
    }
}
