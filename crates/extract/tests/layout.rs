//! Flattened text forms read into lines of cells (`shinchoku_extract::layout`): every
//! expectation below was written from the input text by hand.

use shinchoku_extract::layout::BuiltinVocabulary;
use shinchoku_extract::{read_text, read_text_with, Line, SourceDoc, TextLayout};

fn texts(line: &Line) -> Vec<&str> {
    line.cells.iter().map(|c| c.text.as_str()).collect()
}

fn line(doc: &SourceDoc, number: u32) -> &Line {
    doc.lines
        .iter()
        .find(|l| l.number == number)
        .unwrap_or_else(|| panic!("no line {number}"))
}

/// Space-aligned, as `pdftotext -layout` prints it (one line a string: a `\` line
/// continuation would eat the leading spaces): a header over two lines, a wrapped
/// name, a heading, a squeezed `value (period)` cell.
const LAYOUT: &str = concat!(
    "                                                        進捗\n",
    "      項目                      当初            実績値         状況\n",
    "                              (H30)         (R5)\n",
    "\n",
    "A-1 地域産業の活性化\n",
    "\n",
    "      認定農業者等の担い手への            68.4% (H30)   75.4%       順調\n",
    "      農地集積率\n",
    "      認定農業者数                  1,150人        842人        遅延\n",
);

#[test]
fn space_aligned_rows_join_wrapped_names() {
    let doc = read_text(LAYOUT.as_bytes()).unwrap();
    // The header's three lines are one line, numbered as its first.
    assert_eq!(
        texts(line(&doc, 1))
            .iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>(),
        [&"項目", &"当初 (H30)", &"実績値 (R5)", &"進捗 状況"]
    );
    assert_eq!(texts(line(&doc, 5)), ["A-1 地域産業の活性化"]);
    let row = line(&doc, 7);
    let filled: Vec<&str> = texts(row).into_iter().filter(|t| !t.is_empty()).collect();
    assert_eq!(
        filled,
        [
            "認定農業者等の担い手への農地集積率",
            "68.4% (H30)",
            "75.4%",
            "順調"
        ]
    );
    // The row keeps both source lines; line 8 is not a line of its own.
    assert_eq!(row.raw.lines().count(), 2);
    assert!(doc.lines.iter().all(|l| l.number != 8));
    let filled: Vec<&str> = texts(line(&doc, 9))
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(filled, ["認定農業者数", "1,150人", "842人", "遅延"]);
    // Columns line up: the value cells of both rows are at the same positions.
    let at = |l: &Line, t: &str| l.cells.iter().position(|c| c.text == t);
    assert_eq!(at(line(&doc, 7), "75.4%"), at(line(&doc, 9), "842人"));
}

/// A centred one-line value belongs to the row whose wrapped name surrounds it.
#[test]
fn a_vertically_centred_value_joins_the_name_around_it() {
    let text = "\
   項目                       基準値      目標値

   地域エネルギー会社の
   設立に向けた協議の回数       -          3回
   （電源エネルギー戦略室）
   特許保有件数（総数）        153件       200件
";
    let doc = read_text(text.as_bytes()).unwrap();
    let filled: Vec<&str> = texts(line(&doc, 3))
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(
        filled,
        [
            "地域エネルギー会社の設立に向けた協議の回数（電源エネルギー戦略室）",
            "-",
            "3回"
        ]
    );
    let filled: Vec<&str> = texts(line(&doc, 6))
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(filled, ["特許保有件数（総数）", "153件", "200件"]);
}

#[test]
fn display_columns_are_used_when_they_align_better() {
    // Typed in a monospace editor: wide characters take two columns, so values align in
    // display columns, not in characters.
    let text = "\
項目                  基準値    目標値
認定農業者数          842人     1,040人
新規就農者数          38人      31人
ab                    1         2
";
    let doc = read_text(text.as_bytes()).unwrap();
    for (n, want) in [
        (2, ["認定農業者数", "842人", "1,040人"]),
        (3, ["新規就農者数", "38人", "31人"]),
    ] {
        let filled: Vec<&str> = texts(line(&doc, n))
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(filled, want, "line {n}");
    }
    let l2 = line(&doc, 2);
    let l4 = line(&doc, 4);
    let at = |l: &Line, t: &str| l.cells.iter().position(|c| c.text == t);
    assert_eq!(at(l2, "842人"), at(l4, "1"));
}

