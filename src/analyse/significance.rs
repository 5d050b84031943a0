//! Is a change between two counts larger than chance? The exact test for two Poisson counts.
//!
//! In: two counts and the lengths of the periods they were counted over. Out: a
//! [`ChangeTest`] with the two-sided p-value. Under the hypothesis that both periods have the
//! same underlying rate, the first count given the total `n` is binomial with
//! `p = t1 / (t1 + t2)`; the p-value sums the probabilities of every outcome no more likely
//! than the one observed (the method of R's `binom.test` and `poisson.test`).

use crate::report::ChangeTest;

/// Changes with a p-value below this are called larger than normal variation.
pub const SIGNIFICANCE_LEVEL: f64 = crate::report::SIGNIFICANCE;

/// Tests `current` counted over `current_days` against `previous` over `previous_days`.
/// `None` when both counts are zero (there is nothing to compare) or a period is empty.
pub fn compare_counts(
    current: u64,
    current_days: u32,
    previous: u64,
    previous_days: u32,
) -> Option<ChangeTest> {
    let n = current.checked_add(previous)?;
    if n == 0 || current_days == 0 || previous_days == 0 {
        return None;
    }
    let p = f64::from(current_days) / (f64::from(current_days) + f64::from(previous_days));
    let p_value = binomial_two_sided(current, n, p);
    Some(ChangeTest {
        p_value,
        significant: p_value < SIGNIFICANCE_LEVEL,
    })
}

/// Two-sided exact binomial p-value of `k` successes in `n` trials with probability `p`.
fn binomial_two_sided(k: u64, n: u64, p: f64) -> f64 {
    let ln_pmf = LnPmf::new(n, p);
    let observed = ln_pmf.at(k);
    // Outcomes within a relative 1e-7 of the observed probability count as equally likely,
    // so that ties are not lost to rounding (as R does).
    let limit = observed + (1.0 + 1e-7f64).ln();
    let mut total = 0.0;
    for i in 0..=n {
        let l = ln_pmf.at(i);
        if l <= limit {
            total += l.exp();
        }
    }
    total.min(1.0)
}

/// The log of the binomial probability mass function for one `n` and `p`.
struct LnPmf {
    /// `ln(i!)` for `i` in `0..=n`.
    ln_factorial: Vec<f64>,
    ln_p: f64,
    ln_q: f64,
    n: u64,
}

impl LnPmf {
    fn new(n: u64, p: f64) -> LnPmf {
        let mut ln_factorial = Vec::with_capacity(n as usize + 1);
        let mut acc = 0.0f64;
        ln_factorial.push(acc);
        for i in 1..=n {
            acc += (i as f64).ln();
            ln_factorial.push(acc);
        }
        LnPmf {
            ln_factorial,
            ln_p: p.ln(),
            ln_q: (1.0 - p).ln(),
            n,
        }
    }

    fn at(&self, k: u64) -> f64 {
        let f = &self.ln_factorial;
        let (k_, n) = (k as usize, self.n as usize);
        f[n] - f[k_] - f[n - k_] + k as f64 * self.ln_p + (self.n - k) as f64 * self.ln_q
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(a: u64, ta: u32, b: u64, tb: u32) -> f64 {
        compare_counts(a, ta, b, tb).unwrap().p_value
    }

    // Reference values computed independently with exact fractions in Python
    // (sum of C(n, i) p^i q^(n-i) over outcomes no likelier than the observed one).
    #[test]
    fn equal_periods_match_r() {
        // 20 of 36 at p = 1/2: 0.617 719
        assert!((p(20, 365, 16, 365) - 0.617_719).abs() < 1e-6);
        // 90 of 145 at p = 1/2: 0.004 581
        assert!((p(90, 365, 55, 365) - 0.004_581).abs() < 1e-6);
        // 55 of 135 at p = 1/2: 0.038 472; with 316 against 317 days (p = 316/633): 0.038 504
        assert!((p(55, 316, 80, 316) - 0.038_472).abs() < 1e-6);
        assert!((p(55, 316, 80, 317) - 0.038_504).abs() < 1e-6);
        assert!(!compare_counts(20, 365, 16, 365).unwrap().significant);
        assert!(compare_counts(90, 365, 55, 365).unwrap().significant);
    }

    #[test]
    fn unequal_periods_are_adjusted() {
        // Half a year with 50 against a full year with 100: the same rate, p = 1.
        assert!((p(50, 182, 100, 364) - 1.0).abs() < 1e-9);
        // 50 in half a year against 60 in a full year: the rate nearly doubled.
        // 50 of 110 at p = 1/3: 0.008 404
        let t = compare_counts(50, 182, 60, 364).unwrap();
        assert!(t.significant);
        assert!((t.p_value - 0.008_404).abs() < 1e-6, "{}", t.p_value);
        // Without the adjustment 50 against 60 would look like a small decrease.
        assert!(!compare_counts(50, 364, 60, 364).unwrap().significant);
    }

    #[test]
    fn nothing_to_compare() {
        assert_eq!(compare_counts(0, 316, 0, 317), None);
        assert_eq!(compare_counts(3, 0, 1, 10), None);
        // One against none over equal periods is well within chance (p = 1).
        assert!((p(1, 10, 0, 10) - 1.0).abs() < 1e-12);
    }
}
