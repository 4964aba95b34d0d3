//! Tables in a damaged transcript: one cell a line, every character spaced out, words
//! dropped (what many PDF-to-web converters publish).
//!
//! ```text
//! 目 標            数 値 目 標       H27     H31     H28     実 績 値
//! 出 雲            特 性             魅 力   雇 用   創 出   雇 用 創 出
//! 1,000            累 計             515     (う H28 度 255 人)
//! 人 口            65.4              万 人   65.5    万 人   H29 3月 住 民 基 帳 人 口
//! ```
//! (each word above is a line of its own, blank lines between them.)
//!
//! Every line is one cell, read without its spaces. A **header** is a run of lines that
//! are header terms or periods: the name column's term (`数値目標`, `指標名`) and after it
//! the value columns, each a role word with the period printed before it (`H28 実績値`).
//! Periods left before a column's own, with no role word (`H27 H31`: the plan's span, its
//! `～` and `の目標` dropped), are a column of their own: the target set for that span, dated
//! by its last year. Terms before the name term head columns this layout does not read
//! (the goal's). Then **records**: the lines before a number are the row's other cells
//! (the goal, wrapped anywhere); the last of them is the KPI's name, with the line before
//! it when the last is a formula explaining it (`社会増` / `転入 - 転出`). Then one number a
//! value column, in order, each with a count word printed before it (`累計`) or a unit after
//! it (`万人`). A number with no column, a name in brackets or a value with its note
//! (`12人(H30)`), or a value column's term among the rows (text in reading order, the
//! header going on below its first rows) ends the table; so do
//! [`MAX_LINES_BETWEEN_RECORDS`] lines without a record.

use std::cell::OnceCell;

use shinchoku_extract::era::{parse_period, Period};

use crate::cell_text::{is_missing_mark, split_name, NormalizedText};
use crate::header::{classify, ColumnKind};
use crate::model::{KpiKind, Observation, Role};
use crate::value::{is_known_unit, read_cell};
use crate::view::{CellView, LineView};

use super::doc::{provenance, KpiDraft};
use super::role_words::bare_role_word;
use super::{At, Claim, Doc, Layout};

/// After this many lines without a record, the table has ended.
const MAX_LINES_BETWEEN_RECORDS: usize = 12;
/// A header is at most this many lines.
const MAX_HEADER_LINES: usize = 12;
/// Words printed before a count (`累計 515`).
const COUNT_WORDS: [&str; 4] = ["累計", "延べ", "約", "計"];

pub(crate) struct TranscriptRecords;

/// One value column: its role and its period.
struct Column {
    role: Role,
    period: Option<Period>,
}

/// The one cell of a line with exactly one filled cell.
fn single<'a>(line: &'a LineView<'a>) -> Option<&'a CellView<'a>> {
    let mut filled = line.filled();
    let first = filled.next()?;
    filled.next().is_none().then_some(first)
}

/// The non-blank lines from `from`: (line index, its one cell); stops at a line with
/// several cells.
fn items<'a>(
    lines: &'a [LineView<'a>],
    from: usize,
) -> impl Iterator<Item = (usize, &'a CellView<'a>)> {
    lines[from..]
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_blank())
        .map_while(move |(k, l)| single(l).map(|c| (from + k, c)))
}

fn period_of(squeezed: &str) -> Option<Period> {
    if !squeezed.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    let p = parse_period(squeezed).ok()?.period;
    // The whole cell is the date: `H28`, `R5年度`, not `H28 6月 調査結果`.
    squeezed
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "年度末月.()".contains(c))
        .then_some(p)
}

/// The name column's term: `数値目標` (a 数値目標 table's names) or a name term.
fn is_name_term(squeezed: &str) -> bool {
    squeezed == "数値目標" || classify(squeezed) == Some(ColumnKind::Name)
}

