//! Control characters made visible in everything printed for people.
//!
//! A file name or a cell can hold any character: `ESC ] 0; … BEL` in a name retitles the
//! terminal it is printed on, and a newline forges a second `error:` line that a script
//! reading the output would trust. Every file name, reason and cell printed is passed
//! through [`escape`], which writes each control character (C0, DEL, C1, and the Unicode
//! line and paragraph separators) as `\u{1b}`, the way Rust's `escape_debug` does, and
//! leaves everything else (Japanese text included) as it is. A backslash is left alone:
//! Windows-style paths stay readable, at the cost that `\u{1b}` in a name reads the same
//! as an escaped ESC.

use std::borrow::Cow;
use std::path::Path;

/// True for the characters [`escape`] rewrites.
pub fn needs_escape(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

/// `text` with every control character written as `\u{…}`.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A path for a message: lossy UTF-8, control characters escaped.
pub fn escape_path(path: &Path) -> String {
    escape(&path.to_string_lossy()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_the_rest_kept() {
        assert_eq!(escape("進捗\tR5"), "進捗\\u{9}R5");
        assert_eq!(
            escape("a\u{1b}]0;pwned\u{7}b\nerror: x"),
            "a\\u{1b}]0;pwned\\u{7}b\\u{a}error: x"
        );
        assert_eq!(escape("\u{85}\u{2028}\u{7f}"), "\\u{85}\\u{2028}\\u{7f}");
        assert!(matches!(escape("C:\\dir\\上越.pdf"), Cow::Borrowed(_)));
    }
}
