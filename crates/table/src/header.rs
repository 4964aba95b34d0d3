//! KPI table headers: which printed column names mean which role, over one or several
//! physical lines, with the period a column header carries.
//!
//! A header line is a line whose every filled cell is a header term (`項目`, `当初 (H30)
//! (2018)`, `進捗 状況`, `政策分野` …) and at least one names a column role. Lines right
//! after it that hold only header terms, periods or fragments (`状況`, `(R5年度末)`) continue
//! it; their cells are merged into the column above them (same cell index for text, the
//! overlapping x-range for PDF).

use shinchoku_extract::era::{find_periods, parse_period, Period};
use shinchoku_extract::WarningCode;

use crate::cell_text::{gregorian_year, NormalizedText};
use crate::model::Role;
use crate::more_chars_than;
use crate::value::unit_in_name;
use crate::view::{CellView, LineView};

mod terms;

use terms::{Group, Terms};

/// What a header cell says its column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ColumnKind {
    /// The KPI name (`項目`, `重要業績評価指標`).
    Name,
    /// A value column; `actual` marks a yearly actual (`R3年度実績`, `実績値`).
    Value {
        role: Role,
        actual: bool,
    },
    Status,
    Projects,
    Department,
    /// The row's unit (`単位`): its value cells take it unless they print their own.
    Unit,
    /// The year of the row's baseline (`基準年度`, `基準年`): the baseline cell's period
    /// unless the cell prints one.
    BaseYear,
    /// When the row's target is due (`目標年月`, `目標年度`): the target cell's period
    /// unless the cell prints one.
    TargetYear,
    /// The row's achievement rate (`達成率`, `進捗率`): the KPI's `achievement_rate`.
    AchievementRate,
    /// A column that explains a row (`目標設定の考え方`, `出典`), or one whose header names
    /// nothing this stage knows: its cells are kept as the KPI's notes, `header: cell`.
    Note,
    /// A column that groups or labels rows (`政策分野`, `基本的方向性`): not read.
    Label,
    /// A piece of a header split over lines (`状況`, `(R5年度末)`).
    Fragment,
}

impl ColumnKind {
    fn names_a_role(self) -> bool {
        matches!(
            self,
            ColumnKind::Name | ColumnKind::Value { .. } | ColumnKind::Status | ColumnKind::Projects
        )
    }
}

/// Longer cells are not header terms.
const MAX_HEADER_CHARS: usize = 40;

/// Classify one header cell from its squeezed text (white space removed).
pub(crate) fn classify(squeezed: &str) -> Option<ColumnKind> {
    let s = squeezed;
    if s.is_empty() || more_chars_than(s, MAX_HEADER_CHARS) {
        return None;
    }
    // Before the words: `基準年度` holds the baseline word `基準`.
    match s.trim_matches(['(', ')', '【', '】', '[', ']']) {
        "単位" => return Some(ColumnKind::Unit),
        "達成率" | "達成率(%)" | "進捗率" | "進捗率(%)" => {
            return Some(ColumnKind::AchievementRate)
        }
        "基準年度" | "基準年" | "基準年次" | "基準値の年度" | "基準値年度" => {
            return Some(ColumnKind::BaseYear)
        }
        "目標年月" | "目標年度" | "目標年" | "目標年次" | "目標時期" => {
            return Some(ColumnKind::TargetYear)
        }
        _ => {}
    }
    let terms = Terms::of(s);
    // A bracketed `数値目標` label holds the term `目標`: other cells are not trimmed.
    if terms.has(Group::Target) && is_headline_label(s) {
        return None;
    }
    // `目標指標`, `成果指標`: a word ending in 指標 names the indicator, though it holds a
    // value word.
    if terms.has(Group::Name) || s.starts_with("項目") || s.ends_with("指標") {
        return Some(ColumnKind::Name);
    }
    if terms.has(Group::Status) {
        return Some(ColumnKind::Status);
    }
    if terms.has(Group::Projects) {
        return Some(ColumnKind::Projects);
    }
    if terms.has(Group::Department) {
        return Some(ColumnKind::Department);
    }
    // Before the value words: `目標設定の考え方` explains the target, it holds none.
    if terms.has(Group::Note) {
        return Some(ColumnKind::Note);
    }
    let value = |role, actual| Some(ColumnKind::Value { role, actual });
    if terms.has(Group::Previous) {
        return value(Role::Previous, false);
    }
    if terms.has(Group::Baseline) {
        return value(Role::Baseline, false);
    }
    if terms.has(Group::Target) {
        return value(Role::Target, false);
    }
    if terms.has(Group::Actual) {
        return value(Role::Current, true);
    }
    if terms.has(Group::Current) {
        return value(Role::Current, false);
    }
    let short = !more_chars_than(s, 10);
    if (short && terms.has(Group::Label)) || matches!(s, "No" | "No." | "NO" | "番") {
        return Some(ColumnKind::Label);
    }
    if is_period_only(s) || matches!(s, "状況" | "値" | "時点" | "(時点)" | "KPI" | "(KPI)")
    {
        return Some(ColumnKind::Fragment);
    }
    None
}

