//! Removing the HTML fragments text extractions carry.
//!
//! Extractions wrap headings in `<b>`, notes in `<small>`, project lists in
//! `<ul style="…"> <li>1 田舎体験推進</li> … </ul>` and narratives in `<p>…</p>`. This is
//! not an HTML parser: it is a single left-to-right scan (linear time, no recursion, no
//! stack, so 100,000 nested `<b>` cost nothing) that recognises only what *looks like* a
//! tag, because the same cells hold Japanese text in angle brackets (`<算出方法>`) and
//! comparisons (`a < b`) that must survive literally.
//!
//! What counts as a tag: `<`, an optional `/`, an ASCII letter, more ASCII letters, digits
//! or `-`, then `>`, `/` or white space, and a closing `>` before any other `<`. A comment
//! `<!-- … -->` and a declaration `<!DOCTYPE …>` are removed too. Anything else is text.
//!
//! Block tags (`li`, `p`, `br`, `ul`, `ol`, `div`, `tr`, `td`, `th`, `h1`…`h6`, `hr`,
//! `table`, `dt`, `dd`) end the current item; items are trimmed, empty ones dropped, and
//! the rest joined with `'\n'`. Inside a `<ul>`/`<ol>` written without `<li>`, a `・`
//! bullet at the start of an item or after white space starts a new item (柏崎's 主な事業
//! lists are written `<ul …> ・工業振興事業 ・情報産業育成振興事業`). A line break in the
//! input also ends an item.
//!
//! Entities: `&amp; &lt; &gt; &quot; &apos; &#39; &nbsp;` (to a plain space, so later
//! splitting on spaces sees one form), a few typographic names, and numeric `&#NNN;` /
//! `&#xHHHH;`. An unknown or unterminated entity stays literal (`M&A等`).

use crate::cells::is_blank_text;

/// Markup removed, entities decoded, list items and paragraphs separated by `'\n'`.
pub fn strip_html(s: &str) -> String {
    // Vectorized byte searches: a char-set `contains` decoded every character of every cell.
    let b = s.as_bytes();
    let has_cr = memchr::memchr(b'\r', b).is_some();
    if !has_cr && memchr::memchr3(b'<', b'&', b'\n', b).is_none() {
        return trim_white_space(s).to_string();
    }
    strip_into(s, has_cr, Items::with_capacity(s.len()))
}

/// What [`strip_html`] writes its output through: text runs, decoded characters and the
/// ends of items, in order.
trait ItemSink {
    /// Append text to the current item; in a bare list (`bare_list`), `・` after white space
    /// (or at the start of an item) opens a new item.
    fn push_text(&mut self, text: &str, bare_list: bool);
    fn push_char(&mut self, c: char);
    /// The current item is done: trimmed, dropped when empty, else joined with `'\n'`.
    fn end_item(&mut self);
    fn finish(self) -> String;
}

/// The scan of [`strip_html`] over text that holds markup, an entity or a line break.
fn strip_into(s: &str, has_cr: bool, mut out: impl ItemSink) -> String {
    let bytes = s.as_bytes();
    let mut finder = CloseFinder::default();
    let mut list_depth = 0u32;
    let mut li_depth = 0u32;
    let mut i = 0;
    // Start of the run of plain text not yet copied.
    let mut text_start = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                let Some(tag) = parse_tag(bytes, i, &mut finder) else {
                    i += 1;
                    continue;
                };
                out.push_text(&s[text_start..i], list_depth > 0 && li_depth == 0);
                match tag.name_kind {
                    TagKind::List => {
                        if tag.closing {
                            list_depth = list_depth.saturating_sub(1);
                        } else {
                            list_depth = list_depth.saturating_add(1);
                        }
                        out.end_item();
                    }
                    TagKind::ListItem => {
                        if tag.closing {
                            li_depth = li_depth.saturating_sub(1);
                        } else {
                            li_depth = li_depth.saturating_add(1);
                        }
                        out.end_item();
                    }
                    TagKind::Block => out.end_item(),
                    TagKind::Inline => {}
                }
                i = tag.end;
                text_start = i;
            }
            b'&' => {
                let Some((decoded, end)) = parse_entity(&s[i..]) else {
                    i += 1;
                    continue;
                };
                out.push_text(&s[text_start..i], list_depth > 0 && li_depth == 0);
                out.push_char(decoded);
                i += end;
                text_start = i;
            }
            b'\n' | b'\r' => {
                out.push_text(&s[text_start..i], list_depth > 0 && li_depth == 0);
                out.end_item();
                i += 1;
                text_start = i;
            }
            // Plain text: on to the next byte that may start something.
            _ => i = next_special_byte(bytes, i + 1, has_cr),
        }
    }
    out.push_text(&s[text_start..], list_depth > 0 && li_depth == 0);
    out.finish()
}

