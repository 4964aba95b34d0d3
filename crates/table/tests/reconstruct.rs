//! `reconstruct` on small synthetic reports, one layout feature per test: header forms,
//! shifted rows, repeated headers, section codes, projects, departments, charts, unparsed
//! rows, legends. Each test also checks the invariants every report must keep.

use std::collections::HashSet;

use shinchoku_extract::{read_text, Line, WarningCode};
use shinchoku_table::{reconstruct, KpiKind, Report, Role, StatusCode};

fn lines(text: &str) -> Vec<Line> {
    read_text(text.as_bytes()).expect("test text reads").lines
}

/// Reconstruct and check the invariants: provenance points at a real line with the same
/// text, ids are unique, section parents exist and come first, warnings are in order.
fn run(text: &str) -> (Vec<Line>, Report) {
    let lines = lines(text);
    let report = reconstruct(&lines);
    check_invariants(&lines, &report);
    (lines, report)
}

fn check_invariants(lines: &[Line], report: &Report) {
    for kpi in &report.kpis {
        let line = lines
            .iter()
            .find(|l| l.number == kpi.provenance.line)
            .unwrap_or_else(|| panic!("{}: provenance line exists", kpi.id));
        assert_eq!(line.raw, kpi.provenance.text, "{}: provenance text", kpi.id);
    }
    let ids: HashSet<&str> = report.kpis.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(ids.len(), report.kpis.len(), "KPI ids are unique");
    let mut seen = HashSet::new();
    for s in &report.sections {
        if let Some(p) = &s.parent {
            assert!(
                seen.contains(p.as_str()),
                "parent {p} of {} comes first",
                s.code
            );
        }
        assert!(
            seen.insert(s.code.as_str()),
            "section {} appears once",
            s.code
        );
    }
    let order: Vec<u32> = report.warnings.iter().map(|w| w.provenance.line).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "warnings are in document order");
}

fn roles(report: &Report, k: usize) -> Vec<Role> {
    report.kpis[k].observations.iter().map(|o| o.role).collect()
}

fn period_years(report: &Report, k: usize) -> Vec<Option<i32>> {
    report.kpis[k]
        .observations
        .iter()
        .map(|o| o.period.as_ref().map(|p| p.year))
        .collect()
}

fn warnings<'a>(report: &'a Report, code: &str) -> Vec<&'a shinchoku_table::Warning> {
    report.warnings.iter().filter(|w| w.code == code).collect()
}

#[test]
fn header_over_two_lines_with_periods_below() {
    let (_, r) = run("項目\t当初\t現状値\t目標値\t進捗\n\
         \t(H30)\t(R5年度末)\t(R6)\t状況\n\
         特許保有件数（総数）\t153件\t144件\t200件\t遅延\n");
    assert_eq!(r.kpis.len(), 1);
    assert_eq!(roles(&r, 0), [Role::Baseline, Role::Current, Role::Target]);
    assert_eq!(period_years(&r, 0), [Some(2018), Some(2023), Some(2024)]);
    assert_eq!(r.kpis[0].status.as_ref().unwrap().label, "遅延");
    assert_eq!(r.kpis[0].name, "特許保有件数(総数)");
    assert_eq!(r.kpis[0].name_raw, "特許保有件数（総数）");
    assert!(r.warnings.iter().all(|w| w.code != "unparsed_row"));
}

#[test]
fn header_with_its_periods_inside_and_a_split_status_label() {
    let (_, r) = run(
        "最重要業績評価指標（K P I）\t当初 (H30) (2018)\t前年度 (R1) (2019)\t実績値 (R2) (2020)\t目標値 (R6) (2024)\t進捗 状況\n\
         転出と転入の差（転出数-転入数）\t345人\t594人\t326人\t245人\t遅延\n",
    );
    assert_eq!(
        roles(&r, 0),
        [Role::Baseline, Role::Previous, Role::Current, Role::Target]
    );
    assert_eq!(
        period_years(&r, 0),
        [Some(2018), Some(2019), Some(2020), Some(2024)]
    );
    assert_eq!(
        r.kpis[0].kind,
        KpiKind::Priority,
        "最重要 names a priority KPI"
    );
    assert_eq!(r.kpis[0].observations[3].raw, "245人");
}

