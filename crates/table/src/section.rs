//! Section headings: reading them (`分野1【…】…`, `第1節 …`, `A-1-1 …`, `Ⅱ－１－（２） …`,
//! `1 転入増加・転出抑制プロジェクト`) and resolving their codes once the whole document
//! is seen (level-1 codes come from the codes under them; measure codes follow the
//! document's own spelling; a misprinted head is corrected from the enclosing section).

use std::collections::HashSet;

use shinchoku_extract::{Provenance, Warning, WarningCode};

use crate::cell_text::{fold_code_chars, needs_code_fold, NormalizedText};
use crate::model::Section;
use crate::more_chars_than;

/// What kind of level-1 label a heading carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level1Label {
    /// 分野N: policy fields, coded by letters when nothing better is known.
    Field,
    /// 第N節 / 基本目標N: basic goals, coded by Roman numerals when nothing better is known.
    Goal,
}

/// One component after a code's head: `1` or `(2)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Component {
    pub number: u32,
    pub bracketed: bool,
}

/// A heading as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Heading {
    Level1 {
        label: Level1Label,
        number: u32,
    },
    Coded {
        head: String,
        parts: Vec<Component>,
    },
    /// A 重点プロジェクト (`1 …プロジェクト`), level 1, coded `P-N`.
    Project {
        number: u32,
    },
    /// A measure numbered on its own (`施策23 移住定住の促進`, `■施策① 農林業の振興`, or a
    /// bare `(1) 第一次産業の振興` under a numbered goal): level 2, coded under the level-1
    /// section it sits in as the document prints the number (`3-23`, `1-(1)`).
    Measure {
        number: u32,
        bracketed: bool,
    },
    /// A heading known only from the source's markup (a Word heading style), at its outline
    /// level (1 = top). Coded by position: a level-1 heading by its ordinal among level-1
    /// sections (`1`, `2`, as a printed `基本目標1` is), a lower one as its parent's code and
    /// its ordinal among the parent's sections (`1-2`).
    Outline {
        level: u32,
    },
}

/// A heading and its title, as read from one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParsedHeading {
    pub heading: Heading,
    pub title: String,
}

/// Read a heading from one cell's text. Codes need a dash (`A-1`), so row ordinals and
/// dates (`R1 (2019)`) are not headings. (The layouts read [`heading_in`] of each cell's
/// normalized text, once, in [`crate::view`].)
#[cfg(test)]
pub(crate) fn parse_heading(text: &str) -> Option<ParsedHeading> {
    heading_in(&NormalizedText::one_run(text))
}

/// [`parse_heading`] of a cell's normalized text. A leading mark (`■`, `◆`, `◇`, `●`, `□`,
/// `○`) is not part of the heading (`■施策① 農林業の振興`).
pub(crate) fn heading_in(normalized: &NormalizedText) -> Option<ParsedHeading> {
    let unmarked = normalized.trim_start().trim_start_matches(HEADING_MARKS);
    if !may_start_heading(unmarked) {
        return None;
    }
    read_heading(unmarked)
}

/// Marks printed before a heading's label.
const HEADING_MARKS: &[char] = &['■', '□', '◆', '◇', '●', '○'];

/// Longer cells are not headings.
const MAX_HEADING_CHARS: usize = 120;

/// [`heading_in`] without its first-character test.
fn read_heading(normalized: &str) -> Option<ParsedHeading> {
    let t = fold_code_chars(normalized);
    let t = t.trim();
    // At most 120 characters; a text of no more bytes has no more characters.
    if more_chars_than(t, MAX_HEADING_CHARS) {
        return None;
    }
    level1(t)
        .or_else(|| coded(t))
        .or_else(|| labelled_measure(t))
}

