//! A yearly sheet flattened onto one line: the 施策マネジメントシート / 事務事業評価シート form
//! many towns keep in Excel, as a web transcript of its PDF prints it.
//!
//! ```text
//! … 区分 平成23年度 平成24年度 … 平成29年度 359 445 448 449 376 実績値 転入者数(窓口) 人 437 424 413 401 391 380 目標値 6 8 21 14 実績値 移住定住に関する相談件数 件 10 20 30 40 50 60 目標値 実績値 目標値 …
//! ```
//!
//! The sheet is a table `成果指標名 | 単位 | 区分 | year … year` with one row per row label
//! (`実績値`, `目標値`) and the indicator's name and unit in cells merged over its rows. In
//! reading order a row's values come before its label (the label sits lower in its cell),
//! and the merged name and unit, centred over the rows, come between them; empty cells
//! leave no word. Read here:
//! - the **header**: at least [`MIN_YEARS`] periods of consecutive years (`平成23年度 …
//!   平成29年度`), with the row-label term printed before them (`区分`), if any;
//! - **rows**: up to one value per year, then a row label;
//! - **indicators**: rows grouped until a label comes again (`実績値 目標値 | 実績値 目標值`);
//!   the name and unit are the few text words between an indicator's rows (or, when a
//!   form prints them above its rows, just before them); a last short word is the unit.
//!   Labels with neither values nor a name are the form's unused rows: left as text.
//!
//! Empty cells leave no trace, so values are placed by the sheet's logic: targets run to
//! the plan's last year (a shorter target row is right-aligned, as in indicator sheets);
//! actuals run from the first year to the year under review, so the longest actual row is
//! left-aligned and a shorter one (an indicator measured from a later year) ends where it
//! ends; a 基準値 row starts at the first year. The produced lines are the table's: a header
//! `区分 | year …`, then `name | unit | label | value …` with blank cells for the years
//! without a value, the name and unit blank on an indicator's later rows.

use super::{is_number, text_lines, Kind, Word};
use crate::cells::Cell;
use crate::era::parse_period;
use crate::layout::{join_wrapped, make_cell, Arranged, Arrangement};
use crate::normalize::normalize;

/// A header has at least this many consecutive years (two are a 基準値/目標値 pair).
const MIN_YEARS: usize = 3;
/// A yearly sheet covers at most this many years.
const MAX_YEARS: usize = 20;
/// An indicator's name and unit are at most this many words.
const MAX_NAME_WORDS: usize = 3;
/// A unit word is at most this many characters (`人`, `件`, `千円`).
const MAX_UNIT_CHARS: usize = 4;

/// What a row label says its values are, as far as placing them goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placing {
    /// Observed values (`実績値`): from the first year to the year under review.
    Actual,
    /// Targets (`目標値`, `目安値`): up to the plan's last year.
    Target,
    /// A starting value (`基準値`): the first year.
    Start,
}

