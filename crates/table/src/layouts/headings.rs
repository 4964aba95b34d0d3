//! Section headings: a line whose cells are all headings (`分野1【…】`, `A-1-1 …`, a
//! numbered list of projects beside them), `N …プロジェクト` on a line of its own, and a
//! line the source itself marks as a heading (a Word heading style) whatever its wording.
//! Reading a heading's text and resolving its code are [`crate::section`]'s.

use crate::section::{project_heading_in, Heading, ParsedHeading};
use crate::view::CellView;

use super::doc::{section_draft, Phase};
use super::{is_page_number, At, Claim, Doc, Layout};

pub(crate) struct Headings;

impl Layout for Headings {
    fn read<'a>(&self, doc: &mut Doc<'a>, at: &At<'a, '_>) -> Claim {
        if !is_toc_entry(at.filled) && heading_line(doc, at) {
            // Headings inside a table's rows keep it open; after its rows, they close it.
            if doc.table_in(Phase::Trailer).is_some() {
                doc.table = None;
            }
            return Claim::Lines(1);
        }
        if let Some(parsed) = at.single().and_then(|c| project_heading_in(c.norm())) {
            // Kept until a KPI table confirms it (see `SectionCursor::pending_project`).
            doc.sections.pending_project = Some(section_draft(parsed, at.line()));
            doc.table = None;
            return Claim::Lines(1);
        }
        if let Some(parsed) = outline_heading(at) {
            doc.push_section(section_draft(parsed, at.line()));
            doc.table = None;
            return Claim::Lines(1);
        }
        Claim::Declined
    }
}

/// A one-cell line the source marks as a heading, unless it is the document's first line:
/// reports often style their title as the top heading, and the title is the document's.
fn outline_heading(at: &At) -> Option<ParsedHeading> {
    let level = at.line().heading?;
    let cell = at.single()?;
    // Stops at the first printed line, so a document of many headings is not walked again
    // for each of them.
    if at.lines[..at.index]
        .iter()
        .all(crate::view::LineView::is_blank)
    {
        return None;
    }
    Some(ParsedHeading {
        heading: Heading::Outline {
            level: u32::from(level),
        },
        title: cell.norm().trim().to_string(),
    })
}

/// A line whose cells are all headings (plus, optionally, numbered lists of projects after
/// them): each heading becomes a section, each list the projects of the heading before it.
fn heading_line(doc: &mut Doc, at: &At) -> bool {
    let filled = at.filled;
    let mut headings = Vec::new();
    let mut lists = Vec::new();
    for (k, cell) in filled.iter().enumerate() {
        if let Some(h) = cell.heading() {
            headings.push((k, h.clone()));
        } else if !headings.is_empty() && cell.is_list() {
            lists.push(k);
        } else {
            return false;
        }
    }
    if headings.is_empty() {
        return false;
    }
    let mut lists = lists.into_iter().peekable();
    for (k, parsed) in headings {
        doc.sections.pending_project = None;
        doc.push_section(section_draft(parsed, at.line()));
        while let Some(&l) = lists.peek() {
            if l < k {
                break;
            }
            lists.next();
            doc.add_section_projects(filled[l]);
        }
    }
    for l in lists {
        doc.add_section_projects(filled[l]);
    }
    true
}

/// A table-of-contents entry: several cells, the last a bare page number.
fn is_toc_entry(filled: &[&CellView]) -> bool {
    filled.len() >= 2 && filled.last().is_some_and(|c| is_page_number(c.squeezed()))
}
