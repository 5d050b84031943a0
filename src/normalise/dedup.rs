//! Merging cases that appear in more than one export (or twice in one).
//!
//! In: all cases with their case numbers and origins, and per sheet its name and id column.
//! Out: which rows to keep, how many were merged per sheet, and a finding per merged row. For
//! each case number the row kept is the one from the sheet whose newest reported date is
//! latest (its status is the most recent); ties go to the later file in path order, then to
//! the lower row. Rows without a case number are always kept.

use crate::calendar::Day;
use crate::model::Incidents;
use crate::quality::{Finding, Findings, Problem};

/// A sheet as de-duplication needs to know it.
pub struct SheetInfo {
    /// The file, relative to the input folder.
    pub file: String,
    /// The sheet name.
    pub sheet: String,
    /// The id column's label, if the sheet has one.
    pub id_column: Option<String>,
}

impl SheetInfo {
    /// A sheet that contributed no cases.
    pub fn default_for(file: &str, sheet: &str) -> SheetInfo {
        SheetInfo {
            file: file.to_string(),
            sheet: sheet.to_string(),
            id_column: None,
        }
    }
}

/// What de-duplication decided.
pub struct Merge {
    /// One entry per case: keep it or not.
    pub keep: Vec<bool>,
    /// Rows merged away, per sheet.
    pub merged_per_sheet: Vec<usize>,
}

/// Decides which rows stand for each case number; a finding per merged row goes to
/// `findings`.
pub fn merge(incidents: &Incidents, sheets: &[SheetInfo], findings: &mut Findings) -> Merge {
    let mut newest: Vec<Day> = vec![Day::MIN; sheets.len()];
    for (o, d) in incidents.origin.iter().zip(&incidents.reported) {
        let n = &mut newest[o.sheet as usize];
        *n = (*n).max(*d);
    }
    let rank = |i: usize| {
        let o = incidents.origin[i];
        (newest[o.sheet as usize], o.sheet, std::cmp::Reverse(o.row))
    };
    // Case numbers are dense label indices, so the winners fit in a vector.
    let mut winner: Vec<usize> = vec![usize::MAX; incidents.ids.len()];
    for (i, id) in incidents.id.iter().enumerate() {
        if let Some(id) = id {
            let w = &mut winner[*id as usize];
            if *w == usize::MAX || rank(i) > rank(*w) {
                *w = i;
            }
        }
    }
    let mut keep = vec![true; incidents.len()];
    let mut merged_per_sheet = vec![0; sheets.len()];
    for (i, id) in incidents.id.iter().enumerate() {
        let Some(id) = id else { continue };
        let w = winner[*id as usize];
        if w != i {
            keep[i] = false;
            let o = incidents.origin[i];
            merged_per_sheet[o.sheet as usize] += 1;
            let ws = &sheets[incidents.origin[w].sheet as usize];
            let here = &sheets[o.sheet as usize];
            let kept = if ws.file == here.file && ws.sheet == here.sheet {
                format!("row {} of the same sheet", incidents.origin[w].row)
            } else {
                format!(
                    "{}, sheet \"{}\", row {}",
                    ws.file, ws.sheet, incidents.origin[w].row
                )
            };
            findings.push(Finding::cell(
                &here.file,
                &here.sheet,
                o.row,
                here.id_column.as_deref().unwrap_or(""),
                Some(incidents.ids.name(*id)),
                Problem::DuplicateId { kept },
            ));
        }
    }
    Merge {
        keep,
        merged_per_sheet,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Origin;

    fn case(inc: &mut Incidents, id: &str, reported: Day, sheet: u32, row: u32) {
        let i = inc.ids.intern(id);
        inc.id.push(Some(i));
        inc.reported.push(reported);
        inc.origin.push(Origin { sheet, row });
    }

    #[test]
    fn the_newer_export_wins() {
        let mut inc = Incidents::default();
        // Sheet 0: an export up to day 100; sheet 1: up to day 300.
        case(&mut inc, "IA-1", 90, 0, 2);
        case(&mut inc, "IA-2", 100, 0, 3);
        case(&mut inc, "ia-1", 90, 1, 2);
        case(&mut inc, "IA-3", 300, 1, 3);
        let info = |f: &str| SheetInfo {
            file: f.into(),
            sheet: "Blad1".into(),
            id_column: Some("A (Ärende)".into()),
        };
        let mut findings = Findings::default();
        let m = merge(&inc, &[info("old.xlsx"), info("new.xlsx")], &mut findings);
        assert_eq!(m.keep, [false, true, true, true]);
        assert_eq!(m.merged_per_sheet, [1, 0]);
        assert_eq!(findings.total(), 1);
        let line = findings.listed()[0].line();
        assert!(
            line.starts_with("old.xlsx, sheet \"Blad1\", row 2, column A (Ärende): \"IA-1\""),
            "{line}"
        );
        assert!(line.contains("new.xlsx, sheet \"Blad1\", row 2"), "{line}");
    }

    #[test]
    fn within_one_sheet_the_first_row_wins() {
        let mut inc = Incidents::default();
        case(&mut inc, "IA-1", 90, 0, 2);
        case(&mut inc, "IA-1", 95, 0, 7);
        let info = SheetInfo {
            file: "a.xlsx".into(),
            sheet: "S".into(),
            id_column: None,
        };
        let mut findings = Findings::default();
        let m = merge(&inc, &[info], &mut findings);
        assert_eq!(m.keep, [true, false]);
        assert!(
            findings.listed()[0]
                .line()
                .contains("row 2 of the same sheet")
        );
    }
}
