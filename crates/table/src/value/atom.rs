//! One run of non-space characters read as `[label[:]][約][第][sign]number[unit][以上|以下|…]`.
//!
//! A few "labels" are not labels but say how the number counts: `年111校` and `毎年10件` are
//! per year (unit `校/年`), `5年間で1人`, `累計120人`, `延べ500人` and `H27からの累計30件` are
//! running totals ([`Flags`]). Trailing `見込み` and `速報値` flag an estimate and a
//! preliminary figure.

use std::borrow::Cow;

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
    /// Owned only for a per-year form, whose unit gains `/年` (`年111校` → `校/年`).
    pub unit: Option<Cow<'a, str>>,
    pub comparator: Option<Comparator>,
    pub approximate: bool,
    pub flags: Flags,
}

/// How a number counts, beyond its unit and comparator (contract: Number's cumulative,
/// span_years, estimate and preliminary).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Flags {
    /// A running total: 累計, 延べ, `5年間で`, `H27からの累計`.
    pub cumulative: bool,
    /// The N of `N年間で`.
    pub span_years: Option<u32>,
    /// 見込み.
    pub estimate: bool,
    /// 速報値.
    pub preliminary: bool,
}

impl Flags {
    /// Both sets of flags; the first span printed wins.
    pub(super) fn merge(self, other: Flags) -> Flags {
        Flags {
            cumulative: self.cumulative || other.cumulative,
            span_years: self.span_years.or(other.span_years),
            estimate: self.estimate || other.estimate,
            preliminary: self.preliminary || other.preliminary,
        }
    }
}

/// A trailing word that qualifies the value before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Qualifier {
    Compare(Comparator),
    Approximate,
    Estimate,
    Preliminary,
}

/// Qualifier words, longest first so that `超過` wins over `超` and `見込み` over `見込`.
const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("以上", Qualifier::Compare(Comparator::AtLeast)),
    ("以下", Qualifier::Compare(Comparator::AtMost)),
    ("以内", Qualifier::Compare(Comparator::AtMost)),
    ("未満", Qualifier::Compare(Comparator::LessThan)),
    ("超過", Qualifier::Compare(Comparator::MoreThan)),
    ("超", Qualifier::Compare(Comparator::MoreThan)),
    ("程度", Qualifier::Approximate),
    ("前後", Qualifier::Approximate),
    ("見込み", Qualifier::Estimate),
    ("見込", Qualifier::Estimate),
    ("速報値", Qualifier::Preliminary),
    ("速報", Qualifier::Preliminary),
];

/// Apply one qualifier word; `None` for a second comparator (`10人以上以下`).
pub(super) fn qualify(
    comparator: &mut Option<Comparator>,
    approximate: &mut bool,
    flags: &mut Flags,
    q: Qualifier,
) -> Option<()> {
    match q {
        Qualifier::Compare(c) if comparator.is_none() => *comparator = Some(c),
        Qualifier::Compare(_) => return None,
        Qualifier::Approximate => *approximate = true,
        Qualifier::Estimate => flags.estimate = true,
        Qualifier::Preliminary => flags.preliminary = true,
    }
    Some(())
}

/// What a word glued before a number says about how it counts, when it is not a label:
/// `年` / `毎年` / `年間` (per year), `累計` / `延べ` / `通算`, `5年間で` / `5か年の累計`,
/// `H27からの累計` (running totals). `None` for a real label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CountingWord {
    PerYear,
    Cumulative(Option<u32>),
}

