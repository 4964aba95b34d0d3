//! Tests of [`super`]: space-aligned tables into rows, from small invented tables.

use super::super::test_lines::{arranged, at_chars};
use unicode_width::UnicodeWidthStr;

/// A space-aligned line: each piece starting at its display column.
fn at(pieces: &[(usize, &str)]) -> String {
    let mut line = String::new();
    for &(col, text) in pieces {
        let width = UnicodeWidthStr::width(line.as_str());
        line.push_str(&" ".repeat(col.saturating_sub(width).max(2 * usize::from(width > 0))));
        line.push_str(text);
    }
    line
}

/// Issue 16 (上越 by pdftotext and WeasyPrint): `数値目標`, printed in the label
/// column between the two headline rows it spans, was a heading line of its own, so
/// the first row was not read as a headline KPI. It labels the first row it stands
/// beside; the headings that run on into the name column stay headings.
#[test]
fn a_label_between_the_rows_it_spans_labels_the_first() {
    let row = |name, values: [&'static str; 3]| {
        at(&[
            (14, name),
            (40, values[0]),
            (54, values[1]),
            (68, values[2]),
        ])
    };
    let lines = [
        at(&[
            (0, "政策分野"),
            (14, "項目"),
            (40, "基準値"),
            (54, "現状値"),
            (68, "目標値"),
        ]),
        at(&[(0, "分野1【しごとづくり】雇用を創出する")]),
        row("就職率", ["39.8%", "36.2%", "45.7%"]),
        at(&[(0, "数値目標")]),
        row("市民の割合", ["42.2%", "35.1%", "42.2%以上"]),
        at(&[(0, "A-1 地域産業の活性化")]),
        row("認証品数", ["126品", "166品", "176品"]),
    ];
    let got = arranged(&lines);
    let want: Vec<Vec<&str>> = vec![
        vec!["政策分野", "項目", "基準値", "現状値", "目標値"],
        vec!["分野1【しごとづくり】雇用を創出する"],
        vec!["数値目標", "就職率", "39.8%", "36.2%", "45.7%"],
        vec!["", "市民の割合", "42.2%", "35.1%", "42.2%以上"],
        vec!["A-1 地域産業の活性化"],
        vec!["", "認証品数", "126品", "166品", "176品"],
    ];
    assert_eq!(got, want);
}
/// Issue 16 (柏崎 by LibreOffice): a header cell centred over right-aligned values
/// starts in the gutter before them; it made a column of its own there, so `当初`
/// and `（H30年度）` were two columns and the baseline column had no role.
#[test]
fn a_header_cell_centred_over_right_aligned_values_is_their_column() {
    let lines = [
        at_chars(&[(4, "項目"), (20, "当初"), (30, "実績値")]),
        at_chars(&[(17, "（H30年度）"), (27, "（R2年度）")]),
        at_chars(&[(4, "特許件数"), (21, "153件"), (31, "144件")]),
        at_chars(&[(4, "認定数量"), (20, "2.0トン"), (30, "7.5トン")]),
    ];
    let got = arranged(&lines);
    let want: Vec<Vec<&str>> = vec![
        vec!["項目", "当初 （H30年度）", "実績値 （R2年度）"],
        vec!["特許件数", "153件", "144件"],
        vec!["認定数量", "2.0トン", "7.5トン"],
    ];
    assert_eq!(got, want);
}
/// Issue 16 (柏崎 by LibreOffice): a row whose values line holds no name, its name
/// printed around it, lost the name's first line to the row above.
#[test]
fn a_name_printed_around_its_values_line_is_that_rows() {
    let lines = [
        at(&[(4, "項目"), (34, "当初"), (44, "目標値")]),
        at(&[(4, "特許保有件数"), (34, "153件"), (44, "200件")]),
        at(&[(4, "地域エネルギー会社の設立")]),
        at(&[(34, "-"), (44, "-")]),
        at(&[(4, "（電源エネルギー戦略室）")]),
    ];
    let got = arranged(&lines);
    let want: Vec<Vec<&str>> = vec![
        vec!["項目", "当初", "目標値"],
        vec!["特許保有件数", "153件", "200件"],
        vec!["地域エネルギー会社の設立（電源エネルギー戦略室）", "-", "-"],
    ];
    assert_eq!(got, want);
}
/// Issue 16 (上越, every form): a value wrapped over lines beside a one-line name
/// made each of its lines a row of its own (each holds values in several columns).
#[test]
fn values_wrapped_under_a_row_stay_with_it() {
    let lines = [
        at(&[(4, "項目"), (30, "当初"), (52, "目標値"), (72, "主な事業")]),
        at(&[
            (4, "児童生徒の偏差値"),
            (30, "中学校2年英語のみ"),
            (52, "小学校の各教科の"),
        ]),
        at(&[(30, "全国平均と同程度"), (52, "偏差値平均53以上")]),
        at(&[
            (30, "であるが"),
            (52, "中学校の各教科の"),
            (72, "・学力向上対策"),
        ]),
        at(&[(72, "・教育補助員配置")]),
        at(&[(30, "(H30)"), (52, "偏差値平均52以上")]),
        at(&[(4, "待機児童数"), (30, "0人 (H30)"), (52, "0人")]),
    ];
    let got = arranged(&lines);
    let want: Vec<Vec<&str>> = vec![
        vec!["項目", "当初", "目標値", "主な事業"],
        vec![
            "児童生徒の偏差値",
            // The period on a line of its own is set apart, as printed beside a value.
            "中学校2年英語のみ全国平均と同程度であるが (H30)",
            "小学校の各教科の偏差値平均53以上中学校の各教科の偏差値平均52以上",
            "・学力向上対策\n・教育補助員配置",
        ],
        vec!["待機児童数", "0人 (H30)", "0人", ""],
    ];
    assert_eq!(got, want);
}

