//! The header words [`super::classify`] reads, each with the rule that reads it, and the
//! one automaton that finds all of them in a cell (overlapping words included:
//! `業績評価指標` holds `評価指標` and `評価`).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

/// What a header word says about its column; [`super::classify`] asks in its own order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Group {
    Name,
    Status,
    Projects,
    Department,
    Previous,
    Baseline,
    Target,
    Actual,
    Current,
    Label,
    /// A column that explains a row rather than measuring it (`目標設定の考え方`, `出典`,
    /// `関連方策`): kept as the KPI's notes.
    Note,
}

pub(super) const TERMS: [(&str, Group); 46] = [
    ("業績評価指標", Group::Name),
    ("指標名", Group::Name),
    ("評価指標", Group::Name),
    ("進捗状況", Group::Status),
    ("達成状況", Group::Status),
    ("進捗", Group::Status),
    ("達成度", Group::Status),
    ("評価", Group::Status),
    ("達成区分", Group::Status),
    ("主な具体的事業", Group::Projects),
    ("主な事業", Group::Projects),
    ("具体的事業", Group::Projects),
    ("主要事業", Group::Projects),
    ("関連事業", Group::Projects),
    ("担当課", Group::Department),
    ("所管課", Group::Department),
    ("担当部署", Group::Department),
    ("担当部局", Group::Department),
    ("前年度", Group::Previous),
    ("策定時", Group::Baseline),
    ("当初", Group::Baseline),
    ("基準", Group::Baseline),
    ("目標", Group::Target),
    // Interim yearly targets: targets with their own period.
    ("目安", Group::Target),
    ("期待値", Group::Target),
    ("見込", Group::Current),
    ("実績", Group::Actual),
    ("現状", Group::Current),
    ("政策分野", Group::Label),
    ("基本的方向", Group::Label),
    ("具体的施策", Group::Label),
    ("施策", Group::Label),
    ("分野", Group::Label),
    ("基本目標", Group::Label),
    ("番号", Group::Label),
    ("区分", Group::Label),
    ("考え方", Group::Note),
    ("出典", Group::Note),
    ("備考", Group::Note),
    ("根拠", Group::Note),
    ("方策", Group::Note),
    ("算出方法", Group::Note),
    ("把握方法", Group::Note),
    ("説明", Group::Note),
    ("資料", Group::Note),
    ("理由", Group::Note),
];

/// Built once a process. An NFA: the DFA the builder would pick for so few words takes
/// longer to build (about half a millisecond) than a report's header cells take to search.
static AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(TERMS.iter().map(|(word, _)| word))
        .expect("a few short header words")
});

/// The groups of the words a text contains.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Terms(u16);

impl Terms {
    pub(super) fn of(text: &str) -> Terms {
        let mut terms = Terms::default();
        for found in AUTOMATON.find_overlapping_iter(text) {
            terms.0 |= 1 << TERMS[found.pattern().as_usize()].1 as u16;
        }
        terms
    }

    pub(super) fn has(self, group: Group) -> bool {
        self.0 & (1 << group as u16) != 0
    }
}
