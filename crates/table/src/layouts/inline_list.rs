//! Inline lists: one KPI a line, its starting value and its goal joined by an arrow, as
//! strategies print them under their headings.
//!
//! ```text
//! ①婚姻率：5.5‰（平成25年）→5.9‰（平成31年）
//! いちご生産額:2億396万円 → 4億3,000万円
//! 市内総生産 | (H25)4,356億円 → (H31)4,380億円
//! 合計特殊出生率 H26年1.54→H31年1.68
//! 観光入込客数　【現状値】48万人（H26）　【目標値】55万人（H31）
//! ```
//!
//! The value left of the arrow (`→ ⇒ ➡ ->`) is the `baseline`, the one right of it the
//! `target`; a `―` on the left is a missing baseline. A printed role label (`【現状値】`,
//! `【実績値】`) names the left value's role instead: `現状値` beside a goal and nothing
//! else is the plan's starting point, so it is the `baseline` (the contract's rule for a
//! document that reports no progress); `実績値` is `current`. Each side may carry its own
//! period, before the number (`(H25)4,356億円`, `H26年1.54`) or after it (`5.5‰（平成25年）`).
//!
//! A line is read only when both sides are a number or a missing mark and a name stands
//! before them (on the line, in the cell before, or alone on the line before): prose with
//! an arrow (`参加者は30人→45人に増えた`) is left alone. One side may instead be a misprinted
//! figure, digits in a broken grouping with scale words and a unit (`4億3,0000万円`: 4億3,000
//! or 7億?): it is kept as printed, a `text` value, so the other side and the KPI are not
//! lost with it. Cells after the pair on the same
//! line (a table's other columns, when no header was recognized) are kept as notes, with a
//! warning.

use std::cell::OnceCell;

use shinchoku_extract::era::{find_periods, parse_period, Period};
use shinchoku_extract::WarningCode;

use crate::cell_text::{after_headline_mark, is_missing_mark, split_name, NormalizedText};
use crate::model::{KpiKind, Observation, Role, Value};
use crate::more_chars_than;
use crate::value::{is_known_unit, read_cell, unit_in_name, CellValue};

use super::doc::{provenance, KpiDraft, Phase};
use super::role_words::{bare_role_word, RoleWord};
use super::{At, Claim, Doc, Layout};

/// The arrows that join a starting value to its goal.
const ARROWS: [&str; 6] = ["->", "→", "⇒", "➡", "⇨", "➔"];

/// Longer texts are prose, not a KPI line (and reading them token by token would cost
/// more than a line is worth).
const MAX_PAIR_CHARS: usize = 160;

/// A KPI name is a phrase, not a paragraph.
const MAX_NAME_CHARS: usize = 80;

pub(crate) struct InlineList;

impl Layout for InlineList {
    fn read<'a>(&self, doc: &mut Doc<'a>, at: &At<'a, '_>) -> Claim {
        // A table's rows are its own (a name cell holding a pair is read with its row).
        if doc.table_in(Phase::Rows).is_some() {
            return Claim::Declined;
        }
        let Some(found) = pair_on_line(at) else {
            return Claim::Declined;
        };
        add_kpi(doc, at, found);
        Claim::Lines(1)
    }
}

/// One side of a pair, read.
#[derive(Debug)]
pub(crate) struct Side {
    pub role: Role,
    pub value: CellValue,
    /// The side as printed (normalized).
    pub raw: String,
}

/// A `name left → right` pair; `name` is empty when only the values were printed.
#[derive(Debug)]
pub(crate) struct Pair {
    pub name: String,
    pub left: Side,
    pub right: Side,
}

impl Pair {
    pub(crate) fn observations(self) -> [Observation; 2] {
        [self.left, self.right].map(|side| Observation {
            role: side.role,
            period: side.value.period,
            notes: side.value.notes,
            value: side.value.value,
            raw: side.raw,
        })
    }
}

/// A pair found on the line, with the name it belongs to and the cells after it.
struct Found<'l> {
    pair: Pair,
    name_raw: String,
    extras: Vec<&'l str>,
}

