//! Municipality names to 全国地方公共団体コード (JIS X 0402 with check digit).
//!
//! The table (`data/municipalities.tsv`: every prefecture, city, town, village, Tokyo
//! special ward and designated-city ward) is built by `scripts/make-municipality-codes`
//! and compiled in by `build.rs` as static arrays: rows in code order, and their indices
//! sorted by name for lookups.

use shinchoku_extract::normalize::normalize;

use crate::model::Municipality;

// `ENTRIES`, `BY_NAME`, `MAX_NAME_CHARS` and `NAME_LAST_CHARS`, generated from the table file.
include!(concat!(env!("OUT_DIR"), "/municipalities.rs"));

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

/// The rows with exactly this name, as indices into [`ENTRIES`].
fn named(name: &str) -> &'static [u16] {
    let start = BY_NAME.partition_point(|&i| ENTRIES[usize::from(i)].name < name);
    let len = BY_NAME[start..]
        .iter()
        .take_while(|&&i| ENTRIES[usize::from(i)].name == name)
        .count();
    &BY_NAME[start..start + len]
}

/// Every row of the table, in code order.
pub fn entries() -> &'static [Entry] {
    &ENTRIES
}

/// The row for a 6-digit code.
pub fn by_code(code: &str) -> Option<&'static Entry> {
    // `build.rs` refuses a table that is not in strictly increasing code order.
    let i = ENTRIES.binary_search_by(|e| e.code.cmp(code)).ok()?;
    Some(&ENTRIES[i])
}

/// Every row with exactly this name (several for 府中市, 伊達市, 池田町 …).
pub fn by_name(name: &str) -> Vec<&'static Entry> {
    named(name)
        .iter()
        .map(|&i| &ENTRIES[usize::from(i)])
        .collect()
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
    // Whether the character at each position can end a name: most substrings of a title
    // cannot, and spare the binary search.
    let may_end: Vec<bool> = compact
        .chars()
        .map(|c| NAME_LAST_CHARS.binary_search(&c).is_ok())
        .collect();

    // (is a municipality, length in chars, -start) ranks the matches.
    let mut best: Option<((bool, usize, isize), &'static str)> = None;
    for start in 0..chars {
        let longest = MAX_NAME_CHARS.min(chars - start);
        for len in (2..=longest).rev() {
            if !may_end[start + len - 1] {
                continue;
            }
            let slice = &compact[offsets[start]..offsets[start + len]];
            let rows = named(slice);
            let Some(&first) = rows.first() else {
                continue;
            };
            let name = ENTRIES[usize::from(first)].name;
            let municipal = rows
                .iter()
                .any(|&i| !ENTRIES[usize::from(i)].is_prefecture());
            let rank = (municipal, len, -(start as isize));
            if best.is_none_or(|(b, _)| rank > b) {
                best = Some((rank, name));
            }
            break;
        }
    }
    let (_, name) = best?;
    let rows = named(name);
    let code = if let [only] = rows {
        Some(ENTRIES[usize::from(*only)].code)
    } else {
        pick_by_prefecture(rows, &compact, name)
    };
    Some(Municipality {
        name: name.to_string(),
        code: code.map(str::to_string),
    })
}

/// The code of a name several prefectures share (`府中市`), taken from a prefecture that
/// `text` names (a title, the first page's lines): null when none or several are named.
pub fn code_by_prefecture_in(name: &str, text: &str) -> Option<&'static str> {
    let compact: String = normalize(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    pick_by_prefecture(named(name), &compact, name)
}

/// Among rows sharing a name, the one whose prefecture the title names (`広島県府中市`);
/// the short form (`広島`) counts when it is not part of the name itself.
fn pick_by_prefecture(rows: &[u16], title: &str, name: &str) -> Option<&'static str> {
    let rest = title.replacen(name, "", 1);
    let named = |full: bool| -> Vec<usize> {
        rows.iter()
            .map(|&i| usize::from(i))
            .filter(|&i| {
                let pref = ENTRIES[i].prefecture;
                let key = if full { pref } else { short_prefecture(pref) };
                !key.is_empty() && rest.contains(key)
            })
            .collect()
    };
    for full in [true, false] {
        if let [one] = named(full).as_slice() {
            return Some(ENTRIES[*one].code);
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
