//! Two cells squeezed into one run under a header that tells them apart.
//!
//! `pdftotext -layout` sets a right-aligned value and a short left-aligned cell after it
//! one space apart when their columns touch (`31人 順調`: the current value, then the
//! status). With few rows (a table of two rows a page) no gutter shows between the two
//! columns, so the run lands whole in one column and the column before it stays empty on
//! that line. The header still tells them apart: its cells sit over their value columns,
//! and the single space falls between the two columns' header cells.

use super::bracket_depth;
use super::runs::{Metric, Run};
use super::spaces::Part;

/// Split, in place, every data piece of one line that the header shows to be two cells:
/// a piece in value column `c` whose line holds nothing in value column `c - 1` but
/// holds a piece in another value column (a row's values line), both columns headed, cut
/// at its first single space where
/// - the words before it start right of the start of `c - 1`'s header cells and end
///   before `c`'s header cells start (they stand in the gap between the two headers), and
/// - the word after it lies under `c`'s header cells (overlaps them) and opens no
///   bracket (`4,095人 (R3経済セ`: a value's note in brackets stays with the value), and
///   the two words are no number and its unit set apart (`8 件/年`).
///
/// The words before the cut go to column `c - 1`. `header_spans[c]` is the extent of
/// column `c`'s header cells. Linear in the line's words.
pub(super) fn split_at_header_gap<'a>(
    pieces: &mut Vec<Part<'a>>,
    raw: &'a str,
    runs: &[Run],
    metric: Metric,
    is_value: &[bool],
    header_spans: &[Option<(u32, u32)>],
) {
    let mut out: Vec<Part<'a>> = Vec::with_capacity(pieces.len() + 1);
    let occupied = occupied_columns(pieces);
    let value_columns = occupied.iter().filter(|&&c| is_value[c]).count();
    for (j, p) in pieces.iter().enumerate() {
        let c = p.col;
        let previous_empty = c == 0 || occupied.binary_search(&(c - 1)).is_err();
        // A line of a row's values (another value column holds a piece), not a value's
        // second line going on alone (`R6.12確定 見込` under `… ※R5数値は`).
        let values_beside = value_columns > usize::from(is_value[c]);
        let headers = c
            .checked_sub(1)
            .filter(|&b| is_value[b] && is_value.get(c) == Some(&true))
            .filter(|_| previous_empty && values_beside)
            .and_then(|b| {
                Some((
                    header_spans.get(b).copied()??,
                    header_spans.get(c).copied()??,
                ))
            });
        let cut = headers.and_then(|(left, right)| {
            let (start, end) = (p.start_in(raw), p.end_in(raw));
            let run = runs.iter().find(|r| r.start <= start && end <= r.end)?;
            let words: Vec<&(usize, usize, super::runs::Span)> = run
                .words
                .iter()
                .filter(|w| start <= w.0 && w.1 <= end)
                .collect();
            let first_x0 = words.first()?.2.x(metric).0;
            (1..words.len())
                .find(|&k| {
                    let (_, before_x1) = words[k - 1].2.x(metric);
                    let (x0, x1) = words[k].2.x(metric);
                    let opens = raw[words[k].0..].starts_with(['(', '（']);
                    // A number and its unit set apart (`8 件/年`) are one value.
                    let before = &raw[words[k - 1].0..words[k - 1].1];
                    let number = before
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
                    let unit_after = !raw[words[k].0..].starts_with(|c: char| c.is_ascii_digit());
                    first_x0 > left.0
                        && before_x1 <= right.0
                        && x0 < right.1
                        && x1 > right.0
                        && !opens
                        && !(number && unit_after)
                })
                .map(|k| {
                    (
                        words[k - 1].1,
                        words[k].0,
                        words[k].2.x(metric).0,
                        words[k - 1].2.x(metric).1,
                    )
                })
                .map(|(left_end, right_start, right_x0, left_x1)| {
                    (left_end - start, right_start - start, right_x0, left_x1)
                })
        });
        match cut {
            Some((left_end, right_start, right_x0, left_x1)) => {
                out.push(Part {
                    col: c - 1,
                    x1: left_x1,
                    text: &p.text[..left_end],
                    ..*p
                });
                out.push(Part {
                    x0: right_x0,
                    text: &p.text[right_start..],
                    ..*p
                });
            }
            None => out.push(pieces[j]),
        }
    }
    *pieces = out;
}

