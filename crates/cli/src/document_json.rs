//! A document's canonical JSON written by hand: the bytes of
//! `shinchoku_writer::to_canonical_json(document)`, at a fraction of the cost.
//!
//! The generic serde path checks the order of every key, writes every key and `null` as a
//! separate piece and dispatches every value through serde's traits: about half of writing
//! a report. Here each struct is one function writing its members in canonical (sorted)
//! order, keys and their punctuation as literals (`,"basis":`), with the writer's own
//! string and number forms (`shinchoku_writer::fragment`).
//!
//! The structs are destructured without `..`, so a field added to the model does not
//! compile until it is written here too; the tests compare every byte with the serde path
//! (a document with every field and every enum variant, and the seed reports), and each
//! enum's names with serde's.

use shinchoku_extract::era::{Aggregate, Basis, Date, Era, Period, Point};
use shinchoku_extract::{Provenance, Warning};
use shinchoku_table::{
    Comparator, Document, DocumentInfo, Initiative, Kpi, KpiKind, Municipality, Normalized, Number,
    Observation, Part, Role, Section, Source, Status, StatusCode, Value,
};
use shinchoku_writer::fragment;

type Result = std::result::Result<(), serde_json::Error>;

/// Append `document`'s canonical JSON to `out`. Fails only on a NaN or infinite number.
pub fn write_document(document: &Document, out: &mut Vec<u8>) -> Result {
    let Document {
        document,
        initiatives,
        kpis,
        schema_version,
        sections,
        source,
        warnings,
    } = document;
    out.extend_from_slice(b"{\"document\":");
    document_info(document, out);
    out.extend_from_slice(b",\"initiatives\":");
    array(initiatives, out, |item, out| {
        initiative(item, out);
        Ok(())
    })?;
    out.extend_from_slice(b",\"kpis\":");
    array(kpis, out, kpi)?;
    out.extend_from_slice(b",\"schema_version\":");
    fragment::string(schema_version, out);
    out.extend_from_slice(b",\"sections\":");
    array(sections, out, |item, out| {
        section(item, out);
        Ok(())
    })?;
    out.extend_from_slice(b",\"source\":");
    self::source(source, out);
    out.extend_from_slice(b",\"warnings\":");
    array(warnings, out, |item, out| {
        warning(item, out);
        Ok(())
    })?;
    out.push(b'}');
    Ok(())
}

/// `[item,item,…]`.
fn array<T>(
    items: &[T],
    out: &mut Vec<u8>,
    mut item: impl FnMut(&T, &mut Vec<u8>) -> Result,
) -> Result {
    out.push(b'[');
    for (i, value) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item(value, out)?;
    }
    out.push(b']');
    Ok(())
}

fn strings(items: &[String], out: &mut Vec<u8>) {
    out.push(b'[');
    for (i, value) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        fragment::string(value, out);
    }
    out.push(b']');
}

fn optional_string(value: &Option<String>, out: &mut Vec<u8>) {
    match value {
        Some(text) => fragment::string(text, out),
        None => out.extend_from_slice(b"null"),
    }
}

/// A date as the contract writes it, `"YYYY-MM-DD"`: digits and `-` only, nothing to escape.
fn optional_date(value: Option<Date>, out: &mut Vec<u8>) {
    match value {
        Some(date) => {
            out.push(b'"');
            date.write_iso(out);
            out.push(b'"');
        }
        None => out.extend_from_slice(b"null"),
    }
}

fn optional_integer(value: Option<impl Into<i64>>, out: &mut Vec<u8>) {
    match value {
        Some(n) => fragment::integer(n.into(), out),
        None => out.extend_from_slice(b"null"),
    }
}

/// An enum's serde name, quoted, or `null`.
fn optional_name<T: Copy>(value: Option<T>, name: fn(T) -> &'static str, out: &mut Vec<u8>) {
    out.extend_from_slice(value.map_or("null", name).as_bytes());
}

