//! Tests of [`super`]: tables without rulings, from glyphs drawn by hand.

use super::*;

/// Glyphs drawn left to right from `x`, each `advance` wide, a space glyph where the
/// text has one (as WeasyPrint draws `（K P I）`).
fn drawn(text: &str, x: f64, em: f64, space: f64) -> BaselineRow {
    let mut glyphs = Vec::new();
    let mut at = x;
    for c in text.chars() {
        let width = if c.is_ascii() { 0.65 * em } else { em };
        let width = if c == ' ' { space * em } else { width };
        glyphs.push(Glyph {
            text: c.to_string(),
            x0: at,
            x1: at + width,
            top: 100.0,
            bottom: 100.0 + em,
            size: em,
            upright: true,
            font: "F1".to_string(),
        });
        at += width;
    }
    let tables = vec![None; glyphs.len()];
    BaselineRow {
        glyphs,
        top: 100.0,
        bottom: 100.0 + em,
        tables,
        cell_starts: Vec::new(),
    }
}

/// Glyphs of one text row: each piece drawn from its x, wide characters one em wide,
/// others 0.6 em.
fn text_row(pieces: &[(f64, &str)], top: f64, em: f64) -> Vec<Glyph> {
    let mut glyphs = Vec::new();
    for &(x, text) in pieces {
        let mut at = x;
        for c in text.chars() {
            let width = if c.is_ascii() { 0.6 * em } else { em };
            glyphs.push(Glyph {
                text: c.to_string(),
                x0: at,
                x1: at + width,
                top,
                bottom: top + em,
                size: em,
                upright: true,
                font: "F1".to_string(),
            });
            at += width;
        }
    }
    glyphs
}

/// A page of rows, `rows[i]` at `100 + 15 i`, read without rulings.
fn page(rows: &[&[(f64, &str)]], em: f64) -> PositionedPage {
    let glyphs: Vec<Glyph> = rows
        .iter()
        .enumerate()
        .flat_map(|(i, r)| text_row(r, 100.0 + 15.0 * i as f64, em))
        .collect();
    position_page(glyphs, Vec::new(), 0, Vec::new(), &[])
}

fn kpi_row<'a>(name: &'a str, values: [&'a str; 3]) -> [(f64, &'a str); 4] {
    [
        (50.0, name),
        (200.0, values[0]),
        (300.0, values[1]),
        (400.0, values[2]),
    ]
}

const HEADER: [(f64, &str); 4] = [
    (50.0, "項目"),
    (200.0, "基準値"),
    (300.0, "現状値"),
    (400.0, "目標値"),
];

fn texts(line: &PageLine) -> Vec<&str> {
    line.cells.iter().map(|c| c.text.as_str()).collect()
}

/// Issue 16 (上越 by WeasyPrint): the table goes on over pages that do not print its
/// header again; those pages' rows were split at wide gaps, not read in columns.
#[test]
fn a_table_continued_without_its_header_reads_under_the_header_before() {
    let em = 10.0;
    let first = page(
        &[
            &HEADER,
            &kpi_row("就職率", ["39.8%", "36.2%", "45.7%"]),
            &kpi_row("製造業従業員数", ["16,686人", "16,003人", "18,064人"]),
        ],
        em,
    );
    let read = first.read(None).unwrap();
    assert_eq!(read.regions.len(), 1);
    let carry = read.carry.expect("the table runs to the page's foot");
    // The next page: a row whose name wraps, then a row; no header.
    let next = page(
        &[
            &kpi_row("認定農業者等の担い手", ["68.4%", "75.4%", "90.0%"]),
            &[(50.0, "への農地集積率")],
            &kpi_row("新規就農者数", ["38人/年", "29人/年", "31人/年"]),
        ],
        em,
    );
    let alone = next.read(None).unwrap();
    assert!(alone.regions.is_empty() && alone.open);
    let continued = next.read(Some(&carry)).unwrap();
    assert_eq!(continued.regions.len(), 1);
    let lines: Vec<Vec<&str>> = continued.lines.iter().map(texts).collect();
    // The carried header comes first, above the page's first row, as if printed again.
    assert_eq!(
        lines,
        [
            vec!["項目", "基準値", "現状値", "目標値"],
            vec![
                "認定農業者等の担い手への農地集積率",
                "68.4%",
                "75.4%",
                "90.0%"
            ],
            vec!["新規就農者数", "38人/年", "29人/年", "31人/年"],
        ]
    );
    assert!(continued.lines[0].top < continued.lines[1].top);
    assert!(continued.carry.is_some(), "and on to the page after");
    // A page printed at another size is not the same table.
    let larger = page(&[&kpi_row("新規就農者数", ["38人", "29人", "31人"])], 14.0);
    assert!(larger.read(Some(&carry)).is_none());
}

