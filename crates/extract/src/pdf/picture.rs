//! A picture of how one page was read (`shinchoku cells FILE --page N --svg OUT.svg`),
//! as pdfplumber's visual debugging draws it: the glyph boxes, the rulings, and for every
//! table region its columns and its row bands. People debug a layout by looking at it.
//!
//! The SVG is written by hand (a few element kinds; no drawing crate): coordinates in PDF
//! points with the page's top-left origin, printed with two decimals, so the same page
//! gives the same bytes. Every element has a class saying what it is (`glyph`, `rule`,
//! `region`, `column`, `row`), so a test or a script can count them.

use std::fmt::Write;

use super::backend::{Glyph, PdfBackend, Rule};
use super::layout::layout_page_traced;
pub use super::layout::TableRegion;
use super::{quality, with_fallback, PdfOptions};
use crate::ExtractError;

/// One page as read: its size, glyphs, rulings and table regions.
#[derive(Debug, Clone, PartialEq)]
pub struct PagePicture {
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    pub regions: Vec<TableRegion>,
}

/// Read page `page` (from 1) of a PDF as the extraction does, keeping what it found.
/// The backends are tried as [`super::read_pdf`] tries them.
pub fn picture_page(
    bytes: &[u8],
    opts: &PdfOptions,
    page: u32,
) -> Result<PagePicture, ExtractError> {
    with_fallback(opts, |backend| picture_with(backend, bytes, opts, page))
}

fn picture_with(
    backend: &dyn PdfBackend,
    bytes: &[u8],
    opts: &PdfOptions,
    page: u32,
) -> Result<PagePicture, ExtractError> {
    let doc = backend.open(bytes, opts.password.as_deref())?;
    let pages = doc.page_count();
    if let Some(max) = opts.max_pages {
        if pages > max as usize {
            return Err(ExtractError::TooManyPages { pages, max });
        }
    }
    let index = (page as usize)
        .checked_sub(1)
        .filter(|&i| i < pages)
        .ok_or_else(|| ExtractError::Pdf(format!("no page {page} (the PDF has {pages})")))?;
    let mut content = doc.page(index)?;
    // What the reading drops (glyphs without a Unicode mapping) is not drawn either.
    let flags = quality::unmapped_flags(&content.glyphs);
    let mut keep = flags.iter().map(|bad| !bad);
    content.glyphs.retain(|_| keep.next().unwrap_or(true));
    let (width, height) = (content.width, content.height);
    let glyphs: Vec<Glyph> = content
        .glyphs
        .iter()
        .filter(|g| !g.text.trim().is_empty())
        .cloned()
        .collect();
    let rules = content.rules.clone();
    let (_, regions) = layout_page_traced(content);
    Ok(PagePicture {
        width,
        height,
        glyphs,
        rules,
        regions,
    })
}

/// From the first start to the last end of `spans`; (∞, −∞) when there are none.
fn extent(spans: &[(f64, f64)]) -> (f64, f64) {
    spans
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), s| {
            (lo.min(s.0), hi.max(s.1))
        })
}

