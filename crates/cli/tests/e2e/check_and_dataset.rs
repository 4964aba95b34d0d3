//! `check` and `dataset`: regression checks against expected JSON, typed datasets in every format.

use super::*;

#[test]
fn check_equal_then_changed_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("report.txt");
    let expected = dir.path().join("report.expected.json");
    let seed = std::fs::read_to_string(fixture("joetsu-kpi-progress-r5.txt")).unwrap();
    std::fs::write(&input, &seed).unwrap();
    let o = run(bin()
        .arg("check")
        .arg(&input)
        .arg(&expected)
        .arg("--update"));
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(bin().arg("check").arg(&input).arg(&expected));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 checked: 1 equal, 0 different"));
    // 上越's current value of メイド・イン上越認証品数 changes from 166品 to 167品.
    std::fs::write(&input, seed.replace("\t166品\t", "\t167品\t")).unwrap();
    let o = run(bin().arg("check").arg(&input).arg(&expected));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("kpis[2] (A-1-1.1).observations[1].value.decimal: \"166\" → \"167\""),
        "{out}"
    );
    assert!(
        out.contains("kpis[2] (A-1-1.1).observations[1].raw: \"166品\" → \"167品\""),
        "{out}"
    );
    // The directory form finds the pair by the recorded source file name.
    let o = run(bin().arg("check").arg(dir.path()));
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn check_bundled_fixtures_directory() {
    let o = run(bin().arg("check").arg(repo().join("fixtures")));
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}\n{}",
        stderr(&o),
        String::from_utf8_lossy(&o.stdout)
    );
}

