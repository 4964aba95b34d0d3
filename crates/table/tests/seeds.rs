//! The two seed reports (and the invented third layout) from `fixtures/`: counts, ids,
//! invariants, spot checks read off the source text, and the structural columns of the
//! hand-read facts files (`fixtures/*.facts.tsv`, `*.sections.tsv`, `*.initiatives.tsv`).

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use shinchoku_extract::{read_text, Line};
use shinchoku_table::{reconstruct, Kpi, KpiKind, Report, Role, StatusCode};

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(name)
}

fn load(name: &str) -> (Vec<Line>, Report) {
    let bytes = std::fs::read(fixture_path(name)).expect("fixture exists");
    let lines = read_text(&bytes).expect("fixture reads").lines;
    let report = reconstruct(&lines);
    (lines, report)
}

fn kpi<'a>(report: &'a Report, id: &str) -> &'a Kpi {
    report
        .kpis
        .iter()
        .find(|k| k.id == id)
        .unwrap_or_else(|| panic!("KPI {id} exists"))
}

fn count_kind(report: &Report, kind: KpiKind) -> usize {
    report.kpis.iter().filter(|k| k.kind == kind).count()
}

/// Invariants every report keeps: provenance lines exist with their text, ids unique,
/// `value_columns` observations per KPI in the table's roles, parents first, no
/// `unparsed_row`.
fn check_invariants(lines: &[Line], report: &Report, value_columns: usize) {
    let by_number: HashMap<u32, &Line> = lines.iter().map(|l| (l.number, l)).collect();
    for k in &report.kpis {
        let line = by_number
            .get(&k.provenance.line)
            .unwrap_or_else(|| panic!("{}: provenance line exists", k.id));
        assert_eq!(line.raw, k.provenance.text, "{}: provenance text", k.id);
        assert_eq!(
            k.observations.len(),
            value_columns,
            "{}: one observation per value column",
            k.id
        );
        assert!(!k.name.is_empty(), "{}: has a name", k.id);
        let section = k.section.as_deref().expect("every seed KPI has a section");
        assert!(
            k.id.starts_with(&format!("{section}.")),
            "{} is in {section}",
            k.id
        );
    }
    let ids: HashSet<&str> = report.kpis.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(ids.len(), report.kpis.len(), "ids are unique");
    let mut seen = HashSet::new();
    for s in &report.sections {
        if let Some(p) = &s.parent {
            assert!(seen.contains(p.as_str()), "parent {p} precedes {}", s.code);
        }
        assert!(seen.insert(s.code.as_str()), "{} appears once", s.code);
    }
    for i in &report.initiatives {
        let line = by_number
            .get(&i.provenance.line)
            .expect("initiative line exists");
        assert_eq!(line.raw, i.provenance.text);
    }
    let unparsed: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.code == "unparsed_row")
        .collect();
    assert!(unparsed.is_empty(), "no unparsed rows: {unparsed:?}");
}

/// Compare the structural columns of a hand-read facts file (id, kind, section, name,
/// role, raw, status label, departments) with the report, row by row.
fn check_facts(report: &Report, facts_file: &str) {
    let text = std::fs::read_to_string(fixture_path(facts_file)).expect("facts file");
    let mut rows = text.lines();
    let header: Vec<&str> = rows.next().expect("header").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let (id, kind, section, name, role, raw, status, departments) = (
        col("id"),
        col("kind"),
        col("section"),
        col("name"),
        col("role"),
        col("raw"),
        col("status_label"),
        col("departments"),
    );
    let ours: Vec<[String; 8]> = report
        .kpis
        .iter()
        .flat_map(|k| {
            k.observations.iter().map(move |o| {
                [
                    k.id.clone(),
                    kind_name(k.kind).to_string(),
                    k.section.clone().unwrap_or_default(),
                    k.name.clone(),
                    o.role.as_str().to_string(),
                    o.raw.clone(),
                    k.status
                        .as_ref()
                        .map(|s| s.label.clone())
                        .unwrap_or_default(),
                    k.departments.join(";"),
                ]
            })
        })
        .collect();
    let expected: Vec<[String; 8]> = rows
        .filter(|l| !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            [id, kind, section, name, role, raw, status, departments].map(|c| f[c].to_string())
        })
        .collect();
    assert_eq!(
        ours.len(),
        expected.len(),
        "{facts_file}: observation count"
    );
    for (got, want) in ours.iter().zip(&expected) {
        assert_eq!(got, want, "{facts_file}");
    }
}

