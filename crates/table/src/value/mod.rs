//! Reading a cell into a Value (contract: Value). STUB: being written.

use shinchoku_extract::era::Period;

use crate::model::Value;

/// A cell read: its value, its own date if it has one, and its remarks.
#[derive(Debug, Clone, PartialEq)]
pub struct CellValue {
    pub value: Value,
    pub period: Option<Period>,
    pub notes: Vec<String>,
}

/// Read one value cell. `unit_hint` is a unit printed outside the cell (in the KPI name,
/// the column header or a caption) that applies when the cell has none.
pub fn parse_cell(text: &str, unit_hint: Option<&str>) -> CellValue {
    let _ = unit_hint;
    CellValue {
        value: Value::Text {
            text: text.to_string(),
        },
        period: None,
        notes: Vec::new(),
    }
}
