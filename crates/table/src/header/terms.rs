//! The header words [`super::classify`] reads, and how a cell's words are found: one pass
//! over its characters, trying only the words that start with each one.

use shinchoku_extract::cells::utf8_len;

/// The words [`classify`](super::classify) looks for, found in one pass over a cell
/// ([`Terms::of_at_most`]) instead of one substring search per word: every line's first cells are
/// classified, and thirty searches a cell were 7 % of reading the 上越 report. Grouped by
/// the rule that reads them.
pub(super) const TERMS: [&str; 33] = [
    // Name (0..3)
    "業績評価指標",
    "指標名",
    "評価指標",
    // Status (3..9)
    "進捗状況",
    "達成状況",
    "進捗",
    "達成度",
    "評価",
    "達成区分",
    // Projects (9..14)
    "主な具体的事業",
    "主な事業",
    "具体的事業",
    "主要事業",
    "関連事業",
    // Department (14..18)
    "担当課",
    "所管課",
    "担当部署",
    "担当部局",
    // Previous (18), baseline (19..22), target (22), actual (23), current (24)
    "前年度",
    "策定時",
    "当初",
    "基準",
    "目標",
    "実績",
    "現状",
    // Label (25..33)
    "政策分野",
    "基本的方向",
    "具体的施策",
    "施策",
    "分野",
    "基本目標",
    "番号",
    "区分",
];

/// The set of [`TERMS`] a text contains, as bits.
#[derive(Clone, Copy)]
pub(super) struct Terms(u64);

impl Terms {
    pub(super) const NAME: u64 = mask(0, 3);
    pub(super) const STATUS: u64 = mask(3, 9);
    pub(super) const PROJECTS: u64 = mask(9, 14);
    pub(super) const DEPARTMENT: u64 = mask(14, 18);
    pub(super) const PREVIOUS: u64 = mask(18, 19);
    pub(super) const BASELINE: u64 = mask(19, 22);
    pub(super) const TARGET: u64 = mask(22, 23);
    pub(super) const ACTUAL: u64 = mask(23, 24);
    pub(super) const CURRENT: u64 = mask(24, 25);
    pub(super) const LABEL: u64 = mask(25, 33);

    /// The terms `s` contains and its length in characters; `None`, without reading the
    /// rest, once it has more than `max_chars` characters ([`classify`](super::classify)
    /// reads no longer cell, and the first cells of data lines are mostly long KPI names).
    pub(super) fn of_at_most(s: &str, max_chars: usize) -> Option<(Terms, usize)> {
        // A byte walk: every term starts with a three-byte character, and a bitmap of the
        // first characters' last two bytes rules out nearly every other one without decoding
        // it (a few instructions a character). Matched as a slice pattern, so that the
        // character's bytes and the rest come without bounds checks or a length table.
        let mut rest = s.as_bytes();
        let mut bits = 0;
        let mut chars = 0;
        while let [lead, tail @ ..] = rest {
            chars += 1;
            if chars > max_chars {
                return None;
            }
            rest = match (*lead, tail) {
                (0xE0..=0xEF, [b1, b2, after @ ..]) => {
                    let low = low_bits3(*b1, *b2);
                    if FIRST_CHAR_LOW_BITS[low / 64] & (1 << (low % 64)) != 0 {
                        bits |= terms_at(code_point3(&[*lead, *b1, *b2]), after);
                    }
                    after
                }
                (0..=0x7F, _) => tail,
                // Two- and four-byte characters (`s` is valid UTF-8: they are whole).
                _ => tail.get(utf8_len(*lead) - 1..).unwrap_or_default(),
            };
        }
        Some((Terms(bits), chars))
    }

    pub(super) fn any(self, group: u64) -> bool {
        self.0 & group != 0
    }
}

/// The terms that start with the character `code` and go on with `rest`, as bits.
#[inline]
fn terms_at(code: usize, rest: &[u8]) -> u64 {
    let mut bits = 0;
    let mut candidates = terms_starting_with(code);
    while candidates != 0 {
        let term = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        if rest.starts_with(&TERMS[term].as_bytes()[3..]) {
            bits |= 1 << term;
        }
    }
    bits
}

/// A bit for each of the 4,096 values of a three-byte character's last 12 bits (its last
/// two bytes' payload), set for those of the first characters of the terms: a character
/// without its bit starts no term. One with it may still not (another lead byte): then
/// [`terms_starting_with`] finds no term. Built at compile time (512 bytes).
static FIRST_CHAR_LOW_BITS: [u64; 64] = first_char_low_bits();

