//! Cell reading with dates mocked out, so these tests check this module's logic alone
//! (tests/values.rs runs the same forms through the real normalizer and era parser).

use std::ops::Range;

use shinchoku_extract::era::{Basis, Era, Period};
use shinchoku_extract::normalize::normalize;

use super::build::absorb_groups;
use super::*;
use crate::model::{Comparator, Normalized, Number};

/// A small stand-in for `era::find_periods`: `H30`, `R元`, `R5.1~6`, `H26~H30`, `R4年`.
fn mock_dates(text: &str) -> Vec<(Range<usize>, Period)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let boundary = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_ascii_alphanumeric());
        if let (true, Some((period, len))) = (boundary, mock_one(rest)) {
            out.push((i..i + len, period));
            i += len;
            continue;
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    out
}

fn mock_one(s: &str) -> Option<(Period, usize)> {
    let (era, base) = match s.as_bytes().first()? {
        b'H' => (Era::Heisei, 1988),
        b'R' => (Era::Reiwa, 2018),
        b'S' => (Era::Showa, 1925),
        _ => return None,
    };
    let mut j = 1;
    let era_year = if s[j..].starts_with('元') {
        j += '元'.len_utf8();
        1
    } else {
        let digits = s[j..].bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let n = s[j..j + digits].parse().ok()?;
        j += digits;
        n
    };
    let mut month = None;
    let mut basis = Basis::Unspecified;
    if s[j..].starts_with('.') {
        let digits = s[j + 1..].bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            month = s[j + 1..j + 1 + digits].parse().ok();
            j += 1 + digits;
            basis = Basis::CalendarYear;
        }
    }
    let mut until = None;
    if s[j..].starts_with('~') {
        if let Some((p, len)) = mock_one(&s[j + 1..]) {
            until = Some(Box::new(p));
            j += 1 + len;
        } else {
            let digits = s[j + 1..].bytes().take_while(u8::is_ascii_digit).count();
            j += 1 + digits;
        }
    }
    for suffix in ["年度", "年"] {
        if s[j..].starts_with(suffix) {
            j += suffix.len();
            basis = if suffix == "年度" {
                Basis::FiscalYear
            } else {
                Basis::CalendarYear
            };
            break;
        }
    }
    let period = Period {
        raw: s[..j].to_string(),
        era: Some(era),
        era_year: Some(era_year),
        year: base + era_year,
        month,
        day: None,
        basis,
        point: None,
        start: None,
        end: None,
        until,
        aggregate: None,
    };
    Some((period, j))
}

fn cell(text: &str) -> CellValue {
    parse_normalized(text, None, &mock_dates)
}

fn number(v: &Value) -> &Number {
    match v {
        Value::Number(n) => n,
        other => panic!("expected a number, got {other:?}"),
    }
}

fn parts(v: &Value) -> &[Part] {
    match v {
        Value::Parts { parts } => parts,
        other => panic!("expected parts, got {other:?}"),
    }
}

fn text(v: &Value) -> &str {
    match v {
        Value::Text { text } => text,
        other => panic!("expected text, got {other:?}"),
    }
}

fn raw(p: &Option<Period>) -> Option<&str> {
    p.as_ref().map(|p| p.raw.as_str())
}

#[test]
fn number_with_its_own_date() {
    let c = cell("126品 (R元)");
    let n = number(&c.value);
    assert_eq!((n.number, n.decimal.as_str()), (126.0, "126"));
    assert_eq!(n.unit.as_deref(), Some("品"));
    assert_eq!(raw(&c.period), Some("R元"));
    assert!(c.notes.is_empty());
}

#[test]
fn remark_dates_never_date_the_value() {
    let c = cell("589,989百万円 (R3) ※R4実績は未確定");
    assert_eq!(raw(&c.period), Some("R3"));
    assert_eq!(c.notes, ["※R4実績は未確定"]);
    let n = number(&c.value);
    assert_eq!(
        n.normalized.as_ref().map(|x| x.number),
        Some(589_989_000_000.0)
    );
    let c = cell("2,970,209人/年 (R4) ※R5数値はR6.12確定 見込");
    assert_eq!(raw(&c.period), Some("R4"));
    assert_eq!(c.notes, ["※R5数値はR6.12確定 見込"]);
}