/// The columns a line's pieces stand in, sorted, each once: `n log n` in its pieces.
fn occupied_columns(pieces: &[Part]) -> Vec<usize> {
    let mut cols: Vec<usize> = pieces.iter().map(|p| p.col).collect();
    cols.sort_unstable();
    cols.dedup();
    cols
}

/// Whether value columns `c - 1` and `c` both have header cells: `(c - 1's, c's)`.
fn headed_pair(
    c: usize,
    is_value: &[bool],
    header_spans: &[Option<(u32, u32)>],
) -> Option<((u32, u32), (u32, u32))> {
    let b = c.checked_sub(1)?;
    if !is_value[b] || is_value.get(c) != Some(&true) {
        return None;
    }
    Some((
        header_spans.get(b).copied()??,
        header_spans.get(c).copied()??,
    ))
}

/// A value's note in brackets that a tool set one space after it and that lies left of
/// the next column's header cells (`141,200千円 (R4見`, the note going on below) is the
/// value's, though its start fell past the gutter the rows show: the piece in value
/// column `c` that opens a bracket, right after a piece of the same run in value column
/// `c - 1`, starting before `c`'s header cells, joins that piece. Linear in the pieces.
pub(super) fn keep_notes_with_values<'a>(
    pieces: &mut Vec<Part<'a>>,
    raw: &'a str,
    is_value: &[bool],
    header_spans: &[Option<(u32, u32)>],
) {
    let mut out: Vec<Part<'a>> = Vec::with_capacity(pieces.len());
    for p in pieces.iter() {
        let joined = out.last_mut().filter(|last| {
            let same_run = raw[last.end_in(raw)..]
                .strip_prefix(' ')
                .is_some_and(|rest| rest.as_ptr() == p.text.as_ptr());
            last.col + 1 == p.col
                && same_run
                && p.text.starts_with(['(', '（'])
                && headed_pair(p.col, is_value, header_spans)
                    .is_some_and(|(_, right)| p.x0 < right.0)
        });
        match joined {
            Some(last) => {
                last.text = &raw[last.start_in(raw)..p.end_in(raw)];
                last.x1 = p.x1;
            }
            None => out.push(*p),
        }
    }
    *pieces = out;
}

