//! What calamine does not report about an .xlsx, read from the sheet XML in one pass:
//! hidden rows and columns (`<row hidden="1">`, `<col min max hidden="1">`) and merged
//! ranges (`<mergeCell ref="A1:H1"/>`; calamine would parse every sheet again to find
//! them); and the ZIP parts helpers the office readers share.

use std::collections::{BTreeSet, HashMap};
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use zip::ZipArchive;

use super::grid::Merge;

/// A sheet's hidden rows and columns (0-based) and merged ranges.
#[derive(Debug, Default, Clone)]
pub(super) struct SheetLayout {
    pub hidden_rows: BTreeSet<u32>,
    pub hidden_cols: BTreeSet<u32>,
    pub merges: Vec<Merge>,
}

/// Each sheet's layout by sheet name. A part that cannot be read gives nothing hidden
/// and nothing merged: the cells are then kept as they are, which loses nothing.
pub(super) fn sheet_layouts(bytes: &[u8]) -> HashMap<String, SheetLayout> {
    let Ok(mut zip) = ZipArchive::new(Cursor::new(bytes)) else {
        return HashMap::new();
    };
    let Some(workbook) = read_part(&mut zip, "xl/workbook.xml") else {
        return HashMap::new();
    };
    let rels = read_part(&mut zip, "xl/_rels/workbook.xml.rels").unwrap_or_default();
    let targets = relationship_targets(&rels);
    let mut out = HashMap::new();
    for (name, rel_id) in sheet_rel_ids(&workbook) {
        let Some(target) = targets.get(&rel_id) else {
            continue;
        };
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        };
        if let Some(xml) = read_part(&mut zip, &path) {
            out.insert(name, sheet_layout(&xml));
        }
    }
    out
}

/// A ZIP part as text, or `None` when missing or unreadable.
pub(super) fn read_part<R: Read + std::io::Seek>(
    zip: &mut ZipArchive<R>,
    name: &str,
) -> Option<String> {
    let mut file = zip.by_name(name).ok()?;
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    Some(text)
}

/// The value of attribute `key` (matched on its local name, so `r:id` is `id`).
pub(super) fn attr(element: &BytesStart<'_>, key: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().into_inner() == key)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(std::borrow::Cow::into_owned)
        })
}

fn relationship_targets(xml: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    each_element(xml, |e| {
        if e.local_name().into_inner() == "Relationship" {
            if let (Some(id), Some(target)) = (attr(e, "Id"), attr(e, "Target")) {
                out.insert(id, target);
            }
        }
    });
    out
}

fn sheet_rel_ids(xml: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    each_element(xml, |e| {
        if e.local_name().into_inner() == "sheet" {
            if let (Some(name), Some(id)) = (attr(e, "name"), attr(e, "id")) {
                out.push((name, id));
            }
        }
    });
    out
}

fn sheet_layout(xml: &str) -> SheetLayout {
    let mut layout = SheetLayout::default();
    let mut next_row = 0u32;
    each_element(xml, |e| match e.local_name().into_inner() {
        "row" => {
            let row = attr(e, "r")
                .and_then(|r| r.parse::<u32>().ok())
                .map_or(next_row, |r| r.saturating_sub(1));
            next_row = row.saturating_add(1);
            if is_true(attr(e, "hidden")) {
                layout.hidden_rows.insert(row);
            }
        }
        "col" if is_true(attr(e, "hidden")) => {
            let min = attr(e, "min").and_then(|v| v.parse::<u32>().ok());
            let max = attr(e, "max").and_then(|v| v.parse::<u32>().ok());
            if let (Some(min), Some(max)) = (min, max) {
                // Bounded by the sheet's width, so a forged range stays small.
                for col in min.max(1)..=max.min(16_384) {
                    layout.hidden_cols.insert(col - 1);
                }
            }
        }
        "mergeCell" => {
            if let Some(merge) = attr(e, "ref").as_deref().and_then(merge_range) {
                layout.merges.push(merge);
            }
        }
        _ => {}
    });
    layout
}

/// `A1:H1` → rows 0..=0, columns 0..=7; a one-cell `B2` is a range of one.
fn merge_range(reference: &str) -> Option<Merge> {
    let (first, last) = reference.split_once(':').unwrap_or((reference, reference));
    let (first_row, first_col) = cell_position(first)?;
    let (last_row, last_col) = cell_position(last)?;
    Some(Merge {
        first_row: first_row.min(last_row),
        first_col: first_col.min(last_col),
        last_row: first_row.max(last_row),
        last_col: first_col.max(last_col),
    })
}

/// `H12` (or `$H$12`) → 0-based (row 11, column 7), within the sheet's 1,048,576 rows and
/// 16,384 columns.
fn cell_position(reference: &str) -> Option<(u32, u32)> {
    let reference = reference.replace('$', "");
    let split = reference.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = reference.split_at(split);
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    let col = letters.bytes().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    let row: u32 = digits.parse().ok()?;
    ((1..=1_048_576).contains(&row) && (1..=16_384).contains(&col)).then(|| (row - 1, col - 1))
}

fn is_true(value: Option<String>) -> bool {
    matches!(value.as_deref(), Some("1" | "true"))
}

/// Call `f` on every start or empty element of `xml`, stopping at the first syntax error.
pub(super) fn each_element(xml: &str, mut f: impl FnMut(&BytesStart<'_>)) {
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => f(&e),
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sheet_layout;
    use crate::office::grid::Merge;

    #[test]
    fn hidden_rows_and_column_ranges() {
        let xml = r#"<worksheet><cols><col min="2" max="3" hidden="1" width="0"/><col min="5" max="5"/></cols>
            <sheetData><row r="1"><c r="A1"/></row><row r="4" hidden="1"/><row hidden="true"/></sheetData></worksheet>"#;
        let layout = sheet_layout(xml);
        assert_eq!(layout.hidden_rows.into_iter().collect::<Vec<_>>(), [3, 4]);
        assert_eq!(layout.hidden_cols.into_iter().collect::<Vec<_>>(), [1, 2]);
    }

    #[test]
    fn a_forged_column_range_is_bounded() {
        let layout = sheet_layout(r#"<cols><col min="1" max="4294967295" hidden="1"/></cols>"#);
        assert_eq!(layout.hidden_cols.len(), 16_384);
    }

    #[test]
    fn merged_ranges() {
        let xml = r#"<worksheet><sheetData/><mergeCells count="4"><mergeCell ref="A1:H1"/>
            <mergeCell ref="$H$6:$H$7"/><mergeCell ref="AB10"/><mergeCell ref="XFE1:XFE2"/>
            <mergeCell ref="A0:B1"/><mergeCell ref="C3:A1"/></mergeCells></worksheet>"#;
        let merge = |first_row, first_col, last_row, last_col| Merge {
            first_row,
            first_col,
            last_row,
            last_col,
        };
        assert_eq!(
            sheet_layout(xml).merges,
            [
                merge(0, 0, 0, 7),
                merge(5, 7, 6, 7),
                merge(9, 27, 9, 27),
                merge(0, 0, 2, 2)
            ]
        );
    }
}