/// `施策23 移住定住の促進`, `施策(1) 農林業の振興` (a circled `①` once normalized): a code label
/// and one number, then the title. (`施策1-1 …`, with a dash, is a [`coded`] heading.)
fn labelled_measure(t: &str) -> Option<ParsedHeading> {
    let rest = CODE_LABELS
        .iter()
        .find_map(|l| t.strip_prefix(l))?
        .trim_start();
    let (number, after) = level1_number(rest)?;
    if after.starts_with('-') || !after.starts_with([' ', ':', '.', '、']) {
        return None;
    }
    let title = after.trim_start_matches([' ', ':', '.', '、']).trim();
    (!title.is_empty()).then(|| ParsedHeading {
        heading: Heading::Measure {
            number,
            bracketed: false,
        },
        title: title.to_string(),
    })
}

/// Longest title of a heading read from its number alone (`1.競争力のある…まちづくり`,
/// `(1)第一次産業の振興`): a phrase, not a sentence.
const MAX_NUMBERED_TITLE_CHARS: usize = 40;

/// A goal numbered `N.` on a line of its own (`1.競争力のある産業振興による活力あるまちづくり`):
/// a title with no digit, no arrow and no colon (`1.新規就農者数:4組` is a list item).
/// Only one-cell lines are asked ([`crate::layouts`]), never table cells, whose ordinals
/// look the same.
pub(crate) fn dotted_goal(text: &str) -> Option<ParsedHeading> {
    let t = fold_code_chars(text);
    let t = t.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let title = t[digits..].strip_prefix(['.', '．'])?.trim();
    numbered_title(title)?;
    Some(ParsedHeading {
        heading: Heading::Level1 {
            label: Level1Label::Goal,
            number: t[..digits].parse().ok()?,
        },
        title: title.to_string(),
    })
}

/// A bare `(N) title` line: a measure of the goal it sits under, read as one by the layout
/// that knows it sits under a numbered goal.
pub(crate) fn bracketed_measure(text: &str) -> Option<ParsedHeading> {
    let t = fold_code_chars(text);
    let inner = t.trim().strip_prefix('(')?;
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let title = inner[digits..].strip_prefix(')')?.trim();
    numbered_title(title)?;
    Some(ParsedHeading {
        heading: Heading::Measure {
            number: inner[..digits].parse().ok()?,
            bracketed: true,
        },
        title: title.to_string(),
    })
}

/// The title of a heading known by its number alone: short, no digit, no arrow, no colon.
fn numbered_title(title: &str) -> Option<()> {
    let words = !title.is_empty()
        && !more_chars_than(title, MAX_NUMBERED_TITLE_CHARS)
        && !title
            .chars()
            .any(|c| c.is_numeric() || matches!(c, ':' | '→' | '⇒' | '➡' | '>' | '。'));
    words.then_some(())
}

/// A 重点プロジェクト heading: `1 転入増加・転出抑制プロジェクト`.
#[cfg(test)]
pub(crate) fn parse_project_heading(text: &str) -> Option<ParsedHeading> {
    project_heading_in(&NormalizedText::one_run(text))
}

