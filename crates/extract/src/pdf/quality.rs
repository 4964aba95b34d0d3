//! Is a text layer readable? Glyphs without a usable Unicode mapping are found so that a
//! page of garbage is reported instead of passed on.
//!
//! Two kinds of garbage: glyphs whose text is plainly not text (empty, `(cid:N)`, control
//! characters, Private Use Area), and fonts whose codes were taken for Unicode though they
//! are glyph ids (an Identity-H font without ToUnicode): their "text" hops between
//! unrelated scripts from one glyph to the next (`Ղච෾ೀᲀ`). Real text stays in one script
//! for most neighbouring letters, whatever the language, so a font is judged by how often
//! consecutive letters change script.

use std::collections::HashMap;

use super::backend::Glyph;

/// True for glyph text that is not real text: empty (no mapping), an unmapped CID
/// placeholder `(cid:N)`, the replacement character, a control character, or a Private
/// Use Area code point.
pub(super) fn is_unmapped(text: &str) -> bool {
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

/// Coarse script of a letter; `None` for digits, punctuation, symbols and spaces, which
/// every script shares.
fn script(c: char) -> Option<u32> {
    let u = c as u32;
    Some(match u {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => 1, // Latin
        0x00..=0x7F | 0x80..=0xBF | 0x2000..=0x2BFF | 0xFE30..=0xFE4F => return None,
        0xFF01..=0xFF20 => return None, // full-width digits/punct
        0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => 3, // Hangul
        0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF => 2, // CJK, kana
        0x370..=0x3FF | 0x1F00..=0x1FFF => 4, // Greek
        0x400..=0x52F => 5,             // Cyrillic
        0x600..=0x6FF | 0x750..=0x77F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => 6, // Arabic
        0x590..=0x5FF | 0xFB1D..=0xFB4F => 7, // Hebrew
        0x300..=0x36F => return None,   // combining marks ride on any script
        _ => 0x100 + (u >> 7),          // other blocks, 128 code points each
    })
}

/// Flags each glyph that carries no usable text.
pub(super) fn unmapped_flags(glyphs: &[Glyph]) -> Vec<bool> {
    let mut flags: Vec<bool> = glyphs.iter().map(|g| is_unmapped(&g.text)).collect();
    // Script changes between consecutive letters, per font.
    let mut per_font: HashMap<&str, FontScripts> = HashMap::new();
    for (g, bad) in glyphs.iter().zip(&flags) {
        if *bad {
            continue;
        }
        let Some(s) = g.text.chars().next().and_then(script) else {
            continue;
        };
        per_font.entry(g.font.as_str()).or_default().push(s);
    }
    let garbage: Vec<&str> = per_font
        .iter()
        .filter(|(_, f)| f.looks_like_glyph_ids())
        .map(|(f, _)| *f)
        .collect();
    if !garbage.is_empty() {
        for (g, bad) in glyphs.iter().zip(flags.iter_mut()) {
            if garbage.contains(&g.font.as_str()) && !g.text.trim().is_empty() {
                *bad = true;
            }
        }
    }
    flags
}

/// The scripts of one font's letters, in drawing order.
#[derive(Debug, Default)]
struct FontScripts {
    pairs: usize,
    changes: usize,
    last: Option<u32>,
    distinct: Vec<u32>,
}

impl FontScripts {
    fn push(&mut self, s: u32) {
        if let Some(prev) = self.last {
            self.pairs += 1;
            if prev != s {
                self.changes += 1;
            }
        }
        self.last = Some(s);
        if !self.distinct.contains(&s) && self.distinct.len() < 64 {
            self.distinct.push(s);
        }
    }

    /// Frequent script changes over many unrelated scripts. Frequent changes alone are
    /// not enough: a generator that subsets fonts (LibreOffice starts a new subset every
    /// so many glyphs) puts the few glyphs of a late subset (`博物館`, `Ⅳ`, `民`, `う`) in
    /// one font, so its letters are not neighbours in the text and Latin alternates with
    /// kanji. Mixed-script text uses two or three scripts; glyph ids read as Unicode
    /// scatter over many blocks.
    fn looks_like_glyph_ids(&self) -> bool {
        self.pairs >= 8 && self.changes * 100 >= self.pairs * 35 && self.distinct.len() >= 4
    }
}

/// What a page's text layer looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TextLayer {
    /// Non-blank glyphs drawn.
    pub glyphs: usize,
    /// Of those, glyphs without usable text.
    pub unmapped: usize,
}

impl TextLayer {
    pub(super) fn of(glyphs: &[Glyph], flags: &[bool]) -> TextLayer {
        let (mut n, mut bad) = (0, 0);
        for (g, &f) in glyphs.iter().zip(flags) {
            if g.text.is_empty() || !g.text.trim().is_empty() {
                n += 1;
                bad += usize::from(f);
            }
        }
        TextLayer {
            glyphs: n,
            unmapped: bad,
        }
    }

    /// Mostly unmapped: the page's text cannot be trusted at all.
    pub(super) fn is_unreadable(&self) -> bool {
        self.glyphs > 0 && self.unmapped * 10 >= self.glyphs * 3
    }

    pub(super) fn readable_glyphs(&self) -> usize {
        if self.is_unreadable() {
            0
        } else {
            self.glyphs - self.unmapped
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(text: &str) -> Vec<Glyph> {
        text.chars()
            .map(|c| Glyph {
                text: c.to_string(),
                x0: 0.0,
                x1: 1.0,
                top: 0.0,
                bottom: 1.0,
                size: 10.0,
                upright: true,
                font: "F1".into(),
            })
            .collect()
    }

    fn unmapped(text: &str) -> usize {
        unmapped_flags(&glyphs(text)).iter().filter(|&&b| b).count()
    }

    #[test]
    fn real_text_in_any_script_is_readable() {
        assert_eq!(
            unmapped("市内企業の技術力向上と新分野進出を支援するため、KPIを設定した"),
            0
        );
        assert_eq!(unmapped("The quick brown fox jumps over the lazy dog"), 0);
        assert_eq!(unmapped("Съешь же ещё этих мягких французских булок"), 0);
        assert_eq!(unmapped("مرحبا بكم في هذا المستند العربي"), 0);
    }

    #[test]
    fn a_small_subset_font_mixing_latin_and_kanji_is_readable() {
        // A late font subset: its glyphs come from several lines, not one word.
        assert_eq!(unmapped("博物館V材民Vう材"), 0);
        assert_eq!(unmapped("WEBGAWEB文野精像撮"), 0);
    }

    #[test]
    fn glyph_ids_taken_for_unicode_are_garbage() {
        let text = "Ղච෾ೀᲀƏ෇ອɡʪޞזʇڥ๑ʱ১ࡰɸʪ";
        assert_eq!(unmapped(text), text.chars().count());
        assert!(is_unmapped("(cid:12)") && is_unmapped("\u{E001}") && is_unmapped(""));
    }
}