/// The picture as an SVG document (UTF-8, ends with a newline).
pub fn to_svg(picture: &PagePicture) -> String {
    let mut out = String::new();
    let (w, h) = (num(picture.width), num(picture.height));
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">"#
    );
    out.push_str(concat!(
        "<style>\n",
        ".page{fill:white}\n",
        ".glyph{fill:none;stroke:#1f77b4;stroke-width:0.3}\n",
        ".rule{stroke:black;stroke-width:0.8}\n",
        ".region{fill:none;stroke:#d62728;stroke-width:1}\n",
        ".column{fill:#ff7f0e;fill-opacity:0.12;stroke:#ff7f0e;stroke-width:0.5}\n",
        ".row{fill:none;stroke:#2ca02c;stroke-width:0.5;stroke-dasharray:2 1}\n",
        "</style>\n",
    ));
    let _ = writeln!(
        out,
        r#"<rect class="page" x="0" y="0" width="{w}" height="{h}"/>"#
    );
    for g in &picture.glyphs {
        let _ = writeln!(
            out,
            r#"<rect class="glyph" {}><title>{}</title></rect>"#,
            rect_attrs(g.x0, g.top, g.x1, g.bottom),
            escape_xml(&g.text)
        );
    }
    for r in &picture.rules {
        let _ = writeln!(
            out,
            r#"<line class="rule" x1="{}" y1="{}" x2="{}" y2="{}"/>"#,
            num(r.x0),
            num(r.top),
            num(r.x1),
            num(r.bottom)
        );
    }
    for (i, region) in picture.regions.iter().enumerate() {
        let (x0, x1) = extent(&region.columns);
        let (top, bottom) = extent(&region.rows);
        if !(x0 <= x1 && top <= bottom) {
            continue;
        }
        let kind = if region.ruled { "ruled" } else { "aligned" };
        let _ = writeln!(
            out,
            r#"<g class="region" data-region="{}" data-kind="{kind}"><title>table {} ({kind}): {} columns, {} rows</title>"#,
            i + 1,
            i + 1,
            region.columns.len(),
            region.rows.len()
        );
        for &(cx0, cx1) in &region.columns {
            let _ = writeln!(
                out,
                r#"<rect class="column" {}/>"#,
                rect_attrs(cx0, top, cx1, bottom)
            );
        }
        for &(rt, rb) in &region.rows {
            let _ = writeln!(out, r#"<rect class="row" {}/>"#, rect_attrs(x0, rt, x1, rb));
        }
        let _ = writeln!(
            out,
            r#"<rect class="region" {}/>"#,
            rect_attrs(x0, top, x1, bottom)
        );
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

fn rect_attrs(x0: f64, top: f64, x1: f64, bottom: f64) -> String {
    format!(
        r#"x="{}" y="{}" width="{}" height="{}""#,
        num(x0),
        num(top),
        num((x1 - x0).max(0.0)),
        num((bottom - top).max(0.0))
    )
}

/// A coordinate with two decimals; non-finite numbers (a broken file) as 0, and no `-0.00`.
fn num(v: f64) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let s = format!("{v:.2}");
    if s == "-0.00" {
        "0.00".to_string()
    } else {
        s
    }
}

/// Text as XML character data and attribute values: markup characters as entities, and
/// characters XML 1.0 does not allow at all (most controls, lone surrogates cannot occur
/// in a `str`, U+FFFE/U+FFFF) as U+FFFD.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(escape_xml(r#"a<b>&"c'"#), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(escape_xml("x\u{1}y\u{ffff}"), "x\u{fffd}y\u{fffd}");
        assert_eq!(escape_xml("指標\t"), "指標\t");
    }

    #[test]
    fn numbers_have_two_decimals_and_no_negative_zero() {
        assert_eq!(num(1.0), "1.00");
        assert_eq!(num(-0.001), "0.00");
        assert_eq!(num(f64::NAN), "0.00");
        assert_eq!(num(12.345_678), "12.35");
    }

    #[test]
    fn a_picture_has_one_element_per_thing_drawn() {
        let glyph = |text: &str, x0: f64| Glyph {
            text: text.to_string(),
            x0,
            x1: x0 + 10.0,
            top: 10.0,
            bottom: 20.0,
            size: 10.0,
            upright: true,
            font: "F1".to_string(),
        };
        let picture = PagePicture {
            width: 100.0,
            height: 50.0,
            glyphs: vec![glyph("<", 0.0), glyph("&", 20.0)],
            rules: vec![Rule {
                x0: 0.0,
                top: 25.0,
                x1: 100.0,
                bottom: 25.0,
            }],
            regions: vec![TableRegion {
                ruled: false,
                columns: vec![(0.0, 15.0), (18.0, 40.0)],
                rows: vec![(10.0, 20.0), (22.0, 30.0), (31.0, 40.0)],
            }],
        };
        let svg = to_svg(&picture);
        assert_eq!(svg.matches(r#"class="glyph""#).count(), 2);
        assert_eq!(svg.matches(r#"class="rule""#).count(), 1);
        assert_eq!(svg.matches(r#"<rect class="column""#).count(), 2);
        assert_eq!(svg.matches(r#"<rect class="row""#).count(), 3);
        assert!(svg.contains("<title>&lt;</title>") && svg.contains("<title>&amp;</title>"));
        // A column spans the region's height: from the first band's top to the last's bottom.
        assert!(svg.contains(
            r#"<rect class="column" x="18.00" y="10.00" width="22.00" height="30.00"/>"#
        ));
        assert_eq!(
            svg,
            to_svg(&picture),
            "the same picture gives the same bytes"
        );
    }
}
