//! The space a line break took: when a cell wrapped over lines is joined, whether a space
//! stood where the line broke. No text form shows it (a renderer breaks a line at a space
//! and prints none), so the cell's own lines tell: how it writes the same place where it
//! does not wrap. Every reader of wrapped cells (space-aligned text, `-raw`, PDF cells)
//! asks [`CellSpacing`], so the same cell reads alike in every form.

use super::vocabulary;

/// How a wrapped cell writes the places a line break can fall, read from all its lines.
#[derive(Clone, Copy)]
pub struct CellSpacing<'f> {
    /// An opening bracket right after a character (`数(市`) somewhere: the cell writes its
    /// brackets tight where it wraps too.
    brackets_tight: bool,
    /// A label and its figure written apart (`小学6年生 70.0%`) somewhere, and none tight
    /// (`小学6年生70.0%`): a break between a label and a figure took a space.
    figures_apart: bool,
    is_figure: &'f dyn Fn(&str) -> bool,
}

impl CellSpacing<'static> {
    /// The spacing of a cell wrapped over `pieces`, its figures told by
    /// [`is_marked_figure`].
    pub fn of(pieces: &[String]) -> Self {
        CellSpacing::with_figures(pieces, &is_marked_figure)
    }
}

impl<'f> CellSpacing<'f> {
    /// The spacing of a cell wrapped over `pieces`, its figures told by `is_figure` (a
    /// reader that knows a row's unit knows its figures better).
    pub fn with_figures(pieces: &[String], is_figure: &'f dyn Fn(&str) -> bool) -> Self {
        let mut figures_apart = false;
        let mut figure_tight = false;
        for piece in pieces {
            let mut before: Option<&str> = None;
            for word in piece.split_whitespace() {
                figures_apart |= before.is_some_and(|b| {
                    ends_in_letter(b) && starts_figure(word, is_figure) && !is_figure(b)
                });
                figure_tight |= glues_a_figure(word, is_figure);
                before = Some(word);
            }
        }
        CellSpacing {
            brackets_tight: pieces.iter().any(|p| writes_brackets_tight(p)),
            figures_apart: figures_apart && !figure_tight,
            is_figure,
        }
    }

    /// Whether the line break between `before` (the cell so far) and `next` (its next
    /// line) took a space: before a period in brackets on a line of its own (`設立` /
    /// `（R4年）` is `設立 （R4年）`, as a value's period is printed beside it), before an
    /// opening bracket in a cell that does not write its brackets tight (`創業者数` /
    /// `(累計)`), and between a label and its figure in a cell that writes them apart
    /// (`小学6年生 70.0% 中学3年生` / `50.0%`).
    pub fn break_took_a_space(&self, before: &str, next: &str) -> bool {
        let next = next.trim();
        is_bracketed_period(next)
            || (next.starts_with('(') && !self.brackets_tight)
            || (self.figures_apart
                && before.trim_end().ends_with(char::is_alphabetic)
                && next
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| starts_figure(w, self.is_figure)))
    }
}

/// Whether a value's line stops short of the value's end: a bracket left open, or a cell
/// of labelled parts whose last label waits for its figure on the next line
/// (`小学6年生61.2% 中学3年生` / `42.5% (R元)`). A figure's own word (`70.0%以上`), a
/// comparator set apart (`70.0% 以上`) and a name with no figure before it end nothing.
pub(crate) fn leaves_value_open(line: &str) -> bool {
    if super::bracket_depth(line) > 0 {
        return true;
    }
    let mut words = line.split_whitespace().rev();
    let Some(last) = words.next() else {
        return false;
    };
    let holds_figure = |w: &str| is_marked_figure(w) || glues_a_figure(w, &is_marked_figure);
    ends_in_letter(last)
        && !holds_figure(last)
        && !matches!(last, "以上" | "以下" | "未満" | "超")
        && words.any(holds_figure)
}

/// Whether a piece writes an opening bracket right after a character (`数(市`).
fn writes_brackets_tight(piece: &str) -> bool {
    let piece = piece.trim();
    piece
        .chars()
        .zip(piece.chars().skip(1))
        .any(|(before, c)| c == '(' && before != ' ')
}

/// A period in brackets and nothing else (`(H30)`, `（R4年）`).
fn is_bracketed_period(piece: &str) -> bool {
    let normalized = crate::normalize::normalize_cow(piece);
    normalized.starts_with('(') && vocabulary::is_period_only(&normalized)
}