#[test]
fn qualified_dates_are_dates() {
    let c = cell("1,240,000人/年 (R4実績) ※R5実績は6月末頃確定予定");
    assert_eq!(raw(&c.period), Some("R4"));
    assert_eq!(c.notes, ["※R5実績は6月末頃確定予定"]);
    let c = cell("4,246人 (H26~H30の平均値)");
    assert_eq!(raw(&c.period), Some("H26~H30"));
    assert!(c.notes.is_empty());
}

#[test]
fn source_notes_date_the_value_and_stay_notes() {
    let c = cell("66.7% (H27国勢調査)");
    assert_eq!(number(&c.value).decimal, "66.7");
    assert_eq!(raw(&c.period), Some("H27"));
    assert_eq!(c.notes, ["(H27国勢調査)"]);
    let c = cell("- (R2国勢調査)");
    assert_eq!(c.value, Value::Missing);
    assert_eq!(raw(&c.period), Some("R2"));
    assert_eq!(c.notes, ["(R2国勢調査)"]);
}

#[test]
fn reference_notes_and_the_date_after_them() {
    let c = cell("54.1% (参考:依頼会員 516人、提供会員 279人) (H31.3)");
    assert_eq!(number(&c.value).decimal, "54.1");
    assert_eq!(raw(&c.period), Some("H31.3"));
    assert_eq!(c.notes, ["(参考:依頼会員 516人、提供会員 279人)"]);
    let c = cell("45.7% (依頼会員595人、提供会員272人)");
    assert_eq!(number(&c.value).decimal, "45.7");
    assert_eq!(c.period, None);
    assert_eq!(c.notes, ["(依頼会員595人、提供会員272人)"]);
}

#[test]
fn totals_with_breakdowns_in_the_same_unit_are_parts() {
    let c = cell("3,034人/日 (ほくほく線: 1,395人/日 (H30) トキ鉄: 1,639人/日 (H30))");
    let p = parts(&c.value);
    assert_eq!(p.len(), 3);
    assert_eq!(
        (p[0].label.as_deref(), number(&p[0].value).number),
        (None, 3034.0)
    );
    assert_eq!(p[0].period, None);
    assert_eq!(p[1].label.as_deref(), Some("ほくほく線"));
    assert_eq!(number(&p[1].value).unit.as_deref(), Some("人/日"));
    assert_eq!(raw(&p[1].period), Some("H30"));
    assert_eq!(p[2].label.as_deref(), Some("トキ鉄"));
    assert_eq!(number(&p[2].value).number, 1639.0);
    assert_eq!(raw(&c.period), Some("H30"));
    assert!(c.notes.is_empty());

    let c = cell(
        "2,236人/日 (ほくほく線: 1,011人/日 トキ鉄: 1,325人/日) (R4) ※R5実績については7月頃把握予定",
    );
    let p = parts(&c.value);
    assert_eq!(p.len(), 3);
    assert_eq!(number(&p[0].value).number, 2236.0);
    assert!(p.iter().all(|p| p.period.is_none()));
    assert_eq!(raw(&c.period), Some("R4"));
    assert_eq!(c.notes, ["※R5実績については7月頃把握予定"]);
}

#[test]
fn breakdowns_in_another_unit_stay_notes() {
    let c = cell("45.7% (依頼会員595人、提供会員272人)");
    assert_eq!(number(&c.value).decimal, "45.7");
    assert_eq!(c.notes, ["(依頼会員595人、提供会員272人)"]);
    let c = cell("45.7% (依頼会員 595人 提供会員 272人)");
    assert_eq!(number(&c.value).decimal, "45.7");
    assert_eq!(c.notes, ["(依頼会員 595人 提供会員 272人)"]);
    // A breakdown inside a breakdown is not read further: it stays a note.
    let c = cell("100人 (A: 60人 (B: 10人 C: 50人) D: 40人)");
    assert_eq!(parts(&c.value).len(), 3);
    assert_eq!(c.notes, ["(B: 10人 C: 50人)"]);
}

