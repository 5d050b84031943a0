//! Independent jobs on several threads, results in the jobs' order.
//!
//! In: a number of jobs, a number of threads and the function that does job `i`. Out: the
//! jobs' results, `0` first, whichever thread did each and whenever it finished. Each thread
//! takes the next job when it is done with one, so a long job does not leave the others
//! waiting behind it. Used for charts (one thread per core), for writing files (more threads
//! than cores: the disk is what they wait for) and for the administrations of
//! `rollup --from-exports`. Reading input files has its own scheduler
//! ([`crate::ingest::ordered`]), which also bounds the memory held between the threads.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs `job(0)`, …, `job(jobs - 1)` on up to `threads` threads (none spawned for one job
/// or one thread) and returns their results in that order. A job that panics ends the call
/// with its panic, after the other threads have finished.
pub fn map_in_order<T: Send>(
    jobs: usize,
    threads: usize,
    job: impl Fn(usize) -> T + Sync,
) -> Vec<T> {
    let threads = threads.clamp(1, jobs.max(1));
    if threads == 1 {
        return (0..jobs).map(job).collect();
    }
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<T>>> = (0..jobs).map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= jobs {
                        break;
                    }
                    let done = job(i);
                    *results[i].lock().unwrap_or_else(|p| p.into_inner()) = Some(done);
                }
            });
        }
    });
    results
        .into_iter()
        .map(|slot| {
            slot.into_inner()
                .unwrap_or_else(|p| p.into_inner())
                .expect("every job ran: a thread that panicked ends the scope with its panic")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_jobs_order_whatever_finishes_first() {
        let slow_first = |i: usize| {
            if i == 0 {
                std::thread::sleep(std::time::Duration::from_millis(30));
            }
            i * 10
        };
        assert_eq!(map_in_order(5, 3, slow_first), [0, 10, 20, 30, 40]);
        assert_eq!(map_in_order(3, 1, slow_first), [0, 10, 20]);
        assert_eq!(map_in_order(0, 4, slow_first), Vec::<usize>::new());
    }
}
