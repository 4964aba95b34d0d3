//! Cross-city dataset rows: the fixed, typed column list; exact CSV and JSON Lines for a
//! sample document (checked by hand against `common::full_document`); RFC 4180 quoting
//! and escaping; the Excel form; Parquet read back with the `parquet` crate.

mod common;

use serde_json::{json, Value};
use shinchoku_writer::{
    column_index, dataset_rows, write_csv, write_dataset_jsonl, Cell, ColumnType, ParquetWriter,
    Row, DATASET_COLUMNS,
};

#[test]
fn columns_are_fixed() {
    // The README and the contract document these; changing them breaks every consumer.
    let names: Vec<(&str, &str)> = DATASET_COLUMNS
        .iter()
        .map(|c| (c.name, c.kind.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("municipality_code", "string"),
            ("municipality_name", "string"),
            ("source_file", "string"),
            ("source_path", "string"),
            ("source_sha256", "string"),
            ("document_title", "string"),
            ("document_kind", "string"),
            ("as_of_year", "integer"),
            ("section_code", "string"),
            ("section_title", "string"),
            ("kpi_id", "string"),
            ("kpi_key", "string"),
            ("kpi_kind", "string"),
            ("kpi_name", "string"),
            ("direction", "string"),
            ("role", "string"),
            ("value_kind", "string"),
            ("part_index", "integer"),
            ("part_count", "integer"),
            ("part_label", "string"),
            ("number", "float"),
            ("decimal", "string"),
            ("unit", "string"),
            ("comparator", "string"),
            ("approximate", "boolean"),
            ("cumulative", "boolean"),
            ("span_years", "integer"),
            ("estimate", "boolean"),
            ("preliminary", "boolean"),
            ("normalized_number", "float"),
            ("normalized_unit", "string"),
            ("text", "string"),
            ("raw", "string"),
            ("observation_notes", "string"),
            ("period_raw", "string"),
            ("period_year", "integer"),
            ("period_month", "integer"),
            ("period_basis", "string"),
            ("period_start", "string"),
            ("period_end", "string"),
            ("is_latest", "boolean"),
            ("achievement", "float"),
            ("achievement_rate", "float"),
            ("status_code", "string"),
            ("status_label", "string"),
            ("departments", "string"),
            ("provenance_page", "integer"),
            ("provenance_line", "integer"),
        ]
    );
}

const SOURCE: &str = "\"152226\",\"上越市\",\"joetsu-kpi-progress-r5.txt\",\"c1/joetsu-kpi-progress-r5.txt\",\"0f343b0931126a20f133d67c2b018a3b1e6e2a5c1f7c4bd0b7d1d3e4f5a6b7c8\",\"第2期上越市まち・ひと・しごと創生総合戦略 KPI進捗状況一覧表\",\"progress_report\",2023,";

