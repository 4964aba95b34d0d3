//! Tables flattened onto one line: a web transcript of a PDF that kept the words of a page
//! in reading order but none of its line breaks.
//!
//! ```text
//! 資料2 達成度:順調A,要改善B (1)基本目標 目標指標 基準値 (H26) 実績値 (H27) 目標値 (H31) 5 8 10 延べ 3 延べ 7 延べ 9 新規就農者数(人) 空き家バンク成約件数(件) ■施策① … H27 指 標 名 市民農園の利用区画数(区画) 現状値 (H26) 120 実績 達成度 目標値 (H31) 131 A 150 …
//! ```
//!
//! The words are single-space separated; a word spaced out one character at a time
//! (`指 標 名`) is joined, so is a word broken after `・` (`改善・ 悪化`) and a count word
//! standing before its number (`延べ 3`, read `延べ3`). A **header** is a name term (`指標名`, `目標指標`)
//! followed by at least two value terms (`基準値`, `実績`, `達成度`), each with the period
//! printed after it (`(H26)`), with at most [`MAX_HEADER_GAP`] other words between two terms
//! (a transcript interleaves a tall header with the first row's cells). A period printed
//! just before the name term is a group header's (`H27` over `実績 | 達成度`): it goes to
//! the first value column without a period of its own.
//!
//! After a header of N value columns, up to the next header, the words make **rows**:
//! - a name (a word that is no value, period or bracketed note) followed by exactly N
//!   values (numbers, `延べ 3`, status marks `○ A -`), and by no further value;
//! - right after the header only, k × N values followed by k names: a table whose name
//!   column came out after its value columns, read row by row.
//!
//! Every other word stays text, in order, cut into lines before words that start a
//! heading (`■`, `①`, `(1)`), so that a legend or a heading is a line of its own; values
//! that make no row are kept as text with a warning. The produced lines all carry the
//! source line's number. A line is read this way only when it is long and has no wide
//! gaps (those are space-aligned), and only when a header with at least one row is found;
//! the work is linear in the line's words.

mod yearly;

use super::vocabulary::{is_period_only, HeaderKind, HeaderVocabulary};
use super::{make_cell, Arranged, Arrangement, Block, SourceLine};
use crate::cells::Cell;
use crate::diag::WarningCode;
use crate::normalize::normalize;

/// Shorter lines are ordinary lines, not flattened pages.
const MIN_LINE_CHARS: usize = 80;
/// At most this many words between two header terms.
pub const MAX_HEADER_GAP: usize = 2;
/// A header names at most this many value columns (more is prose full of value words).
const MAX_VALUE_COLUMNS: usize = 12;
/// A KPI name is a phrase, not a paragraph.
const MAX_NAME_CHARS: usize = 60;
/// A value word: a number with at most this many characters of unit after it.
const MAX_UNIT_CHARS: usize = 4;
/// Words a count is printed after, as a word of their own (`延べ 3`).
const COUNT_WORDS: [&str; 4] = ["延べ", "累計", "約", "計"];

/// What one word of the line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A header term naming the KPI's column.
    NameTerm,
    /// A header term naming a value (or status) column.
    ValueTerm,
    /// Any other header term (a label, a projects column).
    OtherTerm,
    /// A date expression only (`(H26)`, `H27`).
    Period,
    /// A number (with a short unit or a count word) or a status mark.
    Value,
    Text,
}

/// One word: its byte range in the line (several source words when joined), its text as
/// read, and its kind.
#[derive(Debug, Clone)]
struct Word {
    start: usize,
    end: usize,
    text: String,
    kind: Kind,
}

