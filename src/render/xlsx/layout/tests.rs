//! Unit tests of `layout`.

use super::*;

#[test]
fn a_text_longer_than_a_cell_holds_is_cut_saying_so() {
    assert_eq!(cell_text("kort"), "kort");
    let long = "å".repeat(40_000);
    let cut = cell_text(&long);
    assert_eq!(cut.chars().count(), EXCEL_CELL_CHARS);
    assert!(cut.ends_with("(texten är förkortad: en cell rymmer högst 32 767 tecken)"));
}
