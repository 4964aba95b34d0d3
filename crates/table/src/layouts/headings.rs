//! Section headings: a line whose cells are all headings (`分野1【…】`, `A-1-1 …`, `施策23 …`, a
//! numbered list of projects beside them), `N …プロジェクト` on a line of its own, and a
//! line the source itself marks as a heading (a Word heading style) whatever its wording,
//! and one-cell lines known by their number alone (`1.…`, then `(1)…` under it).
//! Reading a heading's text and resolving its code are [`crate::section`]'s.

use crate::section::{
    bracketed_measure, dotted_goal, project_heading_in, Heading, Level1Label, ParsedHeading,
};
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
        if let Some(parsed) = numbered_heading(doc, at) {
            doc.push_section(section_draft(parsed, at.line()));
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

/// A heading known by its number alone, on a one-cell line outside a table's rows: a goal
/// `1.競争力のある…まちづくり`, and under a numbered goal a bare `(1)第一次産業の振興` (printed
/// in brackets). Inside rows such lines are KPI names with their ordinals.
fn numbered_heading(doc: &mut Doc, at: &At) -> Option<ParsedHeading> {
    let cell = at.single()?;
    if doc.table_in(Phase::Rows).is_some() {
        return None;
    }
    let text = cell.norm().as_str();
    if let Some(goal) = dotted_goal(text) {
        return Some(goal);
    }
    let under_goal = doc.sections.level1.is_some_and(|d| {
        matches!(
            doc.out.sections[d].heading,
            Heading::Level1 {
                label: Level1Label::Goal,
                ..
            }
        )
    });
    // Printed in brackets: a circled `⑥移住者数` (normalized to `(6)` too) is a KPI name
    // of a list, its values on the next line.
    let printed_bracket = cell.text().trim_start().starts_with(['(', '（']);
    (under_goal && printed_bracket)
        .then(|| bracketed_measure(text))
        .flatten()
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
