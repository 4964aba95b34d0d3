//! Yearly sheets (one row of years, an 実績値 / 目標値 row per indicator) and damaged
//! one-cell-a-line transcripts, on small invented reports; and bad input for both.

mod common;
use common::{observations, run};

use shinchoku_table::Role;

/// The sheet as its Excel file holds it (tab-separated): empty cells keep the years' places.
#[test]
fn a_yearly_sheet_with_its_cells_in_place() {
    let r = run("成果指標名\t単位\t区分\tR2\tR3\tR4\tR5\n\
         空き家バンク登録件数\t件\t実績値\t\t4\t7\t\n\
         \t\t目標値\t\t5\t10\t15\n");
    assert_eq!(r.kpis.len(), 1);
    assert_eq!(r.kpis[0].name, "空き家バンク登録件数");
    assert_eq!(
        observations(&r, 0),
        [
            (Role::Previous, Some(4.0), Some(2021)),
            (Role::Current, Some(7.0), Some(2022)),
            (Role::Target, Some(5.0), Some(2021)),
            (Role::Target, Some(10.0), Some(2022)),
            (Role::Target, Some(15.0), Some(2023)),
        ]
    );
}

/// A row of years with a role word in it is an indicator sheet's, not a yearly sheet's;
/// years out of order are no header.
#[test]
fn years_out_of_order_make_no_sheet() {
    let r = run("区分\tR4\tR3\tR5\n指標甲\t件\t実績値\t1\t2\t3\n");
    assert!(r.kpis.is_empty());
}

const TRANSCRIPT_HEADER: &str = "数 値 目 標\n\nR2\n\nR6\n\nR2\n\n実 績 値\n\n";

/// Regression: numbers after a bracketed line (a meeting's dates under `（氏名省略）`) are
/// no record, and more numbers than columns are none either.
#[test]
fn numbers_without_a_name_make_no_record() {
    let r = run(&format!(
        "{TRANSCRIPT_HEADER}雇 用 創 出\n\n1,000\n\n515\n\n（氏名省略）\n\n18\n\n31\n\n会 議\n\n3\n\n31\n\n4\n"
    ));
    assert_eq!(r.kpis.len(), 1);
    assert_eq!(r.kpis[0].name, "雇用創出");
}

/// Regression: text in reading order (plain `pdftotext` of a borderless table, invented
/// here) printed a row's baseline with its note where the transcript's name stands
/// (`12 人 (H30)`, then the target `40 人`). A value with its note is no name: no KPI named
/// `12人(H30)`.
#[test]
fn a_value_with_its_note_is_no_name() {
    let r = run("指標名\n\n目標値\n(R6)\n\n新規就農者数（累計）\n\n12 人 (H30)\n\n40 人\n");
    assert!(
        r.kpis.iter().all(|k| !k.name.starts_with("12")),
        "{:?}",
        r.kpis.iter().map(|k| &k.name).collect::<Vec<_>>()
    );
}

/// Regression: in reading order the header went on below the first rows (`実績値`
/// between them, then a name and the current value `3 件/年`), and the current value was
/// read as the only header column's, the target. A value column's term among the rows
/// ends the table: no KPI, rather than a wrong one.
#[test]
fn a_role_term_among_the_rows_ends_the_table() {
    let r = run(
        "指標名\n\n目標値\n(R6)\n8 件/年 5 件/年\n\n実績値\n(R4)\n\n達成\n状況\n\n\
         町の創業支援制度を利用した創業件数\n\n3 件/年\n",
    );
    assert!(
        r.kpis.is_empty(),
        "{:?}",
        r.kpis.iter().map(|k| &k.name).collect::<Vec<_>>()
    );
}

/// Bad input: many records are all read, and a header repeated over and over with records
/// that never complete stays linear (no timing asserted) and invents nothing.
#[test]
fn long_transcripts_are_read_without_blowing_up() {
    let mut text = String::from(TRANSCRIPT_HEADER);
    for k in 0..20_000 {
        text.push_str(&format!("指 標 {k}\n\n{k}\n\n{k}\n\n"));
    }
    assert_eq!(run(&text).kpis.len(), 20_000);
    let text = format!("{TRANSCRIPT_HEADER}名 前\n\n1\n\n").repeat(20_000);
    assert!(run(&text).kpis.is_empty());
}
