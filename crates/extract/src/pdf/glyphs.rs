//! Glyph-level clean-up and text assembly: fake-bold duplicates, glyphs into lines,
//! lines into cell text.

use super::backend::Glyph;
use crate::cells::is_blank_text;

/// True for characters that sit in CJK text without spaces around them (kana, kanji,
/// full-width forms and punctuation).
pub(super) fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF   // radicals
        | 0x3000..=0x30FF // CJK punctuation, kana
        | 0x3200..=0x33FF // enclosed, compatibility
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFF00..=0xFFEF // full-width forms
        | 0x20000..=0x3134F)
}

/// Drop duplicate glyphs drawn at (nearly) the same place: generators fake bold by
/// painting a glyph two or more times a fraction of a point apart. Keeps the first draw.
pub(super) fn drop_fake_bold(glyphs: Vec<Glyph>) -> Vec<Glyph> {
    // By text, then x0, then content order: a total order (no two keys are equal), so
    // an unstable sort gives the one result; the keys sit side by side for the sort.
    let mut keys: Vec<(&str, f64, usize)> = glyphs
        .iter()
        .enumerate()
        .map(|(i, g)| (g.text.as_str(), g.x0, i))
        .collect();
    keys.sort_unstable_by(|a, b| a.0.cmp(b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
    let order: Vec<usize> = keys.into_iter().map(|(_, _, i)| i).collect();
    let mut duplicate = vec![false; glyphs.len()];
    for (k, &i) in order.iter().enumerate() {
        if duplicate[i] || is_blank_text(&glyphs[i].text) {
            continue;
        }
        let tol = glyphs[i].em() / 5.0;
        for &j in &order[k + 1..] {
            let (a, b) = (&glyphs[i], &glyphs[j]);
            if b.text != a.text || b.x0 - a.x0 > tol {
                break;
            }
            if (b.top - a.top).abs() < tol {
                // Keep the earlier draw in content order.
                duplicate[i.max(j)] = true;
            }
        }
    }
    glyphs
        .into_iter()
        .zip(duplicate)
        .filter_map(|(g, d)| (!d).then_some(g))
        .collect()
}

/// Glyphs on one baseline, left to right.
#[derive(Debug, Clone)]
pub(super) struct TextRow {
    pub glyphs: Vec<Glyph>,
    pub top: f64,
    pub bottom: f64,
}

/// Group glyphs into rows: a glyph joins a row when it overlaps the row vertically by at
/// least half of the smaller height. Rows come out top to bottom, glyphs left to right.
pub(super) fn group_rows(mut glyphs: Vec<Glyph>) -> Vec<TextRow> {
    glyphs.sort_by(|a, b| {
        a.center_y()
            .total_cmp(&b.center_y())
            .then(a.x0.total_cmp(&b.x0))
    });
    let mut rows: Vec<TextRow> = Vec::new();
    for g in glyphs {
        let h = (g.bottom - g.top).max(0.1);
        // Only the last few rows can match: glyphs arrive sorted by centre.
        let found = rows.iter_mut().rev().take(3).find(|r| {
            let overlap = r.bottom.min(g.bottom) - r.top.max(g.top);
            overlap >= 0.5 * h.min(r.bottom - r.top)
        });
        match found {
            Some(r) => {
                r.top = r.top.min(g.top);
                r.bottom = r.bottom.max(g.bottom);
                r.glyphs.push(g);
            }
            None => rows.push(TextRow {
                top: g.top,
                bottom: g.bottom,
                glyphs: vec![g],
            }),
        }
    }
    for r in &mut rows {
        r.glyphs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    rows.sort_by(|a, b| a.top.total_cmp(&b.top));
    rows
}

/// Split a row into runs wherever the horizontal gap exceeds `gap_em` ems.
pub(super) fn split_runs(glyphs: &[Glyph], gap_em: f64) -> Vec<&[Glyph]> {
    let mut runs = Vec::new();
    let mut start = 0;
    let mut right: Option<f64> = None;
    let mut prev_em = 0.0_f64;
    for (i, g) in glyphs.iter().enumerate() {
        if is_blank_text(&g.text) {
            continue;
        }
        if let Some(r) = right {
            if g.x0 - r > gap_em * g.em().max(prev_em) {
                runs.push(&glyphs[start..i]);
                start = i;
                right = None;
            }
        }
        right = Some(right.map_or(g.x1, |r| r.max(g.x1)));
        prev_em = g.em();
    }
    if start < glyphs.len() {
        runs.push(&glyphs[start..]);
    }
    runs.into_iter()
        .map(trim_blank_glyphs)
        .filter(|r| !r.is_empty())
        .collect()
}

fn trim_blank_glyphs(mut run: &[Glyph]) -> &[Glyph] {
    while run.first().is_some_and(|g| is_blank_text(&g.text)) {
        run = &run[1..];
    }
    while run.last().is_some_and(|g| is_blank_text(&g.text)) {
        run = &run[..run.len() - 1];
    }
    run
}

/// Text of glyphs on one baseline. Each drawn space glyph is written as a space (two
/// spaces in the source stay two), and a gap of at least 0.35 em without one is a
/// space too; narrower gaps are placement artifacts (LibreOffice's spacing between
/// Latin digits and kanji, `126 品`) and are dropped. Spaces drawn after the last glyph
/// are kept: a wrapped line that ends with one broke at a space (see
/// [`join_cell_lines_with`]).
pub(super) fn run_text(glyphs: &[Glyph]) -> String {
    const SPACE_GAP_EM: f64 = 0.35;
    let mut out = String::new();
    let mut prev: Option<&Glyph> = None;
    let mut pending_spaces = 0usize;
    for g in glyphs {
        if is_blank_text(&g.text) {
            // A drawn space: real when it is not a hairline.
            if g.x1 - g.x0 >= 0.15 * g.em() || g.text.contains('\u{3000}') {
                pending_spaces += 1;
            }
            continue;
        }
        if let Some(p) = prev {
            let gap = g.x0 - p.x1;
            if pending_spaces == 0 && gap >= SPACE_GAP_EM * g.em().max(p.em()) {
                pending_spaces = 1;
            }
            out.extend(std::iter::repeat_n(' ', pending_spaces));
        }
        pending_spaces = 0;
        out.push_str(&g.text);
        prev = Some(g);
    }
    if prev.is_some() && pending_spaces > 0 {
        out.push(' ');
    }
    out
}

/// True when a line starts a list item or bullet, which keeps its own line in a cell.
pub(super) fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if matches!(
        first,
        '・' | '●'
            | '○'
            | '◎'
            | '■'
            | '□'
            | '◆'
            | '◇'
            | '▪'
            | '•'
            | '‣'
            | '＊'
            | '★'
            | '☆'
    ) || ('\u{2460}'..='\u{2473}').contains(&first)
        || ('\u{2776}'..='\u{277F}').contains(&first)
    {
        return true;
    }
    // `1 地域食材…`, `12．…`, `(3) …`, `（3）…`
    let rest: String = line.chars().collect();
    let digits_then = |s: &str| -> bool {
        let n = s
            .chars()
            .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
            .count();
        if n == 0 || n > 3 {
            return false;
        }
        matches!(
            s.chars().nth(n),
            Some(' ' | '.' | '．' | '、' | ')' | '）' | '\u{3000}')
        )
    };
    // `84.5%` is a number, not item 84.
    let decimal = |s: &str| -> bool {
        let mut cs = s
            .chars()
            .skip_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c));
        matches!(cs.next(), Some('.' | '．'))
            && cs
                .next()
                .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    };
    if digits_then(&rest) && !decimal(&rest) {
        return true;
    }
    if let Some(inner) = rest.strip_prefix('(').or_else(|| rest.strip_prefix('（')) {
        return digits_then(inner);
    }
    false
}