#[test]
fn labelled_parts_with_dates() {
    let c = cell("953,404人 (H30 直江津) 1,128,338人 (H30 高田)");
    let p = parts(&c.value);
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].label.as_deref(), Some("直江津"));
    assert_eq!(p[1].label.as_deref(), Some("高田"));
    assert_eq!(number(&p[1].value).number, 1_128_338.0);
    assert_eq!(raw(&p[0].period), Some("H30"));
    assert_eq!(raw(&c.period), Some("H30"));
    assert!(c.notes.is_empty());

    let c = cell("954,000人以上 (直江津) 1,129,000人以上 (高田)");
    let p = parts(&c.value);
    assert_eq!(p[0].label.as_deref(), Some("直江津"));
    assert_eq!(number(&p[0].value).comparator, Some(Comparator::AtLeast));
    assert_eq!(c.period, None);
}

#[test]
fn a_date_after_several_values_dates_the_cell() {
    let c = cell("14組・19人 (H30)");
    let p = parts(&c.value);
    assert_eq!(p.len(), 2);
    assert_eq!(
        (p[0].label.clone(), number(&p[0].value).unit.as_deref()),
        (None, Some("組"))
    );
    assert_eq!(number(&p[1].value).unit.as_deref(), Some("人"));
    assert!(p.iter().all(|p| p.period.is_none()));
    assert_eq!(raw(&c.period), Some("H30"));

    let c = cell("小学6年生88.2% 中学3年生84.5% (H29)");
    let p = parts(&c.value);
    assert_eq!(p[0].label.as_deref(), Some("小学6年生"));
    assert_eq!(p[1].label.as_deref(), Some("中学3年生"));
    assert_eq!(raw(&c.period), Some("H29"));
}

#[test]
fn labels_printed_apart_or_with_colons() {
    let c = cell("小学6年生 95.0% 中学3年生 90.0%");
    let p = parts(&c.value);
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].label.as_deref(), Some("小学6年生"));
    assert_eq!(number(&p[0].value).decimal, "95.0");
    let c = cell(
        "小学校・国語:50.0 小学校・算数:50.2 中学校・国語:48.7 中学校・数学:48.0 中学校・英語:46.8",
    );
    let p = parts(&c.value);
    assert_eq!(p.len(), 5);
    assert_eq!(p[4].label.as_deref(), Some("中学校・英語"));
    assert_eq!(number(&p[3].value).decimal, "48.0");
    assert_eq!(number(&p[3].value).unit, None);
    // A label that reads as a count (`3歳児`) before a figure in the parts' unit.
    let c = cell("1歳6か月児 98.0% 3歳児 98.0%");
    let p = parts(&c.value);
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].label.as_deref(), Some("1歳6か月児"));
    assert_eq!(p[1].label.as_deref(), Some("3歳児"));
    assert_eq!(number(&p[1].value).decimal, "98.0");
    assert_eq!(number(&p[1].value).unit.as_deref(), Some("%"));
    // Not when no part is labelled that way: a count and a share stay two values.
    let c = cell("3人 50.0%");
    assert_eq!(parts(&c.value).len(), 2);
    assert_eq!(parts(&c.value)[0].label, None);
}

#[test]
fn sentences_are_text_with_their_trailing_date() {
    let c = cell(
        "中学校2年英語のみ全国平均と同程度であるが、他は全学年・全教科で全国平均を上回る。(H30)",
    );
    assert_eq!(
        text(&c.value),
        "中学校2年英語のみ全国平均と同程度であるが、他は全学年・全教科で全国平均を上回る。"
    );
    assert_eq!(raw(&c.period), Some("H30"));
    let c = cell("市内12の組織において中山間地域の活性化に向けた取組が行われている状態 (H30)");
    assert!(text(&c.value).ends_with("状態"));
    assert_eq!(raw(&c.period), Some("H30"));
    let c = cell("設立 (R4年)");
    assert_eq!(text(&c.value), "設立");
    assert_eq!(raw(&c.period), Some("R4年"));
    assert_eq!(text(&cell("10~20件").value), "10~20件");
    assert_eq!(
        text(&cell("前年度より10人増加").value),
        "前年度より10人増加"
    );
}