/// Issue 16 (柏崎 by LibreOffice): the row numbers `1` / `2` / `3`, one character each on
/// consecutive lines, were read as a label printed a character a line and joined into
/// `123` on the first row (a cell the table stage took for a value, so the row was no
/// KPI). Each number stays with its row; a label printed down the column is still one.
#[test]
fn row_numbers_are_no_vertical_label() {
    let lines = [
        at(&[(0, "No"), (4, "項目"), (34, "当初"), (44, "目標値")]),
        at(&[(0, "1"), (4, "特許保有件数"), (34, "153件"), (44, "200件")]),
        at(&[(0, "2"), (4, "認定数量"), (34, "2.0トン"), (44, "10トン")]),
        at(&[(0, "3"), (4, "創業者数"), (34, "66人"), (44, "156人")]),
    ];
    let got = arranged(&lines);
    let want: Vec<Vec<&str>> = vec![
        vec!["No", "項目", "当初", "目標値"],
        vec!["1", "特許保有件数", "153件", "200件"],
        vec!["2", "認定数量", "2.0トン", "10トン"],
        vec!["3", "創業者数", "66人", "156人"],
    ];
    assert_eq!(got, want);
}

/// Issue 16 (上越 by `pdftotext -layout`): a value set one space after a long name, left
/// of the column its values start in on every other row, was cut where its second word
/// started that column (`55件` went to the name). The cut goes to the gap the other
/// rows leave empty.
#[test]
fn a_value_squeezed_after_a_long_name_is_cut_at_the_other_rows_gutter() {
    let lines = [
        at(&[(4, "項目"), (30, "当初"), (48, "現状値"), (58, "目標値")]),
        at(&[
            (4, "認定農業者数"),
            (30, "1,150人 (H31.4)"),
            (48, "842人"),
            (58, "1,040人"),
        ]),
        at(&[
            (4, "新規就農者数"),
            (30, "38人/年 (H30)"),
            (48, "29人/年"),
            (58, "31人/年"),
        ]),
        at(&[
            (4, "高校新卒者の地元就職割合"),
            (30, "73.9% (H30)"),
            (48, "78.8%"),
            (58, "80.0%"),
        ]),
        at(&[
            (4, "3代の市内企業の登録数 55件 (累計)"),
            (48, "81件"),
            (58, "73件"),
        ]),
    ];
    let got = arranged(&lines);
    assert_eq!(
        got[4],
        ["3代の市内企業の登録数", "55件 (累計)", "81件", "73件"],
        "{got:?}"
    );
}

