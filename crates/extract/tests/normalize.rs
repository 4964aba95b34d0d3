//! Normalization: a table of cases (most taken from the seed texts), the dash and wave
//! contexts, and properties (never panics, idempotent).

use proptest::prelude::*;
use shinchoku_extract::normalize::{normalize, normalize_keep_lines, squeeze_cjk_spaces};

/// (input, expected, why).
const CASES: &[(&str, &str, &str)] = &[
    // Full-width ASCII from the seeds.
    ("Ｒ５", "R5", "full-width letter and digit"),
    (
        "令和 3（2021）年度",
        "令和 3(2021)年度",
        "full-width brackets (柏崎 title)",
    ),
    ("（２０２１）", "(2021)", "full-width digits in brackets"),
    ("（単位：百万円）", "(単位:百万円)", "full-width colon"),
    (
        "Ｋ Ｐ Ｉ",
        "K P I",
        "spaced full-width letters keep their single spaces",
    ),
    ("ＫＰＩ", "KPI", "full-width letters"),
    (
        "重要業績評価指標（KPI）",
        "重要業績評価指標(KPI)",
        "上越 header",
    ),
    (
        "現状値（R5年度末）",
        "現状値(R5年度末)",
        "header with period",
    ),
    ("※R4実績は未確定", "※R4実績は未確定", "reference mark kept"),
    ("0.99‰", "0.99‰", "per mille kept"),
    (
        "滞在人口÷国勢調査人口",
        "滞在人口÷国勢調査人口",
        "division sign kept",
    ),
    (
        "直江津…直江津学びの交流館",
        "直江津...直江津学びの交流館",
        "NFKC ellipsis",
    ),
    // Codes and dashes.
    ("Ⅱ－１－（２）", "II-1-(2)", "柏崎 measure code, full-width"),
    ("Ⅳ－1", "IV-1", "柏崎 Ⅳ－1"),
    (
        "Ⅲ－２－（２） 地域コミュニティの維持・活性化",
        "III-2-(2) 地域コミュニティの維持・活性化",
        "柏崎 heading",
    ),
    (
        "Ⅱ-2-（1） ワーク・ライフ・バランスの促進",
        "II-2-(1) ワーク・ライフ・バランスの促進",
        "mixed widths",
    ),
    ("Ⅱ―１―（２）", "II-1-(2)", "horizontal bar in a code"),
    ("A–1–1", "A-1-1", "en dash in a code"),
    ("R5.1−6", "R5.1-6", "minus sign in a month range"),
    ("R5.1‐6", "R5.1-6", "hyphen in a month range"),
    ("15歳―64歳", "15歳-64歳", "dash between counted numbers"),
    ("15歳－64歳", "15歳-64歳", "full-width hyphen-minus (NFKC)"),
    ("−5.2%", "-5.2%", "minus sign before a number"),
    ("－", "-", "lone full-width hyphen-minus"),
    ("―", "-", "lone horizontal bar: no value"),
    ("—", "-", "lone em dash: no value"),
    ("―  ", "-", "lone bar with trailing space"),
    (
        "― (R2国勢調査)",
        "- (R2国勢調査)",
        "no value followed by a note",
    ),
    ("―(R2国勢調査)", "-(R2国勢調査)", "no value glued to a note"),
    (
        "市民の声―まちづくり―",
        "市民の声―まちづくり―",
        "prose dash stays",
    ),
    ("――", "――", "double dash stays"),
    ("ア―5", "ア―5", "kana then digit: not counted, stays"),
    // Waves and ranges.
    ("10～40代", "10~40代", "full-width tilde (柏崎)"),
    ("10〜40代", "10~40代", "wave dash between numbers"),
    (
        "10代〜40代",
        "10代~40代",
        "wave dash between counted numbers",
    ),
    ("H26～H30の平均値", "H26~H30の平均値", "上越 era range"),
    ("H26〜H30", "H26~H30", "wave dash era range"),
    ("R5.1~6", "R5.1~6", "ASCII tilde kept"),
    (
        "平成26年度〜令和元年度",
        "平成26年度~令和元年度",
        "kanji era range",
    ),
    ("R元∼R3", "R元~R3", "tilde operator in a range"),
    ("よろしく〜", "よろしく〜", "prose wave dash stays"),
    (
        "ありがとう〜ございます",
        "ありがとう〜ございます",
        "prose wave dash between kana stays",
    ),
    // Circled numbers before NFKC.
    (
        "①入所保留通知書の発行数+②途中入園数+③広域受託数",
        "(1)入所保留通知書の発行数+(2)途中入園数+(3)広域受託数",
        "柏崎 formula",
    ),
    (
        "①10件",
        "(1)10件",
        "circled number must not merge into the digits",
    ),
    ("⑳", "(20)", "circled twenty"),
    ("㉑㊿", "(21)(50)", "circled 21 and 50"),
    ("❶", "(1)", "negative circled digit"),
    ("⑴", "(1)", "parenthesized digit (NFKC)"),
    // Long vowel.
    (
        "ブルボンウォーターポロクラブ",
        "ブルボンウォーターポロクラブ",
        "ー survives",
    ),
    (
        "ハッピー・パートナー企業",
        "ハッピー・パートナー企業",
        "ー and ・ survive",
    ),
    (
        "ﾊｯﾋﾟｰ･ﾊﾟｰﾄﾅｰ",
        "ハッピー・パートナー",
        "half-width katakana, ｰ → ー",
    ),
    ("データ1ー2", "データ1ー2", "ー between digits is still ー"),
    // Radicals and Roman numerals.
    ("⽬標", "目標", "Kangxi radical (NFKC)"),
    ("市⺠", "市民", "CJK radicals supplement"),
    ("⻑岡", "長岡", "radical LONG ONE"),
    ("⺟子", "母子", "radical MOTHER (NFKC)"),
    ("Ⅰ Ⅴ Ⅹ", "I V X", "capital Roman numerals"),
    ("ⅰⅱⅲⅳ", "IIIIIIIV", "small Roman numerals become upper-case"),
    ("ⅸ", "IX", "small nine"),
    // White space.
    ("令和　３年", "令和 3年", "ideographic space"),
    ("  前後の空白  ", "前後の空白", "trimmed"),
    ("a\t\tb\n\nc", "a b c", "tabs and newlines fold"),
    (
        "順　調",
        "順 調",
        "spaced label keeps one space (squeeze is separate)",
    ),
    ("A\u{200B}B", "AB", "zero-width space removed"),
    ("\u{FEFF}題名", "題名", "stray BOM removed"),
    ("", "", "empty"),
    ("   ", "", "only spaces"),
    // Misc NFKC.
    ("㈱", "(株)", "parenthesized ideograph"),
    ("１０ｍ²", "10m2", "superscript two"),
    ("ｶﾞ", "ガ", "half-width voiced mark composes"),
    ("126品 (R元)", "126品 (R元)", "上越 cell unchanged"),
];