#[test]
fn role_printed_after_the_year() {
    let (_, r) = run("指標名\t平成28 (現状値)\t令和2 (目標)\n\
         観光入込客数\t360万人\t400万人\n");
    // Only 現状値 and 目標: a plan's table, whose 現状値 is its baseline (contract rule).
    assert_eq!(roles(&r, 0), [Role::Baseline, Role::Target]);
    assert_eq!(period_years(&r, 0), [Some(2016), Some(2020)]);
}

#[test]
fn yearly_actual_columns_are_observations_latest_current() {
    let (_, r) = run(
        "指標名\t基準値（R元年度）\tR2年度実績\tR3年度実績\tR4年度実績\t目標値（R6年度）\t達成状況\t担当課\n\
         企業立地件数（件）\t4\t2\t5\t7\t6\tA\t産業立地課、商工振興課\n",
    );
    assert_eq!(
        roles(&r, 0),
        [
            Role::Baseline,
            Role::Previous,
            Role::Previous,
            Role::Current,
            Role::Target
        ]
    );
    assert_eq!(
        period_years(&r, 0),
        [Some(2019), Some(2020), Some(2021), Some(2022), Some(2024)]
    );
    assert_eq!(r.kpis[0].departments, ["産業立地課", "商工振興課"]);
    assert_eq!(r.kpis[0].status.as_ref().unwrap().label, "A");
}

#[test]
fn rows_shifted_by_leading_empty_cells_align_by_content() {
    let (_, r) = run(
        "\t\t\t項目\t戦略策定時（時点）\t現状値（R5年度末）\t目標（R6）\t\n\
         \t\t\t認定農業者数\t1,150人 (H31.4)\t842人\t1,040人\t\n\
         新規就農者数\t38人/年 (H30)\t29人/年\t31人/年\n\
         \t数値目標\t合計特殊出生率\t1.51 (H30)\t1.32 (R4)\t1.68\t\n",
    );
    assert_eq!(r.kpis.len(), 3);
    for (k, raws) in [
        ["1,150人 (H31.4)", "842人", "1,040人"],
        ["38人/年 (H30)", "29人/年", "31人/年"],
        ["1.51 (H30)", "1.32 (R4)", "1.68"],
    ]
    .iter()
    .enumerate()
    {
        let got: Vec<&str> = r.kpis[k]
            .observations
            .iter()
            .map(|o| o.raw.as_str())
            .collect();
        assert_eq!(got, raws, "row {k}");
    }
    assert_eq!(r.kpis[1].name, "新規就農者数");
    assert_eq!(r.kpis[2].kind, KpiKind::Headline);
}

#[test]
fn header_positions_need_not_match_data_positions() {
    // The header has an empty cell between 現状値 and 目標 and the projects header early;
    // the data rows are not shifted.
    let (_, r) = run("政策分野\t基本的方向性\t具体的施策\t重要業績評価指標 (KPI)\t\t\t主な具体的事業\t\n\
         \t\t\t項目\t戦略策定時 (時点)\t現状値 (R5年度末)\t\t目標 (R6)\n\
         <b>分野4【UIJ】人の流れをつくる</b>\n\
         数値目標\t転入者数\t4,246人\t4,356人\t4,246人以上\t\t\t\n\
         <b>D-1 定住の促進</b>\n\
         <b>D-1-1 若者等の定住</b>\n\
         \t移住相談件数\t113件/年 (H30)\t390件/年\t134件/年\t1 ふるさと上越ネットワーク 2 奨学金貸付\t\t\n");
    assert_eq!(r.kpis.len(), 2);
    assert_eq!(r.kpis[0].id, "D.1");
    assert_eq!(r.kpis[0].observations[2].raw, "4,246人以上");
    assert_eq!(r.kpis[0].observations[2].role, Role::Target);
    assert_eq!(r.kpis[1].id, "D-1-1.1");
    assert_eq!(r.kpis[1].observations[2].raw, "134件/年");
    assert_eq!(
        r.sections[2].projects,
        ["ふるさと上越ネットワーク", "奨学金貸付"]
    );
}

