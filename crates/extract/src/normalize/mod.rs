//! Text normalization (contract: Normalization).
//!
//! [`normalize`] = three steps, in this order:
//!
//! 1. **Before NFKC** ([`premap`]): circled numbers `①` → `(1)` (NFKC would make `①10件`
//!    read `110件`), small Roman numerals `ⅱ` → `II`, CJK Radicals Supplement forms
//!    `⺠` → `民`, zero-width characters dropped.
//! 2. **NFKC** (`unicode-normalization`): full-width ASCII `Ｒ５（２）` → `R5(2)`, `－` → `-`,
//!    `～` → `~`, `Ⅳ` → `IV`, Kangxi radicals `⽬` → `目`, half-width katakana `ｰ` → `ー`,
//!    ideographic space → space. `ー` (U+30FC) and `〜` (U+301C) are left alone by NFKC.
//! 3. **After NFKC** ([`context`]): white space folded and trimmed; dash-likes and wave
//!    dashes rewritten where they mean "minus", "range" or "no value" — see that module
//!    for the exact contexts.
//!
//! Speed: NFKC is applied only to the short segments that need it. The text is cut
//! before every character that is a normalization boundary (canonical combining class 0
//! and NFKC_Quick_Check = Yes); a segment made of one such character is copied as is,
//! any other segment goes through NFKC. Plain kana/kanji/ASCII are recognised by range
//! without a table lookup.

mod context;
mod premap;

use std::borrow::Cow;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// NFKC plus the contract's Japanese rules; one line out (white space runs, line breaks
/// included, fold to one space; ends trimmed).
pub fn normalize(s: &str) -> String {
    normalize_cow(s).into_owned()
}

/// [`normalize`], borrowing `s` when it is already normalized: most cells of a report are
/// plain kanji, kana and ASCII with single spaces, and the three steps would copy them
/// twice to change nothing.
pub fn normalize_cow(s: &str) -> Cow<'_, str> {
    if is_normalized(s) {
        return Cow::Borrowed(s);
    }
    if s.is_ascii() {
        return Cow::Owned(context::finish(s));
    }
    Cow::Owned(context::finish(&nfkc_with_premap(s)))
}

/// True when every step would leave `s` as it is, as far as one quick scan can tell:
/// [`is_plain_char`]s and single ASCII spaces, none at either end. `false` only means "not
/// known": [`normalize`] then does the work.
fn is_normalized(s: &str) -> bool {
    // Byte by byte: every plain character is ASCII or three bytes long (lead byte `E2` for
    // `※`, `E3`–`E9` for kana, CJK punctuation and kanji), and most are told by their lead
    // byte alone, so the general UTF-8 decoder is not needed. `s` is valid UTF-8: a lead
    // byte `E0`–`EF` has its two continuation bytes.
    let bytes = s.as_bytes();
    // A space at the start is trimmed: count the start as a space.
    let mut after_space = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // The common characters, printable ASCII and kanji from U+5000, in one table look-up.
        let plain_len = PLAIN_BY_LEAD_BYTE[usize::from(b)];
        if plain_len != 0 {
            i += usize::from(plain_len);
            after_space = false;
            continue;
        }
        match b {
            b' ' if after_space => return false,
            b' ' => {
                after_space = true;
                i += 1;
                continue;
            }
            // U+4000–U+4FFF: kanji but for the Yijing hexagrams U+4DC0–U+4DFF (`E4 B7 xx`).
            0xE4 if bytes[i + 1] != 0xB7 => i += 3,
            // U+3000–U+3FFF: kana and CJK punctuation, some plain.
            0xE3 if is_plain_e3(bytes[i + 1], bytes[i + 2]) => i += 3,
            // `※` U+203B, the one plain character below U+3000 outside ASCII.
            0xE2 if bytes[i + 1] == 0x80 && bytes[i + 2] == 0xBB => i += 3,
            _ => return false,
        }
        after_space = false;
    }
    !after_space || s.is_empty()
}

/// For each byte: the length of the character it starts when that character is plain
/// whatever follows the lead byte (`!`…`~`: 1; `E5`…`E9`, U+5000–U+9FFF, all kanji: 3),
/// else 0 (the space, kana, other lead bytes, continuation bytes: a closer look).
const PLAIN_BY_LEAD_BYTE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = b'!';
    while b <= b'~' {
        table[b as usize] = 1;
        b += 1;
    }
    let mut b = 0xE5;
    while b <= 0xE9 {
        table[b as usize] = 3;
        b += 1;
    }
    table
};

