//! One small fixture per layout the table stage recognizes (`fixtures/layouts/NAME.txt`),
//! each checked two ways:
//!
//! - **facts**, written by hand from the fixture's text below: every KPI with its id,
//!   section, departments, status and observations, every section, every initiative, every
//!   warning code. A difference here is a wrong reading.
//! - **a snapshot** of the whole `--pretty` output (`fixtures/layouts/snapshots/`), so any
//!   change of any byte is seen in review (`cargo insta review`); the snapshots were read
//!   against the fixtures when they were accepted.
//!
//! The binary is run from the repository root with a relative path, so `source.file` is
//! the same on every machine.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// `shinchoku extract fixtures/layouts/NAME.txt --pretty`.
fn extract_pretty(name: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_shinchoku"))
        .current_dir(root())
        .args([
            "extract",
            &format!("fixtures/layouts/{name}.txt"),
            "--pretty",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn text(v: &Value) -> String {
    match v {
        Value::Null => "-".to_string(),
        Value::Array(items) if items.is_empty() => "-".to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(text).collect::<Vec<_>>().join(";"),
        other => other.to_string(),
    }
}

/// One line per KPI: `id | name | section | departments | status | role=raw@period …`.
fn kpi_lines(doc: &Value) -> Vec<String> {
    doc["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            let observations: Vec<String> = k["observations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| {
                    format!(
                        "{}={}@{}",
                        text(&o["role"]),
                        text(&o["raw"]),
                        text(&o["period"]["raw"])
                    )
                })
                .collect();
            format!(
                "{} | {} | {} | {} | {} | {}",
                text(&k["id"]),
                text(&k["name"]),
                text(&k["section"]),
                text(&k["departments"]),
                text(&k["status"]["code"]),
                observations.join(" ")
            )
        })
        .collect()
}

fn column(doc: &Value, array: &str, fields: &[&str]) -> Vec<String> {
    doc[array]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            fields
                .iter()
                .map(|f| text(&item[*f]))
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

struct Facts<'a> {
    title: &'a str,
    municipality_code: &'a str,
    as_of: &'a str,
    sections: &'a [&'a str],
    kpis: &'a [&'a str],
    initiatives: &'a [&'a str],
    warnings: &'a [&'a str],
}

fn check(name: &str, facts: &Facts) {
    let pretty = extract_pretty(name);
    let doc: Value = serde_json::from_str(&pretty).unwrap();
    assert_eq!(
        text(&doc["document"]["title"]),
        facts.title,
        "{name}: title"
    );
    assert_eq!(
        text(&doc["document"]["municipality"]["code"]),
        facts.municipality_code,
        "{name}: municipality"
    );
    assert_eq!(
        text(&doc["document"]["as_of"]["raw"]),
        facts.as_of,
        "{name}: as_of"
    );
    assert_eq!(
        column(&doc, "sections", &["code", "title", "parent"]),
        facts.sections,
        "{name}: sections"
    );
    assert_eq!(kpi_lines(&doc), facts.kpis, "{name}: kpis");
    assert_eq!(
        column(&doc, "initiatives", &["section", "department", "projects"]),
        facts.initiatives,
        "{name}: initiatives"
    );
    assert_eq!(
        column(&doc, "warnings", &["code"]),
        facts.warnings,
        "{name}: warnings"
    );
    insta::with_settings!({
        snapshot_path => root().join("fixtures/layouts/snapshots"),
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!(name, pretty);
    });
}

/// The row-per-KPI table under a header of role columns (基準値 / 実績値 / 目標値), with a
/// status column and a department column; a `-` cell is a missing value.
#[test]
fn kpi_table() {
    check(
        "kpi-table",
        &Facts {
            title: "令和5年度 見附市まち・ひと・しごと創生総合戦略 KPI進捗状況一覧表",
            municipality_code: "152111",
            as_of: "令和5年度",
            sections: &["1 | 地域の産業を育て、働く場をつくる | -"],
            kpis: &[
                "1.1 | 製造品出荷額等 | 1 | 商工観光課 | on_track | baseline=1,820億円@R元年度 current=1,905億円@R4年度 target=2,000億円@R6年度",
                "1.2 | 新規就農者数(累計) | 1 | 農林創生課 | delayed | baseline=12人@R元年度 current=31人@R4年度 target=40人@R6年度",
                "1.3 | 市内の有効求人倍率 | 1 | 商工観光課 | on_track | baseline=1.21倍@R元年度 current=1.48倍@R4年度 target=1.30倍以上@R6年度",
                "1.4 | 創業支援による創業件数 | 1 | 商工観光課 | delayed | baseline=8件/年@R元年度 current=-@R4年度 target=10件/年@R6年度",
            ],
            initiatives: &[],
            warnings: &[],
        },
    );
}

