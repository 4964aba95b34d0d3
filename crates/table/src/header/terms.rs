//! The header words [`super::classify`] reads, and how a cell's words are found: one pass
//! over its characters, trying only the words that start with each one.

use shinchoku_extract::cells::utf8_len;

/// The words [`classify`](super::classify) looks for, found in one pass over a cell
/// ([`Terms::of`]) instead of one substring search per word: every line's first cells are
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

    pub(super) fn of(s: &str) -> Terms {
        // A byte walk: every term starts with a three-byte character, looked up in an exact
        // bitmap, so most characters cost a few instructions and no decoding.
        let bytes = s.as_bytes();
        let mut bits = 0;
        let mut at = 0;
        while at < bytes.len() {
            let width = utf8_len(bytes[at]);
            if width == 3 && at + 3 <= bytes.len() && starts_a_term(&bytes[at..at + 3]) {
                let rest = &bytes[at + 3..];
                let mut candidates = terms_starting_with(code_point3(&bytes[at..]));
                while candidates != 0 {
                    let term = candidates.trailing_zeros() as usize;
                    candidates &= candidates - 1;
                    if rest.starts_with(&TERMS[term].as_bytes()[3..]) {
                        bits |= 1 << term;
                    }
                }
            }
            at += width;
        }
        Terms(bits)
    }

    pub(super) fn any(self, group: u64) -> bool {
        self.0 & group != 0
    }
}

/// Whether the three-byte character `seq` starts one of [`TERMS`].
#[inline]
fn starts_a_term(seq: &[u8]) -> bool {
    let code = code_point3(seq);
    FIRST_CHARS[code / 64] & (1 << (code % 64)) != 0
}

/// A bit per code point of the Basic Multilingual Plane, set for the first character of
/// every term: exact, unlike a hash of the character, so no other character goes on to the
/// word comparisons. Built at compile time (8 KB).
static FIRST_CHARS: [u64; 1024] = first_chars();

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

const fn first_chars() -> [u64; 1024] {
    let mut table = [0u64; 1024];
    let mut i = 0;
    while i < TERMS.len() {
        let word = TERMS[i].as_bytes();
        // Every term starts with a three-byte character (`Terms::of` looks only at those).
        assert!(word.len() >= 3 && word[0] & 0xF0 == 0xE0);
        let code = code_point3(word);
        table[code / 64] |= 1 << (code % 64);
        i += 1;
    }
    table
}

/// The code point of the three-byte UTF-8 sequence at the start of `seq`.
const fn code_point3(seq: &[u8]) -> usize {
    ((seq[0] as usize & 0x0F) << 12) | ((seq[1] as usize & 0x3F) << 6) | (seq[2] as usize & 0x3F)
}

/// Bits `from..to`.
const fn mask(from: u32, to: u32) -> u64 {
    ((1u64 << to) - 1) & !((1u64 << from) - 1)
}
