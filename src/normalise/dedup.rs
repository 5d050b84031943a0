//! Merging cases that appear in more than one export (or twice in one), as the rows arrive.
//!
//! In: each sheet's newest reported date, then its cases one at a time with their case
//! numbers and origins. Out: where each case goes (a new case, in place of an earlier row of
//! the same case, or nowhere), and at the end how many rows were merged per sheet and a
//! finding per merged row. For each case number the row kept is the one from the export made
//! later ([`ExportTime::compare`]: its own time, else its rows' latest date; its status is
//! the most recent); ties go to the later file in path order, then to the lower row. Rows
//! without a case number are always kept. Where the two rows give the case different
//! statuses, the finding names both.
//!
//! Deciding as the rows arrive means the case table never holds a duplicate: the same
//! million-row export dropped in twice takes the memory of one.

use std::cmp::Reverse;

use super::export_time::ExportTime;
use crate::calendar::Day;
use crate::model::{Incidents, Origin};
use crate::quality::{Finding, Findings, Problem};
use crate::sensitive::Shown;

/// A sheet as de-duplication needs to know it.
pub struct SheetInfo {
    /// The file, relative to the input folder.
    pub file: Shown,
    /// The sheet name.
    pub sheet: Shown,
    /// The id column's label, if the sheet has one.
    pub id_column: Option<Shown>,
}

impl SheetInfo {
    /// A sheet that contributed no cases.
    pub fn default_for(file: &Shown, sheet: &Shown) -> SheetInfo {
        SheetInfo {
            file: file.clone(),
            sheet: sheet.clone(),
            id_column: None,
        }
    }
}

/// Where an arriving case goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// A case not seen before: append it.
    New,
    /// It wins over the earlier row of its case at this index: overwrite that row.
    Replace(usize),
    /// An earlier row of its case wins: leave it out.
    Merged,
}

/// A row merged away, and the case it was merged into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Loser {
    origin: Origin,
    id: u32,
    case: u32,
    /// The losing row's status.
    status: u32,
}

/// The de-duplication state while sheets arrive.
#[derive(Debug, Default)]
pub struct Dedup {
    /// For each case-number label, the index of its case (`u32::MAX`: none yet).
    case_of_id: Vec<u32>,
    /// Each sheet's time, by the sheet's index.
    times: Vec<ExportTime>,
    losers: Vec<Loser>,
}

impl Dedup {
    /// Starts a sheet: its index and its time; `ids` is how many case-number labels there
    /// are now.
    pub fn start_sheet(&mut self, sheet: u32, time: ExportTime, ids: usize) {
        let i = sheet as usize;
        if self.times.len() <= i {
            self.times
                .resize(i + 1, ExportTime::from_rows(Day::MIN, Day::MIN));
        }
        self.times[i] = time;
        self.case_of_id.resize(ids, u32::MAX);
    }

    /// Whether the row at `a` is newer than the row at `b`.
    fn newer(&self, a: Origin, b: Origin) -> bool {
        let (x, y) = (&self.times[a.sheet as usize], &self.times[b.sheet as usize]);
        x.compare(y)
            .then(a.sheet.cmp(&b.sheet))
            .then(Reverse(a.row).cmp(&Reverse(b.row)))
            .is_gt()
    }

    /// Decides where a case goes; `len` is the number of cases so far (the index a new case
    /// gets).
    pub fn place(
        &mut self,
        incidents: &Incidents,
        id: Option<u32>,
        origin: Origin,
        status: u32,
    ) -> Placement {
        let Some(id) = id else {
            return Placement::New;
        };
        let slot = &mut self.case_of_id[id as usize];
        if *slot == u32::MAX {
            *slot = incidents.len() as u32;
            return Placement::New;
        }
        let case = *slot;
        let earlier = incidents.origin[case as usize];
        if self.newer(origin, earlier) {
            self.losers.push(Loser {
                origin: earlier,
                id,
                case,
                status: incidents.status[case as usize],
            });
            Placement::Replace(case as usize)
        } else {
            self.losers.push(Loser {
                origin,
                id,
                case,
                status,
            });
            Placement::Merged
        }
    }