/// `数値目標` in brackets or none (`【数値目標】`), from the squeezed text.
fn is_headline_label(squeezed: &str) -> bool {
    squeezed.trim_matches(['【', '】', '[', ']', '<', '>', '(', ')', '■', '◆', '●']) == "数値目標"
}

/// True for a cell that is only a date expression (`(R5年度末)`, `H30`, `(2018)`): date
/// characters only, a number among them, and an era letter, a year or a bracket.
fn is_period_only(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit() || c == '元')
        && s.contains(['H', 'R', 'S', 'T', 'M', '元', '年', '('])
        && s.chars()
            .all(|c| c.is_ascii_digit() || "()HRSTMh元年度末月.~-令和平成昭".contains(c))
}

/// The classification of a line as a header line: `Some(strong)` when every filled cell is
/// a header term; `strong` tells whether one of them names a column role. Takes the line's
/// filled cells (see [`crate::view::LineView::header`], where it is computed once a line).
///
/// A line with a name column and a value column is a header even when some of its cells
/// name nothing this stage knows (`進捗区分 | 前年度 | 担当 | 年次`): those become note
/// columns ([`ColumnKind::Note`]), as long as they are short words, fewer than the known
/// cells, and hold no number (a row of values is not a header).
pub(crate) fn classify_line<'c, 'a: 'c>(
    filled: impl Iterator<Item = &'c CellView<'a>>,
) -> Option<bool> {
    let mut strong = false;
    let mut any = false;
    let (mut name, mut value) = (false, false);
    let (mut known, mut unknown) = (0usize, 0usize);
    for cell in filled {
        if cell.heading().is_some() {
            return None;
        }
        any = true;
        match classify(cell.squeezed()) {
            Some(kind) => {
                strong |= kind.names_a_role();
                name |= kind == ColumnKind::Name;
                value |= matches!(kind, ColumnKind::Value { .. });
                known += 1;
            }
            None if may_be_unknown_header(cell.squeezed()) => unknown += 1,
            None => return None,
        }
    }
    if unknown > 0 && !(name && value && unknown < known) {
        return None;
    }
    any.then_some(strong)
}

/// Longest header cell naming an unknown column (`目標設定の考え方` is known; `年次計画` is not).
const MAX_UNKNOWN_HEADER_CHARS: usize = 10;

/// A cell that may be the header of a column this stage does not know: a short word with
/// no digit (a value, a year or an ordinal is not a header).
fn may_be_unknown_header(squeezed: &str) -> bool {
    !squeezed.is_empty()
        && !more_chars_than(squeezed, MAX_UNKNOWN_HEADER_CHARS)
        && !squeezed
            .chars()
            .any(|c| c.is_numeric() || "%％.,…。".contains(c))
}

