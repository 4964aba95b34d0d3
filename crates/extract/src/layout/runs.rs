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
}
