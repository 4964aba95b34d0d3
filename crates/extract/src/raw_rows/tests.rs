//! The `-raw` table reader on small invented texts shaped like the fixtures.

use super::*;

/// `text`'s lines, all free, read by [`read_raw_tables`]; a form feed at a line's start
/// starts a new page, as in `pdftotext` output.
fn arranged(text: &str) -> Arrangement {
    let mut page = 1;
    let lines: Vec<SourceLine> = text
        .lines()
        .map(|raw| {
            let raw = match raw.strip_prefix('\u{c}') {
                Some(rest) => {
                    page += 1;
                    rest
                }
                None => raw,
            };
            SourceLine { page, raw }
        })
        .collect();
    let mut out = Arrangement::default();
    let vocab = crate::layout::BuiltinVocabulary;
    let script_spaced = script_spacing::prints_script_spaces(&lines);
    read_raw_tables(
        &lines,
        &vec![true; lines.len()],
        &vocab,
        script_spaced,
        &mut out,
    );
    out
}

/// Each produced line's first source line and its cells' texts.
fn shown(out: &Arrangement) -> Vec<(usize, Vec<&str>)> {
    out.lines
        .iter()
        .map(|a| (a.first, a.cells.iter().map(|c| c.text.as_str()).collect()))
        .collect()
}

/// A small table as `pdftotext -raw` prints one (invented, shaped like the fixtures):
/// header terms one a line, a vertical label, a wrapped name over its values, a row with
/// a projects list, a heading.
#[test]
fn a_raw_table_becomes_lines_of_cells() {
    let text = "指標名\n基準値\n(H30)\n実績値\n(R4)\n目標値\n(R6)\n数\n値\n市内で働きたいと感じる若者\nの割合\n40.1% (R元) 38.0% 50.0%以上\n1-1 雇用の創出\n新規創業件数 12件/年 15件/年 20件/年 1 創業支援\n2 空き店舗活用\n以上";
    let out = arranged(text);
    assert_eq!(
        shown(&out),
        vec![
            (
                0,
                vec!["指標名", "基準値 (H30)", "実績値 (R4)", "目標値 (R6)"]
            ),
            (
                7,
                vec![
                    "数値",
                    "市内で働きたいと感じる若者の割合",
                    "40.1% (R元)",
                    "38.0%",
                    "50.0%以上"
                ]
            ),
            (12, vec!["1-1 雇用の創出"]),
            (
                13,
                vec![
                    "新規創業件数",
                    "12件/年",
                    "15件/年",
                    "20件/年",
                    "1 創業支援\n2 空き店舗活用"
                ]
            ),
        ]
    );
    // The table ends after its last row's lines: `以上` is left to the other readers.
    assert_eq!(out.blocks.len(), 1);
    assert_eq!(
        (out.blocks[0].first, out.blocks[0].end, out.blocks[0].form),
        (0, 15, "raw")
    );
}

/// Rows as 柏崎's report prints them in `-raw` (invented values): a row number on its
/// own line above a wrapped name, and a row whose last cells follow one a line.
#[test]
fn numbers_above_names_and_cells_one_a_line_join_their_rows() {
    let text = "重要業績評価指標（KPI）\n当初\n(H30)\n実績値\n(R2)\n目標値\n(R6)\n進捗\n状況\n1\n市内の事業所の従業者数（年\n度末）\n1,200人 1,150人 1,300人 遅延\n2\n地域エネルギー会社の設立\n- -\n設立\n（R4年）\n順調";
    let out = arranged(text);
    assert_eq!(
        shown(&out),
        vec![
            (
                0,
                vec![
                    "重要業績評価指標（KPI）",
                    "",
                    "当初 (H30)",
                    "実績値 (R2)",
                    "目標値 (R6)",
                    "進捗 状況"
                ]
            ),
            (
                9,
                vec![
                    "1",
                    "市内の事業所の従業者数（年度末）",
                    "1,200人",
                    "1,150人",
                    "1,300人",
                    "遅延"
                ]
            ),
            (
                13,
                vec![
                    "2",
                    "地域エネルギー会社の設立",
                    "-",
                    "-",
                    "設立 （R4年）",
                    "順調"
                ]
            ),
        ]
    );
}

