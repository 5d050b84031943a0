//! Reading yes/no values.
//!
//! In: a [`RawValue`]. Out: `Some(bool)`, or `None` when the value is not a yes/no word.
//! Ja/Nej, J/N, Yes/No, Y, X, 1/0, true/false and sant/falskt are read, in any case; an empty
//! cell never reaches this function (it counts as "no" for counts).

use crate::ingest::cell::RawValue;

/// The yes/no a value stands for, if it is one.
pub fn parse(value: &RawValue) -> Option<bool> {
    match value {
        RawValue::Bool(b) => Some(*b),
        RawValue::Number(n) if *n == 1.0 => Some(true),
        RawValue::Number(n) if *n == 0.0 => Some(false),
        RawValue::Text(t) => match crate::canonical::key(t).as_str() {
            "ja" | "j" | "yes" | "y" | "x" | "1" | "true" | "sant" => Some(true),
            "nej" | "n" | "no" | "0" | "false" | "falskt" => Some(false),
            _ => None,
        },
        RawValue::Number(_) | RawValue::Date(..) | RawValue::Error(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_and_no_words_are_read_in_any_case() {
        for yes in ["Ja", "J", "YES", "x", "1", "True", "sant"] {
            assert_eq!(parse(&RawValue::Text(yes.into())), Some(true), "{yes}");
        }
        for no in ["nej", "N", "No", "0", "FALSE", "Ne\u{200B}j", "\u{FEFF}NEJ"] {
            assert_eq!(parse(&RawValue::Text(no.into())), Some(false), "{no}");
        }
        assert_eq!(parse(&RawValue::Number(1.0)), Some(true));
        assert_eq!(parse(&RawValue::Bool(false)), Some(false));
        assert_eq!(parse(&RawValue::Text("kanske".into())), None);
        assert_eq!(parse(&RawValue::Number(2.0)), None);
    }
}
