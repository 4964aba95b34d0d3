//! The grammar of one date expression, read by hand over a [`Cursor`]:
//!
//! ```text
//! expression = side [ range ] [ "の"? "平均" "値"? ]
//! side       = era year [ "(" YYYY ")" ] suffix        (令和3（2021）年度, R5年度末, H31.4, H30)
//!            | YYYY suffix-with-年                       (2019年度, 2023年3月末)
//! era        = M T S H R (either case, full width too; not after an ASCII letter or digit)
//!            | 明治 大正 昭和 平成 令和 (then optional spaces)
//! year       = 元 | digits | kanji numeral (after a kanji era name)
//! suffix     = 年度 [末] | 年 [末 | month 月 [末 | day 日]] | "." month [末 | "." day] | nothing
//! range      = "~" (side | month | era-year suffix) | "-" side-with-era
//! ```
//!
//! White space is allowed around every token except right after a Latin era letter
//! (`R 5` is not read as a date), because PDF text spaces dates out (`令和 5 年度末`).

use super::calendar;
use super::cursor::{fold, Cursor, Number};
use super::{Aggregate, Basis, Era, EraWarning, Parsed, Period, Point, WarningCode};

mod forms;
pub use forms::may_hold_era_less_fiscal_year;
use forms::{
    bracketed_era_companion, era_less_fiscal_year, letter_spaced_side, starts_letter_spaced,
};

/// What `scan_at` found at one position.
pub(super) enum Outcome {
    NotDate,
    Date { end: usize, parsed: Parsed },
    Invalid(Invalid),
}

/// A date expression that cannot be a real date.
pub(super) struct Invalid {
    /// A doubtful candidate — a Latin letter and an impossible year (`R0`, `R5000`) may well be
    /// a code rather than a date. `find_periods` skips it; `parse_period` reports it when the
    /// expression holds nothing better.
    pub weak: bool,
    /// Byte offset of the offending token.
    pub at: usize,
    /// Byte offset just past it.
    pub end: usize,
    pub message: String,
}

/// One end of an expression, before it becomes a `Period`.
#[derive(Debug, Clone)]
struct Side {
    /// Byte range as printed.
    start: usize,
    end: usize,
    era: Option<Era>,
    era_year: Option<i32>,
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
    basis: Basis,
    point: Option<Point>,
    /// A Gregorian year printed inside the expression (`令和3（2021）年度`).
    companion: Option<u32>,
}

impl Side {
    fn new(start: usize, era: Option<Era>, era_year: Option<i32>, year: i32) -> Self {
        Side {
            start,
            end: start,
            era,
            era_year,
            year,
            month: None,
            day: None,
            basis: Basis::Unspecified,
            point: None,
            companion: None,
        }
    }
}

/// `Ok(None)`: not a date here. The cursor may have moved; callers pass a copy.
type SideResult = Result<Option<Side>, Invalid>;

/// Gregorian years accepted without an era (`2019年度`); narrower than four digits so that
/// `1000年に一度` is not taken for a date.
const GREGORIAN_YEARS: std::ops::RangeInclusive<u32> = 1800..=2199;

/// Could a date expression start with this character? A cheap filter before `scan_at`:
/// an era letter or a digit (ASCII or full width, as [`fold`] sees them) or the first kanji
/// of an era name. Spelled out rather than folding first, because it runs on every
/// character searched.
pub(super) fn may_start(c: char) -> bool {
    matches!(
        c,
        'M' | 'T'
            | 'S'
            | 'H'
            | 'R'
            | 'm'
            | 't'
            | 's'
            | 'h'
            | 'r'
            | '0'..='9'
            | 'Ｍ'
            | 'Ｔ'
            | 'Ｓ'
            | 'Ｈ'
            | 'Ｒ'
            | 'ｍ'
            | 'ｔ'
            | 'ｓ'
            | 'ｈ'
            | 'ｒ'
            | '０'..='９'
            | '明'
            | '大'
            | '昭'
            | '平'
            | '令'
    )
}

