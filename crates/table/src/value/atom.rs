//! One run of non-space characters read as `[label[:]][約][第][sign]number[unit][以上|以下|…]`.

use super::decimal::{Decimal, DigitReader};
use super::units;
use crate::model::Comparator;

/// Longest label accepted before a value, in characters (`小学校の各教科の偏差値平均`).
const MAX_LABEL_CHARS: usize = 20;

/// A number as printed in one atom, before the unit hint and normalization are applied.
///
/// Label and unit borrow the cell's text: most atoms are read, moved into an item and
/// turned into a value once, and a value owns its unit anyway; a few are read and thrown
/// away (a total whose breakdown is checked, a listed value next to a word). Owned strings
/// here cost an allocation per atom and made the atom a third larger to move.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct NumberAtom<'a> {
    pub label: Option<&'a str>,
    pub number: Decimal,
    pub unit: Option<&'a str>,
    pub comparator: Option<Comparator>,
    /// `未満` / `超`: strict bounds the contract cannot express; kept as a note.
    pub strict: Option<&'static str>,
    pub approximate: bool,
}

/// A trailing word that qualifies the value before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Qualifier {
    Compare(Comparator),
    Strict(&'static str),
    Approximate,
}

/// Qualifier words, longest first so that `超過` wins over `超`.
const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("以上", Qualifier::Compare(Comparator::AtLeast)),
    ("以下", Qualifier::Compare(Comparator::AtMost)),
    ("以内", Qualifier::Compare(Comparator::AtMost)),
    ("未満", Qualifier::Strict("未満")),
    ("超過", Qualifier::Strict("超過")),
    ("超", Qualifier::Strict("超")),
    ("程度", Qualifier::Approximate),
    ("前後", Qualifier::Approximate),
];

/// The qualifier a whole word stands for (`以上` printed apart from its number).
pub(super) fn qualifier_word(word: &str) -> Option<Qualifier> {
    QUALIFIERS.iter().find(|(w, _)| *w == word).map(|(_, q)| *q)
}

/// Words meaning "about", printed before a number.
pub(super) const APPROXIMATE_PREFIXES: &[&str] = &["約", "およそ", "概ね"];

/// Characters that print a minus sign before a number (`△3.5` is Japanese accounting minus).
pub(super) fn is_minus(c: char) -> bool {
    matches!(c, '-' | '−' | '△' | '▲' | '‐' | '－')
}

/// Read one atom as a number with its label, unit and qualifiers; `None` when it is not one.
pub(super) fn parse_atom(atom: &str) -> Option<NumberAtom<'_>> {
    let (body, qualifiers) = strip_qualifiers(atom);
    let mut comparator = None;
    let mut strict = None;
    let mut approximate = false;
    for q in qualifiers.into_iter().flatten() {
        match q {
            Qualifier::Compare(c) if comparator.is_none() && strict.is_none() => {
                comparator = Some(c);
            }
            Qualifier::Strict(w) if comparator.is_none() && strict.is_none() => strict = Some(w),
            Qualifier::Approximate => approximate = true,
            _ => return None,
        }
    }

    // The number is the last digit run whose remainder is a unit; in `100m2` it is the one
    // before the `2`.
    let (start, end) = last_number_span(body)?;
    if let Some(atom) = read_number(body, start, end) {
        return Some(atom.with(comparator, strict, approximate));
    }
    if matches!(&body[start..end], "2" | "3") && body[..start].ends_with('m') {
        let (start, end) = last_number_span(&body[..start])?;
        return read_number(body, start, end).map(|a| a.with(comparator, strict, approximate));
    }
    None
}

fn read_number(body: &str, start: usize, end: usize) -> Option<NumberAtom<'_>> {
    let unit = &body[end..];
    if unit.is_empty() || units::is_unit(unit) {
        read_prefix(&body[..start], &body[start..end], unit)
    } else {
        None
    }
}

impl NumberAtom<'_> {
    fn with(
        mut self,
        comparator: Option<Comparator>,
        strict: Option<&'static str>,
        approximate: bool,
    ) -> Self {
        self.comparator = comparator;
        self.strict = strict;
        self.approximate |= approximate;
        self
    }
}