fn document_info(info: &DocumentInfo, out: &mut Vec<u8>) {
    let DocumentInfo {
        as_of,
        municipality,
        title,
    } = info;
    out.extend_from_slice(b"{\"as_of\":");
    optional_period(as_of.as_ref(), out);
    out.extend_from_slice(b",\"municipality\":");
    match municipality {
        Some(Municipality { code, name }) => {
            out.extend_from_slice(b"{\"code\":");
            optional_string(code, out);
            out.extend_from_slice(b",\"name\":");
            fragment::string(name, out);
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"title\":");
    optional_string(title, out);
    out.push(b'}');
}

fn initiative(initiative: &Initiative, out: &mut Vec<u8>) {
    let Initiative {
        achievements,
        challenges,
        department,
        next_steps,
        projects,
        provenance,
        section,
    } = initiative;
    out.extend_from_slice(b"{\"achievements\":");
    optional_string(achievements, out);
    out.extend_from_slice(b",\"challenges\":");
    optional_string(challenges, out);
    out.extend_from_slice(b",\"department\":");
    optional_string(department, out);
    out.extend_from_slice(b",\"next_steps\":");
    optional_string(next_steps, out);
    out.extend_from_slice(b",\"projects\":");
    strings(projects, out);
    out.extend_from_slice(b",\"provenance\":");
    self::provenance(provenance, out);
    out.extend_from_slice(b",\"section\":");
    optional_string(section, out);
    out.push(b'}');
}

fn kpi(kpi: &Kpi, out: &mut Vec<u8>) -> Result {
    let Kpi {
        departments,
        id,
        kind,
        name,
        name_raw,
        notes,
        observations,
        provenance,
        section,
        status,
    } = kpi;
    out.extend_from_slice(b"{\"departments\":");
    strings(departments, out);
    out.extend_from_slice(b",\"id\":");
    fragment::string(id, out);
    out.extend_from_slice(b",\"kind\":");
    out.extend_from_slice(kpi_kind_name(*kind).as_bytes());
    out.extend_from_slice(b",\"name\":");
    fragment::string(name, out);
    out.extend_from_slice(b",\"name_raw\":");
    fragment::string(name_raw, out);
    out.extend_from_slice(b",\"notes\":");
    strings(notes, out);
    out.extend_from_slice(b",\"observations\":");
    array(observations, out, observation)?;
    out.extend_from_slice(b",\"provenance\":");
    self::provenance(provenance, out);
    out.extend_from_slice(b",\"section\":");
    optional_string(section, out);
    out.extend_from_slice(b",\"status\":");
    match status {
        Some(Status { code, label }) => {
            out.extend_from_slice(b"{\"code\":");
            out.extend_from_slice(status_code_name(*code).as_bytes());
            out.extend_from_slice(b",\"label\":");
            fragment::string(label, out);
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
    out.push(b'}');
    Ok(())
}

fn observation(observation: &Observation, out: &mut Vec<u8>) -> Result {
    let Observation {
        notes,
        period,
        raw,
        role,
        value,
    } = observation;
    if notes.is_empty() {
        out.extend_from_slice(b"{\"notes\":[],\"period\":");
    } else {
        out.extend_from_slice(b"{\"notes\":");
        strings(notes, out);
        out.extend_from_slice(b",\"period\":");
    }
    optional_period(period.as_ref(), out);
    out.extend_from_slice(b",\"raw\":");
    fragment::string(raw, out);
    out.extend_from_slice(b",\"role\":");
    out.extend_from_slice(role_name(*role).as_bytes());
    out.extend_from_slice(b",\"value\":");
    self::value(value, out)?;
    out.push(b'}');
    Ok(())
}

/// As `Value`'s `Serialize` impl: the `kind` tag among the variant's fields.
fn value(value: &Value, out: &mut Vec<u8>) -> Result {
    match value {
        Value::Number(number) => {
            let Number {
                approximate,
                comparator,
                decimal,
                normalized,
                number,
                unit,
            } = number;
            out.extend_from_slice(if *approximate {
                b"{\"approximate\":true,\"comparator\":"
            } else {
                b"{\"approximate\":false,\"comparator\":"
            });
            // The usual null members are written with their neighbouring keys as one
            // literal.
            match comparator {
                None => out.extend_from_slice(b"null,\"decimal\":"),
                Some(comparator) => {
                    out.extend_from_slice(comparator_name(*comparator).as_bytes());
                    out.extend_from_slice(b",\"decimal\":");
                }
            }
            fragment::string(decimal, out);
            match normalized {
                None => {
                    out.extend_from_slice(b",\"kind\":\"number\",\"normalized\":null,\"number\":")
                }
                Some(Normalized { number, unit }) => {
                    out.extend_from_slice(b",\"kind\":\"number\",\"normalized\":{\"number\":");
                    fragment::number(*number, out)?;
                    out.extend_from_slice(b",\"unit\":");
                    fragment::string(unit, out);
                    out.extend_from_slice(b"},\"number\":");
                }
            }
            fragment::number(*number, out)?;
            out.extend_from_slice(b",\"unit\":");
            optional_string(unit, out);
            out.push(b'}');
        }
        Value::Missing => out.extend_from_slice(b"{\"kind\":\"missing\"}"),
        Value::Text { text } => {
            out.extend_from_slice(b"{\"kind\":\"text\",\"text\":");
            fragment::string(text, out);
            out.push(b'}');
        }
        Value::Parts { parts } => {
            out.extend_from_slice(b"{\"kind\":\"parts\",\"parts\":");
            array(parts, out, part)?;
            out.push(b'}');
        }
    }
    Ok(())
}

fn part(part: &Part, out: &mut Vec<u8>) -> Result {
    let Part {
        label,
        period,
        value,
    } = part;
    out.extend_from_slice(b"{\"label\":");
    optional_string(label, out);
    out.extend_from_slice(b",\"period\":");
    optional_period(period.as_ref(), out);
    out.extend_from_slice(b",\"value\":");
    self::value(value, out)?;
    out.push(b'}');
    Ok(())
}

fn optional_period(period: Option<&Period>, out: &mut Vec<u8>) {
    match period {
        Some(period) => self::period(period, out),
        None => out.extend_from_slice(b"null"),
    }
}

/// Most of a report's periods are a bare year (`H30`, `R5年度末`) with most members null:
/// neighbouring members that are usually null together are written, when they are, as one
/// literal (`,"day":null,"end":null,"era":`), a branch per group instead of per member.
fn period(period: &Period, out: &mut Vec<u8>) {
    let Period {
        aggregate,
        basis,
        day,
        end,
        era,
        era_year,
        month,
        point,
        raw,
        start,
        until,
        year,
    } = period;
    match aggregate {
        None => out.extend_from_slice(b"{\"aggregate\":null,\"basis\":"),
        Some(aggregate) => {
            out.extend_from_slice(b"{\"aggregate\":");
            out.extend_from_slice(aggregate_name(*aggregate).as_bytes());
            out.extend_from_slice(b",\"basis\":");
        }
    }
    out.extend_from_slice(basis_name(*basis).as_bytes());
    match (day, end) {
        (None, None) => out.extend_from_slice(b",\"day\":null,\"end\":null,\"era\":"),
        _ => {
            out.extend_from_slice(b",\"day\":");
            optional_integer(*day, out);
            out.extend_from_slice(b",\"end\":");
            optional_date(*end, out);
            out.extend_from_slice(b",\"era\":");
        }
    }
    optional_name(*era, era_name, out);
    out.extend_from_slice(b",\"era_year\":");
    optional_integer(*era_year, out);
    match (month, point) {
        (None, None) => out.extend_from_slice(b",\"month\":null,\"point\":null,\"raw\":"),
        _ => {
            out.extend_from_slice(b",\"month\":");
            optional_integer(*month, out);
            out.extend_from_slice(b",\"point\":");
            optional_name(*point, point_name, out);
            out.extend_from_slice(b",\"raw\":");
        }
    }
    fragment::string(raw, out);
    match (start, until) {
        (None, None) => out.extend_from_slice(b",\"start\":null,\"until\":null,\"year\":"),
        _ => {
            out.extend_from_slice(b",\"start\":");
            optional_date(*start, out);
            out.extend_from_slice(b",\"until\":");
            optional_period(until.as_deref(), out);
            out.extend_from_slice(b",\"year\":");
        }
    }
    fragment::integer(i64::from(*year), out);
    out.push(b'}');
}

fn provenance(provenance: &Provenance, out: &mut Vec<u8>) {
    let Provenance { line, page, text } = provenance;
    out.extend_from_slice(b"{\"line\":");
    fragment::integer(i64::from(*line), out);
    match page {
        // A text report has no pages.
        None => out.extend_from_slice(b",\"page\":null,\"text\":"),
        Some(page) => {
            out.extend_from_slice(b",\"page\":");
            fragment::integer(i64::from(*page), out);
            out.extend_from_slice(b",\"text\":");
        }
    }
    fragment::string(text, out);
    out.push(b'}');
}

fn section(section: &Section, out: &mut Vec<u8>) {
    let Section {
        code,
        level,
        parent,
        projects,
        title,
    } = section;
    out.extend_from_slice(b"{\"code\":");
    fragment::string(code, out);
    out.extend_from_slice(b",\"level\":");
    fragment::integer(i64::from(*level), out);
    out.extend_from_slice(b",\"parent\":");
    optional_string(parent, out);
    out.extend_from_slice(b",\"projects\":");
    strings(projects, out);
    out.extend_from_slice(b",\"title\":");
    fragment::string(title, out);
    out.push(b'}');
}

fn source(source: &Source, out: &mut Vec<u8>) {
    let Source {
        file,
        format,
        pages,
        sha256,
    } = source;
    out.extend_from_slice(b"{\"file\":");
    fragment::string(file, out);
    out.extend_from_slice(b",\"format\":");
    fragment::string(format, out);
    out.extend_from_slice(b",\"pages\":");
    optional_integer(*pages, out);
    out.extend_from_slice(b",\"sha256\":");
    fragment::string(sha256, out);
    out.push(b'}');
}

fn warning(warning: &Warning, out: &mut Vec<u8>) {
    let Warning {
        code,
        message,
        provenance,
    } = warning;
    out.extend_from_slice(b"{\"code\":");
    fragment::string(code, out);
    out.extend_from_slice(b",\"message\":");
    fragment::string(message, out);
    out.extend_from_slice(b",\"provenance\":");
    self::provenance(provenance, out);
    out.push(b'}');
}

// The enums' serde names (`rename_all = "snake_case"` and the like), quoted; the tests
// check every variant against serde's.

fn kpi_kind_name(kind: KpiKind) -> &'static str {
    match kind {
        KpiKind::Kpi => "\"kpi\"",
        KpiKind::Headline => "\"headline\"",
        KpiKind::Priority => "\"priority\"",
    }
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Baseline => "\"baseline\"",
        Role::Previous => "\"previous\"",
        Role::Current => "\"current\"",
        Role::Target => "\"target\"",
    }
}

fn comparator_name(comparator: Comparator) -> &'static str {
    match comparator {
        Comparator::AtLeast => "\">=\"",
        Comparator::AtMost => "\"<=\"",
    }
}

