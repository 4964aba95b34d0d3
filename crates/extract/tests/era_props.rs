//! Properties of `era::parse_period` and `era::find_periods` over arbitrary text, and a
//! throughput check (ignored by default; run with `--release -- --ignored`).

use proptest::prelude::*;
use shinchoku_extract::era::{find_periods, parse_period};

/// Fragments that make date-like text likely: era names and letters, digits of both widths,
/// kanji numerals, suffixes, brackets, range marks, spaces, and some ordinary text.
const TOKENS: &[&str] = &[
    "R",
    "H",
    "S",
    "M",
    "T",
    "r",
    "Ｒ",
    "ｈ",
    "令和",
    "平成",
    "昭和",
    "大正",
    "明治",
    "元",
    "0",
    "1",
    "2",
    "3",
    "9",
    "12",
    "29",
    "31",
    "2019",
    "2100",
    "９",
    "１２",
    "99999999999999999999",
    "一",
    "二",
    "十",
    "三十一",
    "〇",
    "年",
    "年度",
    "度",
    "末",
    "月",
    "日",
    "の",
    "平均",
    "値",
    ".",
    "．",
    "~",
    "～",
    "〜",
    "-",
    "－",
    "(",
    ")",
    "（",
    "）",
    " ",
    "　",
    "\t",
    "人",
    "%",
    ",",
    "※",
    "実績",
    "A",
    "NPO",
    "é",
    "🎌",
    "\u{0301}",
];

fn date_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..24).prop_map(|parts| parts.concat())
}

fn check_find(text: &str) -> Result<(), TestCaseError> {
    let found = find_periods(text);
    let mut last_end = 0;
    for f in &found {
        prop_assert!(f.range.start >= last_end, "overlap in {text:?}: {found:?}");
        prop_assert!(f.range.start < f.range.end, "empty range in {text:?}");
        prop_assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
        prop_assert!(f.range.end <= text.len());
        match &f.result {
            Ok(parsed) => prop_assert_eq!(&text[f.range.clone()], parsed.period.raw.as_str()),
            Err(e) => prop_assert!(e.position < text.chars().count()),
        }
        last_end = f.range.end;
    }
    // parse_period reads the first date find_periods sees, and nothing when it sees none.
    match (found.first(), parse_period(text)) {
        (Some(first), parsed) => match (&first.result, parsed) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, &b),
            (Err(a), Err(b)) => prop_assert_eq!(a, &b),
            (a, b) => prop_assert!(false, "{text:?}: find {a:?} vs parse {b:?}"),
        },
        (None, parsed) => prop_assert!(parsed.is_err(), "{text:?}: {parsed:?}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let _ = parse_period(&text);
        check_find(&text)?;
    }

    #[test]
    fn date_like_strings_keep_the_invariants(text in date_soup()) {
        if let Ok(parsed) = parse_period(&text) {
            let p = &parsed.period;
            prop_assert!(text.contains(p.raw.as_str()));
            if let (Some(start), Some(end)) = (&p.start, &p.end) {
                prop_assert!(start <= end, "{text:?}: {start} > {end}");
            }
            prop_assert_eq!(p.start.is_some(), p.basis != shinchoku_extract::era::Basis::Unspecified);
        }
        check_find(&text)?;
    }
}

#[test]
fn pathological_inputs_finish_quickly() {
    let inputs = [
        "9".repeat(100_000),
        "R".repeat(100_000),
        "令和".repeat(50_000),
        format!("令和{}", " ".repeat(100_000)),
        "R1~".repeat(30_000),
        "一".repeat(100_000),
        format!("R{}", "9".repeat(100_000)),
    ];
    let started = std::time::Instant::now();
    for input in &inputs {
        let _ = parse_period(input);
        let _ = find_periods(input);
    }
    // Linear scanning does this in milliseconds; a quadratic one would take minutes.
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

/// Short expressions as they come from cells and headers.
const SHORT: &[&str] = &[
    "H30",
    "R元",
    "R5年度末",
    "H31.4",
    "令和3（2021）年度",
    "Ｒ５",
    "R5.1~6",
    "H26～H30の平均値",
    "令和５年３月末",
    "現状値（R5年度末）",
    "当初 (H30) (2018)",
    "2019年度",
];

#[test]
#[ignore = "timing; run with cargo test --release -p shinchoku-extract --test era_props -- --ignored --nocapture"]
fn parse_period_throughput() {
    let rounds = 200_000;
    let started = std::time::Instant::now();
    let mut ok = 0usize;
    for _ in 0..rounds {
        for expr in SHORT {
            ok += usize::from(parse_period(std::hint::black_box(expr)).is_ok());
        }
    }
    let elapsed = started.elapsed();
    let total = rounds * SHORT.len();
    assert_eq!(ok, total);
    let per_second = total as f64 / elapsed.as_secs_f64();
    println!("parse_period: {total} expressions in {elapsed:?} = {per_second:.0} expressions/s");
    if !cfg!(debug_assertions) {
        assert!(
            per_second >= 1_000_000.0,
            "{per_second:.0} expressions/s is below the floor"
        );
    }
}