/// Split trailing qualifier words off (at most three: `以上程度` is already unusual). A fixed
/// array, not a `Vec`: most atoms have none, and this runs on every atom.
fn strip_qualifiers(atom: &str) -> (&str, [Option<Qualifier>; 3]) {
    let mut body = atom;
    let mut found = [None; 3];
    // Most atoms end in a digit, a unit or `%`: one look at the last character spares
    // trying every qualifier word against their end.
    if !atom.chars().next_back().is_some_and(ends_a_qualifier) {
        return (body, found);
    }
    for slot in &mut found {
        let Some((word, q)) = QUALIFIERS.iter().find(|(w, _)| body.ends_with(w)) else {
            break;
        };
        body = &body[..body.len() - word.len()];
        *slot = Some(*q);
    }
    (body, found)
}

/// The last characters of the [`QUALIFIERS`] words.
fn ends_a_qualifier(c: char) -> bool {
    matches!(c, '上' | '下' | '内' | '満' | '過' | '超' | '度' | '後')
}

/// Byte span of the last run of digits, `,` and `.` that contains a digit.
///
/// Scans bytes: digits, `,` and `.` are ASCII, and ASCII bytes never occur inside a
/// multi-byte character, so every byte found is a whole character.
fn last_number_span(s: &str) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let last_digit = bytes.iter().rposition(u8::is_ascii_digit)?;
    let start = bytes[..last_digit]
        .iter()
        .rposition(|&b| !(b.is_ascii_digit() || b == b',' || b == b'.'))
        .map_or(0, |before| before + 1);
    Some((start, last_digit + 1))
}

/// Parse `1,234.5` / `1234` / `0.5`; thousands separators must be in groups of three.
/// One pass over the bytes, digits going straight into a [`DigitReader`]; the point is met
/// on the way rather than searched for first.
pub(super) fn parse_number(token: &str) -> Option<Decimal> {
    let bytes = token.as_bytes();
    let mut digits = DigitReader::default();
    // Digits in the current group, and whether a separator was met: the first group has one
    // to three digits, every later one exactly three.
    let mut group = 0usize;
    let mut separated = false;
    let mut point = None;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                digits.int_digit(b - b'0');
                group += 1;
            }
            b',' if group == 3 || (!separated && (1..=3).contains(&group)) => {
                separated = true;
                group = 0;
            }
            b'.' => {
                point = Some(i);
                break;
            }
            _ => return None,
        }
    }
    if separated && group != 3 {
        return None;
    }
    match point {
        // Nothing at all, or a point with no digits after it (`1.`, `.`).
        None if bytes.is_empty() => return None,
        Some(at) if at + 1 == bytes.len() => return None,
        None => {}
        Some(at) => {
            for &b in &bytes[at + 1..] {
                if !b.is_ascii_digit() {
                    return None;
                }
                digits.frac_digit(b - b'0');
            }
        }
    }
    digits.finish()
}

/// Read what precedes the last number: compound scales (`12億`), sign, `第`, `約`, label.
fn read_prefix<'a>(prefix: &'a str, number: &str, unit: &'a str) -> Option<NumberAtom<'a>> {
    let mut value = parse_number(number)?;
    let unit = (!unit.is_empty()).then_some(unit);
    if prefix.is_empty() {
        // The commonest atom starts with its number (`33,097個/年`): no scale, sign or
        // label before it to look for.
        return Some(NumberAtom {
            label: None,
            number: value,
            unit,
            comparator: None,
            strict: None,
            approximate: false,
        });
    }
    let unit_text = unit.unwrap_or_default();
    let (mut unit_power, _) = units::leading_scale(unit_text);
    let mut rest = prefix;

    // `12億3,400万円`: each earlier (number, scale word) pair must have a larger scale.
    for _ in 0..4 {
        let Some((word, power)) = units::scale_words().find(|(w, _)| rest.ends_with(w)) else {
            break;
        };
        if power <= unit_power {
            break;
        }
        let before = &rest[..rest.len() - word.len()];
        let Some((start, end)) = last_number_span(before) else {
            break;
        };
        if end != before.len() {
            break;
        }
        let Some(high) = parse_number(&before[start..end]) else {
            break;
        };
        value = high
            .shift(power - unit_power_floor(unit_text))?
            .checked_add(value)?;
        unit_power = power;
        rest = &before[..start];
    }

    let mut approximate = false;
    let mut negative = false;
    if let Some(c) = rest.chars().next_back() {
        if is_minus(c) || c == '+' {
            let before = &rest[..rest.len() - c.len_utf8()];
            // A `-` right after a letter or digit is a code (`A-1`), not a sign.
            if before.is_empty() || before.ends_with([':', '約', '第']) {
                negative = c != '+';
                rest = before;
            } else {
                return None;
            }
        }
    }
    if let Some(before) = rest.strip_suffix('第') {
        rest = before;
    }
    if let Some(p) = APPROXIMATE_PREFIXES.iter().find(|p| rest.ends_with(**p)) {
        rest = &rest[..rest.len() - p.len()];
        approximate = true;
    }
    let label = read_label(rest)?;
    if negative {
        value = value.negate();
    }
    Some(NumberAtom {
        label,
        number: value,
        unit,
        comparator: None,
        strict: None,
        approximate,
    })
}

