//! Which printed header cells name a KPI table's columns: a small built-in list, or the
//! caller's own through [`HeaderVocabulary`].
//!
//! The layout reader needs only a rough answer (is this cell a header term, and does its
//! column hold the KPI's name, its values, or something else?) to find where a table
//! starts and which of its columns are values. The table stage's classification is the
//! authority on what each column means; a caller that has it can pass it in.

use std::borrow::Cow;
use std::sync::{Mutex, PoisonError};

use crate::normalize::normalize_cow;

/// What a header cell says its column holds, as far as the layout reader cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderKind {
    /// The KPI name (`項目`, `指標名`).
    Name,
    /// A value, or a status/evaluation (one printed cell per row, short).
    Value,
    /// A list of projects (`主な具体的事業`): long, continues over lines.
    Projects,
    /// A column that groups or labels rows (`政策分野`, `No`).
    Label,
    /// A piece of a header split over lines (`(R5年度末)`, `状況`).
    Fragment,
}

/// Tells header cells from other text.
pub trait HeaderVocabulary: Sync {
    /// The kind of column `text` (one header cell, as printed) names, or `None` when it
    /// is not a header cell.
    fn kind(&self, text: &str) -> Option<HeaderKind>;
}

/// The built-in list: words every KPI report's header uses. Deliberately short; checked
/// in order, so `目標値` is a value before `指標` could make it a name.
pub struct BuiltinVocabulary;

/// Longer cells are not header terms (squeezed characters, brackets included).
const MAX_TERM_CHARS: usize = 24;

/// A value or label header is a short phrase (`戦略策定時`, `現状値`), its period in
/// brackets aside.
const MAX_VALUE_TERM_CHARS: usize = 8;

/// Projects headers end with these (`主な具体的事業`, `主な取組`, `関連方策`).
const PROJECTS: [&str; 4] = ["事業", "取組", "取り組み", "方策"];
const VALUES: [&str; 16] = [
    "基準",
    "現状",
    "当初",
    "策定時",
    "実績",
    "目標",
    "目安",
    "前年度",
    "見込",
    "達成",
    "進捗",
    "評価",
    // `改善・悪化`: the direction of a value since the baseline, a status column.
    "改善",
    "状況",
    "現在値",
    // The national KPI form's `指標値 | 単位 | 目標年月 | 実績値`.
    "指標値",
];
/// Name headers end with one of these (`重要業績評価指標`, `指標名称`); `目標指標` too, so
/// they are checked before the value words.
const NAME_ENDINGS: [&str; 5] = ["指標", "指標名", "指標名称", "KPI", "項目"];
const LABELS: [&str; 8] = [
    "政策分野",
    "分野",
    "方向性",
    "施策",
    "No",
    "番号",
    "単位",
    "担当",
];

impl HeaderVocabulary for BuiltinVocabulary {
    fn kind(&self, text: &str) -> Option<HeaderKind> {
        // Asked of the first run of every line: a text too long to be a term is turned
        // away before it is normalized (a character is at most 4 bytes, a space 1).
        if text.trim().len() > MAX_TERM_CHARS * 8 {
            return None;
        }
        // Borrowed unless the text needs normalizing or squeezing: most runs asked about
        // are plain words, asked once per reader (spaces, one cell per line, -raw).
        let normalized = normalize_cow(text);
        let squeezed: Cow<str> = if normalized.contains(char::is_whitespace) {
            Cow::Owned(normalized.chars().filter(|c| !c.is_whitespace()).collect())
        } else {
            normalized
        };
        if squeezed.is_empty() || squeezed.chars().count() > MAX_TERM_CHARS {
            return None;
        }
        // A list item (`・情報産業育成振興事業`, one of a narrative's projects) names no
        // column, however its words end.
        if squeezed.starts_with('・') {
            return None;
        }
        if is_period_only(&squeezed) || matches!(&*squeezed, "状況" | "時点" | "(時点)" | "値")
        {
            return Some(HeaderKind::Fragment);
        }
        // Bracketed parts (`(R5年度末)`, `(KPI)`) do not decide the kind of the words
        // before them, except when they are all there is.
        let head = squeezed.split(['(', '（']).next().unwrap_or("");
        let words = if head.is_empty() { &squeezed } else { head };
        // A header names a column in a few words; digits outside brackets are data.
        let short =
            |max: usize| words.chars().count() <= max && !words.bytes().any(|b| b.is_ascii_digit());
        if !short(MAX_TERM_CHARS) {
            return None;
        }
        if words.contains("数値目標") {
            return Some(HeaderKind::Label);
        }
        if PROJECTS.iter().any(|t| words.ends_with(t)) {
            return Some(HeaderKind::Projects);
        }
        if words.starts_with("項目") || NAME_ENDINGS.iter().any(|t| words.ends_with(t)) {
            return Some(HeaderKind::Name);
        }
        if short(MAX_VALUE_TERM_CHARS) && VALUES.iter().any(|t| words.contains(t)) {
            return Some(HeaderKind::Value);
        }
        if short(MAX_VALUE_TERM_CHARS) && LABELS.iter().any(|t| words.contains(t)) {
            return Some(HeaderKind::Label);
        }
        None
    }
}

