//! Small readings of cell text shared by the layouts: the normalized text type,
//! departments, ordinals, numbered and bulleted lists, KPI names with notes, units.
//!
//! Everything here works on one cell's text; nothing knows about lines or tables.

use std::borrow::Cow;

use shinchoku_extract::normalize::{normalize, normalize_cow};

/// Text as the table stages read it: normalized ([`normalize`]: NFKC and the contract's
/// Japanese rules, every run of white space one ASCII space, trimmed). A reading that
/// relies on normalized text takes a `&NormalizedText`, made once per cell (see
/// [`crate::view`]), instead of a raw `&str` it would normalize itself: so no reading needs
/// a raw-text and a normalized-text version. Borrows the text when normalizing leaves it as
/// it is, as it does most cells.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct NormalizedText<'a>(Cow<'a, str>);

impl<'a> NormalizedText<'a> {
    /// `text` normalized (its line breaks fold into spaces like any white space).
    pub(crate) fn new(text: &'a str) -> NormalizedText<'a> {
        NormalizedText(normalize_cow(text))
    }

    /// A cell's text normalized as one run: its paragraphs joined by spaces first.
    pub(crate) fn one_run(text: &'a str) -> NormalizedText<'a> {
        if has_line_break(text) {
            return NormalizedText(Cow::Owned(normalize(&text.replace('\n', " "))));
        }
        NormalizedText::new(text)
    }

    /// NormalizedText texts, or words of one, joined by single spaces: normalized still.
    pub(crate) fn joined<'p>(parts: impl IntoIterator<Item = &'p str>) -> NormalizedText<'static> {
        NormalizedText(Cow::Owned(parts.into_iter().collect::<Vec<_>>().join(" ")))
    }

    /// The same text, borrowed.
    pub(crate) fn reborrow(&self) -> NormalizedText<'_> {
        NormalizedText(Cow::Borrowed(&self.0))
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn into_string(self) -> String {
        self.0.into_owned()
    }

    /// The text with its spaces removed (`進捗 状況` → `進捗状況`), for matching printed
    /// labels a layout may space out (`進捗 状況`, `順 調`, `K P I`). Normalization leaves
    /// one kind of white space, the ASCII space.
    pub(crate) fn squeezed(&self) -> Cow<'_, str> {
        if self.0.contains(' ') {
            Cow::Owned(self.0.replace(' ', ""))
        } else {
            Cow::Borrowed(&self.0)
        }
    }
}

impl std::ops::Deref for NormalizedText<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

/// `text.contains('\n')`: a cell of several paragraphs.
pub(crate) fn has_line_break(text: &str) -> bool {
    text.contains('\n')
}

/// The cell text normalized paragraph by paragraph (`'\n'`-separated), empty ones dropped.
pub(crate) fn norm_paragraphs(text: &str) -> Vec<NormalizedText<'_>> {
    // Normalizing trims.
    text.split('\n')
        .map(NormalizedText::new)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Map the full-width and Roman-numeral forms that can survive in codes to ASCII, so that
/// code parsing does not depend on how thoroughly the text was normalized (raw cells, and
/// the en and em dashes that normalizing leaves where they may be prose).
pub(crate) fn fold_code_chars(text: &str) -> Cow<'_, str> {
    if !text.contains(needs_code_fold) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '０'..='９' => out.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
            'Ａ'..='Ｚ' => out.push(char::from(b'A' + (c as u32 - 'Ａ' as u32) as u8)),
            '（' => out.push('('),
            '）' => out.push(')'),
            '－' | '−' | '‐' | '‑' | '–' | '—' => out.push('-'),
            '\u{3000}' => out.push(' '),
            'Ⅰ' => out.push('I'),
            'Ⅱ' => out.push_str("II"),
            'Ⅲ' => out.push_str("III"),
            'Ⅳ' => out.push_str("IV"),
            'Ⅴ' => out.push('V'),
            'Ⅵ' => out.push_str("VI"),
            'Ⅶ' => out.push_str("VII"),
            'Ⅷ' => out.push_str("VIII"),
            'Ⅸ' => out.push_str("IX"),
            'Ⅹ' => out.push('X'),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The characters [`fold_code_chars`] rewrites.
pub(crate) fn needs_code_fold(c: char) -> bool {
    matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | '（' | '）' | '－' | '−' | '‐' | '‑' | '–' | '—' | '\u{3000}' | 'Ⅰ'..='Ⅹ')
}

/// The text inside one pair of enclosing brackets: `（農政課）` → `農政課`.
pub(crate) fn strip_brackets(text: &str) -> Option<&str> {
    let t = text.trim();
    let inner = t
        .strip_prefix('(')
        .or_else(|| t.strip_prefix('（'))?
        .strip_suffix(')')
        .or_else(|| {
            t.strip_prefix('(')
                .or_else(|| t.strip_prefix('（'))
                .and_then(|s| s.strip_suffix('）'))
        })?;
    let inner = inner.trim();
    // `(a) (b)` is two bracket groups, not one.
    if inner.contains(['(', ')', '（', '）']) {
        return None;
    }
    Some(inner)
}