#[test]
fn a_heading_is_not_part_of_a_wrapped_name() {
    let text = "項目 基準値 目標値\nA-1-1 地域産業の競争力強化\n市内の事業所数（従業\n員5人以上）\n120事業所 (H30) 130事業所";
    let out = arranged(text);
    let names: Vec<(usize, &str)> = out
        .lines
        .iter()
        .map(|a| (a.first, a.cells[0].text.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            (0, "項目"),
            (1, "A-1-1 地域産業の競争力強化"),
            (2, "市内の事業所数（従業員5人以上）")
        ]
    );
}

/// Invented rows: a projects item wrapped in the middle of its list and at its end,
/// before the next row's wrapped name.
#[test]
fn a_wrapped_list_item_goes_on_its_projects_cell_not_the_next_name() {
    let text = "項目 基準値 現状値 目標値\n観光施設の年間入込客数 410千人 (H30) 380千人 450千人 1 観光案内所の運営と情報発信の強化\nに向けた取組\n2 周遊バスの運行と観光地を結ぶ二次交通の確\n保\n町内の宿泊施設における外国人観光客の延べ宿泊者\n数（年間）\n1,200人 (H30) 860人 1,500人";
    let out = arranged(text);
    assert_eq!(
        shown(&out),
        vec![
            (0, vec!["項目", "基準値", "現状値", "目標値"]),
            (
                1,
                vec![
                    "観光施設の年間入込客数",
                    "410千人 (H30)",
                    "380千人",
                    "450千人",
                    "1 観光案内所の運営と情報発信の強化に向けた取組\n2 周遊バスの運行と観光地を結ぶ二次交通の確保"
                ]
            ),
            (
                5,
                vec![
                    "町内の宿泊施設における外国人観光客の延べ宿泊者数（年間）",
                    "1,200人 (H30)",
                    "860人",
                    "1,500人"
                ]
            ),
        ]
    );
}

/// A short line under a list is a one-line name when values follow it, not the
/// list's wrapped end.
#[test]
fn a_short_name_after_a_list_keeps_its_values() {
    let text = "項目 基準値 現状値 目標値\n婚姻件数 400件 380件 450件 1 結婚相談所の運営と出会いの場の創出\n婚姻率\n4.0 (H30) 3.4 4.2";
    let out = arranged(text);
    let names: Vec<&str> = out.lines.iter().map(|a| a.cells[0].text.as_str()).collect();
    assert_eq!(names, ["項目", "婚姻件数", "婚姻率"]);
}

/// A header whose last term names a projects column: a list under a row whose values
/// are all there is the row's projects cell; a value in words wrapped at its line's end
/// goes on on the next line.
#[test]
fn a_projects_column_takes_the_list_under_a_full_row() {
    let text = "指標名\n基準値\n目標値\n実績値\n評価\n主な取組\n港の定期航路数 2航路 (H30) 3航路 2航路 遅れ\n1 港湾の利用促進\n2 航路誘致\n新規創業件数 3件 8件 5件 順調";
    let out = arranged(text);
    assert_eq!(
        shown(&out),
        vec![
            (
                0,
                vec!["指標名", "基準値", "目標値", "実績値", "評価", "主な取組"]
            ),
            (
                6,
                vec![
                    "港の定期航路数",
                    "2航路 (H30)",
                    "3航路",
                    "2航路",
                    "遅れ",
                    "1 港湾の利用促進\n2 航路誘致"
                ]
            ),
            (9, vec!["新規創業件数", "3件", "8件", "5件", "順調"]),
        ]
    );
    let text = "項目 基準値 現状値 目標値\n港の定期航路数 2航路 (H30) 2航路 航路数の増加・コンテナの\n仕向け地の多様化\n1 港湾の利用促進";
    let out = arranged(text);
    assert_eq!(
        out.lines[1].cells[3].text,
        "航路数の増加・コンテナの仕向け地の多様化"
    );
}

