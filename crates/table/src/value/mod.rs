//! Reading a value cell into a [`Value`] with its own date and remarks (contract: Value,
//! Observation).
//!
//! The cell is normalized first ([`shinchoku_extract::normalize::normalize`]), then read in
//! three steps: remarks after `※` are cut off; the rest is split into atoms (runs without
//! spaces) and parenthesized groups ([`tokens`]); atoms become numbers ([`atom`]), words or
//! dates, groups become dates, labels or remarks; the sequence is assembled here and made a
//! value in [`build`].
//!
//! Decisions the contract leaves open:
//! - A cell is a `number` only when, apart from dates, remarks and comparators, it is exactly
//!   `[約]number[unit][以上|以下|程度]` with a short unit; a single value with a printed label
//!   (`小学校平均53以上`) is `parts` with one part; several values are `parts`; anything with
//!   words left over is `text` (a number is never pulled out of a sentence).
//! - `未満` is `<`, `超` / `超過` are `>`; `以内` is `<=`; `前後` is approximate like `程度`.
//! - How a number counts is read from words glued to it or printed in its groups
//!   ([`atom::Flags`]): `年111校` / `毎年10件` are per year (unit `校/年`); `5年間で1人`
//!   (span 5), `累計`, `延べ`, `H27からの累計` are running totals; `見込み` flags an estimate and
//!   `速報値` a preliminary figure, also as a group (`(R5見込み)`, `(速報値)`) or a remark
//!   (`※速報値`). The group or remark stays a note as printed; a `からの累計` group names
//!   where the total starts, so its date never dates the value.
//! - Ranges (`10~20件`) are `text`: the contract has no range kind, and two parts would claim
//!   two independent values.
//! - A total with a parenthesized breakdown (`3,034人/日 (ほくほく線: 1,395人/日 (H30) …)`,
//!   `45.7% (依頼会員595人、提供会員272人)`) is the total as a `number`; the breakdown group is
//!   kept verbatim as a note. Its dates date the total only when the total has no date of its
//!   own and they all agree.
//! - Compound amounts (`12億3,400万円`, `95万9千人`) are resolved into their base unit
//!   (contract): number 1234000000, unit `円`, normalized null.
//! - A date printed once after several values (`14組・19人 (H30)`) dates the cell; the parts
//!   keep `period: null`. Parts dated one by one (`953,404人 (H30 直江津) …`) carry their own
//!   periods, and the cell's period is theirs when they agree.
//! - A lone dash-like mark, including `ー` standing alone, is `missing`.

mod atom;
mod build;
mod decimal;
mod tokens;
mod units;

#[cfg(test)]
mod tests;

use std::ops::Range;

use shinchoku_extract::era::{for_each_period, Period};

use crate::cell_text::NormalizedText;
use crate::model::{Part, Value};
use atom::{NumberAtom, Qualifier};
use build::{absorb_groups, build_value, flags_in, item_value, only_groups, text_value};
use tokens::{DateFinder, GroupKind, Token};

pub use decimal::Decimal;
pub use units::{clean_hint, is_known_unit, is_unit, split_scale, unit_in_name};

/// Words that make a number in a bracketed group a running total (`(累計)`, `(延べ)`), or
/// the group's date where the total starts (`(H27からの累計)`).
pub(crate) const RUNNING_TOTAL_WORDS: [&str; 3] = ["累計", "延べ", "通算"];

/// A cell read: its value, its own date if it has one, and its remarks.
#[derive(Debug, Clone, PartialEq)]
pub struct CellValue {
    pub value: Value,
    pub period: Option<Period>,
    pub notes: Vec<String>,
}

/// Read one value cell. `unit_hint` is a unit printed outside the cell (in the KPI name,
/// the column header or a caption) that applies when the cell has none.
pub fn parse_cell(text: &str, unit_hint: Option<&str>) -> CellValue {
    read_cell(&NormalizedText::new(text), unit_hint)
}

/// [`parse_cell`] of a cell's normalized text.
pub(crate) fn read_cell(text: &NormalizedText, unit_hint: Option<&str>) -> CellValue {
    let hint = unit_hint.and_then(clean_hint);
    parse_normalized(text, hint.as_deref(), &era_dates)
}