/// The scale the final number is counted in (`3,400万円` → 4), so compounds add in that scale.
fn unit_power_floor(unit: &str) -> u32 {
    units::leading_scale(unit).0
}

/// A label printed right before a value: `小学6年生`, `小学校・国語:`. `Some(None)` when empty,
/// `None` when the text cannot be a label (so the atom is not a labelled value).
fn read_label(text: &str) -> Option<Option<&str>> {
    let (label, colon) = match text.strip_suffix(':') {
        Some(l) => (l.trim_end(), true),
        None => (text, false),
    };
    if label.is_empty() {
        return if colon { None } else { Some(None) };
    }
    let last = label.chars().next_back()?;
    // `H30`, `No5`, `A1`: a letter glued to digits is a code or a date, not a label.
    if !colon && last.is_ascii_alphanumeric() {
        return None;
    }
    if is_valid_label(label) {
        Some(Some(label))
    } else {
        None
    }
}

/// True when one of [`SENTENCE_PARTICLES`] is in `text`: one pass, trying the particles
/// only where one of their first characters stands (eight substring searches a label were
/// most of the time labels took).
fn holds_particle(text: &str) -> bool {
    text.char_indices().any(|(at, c)| {
        matches!(c, 'を' | 'が' | 'よ' | 'か' | 'ま' | 'に' | 'た')
            && SENTENCE_PARTICLES.iter().any(|p| text[at..].starts_with(p))
    })
}

/// Particles that mark a clause, not a name (`前年度より10人増加`).
const SENTENCE_PARTICLES: &[&str] = &[
    "を",
    "が",
    "より",
    "から",
    "まで",
    "において",
    "による",
    "ため",
];