/// Section headings: measure codes with Roman numerals (`Ⅰ-1`), each opening its own
/// table. The top-level headings (`Ⅰ　地域産業の振興`, a Roman numeral and a title with no
/// `基本目標` or `第N節` word) are not read as sections yet, so `I-1` has no parent: a gap
/// that the layouts issue (every common section form) closes; this fact records today's
/// reading so that the restructuring keeps it.
#[test]
fn sections() {
    check(
        "sections",
        &Facts {
            title: "見附市総合戦略 施策別KPI一覧(令和4年度実績)",
            municipality_code: "152111",
            as_of: "令和4年度",
            sections: &[
                "I-1 | ものづくり産業の競争力強化 | -",
                "I-2 | 観光の振興 | -",
                "II-1 | 保育環境の整備 | -",
            ],
            kpis: &[
                "I-1.1 | 特許出願件数 | I-1 | - | delayed | baseline=15件@R元 current=18件@R4 target=25件@R6",
                "I-2.1 | 観光入込客数 | I-2 | - | delayed | baseline=48万人@R元 current=39万人@R4 target=55万人@R6",
                "I-2.2 | 宿泊者数 | I-2 | - | on_track | baseline=3.2万人@R元 current=3.5万人@R4 target=4.0万人@R6",
                "II-1.1 | 保育園の待機児童数 | II-1 | - | on_track | baseline=3人@R元 current=0人@R4 target=0人@R6",
            ],
            initiatives: &[],
            warnings: &[],
        },
    );
}

/// The department narrative table: a department cell, then 主な取組と成果 / 課題 /
/// 今後の展開 / 主な事業 rows, under a measure heading.
#[test]
fn narratives() {
    check(
        "narratives",
        &Facts {
            title: "見附市総合戦略 進行管理報告書(令和4年度)",
            municipality_code: "152111",
            as_of: "令和4年度",
            sections: &[
                "I-1 | 地域産業を活性化する | -",
                "I-1-1 | 企業誘致の推進 | I-1",
            ],
            kpis: &[
                "I-1.1 | 企業誘致件数(累計) | I-1 | - | on_track | baseline=2件@R元 current=5件@R4 target=6件@R6",
            ],
            initiatives: &[
                "I-1-1 | 産業振興課 | 企業立地促進事業;工業団地整備事業",
                "I-1-1 | 企画調整課 | サテライトオフィス誘致事業",
            ],
            warnings: &[],
        },
    );
}

/// The same narratives as `pdftotext -layout` prints them (invented): each field's wrapped
/// lines are lines of their own under its text, the projects one bullet a line, blank lines
/// between the fields, and a heading right under the last one. Every field is read whole;
/// the heading is a section, not text of the narrative; three bullet lines ending in `事業`
/// are projects, not the header of a table printed one cell a line (they were, and took
/// the next department's block as its rows). Checked by hand against the fixture.
#[test]
fn narratives_flattened() {
    let doc: Value = serde_json::from_str(&extract_pretty("narratives-flattened")).unwrap();
    let got: Vec<String> = doc["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let projects: Vec<&str> = i["projects"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap())
                .collect();
            format!(
                "{} | {} | {} | {} | {} | {}",
                text(&i["section"]),
                text(&i["department"]),
                text(&i["achievements"]),
                text(&i["challenges"]),
                text(&i["next_steps"]),
                projects.join(";")
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "I-1-1 | 産業振興課 | 工業団地の分譲に向けて県外企業を訪問し、2社の立地が決まりました。また、既存企業の増設を支援しました。 | 分譲可能な区画が残り少なく、新たな用地の確保が必要です。 | 遊休地の活用を検討し、立地希望に応えられる体制を整えます。 | 企業立地促進事業;工業団地整備事業;産業用地確保事業;雇用促進事業",
            "I-1-1 | 企画調整課 | サテライトオフィスの誘致に向けた説明会を2回開催しました。 | 通信環境の整った物件の情報が不足しています。 | - | ",
        ]
    );
    let sections: Vec<&str> = doc["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["code"].as_str().unwrap())
        .collect();
    assert_eq!(sections, ["I-1-1", "I-1-2"]);
}

/// Chart data after a table: a chart title naming a KPI, its year/value rows and the
/// department line. The second chart prints 365 for R4 where the table says 356人: the
/// reader keeps the table's value and warns.
#[test]
fn chart_data() {
    check(
        "chart-data",
        &Facts {
            title: "見附市総合戦略 進行管理報告書(令和4年度)",
            municipality_code: "152111",
            as_of: "令和4年度",
            sections: &["II-1 | 子育てを支える | -"],
            kpis: &[
                "II-1.1 | 子育て支援センターの利用者数 | II-1 | こども課 | delayed | baseline=8,200人@R元 previous=6,150人@R3 current=7,480人@R4 target=9,000人@R6",
                "II-1.2 | ファミリー・サポート会員数 | II-1 | 子育て支援課 | on_track | baseline=310人@R元 previous=342人@R3 current=356人@R4 target=400人@R6",
            ],
            initiatives: &[],
            warnings: &["chart_table_mismatch"],
        },
    );
}

/// A unit column (`単位`) and a base-year column (`基準年度`) beside the value columns:
/// each row takes its unit and its baseline's period from them (`48` in a `万人` row is
/// 480,000 people; the baseline of a `H30` row is dated H30, 2018). The `達成率` column is
/// its `achievement_rate` (68 and 105 %).
#[test]
fn unit_columns() {
    check(
        "unit-columns",
        &Facts {
            title: "令和5年度 見附市総合戦略 KPI一覧",
            municipality_code: "152111",
            as_of: "令和5年度",
            sections: &[],
            kpis: &[
                "KPI.1 | 新規就農者数 | - | 農林創生課 | - | baseline=12@H30 current=31@R4年度 target=40@R6年度",
                "KPI.2 | 観光入込客数 | - | 商工観光課 | - | baseline=48@2019年度 current=39@R4年度 target=55@R6年度",
                "KPI.3 | 移住相談件数 | - | 企画調整課 | - | baseline=310@R元 current=521@R4年度 target=500@R6年度",
            ],
            initiatives: &[],
            warnings: &[],
        },
    );
}

/// `document.kind` and, per KPI, `id | achievement_rate | notes` (issue 17).
fn check_kind_and_notes(name: &str, kind: &str, lines: &[&str]) {
    let doc: Value = serde_json::from_str(&extract_pretty(name)).unwrap();
    assert_eq!(text(&doc["document"]["kind"]), kind, "{name}: kind");
    let got: Vec<String> = doc["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            format!(
                "{} | {} | {}",
                text(&k["id"]),
                text(&k["achievement_rate"]["number"]),
                text(&k["notes"])
            )
        })
        .collect();
    assert_eq!(got, lines, "{name}: achievement rates and notes");
}