fn era_dates(text: &str) -> Vec<(Range<usize>, Period)> {
    let mut dates = Vec::new();
    for_each_period(text, |found| {
        if let Ok(parsed) = found.result {
            dates.push((found.range, parsed.period));
        }
    });
    dates
}

/// What one token of the cell turned out to be.
#[derive(Debug)]
enum Elem<'a> {
    /// A number and the atom it was read from.
    Value(NumberAtom<'a>, &'a str),
    Dash,
    Word(&'a str),
    Qualifier(Qualifier),
    Approximate,
    /// A parenthesized group, or an atom that is a date (`R4実績`).
    Group {
        kind: GroupKind,
        text: &'a str,
        span: Range<usize>,
    },
}

/// One value of the cell with what was printed around it.
#[derive(Debug)]
struct Item<'a> {
    label: Option<String>,
    /// `None` for a dash.
    number: Option<NumberAtom<'a>>,
    groups: Vec<(&'a GroupKind, &'a str)>,
}

/// Read an already normalized cell; `find_dates` resolves date expressions.
fn parse_normalized(text: &str, hint: Option<&str>, find_dates: DateFinder<'_>) -> CellValue {
    let text = text.trim();
    let (core, remark) = split_remark(text);
    let mut cell = read_core(core, hint, find_dates, Depth::Cell);
    if let Some(remark) = remark {
        let flag_only = matches!(
            remark.trim_start_matches(['※', '*']).trim(),
            "速報値" | "速報" | "見込み" | "見込" | "累計" | "延べ"
        );
        if let (true, Value::Number(number)) = (flag_only, &mut cell.value) {
            // `24,810 ※速報値`: a remark that is only a flag word says how the number
            // counts; a longer one (`※R5数値はR6.12確定 見込`) may be about another figure.
            let flags = flags_in(remark);
            number.estimate |= flags.estimate;
            number.preliminary |= flags.preliminary;
            number.cumulative |= flags.cumulative;
            number.span_years = number.span_years.or(flags.span_years);
        }
        cell.notes.push(remark.to_string());
    }
    cell
}

/// Split at the first `※` outside parentheses: everything from it on is a remark.
///
/// Looks at bytes: `(` and `)` are ASCII, and `※` (E2 80 BB) is only checked where its
/// lead byte stands; a lead byte is always a char boundary.
fn split_remark(text: &str) -> (&str, Option<&str>) {
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            0xE2 if depth == 0 && text[i..].starts_with('※') => {
                let remark = text[i..].trim();
                return (text[..i].trim_end(), (!remark.is_empty()).then_some(remark));
            }
            _ => {}
        }
    }
    (text, None)
}

/// How deep breakdowns are read: a total's breakdown is read once, never a breakdown's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Depth {
    Cell,
    Breakdown,
}

fn read_core(
    core: &str,
    hint: Option<&str>,
    find_dates: DateFinder<'_>,
    depth: Depth,
) -> CellValue {
    match read_single_value(core, hint, find_dates, depth) {
        Some(cell) => cell,
        None => read_general(core, hint, find_dates, depth),
    }
}

/// Most groups a cell read by [`read_single_value`] may have (`39.8% (H30)` has one).
const MAX_SINGLE_VALUE_GROUPS: usize = 3;