/// A note's last line closing its bracket (`込)` under `141,200千円 (R4見`) that lies left
/// of the next column's header cells goes back to the column whose bracket it closes: a
/// piece in value column `c` closing more brackets than it opens, starting before `c`'s
/// header cells, on a line holding nothing in `c - 1`, where the nearest line above with
/// a piece in `c - 1` leaves a bracket open there. `lines` are a region's data lines in
/// order, blank lines left out; `blank_before[e]` says a blank line precedes line `e` (a
/// note does not go on over one). One pass down the lines, keeping per column the
/// depth its last piece left open.
pub(super) fn return_closing_notes(
    lines: &mut [(usize, Vec<Part<'_>>)],
    blank_before: &[bool],
    is_value: &[bool],
    header_spans: &[Option<(u32, u32)>],
) {
    // Per column: the depth its last piece left open, and the stretch of lines between
    // blank lines that piece was in (a depth from before a blank line counts as none).
    let mut open: Vec<(usize, i32)> = vec![(0, 0); is_value.len()];
    let mut stretch = 0;
    for (e, (_, pieces)) in lines.iter_mut().enumerate() {
        stretch += usize::from(blank_before[e]);
        let depth_open = |c: usize| match open[c] {
            (s, depth) if s == stretch => depth,
            _ => 0,
        };
        let occupied = occupied_columns(pieces);
        let moves: Vec<usize> = (0..pieces.len())
            .filter(|&j| {
                let p = &pieces[j];
                let c = p.col;
                headed_pair(c, is_value, header_spans).is_some_and(|(_, right)| {
                    p.x0 < right.0
                        && bracket_depth(p.text) < 0
                        && depth_open(c - 1) > 0
                        && occupied.binary_search(&(c - 1)).is_err()
                })
            })
            .collect();
        for j in moves {
            pieces[j].col -= 1;
        }
        // The line's pieces set the depth of the columns they stand in.
        for c in occupied_columns(pieces) {
            open[c] = (stretch, 0);
        }
        for p in pieces.iter() {
            open[p.col].1 += bracket_depth(p.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::columns::Columns;
    use super::super::runs::runs;
    use super::super::spaces::parts;
    use super::*;

    /// The second row of a two-row table (shaped like a WeasyPrint print of a KPI sheet
    /// through `pdftotext -layout`): the current value `5件/年` right-aligned under
    /// `実績値`, the status `遅れ` under `達成`, one space apart; the value's note
    /// `(R3経済セ` on the line below stays with its value.
    #[test]
    fn a_single_space_between_two_headers_cuts_a_run() {
        let header = "                              基準値                目標値             実績値          達成";
        let row = "町の創業支援制度を利用した創業件数                       3件/年            8件/年            5件/年 遅れ";
        let note =
            "                              4,210人 (H28経済                     4,095人 (R3経済セ";
        // Columns as the data of so few rows show them: the current value's and the
        // status's columns meet with no gutter, so the status column holds both.
        let cols = Columns {
            metric: Metric::Chars,
            extents: vec![(0, 24), (30, 46), (49, 62), (62, 71), (72, 81)],
            word_cover: Vec::new(),
        };
        let header_runs = runs(header);
        let header_spans: Vec<Option<(u32, u32)>> = (0..cols.len())
            .map(|c| {
                header_runs
                    .iter()
                    .map(|r| r.span.chars)
                    .find(|&(x0, x1)| cols.of_header(x0, x1) == c)
            })
            .collect();
        assert_eq!(header_spans[3], Some((65, 68)));
        assert_eq!(header_spans[4], Some((78, 80)));
        let is_value = [false, true, true, true, true];

        let row_runs = runs(row);
        let mut pieces = parts(0, row, &row_runs, &cols, None);
        let texts = |ps: &[Part]| {
            ps.iter()
                .map(|p| (p.col, p.text.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&pieces)[3], (4, "5件/年 遅れ".to_string()));
        split_at_header_gap(
            &mut pieces,
            row,
            &row_runs,
            Metric::Chars,
            &is_value,
            &header_spans,
        );
        assert_eq!(
            texts(&pieces),
            [
                (0, "町の創業支援制度を利用した創業件数".to_string()),
                (1, "3件/年".to_string()),
                (2, "8件/年".to_string()),
                (3, "5件/年".to_string()),
                (4, "遅れ".to_string()),
            ]
        );

        // `(R3経済セ` opens a bracket: a note of the value before it, never cut off by
        // this rule (the column before is not empty here either way).
        let note_runs = runs(note);
        let mut pieces = parts(1, note, &note_runs, &cols, None);
        let before = texts(&pieces);
        split_at_header_gap(
            &mut pieces,
            note,
            &note_runs,
            Metric::Chars,
            &is_value,
            &header_spans,
        );
        assert_eq!(texts(&pieces), before);
    }

    /// A value alone in its column with the column before empty, but no word under the
    /// next header: nothing to cut (a long value set one space apart is one cell).
    #[test]
    fn a_run_not_reaching_the_next_header_stays_whole() {
        let row = "町内の人口                                                   12,345 人";
        let cols = Columns {
            metric: Metric::Chars,
            extents: vec![(0, 24), (30, 46), (49, 62), (62, 71), (72, 81)],
            word_cover: Vec::new(),
        };
        let header_spans = [
            None,
            Some((30, 33)),
            Some((49, 52)),
            Some((65, 68)),
            Some((78, 80)),
        ];
        let is_value = [false, true, true, true, true];
        let row_runs = runs(row);
        let mut pieces = parts(0, row, &row_runs, &cols, None);
        let before: Vec<(usize, String)> =
            pieces.iter().map(|p| (p.col, p.text.to_string())).collect();
        split_at_header_gap(
            &mut pieces,
            row,
            &row_runs,
            Metric::Chars,
            &is_value,
            &header_spans,
        );
        let after: Vec<(usize, String)> =
            pieces.iter().map(|p| (p.col, p.text.to_string())).collect();
        assert_eq!(after, before);
    }

    /// A value's second line going on alone (`2,970,209人/年 (R4) ※R5数値は` above it):
    /// though its words straddle the gap between two headers, it holds no other value,
    /// so it is no row's values line and stays whole. The same words on a line with a
    /// value in another column are cut.
    #[test]
    fn a_value_going_on_alone_is_not_cut() {
        let cols = Columns {
            metric: Metric::Chars,
            extents: vec![(0, 24), (30, 46), (49, 62), (62, 71), (72, 85)],
            word_cover: Vec::new(),
        };
        let header_spans = [
            None,
            Some((30, 33)),
            Some((49, 52)),
            Some((65, 68)),
            Some((80, 84)),
        ];
        let is_value = [false, true, true, true, true];
        let cells = |line: &str| {
            let line_runs = runs(line);
            let mut pieces = parts(0, line, &line_runs, &cols, None);
            split_at_header_gap(
                &mut pieces,
                line,
                &line_runs,
                Metric::Chars,
                &is_value,
                &header_spans,
            );
            pieces
                .iter()
                .map(|p| (p.col, p.text.to_string()))
                .collect::<Vec<_>>()
        };
        // A number and its unit a space apart, the unit under the next header: one value.
        let unit_apart = format!("{}12人{}8 件/年", " ".repeat(40), " ".repeat(33));
        assert_eq!(
            cells(&unit_apart),
            [(1, "12人".to_string()), (4, "8 件/年".to_string())]
        );
        let alone = format!("{}R6.12確定 見込", " ".repeat(72));
        assert_eq!(cells(&alone), [(4, "R6.12確定 見込".to_string())]);
        let beside = format!("{}12人{}R6.12確定 見込", " ".repeat(40), " ".repeat(29));
        assert_eq!(
            cells(&beside),
            [
                (1, "12人".to_string()),
                (3, "R6.12確定".to_string()),
                (4, "見込".to_string())
            ]
        );
    }

    /// An invented KPI sheet of two rows (shaped like a borderless WeasyPrint print read
    /// by `pdftotext -layout`): the first row's current value and status one space apart
    /// (`77万人 遅れ`); the second row's name centred on one line between its values'
    /// wrapped lines, the current value's note `(R2国勢調` / `査)` standing left of the
    /// status header where no gutter shows. Expected cells read by hand off the lines.
    #[test]
    fn a_two_row_table_is_read_by_its_header() {
        use crate::layout::test_lines::{arranged, at_chars};
        let lines = [
            at_chars(&[(30, "基準値"), (49, "目標値"), (65, "実績値"), (78, "達成")]),
            at_chars(&[(0, "指標名"), (84, "主な取組")]),
            at_chars(&[(30, "(R元)"), (49, "(R6)"), (65, "(R4)"), (78, "状況")]),
            at_chars(&[
                (0, "観光入込客数"),
                (38, "81万人 (H30)"),
                (58, "95万人"),
                (73, "77万人 遅れ"),
                (84, "1 観光PRの強化"),
            ]),
            at_chars(&[(30, "1,520人 (H28国勢"), (65, "1,488人 (R2国勢調")]),
            at_chars(&[(0, "町内の生産年齢人口"), (56, "1,600人"), (79, "順調")]),
            at_chars(&[(36, "調査)"), (74, "査)")]),
        ];
        let rows: Vec<Vec<String>> = arranged(&lines);
        assert_eq!(
            rows,
            [
                vec![
                    "指標名",
                    "基準値 (R元)",
                    "目標値 (R6)",
                    "実績値 (R4)",
                    "達成 状況",
                    "主な取組"
                ],
                vec![
                    "観光入込客数",
                    "81万人 (H30)",
                    "95万人",
                    "77万人",
                    "遅れ",
                    "1 観光PRの強化"
                ],
                vec![
                    "町内の生産年齢人口",
                    "1,520人 (H28国勢調査)",
                    "1,600人",
                    "1,488人 (R2国勢調査)",
                    "順調",
                    ""
                ],
            ]
        );
    }
}
