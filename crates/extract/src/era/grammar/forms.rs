//! The spellings a date takes outside the plain grammar: a fiscal year without its era in
//! an era document (`26年度`), a letter-spaced date (`平 成 2 7 年`, `令 和 5年 度`), and a
//! Gregorian year with its era year in brackets (`2019(H31)年`). Each is asked by the
//! grammar at the one point where it may start.

use super::super::cursor::{Cursor, Number};
use super::{calendar, check_era_year, end_point, era_side, suffix, Basis, Era, Side, SideResult};

/// `26年度` in a document whose eras are known (see [`crate::era::with_document_eras`]): one or
/// two digits, then 年度 (a bare `26年` may be a school grade or a duration, and is left
/// alone).
pub(super) fn era_less_fiscal_year(cur: &mut Cursor, start: usize) -> SideResult {
    let Some(number) = cur.digits().filter(|n| n.digits <= 2) else {
        return Ok(None);
    };
    let Some(era_year) = number.value.filter(|y| (1..=99).contains(y)) else {
        return Ok(None);
    };
    let mut look = *cur;
    look.skip_spaces();
    if !look.starts_with("年度") {
        return Ok(None);
    }
    let era_year = era_year as i32;
    let Some(era) = super::super::document_era_of(era_year) else {
        return Ok(None);
    };
    let mut side = Side::new(
        start,
        Some(era),
        Some(era_year),
        calendar::gregorian_year(era, era_year),
    );
    suffix(cur, &mut side, false)?;
    side.end = cur.pos;
    Ok(Some(side))
}

/// Whether `text` may hold a year [`era_less_fiscal_year`] reads: one or two digits, then
/// 年度 after optional spaces, not the tail of a longer number or of an era date (`H26年度`,
/// `平成26年度` are read from their era). Never false where that rule would read one, and
/// cheap: a caller collects a document's eras (a scan of all its dates) only when a cell
/// says yes.
pub fn may_hold_era_less_fiscal_year(text: &str) -> bool {
    text.match_indices("年度").any(|(at, _)| {
        let before = text[..at].trim_end_matches(' ');
        let head =
            before.trim_end_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
        let digits = before[head.len()..].chars().count();
        (1..=2).contains(&digits)
            && !head.ends_with(|c: char| c.is_ascii_alphanumeric())
            && !calendar::ERAS
                .iter()
                .any(|e| head.trim_end_matches(' ').ends_with(e.kanji))
    })
}

/// `平 成` / `令 和`: an era name printed with a space between its two characters, as a
/// table cell letter-spaces a date to fill its width (`平 成 2 7 年`, `令 和 5年 度`).
pub(super) fn starts_letter_spaced(cur: &Cursor, kanji: &str) -> bool {
    let mut chars = kanji.chars();
    let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
        return false;
    };
    let mut look = *cur;
    if !look.eat(first) || look.peek() != Some(' ') {
        return false;
    }
    look.skip_spaces();
    look.eat(second)
}

/// A letter-spaced date: the era name, a year whose digits may be spaced (`2 7`), and a
/// suffix whose `年` and `度` may be spaced (`5年 度`). Only after a spaced era name, so
/// that `2 7` elsewhere stays two numbers.
pub(super) fn letter_spaced_side(cur: &mut Cursor, start: usize, era: Era) -> SideResult {
    let name = calendar::info(era).kanji;
    let mut chars = name.chars();
    let (first, second) = (chars.next().unwrap_or(' '), chars.next().unwrap_or(' '));
    cur.eat(first);
    cur.skip_spaces();
    cur.eat(second);
    cur.skip_spaces();
    let era_year = if cur.eat('元') {
        1
    } else {
        let Some(mut number) = cur.digits() else {
            return Ok(None);
        };
        // A second digit after one space: `2 7` is 27.
        let mut look = *cur;
        if number.digits == 1 && look.peek() == Some(' ') {
            look.bump();
            if let Some(next) = look.digits().filter(|n| n.digits == 1) {
                number = Number {
                    value: number.value.zip(next.value).map(|(t, u)| t * 10 + u),
                    digits: 2,
                    start: number.start,
                    end: next.end,
                };
                *cur = look;
            }
        }
        check_era_year(cur.text(), number, false)?
    };
    let mut side = era_side(cur, start, era, era_year)?;
    // `年 度`: the fiscal year's two characters spaced too.
    if side.basis == Basis::CalendarYear && side.month.is_none() && side.point.is_none() {
        let mut look = *cur;
        look.skip_spaces();
        if look.eat_str("度") {
            side.basis = Basis::FiscalYear;
            *cur = look;
            end_point(cur, &mut side);
            side.end = cur.pos;
        }
    }
    Ok(Some(side))
}

/// `2019(H31)年`, `2019（平成31）年度`: the era year in brackets after a Gregorian year, when
/// 年 follows. The era is read as in `H31(2019)年` (the era's year is the period's, and a
/// Gregorian year that disagrees is the printed companion warned about: `era_mismatch`).
pub(super) fn bracketed_era_companion(cur: &mut Cursor, side: &mut Side) {
    let mut look = *cur;
    look.skip_spaces();
    if !look.eat('(') {
        return;
    }
    look.skip_spaces();
    let era = if let Some(info) = calendar::ERAS.iter().find(|e| look.starts_with(e.kanji)) {
        look.eat_str(info.kanji);
        look.skip_spaces();
        info.era
    } else if let Some(era) = look.peek().and_then(calendar::era_of_letter) {
        look.bump();
        era
    } else {
        return;
    };
    let era_year = if look.eat('元') {
        Some(1)
    } else {
        look.digits()
            .and_then(|n| n.value)
            .filter(|y| (1..=99).contains(y))
    };
    let Some(era_year) = era_year else {
        return;
    };
    look.skip_spaces();
    if !look.eat(')') {
        return;
    }
    let mut after = look;
    after.skip_spaces();
    if !after.starts_with("年") {
        return;
    }
    let printed = side.year as u32;
    side.era = Some(era);
    side.era_year = Some(era_year as i32);
    side.year = calendar::gregorian_year(era, era_year as i32);
    side.companion = Some(printed);
    *cur = look;
}
