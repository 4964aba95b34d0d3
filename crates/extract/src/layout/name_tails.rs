//! A long name's last words squeezed into the first value column.
//!
//! `pdftotext -layout` places one character per column, so a long name of wide characters
//! pushes the words after it right: its last words may start where the other rows' values
//! do, one space before the row's own value (`…創出 (刷新) された雁 2件/年 (H30)`). By
//! position they are the value's; by what they are they cannot be: in a column whose
//! values start at a figure on the other rows, a cell does not start with words of text
//! and then a figure. Such words go back to the name cell they continue (same run, one
//! space apart). A column whose rows start with text (`各地域の維持、再生に向けた取組`)
//! keeps what its position says.

use super::runs::{Metric, Run};
use super::spaces::Part;

/// A word that can start a value: it holds a digit (`2件/年`, `約32,000件`, `(H30)`), or is
/// a dash standing for a missing value.
fn is_figure(word: &str) -> bool {
    word.chars().any(char::is_numeric) || matches!(word, "-" | "－" | "―" | "—" | "‐")
}

/// A word of a name's running text: wide characters only, no digit, no bracket opening a
/// note (`(高` may open a value's place note).
fn is_name_text(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| !c.is_ascii() && !c.is_numeric() && !matches!(c, '（' | '［' | '【'))
}

/// For each column, whether the values of the lines holding two value columns or more (the
/// rows' own value lines) mostly start at a figure in it. One pass over the pieces.
pub(super) fn figure_led_columns<'a, I>(lines: I, is_value: &[bool]) -> Vec<bool>
where
    I: IntoIterator<Item = &'a [Part<'a>]>,
{
    let mut figure = vec![0usize; is_value.len()];
    let mut text = vec![0usize; is_value.len()];
    for pieces in lines {
        let mut values = pieces.iter().filter(|p| is_value[p.col]).map(|p| p.col);
        let Some(first) = values.next() else {
            continue;
        };
        if values.all(|c| c == first) {
            continue;
        }
        let mut seen = usize::MAX;
        for p in pieces.iter().filter(|p| is_value[p.col]) {
            if p.col == seen {
                continue;
            }
            seen = p.col;
            let word = p.text.split(' ').next().unwrap_or("");
            if is_figure(word) {
                figure[p.col] += 1;
            } else {
                text[p.col] += 1;
            }
        }
    }
    figure.iter().zip(&text).map(|(&f, &t)| f > t).collect()
}

