//! Flattened text into lines of cells: the forms people hold besides tab-separated text.
//!
//! A text extraction arrives in one of several shapes, often mixed in one file:
//! tab-separated (the historical form, read exactly as before), space-aligned
//! (`pdftotext -layout`, text copied from a viewer), Markdown pipe tables (Docling, Marker,
//! MarkItDown), or one cell per line (text copied from a web table). [`arrange`] finds the
//! blocks of each form, top to bottom, and turns each into lines of cells the table stage
//! reads like the tab-separated form: one line per logical table row, cells in column
//! order, blank cells holding the places of empty columns. Every produced line keeps the
//! number of its first source line; a row made of several source lines keeps them all in
//! its `raw`, one per line.

mod break_space;
mod chart_caption;
pub mod columns;
pub mod flattened;
mod header_gap;
pub mod header_lines;
mod name_gaps;
mod name_tails;
pub mod one_per_line;
mod pages;
pub mod pipes;
mod prose;
pub mod records;
mod rows;
pub mod runs;
pub mod spaces;
mod split_cells;
mod squeezed_cells;
mod squeezed_runs;
#[cfg(test)]
mod test_lines;
pub mod vocabulary;

use crate::cells::Cell;
use crate::diag::WarningCode;
use crate::text::cell_text;

pub use break_space::CellSpacing;
pub(crate) use rows::is_ordinal;
pub use vocabulary::{BuiltinVocabulary, HeaderKind, HeaderVocabulary};

/// Which form to read text input as (`--text-layout`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextLayout {
    /// Detect the form of every block.
    #[default]
    Auto,
    /// Tab-separated fields only (the form read before layouts were detected).
    Tabs,
    /// Space-aligned columns only.
    Spaces,
    /// Markdown pipe tables only.
    Pipes,
    /// One cell per line (or per paragraph) under a header of N terms.
    Lines,
}

impl TextLayout {
    /// The name `--text-layout` takes (what [`std::str::FromStr`] reads back).
    pub fn as_str(self) -> &'static str {
        match self {
            TextLayout::Auto => "auto",
            TextLayout::Tabs => "tabs",
            TextLayout::Spaces => "spaces",
            TextLayout::Pipes => "pipes",
            TextLayout::Lines => "lines",
        }
    }
}

impl std::str::FromStr for TextLayout {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "auto" => TextLayout::Auto,
            "tabs" => TextLayout::Tabs,
            "spaces" => TextLayout::Spaces,
            "pipes" => TextLayout::Pipes,
            "lines" => TextLayout::Lines,
            other => return Err(format!("unknown text layout {other:?}")),
        })
    }
}

/// One source line: its page and its text without line ending and form feeds.
#[derive(Debug, Clone, Copy)]
pub struct SourceLine<'a> {
    pub page: u32,
    pub raw: &'a str,
}

/// The raw text of several source lines as one produced line's, joined by line breaks.
pub(crate) fn joined_raw(lines: &[SourceLine]) -> String {
    lines.iter().map(|l| l.raw).collect::<Vec<_>>().join("\n")
}

/// A produced line: where it starts in the source, its source text and its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Arranged {
    /// 0-based index of its first source line.
    pub first: usize,
    pub raw: String,
    pub cells: Vec<Cell>,
}

/// What the arrangement found besides the lines: for `shinchoku cells` and warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// 0-based source lines `[first, end)`.
    pub first: usize,
    pub end: usize,
    /// `spaces`, `pipes` or `lines`.
    pub form: &'static str,
    /// Column extents (space-aligned blocks), in the block's metric.
    pub columns: Vec<(u32, u32)>,
    /// `chars` or `display` for space-aligned blocks.
    pub metric: &'static str,
    /// The column headers as read (joined over the header's lines).
    pub headers: Vec<String>,
}

/// A doubt found while arranging: `(0-based line, code, message)`.
pub type Doubt = (usize, WarningCode, String);

/// The whole arrangement of a text.
#[derive(Debug, Clone, Default)]
pub struct Arrangement {
    pub lines: Vec<Arranged>,
    pub blocks: Vec<Block>,
    pub doubts: Vec<Doubt>,
}

/// A cell from source text: the text without markup, or trimmed when there is none.
pub fn make_cell(raw: &str) -> Cell {
    let has_markup = memchr::memchr3(b'<', b'&', b'*', raw.as_bytes()).is_some();
    let text = if has_markup {
        cell_text(raw)
    } else {
        crate::html::trim_white_space(raw).to_string()
    };
    Cell::from_text(raw, text)
}

