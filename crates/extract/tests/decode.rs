//! decode_text: the encoding rule (BOM, UTF-8, Shift_JIS without replacement) and its
//! error messages.

use shinchoku_extract::decode::{decode_text, TextEncoding};
use shinchoku_extract::ExtractError;

const SEED: &str = include_str!("../../../fixtures/joetsu-kpi-progress-r5.txt");

fn message(bytes: &[u8]) -> String {
    match decode_text(bytes) {
        Err(ExtractError::Encoding(m)) => m,
        other => panic!("expected an encoding error, got {other:?}"),
    }
}

#[test]
fn plain_utf8() {
    let (s, enc) = decode_text("認定農業者数\t842人\n".as_bytes()).unwrap();
    assert_eq!(s, "認定農業者数\t842人\n");
    assert_eq!(enc, TextEncoding::Utf8);
}

#[test]
fn utf8_bom_is_dropped() {
    let (s, enc) = decode_text(b"\xEF\xBB\xBFabc\r\n").unwrap();
    assert_eq!(s, "abc\r\n");
    assert_eq!(enc, TextEncoding::Utf8);
}

#[test]
fn shift_jis_seed_round_trips() {
    let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(SEED);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&sjis).is_err());
    let (s, enc) = decode_text(&sjis).unwrap();
    assert_eq!(enc, TextEncoding::ShiftJis);
    assert_eq!(s, SEED);
}

#[test]
fn cp932_extensions_decode() {
    // ① (87 40) and Ⅱ (87 55) are NEC special characters: CP932, not JIS X 0208.
    let (s, enc) = decode_text(b"\x87\x40\x87\x55").unwrap();
    assert_eq!((s.as_str(), enc), ("①Ⅱ", TextEncoding::ShiftJis));
}

#[test]
fn utf16_with_bom_both_orders() {
    let text = "柏崎市\tR3\n";
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    assert_eq!(
        decode_text(&le).unwrap(),
        (text.to_string(), TextEncoding::Utf16)
    );
    assert_eq!(
        decode_text(&be).unwrap(),
        (text.to_string(), TextEncoding::Utf16)
    );
}

#[test]
fn broken_utf16_names_the_byte() {
    assert!(message(b"\xFF\xFEa\x00b").contains("odd number of bytes"));
    // Lone high surrogate D800 at the second unit (byte 4 counting the BOM).
    let m = message(b"\xFF\xFEa\x00\x00\xD8b\x00");
    assert!(m.contains("unpaired surrogate at byte 4"), "{m}");
}

#[test]
fn neither_utf8_nor_shift_jis_names_the_utf8_offset() {
    // Valid UTF-8 up to byte 9, then a lone 0x80 (not a Shift_JIS lead byte either).
    let mut bytes = "上越市".as_bytes().to_vec();
    bytes.push(0x80);
    bytes.extend_from_slice(b"abc");
    let m = message(&bytes);
    assert!(
        m.starts_with("invalid UTF-8 at byte 9 and not valid Shift_JIS either"),
        "{m}"
    );
    let full = ExtractError::Encoding(m).to_string();
    assert!(full.starts_with("not UTF-8 or Shift_JIS/CP932 text (invalid UTF-8 at byte 9"));
}

#[test]
fn binary_is_refused() {
    let m = message(b"PK\x03\x04\x00\x00abc");
    assert!(m.contains("looks binary") && m.contains("byte 4"), "{m}");
    let m = message(b"\xEF\xBB\xBFa\x00");
    assert!(m.contains("byte 4"), "{m}");
    // UTF-16 without a BOM is called out.
    let m = message(b"a\x00b\x00");
    assert!(m.contains("byte-order mark"), "{m}");
}

#[test]
fn nul_after_the_sniff_window_is_not_binary() {
    let mut bytes = vec![b'a'; 8 * 1024];
    bytes.push(0);
    assert!(decode_text(&bytes).is_ok());
}

#[test]
fn empty_input_is_empty_utf8() {
    assert_eq!(
        decode_text(b"").unwrap(),
        (String::new(), TextEncoding::Utf8)
    );
}