/// True when a left-aligned line ended by choice (a paragraph or list item ends there),
/// not because the next line's first unbreakable unit did not fit: the room left before
/// the cell's right edge would have held that unit with half an em to spare. Lines that
/// do not both start at the cell's left text edge (centred or right-aligned cells) are
/// never judged so.
pub(super) fn ends_by_choice(
    line: &[Glyph],
    next: &[Glyph],
    left_edge: f64,
    right_edge: f64,
) -> bool {
    let visible = |g: &&Glyph| !is_blank_text(&g.text);
    let (Some(first), Some(last)) = (line.iter().find(visible), line.iter().rev().find(visible))
    else {
        return false;
    };
    let Some(next_first) = next.iter().find(visible) else {
        return false;
    };
    let em = first.em();
    let at_left = |g: &Glyph| (g.x0 - left_edge).abs() <= 0.5 * em;
    if !(at_left(first) && at_left(next_first)) {
        return false;
    }
    let room = right_edge - last.x1;
    room >= unbreakable_width(next) + 0.5 * em
}

/// Width of a line's first unit that a line breaker may keep whole: a Latin word or
/// number, a wide character with the punctuation that may not start a line after it, a
/// bracketed group up to its closing bracket (LibreOffice moved `（電源エネルギー戦略室）`
/// to the next line whole). Erring wide only misses a paragraph end.
fn unbreakable_width(glyphs: &[Glyph]) -> f64 {
    let is_opening = |c: char| matches!(c, '(' | '（' | '「' | '『' | '【' | '〔' | '［' | '[');
    let is_closing = |c: char| matches!(c, ')' | '）' | '」' | '』' | '】' | '〕' | '］' | ']');
    let mut iter = glyphs.iter().filter(|g| !is_blank_text(&g.text));
    let Some(first) = iter.next() else {
        return 0.0;
    };
    let first_char = first.text.chars().next().unwrap_or(' ');
    let mut depth = usize::from(is_opening(first_char));
    let mut end = first.x1;
    let mut prev = first.text.chars().last().unwrap_or(' ');
    for g in iter {
        let c = g.text.chars().next().unwrap_or(' ');
        let latin_word = !is_wide(prev) && !is_wide(c) && g.x0 - end < 0.15 * g.em();
        if !(depth > 0 || latin_word || is_opening(prev) || no_line_start(c)) {
            break;
        }
        if is_opening(c) {
            depth += 1;
        } else if is_closing(c) {
            depth = depth.saturating_sub(1);
        }
        end = g.x1;
        prev = g.text.chars().last().unwrap_or(' ');
    }
    end - first.x0
}

