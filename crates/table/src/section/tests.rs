//! Unit tests of heading reading and code resolution.

use super::*;

fn code_of(text: &str) -> Option<(String, String)> {
    let p = parse_heading(text)?;
    match p.heading {
        Heading::Coded { head, parts } => Some((render(&head, &parts, false), p.title)),
        _ => None,
    }
}

#[test]
fn code_spellings() {
    assert_eq!(code_of("A-1-1 地域産業").unwrap().0, "A-1-1");
    assert_eq!(code_of("Ⅱ－１－（２） 出産").unwrap().0, "II-1-(2)");
    assert_eq!(
        code_of("II-1-1 (1) 妊娠").unwrap(),
        ("II-1-(1)".into(), "妊娠".into())
    );
    assert_eq!(code_of("1-2-(2) 創業").unwrap().0, "1-2-(2)");
    assert_eq!(code_of("R1 (2019)"), None);
    assert_eq!(code_of("1-2"), None);
    assert_eq!(code_of("A-1"), None, "a code needs a title");
    assert_eq!(
        code_of("施策1-1　地域産業の競争力強化").unwrap(),
        ("1-1".into(), "地域産業の競争力強化".into())
    );
}

#[test]
fn measures_numbered_on_their_own() {
    let measure = |text: &str| {
        parse_heading(text).map(|p| match p.heading {
            Heading::Measure { number, bracketed } => (number, bracketed, p.title),
            other => panic!("{text}: {other:?}"),
        })
    };
    assert_eq!(
        measure("施策23　移住定住の促進"),
        Some((23, false, "移住定住の促進".to_string()))
    );
    assert_eq!(
        measure("■施策①　農林業の振興"),
        Some((1, false, "農林業の振興".to_string()))
    );
    assert_eq!(
        measure("施策 23 移住定住の促進"),
        Some((23, false, "移住定住の促進".to_string()))
    );
    // With a dash it is a code; without a title, or run into a word, no heading.
    assert!(matches!(
        parse_heading("施策1-1 地域産業").map(|p| p.heading),
        Some(Heading::Coded { .. })
    ));
    assert_eq!(measure("施策23"), None);
    assert_eq!(measure("施策23件"), None);
    // A mark before a goal's label is not part of it.
    assert_eq!(
        parse_heading("◇基本目標2 新しいひとの流れ").map(|p| p.title),
        Some("新しいひとの流れ".to_string())
    );
}

#[test]
fn headings_known_by_their_number_alone() {
    let goal = dotted_goal("1.競争力のある産業振興による活力あるまちづくり").unwrap();
    assert_eq!(
        goal.heading,
        Heading::Level1 {
            label: Level1Label::Goal,
            number: 1
        }
    );
    assert_eq!(goal.title, "競争力のある産業振興による活力あるまちづくり");
    let measure = bracketed_measure("(1)第一次産業の振興").unwrap();
    assert_eq!(
        (measure.heading, measure.title.as_str()),
        (
            Heading::Measure {
                number: 1,
                bracketed: true
            },
            "第一次産業の振興"
        )
    );
    // List items with values, sentences and long texts are no headings.
    assert_eq!(dotted_goal("1.新規就農者数:1.4人/年 → 4組/年"), None);
    assert_eq!(dotted_goal("2.転入者数が増えた。"), None);
    assert_eq!(dotted_goal("1.5倍"), None);
    assert_eq!(bracketed_measure("(2)移住者数 17人"), None);
    assert_eq!(dotted_goal(&format!("1.{}", "あ".repeat(41))), None);
}

#[test]
fn numbered_priority_projects() {
    let p = parse_project_heading("重点プロジェクト1 子育て応援プロジェクト").unwrap();
    assert_eq!(
        (p.heading, p.title.as_str()),
        (Heading::Project { number: 1 }, "子育て応援プロジェクト")
    );
    let p = parse_project_heading("重点プロジェクト② 移住の促進").unwrap();
    assert_eq!(p.heading, Heading::Project { number: 2 });
    assert!(parse_project_heading("重点プロジェクト").is_none());
}

#[test]
fn a_measure_is_coded_under_its_goal_as_printed() {
    let draft = |heading: Heading| Draft {
        heading,
        title: "t".to_string(),
        provenance: Provenance {
            page: None,
            line: 1,
            text: String::new(),
            sheet: None,
            column: None,
        },
        projects: Vec::new(),
    };
    let mut drafts = vec![
        draft(Heading::Level1 {
            label: Level1Label::Goal,
            number: 3,
        }),
        draft(Heading::Measure {
            number: 23,
            bracketed: false,
        }),
        draft(Heading::Measure {
            number: 1,
            bracketed: true,
        }),
    ];
    let resolved = resolve(&mut drafts);
    assert_eq!(resolved.codes, ["3", "3-23", "3-(1)"]);
    assert_eq!(resolved.sections[1].parent.as_deref(), Some("3"));
    assert_eq!(resolved.sections[1].level, 2);
}

#[test]
fn level1_labels() {
    let p = parse_heading("分野1【しごとづくり】安定的で魅力ある雇用を創出する").unwrap();
    assert_eq!(p.title, "【しごとづくり】安定的で魅力ある雇用を創出する");
    let p = parse_heading("第2節 子どもを産み育てやすいまちをつくる").unwrap();
    assert_eq!(
        p.heading,
        Heading::Level1 {
            label: Level1Label::Goal,
            number: 2
        }
    );
    assert!(parse_project_heading("1 転入増加・転出抑制プロジェクト").is_some());
    assert!(parse_project_heading("3 重点プロジェクトの進行管理").is_none());
    assert_eq!(roman(4), "IV");
    for (text, number) in [
        ("基本目標2 結婚・出産の希望をかなえる", 2),
        ("基本目標① しごとをつくる", 1),
        ("基本目標Ⅲ 魅力あるまちをつくる", 3),
        ("基本目標 12 広域連携", 12),
    ] {
        assert_eq!(
            parse_heading(text).map(|p| p.heading),
            Some(Heading::Level1 {
                label: Level1Label::Goal,
                number
            }),
            "{text}"
        );
    }
    // A title in capitals after the label is no Roman numeral.
    assert_eq!(parse_heading("基本目標IXY"), None);
}

/// Regression: a lone `基本目標2` heading (no coded heading under it) was coded `II`.
#[test]
fn a_lone_goal_keeps_its_printed_number() {
    let mut drafts: Vec<Draft> = [
        "基本目標2 結婚・出産の希望をかなえる",
        "基本目標③ まちをつくる",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| Draft {
        heading: parse_heading(t).unwrap().heading,
        title: parse_heading(t).unwrap().title,
        provenance: Provenance {
            column: None,
            line: i as u32 + 1,
            page: None,
            sheet: None,
            text: t.to_string(),
        },
        projects: Vec::new(),
    })
    .collect();
    assert_eq!(resolve(&mut drafts).codes, ["2", "3"]);
    assert_eq!(letter_code(3), "C");
}
