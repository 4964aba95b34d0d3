//! Spreadsheet number formats: a stored number shown as a person sees it in the sheet.
//!
//! A workbook stores `0.733` and shows `73.3%`; stores `-48` and shows `▲48`; stores the
//! serial `45016` and shows `R5.3.31`. The table stage reads what is shown (units, ▲, era
//! dates), so cells are rendered through their format code here. This covers the format
//! language as Japanese municipal sheets use it: up to four `;` sections, digit placeholders
//! `0 # ?`, thousands separators and scaling commas, `%`, quoted and escaped literals,
//! `[Red]`/`[$-411]` brackets, `_x` padding and `*x` fills (dropped: they only align), `@`,
//! and dates with Gregorian (`yyyy/m/d`) and Japanese era (`ge.m.d`, `ggge年`) tokens.
//! Scientific and fraction formats fall back to the general form.

use crate::era::{era_on, Date, MONTH_NAMES};

/// The text a cell holding `value` shows under `code`.
pub fn format_number(value: f64, code: &str) -> String {
    if !value.is_finite() {
        return general(value);
    }
    let sections = split_sections(code);
    // One section serves every number (negatives get a minus); with two or more, the
    // second serves negatives (drawn without a sign) and a third serves zero.
    let (section, negative_sign) = match sections.len() {
        1 => (sections[0], value < 0.0),
        n if n >= 2 && value < 0.0 => (sections[1], false),
        n if n >= 3 && value == 0.0 => (sections[2], false),
        _ => (sections[0], false),
    };
    let tokens = tokenize(section);
    if tokens.iter().any(Token::is_date_part) {
        return format_date(value, &tokens).unwrap_or_else(|| general(value));
    }
    if tokens
        .iter()
        .any(|t| matches!(t, Token::Unsupported | Token::Text))
    {
        return general(value);
    }
    let magnitude = if sections.len() == 1 {
        value
    } else {
        value.abs()
    };
    let body = format_digits(magnitude.abs(), &tokens);
    if negative_sign && body.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("-{body}")
    } else {
        body
    }
}

/// The code of a built-in format, which files store by id alone, as Japanese Excel shows
/// it: the ids whose display depends on the locale (dates, 14, 22, 27–36, 50–58) in their
/// Japanese form, the rest as ECMA-376 defines them.
pub fn builtin_code(id: u32) -> Option<&'static str> {
    Some(match id {
        0 => "General",
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        9 => "0%",
        10 => "0.00%",
        11 => "0.00E+00",
        14 => "yyyy/m/d",
        20 => "h:mm",
        21 => "h:mm:ss",
        22 => "yyyy/m/d h:mm",
        27 | 36 | 50 | 57 => "[$-411]ge.m.d",
        28 | 29 | 54 | 58 => "[$-411]ggge\"年\"m\"月\"d\"日\"",
        30 => "m/d/yy",
        31 | 55 => "yyyy\"年\"m\"月\"d\"日\"",
        32 => "h\"時\"mm\"分\"",
        33 => "h\"時\"mm\"分\"ss\"秒\"",
        34 => "yyyy\"年\"m\"月\"",
        35 | 56 => "m\"月\"d\"日\"",
        37 => "#,##0 ;(#,##0)",
        38 => "#,##0 ;[Red](#,##0)",
        39 => "#,##0.00;(#,##0.00)",
        40 => "#,##0.00;[Red](#,##0.00)",
        49 => "@",
        _ => return None,
    })
}

/// Whether Japanese Excel shows built-in format `id` otherwise than its international code.
pub fn is_locale_dependent(id: u32) -> bool {
    matches!(id, 14 | 22 | 27..=36 | 50..=58)
}

/// Excel's "General": integers without a point, others in their shortest exact form, at
/// most 11 significant digits as Excel shows them in a default-width cell.
pub fn general(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    if value == value.trunc() && value.abs() < 1e15 {
        return format!("{}", value as i64);
    }
    let rounded = Decimal::from_f64(value).round_significant(11);
    let sign = if value < 0.0 { "-" } else { "" };
    format!("{sign}{}", rounded.to_plain(None))
}

