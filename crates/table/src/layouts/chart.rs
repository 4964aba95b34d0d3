//! Charts printed under a KPI table: a title line naming a KPI in slightly different words
//! (`市内の特許保有件数の推移`), then the chart's data, a `年度 | 件数 (件)` header and
//! `R1 (2019) | 153` rows. The data repeats the table's values, so each row is checked
//! against the titled KPI's observation of the same year; a difference is a warning.

use crate::cell_text::{first_number, gregorian_year, Bigrams};
use crate::more_chars_than;
use crate::view::CellView;
use shinchoku_extract::WarningCode;

use super::doc::{provenance, Phase};
use super::{At, Claim, Doc, Layout};

/// A chart title is a short caption; a longer single-cell line is prose, not a title.
const MAX_CHART_TITLE_CHARS: usize = 200;

/// How many of a table's last KPIs a chart title is matched against: charts follow the
/// rows they illustrate, and a table running over hundreds of pages stays linear.
const MAX_CHART_CANDIDATES: usize = 64;

/// How alike a chart title and a KPI name must be (Dice coefficient of their bigrams).
const MIN_TITLE_SIMILARITY: f64 = 0.6;

/// A chart's header (`年度 | 割合 (%)`) and its rows (`R1 (2019) | 67`), under an open table.
pub(crate) struct ChartData;

impl Layout for ChartData {
    fn read<'a>(&self, doc: &mut Doc<'a>, at: &At<'a, '_>) -> Claim {
        let Some(table) = doc.table.as_mut() else {
            return Claim::Declined;
        };
        let filled = at.filled;
        if filled.len() < 2 {
            return Claim::Declined;
        }
        if matches!(filled[0].squeezed(), "年度" | "年" | "年次" | "区分") {
            table.chart = Some(table.titled);
            table.phase = Phase::Trailer;
            return Claim::Lines(1);
        }
        let Some(kpi) = table.chart else {
            return Claim::Declined;
        };
        let Some(year) = year_of(filled[0]) else {
            return Claim::Declined;
        };
        let Some(chart_value) = first_number(filled[1].text()) else {
            return Claim::Declined;
        };
        table.phase = Phase::Trailer;
        if let Some(kpi) = kpi {
            check_row(doc, kpi, year, chart_value, filled[1], at);
        }
        Claim::Lines(1)
    }
}

/// A chart row against the KPI's observations of the same year.
fn check_row(doc: &mut Doc, kpi: usize, year: i32, value: f64, shown: &CellView, at: &At) {
    let kpi = &doc.out.kpis[kpi];
    let mismatch = kpi
        .observations
        .iter()
        .zip(&kpi.years)
        .filter(|(_, y)| **y == Some(year))
        .map(|(o, _)| o)
        .filter_map(|o| first_number(&o.raw).map(|v| (o, v)))
        .find(|(_, v)| (v - value).abs() > 1e-9 * v.abs().max(1.0));
    if let Some((obs, _)) = mismatch {
        let message = format!(
            "the chart for \"{}\" gives {} for {}, but the table's {} value for that year is \"{}\"",
            kpi.name,
            shown.norm().as_str(),
            year,
            obs.role.as_str(),
            obs.raw
        );
        doc.warn_at(
            WarningCode::ChartTableMismatch,
            message,
            provenance(at.line()),
        );
    }
}

/// The lines after a table's rows: any of them ends the chart being read, and a short
/// single-cell one may be a chart title naming one of the table's KPIs. Within the rows,
/// only the single-cell lines the rows leave over are read.
pub(crate) struct ChartTitle;

impl Layout for ChartTitle {
    fn read<'a>(&self, doc: &mut Doc<'a>, at: &At<'a, '_>) -> Claim {
        let Some(table) = doc.table.as_mut() else {
            return Claim::Declined;
        };
        let single = at.single();
        if table.phase == Phase::Rows && single.is_none() {
            return Claim::Declined;
        }
        table.chart = None;
        if let Some(cell) = single.filter(|c| !more_chars_than(c.text(), MAX_CHART_TITLE_CHARS)) {
            let title = Bigrams::of(cell.norm());
            let recent = table.kpis.len().saturating_sub(MAX_CHART_CANDIDATES);
            let best = table.kpis[recent..]
                .iter()
                .map(|&k| {
                    let kpi = &doc.out.kpis[k];
                    let name = kpi.name_bigrams.get_or_init(|| Bigrams::of(&kpi.name));
                    (k, title.similarity(name))
                })
                .filter(|&(_, score)| score >= MIN_TITLE_SIMILARITY)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            table.titled = best.map(|(k, _)| k);
        }
        Claim::Lines(1)
    }
}

/// The year of a chart row's first cell (`R1 (2019)`, `2019`).
fn year_of(cell: &CellView) -> Option<i32> {
    match shinchoku_extract::era::parse_period(cell.norm()) {
        Ok(p) => Some(p.period.year),
        Err(_) => gregorian_year(cell.text()),
    }
}