/// Role words in other wordings: 策定時 (baseline), 前年度実績 (previous), 実績 (current),
/// 目安値 (an interim target with its own period), 目標; periods in the cells; a 達成率
/// column; an unknown column (`指標の種類`) kept as notes.
#[test]
fn role_words() {
    check(
        "role-words",
        &Facts {
            title: "令和5年度 見附市総合戦略 進捗状況報告書",
            municipality_code: "152111",
            as_of: "令和5年度",
            sections: &[],
            kpis: &[
                "KPI.1 | 市内従業者数(人) | - | - | on_track | baseline=21,450 (H30)@H30 previous=21,600@- current=21,880 (R5)@R5 target=21,700@R5 target=22,000@R7",
                "KPI.2 | 新規創業件数(件) | - | - | delayed | baseline=12 (2019年度)@2019年度 previous=15@- current=9 (R5年度)@R5年度 target=16@R5 target=20@R7",
            ],
            initiatives: &[],
            warnings: &[],
        },
    );
    check_kind_and_notes(
        "role-words",
        "progress_report",
        &[
            "KPI.1 | 80 | 指標の種類: 成果指標",
            "KPI.2 | 45 | -", // the dash in 指標の種類 says there is nothing to note
        ],
    );
}

/// Status forms: a legend printed as words and marks (`達成度:順調A,要改善B,未実施-`), a
/// `改善・悪化` column (kept as notes), 現状値 beside 実績値 as the baseline; words without a
/// legend; a mark in no legend (`S`) is `other` with one warning for both rows.
#[test]
fn status_forms() {
    check(
        "status-forms",
        &Facts {
            title: "江田見市まち・ひと・しごと創生総合戦略 効果検証シート(平成27年度)",
            municipality_code: "-",
            as_of: "平成27年度",
            sections: &[],
            kpis: &[
                "KPI.1 | 有害鳥獣による農作物被害額(千円) | - | - | on_track | baseline=22,585@H26 current=20,563@H27 target=20,000@H31",
                "KPI.2 | オリーブ栽培の面積(ha) | - | - | delayed | baseline=22.6@H26 current=24.6@H27 target=35.0@H31",
                "KPI.3 | 新規就農者数(人) | - | - | unknown | baseline=3@H26 current=2@H27 target=10@H31",
                "KPI.4 | 合計特殊出生率 | - | - | on_track | baseline=1.54@H26 current=1.56@H27 target=1.68@H31",
                "KPI.5 | 保育所待機児童数(人) | - | - | delayed | baseline=12@H26 current=15@H27 target=0@H31",
                "KPI.6 | 子育て支援センター利用者数(人) | - | - | on_track | baseline=8,200@H26 current=8,900@H27 target=10,000@H31",
                "KPI.7 | 婚活イベント参加者数(人) | - | - | other | baseline=120@H26 current=95@H27 target=200@H31",
                "KPI.8 | 結婚相談件数(件) | - | - | other | baseline=40@H26 current=38@H27 target=60@H31",
            ],
            initiatives: &[],
            warnings: &["municipality_unknown", "unknown_status"],
        },
    );
}

