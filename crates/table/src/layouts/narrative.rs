//! Department narratives: a block of lines, the first `担当課 | 主な取組と成果 | text`, the
//! next `課題 | text`, `今後の方向性 | text`, `主な事業 | ・… ・…`. Each block becomes an
//! initiative of the current section (its measure, when there is one).

use crate::cell_text::{looks_like_value, norm_paragraphs, split_bullet_list, NormalizedText};
use crate::more_chars_than;
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

/// `department | label | text` starts a block, `label | text` continues it.
fn narrative_line(doc: &mut Doc, at: &At) -> bool {
    let filled = at.filled;
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
