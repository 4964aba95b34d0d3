//! The 全国地方公共団体コード table and finding the municipality a title names.

use std::collections::HashSet;

use shinchoku_table::municipality::{
    by_code, by_name, check_digit, entries, find_in_title, is_valid_code,
};

#[test]
fn check_digits_of_known_codes() {
    for (code, name) in [
        ("152226", "上越市"),
        ("152056", "柏崎市"),
        ("014702", "音威子府村"),
        ("131016", "千代田区"),
        ("010006", "北海道"),
        ("011002", "札幌市"),
        ("130001", "東京都"),
    ] {
        assert!(is_valid_code(code), "{code}");
        let e = by_code(code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(e.name, name);
    }
    // r = 0 → 1 and r = 1 → 0 (rows of the table with those remainders exist).
    assert_eq!(check_digit("01100"), Some(2));
    assert!(!is_valid_code("152225"));
    assert!(!is_valid_code("15222"));
    assert!(!is_valid_code("15222x"));
    assert!(!is_valid_code("１５２２２６"));
    assert_eq!(check_digit("1522"), None);
}

#[test]
fn every_row_has_a_valid_code_and_the_remainders_all_occur() {
    let rows = entries();
    let mut remainders = HashSet::new();
    for e in rows {
        assert!(is_valid_code(e.code), "{} {}", e.code, e.name);
        let sum: u32 = e.code[..5]
            .bytes()
            .zip([6, 5, 4, 3, 2])
            .map(|(b, w)| u32::from(b - b'0') * w)
            .sum();
        remainders.insert(sum % 11);
        assert!(!e.name.is_empty() && !e.prefecture.is_empty());
    }
    // All eleven remainders occur, so the r = 0 and r = 1 rules are exercised by real codes.
    assert_eq!(remainders.len(), 11);
}

#[test]
fn the_table_is_complete() {
    let rows = entries();
    let prefectures = rows.iter().filter(|e| e.is_prefecture()).count();
    assert_eq!(prefectures, 47);
    let codes: HashSet<_> = rows.iter().map(|e| e.code).collect();
    assert_eq!(codes.len(), rows.len(), "codes are unique");
    // 1,718 cities, towns and villages + 23 special wards + 175 designated-city wards.
    assert!(rows.len() >= 47 + 1741 + 170, "{} rows", rows.len());
    assert_eq!(by_name("札幌市中央区").len(), 1);
    assert_eq!(by_name("千代田区")[0].prefecture, "東京都");
    assert_eq!(by_code("152226").unwrap().kana, "じょうえつし");
}

/// 浜松市's wards since 2024-01-01 (the package predates them; the script adds them):
/// 天竜区 kept its name under a new code, and the six other old wards are gone.
#[test]
fn hamamatsu_has_its_wards_of_2024() {
    let codes = |name: &str| -> Vec<&str> { by_name(name).iter().map(|e| e.code).collect() };
    assert_eq!(codes("浜松市中央区"), ["221384"]);
    assert_eq!(codes("浜松市浜名区"), ["221392"]);
    assert_eq!(codes("浜松市天竜区"), ["221406"]);
    assert!(codes("浜松市中区").is_empty());
    assert!(by_code("221376").is_none());
    let m = find_in_title("浜松市中央区 地域力向上計画").unwrap();
    assert_eq!(m.code.as_deref(), Some("221384"));
}

#[test]
fn finds_the_seed_titles() {
    let m = find_in_title(
        "「第2期上越市まち・ひと・しごと創生総合戦略」重要業績評価指標（KPI）進捗状況一覧表",
    )
    .unwrap();
    assert_eq!(
        (m.name.as_str(), m.code.as_deref()),
        ("上越市", Some("152226"))
    );
    let m = find_in_title(
        "令和 3（2021）年度 柏崎市第 2 期まち・ひと・しごと創生総合戦略 進行管理報告書",
    )
    .unwrap();
    assert_eq!(
        (m.name.as_str(), m.code.as_deref()),
        ("柏崎市", Some("152056"))
    );
}

#[test]
fn spaced_names_are_found() {
    let m = find_in_title("柏 崎 市 まち・ひと・しごと創生総合戦略").unwrap();
    assert_eq!(m.code.as_deref(), Some("152056"));
}

#[test]
fn longest_match_and_municipalities_over_prefectures() {
    let m = find_in_title("札幌市中央区まちづくり計画").unwrap();
    assert_eq!(m.name, "札幌市中央区");
    let m = find_in_title("神奈川県横浜市総合戦略").unwrap();
    assert_eq!(m.name, "横浜市");
    let m = find_in_title("東広島市まち・ひと・しごと創生総合戦略").unwrap();
    assert_eq!(m.name, "東広島市");
    let m = find_in_title("新潟県まち・ひと・しごと創生総合戦略").unwrap();
    assert_eq!(
        (m.name.as_str(), m.code.as_deref()),
        ("新潟県", Some("150002"))
    );
}

#[test]
fn shared_names_need_a_prefecture() {
    for name in ["府中市", "伊達市", "池田町"] {
        assert!(by_name(name).len() > 1, "{name} is shared");
        let m = find_in_title(&format!("{name}まち・ひと・しごと創生総合戦略")).unwrap();
        assert_eq!((m.name.as_str(), m.code), (name, None));
    }
    let m = find_in_title("広島県府中市総合戦略").unwrap();
    assert_eq!(m.code.as_deref(), Some("342084"));
    let m = find_in_title("東京都府中市総合戦略").unwrap();
    assert_eq!(m.code.as_deref(), Some("132063"));
    let m = find_in_title("福島県 伊達市 第2期総合戦略").unwrap();
    assert_eq!(m.code.as_deref(), Some("072133"));
}

#[test]
fn titles_without_a_municipality() {
    assert_eq!(
        find_in_title("まち・ひと・しごと創生総合戦略 進行管理報告書"),
        None
    );
    assert_eq!(find_in_title(""), None);
}

#[test]
fn every_unique_name_finds_itself() {
    for e in entries() {
        if by_name(e.name).len() == 1 {
            let m = find_in_title(&format!("第2期{}総合戦略", e.name))
                .unwrap_or_else(|| panic!("{} not found", e.name));
            assert_eq!(m.code.as_deref(), Some(e.code), "{}", e.name);
        }
    }
}

proptest::proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,80}") {
        if let Some(m) = find_in_title(&s) {
            proptest::prop_assert!(m.code.as_deref().is_none_or(is_valid_code));
        }
    }
}