/// Section forms: `基本目標①` (coded from the `施策1-1` under it), a `◆数値目標` marker for
/// the goal's headline KPI, and a lone `基本目標2` coded `2` (regression: it was `II`); then
/// `第3節`, a marked `■施策①` and a bare `施策23` (measures numbered on their own, coded under
/// their goal as printed: `3-1`, `3-23`), a KPI marked `◆` (a headline target of its goal,
/// the mark not in its name), `分野4` (a field with no codes under it: `D`) and a
/// `重点プロジェクト1` confirmed by its table (`P-1`, its KPI a priority one).
#[test]
fn section_forms() {
    check(
        "section-forms",
        &Facts {
            title: "令和4年度 見附市総合戦略 KPI一覧",
            municipality_code: "152111",
            as_of: "令和4年度",
            sections: &[
                "1 | 地域で暮らすためのしごとをつくる | -",
                "1-1 | 農林業の振興 | 1",
                "2 | 新しいひとの流れをつくる | -",
                "3 | 地域の魅力を高める | -",
                "3-1 | 観光の振興 | 3",
                "3-23 | 移住定住の促進 | 3",
                "D | 子育て | -",
                "P-1 | 子育て応援プロジェクト | -",
            ],
            kpis: &[
                "1.1 | 市内従業者数(人) | 1 | - | delayed | baseline=3,120@R元 current=3,050@R4 target=3,300@R6",
                "1-1.1 | 新規就農者数(人) | 1-1 | - | on_track | baseline=2@R元 current=5@R4 target=10@R6",
                "2.1 | 転入者数(人) | 2 | - | on_track | baseline=715@R元 current=802@R4 target=950@R6",
                "3.1 | 観光入込客数(万人) | 3 | - | delayed | baseline=48@R元 current=39@R4 target=55@R6",
                "3-1.1 | 宿泊者数(人) | 3-1 | - | on_track | baseline=3,200@R元 current=3,500@R4 target=4,000@R6",
                "3-23.1 | 移住相談件数(件) | 3-23 | - | on_track | baseline=10@R元 current=21@R4 target=60@R6",
                "D.1 | 保育所待機児童数(人) | D | - | on_track | baseline=3@R元 current=0@R4 target=0@R6",
                "P-1.1 | 子育て支援センター利用者数(人) | P-1 | - | on_track | baseline=8,200@R元 current=8,600@R4 target=9,000@R6",
            ],
            initiatives: &[],
            warnings: &[],
        },
    );
    let doc: Value = serde_json::from_str(&extract_pretty("section-forms")).unwrap();
    let kinds: Vec<String> = doc["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| format!("{} {}", text(&k["id"]), text(&k["kind"])))
        .collect();
    assert_eq!(
        kinds,
        [
            "1.1 headline",
            "1-1.1 kpi",
            "2.1 kpi",
            "3.1 headline",
            "3-1.1 kpi",
            "3-23.1 kpi",
            "D.1 kpi",
            "P-1.1 priority"
        ]
    );
    assert_eq!(
        text(&doc["kpis"][3]["name_raw"]),
        "◆観光入込客数(万人)",
        "the mark stays in name_raw"
    );
}

/// Era forms: a 基準年 column of letter-spaced years alone in their cells (`平 成 2 6 年`),
/// header periods `H30.3` (a month) and `令 和 2年 度`, era-less fiscal years (`26年度`) in a
/// document that writes 平成 and 令和 years (read in the era whose printed years span them),
/// and Gregorian/era pairs both ways (`2019(H31)年`, `H31(2019)年`); `2018(H29)年` is an
/// inconsistent pair (H29 is 2017): the era is read and the mismatch warned about.
#[test]
fn era_forms() {
    check(
        "era-forms",
        &Facts {
            title: "平成30年度 見附市まち・ひと・しごと創生総合戦略 効果検証シート",
            municipality_code: "152111",
            as_of: "平成30年度",
            sections: &[
                "1 | 地域で暮らすためのしごとをつくる | -",
                "2 | 新しいひとの流れをつくる | -",
            ],
            kpis: &[
                "1.1 | 新規就農者数(人) | 1 | - | on_track | baseline=2@平 成 2 6 年 current=5@H30.3 target=10@令 和 2年 度",
                "1.2 | 転入者数(人) | 1 | - | delayed | baseline=715@平 成 2 7 年 current=802@H30.3 target=950@令 和 2年 度",
                "2.1 | 観光入込客数(万人) | 2 | - | delayed | baseline=48 (26年度)@26年度 current=39 (2019(H31)年)@2019(H31)年 target=55 (H31(2019)年)@H31(2019)年",
                "2.2 | 宿泊者数(人) | 2 | - | on_track | baseline=3,200 (27年度)@27年度 current=3,500 (2018(H29)年)@2018(H29)年 target=4,000 (R2年度)@R2年度",
            ],
            initiatives: &[],
            warnings: &["era_mismatch"],
        },
    );
    let doc: Value = serde_json::from_str(&extract_pretty("era-forms")).unwrap();
    // (KPI, observation) → (era, era year, year, month, basis), read by hand.
    let period = |k: usize, o: usize| {
        let p = &doc["kpis"][k]["observations"][o]["period"];
        format!(
            "{} {} {} {} {}",
            text(&p["era"]),
            text(&p["era_year"]),
            text(&p["year"]),
            text(&p["month"]),
            text(&p["basis"])
        )
    };
    assert_eq!(period(0, 0), "heisei 26 2014 - calendar_year");
    assert_eq!(period(0, 1), "heisei 30 2018 3 calendar_year");
    assert_eq!(period(0, 2), "reiwa 2 2020 - fiscal_year");
    assert_eq!(period(1, 0), "heisei 27 2015 - calendar_year");
    assert_eq!(period(2, 0), "heisei 26 2014 - fiscal_year");
    assert_eq!(period(2, 1), "heisei 31 2019 - calendar_year");
    assert_eq!(period(2, 2), "heisei 31 2019 - calendar_year");
    assert_eq!(period(3, 0), "heisei 27 2015 - fiscal_year");
    assert_eq!(period(3, 1), "heisei 29 2017 - calendar_year");
    assert_eq!(period(3, 2), "reiwa 2 2020 - fiscal_year");
}

/// A strategy: only 現状値 and 目標値 columns, so 現状値 is the baseline and the document is a
/// `strategy`; the `目標値設定の考え方` column is kept as notes, not read as a target.
#[test]
fn strategy_plan() {
    check(
        "strategy-plan",
        &Facts {
            title: "見附市まち・ひと・しごと創生総合戦略(令和2年3月策定)",
            municipality_code: "152111",
            // The first 現状値 column's period (document.rs's fallback, left alone here).
            // The 現状値 (H30) column is the baseline of a strategy, not a period it reports on;
            // the title gives only the month it was adopted.
            as_of: "-",
            sections: &["1 | 安定した雇用を創出する | -"],
            kpis: &[
                "1.1 | 製造品出荷額等(億円) | 1 | - | - | baseline=1,250@H30 target=1,400@R6",
                "1.2 | 市内の新規雇用者数(人) | 1 | - | - | baseline=180@H30 target=250@R6",
            ],
            initiatives: &[],
            warnings: &[],
        },
    );
    check_kind_and_notes(
        "strategy-plan",
        "strategy",
        &[
            "1.1 | - | 目標値設定の考え方: 工業統計の伸び率から設定",
            "1.2 | - | 目標値設定の考え方: 過去5年の平均から設定",
        ],
    );
}

/// One line per KPI: `id | kind | role=number unit …`, the values as read (`-` for a
/// missing value).
fn value_lines(doc: &Value) -> Vec<String> {
    doc["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            let values: Vec<String> = k["observations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| {
                    let v = &o["value"];
                    match v["kind"].as_str() {
                        Some("number") => {
                            format!("{}={}{}", text(&o["role"]), v["number"], text(&v["unit"]))
                        }
                        other => format!("{}={}", text(&o["role"]), other.unwrap_or("?")),
                    }
                })
                .collect();
            format!(
                "{} | {} | {}",
                text(&k["id"]),
                text(&k["kind"]),
                values.join(" ")
            )
        })
        .collect()
}

