//! Units printed after a number: what counts as a unit, and scale prefixes (千円, 万人/年 …);
//! units printed outside a cell (in a KPI name, a header, a caption) as hints.

use shinchoku_extract::normalize::normalize_cow;

/// The unit a hint names: `（人）`, `（単位：百万円）`, `単位:千円` → `人`, `百万円`, `千円`.
pub fn clean_hint(hint: &str) -> Option<String> {
    let n = normalize_cow(hint);
    let mut h = n.trim();
    h = h.strip_prefix('(').unwrap_or(h);
    h = h.strip_suffix(')').unwrap_or(h);
    h = h.trim();
    if let Some(rest) = h.strip_prefix("単位") {
        h = rest.trim_start_matches([':', ' ']);
    }
    let h = h.trim();
    is_unit(h).then(|| h.to_string())
}

/// The unit a KPI name prints in trailing brackets (`新規雇用者数（人）` → `人`,
/// `割合(%)` → `%`), for use as a unit hint. Only known units count, so `(累計)` and
/// `(総数)` are not units.
pub fn unit_in_name(name: &str) -> Option<String> {
    let n = normalize_cow(name);
    let inner = n.trim_end().strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let candidate = clean_hint(&inner[open + 1..])?;
    is_known_unit(&candidate).then_some(candidate)
}

/// Longest unit accepted, in characters (`事業者/年`, `百万円/年`, `kWh/年`).
const MAX_UNIT_CHARS: usize = 8;

/// Scale prefixes, longest first, with their power of ten.
const SCALES: &[(&str, u32)] = &[
    ("千万", 7),
    ("百万", 6),
    ("十万", 5),
    ("兆", 12),
    ("億", 8),
    ("万", 4),
    ("千", 3),
];

/// Units a scale prefix may stand before. A scale is only a scale when one of these follows
/// directly (so `千葉`, `万代`, `千人当たり` are not scaled quantities).
const BASE_UNITS: &[&str] = &[
    "円", "人", "件", "個", "世帯", "台", "本", "冊", "部", "枚", "回", "戸", "食", "泊", "組",
    "点", "袋", "杯", "匹", "頭", "羽", "株", "票", "通", "箱", "品", "社", "店", "トン", "t",
    "kWh", "ドル", "人泊", "人回", "人日",
];

/// Words that make the rest of a sentence, not a unit (`10人増加`, `5%向上`).
const CHANGE_WORDS: &[&str] = &[
    "増", "減", "達成", "上回", "下回", "向上", "改善", "実施", "開催", "予定", "見込",
];

/// Units that are not counters of a base unit but are common in KPI names.
const OTHER_KNOWN_UNITS: &[&str] = &[
    "%",
    "‰",
    "ポイント",
    "pt",
    "事業者",
    "団体",
    "箇所",
    "か所",
    "ヶ所",
    "校",
    "園",
    "施設",
    "地区",
    "日",
    "時間",
    "分",
    "歳",
    "年",
    "か月",
    "ha",
    "km",
    "m",
    "m2",
    "kg",
    "g",
    "人日",
    "人泊",
];

/// A unit someone would print in a KPI name or caption: a known unit, optionally scaled
/// (`千円`), optionally per something (`人/年`).
pub fn is_known_unit(unit: &str) -> bool {
    let head = unit.split('/').next().unwrap_or(unit);
    if head.is_empty() || !is_unit(unit) {
        return false;
    }
    let (_, base) = leading_scale(head);
    BASE_UNITS.contains(&base) || OTHER_KNOWN_UNITS.contains(&base) || BASE_UNITS.contains(&head)
}

/// Hiragana is allowed in a unit only in these counters (`5か所`, `3か月`).
const HIRAGANA_UNITS: &[&str] = &["か所", "か月", "か国", "か年", "か年度"];