/// Read a header from line `at`: the value columns and the line after the header.
fn header(lines: &[LineView], at: usize) -> Option<(Vec<Column>, usize)> {
    let mut found_name = false;
    let mut columns = Vec::new();
    let mut pending: Vec<Period> = Vec::new();
    let mut end = at;
    for (count, (k, cell)) in items(lines, at).enumerate() {
        if count >= MAX_HEADER_LINES {
            return None;
        }
        let s = cell.squeezed();
        if let Some(p) = period_of(s) {
            pending.push(p);
        } else if !found_name && is_name_term(s) {
            found_name = true;
            pending.clear();
        } else if let Some(word) = bare_role_word(s) {
            if found_name {
                let own = pending.pop();
                // Periods with no role word before this column's own: the plan's span.
                if let Some(last) = pending.pop() {
                    columns.push(Column {
                        role: Role::Target,
                        period: Some(last),
                    });
                }
                pending.clear();
                columns.push(Column {
                    role: word.role,
                    period: own,
                });
            }
        } else if count == 0 || classify(s).is_none() {
            break;
        }
        end = k + 1;
    }
    (found_name && !columns.is_empty() && pending.is_empty()).then_some((columns, end))
}

/// Lines read as they are needed, kept for looking back.
struct Lookahead<'a, I: Iterator<Item = (usize, &'a CellView<'a>)>> {
    lines: I,
    seen: Vec<(usize, &'a CellView<'a>)>,
}

impl<'a, I: Iterator<Item = (usize, &'a CellView<'a>)>> Lookahead<'a, I> {
    fn get(&mut self, q: usize) -> Option<(usize, &'a CellView<'a>)> {
        while self.seen.len() <= q {
            self.seen.push(self.lines.next()?);
        }
        Some(self.seen[q])
    }
}

/// A number with at most a count word before it and a unit after it (`1,000`, `累計515`,
/// `1,571人`), from squeezed text.
fn is_number(s: &str) -> bool {
    let s = COUNT_WORDS
        .iter()
        .find_map(|w| s.strip_prefix(w))
        .unwrap_or(s)
        .trim_start_matches(['▲', '△', '-', '+']);
    let digits = s
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(s.len());
    let unit = &s[digits..];
    digits > 0
        && s.starts_with(|c: char| c.is_ascii_digit())
        && (unit.is_empty() || is_known_unit(unit))
}

/// A value cell: a number, or a mark for a missing value (`―`).
fn is_value(s: &str) -> bool {
    is_number(s) || is_missing_mark(s)
}

/// A line that may be a KPI's name: words, not a bracketed note or a mark, nor a value
/// with its note in brackets (`12人(H30)`: a value of a row whose cells are out of the
/// header's order, as text in reading order prints them).
fn is_name(s: &str) -> bool {
    let before_note = s.split(['(', '（']).next().unwrap_or(s);
    !s.starts_with(['(', '（', '[', '【', '<', '《'])
        && s.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
        && !is_number(before_note)
}

/// A name line that explains the one before it: a formula (`転入-転出`).
fn is_formula(s: &str) -> bool {
    s.split(['-', '－', '−', '+', '＋', '÷', '/'])
        .filter(|part| !part.is_empty())
        .count()
        >= 2
}

/// One record: its name's lines and its values: (count word, number and unit joined, the
/// same as printed).
struct Record<'a> {
    name: Vec<&'a CellView<'a>>,
    values: Vec<(String, String)>,
    line: usize,
}