fn check_values(name: &str, expected: &[&str]) {
    let doc: Value = serde_json::from_str(&extract_pretty(name)).unwrap();
    assert_eq!(value_lines(&doc), expected, "{name}: values");
}

/// Indicator sheets, one block per KPI: a title line (`数値目標：`, `KPI①`, `【KPI】`,
/// `[KPI]`), a row of periods with their roles, then `実績値` / `目標値` / `期待値` rows under
/// them (tab-separated, with fewer values than columns). `平成27` between the baseline and
/// the current year is `previous`; the `現状値 H25 H26 H27` group makes H27 current and the
/// earlier years previous; an unlabelled value row takes its columns' roles; the `期待値`
/// row gives targets dated by their own columns; the `[KPI]` sheet names no current year,
/// so its latest actual (H28) is current.
#[test]
fn indicator_sheets() {
    check(
        "indicator-sheets",
        &Facts {
            title: "令和元年度 見附市まち・ひと・しごと創生総合戦略 効果検証シート",
            municipality_code: "152111",
            as_of: "令和元年度",
            sections: &["1 | 地域の産業を育て、安定した雇用を創出する | -"],
            kpis: &[
                "1.1 | 市内従業者数(人) | 1 | - | - | baseline=40,215@平成25 previous=40,880@平成27 current=41,102@平成28 target=42,000@平成31",
                "1.2 | 観光入込客数(万人) | 1 | - | - | previous=48.2@H25 previous=50.1@H26 current=52.3@H27 target=55.0@H31",
                "1.3 | 新規就農者数(人) | 1 | - | - | baseline=12@H26 current=15@H28 target=20@H31",
                "1.4 | 農業産出額 | 1 | - | - | baseline=45億円@H26 previous=46億円@H27 current=44億円@H28 target=46億円@H27 target=47億円@H28 target=48億円@H29 target=50億円@H31",
            ],
            initiatives: &[],
            warnings: &[],
        },
    );
    check_values(
        "indicator-sheets",
        &[
            "1.1 | headline | baseline=40215人 previous=40880人 current=41102人 target=42000人",
            "1.2 | kpi | previous=48.2万人 previous=50.1万人 current=52.3万人 target=55万人",
            "1.3 | kpi | baseline=12人 current=15人 target=20人",
            "1.4 | kpi | baseline=45億円 previous=46億円 current=44億円 target=46億円 target=47億円 target=48億円 target=50億円",
        ],
    );
}

