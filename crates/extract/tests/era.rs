//! Table tests for `era::parse_period` and `era::find_periods`: every form met in the seed
//! reports and their relatives, the errors, and what must not be taken for a date.

use shinchoku_extract::era::{
    find_periods, parse_period, Aggregate, Basis, Era, Parsed, Period, Point,
};

/// `input → summary` (see `era_support::summary` for the layout).
const FORMS: &[(&str, &str)] = &[
    // Bare era years: the basis is unknown, so there is no span.
    ("H30", "H30 | heisei 30 | 2018 | unspecified | -"),
    ("R元", "R元 | reiwa 1 | 2019 | unspecified | -"),
    ("R5", "R5 | reiwa 5 | 2023 | unspecified | -"),
    ("Ｒ５", "Ｒ５ | reiwa 5 | 2023 | unspecified | -"),
    ("ｈ３０", "ｈ３０ | heisei 30 | 2018 | unspecified | -"),
    ("r5", "r5 | reiwa 5 | 2023 | unspecified | -"),
    ("S63", "S63 | showa 63 | 1988 | unspecified | -"),
    ("T15", "T15 | taisho 15 | 1926 | unspecified | -"),
    ("M45", "M45 | meiji 45 | 1912 | unspecified | -"),
    ("S64", "S64 | showa 64 | 1989 | unspecified | -"),
    ("H31", "H31 | heisei 31 | 2019 | unspecified | -"),
    // Fiscal years and their ends.
    ("R5年度", "R5年度 | reiwa 5 | 2023 | fiscal_year | 2023-04-01..2024-03-31"),
    ("R5年度末", "R5年度末 | reiwa 5 | 2023 | fiscal_year end | 2024-03-31..2024-03-31"),
    ("H30年度末", "H30年度末 | heisei 30 | 2018 | fiscal_year end | 2019-03-31..2019-03-31"),
    ("令和元年度", "令和元年度 | reiwa 1 | 2019 | fiscal_year | 2019-04-01..2020-03-31"),
    ("令和二年度", "令和二年度 | reiwa 2 | 2020 | fiscal_year | 2020-04-01..2021-03-31"),
    ("平成三十年度", "平成三十年度 | heisei 30 | 2018 | fiscal_year | 2018-04-01..2019-03-31"),
    ("平成31年度", "平成31年度 | heisei 31 | 2019 | fiscal_year | 2019-04-01..2020-03-31"),
    ("令和3（2021）年度", "令和3（2021）年度 | reiwa 3 | 2021 | fiscal_year | 2021-04-01..2022-03-31"),
    ("令和 3（2021）年度", "令和 3（2021）年度 | reiwa 3 | 2021 | fiscal_year | 2021-04-01..2022-03-31"),
    ("令和 5 年度末", "令和 5 年度末 | reiwa 5 | 2023 | fiscal_year end | 2024-03-31..2024-03-31"),
    ("令和2(2020)年度", "令和2(2020)年度 | reiwa 2 | 2020 | fiscal_year | 2020-04-01..2021-03-31"),
    ("2019年度", "2019年度 | - | 2019 | fiscal_year | 2019-04-01..2020-03-31"),
    ("２０１９年度末", "２０１９年度末 | - | 2019 | fiscal_year end | 2020-03-31..2020-03-31"),
    // Calendar years, months, days.
    ("R4年", "R4年 | reiwa 4 | 2022 | calendar_year | 2022-01-01..2022-12-31"),
    ("昭和30（1955）年", "昭和30（1955）年 | showa 30 | 1955 | calendar_year | 1955-01-01..1955-12-31"),
    ("平成 7（1995）年", "平成 7（1995）年 | heisei 7 | 1995 | calendar_year | 1995-01-01..1995-12-31"),
    ("平成27（2015）年10月", "平成27（2015）年10月 | heisei 27 | 2015-10 | calendar_year | 2015-10-01..2015-10-31"),
    ("令和 3（2021）年 9 月", "令和 3（2021）年 9 月 | reiwa 3 | 2021-09 | calendar_year | 2021-09-01..2021-09-30"),
    ("令和５年３月末", "令和５年３月末 | reiwa 5 | 2023-03 | calendar_year end | 2023-03-31..2023-03-31"),
    ("令和4年末", "令和4年末 | reiwa 4 | 2022 | calendar_year end | 2022-12-31..2022-12-31"),
    ("昭和64年1月7日", "昭和64年1月7日 | showa 64 | 1989-01-07 | calendar_year | 1989-01-07..1989-01-07"),
    ("平成元年1月8日", "平成元年1月8日 | heisei 1 | 1989-01-08 | calendar_year | 1989-01-08..1989-01-08"),
    ("大正元年7月30日", "大正元年7月30日 | taisho 1 | 1912-07-30 | calendar_year | 1912-07-30..1912-07-30"),
    ("令和2年2月29日", "令和2年2月29日 | reiwa 2 | 2020-02-29 | calendar_year | 2020-02-29..2020-02-29"),
    ("2000年2月29日", "2000年2月29日 | - | 2000-02-29 | calendar_year | 2000-02-29..2000-02-29"),
    ("2060 年", "2060 年 | - | 2060 | calendar_year | 2060-01-01..2060-12-31"),
    ("H31.4", "H31.4 | heisei 31 | 2019-04 | calendar_year | 2019-04-01..2019-04-30"),
    ("H31.3", "H31.3 | heisei 31 | 2019-03 | calendar_year | 2019-03-01..2019-03-31"),
    ("R元.11", "R元.11 | reiwa 1 | 2019-11 | calendar_year | 2019-11-01..2019-11-30"),
    ("R6.12", "R6.12 | reiwa 6 | 2024-12 | calendar_year | 2024-12-01..2024-12-31"),
    ("R5.3.31", "R5.3.31 | reiwa 5 | 2023-03-31 | calendar_year | 2023-03-31..2023-03-31"),
    ("R5.3末", "R5.3末 | reiwa 5 | 2023-03 | calendar_year end | 2023-03-31..2023-03-31"),
    ("R6.2", "R6.2 | reiwa 6 | 2024-02 | calendar_year | 2024-02-01..2024-02-29"),
    // Ranges and averages.
    ("R5.1~6", "R5.1~6 | reiwa 5 | 2023-01 | calendar_year | 2023-01-01..2023-06-30 | until(6 | reiwa 5 | 2023-06 | calendar_year | 2023-06-01..2023-06-30)"),
    ("R5.11~2", "R5.11~2 | reiwa 5 | 2023-11 | calendar_year | 2023-11-01..2024-02-29 | until(2 | reiwa 6 | 2024-02 | calendar_year | 2024-02-01..2024-02-29)"),
    ("H26～H30の平均値", "H26～H30の平均値 | heisei 26 | 2014 | unspecified | - | until(H30 | heisei 30 | 2018 | unspecified | -) | average"),
    ("H26～H30年度", "H26～H30年度 | heisei 26 | 2014 | fiscal_year | 2014-04-01..2019-03-31 | until(H30年度 | heisei 30 | 2018 | fiscal_year | 2018-04-01..2019-03-31)"),
    ("H26年度～30年度", "H26年度～30年度 | heisei 26 | 2014 | fiscal_year | 2014-04-01..2019-03-31 | until(30年度 | heisei 30 | 2018 | fiscal_year | 2018-04-01..2019-03-31)"),
    ("令和5年4月～6月", "令和5年4月～6月 | reiwa 5 | 2023-04 | calendar_year | 2023-04-01..2023-06-30 | until(6月 | reiwa 5 | 2023-06 | calendar_year | 2023-06-01..2023-06-30)"),
    ("H30-R2", "H30-R2 | heisei 30 | 2018 | unspecified | - | until(R2 | reiwa 2 | 2020 | unspecified | -)"),
    ("2019年度～2023年度", "2019年度～2023年度 | - | 2019 | fiscal_year | 2019-04-01..2024-03-31 | until(2023年度 | - | 2023 | fiscal_year | 2023-04-01..2024-03-31)"),
    ("H30平均", "H30平均 | heisei 30 | 2018 | unspecified | - | average"),
    // Dates inside headers and notes: raw is the date part only.
    ("現状値（R5年度末）", "R5年度末 | reiwa 5 | 2023 | fiscal_year end | 2024-03-31..2024-03-31"),
    ("現状値 (R5年度末)", "R5年度末 | reiwa 5 | 2023 | fiscal_year end | 2024-03-31..2024-03-31"),
    ("目標（R6）", "R6 | reiwa 6 | 2024 | unspecified | -"),
    ("当初 (H30) (2018)", "H30 | heisei 30 | 2018 | unspecified | -"),
    ("当初 （H30） （2018）", "H30 | heisei 30 | 2018 | unspecified | -"),
    ("目標値 (R6) (2024)", "R6 | reiwa 6 | 2024 | unspecified | -"),
    ("実績値 (R1) (2019)", "R1 | reiwa 1 | 2019 | unspecified | -"),
    ("R6 (2024)", "R6 | reiwa 6 | 2024 | unspecified | -"),
    ("現状値（2014年度）", "2014年度 | - | 2014 | fiscal_year | 2014-04-01..2015-03-31"),
    ("(H27国勢調査)", "H27 | heisei 27 | 2015 | unspecified | -"),
    ("R4実績", "R4 | reiwa 4 | 2022 | unspecified | -"),
    ("（令和 2（2020）年度実績分）", "令和 2（2020）年度 | reiwa 2 | 2020 | fiscal_year | 2020-04-01..2021-03-31"),
    // Months written with a dot: `H28.3` is March 2016.
    ("H28.3", "H28.3 | heisei 28 | 2016-03 | calendar_year | 2016-03-01..2016-03-31"),
    // A Gregorian year with its era year in brackets, and the other way round.
    ("2019(H31)年", "2019(H31)年 | heisei 31 | 2019 | calendar_year | 2019-01-01..2019-12-31"),
    ("2019（平成31）年度", "2019（平成31）年度 | heisei 31 | 2019 | fiscal_year | 2019-04-01..2020-03-31"),
    ("H31(2019)年", "H31(2019)年 | heisei 31 | 2019 | calendar_year | 2019-01-01..2019-12-31"),
    // Letter-spaced dates, as a cell spreads them over its width.
    ("令 和 5年 度", "令 和 5年 度 | reiwa 5 | 2023 | fiscal_year | 2023-04-01..2024-03-31"),
    ("平 成 2 7 年", "平 成 2 7 年 | heisei 27 | 2015 | calendar_year | 2015-01-01..2015-12-31"),
    ("令 和 元 年 度 末", "令 和 元 年 度 末 | reiwa 1 | 2019 | fiscal_year end | 2020-03-31..2020-03-31"),
    // Doubts: mapped arithmetically, warned about.
    ("2019(H30)年", "2019(H30)年 | heisei 30 | 2018 | calendar_year | 2018-01-01..2018-12-31 | warn:era_mismatch"),
    ("H32", "H32 | heisei 32 | 2020 | unspecified | - | warn:era_out_of_range"),
    ("H32年度", "H32年度 | heisei 32 | 2020 | fiscal_year | 2020-04-01..2021-03-31 | warn:era_out_of_range"),
    ("S65", "S65 | showa 65 | 1990 | unspecified | - | warn:era_out_of_range"),
    ("昭和64年1月8日", "昭和64年1月8日 | showa 64 | 1989-01-08 | calendar_year | 1989-01-08..1989-01-08 | warn:era_out_of_range"),
    ("平成31年5月1日", "平成31年5月1日 | heisei 31 | 2019-05-01 | calendar_year | 2019-05-01..2019-05-01 | warn:era_out_of_range"),
    ("平成31年5月", "平成31年5月 | heisei 31 | 2019-05 | calendar_year | 2019-05-01..2019-05-31 | warn:era_out_of_range"),
    ("令和元年4月1日", "令和元年4月1日 | reiwa 1 | 2019-04-01 | calendar_year | 2019-04-01..2019-04-01 | warn:era_out_of_range"),
    ("明治45年7月30日", "明治45年7月30日 | meiji 45 | 1912-07-30 | calendar_year | 1912-07-30..1912-07-30 | warn:era_out_of_range"),
    ("令和3（2020）年度", "令和3（2020）年度 | reiwa 3 | 2021 | fiscal_year | 2021-04-01..2022-03-31 | warn:era_mismatch"),
    ("当初 (H30) (2019)", "H30 | heisei 30 | 2018 | unspecified | - | warn:era_mismatch"),
    ("H26～H32", "H26～H32 | heisei 26 | 2014 | unspecified | - | until(H32 | heisei 32 | 2020 | unspecified | -) | warn:era_out_of_range"),
];

