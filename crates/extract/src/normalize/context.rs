//! Step 3 of [`normalize`](super::normalize), on NFKC text: white space, dashes, waves.
//!
//! **White space**: every run of Unicode white space (space, `\t`, `\n`, NBSP, …; the
//! ideographic space is already a space after NFKC) becomes one ASCII space; both ends
//! are trimmed.
//!
//! **Hyphen and minus signs** `‐ ‑ ‒ −` (and `－ ﹣ ⁻`, which NFKC already made `-`/`−`)
//! become `-` everywhere: they have no prose meaning, and one form is what the code and
//! value parsers expect.
//!
//! **Dashes** `– — ― ─ ━` become `-` only where they cannot be prose punctuation
//! (Japanese prose uses `―`/`—` as a dash, and `――` stays as printed). *prev* is the
//! nearest non-space character before, *next* the nearest after:
//! 1. *in a code or between numbers*: prev is an ASCII letter or digit or `)`, and next is
//!    an ASCII letter or digit or `(` (`II―1―(2)`, `R5.1—6`, `A–1`);
//! 2. *between a counted number and a number*: prev is a non-ASCII character written
//!    right after an ASCII digit and next is an ASCII digit (`15歳―64歳`, `10人–20人`);
//! 3. *alone*: white space or the text's edge on both sides (`―` meaning "no value",
//!    `― (R2国勢調査)`);
//! 4. *before a number or a note*: white space, the text's start or `(` before it, and
//!    an ASCII digit or `(` right after it (`—5`, `―(R2国勢調査)`).
//!
//! **Waves** `〜` (U+301C) and `∼` (U+223C) become `~` in ranges (`～` is already `~`
//! after NFKC, whatever its context): prev is an ASCII letter or digit, `)`, a character
//! written right after one (`10代〜40代`, `R元〜R3`), or one of 年度月日末元; and next is
//! an ASCII letter or digit, `(`, or the first character of an era name 令平昭大明
//! (`平成26年〜令和元年`). Elsewhere a wave dash is prose and stays.
//!
//! The katakana long vowel `ー` is never any of these. Every rewrite produces a character
//! (`-`, `~`, space) that none of the contexts looks for, so a second pass finds nothing
//! new to do: the whole of [`normalize`](super::normalize) is idempotent.

use crate::cells::utf8_len;

/// Apply step 3 to NFKC text.
///
/// Scans bytes: only ASCII white space and the lead bytes of the few non-ASCII characters
/// concerned (`C2`, `E1`, `E2`, `E3 80`, `EF`) stop the scan; everything else (kana are
/// `E3 81`…`E3 83`, kanji `E4`…`E9`) is copied in runs.
pub(super) fn finish(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // `s[run_start..i]` is copied as is, in one go, when something interrupts it.
    let mut run_start = 0;
    let mut pending_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let may_matter = match b {
            b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xEF => true,
            0xE3 => bytes.get(i + 1) == Some(&0x80),
            _ => false,
        };
        if !may_matter {
            if pending_space && i == run_start {
                out.push(' ');
                pending_space = false;
            }
            // A whole character: its continuation bytes would not matter either.
            i += utf8_len(b);
            continue;
        }
        // `i` is a char boundary: it holds an ASCII byte or a lead byte.
        let c = s[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if c.is_whitespace() {
            out.push_str(&s[run_start..i]);
            run_start = i + len;
            pending_space = !out.is_empty();
            i += len;
            continue;
        }
        if pending_space {
            // `run_start == i`: every white space character moved it past itself.
            out.push(' ');
            pending_space = false;
        }
        let mapped = match c {
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
            '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2500}' | '\u{2501}' => {
                out.push_str(&s[run_start..i]);
                run_start = i;
                if Around::at(s, i, c, &out).is_dash_context() {
                    '-'
                } else {
                    c
                }
            }
            '\u{301C}' | '\u{223C}' => {
                out.push_str(&s[run_start..i]);
                run_start = i;
                if Around::at(s, i, c, &out).is_range_context() {
                    '~'
                } else {
                    c
                }
            }
            _ => c,
        };
        if mapped != c {
            out.push_str(&s[run_start..i]);
            out.push(mapped);
            run_start = i + len;
        }
        i += len;
    }
    out.push_str(&s[run_start..]);
    out
}

/// What stands around a dash or wave at byte `i`.
struct Around {
    prev: Option<char>,
    /// The character pushed right before `prev` (`Some(' ')` if a space).
    before_prev: Option<char>,
    /// White space or the start of the text right before.
    open_before: bool,
    next: Option<char>,
    /// White space or the end of the text right after.
    open_after: bool,
}

