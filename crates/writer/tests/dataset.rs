//! Cross-city dataset rows: the fixed column list, exact CSV for a sample document,
//! RFC 4180 quoting, the Excel BOM and the JSON Lines form.

mod common;

use serde_json::{json, Value};
use shinchoku_writer::{dataset_rows, write_csv, write_dataset_jsonl, DATASET_COLUMNS};

#[test]
fn columns_are_fixed() {
    // The README documents these; changing them breaks every consumer's dataset.
    assert_eq!(
        DATASET_COLUMNS,
        &[
            "municipality_code",
            "municipality_name",
            "source_file",
            "source_sha256",
            "section_code",
            "section_title",
            "kpi_id",
            "kpi_kind",
            "kpi_name",
            "role",
            "value_kind",
            "part_label",
            "number",
            "decimal",
            "unit",
            "comparator",
            "approximate",
            "normalized_number",
            "normalized_unit",
            "text",
            "period_raw",
            "period_year",
            "period_month",
            "period_basis",
            "period_start",
            "period_end",
            "status_code",
            "status_label",
            "departments",
            "provenance_page",
            "provenance_line",
        ]
    );
}

const HEADER: &str = "municipality_code,municipality_name,source_file,source_sha256,section_code,section_title,kpi_id,kpi_kind,kpi_name,role,value_kind,part_label,number,decimal,unit,comparator,approximate,normalized_number,normalized_unit,text,period_raw,period_year,period_month,period_basis,period_start,period_end,status_code,status_label,departments,provenance_page,provenance_line";

const SOURCE: &str = "152226,上越市,joetsu-kpi-progress-r5.txt,0f343b0931126a20f133d67c2b018a3b1e6e2a5c1f7c4bd0b7d1d3e4f5a6b7c8,";

/// The rows of `common::full_document()`, after the four document columns.
const ROWS: &[&str] = &[
    "A,【しごとづくり】安定的で魅力ある雇用を創出する,A.1,headline,市内総生産,baseline,number,,574963,574963,百万円,,false,574963000000,円,,H30,2018,,unspecified,,,on_track,順 調,産業政策課;農政課,,12",
    "A,【しごとづくり】安定的で魅力ある雇用を創出する,A.1,headline,市内総生産,target,number,,4,4.0,%,>=,true,,,,H26～H30の平均値,2014,,unspecified,,,on_track,順 調,産業政策課;農政課,,12",
    "A-1-1,\"地域産業の競争力強化, \"\"新\"\"分野\n支援\",A-1-1.1,kpi,来訪者数,previous,missing,,,,,,,,,,,,,,,,,,,3,40",
    "A-1-1,\"地域産業の競争力強化, \"\"新\"\"分野\n支援\",A-1-1.1,kpi,来訪者数,current,number,直江津,953404,953404,人,,false,,,,H30,2018,,unspecified,,,,,,3,40",
    "A-1-1,\"地域産業の競争力強化, \"\"新\"\"分野\n支援\",A-1-1.1,kpi,来訪者数,current,number,,-0.5,-0.5,,<=,false,,,,2021年4月,2021,4,calendar_year,2021-04-01,2021-04-30,,,,3,40",
    "A-1-1,\"地域産業の競争力強化, \"\"新\"\"分野\n支援\",A-1-1.1,kpi,来訪者数,target,text,,,,,,,,,航路数の増加・コンテナの仕向け地の多様化,,,,,,,,,,3,40",
];

