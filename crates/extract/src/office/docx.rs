//! Word documents (.docx): the body of `word/document.xml` in order, each paragraph a line
//! of one cell and each table row a line of cells, read with `quick-xml`.
//!
//! Table cells follow the table grid: a cell spanning N grid columns (`w:gridSpan`) is
//! followed by N−1 empty cells, so values stay under their headers; a vertically merged
//! cell (`w:vMerge` continuing) repeats the text of the cell it continues when that cell
//! is one column wide (a department shared by rows), as sheets do. A cell's paragraphs are
//! joined by line breaks. Tables nested in a cell are flattened into its text. Text-box
//! fallbacks (`mc:Fallback`, a copy of the same text for old readers) and deleted text are
//! skipped; nothing is evaluated.
//!
//! A paragraph is a heading when its style is one of Word's heading styles (named
//! `heading N` in `word/styles.xml` whatever the display language, 見出し N in a Japanese
//! Word) or carries an outline level, directly or through the style it is based on: its
//! line then carries that level, since such a heading need not be worded like one.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::cells::{Cell, Line};
use crate::ExtractError;

/// A table cell being read: its text and how many grid columns it spans.
#[derive(Default)]
struct CellDraft {
    text: String,
    span: usize,
    /// `Some(false)` for a continued vertical merge, `Some(true)` for its first cell.
    vmerge_restart: Option<bool>,
}

#[derive(Default)]
struct Body {
    lines: Vec<Line>,
    /// Text of the paragraph being read (outside tables).
    paragraph: String,
    /// Depth of `w:tbl` elements we are inside.
    table_depth: usize,
    row: Vec<CellDraft>,
    cell: Option<CellDraft>,
    /// The text of each grid column in the previous row of the table, for merges.
    column_above: Vec<Option<String>>,
    /// Inside a `w:t` run text element.
    in_text: bool,
    /// Depth inside a skipped subtree (`mc:Fallback`, `w:del`).
    skipping: usize,
    /// Outline level of the paragraph being read, from its style or its own properties.
    heading: Option<u8>,
}

impl Body {
    fn push_text(&mut self, s: &str) {
        match (&mut self.cell, self.table_depth) {
            (Some(cell), 1..) => cell.text.push_str(s),
            _ => self.paragraph.push_str(s),
        }
    }

    fn push_line(&mut self, cells: Vec<Cell>) {
        let raw = cells
            .iter()
            .map(|c| c.text.replace(['\t', '\n'], " "))
            .collect::<Vec<_>>()
            .join("\t");
        let number = u32::try_from(self.lines.len() + 1).unwrap_or(u32::MAX);
        self.lines.push(Line {
            page: None,
            number,
            raw,
            cells,
            heading: None,
            size: None,
        });
    }

    fn end_paragraph(&mut self) {
        let heading = self.heading.take();
        if self.table_depth == 0 {
            let text = std::mem::take(&mut self.paragraph);
            if !text.trim().is_empty() {
                self.push_line(vec![Cell::from_text(text.clone(), text)]);
                if let Some(line) = self.lines.last_mut() {
                    line.heading = heading;
                }
            }
        } else if let Some(cell) = &mut self.cell {
            cell.text.push('\n');
        }
    }

    fn end_row(&mut self) {
        let drafts = std::mem::take(&mut self.row);
        let mut cells = Vec::new();
        let mut column = 0usize;
        let mut above = std::mem::take(&mut self.column_above);
        for draft in drafts {
            let span = draft.span.max(1);
            let mut text = draft.text.trim_end_matches('\n').to_string();
            if draft.vmerge_restart == Some(false) && span == 1 {
                text = above.get(column).cloned().flatten().unwrap_or_default();
            }
            if above.len() < column + span {
                above.resize(column + span, None);
            }
            above[column] = (span == 1).then(|| text.clone());
            for slot in above.iter_mut().skip(column + 1).take(span - 1) {
                *slot = None;
            }
            cells.push(Cell::from_text(text.clone(), text));
            cells.extend((1..span).map(|_| Cell::from_text("", "")));
            column += span;
        }
        self.column_above = above;
        if cells.iter().any(|c| !c.is_blank()) {
            self.push_line(cells);
        }
    }
}