/// One column of a table, as its header defines it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Column {
    pub kind: ColumnKind,
    /// The header text, normalized (all physical lines joined).
    pub text: String,
    pub period: Option<Period>,
    /// A Gregorian year printed in the header (`(2018)`), when no era date was read.
    pub year: Option<i32>,
    /// The unit the header prints (`(人)`), for value columns (`None` for the others).
    pub unit: Option<String>,
}

impl Column {
    /// The column's year: from its period, else a printed Gregorian year.
    pub(crate) fn year(&self) -> Option<i32> {
        self.period.as_ref().map(|p| p.year).or(self.year)
    }
}

/// A KPI table's columns, in header order, and what the header says about the table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Schema {
    pub columns: Vec<Column>,
    /// The name header says 最重要 (a 重点プロジェクト's table).
    pub priority: bool,
    /// Era doubts met while reading the header periods.
    pub era_warnings: Vec<(WarningCode, String)>,
}

impl Schema {
    /// The columns a data row's cells fill after the name, in order (values, status,
    /// department); the projects column is found by content instead.
    pub(crate) fn slots(&self) -> impl Iterator<Item = &Column> {
        self.columns.iter().filter(|c| {
            matches!(
                c.kind,
                ColumnKind::Value { .. }
                    | ColumnKind::Status
                    | ColumnKind::Department
                    | ColumnKind::Unit
                    | ColumnKind::BaseYear
                    | ColumnKind::TargetYear
                    | ColumnKind::AchievementRate
                    | ColumnKind::Note
            )
        })
    }

    pub(crate) fn value_count(&self) -> usize {
        self.columns
            .iter()
            .filter(|c| matches!(c.kind, ColumnKind::Value { .. }))
            .count()
    }

    /// Same table layout as `other` (a header repeated on a new page).
    pub(crate) fn same_layout(&self, other: &Schema) -> bool {
        self.columns.len() == other.columns.len()
            && self
                .columns
                .iter()
                .zip(&other.columns)
                .all(|(a, b)| a.kind == b.kind && a.period == b.period && a.year == b.year)
    }
}

/// A column's header cells over the block's lines.
struct MergedCell<'c> {
    index: usize,
    x: Option<(f32, f32)>,
    texts: Vec<&'c str>,
}

/// One filled cell of a header block: all [`build_schema`] reads of it. Two blocks with
/// equal cells have equal schemas (a header repeated on every page is read once).
#[derive(Debug, Clone, Copy)]
pub(crate) struct HeaderCell<'a> {
    /// The line's place in the block.
    pub line: usize,
    /// The cell's place in its line.
    pub index: usize,
    /// The cell's extent on the page (PDF input).
    pub x: Option<(f32, f32)>,
    /// The normalized text.
    pub text: &'a NormalizedText<'a>,
}

impl<'a> HeaderCell<'a> {
    /// The filled cells of a block's lines, line by line, in cell order.
    pub(crate) fn of_block(lines: &'a [LineView<'a>]) -> Vec<HeaderCell<'a>> {
        lines
            .iter()
            .enumerate()
            .flat_map(|(line, view)| {
                view.cells
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| !c.is_blank())
                    .map(move |(index, c)| HeaderCell {
                        line,
                        index,
                        x: c.cell.x0.zip(c.cell.x1),
                        text: c.norm(),
                    })
            })
            .collect()
    }

    /// The extent as bits, so cells compare and hash exactly.
    fn x_bits(&self) -> Option<(u32, u32)> {
        self.x.map(|(a, b)| (a.to_bits(), b.to_bits()))
    }
}

impl PartialEq for HeaderCell<'_> {
    fn eq(&self, other: &Self) -> bool {
        (self.line, self.index, self.x_bits(), self.text.as_str())
            == (other.line, other.index, other.x_bits(), other.text.as_str())
    }
}

impl Eq for HeaderCell<'_> {}