/// The rows of `common::full_document()`, after the eight document columns, written by
/// hand from the document: 市内総生産 has a `>=` target (increase) and no observed
/// value (no latest, no achievement); 来訪者数 has a text target, no baseline and no
/// direction word (unknown), and its `current` parts are its latest value (`previous`
/// is missing). The section title's line break is escaped.
const ROWS: &[&str] = &[
    "\"A\",\"【しごとづくり】安定的で魅力ある雇用を創出する\",\"A.1\",\"152226|市内総生産|百万円\",\"headline\",\"市内総生産\",\"increase\",\"baseline\",\"number\",1,1,,574963,\"574963\",\"百万円\",,false,false,,false,false,574963000000,\"円\",,\"574,963百万円\",\"(H27国勢調査)\",\"H30\",2018,,\"unspecified\",,,false,,,\"on_track\",\"順 調\",\"産業政策課;農政課\",,12",
    "\"A\",\"【しごとづくり】安定的で魅力ある雇用を創出する\",\"A.1\",\"152226|市内総生産|百万円\",\"headline\",\"市内総生産\",\"increase\",\"target\",\"number\",1,1,,4,\"4.0\",\"%\",\">=\",true,true,5,false,true,,,,\"約4.0%以上\",,\"H26～H30の平均値\",2014,,\"unspecified\",,,false,,,\"on_track\",\"順 調\",\"産業政策課;農政課\",,12",
    "\"A-1-1\",\"地域産業の競争力強化, \"\"新\"\"分野\\u{a}支援\",\"A-1-1.1\",\"152226|来訪者数|人\",\"kpi\",\"来訪者数\",\"unknown\",\"previous\",\"missing\",1,1,,,,,,,,,,,,,,\"－\",,,,,,,,false,,,,,,3,40",
    "\"A-1-1\",\"地域産業の競争力強化, \"\"新\"\"分野\\u{a}支援\",\"A-1-1.1\",\"152226|来訪者数|人\",\"kpi\",\"来訪者数\",\"unknown\",\"current\",\"number\",1,2,\"直江津\",953404,\"953404\",\"人\",,false,false,,false,false,,,,\"953,404人 (H30 直江津) -0.5\",,\"H30\",2018,,\"unspecified\",,,true,,,,,,3,40",
    "\"A-1-1\",\"地域産業の競争力強化, \"\"新\"\"分野\\u{a}支援\",\"A-1-1.1\",\"152226|来訪者数|人\",\"kpi\",\"来訪者数\",\"unknown\",\"current\",\"number\",2,2,,-0.5,\"-0.5\",,\"<=\",false,false,,false,false,,,,\"953,404人 (H30 直江津) -0.5\",,\"2021年4月\",2021,4,\"calendar_year\",\"2021-04-01\",\"2021-04-30\",true,,,,,,3,40",
    "\"A-1-1\",\"地域産業の競争力強化, \"\"新\"\"分野\\u{a}支援\",\"A-1-1.1\",\"152226|来訪者数|人\",\"kpi\",\"来訪者数\",\"unknown\",\"target\",\"text\",1,1,,,,,,,,,,,,,\"航路数の増加・コンテナの仕向け地の多様化\",\"航路数の増加・コンテナの仕向け地の多様化\",\"(参考:依頼会員 516人、提供会員 279人)\",,,,,,,false,,,,,,3,40",
];

fn header() -> String {
    let names: Vec<&str> = DATASET_COLUMNS.iter().map(|c| c.name).collect();
    names.join(",")
}

fn csv_text(rows: &[Row], excel: bool) -> String {
    let mut out = Vec::new();
    write_csv(rows, &mut out, excel).unwrap();
    String::from_utf8(out).unwrap()
}

fn sample_rows() -> Vec<Row> {
    dataset_rows(
        &common::full_document(),
        Some("c1/joetsu-kpi-progress-r5.txt"),
    )
}

#[test]
fn sample_document_gives_the_exact_csv() {
    let mut expected = format!("{}\r\n", header());
    for row in ROWS {
        expected.push_str(SOURCE);
        expected.push_str(row);
        expected.push_str("\r\n");
    }
    let actual = csv_text(&sample_rows(), false);
    for (a, e) in actual.lines().zip(expected.lines()) {
        assert_eq!(a, e);
    }
    assert_eq!(actual, expected);
}

#[test]
fn source_path_defaults_to_the_source_file() {
    let rows = dataset_rows(&common::full_document(), None);
    let at = column_index("source_path").unwrap();
    assert_eq!(rows[0][at], Cell::Text("joetsu-kpi-progress-r5.txt".into()));
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
    let rows = dataset_rows(&doc, None);
    let cell = |r: &Row, name: &str| r[column_index(name).unwrap()].clone();
    let summary: Vec<(Cell, Cell, Cell, Cell, Cell)> = rows
        .iter()
        .map(|r| {
            (
                cell(r, "role"),
                cell(r, "part_index"),
                cell(r, "part_count"),
                cell(r, "part_label"),
                cell(r, "number"),
            )
        })
        .collect();
    let text = |s: &str| Cell::Text(s.into());
    assert_eq!(
        summary,
        [
            (
                text("current"),
                Cell::Integer(1),
                Cell::Integer(3),
                text("小学/6年"),
                Cell::Float(89.0)
            ),
            (
                text("current"),
                Cell::Integer(2),
                Cell::Integer(3),
                text("小学"),
                Cell::Float(1.5)
            ),
            (
                text("current"),
                Cell::Integer(3),
                Cell::Integer(3),
                text("中学"),
                Cell::Float(81.8)
            ),
            (
                text("target"),
                Cell::Integer(1),
                Cell::Integer(1),
                Cell::Null,
                Cell::Null
            ),
        ]
    );
    // An unknown section code and municipality give nulls rather than failing.
    assert_eq!(cell(&rows[0], "section_title"), Cell::Null);
    assert_eq!(cell(&rows[0], "municipality_code"), Cell::Null);
}

