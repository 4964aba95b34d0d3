//! `schema/v1.json` against hand-written documents, contract-breaking mutations, the
//! repository's expected fixtures, and the independent `check-contract.py`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};
use shinchoku_writer::{to_canonical_json, SCHEMA_V1};

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(SCHEMA_V1).expect("schema/v1.json is JSON");
    jsonschema::draft202012::meta::validate(&schema)
        .expect("schema/v1.json is a valid draft 2020-12 schema");
    jsonschema::validator_for(&schema).expect("schema/v1.json compiles")
}

fn errors(validator: &jsonschema::Validator, document: &Value) -> Vec<String> {
    validator
        .iter_errors(document)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

#[test]
fn schema_declares_draft_2020_12() {
    let schema: Value = serde_json::from_str(SCHEMA_V1).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

#[test]
fn sample_documents_validate() {
    let validator = validator();
    for (name, document) in common::sample_documents() {
        assert_eq!(
            errors(&validator, &document),
            Vec::<String>::new(),
            "sample {name}"
        );
    }
}

#[test]
fn samples_cover_every_value_kind() {
    let text = String::from_utf8(to_canonical_json(&common::full_document()).unwrap()).unwrap();
    for kind in ["number", "missing", "text", "parts"] {
        assert!(
            text.contains(&format!("\"kind\":\"{kind}\"")),
            "no {kind} value in the sample"
        );
    }
}

type Mutation = fn(&mut Value);

/// A contract breach: what it does, the change, and whether `check-contract.py` (which
/// checks names, types and enumerations only) also catches it.
struct Breach {
    what: &'static str,
    mutate: Mutation,
    checker_catches: bool,
}

fn remove(value: &mut Value, key: &str) {
    value
        .as_object_mut()
        .unwrap()
        .remove(key)
        .expect("key present");
}

fn breaches() -> Vec<Breach> {
    fn kpi0(doc: &mut Value) -> &mut Value {
        &mut doc["kpis"][0]
    }
    fn number0(doc: &mut Value) -> &mut Value {
        &mut doc["kpis"][0]["observations"][0]["value"]
    }
    let b = |what, mutate: Mutation, checker_catches| Breach {
        what,
        mutate,
        checker_catches,
    };
    vec![
        // Missing keys (absent values must be null, not missing).
        b(
            "missing schema_version",
            |d| remove(d, "schema_version"),
            true,
        ),
        b("missing warnings", |d| remove(d, "warnings"), true),
        b(
            "missing source.pages",
            |d| remove(&mut d["source"], "pages"),
            true,
        ),
        b(
            "missing document.as_of",
            |d| remove(&mut d["document"], "as_of"),
            true,
        ),
        b(
            "missing municipality.code",
            |d| remove(&mut d["document"]["municipality"], "code"),
            true,
        ),
        b("missing kpi.status", |d| remove(kpi0(d), "status"), true),
        b(
            "missing kpi.name_raw",
            |d| remove(kpi0(d), "name_raw"),
            true,
        ),
        b(
            "missing observation.period",
            |d| remove(&mut kpi0(d)["observations"][0], "period"),
            true,
        ),
        b(
            "missing value.decimal",
            |d| remove(number0(d), "decimal"),
            true,
        ),
        b(
            "missing value.normalized",
            |d| remove(number0(d), "normalized"),
            true,
        ),
        b(
            "missing text.text",
            |d| remove(&mut d["kpis"][1]["observations"][2]["value"], "text"),
            true,
        ),
        b(
            "missing part.label",
            |d| {
                remove(
                    &mut d["kpis"][1]["observations"][1]["value"]["parts"][1],
                    "label",
                );
            },
            true,
        ),
        b(
            "missing period.until",
            |d| remove(&mut d["document"]["as_of"], "until"),
            true,
        ),
        b(
            "missing nested until.aggregate",
            |d| {
                remove(
                    &mut kpi0(d)["observations"][1]["period"]["until"],
                    "aggregate",
                );
            },
            true,
        ),
        b(
            "missing provenance.page",
            |d| remove(&mut kpi0(d)["provenance"], "page"),
            true,
        ),
        b(
            "missing section.projects",
            |d| remove(&mut d["sections"][0], "projects"),
            true,
        ),
        b(
            "missing initiative.next_steps",
            |d| remove(&mut d["initiatives"][0], "next_steps"),
            true,
        ),
        b(
            "missing warning.provenance",
            |d| remove(&mut d["warnings"][0], "provenance"),
            true,
        ),
        // Bad enumerations.
        b(
            "schema_version 2",
            |d| d["schema_version"] = json!("2"),
            true,
        ),
        b(
            "role latest",
            |d| kpi0(d)["observations"][0]["role"] = json!("latest"),
            true,
        ),
        b(
            "kpi kind measure",
            |d| kpi0(d)["kind"] = json!("measure"),
            true,
        ),
        b(
            "status code good",
            |d| kpi0(d)["status"]["code"] = json!("good"),
            true,
        ),
        b(
            "era edo",
            |d| d["document"]["as_of"]["era"] = json!("edo"),
            true,
        ),
        b(
            "basis fiscal",
            |d| d["document"]["as_of"]["basis"] = json!("fiscal"),
            true,
        ),
        b(
            "value kind range",
            |d| number0(d)["kind"] = json!("range"),
            true,
        ),
        b(
            // Not `>`: the shared checker accepts `>` and `<` already, for the comparators
            // the spec adds (超, 未満) and the model does not have yet.
            "comparator ≧",
            |d| number0(d)["comparator"] = json!("≧"),
            true,
        ),
        b(
            "format html",
            |d| d["source"]["format"] = json!("html"),
            false,
        ),
        b(
            "point start",
            |d| d["document"]["as_of"]["point"] = json!("start"),
            false,
        ),
        b(
            "aggregate sum",
            |d| kpi0(d)["observations"][1]["period"]["aggregate"] = json!("sum"),
            false,
        ),
        // Wrong types.
        b(
            "year as string",
            |d| d["document"]["as_of"]["year"] = json!("2023"),
            true,
        ),
        b(
            "era_year as float",
            |d| d["document"]["as_of"]["era_year"] = json!(5.5),
            true,
        ),
        b(
            "number as string",
            |d| number0(d)["number"] = json!("574963"),
            true,
        ),
        b(
            "decimal as number",
            |d| number0(d)["decimal"] = json!(574963),
            true,
        ),
        b(
            "approximate as string",
            |d| number0(d)["approximate"] = json!("false"),
            true,
        ),
        b(
            "provenance.line null",
            |d| kpi0(d)["provenance"]["line"] = Value::Null,
            true,
        ),
        b(
            "provenance.page as string",
            |d| kpi0(d)["provenance"]["page"] = json!("3"),
            true,
        ),
        b(
            "normalized without unit",
            |d| remove(&mut number0(d)["normalized"], "unit"),
            true,
        ),
        b(
            "departments as string",
            |d| kpi0(d)["departments"] = json!("産業政策課"),
            false,
        ),
        b("kpis as object", |d| d["kpis"] = json!({}), false),
        b(
            "section level as string",
            |d| d["sections"][0]["level"] = json!("1"),
            false,
        ),
        b(
            "status as string",
            |d| kpi0(d)["status"] = json!("順調"),
            true,
        ),
        b(
            "value null",
            |d| kpi0(d)["observations"][0]["value"] = Value::Null,
            true,
        ),
        b(
            "until as string",
            |d| d["document"]["as_of"]["until"] = json!("H30"),
            true,
        ),
        // Bad decimals, dates and codes.
        b(
            "decimal with separator",
            |d| number0(d)["decimal"] = json!("574,963"),
            true,
        ),
        b(
            "decimal with exponent",
            |d| number0(d)["decimal"] = json!("5.7e5"),
            true,
        ),
        b(
            "decimal with trailing point",
            |d| number0(d)["decimal"] = json!("4."),
            true,
        ),
        b(
            "decimal with leading point",
            |d| number0(d)["decimal"] = json!(".5"),
            true,
        ),
        // Python's `\d` matches any Unicode digit, so the checker lets this one through.
        b(
            "decimal full-width",
            |d| number0(d)["decimal"] = json!("４"),
            false,
        ),
        b(
            "start not ISO",
            |d| d["document"]["as_of"]["start"] = json!("2024/03/31"),
            true,
        ),
        b(
            "code 5 digits",
            |d| d["document"]["municipality"]["code"] = json!("15222"),
            true,
        ),
        b(
            "code full-width digits",
            |d| d["document"]["municipality"]["code"] = json!("１５２２２６"),
            false,
        ),
        b(
            "warning code CamelCase",
            |d| d["warnings"][0]["code"] = json!("EraOutOfRange"),
            true,
        ),
        b(
            "warning code with dash",
            |d| d["warnings"][0]["code"] = json!("era-out-of-range"),
            true,
        ),
        b(
            "month 13",
            |d| d["document"]["as_of"]["month"] = json!(13),
            false,
        ),
        b(
            "sha256 not hex",
            |d| d["source"]["sha256"] = json!("not-a-hash"),
            false,
        ),
    ]
}

#[test]
fn contract_breaches_are_rejected() {
    let validator = validator();
    let mut accepted = Vec::new();
    for breach in breaches() {
        let mut document = common::full_document();
        (breach.mutate)(&mut document);
        if validator.is_valid(&document) {
            accepted.push(breach.what);
        }
    }
    assert!(accepted.is_empty(), "the schema accepted: {accepted:?}");
}

#[test]
fn rejection_messages_point_at_the_field() {
    let validator = validator();
    let mut document = common::full_document();
    number0_decimal(&mut document, "574,963");
    let messages = errors(&validator, &document);
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("/kpis/0/observations/0/value")),
        "{messages:?}"
    );
}

