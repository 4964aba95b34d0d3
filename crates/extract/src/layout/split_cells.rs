//! Cells of a space-aligned table's row line that its next line goes on: brackets left
//! open, and a cell the column cut split in two (a column found inside it where another
//! row's value starts) put back together from where its next line starts.

use super::spaces::Part;

/// A line's value cell running over two columns or more, its pieces one space apart, that
/// leaves a bracket open at its end.
#[derive(Debug, PartialEq)]
pub(super) struct OpenStretch {
    pub(super) first: usize,
    pub(super) last: usize,
    /// The column of the piece that opened the bracket left open.
    pub(super) opener: usize,
}

/// A stretch of value pieces one space apart, as it is read.
struct Stretch {
    first: usize,
    last: usize,
    /// Each bracket still open: its piece's column, and whether a figure follows it in
    /// that piece.
    open: Vec<(usize, bool)>,
    end: u32,
}

/// The value cells of a line that run over two columns or more and leave a bracket open.
pub(super) fn open_stretches(pieces: &[Part], is_value: &[bool]) -> Vec<OpenStretch> {
    let mut stretches: Vec<Stretch> = Vec::new();
    let mut joins = false;
    for p in pieces {
        if !is_value[p.col] {
            joins = false;
            continue;
        }
        if !(joins && stretches.last().is_some_and(|last| p.x0 <= last.end + 1)) {
            stretches.push(Stretch {
                first: p.col,
                last: p.col,
                open: Vec::new(),
                end: p.x1,
            });
        }
        let Some(last) = stretches.last_mut() else {
            continue;
        };
        (last.last, last.end) = (p.col, p.x1);
        for (at, ch) in p.text.char_indices() {
            match ch {
                '(' | '（' => last.open.push((p.col, figure_follows(&p.text[at..]))),
                ')' | '）' => {
                    last.open.pop();
                }
                _ => {}
            }
        }
        joins = true;
    }
    stretches
        .into_iter()
        // A figure after the bracket in its piece starts the next cell (`(高 954,000人以上`):
        // the piece is more than the cell's line, and no cell to put back together.
        .filter_map(|s| match s.open.first() {
            Some(&(opener, false)) if s.first < s.last => Some(OpenStretch {
                first: s.first,
                last: s.last,
                opener,
            }),
            _ => None,
        })
        .collect()
}

/// The value pieces of a cell's next line (`next`) that the column cut placed in another
/// column than the value piece above them starting at the same x: `(piece, column)`. A
/// wrapped cell's next line starts at the cell's left edge (`954,000人以上 (直江津)` /
/// `1,129,000人以上 (高田)`), wherever the cut placed it.
pub(super) fn columns_under(
    next: &[Part],
    above: &[Part],
    is_value: &[bool],
) -> Vec<(usize, usize)> {
    next.iter()
        .enumerate()
        .filter(|(_, q)| is_value[q.col])
        .filter_map(|(k, q)| {
            let p = above.iter().find(|p| p.x0 == q.x0 && is_value[p.col])?;
            (p.col != q.col).then_some((k, p.col))
        })
        .collect()
}

/// Whether a word after the first of `text` starts with a figure.
fn figure_follows(text: &str) -> bool {
    text.split_whitespace()
        .skip(1)
        .any(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether a piece closes a bracket it did not open (`田)`: a cell's note going on).
pub(super) fn closes_a_bracket(text: &str) -> bool {
    let mut depth = 0i32;
    text.chars().any(|ch| {
        match ch {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ => {}
        }
        depth < 0
    })
}

#[cfg(test)]
mod tests {
    use super::{closes_a_bracket, columns_under, open_stretches, OpenStretch, Part};

    /// A piece on line 0 in column `col`, from character `x0`, one display column a char.
    fn part(col: usize, x0: u32, text: &'static str) -> Part<'static> {
        Part {
            line: 0,
            col,
            x0,
            x1: x0 + u32::try_from(text.chars().count()).unwrap(),
            text,
        }
    }

    /// A value cell in parts set one space from the next column's value, split by the column
    /// cut where another row's value starts a column inside it (the 上越 ruled -layout print,
    /// issue 17: `935,476人 (直江津) 981,736人 (高` over `田)`): the bracket it leaves open is
    /// the whole stretch's, so its next line, closing it in the stretch's first column, goes
    /// on with its row instead of starting one (a name piece beside it notwithstanding).
    #[test]
    fn a_bracket_left_open_by_a_split_cell_is_closed_in_any_of_its_columns() {
        // Name, baseline, current (split in two), target, projects.
        let is_value = [false, true, true, true, true, false];
        let split = [
            part(0, 6, "交流施設の入館者数 東町…東町ふれあい館、"),
            part(1, 29, "52,310人 (H30 東町)"),
            part(2, 50, "48,902人 (東町)"),
            part(3, 63, "61,447人 (西"),
            part(4, 74, "53,000人以上 (東町)"),
            part(5, 93, "1 まちなか居住推進"),
        ];
        assert_eq!(
            open_stretches(&split, &is_value),
            vec![OpenStretch {
                first: 2,
                last: 4,
                opener: 3
            }]
        );
        // Cells two spaces apart are cells of their own: a bracket left open in one column
        // is the per-column rule's.
        let apart = [part(2, 50, "48,902人 (東町)"), part(3, 64, "61,447人 (西")];
        assert_eq!(open_stretches(&apart, &is_value), vec![]);
        // Closed stretches, and a stretch left open in one column only, are none.
        let closed = [
            part(2, 50, "48,902人 (東町)"),
            part(3, 63, "61,447人 (西町)"),
        ];
        assert_eq!(open_stretches(&closed, &is_value), vec![]);
        // A figure after the open bracket in its piece: the piece holds the next cell too.
        let two_cells = [
            part(2, 50, "48,902人 (東町)"),
            part(3, 63, "61,447人 (西 53,000人以上"),
        ];
        assert_eq!(open_stretches(&two_cells, &is_value), vec![]);
        assert!(closes_a_bracket("町)"));
        assert!(!closes_a_bracket("(西町)"));
        assert!(!closes_a_bracket("62,000人以上 (西町)"));
    }

    /// The next line of the 上越 cells above, invented: a wrapped cell's next line starts at
    /// the cell's left edge, so a value piece starting where one above starts is in that one's
    /// column, wherever the column cut placed it; other pieces keep theirs.
    #[test]
    fn a_cells_next_line_goes_to_the_column_of_the_piece_it_starts_under() {
        let is_value = [false, true, true, true, true, false];
        let above = [
            part(0, 6, "交流施設の利用者数"),
            part(2, 50, "48,902人 (東町) 61,447人 (西"),
            part(4, 75, "53,000人以上 (東町)"),
            part(5, 93, "1 まちなか居住推進"),
        ];
        let next = [
            part(0, 6, "東町図書館"),
            part(2, 50, "町)"),
            part(3, 75, "62,000人以上"),
            part(4, 88, "(西町)"),
            part(5, 93, "2 空き店舗活用"),
        ];
        assert_eq!(
            columns_under(&next, &above, &is_value),
            vec![(2, 4)],
            "62,000人以上 goes under 53,000人以上; 町) is in its column already"
        );
    }
}
