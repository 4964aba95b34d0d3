//! The state of one walk over a document: the drafts the layouts add (sections, KPIs,
//! initiatives, warnings) and what the layouts share between lines (the open table, the
//! current section, the narrative block being read).

use shinchoku_extract::WarningCode;
use std::cell::OnceCell;
use std::collections::HashSet;

use shinchoku_extract::{Line, Provenance, Warning};

use crate::cell_text::Bigrams;
use crate::document::LazyLegend;
use crate::header::{Column, Schema};
use crate::model::{KpiKind, Observation, Status, Value};
use crate::section::{Draft, Heading, ParsedHeading};
use crate::view::CellView;

use super::HeaderBlocks;

/// A KPI before its section code (and so its id) is known.
#[derive(Debug, Clone)]
pub(crate) struct KpiDraft {
    /// Index of the section draft it belongs to.
    pub section: Option<usize>,
    pub kind: KpiKind,
    pub name: String,
    pub name_raw: String,
    pub observations: Vec<Observation>,
    pub status: Option<Status>,
    /// A printed 達成率 / 進捗率 cell.
    pub achievement_rate: Option<Value>,
    pub departments: Vec<String>,
    pub notes: Vec<String>,
    pub provenance: Provenance,
    /// Each observation's year (its own period's, else its column's), for chart checks.
    pub years: Vec<Option<i32>>,
    /// The name's bigrams, built the first time a chart title is matched against it.
    pub name_bigrams: OnceCell<Bigrams>,
}

/// A department narrative block before its section code is known.
#[derive(Debug, Clone)]
pub(crate) struct InitiativeDraft {
    pub section: Option<usize>,
    pub department: Option<String>,
    pub achievements: Option<String>,
    pub challenges: Option<String>,
    pub next_steps: Option<String>,
    pub projects: Vec<String>,
    pub provenance: Provenance,
}

/// Everything the layouts found, in document order.
#[derive(Default)]
pub(crate) struct Drafts {
    pub sections: Vec<Draft>,
    pub kpis: Vec<KpiDraft>,
    pub initiatives: Vec<InitiativeDraft>,
    pub warnings: Vec<Warning>,
    /// The first table's current column, for the report's `as_of`.
    pub first_current_column: Option<Column>,
    /// What the tables' headers say about the kind of document.
    pub kind: KindEvidence,
    /// The status labels already warned about as unknown: one warning a label, not one a
    /// row (a report of A/B/C without a legend has hundreds).
    pub unknown_statuses: Vec<String>,
}

/// What the KPI tables' headers say about the document: some report observed progress
/// (an actual, a previous value, a status or an achievement rate), some only set a
/// starting value and a target (a strategy's `現状値 | 目標値`).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct KindEvidence {
    pub progress: bool,
    pub plan: bool,
}

impl KindEvidence {
    /// Add what one table's header says.
    pub(crate) fn add(&mut self, schema: &Schema) {
        use crate::header::ColumnKind;
        use crate::model::Role;
        let mut starts = (false, false); // (baseline, current)
        for column in &schema.columns {
            match column.kind {
                ColumnKind::Status | ColumnKind::AchievementRate => self.progress = true,
                ColumnKind::Value { actual: true, .. }
                | ColumnKind::Value {
                    role: Role::Previous,
                    ..
                } => self.progress = true,
                ColumnKind::Value {
                    role: Role::Baseline,
                    ..
                } => starts.0 = true,
                ColumnKind::Value {
                    role: Role::Current,
                    ..
                } => starts.1 = true,
                _ => {}
            }
        }
        // 現状値 beside an earlier 基準値 is observed progress; one of them alone is where a
        // plan starts.
        match starts {
            (true, true) => self.progress = true,
            (false, false) => {}
            _ => self.plan = true,
        }
    }

    /// The document's kind: a progress report when any table reports progress, a strategy
    /// when its tables only set starting values and targets, `None` without tables.
    pub(crate) fn kind(self) -> Option<crate::model::DocumentKind> {
        use crate::model::DocumentKind;
        if self.progress {
            Some(DocumentKind::ProgressReport)
        } else if self.plan {
            Some(DocumentKind::Strategy)
        } else {
            None
        }
    }
}

/// Where the walk is in the document's sections.
#[derive(Default)]
pub(crate) struct SectionCursor {
    /// The latest heading of any level (an index into [`Drafts::sections`]).
    pub current: Option<usize>,
    /// The latest level-1 heading (a field, a goal, a project).
    pub level1: Option<usize>,
    /// The latest measure heading (`A-1-1`: a code of three parts or more), until a
    /// heading above it.
    pub measure: Option<usize>,
    /// A `N …プロジェクト` heading, kept until a KPI table confirms it (the 施策体系
    /// diagram prints the same names without tables).
    pub pending_project: Option<Draft>,
    /// A heading came after the last KPI row: a header now starts a new table, not a
    /// repeated page header.
    pub heading_since_row: bool,
    /// The rows being read are the level-1 section's headline KPIs (`数値目標`).
    pub headline: bool,
    /// A `【数値目標】` line was seen: the next table holds headline KPIs.
    pub headline_marker: bool,
}

/// Where the open table is: in its rows, or past them, where single-cell lines (department
/// lines, chart titles) and charts still refer to its KPIs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    Rows,
    Trailer,
}