impl Around {
    /// `written` is everything output before the character at `s[i..]`: no leading
    /// space, single spaces, a trailing space when white space stood right before.
    fn at(s: &str, i: usize, c: char, written: &str) -> Around {
        let space_before = written.ends_with(' ');
        let mut back = written.trim_end_matches(' ').chars().rev();
        let prev = back.next();
        let before_prev = back.next();
        let after = &s[i + c.len_utf8()..];
        let open_after = after.chars().next().is_none_or(char::is_whitespace);
        // Amortised linear: only the white space right after this character is skipped,
        // and only one character can stand right before a given run of white space.
        let next = after.chars().find(|c| !c.is_whitespace());
        Around {
            prev,
            before_prev,
            open_before: prev.is_none() || space_before,
            next,
            open_after,
        }
    }

    fn is_dash_context(&self) -> bool {
        let code_before = self
            .prev
            .is_some_and(|p| p.is_ascii_alphanumeric() || p == ')');
        let code_after = self
            .next
            .is_some_and(|n| n.is_ascii_alphanumeric() || n == '(');
        let digit_after = self.next.is_some_and(|n| n.is_ascii_digit());
        let counted_before = self.prev.is_some_and(|p| !p.is_ascii())
            && self.before_prev.is_some_and(|b| b.is_ascii_digit());
        let sign_before = self.open_before || self.prev == Some('(');
        let number_or_note_right_after =
            !self.open_after && self.next.is_some_and(|n| n.is_ascii_digit() || n == '(');
        (code_before && code_after)
            || (counted_before && digit_after)
            || (self.open_before && self.open_after)
            || (sign_before && number_or_note_right_after)
    }

    fn is_range_context(&self) -> bool {
        let left = self.prev.is_some_and(|p| {
            p.is_ascii_alphanumeric()
                || p == ')'
                || matches!(p, '年' | '度' | '月' | '日' | '末' | '元')
                || (!p.is_ascii() && self.before_prev.is_some_and(|b| b.is_ascii_alphanumeric()))
        });
        let right = self.next.is_some_and(|n| {
            n.is_ascii_alphanumeric() || n == '(' || matches!(n, '令' | '平' | '昭' | '大' | '明')
        });
        left && right
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// [`finish`] as it was, stepping one byte at a time over the bytes that do not
    /// matter: the reference for the version that steps a character at a time.
    pub(in crate::normalize) fn finish_byte_by_byte(s: &str) -> String {
        let bytes = s.as_bytes();
        let mut out = String::with_capacity(s.len());
        // `s[run_start..i]` is copied as is, in one go, when something interrupts it.
        let mut run_start = 0;
        let mut pending_space = false;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let may_matter = match b {
                b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xEF => true,
                0xE3 => bytes.get(i + 1) == Some(&0x80),
                _ => false,
            };
            if !may_matter {
                if pending_space && i == run_start {
                    out.push(' ');
                    pending_space = false;
                }
                i += 1;
                continue;
            }
            // `i` is a char boundary: it holds an ASCII byte or a lead byte.
            let c = s[i..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            if c.is_whitespace() {
                out.push_str(&s[run_start..i]);
                run_start = i + len;
                pending_space = !out.is_empty();
                i += len;
                continue;
            }
            if pending_space {
                // `run_start == i`: every white space character moved it past itself.
                out.push(' ');
                pending_space = false;
            }
            let mapped = match c {
                '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
                '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2500}' | '\u{2501}' => {
                    out.push_str(&s[run_start..i]);
                    run_start = i;
                    if Around::at(s, i, c, &out).is_dash_context() {
                        '-'
                    } else {
                        c
                    }
                }
                '\u{301C}' | '\u{223C}' => {
                    out.push_str(&s[run_start..i]);
                    run_start = i;
                    if Around::at(s, i, c, &out).is_range_context() {
                        '~'
                    } else {
                        c
                    }
                }
                _ => c,
            };
            if mapped != c {
                out.push_str(&s[run_start..i]);
                out.push(mapped);
                run_start = i + len;
            }
            i += len;
        }
        out.push_str(&s[run_start..]);
        out
    }

    #[test]
    fn finish_agrees_with_the_byte_stepping_version_on_examples() {
        for s in [
            "",
            " ",
            "a",
            "II―1―(2)",
            "15歳―64歳",
            " ― (R2国勢調査)",
            "R元〜R3",
            "平成26年〜令和元年",
            "a\u{a0} b\u{3000}",
            "𠮷―1",
            "é—5",
            "—5",
            "x ―",
        ] {
            assert_eq!(finish(s), finish_byte_by_byte(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

        #[test]
        fn finish_agrees_with_the_byte_stepping_version(s in "[ a-z0-9()\t\n\u{a0}\u{85}\u{1680}\u{2000}-\u{2015}\u{2028}\u{205f}\u{2212}\u{2500}\u{2501}\u{223c}\u{301c}\u{3000}\u{FE63}\u{FF0D}年度月日末元令平昭大明ー漢あé\u{20BB7}]{0,24}") {
            proptest::prop_assert_eq!(finish(&s), finish_byte_by_byte(&s));
        }
    }
}