/// `batch` then `dataset` over its out dir, as a researcher would: typed JSON Lines, the
/// same rows in CSV (Excel form) and Parquet, the source path kept, the batch summary left
/// out with a note. Facts checked by hand against fixtures/kashiwazaki-progress-report-r3.txt
/// line 176: 転出と転入の差 345人 (H30), 594人 (R1), 326人 (R2), target 245人 (R6).
#[test]
fn dataset_over_a_batch_out_dir_is_typed_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch_corpus(dir.path());
    std::fs::remove_file(inputs.join("c-bad.txt")).unwrap();
    let out = dir.path().join("out");
    let o = run(bin()
        .args(["batch", "--quiet", "--out"])
        .arg(&out)
        .arg("--summary-json")
        .arg(out.join("summary.json"))
        .arg(&inputs));
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = dir.path().join("all.csv");
    let jsonl = dir.path().join("all.jsonl");
    let parquet = dir.path().join("all.parquet");
    let o = run(bin()
        .arg("dataset")
        .arg(&out)
        .arg("--csv")
        .arg(&csv)
        .arg("--excel")
        .arg("--jsonl")
        .arg(&jsonl)
        .arg("--parquet")
        .arg(&parquet));
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("summary.json: a batch summary (--summary-json), not a document; left out"),
        "{err}"
    );
    assert!(err.contains("2 documents, "), "{err}");

    let rows: Vec<serde_json::Value> = std::fs::read_to_string(&jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // 上越: 177 observations, 14 of them parts cells holding 34 parts; 柏崎: 108.
    assert!(rows.len() > 177 + 108, "{} rows", rows.len());
    assert_eq!(rows[0]["source_path"], "in/a-joetsu.txt");
    assert_eq!(rows[0]["source_file"], "a-joetsu.txt");
    assert_eq!(rows[0]["municipality_code"], "152226");
    let kpi: Vec<&serde_json::Value> = rows
        .iter()
        .filter(|r| r["kpi_name"] == "転出と転入の差(転出数-転入数)")
        .collect();
    let facts: Vec<(&str, f64, i64, bool)> = kpi
        .iter()
        .map(|r| {
            (
                r["role"].as_str().unwrap(),
                r["number"].as_f64().unwrap(),
                r["period_year"].as_i64().unwrap(),
                r["is_latest"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        facts,
        [
            ("baseline", 345.0, 2018, false),
            ("previous", 594.0, 2019, false),
            ("current", 326.0, 2020, true),
            ("target", 245.0, 2024, false),
        ]
    );
    for r in &kpi {
        assert_eq!(r["direction"], "decrease");
        assert_eq!(r["achievement"], serde_json::json!(0.19));
        assert_eq!(r["source_path"], "in/sub/b-kashiwazaki.txt");
        assert_eq!(r["kpi_key"], "152056|転出と転入の差(転出数-転入数)|人");
        assert_eq!(r["unit"], "人");
    }

    let text = std::fs::read_to_string(&csv).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("--excel writes a BOM");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("municipality_code,municipality_name,source_file,source_path,"));
    assert_eq!(lines.len(), rows.len() + 1);
    let line = lines
        .iter()
        .find(|l| l.contains("転出と転入の差") && l.contains(",\"current\","))
        .unwrap();
    assert!(
        line.starts_with(
            "\"=\"\"152056\"\"\",\"柏崎市\",\"b-kashiwazaki.txt\",\"in/sub/b-kashiwazaki.txt\","
        ),
        "{line}"
    );
    assert!(line.contains(",326,\"=\"\"326\"\"\",\"人\","), "{line}");
    assert!(line.contains(",true,0.19,"), "{line}");

    let size = std::fs::metadata(&parquet).unwrap().len();
    assert!(std::fs::read(&parquet).unwrap().starts_with(b"PAR1") && size > 1000);
}

/// `-` writes a format to stdout; two formats cannot share it.
#[test]
fn dataset_writes_to_stdout_with_a_dash() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("doc.json");
    let o = run(bin()
        .arg("extract")
        .arg(fixture("kashiwazaki-progress-report-r3.txt"))
        .arg("-o")
        .arg(&doc));
    assert!(o.status.success());
    let o = run(bin().arg("dataset").arg(&doc).args(["--jsonl", "-", "-q"]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    assert_eq!(text.lines().count(), 108);
    assert!(!dir.path().join("-").exists() && !Path::new("-").exists());
    let o = run(bin().arg("dataset").arg(&doc).args(["--csv", "-"]));
    assert!(o.status.success());
    assert!(String::from_utf8(o.stdout)
        .unwrap()
        .starts_with("municipality_code,"));
    let o = run(bin()
        .arg("dataset")
        .arg(&doc)
        .args(["--csv", "-", "--jsonl", "-"]));
    assert_eq!(o.status.code(), Some(2));
}

/// `check --ignore` leaves a field out wherever it is; a difference inside a KPI names it.
#[test]
fn check_ignores_fields_and_names_the_kpi() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("report.txt");
    std::fs::copy(fixture("kashiwazaki-progress-report-r3.txt"), &input).unwrap();
    let expected = dir.path().join("report.expected.json");
    let o = run(bin().arg("extract").arg(&input).arg("-o").arg(&expected));
    assert!(o.status.success());
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&expected).unwrap()).unwrap();
    let kpi = doc["kpis"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|k| k["id"] == "P-1.1")
        .unwrap();
    kpi["provenance"]["line"] = serde_json::json!(1);
    kpi["observations"][2]["value"]["decimal"] = serde_json::json!("327");
    std::fs::write(&expected, serde_json::to_vec(&doc).unwrap()).unwrap();
    let o = run(bin().arg("check").arg(&input).arg(&expected));
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.lines().count(), 2, "{out}");
    let o = run(bin()
        .args(["check", "-q", "--ignore", "provenance"])
        .arg(&input)
        .arg(&expected));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{out}");
    assert!(
        lines[0].ends_with(" (P-1.1).observations[2].value.decimal: \"327\" → \"326\""),
        "{out}"
    );
    let o = run(bin()
        .args([
            "check",
            "--ignore",
            "provenance",
            "--ignore",
            "value.decimal",
        ])
        .arg(&input)
        .arg(&expected));
    assert!(o.status.success(), "{}", stderr(&o));
}