#[test]
fn a_wrapped_name_keeps_the_space_its_brackets_have() {
    assert_eq!(
        join_name(&["協議会参加団体 (※) により新たに創出", "(刷新) された件数"]),
        "協議会参加団体 (※) により新たに創出 (刷新) された件数"
    );
    // No bracket mid-line to tell: the break before the bracket took a space.
    assert_eq!(
        join_name(&["市の支援制度を利用して創業した事業者数", "(累計)"]),
        "市の支援制度を利用して創業した事業者数 (累計)"
    );
    // A name that writes its brackets tight stays tight.
    assert_eq!(
        join_name(&["創業者数(市の支援", "(累計)"]),
        "創業者数(市の支援(累計)"
    );
}

/// Where `-raw` tables are, a list printed one item a line that the one-cell-per-line
/// reader took for a table (a header without value terms) goes back to single lines.
#[test]
fn a_list_read_as_a_one_cell_per_line_table_goes_back_to_lines() {
    let text = "項目 基準値 現状値 目標値\n新規創業件数 3件 8件 5件\n主な事業 ・創業支援事業\n・空き店舗活用事業\nI-2 雇用対策を強化する";
    let lines: Vec<SourceLine> = text
        .lines()
        .map(|raw| SourceLine { page: 1, raw })
        .collect();
    let mut out = Arrangement::default();
    // What the one-cell-per-line reader makes of lines 2..5: one row of three cells.
    out.lines.push(Arranged {
        first: 2,
        raw: lines[2..5]
            .iter()
            .map(|l| l.raw)
            .collect::<Vec<_>>()
            .join("\n"),
        cells: lines[2..5].iter().map(|l| make_cell(l.raw)).collect(),
    });
    out.blocks.push(Block {
        first: 2,
        end: 5,
        form: "lines",
        columns: Vec::new(),
        metric: "",
        headers: lines[2..5].iter().map(|l| l.raw.to_string()).collect(),
    });
    let vocab = crate::layout::BuiltinVocabulary;
    read_raw_tables(
        &lines,
        &[true, true, false, false, false],
        &vocab,
        script_spacing::prints_script_spaces(&lines),
        &mut out,
    );
    assert_eq!(
        shown(&out)[2..],
        [
            (2, vec!["主な事業 ・創業支援事業"]),
            (3, vec!["・空き店舗活用事業"]),
            (4, vec!["I-2 雇用対策を強化する"]),
        ]
    );
    assert_eq!(out.blocks.len(), 1);
}

/// Bad input: a header, then a 1 MB line of words and thousands of value lines with no
/// name. Every line is read a bounded number of times (a run of values looks at most a
/// few lines ahead; a row of values in words measures its first line once).
#[test]
fn long_lines_and_long_runs_are_read_in_bounded_work() {
    let mut text = String::from("項目 基準値 現状値 目標値\n");
    text.push_str(&"長い名前の一部 ".repeat(60_000));
    text.push('\n');
    for _ in 0..5_000 {
        text.push_str("12件 (H30) 15件\n(R4\n");
    }
    let out = arranged(&text);
    // Every line up to the table's end is kept once (the lines after it are the other
    // readers').
    let lines_kept: usize = out.lines.iter().map(|a| a.raw.lines().count()).sum();
    assert_eq!(lines_kept, out.blocks[0].end);
    assert!(out.blocks[0].end + values::MAX_VALUE_LINES >= text.lines().count());
}

