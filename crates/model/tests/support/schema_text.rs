/// The text of `schema/v1.json`: the schema indented by two spaces, with a final newline.
fn schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&shinchoku_model::json_schema())
        .expect("a schema is JSON");
    text.push('\n');
    text
}
