//! What calamine does not report about an .xls (BIFF8): each number cell's format code
//! and the hidden rows and columns, read from the `Workbook` stream's records.
//!
//! Records read: FORMAT (0x041E, a code by index), XF (0x00E0, a cell style's format
//! index), BOUNDSHEET8 (0x0085, where each sheet's records start), and in each sheet the
//! number cells NUMBER (0x0203), RK (0x027E), MULRK (0x00BD) and FORMULA (0x0006) for
//! their style, ROW (0x0208) and COLINFO (0x007D) for hidden rows and columns. Every read
//! is bounds-checked: a damaged stream gives fewer formats, never a panic.

use std::collections::{BTreeSet, HashMap};
use std::io::{Cursor, Read};

use super::numfmt::builtin_code;

/// One sheet's number formats by (row, column), and its hidden rows and columns.
#[derive(Debug, Default)]
pub(super) struct SheetFormats {
    pub codes: HashMap<(u32, u32), String>,
    pub hidden_rows: BTreeSet<u32>,
    pub hidden_cols: BTreeSet<u32>,
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

/// Records of a BIFF stream from `start`: (type, offset of the record, data).
fn records(stream: &[u8], start: usize) -> impl Iterator<Item = (u16, usize, &[u8])> {
    let mut at = start;
    std::iter::from_fn(move || {
        let kind = u16_at(stream, at)?;
        let len = usize::from(u16_at(stream, at + 2)?);
        let data = stream.get(at + 4..at + 4 + len)?;
        let here = at;
        at += 4 + len;
        Some((kind, here, data))
    })
}

/// An XLUnicodeString (`cch` u16, flags u8, then 8- or 16-bit characters).
fn unicode_string(data: &[u8], at: usize, long_count: bool) -> Option<String> {
    let (count, flags_at) = if long_count {
        (usize::from(u16_at(data, at)?), at + 2)
    } else {
        (usize::from(*data.get(at)?), at + 1)
    };
    let high_byte = data.get(flags_at)? & 1 == 1;
    let chars = flags_at + 1;
    if high_byte {
        let units: Vec<u16> = (0..count)
            .map(|k| u16_at(data, chars + 2 * k))
            .collect::<Option<_>>()?;
        Some(String::from_utf16_lossy(&units))
    } else {
        Some(
            data.get(chars..chars + count)?
                .iter()
                .map(|&b| char::from(b))
                .collect(),
        )
    }
}

/// Format codes and hidden rows/columns by sheet name; empty when the file is not a
/// BIFF8 workbook calamine could read either.
pub(super) fn sheet_formats(bytes: &[u8]) -> HashMap<String, SheetFormats> {
    let Ok(mut file) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        return HashMap::new();
    };
    let mut stream = Vec::new();
    let opened = ["/Workbook", "/Book"]
        .iter()
        .find_map(|name| file.open_stream(name).ok());
    let Some(mut opened) = opened else {
        return HashMap::new();
    };
    // Bounded by the container: the stream is no larger than the file read.
    if opened
        .by_ref()
        .take(bytes.len() as u64)
        .read_to_end(&mut stream)
        .is_err()
    {
        return HashMap::new();
    }

    let mut codes_by_index: HashMap<u16, String> = HashMap::new();
    let mut xf_formats: Vec<u16> = Vec::new();
    let mut sheets: Vec<(String, usize)> = Vec::new();
    for (kind, _, data) in records(&stream, 0) {
        match kind {
            0x041E => {
                if let (Some(index), Some(code)) = (u16_at(data, 0), unicode_string(data, 2, true))
                {
                    codes_by_index.insert(index, code);
                }
            }
            0x00E0 => xf_formats.push(u16_at(data, 2).unwrap_or(0)),
            0x0085 => {
                if let (Some(offset), Some(name)) =
                    (u32_at(data, 0), unicode_string(data, 6, false))
                {
                    sheets.push((name, offset as usize));
                }
            }
            // The globals end at the first EOF; sheets follow.
            0x000A => break,
            _ => {}
        }
    }
    let code_of_xf = |xf: u16| -> Option<String> {
        let index = *xf_formats.get(usize::from(xf))?;
        codes_by_index
            .get(&index)
            .cloned()
            .or_else(|| builtin_code(u32::from(index)).map(str::to_string))
    };

    let mut out = HashMap::new();
    for (name, offset) in sheets {
        let mut sheet = SheetFormats::default();
        for (kind, here, data) in records(&stream, offset) {
            let mut put = |row: Option<u16>, col: Option<u16>, xf: Option<u16>| {
                if let (Some(row), Some(col), Some(code)) = (row, col, xf.and_then(code_of_xf)) {
                    sheet.codes.insert((u32::from(row), u32::from(col)), code);
                }
            };
            match kind {
                0x0203 | 0x027E | 0x0006 => {
                    put(u16_at(data, 0), u16_at(data, 2), u16_at(data, 4));
                }
                0x00BD => {
                    let row = u16_at(data, 0);
                    let first = u16_at(data, 2).unwrap_or(0);
                    // (ixfe u16, rk u32) pairs, then colLast u16.
                    let pairs = data.len().saturating_sub(6) / 6;
                    for k in 0..pairs {
                        let col = first.checked_add(u16::try_from(k).unwrap_or(u16::MAX));
                        put(row, col, u16_at(data, 4 + 6 * k));
                    }
                }
                0x0208 => {
                    if let (Some(row), Some(flags)) = (u16_at(data, 0), u16_at(data, 12)) {
                        if flags & 0x20 != 0 {
                            sheet.hidden_rows.insert(u32::from(row));
                        }
                    }
                }
                0x007D => {
                    let (first, last, flags) = (u16_at(data, 0), u16_at(data, 2), u16_at(data, 8));
                    if let (Some(first), Some(last), Some(flags)) = (first, last, flags) {
                        if flags & 1 != 0 {
                            sheet
                                .hidden_cols
                                .extend((first..=last.min(255)).map(u32::from));
                        }
                    }
                }
                0x000A if here > offset => break,
                _ => {}
            }
        }
        out.insert(name, sheet);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{records, sheet_formats, unicode_string};

    #[test]
    fn damaged_streams_give_nothing_rather_than_panicking() {
        assert!(sheet_formats(b"").is_empty());
        assert!(sheet_formats(&[0xD0, 0xCF, 0x11, 0xE0]).is_empty());
        // A record whose length runs past the end stops the walk.
        assert_eq!(records(&[0x1E, 0x04, 0xFF, 0xFF, 1, 2], 0).count(), 0);
        assert_eq!(unicode_string(&[5, 0, 0, b'a'], 0, true), None);
        assert_eq!(
            unicode_string(&[2, 0, 0, b'#', b'0'], 0, true).as_deref(),
            Some("#0")
        );
        assert_eq!(
            unicode_string(&[1, 1, 0xBA, 0x4E], 0, false).as_deref(),
            Some("人")
        );
    }
}