/// The same sheets as space-aligned text, whose reader drops the blank cells: the target
/// row's one value goes under the last column (the goal), the actuals from the left.
#[test]
fn indicator_sheets_space_aligned() {
    check(
        "indicator-sheets-spaces",
        &Facts {
            title: "令和元年度 見附市総合戦略 効果検証シート",
            municipality_code: "152111",
            as_of: "令和元年度",
            sections: &[],
            kpis: &[
                "KPI.1 | 転入者数(人) | - | - | - | baseline=1,215@平成26 previous=1,240@平成27 current=1,302@平成28 target=1,400@平成31",
                "KPI.2 | 移住相談件数(件) | - | - | - | baseline=310@H27 previous=355@H28 previous=402@H29 current=521@H30 target=600@R6",
            ],
            initiatives: &[],
            warnings: &[],
        },
    );
    check_values(
        "indicator-sheets-spaces",
        &[
            "KPI.1 | headline | baseline=1215人 previous=1240人 current=1302人 target=1400人",
            "KPI.2 | kpi | baseline=310件 previous=355件 previous=402件 current=521件 target=600件",
        ],
    );
}

/// Inline lists: `name:left → right` in every printed form (full-width colon, periods
/// before or after the values, a pair after a tab, a pair inside the name text, role
/// labels instead of an arrow, `⇒`, the name alone on the line before, the pair spread
/// over cells). The left value is the baseline, `―` a missing one; a misprinted figure
/// (`12億5,0000万円`: 12億5,000万 or 17億?) is kept as text beside a read target; prose
/// with an arrow (the last two lines) is not read.
#[test]
fn inline_lists() {
    check(
        "inline-lists",
        &Facts {
            title: "令和2年度 第2期見附市まち・ひと・しごと創生総合戦略 数値目標と重要業績評価指標",
            municipality_code: "152111",
            as_of: "令和2年度",
            sections: &["1 | 地域の産業を育て、安定した雇用を創出する | -"],
            kpis: &[
                "1.1 | いちご生産額 | 1 | - | - | baseline=2億396万円@- target=4億3,000万円@-",
                "1.2 | 新規創業件数 | 1 | - | - | baseline=-@- target=10件@-",
                "1.3 | 婚姻率 | 1 | - | - | baseline=5.5‰(平成25年)@平成25年 target=5.9‰(平成31年)@平成31年",
                "1.4 | 製造品出荷額等 | 1 | - | - | baseline=(H25)4,356億円@H25 target=(H31)4,380億円@H31",
                "1.5 | 合計特殊出生率 | 1 | - | - | baseline=H26年1.54@H26年 target=H31年1.68@H31年",
                "1.6 | 観光入込客数 | 1 | - | - | baseline=48万人(H26)@H26 target=55万人(H31)@H31",
                "1.7 | 新規就農者数 | 1 | - | - | baseline=12人/年@- target=20人/年@-",
                "1.8 | 移住者数 | 1 | - | - | baseline=H26年11人@H26年 target=H31年17人@H31年",
                "1.9 | 子育て支援センター利用者数 | 1 | - | - | baseline=8,200人@- target=9,000人@-",
                "1.10 | 観光消費額 | 1 | - | - | baseline=12億5,0000万円@- target=15億円@-",
            ],
            initiatives: &[],
            warnings: &[],
        },
    );
    check_values(
        "inline-lists",
        &[
            "1.1 | kpi | baseline=203960000円 target=430000000円",
            "1.2 | kpi | baseline=missing target=10件",
            "1.3 | kpi | baseline=5.5‰ target=5.9‰",
            "1.4 | kpi | baseline=4356億円 target=4380億円",
            "1.5 | kpi | baseline=1.54- target=1.68-",
            "1.6 | kpi | baseline=48万人 target=55万人",
            "1.7 | kpi | baseline=12人/年 target=20人/年",
            "1.8 | kpi | baseline=11人 target=17人",
            "1.9 | kpi | baseline=8200人 target=9000人",
            "1.10 | kpi | baseline=text target=15億円",
        ],
    );
}

/// What a KPI says, without where it was printed: name, kind, section and every
/// observation's role, value and period.
fn kpi_facts(doc: &Value) -> Vec<Value> {
    doc["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            let observations: Vec<Value> = k["observations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| serde_json::json!([o["role"], o["raw"], o["value"], o["period"]]))
                .collect();
            serde_json::json!([k["id"], k["name"], k["kind"], k["section"], observations])
        })
        .collect()
}