/// Text well below a table (more than a page number or a note) ends it: nothing is
/// carried to the next page.
#[test]
fn a_table_followed_by_text_carries_no_header() {
    let mut rows: Vec<&[(f64, &str)]> = vec![&HEADER];
    let row = kpi_row("就職率", ["39.8%", "36.2%", "45.7%"]);
    rows.push(&row);
    // Three blank rows' height, then three lines of running text.
    let gap: [(f64, &str); 0] = [];
    rows.extend([&gap[..], &gap[..], &gap[..]]);
    let prose = [(50.0, "本市の総合戦略は、")];
    rows.extend([&prose[..], &prose[..], &prose[..]]);
    let read = page(&rows, 10.0).read(None).unwrap();
    assert_eq!(read.regions.len(), 1);
    assert!(read.carry.is_none());
}

/// Regression (issue 16, 柏崎 by WeasyPrint): the letter-spaced header term was split
/// into columns `最重要業績評価指標（K` | `P I）`.
#[test]
fn a_letter_spaced_header_term_is_one_word() {
    let em = 8.5;
    let row = position(
        &drawn("最重要業績評価指標（K P I）", 160.0, em, 0.23),
        em / 2.0,
        false,
    );
    assert_eq!(row.raw, "最重要業績評価指標（K P I）");
    assert_eq!(row.runs.len(), 1);
    assert_eq!(row.runs[0].words.len(), 1, "{:?}", row.runs[0].words);
    // Not a header term: the letters stay words.
    let row = position(&drawn("町内 A 地区", 160.0, em, 0.23), em / 2.0, false);
    assert_eq!(row.runs[0].words.len(), 3);
    // Spaces of a word gap (not narrow): words, even in a header term.
    let row = position(&drawn("指標 K P I", 160.0, em, 0.5), em / 2.0, false);
    assert_eq!(row.runs[0].words.len(), 4);
}

/// Issue 16 (柏崎 by WeasyPrint): a header printed at a page's foot, its rows all on the
/// next page, was carried to no page (only tables with rows were).
#[test]
fn a_header_at_the_foot_of_a_page_is_carried() {
    let em = 10.0;
    let prose = [(50.0, "本市の総合戦略は、次のとおりです。")];
    let gap: [(f64, &str); 0] = [];
    let first = page(&[&prose, &gap, &gap, &HEADER], em);
    let read = first.read(None).unwrap();
    assert!(read.regions.is_empty());
    let carry = read.carry.expect("the header at the foot is carried");
    let next = page(
        &[&kpi_row("新規就農者数", ["38人/年", "29人/年", "31人/年"])],
        em,
    );
    let continued = next.read(Some(&carry)).unwrap();
    let lines: Vec<Vec<&str>> = continued.lines.iter().map(texts).collect();
    assert_eq!(
        lines,
        [
            vec!["項目", "基準値", "現状値", "目標値"],
            vec!["新規就農者数", "38人/年", "29人/年", "31人/年"],
        ]
    );
    // A header with rows of text under it heads no next page.
    let first = page(&[&HEADER, &gap, &gap, &prose, &prose, &prose], em);
    assert!(first.read(None).unwrap().carry.is_none());
}