/// The table whose rows, departments and charts are being read.
pub(crate) struct OpenTable<'a> {
    pub schema: &'a Schema,
    pub phase: Phase,
    /// Indices of its KPIs, in row order.
    pub kpis: Vec<usize>,
    /// Position in `kpis` up to which trailing department lines have been handed out.
    pub department_cursor: usize,
    /// The KPI a chart title just named, waiting for its chart data and department line.
    pub titled: Option<usize>,
    /// The chart whose rows are being read: the KPI it illustrates, if known.
    pub chart: Option<Option<usize>>,
    /// A unit caption (`（単位：千円）`) printed just before the table.
    pub caption_unit: Option<String>,
}

impl<'a> OpenTable<'a> {
    /// A table whose rows start on the next line.
    pub(crate) fn new(schema: &'a Schema, caption_unit: Option<String>) -> OpenTable<'a> {
        OpenTable {
            schema,
            phase: Phase::Rows,
            kpis: Vec::new(),
            department_cursor: 0,
            titled: None,
            chart: None,
            caption_unit,
        }
    }
}

/// The walk's state, shared by the layouts.
pub(crate) struct Doc<'a> {
    pub out: Drafts,
    /// The document's status legend, read when a status cell first asks for it.
    pub legend: &'a LazyLegend<'a>,
    /// Every KPI table header of the document, read before the walk.
    pub headers: &'a HeaderBlocks,
    pub sections: SectionCursor,
    /// The open table; `None` outside tables.
    pub table: Option<OpenTable<'a>>,
    /// The header of the last table opened, which rows printed under a later heading
    /// without a header of their own are read under.
    pub last_schema: Option<&'a Schema>,
    /// A unit caption seen since the last table opened, for the next table.
    pub caption_unit: Option<String>,
    /// The narrative block being read (an index into [`Drafts::initiatives`]).
    pub initiative: Option<usize>,
    /// The warnings already in `out`, so that a repeated one is found without scanning
    /// them all (a table of many unreadable rows warns once a row).
    warned: HashSet<Warning>,
}

impl<'a> Doc<'a> {
    pub(crate) fn new(legend: &'a LazyLegend<'a>, headers: &'a HeaderBlocks) -> Doc<'a> {
        Doc {
            out: Drafts::default(),
            legend,
            headers,
            sections: SectionCursor::default(),
            table: None,
            last_schema: None,
            caption_unit: None,
            initiative: None,
            warned: HashSet::new(),
        }
    }

    pub(crate) fn finish(self) -> Drafts {
        self.out
    }

    /// The open table, when it is in `phase`.
    pub(crate) fn table_in(&mut self, phase: Phase) -> Option<&mut OpenTable<'a>> {
        self.table.as_mut().filter(|t| t.phase == phase)
    }

    /// A section heading read: it becomes the current section (and the current level-1 or
    /// measure section, by its kind).
    pub(crate) fn push_section(&mut self, draft: Draft) {
        let index = self.out.sections.len();
        let cursor = &mut self.sections;
        match &draft.heading {
            Heading::Level1 { .. } | Heading::Project { .. } => {
                cursor.level1 = Some(index);
                cursor.measure = None;
            }
            Heading::Coded { parts, .. } if parts.len() >= 2 => cursor.measure = Some(index),
            Heading::Coded { .. } | Heading::Measure { .. } => cursor.measure = None,
            Heading::Outline { level: 1 } => {
                cursor.level1 = Some(index);
                cursor.measure = None;
            }
            Heading::Outline { level: 2 } => cursor.measure = None,
            Heading::Outline { .. } => cursor.measure = Some(index),
        }
        cursor.current = Some(index);
        cursor.headline = false;
        cursor.heading_since_row = true;
        self.out.sections.push(draft);
    }

    /// The items of a numbered-list cell become the current section's projects.
    pub(crate) fn add_section_projects(&mut self, list: &CellView) {
        if let Some(d) = self.sections.current {
            self.out.sections[d].projects.extend(list.list_items());
        }
    }

    /// Whether the current section is a 重点プロジェクト.
    pub(crate) fn in_project(&self) -> bool {
        self.sections
            .current
            .is_some_and(|d| matches!(self.out.sections[d].heading, Heading::Project { .. }))
    }

    pub(crate) fn warn(&mut self, code: WarningCode, message: String, line: &Line) {
        self.warn_at(code, message, provenance(line));
    }

    /// A warning, once: the same warning for the same line is not repeated.
    pub(crate) fn warn_at(&mut self, code: WarningCode, message: String, provenance: Provenance) {
        let w = Warning::new(code, message, provenance);
        if self.warned.insert(w.clone()) {
            self.out.warnings.push(w);
        }
    }
}

/// A section draft for a heading read from `line`.
pub(crate) fn section_draft(parsed: ParsedHeading, line: &Line) -> Draft {
    Draft {
        heading: parsed.heading,
        title: parsed.title,
        provenance: provenance(line),
        projects: Vec::new(),
    }
}

pub(crate) fn provenance(line: &Line) -> Provenance {
    Provenance {
        column: None,
        sheet: None,
        page: line.page,
        line: line.number,
        text: line.raw.clone(),
    }
}
