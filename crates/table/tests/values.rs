//! Value cells through the real normalizer and era parser (contract: Value, Observation).
//!
//! Every value form of both seeds, the hand-read facts of the fixtures, edge forms, and a
//! property test that no input panics or takes long.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use shinchoku_extract::normalize::normalize;
use shinchoku_table::model::{Comparator, Number, Part, Value};
use shinchoku_table::value::{parse_cell, unit_in_name, CellValue};

fn cell(text: &str) -> CellValue {
    parse_cell(text, None)
}

#[track_caller]
fn number(v: &Value) -> &Number {
    match v {
        Value::Number(n) => n,
        other => panic!("expected a number, got {other:?}"),
    }
}

#[track_caller]
fn parts(v: &Value) -> &[Part] {
    match v {
        Value::Parts { parts } => parts,
        other => panic!("expected parts, got {other:?}"),
    }
}

#[track_caller]
fn text(v: &Value) -> &str {
    match v {
        Value::Text { text } => text,
        other => panic!("expected text, got {other:?}"),
    }
}

fn period_raw(c: &CellValue) -> Option<&str> {
    c.period.as_ref().map(|p| p.raw.as_str())
}

/// (decimal, unit) of a number.
#[track_caller]
fn du(v: &Value) -> (&str, Option<&str>) {
    let n = number(v);
    (n.decimal.as_str(), n.unit.as_deref())
}

#[test]
fn plain_numbers_of_the_joetsu_seed() {
    let cases = [
        ("36.2%", "36.2", Some("%")),
        ("45.7%", "45.7", Some("%")),
        ("126品 (R元)", "126", Some("品")),
        ("33,097個/年 (H30)", "33097", Some("個/年")),
        ("574,963百万円 (H29)", "574963", Some("百万円")),
        ("1.51 (H30)", "1.51", None),
        ("4.0 (H30)", "4.0", None),
        ("2航路 (H30)", "2", Some("航路")),
        ("1,150人 (H31.4)", "1150", Some("人")),
        ("1,056人 (R元.11)", "1056", Some("人")),
        ("1.05 (R5.1~6)", "1.05", None),
        ("4,246人 (H26～H30の平均値)", "4246", Some("人")),
        ("8事業者 (H30)", "8", Some("事業者")),
    ];
    for (raw, decimal, unit) in cases {
        let c = cell(raw);
        assert_eq!(du(&c.value), (decimal, unit), "{raw}");
        let n = number(&c.value);
        assert_eq!(n.comparator, None, "{raw}");
        assert!(!n.approximate, "{raw}");
    }
    assert_eq!(number(&cell("4.0 (H30)").value).number, 4.0);
    assert_eq!(number(&cell("33,097個/年 (H30)").value).number, 33097.0);
}

#[test]
fn comparators_and_approximation() {
    let n = cell("42.2%以上").value;
    assert_eq!(number(&n).comparator, Some(Comparator::AtLeast));
    assert_eq!(du(&n), ("42.2", Some("%")));
    let n = cell("295/年以下").value;
    assert_eq!(du(&n), ("295", Some("/年")));
    assert_eq!(number(&n).comparator, Some(Comparator::AtMost));
    let n = cell("約32,000件/年").value;
    assert!(number(&n).approximate);
    assert_eq!(du(&n), ("32000", Some("件/年")));
    assert!(number(&cell("500人程度").value).approximate);
    assert_eq!(
        number(&cell("10件以内").value).comparator,
        Some(Comparator::AtMost)
    );
}

#[test]
fn strict_bounds_are_comparators() {
    let c = cell("10人未満");
    assert_eq!(number(&c.value).comparator, Some(Comparator::LessThan));
    assert!(c.notes.is_empty());
    let c = cell("5件超");
    assert_eq!(number(&c.value).comparator, Some(Comparator::MoreThan));
    assert!(c.notes.is_empty());
}