    /// Ends de-duplication: a finding per merged row (naming the row that stands for its
    /// case in the end), in file, sheet and row order; returns the rows merged per sheet.
    pub fn finish(
        mut self,
        incidents: &Incidents,
        sheets: &[SheetInfo],
        findings: &mut Findings,
    ) -> Vec<usize> {
        let mut merged_per_sheet = vec![0; sheets.len()];
        self.losers.sort_unstable();
        for loser in &self.losers {
            let o = loser.origin;
            merged_per_sheet[o.sheet as usize] += 1;
            let w = incidents.origin[loser.case as usize];
            let ws = &sheets[w.sheet as usize];
            let here = &sheets[o.sheet as usize];
            let kept = crate::quality::Kept {
                file_sheet: (ws.file != here.file || ws.sheet != here.sheet)
                    .then(|| (ws.file.clone(), ws.sheet.clone())),
                row: w.row,
            };
            let kept_status = incidents.status[loser.case as usize];
            let statuses = (kept_status != loser.status).then(|| {
                (
                    incidents.statuses.name(loser.status).to_string(),
                    incidents.statuses.name(kept_status).to_string(),
                )
            });
            findings.push(Finding::cell(
                &here.file,
                &here.sheet,
                o.row,
                here.id_column.as_ref().unwrap_or(&Shown::default()),
                Some(incidents.ids.name(loser.id)),
                Problem::DuplicateId { kept, statuses },
            ));
        }
        merged_per_sheet
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Case;

    /// Places a case as `incidents::append` does, and pushes or overwrites it.
    fn case(inc: &mut Incidents, d: &mut Dedup, id: &str, reported: Day, sheet: u32, row: u32) {
        let id = inc.ids.intern(id);
        d.case_of_id.resize(inc.ids.len(), u32::MAX);
        let origin = Origin { sheet, row };
        let c = Case {
            id: Some(id),
            reported,
            discovered: None,
            closed: None,
            imy_date: None,
            status: 0,
            category: None,
            department: None,
            unit: None,
            object: None,
            personal_data: None,
            imy_reported: None,
            msb_reported: None,
            csl: None,
            origin,
        };
        match d.place(inc, Some(id), origin, 0) {
            Placement::New => inc.push(c),
            Placement::Replace(i) => inc.set(i, c),
            Placement::Merged => {}
        }
    }

    fn info(f: &str) -> SheetInfo {
        SheetInfo {
            file: Shown::label(f),
            sheet: Shown::fixed("Blad1"),
            id_column: Some(Shown::fixed("A (Ärende)")),
        }
    }

    #[test]
    fn the_newer_export_wins() {
        let (mut inc, mut d) = (Incidents::default(), Dedup::default());
        // Sheet 0: an export up to day 100; sheet 1: up to day 300.
        d.start_sheet(0, ExportTime::from_rows(100, 100), 0);
        case(&mut inc, &mut d, "IA-1", 90, 0, 2);
        case(&mut inc, &mut d, "IA-2", 100, 0, 3);
        d.start_sheet(1, ExportTime::from_rows(300, 300), inc.ids.len());
        case(&mut inc, &mut d, "ia-1", 90, 1, 2);
        case(&mut inc, &mut d, "IA-3", 300, 1, 3);
        assert_eq!(inc.len(), 3);
        assert_eq!(inc.origin[0], Origin { sheet: 1, row: 2 });
        let mut findings = Findings::default();
        let merged = d.finish(&inc, &[info("old.xlsx"), info("new.xlsx")], &mut findings);
        assert_eq!(merged, [1, 0]);
        assert_eq!(findings.total(), 1);
        let line = findings.listed()[0].line();
        assert!(
            line.starts_with("old.xlsx, sheet \"Blad1\", row 2, column A (Ärende): \"IA-1\""),
            "{line}"
        );
        assert!(line.contains("new.xlsx, sheet \"Blad1\", row 2"), "{line}");
    }

    #[test]
    fn an_older_export_read_later_loses() {
        let (mut inc, mut d) = (Incidents::default(), Dedup::default());
        d.start_sheet(0, ExportTime::from_rows(300, 300), 0);
        case(&mut inc, &mut d, "IA-1", 250, 0, 5);
        d.start_sheet(1, ExportTime::from_rows(100, 100), inc.ids.len());
        case(&mut inc, &mut d, "IA-1", 90, 1, 2);
        assert_eq!(inc.len(), 1);
        assert_eq!(inc.origin[0], Origin { sheet: 0, row: 5 });
        let mut findings = Findings::default();
        let merged = d.finish(&inc, &[info("new.xlsx"), info("old.xlsx")], &mut findings);
        assert_eq!(merged, [0, 1]);
    }

    #[test]
    fn within_one_sheet_the_first_row_wins() {
        let (mut inc, mut d) = (Incidents::default(), Dedup::default());
        d.start_sheet(0, ExportTime::from_rows(95, 95), 0);
        case(&mut inc, &mut d, "IA-1", 90, 0, 2);
        case(&mut inc, &mut d, "IA-1", 95, 0, 7);
        assert_eq!(inc.len(), 1);
        assert_eq!(inc.reported[0], 90);
        let mut findings = Findings::default();
        d.finish(&inc, &[info("a.xlsx")], &mut findings);
        assert!(
            findings.listed()[0]
                .line()
                .contains("row 2 of the same sheet")
        );
    }
}