/// The commonest cell shape read without the general assembly: one unlabelled value or a
/// dash, then nothing but parenthesized groups (`39.8%`, `39.8% (H30)`, `33,097個/年`,
/// `約32,000件/年`, `-`, `- (R2国勢調査)`). Gives what [`read_general`] gives for such a
/// cell (the `single_value_path_agrees_with_the_general_path` test checks it), without the
/// element and item lists, and moving the dating group's period instead of cloning it.
/// `None` for every other cell, which the general path reads.
fn read_single_value(
    core: &str,
    hint: Option<&str>,
    find_dates: DateFinder<'_>,
    depth: Depth,
) -> Option<CellValue> {
    let mut tokens = tokens::tokenize(core);
    let Some(Token::Atom { text: atom, .. }) = tokens.next() else {
        return None;
    };
    // Groups are looked at only once the cell is known to have this shape: a word after
    // them would send the cell to the general path, which classifies them again.
    let mut printed: [(&str, &str); MAX_SINGLE_VALUE_GROUPS] = [("", ""); MAX_SINGLE_VALUE_GROUPS];
    let mut count = 0;
    for token in tokens {
        let Token::Group { text, content, .. } = token else {
            return None;
        };
        *printed.get_mut(count)? = (text, content);
        count += 1;
    }
    let number = lone_value(atom)?;
    let printed = &printed[..count];
    // Filled slot by slot, not with `std::array::from_fn`: its generic machinery moved each
    // kind (over a hundred bytes) through several temporaries, a `memcpy` call each.
    let mut kinds: [Option<GroupKind>; MAX_SINGLE_VALUE_GROUPS] = [None, None, None];
    for (slot, (_, content)) in kinds.iter_mut().zip(printed) {
        *slot = Some(tokens::classify_group(content, find_dates));
    }
    let groups = || {
        kinds
            .iter()
            .zip(printed)
            .filter_map(|(kind, (text, _))| Some((kind.as_ref()?, *text)))
    };
    // A total with a breakdown group (`3,034人/日 (ほくほく線: …)`) is read as the general
    // path reads it; only a cell with a remark group and a unit can be one.
    let may_be_total = depth == Depth::Cell
        && number.as_ref().is_some_and(|n| n.unit.is_some())
        && groups().any(|(kind, _)| matches!(kind, GroupKind::Note(_)));
    if may_be_total {
        let items = [Item {
            label: None,
            number: number.clone(),
            groups: groups().collect(),
        }];
        if let Some(cell) = total_with_breakdown(&items, &Vec::new(), hint, find_dates) {
            return Some(cell);
        }
    }
    let mut notes = Vec::new();
    let dating = dating_group(groups());
    for (kind, text) in groups() {
        if !matches!(kind, GroupKind::Date(_)) {
            notes.push(text.to_string());
        }
    }
    // The dating group's kind is taken out of its slot: moving the whole array of kinds
    // (several hundred bytes) to pick one was a large copy on every dated cell.
    let period = dating.and_then(|i| kinds[i].take().and_then(into_period));
    let value = item_value(number, hint, printed.iter().map(|(text, _)| *text));
    Some(CellValue {
        value,
        period,
        notes,
    })
}

/// An atom that [`classify`] and [`assemble`] would make one unlabelled item of: a dash
/// (`Some(None)`) or a number without a label. `None` for anything else.
///
/// Atoms starting with a digit are read as numbers before anything else in [`classify_atom`].
/// Those starting with `約` or a sign are asked for a date first there, but can never be one:
/// the date would leave the `約` or the sign behind, and a date with a word left over is not
/// a date atom. Other atoms go to the general path.
fn lone_value(atom: &str) -> Option<Option<NumberAtom<'_>>> {
    if is_dash(atom) {
        return Some(None);
    }
    let first = atom.chars().next()?;
    let may_be_number =
        first.is_ascii_digit() || first == '約' || first == '+' || atom::is_minus(first);
    if !may_be_number || atom == "約" {
        return None;
    }
    atom::parse_atom(atom)
        .filter(|number| number.label.is_none())
        .map(Some)
}

/// The period a group dates its value with, if any: where [`absorb_groups`] looks for it.
fn group_period(kind: &GroupKind) -> (usize, Option<&Period>) {
    match kind {
        GroupKind::Date(p) => (0, Some(p)),
        GroupKind::DateLabel(p, _) => (1, Some(p)),
        GroupKind::SourceNote(p) => (2, Some(p)),
        GroupKind::Note(p) => (3, p.as_ref()),
        GroupKind::Label(_) => (3, None),
    }
}

/// [`group_period`] of a group that is given up.
fn into_period(kind: GroupKind) -> Option<Period> {
    match kind {
        GroupKind::Date(p) | GroupKind::DateLabel(p, _) | GroupKind::SourceNote(p) => Some(p),
        GroupKind::Note(p) => p,
        GroupKind::Label(_) => None,
    }
}