/// Word's outline levels run 0–8 (9 is body text); a line's heading level is 1-based.
const OUTLINE_LEVELS: u8 = 9;

/// The heading level (1-based) of each paragraph style of `word/styles.xml` that is a
/// heading: a style named `heading N`, or with an outline level, or based on such a style.
pub(super) fn heading_styles(xml: &str) -> HashMap<String, u8> {
    struct StyleDraft {
        level: Option<u8>,
        based_on: Option<String>,
    }
    let mut drafts: HashMap<String, StyleDraft> = HashMap::new();
    let mut current: Option<String> = None;
    let mut reader = Reader::from_str(xml);
    loop {
        let (e, empty) = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            Ok(Event::End(e)) => {
                if e.local_name().into_inner() == "style" {
                    current = None;
                }
                continue;
            }
            Ok(_) => continue,
        };
        match e.local_name().into_inner() {
            "style" => {
                let paragraph = super::xlsx_parts::attr(&e, "type").as_deref() == Some("paragraph");
                current = super::xlsx_parts::attr(&e, "styleId").filter(|_| paragraph && !empty);
                if let Some(id) = &current {
                    drafts.insert(
                        id.clone(),
                        StyleDraft {
                            level: None,
                            based_on: None,
                        },
                    );
                }
            }
            "name" => {
                if let (Some(id), Some(name)) = (&current, super::xlsx_parts::attr(&e, "val")) {
                    let level = heading_name_level(&name);
                    if let Some(draft) = drafts.get_mut(id) {
                        draft.level = draft.level.or(level);
                    }
                }
            }
            "outlineLvl" => {
                if let Some(id) = &current {
                    let level = outline_level(&e);
                    if let Some(draft) = drafts.get_mut(id) {
                        draft.level = level.or(draft.level);
                    }
                }
            }
            "basedOn" => {
                if let Some(id) = &current {
                    let parent = super::xlsx_parts::attr(&e, "val");
                    if let Some(draft) = drafts.get_mut(id) {
                        draft.based_on = parent;
                    }
                }
            }
            _ => {}
        }
    }
    // A style without a level of its own takes its base's (a chain of at most a few).
    let mut levels = HashMap::new();
    for (id, draft) in &drafts {
        let mut level = draft.level;
        let mut base = draft.based_on.as_deref();
        for _ in 0..OUTLINE_LEVELS {
            if level.is_some() {
                break;
            }
            let Some(parent) = base.and_then(|b| drafts.get(b)) else {
                break;
            };
            level = parent.level;
            base = parent.based_on.as_deref();
        }
        if let Some(level) = level {
            levels.insert(id.clone(), level);
        }
    }
    levels
}

/// `heading 2` (Word's built-in name in every language) or `見出し 2` → 2.
fn heading_name_level(name: &str) -> Option<u8> {
    let lower = name.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("見出し"))?;
    let level: u8 = rest.trim().parse().ok()?;
    (1..=OUTLINE_LEVELS).contains(&level).then_some(level)
}

/// `<w:outlineLvl w:val="0"/>` → level 1; 9 (body text) → none.
fn outline_level(e: &BytesStart<'_>) -> Option<u8> {
    let value: u8 = super::xlsx_parts::attr(e, "val")?.parse().ok()?;
    (value < OUTLINE_LEVELS).then_some(value + 1)
}

