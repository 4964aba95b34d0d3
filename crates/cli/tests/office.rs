//! Office input end to end: workbooks and Word documents made the way an office makes
//! them (`scripts/make-office-fixtures`, committed under `fixtures/office/`).
//!
//! - **Differential**: an office file made from a text fixture must give the same KPIs,
//!   sections and initiatives as that text (whose facts `crates/cli/tests/golden.rs` checks by hand),
//!   everything but provenance: the same report, read from exact cells instead of text.
//! - **Hand-written facts** for the invented workbook that exercises display formats.
//! - **Bad input**: a ZIP that is not an office file, a ZIP bomb, a truncated workbook.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_shinchoku"))
        .current_dir(root())
        .args(args)
        .output()
        .unwrap()
}

fn extract(path: &str) -> Value {
    let out = run(&["extract", path]);
    assert!(
        out.status.success(),
        "{path}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `value` with every `provenance` member removed, at any depth.
fn without_provenance(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| *k != "provenance")
                .map(|(k, v)| (k.clone(), without_provenance(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_provenance).collect()),
        other => other.clone(),
    }
}

/// Every difference between the office file's reading and the text's, one line each.
fn differences(office: &str, text: &str) -> Vec<String> {
    let a = extract(office);
    let b = extract(text);
    let mut problems = Vec::new();
    for field in ["kpis", "sections", "initiatives"] {
        let (a, b) = (without_provenance(&a[field]), without_provenance(&b[field]));
        let (a, b) = (a.as_array().unwrap(), b.as_array().unwrap());
        if a.len() != b.len() {
            problems.push(format!(
                "{office}: {} {field}, the text has {}",
                a.len(),
                b.len()
            ));
        }
        for (x, y) in a.iter().zip(b) {
            if x != y {
                problems.push(format!("{office}: {field}: {x}\n  text has: {y}"));
            }
        }
    }
    for field in ["as_of", "municipality"] {
        if a["document"][field] != b["document"][field] {
            problems.push(format!(
                "{office}: document.{field}: {} vs {}",
                a["document"][field], b["document"][field]
            ));
        }
    }
    problems
}

#[test]
fn workbooks_and_word_reports_read_like_their_text() {
    let pairs = [
        ("sample-city-kpi-r4.xlsx", "sample-city-kpi-r4.txt"),
        ("sample-city-kpi-r4.ods", "sample-city-kpi-r4.txt"),
        ("sample-city-kpi-r4.xls", "sample-city-kpi-r4.txt"),
        ("joetsu-kpi-progress-r5.xlsx", "joetsu-kpi-progress-r5.txt"),
        (
            "kashiwazaki-progress-report-r3.docx",
            "kashiwazaki-progress-report-r3.txt",
        ),
    ];
    let mut problems = Vec::new();
    for (office, text) in pairs {
        problems.extend(differences(
            &format!("fixtures/office/{office}"),
            &format!("fixtures/{text}"),
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn source_format_is_detected_by_content_not_name() {
    let dir = tempfile::tempdir().unwrap();
    for (name, format) in [
        ("sample-city-kpi-r4.xlsx", "xlsx"),
        ("sample-city-kpi-r4.xls", "xls"),
        ("sample-city-kpi-r4.ods", "ods"),
        ("kashiwazaki-progress-report-r3.docx", "docx"),
    ] {
        // Renamed to .txt: the content decides.
        let renamed = dir.path().join(format!("{name}.txt"));
        std::fs::copy(root().join("fixtures/office").join(name), &renamed).unwrap();
        let doc = extract(renamed.to_str().unwrap());
        assert_eq!(doc["source"]["format"], format, "{name}");
        assert!(!doc["kpis"].as_array().unwrap().is_empty(), "{name}");
    }
}

/// Values shown as the sheet shows them, read by hand from the generator's cells:
/// `#,##0;"▲"#,##0` on -480 shows `▲480`; 0.153 under `0.0%` shows `15.3%`; 3388.15
/// under `#,##0.0` shows `3,388.2`; the serial 45016 under `[$-411]ge.m.d` shows
/// `R5.3.31`. A merged department cell over two rows belongs to both; the hidden row and
/// the hidden sheet are left out with a warning each. The .xls and .ods that LibreOffice
/// saved from the same workbook must show exactly the same.
#[test]
fn display_formats_merges_and_hidden_content() {
    for ext in ["xlsx", "xls", "ods"] {
        check_formats_workbook(&format!("fixtures/office/formats-r5.{ext}"));
    }
}

fn check_formats_workbook(path: &str) {
    let out = run(&["cells", path]);
    assert!(out.status.success(), "{path}");
    let cells = String::from_utf8(out.stdout).unwrap();
    let expected = "\
p1:l1\t令和5年度 三条市総合戦略 KPI進捗状況
p1:l2\t基準日\tR5.3.31
p1:l3\t【進捗状況】　A：目標達成　B：概ね順調　C：遅れ
p1:l4\t基本目標1 産業を育てる
p1:l5\t指標名\t単位\t基準値（R元年度）\t実績値（R4年度）\t目標値（R6年度）\t達成率\t進捗状況\t担当課
p1:l6\t市内従業者数\t人\t41,250\t40,802\t42,000\t\tB\t商工課
p1:l7\t転出超過数\t人\t▲480\t▲352\t▲200\t\tB\t商工課
p1:l8\tテレワーク実施率\t%\t15.3%\t28.7%\t30.0%\t95.6%\tA\t企画課
p1:l9\t製造品出荷額等\t億円\t3,120.4\t3,388.2\t3,500.0\t\tB\t商工課
";
    assert_eq!(cells, expected, "{path}");
    let doc = extract(path);
    let warnings: Vec<(&str, &str)> = doc["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["code"].as_str().unwrap(), w["message"].as_str().unwrap()))
        .collect();
    assert_eq!(
        warnings,
        [
            (
                "hidden_content_skipped",
                "row 10 of sheet \"KPI一覧\" is hidden and was left out"
            ),
            (
                "hidden_content_skipped",
                "sheet \"作業用\" is hidden and was left out"
            ),
        ],
        "{path}"
    );
    assert_eq!(doc["document"]["municipality"]["name"], "三条市", "{path}");
}

#[test]
fn bad_office_files_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    // A ZIP holding neither xl/ nor word/ parts is not an office file: read as text, it
    // is binary, and says so.
    let plain_zip = dir.path().join("plain.zip");
    {
        let mut w = zip::ZipWriter::new(std::fs::File::create(&plain_zip).unwrap());
        w.start_file("readme.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut w, b"hello").unwrap();
        w.finish().unwrap();
    }
    // A ZIP bomb: a workbook part of 300 MiB of zeros, deflated to a few hundred KiB.
    let bomb = dir.path().join("bomb.xlsx");
    {
        let mut w = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        w.start_file("xl/workbook.xml", deflated).unwrap();
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..300 {
            std::io::Write::write_all(&mut w, &zeros).unwrap();
        }
        w.finish().unwrap();
    }
    // A real workbook cut in half.
    let truncated = dir.path().join("truncated.xlsx");
    let whole = std::fs::read(root().join("fixtures/office/sample-city-kpi-r4.xlsx")).unwrap();
    std::fs::write(&truncated, &whole[..whole.len() / 2]).unwrap();

    let encrypted = root().join("fixtures/office/password-protected.xlsx");
    for (path, reason) in [
        (&plain_zip, "looks binary"),
        (&bomb, "ZIP bomb"),
        (&truncated, ""),
        (&encrypted, "password-protected workbook"),
    ] {
        let out = run(&["extract", path.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {stderr}", path.display());
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("error: "), "{stderr}");
        assert!(stderr.contains(reason), "{stderr}");
    }
}

/// A sheet whose second cell is the last one a sheet can have (XFD1048576) is read
/// sparsely: two lines, not seventeen billion cells.
#[test]
fn a_cell_in_the_far_corner_stays_small() {
    let out = run(&["cells", "fixtures/office/far-corner.xlsx"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0], "p1:l1\t指標名");
    assert!(lines[1].starts_with("p1:l1048576\t"));
    assert!(lines[1].ends_with("\t最後のセル"));
    assert_eq!(lines[1].matches('\t').count(), 16_384);
}

/// The invented workbook's KPIs, read by hand from its cells: the `単位` column gives each
/// row its unit (`41,250` is 41250 人), ▲ is a minus sign, `億円` is scaled to 円, the
/// merged department covers both rows it spans, and the `達成率` column is kept in the
/// KPI's notes. The same from .xlsx, .xls and .ods.
#[test]
fn a_unit_column_and_an_achievement_rate_column() {
    for ext in ["xlsx", "xls", "ods"] {
        let doc = extract(&format!("fixtures/office/formats-r5.{ext}"));
        let kpis: Vec<String> = doc["kpis"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| {
                let observations: Vec<String> = k["observations"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|o| {
                        let v = &o["value"];
                        format!(
                            "{}={}{}@{}",
                            o["role"].as_str().unwrap(),
                            v["number"],
                            v["unit"].as_str().unwrap_or(""),
                            o["period"]["raw"].as_str().unwrap_or("")
                        )
                    })
                    .collect();
                format!(
                    "{} | {} | {} | {} | {} | {}",
                    k["name"].as_str().unwrap(),
                    k["departments"][0].as_str().unwrap(),
                    k["status"]["label"].as_str().unwrap(),
                    k["notes"],
                    k["achievement_rate"]["decimal"].as_str().unwrap_or("-"),
                    observations.join(" ")
                )
            })
            .collect();
        assert_eq!(
            kpis,
            [
                "市内従業者数 | 商工課 | B | [] | - | baseline=41250人@R元年度 current=40802人@R4年度 target=42000人@R6年度",
                "転出超過数 | 商工課 | B | [] | - | baseline=-480人@R元年度 current=-352人@R4年度 target=-200人@R6年度",
                "テレワーク実施率 | 企画課 | A | [] | 95.6 | baseline=15.3%@R元年度 current=28.7%@R4年度 target=30%@R6年度",
                "製造品出荷額等 | 商工課 | B | [] | - | baseline=3120.4億円@R元年度 current=3388.2億円@R4年度 target=3500億円@R6年度",
            ],
            "{ext}"
        );
        assert_eq!(
            doc["kpis"][3]["observations"][0]["value"]["normalized"]["number"], 312_040_000_000_i64,
            "{ext}"
        );
    }
}

/// `batch` picks office files in a folder by default, beside text and PDF.
#[test]
fn batch_takes_office_files_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for name in [
        "sample-city-kpi-r4.xlsx",
        "formats-r5.ods",
        "kashiwazaki-progress-report-r3.docx",
    ] {
        std::fs::copy(root().join("fixtures/office").join(name), input.join(name)).unwrap();
    }
    std::fs::copy(
        root().join("fixtures/joetsu-kpi-progress-r5.txt"),
        input.join("joetsu.txt"),
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    let out = run(&[
        "batch",
        input.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--quiet",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut written: Vec<String> = std::fs::read_dir(out_dir.join("in"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "formats-r5.ods.json",
            "joetsu.txt.json",
            "kashiwazaki-progress-report-r3.docx.json",
            "sample-city-kpi-r4.xlsx.json"
        ]
    );
}

/// A workbook's provenance names the sheet, its index (`page`) and the row (`line`):
/// the first KPI of the sample report sits in row 5 of the sheet `基本目標1`, the second
/// sheet (the first holds the title). Text and PDF provenance has no `sheet` member.
#[test]
fn provenance_names_the_sheet_and_row() {
    let doc = extract("fixtures/office/sample-city-kpi-r4.xlsx");
    let p = &doc["kpis"][0]["provenance"];
    assert_eq!(p["sheet"], "基本目標1");
    assert_eq!(p["page"], 2);
    assert_eq!(p["line"], 5);
    assert!(p["text"]
        .as_str()
        .unwrap()
        .starts_with("市内事業所の従業者数（人）\t112,450"));
    let text = extract("fixtures/sample-city-kpi-r4.txt");
    assert!(text["kpis"][0]["provenance"].get("sheet").is_none());
}

/// Formulas show their cached results as formatted (`=SUM(集計!B2:B4)` → 831,
/// `=(D4-C4)/(E4-C4)` under `0.0%` → 68.3%, an IF → 未達成); the .xlsm copy with a
/// workbook-open macro part reads the same and its macro is never looked at.
#[test]
fn formulas_show_their_cached_values_and_macros_are_ignored() {
    let expected = "\
p1:l1\t令和5年度 燕市総合戦略 KPI進捗状況
p1:l2\t基本目標2 子育てを支える
p1:l3\t指標名\t単位\t基準値（R元年度）\t実績値（R4年度）\t目標値（R6年度）\t達成率\t進捗状況
p1:l4\t保育所等の利用児童数\t人\t790\t831\t850\t68.3%\t未達成
p1:l5\t子育て相談件数\t件\t980\t1,210\t1,200\t104.5%\t達成
p2:l1\t区分\tR4年度
p2:l2\t市立保育園\t412
p2:l3\t私立保育園\t268
p2:l4\t認定こども園\t151
p2:l5\t相談窓口\t1210
";
    let mut documents = Vec::new();
    for ext in ["xlsx", "xlsm"] {
        let path = format!("fixtures/office/formulas-r5.{ext}");
        let out = run(&["cells", &path]);
        assert!(out.status.success(), "{path}");
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected, "{path}");
        let doc = extract(&path);
        assert_eq!(doc["source"]["format"], "xlsx", "{path}");
        assert_eq!(doc["document"]["municipality"]["code"], "152137", "{path}");
        let kpis: Vec<String> = doc["kpis"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| {
                let values: Vec<String> = k["observations"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|o| format!("{}={}", o["role"].as_str().unwrap(), o["value"]["number"]))
                    .collect();
                format!(
                    "{} {} {}",
                    k["name"].as_str().unwrap(),
                    k["status"]["code"].as_str().unwrap(),
                    values.join(" ")
                )
            })
            .collect();
        assert_eq!(
            kpis,
            [
                "保育所等の利用児童数 not_achieved baseline=790 current=831 target=850",
                "子育て相談件数 achieved baseline=980 current=1210 target=1200",
            ],
            "{path}"
        );
        documents.push(without_provenance(&doc["kpis"]));
    }
    assert_eq!(documents[0], documents[1]);
}

/// A Word report whose headings are known only by their paragraph styles (Heading 1 /
/// Heading 2, no 基本目標 or 施策 number): they become sections coded by position, the
/// title styled `Title` stays the title, and each KPI sits in the section above it.
#[test]
fn word_heading_styles_become_sections() {
    let doc = extract("fixtures/office/styled-headings-r5.docx");
    assert_eq!(
        doc["document"]["title"],
        "令和5年度 燕市総合戦略 施策の進捗状況"
    );
    let sections: Vec<String> = doc["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            format!(
                "{} {} {} {}",
                s["code"].as_str().unwrap(),
                s["level"],
                s["parent"].as_str().unwrap_or("-"),
                s["title"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        sections,
        [
            "1 1 - 子育て支援の充実",
            "1-1 2 1 保育環境の整備",
            "1-2 2 1 相談体制の強化",
            "2 1 - にぎわいの創出",
            "2-1 2 2 中心市街地の活性化",
        ]
    );
    let kpis: Vec<String> = doc["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            format!(
                "{} {}",
                k["id"].as_str().unwrap(),
                k["name"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        kpis,
        [
            "1-1.1 保育所等の利用児童数(人)",
            "1-2.1 子育て相談件数(件)",
            "2-1.1 中心市街地の歩行者通行量(人/日)",
        ]
    );
    let out = run(&["cells", "fixtures/office/styled-headings-r5.docx"]);
    let cells = String::from_utf8(out.stdout).unwrap();
    assert!(cells.contains("p-:l3:h1\t子育て支援の充実\n"), "{cells}");
    assert!(cells.contains("p-:l4:h2\t保育環境の整備\n"), "{cells}");
    assert!(cells.contains("p-:l1\t令和5年度"), "{cells}");
}