/// The 数値目標 label of a merged cell as WeasyPrint prints it (invented rows): across, on
/// a line of its own (or wrapped in a narrow column) between the section heading and the
/// first row's wrapped name. The wrapped name stops at the label, a line much narrower
/// than the name's first line.
#[test]
fn a_label_printed_across_its_merged_cell_is_the_rows_label() {
    let text = "項目 基準値 現状値 目標値\n分野1【しごと】雇用を創出する\n数値目標\n市内の事業所に勤める20代・30代の従業者の割合\n（年度末）\n21.4% (H30) 20.8% 25.0%\n市内の新規学卒者の就職者数 320人 (R元) 298人 350人\n分野2【子育て】希望をかなえる\n数値目標\n合計特殊出生率 1.45 (H30) 1.38 (R4) 1.60\n分野3【まち】住み続けたいまち\n数値目\n標\n観光入込客数 2,140千人 (R元) 1,872千人 (R4) 2,200千人";
    let out = arranged(text);
    assert_eq!(
        shown(&out),
        vec![
            (0, vec!["項目", "基準値", "現状値", "目標値"]),
            (1, vec!["分野1【しごと】雇用を創出する"]),
            (
                2,
                vec![
                    "数値目標",
                    "市内の事業所に勤める20代・30代の従業者の割合（年度末）",
                    "21.4% (H30)",
                    "20.8%",
                    "25.0%"
                ]
            ),
            (
                6,
                vec![
                    "市内の新規学卒者の就職者数",
                    "320人 (R元)",
                    "298人",
                    "350人"
                ]
            ),
            (7, vec!["分野2【子育て】希望をかなえる"]),
            (
                8,
                vec![
                    "数値目標",
                    "合計特殊出生率",
                    "1.45 (H30)",
                    "1.38 (R4)",
                    "1.60"
                ]
            ),
            (10, vec!["分野3【まち】住み続けたいまち"]),
            // Wrapped in a narrow column.
            (
                11,
                vec![
                    "数値目標",
                    "観光入込客数",
                    "2,140千人 (R元)",
                    "1,872千人 (R4)",
                    "2,200千人"
                ]
            ),
        ]
    );
}

/// A row the page break cut (invented, as WeasyPrint splits a table row): its values end
/// one page, its wrapped name starts the next, right above the next row's wrapped name.
/// Each name is its own lines: a wrapped name's lines are as wide as the one above but the
/// last, so the narrow line ends the first name.
#[test]
fn a_row_cut_by_a_page_break_takes_its_name_from_the_next_page() {
    let text = "項目 基準値 現状値 目標値\nC-2-1 まちづくりへの参画\n120件/年 (H30) 85件/年 150件/年\n\u{c}市民活動サポートセンターが受けた相談と団体の\n登録件数\n地域の講座を受講して地域活動に参加するようにな\nった市民の割合\n- 62.0% 50.0%";
    let out = arranged(text);
    assert_eq!(
        shown(&out),
        vec![
            (0, vec!["項目", "基準値", "現状値", "目標値"]),
            (1, vec!["C-2-1 まちづくりへの参画"]),
            (
                2,
                vec![
                    "市民活動サポートセンターが受けた相談と団体の登録件数",
                    "120件/年 (H30)",
                    "85件/年",
                    "150件/年"
                ]
            ),
            (
                5,
                vec![
                    "地域の講座を受講して地域活動に参加するようになった市民の割合",
                    "-",
                    "62.0%",
                    "50.0%"
                ]
            ),
        ]
    );
    // With no page break the values have no name: they stay a line of their own.
    let out = arranged(&text.replace('\u{c}', ""));
    assert_eq!(shown(&out)[2], (2, vec!["120件/年 (H30) 85件/年 150件/年"]));
}

