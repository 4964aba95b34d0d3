//! One pass over the lines: a small state machine that recognizes table headers, section
//! headings, KPI rows, department lines, charts and department narratives, and records
//! them as drafts whose section codes are resolved afterwards.
//!
//! States: `Outside` any table; `Table` after a KPI header (rows, headings and repeated
//! headers keep it open); `AfterTable` once the rows give way to single-cell lines
//! (department lines, chart titles and chart data that still refer to the table's KPIs).

use std::sync::OnceLock;

use shinchoku_extract::era::Period;
use shinchoku_extract::{par, Line, Provenance, Warning, WarningCode};

use crate::cell_text::{
    department_line, first_number, gregorian_year, has_line_break, has_number_or_date, is_ordinal,
    looks_like_value, norm_paragraphs, split_bullet_list, split_name, Bigrams,
};
use crate::document::LazyLegend;
use crate::header::{build_schema, Column, ColumnKind, HeaderCell, Schema};
use crate::model::{KpiKind, Observation, Role, Status, StatusCode, Value};
use crate::section::{project_heading_in, Draft, Heading, ParsedHeading};
use crate::status::parse_status;
use crate::value::{clean_hint, parse_cell, parse_normalized_cell, unit_in_name};
use crate::view::{CellView, LineView};
use crate::{more_chars_than, FastMap};

/// A chart title is a short caption; a longer single-cell line is prose, not a title.
const MAX_CHART_TITLE_CHARS: usize = 200;

/// How many of a table's last KPIs a chart title is matched against.
const MAX_CHART_CANDIDATES: usize = 64;

/// Documents with fewer value cells, or header blocks, read them on one thread (see
/// [`shinchoku_extract::par`]).
const MIN_PARALLEL_VALUES: usize = 512;
const MIN_PARALLEL_HEADERS: usize = 32;

/// A KPI row before its section code is known.
#[derive(Debug, Clone)]
pub(crate) struct KpiDraft {
    /// Index of the section draft it belongs to.
    pub section: Option<usize>,
    pub kind: KpiKind,
    pub name: String,
    pub name_raw: String,
    pub observations: Vec<Observation>,
    pub status: Option<Status>,
    pub departments: Vec<String>,
    pub notes: Vec<String>,
    pub provenance: Provenance,
    /// Each observation's year (its own period's, else its column's), for chart checks.
    pub years: Vec<Option<i32>>,
    /// The name's bigrams, built the first time a chart title is matched against it.
    pub name_bigrams: OnceLock<Bigrams>,
    /// The unit printed in the KPI's name or its table's caption, which its value cells
    /// take before their column's.
    pub unit_hint: Option<String>,
}

/// A value cell whose reading waits for the end of the scan: the cells are read all at
/// once, in parallel ([`parse_cell`] depends on the cell and its unit hint only), while the
/// scan itself stays one sequential pass.
struct ValueRead<'v> {
    kpi: usize,
    observation: usize,
    /// The column header's unit, for cells whose KPI has no unit of its own
    /// ([`KpiDraft::unit_hint`]).
    column_unit: Option<&'v str>,
    /// The cell's normalized text when it is one paragraph (then it is what [`parse_cell`]
    /// would read), borrowed from its view; `None` for cells with line breaks, read from
    /// the raw text.
    normalized: Option<&'v str>,
    /// The column's period, which stands when the cell prints none.
    column_period: Option<&'v Period>,
}

/// A chart row to compare with its KPI's observations of the same year, once the values
/// (and so the observations' own years) have been read.
struct ChartCheck {
    kpi: usize,
    year: i32,
    value: f64,
    /// The chart cell as printed, normalized.
    shown: String,
    provenance: Provenance,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Outside,
    Table,
    AfterTable,
}

/// The table whose rows, departments and charts are being read.
struct Table<'a> {
    /// One of the document's [`HeaderBlocks`] schemas.
    schema: &'a Schema,
    /// Indices of its KPIs, in row order.
    kpis: Vec<usize>,
    /// Position in `kpis` up to which trailing department lines have been handed out.
    department_cursor: usize,
    /// The KPI a chart title just named, waiting for its chart data and department line.
    titled: Option<usize>,
    /// The KPI and unit of the chart whose rows are being read.
    chart: Option<(Option<usize>, Option<String>)>,
    /// A unit caption (`（単位：千円）`) printed just before the table.
    caption_unit: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum InitiativeField {
    Achievements,
    Challenges,
    NextSteps,
    Projects,
}

