//! The boundary between PDF parsing libraries and the layout code.
//!
//! A backend turns a document into pages of positioned glyphs and ruling segments; nothing
//! after this boundary knows which library read the file. Coordinates are PDF points with
//! a top-left origin (y grows downwards), as displayed (page rotation applied).

use crate::ExtractError;

/// One drawn character.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
    pub bottom: f64,
    /// Nominal font size in points (already scaled by the text matrix).
    pub size: f64,
    /// False when the glyph is rotated (vertical writing, rotated text).
    pub upright: bool,
    /// Font resource name as the backend reports it (used to judge fonts separately).
    pub font: String,
}

impl Glyph {
    pub fn center_y(&self) -> f64 {
        (self.top + self.bottom) / 2.0
    }
    pub fn center_x(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
    /// The em used for gap decisions: the font size, or the glyph height when the size is
    /// implausible (some generators set size 1 and scale with the matrix).
    pub fn em(&self) -> f64 {
        let h = self.bottom - self.top;
        if self.size >= 2.0 && self.size < 200.0 {
            self.size
        } else if h > 1.0 {
            h
        } else {
            10.0
        }
    }
}

/// A straight ruling: a stroked line or one edge of a rectangle. Either horizontal
/// (`top == bottom` up to the line width) or vertical; slanted strokes are not reported.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub x0: f64,
    pub top: f64,
    pub x1: f64,
    pub bottom: f64,
}

impl Rule {
    pub fn is_horizontal(&self) -> bool {
        (self.bottom - self.top).abs() <= (self.x1 - self.x0).abs()
    }
}

/// Everything the layout code needs from one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageContent {
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
}

/// A PDF parsing library behind the boundary.
pub trait PdfBackend: Sync {
    /// Stable name, as accepted by `PdfOptions.backend`.
    fn name(&self) -> &'static str;
    /// Parse the document; `Err(ExtractError::Encrypted)` when a user password is needed
    /// and missing or wrong.
    fn open(
        &self,
        bytes: &[u8],
        password: Option<&str>,
    ) -> Result<Box<dyn OpenDocument>, ExtractError>;
}

/// A parsed document.
pub trait OpenDocument: Send + Sync {
    fn page_count(&self) -> usize;
    /// Content of the page at 0-based `index`. May be called from several threads at once.
    fn page(&self, index: usize) -> Result<PageContent, ExtractError>;
    /// The bytes of content streams and form XObjects that the last [`page`](Self::page)
    /// call on this thread decoded, whether it succeeded or not; 0 from a backend that
    /// does not count (its streams are still bounded one by one).
    fn page_decoded_bytes(&self) -> usize {
        0
    }
    /// The Info dictionary's `/Title`, decoded; `None` when absent or unreadable.
    fn title(&self) -> Option<String> {
        None
    }
}

/// Split a rectangle into its four edges (all of them: a filled cell background bounds a
/// cell as well as a stroked border does). A thin rectangle is a single ruling.
pub fn rect_edges(x0: f64, top: f64, x1: f64, bottom: f64, out: &mut Vec<Rule>) {
    let (x0, x1) = (x0.min(x1), x0.max(x1));
    let (top, bottom) = (top.min(bottom), top.max(bottom));
    if !(x0.is_finite() && x1.is_finite() && top.is_finite() && bottom.is_finite()) {
        return;
    }
    const THIN: f64 = 2.0;
    let (w, h) = (x1 - x0, bottom - top);
    if h <= THIN && w > h {
        let y = (top + bottom) / 2.0;
        out.push(Rule {
            x0,
            top: y,
            x1,
            bottom: y,
        });
    } else if w <= THIN && h > w {
        let x = (x0 + x1) / 2.0;
        out.push(Rule {
            x0: x,
            top,
            x1: x,
            bottom,
        });
    } else if w > THIN && h > THIN {
        out.push(Rule {
            x0,
            top,
            x1,
            bottom: top,
        });
        out.push(Rule {
            x0,
            top: bottom,
            x1,
            bottom,
        });
        out.push(Rule {
            x0,
            top,
            x1: x0,
            bottom,
        });
        out.push(Rule {
            x0: x1,
            top,
            x1,
            bottom,
        });
    }
}
