//! Timing a routine with a coarse clock: `performance.now()` may tick only every 100 µs, less
//! than one call of the smaller cases takes. So calls are timed in batches long enough for the
//! clock, and the median batch gives the time per call.

/// A batch lasts at least this long, a hundred ticks of the coarsest clock.
const BATCH_MS: f64 = 10.0;

/// At least this many batches, however long each takes, so that there is a median.
const MIN_BATCHES: usize = 5;

/// The median time per call of `routine`, in the unit of `clock`, over batches of calls run for
/// about `budget` in all (at least [`MIN_BATCHES`] batches). The first call warms up and sizes the
/// batches.
pub fn median_per_call(clock: impl Fn() -> f64, budget: f64, mut routine: impl FnMut()) -> f64 {
    let start = clock();
    routine();
    let first = clock() - start;
    let per_batch = batch_size(first);
    let mut per_call = Vec::new();
    let begun = clock();
    while per_call.len() < MIN_BATCHES || clock() - begun < budget {
        let start = clock();
        for _ in 0..per_batch {
            routine();
        }
        per_call.push((clock() - start) / per_batch as f64);
    }
    median(&mut per_call)
}

/// Calls per batch for a routine whose one call took `first`: enough to last [`BATCH_MS`].
fn batch_size(first: f64) -> usize {
    if first <= 0.0 {
        // Below the clock's resolution: assume one tick of the coarsest clock.
        return (BATCH_MS / 0.1) as usize;
    }
    ((BATCH_MS / first).ceil() as usize).max(1)
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn batch_sizes() {
        for (first, want) in [(0.0, 100), (0.05, 200), (3.0, 4), (10.0, 1), (250.0, 1)] {
            assert_eq!(batch_size(first), want, "first call took {first}");
        }
    }

    #[test]
    fn medians() {
        for (values, want) in [
            (vec![3.0], 3.0),
            (vec![5.0, 1.0, 3.0], 3.0),
            (vec![4.0, 1.0, 2.0, 3.0], 2.5),
        ] {
            assert_eq!(median(&mut values.clone()), want, "{values:?}");
        }
    }

    /// With a clock that advances 2 units per call and a budget of 100: one warm-up call, batches
    /// of 5 calls (10 units each), until 100 units have passed, and exactly 2 units per call.
    #[test]
    fn a_steady_routine_is_timed_exactly() {
        let time = Cell::new(0.0);
        let calls = Cell::new(0);
        let per_call = median_per_call(
            || time.get(),
            100.0,
            || {
                time.set(time.get() + 2.0);
                calls.set(calls.get() + 1);
            },
        );
        assert_eq!(per_call, 2.0);
        assert_eq!(calls.get(), 1 + 10 * 5);
    }
}