/// One value form of issue 17 item 4, read by hand: the cell as printed, then what it
/// holds. `flags` is `c` cumulative, `e` estimate, `p` preliminary; `span` the N of N年間.
struct FormFact {
    raw: &'static str,
    decimal: &'static str,
    unit: Option<&'static str>,
    /// The value in its base unit, where the unit is scaled.
    normalized: Option<(f64, &'static str)>,
    comparator: Option<Comparator>,
    flags: &'static str,
    span: Option<u32>,
}

const fn form(raw: &'static str, decimal: &'static str, unit: Option<&'static str>) -> FormFact {
    FormFact {
        raw,
        decimal,
        unit,
        normalized: None,
        comparator: None,
        flags: "",
        span: None,
    }
}

#[test]
fn the_value_forms_of_issue_17() {
    let facts = [
        // 万/億 notation, resolved into the base unit as the contract's examples are
        // (95万 + 9千 = 959,000 人; 2億 + 396万 = 203,960,000 円).
        form("95万9千人", "959000", Some("人")),
        form("1万2600回", "12600", Some("回")),
        form("2億396万円", "203960000", Some("円")),
        form("4億3,000万円", "430000000", Some("円")),
        // ▲ and △ are minus signs.
        form("▲3.5", "-3.5", None),
        form("△10人", "-10", Some("人")),
        // Per year.
        form("年111校", "111", Some("校/年")),
        form("年１１１校", "111", Some("校/年")),
        form("毎年10件", "10", Some("件/年")),
        form("1.4人/年", "1.4", Some("人/年")),
        // Running totals.
        FormFact {
            flags: "c",
            span: Some(5),
            ..form("5年間で1人", "1", Some("人"))
        },
        FormFact {
            flags: "c",
            span: Some(5),
            ..form("５年間で１人", "1", Some("人"))
        },
        FormFact {
            flags: "c",
            ..form("累計120人", "120", Some("人"))
        },
        FormFact {
            flags: "c",
            ..form("延べ500人", "500", Some("人"))
        },
        FormFact {
            flags: "c",
            ..form("120人 (H27からの累計)", "120", Some("人"))
        },
        FormFact {
            flags: "c",
            ..form("48件 (累計)", "48", Some("件"))
        },
        // Strict bounds.
        FormFact {
            comparator: Some(Comparator::MoreThan),
            ..form("10人超", "10", Some("人"))
        },
        FormFact {
            comparator: Some(Comparator::LessThan),
            ..form("5件未満", "5", Some("件"))
        },
        // Estimates and preliminary figures.
        FormFact {
            flags: "e",
            ..form("120人 (見込み)", "120", Some("人"))
        },
        FormFact {
            flags: "e",
            ..form("120人見込み", "120", Some("人"))
        },
        FormFact {
            flags: "p",
            ..form("30.1% (速報値)", "30.1", Some("%"))
        },
        FormFact {
            flags: "p",
            ..form("24,810 ※速報値", "24810", None)
        },
    ];
    for f in &facts {
        let c = cell(f.raw);
        let n = number(&c.value);
        assert_eq!(du(&c.value), (f.decimal, f.unit), "{}", f.raw);
        let normalized = n.normalized.as_ref().map(|x| (x.number, x.unit.as_str()));
        assert_eq!(normalized, f.normalized, "{}", f.raw);
        assert_eq!(n.comparator, f.comparator, "{}", f.raw);
        assert_eq!(n.cumulative, f.flags.contains('c'), "{}", f.raw);
        assert_eq!(n.estimate, f.flags.contains('e'), "{}", f.raw);
        assert_eq!(n.preliminary, f.flags.contains('p'), "{}", f.raw);
        assert_eq!(n.span_years, f.span, "{}", f.raw);
    }
    // A group counting another number (`(延べ243日)`, real 音威子府村 PDF) says nothing of this one.
    assert!(!number(&cell("9人 (延べ243日)").value).cumulative);
    // A remark about another year's figure (上越 seed) flags nothing.
    assert!(!number(&cell("2,970,209人/年 (R4) ※R5数値はR6.12確定 見込").value).estimate);
    // The start of a running total is not the value's date.
    assert_eq!(period_raw(&cell("120人 (H27からの累計)")), None);
    // An estimate's date still dates it.
    let c = cell("120人 (R5見込み)");
    assert_eq!(period_raw(&c), Some("R5"));
    assert!(number(&c.value).estimate);
}

#[test]
fn scaled_units_normalize_exactly() {
    let cases: [(&str, f64, &str); 8] = [
        ("574,963百万円 (H29)", 574_963_000_000.0, "円"),
        ("2,818千円", 2_818_000.0, "円"),
        ("721億円", 72_100_000_000.0, "円"),
        ("360万人", 3_600_000.0, "人"),
        ("143万人", 1_430_000.0, "人"),
        ("3,000万円", 30_000_000.0, "円"),
        ("1.2万人", 12_000.0, "人"),
        ("0.07万人/年", 700.0, "人/年"),
    ];
    for (raw, value, unit) in cases {
        let n = number(&cell(raw).value).clone();
        let norm = n
            .normalized
            .unwrap_or_else(|| panic!("{raw} has no normalized value"));
        assert_eq!((norm.number, norm.unit.as_str()), (value, unit), "{raw}");
    }
    let n = number(&cell("1.2万人").value).clone();
    assert_eq!(
        (n.decimal.as_str(), n.unit.as_deref()),
        ("1.2", Some("万人"))
    );
    // Not scales: words that start with a scale character.
    for raw in ["3千葉", "5万代", "2.5千人当たり", "345人", "1.54‰"] {
        let c = cell(raw);
        if let Value::Number(n) = &c.value {
            assert_eq!(n.normalized, None, "{raw}");
        }
    }
}

#[test]
fn compound_amounts_resolve_into_the_base_unit() {
    // 12億 + 3,400万 = 1,234,000,000 円: no scale is left to normalize.
    let n = number(&cell("12億3,400万円").value).clone();
    assert_eq!(
        (n.decimal.as_str(), n.unit.as_deref()),
        ("1234000000", Some("円"))
    );
    assert_eq!(n.normalized, None);
}

#[test]
fn kashiwazaki_forms() {
    assert_eq!(du(&cell("345人").value), ("345", Some("人")));
    assert_eq!(du(&cell("1.54‰").value), ("1.54", Some("‰")));
    assert_eq!(du(&cell("2.0トン").value), ("2.0", Some("トン")));
    assert_eq!(du(&cell("10トン").value), ("10", Some("トン")));
    assert_eq!(du(&cell("10,800組").value), ("10800", Some("組")));
    assert_eq!(du(&cell("11件").value), ("11", Some("件")));
    assert_eq!(cell("-").value, Value::Missing);
}

#[test]
fn full_width_input() {
    assert_eq!(du(&cell("１２６品").value), ("126", Some("品")));
    assert_eq!(du(&cell("３９．８％").value), ("39.8", Some("%")));
    assert_eq!(du(&cell("１，０２０万人").value), ("1020", Some("万人")));
    assert_eq!(du(&cell("－３．５％").value), ("-3.5", Some("%")));
}

#[test]
fn missing_forms() {
    for raw in ["-", "－", "―", "—", "‐", "", "   ", "　"] {
        let c = cell(raw);
        assert_eq!(c.value, Value::Missing, "{raw:?}");
        assert!(c.notes.is_empty(), "{raw:?}");
    }
}

#[test]
fn negative_numbers() {
    assert_eq!(du(&cell("-3.5%").value), ("-3.5", Some("%")));
    assert_eq!(number(&cell("-3.5%").value).number, -3.5);
    assert_eq!(du(&cell("△3.5").value), ("-3.5", None));
    assert_eq!(du(&cell("▲1,200千円").value), ("-1200", Some("千円")));
    assert_eq!(
        number(&cell("▲1,200千円").value)
            .normalized
            .as_ref()
            .map(|n| n.number),
        Some(-1_200_000.0)
    );
}

#[test]
fn ranks_and_counters() {
    assert_eq!(du(&cell("1位").value), ("1", Some("位")));
    assert_eq!(du(&cell("第3位").value), ("3", Some("位")));
    assert_eq!(du(&cell("5か所").value), ("5", Some("か所")));
}

#[test]
fn ranges_are_text() {
    assert_eq!(text(&cell("10～20件").value), "10~20件");
    assert_eq!(text(&cell("10件～20件").value), "10件~20件");
}

#[test]
fn unit_hints_apply_only_without_a_unit() {
    let c = parse_cell("112,450", Some("人"));
    assert_eq!(du(&c.value), ("112450", Some("人")));
    let c = parse_cell("1,245,300", Some("（単位：千円）"));
    assert_eq!(
        number(&c.value).normalized.as_ref().map(|n| n.number),
        Some(1_245_300_000.0)
    );
    let c = parse_cell("36.2%", Some("人"));
    assert_eq!(du(&c.value), ("36.2", Some("%")));
    assert_eq!(unit_in_name("新規雇用者数（人）").as_deref(), Some("人"));
    assert_eq!(unit_in_name("メイド・イン上越認証品数（累計）"), None);
}

#[test]
fn own_dates_and_remarks() {
    let c = cell("39.8% (H30)");
    assert_eq!(period_raw(&c), Some("H30"));
    assert!(c.notes.is_empty());
    let c = cell("126品 (R元)");
    assert_eq!(c.period.as_ref().map(|p| p.year), Some(2019));
    let c = cell("589,989百万円 (R3) ※R4実績は未確定");
    assert_eq!(period_raw(&c), Some("R3"));
    assert_eq!(c.notes, ["※R4実績は未確定"]);
    let c = cell("1,240,000人/年 (R4実績) ※R5実績は6月末頃確定予定");
    assert_eq!(c.period.as_ref().map(|p| p.year), Some(2022));
    assert_eq!(c.notes, ["※R5実績は6月末頃確定予定"]);
    let c = cell("2,970,209人/年 (R4) ※R5数値はR6.12確定 見込");
    assert_eq!(period_raw(&c), Some("R4"));
    assert_eq!(c.notes, ["※R5数値はR6.12確定 見込"]);
    let c = cell("1,150人 (H31.4)");
    assert_eq!(c.period.as_ref().and_then(|p| p.month), Some(4));
    let c = cell("1,056人 (R元.11)");
    assert_eq!(
        c.period.as_ref().map(|p| (p.year, p.month)),
        Some((2019, Some(11)))
    );
    let c = cell("1.05 (R5.1~6)");
    assert!(c.period.as_ref().is_some_and(|p| p.until.is_some()));
    let c = cell("4,246人 (H26～H30の平均値)");
    let p = c.period.as_ref().expect("a period");
    assert_eq!(p.year, 2014);
    assert!(p.until.is_some());
}

#[test]
fn source_and_reference_notes() {
    let c = cell("66.7% (H27国勢調査)");
    assert_eq!(du(&c.value), ("66.7", Some("%")));
    assert_eq!(c.period.as_ref().map(|p| p.year), Some(2015));
    assert_eq!(c.notes, ["(H27国勢調査)"]);
    let c = cell(
        "- <small>(R2国勢調査)</small>"
            .replace("<small>", "")
            .replace("</small>", "")
            .as_str(),
    );
    assert_eq!(c.value, Value::Missing);
    assert_eq!(c.period.as_ref().map(|p| p.year), Some(2020));
    assert_eq!(c.notes, ["(R2国勢調査)"]);
    let c = cell("54.1% (参考：依頼会員 516人、提供会員 279人) (H31.3)");
    assert_eq!(du(&c.value), ("54.1", Some("%")));
    assert_eq!(c.notes, ["(参考:依頼会員 516人、提供会員 279人)"]);
    assert_eq!(
        c.period.as_ref().map(|p| (p.year, p.month)),
        Some((2019, Some(3)))
    );
    let c = cell("45.7% (依頼会員595人、提供会員272人)");
    assert_eq!(du(&c.value), ("45.7", Some("%")));
    assert_eq!(c.notes, ["(依頼会員595人、提供会員272人)"]);
    assert_eq!(c.period, None);
}

#[test]
fn text_values() {
    let c = cell("航路数の増加・コンテナの仕向け地の多様化");
    assert_eq!(text(&c.value), "航路数の増加・コンテナの仕向け地の多様化");
    assert_eq!(c.period, None);
    let c = cell(
        "中学校2年英語のみ全国平均と同程度であるが、他は全学年・全教科で全国平均を上回る。(H30)",
    );
    assert_eq!(
        text(&c.value),
        "中学校2年英語のみ全国平均と同程度であるが、他は全学年・全教科で全国平均を上回る。"
    );
    assert_eq!(c.period.as_ref().map(|p| p.year), Some(2018));
    let c = cell("市内12の組織において中山間地域の活性化に向けた取組が行われている状態 (H30)");
    assert_eq!(
        text(&c.value),
        "市内12の組織において中山間地域の活性化に向けた取組が行われている状態"
    );
    assert_eq!(c.period.as_ref().map(|p| p.year), Some(2018));
    let c = cell("各地域の維持、再生に向けた取組が継続されている状態");
    assert_eq!(
        text(&c.value),
        "各地域の維持、再生に向けた取組が継続されている状態"
    );
    let c = cell("設立 （R4年）");
    assert_eq!(text(&c.value), "設立");
    assert_eq!(c.period.as_ref().map(|p| p.year), Some(2022));
}

/// (label, decimal, unit, comparator) of each part.
type PartFacts<'a> = [(
    Option<&'a str>,
    &'a str,
    Option<&'a str>,
    Option<Comparator>,
)];

