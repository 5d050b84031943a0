//! The one number parser: numbers as typed in Sweden, for every numeric field (likelihood,
//! consequence, maturity levels, K/R/T levels, counts of people).
//!
//! In: a cell's [`RawValue`], or a text. Out: the number it is, never truncated: a decimal
//! comma or point ("2,5", "2.5"), a space, no-break space or thin space between groups of
//! three digits ("1 234", "1 234 567,5"), a sign (hyphen or the true minus sign) and a
//! trailing per cent sign ("75 %" is 0.75, as Excel reads it). [`whole_step`] then says
//! whether a number is a whole step on a scale, a fraction, or off the scale, so that the
//! caller can name the cell.

use crate::ingest::cell::RawValue;

/// The number a text is, as typed in Sweden; `None` when it is not only a number.
pub fn parse_text(text: &str) -> Option<f64> {
    let t = crate::canonical::canonical(text);
    let mut t = t.as_ref();
    let mut scale = 1.0;
    if let Some(rest) = t.strip_suffix('%') {
        t = rest.trim_end();
        scale = 0.01;
    }
    let (negative, body) = match t.chars().next()? {
        '-' | '\u{2212}' => (true, t[t.chars().next()?.len_utf8()..].trim_start()),
        '+' => (false, t[1..].trim_start()),
        _ => (false, t),
    };
    let value = unsigned(body)?;
    Some(if negative { -value } else { value } * scale)
}

/// A number without a sign: digits in groups, and one decimal separator.
fn unsigned(body: &str) -> Option<f64> {
    if body.is_empty() || !body.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | ',' | '.'))
    {
        return None;
    }
    let (commas, points) = (body.matches(',').count(), body.matches('.').count());
    // The decimal separator: the last of a comma and a point when both are there; a lone
    // comma or point; none when one of them repeats (it groups thousands).
    let decimal = match (commas, points) {
        (0, 0) => None,
        (1, 0) => Some(','),
        (0, 1) => Some('.'),
        (_, 0) | (0, _) => None,
        (1, _) | (_, 1) => {
            let last = body.rfind([',', '.'])?;
            Some(body[last..].chars().next()?)
        }
        _ => return None,
    };
    let (whole, fraction) = match decimal {
        Some(d) => {
            let at = body.rfind(d)?;
            (&body[..at], Some(&body[at + 1..]))
        }
        None => (body, None),
    };
    // Groups of three after the first, separated by one kind of mark.
    let groups: Vec<&str> = whole.split([' ', ',', '.']).collect();
    let marks: Vec<char> = whole.chars().filter(|c| !c.is_ascii_digit()).collect();
    if groups.len() > 1
        && (marks.windows(2).any(|w| w[0] != w[1])
            || groups[0].is_empty()
            || groups[0].len() > 3
            || groups[1..].iter().any(|g| g.len() != 3))
    {
        return None;
    }
    let mut digits: String = groups.concat();
    if let Some(f) = fraction {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push('.');
        digits.push_str(f);
    }
    digits.parse().ok()
}

/// The number a cell holds: a number cell, or a text that is only a number.
pub fn parse(value: &RawValue) -> Option<f64> {
    match value {
        RawValue::Number(n) => Some(*n),
        RawValue::Text(t) => parse_text(t),
        _ => None,
    }
}

/// The number a text starts with, and the rest ("3 - Möjlig", "2,5 Definierad"); a text that
/// is only a number has an empty rest.
pub fn leading(text: &str) -> Option<(f64, &str)> {
    let t = text.trim_start();
    let end = t
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit()
                || ((c == ',' || c == '.') && t[i + 1..].starts_with(|d: char| d.is_ascii_digit())))
        })
        .map_or(t.len(), |(i, _)| i);
    let number = parse_text(&t[..end])?;
    Some((number, t[end..].trim_start()))
}

/// What a number is on a scale of whole steps.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step {
    /// A whole step on the scale.
    Whole(u32),
    /// A number with a fraction ("2,5"): never rounded or truncated.
    Fraction(f64),
    /// A whole number off the scale.
    OffScale(f64),
}

/// `n` on the scale of whole steps `range`.
pub fn whole_step(n: f64, range: std::ops::RangeInclusive<u32>) -> Step {
    if n.fract() != 0.0 {
        Step::Fraction(n)
    } else if n >= f64::from(*range.start()) && n <= f64::from(*range.end()) {
        Step::Whole(n as u32)
    } else {
        Step::OffScale(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_as_typed_in_sweden() {
        assert_eq!(parse_text("2,5"), Some(2.5));
        assert_eq!(parse_text("2.5"), Some(2.5));
        assert_eq!(parse_text("4,5"), Some(4.5));
        assert_eq!(parse_text("1 234"), Some(1234.0));
        assert_eq!(parse_text("1\u{A0}234"), Some(1234.0));
        assert_eq!(parse_text("1\u{202F}234\u{202F}567,25"), Some(1_234_567.25));
        assert_eq!(parse_text("1.234,5"), Some(1234.5));
        assert_eq!(parse_text("1,234.5"), Some(1234.5));
        assert_eq!(parse_text("1,234,567"), Some(1_234_567.0));
        assert_eq!(parse_text("75 %"), Some(0.75));
        assert_eq!(parse_text("12,5%"), Some(0.125));
        assert_eq!(parse_text("\u{2212}3"), Some(-3.0));
        assert_eq!(parse_text("-0,3"), Some(-0.3));
        assert_eq!(parse_text(" 3 "), Some(3.0));
        assert_eq!(parse_text("3\u{200B}"), Some(3.0));
        for not in [
            "",
            "x",
            "3 - Möjlig",
            "1 23",
            "12 3456",
            "1,2,3",
            "1.2,3.4",
            "2,",
            ",5",
        ] {
            assert_eq!(parse_text(not), None, "{not:?}");
        }
    }

    #[test]
    fn a_leading_number_keeps_its_fraction() {
        assert_eq!(leading("3 - Möjlig"), Some((3.0, "- Möjlig")));
        assert_eq!(leading("2,5 Definierad"), Some((2.5, "Definierad")));
        assert_eq!(leading("4"), Some((4.0, "")));
        assert_eq!(leading("Nivå 2"), None);
    }

    #[test]
    fn steps_are_whole_and_on_the_scale() {
        assert_eq!(whole_step(3.0, 1..=4), Step::Whole(3));
        assert_eq!(whole_step(2.5, 1..=4), Step::Fraction(2.5));
        assert_eq!(whole_step(5.0, 1..=4), Step::OffScale(5.0));
        assert_eq!(whole_step(0.0, 1..=4), Step::OffScale(0.0));
    }
}
