//! Writes `schema/v1.json`, the JSON Schema of the output contract, from the model's types:
//! `cargo run -p shinchoku-model --example schema`. `tests/schema.rs` fails while the
//! committed file differs from what this writes.

fn main() -> std::io::Result<()> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/v1.json");
    std::fs::write(path, schema_text())?;
    eprintln!("wrote {path}");
    Ok(())
}

include!("../tests/support/schema_text.rs");