/// Issue 16 (柏崎 by WeasyPrint and LibreOffice): a header drawn as a ruled band (a
/// shaded header of three lines) over two borderless rows was left to the plain reading,
/// its lines outnumbering the rows: the row number stayed glued to the name.
#[test]
fn a_ruled_header_band_over_few_unruled_rows_is_read_as_one_table() {
    let em = 10.0;
    let header: [&[(f64, &str)]; 3] = [
        &[(200.0, "当初"), (300.0, "実績値"), (400.0, "目標値")],
        &[
            (50.0, "重要業績評価指標"),
            (200.0, "(H30)"),
            (300.0, "(R2)"),
            (400.0, "(R6)"),
        ],
        &[(200.0, "(2018)"), (300.0, "(2020)"), (400.0, "(2024)")],
    ];
    let ruled: Vec<(usize, Glyph)> = header
        .iter()
        .enumerate()
        .flat_map(|(i, r)| text_row(r, 100.0 + 15.0 * i as f64, em))
        .map(|g| (0, g))
        .collect();
    let rows: [[(f64, &str); 5]; 2] = [
        [
            (30.0, "1"),
            (50.0, "特許保有件数"),
            (200.0, "153件"),
            (300.0, "144件"),
            (400.0, "200件"),
        ],
        [
            (30.0, "2"),
            (50.0, "認定数量"),
            (200.0, "2.0トン"),
            (300.0, "7.5トン"),
            (400.0, "10トン"),
        ],
    ];
    let stream: Vec<Glyph> = rows
        .iter()
        .enumerate()
        .flat_map(|(i, r)| text_row(r, 145.0 + 15.0 * i as f64, em))
        .collect();
    let read = position_page(stream, ruled, 1, Vec::new(), &[])
        .read(None)
        .unwrap();
    assert_eq!(read.regions.len(), 1, "read as one table");
    assert_eq!(read.taken, [true], "the header band is part of it");
    let lines: Vec<Vec<&str>> = read.lines.iter().map(texts).collect();
    assert_eq!(lines[1], ["1", "特許保有件数", "153件", "144件", "200件"]);
    assert_eq!(lines[2], ["2", "認定数量", "2.0トン", "7.5トン", "10トン"]);
}

