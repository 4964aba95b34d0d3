//! Compiles the municipality code table (`data/municipalities.tsv`) into static arrays, so
//! that no process pays for parsing and indexing it at run time: the table is read in
//! every `extract`, where building it took as long as reading a whole 20 KB report.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let source = Path::new("data/municipalities.tsv");
    println!("cargo::rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(source).expect("data/municipalities.tsv reads");
    let mut rows: Vec<[&str; 4]> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        assert!(
            fields.len() >= 3,
            "data/municipalities.tsv:{}: expected code, prefecture, name[, kana]",
            number + 1
        );
        rows.push([
            fields[0],
            fields[1],
            fields[2],
            fields.get(3).copied().unwrap_or(""),
        ]);
    }
    // `municipality::by_code` binary-searches the rows by code.
    if let Some(pair) = rows.windows(2).find(|p| p[0][0] >= p[1][0]) {
        panic!(
            "data/municipalities.tsv: codes must be strictly increasing: {} then {}",
            pair[0][0], pair[1][0]
        );
    }
    // Indices sorted by name; stable, so rows sharing a name stay in file (code) order.
    let mut by_name: Vec<usize> = (0..rows.len()).collect();
    by_name.sort_by_key(|&i| rows[i][2]);
    let max_chars = rows.iter().map(|r| r[2].chars().count()).max().unwrap_or(0);

    let mut out = String::new();
    writeln!(
        out,
        "pub(crate) static ENTRIES: [Entry; {}] = [",
        rows.len()
    )
    .unwrap();
    for [code, prefecture, name, kana] in &rows {
        writeln!(
            out,
            "    Entry {{ code: {code:?}, prefecture: {prefecture:?}, name: {name:?}, kana: {kana:?} }},"
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
    writeln!(out, "pub(crate) static BY_NAME: [u16; {}] = [", rows.len()).unwrap();
    for chunk in by_name.chunks(16) {
        let line: Vec<String> = chunk.iter().map(std::string::ToString::to_string).collect();
        writeln!(out, "    {},", line.join(", ")).unwrap();
    }
    writeln!(out, "];").unwrap();
    writeln!(out, "pub(crate) const MAX_NAME_CHARS: usize = {max_chars};").unwrap();
    // The characters names end in (市, 町, 村, 区, 県 …): a title substring ending in any
    // other character is not looked up.
    let mut last_chars: Vec<char> = rows.iter().filter_map(|r| r[2].chars().last()).collect();
    last_chars.sort_unstable();
    last_chars.dedup();
    writeln!(
        out,
        "pub(crate) const NAME_LAST_CHARS: &[char] = &{last_chars:?};"
    )
    .unwrap();
    assert!(
        rows.len() <= usize::from(u16::MAX),
        "more rows than u16 indices"
    );

    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("municipalities.rs"), out)
        .expect("generated table writes");
}