/// True for a cell that is only a date expression (`(R5年度末)`, `H30`, `(2018)`).
pub fn is_period_only(s: &str) -> bool {
    let (mut number, mut marker) = (false, false);
    for c in s.chars() {
        match c {
            '0'..='9' => number = true,
            '元' => (number, marker) = (true, true),
            'H' | 'R' | 'S' | 'T' | 'M' | '年' | '(' => marker = true,
            ')' | 'h' | '度' | '末' | '月' | '.' | '~' | '-' | '令' | '和' | '平' | '成' | '昭' =>
                {}
            _ => return false,
        }
    }
    number && marker
}

/// A vocabulary that remembers its answers for one text: the layout reader asks about the
/// same header terms again and again while it tries a table's columns (each term of a
/// header some twenty times), and a page's header comes back on every page.
pub(crate) struct Remembering<'v> {
    vocab: &'v dyn HeaderVocabulary,
    answers: Mutex<foldhash::HashMap<Box<str>, Option<HeaderKind>>>,
}

impl<'v> Remembering<'v> {
    pub(crate) fn new(vocab: &'v dyn HeaderVocabulary) -> Self {
        Remembering {
            vocab,
            answers: Mutex::default(),
        }
    }
}

impl HeaderVocabulary for Remembering<'_> {
    fn kind(&self, text: &str) -> Option<HeaderKind> {
        // One text is read by one thread: the lock is never contended, and a panic
        // elsewhere leaves the answers as right as they were.
        let mut answers = self.answers.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(&kind) = answers.get(text) {
            return kind;
        }
        let kind = self.vocab.kind(text);
        answers.insert(text.into(), kind);
        kind
    }
}

#[cfg(test)]
mod tests {
    use super::{BuiltinVocabulary, HeaderKind, HeaderVocabulary, Remembering};

    #[test]
    fn header_cells_of_both_seeds_are_told_apart() {
        let v = BuiltinVocabulary;
        let kind = |s| v.kind(s);
        assert_eq!(kind("項目"), Some(HeaderKind::Name));
        assert_eq!(kind("重要業績評価指標（KPI）"), Some(HeaderKind::Name));
        assert_eq!(kind("最重要業績評価指標（K P I）"), Some(HeaderKind::Name));
        assert_eq!(kind("戦略策定時（時点）"), Some(HeaderKind::Value));
        assert_eq!(kind("現状値（R5年度末）"), Some(HeaderKind::Value));
        assert_eq!(kind("目標（R6）"), Some(HeaderKind::Value));
        assert_eq!(kind("目標値"), Some(HeaderKind::Value));
        assert_eq!(kind("進捗"), Some(HeaderKind::Value));
        assert_eq!(kind("主な具体的事業"), Some(HeaderKind::Projects));
        assert_eq!(kind("政策分野"), Some(HeaderKind::Label));
        assert_eq!(kind("（2018）"), Some(HeaderKind::Fragment));
        assert_eq!(kind("(H30)"), Some(HeaderKind::Fragment));
        assert_eq!(kind("状況"), Some(HeaderKind::Fragment));
        assert_eq!(kind("認定農業者数"), None);
        assert_eq!(kind("・情報産業育成振興事業"), None);
        assert_eq!(kind("842人"), None);
        assert_eq!(kind("8事業者 (H30)"), None);
        assert_eq!(kind("雪室食品を商品化する食品関連事業者数"), None);
        assert_eq!(kind("目標達成に向けた市民の実績の割合"), None);
        assert_eq!(
            kind("「第2期上越市まち・ひと・しごと創生総合戦略」重要業績評価指標（KPI）進捗状況一覧表"),
            None
        );
    }

    /// A vocabulary that counts the questions it is asked.
    struct Counting(std::sync::atomic::AtomicUsize);

    impl HeaderVocabulary for Counting {
        fn kind(&self, text: &str) -> Option<HeaderKind> {
            self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            BuiltinVocabulary.kind(text)
        }
    }

    #[test]
    fn a_remembering_vocabulary_answers_as_its_own_asking_once_per_text() {
        let counting = Counting(std::sync::atomic::AtomicUsize::new(0));
        let remembering = Remembering::new(&counting);
        let texts = [
            "項目",
            "現状値（R5年度末）",
            "150人",
            "項目",
            "150人",
            "項目",
            "主な事業",
        ];
        for t in texts {
            assert_eq!(remembering.kind(t), BuiltinVocabulary.kind(t), "{t}");
        }
        assert_eq!(counting.0.load(std::sync::atomic::Ordering::Relaxed), 4);
    }
}