/// Index of the group whose date dates an item: the first plain date, then the first
/// labelled date, then a source note's date, then a remark's agreed date.
fn dating_group<'g>(groups: impl Iterator<Item = (&'g GroupKind, &'g str)>) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, (kind, _)) in groups.enumerate() {
        let (rank, period) = group_period(kind);
        if period.is_some() && best.is_none_or(|(best_rank, _)| rank < best_rank) {
            best = Some((rank, i));
        }
    }
    best.map(|(_, i)| i)
}

/// The general reading of a cell: classify every token, assemble items, build the value.
fn read_general(
    core: &str,
    hint: Option<&str>,
    find_dates: DateFinder<'_>,
    depth: Depth,
) -> CellValue {
    let mut elems = classify(core, find_dates);
    match assemble(&mut elems) {
        Some((items, loose)) if !items.is_empty() => {
            if depth == Depth::Cell {
                if let Some(cell) = total_with_breakdown(&items, &loose, hint, find_dates) {
                    return cell;
                }
            }
            build_value(items, &loose, hint)
        }
        Some((_, loose)) if core.is_empty() => only_groups(&loose),
        _ => text_value(core, &elems),
    }
}

fn classify<'a>(core: &'a str, find_dates: DateFinder<'_>) -> Vec<Elem<'a>> {
    // Room for a usual cell (`39.8% (H30)`, `953,404人 (H30 直江津) 1,128,338人 (H30 高田)`)
    // at once: an element is large, and growing the list one step at a time copies it.
    let mut elems = Vec::with_capacity(4);
    for token in tokens::tokenize(core) {
        match token {
            Token::Group {
                text,
                content,
                span,
            } => elems.push(Elem::Group {
                kind: tokens::classify_group(content, find_dates),
                text,
                span,
            }),
            Token::Atom { text, span } => classify_atom(text, span, find_dates, &mut elems),
        }
    }
    // `小学6年生 95.0%`: a labelled number right before a plain number is that number's label.
    for i in 1..elems.len() {
        let glued = matches!(
            (&elems[i - 1], &elems[i]),
            (Elem::Value(prev, _), Elem::Value(next, _)) if prev.label.is_some() && next.label.is_none()
        );
        if glued {
            if let Elem::Value(_, text) = elems[i - 1] {
                elems[i - 1] = Elem::Word(text);
            }
        }
    }
    // `1歳6か月児 98.0% 3歳児 98.0%`: in a cell of labelled parts, a count right before a
    // plain number in the parts' unit, not its own, is that number's label (`3歳児`), as
    // the words before the first part are.
    for i in 1..elems.len() {
        let label_of_next = match (&elems[i - 1], &elems[i]) {
            (Elem::Value(prev, _), Elem::Value(next, _)) => {
                prev.label.is_none()
                    && next.label.is_none()
                    && prev.unit.is_some()
                    && prev.unit != next.unit
                    && next.unit.is_some()
                    && labels_a_part_in(&elems[..i - 1], next.unit.as_deref())
            }
            _ => false,
        };
        if label_of_next {
            if let Elem::Value(_, text) = elems[i - 1] {
                elems[i - 1] = Elem::Word(text);
            }
        }
    }
    elems
}

