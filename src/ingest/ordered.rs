//! Reading files on every core, handing them on in order.
//!
//! In: a list of jobs (the files found, in sorted path order), a function that reads one,
//! and the number of workers. Out: each job's result handed to a consumer on the calling
//! thread, in the jobs' order, so that what follows sees the same sequence whether one
//! worker or eight read the files (the output stays byte-identical).
//!
//! Memory stays bounded: a worker starts job `i` only when fewer than `workers` jobs before
//! it are still waiting to be handed on, so at most one read result per worker is held
//! (plus the one the consumer is working on), however the files' sizes differ.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};

/// How many workers read files: one per core this process may run on (which honours
/// `taskset` and container CPU limits), at least one.
pub fn default_workers() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// The shared progress of the workers: the next job to start and how many results the
/// consumer has taken.
struct Window {
    next: usize,
    taken: usize,
    /// The consumer stopped (it panicked): workers start nothing more.
    stopped: bool,
}

/// Tells the workers to stop when the consumer's loop ends in any way, so that a panic
/// there ends the run instead of leaving workers waiting for a window that never moves.
struct StopOnDrop<'a>(&'a Mutex<Window>, &'a Condvar);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        lock(self.0).stopped = true;
        self.1.notify_all();
    }
}

/// Runs `read` on every job with up to `workers` threads, and `consume` on each result on
/// this thread, in the jobs' order. With one worker (or one job) nothing is spawned.
pub fn for_each_in_order<J, R>(
    jobs: Vec<J>,
    workers: usize,
    read: impl Fn(J) -> R + Sync,
    mut consume: impl FnMut(R),
) where
    J: Send,
    R: Send,
{
    let workers = workers.clamp(1, jobs.len().max(1));
    if workers == 1 {
        jobs.into_iter().for_each(|job| consume(read(job)));
        return;
    }
    let total = jobs.len();
    let jobs: Vec<Mutex<Option<J>>> = jobs.into_iter().map(|j| Mutex::new(Some(j))).collect();
    let window = Mutex::new(Window {
        next: 0,
        taken: 0,
        stopped: false,
    });
    let moved = Condvar::new();
    let (send, results) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let send = send.clone();
            let (jobs, window, moved, read) = (&jobs, &window, &moved, &read);
            scope.spawn(move || {
                loop {
                    let i = {
                        let mut w = lock(window);
                        while !w.stopped && w.next < total && w.next >= w.taken + workers {
                            w = moved
                                .wait(w)
                                .unwrap_or_else(std::sync::PoisonError::into_inner);
                        }
                        if w.stopped || w.next >= total {
                            return;
                        }
                        w.next += 1;
                        w.next - 1
                    };
                    let Some(job) = lock(&jobs[i]).take() else {
                        return;
                    };
                    if send.send((i, read(job))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(send);
        let _stop = StopOnDrop(&window, &moved);
        // Results arrive in any order; each is handed on when all before it have been.
        let mut waiting = BTreeMap::new();
        let mut due = 0;
        for (i, result) in results.iter() {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&due) {
                due += 1;
                lock(&window).taken = due;
                moved.notify_all();
                consume(result);
            }
        }
    });
}

/// Locks a mutex; a worker that panicked has already ended the run's scope with its panic,
/// so a poisoned lock's data is still the last consistent state.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn results_come_in_the_jobs_order_whatever_order_they_finish_in() {
        // Early jobs take longest, so later ones finish first.
        let jobs: Vec<u64> = (0..12).collect();
        let mut seen = Vec::new();
        for_each_in_order(
            jobs,
            3,
            |j| {
                std::thread::sleep(std::time::Duration::from_millis(24 - 2 * j));
                j * 10
            },
            |r| seen.push(r),
        );
        assert_eq!(seen, (0..12).map(|j| j * 10).collect::<Vec<_>>());
    }

    #[test]
    fn no_more_results_wait_than_there_are_workers() {
        // The consumer is slow: workers must stop reading ahead, holding at most one
        // finished result each.
        let read_not_taken = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        for_each_in_order(
            (0..20).collect::<Vec<u32>>(),
            2,
            |j| {
                let now = read_not_taken.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                j
            },
            |_| {
                std::thread::sleep(std::time::Duration::from_millis(3));
                read_not_taken.fetch_sub(1, Ordering::SeqCst);
            },
        );
        // Two workers may each hold one result while the consumer works on a third.
        assert!(
            most.load(Ordering::SeqCst) <= 3,
            "{}",
            most.load(Ordering::SeqCst)
        );
        assert!(
            most.load(Ordering::SeqCst) >= 2,
            "the workers ran in parallel"
        );
    }

    #[test]
    fn a_panicking_consumer_ends_the_run_instead_of_hanging() {
        let run = std::panic::catch_unwind(|| {
            for_each_in_order(
                (0..50).collect::<Vec<u32>>(),
                2,
                |j| j,
                |j| assert!(j < 3, "stop at {j}"),
            );
        });
        assert!(run.is_err());
    }

    #[test]
    fn one_worker_reads_on_this_thread() {
        let here = std::thread::current().id();
        let mut n = 0;
        for_each_in_order(
            vec![1, 2, 3],
            1,
            |j| {
                assert_eq!(std::thread::current().id(), here);
                j
            },
            |j| n += j,
        );
        assert_eq!(n, 6);
    }
}
