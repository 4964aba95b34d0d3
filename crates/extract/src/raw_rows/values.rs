//! The words of a `-raw` line and what they are: values (a number with a short unit, or a
//! dash), the notes printed after a value (`(H30)`, `※R4実績は未確定`), list items, row
//! numbers, page numbers; and the reading of one row's values, on one line or over several.

use crate::layout::{bracket_depth, is_ordinal};

/// Characters of a unit after a number (`百万円`, `事業者`, `個/年`, `人/年`).
const MAX_UNIT_CHARS: usize = 4;
/// A row's values are printed over at most this many lines (a value wrapped in its column,
/// its period on the next line).
pub(super) const MAX_VALUE_LINES: usize = 12;

/// The space-separated words of a line.
pub(super) fn words(raw: &str) -> Vec<&str> {
    raw.split([' ', '\u{3000}'])
        .filter(|w| !w.is_empty())
        .collect()
}

/// A number with a short unit and an optional comparator word, or a dash. `約` before the
/// number marks it approximate; a count in two units joined by `・` (`14組・19人`:
/// households and people) is one value.
pub(crate) fn is_value(word: &str) -> bool {
    if matches!(word, "-" | "－" | "―" | "—" | "‐") {
        return true;
    }
    let word = word.strip_prefix('約').unwrap_or(word);
    if let Some((first, second)) = word.split_once('・') {
        // Two units: the same unit twice is a list of categories (`20代・30代`).
        return is_number_with_unit(first)
            && is_number_with_unit(second)
            && unit_of(first) != unit_of(second);
    }
    is_number_with_unit(word)
}

/// The characters after a number's digits.
fn unit_of(word: &str) -> &str {
    let rest = word.trim_start_matches(['▲', '△', '-', '+', '－', '＋']);
    rest.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ',' | '.'))
}

fn is_number_with_unit(word: &str) -> bool {
    let rest = word.trim_start_matches(['▲', '△', '-', '+', '－', '＋']);
    rest.starts_with(|c: char| c.is_ascii_digit()) && is_unit(unit_of(word))
}

/// Whether the characters after a number's digits read as a value's unit (`人`,
/// `件/年`, `人以上`, or none): a short unit and an optional comparator word, with no
/// digit, bracket, punctuation or `の` in it (which make a phrase, not a unit).
pub(crate) fn is_unit(after_digits: &str) -> bool {
    let mut unit = after_digits;
    for comparator in ["以上", "以下", "未満", "超"] {
        while let Some(before) = unit.strip_suffix(comparator) {
            unit = before;
        }
    }
    unit.chars().count() <= MAX_UNIT_CHARS
        && !unit
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '(' | '（' | '、' | '。' | '・' | 'の'))
}

/// A period or note printed after a value: `(H30)`, `（R元）`, `※R4実績は未確定`.
pub(super) fn is_value_note(word: &str) -> bool {
    let bracketed = (word.starts_with('(') && word.ends_with(')'))
        || (word.starts_with('（') && word.ends_with('）'));
    bracketed || word.starts_with('※')
}

/// The unit of the figure `word` ends with (`小学6年生88.2%` → `%`, `95.0%` → `%`): its
/// last number and what follows it, when that reads as a value. A note (`(H29)`) is none.
pub(super) fn figure_unit(word: &str) -> Option<&str> {
    if is_value_note(word) {
        return None;
    }
    let digits_end = word.rfind(|c: char| c.is_ascii_digit())? + 1;
    let number_start = word[..digits_end]
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, ',' | '.')))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let figure = &word[number_start..];
    (figure.starts_with(|c: char| c.is_ascii_digit()) && is_value(figure))
        .then(|| &word[digits_end..])
}

/// A word that opens a note after a value: a bracket (closed on this word or later) or `※`.
fn opens_note(word: &str) -> bool {
    word.starts_with(['(', '（', '※'])
}