#[test]
fn malformed_documents_give_rows_without_panicking() {
    for doc in [
        json!(null),
        json!([]),
        json!({"kpis": "none"}),
        json!({"kpis": [null, 5, {"observations": [null, {"value": 3}]}]}),
        json!({"kpis": [{"observations": [{"value": {"kind": "parts", "parts": [null, {"value": null}]}}]}]}),
        json!({"kpis": [{"name": 5, "observations": [{"role": "target", "value": {"kind": "number", "number": "x"}}]}]}),
    ] {
        let rows = dataset_rows(&doc, None);
        let mut sink = Vec::new();
        write_csv(&rows, &mut sink, false).unwrap();
        write_dataset_jsonl(&rows, &mut sink).unwrap();
    }
}

#[test]
fn csv_quotes_text_escapes_controls_and_leaves_nulls_empty() {
    let mut row: Row = DATASET_COLUMNS.iter().map(|_| Cell::Null).collect();
    row[0] = Cell::Text("a,b".into());
    row[1] = Cell::Text("say \"hi\"".into());
    row[2] = Cell::Text("line\nbreak\r\ttab \u{1b}]0;x\u{7}".into());
    row[3] = Cell::Text(String::new());
    row[4] = Cell::Text("plain 日本".into());
    let text = csv_text(&[row], false);
    let data_line = text.strip_prefix(&format!("{}\r\n", header())).unwrap();
    assert_eq!(
        data_line,
        format!(
            "\"a,b\",\"say \"\"hi\"\"\",\"line\\u{{a}}break\\u{{d}}\\u{{9}}tab \\u{{1b}}]0;x\\u{{7}}\",\"\",\"plain 日本\"{}\r\n",
            ",".repeat(DATASET_COLUMNS.len() - 5)
        )
    );
}