/// Issue 16 (上越 by `pdftotext -layout`): where the other rows do not tell which gap of
/// a squeezed run is the gutter, a cell still does not start with a period: `(H30)`
/// qualifies the value before it.
#[test]
fn a_squeezed_cell_does_not_start_with_a_period() {
    let lines = [
        at(&[(4, "項目"), (30, "当初"), (48, "現状値"), (58, "目標値")]),
        at(&[
            (4, "高校新卒者の地元就職割合"),
            (30, "73.9% (H30)"),
            (48, "78.8%"),
            (58, "80.0%"),
        ]),
        at(&[
            (4, "3代の市内企業の登録数 55件 (H30)"),
            (48, "81件"),
            (58, "73件"),
        ]),
    ];
    let got = arranged(&lines);
    assert_eq!(
        got[2],
        ["3代の市内企業の登録数", "55件 (H30)", "81件", "73件"],
        "{got:?}"
    );
}

/// Issue 16 (上越 by `pdftotext -layout`): a value's second line, pushed left of its
/// column by the wrapped name beside it, joined the name, and the line (values in two
/// columns) was a row of its own. Runs are cells apart, and a line closing brackets that
/// the row line above left open goes on with that row.
#[test]
fn a_line_closing_the_brackets_of_the_row_above_goes_on_with_it() {
    let lines = [
        at(&[(4, "項目"), (30, "当初"), (50, "現状値"), (66, "目標値")]),
        at(&[
            (4, "待機児童数"),
            (30, "0人 (H30)"),
            (50, "0人"),
            (66, "0人"),
        ]),
        at(&[
            (4, "依頼会員数と提供会員数 54.1% (参考：依頼"),
            (50, "45.7% (依頼会員"),
            (66, "54.1%以上"),
        ]),
        at(&[(4, "の比率"), (26, "会員 279人) (H31.3)"), (50, "595人)")]),
        at(&[
            (4, "婚姻率"),
            (30, "4.0 (H30)"),
            (50, "3.4 (R4)"),
            (66, "4.0"),
        ]),
    ];
    let got = arranged(&lines);
    let want: Vec<Vec<&str>> = vec![
        vec!["項目", "当初", "現状値", "目標値"],
        vec!["待機児童数", "0人 (H30)", "0人", "0人"],
        vec![
            "依頼会員数と提供会員数の比率",
            "54.1% (参考：依頼会員 279人) (H31.3)",
            "45.7% (依頼会員595人)",
            "54.1%以上",
        ],
        vec!["婚姻率", "4.0 (H30)", "3.4 (R4)", "4.0"],
    ];
    assert_eq!(got, want);
}

/// Issue 16 (柏崎 by `pdftotext -layout`): `進捗` / `状況`, printed beside `目標値` on the
/// header's other lines, fell in the column of the target values squeezed against their
/// status by one space, and was dropped as a group header: the status column was lost.
#[test]
fn a_role_term_beside_a_main_term_gets_its_own_column() {
    let lines = [
        at_chars(&[(20, "当初"), (30, "前年度"), (40, "目標値")]),
        at_chars(&[(48, "進捗")]),
        at_chars(&[
            (4, "重要業績評価指標"),
            (19, "（H30）"),
            (30, "（R1）"),
            (40, "（R6）"),
        ]),
        at_chars(&[(48, "状況")]),
        at_chars(&[
            (4, "市内就職率（高校）"),
            (20, "49.0%"),
            (30, "56.6%"),
            (40, "65.0% 現状維持"),
        ]),
        at_chars(&[
            (4, "市内就職率（大学）"),
            (20, "16.4%"),
            (30, "11.7%"),
            (40, "20.0% 現状維持"),
        ]),
        at_chars(&[
            (4, "相談件数"),
            (21, "32件"),
            (31, "69件"),
            (41, "80件"),
            (48, "順調"),
        ]),
    ];
    let got = arranged(&lines);
    let want: Vec<Vec<&str>> = vec![
        vec![
            "重要業績評価指標",
            "当初 （H30）",
            "前年度 （R1）",
            "目標値 （R6）",
            "進捗 状況",
        ],
        vec!["市内就職率（高校）", "49.0%", "56.6%", "65.0%", "現状維持"],
        vec!["市内就職率（大学）", "16.4%", "11.7%", "20.0%", "現状維持"],
        vec!["相談件数", "32件", "69件", "80件", "順調"],
    ];
    assert_eq!(got, want);
}

