//! Japanese era dates (和暦) into Gregorian periods (contract: Period).
//!
//! [`parse_period`] reads one expression — a cell's date (`R元`, `H31.4`, `令和５年３月末`), a
//! column header (`現状値（R5年度末）`, `当初 (H30) (2018)`), a source note (`(H27国勢調査)`);
//! [`find_periods`] finds every expression inside longer text, with byte ranges. Both are one
//! hand-written scanner over the text (no regex, no copy of the input), folding full-width
//! forms on the fly, because they run on every cell.
//!
//! ```
//! use shinchoku_extract::era::{find_periods, parse_period, Basis, Date, Era};
//!
//! let p = parse_period("令和3（2021）年度").unwrap().period;
//! assert_eq!((p.era, p.era_year, p.year, p.basis), (Some(Era::Reiwa), Some(3), 2021, Basis::FiscalYear));
//! assert_eq!((p.start.map(Date::iso), p.end.map(Date::iso)), (Some("2021-04-01".into()), Some("2022-03-31".into())));
//!
//! let found = find_periods("1,240,000人/年 (R4実績) ※R5実績は6月末頃確定予定");
//! let raws: Vec<_> = found.iter().map(|f| f.result.as_ref().unwrap().period.raw.as_str()).collect();
//! assert_eq!(raws, ["R4", "R5"]);
//! ```
//!
//! # What the fields hold
//!
//! - `raw` is exactly the printed text of the expression (`&text[range]` for [`find_periods`]):
//!   the role word of a header and its brackets are not part of it (`現状値（R5年度末）` →
//!   `R5年度末`). A Gregorian year inside the expression stays in it (`令和3（2021）年度`); one
//!   in a separate bracket after it (`当初 (H30) (2018)`, `R6 (2024)`) is checked against the
//!   era but left out, so `raw` is `H30`. A range keeps both ends and its aggregate word
//!   (`H26～H30の平均値`); the `until` Period's `raw` is the second end as printed (`6` in
//!   `R5.1~6`).
//! - Eras begin on Meiji 1868-01-25, Taisho 1912-07-30, Showa 1926-12-25, Heisei 1989-01-08,
//!   Reiwa 2019-05-01. Meiji's date is 明治元年一月一日 of the old lunisolar calendar, from
//!   which the 改元 (1868-10-23) counted; the contract and the ya-wareki-js data use it too.
//!   Dates before 1873 are read as Gregorian, not lunisolar: only the year maps honestly.
//! - An era year past its era (`H32`) maps arithmetically (2020) with warning
//!   `era_out_of_range`, as does a date wholly before or after its era (`令和元年4月1日`,
//!   `昭和64年1月8日`); a span that overlaps the era (`平成31年度`, `令和元年度`) does not warn.
//!   A printed Gregorian year that disagrees gives `era_mismatch`.
//! - Ranges: the first end is the Period, the second is `until`; `start` is the first end's,
//!   `end` the second's. A bare end borrows the other's basis (`H26～H30年度`: both fiscal).
//!   A month range rolls into the next year when the second month is smaller (`R5.11~2`).
//! - Gregorian-only expressions need 年 or 年度 and a year from 1800 to 2199 (`2019年度`);
//!   a bare four-digit number is never a date.
//! - A Latin era letter is not read after an ASCII letter or digit, nor before one
//!   (`SR5000`, `H2O`, `NPO`). A letter with an impossible year (`R0`, `R5000`) is an error
//!   for [`parse_period`] but is skipped by [`find_periods`], as it is likely a code.
//!
//! Errors give the 0-based character offset of the offending token in the text parsed and
//! what was expected: `at character 6: February 2021 has 28 days` for `令和3年2月29日`.

mod calendar;
mod cursor;
mod grammar;

pub use calendar::{era_on, EraDate, MONTH_NAMES};
pub use grammar::may_hold_era_less_fiscal_year;
use grammar::Outcome;
/// The results' types are the output contract's, defined in `shinchoku-model`.
pub use shinchoku_model::{Aggregate, Basis, Date, Era, Period, Point, WarningCode};

thread_local! {
    /// The eras of the document being read, for era-less fiscal years (`26年度`); see
    /// [`with_document_eras`].
    static DOCUMENT_ERAS: std::cell::Cell<Option<DocumentEras>> = const { std::cell::Cell::new(None) };
}

/// The era years a document prints, per era (`H26 … H31`, `R2 … R5`), from which a fiscal
/// year printed without its era (`26年度`) is read: first in the one era whose printed years
/// span it (26 in a document of H24–H31 and R2–R5 is H26, 3 is R3); else in the one era
/// that reaches it from its first year to its last printed one, or to its end for an era
/// that is over (26 in a document of H27–H31 alone is H26). Two candidate eras, or none,
/// leave the year unread.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocumentEras {
    /// Lowest and highest era year printed, per era in [`calendar::ERAS`] order.
    spans: [Option<(i32, i32)>; 5],
}

impl DocumentEras {
    /// Note an era year the document prints.
    pub fn add(&mut self, era: Era, era_year: i32) {
        if let Some(i) = calendar::ERAS.iter().position(|e| e.era == era) {
            let span = self.spans[i].get_or_insert((era_year, era_year));
            *span = (span.0.min(era_year), span.1.max(era_year));
        }
    }