#[test]
fn excel_csv_has_a_bom_and_keeps_codes_as_text() {
    let mut doc = common::full_document();
    doc["document"]["municipality"]["code"] = json!("012025");
    doc["kpis"][1]["section"] = json!("1-1");
    let rows = dataset_rows(&doc, None);
    let with_bom = csv_text(&rows, true);
    let plain = csv_text(&rows, false);
    assert!(with_bom.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    assert!(plain.starts_with("municipality_code,"));
    let first = with_bom.lines().nth(1).unwrap();
    assert!(
        first.starts_with("\"=\"\"012025\"\"\",\"上越市\""),
        "{first}"
    );
    // The decimal `574963` is a code-like column too; the number column stays a number.
    assert!(first.contains(",574963,\"=\"\"574963\"\"\","), "{first}");
    let fourth = with_bom.lines().nth(4).unwrap();
    assert!(fourth.contains(",\"=\"\"1-1\"\"\","), "{fourth}");
    // Text that Excel reads as text is left as it is.
    assert!(
        !fourth.contains(",\"=\"\"A-1-1.1\"\"\",") && fourth.contains(",\"A-1-1.1\","),
        "{fourth}"
    );
    assert!(plain.lines().nth(1).unwrap().starts_with("\"012025\","));
}

#[test]
fn rows_of_the_wrong_width_or_type_are_refused() {
    let short = vec![vec![Cell::Text("only one".into())]];
    assert!(write_csv(&short, &mut Vec::new(), false).is_err());
    let error = write_dataset_jsonl(&short, &mut Vec::new()).unwrap_err();
    assert!(error.to_string().contains("expected 48"), "{error}");
    let mut wrong: Row = DATASET_COLUMNS.iter().map(|_| Cell::Null).collect();
    wrong[column_index("as_of_year").unwrap()] = Cell::Text("2023".into());
    let error = write_dataset_jsonl(&[wrong], &mut Vec::new()).unwrap_err();
    assert!(
        error.to_string().contains("as_of_year is a integer"),
        "{error}"
    );
}

fn jsonl_objects(rows: &[Row]) -> Vec<Value> {
    let mut out = Vec::new();
    write_dataset_jsonl(rows, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.ends_with('\n'));
    text.lines()
        .map(|line| {
            let object: Value = serde_json::from_str(line).unwrap();
            assert_eq!(
                line.as_bytes(),
                shinchoku_writer::to_canonical_json(&object).unwrap(),
                "not canonical: {line}"
            );
            object
        })
        .collect()
}

#[test]
fn jsonl_rows_are_typed_canonical_objects() {
    let rows = sample_rows();
    let objects = jsonl_objects(&rows);
    assert_eq!(objects.len(), 6);
    let first = &objects[0];
    assert_eq!(first["municipality_code"], json!("152226"));
    assert_eq!(first["as_of_year"], json!(2023));
    assert_eq!(first["number"], json!(574963));
    assert_eq!(first["normalized_number"], json!(574_963_000_000_u64));
    assert_eq!(first["decimal"], json!("574963"));
    assert_eq!(first["approximate"], json!(false));
    assert_eq!(first["part_label"], Value::Null);
    assert_eq!(first["period_month"], Value::Null);
    assert_eq!(first["provenance_page"], Value::Null);
    assert_eq!(first["provenance_line"], json!(12));
    assert_eq!(objects[1]["approximate"], json!(true));
    assert_eq!(objects[4]["number"], json!(-0.5));
    assert_eq!(objects[4]["period_month"], json!(4));
    assert_eq!(objects[4]["is_latest"], json!(true));
    // Every column, with a value of its type or null.
    for object in &objects {
        let map = object.as_object().unwrap();
        assert_eq!(map.len(), DATASET_COLUMNS.len());
        for column in DATASET_COLUMNS {
            let value = &map[column.name];
            let fits = match column.kind {
                ColumnType::Text => value.is_string(),
                ColumnType::Integer => value.is_i64(),
                ColumnType::Float => value.is_number(),
                ColumnType::Boolean => value.is_boolean(),
            };
            assert!(fits || value.is_null(), "{}: {value}", column.name);
        }
    }
    // JSON keeps the text as it is; only CSV escapes control characters.
    assert_eq!(
        objects[2]["section_title"],
        json!("地域産業の競争力強化, \"新\"分野\n支援")
    );
}

/// An observation as (role, number, unit, comparator, year).
type ObservationSpec<'a> = (&'a str, Option<f64>, &'a str, Option<&'a str>, i64);