/// [`parse_project_heading`] of a cell's normalized text.
pub(crate) fn project_heading_in(normalized: &NormalizedText) -> Option<ParsedHeading> {
    let t = fold_code_chars(normalized);
    // `重点プロジェクト1 子育て応援`, `重点プロジェクト① …`: the label before the number.
    if let Some(rest) = t.trim().strip_prefix("重点プロジェクト") {
        let (number, after) = level1_number(rest.trim_start())?;
        let title = after.trim_start_matches([' ', ':', '.', '、']).trim();
        return (!title.is_empty() && !after.starts_with('-')).then(|| ParsedHeading {
            heading: Heading::Project { number },
            title: title.to_string(),
        });
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let title = t[digits..].trim();
    if title.len() == t[digits..].len() || !title.ends_with("プロジェクト") {
        return None;
    }
    Some(ParsedHeading {
        heading: Heading::Project {
            number: t[..digits].parse().ok()?,
        },
        title: title.to_string(),
    })
}

fn level1(t: &str) -> Option<ParsedHeading> {
    let (label, rest) = if let Some(rest) = t.strip_prefix("分野") {
        (Level1Label::Field, rest)
    } else if let Some(rest) = t.strip_prefix("基本目標") {
        (Level1Label::Goal, rest)
    } else if let Some(rest) = t.strip_prefix('第') {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || !rest[digits..].starts_with('節') {
            return None;
        }
        let number = rest[..digits].parse().ok()?;
        let title = rest[digits + '節'.len_utf8()..].trim();
        return (!title.is_empty()).then(|| ParsedHeading {
            heading: Heading::Level1 {
                label: Level1Label::Goal,
                number,
            },
            title: title.to_string(),
        });
    } else {
        return None;
    };
    let rest = rest.trim_start();
    let (number, after) = level1_number(rest)?;
    let title = after.trim_start_matches([' ', ':', '.', '、']).trim();
    (!title.is_empty()).then(|| ParsedHeading {
        heading: Heading::Level1 { label, number },
        title: title.to_string(),
    })
}

/// The number after a level-1 label, as digits (`基本目標2`), a circled number
/// (`基本目標①`, `(1)` once normalized) or a Roman numeral folded to capitals (`基本目標Ⅱ` → `II`), and the text
/// after it. A Roman numeral must be followed by a space or a separator, so that a title
/// word in capitals is not read as one.
fn level1_number(rest: &str) -> Option<(u32, &str)> {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        return Some((rest[..digits].parse().ok()?, &rest[digits..]));
    }
    if digits > 2 {
        return None;
    }
    // Normalization prints a circled number as `(1)`.
    if let Some(inner) = rest.strip_prefix('(') {
        let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&digits) && inner[digits..].starts_with(')') {
            return Some((inner[..digits].parse().ok()?, &inner[digits + 1..]));
        }
    }
    let first = rest.chars().next()?;
    if let Some(n) = circled_number(first) {
        return Some((n, &rest[first.len_utf8()..]));
    }
    let roman_len = rest
        .bytes()
        .take_while(|b| matches!(b, b'I' | b'V' | b'X'))
        .count();
    let after = &rest[roman_len..];
    if roman_len == 0 || !(after.is_empty() || after.starts_with([' ', ':', '.', '、'])) {
        return None;
    }
    let number = (1..=39).find(|&n| roman(n) == rest[..roman_len])?;
    Some((number, after))
}

/// `①` … `⑳` → 1 … 20.
fn circled_number(c: char) -> Option<u32> {
    ('①'..='⑳').contains(&c).then(|| c as u32 - '①' as u32 + 1)
}

/// Labels printed before a measure code (`施策1-1 …`); a labelled code may be all digits.
const CODE_LABELS: &[&str] = &["具体的施策", "基本施策", "重点施策", "施策"];

/// False when no heading can start the text: its first character is none that [`level1`]
/// or [`coded`] begins with (分野, 基本目標, 第, a code label, an ASCII capital or digit),
/// nor one that [`crate::cell_text::fold_code_chars`] turns into one. Most cells are ruled out on that one
/// character, before the text is folded.
fn may_start_heading(normalized: &str) -> bool {
    normalized.trim_start().chars().next().is_some_and(|c| {
        c.is_ascii_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '分' | '基' | '第' | '具' | '重' | '施')
            || needs_code_fold(c)
    })
}