/// A row of values in parts (invented, shaped like the fixtures') under a row of values
/// in words and its projects list, whose last item wrapped: the item's narrow end is left
/// out of the row, and the second value and the third's first line, on one line, are cut
/// by their figures.
#[test]
fn a_row_in_parts_under_a_wrapped_list_item_is_read() {
    let text = "項目 基準値 現状値 目標値\n地域運営組織の設立・運営 町内8地区において住民主体の\n地域運営組織が設立され活動し\nている状態 (H30)\n全地区で住民主体の活動が継続\nされている状態\n全地区で住民主体の活動が\n継続されている状態\n1 地域運営組織の支援\n2 地域の担い手となる人材の育成に向けた研修の実\n施\n朝食を毎日食べる児童生徒の割合 小学5年生91.2% 中学2年生\n86.4% (H30)\n小学5年90.5% 中学2年84.9% 小学5年生 95.0% 中学2年\n生 90.0%\n婚姻件数 400件 380件 450件";
    let out = arranged(text);
    let rows: Vec<(usize, Vec<&str>)> = shown(&out)
        .into_iter()
        .filter(|(_, cells)| cells.len() > 1)
        .collect();
    assert_eq!(rows[1].0, 1);
    assert_eq!(
        rows[2],
        (
            11,
            vec![
                "朝食を毎日食べる児童生徒の割合",
                "小学5年生91.2% 中学2年生86.4% (H30)",
                "小学5年90.5% 中学2年84.9%",
                "小学5年生 95.0% 中学2年生 90.0%"
            ]
        )
    );
    assert_eq!(rows[3].0, 15);
}

/// A header over two rows (invented, shaped like the fixtures'): the projects term is in
/// the upper row, printed before the name line. A list under a full row is its projects
/// cell, under a row of numbers and under a row of values in parts (read from the lines
/// left over), an item's narrow wrapped end joined to it.
#[test]
fn a_projects_term_in_the_upper_header_row_takes_the_lists() {
    let text = "政策分野\n重要業績評価指標（KPI）\n主な具体的事業\n項目 基準値（時点） 現状値（R5年度末） 目標（R7）\n新規漁業就業者数 3人/年 (R元) 5人/年 6人/年\n1 漁業就業者への研修支援\n2 漁船・漁具の取得支援\n乳幼児健康診査の受診率\n1歳6か月児96.1% 3歳児94.3%\n(R元)\n1歳6か月児97.0% 3歳児95.8% 1歳6か月児 98.0% 3歳児 98.0%\n1 乳幼児健康診査\n2 子育て世代包括支援セン\nター運営\n放課後児童クラブの待機児童数 12人 (R2) 0人 0人 3 放課後児童クラブ運営";
    let out = arranged(text);
    let rows: Vec<(usize, Vec<&str>)> = shown(&out)
        .into_iter()
        .filter(|(_, cells)| cells.len() > 1)
        .collect();
    assert_eq!(
        rows[1..],
        [
            (
                4,
                vec![
                    "新規漁業就業者数",
                    "3人/年 (R元)",
                    "5人/年",
                    "6人/年",
                    "1 漁業就業者への研修支援\n2 漁船・漁具の取得支援"
                ]
            ),
            (
                7,
                vec![
                    "乳幼児健康診査の受診率",
                    "1歳6か月児96.1% 3歳児94.3% (R元)",
                    "1歳6か月児97.0% 3歳児95.8%",
                    "1歳6か月児 98.0% 3歳児 98.0%",
                    "1 乳幼児健康診査\n2 子育て世代包括支援センター運営"
                ]
            ),
            (
                14,
                vec![
                    "放課後児童クラブの待機児童数",
                    "12人 (R2)",
                    "0人",
                    "0人",
                    "3 放課後児童クラブ運営"
                ]
            ),
        ]
    );
}

/// A projects list whose next item's text reads as a value (`3 6次産業化`: a number and a
/// short "unit"), after an item's narrow wrapped end (invented, shaped like the fixtures'):
/// the numbering goes on, so it is the list's next item, not a row of values.
#[test]
fn the_next_item_of_a_list_stays_in_it_where_its_text_reads_as_a_value() {
    let text = "項目 基準値 現状値 目標値 主な具体的事業\n農地の集積率 68.4% (H30) 75.4% 90.0% 1 新品種による地域農業の競争力強化\n2 地域食材を活用した特産品の開発・販路拡\n大\n3 6次産業化\n4 園芸振興\n新規就農者数 38人/年 (H30) 29人/年 31人/年";
    let out = arranged(text);
    assert_eq!(
        shown(&out)[1..],
        [
            (
                1,
                vec![
                    "農地の集積率",
                    "68.4% (H30)",
                    "75.4%",
                    "90.0%",
                    "1 新品種による地域農業の競争力強化\n2 地域食材を活用した特産品の開発・販路拡大\n3 6次産業化\n4 園芸振興"
                ]
            ),
            (
                6,
                vec!["新規就農者数", "38人/年 (H30)", "29人/年", "31人/年"]
            ),
        ]
    );
}