/// Issue 16 (柏崎 by `pdftotext -layout`): a `-` set between two columns, and the words of
/// one long name spread over gutters, made columns of their own that no header names:
/// the `-` of the previous year stood in no value column. Such a column joins the nearer
/// column beside it.
#[test]
fn a_lone_word_between_columns_joins_the_nearer_one() {
    let lines = [
        at_chars(&[(30, "当初"), (40, "前年度"), (52, "目標値")]),
        at_chars(&[
            (4, "指標名"),
            (29, "（H30）"),
            (40, "（R1）"),
            (52, "（R6）"),
        ]),
        at_chars(&[
            (4, "市内就職率 (市内高等学校) の割合"),
            (30, "49.0%"),
            (40, "56.6%"),
            (52, "65.0%"),
        ]),
        at_chars(&[(4, "相談件数"), (31, "32件"), (47, "-"), (53, "80件")]),
        at_chars(&[(4, "創業者数"), (31, "66人"), (41, "77人"), (53, "156人")]),
    ];
    let got = arranged(&lines);
    let want: Vec<Vec<&str>> = vec![
        vec!["指標名", "当初 （H30）", "前年度 （R1）", "目標値 （R6）"],
        vec![
            "市内就職率 (市内高等学校) の割合",
            "49.0%",
            "56.6%",
            "65.0%",
        ],
        vec!["相談件数", "32件", "-", "80件"],
        vec!["創業者数", "66人", "77人", "156人"],
    ];
    assert_eq!(got, want);
}

/// Issue 16 (柏崎 by `pdftotext -layout`): a row centred on its numbered line, its name
/// and its values' periods printed above and below it, was read as three rows (each line
/// holds values in several columns). Lines between blank lines that hold one row number
/// are one row.
#[test]
fn lines_around_one_row_number_are_one_row() {
    let lines = [
        at_chars(&[
            (6, "項目"),
            (30, "当初"),
            (40, "前年度"),
            (50, "目標値"),
            (60, "進捗"),
        ]),
        String::new(),
        at_chars(&[(6, "女性の就業率 (15歳から"), (30, "66.7%"), (41, "-")]),
        at_chars(&[(1, "1"), (50, "73.0%"), (60, "遅延")]),
        at_chars(&[(6, "64歳まで)"), (28, "(H27調査)"), (38, "(R2調査)")]),
        String::new(),
        at_chars(&[
            (1, "2"),
            (6, "創業者数"),
            (31, "66人"),
            (41, "77人"),
            (51, "156人"),
            (60, "順調"),
        ]),
    ];
    let got = arranged(&lines);
    let want: Vec<Vec<&str>> = vec![
        vec!["", "項目", "当初", "前年度", "目標値", "進捗"],
        vec![""],
        vec![
            "1",
            "女性の就業率 (15歳から64歳まで)",
            "66.7% (H27調査)",
            "- (R2調査)",
            "73.0%",
            "遅延",
        ],
        vec![""],
        vec!["2", "創業者数", "66人", "77人", "156人", "順調"],
    ];
    assert_eq!(got, want);
}

/// Issue 16 (上越 by `pdftotext -layout`): a projects list going on between a row line
/// with open brackets and the line closing them made that line a row of its own.
#[test]
fn brackets_close_across_a_projects_line() {
    let lines = [
        at(&[(4, "項目"), (30, "当初"), (52, "現状値"), (74, "主な事業")]),
        at(&[
            (4, "在来線の利用者数"),
            (30, "3,034人 (ほくほく線:"),
            (52, "2,236人 (ほくほく線:"),
            (74, "1 バス運行対策"),
        ]),
        at(&[(74, "2 並行在来線対策")]),
        at(&[(4, "(1km当たり)"), (30, "1,395人)"), (52, "1,011人)")]),
        at(&[(4, "婚姻率"), (30, "4.0 (H30)"), (52, "3.4 (R4)")]),
    ];
    let got = arranged(&lines);
    let want: Vec<Vec<&str>> = vec![
        vec!["項目", "当初", "現状値", "主な事業"],
        vec![
            "在来線の利用者数 (1km当たり)",
            "3,034人 (ほくほく線: 1,395人)",
            "2,236人 (ほくほく線: 1,011人)",
            "1 バス運行対策\n2 並行在来線対策",
        ],
        vec!["婚姻率", "4.0 (H30)", "3.4 (R4)", ""],
    ];
    assert_eq!(got, want);
}

