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
//!
//! Both text readers ask the same question of the whole text: the `-raw` reader
//! ([`crate::raw_rows`]) reads its lines so, and the cells of space-aligned, pipe and
//! one-cell-per-line blocks (`pdftotext -layout` of the same prints) are read by
//! [`tighten_cell`]: one printed cell, in which only a value's boundary or a list
//! number's space is the document's own.

use std::borrow::Cow;

use crate::layout::{is_ordinal, SourceLine};
use crate::normalize::is_cjk_letter;
use crate::raw_rows::values::{is_unit, is_value};

/// Below this many spaced meetings of the scripts a text says nothing either way.
const MIN_SPACED_MEETINGS: usize = 8;
/// A text prints script spaces when at most one meeting in this many is printed tight.
const TIGHT_MEETINGS_ALLOWED_ONE_IN: usize = 20;

/// Whether a space between `before` and `after` is where the scripts meet.
fn scripts_meet(before: char, after: char) -> bool {
    (is_cjk_letter(before) && after.is_ascii_alphanumeric())
        || (before.is_ascii_alphanumeric() && is_cjk_letter(after))
}

/// Whether the text prints a space at (nearly) every meeting of Japanese and Latin
/// letters or digits, and often enough to tell. A wide gap (two spaces or more, a tab)
/// is a column's edge, and says nothing either way. One pass over the text's bytes:
/// every meeting has a Latin letter or digit on one side, so only the characters around
/// those are decoded (a text of `-layout` tables is mostly spaces and Japanese).
pub(crate) fn prints_script_spaces(lines: &[SourceLine]) -> bool {
    let (mut spaced, mut tight) = (0usize, 0usize);
    for line in lines {
        let (spaced_here, tight_here) = script_meetings(line.raw);
        spaced += spaced_here;
        tight += tight_here;
    }
    spaced >= MIN_SPACED_MEETINGS && tight * TIGHT_MEETINGS_ALLOWED_ONE_IN <= spaced
}

/// The meetings of the scripts in one line: `(spaced, tight)`, spaced ones with exactly
/// one space between the two letters.
fn script_meetings(raw: &str) -> (usize, usize) {
    let (mut spaced, mut tight) = (0usize, 0usize);
    for (i, b) in raw.bytes().enumerate() {
        if !b.is_ascii_alphanumeric() {
            continue;
        }
        // An ASCII byte is a whole character: the text splits at it.
        let (before, after) = (&raw[..i], &raw[i + 1..]);
        let mut back = before.chars().rev();
        match back.next() {
            Some(' ') if back.next().is_some_and(is_cjk_letter) => spaced += 1,
            Some(c) if is_cjk_letter(c) => tight += 1,
            _ => {}
        }
        let mut ahead = after.chars();
        match ahead.next() {
            Some(' ') if ahead.next().is_some_and(is_cjk_letter) => spaced += 1,
            Some(c) if is_cjk_letter(c) => tight += 1,
            _ => {}
        }
    }
    (spaced, tight)
}

/// Each usable line read as [`tighten_line`] reads it (for a text that prints script
/// spaces); the others, which no reader of this text looks at, as printed.
pub(crate) fn tightened_lines<'a>(lines: &[SourceLine<'a>], usable: &[bool]) -> Vec<Cow<'a, str>> {
    lines
        .iter()
        .zip(usable)
        .map(|(l, &usable)| {
            if usable {
                Cow::Owned(tighten_line(l.raw))
            } else {
                Cow::Borrowed(l.raw)
            }
        })
        .collect()
}

/// `text` with every single space where the scripts meet taken out: one printed cell (a
/// name, a value, a header term), which has no cell boundary inside.
pub(crate) fn tighten(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // The character before the one looked at; the one after it is peeked at.
    let (mut before, mut chars) = (None, text.chars().peekable());
    while let Some(c) = chars.next() {
        let inner_space = c == ' '
            && match (before, chars.peek()) {
                (Some(b), Some(&next)) => b != ' ' && next != ' ' && scripts_meet(b, next),
                _ => false,
            };
        if !inner_space {
            out.push(c);
        }
        before = Some(c);
    }
    out
}

/// A printed cell of a table whose columns the layout kept (a run of a space-aligned
/// line, a pipe table's cell, a line of a one-cell-per-line block), read back for a text
/// that prints script spaces, line by line. Such a cell has no boundary inside but between
/// the values of a cell that holds several (columns squeezed together: `8 件/年 5 件/年`)
/// and after a list number (`1 港湾施設の機能強化`, a projects item): a list number keeps
/// its space, the rest is read by the value grammar ([`tighten_line`]), and then every
/// space still left where the scripts meet is taken out, unless a value starts after it.
pub(crate) fn tighten_cell(text: &str) -> String {
    if !has_spaced_meeting(text) {
        // Every rule below takes out a space where the scripts meet, and only such a space.
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let (label, rest) = line.split_at(leading_label_end(line).unwrap_or(0));
        out.push_str(label);
        out.push_str(&close_meetings(&tighten_line(rest)));
    }
    out
}