/// The pair on the line: in a cell of its own after a name cell, in the one cell of the
/// line with its name, or in a cell under the name printed alone on the line before.
fn pair_on_line<'l>(at: &At<'l, '_>) -> Option<Found<'l>> {
    let filled = at.filled;
    let first = filled.first()?;
    // A name cell may hold the pair in a paragraph of its own (`合計特殊出生率⏎H26年1.54→…`).
    if let Some(pair) = read_pair(first.norm(), None) {
        let extras = filled[1..].iter().map(|c| c.text()).collect();
        if !pair.name.is_empty() {
            let name_raw = first.text().to_string();
            return Some(Found {
                pair,
                name_raw,
                extras,
            });
        }
        // Only values: the name is the line before, alone on its line.
        let (name, name_raw) = name_line_before(at)?;
        return Some(Found {
            pair: Pair { name, ..pair },
            name_raw,
            extras,
        });
    }
    // `name | (H25)4,356億円 → (H31)4,380億円`, or the pair spread over cells
    // (`name | 2億円 | → | 4億円`, as space-aligned text splits it): the cells from the
    // second to the one after the arrow are read as one text.
    let arrow_at = filled.iter().position(|c| has_arrow(c.norm()))?;
    if arrow_at == 0 || first.heading().is_some() {
        return None;
    }
    let ends_with_arrow = ARROWS
        .iter()
        .any(|a| filled[arrow_at].norm().trim_end().ends_with(a));
    let last = (arrow_at + usize::from(ends_with_arrow)).min(filled.len() - 1);
    let values = NormalizedText::joined(filled[1..=last].iter().map(|c| c.norm().as_str()));
    let pair = read_pair(&values, Some(first.norm()))?;
    Some(Found {
        name_raw: first.text().to_string(),
        pair,
        extras: filled[last + 1..].iter().map(|c| c.text()).collect(),
    })
}

/// The KPI name printed alone on the line before (skipping no lines: a name is right above
/// its values), cleaned and as printed.
fn name_line_before(at: &At) -> Option<(String, String)> {
    let before = at.lines.get(at.index.checked_sub(1)?)?;
    let mut filled = before.filled();
    let cell = filled.next()?;
    if filled.next().is_some() || has_arrow(cell.norm()) || cell.heading().is_some() {
        return None;
    }
    let name = cell.norm().as_str();
    (!more_chars_than(name, MAX_NAME_CHARS)).then(|| (clean_name(name), cell.text().to_string()))
}

fn has_arrow(text: &str) -> bool {
    ARROWS.iter().any(|a| text.contains(a))
}

/// Read `[name[:]] [label]left → [label]right` (or `name 【現状値】left 【目標値】right`) from
/// normalized text; `name` is given when it stands in a cell of its own. `None` when the
/// text is not such a pair.
pub(crate) fn read_pair(text: &str, name: Option<&str>) -> Option<Pair> {
    if more_chars_than(text, MAX_PAIR_CHARS) {
        return None;
    }
    let (before, after) = split_at_arrow(text).or_else(|| split_at_target_label(text))?;
    let hint = name.and_then(unit_in_name);
    let (label_before, left) = split_left(before, name.is_some())?;
    let name = match name {
        Some(name) => clean_name(name),
        None => clean_name(label_before),
    };
    if more_chars_than(&name, MAX_NAME_CHARS) {
        return None;
    }
    let hint = hint.or_else(|| unit_in_name(&name));
    let (left_label, left_text) = take_label(left);
    let (right_label, right_text) = take_label(after);
    let left_role = match left_label {
        // The plan's starting point: see the module documentation.
        Some(RoleWord {
            role: Role::Current,
            ..
        }) if !is_actual_label(left) => Role::Baseline,
        Some(word) if word.role != Role::Target => word.role,
        Some(_) => return None,
        None => Role::Baseline,
    };
    if right_label.is_some_and(|w| w.role != Role::Target) {
        return None;
    }
    let left = read_side(left_text, hint.as_deref(), left_role)?;
    let right = read_side(right_text, hint.as_deref(), Role::Target)?;
    if matches!(right.value.value, Value::Missing) {
        return None;
    }
    Some(Pair { name, left, right })
}

