//! Every text layout (detected and forced) on arbitrary bytes: never panics; every produced
//! line points into the input, in order, and a row's `raw` holds only input lines.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shinchoku_extract::layout::BuiltinVocabulary;
use shinchoku_extract::{read_text_with, TextLayout};

fuzz_target!(|data: &[u8]| {
    let source_lines = data.split(|&b| b == b'\n').count() as u32;
    for layout in [
        TextLayout::Auto,
        TextLayout::Spaces,
        TextLayout::Pipes,
        TextLayout::Lines,
    ] {
        let Ok(doc) = read_text_with(data, layout, &BuiltinVocabulary) else {
            return;
        };
        let mut last = 0;
        for line in &doc.lines {
            assert!(line.number >= 1 && line.number <= source_lines.max(1));
            assert!(line.number >= last, "lines in input order");
            last = line.number;
        }
    }
});