impl Layout for TranscriptRecords {
    fn read<'a>(&self, doc: &mut Doc<'a>, at: &At<'a, '_>) -> Claim {
        if at.single().is_none() {
            return Claim::Declined;
        }
        let Some((columns, header_end)) = header(at.lines, at.index) else {
            return Claim::Declined;
        };
        // Read on demand: a header whose records fail reads a few lines, not the rest of
        // the document.
        let mut items = Lookahead {
            lines: items(at.lines, header_end),
            seen: Vec::new(),
        };
        let mut records: Vec<Record> = Vec::new();
        let mut pending: Vec<(usize, &CellView)> = Vec::new();
        let mut end = header_end;
        let mut p = 0;
        while pending.len() <= MAX_LINES_BETWEEN_RECORDS {
            let Some(item) = items.get(p) else {
                break;
            };
            if !is_value(item.1.squeezed()) {
                // A value column's term among the rows: the header goes on below them, as
                // in text in reading order (`目標値`, values, `実績値`, a name, a value);
                // which value is whose is lost.
                if bare_role_word(item.1.squeezed()).is_some() {
                    break;
                }
                pending.push(item);
                p += 1;
                continue;
            }
            let Some(&(line, last)) = pending.last() else {
                break;
            };
            if !is_name(last.squeezed()) {
                break;
            }
            let mut name = vec![last];
            let mut line = line;
            if is_formula(last.squeezed()) && pending.len() >= 2 {
                let (before_at, before) = pending[pending.len() - 2];
                name.insert(0, before);
                line = before_at;
            }
            // One number a column: a count word before it, a unit after it.
            let mut values = Vec::new();
            let mut q = p;
            for _ in &columns {
                // The value read (count word, number and unit, spaces removed) and the
                // lines as printed.
                let (mut text, mut printed) = (String::new(), Vec::new());
                let mut found = false;
                if let Some((_, c)) = items.get(q) {
                    if COUNT_WORDS.contains(&c.squeezed()) {
                        text.push_str(c.squeezed());
                        printed.push(c.text());
                        q += 1;
                    }
                }
                if let Some((_, c)) = items.get(q).filter(|(_, c)| is_value(c.squeezed())) {
                    text.push_str(c.squeezed());
                    printed.push(c.text());
                    found = true;
                    q += 1;
                }
                if let Some((_, u)) = items.get(q).filter(|(_, u)| is_known_unit(u.squeezed())) {
                    text.push_str(u.squeezed());
                    printed.push(u.text());
                    q += 1;
                }
                if !found {
                    break;
                }
                values.push((text, printed.join(" ")));
            }
            // Fewer numbers than columns, or more: not a row of this table.
            let more = items.get(q).is_some_and(|(_, c)| is_value(c.squeezed()));
            if values.len() < columns.len() || more {
                break;
            }
            records.push(Record { name, values, line });
            pending.clear();
            end = items.seen[q - 1].0 + 1;
            p = q;
        }
        if records.is_empty() {
            return Claim::Declined;
        }
        doc.sections.heading_since_row = false;
        for record in records {
            let texts: Vec<&str> = record.name.iter().map(|c| c.squeezed()).collect();
            let parts = split_name(&texts.join(" "));
            let mut observations = Vec::new();
            let mut years = Vec::new();
            for ((text, printed), column) in record.values.iter().zip(&columns) {
                let read = read_cell(&NormalizedText::new(text), None);
                let period = read.period.or_else(|| column.period.clone());
                years.push(period.as_ref().map(|p| p.year));
                observations.push(Observation {
                    role: column.role,
                    value: read.value,
                    period,
                    notes: read.notes,
                    raw: printed.clone(),
                });
            }
            if observations.iter().any(|o| o.role == Role::Current) {
                doc.out.kind.progress = true;
            } else {
                doc.out.kind.plan = true;
            }
            doc.out.kpis.push(KpiDraft {
                achievement_rate: None,
                section: doc.sections.current,
                kind: KpiKind::Kpi,
                name: parts.name,
                name_raw: record
                    .name
                    .iter()
                    .map(|c| c.text())
                    .collect::<Vec<_>>()
                    .join("\n"),
                observations,
                status: None,
                departments: parts.departments,
                notes: parts.notes,
                provenance: provenance(at.lines[record.line].line),
                years,
                name_bigrams: OnceCell::new(),
            });
        }
        Claim::Lines(end - at.index)
    }
}