#[test]
fn repeated_page_header_is_skipped_and_the_table_goes_on() {
    let (_, r) = run("\t\t\t項目\t策定時\t現状値（R5年度末）\t目標（R6）\n\
         <b>分野1【しごと】雇用を創出する</b>\n\
         <b>A-1-1 競争力強化</b>\n\
         \t\t製造品出荷額等\t574,963百万円 (H29)\t589,989百万円\t706,283百万円\n\
         \n\
         政策分野\t\t\t項目\t策定時\t現状値（R5年度末）\t目標（R6）\t主な具体的事業\n\
         \t\t製造業従業員数\t16,686人 (H29)\t16,003人\t18,064人\n\
         \n\
         \t項目\t策定時\t現状値（R5年度末）\t目標（R6）\n\
         新商品の支援件数\t4件/年 (H30)\t2件/年\t5件/年\n");
    let ids: Vec<&str> = r.kpis.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(ids, ["A-1-1.1", "A-1-1.2", "A-1-1.3"]);
    // No warning about the table; the excerpt names no city, which is said once.
    let codes: Vec<_> = r.warnings.iter().map(|w| w.code).collect();
    assert_eq!(
        codes,
        [WarningCode::MunicipalityUnknown],
        "{:?}",
        r.warnings
    );
    assert!(r.kpis.iter().all(|k| k.observations.len() == 3));
}

#[test]
fn section_codes_in_every_spelling() {
    let (_, r) = run("第1節 地域産業の振興を図る\n\
         I-1 地域産業を活性化する\n\
         重要業績評価指標（KPI）\t\t当初 (H30) (2018)\t実績値 (R2) (2020)\t目標値 (R6) (2024)\t進捗 状況\n\
         1\t特許保有件数（総数）\t153件\t144件\t200件\t遅延\n\
         2\t認定数量\t2.0トン\t7.5トン\t10トン\t順調\n\
         \n\
         I-1-1 稼ぐ力の拡大\n\
         I-1-(2) 新たな産業の創出\t\t\n\
         I-2 雇用対策を強化する\n\
         I-2-1 若者と女性の雇用促進\n\
         1-2-(2) 創業・起業の推進\t\t\n\
         第2節 子どもを産み育てやすいまちをつくる\n\
         II-1 地域全体で子育てを支援する\n\
         II-1-1 (1) 妊娠・出産・子育ての支援\n\
         Ⅱ－１－（２） 出産や子育ての経済的負担の軽減\t\t\n\
         Ⅳ－1 愛着や誇りを育む人材をつくる\n");
    let got: Vec<(&str, u32, Option<&str>)> = r
        .sections
        .iter()
        .map(|s| (s.code.as_str(), s.level, s.parent.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("I", 1, None),
            ("I-1", 2, Some("I")),
            ("I-1-(1)", 3, Some("I-1")),
            ("I-1-(2)", 3, Some("I-1")),
            ("I-2", 2, Some("I")),
            ("I-2-(1)", 3, Some("I-2")),
            ("I-2-(2)", 3, Some("I-2")),
            ("II", 1, None),
            ("II-1", 2, Some("II")),
            ("II-1-(1)", 3, Some("II-1")),
            ("II-1-(2)", 3, Some("II-1")),
            ("IV-1", 2, None),
        ]
    );
    assert_eq!(r.sections[0].title, "地域産業の振興を図る");
    assert_eq!(r.sections[9].title, "妊娠・出産・子育ての支援");
    let corrected = warnings(&r, "section_code_corrected");
    assert_eq!(corrected.len(), 1);
    assert_eq!(corrected[0].provenance.line, 11);
    assert!(corrected[0].message.contains("I-2-(2)"));
    let ids: Vec<&str> = r.kpis.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(ids, ["I-1.1", "I-1.2"], "row ordinals are not values");
    assert_eq!(r.kpis[0].observations.len(), 3);
}

#[test]
fn level1_codes_come_from_the_codes_under_them() {
    let (_, r) = run("項目\t策定時\t現状値（R5年度末）\t目標（R6）\n\
         <b>分野1【しごとづくり】安定的で魅力ある雇用を創出する</b>\n\
         \t数値目標\t就職率\t39.8% (H30)\t36.2%\t45.7%\n\
         \t\t市民の割合\t42.2% (R元)\t35.1% (R3)\t42.2%以上\n\
         <b>A-1 地域産業の活性化</b>\n\
         <b>A-1-1 地域内経済循環</b>\n\
         \t\t認証品数（累計）\t126品 (R元)\t166品\t176品\n");
    assert_eq!(r.sections[0].code, "A");
    assert_eq!(
        r.sections[0].title,
        "【しごとづくり】安定的で魅力ある雇用を創出する"
    );
    let got: Vec<(&str, KpiKind, Option<&str>)> = r
        .kpis
        .iter()
        .map(|k| (k.id.as_str(), k.kind, k.section.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("A.1", KpiKind::Headline, Some("A")),
            ("A.2", KpiKind::Headline, Some("A")),
            ("A-1-1.1", KpiKind::Kpi, Some("A-1-1")),
        ]
    );
}