/// The indicator sheets printed as PDF tables by two generators (`scripts/make-sheet-pdfs`:
/// LibreOffice and WeasyPrint; the blank cells of a sheet are empty table cells there,
/// so the values are placed by their horizontal position) give the text's KPIs.
#[test]
fn indicator_sheets_from_pdf() {
    let read = |path: &str| -> Value {
        let out = Command::new(env!("CARGO_BIN_EXE_shinchoku"))
            .current_dir(root())
            .args(["extract", path])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{path}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let text = kpi_facts(&read("fixtures/layouts/indicator-sheets.txt"));
    assert_eq!(text.len(), 4);
    for pdf in ["indicator-sheets.lo.pdf", "indicator-sheets.weasy.pdf"] {
        let doc = read(&format!("fixtures/layouts/{pdf}"));
        assert_eq!(kpi_facts(&doc), text, "{pdf}");
        assert_eq!(doc["warnings"], serde_json::json!([]), "{pdf}");
    }
}

/// A page flattened onto one line (a web transcript of a PDF): a status legend, a table
/// whose two names came out after its six values (read row by row), a heading, then a
/// table whose tall header interleaves with its first row, with the period `R3` printed
/// before `指 標 名` over the `実績` group. The row printed values-first around its name
/// (`累計 12 △ B 累計 30 … 観光ガイドの登録者数(人) 累計 5`) makes no row: its values stay
/// text, with warnings: the flattening layout's for the line, and the table's for each
/// line inside the table that holds a number but is no row (`(2)具体的施策…`, `累計 12 △ B
/// 累計 30`, `累計 5`). Statuses by the legend: A on track, B 要改善 delayed; the 改善・悪化 marks are notes.
#[test]
fn flattened_line() {
    check(
        "flattened-line",
        &Facts {
            title: "令和3年度 見附市まち・ひと・しごと創生総合戦略 施策の検証",
            municipality_code: "152111",
            as_of: "令和3年度",
            // `■施策① 観光の振興` heads the second table: a measure, coded as printed.
            sections: &["1 | 観光の振興 | -"],
            kpis: &[
                "KPI.1 | 観光入込客数(千人) | - | - | - | baseline=120@R1 current=135@R3 target=150@R6",
                "KPI.2 | 体験ツアー参加者数(人) | - | - | - | baseline=累計40@R1 current=累計95@R3 target=累計200@R6",
                "1.1 | 宿泊施設の稼働率(%) | 1 | - | on_track | baseline=41.5@R1 current=44.0@R3 target=50.0@R6",
                "1.2 | 土産品の新商品数(品) | 1 | - | delayed | baseline=3@R1 current=2@R3 target=10@R6",
            ],
            initiatives: &[],
            warnings: &["unparsed_row", "unparsed_row", "unparsed_row", "unparsed_row"],
        },
    );
    check_values(
        "flattened-line",
        &[
            "KPI.1 | kpi | baseline=120千人 current=135千人 target=150千人",
            "KPI.2 | kpi | baseline=40人 current=95人 target=200人",
            "1.1 | kpi | baseline=41.5% current=44% target=50%",
            "1.2 | kpi | baseline=3品 current=2品 target=10品",
        ],
    );
}

/// A national KPI form printed one cell per line, read as typed records: the header
/// `指標 | 指標値 | 単位 | 目標年月 | 実績値` (the unit caption `単位:円` and the project's
/// columns before `指標` are left out), then per KPI a name (wrapped names joined:
/// `空き家バンク登録` / `件数`; not the short `た` before `地元産品の新規販路開拓`), a number,
/// a unit, a date and an optional 実績値 (none for the first and the last). `指標値` beside
/// `目標年月` is the target, dated by it (H28.3 = 2016). The labels `指標①`… stay lines;
/// the project line `1 見附市空き家活用推進事業` and its cost are numbers in no row.
#[test]
fn one_per_line_records() {
    check(
        "one-per-line-records",
        &Facts {
            title: "地域活性化・地域住民生活等緊急支援交付金(地方創生先行型)に係る事業実施結果報告",
            // `市町村名` then `見附市` on the lines before the table.
            municipality_code: "152111",
            as_of: "-",
            sections: &[],
            kpis: &[
                "KPI.1 | 空き家バンク登録件数 | - | - | - | target=12@H28.3 current=@-",
                "KPI.2 | 移住相談会の開催 | - | - | - | target=4@H28.3 current=5@-",
                "KPI.3 | 移住体験ツアー参加者数 | - | - | - | target=30@H28.3 current=27@-",
                "KPI.4 | 地元産品の新規販路開拓数 | - | - | - | target=2@H28.3 current=@-",
            ],
            initiatives: &[],
            warnings: &["unparsed_row", "unparsed_row"],
        },
    );
    check_values(
        "one-per-line-records",
        &[
            "KPI.1 | kpi | target=12件 current=missing",
            "KPI.2 | kpi | target=4回 current=5回",
            "KPI.3 | kpi | target=30人 current=27人",
            "KPI.4 | kpi | target=2社 current=missing",
        ],
    );
}

/// A yearly sheet (施策マネジメントシート) flattened onto one line, as a web transcript of its
/// PDF prints it: a header `区分 令和元年度 … 令和6年度`, then per indicator its 実績値 row
/// (values before the label), its name and unit (merged cells, printed between the rows),
/// and its 目標値 row; two unused `実績値 目標値` pairs; the notes and the vertical
/// `成果指標名` caption after them. Empty cells leave no word, so the values are placed
/// by the sheet's logic: the longest 実績値 row (4 values) runs R1…R4, the year under
/// review; the shorter one (体験型観光, 2 values: measured from R3) ends there too; targets
/// run to R6. The latest actual is current, the earlier ones previous. `施策 12 観光交流の推進`
/// is the section; the town is named on the first line.
#[test]
fn flattened_yearly_sheet() {
    check(
        "flattened-yearly-sheet",
        &Facts {
            title: "湯沢町 施策マネジメントシート(令和4年度の振り返り)",
            municipality_code: "154610",
            as_of: "令和4年度",
            sections: &["12 | 観光交流の推進 | -"],
            kpis: &[
                "12.1 | 観光入込客数 | 12 | - | - | previous=812@令和元年度 previous=403@令和2年度 previous=455@令和3年度 current=690@令和4年度 target=820@令和2年度 target=830@令和3年度 target=840@令和4年度 target=850@令和5年度 target=860@令和6年度",
                "12.2 | 体験型観光プログラム参加者数 | 12 | - | - | previous=12@令和3年度 current=15@令和4年度 target=20@令和4年度 target=30@令和5年度 target=40@令和6年度",
                "12.3 | 宿泊施設の平均稼働率 | 12 | - | - | previous=35.2@令和元年度 previous=33.8@令和2年度 previous=36.1@令和3年度 current=41.0@令和4年度 target=36.0@令和元年度 target=37.0@令和2年度 target=38.0@令和3年度 target=39.0@令和4年度 target=40.0@令和5年度 target=41.0@令和6年度",
            ],
            initiatives: &[],
            warnings: &[],
        },
    );
    check_values(
        "flattened-yearly-sheet",
        &[
            "12.1 | kpi | previous=812千人 previous=403千人 previous=455千人 current=690千人 target=820千人 target=830千人 target=840千人 target=850千人 target=860千人",
            "12.2 | kpi | previous=12人 current=15人 target=20人 target=30人 target=40人",
            "12.3 | kpi | previous=35.2% previous=33.8% previous=36.1% current=41% target=36% target=37% target=38% target=39% target=40% target=41%",
        ],
    );
}

/// A damaged web transcript of a PDF table: one cell a line with blank lines between,
/// every character spaced out, words dropped (`総 合 戦 略 の 基 本 目 標 に 係 る` / `2` /
/// `度 の 進 捗 状 況`). The header `目 標 | 数 値 目 標 | R2 | R6 | R2 | 実 績 値`: the
/// name column is 数値目標 (目標 before it heads the goal column); `R2 R6` left without a
/// role word before `R2 実績値` is the plan's span, a target column dated R6; 実績値 is
/// dated R2. Each record: goal fragments, the name (the last line; `出 生 - 死 亡` is a
/// formula explaining `自 然 増 減`, so both make the name), a number a column with `累 計`
/// before it or `万 人` after it (420万人 = 4,200,000 人, normalized), `―` a missing value.
/// The notes (`(う R2 度 310 人)`) stay lines; the meeting dates after `(2)` follow a
/// bracketed name (`（氏名省略）…`) and are no record.
#[test]
fn spaced_transcript() {
    check(
        "spaced-transcript",
        &Facts {
            title: "報告3 三条市まち・ひと・しごと創生総合戦略に係る令和2年度の進捗状況について",
            municipality_code: "152048",
            as_of: "令和2年度",
            sections: &[],
            kpis: &[
                "KPI.1 | 新規雇用者数 | - | - | - | target=1,200@R6 current=累 計 640@R2",
                "KPI.2 | 自然増減 出生-死亡 | - | - | - | target=▲ 2,000@R6 current=▲ 1,150@R2",
                "KPI.3 | 観光入込客数 | - | - | - | target=420 万 人@R6 current=385 万 人@R2",
                "KPI.4 | 婚姻数 | - | - | - | target=1,800@R6 current=―@R2",
            ],
            initiatives: &[],
            warnings: &[],
        },
    );
    check_values(
        "spaced-transcript",
        &[
            // `-`: no unit.
            "KPI.1 | kpi | target=1200- current=640-",
            "KPI.2 | kpi | target=-2000- current=-1150-",
            "KPI.3 | kpi | target=420万人 current=385万人",
            "KPI.4 | kpi | target=1800- current=missing",
        ],
    );
}
