//! Two things a row says about all of its values at once: a cell that lists one value per
//! period, and a name that calls the indicator a running total.

use shinchoku_extract::era::{parse_period, Period};

use crate::model::{Observation, Value};
use crate::value::{parse_cell, CellValue};

/// One `period:value` item of a [`dated_values`] cell.
pub(super) struct DatedValue {
    pub period: Period,
    pub read: CellValue,
    /// The item as printed.
    pub raw: String,
}

/// A value cell that lists one number per period (`2019年度:300 2020年度:600 …`, as a
/// 参考年間目標 column of yearly reference targets prints them): the items in order, each
/// to become an observation of the column's role. `None` unless the whole cell is such a
/// list of two items or more, each a date, a colon and a number. `norm` is the cell's
/// normalized text (colons half-width).
pub(super) fn dated_values(norm: &str, hint: Option<&str>) -> Option<Vec<DatedValue>> {
    // Asked of every value cell: most hold no colon at all.
    if !norm.contains(':') {
        return None;
    }
    let items: Vec<&str> = norm
        .split(|c: char| c.is_whitespace() || c == '、')
        .filter(|item| !item.is_empty())
        .collect();
    if items.len() < 2 {
        return None;
    }
    items
        .into_iter()
        .map(|item| {
            let (when, what) = item.split_once(':')?;
            let period = parse_period(when).ok()?.period;
            // The whole label is the date (`2019年度`), not a word that holds one.
            if period.raw != when {
                return None;
            }
            let read = parse_cell(what, hint);
            matches!(read.value, Value::Number(_)).then(|| DatedValue {
                period,
                read,
                raw: item.to_string(),
            })
        })
        .collect()
}

/// A name that marks the indicator as a running total (`企業数(累計)(社)`, `【延べ】`,
/// `[通算]`): every value of the row is one, whether or not its cell says so. Only a word
/// alone in its brackets counts: `(累計値の伸び率)` names a rate, not a total. `name` is
/// normalized (brackets half-width).
pub(super) fn names_a_running_total(name: &str) -> bool {
    const BRACKETS: [(char, char); 3] = [('(', ')'), ('【', '】'), ('[', ']')];
    BRACKETS.iter().any(|&(open, close)| {
        name.split(open)
            .skip(1)
            .filter_map(|after| after.split_once(close))
            .any(|(inside, _)| crate::value::RUNNING_TOTAL_WORDS.contains(&inside.trim()))
    })
}

/// Mark the numbers among `observations` as running totals.
pub(super) fn mark_running_totals(observations: &mut [Observation]) {
    for o in observations {
        if let Value::Number(n) = &mut o.value {
            n.cumulative = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::names_a_running_total;

    #[test]
    fn a_running_total_word_alone_in_any_bracket_marks_the_name() {
        for name in [
            "企業数(累計)(社)",
            "延べ宿泊者数(延べ)",
            "移住者数【累計】",
            "相談件数【通算】",
            "参加者数[延べ]",
            "支援件数( 累計 )",
        ] {
            assert!(names_a_running_total(name), "{name}");
        }
    }

    #[test]
    fn a_running_total_word_among_other_words_does_not() {
        for name in [
            "累計参加者数",
            "参加者数(累計値の伸び率)",
            "支援件数(H27からの累計)",
            "観光入込客数(延べ人数)",
            "企業数(社",
        ] {
            assert!(!names_a_running_total(name), "{name}");
        }
    }
}
