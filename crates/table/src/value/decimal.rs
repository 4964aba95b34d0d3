//! Exact decimals for printed numbers: `1.2万` must become exactly 12000, never 12000.000000000002.
//!
//! A value is `mantissa × 10^-frac`. Printed numbers have a handful of digits; anything
//! that would not fit an `i128` is refused (the cell then reads as text), so no arithmetic
//! here can overflow silently.

/// Most significant digits accepted in one printed number.
const MAX_DIGITS: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    mantissa: i128,
    /// Digits after the decimal point, as printed (`4.0` has 1).
    frac: u32,
}

impl Decimal {
    /// Parse `digits[.digits]` (no sign, no separators). `None` when empty, malformed or too long.
    /// The plain form [`DigitReader`] replaced, kept as the reference its tests compare with.
    #[cfg(test)]
    pub fn parse_unsigned(int_part: &str, frac_part: &str) -> Option<Decimal> {
        if int_part.is_empty() && frac_part.is_empty() {
            return None;
        }
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(int_part) || !all_digits(frac_part) {
            return None;
        }
        let int_trimmed = int_part.trim_start_matches('0');
        if int_trimmed.len() + frac_part.len() > MAX_DIGITS {
            return None;
        }
        let mut mantissa: i128 = 0;
        for b in int_trimmed.bytes().chain(frac_part.bytes()) {
            mantissa = mantissa
                .checked_mul(10)?
                .checked_add(i128::from(b - b'0'))?;
        }
        Some(Decimal {
            mantissa,
            frac: u32::try_from(frac_part.len()).ok()?,
        })
    }

    pub fn negate(self) -> Decimal {
        Decimal {
            mantissa: -self.mantissa,
            frac: self.frac,
        }
    }

    /// `self × 10^exp`, exactly; trailing fraction digits are consumed before the mantissa grows.
    pub fn shift(self, exp: u32) -> Option<Decimal> {
        if self.frac >= exp {
            Some(Decimal {
                mantissa: self.mantissa,
                frac: self.frac - exp,
            })
        } else {
            let grow = 10i128.checked_pow(exp - self.frac)?;
            Some(Decimal {
                mantissa: self.mantissa.checked_mul(grow)?,
                frac: 0,
            })
        }
    }

    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let frac = self.frac.max(other.frac);
        let a = self
            .mantissa
            .checked_mul(10i128.checked_pow(frac - self.frac)?)?;
        let b = other
            .mantissa
            .checked_mul(10i128.checked_pow(frac - other.frac)?)?;
        Some(Decimal {
            mantissa: a.checked_add(b)?,
            frac,
        })
    }

    /// Drop fraction digits that are zero: used for scaled values, where `1.20万` is `12000`.
    pub fn trimmed(self) -> Decimal {
        let mut d = self;
        while d.frac > 0 && d.mantissa % 10 == 0 {
            d.mantissa /= 10;
            d.frac -= 1;
        }
        d
    }

    /// The nearest `f64`.
    pub fn to_f64(self) -> f64 {
        // Clinger's fast path: a mantissa below 2^53 and a power of ten up to 10^22 are both
        // exact doubles, and IEEE division rounds their quotient correctly, so it is the
        // nearest double to the exact value. Printed numbers almost always qualify.
        const EXACT_POWERS: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        ];
        // Through `i64`: converting an `i128` to `f64` is a library call.
        if let Ok(mantissa) = i64::try_from(self.mantissa) {
            if mantissa.unsigned_abs() < 1 << 53 {
                if let Some(power) = EXACT_POWERS.get(self.frac as usize) {
                    return mantissa as f64 / power;
                }
            }
        }
        // Otherwise Rust's float parsing, which rounds correctly from the exact string.
        self.to_string().parse().unwrap_or(f64::NAN)
    }
}

/// A decimal read one digit at a time, left to right, as a printed number is scanned
/// (`1,234.5`: integer digits 1 2 3 4, then fraction digit 5). Leading zeros of the integer
/// part do not count toward [`MAX_DIGITS`]; fraction digits all do. At most `MAX_DIGITS`
/// digits are kept, so the mantissa (below 10^30) is accumulated in plain `u128`
/// arithmetic that cannot overflow, without checked `i128` multiplication.
#[derive(Debug, Default)]
pub(super) struct DigitReader {
    mantissa: u128,
    /// Digits counted so far (integer digits from the first non-zero one, all fraction digits).
    significant: usize,
    frac: u32,
}

impl DigitReader {
    /// A digit (0–9) before the decimal point.
    pub(super) fn int_digit(&mut self, digit: u8) {
        if self.significant == 0 && digit == 0 {
            return; // a leading zero
        }
        self.push(digit);
    }

    /// A digit (0–9) after the decimal point.
    pub(super) fn frac_digit(&mut self, digit: u8) {
        self.push(digit);
        self.frac = self.frac.saturating_add(1);
    }

    fn push(&mut self, digit: u8) {
        self.significant += 1;
        if self.significant <= MAX_DIGITS {
            self.mantissa = self.mantissa * 10 + u128::from(digit);
        }
    }

    /// The decimal read; `None` when it has more than [`MAX_DIGITS`] digits.
    pub(super) fn finish(self) -> Option<Decimal> {
        if self.significant > MAX_DIGITS {
            return None;
        }
        Some(Decimal {
            mantissa: i128::try_from(self.mantissa).ok()?,
            frac: self.frac,
        })
    }
}

