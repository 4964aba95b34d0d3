//! Tests of [`super`]: a group header over several value columns, from small invented
//! tables shaped like LibreOffice prints flattened by `pdftotext -layout`.

use super::super::test_lines::{arranged, at_chars as at};

/// Issue 16 (みなと by LibreOffice and `pdftotext -layout`): the group header
/// `重要業績評価指標（KPI）`, printed above `基準値 … 目標`, starts where a value set
/// left of its column beside a wrapped name starts (`18.4% (H28)`). It made that one
/// value a column of its own, headed by the group header: the value was cut from its
/// period and the header named an empty column. A group header reaching over a column
/// the main line names heads no column of its own.
#[test]
fn a_group_header_heads_no_column_where_it_starts() {
    let lines = [
        at(&[(0, "政策分"), (41, "重要業績評価指標（KPI）")]),
        at(&[
            (0, " 野"),
            (7, "項目"),
            (48, "基準値（時点）"),
            (62, "現状値（R5）"),
            (78, "目標（R7）"),
        ]),
        at(&[(7, "市内に住所を有する 29 歳以下の")]),
        at(&[
            (0, "数値目標"),
            (41, "18.4% (H28)"),
            (62, "17.9% (R3)"),
            (78, "20.0%以上"),
        ]),
        at(&[(7, "従業者の割合")]),
        at(&[
            (7, "市民の割合"),
            (45, "31.5% (R2)"),
            (62, "33.0% (R5)"),
            (78, "40.0%"),
        ]),
        at(&[
            (7, "観光入込客数"),
            (45, "2,140千人"),
            (62, "1,872千人"),
            (78, "2,200千人"),
        ]),
        at(&[
            (7, "新規漁業就業者数"),
            (45, "3人/年"),
            (62, "5人/年"),
            (78, "6人/年"),
        ]),
    ];
    let got: Vec<Vec<String>> = arranged(&lines);
    let want: Vec<Vec<&str>> = vec![
        vec![
            "政策分 野",
            "項目",
            "基準値（時点）",
            "現状値（R5）",
            "目標（R7）",
        ],
        vec![
            "数値目標",
            "市内に住所を有する 29 歳以下の従業者の割合",
            "18.4% (H28)",
            "17.9% (R3)",
            "20.0%以上",
        ],
        vec!["", "市民の割合", "31.5% (R2)", "33.0% (R5)", "40.0%"],
        vec!["", "観光入込客数", "2,140千人", "1,872千人", "2,200千人"],
        vec!["", "新規漁業就業者数", "3人/年", "5人/年", "6人/年"],
    ];
    assert_eq!(got, want);
}