/// `【実績値】`, `実績:`: a label of observed values.
fn is_actual_label(side: &str) -> bool {
    side.trim_start()
        .trim_start_matches(['【', '[', '(', '<'])
        .starts_with("実績")
}

/// The text before and after the first arrow.
fn split_at_arrow(text: &str) -> Option<(&str, &str)> {
    let (at, arrow) = ARROWS
        .iter()
        .filter_map(|a| text.find(a).map(|i| (i, *a)))
        .min_by_key(|&(i, _)| i)?;
    Some((&text[..at], &text[at + arrow.len()..]))
}

/// `… 【現状値】48万人 【目標値】55万人`: the text before and from the target label.
fn split_at_target_label(text: &str) -> Option<(&str, &str)> {
    let at = ["【目標値】", "[目標値]", "【目標】", "[目標]"]
        .iter()
        .filter_map(|label| text.find(label))
        .min()?;
    // Only with a label on the left too: `name 【目標値】55万人` alone is no pair.
    text[..at]
        .contains(['【', '['])
        .then(|| (&text[..at], &text[at..]))
}

/// Split the text before the arrow into the name (with any label) and the left value.
/// With `name_given`, it is all value.
fn split_left(before: &str, name_given: bool) -> Option<(&str, &str)> {
    let before = before.trim();
    if name_given {
        return Some(("", before));
    }
    // A role label starts the value (`観光入込客数 【現状値】48万人`).
    if let Some(at) = before.find(['【', '[']).filter(|&at| {
        at > 0 && bare_role_word(before[at..].split(['】', ']']).next().unwrap_or("")).is_some()
    }) {
        return Some((&before[..at], &before[at..]));
    }
    // `婚姻率:5.5‰`: the last colon outside brackets.
    if let Some(at) = last_colon_outside_brackets(before) {
        return Some((&before[..at], &before[at + 1..]));
    }
    // `合計特殊出生率 H26年1.54`: the first word from which the rest is a value.
    let starts = std::iter::once(0).chain(before.match_indices(' ').map(|(i, _)| i + 1));
    for start in starts {
        let rest = &before[start..];
        if read_side(rest, None, Role::Baseline).is_some() {
            return Some((&before[..start], rest));
        }
    }
    None
}

fn last_colon_outside_brackets(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut found = None;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '【' | '[' => depth += 1,
            ')' | '】' | ']' => depth = depth.saturating_sub(1),
            ':' if depth == 0 => found = Some(i),
            _ => {}
        }
    }
    found
}

/// A leading role label (`【現状値】`, `現状値:`) and the text after it.
fn take_label(side: &str) -> (Option<RoleWord>, &str) {
    let side = side.trim();
    for (open, close) in [("【", "】"), ("[", "]"), ("<", ">")] {
        if let Some(inner) = side.strip_prefix(open) {
            if let Some((label, rest)) = inner.split_once(close) {
                if let Some(word) = bare_role_word(label) {
                    return (Some(word), rest.trim());
                }
            }
        }
    }
    if let Some((label, rest)) = side.split_once(':') {
        if let Some(word) = bare_role_word(label) {
            return (Some(word), rest.trim());
        }
    }
    (None, side)
}

/// The name before the values: numbering (`(1)`, `1.`) and list marks taken off, and a
/// trailing note or department split off as in a table's name cell.
fn clean_name(text: &str) -> String {
    let mut t = text
        .trim()
        .trim_start_matches(['・', '◆', '◇', '○', '●', '■', '□']);
    if let Some(rest) = t.strip_prefix('(') {
        if let Some((number, after)) = rest.split_once(')') {
            if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) {
                t = after;
            }
        }
    }
    split_name(t.trim()).name
}