/// The body of a .docx's `word/document.xml` as lines; `headings` maps paragraph style ids
/// to heading levels ([`heading_styles`]).
pub(super) fn read_document_xml(
    xml: &str,
    headings: &HashMap<String, u8>,
) -> Result<Vec<Line>, ExtractError> {
    let mut reader = Reader::from_str(xml);
    let mut body = Body::default();
    loop {
        let event = reader.read_event().map_err(|e| {
            ExtractError::Office(format!(
                "unreadable Word document: {e} in word/document.xml"
            ))
        })?;
        match event {
            Event::Eof => break,
            Event::Start(e) if body.skipping > 0 => {
                let _ = e;
                body.skipping += 1;
            }
            Event::End(_) if body.skipping > 0 => body.skipping -= 1,
            _ if body.skipping > 0 => {}
            Event::Start(e) => match e.local_name().into_inner() {
                "Fallback" | "del" => body.skipping = 1,
                "tbl" => {
                    body.table_depth += 1;
                    if body.table_depth == 1 {
                        body.column_above.clear();
                    }
                }
                "tr" if body.table_depth == 1 => body.row.clear(),
                "tc" if body.table_depth == 1 => {
                    body.cell = Some(CellDraft {
                        span: 1,
                        ..CellDraft::default()
                    });
                }
                "t" => body.in_text = true,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().into_inner() {
                "tab" => body.push_text(" "),
                "br" | "cr" => body.push_text("\n"),
                "gridSpan" if body.table_depth == 1 => {
                    let span = super::xlsx_parts::attr(&e, "val")
                        .and_then(|v| v.parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, 64);
                    if let Some(cell) = &mut body.cell {
                        cell.span = span;
                    }
                }
                "vMerge" if body.table_depth == 1 => {
                    let restart = super::xlsx_parts::attr(&e, "val").as_deref() == Some("restart");
                    if let Some(cell) = &mut body.cell {
                        cell.vmerge_restart = Some(restart);
                    }
                }
                "p" => body.end_paragraph(),
                "pStyle" if body.table_depth == 0 => {
                    let style = super::xlsx_parts::attr(&e, "val");
                    body.heading = style.and_then(|id| headings.get(&id).copied());
                }
                // The paragraph's own level overrides its style's (9, body text, included).
                "outlineLvl" if body.table_depth == 0 => body.heading = outline_level(&e),
                _ => {}
            },
            Event::Text(t) if body.in_text => {
                body.push_text(&t.xml10_content());
            }
            Event::GeneralRef(r) if body.in_text => {
                let text = match &*r {
                    "amp" => "&".to_string(),
                    "lt" => "<".to_string(),
                    "gt" => ">".to_string(),
                    "quot" => "\"".to_string(),
                    "apos" => "'".to_string(),
                    other => r
                        .resolve_char_ref()
                        .ok()
                        .flatten()
                        .map_or_else(|| format!("&{other};"), String::from),
                };
                body.push_text(&text);
            }
            Event::End(e) => match e.local_name().into_inner() {
                "t" => body.in_text = false,
                "p" => body.end_paragraph(),
                "tc" if body.table_depth == 1 => {
                    if let Some(cell) = body.cell.take() {
                        body.row.push(cell);
                    }
                }
                "tr" if body.table_depth == 1 => body.end_row(),
                "tbl" => body.table_depth = body.table_depth.saturating_sub(1),
                _ => {}
            },
            _ => {}
        }
    }
    Ok(body.lines)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::{heading_styles, read_document_xml};

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn lines(body: &str) -> Vec<Vec<String>> {
        let xml = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
        read_document_xml(&xml, &HashMap::new())
            .unwrap()
            .into_iter()
            .map(|l| l.cells.into_iter().map(|c| c.text).collect())
            .collect()
    }

    fn tc(text: &str, props: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    }

    #[test]
    fn paragraphs_and_table_rows_in_order() {
        let body = format!(
            "<w:p><w:r><w:t>基本目標1</w:t></w:r><w:r><w:t xml:space=\"preserve\"> しごと</w:t></w:r></w:p>\
             <w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl><w:p/>\
             <w:p><w:r><w:t>R&amp;D</w:t></w:r></w:p>",
            tc("指標", ""),
            tc("目標値", ""),
            tc("創業件数", ""),
            tc("10件", "")
        );
        assert_eq!(
            lines(&body),
            vec![
                vec!["基本目標1 しごと".to_string()],
                vec!["指標".into(), "目標値".into()],
                vec!["創業件数".into(), "10件".into()],
                vec!["R&D".into()],
            ]
        );
    }

    #[test]
    fn grid_spans_and_vertical_merges() {
        let body = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
            tc("施策1", "<w:gridSpan w:val=\"2\"/>"),
            tc("担当", ""),
            tc("商工課", "<w:vMerge w:val=\"restart\"/>"),
            tc("A", ""),
            tc("1件", ""),
            tc("", "<w:vMerge/>"),
            tc("B", ""),
            tc("2件", ""),
        );
        assert_eq!(
            lines(&body),
            vec![
                vec!["施策1".to_string(), "".into(), "担当".into()],
                vec!["商工課".into(), "A".into(), "1件".into()],
                vec!["商工課".into(), "B".into(), "2件".into()],
            ]
        );
    }

    #[test]
    fn cell_paragraphs_become_line_breaks_and_fallbacks_are_skipped() {
        let body = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1 事業A</w:t></w:r></w:p><w:p><w:r><w:t>2 事業B</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
             <w:p><mc:AlternateContent xmlns:mc=\"m\"><mc:Choice><w:r><w:t>図</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>図</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>";
        assert_eq!(
            lines(body),
            vec![vec!["1 事業A\n2 事業B".to_string()], vec!["図".to_string()]]
        );
    }

    #[test]
    fn broken_xml_is_an_error_not_a_panic() {
        assert!(read_document_xml("<w:document><w:body><w:p></w:body>", &HashMap::new()).is_err());
    }

    #[test]
    fn heading_levels_come_from_style_names_outline_levels_and_bases() {
        // Japanese Word names its built-in heading styles `heading N` too, with ids `1`, `2`.
        let styles = format!(
            "<w:styles {W}>\
             <w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"Heading 2\"/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"a5\"><w:name w:val=\"目標見出し\"/><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"a6\"><w:name w:val=\"施策見出し\"/><w:basedOn w:val=\"Heading2\"/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"a7\"><w:name w:val=\"本文\"/><w:pPr><w:outlineLvl w:val=\"9\"/></w:pPr></w:style>\
             <w:style w:type=\"character\" w:styleId=\"10\"><w:name w:val=\"heading 1 char\"/></w:style>\
             </w:styles>"
        );
        let levels = heading_styles(&styles);
        let expected: HashMap<String, u8> = [("1", 1), ("Heading2", 2), ("a5", 3), ("a6", 2)]
            .into_iter()
            .map(|(id, level)| (id.to_string(), level))
            .collect();
        assert_eq!(levels, expected);

        let paragraph = |props: &str, text: &str| {
            format!("<w:p><w:pPr>{props}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
        };
        let body = [
            paragraph("<w:pStyle w:val=\"1\"/>", "子育て支援の充実"),
            paragraph("<w:pStyle w:val=\"a6\"/>", "保育環境の整備"),
            paragraph("", "本文の段落"),
            paragraph(
                "<w:pStyle w:val=\"1\"/><w:outlineLvl w:val=\"9\"/>",
                "見出しでない",
            ),
            paragraph("<w:outlineLvl w:val=\"1\"/>", "直接の見出し"),
        ]
        .concat();
        let xml = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
        let headings: Vec<Option<u8>> = read_document_xml(&xml, &levels)
            .unwrap()
            .iter()
            .map(|line| line.heading)
            .collect();
        assert_eq!(headings, [Some(1), Some(2), None, None, Some(2)]);
    }
}
