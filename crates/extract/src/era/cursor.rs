//! A byte cursor over the searched text that sees full-width forms as their ASCII twins.
//!
//! Dates arrive un-normalized (`Ｒ５`, `（２０２１）`, `～`), so every character is folded
//! on the fly instead of copying the text through NFKC first.

/// Full-width digits, Latin letters, brackets, tildes, dots and all white space seen as the
/// ASCII character the parser matches on. Other characters pass through.
pub(super) fn fold(c: char) -> char {
    // Most characters met are ASCII: settle them before the full-width ranges and the
    // Unicode white-space table.
    if c.is_ascii() {
        return if matches!(c, ' ' | '\t'..='\r') {
            ' '
        } else {
            c
        };
    }
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '（' => '(',
        '）' => ')',
        '～' | '〜' | '∼' => '~',
        '．' => '.',
        '－' | '−' | '‐' | '‑' | '–' | '—' => '-',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// A run of digits read as a number.
#[derive(Debug, Clone, Copy)]
pub(super) struct Number {
    /// `None` when the value does not fit in a `u32`.
    pub value: Option<u32>,
    /// How many characters the run has (for `01` vs `2019`).
    pub digits: usize,
    /// Byte range of the run.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Cursor<'a> {
    text: &'a str,
    /// Byte offset of the next character; always on a char boundary.
    pub pos: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(text: &'a str, pos: usize) -> Self {
        Cursor { text, pos }
    }

    pub(super) fn text(&self) -> &'a str {
        self.text
    }

    fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or("")
    }

    /// The next character, folded. An ASCII byte is the character itself (it never occurs
    /// inside a multi-byte one), so the common case needs no UTF-8 decoding.
    pub(super) fn peek(&self) -> Option<char> {
        match self.text.as_bytes().get(self.pos) {
            Some(&b) if b.is_ascii() => Some(fold(char::from(b))),
            _ => self.rest().chars().next().map(fold),
        }
    }

    pub(super) fn bump(&mut self) -> Option<char> {
        if let Some(&b) = self.text.as_bytes().get(self.pos) {
            if b.is_ascii() {
                self.pos += 1;
                return Some(fold(char::from(b)));
            }
        }
        let c = self.rest().chars().next()?;
        self.pos += c.len_utf8();
        Some(fold(c))
    }

    /// Consume `want` (compared after folding) if it is next.
    pub(super) fn eat(&mut self, want: char) -> bool {
        if self.peek() == Some(want) {
            self.bump();
            true
        } else {
            false
        }
    }

    /// Consume a literal (unfolded) string such as `年度` if it is next.
    pub(super) fn eat_str(&mut self, want: &str) -> bool {
        if self.rest().starts_with(want) {
            self.pos += want.len();
            true
        } else {
            false
        }
    }

    pub(super) fn starts_with(&self, want: &str) -> bool {
        self.rest().starts_with(want)
    }

    /// Skip white space (ASCII, ideographic, tabs); the PDF path spaces dates out
    /// (`令和 5 年度末`).
    pub(super) fn skip_spaces(&mut self) {
        while self.peek() == Some(' ') {
            self.bump();
        }
    }

    /// A run of ASCII or full-width digits.
    pub(super) fn digits(&mut self) -> Option<Number> {
        let start = self.pos;
        let mut value: Option<u32> = Some(0);
        let mut digits = 0;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            value = value
                .and_then(|v| v.checked_mul(10))
                .and_then(|v| v.checked_add(d));
            digits += 1;
            self.bump();
        }
        (digits > 0).then_some(Number {
            value,
            digits,
            start,
            end: self.pos,
        })
    }

    /// A kanji numeral: `三十一`, `六十四`, `十二`, positional `二〇`.
    pub(super) fn kanji_number(&mut self) -> Option<Number> {
        let start = self.pos;
        let mut total: Option<u32> = Some(0);
        let mut current: Option<u32> = Some(0);
        let mut digits = 0;
        while let Some(c) = self.rest().chars().next() {
            if let Some(d) = kanji_digit(c) {
                current = current
                    .and_then(|v| v.checked_mul(10))
                    .and_then(|v| v.checked_add(d));
            } else if let Some(unit) = kanji_unit(c) {
                // `十` alone means ten; `二十` means two tens.
                let count = current.map(|v| if v == 0 { 1 } else { v });
                total = total
                    .zip(count.and_then(|v| v.checked_mul(unit)))
                    .and_then(|(t, v)| t.checked_add(v));
                current = Some(0);
            } else {
                break;
            }
            digits += 1;
            self.pos += c.len_utf8();
        }
        (digits > 0).then(|| Number {
            value: total.zip(current).and_then(|(t, c)| t.checked_add(c)),
            digits,
            start,
            end: self.pos,
        })
    }

    /// Digits or a kanji numeral.
    pub(super) fn any_number(&mut self) -> Option<Number> {
        self.digits().or_else(|| self.kanji_number())
    }
}

fn kanji_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn kanji_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kanji(text: &str) -> Option<u32> {
        Cursor::new(text, 0).kanji_number().and_then(|n| n.value)
    }

    #[test]
    fn kanji_numerals_read_as_people_write_them() {
        assert_eq!(kanji("十"), Some(10));
        assert_eq!(kanji("十二"), Some(12));
        assert_eq!(kanji("二十"), Some(20));
        assert_eq!(kanji("三十一"), Some(31));
        assert_eq!(kanji("六十四"), Some(64));
        assert_eq!(kanji("二〇二三"), Some(2023));
        assert_eq!(kanji("年"), None);
    }

    /// The folding before the ASCII fast path, as the reference.
    fn fold_reference(c: char) -> char {
        match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '（' => '(',
            '）' => ')',
            '～' | '〜' | '∼' => '~',
            '．' => '.',
            '－' | '−' | '‐' | '‑' | '–' | '—' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        }
    }

    #[test]
    fn fold_agrees_with_the_reference_on_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(fold(c), fold_reference(c), "{c:?}");
        }
    }

    #[test]
    fn folding_maps_full_width_to_ascii() {
        assert_eq!(fold('Ｒ'), 'R');
        assert_eq!(fold('ｈ'), 'h');
        assert_eq!(fold('５'), '5');
        assert_eq!(fold('（'), '(');
        assert_eq!(fold('　'), ' ');
        assert_eq!(fold('令'), '令');
    }

    #[test]
    fn digit_overflow_is_reported_not_wrapped() {
        let n = Cursor::new("99999999999999999999", 0).digits().unwrap();
        assert_eq!(n.value, None);
        assert_eq!(n.digits, 20);
    }
}
