//! Text input: lines split into tab-separated cells.
//!
//! Lines end at LF, CRLF or a lone CR; a trailing line ending does not start an empty
//! line (as `str::lines`). Line numbers are 1-based over the whole text, blank lines
//! included, so they match what an editor shows.
//!
//! A form feed (`\f`) is a page break, as `pdftotext` writes one after every page. It is
//! not a line break: `"\fFirst line"` is line N on the next page. When the text holds any
//! form feed, `pages` is the number of pages with content (a final form feed followed by
//! nothing does not open a page) and each line carries its page: the page in effect after
//! the form feeds at its start. Form feeds are removed from `raw` and from the cells.
//!
//! Cells are the tab-separated fields, empty ones kept (their positions are columns).
//! `Cell.raw` is the field as printed; `Cell.text` is [`strip_html`](crate::html::strip_html)
//! of it with Markdown bold markers removed: a leading or trailing `**` (some extractions
//! wrap a title over several lines in `**…**`) and paired `**…**` inside the cell.
//!
//! A text that prints a space wherever Japanese meets Latin letters or digits (`pdftotext`
//! of LibreOffice's prints: `3,120 千トン (R 元)`, see `script_spacing`) has the
//! cells of its table rows read back as printed, whatever reader arranged them; the lines'
//! and cells' `raw` keep the printed text.

use std::borrow::Cow;

use crate::cells::{Cell, Format, Line, SourceDoc};
use crate::diag::{Provenance, Warning};
use crate::layout::{self, BuiltinVocabulary, HeaderVocabulary, SourceLine, TextLayout};
use crate::{decode, html, script_spacing, ExtractError};

/// Read a text extraction into lines of cells, detecting each block's form (see
/// [`crate::layout`]) with the built-in header vocabulary.
pub fn read_text(bytes: &[u8]) -> Result<SourceDoc, ExtractError> {
    read_text_with(bytes, TextLayout::Auto, &BuiltinVocabulary)
}