/// Issue 16 (上越 by LibreOffice, no rulings): the last word of a current value, `(高`,
/// stood in the gutter nearer the target column than its own and went to the target.
/// The cut may move on past words that start before the later column, to the gap the
/// other rows leave empty; never past a word that starts in it.
#[test]
fn a_cut_moves_on_past_words_standing_in_the_gutter() {
    use super::super::columns::Columns;
    use super::super::runs::{runs, Metric};
    let line = "          935人 (東) 981人 (高 954人以上";
    let run = &runs(line)[0];
    let cols = Columns {
        metric: Metric::Chars,
        extents: vec![(10, 22), (27, 40)],
        // Other rows' words cover the current column and the target column's start.
        word_cover: vec![(0, 0), (10, 2), (26, 0), (27, 2)],
    };
    let mut at = vec![0, 0, 0, 1, 1];
    super::super::squeezed_runs::settle_cuts(run, line, &cols, &mut at, &[]);
    assert_eq!(at, [0, 0, 0, 0, 1]);
}

/// Issue 16 (柏崎 by LibreOffice, no rulings): the same centred row with no blank line
/// between the rows (a PDF's rows): each numbered line is a row, the lines around it its
/// cells.
#[test]
fn numbered_rows_without_blank_lines_between() {
    let lines = [
        at_chars(&[
            (6, "項目"),
            (30, "当初"),
            (40, "前年度"),
            (50, "目標値"),
            (60, "進捗"),
        ]),
        at_chars(&[(6, "女性の就業率 (15歳から"), (30, "66.7%"), (41, "-")]),
        at_chars(&[(1, "1"), (50, "73.0%"), (60, "遅延")]),
        at_chars(&[(6, "64歳まで)"), (28, "(H27調査)"), (38, "(R2調査)")]),
        at_chars(&[
            (1, "2"),
            (6, "創業者数"),
            (31, "66人"),
            (41, "77人"),
            (51, "156人"),
            (60, "順調"),
        ]),
    ];
    let got = arranged(&lines);
    let want: Vec<Vec<&str>> = vec![
        vec!["", "項目", "当初", "前年度", "目標値", "進捗"],
        vec![
            "1",
            "女性の就業率 (15歳から64歳まで)",
            "66.7% (H27調査)",
            "- (R2調査)",
            "73.0%",
            "遅延",
        ],
        vec!["2", "創業者数", "66人", "77人", "156人", "順調"],
    ];
    assert_eq!(got, want);
}

/// Issue 16 (上越 by `pdftotext -layout`): the `-` of a missing baseline, set one space
/// after a long name, was read as the name's last word and the baseline was empty.
#[test]
fn a_dash_squeezed_after_a_name_is_the_empty_columns_value() {
    let lines = [
        at(&[(4, "項目"), (40, "当初"), (52, "現状値"), (64, "目標値")]),
        at(&[
            (4, "待機児童数"),
            (40, "0人 (H30)"),
            (52, "0人"),
            (64, "0人"),
        ]),
        at(&[
            (4, "講座を受講し地域づくりに -"),
            (52, "84.5%"),
            (64, "50.0%"),
        ]),
    ];
    let got = arranged(&lines);
    assert_eq!(
        got[2],
        ["講座を受講し地域づくりに", "-", "84.5%", "50.0%"],
        "{got:?}"
    );
}

/// Issue 16 (上越 by `pdftotext -layout`): a target value squeezed against the projects
/// list by one space kept the list's first number (`…偏差値平 1`), the item going on
/// without it. A list number starts the cell after it.
#[test]
fn a_list_number_starts_the_cell_after_it() {
    let lines = [
        at(&[(4, "項目"), (30, "目標値"), (56, "主な事業")]),
        at(&[
            (4, "地域の取組"),
            (30, "各地域の取組が継続され"),
            (56, "1 保育所整備"),
        ]),
        at(&[(4, "婚姻率"), (30, "4.0"), (56, "1 交流会")]),
        at(&[
            (4, "児童生徒の偏差値"),
            (30, "偏差値平均五三以上 1 学力向上対策"),
        ]),
        at(&[(56, "2 教育補助員配置")]),
    ];
    let got = arranged(&lines);
    assert_eq!(
        got[3],
        [
            "児童生徒の偏差値",
            "偏差値平均五三以上",
            "1 学力向上対策\n2 教育補助員配置"
        ],
        "{got:?}"
    );
}

