//! Unit, base-year and achievement-rate columns belong to KPI lists that name their KPIs.

use shinchoku_extract::read_text;

fn kpi_names(text: &str) -> Vec<String> {
    let lines = read_text(text.as_bytes()).unwrap().lines;
    shinchoku_table::reconstruct(&lines)
        .kpis
        .into_iter()
        .map(|k| k.name)
        .collect()
}

#[test]
fn a_unit_column_beside_a_name_column_is_a_kpi_table() {
    let text = "指標名\t単位\t基準値（R元年度）\t目標値（R6年度）\n創業件数\t件\t8\t10\n";
    assert_eq!(kpi_names(text), ["創業件数"]);
}

/// Regression: the labels of a one-KPI report form (`単位 | 目標年月 | 実績値`, as a web
/// transcript of a 地方創生先行型 result sheet prints them) were read as a table header once
/// `単位` was a known column, and the form's scattered words became KPIs.
#[test]
fn form_labels_with_a_unit_but_no_name_column_are_no_table() {
    let text = "単位\t目標年月\t実績値\n事業効果\t事業の評\t価\n見\t針\t今後の方針の理由\n";
    assert!(kpi_names(text).is_empty());
}