/// Byte offset of the first character at or after `from` that [`may_start`] a date.
/// Looks at bytes: every such character is ASCII or UTF-8 with lead byte E4, E5 or E6
/// (明大昭平令) or EF (full-width forms), so the kana and kanji of a sentence are passed
/// over without being decoded. `from` must be a char boundary.
pub(super) fn next_start(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(&b) = bytes.get(at) {
        let candidate = if b.is_ascii() {
            may_start(char::from(b))
        } else if matches!(b, 0xE4..=0xE6 | 0xEF) {
            // A lead byte, so `at` is a char boundary.
            text[at..].chars().next().is_some_and(may_start)
        } else {
            false
        };
        if candidate {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// Read the date expression starting at byte `start` of `text`, if there is one.
pub(super) fn scan_at(text: &str, start: usize) -> Outcome {
    let prev = text
        .get(..start)
        .and_then(|before| before.chars().next_back())
        .map(fold);
    let mut cur = Cursor::new(text, start);
    let mut first = match side(&mut cur, prev) {
        Ok(Some(first)) => first,
        Ok(None) => return Outcome::NotDate,
        Err(invalid) => return Outcome::Invalid(invalid),
    };
    let mut until = match range_end(&mut cur, &first) {
        Ok(until) => until,
        Err(invalid) => return Outcome::Invalid(invalid),
    };
    let aggregate = aggregate(&mut cur);
    let end = cur.pos;
    if let Some(until) = until.as_mut() {
        share_basis(&mut first, until);
        if let Some(invalid) = backwards(&first, until) {
            return Outcome::Invalid(invalid);
        }
    }
    // `当初 (H30) (2018)`, `R6 (2024)`: a Gregorian year in a following bracket is checked,
    // but is not part of the expression.
    let trailing = match (&until, first.era, first.companion) {
        (None, Some(_), None) => trailing_companion(cur),
        _ => None,
    };

    let mut warnings = Vec::new();
    let raw = text.get(start..end).unwrap_or_default().to_owned();
    let mut period = period_of(raw, &first, &mut warnings);
    if let Some(printed) = trailing {
        check_companion(&first, printed, &mut warnings);
    }
    if let Some(until) = until {
        let raw = text
            .get(until.start..until.end)
            .unwrap_or_default()
            .to_owned();
        let until = period_of(raw, &until, &mut warnings);
        period.end = until.end;
        period.until = Some(Box::new(until));
    }
    period.aggregate = aggregate;
    Outcome::Date {
        end,
        parsed: Parsed { period, warnings },
    }
}

fn side(cur: &mut Cursor, prev: Option<char>) -> SideResult {
    let start = cur.pos;
    if let Some(info) = calendar::ERAS.iter().find(|e| cur.starts_with(e.kanji)) {
        cur.eat_str(info.kanji);
        cur.skip_spaces();
        let Some(era_year) = era_year(cur, true)? else {
            return Ok(None);
        };
        return era_side(cur, start, info.era, era_year).map(Some);
    }
    if let Some(info) = calendar::ERAS
        .iter()
        .find(|e| starts_letter_spaced(cur, e.kanji))
    {
        return letter_spaced_side(cur, start, info.era);
    }
    let Some(c) = cur.peek() else {
        return Ok(None);
    };
    if let Some(era) = calendar::era_of_letter(c) {
        // `SR5000`, `NPO`, `HR`: a letter inside a word is not an era.
        if prev.is_some_and(|p| p.is_ascii_alphanumeric()) {
            return Ok(None);
        }
        cur.bump();
        let Some(era_year) = era_year(cur, false)? else {
            return Ok(None);
        };
        return era_side(cur, start, era, era_year).map(Some);
    }
    if c.is_ascii_digit() {
        // Not the tail of a longer number (`12019年`, `1,2019`, `3.2019`).
        if prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '.' || p == ',') {
            return Ok(None);
        }
        let mut look = *cur;
        if let Some(side) = gregorian_side(&mut look, start)? {
            *cur = look;
            return Ok(Some(side));
        }
        // Not as a range's end (`R2年度～5年度` is the first end's era: `shorthand_end`).
        if prev == Some('~') {
            return Ok(None);
        }
        return era_less_fiscal_year(cur, start);
    }
    Ok(None)
}

fn starts_era(cur: &Cursor) -> bool {
    cur.peek().and_then(calendar::era_of_letter).is_some()
        || calendar::ERAS.iter().any(|e| cur.starts_with(e.kanji))
}

/// The year after an era name: `元`, digits, or (after a kanji name) a kanji numeral.
fn era_year(cur: &mut Cursor, kanji_era: bool) -> Result<Option<i32>, Invalid> {
    if cur.eat('元') {
        return Ok(Some(1));
    }
    let number = if kanji_era {
        cur.any_number()
    } else {
        cur.digits()
    };
    let Some(number) = number else {
        return Ok(None);
    };
    // `H2O`, `R5a`: letters and digits running on are a code, not a date.
    if !kanji_era && cur.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
        return Ok(None);
    }
    check_era_year(cur.text(), number, !kanji_era).map(Some)
}

fn check_era_year(text: &str, number: Number, weak: bool) -> Result<i32, Invalid> {
    match number.value {
        Some(0) => Err(invalid(
            weak,
            number,
            "era year 0 does not exist: an era's first year is 元 (1)".to_owned(),
        )),
        Some(year @ 1..=99) => Ok(year as i32),
        _ => Err(invalid(
            weak,
            number,
            format!(
                "expected an era year from 元 (1) to 99, found {}",
                shown(text, number)
            ),
        )),
    }
}

fn era_side(cur: &mut Cursor, start: usize, era: Era, era_year: i32) -> Result<Side, Invalid> {
    let mut side = Side::new(
        start,
        Some(era),
        Some(era_year),
        calendar::gregorian_year(era, era_year),
    );
    inline_companion(cur, &mut side);
    suffix(cur, &mut side, true)?;
    side.end = cur.pos;
    Ok(side)
}

fn gregorian_side(cur: &mut Cursor, start: usize) -> SideResult {
    let Some(number) = cur.digits() else {
        return Ok(None);
    };
    let Some(year) = number
        .value
        .filter(|year| number.digits == 4 && GREGORIAN_YEARS.contains(year))
    else {
        return Ok(None);
    };
    let mut side = Side::new(start, None, None, year as i32);
    bracketed_era_companion(cur, &mut side);
    suffix(cur, &mut side, false)?;
    // A bare four-digit number is a quantity, not a date.
    if side.basis == Basis::Unspecified {
        return Ok(None);
    }
    side.end = cur.pos;
    Ok(Some(side))
}

/// `令和3（2021）年度`: the bracketed year belongs to the expression only when 年 follows it.
fn inline_companion(cur: &mut Cursor, side: &mut Side) {
    let mut look = *cur;
    look.skip_spaces();
    if let Some(year) = bracketed_year(&mut look) {
        let mut after = look;
        after.skip_spaces();
        if after.starts_with("年") {
            side.companion = Some(year);
            *cur = look;
        }
    }
}

/// `(2018)` / `（２０１８）`.
fn bracketed_year(cur: &mut Cursor) -> Option<u32> {
    if !cur.eat('(') {
        return None;
    }
    cur.skip_spaces();
    let number = cur.digits()?;
    cur.skip_spaces();
    if number.digits != 4 || !cur.eat(')') {
        return None;
    }
    number.value
}

/// `(H30) (2018)` or `R6 (2024)` after the expression.
fn trailing_companion(mut cur: Cursor) -> Option<u32> {
    cur.skip_spaces();
    if cur.eat(')') {
        cur.skip_spaces();
    }
    bracketed_year(&mut cur)
}

fn suffix(cur: &mut Cursor, side: &mut Side, allow_dot: bool) -> Result<(), Invalid> {
    let mut look = *cur;
    look.skip_spaces();
    if look.eat_str("年度") {
        side.basis = Basis::FiscalYear;
        *cur = look;
        end_point(cur, side);
        return Ok(());
    }
    if look.eat('年') {
        side.basis = Basis::CalendarYear;
        *cur = look;
        if !end_point(cur, side) {
            month_and_day(cur, side)?;
        }
        return Ok(());
    }
    if allow_dot && cur.peek() == Some('.') {
        dotted(cur, side)?;
    }
    Ok(())
}

/// `末` after 年度, 年 or 月.
fn end_point(cur: &mut Cursor, side: &mut Side) -> bool {
    let mut look = *cur;
    look.skip_spaces();
    if look.eat('末') {
        side.point = Some(Point::End);
        *cur = look;
        true
    } else {
        false
    }
}

/// `3月`, `３月末`, `1月7日`, `六月十九日` after 年.
fn month_and_day(cur: &mut Cursor, side: &mut Side) -> Result<(), Invalid> {
    let text = cur.text();
    let mut look = *cur;
    look.skip_spaces();
    let Some(month) = look.any_number() else {
        return Ok(());
    };
    look.skip_spaces();
    if !look.eat('月') {
        return Ok(());
    }
    let month = check_month(text, month)?;
    side.month = Some(month);
    *cur = look;
    if end_point(cur, side) {
        return Ok(());
    }
    let mut look = *cur;
    look.skip_spaces();
    let Some(day) = look.any_number() else {
        return Ok(());
    };
    look.skip_spaces();
    if !look.eat('日') {
        return Ok(());
    }
    side.day = Some(check_day(text, side.year, month, day)?);
    *cur = look;
    Ok(())
}

/// `H31.4`, `R元.11`, `R5.3.31`, `R5.3末`.
fn dotted(cur: &mut Cursor, side: &mut Side) -> Result<(), Invalid> {
    let text = cur.text();
    let mut look = *cur;
    look.bump();
    let Some(month) = look.digits().filter(|n| n.digits <= 2) else {
        return Ok(());
    };
    let month = check_month(text, month)?;
    side.month = Some(month);
    side.basis = Basis::CalendarYear;
    *cur = look;
    if end_point(cur, side) {
        return Ok(());
    }
    if look.eat('.') {
        if let Some(day) = look.digits().filter(|n| n.digits <= 2) {
            side.day = Some(check_day(text, side.year, month, day)?);
            *cur = look;
        }
    }
    Ok(())
}

fn check_month(text: &str, number: Number) -> Result<u32, Invalid> {
    match number.value {
        Some(month @ 1..=12) => Ok(month),
        _ => Err(invalid(
            false,
            number,
            format!(
                "expected a month from 1 to 12, found {}",
                shown(text, number)
            ),
        )),
    }
}

fn check_day(text: &str, year: i32, month: u32, number: Number) -> Result<u32, Invalid> {
    let days = calendar::days_in_month(year, month);
    match number.value {
        Some(day) if (1..=days).contains(&day) => Ok(day),
        Some(1..=31) => Err(invalid(
            false,
            number,
            format!(
                "{} {year} has {days} days",
                calendar::MONTH_NAMES[(month as usize - 1) % 12]
            ),
        )),
        _ => Err(invalid(
            false,
            number,
            format!("expected a day from 1 to 31, found {}", shown(text, number)),
        )),
    }
}

/// `~H30`, `～令和6年度`, `~6` (a month, after `R5.1`), `～30年度` (an era year, after
/// `H26`), `-R2` (a dash only before an era, since `H30-1` may be a code).
fn range_end(cur: &mut Cursor, first: &Side) -> Result<Option<Side>, Invalid> {
    let mut look = *cur;
    look.skip_spaces();
    let until = match look.bump() {
        Some('~') => {
            look.skip_spaces();
            let mut fresh = look;
            match weak_as_none(side(&mut fresh, Some('~')))? {
                Some(until) => {
                    look = fresh;
                    Some(until)
                }
                None => shorthand_end(&mut look, first)?,
            }
        }
        Some('-') => {
            look.skip_spaces();
            if starts_era(&look) {
                weak_as_none(side(&mut look, Some('-')))?
            } else {
                None
            }
        }
        _ => None,
    };
    if until.is_some() {
        *cur = look;
    }
    Ok(until)
}

/// A doubtful end (`H30~R0`) leaves the range out rather than discarding the start.
fn weak_as_none(result: SideResult) -> SideResult {
    match result {
        Err(invalid) if invalid.weak => Ok(None),
        other => other,
    }
}

/// The end of a range written without its era: a month after a month (`R5.1~6`, rolling
/// into the next year when it is smaller: `R5.11~2`), or a year after a year (`H26~30年度`).
fn shorthand_end(cur: &mut Cursor, first: &Side) -> SideResult {
    let text = cur.text();
    let mut look = *cur;
    let start = look.pos;
    let Some(number) = look.any_number() else {
        return Ok(None);
    };
    let mut until = match (first.month, first.day, first.era) {
        (Some(first_month), None, _) => {
            let month = check_month(text, number)?;
            let mut after = look;
            after.skip_spaces();
            if after.eat('月') {
                look = after;
            }
            let next_year = i32::from(month < first_month);
            let mut until = Side::new(
                start,
                first.era,
                first.era_year.map(|y| y + next_year),
                first.year + next_year,
            );
            until.month = Some(month);
            until.basis = Basis::CalendarYear;
            end_point(&mut look, &mut until);
            until
        }
        (None, _, Some(era)) => {
            let era_year = check_era_year(text, number, false)?;
            let mut until = Side::new(
                start,
                Some(era),
                Some(era_year),
                calendar::gregorian_year(era, era_year),
            );
            suffix(&mut look, &mut until, true)?;
            until
        }
        (None, _, None) => match number.value {
            Some(year) if number.digits == 4 && GREGORIAN_YEARS.contains(&year) => {
                let mut until = Side::new(start, None, None, year as i32);
                suffix(&mut look, &mut until, false)?;
                until
            }
            _ => return Ok(None),
        },
        (Some(_), Some(_), _) => return Ok(None),
    };
    until.end = look.pos;
    *cur = look;
    Ok(Some(until))
}

/// `H26～H30年度` means fiscal years 2014 to 2018: a bare end borrows the other end's basis.
fn share_basis(first: &mut Side, until: &mut Side) {
    let year_level = |side: &Side| side.month.is_none() && side.basis != Basis::Unspecified;
    if first.basis == Basis::Unspecified && year_level(until) {
        first.basis = until.basis;
    } else if until.basis == Basis::Unspecified && year_level(first) {
        until.basis = first.basis;
    }
}

/// `H30~H26`, `R5.6~R5.1`: a range must not end before it starts.
fn backwards(first: &Side, until: &Side) -> Option<Invalid> {
    let spans = (
        calendar::whole_span(first.year, first.month, first.day, first.basis),
        calendar::whole_span(until.year, until.month, until.day, until.basis),
    );
    let (start, end) = match spans {
        (Some((first_start, _)), Some((_, until_end))) if until_end < first_start => {
            (first_start.iso(), until_end.iso())
        }
        (Some(_), Some(_)) => return None,
        _ if until.year < first.year => (first.year.to_string(), until.year.to_string()),
        _ => return None,
    };
    Some(Invalid {
        weak: false,
        at: until.start,
        end: until.end,
        message: format!(
            "expected the end of the range to come after its start ({start}), found {end}"
        ),
    })
}

/// `の平均値`, `平均`.
fn aggregate(cur: &mut Cursor) -> Option<Aggregate> {
    let mut look = *cur;
    look.skip_spaces();
    look.eat('の');
    if look.eat_str("平均") {
        look.eat('値');
        *cur = look;
        Some(Aggregate::Average)
    } else {
        None
    }
}

fn period_of(raw: String, side: &Side, warnings: &mut Vec<EraWarning>) -> Period {
    if let (Some(era), Some(era_year)) = (side.era, side.era_year) {
        if let Some(why) = calendar::out_of_range(era, side.year, side.month, side.day, side.basis)
        {
            warnings.push(EraWarning {
                code: WarningCode::EraOutOfRange,
                message: format!("{} {era_year} ({raw}): {why}", calendar::info(era).name),
            });
        }
    }
    if let Some(printed) = side.companion {
        check_companion(side, printed, warnings);
    }
    let span = calendar::span(side.year, side.month, side.day, side.basis, side.point);
    Period {
        raw,
        era: side.era,
        era_year: side.era_year,
        year: side.year,
        month: side.month,
        day: side.day,
        basis: side.basis,
        point: side.point,
        start: span.map(|(first, _)| first),
        end: span.map(|(_, last)| last),
        until: None,
        aggregate: None,
    }
}

/// A Gregorian year printed beside an era year must be the same year.
fn check_companion(side: &Side, printed: u32, warnings: &mut Vec<EraWarning>) {
    let (Some(era), Some(era_year)) = (side.era, side.era_year) else {
        return;
    };
    // A far-off number in brackets after a header is not meant as the year.
    if !GREGORIAN_YEARS.contains(&printed) || printed as i64 == i64::from(side.year) {
        return;
    }
    warnings.push(EraWarning {
        code: WarningCode::EraMismatch,
        message: format!(
            "{} {era_year} is {}, but {printed} is printed beside it",
            calendar::info(era).name,
            side.year
        ),
    });
}

fn invalid(weak: bool, number: Number, message: String) -> Invalid {
    Invalid {
        weak,
        at: number.start,
        end: number.end,
        message,
    }
}

/// The printed number, cut short when absurdly long.
fn shown(text: &str, number: Number) -> String {
    let printed = text.get(number.start..number.end).unwrap_or_default();
    if printed.chars().count() <= 24 {
        printed.to_owned()
    } else {
        let head: String = printed.chars().take(24).collect();
        format!("{head}… ({} digits)", number.digits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The filter as first written: fold, then match.
    fn may_start_reference(c: char) -> bool {
        matches!(
            fold(c),
            'M' | 'T' | 'S' | 'H' | 'R' | 'm' | 't' | 's' | 'h' | 'r' | '0'..='9'
        ) || matches!(c, '明' | '大' | '昭' | '平' | '令')
    }

    #[test]
    fn may_start_agrees_with_folding_on_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(may_start(c), may_start_reference(c), "{c:?}");
        }
    }

    #[test]
    fn next_start_finds_what_a_char_by_char_search_finds() {
        use proptest::prelude::*;
        let by_chars = |text: &str, from: usize| {
            text[from..]
                .char_indices()
                .find(|&(_, c)| may_start(c))
                .map(|(i, _)| from + i)
        };
        // Characters near the ones that matter: era letters and kanji, full-width forms,
        // kana, other kanji sharing lead bytes, spaces.
        let pieces = prop::sample::select(vec![
            "R", "h", "5", "a", " ", "(", "明", "大", "昭", "平", "令", "治", "正", "和", "成",
            "Ｒ", "５", "ｈ", "（", "～", "の", "年", "度", "末", "人", "　", "é", "💡", "ー",
        ]);
        proptest!(|(parts in prop::collection::vec(pieces, 0..12), skip in 0usize..12)| {
            let text: String = parts.concat();
            let from = text.char_indices().map(|(i, _)| i).nth(skip).unwrap_or(text.len());
            prop_assert_eq!(next_start(&text, from), by_chars(&text, from));
        });
    }
}
