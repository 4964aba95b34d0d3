//! Reading a status cell (進捗状況) into a Status, and legend lines into label → code pairs.
//!
//! Words are matched with white space removed, so `順 調` is `順調`. A printed legend
//! (`◎：目標値以上`, `B：概ね順調`) maps letters and symbols; without one they are `other`.

use crate::cell_text::NormalizedText;
use crate::model::{Status, StatusCode};

/// A printed legend: label → code (e.g. `◎：目標値以上` → achieved).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Legend {
    pub entries: Vec<(String, StatusCode)>,
}

impl Legend {
    /// Add every entry a legend line holds; returns how many were added. A later entry
    /// for the same label replaces the earlier one.
    pub fn add_line(&mut self, text: &str) -> usize {
        self.add_entries(parse_legend_entries(text))
    }

    /// Add entries read by [`parse_legend_entries`]; returns how many were added.
    pub fn add_entries(&mut self, found: impl IntoIterator<Item = (String, StatusCode)>) -> usize {
        let mut count = 0;
        for (label, code) in found {
            count += 1;
            let key = compact(&label);
            self.entries.retain(|(l, _)| compact(l) != key);
            self.entries.push((label, code));
        }
        count
    }

    /// The code the legend gives a printed label (white space ignored).
    pub fn lookup(&self, label: &str) -> Option<StatusCode> {
        let key = compact(&NormalizedText::new(label));
        self.entries
            .iter()
            .find(|(l, _)| compact(l) == key)
            .map(|(_, c)| *c)
    }
}

/// Status words every report uses, with white space removed.
const WORDS: &[(&str, StatusCode)] = &[
    ("順調", StatusCode::OnTrack),
    ("概ね順調", StatusCode::OnTrack),
    ("おおむね順調", StatusCode::OnTrack),
    ("現状維持", StatusCode::Unchanged),
    ("遅延", StatusCode::Delayed),
    ("遅れ", StatusCode::Delayed),
    ("達成", StatusCode::Achieved),
    ("目標達成", StatusCode::Achieved),
    ("達成済", StatusCode::Achieved),
    ("達成済み", StatusCode::Achieved),
    ("未達成", StatusCode::NotAchieved),
    ("やや遅れ", StatusCode::Delayed),
    ("遅れている", StatusCode::Delayed),
    ("進展", StatusCode::OnTrack),
    ("進展あり", StatusCode::OnTrack),
    ("進展せず", StatusCode::Unchanged),
    ("進展なし", StatusCode::Unchanged),
    // A value's direction since the baseline: better is on track, worse is behind.
    ("改善", StatusCode::OnTrack),
    ("維持", StatusCode::Unchanged),
    ("横ばい", StatusCode::Unchanged),
    ("悪化", StatusCode::Delayed),
    ("要改善", StatusCode::Delayed),
    ("未実施", StatusCode::Unknown),
    ("未着手", StatusCode::Unknown),
];

/// Read a status cell, using the document's legend when one was printed.
pub fn parse_status(text: &str, legend: &Legend) -> Option<Status> {
    let label = text.trim();
    if label.is_empty() {
        return None;
    }
    let normalized = NormalizedText::new(label);
    let key = compact(strip_remarks(&normalized));
    let code = legend
        .lookup(&key)
        .or_else(|| word_code(&key))
        .unwrap_or(StatusCode::Other);
    Some(Status {
        label: label.to_string(),
        code,
    })
}

/// `順調※1`, `遅延(※)`: the word without a trailing remark mark.
fn strip_remarks(s: &str) -> &str {
    let cut = s.find(['※', '(', '*']).unwrap_or(s.len());
    let head = s[..cut].trim();
    if head.is_empty() {
        s
    } else {
        head
    }
}

/// The code of a status word or a dash, `None` for anything else.
fn word_code(key: &str) -> Option<StatusCode> {
    if is_dash(key) {
        return Some(StatusCode::Unknown);
    }
    WORDS.iter().find(|(w, _)| *w == key).map(|(_, c)| *c)
}