impl std::hash::Hash for HeaderCell<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.line, self.index, self.x_bits(), self.text.as_str()).hash(state);
    }
}

/// Build a table's schema from the filled cells of its header lines
/// ([`HeaderCell::of_block`]). `None` when the lines do not describe a KPI table (no value
/// column beside a name column, or fewer than two value columns without one).
pub(crate) fn build_schema(cells: &[HeaderCell]) -> Option<Schema> {
    let mut merged: Vec<MergedCell> = Vec::new();
    for line in cells.chunk_by(|a, b| a.line == b.line) {
        let extents: Vec<(f32, f32)> = line.iter().filter_map(|c| c.x).collect();
        for cell in line {
            let (index, x) = (cell.index, cell.x);
            let target = merged.iter_mut().find(|m| match (m.x, x) {
                (Some(a), Some(b)) => same_column(a, b, &extents),
                _ => m.index == index,
            });
            match target {
                Some(m) => m.texts.push(cell.text),
                None => merged.push(MergedCell {
                    index,
                    x,
                    texts: vec![cell.text],
                }),
            }
        }
    }
    merged.sort_by(|a, b| match (a.x, b.x) {
        (Some(ax), Some(bx)) => ax.0.total_cmp(&bx.0),
        _ => a.index.cmp(&b.index),
    });
    let mut era_warnings = Vec::new();
    let mut priority = false;
    let mut columns = Vec::new();
    for m in merged {
        let text = NormalizedText::joined(m.texts);
        let squeezed = text.squeezed();
        // A header cell nothing here knows (the line was accepted as a header around it,
        // see [`classify_line`]): a note column, so that the row's cells keep their places.
        let kind = match classify(&squeezed) {
            Some(kind) => kind,
            None if may_be_unknown_header(&squeezed) => ColumnKind::Note,
            None => continue,
        };
        if kind == ColumnKind::Name && squeezed.contains("最重要") {
            priority = true;
        }
        let (period, warnings) = header_period(&text);
        era_warnings.extend(warnings);
        columns.push(Column {
            kind,
            year: gregorian_year(&text),
            // Only value cells are read with their column's unit.
            unit: matches!(kind, ColumnKind::Value { .. })
                .then(|| unit_in_name(&text))
                .flatten(),
            period,
            text: text.into_string(),
        });
    }
    resolve_actual_columns(&mut columns);
    // The national KPI form (`指標値 | 単位 | 目標年月 | 実績値`): beside a column saying
    // when the target is due, the `指標値` is that target.
    if columns.iter().any(|c| c.kind == ColumnKind::TargetYear) {
        for c in columns.iter_mut().filter(|c| c.text == "指標値") {
            c.kind = ColumnKind::Value {
                role: Role::Target,
                actual: false,
            };
        }
    }
    // Unit, base-year and achievement-rate columns describe the rows of a KPI list, which
    // names its KPIs: without a name column, `単位 | 目標年月 | 実績値` is the labels of a
    // form, not a table's header.
    let describes_rows = columns.iter().any(|c| {
        matches!(
            c.kind,
            ColumnKind::Unit
                | ColumnKind::BaseYear
                | ColumnKind::TargetYear
                | ColumnKind::AchievementRate
        )
    });
    let names_kpis = columns.iter().any(|c| c.kind == ColumnKind::Name);
    let schema = Schema {
        columns,
        priority,
        era_warnings,
    };
    // A list that names its KPIs needs one value column after its name column
    // (`指標名 | 基準値 | 目標値の考え方` holds one); a row reads name first, so a "value"
    // before the name is a label holding a value word (`基本目標（数値指標） | 具体的な施策 |
    // 重要業績評価指標`, an overview of goals and measures). Without a name column, two
    // value columns make a table.
    let enough_values = if names_kpis {
        schema
            .columns
            .iter()
            .skip_while(|c| c.kind != ColumnKind::Name)
            .any(|c| matches!(c.kind, ColumnKind::Value { .. }))
    } else {
        schema.value_count() >= 2 && !describes_rows
    };
    enough_values.then_some(schema)
}

