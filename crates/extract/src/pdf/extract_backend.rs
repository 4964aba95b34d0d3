//! The fallback backend: `pdf-extract` 0.12 through its `OutputDev` callbacks.
//!
//! Known defects of pdf-extract 0.12 and what this module does about them:
//! - It reads the range form `c1 c2 w` of a CID font's `/W` widths wrongly (glyphs land
//!   up to 29 pt off): every `/W` array is rewritten to the list form `c [w …]` before the
//!   document is handed over.
//! - It panics on predefined CMaps (`UniJIS-UCS2-H`, `90ms-RKSJ-H`, …) and on many
//!   malformed files: the caller catches the panic per page (see `super::guard`).
//! - Without a ToUnicode map it emits empty strings for CJK glyphs: those count as
//!   unmapped glyphs, so the page is reported unreadable instead of silently dropped.
//! - `extract_text_by_pages` stops at the first failing page: pages are run one by one
//!   with `output_doc_page`, so a failing page costs only itself.
//! - `f*`, `B`, `b`, `s` do not clear the current path, so those fills leak into the next
//!   stroke: harmless here, because filled rectangles count as rulings anyway.
//! - It ignores `/Rotate`: rotated pages come out in unrotated coordinates.

use pdf_extract::{
    ColorSpace, Document, LoadOptions, MediaBox, Object, ObjectId, OutputDev, OutputError, Path,
    PathOp, Transform,
};

use super::backend::{rect_edges, Glyph, OpenDocument, PageContent, PdfBackend, Rule};
use crate::ExtractError;

pub struct PdfExtractBackend;

struct ExtractDocument {
    doc: Document,
    /// Page numbers as pdf-extract counts them (1-based, in page-tree order).
    page_numbers: Vec<u32>,
}

impl PdfBackend for PdfExtractBackend {
    fn name(&self) -> &'static str {
        "pdf-extract"
    }

    fn open(
        &self,
        bytes: &[u8],
        password: Option<&str>,
    ) -> Result<Box<dyn OpenDocument>, ExtractError> {
        let options = LoadOptions::with_password(password.unwrap_or(""));
        let encrypted = || match password {
            Some(_) => ExtractError::WrongPassword,
            None => ExtractError::Encrypted,
        };
        let mut doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
            pdf_extract::Error::InvalidPassword => encrypted(),
            e => ExtractError::Pdf(format!("cannot read PDF: {e}")),
        })?;
        if doc.is_encrypted() {
            return Err(encrypted());
        }
        // pdf-extract follows /Parent chains and form XObjects by recursion without a
        // bound: a cycle in either overflows the stack. Refused before it starts.
        check_recursive_structures(&doc)?;
        expand_width_ranges(&mut doc);
        let page_numbers = doc.get_pages().keys().copied().collect();
        Ok(Box::new(ExtractDocument { doc, page_numbers }))
    }
}

impl OpenDocument for ExtractDocument {
    fn page_count(&self) -> usize {
        self.page_numbers.len()
    }

    fn page(&self, index: usize) -> Result<PageContent, ExtractError> {
        let number = *self
            .page_numbers
            .get(index)
            .ok_or_else(|| ExtractError::Pdf(format!("no page {}", index + 1)))?;
        let mut dev = Collector::default();
        pdf_extract::output_doc_page(&self.doc, &mut dev, number)
            .map_err(|e| ExtractError::Pdf(format!("page {}: {e}", index + 1)))?;
        Ok(dev.page)
    }
}

/// How deep form XObjects may draw one another here: pdfplumber's default limit.
const MAX_FORM_DEPTH: usize = 10;

/// Refuse a document whose page tree (`/Parent`) or form XObjects form a cycle, or whose
/// forms nest deeper than [`MAX_FORM_DEPTH`].
fn check_recursive_structures(doc: &Document) -> Result<(), ExtractError> {
    for (number, page_id) in doc.get_pages() {
        let mut seen = std::collections::HashSet::from([page_id]);
        let mut id = page_id;
        while let Ok(parent) = doc
            .get_dictionary(id)
            .and_then(|d| d.get(b"Parent"))
            .and_then(Object::as_reference)
        {
            if !seen.insert(parent) {
                return Err(ExtractError::PageTreeCycle { page: number });
            }
            id = parent;
        }
        let Ok(page) = doc.get_dictionary(page_id) else {
            continue;
        };
        let resources = inherited_resources(doc, page);
        if !forms_are_bounded(doc, resources, &mut Vec::new(), &mut 100_000) {
            return Err(ExtractError::Limit(crate::Limit::FormDepth {
                page: number,
                max: MAX_FORM_DEPTH,
            }));
        }
    }
    Ok(())
}