/// `code` split at `;` outside quotes, brackets and escapes.
fn split_sections(code: &str) -> Vec<&str> {
    let mut sections = Vec::new();
    let (mut start, mut in_quote, mut in_bracket, mut escaped) = (0, false, false, false);
    for (i, c) in code.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if !in_quote => escaped = true,
            '"' if !in_bracket => in_quote = !in_quote,
            '[' if !in_quote => in_bracket = true,
            ']' if !in_quote => in_bracket = false,
            ';' if !in_quote && !in_bracket => {
                sections.push(&code[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    sections.push(&code[start..]);
    sections
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Literal(String),
    /// `0`, `#` or `?`.
    Digit(char),
    Point,
    Comma,
    Percent,
    /// `@`: the cell's text.
    Text,
    /// `General` (`G/標準` in Japanese Excel): the number in the general form.
    General,
    /// A date or time part: the letters as written (`yyyy`, `m`, `ge`…).
    Date(String),
    /// What this renderer does not draw (scientific notation, fractions).
    Unsupported,
}

impl Token {
    fn is_date_part(&self) -> bool {
        matches!(self, Token::Date(_))
    }
}

fn tokenize(section: &str) -> Vec<Token> {
    let chars: Vec<char> = section.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let rest = &section[char_offset(section, i)..];
        if let Some(word) = ["General", "general", "GENERAL", "G/標準"]
            .into_iter()
            .find(|w| rest.starts_with(w))
        {
            tokens.push(Token::General);
            i += word.chars().count();
            continue;
        }
        match c {
            '"' => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|&c| c == '"')
                    .map_or(chars.len(), |p| i + 1 + p);
                tokens.push(Token::Literal(chars[i + 1..end].iter().collect()));
                i = end + 1;
            }
            '\\' => {
                if let Some(&next) = chars.get(i + 1) {
                    tokens.push(Token::Literal(next.to_string()));
                }
                i += 2;
            }
            '_' | '*' => i += 2,
            '[' => {
                let end = chars[i..]
                    .iter()
                    .position(|&c| c == ']')
                    .map_or(chars.len(), |p| i + p);
                let inside: String = chars[i + 1..end.min(chars.len())].iter().collect();
                // `[$¥-411]`: a currency symbol before the locale; `[$-411]`, colours and
                // conditions show nothing.
                if let Some(currency) = inside.strip_prefix('$') {
                    let symbol = currency.split('-').next().unwrap_or("");
                    if !symbol.is_empty() {
                        tokens.push(Token::Literal(symbol.to_string()));
                    }
                } else if inside.eq_ignore_ascii_case("h")
                    || inside.eq_ignore_ascii_case("mm")
                    || inside.eq_ignore_ascii_case("ss")
                {
                    tokens.push(Token::Date(inside.to_ascii_lowercase()));
                }
                i = end + 1;
            }
            '0' | '#' | '?' => {
                tokens.push(Token::Digit(c));
                i += 1;
            }
            '.' => {
                tokens.push(Token::Point);
                i += 1;
            }
            ',' => {
                tokens.push(Token::Comma);
                i += 1;
            }
            '%' => {
                tokens.push(Token::Percent);
                i += 1;
            }
            '@' => {
                tokens.push(Token::Text);
                i += 1;
            }
            'E' | 'e' if matches!(chars.get(i + 1), Some('+' | '-')) => {
                tokens.push(Token::Unsupported);
                i += 2;
            }
            '/' if tokens.iter().any(|t| matches!(t, Token::Digit('?'))) => {
                tokens.push(Token::Unsupported);
                i += 1;
            }
            _ if is_date_letter(c) => {
                let run = chars[i..]
                    .iter()
                    .take_while(|&&d| d.eq_ignore_ascii_case(&c))
                    .count();
                tokens.push(Token::Date(
                    chars[i..i + run]
                        .iter()
                        .collect::<String>()
                        .to_ascii_lowercase(),
                ));
                i += run;
            }
            _ if rest.starts_with("AM/PM") || rest.starts_with("am/pm") => {
                tokens.push(Token::Date("am/pm".into()));
                i += 5;
            }
            _ => {
                tokens.push(Token::Literal(c.to_string()));
                i += 1;
            }
        }
    }
    tokens
}

fn char_offset(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i)
}

fn is_date_letter(c: char) -> bool {
    matches!(
        c.to_ascii_lowercase(),
        'y' | 'm' | 'd' | 'h' | 's' | 'g' | 'e'
    )
}

