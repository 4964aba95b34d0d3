//! Texts that print a space wherever Japanese meets Latin letters or digits (`令和 4 年度`,
//! `12 人 (R 元)`): `pdftotext` shows the font change of some PDFs (LibreOffice's, among
//! others) as a word break, so a value's number and unit, an era label and a name's figures
//! (`29 歳以下の`) come apart into words. A real cell boundary looks the same (`創業件数 3
//! 件/年 8 件/年`), so the spaces are not dropped everywhere: the value grammar tells which
//! belong to one value, note or name.
//!
//! A text prints such spaces when nearly every meeting of the two scripts has one
//! ([`prints_script_spaces`]). Each of its lines is then read with the spaces inside a value
//! (a number and the unit word after it), inside a bracketed note and inside the name before
//! a row's first value taken out ([`tighten_line`]); the cells read from it are tightened
//! whole ([`tighten`]), as each is one printed cell.

use super::values::is_value;
use crate::layout::SourceLine;

/// Below this many spaced meetings of the scripts a text says nothing either way.
const MIN_SPACED_MEETINGS: usize = 8;
/// A text prints script spaces when at most one meeting in this many is printed tight.
const TIGHT_MEETINGS_ALLOWED_ONE_IN: usize = 20;

/// A Japanese letter: kanji, kana, the prolonged sound mark (not `・` or other punctuation,
/// which prints tight to anything).
fn is_japanese_letter(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{3041}'..='\u{309f}'
        | '\u{30a1}'..='\u{30fa}'
        | '\u{30fc}'..='\u{30ff}'
        | '々')
}

/// Whether a space between `before` and `after` is where the scripts meet.
fn scripts_meet(before: char, after: char) -> bool {
    (is_japanese_letter(before) && after.is_ascii_alphanumeric())
        || (before.is_ascii_alphanumeric() && is_japanese_letter(after))
}

/// Whether the usable lines print a space at (nearly) every meeting of Japanese and Latin
/// letters or digits, and often enough to tell.
pub(super) fn prints_script_spaces(lines: &[SourceLine], usable: &[bool]) -> bool {
    let (mut spaced, mut tight) = (0usize, 0usize);
    for line in lines
        .iter()
        .zip(usable)
        .filter(|(_, u)| **u)
        .map(|(l, _)| l)
    {
        let mut before: [Option<char>; 2] = [None, None];
        for c in line.raw.chars() {
            match before {
                [Some(a), Some(' ')] if scripts_meet(a, c) => spaced += 1,
                [_, Some(b)] if scripts_meet(b, c) => tight += 1,
                _ => {}
            }
            before = [before[1], Some(c)];
        }
    }
    spaced >= MIN_SPACED_MEETINGS && tight * TIGHT_MEETINGS_ALLOWED_ONE_IN <= spaced
}

/// Each line read as [`tighten_line`] reads it, when the usable lines print script spaces
/// ([`prints_script_spaces`]); `None` otherwise.
pub(super) fn tightened_lines(lines: &[SourceLine], usable: &[bool]) -> Option<Vec<String>> {
    prints_script_spaces(lines, usable).then(|| lines.iter().map(|l| tighten_line(l.raw)).collect())
}

/// `text` with every single space where the scripts meet taken out: one printed cell (a
/// name, a value, a header term), which has no cell boundary inside.
pub(super) fn tighten(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let inner_space = c == ' '
            && i > 0
            && chars.get(i + 1).is_some_and(|&next| {
                next != ' ' && chars[i - 1] != ' ' && scripts_meet(chars[i - 1], next)
            });
        if !inner_space {
            out.push(c);
        }
    }
    out
}

/// A number on its own, as the word before its unit (`12`, `3,120`, `▲1.5`, `約32,000`).
fn is_bare_number(word: &str) -> bool {
    let digits = word
        .strip_prefix('約')
        .unwrap_or(word)
        .trim_start_matches(['▲', '△', '-', '+', '－', '＋']);
    digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
}

/// The unit word after a bare number (`人`, `千トン`, `件/年`, `人以上`): it starts with a
/// Japanese letter, holds no digit, and makes a value with the number.
fn is_unit_word(number: &str, word: &str) -> bool {
    word.starts_with(is_japanese_letter)
        && !word.chars().any(|c| c.is_ascii_digit())
        && is_value(&format!("{number}{word}"))
}