#[track_caller]
fn assert_parts(raw: &str, expected: &PartFacts<'_>) -> CellValue {
    let c = cell(raw);
    let got: Vec<_> = parts(&c.value)
        .iter()
        .map(|p| {
            let n = number(&p.value);
            (
                p.label.as_deref(),
                n.decimal.as_str(),
                n.unit.as_deref(),
                n.comparator,
            )
        })
        .collect();
    assert_eq!(got, expected, "{raw}");
    c
}

#[test]
fn parts_of_the_joetsu_seed() {
    const GE: Option<Comparator> = Some(Comparator::AtLeast);
    let pct = Some("%");
    let c = assert_parts(
        "小学校・国語：50.0 小学校・算数：50.2 中学校・国語：48.7 中学校・数学：48.0 中学校・英語：46.8",
        &[
            (Some("小学校・国語"), "50.0", None, None),
            (Some("小学校・算数"), "50.2", None, None),
            (Some("中学校・国語"), "48.7", None, None),
            (Some("中学校・数学"), "48.0", None, None),
            (Some("中学校・英語"), "46.8", None, None),
        ],
    );
    assert_eq!(c.period, None);
    assert_parts(
        "小学校の各教科の偏差値平均53以上 中学校の各教科の偏差値平均52以上",
        &[
            (Some("小学校の各教科の偏差値平均"), "53", None, GE),
            (Some("中学校の各教科の偏差値平均"), "52", None, GE),
        ],
    );
    let c = assert_parts(
        "小学6年生88.2% 中学3年生84.5% (H29)",
        &[
            (Some("小学6年生"), "88.2", pct, None),
            (Some("中学3年生"), "84.5", pct, None),
        ],
    );
    assert_eq!(c.period.as_ref().map(|p| p.year), Some(2017));
    assert_parts(
        "小学6年89.0% 中学3年81.8%",
        &[
            (Some("小学6年"), "89.0", pct, None),
            (Some("中学3年"), "81.8", pct, None),
        ],
    );
    assert_parts(
        "小学6年生 95.0% 中学3年生 90.0%",
        &[
            (Some("小学6年生"), "95.0", pct, None),
            (Some("中学3年生"), "90.0", pct, None),
        ],
    );
    let c = assert_parts(
        "953,404人 (H30 直江津) 1,128,338人 (H30 高田)",
        &[
            (Some("直江津"), "953404", Some("人"), None),
            (Some("高田"), "1128338", Some("人"), None),
        ],
    );
    assert!(parts(&c.value)
        .iter()
        .all(|p| p.period.as_ref().map(|p| p.year) == Some(2018)));
    assert_eq!(c.period.as_ref().map(|p| p.year), Some(2018));
    assert!(c.notes.is_empty());
    assert_parts(
        "935,476人 (直江津) 981,736人 (高田)",
        &[
            (Some("直江津"), "935476", Some("人"), None),
            (Some("高田"), "981736", Some("人"), None),
        ],
    );
    assert_parts(
        "954,000人以上 (直江津) 1,129,000人以上 (高田)",
        &[
            (Some("直江津"), "954000", Some("人"), GE),
            (Some("高田"), "1129000", Some("人"), GE),
        ],
    );
    let c = assert_parts(
        "14組・19人 (H30)",
        &[
            (None, "14", Some("組"), None),
            (None, "19", Some("人"), None),
        ],
    );
    assert_eq!(c.period.as_ref().map(|p| p.year), Some(2018));
    assert_parts(
        "172組・366人",
        &[
            (None, "172", Some("組"), None),
            (None, "366", Some("人"), None),
        ],
    );
}