/// A figure no one writes inside a name: a number with a decimal point or a percent sign,
/// and a unit after it (`70.0%`, `81.2歳`, `12.5万人`); a count (`3歳児`, `6か月`) is
/// not one.
fn is_marked_figure(word: &str) -> bool {
    let number_len = word
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.')))
        .unwrap_or(word.len());
    let (number, unit) = word.split_at(number_len);
    number.starts_with(|c: char| c.is_ascii_digit())
        && !number.ends_with([',', '.'])
        && number.matches('.').count() <= 1
        && (number.contains('.') || unit.starts_with(['%', '％']))
        && !unit
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '(' | ')' | '（' | '）'))
}

fn ends_in_letter(word: &str) -> bool {
    word.ends_with(char::is_alphabetic)
}

fn starts_figure(word: &str, is_figure: &dyn Fn(&str) -> bool) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit()) && is_figure(word)
}

/// Whether a word writes a figure right after a letter (`小学6年生88.2%`).
fn glues_a_figure(word: &str, is_figure: &dyn Fn(&str) -> bool) -> bool {
    // Digits first: most words hold none, and telling a letter takes a table lookup.
    word.char_indices().skip(1).any(|(i, c)| {
        c.is_ascii_digit()
            && word[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
            && is_figure(&word[i..])
    })
}

#[cfg(test)]
mod tests {
    use super::{is_marked_figure, leaves_value_open, CellSpacing};

    fn pieces(p: &[&str]) -> Vec<String> {
        p.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn marked_figures_have_a_point_or_a_percent() {
        for figure in ["70.0%", "98%", "81.2歳", "1,234.5万人", "5％"] {
            assert!(is_marked_figure(figure), "{figure}");
        }
        for word in [
            "3歳児",
            "6か月",
            "12",
            "1,204人",
            "1.2.3",
            "12.",
            "(H30)",
            "3年生70.0%",
        ] {
            assert!(!is_marked_figure(word), "{word}");
        }
    }

    /// Invented values in parts, wrapped in a narrow column.
    #[test]
    fn a_label_and_its_figure_keep_their_space_when_the_cell_writes_them_apart() {
        let apart = pieces(&["小学6年生 70.0% 中学3年生", "50.0%"]);
        let spacing = CellSpacing::of(&apart);
        assert!(spacing.break_took_a_space("小学6年生 70.0% 中学3年生", "50.0%"));
        // Not before a count, nor after a figure.
        assert!(!spacing.break_took_a_space("小学6年生 70.0% 中学", "3年生"));
        assert!(!spacing.break_took_a_space("小学6年生 70.0%", "50.0%"));
        // A cell that writes a figure tight to its label keeps it tight where it wraps.
        let tight = pieces(&["小学6年生70.0% 中学3年生", "50.0%"]);
        assert!(!CellSpacing::of(&tight).break_took_a_space("小学6年生70.0% 中学3年生", "50.0%"));
        // A name with no figure written apart: no space.
        let name = pieces(&["市民の満足度が", "70.0%以上の地区の数"]);
        assert!(!CellSpacing::of(&name).break_took_a_space("市民の満足度が", "70.0%以上の地区の数"));
    }

    #[test]
    fn a_bracket_after_a_break_took_a_space_unless_the_cell_writes_brackets_tight() {
        let loose = pieces(&["創業者数", "(累計)"]);
        assert!(CellSpacing::of(&loose).break_took_a_space("創業者数", "(累計)"));
        let tight = pieces(&["参加団体(※)により創出", "(刷新)された"]);
        assert!(
            !CellSpacing::of(&tight).break_took_a_space("参加団体(※)により創出", "(刷新)された")
        );
        // A period in brackets on a line of its own always had one.
        assert!(CellSpacing::of(&tight).break_took_a_space("設立", "（R4年）"));
    }

    /// Invented lines of values in parts, as a narrow column wraps them.
    #[test]
    fn a_label_waiting_for_its_figure_or_an_open_bracket_leaves_a_value_open() {
        for open in [
            "小学6年生61.2% 中学3年生",
            "小学6年生 70.0% 中学3年生",
            "1 歳 6 か月児 96.1% 3 歳児",
            "981,736人 (高",
        ] {
            assert!(leaves_value_open(open), "{open}");
        }
        for ended in [
            "小学6年生61.2% 中学3年生42.5% (R元)",
            "70.0%以上",
            "70.0% 以上",
            "3,120千トン (R元)",
            "市民の割合",
            "中学3年生",
            "",
        ] {
            assert!(!leaves_value_open(ended), "{ended}");
        }
    }
}