/// Characters Japanese line breaking keeps off the start of a line (kinsoku).
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | ','
            | '.'
            | ')'
            | '）'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '］'
            | ']'
            | '・'
            | 'ー'
            | '：'
            | ':'
            | '％'
            | '%'
            | '々'
            | 'ぁ'
            | 'ぃ'
            | 'ぅ'
            | 'ぇ'
            | 'ぉ'
            | 'っ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | 'ゎ'
            | 'ァ'
            | 'ィ'
            | 'ゥ'
            | 'ェ'
            | 'ォ'
            | 'ッ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
            | 'ヮ'
    )
}

/// Join the lines of one cell: wrapped lines join without a space when the end or the
/// start is CJK, with one space otherwise; a line that ends with a drawn space broke at
/// that space, which is kept; list items stay on their own line (`'\n'`).
#[cfg(test)]
pub(super) fn join_cell_lines(lines: &[String]) -> String {
    join_cell_lines_with(lines, &[])
}

/// Joins like `join_cell_lines`, where `ended_by_choice[i]` says line `i` ended a paragraph or
/// item (see [`ends_by_choice`]): a `'\n'` follows it.
pub(super) fn join_cell_lines_with(lines: &[String], ended_by_choice: &[bool]) -> String {
    if lines.len() < 2 {
        return lines
            .first()
            .map_or_else(String::new, |l| l.trim().to_string());
    }
    let spacing = crate::layout::CellSpacing::of(lines);
    let mut out = String::new();
    let mut broke_at_space = false;
    let mut hard_break = false;
    for (i, raw_line) in lines.iter().enumerate() {
        let after_hard_break = std::mem::replace(
            &mut hard_break,
            ended_by_choice.get(i).copied().unwrap_or(false),
        );
        let line = raw_line.trim();
        if line.is_empty() {
            continue;
        }
        if out.is_empty() {
            out.push_str(line);
            broke_at_space = raw_line.ends_with(char::is_whitespace);
            continue;
        }
        if after_hard_break || starts_list_item(line) {
            out.push('\n');
        } else {
            let mut tail = out.chars().rev();
            let end = tail.next().unwrap_or(' ');
            let before_end = tail.next();
            let start = line.chars().next().unwrap_or(' ');
            if broke_at_space
                || (!end_glues(before_end, end) && spacing.break_took_a_space(&out, line))
                || !(is_wide(end) || is_wide(start) || end_joins_tight(before_end, end, start))
            {
                out.push(' ');
            }
        }
        out.push_str(line);
        broke_at_space = raw_line.ends_with(char::is_whitespace);
    }
    out
}

