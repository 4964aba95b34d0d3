//! Reading a status cell (進捗状況) into a Status. STUB: being written.

use crate::model::{Status, StatusCode};

/// A printed legend: label → code (e.g. `◎：目標値以上` → achieved).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Legend {
    pub entries: Vec<(String, StatusCode)>,
}

/// Read a status cell, using the document's legend when one was printed.
pub fn parse_status(text: &str, legend: &Legend) -> Option<Status> {
    let _ = legend;
    let label = text.trim();
    if label.is_empty() {
        return None;
    }
    Some(Status {
        label: label.to_string(),
        code: StatusCode::Other,
    })
}
