//! Section and value forms on small invented reports: an arrow pair in a table's name cell,
//! a KPI row marked ◆, numbered goals with bracketed measures under them, and era-less
//! fiscal years read in the document's era.

mod common;
use common::{observations, run};

use shinchoku_table::{KpiKind, Role, Value};

#[test]
fn an_arrow_pair_in_the_name_cell_gives_the_baseline_and_the_final_target() {
    let r = run("指標名\t目安値\t実績値\t進捗区分\n\
         合計特殊出生率 H26年1.54→H31年1.68\t1.62 (H29年)\t1.56\tC\n\
         健康寿命(歳) H25年79.83→H31年延伸\t79.83以上 (H29年)\t80.45\tA\n");
    assert_eq!(r.kpis[0].name, "合計特殊出生率");
    assert_eq!(
        observations(&r, 0),
        [
            (Role::Baseline, Some(1.54), Some(2014)),
            (Role::Target, Some(1.62), Some(2017)),
            (Role::Current, Some(1.56), None),
            (Role::Target, Some(1.68), Some(2019)),
        ]
    );
    // A goal in words is no pair: the name cell stays whole, no baseline is invented.
    assert!(r.kpis[1].name.starts_with("健康寿命(歳)"));
    assert!(r.kpis[1]
        .observations
        .iter()
        .all(|o| o.role != Role::Baseline));
}

#[test]
fn a_row_marked_with_a_diamond_is_a_headline_kpi_of_its_goal() {
    let r = run("基本目標1 しごとをつくる\n\
         施策1-1 農林業の振興\n\
         指標名\t基準値 (R元)\t実績値 (R4)\t目標値 (R6)\n\
         ◆市内従業者数(人)\t3,120\t3,050\t3,300\n\
         ◇新規就農者数(人)\t2\t5\t10\n\
         農地集積率(%)\t40\t45\t60\n");
    let kinds: Vec<(&str, KpiKind, Option<&str>)> = r
        .kpis
        .iter()
        .map(|k| (k.name.as_str(), k.kind, k.section.as_deref()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("市内従業者数(人)", KpiKind::Headline, Some("1")),
            ("新規就農者数(人)", KpiKind::Headline, Some("1")),
            ("農地集積率(%)", KpiKind::Kpi, Some("1-1")),
        ]
    );
    assert_eq!(r.kpis[0].name_raw, "◆市内従業者数(人)");
}

#[test]
fn bracketed_measures_sit_under_a_numbered_goal_but_circled_list_items_do_not() {
    let r = run("1.競争力のある産業振興による活力あるまちづくり\n\
         新規雇用者数: ― → 50人\n\
         (1)第一次産業の振興\n\
         ① 新規就農者数:1.4人/年 → 4組/年\n\
         ⑥移住者数\n\
         H26年11人→H31年17人\n");
    let sections: Vec<(&str, &str, Option<&str>)> = r
        .sections
        .iter()
        .map(|s| (s.code.as_str(), s.title.as_str(), s.parent.as_deref()))
        .collect();
    assert_eq!(
        sections,
        [
            ("1", "競争力のある産業振興による活力あるまちづくり", None),
            ("1-(1)", "第一次産業の振興", Some("1")),
        ]
    );
    let ids: Vec<(&str, &str)> = r
        .kpis
        .iter()
        .map(|k| (k.id.as_str(), k.name.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            ("1.1", "新規雇用者数"),
            ("1-(1).1", "新規就農者数"),
            ("1-(1).2", "移住者数"),
        ]
    );
}

#[test]
fn a_bracketed_line_without_a_numbered_goal_above_is_no_section() {
    let r = run("総合戦略 KPI一覧\n(1)第一次産業の振興\n新規就農者数:1.4人/年 → 4組/年\n");
    assert!(r.sections.is_empty(), "{:?}", r.sections);
}

#[test]
fn era_less_fiscal_years_follow_the_document_era_and_never_a_gregorian_one() {
    let era = run("平成28年度 効果検証\n\
         指標名\t基準値\t実績値\t目標値\n\
         転入者数(人)\t715 (26年度)\t802 (H27年度)\t950 (H31年度)\n");
    assert_eq!(
        observations(&era, 0)[0],
        (Role::Baseline, Some(715.0), Some(2014))
    );
    let gregorian = run("2016年度 効果検証\n\
         指標名\t基準値\t実績値\t目標値\n\
         転入者数(人)\t715 (26年度)\t802 (2015年度)\t950 (2019年度)\n");
    assert_eq!(observations(&gregorian, 0)[0].2, None);
}

/// A 参考年間目標 cell listing one target per year gives a target observation for each; a
/// name marked (累計) makes every number of its row a running total. A cell holding one
/// dated value, or a list with a word among its items, is read as before.
#[test]
fn a_yearly_list_gives_one_target_each_and_a_running_total_name_marks_the_row() {
    let r = run("指標名称(単位)\t基準値\t目標数値\t参考年間目標\n\
         認証企業数(累計)(社)\t120 (2019年度)\t1,500 (2023年度)\t2020年度:400 2021年度:700 2022年度:1,100\n\
         相談件数(件)\t35 (2019年度)\t60 (2023年度)\t2020年度:40 その他\n");
    assert_eq!(
        observations(&r, 0),
        [
            (Role::Baseline, Some(120.0), Some(2019)),
            (Role::Target, Some(1500.0), Some(2023)),
            (Role::Target, Some(400.0), Some(2020)),
            (Role::Target, Some(700.0), Some(2021)),
            (Role::Target, Some(1100.0), Some(2022)),
        ]
    );
    let cumulative: Vec<bool> = r.kpis[0]
        .observations
        .iter()
        .map(|o| matches!(&o.value, Value::Number(n) if n.cumulative))
        .collect();
    assert_eq!(cumulative, [true; 5]);
    assert_eq!(r.kpis[0].observations[4].raw, "2022年度:1,100");
    // Not a list: one observation, as printed, and no running totals.
    assert_eq!(r.kpis[1].observations.len(), 3);
    assert!(!matches!(&r.kpis[1].observations[0].value, Value::Number(n) if n.cumulative));
}
