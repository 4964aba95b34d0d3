//! Turning a cell's assembled items and loose groups into its [`CellValue`]: numbers with
//! their flags and units, labelled parts, the cell's period and notes, and the text and
//! group-only fallbacks.

use shinchoku_extract::era::Period;

use super::atom::{Flags, NumberAtom};
use super::tokens::{self, GroupKind};
use super::units::split_scale;
use super::{dating_group, group_period, CellValue, Elem, Item, Loose, RUNNING_TOTAL_WORDS};
use crate::model::{Normalized, Number, Part, Value};

/// The value of a cell that has values.
pub(super) fn build_value(
    items: Vec<Item<'_>>,
    loose: &Loose<'_>,
    hint: Option<&str>,
) -> CellValue {
    let mut notes = Vec::new();
    let mut cell_period = None;
    absorb_groups(loose, &mut cell_period, &mut notes);

    let single_unlabelled = items.len() == 1 && items[0].label.is_none();
    if single_unlabelled {
        let item = items.into_iter().next().expect("one item");
        let mut period = None;
        absorb_groups(&item.groups, &mut period, &mut notes);
        let value = item_value(item.number, hint, item.groups.iter().map(|(_, t)| *t));
        return CellValue {
            value,
            period: period.or(cell_period),
            notes,
        };
    }

    let mut parts = Vec::with_capacity(items.len());
    let mut own_date_from_plain_group = Vec::with_capacity(items.len());
    for item in items {
        let mut period = None;
        let mut label = item.label;
        let mut plain = false;
        for (kind, _) in &item.groups {
            match kind {
                GroupKind::Label(l) if label.is_none() => label = Some(l.clone()),
                GroupKind::DateLabel(p, l) => {
                    if label.is_none() {
                        label = Some(l.clone());
                    }
                    period.get_or_insert_with(|| p.clone());
                }
                GroupKind::Date(p) if period.is_none() => {
                    period = Some(p.clone());
                    plain = true;
                }
                _ => {}
            }
        }
        // Remarks stay remarks; a source note's date also dates the part.
        let remarks: Vec<_> = item
            .groups
            .iter()
            .filter(|(k, _)| matches!(k, GroupKind::SourceNote(_) | GroupKind::Note(_)))
            .copied()
            .collect();
        absorb_groups(&remarks, &mut period, &mut notes);
        own_date_from_plain_group.push(plain);
        let value = item_value(item.number, hint, item.groups.iter().map(|(_, t)| *t));
        parts.push(Part {
            label,
            value,
            period,
        });
    }

    // One date printed after the last of several values dates them all (`14組・19人 (H30)`).
    let dated: Vec<usize> = (0..parts.len())
        .filter(|&i| parts[i].period.is_some())
        .collect();
    let last = parts.len() - 1;
    if parts.len() > 1 && dated == [last] && own_date_from_plain_group[last] {
        cell_period = parts[last].period.take();
    }
    let period = cell_period
        .or_else(|| tokens::common_period(parts.iter().filter_map(|p| p.period.as_ref())));
    CellValue {
        value: Value::Parts { parts },
        period,
        notes,
    }
}

/// Take dates and remarks from an item's groups: the first plain date wins, then a labelled
/// date, then a source note's date, then a remark's agreed date. Everything but plain dates
/// is kept as a note, as printed.
pub(super) fn absorb_groups(
    groups: &[(&GroupKind, &str)],
    period: &mut Option<Period>,
    notes: &mut Vec<String>,
) {
    for (kind, text) in groups {
        if !matches!(kind, GroupKind::Date(_)) {
            notes.push((*text).to_string());
        }
    }
    if period.is_none() {
        *period =
            dating_group(groups.iter().copied()).and_then(|i| group_period(groups[i].0).1.cloned());
    }
}

/// A number's value, its flags joined with those its groups or remarks print.
pub(super) fn item_value<'g>(
    number: Option<NumberAtom<'_>>,
    hint: Option<&str>,
    printed: impl IntoIterator<Item = &'g str>,
) -> Value {
    match number {
        None => Value::Missing,
        Some(mut atom) => {
            for text in printed {
                atom.flags = atom.flags.merge(flags_in(text));
            }
            Value::Number(to_number(atom, hint))
        }
    }
}