/// A cell made of pieces printed on several source lines: `raw` keeps them one a line,
/// `text` joins them as the reader would (see [`join_wrapped`]).
pub fn joined_cell(pieces: &[&str]) -> Cell {
    if let [piece] = pieces {
        // Most cells are one piece: its cell as is, the text trimmed as joining leaves it.
        let mut cell = make_cell(piece);
        if cell.text.trim().len() != cell.text.len() {
            cell.text = cell.text.trim().to_string();
        }
        return cell;
    }
    let texts: Vec<String> = pieces.iter().map(|p| make_cell(p).text).collect();
    Cell::from_text(pieces.join("\n"), join_wrapped(&texts))
}

/// East Asian wide or full-width: no space is written between such characters.
fn is_wide(c: char) -> bool {
    use unicode_width::UnicodeWidthChar;
    !c.is_ascii() && c.width() == Some(2)
}

/// Whether a line piece starts a new list item (`1 事業名`, `・`, `①`).
fn starts_list_item(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if matches!(first, '・' | '●' | '○' | '■' | '◆' | '◇' | '□' | '①'..='⑳') {
        return true;
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits <= 3 && s[digits..].starts_with(' ')
}

/// The depth of brackets a text leaves open: brackets opened minus brackets closed
/// (negative when it closes more than it opens).
pub(crate) fn bracket_depth(text: &str) -> i32 {
    text.chars().fold(0, |depth, ch| match ch {
        '(' | '（' => depth + 1,
        ')' | '）' => depth - 1,
        _ => depth,
    })
}

/// Pieces of one cell that a layout wrapped over lines, joined: nothing between wide
/// characters or around brackets and commas (Japanese wraps anywhere), a space between
/// Latin words and before a period in brackets on a line of its own, a line break before
/// a new list item.
pub fn join_wrapped(pieces: &[String]) -> String {
    match pieces.iter().filter(|p| !p.trim().is_empty()).count() {
        // Nothing to join: the cell's spacing is not needed (most cells are one line).
        0 | 1 => pieces.iter().map(|p| p.trim()).collect(),
        _ => join_wrapped_with(pieces, CellSpacing::of(pieces)),
    }
}

/// [`join_wrapped`], with the spaces a line break took told by `spacing` (read from the
/// cell's pieces with the reader's own figures).
pub fn join_wrapped_with(pieces: &[String], spacing: CellSpacing) -> String {
    let mut out = String::new();
    for piece in pieces.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        if out.is_empty() {
            out.push_str(piece);
            continue;
        }
        if starts_list_item(piece) {
            out.push('\n');
        } else {
            let end = out.chars().next_back().unwrap_or(' ');
            let start = piece.chars().next().unwrap_or(' ');
            // A hyphen ends a word cut in two; a lone dash is a value (none yet).
            let glued = matches!(end, '(' | '/') || (end == '-' && out != "-");
            let tight = glued
                || matches!(start, ')' | ',' | '.')
                || (end.is_ascii_digit() && start.is_ascii_digit())
                || is_wide(end)
                || is_wide(start);
            if (!glued && spacing.break_took_a_space(&out, piece)) || !tight {
                out.push(' ');
            }
        }
        out.push_str(piece);
    }
    out
}

/// A line outside any block: one cell per run of a space-aligned line, or the whole line
/// as one cell (as the tab-separated form reads a line without tabs).
fn plain_line(index: usize, raw: &str, split: bool) -> Arranged {
    let runs = if split { runs::runs(raw) } else { Vec::new() };
    let cells = if runs.len() >= 2 {
        runs.iter().map(|r| make_cell(r.text(raw))).collect()
    } else {
        vec![make_cell(raw)]
    };
    Arranged {
        first: index,
        raw: raw.to_string(),
        cells,
    }
}

/// Arrange a text's lines. Lines with a tab (under `Auto`) are left out: the caller reads
/// them as it always did, in parallel. Every other line appears in exactly one produced
/// line, sorted by first source line.
pub fn arrange(
    lines: &[SourceLine],
    layout: TextLayout,
    vocab: &dyn HeaderVocabulary,
) -> Arrangement {
    let script_spaced = crate::script_spacing::prints_script_spaces(lines);
    arrange_knowing_script_spacing(lines, layout, vocab, script_spaced)
}

