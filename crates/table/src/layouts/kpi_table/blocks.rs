//! Where the document's KPI table headers are, found before the walk: a header depends on
//! its lines alone, and a header repeated on every page is read into a schema once.

use std::collections::HashMap;

use crate::header::{build_schema, HeaderCell, Schema};
use crate::view::LineView;

/// A run of header lines from a line that names a column role: the lines `start..end` and
/// the table they describe (an index into [`HeaderBlocks::schemas`]).
pub(crate) struct HeaderBlock {
    pub start: usize,
    pub end: usize,
    schema: usize,
}

/// Every header block of the document, in order, and the schemas they describe.
pub(crate) struct HeaderBlocks {
    blocks: Vec<HeaderBlock>,
    /// One per distinct header; `None` when it describes no KPI table.
    schemas: Vec<Option<Schema>>,
}

impl HeaderBlocks {
    /// The block that starts at line `index` and the table it describes, if it describes one.
    pub(crate) fn table_at(&self, index: usize) -> Option<(&HeaderBlock, &Schema)> {
        let found = self.blocks.binary_search_by_key(&index, |b| b.start).ok()?;
        let block = &self.blocks[found];
        Some((block, self.schemas[block.schema].as_ref()?))
    }
}

/// Every header block of the document. (Blocks may overlap: the walk uses the block at a
/// line only when it reaches that line.) Blocks with the same [`HeaderCell`]s share one
/// schema, which the walk's tables borrow.
pub(crate) fn header_blocks(lines: &[LineView]) -> HeaderBlocks {
    let mut blocks = Vec::new();
    let mut schemas = Vec::new();
    // The schema of each distinct cell list, by its index in `schemas`.
    let mut seen: HashMap<Vec<HeaderCell>, usize> = HashMap::new();
    for start in (0..lines.len()).filter(|&i| lines[i].header == Some(true)) {
        let mut end = start + 1;
        while end < lines.len() && !lines[end].is_blank() && lines[end].header.is_some() {
            end += 1;
        }
        let cells = HeaderCell::of_block(&lines[start..end]);
        let schema = *seen.entry(cells).or_insert_with_key(|cells| {
            schemas.push(build_schema(cells));
            schemas.len() - 1
        });
        blocks.push(HeaderBlock { start, end, schema });
    }
    HeaderBlocks { blocks, schemas }
}