fn is_dash(key: &str) -> bool {
    let n = key.chars().count();
    (1..=2).contains(&n)
        && key.chars().all(|c| {
            matches!(
                c,
                '-' | '－' | '―' | '—' | '‐' | '‑' | '–' | '−' | 'ー' | '─'
            )
        })
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Longest legend label, in characters without spaces (`現状維持`, `概ね順調`).
const MAX_LABEL_CHARS: usize = 6;

/// Read one legend line: `◎：目標値以上` → (`◎`, achieved);
/// `- 順 調：事業が予定通り進んでおり…` → (`順 調`, on_track); `「 - 」：実績確認中…` → (`-`, unknown).
/// `None` when the line is not `label：description` or the description means nothing known.
pub fn parse_legend_line(text: &str) -> Option<(String, StatusCode)> {
    legend_line(&NormalizedText::new(text))
}

/// [`parse_legend_line`] of normalized text.
fn legend_line(n: &NormalizedText) -> Option<(String, StatusCode)> {
    let (head, description) = n.split_once([':', '：', '='])?;
    let label = legend_label(head)?;
    let description = description.trim();
    if description.is_empty() {
        return None;
    }
    let code = word_code(&compact(&label)).or_else(|| describe(description))?;
    Some((label, code))
}

/// Every character whose normalization holds the `:` or `=` a legend entry needs; a line
/// with none of them cannot be a legend, and is not normalized to find out (most lines).
const LEGEND_SEPARATORS: &[char] = &[
    ':', '=', '：', '＝', '\u{FE13}', '\u{FE55}', '\u{FE66}', '\u{207C}', '\u{208C}', '\u{2A74}',
    '\u{2A75}', '\u{2A76}',
];

/// Cheap test on raw text: false only when no legend entry can be on the line.
pub fn may_hold_legend(raw: &str) -> bool {
    raw.contains(LEGEND_SEPARATORS)
}

/// Every entry on a line that may hold several (`◎:目標値以上 ○:目標値の8割以上`).
pub fn parse_legend_entries(text: &str) -> Vec<(String, StatusCode)> {
    let n = NormalizedText::new(text);
    let listed = listed_entries(&n);
    if listed.len() >= 2 {
        return listed;
    }
    let words: Vec<&str> = n.split_whitespace().collect();
    // An entry starts at a word whose `:` comes after a short label (or at a word that is a
    // short label followed by a word starting with `:`).
    let mut starts = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let head_len = w.find([':', '：']).map(|p| w[..p].chars().count());
        let label_then_colon = head_len.is_some_and(|h| (1..=MAX_LABEL_CHARS).contains(&h))
            || w.starts_with([':', '：']);
        if label_then_colon {
            starts.push(if w.starts_with([':', '：']) && i > 0 {
                i - 1
            } else {
                i
            });
        }
    }
    starts.dedup();
    if starts.len() <= 1 {
        return legend_line(&n).into_iter().collect();
    }
    let mut entries = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(words.len());
        if s < end {
            entries.extend(legend_line(&NormalizedText::joined(
                words[s..end].iter().copied(),
            )));
        }
    }
    if entries.is_empty() {
        legend_line(&n).into_iter().collect()
    } else {
        entries
    }
}

/// The entries of a legend printed as a list of words each followed by its mark, after a
/// caption (`改善・悪化:改善○,維持△,悪化×`, `達成度:順調A,要改善B,未実施-`): every item
/// that is a known status word and a mark of one or two characters. Items are separated by
/// commas, `、`, colons or spaces; the caption has no mark and is skipped.
fn listed_entries(n: &NormalizedText) -> Vec<(String, StatusCode)> {
    if !n.contains([',', '、']) {
        return Vec::new();
    }
    n.split([',', '、', ':', '：', ' '])
        .filter_map(|item| {
            let item = item.trim();
            let mark_start = item
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_mark(c))
                .last()
                .map(|(i, _)| i)?;
            let (word, mark) = item.split_at(mark_start);
            let marks = mark.chars().count();
            if word.is_empty() || marks > 2 {
                return None;
            }
            // `B+`: a letter and its plus; `-` alone is a mark, not a list dash.
            let code = WORDS.iter().find(|(w, _)| *w == word).map(|(_, c)| *c)?;
            Some((mark.to_string(), code))
        })
        .collect()
}

/// A character a legend uses as a mark: a capital letter, a plus, a dash or a symbol.
fn is_mark(c: char) -> bool {
    c.is_ascii_uppercase()
        || matches!(
            c,
            '+' | '-'
                | '◎'
                | '○'
                | '〇'
                | '△'
                | '▲'
                | '×'
                | '✕'
                | '●'
                | '◇'
                | '◆'
                | '□'
                | '■'
                | '☆'
                | '★'
                | '―'
                | 'ー'
        )
}

/// The label of a legend line: list marker and brackets removed (`「 - 」` → `-`).
fn legend_label(head: &str) -> Option<String> {
    let mut h = head.trim();
    // `- 順 調`: a list dash before the label, not the label itself.
    if let Some(rest) = h.strip_prefix("- ").or_else(|| h.strip_prefix('・')) {
        if !rest.trim().is_empty() {
            h = rest.trim();
        }
    }
    let h = h
        .trim_start_matches(['「', '『', '(', '【', '['])
        .trim_end_matches(['」', '』', ')', '】', ']'])
        .trim();
    let count = compact(h).chars().count();
    ((1..=MAX_LABEL_CHARS).contains(&count)).then(|| h.to_string())
}

