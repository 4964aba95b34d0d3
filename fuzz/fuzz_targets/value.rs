//! The cell value parser on arbitrary strings: never panics; numbers are finite.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shinchoku_table::{value::parse_cell, Value};

fuzz_target!(|s: &str| {
    let cell = parse_cell(s, None);
    if let Value::Number(n) = &cell.value {
        assert!(n.number.is_finite());
    }
    let _ = shinchoku_writer::to_canonical_json(&cell.value).expect("values serialize");
});