/// Whether a header cell at `b` continues the column of the cell above at `a`: the same
/// left edge, or an overlap with no other cell of its line overlapping `a` too (a group
/// header such as `重要業績評価指標（KPI）` spans several columns and owns none of them but
/// the one it starts with).
fn same_column(a: (f32, f32), b: (f32, f32), line_extents: &[(f32, f32)]) -> bool {
    let overlaps = |p: (f32, f32), q: (f32, f32)| p.0.max(q.0) < p.1.min(q.1);
    if (a.0 - b.0).abs() <= 3.0 {
        return true;
    }
    overlaps(a, b) && line_extents.iter().filter(|&&e| overlaps(a, e)).count() == 1
}

/// Several yearly actual columns (`R2年度実績 R3年度実績 R4年度実績`) are observations of
/// their own: the latest is `current`, the earlier ones `previous`.
///
/// A `現状値` column beside actual columns and no baseline column (`現状値 (H26) | 実績値
/// (H27) | 目標値`) is the value the plan started from: the baseline.
fn resolve_actual_columns(columns: &mut [Column]) {
    let is = |c: &Column, role: Role, actual: bool| matches!(c.kind, ColumnKind::Value { role: r, actual: a } if r == role && a == actual);
    let has_baseline = columns.iter().any(|c| {
        matches!(
            c.kind,
            ColumnKind::Value {
                role: Role::Baseline,
                ..
            }
        )
    });
    let plain_currents = columns
        .iter()
        .filter(|c| is(c, Role::Current, false))
        .count();
    if !has_baseline && plain_currents == 1 && columns.iter().any(|c| is(c, Role::Current, true)) {
        if let Some(c) = columns.iter_mut().find(|c| is(c, Role::Current, false)) {
            c.kind = ColumnKind::Value {
                role: Role::Baseline,
                actual: false,
            };
        }
    }
    let currents: Vec<usize> = (0..columns.len())
        .filter(|&i| {
            matches!(
                columns[i].kind,
                ColumnKind::Value {
                    role: Role::Current,
                    ..
                }
            )
        })
        .collect();
    if currents.len() < 2 {
        return;
    }
    // The latest by year; without years, the last printed.
    let latest = currents
        .iter()
        .copied()
        .max_by_key(|&i| (columns[i].year().unwrap_or(i32::MIN), i))
        .unwrap_or(currents[currents.len() - 1]);
    for i in currents {
        if i != latest {
            if let ColumnKind::Value { actual, .. } = columns[i].kind {
                columns[i].kind = ColumnKind::Value {
                    role: Role::Previous,
                    actual,
                };
            }
        }
    }
}