/// The first position at or after `from` holding `<`, `&`, `'\n'` or `'\r'` (`bytes.len()`
/// if none): the bytes [`strip_html`] copies as they are, passed over in one vectorized
/// search when the text holds no `'\r'` (which a fourth needle would need).
fn next_special_byte(bytes: &[u8], from: usize, has_cr: bool) -> usize {
    let rest = &bytes[from..];
    let found = if has_cr {
        rest.iter()
            .position(|&b| matches!(b, b'<' | b'&' | b'\n' | b'\r'))
    } else {
        memchr::memchr3(b'<', b'&', b'\n', rest)
    };
    found.map_or(bytes.len(), |p| from + p)
}

/// `s.trim()`, without the general pattern search when neither end is white space (the
/// case for almost every cell): only the first and the last character are looked at.
#[inline]
pub fn trim_white_space(s: &str) -> &str {
    let starts_white = s.chars().next().is_some_and(char::is_whitespace);
    let ends_white = s.chars().next_back().is_some_and(char::is_whitespace);
    if starts_white || ends_white {
        s.trim()
    } else {
        s
    }
}

/// The output being built, in one buffer: the finished items, each followed by `'\n'`, then
/// the current item as it was pushed (untrimmed). A separate buffer for the current item
/// cost an allocation, its growth and a second copy of every item. The `'\n'` after the
/// last item is dropped at the end.
struct Items {
    out: String,
    /// Where the current item starts in `out`: `out[..item_start]` is finished.
    item_start: usize,
}

impl Items {
    fn with_capacity(n: usize) -> Items {
        Items {
            out: String::with_capacity(n),
            item_start: 0,
        }
    }
}

impl ItemSink for Items {
    fn push_text(&mut self, text: &str, bare_list: bool) {
        if !bare_list || !text.contains('・') {
            self.out.push_str(text);
            return;
        }
        let mut prev_is_space = is_blank_text(&self.out[self.item_start..]);
        let mut run_start = 0;
        for (at, c) in text.char_indices() {
            if c == '・' && prev_is_space {
                self.out.push_str(&text[run_start..at]);
                self.end_item();
                run_start = at;
            }
            prev_is_space = c.is_whitespace();
        }
        self.out.push_str(&text[run_start..]);
    }

    fn push_char(&mut self, c: char) {
        self.out.push(c);
    }

    fn end_item(&mut self) {
        let item = &self.out[self.item_start..];
        let trimmed = trim_white_space(item);
        if trimmed.is_empty() {
            self.out.truncate(self.item_start);
            return;
        }
        // `trimmed` lies within `item`: its offsets from the start of `out`.
        let start = self.item_start + (trimmed.as_ptr() as usize - item.as_ptr() as usize);
        let end = start + trimmed.len();
        self.out.truncate(end);
        if start > self.item_start {
            self.out.drain(self.item_start..start);
        }
        self.out.push('\n');
        self.item_start = self.out.len();
    }

    fn finish(mut self) -> String {
        self.end_item();
        // The separator after the last item; items are trimmed, so it is not theirs.
        if self.out.ends_with('\n') {
            self.out.pop();
        }
        self.out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    /// `ul`, `ol`: items inside may be bullets.
    List,
    /// `li`.
    ListItem,
    /// Ends the current item.
    Block,
    /// Removed without a trace (`b`, `small`, `span`, unknown names, comments).
    Inline,
}

struct Tag {
    closing: bool,
    name_kind: TagKind,
    /// Byte offset just past the closing `>`.
    end: usize,
}

/// Finds the next `>` (or `-->`) at or after a position, remembering the last answer so a
/// text full of unclosed `<` is still scanned in linear time: every `<` before the
/// remembered `>` shares it, and once none is left none is searched for again.
#[derive(Default)]
struct CloseFinder {
    /// `Some(Some(p))`: the next `>` at or after the last query is at `p`;
    /// `Some(None)`: there is none to the end of the input.
    next_gt: Option<Option<usize>>,
    next_comment_end: Option<Option<usize>>,
}

impl CloseFinder {
    fn gt_from(&mut self, bytes: &[u8], from: usize) -> Option<usize> {
        match self.next_gt {
            Some(None) => return None,
            Some(Some(p)) if p >= from => return Some(p),
            _ => {}
        }
        let found = bytes[from..]
            .iter()
            .position(|&b| b == b'>')
            .map(|p| p + from);
        self.next_gt = Some(found);
        found
    }

