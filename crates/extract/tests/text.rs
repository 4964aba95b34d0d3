//! read_text: lines, line endings, pages, cells, bold markers, and the two seeds.

use shinchoku_extract::{read_text, Format};
use std::time::{Duration, Instant};

const JOETSU: &[u8] = include_bytes!("../../../fixtures/joetsu-kpi-progress-r5.txt");
const KASHIWAZAKI: &[u8] = include_bytes!("../../../fixtures/kashiwazaki-progress-report-r3.txt");

#[test]
fn cells_keep_raw_and_strip_markup_in_text() {
    let doc =
        read_text("項目\t現状値（R5年度末）\n<b>認定農業者数</b>\t842人\n".as_bytes()).unwrap();
    assert_eq!(doc.format, Format::Text);
    assert_eq!(doc.pages, None);
    assert_eq!(doc.lines.len(), 2);
    let line = &doc.lines[1];
    assert_eq!((line.number, line.page), (2, None));
    assert_eq!(line.raw, "<b>認定農業者数</b>\t842人");
    assert_eq!(line.cells[0].raw, "<b>認定農業者数</b>");
    assert_eq!(line.cells[0].text, "認定農業者数");
    assert_eq!(line.cells[1].text, "842人");
}

#[test]
fn empty_cells_are_kept_in_position() {
    let doc = read_text(b"\t\tA\t\t").unwrap();
    let texts: Vec<&str> = doc.lines[0].cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["", "", "A", "", ""]);
}

#[test]
fn lf_crlf_and_lone_cr_all_end_lines() {
    let doc = read_text(b"a\nb\r\nc\rd\r\n\r\ne").unwrap();
    let raws: Vec<&str> = doc.lines.iter().map(|l| l.raw.as_str()).collect();
    assert_eq!(raws, ["a", "b", "c", "d", "", "e"]);
    let numbers: Vec<u32> = doc.lines.iter().map(|l| l.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6]);
}

#[test]
fn trailing_newline_adds_no_line_and_blank_lines_count() {
    let doc = read_text(b"\n\nx\n").unwrap();
    assert_eq!(doc.lines.len(), 3);
    assert_eq!(doc.lines[2].number, 3);
    assert!(doc.lines[0].is_blank());
    assert!(read_text(b"").unwrap().lines.is_empty());
}

#[test]
fn form_feeds_are_page_breaks() {
    // pdftotext style: a form feed after every page, the last one included.
    let doc = read_text(b"p1 a\np1 b\n\x0cp2 a\n\x0cp3 a\n\x0c").unwrap();
    assert_eq!(doc.pages, Some(3));
    let pages: Vec<(u32, Option<u32>, &str)> = doc
        .lines
        .iter()
        .map(|l| (l.number, l.page, l.raw.as_str()))
        .collect();
    assert_eq!(
        pages,
        [
            (1, Some(1), "p1 a"),
            (2, Some(1), "p1 b"),
            (3, Some(2), "p2 a"),
            (4, Some(3), "p3 a"),
            (5, Some(3), ""),
        ]
    );
    assert!(doc.lines.iter().all(|l| !l.raw.contains('\x0c')));
}

#[test]
fn form_feed_inside_a_line_moves_following_lines() {
    let doc = read_text(b"a\x0cb\nc\n").unwrap();
    assert_eq!(doc.pages, Some(2));
    assert_eq!(doc.lines[0].page, Some(1));
    assert_eq!(doc.lines[0].raw, "ab");
    assert_eq!(doc.lines[1].page, Some(2));
}

#[test]
fn bold_markers_are_removed_from_text_only() {
    let doc = read_text(
        "**令和 3（2021）年度\n柏崎市\n進行管理報告書**\n**見出し**\tx **強調** y\n".as_bytes(),
    )
    .unwrap();
    assert_eq!(doc.lines[0].cells[0].text, "令和 3（2021）年度");
    assert_eq!(doc.lines[0].cells[0].raw, "**令和 3（2021）年度");
    assert_eq!(doc.lines[2].cells[0].text, "進行管理報告書");
    assert_eq!(doc.lines[3].cells[0].text, "見出し");
    assert_eq!(doc.lines[3].cells[1].text, "x 強調 y");
    // An unpaired marker in the middle stays (footnote mark).
    let doc = read_text("値 ** 注".as_bytes()).unwrap();
    assert_eq!(doc.lines[0].cells[0].text, "値 ** 注");
}

#[test]
fn shift_jis_input_reads_like_utf8() {
    let text = std::str::from_utf8(JOETSU).unwrap();
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(text);
    assert_eq!(read_text(&sjis).unwrap(), read_text(JOETSU).unwrap());
}

#[test]
fn joetsu_seed_structure() {
    let doc = read_text(JOETSU).unwrap();
    let text = std::str::from_utf8(JOETSU).unwrap();
    assert_eq!(doc.lines.len(), text.lines().count());
    assert_eq!(doc.pages, None);
    for (i, line) in doc.lines.iter().enumerate() {
        assert_eq!(line.number as usize, i + 1);
        assert_eq!(line.cells.len(), line.raw.split('\t').count());
        for cell in &line.cells {
            assert!(
                !cell.text.contains(['<', '>']),
                "markup left in {:?}",
                cell.text
            );
        }
    }
    // The header row and a bold heading.
    let header = doc
        .lines
        .iter()
        .find(|l| l.raw.contains("現状値（R5年度末）"))
        .unwrap();
    assert!(header.cells.iter().any(|c| c.text == "目標（R6）"));
    assert!(doc.lines.iter().any(|l| l
        .cells
        .first()
        .is_some_and(|c| c.text == "A-1 地域産業の活性化")));
    // The project list cell with <ul><li> becomes 13 items.
    let list = doc
        .lines
        .iter()
        .flat_map(|l| &l.cells)
        .find(|c| c.raw.contains("<li>1 田舎体験推進</li>"))
        .unwrap();
    let items: Vec<&str> = list.text.lines().collect();
    assert_eq!(items.len(), 13);
    assert_eq!(items[0], "1 田舎体験推進");
    assert_eq!(items[12], "13 住民組織の基盤強化");
}

#[test]
fn kashiwazaki_seed_structure() {
    let doc = read_text(KASHIWAZAKI).unwrap();
    assert_eq!(doc.lines[2].cells[0].text, "令和 3（2021）年度");
    let formula = doc.lines.iter().find(|l| l.raw == "<算出方法>").unwrap();
    assert_eq!(formula.cells[0].text, "<算出方法>");
    let census = doc
        .lines
        .iter()
        .find(|l| l.raw.contains("<small>(H27国勢調査)</small>"))
        .unwrap();
    assert_eq!(census.cells[2].text, "66.7% (H27国勢調査)");
    // Narrative paragraphs are separated by line breaks.
    let narrative = doc
        .lines
        .iter()
        .flat_map(|l| &l.cells)
        .find(|c| c.raw.starts_with("<p>既存の資源や取組"))
        .unwrap();
    assert_eq!(narrative.text.lines().count(), 3);
}

#[test]
fn many_lines_are_read_in_linear_time() {
    let line = "<b>項目</b>\t1,150人 (H31.4)\t\t<ul><li>1 a</li><li>2 b</li></ul>\n";
    let input = line.repeat(200_000);
    let start = Instant::now();
    let doc = read_text(input.as_bytes()).unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(doc.lines.len(), 200_000);
    assert_eq!(doc.lines[199_999].number, 200_000);
    assert_eq!(doc.lines[199_999].cells[3].text, "1 a\n2 b");
}