    /// The era a bare `era_year` is read in (see the type's documentation).
    fn era_for(&self, era_year: i32) -> Option<Era> {
        let only = |covers: &dyn Fn(&calendar::EraInfo, (i32, i32)) -> bool| {
            let mut eras = calendar::ERAS
                .iter()
                .zip(self.spans)
                .filter_map(|(info, span)| {
                    span.filter(|&span| covers(info, span)).map(|_| info.era)
                });
            match (eras.next(), eras.next()) {
                (Some(era), None) => Some(era),
                _ => None,
            }
        };
        only(&|_, (low, high)| (low..=high).contains(&era_year)).or_else(|| {
            only(&|info, (_, high)| {
                let last = info
                    .last_day
                    .map_or(high, |day| (day.year - info.first_day.year + 1).max(high));
                (1..=last).contains(&era_year)
            })
        })
    }
}

/// Run `read` with the eras of the document being read: inside it, a fiscal year printed
/// without its era (`26年度`: 1 or 2 digits, then 年度) is read in the era whose printed
/// years span it, as an era document writes a year once its era is clear. With `None` (the
/// default: a Gregorian document, or one whose eras are unclear) such text is no date: the
/// reader never guesses an era. The setting is the calling thread's and is restored when
/// `read` returns or unwinds; the caller collects the eras from the document's other dates.
pub fn with_document_eras<T>(eras: Option<DocumentEras>, read: impl FnOnce() -> T) -> T {
    struct Restore(Option<DocumentEras>);
    impl Drop for Restore {
        fn drop(&mut self) {
            DOCUMENT_ERAS.with(|e| e.set(self.0));
        }
    }
    let _restore = Restore(DOCUMENT_ERAS.with(|e| e.replace(eras)));
    read()
}

/// The era [`with_document_eras`] gives a bare era year, if any.
fn document_era_of(era_year: i32) -> Option<Era> {
    DOCUMENT_ERAS.with(std::cell::Cell::get)?.era_for(era_year)
}

/// A doubt about a parsed period (contract warning codes `era_mismatch`, `era_out_of_range`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EraWarning {
    pub code: WarningCode,
    pub message: String,
}

/// A period plus the doubts met while reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub period: Period,
    pub warnings: Vec<EraWarning>,
}

/// Why an expression is not a date: the character offset of the problem and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("at character {position}: {message}")]
pub struct EraError {
    pub position: usize,
    pub message: String,
}

/// Read one date expression (possibly inside a header such as `現状値（R5年度末）` or a note
/// such as `(H27国勢調査)`): the first date found in `expr`. See the module docs for the forms.
pub fn parse_period(expr: &str) -> Result<Parsed, EraError> {
    let mut doubtful: Option<EraError> = None;
    for (start, c) in expr.char_indices() {
        if !grammar::may_start(c) {
            continue;
        }
        match grammar::scan_at(expr, start) {
            Outcome::NotDate => {}
            Outcome::Date { parsed, .. } => return Ok(parsed),
            Outcome::Invalid(invalid) => {
                let error = EraError {
                    position: char_offset(expr, invalid.at),
                    message: invalid.message,
                };
                if !invalid.weak {
                    return Err(error);
                }
                doubtful.get_or_insert(error);
            }
        }
    }
    Err(doubtful.unwrap_or_else(|| EraError {
        position: 0,
        message: "expected a date such as R5, H31.4, R5年度末, 令和3（2021）年度 or 2019年度"
            .to_owned(),
    }))
}

fn char_offset(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |before| before.chars().count())
}

/// A date expression found inside longer text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte range of the expression in the searched text.
    pub range: std::ops::Range<usize>,
    pub result: Result<Parsed, EraError>,
}

/// Find every date expression in `text`, in order (`126品 (R元)`, `(H27国勢調査)`,
/// `※R5数値はR6.12確定`). Impossible dates that are clearly meant as dates (`令和3年2月29日`)
/// are returned as errors with their range; plain numbers and words never match.
pub fn find_periods(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    for_each_period(text, |one| found.push(one));
    found
}

/// [`find_periods`] handing each expression to `found` as it is met, for callers that keep
/// only some of them (a cell keeps its valid dates) and need not build the full list first.
pub fn for_each_period(text: &str, mut found: impl FnMut(Found)) {
    let mut pos = 0;
    // Byte and character offsets of `pos`, advanced together so error positions cost O(n) overall.
    let mut counted = (0usize, 0usize);
    while let Some(start) = grammar::next_start(text, pos) {
        pos = start;
        let next = pos + text[pos..].chars().next().map_or(1, char::len_utf8);
        match grammar::scan_at(text, pos) {
            Outcome::Date { end, parsed } => {
                found(Found {
                    range: pos..end,
                    result: Ok(parsed),
                });
                pos = end.max(next);
            }
            Outcome::Invalid(invalid) if !invalid.weak => {
                let chars_to = counted.1
                    + char_offset(
                        text.get(counted.0..).unwrap_or_default(),
                        invalid.at - counted.0,
                    );
                counted = (invalid.at, chars_to);
                let end = invalid.end.max(next);
                found(Found {
                    range: pos..end,
                    result: Err(EraError {
                        position: chars_to,
                        message: invalid.message,
                    }),
                });
                pos = end;
            }
            Outcome::NotDate | Outcome::Invalid(_) => pos = next,
        }
    }
}