fn coded(t: &str) -> Option<ParsedHeading> {
    let label = CODE_LABELS.iter().find_map(|l| t.strip_prefix(l));
    let labelled = label.is_some();
    let t = label.map(str::trim_start).unwrap_or(t);
    let bytes = t.as_bytes();
    let head_len = bytes
        .iter()
        .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        .count();
    if head_len == 0 || head_len > 4 {
        return None;
    }
    let head = &t[..head_len];
    let roman = head.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
    let letter = head.len() == 1 && head.as_bytes()[0].is_ascii_uppercase();
    let numeric = head.bytes().all(|b| b.is_ascii_digit());
    if !(roman || letter || numeric) {
        return None;
    }
    let mut parts = Vec::new();
    let mut rest = &t[head_len..];
    while let Some(after_dash) = rest.strip_prefix('-') {
        let (component, after) = component(after_dash)?;
        parts.push(component);
        rest = after;
        if parts.len() > 4 {
            return None;
        }
    }
    if parts.is_empty() || (numeric && !labelled && parts.len() < 2) {
        return None;
    }
    // `II-1-1 (1)`: the measure number repeated in brackets belongs to the code.
    if parts.len() == 2 {
        let trimmed = rest.trim_start();
        if let Some((c, after)) = component(trimmed).filter(|(c, _)| c.bracketed) {
            if c.number == parts[1].number && trimmed.len() < rest.len() {
                parts[1].bracketed = true;
                rest = after;
            }
        }
    }
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let title = rest.trim();
    if title.is_empty() {
        return None;
    }
    Some(ParsedHeading {
        heading: Heading::Coded {
            head: head.to_string(),
            parts,
        },
        title: title.to_string(),
    })
}

fn component(s: &str) -> Option<(Component, &str)> {
    let (bracketed, inner) = match s.strip_prefix('(') {
        Some(inner) => (true, inner),
        None => (false, s),
    };
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let number = inner[..digits].parse().ok()?;
    let mut rest = &inner[digits..];
    if bracketed {
        rest = rest.strip_prefix(')')?;
    }
    Some((Component { number, bracketed }, rest))
}

/// A heading found while scanning, before codes are resolved.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub heading: Heading,
    pub title: String,
    pub provenance: Provenance,
    pub projects: Vec<String>,
}

/// The drafts' resolved codes (one per draft), the sections (each code once, in document
/// order, projects merged) and the warnings met.
pub(crate) struct Resolved {
    pub codes: Vec<String>,
    pub sections: Vec<Section>,
    pub warnings: Vec<Warning>,
}

