//! Hand-written schema-v1 documents shared by the integration tests.

#![allow(dead_code)]

use serde_json::{json, Value};

pub(crate) fn period_r5_fiscal_end() -> Value {
    json!({
        "raw": "R5年度末", "era": "reiwa", "era_year": 5, "year": 2023, "month": null, "day": null,
        "basis": "fiscal_year", "point": "end", "start": "2024-03-31", "end": "2024-03-31",
        "until": null, "aggregate": null
    })
}

pub(crate) fn period_h30() -> Value {
    json!({
        "raw": "H30", "era": "heisei", "era_year": 30, "year": 2018, "month": null, "day": null,
        "basis": "unspecified", "point": null, "start": null, "end": null, "until": null, "aggregate": null
    })
}

/// `H26～H30の平均値`: a range with an aggregate, `until` nested.
pub(crate) fn period_range_average() -> Value {
    json!({
        "raw": "H26～H30の平均値", "era": "heisei", "era_year": 26, "year": 2014, "month": null, "day": null,
        "basis": "unspecified", "point": null, "start": null, "end": null,
        "until": {
            "raw": "H30", "era": "heisei", "era_year": 30, "year": 2018, "month": null, "day": null,
            "basis": "unspecified", "point": null, "start": null, "end": null, "until": null, "aggregate": null
        },
        "aggregate": "average"
    })
}

/// `2021年4月`: Gregorian only, a month.
pub(crate) fn period_gregorian_month() -> Value {
    json!({
        "raw": "2021年4月", "era": null, "era_year": null, "year": 2021, "month": 4, "day": null,
        "basis": "calendar_year", "point": null, "start": "2021-04-01", "end": "2021-04-30",
        "until": null, "aggregate": null
    })
}

pub(crate) fn provenance(line: u32) -> Value {
    json!({"page": null, "line": line, "text": "1\t市内企業の新規雇用者数\t574,963百万円"})
}

