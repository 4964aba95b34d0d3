//! Is a text layer readable? Glyphs without a usable Unicode mapping are counted so a
//! page of garbage is reported instead of passed on.

use super::backend::Glyph;

/// True for a glyph whose text is not real text: empty (no mapping), an unmapped CID
/// placeholder `(cid:N)`, the replacement character, a control character, or a Private
/// Use Area code point (what subset fonts without ToUnicode often decode to).
pub fn is_unmapped(text: &str) -> bool {
    if text.is_empty() || text.starts_with("(cid:") {
        return true;
    }
    text.chars().any(|c| {
        let u = c as u32;
        c == '\u{FFFD}'
            || (c.is_control() && !c.is_whitespace())
            || (0xE000..=0xF8FF).contains(&u)
            || (0xF0000..=0x10FFFF).contains(&u)
    })
}

/// What a page's text layer looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextLayer {
    /// Non-blank glyphs drawn.
    pub glyphs: usize,
    /// Of those, glyphs without usable text.
    pub unmapped: usize,
}

impl TextLayer {
    pub fn of(glyphs: &[Glyph]) -> TextLayer {
        let visible = glyphs.iter().filter(|g| g.text.is_empty() || !g.text.trim().is_empty());
        let (mut n, mut bad) = (0, 0);
        for g in visible {
            n += 1;
            if is_unmapped(&g.text) {
                bad += 1;
            }
        }
        TextLayer { glyphs: n, unmapped: bad }
    }

    /// Mostly unmapped: the page's text cannot be trusted at all.
    pub fn is_unreadable(&self) -> bool {
        self.glyphs > 0 && self.unmapped * 10 >= self.glyphs * 3
    }

    pub fn readable_glyphs(&self) -> usize {
        if self.is_unreadable() {
            0
        } else {
            self.glyphs - self.unmapped
        }
    }
}