/// Everything one pass finds.
#[derive(Default)]
pub(crate) struct Scan {
    pub drafts: Vec<Draft>,
    pub kpis: Vec<KpiDraft>,
    pub initiatives: Vec<InitiativeDraft>,
    pub warnings: Vec<Warning>,
    /// The first table's current column, for the report's `as_of`.
    pub first_current_column: Option<Column>,
}

pub(crate) struct Scanner<'a> {
    legend: &'a LazyLegend<'a>,
    out: Scan,
    mode: Option<Mode>,
    table: Option<Table<'a>>,
    current: Option<usize>,
    current_level1: Option<usize>,
    current_measure: Option<usize>,
    /// A `N …プロジェクト` heading, kept until a KPI table confirms it (the 施策体系
    /// diagram prints the same names without tables).
    pending_project: Option<Draft>,
    headline: bool,
    /// A `【数値目標】` line was seen: the next table holds headline KPIs.
    headline_marker: bool,
    /// A heading came after the last KPI row: a header now starts a new table, not a
    /// repeated page header.
    heading_since_row: bool,
    /// The initiative block being read.
    initiative: Option<usize>,
    /// A blank line was seen since the last table row.
    gap: bool,
    caption_unit: Option<String>,
    /// The page of the last line read (PDF input).
    last_page: Option<u32>,
    value_reads: Vec<ValueRead<'a>>,
    chart_checks: Vec<ChartCheck>,
    /// The current line's filled cells; kept between lines so that its allocation is made
    /// once a document instead of once a line.
    filled: Vec<&'a CellView<'a>>,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(legend: &'a LazyLegend<'a>) -> Scanner<'a> {
        Scanner {
            legend,
            out: Scan::default(),
            mode: None,
            table: None,
            current: None,
            current_level1: None,
            current_measure: None,
            pending_project: None,
            headline: false,
            headline_marker: false,
            heading_since_row: false,
            initiative: None,
            gap: false,
            caption_unit: None,
            last_page: None,
            value_reads: Vec::new(),
            chart_checks: Vec::new(),
            filled: Vec::new(),
        }
    }

    /// Scan the lines, given their header blocks ([`header_blocks`]).
    pub(crate) fn run(mut self, lines: &'a [LineView], headers: &'a HeaderBlocks) -> Scan {
        let mut blocks = headers.blocks.iter().peekable();
        let mut i = 0;
        while i < lines.len() {
            let view = &lines[i];
            let line = view.line;
            if view.is_blank() {
                self.gap = true;
                i += 1;
                continue;
            }
            while blocks.next_if(|b| b.start < i).is_some() {}
            if let Some(block) = blocks.next_if(|b| b.start == i) {
                if let Some(schema) = &headers.schemas[block.schema] {
                    self.start_table(schema, line);
                    i = block.end;
                    continue;
                }
            }
            if line.page.is_some() && line.page != self.last_page {
                // A page break separates like a blank line does.
                self.gap |= self.last_page.is_some();
                self.last_page = line.page;
            }
            self.line(view);
            i += 1;
        }
        self.read_values();
        self.check_charts();
        self.out
    }

    /// Read every value cell the scan found, in parallel, into its observation.
    fn read_values(&mut self) {
        let reads = std::mem::take(&mut self.value_reads);
        let kpis = &self.out.kpis;
        let cells = par::map(&reads, MIN_PARALLEL_VALUES, |r| {
            let kpi = &kpis[r.kpi];
            let hint = kpi.unit_hint.as_deref().or(r.column_unit);
            match &r.normalized {
                Some(normalized) => parse_normalized_cell(normalized, hint),
                None => parse_cell(&kpi.observations[r.observation].raw, hint),
            }
        });
        for (r, read) in reads.iter().zip(cells) {
            let kpi = &mut self.out.kpis[r.kpi];
            let observation = &mut kpi.observations[r.observation];
            match read.period {
                Some(period) => {
                    kpi.years[r.observation] = Some(period.year);
                    observation.period = Some(period);
                }
                None => observation.period = r.column_period.cloned(),
            }
            observation.value = read.value;
            observation.notes = read.notes;
        }
    }

    /// Compare chart rows with the table's values of the same year.
    fn check_charts(&mut self) {
        for check in std::mem::take(&mut self.chart_checks) {
            let kpi = &self.out.kpis[check.kpi];
            let mismatch = kpi
                .observations
                .iter()
                .zip(&kpi.years)
                .filter(|(_, y)| **y == Some(check.year))
                .map(|(o, _)| o)
                .filter_map(|o| first_number(&o.raw).map(|v| (o, v)))
                .find(|(_, v)| (v - check.value).abs() > 1e-9 * v.abs().max(1.0));
            if let Some((obs, _)) = mismatch {
                let message = format!(
                    "the chart for \"{}\" gives {} for {}, but the table's {} value for that year is \"{}\"",
                    kpi.name,
                    check.shown,
                    check.year,
                    role_name(obs.role),
                    obs.raw
                );
                self.warn_at(WarningCode::ChartTableMismatch, message, check.provenance);
            }
        }
    }

    fn mode(&self) -> Mode {
        self.mode.unwrap_or(Mode::Outside)
    }

    fn start_table(&mut self, schema: &'a Schema, line: &Line) {
        self.initiative = None;
        self.gap = false;
        let repeated = self.mode() != Mode::Outside
            && !self.heading_since_row
            && self
                .table
                .as_ref()
                .is_some_and(|t| t.schema.same_layout(schema));
        self.mode = Some(Mode::Table);
        if repeated {
            // A page header repeated: the table goes on.
            self.headline |= std::mem::take(&mut self.headline_marker);
            return;
        }
        for (code, message) in &schema.era_warnings {
            self.warn(*code, format!("in the table header: {message}"), line);
        }
        if let Some(project) = self.pending_project.take() {
            self.push_section(project);
        }
        if self.out.first_current_column.is_none() {
            self.out.first_current_column = schema
                .columns
                .iter()
                .find(|c| {
                    matches!(
                        c.kind,
                        ColumnKind::Value {
                            role: Role::Current,
                            ..
                        }
                    )
                })
                .cloned();
        }
        self.headline = std::mem::take(&mut self.headline_marker);
        self.table = Some(Table {
            schema,
            kpis: Vec::new(),
            department_cursor: 0,
            titled: None,
            chart: None,
            caption_unit: self.caption_unit.take(),
        });
    }

    fn line(&mut self, view: &'a LineView) {
        let mut filled = std::mem::take(&mut self.filled);
        filled.clear();
        filled.extend(view.filled());
        self.line_with(view, &filled);
        self.filled = filled;
    }

    /// [`Scanner::line`] with the line's filled cells.
    fn line_with(&mut self, view: &'a LineView, filled: &[&CellView]) {
        let line = view.line;
        if line.page.is_some() && filled.len() == 1 && is_page_number(filled[0].squeezed()) {
            // A printed page number (`- 9 -`) is page furniture: a block (an initiative,
            // a table) interrupted by a page break goes on after it.
            return;
        }
        let gap = std::mem::replace(&mut self.gap, false);
        if self.initiative_line(line, filled) {
            self.mode = Some(Mode::Outside);
            return;
        }
        self.initiative = None;
        if !is_toc_entry(filled) && self.heading_line(line, filled) {
            if self.mode() == Mode::AfterTable {
                self.mode = Some(Mode::Outside);
            }
            return;
        }
        if filled.len() == 1 {
            let cell = filled[0];
            let text = cell.text();
            if let Some(parsed) = project_heading_in(cell.norm()) {
                self.pending_project = Some(draft(parsed, line));
                self.mode = Some(Mode::Outside);
                return;
            }
            if let Some(departments) = department_line(text) {
                if self.mode() != Mode::Outside {
                    self.assign_departments(departments, line);
                    self.mode = Some(Mode::AfterTable);
                }
                return;
            }
            if is_headline_marker(cell.squeezed()) {
                // `【数値目標】` above a table: its rows are the level-1 section's headline KPIs.
                self.headline_marker = true;
                return;
            }
            if let Some(unit) = caption_unit(cell.norm()) {
                self.caption_unit = Some(unit);
                return;
            }
        }
        match self.mode() {
            Mode::Outside => {}
            Mode::Table => self.table_line(view, filled, gap),
            Mode::AfterTable => self.after_table_line(filled, line),
        }
    }

    fn table_line(&mut self, view: &'a LineView, filled: &[&CellView], gap: bool) {
        let line = view.line;
        if self.chart_line(filled, line) {
            self.mode = Some(Mode::AfterTable);
            return;
        }
        if self.kpi_row(view) {
            return;
        }
        if filled.len() == 1 && is_page_number(filled[0].squeezed()) {
            return;
        }
        if filled.len() == 1 && (gap || is_prose(filled[0].norm()) || ends_table(filled[0].norm()))
        {
            // The rows have ended: what follows refers to the table (titles, departments).
            self.mode = Some(Mode::AfterTable);
            self.after_table_line(filled, line);
            return;
        }
        if filled.len() == 1 && !has_number_or_date(filled[0].text()) {
            // A short line right under the rows (a chart title, a remark): the table may
            // still go on, but a department line may follow it.
            self.after_table_line(filled, line);
            return;
        }
        if filled.iter().any(|c| has_number_or_date(c.text())) {
            self.warn(
                WarningCode::UnparsedRow,
                "a line inside a KPI table holds a number or date but is neither a KPI row, a heading nor a header; expected a name followed by the table's value cells".to_string(),
                line,
            );
        }
    }

    fn after_table_line(&mut self, filled: &[&CellView], line: &Line) {
        if self.chart_line(filled, line) {
            return;
        }
        let Some(table) = self.table.as_mut() else {
            return;
        };
        table.chart = None;
        if filled.len() == 1 && !more_chars_than(filled[0].text(), MAX_CHART_TITLE_CHARS) {
            // A chart title names the KPI it illustrates, with slightly different words.
            // Only the table's last KPIs are candidates (charts follow the rows they
            // illustrate), so a table running over hundreds of pages stays linear.
            let title = Bigrams::of(filled[0].norm());
            let recent = table.kpis.len().saturating_sub(MAX_CHART_CANDIDATES);
            let best = table.kpis[recent..]
                .iter()
                .map(|&k| {
                    let kpi = &self.out.kpis[k];
                    let name = kpi.name_bigrams.get_or_init(|| Bigrams::of(&kpi.name));
                    (k, title.similarity(name))
                })
                .filter(|&(_, score)| score >= 0.6)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            table.titled = best.map(|(k, _)| k);
        }
    }

    /// Chart data under a chart title: a `年度 | 割合 (%)` header, then `R1 (2019) | 67`
    /// rows, checked against the titled KPI's observations of the same year.
    fn chart_line(&mut self, filled: &[&CellView], line: &Line) -> bool {
        let Some(table) = self.table.as_mut() else {
            return false;
        };
        if filled.len() >= 2 && matches!(filled[0].squeezed(), "年度" | "年" | "年次" | "区分")
        {
            table.chart = Some((table.titled, unit_in_name(filled[1].text())));
            return true;
        }
        let Some((kpi, _)) = table.chart else {
            return false;
        };
        if filled.len() < 2 {
            return false;
        }
        let Some(year) = period_year(filled[0]) else {
            return false;
        };
        let Some(chart_value) = first_number(filled[1].text()) else {
            return false;
        };
        if let Some(kpi) = kpi {
            self.chart_checks.push(ChartCheck {
                kpi,
                year,
                value: chart_value,
                shown: filled[1].norm().to_string(),
                provenance: provenance(line),
            });
        }
        true
    }

    /// A KPI row: `[ordinal | 数値目標] name value… [status] [projects]`.
    fn kpi_row(&mut self, view: &'a LineView) -> bool {
        let line = view.line;
        let Some(table) = self.table.as_ref() else {
            return false;
        };
        let Some(row) = split_row(view, table.schema) else {
            return false;
        };
        let schema = table.schema;
        let name_parts = split_name(row.name.norm());
        let unit_hint = unit_in_name(&name_parts.name).or_else(|| table.caption_unit.clone());
        let mut observations = Vec::new();
        let mut status = None;
        let mut departments = name_parts.departments;
        let mut notes = name_parts.notes;
        let mut status_warning = None;
        let mut years = Vec::new();
        let index = self.out.kpis.len();
        for (column, cell) in schema.slots().zip(&row.slots) {
            let text = cell.map(|c| c.text()).unwrap_or("");
            match column.kind {
                ColumnKind::Value { role, .. } => {
                    // The column's period and year stand until the cell is read and turns
                    // out to print its own (`read_values`).
                    self.value_reads.push(ValueRead {
                        kpi: index,
                        observation: observations.len(),
                        column_unit: column.unit.as_deref(),
                        normalized: cell.filter(|c| !has_line_break(c.text())).map(|c| c.norm()),
                        column_period: column.period.as_ref(),
                    });
                    years.push(column.year());
                    observations.push(Observation {
                        role,
                        value: Value::Missing,
                        // Set in `read_values`: the cell's own, else the column's.
                        period: None,
                        notes: Vec::new(),
                        raw: text.to_string(),
                    });
                }
                ColumnKind::Status => {
                    status = parse_status(text, self.legend.get());
                    if let Some(s) = &status {
                        if s.code == StatusCode::Other {
                            status_warning = Some(s.label.clone());
                        }
                    }
                }
                ColumnKind::Department => {
                    for d in norm_paragraphs(text)
                        .iter()
                        .flat_map(|p| p.split(['、', ',', '/']))
                    {
                        let d = d.trim();
                        if !d.is_empty() && !departments.iter().any(|x| x == d) {
                            departments.push(d.to_string());
                        }
                    }
                }
                _ => {}
            }
        }
        let extra_count = row.extras.len();
        for extra in &row.extras {
            notes.push(extra.norm().to_string());
        }
        let headline = row.headline_label || self.headline;
        self.headline = headline;
        self.heading_since_row = false;
        let (kind, section) = if headline {
            (KpiKind::Headline, self.current_level1.or(self.current))
        } else if schema.priority || self.in_project() {
            (KpiKind::Priority, self.current)
        } else {
            (KpiKind::Kpi, self.current)
        };
        self.out.kpis.push(KpiDraft {
            section,
            kind,
            name: name_parts.name,
            name_raw: row.name.text().to_string(),
            observations,
            status,
            departments,
            notes,
            provenance: provenance(line),
            years,
            name_bigrams: OnceLock::new(),
            unit_hint,
        });
        if let Some(table) = self.table.as_mut() {
            table.kpis.push(index);
        }
        if let Some(projects) = row.projects {
            self.add_section_projects(projects);
        }
        if let Some(label) = status_warning {
            self.warn(
                WarningCode::UnknownStatus,
                format!(
                    "status \"{label}\" is not a known progress label nor in the document's legend"
                ),
                line,
            );
        }
        if extra_count > 0 {
            self.warn(
                WarningCode::ExtraCells,
                format!("{extra_count} cell(s) after the table's last column were kept as the KPI's notes"),
                line,
            );
        }
        true
    }

    fn in_project(&self) -> bool {
        self.current
            .is_some_and(|d| matches!(self.out.drafts[d].heading, Heading::Project { .. }))
    }

    /// A line whose cells are all headings (plus, optionally, a projects list).
    fn heading_line(&mut self, line: &Line, filled: &[&CellView]) -> bool {
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
            self.pending_project = None;
            self.push_section(draft(parsed, line));
            while let Some(&l) = lists.peek() {
                if l < k {
                    break;
                }
                lists.next();
                self.add_section_projects(filled[l]);
            }
        }
        for l in lists {
            self.add_section_projects(filled[l]);
        }
        true
    }

    fn push_section(&mut self, draft: Draft) {
        let index = self.out.drafts.len();
        match &draft.heading {
            Heading::Level1 { .. } | Heading::Project { .. } => {
                self.current_level1 = Some(index);
                self.current_measure = None;
            }
            Heading::Coded { parts, .. } if parts.len() >= 2 => self.current_measure = Some(index),
            Heading::Coded { .. } => self.current_measure = None,
        }
        self.current = Some(index);
        self.headline = false;
        self.heading_since_row = true;
        self.out.drafts.push(draft);
    }

    /// The items of a numbered-list cell become the current section's projects.
    fn add_section_projects(&mut self, list: &CellView) {
        if let Some(d) = self.current {
            self.out.drafts[d].projects.extend(list.list_items());
        }
    }

    /// Trailing department lines go to the table's KPIs in order, skipping KPIs that
    /// already have one; a chart title just before names the KPI directly.
    fn assign_departments(&mut self, departments: Vec<String>, line: &Line) {
        let Some(table) = self.table.as_mut() else {
            return;
        };
        table.chart = None;
        let target = table.titled.take().or_else(|| {
            let kpis = &self.out.kpis;
            let found = table.kpis[table.department_cursor..]
                .iter()
                .position(|&k| kpis[k].departments.is_empty());
            found.map(|p| {
                let at = table.department_cursor + p;
                table.department_cursor = at + 1;
                table.kpis[at]
            })
        });
        match target {
            Some(k) => {
                let kpi = &mut self.out.kpis[k];
                for d in departments {
                    if !kpi.departments.contains(&d) {
                        kpi.departments.push(d);
                    }
                }
            }
            None => self.warn(
                WarningCode::UnplacedDepartment,
                format!(
                    "department line \"{}\" follows a table whose KPIs all have departments already",
                    departments.join("、")
                ),
                line,
            ),
        }
    }

    /// Department narrative lines: `department | label | text` starts a block,
    /// `label | text` continues it.
    fn initiative_line(&mut self, line: &Line, filled: &[&CellView]) -> bool {
        if filled.len() < 2 {
            return false;
        }
        if let Some(field) = initiative_label(filled[0].squeezed()) {
            let Some(i) = self.initiative else {
                return false;
            };
            if field == InitiativeField::Achievements
                && self.out.initiatives[i].achievements.is_some()
            {
                // A second 主な取組と成果: a new block whose department cell came out empty
                // (a cell merged over the block's rows in a PDF).
                self.start_initiative(None, field, &filled[1..], line);
                return true;
            }
            self.fill_initiative(i, field, &filled[1..]);
            return true;
        }
        let Some(field) = initiative_label(filled[1].squeezed()) else {
            return false;
        };
        let department = filled[0].norm().to_string();
        if more_chars_than(&department, 30) || looks_like_value(&department) {
            return false;
        }
        self.start_initiative(Some(department), field, &filled[2..], line);
        true
    }

    fn start_initiative(
        &mut self,
        department: Option<String>,
        field: InitiativeField,
        cells: &[&CellView],
        line: &Line,
    ) {
        let index = self.out.initiatives.len();
        self.out.initiatives.push(InitiativeDraft {
            section: self.current_measure.or(self.current),
            department,
            achievements: None,
            challenges: None,
            next_steps: None,
            projects: Vec::new(),
            provenance: provenance(line),
        });
        self.initiative = Some(index);
        self.fill_initiative(index, field, cells);
    }

    fn fill_initiative(&mut self, index: usize, field: InitiativeField, cells: &[&CellView]) {
        let initiative = &mut self.out.initiatives[index];
        let text: Vec<String> = cells
            .iter()
            .flat_map(|c| norm_paragraphs(c.text()))
            .collect();
        let slot = match field {
            InitiativeField::Projects => {
                initiative
                    .projects
                    .extend(cells.iter().flat_map(|c| split_bullet_list(c.text())));
                return;
            }
            InitiativeField::Achievements => &mut initiative.achievements,
            InitiativeField::Challenges => &mut initiative.challenges,
            InitiativeField::NextSteps => &mut initiative.next_steps,
        };
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

    fn warn(&mut self, code: WarningCode, message: String, line: &Line) {
        self.warn_at(code, message, provenance(line));
    }

    fn warn_at(&mut self, code: WarningCode, message: String, provenance: Provenance) {
        let w = Warning::new(code, message, provenance);
        if !self.out.warnings.contains(&w) {
            self.out.warnings.push(w);
        }
    }
}

