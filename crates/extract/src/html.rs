//! Removing the HTML fragments text extractions carry. STUB: being written.

/// Markup removed, entities decoded, list items and paragraphs separated by `'\n'`.
pub fn strip_html(s: &str) -> String {
    s.to_string()
}