fn check_sections(report: &Report, sections_file: &str) {
    let text = std::fs::read_to_string(fixture_path(sections_file)).expect("sections file");
    let expected: Vec<String> = text
        .lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let ours: Vec<String> = report
        .sections
        .iter()
        .map(|s| {
            format!(
                "{}\t{}\t{}\t{}\t{}",
                s.code,
                s.title,
                s.parent.as_deref().unwrap_or(""),
                s.level,
                s.projects.len()
            )
        })
        .collect();
    assert_eq!(ours, expected, "{sections_file}");
}

fn kind_name(kind: KpiKind) -> &'static str {
    match kind {
        KpiKind::Kpi => "kpi",
        KpiKind::Headline => "headline",
        KpiKind::Priority => "priority",
    }
}

#[test]
fn joetsu_counts_and_invariants() {
    let (lines, r) = load("joetsu-kpi-progress-r5.txt");
    assert_eq!(r.kpis.len(), 59);
    assert_eq!(count_kind(&r, KpiKind::Headline), 8);
    assert_eq!(count_kind(&r, KpiKind::Priority), 0);
    assert_eq!(r.sections.len(), 40);
    assert_eq!(r.sections.iter().filter(|s| s.level == 1).count(), 4);
    assert_eq!(r.sections.iter().filter(|s| s.level == 3).count(), 25);
    let projects: usize = r.sections.iter().map(|s| s.projects.len()).sum();
    assert_eq!(projects, 172);
    assert!(r.initiatives.is_empty());
    check_invariants(&lines, &r, 3);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn joetsu_spot_checks() {
    let (_, r) = load("joetsu-kpi-progress-r5.txt");
    let title = r.info.title.as_deref().unwrap();
    assert!(
        title.starts_with("「第2期上越市まち・ひと・しごと創生総合戦略」"),
        "{title}"
    );
    assert_eq!(
        r.info.as_of.as_ref().map(|p| p.raw.as_str()),
        Some("R5年度末")
    );

    // Line 10: the first 数値目標 row, label cell printed.
    let a1 = kpi(&r, "A.1");
    assert_eq!(a1.kind, KpiKind::Headline);
    assert_eq!(a1.provenance.line, 10);
    assert_eq!(a1.observations[0].raw, "39.8% (H30)");
    // Line 11: the second, label not printed.
    assert_eq!(kpi(&r, "A.2").kind, KpiKind::Headline);
    // Line 27: a row under a repeated page header and a bare A-1-4 heading cell.
    let a141 = kpi(&r, "A-1-4.1");
    assert_eq!(a141.name, "認定農業者等の担い手への 農地集積率");
    assert_eq!(a141.provenance.line, 27);
    // Line 70: a name with a trailing ※ note.
    let c1 = kpi(&r, "C.1");
    assert_eq!(c1.name, "休日滞在人口率(滞在人口÷国勢調査人口)");
    assert_eq!(c1.notes, ["※滞在人口...休日の14時に当市に滞在していた人数"]);
    // Line 88: C-2-1 has three KPIs (the heading shares line 85 with C-2).
    assert_eq!(
        kpi(&r, "C-2-1.3").name,
        "インスタグラムにおける「#上越」をつけた投稿数"
    );
    // Line 107: the second (※) starts the note; the first stays in the name.
    let c422 = kpi(&r, "C-4-2.2");
    assert_eq!(
        c422.name,
        "100人以上の宿泊(※)を伴うコンベンションの誘致件数"
    );
    assert!(c422.notes[0].starts_with("(※) 「上越観光"));
    // Line 112: the 分野4 table whose header is shifted; target is still the third value.
    let d1 = kpi(&r, "D.1");
    assert_eq!(d1.observations[2].role, Role::Target);
    assert_eq!(d1.observations[2].raw, "4,246人以上");

    let section = |code: &str| r.sections.iter().find(|s| s.code == code).unwrap();
    assert_eq!(
        section("A").title,
        "【しごとづくり】安定的で魅力ある雇用を創出する"
    );
    assert_eq!(section("A-1-4").parent.as_deref(), Some("A-1"));
    // Projects listed over two rows (lines 14-15) form one list of 10.
    assert_eq!(section("A-1-1").projects.len(), 10);
    assert_eq!(section("A-1-1").projects[6], "地域情報センター構築");
    assert_eq!(section("A-1-4").projects[4], "6次産業化");
    assert!(section("C-2-1").projects.is_empty());
    assert_eq!(section("C-2-2").projects.len(), 9);
    assert_eq!(section("C-4-1").projects.len(), 13, "<ul><li> list");
}

#[test]
fn joetsu_matches_hand_read_facts() {
    let (_, r) = load("joetsu-kpi-progress-r5.txt");
    check_facts(&r, "joetsu-kpi-progress-r5.facts.tsv");
    check_sections(&r, "joetsu-kpi-progress-r5.sections.tsv");
}

#[test]
fn kashiwazaki_counts_and_invariants() {
    let (lines, r) = load("kashiwazaki-progress-report-r3.txt");
    assert_eq!(r.kpis.len(), 27);
    assert_eq!(count_kind(&r, KpiKind::Priority), 5);
    assert_eq!(count_kind(&r, KpiKind::Headline), 0);
    assert_eq!(r.sections.len(), 31);
    assert_eq!(r.initiatives.len(), 49);
    let projects: usize = r.initiatives.iter().map(|i| i.projects.len()).sum();
    assert_eq!(projects, 85);
    assert_eq!(
        r.kpis.iter().filter(|k| !k.departments.is_empty()).count(),
        13
    );
    check_invariants(&lines, &r, 4);
    let corrected: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.code == "section_code_corrected")
        .collect();
    assert_eq!(corrected.len(), 1);
    assert_eq!(corrected[0].provenance.line, 305);
    assert!(r.warnings.iter().all(|w| w.code != "chart_table_mismatch"));
}