/// A run of header lines from a line that names a column role: the lines `start..end` and
/// the table they describe (an index into [`HeaderBlocks::schemas`]).
struct HeaderBlock {
    start: usize,
    end: usize,
    schema: usize,
}

/// Every header block of the document, in order, and the schemas they describe.
pub(crate) struct HeaderBlocks {
    blocks: Vec<HeaderBlock>,
    /// One per distinct header; `None` when it describes no KPI table.
    schemas: Vec<Option<Schema>>,
}

/// Every header block of the document, read in parallel: where a block starts and ends
/// depends on the lines alone, not on the scan's state. (Blocks may overlap: the scan uses
/// the block at a line only when it reaches that line.) A header repeated on every page is
/// read once: blocks with the same [`HeaderCell`]s share its schema, which the scan's
/// tables borrow.
pub(crate) fn header_blocks(lines: &[LineView]) -> HeaderBlocks {
    let spans: Vec<(usize, usize)> = (0..lines.len())
        .filter(|&i| lines[i].header == Some(true))
        .map(|start| {
            let mut end = start + 1;
            while end < lines.len() && !lines[end].is_blank() && lines[end].header.is_some() {
                end += 1;
            }
            (start, end)
        })
        .collect();
    // The first block with each cell list, in order; every block points at its first.
    let mut first_of: FastMap<Vec<HeaderCell>, usize> = FastMap::default();
    let which: Vec<usize> = spans
        .iter()
        .map(|&(start, end)| {
            let next = first_of.len();
            *first_of
                .entry(HeaderCell::of_block(&lines[start..end]))
                .or_insert(next)
        })
        .collect();
    let mut unique: Vec<(&Vec<HeaderCell>, usize)> =
        first_of.iter().map(|(cells, &i)| (cells, i)).collect();
    unique.sort_unstable_by_key(|&(_, i)| i);
    let schemas = par::map(&unique, MIN_PARALLEL_HEADERS, |&(cells, _)| {
        build_schema(cells)
    });
    let blocks = spans
        .iter()
        .zip(which)
        .map(|(&(start, end), schema)| HeaderBlock { start, end, schema })
        .collect();
    HeaderBlocks { blocks, schemas }
}