fn counting_word(label: &str) -> Option<CountingWord> {
    let label = label.strip_suffix(':').unwrap_or(label);
    if matches!(label, "年" | "毎年" | "年間" | "各年" | "年度" | "毎年度") {
        return Some(CountingWord::PerYear);
    }
    if matches!(
        label,
        "累計" | "累計で" | "延べ" | "延" | "のべ" | "通算" | "総計"
    ) {
        return Some(CountingWord::Cumulative(None));
    }
    // `5年間で`, `5年間の累計`, `5か年累計`, `5年間合計`.
    let digits_end = label
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(label.len());
    if digits_end > 0 && digits_end <= 2 {
        let rest = &label[digits_end..];
        let span = ["年間", "か年", "ヵ年", "カ年", "ヶ年"]
            .iter()
            .find_map(|w| rest.strip_prefix(w));
        if let Some(tail) = span {
            let totals = [
                "",
                "で",
                "の累計",
                "累計",
                "の合計",
                "合計",
                "計",
                "の延べ",
                "延べ",
            ];
            if totals.contains(&tail) {
                let years: u32 = label[..digits_end].parse().ok()?;
                return (years > 0).then_some(CountingWord::Cumulative(Some(years)));
            }
        }
    }
    // `H27からの累計`, `R2以降の累計`, `2015年からの累計`: a short start date, then the total.
    for tail in [
        "からの累計",
        "から累計",
        "以降の累計",
        "以降累計",
        "からの延べ",
        "からの通算",
    ] {
        if let Some(start) = label.strip_suffix(tail) {
            let short = !start.is_empty() && start.chars().count() <= 8;
            if short && start.chars().any(|c| c.is_ascii_digit() || c == '元') {
                return Some(CountingWord::Cumulative(None));
            }
        }
    }
    None
}

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
    let mut approximate = false;
    let mut flags = Flags::default();
    for q in qualifiers.into_iter().flatten() {
        qualify(&mut comparator, &mut approximate, &mut flags, q)?;
    }

    // The number is the last digit run whose remainder is a unit; in `100m2` it is the one
    // before the `2`.
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
        read_prefix(&body[..start], &body[start..end], unit)
    } else {
        None
    }
}

impl NumberAtom<'_> {
    fn with(mut self, comparator: Option<Comparator>, approximate: bool, flags: Flags) -> Self {
        self.comparator = comparator;
        self.approximate |= approximate;
        self.flags = self.flags.merge(flags);
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
    matches!(
        c,
        '上' | '下' | '内' | '満' | '過' | '超' | '度' | '後' | 'み' | '込' | '値' | '報'
    )
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
    if prefix.is_empty() {
        // The commonest atom starts with its number (`33,097個/年`): no scale, sign or
        // label before it to look for.
        return Some(NumberAtom {
            label: None,
            number: parse_number(number)?,
            unit: (!unit.is_empty()).then_some(Cow::Borrowed(unit)),
            comparator: None,
            approximate: false,
            flags: Flags::default(),
        });
    }
    walk_prefix(prefix, number, unit)
}

/// [`read_prefix`] the long way, for any prefix (the empty one included).
fn walk_prefix<'a>(prefix: &'a str, number: &str, unit: &'a str) -> Option<NumberAtom<'a>> {
    let mut value = parse_number(number)?;
    let unit_text = unit;
    let (mut unit_power, _) = units::leading_scale(unit_text);
    let mut rest = prefix;

    // `12億3,400万円`: each earlier (number, scale word) pair must have a larger scale.
    let mut compound = false;
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
        compound = true;
    }
    // A compound amount is resolved into its base unit (contract: `2億396万円` is
    // 203960000 円, `95万9千人` 959000 人): no single printed scale is its unit.
    let mut unit = unit;
    if compound {
        let (power, base) = units::leading_scale(unit_text);
        value = value.shift(power)?;
        unit = base;
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
    if negative {
        value = value.negate();
    }
    let mut flags = Flags::default();
    let mut unit = (!unit.is_empty()).then_some(Cow::Borrowed(unit));
    let label = match counting_word(rest) {
        Some(CountingWord::PerYear) => {
            unit = Some(per_year(unit.as_deref()));
            None
        }
        Some(CountingWord::Cumulative(span_years)) => {
            flags.cumulative = true;
            flags.span_years = span_years;
            None
        }
        None => read_label(rest)?,
    };
    Some(NumberAtom {
        label,
        number: value,
        unit,
        comparator: None,
        approximate,
        flags,
    })
}

/// The unit of a per-year count: `校` → `校/年`; a unit already per year stays.
fn per_year(unit: Option<&str>) -> Cow<'static, str> {
    match unit {
        None => Cow::Borrowed("/年"),
        Some(u) if u.ends_with("/年") || u.ends_with("/年度") => Cow::Owned(u.to_string()),
        Some(u) => Cow::Owned(format!("{u}/年")),
    }
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
#[path = "atom_tests.rs"]
mod tests;