#[test]
fn kashiwazaki_spot_checks() {
    let (_, r) = load("kashiwazaki-progress-report-r3.txt");
    assert_eq!(
        r.info.title.as_deref(),
        Some("令和 3(2021)年度 柏崎市第 2 期まち・ひと・しごと創生総合戦略 進行管理報告書")
    );
    let as_of = r.info.as_of.as_ref().expect("as_of");
    assert_eq!(as_of.year, 2020, "（令和 2（2020）年度実績分）");

    // Line 176: P-1's only KPI, periods from its own header.
    let p11 = kpi(&r, "P-1.1");
    assert_eq!(p11.kind, KpiKind::Priority);
    assert_eq!(p11.status.as_ref().unwrap().label, "遅延");
    // Line 188: P-2 prints other years in its header (H29 … R5).
    let p21 = kpi(&r, "P-2.1");
    let years: Vec<i32> = p21
        .observations
        .iter()
        .map(|o| o.period.as_ref().unwrap().year)
        .collect();
    assert_eq!(years, [2017, 2018, 2019, 2023]);
    // Line 214: the embedded department; I-1.1 and I-1.2 get the trailing lines 218, 220.
    let i13 = kpi(&r, "I-1.3");
    assert_eq!(i13.name, "地域エネルギー会社の設立");
    assert_eq!(i13.departments, ["電源エネルギー戦略室"]);
    assert_eq!(kpi(&r, "I-1.1").departments, ["ものづくり振興課"]);
    assert_eq!(kpi(&r, "I-1.2").departments, ["農政課"]);
    // Lines 261-271: chart titles name the KPIs (267 differs slightly from 259's name).
    assert_eq!(kpi(&r, "I-2.1").departments, ["企画政策課"]);
    assert_eq!(kpi(&r, "I-2.2").departments, ["商業観光課"]);
    assert_eq!(kpi(&r, "I-2.1").status.as_ref().unwrap().label, "-");
    // Lines 482-490: four trailing lines in order.
    let iii2: Vec<&str> = (1..=4)
        .map(|n| kpi(&r, &format!("III-2.{n}")).departments[0].as_str())
        .collect();
    assert_eq!(
        iii2,
        [
            "元気発信課",
            "元気発信課",
            "水球のまち推進室",
            "水球のまち推進室"
        ]
    );
    // Lines 529-546: charts with data, then departments.
    assert_eq!(kpi(&r, "IV-1.1").departments, ["学校教育課"]);
    assert_eq!(kpi(&r, "IV-1.2").departments, ["市民活動支援課"]);
    assert!(kpi(&r, "II-1.1").departments.is_empty());

    let codes: Vec<&str> = r.sections.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(
        &codes[..7],
        ["P-1", "P-2", "P-3", "I", "I-1", "I-1-(1)", "I-1-(2)"]
    );
    assert!(codes.contains(&"I-2-(2)"), "the 1-2-(2) misprint corrected");
    assert!(codes.contains(&"II-1-(2)"), "Ⅱ－１－（２）");
    assert!(codes.contains(&"II-1-(1)"), "II-1-1 (1)");

    // Line 227: the first narrative block.
    let first = &r.initiatives[0];
    assert_eq!(first.section.as_deref(), Some("I-1-(1)"));
    assert_eq!(first.department.as_deref(), Some("ものづくり振興課"));
    assert_eq!(first.provenance.line, 227);
    assert_eq!(first.projects.len(), 4);
    // Line 236: three <p> paragraphs stay three paragraphs.
    let tourism = &r.initiatives[2];
    assert_eq!(tourism.department.as_deref(), Some("商業観光課"));
    assert_eq!(
        tourism.achievements.as_deref().unwrap().split('\n').count(),
        3
    );
    // Line 611: the last block's 主な事業 is the file's last line, without a newline.
    let last = r.initiatives.last().unwrap();
    assert_eq!(last.section.as_deref(), Some("IV-2-(2)"));
    assert_eq!(last.projects, ["柏崎・社長のたまご塾事業"]);
}