/// The number drawn with the section's digit placeholders and literals.
fn format_digits(value: f64, tokens: &[Token]) -> String {
    if tokens.contains(&Token::General) {
        return tokens
            .iter()
            .map(|t| match t {
                Token::General => general(value),
                Token::Literal(s) => s.clone(),
                Token::Percent => "%".to_string(),
                _ => String::new(),
            })
            .collect();
    }
    let point = tokens.iter().position(|t| *t == Token::Point);
    let digit_positions: Vec<usize> = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t, Token::Digit(_)))
        .map(|(i, _)| i)
        .collect();
    let (Some(&first_digit), Some(&last_digit)) = (digit_positions.first(), digit_positions.last())
    else {
        // Only literals (`"-"`, `"達成"`): the section is its text.
        return literal_text(tokens);
    };
    let integer_end = point.unwrap_or(last_digit + 1);
    let integer_start = first_digit.min(integer_end);
    let digits_of = |range: &[Token]| -> Vec<char> {
        range
            .iter()
            .filter_map(|t| match t {
                Token::Digit(d) => Some(*d),
                _ => None,
            })
            .collect()
    };
    let decimals = match point {
        Some(p) if p < last_digit => digits_of(&tokens[p + 1..=last_digit]),
        _ => Vec::new(),
    };
    let integer_tokens = &tokens[integer_start..integer_end];
    let integer_placeholders = digits_of(integer_tokens);
    // A comma between digit placeholders groups thousands; commas right after the last
    // integer placeholder (`#,##0,`) divide by a thousand each.
    let last_integer_digit = integer_tokens
        .iter()
        .rposition(|t| matches!(t, Token::Digit(_)));
    let grouping =
        last_integer_digit.is_some_and(|last| integer_tokens[..last].contains(&Token::Comma));
    let scaling = last_integer_digit.map_or(0, |last| {
        tokens[integer_start + last + 1..]
            .iter()
            .take_while(|t| **t == Token::Comma)
            .count() as i32
    });
    let percents = tokens.iter().filter(|t| **t == Token::Percent).count() as i32;

    let mut number = Decimal::from_f64(value);
    number.exponent += 2 * percents - 3 * scaling;
    let rounded = number.round_decimals(decimals.len());
    let (int_digits, frac_digits) = rounded.split(decimals.len());

    let min_int = integer_placeholders.iter().filter(|&&d| d == '0').count();
    let mut int_text = int_digits.trim_start_matches('0').to_string();
    while int_text.len() < min_int {
        int_text.insert(0, '0');
    }
    if grouping {
        int_text = group_thousands(&int_text);
    }
    // Trailing `#` decimals drop their zeros; `0` decimals keep them.
    let mut frac_text: String = frac_digits;
    let mut keep = frac_text.len();
    for (k, d) in decimals.iter().enumerate().rev() {
        if *d == '0' || frac_text.as_bytes()[k] != b'0' {
            break;
        }
        keep = k;
    }
    frac_text.truncate(keep);

    let mut out = String::new();
    for (k, token) in tokens.iter().enumerate() {
        if k == first_digit {
            out.push_str(&int_text);
        }
        match token {
            Token::Literal(s) => out.push_str(s),
            Token::Percent => out.push('%'),
            // Excel prints the point even when `#` decimals leave nothing after it.
            Token::Point => {
                out.push('.');
                out.push_str(&frac_text);
            }
            _ => {}
        }
    }
    out
}