/// Endings of the names of municipal organisational units (課, 室, 館, センター …).
const DEPARTMENT_SUFFIXES: &[&str] = &[
    "課",
    "室",
    "館",
    "局",
    "部",
    "係",
    "班",
    "センター",
    "事務所",
    "所",
    "委員会",
    "本部",
    "事務局",
];

/// True for a department name (`ものづくり振興課`, `人権啓発・男女共同参画室`, `博物館`).
pub(crate) fn is_department(name: &str) -> bool {
    let name = name.trim();
    let chars = name.chars().count();
    (3..=24).contains(&chars)
        && !name.chars().any(|c| {
            c.is_whitespace()
                || c.is_ascii_digit()
                || matches!(c, '、' | '。' | ',' | ':' | '：' | '(' | ')' | '※')
        })
        && DEPARTMENT_SUFFIXES.iter().any(|s| name.ends_with(s))
}

/// Departments printed as a bracketed line of their own: `（ものづくり振興課）`.
pub(crate) fn department_line(text: &str) -> Option<Vec<String>> {
    let inner = NormalizedText::one_run(strip_brackets(text)?);
    if is_department(&inner) {
        return Some(vec![inner.into_string()]);
    }
    let parts: Vec<String> = inner
        .split(['、', ','])
        .map(|p| p.trim().to_string())
        .collect();
    (parts.len() > 1 && parts.iter().all(|p| is_department(p))).then_some(parts)
}

/// The longest raw text [`is_ordinal`] can accept: `（１２３）`.
const MAX_ORDINAL_BYTES: usize = 5 * 3;

/// A row ordinal: `1`, `12`, `(3)`, `3.`.
pub(crate) fn is_ordinal(text: &str) -> bool {
    let t = text.trim();
    // An ordinal is at most five characters (`(123)`), each at most three bytes before
    // folding (`（１２３）`): longer cells (KPI names, asked first in every row) are not
    // folded, which copied them character by character.
    if t.len() > MAX_ORDINAL_BYTES {
        return false;
    }
    let t = fold_code_chars(t);
    let t = t
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or_else(|| t.strip_suffix('.').unwrap_or(&t));
    (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// True when the text holds a digit or a kanji numeral-free era date (`R元`).
pub(crate) fn has_number_or_date(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        || text.contains('元')
}

/// A cell that is a value rather than a name: a missing-value mark, or a number first with
/// no hiragana (KPI names read as sentences; values are numbers with units). Reads text
/// already normalized by [`norm`].
pub(crate) fn looks_like_value(t: &str) -> bool {
    if is_missing_mark(t) {
        return true;
    }
    let first = t.chars().next();
    let numeric_start = matches!(first, Some(c) if c.is_ascii_digit() || c == '約' || c == '+');
    numeric_start && !t.chars().any(is_hiragana)
}

fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309f}').contains(&c)
}

/// `-` and its look-alikes, alone.
pub(crate) fn is_missing_mark(t: &str) -> bool {
    matches!(t.trim(), "-" | "－" | "―" | "—" | "‐" | "ー" | "−")
}

/// The leading item number of a numbered list item: `12 高田公園の整備` → (12, rest).
fn leading_number(s: &str) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = &s[digits..];
    let after = rest.trim_start();
    if after.len() == rest.len() || after.is_empty() {
        return None; // no space after the number: `6次産業化`, `100人以上`
    }
    Some((s[..digits].parse().ok()?, after))
}

/// True when a cell's normalized paragraphs start like a numbered list (`1 地域食材を…`).
pub(crate) fn is_numbered_list(paragraphs: &[NormalizedText]) -> bool {
    paragraphs
        .first()
        .is_some_and(|p| leading_number(p).is_some())
}

/// Split a numbered list, given as its normalized non-empty paragraphs, into its items,
/// numbering removed. Items are separated by `'\n'` (from `<li>`) or run on in one line,
/// where the next item starts at the next running number (`5 6次産業化 6 水田農業推進` →
/// `6次産業化`, `水田農業推進`).
pub(crate) fn split_numbered_list(paragraphs: &[NormalizedText]) -> Vec<String> {
    split_numbered_paragraphs(paragraphs.iter().map(NormalizedText::as_str))
}

/// The items of normalized, non-empty paragraphs, numbering removed.
fn split_numbered_paragraphs<'a>(paragraphs: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut items = Vec::new();
    for line in paragraphs {
        let Some((mut number, mut rest)) = leading_number(line) else {
            items.push(line.to_string());
            continue;
        };
        loop {
            match find_next_number(rest, number + 1) {
                Some((at, after)) => {
                    push_item(&mut items, &rest[..at]);
                    rest = after;
                    number += 1;
                }
                None => {
                    push_item(&mut items, rest);
                    break;
                }
            }
        }
    }
    items
}

