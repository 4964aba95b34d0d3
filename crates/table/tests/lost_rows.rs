//! Nothing lost silently: rows go on after a line taken for the table's end and under a
//! later heading without a header, a line shaped like a KPI row that no layout reads is a
//! warning with its line, and a table of many unreadable rows warns once a row in linear
//! time.

mod common;
use common::run;

use shinchoku_extract::WarningCode;
use shinchoku_table::Report;

/// The lines of the `unparsed_row` warnings.
fn unparsed_lines(report: &Report) -> Vec<u32> {
    report
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::UnparsedRow)
        .map(|w| w.provenance.line)
        .collect()
}

/// A bullet line ends the table's rows and a heading closes the table; the rows under the
/// heading come without a header of their own (the report prints it once a page): they are
/// read under the last header, in the heading's section.
#[test]
fn rows_under_a_later_heading_without_a_header_are_read_under_the_last_one() {
    let r = run("指標名\t基準値（R元）\t現状値（R4）\t目標値（R6）\n\
         移住者数\t120人\t180人\t200人\n\
         ・移住相談会の開催\n\
         基本目標2 観光の振興\n\
         観光入込客数\t120万人\t135万人\t150万人\n\
         本計画は毎年度検証を行う。\n");
    let names: Vec<&str> = r.kpis.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(names, ["移住者数", "観光入込客数"]);
    assert_eq!(r.sections[0].title, "観光の振興");
    assert_eq!(
        r.kpis[1].section.as_deref(),
        Some(r.sections[0].code.as_str())
    );
    assert_eq!(unparsed_lines(&r), Vec::<u32>::new());
}

/// KPIs read without any table header (an inline list), then a line shaped like a KPI row:
/// there is no header to read it under, so it is a warning with its line.
#[test]
fn a_row_with_no_header_anywhere_is_a_warning_not_a_silent_loss() {
    let r = run("婚姻率：5.5‰（平成25年）→5.9‰（平成31年）\n\
         観光入込客数\t120万人\t135万人\t150万人\n");
    assert_eq!(r.kpis.len(), 1, "{:?}", r.kpis);
    assert_eq!(unparsed_lines(&r), [2]);
}

/// A row broken over a page: a fragment of its name alone at the top of the next page (after
/// the page break, so it reads as the table's end), then rows again. The rows go on.
#[test]
fn rows_go_on_after_a_line_taken_for_the_tables_end() {
    let r = run("指標名\t基準値（R元）\t現状値（R4）\t目標値（R6）\n\
         移住者数\t120人\t180人\t200人\n\
         \n\
         ネート数\n\
         観光入込客数\t120万人\t135万人\t150万人\n\
         空き家バンク登録件数\t4件\t7件\t10件\n");
    let names: Vec<&str> = r.kpis.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(names, ["移住者数", "観光入込客数", "空き家バンク登録件数"]);
    assert_eq!(unparsed_lines(&r), Vec::<u32>::new());
}

#[test]
fn rows_read_as_kpis_and_lines_that_are_no_row_give_no_warning() {
    let r = run("指標名\t基準値（R元）\t現状値（R4）\t目標値（R6）\n\
         移住者数\t120人\t180人\t200人\n\
         観光入込客数\t120万人\t135万人\t150万人\n\
         ・移住相談会の開催\n\
         基本目標2 観光の振興\n\
         令和4年度\t第2回\t会議\n\
         本計画は令和6年度までの5年間とする。\n");
    assert_eq!(r.kpis.len(), 2);
    assert_eq!(unparsed_lines(&r), Vec::<u32>::new());
}

/// A document with no KPI at all is not warned about its other tables (a budget table
/// in a plan is no lost KPI).
#[test]
fn a_document_without_kpis_is_not_warned_about_its_tables() {
    let r = run("予算の概要\n\
         区分\t令和4年度\t令和5年度\n\
         一般会計\t120億円\t125億円\n\
         特別会計\t80億円\t82億円\n");
    assert!(r.kpis.is_empty());
    assert_eq!(unparsed_lines(&r), Vec::<u32>::new());
}

/// Each unreadable row inside a table warns once: 100,000 of them are 100,000 warnings,
/// found without comparing every warning with all those before it (that took minutes).
#[test]
fn many_unreadable_rows_warn_once_each() {
    let mut text = String::from("指標名\t基準値（H30）\t現状値（R5）\t目標値（R6）\n");
    for i in 0..100_000 {
        text.push_str(&format!("{i}番\t{i}件の記録あり\t\n"));
    }
    let r = run(&text);
    assert!(r.kpis.is_empty());
    assert_eq!(unparsed_lines(&r).len(), 100_000);
}
