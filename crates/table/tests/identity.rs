//! A document's identity (title and municipality) on small invented reports: a web
//! breadcrumb first line, a table that opens the document, names several prefectures share.

mod common;
use common::run;

use shinchoku_extract::WarningCode;
use shinchoku_table::{reconstruct, Report};

fn code(report: &Report) -> Option<&str> {
    report.info.municipality.as_ref()?.code.as_deref()
}

fn unknown_municipality(report: &Report) -> Vec<&str> {
    report
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::MunicipalityUnknown)
        .map(|w| w.message.as_str())
        .collect()
}

/// A saved press release: the site's path first, the issuer three lines on, after a heading
/// that holds the header word 評価.
const PRESS_RELEASE: &str =
    "ホーム > 県政情報・統計 > 発表資料 > 総合戦略の政策評価の結果を公表します\n\
    \n\
    更新日:2018年9月20日\n\
    \n\
    総合戦略の政策評価の結果を公表します\n\
    \n\
    長野県(企画振興部)プレスリリース平成30年(2018年)9月20日\n\
    \n\
    指標名\t目安値\t実績値\t進捗区分\n\
    就業率\t59.8\t61.2\tA\n";

#[test]
fn a_breadcrumb_gives_its_last_crumb_as_title_and_hides_no_issuer() {
    let r = run(PRESS_RELEASE);
    assert_eq!(
        r.info.title.as_deref(),
        Some("総合戦略の政策評価の結果を公表します")
    );
    assert_eq!(
        code(&r),
        Some("200000"),
        "長野県 is a prefecture in the list"
    );
    assert!(unknown_municipality(&r).is_empty(), "{:?}", r.warnings);
}

#[test]
fn two_crumbs_are_not_a_breadcrumb() {
    let r = run("基本目標 > 施策\n\n指標名\t基準値\t目標値\n就業率\t59.8\t61.2\n");
    assert_eq!(r.info.title.as_deref(), Some("基本目標 > 施策"));
}

#[test]
fn a_table_that_opens_the_document_names_its_body_in_its_cells() {
    let r = run("指標名称(単位)\t基準値\t目標数値\t出典\n\
         良い環境だと思う人の割合(%)\t82.6 (2019年度)\t90.0 (2023年度)\t京都府民の意識調査(京都府)\n\
         行動宣言を行った企業数(社)\t-\t1,500 (2023年度)\t京都府健康福祉部による実態把握\n");
    assert_eq!(code(&r), Some("260002"));
    // Its first line is the table's header, not a title.
    assert_eq!(r.info.title, None);
}

#[test]
fn a_body_named_once_in_the_cells_or_two_bodies_say_nothing() {
    let once = run("指標名称(単位)\t基準値\t目標数値\t出典\n\
         良い環境だと思う人の割合(%)\t82.6\t90.0\t群馬県統計情報システム\n\
         転入者数(人)\t715\t950\t住民基本台帳\n");
    assert_eq!(once.info.municipality, None);
    let two = run("指標名称(単位)\t基準値\t目標数値\t出典\n\
         良い環境だと思う人の割合(%)\t82.6\t90.0\t京都府民の意識調査(京都府)\n\
         転入者数(人)\t715\t950\t前橋市調べ\n");
    assert_eq!(two.info.municipality, None);
    assert_eq!(
        unknown_municipality(&two),
        ["no municipality named in the title or the first page"]
    );
}

#[test]
fn a_shared_name_without_its_prefecture_is_ambiguous_and_says_so() {
    let r = run("府中市まち・ひと・しごと創生総合戦略 進捗状況\n\n指標名\t基準値\t目標値\n転入者数(人)\t715\t950\n");
    let m = r.info.municipality.as_ref().unwrap();
    assert_eq!((m.name.as_str(), m.code.as_deref()), ("府中市", None));
    let messages = unknown_municipality(&r);
    assert_eq!(messages.len(), 1, "{:?}", r.warnings);
    assert!(messages[0].contains("ambiguous"), "{}", messages[0]);
    assert!(
        messages[0].contains("東京都府中市 (132063)")
            && messages[0].contains("広島県府中市 (342084)"),
        "{}",
        messages[0]
    );

    let r = run("伊達市総合戦略 効果検証\n\n令和2年3月 北海道\n\n指標名\t基準値\t目標値\n転入者数(人)\t715\t950\n");
    assert_eq!(
        code(&r),
        Some("012335"),
        "the prefecture on the first page settles it"
    );
    assert!(unknown_municipality(&r).is_empty());
}

#[test]
fn a_town_on_the_first_page_wins_over_its_prefecture_named_before_it() {
    let r = run("事業実施結果報告\n\
         都道府県名\n\
         熊本県\n\
         市町村名\n\
         玉東町\n\
         \n\
         指標名\t目標値\t実績値\n\
         おためし暮らし利用件数(件)\t2\t3\n");
    let m = r.info.municipality.as_ref().unwrap();
    assert_eq!(
        (m.name.as_str(), m.code.as_deref()),
        ("玉東町", Some("433641"))
    );
}

/// A PDF's first page, as the reader gives it: each line's cells (tab-separated here) and
/// its type size (`None` for a table row).
fn pdf_page(rows: &[(&str, Option<f32>)]) -> Vec<shinchoku_extract::Line> {
    rows.iter()
        .enumerate()
        .map(|(i, (text, size))| shinchoku_extract::Line {
            page: Some(1),
            number: i as u32 + 1,
            raw: text.to_string(),
            cells: text
                .split('\t')
                .map(|c| shinchoku_extract::Cell::from_text(c, c))
                .collect(),
            heading: None,
            size: *size,
        })
        .collect()
}

/// The title is the first page's largest type above the table, even under a date and an
/// issuer printed first; a title wrapped over two lines is joined. Without a line that
/// stands out, the first line is the title as before.
#[test]
fn the_largest_type_above_the_table_is_the_title() {
    let lines = pdf_page(&[
        ("令和6年3月", Some(10.5)),
        ("見附市 企画調整課", Some(10.5)),
        ("第2期見附市まち・ひと・しごと創生総合戦略", Some(16.0)),
        ("KPI進捗状況報告書", Some(16.0)),
        (
            "本報告書は、令和5年度の取組の成果をまとめたものです。",
            Some(10.5),
        ),
        ("指標名\t基準値\t実績値\t目標値", None),
        ("市内従業者数(人)\t21,450\t21,880\t22,000", None),
    ]);
    let r = reconstruct(&lines);
    assert_eq!(
        r.info.title.as_deref(),
        Some("第2期見附市まち・ひと・しごと創生総合戦略 KPI進捗状況報告書")
    );
    assert_eq!(code(&r), Some("152111"));

    let flat = pdf_page(&[
        ("令和6年3月", Some(10.5)),
        ("見附市 KPI進捗状況報告書", Some(11.0)),
        ("指標名\t基準値\t実績値\t目標値", None),
        ("市内従業者数(人)\t21,450\t21,880\t22,000", None),
    ]);
    assert_eq!(reconstruct(&flat).info.title.as_deref(), Some("令和6年3月"));

    // Large type that reads as no title (a lone letter) is passed over.
    let initial = pdf_page(&[
        ("見附市 KPI進捗状況報告書", Some(10.5)),
        ("B", Some(24.0)),
        ("指標名\t基準値\t実績値\t目標値", None),
    ]);
    assert_eq!(
        reconstruct(&initial).info.title.as_deref(),
        Some("見附市 KPI進捗状況報告書")
    );
}