    fn comment_end_from(&mut self, bytes: &[u8], from: usize) -> Option<usize> {
        match self.next_comment_end {
            Some(None) => return None,
            Some(Some(p)) if p >= from => return Some(p),
            _ => {}
        }
        let found = bytes[from..]
            .windows(3)
            .position(|w| w == b"-->")
            .map(|p| p + from);
        self.next_comment_end = Some(found);
        found
    }

    /// The next `<` strictly after `from`, without caching: only called on the span up to
    /// an already-found `>`, which no other tag start can reach past.
    fn has_lt_between(bytes: &[u8], from: usize, to: usize) -> bool {
        bytes[from..to].contains(&b'<')
    }
}

/// Try to read a tag starting at `bytes[start] == b'<'`.
fn parse_tag(bytes: &[u8], start: usize, finder: &mut CloseFinder) -> Option<Tag> {
    let mut i = start + 1;
    if bytes.get(i) == Some(&b'!') {
        return parse_declaration(bytes, start, finder);
    }
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    if !bytes.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    let name_start = i;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
        i += 1;
    }
    let name = &bytes[name_start..i];
    match bytes.get(i)? {
        b'>' => {}
        b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => {}
        _ => return None,
    }
    let gt = finder.gt_from(bytes, i)?;
    // A `<` before the `>` means this was not a tag (`<b <c>` → the first `<` is text).
    // The span is scanned at most once per candidate tag start, and candidate starts
    // between here and `gt` are all inside this span, so a `<` here ends the attempt
    // quickly: the next candidate is the `<` we just found.
    if CloseFinder::has_lt_between(bytes, i, gt) {
        return None;
    }
    Some(Tag {
        closing,
        name_kind: kind_of(name),
        end: gt + 1,
    })
}

/// `<!-- … -->` or `<!DOCTYPE …>`.
fn parse_declaration(bytes: &[u8], start: usize, finder: &mut CloseFinder) -> Option<Tag> {
    let rest = &bytes[start + 2..];
    let end = if rest.starts_with(b"--") {
        finder.comment_end_from(bytes, start + 4)? + 3
    } else if rest.first()?.is_ascii_alphabetic() {
        let gt = finder.gt_from(bytes, start + 2)?;
        if CloseFinder::has_lt_between(bytes, start + 2, gt) {
            return None;
        }
        gt + 1
    } else {
        return None;
    };
    Some(Tag {
        closing: false,
        name_kind: TagKind::Inline,
        end,
    })
}

fn kind_of(name: &[u8]) -> TagKind {
    const BLOCK: &[&[u8]] = &[
        b"p",
        b"br",
        b"div",
        b"tr",
        b"td",
        b"th",
        b"table",
        b"tbody",
        b"thead",
        b"hr",
        b"dt",
        b"dd",
        b"dl",
        b"h1",
        b"h2",
        b"h3",
        b"h4",
        b"h5",
        b"h6",
        b"blockquote",
        b"section",
        b"article",
        b"header",
        b"footer",
    ];
    let is = |s: &[u8]| name.eq_ignore_ascii_case(s);
    if is(b"ul") || is(b"ol") {
        TagKind::List
    } else if is(b"li") {
        TagKind::ListItem
    } else if BLOCK.iter().any(|b| is(b)) {
        TagKind::Block
    } else {
        TagKind::Inline
    }
}