#[test]
fn missing_forms() {
    for s in ["-", "－", "―", "—", "‐", "", "  ", "ー"] {
        assert_eq!(cell(s).value, Value::Missing, "{s:?}");
    }
}

#[test]
fn scaled_units_and_hints() {
    let c = parse_normalized("1.2万人", None, &mock_dates);
    let n = number(&c.value);
    assert_eq!(
        n.normalized,
        Some(Normalized {
            number: 12000.0,
            unit: "人".into()
        })
    );
    let c = parse_normalized("345", Some("人"), &mock_dates);
    assert_eq!(number(&c.value).unit.as_deref(), Some("人"));
    let c = parse_normalized("2,818", Some("千円"), &mock_dates);
    assert_eq!(
        number(&c.value).normalized.as_ref().map(|n| n.number),
        Some(2_818_000.0)
    );
    let c = parse_normalized("36.2%", Some("人"), &mock_dates);
    assert_eq!(number(&c.value).unit.as_deref(), Some("%"));
    // A compound amount is resolved into its base unit (contract): no scale left to
    // normalize.
    let c = cell("12億3,400万円");
    let n = number(&c.value);
    assert_eq!(
        (n.decimal.as_str(), n.unit.as_deref()),
        ("1234000000", Some("円"))
    );
    assert_eq!(n.number, 1_234_000_000.0);
    assert_eq!(n.normalized, None);
}

#[test]
fn strict_bounds_are_comparators() {
    let c = cell("10人未満");
    assert_eq!(number(&c.value).comparator, Some(Comparator::LessThan));
    assert!(c.notes.is_empty());
    let c = cell("10人 超");
    assert_eq!(number(&c.value).comparator, Some(Comparator::MoreThan));
    let c = cell("42.2% 以上");
    assert_eq!(number(&c.value).comparator, Some(Comparator::AtLeast));
}

#[test]
fn approximate_printed_apart() {
    assert!(number(&cell("約 32,000件/年").value).approximate);
    assert!(number(&cell("50人 程度").value).approximate);
}

#[test]
fn hints_are_cleaned() {
    assert_eq!(clean_hint("(単位:百万円)").as_deref(), Some("百万円"));
    assert_eq!(clean_hint("(人)").as_deref(), Some("人"));
    assert_eq!(clean_hint("単位 は 人"), None);
}

#[test]
fn units_in_names() {
    assert_eq!(unit_in_name("新規雇用者数(人)").as_deref(), Some("人"));
    assert_eq!(unit_in_name("割合(%)").as_deref(), Some("%"));
    assert_eq!(unit_in_name("販売額(千円)").as_deref(), Some("千円"));
    assert_eq!(
        unit_in_name("販売額(単位:百万円)").as_deref(),
        Some("百万円")
    );
    assert_eq!(unit_in_name("認証品数(累計)"), None);
    assert_eq!(unit_in_name("件数(総数)"), None);
    assert_eq!(unit_in_name("合計特殊出生率"), None);
    // As printed: full-width brackets, white space after, a bracket closing a circled
    // number's premapped form; none ends in a character normalization keeps.
    assert_eq!(unit_in_name("新規雇用者数（人）").as_deref(), Some("人"));
    assert_eq!(unit_in_name("割合（％）\u{3000}").as_deref(), Some("%"));
    assert_eq!(unit_in_name("販売額﹙千円﹚").as_deref(), Some("千円"));
    assert_eq!(unit_in_name("順位①"), None);
}

#[test]
fn cells_holding_only_a_date_or_a_remark_are_text() {
    let c = cell("R5年度");
    assert_eq!(text(&c.value), "R5年度");
    assert_eq!(raw(&c.period), Some("R5年度"));
    assert!(c.notes.is_empty());
    let c = cell("(累計)");
    assert_eq!(text(&c.value), "(累計)");
    assert_eq!(c.period, None);
}

#[test]
fn a_leading_date_dates_the_value() {
    let c = cell("R4年 100人");
    assert_eq!(number(&c.value).number, 100.0);
    assert_eq!(raw(&c.period), Some("R4年"));
}