fn push_item(items: &mut Vec<String>, item: &str) {
    let item = item.trim();
    if !item.is_empty() {
        items.push(item.to_string());
    }
}

/// The byte offset where ` {number} ` starts in `s`, a normalized paragraph (single ASCII
/// spaces, none at its ends), and the text after it.
fn find_next_number(s: &str, number: u32) -> Option<(usize, &str)> {
    let needle = number.to_string();
    for (at, _) in s.match_indices(&needle) {
        let after = &s[at + needle.len()..];
        if s[..at].ends_with(' ') {
            if let Some(after) = after.strip_prefix(' ') {
                return Some((at, after));
            }
        }
    }
    None
}

pub(crate) const BULLETS: &[char] = &['・', '•', '●', '○', '◦', '■', '□', '◆', '◇', '▪'];

/// Split a bulleted list (`・工業振興事業 ・情報産業育成振興事業`) into items, bullets removed.
/// A `・` inside an item (`介護従事者人材確保・育成支援事業`) stays; a list printed without
/// bullets is split at spaces.
pub(crate) fn split_bullet_list(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    for para in norm_paragraphs(text) {
        if para.starts_with(BULLETS) {
            let mut current = String::new();
            let mut prev_space = true;
            for c in para.chars() {
                if prev_space && BULLETS.contains(&c) {
                    push_item(&mut items, &current);
                    current.clear();
                } else {
                    current.push(c);
                }
                prev_space = c.is_whitespace();
            }
            push_item(&mut items, &current);
        } else {
            para.split_whitespace()
                .for_each(|w| push_item(&mut items, w));
        }
    }
    items
}

/// The name after a headline mark (`◆市内従業者数`, `◇転入者数`): reports mark their
/// headline targets (数値目標) among the KPIs with ◆ or ◇.
pub(crate) fn after_headline_mark(name: &str) -> Option<&str> {
    name.trim_start()
        .strip_prefix(['◆', '◇'])
        .map(str::trim_start)
        .filter(|rest| !rest.is_empty())
}

/// A KPI name split into the name, its trailing notes and an embedded department.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameParts {
    pub name: String,
    pub notes: Vec<String>,
    pub departments: Vec<String>,
}

/// Read a normalized KPI name cell: the name runs up to the first trailing note (` ※…`,
/// or a second `(※)` — the first one is the reference inside the name), and a trailing
/// bracketed department (`… (電源エネルギー戦略室)`) is taken out.
pub(crate) fn split_name(normalized: &str) -> NameParts {
    let text = normalized.trim();
    let mut cut = text.len();
    // Both kinds of note start at a `※`.
    if text.contains('※') {
        let bare_note = text.match_indices('※').find(|&(i, _)| {
            !text[..i].ends_with('(') && (i == 0 || text[..i].ends_with(char::is_whitespace))
        });
        if let Some((i, _)) = bare_note {
            cut = cut.min(i);
        }
        if let Some((second_mark, _)) = text.match_indices("(※)").nth(1) {
            cut = cut.min(second_mark);
        }
    }
    let mut name = text[..cut].trim();
    let mut notes = Vec::new();
    let note = text[cut..].trim();
    if !note.is_empty() {
        notes.push(note.to_string());
    }
    let mut departments = Vec::new();
    if let Some(open) = name.rfind(['(', '（']) {
        if let Some(inner) = strip_brackets(&name[open..]) {
            if is_department(inner) && open > 0 {
                departments.push(inner.to_string());
                name = name[..open].trim();
            }
        }
    }
    NameParts {
        name: name.to_string(),
        notes,
        departments,
    }
}

/// A Gregorian year printed in the text (`R1 (2019)` → 2019), as a fallback when no era
/// date can be read.
pub(crate) fn gregorian_year(text: &str) -> Option<i32> {
    let folded = fold_code_chars(text);
    folded
        .split(|c: char| !c.is_ascii_digit())
        .filter(|digits| digits.len() == 4)
        .filter_map(|digits| digits.parse().ok())
        .find(|year| (1900..=2100).contains(year))
}

/// The first number printed in the text (`67.0%` → 67.0, `1,729名` → 1729).
pub(crate) fn first_number(text: &str) -> Option<f64> {
    let folded = fold_code_chars(text);
    let start = folded.find(|c: char| c.is_ascii_digit())?;
    let digits: String = folded[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    digits.trim_end_matches('.').parse().ok()
}

/// Similarity of two names in 0..=1: the Dice coefficient of their character bigrams,
/// white space ignored. Chart titles differ slightly from the KPI names they illustrate.
#[cfg(test)]
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    Bigrams::of(a).similarity(&Bigrams::of(b))
}