fn number0_decimal(document: &mut Value, decimal: &str) {
    document["kpis"][0]["observations"][0]["value"]["decimal"] = json!(decimal);
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn every_expected_fixture_validates() {
    let validator = validator();
    let fixtures = repo_root().join("fixtures");
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(&fixtures) {
        Ok(entries) => entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| {
                path.file_name()
                    .and_then(|name| name.to_str())
                    .is_some_and(|name| name.ends_with(".expected.json"))
            })
            .collect(),
        Err(error) => {
            eprintln!("no fixtures directory at {}: {error}", fixtures.display());
            Vec::new()
        }
    };
    paths.sort();
    let mut failures = Vec::new();
    for path in &paths {
        let document: Value = match std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| serde_json::from_slice(&bytes).map_err(|e| e.to_string()))
        {
            Ok(document) => document,
            Err(error) => {
                failures.push(format!("{}: cannot read: {error}", path.display()));
                continue;
            }
        };
        for error in errors(&validator, &document).into_iter().take(10) {
            failures.push(format!("{}: {error}", path.display()));
        }
    }
    eprintln!(
        "checked {} fixtures/*.expected.json against schema/v1.json",
        paths.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `shared/tools/check-contract.py`, found by walking up from the crate.
fn contract_checker() -> Option<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|dir| dir.join("shared/tools/check-contract.py"))
        .find(|path| path.is_file())
}

