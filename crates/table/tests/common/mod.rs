//! What the small-report tests share: reading a text into a report, and an observation
//! list short enough to compare by hand. (Each test file uses what it needs.)
#![allow(dead_code)]

use shinchoku_extract::read_text;
use shinchoku_table::{reconstruct, Report, Role, Value};

/// The report of `text`, read as a text extraction.
pub(crate) fn run(text: &str) -> Report {
    reconstruct(&read_text(text.as_bytes()).expect("test text reads").lines)
}

/// (role, number, year) of each observation of the `k`th KPI.
pub(crate) fn observations(report: &Report, k: usize) -> Vec<(Role, Option<f64>, Option<i32>)> {
    report.kpis[k]
        .observations
        .iter()
        .map(|o| {
            let number = match &o.value {
                Value::Number(n) => Some(n.number),
                _ => None,
            };
            (o.role, number, o.period.as_ref().map(|p| p.year))
        })
        .collect()
}