/// Is `unit` (as printed after a number) shaped like a unit rather than the rest of a sentence?
///
/// One pass over the characters gathers what the rules ask (length, digits, hiragana, a
/// character that may start a change word, a character no unit has); the rules needing
/// more than that look again only when their character was seen.
pub fn is_unit(unit: &str) -> bool {
    if unit.is_empty() || unit == "/" {
        return false;
    }
    let mut count = 0;
    let mut has_digit = false;
    let mut has_hiragana = false;
    let mut may_hold_change_word = false;
    for c in unit.chars() {
        count += 1;
        if count > MAX_UNIT_CHARS {
            return false;
        }
        // ASCII (`%`, `/`, `m2`, `kWh`) is told by one table look-up, and can be neither
        // hiragana nor the start of a change word.
        if c.is_ascii() {
            if !ASCII_UNIT_CHARS[c as usize] {
                return false;
            }
            has_digit |= c.is_ascii_digit();
            continue;
        }
        if !is_unit_char(c) {
            return false;
        }
        has_hiragana |= is_hiragana(c);
        may_hold_change_word |= starts_change_word(c);
    }
    if has_digit && !ends_with_area_or_volume(unit) {
        return false;
    }
    if may_hold_change_word && holds_change_word(unit) {
        return false;
    }
    // Hiragana only in the counters that have it.
    !has_hiragana || HIRAGANA_UNITS.iter().any(|u| unit.starts_with(u))
}

/// The first characters of [`CHANGE_WORDS`].
fn starts_change_word(c: char) -> bool {
    matches!(
        c,
        '増' | '減' | '達' | '上' | '下' | '向' | '改' | '実' | '開' | '予' | '見'
    )
}

/// True when one of [`CHANGE_WORDS`] is in `unit`: one pass over the characters, trying the
/// words only where one of their first characters stands (eleven substring searches cost
/// a thousand instructions a value).
fn holds_change_word(unit: &str) -> bool {
    unit.char_indices().any(|(at, c)| {
        starts_change_word(c) && CHANGE_WORDS.iter().any(|w| unit[at..].starts_with(w))
    })
}

/// `m2`, `km2`, `m3` (NFKC of `㎡`, `㎢`, `㎥`), possibly followed by `/…`.
fn ends_with_area_or_volume(unit: &str) -> bool {
    let head = unit.split('/').next().unwrap_or(unit);
    let mut digits = 0;
    for (i, c) in head.char_indices() {
        if c.is_ascii_digit() {
            digits += 1;
            let before = head[..i].chars().next_back();
            if !(matches!(c, '2' | '3') && before == Some('m')) {
                return false;
            }
        }
    }
    digits <= 1
        && !unit
            .split('/')
            .skip(1)
            .any(|s| s.contains(|c: char| c.is_ascii_digit()))
}

fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309F}').contains(&c)
}

/// [`is_unit_char`] of the ASCII characters, as a table: the printable ones but the
/// brackets and punctuation it refuses (a test checks the two agree).
const ASCII_UNIT_CHARS: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_graphic()
            && !matches!(
                c,
                b'(' | b')'
                    | b'['
                    | b']'
                    | b'{'
                    | b'}'
                    | b','
                    | b'.'
                    | b':'
                    | b';'
                    | b'~'
                    | b'='
                    | b'"'
                    | b'\''
                    | b'-'
                    | b'+'
                    | b'<'
                    | b'>'
                    | b'!'
                    | b'?'
            );
        b += 1;
    }
    table
};

fn is_unit_char(c: char) -> bool {
    if c.is_whitespace() || c.is_control() {
        return false;
    }
    // Brackets, list and sentence punctuation, ranges and separators never belong to a unit.
    !matches!(
        c,
        '(' | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '「'
            | '」'
            | '『'
            | '』'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '、'
            | '。'
            | ','
            | '.'
            | ':'
            | ';'
            | '・'
            | '~'
            | '〜'
            | '='
            | '"'
            | '\''
            | '※'
            | '-'
            | '+'
            | '<'
            | '>'
            | '!'
            | '?'
    )
}

/// A unit's scale split off when a known base unit follows it: `百万円` → (6, `円`),
/// `万人/年` → (4, `人/年`). `None` for unscaled units and for words like `千葉`.
pub fn split_scale(unit: &str) -> Option<(u32, String)> {
    let (power, rest) = SCALES
        .iter()
        .find_map(|(prefix, power)| unit.strip_prefix(prefix).map(|rest| (*power, rest)))?;
    let base = BASE_UNITS
        .iter()
        .filter(|base| rest.starts_with(**base))
        .max_by_key(|base| base.len())?;
    let after = &rest[base.len()..];
    if after.is_empty() || after.starts_with('/') {
        Some((power, rest.to_string()))
    } else {
        None
    }
}