#[test]
fn projects_spanning_rows_and_on_heading_lines_belong_to_the_section() {
    let (_, r) = run("項目\t策定時\t現状値（R5年度末）\t目標（R6）\t主な具体的事業\n\
         C-1-1 中心市街地\n\
         \t拠点施設の入館者数\t1人\t2人\t3人\t1 まちなか居住推進 2 6次産業化 3 空き店舗等利用促進\n\
         \t転居数\t313人/年 (H30)\t218人/年\t295/年以下\t4 中心市街地活性化推進\n\
         C-2 地域活動\tC-2-1 まちづくりへの参画\n\
         NPOのコーディネート数\t133件/年 (H30)\t43件/年\t133件/年\n\
         \tC-2-2 支援体制の強化\t\t\t\t1 住民組織活動基盤整備 2 市民活動推進\n\
         団体の登録団体数 (累計)\t255団体 (H30)\t243団体\t255団体\n\
         C-4-1 観光コンテンツ\n\
         \t観光客入込数\t5人\t2人\t5人\t<ul> <li>1 田舎体験推進</li> <li>2 上越地域連携</li> </ul>\n");
    let projects = |code: &str| {
        r.sections
            .iter()
            .find(|s| s.code == code)
            .unwrap_or_else(|| panic!("section {code}"))
            .projects
            .clone()
    };
    assert_eq!(
        projects("C-1-1"),
        [
            "まちなか居住推進",
            "6次産業化",
            "空き店舗等利用促進",
            "中心市街地活性化推進"
        ]
    );
    assert!(projects("C-2-1").is_empty());
    assert_eq!(projects("C-2-2"), ["住民組織活動基盤整備", "市民活動推進"]);
    assert_eq!(projects("C-4-1"), ["田舎体験推進", "上越地域連携"]);
    let ids: Vec<&str> = r.kpis.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(ids, ["C-1-1.1", "C-1-1.2", "C-2-1.1", "C-2-2.1", "C-4-1.1"]);
    assert!(r.kpis.iter().all(|k| k.observations.len() == 3));
}

const KASHIWAZAKI_HEADER: &str = "重要業績評価指標（KPI）\t\t当初 (H30) (2018)\t前年度 (R1) (2019)\t実績値 (R2) (2020)\t目標値 (R6) (2024)\t進捗 状況\n";

#[test]
fn departments_embedded_and_trailing_in_order() {
    let text = format!(
        "I-1 地域産業を活性化する\n{KASHIWAZAKI_HEADER}\
         1\t特許保有件数（総数）\t153件\t153件\t144件\t200件\t遅延\n\
         2\t地域エネルギー会社の設立 （電源エネルギー戦略室）\t-\t-\t-\t設立 （R4年）\t順調\n\
         3\t認定数量\t2.0トン\t2.2トン\t7.5トン\t10トン\t順調\n\
         \n\n\
         （ものづくり振興課）\n\
         \n\
         （農政課）\n"
    );
    let (_, r) = run(&text);
    let departments: Vec<Vec<String>> = r.kpis.iter().map(|k| k.departments.clone()).collect();
    assert_eq!(
        departments,
        [
            vec!["ものづくり振興課".to_string()],
            vec!["電源エネルギー戦略室".to_string()],
            vec!["農政課".to_string()],
        ]
    );
    assert_eq!(r.kpis[1].name, "地域エネルギー会社の設立");
    assert!(r.warnings.iter().all(|w| w.code != "unparsed_row"));
}