/// Whether a character is a kanji or kana (the characters a spaced-out word is made of).
fn is_kanji_or_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// The line's words, single-space separated, with the joins described above.
fn words(raw: &str) -> Vec<(usize, usize, String)> {
    let mut plain: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in raw.char_indices() {
        if c == ' ' || c == '\u{3000}' {
            if let Some(s) = start.take() {
                plain.push((s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        plain.push((s, raw.len()));
    }
    let single_kanji = |&(s, e): &(usize, usize)| {
        let mut cs = raw[s..e].chars();
        cs.next().is_some_and(is_kanji_or_kana) && cs.next().is_none()
    };
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut k = 0;
    while k < plain.len() {
        let (s, e) = plain[k];
        // `指 標 名`: two or more one-character words in a row are one word spaced out.
        let spaced = plain[k..].iter().take_while(|w| single_kanji(w)).count();
        if spaced >= 2 {
            let last = plain[k + spaced - 1].1;
            let text = plain[k..k + spaced]
                .iter()
                .map(|&(a, b)| &raw[a..b])
                .collect();
            out.push((s, last, text));
            k += spaced;
            continue;
        }
        let text = &raw[s..e];
        match out.last_mut() {
            // `改善・ 悪化`: a word broken after its middle dot.
            Some(prev) if prev.2.ends_with('・') && prev.1 + 1 == s => {
                prev.2.push_str(text);
                prev.1 = e;
            }
            // `延べ 3`: a count word and its number are one value (`延べ3`).
            Some(prev)
                if COUNT_WORDS.contains(&prev.2.as_str())
                    && text.starts_with(|c: char| c.is_ascii_digit()) =>
            {
                prev.2.push_str(text);
                prev.1 = e;
            }
            _ => out.push((s, e, text.to_string())),
        }
        k += 1;
    }
    out
}

/// A status mark as a report prints it in a status column (`○`, `A`, `B+`, `-`).
fn is_status_mark(s: &str) -> bool {
    let mut cs = s.chars();
    match (cs.next(), cs.next(), cs.next()) {
        (Some(c), None, _) => "◎○〇△▲×✕●-―－ー".contains(c) || c.is_ascii_uppercase(),
        (Some(c), Some('+' | '-'), None) => c.is_ascii_uppercase(),
        _ => false,
    }
}

/// A number, with a count word before it (`延べ 3`), a sign (`▲12`) or a short unit after
/// it (`12件`, `85%`), from normalized text.
pub(super) fn is_number(s: &str) -> bool {
    let s = COUNT_WORDS
        .iter()
        .find_map(|w| s.strip_prefix(w))
        .unwrap_or(s)
        .trim_start()
        .trim_start_matches(['▲', '△', '-', '+', '−']);
    let digits = s
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(s.len());
    let unit = &s[digits..];
    digits > 0
        && s.starts_with(|c: char| c.is_ascii_digit())
        && unit.chars().count() <= MAX_UNIT_CHARS
        && !unit.contains(|c: char| c.is_ascii_digit() || "()（）[]".contains(c))
}

fn kind(text: &str, vocab: &dyn HeaderVocabulary) -> Kind {
    let n = normalize(text);
    let squeezed: String = n.chars().filter(|c| !c.is_whitespace()).collect();
    if is_period_only(&squeezed) {
        return Kind::Period;
    }
    if is_status_mark(&squeezed) || is_number(&n) {
        return Kind::Value;
    }
    match vocab.kind(text) {
        Some(HeaderKind::Name) => Kind::NameTerm,
        Some(HeaderKind::Value) => Kind::ValueTerm,
        Some(HeaderKind::Fragment) | None => Kind::Text,
        Some(_) => Kind::OtherTerm,
    }
}

/// A word that may name a KPI: text, not a bracketed note (`（説明省略）`, `≪成果≫`).
fn is_name(w: &Word) -> bool {
    w.kind == Kind::Text
        && !w
            .text
            .starts_with(['(', '（', '≪', '《', '<', '〈', '「', '【', '[', '※'])
        && w.text.chars().count() <= MAX_NAME_CHARS
        && w.text
            .chars()
            .any(|c| is_kanji_or_kana(c) || c.is_alphabetic())
}

/// A word that starts a heading or a list item: text before it ends a line.
fn starts_heading(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if matches!(first, '■' | '◆' | '◇' | '●' | '□' | '▼' | '①'..='⑳') {
        return true;
    }
    // `(1)`, `(ⅲ)`, `（２）`: a short bracketed ordinal.
    let inner = text
        .strip_prefix(['(', '（'])
        .and_then(|r| r.split_once([')', '）']))
        .map(|(inner, _)| inner);
    inner.is_some_and(|i| {
        (1..=3).contains(&i.chars().count())
            && i.chars().all(|c| {
                c.is_ascii_digit()
                    || ('ⅰ'..='ⅿ').contains(&c)
                    || ('Ⅰ'..='Ⅻ').contains(&c)
                    || ('０'..='９').contains(&c)
            })
    })
}

/// One column of a flattened header: its term and the period printed after it.
struct Column {
    term: usize,
    period: Option<usize>,
}

/// A header found in the words.
struct Header {
    /// The name term.
    name: usize,
    /// A period printed just before the name term (a group header's), if any.
    orphan: Option<usize>,
    columns: Vec<Column>,
    /// One past the last word of the header (its last term or that term's period).
    end: usize,
}

impl Header {
    /// Whether word `k` is part of the header itself.
    fn owns(&self, k: usize) -> bool {
        k == self.name
            || self.orphan == Some(k)
            || self
                .columns
                .iter()
                .any(|c| c.term == k || c.period == Some(k))
    }
}

/// The header whose name term is word `i`.
fn header_at(words: &[Word], i: usize) -> Option<Header> {
    if words[i].kind != Kind::NameTerm {
        return None;
    }
    let mut columns: Vec<Column> = Vec::new();
    let mut end = i + 1;
    let mut gap = 0;
    let mut k = i + 1;
    while k < words.len() && columns.len() < MAX_VALUE_COLUMNS {
        match words[k].kind {
            Kind::ValueTerm => {
                let period =
                    (words.get(k + 1).map(|w| w.kind) == Some(Kind::Period)).then_some(k + 1);
                columns.push(Column { term: k, period });
                k = period.map_or(k, |p| p) + 1;
                end = k;
                gap = 0;
                continue;
            }
            // Another name term: a new header (or a name word in the text) starts there.
            Kind::NameTerm => break,
            _ => {
                gap += 1;
                if gap > MAX_HEADER_GAP {
                    break;
                }
            }
        }
        k += 1;
    }
    if columns.len() < 2 {
        return None;
    }
    let orphan = i.checked_sub(1).filter(|&p| words[p].kind == Kind::Period);
    Some(Header {
        name: i,
        orphan,
        columns,
        end,
    })
}

/// What the words after a header hold, in order.
enum Piece {
    /// A name word and its N value words.
    Row(usize, Vec<usize>),
    /// Words that make no row.
    Text(Vec<usize>),
}

/// Read the words `stream` (indices into `words`, header words left out) of a table with
/// `width` value columns into rows and left-over text.
fn rows(words: &[Word], stream: &[usize], width: usize) -> Vec<Piece> {
    let is_value = |k: usize| words[k].kind == Kind::Value;
    let mut pieces = Vec::new();
    let mut p = 0;
    // Right after the header: k × N values, then k names.
    let values = stream.iter().take_while(|&&k| is_value(k)).count();
    if values > 0 && values % width == 0 {
        let k = values / width;
        let names = &stream[values..];
        if names.len() >= k && names[..k].iter().all(|&n| is_name(&words[n])) {
            for (r, &name) in names[..k].iter().enumerate() {
                pieces.push(Piece::Row(
                    name,
                    stream[r * width..(r + 1) * width].to_vec(),
                ));
            }
            p = values + k;
        }
    }
    // How many values stand in a row from each position (one pass from the right, so that
    // a long run of values is not counted again for every word before it).
    let mut values_from = vec![0usize; stream.len() + 1];
    for q in (0..stream.len()).rev() {
        values_from[q] = if is_value(stream[q]) {
            values_from[q + 1] + 1
        } else {
            0
        };
    }
    let mut text = Vec::new();
    while p < stream.len() {
        let k = stream[p];
        if is_name(&words[k]) && values_from[p + 1] == width {
            if !text.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut text)));
            }
            pieces.push(Piece::Row(k, stream[p + 1..p + 1 + width].to_vec()));
            p += 1 + width;
        } else {
            text.push(k);
            p += 1;
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    pieces
}

/// Words that head a numbered section of a form (`施策 23 移住定住の促進`).
const SECTION_WORDS: [&str; 4] = ["施策", "基本目標", "政策", "重点施策"];

/// How many words from `ks[p]` are a section heading: a section word (printed as one
/// word or two, `基本 目標`), its number and its title (`施策 23 移住定住の促進`), a form's
/// heading cell printed as words; 0 when none starts there.
fn section_heading_at(words: &[Word], ks: &[usize], p: usize) -> usize {
    let text = |q: usize| ks.get(q).map(|&k| words[k].text.as_str());
    let is_ordinal = |q: usize| {
        text(q).is_some_and(|n| {
            (n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()))
                || (n.chars().count() == 1 && n.chars().all(|c| matches!(c, 'Ⅰ'..='Ⅻ' | '①'..='⑳')))
        })
    };
    let is_title = |q: usize| {
        ks.get(q)
            .is_some_and(|&k| is_name(&words[k]) && words[k].text.chars().any(is_kanji_or_kana))
    };
    let Some(first) = text(p) else {
        return 0;
    };
    if SECTION_WORDS.contains(&first) && is_ordinal(p + 1) && is_title(p + 2) {
        return 3;
    }
    let two = text(p + 1).map(|second| format!("{first}{second}"));
    if two.is_some_and(|w| SECTION_WORDS.contains(&w.as_str()))
        && is_ordinal(p + 2)
        && is_title(p + 3)
    {
        return 4;
    }
    0
}

/// The text of words `ks` as printed, cut into lines before heading words and where values
/// meet other words (values that make no row stay apart from the notes around them, so
/// that a table goes on past them); a section heading printed as words (`施策 23
/// 移住定住の促進`) is a line of its own.
fn text_lines(raw: &str, words: &[Word], ks: &[usize], index: usize, out: &mut Vec<Arranged>) {
    let is_value = |k: usize| words[k].kind == Kind::Value;
    let mut from = 0;
    // Where the section heading being read ends: it is not cut inside.
    let mut heading_end = section_heading_at(words, ks, 0);
    for cut in 1..=ks.len() {
        let in_heading = cut < heading_end;
        let heading_len = if in_heading {
            0
        } else {
            section_heading_at(words, ks, cut)
        };
        let must_cut = cut == ks.len()
            || cut == heading_end
            || (!in_heading
                && (heading_len > 0
                    || starts_heading(&words[ks[cut]].text)
                    || is_value(ks[cut]) != is_value(ks[cut - 1])));
        if !must_cut {
            continue;
        }
        if heading_len > 0 {
            heading_end = cut + heading_len;
        }
        let piece: Vec<&str> = ks[from..cut]
            .iter()
            .map(|&k| &raw[words[k].start..words[k].end])
            .collect();
        let text = piece.join(" ");
        out.push(Arranged {
            first: index,
            cells: vec![make_cell(&text)],
            raw: text,
        });
        from = cut;
    }
}

/// Read source line `index` as a flattened page holding tables; `None` (nothing added)
/// when it is not one.
pub fn line(
    lines: &[SourceLine],
    index: usize,
    vocab: &dyn HeaderVocabulary,
    out: &mut Arrangement,
) -> Option<()> {
    let raw = lines[index].raw;
    if raw.len() < MIN_LINE_CHARS || raw.chars().nth(MIN_LINE_CHARS).is_none() {
        return None;
    }
    // Wide gaps make a space-aligned line, read elsewhere.
    if raw.contains("  ") || raw.contains('\t') {
        return None;
    }
    let words: Vec<Word> = words(raw)
        .into_iter()
        .map(|(start, end, text)| Word {
            kind: kind(&text, vocab),
            start,
            end,
            text,
        })
        .collect();
    if yearly::read(raw, &words, index, out).is_some() {
        return Some(());
    }
    let mut headers: Vec<Header> = Vec::new();
    let mut k = 0;
    while k < words.len() {
        match header_at(&words, k) {
            Some(h) => {
                k = h.end;
                headers.push(h);
            }
            None => k += 1,
        }
    }
    let mut produced = Vec::new();
    let mut unplaced_values = 0;
    let mut any_row = false;
    let first_start = headers
        .first()
        .map_or(words.len(), |h| h.orphan.unwrap_or(h.name));
    let before: Vec<usize> = (0..first_start).collect();
    text_lines(raw, &words, &before, index, &mut produced);
    for (t, h) in headers.iter().enumerate() {
        let next = headers
            .get(t + 1)
            .map_or(words.len(), |n| n.orphan.unwrap_or(n.name));
        let header_cells: Vec<Cell> = std::iter::once(make_cell(&words[h.name].text))
            .chain(h.columns.iter().enumerate().map(|(c, col)| {
                let period = col.period.or(h.orphan.filter(|_| {
                    // The group header's period: the first column without one of its own.
                    h.columns.iter().position(|x| x.period.is_none()) == Some(c)
                }));
                let text = match period {
                    Some(p) => format!("{} {}", words[col.term].text, words[p].text),
                    None => words[col.term].text.clone(),
                };
                make_cell(&text)
            }))
            .collect();
        let header_raw: Vec<&str> = header_cells.iter().map(|c| c.text.as_str()).collect();
        produced.push(Arranged {
            first: index,
            raw: header_raw.join(" "),
            cells: header_cells,
        });
        let stream: Vec<usize> = (h.name + 1..next).filter(|&k| !h.owns(k)).collect();
        for piece in rows(&words, &stream, h.columns.len()) {
            match piece {
                Piece::Row(name, values) => {
                    any_row = true;
                    let cells: Vec<Cell> = std::iter::once(name)
                        .chain(values)
                        .map(|k| make_cell(&words[k].text))
                        .collect();
                    let row_raw: Vec<&str> = cells.iter().map(|c| c.text.as_str()).collect();
                    produced.push(Arranged {
                        first: index,
                        raw: row_raw.join(" "),
                        cells,
                    });
                }
                Piece::Text(ks) => {
                    unplaced_values += ks.iter().filter(|&&k| words[k].kind == Kind::Value).count();
                    text_lines(raw, &words, &ks, index, &mut produced);
                }
            }
        }
    }
    if !any_row {
        return None;
    }
    let headers = headers
        .iter()
        .map(|h| {
            std::iter::once(words[h.name].text.as_str())
                .chain(h.columns.iter().map(|c| words[c.term].text.as_str()))
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect();
    let unplaced = (unplaced_values > 0).then(|| format!(
        "{unplaced_values} value(s) of a table flattened onto one line make no row (a name followed by one value per column); kept as text"
    ));
    hand_over(out, index, produced, headers, unplaced);
    Some(())
}

/// The lines read from flattened line `index` into `out`: the block `cells` prints, with
/// the headers found, and an `unparsed_row` doubt saying what made no row, if anything.
fn hand_over(
    out: &mut Arrangement,
    index: usize,
    produced: Vec<Arranged>,
    headers: Vec<String>,
    unplaced: Option<String>,
) {
    if let Some(message) = unplaced {
        out.doubts.push((index, WarningCode::UnparsedRow, message));
    }
    out.blocks.push(Block {
        first: index,
        end: index + 1,
        form: "flattened",
        columns: Vec::new(),
        metric: "",
        headers,
    });
    out.lines.extend(produced);
}

#[cfg(test)]
mod tests {
    use super::super::{arrange, BuiltinVocabulary, SourceLine, TextLayout};
    use crate::diag::WarningCode;

    /// Each line's cells and the doubts, of `text` read under `auto` (the yearly sheet's
    /// tests use it too).
    pub(super) fn cells(text: &str) -> (Vec<Vec<String>>, Vec<WarningCode>) {
        let lines: Vec<SourceLine> = text
            .lines()
            .map(|raw| SourceLine { page: 1, raw })
            .collect();
        let a = arrange(&lines, TextLayout::Auto, &BuiltinVocabulary);
        (
            a.lines
                .iter()
                .map(|l| l.cells.iter().map(|c| c.text.clone()).collect())
                .collect(),
            a.doubts.iter().map(|d| d.1).collect(),
        )
    }

    const PAD: &str = "資料1 ※数値は各年度末時点の値 総合戦略の具体的施策 (1)基本目標";

    #[test]
    fn names_after_their_values_are_read_row_by_row() {
        let (lines, doubts) = cells(&format!(
            "{PAD} 目標指標 基準値 (H26) 実績値 (H27) 目標値 (H31) 10 12 15 延べ 1 延べ 3 延べ 5 年間観光客数(万人) 新規就農者数(人) （説明省略）"
        ));
        assert_eq!(
            lines[2],
            ["目標指標", "基準値 (H26)", "実績値 (H27)", "目標値 (H31)"]
        );
        assert_eq!(lines[3], ["年間観光客数(万人)", "10", "12", "15"]);
        assert_eq!(lines[4], ["新規就農者数(人)", "延べ1", "延べ3", "延べ5"]);
        assert_eq!(lines[5], ["（説明省略）"]);
        assert!(doubts.is_empty());
    }

    /// Regression: values whose count does not divide into the columns make no row; they
    /// stay text, with a warning, and a name followed by its values still makes one.
    #[test]
    fn a_count_that_does_not_divide_leaves_text_and_a_warning() {
        let (lines, doubts) = cells(&format!(
            "{PAD} 目標指標 基準値 (H26) 実績値 (H27) 目標値 (H31) 10 12 15 7 年間観光客数(万人) 新規就農者数(人) 1 3 5 （説明省略）"
        ));
        assert!(lines.contains(&vec!["10 12 15 7".to_string()]), "{lines:?}");
        assert!(lines.contains(&vec![
            "新規就農者数(人)".to_string(),
            "1".to_string(),
            "3".to_string(),
            "5".to_string()
        ]));
        assert_eq!(doubts, [WarningCode::UnparsedRow]);
    }

    #[test]
    fn a_line_without_a_header_and_rows_is_left_alone() {
        let prose = "本市では観光客数が増加しており、目標値の達成に向けて実績値を毎年確認しながら、基準値からの伸びを評価する。".repeat(2);
        let (lines, doubts) = cells(&prose);
        assert_eq!(lines, [vec![prose.clone()]]);
        assert!(doubts.is_empty());
        // A header with no row after it.
        let (lines, _) = cells(&format!(
            "{PAD} 指標名 基準値 実績値 目標値 （説明省略） ≪成果と見直し≫ （説明省略）"
        ));
        assert_eq!(lines.len(), 1);
    }

    /// Bad input: a megabyte line of values, names and headers is read in linear time
    /// (no timing is asserted; a quadratic reading would not finish in the test's time).
    #[test]
    fn a_very_long_line_is_read_without_blowing_up() {
        let mut line = format!("{PAD} 指標名 基準値 実績値 目標値 ");
        line.push_str(&"名 ".repeat(50_000));
        line.push_str(&"1 ".repeat(200_000));
        line.push_str(&"人口(人) 1 2 3 ".repeat(10_000));
        let (lines, doubts) = cells(&line);
        assert!(lines.len() > 10_000);
        assert_eq!(doubts, [WarningCode::UnparsedRow]);
    }
}
