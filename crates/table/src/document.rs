//! Document-level facts: the title, the municipality, the period the report covers and
//! the printed status legend.

use std::cell::OnceCell;

use shinchoku_extract::era::{find_periods, parse_period, Basis, Period};
use shinchoku_extract::Line;

use crate::cell_text::NormalizedText;
use crate::header::Column;
use crate::model::DocumentInfo;
use crate::more_chars_than;
use crate::municipality::find_in_title;
use crate::status::Legend;
use crate::view::{legend_entries, line_text, LineView};

/// How many lines a bold title block (`**…**`) may span.
const MAX_TITLE_LINES: usize = 6;

/// A title is a heading: a first line longer than this is content, not a title (and
/// matching municipality names in it would cost time for nothing).
const MAX_TITLE_CHARS: usize = 300;

/// Title, municipality and `as_of`. `current_column` is the first KPI table's current
/// value column, whose header period is the fallback `as_of`.
pub(crate) fn info(lines: &[LineView], current_column: Option<&Column>) -> DocumentInfo {
    let title = title(lines);
    let municipality = title.as_deref().and_then(find_in_title);
    let as_of = reported_period(lines)
        .or_else(|| title.as_deref().and_then(fiscal_year_in))
        .or_else(|| current_column.and_then(|c| c.period.clone()));
    DocumentInfo {
        title,
        municipality,
        as_of,
        kind: None,
    }
}

/// The first non-empty line, or the bold block (`**…**`) it opens, joined with spaces.
fn title(lines: &[LineView]) -> Option<String> {
    let start = lines.iter().position(|l| !l.is_blank())?;
    let first: &Line = lines[start].line;
    if more_chars_than(&first.raw, MAX_TITLE_CHARS) {
        return None;
    }
    // The markup is gone from the cells; the raw line still shows the bold block.
    let text = if first.raw.trim_start().starts_with("**") {
        let mut parts = Vec::new();
        for (k, view) in lines[start..].iter().take(MAX_TITLE_LINES).enumerate() {
            let line = view.line;
            parts.push(line_text(line));
            let raw = line.raw.trim();
            let body = if k == 0 { &raw[2..] } else { raw };
            if body.ends_with("**") {
                break;
            }
        }
        parts.join(" ").replace("**", "")
    } else {
        line_text(first)
    };
    if more_chars_than(&text, MAX_TITLE_CHARS) {
        return None;
    }
    let title = NormalizedText::one_run(&text).into_string();
    (!title.is_empty()).then_some(title)
}

/// The period a report says it covers: `（令和 2（2020）年度実績分）`, printed before the
/// first table.
fn reported_period(lines: &[LineView]) -> Option<Period> {
    for view in lines {
        let line = view.line;
        if more_chars_than(&line.raw, MAX_TITLE_CHARS) {
            // Not the short `（…年度実績分）` line; perhaps a table row: stop at a header.
            if view.header == Some(true) {
                break;
            }
            continue;
        }
        let text = line_text(line);
        let text = NormalizedText::one_run(&text);
        let text = text.squeezed();
        let Some(end) = text.find("実績分") else {
            if view.header == Some(true) {
                break;
            }
            continue;
        };
        let expr = text[..end].trim_start_matches(['(', '（', '[', '【']);
        let period = match parse_period(expr) {
            Ok(p) => Some(p.period),
            Err(_) => find_periods(expr)
                .into_iter()
                .find_map(|f| f.result.ok().map(|p| p.period)),
        };
        if period.is_some() {
            return period;
        }
    }
    None
}

/// A fiscal year named in the title (`令和4年度 長岡市…一覧` → R4年度).
fn fiscal_year_in(title: &str) -> Option<Period> {
    find_periods(title)
        .into_iter()
        .filter_map(|f| f.result.ok())
        .map(|p| p.period)
        .find(|p| p.basis == Basis::FiscalYear)
}

/// The document's status legend, from legend lines anywhere (`順 調：事業が予定通り…`,
/// `A：目標達成　B：概ね順調`), read the first time a status cell asks for it: a report
/// without a status column never reads its lines as legends (which cost 4 % of reading
/// the 上越 report, whose data rows hold `小学校・国語：50.0`).
pub(crate) struct LazyLegend<'a> {
    lines: &'a [LineView<'a>],
    legend: OnceCell<Legend>,
}

impl<'a> LazyLegend<'a> {
    pub(crate) fn new(lines: &'a [LineView<'a>]) -> LazyLegend<'a> {
        LazyLegend {
            lines,
            legend: OnceCell::new(),
        }
    }

    pub(crate) fn get(&self) -> &Legend {
        self.legend.get_or_init(|| legend(self.lines))
    }
}

/// The legend entries of every line, in order.
fn legend(lines: &[LineView]) -> Legend {
    let mut legend = Legend::default();
    for line in lines {
        legend.add_entries(legend_entries(line.line));
    }
    legend
}
