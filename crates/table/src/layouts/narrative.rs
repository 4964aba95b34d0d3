//! Department narratives: a block of lines, the first `担当課 | 主な取組と成果 | text`, the
//! next `課題 | text`, `今後の方向性 | text`, `主な事業 | ・… ・…`. Each block becomes an
//! initiative of the current section (its measure, when there is one).
//!
//! Flattened text (`pdftotext -layout`) prints a field's wrapped lines as lines of their
//! own under its text, one cell each, with no blank line between them: such a line goes on
//! with the field above it (a sentence's end `。` may end a line inside a paragraph), unless
//! it is a section heading, and a bullet line (`・IoT推進事業`) adds a project.

use shinchoku_extract::layout::join_wrapped;

use crate::cell_text::{
    looks_like_value, norm_paragraphs, split_bullet_list, NormalizedText, BULLETS,
};
use crate::more_chars_than;
use crate::section::project_heading_in;
use crate::view::CellView;

use super::doc::{provenance, InitiativeDraft};
use super::{At, Claim, Doc, Layout};

pub(crate) struct Narrative;

impl Layout for Narrative {
    fn read<'a>(&self, doc: &mut Doc<'a>, at: &At<'a, '_>) -> Claim {
        if narrative_line(doc, at) {
            // A narrative ends any table before it.
            doc.table = None;
            Claim::Lines(1)
        } else {
            // Any other line ends the block (blank lines and page numbers do not reach here).
            doc.initiative = None;
            Claim::Declined
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Achievements,
    Challenges,
    NextSteps,
    Projects,
}

/// `department | label | text` starts a block, `label | text` continues it, and so does a
/// field's wrapped line (see the module documentation).
fn narrative_line(doc: &mut Doc, at: &At) -> bool {
    let filled = at.filled;
    if let (Some(i), false) = (doc.initiative, at.gap) {
        if continue_field(&mut doc.out.initiatives[i], filled) {
            return true;
        }
    }
    if filled.len() < 2 {
        return false;
    }
    if let Some(field) = field_label(filled[0].squeezed()) {
        let Some(i) = doc.initiative else {
            return false;
        };
        if field == Field::Achievements && doc.out.initiatives[i].achievements.is_some() {
            // A second 主な取組と成果: a new block whose department cell came out empty
            // (a cell merged over the block's rows in a PDF).
            start(doc, None, field, &filled[1..], at);
            return true;
        }
        fill(&mut doc.out.initiatives[i], field, &filled[1..]);
        return true;
    }
    let Some(field) = field_label(filled[1].squeezed()) else {
        return false;
    };
    let department = filled[0].norm().to_string();
    if more_chars_than(&department, 30) || looks_like_value(&department) {
        return false;
    }
    start(doc, Some(department), field, &filled[2..], at);
    true
}

fn start(doc: &mut Doc, department: Option<String>, field: Field, cells: &[&CellView], at: &At) {
    let mut initiative = InitiativeDraft {
        section: doc.sections.measure.or(doc.sections.current),
        department,
        achievements: None,
        challenges: None,
        next_steps: None,
        projects: Vec::new(),
        provenance: provenance(at.line()),
    };
    fill(&mut initiative, field, cells);
    doc.initiative = Some(doc.out.initiatives.len());
    doc.out.initiatives.push(initiative);
}

/// Add the cells' text to the field (a paragraph each; items for the projects).
fn fill(initiative: &mut InitiativeDraft, field: Field, cells: &[&CellView]) {
    let slot = match field {
        Field::Projects => {
            initiative
                .projects
                .extend(cells.iter().flat_map(|c| split_bullet_list(c.text())));
            return;
        }
        Field::Achievements => &mut initiative.achievements,
        Field::Challenges => &mut initiative.challenges,
        Field::NextSteps => &mut initiative.next_steps,
    };
    let text: Vec<String> = cells
        .iter()
        .flat_map(|c| norm_paragraphs(c.text()))
        .map(NormalizedText::into_string)
        .collect();
    if text.is_empty() {
        return;
    }
    let joined = text.join("\n");
    match slot {
        Some(existing) => {
            existing.push('\n');
            existing.push_str(&joined);
        }
        None => *slot = Some(joined),
    }
}

/// A field's wrapped line under the field's text: one cell joined to the last field
/// printed (the fields come in their order) when its paragraph goes on, or bullet cells
/// (`・IoT推進事業`) adding projects under the projects. `false` for anything else.
fn continue_field(initiative: &mut InitiativeDraft, cells: &[&CellView]) -> bool {
    if !initiative.projects.is_empty() {
        if cells.is_empty()
            || !cells
                .iter()
                .all(|c| c.text().trim_start().starts_with(BULLETS))
        {
            return false;
        }
        for cell in cells {
            initiative.projects.extend(split_bullet_list(cell.text()));
        }
        return true;
    }
    let [cell] = cells else {
        return false;
    };
    let text = cell.text();
    // A section heading right under a narrative (no blank line between) is no part of it.
    if cell.heading().is_some() || project_heading_in(cell.norm()).is_some() {
        return false;
    }
    let slot = [
        &mut initiative.next_steps,
        &mut initiative.challenges,
        &mut initiative.achievements,
    ]
    .into_iter()
    .find(|slot| slot.is_some());
    let Some(Some(paragraph)) = slot else {
        return false;
    };
    let piece = NormalizedText::new(text).into_string();
    let last_line = paragraph.rsplit('\n').next().unwrap_or("").to_string();
    let joined = join_wrapped(&[last_line.clone(), piece]);
    paragraph.truncate(paragraph.len() - last_line.len());
    paragraph.push_str(&joined);
    true
}

/// The field a label cell names, from its squeezed text.
fn field_label(s: &str) -> Option<Field> {
    if more_chars_than(s, 10) {
        return None;
    }
    if s.contains("取組") || s.contains("成果") {
        Some(Field::Achievements)
    } else if s.contains("課題") {
        Some(Field::Challenges)
    } else if s.contains("今後") {
        Some(Field::NextSteps)
    } else if s.ends_with("事業") {
        Some(Field::Projects)
    } else {
        None
    }
}