/// Read one side's value: an optional leading period (`(H25)`, `H26年`), then a value that
/// is a number, a missing mark or a misprinted figure ([`is_misprinted_figure`]).
fn read_side(text: &str, hint: Option<&str>, role: Role) -> Option<Side> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let (leading, rest) = leading_period(text);
    let rest = rest.trim();
    let starts_like_value = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || "▲△+-約".contains(c));
    if !starts_like_value && !is_missing_mark(rest) {
        return None;
    }
    let mut value = read_cell(&NormalizedText::new(rest), hint);
    match value.value {
        Value::Number(_) | Value::Missing => {}
        Value::Text { .. } if is_misprinted_figure(rest) => {}
        _ => return None,
    }
    if value.period.is_none() {
        value.period = leading;
    }
    Some(Side {
        role,
        value,
        raw: text.to_string(),
    })
}

/// Whether a value that did not read as a number is still a figure, misprinted: digits,
/// digit separators and the scale words `万億兆千` only, then a known unit (`4億3,0000万円`,
/// `1,2345人`). A sentence (`45人に増えた`) or a range (`10~20件`) is not one.
fn is_misprinted_figure(text: &str) -> bool {
    let figure_end = text
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || ",.万億兆千".contains(c)))
        .map_or(text.len(), |(i, _)| i);
    let (figure, unit) = text.split_at(figure_end);
    figure.starts_with(|c: char| c.is_ascii_digit())
        && figure.ends_with(|c: char| c.is_ascii_digit() || "万億兆千".contains(c))
        && !unit.is_empty()
        && is_known_unit(unit)
}

/// A period printed before the value (`(H25)4,356億円`, `H24年度8,012`), and the rest.
fn leading_period(text: &str) -> (Option<Period>, &str) {
    if let Some(inner) = text.strip_prefix('(') {
        if let Some((group, rest)) = inner.split_once(')') {
            if let Ok(parsed) = parse_period(group) {
                return (Some(parsed.period), rest);
            }
        }
        return (None, text);
    }
    let first = find_periods(text).into_iter().next();
    match first {
        Some(found) if found.range.start == 0 => match found.result {
            Ok(parsed) => (Some(parsed.period), &text[found.range.end..]),
            Err(_) => (None, text),
        },
        _ => (None, text),
    }
}

fn add_kpi(doc: &mut Doc, at: &At, found: Found) {
    let Found {
        pair,
        name_raw,
        extras,
    } = found;
    let line = at.line();
    let name = pair.name.clone();
    let notes: Vec<String> = extras
        .iter()
        .map(|e| NormalizedText::new(e).into_string())
        .collect();
    let years = [&pair.left, &pair.right]
        .map(|s| s.value.period.as_ref().map(|p| p.year))
        .to_vec();
    // A pair whose left side is an actual (`実績`) reports progress; a starting value and a
    // target are a plan's (the document's kind).
    if pair.left.role == Role::Current {
        doc.out.kind.progress = true;
    } else {
        doc.out.kind.plan = true;
    }
    doc.sections.heading_since_row = false;
    // A line marked ◆/◇ is a headline target (the mark is gone from the name already).
    let (kind, section) = if after_headline_mark(&name_raw).is_some() {
        (
            KpiKind::Headline,
            doc.sections.level1.or(doc.sections.current),
        )
    } else {
        (KpiKind::Kpi, doc.sections.current)
    };
    doc.out.kpis.push(KpiDraft {
        achievement_rate: None,
        section,
        kind,
        name,
        name_raw,
        observations: pair.observations().to_vec(),
        status: None,
        departments: Vec::new(),
        notes,
        provenance: provenance(line),
        years,
        name_bigrams: OnceCell::new(),
    });
    if !extras.is_empty() {
        doc.warn(
            WarningCode::ExtraCells,
            format!(
                "{} cell(s) after an inline target (`… → …`) were kept as the KPI's notes",
                extras.len()
            ),
            line,
        );
    }
}