/// Scale words, longest first, for finding them at the end of a prefix.
pub(super) fn scale_words() -> impl Iterator<Item = (&'static str, u32)> {
    SCALES.iter().copied()
}

/// Leading scale power of a unit even when no known base unit follows (`万円`, `億`),
/// for compound numbers only.
pub(super) fn leading_scale(unit: &str) -> (u32, &str) {
    SCALES
        .iter()
        .find_map(|(prefix, power)| unit.strip_prefix(prefix).map(|rest| (*power, rest)))
        .unwrap_or((0, unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `is_unit` as first written, one rule (and one pass) at a time: the reference.
    fn is_unit_reference(unit: &str) -> bool {
        let count = unit.chars().count();
        if count == 0 || count > MAX_UNIT_CHARS || unit == "/" {
            return false;
        }
        if unit.contains(|c: char| c.is_ascii_digit()) && !ends_with_area_or_volume(unit) {
            return false;
        }
        if CHANGE_WORDS.iter().any(|w| unit.contains(w)) {
            return false;
        }
        let has_hiragana = unit.chars().any(is_hiragana);
        if has_hiragana && !HIRAGANA_UNITS.iter().any(|u| unit.starts_with(u)) {
            return false;
        }
        unit.chars().all(is_unit_char)
    }

    #[test]
    fn is_unit_agrees_with_the_reference() {
        use proptest::prelude::*;
        let pieces = prop::sample::select(vec![
            "人", "/", "年", "日", "%", "m", "2", "3", "k", "か", "所", "月", "増", "加", "上",
            "回", "達成", "見込", "以", "(", " ", ",", "・", "千", "円", "ます", "a", "0",
        ]);
        proptest!(|(parts in prop::collection::vec(pieces, 0..10))| {
            let unit: String = parts.concat();
            prop_assert_eq!(is_unit(&unit), is_unit_reference(&unit), "{}", unit);
        });
        for unit in [
            "",
            "/",
            "人/年",
            "か所",
            "かな",
            "km2/年",
            "m2/2",
            "123456789",
            "人増",
        ] {
            assert_eq!(is_unit(unit), is_unit_reference(unit), "{unit}");
        }
    }

    #[test]
    fn the_ascii_table_agrees_with_is_unit_char() {
        for b in 0u8..128 {
            assert_eq!(
                ASCII_UNIT_CHARS[usize::from(b)],
                is_unit_char(char::from(b)),
                "{b:#x}"
            );
        }
    }

    #[test]
    fn change_words_are_found_wherever_they_stand() {
        for w in CHANGE_WORDS {
            assert!(holds_change_word(w), "{w}");
            assert!(holds_change_word(&format!("人{w}")), "{w}");
            assert!(holds_change_word(&format!("人/年{w}以上")), "{w}");
        }
        assert!(!holds_change_word("人/年"));
        assert!(!holds_change_word("上"));
    }

    #[test]
    fn units_are_short_words() {
        for unit in [
            "%",
            "‰",
            "人/年",
            "件",
            "/年",
            "百万円",
            "事業者",
            "航路",
            "トン",
            "か所",
            "m2",
            "km2",
            "人/日",
            "位",
            "組",
        ] {
            assert!(is_unit(unit), "{unit}");
        }
        for not_unit in [
            "の組織において中山間地域",
            "年生88.2%",
            "組・19人",
            "人 (H30)",
            "ます",
            "~20件",
            "",
            "/",
        ] {
            assert!(!is_unit(not_unit), "{not_unit}");
        }
    }

    #[test]
    fn scales_need_a_base_unit() {
        assert_eq!(split_scale("百万円"), Some((6, "円".to_string())));
        assert_eq!(split_scale("千円"), Some((3, "円".to_string())));
        assert_eq!(split_scale("億円"), Some((8, "円".to_string())));
        assert_eq!(split_scale("万人/年"), Some((4, "人/年".to_string())));
        assert_eq!(split_scale("千トン"), Some((3, "トン".to_string())));
        assert_eq!(split_scale("万t"), Some((4, "t".to_string())));
        assert_eq!(split_scale("千葉"), None);
        assert_eq!(split_scale("万代"), None);
        assert_eq!(split_scale("千人当たり"), None);
        assert_eq!(split_scale("人"), None);
    }
}