/// Read a text extraction into lines of cells, in the given form (or detected with
/// `Auto`), recognizing header cells with `vocab`.
///
/// Page numbers need one pass in order (form feeds count from the start). Tab-separated
/// lines are read in parallel, since such a line's cells depend on that line alone; the
/// other forms are arranged block by block ([`layout::arrange`]).
pub fn read_text_with(
    bytes: &[u8],
    text_layout: TextLayout,
    vocab: &dyn HeaderVocabulary,
) -> Result<SourceDoc, ExtractError> {
    let (text, _) = decode::decode_text_cow(bytes)?;
    let (raw_lines, pages) = paged_lines(&text);
    if text_layout == TextLayout::Tabs {
        return Ok(tab_separated(raw_lines, pages));
    }
    let sources: Vec<SourceLine> = raw_lines
        .iter()
        .map(|(page, raw)| SourceLine { page: *page, raw })
        .collect();
    let arrangement = arrange_blocks(&sources, text_layout, vocab);
    drop(sources);
    let page_of = |index: usize| pages.map(|last| raw_lines[index].0.min(last));
    let mut warnings = Vec::new();
    for (index, code, message) in &arrangement.doubts {
        warnings.push(Warning::new(
            *code,
            message.clone(),
            Provenance {
                column: None,
                sheet: None,
                line: line_number(*index),
                page: page_of(*index),
                text: raw_lines[*index].1.to_string(),
            },
        ));
    }
    let arranged: Vec<Line> = arrangement
        .lines
        .into_iter()
        .map(|a| Line {
            page: page_of(a.first),
            number: line_number(a.first),
            raw: a.raw,
            cells: a.cells,
            heading: None,
            size: None,
        })
        .collect();
    let covered: Vec<bool> = {
        let mut c = vec![false; raw_lines.len()];
        for b in &arrangement.blocks {
            c[b.first..b.end].iter_mut().for_each(|x| *x = true);
        }
        for l in &arranged {
            c[l.number as usize - 1] = true;
        }
        c
    };
    // Lines the arrangement left to the tab-separated reading.
    let tabbed: Vec<(usize, (u32, Cow<'_, str>))> = raw_lines
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !covered[*i])
        .collect();
    let mut lines = if arranged.is_empty() {
        tab_separated_lines(tabbed, pages)
    } else {
        let mut merged = Vec::with_capacity(arranged.len() + tabbed.len());
        let tab_lines = tab_separated_lines(tabbed, pages);
        let (mut a, mut t) = (
            arranged.into_iter().peekable(),
            tab_lines.into_iter().peekable(),
        );
        loop {
            let take_a = match (a.peek(), t.peek()) {
                (Some(x), Some(y)) => x.number <= y.number,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            merged.extend(if take_a { a.next() } else { t.next() });
        }
        merged
    };
    lines.shrink_to_fit();
    Ok(SourceDoc {
        format: Format::Text,
        pages,
        lines,
        warnings,
        sheet_names: Vec::new(),
        metadata_title: None,
    })
}

/// The text's lines, each with its page (the page in effect after the form feeds at its
/// start; form feeds removed), and the number of pages with content when the text holds any
/// form feed. Page numbers need one pass in order, since form feeds count from the start.
/// Lines borrow the text; only a line that held form feeds is copied.
fn paged_lines(text: &str) -> (Vec<(u32, Cow<'_, str>)>, Option<u32>) {
    let has_form_feed = memchr::memchr(b'\x0c', text.as_bytes()).is_some();
    let mut raw_lines: Vec<(u32, Cow<'_, str>)> = Vec::new();
    let mut page = 1u32;
    let mut last_page_with_content = 1u32;
    for raw_line in split_lines(text) {
        let (line_page, raw) = if has_form_feed {
            let leading = raw_line.bytes().take_while(|&b| b == b'\x0c').count();
            page = page.saturating_add(u32::try_from(leading).unwrap_or(u32::MAX));
            let line_page = page;
            let inner = raw_line[leading..].matches('\u{c}').count();
            page = page.saturating_add(u32::try_from(inner).unwrap_or(u32::MAX));
            let raw = if leading + inner > 0 {
                Cow::Owned(raw_line.replace('\u{c}', ""))
            } else {
                Cow::Borrowed(raw_line)
            };
            (line_page, raw)
        } else {
            (1, Cow::Borrowed(raw_line))
        };
        if !crate::cells::is_blank_text(&raw) {
            last_page_with_content = last_page_with_content.max(line_page);
        }
        raw_lines.push((line_page, raw));
    }
    (raw_lines, has_form_feed.then_some(last_page_with_content))
}

/// The blocks [`layout::arrange`] finds in a text, one line each for people (`shinchoku
/// cells`): `# l{first}-l{last} {form}`, then the metric and the column extents of a
/// space-aligned block (`[x0,x1)` in characters or display columns), then the headers
/// joined by ` | `. Empty for text that is not decodable.
pub fn describe_blocks(bytes: &[u8], text_layout: TextLayout) -> String {
    use std::fmt::Write;
    let Ok((text, _)) = decode::decode_text_cow(bytes) else {
        return String::new();
    };
    if text_layout == TextLayout::Tabs {
        return String::new();
    }
    // Paged as `extract` pages them: the rules that look at page breaks see the same lines.
    let (raw_lines, _) = paged_lines(&text);
    let sources: Vec<SourceLine> = raw_lines
        .iter()
        .map(|(page, raw)| SourceLine { page: *page, raw })
        .collect();
    let layout = arrange_blocks(&sources, text_layout, &BuiltinVocabulary);
    let mut out = String::new();
    for b in &layout.blocks {
        let _ = write!(out, "# l{}-l{} {}", b.first + 1, b.end, b.form);
        if !b.columns.is_empty() {
            let _ = write!(out, " ({}):", b.metric);
            for (x0, x1) in &b.columns {
                let _ = write!(out, " [{x0},{x1})");
            }
        }
        let _ = writeln!(out, "\n#   headers: {}", b.headers.join(" | "));
    }
    out
}

/// The lines of a text's blocks in every form but tab-separated, as both `extract` and
/// `cells` read them: [`layout::arrange`], then (under `Auto`) the tables printed with
/// single spaces, and the cells of a text that prints script spaces read back.
fn arrange_blocks(
    sources: &[SourceLine],
    text_layout: TextLayout,
    vocab: &dyn HeaderVocabulary,
) -> layout::Arrangement {
    let vocab = &layout::vocabulary::Remembering::new(vocab);
    let script_spaced = script_spacing::prints_script_spaces(sources);
    let mut arrangement =
        layout::arrange_knowing_script_spacing(sources, text_layout, vocab, script_spaced);
    if text_layout == TextLayout::Auto {
        read_raw_tables(sources, vocab, script_spaced, &mut arrangement);
    }
    if script_spaced {
        tighten_printed_cells(&mut arrangement);
    }
    arrangement
}

/// Tables printed with single spaces (`pdftotext -raw`, see [`crate::raw_rows`]) among the
/// lines no other form claimed: lines without tabs outside space-aligned and pipe blocks
/// (a one-cell-per-line block may be a raw table's header read as such, and is read again).
fn read_raw_tables(
    sources: &[SourceLine],
    vocab: &dyn HeaderVocabulary,
    script_spaced: bool,
    arrangement: &mut layout::Arrangement,
) {
    let mut usable: Vec<bool> = sources
        .iter()
        .map(|s| memchr::memchr(b'\t', s.raw.as_bytes()).is_none())
        .collect();
    for b in arrangement.blocks.iter().filter(|b| b.form != "lines") {
        usable[b.first..b.end].iter_mut().for_each(|u| *u = false);
    }
    crate::raw_rows::read_raw_tables(sources, &usable, vocab, script_spaced, arrangement);
}

/// Blocks whose cells are the printed cells, each as one text: space-aligned runs, pipe
/// table cells, one cell per line (also read as records). A flattened line's cells are
/// words, and the `-raw` reader tightens its own.
const PRINTED_CELL_FORMS: [&str; 4] = ["spaces", "pipes", "lines", "records"];

/// In a text that prints a space wherever the scripts meet (`3,120 千トン (R 元)`, see
/// [`script_spacing`]), the text of the cells of the table rows of blocks that keep the
/// printed cells, read back as printed ([`script_spacing::tighten_cell`]). A line of one
/// cell (a section heading across the table, a note) is left as printed, as the `-raw`
/// reader leaves the lines outside its rows: its spaces may be the document's own
/// (`A-1 港湾と地域産業の振興`). Each cell's `raw` and each line's `raw` stay as printed.
fn tighten_printed_cells(arrangement: &mut layout::Arrangement) {
    let mut blocks: Vec<(usize, usize)> = arrangement
        .blocks
        .iter()
        .filter(|b| PRINTED_CELL_FORMS.contains(&b.form))
        .map(|b| (b.first, b.end))
        .collect();
    blocks.sort_unstable();
    let in_block = |line: usize| {
        let after = blocks.partition_point(|&(first, _)| first <= line);
        after > 0 && line < blocks[after - 1].1
    };
    for line in arrangement.lines.iter_mut().filter(|a| in_block(a.first)) {
        if line.cells.iter().filter(|c| !c.is_blank()).count() < 2 {
            continue;
        }
        for cell in &mut line.cells {
            cell.text = script_spacing::tighten_cell(&cell.text);
        }
    }
}

fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// Every line read as tab-separated fields.
fn tab_separated(raw_lines: Vec<(u32, Cow<'_, str>)>, pages: Option<u32>) -> SourceDoc {
    let lines = tab_separated_lines(raw_lines.into_iter().enumerate().collect(), pages);
    SourceDoc {
        format: Format::Text,
        pages,
        lines,
        warnings: Vec::new(),
        sheet_names: Vec::new(),
        metadata_title: None,
    }
}

/// Lines (with their 0-based index) read as tab-separated fields. One thread: a document
/// takes milliseconds, and batches are parallel across files.
fn tab_separated_lines(
    raw_lines: Vec<(usize, (u32, Cow<'_, str>))>,
    pages: Option<u32>,
) -> Vec<Line> {
    raw_lines
        .into_iter()
        .map(|(index, (line_page, raw))| {
            // One search over the whole line instead of three per cell: most lines hold no
            // markup, no entity and no bold marker, and their cells' text is the cell trimmed.
            // (A line never holds a line break, the other thing `strip_html` looks for.)
            let has_markup = memchr::memchr3(b'<', b'&', b'*', raw.as_bytes()).is_some();
            // Sized from the tabs: collecting from the split (which cannot tell its length)
            // grew the vector, a reallocation and a copy for nearly every table row.
            let fields = memchr::memchr_iter(b'\t', raw.as_bytes()).count() + 1;
            let mut cells = Vec::with_capacity(fields);
            cells.extend(split_tabs(&raw).map(|c| {
                let text = if has_markup {
                    cell_text(c)
                } else {
                    html::trim_white_space(c).to_string()
                };
                Cell::from_text(c, text)
            }));
            Line {
                // Blank lines after the final form feed belong to the last page that exists.
                page: pages.map(|last| line_page.min(last)),
                number: line_number(index),
                raw: raw.into_owned(),
                cells,
                heading: None,
                size: None,
            }
        })
        .collect()
}

/// `s.split('\t')` with a vectorized search for the tabs (std's is a word at a time).
pub(crate) fn split_tabs(s: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\t', s.as_bytes())
        .map(Some)
        .chain(std::iter::once(None))
        .map(move |tab| {
            let end = tab.unwrap_or(s.len());
            let field = &s[start..end];
            start = end + 1;
            field
        })
}

/// Lines ended by LF, CRLF or a lone CR, without their endings; no empty last line for a
/// trailing ending.
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let rest = &bytes[start..];
        match memchr::memchr2(b'\n', b'\r', rest) {
            Some(p) => {
                let line = &text[start..start + p];
                let ending = if rest[p] == b'\r' && rest.get(p + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start += p + ending;
                Some(line)
            }
            None => {
                let line = &text[start..];
                start = bytes.len();
                Some(line)
            }
        }
    })
}

/// A cell's text: markup removed, then Markdown bold markers.
pub fn cell_text(raw: &str) -> String {
    let text = html::strip_html(raw);
    if text.contains("**") {
        strip_bold_markers(&text)
    } else {
        text
    }
}

/// Remove a leading and a trailing `**` and every paired `**…**` (non-empty inside);
/// an unpaired `**` in the middle stays, it may be a footnote mark.
pub fn strip_bold_markers(text: &str) -> String {
    let mut s = text.trim();
    if let Some(rest) = s.strip_prefix("**") {
        s = rest.trim_start();
    }
    if let Some(rest) = s.strip_suffix("**") {
        s = rest.trim_end();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find("**") {
        let after_open = &rest[open + 2..];
        match after_open.find("**") {
            Some(close) if close > 0 => {
                out.push_str(&rest[..open]);
                out.push_str(&after_open[..close]);
                rest = &after_open[close + 2..];
            }
            _ => {
                out.push_str(&rest[..open + 2]);
                rest = after_open;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{cell_text, paged_lines, read_text_with, split_tabs};
    use crate::layout::{BuiltinVocabulary, TextLayout};

    #[test]
    fn split_tabs_is_split_at_tab() {
        for s in ["", "\t", "a", "a\tb", "\ta\t\tb\t", "漢\t字\t", "\t\t\t"] {
            let ours: Vec<&str> = split_tabs(s).collect();
            let std: Vec<&str> = s.split('\t').collect();
            assert_eq!(ours, std, "{s:?}");
        }
    }

    /// `shinchoku cells` describes blocks as the reader reads them: page by page.
    #[test]
    fn lines_keep_their_pages_without_form_feeds() {
        let (lines, pages) = paged_lines("表\n\u{c}次\n後\u{c}\n\u{c}\u{c}末");
        let got: Vec<(u32, String)> = lines
            .into_iter()
            .map(|(page, raw)| (page, raw.into_owned()))
            .collect();
        // A form feed ending a line starts the next page for the line after it; two
        // leading a line skip an empty page.
        let want = [(1, "表"), (2, "次"), (2, "後"), (5, "末")];
        let want: Vec<(u32, String)> = want.iter().map(|&(p, r)| (p, r.to_string())).collect();
        assert_eq!(got, want);
        assert_eq!(pages, Some(5));
    }

    /// A space-aligned table of a print that spaces the scripts (invented, shaped like
    /// `pdftotext -layout` of a LibreOffice print): the cells of its rows and header read as
    /// printed (a value's number and unit, an era in brackets, a figure in a name), a
    /// projects item keeps its number's space, the title and a section heading of one cell
    /// stay as printed, and so does every line's and cell's `raw`.
    #[test]
    fn a_script_spaced_space_aligned_table_reads_as_the_printed_cells() {
        let text = "                    令和 5 年度 さくら町 KPI 進捗状況一覧\n\
            A-1 子育て支援の充実\n\
            \x20    指標名                                基準値（R 元）        現状値（R5）          目標値（R7）       主な事業\n\
            \x20    保育所の待機児童数                          8 人 (H30)         0 人           0 人           1 保育士の確保支援\n\
            \x20    住民のうち 18 歳未満の子がいる世帯の割合             48.2% (R2)        52.4%         60.0%以上       2 子育て支援センターの運営\n\
            \x20    空き店舗の活用件数                          2 件/年             6 件/年         4 件/年         3 商店街の活性化\n";
        let doc = read_text_with(text.as_bytes(), TextLayout::Auto, &BuiltinVocabulary).unwrap();
        let cells = |number: u32| -> Vec<String> {
            let line = doc.lines.iter().find(|l| l.number == number).unwrap();
            line.cells.iter().map(|c| c.text.clone()).collect()
        };
        assert_eq!(cells(1), ["令和 5 年度 さくら町 KPI 進捗状況一覧"]);
        assert_eq!(cells(2), ["A-1 子育て支援の充実"]);
        assert_eq!(
            cells(3),
            [
                "指標名",
                "基準値（R元）",
                "現状値（R5）",
                "目標値（R7）",
                "主な事業"
            ]
        );
        assert_eq!(
            cells(4),
            [
                "保育所の待機児童数",
                "8人 (H30)",
                "0人",
                "0人",
                "1 保育士の確保支援"
            ]
        );
        assert_eq!(
            cells(5),
            [
                "住民のうち18歳未満の子がいる世帯の割合",
                "48.2% (R2)",
                "52.4%",
                "60.0%以上",
                "2 子育て支援センターの運営"
            ]
        );
        assert_eq!(
            cells(6),
            [
                "空き店舗の活用件数",
                "2件/年",
                "6件/年",
                "4件/年",
                "3 商店街の活性化"
            ]
        );
        let row = doc.lines.iter().find(|l| l.number == 4).unwrap();
        assert_eq!(row.raw, text.lines().nth(3).unwrap());
        assert_eq!(row.cells[1].raw, "8 人 (H30)");
        // The same table printed tight but for one value: nothing tells that the text
        // spaces the scripts, and the spaced value stays as printed.
        let tight = text
            .replace("令和 5 年度", "令和5年度")
            .replace("KPI 進捗", "KPI進捗")
            .replace("（R 元）", "（R元）")
            .replace("0 人  ", "0人   ")
            .replace(
                "うち 18 歳未満の子がいる世帯の割合",
                "うち18歳未満の子がいる世帯の割合  ",
            )
            .replace("2 件/年 ", "2件/年  ")
            .replace("6 件/年 ", "6件/年  ")
            .replace("4 件/年 ", "4件/年  ");
        let doc = read_text_with(tight.as_bytes(), TextLayout::Auto, &BuiltinVocabulary).unwrap();
        let row = doc.lines.iter().find(|l| l.number == 4).unwrap();
        assert_eq!(row.cells[1].text, "8 人 (H30)");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Lines without markup take a shortcut (the cell trimmed); every cell must still
        /// be what `cell_text` makes of it.
        #[test]
        fn every_cell_is_its_cell_text(s in "[a \t\u{3000}\u{a0}<>&;*b/漢・#\r\n\u{c}]{0,40}") {
            let doc = read_text_with(s.as_bytes(), TextLayout::Tabs, &BuiltinVocabulary).unwrap();
            for line in &doc.lines {
                let fields: Vec<&str> = line.raw.split('\t').collect();
                proptest::prop_assert_eq!(line.cells.len(), fields.len());
                for (cell, field) in line.cells.iter().zip(fields) {
                    proptest::prop_assert_eq!(&cell.raw, field);
                    proptest::prop_assert_eq!(&cell.text, &cell_text(field));
                }
            }
        }
    }
}