/// Which of U+3000–U+30FF (CJK punctuation, hiragana, katakana) are [`is_plain_char`]s,
/// one bit each: bit `c & 63` of word `(c >> 6) & 3`.
const PLAIN_KANA_BITS: [u64; 4] = {
    let mut bits = [0u64; 4];
    let mut c = 0x3000u32;
    while c <= 0x30FF {
        if let Some(ch) = char::from_u32(c) {
            if is_plain_char(ch) {
                bits[((c >> 6) & 3) as usize] |= 1 << (c & 63);
            }
        }
        c += 1;
    }
    bits
};

/// Whether the character `E3 b1 b2` (U+3000–U+3FFF) is an [`is_plain_char`]: by the bit
/// table for U+3000–U+30FF (`b1` = `80`…`83`); U+3400–U+3FFF (`b1` = `90`…`BF`) are all
/// kanji; U+3100–U+33FF (bopomofo, compatibility forms) are not plain.
#[inline]
fn is_plain_e3(b1: u8, b2: u8) -> bool {
    match b1 {
        0x80..=0x83 => PLAIN_KANA_BITS[usize::from(b1 & 3)] >> (b2 & 63) & 1 != 0,
        0x90..=0xBF => true,
        _ => false,
    }
}

/// [`is_normalized`] as first written, over decoded characters: the reference its byte
/// version is tested against.
#[cfg(test)]
fn is_normalized_by_chars(s: &str) -> bool {
    // A space at the start is trimmed: count the start as a space.
    let mut after_space = true;
    for c in s.chars() {
        match c {
            ' ' if after_space => return false,
            ' ' => {
                after_space = true;
                continue;
            }
            c if is_plain_char(c) => {}
            _ => return false,
        }
        after_space = false;
    }
    !after_space || s.is_empty()
}

/// A character every step leaves as it is, whatever stands around it, so long as its
/// neighbours are plain too: printable ASCII, and kana, kanji and CJK punctuation that are
/// normalization boundaries (NFKC leaves them as they are, nothing before them combines
/// with them or reorders past them, step 1 does not touch them), but for the wave dash `〜`,
/// which step 3 may rewrite. A text of these and single inner spaces is normalized already;
/// a text whose last character is one ends in it once normalized. Recognised by range,
/// without a table lookup.
#[inline]
pub const fn is_plain_char(c: char) -> bool {
    matches!(c,
        '!'..='~'
        | '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FE}'
        | '\u{3001}'..='\u{3002}'
        | '\u{3005}'..='\u{301B}'
        | '\u{301D}'..='\u{301F}'
        | '\u{203B}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
    )
}

/// [`normalize`] each `'\n'`-separated line, keeping the line breaks and dropping lines
/// that normalize to nothing. For cells whose items [`strip_html`](crate::html::strip_html)
/// separated by `'\n'`.
pub fn normalize_keep_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split('\n') {
        let line = normalize(line);
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&line);
    }
    out
}

/// Remove a single space standing between two CJK ideographs or kana: justified labels
/// printed letter-spaced (`順 調` → `順調`, `柏 崎 市` → `柏崎市`). Two or more spaces, and
/// a space next to anything else (`令和 3年`, `KPI 数`), stay. Only where the caller asks:
/// it would also join two words a writer separated on purpose.
pub fn squeeze_cjk_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if (c == ' ' || c == '\u{3000}')
            && prev.is_some_and(is_cjk_letter)
            && chars.peek().copied().is_some_and(is_cjk_letter)
        {
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Ideographs (including the iteration and closing marks 々〆〇), hiragana, katakana
/// (with `ー`), half-width katakana: a Japanese letter, not punctuation such as `・`, which
/// prints tight to anything.
pub(crate) fn is_cjk_letter(c: char) -> bool {
    matches!(c,
        '\u{3005}'..='\u{3007}'
        | '\u{3041}'..='\u{3096}'
        | '\u{309D}'..='\u{309F}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{30FC}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF66}'..='\u{FF9D}'
        | '\u{20000}'..='\u{3FFFF}'
    )
}

/// Steps 1 and 2: premap and NFKC, segment by segment.
fn nfkc_with_premap(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    // `s[..copied]` is already in `out`; `s[seg_start..]` is the open segment, which
    // needs NFKC when `seg_dirty`.
    let mut copied = 0;
    let mut seg_start = 0;
    let mut seg_dirty = false;
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII and the kanji from U+5000 (lead bytes `E5`…`E9`) are stable boundaries,
        // told from the lead byte without decoding the character.
        let (is_boundary, len) = if b.is_ascii() {
            (true, 1)
        } else if PLAIN_BY_LEAD_BYTE[usize::from(b)] == 3 {
            (true, 3)
        } else {
            let c = s[i..].chars().next().unwrap_or('\0');
            (is_stable_boundary(c), c.len_utf8())
        };
        if is_boundary {
            if seg_dirty {
                out.push_str(&s[copied..seg_start]);
                push_nfkc(&s[seg_start..i], &mut out);
                copied = i;
            }
            seg_start = i;
            seg_dirty = false;
        } else {
            seg_dirty = true;
        }
        i += len;
    }
    if seg_dirty {
        out.push_str(&s[copied..seg_start]);
        push_nfkc(&s[seg_start..], &mut out);
    } else {
        out.push_str(&s[copied..]);
    }
    out
}