/// The terms that start with the character `code`, as bits: a binary search of
/// [`BY_FIRST`]. Asked only of characters that start a term, which are common in KPI names
/// (`目`, `実`, `分`, `基` …): trying every term at each of them cost more than the walk.
fn terms_starting_with(code: usize) -> u64 {
    let (firsts, count) = &BY_FIRST;
    let firsts = &firsts[..*count];
    match firsts.binary_search_by_key(&code, |&(c, _)| c) {
        Ok(i) => firsts[i].1,
        Err(_) => 0,
    }
}

/// Every distinct first character of [`TERMS`] (as a code point), sorted, with the terms
/// that start with it as bits; and how many there are (the rest is padding).
static BY_FIRST: ([(usize, u64); TERMS.len()], usize) = by_first();

const fn by_first() -> ([(usize, u64); TERMS.len()], usize) {
    let mut firsts = [(usize::MAX, 0u64); TERMS.len()];
    let mut count = 0;
    let mut term = 0;
    while term < TERMS.len() {
        let code = code_point3(TERMS[term].as_bytes());
        // Insertion into the sorted prefix, or a bit more for a known first character.
        let mut i = 0;
        while i < count && firsts[i].0 < code {
            i += 1;
        }
        if i < count && firsts[i].0 == code {
            firsts[i].1 |= 1 << term;
        } else {
            let mut j = count;
            while j > i {
                firsts[j] = firsts[j - 1];
                j -= 1;
            }
            firsts[i] = (code, 1 << term);
            count += 1;
        }
        term += 1;
    }
    (firsts, count)
}

const fn first_char_low_bits() -> [u64; 64] {
    let mut table = [0u64; 64];
    let mut i = 0;
    while i < TERMS.len() {
        let word = TERMS[i].as_bytes();
        // Every term starts with a three-byte character (`Terms::of_at_most` looks only at those).
        assert!(word.len() >= 3 && word[0] & 0xF0 == 0xE0);
        let low = low_bits3(word[1], word[2]);
        table[low / 64] |= 1 << (low % 64);
        i += 1;
    }
    table
}

/// The last 12 bits of the code point of a three-byte UTF-8 sequence, from its last two bytes.
const fn low_bits3(b1: u8, b2: u8) -> usize {
    ((b1 as usize & 0x3F) << 6) | (b2 as usize & 0x3F)
}

/// The code point of the three-byte UTF-8 sequence at the start of `seq`.
const fn code_point3(seq: &[u8]) -> usize {
    ((seq[0] as usize & 0x0F) << 12) | ((seq[1] as usize & 0x3F) << 6) | (seq[2] as usize & 0x3F)
}

/// Bits `from..to`.
const fn mask(from: u32, to: u32) -> u64 {
    ((1u64 << to) - 1) & !((1u64 << from) - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The terms of a text by one substring search per term, and its length in characters.
    fn terms_by_search(s: &str, max_chars: usize) -> Option<(u64, usize)> {
        let n = s.chars().count();
        let bits = TERMS
            .iter()
            .enumerate()
            .filter(|(_, t)| s.contains(*t))
            .fold(0, |bits, (i, _)| bits | 1 << i);
        (n <= max_chars).then_some((bits, n))
    }

    fn walked(s: &str, max_chars: usize) -> Option<(u64, usize)> {
        Terms::of_at_most(s, max_chars).map(|(t, n)| (t.0, n))
    }

    /// Characters that share the last 12 bits of a term's first character under another
    /// lead byte (`U+x6EE` for `目` U+76EE) pass the bitmap but start no term.
    #[test]
    fn look_alike_first_characters_start_no_term() {
        for term in TERMS {
            let first = term.chars().next().unwrap() as u32;
            let rest = &term[3..];
            for high in 0..16u32 {
                let Some(c) = char::from_u32(high << 12 | (first & 0xFFF)) else {
                    continue;
                };
                if c.len_utf8() != 3 {
                    continue;
                }
                for s in [
                    format!("{c}{rest}"),
                    format!("a{c}{rest}{term}"),
                    format!("{c}"),
                ] {
                    assert_eq!(walked(&s, 40), terms_by_search(&s, 40), "{s}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn walk_finds_the_terms_a_search_finds(
            picks in proptest::collection::vec(0..TERMS.len() + 6, 0..8),
            max_chars in 0usize..50,
        ) {
            let s: String = picks
                .iter()
                .map(|&i| match TERMS.get(i) {
                    Some(term) => term,
                    None => ["a", "ä", "𠮷", "の", "标", "\u{66EE}"][i - TERMS.len()],
                })
                .collect();
            proptest::prop_assert_eq!(walked(&s, max_chars), terms_by_search(&s, max_chars), "{}", s);
        }
    }
}
