//! Tests of [`super`]: which lines of a space-aligned table make one row, from small
//! invented tables set as `pdftotext -layout` sets them.

use super::super::test_lines::{arranged, at_chars};

/// The cells of [`header`].
const HEADER_CELLS: [&str; 6] = [
    "政策分野",
    "項目",
    "基準値（時点）",
    "現状値（R5年度末）",
    "目標（R7）",
    "主な具体的事業",
];

/// The header of a KPI progress table, one line.
fn header() -> String {
    at_chars(&[
        (0, "政策分野"),
        (8, "項目"),
        (29, "基準値（時点）"),
        (52, "現状値（R5年度末）"),
        (75, "目標（R7）"),
        (100, "主な具体的事業"),
    ])
}

/// Values in labelled parts wrapped over two lines in a narrow column, the row's one-line
/// name centred between them (shaped like the みなと -layout prints, issue 17): the
/// name's line holds only the current value, so it was no row of its own and the lines
/// around it were two rows.
#[test]
fn a_name_centred_between_a_values_two_lines_is_one_row() {
    let lines = [
        header(),
        at_chars(&[(0, "B-2-1 健やかな体づくり")]),
        at_chars(&[
            (29, "小学5年生88.2% 中学2年生"),
            (75, "小学5年生 92.0% 中学2年生"),
            (100, "1 食育推進"),
        ]),
        at_chars(&[
            (6, "朝食を毎日食べている児童生徒の割合"),
            (52, "小学5年87.5% 中学2年80.1%"),
        ]),
        at_chars(&[
            (29, "79.4% (R元)"),
            (75, "85.0%"),
            (100, "2 学校給食の充実"),
        ]),
        at_chars(&[
            (6, "体力テストの総合評価が上位の児童の割合"),
            (29, "41.3% (R元)"),
            (52, "43.0%"),
            (75, "50.0%"),
            (100, "3 運動機会の確保"),
        ]),
    ];
    let got = arranged(&lines);
    let want: Vec<Vec<&str>> = vec![
        HEADER_CELLS.to_vec(),
        vec!["B-2-1 健やかな体づくり"],
        vec![
            "",
            "朝食を毎日食べている児童生徒の割合",
            "小学5年生88.2% 中学2年生79.4% (R元)",
            "小学5年87.5% 中学2年80.1%",
            "小学5年生 92.0% 中学2年生 85.0%",
            "1 食育推進\n2 学校給食の充実",
        ],
        vec![
            "",
            "体力テストの総合評価が上位の児童の割合",
            "41.3% (R元)",
            "43.0%",
            "50.0%",
            "3 運動機会の確保",
        ],
    ];
    assert_eq!(got, want);
}

/// A row whose values wrap past its name's second line (top aligned, the lines
/// interleaved): its values' second line leaves a value open above the name's last piece,
/// and the line below closes it. The three lines stay the row above's; the name's last
/// piece is no row of its own.
#[test]
fn a_values_line_going_on_from_the_row_above_is_not_taken_by_the_name_below_it() {
    let lines = [
        header(),
        at_chars(&[(0, "C-3-1 公共交通の利用促進")]),
        at_chars(&[
            (6, "市内を運行する路線バスの年"),
            (29, "1,820千人"),
            (52, "1,655千人"),
            (75, "1,900千人"),
            (100, "1 路線バス運行支援"),
        ]),
        at_chars(&[(29, "(R元年度、市交通"), (52, "(R4)")]),
        at_chars(&[(6, "間利用者数")]),
        at_chars(&[(29, "政策課調べ)")]),
        at_chars(&[
            (6, "デマンド交通の登録者数"),
            (29, "420人 (R元)"),
            (52, "515人"),
            (75, "600人"),
            (100, "2 デマンド交通運行"),
        ]),
    ];
    let got = arranged(&lines);
    let want: Vec<Vec<&str>> = vec![
        HEADER_CELLS.to_vec(),
        vec!["C-3-1 公共交通の利用促進"],
        vec![
            "",
            "市内を運行する路線バスの年間利用者数",
            "1,820千人 (R元年度、市交通政策課調べ)",
            "1,655千人 (R4)",
            "1,900千人",
            "1 路線バス運行支援",
        ],
        vec![
            "",
            "デマンド交通の登録者数",
            "420人 (R元)",
            "515人",
            "600人",
            "2 デマンド交通運行",
        ],
    ];
    assert_eq!(got, want);
}
