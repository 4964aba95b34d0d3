//! Text input through the whole table reconstruction: never panics; provenance lines exist.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = shinchoku_extract::read_text(data) else {
        return;
    };
    let report = shinchoku_table::reconstruct(&doc.lines);
    for kpi in &report.kpis {
        assert!(doc.lines.iter().any(|l| l.number == kpi.provenance.line));
    }
});