#[test]
fn totals_with_their_lines() {
    let per_day = Some("人/日");
    let c = assert_parts(
        "3,034人/日 (ほくほく線: 1,395人/日 (H30) トキ鉄: 1,639人/日 (H30))",
        &[
            (None, "3034", per_day, None),
            (Some("ほくほく線"), "1395", per_day, None),
            (Some("トキ鉄"), "1639", per_day, None),
        ],
    );
    let p = parts(&c.value);
    assert_eq!(p[0].period, None);
    assert_eq!(p[1].period.as_ref().map(|p| p.year), Some(2018));
    assert_eq!(c.period.as_ref().map(|p| p.year), Some(2018));
    let c = assert_parts(
        "2,236人/日 (ほくほく線: 1,011人/日 トキ鉄: 1,325人/日) (R4) ※R5実績については7月頃把握予定",
        &[
            (None, "2236", per_day, None),
            (Some("ほくほく線"), "1011", per_day, None),
            (Some("トキ鉄"), "1325", per_day, None),
        ],
    );
    assert_eq!(period_raw(&c), Some("R4"));
    assert_eq!(c.notes, ["※R5実績については7月頃把握予定"]);
}

// ---- hand-read facts of the fixtures ----

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

struct Fact {
    id: String,
    name: String,
    raw: String,
    kind: String,
    decimal: String,
    unit: String,
    comparator: String,
    approximate: String,
    period_raw: String,
}