/// A page's `/Resources`, from the page or the nearest ancestor (cycle-free by now).
fn inherited_resources<'a>(
    doc: &'a Document,
    mut dict: &'a pdf_extract::Dictionary,
) -> Option<&'a pdf_extract::Dictionary> {
    for _ in 0..256 {
        if let Ok(r) = dict.get(b"Resources") {
            return deref(doc, r).and_then(|o| o.as_dict().ok());
        }
        let parent = dict.get(b"Parent").and_then(Object::as_reference).ok()?;
        dict = doc.get_dictionary(parent).ok()?;
    }
    None
}

fn deref<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Object> {
    match obj {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

/// False when the form XObjects reachable from `resources` draw one another in a cycle or
/// nest deeper than [`MAX_FORM_DEPTH`]. `path` holds the forms being drawn; `budget`
/// bounds the forms visited (a wide tree of shared forms is not walked to the end).
fn forms_are_bounded(
    doc: &Document,
    resources: Option<&pdf_extract::Dictionary>,
    path: &mut Vec<ObjectId>,
    budget: &mut usize,
) -> bool {
    let Some(xobjects) = resources
        .and_then(|r| r.get(b"XObject").ok())
        .and_then(|x| deref(doc, x))
        .and_then(|x| x.as_dict().ok())
    else {
        return true;
    };
    for (_, value) in xobjects {
        let Object::Reference(id) = value else {
            continue;
        };
        let Ok(Object::Stream(form)) = doc.get_object(*id) else {
            continue;
        };
        let is_form = form
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Form");
        if !is_form {
            continue;
        }
        if path.contains(id) || path.len() >= MAX_FORM_DEPTH {
            return false;
        }
        if *budget == 0 {
            return true;
        }
        *budget -= 1;
        // A form without resources of its own is drawn with its caller's.
        let inner = form
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| deref(doc, r))
            .and_then(|r| r.as_dict().ok())
            .or(resources);
        path.push(*id);
        let bounded = forms_are_bounded(doc, inner, path, budget);
        path.pop();
        if !bounded {
            return false;
        }
    }
    true
}

/// Rewrite `/W [c1 c2 w …]` ranges as `c1 [w w …]` so pdf-extract reads them right.
fn expand_width_ranges(doc: &mut Document) {
    // Bounded: a range wider than this is left alone rather than exploded.
    const MAX_RANGE: i64 = 65_536;
    let mut width_arrays: Vec<ObjectId> = Vec::new();
    for (id, obj) in &doc.objects {
        if let Object::Dictionary(d) = obj {
            let is_cid_font = d
                .get(b"Subtype")
                .and_then(|s| s.as_name())
                .is_ok_and(|n| n == b"CIDFontType0" || n == b"CIDFontType2");
            if is_cid_font {
                match d.get(b"W") {
                    Ok(Object::Reference(r)) => width_arrays.push(*r),
                    Ok(Object::Array(_)) => width_arrays.push(*id),
                    _ => {}
                }
            }
        }
    }
    for id in width_arrays {
        let Some(obj) = doc.objects.get_mut(&id) else {
            continue;
        };
        let array = match obj {
            Object::Array(a) => a,
            Object::Dictionary(d) => match d.get_mut(b"W") {
                Ok(Object::Array(a)) => a,
                _ => continue,
            },
            _ => continue,
        };
        let mut out = Vec::with_capacity(array.len());
        let mut i = 0;
        while i < array.len() {
            match (array.get(i), array.get(i + 1), array.get(i + 2)) {
                (Some(first), Some(Object::Array(ws)), _) => {
                    out.push(first.clone());
                    out.push(Object::Array(ws.clone()));
                    i += 2;
                }
                (Some(Object::Integer(c1)), Some(Object::Integer(c2)), Some(w))
                    if (0..MAX_RANGE).contains(&(c2 - c1)) =>
                {
                    out.push(Object::Integer(*c1));
                    out.push(Object::Array(vec![w.clone(); (c2 - c1 + 1) as usize]));
                    i += 3;
                }
                _ => {
                    // Malformed: keep the rest as it is.
                    out.extend(array[i..].iter().cloned());
                    break;
                }
            }
        }
        *array = out;
    }
}

/// Collects glyphs and rulings of one page in top-left coordinates.
#[derive(Default)]
struct Collector {
    page: PageContent,
    /// Page origin and height, from the media box.
    llx: f64,
    ury: f64,
}

impl Collector {
    fn to_page(&self, x: f64, y: f64) -> (f64, f64) {
        (x - self.llx, self.ury - y)
    }

    fn add_path(&mut self, ctm: &Transform, path: &Path) {
        let apply = |x: f64, y: f64| {
            (
                x * ctm.m11 + y * ctm.m21 + ctm.m31,
                x * ctm.m12 + y * ctm.m22 + ctm.m32,
            )
        };
        let mut current = (0.0, 0.0);
        let mut start = (0.0, 0.0);
        let mut rules: Vec<Rule> = Vec::new();
        for op in path.ops.iter().take(100_000) {
            match *op {
                PathOp::MoveTo(x, y) => {
                    current = apply(x, y);
                    start = current;
                }
                PathOp::LineTo(x, y) => {
                    let next = apply(x, y);
                    self.segment(current, next, &mut rules);
                    current = next;
                }
                PathOp::CurveTo(_, _, _, _, x, y) => current = apply(x, y),
                PathOp::Rect(x, y, w, h) => {
                    let corners = [
                        apply(x, y),
                        apply(x + w, y),
                        apply(x + w, y + h),
                        apply(x, y + h),
                    ];
                    let (xs, ys): (Vec<f64>, Vec<f64>) =
                        corners.iter().map(|&(x, y)| self.to_page(x, y)).unzip();
                    let min = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
                    let max = |v: &[f64]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    rect_edges(min(&xs), min(&ys), max(&xs), max(&ys), &mut rules);
                    current = apply(x, y);
                    start = current;
                }
                PathOp::Close => {
                    self.segment(current, start, &mut rules);
                    current = start;
                }
            }
        }
        self.page.rules.extend(rules);
    }

    fn segment(&self, a: (f64, f64), b: (f64, f64), rules: &mut Vec<Rule>) {
        let (ax, ay) = self.to_page(a.0, a.1);
        let (bx, by) = self.to_page(b.0, b.1);
        // Axis-aligned strokes only: slanted lines are chart strokes, not table rulings.
        if (ax - bx).abs() <= 1.0 || (ay - by).abs() <= 1.0 {
            rect_edges(ax.min(bx), ay.min(by), ax.max(bx), ay.max(by), rules);
        }
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.llx = media_box.llx.min(media_box.urx);
        self.ury = media_box.ury.max(media_box.lly);
        self.page.width = (media_box.urx - media_box.llx).abs();
        self.page.height = (media_box.ury - media_box.lly).abs();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        // Rendered size: the font size scaled by the text rendering matrix.
        let sx = (trm.m11 * trm.m11 + trm.m12 * trm.m12).sqrt();
        let sy = (trm.m21 * trm.m21 + trm.m22 * trm.m22).sqrt();
        let size = font_size * (sx * sy).sqrt();
        let (x, y) = self.to_page(trm.m31, trm.m32);
        if !(x.is_finite() && y.is_finite() && size.is_finite()) {
            return Ok(());
        }
        let upright = trm.m12.abs() < 1e-6 && trm.m21.abs() < 1e-6 && trm.m11 > 0.0;
        let advance = width * font_size * sx;
        // pdf-extract gives the baseline origin only; ascent/descent of typical CJK faces.
        self.page.glyphs.push(Glyph {
            text: char.to_string(),
            x0: x,
            x1: x + advance.max(0.0),
            top: y - 0.88 * size,
            bottom: y + 0.12 * size,
            size,
            upright,
            font: String::new(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn stroke(
        &mut self,
        ctm: &Transform,
        _: &ColorSpace,
        _: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.add_path(ctm, path);
        Ok(())
    }

    fn fill(
        &mut self,
        ctm: &Transform,
        _: &ColorSpace,
        _: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.add_path(ctm, path);
        Ok(())
    }
}