impl Decimal {
    /// The digits as printed (`-0.05`, `4.0`, `33097`), written right to left into `buf`;
    /// returns where they start. Mantissas that fit a `u64` (every printed number) are
    /// divided as `u64`: `u128` division is a library call costing tens of instructions
    /// a digit.
    fn write_digits(self, buf: &mut [u8; DIGITS_BUF]) -> usize {
        let mut at = buf.len();
        let magnitude = self.mantissa.unsigned_abs();
        match u64::try_from(magnitude) {
            Ok(small) => write_digits_right_to_left(small, self.frac, buf, &mut at),
            Err(_) => write_digits_right_to_left(magnitude, self.frac, buf, &mut at),
        }
        if self.mantissa < 0 {
            at -= 1;
            buf[at] = b'-';
        }
        at
    }
}

/// A sign, up to 39 digits of an i128, a point and the zeros that pad a fraction (at most
/// MAX_DIGITS of them).
const DIGITS_BUF: usize = 48 + MAX_DIGITS;

/// The digits of `rest` with a point `frac` digits from the right (zero-padded so that at
/// least one digit stands before the point), ending at `*at`.
fn write_digits_right_to_left<T>(mut rest: T, frac: u32, buf: &mut [u8], at: &mut usize)
where
    T: Copy + PartialOrd + From<u8> + std::ops::Rem<Output = T> + std::ops::Div<Output = T>,
    u8: TryFrom<T>,
{
    let zero = T::from(0);
    let ten = T::from(10);
    let mut written = 0u32;
    while rest > zero || written <= frac {
        if written == frac && frac > 0 {
            *at -= 1;
            buf[*at] = b'.';
        }
        *at -= 1;
        buf[*at] = b'0' + u8::try_from(rest % ten).unwrap_or(0);
        rest = rest / ten;
        written += 1;
        if *at <= 1 {
            break; // frac beyond what parsing allows; never reached for parsed decimals
        }
    }
}

impl Decimal {
    /// The same text as `to_string()`, in a `String` of exactly its length and without the
    /// formatting machinery (a value's `decimal` is built for every number read).
    pub fn to_plain_string(self) -> String {
        let mut buf = [0u8; DIGITS_BUF];
        let at = self.write_digits(&mut buf);
        let digits = &buf[at..];
        let mut out = String::with_capacity(digits.len());
        // Only ASCII digits, '.' and '-' were written.
        out.extend(digits.iter().map(|&b| char::from(b)));
        out
    }
}

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut buf = [0u8; DIGITS_BUF];
        let at = self.write_digits(&mut buf);
        // Only ASCII digits, '.' and '-' were written.
        f.write_str(std::str::from_utf8(&buf[at..]).unwrap_or("NaN"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        let (i, f) = s.split_once('.').unwrap_or((s, ""));
        Decimal::parse_unsigned(i, f).unwrap()
    }

    /// The digit-by-digit `Display` and the fast `to_f64` against the plain forms they
    /// replaced (zero-padded formatting; parsing the printed string).
    #[test]
    fn display_and_to_f64_match_the_plain_forms() {
        use proptest::prelude::*;
        let plain_display = |d: Decimal| {
            let digits = d.mantissa.unsigned_abs().to_string();
            let sign = if d.mantissa < 0 { "-" } else { "" };
            let frac = d.frac as usize;
            if frac == 0 {
                return format!("{sign}{digits}");
            }
            let padded = format!("{digits:0>width$}", width = frac + 1);
            let (int, fraction) = padded.split_at(padded.len() - frac);
            format!("{sign}{int}.{fraction}")
        };
        proptest!(|(mantissa in any::<i64>(), frac in 0u32..=30, big in any::<bool>())| {
            let mantissa = if big { i128::from(mantissa) * 1_000_000_007 } else { i128::from(mantissa) };
            let d = Decimal { mantissa, frac };
            let shown = plain_display(d);
            prop_assert_eq!(d.to_string(), shown.clone());
            prop_assert_eq!(d.to_plain_string(), shown.clone());
            let parsed: f64 = shown.parse().unwrap();
            prop_assert_eq!(d.to_f64().to_bits(), parsed.to_bits());
        });
        for (m, frac, text) in [
            (0, 0, "0"),
            (0, 2, "0.00"),
            (5, 3, "0.005"),
            (-5, 1, "-0.5"),
            (i128::MAX, 0, "170141183460469231731687303715884105727"),
        ] {
            let d = Decimal { mantissa: m, frac };
            assert_eq!(d.to_string(), text);
            assert_eq!(d.to_plain_string(), text);
            assert_eq!(d.to_f64(), text.parse::<f64>().unwrap());
        }
    }

    #[test]
    fn keeps_printed_precision() {
        assert_eq!(dec("4.0").to_string(), "4.0");
        assert_eq!(dec("0.5").to_string(), "0.5");
        assert_eq!(dec("007").to_string(), "7");
        assert_eq!(dec("0.05").to_string(), "0.05");
        assert_eq!(dec("1.05").negate().to_string(), "-1.05");
    }

    #[test]
    fn shifts_exactly() {
        assert_eq!(dec("1.2").shift(4).unwrap().to_string(), "12000");
        assert_eq!(dec("0.07").shift(2).unwrap().to_f64(), 7.0);
        assert_eq!(dec("1.23456").shift(3).unwrap().to_string(), "1234.56");
        assert_eq!(dec("574963").shift(6).unwrap().to_f64(), 574_963_000_000.0);
    }

    #[test]
    fn adds_with_alignment() {
        let a = dec("12").shift(4).unwrap();
        assert_eq!(a.checked_add(dec("3400")).unwrap().to_string(), "123400");
        assert_eq!(
            dec("1.5").checked_add(dec("0.25")).unwrap().to_string(),
            "1.75"
        );
    }

    #[test]
    fn refuses_too_many_digits() {
        assert!(Decimal::parse_unsigned(&"9".repeat(31), "").is_none());
        assert!(Decimal::parse_unsigned("", "").is_none());
        assert!(dec("9").shift(60).is_none());
    }
}