/// A line ending in a word broken at a hyphen, an opening bracket or a slash joins the next
/// tightly, whatever that starts with.
fn end_glues(before_end: Option<char>, end: char) -> bool {
    let hyphenated = matches!(end, '-') && before_end.is_some_and(char::is_alphanumeric);
    hyphenated || matches!(end, '(' | '（' | '/' | '／')
}

/// Wrapped numbers and words broken at a hyphen or inside parentheses join tightly. A
/// dash standing alone (`-` as a value, then a note) is not a broken word.
fn end_joins_tight(before_end: Option<char>, end: char, start: char) -> bool {
    (end.is_ascii_digit() && (start.is_ascii_digit() || start == ',' || start == '.'))
        || end_glues(before_end, end)
        || matches!(start, ')' | '）' | ',' | '、' | '。' | '．' | '.')
        || (is_wide(end) && matches!(start, '(' | ')'))
        || (is_wide(start) && matches!(end, ')'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str, x0: f64, top: f64, size: f64) -> Glyph {
        let w = if text.chars().all(is_wide) {
            size
        } else {
            size / 2.0
        };
        Glyph {
            text: text.into(),
            x0,
            x1: x0 + w,
            top,
            bottom: top + size,
            size,
            upright: true,
            font: String::new(),
        }
    }

    #[test]
    fn fake_bold_duplicates_are_dropped() {
        let glyphs = vec![
            g("見", 10.0, 10.0, 10.0),
            g("見", 10.3, 10.0, 10.0),
            g("出", 20.0, 10.0, 10.0),
            g("出", 20.3, 10.2, 10.0),
            g("見", 30.0, 10.0, 10.0),
        ];
        let kept: String = drop_fake_bold(glyphs)
            .iter()
            .map(|g| g.text.clone())
            .collect();
        assert_eq!(kept, "見出見");
    }

    #[test]
    fn artifact_gap_between_digits_and_kanji_is_dropped() {
        // 126品 with LibreOffice's 0.2 em autospace before 品.
        let glyphs = vec![
            g("1", 0.0, 0.0, 8.0),
            g("2", 4.4, 0.0, 8.0),
            g("6", 8.8, 0.0, 8.0),
            g("品", 14.8, 0.0, 8.0),
        ];
        assert_eq!(run_text(&glyphs), "126品");
        let spaced = vec![g("1", 0.0, 0.0, 8.0), g("品", 8.0, 0.0, 8.0)];
        assert_eq!(run_text(&spaced), "1 品");
        let two_spaces = vec![
            g("数", 0.0, 0.0, 8.0),
            g(" ", 8.0, 0.0, 8.0),
            g(" ", 10.0, 0.0, 8.0),
            g("(", 12.0, 0.0, 8.0),
        ];
        assert_eq!(run_text(&two_spaces), "数  (");
        assert_eq!(run_text(&two_spaces[..2]), "数 ");
    }

    #[test]
    fn a_wrap_at_a_drawn_space_keeps_the_space() {
        let l = |v: &[&str]| {
            v.iter()
                .map(std::string::ToString::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            join_cell_lines(&l(&["誘致件数 ", "(※) 全国大会のみ"])),
            "誘致件数 (※) 全国大会のみ"
        );
        assert_eq!(
            join_cell_lines(&l(&["-", "(R2国勢調査)"])),
            "- (R2国勢調査)"
        );
        assert_eq!(join_cell_lines(&l(&["well-", "known"])), "well-known");
    }

    #[test]
    fn a_short_left_aligned_line_ends_a_paragraph() {
        let line = |text: &str, x0: f64, top: f64| -> Vec<Glyph> {
            text.chars()
                .enumerate()
                .map(|(i, c)| g(&c.to_string(), x0 + 8.0 * i as f64, top, 8.0))
                .collect()
        };
        // Cell text from x 0 to 100: 12 wide characters fit on a line.
        let full = line("あいうえおかきくけこさし", 0.0, 0.0);
        let short = line("介護従事者事業", 0.0, 0.0);
        let next = line("介護福祉事業", 0.0, 10.0);
        assert!(!ends_by_choice(&full, &next, 0.0, 100.0));
        assert!(ends_by_choice(&short, &next, 0.0, 100.0));
        // A bracketed group that does not fit moves to the next line whole.
        let group = line("（電源エネルギー戦略室）", 0.0, 10.0);
        assert!(!ends_by_choice(&short, &group, 0.0, 100.0));
        // Centred lines are not judged.
        let centred = line("介護福祉", 20.0, 10.0);
        assert!(!ends_by_choice(&short, &centred, 0.0, 100.0));
        let joined = join_cell_lines_with(
            &["介護従事者事業".to_string(), "介護福祉事業".to_string()],
            &[true, false],
        );
        assert_eq!(joined, "介護従事者事業\n介護福祉事業");
    }

    #[test]
    fn a_decimal_number_is_not_a_list_item() {
        assert!(!starts_list_item("84.5% (H29)"));
        assert!(!starts_list_item("46.8"));
        assert!(starts_list_item("12. 項目"));
        assert!(starts_list_item("1 企業誘致促進"));
    }

    #[test]
    fn lines_join_by_script_and_lists_stay_separate() {
        let l = |v: &[&str]| {
            v.iter()
                .map(std::string::ToString::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(join_cell_lines(&l(&["産", "業", "振", "興"])), "産業振興");
        assert_eq!(
            join_cell_lines(&l(&["認定農業者等の担い手への", "農地集積率"])),
            "認定農業者等の担い手への農地集積率"
        );
        assert_eq!(
            join_cell_lines(&l(&["1 企業誘致促進", "2 直江津港振興"])),
            "1 企業誘致促進\n2 直江津港振興"
        );
        assert_eq!(
            join_cell_lines(&l(&["・地場産業", "振興事業", "・直江津港"])),
            "・地場産業振興事業\n・直江津港"
        );
        assert_eq!(join_cell_lines(&l(&["Hello", "world"])), "Hello world");
        // The space a line break took, as every reader of wrapped cells restores it
        // (`layout::break_took_a_space`): before a period on a line of its own, and before
        // an opening bracket unless the cell writes its brackets tight.
        assert_eq!(
            join_cell_lines(&l(&["33,097個/年", "(H30)"])),
            "33,097個/年 (H30)"
        );
        assert_eq!(
            join_cell_lines(&l(&["参加団体 (※) により創出", "(刷新) された"])),
            "参加団体 (※) により創出 (刷新) された"
        );
        assert_eq!(
            join_cell_lines(&l(&["参加団体(※)により創出", "(刷新)された"])),
            "参加団体(※)により創出(刷新)された"
        );
        assert_eq!(join_cell_lines(&l(&["件数(", "累計)"])), "件数(累計)");
    }
}
