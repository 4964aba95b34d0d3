//! Tests of [`super`]: invented tables shaped like the squeezed runs of real prints.

use super::super::test_lines::{arranged, at_chars};

/// Shaped like みなと's KPI table by WeasyPrint (`pdftotext -layout`): a target cell of two
/// labelled values, wider than the target column the other rows' short values make (a
/// position covered by one line in eight or fewer is a gutter); its last word, one space
/// after the word before it, stood in the gutter nearer the projects column and went to
/// the projects list there.
#[test]
fn a_word_in_the_gutter_short_of_the_next_column_stays_with_its_cell() {
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

/// Shaped like みどり町's KPI sheet printed by LibreOffice (`pdftotext -layout`, the
/// scripts spaced): a table of two rows, whose columns the few rows leave narrow. The
/// first row's target and current values were squeezed one space apart into the target
/// column (the current column empty on that line); the second row's values and status
/// were one run, its current value in the target column and its status in the current
/// column. A row prints its values one a column, in order.
#[test]
fn values_squeezed_into_one_run_are_cut_in_column_order() {
    let lines = [
        "令和 5 年度 あおば町 KPI 評価シート".to_string(),
        String::new(),
        "施策 2-1 観光の振興".to_string(),
        at_chars(&[(30, "基準値"), (51, "目標値"), (64, "実績値"), (82, "達成")]),
        at_chars(&[(8, "指標名"), (89, "主な取組")]),
        at_chars(&[(30, "(R 元)"), (52, "(R7)"), (65, "(R5)"), (82, "状況")]),
        at_chars(&[
            (0, "観光案内所を利用した外国人旅行者数"),
            (22, "2 千人/年"),
            (48, "6 千人/年 4 千人/年"),
            (78, "遅れ 1 観光案内所の改修事業"),
        ]),
        at_chars(&[
            (0, "町内宿泊施設の宿泊者数"),
            (
                22,
                "12,300 人 (H30 宿泊統計) 15,000 人 13,800 人 (R4 宿泊統計) 順調",
            ),
        ]),
    ];
    let got = arranged(&lines);
    assert_eq!(
        got[3..],
        [
            vec![
                "指標名",
                "基準値 (R 元)",
                "目標値 (R7)",
                "実績値 (R5)",
                "達成 状況",
                "主な取組"
            ],
            vec![
                "観光案内所を利用した外国人旅行者数",
                "2 千人/年",
                "6 千人/年",
                "4 千人/年",
                "遅れ",
                "1 観光案内所の改修事業"
            ],
            vec![
                "町内宿泊施設の宿泊者数",
                "12,300 人 (H30 宿泊統計)",
                "15,000 人",
                "13,800 人 (R4 宿泊統計)",
                "順調",
                ""
            ],
        ],
        "{got:?}"
    );
}

/// Two values in one cell stay together where the value column after it holds a value of
/// its own on the line (the run does not fill the columns it reaches), and where a note
/// goes on below (`981,736人 (高` / `田)`: the words after its bracket may be the note's).
#[test]
fn values_of_one_cell_stay_together() {
    let row = |cells: [&str; 4]| {
        at_chars(&[
            (4, cells[0]),
            (24, cells[1]),
            (44, cells[2]),
            (64, cells[3]),
        ])
    };
    let lines = [
        row(["項目", "基準値", "現状値", "目標値"]),
        row([
            "入館者数",
            "953,404人",
            "935,476人 981,736人",
            "954,000人以上",
        ]),
        at_chars(&[
            (4, "来館者数"),
            (24, "12,000人"),
            (44, "11,200人 9,800人 (高"),
        ]),
        at_chars(&[(44, "田)"), (64, "13,000人")]),
        row(["利用者数", "1,020人", "1,110人", "1,200人"]),
    ];
    let got = arranged(&lines);
    assert_eq!(
        got[1],
        [
            "入館者数",
            "953,404人",
            "935,476人 981,736人",
            "954,000人以上"
        ],
        "{got:?}"
    );
    assert_eq!(
        got[2],
        [
            "来館者数",
            "12,000人",
            "11,200人 9,800人 (高田)",
            "13,000人"
        ],
        "{got:?}"
    );
}

/// Shaped like みなと's KPI table printed by LibreOffice (`pdftotext -layout`, the scripts
/// spaced): a current value wrapped over two lines (`… 3 歳` / `児 95.5%`) set one space
/// before the target value beside it (`1 歳 8 か月児 99.0% …`). Reading the print back took
/// the space between them out (`歳 1`: where the scripts meet) and made one word across
/// the target column's start, so the current value's last label went to the target. The
/// word is cut again at the column's start, and the cut kept. The target's last label
/// (`3 歳児`), one space after its value and in the gutter short of the projects column,
/// stays in the target.
#[test]
fn a_word_read_back_across_a_column_start_is_cut_there() {
    let spaced_row = |cells: [&str; 5]| {
        at_chars(&[
            (7, cells[0]),
            (45, cells[1]),
            (68, cells[2]),
            (88, cells[3]),
            (109, cells[4]),
        ])
    };
    let lines = [
        at_chars(&[
            (24, "項目"),
            (51, "基準値（時点）"),
            (69, "現状値（R5 年度末）"),
            (95, "目標（R7）"),
            (111, "主な具体的事業"),
        ]),
        at_chars(&[
            (45, "1 歳 8 か月児 96.1% 3 歳児"),
            (68, "1 歳 8 か月児 97.0% 3 歳 1 歳 8 か月児 99.0% 3 歳児"),
        ]),
        at_chars(&[(7, "幼児健康診査の受診率"), (109, "1 幼児健康診査")]),
        at_chars(&[(45, "94.3% (R 元)"), (68, "児 95.5%"), (88, "99.0%")]),
        spaced_row([
            "提供会員数",
            "118 人 (R 元)",
            "126 人",
            "150 人",
            "2 会員の募集",
        ]),
        spaced_row([
            "待機児童数",
            "12 人 (R2)",
            "0 人",
            "0 人",
            "3 児童クラブ運営",
        ]),
        spaced_row([
            "貸出冊数",
            "152,300 冊 (R 元)",
            "168,420 冊",
            "170,000 冊",
            "4 読書活動",
        ]),
        spaced_row([
            "出生数",
            "412 人 (R 元)",
            "398 人",
            "420 人",
            "5 出産祝い金",
        ]),
        spaced_row([
            "転入者数",
            "1,020 人 (R 元)",
            "1,110 人",
            "1,200 人",
            "6 移住相談",
        ]),
        spaced_row([
            "相談件数",
            "85 件 (R 元)",
            "96 件",
            "120 件",
            "7 相談窓口運営",
        ]),
        spaced_row([
            "参加者数",
            "230 人 (R 元)",
            "254 人",
            "300 人",
            "8 交流事業",
        ]),
        spaced_row([
            "利用者数",
            "3,100 人 (R 元)",
            "3,420 人",
            "3,600 人",
            "9 施設運営",
        ]),
    ];
    let got = arranged(&lines);
    assert_eq!(
        got[1],
        [
            "幼児健康診査の受診率",
            "1 歳 8 か月児 96.1% 3 歳児 94.3% (R 元)",
            "1 歳 8 か月児 97.0% 3 歳児 95.5%",
            "1 歳 8 か月児 99.0% 3 歳児 99.0%",
            "1 幼児健康診査",
        ],
        "{got:?}"
    );
}