/// A text-input document exercising every value kind, status, initiative and warning.
pub(crate) fn full_document() -> Value {
    json!({
        "schema_version": "1",
        "source": {
            "file": "joetsu-kpi-progress-r5.txt",
            "sha256": "0f343b0931126a20f133d67c2b018a3b1e6e2a5c1f7c4bd0b7d1d3e4f5a6b7c8",
            "format": "text",
            "pages": null,
            "tool": "shinchoku 0.1.0"
        },
        "document": {
            "title": "第2期上越市まち・ひと・しごと創生総合戦略 KPI進捗状況一覧表",
            "municipality": {"name": "上越市", "code": "152226"},
            "as_of": period_r5_fiscal_end(),
            "kind": "progress_report"
        },
        "sections": [
            {"code": "A", "title": "【しごとづくり】安定的で魅力ある雇用を創出する", "parent": null, "level": 1, "projects": []},
            {"code": "A-1", "title": "産業の振興", "parent": "A", "level": 2, "projects": []},
            {"code": "A-1-1", "title": "地域産業の競争力強化, \"新\"分野\n支援", "parent": "A-1", "level": 3, "projects": ["中小企業支援事業", "創業支援事業"]}
        ],
        "kpis": [
            {
                "id": "A.1", "kind": "headline", "name": "市内総生産", "name_raw": "市内総生産",
                "section": "A",
                "observations": [
                    {"role": "baseline", "value": {"kind": "number", "number": 574963, "decimal": "574963", "unit": "百万円", "comparator": null, "approximate": false, "cumulative": false, "estimate": false, "preliminary": false, "span_years": null, "normalized": {"number": 574963000000.0, "unit": "円"}}, "period": period_h30(), "notes": ["(H27国勢調査)"], "raw": "574,963百万円"},
                    {"role": "target", "value": {"kind": "number", "number": 4.0, "decimal": "4.0", "unit": "%", "comparator": ">=", "approximate": true, "cumulative": true, "estimate": false, "preliminary": true, "span_years": 5, "normalized": null}, "period": period_range_average(), "notes": [], "raw": "約4.0%以上"}
                ],
                "status": {"label": "順 調", "code": "on_track"},
                "achievement_rate": null, "departments": ["産業政策課", "農政課"],
                "notes": ["※R4実績は未確定"],
                "provenance": provenance(12)
            },
            {
                "id": "A-1-1.1", "kind": "kpi", "name": "来訪者数", "name_raw": "来訪者数",
                "section": "A-1-1",
                "observations": [
                    {"role": "previous", "value": {"kind": "missing"}, "period": null, "notes": [], "raw": "－"},
                    {"role": "current", "value": {"kind": "parts", "parts": [
                        {"label": "直江津", "value": {"kind": "number", "number": 953404, "decimal": "953404", "unit": "人", "comparator": null, "approximate": false, "cumulative": false, "estimate": false, "preliminary": false, "span_years": null, "normalized": null}, "period": period_h30()},
                        {"label": null, "value": {"kind": "number", "number": -0.5, "decimal": "-0.5", "unit": null, "comparator": "<=", "approximate": false, "cumulative": false, "estimate": false, "preliminary": false, "span_years": null, "normalized": null}, "period": null}
                    ]}, "period": period_gregorian_month(), "notes": [], "raw": "953,404人 (H30 直江津) -0.5"},
                    {"role": "target", "value": {"kind": "text", "text": "航路数の増加・コンテナの仕向け地の多様化"}, "period": null, "notes": ["(参考:依頼会員 516人、提供会員 279人)"], "raw": "航路数の増加・コンテナの仕向け地の多様化"}
                ],
                "status": null,
                "achievement_rate": null, "departments": [],
                "notes": [],
                "provenance": {"page": 3, "line": 40, "text": "来訪者数\t－"}
            },
            {
                "id": "P-1.1", "kind": "priority", "name": "社会動態", "name_raw": "社会動態",
                "section": null,
                "observations": [],
                "status": {"label": "-", "code": "unknown"},
                "achievement_rate": null, "departments": [],
                "notes": [],
                "provenance": provenance(50)
            }
        ],
        "initiatives": [
            {"section": "A-1-1", "department": "産業政策課", "achievements": "創業支援により12件が創業した。", "challenges": null, "next_steps": "支援を継続する。", "projects": ["創業支援事業"], "provenance": provenance(60)},
            {"section": null, "department": null, "achievements": null, "challenges": null, "next_steps": null, "projects": [], "provenance": provenance(61)}
        ],
        "warnings": [
            {"code": "era_out_of_range", "message": "H32 is past the end of Heisei; read as 2020.", "provenance": provenance(70)}
        ]
    })
}

/// A PDF document with nothing found: every collection empty, every optional null.
pub(crate) fn empty_document() -> Value {
    json!({
        "schema_version": "1",
        "source": {"file": "empty.pdf", "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "format": "pdf", "pages": 2, "tool": "shinchoku 0.1.0"},
        "document": {"title": null, "municipality": null, "as_of": null, "kind": null},
        "sections": [],
        "kpis": [],
        "initiatives": [],
        "warnings": []
    })
}

/// Every sample document, named.
pub(crate) fn sample_documents() -> Vec<(&'static str, Value)> {
    let mut unknown_code = full_document();
    unknown_code["document"]["municipality"]["code"] = Value::Null;
    unknown_code["source"]["format"] = json!("pdf");
    unknown_code["source"]["pages"] = json!(12);
    // Extra fields are allowed by the contract.
    unknown_code["generator"] = json!("shinchoku 0.1.0");
    unknown_code["kpis"][0]["extra"] = json!({"anything": [1, 2]});
    vec![
        ("full", full_document()),
        ("empty", empty_document()),
        ("unknown-code-with-extras", unknown_code),
    ]
}