/// The cells of a KPI row, aligned to the table's columns by content and order.
struct Row<'l, 'a> {
    headline_label: bool,
    name: &'l CellView<'a>,
    /// One entry per schema slot (values, status, department); `None` when not printed.
    slots: Vec<Option<&'l CellView<'a>>>,
    projects: Option<&'l CellView<'a>>,
    /// Filled cells beyond the table's columns.
    extras: Vec<&'l CellView<'a>>,
}

/// Split a line into a KPI row. The name is the first filled cell that is not a row
/// ordinal or a `数値目標` label; the cells after it fill the value columns in order, then
/// the status; a numbered list at the end is the projects cell. Leading empty cells and
/// header positions do not matter (layouts shift from page to page).
fn split_row<'l, 'a>(line: &'l LineView<'a>, schema: &Schema) -> Option<Row<'l, 'a>> {
    let mut headline_label = false;
    let mut name_at = None;
    for (i, cell) in line.cells.iter().enumerate() {
        if cell.is_blank() || is_ordinal(cell.text()) {
            continue;
        }
        if cell.squeezed() == "数値目標" {
            headline_label = true;
            continue;
        }
        if looks_like_value(cell.norm()) || cell.heading().is_some() {
            return None;
        }
        name_at = Some(i);
        break;
    }
    let name_at = name_at?;
    // Slices of the line and counts rather than lists of cells: this runs on every line
    // of a table, and the lists were five allocations a row.
    let mut after = without_trailing_blanks(&line.cells[name_at + 1..]);
    let slot_count = schema.slots().count();
    let has_projects_column = schema
        .columns
        .iter()
        .any(|c| c.kind == ColumnKind::Projects);
    let mut filled_count = after.iter().filter(|c| !c.is_blank()).count();
    let mut projects = None;
    if let Some((last, before)) = after.split_last() {
        let list = last.is_list();
        if list && (filled_count > slot_count || has_projects_column || has_line_break(last.text()))
        {
            projects = Some(last);
            after = without_trailing_blanks(before);
            filled_count -= 1;
        }
    }
    if filled_count < slot_count.min(2) {
        return None;
    }
    let filled = || after.iter().filter(|c| !c.is_blank());
    let (assigned, extras): (Vec<Option<&CellView>>, Vec<&CellView>) = if filled_count >= slot_count
    {
        (
            filled().take(slot_count).map(Some).collect(),
            filled().skip(slot_count).collect(),
        )
    } else if after.len() >= slot_count {
        // Fewer filled cells than columns: blank cells hold their column's place.
        (
            after[..slot_count]
                .iter()
                .map(|c| (!c.is_blank()).then_some(c))
                .collect(),
            after[slot_count..]
                .iter()
                .filter(|c| !c.is_blank())
                .collect(),
        )
    } else {
        let mut v: Vec<Option<&CellView>> = Vec::with_capacity(slot_count);
        v.extend(filled().map(Some));
        v.resize(slot_count, None);
        (v, Vec::new())
    };
    Some(Row {
        headline_label,
        name: &line.cells[name_at],
        slots: assigned,
        projects,
        extras,
    })
}