fn python() -> Option<&'static str> {
    Command::new("python3")
        .arg("--version")
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|_| "python3")
}

/// Write `documents` to a scratch directory and run the checker once over all of them,
/// returning whether each conformed (it prints `FILE: conforms` for each that does).
fn run_checker(
    checker: &Path,
    python: &str,
    label: &str,
    documents: &[(String, Value)],
) -> Vec<bool> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("check-contract-{label}"));
    std::fs::create_dir_all(&dir).unwrap();
    let paths: Vec<PathBuf> = documents
        .iter()
        .enumerate()
        .map(|(i, (_, document))| {
            let path = dir.join(format!("{i}.json"));
            std::fs::write(&path, to_canonical_json(document).unwrap()).unwrap();
            path
        })
        .collect();
    let output = Command::new(python)
        .arg(checker)
        .args(&paths)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    paths
        .iter()
        .map(|path| {
            let verdict = format!("{}: conforms", path.display());
            report.lines().any(|line| line == verdict)
        })
        .collect()
}

#[test]
fn independent_checker_agrees_with_the_schema() {
    let (Some(checker), Some(python)) = (contract_checker(), python()) else {
        eprintln!("skipped: python3 or shared/tools/check-contract.py not found");
        return;
    };
    let samples: Vec<(String, Value)> = common::sample_documents()
        .into_iter()
        .map(|(name, doc)| (name.to_string(), doc))
        .collect();
    let verdicts = run_checker(&checker, python, "samples", &samples);
    for ((name, _), conforms) in samples.iter().zip(verdicts) {
        assert!(conforms, "check-contract.py rejects sample {name}");
    }

    let breaches = breaches();
    let mutated: Vec<(String, Value)> = breaches
        .iter()
        .map(|breach| {
            let mut document = common::full_document();
            (breach.mutate)(&mut document);
            (breach.what.to_string(), document)
        })
        .collect();
    let verdicts = run_checker(&checker, python, "breaches", &mutated);
    let disagreements: Vec<&str> = breaches
        .iter()
        .zip(verdicts)
        .filter(|(breach, conforms)| *conforms == breach.checker_catches)
        .map(|(breach, _)| breach.what)
        .collect();
    assert!(
        disagreements.is_empty(),
        "check-contract.py disagrees with the expectation on: {disagreements:?}"
    );
    eprintln!(
        "check-contract.py: {} samples conform, {} of {} breaches caught (the rest are beyond its shape checks)",
        samples.len(),
        breaches.iter().filter(|b| b.checker_catches).count(),
        breaches.len()
    );
}