fn literal_text(tokens: &[Token]) -> String {
    tokens
        .iter()
        .map(|t| match t {
            Token::Literal(s) => s.as_str(),
            Token::Percent => "%",
            _ => "",
        })
        .collect()
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A serial date drawn with date tokens; `None` when the serial is not a date.
fn format_date(serial: f64, tokens: &[Token]) -> Option<String> {
    if !(0.0..3_000_000.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    let (year, month, day) = excel_serial_to_date(days)?;
    let seconds = ((serial - serial.floor()) * 86_400.0).round() as i64;
    let (hour, minute, second) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let era = era_on(Date::new(year, month, day));
    let has_hour = tokens
        .iter()
        .any(|t| matches!(t, Token::Date(s) if s.starts_with('h')));
    let mut out = String::new();
    for (k, token) in tokens.iter().enumerate() {
        match token {
            Token::Literal(s) => out.push_str(s),
            Token::Date(part) => {
                // `m` after an hour or before seconds is minutes.
                let minute_context = part.starts_with('m')
                    && part.len() <= 2
                    && (has_hour
                        && tokens[..k]
                            .iter()
                            .rev()
                            .find_map(|t| match t {
                                Token::Date(p) => Some(p.starts_with('h')),
                                _ => None,
                            })
                            .unwrap_or(false)
                        || tokens[k + 1..]
                            .iter()
                            .find_map(|t| match t {
                                Token::Date(p) => Some(p.starts_with('s')),
                                _ => None,
                            })
                            .unwrap_or(false));
                out.push_str(&match part.as_str() {
                    "yyyy" | "yyy" => year.to_string(),
                    "yy" | "y" => format!("{:02}", year % 100),
                    "m" if minute_context => minute.to_string(),
                    "mm" if minute_context => format!("{minute:02}"),
                    "m" => month.to_string(),
                    "mm" => format!("{month:02}"),
                    "mmm" => MONTH_NAMES[month as usize - 1][..3].to_string(),
                    "mmmm" => MONTH_NAMES[month as usize - 1].to_string(),
                    "d" => day.to_string(),
                    "dd" => format!("{day:02}"),
                    "h" => hour.to_string(),
                    "hh" => format!("{hour:02}"),
                    "s" => second.to_string(),
                    "ss" => format!("{second:02}"),
                    "g" => era.map_or(String::new(), |e| e.letter.to_string()),
                    "gg" => era.map_or(String::new(), |e| e.kanji.chars().take(1).collect()),
                    "ggg" => era.map_or(String::new(), |e| e.kanji.to_string()),
                    "e" => era.map_or(year, |e| e.year).to_string(),
                    "ee" => format!("{:02}", era.map_or(year, |e| e.year)),
                    "am/pm" => (if hour < 12 { "AM" } else { "PM" }).to_string(),
                    _ => String::new(),
                });
            }
            Token::Point => out.push('.'),
            Token::Comma => out.push(','),
            Token::Percent => out.push('%'),
            Token::Digit(_) | Token::Text | Token::General | Token::Unsupported => {}
        }
    }
    Some(out)
}

/// Excel's 1900 date system: serial 1 is 1900-01-01, and serial 60 is the 29 February 1900
/// that Lotus counted and Excel kept; from serial 61 on, days are real.
fn excel_serial_to_date(serial: i64) -> Option<(i32, u32, u32)> {
    if serial < 1 {
        return None;
    }
    if serial == 60 {
        return Some((1900, 2, 29));
    }
    let days_since_1899_12_31 = if serial < 60 { serial } else { serial - 1 };
    // 1970-01-01 is 25,568 days after 1899-12-31.
    Some(civil_from_days(days_since_1899_12_31 - 25_568))
}

/// The Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year as i32, month, day)
}

/// A decimal number as digits and a power of ten: exact rounding as Excel shows it (half
/// away from zero on the printed digits, not on the binary value).
#[derive(Debug, Clone)]
struct Decimal {
    /// Significant digits, no leading zeros (empty for zero).
    digits: Vec<u8>,
    /// value = digits × 10^exponent.
    exponent: i32,
}

impl Decimal {
    fn from_f64(value: f64) -> Decimal {
        // Rust prints the shortest digits that read back as the same double, never in
        // exponent form.
        let text = format!("{}", value.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut digits: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
        let mut exponent = -(frac.len() as i32);
        while digits.first() == Some(&0) {
            digits.remove(0);
        }
        while digits.last() == Some(&0) {
            digits.pop();
            exponent += 1;
        }
        Decimal { digits, exponent }
    }

    /// Rounded half away from zero to `places` decimals.
    fn round_decimals(mut self, places: usize) -> Decimal {
        let keep = self.digits.len() as i32 + self.exponent + places as i32;
        if keep < 0 {
            return Decimal {
                digits: Vec::new(),
                exponent: 0,
            };
        }
        let keep = keep as usize;
        if keep >= self.digits.len() {
            return self;
        }
        let round_up = self.digits[keep] >= 5;
        let dropped = self.digits.len() - keep;
        self.digits.truncate(keep);
        self.exponent += dropped as i32;
        if round_up {
            let mut k = self.digits.len();
            loop {
                if k == 0 {
                    self.digits.insert(0, 1);
                    break;
                }
                k -= 1;
                if self.digits[k] == 9 {
                    self.digits[k] = 0;
                } else {
                    self.digits[k] += 1;
                    break;
                }
            }
        }
        self
    }

    fn round_significant(self, significant: usize) -> Decimal {
        let places = significant as i32 - (self.digits.len() as i32 + self.exponent);
        if places < 0 {
            return self;
        }
        let sign_places = places as usize;
        self.round_decimals(sign_places)
    }

    /// The integer digits (at least `"0"`) and exactly `places` decimal digits.
    fn split(&self, places: usize) -> (String, String) {
        let scaled_exponent = self.exponent + places as i32;
        let mut all: String = self.digits.iter().map(|d| char::from(b'0' + d)).collect();
        if scaled_exponent >= 0 {
            all.extend(std::iter::repeat_n('0', scaled_exponent as usize));
        } else {
            // More decimals than asked: callers round first, so this does not happen.
            let cut = all.len().saturating_sub((-scaled_exponent) as usize);
            all.truncate(cut);
        }
        while all.len() <= places {
            all.insert(0, '0');
        }
        let (int, frac) = all.split_at(all.len() - places);
        (int.to_string(), frac.to_string())
    }

    /// Plain notation with as many decimals as the digits need (`places` to force a count).
    fn to_plain(&self, places: Option<usize>) -> String {
        let needed = places.unwrap_or((-self.exponent).max(0) as usize);
        let (int, frac) = self.split(needed);
        let int = match int.trim_start_matches('0') {
            "" => "0",
            s => s,
        };
        let frac = frac.trim_end_matches('0');
        if frac.is_empty() {
            int.to_string()
        } else {
            format!("{int}.{frac}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{format_number, general};

    #[test]
    fn number_formats_as_municipal_sheets_use_them() {
        let cases: &[(f64, &str, &str)] = &[
            (1204.0, "#,##0", "1,204"),
            (1204.0, "General", "1204"),
            (15.0, "0.0", "15.0"),
            (0.733, "0.0%", "73.3%"),
            (0.7335, "0.0%", "73.4%"),
            (1.4, "0.00", "1.40"),
            (0.125, "0.00", "0.13"),
            (45.0, "0\"人\"", "45人"),
            (45.5, "G/標準\"人\"", "45.5人"),
            (-3.0, "General", "-3"),
            (1234567.0, "#,##0\"千円\"", "1,234,567千円"),
            (-48.0, "#,##0;\"▲\"#,##0", "▲48"),
            (48.0, "#,##0;\"▲\"#,##0", "48"),
            (-48.0, "#,##0", "-48"),
            (-1500.0, "#,##0;[Red]\"△\"#,##0", "△1,500"),
            (0.0, "#,##0;\"▲\"#,##0;\"-\"", "-"),
            (12.5, "#,##0.0_ ", "12.5"),
            (3.0, "0.0\"倍\"", "3.0倍"),
            (1234.0, "[$¥-411]#,##0", "¥1,234"),
            (0.5, "#.##", ".5"),
            (2.0, "#.##", "2."),
            (1234567.0, "#,##0,", "1,235"),
            (99.6, "0", "100"),
            (1.0e-3, "0.0%", "0.1%"),
        ];
        for (value, code, shown) in cases {
            assert_eq!(format_number(*value, code), *shown, "{value} under {code}");
        }
    }

    #[test]
    fn dates_in_gregorian_and_era_forms() {
        // 2023-03-31 is serial 45016 in the 1900 date system.
        let cases: &[(f64, &str, &str)] = &[
            (45016.0, "yyyy/m/d", "2023/3/31"),
            (45016.0, "[$-411]ge.m.d", "R5.3.31"),
            (
                45016.0,
                "[$-ja-JP]ggge\"年\"m\"月\"d\"日\"",
                "令和5年3月31日",
            ),
            (43555.0, "[$-411]ge.m.d", "H31.3.31"),
            (43586.0, "[$-411]ggge\"年\"m\"月\"", "令和1年5月"),
            (45016.0, "yyyy\"年\"mm\"月\"dd\"日\"", "2023年03月31日"),
            (45016.5, "h:mm", "12:00"),
            (1.0, "yyyy-mm-dd", "1900-01-01"),
            (61.0, "yyyy-mm-dd", "1900-03-01"),
        ];
        for (value, code, shown) in cases {
            assert_eq!(format_number(*value, code), *shown, "{value} under {code}");
        }
    }

    #[test]
    fn general_is_short_and_exact() {
        assert_eq!(general(42.0), "42");
        assert_eq!(general(0.1 + 0.2), "0.3");
        assert_eq!(general(-2.5), "-2.5");
        assert_eq!(general(1.0 / 3.0), "0.33333333333");
    }

    #[test]
    fn any_code_and_value_give_text_without_panicking() {
        for code in [
            "",
            ";",
            ";;;",
            "\"",
            "[",
            "\\",
            "0.0E+00",
            "# ?/?",
            "@",
            "yyyy;@",
            "0;0;0;0;0",
        ] {
            for value in [0.0, -1.0, 1e300, -1e-300, f64::NAN, f64::INFINITY] {
                let _ = format_number(value, code);
            }
        }
    }
}