/// A page break with the header printed again (invented, shaped like the fixtures'): the
/// projects list of the last row with one above goes on under the repeated header,
/// numbered on; the next table's rows are its own.
#[test]
fn a_list_cut_by_a_repeated_header_goes_on_with_its_row() {
    let text = "主な具体的事業\n項目 基準値 現状値 目標値\n農地の集積率 68.4% (H30) 75.4% 90.0% 1 新品種による競争力強化\n2 農産物販売促進\n認定農業者数 1,150人 842人 1,040人\n\u{c}主な具体的事業\n項目 基準値 現状値 目標値\n3 園芸振興\n4 担い手育成確保支援\n新規就農者数 38人/年 (H30) 29人/年 31人/年";
    let out = arranged(text);
    let rows: Vec<(usize, Vec<&str>)> = shown(&out)
        .into_iter()
        .filter(|(_, cells)| cells.len() > 1)
        .collect();
    assert_eq!(
        rows,
        [
            (1, vec!["項目", "基準値", "現状値", "目標値"]),
            (
                2,
                vec![
                    "農地の集積率",
                    "68.4% (H30)",
                    "75.4%",
                    "90.0%",
                    "1 新品種による競争力強化\n2 農産物販売促進\n3 園芸振興\n4 担い手育成確保支援"
                ]
            ),
            (4, vec!["認定農業者数", "1,150人", "842人", "1,040人"]),
            (6, vec!["項目", "基準値", "現状値", "目標値"]),
            (
                9,
                vec!["新規就農者数", "38人/年 (H30)", "29人/年", "31人/年"]
            ),
        ]
    );
    // Every line of the two tables is shown once (the `主な具体的事業` lines above their
    // headers are the other readers').
    let lines_kept: usize = out.lines.iter().map(|a| a.raw.lines().count()).sum();
    assert_eq!(lines_kept, text.lines().count() - 2);
}

/// Whether a text prints a space wherever Japanese meets Latin letters or digits: nearly
/// every meeting spaced, and often enough to tell (invented lines).
#[test]
fn a_text_prints_script_spaces_when_nearly_every_meeting_is_spaced() {
    let lines_of = |text: &'static str| -> Vec<SourceLine<'static>> {
        text.lines()
            .map(|raw| SourceLine { page: 1, raw })
            .collect()
    };
    let spaced = lines_of("令和 5 年度 KPI 評価シート\n保育所の待機児童数 8 人 (H30) 0 人 2 人\n子育て支援センターの利用者数 5,420 人 6,000 人 5,810 人");
    assert!(script_spacing::prints_script_spaces(&spaced));
    // The same lines printed tight, and a text that does both.
    let tight = lines_of("令和5年度 KPI評価シート\n保育所の待機児童数 8人 (H30) 0人 2人\n子育て支援センターの利用者数 5,420人 6,000人 5,810人");
    assert!(!script_spacing::prints_script_spaces(&tight));
    let mixed = lines_of("令和 5 年度 KPI 評価シート\n保育所の待機児童数 8人 (H30) 0人 2人\n子育て支援センターの利用者数 5,420 人 6,000 人 5,810 人");
    assert!(!script_spacing::prints_script_spaces(&mixed));
    // Too few meetings to tell.
    assert!(!script_spacing::prints_script_spaces(&spaced[..1]));
}