/// Issue 16 (上越 by `pdftotext -layout`): a row's projects list, starting on the lines
/// under its values, was printed inside the target column's span and joined to the
/// target (`25団体` / `1 地域商業支援` / `2 …` as one cell). A list item alone on a row's
/// continuation line in a value column is the projects column's when the header names
/// one; a value on such a line stays in its column.
#[test]
fn a_projects_list_shifted_into_a_value_column_is_the_projects() {
    let lines = [
        at(&[
            (4, "項目"),
            (30, "当初"),
            (46, "現状値"),
            (62, "目標値"),
            (80, "主な具体的事業"),
        ]),
        at(&[
            (4, "住民組織数"),
            (30, "22団体 (H31.4)"),
            (46, "25団体"),
            (62, "25団体"),
        ]),
        at(&[(64, "1 地域商業支援")]),
        at(&[(64, "2 自主防災組織の支援")]),
        String::new(),
        at(&[
            (4, "空き家の活用件数"),
            (30, "4件 (H30)"),
            (46, "6件"),
            (62, "10件"),
            (80, "1 空き家対策"),
        ]),
        at(&[(62, "(累計)")]),
    ];
    let got = arranged(&lines);
    let want: Vec<Vec<&str>> = vec![
        vec!["項目", "当初", "現状値", "目標値", "主な具体的事業"],
        vec![
            "住民組織数",
            "22団体 (H31.4)",
            "25団体",
            "25団体",
            "1 地域商業支援\n2 自主防災組織の支援",
        ],
        vec![""],
        vec![
            "空き家の活用件数",
            "4件 (H30)",
            "6件",
            "10件 (累計)",
            "1 空き家対策",
        ],
    ];
    assert_eq!(got, want);
}

/// Issue 16 (invented みなと report by LibreOffice): the narrow first column's header
/// wraps (`政策分` over a centred `野`), and the column's cells are mostly one character
/// (`標`) or nothing, so only its left edge is covered by enough lines to be a column.
/// `野` stood in the gutter right of it and got a column of its own, and every row's
/// name moved under `野` and its values one column right. It is the second line of the
/// header cell above it.
#[test]
fn a_wrapped_header_cell_over_a_narrow_column_is_no_column_of_its_own() {
    let row = |label: &'static str, name: &'static str, values: [&'static str; 3]| {
        let mut pieces = vec![
            (10, name),
            (40, values[0]),
            (54, values[1]),
            (68, values[2]),
        ];
        if !label.is_empty() {
            pieces.insert(0, (0, label));
        }
        at(&pieces)
    };
    let mut lines = vec![
        at(&[(0, "政策分"), (40, "重要業績評価指標（KPI）")]),
        at(&[
            (2, "野"),
            (10, "項目"),
            (40, "基準値"),
            (54, "現状値"),
            (68, "目標値"),
        ]),
        row("数値目", "就職率", ["39.8%", "36.2%", "45.7%"]),
        row("標", "市民の割合", ["42.2%", "35.1%", "42.2%"]),
        row("数値目", "出生率", ["1.42", "1.36", "1.55"]),
    ];
    let names = [
        "認証品数",
        "観光客数",
        "移住者数",
        "空き家数",
        "利用者数",
        "参加者数",
        "会員数",
        "件数",
        "貸出冊数",
        "団体数",
        "事業所数",
        "雇用者数",
        "販売額",
    ];
    for name in names {
        lines.push(row("", name, ["10件", "12件", "15件"]));
    }
    let got = arranged(&lines);
    assert_eq!(got[0], ["政策分 野", "項目", "基準値", "現状値", "目標値"]);
    assert_eq!(got[1], ["数値目", "就職率", "39.8%", "36.2%", "45.7%"]);
    assert_eq!(got[3], ["数値目", "出生率", "1.42", "1.36", "1.55"]);
    assert_eq!(got[4], ["", "認証品数", "10件", "12件", "15件"]);
}