/// Resolve every draft's code, level and parent.
///
/// Takes the drafts' titles and project lists (they move into the sections) and leaves
/// the headings, which later drafts' codes are read from.
pub(crate) fn resolve(drafts: &mut [Draft]) -> Resolved {
    // Measures written `X-N-(M)` anywhere make `X-N-M` and `X-N-M (M)` the same form.
    let bracketed_measures = drafts.iter().any(|d| {
        matches!(&d.heading, Heading::Coded { parts, .. } if parts.len() == 2 && parts[1].bracketed)
    });
    let any_non_numeric_head = drafts.iter().any(|d| {
        matches!(&d.heading, Heading::Coded { head, .. } if !head.bytes().all(|b| b.is_ascii_digit()))
    });

    let mut codes = Vec::with_capacity(drafts.len());
    let mut warnings = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut level1_code: Option<String> = None;
    let mut level2: Option<(String, u32)> = None;
    // Outline-coded sections: the open ancestors (level, code) and each code's last ordinal.
    let mut outline_path: Vec<(u32, String)> = Vec::new();
    let mut outline_ordinals: std::collections::HashMap<String, u32> =
        std::collections::HashMap::new();
    let mut outline_level1 = 0u32;

    for i in 0..drafts.len() {
        let draft = &drafts[i];
        let (code, level, parent) = match &draft.heading {
            Heading::Level1 { label, number } => {
                let code = level1_code_from_children(drafts, i, any_non_numeric_head)
                    .unwrap_or_else(|| match label {
                        Level1Label::Field => letter_code(*number),
                        // The goal's own number: `基本目標2` is `2` (it was once `II`, a
                        // numbering the document never prints).
                        Level1Label::Goal => number.to_string(),
                    });
                level1_code = Some(code.clone());
                level2 = None;
                outline_path.clear();
                outline_level1 += 1;
                (code, 1, None)
            }
            Heading::Project { number } => {
                level1_code = None;
                level2 = None;
                outline_path.clear();
                (format!("P-{number}"), 1, None)
            }
            Heading::Measure { number, bracketed } => {
                let printed = if *bracketed {
                    format!("({number})")
                } else {
                    number.to_string()
                };
                level2 = None;
                match &level1_code {
                    Some(parent) => (format!("{parent}-{printed}"), 2, Some(parent.clone())),
                    None => (printed, 1, None),
                }
            }
            Heading::Outline { level } => {
                outline_path.retain(|(open, _)| open < level);
                let parent = outline_path
                    .last()
                    .map(|(_, code)| code.clone())
                    .or_else(|| (*level > 1).then(|| level1_code.clone()).flatten());
                let code = match &parent {
                    Some(parent) => {
                        let ordinal = outline_ordinals.entry(parent.clone()).or_insert(0);
                        *ordinal += 1;
                        format!("{parent}-{ordinal}")
                    }
                    None => {
                        outline_level1 += 1;
                        outline_level1.to_string()
                    }
                };
                if parent.is_none() {
                    level1_code = Some(code.clone());
                }
                outline_path.push((*level, code.clone()));
                let depth = code.matches('-').count() as u32 + 1;
                (code, depth, parent)
            }
            Heading::Coded { head, parts } => {
                let mut head = head.clone();
                let numeric = head.bytes().all(|b| b.is_ascii_digit());
                if numeric && any_non_numeric_head {
                    if let Some((h, n)) = &level2 {
                        if parts.first().map(|c| c.number) == Some(*n) {
                            let printed = render(&head, parts, bracketed_measures);
                            let corrected = render(h, parts, bracketed_measures);
                            warnings.push(Warning::new(
                                WarningCode::SectionCodeCorrected,
                                format!(
                                    "section code {printed} read as {corrected}: it sits inside section {h}-{n}, so its head {head} is taken as a misprint of {h}"
                                ),
                                draft.provenance.clone(),
                            ));
                            head = h.clone();
                        }
                    }
                }
                let code = render(&head, parts, bracketed_measures);
                if parts.len() == 1 {
                    level2 = Some((head.clone(), parts[0].number));
                }
                let level = parts.len() as u32 + 1;
                let parent = (1..=parts.len())
                    .rev()
                    .map(|k| render(&head, &parts[..k - 1], bracketed_measures))
                    .find(|p| seen.contains(p))
                    .or_else(|| {
                        level1_code
                            .clone()
                            .filter(|c| seen.contains(c) && *c == head)
                    });
                (code, level, parent)
            }
        };
        codes.push(code.clone());
        let draft = &mut drafts[i];
        let projects = std::mem::take(&mut draft.projects);
        if seen.insert(code.clone()) {
            sections.push(Section {
                code,
                title: std::mem::take(&mut draft.title),
                parent,
                level,
                projects,
            });
        } else if let Some(s) = sections.iter_mut().find(|s| s.code == code) {
            s.projects.extend(projects);
        }
    }
    Resolved {
        codes,
        sections,
        warnings,
    }
}

/// A level-1 heading's code: the head of the first code printed under it.
/// Numeric heads count only in documents that code everything with digits (`施策1-1`);
/// elsewhere a numeric head is a misprint.
fn level1_code_from_children(
    drafts: &[Draft],
    at: usize,
    any_non_numeric_head: bool,
) -> Option<String> {
    drafts[at + 1..]
        .iter()
        .take_while(|d| !matches!(d.heading, Heading::Level1 { .. } | Heading::Project { .. }))
        .find_map(|d| match &d.heading {
            Heading::Coded { head, .. }
                if !(any_non_numeric_head && head.bytes().all(|b| b.is_ascii_digit())) =>
            {
                Some(head.clone())
            }
            _ => None,
        })
}

