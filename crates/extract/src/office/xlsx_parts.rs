//! What calamine does not report about an .xlsx: hidden rows and columns, read from the
//! sheet XML (`<row hidden="1">`, `<col min max hidden="1">`), and the ZIP parts helpers
//! the office readers share.

use std::collections::{BTreeSet, HashMap};
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use zip::ZipArchive;

/// A sheet's hidden rows and columns, 0-based.
#[derive(Debug, Default, Clone)]
pub(super) struct Hidden {
    pub rows: BTreeSet<u32>,
    pub cols: BTreeSet<u32>,
}

/// Hidden rows and columns by sheet name. A part that cannot be read gives nothing
/// hidden: the cells are then kept, which loses nothing.
pub(super) fn hidden_rows_and_columns(bytes: &[u8]) -> HashMap<String, Hidden> {
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
            out.insert(name, hidden_in_sheet(&xml));
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

fn hidden_in_sheet(xml: &str) -> Hidden {
    let mut hidden = Hidden::default();
    let mut next_row = 0u32;
    each_element(xml, |e| match e.local_name().into_inner() {
        "row" => {
            let row = attr(e, "r")
                .and_then(|r| r.parse::<u32>().ok())
                .map_or(next_row, |r| r.saturating_sub(1));
            next_row = row.saturating_add(1);
            if is_true(attr(e, "hidden")) {
                hidden.rows.insert(row);
            }
        }
        "col" if is_true(attr(e, "hidden")) => {
            let min = attr(e, "min").and_then(|v| v.parse::<u32>().ok());
            let max = attr(e, "max").and_then(|v| v.parse::<u32>().ok());
            if let (Some(min), Some(max)) = (min, max) {
                // Bounded by the sheet's width, so a forged range stays small.
                for col in min.max(1)..=max.min(16_384) {
                    hidden.cols.insert(col - 1);
                }
            }
        }
        _ => {}
    });
    hidden
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
    use super::hidden_in_sheet;

    #[test]
    fn hidden_rows_and_column_ranges() {
        let xml = r#"<worksheet><cols><col min="2" max="3" hidden="1" width="0"/><col min="5" max="5"/></cols>
            <sheetData><row r="1"><c r="A1"/></row><row r="4" hidden="1"/><row hidden="true"/></sheetData></worksheet>"#;
        let h = hidden_in_sheet(xml);
        assert_eq!(h.rows.into_iter().collect::<Vec<_>>(), [3, 4]);
        assert_eq!(h.cols.into_iter().collect::<Vec<_>>(), [1, 2]);
    }

    #[test]
    fn a_forged_column_range_is_bounded() {
        let h = hidden_in_sheet(r#"<cols><col min="1" max="4294967295" hidden="1"/></cols>"#);
        assert_eq!(h.cols.len(), 16_384);
    }
}