/// Longest group or remark read for flags (`(H27からの累計)`, `※速報値`): a longer one is a
/// sentence that may mention the words about something else.
const MAX_FLAG_TEXT_CHARS: usize = 16;

/// The flags a group or remark printed with a number says (`(見込み)`, `(R5見込)`,
/// `(速報値)`, `※速報値`, `(累計)`, `(延べ)`, `(5年間の累計)`, `(H27からの累計)`).
pub(super) fn flags_in(text: &str) -> Flags {
    let mut flags = Flags::default();
    let inner = text
        .trim()
        .trim_start_matches(['(', '※', '*'])
        .trim_end_matches(')')
        .trim();
    if crate::more_chars_than(inner, MAX_FLAG_TEXT_CHARS) {
        return flags;
    }
    flags.estimate = inner.contains("見込");
    flags.preliminary = inner.contains("速報");
    // `(延べ243日)`: the word counts another number printed in the group, not this one.
    let counts_its_own_number = |word: &str| {
        inner.match_indices(word).any(|(at, _)| {
            inner[at + word.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        })
    };
    flags.cumulative = RUNNING_TOTAL_WORDS
        .iter()
        .any(|w| inner.contains(w) && !counts_its_own_number(w));
    if flags.cumulative {
        flags.span_years = span_years_in(inner);
    }
    flags
}

/// The N of `N年間` / `Nか年` in a running total's group.
pub(super) fn span_years_in(text: &str) -> Option<u32> {
    for word in ["年間", "か年", "ヵ年", "カ年", "ヶ年"] {
        let Some(at) = text.find(word) else { continue };
        let digits: String = text[..at]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if let Ok(years @ 1..) = digits.parse::<u32>() {
            return Some(years);
        }
    }
    None
}

pub(super) fn to_number(atom: NumberAtom<'_>, hint: Option<&str>) -> Number {
    let unit = atom
        .unit
        .map(std::borrow::Cow::into_owned)
        .or_else(|| hint.map(str::to_string));
    let normalized = unit
        .as_deref()
        .and_then(split_scale)
        .and_then(|(power, base)| {
            atom.number.shift(power).map(|d| Normalized {
                number: clean_zero(d.to_f64()),
                unit: base,
            })
        });
    Number {
        unit,
        comparator: atom.comparator,
        approximate: atom.approximate,
        cumulative: atom.flags.cumulative,
        span_years: atom.flags.span_years,
        estimate: atom.flags.estimate,
        preliminary: atom.flags.preliminary,
        normalized,
        ..Number::plain(
            clean_zero(atom.number.to_f64()),
            atom.number.to_plain_string(),
        )
    }
}

/// `-0` prints as `-0.0` in JSON; a printed `-0` is zero.
fn clean_zero(x: f64) -> f64 {
    if x == 0.0 {
        0.0
    } else {
        x
    }
}

/// An empty cell (a dash, with or without remarks, is a dash item).
pub(super) fn only_groups(loose: &Loose<'_>) -> CellValue {
    let mut notes = Vec::new();
    let mut period = None;
    absorb_groups(loose, &mut period, &mut notes);
    CellValue {
        value: Value::Missing,
        period,
        notes,
    }
}

/// A qualitative cell: its text without trailing dates (which date it) and source notes.
pub(super) fn text_value(core: &str, elems: &[Elem<'_>]) -> CellValue {
    let mut cut = core.len();
    let mut trailing: Vec<(&GroupKind, &str)> = Vec::new();
    for elem in elems.iter().rev() {
        match elem {
            Elem::Group { kind, text, span }
                if matches!(kind, GroupKind::Date(_) | GroupKind::SourceNote(_)) =>
            {
                cut = span.start;
                trailing.push((kind, text));
            }
            _ => break,
        }
    }
    trailing.reverse();
    let mut notes = Vec::new();
    let mut period = None;
    absorb_groups(&trailing, &mut period, &mut notes);
    let mut text = core.get(..cut).unwrap_or(core).trim().to_string();
    if text.is_empty() {
        // Only a date (`R5年度末`): the date is the text, and dates the cell.
        text = core.trim().to_string();
        notes.clear();
    }
    CellValue {
        value: Value::Text { text },
        period,
        notes,
    }
}