/// Whether `elems` hold a part labelled by words before it (`1歳6か月児 98.0%`) in `unit`.
fn labels_a_part_in(elems: &[Elem<'_>], unit: Option<&str>) -> bool {
    elems.windows(2).any(|pair| {
        matches!(pair, [Elem::Word(_), Elem::Value(number, _)]
            if number.label.is_none() && number.unit.as_deref() == unit)
    })
}

fn classify_atom<'a>(
    text: &'a str,
    span: Range<usize>,
    find_dates: DateFinder<'_>,
    out: &mut Vec<Elem<'a>>,
) {
    let marker = if is_dash(text) {
        Some(Elem::Dash)
    } else if text == ":" {
        // A label separator printed apart (`国語 : 50.0`): nothing to keep.
        return;
    } else if let Some(q) = atom::qualifier_word(text) {
        Some(Elem::Qualifier(q))
    } else if atom::APPROXIMATE_PREFIXES.contains(&text) {
        Some(Elem::Approximate)
    } else {
        None
    };
    if let Some(marker) = marker {
        out.push(marker);
        return;
    }
    // `令和5年度`, `R4実績`: an atom that starts like an era date is asked first. Atoms
    // starting with a digit are read as numbers first (`2024年` printed as a value stays a
    // value), and asked afterwards; an atom is never searched for dates twice.
    let dates_first = !text.starts_with(|c: char| c.is_ascii_digit());
    if dates_first {
        if let Some(kind) = atom_date(text, find_dates) {
            out.push(Elem::Group { kind, text, span });
            return;
        }
    }
    if let Some(number) = atom::parse_atom(text) {
        out.push(Elem::Value(number, text));
    } else if let Some(pieces) = split_listed_values(text) {
        out.extend(pieces.into_iter().map(|(n, t)| Elem::Value(n, t)));
    } else if let Some(kind) = (!dates_first)
        .then(|| atom_date(text, find_dates))
        .flatten()
    {
        out.push(Elem::Group { kind, text, span });
    } else {
        out.push(Elem::Word(text));
    }
}

/// A run of one to three dash-like marks (`-`, `－`, `―`, `—`, `‐`, a lone `ー`): no value.
/// Stops at the first other character rather than counting the atom first.
fn is_dash(text: &str) -> bool {
    let mut count = 0;
    for c in text.chars() {
        count += 1;
        if count > 3 || !is_dash_mark(c) {
            return false;
        }
    }
    count > 0
}

fn is_dash_mark(c: char) -> bool {
    matches!(
        c,
        '-' | '－' | '―' | '—' | '‐' | '‑' | '‒' | '–' | '−' | 'ー' | '─' | '━' | 'ｰ'
    )
}

/// `14組・19人`: values listed with `・` or `、` between them, every piece a value.
fn split_listed_values(text: &str) -> Option<Vec<(NumberAtom<'_>, &str)>> {
    if !text.contains(['・', '、']) {
        return None;
    }
    let pieces: Vec<&str> = text.split(['・', '、']).collect();
    if pieces.len() < 2 || pieces.len() > 20 {
        return None;
    }
    pieces
        .into_iter()
        .map(|p| atom::parse_atom(p).map(|n| (n, p)))
        .collect()
}

/// An atom that is entirely a date with at most a qualifier (`R4実績`, `H30`).
fn atom_date(text: &str, find_dates: DateFinder<'_>) -> Option<GroupKind> {
    match tokens::classify_dated_group(text, find_dates)? {
        kind @ GroupKind::Date(_) => Some(kind),
        _ => None,
    }
}

/// Groups printed before any value (or in a cell without values).
type Loose<'a> = Vec<(&'a GroupKind, &'a str)>;

/// Gather values with their labels, qualifiers and groups. `None` when words are left over
/// or something cannot attach: the cell is text.
///
/// Values are moved out of `elems` (left as [`Elem::Dash`]) rather than cloned; when the
/// cell turns out to be text, [`text_value`] only looks at the groups, which stay.
fn assemble<'e, 'a>(elems: &'e mut [Elem<'a>]) -> Option<(Vec<Item<'e>>, Loose<'e>)>
where
    'a: 'e,
{
    let mut items: Vec<Item<'e>> = Vec::new();
    let mut loose: Loose<'e> = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    let mut approximate = false;
    for elem in elems.iter_mut() {
        if let Elem::Value(..) = elem {
            let Elem::Value(mut number, _) = std::mem::replace(elem, Elem::Dash) else {
                unreachable!("matched a value just above");
            };
            number.approximate |= std::mem::take(&mut approximate);
            let label = join_label(&words, number.label)?;
            words.clear();
            items.push(Item {
                label,
                number: Some(number),
                groups: Vec::new(),
            });
            continue;
        }
        let elem: &'e Elem<'a> = elem;
        match elem {
            Elem::Word(w) => words.push(w),
            Elem::Approximate => approximate = true,
            Elem::Value(..) => unreachable!("values are taken above"),
            Elem::Dash => {
                if approximate {
                    return None;
                }
                let label = join_label(&words, None)?;
                words.clear();
                items.push(Item {
                    label,
                    number: None,
                    groups: Vec::new(),
                });
            }
            Elem::Qualifier(q) => {
                let last = items.last_mut()?;
                let number = last.number.as_mut()?;
                if !words.is_empty() || !last.groups.is_empty() {
                    return None;
                }
                apply_qualifier(number, *q)?;
            }
            Elem::Group { kind, text, .. } => {
                if !words.is_empty() {
                    return None;
                }
                match items.last_mut() {
                    Some(item) => item.groups.push((kind, text)),
                    None => loose.push((kind, text)),
                }
            }
        }
    }
    if !words.is_empty() || approximate {
        return None;
    }
    Some((items, loose))
}

