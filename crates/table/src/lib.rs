//! Reconstructing KPI tables from lines of cells.
//!
//! The core of shinchoku: given the [`Line`]s of a report (from text or PDF, it does not
//! care which), find the KPI tables, read their headers into column roles and periods,
//! and rebuild every [`Kpi`] with its observations, status, departments and section, plus
//! the department narratives ([`Initiative`]s). What it cannot place becomes a
//! [`Warning`] with provenance. No I/O happens here.
//!
//! Main entry: [`reconstruct`] → [`Report`] (document info, [`Section`]s, [`Kpi`]s,
//! [`Initiative`]s, warnings). The report layouts it knows are modules of `layouts` (its
//! documentation is the map: one trait, one ordered list); cells are read by
//! [`value::parse_cell`] and [`status::parse_status`]; the municipality by
//! [`municipality::find_in_title`].
//!
//! ```
//! use shinchoku_extract::read_text;
//!
//! let text = "重要業績評価指標（KPI）\t当初 (H30) (2018)\t実績値 (R2) (2020)\t目標値 (R6) (2024)\t進捗状況\n\
//!             特許保有件数（総数）\t153件\t144件\t200件\t遅延\n";
//! let lines = read_text(text.as_bytes()).unwrap().lines;
//! let report = shinchoku_table::reconstruct(&lines);
//! assert_eq!(report.kpis.len(), 1);
//! assert_eq!(report.kpis[0].observations.len(), 3);
//! ```

mod cell_text;
mod document;
mod header;
mod layouts;
pub mod model;
pub mod municipality;
mod page_cut;
mod section;
pub mod status;
pub mod value;
mod view;

use std::collections::HashMap;

pub use document::DocumentHints;
pub use model::*;
pub use shinchoku_extract::{Line, Provenance, Warning};

/// Whether `s` has more than `n` characters, decided without counting a long text whole:
/// no more bytes than `n` means no more characters, and otherwise counting stops at the
/// `n + 1`-th. Limits such as "a label is at most 10 characters" meet whole paragraphs.
pub(crate) fn more_chars_than(s: &str, n: usize) -> bool {
    s.len() > n && s.chars().nth(n).is_some()
}

/// Rebuild sections, KPIs and initiatives from a document's lines.
///
/// Works on cells and rows only: text lines (tab cells) and PDF lines (cells with x
/// positions and pages) are read the same way. Never panics; what cannot be placed is
/// reported in [`Report::warnings`], in document order.
pub fn reconstruct(lines: &[Line]) -> Report {
    reconstruct_with(lines, &DocumentHints::default())
}

/// [`reconstruct`] with what the reader knows beyond the lines (a PDF's metadata title).
pub fn reconstruct_with(lines: &[Line], hints: &DocumentHints) -> Report {
    let views = view::prepare(lines);
    // Rows a page break cut in two are joined first: every layout then reads them whole.
    let joined = page_cut::join_cut_rows(&views);
    let views = match &joined {
        Some(lines) => view::prepare(lines),
        None => views,
    };
    // Era-less fiscal years (`26年度`) are read in the document's eras, when it has some.
    let eras = document::eras_of(&views);
    shinchoku_extract::era::with_document_eras(eras, || reconstruct_views(&views, hints))
}

/// [`reconstruct_with`] of the prepared lines.
fn reconstruct_views(views: &[view::LineView], hints: &DocumentHints) -> Report {
    let mut found = layouts::read(views);
    let resolved = section::resolve(&mut found.sections);
    let kind = found.kind.kind();
    if kind == Some(DocumentKind::Strategy) {
        // A strategy reports no progress: its 現状値 is where the plan starts (contract rule).
        for kpi in &mut found.kpis {
            for o in &mut kpi.observations {
                if o.role == Role::Current {
                    o.role = Role::Baseline;
                }
            }
        }
    }
    let code_of = |draft: Option<usize>| draft.map(|d| resolved.codes[d].clone());

    // A KPI's id is its section's code (or `KPI`) and its ordinal there: `A-1-1.2`. The
    // counters are keyed by the code itself, since several section drafts can share one.
    let mut ordinals: HashMap<&str, u32> = HashMap::new();
    let kpis = found
        .kpis
        .into_iter()
        .map(|k| {
            let prefix = k.section.map_or("KPI", |d| resolved.codes[d].as_str());
            let ordinal = ordinals.entry(prefix).or_insert(0);
            *ordinal += 1;
            Kpi {
                achievement_rate: k.achievement_rate,
                id: format!("{prefix}.{ordinal}"),
                kind: k.kind,
                name: k.name,
                name_raw: k.name_raw,
                section: code_of(k.section),
                observations: k.observations,
                status: k.status,
                departments: k.departments,
                notes: k.notes,
                provenance: k.provenance,
            }
        })
        .collect();
    let initiatives = found
        .initiatives
        .into_iter()
        .map(|i| Initiative {
            section: code_of(i.section),
            department: i.department,
            achievements: i.achievements,
            challenges: i.challenges,
            next_steps: i.next_steps,
            projects: i.projects,
            provenance: i.provenance,
        })
        .collect();

    // A strategy's 現状値 column is its baseline: its year is where the plan starts, not
    // a period the document reports on.
    let current_column = found
        .first_current_column
        .as_ref()
        .filter(|_| kind != Some(DocumentKind::Strategy));
    let (mut info, unknown_municipality) = document::info(views, current_column, hints);
    let mut warnings = found.warnings;
    warnings.extend(resolved.warnings);
    warnings.extend(unknown_municipality);
    warnings.sort_by_key(|w| (w.provenance.page, w.provenance.line));

    info.kind = kind;
    Report {
        info,
        sections: resolved.sections,
        kpis,
        initiatives,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::more_chars_than;
    use proptest::prelude::*;

    #[test]
    fn more_chars_than_at_the_edges() {
        assert!(!more_chars_than("", 0) && more_chars_than("a", 0));
        assert!(!more_chars_than("取組と成果", 5) && more_chars_than("取組と成果", 4));
        // 10 three-byte characters are 30 bytes: past 10 bytes, yet not past 10 characters.
        assert!(!more_chars_than(&"課".repeat(10), 10));
        assert!(more_chars_than(&"課".repeat(11), 10));
        assert!(!more_chars_than("𠮷野家", 3) && more_chars_than("𠮷野家a", 3));
    }

    proptest! {
        #[test]
        fn more_chars_than_counts_characters(s in "[a-z0-9 年度課題𠮷（）。]{0,40}", n in 0usize..45) {
            prop_assert_eq!(more_chars_than(&s, n), s.chars().count() > n);
        }
    }
}
