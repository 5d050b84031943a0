//! Swedish telephone numbers in a text.
//!
//! In: any text. Out: whether it holds something written like a Swedish telephone number:
//! a national number (`070-123 45 67`, `08-123 456 78`, `0701234567`, `031-12 34 56`) or an
//! international one (`+46 70 123 45 67`, `+46 (0)8 123 456 78`, `0046 8 123 456 78`).

/// The digits a Swedish national number has, its leading 0 included: 0 and 7–9 digits.
const NATIONAL_DIGITS: std::ops::RangeInclusive<usize> = 8..=10;

/// Whether the text holds a Swedish telephone number.
///
/// A number starts at a `+46`, a `0046` or a `0` that follows no digit or letter, and runs
/// on over digits and single separators: spaces (or no-break spaces), at most one `-`
/// before them (between the area code and the subscriber's number), and `(0)` after the
/// country code. It is a telephone number when its national form has 8 to 10 digits and the
/// digit after the leading 0 is not 0 (so `0001234` is a serial, not a number). A second
/// hyphen, or a slash, makes it a date or a code instead (`01-02-2025`, `03/15/2010`).
pub fn has_phone_number(text: &str) -> bool {
    // A number starts at a 0 or a +: most labels have neither.
    if !text.bytes().any(|b| b == b'0' || b == b'+') {
        return false;
    }
    // An ASCII text (most case numbers) is looked at byte by byte.
    if text.is_ascii() {
        return any_number(text.as_bytes());
    }
    // A label is short: its characters fit on the stack (a million case numbers are checked
    // without a million allocations).
    let mut short = ['\0'; 64];
    if text.len() <= short.len() {
        let mut n = 0;
        for c in text.chars() {
            short[n] = c;
            n += 1;
        }
        return any_number(&short[..n]);
    }
    any_number(&text.chars().collect::<Vec<char>>())
}

/// Whether a number starts anywhere in `c`: the characters of a text, or the bytes of an
/// ASCII one.
fn any_number<C: Copy + Into<char>>(c: &[C]) -> bool {
    // A number starts at a 0 or a + (see `starts_number`): the other places need no look.
    (0..c.len()).any(|i| matches!(c[i].into(), '0' | '+') && starts_number(c, i))
}

fn starts_number<C: Copy + Into<char>>(c: &[C], i: usize) -> bool {
    if i > 0 {
        let before: char = c[i - 1].into();
        if before.is_alphanumeric() || before == '+' {
            return false;
        }
    }
    let rest = &c[i..];
    let ch = |k: usize| rest.get(k).map(|&x| -> char { x.into() });
    let (mut at, mut digits) = if starts_with(rest, 0, "+46") {
        (3, 1) // the national 0 the country code stands for
    } else if starts_with(rest, 0, "0046") {
        (4, 1)
    } else if ch(0) == Some('0') {
        (0, 0)
    } else {
        return false;
    };
    if digits == 1 {
        // "+46 (0)8 …": the 0 in brackets is the national prefix, not a digit more.
        let after = skip_separator(ch(at), at);
        if starts_with(rest, after, "(0)") {
            at = after + 3;
        }
    }
    let (mut hyphen, mut space) = (false, false);
    loop {
        if digits > 0 {
            match ch(at) {
                Some('-') if hyphen || space => return false,
                Some('-') => hyphen = true,
                Some(' ' | '\u{a0}') => space = true,
                _ => {}
            }
            at = skip_separator(ch(at), at);
        }
        match ch(at) {
            Some(d) if d.is_ascii_digit() => {
                if digits == 1 && d == '0' {
                    return false; // the digit after the leading 0: a serial such as 0001234
                }
                digits += 1;
                at += 1;
            }
            _ => break,
        }
        if digits > *NATIONAL_DIGITS.end() {
            return false;
        }
    }
    let ends_clean = ch(at).is_none_or(|ch| !ch.is_alphanumeric());
    NATIONAL_DIGITS.contains(&digits) && ends_clean
}

/// Whether `c` holds the ASCII text `pattern` at `at`.
fn starts_with<C: Copy + Into<char>>(c: &[C], at: usize, pattern: &str) -> bool {
    c.get(at..at + pattern.len())
        .is_some_and(|s| s.iter().zip(pattern.chars()).all(|(&x, p)| x.into() == p))
}

/// The position after one separator `here` at `at`, or `at` when it is none.
fn skip_separator(here: Option<char>, at: usize) -> usize {
    match here {
        Some(' ' | '\u{a0}' | '-') => at + 1,
        _ => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_numbers_are_found() {
        for t in [
            "Ring 070-123 45 67",
            "0701234567",
            "08-123 456 78",
            "08-12345678",
            "031-12 34 56",
            "+46 70 123 45 67",
            "+46701234567",
            "+46 (0)8 123 456 78",
            "0046 8 123 456 78",
            "tel: 08 123 45 67",
        ] {
            assert!(has_phone_number(t), "{t}");
        }
    }

    #[test]
    fn codes_dates_and_serials_are_not_numbers() {
        for t in [
            "IA-2025-0001",
            "2025-03-04",
            "0001234567",
            "Fel mottagare",
            "IA0701234567",
            "08-123",
            "070-123 45 67 89 01",
            "R10",
            "0,5",
            "03/15/2010",
            "01-02-2025",
            "08/123 45 67",
        ] {
            assert!(!has_phone_number(t), "{t}");
        }
    }

    #[test]
    fn bytes_and_characters_give_the_same_answer() {
        for t in [
            "Ring 070-123 45 67",
            "+46 (0)8 123 456 78",
            "0046 8 123 456 78",
            "IA-2025-0001",
            "070-123 45 67 89 01",
            "01-02-2025",
            "IA0701234567",
        ] {
            let chars: Vec<char> = t.chars().collect();
            assert_eq!(any_number(t.as_bytes()), any_number(&chars), "{t}");
        }
        // A non-ASCII text goes the way of characters: a no-break space separates.
        assert!(has_phone_number("070\u{a0}123 45 67"));
        assert!(!has_phone_number("Å070-123 45 67"));
    }
}