fn apply_qualifier(number: &mut NumberAtom<'_>, q: Qualifier) -> Option<()> {
    atom::qualify(
        &mut number.comparator,
        &mut number.approximate,
        &mut number.flags,
        q,
    )
}

/// Words printed before a value plus the label glued to it (`小学6年生` + `95.0%`).
fn join_label(words: &[&str], glued: Option<&str>) -> Option<Option<String>> {
    if words.is_empty() {
        // The common case (no words before the value): the glued label is the label as it
        // is, without building a list to join.
        return match glued {
            Some(g) if !g.is_empty() => atom::is_valid_label(g).then(|| Some(g.to_string())),
            _ => Some(None),
        };
    }
    let mut parts: Vec<&str> = words.iter().map(|w| w.trim_end_matches(':')).collect();
    if let Some(g) = glued {
        parts.push(g);
    }
    parts.retain(|p| !p.is_empty());
    if parts.is_empty() {
        return Some(None);
    }
    let label = parts.join(" ");
    atom::is_valid_label(&label).then_some(Some(label))
}

/// `3,034人/日 (ほくほく線: 1,395人/日 (H30) トキ鉄: 1,639人/日 (H30))`: one unlabelled total
/// and one group listing labelled values in the total's unit is a total plus its lines, read
/// as parts (total first, label null). A group in another unit (`45.7% (依頼会員595人、…)`)
/// stays a note. The cell's date is the one after the group, else the one the lines share.
fn total_with_breakdown(
    items: &[Item<'_>],
    loose: &Loose<'_>,
    hint: Option<&str>,
    find_dates: DateFinder<'_>,
) -> Option<CellValue> {
    let [item] = items else { return None };
    let total = item.number.as_ref()?;
    if item.label.is_some() || total.unit.is_none() {
        return None;
    }
    let mut breakdowns = item
        .groups
        .iter()
        .enumerate()
        .filter(|(_, (kind, _))| matches!(kind, GroupKind::Note(_)));
    let (index, (_, text)) = breakdowns.next()?;
    if breakdowns.next().is_some() {
        return None;
    }
    let content = text.strip_prefix('(')?.strip_suffix(')')?;
    let inner = read_core(content, hint, find_dates, Depth::Breakdown);
    let Value::Parts { parts: lines } = inner.value else {
        return None;
    };
    let same_unit =
        |v: &Value| matches!(v, Value::Number(n) if n.unit.as_deref() == total.unit.as_deref());
    if lines.len() < 2
        || !lines
            .iter()
            .all(|p| p.label.is_some() && same_unit(&p.value))
    {
        return None;
    }
    let mut notes = Vec::new();
    let mut period = None;
    absorb_groups(loose, &mut period, &mut notes);
    let others: Vec<_> = item
        .groups
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != index)
        .map(|(_, g)| *g)
        .collect();
    let mut own = None;
    absorb_groups(&others, &mut own, &mut notes);
    notes.extend(inner.notes);
    let mut parts = Vec::with_capacity(lines.len() + 1);
    parts.push(Part {
        label: None,
        value: item_value(Some(total.clone()), hint, others.iter().map(|(_, t)| *t)),
        period: None,
    });
    parts.extend(lines);
    Some(CellValue {
        value: Value::Parts { parts },
        period: own.or(period).or(inner.period),
        notes,
    })
}
