//! Tests of reading one run as a number with its label, unit and qualifiers.

use super::*;

fn atom(s: &str) -> NumberAtom<'_> {
    parse_atom(s).unwrap_or_else(|| panic!("{s} should be a number"))
}

/// `parse_atom` as it was before its fast paths (qualifier words tried against every
/// atom, the number found char by char, the whole prefix read even when empty): the
/// reference the fast form is checked against. The prefix walk itself is the module's
/// own (`walk_prefix`): only the shortcuts around it are compared.
mod reference {
    use super::super::*;

    pub(super) fn parse_atom(atom: &str) -> Option<NumberAtom<'_>> {
        let mut body = atom;
        let mut qualifiers = Vec::new();
        for _ in 0..3 {
            let Some((word, q)) = QUALIFIERS.iter().find(|(w, _)| body.ends_with(w)) else {
                break;
            };
            body = &body[..body.len() - word.len()];
            qualifiers.push(*q);
        }
        let mut comparator = None;
        let mut approximate = false;
        let mut flags = Flags::default();
        for q in qualifiers {
            qualify(&mut comparator, &mut approximate, &mut flags, q)?;
        }
        let (start, end) = last_number_span(body)?;
        if let Some(atom) = read_number(body, start, end) {
            return Some(atom.with(comparator, approximate, flags));
        }
        if matches!(&body[start..end], "2" | "3") && body[..start].ends_with('m') {
            let (start, end) = last_number_span(&body[..start])?;
            return read_number(body, start, end).map(|a| a.with(comparator, approximate, flags));
        }
        None
    }

    fn read_number(body: &str, start: usize, end: usize) -> Option<NumberAtom<'_>> {
        let unit = &body[end..];
        if unit.is_empty() || units::is_unit(unit) {
            // The walk for every prefix, without the empty prefix's shortcut.
            walk_prefix(&body[..start], &body[start..end], unit)
        } else {
            None
        }
    }

    fn last_number_span(s: &str) -> Option<(usize, usize)> {
        let (last_digit, c) = s.char_indices().rev().find(|(_, c)| c.is_ascii_digit())?;
        let end = last_digit + c.len_utf8();
        let mut start = last_digit;
        for (i, c) in s[..last_digit].char_indices().rev() {
            if c.is_ascii_digit() || c == ',' || c == '.' {
                start = i;
            } else {
                break;
            }
        }
        Some((start, end))
    }
}

/// `ends_a_qualifier` spells out the last characters of the qualifier words for speed:
/// it must name exactly those, or a new qualifier word would go unread.
#[test]
fn ends_a_qualifier_names_the_last_character_of_every_qualifier_word() {
    let last = |w: &str| {
        w.chars()
            .next_back()
            .expect("qualifier words are not empty")
    };
    for (word, _) in QUALIFIERS {
        assert!(ends_a_qualifier(last(word)), "{word}");
    }
    for c in ('\0'..='\u{FFFF}').filter(|&c| ends_a_qualifier(c)) {
        assert!(QUALIFIERS.iter().any(|(w, _)| last(w) == c), "{c:?}");
    }
}

#[test]
fn parse_atom_agrees_with_the_reference() {
    use proptest::prelude::*;
    // Pieces of numbers, units, qualifiers, scales, signs, prefixes and labels, so that
    // every branch (and the ways an atom is refused) is reached.
    let pieces = prop::sample::select(vec![
        "1",
        "0",
        "23",
        ",",
        ".",
        "456",
        "%",
        "人",
        "/",
        "年",
        "件",
        "m",
        "2",
        "3",
        "k",
        "以上",
        "以下",
        "未満",
        "超",
        "超過",
        "程度",
        "前後",
        "上",
        "度",
        "見込み",
        "速報値",
        "年間で",
        "累計",
        "延べ",
        "からの累計",
        "毎年",
        "億",
        "万",
        "千",
        "円",
        "約",
        "第",
        "-",
        "+",
        "△",
        "▲",
        ":",
        "小学",
        "を",
        "A",
        "か所",
        "増",
        "・",
    ]);
    proptest!(|(parts in prop::collection::vec(pieces, 0..10))| {
        let text: String = parts.concat();
        prop_assert_eq!(parse_atom(&text), reference::parse_atom(&text), "{}", text);
    });
    for s in [
        "",
        "1",
        "33,097個/年",
        "約32,000件/年",
        "12億3,400万円",
        "1億2,345円",
        "100m2",
        "小学6年生88.2%",
        "小学校・国語:50.0",
        "10人以上以下",
        "△3.5",
        "A-1",
        "第3位",
        "50人程度",
        "10人未満",
        "以上",
        "約",
    ] {
        assert_eq!(parse_atom(s), reference::parse_atom(s), "{s}");
    }
}

#[test]
fn particles_found_in_one_pass_as_by_substring_search() {
    // Every particle's first character is among those the pass tries.
    for p in SENTENCE_PARTICLES {
        assert!(holds_particle(p), "{p}");
        assert!(holds_particle(&format!("前{p}後")), "{p}");
    }
    for s in [
        "前年度より10人",
        "小学校",
        "かな",
        "たまご",
        "",
        "によ",
        "にお",
    ] {
        let by_search = SENTENCE_PARTICLES.iter().any(|p| s.contains(p));
        assert_eq!(holds_particle(s), by_search, "{s}");
    }
}