#[test]
fn kashiwazaki_matches_hand_read_facts() {
    let (_, r) = load("kashiwazaki-progress-report-r3.txt");
    check_facts(&r, "kashiwazaki-progress-report-r3.facts.tsv");
    check_sections(&r, "kashiwazaki-progress-report-r3.sections.tsv");
    let text = std::fs::read_to_string(fixture_path(
        "kashiwazaki-progress-report-r3.initiatives.tsv",
    ))
    .unwrap();
    let expected: Vec<(String, String, String)> = text
        .lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0].to_string(), f[1].to_string(), f[3].to_string())
        })
        .collect();
    let ours: Vec<(String, String, String)> = r
        .initiatives
        .iter()
        .map(|i| {
            (
                i.section.clone().unwrap_or_default(),
                i.department.clone().unwrap_or_default(),
                i.projects.join(";"),
            )
        })
        .collect();
    assert_eq!(ours, expected);
}

#[test]
fn third_layout_reads_without_tuning() {
    let (lines, r) = load("sample-city-kpi-r4.txt");
    assert_eq!(r.kpis.len(), 14);
    assert_eq!(count_kind(&r, KpiKind::Headline), 2);
    check_invariants(&lines, &r, 5);
    check_facts(&r, "sample-city-kpi-r4.facts.tsv");
    let codes: Vec<(&str, Option<&str>)> = r
        .sections
        .iter()
        .map(|s| (s.code.as_str(), s.parent.as_deref()))
        .collect();
    assert_eq!(
        codes,
        [
            ("1", None),
            ("1-1", Some("1")),
            ("1-2", Some("1")),
            ("2", None),
            ("2-1", Some("2")),
            ("3", None),
            ("3-1", Some("3")),
        ]
    );
    let as_of = r.info.as_of.as_ref().expect("as_of from the title");
    assert_eq!(as_of.year, 2022);
    assert!(r.info.title.as_deref().unwrap().contains("長岡市"));
}

#[test]
fn third_layout_statuses_follow_its_legend() {
    let (_, r) = load("sample-city-kpi-r4.txt");
    let codes: Vec<StatusCode> = r
        .kpis
        .iter()
        .map(|k| k.status.as_ref().unwrap().code)
        .collect();
    use StatusCode::*;
    assert_eq!(
        codes,
        [
            OnTrack,
            Achieved,
            OnTrack,
            OnTrack,
            OnTrack,
            OnTrack,
            Delayed,
            OnTrack,
            Achieved,
            OnTrack,
            Achieved,
            NotAchieved,
            NotAchieved,
            Unknown
        ]
    );
}

/// The PDF rendering of a seed gives the same KPIs as its text (differential test).
fn pdf_report(name: &str) -> Report {
    let bytes = std::fs::read(fixture_path(name)).expect("fixture PDF exists");
    let doc = shinchoku_extract::pdf::read_pdf(&bytes, &Default::default()).expect("PDF reads");
    reconstruct(&doc.lines)
}

/// Ids, names (white space removed: a PDF line wrap may drop a space) and observation
/// counts.
fn ids_and_names(r: &Report) -> Vec<(String, String, usize)> {
    r.kpis
        .iter()
        .map(|k| (k.id.clone(), compact(&k.name), k.observations.len()))
        .collect()
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn joetsu_pdf_gives_the_same_kpis_and_sections_as_the_text() {
    let (_, text) = load("joetsu-kpi-progress-r5.txt");
    let pdf = pdf_report("joetsu-kpi-progress-r5.pdf");
    assert_eq!(ids_and_names(&pdf), ids_and_names(&text));
    let codes = |r: &Report| {
        r.sections
            .iter()
            .map(|s| s.code.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(&pdf), codes(&text));
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
}

#[test]
fn kashiwazaki_pdf_gives_the_same_kpis_as_the_text() {
    let (_, text) = load("kashiwazaki-progress-report-r3.txt");
    let pdf = pdf_report("kashiwazaki-progress-report-r3.pdf");
    let names = |r: &Report| r.kpis.iter().map(|k| compact(&k.name)).collect::<Vec<_>>();
    assert_eq!(names(&pdf), names(&text));
    assert_eq!(pdf.initiatives.len(), 49);
    let departments = |r: &Report| {
        r.kpis
            .iter()
            .map(|k| k.departments.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(departments(&pdf), departments(&text));
    assert!(
        pdf.warnings.iter().all(|w| w.code != "unparsed_row"),
        "{:?}",
        pdf.warnings
    );
}