#[test]
fn chart_titles_name_their_kpi_and_mismatching_chart_data_is_warned() {
    let text = format!(
        "IV-1 人材をつくる\n{KASHIWAZAKI_HEADER}\
         1\t体験したことがあると回答した児童・生徒の割合\t-\t67.0%\t59.5%\t75.0%\t遅延\n\
         2\t柏崎市創業支援等事業計画に基づく創業者数 (累計)\t6人\t20人\t28人\t31人\t順調\n\
         \n\
         柏崎市創業支援事業計画に基づく創業者数 (累計)\n\
         \n\
         年度\t人数 (人)\n\
         H30 (2018)\t6\n\
         R1 (2019)\t20\n\
         R2 (2020)\t29\n\
         \n\
         （市民活動支援課）\n\
         \n\
         体験したことがあると回答した児童・生徒の割合\n\
         \n\
         （学校教育課）\n"
    );
    let (_, r) = run(&text);
    assert_eq!(r.kpis[0].departments, ["学校教育課"]);
    assert_eq!(r.kpis[1].departments, ["市民活動支援課"]);
    let mismatches = warnings(&r, "chart_table_mismatch");
    assert_eq!(mismatches.len(), 1, "{:?}", r.warnings);
    assert_eq!(mismatches[0].provenance.line, 11);
    assert!(mismatches[0].message.contains("2020"));
    assert!(
        warnings(&r, "unparsed_row").is_empty(),
        "chart rows are not unparsed rows"
    );
}

#[test]
fn an_unrecognizable_row_with_a_number_inside_a_table_is_reported() {
    let text = format!(
        "{KASHIWAZAKI_HEADER}\
         1\t特許保有件数（総数）\t153件\t153件\t144件\t200件\t遅延\n\
         \t\t合計 312件\n\
         \t注記\t\n\
         2\t認定数量\t2.0トン\t2.2トン\t7.5トン\t10トン\t順調\n"
    );
    let (lines, r) = run(&text);
    assert_eq!(r.kpis.len(), 2);
    let unparsed = warnings(&r, "unparsed_row");
    assert_eq!(unparsed.len(), 1, "{:?}", r.warnings);
    assert_eq!(unparsed[0].provenance.line, 3);
    assert_eq!(unparsed[0].provenance.text, lines[2].raw);
}

#[test]
fn letter_grades_read_through_the_printed_legend() {
    let (_, r) = run(
        "【達成状況の区分】　A：目標達成　B：概ね順調　C：遅れ　－：評価不能\n\
         \n\
         指標名\t基準値\t実績値\t目標値\t達成状況\n\
         企業立地件数（件）\t4\t7\t6\tA\n\
         創業者数（人）\t41\t45\t50\tB\n\
         合計特殊出生率\t1.43（H30）\t1.33\t1.50\tC\n\
         道の駅の再整備\t基本構想策定\t工事着手\t供用開始\t－\n",
    );
    let codes: Vec<StatusCode> = r
        .kpis
        .iter()
        .map(|k| k.status.as_ref().expect("status").code)
        .collect();
    assert_eq!(
        codes,
        [
            StatusCode::Achieved,
            StatusCode::OnTrack,
            StatusCode::Delayed,
            StatusCode::Unknown
        ]
    );
    assert!(r
        .kpis
        .iter()
        .all(|k| roles(&r, 0) == roles(&r, 0) && k.observations.len() == 3));
    assert_eq!(roles(&r, 0), [Role::Baseline, Role::Current, Role::Target]);
    assert!(
        warnings(&r, "unknown_status").is_empty(),
        "{:?}",
        r.warnings
    );
}

#[test]
fn priority_projects_need_a_table_and_contents_lines_are_not_sections() {
    let (_, r) = run("目 次\n\
         (1)\t第1節 地域産業の振興を図り雇用の場をつくる\t5\n\
         重点プロジェクト\n\
         1 転入増加・転出抑制\n\
         プロジェクト\n\
         2 子育て支援プロジェクト\n\
         3 重点プロジェクトの進行管理\n\
         1 転入増加・転出抑制プロジェクト\n\
         若者を中心とした転出超過を抑制するプロジェクト\n\
         最重要業績評価指標（K P I）\t当初 (H30) (2018)\t実績値 (R2) (2020)\t目標値 (R6) (2024)\t進捗 状況\n\
         転出と転入の差\t345人\t326人\t245人\t遅延\n\
         \n\
         2 子育て支援プロジェクト\n\
         最重要業績評価指標（K P I）\t当初 (H29) (2017)\t実績値 (R1) (2019)\t目標値 (R5) (2023)\t進捗 状況\n\
         合計特殊出生率\t1.54\t1.51\t1.63\t遅延\n");
    let codes: Vec<&str> = r.sections.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(codes, ["P-1", "P-2"]);
    assert_eq!(r.sections[0].title, "転入増加・転出抑制プロジェクト");
    let got: Vec<(&str, KpiKind)> = r.kpis.iter().map(|k| (k.id.as_str(), k.kind)).collect();
    assert_eq!(
        got,
        [("P-1.1", KpiKind::Priority), ("P-2.1", KpiKind::Priority)]
    );
    assert_eq!(period_years(&r, 1), [Some(2017), Some(2019), Some(2023)]);
}