/// Map a legend description to a code by meaning. Order matters: `未達成` before `達成`,
/// `遅れ` before `見込`, `目標値の8割以上` is on track, not achieved.
fn describe(description: &str) -> Option<StatusCode> {
    let d = compact(description);
    // The first group in the list that has a word wins, as the words are ranked.
    DESCRIPTION_WORDS
        .iter()
        .find(|(words, _)| words.iter().any(|w| d.contains(w)))
        .map(|(_, code)| *code)
        .or_else(|| {
            d.chars()
                .all(|c| matches!(c, '-' | '―' | 'ー'))
                .then_some(StatusCode::Unknown)
        })
}

/// Words a legend's description may use, by the code they mean, strongest first: a
/// description with words of several groups takes the first group's code.
const DESCRIPTION_WORDS: [(&[&str], StatusCode); 6] = [
    (
        &["未着手", "確認中", "判定不能", "評価不能", "実績なし"],
        StatusCode::Unknown,
    ),
    (
        &[
            "未達成",
            "下回",
            "達していない",
            "できなかった",
            "至らなかった",
        ],
        StatusCode::NotAchieved,
    ),
    (
        &["遅れ", "遅延", "難しい", "困難", "割未満"],
        StatusCode::Delayed,
    ),
    (
        &["現状維持", "変化", "横ばい", "横這い"],
        StatusCode::Unchanged,
    ),
    (
        &["順調", "概ね", "おおむね", "見込", "割以上"],
        StatusCode::OnTrack,
    ),
    (
        &["達成", "目標値以上", "目標以上", "上回"],
        StatusCode::Achieved,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_by_their_strongest_word() {
        for (description, code) in [
            ("目標値の8割以上", Some(StatusCode::OnTrack)),
            ("事業が予定通り進んでおり", None),
            ("未達成だが上回る", Some(StatusCode::NotAchieved)),
            ("目標を達成", Some(StatusCode::Achieved)),
            ("実績確認中", Some(StatusCode::Unknown)),
            ("やや 遅れ", Some(StatusCode::Delayed)),
            ("横ばい", Some(StatusCode::Unchanged)),
            ("-", Some(StatusCode::Unknown)),
            ("", Some(StatusCode::Unknown)),
            ("x y", None),
        ] {
            assert_eq!(describe(description), code, "{description}");
        }
    }

    /// The list form of a printed legend (the shape of the 江田島市 excerpt's legend).
    #[test]
    fn legends_listed_as_words_and_marks() {
        let entries =
            parse_legend_entries("改善・悪化:改善○,維持△,悪化×,未実施達成度:順調A,要改善B,未実施-");
        assert_eq!(
            entries,
            vec![
                ("○".to_string(), StatusCode::OnTrack),
                ("△".to_string(), StatusCode::Unchanged),
                ("×".to_string(), StatusCode::Delayed),
                ("A".to_string(), StatusCode::OnTrack),
                ("B".to_string(), StatusCode::Delayed),
                ("-".to_string(), StatusCode::Unknown),
            ]
        );
        // A line of values with commas is no legend.
        assert!(parse_legend_entries("人口:10,000人、世帯:4,000").is_empty());
    }

    /// Status words in their common forms, without a legend; letters and symbols are `other`.
    #[test]
    fn status_words_and_marks_without_a_legend() {
        let none = Legend::default();
        for (label, code) in [
            ("順調", StatusCode::OnTrack),
            ("概ね順調", StatusCode::OnTrack),
            ("やや遅れ", StatusCode::Delayed),
            ("遅れ", StatusCode::Delayed),
            ("達成", StatusCode::Achieved),
            ("未達成", StatusCode::NotAchieved),
            ("進展", StatusCode::OnTrack),
            ("進展せず", StatusCode::Unchanged),
            ("改善", StatusCode::OnTrack),
            ("悪化", StatusCode::Delayed),
            ("A", StatusCode::Other),
            ("B+", StatusCode::Other),
            ("S", StatusCode::Other),
            ("◎", StatusCode::Other),
            ("×", StatusCode::Other),
        ] {
            assert_eq!(
                parse_status(label, &none).map(|s| s.code),
                Some(code),
                "{label}"
            );
        }
    }

    #[test]
    fn legend_separators() {
        for s in ["◎:目標値以上", "A=達成", "順調：予定通り", "○＝概ね"] {
            assert!(may_hold_legend(s), "{s}");
        }
        for s in ["（上越市）", "小学校・国語 50.0", ""] {
            assert!(!may_hold_legend(s), "{s}");
        }
    }
}