#[test]
fn pipe_tables_and_their_continued_rows() {
    let text = "\
指標名称(単位) | 基準値 | 目標数値 | |
---|---|---|---|
1 |
住んでいる地域の割合(%) | 82.6 (2019年度) |
90.0 (2023年度) |
";
    let doc = read_text(text.as_bytes()).unwrap();
    assert_eq!(
        texts(line(&doc, 1)),
        ["指標名称(単位)", "基準値", "目標数値", ""]
    );
    assert_eq!(
        texts(line(&doc, 3)),
        [
            "1",
            "住んでいる地域の割合(%)",
            "82.6 (2019年度)",
            "90.0 (2023年度)"
        ]
    );
    assert!(doc.warnings.is_empty());
    assert_eq!(line(&doc, 3).raw.lines().count(), 3);
}

#[test]
fn one_cell_per_paragraph_under_a_header_line() {
    let text = "\
指標名 目安値 実績値 進捗区分

合計特殊出生率
H26年1.54→H31年1.68

1.62
(H29年)

1.56

C

※1（注記省略）
";
    let doc = read_text(text.as_bytes()).unwrap();
    assert_eq!(
        texts(line(&doc, 1)),
        ["指標名", "目安値", "実績値", "進捗区分"]
    );
    assert_eq!(
        texts(line(&doc, 3)),
        [
            "合計特殊出生率\nH26年1.54→H31年1.68",
            "1.62\n(H29年)",
            "1.56",
            "C"
        ]
    );
    assert_eq!(texts(line(&doc, 13)), ["※1（注記省略）"]);
    assert_eq!(doc.warnings.len(), 1);
    assert_eq!(doc.warnings[0].code, "lines_rows_uneven");
}

#[test]
fn one_cell_per_line_under_a_header_of_one_term_a_line() {
    let text = "指標\n基準値\n目標値\n転入者数\n715人\n950人\n交流人口数\n3,324人\n5,000人\n";
    let doc = read_text(text.as_bytes()).unwrap();
    assert_eq!(texts(line(&doc, 1)), ["指標", "基準値", "目標値"]);
    assert_eq!(texts(line(&doc, 4)), ["転入者数", "715人", "950人"]);
    assert_eq!(texts(line(&doc, 7)), ["交流人口数", "3,324人", "5,000人"]);
    assert_eq!(doc.lines.len(), 3);
}

#[test]
fn forced_layouts() {
    let text = "| 指標 | 基準値 | 目標値 |\n| 転入者数 | 715人 | 950人 |\n";
    let tabs = read_text_with(text.as_bytes(), TextLayout::Tabs, &BuiltinVocabulary).unwrap();
    assert_eq!(tabs.lines[0].cells.len(), 1);
    let spaces = read_text_with(text.as_bytes(), TextLayout::Spaces, &BuiltinVocabulary).unwrap();
    assert_eq!(spaces.lines[0].cells.len(), 1);
    let pipes = read_text_with(text.as_bytes(), TextLayout::Pipes, &BuiltinVocabulary).unwrap();
    assert_eq!(texts(&pipes.lines[1]), ["転入者数", "715人", "950人"]);
    assert!("columns".parse::<TextLayout>().is_err());
}

#[test]
fn tab_separated_text_is_read_as_before() {
    let text = "項目\t現状値（R5年度末）\n認定農業者数  842人\t842人\n";
    let auto = read_text(text.as_bytes()).unwrap();
    let tabs = read_text_with(text.as_bytes(), TextLayout::Tabs, &BuiltinVocabulary).unwrap();
    assert_eq!(auto, tabs);
}

#[test]
fn page_breaks_and_line_numbers_are_the_inputs() {
    let text = "前文\n\u{c}項目          基準値      目標値\n転入者数      715人       950人\n";
    let doc = read_text(text.as_bytes()).unwrap();
    assert_eq!(doc.pages, Some(2));
    let row = line(&doc, 3);
    assert_eq!(row.page, Some(2));
    assert_eq!(texts(row), ["転入者数", "715人", "950人"]);
}
