//! The normalizer on arbitrary strings: never panics and is idempotent.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shinchoku_extract::normalize;

fuzz_target!(|s: &str| {
    let once = normalize(s);
    assert_eq!(normalize(&once), once);
});
