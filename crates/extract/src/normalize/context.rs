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

/// Apply step 3 to NFKC text.
pub(super) fn finish(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Last pushed non-space character and the character pushed right before it.
    let mut prev: Option<char> = None;
    let mut before_prev: Option<char> = None;
    let mut pending_space = false;
    for (i, c) in s.char_indices() {
        if c.is_ascii() && !c.is_ascii_whitespace() {
            push(&mut out, c, &mut pending_space, &mut prev, &mut before_prev);
            continue;
        }
        if c.is_whitespace() {
            pending_space = prev.is_some();
            continue;
        }
        let mapped = match c {
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
            '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2500}' | '\u{2501}' => {
                let around = Around::at(s, i, c, prev, before_prev, pending_space);
                if around.is_dash_context() {
                    '-'
                } else {
                    c
                }
            }
            '\u{301C}' | '\u{223C}' => {
                let around = Around::at(s, i, c, prev, before_prev, pending_space);
                if around.is_range_context() {
                    '~'
                } else {
                    c
                }
            }
            _ => c,
        };
        push(
            &mut out,
            mapped,
            &mut pending_space,
            &mut prev,
            &mut before_prev,
        );
    }
    out
}

#[inline]
fn push(
    out: &mut String,
    c: char,
    pending_space: &mut bool,
    prev: &mut Option<char>,
    before_prev: &mut Option<char>,
) {
    if *pending_space {
        out.push(' ');
        *pending_space = false;
        *before_prev = Some(' ');
    } else {
        *before_prev = *prev;
    }
    out.push(c);
    *prev = Some(c);
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
    fn at(
        s: &str,
        i: usize,
        c: char,
        prev: Option<char>,
        before_prev: Option<char>,
        pending_space: bool,
    ) -> Around {
        let after = &s[i + c.len_utf8()..];
        let open_after = after.chars().next().is_none_or(char::is_whitespace);
        // Amortised linear: only the white space right after this character is skipped,
        // and only one character can stand right before a given run of white space.
        let next = after.chars().find(|c| !c.is_whitespace());
        Around {
            prev,
            before_prev,
            open_before: prev.is_none() || pending_space,
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
