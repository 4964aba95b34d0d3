//! Tests of [`super`]: a table ends where a chart's data follows it.

use super::super::test_lines::{arranged, at_chars as at, progress_report_header};

/// The KPI table of a progress report (`pdftotext -layout` of a print without rules)
/// followed, one blank line apart, by the data of a chart for its first KPI: a caption
/// over the table's value columns, the chart's header `年度  割合 (%)` (no KPI table
/// header terms) and a line a year. The region ran on into them and each year
/// (`R1 (2019)`) became a row of the table: a KPI named `R1`.
fn report(caption: &str) -> Vec<String> {
    let mut lines = progress_report_header();
    lines.extend([
        String::new(),
        at(&[(14, "図書館を月に1回以上利用している")]),
        at(&[
            (10, "1"),
            (38, "31.0%"),
            (49, "33.4%"),
            (60, "28.9%"),
            (71, "40.0%"),
            (81, "遅延"),
        ]),
        at(&[(14, "と回答した市民（中学生以上）の割合")]),
        String::new(),
        at(&[
            (10, "2"),
            (14, "読み聞かせボランティア登録者数"),
            (39, "42人"),
            (50, "47人"),
            (61, "51人"),
            (72, "60人"),
            (81, "順調"),
        ]),
        String::new(),
        at(&[(14, caption)]),
        at(&[(36, "年度"), (57, "割合 (%)")]),
        String::new(),
        at(&[(34, "R1 (2019)"), (60, "33.4")]),
        String::new(),
        at(&[(34, "R2 (2020)"), (60, "28.9")]),
        String::new(),
        at(&[(34, "R6 (2024)"), (60, "40")]),
    ]);
    lines
}

#[test]
fn a_table_ends_where_a_charts_data_follows_it() {
    let got: Vec<Vec<String>> = arranged(&report(
        "図書館を月に1回以上利用していると回答した市民（中学生以上）の割合",
    ))
    .into_iter()
    .filter(|l| l.iter().any(|c| !c.is_empty()))
    .collect();
    let want: Vec<Vec<&str>> = vec![
        vec![
            "",
            "重要業績評価指標（KPI）",
            "当初 (H30)",
            "前年度 (R1)",
            "実績値 (R2)",
            "目標値 (R6)",
            "進捗 状況",
        ],
        vec![
            "1",
            "図書館を月に1回以上利用していると回答した市民（中学生以上）の割合",
            "31.0%",
            "33.4%",
            "28.9%",
            "40.0%",
            "遅延",
        ],
        vec![
            "2",
            "読み聞かせボランティア登録者数",
            "42人",
            "47人",
            "51人",
            "60人",
            "順調",
        ],
        // The chart's lines are lines of their own, one cell a run, as outside any table.
        vec!["図書館を月に1回以上利用していると回答した市民（中学生以上）の割合"],
        vec!["年度", "割合 (%)"],
        vec!["R1 (2019)", "33.4"],
        vec!["R2 (2020)", "28.9"],
        vec!["R6 (2024)", "40"],
    ];
    assert_eq!(got, want);
}

/// A line over the table's value columns is no caption when no header of its own
/// follows it: a row after it goes on the same table (a banner across a table is
/// followed by rows).
#[test]
fn a_wide_line_followed_by_a_row_goes_on_the_table() {
    let mut lines = report("図書館を月に1回以上利用していると回答した市民（中学生以上）の割合");
    lines.truncate(12);
    lines.push(at(&[
        (10, "3"),
        (14, "図書館の年間貸出冊数"),
        (48, "8.5万冊"),
        (59, "7.9万冊"),
        (70, "9.0万冊"),
        (81, "遅延"),
    ]));
    let got = arranged(&lines);
    // The row keeps the table's columns (no 当初 value: an empty cell, which a line of
    // its own would not have); the wide line is read as the start of its name.
    let row = got.iter().find(|l| l.first().is_some_and(|c| c == "3"));
    let row = row.map(|l| &l[2..]);
    assert_eq!(
        row,
        Some(&["", "8.5万冊", "7.9万冊", "9.0万冊", "遅延"].map(String::from)[..]),
        "{got:?}"
    );
}

/// Nor when the line of terms under it is the table's own header terms (a header
/// printed again in pieces): the rows after them go on the same table.
#[test]
fn a_wide_line_over_the_tables_own_terms_goes_on_the_table() {
    let mut lines = report("図書館を月に1回以上利用していると回答した市民（中学生以上）の割合");
    lines.truncate(12);
    lines.push(at(&[(61, "進捗"), (81, "状況")]));
    lines.push(at(&[
        (10, "3"),
        (14, "図書館の年間貸出冊数"),
        (48, "8.5万冊"),
        (59, "7.9万冊"),
        (70, "9.0万冊"),
        (81, "遅延"),
    ]));
    let got = arranged(&lines);
    let row = got.iter().find(|l| l.first().is_some_and(|c| c == "3"));
    // The empty 当初 cell shows the row was cut in the table's columns.
    let row = row.map(|l| &l[2..]);
    assert_eq!(
        row.map(|r| r[..2].to_vec()),
        Some(vec![String::new(), "8.5万冊".to_string()]),
        "{got:?}"
    );
}