fn facts() -> Vec<Fact> {
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(fixtures())
        .expect("fixtures directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".facts.tsv"))
        .collect();
    files.sort();
    assert!(files.len() >= 2, "fixture facts present");
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable facts");
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
        let col = |name: &str| header.iter().position(|h| *h == name).expect(name);
        let (id, name, raw, kind) = (col("id"), col("name"), col("raw"), col("value_kind"));
        let (decimal, unit, cmp, approx, period) = (
            col("decimal"),
            col("unit"),
            col("comparator"),
            col("approximate"),
            col("period_raw"),
        );
        for line in lines.filter(|l| !l.is_empty()) {
            let f: Vec<&str> = line.split('\t').collect();
            let get = |i: usize| f.get(i).copied().unwrap_or("").to_string();
            out.push(Fact {
                id: format!(
                    "{}:{}",
                    file.file_name().unwrap().to_string_lossy(),
                    get(id)
                ),
                name: get(name),
                raw: get(raw),
                kind: get(kind),
                decimal: get(decimal),
                unit: get(unit),
                comparator: get(cmp),
                approximate: get(approx),
                period_raw: get(period),
            });
        }
    }
    out
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Number(_) => "number",
        Value::Missing => "missing",
        Value::Text { .. } => "text",
        Value::Parts { .. } => "parts",
    }
}