/// A numbered list item (`1 企業誘致促進`), as a projects cell continues.
pub(super) fn is_list_item(raw: &str) -> bool {
    let w = words(raw);
    w.len() >= 2 && is_ordinal(w[0]) && !is_value(w[1])
}

/// A numbered item that goes on from the list `rest` ends with (`5 6次産業化` after `4 …`):
/// a list item even where its text reads as a value (`6次産業化`: a number and a short
/// "unit").
pub(super) fn continues_list(raw: &str, rest: &str) -> bool {
    let number = |word: &str| is_ordinal(word).then(|| word.parse::<u32>().ok()).flatten();
    let w = words(raw);
    let last = rest
        .lines()
        .next_back()
        .and_then(|l| words(l).first().copied())
        .and_then(number);
    w.len() >= 2 && matches!((number(w[0]), last), (Some(n), Some(m)) if n == m + 1)
}

/// A heading that starts with a section code (`A-1-1 地域産業の…`, `I-2 …`): never part
/// of a wrapped name.
pub(super) fn is_code_heading(raw: &str) -> bool {
    let w = words(raw);
    let Some(code) = w.first() else {
        return false;
    };
    w.len() >= 2
        && code.contains('-')
        && code.starts_with(|c: char| c.is_ascii_alphabetic())
        && code.ends_with(|c: char| c.is_ascii_digit())
        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// A row number on a line of its own (`3`, above a wrapped name).
pub(super) fn is_row_number(raw: &str) -> bool {
    is_ordinal(raw.trim())
}

/// A printed page number (`- 22 -`): page furniture, not a row of dashes and a number.
pub(super) fn is_page_number(raw: &str) -> bool {
    let t = raw.trim();
    let inner = t
        .strip_prefix(['-', '－', '‐'])
        .and_then(|t| t.strip_suffix(['-', '－', '‐']))
        .map(str::trim);
    inner.is_some_and(|n| (1..=4).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The width of a line as printed (East Asian wide characters count 2): a cell wrapped in
/// its column fills the column on every line but its last.
pub(super) fn display_width(raw: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(raw.trim())
}

/// One line (or a run of lines) read as a row.
pub(super) struct Row {
    /// A row number printed before the name (`1 特許保有件数`).
    pub number: Option<String>,
    pub name: String,
    pub values: Vec<String>,
    /// The words after the value columns (a projects cell).
    pub rest: String,
    /// Vertical writing printed one character a line just above the row (the `数値目標`
    /// label of a merged cell): a cell before the name.
    pub label: Option<String>,
    /// The values stop at the line's end inside a note, with value columns left: the note
    /// and the other values continue on the next line.
    pub open_note: bool,
    /// The line ended with value columns left: the next lines may print the row's last
    /// cells one a line (`設立` / `（R4年）` / `順調`).
    pub open_cells: bool,
    /// The last value column was filled by words that end the line (a value in words,
    /// `航路数の増加・コンテナの`): a short line after it may be its wrapped end.
    pub open_words: bool,
}

impl Row {
    /// A row of a name and its values, nothing open.
    pub(super) fn named(name: String, values: Vec<String>) -> Row {
        Row {
            number: None,
            name,
            values,
            rest: String::new(),
            label: None,
            open_note: false,
            open_cells: false,
            open_words: false,
        }
    }

    /// `piece`, the wrapped end of the projects cell's last item, joined to that item.
    pub(super) fn join_to_last_item(&mut self, piece: String) {
        let (head, last) = self.rest.rsplit_once('\n').unwrap_or(("", &self.rest));
        let joined = crate::layout::join_wrapped(&[last.to_string(), piece]);
        self.rest = if head.is_empty() {
            joined
        } else {
            format!("{head}\n{joined}")
        };
    }
}

/// One line as a row, or `None` when it does not hold a run of at least two values.
pub(super) fn parse_row(raw: &str, value_columns: usize) -> Option<Row> {
    if is_page_number(raw) {
        return None;
    }
    let w = words(raw);
    let mut i = 0;
    let mut number = None;
    if w.len() > 2 && is_ordinal(w[0]) && !is_value(w[1]) {
        number = Some(w[0].to_string());
        i = 1;
    }
    let name_start = i;
    while i < w.len() && !is_value(w[i]) {
        i += 1;
    }
    let name = w[name_start..i].join(" ");
    if name.ends_with('。') {
        // A sentence (a narrative line that ends near a page number), not a KPI name.
        return None;
    }
    let mut values: Vec<String> = Vec::new();
    let numbers = take_values(&w, &mut i, &mut values, value_columns);
    if numbers < 2 {
        return None;
    }
    // A "name" with a figure in a unit of the values (`1歳6か月児97.0% 3歳児95.8%` before
    // `98.0%`) is values in parts, each a label and a figure, not a KPI name.
    let value_units: Vec<&str> = values
        .iter()
        .filter_map(|v| v.split(' ').next().and_then(figure_unit))
        .collect();
    if w[name_start..]
        .iter()
        .take_while(|w| !is_value(w))
        .any(|n| figure_unit(n).is_some_and(|u| value_units.contains(&u)))
    {
        return None;
    }
    let open_note = i == w.len()
        && values.len() < value_columns
        && values.last().is_some_and(|v| v.contains('※'));
    let before_words = values.len();
    take_words(&w, &mut i, &mut values, value_columns);
    let open_cells = !open_note && values.len() < value_columns;
    let open_words = values.len() > before_words && i == w.len() && !open_cells;
    Some(Row {
        number,
        name,
        values,
        rest: w[i..].join(" "),
        label: None,
        open_note,
        open_cells,
        open_words,
    })
}

/// Values from word `i` on, each with the periods and notes printed after it, while value
/// columns remain. Returns how many were taken.
fn take_values(w: &[&str], i: &mut usize, values: &mut Vec<String>, columns: usize) -> usize {
    let before = values.len();
    while values.len() < columns && *i < w.len() && is_value(w[*i]) {
        let mut value = w[*i].to_string();
        *i += 1;
        while *i < w.len() && is_value_note(w[*i]) {
            value.push(' ');
            value.push_str(w[*i]);
            *i += 1;
        }
        values.push(value);
    }
    values.len() - before
}

/// The value columns still empty take one word each (a status such as `遅延`).
fn take_words(w: &[&str], i: &mut usize, values: &mut Vec<String>, columns: usize) {
    while values.len() < columns && *i < w.len() {
        values.push(w[*i].to_string());
        *i += 1;
    }
}

/// A line after a row whose last value ended in a note at the line's end (`※R4実績は未`):
/// words before the first value continue the note (`確定`), values fill the value columns
/// left, and what follows is the rest. Returns whether the row is still open.
pub(super) fn continue_row(row: &mut Row, raw: &str, value_columns: usize) -> bool {
    let w = words(raw);
    let mut i = 0;
    while i < w.len() && !is_value(w[i]) {
        i += 1;
    }
    if i > 0 {
        if let Some(last) = row.values.last_mut() {
            let piece = w[..i].join(" ");
            *last = crate::layout::join_wrapped(&[last.clone(), piece]);
        }
    }
    if i == w.len() {
        return true;
    }
    take_values(&w, &mut i, &mut row.values, value_columns);
    take_words(&w, &mut i, &mut row.values, value_columns);
    row.rest = w[i..].join(" ");
    false
}

/// Whether a line can start a row's values printed apart from its name (the name wrapped on
/// the lines above): its first word is a value, and it is not a list item, a row number or
/// a page number.
pub(super) fn starts_values(raw: &str) -> bool {
    words(raw).first().is_some_and(|w| is_value(w))
        && !is_list_item(raw)
        && !is_row_number(raw)
        && !is_page_number(raw)
}

/// The values of a row whose name was printed on the lines above, from line `lines[0]` on:
/// a value wrapped in its column goes on over the next lines (`54.1% (参考：依頼会員 516` /
/// `人、提供会員 279人) (H31.3)`), a period may stand on the line after its value
/// (`66.7%` / `(H27国勢調査)`), and a line may hold several cells or part of one. Brackets
/// and a `※` note left open at a line's end continue on the next line; a new line otherwise
/// starts with a value (or, while columns remain, a note of the last one).
///
/// Every value column holds one value; when the lines hold a whole multiple of the columns
/// and nothing else, each column holds that many (two figures, one a line, for two
/// places). Returns the row (without a name) and how many lines it took, or `None` when
/// fewer than two values were found.
pub(super) fn read_value_run(lines: &[&str], columns: usize) -> Option<(Row, usize)> {
    read_values(lines, columns, 2)
}

/// The values a row whose line ended with value columns left goes on with on the lines
/// after it (`町内の…年間販売額 123,000千円 150,000千円` / `141,200千円 (R4見` / `込)`), read
/// as [`read_value_run`] reads them for the `columns` left; one value is enough.
pub(super) fn read_more_values(lines: &[&str], columns: usize) -> Option<(Row, usize)> {
    read_values(lines, columns, 1)
}

/// [`read_value_run`], `None` when fewer than `min_values` values were found.
fn read_values(lines: &[&str], columns: usize, min_values: usize) -> Option<(Row, usize)> {
    let first = *lines.first()?;
    if columns == 0 || !starts_values(first) {
        return None;
    }
    let mut values: Vec<String> = Vec::new();
    // Brackets left open by the last value's note, and a `※` note ending the last line.
    let mut open_brackets = 0;
    let mut open_note = false;
    let mut rest: Vec<&str> = Vec::new();
    let mut taken = 0;
    // The reading as it stood when the value columns were first all filled at a line's
    // end: what the row is unless the later lines make a whole multiple of the columns.
    let mut filled: Option<(Vec<String>, usize)> = None;
    'lines: for (k, raw) in lines.iter().enumerate().take(MAX_VALUE_LINES) {
        let w = words(raw);
        let mut i = 0;
        if open_brackets > 0 || (open_note && values.len() < columns) {
            // The last value's note goes on: to its closing bracket, or (a `※` note) up
            // to a value.
            let note_goes_on = open_brackets == 0;
            let from = i;
            while i < w.len() && (open_brackets > 0 || (note_goes_on && !is_value(w[i]))) {
                open_brackets = (open_brackets + bracket_depth(w[i])).max(0);
                i += 1;
            }
            if let Some(last) = values.last_mut() {
                *last = crate::layout::join_wrapped(&[last.clone(), w[from..i].join(" ")]);
            }
        } else if k > 0 {
            let note_line = w.first().is_some_and(|w| opens_note(w)) && values.len() < columns;
            if !(starts_values(raw) || note_line) {
                break;
            }
        }
        open_note = false;
        taken = k + 1;
        while i < w.len() {
            let word = w[i];
            let list_marker = values.len() >= columns
                && is_ordinal(word)
                && w.get(i + 1).is_some_and(|next| !is_value(next));
            if is_value(word) && !list_marker {
                values.push(word.to_string());
                i += 1;
            } else if opens_note(word) && !values.is_empty() {
                let mut note = vec![word];
                let mut balance = bracket_depth(word);
                i += 1;
                while balance > 0 && i < w.len() {
                    balance += bracket_depth(w[i]);
                    note.push(w[i]);
                    i += 1;
                }
                open_brackets = balance.max(0);
                open_note = word.starts_with('※') && i == w.len();
                if let Some(last) = values.last_mut() {
                    last.push(' ');
                    last.push_str(&note.join(" "));
                }
            } else {
                rest = w[i..].to_vec();
                break 'lines;
            }
        }
        if filled.is_none() && values.len() >= columns && open_brackets == 0 {
            filled = Some((values.clone(), taken));
        }
    }
    let multiple = values.len() > columns
        && values.len().is_multiple_of(columns)
        && rest.is_empty()
        && taken > 1
        && open_brackets == 0;
    if multiple {
        let per_column = values.len() / columns;
        values = values
            .chunks(per_column)
            .map(|chunk| chunk.join(" "))
            .collect();
    } else if let Some((at_fill, lines_at_fill)) = filled.filter(|(_, n)| *n < taken) {
        // Later lines did not make a multiple: the row ends where its columns filled.
        values = at_fill;
        taken = lines_at_fill;
        rest.clear();
    }
    if values.len() < min_values {
        return None;
    }
    // Values beyond the columns on the same line start the rest (`1` of `1 事業名`); words
    // fill the columns left (a status `遅延`).
    let mut rest_words: Vec<String> = values.split_off(values.len().min(columns));
    let mut words_taken = 0;
    while values.len() < columns && words_taken < rest.len() {
        values.push(rest[words_taken].to_string());
        words_taken += 1;
    }
    rest_words.extend(rest[words_taken..].iter().map(ToString::to_string));
    let open_cells = values.len() < columns;
    Some((
        Row {
            number: None,
            name: String::new(),
            values,
            rest: rest_words.join(" "),
            label: None,
            open_note: false,
            open_cells,
            open_words: words_taken > 0 && rest_words.is_empty() && !open_cells,
        },
        taken,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_numbers_with_short_units_or_dashes() {
        for v in [
            "126品",
            "33,097個/年",
            "42.2%以上",
            "1.54‰",
            "574,963百万円",
            "8事業者",
            "-",
            "2.0トン",
            "345人",
            "△12",
            "約32,000件/年",
            "14組・19人",
        ] {
            assert!(is_value(v), "{v}");
        }
        for v in [
            "34歳以下の就職率（ハローワーク上越管内、パートを",
            "20代・30代",
            "H30",
            "(H30)",
            "遅延",
            "1,000人の会",
            "約束",
            "1・2・3",
        ] {
            assert!(!is_value(v), "{v}");
        }
    }

    #[test]
    fn a_page_number_is_not_a_row() {
        assert!(is_page_number("- 22 -"));
        assert!(is_page_number("-9-"));
        assert!(!is_page_number("- - -"));
        assert!(parse_row("- 22 -", 3).is_none());
        assert!(!starts_values("- 22 -"));
        assert!(parse_row("- - -", 3).is_some());
    }

    #[test]
    fn a_row_is_a_name_and_a_run_of_values() {
        let r = parse_row("メイド・イン上越認証品数（累計） 126品 (R元) 166品 176品 1 地域食材を活用した特産品の開発・販路拡大", 3).unwrap();
        assert_eq!(r.name, "メイド・イン上越認証品数（累計）");
        assert_eq!(r.values, ["126品 (R元)", "166品", "176品"]);
        assert_eq!(r.rest, "1 地域食材を活用した特産品の開発・販路拡大");
        let r = parse_row("1 特許保有件数（総数） 153件 153件 144件 200件 遅延", 5).unwrap();
        assert_eq!(r.number.as_deref(), Some("1"));
        assert_eq!(r.values, ["153件", "153件", "144件", "200件", "遅延"]);
        let mut r = parse_row(
            "製造品出荷額等 574,963百万円 (H29) 589,989百万円 (R3) ※R4実績は未",
            3,
        )
        .unwrap();
        assert!(r.open_note);
        assert!(!continue_row(
            &mut r,
            "確定 706,283百万円 1 中小企業研究開発支援",
            3
        ));
        assert_eq!(
            r.values,
            [
                "574,963百万円 (H29)",
                "589,989百万円 (R3) ※R4実績は未確定",
                "706,283百万円"
            ]
        );
        assert_eq!(r.rest, "1 中小企業研究開発支援");
        let r = parse_row("39.8% (H30) 36.2% 45.7%", 3).unwrap();
        assert_eq!(r.name, "");
        assert!(parse_row("2060 年に総人口は 39,055 人になることが予測されます。", 3).is_none());
        // A sentence that ends beside a page number (`- 9 -`) is not a row.
        assert!(parse_row("事業を目指すこととしました。 - 9 -", 3).is_none());
        // Figures in a unit of the values before them: values in parts, not a name.
        assert!(parse_row("1歳6か月児97.0% 3歳児95.8% 1歳6か月児 98.0% 3歳児 98.0%", 3).is_none());
        // The next item of a list is one even where its text reads as a value.
        assert!(continues_list(
            "5 6次産業化",
            "3 発酵のまち推進\n4 特産品の開発"
        ));
        assert!(!continues_list("5 6次産業化", "3 発酵のまち推進"));
        assert!(!continues_list("5 6件", ""));
        // A value in words that ends the line may go on on the next one.
        let r = parse_row("港の定期航路数 2航路 (H30) 2航路 航路数の増加・", 3).unwrap();
        assert!(r.open_words);
    }

    fn run(text: &str, columns: usize) -> Option<(Vec<String>, String, usize)> {
        let lines: Vec<&str> = text.lines().collect();
        read_value_run(&lines, columns).map(|(r, n)| (r.values, r.rest, n))
    }

    /// Invented values shaped like the fixtures' wrapped cells.
    #[test]
    fn values_wrapped_over_lines_are_one_cell_each() {
        // A bracket left open at a line's end goes on; the projects list starts after
        // the last column.
        let (values, rest, n) = run(
            "61.3% (参考：登録者 420\n人、利用者 233人) (H31.3)\n58.0% (登録者501人、利用者\n240人)\n61.3%以上 1 見守り事業\n2 次の事業",
            3,
        )
        .unwrap();
        assert_eq!(
            values,
            [
                "61.3% (参考：登録者 420人、利用者 233人) (H31.3)",
                "58.0% (登録者501人、利用者240人)",
                "61.3%以上"
            ]
        );
        assert_eq!((rest.as_str(), n), ("1 見守り事業", 5));
        // Periods on lines of their own, a status after the last value.
        let (values, rest, n) = run(
            "52.1%\n(H27国勢調査)\n-\n(R2国勢調査)\n58.0% 順調\n3\n次の指標",
            4,
        )
        .unwrap();
        assert_eq!(
            values,
            ["52.1% (H27国勢調査)", "- (R2国勢調査)", "58.0%", "順調"]
        );
        assert_eq!((rest.as_str(), n), ("", 5));
        // A `※` note at a line's end goes on up to the next value.
        let (values, _, n) = run(
            "1,200人/日 (H30)\n1,010人/日 (R4) ※R5\n実績は9月に確定\n1,300人/日\n次の指標の名前",
            3,
        )
        .unwrap();
        assert_eq!(
            values,
            [
                "1,200人/日 (H30)",
                "1,010人/日 (R4) ※R5実績は9月に確定",
                "1,300人/日"
            ]
        );
        assert_eq!(n, 4);
    }

    #[test]
    fn two_figures_a_column_when_the_lines_hold_twice_the_columns() {
        let (values, _, n) = run(
            "120人 (H30 東館)\n340人 (H30 西館)\n150人 (東館) 310人 (西\n館)\n200人以上 (東館)\n400人以上 (西館)\n1 施設運営",
            3,
        )
        .unwrap();
        assert_eq!(
            values,
            [
                "120人 (H30 東館) 340人 (H30 西館)",
                "150人 (東館) 310人 (西館)",
                "200人以上 (東館) 400人以上 (西館)"
            ]
        );
        assert_eq!(n, 6);
        // Not a multiple: the row ends where its columns filled, the next line is left.
        let (values, _, n) = run("10件 12件 15件\n20件 (H30)", 3).unwrap();
        assert_eq!(values, ["10件", "12件", "15件"]);
        assert_eq!(n, 1);
        // A department line after a full row is not a note of its last value.
        let (values, _, n) = run("10件 12件 15件\n(企画課)", 3).unwrap();
        assert_eq!(values, ["10件", "12件", "15件"]);
        assert_eq!(n, 1);
    }
}