/// A line of such a text read back where the value grammar tells (invented lines): a
/// number and its unit word are one value, a bracketed note one word, the name before the
/// first value one text; a cell boundary where the scripts meet keeps its space.
#[test]
fn a_script_spaced_line_is_read_by_the_value_grammar() {
    use script_spacing::tighten_line;
    assert_eq!(
        tighten_line("保育所の待機児童数 8 人 (H30) 0 人 2 人 遅れ 1 保育士の確保支援"),
        "保育所の待機児童数 8人 (H30) 0人 2人 遅れ 1 保育士の確保支援"
    );
    // Values one after another in one unit: each its own.
    assert_eq!(
        tighten_line("空き店舗の活用件数 2 件/年 6 件/年 4 件/年"),
        "空き店舗の活用件数 2件/年 6件/年 4件/年"
    );
    // A note in brackets, also one left open at the line's end.
    assert_eq!(
        tighten_line("1,250 人 (H28 経済センサス) 5,810 人 (R5 見"),
        "1,250人 (H28経済センサス) 5,810人 (R5見"
    );
    assert_eq!(tighten_line("(R 元)"), "(R元)");
    // Figures inside the name: the name is one text; a row number before it keeps its
    // space.
    assert_eq!(
        tighten_line("住民のうち 18 歳未満の子がいる世帯の割合 48.2% (R2) 60.0%"),
        "住民のうち18歳未満の子がいる世帯の割合 48.2% (R2) 60.0%"
    );
    assert_eq!(
        tighten_line("2 働きやすいと感じる 20 代・30 代の割合 31.0% 40.0%"),
        "2 働きやすいと感じる20代・30代の割合 31.0% 40.0%"
    );
    // A list item whose text reads as a number and a unit keeps its space; so does a
    // heading with no value.
    assert_eq!(tighten_line("3 商店街"), "3 商店街");
    assert_eq!(
        tighten_line("3 出生数 120 人 (H30) 130 人"),
        "3 出生数 120人 (H30) 130人"
    );
    assert_eq!(tighten_line("3 満足度 45.0% 50.0%"), "3 満足度 45.0% 50.0%");
    // A value that starts the line: a note or a value in its unit follows.
    assert_eq!(tighten_line("12 人 (H30) 15 人"), "12人 (H30) 15人");
    assert_eq!(tighten_line("0 人 0 人"), "0人 0人");
    // A target with a comparator is in the unit of the value before it.
    assert_eq!(
        tighten_line("体験型観光の参加者数 100 人 120 人以上"),
        "体験型観光の参加者数 100人 120人以上"
    );
    assert_eq!(
        tighten_line("施策 2-1 子育て支援の充実"),
        "施策 2-1 子育て支援の充実"
    );
    // Values in parts (a label with a number before each figure) are tightened whole.
    assert_eq!(tighten_line("3 歳児 85.1% 5 歳児"), "3歳児85.1% 5歳児");
    assert_eq!(
        tighten_line("小学 4 年生 72.3% 中学 1"),
        "小学4年生72.3% 中学1"
    );
    // One printed cell: every meeting of the scripts is tight.
    assert_eq!(
        script_spacing::tighten("現状値（R5 年度末）"),
        "現状値（R5年度末）"
    );
}

