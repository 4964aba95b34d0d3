//! Status cells and legend lines (contract: Kpi status).

use shinchoku_table::model::StatusCode;
use shinchoku_table::status::{parse_legend_entries, parse_legend_line, parse_status, Legend};

fn code(text: &str) -> StatusCode {
    parse_status(text, &Legend::default())
        .expect("a status")
        .code
}

#[test]
fn printed_words() {
    assert_eq!(code("順調"), StatusCode::OnTrack);
    assert_eq!(code("順 調"), StatusCode::OnTrack);
    assert_eq!(code("順　調"), StatusCode::OnTrack);
    assert_eq!(code("現状維持"), StatusCode::Unchanged);
    assert_eq!(code("遅延"), StatusCode::Delayed);
    assert_eq!(code("遅 延"), StatusCode::Delayed);
    assert_eq!(code("達成"), StatusCode::Achieved);
    assert_eq!(code("未達成"), StatusCode::NotAchieved);
    assert_eq!(code("順調※"), StatusCode::OnTrack);
}

#[test]
fn labels_stay_as_printed() {
    let s = parse_status("  順 調 ", &Legend::default()).unwrap();
    assert_eq!(s.label, "順 調");
    assert_eq!(s.code, StatusCode::OnTrack);
}

#[test]
fn dashes_are_unknown_and_empty_is_none() {
    for dash in ["-", "－", "―", "—", "‐"] {
        assert_eq!(code(dash), StatusCode::Unknown, "{dash}");
    }
    assert_eq!(parse_status("", &Legend::default()), None);
    assert_eq!(parse_status("  ", &Legend::default()), None);
}

#[test]
fn letters_and_symbols_are_other_without_a_legend() {
    for s in [
        "A", "B", "C", "D", "S", "◎", "○", "△", "×", "●", "▲", "好調",
    ] {
        assert_eq!(code(s), StatusCode::Other, "{s}");
    }
}

#[test]
fn a_legend_maps_letters_and_symbols() {
    let mut legend = Legend::default();
    for line in [
        "◎：目標値以上",
        "○：目標値の8割以上",
        "A：目標達成",
        "B：概ね順調",
        "C：遅れ",
    ] {
        assert_eq!(legend.add_line(line), 1, "{line}");
    }
    let with = |s: &str| parse_status(s, &legend).unwrap().code;
    assert_eq!(with("◎"), StatusCode::Achieved);
    assert_eq!(with("○"), StatusCode::OnTrack);
    assert_eq!(with("A"), StatusCode::Achieved);
    assert_eq!(with("Ａ"), StatusCode::Achieved);
    assert_eq!(with("B"), StatusCode::OnTrack);
    assert_eq!(with("C"), StatusCode::Delayed);
    assert_eq!(with("△"), StatusCode::Other);
    assert_eq!(parse_status("◎", &legend).unwrap().label, "◎");
}

#[test]
fn legend_lines_by_meaning() {
    let cases = [
        ("◎：目標値以上", "◎", StatusCode::Achieved),
        ("○：目標値の8割以上", "○", StatusCode::OnTrack),
        ("A：目標達成", "A", StatusCode::Achieved),
        ("B：概ね順調", "B", StatusCode::OnTrack),
        ("C：遅れ", "C", StatusCode::Delayed),
        ("D：未達成", "D", StatusCode::NotAchieved),
        ("×：目標値を下回る", "×", StatusCode::NotAchieved),
        ("△：変化なし", "△", StatusCode::Unchanged),
        (
            "- 順 調：事業が予定通り進んでおり、令和6（2024）年度には目標値に達する見込みである。",
            "順 調",
            StatusCode::OnTrack,
        ),
        (
            "- 現状維持：事業を予定通り実施しているが、変化が見られない。",
            "現状維持",
            StatusCode::Unchanged,
        ),
        (
            "- 遅 延：事業が大きく遅延し、令和6（2024）年度に目標値に達することが難しい。",
            "遅 延",
            StatusCode::Delayed,
        ),
        (
            "- 「 - 」：実績確認中及び未着手である。",
            "-",
            StatusCode::Unknown,
        ),
        (
            "「 - 」：実績確認中及び未着手である。",
            "-",
            StatusCode::Unknown,
        ),
    ];
    for (line, label, expected) in cases {
        assert_eq!(
            parse_legend_line(line),
            Some((label.to_string(), expected)),
            "{line}"
        );
    }
}

#[test]
fn lines_that_are_not_legends() {
    for line in [
        "指標の年度目標を定めていないこと及び目標の性質が異なり評価を一律で表すことができないことから、担当課における相対評価としています。",
        "進捗状況の考え方（目標に対する年度ごとの状況）",
        "令和2（2020）年度から令和6（2024）年度までの5か年とします。",
        "",
        "◎：",
        "重要業績評価指標（KPI）：一覧",
    ] {
        assert_eq!(parse_legend_line(line), None, "{line}");
    }
}

#[test]
fn several_entries_on_one_line() {
    let entries = parse_legend_entries("◎：目標値以上 ○：目標値の8割以上 △：目標値の5割未満");
    assert_eq!(
        entries,
        [
            ("◎".to_string(), StatusCode::Achieved),
            ("○".to_string(), StatusCode::OnTrack),
            ("△".to_string(), StatusCode::Delayed),
        ]
    );
}

#[test]
fn a_legend_printed_on_one_line_with_a_heading() {
    let mut legend = Legend::default();
    let added =
        legend.add_line("【達成状況の区分】　A：目標達成　B：概ね順調　C：遅れ　－：評価不能");
    assert_eq!(added, 4);
    let with = |s: &str| parse_status(s, &legend).unwrap().code;
    assert_eq!(with("A"), StatusCode::Achieved);
    assert_eq!(with("B"), StatusCode::OnTrack);
    assert_eq!(with("C"), StatusCode::Delayed);
    assert_eq!(with("－"), StatusCode::Unknown);
    assert_eq!(with("D"), StatusCode::Other);
}

proptest::proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,60}") {
        let mut legend = Legend::default();
        legend.add_line(&s);
        let _ = parse_legend_line(&s);
        let _ = parse_status(&s, &legend);
    }
}

/// The legend prefilter must not skip a line that normalizes to a legend: every character
/// whose normalization yields `:` or `=` is one it looks for.
#[test]
fn legend_prefilter_knows_every_character_that_normalizes_to_a_separator() {
    for code in 0..=0x10FFFFu32 {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        let s = c.to_string();
        let n = shinchoku_extract::normalize::normalize(&s);
        if n.contains([':', '=']) {
            assert!(
                shinchoku_table::status::may_hold_legend(&s),
                "U+{code:04X} normalizes to {n:?} but the prefilter skips it"
            );
        }
    }
}