/// The squeezed, normalized text of a word.
fn squeezed(text: &str) -> String {
    normalize(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A row label: a role word alone (the ones the table stage reads as row labels).
fn row_label(text: &str) -> Option<Placing> {
    match squeezed(text).trim_matches(['(', ')', '【', '】', '[', ']']) {
        "実績値" | "実績" | "現状値" | "見込み" => Some(Placing::Actual),
        "目標値" | "目標" | "目安値" | "期待値" => Some(Placing::Target),
        "基準値" => Some(Placing::Start),
        _ => None,
    }
}

/// The year of a word that is a period only (`平成23年度`, `R5`).
fn year_of(w: &Word) -> Option<i32> {
    if w.kind != Kind::Period {
        return None;
    }
    parse_period(&normalize(&w.text))
        .ok()
        .map(|p| p.period.year)
}

/// A header of consecutive years: the words `[first, end)`, and the label term before them.
struct YearHeader {
    label: Option<usize>,
    first: usize,
    end: usize,
}

fn year_header(words: &[Word]) -> Option<YearHeader> {
    let mut k = 0;
    while k < words.len() {
        let Some(mut last) = year_of(&words[k]) else {
            k += 1;
            continue;
        };
        let mut end = k + 1;
        while end < words.len() && end - k < MAX_YEARS {
            match year_of(&words[end]) {
                Some(y) if y == last + 1 => last = y,
                _ => break,
            }
            end += 1;
        }
        if end - k >= MIN_YEARS {
            let label = k.checked_sub(1).filter(|&p| {
                matches!(
                    squeezed(&words[p].text).as_str(),
                    "区分" | "項目" | "年度" | "年次"
                )
            });
            return Some(YearHeader {
                label,
                first: k,
                end,
            });
        }
        k = end;
    }
    None
}

/// One row: its values (word indices, in order), its label word and what the label says.
struct Row {
    values: Vec<usize>,
    label: usize,
    placing: Placing,
}

/// The rows after the header (from word `from`), each with the text words printed just
/// before it, and the first word not read (after the last row).
fn rows(words: &[Word], from: usize, width: usize) -> (Vec<Row>, Vec<Vec<usize>>, usize) {
    let mut rows = Vec::new();
    let mut before = Vec::new();
    let (mut values, mut text) = (Vec::new(), Vec::new());
    let mut end = from;
    for (k, w) in words.iter().enumerate().skip(from) {
        if let Some(placing) = row_label(&w.text) {
            rows.push(Row {
                values: std::mem::take(&mut values),
                label: k,
                placing,
            });
            before.push(std::mem::take(&mut text));
            end = k + 1;
            continue;
        }
        match w.kind {
            Kind::Value if values.len() < width && is_number(&normalize(&w.text)) => values.push(k),
            // Text among the values, a period, or a longer text: the table has ended.
            Kind::Text | Kind::NameTerm | Kind::OtherTerm | Kind::ValueTerm
                if values.is_empty() && text.len() < MAX_NAME_WORDS =>
            {
                text.push(k);
            }
            _ => break,
        }
    }
    (rows, before, end)
}

/// A unit word: short, no digit, no bracket.
fn is_unit(text: &str) -> bool {
    let s = squeezed(text);
    (1..=MAX_UNIT_CHARS).contains(&s.chars().count())
        && !s
            .chars()
            .any(|c| c.is_ascii_digit() || "()[]【】「」:・".contains(c))
}

/// Read source line `index`'s words as a flattened yearly sheet; `None` (nothing added)
/// when no header of years is followed by an indicator with a name and values.
pub(super) fn read(raw: &str, words: &[Word], index: usize, out: &mut Arrangement) -> Option<()> {
    let header = year_header(words)?;
    let width = header.end - header.first;
    let (rows, before, end) = rows(words, header.end, width);
    // Indicators: rows until a label comes again.
    let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
    for r in 0..rows.len() {
        let label = |r: usize| squeezed(&words[rows[r].label].text);
        match groups.last_mut() {
            Some(g) if !g.clone().any(|q| label(q) == label(r)) => g.end = r + 1,
            _ => groups.push(r..r + 1),
        }
    }
    // The name words of each indicator: between its rows, else just before them.
    let names: Vec<Vec<usize>> = groups
        .iter()
        .map(|g| {
            let inside: Vec<usize> = before[g.start + 1..g.end].concat();
            if inside.is_empty() {
                before[g.start].clone()
            } else {
                inside
            }
        })
        .collect();
    let named =
        |g: usize| !names[g].is_empty() && groups[g].clone().any(|r| !rows[r].values.is_empty());
    if !(0..groups.len()).any(named) {
        return None;
    }
    let longest_actual = rows
        .iter()
        .filter(|r| r.placing == Placing::Actual)
        .map(|r| r.values.len())
        .max()
        .unwrap_or(0);
    let mut produced = Vec::new();
    let start = header.label.unwrap_or(header.first);
    let prelude: Vec<usize> = (0..start).collect();
    text_lines(raw, words, &prelude, index, &mut produced);
    let header_cells: Vec<Cell> = std::iter::once(
        header
            .label
            .map_or_else(|| Cell::from_text("", ""), |l| make_cell(&words[l].text)),
    )
    .chain((header.first..header.end).map(|k| make_cell(&words[k].text)))
    .collect();
    produced.push(Arranged {
        first: index,
        raw: raw_of(words, start..header.end),
        cells: header_cells,
    });
    let mut unplaced = 0;
    for (g, group) in groups.iter().enumerate() {
        let name = &names[g];
        // Text printed before the indicator that is not its name stays text.
        if before[group.start] != *name {
            text_lines(raw, words, &before[group.start], index, &mut produced);
        }
        if !named(g) {
            unplaced += group.clone().map(|r| rows[r].values.len()).sum::<usize>();
            let ks: Vec<usize> = group
                .clone()
                .flat_map(|r| rows[r].values.iter().copied().chain([rows[r].label]))
                .chain(name.iter().copied())
                .collect();
            text_lines(raw, words, &ks, index, &mut produced);
            continue;
        }
        let (name_words, unit) = match name.split_last() {
            Some((&last, rest)) if !rest.is_empty() && is_unit(&words[last].text) => {
                (rest, Some(last))
            }
            _ => (&name[..], None),
        };
        let texts: Vec<String> = name_words.iter().map(|&k| words[k].text.clone()).collect();
        for (n, r) in group.clone().enumerate() {
            let row = &rows[r];
            let count = row.values.len();
            let first = match row.placing {
                Placing::Target => width - count,
                Placing::Actual => longest_actual.saturating_sub(count),
                Placing::Start => 0,
            };
            let mut cells = if n == 0 {
                vec![
                    Cell::from_text(
                        name_words
                            .iter()
                            .map(|&k| words[k].text.as_str())
                            .collect::<Vec<_>>()
                            .join(" "),
                        join_wrapped(&texts),
                    ),
                    unit.map_or_else(|| Cell::from_text("", ""), |u| make_cell(&words[u].text)),
                ]
            } else {
                vec![Cell::from_text("", ""), Cell::from_text("", "")]
            };
            cells.push(make_cell(&words[row.label].text));
            cells.resize(3 + first, Cell::from_text("", ""));
            cells.extend(row.values.iter().map(|&k| make_cell(&words[k].text)));
            cells.resize(3 + width, Cell::from_text("", ""));
            let mut ks: Vec<usize> = row.values.clone();
            ks.push(row.label);
            if n == 0 {
                ks.extend(name.iter().copied());
            }
            produced.push(Arranged {
                first: index,
                raw: ks
                    .iter()
                    .map(|&k| words[k].text.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                cells,
            });
        }
    }
    let rest: Vec<usize> = (end..words.len()).collect();
    // Numbers the rows could not take (more than one per year, or text among them).
    unplaced += rest
        .iter()
        .take_while(|&&k| words[k].kind == Kind::Value)
        .filter(|&&k| is_number(&normalize(&words[k].text)))
        .count();
    text_lines(raw, words, &rest, index, &mut produced);
    let unplaced = (unplaced > 0).then(|| format!(
        "{unplaced} value(s) of a yearly sheet flattened onto one line make no row (values, then a row label, under an indicator's name); kept as text"
    ));
    let headers = vec![raw_of(words, start..header.end).replace(' ', " | ")];
    super::hand_over(out, index, produced, headers, unplaced);
    Some(())
}

/// The words `range` as printed, single-space separated.
fn raw_of(words: &[Word], range: std::ops::Range<usize>) -> String {
    words[range]
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::tests::cells;
    use crate::diag::WarningCode;

    const PAD: &str = "施策マネジメントシート(令和4年度の振り返り) 主管課 （氏名省略）";

    /// A shorter actual row ends where the longest ends (the year under review); a shorter
    /// target row runs to the last year; the name and unit come from between the rows.
    #[test]
    fn rows_are_placed_by_the_sheets_logic() {
        let (lines, doubts) = cells(&format!(
            "{PAD} 区分 R1 R2 R3 R4 R5 10 11 12 実績値 指標甲 件 20 30 目標値 5 実績値 指標乙 人 7 8 目標値 実績値 目標値 （説明省略）"
        ));
        let at = lines.iter().position(|l| l[0] == "区分").unwrap();
        assert_eq!(lines[at], ["区分", "R1", "R2", "R3", "R4", "R5"]);
        let row = |v: &[&str]| {
            v.iter()
                .map(std::string::ToString::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            lines[at + 1],
            row(&["指標甲", "件", "実績値", "10", "11", "12", "", ""])
        );
        assert_eq!(
            lines[at + 2],
            row(&["", "", "目標値", "", "", "", "20", "30"])
        );
        assert_eq!(
            lines[at + 3],
            row(&["指標乙", "人", "実績値", "", "", "5", "", ""])
        );
        assert_eq!(
            lines[at + 4],
            row(&["", "", "目標値", "", "", "", "7", "8"])
        );
        // The form's unused rows and the notes stay text.
        assert_eq!(lines[at + 5], ["実績値 目標値"]);
        assert!(doubts.is_empty());
    }

    /// A section heading printed as words (`基本 目標 Ⅱ …`, `施策 12 …`) is a line of its own,
    /// so that the text before it (the sheet's title) stays apart.
    #[test]
    fn section_headings_printed_as_words_are_lines_of_their_own() {
        let (lines, _) = cells(&format!(
            "作成日 施策マネジメントシート(令和4年度の振り返り) 基本 目標 Ⅱ 訪れたいまち 主管課 施策 12 観光交流の推進 関係課 {PAD} 区分 R1 R2 R3 10 11 12 実績値 指標甲 件 20 30 目標値"
        ));
        assert_eq!(
            lines[0],
            ["作成日 施策マネジメントシート(令和4年度の振り返り)"]
        );
        assert_eq!(lines[1], ["基本 目標 Ⅱ 訪れたいまち"]);
        assert_eq!(lines[2], ["主管課"]);
        assert_eq!(lines[3], ["施策 12 観光交流の推進"]);
    }

    /// Values with no name among their rows are no indicator's: kept as text, with a warning.
    #[test]
    fn values_without_a_name_are_kept_with_a_warning() {
        let (lines, doubts) = cells(&format!(
            "{PAD} 区分 R1 R2 R3 R4 R5 10 11 12 実績値 指標甲 件 20 30 目標値 4 5 実績値 7 8 目標値 （説明省略）"
        ));
        assert!(lines.iter().any(|l| l == &["4 5".to_string()]), "{lines:?}");
        assert_eq!(doubts, [WarningCode::UnparsedRow]);
    }

    /// Bad input: a megabyte line of years, values and labels is read in linear time (no
    /// timing asserted) and never panics.
    #[test]
    fn a_very_long_sheet_is_read_without_blowing_up() {
        let mut line = format!("{PAD} 区分 R1 R2 R3 ");
        line.push_str(&"1 2 3 実績値 名 件 4 5 目標値 ".repeat(40_000));
        line.push_str(&"9 ".repeat(100_000));
        let (lines, _) = cells(&line);
        assert!(lines.len() > 80_000);
    }
}