#[test]
fn every_hand_read_value_matches() {
    let mut failures = Vec::new();
    let all = facts();
    for f in &all {
        let hint = unit_in_name(&f.name);
        let c = parse_cell(&f.raw, hint.as_deref());
        let kind = kind_of(&c.value);
        if kind != f.kind {
            failures.push(format!(
                "{} {:?}: kind {kind}, expected {}",
                f.id, f.raw, f.kind
            ));
            continue;
        }
        if let Value::Number(n) = &c.value {
            let cmp = n.comparator.map_or("", Comparator::as_str);
            // A unit printed only in a caption (`（単位：千円）`) is the table's to pass on.
            let unit = n.unit.as_deref().unwrap_or("");
            let unit_ok = unit == f.unit || (unit.is_empty() && hint.is_none());
            if n.decimal != f.decimal
                || !unit_ok
                || cmp != f.comparator
                || n.approximate.to_string() != f.approximate
            {
                failures.push(format!(
                    "{} {:?}: got {} {unit:?} {cmp:?} approx={}, expected {} {:?} {:?} approx={}",
                    f.id,
                    f.raw,
                    n.decimal,
                    n.approximate,
                    f.decimal,
                    f.unit,
                    f.comparator,
                    f.approximate
                ));
            }
        }
    }
    assert!(all.len() > 300, "{} facts", all.len());
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_hand_read_own_date_matches() {
    let mut failures = Vec::new();
    for f in facts() {
        let c = parse_cell(&f.raw, None);
        let expected = normalize(&f.period_raw);
        // The cell's own date is one printed in the cell (outside its ※ remark).
        let before_remark = normalize(&f.raw);
        let before_remark = before_remark.split('※').next().unwrap_or("");
        let own = !expected.is_empty() && before_remark.contains(expected.as_str());
        let got = c.period.as_ref().map(|p| normalize(&p.raw));
        let ok = match (&got, own) {
            // `H26~H30の平均値` may be read as `H26~H30` with the aggregate recorded.
            (Some(g), true) => *g == expected || (expected.starts_with(g.as_str()) && g.len() >= 3),
            (None, false) => true,
            _ => false,
        };
        if !ok {
            failures.push(format!(
                "{} {:?}: period {got:?}, expected own date {own} {expected:?}",
                f.id, f.raw
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ---- robustness ----

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics(s in "\\PC{0,80}") {
        let _ = parse_cell(&s, None);
        let _ = parse_cell(&s, Some(&s));
    }

    #[test]
    fn never_panics_on_cell_like_text(
        s in "[0-9,.\\-△▲約以上下未満超程度万千億百円人件%/年日 ()（）:：・、※HR元~～]{0,60}"
    ) {
        let c = parse_cell(&s, Some("千円"));
        if let Value::Number(n) = &c.value {
            prop_assert!(n.number.is_finite());
            prop_assert!(!n.decimal.contains(','));
        }
    }

    #[test]
    fn printed_numbers_round_trip(int in 0u64..10_000_000_000, frac in proptest::option::of("[0-9]{1,4}")) {
        let grouped = group_thousands(int);
        let printed = match &frac { Some(f) => format!("{grouped}.{f}"), None => grouped };
        let c = parse_cell(&format!("{printed}件"), None);
        let n = number(&c.value);
        let expected = match &frac { Some(f) => format!("{int}.{f}"), None => int.to_string() };
        prop_assert_eq!(&n.decimal, &expected);
        prop_assert_eq!(n.number, expected.parse::<f64>().unwrap());
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn long_inputs_stay_fast() {
    let nasty = [
        "(".repeat(20_000),
        ")".repeat(20_000),
        "1".repeat(50_000),
        "1,".repeat(20_000),
        "小学6年生88.2% ".repeat(3_000),
        "(H30 直江津) ".repeat(3_000),
        "約".repeat(20_000) + "1",
        "12億".repeat(5_000) + "3,400万円",
        "・1人".repeat(10_000),
        "(a(b)c".repeat(5_000),
    ];
    for s in &nasty {
        let start = Instant::now();
        let _ = parse_cell(s, Some("人"));
        let took = start.elapsed();
        assert!(
            took < Duration::from_secs(2),
            "{} chars took {took:?}",
            s.chars().count()
        );
    }
}
