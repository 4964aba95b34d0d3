//! `schema/v1.json` is generated from the model's types: this fails while the committed
//! file differs from what `cargo run -p shinchoku-model --example schema` writes.
//! (shinchoku-writer's tests/schema.rs validates documents against it.)

include!("support/schema_text.rs");

#[test]
fn the_committed_schema_is_the_generated_one() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/v1.json");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == schema_text(),
        "schema/v1.json is stale: run `cargo run -p shinchoku-model --example schema`"
    );
}
