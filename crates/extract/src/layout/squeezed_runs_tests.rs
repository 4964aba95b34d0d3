//! Tests of [`super`]: invented tables shaped like the squeezed runs of real prints.

use super::super::test_lines::{arranged, at_chars};

/// Shaped like みなと's KPI table by WeasyPrint (`pdftotext -layout`): a target cell of two
/// labelled values, wider than the target column the other rows' short values make (a
/// position covered by one line in eight or fewer is a gutter); its last word stood in
/// the gutter nearer the projects column and went to the projects list, which starts
/// there on the same line, two spaces after it.
#[test]
fn a_word_in_the_gutter_before_the_next_run_stays_with_its_run() {
    let row = |cells: [&str; 5]| {
        at_chars(&[
            (6, cells[0]),
            (29, cells[1]),
            (52, cells[2]),
            (75, cells[3]),
            (100, cells[4]),
        ])
    };
    let lines = [
        row(["項目", "基準値", "現状値", "目標", "主な具体的事業"]),
        at_chars(&[(100, "1 乳幼児健康診査")]),
        row([
            "健康診査の受診率",
            "96.1% (R元)",
            "1歳児97.0% 3歳児95.8%",
            "1歳6か月児 98.0% 3歳児 99.0%",
            "2 子育て支援センター運営",
        ]),
        row([
            "提供会員数",
            "118人 (R元)",
            "126人",
            "150人",
            "3 ファミリー・サポート",
        ]),
        row(["待機児童数", "12人 (R2)", "0人", "0人", "4 児童クラブ運営"]),
        row([
            "貸出冊数",
            "152,300冊 (R元)",
            "168,420冊",
            "170,000冊",
            "5 読書活動推進",
        ]),
        row(["出生数", "412人 (R元)", "398人", "420人", "6 出産祝い金"]),
        row([
            "転入者数",
            "1,020人 (R元)",
            "1,110人",
            "1,200人",
            "7 移住相談",
        ]),
        row(["相談件数", "85件 (R元)", "96件", "120件", "8 相談窓口運営"]),
        row(["参加者数", "230人 (R元)", "254人", "300人", "9 交流事業"]),
    ];
    let got = arranged(&lines);
    assert_eq!(
        got[1],
        [
            "健康診査の受診率",
            "96.1% (R元)",
            "1歳児97.0% 3歳児95.8%",
            "1歳6か月児 98.0% 3歳児 99.0%",
            "1 乳幼児健康診査\n2 子育て支援センター運営"
        ],
        "{got:?}"
    );
    assert_eq!(
        got[2],
        [
            "提供会員数",
            "118人 (R元)",
            "126人",
            "150人",
            "3 ファミリー・サポート"
        ]
    );
}