/// Where a line's text starts after a leading list number or code and its space, which
/// are the document's own: `1 港湾施設の機能強化` (a projects item), `A-1 地域経済の活性化`,
/// `1-2 創業の支援` (a code). `None` when the line starts with neither, or with a number
/// and its unit (`3 件/年`, `1 歳 6 か月児`: a value).
fn leading_label_end(line: &str) -> Option<usize> {
    let (first, rest) = line.split_once(' ')?;
    let next = rest.split(' ').next()?;
    let list_number = is_ordinal(first) && !is_unit_word(first, next);
    (!next.is_empty() && (list_number || is_code(first))).then_some(first.len() + 1)
}

/// A section or measure code: Latin letters and digits in parts joined by hyphens, ending
/// in a digit (`A-1`, `A-1-1`, `1-2`).
fn is_code(word: &str) -> bool {
    word.contains('-')
        && word.starts_with(|c: char| c.is_ascii_alphanumeric())
        && word.ends_with(|c: char| c.is_ascii_digit())
        && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// `text` with the single spaces where the scripts meet taken out, except those before
/// a word that starts a value (the boundary between two values of one cell).
fn close_meetings(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let mut out = String::with_capacity(text.len());
    for (n, word) in words.iter().enumerate() {
        if n > 0 {
            let before = words[n - 1];
            let next = words.get(n + 1).copied().filter(|w| !w.is_empty());
            let inside = !before.is_empty()
                && !word.is_empty()
                && meets(before, word)
                && !starts_value(word, next);
            if !inside {
                out.push(' ');
            }
        }
        out.push_str(word);
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
/// Japanese letter, holds no digit, and makes a value with the number. A bare number's
/// characters are all taken before a unit, and a unit with `・` in it (a count in two
/// units, `14組・19人`) has no number of its own after the dot: the number and the word
/// make a value exactly when the word reads as a unit, which is asked without writing the
/// two out together (this is asked of nearly every pair of words of a script-spaced
/// text's cells).
fn is_unit_word(number: &str, word: &str) -> bool {
    debug_assert!(is_bare_number(number), "{number:?} is no bare number");
    word.starts_with(is_cjk_letter) && !word.chars().any(|c| c.is_ascii_digit()) && is_unit(word)
}

/// Whether `word` opens a value (see [`tighten_line`]): a value, but not a bare number
/// that the next word goes on from in Japanese (`20` of `20 代・30 代の割合`, a figure
/// inside a name).
fn starts_value(word: &str, next: Option<&str>) -> bool {
    is_value(word) && !(is_bare_number(word) && next.is_some_and(|n| n.starts_with(is_cjk_letter)))
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
pub(crate) fn tighten_line(raw: &str) -> String {
    if !has_spaced_meeting(raw) {
        // Every rule below takes out a space where the scripts meet, and only such a space.
        return raw.to_string();
    }
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
            && is_ordinal(word)
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
    let glued_words: Vec<&str> = glued.split(' ').filter(|w| !w.is_empty()).collect();
    // The name before a row's first value: one text. A row number before it keeps its
    // space.
    let first_value = (0..glued_words.len())
        .find(|&k| starts_value(glued_words[k], glued_words.get(k + 1).copied()));
    let Some(first_value) = first_value.filter(|&k| k > 0) else {
        return glued;
    };
    let name_from = usize::from(is_ordinal(glued_words[0]) && first_value > 1);
    let name = tighten(&glued_words[name_from..first_value].join(" "));
    let mut out = String::with_capacity(glued.len());
    for word in &glued_words[..name_from] {
        out.push_str(word);
        out.push(' ');
    }
    out.push_str(&name);
    for word in &glued_words[first_value..] {
        out.push(' ');
        out.push_str(word);
    }
    out
}

/// Whether `text` has a single space where the scripts meet (`12 人`).
fn has_spaced_meeting(text: &str) -> bool {
    let mut chars = text.chars();
    let (mut before, mut at) = (chars.next(), chars.next());
    for after in chars {
        if at == Some(' ') && before.is_some_and(|b| scripts_meet(b, after)) {
            return true;
        }
        (before, at) = (at, Some(after));
    }
    false
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
    figure_unit != without_comparator(unit) && (n > 0 || !is_ordinal(number) || label_follows())
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

/// The pieces of a line split at single spaces written back, without the space after
/// each piece `join` marks.
fn glue(pieces: &[&str], join: &[bool]) -> String {
    let mut out = String::with_capacity(pieces.iter().map(|p| p.len() + 1).sum());
    for (i, p) in pieces.iter().enumerate() {
        if i > 0 && !join[i - 1] {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{is_bare_number, is_unit_word, script_meetings, scripts_meet, tighten_cell};
    use crate::normalize::is_cjk_letter;
    use crate::raw_rows::values::is_value;

    /// The meetings read character by character: a letter, one space and a letter of the
    /// other script is spaced; two letters side by side are tight.
    fn meetings_char_by_char(raw: &str) -> (usize, usize) {
        let chars: Vec<char> = raw.chars().collect();
        let (mut spaced, mut tight) = (0, 0);
        for (i, &c) in chars.iter().enumerate() {
            if i >= 2 && chars[i - 1] == ' ' && scripts_meet(chars[i - 2], c) {
                spaced += 1;
            } else if i >= 1 && scripts_meet(chars[i - 1], c) {
                tight += 1;
            }
        }
        (spaced, tight)
    }

    /// [`super::tighten`] as its doc says it, over a vector of the characters.
    fn tighten_char_by_char(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        (0..chars.len())
            .filter(|&i| {
                let inner_space = chars[i] == ' '
                    && i > 0
                    && chars[i - 1] != ' '
                    && chars
                        .get(i + 1)
                        .is_some_and(|&next| next != ' ' && scripts_meet(chars[i - 1], next));
                !inner_space
            })
            .map(|i| chars[i])
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn tighten_takes_out_the_single_spaces_where_the_scripts_meet(
            s in "[a5 \u{3000}漢かカー・(（)é\t]{0,30}"
        ) {
            proptest::prop_assert_eq!(super::tighten(&s), tighten_char_by_char(&s));
        }

        /// The byte scan counts what the characters show.
        #[test]
        fn meetings_are_counted_as_the_characters_show(
            s in "[a5 \u{3000}漢かカー・(（)é\t]{0,30}"
        ) {
            proptest::prop_assert_eq!(script_meetings(&s), meetings_char_by_char(&s));
        }

        /// A unit word is what makes a value with the bare number before it, as the value
        /// grammar reads the two written together.
        #[test]
        fn a_unit_word_makes_a_value_with_its_number(
            number in "約?[▲△+-]?[0-9][0-9,.]{0,4}",
            word in "[人件年/千トン以上下未満超の・(（、。約▲0-9a]{0,7}"
        ) {
            proptest::prop_assume!(is_bare_number(&number));
            let written_together = word.starts_with(is_cjk_letter)
                && !word.chars().any(|c| c.is_ascii_digit())
                && is_value(&format!("{number}{word}"));
            proptest::prop_assert_eq!(is_unit_word(&number, &word), written_together);
        }
    }

    /// One printed cell of a text that spaces the scripts (invented cells, shaped like the
    /// LibreOffice prints' `-layout` text): read back as printed but where a value starts
    /// or a list number or code is the document's own.
    #[test]
    fn a_printed_cell_is_read_back_but_for_its_boundaries() {
        // A value: its number and unit, its era in brackets; one that starts with a number
        // that could be a row number is still a value in a cell of its own.
        assert_eq!(tighten_cell("3,120 千トン (R 元)"), "3,120千トン (R元)");
        assert_eq!(tighten_cell("5 人/年"), "5人/年");
        assert_eq!(tighten_cell("3 人/年 (R 元)"), "3人/年 (R元)");
        // A name or a header term: one text.
        assert_eq!(
            tighten_cell("市内に住所を有する 29 歳以下の従業者の割合"),
            "市内に住所を有する29歳以下の従業者の割合"
        );
        assert_eq!(
            tighten_cell("市民 1 人あたりの公共交通利用回数"),
            "市民1人あたりの公共交通利用回数"
        );
        assert_eq!(tighten_cell("現状値（R5 年度末）"), "現状値（R5年度末）");
        // Two values of squeezed columns stay two; values in parts read as one run.
        assert_eq!(tighten_cell("8 件/年 5 件/年"), "8件/年 5件/年");
        assert_eq!(
            tighten_cell("1 歳 6 か月児 96.1% 3 歳児"),
            "1歳6か月児96.1% 3歳児"
        );
        // A projects list keeps each item's number; its text is read back.
        assert_eq!(
            tighten_cell("1 港湾施設の機能強化\n2 LED 照明 100 基の設置"),
            "1 港湾施設の機能強化\n2 LED照明100基の設置"
        );
        // A code keeps its space.
        assert_eq!(tighten_cell("A-1 地域経済の活性化"), "A-1 地域経済の活性化");
        assert_eq!(tighten_cell("1-2 創業の支援"), "1-2 創業の支援");
    }
}
