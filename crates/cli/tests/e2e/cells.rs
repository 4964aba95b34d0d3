//! `cells`: page lists and the SVG picture of how a page was read.

use super::*;

/// `cells --pages` takes a list of pages and ranges, as Camelot does.
#[test]
fn cells_pages_takes_lists_and_ranges() {
    let pdf = fixture("joetsu-kpi-progress-r5.pdf");
    let pages_of = |spec: &str| -> std::collections::BTreeSet<String> {
        let o = run(bin().arg("cells").arg(&pdf).args(["--pages", spec]));
        assert!(o.status.success(), "{}", stderr(&o));
        String::from_utf8(o.stdout)
            .unwrap()
            .lines()
            .filter_map(|l| l.split(':').next().filter(|p| p.starts_with('p')))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(pages_of("1"), ["p1".to_string()].into());
    assert_eq!(
        pages_of("1,3-4"),
        ["p1", "p3", "p4"].map(String::from).into()
    );
    for bad in ["0", "3-1", "x", "1,,2"] {
        let o = run(bin().arg("cells").arg(&pdf).args(["--pages", bad]));
        assert_eq!(o.status.code(), Some(2), "{bad}");
    }
}

/// The elements of an SVG by class, after reading it through an XML parser (which fails on
/// a document that is not well-formed): `class → count`, and the text of every `<title>`
/// of a glyph, in order.
fn svg_classes(svg: &[u8]) -> (std::collections::BTreeMap<String, usize>, Vec<String>) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(svg);
    let mut counts = std::collections::BTreeMap::new();
    let mut glyph_texts = Vec::new();
    let (mut in_glyph, mut in_title, mut depth, mut roots) = (false, false, 0usize, 0usize);
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).expect("well-formed XML");
        let class_of = |e: &quick_xml::events::BytesStart| -> Option<String> {
            e.try_get_attribute("class")
                .expect("well-formed attributes")
                .map(|a| a.value.to_string())
        };
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                if depth == 0 {
                    roots += 1;
                    assert_eq!(e.name().as_ref(), "svg", "the root is <svg>");
                }
                if let Some(class) = class_of(e) {
                    let element = e.name().as_ref().to_string();
                    *counts.entry(format!("{element}.{class}")).or_insert(0) += 1;
                    in_glyph |= class == "glyph" && matches!(event, Event::Start(_));
                }
                in_title = e.name().as_ref() == "title";
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                }
            }
            Event::Text(t) if in_glyph && in_title => {
                glyph_texts.push(t.xml10_content().to_string());
            }
            Event::GeneralRef(r) if in_glyph && in_title => {
                glyph_texts.push(format!("&{};", &**r));
            }
            Event::End(e) => {
                depth -= 1;
                if e.name().as_ref() == "rect" {
                    in_glyph = false;
                }
                in_title = false;
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    assert_eq!(
        (roots, depth),
        (1, 0),
        "one root element, every element closed"
    );
    (counts, glyph_texts)
}

/// `cells --page N --svg OUT` draws how the page was read. Page 1 of the borderless 上越
/// report (LibreOffice, no borders): its text is 1,050 characters besides white space
/// (`pdftotext -f 1 -l 1` prints them; the title, the header, the headings, 11 KPI rows
/// and their projects), one glyph box each. One table region: columns 項目, 戦略策定時,
/// 現状値, 目標 and 主な具体的事業 stand over their values, and the three narrow label
/// columns at the left (政策分野, 基本的方向性, 具体的施策) hold nothing but the headings
/// that start at the left edge, so they make one column: 6. Its rows: the 17 table rows
/// below the header (6 headings: 分野1, A-1, A-1-1, A-1-2, A-1-3, A-1-4; 2 headline KPIs
/// and 9 KPIs) and the header's five text lines, each a band of its own since its
/// fragments are stacked (政策分野 beside 基本的方 / 向性): 22.
#[test]
fn cells_svg_draws_glyphs_columns_and_rows() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("page1.svg");
    let pdf = fixture("borderless/joetsu-kpi-progress-r5.none.lo.pdf");
    let o = run(bin()
        .arg("cells")
        .arg(&pdf)
        .args(["--page", "1", "--svg"])
        .arg(&svg));
    assert!(o.status.success(), "{}", stderr(&o));
    // The cells of that page are printed as without --svg.
    let plain = run(bin().arg("cells").arg(&pdf).args(["--page", "1"]));
    assert_eq!(o.stdout, plain.stdout);
    let bytes = std::fs::read(&svg).unwrap();
    let (counts, glyph_texts) = svg_classes(&bytes);
    let count = |k: &str| counts.get(k).copied().unwrap_or(0);
    assert_eq!(count("rect.glyph"), 1050, "{counts:?}");
    assert_eq!(
        glyph_texts.len(),
        1050,
        "every glyph box names its character"
    );
    assert!(glyph_texts.concat().contains("メイド・イン上越認証品数"));
    assert_eq!(count("g.region"), 1, "{counts:?}");
    assert_eq!(count("rect.region"), 1, "{counts:?}");
    assert_eq!(count("rect.column"), 6, "{counts:?}");
    assert_eq!(count("rect.row"), 22, "{counts:?}");
    // The same page gives the same bytes.
    let again = dir.path().join("again.svg");
    let o = run(bin()
        .arg("cells")
        .arg(&pdf)
        .args(["--page", "1", "--svg"])
        .arg(&again));
    assert!(o.status.success());
    assert_eq!(bytes, std::fs::read(&again).unwrap());
}

/// `--svg` needs one page of a PDF: anything else is a one-line usage error.
#[test]
fn cells_svg_needs_one_pdf_page() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("out.svg");
    let pdf = fixture("borderless/joetsu-kpi-progress-r5.none.lo.pdf");
    for (input, pages) in [
        (pdf.clone(), None),
        (pdf.clone(), Some("1-2")),
        (pdf.clone(), Some("99")),
        (fixture("sample-city-kpi-r4.txt"), Some("1")),
    ] {
        let mut cmd = bin();
        cmd.arg("cells").arg(&input).arg("--svg").arg(&svg);
        if let Some(p) = pages {
            cmd.args(["--page", p]);
        }
        let o = run(&mut cmd);
        assert_eq!(o.status.code(), Some(2), "{input:?} {pages:?}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("error: "), "{err}");
        assert!(!svg.exists(), "nothing written for {input:?} {pages:?}");
    }
}
