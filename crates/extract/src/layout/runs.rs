//! Positioned runs of text: the pieces of a line separated by wide white space, with
//! their horizontal extent.
//!
//! A text line's runs are separated by two or more spaces, a tab or an ideographic space
//! (U+3000). Two measures of x are kept, because flattened text comes from two kinds of
//! tools: a monospace viewer or editor shows East Asian wide characters two columns wide
//! ([`Metric::Display`], via `unicode-width`), while `pdftotext -layout` places one
//! character per column whatever its width ([`Metric::Chars`]). A region of lines is read
//! with the measure under which its runs' edges line up best (see
//! [`super::columns::choose_metric`]).
//!
//! Inside a run, single spaces separate words; tools that squeeze a table into too few
//! columns leave a single space between two cells, so words are where a run may be split
//! at a column boundary.

use unicode_width::UnicodeWidthChar;

use super::bracket_depth;

/// How x is counted along a text line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// One column per character (`pdftotext -layout`).
    Chars,
    /// Display columns: East Asian wide and full-width characters count two.
    Display,
}

/// A horizontal extent `[x0, x1)` under both metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub chars: (u32, u32),
    pub display: (u32, u32),
}

impl Span {
    pub fn x(&self, metric: Metric) -> (u32, u32) {
        match metric {
            Metric::Chars => self.chars,
            Metric::Display => self.display,
        }
    }
}

/// One run: byte range in its line, its extent and its words (byte ranges and extents).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub start: usize,
    pub end: usize,
    pub span: Span,
    pub words: Vec<(usize, usize, Span)>,
}

impl Run {
    pub fn text<'a>(&self, line: &'a str) -> &'a str {
        &line[self.start..self.end]
    }
}

/// Display width of one character (control characters count zero, as a terminal shows).
#[inline]
fn width(c: char) -> u32 {
    if c.is_ascii() {
        return u32::from(!c.is_ascii_control());
    }
    c.width().map_or(0, |w| w as u32)
}

/// Whether `c` separates runs on its own (a tab, an ideographic space).
#[inline]
fn is_hard_gap(c: char) -> bool {
    c == '\t' || c == '\u{3000}'
}

/// The runs of a line. One pass over its characters: linear in the line's length.
pub fn runs(line: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let (mut col, mut disp) = (0u32, 0u32);
    // The run being built and the word being built inside it.
    let mut run: Option<Run> = None;
    let mut word: Option<(usize, Span)> = None;
    // Spaces seen since the last visible character (an ideographic space counts two).
    let mut spaces = 0u32;
    let close_word =
        |run: &mut Option<Run>, word: &mut Option<(usize, Span)>, end: usize, at: (u32, u32)| {
            if let (Some(r), Some((start, mut span))) = (run.as_mut(), word.take()) {
                span.chars.1 = at.0;
                span.display.1 = at.1;
                r.words.push((start, end, span));
                r.end = end;
                r.span.chars.1 = at.0;
                r.span.display.1 = at.1;
            }
        };
    for (i, c) in line.char_indices() {
        if c == ' ' || is_hard_gap(c) {
            if spaces == 0 {
                close_word(&mut run, &mut word, i, (col, disp));
            }
            spaces += if is_hard_gap(c) { 2 } else { 1 };
        } else {
            if spaces >= 2 {
                if let Some(r) = run.take() {
                    out.push(r);
                }
            }
            spaces = 0;
            if run.is_none() {
                run = Some(Run {
                    start: i,
                    end: i,
                    span: Span {
                        chars: (col, col),
                        display: (disp, disp),
                    },
                    words: Vec::new(),
                });
            }
            if word.is_none() {
                word = Some((
                    i,
                    Span {
                        chars: (col, col),
                        display: (disp, disp),
                    },
                ));
            }
        }
        col += 1;
        disp += width(c);
    }
    if spaces == 0 {
        close_word(&mut run, &mut word, line.len(), (col, disp));
    }
    if let Some(r) = run {
        out.push(r);
    }
    out
}

/// The runs of a line of a text that prints a space wherever the scripts meet (`123,000
/// 千円 150,000 千円`), each run's words joined where `read_back` (the value grammar that
/// reads such a print back, `12 人` as `12人`) takes the space between them out: a run's
/// words are where a squeezed run may be cut into cells, and a number and its unit, or a
/// bracketed note, is no cell boundary. Runs, their text and extents are as [`runs`]
/// reads them. Linear in the line, `read_back` being so.
pub fn runs_read_back(line: &str, read_back: &dyn Fn(&str) -> String) -> Vec<Run> {
    let mut out = runs(line);
    for run in &mut out {
        if run.words.len() < 2 {
            continue;
        }
        let text = run.text(line);
        let Some(taken_out) = spaces_taken_out(text, &read_back(text)) else {
            continue;
        };
        // Byte offsets (in the line) of the spaces taken out, in order.
        let taken_out: Vec<usize> = taken_out.into_iter().map(|at| run.start + at).collect();
        let words = join_words(&run.words, |last, next| {
            last.1 + 1 == next.0 && taken_out.binary_search(&last.1).is_ok()
        });
        // A note set one space after its value goes with it where the run is cut: in a
        // run that goes on after it (values squeezed together), or left open (it goes on
        // below). A run's last, closed note is its value's anyway.
        let count = words.len();
        let mut k = 0;
        run.words = join_words(&words, |last, next| {
            k += 1;
            let note = &line[next.0..next.1];
            is_note_of_value(&line[last.0..last.1], note)
                && (k + 1 < count || bracket_depth(note) > 0)
        });
    }
    out
}