fn csv_text(rows: &[Vec<String>], bom: bool) -> String {
    let mut out = Vec::new();
    write_csv(rows, &mut out, bom).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn sample_document_gives_the_exact_csv() {
    let rows = dataset_rows(&common::full_document());
    let mut expected = format!("{HEADER}\r\n");
    for row in ROWS {
        expected.push_str(SOURCE);
        expected.push_str(row);
        expected.push_str("\r\n");
    }
    assert_eq!(csv_text(&rows, false), expected);
}

#[test]
fn one_row_per_observation_and_per_part() {
    let rows = dataset_rows(&common::full_document());
    // 2 observations + (missing, 2 parts, text); the KPI without observations gives none.
    assert_eq!(rows.len(), 6);
    assert!(rows.iter().all(|row| row.len() == DATASET_COLUMNS.len()));
    let column = |name: &str| DATASET_COLUMNS.iter().position(|c| *c == name).unwrap();
    let labels: Vec<&str> = rows
        .iter()
        .map(|r| r[column("part_label")].as_str())
        .collect();
    assert_eq!(labels, ["", "", "", "直江津", "", ""]);
    // A part without its own period takes the observation's.
    assert_eq!(rows[4][column("period_raw")], "2021年4月");
    assert_eq!(rows[3][column("period_raw")], "H30");
}

#[test]
fn nested_parts_flatten_in_order_and_empty_parts_still_give_a_row() {
    let mut doc = common::empty_document();
    let number = |n: f64| json!({"kind": "number", "number": n, "decimal": n.to_string(), "unit": null, "comparator": null, "approximate": false, "normalized": null});
    doc["kpis"] = json!([{
        "id": "I-1.1", "kind": "kpi", "name": "n", "name_raw": "n", "section": "I-1",
        "observations": [
            {"role": "current", "value": {"kind": "parts", "parts": [
                {"label": "小学", "value": {"kind": "parts", "parts": [
                    {"label": "6年", "value": number(89.0), "period": null},
                    {"label": null, "value": number(1.5), "period": null}
                ]}, "period": null},
                {"label": "中学", "value": number(81.8), "period": null}
            ]}, "period": null, "notes": [], "raw": ""},
            {"role": "target", "value": {"kind": "parts", "parts": []}, "period": null, "notes": [], "raw": ""}
        ],
        "status": null, "departments": [], "notes": [], "provenance": {"page": 1, "line": 2, "text": ""}
    }]);
    let rows = dataset_rows(&doc);
    let column = |name: &str| DATASET_COLUMNS.iter().position(|c| *c == name).unwrap();
    let summary: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r[column("role")].as_str(),
                r[column("value_kind")].as_str(),
                r[column("part_label")].as_str(),
                r[column("number")].as_str(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("current", "number", "小学/6年", "89"),
            ("current", "number", "小学", "1.5"),
            ("current", "number", "中学", "81.8"),
            ("target", "parts", "", ""),
        ]
    );
    // An unknown section code leaves the title empty rather than failing.
    assert_eq!(rows[0][column("section_title")], "");
    assert_eq!(rows[0][column("municipality_code")], "");
}

#[test]
fn malformed_documents_give_rows_without_panicking() {
    for doc in [
        json!(null),
        json!([]),
        json!({"kpis": "none"}),
        json!({"kpis": [null, 5, {"observations": [null, {"value": 3}]}]}),
        json!({"kpis": [{"observations": [{"value": {"kind": "parts", "parts": [null, {"value": null}]}}]}]}),
    ] {
        for row in dataset_rows(&doc) {
            assert_eq!(row.len(), DATASET_COLUMNS.len());
        }
    }
}

#[test]
fn quoting_follows_rfc_4180() {
    let mut row = vec![String::new(); DATASET_COLUMNS.len()];
    row[0] = "a,b".into();
    row[1] = "say \"hi\"".into();
    row[2] = "line\nbreak".into();
    row[3] = "cr\rhere".into();
    row[4] = "plain 日本".into();
    row[5] = " spaced ".into();
    let text = csv_text(&[row], false);
    let data_line = text.strip_prefix(&format!("{HEADER}\r\n")).unwrap();
    assert_eq!(
        data_line,
        format!(
            "\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",\"cr\rhere\",plain 日本, spaced {}\r\n",
            ",".repeat(DATASET_COLUMNS.len() - 6)
        )
    );
}

#[test]
fn excel_bom_comes_first_only_when_asked() {
    let rows = dataset_rows(&common::full_document());
    let with_bom = csv_text(&rows, true);
    let without = csv_text(&rows, false);
    assert!(with_bom.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    assert_eq!(&with_bom.as_bytes()[3..], without.as_bytes());
    assert!(without.starts_with("municipality_code,"));
}

#[test]
fn rows_of_the_wrong_width_are_refused() {
    let short = vec![vec!["only one".to_string()]];
    assert!(write_csv(&short, &mut Vec::new(), false).is_err());
    let error = write_dataset_jsonl(&short, &mut Vec::new()).unwrap_err();
    assert!(error.to_string().contains("expected 31"), "{error}");
}

#[test]
fn jsonl_rows_are_canonical_objects_keyed_by_column() {
    let rows = dataset_rows(&common::full_document());
    let mut out = Vec::new();
    write_dataset_jsonl(&rows, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), rows.len());
    assert!(text.ends_with('\n'));
    for (line, row) in lines.iter().zip(&rows) {
        let object: Value = serde_json::from_str(line).unwrap();
        for (column, cell) in DATASET_COLUMNS.iter().zip(row) {
            assert_eq!(object[column], json!(cell), "column {column}");
        }
        assert_eq!(
            line.as_bytes(),
            shinchoku_writer::to_canonical_json(&object).unwrap()
        );
    }
    assert!(lines[0]
        .starts_with("{\"approximate\":\"false\",\"comparator\":\"\",\"decimal\":\"574963\","));
}
