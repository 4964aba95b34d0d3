//! Order-keeping parallel maps for the reading stages, with a floor below which they run on
//! the calling thread.
//!
//! Handing work to the thread pool costs tens of microseconds (a wake-up on another core),
//! which is more than a short report takes to read: a 20 KB report stays on one thread, a
//! 20 MB one spreads over every core. The result is the same either way, since each item
//! is mapped on its own and results come back in input order.

use rayon::prelude::*;

/// `items.iter().map(f)`, in parallel when there are at least `min_parallel` items.
pub fn map<'a, T, R, F>(items: &'a [T], min_parallel: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&'a T) -> R + Sync + Send,
{
    if items.len() < min_parallel.max(2) {
        return items.iter().map(f).collect();
    }
    items
        .par_iter()
        .with_min_len(task_len(min_parallel))
        .map(f)
        .collect()
}

/// `items.into_iter().enumerate().map(f)`, in parallel when there are at least
/// `min_parallel` items.
pub fn map_owned<T, R, F>(items: Vec<T>, min_parallel: usize, f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(usize, T) -> R + Sync + Send,
{
    if items.len() < min_parallel.max(2) {
        return items
            .into_iter()
            .enumerate()
            .map(|(i, t)| f(i, t))
            .collect();
    }
    items
        .into_par_iter()
        .with_min_len(task_len(min_parallel))
        .enumerate()
        .map(|(i, t)| f(i, t))
        .collect()
}

/// Items per task once parallel: a quarter of the floor, so each task is still worth its
/// hand-over.
fn task_len(min_parallel: usize) -> usize {
    (min_parallel / 4).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_results_below_and_above_the_floor() {
        let items: Vec<u32> = (0..5000).collect();
        let square = |x: &u32| u64::from(*x) * u64::from(*x);
        let sequential = map(&items, usize::MAX, square);
        let parallel = map(&items, 8, square);
        assert_eq!(sequential, parallel);
        assert_eq!(sequential[4999], 4999 * 4999);
        let owned = map_owned(items.clone(), 8, |i, x| (i, x + 1));
        let owned_seq = map_owned(items, usize::MAX, |i, x| (i, x + 1));
        assert_eq!(owned, owned_seq);
        assert_eq!(owned[10], (10, 11));
        assert!(map(&[] as &[u32], 8, square).is_empty());
    }
}
