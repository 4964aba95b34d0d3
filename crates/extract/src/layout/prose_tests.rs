//! Tests of [`super`]: a table ends where the report's prose goes on.

use super::super::test_lines::{arranged, at_chars as at, progress_report_header};

/// Issue 16 (柏崎 by WeasyPrint, `pdftotext -layout`): a KPI table whose names wrap
/// around their values line, followed one blank line apart by a note and each
/// department's labels and paragraphs. The region ran on into them: the department
/// labels (`保健福祉課` from 9) bridged the gutter between the row numbers (at 10) and
/// the names (at 14), and the row number was glued to the name (`…利用者数1
/// (年度延べ人数)`). The table ends where the prose starts; the paragraph's later lines
/// may be shorter.
#[test]
fn a_table_ends_where_the_reports_prose_goes_on() {
    let paragraph = "子育て支援センターの運営を委託し、相談や講座を行ったことで利用者が増え";
    let mut lines = progress_report_header();
    lines.extend([
        at(&[(14, "子育て支援センターの年間の利用者数")]),
        at(&[
            (10, "1"),
            (37, "8,500人"),
            (48, "9,120人"),
            (59, "7,310人"),
            (70, "9,000人"),
            (81, "遅延"),
        ]),
        at(&[(14, "(延べ人数)")]),
        at(&[
            (10, "2"),
            (14, "乳幼児健診の受診率"),
            (37, "97.5%"),
            (48, "98.1%"),
            (59, "98.4%"),
            (70, "100%"),
            (81, "順調"),
        ]),
        String::new(),
        at(&[(0, "<算出方法>")]),
        at(&[(0, "受診者数÷対象者数")]),
        String::new(),
        at(&[(0, "KPIの達成に係る施策の主な取組と成果、課題と今後の展開")]),
        String::new(),
        at(&[(0, "II-1-2 (2) 子育て家庭への支援")]),
        at(&[(9, "保健福祉課"), (20, "主な取組と成果"), (30, paragraph)]),
        // A paragraph's last line, over two header cells' starts only.
        at(&[(30, "利用者の相談に応じて必要な支援につなげました。")]),
        at(&[(20, "課題")]),
        at(&[(21, "相談の多い時間帯に職員を増やし、待ち時間を減らす")]),
        at(&[(11, "今後の展開"), (21, paragraph)]),
        at(&[(21, paragraph)]),
        at(&[(11, "主な事業"), (21, "・子育て支援センター運営事業")]),
        at(&[(0, "子ども家庭課"), (11, "主な取組と成果"), (21, paragraph)]),
        at(&[(21, paragraph)]),
        at(&[(11, "課題"), (21, paragraph)]),
        at(&[(11, "今後の展開"), (21, paragraph)]),
        at(&[(11, "主な事業"), (21, "・乳幼児健診事業")]),
    ]);
    let got = arranged(&lines);
    let want: Vec<Vec<&str>> = vec![
        vec![
            "",
            "",
            "重要業績評価指標（KPI）",
            "当初 (H30)",
            "前年度 (R1)",
            "実績値 (R2)",
            "目標値 (R6)",
            "進捗 状況",
        ],
        vec![
            "",
            "1",
            "子育て支援センターの年間の利用者数 (延べ人数)",
            "8,500人",
            "9,120人",
            "7,310人",
            "9,000人",
            "遅延",
        ],
        vec![
            "",
            "2",
            "乳幼児健診の受診率",
            "97.5%",
            "98.1%",
            "98.4%",
            "100%",
            "順調",
        ],
    ];
    // The notes at the left margin before the prose stay lines of the table, in the
    // column their start makes.
    assert_eq!(got[..3], want[..]);
    // The prose is lines of their own, one cell a run, as outside any table.
    assert_eq!(got[got.len() - 1], ["主な事業", "・乳幼児健診事業"]);
}