/// The fast paths against the plain code they replaced: `parse_number` without a String of
/// digits, `join_label` without a list when no words precede the value, and the date-only
/// group classification atoms use.
mod fast_paths {
    use super::*;
    use proptest::prelude::*;

    fn parse_number_plain(token: &str) -> Option<Decimal> {
        let (int, frac) = token.split_once('.').unwrap_or((token, ""));
        if frac.contains(['.', ',']) || (int.is_empty() && frac.is_empty()) {
            return None;
        }
        if frac.is_empty() && token.ends_with('.') {
            return None;
        }
        let digits = if int.contains(',') {
            let mut groups = int.split(',');
            let first = groups.next().unwrap_or("");
            if first.is_empty() || first.len() > 3 || groups.clone().any(|g| g.len() != 3) {
                return None;
            }
            int.replace(',', "")
        } else {
            int.to_string()
        };
        Decimal::parse_unsigned(&digits, frac)
    }

    fn join_label_plain(words: &[&str], glued: Option<String>) -> Option<Option<String>> {
        let mut parts: Vec<&str> = words.iter().map(|w| w.trim_end_matches(':')).collect();
        if let Some(g) = glued.as_deref() {
            parts.push(g);
        }
        parts.retain(|p| !p.is_empty());
        if parts.is_empty() {
            return Some(None);
        }
        let label = parts.join(" ");
        atom::is_valid_label(&label).then_some(Some(label))
    }

    #[test]
    fn parse_number_matches_the_plain_form() {
        let long = format!("000,{}1", "000,".repeat(30));
        for s in [
            "1,234.5",
            "0",
            "",
            ".",
            "1.",
            ".5",
            "1,23",
            "12,345,678",
            &long,
            "1234,567",
            ",123",
            "1,",
            "1,,234",
            "1,2a4",
            "12a",
            "0.05",
            "000.000",
            "007",
            &"9".repeat(30),
            &"9".repeat(31),
            &format!("{}.{}", "0".repeat(40), "1".repeat(30)),
            &format!("0.{}", "0".repeat(31)),
        ] {
            assert_eq!(atom::parse_number(s), parse_number_plain(s), "{s}");
        }
        proptest!(|(s in "[0-9,.]{0,80}")| {
            prop_assert_eq!(atom::parse_number(&s), parse_number_plain(&s));
        });
        // Mostly well-formed numbers, so that the digit paths (not only rejections) are hit.
        proptest!(|(s in "(0|[1-9][0-9]{0,2}(,[0-9]{3}){0,12}|[0-9]{1,40})(\\.[0-9]{0,35})?[,a]?")| {
            prop_assert_eq!(atom::parse_number(&s), parse_number_plain(&s));
        });
    }