/// The period a header carries (`当初 (H30) (2018)` → H30), with era doubts as
/// `(code, message)`.
fn header_period(text: &str) -> (Option<Period>, Vec<(WarningCode, String)>) {
    let parsed = match parse_period(text) {
        Ok(p) => Some(p),
        Err(_) => find_periods(text).into_iter().find_map(|f| f.result.ok()),
    };
    match parsed {
        Some(p) => {
            let warnings = p
                .warnings
                .into_iter()
                .map(|w| (w.code, w.message))
                .collect();
            (Some(p.period), warnings)
        }
        None => (None, Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> Option<ColumnKind> {
        classify(s)
    }

    #[test]
    fn period_only_cells() {
        for (s, expected) in [
            ("(R5年度末)", true),
            ("H30", true),
            ("(2018)", true),
            ("元年", true),
            ("2018", false),
            ("R", false),
            ("R5実績", false),
            ("", false),
        ] {
            assert_eq!(is_period_only(s), expected, "{s}");
        }
    }

    /// Cells of more than 40 characters are not header terms, however they start.
    #[test]
    fn header_length_limit() {
        for pad in ["a", "課", "𠮷"] {
            assert_eq!(
                kind(&format!("進捗状況{}", pad.repeat(36))),
                Some(ColumnKind::Status),
                "{pad}"
            );
            assert_eq!(kind(&format!("進捗状況{}", pad.repeat(37))), None, "{pad}");
            assert_eq!(kind(&format!("{}進捗状況", pad.repeat(37))), None, "{pad}");
        }
        assert_eq!(kind(""), None);
    }

    /// Every word alone is read by the rule of its group (but `基本目標`, which holds the
    /// target word `目標`: see the next test).
    #[test]
    fn every_term_is_read_by_its_rule() {
        let value = |role, actual| Some(ColumnKind::Value { role, actual });
        for (word, group) in terms::TERMS.into_iter().filter(|(w, _)| *w != "基本目標") {
            let expected = match group {
                Group::Name => Some(ColumnKind::Name),
                Group::Status => Some(ColumnKind::Status),
                Group::Projects => Some(ColumnKind::Projects),
                Group::Department => Some(ColumnKind::Department),
                Group::Previous => value(Role::Previous, false),
                Group::Baseline => value(Role::Baseline, false),
                Group::Target => value(Role::Target, false),
                Group::Actual => value(Role::Current, true),
                Group::Current => value(Role::Current, false),
                Group::Label => Some(ColumnKind::Label),
                Group::Note => Some(ColumnKind::Note),
            };
            assert_eq!(kind(word), expected, "{word}");
        }
    }

    /// Words inside other words, and several words in one cell: the rules' order decides.
    #[test]
    fn overlapping_and_several_terms() {
        // `評価指標` and `評価` (status) inside `業績評価指標` (name): a name.
        assert_eq!(kind("重要業績評価指標"), Some(ColumnKind::Name));
        // `目標` inside `基本目標` (label): the target rule comes first.
        assert_eq!(
            kind("基本目標"),
            Some(ColumnKind::Value {
                role: Role::Target,
                actual: false
            })
        );
        assert_eq!(kind("達成度評価"), Some(ColumnKind::Status));
        assert_eq!(kind("担当課(実績)"), Some(ColumnKind::Department));
        assert_eq!(
            kind("基準値(目標)"),
            Some(ColumnKind::Value {
                role: Role::Baseline,
                actual: false
            })
        );
        assert_eq!(
            kind("R3年度実績"),
            Some(ColumnKind::Value {
                role: Role::Current,
                actual: true
            })
        );
        assert_eq!(kind("基本的方向性"), Some(ColumnKind::Label));
        // Label words count only in short cells.
        assert_eq!(kind("分野ごとに定める一覧の区分"), None);
        assert_eq!(kind("No."), Some(ColumnKind::Label));
    }

    #[test]
    fn header_terms() {
        assert_eq!(kind("項目"), Some(ColumnKind::Name));
        assert_eq!(kind("最重要業績評価指標(KPI)"), Some(ColumnKind::Name));
        assert_eq!(kind("進捗状況"), Some(ColumnKind::Status));
        assert_eq!(kind("主な具体的事業"), Some(ColumnKind::Projects));
        assert_eq!(
            kind("平成28(現状値)"),
            Some(ColumnKind::Value {
                role: Role::Current,
                actual: false
            })
        );
        assert_eq!(
            kind("前年度(R1)(2019)"),
            Some(ColumnKind::Value {
                role: Role::Previous,
                actual: false
            })
        );
        assert_eq!(kind("(R5年度末)"), Some(ColumnKind::Fragment));
        assert_eq!(kind("153件"), None);
        assert_eq!(kind("数値目標"), None);
        assert_eq!(kind("【数値目標】"), None);
        assert_eq!(kind("(数値目標)"), None);
        assert_eq!(
            kind("数値目標値"),
            Some(ColumnKind::Value {
                role: Role::Target,
                actual: false
            })
        );
    }
}