/// A KPI document from observations.
fn kpi_document(name: &str, observations: &[ObservationSpec<'_>]) -> Value {
    let mut doc = common::empty_document();
    doc["document"]["municipality"] = json!({"name": "柏崎市", "code": "152056"});
    let observations: Vec<Value> = observations
        .iter()
        .map(|(role, number, unit, comparator, year)| {
            let value = match number {
                Some(n) => json!({"kind": "number", "number": n, "decimal": n.to_string(), "unit": unit, "comparator": comparator, "approximate": false, "normalized": null}),
                None => json!({"kind": "missing"}),
            };
            json!({"role": role, "value": value, "period": {"raw": "", "year": year, "month": null}, "notes": [], "raw": ""})
        })
        .collect();
    doc["kpis"] = json!([{
        "id": "1.1", "kind": "kpi", "name": name, "name_raw": name, "section": null,
        "observations": observations, "status": null, "departments": [], "notes": [],
        "provenance": {"page": null, "line": 1, "text": ""}
    }]);
    doc
}

fn facts(doc: &Value) -> Vec<(Cell, Cell, Cell, Cell)> {
    dataset_rows(doc, None)
        .iter()
        .map(|r| {
            let cell = |name: &str| r[column_index(name).unwrap()].clone();
            (
                cell("role"),
                cell("direction"),
                cell("is_latest"),
                cell("achievement"),
            )
        })
        .collect()
}

/// 柏崎市's 転出と転入の差 (the real row: 当初 H30 345人, 前年度 R1 594人, 実績値 R2
/// 326人, 目標値 R6 245人): the target is below the baseline, so the KPI improves by going
/// down; 326 is not "reached" because it is above 245, it is 19% of the way from 345.
#[test]
fn direction_latest_and_achievement_follow_the_baseline_and_target() {
    let doc = kpi_document(
        "転出と転入の差（転出数-転入数）",
        &[
            ("baseline", Some(345.0), "人", None, 2018),
            ("previous", Some(594.0), "人", None, 2019),
            ("current", Some(326.0), "人", None, 2020),
            ("target", Some(245.0), "人", None, 2024),
        ],
    );
    let text = |s: &str| Cell::Text(s.into());
    let decrease = text("decrease");
    assert_eq!(
        facts(&doc),
        [
            (
                text("baseline"),
                decrease.clone(),
                Cell::Boolean(false),
                Cell::Float(0.19)
            ),
            (
                text("previous"),
                decrease.clone(),
                Cell::Boolean(false),
                Cell::Float(0.19)
            ),
            (
                text("current"),
                decrease.clone(),
                Cell::Boolean(true),
                Cell::Float(0.19)
            ),
            (
                text("target"),
                decrease,
                Cell::Boolean(false),
                Cell::Float(0.19)
            ),
        ]
    );
}

#[test]
fn direction_comes_from_the_comparator_then_values_then_words() {
    let direction =
        |name: &str, obs: &[ObservationSpec<'_>]| facts(&kpi_document(name, obs))[0].1.clone();
    let text = |s: &str| Cell::Text(s.into());
    // 80%以上 against a baseline of 85%: "at least" means higher is better.
    assert_eq!(
        direction(
            "満足度",
            &[
                ("baseline", Some(85.0), "%", None, 2018),
                ("target", Some(80.0), "%", Some(">="), 2024)
            ]
        ),
        text("increase")
    );
    assert_eq!(
        direction(
            "待機児童数",
            &[("target", Some(0.0), "人", Some("<="), 2024)]
        ),
        text("decrease")
    );
    assert_eq!(
        direction(
            "観光客数",
            &[
                ("baseline", Some(100.0), "万人", None, 2018),
                ("target", Some(120.0), "万人", None, 2024)
            ]
        ),
        text("increase")
    );
    assert_eq!(
        direction(
            "出生数",
            &[
                ("baseline", Some(500.0), "人", None, 2018),
                ("target", Some(500.0), "人", None, 2024)
            ]
        ),
        text("maintain")
    );
    // Units differ: the values say nothing, the words decide.
    assert_eq!(
        direction(
            "人口減少の抑制",
            &[
                ("baseline", Some(80000.0), "人", None, 2018),
                ("target", Some(1.0), "%", None, 2024)
            ]
        ),
        text("decrease")
    );
    assert_eq!(
        direction("交通事故ゼロ", &[("current", Some(3.0), "件", None, 2020)]),
        text("decrease")
    );
    assert_eq!(
        direction(
            "農地面積の維持",
            &[("current", Some(3.0), "ha", None, 2020)]
        ),
        text("maintain")
    );
    assert_eq!(
        direction("来訪者数", &[("current", Some(3.0), "人", None, 2020)]),
        text("unknown")
    );
}

#[test]
fn achievement_is_null_when_it_cannot_be_computed() {
    let achievement = |obs: &[ObservationSpec<'_>]| facts(&kpi_document("k", obs))[0].3.clone();
    // No latest value (the current one is missing).
    assert_eq!(
        achievement(&[
            ("baseline", Some(1.0), "人", None, 2018),
            ("current", None, "", None, 2020),
            ("target", Some(2.0), "人", None, 2024)
        ]),
        Cell::Null
    );
    // Target equal to the baseline.
    assert_eq!(
        achievement(&[
            ("baseline", Some(1.0), "人", None, 2018),
            ("current", Some(1.0), "人", None, 2020),
            ("target", Some(1.0), "人", None, 2024)
        ]),
        Cell::Null
    );
    // The latest value in another unit.
    assert_eq!(
        achievement(&[
            ("baseline", Some(1.0), "人", None, 2018),
            ("current", Some(50.0), "%", None, 2020),
            ("target", Some(3.0), "人", None, 2024)
        ]),
        Cell::Null
    );
    // Reached: the latest value is the target.
    assert_eq!(
        achievement(&[
            ("baseline", Some(1.0), "人", None, 2018),
            ("current", Some(3.0), "人", None, 2020),
            ("target", Some(3.0), "人", None, 2024)
        ]),
        Cell::Float(1.0)
    );
}

/// The key names the municipality, the KPI's name and its unit, not its position: a row
/// inserted before it leaves it unchanged; a repeat in one document is numbered.
#[test]
fn kpi_key_survives_an_inserted_row() {
    let key = |doc: &Value| -> Vec<Cell> {
        dataset_rows(doc, None)
            .iter()
            .map(|r| r[column_index("kpi_key").unwrap()].clone())
            .collect()
    };
    let doc = kpi_document(
        "転出と転入の差（転出数 - 転入数）",
        &[("current", Some(326.0), "人", None, 2020)],
    );
    assert_eq!(
        key(&doc),
        [Cell::Text("152056|転出と転入の差(転出数-転入数)|人".into())]
    );
    let mut inserted = doc.clone();
    let mut other = doc["kpis"][0].clone();
    other["name"] = json!("社会増減数");
    other["id"] = json!("1.1");
    inserted["kpis"][0]["id"] = json!("1.2");
    let first = inserted["kpis"][0].clone();
    inserted["kpis"] = json!([other, first.clone(), first]);
    assert_eq!(
        key(&inserted),
        [
            Cell::Text("152056|社会増減数|人".into()),
            Cell::Text("152056|転出と転入の差(転出数-転入数)|人".into()),
            Cell::Text("152056|転出と転入の差(転出数-転入数)|人#2".into()),
        ]
    );
}

/// The Parquet file, read back with the `parquet` crate's row reader, holds the same
/// rows as the JSON Lines, column for column, with Parquet types matching the columns.
#[test]
fn parquet_reads_back_as_the_jsonl_rows() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;
    let mut rows = sample_rows();
    // Enough rows for two row groups.
    let many: Vec<Row> = rows.iter().cycle().take(70_000).cloned().collect();
    rows.extend(many);
    let mut writer = ParquetWriter::new(tempfile::tempfile().unwrap()).unwrap();
    writer.write_rows(&rows[..10]).unwrap();
    writer.write_rows(&rows[10..]).unwrap();
    let file = writer.finish().unwrap();
    let reader = SerializedFileReader::new(file).unwrap();
    assert_eq!(reader.metadata().num_row_groups(), 2);
    let schema = reader.metadata().file_metadata().schema_descr();
    for (i, column) in DATASET_COLUMNS.iter().enumerate() {
        let physical = format!("{:?}", schema.column(i).physical_type());
        let expected = match column.kind {
            ColumnType::Text => "BYTE_ARRAY",
            ColumnType::Integer => "INT64",
            ColumnType::Float => "DOUBLE",
            ColumnType::Boolean => "BOOLEAN",
        };
        assert_eq!(
            (schema.column(i).name(), physical.as_str()),
            (column.name, expected)
        );
    }
    let expected = jsonl_objects(&rows);
    let mut count = 0;
    for (row, expected) in reader.get_row_iter(None).unwrap().zip(&expected) {
        let row = row.unwrap();
        assert_eq!(row.len(), DATASET_COLUMNS.len());
        for ((name, field), column) in row.get_column_iter().zip(DATASET_COLUMNS) {
            assert_eq!(name, column.name);
            let json = &expected[column.name];
            // JSON has one number type: a float column's 574963 reads back as the double
            // 574963.0, so numbers are compared as numbers.
            let same = match field {
                Field::Null => json.is_null(),
                Field::Bool(b) => column.kind == ColumnType::Boolean && json.as_bool() == Some(*b),
                Field::Long(n) => column.kind == ColumnType::Integer && json.as_i64() == Some(*n),
                Field::Double(f) => column.kind == ColumnType::Float && json.as_f64() == Some(*f),
                Field::Str(s) => column.kind == ColumnType::Text && json.as_str() == Some(s),
                _ => false,
            };
            assert!(same, "row {count}, {name}: Parquet {field:?}, JSON {json}");
        }
        count += 1;
    }
    assert_eq!(count, rows.len());
}

/// The README's column table lists every column with its type, in order.
#[test]
fn readme_documents_every_column() {
    let readme = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md"),
    )
    .unwrap();
    let mut from = 0;
    for column in DATASET_COLUMNS {
        let row = format!("| `{}` | {} | ", column.name, column.kind.as_str());
        let at = readme[from..]
            .find(&row)
            .unwrap_or_else(|| panic!("README lacks, in order, {row}"));
        from += at + row.len();
    }
}