    fn split_remark_plain(text: &str) -> (&str, Option<&str>) {
        let mut depth = 0usize;
        for (i, c) in text.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                '※' if depth == 0 => {
                    let remark = text[i..].trim();
                    return (text[..i].trim_end(), (!remark.is_empty()).then_some(remark));
                }
                _ => {}
            }
        }
        (text, None)
    }

    #[test]
    fn is_dash_matches_the_plain_form() {
        let plain = |text: &str| {
            let count = text.chars().count();
            (1..=3).contains(&count) && text.chars().all(is_dash_mark)
        };
        proptest!(|(s in "[-－ー―a1 ]{0,6}")| {
            prop_assert_eq!(is_dash(&s), plain(&s));
        });
    }

    #[test]
    fn split_remark_matches_the_plain_form() {
        // `…` and `‐` share the lead byte E2 with `※`.
        proptest!(|(s in "[(). a※…‐1人]{0,20}")| {
            prop_assert_eq!(split_remark(&s), split_remark_plain(&s));
        });
        for s in ["", "※", "10人 ※注", "(※)※", ")※ x", "…※…"] {
            assert_eq!(split_remark(s), split_remark_plain(s), "{s}");
        }
    }

    #[test]
    fn join_label_matches_the_plain_form() {
        for g in [
            None,
            Some(""),
            Some("小学6年生"),
            Some("を含む"),
            Some("10~"),
        ] {
            let g = g.map(str::to_string);
            assert_eq!(
                join_label(&[], g.as_deref()),
                join_label_plain(&[], g.clone())
            );
            assert_eq!(
                join_label(&["国語:"], g.as_deref()),
                join_label_plain(&["国語:"], g)
            );
        }
        proptest!(|(g in proptest::option::of("[a-z1:~を小学 ]{0,25}"))| {
            prop_assert_eq!(join_label(&[], g.as_deref()), join_label_plain(&[], g.clone()));
        });
    }

    #[test]
    fn dated_group_classification_agrees_with_classify_group() {
        for s in [
            "H30",
            "R4実績",
            "",
            "※注",
            "参考:R4",
            "事業者",
            "直江津",
            "H30 直江津",
            "H27国勢調査",
            "R5年度",
            "10人",
            "H26~H30",
            "H30 R1",
        ] {
            let full = tokens::classify_group(s, &mock_dates);
            let dated = tokens::classify_dated_group(s, &mock_dates);
            match dated {
                Some(kind) => assert_eq!(kind, full, "{s}"),
                None => assert!(
                    mock_dates(s.trim()).is_empty()
                        && matches!(full, GroupKind::Label(_) | GroupKind::Note(None)),
                    "{s}"
                ),
            }
        }
        proptest!(|(s in "[HR0-9 年度実績直江津調査※~.]{0,12}")| {
            let full = tokens::classify_group(&s, &mock_dates);
            match tokens::classify_dated_group(&s, &mock_dates) {
                Some(kind) => prop_assert_eq!(kind, full),
                None => prop_assert!(mock_dates(s.trim()).is_empty()
                    && matches!(full, GroupKind::Label(_) | GroupKind::Note(None))),
            }
        });
    }

    /// Which group dated an item before [`dating_group`] named it: the first date of each
    /// rank, then the best rank.
    fn absorb_groups_plain(
        groups: &[(&GroupKind, &str)],
        period: &mut Option<Period>,
        notes: &mut Vec<String>,
    ) {
        let mut ranked: [Option<&Period>; 4] = [None; 4];
        for (kind, text) in groups {
            let (rank, p) = match kind {
                GroupKind::Date(p) => (0, Some(p)),
                GroupKind::DateLabel(p, _) => (1, Some(p)),
                GroupKind::SourceNote(p) => (2, Some(p)),
                GroupKind::Note(p) => (3, p.as_ref()),
                GroupKind::Label(_) => (3, None),
            };
            if rank > 0 {
                notes.push((*text).to_string());
            }
            if ranked[rank].is_none() {
                ranked[rank] = p;
            }
        }
        if period.is_none() {
            *period = ranked.iter().flatten().next().map(|p| (*p).clone());
        }
    }

    /// Cells of the shapes [`read_single_value`] reads and near misses (labels, words,
    /// leading groups, dates as atoms, breakdowns, compounds, several values).
    fn cell_shapes() -> impl Strategy<Value = String> {
        let atoms = prop::sample::select(vec![
            "39.8%",
            "1.51",
            "33,097個/年",
            "約32,000件/年",
            "約",
            "-",
            "－",
            "ー",
            "--",
            "-5",
            "−3.5%",
            "△3.5",
            "▲1,200千円",
            "+2.0",
            "+",
            "50人程度",
            "10人未満",
            "5件超",
            "295/年以下",
            "10人以上以下",
            "100m2",
            "12億3,400万円",
            "第3位",
            "約第3位",
            "およそ5人",
            "概ね5人",
            "2019年",
            "2019年度",
            "約2019年",
            "-2019年度",
            "R4実績",
            "H30",
            "R5年度末",
            "14組・19人",
            "小学6年生88.2%",
            "国語:50.0",
            "1,2345人",
            "10~20件",
            "A-1",
            "設立",
            "1.",
            "1.5.人",
            "589,989百万円",
            "3,034人/日",
            "以上",
            "程度",
            ":",
            "1,128,338人",
        ]);
        let groups = prop::sample::select(vec![
            "(H30)",
            "(R元)",
            "(R4実績)",
            "(H26~H30の平均値)",
            "(R2国勢調査)",
            "(H27国勢調査)",
            "(直江津)",
            "(H30 直江津)",
            "(参考:R4)",
            "(※注)",
            "()",
            "(2018)",
            "(R5.3末)",
            "(1,395人)",
            "(依頼会員595人、提供会員272人)",
            "(ほくほく線: 1,395人/日 (H30) トキ鉄: 1,639人/日 (H30))",
            "(ほくほく線: 1,395人/日 トキ鉄: 1,639人/日)",
            "(a: 1人 b: 2人)",
            "(H30 R1)",
            "(令和5年3月末)",
            "(R5)",
        ]);
        let piece = prop_oneof![
            3 => groups.prop_map(str::to_string),
            1 => atoms.clone().prop_map(str::to_string),
        ];
        let sep = prop::sample::select(vec![" ", "", "　"]);
        (
            atoms,
            prop::collection::vec((sep, piece), 0..5),
            prop::option::of(prop::sample::select(vec!["※R4実績は未確定", "※注"])),
        )
            .prop_map(|(first, rest, remark)| {
                let mut cell = first.to_string();
                for (sep, piece) in rest {
                    cell.push_str(sep);
                    cell.push_str(&piece);
                }
                if let Some(remark) = remark {
                    cell.push(' ');
                    cell.push_str(remark);
                }
                cell
            })
    }

    #[test]
    fn single_value_path_agrees_with_the_general_path() {
        let finders: [DateFinder<'_>; 2] = [&mock_dates, &era_dates];
        let check = |text: &str, hint: Option<&str>| {
            let normalized = normalize(text);
            let core = normalized.trim();
            for find_dates in finders {
                for depth in [Depth::Cell, Depth::Breakdown] {
                    let fast = read_core(core, hint, find_dates, depth);
                    let general = read_general(core, hint, find_dates, depth);
                    assert_eq!(fast, general, "{text:?} {hint:?} {depth:?}");
                }
            }
        };
        for text in [
            "39.8%",
            "39.8% (H30)",
            "39.8%(H30)",
            "33,097個/年",
            "1.51",
            "-",
            "- (R2国勢調査)",
            "約32,000件/年",
            "953,404人 (H30 直江津) 1,128,338人 (H30 高田)",
            "3,034人/日 (ほくほく線: 1,395人/日 (H30) トキ鉄: 1,639人/日 (H30))",
            "45.7% (依頼会員595人、提供会員272人)",
            "126品 (R元) (参考:R4) (H30 直江津) (直江津)",
            "",
            "(H30)",
            "約",
        ] {
            check(text, None);
            check(text, Some("人"));
        }
        proptest!(|(text in cell_shapes(), hint in prop::option::of(prop::sample::select(vec!["人", "千円", "%"])))| {
            check(&text, hint);
        });
    }

    #[test]
    fn dating_group_picks_what_the_ranked_search_picked() {
        let p = |raw: &str| mock_one(raw).expect("a mock date").0;
        let kinds = [
            GroupKind::Date(p("H30")),
            GroupKind::Date(p("R1")),
            GroupKind::DateLabel(p("H29"), "直江津".to_string()),
            GroupKind::DateLabel(p("H28"), "高田".to_string()),
            GroupKind::SourceNote(p("H27")),
            GroupKind::SourceNote(p("H26")),
            GroupKind::Note(None),
            GroupKind::Note(Some(p("H25"))),
            GroupKind::Label("直江津".to_string()),
        ];
        let texts = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
        proptest!(|(picks in prop::collection::vec(0..kinds.len(), 0..6), dated in any::<bool>())| {
            let groups: Vec<(&GroupKind, &str)> =
                picks.iter().map(|&i| (&kinds[i], texts[i])).collect();
            let start = dated.then(|| p("S60"));
            let (mut period, mut notes) = (start.clone(), vec!["x".to_string()]);
            absorb_groups(&groups, &mut period, &mut notes);
            let (mut plain_period, mut plain_notes) = (start, vec!["x".to_string()]);
            absorb_groups_plain(&groups, &mut plain_period, &mut plain_notes);
            prop_assert_eq!(period, plain_period);
            prop_assert_eq!(notes, plain_notes);
        });
    }
}
