//! The header words [`super::classify`] reads, and how a cell's words are found: one pass
//! over its characters, trying only the words that start with each one.

use std::sync::LazyLock;

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
        let index = TermIndex::get();
        let mut bits = 0;
        for (at, c) in s.char_indices() {
            if !index.may_start(c) {
                continue;
            }
            let from = index.by_first.partition_point(|&(f, _)| f < c);
            for &(_, term) in index.by_first[from..].iter().take_while(|&&(f, _)| f == c) {
                if s[at..].starts_with(TERMS[term]) {
                    bits |= 1 << term;
                }
            }
        }
        Terms(bits)
    }

    pub(super) fn any(self, group: u64) -> bool {
        self.0 & group != 0
    }
}

/// [`TERMS`] by first character. An automaton (`aho-corasick`) would search faster, but
/// building it cost more than classifying every cell of a report.
struct TermIndex {
    /// `(first character, index in TERMS)`, sorted.
    by_first: Vec<(char, usize)>,
    /// A bit per `code point % 256` of every first character: most characters of a cell
    /// start no term and are passed over on one test. (With 64 bits, a kanji passed it
    /// two times in five.)
    first_chars: [u64; 4],
}

impl TermIndex {
    fn get() -> &'static TermIndex {
        static INDEX: LazyLock<TermIndex> = LazyLock::new(|| {
            let mut by_first: Vec<(char, usize)> = TERMS
                .iter()
                .enumerate()
                .filter_map(|(i, t)| Some((t.chars().next()?, i)))
                .collect();
            by_first.sort_unstable();
            let mut first_chars = [0u64; 4];
            for &(c, _) in &by_first {
                let bit = u32::from(c) % 256;
                first_chars[(bit / 64) as usize] |= 1 << (bit % 64);
            }
            TermIndex {
                by_first,
                first_chars,
            }
        });
        &INDEX
    }

    #[inline]
    fn may_start(&self, c: char) -> bool {
        let bit = u32::from(c) % 256;
        self.first_chars[(bit / 64) as usize] & (1 << (bit % 64)) != 0
    }
}

/// Bits `from..to`.
const fn mask(from: u32, to: u32) -> u64 {
    ((1u64 << to) - 1) & !((1u64 << from) - 1)
}