/// [`arrange`] by a caller that has already asked whether the text prints script spaces
/// ([`crate::script_spacing::prints_script_spaces`]: a pass over the whole text).
pub(crate) fn arrange_knowing_script_spacing(
    lines: &[SourceLine],
    layout: TextLayout,
    vocab: &dyn HeaderVocabulary,
    script_spaced: bool,
) -> Arrangement {
    let mut out = Arrangement::default();
    let has_tab = |i: usize| memchr::memchr(b'\t', lines[i].raw.as_bytes()).is_some();
    let any_tabs = layout == TextLayout::Auto && (0..lines.len()).any(has_tab);
    let (pipes_on, lines_on, spaces_on) = match layout {
        TextLayout::Auto => (true, true, true),
        TextLayout::Pipes => (true, false, false),
        TextLayout::Lines => (false, true, false),
        TextLayout::Spaces => (false, false, true),
        TextLayout::Tabs => (false, false, false),
    };
    let usable: Vec<bool> = (0..lines.len())
        .map(|i| layout != TextLayout::Auto || !has_tab(i))
        .collect();
    // A print that spaces the scripts (`12 人 (R 元)`) is cut into cells between its values,
    // not inside one: its words are read back as the value grammar reads its lines.
    let script_spaced = spaces_on && script_spaced;
    let runs: Vec<Vec<runs::Run>> = (0..lines.len())
        .map(|i| {
            if spaces_on && usable[i] && script_spaced {
                runs::runs_read_back(lines[i].raw, &crate::script_spacing::tighten_line)
            } else if spaces_on && usable[i] {
                runs::runs(lines[i].raw)
            } else {
                Vec::new()
            }
        })
        .collect();
    let mut i = 0;
    while i < lines.len() {
        if !usable[i] {
            // Read by the caller, as tab-separated text always was.
            i += 1;
            continue;
        }
        if pipes_on {
            if let Some(end) = pipes::block(lines, &usable, i, &mut out) {
                i = end;
                continue;
            }
        }
        if lines_on {
            if let Some(end) = one_per_line::block(lines, &usable, i, vocab, &mut out) {
                i = end;
                continue;
            }
        }
        if spaces_on {
            if let Some(end) = spaces::block(lines, &usable, &runs, i, vocab, &mut out) {
                i = end;
                continue;
            }
        }
        if layout == TextLayout::Auto && flattened::line(lines, i, vocab, &mut out).is_some() {
            i += 1;
            continue;
        }
        out.lines
            .push(plain_line(i, lines[i].raw, spaces_on && !any_tabs));
        i += 1;
    }
    // Blocks place their lines at their first source line; rows made of several lines
    // and lines of their own interleave.
    out.lines.sort_by_key(|a| a.first);
    out
}

/// Arrange lines whose runs were positioned elsewhere (a PDF page's text rows, x in half
/// ems): only space-aligned table regions are looked for, and only they are returned
/// (`lines` and `blocks` of the regions found; every other line is left to the caller).
pub fn arrange_positioned(
    lines: &[SourceLine],
    runs: &[Vec<runs::Run>],
    vocab: &dyn HeaderVocabulary,
) -> Arrangement {
    let mut out = Arrangement::default();
    let usable = vec![true; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        match spaces::block(lines, &usable, runs, i, vocab, &mut out) {
            Some(end) => i = end,
            None => i += 1,
        }
    }
    out.lines.sort_by_key(|a| a.first);
    out
}

#[cfg(test)]
mod tests {
    use super::join_wrapped;

    #[test]
    fn wrapped_pieces_join_as_read() {
        let j = |p: &[&str]| {
            join_wrapped(
                &p.iter()
                    .map(std::string::ToString::to_string)
                    .collect::<Vec<_>>(),
            )
        };
        assert_eq!(
            j(&[
                "34歳以下の就職率（ハローワーク上越管内、パートを",
                "除く常用）"
            ]),
            "34歳以下の就職率（ハローワーク上越管内、パートを除く常用）"
        );
        assert_eq!(j(&["Gross", "product"]), "Gross product");
        // A period on a line of its own is set apart; a lone dash is a value, no hyphen.
        assert_eq!(j(&["設立", "（R4年）"]), "設立 （R4年）");
        assert_eq!(j(&["-", "(R2国勢調査)"]), "- (R2国勢調査)");
        assert_eq!(j(&["U-", "ターン"]), "U-ターン");
        // A bracket opening a line had the space the break took, unless the cell writes
        // its brackets tight elsewhere.
        assert_eq!(j(&["創業者数", "(累計)"]), "創業者数 (累計)");
        assert_eq!(
            j(&["参加団体 (※) により創出", "(刷新) された"]),
            "参加団体 (※) により創出 (刷新) された"
        );
        assert_eq!(
            j(&["参加団体(※)により創出", "(刷新)された"]),
            "参加団体(※)により創出(刷新)された"
        );
        assert_eq!(
            j(&["1 企業誘致促進", "2 直江津港振興"]),
            "1 企業誘致促進\n2 直江津港振興"
        );
    }
}