/// `words` with each joined to the one before it where `joins(before so far, word)`,
/// asked once for every word after the first, in order.
fn join_words(
    words: &[(usize, usize, Span)],
    mut joins: impl FnMut(&(usize, usize, Span), &(usize, usize, Span)) -> bool,
) -> Vec<(usize, usize, Span)> {
    let mut out: Vec<(usize, usize, Span)> = Vec::with_capacity(words.len());
    for word in words {
        match out.last_mut() {
            Some(last) if joins(last, word) => {
                last.1 = word.1;
                last.2.chars.1 = word.2.chars.1;
                last.2.display.1 = word.2.display.1;
            }
            _ => out.push(*word),
        }
    }
    out
}

/// A note in brackets set one space after a value (`4,210 人 (H28 経済センサス)`, `141,200
/// 千円 (R4 見` going on below): the value's, as the printed cell holds both.
fn is_note_of_value(value: &str, note: &str) -> bool {
    note.starts_with(['(', '（'])
        && value.starts_with(|c: char| c.is_ascii_digit())
        && !value.ends_with([')', '）'])
}

/// The byte offsets in `text` of the spaces `read` (the same text with spaces taken out)
/// does not have; `None` when `read` is not `text` less some spaces.
fn spaces_taken_out(text: &str, read: &str) -> Option<Vec<usize>> {
    let mut taken_out = Vec::new();
    let mut kept = read.chars().peekable();
    for (at, c) in text.char_indices() {
        if kept.peek() == Some(&c) {
            kept.next();
        } else if c == ' ' {
            taken_out.push(at);
        } else {
            return None;
        }
    }
    kept.next().is_none().then_some(taken_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Extent = (u32, u32);

    fn texts(line: &str) -> Vec<(&str, Extent, Extent)> {
        runs(line)
            .iter()
            .map(|r| (r.text(line), r.span.chars, r.span.display))
            .collect()
    }

    #[test]
    fn runs_split_at_two_spaces_or_an_ideographic_space() {
        assert_eq!(
            texts("  認定農業者数  842 人\u{3000}1,040人"),
            vec![
                ("認定農業者数", (2, 8), (2, 14)),
                ("842 人", (10, 15), (16, 22)),
                ("1,040人", (16, 22), (24, 31)),
            ]
        );
        assert!(runs("").is_empty());
        assert!(runs("   \u{3000} ").is_empty());
    }

    #[test]
    fn words_are_split_at_single_spaces() {
        let line = "589,989百万円 (R3) ※R4実績は未 706,283百万円";
        let r = &runs(line)[0];
        let words: Vec<&str> = r.words.iter().map(|w| &line[w.0..w.1]).collect();
        assert_eq!(
            words,
            ["589,989百万円", "(R3)", "※R4実績は未", "706,283百万円"]
        );
        assert_eq!(r.words[3].2.chars.0, 24);
        assert_eq!(r.text(line), line);
    }

    /// An invented squeezed run of a print that spaces the scripts, read back by a stand-in
    /// for the value grammar.
    #[test]
    fn words_read_back_join_where_a_space_is_taken_out() {
        let line = "町内の年間販売額     123,000 千円 150,000 千円 (R4 見込)";
        let read_back = |text: &str| {
            text.replace(" 千円", "千円")
                .replace("(R4 見込)", "(R4見込)")
        };
        let r = &runs_read_back(line, &read_back)[1];
        let words: Vec<&str> = r.words.iter().map(|w| &line[w.0..w.1]).collect();
        assert_eq!(words, ["123,000 千円", "150,000 千円", "(R4 見込)"]);
        assert_eq!(r.words[1].2.chars, (24, 34));
        assert_eq!(r.text(line), "123,000 千円 150,000 千円 (R4 見込)");
        // A reading that is not the text less spaces changes nothing.
        let rewrite = |text: &str| text.replace("千円", "円");
        assert_eq!(runs_read_back(line, &rewrite), runs(line));
    }

    /// Invented squeezed runs of a LibreOffice print that spaces the scripts (shaped like
    /// sample-town's, issue 17), read back by the value grammar: a value is cut from the
    /// next one, never inside, and a note goes with its value where the run goes on after
    /// it or the note goes on below; a run's last, closed note is left a word of its own.
    #[test]
    fn a_script_spaced_runs_words_are_its_values() {
        let read_back = crate::script_spacing::tighten_line;
        let words = |line: &str| -> Vec<Vec<String>> {
            runs_read_back(line, &read_back)
                .iter()
                .map(|r| r.words.iter().map(|w| line[w.0..w.1].to_string()).collect())
                .collect()
        };
        assert_eq!(
            words("出店件数   2,150 人 (H27 国勢調査) 2,400 人 2,310 人 (R2 国勢調査) 遅れ"),
            [
                vec!["出店件数"],
                vec![
                    "2,150 人 (H27 国勢調査)",
                    "2,400 人",
                    "2,310 人 (R2 国勢調査)",
                    "遅れ"
                ]
            ]
        );
        assert_eq!(
            words("   86,400 千円 (R4 見      1 直売所の運営"),
            [vec!["86,400 千円 (R4 見"], vec!["1", "直売所の運営"]]
        );
        assert_eq!(
            words("認定農業者数   25 人 (H30)   32 人 (R4 見込)"),
            [
                vec!["認定農業者数"],
                vec!["25 人", "(H30)"],
                vec!["32 人", "(R4 見込)"]
            ]
        );
    }
}
