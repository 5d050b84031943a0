//! Secondary suppression: what is withheld stays withheld.
//!
//! In: the groups of one table of people (courses, departments, managers against staff), for
//! one year, after each group under [`crate::report::MIN_GROUP`] is withheld. Out: the same
//! groups, with one more withheld where exactly one is, so that no shown total minus the shown
//! groups gives it back. As statistics offices do it (SCB; Eurostat's τ-ARGUS; R's sdcTable):
//! the second group is the smallest one shown, whatever its own size, and it is marked
//! [`TrainingCounts::protects`] so that the pages can say why it is not shown.
//!
//! Two withheld groups cannot be told apart by a total: only their sum is known, and a group
//! under five is withheld because its size alone could point at people. Inference from bounds
//! (under five, completed at most enrolled) is not solved here, as the issue allows.

use crate::report::TrainingCounts;

/// Withholds a second group when exactly one of `groups` (in the order they are shown) is
/// withheld: the smallest one with people, the first of equals. A group of nobody is known to
/// be nobody and hides nothing. `published` are (enrolled, completed) pairs the pages give
/// elsewhere (the management group's training under the law): a group with the same counts
/// would be withheld in one place and readable in the other, so another is taken when there
/// is one.
pub fn protect(mut groups: Vec<&mut TrainingCounts>, published: &[(u64, u64)]) {
    if groups.iter().filter(|g| g.suppressed).count() != 1 {
        return;
    }
    let candidate = |g: &TrainingCounts, avoid: bool| {
        !g.suppressed
            && g.enrolled > 0
            && !(avoid && published.contains(&(g.enrolled, g.completed)))
    };
    let smallest = |avoid: bool| {
        let mut smallest: Option<usize> = None;
        for (i, g) in groups.iter().enumerate() {
            if candidate(g, avoid) && smallest.is_none_or(|s| g.enrolled < groups[s].enrolled) {
                smallest = Some(i);
            }
        }
        smallest
    };
    if let Some(i) = smallest(true).or_else(|| smallest(false)) {
        groups[i].suppressed = true;
        groups[i].protects = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(enrolled: u64, suppressed: bool) -> TrainingCounts {
        TrainingCounts {
            enrolled,
            completed: enrolled / 2,
            suppressed,
            protects: false,
        }
    }

    #[test]
    fn one_withheld_group_takes_the_smallest_shown_one_with_it() {
        // The demo's courses: 40, 30 and 9 shown, 3 withheld; the total 82 is on page 1.
        let mut g = [
            counts(40, false),
            counts(30, false),
            counts(9, false),
            counts(3, true),
        ];
        protect(g.iter_mut().collect(), &[]);
        let withheld: Vec<(u64, bool, bool)> = g
            .iter()
            .map(|c| (c.enrolled, c.suppressed, c.protects))
            .collect();
        assert_eq!(
            withheld,
            [
                (40, false, false),
                (30, false, false),
                (9, true, true),
                (3, true, false)
            ]
        );
    }

    #[test]
    fn two_withheld_groups_or_none_need_no_more() {
        let mut g = [counts(40, false), counts(3, true), counts(2, true)];
        protect(g.iter_mut().collect(), &[]);
        assert!(!g[0].suppressed);
        let mut g = [counts(40, false), counts(0, false)];
        protect(g.iter_mut().collect(), &[]);
        assert!(!g[0].suppressed && !g[1].suppressed);
        // Nobody else to withhold: a group of nobody hides nothing.
        let mut g = [counts(3, true), counts(0, false)];
        protect(g.iter_mut().collect(), &[]);
        assert!(!g[1].suppressed);
    }

    #[test]
    fn a_group_whose_counts_are_published_elsewhere_is_not_the_second() {
        // The management group (9, 4) is given on its own: the 9 next to it would not hide.
        let mut g = [
            counts(40, false),
            counts(9, false),
            counts(12, false),
            counts(3, true),
        ];
        protect(g.iter_mut().collect(), &[(9, 4)]);
        assert!(!g[1].suppressed);
        assert!(g[2].protects);
    }
}
