//! Tests of [`super`]: header cells set apart from the values they head, from small
//! invented one-row tables shaped like WeasyPrint prints flattened by `pdftotext -layout`
//! (values set left of their header terms, the terms' periods over the values).

use super::super::test_lines::{self, at_chars as at};

/// The lines of cells of a text, blank lines left out.
fn arranged(lines: &[String]) -> Vec<Vec<String>> {
    test_lines::arranged(lines)
        .into_iter()
        .filter(|cells| cells.iter().any(|c| !c.is_empty()))
        .collect()
}

/// A one-row table's header: terms on the first line, periods under them.
fn header(periods: [&'static str; 4], years: [&'static str; 4], years_at: usize) -> Vec<String> {
    vec![
        at(&[(37, "当初"), (46, "前年度"), (59, "実績値"), (70, "目標値")]),
        at(&[(79, "進捗")]),
        at(&[
            (14, "最重要業績評価指標（K P I）"),
            (36, periods[0]),
            (47, periods[1]),
            (60, periods[2]),
            (71, periods[3]),
        ]),
        at(&[(79, "状況")]),
        at(&[
            (35, years[0]),
            (46, years[1]),
            (years_at, years[2]),
            (70, years[3]),
        ]),
        String::new(),
    ]
}

/// Issue 16 (柏崎 by WeasyPrint and `pdftotext -layout`): `当初` was set right of the
/// only row's baseline `345人`, with its periods over the value; the term got an empty
/// column of its own and the value went under a header of periods only, so the
/// baseline was lost. A header-only column joins a data column whose header cells are
/// periods only.
#[test]
fn a_term_set_right_of_its_value_heads_it() {
    let mut lines = header(
        ["(H30)", "(R1)", "(R2)", "(R6)"],
        ["(2018)", "(2019)", "(2020)", "(2024)"],
        59,
    );
    lines.push(at(&[
        (7, "市内の新規就業者数"),
        (33, "128人"),
        (44, "131人"),
        (55, "140人"),
        (68, "150人"),
        (79, "順調"),
    ]));
    assert_eq!(
        arranged(&lines),
        [
            vec![
                "最重要業績評価指標（K P I）",
                "当初 (H30) (2018)",
                "前年度 (R1) (2019)",
                "実績値 (R2) (2020)",
                "目標値 (R6) (2024)",
                "進捗 状況"
            ],
            vec![
                "市内の新規就業者数",
                "128人",
                "131人",
                "140人",
                "150人",
                "順調"
            ],
        ]
    );
}

/// The same print of another row: the current value's period `(R1)` was set right of
/// the value `1.39`, over no data; it got a column of its own, and the current value's
/// column was headed `実績値 (2019)` without it. A column headed by a period only and
/// holding no data joins the data column beside it, though that one has a term.
#[test]
fn a_period_set_right_of_its_values_joins_their_column() {
    let mut lines = header(
        ["(H29)", "(H30)", "(R1)", "(R5)"],
        ["(2017)", "(2018)", "(2019)", "(2023)"],
        59,
    );
    lines.push(at(&[
        (7, "合計特殊出生率"),
        (33, "1.42‰"),
        (44, "1.45‰"),
        (55, "1.39‰"),
        (68, "1.60‰"),
        (79, "遅延"),
    ]));
    assert_eq!(
        arranged(&lines),
        [
            vec![
                "最重要業績評価指標（K P I）",
                "当初 (H29) (2017)",
                "前年度 (H30) (2018)",
                "実績値 (R1) (2019)",
                "目標値 (R5) (2023)",
                "進捗 状況"
            ],
            vec!["合計特殊出生率", "1.42‰", "1.45‰", "1.39‰", "1.60‰", "遅延"],
        ]
    );
}