#[test]
fn plain_numbers_and_units() {
    let a = atom("33,097個/年");
    assert_eq!(a.number.to_string(), "33097");
    assert_eq!(a.unit.as_deref(), Some("個/年"));
    assert_eq!(a.label, None);
    assert_eq!(atom("4.0").number.to_string(), "4.0");
    assert_eq!(atom("4.0").unit.as_deref(), None);
    assert_eq!(atom("295/年以下").comparator, Some(Comparator::AtMost));
    assert_eq!(atom("295/年以下").unit.as_deref(), Some("/年"));
    assert!(atom("約32,000件/年").approximate);
    assert!(atom("50人程度").approximate);
    assert_eq!(atom("第3位").number.to_string(), "3");
    assert_eq!(atom("第3位").unit.as_deref(), Some("位"));
    assert_eq!(atom("5か所").unit.as_deref(), Some("か所"));
    assert_eq!(atom("100m2").unit.as_deref(), Some("m2"));
    assert_eq!(atom("100m2").number.to_string(), "100");
}

#[test]
fn signs() {
    assert_eq!(atom("-3.5%").number.to_string(), "-3.5");
    assert_eq!(atom("△3.5").number.to_string(), "-3.5");
    assert_eq!(atom("▲1,200千円").number.to_string(), "-1200");
    assert_eq!(atom("+2.0").number.to_string(), "2.0");
    assert!(parse_atom("A-1").is_none());
}

#[test]
fn strict_bounds_are_comparators() {
    assert_eq!(atom("10人未満").comparator, Some(Comparator::LessThan));
    assert_eq!(atom("10人未満").unit.as_deref(), Some("人"));
    assert_eq!(atom("5件超").comparator, Some(Comparator::MoreThan));
    assert_eq!(atom("5件超過").comparator, Some(Comparator::MoreThan));
    assert!(parse_atom("10人以上以下").is_none());
    assert!(parse_atom("10人超未満").is_none());
}

#[test]
fn per_year_words_move_into_the_unit() {
    let a = atom("年111校");
    assert_eq!(
        (a.number.to_string().as_str(), a.unit.as_deref()),
        ("111", Some("校/年"))
    );
    assert_eq!(a.label, None);
    assert_eq!(atom("毎年10件").unit.as_deref(), Some("件/年"));
    assert_eq!(atom("年間120人").unit.as_deref(), Some("人/年"));
    assert_eq!(atom("毎年10件/年").unit.as_deref(), Some("件/年"));
    assert_eq!(atom("1.4人/年").unit.as_deref(), Some("人/年"));
    // A longer word is a label, not a per-year mark.
    assert_eq!(atom("年少人口10人").label, Some("年少人口"));
}

#[test]
fn running_totals_are_flagged() {
    let a = atom("5年間で1人");
    assert_eq!(a.label, None);
    assert!(a.flags.cumulative);
    assert_eq!(a.flags.span_years, Some(5));
    assert_eq!(a.unit.as_deref(), Some("人"));
    for s in [
        "累計120人",
        "延べ500人",
        "H27からの累計30件",
        "5か年の累計12件",
    ] {
        let a = atom(s);
        assert!(a.flags.cumulative && a.label.is_none(), "{s}");
    }
    assert_eq!(atom("累計120人").flags.span_years, None);
    assert!(!atom("120人").flags.cumulative);
    // `0年間で` spans nothing: not a running total.
    assert!(!atom("0年間で1人").flags.cumulative);
}

#[test]
fn estimates_and_preliminary_figures_are_flagged() {
    assert!(atom("120人見込み").flags.estimate);
    assert!(atom("120人見込").flags.estimate);
    assert!(atom("24,810速報値").flags.preliminary);
    assert!(!atom("24,810").flags.preliminary);
}

#[test]
fn compounds_resolve_into_the_base_unit() {
    let a = atom("12億3,400万円");
    assert_eq!(a.number.to_string(), "1234000000");
    assert_eq!(a.unit.as_deref(), Some("円"));
    let c = atom("95万9千人");
    assert_eq!(c.number.to_string(), "959000");
    assert_eq!(c.unit.as_deref(), Some("人"));
    let b = atom("1億2,345円");
    assert_eq!(b.number.to_string(), "100002345");
    assert_eq!(b.unit.as_deref(), Some("円"));
}

#[test]
fn labels() {
    let a = atom("小学6年生88.2%");
    assert_eq!(a.label, Some("小学6年生"));
    assert_eq!(a.number.to_string(), "88.2");
    let b = atom("小学校・国語:50.0");
    assert_eq!(b.label, Some("小学校・国語"));
    assert_eq!(b.unit.as_deref(), None);
    let c = atom("小学校の各教科の偏差値平均53以上");
    assert_eq!(c.label, Some("小学校の各教科の偏差値平均"));
    assert_eq!(c.comparator, Some(Comparator::AtLeast));
}

#[test]
fn not_numbers() {
    for s in [
        "市内12の組織において中山間地域の活性化に向けた取組が行われている状態",
        "10~20件",
        "10人~20人",
        "H30",
        "No5",
        "航路数の増加・コンテナの仕向け地の多様化",
        "1,2345人",
        "1.2.3",
        "14組・19人",
        "設立",
        "",
    ] {
        assert!(parse_atom(s).is_none(), "{s}");
    }
}