/// Issue 16 (invented みなと report by LibreOffice and WeasyPrint): the label of a cell
/// merged over a field's two headline rows wraps in its narrow column (`数値目` / `標`),
/// beside the rows or on lines of its own. It is one label, `数値目標`, of the first
/// row (the table stage carries it on); each piece alone named no headline row.
#[test]
fn a_label_wrapped_over_lines_in_a_narrow_column_is_one_label() {
    let row = |label: &'static str, name: &'static str, values: [&'static str; 3]| {
        let mut pieces = vec![
            (10, name),
            (40, values[0]),
            (54, values[1]),
            (68, values[2]),
        ];
        if !label.is_empty() {
            pieces.insert(0, (0, label));
        }
        at(&pieces)
    };
    let lines = [
        at(&[
            (0, "政策分野"),
            (10, "項目"),
            (40, "基準値"),
            (54, "現状値"),
            (68, "目標値"),
        ]),
        at(&[(0, "分野1【しごと】雇用を創出する")]),
        row("数値目", "就職率", ["39.8%", "36.2%", "45.7%"]),
        at(&[(0, "標")]),
        row("", "市民の割合", ["42.2%", "35.1%", "42.2%"]),
        at(&[(0, "A-1 地域産業の活性化")]),
        row("", "認証品数", ["126品", "166品", "176品"]),
        at(&[(0, "分野2【子育て】希望をかなえる")]),
        row("数値目", "出生率", ["1.42", "1.36", "1.55"]),
        row("標", "世帯の割合", ["62.1%", "64.8%", "70.0%"]),
    ];
    let got = arranged(&lines);
    let want: Vec<Vec<&str>> = vec![
        vec!["政策分野", "項目", "基準値", "現状値", "目標値"],
        vec!["分野1【しごと】雇用を創出する"],
        vec!["数値目標", "就職率", "39.8%", "36.2%", "45.7%"],
        vec!["", "市民の割合", "42.2%", "35.1%", "42.2%"],
        vec!["A-1 地域産業の活性化"],
        vec!["", "認証品数", "126品", "166品", "176品"],
        vec!["分野2【子育て】希望をかなえる"],
        vec!["数値目標", "出生率", "1.42", "1.36", "1.55"],
        vec!["", "世帯の割合", "62.1%", "64.8%", "70.0%"],
    ];
    assert_eq!(got, want);
}

/// Issue 16 (invented みどり町 sheet by WeasyPrint): header terms printed from their
/// cells' left, values from their right, with a gutter between them on every line.
/// Each header term had a column of its own left of its values' column, and the values
/// stood under no header (`40人` was read as the status). A header-only column beside
/// a data-only one is one column.
#[test]
fn a_header_left_of_its_right_aligned_values_is_their_column() {
    let row = |name: &'static str, values: [(usize, &'static str); 3]| {
        at(&[(0, name), values[0], values[1], values[2]])
    };
    let lines = [
        at(&[
            (0, "指標名"),
            (26, "基準値"),
            (46, "目標値"),
            (66, "実績値"),
        ]),
        row("新規就農者数", [(38, "12人"), (58, "40人"), (78, "31人")]),
        row(
            "直売所の販売額",
            [(33, "1,230千円"), (53, "1,500千円"), (73, "1,412千円")],
        ),
    ];
    let got = arranged(&lines);
    let want: Vec<Vec<&str>> = vec![
        vec!["指標名", "基準値", "目標値", "実績値"],
        vec!["新規就農者数", "12人", "40人", "31人"],
        vec!["直売所の販売額", "1,230千円", "1,500千円", "1,412千円"],
    ];
    assert_eq!(got, want);
}

/// Issue 16 (invented みどり町 sheet by WeasyPrint): a row's name centred on one line
/// between the two lines of its wrapped values (`4,210人 (H28経済` / `センサス)`). The
/// values' first line, right after a gap, stood as a row of its own; the brackets it
/// leaves open, closed on the line after the name, make it the row's first line.
#[test]
fn values_wrapped_around_a_one_line_name_are_its_row() {
    let lines = [
        at(&[
            (0, "指標名"),
            (30, "基準値"),
            (46, "目標値"),
            (62, "実績値"),
            (78, "達成状況"),
        ]),
        at(&[
            (0, "創業件数"),
            (30, "3件/年"),
            (46, "8件/年"),
            (62, "5件/年"),
        ]),
        String::new(),
        at(&[(30, "4,210人 (H28経済"), (62, "4,095人 (R3経済")]),
        at(&[(0, "従業者数"), (46, "4,300人"), (78, "遅れ")]),
        at(&[(30, "センサス)"), (62, "センサス)")]),
    ];
    let got = arranged(&lines);
    let want: Vec<Vec<&str>> = vec![
        vec!["指標名", "基準値", "目標値", "実績値", "達成状況"],
        vec!["創業件数", "3件/年", "8件/年", "5件/年", ""],
        vec![""],
        vec![
            "従業者数",
            "4,210人 (H28経済センサス)",
            "4,300人",
            "4,095人 (R3経済センサス)",
            "遅れ",
        ],
    ];
    assert_eq!(got, want);
}