/// Decode an entity at the start of `s` (`s` starts with `&`): the character and the
/// entity's byte length.
fn parse_entity(s: &str) -> Option<(char, usize)> {
    // The longest entity we know (`&#x10FFFF;`, `&hellip;`) is short; never look far.
    let semi = s.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let body = &s[1..semi];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            u32::from_str_radix(hex, 16).ok()?
        } else {
            if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            num.parse::<u32>().ok()?
        };
        if code == 0 {
            return None;
        }
        char::from_u32(code)?
    } else {
        named_entity(body)?
    };
    Some((c, semi + 1))
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        // A plain space: cells are later split and folded on ASCII white space.
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "yen" => '¥',
        "times" => '×',
        "divide" => '÷',
        "hellip" => '…',
        "ndash" => '–',
        "mdash" => '—',
        "minus" => '−',
        "middot" => '·',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "permil" => '‰',
        "sect" => '§',
        "para" => '¶',
        "bull" => '•',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character at either end, alone or around text and white space: the shortcut
    /// decides from those two characters, so this covers every text.
    #[test]
    fn trim_white_space_is_trim_for_every_end_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for s in [
                format!("{c}"),
                format!("{c}漢"),
                format!("漢{c}"),
                format!("{c} x {c}"),
                format!("\u{3000}{c}"),
                format!("{c}\u{a0}"),
            ] {
                assert_eq!(trim_white_space(&s), s.trim(), "{s:?}");
            }
        }
        assert_eq!(trim_white_space(""), "");
    }

    /// The search [`next_special_byte`] replaces: one byte at a time.
    fn next_special_byte_by_bytes(bytes: &[u8], from: usize) -> usize {
        (from..bytes.len())
            .find(|&i| matches!(bytes[i], b'<' | b'&' | b'\n' | b'\r'))
            .unwrap_or(bytes.len())
    }

    /// The output as first built: the current item in a buffer of its own, copied into the
    /// output when it ends. The reference for [`Items`].
    struct ItemsInTwoBuffers {
        out: String,
        current: String,
    }

    impl ItemSink for ItemsInTwoBuffers {
        fn push_text(&mut self, text: &str, bare_list: bool) {
            if !bare_list || !text.contains('・') {
                self.current.push_str(text);
                return;
            }
            let mut prev_is_space = self.current.trim().is_empty();
            let mut run_start = 0;
            for (at, c) in text.char_indices() {
                if c == '・' && prev_is_space {
                    self.current.push_str(&text[run_start..at]);
                    self.end_item();
                    run_start = at;
                }
                prev_is_space = c.is_whitespace();
            }
            self.current.push_str(&text[run_start..]);
        }

        fn push_char(&mut self, c: char) {
            self.current.push(c);
        }

        fn end_item(&mut self) {
            let item = self.current.trim();
            if !item.is_empty() {
                if !self.out.is_empty() {
                    self.out.push('\n');
                }
                self.out.push_str(item);
            }
            self.current.clear();
        }

        fn finish(mut self) -> String {
            self.end_item();
            self.out
        }
    }

    fn strip_html_in_two_buffers(s: &str) -> String {
        let two_buffers = ItemsInTwoBuffers {
            out: String::new(),
            current: String::new(),
        };
        strip_into(s, s.contains('\r'), two_buffers)
    }

    #[test]
    fn one_buffer_agrees_with_two_on_examples() {
        for s in [
            "",
            "  ",
            "<b>見出し</b>",
            " <p> a </p><p></p> b ",
            "<ul style=\"x\"> ・工業振興事業 ・情報産業育成振興事業</ul>",
            "<ul>・a・b <li> ・c</li> ・d</ul>",
            "a&nbsp;&amp;b<br>\u{3000}c\u{3000}\r\n d",
            "<ul>\u{3000}・x</ul>\n\n・y",
        ] {
            assert_eq!(strip_html(s), strip_html_in_two_buffers(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn one_buffer_agrees_with_two(s in "[a \t\u{3000}\u{a0}・漢<>/&;#\r\n]{0,12}(<ul>|</ul>|<li>|</li>|<p>|<br>|<b>|&nbsp;|&amp;|[ a・\u{3000}漢\n]){0,12}") {
            proptest::prop_assert_eq!(strip_html(&s), strip_html_in_two_buffers(&s));
        }

        #[test]
        fn next_special_byte_is_the_byte_scan(s in "[a<&\n\r 漢・>;]{0,40}", from in 0usize..41) {
            let bytes = s.as_bytes();
            let from = from.min(bytes.len());
            let has_cr = bytes.contains(&b'\r');
            proptest::prop_assert_eq!(
                next_special_byte(bytes, from, has_cr),
                next_special_byte_by_bytes(bytes, from)
            );
        }
    }
}