/// Short, contains a word character, no sentence punctuation or range marks, and does not end
/// in a character that glues it to the number (`10~`, `1-`, `1.`).
pub(super) fn is_valid_label(label: &str) -> bool {
    let count = label.chars().count();
    count > 0
        && count <= MAX_LABEL_CHARS
        && !holds_particle(label)
        && label.chars().any(char::is_alphabetic)
        && !label.contains(['、', '。', '~', '〜', '～', '※', '(', ')'])
        && !label.ends_with(['.', ',', '/', '-', '・', '+', '=', '△', '▲'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atom(s: &str) -> NumberAtom<'_> {
        parse_atom(s).unwrap_or_else(|| panic!("{s} should be a number"))
    }

    /// `parse_atom` as it was before its fast paths (qualifier words tried against every
    /// atom, the number found char by char, the whole prefix read even when empty): the
    /// reference the fast form is checked against.
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
            let mut strict = None;
            let mut approximate = false;
            for q in qualifiers {
                match q {
                    Qualifier::Compare(c) if comparator.is_none() && strict.is_none() => {
                        comparator = Some(c);
                    }
                    Qualifier::Strict(w) if comparator.is_none() && strict.is_none() => {
                        strict = Some(w);
                    }
                    Qualifier::Approximate => approximate = true,
                    _ => return None,
                }
            }
            let (start, end) = last_number_span(body)?;
            if let Some(atom) = read_number(body, start, end) {
                return Some(atom.with(comparator, strict, approximate));
            }
            if matches!(&body[start..end], "2" | "3") && body[..start].ends_with('m') {
                let (start, end) = last_number_span(&body[..start])?;
                return read_number(body, start, end)
                    .map(|a| a.with(comparator, strict, approximate));
            }
            None
        }

        fn read_number(body: &str, start: usize, end: usize) -> Option<NumberAtom<'_>> {
            let unit = &body[end..];
            if unit.is_empty() || units::is_unit(unit) {
                read_prefix(&body[..start], &body[start..end], unit)
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

        fn read_prefix<'a>(prefix: &'a str, number: &str, unit: &'a str) -> Option<NumberAtom<'a>> {
            let mut value = parse_number(number)?;
            let (mut unit_power, _) = units::leading_scale(unit);
            let mut rest = prefix;
            for _ in 0..4 {
                let Some((word, power)) = units::scale_words().find(|(w, _)| rest.ends_with(w))
                else {
                    break;
                };
                if power <= unit_power {
                    break;
                }
                let before = &rest[..rest.len() - word.len()];
                let Some((start, end)) = last_number_span(before) else {
                    break;
                };
                if end != before.len() {
                    break;
                }
                let Some(high) = parse_number(&before[start..end]) else {
                    break;
                };
                value = high
                    .shift(power - units::leading_scale(unit).0)?
                    .checked_add(value)?;
                unit_power = power;
                rest = &before[..start];
            }
            let mut approximate = false;
            let mut negative = false;
            if let Some(c) = rest.chars().next_back() {
                if is_minus(c) || c == '+' {
                    let before = &rest[..rest.len() - c.len_utf8()];
                    if before.is_empty() || before.ends_with([':', '約', '第']) {
                        negative = c != '+';
                        rest = before;
                    } else {
                        return None;
                    }
                }
            }
            if let Some(before) = rest.strip_suffix('第') {
                rest = before;
            }
            if let Some(p) = APPROXIMATE_PREFIXES.iter().find(|p| rest.ends_with(**p)) {
                rest = &rest[..rest.len() - p.len()];
                approximate = true;
            }
            let label = read_label(rest)?;
            if negative {
                value = value.negate();
            }
            Some(NumberAtom {
                label,
                number: value,
                unit: (!unit.is_empty()).then_some(unit),
                comparator: None,
                strict: None,
                approximate,
            })
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
            "1", "0", "23", ",", ".", "456", "%", "人", "/", "年", "件", "m", "2", "3", "k",
            "以上", "以下", "未満", "超", "超過", "程度", "前後", "上", "度", "億", "万", "千",
            "円", "約", "第", "-", "+", "△", "▲", ":", "小学", "を", "A", "か所", "増", "・",
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
        assert_eq!(a.unit, Some("個/年"));
        assert_eq!(a.label, None);
        assert_eq!(atom("4.0").number.to_string(), "4.0");
        assert_eq!(atom("4.0").unit, None);
        assert_eq!(atom("295/年以下").comparator, Some(Comparator::AtMost));
        assert_eq!(atom("295/年以下").unit, Some("/年"));
        assert!(atom("約32,000件/年").approximate);
        assert!(atom("50人程度").approximate);
        assert_eq!(atom("第3位").number.to_string(), "3");
        assert_eq!(atom("第3位").unit, Some("位"));
        assert_eq!(atom("5か所").unit, Some("か所"));
        assert_eq!(atom("100m2").unit, Some("m2"));
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
    fn strict_bounds_are_kept_apart() {
        let a = atom("10人未満");
        assert_eq!(a.comparator, None);
        assert_eq!(a.strict, Some("未満"));
        assert_eq!(atom("5件超").strict, Some("超"));
        assert!(parse_atom("10人以上以下").is_none());
    }

    #[test]
    fn compounds_count_in_the_smallest_scale() {
        let a = atom("12億3,400万円");
        assert_eq!(a.number.to_string(), "123400");
        assert_eq!(a.unit, Some("万円"));
        let b = atom("1億2,345円");
        assert_eq!(b.number.to_string(), "100002345");
        assert_eq!(b.unit, Some("円"));
    }

    #[test]
    fn labels() {
        let a = atom("小学6年生88.2%");
        assert_eq!(a.label, Some("小学6年生"));
        assert_eq!(a.number.to_string(), "88.2");
        let b = atom("小学校・国語:50.0");
        assert_eq!(b.label, Some("小学校・国語"));
        assert_eq!(b.unit, None);
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
}