/// True when `c` is unchanged by NFKC on its own, nothing before it can combine with it
/// or be reordered past it, and step 1 leaves it alone: a safe place to cut the text.
#[inline]
fn is_stable_boundary(c: char) -> bool {
    match c {
        // The wave dash is a boundary; it is not plain only because step 3 may rewrite it.
        '\0'..='\u{7F}' | '\u{301C}' => true,
        c if is_plain_char(c) => true,
        _ => {
            !premap::needs_premap(c)
                && canonical_combining_class(c) == 0
                && is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes
        }
    }
}

fn push_nfkc(segment: &str, out: &mut String) {
    if push_width_folded(segment, out) {
        return;
    }
    if segment.chars().any(premap::needs_premap) {
        let mut mapped = String::with_capacity(segment.len() + 8);
        for c in segment.chars() {
            premap::push_premapped(c, &mut mapped);
        }
        out.extend(mapped.nfkc());
    } else {
        out.extend(segment.nfkc());
    }
}

/// The common dirty segments are a character that stays as it is followed by full-width
/// ASCII and ideographic spaces (`数（`, `Ｒ５`, `）\u{3000}`; a segment starts at the
/// boundary before its first dirty character): push their NFKC without the NFKC machinery
/// and say `true`, else push nothing and say `false`.
///
/// Why that is NFKC: full-width ASCII (U+FF01–U+FF5E) is `<wide>` ASCII and the ideographic
/// space `<wide>` space, and an ASCII character never composes with what stands before it;
/// the first character, a stable boundary, is its own NFKC and composes with nothing after
/// it but what could compose with it, which ASCII cannot.
fn push_width_folded(segment: &str, out: &mut String) -> bool {
    let mut chars = segment.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !(width_folded(first).is_some() || is_stable_boundary(first))
        || !chars.all(|c| width_folded(c).is_some())
    {
        return false;
    }
    out.extend(segment.chars().map(|c| width_folded(c).unwrap_or(c)));
    true
}