fn status_code_name(code: StatusCode) -> &'static str {
    match code {
        StatusCode::OnTrack => "\"on_track\"",
        StatusCode::Unchanged => "\"unchanged\"",
        StatusCode::Delayed => "\"delayed\"",
        StatusCode::Achieved => "\"achieved\"",
        StatusCode::NotAchieved => "\"not_achieved\"",
        StatusCode::Unknown => "\"unknown\"",
        StatusCode::Other => "\"other\"",
    }
}

fn aggregate_name(aggregate: Aggregate) -> &'static str {
    match aggregate {
        Aggregate::Average => "\"average\"",
    }
}

fn basis_name(basis: Basis) -> &'static str {
    match basis {
        Basis::FiscalYear => "\"fiscal_year\"",
        Basis::CalendarYear => "\"calendar_year\"",
        Basis::Unspecified => "\"unspecified\"",
    }
}

fn era_name(era: Era) -> &'static str {
    match era {
        Era::Meiji => "\"meiji\"",
        Era::Taisho => "\"taisho\"",
        Era::Showa => "\"showa\"",
        Era::Heisei => "\"heisei\"",
        Era::Reiwa => "\"reiwa\"",
    }
}

fn point_name(point: Point) -> &'static str {
    match point {
        Point::End => "\"end\"",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the serde path writes for `document`.
    fn reference(document: &Document) -> Vec<u8> {
        shinchoku_writer::to_canonical_json(document).expect("serializes")
    }

    fn written(document: &Document) -> Vec<u8> {
        let mut out = Vec::new();
        write_document(document, &mut out).expect("writes");
        out
    }

    fn assert_same_bytes(document: &Document) {
        let (reference, written) = (reference(document), written(document));
        assert!(
            reference == written,
            "serde path:\n{}\nhand-written:\n{}",
            String::from_utf8_lossy(&reference),
            String::from_utf8_lossy(&written)
        );
    }

    fn provenance(page: Option<u32>) -> Provenance {
        Provenance {
            line: 3,
            page,
            text: "\t数値目標\t\"引用\"\\".into(),
        }
    }

    fn period(until: Option<Box<Period>>) -> Period {
        Period {
            aggregate: Some(Aggregate::Average),
            basis: Basis::FiscalYear,
            day: Some(31),
            end: Some(Date::new(2024, 3, 31)),
            era: Some(Era::Reiwa),
            era_year: Some(5),
            month: Some(3),
            point: Some(Point::End),
            raw: "R5年度末".into(),
            start: Some(Date::new(2024, 3, 31)),
            until,
            year: 2023,
        }
    }

    fn bare_period(basis: Basis, era: Option<Era>) -> Period {
        Period {
            aggregate: None,
            basis,
            day: None,
            end: None,
            era,
            era_year: None,
            month: None,
            point: None,
            raw: "2019".into(),
            start: None,
            until: None,
            year: -1,
        }
    }

    fn number(approximate: bool, comparator: Option<Comparator>, number: f64) -> Value {
        Value::Number(Number {
            approximate,
            comparator,
            decimal: "1.5".into(),
            normalized: approximate.then(|| Normalized {
                number: number * 1e6,
                unit: "円".into(),
            }),
            number,
            unit: comparator.map(|_| "百万円".into()),
        })
    }

    /// Every optional field both present and absent, every enum variant, every `Value`
    /// variant, strings that need escapes and numbers of every form.
    fn everything() -> Document {
        let values = [
            number(true, Some(Comparator::AtLeast), 1.5),
            number(false, Some(Comparator::AtMost), -0.0),
            number(false, None, 1e21),
            number(true, None, 123_456_789.125),
            number(false, None, 5e-7),
            Value::Missing,
            Value::Text { text: "—".into() },
            Value::Text {
                text: "\u{1}\n\u{7f}".into(),
            },
            Value::Parts { parts: Vec::new() },
            Value::Parts {
                parts: vec![
                    Part {
                        label: Some("男性".into()),
                        period: Some(period(None)),
                        value: number(false, None, 2.0),
                    },
                    Part {
                        label: None,
                        period: None,
                        value: Value::Parts {
                            parts: vec![Part {
                                label: None,
                                period: None,
                                value: Value::Missing,
                            }],
                        },
                    },
                ],
            },
        ];
        let roles = [Role::Baseline, Role::Previous, Role::Current, Role::Target];
        let periods = [
            Some(period(Some(Box::new(period(None))))),
            None,
            Some(bare_period(Basis::CalendarYear, Some(Era::Meiji))),
            Some(bare_period(Basis::Unspecified, Some(Era::Taisho))),
            Some(bare_period(Basis::FiscalYear, Some(Era::Showa))),
            Some(bare_period(Basis::FiscalYear, Some(Era::Heisei))),
            Some(bare_period(Basis::FiscalYear, None)),
            // One member of each group written together when null, the other null.
            Some(Period {
                day: None,
                month: None,
                until: None,
                ..period(None)
            }),
            Some(Period {
                end: None,
                point: None,
                start: None,
                until: Some(Box::new(bare_period(Basis::FiscalYear, None))),
                ..bare_period(Basis::CalendarYear, Some(Era::Reiwa))
            }),
        ];
        let observations: Vec<Observation> = values
            .into_iter()
            .enumerate()
            .map(|(i, value)| Observation {
                notes: (0..i % 3).map(|n| format!("note {n}")).collect(),
                period: periods[i % periods.len()].clone(),
                raw: format!("raw {i}"),
                role: roles[i % roles.len()],
                value,
            })
            .collect();
        let statuses = [
            StatusCode::OnTrack,
            StatusCode::Unchanged,
            StatusCode::Delayed,
            StatusCode::Achieved,
            StatusCode::NotAchieved,
            StatusCode::Unknown,
            StatusCode::Other,
        ];
        let kinds = [KpiKind::Kpi, KpiKind::Headline, KpiKind::Priority];
        let mut kpis: Vec<Kpi> = statuses
            .iter()
            .enumerate()
            .map(|(i, &code)| Kpi {
                departments: vec!["d".into(); i % 3],
                id: format!("A-1.{i}"),
                kind: kinds[i % kinds.len()],
                name: "n".into(),
                name_raw: "n（注）".into(),
                notes: vec!["note".into(); i % 2],
                observations: observations.clone(),
                provenance: provenance(Some(1)),
                section: Some("A-1".into()),
                status: Some(Status {
                    code,
                    label: "遅延".into(),
                }),
            })
            .collect();
        kpis.push(Kpi {
            departments: Vec::new(),
            id: String::new(),
            kind: KpiKind::Kpi,
            name: String::new(),
            name_raw: String::new(),
            notes: Vec::new(),
            observations: Vec::new(),
            provenance: provenance(None),
            section: None,
            status: None,
        });
        Document {
            document: DocumentInfo {
                as_of: Some(period(None)),
                municipality: Some(Municipality {
                    code: Some("152226".into()),
                    name: "上越市".into(),
                }),
                title: Some("title".into()),
            },
            initiatives: vec![
                Initiative {
                    achievements: Some("a".into()),
                    challenges: Some("c".into()),
                    department: Some("d".into()),
                    next_steps: Some("n".into()),
                    projects: vec!["p".into(), "q".into()],
                    provenance: provenance(Some(2)),
                    section: Some("A-1".into()),
                },
                Initiative {
                    achievements: None,
                    challenges: None,
                    department: None,
                    next_steps: None,
                    projects: Vec::new(),
                    provenance: provenance(None),
                    section: None,
                },
            ],
            kpis,
            schema_version: "1".into(),
            sections: vec![
                Section {
                    code: "A-1".into(),
                    level: 1,
                    parent: Some("A".into()),
                    projects: vec!["p".into()],
                    title: "t".into(),
                },
                Section {
                    code: "A".into(),
                    level: 0,
                    parent: None,
                    projects: Vec::new(),
                    title: String::new(),
                },
            ],
            source: Source {
                file: "f.txt".into(),
                format: "text".into(),
                pages: Some(1),
                sha256: "0".repeat(64),
            },
            warnings: vec![Warning::new("code", "message", provenance(None))],
        }
    }

    #[test]
    fn every_field_and_variant_is_written_as_the_serde_path_writes_it() {
        assert_same_bytes(&everything());
    }

    #[test]
    fn an_empty_document_is_written_as_the_serde_path_writes_it() {
        assert_same_bytes(&Document {
            document: DocumentInfo::default(),
            initiatives: Vec::new(),
            kpis: Vec::new(),
            schema_version: "1".into(),
            sections: Vec::new(),
            source: Source {
                file: "-".into(),
                format: "pdf".into(),
                pages: None,
                sha256: String::new(),
            },
            warnings: Vec::new(),
        });
    }

    #[test]
    fn the_seed_reports_are_written_as_the_serde_path_writes_them() {
        for name in [
            "joetsu-kpi-progress-r5.txt",
            "kashiwazaki-progress-report-r3.txt",
            "sample-city-kpi-r4.txt",
        ] {
            let path = format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
            let bytes = std::fs::read(path).expect("fixture reads");
            let options = crate::pipeline::Options::default();
            let document = crate::pipeline::process_bytes(name, &bytes, &options).expect("reads");
            assert_same_bytes(&document);
        }
    }

    #[test]
    fn a_number_that_is_not_finite_is_an_error_as_on_the_serde_path() {
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let mut document = everything();
            document.kpis[0].observations[0].value = number(false, None, bad);
            assert!(shinchoku_writer::to_canonical_json(&document).is_err());
            assert!(write_document(&document, &mut Vec::new()).is_err());
        }
    }

    /// Each enum's names, quoted, as serde writes them.
    #[test]
    fn the_enum_names_are_serdes() {
        fn check<T: serde::Serialize + Copy>(variants: &[T], name: fn(T) -> &'static str) {
            for &variant in variants {
                assert_eq!(name(variant), serde_json::to_string(&variant).unwrap());
            }
        }
        check(
            &[KpiKind::Kpi, KpiKind::Headline, KpiKind::Priority],
            kpi_kind_name,
        );
        check(
            &[Role::Baseline, Role::Previous, Role::Current, Role::Target],
            role_name,
        );
        check(&[Comparator::AtLeast, Comparator::AtMost], comparator_name);
        check(
            &[
                StatusCode::OnTrack,
                StatusCode::Unchanged,
                StatusCode::Delayed,
                StatusCode::Achieved,
                StatusCode::NotAchieved,
                StatusCode::Unknown,
                StatusCode::Other,
            ],
            status_code_name,
        );
        check(&[Aggregate::Average], aggregate_name);
        check(
            &[Basis::FiscalYear, Basis::CalendarYear, Basis::Unspecified],
            basis_name,
        );
        check(
            &[Era::Meiji, Era::Taisho, Era::Showa, Era::Heisei, Era::Reiwa],
            era_name,
        );
        check(&[Point::End], point_name);
    }
}