/// One text row of [`page_at`]: its top, its size of type and its pieces.
type SizedRow<'a> = (f64, f64, &'a [(f64, &'a str)]);

/// A page of rows, each `(top, em, pieces)`, read without rulings.
fn page_at(rows: &[SizedRow]) -> PositionedPage {
    let glyphs: Vec<Glyph> = rows
        .iter()
        .flat_map(|&(top, em, r)| text_row(r, top, em))
        .collect();
    position_page(glyphs, Vec::new(), 0, Vec::new(), &[])
}

/// Regression (issue 16, 柏崎 by WeasyPrint): body text set larger than the table, one
/// line below its last row, was read as the table's rows (WeasyPrint leaves no more space
/// there), and the rows after it (another table of three runs) moved the columns. Text
/// in another size after the table's rows, followed by text in a third size, ends it.
#[test]
fn larger_text_below_a_table_ends_it() {
    let (table, body, heading) = (8.5, 9.5, 10.0);
    let row1 = kpi_row("特許保有件数", ["153件", "153件", "144件"]);
    let row2 = kpi_row("創業者数", ["66人", "77人", "93人"]);
    let prose = [(
        20.0,
        "このうち、入所保留通知書の発行数には件数も含まれています。",
    )];
    let more = [(20.0, "その実態を詳細に把握することは困難です。")];
    let title = [(20.0, "KPIの達成に係る施策の主な取組")];
    let other = [
        (60.0, "建築住宅課"),
        (200.0, "主な取組と成果"),
        (300.0, "住宅リフォーム"),
    ];
    let read = page_at(&[
        (100.0, table, &HEADER),
        (112.0, table, &row1),
        (124.0, table, &row2),
        (143.5, body, &prose),
        (156.0, body, &more),
        (178.0, heading, &title),
        (200.0, table, &other),
    ])
    .read(None)
    .unwrap();
    assert_eq!(read.regions.len(), 1);
    let bands = &read.regions[0].rows;
    let last = bands.last().unwrap();
    assert!(last.1 < 143.5, "the prose is no table row: {bands:?}");
}

/// A heading inside the table, set larger than its rows with a line of space around it
/// (上越's `分野2【結婚・出産・子育て】…` over the field's rows), does not end it: the
/// rows after it are in the table's size again.
#[test]
fn a_larger_heading_between_rows_keeps_the_table() {
    let (table, heading) = (8.5, 9.5);
    let row1 = kpi_row("特許保有件数", ["153件", "153件", "144件"]);
    let field = [(20.0, "分野2【結婚・出産・子育て】若い世代の希望を実現する")];
    let row2 = kpi_row("合計特殊出生率", ["1.51", "1.32", "1.68"]);
    let read = page_at(&[
        (100.0, table, &HEADER),
        (112.0, table, &row1),
        (131.5, heading, &field),
        (152.0, table, &row2),
    ])
    .read(None)
    .unwrap();
    assert_eq!(read.regions.len(), 1);
    let last = read.regions[0].rows.last().unwrap();
    assert!(last.0 >= 152.0, "{:?}", read.regions[0].rows);
}

/// Regression (issue 16, 柏崎 by WeasyPrint): a chart under the table, its title set
/// larger and its labels in the table's size, was read as the table's rows, and its
/// labels split the target column in two. Rows in the table's size that do not stand in
/// its columns (no run starts where a run of the table's rows does) are no table rows.
#[test]
fn a_chart_under_a_table_is_not_its_rows() {
    let (table, title) = (8.5, 9.5);
    let row1 = kpi_row("特許保有件数", ["153件", "153件", "144件"]);
    let row2 = kpi_row("創業者数", ["66人", "77人", "93人"]);
    let chart_title = [(120.0, "特許保有件数の推移")];
    let axis = [(240.0, "年度"), (340.0, "件数")];
    let point = [(230.0, "R1 (2019)"), (345.0, "153")];
    let read = page_at(&[
        (100.0, table, &HEADER),
        (112.0, table, &row1),
        (124.0, table, &row2),
        (143.5, title, &chart_title),
        (165.0, table, &axis),
        (180.0, table, &point),
    ])
    .read(None)
    .unwrap();
    assert_eq!(read.regions.len(), 1);
    let region = &read.regions[0];
    assert_eq!(region.columns.len(), 4, "{:?}", region.columns);
    let last = region.rows.last().unwrap();
    assert!(
        last.1 < 143.5,
        "the chart is no table row: {:?}",
        region.rows
    );
}

/// Regression (issue 16, 柏崎 by LibreOffice): a right-aligned target and the status word
/// centred in the next cell stood 0.94 em apart with no space drawn between them, and were
/// read as one cell (`65.0% 現状維持`). Where the page's generator draws its spaces, such a
/// gap separates runs; a drawn space (`39.8% (H30)`) keeps one.
#[test]
fn text_placed_apart_without_a_drawn_space_is_two_runs() {
    let em = 8.5;
    let value = drawn("65.0%", 100.0, em, 0.25);
    let value_end = value.glyphs.last().unwrap().x1;
    let status = drawn("現状維持", value_end + 0.94 * em, em, 0.25);
    let mut row = value;
    row.glyphs.extend(status.glyphs);
    row.tables.extend(status.tables);
    let texts = |r: &PositionedRow| -> Vec<String> {
        r.runs
            .iter()
            .map(|run| run.text(&r.raw).to_string())
            .collect()
    };
    assert_eq!(
        texts(&position(&row, em / 2.0, true)),
        ["65.0%", "現状維持"]
    );
    // A page whose generator draws no spaces spaces its words with gaps: one run.
    assert_eq!(texts(&position(&row, em / 2.0, false)), ["65.0% 現状維持"]);
    // A space drawn in a gap as wide: one cell.
    let spaced = drawn("39.8% (H30)", 100.0, em, 0.94);
    assert_eq!(texts(&position(&spaced, em / 2.0, true)), ["39.8% (H30)"]);
}

/// Regression (issue 16, LibreOffice table with tight cell padding): a base value ending in
/// `)` and the target in the next cell stood 0.32 em apart with no space drawn, and were read
/// as one cell. Beside a narrow glyph such a gap separates runs where spaces are drawn;
/// the space LibreOffice leaves between Japanese and Latin text (0.21 em) joins a cell.
#[test]
fn narrow_glyphs_placed_apart_without_a_drawn_space_are_two_runs() {
    let em = 9.5;
    let texts = |r: &PositionedRow| -> Vec<String> {
        r.runs
            .iter()
            .map(|run| run.text(&r.raw).to_string())
            .collect()
    };
    let base = drawn("(H28)", 100.0, em, 0.25);
    let base_end = base.glyphs.last().unwrap().x1;
    let target = drawn("4,300", base_end + 0.32 * em, em, 0.25);
    let mut row = base;
    row.glyphs.extend(target.glyphs);
    row.tables.extend(target.tables);
    assert_eq!(texts(&position(&row, em / 2.0, true)), ["(H28)", "4,300"]);
    // A page whose generator draws no spaces: one run, one word (narrower than a word gap).
    assert_eq!(texts(&position(&row, em / 2.0, false)), ["(H28)4,300"]);
    // LibreOffice's space between a digit and a wide glyph is spacing inside a cell: one run.
    let value = drawn("4,210", 100.0, em, 0.25);
    let value_end = value.glyphs.last().unwrap().x1;
    let unit = drawn("人", value_end + 0.21 * em, em, 0.25);
    let mut row = value;
    row.glyphs.extend(unit.glyphs);
    row.tables.extend(unit.tables);
    assert_eq!(texts(&position(&row, em / 2.0, true)), ["4,210人"]);
}

/// Regression (issue 16, 柏崎 by WeasyPrint): the words of a name, split at its drawn
/// spaces, let a column boundary fall inside it (`女性の生産年齢人口 (15歳から64歳まで)` |
/// `にお`). Where the page's generator draws its spaces, a drawn space is text inside one
/// cell: it stays in the text and splits no word.
#[test]
fn a_drawn_space_splits_no_word_where_spaces_are_drawn() {
    let em = 8.5;
    let name = drawn(
        "女性の生産年齢人口 (15歳から64歳まで) にお",
        160.0,
        em,
        0.23,
    );
    let row = position(&name, em / 2.0, true);
    assert_eq!(row.raw, "女性の生産年齢人口 (15歳から64歳まで) にお");
    assert_eq!(row.runs.len(), 1);
    assert_eq!(row.runs[0].words.len(), 1, "{:?}", row.runs[0].words);
    // Where the generator draws none, the words stay (a gap is all that tells them).
    let row = position(&name, em / 2.0, false);
    assert_eq!(row.runs[0].words.len(), 3);
}

/// Issue 16 (invented reports by WeasyPrint and LibreOffice, no borders): the cells'
/// padding between two table rows is less than an em, but far more than the leading
/// between a wrapped cell's lines (whose glyph boxes overlap); it is space between rows (a
/// blank line), so the next row's wrapped first line is not read as a line of the row above.
#[test]
fn padding_between_rows_wider_than_the_leading_is_a_blank_line() {
    let em = 10.0;
    // Wrapped lines 7 apart (glyph boxes overlap by 0.3 em); the rows 0.9 em apart.
    let page = page_at(&[
        (100.0, em, &kpi_row("市内事業所の", ["1件", "2件", "3件"])),
        (107.0, em, &[(50.0, "従業者数")]),
        (126.0, em, &kpi_row("創業件数", ["4件", "5件", "6件"])),
        (133.0, em, &[(50.0, "累計")]),
    ]);
    let blank: Vec<bool> = page.lines.iter().map(|l| l.runs.is_empty()).collect();
    assert_eq!(blank, [false, false, true, false, false]);
}

/// Issue 16 (柏崎 by WeasyPrint): a page that holds one numbered row of a table (the
/// table's first row before a page break, or its last after one) printed its row number
/// in the name column: one word of one line, under no header cell, the column was joined
/// to its neighbour (`地域エネルギー会社の設立3`). A row number left of where the header's
/// name term starts is a column of its own, however few rows number it.
#[test]
fn a_lone_numbered_row_keeps_its_number_in_a_column_of_its_own() {
    let em = 10.0;
    let read = page(
        &[
            &[
                (80.0, "重要業績評価指標"),
                (240.0, "基準値"),
                (320.0, "現状値"),
                (400.0, "目標値"),
            ],
            &[
                (30.0, "3"),
                (50.0, "特産品の認定数量"),
                (240.0, "2.0トン"),
                (320.0, "7.5トン"),
                (400.0, "10トン"),
            ],
        ],
        em,
    )
    .read(None)
    .unwrap();
    assert_eq!(read.regions.len(), 1);
    let lines: Vec<Vec<&str>> = read.lines.iter().map(texts).collect();
    assert_eq!(
        lines[1],
        ["3", "特産品の認定数量", "2.0トン", "7.5トン", "10トン"]
    );
}

/// Regression (issue 16, LibreOffice table with row rules): a heading `数値目標` wrapped over
/// two KPI rows (`数値目` over `標`) in a cell the row rule does not cross was cut in two,
/// one half per row. Rules that all start right of a column where text stands over text
/// part no rows; a rule across that column, or a column open on the right, still parts them.
#[test]
fn a_rule_that_leaves_the_heading_column_open_parts_no_rows() {
    let em = 9.5;
    let row = |pieces: &[(f64, &str)], top: f64| {
        let glyphs = text_row(pieces, top, em);
        let tables = vec![None; glyphs.len()];
        BaselineRow {
            glyphs,
            top,
            bottom: top + em,
            tables,
            cell_starts: Vec::new(),
        }
    };
    let above = row(
        &[(40.0, "数値目"), (100.0, "合計特殊出生率"), (260.0, "1.42")],
        100.0,
    );
    let below = row(
        &[(40.0, "標"), (100.0, "子育て世帯の割合"), (260.0, "62.1%")],
        114.0,
    );
    let rule = |x0: f64, x1: f64| Rule {
        x0,
        top: 112.0,
        x1,
        bottom: 112.0,
    };
    // The rule starts right of the heading column: the heading spans both rows.
    assert!(!rule_between(&above, &below, &[rule(95.0, 320.0)]));
    // A rule across the heading column parts the rows.
    assert!(rule_between(&above, &below, &[rule(35.0, 320.0)]));
    // A column left open on the right (a list beside several rows) leaves them parted.
    let list_above = row(&[(100.0, "合計特殊出生率"), (260.0, "1 事業")], 100.0);
    let list_below = row(&[(100.0, "子育て世帯の割合"), (260.0, "2 事業")], 114.0);
    assert!(rule_between(&list_above, &list_below, &[rule(95.0, 250.0)]));
}

/// Issue 16 (みなと by LibreOffice and WeasyPrint, cells centred in their rows): a
/// one-line name centred between the two lines of its wrapped values, with a projects list
/// of three lines between all of them, was read baseline by baseline: the name's row held
/// none of its values and the values' second lines made a row with no name. The row's
/// cells are read top-aligned, the projects list's last line stays with its row (not the
/// row after, though no more space parts the rows than the leading), and the rows around
/// it read as before (names wrapped around their values on the middle line).
#[test]
fn a_row_printed_on_interleaved_baselines_is_read_top_aligned() {
    let em = 9.0;
    let (name, v1, v2, v3, projects) = (50.0, 200.0, 350.0, 500.0, 650.0);
    let header: &[(f64, &str)] = &[
        (name, "項目"),
        (v1, "基準値"),
        (v2, "現状値"),
        (v3, "目標値"),
        (projects, "主な具体的事業"),
    ];
    // Lines of one cell 13 pt apart (4 pt of leading), table rows 3 pt more.
    let rows: &[SizedRow] = &[
        (100.0, em, header),
        // Names over three lines, their values on the middle one.
        (120.0, em, &[(name, "市内の事業所で働く")]),
        (
            133.0,
            em,
            &[
                (name, "従業者のうち29歳以下"),
                (v1, "18.4% (H28)"),
                (v2, "17.9% (R3)"),
                (v3, "20.0%以上"),
            ],
        ),
        (146.0, em, &[(name, "の従業者の割合")]),
        (162.0, em, &[(name, "市民1人あたりの")]),
        (
            175.0,
            em,
            &[
                (name, "年間の公共交通"),
                (v1, "21.4回 (R元)"),
                (v2, "19.8回"),
                (v3, "22.0回"),
            ],
        ),
        (188.0, em, &[(name, "利用回数")]),
        (204.0, em, &[(name, "地域おこし協力隊員の任期")]),
        (
            217.0,
            em,
            &[
                (name, "終了後に市内に定住"),
                (v1, "-"),
                (v2, "66.7%"),
                (v3, "60.0%"),
            ],
        ),
        (230.0, em, &[(name, "した人の割合")]),
        // Lines 6.5 pt (half a line) apart: one table row, its cells centred.
        (246.0, em, &[(projects, "1 乳幼児健康診査")]),
        (
            252.5,
            em,
            &[
                (v1, "1歳6か月児96.1% 3歳児"),
                (v2, "1歳6か月児97.0% 3歳"),
                (v3, "1歳6か月児 98.0% 3歳児"),
            ],
        ),
        (
            259.0,
            em,
            &[
                (name, "乳幼児健康診査の受診率"),
                (projects, "2 子育て世代包括支援センタ"),
            ],
        ),
        (
            265.5,
            em,
            &[(v1, "94.3% (R元)"), (v2, "児95.8%"), (v3, "98.0%")],
        ),
        (272.0, em, &[(projects, "ー運営")]),
        (
            288.0,
            em,
            &[
                (name, "放課後児童クラブの待機児童数"),
                (v1, "12人 (R2)"),
                (v2, "0人"),
                (v3, "0人"),
                (projects, "4 放課後児童クラブ運営"),
            ],
        ),
    ];
    let read = page_at(rows).read(None).unwrap();
    assert_eq!(read.regions.len(), 1);
    let lines: Vec<Vec<&str>> = read.lines.iter().map(texts).collect();
    assert_eq!(
        lines,
        [
            vec!["項目", "基準値", "現状値", "目標値", "主な具体的事業"],
            vec![
                "市内の事業所で働く従業者のうち29歳以下の従業者の割合",
                "18.4% (H28)",
                "17.9% (R3)",
                "20.0%以上",
                ""
            ],
            vec![
                "市民1人あたりの年間の公共交通利用回数",
                "21.4回 (R元)",
                "19.8回",
                "22.0回",
                ""
            ],
            vec![
                "地域おこし協力隊員の任期終了後に市内に定住した人の割合",
                "-",
                "66.7%",
                "60.0%",
                ""
            ],
            vec![
                "乳幼児健康診査の受診率",
                "1歳6か月児96.1% 3歳児94.3% (R元)",
                "1歳6か月児97.0% 3歳児95.8%",
                // The line break took the space the cell writes between a label and its
                // figure (`1歳6か月児 98.0%`), as the source prints it.
                "1歳6か月児 98.0% 3歳児 98.0%",
                "1 乳幼児健康診査\n2 子育て世代包括支援センター運営"
            ],
            vec![
                "放課後児童クラブの待機児童数",
                "12人 (R2)",
                "0人",
                "0人",
                "4 放課後児童クラブ運営"
            ],
        ]
    );
}