/// A row number or list number (`3`, at a line's start).
fn is_item_number(word: &str) -> bool {
    word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `word` opens a value (see [`tighten_line`]): a value, but not a bare number
/// that the next word goes on from in Japanese (`20` of `20 代・30 代の割合`, a figure
/// inside a name).
fn starts_value(word: &str, next: Option<&str>) -> bool {
    is_value(word)
        && !(is_bare_number(word) && next.is_some_and(|n| n.starts_with(is_japanese_letter)))
}

/// One line of a text that prints script spaces, read back as the document printed it
/// where the value grammar tells: a number and its unit word are one value (`12 人` →
/// `12人`), a bracketed note is one word (`(R 元)` → `(R元)`, `(R4 見` at a line's end →
/// `(R4見`), and the name before a row's first value is one text (`有する 29 歳以下の`).
/// A number that starts the line before a word that reads as a unit is a list or row
/// number (`3 商店街`, `3 出生数 120 人`) unless a note or a figure in that unit follows,
/// and keeps its space; so does every space that is no meeting of the scripts.
/// A line of values in parts (a label with a number in it before each figure: `1 歳 6
/// か月児 96.1% 3 歳児`) is one run of cells with no boundary at a meeting of the scripts,
/// and is tightened whole.
pub(super) fn tighten_line(raw: &str) -> String {
    let pieces: Vec<&str> = raw.split(' ').collect();
    let words: Vec<(usize, &str)> = pieces
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.is_empty())
        .map(|(i, p)| (i, *p))
        .collect();
    let texts: Vec<&str> = words.iter().map(|w| w.1).collect();
    if (0..texts.len()).any(|n| is_label_before_figure(&texts, n)) {
        return tighten(raw);
    }
    // join[i]: the space after piece i is taken out.
    let mut join = vec![false; pieces.len()];
    let adjacent = |n: usize| words[n].0 + 1 == words[n + 1].0;
    // A number and its unit word.
    for n in 0..words.len().saturating_sub(1) {
        let (word, next) = (texts[n], texts[n + 1]);
        if !adjacent(n) || !is_bare_number(word) || !is_unit_word(word, next) {
            continue;
        }
        // A number that starts the line is a list or row number (`3 商店街`, `3 出生数
        // 120 人`) unless a note or a figure in the same unit follows (`12 人 (H30)`, `0 人
        // 0 人`).
        let row_number = n == 0
            && is_item_number(word)
            && !texts.get(n + 2).is_some_and(|a| a.starts_with(['(', '（']))
            && figure_at(&texts, n + 2).map(|f| f.0) != Some(without_comparator(next));
        if !row_number {
            join[words[n].0] = true;
        }
    }
    // Inside a bracketed note, from its opening word to its closing one.
    let mut depth: i32 = 0;
    for n in 0..words.len() {
        for c in texts[n].chars() {
            match c {
                '(' | '（' => depth += 1,
                ')' | '）' => depth = (depth - 1).max(0),
                _ => {}
            }
        }
        if depth > 0 && n + 1 < words.len() && adjacent(n) && meets(texts[n], texts[n + 1]) {
            join[words[n].0] = true;
        }
    }
    let glued = glue(&pieces, &join);
    let glued_words: Vec<&str> = glued
        .iter()
        .map(String::as_str)
        .filter(|w| !w.is_empty())
        .collect();
    // The name before a row's first value: one text. A row number before it keeps its
    // space.
    let first_value = (0..glued_words.len())
        .find(|&k| starts_value(glued_words[k], glued_words.get(k + 1).copied()));
    let Some(first_value) = first_value.filter(|&k| k > 0) else {
        return glued.join(" ");
    };
    let name_from = usize::from(is_item_number(glued_words[0]) && first_value > 1);
    let name = tighten(&glued_words[name_from..first_value].join(" "));
    glued_words[..name_from]
        .iter()
        .copied()
        .chain(std::iter::once(name.as_str()))
        .chain(glued_words[first_value..].iter().copied())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two words meet across the scripts (the first ends where the other starts).
fn meets(a: &str, b: &str) -> bool {
    a.chars()
        .next_back()
        .zip(b.chars().next())
        .is_some_and(|(x, y)| scripts_meet(x, y))
}

/// Whether word `n` starts a label with a number in it, right before a figure in another
/// unit (`6` of `6 か月児 96.1%`, `6 年生 61.2%`): a number, a unit word and a figure
/// whose unit differs, which no run of values prints (a row's values share their unit or
/// are parted by their notes). A number that starts the line is more often a row number
/// before a short name (`3 満足度 45.0% 50.0%`): it starts a label only when another label
/// follows the figure (`3 歳児 85.1% 5 歳`: a number and a unit word not in the figure's
/// unit).
fn is_label_before_figure(words: &[&str], n: usize) -> bool {
    let (Some(number), Some(unit)) = (words.get(n), words.get(n + 1)) else {
        return false;
    };
    if !is_bare_number(number) || !is_unit_word(number, unit) {
        return false;
    }
    let Some((figure_unit, figure_words)) = figure_at(words, n + 2) else {
        return false;
    };
    let label_follows = || {
        let after = n + 2 + figure_words;
        match (words.get(after), words.get(after + 1)) {
            (Some(number), Some(unit)) => {
                is_bare_number(number)
                    && is_unit_word(number, unit)
                    && without_comparator(unit) != figure_unit
            }
            _ => false,
        }
    };
    figure_unit != without_comparator(unit) && (n > 0 || !is_item_number(number) || label_follows())
}

/// The unit of the figure that starts at word `k` (without a comparator, `以上`) and how
/// many words it takes: printed tight (`96.1%` → `%`) or as the unit word after a bare
/// number (`120 人` → `人`). `None` where no figure with a unit starts (a bare number is
/// as often a list number).
fn figure_at<'a>(words: &[&'a str], k: usize) -> Option<(&'a str, usize)> {
    let figure = *words.get(k)?;
    let (unit, taken) = if is_bare_number(figure) {
        let next = *words.get(k + 1)?;
        (is_unit_word(figure, next).then_some(next)?, 2)
    } else if figure.starts_with(|c: char| c.is_ascii_digit()) && is_value(figure) {
        let unit =
            figure.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ',' | '.'));
        (unit, 1)
    } else {
        return None;
    };
    Some((without_comparator(unit), taken))
}

/// A unit without the comparator printed after it (`人以上` → `人`).
fn without_comparator(unit: &str) -> &str {
    ["以上", "以下", "未満", "超"]
        .iter()
        .find_map(|c| unit.strip_suffix(c))
        .unwrap_or(unit)
}

/// The pieces of a line split at single spaces, each run joined where `join` says.
fn glue(pieces: &[&str], join: &[bool]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, p) in pieces.iter().enumerate() {
        current.push_str(p);
        if !join[i] {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}
