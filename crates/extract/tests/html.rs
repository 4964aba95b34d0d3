//! strip_html: markup from the seeds, entities, text that only looks like markup, and
//! inputs built to be slow or deep.

use shinchoku_extract::html::strip_html;
use std::time::{Duration, Instant};

#[test]
fn bold_heading_from_joetsu() {
    assert_eq!(
        strip_html("<b>A-1-1 地域産業の競争力強化と地域内経済循環</b>"),
        "A-1-1 地域産業の競争力強化と地域内経済循環"
    );
}

#[test]
fn small_note_from_kashiwazaki_stays_inline() {
    assert_eq!(
        strip_html("66.7% <small>(H27国勢調査)</small>"),
        "66.7% (H27国勢調査)"
    );
    assert_eq!(
        strip_html("- <small>(R2国勢調査)</small>"),
        "- (R2国勢調査)"
    );
}

#[test]
fn list_items_become_lines() {
    let cell = r#"<ul style="list-style-type: none"> <li>1 田舎体験推進</li> <li>2 心るさと交流</li> <li>3 インバウンド推進</li> </ul>"#;
    assert_eq!(
        strip_html(cell),
        "1 田舎体験推進\n2 心るさと交流\n3 インバウンド推進"
    );
}

#[test]
fn bare_bullets_in_a_list_become_lines() {
    let cell =
        r#"<ul style="list-style-type: none"> ・工業振興事業 ・情報産業育成振興事業 ・IoT推進事業"#;
    assert_eq!(
        strip_html(cell),
        "・工業振興事業\n・情報産業育成振興事業\n・IoT推進事業"
    );
    // A middle dot inside a word is not a bullet.
    let cell = r#"<ul style="list-style-type: none"> 介護従事者人材確保・育成支援事業 介護・福祉職員就職支援事業"#;
    assert_eq!(
        strip_html(cell),
        "介護従事者人材確保・育成支援事業 介護・福祉職員就職支援事業"
    );
    // Outside a list a bullet is text.
    assert_eq!(strip_html("A ・B"), "A ・B");
}

#[test]
fn paragraphs_and_breaks_become_lines() {
    assert_eq!(
        strip_html("<p>一つ目。</p> <p>二つ目。</p>"),
        "一つ目。\n二つ目。"
    );
    assert_eq!(strip_html("上<br>中<BR/>下<br />"), "上\n中\n下");
    assert_eq!(strip_html("<p></p><p>  </p>x"), "x");
}

#[test]
fn entities_are_decoded() {
    assert_eq!(
        strip_html("&amp; &lt; &gt; &quot; &#39; &nbsp;x&#12354;&#x3042;&#X3042;"),
        "& < > \" '  xあああ"
    );
    // Decoded `<` is text, not the start of a tag.
    assert_eq!(strip_html("&lt;b&gt;"), "<b>");
}

#[test]
fn unknown_and_broken_entities_stay_literal() {
    assert_eq!(strip_html("M&A等業務"), "M&A等業務");
    assert_eq!(
        strip_html("&bogus; &#; &#x; &#0; &#xD800; &#99999999999;"),
        "&bogus; &#; &#x; &#0; &#xD800; &#99999999999;"
    );
    assert_eq!(strip_html("a & b"), "a & b");
    assert_eq!(strip_html("&amp"), "&amp");
}

#[test]
fn japanese_in_angle_brackets_survives() {
    assert_eq!(strip_html("<算出方法>"), "<算出方法>");
    assert_eq!(strip_html("<b><算出方法></b>"), "<算出方法>");
}

#[test]
fn comparisons_survive() {
    assert_eq!(strip_html("a < b"), "a < b");
    assert_eq!(strip_html("a<b"), "a<b");
    assert_eq!(strip_html("1<2 and 3>2"), "1<2 and 3>2");
    assert_eq!(strip_html("x <= 5"), "x <= 5");
    assert_eq!(strip_html("<3"), "<3");
}

#[test]
fn ascii_named_tags_are_removed_even_unknown() {
    assert_eq!(strip_html("<foo bar=\"1\">x</foo>"), "x");
    assert_eq!(strip_html("<span class=a>x</span>"), "x");
    assert_eq!(strip_html("<!-- note -->x<!DOCTYPE html>"), "x");
}

#[test]
fn unclosed_angle_bracket_stays() {
    assert_eq!(strip_html("<b attr"), "<b attr");
    assert_eq!(strip_html("<b <i>x</i>"), "<b x");
    assert_eq!(strip_html("<!-- never closed"), "<!-- never closed");
}

#[test]
fn items_are_trimmed_and_plain_text_too() {
    assert_eq!(strip_html("  現状値  "), "現状値");
    assert_eq!(strip_html(""), "");
    assert_eq!(strip_html("a\n\n b \r\nc"), "a\nb\nc");
}

fn assert_fast(what: &str, limit: Duration, f: impl FnOnce() -> String) -> String {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < limit, "{what} took {took:?}");
    out
}

#[test]
fn hundred_thousand_nested_bold_tags() {
    let s = format!("{}深い{}", "<b>".repeat(100_000), "</b>".repeat(100_000));
    let out = assert_fast("nested tags", Duration::from_secs(60), || strip_html(&s));
    assert_eq!(out, "深い");
}

#[test]
fn twenty_megabyte_line_of_unclosed_brackets_is_linear() {
    // Every `<` looks like a tag start and none closes: a naive scan would be quadratic.
    let s = "<a x".repeat(5 * 1024 * 1024);
    let out = assert_fast("unclosed tags", Duration::from_secs(60), || strip_html(&s));
    assert_eq!(out.len(), s.len());
    // `<!--` without an end, repeated.
    let s = "<!--x".repeat(4 * 1024 * 1024);
    let out = assert_fast("unclosed comments", Duration::from_secs(60), || {
        strip_html(&s)
    });
    assert_eq!(out.len(), s.len());
}

#[test]
fn twenty_megabyte_line_of_tags_and_entities() {
    let s = "<li>項目&amp;</li>".repeat(20 * 1024 * 1024 / 22);
    let out = assert_fast("tags", Duration::from_secs(60), || strip_html(&s));
    assert_eq!(out.lines().count(), 20 * 1024 * 1024 / 22);
    assert!(out.lines().all(|l| l == "項目&"));
}