/// Give a name piece back the words of text that start the next piece, a figure-led value
/// column's, on the same run (see the module comment). Linear in the line's words.
pub(super) fn return_name_tails<'a>(
    pieces: &mut [Part<'a>],
    raw: &'a str,
    runs: &[Run],
    metric: Metric,
    name: usize,
    figure_led: &[bool],
) {
    if !figure_led.get(name + 1).copied().unwrap_or(false) {
        return;
    }
    for q in 1..pieces.len() {
        let (left, right) = (pieces[q - 1], pieces[q]);
        if left.col != name || right.col != name + 1 {
            continue;
        }
        // Both pieces of one run: the tool squeezed them together.
        let Some(run) = runs.iter().find(|r| {
            let (x0, x1) = r.span.x(metric);
            x0 <= left.x0 && right.x1 <= x1
        }) else {
            continue;
        };
        let x = |k: usize| run.words[k].2.x(metric);
        let word = |k: usize| &raw[run.words[k].0..run.words[k].1];
        let (Some(name_start), Some(first)) = (
            (0..run.words.len()).find(|&k| x(k).0 == left.x0),
            (0..run.words.len()).find(|&k| x(k).0 == right.x0),
        ) else {
            continue;
        };
        let Some(last) = (first..run.words.len()).rfind(|&k| x(k).1 == right.x1) else {
            continue;
        };
        let figure_at = (first..=last).find(|&k| !is_name_text(word(k)));
        let Some(figure_at) = figure_at.filter(|&k| k > first && is_figure(word(k))) else {
            continue;
        };
        // A label before each of several figures (`男性 80.0歳 女性 85.0歳`) is a value in
        // parts, its first label the cell's own.
        if (figure_at + 1..last).any(|k| is_name_text(word(k)) && is_figure(word(k + 1))) {
            continue;
        }
        // The name's own last word is running text too: the words continue it.
        let brackets = |c: char| matches!(c, '(' | ')' | '（' | '）');
        if first == 0 || !is_name_text(word(first - 1).trim_matches(brackets)) {
            continue;
        }
        pieces[q - 1].text = &raw[run.words[name_start].0..run.words[figure_at - 1].1];
        pieces[q - 1].x1 = x(figure_at - 1).1;
        pieces[q].text = &raw[run.words[figure_at].0..run.words[last].1];
        pieces[q].x0 = x(figure_at).0;
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_lines::{arranged, at_chars};

    /// Issue 16 (上越 by WeasyPrint, `pdftotext -layout`): a long name's last word
    /// (`された雁`), one space before the row's baseline, started where the other rows'
    /// baselines do and was read as the start of the baseline (`された雁 2件/年 (H30)`).
    /// The baseline column's values start at a figure: the words of text go back to the
    /// name, which goes on on the next line.
    #[test]
    fn a_names_last_words_before_a_figure_stay_with_the_name() {
        let squeezed =
            "市と地域協議会参加団体 (※) により新たに創出 (刷新) または改善 された雁 2件/年 (H30)";
        let lines = [
            at_chars(&[(4, "項目"), (40, "当初"), (58, "現状値"), (70, "目標値")]),
            at_chars(&[
                (4, "待機児童数"),
                (40, "0人 (H30)"),
                (58, "0人"),
                (70, "0人"),
            ]),
            at_chars(&[(4, squeezed), (58, "0件/年"), (70, "2件/年")]),
            at_chars(&[(4, "木・町家に関するイベントの件数")]),
            at_chars(&[
                (4, "観光入込客数"),
                (40, "120万人 (H30)"),
                (58, "98万人"),
                (70, "130万人"),
            ]),
        ];
        // The squeezed run's `された雁` starts at the baseline column's start.
        assert_eq!(lines[2].chars().take_while(|&c| c != 'さ').count(), 40);
        let got = arranged(&lines);
        let want: Vec<Vec<&str>> = vec![
            vec!["項目", "当初", "現状値", "目標値"],
            vec!["待機児童数", "0人 (H30)", "0人", "0人"],
            vec![
                "市と地域協議会参加団体 (※) により新たに創出 (刷新) または改善 された雁木・町家に関するイベントの件数",
                "2件/年 (H30)",
                "0件/年",
                "2件/年",
            ],
            vec!["観光入込客数", "120万人 (H30)", "98万人", "130万人"],
        ];
        assert_eq!(got, want);
    }

    /// A value in parts squeezed one space after a name (`男性 80.0歳 女性 85.0歳`, 健康寿命)
    /// keeps its first label: a label before each figure is the cell's own, not the name's.
    #[test]
    fn a_value_in_parts_keeps_its_first_label() {
        let squeezed = "健康寿命 (日常生活に制限のない期間の平均) の延伸 男性 79.5歳 女性 83.8歳";
        let lines = [
            at_chars(&[(4, "項目"), (31, "当初"), (50, "現状値"), (70, "目標値")]),
            at_chars(&[
                (4, "待機児童数"),
                (31, "0人 (H30)"),
                (50, "0人"),
                (70, "0人"),
            ]),
            at_chars(&[(4, squeezed), (50, "男性 80.0歳"), (70, "延伸")]),
            at_chars(&[
                (4, "観光入込客数"),
                (31, "120万人 (H30)"),
                (50, "98万人"),
                (70, "130万人"),
            ]),
        ];
        // `男性` starts at the baseline column's start.
        assert_eq!(lines[2].chars().take_while(|&c| c != '男').count(), 31);
        let got = arranged(&lines);
        assert_eq!(got[2][1], "男性 79.5歳 女性 83.8歳", "{got:?}");
    }

    /// A column whose rows start with text (a state described in words) keeps the words
    /// its position gives it: only a figure-led column's cells cannot start with text.
    #[test]
    fn a_text_led_column_keeps_its_words() {
        let squeezed =
            "市と地域協議会参加団体 (※) により新たに創出 (刷新) または改善 された状態 2件";
        let lines = [
            at_chars(&[(4, "項目"), (40, "当初"), (58, "現状値"), (70, "目標値")]),
            at_chars(&[
                (4, "組織の設置"),
                (40, "設置された状態"),
                (58, "0人"),
                (70, "0人"),
            ]),
            at_chars(&[(4, squeezed), (58, "0件/年"), (70, "2件/年")]),
            at_chars(&[
                (4, "取組の継続"),
                (40, "継続の状態"),
                (58, "98万人"),
                (70, "130万人"),
            ]),
        ];
        let got = arranged(&lines);
        assert_eq!(got[2][1], "された状態 2件", "{got:?}");
    }
}
