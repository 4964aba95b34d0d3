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
    assert_eq!(doc["document"]["kind"], "strategy");
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
        // A strategy (現状値 and 目標値 only): its 現状値 is the baseline (contract rule).
        assert_eq!(roles, ["baseline", "target"], "{}", k["name"]);
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
            observation(k, "baseline"),
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

/// Two of them print a page label in small type above a large, centred title (`別紙３`
/// over `音威子府村の給与・定員管理等について`; `別添１－２` over the plan's name), and
/// their metadata holds no title: the title is the large line (checked against
/// `pdftotext -l 1 -layout`).
#[test]
fn otoineppu_related_titles_are_their_largest_lines() {
    let Some(dir) = corpus("otoineppu/related") else {
        return;
    };
    for (file, title) in [
        (
            "gyouseihoukokur7.pdf",
            "音威子府村の給与・定員管理等について",
        ),
        ("kansui_keieis.pdf", "音威子府村簡易水道事業経営戦略"),
    ] {
        let doc = extract(&dir.join(file));
        assert_eq!(doc["document"]["title"], title, "{file}");
        assert_eq!(doc["document"]["municipality"]["code"], "014702", "{file}");
    }
}

/// The number an observation dated `period` holds: (decimal, unit, cumulative, span_years),
/// or `None` for a missing value. Found by period, not by role: the roles of a strategy's
/// 現状値 column are another part of issue 17.
fn number_at(kpi: &Value, period: &str) -> Option<(String, String, bool, Option<u64>)> {
    let o = kpi["observations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["period"]["raw"] == period)
        .unwrap_or_else(|| panic!("{}: nothing dated {period}", kpi["name"]));
    let v = &o["value"];
    (v["kind"] == "number").then(|| {
        (
            v["decimal"].as_str().unwrap().to_string(),
            v["unit"].as_str().unwrap_or_default().to_string(),
            v["cumulative"].as_bool().unwrap(),
            v["span_years"].as_u64(),
        )
    })
}

/// 音威子府村 総合戦略: its identity (the PDF's Title metadata, `pdfinfo`; the first page's
/// largest line is a mascot caption) and its value forms, read by eye from
/// `pdftotext -layout`: `年１１１校` (per year), `５年間で１人` (a total over five years),
/// `９人（延べ２４３日）` (the 延べ counts the days, not the people).
#[test]
fn otoineppu_identity_and_value_forms() {
    let Some(path) = corpus("otoineppu/otoineppu_sogosenryaku.pdf") else {
        return;
    };
    let doc = extract(&path);
    let info = &doc["document"];
    assert_eq!(
        info["title"],
        "北海道音威子府村まち・ひと・しごと創生総合戦略"
    );
    // 01470 → 0·6 + 1·5 + 4·4 + 7·3 + 0·2 = 42, 42 mod 11 = 9, (11 - 9) mod 10 = 2.
    assert_eq!(info["municipality"]["name"], "音威子府村");
    assert_eq!(info["municipality"]["code"], "014702");
    let warned = doc["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["code"] == "municipality_unknown");
    assert!(!warned);

    let n = |d: &str, u: &str, cumulative: bool, span: Option<u64>| {
        Some((d.to_string(), u.to_string(), cumulative, span))
    };
    // (name, 現状値 (2014年度), 目標値 (2019年度)).
    let expected = [
        (
            "中学校訪問実施校数",
            n("111", "校/年", false, None),
            n("111", "校/年", false, None),
        ),
        (
            "バイオガスプラント事業関連就業者数",
            None,
            n("1", "人", true, Some(5)),
        ),
        ("新規就農者数", None, n("3", "人", true, Some(5))),
        (
            "短期移住体験者数",
            n("9", "人", false, None),
            n("12", "人/年", false, None),
        ),
        (
            "レクサンド校への生徒派遣数",
            n("3", "人", false, None),
            n("3", "人/年", false, None),
        ),
        (
            "大学との連携授業数",
            n("3", "回", false, None),
            n("3", "回/年", false, None),
        ),
        (
            "高校生によりデザイン化された村内施設数",
            None,
            n("2", "か所", true, Some(5)),
        ),
    ];
    for (name, baseline, target) in expected {
        let k = kpi_named(&doc, name);
        assert_eq!(number_at(k, "2014年度"), baseline, "{name} 2014年度");
        assert_eq!(number_at(k, "2019年度"), target, "{name} 2019年度");
    }
}

/// Pending (issue 17 item 6, the headings layout, another piece of work): the four
/// 基本目標 of the table of contents (`１ 村の振興の要となる高校の機能強化` …) as sections.
#[test]
#[ignore = "pending: 基本目標 headings of this PDF are not read as sections yet"]
fn otoineppu_basic_goals_are_sections() {
    let Some(path) = corpus("otoineppu/otoineppu_sogosenryaku.pdf") else {
        return;
    };
    let doc = extract(&path);
    let titles: Vec<&str> = doc["sections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["level"] == 1)
        .filter_map(|s| s["title"].as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "村の振興の要となる高校の機能強化",
            "卒業生のための雇用の場の創出",
            "高校を軸とした人の流れの促進",
            "高校生参加による個性的で魅力ある村づくり",
        ]
    );
}
