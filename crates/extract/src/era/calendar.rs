//! Gregorian calendar arithmetic and the table of the five modern eras.

use super::{Basis, Era, Point};

/// A proleptic Gregorian date (a [`Period`](super::Period)'s `start` and `end`), written as
/// ISO `YYYY-MM-DD`. Field order makes the derived `Ord` chronological.
///
/// A plain value rather than the ISO string: every dated cell makes a period and the table
/// stage copies column periods onto observations, and two strings a period were two
/// allocations each time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub const fn new(year: i32, month: u32, day: u32) -> Self {
        Date { year, month, day }
    }

    /// `YYYY-MM-DD` (a year outside 0–9999 keeps its sign and every digit).
    pub fn iso(self) -> String {
        let mut out = Vec::with_capacity(10);
        self.write_iso(&mut out);
        // ASCII digits and `-`: each byte is its character.
        out.into_iter().map(char::from).collect()
    }

    /// Append [`Date::iso`] to `out`. Written by hand because the JSON writer runs it for
    /// every dated observation.
    pub fn write_iso(self, out: &mut Vec<u8>) {
        if !(0..=9999).contains(&self.year) || self.month > 99 || self.day > 99 {
            out.extend_from_slice(
                format!("{:04}-{:02}-{:02}", self.year, self.month, self.day).as_bytes(),
            );
            return;
        }
        let year = self.year as u32;
        out.extend_from_slice(&[
            digit(year / 1000),
            digit(year / 100 % 10),
            digit(year / 10 % 10),
            digit(year % 10),
            b'-',
            digit(self.month / 10),
            digit(self.month % 10),
            b'-',
            digit(self.day / 10),
            digit(self.day % 10),
        ]);
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.iso())
    }
}

/// As the contract writes dates: the ISO string.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

/// The ASCII digit of `value` (0–9).
fn digit(value: u32) -> u8 {
    b'0' + (value % 10) as u8
}

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

pub(super) const MONTH_NAMES: [&str; 12] = [
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

    #[test]
    fn iso_pads_every_field() {
        assert_eq!(Date::new(2019, 5, 1).iso(), "2019-05-01");
        assert_eq!(Date::new(-1, 1, 1).iso(), "-001-01-01");
        assert_eq!(Date::new(10_000, 12, 31).iso(), "10000-12-31");
    }

    #[test]
    fn a_date_is_written_as_its_iso_string_everywhere() {
        let date = Date::new(2024, 3, 31);
        let mut out = b"end=".to_vec();
        date.write_iso(&mut out);
        assert_eq!(out, b"end=2024-03-31");
        assert_eq!(date.to_string(), "2024-03-31");
        assert_eq!(serde_json::to_string(&date).unwrap(), "\"2024-03-31\"");
        // The derived order is chronological, as the string order was for these years.
        assert!(Date::new(2023, 12, 31) < Date::new(2024, 1, 1));
        assert!(Date::new(2024, 2, 29) < Date::new(2024, 3, 1));
    }
}