/// A `-raw` table from a print that spaces the scripts (invented, shaped like the
/// LibreOffice prints): header terms one a line with an era label `(R 元)`, a row whose
/// last value wrapped onto the lines after its name's line (`(R5 見` / `込)`) and whose
/// status stands on a line of its own, a name with a figure in it.
#[test]
fn a_script_spaced_raw_table_reads_as_the_printed_cells() {
    let text = "令和 5 年度 さくら町総合戦略 KPI 評価シート\n施策 2-1 子育て支援の充実\n指標名\n基準値\n(R 元)\n目標値\n(R7)\n実績値\n(R5)\n達成\n状況\n主な取組\n保育所の待機児童数 8 人 (H30) 0 人 2 人 遅れ 1 保育士の確保支援\n子育て支援センターの年間利用者数 4,980 人 6,000 人\n5,810 人 (R5 見\n込)\n順調\n2 子育て支援センターの運営\n住民のうち 18 歳未満の子がいる世帯で子育てしやすいと感じる割合 48.2% (R2) 60.0% 52.4% 順調";
    let out = arranged(text);
    // The title and the heading above the header are the other readers'.
    assert_eq!(
        shown(&out),
        [
            (
                2,
                vec![
                    "指標名",
                    "基準値 (R元)",
                    "目標値 (R7)",
                    "実績値 (R5)",
                    "達成 状況",
                    "主な取組"
                ]
            ),
            (
                12,
                vec![
                    "保育所の待機児童数",
                    "8人 (H30)",
                    "0人",
                    "2人",
                    "遅れ",
                    "1 保育士の確保支援"
                ]
            ),
            (
                13,
                vec![
                    "子育て支援センターの年間利用者数",
                    "4,980人",
                    "6,000人",
                    "5,810人 (R5見込)",
                    "順調",
                    "2 子育て支援センターの運営"
                ]
            ),
            (
                18,
                vec![
                    "住民のうち18歳未満の子がいる世帯で子育てしやすいと感じる割合",
                    "48.2% (R2)",
                    "60.0%",
                    "52.4%",
                    "順調"
                ]
            ),
        ]
    );
    // The lines keep their printed text.
    assert_eq!(
        out.lines[1].raw,
        "保育所の待機児童数 8 人 (H30) 0 人 2 人 遅れ 1 保育士の確保支援"
    );
}

/// A row whose line ends with value columns left goes on with the values on the lines
/// after it, in a text printed tight too (invented).
#[test]
fn a_row_goes_on_with_values_wrapped_under_its_line() {
    let text = "項目 基準値 現状値 目標値\n観光入込客数 1,240千人 (H30) 1,105千人\n(R4見込)\n1,400千人\n空き家の成約件数 12件 (R元) 30件 40件";
    let out = arranged(text);
    assert_eq!(
        shown(&out)[1..],
        [
            (
                1,
                vec![
                    "観光入込客数",
                    "1,240千人 (H30)",
                    "1,105千人 (R4見込)",
                    "1,400千人"
                ]
            ),
            (4, vec!["空き家の成約件数", "12件 (R元)", "30件", "40件"]),
        ]
    );
}

/// A row in parts after a table's last row, at the end of its page before the header is
/// printed again, is read (invented, in a print that spaces the scripts); narrative text
/// after the last row is not read as a row in words.
#[test]
fn a_row_in_parts_that_ends_the_page_is_read() {
    let text = "項目 基準値（時点） 現状値（R5 年度末） 目標（R7）\n放課後児童クラブの登録児童数 214 人 (R 元) 236 人 250 人\nむし歯のない子どもの割合\n3 歳児 85.1% 5 歳児\n62.0% (R 元)\n3 歳児 88.4% 5 歳\n児 66.3%\n3 歳児 90.0% 5 歳児\n70.0%\n\u{c}項目 基準値（時点） 現状値（R5 年度末） 目標（R7）\n図書館の年間貸出冊数 98,400 冊 (R 元) 101,250 冊 110,000 冊";
    let out = arranged(text);
    let rows: Vec<(usize, Vec<&str>)> = shown(&out)
        .into_iter()
        .filter(|(_, cells)| cells.len() > 1)
        .collect();
    assert_eq!(
        rows[2],
        (
            2,
            vec![
                "むし歯のない子どもの割合",
                "3歳児85.1% 5歳児62.0% (R元)",
                "3歳児88.4% 5歳児66.3%",
                "3歳児90.0% 5歳児70.0%"
            ]
        )
    );
    assert_eq!(rows[4].1[0], "図書館の年間貸出冊数");
    // Narrative lines after the last row, on its page, stay lines of their own.
    let narrative = "項目 基準値 現状値 目標値\n婚姻件数 400件 380件 450件\n婚姻件数は横ばいで推移しており、出会いの場の\n創出に向けた取組を進める必要があります。\n結婚支援の相談窓口を設け、相談件数は増加して\nおり、成婚に結びつく例も見られました。";
    let out = arranged(narrative);
    assert_eq!(out.blocks[0].end, 2);
    assert!(shown(&out)[2..].iter().all(|(_, cells)| cells.len() == 1));
}
