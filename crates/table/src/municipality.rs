//! Municipality names to 全国地方公共団体コード. STUB: being written.

use crate::model::Municipality;

/// Find the municipality a title names (`…上越市…` → 上越市, 152226).
pub fn find_in_title(title: &str) -> Option<Municipality> {
    let _ = title;
    None
}
