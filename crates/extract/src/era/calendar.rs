//! Gregorian calendar arithmetic and the table of the five modern eras.

use super::{Basis, Date, Era, Point};

/// What the parser needs to know about one era.
pub(super) struct EraInfo {
    pub era: Era,
    /// English name for messages.
    pub name: &'static str,
    pub kanji: &'static str,
    pub first_day: Date,
    /// `None` for the current era.
    pub last_day: Option<Date>,
}

/// Era boundaries as Gregorian dates. Meiji starts on 1868-01-25 (明治元年一月一日 of the
/// lunisolar calendar, to which the 改元 of 1868-10-23 was made retroactive), as in the
/// output contract and the ya-wareki-js data the tests compare against.
pub(super) const ERAS: [EraInfo; 5] = [
    EraInfo {
        era: Era::Meiji,
        name: "Meiji",
        kanji: "明治",
        first_day: Date::new(1868, 1, 25),
        last_day: Some(Date::new(1912, 7, 29)),
    },
    EraInfo {
        era: Era::Taisho,
        name: "Taisho",
        kanji: "大正",
        first_day: Date::new(1912, 7, 30),
        last_day: Some(Date::new(1926, 12, 24)),
    },
    EraInfo {
        era: Era::Showa,
        name: "Showa",
        kanji: "昭和",
        first_day: Date::new(1926, 12, 25),
        last_day: Some(Date::new(1989, 1, 7)),
    },
    EraInfo {
        era: Era::Heisei,
        name: "Heisei",
        kanji: "平成",
        first_day: Date::new(1989, 1, 8),
        last_day: Some(Date::new(2019, 4, 30)),
    },
    EraInfo {
        era: Era::Reiwa,
        name: "Reiwa",
        kanji: "令和",
        first_day: Date::new(2019, 5, 1),
        last_day: None,
    },
];

pub(super) fn info(era: Era) -> &'static EraInfo {
    match era {
        Era::Meiji => &ERAS[0],
        Era::Taisho => &ERAS[1],
        Era::Showa => &ERAS[2],
        Era::Heisei => &ERAS[3],
        Era::Reiwa => &ERAS[4],
    }
}

/// A date as an era names it: for spreadsheet date formats (`ge.m.d` → `R5.3.31`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EraDate {
    /// The Latin abbreviation (`R`, `H`, `S`, `T`, `M`).
    pub letter: char,
    /// The era's name in kanji (`令和`).
    pub kanji: &'static str,
    /// The year within the era, 1 for 元年.
    pub year: i32,
}

/// The era in force on `date`, or `None` before Meiji.
pub fn era_on(date: Date) -> Option<EraDate> {
    let info = ERAS.iter().rev().find(|e| e.first_day <= date)?;
    Some(EraDate {
        letter: info.name.chars().next().unwrap_or('?'),
        kanji: info.kanji,
        year: date.year - info.first_day.year + 1,
    })
}

/// The era of a Latin abbreviation (`M T S H R`, either case, already width-folded).
pub(super) fn era_of_letter(letter: char) -> Option<Era> {
    match letter.to_ascii_uppercase() {
        'M' => Some(Era::Meiji),
        'T' => Some(Era::Taisho),
        'S' => Some(Era::Showa),
        'H' => Some(Era::Heisei),
        'R' => Some(Era::Reiwa),
        _ => None,
    }
}

/// Gregorian year of an era year, arithmetically (H32 → 2020 even though Heisei ended in 2019).
pub(super) fn gregorian_year(era: Era, era_year: i32) -> i32 {
    info(era).first_day.year + era_year - 1
}

pub(super) fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1–12) of `year`; 0 for a month that does not exist.
pub(super) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// English month names, for messages and spreadsheet date formats (`mmmm`).
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The whole span an expression names, ignoring any `point`: a fiscal year (April–March),
/// a calendar year, a month or a day. `None` when the basis is unspecified.
pub(super) fn whole_span(
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
    basis: Basis,
) -> Option<(Date, Date)> {
    match basis {
        Basis::Unspecified => None,
        Basis::FiscalYear => Some((Date::new(year, 4, 1), Date::new(year + 1, 3, 31))),
        Basis::CalendarYear => Some(match (month, day) {
            (Some(month), Some(day)) => (Date::new(year, month, day), Date::new(year, month, day)),
            (Some(month), None) => (
                Date::new(year, month, 1),
                Date::new(year, month, days_in_month(year, month)),
            ),
            _ => (Date::new(year, 1, 1), Date::new(year, 12, 31)),
        }),
    }
}

/// The span with a `point` applied: 年度末 / 末 is the span's last day.
pub(super) fn span(
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
    basis: Basis,
    point: Option<Point>,
) -> Option<(Date, Date)> {
    let (first, last) = whole_span(year, month, day, basis)?;
    Some(match point {
        Some(Point::End) => (last, last),
        None => (first, last),
    })
}

/// Why an era-dated span lies wholly outside its era, if it does. A span that overlaps the
/// era is fine: 令和元年度 starts in April 2019 under Heisei but is how everyone writes FY2019.
/// A bare year (`H32`) is compared as the whole calendar year.
pub(super) fn out_of_range(
    era: Era,
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
    basis: Basis,
) -> Option<String> {
    let info = info(era);
    let basis = match basis {
        Basis::Unspecified => Basis::CalendarYear,
        other => other,
    };
    let (first, last) = whole_span(year, month, day, basis)?;
    if last < info.first_day {
        return Some(format!(
            "{} began on {}, after this date ({}); mapped arithmetically",
            info.name,
            info.first_day.iso(),
            last.iso()
        ));
    }
    match info.last_day {
        Some(era_last) if first > era_last => Some(format!(
            "{} ended on {}, before this date ({}); mapped arithmetically",
            info.name,
            era_last.iso(),
            first.iso()
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(is_leap(2024));
        assert!(is_leap(2000));
        assert!(!is_leap(1900));
        assert!(!is_leap(2023));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2100, 2), 28);
        assert_eq!(days_in_month(2023, 13), 0);
    }

    #[test]
    fn eras_follow_each_other_without_gaps() {
        for pair in ERAS.windows(2) {
            let last = pair[0].last_day.expect("only the current era is open");
            let next = pair[1].first_day;
            let day_after = if last.day == days_in_month(last.year, last.month) {
                Date::new(last.year, last.month + 1, 1)
            } else {
                Date::new(last.year, last.month, last.day + 1)
            };
            assert_eq!(day_after, next, "{} → {}", pair[0].name, pair[1].name);
        }
    }
}