fn render(head: &str, parts: &[Component], bracketed_measures: bool) -> String {
    let mut code = head.to_string();
    for (k, c) in parts.iter().enumerate() {
        if c.bracketed || (k == 1 && bracketed_measures) {
            code.push_str(&format!("-({})", c.number));
        } else {
            code.push_str(&format!("-{}", c.number));
        }
    }
    code
}

fn letter_code(number: u32) -> String {
    match number {
        1..=26 => char::from(b'A' + (number - 1) as u8).to_string(),
        _ => number.to_string(),
    }
}

fn roman(number: u32) -> String {
    const TABLE: [(u32, &str); 7] = [
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
        (0, ""),
        (0, ""),
    ];
    if number == 0 || number > 39 {
        return number.to_string();
    }
    let mut n = number;
    let mut out = String::new();
    for (value, letters) in TABLE.iter().filter(|(v, _)| *v > 0) {
        while n >= *value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod outline_tests {
    use super::*;

    fn draft(heading: Heading, title: &str) -> Draft {
        Draft {
            heading,
            title: title.into(),
            provenance: Provenance {
                column: None,
                line: 1,
                page: None,
                sheet: None,
                text: title.into(),
            },
            projects: Vec::new(),
        }
    }

    /// Headings known by style alone take codes from their place: under a worded 基本目標
    /// they continue its code; a new worded level-1 heading closes the styled ones above.
    #[test]
    fn outline_headings_are_coded_by_position() {
        let outline = |level| Heading::Outline { level };
        let goal = |number| Heading::Level1 {
            label: Level1Label::Goal,
            number,
        };
        let mut drafts = vec![
            draft(outline(1), "子育て支援の充実"),
            draft(outline(2), "保育環境の整備"),
            draft(outline(3), "待機児童の解消"),
            draft(outline(2), "相談体制の強化"),
            draft(goal(2), "にぎわいを創る"),
            draft(outline(2), "中心市街地の活性化"),
            draft(outline(1), "安心して暮らせるまち"),
        ];
        let resolved = resolve(&mut drafts);
        let shape: Vec<(&str, u32, Option<&str>)> = resolved
            .sections
            .iter()
            .map(|s| (s.code.as_str(), s.level, s.parent.as_deref()))
            .collect();
        assert_eq!(
            shape,
            [
                ("1", 1, None),
                ("1-1", 2, Some("1")),
                ("1-1-1", 3, Some("1-1")),
                ("1-2", 2, Some("1")),
                ("2", 1, None),
                ("2-1", 2, Some("2")),
                ("3", 1, None),
            ]
        );
    }
}

#[cfg(test)]
mod prefilter_tests {
    use super::*;

    const PIECES: &[&str] = &[
        "分野",
        "1",
        "2",
        "【",
        "しごと",
        "】",
        "基本目標",
        "第",
        "節",
        "具体的施策",
        "基本施策",
        "重点施策",
        "施策",
        "A",
        "I",
        "II",
        "Ⅱ",
        "Ａ",
        "１",
        "－",
        "-",
        "(",
        ")",
        "（",
        "２",
        "）",
        " ",
        "\u{3000}",
        "数値目標",
        "地域",
        ".",
        "、",
        "プロジェクト",
        "x",
        "第2節 ",
        "分野1 ",
        "基本目標3 ",
        "A-1 ",
        "A-1-1 ",
        "I-1-(2) ",
        "Ⅱ－１－（２） ",
        "具体的施策 1-2 ",
        "1-2-(2) ",
    ];

    proptest::proptest! {
        #[test]
        fn the_first_character_test_rejects_no_heading(
            picks in proptest::collection::vec(0..PIECES.len(), 0..8)
        ) {
            let s: String = picks.iter().map(|&i| PIECES[i]).collect();
            let n = NormalizedText::one_run(&s);
            proptest::prop_assert_eq!(heading_in(&n), read_heading(&n), "{}", s);
        }
    }
}