#[test]
fn every_form_parses_to_the_expected_period() {
    let mut failures = Vec::new();
    for (input, expected) in FORMS {
        match parse_period(input) {
            Ok(parsed) => {
                let got = summary(&parsed);
                if got != *expected {
                    failures.push(format!("{input}\n   got: {got}\n  want: {expected}"));
                }
            }
            Err(e) => failures.push(format!("{input}\n   got error: {e}\n  want: {expected}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} forms differ:\n{}",
        failures.len(),
        FORMS.len(),
        failures.join("\n")
    );
}

#[test]
fn typed_fields_match_the_contract_examples() {
    let p = parse_period("R5年度末").unwrap().period;
    assert_eq!(p.era, Some(Era::Reiwa));
    assert_eq!(p.era_year, Some(5));
    assert_eq!(p.year, 2023);
    assert_eq!(p.basis, Basis::FiscalYear);
    assert_eq!(
        p.start.map(shinchoku_extract::era::Date::iso).as_deref(),
        Some("2024-03-31")
    );
    assert_eq!(
        p.end.map(shinchoku_extract::era::Date::iso).as_deref(),
        Some("2024-03-31")
    );

    let json = serde_json::to_value(parse_period("H26～H30の平均値").unwrap().period).unwrap();
    assert_eq!(json["era"], "heisei");
    assert_eq!(json["basis"], "unspecified");
    assert_eq!(json["aggregate"], "average");
    assert_eq!(json["until"]["era_year"], 30);
    assert_eq!(json["until"]["until"], serde_json::Value::Null);
    assert_eq!(json["point"], serde_json::Value::Null);
}

#[test]
fn warnings_say_what_is_doubtful() {
    let parsed = parse_period("令和3（2020）年度").unwrap();
    assert_eq!(parsed.warnings.len(), 1);
    assert_eq!(
        parsed.warnings[0].message,
        "Reiwa 3 is 2021, but 2020 is printed beside it"
    );

    let parsed = parse_period("H32").unwrap();
    assert_eq!(parsed.warnings[0].code, "era_out_of_range");
    assert!(
        parsed.warnings[0]
            .message
            .contains("Heisei ended on 2019-04-30"),
        "{}",
        parsed.warnings[0].message
    );

    let parsed = parse_period("令和元年4月1日").unwrap();
    assert!(
        parsed.warnings[0]
            .message
            .contains("Reiwa began on 2019-05-01"),
        "{}",
        parsed.warnings[0].message
    );
}

/// `input → (character position, message)`.
const ERRORS: &[(&str, usize, &str)] = &[
    ("令和3年2月29日", 6, "February 2021 has 28 days"),
    ("R3.2.29", 5, "February 2021 has 28 days"),
    ("2023年2月29日", 7, "February 2023 has 28 days"),
    ("2100年2月29日", 7, "February 2100 has 28 days"),
    ("令和3年4月31日", 6, "April 2021 has 30 days"),
    ("令和3年1月32日", 6, "expected a day from 1 to 31, found 32"),
    ("令和3年1月0日", 6, "expected a day from 1 to 31, found 0"),
    ("令和3年13月", 4, "expected a month from 1 to 12, found 13"),
    (
        "令和3年十三月",
        4,
        "expected a month from 1 to 12, found 十三",
    ),
    ("R3.13", 3, "expected a month from 1 to 12, found 13"),
    ("R3.0", 3, "expected a month from 1 to 12, found 0"),
    ("R5.1~13", 5, "expected a month from 1 to 12, found 13"),
    (
        "R0",
        1,
        "era year 0 does not exist: an era's first year is 元 (1)",
    ),
    (
        "平成0年",
        2,
        "era year 0 does not exist: an era's first year is 元 (1)",
    ),
    (
        "令和００年",
        2,
        "era year 0 does not exist: an era's first year is 元 (1)",
    ),
    (
        "平成100年",
        2,
        "expected an era year from 元 (1) to 99, found 100",
    ),
    (
        "R99999999999999999999",
        1,
        "expected an era year from 元 (1) to 99, found 99999999999999999999",
    ),
    // Found by proptest: a range running backwards.
    (
        "R3~一年",
        3,
        "expected the end of the range to come after its start (2021-01-01), found 2019-12-31",
    ),
    (
        "H30～H26",
        4,
        "expected the end of the range to come after its start (2018), found 2014",
    ),
    (
        "R5.6~R5.1",
        5,
        "expected the end of the range to come after its start (2023-06-01), found 2023-01-31",
    ),
    ("現状値（令和3年2月29日）", 10, "February 2021 has 28 days"),
    ("", 0, "expected a date such as"),
    ("NPO", 0, "expected a date such as"),
    ("R&D", 0, "expected a date such as"),
    ("2019", 0, "expected a date such as"),
    ("令和", 0, "expected a date such as"),
];

#[test]
fn impossible_dates_are_errors_that_point_at_the_problem() {
    let mut failures = Vec::new();
    for (input, position, message) in ERRORS {
        match parse_period(input) {
            Ok(parsed) => failures.push(format!("{input}: parsed as {}", summary(&parsed))),
            Err(e) if e.position != *position || !e.message.starts_with(message) => {
                failures.push(format!("{input}: got `{e}`, want at {position}: {message}"));
            }
            Err(_) => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn error_display_reads_as_a_sentence() {
    let e = parse_period("令和3年2月29日").unwrap_err();
    assert_eq!(e.to_string(), "at character 6: February 2021 has 28 days");
}

#[test]
fn giant_era_years_are_cut_short_in_messages() {
    let long = format!("令和{}年", "9".repeat(200));
    let e = parse_period(&long).unwrap_err();
    assert!(e.message.contains("(200 digits)"), "{e}");
    assert!(e.message.len() < 120, "{e}");
}

/// `text → raws found`, errors as `!message`.
const FINDS: &[(&str, &[&str])] = &[
    ("126品 (R元)", &["R元"]),
    ("39.8% (H30)", &["H30"]),
    ("953,404人 (H30 直江津)", &["H30"]),
    (
        "953,404人 (H30 直江津) 1,128,338人 (H30 高田)",
        &["H30", "H30"],
    ),
    (
        "1,240,000人/年 (R4実績) ※R5実績は6月末頃確定予定",
        &["R4", "R5"],
    ),
    ("※R5数値はR6.12確定 見込", &["R5", "R6.12"]),
    ("(H27国勢調査)", &["H27"]),
    ("- <small>(R7国勢調査)</small>", &["R7"]),
    ("1.05 (R5.1~6)", &["R5.1~6"]),
    ("4,246人 (H26～H30の平均値)", &["H26～H30の平均値"]),
    ("令和 3（2021）年度", &["令和 3（2021）年度"]),
    ("1,150人 (H31.4)", &["H31.4"]),
    ("1,056人 (R元.11)", &["R元.11"]),
    ("設立 （R4年）", &["R4年"]),
    ("当初 (H30) (2018)\t前年度 (R1) (2019)", &["H30", "R1"]),
    (
        "本市の人口は、昭和 30（1955）年から昭和 50（1975）年にかけて",
        &["昭和 30（1955）年", "昭和 50（1975）年"],
    ),
    (
        "令和2（2020）年度から令和6（2024）年度まで",
        &["令和2（2020）年度", "令和6（2024）年度"],
    ),
    ("のまま推移した場合、2060 年に総人口は 39,0", &["2060 年"]),
    (
        "令和3年2月29日と令和3年3月1日",
        &["!February 2021 has 28 days", "令和3年3月1日"],
    ),
    // Not dates.
    ("R&D", &[]),
    ("NPO法人", &[]),
    ("H2O", &[]),
    ("SR5000", &[]),
    ("HR", &[]),
    ("30R", &[]),
    ("M", &[]),
    ("T", &[]),
    ("Mサイズ", &[]),
    ("ABC123", &[]),
    ("R5a", &[]),
    ("R0対策", &[]),
    ("R5000", &[]),
    ("2019", &[]),
    ("12019年", &[]),
    ("1,240,000人/年", &[]),
    ("6月末頃確定予定", &[]),
    ("1000年に一度", &[]),
    ("令和の時代", &[]),
    ("明治大学", &[]),
];

#[test]
fn find_periods_finds_dates_inside_text_and_nothing_else() {
    let mut failures = Vec::new();
    for (text, expected) in FINDS {
        let found = find_periods(text);
        let got: Vec<String> = found
            .iter()
            .map(|f| match &f.result {
                Ok(parsed) => {
                    assert_eq!(&text[f.range.clone()], parsed.period.raw, "range of {text}");
                    parsed.period.raw.clone()
                }
                Err(e) => format!("!{}", e.message),
            })
            .collect();
        if got != *expected {
            failures.push(format!("{text}\n   got: {got:?}\n  want: {expected:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn find_periods_errors_point_into_the_searched_text() {
    let text = "前年度 (R1) 令和3年2月29日";
    let found = find_periods(text);
    assert_eq!(found.len(), 2);
    let error = found[1].result.as_ref().unwrap_err();
    assert_eq!(error.position, 15, "{error}");
    assert_eq!(text.chars().nth(error.position), Some('2'));
    assert_eq!(&text[found[1].range.clone()], "令和3年2月29");
}

#[test]
fn find_periods_reports_warnings_with_each_date() {
    let found = find_periods("当初 （H30） （2019） 目標 (R6)");
    assert_eq!(found.len(), 2);
    let first = found[0].result.as_ref().unwrap();
    assert_eq!(first.warnings.len(), 1);
    assert_eq!(first.warnings[0].code, "era_mismatch");
    assert!(found[1].result.as_ref().unwrap().warnings.is_empty());
}

#[test]
fn every_dated_cell_of_the_seeds_is_found() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../../shared/seeds");
    let dir = if dir.exists() {
        dir
    } else {
        std::path::PathBuf::from("/work/shared/seeds")
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: no seeds at {}", dir.display());
        return;
    };
    let mut total = 0;
    for entry in entries.flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for line in text.lines() {
            for found in find_periods(line) {
                let parsed = found.result.unwrap_or_else(|e| panic!("{line}: {e}"));
                assert!(parsed.warnings.is_empty(), "{line}: {:?}", parsed.warnings);
                total += 1;
            }
        }
    }
    // Both seeds are dense with dates (上越 alone has over 60 dated cells).
    assert!(total > 150, "only {total} dates found in the seeds");
}

// A one-line summary of a parsed period, so table tests read as `input → expected`.

/// `raw | era era_year | year[-month[-day]] | basis [end] | start..end [| until(…)] [| average]`
/// followed by `| warn:code,code` when there are warnings.
fn summary(parsed: &Parsed) -> String {
    let mut out = period_summary(&parsed.period);
    if !parsed.warnings.is_empty() {
        let codes: Vec<&str> = parsed.warnings.iter().map(|w| w.code.as_str()).collect();
        out.push_str(" | warn:");
        out.push_str(&codes.join(","));
    }
    out
}

fn period_summary(p: &Period) -> String {
    let era = match (p.era, p.era_year) {
        (Some(era), Some(year)) => format!("{} {year}", era_name(era)),
        (None, None) => "-".to_owned(),
        (era, year) => format!("?{era:?} {year:?}"),
    };
    let date = match (p.month, p.day) {
        (Some(m), Some(d)) => format!("{}-{m:02}-{d:02}", p.year),
        (Some(m), None) => format!("{}-{m:02}", p.year),
        (None, None) => p.year.to_string(),
        (None, Some(d)) => format!("{}-??-{d:02}", p.year),
    };
    let basis = match p.basis {
        Basis::FiscalYear => "fiscal_year",
        Basis::CalendarYear => "calendar_year",
        Basis::Unspecified => "unspecified",
    };
    let point = match p.point {
        Some(Point::End) => " end",
        None => "",
    };
    let span = match (&p.start, &p.end) {
        (Some(s), Some(e)) => format!("{s}..{e}"),
        (None, None) => "-".to_owned(),
        (s, e) => format!(
            "{}..{}",
            s.map_or("?".to_owned(), shinchoku_extract::era::Date::iso),
            e.map_or("?".to_owned(), shinchoku_extract::era::Date::iso)
        ),
    };
    let mut out = format!("{} | {era} | {date} | {basis}{point} | {span}", p.raw);
    if let Some(until) = &p.until {
        out.push_str(&format!(" | until({})", period_summary(until)));
    }
    if let Some(Aggregate::Average) = p.aggregate {
        out.push_str(" | average");
    }
    out
}

fn era_name(era: shinchoku_extract::era::Era) -> &'static str {
    use shinchoku_extract::era::Era;
    match era {
        Era::Meiji => "meiji",
        Era::Taisho => "taisho",
        Era::Showa => "showa",
        Era::Heisei => "heisei",
        Era::Reiwa => "reiwa",
    }
}

#[test]
fn letter_spacing_is_read_only_after_a_spaced_era_name() {
    // `2 7` alone stays two numbers; a spaced 年 度 only after a spaced era name.
    assert!(parse_period("2 7 年").is_err());
    assert_eq!(parse_period("令和5年 度").unwrap().period.raw, "令和5年");
    assert_eq!(
        parse_period("平 成 2 7").unwrap().period.basis,
        Basis::Unspecified
    );
}

mod era_less_fiscal_years {
    use shinchoku_extract::era::{
        find_periods, may_hold_era_less_fiscal_year, parse_period, with_document_eras,
        DocumentEras, Era,
    };

    /// The cheap pre-check says yes wherever the era-less rule reads a year, and no for a
    /// year printed with its era or a Gregorian year.
    #[test]
    fn the_pre_check_never_misses_what_the_rule_reads() {
        let eras = Some(heisei_and_reiwa());
        for text in [
            "26年度",
            "26 年度",
            "(27年度)",
            "715 (26年度)",
            "達成26年度",
            "対象:29年度",
            "H27年度から26年度まで",
            "２６年度",
        ] {
            let read = with_document_eras(eras, || {
                find_periods(text).iter().any(|f| {
                    f.result
                        .as_ref()
                        .is_ok_and(|p| p.period.raw.ends_with("年度"))
                })
            });
            assert!(read, "{text}: the rule reads a year");
            assert!(may_hold_era_less_fiscal_year(text), "{text}");
        }
        for text in [
            "H26年度",
            "平成26年度",
            "令和 5年度",
            "2026年度",
            "R5年度末",
            "26年",
            "126年度",
        ] {
            assert!(!may_hold_era_less_fiscal_year(text), "{text}");
        }
    }

    fn heisei_and_reiwa() -> DocumentEras {
        let mut eras = DocumentEras::default();
        for year in [24, 31, 27] {
            eras.add(Era::Heisei, year);
        }
        eras.add(Era::Reiwa, 2);
        eras.add(Era::Reiwa, 5);
        eras
    }

    #[test]
    fn are_no_date_unless_the_document_has_eras() {
        assert!(
            parse_period("26年度").is_err(),
            "a Gregorian document: never guessed"
        );
        assert!(with_document_eras(None, || parse_period("26年度")).is_err());
    }

    #[test]
    fn take_the_era_whose_printed_years_span_them() {
        let eras = Some(heisei_and_reiwa());
        let p = with_document_eras(eras, || parse_period("26年度"))
            .unwrap()
            .period;
        assert_eq!(
            (p.raw.as_str(), p.era, p.era_year, p.year),
            ("26年度", Some(Era::Heisei), Some(26), 2014)
        );
        let p = with_document_eras(eras, || parse_period("3年度末"))
            .unwrap()
            .period;
        assert_eq!(
            (p.era, p.year, p.end.map(shinchoku_extract::era::Date::iso)),
            (Some(Era::Reiwa), 2021, Some("2022-03-31".into()))
        );
        // 10 lies in no printed span, but only 平成 reaches it from its first year.
        let p = with_document_eras(eras, || parse_period("10年度"))
            .unwrap()
            .period;
        assert_eq!((p.era, p.year), (Some(Era::Heisei), 1998));
        // Past every era's reach (平成 ended in its 31st year; 令和 is printed up to 5).
        assert!(with_document_eras(eras, || parse_period("40年度")).is_err());
        // A bare 年 may be a grade or a duration.
        assert!(with_document_eras(eras, || parse_period("26年")).is_err());
        // The setting ends with the call.
        assert!(parse_period("26年度").is_err());
    }

    #[test]
    fn one_era_reaches_back_to_its_first_year_and_on_to_its_end() {
        let mut eras = DocumentEras::default();
        eras.add(Era::Heisei, 27);
        eras.add(Era::Heisei, 28);
        let p = with_document_eras(Some(eras), || parse_period("26年度"))
            .unwrap()
            .period;
        assert_eq!((p.era, p.year), (Some(Era::Heisei), 2014));
        let p = with_document_eras(Some(eras), || parse_period("31年度"))
            .unwrap()
            .period;
        assert_eq!((p.era, p.year), (Some(Era::Heisei), 2019));
        assert!(with_document_eras(Some(eras), || parse_period("32年度")).is_err());
    }

    #[test]
    fn two_eras_spanning_the_year_are_no_answer() {
        let mut eras = DocumentEras::default();
        eras.add(Era::Showa, 1);
        eras.add(Era::Showa, 60);
        eras.add(Era::Heisei, 2);
        eras.add(Era::Heisei, 30);
        assert!(with_document_eras(Some(eras), || parse_period("26年度")).is_err());
    }
}