/// `cells` up to its last filled cell.
fn without_trailing_blanks<'l, 'a>(cells: &'l [CellView<'a>]) -> &'l [CellView<'a>] {
    let end = cells
        .iter()
        .rposition(|c| !c.is_blank())
        .map_or(0, |i| i + 1);
    &cells[..end]
}

/// The initiative field a label cell names, from its squeezed text.
fn initiative_label(s: &str) -> Option<InitiativeField> {
    if more_chars_than(s, 10) {
        return None;
    }
    if s.contains("取組") || s.contains("成果") {
        Some(InitiativeField::Achievements)
    } else if s.contains("課題") {
        Some(InitiativeField::Challenges)
    } else if s.contains("今後") {
        Some(InitiativeField::NextSteps)
    } else if s.ends_with("事業") {
        Some(InitiativeField::Projects)
    } else {
        None
    }
}

/// A sentence or paragraph rather than a table cell (from the normalized text).
fn is_prose(t: &str) -> bool {
    t.ends_with('。') || more_chars_than(t, 60)
}

/// A line alone in its row that no KPI row looks like: a bullet item (`・…事業`) or a
/// bracketed caption (`＜主な事業＞`, `［期待される効果］`). The rows have ended. Reads the
/// normalized text.
fn ends_table(t: &str) -> bool {
    let bullet = t.starts_with(['・', '●', '○', '◇', '◆', '■', '□', '•']);
    let caption = [
        ('<', '>'),
        ('[', ']'),
        ('【', '】'),
        ('〈', '〉'),
        ('《', '》'),
    ]
    .iter()
    .any(|&(open, close)| t.starts_with(open) && t.ends_with(close));
    bullet || caption
}