/// The sorted character bigrams of a text (white space ignored), computed once so one text
/// can be compared with many ([`similarity`] is their Dice coefficient).
#[derive(Debug, Clone)]
pub(crate) struct Bigrams {
    sorted: Vec<(char, char)>,
    trimmed: String,
}

impl Bigrams {
    pub(crate) fn of(s: &str) -> Bigrams {
        let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
        let mut sorted: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        sorted.sort_unstable();
        Bigrams {
            sorted,
            trimmed: s.trim().to_string(),
        }
    }

    /// Dice coefficient over bigrams; texts too short for a bigram match only when equal.
    pub(crate) fn similarity(&self, other: &Bigrams) -> f64 {
        let (x, y) = (&self.sorted, &other.sorted);
        if x.is_empty() || y.is_empty() {
            return if self.trimmed == other.trimmed {
                1.0
            } else {
                0.0
            };
        }
        let (mut i, mut j, mut common) = (0, 0, 0usize);
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    common += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        2.0 * common as f64 / (x.len() + y.len()) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squeeze_edges() {
        for s in [
            "",
            " ",
            "a",
            "a b",
            " a ",
            "a  b",
            "進捗 状況",
            "K P I",
            "進捗状況",
        ] {
            let expected: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(NormalizedText::new(s).squeezed(), expected, "{s:?}");
        }
    }

    #[test]
    fn ordinal_edges() {
        for (s, expected) in [
            ("（１２３）", true),
            (" （１２３） ", true),
            ("１２３.", true),
            ("（１２３４）", false),
            ("1", true),
            ("(12)", true),
            ("3.", true),
            ("", false),
            ("1 2", false),
            ("34歳以下の就職率（ハローワーク上越管内）", false),
        ] {
            assert_eq!(is_ordinal(s), expected, "{s}");
        }
    }

    #[test]
    fn numbered_lists_split_at_running_numbers() {
        assert_eq!(
            split_numbered_list(&norm_paragraphs(
                "4 中小企業振興対策 5 6次産業化 6 水田農業推進"
            )),
            vec!["中小企業振興対策", "6次産業化", "水田農業推進"]
        );
        assert_eq!(
            split_numbered_list(&norm_paragraphs("1 田舎体験推進\n2 心るさと交流\n")),
            vec!["田舎体験推進", "心るさと交流"]
        );
        assert_eq!(
            split_numbered_list(&norm_paragraphs(
                "9 M&A等業務に係る関連企業との連携 10 高田"
            )),
            vec!["M&A等業務に係る関連企業との連携", "高田"]
        );
    }

    #[test]
    fn bullet_lists_keep_inner_middle_dots() {
        assert_eq!(
            split_bullet_list(" ・工業振興事業 ・IoT推進事業"),
            vec!["工業振興事業", "IoT推進事業"]
        );
        assert_eq!(
            split_bullet_list(" 介護従事者人材確保・育成支援事業 介護・福祉職員就職支援事業"),
            vec![
                "介護従事者人材確保・育成支援事業",
                "介護・福祉職員就職支援事業"
            ]
        );
    }

    #[test]
    fn names_lose_trailing_notes_and_departments() {
        let p = split_name("全国規模(※)のスポーツ大会の誘致件数 (※) 全国大会のみ");
        assert_eq!(p.name, "全国規模(※)のスポーツ大会の誘致件数");
        assert_eq!(p.notes, vec!["(※) 全国大会のみ"]);
        let p = split_name("市と協議会参加団体 (※) が発信するSNSのフォロワー数");
        assert_eq!(p.name, "市と協議会参加団体 (※) が発信するSNSのフォロワー数");
        let p = split_name("地域エネルギー会社の設立 (電源エネルギー戦略室)");
        assert_eq!(p.name, "地域エネルギー会社の設立");
        assert_eq!(p.departments, vec!["電源エネルギー戦略室"]);
        let p = split_name("柏崎ファンクラブの会員数(累計)");
        assert!(p.departments.is_empty());
    }

    #[test]
    fn departments_and_units() {
        assert!(is_department("人権啓発・男女共同参画室"));
        assert!(is_department("博物館"));
        assert!(!is_department("総数"));
        assert!(!is_department("H27国勢調査"));
        assert_eq!(
            department_line("（農政課）"),
            Some(vec!["農政課".to_string()])
        );
    }

    #[test]
    fn similar_titles_score_high() {
        let a = "柏崎市創業支援事業計画に基づく創業者数 (累計)";
        let b = "柏崎市創業支援等事業計画に基づく創業者数 (累計)";
        assert!(similarity(a, b) > 0.8);
        assert!(similarity(a, "市内二大学の入学者数") < 0.3);
    }
}