#[test]
fn department_blocks_become_initiatives() {
    let (_, r) = run("I-1-1 地域産業の稼ぐ力の拡大\n\
         \n\
         ものづくり振興課\t主な取組と成果\t<p>企業の経営基盤強化に取り組みました。</p> <p>投資を促進しました。</p>\n\
         \t課題\t事業構造の転換が求められています。\n\
         \t今後の展開\t企業を支援します。\n\
         \t主な事業\t<ul style=\"list-style-type: none\"> ・工業振興事業 ・IoT推進事業\n\
         \n\
         介護高齢課\t主な取組と成果\t補助金を交付しました。\n\
         \t主な事業\t<ul style=\"list-style-type: none\"> 介護従事者人材確保・育成支援事業 介護・福祉職員就職支援事業\n\
         I-1-(2) 新たな産業の創出\t\t\n\
         電源エネルギー戦略室\t主な取組と成果\tまとめました。\n");
    assert_eq!(r.initiatives.len(), 3);
    let first = &r.initiatives[0];
    assert_eq!(first.section.as_deref(), Some("I-1-(1)"));
    assert_eq!(first.department.as_deref(), Some("ものづくり振興課"));
    assert_eq!(
        first.achievements.as_deref(),
        Some("企業の経営基盤強化に取り組みました。\n投資を促進しました。")
    );
    assert_eq!(
        first.challenges.as_deref(),
        Some("事業構造の転換が求められています。")
    );
    assert_eq!(first.next_steps.as_deref(), Some("企業を支援します。"));
    assert_eq!(first.projects, ["工業振興事業", "IoT推進事業"]);
    assert_eq!(first.provenance.line, 3);
    assert_eq!(
        r.initiatives[1].projects,
        [
            "介護従事者人材確保・育成支援事業",
            "介護・福祉職員就職支援事業"
        ]
    );
    assert_eq!(r.initiatives[1].challenges, None);
    assert_eq!(r.initiatives[2].section.as_deref(), Some("I-1-(2)"));
    assert!(r.kpis.is_empty());
}

#[test]
fn title_and_reported_period() {
    let (_, r) = run("\n**令和 3（2021）年度\n柏崎市第 2 期総合戦略\n進行管理報告書**\n\n（令和 2（2020）年度実績分）\n");
    let title = r.info.title.as_deref().unwrap();
    assert!(
        title.contains("柏崎市第 2 期総合戦略 進行管理報告書"),
        "{title}"
    );
    assert!(!title.contains('*'));
    let as_of = r.info.as_of.as_ref().expect("as_of");
    assert_eq!(as_of.year, 2020);
    let (_, r) = run("「上越市総合戦略」KPI進捗状況一覧表\n\
         項目\t策定時\t現状値（R5年度末）\t目標（R6）\n\
         認定農業者数\t1,150人 (H31.4)\t842人\t1,040人\n");
    assert_eq!(
        r.info.as_of.as_ref().map(|p| p.raw.as_str()),
        Some("R5年度末")
    );
}

#[test]
fn no_panic_on_ragged_and_empty_input() {
    for text in [
        "",
        "\n\n\t\t\n",
        "項目\t当初\t目標値\n",
        "項目\t当初\t目標値\n\t\n-\t-\n1\n",
        "A-1-1\n第1節\n分野1\n1-2-(2) x\n",
        "（農政課）\n年度\t割合 (%)\nR1 (2019)\t67\n",
        "\t主な事業\t・x\n課題\t\n",
    ] {
        let (_, r) = run(text);
        assert!(r.kpis.len() <= 1, "{text:?}");
    }
}