/// A table-of-contents entry: several cells, the last a bare page number.
fn is_toc_entry(filled: &[&CellView]) -> bool {
    filled.len() >= 2 && filled.last().is_some_and(|c| is_page_number(c.squeezed()))
}

/// A printed page number (`- 9 -`), from the squeezed text.
fn is_page_number(squeezed: &str) -> bool {
    let t = squeezed.trim_matches('-');
    (1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// A `数値目標` marker line (`【数値目標】`), from the squeezed text.
fn is_headline_marker(squeezed: &str) -> bool {
    squeezed.trim_matches(['【', '】', '[', ']', '<', '>', '(', ')', '■', '◆', '●']) == "数値目標"
}

/// A caption `（単位：千円）` on a line of its own, from the normalized text.
fn caption_unit(t: &str) -> Option<String> {
    if !t.contains("単位") || more_chars_than(t, 20) {
        return None;
    }
    clean_hint(t)
}

fn period_year(cell: &CellView) -> Option<i32> {
    match shinchoku_extract::era::parse_period(cell.norm()) {
        Ok(p) => Some(p.period.year),
        Err(_) => gregorian_year(cell.text()),
    }
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Baseline => "baseline",
        Role::Previous => "previous",
        Role::Current => "current",
        Role::Target => "target",
    }
}

fn draft(parsed: ParsedHeading, line: &Line) -> Draft {
    Draft {
        heading: parsed.heading,
        title: parsed.title,
        provenance: provenance(line),
        projects: Vec::new(),
    }
}

pub(crate) fn provenance(line: &Line) -> Provenance {
    Provenance {
        page: line.page,
        line: line.number,
        text: line.raw.clone(),
    }
}
