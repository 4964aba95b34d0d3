//! Real municipal PDFs read from the shared corpus (`/work/shared/corpus/real/`, next to
//! the worktrees; never copied into the repository). Each test prints a message and
//! passes when the corpus is absent.
//!
//! The expectations were read by eye from `pdftotext -layout` of the same files.

use std::path::{Path, PathBuf};

use serde_json::Value;
use shinchoku_run::pipeline::{self, Options};

/// A corpus file, or `None` (with a message) when this machine does not have it. The
/// corpus sits in `shared/` beside the checkout (`../shared` from the main checkout,
/// further up from a worktree): the nearest ancestor that has it wins.
fn corpus(sub: &str) -> Option<PathBuf> {
    let found = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|a| a.join("shared/corpus/real").join(sub))
        .find(|p| p.exists());
    if found.is_none() {
        println!("corpus file {sub} not found in shared/corpus/real beside the checkout: skipped");
    }
    found
}

fn extract(path: &Path) -> Value {
    let doc = pipeline::process_path(path, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    serde_json::to_value(&doc).unwrap()
}

fn kpi_named<'a>(doc: &'a Value, name: &str) -> &'a Value {
    doc["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["name"] == name)
        .unwrap_or_else(|| panic!("no KPI named {name:?}"))
}

/// `(raw, period raw)` of the observation with `role`.
fn observation(kpi: &Value, role: &str) -> (String, String) {
    let o = kpi["observations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["role"] == role)
        .unwrap_or_else(|| panic!("{}: no {role} observation", kpi["name"]));
    (
        o["raw"].as_str().unwrap_or_default().to_string(),
        o["period"]["raw"].as_str().unwrap_or_default().to_string(),
    )
}

/// 音威子府村 総合戦略: `◎施策の目標` tables with a two-line header
/// (`重要業績評価指標 | 現状値 | 目標値` over `（ＫＰＩ） | （2014年度） | （2019年度）`),
/// full-width digits, names wrapped over two lines.
#[test]
fn otoineppu_strategy_kpi_tables() {
    let Some(path) = corpus("otoineppu/otoineppu_sogosenryaku.pdf") else {
        return;
    };
    let doc = extract(&path);
    let kpis = doc["kpis"].as_array().unwrap();
    println!("otoineppu_sogosenryaku.pdf: {} KPIs", kpis.len());
    // Seven tables of one to three rows each: 14 rows read by eye.
    assert!(
        kpis.len() >= 14,
        "{} KPIs, expected at least 14",
        kpis.len()
    );
    for k in kpis {
        assert_eq!(k["kind"], "kpi", "{}", k["name"]);
        let roles: Vec<&str> = k["observations"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|o| o["role"].as_str())
            .collect();
        assert_eq!(roles, ["current", "target"], "{}", k["name"]);
    }
    // (name, 現状値 as printed, 目標値 as printed); periods from the header.
    let expected = [
        ("中学校訪問実施校数", "年１１１校", "年１１１校"),
        // Name wrapped: `バイオガスプラント事業関` / `連就業者数`.
        ("バイオガスプラント事業関連就業者数", "－", "５年間で１人"),
        (
            "短期移住体験者数",
            "９人（延べ２４３日）",
            "年１２人（延べ３００日）",
        ),
        (
            "レクサンド校への生徒派遣数",
            "３人",
            "年３人（５年間で１５人）",
        ),
        ("大学との連携授業数", "３回", "年３回（５年間で１０回）"),
    ];
    for (name, current, target) in expected {
        let k = kpi_named(&doc, name);
        assert_eq!(
            observation(k, "current"),
            (current.to_string(), "2014年度".to_string()),
            "{name}"
        );
        assert_eq!(
            observation(k, "target"),
            (target.to_string(), "2019年度".to_string()),
            "{name}"
        );
    }
    let unparsed: Vec<&Value> = doc["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "unparsed_row")
        .collect();
    assert!(unparsed.is_empty(), "{unparsed:?}");
}

/// Other documents of the same municipality (plans, an administrative report): no KPI
/// tables of the kinds read here, but they must extract without an error.
#[test]
fn otoineppu_related_documents_extract() {
    let Some(dir) = corpus("otoineppu/related") else {
        return;
    };
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    pdfs.sort();
    assert!(!pdfs.is_empty(), "no PDFs in {}", dir.display());
    for pdf in pdfs {
        let doc = pipeline::process_path(&pdf, &Options::default());
        assert!(doc.is_ok(), "{}", doc.unwrap_err());
        println!("{}: extracted", pdf.display());
    }
}
