//! Findings kept within bounds: a million rows with the same problem must not become a
//! million rows of the workbook, nor a gigabyte of memory.
//!
//! In: [`Finding`]s as they are found. Out: per group (file, sheet, column and problem) the
//! first [`LISTED_PER_GROUP`] rows, and how many rows each group has in all, so that the
//! workbook and `summary.json` can say "och 12 345 rader till med samma problem".

use std::collections::HashMap;
use std::hash::BuildHasher;

use super::{Finding, Problem};
use crate::sensitive::Shown;

/// Rows listed per group; the rest are counted.
pub const LISTED_PER_GROUP: usize = 100;

/// A group of findings: one problem in one column of one sheet.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FindingGroup {
    /// The file.
    pub file: Shown,
    /// The sheet, when the findings are about one.
    pub sheet: Option<Shown>,
    /// The column, when the findings are about one.
    pub column: Option<Shown>,
    /// The problem of the group's first finding (its message stands for the group).
    pub problem: Problem,
    /// Rows with this problem in all.
    pub rows: usize,
    /// Rows listed one by one.
    pub listed: usize,
}

impl FindingGroup {
    /// Rows counted but not listed.
    pub fn omitted(&self) -> usize {
        self.rows - self.listed
    }

    /// The group's unlisted rows as one line for the terminal.
    pub fn line(&self) -> String {
        let mut s = self.file.to_string();
        if let Some(sheet) = &self.sheet {
            s.push_str(&format!(", sheet \"{sheet}\""));
        }
        if let Some(col) = &self.column {
            s.push_str(&format!(", column {col}"));
        }
        format!(
            "{s}: and {} more rows with the same problem ({}), not listed one by one.",
            self.omitted(),
            self.problem.code()
        )
    }
}

/// Collects findings, listing at most [`LISTED_PER_GROUP`] per group.
#[derive(Debug, Default)]
pub struct Findings {
    listed: Vec<Finding>,
    groups: Vec<FindingGroup>,
    /// Hash of a group's key → indices into `groups` with that hash.
    index: HashMap<u64, Vec<usize>>,
    hasher: std::collections::hash_map::RandomState,
}

impl Findings {
    /// Adds a finding: listed while its group has room, else only counted.
    pub fn push(&mut self, f: Finding) {
        let l = &f.location;
        let code = f.problem.code();
        let hash = self.hasher.hash_one((&l.file, &l.sheet, &l.column, code));
        let slot = self.index.entry(hash).or_default();
        let found = slot.iter().copied().find(|&g| {
            let g = &self.groups[g];
            g.file == l.file
                && g.sheet == l.sheet
                && g.column == l.column
                && g.problem.code() == code
        });
        let g = match found {
            Some(g) => g,
            None => {
                self.groups.push(FindingGroup {
                    file: l.file.clone(),
                    sheet: l.sheet.clone(),
                    column: l.column.clone(),
                    problem: f.problem.clone(),
                    rows: 0,
                    listed: 0,
                });
                slot.push(self.groups.len() - 1);
                self.groups.len() - 1
            }
        };
        let group = &mut self.groups[g];
        group.rows += 1;
        if group.listed < LISTED_PER_GROUP {
            group.listed += 1;
            self.listed.push(f);
        }
    }

    /// The findings listed so far, in the order found.
    pub fn listed(&self) -> &[Finding] {
        &self.listed
    }

    /// Changes each listed finding in place (to withhold a value found to be a pooled label
    /// once every file is read).
    pub fn for_each_listed(&mut self, f: impl FnMut(&mut Finding)) {
        self.listed.iter_mut().for_each(f);
    }

    /// Every finding counted, listed or not.
    pub fn total(&self) -> usize {
        self.groups.iter().map(|g| g.rows).sum()
    }

    /// The listed findings sorted by file, sheet, row and column, and the groups that have
    /// rows not listed, sorted.
    pub fn finish(self) -> (Vec<Finding>, Vec<FindingGroup>) {
        let mut listed = self.listed;
        listed.sort();
        let mut omitted: Vec<FindingGroup> = self
            .groups
            .into_iter()
            .filter(|g| g.omitted() > 0)
            .collect();
        omitted.sort();
        (listed, omitted)
    }
}

impl Extend<Finding> for Findings {
    fn extend<I: IntoIterator<Item = Finding>>(&mut self, iter: I) {
        for f in iter {
            self.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_group_lists_its_first_rows_and_counts_the_rest() {
        let mut f = Findings::default();
        for row in 2..1002 {
            let finding = |col: &str| {
                let (file, sheet) = (Shown::fixed("a.csv"), Shown::fixed("a"));
                let col = Shown::label(col);
                Finding::cell(&file, &sheet, row, &col, Some("x"), Problem::UnknownStatus)
            };
            f.push(finding("C (Status)"));
            if row < 5 {
                f.push(finding("D (Status 2)"));
            }
        }
        f.push(Finding::file(
            &Shown::fixed("b.xlsx"),
            Problem::NoRecognisedSheet,
        ));
        assert_eq!(f.total(), 1000 + 3 + 1);
        let (listed, omitted) = f.finish();
        assert_eq!(listed.len(), LISTED_PER_GROUP + 3 + 1);
        assert_eq!(omitted.len(), 1);
        assert_eq!(omitted[0].column.as_deref(), Some("C (Status)"));
        assert_eq!((omitted[0].rows, omitted[0].omitted()), (1000, 900));
        assert_eq!(listed[0].location.row, Some(2));
        let last_c = listed
            .iter()
            .rfind(|f| f.location.column.as_deref() == Some("C (Status)"))
            .unwrap();
        assert_eq!(last_c.location.row, Some(101));
    }
}