/// The ASCII character NFKC makes of a full-width ASCII character or the ideographic space.
#[inline]
fn width_folded(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0),
        '\u{3000}' => Some(' '),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segmented_nfkc_equals_whole_string_nfkc() {
        // Kana followed by a half-width voiced mark composes across the cut candidates.
        for s in [
            "ｶﾞｷﾞ",
            "か\u{3099}",
            "e\u{301}\u{323}x",
            "（２０２１）年",
            "ﾊﾟｰﾄﾅｰ",
            "\u{301}a",
            "A\u{200B}\u{301}",
        ] {
            let whole: String = s.replace('\u{200B}', "").nfkc().collect();
            assert_eq!(nfkc_with_premap(s), whole, "{s:?}");
        }
    }

    #[test]
    fn fast_boundary_ranges_agree_with_the_tables() {
        for c in ('\0'..='\u{FFFF}').chain('\u{20000}'..='\u{2FFFF}') {
            if is_stable_boundary(c) {
                assert!(
                    !premap::needs_premap(c)
                        && canonical_combining_class(c) == 0
                        && is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes,
                    "{c:?} U+{:04X}",
                    u32::from(c)
                );
            }
        }
    }

    /// [`push_width_folded`] against NFKC for every first character, followed by
    /// full-width ASCII and ideographic spaces.
    #[test]
    fn width_folding_is_nfkc_for_every_first_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for rest in ["（", "\u{3000}", "１２）", "\u{3000}Ｒ", ""] {
                let segment = format!("{c}{rest}");
                let mut folded = String::new();
                if push_width_folded(&segment, &mut folded) {
                    let nfkc: String = segment.nfkc().collect();
                    assert_eq!(folded, nfkc, "{segment:?}");
                } else {
                    assert!(folded.is_empty());
                }
            }
        }
        let mut out = String::new();
        assert!(!push_width_folded("", &mut out));
        assert!(!push_width_folded("（\u{301}", &mut out));
        assert!(!push_width_folded("ｶﾞ", &mut out));
        assert!(out.is_empty());
    }

    /// `nfkc_with_premap` and `is_normalized` take every character of these lead bytes for
    /// a plain boundary without decoding it.
    #[test]
    fn lead_byte_table_claims_only_plain_boundaries() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            match PLAIN_BY_LEAD_BYTE[usize::from(lead)] {
                0 => {}
                len => {
                    assert_eq!(usize::from(len), c.len_utf8(), "{c:?}");
                    assert!(is_plain_char(c) && is_stable_boundary(c), "{c:?}");
                }
            }
        }
    }

    /// Reference: premap every character, then NFKC the whole string at once.
    fn reference(s: &str) -> String {
        let mut mapped = String::new();
        for c in s.chars() {
            premap::push_premapped(c, &mut mapped);
        }
        mapped.nfkc().collect()
    }

    /// The slow path, for comparison with the borrowing fast path.
    fn normalize_in_full(s: &str) -> String {
        if s.is_ascii() {
            context::finish(s)
        } else {
            context::finish(&nfkc_with_premap(s))
        }
    }

    #[test]
    fn byte_scan_agrees_with_the_char_scan_for_every_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for s in [
                format!("{c}"),
                format!("a{c}"),
                format!("{c} 漢"),
                format!("{c}  x"),
            ] {
                assert_eq!(is_normalized(&s), is_normalized_by_chars(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn texts_taken_as_normalized_are() {
        for s in [
            "",
            "a",
            "39.8% (H30)",
            "雇用の場 (R3)",
            "メイド・イン上越認証品数（累計）",
        ] {
            assert_eq!(normalize(s), normalize_in_full(s), "{s:?}");
        }
        assert!(is_normalized("雇用の場 (R3)"));
        for s in [" a", "a ", "a  b", "a\tb", "R元〜R3", "１", "\u{3000}"] {
            assert!(!is_normalized(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn byte_scan_agrees_with_the_char_scan(s in "[ a-z0-9()%.\t\u{80}-\u{7FF}\u{2000}-\u{206F}\u{3000}-\u{30FF}\u{4DB0}-\u{4E10}\u{9FF0}-\u{A010}\u{FF01}-\u{FF10}\u{10000}-\u{10010}]{0,16}") {
            proptest::prop_assert_eq!(is_normalized(&s), is_normalized_by_chars(&s));
        }

        #[test]
        fn the_fast_path_changes_nothing(s in "[ a-z0-9()%.,\\-~!\t\u{3000}-\u{303F}\u{3041}-\u{30FF}\u{4E00}-\u{4E10}\u{FF01}-\u{FF10}\u{2010}-\u{2015}\u{203B}]{0,16}") {
            proptest::prop_assert_eq!(normalize(&s), normalize_in_full(&s));
        }

        /// The whole of [`normalize`] against the three steps done the plain way: premap
        /// and NFKC over the whole string, then step 3 as first written.
        #[test]
        fn normalize_matches_the_reference(s in "[ a-zA-Z0-9()%.,~\\-\t\n\u{a0}\u{3000}<>&;/漢字上越・ー〜あいカナ（）［］：Ｒ５ｶﾞ①ⅱ⺠\u{2010}-\u{2015}\u{2212}\u{301c}\u{200b}\u{301}\u{3099}※]{0,24}") {
            let expected = context::tests::finish_byte_by_byte(&reference(&s));
            proptest::prop_assert_eq!(normalize(&s), expected);
        }

        #[test]
        fn segmented_nfkc_matches_the_reference(s in "[\\PC\u{300}-\u{36F}\u{3099}\u{309A}\u{FF9E}\u{FF9F}\u{200B}ｶかｰ①Ⅱⅱ⺠⽬（）Ｒ５ \u{3000}\u{1100}-\u{1112}\u{1161}-\u{1175}\u{11A8}-\u{11C2}]{0,24}") {
            proptest::prop_assert_eq!(nfkc_with_premap(&s), reference(&s));
        }
    }
}
