//! The role words the block layouts (indicator sheets, inline lists) read in their labels:
//! `基準値`, `現状値`, `実績値`, `目標値`, `目安値` … (contract: Observation.role). The KPI
//! table reads its header terms through [`crate::header`]; these layouts read short labels
//! of their own (a period cell `平成25 (基準値)`, a row label `期待値`, an inline `【現状値】`).

use crate::model::Role;

/// What a role word says, with whether it marks observed actuals (`実績値`), which a sheet's
/// value row label needs to tell from targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RoleWord {
    pub role: Role,
    /// `目安値` / `期待値`: interim targets, dated by their own period.
    pub interim: bool,
}

/// Role words, longest first so that `目標値` is not read as `目標` plus a stray `値`, and
/// `基準値` before `基準`.
const WORDS: [(&str, Role, bool); 15] = [
    ("基準値", Role::Baseline, false),
    ("策定時", Role::Baseline, false),
    ("当初値", Role::Baseline, false),
    ("現状値", Role::Current, false),
    ("実績値", Role::Current, false),
    ("目標値", Role::Target, false),
    ("目安値", Role::Target, true),
    ("期待値", Role::Target, true),
    ("前年度", Role::Previous, false),
    ("見込み", Role::Current, false),
    ("当初", Role::Baseline, false),
    ("基準", Role::Baseline, false),
    ("現状", Role::Current, false),
    ("実績", Role::Current, false),
    ("目標", Role::Target, false),
];

/// The role word a short label holds (`平成28(現状値)`, `【目標値】`, `期待値`), from its
/// squeezed text; `None` when it holds none.
pub(crate) fn role_word_in(label: &str) -> Option<RoleWord> {
    WORDS
        .iter()
        .find(|(word, _, _)| label.contains(word))
        .map(|&(_, role, interim)| RoleWord { role, interim })
}

/// The label is a role word and nothing else but brackets (`実績値`, `【目標値】`, `(目安値)`).
pub(crate) fn bare_role_word(label: &str) -> Option<RoleWord> {
    let trimmed = label.trim_matches(['【', '】', '[', ']', '(', ')', '<', '>', ':', ' ']);
    WORDS
        .iter()
        .find(|(word, _, _)| trimmed == *word)
        .map(|&(_, role, interim)| RoleWord { role, interim })
}