#[test]
fn normalization_table() {
    assert!(CASES.len() >= 50);
    let mut failures = Vec::new();
    for &(input, expected, why) in CASES {
        let got = normalize(input);
        if got != expected {
            failures.push(format!(
                "{why}: normalize({input:?}) = {got:?}, expected {expected:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn table_outputs_are_fixed_points() {
    for &(input, _, why) in CASES {
        let once = normalize(input);
        assert_eq!(normalize(&once), once, "{why}: {input:?}");
    }
}

#[test]
fn keep_lines_normalizes_each_line_and_drops_empty_ones() {
    assert_eq!(
        normalize_keep_lines("1 田舎体験推進\n\n  ２　心るさと交流 \n　\n"),
        "1 田舎体験推進\n2 心るさと交流"
    );
    assert_eq!(normalize_keep_lines(""), "");
}

#[test]
fn squeeze_joins_letter_spaced_cjk_only() {
    assert_eq!(squeeze_cjk_spaces("順 調"), "順調");
    assert_eq!(squeeze_cjk_spaces("柏 崎 市"), "柏崎市");
    assert_eq!(squeeze_cjk_spaces("遅　延"), "遅延");
    assert_eq!(squeeze_cjk_spaces("令和 3年"), "令和 3年");
    assert_eq!(squeeze_cjk_spaces("KPI 数"), "KPI 数");
    assert_eq!(squeeze_cjk_spaces("目 次  一覧"), "目次  一覧");
    assert_eq!(
        squeeze_cjk_spaces("ハッピー パートナー"),
        "ハッピーパートナー"
    );
}

#[test]
fn every_seed_line_is_a_fixed_point_and_keeps_long_vowels() {
    for seed in [
        include_str!("../../../fixtures/joetsu-kpi-progress-r5.txt"),
        include_str!("../../../fixtures/kashiwazaki-progress-report-r3.txt"),
    ] {
        for line in seed.lines() {
            let once = normalize(line);
            assert_eq!(normalize(&once), once, "line {line:?}");
            assert_eq!(
                once.matches('ー').count(),
                line.matches('ー').count(),
                "long vowels lost in {line:?}"
            );
            assert!(!once.contains(['（', '）', '　', '①', 'Ⅱ']), "{once:?}");
        }
    }
}

fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(vec![
            'ー', 'ｰ', '－', '−', '‐', '‑', '–', '—', '―', '─', '～', '〜', '∼', '~', '-', '①',
            '⑳', '㊿', 'Ⅱ', 'ⅳ', '⽬', '⺠', '⺟', '\u{3000}', ' ', '\t', '\n', '\u{200B}',
            '\u{301}', '\u{3099}', 'ﾞ', 'ｶ', 'か', '(', ')', '（', '）', 'R', 'H', '1', '５', '年',
            '度', '歳', '令', 'e', '\u{FEFF}', '\u{AD}', '…', '㈱', 'ｧ', 'ヽ', '\u{309A}',
        ]),
        any::<char>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn normalize_is_idempotent(s in prop::collection::vec(interesting_char(), 0..24)) {
        let s: String = s.into_iter().collect();
        let once = normalize(&s);
        prop_assert_eq!(normalize(&once), once.clone(), "input {:?}", s);
    }

    #[test]
    fn normalize_never_panics_and_trims(s in any::<String>()) {
        let out = normalize(&s);
        prop_assert_eq!(out.trim(), out.as_str());
        prop_assert!(!out.contains("  "));
    }

    #[test]
    fn keep_lines_is_idempotent(s in prop::collection::vec(interesting_char(), 0..24)) {
        let s: String = s.into_iter().collect();
        let once = normalize_keep_lines(&s);
        prop_assert_eq!(normalize_keep_lines(&once), once.clone(), "input {:?}", s);
    }
}

/// CPU time of this thread in nanoseconds (Linux), so the number holds on a busy machine.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// `cargo test --release -p shinchoku-extract --test normalize -- --ignored --nocapture`
/// prints the normalize throughput on the seeds and checks the 50 MB/s floor.
#[test]
#[ignore = "a measurement: run in release with --ignored"]
fn throughput_on_seeds_is_at_least_50_mb_per_s() {
    let text = [
        include_str!("../../../fixtures/joetsu-kpi-progress-r5.txt"),
        include_str!("../../../fixtures/kashiwazaki-progress-report-r3.txt"),
    ]
    .concat();
    let cells: Vec<&str> = text.lines().flat_map(|l| l.split('\t')).collect();
    let Some(start) = thread_cpu_ns() else {
        eprintln!("no /proc/thread-self/schedstat: skipped");
        return;
    };
    let rounds = 200;
    let mut total = 0usize;
    for _ in 0..rounds {
        total += normalize(std::hint::black_box(&text)).len();
    }
    let whole_ns = thread_cpu_ns().unwrap() - start;
    let start = thread_cpu_ns().unwrap();
    for _ in 0..rounds {
        for cell in &cells {
            total += normalize(std::hint::black_box(cell)).len();
        }
    }
    let cells_ns = thread_cpu_ns().unwrap() - start;
    let bytes = (text.len() * rounds) as f64;
    let whole = bytes / whole_ns as f64 * 1e3;
    let per_cell = bytes / cells_ns as f64 * 1e3;
    eprintln!("normalize: whole text {whole:.0} MB/s, cell by cell {per_cell:.0} MB/s (CPU time; {total} bytes out)");
    assert!(whole >= 50.0 && per_cell >= 50.0);
}
