//! Municipality names to 全国地方公共団体コード (JIS X 0402 with check digit).
//!
//! The table (`data/municipalities.tsv`: every prefecture, city, town, village, Tokyo
//! special ward and designated-city ward) is built by `scripts/make-municipality-codes`
//! and compiled in; it is parsed once, on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

use shinchoku_extract::normalize::normalize;

use crate::model::Municipality;

const TABLE: &str = include_str!("../data/municipalities.tsv");

/// One row of the code table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// 6 digits, check digit last.
    pub code: &'static str,
    pub prefecture: &'static str,
    /// `上越市`; designated-city wards as city + ward (`札幌市中央区`); a prefecture's own row
    /// has its name here too.
    pub name: &'static str,
    /// Hiragana reading.
    pub kana: &'static str,
}

impl Entry {
    /// A prefecture's own row (code `NN000C`).
    pub fn is_prefecture(&self) -> bool {
        self.code.get(2..5) == Some("000")
    }
}

struct Index {
    entries: Vec<Entry>,
    by_name: HashMap<&'static str, Vec<usize>>,
    by_code: HashMap<&'static str, usize>,
    /// Longest name, in characters.
    max_chars: usize,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let entries: Vec<Entry> = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some(Entry {
                    code: f.next()?,
                    prefecture: f.next()?,
                    name: f.next()?,
                    kana: f.next().unwrap_or(""),
                })
            })
            .collect();
        let mut by_name: HashMap<&'static str, Vec<usize>> = HashMap::new();
        let mut by_code = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            by_name.entry(e.name).or_default().push(i);
            by_code.insert(e.code, i);
        }
        let max_chars = entries
            .iter()
            .map(|e| e.name.chars().count())
            .max()
            .unwrap_or(0);
        Index {
            entries,
            by_name,
            by_code,
            max_chars,
        }
    })
}

/// Every row of the table, in code order.
pub fn entries() -> &'static [Entry] {
    &index().entries
}

/// The row for a 6-digit code.
pub fn by_code(code: &str) -> Option<&'static Entry> {
    let idx = index();
    idx.by_code.get(code).map(|&i| &idx.entries[i])
}

/// Every row with exactly this name (several for 府中市, 伊達市, 池田町 …).
pub fn by_name(name: &str) -> Vec<&'static Entry> {
    let idx = index();
    idx.by_name
        .get(name)
        .map(|is| is.iter().map(|&i| &idx.entries[i]).collect())
        .unwrap_or_default()
}

/// JIS X 0402 check digit of a 5-digit code: weights 6,5,4,3,2, `r = sum mod 11`,
/// check = `(11 - r) mod 10` (so r = 0 gives 1 and r = 1 gives 0).
pub fn check_digit(first5: &str) -> Option<u8> {
    if first5.len() != 5 || !first5.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = first5
        .bytes()
        .zip([6u32, 5, 4, 3, 2])
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    u8::try_from((11 - sum % 11) % 10).ok()
}

/// Is `code` six digits whose last is the check digit of the first five?
pub fn is_valid_code(code: &str) -> bool {
    code.len() == 6
        && code.is_char_boundary(5)
        && check_digit(&code[..5]).is_some_and(|c| code.as_bytes()[5] == b'0' + c)
}

/// Find the municipality a title names (`…上越市…` → 上越市, 152226).
///
/// White space is ignored (`柏 崎 市`). A city, town, village or ward wins over a
/// prefecture; among those the longest name wins (`札幌市中央区` over `札幌市`), then the
/// first printed. A name several prefectures share takes its code from a prefecture named
/// in the title, else the code is null.
pub fn find_in_title(title: &str) -> Option<Municipality> {
    let idx = index();
    let compact: String = normalize(title)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let offsets: Vec<usize> = compact
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(compact.len()))
        .collect();
    let chars = offsets.len() - 1;

    // (is a municipality, length in chars, -start) ranks the matches.
    let mut best: Option<((bool, usize, isize), &'static str)> = None;
    for start in 0..chars {
        let longest = idx.max_chars.min(chars - start);
        for len in (2..=longest).rev() {
            let slice = &compact[offsets[start]..offsets[start + len]];
            let Some((&name, rows)) = idx.by_name.get_key_value(slice) else {
                continue;
            };
            let municipal = rows.iter().any(|&i| !idx.entries[i].is_prefecture());
            let rank = (municipal, len, -(start as isize));
            if best.is_none_or(|(b, _)| rank > b) {
                best = Some((rank, name));
            }
            break;
        }
    }
    let (_, name) = best?;
    let rows = &idx.by_name[name];
    let code = if let [only] = rows.as_slice() {
        Some(idx.entries[*only].code)
    } else {
        pick_by_prefecture(rows, &compact, name)
    };
    Some(Municipality {
        name: name.to_string(),
        code: code.map(str::to_string),
    })
}

/// Among rows sharing a name, the one whose prefecture the title names (`広島県府中市`);
/// the short form (`広島`) counts when it is not part of the name itself.
fn pick_by_prefecture(rows: &[usize], title: &str, name: &str) -> Option<&'static str> {
    let idx = index();
    let rest = title.replacen(name, "", 1);
    let named = |full: bool| -> Vec<usize> {
        rows.iter()
            .copied()
            .filter(|&i| {
                let pref = idx.entries[i].prefecture;
                let key = if full { pref } else { short_prefecture(pref) };
                !key.is_empty() && rest.contains(key)
            })
            .collect()
    };
    for full in [true, false] {
        if let [one] = named(full).as_slice() {
            return Some(idx.entries[*one].code);
        }
    }
    None
}

/// `広島県` → `広島`, `東京都` → `東京`, `北海道` stays.
fn short_prefecture(pref: &str) -> &str {
    if pref == "北海道" {
        return pref;
    }
    pref.strip_suffix(['都', '府', '県']).unwrap_or(pref)
}
