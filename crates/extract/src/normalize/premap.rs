//! Characters rewritten *before* NFKC, because NFKC would lose what they mean or leaves
//! them alone.
//!
//! - Circled and other enclosed numbers: NFKC turns `①` into `1`, so `①10件` would become
//!   `110件`. They become `(1)` instead; enclosed letters `Ⓐ` become `(A)` for the same
//!   reason.
//! - Small Roman numerals `ⅰ…ⅿ`: NFKC gives lower-case `i`, `ii`; codes use upper-case
//!   `I V X`, so they become upper-case ASCII (capital `Ⅰ…Ⅿ` NFKC handles).
//! - CJK Radicals Supplement forms that PDF fonts emit for whole kanji (`⺠` for 民): NFKC
//!   maps only two of them (`⺟`, `⻳`); the rest are mapped to the unified ideograph that
//!   Unicode's EquivalentUnifiedIdeograph data names. Only forms that stand for a whole
//!   character are listed; the component forms (`⺅` 亻 …) map to the component ideograph.
//!   (Kangxi radicals `⽬` are folded by NFKC itself.)
//! - Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen) are dropped;
//!   they must go before NFKC so the characters around them can compose.

/// True when [`push_premapped`] changes `c`.
#[inline]
pub(super) fn needs_premap(c: char) -> bool {
    matches!(c,
        '\u{2460}'..='\u{24FF}'   // enclosed alphanumerics
        | '\u{2776}'..='\u{2793}' // dingbat circled digits
        | '\u{3251}'..='\u{325F}' // circled 21-35
        | '\u{32B1}'..='\u{32BF}' // circled 36-50
        | '\u{2170}'..='\u{217F}' // small Roman numerals
        | '\u{2E80}'..='\u{2EFF}' // CJK Radicals Supplement
        | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

/// Push `c` rewritten for NFKC (see the module doc); characters not concerned are pushed
/// unchanged.
pub(super) fn push_premapped(c: char, out: &mut String) {
    let code = u32::from(c);
    match c {
        '\u{2460}'..='\u{2473}' => push_number(code - 0x2460 + 1, out), // ①-⑳
        '\u{2474}'..='\u{24B5}' => out.push(c), // ⑴ ⒈ ⒜: NFKC already keeps them apart
        '\u{24B6}'..='\u{24CF}' => push_letter(b'A' + (code - 0x24B6) as u8, out), // Ⓐ-Ⓩ
        '\u{24D0}'..='\u{24E9}' => push_letter(b'a' + (code - 0x24D0) as u8, out), // ⓐ-ⓩ
        '\u{24EA}' | '\u{24FF}' => push_number(0, out), // ⓪ ⓿
        '\u{24EB}'..='\u{24F4}' => push_number(code - 0x24EB + 11, out), // ⓫-⓴
        '\u{24F5}'..='\u{24FE}' => push_number(code - 0x24F5 + 1, out), // ⓵-⓾
        '\u{2776}'..='\u{277F}' => push_number(code - 0x2776 + 1, out), // ❶-❿
        '\u{2780}'..='\u{2789}' => push_number(code - 0x2780 + 1, out), // ➀-➉
        '\u{278A}'..='\u{2793}' => push_number(code - 0x278A + 1, out), // ➊-➓
        '\u{3251}'..='\u{325F}' => push_number(code - 0x3251 + 21, out), // ㉑-㉟
        '\u{32B1}'..='\u{32BF}' => push_number(code - 0x32B1 + 36, out), // ㊱-㊿
        '\u{2170}'..='\u{217F}' => out.push_str(SMALL_ROMAN[(code - 0x2170) as usize]),
        '\u{2E80}'..='\u{2EFF}' => out.push(radical_to_ideograph(c).unwrap_or(c)),
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => {}
        _ => out.push(c),
    }
}

fn push_number(n: u32, out: &mut String) {
    use std::fmt::Write;
    let _ = write!(out, "({n})");
}

fn push_letter(letter: u8, out: &mut String) {
    out.push('(');
    out.push(char::from(letter));
    out.push(')');
}

/// `ⅰ`…`ⅿ` (U+2170…U+217F) as upper-case ASCII.
const SMALL_ROMAN: [&str; 16] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "L", "C", "D", "M",
];

/// CJK Radicals Supplement form → the unified ideograph it stands for (from Unicode's
/// EquivalentUnifiedIdeograph.txt; the forms Japanese PDFs actually emit). `⺟` and `⻳`
/// are left to NFKC.
fn radical_to_ideograph(c: char) -> Option<char> {
    Some(match c {
        '⺁' => '厂',
        '⺅' => '亻',
        '⺆' => '冂',
        '⺉' => '刂',
        '⺊' => '卜',
        '⺌' => '小',
        '⺒' => '巳',
        '⺓' => '幺',
        '⺖' => '忄',
        '⺘' => '扌',
        '⺙' => '攵',
        '⺝' => '月',
        '⺠' => '民',
        '⺡' => '氵',
        '⺣' => '灬',
        '⺧' => '牛',
        '⺨' => '犭',
        '⺩' => '王',
        '⺫' => '罒',
        '⺬' => '示',
        '⺭' => '礻',
        '⺯' => '糸',
        '⺲' => '罒',
        '⺹' => '耂',
        '⺼' => '月',
        '⺽' => '臼',
        '⺾' | '⺿' | '⻀' => '艹',
        '⻁' => '虎',
        '⻂' => '衤',
        '⻄' => '西',
        '⻆' => '角',
        '⻌' | '⻍' => '辶',
        '⻏' | '⻖' => '阝',
        '⻑' => '長',
        '⻘' => '青',
        '⻝' => '食',
        '⻣' => '骨',
        '⻤' => '鬼',
        '⻨' => '麦',
        '⻩' => '黄',
        '⻫' => '斉',
        '⻭' => '歯',
        '⻯' => '竜',
        '⻲' => '亀',
        _ => return None,
    })
}
