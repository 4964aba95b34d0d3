//! The era parser on arbitrary strings: never panics; found ranges are valid.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shinchoku_extract::era;

fuzz_target!(|s: &str| {
    let _ = era::parse_period(s);
    let mut last = 0;
    for found in era::find_periods(s) {
        assert!(found.range.start >= last && found.range.end <= s.len());
        assert!(s.is_char_boundary(found.range.start) && s.is_char_boundary(found.range.end));
        last = found.range.end;
    }
});
